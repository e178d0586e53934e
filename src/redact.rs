//! Redaction of reporter-written text before it leaves the service.
//!
//! Reports are written by workers. Before any of that text is sent on (as a safety alert to other
//! workers, or a consented police forward), [`redact`] strips what could identify the *reporter*:
//! their own name, email address and phone number in whatever formatting, any other email address
//! or phone number, full postcodes (coarsened to the outward code) and exact times (coarsened to a
//! part of the day). Perpetrator phone numbers and email addresses the reporter listed ([`Keep`])
//! stay verbatim, because they are what keeps other workers safe; the reporter's own details always
//! win over that list.
//!
//! The reporter's own values are looked for however they are written: the phone number by its
//! last nine digits across any light punctuation (and each number, if the field holds several),
//! the email address also glued to other text, its local part when that is a distinctive handle
//! ("jess.w99") and its domain when that is not a shared webmail provider; the name case- and
//! accent-insensitively, whole and by its parts.
//!
//! How it works: a few linear scans of the text collect candidate spans (the reporter's own values,
//! email addresses, phone numbers, postcodes, times, the reporter's name). Overlaps are resolved in
//! that order of precedence, erring towards removal: a removal that partly overlaps another span
//! swallows it. The text is then rebuilt with the replacements; everything else is copied as is.
//! Pure code: no I/O, no global state, deterministic output, no panics on any input.

use crate::domain::ContactDetails;
use std::collections::{BTreeMap, BTreeSet};

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The reporter's own contact values, as they gave them (any may be absent).
#[derive(Debug, Default, Clone, Copy)]
pub struct ReporterContact<'a> {
    pub name: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
}

impl<'a> ReporterContact<'a> {
    /// The contact details a report holds, as redaction reads them.
    pub fn of(contact: Option<&'a ContactDetails>) -> Self {
        ReporterContact {
            name: contact.and_then(|c| c.name.as_deref()),
            email: contact.and_then(|c| c.email.as_deref()),
            phone: contact.and_then(|c| c.phone.as_deref()),
        }
    }
}

/// Perpetrator identifiers the reporter listed: these are kept verbatim when they appear in text.
#[derive(Debug, Default, Clone, Copy)]
pub struct Keep<'a> {
    pub phone_numbers: &'a [String],
    pub emails: &'a [String],
}

/// A kind of detail that [`redact`] removed or coarsened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Removed {
    ReporterName,
    ReporterEmail,
    ReporterPhone,
    EmailAddress,
    PhoneNumber,
    Postcode,
    ExactTime,
}

impl Removed {
    const ALL: [Self; 7] = [
        Self::ReporterName,
        Self::ReporterEmail,
        Self::ReporterPhone,
        Self::EmailAddress,
        Self::PhoneNumber,
        Self::Postcode,
        Self::ExactTime,
    ];

    /// Human label shown to the reporter in the preview's `removed` list.
    pub fn label(self) -> &'static str {
        match self {
            Self::ReporterName => "reporter name",
            Self::ReporterEmail => "reporter email address",
            Self::ReporterPhone => "reporter phone number",
            Self::EmailAddress => "email address",
            Self::PhoneNumber => "phone number",
            Self::Postcode => "full postcode",
            Self::ExactTime => "exact time",
        }
    }

    const fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Text that may leave the service, and what was taken out of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted {
    pub text: String,
    pub removed: BTreeSet<Removed>,
}

/// Text that may leave the service, built from reporter-written text.
pub fn redact(text: &str, reporter: &ReporterContact<'_>, keep: &Keep<'_>) -> Redacted {
    let folded = Folded::new(text);
    let reporter_keys = reporter.phone.map(reporter_phone_keys).unwrap_or_default();

    // 1. The reporter's own values, found however they are written. These always win.
    let mut nets = Vec::new();
    if let Some(email) = reporter.email {
        reporter_email_hits(text, &folded, email, &mut nets);
    }
    for key in &reporter_keys {
        for (start, end) in reporter_phone_spans(text, key) {
            nets.push(Hit::replace(
                start,
                end,
                RANK_NET,
                PHONE_REPL,
                Removed::ReporterPhone,
            ));
        }
    }
    let mut resolver = Resolver::default();
    for hit in &nets {
        resolver.add(hit.clone());
    }
    let touches_net = |start: usize, end: usize| nets.iter().any(|n| n.overlaps(start, end));

    // 2. Email addresses.
    let reporter_email = reporter
        .email
        .map(|e| e.trim().to_lowercase())
        .filter(|e| !e.is_empty());
    let keep_emails: Vec<String> = keep
        .emails
        .iter()
        .map(|e| e.trim().to_lowercase())
        .filter(|e| !e.is_empty())
        .collect();
    for (start, end) in find_emails(text) {
        let found = text.get(start..end).unwrap_or_default().to_lowercase();
        let hit = if reporter_email.as_deref() == Some(found.as_str()) {
            Hit::replace(start, end, RANK_EMAIL, EMAIL_REPL, Removed::ReporterEmail)
        } else if touches_net(start, end) || !keep_emails.contains(&found) {
            Hit::replace(start, end, RANK_EMAIL, EMAIL_REPL, Removed::EmailAddress)
        } else {
            Hit::keep(start, end)
        };
        resolver.add(hit);
    }

    // 3. Phone numbers.
    let keep_keys: Vec<String> = keep
        .phone_numbers
        .iter()
        .map(|p| phone_key(p))
        .filter(|k| !k.is_empty())
        .collect();
    for (start, end) in find_phones(text) {
        let key = phone_key(text.get(start..end).unwrap_or_default());
        let hit = if reporter_keys.contains(&key) || touches_net(start, end) {
            Hit::replace(start, end, RANK_PHONE, PHONE_REPL, Removed::ReporterPhone)
        } else if keep_keys.contains(&key) {
            Hit::keep(start, end)
        } else {
            Hit::replace(start, end, RANK_PHONE, PHONE_REPL, Removed::PhoneNumber)
        };
        resolver.add(hit);
    }

    // 4. Postcodes, times, the reporter's name.
    for (start, end, outward) in find_postcodes(text) {
        resolver.add(Hit {
            start,
            end,
            rank: RANK_POSTCODE,
            replacement: Some(outward),
            labels: Removed::Postcode.bit(),
        });
    }
    for (start, end, replacement) in find_times(text) {
        resolver.add(Hit {
            start,
            end,
            rank: RANK_TIME,
            replacement: Some(replacement),
            labels: Removed::ExactTime.bit(),
        });
    }
    if let Some(name) = reporter.name {
        for (start, end) in name_spans(text, &folded, name) {
            resolver.add(Hit::replace(
                start,
                end,
                RANK_NAME,
                NAME_REPL,
                Removed::ReporterName,
            ));
        }
    }

    resolver.render(text)
}

/// Joins markers that stand next to each other — separated only by white space or punctuation on
/// one line — into one, so a run of removals reads as one removal and their number says nothing.
pub fn collapse_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARKER) {
        out.push_str(&rest[..at]);
        out.push_str(MARKER);
        rest = &rest[at + MARKER.len()..];
        loop {
            let gap = rest
                .find(|c: char| c.is_alphanumeric() || c == '\n' || c == '[')
                .unwrap_or(rest.len());
            match rest.get(gap..) {
                Some(next) if next.starts_with(MARKER) => rest = &next[MARKER.len()..],
                _ => break,
            }
        }
    }
    out.push_str(rest);
    out
}

/// Normalises a phone number for comparison only (not for display): digits only, UK forms unified,
/// so "07700 900123", "+44 7700 900123", "0044-7700-900-123", "(07700) 900 123" compare equal.
///
/// UK numbers come out in international form without the plus (`447700900123`); other numbers
/// written with `+` or `00` come out as their international digits; anything else as its digits.
/// A trunk zero written as `(0)` after a country code is dropped.
pub fn phone_key(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().collect();
    let mut digits: Vec<u8> = Vec::new();
    let mut plus = false;
    let mut paren_zero: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        if let Some(d) = digit_value(c) {
            digits.push(d);
        } else if is_plus(c) && digits.is_empty() {
            plus = true;
        } else if is_open_paren(c) && !digits.is_empty() && paren_zero.is_none() {
            // "(0)" after the country code: a trunk zero, not part of the number.
            let mut k = i + 1;
            while chars.get(k).is_some_and(|c| c.is_whitespace()) {
                k += 1;
            }
            if chars.get(k).and_then(|&c| digit_value(c)) == Some(0) {
                let mut m = k + 1;
                while chars.get(m).is_some_and(|c| c.is_whitespace()) {
                    m += 1;
                }
                if chars.get(m).is_some_and(|&c| is_close_paren(c)) {
                    paren_zero = Some(digits.len());
                }
            }
        }
    }
    let international = plus || digits.starts_with(&[0, 0]);
    if international
        && let Some(at) = paren_zero
        && digits.get(at) == Some(&0)
    {
        digits.remove(at);
    }
    let mut key: Vec<u8> = if plus {
        digits
    } else if digits.starts_with(&[0, 0]) {
        digits.get(2..).unwrap_or_default().to_vec()
    } else if digits.first() == Some(&0) {
        let mut k = vec![4, 4];
        k.extend_from_slice(digits.get(1..).unwrap_or_default());
        k
    } else if digits.starts_with(&[4, 4, 0]) && digits.len() == 13 {
        digits
    } else {
        return digits_to_string(&digits);
    };
    // "+44 0 7700 …": the UK trunk zero after the country code.
    if key.starts_with(&[4, 4, 0]) && key.len() >= 12 {
        key.remove(2);
    }
    digits_to_string(&key)
}

