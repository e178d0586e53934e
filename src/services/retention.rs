//! Retention: reports older than `retention.days` are crypto-shredded exactly as a withdrawal
//! does (key, contact, messages, consent history, disclosure copy and published identifiers
//! deleted). Runs inside `lookout serve` at start and then hourly.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use crate::crypto::Purpose;
use crate::db::{self, reports as store};
use crate::domain::{Actor, AuditAction, Error};
use crate::services::audit;
use crate::state::AppState;

const EVERY: Duration = Duration::from_secs(3600);

/// Shreds every report submitted before the cutoff; returns how many.
pub async fn sweep(state: &AppState) -> Result<usize, Error> {
    let days = u64::from(state.settings.retention.days);
    let cutoff = (crate::clock::today() - chrono::Days::new(days))
        .format("%Y-%m-%d")
        .to_string();
    let mut total = 0;
    loop {
        let cutoff = cutoff.clone();
        let audit_key = state.keys.get(Purpose::Audit).clone();
        let shredded = state
            .db
            .run(move |conn| {
                let ids = store::older_than(conn, &cutoff, 100)?;
                for id in &ids {
                    db::write_tx(conn, |conn| {
                        store::withdraw(conn, id)?;
                        audit::record(
                            conn,
                            &audit_key,
                            &Actor::Retention,
                            AuditAction::ReportExpire,
                            Some(id),
                        )?;
                        Ok::<_, Error>(())
                    })?;
                }
                if !ids.is_empty() {
                    db::flush_deleted(conn);
                }
                Ok::<_, Error>(ids.len())
            })
            .await?;
        total += shredded;
        if shredded < 100 {
            return Ok(total);
        }
    }
}

pub async fn run(state: Arc<AppState>, mut stop: watch::Receiver<bool>) {
    loop {
        match sweep(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(reports = n, "retention: expired reports crypto-shredded"),
            Err(e) => tracing::warn!(kind = ?e.kind(), "retention sweep failed"),
        }
        // Old receipts used, withdrawn or expired since: lookups may stop paying for Argon2id.
        if let Err(e) = crate::services::reports::refresh_legacy_receipts(&state).await {
            tracing::warn!(kind = ?e.kind(), "checking for receipts of old releases failed");
        }
        match crate::services::subscriptions::expire_unconfirmed(&state).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(
                subscribers = n,
                "retention: unconfirmed subscribers deleted"
            ),
            Err(e) => tracing::warn!(kind = ?e.kind(), "subscriber expiry failed"),
        }
        tokio::select! {
            () = tokio::time::sleep(EVERY) => {}
            _ = stop.changed() => return,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_report_expires_the_day_after_its_last_kept_day() {
        use crate::services::reports::expires_on;
        assert_eq!(expires_on("2026-11-20", 365), "2027-11-21");
        assert_eq!(expires_on("2026-02-28", 1), "2026-03-02");
    }
}
