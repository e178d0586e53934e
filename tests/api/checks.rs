//! Client checks against published alerts, on both backends.

use lookout::services::staff::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, report, spawn_app, spawn_app_with};

async fn check(app: &TestApp, body: Value) -> Value {
    let res = app.post_json("/api/v1/checks", &body).await;
    assert_eq!(res.status(), 200, "{body}");
    res.json().await.unwrap()
}

/// Submits a report and returns (receipt, case id), whatever else is in the queue.
pub(crate) async fn submit(app: &TestApp, body: Value) -> (String, String) {
    let before = app.strings("SELECT id AS v FROM reports");
    let res = app.post_json("/api/v1/reports", &body).await;
    assert_eq!(res.status(), 201);
    let receipt = res.json::<Value>().await.unwrap()["receipt"]
        .as_str()
        .unwrap()
        .to_string();
    let id = app
        .strings("SELECT id AS v FROM reports")
        .into_iter()
        .find(|i| !before.contains(i))
        .unwrap();
    (receipt, id)
}

async fn publish(app: &TestApp, token: &str, case: &str) -> Value {
    let res = app
        .authed(
            Method::POST,
            &format!("/api/v1/cases/{case}/alerts"),
            Some(token),
            Some(&json!({
                "title": "Robbery", "body": "He took the money back.", "regions": ["gwent"], "category": "robbery",
                "identifiers": {"phone_numbers": ["07700 900123"], "emails": ["Bad.Guy@Example.org"], "vehicles": ["AB12 CDE"], "online_handles": ["@BadGuy"]}
            })),
        )
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    res.json().await.unwrap()
}

fn perpetrator_report() -> Value {
    report(json!({
        "region": "gwent",
        "perpetrator": {"phone_numbers": ["07700 900123"], "emails": ["Bad.Guy@Example.org"], "vehicles": ["AB12 CDE"], "online_handles": ["@BadGuy"]}
    }))
}

async fn checks_match_only_published_alerts_in_every_form(backend: Backend) {
    // More checks than one client may make in a minute by default.
    let app = spawn_app_with(backend, |s| s.checks.per_client_per_minute = 1000).await;
    let token = app.staff_token(Role::Caseworker).await;
    let (receipt, case) = submit(&app, perpetrator_report()).await;
    let queries = [
        json!({"phone": "07700 900123"}),
        json!({"phone": "+44 7700 900123"}),
        json!({"phone": "0044-7700-900-123"}),
        json!({"phone": "(07700) 900 123"}),
        json!({"email": "  bad.guy@EXAMPLE.org "}),
        json!({"vehicle": "ab12cde"}),
        json!({"vehicle": "AB12 CDE"}),
        json!({"handle": "badguy"}),
        json!({"handle": "@BADGUY"}),
    ];
    // Reported but not yet reviewed and published: nothing matches.
    for q in &queries {
        assert_eq!(check(&app, q.clone()).await, json!({"matches": []}), "{q}");
    }
    let published = publish(&app, &token, &case).await;
    for q in &queries {
        let body = check(&app, q.clone()).await;
        assert_eq!(
            body,
            json!({"matches": [{"alert_id": published["id"], "category": "robbery", "region": "gwent", "published_on": published["published_on"]}]}),
            "{q}"
        );
    }
    // Near misses do not match, and the answer has the same shape.
    for q in [
        json!({"phone": "07700 900124"}),
        json!({"vehicle": "AB12 CDF"}),
        json!({"handle": "badguy2"}),
        json!({"email": "bad.guy@example.com"}),
    ] {
        assert_eq!(check(&app, q.clone()).await, json!({"matches": []}), "{q}");
    }
    // No identifier is stored in plaintext, in any of its forms.
    let stored = app.everything_stored();
    for plain in [
        "07700 900123",
        "07700900123",
        "447700900123",
        "AB12CDE",
        "AB12 CDE",
        "ab12cde",
        "bad.guy@example.org",
        "Bad.Guy@Example.org",
        "badguy",
        "BadGuy",
    ] {
        assert!(!stored.contains(plain), "{plain} is stored in plaintext");
    }
    // Withdrawal removes the report's identifiers from every check.
    let res = app
        .post_json("/api/v1/receipt/withdraw", &json!({"receipt": receipt}))
        .await;
    assert_eq!(res.status(), 200);
    for q in &queries {
        assert_eq!(check(&app, q.clone()).await, json!({"matches": []}), "{q}");
    }
    assert_eq!(app.count("identifier_index"), 0);
}

async fn bad_checks_are_refused_clearly(backend: Backend) {
    let app = spawn_app(backend).await;
    for (body, field) in [
        (json!({"phone": "call me maybe"}), "phone"),
        (json!({"phone": "12"}), "phone"),
        (json!({"email": "nobody"}), "email"),
        (json!({"vehicle": "AB12 CDE!!"}), "vehicle"),
        (json!({"handle": "two words"}), "handle"),
        (json!({}), "body"),
        (
            json!({"phone": "07700 900123", "vehicle": "AB12CDE"}),
            "body",
        ),
        (json!({"name": "x"}), "name"),
    ] {
        let problem = assert_problem(
            app.post_json("/api/v1/checks", &body).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(problem["errors"][0]["field"], field, "{body}");
    }
    // Publishing refuses an identifier that could never be checked.
    let token = app.staff_token(Role::Caseworker).await;
    let (_, case) = submit(&app, perpetrator_report()).await;
    let res = app
        .authed(
            Method::POST,
            &format!("/api/v1/cases/{case}/alerts"),
            Some(&token),
            Some(&json!({"title": "t", "body": "b", "regions": ["gwent"], "category": "robbery", "identifiers": {"phone_numbers": ["ends in 456"]}})),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        problem["errors"][0]["field"],
        "identifiers.phone_numbers[0]"
    );
}

async fn checks_are_rate_limited(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.checks.per_client_per_minute = 3).await;
    for _ in 0..3 {
        check(&app, json!({"phone": "07700 900123"})).await;
    }
    let res = app
        .post_json("/api/v1/checks", &json!({"phone": "07700 900123"}))
        .await;
    assert_problem(res, 429, "rate_limited").await;
}

both_backends!(
    checks_match_only_published_alerts_in_every_form,
    bad_checks_are_refused_clearly,
    checks_are_rate_limited,
);
