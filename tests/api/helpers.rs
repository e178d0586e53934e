//! Test harness: a real service on port 0 over real HTTP, with a fresh database per test on
//! SQLite (a temporary file) or PostgreSQL (a new database on the server named by
//! `LOOKOUT_TEST_DATABASE_URL`, dropped afterwards).

use std::path::{Path, PathBuf};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use lookout::app::Application;
use lookout::secret::SensitiveString;
use lookout::services::deliveries::Drained;
use lookout::settings::Settings;
use tempfile::TempDir;

pub const PG_ENV: &str = "LOOKOUT_TEST_DATABASE_URL";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs an async test body once per backend, as two tests named `sqlite` and `postgres`.
#[macro_export]
macro_rules! both_backends {
    ($($test:ident),+ $(,)?) => {
        $(
            mod $test {
                #[tokio::test]
                async fn sqlite() {
                    super::$test($crate::helpers::Backend::Sqlite).await
                }
                #[tokio::test]
                async fn postgres() {
                    super::$test($crate::helpers::Backend::Postgres).await
                }
            }
        )+
    };
}

/// A database that exists for one test.
pub enum TestDb {
    Sqlite {
        path: PathBuf,
    },
    Postgres {
        admin_url: String,
        name: String,
        url: String,
    },
}

impl TestDb {
    pub fn create(backend: Backend, dir: &Path) -> TestDb {
        match backend {
            Backend::Sqlite => TestDb::Sqlite {
                path: dir.join("lookout.db"),
            },
            Backend::Postgres => {
                let admin_url = postgres_admin_url();
                let name = format!("lookout_test_{}", uuid::Uuid::new_v4().simple());
                let mut admin = PgConnection::establish(&admin_url)
                    .unwrap_or_else(|e| panic!("cannot reach the test PostgreSQL server: {e}"));
                admin
                    .batch_execute(&format!("CREATE DATABASE \"{name}\""))
                    .unwrap();
                let mut url = url::Url::parse(&admin_url).unwrap();
                url.set_path(&format!("/{name}"));
                TestDb::Postgres {
                    admin_url,
                    name,
                    url: url.to_string(),
                }
            }
        }
    }

    pub fn url(&self) -> String {
        match self {
            TestDb::Sqlite { path } => format!("sqlite://{}", path.display()),
            TestDb::Postgres { url, .. } => url.clone(),
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let TestDb::Postgres {
            admin_url, name, ..
        } = self
            && let Ok(mut admin) = PgConnection::establish(admin_url)
        {
            let _ =
                admin.batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
        }
    }
}

/// The PostgreSQL server for tests. Unset, the PostgreSQL tests fail loudly rather than skip:
/// a suite that silently tests one backend would hide half the bugs.
pub fn postgres_admin_url() -> String {
    let url = std::env::var(PG_ENV).unwrap_or_else(|_| {
        panic!(
            "{PG_ENV} is not set. The PostgreSQL tests need a server: run `scripts/test` (it finds \
             or starts one), or set {PG_ENV}=postgres://USER@127.0.0.1:5432/postgres"
        )
    });
    // The tests' own connections skip libpq's Kerberos probe too, as the service's do
    // (`db::Target::parse`): libkrb5 aborts a process that is still connecting as it exits.
    let mut url = url::Url::parse(&url).unwrap_or_else(|e| panic!("{PG_ENV} is not a URL: {e}"));
    if !url.query_pairs().any(|(name, _)| name == "gssencmode") {
        url.query_pairs_mut().append_pair("gssencmode", "disable");
    }
    url.to_string()
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub settings: Settings,
    pub db: TestDb,
    /// Holds the test's files (database, key, outbox) until the test ends.
    #[allow(dead_code)]
    pub dir: TempDir,
    stopper: lookout::app::Stopper,
    drainer: lookout::app::Drainer,
}

/// Settings for a test service: everything under a temporary folder, port 0.
pub fn test_settings(dir: &Path, db: &TestDb) -> Settings {
    let mut settings = Settings::load(None).unwrap();
    settings.server.bind = "127.0.0.1:0".into();
    settings.server.workers = 2;
    settings.database.url = SensitiveString::new(db.url());
    settings.database.pool_size = 4;
    settings.keys.master_key_file = dir.join("master.key");
    settings.mail.outbox_dir = dir.join("outbox");
    // Tests send hundreds of requests from one address; the limit has its own test.
    settings.limits.anonymous_per_client_per_minute = 1_000_000;
    settings.limits.anonymous_global_per_minute = 1_000_000;
    settings.limits.receipt_per_client_per_minute = 1_000_000;
    settings.limits.receipt_global_per_minute = 1_000_000;
    settings.limits.login_per_client_per_minute = 1_000_000;
    settings.limits.login_global_per_minute = 1_000_000;
    // Proof of work when flooded has its own tests.
    settings.limits.proof_of_work_above_per_minute = 0;
    settings
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

pub async fn spawn_app_with(backend: Backend, tweak: impl FnOnce(&mut Settings)) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::create(backend, dir.path());
    let mut settings = test_settings(dir.path(), &db);
    tweak(&mut settings);
    let app = Application::build(settings.clone()).expect("the application starts");
    let address = format!("http://127.0.0.1:{}", app.port());
    let stopper = app.stopper();
    let drainer = app.drainer();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        client: http_client(),
        settings,
        db,
        dir,
        stopper,
        drainer,
    }
}