/// Keys of the reporter's phone field, and of each number in it if they gave several
/// ("07700 900456 / 020 7946 0018").
fn reporter_phone_keys(raw: &str) -> Vec<String> {
    let mut keys = vec![phone_key(raw)];
    for part in raw
        .split(['/', ',', ';', '|', '&', '\n'])
        .flat_map(|p| p.split(" or "))
    {
        let key = phone_key(part);
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys.retain(|k| !k.is_empty());
    keys
}

// ---------------------------------------------------------------------------------------------
// Replacements and overlap resolution

/// The one marker for anything removed from text that leaves the service. It is the same whatever
/// was removed — a name, a number, a sentence about immigration — so it discloses nothing; the
/// kinds are named only to the reporter and to caseworkers.
pub const MARKER: &str = "[removed]";

const NAME_REPL: &str = MARKER;
const EMAIL_REPL: &str = MARKER;
const PHONE_REPL: &str = MARKER;
const TIME_REPL: &str = MARKER;

/// Lower rank wins when merged removals need one replacement text.
const RANK_EMAIL: u8 = 0;
const RANK_NET: u8 = 1;
const RANK_PHONE: u8 = 2;
const RANK_POSTCODE: u8 = 3;
const RANK_TIME: u8 = 4;
const RANK_NAME: u8 = 5;
const RANK_KEEP: u8 = u8::MAX;

#[derive(Debug, Clone)]
struct Hit {
    start: usize,
    end: usize,
    rank: u8,
    /// `None`: a perpetrator detail to keep verbatim.
    replacement: Option<String>,
    labels: u8,
}

impl Hit {
    fn replace(start: usize, end: usize, rank: u8, text: &str, kind: Removed) -> Self {
        Self {
            start,
            end,
            rank,
            replacement: Some(text.to_owned()),
            labels: kind.bit(),
        }
    }

    fn keep(start: usize, end: usize) -> Self {
        Self {
            start,
            end,
            rank: RANK_KEEP,
            replacement: None,
            labels: 0,
        }
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
}

/// Accepted, non-overlapping hits keyed by start. Hits must be added strongest first.
#[derive(Default)]
struct Resolver {
    accepted: BTreeMap<usize, Hit>,
}

impl Resolver {
    fn add(&mut self, hit: Hit) {
        if hit.start >= hit.end {
            return;
        }
        let overlapping: Vec<usize> = self
            .accepted
            .range(..hit.end)
            .rev()
            .take_while(|(_, h)| h.end > hit.start)
            .map(|(&s, _)| s)
            .collect();
        if overlapping.is_empty() {
            self.accepted.insert(hit.start, hit);
            return;
        }
        // A kept span never overrides anything already decided.
        if hit.replacement.is_none() {
            return;
        }
        // Entirely inside something already decided: that decision stands.
        if let [only] = overlapping.as_slice()
            && let Some(o) = self.accepted.get(only)
            && o.start <= hit.start
            && hit.end <= o.end
        {
            return;
        }
        // Partial overlap: remove the union, so no fragment of either survives.
        let mut merged = hit;
        for start in overlapping {
            if let Some(o) = self.accepted.remove(&start) {
                merged.start = merged.start.min(o.start);
                merged.end = merged.end.max(o.end);
                merged.labels |= o.labels;
                if o.replacement.is_some() && o.rank < merged.rank {
                    merged.rank = o.rank;
                    merged.replacement = o.replacement;
                }
            }
        }
        self.accepted.insert(merged.start, merged);
    }

    fn render(self, text: &str) -> Redacted {
        let mut out = String::with_capacity(text.len());
        let mut labels = 0u8;
        let mut pos = 0;
        for hit in self.accepted.into_values() {
            if hit.start < pos {
                continue;
            }
            out.push_str(text.get(pos..hit.start).unwrap_or_default());
            match hit.replacement {
                Some(r) => {
                    out.push_str(&r);
                    labels |= hit.labels;
                }
                None => out.push_str(text.get(hit.start..hit.end).unwrap_or_default()),
            }
            pos = hit.end;
        }
        out.push_str(text.get(pos..).unwrap_or_default());
        Redacted {
            text: out,
            removed: Removed::ALL
                .into_iter()
                .filter(|k| labels & k.bit() != 0)
                .collect(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Characters

/// Scripts written without spaces between words: no word boundaries can be required there.
fn is_spaceless(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x1000..=0x109F // Myanmar
        | 0x1780..=0x17FF // Khmer
        | 0x2E80..=0x2FDF // CJK radicals
        | 0x3040..=0x31FF // Hiragana, Katakana, Bopomofo
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F // half-width Katakana
        | 0x20000..=0x3FFFF)
}

/// A letter, digit or mark of a script that separates words with spaces.
fn is_word(c: char) -> bool {
    (c.is_alphanumeric() || is_combining_mark(c)) && !is_spaceless(c)
}

fn digit_value(c: char) -> Option<u8> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}', // full-width
        '\u{0660}'..='\u{0669}' => '\u{0660}', // Arabic-Indic
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}', // Extended Arabic-Indic
        '\u{0966}'..='\u{096F}' => '\u{0966}', // Devanagari
        '\u{09E6}'..='\u{09EF}' => '\u{09E6}', // Bengali
        _ => return None,
    };
    u8::try_from(c as u32 - zero as u32).ok()
}

fn digits_to_string(digits: &[u8]) -> String {
    digits.iter().map(|&d| char::from(b'0' + d)).collect()
}

fn is_plus(c: char) -> bool {
    matches!(c, '+' | '\u{FF0B}')
}

fn is_open_paren(c: char) -> bool {
    matches!(c, '(' | '\u{FF08}')
}

fn is_close_paren(c: char) -> bool {
    matches!(c, ')' | '\u{FF09}')
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn boundary_before(text: &str, i: usize) -> bool {
    prev_char(text, i).is_none_or(|c| !is_word(c))
}

fn boundary_after(text: &str, i: usize) -> bool {
    next_char(text, i).is_none_or(|c| !is_word(c))
}

/// Counts unbalanced opening parentheses in `s`.
fn open_parens(s: &str) -> i32 {
    s.chars().fold(0, |n, c| {
        if is_open_paren(c) {
            n + 1
        } else if is_close_paren(c) {
            n - 1
        } else {
            n
        }
    })
}

/// Extends a span ending at `end` over a closing parenthesis when the span opened one.
fn close_paren(text: &str, start: usize, end: usize) -> usize {
    if open_parens(text.get(start..end).unwrap_or_default()) > 0
        && let Some(c) = next_char(text, end).filter(|&c| is_close_paren(c))
    {
        return end + c.len_utf8();
    }
    end
}

// ---------------------------------------------------------------------------------------------
// Case- and accent-insensitive matching (names, the reporter's email)

/// The text folded for comparison: lower case, accents stripped, whitespace runs collapsed to
/// one space, curly apostrophes and dashes unified. Each folded char remembers its source char.
struct Folded {
    chars: Vec<char>,
    owner: Vec<usize>,
    /// Source chars: (byte start, byte end, char).
    source: Vec<(usize, usize, char)>,
}

impl Folded {
    fn new(text: &str) -> Self {
        let mut folded = Self {
            chars: Vec::with_capacity(text.len()),
            owner: Vec::with_capacity(text.len()),
            source: Vec::with_capacity(text.len()),
        };
        let mut in_space = false;
        for (idx, (pos, c)) in text.char_indices().enumerate() {
            folded.source.push((pos, pos + c.len_utf8(), c));
            if c.is_whitespace() {
                if !in_space {
                    folded.chars.push(' ');
                    folded.owner.push(idx);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            let before = folded.chars.len();
            fold_char(c, &mut folded.chars);
            for _ in before..folded.chars.len() {
                folded.owner.push(idx);
            }
        }
        folded
    }

    /// Byte span of the source chars behind folded chars `a..b`, if it starts and ends on whole
    /// source chars. Trailing combining marks are included.
    fn source_span(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        if a >= b {
            return None;
        }
        let first = *self.owner.get(a)?;
        let mut last = *self.owner.get(b - 1)?;
        if a > 0 && self.owner.get(a - 1) == Some(&first) {
            return None;
        }
        if self.owner.get(b) == Some(&last) {
            return None;
        }
        while let Some(&(_, _, c)) = self.source.get(last + 1) {
            if is_combining_mark(c) {
                last += 1;
            } else {
                break;
            }
        }
        Some((self.source.get(first)?.0, self.source.get(last)?.1))
    }
}

fn fold_char(c: char, out: &mut Vec<char>) {
    let c = match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
        '\u{2010}'..='\u{2015}' => '-',
        _ => c,
    };
    decompose_canonical(c, |d| {
        for l in d.to_lowercase() {
            if !is_combining_mark(l) {
                out.push(if l == 'ς' { 'σ' } else { l });
            }
        }
    });
}

fn fold_str(s: &str) -> Vec<char> {
    let mut out = Vec::new();
    let mut in_space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            in_space = false;
            fold_char(c, &mut out);
        }
    }
    out
}

/// All (possibly overlapping) start positions of `needle` in `hay` (Knuth–Morris–Pratt).
fn find_all(hay: &[char], needle: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() || needle.len() > hay.len() {
        return out;
    }
    let mut fail = vec![0usize; needle.len()];
    let mut k = 0;
    for (i, &c) in needle.iter().enumerate().skip(1) {
        while k > 0 && needle.get(k) != Some(&c) {
            k = fail.get(k - 1).copied().unwrap_or(0);
        }
        if needle.get(k) == Some(&c) {
            k += 1;
        }
        if let Some(f) = fail.get_mut(i) {
            *f = k;
        }
    }
    k = 0;
    for (i, &c) in hay.iter().enumerate() {
        while k > 0 && needle.get(k) != Some(&c) {
            k = fail.get(k - 1).copied().unwrap_or(0);
        }
        if needle.get(k) == Some(&c) {
            k += 1;
        }
        if k == needle.len() {
            out.push(i + 1 - k);
            k = fail.get(k - 1).copied().unwrap_or(0);
        }
    }
    out
}

/// Source spans where `pattern` occurs in the folded text and `accept` agrees.
fn folded_matches(
    text: &str,
    folded: &Folded,
    pattern: &[char],
    accept: impl Fn(&str, usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    find_all(&folded.chars, pattern)
        .into_iter()
        .filter_map(|a| folded.source_span(a, a + pattern.len()))
        .filter(|&(s, e)| accept(text, s, e))
        .collect()
}

/// Whole-word test that ignores edges written in scripts without spaces between words.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let first = next_char(text, start);
    let last = prev_char(text, end);
    let before_ok = !first.is_some_and(is_word) || boundary_before(text, start);
    let after_ok = !last.is_some_and(is_word) || boundary_after(text, end);
    before_ok && after_ok
}

/// Parts of a name that are not names on their own.
const NAME_PARTICLES: &[&str] = &[
    "mr", "mrs", "miss", "ms", "mx", "dr", "van", "von", "der", "den", "del", "della", "dos",
    "das", "bin", "binti", "ibn", "the",
];

fn name_spans(text: &str, folded: &Folded, name: &str) -> Vec<(usize, usize)> {
    let name = name.trim_matches(|c: char| !c.is_alphanumeric());
    let mut patterns: Vec<Vec<char>> = Vec::new();
    if name.chars().count() >= 3 {
        patterns.push(fold_str(name));
    }
    for part in name
        .split(|c: char| c.is_whitespace() || c == '-' || ('\u{2010}'..='\u{2015}').contains(&c))
    {
        let part = part.trim_matches(|c: char| !c.is_alphanumeric());
        if part.chars().count() < 3 || NAME_PARTICLES.contains(&part.to_lowercase().as_str()) {
            continue;
        }
        let p = fold_str(part);
        if !patterns.contains(&p) {
            patterns.push(p);
        }
    }
    patterns
        .iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| folded_matches(text, folded, p, whole_word))
        .collect()
}

/// Whether a handle-like token (an email local part) stands alone at `start..end`.
fn whole_handle(text: &str, start: usize, end: usize) -> bool {
    let glue = |c: char| is_word(c) || matches!(c, '_' | '-' | '+' | '%' | '.');
    let before_ok = !prev_char(text, start).is_some_and(glue);
    let after_ok = match next_char(text, end) {
        None => true,
        Some('.') => !next_char(text, end + 1).is_some_and(is_word),
        Some(c) => !glue(c),
    };
    before_ok && after_ok
}

/// Whether a domain stands alone at `start..end` (not inside an email address or a longer name;
/// a subdomain such as "www." may come before it).
fn whole_domain(text: &str, start: usize, end: usize) -> bool {
    let before_ok = match prev_char(text, start) {
        Some('.') => !text
            .get(..with_subdomains(text, start))
            .is_some_and(|s| s.ends_with('@')),
        Some(c) => !is_domain_char(c) && c != '@',
        None => true,
    };
    let after_ok = match next_char(text, end) {
        None => true,
        Some('.') => !next_char(text, end + 1).is_some_and(is_domain_char),
        Some(c) => !is_domain_char(c),
    };
    before_ok && after_ok
}

/// Start of the subdomain labels ("www.", "book.") written before a domain at `start`.
fn with_subdomains(text: &str, start: usize) -> usize {
    let mut s = start;
    while let Some(c) = prev_char(text, s).filter(|&c| is_domain_char(c)) {
        s -= c.len_utf8();
    }
    s
}

