//! Faults under load, each checked on the data: a PostgreSQL server restarted (as after a crash)
//! while reports arrive, `lookout serve` killed with SIGKILL mid-intake on SQLite, and SQLite on a
//! full filesystem. Every report answered 201 is there afterwards (its receipt finds it), every
//! refusal is a clear 503, and the service recovers without being restarted.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tempfile::TempDir;

use crate::helpers::{http_client, report, spawn_binary};

/// What one report request came back with.
#[derive(Debug, Clone)]
enum Outcome {
    Stored(String),
    Refused(u16, String),
    /// No answer at all (the service was killed mid-request).
    NoAnswer,
}

/// Sends reports from `clients` tasks in a loop until `stop`; counts the stored ones in `stored`
/// as they come; returns every outcome.
async fn intake_until(
    base: String,
    clients: usize,
    stop: Arc<AtomicBool>,
    stored: Arc<AtomicUsize>,
) -> Vec<Outcome> {
    let tasks = (0..clients).map(|n| {
        let (base, stop, stored) = (base.clone(), stop.clone(), stored.clone());
        tokio::spawn(async move {
            let client = http_client();
            let mut outcomes = Vec::new();
            let mut i = 0;
            while !stop.load(Ordering::Relaxed) {
                i += 1;
                let body = report(json!({
                    "description": format!("Report {n}-{i}: he would not pay and pushed me down the stairs."),
                }));
                let sent = client
                    .post(format!("{base}/api/v1/reports"))
                    .json(&body)
                    .timeout(Duration::from_secs(20))
                    .send()
                    .await;
                let outcome = match sent {
                    Err(_) => Outcome::NoAnswer,
                    Ok(res) => {
                        let status = res.status().as_u16();
                        match res.json::<Value>().await {
                            Ok(v) if status == 201 => {
                                stored.fetch_add(1, Ordering::Relaxed);
                                Outcome::Stored(v["receipt"].as_str().unwrap().to_string())
                            }
                            Ok(v) => Outcome::Refused(
                                status,
                                v["code"].as_str().unwrap_or("").to_string(),
                            ),
                            Err(_) => Outcome::NoAnswer,
                        }
                    }
                };
                let no_answer = matches!(outcome, Outcome::NoAnswer);
                outcomes.push(outcome);
                if no_answer {
                    // The service is gone or going: don't spin.
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            }
            outcomes
        })
    });
    let mut all = Vec::new();
    for t in futures_util::future::join_all(tasks).await {
        all.extend(t.unwrap());
    }
    all
}

/// Eight clients sending reports in the background.
struct Intake {
    stop: Arc<AtomicBool>,
    load: tokio::task::JoinHandle<Vec<Outcome>>,
}

impl Intake {
    /// Starts them and returns once 50 reports are stored.
    async fn under_way(base: &str) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let count = Arc::new(AtomicUsize::new(0));
        let load = tokio::spawn(intake_until(
            base.to_string(),
            8,
            stop.clone(),
            count.clone(),
        ));
        wait_until("50 stored reports", Duration::from_secs(60), || {
            count.load(Ordering::Relaxed) >= 50
        })
        .await;
        Self { stop, load }
    }

    /// Stops them; every outcome.
    async fn finish(self) -> Vec<Outcome> {
        self.stop.store(true, Ordering::Relaxed);
        self.load.await.unwrap()
    }
}

fn stored(outcomes: &[Outcome]) -> Vec<String> {
    outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Stored(r) => Some(r.clone()),
            _ => None,
        })
        .collect()
}

