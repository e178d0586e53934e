//! Storage: one codebase on SQLite (the embedded default) and PostgreSQL (production).
//!
//! The backend is chosen by the URL scheme in our own r2d2 manager. diesel's own
//! `MultiConnection::establish` is deliberately not used: it guesses the backend and opens a
//! temporary SQLite database for an empty URL, which would silently lose every report.
//! Nothing above this module writes SQL.
//!
//! A lookup by a unique key reads with `get_result`, not `first`: `first` binds `LIMIT ?`, and
//! SQLite (3.48 and later) plans around a bound LIMIT's value, so a statement with one is
//! compiled again every time it runs. On the check path that was a third of the time.
//! Queries that need a LIMIT (paging, polling for any one due row) keep it.

/// Runs `$body` with `$c` bound to the backend's own connection, for the hot queries (a check,
/// a receipt lookup, a report's inserts). Through `DbConn` itself, diesel's `MultiConnection`
/// wraps every query in a type whose `walk_ast` renders the whole SQL text again on each
/// execution, cached statement or not (identifier quoting, string building: about a tenth of a
/// check). On the concrete connection a cached statement is found by its type and only bound.
/// `$body` is written once and compiled for each backend, so the two cannot drift apart.
macro_rules! on_backend {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::db::DbConn::Postgres($c) => $body,
            $crate::db::DbConn::Sqlite($c) => $body,
        }
    };
}

pub mod alerts;
pub mod audit;
mod checkpoint;
pub mod checks;
pub mod exceptions;
mod fixed;
mod group;
mod ids;
mod reader;
pub mod register;
pub mod reports;
pub mod schema;
pub mod staff;
pub mod statistics;
pub mod tally;

use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self as dr2d2, ManageConnection, R2D2Connection};
use diesel::{PgConnection, SqliteConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::secret::SensitiveString;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// One connection to either backend.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

impl DbConn {
    /// The escape hatch for the few places where the dialects differ.
    pub fn backend(&self) -> Backend {
        match self {
            DbConn::Postgres(_) => Backend::Postgres,
            DbConn::Sqlite(_) => Backend::Sqlite,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database.url must start with sqlite:// or postgres:// (it starts with neither)")]
    UnknownScheme,
    #[error("database.url `sqlite://` names no file; use e.g. sqlite://data/lookout.db")]
    EmptySqlitePath,
    #[error("cannot open the SQLite database at {path}: {cause}")]
    SqliteOpen { path: String, cause: String },
    #[error("cannot connect to PostgreSQL: {0}")]
    PostgresOpen(String),
    #[error("cannot apply database migrations: {0}")]
    Migration(String),
    #[error(
        "this database was created with another master key (its key ids: {known}; this key's id: {current}). Start with the key file that belongs to this database; with the wrong key no report could be read"
    )]
    WrongMasterKey { known: String, current: String },
    #[error("no database connection became free in time")]
    PoolTimeout,
    #[error("database query failed: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("a database task stopped unexpectedly")]
    TaskFailed,
    #[error("a group transaction failed: {0}")]
    GroupCommit(String),
}

/// Where to connect, parsed from `database.url`.
#[derive(Debug, Clone)]
pub enum Target {
    Sqlite(PathBuf),
    Postgres(SensitiveString),
}

/// The URL with `gssencmode=disable` added, unless it already says what it wants. With libpq's
/// default (`prefer`) every new connection first asks Kerberos for credentials. libkrb5 tears its
/// mutexes down when the process exits, and a pool thread still connecting at that moment makes
/// it abort the process (`k5_mutex_lock: Assertion 'r == 0' failed`; diesel issue 3226): seen
/// here at the end of a test run that had passed. Lookout does not use Kerberos; a deployment
/// that wants GSSAPI encryption says `gssencmode=require` in its URL and keeps it.
fn without_gss_probe(url: &str) -> String {
    match url.split_once('?') {
        None => format!("{url}?gssencmode=disable"),
        Some((_, "")) => format!("{url}gssencmode=disable"),
        Some((_, query)) if query.split('&').any(|pair| pair.starts_with("gssencmode=")) => {
            url.to_string()
        }
        Some(_) => format!("{url}&gssencmode=disable"),
    }
}

impl Target {
    pub fn parse(url: &str) -> Result<Self, DbError> {
        let url = url.trim();
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(DbError::EmptySqlitePath);
            }
            return Ok(Target::Sqlite(PathBuf::from(path)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Target::Postgres(SensitiveString::new(without_gss_probe(
                url,
            ))));
        }
        Err(DbError::UnknownScheme)
    }

    pub fn backend(&self) -> Backend {
        match self {
            Target::Sqlite(_) => Backend::Sqlite,
            Target::Postgres(_) => Backend::Postgres,
        }
    }
}

