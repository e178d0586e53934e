//! The OpenAPI document served at `/api/v1/openapi.json` tells the truth. One walk-through makes
//! real requests to every documented operation; each answer's status must be one the document
//! lists for that operation, and its body must match the schema given there. Every problem
//! answer in every other test is checked against the `Problem` schema too (`assert_problem`).

use std::collections::BTreeSet;
use std::sync::{LazyLock, Mutex};

use lookout::services::staff::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, report, smtp_settings, spawn_app_with};
use crate::smtp::{Mail, SmtpServer};

pub static DOC: LazyLock<Value> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../docs/openapi.json")).expect("docs/openapi.json")
});

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Validates `instance` against a schema of the document (formats asserted, not just noted).
pub fn validate(schema: &Value, instance: &Value, what: &str) {
    let mut root = schema.clone();
    let object = root
        .as_object_mut()
        .unwrap_or_else(|| panic!("{what}: schema is not an object"));
    object.insert("components".into(), DOC["components"].clone());
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&root)
        .unwrap_or_else(|e| panic!("{what}: the document's schema does not compile: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{e} (at '{}')", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: the answer does not match docs/openapi.json:\n  {}\nbody: {instance:#}",
        errors.join("\n  ")
    );
}

pub fn validate_problem(body: &Value) {
    validate(
        &json!({"$ref": "#/components/schemas/Problem"}),
        body,
        "problem",
    );
}

fn resolve(v: &Value) -> &Value {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => DOC
            .pointer(r.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("unresolved {r}")),
        None => v,
    }
}

/// Records which operations the walk-through has checked, so none can be skipped silently.
#[derive(Default)]
struct Walk {
    seen: Mutex<BTreeSet<(String, String)>>,
}

impl Walk {
    /// Checks one answer against the document (`template` as written there, e.g.
    /// `/api/v1/cases/{id}`) and returns its status and JSON body (`Null` when empty).
    async fn check(&self, res: reqwest::Response, method: &str, template: &str) -> (u16, Value) {
        let status = res.status().as_u16();
        let content_type = res
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(';').next().unwrap_or("").trim().to_string());
        let text = res.text().await.unwrap();
        let what = format!("{} {template} → {status}", method.to_uppercase());
        let op = &DOC["paths"][template][method];
        assert!(op.is_object(), "{what}: the operation is not documented");
        let documented = &op["responses"][status.to_string()];
        assert!(
            documented.is_object(),
            "{what}: the document does not list this status; body: {text}"
        );
        let documented = resolve(documented);
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("{what}: not JSON: {text}"))
        };
        match documented.get("content") {
            None => assert!(text.is_empty(), "{what}: a body the document does not give"),
            Some(content) => {
                let ct = content_type.unwrap_or_else(|| panic!("{what}: no content type"));
                let media = &content[&ct];
                assert!(
                    media.is_object(),
                    "{what}: content type {ct} not documented"
                );
                if let Some(schema) = media.get("schema") {
                    validate(schema, &body, &what);
                }
            }
        }
        self.seen
            .lock()
            .unwrap()
            .insert((method.to_string(), template.to_string()));
        (status, body)
    }

    fn assert_every_operation_seen(&self) {
        let documented: BTreeSet<(String, String)> = DOC["paths"]
            .as_object()
            .unwrap()
            .iter()
            .flat_map(|(path, item)| {
                item.as_object()
                    .unwrap()
                    .keys()
                    .filter(|m| METHODS.contains(&m.as_str()))
                    .map(move |m| (m.clone(), path.clone()))
            })
            .collect();
        let seen = self.seen.lock().unwrap();
        let missed: Vec<_> = documented.difference(&seen).collect();
        assert!(missed.is_empty(), "operations never exercised: {missed:?}");
    }
}

fn token_in(mail: &Mail, marker: &str) -> String {
    let start = mail
        .text
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker} in {}", mail.text));
    mail.text[start + marker.len()..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '&')
        .collect()
}

fn str_of(v: &Value, key: &str) -> String {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("no {key} in {v}"))
        .to_string()
}

/// The one new case id after a submission.
fn new_case(app: &TestApp, before: &[String]) -> String {
    app.strings("SELECT id AS v FROM reports")
        .into_iter()
        .find(|id| !before.contains(id))
        .unwrap()
}

both_backends!(every_operation_answers_as_documented);