/// First labels of shared webmail domains: naming one of these identifies nobody.
const MAIL_PROVIDERS: &[&str] = &[
    "gmail",
    "googlemail",
    "hotmail",
    "outlook",
    "live",
    "msn",
    "yahoo",
    "ymail",
    "rocketmail",
    "icloud",
    "me",
    "mac",
    "aol",
    "aim",
    "protonmail",
    "proton",
    "pm",
    "gmx",
    "mail",
    "email",
    "yandex",
    "zoho",
    "tutanota",
    "tuta",
    "btinternet",
    "btopenworld",
    "sky",
    "virginmedia",
    "talktalk",
    "ntlworld",
    "blueyonder",
    "qq",
    "163",
    "126",
    "wp",
    "o2",
    "onet",
    "interia",
];

/// The reporter's email anywhere (even glued to other text); its local part when that is a
/// distinctive handle (it often doubles as a social-media or ad-site name); and its domain when
/// that is not a shared webmail provider (a personal or business domain identifies its owner).
fn reporter_email_hits(text: &str, folded: &Folded, email: &str, out: &mut Vec<Hit>) {
    let email = email.trim();
    let pattern = fold_str(email);
    if pattern.len() < 3 {
        return;
    }
    let net = |(start, end)| Hit::replace(start, end, RANK_NET, EMAIL_REPL, Removed::ReporterEmail);
    match email.split_once('@') {
        Some((local, domain)) if !local.is_empty() && !domain.is_empty() => {
            out.extend(
                folded_matches(text, folded, &pattern, |_, _, _| true)
                    .into_iter()
                    .map(net),
            );
            let handle = local.trim();
            let distinctive = handle.chars().count() >= 4
                && handle
                    .chars()
                    .any(|c| c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
            if distinctive {
                let local_pattern = fold_str(handle);
                out.extend(
                    folded_matches(text, folded, &local_pattern, whole_handle)
                        .into_iter()
                        .map(net),
                );
            }
            let domain = domain.trim();
            let provider = domain.split('.').next().unwrap_or_default().to_lowercase();
            if valid_domain(domain) && !MAIL_PROVIDERS.contains(&provider.as_str()) {
                out.extend(
                    folded_matches(text, folded, &fold_str(domain), whole_domain)
                        .into_iter()
                        .map(|(start, end)| (with_subdomains(text, start), end))
                        .map(net),
                );
            }
        }
        _ => out.extend(
            folded_matches(text, folded, &pattern, whole_word)
                .into_iter()
                .map(net),
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Email addresses

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '.' | '_' | '%' | '+' | '-')
        || (!c.is_ascii() && c.is_alphanumeric() && !is_spaceless(c))
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '.' | '-')
        || (!c.is_ascii() && c.is_alphanumeric() && !is_spaceless(c))
}

fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty())
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
}

fn find_emails(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut last_end = 0;
    for (at, _) in text.match_indices('@') {
        if at < last_end {
            continue;
        }
        let before = text.get(last_end..at).unwrap_or_default();
        let mut start = at;
        for (p, c) in before.char_indices().rev() {
            if !is_local_char(c) {
                break;
            }
            start = last_end + p;
        }
        while text.get(start..at).is_some_and(|s| s.starts_with('.')) {
            start += 1;
        }
        if start == at {
            continue;
        }
        let after = text.get(at + 1..).unwrap_or_default();
        let mut domain_len = 0;
        for (p, c) in after.char_indices() {
            if !is_domain_char(c) {
                break;
            }
            domain_len = p + c.len_utf8();
        }
        let mut domain = after.get(..domain_len).unwrap_or_default();
        if let Some(k) = domain.find("..") {
            domain = domain.get(..k).unwrap_or_default();
        }
        let domain = domain.trim_end_matches(['.', '-']);
        if !valid_domain(domain) {
            continue;
        }
        let end = at + 1 + domain.len();
        out.push((start, end));
        last_end = end;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

fn is_phone_sep(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '\u{3000}' | '-' | '\u{2010}'
            ..='\u{2013}' | '.' | '(' | ')' | '\u{FF08}' | '\u{FF09}'
    )
}

struct Group {
    start: usize,
    end: usize,
    digits: Vec<u8>,
    /// The separator before this group was whitespace only.
    spaced: bool,
}

struct Run {
    /// Byte start including a `+` / `(` prefix.
    start: usize,
    plus: bool,
    /// The first group is not part of a phone number (a price, or glued to a word).
    skip_first: bool,
    groups: Vec<Group>,
}

/// Country calling codes and the longest national number that follows them.
const COUNTRY_CODES: &[(&[u8], usize)] = &[
    (&[1], 10),
    (&[7], 10),
    (&[2, 0], 10),
    (&[2, 7], 9),
    (&[3, 0], 10),
    (&[3, 1], 9),
    (&[3, 2], 9),
    (&[3, 3], 9),
    (&[3, 4], 9),
    (&[3, 6], 9),
    (&[3, 9], 10),
    (&[4, 0], 9),
    (&[4, 1], 9),
    (&[4, 4], 10),
    (&[4, 5], 8),
    (&[4, 6], 9),
    (&[4, 7], 8),
    (&[4, 8], 9),
    (&[4, 9], 11),
    (&[5, 1], 9),
    (&[5, 2], 10),
    (&[5, 4], 11),
    (&[5, 5], 11),
    (&[5, 6], 9),
    (&[5, 7], 10),
    (&[6, 0], 10),
    (&[6, 1], 9),
    (&[6, 3], 10),
    (&[6, 4], 10),
    (&[6, 5], 8),
    (&[6, 6], 9),
    (&[8, 1], 10),
    (&[8, 2], 10),
    (&[8, 4], 10),
    (&[8, 6], 11),
    (&[9, 0], 10),
    (&[9, 1], 10),
    (&[9, 2], 10),
    (&[2, 3, 3], 9),
    (&[2, 3, 4], 10),
    (&[2, 5, 4], 9),
    (&[3, 5, 1], 9),
    (&[3, 5, 3], 9),
    (&[3, 5, 5], 9),
    (&[3, 5, 9], 9),
    (&[3, 7, 0], 8),
    (&[3, 7, 1], 8),
    (&[3, 7, 2], 8),
    (&[3, 7, 3], 8),
    (&[3, 8, 0], 9),
    (&[3, 8, 1], 9),
    (&[3, 8, 5], 9),
    (&[3, 8, 6], 8),
    (&[3, 8, 7], 8),
    (&[4, 2, 0], 9),
    (&[4, 2, 1], 9),
];

/// Most digits a number starting with `digits` can have, and whether to stop early at a space
/// once it is long enough (when the format is unknown).
fn number_shape(digits: &[u8], plus: bool) -> (usize, bool) {
    let prefix = if plus {
        0
    } else if digits.starts_with(&[0, 0]) {
        2
    } else if digits.first() == Some(&0) {
        return (11, false); // UK national
    } else if digits.starts_with(&[4, 4]) {
        0 // UK international without the plus
    } else {
        return (15, true);
    };
    let cc = digits.get(prefix..).unwrap_or_default();
    for &(code, national) in COUNTRY_CODES {
        if cc.starts_with(code) {
            let trunk = usize::from(cc.get(code.len()) == Some(&0));
            return (prefix + code.len() + national + trunk, false);
        }
    }
    (prefix + 15, true)
}

/// From group `i`, the last group of the number and its digit count.
fn take_number(groups: &[Group], i: usize, plus: bool) -> (usize, usize) {
    let head: Vec<u8> = groups
        .get(i..)
        .unwrap_or_default()
        .iter()
        .flat_map(|g| g.digits.iter().copied())
        .take(20)
        .collect();
    let (max, soft) = number_shape(&head, plus);
    let mut total = groups.get(i).map_or(0, |g| g.digits.len());
    let mut last = i;
    while total < max {
        let Some(next) = groups.get(last + 1) else {
            break;
        };
        if total + next.digits.len() > max || (soft && total >= 10 && next.spaced) {
            break;
        }
        total += next.digits.len();
        last += 1;
    }
    (last, total)
}

fn find_runs(text: &str) -> Vec<Run> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let char_at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let mut runs = Vec::new();
    let mut k = 0;
    while let Some(&(pos, c)) = chars.get(k) {
        let Some(first_digit) = digit_value(c) else {
            k += 1;
            continue;
        };
        // A "+" and/or "(" right before the first digit belong to the number.
        let mut start = pos;
        let mut plus = false;
        let mut p = k;
        for _ in 0..2 {
            let Some(&(pp, pc)) = p.checked_sub(1).and_then(|q| chars.get(q)) else {
                break;
            };
            if is_plus(pc) && !plus {
                plus = true;
            } else if !is_open_paren(pc) {
                break;
            }
            start = pp;
            p -= 1;
        }
        let before = p.checked_sub(1).and_then(char_at);
        let skip_first = match before {
            Some('£' | '$' | '€' | '¥' | '#') => true,
            Some(b) if is_word(b) => !plus && first_digit != 0,
            _ => false,
        };
        let mut groups = Vec::new();
        let mut spaced = true;
        loop {
            let gstart = chars.get(k).map_or(text.len(), |x| x.0);
            let mut digits = Vec::new();
            while let Some(d) = char_at(k).and_then(digit_value) {
                digits.push(d);
                k += 1;
            }
            let gend = chars.get(k).map_or(text.len(), |x| x.0);
            groups.push(Group {
                start: gstart,
                end: gend,
                digits,
                spaced,
            });
            let mut s = k;
            let mut ws_only = true;
            while s < k + 3 {
                match char_at(s) {
                    Some(c) if is_phone_sep(c) => {
                        ws_only &= c.is_whitespace();
                        s += 1;
                    }
                    _ => break,
                }
            }
            if s > k && char_at(s).and_then(digit_value).is_some() {
                k = s;
                spaced = ws_only;
            } else {
                break;
            }
        }
        runs.push(Run {
            start,
            plus,
            skip_first,
            groups,
        });
    }
    runs
}

/// Phone numbers: runs of digit groups, split into numbers of at least 9 digits.
fn find_phones(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for run in find_runs(text) {
        let groups = &run.groups;
        let mut i = usize::from(run.skip_first);
        while i < groups.len() {
            let plus = i == 0 && run.plus;
            let mut start = i;
            // A group like "07700" or "020" opens a UK number; "01" or "07" may be part of a date.
            let starts_strong = |j: usize| {
                groups
                    .get(j)
                    .is_some_and(|g| g.digits.len() >= 3 && g.digits.first() == Some(&0))
            };
            if !plus && !starts_strong(i) {
                // Short numbers before a real one ("£50 07700…", "18.11.2026 07700…") stay text.
                let mut acc = groups.get(i).map_or(0, |g| g.digits.len());
                let mut j = i + 1;
                while j < groups.len() && acc < 9 {
                    if starts_strong(j) && take_number(groups, j, false).1 >= 10 {
                        start = j;
                        break;
                    }
                    acc += groups.get(j).map_or(0, |g| g.digits.len());
                    j += 1;
                }
            }
            let (last, count) = take_number(groups, start, plus);
            if count >= 9
                && let (Some(first), Some(end)) = (groups.get(start), groups.get(last))
            {
                let mut s = if start == 0 { run.start } else { first.start };
                if start != 0
                    && let Some(c) = prev_char(text, s).filter(|&c| is_open_paren(c))
                {
                    s -= c.len_utf8();
                }
                out.push((s, close_paren(text, s, end.end)));
            }
            i = last + 1;
        }
    }
    out
}

