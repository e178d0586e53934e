//! What generated-request testing (`scripts/schemathesis`) holds the service to, each case as a
//! client sees it: a `405` names the methods that work (`Allow`, RFC 9110), every maximum the
//! OpenAPI document states is enforced, and what the document's schemas admit is what the
//! service accepts.

use lookout::services::staff::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, assert_problem, report, spawn_app};

fn allow(res: &reqwest::Response) -> Vec<String> {
    let mut methods: Vec<String> = res
        .headers()
        .get_all("allow")
        .iter()
        .flat_map(|v| v.to_str().unwrap().split(','))
        .map(|m| m.trim().to_string())
        .filter(|m| !m.is_empty())
        .collect();
    methods.sort();
    methods
}

/// A wrong method on a known address answers 405 with `Allow` listing exactly the methods that
/// address answers: under `/api/` as a problem, elsewhere as a page.
async fn method_not_allowed_says_what_is(backend: Backend) {
    let app = spawn_app(backend).await;
    for (method, path, allowed) in [
        (Method::DELETE, "/api/v1/health", vec!["GET"]),
        (Method::PUT, "/api/v1/reports", vec!["POST"]),
        (Method::PATCH, "/api/v1/staff", vec!["GET", "POST"]),
        (
            Method::GET,
            "/api/v1/cases/00000000-0000-4000-8000-000000000000/close",
            vec!["POST"],
        ),
        (
            Method::OPTIONS,
            "/api/v1/subscriptions/unsubscribe",
            vec!["GET", "POST"],
        ),
        (Method::TRACE, "/api/v1/audit", vec!["GET"]),
    ] {
        let res = app
            .client
            .request(method.clone(), app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(allow(&res), allowed, "{method} {path}");
        assert_problem(res, 405, "method_not_allowed").await;
    }
    for (method, path, allowed) in [
        (Method::DELETE, "/", vec!["GET"]),
        (Method::PUT, "/report", vec!["GET", "POST"]),
    ] {
        let res = app
            .client
            .request(method.clone(), app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 405, "{method} {path}");
        assert_eq!(allow(&res), allowed, "{method} {path}");
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
    }
    // An address nothing answers has no methods to name.
    let res = app
        .client
        .delete(app.url("/api/v1/no-such-thing"))
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("allow").is_none());
    assert_problem(res, 404, "not_found").await;
}

both_backends!(method_not_allowed_says_what_is);

/// `GET /audit`'s `limit` is 1–5,000 as documented: outside that range, or not a number, 400
/// `bad_request`; inside it, the page.
async fn audit_limit_is_enforced(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.staff_token(Role::Admin).await;
    for query in [
        "limit=5001",
        "limit=0",
        "limit=-1",
        "limit=99999999999",
        "limit=ten",
    ] {
        let res = app
            .authed(
                Method::GET,
                &format!("/api/v1/audit?{query}"),
                Some(&token),
                None,
            )
            .await;
        assert_problem(res, 400, "bad_request").await;
    }
    for query in ["limit=1", "limit=5000", "after=0&limit=2", ""] {
        let res = app
            .authed(
                Method::GET,
                &format!("/api/v1/audit?{query}"),
                Some(&token),
                None,
            )
            .await;
        assert_eq!(res.status(), 200, "{query}");
        let entries: serde_json::Value = res.json().await.unwrap();
        assert!(entries.as_array().is_some_and(|e| !e.is_empty()), "{query}");
    }
    let res = app
        .authed(Method::GET, "/api/v1/audit?limit=1", Some(&token), None)
        .await;
    assert_eq!(
        res.json::<serde_json::Value>()
            .await
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let _ = json!({});
}

both_backends!(audit_limit_is_enforced);

/// A text's maximum is of the text as sent, as the document's `maxLength` says: spaces around it
/// count (they used to be trimmed first, so a longer text got in).
async fn text_maxima_are_of_the_text_as_sent(backend: Backend) {
    let app = spawn_app(backend).await;
    let over = format!("{}  ", "a".repeat(199));
    let res = app
        .post_json("/api/v1/reports/preview", &report(json!({"area": over})))
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "area", "{body}");
    let vehicle = format!("\u{85}AB12 CDE{}", "\u{85}".repeat(12));
    let res = app
        .post_json(
            "/api/v1/reports",
            &report(json!({"perpetrator": {"vehicles": [vehicle]}})),
        )
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        body["errors"][0]["field"], "perpetrator.vehicles[0]",
        "{body}"
    );
    assert_eq!(app.count("reports"), 0);
    let res = app
        .post_json(
            "/api/v1/reports/preview",
            &report(json!({"area": format!("{} ", "a".repeat(199))})),
        )
        .await;
    assert_eq!(res.status(), 200);
}

