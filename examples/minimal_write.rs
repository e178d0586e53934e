//! The reference for intake: the smallest write the service could make per request. One row
//! inserted in its own transaction (`write_tx`, as every service write), through the same pool
//! and the same `Db::run` (a blocking-pool hop) the service uses, from `CONCURRENCY` tasks at
//! once for `SECONDS`. Intake can be compared to this in the same run.
//!
//!     cargo run --release --example minimal_write -- DATABASE_URL KEY_FILE [CONCURRENCY] [SECONDS]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use lookout::db::{self, DbError};

// A benchmark prints its result.
#[allow(clippy::print_stdout)]
#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage =
        || anyhow::anyhow!("usage: minimal_write DATABASE_URL KEY_FILE [CONCURRENCY] [SECONDS]");
    let url = args.next().ok_or_else(usage)?;
    let key_file = args.next().ok_or_else(usage)?;
    let concurrency: usize = args.next().map_or(Ok(32), |c| c.parse())?;
    let seconds: u64 = args.next().map_or(Ok(10), |s| s.parse())?;
    // The same pool size as the benchmarked service; a throwaway table beside its own.
    let master = lookout::crypto::keys::load_master_key(std::path::Path::new(&key_file))?;
    let keys = lookout::crypto::KeyRing::from_master(&master);
    let pool = db::open(&url, 16, Duration::from_secs(10), keys.master_id())?;
    pool.blocking(|conn| {
        conn.batch_execute(
            "CREATE TABLE IF NOT EXISTS bench_minimal_write (id TEXT PRIMARY KEY, body TEXT NOT NULL)",
        )
        .map_err(DbError::from)
    })?;
    let pool = Arc::new(pool);
    let done = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (pool, done) = (pool.clone(), done.clone());
        tasks.push(tokio::spawn(async move {
            while Instant::now() < deadline {
                let id = uuid::Uuid::new_v4();
                let written: Result<(), DbError> = pool
                    .run(move |conn| {
                        db::write_tx(conn, |conn| {
                            conn.batch_execute(&format!(
                                "INSERT INTO bench_minimal_write (id, body) VALUES ('{id}', 'x')"
                            ))
                            .map_err(DbError::from)
                        })
                    })
                    .await;
                if written.is_ok() {
                    done.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    for t in tasks {
        t.await?;
    }
    let n = done.load(Ordering::Relaxed);
    let secs = started.elapsed().as_secs_f64();
    println!(
        "minimal write (one row, own transaction, concurrency {concurrency}): {:.1} /s ({n} in {secs:.1} s)",
        n as f64 / secs
    );
    pool.blocking(|conn| {
        conn.batch_execute("DROP TABLE bench_minimal_write")
            .map_err(DbError::from)
    })?;
    Ok(())
}
