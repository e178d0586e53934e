//! What the running binary writes to its log: for staff requests method, route pattern, status,
//! latency; for public ones (a reporter's) no line at all, only a count per day; and nothing that
//! could identify a client or carry a secret.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

use crate::helpers::{Backend, TestDb};

const UA: &str = "Mozilla/5.0 MARKER-USER-AGENT-7f3a";
const XFF: &str = "203.0.113.77";
const QUERY_SECRET: &str = "MARKER-QUERY-TOKEN-91bd";
const COOKIE: &str = "MARKER-COOKIE-44c1";
const BODY: &str = "MARKER-BODY-e2d0";
const BEARER: &str = "MARKER-BEARER-5a19";

#[tokio::test]
async fn request_logs_never_hold_addresses_headers_queries_or_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::create(Backend::Sqlite, dir.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_lookout"))
        .arg("serve")
        .current_dir(dir.path())
        .env("LOOKOUT__SERVER__BIND", "127.0.0.1:0")
        .env("LOOKOUT__DATABASE__URL", db.url())
        // The most verbose level: nothing may leak even when an operator turns everything on.
        .env("LOOKOUT__LOG__LEVEL", "trace")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut log = String::new();
    let port = tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            log.push_str(&line);
            log.push('\n');
            if let Some(rest) = line.split("listening on http://127.0.0.1:").nth(1) {
                return rest.trim().parse::<u16>().unwrap();
            }
        }
        panic!("the service stopped before listening:\n{log}");
    })
    .await
    .unwrap();

    let client = crate::helpers::http_client();
    let base = format!("http://127.0.0.1:{port}");
    // Staff requests (credentials, even wrong ones) are logged; public ones are not.
    for (path, bearer) in [
        (format!("/api/v1/health?token={QUERY_SECRET}"), None),
        (
            format!("/api/v1/no-such-route/{QUERY_SECRET}?token={QUERY_SECRET}"),
            Some(BEARER),
        ),
        // No query string here: `/cases` refuses unknown parameters (400), and whether that or
        // the unknown token (401) answers first is the framework's choice.
        ("/api/v1/cases".to_string(), Some(BEARER)),
    ] {
        let mut req = client
            .get(format!("{base}{path}"))
            .header("User-Agent", UA)
            .header("X-Forwarded-For", XFF)
            .header("X-Real-IP", XFF)
            .header("Cookie", COOKIE)
            .header("Referer", format!("https://example.org/?q={QUERY_SECRET}"));
        if let Some(token) = bearer {
            req = req.bearer_auth(token);
        }
        let res = req.send().await.unwrap();
        assert!(res.status().as_u16() < 500);
    }
    let res = client
        .post(format!("{base}/api/v1/meta?token={QUERY_SECRET}"))
        .header("User-Agent", UA)
        .header("X-Forwarded-For", XFF)
        .header("Content-Type", "application/json")
        .body(format!("{{\"description\": \"{BODY}\"}}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 405);
    // A reporter's report: stored (201), and no line of the log tells when.
    let res = client
        .post(format!("{base}/api/v1/reports"))
        .header("User-Agent", UA)
        .json(&crate::helpers::report(
            serde_json::json!({"description": format!("He robbed me. {BODY}")}),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);

    // Stop the service the way an operator does (SIGTERM: actix shuts down gracefully) and wait
    // for it to exit, so the log below is everything it will ever write about these requests.
    drop(client);
    let pid = child.id().unwrap().to_string();
    let term = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .await
        .unwrap();
    assert!(term.success());
    let exited = tokio::time::timeout(Duration::from_secs(60), child.wait())
        .await
        .expect("the service exits within 60 s of SIGTERM")
        .unwrap();
    assert!(exited.success(), "{exited}");
    while let Ok(Some(line)) = lines.next_line().await {
        log.push_str(&line);
        log.push('\n');
    }
    let mut stdout = String::new();
    if let Some(mut out) = child.stdout.take() {
        use tokio::io::AsyncReadExt;
        let _ = out.read_to_string(&mut stdout).await;
    }
    log.push_str(&stdout);

    // The log did capture the staff requests, each with its time of day...
    let staff_lines: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("route=\"/api/v1/cases\"") || l.contains("route=\"(no route)\""))
        .collect();
    assert_eq!(staff_lines.len(), 2, "{log}");
    assert!(
        staff_lines.iter().any(|l| l.contains("status=401")),
        "{log}"
    );
    assert!(
        staff_lines.iter().any(|l| l.contains("status=404")),
        "{log}"
    );
    for line in &staff_lines {
        let stamp = line.split_whitespace().next().unwrap_or_default();
        assert!(
            chrono::DateTime::parse_from_rfc3339(stamp).is_ok(),
            "a staff line keeps its time: {line}"
        );
    }
    // ...but nothing of the public ones: not the report, not the health check, not the 405.
    for public in [
        "/api/v1/reports",
        "/api/v1/health",
        "/api/v1/meta",
        "status=201",
        "status=405",
    ] {
        assert!(
            !log.contains(public),
            "the log times a public request ({public}):\n{log}"
        );
    }
    // ...and nothing identifying or secret.
    for marker in [
        UA,
        "MARKER-USER-AGENT",
        XFF,
        QUERY_SECRET,
        COOKIE,
        BODY,
        BEARER,
        "example.org",
    ] {
        assert!(!log.contains(marker), "the log contains {marker:?}:\n{log}");
    }
    // The only loopback address:port in the log is the service's own; a client's would be another port.
    for rest in log.split("127.0.0.1:").skip(1) {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        assert_eq!(
            digits,
            port.to_string(),
            "a client address was logged:\n{log}"
        );
    }
    assert!(
        !log.contains("no-such-route"),
        "unmatched paths are not logged:\n{log}"
    );
}
