//! The firewall's word lists: plain-text data files in `src/firewall/lists/`, one per language,
//! compiled in by `build.rs`. The format is documented beside them (`lists/README.md`) for the
//! outreach workers and translators who review them. Pure: parsing only.

use std::sync::LazyLock;

/// The files of one language, as compiled in.
#[derive(Debug, Clone, Copy)]
pub struct LanguageFiles {
    pub code: &'static str,
    pub list: Option<&'static str>,
    pub demonyms: Option<&'static str>,
    pub countries: Option<&'static str>,
    /// The language's most frequent words, one a line: evidence for the language gate.
    pub function_words: Option<&'static str>,
    /// Its 5,000 most frequent words (generated): evidence for the language gate.
    pub common_words: Option<&'static str>,
    pub corpus: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/lists.rs"));

/// Given names, one a line; a leading `?` marks a name that is also an ordinary word.
pub static NAMES_FILE: &str = include_str!("lists/names.txt");

/// Ordinary English report sentences: what the rules must not cut (measured, ≤ 5%).
pub static BENIGN_EN: &str = include_str!("lists/benign.en.txt");

/// What a section of a word list is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Immigration,
    Documents,
    Nationality,
    Places,
    Streets,
    People,
    Children,
    Keep,
}

impl Section {
    /// Every section a language needs before its sentences may leave the service.
    pub const REQUIRED: [Section; 7] = [
        Section::Immigration,
        Section::Documents,
        Section::Nationality,
        Section::Places,
        Section::Streets,
        Section::People,
        Section::Children,
    ];

    fn from_name(name: &str) -> Option<Section> {
        Some(match name {
            "immigration" => Section::Immigration,
            "documents" => Section::Documents,
            "nationality" => Section::Nationality,
            "places" => Section::Places,
            "streets" => Section::Streets,
            "people" => Section::People,
            "children" => Section::Children,
            "keep" => Section::Keep,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Section::Immigration => "immigration",
            Section::Documents => "documents",
            Section::Nationality => "nationality",
            Section::Places => "places",
            Section::Streets => "streets",
            Section::People => "people",
            Section::Children => "children",
            Section::Keep => "keep",
        }
    }
}

/// One language's word list, parsed.
#[derive(Debug, Clone)]
pub struct Language {
    pub code: &'static str,
    /// English name, shown to the reporter when a sentence in this language is withheld.
    pub name: &'static str,
    /// The language identifier's codes that mean this language.
    pub detector: Vec<&'static str>,
    pub scripts: Vec<&'static str>,
    pub entries: Vec<(Section, &'static str)>,
    /// Its most frequent words (`function-words/<code>.txt`), lower case.
    pub function_words: Vec<&'static str>,
    /// Its most frequent words (`common-words/<code>.txt`), lower case.
    pub common_words: Vec<&'static str>,
    /// Problems found while parsing; a language with any is not covered.
    pub errors: Vec<String>,
}

impl Language {
    pub fn has(&self, section: Section) -> bool {
        self.entries.iter().any(|(s, _)| *s == section)
    }

    /// Every required section is present and the files parsed cleanly: sentences in this
    /// language may leave once checked. Otherwise they are withheld.
    pub fn covered(&self) -> bool {
        self.errors.is_empty() && Section::REQUIRED.iter().all(|s| self.has(*s))
    }

    pub fn missing(&self) -> Vec<&'static str> {
        Section::REQUIRED
            .iter()
            .filter(|s| !self.has(**s))
            .map(|s| s.name())
            .collect()
    }
}

/// Every language with a word list, parsed once.
pub static LANGUAGES: LazyLock<Vec<Language>> =
    LazyLock::new(|| FILES.iter().map(parse_language).collect());

/// The lines of a file that carry content: comments (`#` to the end of the line) and blank lines
/// dropped, surrounding white space trimmed.
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.split('#').next().unwrap_or_default().trim();
        (!line.is_empty()).then_some((i + 1, line))
    })
}

fn parse_language(files: &LanguageFiles) -> Language {
    let mut lang = Language {
        code: files.code,
        name: files.code,
        detector: Vec::new(),
        scripts: Vec::new(),
        entries: Vec::new(),
        function_words: files
            .function_words
            .map(|f| content_lines(f).map(|(_, w)| w).collect())
            .unwrap_or_default(),
        common_words: files
            .common_words
            .map(|f| content_lines(f).map(|(_, w)| w).collect())
            .unwrap_or_default(),
        errors: Vec::new(),
    };
    let Some(list) = files.list else {
        lang.errors.push("no word list".into());
        return lang;
    };
    parse_sections(list, &format!("{}.txt", files.code), true, &mut lang);
    if let Some(d) = files.demonyms {
        parse_sections(d, &format!("demonyms/{}.txt", files.code), false, &mut lang);
    }
    if let Some(c) = files.countries {
        parse_sections(
            c,
            &format!("countries/{}.txt", files.code),
            false,
            &mut lang,
        );
    }
    if lang.detector.is_empty() {
        lang.errors
            .push(format!("{}.txt: no `detector:` line", files.code));
    }
    if lang.scripts.is_empty() {
        lang.errors
            .push(format!("{}.txt: no `script:` line", files.code));
    }
    lang
}

