//! The language gate: a sentence may leave only if it is written in a language whose word lists
//! are complete (`lists::Language::covered`). Anything else is withheld — the firewall cannot
//! read it, so it cannot vouch for it. Pure: no I/O.
//!
//! Per sentence:
//! 1. **Script.** Every letter's writing system is looked up. A letter in a script no covered
//!    language uses (Arabic, Devanagari, Greek, kana, …) withholds the sentence, however short.
//! 2. **Language.** Sentences of at least [`MIN_LETTERS`] letters in an alphabetic script are
//!    identified with `whatlang` (trigram profiles of 70 languages). If the best guess is a
//!    language without complete lists, the sentence is withheld — unless the sentence's own words
//!    say otherwise: at least two different function words of one covered language
//!    (`lists/function-words/<code>.txt`) making up a quarter of its words. Trigrams alone read
//!    short English as Danish or Afrikaans; function words tell them apart, and a Danish or Dutch
//!    sentence does not have English function words for a quarter of its words. Albanian, which
//!    `whatlang` does not know, is recognised this way only.
//! 3. **Short sentences** (a number, a name, "ok", "He ran.") carry too little for any
//!    identifier; they are checked by the word lists of every language, as all text is.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use whatlang::{Detector, Lang};

use super::lists::{LANGUAGES, Language};

/// Below this many letters a sentence is not identified (measured: identification is noise there).
pub const MIN_LETTERS: usize = 24;

/// How far (in the identifier's normalised score) a language without lists must lead every
/// covered language before a sentence is withheld. Measured on the corpora and
/// `lists/unlisted.sentences.txt` (`cargo test --lib gate_scores -- --ignored --nocapture`).
pub const WITHHOLD_MARGIN: f64 = 0.01;

/// Up to this lead, a sentence most of whose words are one covered language's common words is
/// read as that language. Every corpus sentence of a covered language stays under it (the
/// largest measured lead is 0.042); most sentences of unlisted languages are over it.
pub const COMMON_WORDS_MARGIN: f64 = 0.05;

/// Up to this lead, a sentence at least [`MOSTLY_COMMON_WORDS_SHARE`] of whose words are one
/// covered language's common words is read as that language. Measured with `gate_scores`: no
/// sentence of `lists/unlisted.sentences.txt` has more than 0.79 of its words common in any one
/// covered language (most have under 0.6), and the unlisted ones within 0.08 have at most 0.64.
pub const MOSTLY_COMMON_WORDS_MARGIN: f64 = 0.08;

/// See [`MOSTLY_COMMON_WORDS_MARGIN`].
pub const MOSTLY_COMMON_WORDS_SHARE: f64 = 0.8;

/// Short and language-neutral sentences that must never be withheld (tested, and measured by
/// `examples/firewall_bench.rs`).
pub const NEUTRAL_SAMPLES: &[&str] = &[
    "ok",
    "Ok.",
    "Yes.",
    "No.",
    "Thanks",
    "Help!",
    "07700 900123",
    "AB12 CDE",
    "£50",
    "2026-11-18",
    "Dave.",
    "Tuesday.",
    "He ran.",
    "Ford Focus",
    "@bigdave99",
    "Cardiff",
    "lol",
    "x",
    "?",
    "11pm",
    "Silver BMW, KX19 ABC.",
    "I said no.",
    "😡😡",
    "He hit me.",
    "Twice.",
    "Big guy, beard.",
    "Never again.",
];

/// What the gate says of one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Written in a covered language and script, or too short to tell: the word lists decide.
    Readable,
    /// Not readable by the firewall; the name says in what ("Thai", "Arabic script").
    Unreadable(&'static str),
}

struct Gate {
    /// `whatlang` codes of covered languages.
    covered_codes: Vec<&'static str>,
    covered_scripts: Vec<&'static str>,
    detector: Detector,
    /// English names of the identifier's languages, by code.
    names: BTreeMap<&'static str, &'static str>,
    /// "Greek script", … by script, for sentences in a script no list reads.
    script_names: BTreeMap<&'static str, &'static str>,
    /// The reporter's message for each name the gate can report, made once.
    labels: BTreeMap<&'static str, &'static str>,
    /// Folded function word → the covered languages it belongs to (bit `i`: the `i`th).
    function_words: HashMap<String, u64>,
    /// Folded common word (or function word) → the covered languages it belongs to.
    common_words: HashMap<String, u64>,
}

