//! Seals standard input to the fuzz keys (`lookout_fuzz::sealed::MASTER`) with the crate's own
//! sealing code and prints `enc`, a line break and `ciphertext`: a seed for the `sealed` target.
//! `cargo run --profile replay --bin seal_seed < report.json > corpus/sealed/NAME`

use std::io::{Read, Write};

fn main() -> std::process::ExitCode {
    let mut plain = Vec::new();
    if std::io::stdin().read_to_end(&mut plain).is_err() {
        return std::process::ExitCode::FAILURE;
    }
    let keys = lookout_fuzz::sealed::keys();
    match lookout::crypto::sealed::seal_to(&keys.public_key_b64(), &plain) {
        Ok((enc, ct)) => {
            let mut out = std::io::stdout();
            if write!(out, "{enc}\n{ct}").is_err() {
                return std::process::ExitCode::FAILURE;
            }
            std::process::ExitCode::SUCCESS
        }
        Err(_) => std::process::ExitCode::FAILURE,
    }
}
