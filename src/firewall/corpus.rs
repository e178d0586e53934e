//! Every language's corpus through the real rules: `[catch]` sentences must lose something,
//! `[keep]` sentences must come back unchanged, whatever other languages' lists hold; the
//! held-back sections and the benign English corpus are measured and printed.

// The corpus tests print what they measure: that output is the point.
#![allow(clippy::print_stdout)]

use super::{BENIGN_EN, LANGUAGES, corpus_of, plain_lines};
use crate::firewall::scrub::Policy;

fn cleaned(sentence: &str) -> String {
    crate::firewall::clean_alone(sentence)
}

fn rate(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "-".into();
    }
    format!(
        "{:.0}% ({part}/{whole})",
        100.0 * part as f64 / whole as f64
    )
}

#[test]
fn every_language_file_parses_and_is_complete() {
    let mut problems = Vec::new();
    for lang in LANGUAGES.iter() {
        for e in &lang.errors {
            problems.push(format!("{}: {e}", lang.code));
        }
        if !lang.missing().is_empty() {
            problems.push(format!(
                "{}: missing sections {:?}",
                lang.code,
                lang.missing()
            ));
        }
    }
    println!("{}", problems.join("\n"));
    assert!(problems.is_empty(), "{} problems", problems.len());
}

#[test]
fn every_corpus_passes() {
    let mut failures = Vec::new();
    let mut summary = Vec::new();
    for lang in LANGUAGES.iter() {
        let corpus = match corpus_of(lang.code) {
            Some(Ok(c)) => c,
            Some(Err(e)) => {
                failures.push(format!("{}.corpus.txt: {e}", lang.code));
                continue;
            }
            None => {
                failures.push(format!("{}: no corpus file", lang.code));
                continue;
            }
        };
        for s in &corpus.catch {
            if cleaned(s) == *s {
                failures.push(format!("{} MISSED: {s}", lang.code));
            }
        }
        for s in &corpus.keep {
            let out = cleaned(s);
            if out != *s {
                failures.push(format!("{} CUT: {s}\n      -> {out}", lang.code));
            }
        }
        let (held_caught, held_kept) = corpus.held_back(cleaned);
        summary.push(format!(
            "{:<3} catch {:>4}  keep {:>4}  held-back caught {}  held-back kept {}",
            lang.code,
            corpus.catch.len(),
            corpus.keep.len(),
            rate(held_caught, corpus.held_back_catch.len()),
            rate(held_kept, corpus.held_back_keep.len()),
        ));
        for s in &corpus.held_back_catch {
            if cleaned(s) == *s {
                println!("{} held-back missed: {s}", lang.code);
            }
        }
    }
    println!("{}", summary.join("\n"));
    println!("{}", failures.join("\n"));
    assert!(failures.is_empty(), "{} corpus failures", failures.len());
}

#[test]
fn benign_english_loss_is_at_most_five_percent() {
    let sentences = plain_lines(BENIGN_EN);
    let cut: Vec<(&str, String)> = sentences
        .iter()
        .map(|s| (*s, cleaned(s)))
        .filter(|(s, out)| s != out)
        .collect();
    for (s, out) in &cut {
        println!("benign CUT: {s}\n      -> {out}");
    }
    println!("benign English: {} of {} cut", cut.len(), sentences.len());
    assert!(
        cut.len() * 20 <= sentences.len(),
        "{}",
        rate(cut.len(), sentences.len())
    );
}

mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::firewall::scrub::{self, PLACEHOLDER};

    /// Every `[catch]` sentence of every language, and whether the sentence rules (not only the
    /// names rule, which needs a capital letter) catch it.
    fn catches() -> &'static [(&'static str, bool)] {
        static CATCHES: std::sync::LazyLock<Vec<(&'static str, bool)>> =
            std::sync::LazyLock::new(|| {
                corpora()
                    .flat_map(|c| c.catch)
                    .map(|s| (s, !scrub::scrub(s, Policy::OUTGOING).removed.is_empty()))
                    .collect()
            });
        &CATCHES
    }

    /// Every language's corpus that parses (the corpus test reports those that do not).
    fn corpora() -> impl Iterator<Item = crate::firewall::lists::Corpus> {
        LANGUAGES
            .iter()
            .filter_map(|l| corpus_of(l.code))
            .filter_map(Result::ok)
    }

    fn keeps() -> &'static [&'static str] {
        static KEEPS: std::sync::LazyLock<Vec<&'static str>> =
            std::sync::LazyLock::new(|| corpora().flat_map(|c| c.keep).collect());
        &KEEPS
    }

    /// Latin letters and the Cyrillic letters that look like them.
    const LOOK_ALIKES: &[(char, char)] = &[
        ('a', 'а'),
        ('e', 'е'),
        ('o', 'о'),
        ('p', 'р'),
        ('c', 'с'),
        ('x', 'х'),
        ('y', 'у'),
        ('i', 'і'),
    ];
    const LEET: &[(char, char)] = &[('a', '4'), ('e', '3'), ('o', '0'), ('i', '1'), ('s', '5')];

    /// Disguises a sentence the way someone evading a filter (or typing fast) would.
    fn disguise(s: &str, how: u8, seed: u64) -> String {
        let pick = |i: usize| {
            (seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(i as u64)
                >> 33)
                .is_multiple_of(3)
        };
        match how % 5 {
            0 => s.to_uppercase(),
            1 => s.replace(' ', "  "),
            2 => s
                .chars()
                .enumerate()
                .map(|(i, c)| match LOOK_ALIKES.iter().find(|(l, _)| *l == c) {
                    Some((_, cyr)) if pick(i) => *cyr,
                    _ => c,
                })
                .collect(),
            3 => s
                .chars()
                .enumerate()
                .map(|(i, c)| match LEET.iter().find(|(l, _)| *l == c) {
                    Some((_, d)) if pick(i) => *d,
                    _ => c,
                })
                .collect(),
            _ => s.to_lowercase(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// A disguised sentence from any language's corpus, set among ordinary sentences of other
        /// languages and scripts, never reaches what leaves.
        #[test]
        fn disguised_corpus_sentences_never_leave(
            pick in any::<prop::sample::Index>(),
            how in any::<u8>(),
            seed in any::<u64>(),
            neighbours in proptest::collection::vec(any::<prop::sample::Index>(), 1..4),
        ) {
            let all = catches();
            let keep = keeps();
            prop_assume!(!all.is_empty() && !keep.is_empty());
            let (sentence, by_rules) = all[pick.index(all.len())];
            // The names rule reads capitals: only spacing is varied for sentences only it catches.
            let disguised = if by_rules { disguise(sentence, how, seed) } else { sentence.replace(' ', "  ") };
            let mut parts: Vec<&str> = neighbours.iter().map(|i| keep[i.index(keep.len())]).collect();
            let at = seed as usize % (parts.len() + 1);
            parts.insert(at, &disguised);
            let text = parts.join(" ");
            let out = cleaned(&text);
            prop_assert!(!out.contains(disguised.trim()), "{disguised:?} survived in {out:?}");
            prop_assert!(!scrub::contains_removable(&out, Policy::OUTGOING), "{out:?}");
            prop_assert!(out.contains(PLACEHOLDER), "{out:?}");
        }
    }
}

#[test]
#[ignore = "debugging aid: cargo test --lib explain -- --ignored --nocapture"]
fn explain() {
    let given = std::env::var("EXPLAIN").ok();
    let lines: Vec<&str> = match &given {
        Some(g) => g.split('|').collect(),
        None => plain_lines(BENIGN_EN),
    };
    for s in lines {
        let out = crate::firewall::scrub::scrub(s, Policy::OUTGOING);
        if !out.removed.is_empty() {
            println!(
                "{s}\n   {:?} {:?}",
                out.removed,
                crate::firewall::language::check(s)
            );
        }
    }
}
