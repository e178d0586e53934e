//! The `lookout` binary as an operator runs it.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

use crate::both_backends;
use crate::helpers::{Backend, TestDb};

pub fn lookout(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lookout"));
    cmd.current_dir(dir).args(args);
    // The operator's own LOOKOUT__ variables must not leak into these tests.
    for (key, _) in std::env::vars() {
        if key.starts_with("LOOKOUT__") {
            cmd.env_remove(key);
        }
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn keys_generate_writes_a_private_32_byte_key_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let out = lookout(
        dir.path(),
        &["keys", "generate", "--out", "secrets/master.key"],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    let path = dir.path().join("secrets/master.key");
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert_eq!(meta.len(), 32);
    let first = std::fs::read(&path).unwrap();
    assert!(text(&out).contains("key id"), "{}", text(&out));

    let again = lookout(
        dir.path(),
        &["keys", "generate", "--out", "secrets/master.key"],
        &[],
    );
    assert!(!again.status.success());
    assert!(
        text(&again).contains("refusing to overwrite"),
        "{}",
        text(&again)
    );
    assert_eq!(std::fs::read(&path).unwrap(), first, "the key is untouched");

    let forced = lookout(
        dir.path(),
        &["keys", "generate", "--out", "secrets/master.key", "--force"],
        &[],
    );
    assert!(forced.status.success(), "{}", text(&forced));
    assert_ne!(std::fs::read(&path).unwrap(), first);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn production_refuses_every_unsafe_default_and_says_what_to_fix() {
    let dir = tempfile::tempdir().unwrap();
    let out = lookout(
        dir.path(),
        &["serve"],
        &[("LOOKOUT__PROFILE", "production")],
    );
    assert!(!out.status.success());
    let msg = text(&out);
    assert!(msg.contains("production profile refuses to start"), "{msg}");
    assert!(
        msg.contains("lookout keys generate --out data/master.key"),
        "{msg}"
    );
    assert!(
        msg.contains("database.url is the default SQLite file"),
        "{msg}"
    );
    assert!(msg.contains("mail.transport is `outbox`"), "{msg}");
    assert!(
        !dir.path().join("data/master.key").exists(),
        "production never generates a key"
    );
    assert!(
        !dir.path().join("data/lookout.db").exists(),
        "nothing was created"
    );
}

#[test]
fn production_names_only_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("prod.key");
    let out = lookout(
        dir.path(),
        &["keys", "generate", "--out", key.to_str().unwrap()],
        &[],
    );
    assert!(out.status.success());
    let out = lookout(
        dir.path(),
        &["serve"],
        &[
            ("LOOKOUT__PROFILE", "production"),
            ("LOOKOUT__KEYS__MASTER_KEY_FILE", key.to_str().unwrap()),
            ("LOOKOUT__MAIL__TRANSPORT", "smtp"),
            ("LOOKOUT__MAIL__SMTP_URL", "smtps://mail.example.org:465"),
        ],
    );
    assert!(!out.status.success());
    let msg = text(&out);
    assert!(
        msg.contains("database.url is the default SQLite file"),
        "{msg}"
    );
    assert!(!msg.contains("keys.master_key_file"), "{msg}");
    assert!(!msg.contains("mail.transport"), "{msg}");
}

#[test]
fn a_missing_config_file_and_an_unknown_setting_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = lookout(dir.path(), &["--config", "nope.toml", "migrate"], &[]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains("nope.toml does not exist"),
        "{}",
        text(&out)
    );

    std::fs::write(
        dir.path().join("typo.toml"),
        "[server]\nbnd = \"0.0.0.0:1\"\n",
    )
    .unwrap();
    let out = lookout(dir.path(), &["migrate", "--config", "typo.toml"], &[]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains("unknown setting `server.bnd`"),
        "{}",
        text(&out)
    );
}

/// Logs in (asserting 200) and returns the session answer.
async fn session(app: &crate::helpers::TestApp, email: &str, password: &str) -> serde_json::Value {
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &serde_json::json!({"email": email, "password": password}),
        )
        .await;
    assert_eq!(res.status(), 200, "login");
    res.json().await.unwrap()
}

async fn admin_create_makes_an_administrator_who_can_log_in(backend: Backend) {
    use std::io::Write;
    let app = crate::helpers::spawn_app(backend).await;
    let url = app.db.url();
    let key = app.settings.keys.master_key_file.display().to_string();
    let env = [
        ("LOOKOUT__DATABASE__URL", url.as_str()),
        ("LOOKOUT__KEYS__MASTER_KEY_FILE", key.as_str()),
    ];

    // Generated password, printed once.
    let out = lookout(
        app.dir.path(),
        &["admin", "create", "--email", "Boss@Lookout.test"],
        &env,
    );
    assert!(out.status.success(), "{}", text(&out));
    let printed = String::from_utf8_lossy(&out.stdout).to_string();
    let password = printed
        .lines()
        .find_map(|l| l.split(": ").nth(1))
        .unwrap()
        .trim()
        .to_string();
    // The operator has seen a generated password: it must be changed at first sign-in.
    assert_eq!(
        session(&app, "boss@lookout.test", &password).await["password_change_required"],
        true
    );

    // A chosen password from standard input.
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lookout"));
    cmd.current_dir(app.dir.path()).args([
        "admin",
        "create",
        "--email",
        "second@lookout.test",
        "--password-stdin",
    ]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a long chosen passphrase\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("a long chosen passphrase"));
    // A password the operator chose for themselves need not be changed.
    let second = session(&app, "second@lookout.test", "a long chosen passphrase").await;
    assert_eq!(second["password_change_required"], false);

    let again = lookout(
        app.dir.path(),
        &["admin", "create", "--email", "boss@lookout.test"],
        &env,
    );
    assert!(!again.status.success());
    assert!(text(&again).contains("already exists"), "{}", text(&again));
}

#[test]
fn every_command_has_help() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["--help"][..],
        &["serve", "--help"][..],
        &["migrate", "--help"][..],
        &["keys", "generate", "--help"][..],
        &["admin", "create", "--help"][..],
        &["audit", "verify", "--help"][..],
        &["seal", "--help"][..],
    ] {
        let out = lookout(dir.path(), args, &[]);
        assert!(out.status.success(), "{args:?}");
        let help = text(&out);
        assert!(help.contains("--config <FILE>"), "{args:?}: {help}");
    }
}

async fn migrate_applies_once_then_is_a_no_op(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::create(backend, dir.path());
    let url = db.url();
    let env = [("LOOKOUT__DATABASE__URL", url.as_str())];
    let first = lookout(dir.path(), &["migrate"], &env);
    assert!(first.status.success(), "{}", text(&first));
    assert!(text(&first).contains("applied"), "{}", text(&first));
    let second = lookout(dir.path(), &["migrate"], &env);
    assert!(second.status.success(), "{}", text(&second));
    assert!(
        text(&second).contains("the database is up to date"),
        "{}",
        text(&second)
    );
}

both_backends!(
    migrate_applies_once_then_is_a_no_op,
    admin_create_makes_an_administrator_who_can_log_in
);