/// Where the reporter's own number appears, matched on its last nine digits across any light
/// punctuation, and widened over the trunk zero / country code / "+" written before them.
fn reporter_phone_spans(text: &str, key: &str) -> Vec<(usize, usize)> {
    let key: Vec<u8> = key.chars().filter_map(digit_value).collect();
    let mut out = Vec::new();
    if key.len() < 7 {
        return out;
    }
    let core_len = key.len().min(9);
    let (rest, core) = key.split_at(key.len() - core_len);
    // Digit segments: digits separated by at most four non-alphanumeric characters.
    let mut segments: Vec<Vec<(u8, usize, usize)>> = Vec::new();
    let mut seg: Vec<(u8, usize, usize)> = Vec::new();
    let mut gap = 0;
    for (pos, c) in text.char_indices() {
        if let Some(d) = digit_value(c) {
            seg.push((d, pos, pos + c.len_utf8()));
            gap = 0;
        } else if !seg.is_empty() {
            gap += 1;
            if gap > 4 || is_word(c) {
                segments.push(std::mem::take(&mut seg));
            }
        }
    }
    segments.push(seg);
    for seg in &segments {
        let digits: Vec<u8> = seg.iter().map(|d| d.0).collect();
        let mut from = 0;
        while let Some(found) = digits
            .get(from..)
            .and_then(|d| d.windows(core_len).position(|w| w == core))
        {
            let m = from + found;
            let mut a = m;
            let mut r = rest.len();
            let back = |a: &mut usize, r: &mut usize| {
                while *r > 0 && *a > 0 && digits.get(*a - 1) == rest.get(*r - 1) {
                    *a -= 1;
                    *r -= 1;
                }
            };
            back(&mut a, &mut r);
            if r > 0 && r <= 3 && a > 0 && digits.get(a - 1) == Some(&0) {
                a -= 1; // trunk zero
                back(&mut a, &mut r);
            }
            if r == 0 && a >= 2 && digits.get(a - 2..a) == Some(&[0, 0][..]) {
                a -= 2; // international "00"
            }
            if let (Some(first), Some(last)) = (seg.get(a), seg.get(m + core_len - 1)) {
                let mut s = first.1;
                for _ in 0..2 {
                    match prev_char(text, s) {
                        Some(c) if is_plus(c) || is_open_paren(c) => s -= c.len_utf8(),
                        _ => break,
                    }
                }
                out.push((s, close_paren(text, s, last.2)));
            }
            from = m + core_len;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Postcodes

/// UK postcode areas (plus the non-geographic BF and BX).
const POSTCODE_AREAS: &[&str] = &[
    "AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA", "CB",
    "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT",
    "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP",
    "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD",
    "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW",
    "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK",
    "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR",
    "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
];

/// Outward code shape: A9, A99, A9A, AA9, AA99, AA9A. Returns the number of area letters.
fn outward_shape(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if !(1..=2).contains(&letters) || !b.get(letters)?.is_ascii_digit() {
        return None;
    }
    match b.len() - letters {
        1 => Some(letters),
        2 if b.get(letters + 1).is_some_and(u8::is_ascii_alphanumeric) => Some(letters),
        _ => None,
    }
}

fn is_postcode(outward: &str, inward: &str, spaced: bool) -> bool {
    let Some(letters) = outward_shape(outward) else {
        return false;
    };
    let ib = inward.as_bytes();
    if !(ib.len() == 3
        && ib.first().is_some_and(u8::is_ascii_digit)
        && ib
            .get(1..)
            .is_some_and(|l| l.iter().all(u8::is_ascii_alphabetic)))
    {
        return false;
    }
    let area = outward
        .get(..letters)
        .unwrap_or_default()
        .to_ascii_uppercase();
    let upper = !outward
        .bytes()
        .chain(inward.bytes())
        .any(|c| c.is_ascii_lowercase());
    if !upper {
        let tail = inward.get(1..).unwrap_or_default().to_ascii_lowercase();
        // "M4 2nd junction", "m1 1am": an ordinal or a time, not a postcode.
        let ordinal = spaced && matches!(tail.as_str(), "st" | "nd" | "rd" | "th");
        if ordinal || matches!(tail.as_str(), "am" | "pm") {
            return false;
        }
    }
    upper || POSTCODE_AREAS.contains(&area.as_str())
}

fn ascii_alnum_end(text: &str, i: usize) -> usize {
    i + text
        .as_bytes()
        .get(i..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count()
}

/// Full postcodes, with their outward code in upper case.
fn find_postcodes(text: &str) -> Vec<(usize, usize, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b.get(i).is_some_and(u8::is_ascii_alphabetic) || !boundary_before(text, i) {
            i += 1;
            continue;
        }
        let end1 = ascii_alnum_end(text, i);
        let token = text.get(i..end1).unwrap_or_default();
        let mut found = None;
        if boundary_after(text, end1) && (5..=7).contains(&token.len()) {
            let (outward, inward) = token.split_at(token.len() - 3);
            if is_postcode(outward, inward, false) {
                found = Some((end1, outward));
            }
        }
        if found.is_none() && (2..=4).contains(&token.len()) {
            let start2 = skip_hspace(text, end1, 2);
            let end2 = ascii_alnum_end(text, start2);
            let inward = text.get(start2..end2).unwrap_or_default();
            if start2 > end1 && boundary_after(text, end2) && is_postcode(token, inward, true) {
                found = Some((end2, token));
            }
        }
        match found {
            Some((end, outward)) => {
                out.push((i, end, outward.to_ascii_uppercase()));
                i = end;
            }
            None => i = end1.max(i + 1),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Times

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clock {
    /// Hour of a 24-hour clock.
    At(u8),
    /// A time whose part of the day cannot be told.
    Unknown,
}

struct TimeFound {
    end: usize,
    clock: Clock,
    /// The hour as written and whether it was pm, when an explicit am/pm was given.
    meridiem: Option<(u32, bool)>,
}

impl TimeFound {
    fn at(end: usize, hour: u32) -> Self {
        Self {
            end,
            clock: Clock::At(u8::try_from(hour % 24).unwrap_or(0)),
            meridiem: None,
        }
    }

    fn unknown(end: usize) -> Self {
        Self {
            end,
            clock: Clock::Unknown,
            meridiem: None,
        }
    }
}

fn part_of_day(hour: u8) -> &'static str {
    match hour % 24 {
        5..=11 => "morning",
        12..=16 => "afternoon",
        17..=20 => "evening",
        21..=23 => "late evening",
        _ => "night",
    }
}

fn clock_text(clock: Clock) -> String {
    match clock {
        Clock::At(h) => format!("({})", part_of_day(h)),
        Clock::Unknown => TIME_REPL.to_owned(),
    }
}

fn range_text(a: Clock, b: Clock) -> String {
    match (a, b) {
        (Clock::At(x), Clock::At(y)) if part_of_day(x) != part_of_day(y) => {
            format!("({} to {})", part_of_day(x), part_of_day(y))
        }
        _ => clock_text(b),
    }
}

/// 24-hour hour for an hour written with am/pm.
fn with_meridiem(hour: u32, pm: bool) -> u32 {
    match hour {
        0 => 0,
        13.. => hour.min(23),
        _ => hour % 12 + if pm { 12 } else { 0 },
    }
}

fn is_hspace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// Skips at most `max` horizontal spaces.
fn skip_hspace(text: &str, mut i: usize, max: usize) -> usize {
    for _ in 0..max {
        match next_char(text, i) {
            Some(c) if is_hspace(c) => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

fn skip_hspace_back(text: &str, mut i: usize, max: usize) -> usize {
    for _ in 0..max {
        match prev_char(text, i) {
            Some(c) if is_hspace(c) => i -= c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// `lit` at `i`, ASCII case-insensitively.
fn eat(text: &str, i: usize, lit: &str) -> Option<usize> {
    let end = i.checked_add(lit.len())?;
    let found = text.as_bytes().get(i..end)?;
    found.eq_ignore_ascii_case(lit.as_bytes()).then_some(end)
}

/// `lit` at `i` as a whole word.
fn eat_word(text: &str, i: usize, lit: &str) -> Option<usize> {
    eat(text, i, lit).filter(|&e| boundary_after(text, e))
}

/// Words separated by one or two horizontal spaces.
fn eat_words(text: &str, i: usize, words: &[&str]) -> Option<usize> {
    let mut k = i;
    for (n, w) in words.iter().enumerate() {
        if n > 0 {
            let k2 = skip_hspace(text, k, 2);
            if k2 == k {
                return None;
            }
            k = k2;
        }
        k = eat_word(text, k, w)?;
    }
    Some(k)
}

/// ASCII digits at `i`: saturated value and count.
fn read_digits(text: &str, i: usize) -> (u32, usize) {
    let digits = text.as_bytes().get(i..).unwrap_or_default();
    let n = digits.iter().take_while(|c| c.is_ascii_digit()).count();
    let value = digits.iter().take(n).fold(0u32, |v, &c| {
        v.saturating_mul(10).saturating_add(u32::from(c - b'0'))
    });
    (value, n)
}

const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
];

/// Words before a number that make it a time ("at 10.30", "around half ten").
const TIME_CUES: &[&str] = &[
    "at",
    "around",
    "round",
    "about",
    "abt",
    "approx",
    "approximately",
    "roughly",
    "circa",
    "ca",
    "till",
    "til",
    "until",
    "by",
    "before",
    "after",
    "gone",
    "from",
    "since",
    "between",
    "nearly",
    "almost",
    "towards",
    "toward",
    "past",
];

/// Words joining two times ("from 10.30 to 11.15").
const TIME_CONNECTORS: &[&str] = &["and", "to", "or", "till", "til", "until"];

/// Words after a number that make it a quantity, not a time ("five to ten minutes").
const UNITS: &[&str] = &[
    "minutes", "minute", "mins", "min", "hours", "hour", "hrs", "hr", "days", "day", "weeks",
    "week", "months", "month", "years", "year", "times", "men", "people", "guys", "pounds", "quid",
    "miles", "mile", "of",
];

fn number_word(text: &str, i: usize) -> Option<(usize, u32)> {
    NUMBER_WORDS
        .iter()
        .find_map(|&(w, n)| eat_word(text, i, w).map(|e| (e, n)))
}

fn followed_by_unit(text: &str, i: usize) -> bool {
    let k = skip_hspace(text, i, 2);
    k > i && UNITS.iter().any(|u| eat_word(text, k, u).is_some())
}

/// "am", "pm", "a.m.", "P.M" after optional spaces: the end and whether it is pm.
fn parse_meridiem(text: &str, i: usize) -> Option<(usize, bool)> {
    let b = text.as_bytes();
    let k = skip_hspace(text, i, 2);
    let pm = match b.get(k)?.to_ascii_lowercase() {
        b'a' => false,
        b'p' => true,
        _ => return None,
    };
    let mut k = k + 1;
    let dotted = b.get(k) == Some(&b'.');
    if dotted {
        k += 1;
    }
    if !b.get(k)?.eq_ignore_ascii_case(&b'm') {
        return None;
    }
    k += 1;
    if dotted && b.get(k) == Some(&b'.') {
        // "a.m." — keep the final dot when it also ends the sentence.
        let after = k + 1;
        let ends_sentence = match next_char(text, after) {
            None => true,
            Some(c) if c.is_whitespace() => {
                let mut n = after;
                while let Some(c) = next_char(text, n).filter(|c| c.is_whitespace()) {
                    n += c.len_utf8();
                }
                next_char(text, n).is_none_or(char::is_uppercase)
            }
            Some(_) => false,
        };
        if !ends_sentence {
            k = after;
        }
        return Some((k, pm));
    }
    boundary_after(text, k).then_some((k, pm))
}

/// "o'clock", "oclock", "o’clock", "o clock".
fn parse_oclock(text: &str, i: usize) -> Option<usize> {
    let k = eat(text, skip_hspace(text, i, 2), "o")?;
    let k = ["'", "\u{2019}", "\u{2018}", "`", "\u{B4}"]
        .iter()
        .find_map(|a| eat(text, k, a))
        .unwrap_or(k);
    eat_word(text, skip_hspace(text, k, 1), "clock")
}

#[derive(Clone, Copy)]
enum DayHint {
    Night,
    Morning,
    Later,
}

impl DayHint {
    /// 24-hour hour for an hour 1–12 said with this hint.
    fn hour(self, h: u32) -> u32 {
        match self {
            Self::Night => match h {
                12 => 0,
                1..=4 => h,
                _ => h + 12,
            },
            Self::Morning => h % 12,
            Self::Later => h % 12 + 12,
        }
    }
}

/// Phrases after an hour that tell the part of the day, and whether they are part of the time
/// (day references such as "tonight" or "last night" are left in the text).
const DAY_CONTEXTS: &[(&[&str], DayHint, bool)] = &[
    (&["at", "night"], DayHint::Night, true),
    (&["in", "the", "night"], DayHint::Night, true),
    (&["in", "the", "morning"], DayHint::Morning, true),
    (&["in", "the", "afternoon"], DayHint::Later, true),
    (&["in", "the", "evening"], DayHint::Later, true),
    (&["tonight"], DayHint::Night, false),
    (&["last", "night"], DayHint::Night, false),
    (&["that", "night"], DayHint::Night, false),
    (&["this", "morning"], DayHint::Morning, false),
    (&["this", "afternoon"], DayHint::Later, false),
    (&["this", "evening"], DayHint::Later, false),
];

/// "4 in the morning", "9 at night", "9 tonight": the 24-hour hour, and where the phrase ends
/// (day references like "tonight" are left in the text).
fn parse_day_context(text: &str, i: usize, hour: u32) -> Option<(usize, u32)> {
    if !(1..=12).contains(&hour) {
        return None;
    }
    let k = skip_hspace(text, i, 2);
    if k == i {
        return None;
    }
    for &(words, hint, consume) in DAY_CONTEXTS {
        if let Some(e) = eat_words(text, k, words) {
            return Some((if consume { e } else { i }, hint.hour(hour)));
        }
    }
    None
}

/// After an hour (digits or a word) that stood alone: am/pm, o'clock, a day context or noon.
fn hour_suffix(text: &str, i: usize, hour: u32) -> Option<TimeFound> {
    if let Some((end, pm)) = parse_meridiem(text, i) {
        return Some(TimeFound {
            end,
            clock: TimeFound::at(end, with_meridiem(hour, pm)).clock,
            meridiem: Some((hour, pm)),
        });
    }
    if !(1..=12).contains(&hour) {
        return None;
    }
    if let Some(end) = parse_oclock(text, i) {
        if let Some((e, pm)) = parse_meridiem(text, end) {
            return Some(TimeFound::at(e, with_meridiem(hour, pm)));
        }
        if let Some((e, h)) = parse_day_context(text, end, hour) {
            return Some(TimeFound::at(e.max(end), h));
        }
        return Some(TimeFound::unknown(end));
    }
    if let Some((end, h)) = parse_day_context(text, i, hour)
        && end > i
    {
        return Some(TimeFound::at(end, h));
    }
    if hour == 12 {
        let k = skip_hspace(text, i, 2);
        if k > i {
            if let Some(e) = eat_word(text, k, "noon").or_else(|| eat_word(text, k, "midday")) {
                return Some(TimeFound::at(e, 12));
            }
            if let Some(e) = eat_word(text, k, "midnight") {
                return Some(TimeFound::at(e, 0));
            }
        }
    }
    None
}

/// "hrs", "hr", "h" (and "hours" if allowed) after a time like "2300".
fn parse_hrs(text: &str, i: usize, allow_hours: bool) -> Option<usize> {
    let k = skip_hspace(text, i, 1);
    ["hrs", "hr", "h"]
        .iter()
        .find_map(|w| eat_word(text, k, w))
        .or_else(|| allow_hours.then(|| eat_word(text, k, "hours")).flatten())
}

/// A time starting with digits at `i`.
fn parse_digit_time(text: &str, i: usize, cue: bool) -> Option<TimeFound> {
    let b = text.as_bytes();
    let (h, hl) = read_digits(text, i);
    let j = i + hl;
    if hl == 4 {
        let (hh, mm) = (h / 100, h % 100);
        if hh <= 23
            && mm <= 59
            && let Some(end) = parse_hrs(text, j, cue)
        {
            return Some(TimeFound::at(end, hh));
        }
        return None;
    }
    if hl == 0 || hl > 2 {
        return None;
    }
    let lead_zero = hl == 2 && b.get(i) == Some(&b'0');
    match b.get(j) {
        Some(&sep @ (b':' | b'.')) => {
            let (mm, ml) = read_digits(text, j + 1);
            if ml != 2 || mm > 59 || h > 24 {
                return None;
            }
            let mut k = j + 3;
            if sep == b':' && b.get(k) == Some(&b':') && read_digits(text, k + 1).1 == 2 {
                k += 3;
            }
            // A date ("18.11.2026") or a version number, not a time.
            if matches!(b.get(k), Some(b'.' | b':' | b'/'))
                && b.get(k + 1).is_some_and(u8::is_ascii_digit)
            {
                return None;
            }
            if let Some((end, pm)) = parse_meridiem(text, k) {
                return Some(TimeFound {
                    end,
                    clock: TimeFound::at(end, with_meridiem(h, pm)).clock,
                    meridiem: Some((h, pm)),
                });
            }
            let strong = h >= 13 || h == 0 || lead_zero;
            if let Some(end) = parse_hrs(text, k, false) {
                return (strong || cue).then(|| TimeFound::at(end, h));
            }
            if let Some((end, hour)) = parse_day_context(text, k, h) {
                return Some(TimeFound::at(end.max(k), hour));
            }
            if sep == b'.' && !cue {
                return None;
            }
            Some(if strong {
                TimeFound::at(k, h)
            } else {
                TimeFound::unknown(k)
            })
        }
        Some(b'h' | b'H') => {
            // French style "21h30", or "21h" for an unmistakably 24-hour hour.
            let (mm, ml) = read_digits(text, j + 1);
            if ml == 2 && mm <= 59 && h <= 23 && boundary_after(text, j + 3) {
                Some(TimeFound::at(j + 3, h))
            } else {
                let strong = (13..=23).contains(&h) || (lead_zero && h <= 9);
                (ml == 0 && strong && boundary_after(text, j + 1)).then(|| TimeFound::at(j + 1, h))
            }
        }
        _ => parse_cjk_hour(text, j, h)
            .or_else(|| parse_uhr(text, j, h, lead_zero))
            .or_else(|| (h <= 23).then(|| hour_suffix(text, j, h)).flatten()),
    }
}

/// German "23 Uhr".
fn parse_uhr(text: &str, i: usize, hour: u32, lead_zero: bool) -> Option<TimeFound> {
    let k = skip_hspace(text, i, 1);
    let end = eat_word(text, k, "uhr").filter(|_| k > i && hour <= 24)?;
    Some(if hour >= 13 || hour == 0 || lead_zero {
        TimeFound::at(end, hour)
    } else {
        TimeFound::unknown(end)
    })
}

/// Chinese / Japanese "11点", "11點半", "23時30分".
fn parse_cjk_hour(text: &str, i: usize, hour: u32) -> Option<TimeFound> {
    let c = next_char(text, i).filter(|c| matches!(c, '点' | '點' | '时' | '時'))?;
    if hour > 24 {
        return None;
    }
    let mut end = i + c.len_utf8();
    if let Some(half) = next_char(text, end).filter(|&c| c == '半') {
        end += half.len_utf8();
    } else {
        let (mm, ml) = read_digits(text, end);
        if (1..=2).contains(&ml)
            && mm <= 59
            && let Some(m) = next_char(text, end + ml).filter(|&c| c == '分')
        {
            end += ml + m.len_utf8();
        }
    }
    Some(if hour >= 13 || hour == 0 {
        TimeFound::at(end, hour)
    } else {
        TimeFound::unknown(end)
    })
}

/// An hour written as 1–12 in digits or words, standing alone.
fn parse_hour_token(text: &str, i: usize) -> Option<(usize, u32)> {
    let (h, hl) = read_digits(text, i);
    if hl > 0 {
        let b = text.as_bytes();
        let decimal = matches!(b.get(i + hl), Some(b'.' | b':'))
            && b.get(i + hl + 1).is_some_and(u8::is_ascii_digit);
        let ends = boundary_after(text, i + hl) || parse_meridiem(text, i + hl).is_some();
        return (hl <= 2 && (1..=12).contains(&h) && !decimal && ends).then_some((i + hl, h));
    }
    number_word(text, i)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Minutes {
    Half,
    Quarter,
    Words,
    Digits,
}

fn parse_minutes(text: &str, i: usize) -> Option<(usize, Minutes)> {
    let (v, n) = read_digits(text, i);
    let (end, kind) = if n > 0 {
        if n > 2 || !(1..=59).contains(&v) || !boundary_after(text, i + n) {
            return None;
        }
        (i + n, Minutes::Digits)
    } else if let Some(e) = eat_word(text, i, "half") {
        return Some((e, Minutes::Half));
    } else if let Some(e) =
        eat_word(text, i, "quarter").or_else(|| eat_words(text, i, &["a", "quarter"]))
    {
        return Some((e, Minutes::Quarter));
    } else if let Some(e) = eat_words(text, i, &["twenty", "five"])
        .or_else(|| eat_word(text, i, "twenty-five"))
        .or_else(|| eat_word(text, i, "twentyfive"))
        .or_else(|| eat_word(text, i, "twenty"))
        .or_else(|| eat_word(text, i, "ten"))
        .or_else(|| eat_word(text, i, "five"))
    {
        (e, Minutes::Words)
    } else {
        return None;
    };
    let k = skip_hspace(text, end, 2);
    let unit = ["minutes", "minute", "mins", "min"]
        .iter()
        .find_map(|w| eat_word(text, k, w));
    Some((unit.filter(|_| k > end).unwrap_or(end), kind))
}

/// "half past ten", "quarter to eleven", "20 past 9", "ten to twelve pm".
fn parse_minute_phrase(text: &str, i: usize, cue: bool) -> Option<TimeFound> {
    let (e, kind) = parse_minutes(text, i)?;
    let k = skip_hspace(text, e, 2);
    if k == e {
        return None;
    }
    let (k2, to) = match eat_word(text, k, "past") {
        Some(x) => (x, false),
        None => (eat_word(text, k, "to")?, true),
    };
    let k3 = skip_hspace(text, k2, 2);
    if k3 == k2 {
        return None;
    }
    let hour_is_word = !text.as_bytes().get(k3).is_some_and(u8::is_ascii_digit);
    let (hour_end, h) = parse_hour_token(text, k3)?;
    let before = |hour: u32| if to { (hour + 23) % 24 } else { hour };
    if let Some(found) = hour_suffix(text, hour_end, h) {
        return Some(match found.clock {
            Clock::At(x) => TimeFound::at(found.end, before(u32::from(x))),
            Clock::Unknown => found,
        });
    }
    let plain = match (kind, to) {
        (Minutes::Half, true) => false,
        (_, false) | (Minutes::Quarter, true) => true,
        (Minutes::Words, true) => hour_is_word || cue,
        (Minutes::Digits, true) => cue,
    };
    (plain && !followed_by_unit(text, hour_end)).then(|| TimeFound::unknown(hour_end))
}

/// British "half ten" (10:30), after a cue word or with am/pm.
fn parse_half_hour(text: &str, i: usize, cue: bool) -> Option<TimeFound> {
    let e = eat_word(text, i, "half")?;
    let k = skip_hspace(text, e, 2);
    if k == e {
        return None;
    }
    let (hour_end, h) = parse_hour_token(text, k)?;
    if let Some(found) = hour_suffix(text, hour_end, h) {
        return Some(found);
    }
    (cue && !followed_by_unit(text, hour_end)).then(|| TimeFound::unknown(hour_end))
}

/// "2-3am", "between 10 and 11pm", "10.30-11pm": a bare hour joined to a time with am/pm.
fn parse_range(text: &str, i: usize) -> Option<(usize, Clock, Clock)> {
    let b = text.as_bytes();
    let (a, an) = read_digits(text, i);
    if an == 0 || an > 2 || !(1..=12).contains(&a) {
        return None;
    }
    let mut k = i + an;
    if matches!(b.get(k), Some(b':' | b'.')) {
        let (m, mn) = read_digits(text, k + 1);
        if mn == 2 && m <= 59 {
            k += 3;
        }
    }
    if !boundary_after(text, k) {
        return None;
    }
    let k1 = skip_hspace(text, k, 2);
    let k2 = ["-", "\u{2013}", "\u{2014}", "&"]
        .iter()
        .find_map(|s| eat(text, k1, s))
        .or_else(|| {
            (k1 > k)
                .then(|| TIME_CONNECTORS.iter().find_map(|w| eat_word(text, k1, w)))
                .flatten()
        })?;
    let k3 = skip_hspace(text, k2, 2);
    if !b.get(k3).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let second = parse_digit_time(text, k3, false)?;
    let (bh, pm) = second.meridiem?;
    let a_pm = if a % 12 > bh % 12 { !pm } else { pm };
    let first = Clock::At(u8::try_from(with_meridiem(a, a_pm) % 24).unwrap_or(0));
    Some((second.end, first, second.clock))
}

/// Whether the words just before `i` make a number there a time.
fn has_cue(text: &str, i: usize, last_end: usize) -> bool {
    let k = skip_hspace_back(text, i, 3);
    let joins_last = |at: usize| last_end > 0 && skip_hspace_back(text, at, 3) == last_end;
    match prev_char(text, k) {
        None => false,
        Some('@' | '~') => true,
        Some(c @ ('-' | '\u{2013}' | '\u{2014}')) => joins_last(k - c.len_utf8()),
        Some(_) => {
            let b = text.as_bytes();
            let mut w = k;
            while w > 0 && b.get(w - 1).is_some_and(u8::is_ascii_alphabetic) {
                w -= 1;
            }
            if w == k || !boundary_before(text, w) {
                return false;
            }
            let word = text.get(w..k).unwrap_or_default().to_ascii_lowercase();
            TIME_CUES.contains(&word.as_str())
                || (TIME_CONNECTORS.contains(&word.as_str()) && joins_last(w))
        }
    }
}

/// Whether a number may start at `i` (not inside a word, a date, a decimal or a price).
fn digit_start_ok(text: &str, i: usize, last_end: usize) -> bool {
    let Some(p) = prev_char(text, i) else {
        return true;
    };
    let before_p = prev_char(text, i - p.len_utf8());
    let after_digit = before_p.is_some_and(|c| c.is_ascii_digit());
    match p {
        'T' => after_digit, // ISO 8601: "2026-11-18T23:45"
        _ if is_word(p) => false,
        '.' | ':' | ',' | '/' => !after_digit,
        '-' | '\u{2013}' | '\u{2014}' => !after_digit || last_end == i - p.len_utf8(),
        '£' | '$' | '€' | '¥' | '#' => false,
        _ => true,
    }
}

fn parse_word_time(text: &str, i: usize, cue: bool) -> Option<TimeFound> {
    if let Some(found) = parse_minute_phrase(text, i, cue) {
        return Some(found);
    }
    if let Some(found) = parse_half_hour(text, i, cue) {
        return Some(found);
    }
    if let Some((end, h)) = number_word(text, i) {
        return hour_suffix(text, end, h);
    }
    if cue {
        if let Some(e) = eat_word(text, i, "midnight") {
            return Some(TimeFound::at(e, 0));
        }
        if let Some(e) = eat_word(text, i, "noon").or_else(|| eat_word(text, i, "midday")) {
            return Some(TimeFound::at(e, 12));
        }
    }
    None
}

/// Whether the word at `i` can start a time phrase (a cheap filter before parsing).
fn starts_time_word(text: &str, i: usize) -> bool {
    let end = i + text
        .as_bytes()
        .get(i..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let word = text.get(i..end).unwrap_or_default();
    word.len() <= 11
        && (NUMBER_WORDS
            .iter()
            .any(|(w, _)| word.eq_ignore_ascii_case(w))
            || [
                "half",
                "quarter",
                "twenty",
                "twentyfive",
                "midnight",
                "noon",
                "midday",
            ]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
            || (word.eq_ignore_ascii_case("a") && eat_words(text, i, &["a", "quarter"]).is_some()))
}

/// Exact times, with the text that replaces each.
fn find_times(text: &str) -> Vec<(usize, usize, String)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut last_end = 0;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let found = if c.is_ascii_digit() && digit_start_ok(text, i, last_end) {
            let cue = has_cue(text, i, last_end);
            parse_minute_phrase(text, i, cue)
                .map(|f| (f.end, clock_text(f.clock)))
                .or_else(|| parse_range(text, i).map(|(e, a, z)| (e, range_text(a, z))))
                .or_else(|| parse_digit_time(text, i, cue).map(|f| (f.end, clock_text(f.clock))))
        } else if c.is_ascii_alphabetic() && boundary_before(text, i) && starts_time_word(text, i) {
            parse_word_time(text, i, has_cue(text, i, last_end))
                .map(|f| (f.end, clock_text(f.clock)))
        } else {
            None
        };
        match found {
            Some((end, replacement)) if end > i => {
                out.push((i, end, replacement));
                last_end = end;
                i = end;
            }
            _ if c.is_ascii_alphanumeric() => {
                // Never start again in the middle of this word or number.
                let same =
                    |x: &u8| x.is_ascii_digit() == c.is_ascii_digit() && x.is_ascii_alphanumeric();
                i += b
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|x| same(x))
                    .count()
                    .max(1);
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    const JESS: ReporterContact<'static> = ReporterContact {
        name: Some("Jess"),
        email: Some("jess.w@example.org"),
        phone: Some("07700 900456"),
    };

    fn owned(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    fn kinds(v: &[Removed]) -> BTreeSet<Removed> {
        v.iter().copied().collect()
    }

    /// Redacts with no reporter details and nothing to keep.
    fn plain(text: &str) -> Redacted {
        redact(text, &ReporterContact::default(), &Keep::default())
    }

    fn as_jess(text: &str) -> Redacted {
        redact(text, &JESS, &Keep::default())
    }

    fn assert_plain(input: &str, expected: &str) {
        assert_eq!(plain(input).text, expected, "input: {input:?}");
    }

    fn assert_unchanged(input: &str) {
        let r = plain(input);
        assert_eq!(r.text, input);
        assert!(r.removed.is_empty(), "{input:?}: {:?}", r.removed);
    }

    // --- labels and phone_key -----------------------------------------------------------------

    #[test]
    fn labels_are_the_documented_strings() {
        let labels: Vec<&str> = Removed::ALL.iter().map(|k| k.label()).collect();
        assert_eq!(
            labels,
            [
                "reporter name",
                "reporter email address",
                "reporter phone number",
                "email address",
                "phone number",
                "full postcode",
                "exact time",
            ]
        );
    }

    #[test]
    fn phone_key_unifies_uk_forms() {
        for raw in [
            "07700 900123",
            "+44 7700 900123",
            "0044-7700-900-123",
            "(07700) 900 123",
            "+44 (0) 7700 900123",
            "+44(0)7700900123",
            "0044 (0)7700 900 123",
            "447700900123",
            "07700.900.123",
            "０７７００ ９００１２３",
        ] {
            assert_eq!(phone_key(raw), "447700900123", "{raw}");
        }
        assert_eq!(phone_key("020 7946 0018"), "442079460018");
        assert_eq!(phone_key("+33 6 12 34 56 78"), "33612345678");
        assert_eq!(phone_key("0033 6 12 34 56 78"), "33612345678");
        assert_eq!(phone_key("(555) 123-4567"), "5551234567");
        assert_eq!(phone_key(""), "");
        assert_eq!(phone_key("no digits"), "");
        assert_ne!(phone_key("07700 900123"), phone_key("07700 900124"));
    }

    // --- the reporter's phone number ----------------------------------------------------------

    #[test]
    fn reporter_phone_removed_other_removed_unless_kept() {
        let text = "He rang me from 07700 900123 and again from +44 7700 900456";
        let r = as_jess(text);
        assert_eq!(r.text, "He rang me from [removed] and again from [removed]");
        assert_eq!(
            r.removed,
            kinds(&[Removed::ReporterPhone, Removed::PhoneNumber])
        );

        let phones = owned(&["07700900123"]);
        let keep = Keep {
            phone_numbers: &phones,
            emails: &[],
        };
        let r = redact(text, &JESS, &keep);
        assert_eq!(
            r.text,
            "He rang me from 07700 900123 and again from [removed]"
        );
        assert_eq!(r.removed, kinds(&[Removed::ReporterPhone]));
    }

    #[test]
    fn reporter_phone_found_in_any_format() {
        for text in [
            "call me on 0044-7700-900-456",
            "call me on 07700900456",
            "call me on +447700900456",
            "call me on (07700) 900 456",
            "call me on +44 (0) 7700 900456",
            "call me on 7700 900 456",
            "call me on 07700.900.456",
            "call me on 07700/900456",
            "call me on 07700 - 900 - 456",
            "call me on ０７７００ ９００４５６",
        ] {
            let r = as_jess(text);
            assert_eq!(r.text, "call me on [removed]", "{text}");
            assert_eq!(r.removed, kinds(&[Removed::ReporterPhone]), "{text}");
        }
    }

    #[test]
    fn reporter_phone_wins_over_keep() {
        let phones = owned(&["+44 7700 900456", "07700 900123"]);
        let keep = Keep {
            phone_numbers: &phones,
            emails: &[],
        };
        let r = redact("his: 07700 900123, mine: 07700 900456", &JESS, &keep);
        assert_eq!(r.text, "his: 07700 900123, mine: [removed]");
        assert_eq!(r.removed, kinds(&[Removed::ReporterPhone]));
    }

    #[test]
    fn reporter_phone_field_with_two_numbers() {
        let reporter = ReporterContact {
            phone: Some("07700 900456 / 029 2018 0000"),
            ..ReporterContact::default()
        };
        let r = redact(
            "mobile 07700900456, home (029) 2018 0000",
            &reporter,
            &Keep::default(),
        );
        assert_eq!(r.text, "mobile [removed], home [removed]");
        assert_eq!(r.removed, kinds(&[Removed::ReporterPhone]));
    }

    #[test]
    fn reporter_phone_with_short_key_is_matched_exactly_only() {
        let reporter = ReporterContact {
            phone: Some("12345"),
            ..ReporterContact::default()
        };
        let r = redact("flat 12345 and 07700 900123", &reporter, &Keep::default());
        assert_eq!(r.text, "flat 12345 and [removed]");
        assert_eq!(r.removed, kinds(&[Removed::PhoneNumber]));
    }

    #[test]
    fn reporter_phone_never_survives_generated_formats() {
        let mut seed = 0x5eed_u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(seed >> 33).unwrap() % n
        };
        let prefixes = [
            "0", "+44", "+44 ", "0044 ", "+44 (0)", "(0", "+44-", "0044-(0)",
        ];
        let seps = [" ", "-", ".", " - ", ") ", "", "", " ", "\u{a0}", "/"];
        let contexts = [
            ("call ", " now"),
            ("他的号码", "。"),
            ("(", ")"),
            ("tel:", ","),
            ("numer: ", "!"),
            ("", ""),
        ];
        let national = "7700900456";
        for _ in 0..500 {
            let mut number = prefixes[next(prefixes.len())].to_owned();
            for (i, d) in national.chars().enumerate() {
                if i > 0 && next(3) == 0 {
                    number.push_str(seps[next(seps.len())]);
                }
                number.push(d);
            }
            let (before, after) = contexts[next(contexts.len())];
            let text = format!("{before}{number}{after} and 07700 900123");
            let r = as_jess(&text);
            let digits: String = r.text.chars().filter(char::is_ascii_digit).collect();
            assert!(!digits.contains("700900456"), "{text:?} -> {:?}", r.text);
            assert!(r.removed.contains(&Removed::ReporterPhone), "{text:?}");
        }
    }

    // --- other phone numbers ------------------------------------------------------------------

    #[test]
    fn phone_formats_are_removed() {
        for number in [
            "07700 900123",
            "07700-900-123",
            "(07700) 900 123",
            "07700900123",
            "020 7946 0018",
            "0161 496 0000",
            "+44 7700 900123",
            "0044 7700 900123",
            "+44 (0)20 7946 0018",
            "+33 6 12 34 56 78",
            "+1 (555) 123-4567",
            "555-123-4567",
            "+48 501 234 567",
            "07700 900 123",
        ] {
            let text = format!("number: {number}, then");
            let r = plain(&text);
            assert_eq!(r.text, "number: [removed], then", "{number}");
            assert_eq!(r.removed, kinds(&[Removed::PhoneNumber]), "{number}");
        }
    }

    #[test]
    fn kept_phone_is_verbatim_in_any_of_its_formats() {
        let phones = owned(&["+44 7700 900123"]);
        let keep = Keep {
            phone_numbers: &phones,
            emails: &[],
        };
        let text = "He used (07700) 900 123, 07700-900-123 and 0044 7700 900123.";
        let r = redact(text, &JESS, &keep);
        assert_eq!(r.text, text);
        assert!(r.removed.is_empty());
    }

    #[test]
    fn adjacent_numbers_are_split() {
        let phones = owned(&["07700 900123"]);
        let keep = Keep {
            phone_numbers: &phones,
            emails: &[],
        };
        let r = redact("07700 900123 07700 900999 +44 7700 900888", &JESS, &keep);
        assert_eq!(r.text, "07700 900123 [removed] [removed]");
    }

    #[test]
    fn numbers_next_to_phones_stay() {
        assert_plain(
            "paid £50 07700 900555 was his number, 2 men",
            "paid £50 [removed] was his number, 2 men",
        );
        assert_plain(
            "on 2026-11-18 07700 900555 rang",
            "on 2026-11-18 [removed] rang",
        );
        assert_plain(
            "on 01.12.26 07700 900555 rang, and 07 700 900 444",
            "on 01.12.26 [removed] rang, and [removed]",
        );
        assert_plain("07700 900555 2 men came", "[removed] 2 men came");
    }

    #[test]
    fn short_numbers_prices_and_dates_are_not_phones() {
        for text in [
            "paid £150 for 2 hours in flat 3, room 12, 2 men",
            "on 18/11/2026 and 2026-11-18 and 18.11.2026",
            "he was 45 and drove a 2019 car, house 221",
            "call 999 or 101",
            "1,234,567 views",
            "AB12 CDE silver Ford Focus",
        ] {
            assert_unchanged(text);
        }
    }

    #[test]
    fn phone_in_other_languages() {
        let r = plain("Dzwonił z numeru 0048 501 234 567, był agresywny.");
        assert_eq!(r.text, "Dzwonił z numeru [removed], był agresywny.");
        let r = plain("M-a sunat de pe +40 712 345 678, era violent.");
        assert_eq!(r.text, "M-a sunat de pe [removed], era violent.");
        let r = plain("他用07700 900999给我打电话，很凶。");
        assert_eq!(r.text, "他用[removed]给我打电话，很凶。");
        assert_eq!(r.removed, kinds(&[Removed::PhoneNumber]));
    }

    // --- email addresses ----------------------------------------------------------------------

    #[test]
    fn reporter_email_removed_case_insensitively() {
        let r = as_jess("my email is Jess.W@Example.org");
        assert_eq!(r.text, "my email is [removed]");
        assert_eq!(r.removed, kinds(&[Removed::ReporterEmail]));
        let r = as_jess("JESS.W@EXAMPLE.ORG.");
        assert_eq!(r.text, "[removed].");
    }

    #[test]
    fn reporter_email_glued_or_spaced_out_is_still_removed() {
        let r = as_jess(
            "contact:jess.w@example.org/x and my snap is jess.w, also jess.w @ example.org",
        );
        assert!(!r.text.to_lowercase().contains("jess.w"), "{}", r.text);
        assert_eq!(
            r.text,
            "contact:[removed]/x and my snap is [removed], also [removed] @ [removed]"
        );
    }

    #[test]
    fn reporter_personal_domain_is_removed() {
        let reporter = ReporterContact {
            email: Some("bookings@jessescorts.co.uk"),
            ..ReporterContact::default()
        };
        let r = redact(
            "see www.jessescorts.co.uk or jessescorts.co.uk. not notjessescorts.co.uk",
            &reporter,
            &Keep::default(),
        );
        assert_eq!(
            r.text,
            "see [removed] or [removed]. not notjessescorts.co.uk"
        );
        // A webmail provider's name identifies nobody.
        let reporter = ReporterContact {
            email: Some("jess@gmail.com"),
            ..ReporterContact::default()
        };
        assert_unchanged("he uses gmail.com");
        let r = redact("he uses gmail.com", &reporter, &Keep::default());
        assert_eq!(r.text, "he uses gmail.com");
    }

    #[test]
    fn other_emails_removed_unless_kept() {
        let emails = owned(&["  Perp@Bad.com "]);
        let keep = Keep {
            phone_numbers: &[],
            emails: &emails,
        };
        let r = redact(
            "He wrote from PERP@bad.com and from perp2@bad.com (and <x.y+z@mail.example.co.uk>).",
            &JESS,
            &keep,
        );
        assert_eq!(
            r.text,
            "He wrote from PERP@bad.com and from [removed] (and <[removed]>)."
        );
        assert_eq!(r.removed, kinds(&[Removed::EmailAddress]));
    }

    #[test]
    fn reporter_email_wins_over_keep() {
        let emails = owned(&["jess.w@example.org"]);
        let keep = Keep {
            phone_numbers: &[],
            emails: &emails,
        };
        let r = redact("write to jess.w@example.org", &JESS, &keep);
        assert_eq!(r.text, "write to [removed]");
        assert_eq!(r.removed, kinds(&[Removed::ReporterEmail]));
    }

    #[test]
    fn email_contents_are_not_seen_as_phones_postcodes_or_names() {
        let emails = owned(&["07700900111.cf10.1ab@bad.com"]);
        let keep = Keep {
            phone_numbers: &[],
            emails: &emails,
        };
        let text = "perp: 07700900111.cf10.1ab@bad.com";
        assert_eq!(redact(text, &JESS, &keep).text, text);
        let r = as_jess("mail 07700900222@bad.com or jess.fan@bad.com");
        assert_eq!(r.text, "mail [removed] or [removed]");
        assert_eq!(r.removed, kinds(&[Removed::EmailAddress]));
    }

    #[test]
    fn not_emails() {
        assert_unchanged("meet @ 10, @jess_w on insta, a@b, x@localhost");
    }

    // --- the reporter's name ------------------------------------------------------------------

    #[test]
    fn reporter_name_whole_words_only() {
        let r = as_jess("I'm Jess, he called me Jessie. JESS! jess's bag; (jess)");
        assert_eq!(
            r.text,
            "I'm [removed], he called me Jessie. [removed]! [removed]'s bag; ([removed])"
        );
        assert_eq!(r.removed, kinds(&[Removed::ReporterName]));
    }

    #[test]
    fn full_name_and_its_parts_are_removed_but_not_particles() {
        let reporter = ReporterContact {
            name: Some("  Maria van  Dijk "),
            ..ReporterContact::default()
        };
        let r = redact(
            "MARIA VAN DIJK, Maria, Ms Dijk. He drove a white van.",
            &reporter,
            &Keep::default(),
        );
        assert_eq!(
            r.text,
            "[removed], [removed], Ms [removed]. He drove a white van."
        );
    }

    #[test]
    fn short_or_blank_names_are_ignored() {
        for name in ["Jo", "J", "", "   ", "\u{a0}\t"] {
            let reporter = ReporterContact {
                name: Some(name),
                ..ReporterContact::default()
            };
            let text = "Jo and J went in, a b c";
            let r = redact(text, &reporter, &Keep::default());
            assert_eq!(r.text, text, "{name:?}");
            assert!(r.removed.is_empty());
        }
    }

    #[test]
    fn names_match_across_accents_and_scripts() {
        let reporter = ReporterContact {
            name: Some("Zoë"),
            ..ReporterContact::default()
        };
        let r = redact("Zoë, ZOË, zoe and Zoey", &reporter, &Keep::default());
        assert_eq!(r.text, "[removed], [removed], [removed] and Zoey");
        let reporter = ReporterContact {
            name: Some("Łucja"),
            ..ReporterContact::default()
        };
        let r = redact(
            "Nazywam się ŁUCJA, a on był agresywny.",
            &reporter,
            &Keep::default(),
        );
        assert_eq!(r.text, "Nazywam się [removed], a on był agresywny.");
        let reporter = ReporterContact {
            name: Some("王小明"),
            ..ReporterContact::default()
        };
        let r = redact("我是王小明，他打了我。", &reporter, &Keep::default());
        assert_eq!(r.text, "我是[removed]，他打了我。");
    }

    #[test]
    fn no_reporter_value_survives_in_any_letter_case() {
        let reporter = ReporterContact {
            name: Some("Jessica Rowe"),
            email: Some("Jess.Rowe99@Example.org"),
            phone: Some("+44 7700 900456"),
        };
        let base = "Jessica Rowe here, jess.rowe99@example.org, tel 07700 900456. \
                    Rowe said jessica's number is 0044 7700 900 456; mail JESS.ROWE99@EXAMPLE.ORG";
        let variants = [
            base.to_owned(),
            base.to_uppercase(),
            base.to_lowercase(),
            base.chars()
                .enumerate()
                .map(|(i, c)| {
                    if i % 2 == 0 {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect(),
        ];
        for text in variants {
            let r = redact(&text, &reporter, &Keep::default());
            let out = r.text.to_lowercase();
            for needle in [
                "jessica",
                "rowe",
                "jess.rowe99",
                "example.org",
                "900456",
                "900 456",
            ] {
                assert!(!out.contains(needle), "{needle} survived in {:?}", r.text);
            }
            assert_eq!(
                r.removed,
                kinds(&[
                    Removed::ReporterName,
                    Removed::ReporterEmail,
                    Removed::ReporterPhone
                ])
            );
        }
    }

    // --- postcodes ----------------------------------------------------------------------------

    #[test]
    fn full_postcodes_are_coarsened_to_the_outward_code() {
        for (postcode, outward) in [
            ("CF10 1AB", "CF10"),
            ("cf101ab", "CF10"),
            ("SW1A 1AA", "SW1A"),
            ("M1 1AE", "M1"),
            ("B33 8TH", "B33"),
            ("CR2 6XH", "CR2"),
            ("DN55 1PT", "DN55"),
            ("EC1A 1BB", "EC1A"),
            ("W1A 0AX", "W1A"),
            ("ls1  4dy", "LS1"),
            ("Cf10 1aB", "CF10"),
        ] {
            let r = plain(&format!("He lives near {postcode}, by the park"));
            assert_eq!(r.text, format!("He lives near {outward}, by the park"));
            assert_eq!(r.removed, kinds(&[Removed::Postcode]));
        }
        assert_plain(
            "Meet at the hotel (CF10 1AB). Then SW1A1AA!",
            "Meet at the hotel (CF10). Then SW1A!",
        );
        assert_plain("It was in cf10 1ab", "It was in CF10");
    }

    #[test]
    fn outward_codes_and_lookalikes_are_left() {
        for text in [
            "Somewhere in CF10, near the station",
            "came off the M4 2nd junction",
            "reg AB12 CDE, also a Y123 ABC",
            "HE HIT ME AT 2AM",
            "covid19 1st wave",
        ] {
            let r = plain(text);
            assert!(!r.removed.contains(&Removed::Postcode), "{text}: {r:?}");
        }
        assert_unchanged("Somewhere in CF10, near the station");
        assert_unchanged("came off the M4 2nd junction");
    }

    // --- times --------------------------------------------------------------------------------

    #[test]
    fn exact_times_become_parts_of_the_day() {
        for (time, part) in [
            ("23:45", "(late evening)"),
            ("11:45pm", "(late evening)"),
            ("11.45 pm", "(late evening)"),
            ("11pm", "(late evening)"),
            ("11 p.m.", "(late evening)"),
            ("9am", "(morning)"),
            ("9 AM", "(morning)"),
            ("9 o'clock", "[removed]"),
            ("9 o’clock", "[removed]"),
            ("21h30", "(late evening)"),
            ("half past ten", "[removed]"),
            ("quarter to eleven", "[removed]"),
            ("12am", "(night)"),
            ("12pm", "(afternoon)"),
            ("12:30am", "(night)"),
            ("00:15", "(night)"),
            ("04:59", "(night)"),
            ("05:00", "(morning)"),
            ("09:15", "(morning)"),
            ("11:59", "[removed]"),
            ("12:30", "[removed]"),
            ("16:59", "(afternoon)"),
            ("17:00", "(evening)"),
            ("20:59", "(evening)"),
            ("21:00", "(late evening)"),
            ("3pm", "(afternoon)"),
            ("6.30pm", "(evening)"),
            ("2300hrs", "(late evening)"),
            ("23:45:10", "(late evening)"),
            ("9:30", "[removed]"),
            ("ten pm", "(late evening)"),
            ("nine o'clock", "[removed]"),
            ("half past eleven pm", "(late evening)"),
            ("quarter to 12pm", "(morning)"),
            ("20 past 9pm", "(late evening)"),
            ("9 at night", "(late evening)"),
            ("4 in the morning", "(night)"),
            ("12 noon", "(afternoon)"),
        ] {
            let r = plain(&format!("It happened {time}, I think"));
            assert_eq!(r.text, format!("It happened {part}, I think"), "{time}");
            assert_eq!(r.removed, kinds(&[Removed::ExactTime]), "{time}");
        }
    }

    #[test]
    fn times_in_sentences() {
        assert_plain(
            "around 11.30pm he came back",
            "around (late evening) he came back",
        );
        assert_plain("at 23:15 he left", "at (late evening) he left");
        assert_plain("between 2am and 3am", "between (night) and (night)");
        assert_plain("about 9 o'clock", "about [removed]");
        assert_plain(
            "He came at 9 a.m. Then he left at 10.15am.",
            "He came at (morning). Then he left at (morning).",
        );
        assert_plain("at 9 a.m. and again", "at (morning) and again");
        assert_plain("at half ten", "at [removed]");
        assert_plain(
            "at 10.30 and left by 22.45",
            "at [removed] and left by (late evening)",
        );
        assert_plain(
            "from 22.30 to 23.15",
            "from (late evening) to (late evening)",
        );
        assert_plain("9am-5pm", "(morning)-(evening)");
        assert_plain("23:00-23:30", "(late evening)-(late evening)");
        assert_plain("between 10 and 11pm", "between (late evening)");
        assert_plain("2-3am", "(night)");
        assert_plain("4-5pm", "(afternoon to evening)");
        assert_plain("11-1am", "(late evening to night)");
        assert_plain("until midnight", "until (night)");
        assert_plain("2026-11-18T23:45", "2026-11-18T(late evening)");
        assert_plain("晚上23点30分，11点", "晚上(late evening)，[removed]");
        assert_plain(
            "Il est venu à 23h, reparti à 1h",
            "Il est venu à (late evening), reparti à 1h",
        );
        assert_plain("um 23 Uhr, um 9 Uhr", "um (late evening), um [removed]");
    }

    #[test]
    fn things_that_are_not_times() {
        for text in [
            "at 9 he left",
            "paid £80 for 2 hours",
            "flat 3, room 12, 2 men",
            "he was 9.5 stone, 1.5 hours, 2.30hrs",
            "dates 18/11/2026, 2026-11-18, 18.11.2026 and 18.11.26",
            "9 amazing things, 2 a month, a quarter of them",
            "five to ten minutes, 5 to 10 minutes",
            "score 2:1, ratio 16:9",
            "half an hour, half the time",
            "the midnight bus",
            "Room 9 at the Grand",
        ] {
            assert_unchanged(text);
        }
    }

    #[test]
    fn dates_stay_but_times_next_to_them_go() {
        assert_plain(
            "on 18/11/2026 at 23:45, on 2026-11-18 at 11pm, on 18.11.2026 at 10.30pm",
            "on 18/11/2026 at (late evening), on 2026-11-18 at (late evening), on 18.11.2026 at (late evening)",
        );
    }

    // --- whole reports ------------------------------------------------------------------------

    #[test]
    fn realistic_report() {
        let phones = owned(&["07700 900123"]);
        let emails = owned(&["daveyboy77@mail.example.com"]);
        let keep = Keep {
            phone_numbers: &phones,
            emails: &emails,
        };
        let text = "Hi, I'm Jess (jess.w@example.org, 07700 900456). On 18/11/2026 at about 11.30pm \
                    a man called Dave rang from 07700 900123, emailed from daveyboy77@mail.example.com \
                    and came to my flat at CF10 1AB. White male, 40s, tattoo on left arm, silver \
                    Ford Focus AB12 CDE. He paid £80 then hit me. His mate used 07700 900999.";
        let r = redact(text, &JESS, &keep);
        assert_eq!(
            r.text,
            "Hi, I'm [removed] ([removed], [removed]). On 18/11/2026 at about \
             (late evening) a man called Dave rang from 07700 900123, emailed from \
             daveyboy77@mail.example.com and came to my flat at CF10. White male, 40s, tattoo on \
             left arm, silver Ford Focus AB12 CDE. He paid £80 then hit me. His mate used \
             [removed]."
        );
        assert_eq!(
            r.removed,
            kinds(&[
                Removed::ReporterName,
                Removed::ReporterEmail,
                Removed::ReporterPhone,
                Removed::PhoneNumber,
                Removed::Postcode,
                Removed::ExactTime,
            ])
        );
    }

    #[test]
    fn text_is_otherwise_kept_exactly() {
        let text =
            "Línea 1:\tÇa va?  \r\n  Привет — 你好 😀👍🏽 \u{a0}«quote» [brackets) ((( ]]] {x}\n";
        assert_unchanged(text);
        let r = as_jess("😀 Jess 😀\n\n  07700 900456\t!");
        assert_eq!(r.text, "😀 [removed] 😀\n\n  [removed]\t!");
    }

    #[test]
    fn empty_input() {
        let r = as_jess("");
        assert_eq!(r.text, "");
        assert!(r.removed.is_empty());
    }

    #[test]
    fn deterministic() {
        let text = "Jess 07700 900456 jess.w@example.org CF10 1AB 11pm a@b.co 07700 900999";
        let first = as_jess(text);
        for _ in 0..5 {
            assert_eq!(as_jess(text), first);
        }
    }

    #[test]
    fn hostile_inputs_do_not_panic() {
        let mut inputs = vec![
            "(".repeat(3000),
            ")".repeat(3000),
            "+".repeat(3000),
            "@".repeat(3000),
            "a@".repeat(2000),
            "0 ".repeat(3000),
            "1:".repeat(3000),
            "1.".repeat(3000),
            "9".repeat(5000),
            "\u{301}".repeat(2000),
            "İ".repeat(2000),
            "ß".repeat(2000),
            "\u{FFFF}\u{10FFFF}\u{0}".repeat(500),
        ];
        // Every script: one char from each 128-code-point block of the BMP and beyond.
        inputs.push(
            (0u32..0x3_0000)
                .step_by(97)
                .filter_map(char::from_u32)
                .collect(),
        );
        for text in &inputs {
            let r = as_jess(text);
            assert!(!r.text.contains("900456"));
        }
    }

    fn long_report() -> String {
        let paragraph = "He said his name was Dave and rang from 07700 900123 at 11.30pm. \
                         He came to CF10 1AB on 18/11/2026, paid £80 for 2 hours, then at half past \
                         ten he got angry. Email perp@bad.com. Jess ran. Ça n'allait pas. 他很凶。 ";
        let mut text = String::new();
        while text.chars().count() < 20_000 {
            text.push_str(paragraph);
        }
        text.chars().take(20_000).collect()
    }

    #[test]
    fn twenty_thousand_characters_are_fast() {
        let text = long_report();
        assert_eq!(text.chars().count(), 20_000);
        let mut best = Duration::MAX;
        let mut out = None;
        for _ in 0..3 {
            let start = Instant::now();
            out = Some(as_jess(&text));
            best = best.min(start.elapsed());
        }
        assert!(best < Duration::from_millis(50), "took {best:?}");
        let r = out.unwrap();
        assert!(!r.text.contains("07700 900123"));
        assert!(!r.text.contains("Jess "));
        assert!(!r.text.contains("1AB"));
        assert_eq!(
            r.removed,
            kinds(&[
                Removed::ReporterName,
                Removed::EmailAddress,
                Removed::PhoneNumber,
                Removed::Postcode,
                Removed::ExactTime,
            ])
        );
    }
}