/// r2d2 manager that opens the backend the URL names and sets each SQLite connection up safely.
#[derive(Debug)]
pub struct Manager {
    target: Target,
}

impl Manager {
    fn open(&self) -> Result<DbConn, DbError> {
        match &self.target {
            Target::Sqlite(path) => open_sqlite(path).map(DbConn::Sqlite),
            Target::Postgres(url) => PgConnection::establish(url.expose())
                .map(DbConn::Postgres)
                .map_err(|e| DbError::PostgresOpen(e.to_string().trim().to_string())),
        }
    }
}

/// The database file, its WAL and its shared-memory index readable by the service's user only.
/// SQLite creates the WAL and `-shm` files with the database file's permissions, so creating the
/// database 0600 before SQLite opens it covers all three; files left 0644 by an older release are
/// narrowed here.
fn owner_only(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    if path.as_os_str() == ":memory:" {
        return Ok(());
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)?;
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let mut shm = path.as_os_str().to_owned();
    shm.push("-shm");
    for file in [path.as_os_str(), &wal, &shm] {
        let Ok(meta) = std::fs::metadata(file) else {
            continue;
        };
        if meta.permissions().mode() & 0o077 != 0 {
            std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600))?;
        }
    }
    Ok(())
}

fn open_sqlite(path: &Path) -> Result<SqliteConnection, DbError> {
    let fail = |cause: String| DbError::SqliteOpen {
        path: path.display().to_string(),
        cause,
    };
    if let Some(parent) = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && !p.exists())
    {
        // Only the service's user needs the data folder.
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)
            .map_err(|e| fail(e.to_string()))?;
    }
    let location = path
        .to_str()
        .ok_or_else(|| fail("the path is not UTF-8".into()))?;
    owner_only(path).map_err(|e| fail(e.to_string()))?;
    let mut conn = SqliteConnection::establish(location).map_err(|e| fail(e.to_string()))?;
    // busy_timeout first, so the WAL switch itself waits for other connections instead of failing.
    // secure_delete overwrites deleted rows, so a shredded report key is really gone from the file.
    conn.batch_execute(
        "PRAGMA busy_timeout = 10000;
         PRAGMA journal_mode = WAL;
         PRAGMA synchronous = NORMAL;
         PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;",
    )
    .map_err(|e| fail(e.to_string()))?;
    conn.batch_execute(&format!(
        "PRAGMA wal_autocheckpoint = {};",
        checkpoint::AUTOCHECKPOINT_PAGES
    ))
    .map_err(|e| fail(e.to_string()))?;
    Ok(conn)
}

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = dr2d2::Error;

    fn connect(&self) -> Result<DbConn, dr2d2::Error> {
        self.open().map_err(|e| {
            dr2d2::Error::ConnectionError(diesel::ConnectionError::BadConnection(e.to_string()))
        })
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), dr2d2::Error> {
        conn.ping().map_err(dr2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        std::thread::panicking() || conn.is_broken()
    }
}

pub type Pool = dr2d2::Pool<Manager>;

/// The pool, and the bridge from async handlers to blocking diesel calls.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    backend: Backend,
    /// SQLite only: the threads that commit concurrent writes together ([`Db::write_grouped`])
    /// and checkpoint the WAL beside the writers. They end with the last clone.
    sqlite: Option<std::sync::Arc<SqliteThreads>>,
}

struct SqliteThreads {
    group: group::GroupWriter,
    reader: reader::HotReader,
    _checkpointer: checkpoint::Checkpointer,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("backend", &self.backend)
            .finish()
    }
}

