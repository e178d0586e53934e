//! Published statistics: aggregates by closed calendar quarter, with small counts suppressed
//! (`crate::suppression`). Counting never reads what a reporter wrote: reports are counted from
//! their plaintext category, region, day and relaying organisation; refused requests from their
//! day; everything else from counters kept at the moment of each event (`statistics_counts`;
//! client checks in memory first, written every minute).
//!
//! Only closed quarters are published, so every published figure is final: the result is kept
//! until the quarter changes.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use crate::db::{self, DbConn, DbError, statistics as store};
use crate::domain::Error;
use crate::domain::report::MISCONDUCT;
use crate::domain::statistics::{
    ByCode, CheckFigures, Count, ForwardFigures, Published, Quarter, QuarterFigures, ReportFigures,
    Tallied,
};
use crate::settings::Settings;
use crate::state::AppState;
use crate::suppression;

/// How often counts kept in memory are written.
const FLUSH_EVERY: Duration = Duration::from_secs(60);

fn this_quarter() -> Quarter {
    Quarter::of(crate::clock::today())
}

/// Counts one event of `figure` now, inside the caller's transaction (so it is counted exactly
/// when the event is stored, and undone with it). `n` is -1 to undo an event counted earlier
/// today whose effect was reverted (a forward whose mail failed).
pub fn record(conn: &mut DbConn, figure: Tallied, n: i64) -> Result<(), DbError> {
    store::add(conn, &this_quarter().to_string(), figure.as_str(), n)
}

/// Counts a client check, in memory.
pub fn count_check(state: &AppState, matched: bool) {
    let quarter = this_quarter();
    state.tally.add(quarter, Tallied::ChecksMade, 1);
    if matched {
        state.tally.add(quarter, Tallied::ChecksMatched, 1);
    }
}

/// Writes the counts kept in memory; on failure they stay pending.
pub async fn flush(state: &AppState) -> Result<(), Error> {
    let _writing = state.tally.writing().await;
    let pending = state.tally.take();
    if pending.is_empty() {
        return Ok(());
    }
    let rows = pending.clone();
    let written = state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                for (quarter, figure, n) in &rows {
                    store::add(conn, &quarter.to_string(), figure.as_str(), *n)?;
                }
                Ok::<_, Error>(())
            })
        })
        .await;
    if written.is_err() {
        state.tally.restore(pending);
    }
    written
}

/// Writes pending counts every minute. The last write, at stop, is the shell's
/// (`app::Stopper::stop`, `Application::run_until_stopped`), which waits for it.
pub async fn run(state: Arc<AppState>, mut stop: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            () = tokio::time::sleep(FLUSH_EVERY) => {}
            _ = stop.changed() => return,
        }
        if let Err(e) = flush(&state).await {
            tracing::warn!(kind = ?e.kind(), "writing the check counts failed; kept in memory");
        }
    }
}

/// The published statistics of every closed quarter, newest first.
pub async fn published(state: &AppState) -> Result<Arc<Published>, Error> {
    let current = this_quarter();
    if let Some((quarter, figures)) = state
        .published
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_ref()
        && *quarter == current
    {
        return Ok(figures.clone());
    }
    // Counts of the quarter just closed may still be in memory.
    flush(state).await?;
    let (first_day, quarter_text) = (current.first_day(), current.to_string());
    let (reports, tallied, requests) = state
        .db
        .run(move |conn| {
            Ok::<_, Error>((
                store::reports_before(conn, &first_day)?,
                store::tallied_before(conn, &quarter_text)?,
                store::requests_before(conn, &first_day)?,
            ))
        })
        .await?;
    let figures = Arc::new(compute(
        &state.settings,
        current,
        &Raw {
            reports,
            tallied,
            requests,
        },
    ));
    *state.published.lock().unwrap_or_else(|e| e.into_inner()) = Some((current, figures.clone()));
    Ok(figures)
}

/// What the database holds for the closed quarters, as the queries return it.
struct Raw {
    reports: Vec<store::ReportCount>,
    /// (quarter, figure, count).
    tallied: Vec<(String, String, i64)>,
    /// (day, count).
    requests: Vec<(String, i64)>,
}

