//! Who may receive a police forward: never an address of immigration enforcement. Checked when a
//! SPOC is registered and again immediately before every send, so a row written straight into the
//! database still cannot be sent to.
//!
//! An address is refused as immigration enforcement when its domain is, contains or sits under a
//! blocked domain, when any part of its domain or local part names an immigration, border or
//! passport body, or when it only looks like one of those: every comparison is made on a folded
//! form (IDNA mapping, NFKC, lower case, the UTS #39 confusable skeleton, and digit/letter swaps
//! such as `0`/`o` and `1`/`l`/`i`), and the longest names also match with one typing error. An
//! address that could route mail onward (`%`, `!`, `:`, quoting, more than one `@`, a source
//! route) is refused outright: a relay could deliver it anywhere.

/// Domains of immigration, border and passport authorities. Each also blocks every subdomain, and
/// any domain that contains it as a run of whole labels (`passport.gov.uk.cjsm.net`, a relay's
/// `homeoffice.gov.uk.example.net`), and any domain that folds to one of those.
pub const BLOCKED_DOMAINS: &[&str] = &[
    // UK: the Home Office and its immigration functions (UK Visas and Immigration, Immigration
    // Enforcement, Border Force, HM Passport Office) and their predecessors (UKvisas, the
    // Immigration and Nationality Directorate, the Border and Immigration Agency, the UK Border
    // Agency, the Identity and Passport Service), current and legacy (GSI) mail domains.
    "homeoffice.gov.uk",
    "homeoffice.gsi.gov.uk",
    "homeoffice.x.gsi.gov.uk",
    "ukvi.gov.uk",
    "ukvisas.gov.uk",
    "ukvisas.gsi.gov.uk",
    "ukba.gov.uk",
    "ukba.gsi.gov.uk",
    "bia.gsi.gov.uk",
    "borderforce.gov.uk",
    "immigrationenforcement.gov.uk",
    "hmpo.gov.uk",
    "hmpo.gsi.gov.uk",
    "passport.gov.uk",
    "ips.gsi.gov.uk",
    // UK: GOV.UK services of the Home Office for passports, visas and status checks. Any other
    // `*.service.gov.uk` service whose name speaks of passports, visas, immigration, borders,
    // right to work and the like is refused by rule (see `SERVICE_SUFFIX`).
    "passport.service.gov.uk",
    "visas-immigration.service.gov.uk",
    "right-to-work.service.gov.uk",
    // Ireland: Immigration Service Delivery (formerly INIS) of the Department of Justice, whose
    // staff write from justice.ie. The Garda (garda.ie) is the general police and is not
    // blocked; its National Immigration Bureau is refused by local part (`gnib@`, ...).
    "irishimmigration.ie",
    "inis.gov.ie",
    "justice.ie",
    // EU: Frontex (European Border and Coast Guard Agency), the EU Agency for Asylum and its
    // predecessor EASO, and eu-LISA, which runs Eurodac, VIS, EES and ETIAS.
    "frontex.europa.eu",
    "euaa.europa.eu",
    "easo.europa.eu",
    "eulisa.europa.eu",
    // US: the Department of Homeland Security (ice.dhs.gov, cbp.dhs.gov, uscis.dhs.gov, ...),
    // Immigration and Customs Enforcement, Customs and Border Protection, Citizenship and
    // Immigration Services.
    "dhs.gov",
    "ice.gov",
    "cbp.gov",
    "uscis.gov",
];

/// A domain (all its labels run together) or a local part containing one of these is refused,
/// whatever the rest of it: a mistyped or unlisted Home Office domain, or an immigration inbox at
/// a police domain, must not slip through. Those of `FUZZY_MIN` folded characters or more also
/// match with one character inserted, dropped, changed or swapped (`hornoffice`).
const BLOCKED_LABEL_FRAGMENTS: &[&str] = &[
    "homeoffice",
    "ukvi",
    "ukba",
    "ukbf",
    "ukvcas",
    "borderforce",
    "immigration",
    "hmpo",
    "passport",
    "asylum",
    "deport",
    "overstay",
    "illegalworking",
    "righttowork",
    "righttorent",
    "opnexus",
    "operationnexus",
    "uscis",
    "eoir",
    "frontex",
    "eulisa",
    "gnib",
];

/// Folded fragments at least this long also match with one edit.
const FUZZY_MIN: usize = 10;

