//! Runs every target over its committed inputs, `fuzz/corpus/<target>/*` and
//! `fuzz/regressions/<target>/*` (inputs that once crashed), with an ordinary build: no AFL
//! needed. Exits non-zero if any input panics. `replay [TARGET [FILE...]]`.

use std::panic;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn inputs(root: &Path, target: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["corpus", "regressions"] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) {
            files.extend(
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_file()),
            );
        }
    }
    files.sort();
    files
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let wanted = args.first().map(String::as_str);
    if let Some(w) = wanted
        && !lookout_fuzz::TARGETS.iter().any(|(name, _)| *name == w)
    {
        eprintln!("replay: no target {w}");
        return ExitCode::FAILURE;
    }
    let mut failed = Vec::new();
    let mut total = 0;
    for &(name, check) in lookout_fuzz::TARGETS {
        if wanted.is_some_and(|w| w != name) {
            continue;
        }
        let files: Vec<PathBuf> = if args.len() > 1 {
            args[1..].iter().map(PathBuf::from).collect()
        } else {
            inputs(root, name)
        };
        if files.is_empty() {
            eprintln!("replay: {name}: no inputs");
            failed.push(format!("{name}: no inputs"));
            continue;
        }
        let started = Instant::now();
        for file in &files {
            let data = match std::fs::read(file) {
                Ok(d) => d,
                Err(e) => {
                    failed.push(format!("{}: {e}", file.display()));
                    continue;
                }
            };
            total += 1;
            if panic::catch_unwind(|| check(&data)).is_err() {
                eprintln!("replay: {name}: PANIC on {}", file.display());
                failed.push(file.display().to_string());
            }
        }
        eprintln!(
            "replay: {name}: {} inputs in {:.2?}",
            files.len(),
            started.elapsed()
        );
    }
    if failed.is_empty() {
        eprintln!("replay: {total} inputs, none failed");
        ExitCode::SUCCESS
    } else {
        eprintln!("replay: {} of {total} inputs failed:", failed.len());
        for f in &failed {
            eprintln!("  {f}");
        }
        ExitCode::FAILURE
    }
}
