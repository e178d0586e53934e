//! The raw rate of the receipt hash (Argon2id with the service's parameters) on this machine:
//! the ceiling that report intake can approach, since every submission computes one.
//!
//!     cargo run --release --example hash_rate -- [THREADS] [SECONDS]

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use lookout::crypto::keys::KeyBytes;
use lookout::crypto::receipt::{M_COST_KIB, P_COST, ReceiptHasher, T_COST};
use lookout::crypto::{KeyRing, Purpose};

// A benchmark prints its result.
#[allow(clippy::print_stdout)]
fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let threads: usize = match args.next() {
        Some(t) => t.parse()?,
        None => std::thread::available_parallelism().map_or(2, |n| n.get()),
    };
    let seconds: u64 = match args.next() {
        Some(s) => s.parse()?,
        None => 10,
    };
    let ring = KeyRing::from_master(&KeyBytes::random()?);
    let hasher = ReceiptHasher::new(ring.get(Purpose::ReceiptPepper));
    let count = AtomicU64::new(0);
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while Instant::now() < deadline {
                    if hasher.hash("LKT-2345-6789-ABCD-EFGH-JKMN").is_ok() {
                        count.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    let elapsed = started.elapsed().as_secs_f64();
    let n = count.load(Ordering::Relaxed);
    println!(
        "argon2id m={M_COST_KIB}KiB t={T_COST} p={P_COST}: {threads} thread(s), {n} hashes in {elapsed:.1}s = {:.1} hashes/s",
        n as f64 / elapsed
    );
    Ok(())
}