/// A domain label, or a word of a local part (split at `.`, `-`, `_`, `+`, ...), that is exactly
/// one of these is refused: names too short or too common to look for inside other words.
/// (`ice` is inside `police`, `inis` inside `administration`.)
const BLOCKED_LABEL_WORDS: &[&str] = &["ice", "cbp", "dhs", "euaa", "easo"];

/// A word of a local part that is exactly one of these is refused as well (`visas@`,
/// `border.team@`, `jane+nexus@`). They are not applied to domains, where `border` or `visa` can
/// be someone else's name.
const BLOCKED_LOCAL_WORDS: &[&str] = &[
    "visa",
    "visas",
    "evisa",
    "evisas",
    "border",
    "borders",
    "brp",
    "euss",
    "rtw",
    "removals",
    "nationality",
    "citizenship",
    "nexus",
    "hsi",
    "ero",
    "inis",
    "isd",
];

/// GOV.UK services live at `<service>.service.gov.uk`; a service whose name would be refused as a
/// local part (it speaks of passports, visas, immigration, borders, ...) is refused as a domain.
const SERVICE_SUFFIX: &[&str] = &["service", "gov", "uk"];

/// Local parts of shared inboxes: a forward goes to a named person, never a generic inbox.
const GENERIC_LOCAL_PARTS: &[&str] = &[
    "info",
    "enquiries",
    "enquiry",
    "contact",
    "admin",
    "office",
    "mail",
    "noreply",
    "no-reply",
    "101",
    "999",
    "control",
    "controlroom",
    "intelligence",
    "intel",
    "crimestoppers",
    "reception",
    "general",
];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecipientRefused {
    /// Not exactly one bare `local@domain`: display names, lists, comments, quoting, `%` or `!`
    /// or `:` routing, source routes and a second `@` all land here.
    #[error(
        "not a single plain email address (no display name, quoting, routing characters % ! : or second @)"
    )]
    Malformed,
    #[error("an immigration-enforcement address")]
    Immigration,
    #[error("a shared inbox, not a named person")]
    Generic,
}

/// Checks a forward recipient against the built-in lists and the configured `extra` domains, and
/// returns the one form of it that may be stored and sent to: a bare `local@domain`, the domain
/// lower-cased in its ASCII (IDNA) form, nothing else.
///
/// Two passes, so no spelling reaches a blocked domain. First, every address-like piece of the
/// input — inside angle brackets, after a display name, one of a list, inside quotes, every host
/// of a `%`, `!` or source route — is checked, as a domain and (before the last `@`) as a local
/// part: a mail library or relay would deliver `Name <x@passport.gov.uk>` or
/// `x%passport.gov.uk@relay.example` to the passport office. Then the input must be a single
/// bare address with nothing in it that could route mail onward, parsed as the mail library
/// parses it.
pub fn check(email: &str, extra: &[String]) -> Result<String, RecipientRefused> {
    let pieces = email.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '<' | '>' | ',' | ';' | '"' | '(' | ')' | '[' | ']' | '\\'
            )
    });
    for piece in pieces {
        // A piece without `@` is checked too: `"x%frontex.europa.eu"@relay` routes through it.
        let (route, domain) = piece.rsplit_once('@').unwrap_or((piece, ""));
        if !domain.is_empty() && domain_refused(domain, extra) {
            return Err(RecipientRefused::Immigration);
        }
        for segment in route.split(['@', '%', '!', ':']).filter(|s| !s.is_empty()) {
            if domain_refused(segment, extra) || local_names_enforcement(segment) {
                return Err(RecipientRefused::Immigration);
            }
        }
    }

    let trimmed = email.trim();
    if trimmed.chars().any(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '<' | '>'
                    | ','
                    | ';'
                    | '"'
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | '\\'
                    // Onward routing: `user%host@relay`, `host!user@relay`, `@a,@b:user@c`.
                    | '%'
                    | '!'
                    | ':'
            )
    }) {
        return Err(RecipientRefused::Malformed);
    }
    if trimmed.matches('@').count() != 1 {
        return Err(RecipientRefused::Malformed);
    }
    let (local, domain) = trimmed.split_once('@').ok_or(RecipientRefused::Malformed)?;
    let domain = ascii_domain(domain).ok_or(RecipientRefused::Malformed)?;
    if local.is_empty() || !domain.contains('.') {
        return Err(RecipientRefused::Malformed);
    }
    // A bare IP address (`jane@10.0.0.1`) names no one the firewall can check.
    if domain
        .rsplit('.')
        .next()
        .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(RecipientRefused::Malformed);
    }
    let canonical = format!("{local}@{domain}");
    // The mail library must read it as exactly this address, or it is not sent anywhere.
    let parsed: lettre::Address = canonical.parse().map_err(|_| RecipientRefused::Malformed)?;
    if parsed.domain() != domain || parsed.user() != local {
        return Err(RecipientRefused::Malformed);
    }
    if is_blocked(&domain, extra) || local_names_enforcement(local) {
        return Err(RecipientRefused::Immigration);
    }
    let local_lower = local.to_lowercase();
    let base = local_lower.split('+').next().unwrap_or(&local_lower);
    if GENERIC_LOCAL_PARTS.contains(&base) {
        return Err(RecipientRefused::Generic);
    }
    Ok(canonical)
}

