//! SQLite's WAL is copied back into the database file by a thread of its own.
//!
//! Left to itself, SQLite checkpoints inside the commit that makes the WAL pass 1,000 pages,
//! while that commit still holds the one write lock: under a burst of reports a sixth of the
//! writer's time went to checkpoints (and their fsync) during which no report could be stored.
//! Here a `PASSIVE` checkpoint runs every second beside the writers, never blocking them;
//! SQLite's own checkpoint stays as a backstop at a larger WAL (`AUTOCHECKPOINT_PAGES`).

use std::sync::mpsc;
use std::time::Duration;

use diesel::connection::SimpleConnection;

use super::Pool;

/// The WAL size (in 4 KiB pages, about 40 MiB) at which a commit checkpoints by itself: only
/// reached if the checkpoint thread falls behind.
pub const AUTOCHECKPOINT_PAGES: u32 = 10_000;

const EVERY: Duration = Duration::from_secs(1);

/// Stops the thread when dropped.
pub struct Checkpointer {
    _stop: mpsc::Sender<()>,
}

impl Checkpointer {
    pub fn start(pool: Pool) -> std::io::Result<Self> {
        let (stop, stopped) = mpsc::channel::<()>();
        std::thread::Builder::new()
            .name("lookout-sqlite-checkpoint".into())
            .spawn(move || {
                // Woken every second; ends when the sender is dropped (the database is closed).
                while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(EVERY) {
                    if let Ok(mut conn) = pool.get()
                        && let Err(e) = conn.batch_execute("PRAGMA wal_checkpoint(PASSIVE);")
                    {
                        tracing::warn!(cause = %e, "WAL checkpoint failed; SQLite will retry");
                    }
                }
            })?;
        Ok(Self { _stop: stop })
    }
}
