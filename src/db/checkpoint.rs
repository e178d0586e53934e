//! SQLite's WAL is copied back into the database file by a thread of its own.
//!
//! Left to itself, SQLite checkpoints inside the commit that makes the WAL pass 1,000 pages,
//! while that commit still holds the one write lock: under a burst of reports a sixth of the
//! writer's time went to checkpoints (and their fsync) during which no report could be stored.
//!
//! A checkpoint beside a busy writer is not enough by itself: the WAL starts again from its
//! beginning only when a write transaction begins with every frame already copied back, which
//! never happens while the writer keeps appending; the WAL then only grew, and once past
//! SQLite's own threshold every commit checkpointed (and fsynced) again. So every
//! [`EVERY`] this thread copies the WAL back without stopping anyone (`PASSIVE`), then, if the
//! WAL has grown past [`RESTART_FRAMES`], holds the writers' lock for a second `PASSIVE` pass,
//! which has only the few frames written meanwhile to copy: the next transaction then starts
//! the WAL from the beginning. SQLite's own checkpoint stays as a backstop at a larger WAL
//! ([`AUTOCHECKPOINT_PAGES`]).

use std::sync::mpsc;
use std::time::Duration;

use diesel::RunQueryDsl;
use diesel::sql_types::Integer;

use super::{DbConn, Pool, SQLITE_WRITER};

/// The WAL size (in 4 KiB pages, about 200 MiB) at which a commit checkpoints by itself: only
/// reached if the checkpoint thread falls behind (under a burst of reports it sees 5,000 to
/// 10,000 new frames between two of its passes).
pub const AUTOCHECKPOINT_PAGES: u32 = 50_000;

/// Past this many frames (about 80 MiB) the WAL is made to start again. The pass that does it
/// holds the writers' lock through two fsyncs (the WAL's, then the database's: about 7 ms each on
/// the benchmark host, up to 20 ms), during which no report can be stored. At 1,000 frames it ran
/// at every tick under a burst of reports and the writer stood still for about a sixth of the
/// time; at this size it runs every second or so (docs/performance.md).
const RESTART_FRAMES: i32 = 20_000;

const EVERY: Duration = Duration::from_millis(100);

/// Stops the thread when dropped.
pub struct Checkpointer {
    _stop: mpsc::Sender<()>,
}

#[derive(diesel::QueryableByName)]
struct Progress {
    /// Frames in the WAL (-1 when it could not be checkpointed at all).
    #[diesel(sql_type = Integer)]
    log: i32,
}

fn passive(conn: &mut DbConn) -> Result<i32, diesel::result::Error> {
    diesel::sql_query("PRAGMA wal_checkpoint(PASSIVE)")
        .get_result::<Progress>(conn)
        .map(|p| p.log)
}

impl Checkpointer {
    pub fn start(pool: Pool) -> std::io::Result<Self> {
        let (stop, stopped) = mpsc::channel::<()>();
        std::thread::Builder::new()
            .name("lookout-sqlite-checkpoint".into())
            .spawn(move || {
                // Woken every EVERY; ends when the sender is dropped (the database is closed).
                while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(EVERY) {
                    let Ok(mut conn) = pool.get() else { continue };
                    let pass = passive(&mut conn).and_then(|frames| {
                        if frames < RESTART_FRAMES {
                            return Ok(());
                        }
                        let _writers = SQLITE_WRITER
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner);
                        passive(&mut conn).map(drop)
                    });
                    if let Err(e) = pass {
                        tracing::warn!(cause = %e, "WAL checkpoint failed; SQLite will retry");
                    }
                }
            })?;
        Ok(Self { _stop: stop })
    }
}
