//! Measures the firewall: per-language corpus results (held-back catch rate), the benign English
//! loss, what short and language-neutral sentences lose to the language gate, scrub time for a
//! 20,000-character report (p50/p99, beside the identifier pass on the same text), and the memory
//! the word lists and the language identifier add.
//!
//! Run: `cargo run --release --example firewall_bench` (numbers go in docs/firewall.md and
//! docs/performance.md).
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use lookout::firewall::lists::{self, BENIGN_EN, FILES, LANGUAGES};
use lookout::firewall::scrub::Policy;
use lookout::firewall::{TextRules, clean, language};
use lookout::redact::{self, Keep, ReporterContact};
use lookout::reports::input::ReportContent;

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

fn content(phone_numbers: Vec<String>, emails: Vec<String>) -> ReportContent {
    ReportContent {
        area: None,
        incident_date: None,
        description: String::new(),
        perpetrator: lookout::reports::input::Perpetrator {
            phone_numbers,
            emails,
            ..Default::default()
        },
        alert: true,
        language: None,
        contact_via_org: false,
        share_children_with_police: false,
    }
}

fn cleaned(text: &str) -> String {
    let (phones, emails) = lists::listed_identifiers(text);
    let c = content(phones, emails);
    let rules = TextRules::for_report(&c, None, Policy::OUTGOING);
    clean(text, &rules, &mut BTreeSet::new())
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
    // Memory: the process before anything is loaded, after the word lists, after the identifier.
    let before = rss_kib();
    let covered = LANGUAGES.iter().filter(|l| l.covered()).count();
    let _ = cleaned("He hit me.");
    let after_lists = rss_kib();
    let long_sentence = "He hit me and took all the money from my bag before he ran off.";
    for _ in 0..100 {
        let _ = language::check(long_sentence);
    }
    let after_gate = rss_kib();
    println!("## Memory\n");
    println!(
        "RSS before: {before} KiB; after the word lists ({covered} covered languages): {after_lists} KiB (+{} KiB); after language identification: {after_gate} KiB (+{} KiB)\n",
        after_lists.saturating_sub(before),
        after_gate.saturating_sub(after_lists)
    );

    println!("## Corpora\n");
    println!("| language | catch | keep | held-back caught | held-back kept |");
    println!("|---|---|---|---|---|");
    for lang in LANGUAGES.iter() {
        let Some(corpus) = FILES
            .iter()
            .find(|f| f.code == lang.code)
            .and_then(|f| f.corpus)
            .and_then(|c| lists::parse_corpus(c).ok())
        else {
            continue;
        };
        let caught = corpus
            .held_back_catch
            .iter()
            .filter(|s| cleaned(s) != **s)
            .count();
        let kept = corpus
            .held_back_keep
            .iter()
            .filter(|s| cleaned(s) == **s)
            .count();
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

    let benign = lists::plain_lines(BENIGN_EN);
    let cut = benign.iter().filter(|s| cleaned(s) != **s).count();
    println!(
        "\nBenign English sentences cut: {}\n",
        pct(cut, benign.len())
    );

    let neutral = [
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
        "He hit me.",
        "I said no.",
        "Twice.",
        "Big guy, beard.",
        "Never again.",
    ];
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