/// Every receipt finds its report.
async fn all_found(base: &str, receipts: &[String]) {
    let client = http_client();
    for receipt in receipts {
        let res = client
            .post(format!("{base}/api/v1/receipt"))
            .json(&json!({"receipt": receipt}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "a report answered 201 is missing");
    }
}

/// Polls until `done()` holds, or fails the test after `limit`.
async fn wait_until(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn service_env(dir: &Path, url: &str) -> Vec<(&'static str, String)> {
    vec![
        ("LOOKOUT__DATABASE__URL", url.to_string()),
        (
            "LOOKOUT__KEYS__MASTER_KEY_FILE",
            dir.join("master.key").display().to_string(),
        ),
        (
            "LOOKOUT__DATABASE__CONNECT_TIMEOUT_SECONDS",
            "2".to_string(),
        ),
        ("LOOKOUT__DATABASE__POOL_SIZE", "4".to_string()),
    ]
}

/// `lookout serve` killed with SIGKILL while eight clients send reports, and started again on the
/// same SQLite file: every report that was answered 201 is there.
#[tokio::test]
async fn a_kill_during_intake_loses_no_stored_report() {
    let dir = TempDir::new().unwrap();
    let url = format!("sqlite://{}", dir.path().join("lookout.db").display());
    let env = service_env(dir.path(), &url);
    let (mut service, port) = spawn_binary(dir.path(), &env).await;
    let base = format!("http://127.0.0.1:{port}");
    // Kill once intake is well under way (reports are being committed as it dies).
    let load = Intake::under_way(&base).await;
    service.start_kill().unwrap();
    service.wait().await.unwrap();
    let outcomes = load.finish().await;
    let receipts = stored(&outcomes);
    assert!(
        receipts.len() >= 50,
        "too little intake before the kill to test anything: {}",
        receipts.len()
    );
    assert!(
        outcomes.iter().any(|o| matches!(o, Outcome::NoAnswer)),
        "the kill came after intake had stopped"
    );
    let (_again, port) = spawn_binary(dir.path(), &env).await;
    all_found(&format!("http://127.0.0.1:{port}"), &receipts).await;
}

/// A PostgreSQL cluster of this test's own, so it can be restarted without disturbing the other
/// tests' server.
struct OwnPostgres {
    dir: TempDir,
    port: u16,
    bin: PathBuf,
}

impl OwnPostgres {
    fn start() -> Self {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .expect("PostgreSQL server binaries in /usr/lib/postgresql (Debian: postgresql)")
            .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
            .filter(|b| b.join("initdb").exists())
            .max_by_key(|b| {
                b.parent()
                    .and_then(|v| v.file_name()?.to_str()?.parse::<u32>().ok())
                    .unwrap_or(0)
            })
            .expect("an initdb under /usr/lib/postgresql/*/bin");
        let dir = TempDir::new().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let pg = Self { dir, port, bin };
        // initdb refuses to run as root: run it (and the server) as the postgres user then.
        if pg.as_root() {
            let owner = Command::new("id")
                .args(["-u", "postgres"])
                .output()
                .unwrap();
            let uid: u32 = String::from_utf8_lossy(&owner.stdout)
                .trim()
                .parse()
                .unwrap();
            std::os::unix::fs::chown(pg.dir.path(), Some(uid), None).unwrap();
        }
        pg.run(
            "initdb",
            &[
                "-D",
                &pg.data(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
            ],
        );
        pg.ctl(&["start"]);
        pg
    }

    fn as_root(&self) -> bool {
        Command::new("id")
            .arg("-u")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
            .unwrap_or(false)
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn run(&self, program: &str, args: &[&str]) {
        let program = self.bin.join(program).display().to_string();
        let mut cmd = if self.as_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--", &program]);
            c
        } else {
            Command::new(&program)
        };
        let out = cmd.args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{program} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// `pg_ctl` on this cluster: its own port, its socket in its own folder, loopback only.
    fn ctl(&self, args: &[&str]) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("server.log").display().to_string();
        let data = self.data();
        let mut all = vec!["-D", &data, "-o", &options, "-l", &log, "-w"];
        all.extend_from_slice(args);
        self.run("pg_ctl", &all);
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.ctl(&["stop", "-m", "immediate"])
        }));
    }
}

