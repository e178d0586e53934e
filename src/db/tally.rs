//! Counts of frequent events (client checks, thousands a second) kept in memory and written to
//! `statistics_counts` in one transaction every minute, instead of a write per event. A crash
//! loses at most the counts since the last write; no event is ever tied to a time finer than its
//! quarter, here or in the database.

use std::collections::HashMap;
use std::sync::Mutex;

/// (quarter, figure) → count not yet written.
#[derive(Debug, Default)]
pub struct Tally {
    pending: Mutex<HashMap<(String, &'static str), i64>>,
}

impl Tally {
    pub fn add(&self, quarter: String, figure: &'static str, n: i64) {
        // A poisoned lock only means another thread panicked mid-add: the map is still whole.
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        *pending.entry((quarter, figure)).or_insert(0) += n;
    }

    /// Everything pending, emptied; hand it back with [`Tally::restore`] if writing fails.
    pub fn take(&self) -> Vec<(String, &'static str, i64)> {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        pending.drain().map(|((q, f), n)| (q, f, n)).collect()
    }

    pub fn restore(&self, counts: Vec<(String, &'static str, i64)>) {
        for (quarter, figure, n) in counts {
            self.add(quarter, figure, n);
        }
    }
}
