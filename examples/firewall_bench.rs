//! Measures the firewall: per-language corpus results (held-back catch rate), the benign English
//! loss, what short and language-neutral sentences lose to the language gate, scrub time for a
//! 20,000-character report (p50/p99, beside the identifier pass on the same text), and the memory
//! the word lists and the language identifier add.
//!
//! Run: `cargo run --release --example firewall_bench` (numbers go in docs/firewall.md and
//! docs/performance.md).
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use lookout::firewall::language;
use lookout::firewall::lists::{self, BENIGN_EN, FILES, LANGUAGES};
use lookout::firewall::scrub::{self, Policy};
use lookout::redact::{self, Keep, ReporterContact};

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn cleaned(text: &str) -> String {
    lookout::firewall::clean_alone(text)
}

/// The rules that caught a sentence (the sentence rules' kinds, or the names rule).
fn rules_of(text: &str) -> Vec<&'static str> {
    let kinds: Vec<&'static str> = scrub::scrub(text, Policy::OUTGOING)
        .removed
        .iter()
        .map(|k| match k {
            scrub::Removed::ImmigrationReference => "immigration",
            scrub::Removed::IdentityDocument => "documents",
            scrub::Removed::NationalityReference => "nationality",
            scrub::Removed::Place => "places",
            scrub::Removed::Address => "addresses",
            scrub::Removed::Person => "people",
            scrub::Removed::Child => "children",
            scrub::Removed::Unreadable(_) => "language gate",
        })
        .collect();
    if kinds.is_empty() && cleaned(text) != text {
        vec!["names or identifiers"]
    } else {
        kinds
    }
}