static GATE: LazyLock<Gate> = LazyLock::new(|| build(&LANGUAGES));

fn build(languages: &[Language]) -> Gate {
    let covered: Vec<&Language> = languages.iter().filter(|l| l.covered()).collect();
    let covered_codes: Vec<&'static str> = covered
        .iter()
        .flat_map(|l| l.detector.iter().copied())
        .collect();
    let mut covered_scripts: Vec<&'static str> = covered
        .iter()
        .flat_map(|l| l.scripts.iter().copied())
        .collect();
    covered_scripts.sort_unstable();
    covered_scripts.dedup();
    let mut names = BTreeMap::new();
    for lang in Lang::all() {
        names.insert(lang.code(), lang.eng_name());
    }
    // At most 64 covered languages are told apart by their words (the rest still count as
    // covered; their sentences then rest on the identifier alone).
    let bit = |i: usize| if i < 64 { 1u64 << i } else { 0 };
    let mut function_words: HashMap<String, u64> = HashMap::new();
    for (i, lang) in covered.iter().enumerate() {
        for word in &lang.function_words {
            *function_words.entry(fold(word)).or_default() |= bit(i);
        }
    }
    let mut common_words: HashMap<String, u64> = HashMap::new();
    for (i, lang) in covered.iter().enumerate() {
        for word in lang.common_words.iter().chain(&lang.function_words) {
            *common_words.entry(fold(word)).or_default() |= bit(i);
        }
    }
    function_words.shrink_to_fit();
    common_words.shrink_to_fit();
    // Leaked once, at start: a bounded set (the identifier's ~70 languages, ~25 scripts) that
    // labels must outlive every report.
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let script_names: BTreeMap<&'static str, &'static str> = SCRIPTS
        .iter()
        .map(|&s| (s, leak(format!("{s} script"))))
        .collect();
    let labels = names
        .values()
        .chain(script_names.values())
        .chain([UNKNOWN_LANGUAGE, UNKNOWN_SCRIPT].iter())
        .map(|&what| {
            let label = format!(
                "a sentence in {what} that the firewall could not check (it will not be sent)"
            );
            (what, leak(label))
        })
        .collect();
    Gate {
        script_names,
        labels,
        function_words,
        common_words,
        covered_codes,
        covered_scripts,
        detector: Detector::new(),
        names,
    }
}

const UNKNOWN_LANGUAGE: &str = "an unknown language";
const UNKNOWN_SCRIPT: &str = "an unknown script";

/// The scripts [`script_of`] names (besides "other").
const SCRIPTS: &[&str] = &[
    "Latin",
    "Cyrillic",
    "Greek",
    "Thai",
    "Han",
    "Kana",
    "Hangul",
    "Hebrew",
    "Arabic",
    "Devanagari",
    "Bengali",
    "Gurmukhi",
    "Gujarati",
    "Tamil",
    "Telugu",
    "Kannada",
    "Malayalam",
    "Sinhala",
    "Lao",
    "Myanmar",
    "Khmer",
    "Georgian",
    "Armenian",
    "Ethiopic",
];

/// What the reporter is told of a withheld sentence: "a sentence in Thai that the firewall could
/// not check (it will not be sent)", for a name the gate reported.
pub fn unreadable_label(what: &str) -> &'static str {
    GATE.labels
        .get(what)
        .copied()
        .unwrap_or("a sentence the firewall could not check (it will not be sent)")
}

/// The writing system of a letter, by Unicode block; `None` for anything that is not a letter
/// of a writing system (digits, punctuation, symbols, emoji, combining marks).
pub fn script_of(c: char) -> Option<&'static str> {
    if !c.is_alphabetic() {
        return None;
    }
    let cp = c as u32;
    Some(match cp {
        0x0041..=0x024F
        | 0x1E00..=0x1EFF
        | 0x2C60..=0x2C7F
        | 0xA720..=0xA7FF
        | 0xAB30..=0xAB6F
        | 0xFF21..=0xFF3A
        | 0xFF41..=0xFF5A
        | 0x0250..=0x02AF
        | 0x1D00..=0x1DBF => "Latin",
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => "Cyrillic",
        0x0370..=0x03FF | 0x1F00..=0x1FFF => "Greek",
        0x0E00..=0x0E7F => "Thai",
        0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x3FFFF
        | 0x3005
        | 0x3007 => "Han",
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => "Kana",
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => "Hangul",
        0x0590..=0x05FF => "Hebrew",
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            "Arabic"
        }
        0x0900..=0x097F => "Devanagari",
        0x0980..=0x09FF => "Bengali",
        0x0A00..=0x0A7F => "Gurmukhi",
        0x0A80..=0x0AFF => "Gujarati",
        0x0B80..=0x0BFF => "Tamil",
        0x0C00..=0x0C7F => "Telugu",
        0x0C80..=0x0CFF => "Kannada",
        0x0D00..=0x0D7F => "Malayalam",
        0x0D80..=0x0DFF => "Sinhala",
        0x0E80..=0x0EFF => "Lao",
        0x1000..=0x109F => "Myanmar",
        0x1780..=0x17FF => "Khmer",
        0x10A0..=0x10FF => "Georgian",
        0x0530..=0x058F => "Armenian",
        0x1200..=0x139F => "Ethiopic",
        _ => "other",
    })
}