/// The domain as DNS sees it: UTS #46 mapping (so full-width letters and other look-alike forms
/// become what mail would really be routed to), lower case, no trailing dot.
fn ascii_domain(domain: &str) -> Option<String> {
    let ascii = idna::domain_to_ascii(domain.trim().trim_end_matches('.')).ok()?;
    let ascii = ascii.trim_end_matches('.').to_lowercase();
    (!ascii.is_empty()).then_some(ascii)
}

/// A piece of the input read as a domain: in its IDNA form when it has one, as written otherwise.
fn domain_refused(domain: &str, extra: &[String]) -> bool {
    is_blocked(
        &ascii_domain(domain).unwrap_or_else(|| domain.to_lowercase()),
        extra,
    )
}

/// How a string is folded. `cl` can stand for `d` (`borcler`) or for `ci` (`uscls`), so every
/// check is made under both readings, and refuses if either matches.
#[derive(Clone, Copy)]
struct Reading {
    cl_as_d: bool,
}

const READINGS: [Reading; 2] = [Reading { cl_as_d: false }, Reading { cl_as_d: true }];

/// The look-alike form of `s` that every comparison is made on: NFKC, lower case, the UTS #39
/// confusable skeleton (Cyrillic `е` → `e`, full-width and accented letters → plain ones, `1` and
/// `I` → `l`, `m` → `rn`, ...), then what the skeleton leaves apart: `rn` → `m` (so one letter
/// stays one letter for the one-edit match), `vv` → `w`, in one reading `cl` → `d`, then
/// `0` → `o`, `1`/`l` → `i`, `3` → `e`, `4` → `a`, `5` → `s`, `7` → `t`, `8` → `b`. What remains is ASCII letters and digits, with a space
/// wherever `s` had punctuation or space (a word break); anything else (accents left by the
/// skeleton, unmapped scripts, invisible characters) is dropped, so it cannot split a name.
fn fold(s: &str, reading: Reading) -> String {
    use unicode_normalization::UnicodeNormalization;
    let lower = s.nfkc().collect::<String>().to_lowercase();
    let mut skeleton = unicode_security::skeleton(&lower)
        .collect::<String>()
        .to_lowercase()
        .replace("rn", "m")
        .replace("vv", "w");
    if reading.cl_as_d {
        skeleton = skeleton.replace("cl", "d");
    }
    skeleton
        .chars()
        .filter_map(|c| match c {
            '0' => Some('o'),
            '1' | 'l' => Some('i'),
            '3' => Some('e'),
            '4' => Some('a'),
            '5' => Some('s'),
            '7' => Some('t'),
            '8' => Some('b'),
            c if c.is_ascii_alphanumeric() => Some(c),
            c if c.is_ascii_punctuation() || c.is_whitespace() => Some(' '),
            _ => None,
        })
        .collect()
}

/// A folded string without its word breaks: `home-office` and `home_office` are `homeoffice`.
fn compact(folded: &str) -> String {
    folded.chars().filter(|c| *c != ' ').collect()
}

/// Whether folded, compacted `text` contains a blocked fragment (the long ones with one edit).
fn names_fragment(text: &str, reading: Reading) -> bool {
    BLOCKED_LABEL_FRAGMENTS.iter().any(|fragment| {
        let fragment = compact(&fold(fragment, reading));
        text.contains(&fragment)
            || (fragment.len() >= FUZZY_MIN
                && within_one_edit(text.as_bytes(), fragment.as_bytes()))
    })
}

/// Whether `word` (already folded) is one of `words` (folded the same way).
fn is_word_of(word: &str, words: &[&str], reading: Reading) -> bool {
    !word.is_empty() && words.iter().any(|w| compact(&fold(w, reading)) == word)
}