fn parse_sections(text: &'static str, file: &str, header_allowed: bool, lang: &mut Language) {
    let mut section: Option<Section> = None;
    for (n, line) in content_lines(text) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = Section::from_name(name.trim());
            if section.is_none() {
                lang.errors
                    .push(format!("{file}:{n}: unknown section [{name}]"));
            }
            continue;
        }
        match section {
            Some(s) => lang.entries.push((s, line)),
            None if header_allowed => match line.split_once(':') {
                Some(("language", v)) => {
                    if v.trim() != lang.code {
                        lang.errors.push(format!(
                            "{file}:{n}: says language {} but is named {}",
                            v.trim(),
                            lang.code
                        ));
                    }
                }
                Some(("name", v)) => lang.name = v.trim(),
                Some(("detector", v)) => lang.detector = list_value(v),
                Some(("script", v)) => lang.scripts = list_value(v),
                _ => lang.errors.push(format!(
                    "{file}:{n}: not a header line and not in a section"
                )),
            },
            None => lang
                .errors
                .push(format!("{file}:{n}: entry before any [section]")),
        }
    }
}

fn list_value(v: &'static str) -> Vec<&'static str> {
    v.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Given names, and whether each is also an ordinary word (then it counts only when written
/// with a capital letter in the middle of a sentence).
pub static NAMES: LazyLock<Vec<(&'static str, bool)>> = LazyLock::new(|| {
    content_lines(NAMES_FILE)
        .map(|(_, line)| match line.strip_prefix('?') {
            Some(word) => (word.trim(), true),
            None => (line, false),
        })
        .filter(|(w, _)| !w.is_empty())
        .collect()
});

/// A language's test sentences.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    pub catch: Vec<&'static str>,
    pub keep: Vec<&'static str>,
    pub held_back_catch: Vec<&'static str>,
    pub held_back_keep: Vec<&'static str>,
}

impl Corpus {
    /// How many held-back catch sentences `clean` changes, and how many held-back keep sentences
    /// it leaves as they are.
    pub fn held_back(&self, clean: impl Fn(&str) -> String) -> (usize, usize) {
        let caught = self
            .held_back_catch
            .iter()
            .filter(|s| clean(s) != **s)
            .count();
        let kept = self
            .held_back_keep
            .iter()
            .filter(|s| clean(s) == **s)
            .count();
        (caught, kept)
    }
}

/// The parsed corpus of a language: `None` if it has none, `Some(Err)` if it does not parse.
pub fn corpus_of(code: &str) -> Option<Result<Corpus, String>> {
    FILES
        .iter()
        .find(|f| f.code == code)
        .and_then(|f| f.corpus)
        .map(parse_corpus)
}

/// Parses a corpus file (`<code>.corpus.txt`). Unknown sections are an error.
pub fn parse_corpus(text: &'static str) -> Result<Corpus, String> {
    let mut corpus = Corpus::default();
    let mut current: Option<&mut Vec<&'static str>> = None;
    for (n, line) in text.lines().enumerate() {
        // Sentences may contain '#' rarely; only whole-line comments are comments here.
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Some(match name.trim() {
                "catch" => &mut corpus.catch,
                "keep" => &mut corpus.keep,
                "held-back catch" => &mut corpus.held_back_catch,
                "held-back keep" => &mut corpus.held_back_keep,
                other => return Err(format!("line {}: unknown section [{other}]", n + 1)),
            });
            continue;
        }
        match current.as_mut() {
            Some(list) => list.push(line),
            None => return Err(format!("line {}: sentence before any [section]", n + 1)),
        }
    }
    Ok(corpus)
}

/// Sentences of a plain list file (one a line, `#` comments).
pub fn plain_lines(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// The numbers and addresses in a corpus sentence, as a reporter would list them as the
/// perpetrator's (the corpora and the benchmark read sentences as a real report would hold them).
pub fn listed_identifiers(sentence: &str) -> (Vec<String>, Vec<String>) {
    let phones = sentence
        .split(|c: char| !(c.is_ascii_digit() || c == ' ' || c == '+'))
        .map(str::trim)
        .filter(|s| s.chars().filter(char::is_ascii_digit).count() >= 7)
        .map(str::to_string)
        .collect();
    let emails = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.contains('@'))
        .map(str::to_string)
        .collect();
    (phones, emails)
}

/// The corpus tests (`cargo test --lib firewall::lists -- --nocapture` prints every language's
/// results).
#[cfg(test)]
#[path = "corpus.rs"]
mod corpus;
