//! Group commit for SQLite: concurrent writes of the same kind share one transaction.
//!
//! SQLite writes one transaction at a time, and most of a small transaction's cost is its
//! beginning and its commit (the WAL frames of every page it touched, now and then a
//! checkpoint). New reports arrive independently and each touches the same few pages, so one
//! thread takes every write that is waiting, runs each inside its own savepoint of one
//! transaction, and commits once. A write that fails is rolled back to its savepoint and
//! answers its own error; the others still commit. Nobody hears "stored" before the commit
//! that stores them has succeeded: if it fails, every write in it answers the error.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::mpsc;

use diesel::connection::SimpleConnection;
use tokio::sync::oneshot;

use super::{DbConn, DbError, SQLITE_WRITER};

/// At most this many writes share one transaction, so a flood cannot make one commit huge.
const MAX_GROUP: usize = 64;

/// One write waiting for a group: run (perhaps twice, see [`commit_group`]), then answered.
trait Pending: Send {
    /// Runs the write in the open transaction, in a savepoint of its own when `alone`, and
    /// keeps its outcome. False when it failed or panicked.
    fn run(&mut self, conn: &mut DbConn, alone: bool) -> bool;
    /// Answers the caller once the transaction has ended (`committed` is the commit's outcome).
    fn finish(self: Box<Self>, committed: Result<(), String>);
}

struct Write<F, T, E> {
    f: F,
    /// None until run; also None after a panic, whose caller hears that the task failed.
    outcome: Option<Result<T, E>>,
    answer: oneshot::Sender<Result<T, E>>,
}

impl<F, T, E> Pending for Write<F, T, E>
where
    F: FnMut(&mut DbConn) -> Result<T, E> + Send,
    T: Send,
    E: From<DbError> + Send,
{
    fn run(&mut self, conn: &mut DbConn, alone: bool) -> bool {
        self.outcome = None;
        let f = &mut self.f;
        let ran = catch_unwind(AssertUnwindSafe(|| {
            if alone {
                in_savepoint(conn, f)
            } else {
                f(conn)
            }
        }));
        let ok = matches!(ran, Ok(Ok(_)));
        self.outcome = ran.ok();
        ok
    }

    fn finish(self: Box<Self>, committed: Result<(), String>) {
        let Some(outcome) = self.outcome else {
            return; // panicked: the dropped sender tells the caller
        };
        let _ = self.answer.send(match (outcome, committed) {
            (Ok(v), Ok(())) => Ok(v),
            (Err(e), _) => Err(e),
            (Ok(_), Err(cause)) => Err(E::from(DbError::GroupCommit(cause))),
        });
    }
}

/// A write the group thread could not even start, told why.
trait Refuse {
    fn refuse(self: Box<Self>, why: DbError);
}

impl<F, T, E> Refuse for Write<F, T, E>
where
    E: From<DbError>,
{
    fn refuse(self: Box<Self>, why: DbError) {
        let _ = self.answer.send(Err(E::from(why)));
    }
}

trait Job: Pending + Refuse {}
impl<J: Pending + Refuse> Job for J {}

pub struct GroupWriter {
    jobs: mpsc::Sender<Box<dyn Job>>,
}

impl GroupWriter {
    /// Starts the writing thread, with a connection of its own (its page cache stays warm: no
    /// other connection writes between its transactions). It ends when the last handle is dropped.
    pub fn start(path: PathBuf) -> std::io::Result<Self> {
        let (tx, rx) = mpsc::channel::<Box<dyn Job>>();
        std::thread::Builder::new()
            .name("lookout-sqlite-writer".into())
            .spawn(move || run(&path, &rx))?;
        Ok(Self { jobs: tx })
    }