/// Whether a local part names immigration enforcement: a blocked fragment anywhere in it, or a
/// blocked word as one of its words.
fn local_names_enforcement(local: &str) -> bool {
    READINGS
        .into_iter()
        .any(|reading| local_names_enforcement_as(local, reading))
}

fn local_names_enforcement_as(local: &str, reading: Reading) -> bool {
    let folded = fold(local, reading);
    names_fragment(&compact(&folded), reading)
        || folded.split(' ').any(|word| {
            is_word_of(word, BLOCKED_LOCAL_WORDS, reading)
                || is_word_of(word, BLOCKED_LABEL_WORDS, reading)
        })
}

/// A domain's labels, folded, after undoing the IDNA (punycode) encoding so the skeleton sees the
/// characters a reader sees.
fn folded_labels(domain: &str, reading: Reading) -> Vec<String> {
    let (unicode, _) = idna::domain_to_unicode(domain);
    unicode
        .split('.')
        .map(|label| fold(label, reading))
        .filter(|label| !compact(label).is_empty())
        .collect()
}

fn is_blocked(domain: &str, extra: &[String]) -> bool {
    READINGS
        .into_iter()
        .any(|reading| is_blocked_as(domain, extra, reading))
}

fn is_blocked_as(domain: &str, extra: &[String], reading: Reading) -> bool {
    let labels = folded_labels(domain, reading);
    let compact_labels: Vec<String> = labels.iter().map(String::as_str).map(compact).collect();
    let contains_run = |blocked: &str| {
        let run: Vec<String> = folded_labels(blocked, reading)
            .iter()
            .map(String::as_str)
            .map(compact)
            .collect();
        !run.is_empty()
            && compact_labels
                .windows(run.len())
                .any(|w| w == run.as_slice())
    };
    let listed = BLOCKED_DOMAINS.iter().any(|d| contains_run(d))
        || extra
            .iter()
            .filter_map(|d| ascii_domain(d.trim().trim_start_matches('@')))
            .any(|d| contains_run(&d));
    let fragment = names_fragment(&compact_labels.concat(), reading);
    let word = labels
        .iter()
        .flat_map(|label| label.split(' '))
        .any(|word| is_word_of(word, BLOCKED_LABEL_WORDS, reading));
    let service = compact_labels.len() > SERVICE_SUFFIX.len()
        && compact_labels
            .iter()
            .rev()
            .zip(SERVICE_SUFFIX.iter().rev())
            .all(|(label, suffix)| label == suffix)
        && labels[..labels.len() - SERVICE_SUFFIX.len()]
            .iter()
            .any(|label| local_names_enforcement_as(label, reading));
    listed || fragment || word || service
}