fn pct(part: usize, whole: usize) -> String {
    if whole == 0 {
        "–".into()
    } else {
        format!(
            "{:.0}% ({part}/{whole})",
            100.0 * part as f64 / whole as f64
        )
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    // Memory: the process before anything is loaded, after parsing the word lists, after the
    // language gate's tables, after the rules' trie and the names (first scrub).
    let before = rss_kib();
    let covered = LANGUAGES.iter().filter(|l| l.covered()).count();
    let parsed = rss_kib();
    let _ = language::check("He hit me and took all the money from my bag before he ran off.");
    let gate = rss_kib();
    let _ = cleaned("He hit me. Anna saw it.");
    let rules = rss_kib();
    println!("## Memory\n");
    println!("| stage | resident size | added |\n|---|---|---|");
    println!("| before the firewall is used | {before} KiB | |");
    println!(
        "| word lists parsed ({covered} covered languages) | {parsed} KiB | +{} KiB |",
        parsed.saturating_sub(before)
    );
    println!(
        "| language gate (whatlang's static profiles, function and common words) | {gate} KiB | +{} KiB |",
        gate.saturating_sub(parsed)
    );
    println!(
        "| sentence rules' trie and given names | {rules} KiB | +{} KiB |\n",
        rules.saturating_sub(gate)
    );
    println!("## Corpora\n");
    println!("| language | catch | keep | held-back caught | held-back kept |");
    println!("|---|---|---|---|---|");
    for lang in LANGUAGES.iter() {
        let Some(Ok(corpus)) = lists::corpus_of(lang.code) else {
            continue;
        };
        let (caught, kept) = corpus.held_back(cleaned);
        let catch_ok = corpus.catch.iter().filter(|s| cleaned(s) != **s).count();
        let keep_ok = corpus.keep.iter().filter(|s| cleaned(s) == **s).count();
        println!(
            "| {} ({}) | {} | {} | {} | {} |",
            lang.name,
            lang.code,
            pct(catch_ok, corpus.catch.len()),
            pct(keep_ok, corpus.keep.len()),
            pct(caught, corpus.held_back_catch.len()),
            pct(kept, corpus.held_back_keep.len())
        );
    }

    println!("\n## Held-back catch sentences by the rule that caught them\n");
    println!(
        "| language | rules (sentences caught by each; a sentence may count twice) |\n|---|---|"
    );
    for lang in LANGUAGES.iter() {
        let Some(Ok(corpus)) = lists::corpus_of(lang.code) else {
            continue;
        };
        let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
        for s in &corpus.held_back_catch {
            for rule in rules_of(s) {
                *by_rule.entry(rule).or_default() += 1;
            }
        }
        let cells: Vec<String> = by_rule.iter().map(|(r, n)| format!("{r} {n}")).collect();
        println!("| {} | {} |", lang.code, cells.join(", "));
    }

    let benign = lists::plain_lines(BENIGN_EN);
    let cut = benign.iter().filter(|s| cleaned(s) != **s).count();
    println!(
        "\nBenign English sentences cut: {}\n",
        pct(cut, benign.len())
    );

    let neutral = language::NEUTRAL_SAMPLES;
    let withheld: Vec<&str> = neutral
        .iter()
        .copied()
        .filter(|s| matches!(language::check(s), language::Verdict::Unreadable(_)))
        .collect();
    println!(
        "Short or language-neutral sentences withheld by the language gate: {} {withheld:?}\n",
        pct(withheld.len(), neutral.len())
    );

    // A 20,000-character report: ordinary sentences with a risky one every tenth.
    let catch: Vec<&str> = FILES
        .iter()
        .filter_map(|f| f.corpus)
        .filter_map(|c| lists::parse_corpus(c).ok())
        .flat_map(|c| c.catch)
        .collect();
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 20_000 {
        let s = if i % 10 == 9 {
            catch[i % catch.len()]
        } else {
            benign[i % benign.len()]
        };
        text.push_str(s);
        text.push(' ');
        i += 1;
    }
    let text: String = text.chars().take(20_000).collect();
    let runs = 200;
    let mut full = Vec::with_capacity(runs);
    let mut reference = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(cleaned(&text));
        full.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(redact::redact(
            &text,
            &ReporterContact::default(),
            &Keep::default(),
        ));
        reference.push(t.elapsed());
    }
    full.sort();
    reference.sort();
    let (p50, p99) = (percentile(&full, 0.5), percentile(&full, 0.99));
    let (r50, r99) = (percentile(&reference, 0.5), percentile(&reference, 0.99));
    println!(
        "## Scrub time, {} characters, {runs} runs\n",
        text.chars().count()
    );
    println!("| pass | p50 | p99 |\n|---|---|---|");
    println!(
        "| everything that leaves (`firewall::clean`: sentence rules, language gate, identifiers, names) | {p50:.2?} | {p99:.2?} |"
    );
    println!("| reference: the identifier pass alone (`redact::redact`) | {r50:.2?} | {r99:.2?} |");
    println!("\nratio p50: {:.1}×", p50.as_secs_f64() / r50.as_secs_f64());

    // Hostile input: the slowest of these is what a flood of previews can cost per request.
    let hostile = [
        "a ".repeat(10_000),
        "v i s a ".repeat(2_500),
        "1 ".repeat(10_000),
        "@$!|".repeat(5_000),
        "签".repeat(20_000),
        ". ".repeat(10_000),
        "immigrationimmigration".repeat(900),
        "deportatio ".repeat(1_800),
        "x".repeat(20_000),
        "[removed] ".repeat(2_000),
        "14 Bute Street ".repeat(1_300),
        "Anna Maria ".repeat(1_800),
        "ไม่มีวีซ่า ".repeat(2_000),
    ];
    let worst = hostile
        .iter()
        .map(|h| {
            let t = Instant::now();
            std::hint::black_box(cleaned(h));
            (t.elapsed(), h.chars().take(12).collect::<String>())
        })
        .max()
        .unwrap();
    println!(
        "slowest hostile 20,000-character input: {:.2?} ({:?}…)",
        worst.0, worst.1
    );
}