/// Opens the database, applies pending migrations and checks the master key belongs to it.
/// The first connection is made directly, so a failure names its cause (r2d2 would only time out).
pub fn open(
    url: &str,
    pool_size: u32,
    timeout: Duration,
    master_key_id: &str,
) -> Result<Db, DbError> {
    let target = Target::parse(url)?;
    let backend = target.backend();
    let sqlite_path = match &target {
        Target::Sqlite(path) => Some(path.clone()),
        Target::Postgres(_) => None,
    };
    let manager = Manager { target };
    let mut first = manager.open()?;
    run_migrations(&mut first)?;
    check_master_key(&mut first, master_key_id)?;
    drop(first);
    let pool = dr2d2::Pool::builder()
        .max_size(pool_size)
        .min_idle(Some(1))
        // No `SELECT 1` before every use: it doubled the statements per request (a round trip
        // on PostgreSQL). A connection a query finds broken is dropped by `has_broken` instead,
        // so after a database restart only the request that meets a dead connection fails.
        .test_on_check_out(false)
        .connection_timeout(timeout)
        .build_unchecked(manager);
    let sqlite = match sqlite_path {
        Some(path) => {
            let thread_failed = |e: std::io::Error| DbError::SqliteOpen {
                path: "(a database thread)".into(),
                cause: e.to_string(),
            };
            Some(std::sync::Arc::new(SqliteThreads {
                group: group::GroupWriter::start(path).map_err(thread_failed)?,
                reader: reader::HotReader::start(pool.clone()).map_err(thread_failed)?,
                _checkpointer: checkpoint::Checkpointer::start(pool.clone())
                    .map_err(thread_failed)?,
            }))
        }
        None => None,
    };
    Ok(Db {
        pool,
        backend,
        sqlite,
    })
}

/// Applies pending migrations and returns the versions applied (empty when up to date).
pub fn migrate(url: &str) -> Result<Vec<String>, DbError> {
    let manager = Manager {
        target: Target::parse(url)?,
    };
    let mut conn = manager.open()?;
    run_migrations(&mut conn)
}

fn run_migrations(conn: &mut DbConn) -> Result<Vec<String>, DbError> {
    let to_strings = |v: Vec<diesel::migration::MigrationVersion<'_>>| {
        v.iter().map(|m| m.to_string()).collect::<Vec<_>>()
    };
    let migration_error =
        |e: Box<dyn std::error::Error + Send + Sync>| DbError::Migration(e.to_string());
    match conn {
        DbConn::Sqlite(c) => c
            .run_pending_migrations(SQLITE_MIGRATIONS)
            .map(to_strings)
            .map_err(migration_error),
        DbConn::Postgres(c) => {
            // Several instances starting together must not race through the same migration.
            c.batch_execute("SELECT pg_advisory_lock(7468657);")?;
            let result = c
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(to_strings)
                .map_err(migration_error);
            c.batch_execute("SELECT pg_advisory_unlock(7468657);")?;
            result
        }
    }
}

/// Records the master key's id on first start; afterwards refuses a key the database has not seen.
fn check_master_key(conn: &mut DbConn, key_id: &str) -> Result<(), DbError> {
    use schema::master_keys::dsl as mk;
    let known: Vec<String> = mk::master_keys.select(mk::key_id).load(conn)?;
    if known.iter().any(|k| k == key_id) {
        return Ok(());
    }
    if !known.is_empty() {
        return Err(DbError::WrongMasterKey {
            known: known.join(", "),
            current: key_id.to_string(),
        });
    }
    diesel::insert_into(mk::master_keys)
        .values((
            mk::key_id.eq(key_id),
            mk::added_on.eq(crate::clock::today_string()),
        ))
        .execute(conn)?;
    Ok(())
}

/// SQLite lets one connection write at a time. Writers of this process queue here, and the next
/// one starts the moment the last commits; left to SQLite's busy handler they would poll in
/// sleeps of 1 to 100 ms (at 32 concurrent reports: a third of the rate, 0.4 s at p99). One lock
/// for every SQLite database in the process: a service opens one; the test binary opens many,
/// whose transactions are short. Other processes (the CLI) still meet the busy timeout.
pub(crate) static SQLITE_WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// A write transaction. On SQLite it begins `IMMEDIATE`, taking the write lock up front: a
/// deferred transaction that reads and then writes fails with SQLITE_BUSY when another writer
/// got in between, which the busy timeout cannot cure.
pub fn write_tx<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<DbError> + From<diesel::result::Error>,
{
    match conn.backend() {
        Backend::Postgres => conn.transaction(f),
        Backend::Sqlite => {
            // A panic inside another transaction poisons nothing here: the lock guards no data.
            let _writer = SQLITE_WRITER
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            conn.batch_execute("BEGIN IMMEDIATE")
                .map_err(|e| E::from(DbError::from(e)))?;
            match f(conn) {
                Ok(v) => match conn.batch_execute("COMMIT") {
                    Ok(()) => Ok(v),
                    Err(e) => {
                        let _ = conn.batch_execute("ROLLBACK");
                        Err(E::from(DbError::from(e)))
                    }
                },
                Err(e) => {
                    let _ = conn.batch_execute("ROLLBACK");
                    Err(e)
                }
            }
        }
    }
}

