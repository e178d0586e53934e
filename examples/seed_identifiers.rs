//! Benchmark set-up: N published identifiers (keyed blind indexes, as publishing writes them)
//! under one alert, using the same settings as `lookout serve` (`LOOKOUT__*` variables).
//!
//!     cargo run --release --example seed_identifiers -- 100000
//!
//! Phone numbers +447700000000 .. +4477000(N-1) are indexed; the benchmark checks one of them.

use std::time::Duration;

use lookout::crypto::{KeyRing, keys};
use lookout::db::alerts::{AlertRow, insert_alert};
use lookout::db::checks::{IdentifierRow, insert};
use lookout::identifiers::Kind;
use lookout::services::checks::identifier_hash;
use lookout::settings::Settings;

fn main() -> anyhow::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "100000".into())
        .parse()?;
    let settings = Settings::load(None)?;
    let keys = KeyRing::from_master(&keys::load_master_key(&settings.keys.master_key_file)?);
    let db = lookout::db::open(
        settings.database.url.expose(),
        1,
        Duration::from_secs(10),
        keys.master_id(),
    )?;
    let today = lookout::clock::today_string();
    let alert_id = lookout::domain::AlertId::random();
    let alert = AlertRow {
        id: alert_id.clone(),
        report_id: None,
        category: "robbery".into(),
        regions: "[\"gwent\"]".into(),
        published_on: today.clone(),
        key_id: "benchmark".into(),
        // Never opened by checks; a real alert's sealed content would be here.
        wrapped_key: vec![0; 73],
        content: vec![0; 64],
    };
    let rows: Vec<IdentifierRow> = (0..n)
        .map(|i| IdentifierRow {
            id: uuid::Uuid::new_v4().to_string(),
            hash: identifier_hash(&keys, Kind::Phone, &format!("+4477{i:08}")),
            alert_id: alert_id.clone(),
            report_id: None,
            category: "robbery".into(),
            region: "gwent".into(),
            published_on: today.clone(),
        })
        .collect();
    db.blocking(|conn| {
        lookout::db::write_tx(conn, |conn| {
            insert_alert(conn, &alert)?;
            insert(conn, &rows)
        })
    })?;
    Ok(())
}