/// Lower case, accents dropped, apostrophes kept: how function words are compared.
fn fold(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    word.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect()
}

/// The indices of the set bits.
fn bits(set: u64) -> impl Iterator<Item = u32> {
    (0..64).filter(move |i| set & (1u64 << i) != 0)
}

/// The sentence's words, folded.
fn words_of(sentence: &str) -> Vec<String> {
    sentence
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// Whether the sentence's own words show a covered language: at least two different function
/// words of one covered language, making up at least a quarter of its words.
fn function_word_evidence(gate: &Gate, sentence: &str) -> bool {
    let words = words_of(sentence);
    if words.is_empty() {
        return false;
    }
    let mut per_language: HashMap<u32, (usize, Vec<&str>)> = HashMap::new();
    for word in &words {
        if let Some(&langs) = gate.function_words.get(word) {
            for lang in bits(langs) {
                let entry = per_language.entry(lang).or_default();
                entry.0 += 1;
                if !entry.1.contains(&word.as_str()) {
                    entry.1.push(word);
                }
            }
        }
    }
    per_language
        .values()
        .any(|(total, distinct)| distinct.len() >= 2 && total * 4 >= words.len())
}

/// Whether most of the sentence's words are common words of one covered language: at least
/// three words, three in five of them among that language's 5,000 most frequent. Noun lists
/// ("White van, burn scar on left hand") have no function words but are plainly English.
fn common_word_evidence(gate: &Gate, sentence: &str) -> bool {
    common_word_share(gate, sentence) >= 0.6
}

/// The largest share of the sentence's words that are one covered language's common words;
/// zero for fewer than three words.
fn common_word_share(gate: &Gate, sentence: &str) -> f64 {
    let words = words_of(sentence);
    if words.len() < 3 {
        return 0.0;
    }
    let mut per_language: HashMap<u32, usize> = HashMap::new();
    for word in &words {
        if let Some(&langs) = gate.common_words.get(word) {
            for lang in bits(langs) {
                *per_language.entry(lang).or_default() += 1;
            }
        }
    }
    let most = per_language.values().copied().max().unwrap_or(0);
    most as f64 / words.len() as f64
}

/// The sentence without what no language identifier should read: email addresses, web
/// addresses, handles, and words with digits (numbers, registrations, times).
fn prose(sentence: &str) -> String {
    sentence
        .split_whitespace()
        .filter(|w| {
            !(w.contains('@')
                || w.contains('/')
                || w.contains("www.")
                || w.chars().any(|c| c.is_ascii_digit()))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the firewall can read this sentence.
pub fn check(sentence: &str) -> Verdict {
    let gate = &*GATE;
    // Every letter counts for the script, handles and addresses included.
    for c in sentence.chars() {
        if let Some(script) = script_of(c)
            && !gate.covered_scripts.contains(&script)
        {
            return Verdict::Unreadable(script_label(gate, sentence, script));
        }
    }
    // Only prose is identified.
    let prose = prose(sentence);
    let sentence = prose.as_str();
    let mut letters = 0usize;
    let mut main_script: BTreeMap<&'static str, usize> = BTreeMap::new();
    for c in sentence.chars() {
        if let Some(script) = script_of(c) {
            letters += 1;
            *main_script.entry(script).or_default() += 1;
        }
    }
    // Han and Thai are each read by one list; the word lists of that language decide.
    let alphabetic = main_script
        .iter()
        .filter(|(s, _)| matches!(**s, "Latin" | "Cyrillic"))
        .map(|(_, n)| *n)
        .sum::<usize>();
    if alphabetic < MIN_LETTERS || alphabetic * 2 < letters {
        return Verdict::Readable;
    }
    if function_word_evidence(gate, sentence) {
        return Verdict::Readable;
    }
    match margin(gate, sentence) {
        // Close to the identifier's noise, and most words are a covered language's common
        // words ("White van, burn scar on left hand"): readable.
        Some((lead, _)) if lead <= COMMON_WORDS_MARGIN && common_word_evidence(gate, sentence) => {
            Verdict::Readable
        }
        // A little further off, but four words in five are one covered language's common
        // words: "White van, burn scar on left hand" alone, as a perpetrator's description is
        // cleaned, leads towards Dutch by 0.054 with six of its seven words common English.
        Some((lead, _))
            if lead <= MOSTLY_COMMON_WORDS_MARGIN
                && common_word_share(gate, sentence) >= MOSTLY_COMMON_WORDS_SHARE =>
        {
            Verdict::Readable
        }
        // The sentence looks more like a language without lists than like any covered one, by
        // more than the identifier's noise on short text.
        Some((lead, lang)) if lead > WITHHOLD_MARGIN => Verdict::Unreadable(
            gate.names
                .get(lang.code())
                .copied()
                .unwrap_or(UNKNOWN_LANGUAGE),
        ),
        Some(_) => Verdict::Readable,
        // Nothing the identifier recognises (e.g. Albanian without function words).
        None if common_word_evidence(gate, sentence) => Verdict::Readable,
        None => Verdict::Unreadable(UNKNOWN_LANGUAGE),
    }
}

/// How far the best language without lists leads the best covered one, by the identifier's
/// normalised scores (alphabet and trigram profiles combined), and which language that is;
/// zero or less when a covered language scores best.
fn margin(gate: &Gate, sentence: &str) -> Option<(f64, Lang)> {
    use whatlang::dev::{RawLangInfo, raw_detect};
    let scores: Vec<(Lang, f64)> = match raw_detect(sentence).lang_info? {
        RawLangInfo::MultiScript(combined) => combined.scores,
        RawLangInfo::OneScript(lang) | RawLangInfo::Mandarin(lang) => vec![(lang, 1.0)],
    };
    let covered = |l: &Lang| gate.covered_codes.contains(&l.code());
    let best_covered = scores
        .iter()
        .filter(|(l, _)| covered(l))
        .map(|(_, s)| *s)
        .fold(0.0_f64, f64::max);
    let (lang, best_other) = scores.iter().filter(|(l, _)| !covered(l)).fold(
        None,
        |best: Option<(Lang, f64)>, &(l, s)| match best {
            Some((_, b)) if b >= s => best,
            _ => Some((l, s)),
        },
    )?;
    Some((best_other - best_covered, lang))
}

fn script_label(gate: &Gate, sentence: &str, script: &'static str) -> &'static str {
    // Name the language where the identifier knows it ("Arabic", "Hindi"), else the script.
    // A covered language's name would mislead ("English" for one Greek letter in English text).
    if let Some(info) = gate.detector.detect(sentence) {
        let code = info.lang().code();
        if !gate.covered_codes.contains(&code)
            && let Some(name) = gate.names.get(code)
        {
            return name;
        }
    }
    gate.script_names
        .get(script)
        .copied()
        .unwrap_or(UNKNOWN_SCRIPT)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Prints the identifier's margin for every corpus sentence a covered language must keep and
    /// every sentence of `lists/unlisted.sentences.txt`: how [`WITHHOLD_MARGIN`] was chosen.
    #[test]
    #[ignore = "measurement: cargo test --lib gate_scores -- --ignored --nocapture"]
    #[allow(clippy::print_stdout)]
    fn gate_scores() {
        use crate::firewall::lists::{self, FILES};
        let gate = &*GATE;
        let mut covered: Vec<f64> = Vec::new();
        for f in FILES {
            let Some(c) = f.corpus.and_then(|c| lists::parse_corpus(c).ok()) else {
                continue;
            };
            for s in c.keep.iter().chain(&c.held_back_keep) {
                if let Some((m, l)) = margin(gate, s) {
                    if m > -0.02 {
                        println!("covered {:>6.3} {:?} {s}", m, l);
                    }
                    covered.push(m);
                }
            }
        }
        for s in lists::plain_lines(lists::BENIGN_EN) {
            if let Some((m, l)) = margin(gate, s) {
                if m > -0.02 {
                    println!("benign  {:>6.3} {:?} {s}", m, l);
                }
                covered.push(m);
            }
        }
        for s in lists::plain_lines(include_str!("lists/unlisted.sentences.txt")) {
            println!(
                "unlisted {:?} {:?} fw={} common share={:.2} {s}",
                margin(gate, s),
                check(s),
                function_word_evidence(gate, s),
                common_word_share(gate, s)
            );
        }
        for s in [
            "He was driving a black Range Rover Evoque.",
            "He sounded local, quite posh, well spoken.",
        ] {
            println!("probe {:?} {s}", margin(gate, s));
        }
        covered.sort_by(f64::total_cmp);
        for t in [0.0, 0.01, 0.02, 0.03, 0.04, 0.05] {
            let over = covered.iter().filter(|m| **m > t).count();
            println!(
                "threshold {t}: {over} of {} covered sentences over it",
                covered.len()
            );
        }
        println!("covered margins: max {:?}", covered.last());
        let unlisted = lists::plain_lines(include_str!("lists/unlisted.sentences.txt"));
        let withheld = unlisted
            .iter()
            .filter(|s| matches!(check(s), Verdict::Unreadable(_)))
            .count();
        println!("unlisted withheld: {withheld} of {}", unlisted.len());
    }

    #[test]
    fn short_and_language_neutral_sentences_are_not_withheld() {
        for s in NEUTRAL_SAMPLES {
            assert_eq!(check(s), Verdict::Readable, "{s:?}");
        }
    }

    #[test]
    fn scripts_no_list_reads_are_withheld_however_short() {
        for (s, name) in [
            ("Με χτύπησε.", "Greek"),
            ("ضربني", "Arabic"),
            ("उसने मुझे मारा", "Hindi"),
            ("彼は私を殴った。お金を取った。", "Japanese"),
            ("그가 나를 때렸다", "Korean"),
        ] {
            match check(s) {
                Verdict::Unreadable(what) => assert!(what.contains(name), "{s}: {what}"),
                Verdict::Readable => panic!("{s:?} passed the gate"),
            }
        }
    }

    #[test]
    fn languages_without_lists_are_withheld() {
        for (s, name) in [
            (
                "Bana vurdu ve bütün paramı aldı, sonra arabasıyla kaçtı.",
                "Turkish",
            ),
            (
                "Er hat mich geschlagen und mein ganzes Geld genommen.",
                "German",
            ),
            (
                "Hij sloeg me en nam al mijn geld mee uit mijn tas.",
                "Dutch",
            ),
        ] {
            match check(s) {
                Verdict::Unreadable(what) => assert_eq!(what, name, "{s}"),
                Verdict::Readable => panic!("{s:?} passed the gate"),
            }
        }
    }

    /// Sentences of languages without lists (`lists/unlisted.sentences.txt`): the share withheld
    /// is measured (docs/firewall.md) and must not fall below 85%. Those that pass are languages
    /// the identifier does not know (Somali, Swahili, Yoruba) or near neighbours of a covered one.
    #[test]
    fn unlisted_languages_are_withheld() {
        let unlisted =
            crate::firewall::lists::plain_lines(include_str!("lists/unlisted.sentences.txt"));
        let withheld = unlisted
            .iter()
            .filter(|s| matches!(check(s), Verdict::Unreadable(_)))
            .count();
        assert!(
            withheld * 100 >= unlisted.len() * 85,
            "{withheld} of {} withheld",
            unlisted.len()
        );
    }

    #[test]
    fn albanian_is_recognised_without_an_identifier_model() {
        for s in [
            "Ai më goditi dhe më mori të gjitha paratë që kisha.",
            "Ai me goditi dhe me mori te gjitha parate qe kisha.",
        ] {
            assert_eq!(check(s), Verdict::Readable, "{s}");
        }
    }

    #[test]
    fn short_english_is_not_mistaken_for_danish_or_afrikaans() {
        for s in [
            "He strangled me until I nearly blacked out.",
            "He was driving a black Range Rover Evoque.",
            "He had a big scar down his left cheek.",
            "I think he put something in my drink because I felt dizzy.",
            "Description: White van, burn scar on left hand",
            "White van, burn scar on left hand",
            "Email: worker-mrk@example.net",
            "Call me on 07700 900555 or jess@example.net.",
        ] {
            assert_eq!(check(s), Verdict::Readable, "{s}");
        }
    }
}
