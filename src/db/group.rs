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
use std::sync::mpsc;

use diesel::RunQueryDsl;
use diesel::connection::SimpleConnection;
use tokio::sync::oneshot;

use super::{DbConn, DbError, Pool, SQLITE_WRITER};

/// At most this many writes share one transaction, so a flood cannot make one commit huge.
const MAX_GROUP: usize = 64;

/// What a write leaves to do once its transaction has ended: answer its caller.
type Finish = Box<dyn FnOnce(Result<(), String>) + Send>;
/// A write, run inside the shared transaction, or told why there is none.
type Job = Box<dyn FnOnce(Start<'_>) -> Finish + Send>;

enum Start<'a> {
    Run(&'a mut DbConn),
    Refused(Refusal),
}

#[derive(Clone)]
enum Refusal {
    PoolTimeout,
    Begin(String),
}

impl From<Refusal> for DbError {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::PoolTimeout => DbError::PoolTimeout,
            Refusal::Begin(cause) => DbError::GroupCommit(cause),
        }
    }
}

pub struct GroupWriter {
    jobs: mpsc::Sender<Job>,
}

impl GroupWriter {
    /// Starts the writing thread. It ends when the last handle is dropped.
    pub fn start(pool: Pool) -> std::io::Result<Self> {
        let (tx, rx) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("lookout-sqlite-writer".into())
            .spawn(move || run(&pool, &rx))?;
        Ok(Self { jobs: tx })
    }

    /// Runs `f` in the next group transaction and answers once that transaction has committed.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + From<diesel::result::Error> + Send + 'static,
    {
        let (answer, answered) = oneshot::channel::<Result<T, E>>();
        let job: Job = Box::new(move |start| {
            let outcome = match start {
                Start::Run(conn) => in_savepoint(conn, f),
                Start::Refused(why) => Err(E::from(DbError::from(why))),
            };
            Box::new(move |committed: Result<(), String>| {
                let _ = answer.send(match (outcome, committed) {
                    (Ok(v), Ok(())) => Ok(v),
                    (Err(e), _) => Err(e),
                    (Ok(_), Err(cause)) => Err(E::from(DbError::GroupCommit(cause))),
                });
            })
        });
        self.jobs
            .send(job)
            .map_err(|_| E::from(DbError::TaskFailed))?;
        // A write that panicked drops its answer unsent: the caller hears that the task failed.
        answered.await.map_err(|_| E::from(DbError::TaskFailed))?
    }
}

/// Runs one write in a savepoint: kept when it succeeds, undone when it fails or panics.
fn in_savepoint<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<DbError>,
{
    // Through diesel's statement cache (prepared once per connection), not parsed per write.
    diesel::sql_query("SAVEPOINT one_write")
        .execute(conn)
        .map_err(|e| E::from(DbError::from(e)))?;
    let outcome = catch_unwind(AssertUnwindSafe(|| f(conn)));
    match outcome {
        Ok(Ok(v)) => match diesel::sql_query("RELEASE one_write").execute(conn) {
            Ok(_) => Ok(v),
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

fn run(pool: &Pool, jobs: &mpsc::Receiver<Job>) {
    while let Ok(first) = jobs.recv() {
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match jobs.try_recv() {
                Ok(job) => group.push(job),
                Err(_) => break,
            }
        }
        commit_group(pool, group);
    }
}

fn commit_group(pool: &Pool, group: Vec<Job>) {
    let refuse = |group: Vec<Job>, why: Refusal| {
        for job in group {
            job(Start::Refused(why.clone()))(Ok(()));
        }
    };
    let Ok(mut conn) = pool.get() else {
        tracing::warn!("no database connection became free in time");
        return refuse(group, Refusal::PoolTimeout);
    };
    let writer = SQLITE_WRITER
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Err(e) = conn.batch_execute("BEGIN IMMEDIATE") {
        drop(writer);
        tracing::error!(cause = %e, "could not begin a group transaction");
        return refuse(group, Refusal::Begin(e.to_string()));
    }
    let mut finishes = Vec::with_capacity(group.len());
    for job in group {
        // A panicking write has been rolled back to its savepoint; its caller hears the task
        // failed (its answer is dropped), the others go on.
        if let Ok(finish) = catch_unwind(AssertUnwindSafe(|| job(Start::Run(&mut conn)))) {
            finishes.push(finish);
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
    if let Err(cause) = &committed {
        tracing::error!(cause = %cause, writes = finishes.len(), "group commit failed");
    }
    for finish in finishes {
        finish(committed.clone());
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use diesel::connection::SimpleConnection;
    use diesel::prelude::*;
    use diesel::sql_types::BigInt;

    use crate::db::{self, DbError};

    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }

    /// Forty writes at once, every fifth failing after it has written: the failures leave
    /// nothing behind and answer their own error, the others are all stored.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_failed_write_is_undone_alone() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("group.db").display());
        let db = db::open(&url, 4, std::time::Duration::from_secs(5), "test-key").unwrap();
        db.blocking(|conn| {
            conn.batch_execute("CREATE TABLE grouped (n BIGINT NOT NULL)")
                .map_err(DbError::from)
        })
        .unwrap();
        let writes = (0..40i64).map(|n| {
            let db = db.clone();
            tokio::spawn(async move {
                db.write_grouped(move |conn| {
                    diesel::sql_query("INSERT INTO grouped (n) VALUES (?)")
                        .bind::<BigInt, _>(n)
                        .execute(conn)?;
                    if n % 5 == 0 {
                        return Err(DbError::TaskFailed);
                    }
                    Ok(n)
                })
                .await
            })
        });
        let answers: Vec<Result<i64, DbError>> = futures_util::future::join_all(writes)
            .await
            .into_iter()
            .map(|joined| joined.unwrap())
            .collect();
        let failed = answers.iter().filter(|a| a.is_err()).count();
        assert_eq!(failed, 8, "exactly the failing writes answer an error");
        let count = |sql: &'static str| {
            db.blocking(move |conn| {
                diesel::sql_query(sql)
                    .get_result::<Count>(conn)
                    .map_err(DbError::from)
            })
            .unwrap()
            .n
        };
        assert_eq!(
            count("SELECT COUNT(*) AS n FROM grouped WHERE n % 5 <> 0"),
            32,
            "every successful write is stored"
        );
        assert_eq!(
            count("SELECT COUNT(*) AS n FROM grouped WHERE n % 5 = 0"),
            0,
            "a failed write leaves nothing behind"
        );
    }
}
