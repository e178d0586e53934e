//! Counts of frequent events (client checks, thousands a second) kept in memory and written to
//! `statistics_counts` in one transaction every minute, instead of a write per event. A crash
//! loses at most the counts since the last write; no event is ever tied to a time finer than its
//! quarter, here or in the database.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::domain::statistics::{Quarter, Tallied};

/// (quarter, figure) → count not yet written. Both keys are `Copy`: counting allocates nothing.
#[derive(Debug, Default)]
pub struct Tally {
    pending: Mutex<HashMap<(Quarter, Tallied), i64>>,
    /// Held by whoever is writing the counts, from taking them to their commit: a second writer
    /// (the stop beside the minute's write) waits, so when it returns every count taken before
    /// it is in the database.
    writing: tokio::sync::Mutex<()>,
}

impl Tally {
    /// The right to write the pending counts; hold it until they are committed or restored.
    pub async fn writing(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.writing.lock().await
    }

    pub fn add(&self, quarter: Quarter, figure: Tallied, n: i64) {
        // A poisoned lock only means another thread panicked mid-add: the map is still whole.
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        *pending.entry((quarter, figure)).or_insert(0) += n;
    }

    /// Everything pending, emptied; hand it back with [`Tally::restore`] if writing fails.
    pub fn take(&self) -> Vec<(Quarter, Tallied, i64)> {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        pending.drain().map(|((q, f), n)| (q, f, n)).collect()
    }

    pub fn restore(&self, counts: Vec<(Quarter, Tallied, i64)>) {
        for (quarter, figure, n) in counts {
            self.add(quarter, figure, n);
        }
    }
}