/// A client that never reuses a connection the server may be closing. actix closes a keep-alive
/// connection after 5 s idle; a request sent on it at that moment fails with `IncompleteMessage`
/// (seen in CI after a long mail drain). Idle connections are dropped here well before that.
pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_idle_timeout(Duration::from_secs(2))
        .build()
        .expect("the test client builds")
}

/// Signs in at a service running at `base` (a `spawn_binary` process); returns the token.
pub async fn login_at(client: &reqwest::Client, base: &str, email: &str, password: &str) -> String {
    let res = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&serde_json::json!({"email": email, "password": password}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "login at {base}");
    res.json::<serde_json::Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string()
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn stop(&self) {
        self.stopper.stop().await;
    }

    /// Runs the delivery worker's own claim-and-send path until nothing due is left, waiting for
    /// messages any worker (this service's, or another process on the same database) is sending.
    /// Afterwards every message that was due has reached the mail server or been dropped, so a
    /// test asserts exactly what was sent instead of sleeping and hoping nothing else comes. Mail
    /// that can still come is counted in `scheduled_later` (retries); assert it is 0 before
    /// saying "nothing else". Works after `stop` too (the database and mailer stay open).
    pub async fn drain(&self) -> Drained {
        self.drainer
            .drain()
            .await
            .unwrap_or_else(|e| panic!("{e:#}"))
    }
}

