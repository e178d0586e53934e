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