/// The PostgreSQL server is stopped as if it crashed (`-m immediate`) and started again while
/// eight clients send reports: every 201 is in the database, every refusal meanwhile is a 503
/// `service_unavailable`, and the service takes reports again without being restarted.
#[tokio::test]
async fn a_postgres_restart_during_intake_loses_nothing_and_heals() {
    let pg = OwnPostgres::start();
    let dir = TempDir::new().unwrap();
    let env = service_env(dir.path(), &pg.url());
    let (_service, port) = spawn_binary(dir.path(), &env).await;
    let base = format!("http://127.0.0.1:{port}");
    let load = Intake::under_way(&base).await;
    pg.ctl(&["stop", "-m", "immediate"]);
    // Down for a moment: requests meet dead connections and a refused reconnect.
    tokio::time::sleep(Duration::from_millis(500)).await;
    pg.ctl(&["start"]);
    let restarted = Instant::now();
    // Intake goes on until a report is stored again after the restart.
    let client = http_client();
    let deadline = restarted + Duration::from_secs(30);
    let after = loop {
        let res = client
            .post(format!("{base}/api/v1/reports"))
            .json(&report(json!({})))
            .send()
            .await
            .unwrap();
        if res.status() == 201 {
            break res.json::<Value>().await.unwrap()["receipt"]
                .as_str()
                .unwrap()
                .to_string();
        }
        assert_eq!(res.status(), 503, "a refusal while the database is back");
        assert!(Instant::now() < deadline, "the service did not recover");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let outcomes = load.finish().await;
    let refused: Vec<_> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Refused(s, t) => Some((*s, t.clone())),
            _ => None,
        })
        .collect();
    assert!(
        !refused.is_empty(),
        "the restart came when no request was in flight"
    );
    for (status, kind) in &refused {
        assert_eq!(*status, 503, "{kind}");
        assert_eq!(kind, "service_unavailable");
    }
    assert!(
        !outcomes.iter().any(|o| matches!(o, Outcome::NoAnswer)),
        "the service itself never went away"
    );
    let mut receipts = stored(&outcomes);
    receipts.push(after);
    all_found(&base, &receipts).await;
}

/// SQLite on a filesystem that fills up: writes are refused with a 503 problem and never answered
/// 201 unless stored; reading goes on; once space is freed, reports are taken again without a
/// restart.
#[tokio::test]
async fn a_full_disk_refuses_clearly_and_recovers() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=8m", "tmpfs"])
        .arg(&data)
        .status()
        .expect("mount (util-linux)");
    assert!(
        mounted.success(),
        "mounting a small tmpfs needs root (CI runs as root)"
    );
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(data.clone());
    let url = format!("sqlite://{}", data.join("lookout.db").display());
    let env = service_env(dir.path(), &url);
    let (_service, port) = spawn_binary(dir.path(), &env).await;
    let base = format!("http://127.0.0.1:{port}");
    let client = http_client();
    let post = |body: Value| {
        let (client, base) = (client.clone(), base.clone());
        async move {
            client
                .post(format!("{base}/api/v1/reports"))
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };
    let res = post(report(json!({}))).await;
    assert_eq!(res.status(), 201);
    let before = res.json::<Value>().await.unwrap()["receipt"]
        .as_str()
        .unwrap()
        .to_string();

    // Fill the filesystem to the last byte.
    let filler = data.join("filler");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).unwrap();
        let block = vec![0u8; 64 * 1024];
        while f.write_all(&block).is_ok() {}
        let byte = [0u8; 1];
        while f.write_all(&byte).is_ok() {}
    }
    let mut stored_while_full = Vec::new();
    let mut refusal = None;
    for i in 0..5000 {
        let res = post(report(json!({
            "description": format!("Report {i} while the disk is full: he hit me and took the money."),
        })))
        .await;
        match res.status().as_u16() {
            201 => stored_while_full.push(
                res.json::<Value>().await.unwrap()["receipt"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            ),
            status => {
                let problem: Value = res.json().await.unwrap();
                refusal = Some((status, problem));
                break;
            }
        }
    }
    let (status, problem) = refusal.expect("the full disk never refused a report");
    assert_eq!(status, 503, "{problem}");
    assert_eq!(problem["code"], "service_unavailable", "{problem}");
    // Nothing in the answer quotes the database's own words.
    assert!(!problem.to_string().contains("disk is full"), "{problem}");
    // Reading still works while full.
    let res = client
        .post(format!("{base}/api/v1/receipt"))
        .json(&json!({"receipt": before}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    // Space comes back: reports are taken again, without a restart.
    std::fs::remove_file(&filler).unwrap();
    let mut after = None;
    let deadline = Instant::now() + Duration::from_secs(30);
    while after.is_none() {
        let res = post(report(json!({}))).await;
        if res.status() == 201 {
            after = Some(
                res.json::<Value>().await.unwrap()["receipt"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            );
        } else {
            assert_eq!(res.status(), 503);
            assert!(Instant::now() < deadline, "no recovery once space returned");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let mut receipts = vec![before];
    receipts.extend(stored_while_full);
    receipts.extend(after);
    all_found(&base, &receipts).await;
}
