//! The language gate: a sentence may leave only if it is written in a language whose word lists
//! are complete (`lists::Language::covered`). Anything else is withheld — the firewall cannot
//! read it, so it cannot vouch for it. Pure: no I/O.
//!
//! Per sentence:
//! 1. **Script.** Every letter's writing system is looked up. A letter in a script no covered
//!    language uses (Arabic, Devanagari, Greek, kana, …) withholds the sentence, however short.
//! 2. **Language.** Sentences of at least [`MIN_LETTERS`] letters in an alphabetic script are
//!    identified with `whatlang` (trigram profiles of 70 languages). If the best guess is a
//!    language without complete lists, the sentence is withheld. Albanian, which `whatlang` does
//!    not know, is recognised by its function words before that.
//! 3. **Short sentences** (a number, a name, "ok", "He ran.") carry too little for any
//!    identifier; they are checked by the word lists of every language, as all text is.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use whatlang::{Detector, Lang};

use super::lists::{LANGUAGES, Language};

/// Below this many letters a sentence is not identified (measured: identification is noise there).
pub const MIN_LETTERS: usize = 24;

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
    /// Covered languages' names by `whatlang` code, for the reporter's message.
    albanian_covered: bool,
    detector: Detector,
    /// Names for languages the gate reports, leaked once so labels can be `&'static str`.
    names: BTreeMap<&'static str, &'static str>,
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
    Gate {
        albanian_covered: covered_codes.contains(&"sqi"),
        covered_codes,
        covered_scripts,
        detector: Detector::new(),
        names,
    }
}

/// Every language and script the gate lets through, for the docs and the tests.
pub fn covered() -> (Vec<&'static str>, Vec<&'static str>) {
    (GATE.covered_codes.clone(), GATE.covered_scripts.clone())
}

/// The writing system of a letter, by Unicode block; `None` for anything that is not a letter
/// of a writing system (digits, punctuation, symbols, emoji, combining marks).
pub fn script_of(c: char) -> Option<&'static str> {
    if !c.is_alphabetic() {
        return None;
    }
    let cp = c as u32;
    Some(match cp {
        0x0041..=0x024F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F
        | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A | 0x0250..=0x02AF | 0x1D00..=0x1DBF => "Latin",
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => "Cyrillic",
        0x0370..=0x03FF | 0x1F00..=0x1FFF => "Greek",
        0x0E00..=0x0E7F => "Thai",
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF | 0x3005 | 0x3007 => {
            "Han"
        }
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

/// Albanian function words (with and without ë/ç). Two of them, making up a fifth of the words,
/// mark a sentence as Albanian: `whatlang` has no Albanian profile.
const ALBANIAN_WORDS: &[&str] = &[
    "dhe", "është", "eshte", "një", "nje", "që", "qe", "nuk", "ishte", "kishte", "shumë", "shume",
    "mua", "ajo", "kjo", "tij", "saj", "janë", "jane", "edhe", "sepse", "më", "të", "në", "ku",
    "kur", "mjaft", "pastaj", "tani", "kam", "jam", "ka", "ti", "ai", "u", "me", "nga", "për",
    "dhe", "por", "mbi", "pas", "prej", "tek", "ime", "im", "tim", "time", "atë", "ate", "këtë",
    "kete",
];

fn looks_albanian(sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return false;
    }
    let hits: Vec<&String> = words
        .iter()
        .filter(|w| ALBANIAN_WORDS.contains(&w.as_str()))
        .collect();
    let mut distinct = hits.clone();
    distinct.sort();
    distinct.dedup();
    let e_umlaut = sentence.chars().filter(|&c| c == 'ë' || c == 'Ë').count();
    (distinct.len() >= 2 && hits.len() * 5 >= words.len()) || (e_umlaut >= 2 && !distinct.is_empty())
}

/// Whether the firewall can read this sentence.
pub fn check(sentence: &str) -> Verdict {
    let gate = &*GATE;
    let mut letters = 0usize;
    let mut main_script: BTreeMap<&'static str, usize> = BTreeMap::new();
    for c in sentence.chars() {
        if let Some(script) = script_of(c) {
            letters += 1;
            if !gate.covered_scripts.contains(&script) {
                return Verdict::Unreadable(script_label(gate, sentence, script));
            }
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
    if gate.albanian_covered && looks_albanian(sentence) {
        return Verdict::Readable;
    }
    match gate.detector.detect(sentence) {
        Some(info) if !gate.covered_codes.contains(&info.lang().code()) => {
            Verdict::Unreadable(gate.names.get(info.lang().code()).copied().unwrap_or("an unknown language"))
        }
        _ => Verdict::Readable,
    }
}

fn script_label(gate: &Gate, sentence: &str, script: &'static str) -> &'static str {
    // Name the language where the identifier knows it ("Arabic", "Hindi"), else the script.
    // A covered language's name would mislead ("English" for one Greek letter in English text).
    if let Some(info) = gate.detector.detect(sentence) {
        let code = info.lang().code();
        if !gate.covered_codes.contains(&code) {
            if let Some(name) = gate.names.get(code) {
                return name;
            }
        }
    }
    static SCRIPT_NAMES: LazyLock<BTreeMap<&'static str, &'static str>> = LazyLock::new(|| {
        [
            "Greek", "Kana", "Hangul", "Hebrew", "Arabic", "Devanagari", "Bengali", "Gurmukhi",
            "Gujarati", "Tamil", "Telugu", "Kannada", "Malayalam", "Sinhala", "Lao", "Myanmar",
            "Khmer", "Georgian", "Armenian", "Ethiopic", "Latin", "Cyrillic", "Han", "Thai",
        ]
        .into_iter()
        .map(|s| (s, &*Box::leak(format!("{s} script").into_boxed_str())))
        .collect()
    });
    SCRIPT_NAMES.get(script).copied().unwrap_or("an unknown script")
}