/// After a deletion that must really destroy data (crypto-shredding), move the WAL's pages into
/// the main file and empty the WAL, so old page images holding the deleted rows do not linger in
/// it. `secure_delete` has already zeroed them in the main file. Best effort: a busy database
/// is checkpointed again later by SQLite itself.
pub fn flush_deleted(conn: &mut DbConn) {
    if conn.backend() == Backend::Sqlite {
        let _ = conn.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);");
    }
}

impl Db {
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Runs blocking database work off the async workers (actix runs one single-threaded
    /// runtime per worker, so blocking there would stall every request on it).
    pub async fn run<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|_| E::from(DbError::PoolTimeout))?;
            f(&mut conn)
        })
        .await
        .map_err(|_| E::from(DbError::TaskFailed))?
    }

    /// A read that is one indexed lookup, made by many clients at once (a client check). On
    /// SQLite it runs on a reader thread of its own that stays awake while reads keep coming
    /// (`db::reader`), instead of waking a pooled thread for each; on PostgreSQL, [`Db::run`].
    pub async fn read_hot<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        match &self.sqlite {
            Some(threads) => threads.reader.read(f).await,
            None => self.run(f).await,
        }
    }

    /// A write transaction ([`write_tx`]) for writes that arrive many at once and touch the same
    /// pages (new reports). On SQLite, writes waiting at the same time share one transaction,
    /// each in its own savepoint (`db::group`): the answer still comes only after the commit.
    /// On PostgreSQL, which writes concurrently, it is [`write_tx`] on a pooled connection.
    /// `f` may run twice on SQLite, the first run rolled back (see `db::group`): it may touch
    /// nothing but the database.
    pub async fn write_grouped<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnMut(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + From<diesel::result::Error> + Send + 'static,
    {
        match &self.sqlite {
            Some(threads) => threads.group.write(f).await,
            None => self.run(move |conn| write_tx(conn, f)).await,
        }
    }

    /// [`Db::write_grouped`] for a write that is a single statement on PostgreSQL, atomic by
    /// itself: there it runs without `BEGIN` and `COMMIT`, one round trip instead of three. On
    /// SQLite it is [`Db::write_grouped`].
    pub async fn write_grouped_alone<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnMut(&mut DbConn) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + From<diesel::result::Error> + Send + 'static,
    {
        match &self.sqlite {
            Some(threads) => threads.group.write(f).await,
            None => self.run(f).await,
        }
    }

    /// For command-line tools, which have no async runtime to keep responsive.
    pub fn blocking<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConn) -> Result<T, E>,
        E: From<DbError>,
    {
        let mut conn = self.pool.get().map_err(|_| E::from(DbError::PoolTimeout))?;
        f(&mut conn)
    }

    /// A cheap liveness query for `/health`.
    pub async fn ping(&self) -> Result<(), DbError> {
        self.run(|conn| conn.ping().map_err(DbError::from)).await
    }
}

impl DbError {
    /// Whether the database is out of reach or out of space for now, rather than the request or
    /// the code being wrong: no free connection, the server restarting or refusing connections,
    /// a connection it closed, a full disk. Such failures are answered 503 so clients try again,
    /// and nothing was stored (or, for a commit whose reply was lost, stored once; never reported
    /// as stored when it was not).
    pub fn is_temporary(&self) -> bool {
        use diesel::result::{DatabaseErrorKind, Error};
        match self {
            DbError::PoolTimeout | DbError::PostgresOpen(_) => true,
            DbError::Query(Error::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                _,
            )) => true,
            DbError::Query(Error::DatabaseError(_, info)) => temporary_message(info.message()),
            DbError::GroupCommit(cause) => temporary_message(cause),
            _ => false,
        }
    }
}