async fn every_operation_answers_as_documented(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, smtp_settings(smtp.url())).await;
    let walk = Walk::default();
    let get = |path: &str| app.client.get(app.url(path)).send();
    let call = |method: Method, path: &str, token: Option<&str>, body: Option<Value>| {
        let mut req = app.client.request(method, app.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        req.send()
    };

    // Reference data, and the document itself.
    walk.check(
        get("/api/v1/health").await.unwrap(),
        "get",
        "/api/v1/health",
    )
    .await;
    let (_, meta) = walk
        .check(get("/api/v1/meta").await.unwrap(), "get", "/api/v1/meta")
        .await;
    let (_, challenge) = walk
        .check(
            get("/api/v1/challenge").await.unwrap(),
            "get",
            "/api/v1/challenge",
        )
        .await;
    assert_eq!(challenge["required"], false);
    let (_, served) = walk
        .check(
            get("/api/v1/openapi.json").await.unwrap(),
            "get",
            "/api/v1/openapi.json",
        )
        .await;
    // The file, with what only the running service knows filled in (`http::openapi::served`).
    let mut written = DOC.clone();
    for (name, key) in [
        ("RegionCode", "enum"),
        ("CategoryCode", "enum"),
        ("StatementVersion", "enum"),
        ("ActiveSpocId", "enum"),
        ("IncidentDate", "pattern"),
    ] {
        written["components"]["schemas"][name][key] =
            served["components"]["schemas"][name][key].clone();
    }
    assert_eq!(served, written, "the service serves docs/openapi.json");

    // Staff: an admin from the CLI's path, logging in over the API.
    let password = app.create_staff("admin@lookout.test", Role::Admin);
    let login = json!({"email": "admin@lookout.test", "password": password});
    let (_, session) = walk
        .check(
            call(Method::POST, "/api/v1/auth/login", None, Some(login))
                .await
                .unwrap(),
            "post",
            "/api/v1/auth/login",
        )
        .await;
    let admin = str_of(&session, "token");
    assert_eq!(session["password_change_required"], false);
    let (_, created) = walk
        .check(
            call(
                Method::POST,
                "/api/v1/staff",
                Some(&admin),
                Some(json!({"email": "cw@lookout.test", "role": "caseworker"})),
            )
            .await
            .unwrap(),
            "post",
            "/api/v1/staff",
        )
        .await;
    let initial = str_of(&created, "initial_password");
    let login = json!({"email": "cw@lookout.test", "password": initial});
    let (_, cw_session) = walk
        .check(
            call(Method::POST, "/api/v1/auth/login", None, Some(login))
                .await
                .unwrap(),
            "post",
            "/api/v1/auth/login",
        )
        .await;
    assert_eq!(cw_session["password_change_required"], true);
    let caseworker = str_of(&cw_session, "token");
    // An administrator's password must be changed before anything else.
    let (status, refused) = walk
        .check(
            call(
                Method::POST,
                "/api/v1/auth/totp/setup",
                Some(&caseworker),
                None,
            )
            .await
            .unwrap(),
            "post",
            "/api/v1/auth/totp/setup",
        )
        .await;
    assert_eq!(status, 403);
    assert_eq!(refused["code"], "password_change_required");
    let cw_password = "the caseworker's own passphrase";
    let (_, changed) = walk
        .check(
            call(
                Method::POST,
                "/api/v1/auth/password",
                Some(&caseworker),
                Some(json!({"current_password": initial, "new_password": cw_password})),
            )
            .await
            .unwrap(),
            "post",
            "/api/v1/auth/password",
        )
        .await;
    assert_eq!(changed["status"], "changed");
    let (_, setup) = walk
        .check(
            call(
                Method::POST,
                "/api/v1/auth/totp/setup",
                Some(&caseworker),
                None,
            )
            .await
            .unwrap(),
            "post",
            "/api/v1/auth/totp/setup",
        )
        .await;
    let totp = totp_rs::Totp::from_url(str_of(&setup, "otpauth_uri")).unwrap();
    let now = chrono::Utc::now().timestamp() as u64;
    let code = totp.generate(now);
    walk.check(
        call(
            Method::POST,
            "/api/v1/auth/totp/enable",
            Some(&caseworker),
            Some(json!({"code": code.to_string()})),
        )
        .await
        .unwrap(),
        "post",
        "/api/v1/auth/totp/enable",
    )
    .await;
    // Off again with the password and a later code, then enrolment started afresh (an
    // administrator resets it at the end).
    let (status, _) = walk
        .check(
            call(
                Method::POST,
                "/api/v1/auth/totp/disable",
                Some(&caseworker),
                Some(json!({"password": cw_password, "code": totp.generate(now + 30).to_string()})),
            )
            .await
            .unwrap(),
            "post",
            "/api/v1/auth/totp/disable",
        )
        .await;
    assert_eq!(status, 200);
    walk.check(
        call(
            Method::POST,
            "/api/v1/auth/totp/setup",
            Some(&caseworker),
            None,
        )
        .await
        .unwrap(),
        "post",
        "/api/v1/auth/totp/setup",
    )
    .await;

    // The register.
    let (_, spoc) = walk
        .check(
            call(
                Method::POST,
                "/api/v1/spocs",
                Some(&admin),
                Some(json!({"name": "DC Jane Doe", "region": "south-wales", "email": "jane.doe@police.example.org"})),
            )
            .await
            .unwrap(),
            "post",
            "/api/v1/spocs",
        )
        .await;
    let spoc_id = str_of(&spoc, "id");
    walk.check(
        call(Method::GET, "/api/v1/spocs", Some(&admin), None)
            .await
            .unwrap(),
        "get",
        "/api/v1/spocs",
    )
    .await;
    let (_, org) = walk
        .check(
            call(
                Method::POST,
                "/api/v1/orgs",
                Some(&admin),
                Some(json!({"name": "Cardiff Outreach", "email": "team@outreach.example.org"})),
            )
            .await
            .unwrap(),
            "post",
            "/api/v1/orgs",
        )
        .await;
    let (_, meta_again) = walk
        .check(get("/api/v1/meta").await.unwrap(), "get", "/api/v1/meta")
        .await;
    let version = str_of(&meta["consent_statement"], "version");
    assert_eq!(meta_again["spocs"][0]["id"], spoc_id.as_str());

    // Reporting: preview, plain, sealed, relayed.
    let consent = json!({"police": "full", "spoc_id": spoc_id, "statement_version": version});
    let full = report(json!({
        "consent": consent,
        "contact": {"name": "Mira", "email": "mira@example.net", "phone": "07700 900456", "notes": "evenings"},
    }));
    walk.check(
        app.post_json("/api/v1/reports/preview", &full).await,
        "post",
        "/api/v1/reports/preview",
    )
    .await;
    let before = app.strings("SELECT id AS v FROM reports");
    let (_, accepted) = walk
        .check(
            app.post_json("/api/v1/reports", &full).await,
            "post",
            "/api/v1/reports",
        )
        .await;
    let receipt = str_of(&accepted, "receipt");
    let case = new_case(&app, &before);
    let public_key = str_of(&meta["sealed_reports"], "public_key");
    let (enc, ciphertext) =
        lookout::crypto::sealed::seal_to(&public_key, report(json!({})).to_string().as_bytes())
            .unwrap();
    let (_, sealed) = walk
        .check(
            app.post_json(
                "/api/v1/reports/sealed",
                &json!({"enc": enc, "ciphertext": ciphertext}),
            )
            .await,
            "post",
            "/api/v1/reports/sealed",
        )
        .await;
    let mut relayed = report(
        json!({"consent": {"police": "anonymous", "spoc_id": spoc_id, "statement_version": version}}),
    );
    relayed["relay"] = json!({"worker_consented": true, "contact_via_org": true});
    walk.check(
        call(
            Method::POST,
            "/api/v1/relay/reports",
            Some(&str_of(&org, "api_key")),
            Some(relayed),
        )
        .await
        .unwrap(),
        "post",
        "/api/v1/relay/reports",
    )
    .await;

    // Following up with the receipt.
    let with_receipt = |extra: Value| {
        let mut body = json!({"receipt": receipt});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        body
    };
    walk.check(
        app.post_json(
            "/api/v1/receipt/messages",
            &with_receipt(json!({"body": "One more thing."})),
        )
        .await,
        "post",
        "/api/v1/receipt/messages",
    )
    .await;
    walk.check(
        app.post_json(
            "/api/v1/receipt/consent",
            &with_receipt(json!({"consent": consent})),
        )
        .await,
        "post",
        "/api/v1/receipt/consent",
    )
    .await;

    // Subscriptions: one confirmed by link (GET), one by POST, each with the token its email
    // carries (the email's own link opens a page; the API takes the same token).
    for email in ["one@sub.test", "two@sub.test"] {
        walk.check(
            app.post_json(
                "/api/v1/subscriptions",
                &json!({"email": email, "regions": ["south-wales"], "language": "en"}),
            )
            .await,
            "post",
            "/api/v1/subscriptions",
        )
        .await;
    }
    let confirmations = crate::alerts::drained_mail(&app, &smtp).await;
    assert_eq!(confirmations.len(), 2);
    let marker = "/subscriptions/confirm?token=";
    walk.check(
        get(&format!(
            "/api/v1{marker}{}",
            token_in(&confirmations[0], marker)
        ))
        .await
        .unwrap(),
        "get",
        "/api/v1/subscriptions/confirm",
    )
    .await;
    walk.check(
        app.post_json(
            "/api/v1/subscriptions/confirm",
            &json!({"token": token_in(&confirmations[1], marker)}),
        )
        .await,
        "post",
        "/api/v1/subscriptions/confirm",
    )
    .await;

    // The case: queue, view, draft, publish, reply, forward, close.
    walk.check(
        call(
            Method::GET,
            "/api/v1/cases?status=received",
            Some(&caseworker),
            None,
        )
        .await
        .unwrap(),
        "get",
        "/api/v1/cases",
    )
    .await;
    let path = |tail: &str| format!("/api/v1/cases/{case}{tail}");
    walk.check(
        call(Method::GET, &path(""), Some(&caseworker), None)
            .await
            .unwrap(),
        "get",
        "/api/v1/cases/{id}",
    )
    .await;
    let (_, draft) = walk
        .check(
            call(Method::GET, &path("/alert-draft"), Some(&caseworker), None)
                .await
                .unwrap(),
            "get",
            "/api/v1/cases/{id}/alert-draft",
        )
        .await;
    let publish = json!({
        "title": draft["title"], "body": draft["body"], "regions": ["south-wales"],
        "category": draft["category"], "identifiers": draft["identifiers"],
    });
    let (_, preview) = walk
        .check(
            call(
                Method::POST,
                &path("/alerts/preview"),
                Some(&caseworker),
                Some(publish.clone()),
            )
            .await
            .unwrap(),
            "post",
            "/api/v1/cases/{id}/alerts/preview",
        )
        .await;
    assert_eq!(preview["recipients"], 2);
    let (_, published) = walk
        .check(
            call(
                Method::POST,
                &path("/alerts"),
                Some(&caseworker),
                Some(publish),
            )
            .await
            .unwrap(),
            "post",
            "/api/v1/cases/{id}/alerts",
        )
        .await;
    assert_eq!(published["recipients"], 2);
    walk.check(
        call(
            Method::POST,
            &path("/messages"),
            Some(&caseworker),
            Some(json!({"body": "Thank you; the alert is out."})),
        )
        .await
        .unwrap(),
        "post",
        "/api/v1/cases/{id}/messages",
    )
    .await;
    let (_, forward_preview) = walk
        .check(
            call(
                Method::POST,
                &path("/forward/preview"),
                Some(&caseworker),
                Some(json!({})),
            )
            .await
            .unwrap(),
            "post",
            "/api/v1/cases/{id}/forward/preview",
        )
        .await;
    walk.check(
        call(
            Method::POST,
            &path("/forward"),
            Some(&caseworker),
            Some(json!({"previewed": forward_preview["digest"]})),
        )
        .await
        .unwrap(),
        "post",
        "/api/v1/cases/{id}/forward",
    )
    .await;
    // Errors are answers too: each must be a status the document lists for the operation.
    let (_, again) = walk
        .check(
            call(
                Method::POST,
                &path("/forward"),
                Some(&caseworker),
                Some(json!({})),
            )
            .await
            .unwrap(),
            "post",
            "/api/v1/cases/{id}/forward",
        )
        .await;
    assert_eq!(again["code"], "already_forwarded");
    walk.check(
        call(Method::POST, &path("/close"), Some(&caseworker), None)
            .await
            .unwrap(),
        "post",
        "/api/v1/cases/{id}/close",
    )
    .await;
    let (_, status) = walk
        .check(
            app.post_json("/api/v1/receipt", &with_receipt(json!({})))
                .await,
            "post",
            "/api/v1/receipt",
        )
        .await;
    assert_eq!(status["disclosures"].as_array().unwrap().len(), 1);
    assert_eq!(status["messages"].as_array().unwrap().len(), 2);

    // Checks, then the API's unsubscribe (GET and one-click POST) with the alert emails' tokens.
    walk.check(
        app.post_json("/api/v1/checks", &json!({"phone": "+44 7700 900123"}))
            .await,
        "post",
        "/api/v1/checks",
    )
    .await;
    let mails = crate::alerts::drained_mail(&app, &smtp).await;
    assert_eq!(
        mails.len(),
        5,
        "two confirmations, the forward and two alerts"
    );
    let alerts: Vec<&Mail> = mails
        .iter()
        .filter(|m| m.subject.starts_with("Safety alert"))
        .collect();
    assert_eq!(alerts.len(), 2);
    let marker = "/subscriptions/unsubscribe?token=";
    walk.check(
        get(&format!("/api/v1{marker}{}", token_in(alerts[0], marker)))
            .await
            .unwrap(),
        "get",
        "/api/v1/subscriptions/unsubscribe",
    )
    .await;
    walk.check(
        app.client
            .post(app.url(&format!("/api/v1{marker}{}", token_in(alerts[1], marker))))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap(),
        "post",
        "/api/v1/subscriptions/unsubscribe",
    )
    .await;

    // Transparency: statistics, a refused request for more, and the exception policy's flow
    // (proposed by the caseworker, rejected, proposed again and approved by the admin).
    walk.check(
        get("/api/v1/statistics").await.unwrap(),
        "get",
        "/api/v1/statistics",
    )
    .await;
    let (status, _) = walk
        .check(
            call(
                Method::POST,
                "/api/v1/police-requests",
                Some(&caseworker),
                Some(json!({"report_id": case, "requester": "spoc", "spoc_id": spoc_id, "asked_for": ["names"]})),
            )
            .await
            .unwrap(),
            "post",
            "/api/v1/police-requests",
        )
        .await;
    assert_eq!(status, 201);
    walk.check(
        call(
            Method::GET,
            &format!("/api/v1/police-requests?report_id={case}"),
            Some(&caseworker),
            None,
        )
        .await
        .unwrap(),
        "get",
        "/api/v1/police-requests",
    )
    .await;
    let proposal = json!({"spoc_id": spoc_id, "reason": "A child at immediate risk."});
    let propose = || {
        call(
            Method::POST,
            &path("/exception-disclosures"),
            Some(&caseworker),
            Some(proposal.clone()),
        )
    };
    let (status, first) = walk
        .check(
            propose().await.unwrap(),
            "post",
            "/api/v1/cases/{id}/exception-disclosures",
        )
        .await;
    assert_eq!(status, 201);
    walk.check(
        call(
            Method::GET,
            "/api/v1/exception-disclosures",
            Some(&caseworker),
            None,
        )
        .await
        .unwrap(),
        "get",
        "/api/v1/exception-disclosures",
    )
    .await;
    let decide = |id: &str, what: &str, token: &str| {
        call(
            Method::POST,
            &format!("/api/v1/exception-disclosures/{id}/{what}"),
            Some(token),
            None,
        )
    };
    let (status, _) = walk
        .check(
            decide(&str_of(&first, "id"), "approve", &caseworker)
                .await
                .unwrap(),
            "post",
            "/api/v1/exception-disclosures/{id}/approve",
        )
        .await;
    assert_eq!(status, 403, "a caseworker does not decide");
    let (status, _) = walk
        .check(
            decide(&str_of(&first, "id"), "reject", &admin)
                .await
                .unwrap(),
            "post",
            "/api/v1/exception-disclosures/{id}/reject",
        )
        .await;
    assert_eq!(status, 200);
    let (_, second) = walk
        .check(
            propose().await.unwrap(),
            "post",
            "/api/v1/cases/{id}/exception-disclosures",
        )
        .await;
    let (status, approved) = walk
        .check(
            decide(&str_of(&second, "id"), "approve", &admin)
                .await
                .unwrap(),
            "post",
            "/api/v1/exception-disclosures/{id}/approve",
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(approved["status"], "approved");
    let (_, status) = walk
        .check(
            app.post_json("/api/v1/receipt", &with_receipt(json!({})))
                .await,
            "post",
            "/api/v1/receipt",
        )
        .await;
    assert_eq!(status["disclosures"].as_array().unwrap().len(), 2);

    // Withdrawal of the sealed report; the register retired and revoked; the audit trail.
    walk.check(
        app.post_json(
            "/api/v1/receipt/withdraw",
            &json!({"receipt": sealed["receipt"]}),
        )
        .await,
        "post",
        "/api/v1/receipt/withdraw",
    )
    .await;
    walk.check(
        call(
            Method::POST,
            &format!("/api/v1/spocs/{spoc_id}/retire"),
            Some(&admin),
            None,
        )
        .await
        .unwrap(),
        "post",
        "/api/v1/spocs/{id}/retire",
    )
    .await;
    walk.check(
        call(
            Method::POST,
            &format!("/api/v1/orgs/{}/revoke", str_of(&org, "id")),
            Some(&admin),
            None,
        )
        .await
        .unwrap(),
        "post",
        "/api/v1/orgs/{id}/revoke",
    )
    .await;
    let (_, orgs) = walk
        .check(
            call(Method::GET, "/api/v1/orgs", Some(&admin), None)
                .await
                .unwrap(),
            "get",
            "/api/v1/orgs",
        )
        .await;
    assert_eq!(orgs[0]["active"], false);
    assert!(orgs[0].get("api_key").is_none());

    // The staff list, and what an administrator may do to another account (not to their own).
    let (_, accounts) = walk
        .check(
            call(Method::GET, "/api/v1/staff", Some(&admin), None)
                .await
                .unwrap(),
            "get",
            "/api/v1/staff",
        )
        .await;
    let id_of = |email: &str| {
        accounts
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["email"] == email)
            .map(|a| str_of(a, "id"))
            .unwrap_or_else(|| panic!("{email} not in {accounts}"))
    };
    let (cw_id, admin_id) = (id_of("cw@lookout.test"), id_of("admin@lookout.test"));
    let staff_post = |id: &str, action: &str| {
        call(
            Method::POST,
            &format!("/api/v1/staff/{id}/{action}"),
            Some(&admin),
            None,
        )
    };
    for action in ["totp-reset", "password-reset", "disable"] {
        let template = format!("/api/v1/staff/{{id}}/{action}");
        let (status, _) = walk
            .check(staff_post(&cw_id, action).await.unwrap(), "post", &template)
            .await;
        assert_eq!(status, 200, "{action}");
        let (status, _) = walk
            .check(
                staff_post(&admin_id, action).await.unwrap(),
                "post",
                &template,
            )
            .await;
        assert_eq!(status, 409, "{action} on one's own account");
        let (status, _) = walk
            .check(
                staff_post("no-such-account", action).await.unwrap(),
                "post",
                &template,
            )
            .await;
        assert_eq!(status, 404, "{action} on an unknown account");
    }
    let (status, _) = walk
        .check(
            call(Method::GET, "/api/v1/cases", Some(&caseworker), None)
                .await
                .unwrap(),
            "get",
            "/api/v1/cases",
        )
        .await;
    assert_eq!(status, 401, "a disabled account's session has ended");
    walk.check(
        call(Method::GET, "/api/v1/audit?limit=1000", Some(&admin), None)
            .await
            .unwrap(),
        "get",
        "/api/v1/audit",
    )
    .await;
    let (_, verified) = walk
        .check(
            call(Method::GET, "/api/v1/audit/verify", Some(&admin), None)
                .await
                .unwrap(),
            "get",
            "/api/v1/audit/verify",
        )
        .await;
    assert_eq!(verified["ok"], true);
    walk.check(
        call(Method::POST, "/api/v1/auth/logout", Some(&admin), None)
            .await
            .unwrap(),
        "post",
        "/api/v1/auth/logout",
    )
    .await;
    let (status, _) = walk
        .check(
            call(Method::GET, "/api/v1/audit", Some(&admin), None)
                .await
                .unwrap(),
            "get",
            "/api/v1/audit",
        )
        .await;
    assert_eq!(status, 401, "a logged-out token is refused");

    walk.assert_every_operation_seen();
}

both_backends!(the_document_is_served_as_json);

async fn the_document_is_served_as_json(backend: Backend) {
    let app = crate::helpers::spawn_app(backend).await;
    let res = app.get("/api/v1/openapi.json").await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/json")
    );
    let doc: Value = res.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    // The reference text of a wrong method is still a problem document.
    assert_problem(
        app.post_json("/api/v1/openapi.json", &json!({})).await,
        405,
        "method_not_allowed",
    )
    .await;
}