    /// Runs `f` in the next group transaction and answers once that transaction has committed.
    /// `f` may run twice (the first run undone): it must do nothing outside the transaction.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnMut(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + From<diesel::result::Error> + Send + 'static,
    {
        let (answer, answered) = oneshot::channel::<Result<T, E>>();
        let job = Box::new(Write {
            f,
            outcome: None,
            answer,
        });
        self.jobs
            .send(job)
            .map_err(|_| E::from(DbError::TaskFailed))?;
        // A write that panicked drops its answer unsent: the caller hears that the task failed.
        answered.await.map_err(|_| E::from(DbError::TaskFailed))?
    }
}

/// Runs one write in a savepoint: kept when it succeeds, undone when it fails or panics.
fn in_savepoint<T, E, F>(conn: &mut DbConn, f: &mut F) -> Result<T, E>
where
    F: FnMut(&mut DbConn) -> Result<T, E>,
    E: From<DbError>,
{
    // Savepoints are taken only when a group runs again after a failure: not the common path.
    conn.batch_execute("SAVEPOINT one_write")
        .map_err(|e| E::from(DbError::from(e)))?;
    let outcome = catch_unwind(AssertUnwindSafe(|| f(conn)));
    match outcome {
        Ok(Ok(v)) => match conn.batch_execute("RELEASE one_write") {
            Ok(()) => Ok(v),
            Err(e) => {
                // Told it failed, so it must not be committed with the others.
                let _ = conn.batch_execute("ROLLBACK TO one_write; RELEASE one_write");
                Err(E::from(DbError::from(e)))
            }
        },
        Ok(Err(e)) => {
            let _ = conn.batch_execute("ROLLBACK TO one_write; RELEASE one_write");
            Err(e)
        }
        Err(panic) => {
            let _ = conn.batch_execute("ROLLBACK TO one_write; RELEASE one_write");
            std::panic::resume_unwind(panic)
        }
    }
}

fn run(path: &std::path::Path, jobs: &mpsc::Receiver<Box<dyn Job>>) {
    let mut conn: Option<DbConn> = None;
    while let Ok(first) = jobs.recv() {
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match jobs.try_recv() {
                Ok(job) => group.push(job),
                Err(_) => break,
            }
        }
        let open = match conn.take() {
            Some(c) => Ok(c),
            None => super::open_sqlite(path).map(DbConn::Sqlite),
        };
        match open {
            Ok(mut c) => {
                if commit_group(&mut c, group) {
                    conn = Some(c);
                }
            }
            Err(e) => {
                tracing::error!(cause = %e, "the group writer could not open the database");
                for job in group {
                    job.refuse(DbError::GroupCommit(e.to_string()));
                }
            }
        }
    }
}

