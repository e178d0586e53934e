//! Health, meta, problem details, security headers, start-up checks.

use lookout::app::Application;
use lookout::crypto::keys::generate_master_key;
use lookout::secret::SensitiveString;

use crate::both_backends;
use crate::helpers::{Backend, TestDb, assert_problem, spawn_app, spawn_app_with, test_settings};

async fn health_answers_ok(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/api/v1/health").await;
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body, serde_json::json!({"status": "ok", "database": "ok"}));
}

async fn meta_lists_reference_data(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/api/v1/meta").await;
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    let regions = body["regions"].as_array().unwrap();
    assert_eq!(
        regions.len(),
        45,
        "43 forces of England and Wales, Scotland, Northern Ireland"
    );
    assert!(
        regions.contains(&serde_json::json!({"code": "south-wales", "name": "South Wales Police"}))
    );
    for code in [
        "gwent",
        "dyfed-powys",
        "north-wales",
        "metropolitan",
        "city-of-london",
        "scotland",
        "northern-ireland",
    ] {
        assert!(regions.iter().any(|r| r["code"] == code), "{code}");
    }
    let categories: Vec<&str> = body["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    for code in [
        "violence",
        "sexual_assault",
        "robbery",
        "theft",
        "non_payment",
        "fraud",
        "threats_blackmail",
        "stalking_harassment",
        "online_abuse",
        "domestic_abuse",
        "consent_breach",
        "police_misconduct",
        "suspicious_behaviour",
        "other",
    ] {
        assert!(categories.contains(&code), "{code}");
    }
    assert!(body["spocs"].is_array());
    assert!(
        !body["consent_statement"]["version"]
            .as_str()
            .unwrap()
            .is_empty()
    );
    let text = body["consent_statement"]["text"].as_str().unwrap();
    assert!(
        text.contains("immigration"),
        "the statement promises the firewall"
    );
}

/// Under `/api/` an unknown path is a problem; elsewhere it is a page (see `pages.rs`).
async fn unknown_route_is_a_404_problem(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_problem(app.get("/api/v1/nothing-here").await, 404, "not_found").await;
    assert_problem(app.get("/api/nothing-here").await, 404, "not_found").await;
}

async fn wrong_method_is_a_405_problem(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app
        .client
        .delete(app.url("/api/v1/health"))
        .send()
        .await
        .unwrap();
    assert_problem(res, 405, "method_not_allowed").await;
    let res = app.post_json("/api/v1/meta", &serde_json::json!({})).await;
    assert_problem(res, 405, "method_not_allowed").await;
}

async fn every_response_has_security_headers(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in ["/api/v1/health", "/api/v1/meta", "/api/v1/missing"] {
        let res = app.get(path).await;
        let h = res.headers();
        assert_eq!(
            h["content-security-policy"], "default-src 'none'; frame-ancestors 'none'",
            "{path}"
        );
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["cache-control"], "no-store", "{path}");
        assert!(
            h.get("strict-transport-security").is_none(),
            "no HSTS over http: {path}"
        );
    }
}

async fn https_public_url_turns_on_hsts(backend: Backend) {
    let app = spawn_app_with(backend, |s| {
        s.server.public_url = "https://lookout.example.org".into()
    })
    .await;
    for path in ["/api/v1/health", "/api/v1/missing"] {
        let res = app.get(path).await;
        let hsts = res.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(hsts.starts_with("max-age="), "{hsts}");
    }
}

async fn starting_twice_keeps_the_schema_and_the_key(backend: Backend) {
    let app = spawn_app(backend).await;
    app.stop().await;
    // Same database and key: migrations have nothing to do and the key is recognised.
    let again = Application::build(app.settings.clone());
    assert!(again.is_ok(), "{:?}", again.err());
}

async fn a_different_master_key_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    app.stop().await;
    generate_master_key(&app.settings.keys.master_key_file, true).unwrap();
    let err = Application::build(app.settings.clone())
        .err()
        .expect("refused");
    let msg = format!("{err:#}");
    assert!(msg.contains("another master key"), "{msg}");
}

async fn an_unopenable_database_names_the_cause(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let db = TestDb::create(Backend::Sqlite, dir.path());
    let mut settings = test_settings(dir.path(), &db);
    let expected = match backend {
        Backend::Sqlite => {
            // A path under a regular file can never be created, even by root.
            std::fs::write(dir.path().join("file"), b"x").unwrap();
            settings.database.url =
                SensitiveString::new(format!("sqlite://{}/file/lookout.db", dir.path().display()));
            "cannot open the SQLite database at"
        }
        Backend::Postgres => {
            // Port 1 on loopback: nothing listens there, so libpq's own message must come through.
            settings.database.url =
                SensitiveString::new("postgres://lookout:pw-SECRET@127.0.0.1:1/lookout");
            "cannot connect to PostgreSQL: connection to server at \"127.0.0.1\", port 1 failed"
        }
    };
    let msg = format!("{:#}", Application::build(settings).err().expect("refused"));
    assert!(msg.contains(expected), "{msg}");
    assert!(
        !msg.contains("pw-SECRET"),
        "no password in the message: {msg}"
    );
}

/// With `server.onion_url` set, every response names the same path on the onion service (never
/// the query string, which can carry a token); without it, no response does.
#[tokio::test]
async fn an_onion_url_adds_onion_location() {
    let onion = format!(
        "http://{}.onion",
        &"abcdefghijklmnopqrstuvwxyz234567".repeat(2)[..56]
    );
    let app = spawn_app_with(Backend::Sqlite, |s| {
        s.server.onion_url = format!("{onion}/")
    })
    .await;
    for path in ["/api/v1/health", "/api/v1/missing"] {
        let res = app.get(&format!("{path}?token=secret")).await;
        assert_eq!(
            res.headers()["onion-location"],
            format!("{onion}{path}").as_str(),
            "{path}"
        );
    }
    let plain = spawn_app(Backend::Sqlite).await;
    let res = plain.get("/api/v1/health").await;
    assert!(res.headers().get("onion-location").is_none());
}

both_backends!(
    health_answers_ok,
    meta_lists_reference_data,
    unknown_route_is_a_404_problem,
    wrong_method_is_a_405_problem,
    every_response_has_security_headers,
    https_public_url_turns_on_hsts,
    starting_twice_keeps_the_schema_and_the_key,
    a_different_master_key_is_refused,
    an_unopenable_database_names_the_cause,
);

/// PostgreSQL only: a server can vanish under a running service; an SQLite file cannot in the
/// same way.
#[tokio::test]
async fn health_is_503_when_postgres_goes_away() {
    use diesel::Connection;
    use diesel::connection::SimpleConnection;
    let app = spawn_app_with(Backend::Postgres, |s| {
        s.database.connect_timeout_seconds = 1
    })
    .await;
    assert_eq!(app.get("/api/v1/health").await.status(), 200);
    let TestDb::Postgres {
        admin_url, name, ..
    } = &app.db
    else {
        unreachable!()
    };
    let mut admin = diesel::PgConnection::establish(admin_url).unwrap();
    admin
        .batch_execute(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
        .unwrap();
    let res = app.get("/api/v1/health").await;
    assert_eq!(res.status(), 503);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["database"], "unavailable");
}
