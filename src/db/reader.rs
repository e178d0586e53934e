//! One SQLite thread for the short, hot reads many clients make at once (client checks).
//!
//! Through the blocking pool, every read is a hand-off to a thread that was asleep: a wake-up
//! there and another back, which on two cores cost more than the indexed lookup itself. This
//! thread keeps one pooled connection and takes reads from a queue: while reads keep coming it
//! never sleeps, so a read costs one hand-off back instead of two. Only reads that are one
//! indexed lookup belong here: they run one after another, so a slow one would hold up the rest.
//! In WAL mode a reader never waits for the writer.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;

use diesel::r2d2::PooledConnection;
use tokio::sync::oneshot;

use super::{DbConn, DbError, Manager, Pool};

type Held = Option<PooledConnection<Manager>>;
type Job = Box<dyn FnOnce(&mut Held, &Pool) + Send>;

pub struct HotReader {
    jobs: mpsc::Sender<Job>,
}

impl HotReader {
    /// Starts the thread; it ends when the last handle is dropped.
    pub fn start(pool: Pool) -> std::io::Result<Self> {
        let (tx, rx) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("lookout-sqlite-reader".into())
            .spawn(move || {
                let mut held: Held = None;
                while let Ok(job) = rx.recv() {
                    job(&mut held, &pool);
                }
            })?;
        Ok(Self { jobs: tx })
    }

    /// Runs `f` on the reader's connection, taken from the pool on first use and again after a
    /// read that failed (so a connection fails exactly as it does for [`super::Db::run`]).
    pub async fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let (answer, answered) = oneshot::channel::<Result<T, E>>();
        let job: Job = Box::new(move |held: &mut Held, pool: &Pool| {
            let mut conn = match held.take() {
                Some(c) => c,
                None => match pool.get() {
                    Ok(c) => c,
                    Err(_) => {
                        let _ = answer.send(Err(E::from(DbError::PoolTimeout)));
                        return;
                    }
                },
            };
            // A panic answers nothing (the caller hears that the task failed) and gives the
            // connection back to the pool, which drops it if it is broken.
            if let Ok(outcome) = catch_unwind(AssertUnwindSafe(|| f(&mut conn))) {
                if outcome.is_ok() {
                    *held = Some(conn);
                }
                let _ = answer.send(outcome);
            }
        });
        self.jobs
            .send(job)
            .map_err(|_| E::from(DbError::TaskFailed))?;
        answered.await.map_err(|_| E::from(DbError::TaskFailed))?
    }
}

#[cfg(test)]
mod tests {
    use diesel::RunQueryDsl;
    use diesel::connection::SimpleConnection;
    use diesel::sql_types::BigInt;

    use crate::db::{self, Db, DbError};

    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }

    fn count(conn: &mut db::DbConn) -> Result<i64, DbError> {
        Ok(diesel::sql_query("SELECT COUNT(*) AS n FROM seen")
            .get_result::<Count>(conn)?
            .n)
    }

    /// Reads see what was committed through the pool; a read that panics answers that the task
    /// failed and one that fails answers its error, and in both cases the reader goes on.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_reader_sees_commits_and_outlives_failed_reads() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("reader.db").display());
        let db: Db = db::open(&url, 4, std::time::Duration::from_secs(5), "test-key").unwrap();
        db.blocking(|conn| {
            conn.batch_execute("CREATE TABLE seen (n BIGINT NOT NULL)")
                .map_err(DbError::from)
        })
        .unwrap();
        assert_eq!(db.read_hot(count).await.unwrap(), 0);
        for n in 1..=3 {
            db.run(move |conn| {
                conn.batch_execute(&format!("INSERT INTO seen VALUES ({n})"))
                    .map_err(DbError::from)
            })
            .await
            .unwrap();
            assert_eq!(db.read_hot(count).await.unwrap(), n, "after {n} commits");
        }

        let panicked = db
            .read_hot(|_conn| -> Result<(), DbError> { panic!("a read that panics") })
            .await;
        assert!(matches!(panicked, Err(DbError::TaskFailed)));
        let failed = db
            .read_hot(|conn| {
                diesel::sql_query("SELECT n FROM no_such_table")
                    .execute(conn)
                    .map_err(DbError::from)
            })
            .await;
        assert!(
            matches!(&failed, Err(DbError::Query(e)) if e.to_string().contains("no_such_table")),
            "{failed:?}"
        );
        assert_eq!(db.read_hot(count).await.unwrap(), 3, "the reader goes on");
    }
}