/// Commits a group. Every write first runs without a savepoint (a savepoint copies each page
/// it touches into a sub-journal, a tenth of the writer's time); if any fails, that attempt is
/// rolled back whole and every write runs again, each in its own savepoint, so a failure undoes
/// only itself. Returns false when the connection should not be used again.
fn commit_group(conn: &mut DbConn, mut group: Vec<Box<dyn Job>>) -> bool {
    let writer = SQLITE_WRITER
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let begin = |conn: &mut DbConn| conn.batch_execute("BEGIN IMMEDIATE");
    if let Err(e) = begin(conn) {
        drop(writer);
        tracing::error!(cause = %e, "could not begin a group transaction");
        for job in group {
            job.refuse(DbError::GroupCommit(e.to_string()));
        }
        return false;
    }
    let mut all_ran = true;
    for job in &mut group {
        all_ran &= job.run(conn, false);
        if !all_ran {
            break;
        }
    }
    if !all_ran {
        let again = conn.batch_execute("ROLLBACK").and_then(|()| begin(conn));
        if let Err(e) = again {
            drop(writer);
            tracing::error!(cause = %e, "could not begin a group transaction again");
            for job in group {
                job.refuse(DbError::GroupCommit(e.to_string()));
            }
            return false;
        }
        for job in &mut group {
            job.run(conn, true);
        }
    }
    let committed = match conn.batch_execute("COMMIT") {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = conn.batch_execute("ROLLBACK");
            Err(e.to_string())
        }
    };
    drop(writer);
    let healthy = committed.is_ok();
    if let Err(cause) = &committed {
        tracing::error!(cause = %cause, writes = group.len(), "group commit failed");
    }
    for job in group {
        job.finish(committed.clone());
    }
    healthy
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use diesel::connection::SimpleConnection;
    use diesel::prelude::*;
    use diesel::sql_types::BigInt;

    use crate::db::{self, Db, DbError};

    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }

    /// A new SQLite database with one table, `grouped (n)`.
    fn grouped_db() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("group.db").display());
        let db = db::open(&url, 4, std::time::Duration::from_secs(5), "test-key").unwrap();
        db.blocking(|conn| {
            conn.batch_execute("CREATE TABLE grouped (n BIGINT NOT NULL)")
                .map_err(DbError::from)
        })
        .unwrap();
        (dir, db)
    }

    /// Writes 0..writes at once, each inserting its number and then calling `after_insert`;
    /// returns each write's answer, in order.
    async fn write_each(
        db: &Db,
        writes: i64,
        after_insert: fn(i64) -> Result<(), DbError>,
    ) -> Vec<Result<i64, DbError>> {
        let writes = (0..writes).map(|n| {
            let db = db.clone();
            tokio::spawn(async move {
                db.write_grouped(move |conn| {
                    diesel::sql_query("INSERT INTO grouped (n) VALUES (?)")
                        .bind::<BigInt, _>(n)
                        .execute(conn)?;
                    after_insert(n).map(|()| n)
                })
                .await
            })
        });
        futures_util::future::join_all(writes)
            .await
            .into_iter()
            .map(|joined| joined.unwrap())
            .collect()
    }

    fn count(db: &Db, sql: &'static str) -> i64 {
        db.blocking(move |conn| {
            diesel::sql_query(sql)
                .get_result::<Count>(conn)
                .map_err(DbError::from)
        })
        .unwrap()
        .n
    }

    /// Forty writes at once, every fifth failing after it has written: the failures leave
    /// nothing behind and answer their own error, the others are all stored.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_failed_write_is_undone_alone() {
        let (_dir, db) = grouped_db();
        let answers = write_each(&db, 40, |n| {
            if n % 5 == 0 {
                return Err(DbError::TaskFailed);
            }
            Ok(())
        })
        .await;
        let failed = answers.iter().filter(|a| a.is_err()).count();
        assert_eq!(failed, 8, "exactly the failing writes answer an error");
        assert_eq!(
            count(&db, "SELECT COUNT(*) AS n FROM grouped WHERE n % 5 <> 0"),
            32,
            "every successful write is stored"
        );
        assert_eq!(
            count(&db, "SELECT COUNT(*) AS n FROM grouped WHERE n % 5 = 0"),
            0,
            "a failed write leaves nothing behind"
        );
    }

    /// A write that panics after it has written is undone alone: its caller hears the task
    /// failed, the writes grouped with it are stored, and the writer goes on.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_panicking_write_is_undone_alone() {
        let (_dir, db) = grouped_db();
        let answers = write_each(&db, 12, |n| {
            assert_ne!(n, 7, "write 7 panics after writing");
            Ok(())
        })
        .await;
        assert!(matches!(answers[7], Err(DbError::TaskFailed)));
        assert_eq!(answers.iter().filter(|a| a.is_ok()).count(), 11);
        assert_eq!(
            count(&db, "SELECT COUNT(*) AS n FROM grouped WHERE n <> 7"),
            11,
            "the other writes are stored"
        );
        let after = db
            .write_grouped(|conn| {
                diesel::sql_query("SELECT COUNT(*) AS n FROM grouped WHERE n = 7")
                    .get_result::<Count>(conn)
                    .map_err(DbError::from)
            })
            .await
            .unwrap();
        assert_eq!(
            after.n, 0,
            "the panicking write left nothing, and the writer still works"
        );
    }
}
