//! Other people's names and initials, taken out of text that leaves the service. Pure: no I/O.
//!
//! A word is a name when it is in the given-name list (`lists/names.txt`) and written with a
//! capital letter; a name that is also an ordinary word (`?May`, `?Rose`) counts only in the
//! middle of a sentence. Initials: two or more capital letters each with a full stop ("J.B.",
//! "J. B."), or one followed by a lower-case word ("J. said"). Kept: names that the reporter
//! wrote in the perpetrator's fields (his name, his handle) or in the area they chose. Names
//! written all in lower case are not found (a known limit; the people rules still remove the
//! sentences that say who someone is to the reporter).

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::lists::NAMES;
use crate::redact::MARKER;

/// Given names that are also vehicle makes and models, months or days, which alerts must keep
/// ("a black Mercedes", "a silver Astra", "in May"): never read as a person's name.
const VEHICLES: &[&str] = &[
    "mercedes",
    "kia",
    "seat",
    "mini",
    "skoda",
    "lexus",
    "tesla",
    "audi",
    "jaguar",
    "dacia",
    "clio",
    "astra",
    "corsa",
    "micra",
    "yaris",
    "leon",
    "megane",
    "octavia",
    "fabia",
    "polo",
    "golf",
    "fiesta",
    "focus",
    "mondeo",
    "zafira",
    "vectra",
    "insignia",
    "transit",
    "sprinter",
    "vito",
    "caddy",
    "berlingo",
    "picasso",
    "punto",
    "panda",
    "qashqai",
    "juke",
    "ibiza",
    "laguna",
    "scenic",
    "kangoo",
    "twingo",
    "sandero",
    "logan",
    "duster",
    "jazz",
    "civic",
    "prius",
    "auris",
    "corolla",
    "camry",
    "accord",
    "almera",
    "navara",
    "passat",
    "tiguan",
    "touran",
    "sharan",
    "caravelle",
    "meriva",
    "mokka",
    "adam",
    "karl",
    "viva",
    "agila",
    "matiz",
    "aveo",
    "lacetti",
    "captiva",
    "cruze",
    "spark",
    "rio",
    "ceed",
    "picanto",
    "sportage",
    "sorento",
    "tucson",
    "kona",
    "getz",
    "i10",
    "fabia",
    "superb",
    "kodiaq",
    "alhambra",
    "toledo",
    "arona",
    "ateca",
    "tarraco",
    "marbella",
    "malaga",
    "cordoba",
    "carina",
    "celica",
    "avensis",
    "verso",
    "aygo",
    "cayenne",
    "macan",
    "evoque",
    "discovery",
    "defender",
    "freelander",
    "range",
    "rover",
    "porsche",
    "ferrari",
    "jeep",
    "volvo",
];

/// Folded name → whether it is also an ordinary word.
static INDEX: LazyLock<HashMap<String, bool>> = LazyLock::new(|| {
    let mut index = HashMap::new();
    for &(name, ambiguous) in NAMES.iter() {
        if VEHICLES.contains(&fold(name).as_str()) {
            continue;
        }
        let entry = index.entry(fold(name)).or_insert(ambiguous);
        *entry |= ambiguous;
    }
    index
});