/// One quarter's raw counts, before suppression.
#[derive(Default)]
struct Counts {
    by_category: BTreeMap<String, u64>,
    by_region: BTreeMap<String, u64>,
    relayed: u64,
    tallied: BTreeMap<String, u64>,
    requests: u64,
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn compute(settings: &Settings, current: Quarter, raw: &Raw) -> Published {
    let mut quarters: BTreeMap<Quarter, Counts> = BTreeMap::new();
    for (day, category, region, relayed_by, n) in &raw.reports {
        let Some(q) = Quarter::of_day(day).filter(|q| *q < current) else {
            continue;
        };
        let c = quarters.entry(q).or_default();
        *c.by_category.entry(category.clone()).or_default() += count(*n);
        *c.by_region.entry(region.clone()).or_default() += count(*n);
        if relayed_by.is_some() {
            c.relayed += count(*n);
        }
    }
    for (quarter, figure, n) in &raw.tallied {
        let Some(q) = Quarter::parse(quarter).filter(|q| *q < current) else {
            continue;
        };
        *quarters
            .entry(q)
            .or_default()
            .tallied
            .entry(figure.clone())
            .or_default() += count(*n);
    }
    for (day, n) in &raw.requests {
        let Some(q) = Quarter::of_day(day).filter(|q| *q < current) else {
            continue;
        };
        quarters.entry(q).or_default().requests += count(*n);
    }
    // Every quarter from the first with anything in it to the last closed one, quiet ones too:
    // a missing quarter would say something a zero does not.
    let mut all = Vec::new();
    if let Some(first) = quarters.keys().next().copied() {
        let mut q = current.previous();
        while q >= first {
            all.push(q);
            q = q.previous();
        }
    }
    let quarters = all
        .into_iter()
        .map(|q| figures(settings, q, quarters.get(&q)))
        .collect();
    Published { quarters }
}

/// The codes a breakdown lists: the configured ones in their order, then any no longer
/// configured that still have counts.
fn codes(configured: &[crate::settings::RefEntry], counted: &BTreeMap<String, u64>) -> Vec<String> {
    let mut codes: Vec<String> = configured.iter().map(|e| e.code.clone()).collect();
    let known: BTreeSet<&str> = configured.iter().map(|e| e.code.as_str()).collect();
    codes.extend(
        counted
            .keys()
            .filter(|k| !known.contains(k.as_str()))
            .cloned(),
    );
    codes
}

fn figures(settings: &Settings, quarter: Quarter, counts: Option<&Counts>) -> QuarterFigures {
    let empty = Counts::default();
    let c = counts.unwrap_or(&empty);
    let categories = codes(&settings.reference.categories, &c.by_category);
    let regions = codes(&settings.reference.regions, &c.by_region);
    let values = |codes: &[String], counted: &BTreeMap<String, u64>| -> Vec<u64> {
        codes
            .iter()
            .map(|k| counted.get(k).copied().unwrap_or(0))
            .collect()
    };
    let (by_category, by_region) = suppression::linked(
        &values(&categories, &c.by_category),
        &values(&regions, &c.by_region),
    );
    let misconduct = categories
        .iter()
        .position(|k| k == MISCONDUCT)
        .and_then(|i| by_category.get(i).copied())
        .unwrap_or(Count::Shown(0));
    let tallied = |f: Tallied| suppression::single(c.tallied.get(f.as_str()).copied().unwrap_or(0));
    QuarterFigures {
        quarter: quarter.to_string(),
        reports: ReportFigures {
            by_category: ByCode(categories.into_iter().zip(by_category).collect()),
            by_region: ByCode(regions.into_iter().zip(by_region).collect()),
        },
        relayed: suppression::single(c.relayed),
        alerts_published: tallied(Tallied::AlertsPublished),
        checks: CheckFigures {
            made: tallied(Tallied::ChecksMade),
            matched: tallied(Tallied::ChecksMatched),
        },
        forwards: ForwardFigures {
            anonymous: tallied(Tallied::ForwardsAnonymous),
            full: tallied(Tallied::ForwardsFull),
        },
        withdrawals: tallied(Tallied::Withdrawals),
        police_requests_refused: suppression::single(c.requests),
        exception_disclosures: tallied(Tallied::ExceptionDisclosures),
        police_misconduct_reports: misconduct,
    }
}
