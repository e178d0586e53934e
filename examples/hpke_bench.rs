//! Opening and sealing a sealed report, next to one X25519 multiplication on curve25519-dalek's
//! Montgomery ladder measured in the same run (RFC 9180's decapsulation needs one X25519; the
//! service's open, `crypto/hpke_open.rs`, does it in Edwards form, which is faster where dalek
//! has a vector backend). docs/performance.md.
//!
//!   cargo run --release --example hpke_bench [ROUNDS]

#![allow(clippy::print_stdout, clippy::expect_used)]

use std::hint::black_box;
use std::time::Instant;

use curve25519_dalek::constants::X25519_BASEPOINT;
use lookout::crypto::keys::{KeyBytes, KeyRing, Purpose};
use lookout::crypto::sealed::{SealedReportKeys, seal_to};

const REPORT: &[u8] = br#"{"category":"robbery","region":"south-wales","area":"Cardiff city centre","incident_date":"2026-11-18","description":"He took the money back at knifepoint and drove off in a white van.","perpetrator":{"description":"White van, burn scar on left hand","phone_numbers":["07700 900123"],"vehicles":["AB12 CDE"]},"contact":{"name":"J","email":"j@example.org"}}"#;

fn per_call(rounds: u32, mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    for _ in 0..rounds {
        f();
    }
    start.elapsed().as_secs_f64() * 1e6 / f64::from(rounds)
}

fn main() {
    let rounds: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let ring = KeyRing::from_master(&KeyBytes::from_slice(&[9u8; 32]).expect("32 bytes"));
    let keys = SealedReportKeys::derive(ring.get(Purpose::HpkeSeed)).expect("the key pair");
    let public = keys.public_key_b64();
    let (enc, ct) = seal_to(&public, REPORT).expect("seals");
    let point = X25519_BASEPOINT.mul_clamped([5u8; 32]);
    // Warm up, then alternate the three so drift hits each alike.
    per_call(rounds / 10, || drop(black_box(keys.open(&enc, &ct))));
    let (mut open, mut seal, mut ladder) = (0.0, 0.0, 0.0);
    for _ in 0..5 {
        open += per_call(rounds / 5, || drop(black_box(keys.open(&enc, &ct))));
        seal += per_call(rounds / 5, || drop(black_box(seal_to(&public, REPORT))));
        ladder += per_call(rounds / 5, || {
            black_box(black_box(point).mul_clamped([7u8; 32]));
        });
    }
    let (open, seal, ladder) = (open / 5.0, seal / 5.0, ladder / 5.0);
    println!(
        "open a sealed report ({} bytes): {open:.1} µs",
        REPORT.len()
    );
    println!("seal one (what a client does):      {seal:.1} µs");
    println!("reference, one X25519 multiplication: {ladder:.1} µs");
    println!(
        "open ÷ X25519: {:.2}; seal ÷ X25519: {:.2}",
        open / ladder,
        seal / ladder
    );
}
