//! Slows receipt lookups while receipts are being guessed. It counts recent misses in memory
//! only — no addresses, nothing stored — and delays every lookup, hit or miss, by the same
//! amount, so a delay says nothing about whether a receipt exists.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Misses in the window before any delay: room for honest typos.
const FREE_MISSES: usize = 20;
const WINDOW: Duration = Duration::from_secs(60);
const STEP: Duration = Duration::from_millis(100);
const MAX_DELAY: Duration = Duration::from_secs(3);
/// Bounded memory whatever the flood.
const MAX_TRACKED: usize = 10_000;

#[derive(Debug, Default)]
pub struct MissThrottle {
    misses: Mutex<VecDeque<Instant>>,
}

impl MissThrottle {
    pub fn record_miss(&self) {
        self.record_miss_at(Instant::now());
    }

    pub fn delay(&self) -> Duration {
        self.delay_at(Instant::now())
    }

    fn record_miss_at(&self, now: Instant) {
        if let Ok(mut misses) = self.misses.lock() {
            if misses.len() >= MAX_TRACKED {
                misses.pop_front();
            }
            misses.push_back(now);
        }
    }

    fn delay_at(&self, now: Instant) -> Duration {
        let Ok(mut misses) = self.misses.lock() else {
            return MAX_DELAY;
        };
        while misses
            .front()
            .is_some_and(|t| now.duration_since(*t) > WINDOW)
        {
            misses.pop_front();
        }
        let excess = misses.len().saturating_sub(FREE_MISSES) as u32;
        STEP.saturating_mul(excess).min(MAX_DELAY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delay_grows_with_recent_misses_and_decays() {
        let t = MissThrottle::default();
        let start = Instant::now();
        for _ in 0..FREE_MISSES {
            t.record_miss_at(start);
        }
        assert_eq!(t.delay_at(start), Duration::ZERO);
        for _ in 0..5 {
            t.record_miss_at(start);
        }
        assert_eq!(t.delay_at(start), Duration::from_millis(500));
        for _ in 0..1000 {
            t.record_miss_at(start);
        }
        assert_eq!(t.delay_at(start), MAX_DELAY);
        assert_eq!(
            t.delay_at(start + WINDOW + Duration::from_secs(1)),
            Duration::ZERO
        );
    }
}