/// Asserts an RFC 9457 problem with the given status and code, and returns its body.
pub async fn assert_problem(res: reqwest::Response, status: u16, code: &str) -> serde_json::Value {
    assert_eq!(res.status().as_u16(), status, "status");
    assert_eq!(
        res.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/problem+json")
    );
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["status"], status);
    assert_eq!(body["code"], code, "{body}");
    assert_eq!(body["type"], "about:blank");
    assert!(body["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(body["detail"].as_str().is_some_and(|t| !t.is_empty()));
    crate::openapi::validate_problem(&body);
    body
}

/// A side connection to the service's SQLite file. The service writes in the background (the
/// delivery worker, retention), so without a busy timeout this connection would fail at once
/// with "database is locked" instead of waiting its turn, as the service's own connections do.
fn sqlite(path: &std::path::Path) -> diesel::SqliteConnection {
    let mut conn = diesel::SqliteConnection::establish(path.to_str().unwrap()).unwrap();
    conn.batch_execute("PRAGMA busy_timeout = 10000;").unwrap();
    conn
}

/// A second connection holding a write transaction open, as a concurrent request would.
pub enum Held {
    Sqlite(diesel::SqliteConnection),
    Postgres(PgConnection),
}

impl Held {
    /// Runs `sql` inside the held transaction and commits it.
    pub fn commit_after(self, sql: &str) {
        let sql = format!("{sql}; COMMIT;");
        match self {
            Held::Sqlite(mut c) => c.batch_execute(&sql).unwrap(),
            Held::Postgres(mut c) => c.batch_execute(&sql).unwrap(),
        }
    }
}

impl TestApp {
    /// Opens a transaction that holds the report's lock (SQLite: the database's write lock).
    pub fn hold_report(&self, id: &str) -> Held {
        match &self.db {
            TestDb::Sqlite { path } => {
                let mut c = sqlite(path);
                c.batch_execute("BEGIN IMMEDIATE").unwrap();
                Held::Sqlite(c)
            }
            TestDb::Postgres { url, .. } => {
                let mut c = PgConnection::establish(url).unwrap();
                c.batch_execute(&format!(
                    "BEGIN; UPDATE reports SET status = status WHERE id = '{id}'"
                ))
                .unwrap();
                Held::Postgres(c)
            }
        }
    }
}

/// Direct database access for what the API must not offer: planting fixtures the register
/// would create, and reading raw rows to prove what is (not) stored.
impl TestApp {
    pub fn execute(&self, sql: &str) {
        match &self.db {
            TestDb::Sqlite { path } => sqlite(path).batch_execute(sql).unwrap(),
            TestDb::Postgres { url, .. } => PgConnection::establish(url)
                .unwrap()
                .batch_execute(sql)
                .unwrap(),
        }
    }

    /// Rows of a one-column text query.
    pub fn strings(&self, sql: &str) -> Vec<String> {
        use diesel::sql_types::Text;
        use diesel::{QueryableByName, RunQueryDsl};
        #[derive(QueryableByName)]
        struct Row {
            #[diesel(sql_type = Text)]
            v: String,
        }
        let rows: Vec<Row> = match &self.db {
            TestDb::Sqlite { path } => diesel::sql_query(sql).load(&mut sqlite(path)).unwrap(),
            TestDb::Postgres { url, .. } => diesel::sql_query(sql)
                .load(&mut PgConnection::establish(url).unwrap())
                .unwrap(),
        };
        rows.into_iter().map(|r| r.v).collect()
    }

    pub fn count(&self, table: &str) -> i64 {
        self.strings(&format!("SELECT CAST(COUNT(*) AS TEXT) AS v FROM {table}"))[0]
            .parse()
            .unwrap()
    }

    /// Registers an active SPOC straight in the database (the register API comes later).
    pub fn insert_spoc(&self, name: &str, region: &str) -> String {
        let id = uuid::Uuid::new_v4().to_string();
        let active = match self.db {
            TestDb::Sqlite { .. } => "1",
            TestDb::Postgres { .. } => "TRUE",
        };
        self.execute(&format!(
            "INSERT INTO spocs (id, name, region, email, active, created_on) \
             VALUES ('{id}', '{name}', '{region}', 'spoc@police.example.org', {active}, '2026-11-01')"
        ));
        id
    }

    pub fn retire_spoc(&self, id: &str) {
        let inactive = match self.db {
            TestDb::Sqlite { .. } => "0",
            TestDb::Postgres { .. } => "FALSE",
        };
        self.execute(&format!(
            "UPDATE spocs SET active = {inactive} WHERE id = '{id}'"
        ));
    }

    /// Every byte the database holds as text, for scanning: the SQLite files (main, WAL, shared
    /// memory) read raw, or every row of every PostgreSQL table cast to text.
    pub fn everything_stored(&self) -> String {
        match &self.db {
            TestDb::Sqlite { path } => {
                let mut all = Vec::new();
                for suffix in ["", "-wal", "-shm", "-journal"] {
                    let file = PathBuf::from(format!("{}{suffix}", path.display()));
                    if let Ok(bytes) = std::fs::read(&file) {
                        all.extend(bytes);
                    }
                }
                String::from_utf8_lossy(&all).into_owned()
            }
            TestDb::Postgres { .. } => {
                let tables = self.strings(
                    "SELECT table_name::text AS v FROM information_schema.tables \
                     WHERE table_schema = 'public'",
                );
                assert!(tables.len() > 3, "{tables:?}");
                tables
                    .iter()
                    .flat_map(|t| self.strings(&format!("SELECT t::text AS v FROM \"{t}\" t")))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        }
    }
}

/// A valid report; `extra` fields are merged over it.
pub fn report(extra: serde_json::Value) -> serde_json::Value {
    let mut base = serde_json::json!({
        "category": "robbery",
        "region": "south-wales",
        "area": "Cardiff city centre",
        "incident_date": "2026-11-18",
        "description": "He took the money back at knifepoint and drove off.",
        "perpetrator": {
            "description": "White van, burn scar on left hand",
            "phone_numbers": ["07700 900123"],
            "emails": [],
            "vehicles": ["AB12 CDE"],
            "online_handles": []
        },
        "alert": true,
        "language": "en"
    });
    if let (Some(base), Some(extra)) = (base.as_object_mut(), extra.as_object()) {
        for (k, v) in extra {
            base.insert(k.clone(), v.clone());
        }
    }
    base
}

/// Staff accounts for tests, made the way `lookout admin create` makes them.
impl TestApp {
    pub fn create_staff(&self, email: &str, role: lookout::services::staff::Role) -> String {
        let password = "correct horse battery staple".to_string();
        let master =
            lookout::crypto::keys::load_master_key(&self.settings.keys.master_key_file).unwrap();
        let keys = lookout::crypto::KeyRing::from_master(&master);
        let db =
            lookout::db::open(&self.db.url(), 1, Duration::from_secs(5), keys.master_id()).unwrap();
        let row =
            lookout::services::staff::new_staff_row(&keys, email, role, &password, false).unwrap();
        db.blocking(|conn| {
            lookout::services::staff::insert_staff(
                conn,
                keys.get(lookout::crypto::Purpose::Audit),
                &row,
                &lookout::domain::Actor::Operator,
            )
        })
        .unwrap()
        .unwrap();
        password
    }

    /// Stores `n` confirmed subscribers to `region` (addresses `{prefix}NNNNN@fanout.test`) the
    /// way subscribing and confirming would, straight into the database: for fan-outs too large
    /// to subscribe one by one through the API. Returns the addresses.
    pub fn seed_confirmed(&self, n: usize, prefix: &str, region: &str) -> Vec<String> {
        use lookout::crypto::records::Direct;
        let master =
            lookout::crypto::keys::load_master_key(&self.settings.keys.master_key_file).unwrap();
        let keys = lookout::crypto::KeyRing::from_master(&master);
        let db =
            lookout::db::open(&self.db.url(), 1, Duration::from_secs(5), keys.master_id()).unwrap();
        let key_id = keys.direct_key_id(Direct::SubscriberEmail).to_string();
        let today = lookout::clock::today_string();
        let emails: Vec<String> = (0..n)
            .map(|i| format!("{prefix}{i:05}@fanout.test"))
            .collect();
        let rows: Vec<_> = emails
            .iter()
            .map(|email| {
                let id = lookout::domain::SubscriberId::random();
                lookout::db::alerts::SubscriberRow {
                    email_index: lookout::services::subscriptions::email_index(&keys, email),
                    key_id: key_id.clone(),
                    email: keys
                        .seal_direct(Direct::SubscriberEmail, &id, email.as_bytes())
                        .unwrap(),
                    id,
                    regions: serde_json::json!([region]).to_string(),
                    categories: None,
                    language: "en".into(),
                    status: lookout::domain::SubscriberStatus::Confirmed,
                    created_on: today.clone(),
                }
            })
            .collect();
        db.blocking(move |conn| {
            lookout::db::write_tx(conn, |conn| {
                rows.iter()
                    .try_for_each(|row| lookout::db::alerts::insert_subscriber(conn, row))
            })
        })
        .unwrap();
        emails
    }

    pub async fn login(&self, email: &str, password: &str) -> String {
        let res = self
            .post_json(
                "/api/v1/auth/login",
                &serde_json::json!({"email": email, "password": password}),
            )
            .await;
        assert_eq!(res.status(), 200, "login");
        res.json::<serde_json::Value>().await.unwrap()["token"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// A logged-in account of that role; returns its bearer token.
    pub async fn staff_token(&self, role: lookout::services::staff::Role) -> String {
        let email = format!(
            "{}-{}@lookout.test",
            role.as_str(),
            uuid::Uuid::new_v4().simple()
        );
        let password = self.create_staff(&email, role);
        self.login(&email, &password).await
    }

    pub async fn authed(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<&serde_json::Value>,
    ) -> reqwest::Response {
        let mut req = self.client.request(method, self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(b);
        }
        req.send().await.unwrap()
    }
}

/// Settings for sending through a real SMTP server, with fast retries.
pub fn smtp_settings(url: String) -> impl FnOnce(&mut Settings) {
    move |s: &mut Settings| {
        s.mail.transport = lookout::settings::MailTransport::Smtp;
        s.mail.smtp_url = SensitiveString::new(url);
        s.mail.worker_poll_ms = 100;
        s.mail.retry_initial_ms = 200;
        s.mail.retry_max_ms = 1000;
        s.mail.claim_seconds = 5;
    }
}

/// `lookout serve` as its own process (so it can be killed like a crashed server). Returns the
/// child and its port; its log is drained in the background so the pipe never fills.
pub async fn spawn_binary(dir: &Path, env: &[(&str, String)]) -> (tokio::process::Child, u16) {
    use tokio::io::{AsyncBufReadExt, BufReader};
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_lookout"));
    cmd.arg("serve")
        .current_dir(dir)
        .env("LOOKOUT__SERVER__BIND", "127.0.0.1:0")
        .env(
            "LOOKOUT__LIMITS__ANONYMOUS_PER_CLIENT_PER_MINUTE",
            "1000000",
        )
        .env("LOOKOUT__LIMITS__ANONYMOUS_GLOBAL_PER_MINUTE", "1000000")
        .env("LOOKOUT__LIMITS__RECEIPT_PER_CLIENT_PER_MINUTE", "1000000")
        .env("LOOKOUT__LIMITS__RECEIPT_GLOBAL_PER_MINUTE", "1000000")
        .env("LOOKOUT__LIMITS__LOGIN_PER_CLIENT_PER_MINUTE", "1000000")
        .env("LOOKOUT__LIMITS__LOGIN_GLOBAL_PER_MINUTE", "1000000")
        .env("LOOKOUT__LIMITS__PROOF_OF_WORK_ABOVE_PER_MINUTE", "0")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let port = tokio::time::timeout(std::time::Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(rest) = line.split("listening on http://127.0.0.1:").nth(1) {
                return rest.trim().parse::<u16>().unwrap();
            }
        }
        panic!("the service stopped before listening");
    })
    .await
    .unwrap();
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    (child, port)
}