both_backends!(text_maxima_are_of_the_text_as_sent);

/// A forward's spans are at most 20,000 characters, as documented, not bytes: 20,000 two-byte
/// characters pass the check (and the unknown case then answers 404); one more is refused.
async fn forward_spans_are_counted_in_characters(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.staff_token(Role::Caseworker).await;
    let path = "/api/v1/cases/00000000-0000-4000-8000-000000000000/forward/preview";
    let res = app
        .authed(
            Method::POST,
            path,
            Some(&token),
            Some(&json!({"remove": ["\u{e9}".repeat(20_000)]})),
        )
        .await;
    assert_problem(res, 404, "not_found").await;
    let res = app
        .authed(
            Method::POST,
            path,
            Some(&token),
            Some(&json!({"remove": ["\u{e9}".repeat(20_001)]})),
        )
        .await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "remove");
}

both_backends!(forward_spans_are_counted_in_characters);

/// The served document lists what only the running service knows: its region and category
/// codes, the consent statement's version and the active police contacts, as `/meta` does; and
/// its incident-date pattern admits last year but not next.
async fn the_served_document_names_what_the_service_takes(backend: Backend) {
    let app = spawn_app(backend).await;
    let spoc = app.insert_spoc("DC Jane Doe", "gwent");
    let meta: Value = app.get("/api/v1/meta").await.json().await.unwrap();
    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let schemas = &doc["components"]["schemas"];
    let codes = |list: &Value| -> Value {
        list.as_array()
            .unwrap()
            .iter()
            .map(|e| e["code"].clone())
            .collect()
    };
    assert_eq!(schemas["RegionCode"]["enum"], codes(&meta["regions"]));
    assert_eq!(schemas["CategoryCode"]["enum"], codes(&meta["categories"]));
    assert_eq!(
        schemas["StatementVersion"]["enum"],
        json!([meta["consent_statement"]["version"]])
    );
    assert_eq!(schemas["ActiveSpocId"]["enum"], json!([spoc]));
    let this_year = chrono::Datelike::year(&chrono::Utc::now().date_naive());
    let date = &schemas["IncidentDate"];
    assert!(jsonschema::is_valid(
        date,
        &json!(format!("{}-12-31", this_year - 1))
    ));
    assert!(!jsonschema::is_valid(
        date,
        &json!(format!("{}-01-01", this_year + 1))
    ));
    // A report made of what the document admits is taken.
    let res = app
        .post_json(
            "/api/v1/reports",
            &report(json!({
                "incident_date": format!("{}-12-31", this_year - 1),
                "consent": {"police": "anonymous", "spoc_id": spoc,
                            "statement_version": meta["consent_statement"]["version"]},
            })),
        )
        .await;
    assert_eq!(res.status(), 201);
}

both_backends!(the_served_document_names_what_the_service_takes);

/// A SPOC's address is at most 254 characters, as documented; one longer is a field error and
/// nothing is registered.
async fn a_spoc_address_is_at_most_254_characters(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.staff_token(Role::Admin).await;
    let long = format!("{}@police.example.org", "a".repeat(255 - 19));
    assert_eq!(long.chars().count(), 255);
    let body = json!({"name": "DC Jane Doe", "region": "south-wales", "email": long});
    let res = app
        .authed(Method::POST, "/api/v1/spocs", Some(&token), Some(&body))
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["field"], "email", "{problem}");
    assert_eq!(app.count("spocs"), 0);
}

both_backends!(a_spoc_address_is_at_most_254_characters);

/// `contact`, `perpetrator` and `consent` are objects: serde would build them from an array too,
/// and the contract does not allow that.
async fn nested_objects_must_be_objects(backend: Backend) {
    let app = spawn_app(backend).await;
    for field in ["contact", "perpetrator", "consent"] {
        for path in ["/api/v1/reports", "/api/v1/reports/preview"] {
            let res = app
                .post_json(path, &report(json!({ field: [null, null] })))
                .await;
            let problem = assert_problem(res, 422, "validation_failed").await;
            assert_eq!(problem["errors"][0]["field"], field, "{path}: {problem}");
        }
    }
    assert_eq!(app.count("reports"), 0);
}

both_backends!(nested_objects_must_be_objects);