/// diesel reports neither SQLite's result code nor every PostgreSQL SQLSTATE, so these are told
/// apart by the messages the two servers give them (stable for decades in both).
fn temporary_message(message: &str) -> bool {
    const TEMPORARY: [&str; 7] = [
        // SQLite: SQLITE_FULL and SQLITE_IOERR (what a full disk gives while writing the WAL).
        "database or disk is full",
        "disk I/O error",
        // PostgreSQL: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now.
        "terminating connection due to administrator command",
        "terminating connection because of crash of another server process",
        "the database system is",
        // libpq, when the server went away mid-query.
        "server closed the connection unexpectedly",
        "no connection to the server",
    ];
    TEMPORARY.iter().any(|t| message.contains(t))
}

/// A database failure as the core reports it: a temporary one (see [`DbError::is_temporary`]) is
/// a refusal (503) with its cause logged as a warning; anything else a fault whose cause is logged
/// (neither ever holds request content: queries are parameterised and diesel's errors name no
/// values).
impl From<DbError> for crate::domain::Error {
    fn from(e: DbError) -> Self {
        use crate::domain::{Error, ErrorKind};
        if e.is_temporary() {
            tracing::warn!(cause = %e, "the database is unavailable");
            return Error::new(ErrorKind::Unavailable);
        }
        Error::internal(e.to_string())
    }
}

impl From<diesel::result::Error> for crate::domain::Error {
    fn from(e: diesel::result::Error) -> Self {
        crate::domain::Error::from(DbError::from(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_urls_skip_the_kerberos_probe_unless_they_name_a_mode() {
        for (url, expected) in [
            ("postgres://h/db", "postgres://h/db?gssencmode=disable"),
            ("postgres://h/db?", "postgres://h/db?gssencmode=disable"),
            (
                "postgresql://u:p@h:5432/db?sslmode=require",
                "postgresql://u:p@h:5432/db?sslmode=require&gssencmode=disable",
            ),
            (
                "postgres://h/db?gssencmode=require",
                "postgres://h/db?gssencmode=require",
            ),
            (
                "postgres://h/db?sslmode=verify-full&gssencmode=prefer",
                "postgres://h/db?sslmode=verify-full&gssencmode=prefer",
            ),
            // A parameter whose name only ends in the word is not the mode.
            (
                "postgres://h/db?xgssencmode=1",
                "postgres://h/db?xgssencmode=1&gssencmode=disable",
            ),
        ] {
            let Ok(Target::Postgres(parsed)) = Target::parse(url) else {
                panic!("{url} is a PostgreSQL URL");
            };
            assert_eq!(parsed.expose(), expected);
        }
    }

    #[test]
    fn an_unreachable_or_full_database_is_temporary_and_nothing_else_is() {
        use diesel::result::{DatabaseErrorKind, Error};
        let db = |kind, message: &str| {
            DbError::Query(Error::DatabaseError(kind, Box::new(message.to_string())))
        };
        for temporary in [
            DbError::PoolTimeout,
            DbError::PostgresOpen("connection refused".into()),
            db(DatabaseErrorKind::ClosedConnection, "anything"),
            db(DatabaseErrorKind::Unknown, "database or disk is full"),
            db(
                DatabaseErrorKind::Unknown,
                "terminating connection due to administrator command",
            ),
            db(
                DatabaseErrorKind::Unknown,
                "FATAL:  the database system is starting up",
            ),
            DbError::GroupCommit("database or disk is full".into()),
        ] {
            assert!(temporary.is_temporary(), "{temporary}");
            let e = crate::domain::Error::from(temporary);
            assert_eq!(e.kind(), crate::domain::ErrorKind::Unavailable);
        }
        for fault in [
            db(DatabaseErrorKind::UniqueViolation, "duplicate key"),
            db(DatabaseErrorKind::Unknown, "no such table: reports"),
            DbError::Query(Error::NotFound),
            DbError::GroupCommit("constraint failed".into()),
            DbError::TaskFailed,
        ] {
            assert!(!fault.is_temporary(), "{fault}");
            let e = crate::domain::Error::from(fault);
            assert_eq!(e.kind(), crate::domain::ErrorKind::Internal);
        }
    }
}
