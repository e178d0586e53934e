//! Someone with write access to the database (or its files) but not the master key: the newest
//! audit entries cannot be deleted unnoticed, and the SQLite files are the service user's alone.

use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, report, spawn_app};
use lookout::services::staff::Role;

/// Waits (up to 10 s) until the head file beside the key names `entries` entries; returns its text.
async fn head_file_names(app: &TestApp, entries: i64) -> String {
    let path = app
        .settings
        .keys
        .master_key_file
        .with_file_name("audit.head");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if text.split_whitespace().nth(1) == Some(entries.to_string().as_str()) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "the head file still says {text:?}, not {entries} entries"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn verify(app: &TestApp, admin: &str) -> Value {
    app.authed(Method::GET, "/api/v1/audit/verify", Some(admin), None)
        .await
        .json()
        .await
        .unwrap()
}

fn cli_verify(app: &TestApp) -> (Option<i32>, String) {
    let url = app.db.url();
    let key = app.settings.keys.master_key_file.display().to_string();
    let out = crate::cli::lookout(
        app.dir.path(),
        &["audit", "verify"],
        &[
            ("LOOKOUT__DATABASE__URL", url.as_str()),
            ("LOOKOUT__KEYS__MASTER_KEY_FILE", key.as_str()),
        ],
    );
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Deleting the newest audit entries leaves a chain that is valid on its own; the head kept beside
/// the key shows the cut, in the API, on the command line, and the service does not overwrite
/// the evidence while it goes on appending.
async fn deleting_the_newest_audit_entries_is_detected(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.staff_token(Role::Admin).await;
    let caseworker = app.staff_token(Role::Caseworker).await;
    app.post_json("/api/v1/reports", &report(json!({}))).await;
    let cases: Value = app
        .authed(Method::GET, "/api/v1/cases", Some(&caseworker), None)
        .await
        .json()
        .await
        .unwrap();
    let case = cases[0]["id"].as_str().unwrap().to_string();
    // Each an audited read of the case (`case.view`, `case.view_draft`).
    let read = |what: &'static str| {
        let (app, case, caseworker) = (&app, &case, &caseworker);
        async move {
            let res = app
                .authed(
                    Method::GET,
                    &format!("/api/v1/cases/{case}{what}"),
                    Some(caseworker),
                    None,
                )
                .await;
            assert_eq!(res.status(), 200, "{what}");
        }
    };
    for _ in 0..3 {
        read("").await;
    }
    let before = verify(&app, &admin).await;
    assert_eq!(before["ok"], true, "{before}");
    let entries = before["entries"].as_i64().unwrap();
    assert!(entries >= 5, "{before}");
    let head = head_file_names(&app, entries).await;
    let (code, said) = cli_verify(&app);
    assert_eq!(code, Some(0), "{said}");

    // The last two entries (two case views) go.
    app.execute(&format!(
        "DELETE FROM audit_log WHERE seq > {}",
        entries - 2
    ));
    let after = verify(&app, &admin).await;
    assert_eq!(after["ok"], false, "{after}");
    assert_eq!(after["entries"], entries - 2);
    assert_eq!(after["broken_at"], entries - 1, "the first entry missing");
    let (code, said) = cli_verify(&app);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains(&format!("entry {}", entries - 1)), "{said}");

    // The service appends on the cut chain (seq numbers used before, other entries, so other
    // hashes): the head file is left as it was, and the cut still shows. (Appending the very
    // entries that were deleted would rebuild the same chain: nothing would be missing.)
    read("/alert-draft").await;
    read("").await;
    let again = verify(&app, &admin).await;
    assert_eq!(again["ok"], false, "{again}");
    assert_eq!(
        again["broken_at"], entries,
        "entry {entries} is not the one recorded"
    );
    let path = app
        .settings
        .keys
        .master_key_file
        .with_file_name("audit.head");
    assert_eq!(std::fs::read_to_string(path).unwrap(), head);
}

/// A head file replaced by anything else is reported, not ignored.
async fn an_unreadable_head_file_fails_verification(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.staff_token(Role::Admin).await;
    let entries = verify(&app, &admin).await["entries"].as_i64().unwrap();
    head_file_names(&app, entries).await;
    let path = app
        .settings
        .keys
        .master_key_file
        .with_file_name("audit.head");
    std::fs::write(&path, "0 entries, honestly").unwrap();
    let res = verify(&app, &admin).await;
    assert_eq!(res["ok"], false, "{res}");
    assert_eq!(res["broken_at"], entries + 1);
}

both_backends!(
    deleting_the_newest_audit_entries_is_detected,
    an_unreadable_head_file_fails_verification,
);

/// The SQLite database, its WAL and its shared-memory file are readable by the service's user
/// only, and so is the head file.
#[tokio::test]
async fn the_database_files_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let app = spawn_app(Backend::Sqlite).await;
    let res = app.post_json("/api/v1/reports", &report(json!({}))).await;
    assert_eq!(res.status(), 201);
    let admin = app.staff_token(Role::Admin).await;
    let entries = verify(&app, &admin).await["entries"].as_i64().unwrap();
    head_file_names(&app, entries).await;
    let db = app.db.url();
    let db = std::path::PathBuf::from(db.trim_start_matches("sqlite://"));
    let mut files = vec![
        app.settings
            .keys
            .master_key_file
            .with_file_name("audit.head"),
        db.clone(),
    ];
    for suffix in ["-wal", "-shm"] {
        let mut f = db.clone().into_os_string();
        f.push(suffix);
        files.push(f.into());
    }
    for file in files {
        let mode = std::fs::metadata(&file)
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()))
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{} is {:o}", file.display(), mode & 0o777);
    }
}
