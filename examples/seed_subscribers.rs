//! Benchmark set-up: inserts N confirmed subscribers (addresses sealed under the service's key,
//! exactly as subscribing would store them) and a caseworker account, using the same settings
//! as `lookout serve` (`--config`-less: defaults plus `LOOKOUT__*` variables).
//!
//!     cargo run --release --example seed_subscribers -- 10000
//!
//! Prints `caseworker EMAIL PASSWORD` for the benchmark script to log in with.

use std::time::Duration;

use lookout::crypto::records::Direct;
use lookout::crypto::{KeyRing, keys};
use lookout::db::alerts::{SubscriberRow, insert_subscriber};
use lookout::services::staff::{self, Role};
use lookout::settings::Settings;

#[allow(clippy::print_stdout)]
fn main() -> anyhow::Result<()> {
    let n: usize = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "10000".into())
        .parse()?;
    let settings = Settings::load(None)?;
    let keys = KeyRing::from_master(&keys::load_master_key(&settings.keys.master_key_file)?);
    let db = lookout::db::open(
        settings.database.url.expose(),
        1,
        Duration::from_secs(10),
        keys.master_id(),
    )?;
    let key_id = keys.direct_key_id(Direct::SubscriberEmail).to_string();
    let today = lookout::clock::today_string();
    db.blocking(|conn| {
        lookout::db::write_tx(conn, |conn| {
            for i in 0..n {
                let email = format!("bench{i:06}@sink.test");
                let id = lookout::domain::SubscriberId::random();
                let row = SubscriberRow {
                    email_index: lookout::services::subscriptions::email_index(&keys, &email),
                    key_id: key_id.clone(),
                    email: keys
                        .seal_direct(Direct::SubscriberEmail, &id, email.as_bytes())
                        .map_err(|_| lookout::db::DbError::TaskFailed)?,
                    id,
                    regions: "[\"south-wales\"]".into(),
                    categories: None,
                    language: "en".into(),
                    status: lookout::domain::SubscriberStatus::Confirmed,
                    created_on: today.clone(),
                };
                insert_subscriber(conn, &row)?;
            }
            Ok::<_, lookout::db::DbError>(())
        })
    })?;
    let email = format!("bench-{}@lookout.test", uuid::Uuid::new_v4().simple());
    let password = "benchmark caseworker password";
    let row = staff::new_staff_row(&keys, &email, Role::Caseworker, password, false)
        .map_err(|e| anyhow::anyhow!("{:?}", e.kind()))?;
    db.blocking(|conn| {
        staff::insert_staff(
            conn,
            keys.get(lookout::crypto::Purpose::Audit),
            &row,
            &lookout::domain::Actor::Operator,
        )
    })
    .map_err(|e| anyhow::anyhow!("{:?}", e.kind()))?;
    println!("caseworker {email} {password}");
    Ok(())
}