/// Lower case, accents dropped: how names are compared.
pub fn fold(word: &str) -> String {
    word.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every word of some texts, folded: names found in them are kept.
pub fn words_of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut words: Vec<String> = texts
        .into_iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Spans (byte ranges) of names and initials in `text`, except names in `keep` (folded words).
pub fn find(text: &str, keep: &[String]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let words = word_spans(text);
    for (k, &(start, end)) in words.iter().enumerate() {
        let word = &text[start..end];
        let mut chars = word.chars();
        let Some(first) = chars.next() else { continue };
        if !first.is_uppercase() {
            continue;
        }
        let folded = fold(word);
        let Some(&ambiguous) = INDEX.get(&folded) else {
            continue;
        };
        if keep.binary_search(&folded).is_ok() {
            continue;
        }
        // A word in capitals throughout ("MAY", "ROSE") is emphasis as often as a name.
        if word.chars().count() > 1 && word.chars().all(|c| !c.is_lowercase()) && ambiguous {
            continue;
        }
        if ambiguous && sentence_initial(text, start, k == 0) {
            continue;
        }
        if names_the_perpetrator(text, start) {
            continue;
        }
        spans.push((start, end));
    }
    spans.extend(initials(text));
    spans.sort_unstable();
    spans
}

/// Replaces every span found by [`find`] with the marker; `true` if anything was replaced.
pub fn strip(text: &str, keep: &[String]) -> (String, bool) {
    let spans = find(text, keep);
    if spans.is_empty() {
        return (text.to_owned(), false);
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (start, end) in spans {
        if start < pos {
            continue;
        }
        out.push_str(&text[pos..start]);
        out.push_str(MARKER);
        pos = end;
    }
    out.push_str(&text[pos..]);
    (out, true)
}

/// Phrases just before a name that say it is the perpetrator's own ("his name was John", "he
/// called himself Max"): his name is what keeps other workers safe.
const PERPETRATOR_CUES: &[&str] = &[
    "his name is",
    "his name was",
    "his name's",
    "said his name",
    "says his name",
    "called himself",
    "calls himself",
    "introduced himself as",
    "he said he was",
    "he says he is",
    "he's called",
    "he is called",
    "he was called",
    "goes by",
    "went by",
    "name on his",
    "his profile",
    "his real name",
    "known as",
    "the client",
    "the punter",
    "the driver",
    "client called",
    "punter called",
    "man called",
    "guy called",
    "bloke called",
    "a man named",
    "a guy named",
    "nume",
    "se numea",
    "se numeste",
    "nazywa się",
    "nazywał się",
    "se llama",
    "se llamaba",
    "se chama",
    "se chamava",
    "nevű",
    "a neve",
];

fn names_the_perpetrator(text: &str, start: usize) -> bool {
    let from = text[..start]
        .char_indices()
        .rev()
        .nth(40)
        .map_or(0, |(i, _)| i);
    static CUES: LazyLock<Vec<String>> =
        LazyLock::new(|| PERPETRATOR_CUES.iter().map(|c| fold(c)).collect());
    let before = fold(&text[from..start]);
    let before = before.trim_end();
    CUES.iter().any(|cue| before.ends_with(cue.as_str()))
}

fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphabetic() || (start.is_some() && (c == '\'' || c == '’' || c == '-'));
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    // A trailing apostrophe or hyphen is not part of the word ("Anna's" keeps "Anna").
    spans
        .into_iter()
        .map(|(s, e)| {
            let word = &text[s..e];
            let base = word
                .find(['\'', '’'])
                .map_or(word.len(), |i| i)
                .min(word.trim_end_matches('-').len());
            (s, s + base)
        })
        .filter(|(s, e)| e > s)
        .collect()
}

/// Whether the word at `start` begins a sentence (or the text, or a line, or follows a marker).
fn sentence_initial(text: &str, start: usize, first_word: bool) -> bool {
    if first_word {
        return true;
    }
    let before = text[..start].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    before.is_empty()
        || before.ends_with(['.', '!', '?', '\n', ':', ';', '"', '“', '(', '…'])
        || before.ends_with(MARKER)
}

/// "J.B.", "J. B.", and "J." before a lower-case word.
fn initials(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].1.is_uppercase()
            && chars[i].1 != 'I'
            && (i == 0 || !chars[i - 1].1.is_alphanumeric())
            && chars.get(i + 1).is_some_and(|c| c.1 == '.');
        if !starts {
            i += 1;
            continue;
        }
        let begin = chars[i].0;
        let mut j = i + 2;
        let mut count = 1;
        loop {
            let mut k = j;
            while chars.get(k).is_some_and(|c| c.1 == ' ') {
                k += 1;
            }
            let more = chars.get(k).is_some_and(|c| c.1.is_uppercase())
                && chars.get(k + 1).is_some_and(|c| c.1 == '.')
                && !chars.get(k + 2).is_some_and(|c| c.1.is_alphanumeric());
            if more && k - j <= 1 {
                count += 1;
                j = k + 2;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |c| c.0);
        let next_word_lower = {
            let mut k = j;
            while chars.get(k).is_some_and(|c| c.1 == ' ') {
                k += 1;
            }
            k > j && chars.get(k).is_some_and(|c| c.1.is_lowercase())
        };
        if count >= 2 || next_word_lower {
            out.push((begin, end));
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_are_found() {
        let t = "J.B. was there and K. said no. Plan B. Then I left.";
        let spans: Vec<&str> = initials(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(spans, ["J.B.", "K."]);
    }

    #[test]
    fn names_kept_when_they_are_the_perpetrators() {
        let keep = words_of(["says his name is Dave"]);
        let spans = find("Dave hit me.", &keep);
        assert!(spans.is_empty() || !NAMES.iter().any(|(n, _)| *n == "Dave"));
    }
}