/// Whether `pattern` occurs in `text` with at most one edit: a character inserted, dropped,
/// changed, or two neighbours swapped (Sellers' approximate substring search, with the
/// Damerau transposition).
fn within_one_edit(text: &[u8], pattern: &[u8]) -> bool {
    let m = pattern.len();
    if m <= 1 {
        return true;
    }
    // Column j of D, where D[i][j] is the fewest edits turning pattern[..i] into some text that
    // ends at text[..j]; starting anywhere in text is free, so D[0][j] = 0.
    let mut before: Vec<usize> = (0..=m).collect();
    let mut previous: Vec<usize> = (0..=m).collect();
    for j in 1..=text.len() {
        let mut current = vec![0; m + 1];
        for i in 1..=m {
            let changed = previous[i - 1] + usize::from(pattern[i - 1] != text[j - 1]);
            let mut best = changed.min(previous[i] + 1).min(current[i - 1] + 1);
            if i > 1 && j > 1 && pattern[i - 1] == text[j - 2] && pattern[i - 2] == text[j - 1] {
                best = best.min(before[i - 2] + 1);
            }
            current[i] = best;
        }
        if current[m] <= 1 {
            return true;
        }
        before = std::mem::replace(&mut previous, current);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused_as_immigration(emails: &[&str]) {
        for email in emails {
            assert_eq!(
                check(email, &[]),
                Err(RecipientRefused::Immigration),
                "{email}"
            );
        }
    }

    #[test]
    fn immigration_enforcement_is_refused_in_every_form() {
        for email in [
            "someone@homeoffice.gov.uk",
            "SomeOne@HomeOffice.Gov.UK",
            "x@ukvi.homeoffice.gov.uk",
            "x@digital.homeoffice.gov.uk.",
            "x@homeoffice.gsi.gov.uk",
            "x@ukba.gsi.gov.uk",
            "x@borderforce.gov.uk",
            "x@hmpo.gov.uk",
            "x@home-office.example.org",
            "x@immigration.police.uk",
            "x@ukvi-contact.co.uk",
        ] {
            assert_eq!(
                check(email, &[]),
                Err(RecipientRefused::Immigration),
                "{email}"
            );
        }
        assert_eq!(
            check("x@ice.dhs.gov", &["dhs.gov".into()]),
            Err(RecipientRefused::Immigration)
        );
        assert_eq!(
            check("x@sub.example.net", &["@example.net".into()]),
            Err(RecipientRefused::Immigration)
        );
    }

    #[test]
    fn named_police_addresses_pass_and_generic_ones_do_not() {
        assert_eq!(
            check("jane.doe@South-Wales.Police.UK.", &[]),
            Ok("jane.doe@south-wales.police.uk".into())
        );
        assert!(check("jane.doe@met.police.uk", &["dhs.gov".into()]).is_ok());
        // "officeholder.gov.uk" is not "homeoffice.gov.uk".
        assert!(check("jane@notthehome.gov.uk", &[]).is_ok());
        assert_eq!(
            check("info@gwent.police.uk", &[]),
            Err(RecipientRefused::Generic)
        );
        assert_eq!(
            check("101+x@gwent.police.uk", &[]),
            Err(RecipientRefused::Generic)
        );
        assert_eq!(
            check("not an address", &[]),
            Err(RecipientRefused::Malformed)
        );
        assert_eq!(check("a@b", &[]), Err(RecipientRefused::Malformed));
        for not_bare in [
            "Jane <jane@gwent.police.uk>",
            "<jane@gwent.police.uk>",
            "jane@gwent.police.uk, other@gwent.police.uk",
            "\"jane doe\"@gwent.police.uk",
            "jane@gwent.police.uk\r\nBcc: x@example.org",
            "jane@@gwent.police.uk",
        ] {
            assert_eq!(
                check(not_bare, &[]),
                Err(RecipientRefused::Malformed),
                "{not_bare}"
            );
        }
    }

    /// Every form a mail library would still deliver to a blocked domain is refused as such.
    #[test]
    fn no_spelling_reaches_a_blocked_domain() {
        for email in [
            "<x@passport.gov.uk>",
            "Jane <x@passport.gov.uk>",
            "jane@gwent.police.uk, x@passport.gov.uk",
            "x@PASSPORT.GOV.UK.",
            "x@\u{ff30}\u{ff21}\u{ff33}\u{ff33}\u{ff30}\u{ff2f}\u{ff32}\u{ff34}.gov.uk",
            "x@ips.gsi.gov.uk",
        ] {
            assert_eq!(
                check(email, &[]),
                Err(RecipientRefused::Immigration),
                "{email}"
            );
        }
        assert_eq!(
            check("Agent <agent@ice.dhs.gov>", &["DHS.gov.".into()]),
            Err(RecipientRefused::Immigration)
        );
    }

    /// Every built-in domain, any subdomain of it, and it inside a longer name (a CJSM-style
    /// secure-mail suffix, a relay) is refused.
    #[test]
    fn every_listed_domain_is_refused_with_its_subdomains() {
        for domain in BLOCKED_DOMAINS {
            for email in [
                format!("jane.doe@{domain}"),
                format!("jane.doe@{}", domain.to_uppercase()),
                format!("jane.doe@mail.{domain}"),
                format!("jane.doe@{domain}.cjsm.net"),
                format!("jane.doe@{domain}."),
            ] {
                assert_eq!(
                    check(&email, &[]),
                    Err(RecipientRefused::Immigration),
                    "{email}"
                );
            }
        }
    }

    #[test]
    fn uk_us_eu_and_irish_immigration_bodies_are_refused() {
        refused_as_immigration(&[
            // UK: Home Office, UKVI, Immigration Enforcement, Border Force, HMPO, old names.
            "x@homeoffice.gov.uk",
            "x@digital.homeoffice.gov.uk",
            "x@homeoffice.cjsm.net",
            "x@ukvisas.gov.uk",
            "x@immigrationenforcement.gov.uk",
            "x@hmpo.gsi.gov.uk",
            "x@hmpassportoffice.example.org",
            "x@ukvcas.co.uk",
            // UK: GOV.UK services about passports, visas, status, right to work or rent.
            "x@passport.service.gov.uk",
            "x@www.passport.service.gov.uk",
            "x@visas-immigration.service.gov.uk",
            "x@view-immigration-status.service.gov.uk",
            "x@check-immigration-status.service.gov.uk",
            "x@right-to-work.service.gov.uk",
            "x@right-to-rent.service.gov.uk",
            "x@apply-for-a-visa.service.gov.uk",
            "x@replace-a-brp.service.gov.uk",
            "x@track-a-passport-application.service.gov.uk",
            "x@check-border-status.service.gov.uk",
            "x@apply-for-citizenship.service.gov.uk",
            "x@asylum-support.service.gov.uk",
            // US.
            "x@ice.gov",
            "x@ice.dhs.gov",
            "x@cbp.gov",
            "x@cbp.dhs.gov",
            "x@uscis.gov",
            "x@uscis.dhs.gov",
            "x@dhs.gov",
            "x@hq.dhs.gov",
            "x@ice.example.com",
            // EU.
            "x@frontex.europa.eu",
            "x@frontex.example.org",
            "x@euaa.europa.eu",
            "x@easo.europa.eu",
            "x@eulisa.europa.eu",
            // Ireland.
            "x@irishimmigration.ie",
            "x@inis.gov.ie",
            "x@justice.ie",
            "x@gnib.garda.ie",
            "x@immigration.garda.ie",
        ]);
    }

    /// Look-alikes: confusable letters from other scripts, full-width forms, digits for letters,
    /// `rn` for `m`, `cl` for `d`, punycode, invisible characters, and one typing error in a long
    /// name.
    #[test]
    fn look_alike_domains_are_refused() {
        let cyrillic = "x@horn\u{0435}office.gov.uk"; // Cyrillic е, rn for m
        let punycode = format!(
            "x@{}",
            idna::domain_to_ascii("hom\u{0435}office.gov.uk").unwrap_or_default()
        );
        assert!(punycode.contains("xn--"), "{punycode}");
        refused_as_immigration(&[
            cyrillic,
            &punycode,
            "x@hom\u{0435}office.gov.uk",        // Cyrillic е
            "x@h\u{043e}me\u{043e}ffice.gov.uk", // Cyrillic о
            "x@homeoff\u{0456}ce.gov.uk",        // Cyrillic і
            "x@\u{0570}omeoffice.gov.uk",        // Armenian հ
            "x@fr\u{03bf}ntex.europa.eu",        // Greek ο
            "x@\u{0456}\u{0441}\u{0435}.gov",    // Cyrillic ісе
            "x@\u{ff48}\u{ff4f}\u{ff4d}\u{ff45}office.gov.uk", // full-width
            "x@home\u{00ad}office.gov.uk",       // soft hyphen
            "x@home\u{200b}office.gov.uk",       // zero-width space
            "x@hóméoffice.gov.uk",               // accents
            "x@h0meoffice.gov.uk",
            "x@h0me0ff1ce.gov.uk",
            "x@homeofflce.gov.uk",
            "x@HOMEOFFICE.GOV.UK",
            "x@hornoffice.gov.uk",
            "x@horneoffice.gov.uk",
            "x@homeofice.gov.uk",
            "x@hoemoffice.gov.uk",
            "x@homeofficce.gov.uk",
            "x@home.office.gov.uk",
            "x@home_office.example.org",
            "x@b0rderf0rce.gov.uk",
            "x@borcler-force.example.org",
            "x@borderforse.gov.uk",
            "x@irnmigration.example.org",
            "x@imm1gration.example.org",
            "x@1mmigrati0n.example.org",
            "x@lmmigration.example.org",
            "x@immigratlon.example.org",
            "x@imigration.example.org",
            "x@ukv1.gov.uk",
            "x@uscls.gov",
            "x@u5cis.gov",
            "x@1ce.gov",
            "x@lce.gov",
            "x@cbp.g0v",
            "x@dh5.gov",
            "x@pa55port.gov.uk",
            "x@passp0rt.service.gov.uk",
            "x@fr0ntex.europa.eu",
            "x@hrnpo.gov.uk",
            "x@gn1b.example.ie",
            "x@lrishimmigration.ie",
            "x@justlce.ie",
        ]);
        // A configured domain is compared the same way.
        assert_eq!(
            check("x@examp1e.net", &["example.net".into()]),
            Err(RecipientRefused::Immigration)
        );
        assert_eq!(
            check("x@mail.\u{0435}xample.net", &["example.net".into()]),
            Err(RecipientRefused::Immigration)
        );
    }

    /// Nothing that a relay could route onward is accepted, and where the route leads to a
    /// blocked domain it is refused as immigration enforcement.
    #[test]
    fn routing_addresses_are_refused() {
        for email in [
            "jane%gwent.police.uk@relay.example.org",
            "jane%doe@gwent.police.uk",
            "gwent.police.uk!jane@relay.example.org",
            "jane!doe@gwent.police.uk",
            "jane:doe@gwent.police.uk",
            "\"jane@relay.example.org\"@gwent.police.uk",
            "\"jane\"@gwent.police.uk",
            "@relay.example.org:jane@gwent.police.uk",
            "@a.example.org,@b.example.org:jane@gwent.police.uk",
            "jane@gwent.police.uk@relay.example.org",
            "jane@relay.example.org@gwent.police.uk",
            "jane@gwent.police.uk%relay.example.org",
            "jane\\@x@gwent.police.uk",
            "@gwent.police.uk",
            "jane@",
            "jane@192.0.2.1",
            "jane@[192.0.2.1]",
        ] {
            assert_eq!(
                check(email, &[]),
                Err(RecipientRefused::Malformed),
                "{email}"
            );
        }
        refused_as_immigration(&[
            "x%homeoffice.gov.uk@relay.example.org",
            "x%ice.gov%relay.example.org@gwent.police.uk",
            "homeoffice.gov.uk!x@relay.example.org",
            "relay.example.org!ice.gov!x@gwent.police.uk",
            "\"x@ukvi.gov.uk\"@relay.example.org",
            "\"x%frontex.europa.eu\"@gwent.police.uk",
            "@ice.gov:x@relay.example.org",
            "@relay.example.org,@cbp.gov:x@gwent.police.uk",
            "x@gwent.police.uk@frontex.europa.eu",
            "x@frontex.europa.eu@gwent.police.uk",
            "x@h\u{043e}meoffice.gov.uk@gwent.police.uk",
            "gnib%garda.ie@relay.example.org",
        ]);
    }

    /// A local part naming immigration enforcement is refused at any domain, the general police's
    /// included.
    #[test]
    fn immigration_local_parts_are_refused_at_any_domain() {
        refused_as_immigration(&[
            "immigration@met.police.uk",
            "Immigration.Team@met.police.uk",
            "immigration-enforcement@gwent.police.uk",
            "jane+immigration@gwent.police.uk",
            "gnib@garda.ie",
            "GNIB@garda.ie",
            "gnib_dv@garda.ie",
            "g.n.i.b@garda.ie",
            "dublin.gnib@garda.ie",
            "inis@garda.ie",
            "isd@garda.ie",
            "visas@gwent.police.uk",
            "visa.enquiries@gwent.police.uk",
            "evisa@met.police.uk",
            "borders@scotland.police.uk",
            "border-policing@met.police.uk",
            "ukvi.liaison@met.police.uk",
            "ukba-liaison@met.police.uk",
            "ukbf@met.police.uk",
            "hmpo.liaison@met.police.uk",
            "passport.office@met.police.uk",
            "asylum.team@south-wales.police.uk",
            "deportations@met.police.uk",
            "removals@met.police.uk",
            "overstayers@met.police.uk",
            "nationality@met.police.uk",
            "citizenship@met.police.uk",
            "brp@met.police.uk",
            "euss@met.police.uk",
            "right-to-work@met.police.uk",
            "rtw.checks@met.police.uk",
            "illegal.working@met.police.uk",
            "op.nexus@met.police.uk",
            "operation-nexus@west-midlands.police.uk",
            "jane+nexus@west-midlands.police.uk",
            "ice@met.police.uk",
            "ice.liaison@met.police.uk",
            "cbp.attache@met.police.uk",
            "dhs-liaison@met.police.uk",
            "hsi.london@met.police.uk",
            "ero@met.police.uk",
            "uscis@met.police.uk",
            "eoir.clerk@met.police.uk",
            "frontex.liaison@met.police.uk",
            "euaa@met.police.uk",
            // Look-alikes in the local part.
            "\u{0456}mm\u{0456}grat\u{0456}on@met.police.uk",
            "1mmigration@met.police.uk",
            "immlgration@met.police.uk",
            "irnmigration@met.police.uk",
            "imigration@met.police.uk",
            "immigratoin@met.police.uk",
            "v1sas@met.police.uk",
            "gn1b@garda.ie",
            "\u{ff47}\u{ff4e}\u{ff49}\u{ff42}@garda.ie",
            "b0rder@met.police.uk",
        ]);
    }

    /// Named officers at every kind of legitimate police address still pass, including names
    /// that contain a blocked word inside a longer one.
    #[test]
    fn legitimate_police_addresses_still_pass() {
        let forces = [
            "avonandsomerset.police.uk",
            "bedfordshire.police.uk",
            "btp.police.uk",
            "cambs.police.uk",
            "cheshire.police.uk",
            "cityoflondon.police.uk",
            "cleveland.police.uk",
            "cumbria.police.uk",
            "derbyshire.police.uk",
            "devonandcornwall.pnn.police.uk",
            "dorset.pnn.police.uk",
            "durham.police.uk",
            "dyfed-powys.police.uk",
            "essex.police.uk",
            "gloucestershire.police.uk",
            "gmp.police.uk",
            "gwent.police.uk",
            "hampshire.police.uk",
            "herts.police.uk",
            "humberside.police.uk",
            "kent.police.uk",
            "lancashire.police.uk",
            "leics.police.uk",
            "lincs.police.uk",
            "merseyside.police.uk",
            "met.police.uk",
            "norfolk.police.uk",
            "north-wales.police.uk",
            "northants.police.uk",
            "northumbria.police.uk",
            "northyorkshire.police.uk",
            "nottinghamshire.police.uk",
            "psni.police.uk",
            "scotland.police.uk",
            "south-wales.police.uk",
            "southyorks.police.uk",
            "staffordshire.police.uk",
            "suffolk.police.uk",
            "surrey.police.uk",
            "sussex.police.uk",
            "thamesvalley.police.uk",
            "warwickshire.police.uk",
            "westmercia.police.uk",
            "west-midlands.police.uk",
            "westyorkshire.police.uk",
            "wiltshire.police.uk",
            "college.police.uk",
            "npcc.police.uk",
            "met.police.uk.cjsm.net",
            "south-wales.police.uk.cjsm.net",
            "garda.ie",
            "justice.gov.uk",
            "nca.gov.uk",
            "europol.europa.eu",
        ];
        for domain in forces {
            let email = format!("jane.doe@{domain}");
            assert_eq!(check(&email, &[]), Ok(email.clone()), "{email}");
        }
        for local in [
            "alice.price",
            "maurice.bernice",
            "candice.justice",
            "visakan.raj",
            "jane.bordeaux",
            "dennis.minister",
            "janis.administration",
            "ross.passmore",
            "grace.oconnor",
            "ukasha.ali",
            "nero.smith",
            "mohammed.ali",
            "dc.1234",
            "ps.5678",
            "sexwork.liaison",
            "ugly.mugs.spoc",
            "j.smith2",
            "hate.crime",
            "vice.unit",
            "niamh.obrien",
            "jane+spoc",
        ] {
            let email = format!("{local}@met.police.uk");
            assert_eq!(check(&email, &[]), Ok(email.clone()), "{email}");
        }
        // GOV.UK services that are not about immigration are not caught by the service rule.
        assert!(check("jane@report-a-crime.service.gov.uk", &[]).is_ok());
        assert!(check("jane@apply-for-a-licence.service.gov.uk", &[]).is_ok());
    }

    #[test]
    fn folding_unifies_look_alikes() {
        let folded = |s: &str| fold(s, Reading { cl_as_d: true });
        assert_eq!(
            fold("uscls", Reading { cl_as_d: false }),
            fold("uscis", Reading { cl_as_d: false })
        );
        for (variant, plain) in [
            ("h0meoffice", "homeoffice"),
            ("horn\u{0435}office", "homeoffice"),
            ("\u{ff28}\u{ff2f}\u{ff2d}\u{ff25}", "home"),
            ("1ce", "ice"),
            ("lce", "ice"),
            ("Ice", "ice"),
            ("borcler", "border"),
            ("vvork", "work"),
            ("pa55p0rt", "passport"),
            ("g\u{200b}nib", "gnib"),
        ] {
            assert_eq!(folded(variant), folded(plain), "{variant}");
        }
        assert_eq!(folded("home-office_x"), folded("home office x"));
        assert_ne!(folded("police"), folded("ice"));
    }

    #[test]
    fn one_edit_search() {
        let found =
            |text: &str, pattern: &str| within_one_edit(text.as_bytes(), pattern.as_bytes());
        assert!(found("xxhomeofficexx", "homeoffice"));
        assert!(found("homoffice", "homeoffice"));
        assert!(found("homeofffice", "homeoffice"));
        assert!(found("homeoffise", "homeoffice"));
        assert!(found("hoemoffice", "homeoffice"));
        assert!(!found("hmoeofiice", "homeoffice"));
        assert!(!found("homoffise", "homeoffice"));
        assert!(!found("office", "homeoffice"));
    }
}
