//! Logging. What is logged is decided where it is logged (see `app::log_request`); this only
//! sets the format and keeps the HTTP framework quiet.

use tracing_subscriber::EnvFilter;

use crate::settings::{LogFormat, LogSettings};

/// Framework crates whose debug output can contain request details: held at `warn` whatever
/// `log.level` says.
const QUIET: [&str; 4] = [
    "actix_web=warn",
    "actix_http=warn",
    "actix_server=info",
    "h2=warn",
];

pub fn init(settings: &LogSettings) {
    let mut filter = EnvFilter::try_new(&settings.level).unwrap_or_else(|_| EnvFilter::new("info"));
    for directive in QUIET {
        if let Ok(d) = directive.parse() {
            filter = filter.add_directive(d);
        }
    }
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_writer(std::io::stderr);
    // A second init (tests start several apps in one process) is harmless: keep the first.
    let _ = match settings.format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

/// Public requests (reports, follow-ups, checks, subscriptions, pages) are not logged one by one:
/// a line per request, with its time, would let whoever reads the logs (or the journal, which
/// timestamps every line) time a reporter's visit. They are counted here by route pattern and
/// status, and the counts of each UTC day are written as one line just after that day ends.
/// A stop drops the day's counts so far: the time of a stop would bound the last requests.
#[derive(Default)]
pub struct RequestCounts {
    counts: std::sync::Mutex<std::collections::BTreeMap<(String, u16), u64>>,
}

impl RequestCounts {
    pub fn count(&self, route: &str, status: u16) {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        *counts.entry((route.to_string(), status)).or_insert(0) += 1;
    }

    /// The counts so far as `route status=count` pairs, and starts again from zero.
    pub fn take(&self) -> String {
        let counts = std::mem::take(&mut *self.counts.lock().unwrap_or_else(|p| p.into_inner()));
        counts
            .iter()
            .map(|((route, status), n)| format!("{route} {status}={n}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Writes the counts of each UTC day just after it ends, until `stop` turns true.
    pub async fn log_daily(
        self: std::sync::Arc<Self>,
        mut stop: tokio::sync::watch::Receiver<bool>,
    ) {
        loop {
            let now = chrono::Utc::now();
            let day = now.date_naive();
            let next = day
                .succ_opt()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|t| t.and_utc());
            let wait = next
                .and_then(|t| (t - now).to_std().ok())
                .unwrap_or(std::time::Duration::from_secs(60));
            tokio::select! {
                () = tokio::time::sleep(wait) => {}
                _ = stop.changed() => return,
            }
            if *stop.borrow() {
                return;
            }
            let counts = self.take();
            if !counts.is_empty() {
                tracing::info!(target: "lookout::http", day = %day, counts, "public requests that day");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_summed_per_route_and_status_and_start_again() {
        let counts = RequestCounts::default();
        counts.count("/api/v1/reports", 201);
        counts.count("/api/v1/reports", 201);
        counts.count("/api/v1/checks", 200);
        counts.count("/api/v1/reports", 422);
        assert_eq!(
            counts.take(),
            "/api/v1/checks 200=1; /api/v1/reports 201=2; /api/v1/reports 422=1"
        );
        assert_eq!(counts.take(), "");
    }
}
