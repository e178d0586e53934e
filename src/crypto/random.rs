//! Random bytes from the operating system's generator, fetched in blocks.
//!
//! A report takes seven small random values from here (its receipt, two data keys, four nonces).
//! With one `getrandom` system call each, they cost about 5 µs of the 108 µs of server CPU time
//! a sealed report took on SQLite (docs/performance.md). Each thread now takes 4 KiB from the
//! kernel at a time and hands every byte out once, wiping it from the pool as it goes, so no
//! value is given twice and none is left behind after use. The bytes are the kernel's own: no
//! generator of ours stands between. A forked child would hand out its parent's bytes again;
//! Lookout never forks.

use std::cell::RefCell;

use zeroize::Zeroize;

const POOL: usize = 4096;

/// Requests larger than this go straight to the kernel (none of ours are).
const LARGEST_FROM_POOL: usize = 256;

struct Pool {
    bytes: [u8; POOL],
    /// Bytes before this have been handed out (and wiped).
    used: usize,
}

impl Drop for Pool {
    fn drop(&mut self) {
        self.bytes.zeroize();
    }
}

thread_local! {
    static THREAD_POOL: RefCell<Pool> = const {
        RefCell::new(Pool {
            bytes: [0; POOL],
            used: POOL,
        })
    };
}

/// Fills `out` with random bytes from the operating system's generator.
pub fn fill(out: &mut [u8]) -> Result<(), getrandom::Error> {
    if out.len() > LARGEST_FROM_POOL {
        return getrandom::fill(out);
    }
    THREAD_POOL.with(|pool| {
        let mut pool = pool.borrow_mut();
        if POOL - pool.used < out.len() {
            // On failure `used` stays where it was: nothing half-filled is handed out.
            getrandom::fill(&mut pool.bytes)?;
            pool.used = 0;
        }
        let (start, end) = (pool.used, pool.used + out.len());
        out.copy_from_slice(&pool.bytes[start..end]);
        pool.bytes[start..end].zeroize();
        pool.used = end;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_value_is_new_across_refills_and_wiped_from_the_pool() {
        let mut seen = HashSet::new();
        // Enough 24-byte values for several refills, and a size that does not divide the pool.
        for _ in 0..(3 * POOL / 24) {
            let mut nonce = [0u8; 24];
            fill(&mut nonce).unwrap();
            assert!(seen.insert(nonce), "a value came twice");
            THREAD_POOL.with(|pool| {
                let pool = pool.borrow();
                assert!(pool.bytes[..pool.used].iter().all(|&b| b == 0));
            });
        }
        let mut odd = [0u8; 7];
        fill(&mut odd).unwrap();
        assert_ne!(odd, [0u8; 7]);
    }

    #[test]
    fn large_requests_and_empty_ones() {
        let mut big = vec![0u8; LARGEST_FROM_POOL + 1];
        fill(&mut big).unwrap();
        assert!(big.iter().any(|&b| b != 0));
        fill(&mut []).unwrap();
    }

    #[test]
    fn threads_do_not_share_values() {
        let values: Vec<[u8; 32]> = (0..4)
            .map(|_| {
                std::thread::spawn(|| {
                    let mut v = [0u8; 32];
                    fill(&mut v).unwrap();
                    v
                })
            })
            .map(|t| t.join().unwrap())
            .collect();
        let distinct: HashSet<_> = values.iter().collect();
        assert_eq!(distinct.len(), values.len());
    }
}
