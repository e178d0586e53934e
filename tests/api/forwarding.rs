//! Consent-gated forwarding to named SPOCs, the recipient firewall, relaying and the audit log,
//! against a real SMTP server.

use std::time::Duration;

use lookout::services::deliveries::Drained;
use lookout::services::staff::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, report, smtp_settings, spawn_app_with};
use crate::smtp::SmtpServer;

const VERSION: &str = lookout::domain::consent::STATEMENT_VERSION;
const WORKER_EMAIL: &str = "worker-mrk@example.net";
const WORKER_PHONE: &str = "07700 900555";

struct World {
    app: TestApp,
    smtp: SmtpServer,
    admin: String,
    caseworker: String,
}

async fn world(backend: Backend) -> World {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, smtp_settings(smtp.url())).await;
    let admin = app.staff_token(Role::Admin).await;
    let caseworker = app.staff_token(Role::Caseworker).await;
    World {
        app,
        smtp,
        admin,
        caseworker,
    }
}

impl World {
    async fn spoc(&self, name: &str, email: &str) -> String {
        let res = self
            .app
            .authed(
                Method::POST,
                "/api/v1/spocs",
                Some(&self.admin),
                Some(&json!({"name": name, "region": "south-wales", "email": email})),
            )
            .await;
        assert_eq!(res.status(), 201);
        res.json::<Value>().await.unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    async fn org(&self) -> (String, String) {
        let res = self
            .app
            .authed(Method::POST, "/api/v1/orgs", Some(&self.admin), Some(&json!({"name": "Cardiff Outreach", "email": "caseworkers@outreach.example.org"})))
            .await;
        assert_eq!(res.status(), 201);
        let body: Value = res.json().await.unwrap();
        (
            body["id"].as_str().unwrap().to_string(),
            body["api_key"].as_str().unwrap().to_string(),
        )
    }

    /// Submits (directly, or relayed with `org_key`) and returns (receipt, case id).
    async fn submit(&self, body: Value, org_key: Option<&str>) -> (String, String) {
        let before: Vec<String> = self.app.strings("SELECT id AS v FROM reports");
        let res = match org_key {
            Some(key) => self
                .app
                .client
                .post(self.app.url("/api/v1/relay/reports"))
                .bearer_auth(key)
                .json(&body)
                .send()
                .await
                .unwrap(),
            None => self.app.post_json("/api/v1/reports", &body).await,
        };
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
        let receipt = res.json::<Value>().await.unwrap()["receipt"]
            .as_str()
            .unwrap()
            .to_string();
        let id = self
            .app
            .strings("SELECT id AS v FROM reports")
            .into_iter()
            .find(|id| !before.contains(id))
            .unwrap();
        (receipt, id)
    }

    /// Forwards are sent within their request, so what the mail server holds when it answers is
    /// final; draining the outbox first makes sure no queued mail (an alert, a confirmation) can
    /// still arrive after the check either.
    async fn nothing_queued(&self) {
        let drained = self.app.drain().await;
        assert_eq!(drained, Drained::default(), "nothing was queued");
    }

    async fn forward(&self, case: &str) -> reqwest::Response {
        self.app
            .authed(
                Method::POST,
                &format!("/api/v1/cases/{case}/forward"),
                Some(&self.caseworker),
                Some(&json!({})),
            )
            .await
    }
}

fn consent(level: &str, spoc: &str) -> Value {
    if level == "none" {
        json!({"police": "none"})
    } else {
        json!({"police": level, "spoc_id": spoc, "statement_version": VERSION})
    }
}

fn normalise(s: &str) -> String {
    s.replace("\r\n", "\n").trim_end().to_string()
}

async fn the_forward_matrix(backend: Backend) {
    let w = world(backend).await;
    let (_, org_key) = w.org().await;
    let mut sent = 0;
    for level in ["none", "anonymous", "full"] {
        for retired in [false, true] {
            for relayed in [false, true] {
                let label = format!(
                    "{level}/{}/{}",
                    if retired { "retired" } else { "active" },
                    if relayed { "relayed" } else { "direct" }
                );
                let spoc_email = format!(
                    "dc.{}.{}.{}@south-wales.police.uk",
                    level, retired as u8, relayed as u8
                );
                let spoc = w.spoc("DC Jane Doe", &spoc_email).await;
                let mut body = report(json!({
                    "description": format!("He hit me. You can reach me on {WORKER_PHONE}."),
                    "contact": {"name": "Jessamy", "email": WORKER_EMAIL, "phone": WORKER_PHONE},
                    "consent": consent(level, &spoc),
                }));
                if relayed {
                    body["relay"] = json!({"worker_consented": true, "contact_via_org": true});
                }
                let mut preview_body = body.clone();
                preview_body.as_object_mut().unwrap().remove("relay");
                let (receipt, case) = w.submit(body, relayed.then_some(org_key.as_str())).await;
                if retired {
                    let res = w
                        .app
                        .authed(
                            Method::POST,
                            &format!("/api/v1/spocs/{spoc}/retire"),
                            Some(&w.admin),
                            None,
                        )
                        .await;
                    assert_eq!(res.status(), 200);
                }
                let res = w.forward(&case).await;
                match (level, retired) {
                    ("none", _) => {
                        assert_problem(res, 403, "consent_required").await;
                        continue;
                    }
                    (_, true) => {
                        assert_problem(res, 403, "consent_spoc_changed").await;
                        let view: Value = w
                            .app
                            .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
                            .await
                            .json()
                            .await
                            .unwrap();
                        assert_eq!(view["consent"]["needs_renewal"], true, "{label}");
                        continue;
                    }
                    _ => {}
                }
                assert_eq!(res.status(), 201, "{label}: {}", res.text().await.unwrap());
                sent += 1;
                // Sent within the request: on the server by the time it answers, and only once.
                let mails = w.smtp.messages();
                assert_eq!(mails.len(), sent, "{label}: one message per forward");
                let mail = mails.last().unwrap();
                assert_eq!(
                    mail.to,
                    vec![spoc_email.clone()],
                    "{label}: exactly the consented SPOC"
                );
                assert!(
                    mail.subject.starts_with("Lookout report: Robbery"),
                    "{label}: {}",
                    mail.subject
                );
                let text = normalise(&mail.text);
                assert!(text.contains("He hit me."), "{label}: {text}");
                assert!(
                    text.contains("07700 900123"),
                    "{label}: the perpetrator's number is kept"
                );
                // Whatever the level, the reporter's own number never appears in the description.
                let description_part = text
                    .split("Contact route chosen by the reporter")
                    .next()
                    .unwrap();
                assert!(!description_part.contains(WORKER_PHONE), "{label}: {text}");
                match (level, relayed) {
                    ("anonymous", _) => {
                        for leak in [
                            WORKER_EMAIL,
                            WORKER_PHONE,
                            "Jessamy",
                            "outreach.example.org",
                            "Cardiff Outreach",
                        ] {
                            assert!(!text.contains(leak), "{label}: {leak} in {text}");
                        }
                        assert!(text.contains("no contact route is given"), "{label}");
                    }
                    ("full", false) => {
                        assert!(
                            text.contains(&format!("Email: {WORKER_EMAIL}")),
                            "{label}: {text}"
                        );
                        assert!(!text.contains("outreach.example.org"), "{label}");
                    }
                    ("full", true) => {
                        assert!(
                            text.contains("Cardiff Outreach <caseworkers@outreach.example.org>"),
                            "{label}: {text}"
                        );
                        assert!(
                            !text.contains(WORKER_EMAIL),
                            "{label}: the worker's own contact is not given"
                        );
                    }
                    _ => unreachable!(),
                }
                // The reporter sees exactly what was sent, and could have previewed it.
                let view: Value = w
                    .app
                    .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
                    .await
                    .json()
                    .await
                    .unwrap();
                assert_eq!(view["status"], "forwarded");
                let disclosure = &view["disclosures"][0];
                assert_eq!(disclosure["to"], "DC Jane Doe, South Wales Police");
                assert_eq!(disclosure["level"], level);
                assert_eq!(
                    normalise(disclosure["content"].as_str().unwrap()),
                    text,
                    "{label}"
                );
                if !relayed {
                    let preview: Value = w
                        .app
                        .post_json("/api/v1/reports/preview", &preview_body)
                        .await
                        .json()
                        .await
                        .unwrap();
                    assert_eq!(
                        normalise(preview["police_forward"].as_str().unwrap()),
                        text,
                        "{label}: preview = what was sent"
                    );
                }
                // Never twice.
                assert_problem(w.forward(&case).await, 409, "already_forwarded").await;
            }
        }
    }
    w.nothing_queued().await;
    assert_eq!(w.smtp.messages().len(), sent, "nothing else was sent");
    assert_eq!(sent, 4);
}

async fn immigration_addresses_are_refused_at_registration_and_at_send_time(backend: Backend) {
    let w = world(backend).await;
    for email in [
        "officer@homeoffice.gov.uk",
        "x@ukvi.homeoffice.gov.uk",
        "x@borderforce.gov.uk",
        // Forms a mail library would still deliver to a blocked domain.
        "<x@passport.gov.uk>",
        "Jane <x@passport.gov.uk>",
        "x@ＰＡＳＳＰＯＲＴ.gov.uk",
        "x@passport.gov.uk.",
    ] {
        let res = w
            .app
            .authed(
                Method::POST,
                "/api/v1/spocs",
                Some(&w.admin),
                Some(&json!({"name": "Officer", "region": "gwent", "email": email})),
            )
            .await;
        let problem = assert_problem(res, 422, "firewall_recipient").await;
        assert_eq!(problem["errors"][0]["field"], "email", "{email}");
    }
    let res = w
        .app
        .authed(Method::POST, "/api/v1/spocs", Some(&w.admin), Some(&json!({"name": "Control room", "region": "gwent", "email": "info@gwent.police.uk"})))
        .await;
    assert_problem(res, 422, "validation_failed").await;
    assert_eq!(w.app.count("spocs"), 0);

    // Written straight into the database, bypassing the register: still never sent to.
    let spoc = w.app.insert_spoc("Officer", "south-wales");
    w.app.execute(&format!(
        "UPDATE spocs SET email = 'Officer <enforcement@passport.gov.uk>' WHERE id = '{spoc}'"
    ));
    let (receipt, case) = w
        .submit(
            report(json!({"consent": consent("anonymous", &spoc)})),
            None,
        )
        .await;
    assert_problem(w.forward(&case).await, 422, "firewall_recipient").await;
    w.nothing_queued().await;
    assert!(w.smtp.messages().is_empty(), "nothing was sent");
    assert_eq!(w.app.count("disclosures"), 0);
    let view: Value = w
        .app
        .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["disclosures"], json!([]));
    assert_eq!(view["status"], "received");
}

async fn relaying_needs_the_workers_consent_and_a_live_key(backend: Backend) {
    let w = world(backend).await;
    let (org, key) = w.org().await;
    let post = |body: Value, key: Option<String>| {
        let mut req = w
            .app
            .client
            .post(w.app.url("/api/v1/relay/reports"))
            .json(&body);
        if let Some(k) = key {
            req = req.bearer_auth(k);
        }
        req.send()
    };
    let mut without = report(json!({}));
    without["relay"] = json!({"worker_consented": false});
    let problem = assert_problem(
        post(without, Some(key.clone())).await.unwrap(),
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "relay.worker_consented");
    assert_problem(
        post(report(json!({})), Some(key.clone())).await.unwrap(),
        422,
        "validation_failed",
    )
    .await;
    let mut with = report(json!({}));
    with["relay"] = json!({"worker_consented": true});
    assert_problem(post(with.clone(), None).await.unwrap(), 401, "unauthorized").await;
    assert_problem(
        post(with.clone(), Some("not-a-key".into())).await.unwrap(),
        401,
        "unauthorized",
    )
    .await;
    assert_eq!(
        post(with.clone(), Some(key.clone()))
            .await
            .unwrap()
            .status(),
        201
    );
    // The case says who relayed it.
    let cases: Value = w
        .app
        .authed(Method::GET, "/api/v1/cases", Some(&w.caseworker), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(cases[0]["relayed_by"], "Cardiff Outreach");
    // Revocation is immediate.
    let res = w
        .app
        .authed(
            Method::POST,
            &format!("/api/v1/orgs/{org}/revoke"),
            Some(&w.admin),
            None,
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_problem(post(with, Some(key)).await.unwrap(), 401, "unauthorized").await;
    assert_eq!(w.app.count("reports"), 1);
    // A caseworker cannot manage the register.
    let res = w
        .app
        .authed(
            Method::POST,
            "/api/v1/orgs",
            Some(&w.caseworker),
            Some(&json!({"name": "x", "email": "x@example.org"})),
        )
        .await;
    assert_problem(res, 403, "forbidden").await;
}

async fn misconduct_reports_go_only_to_the_spoc_the_reporter_named(backend: Backend) {
    let w = world(backend).await;
    let named = w
        .spoc("DS Named Person", "named.person@south-wales.police.uk")
        .await;
    let other = w
        .spoc("DS Someone Else", "someone.else@south-wales.police.uk")
        .await;
    let body =
        report(json!({"category": "police_misconduct", "consent": consent("anonymous", &named)}));
    let preview: Value = w
        .app
        .post_json("/api/v1/reports/preview", &body)
        .await
        .json()
        .await
        .unwrap();
    let warning = preview["warnings"][0].as_str().unwrap();
    assert!(
        warning.contains("police misconduct") && warning.contains("DS Named Person"),
        "{warning}"
    );
    let (_, case) = w.submit(body, None).await;
    // Someone points the case at another SPOC behind the reporter's back: refused.
    w.app.execute(&format!(
        "UPDATE reports SET consent_spoc_id = '{other}' WHERE id = '{case}'"
    ));
    assert_problem(w.forward(&case).await, 403, "consent_required").await;
    w.app.execute(&format!(
        "UPDATE reports SET consent_spoc_id = '{named}' WHERE id = '{case}'"
    ));
    assert_eq!(w.forward(&case).await.status(), 201);
    w.nothing_queued().await;
    let mails = w.smtp.messages();
    assert_eq!(mails.len(), 1, "one forward, to one SPOC");
    assert_eq!(
        mails[0].to,
        vec!["named.person@south-wales.police.uk".to_string()]
    );
}

async fn the_audit_log_detects_tampering(backend: Backend) {
    let w = world(backend).await;
    let spoc = w
        .spoc("DC Jane Doe", "jane.doe@south-wales.police.uk")
        .await;
    let (receipt, case) = w
        .submit(report(json!({"consent": consent("none", &spoc)})), None)
        .await;
    let res = w
        .app
        .post_json(
            "/api/v1/receipt/consent",
            &json!({"receipt": receipt, "consent": consent("anonymous", &spoc)}),
        )
        .await;
    assert_eq!(res.status(), 200);
    w.app
        .authed(
            Method::GET,
            &format!("/api/v1/cases/{case}"),
            Some(&w.caseworker),
            None,
        )
        .await;
    let draft = w
        .app
        .authed(
            Method::GET,
            &format!("/api/v1/cases/{case}/alert-draft"),
            Some(&w.caseworker),
            None,
        )
        .await;
    assert_eq!(draft.status(), 200);
    assert_eq!(w.forward(&case).await.status(), 201);
    let entries: Value = w
        .app
        .authed(Method::GET, "/api/v1/audit", Some(&w.admin), None)
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for action in [
        "staff.login",
        "spoc.create",
        "case.view",
        "case.view_draft",
        "case.forward",
        "consent.change",
    ] {
        assert!(
            actions.contains(&action),
            "{action} missing from {actions:?}"
        );
    }
    // Ids and actions only: no content.
    assert!(!entries.to_string().contains("knifepoint"));
    let ok: Value = w
        .app
        .authed(Method::GET, "/api/v1/audit/verify", Some(&w.admin), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ok["ok"], true);
    assert_eq!(ok["entries"], entries.as_array().unwrap().len());
    let res = w
        .app
        .authed(Method::GET, "/api/v1/audit", Some(&w.caseworker), None)
        .await;
    assert_problem(res, 403, "forbidden").await;

    // Someone edits one entry straight in the database.
    let view = entries
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "case.view")
        .unwrap();
    let seq = view["seq"].as_i64().unwrap();
    w.app.execute(&format!(
        "UPDATE audit_log SET action = 'case.nothing' WHERE seq = {seq}"
    ));
    let broken: Value = w
        .app
        .authed(Method::GET, "/api/v1/audit/verify", Some(&w.admin), None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(broken["ok"], false);
    assert_eq!(broken["broken_at"], seq);
    // The command line says the same.
    let url = w.app.db.url();
    let key = w.app.settings.keys.master_key_file.display().to_string();
    let out = crate::cli::lookout(
        w.app.dir.path(),
        &["audit", "verify"],
        &[
            ("LOOKOUT__DATABASE__URL", url.as_str()),
            ("LOOKOUT__KEYS__MASTER_KEY_FILE", key.as_str()),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains(&format!("entry {seq}")), "{said}");
}

both_backends!(
    the_forward_matrix,
    immigration_addresses_are_refused_at_registration_and_at_send_time,
    relaying_needs_the_workers_consent_and_a_live_key,
    misconduct_reports_go_only_to_the_spoc_the_reporter_named,
    the_audit_log_detects_tampering,
);

both_backends!(
    a_consent_change_while_a_forward_is_prepared_stops_it,
    a_consent_written_into_the_database_sends_nothing,
);

/// Someone who can write to the database but has no master key gives a report consent it never
/// had: first in the report's consent columns, then in its consent history too. Either way the
/// forward is refused and audited, and the SPOC receives nothing. The reporter's own consent,
/// given afterwards with the receipt, is honoured.
async fn a_consent_written_into_the_database_sends_nothing(backend: Backend) {
    let w = world(backend).await;
    let spoc = w
        .spoc("DC Jane Doe", "jane.doe@south-wales.police.uk")
        .await;
    let contact = json!({"name": "Mira", "phone": "07700 900456"});
    let (receipt, case) = w
        .submit(
            report(json!({"consent": consent("none", &spoc), "contact": contact})),
            None,
        )
        .await;
    assert_problem(w.forward(&case).await, 403, "consent_required").await;

    w.app.execute(&format!(
        "UPDATE reports SET consent_level = 'full', consent_spoc_id = '{spoc}' WHERE id = '{case}'"
    ));
    let res = w.forward(&case).await;
    let problem = assert_problem(res, 403, "consent_required").await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("does not verify"),
        "{problem}"
    );
    w.app.execute(&format!(
        "UPDATE consent_history SET level = 'full', spoc_id = '{spoc}' WHERE report_id = '{case}'"
    ));
    assert_problem(w.forward(&case).await, 403, "consent_required").await;
    let drained = w.app.drain().await;
    assert_eq!(drained.sent, 0, "{drained:?}");
    assert!(w.smtp.messages().is_empty(), "the SPOC received something");
    let entries: Value = w
        .app
        .authed(Method::GET, "/api/v1/audit", Some(&w.admin), None)
        .await
        .json()
        .await
        .unwrap();
    let refusals = entries
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "case.forward_refused" && e["target"] == case.as_str())
        .count();
    assert_eq!(refusals, 2, "{entries}");

    // The reporter gives consent with the receipt: that one is recorded with its MAC.
    let res = w
        .app
        .post_json(
            "/api/v1/receipt/consent",
            &json!({"receipt": receipt, "consent": consent("anonymous", &spoc)}),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(w.forward(&case).await.status(), 201);
    let mails = w.smtp.wait_for(1, Duration::from_secs(30)).await;
    assert_eq!(mails.len(), 1);
    assert!(
        !mails[0].text.contains("Mira"),
        "anonymous: {}",
        mails[0].text
    );
}

/// The forward reads the consent, builds the text, then records and sends. A reporter who lowers
/// their consent in between must win: the forward is checked again under the report's lock.
async fn a_consent_change_while_a_forward_is_prepared_stops_it(backend: Backend) {
    let w = world(backend).await;
    let spoc = w.spoc("DC Jane Doe", "jane.doe@police.example.org").await;
    let contact = json!({"email": "mira@example.net"});
    let (receipt, case) = w
        .submit(
            report(json!({"consent": consent("full", &spoc), "contact": contact})),
            None,
        )
        .await;
    // A concurrent writer holds the report while the forward starts: the forward reads the
    // consent as `full`, then waits for the lock to record its decision.
    let held = w.app.hold_report(&case);
    let request = w
        .app
        .client
        .post(w.app.url(&format!("/api/v1/cases/{case}/forward")))
        .bearer_auth(&w.caseworker)
        .json(&json!({}))
        .send();
    let forward = tokio::spawn(request);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    // Meanwhile the reporter withdrew consent.
    held.commit_after(&format!(
        "UPDATE reports SET consent_level = 'none', consent_spoc_id = NULL WHERE id = '{case}'"
    ));
    let res = forward.await.unwrap().unwrap();
    let problem = assert_problem(res, 409, "conflict").await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("Nothing was sent")
    );
    w.nothing_queued().await;
    assert!(w.smtp.messages().is_empty(), "nothing was sent");
    assert_eq!(w.app.count("disclosures"), 0);
    let view: Value = w
        .app
        .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["status"], "received");
    assert_eq!(view["disclosures"], json!([]));
}

impl World {
    async fn post_case(&self, case: &str, tail: &str, body: &Value) -> reqwest::Response {
        self.app
            .authed(
                Method::POST,
                &format!("/api/v1/cases/{case}{tail}"),
                Some(&self.caseworker),
                Some(body),
            )
            .await
    }

    /// The forward preview of `case` with this body; 200 or a refusal.
    async fn preview(&self, case: &str, body: &Value) -> reqwest::Response {
        self.post_case(case, "/forward/preview", body).await
    }

    /// The forward preview, which must succeed.
    async fn previewed(&self, case: &str, body: &Value) -> Value {
        let res = self.preview(case, body).await;
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
        res.json().await.unwrap()
    }

    async fn audit_actions(&self) -> Vec<String> {
        let entries: Value = self
            .app
            .authed(Method::GET, "/api/v1/audit", Some(&self.admin), None)
            .await
            .json()
            .await
            .unwrap();
        entries
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap().to_string())
            .collect()
    }

    async fn receipt_view(&self, receipt: &str) -> Value {
        self.app
            .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
            .await
            .json()
            .await
            .unwrap()
    }
}

both_backends!(
    a_forward_preview_is_exactly_what_is_sent,
    a_forward_preview_refuses_as_a_forward_would,
    a_forward_after_a_stale_preview_sends_nothing,
);

/// The caseworker reads the preview, presses forward with its digest, and the SPOC receives
/// exactly that: the same address, subject and text, byte for byte.
async fn a_forward_preview_is_exactly_what_is_sent(backend: Backend) {
    let w = world(backend).await;
    let spoc = w
        .spoc("DC Jane Doe", "jane.doe@south-wales.police.uk")
        .await;
    let (receipt, case) = w
        .submit(
            report(json!({
                "description": format!("He hit me. He laughed about it the next day. You can reach me on {WORKER_PHONE}."),
                "contact": {"name": "Jessamy", "email": WORKER_EMAIL, "phone": WORKER_PHONE},
                "consent": consent("full", &spoc),
            })),
            None,
        )
        .await;
    let whole = w.previewed(&case, &json!({})).await;
    assert_eq!(whole["to"], "jane.doe@south-wales.police.uk");
    assert_eq!(
        whole["spoc"],
        json!({"id": spoc, "name": "DC Jane Doe", "region": "south-wales"})
    );
    assert_eq!(whole["level"], "full");
    let text = whole["text"].as_str().unwrap();
    assert!(text.contains("He laughed about it the next day."), "{text}");
    assert!(text.contains(&format!("Email: {WORKER_EMAIL}")), "{text}");
    // No body at all previews the same; the digest is stable while nothing changes.
    let again: Value = w
        .app
        .client
        .post(w.app.url(&format!("/api/v1/cases/{case}/forward/preview")))
        .bearer_auth(&w.caseworker)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again, whole);
    // Previewing records and sends nothing.
    assert_eq!(w.app.count("disclosures"), 0);
    w.nothing_queued().await;
    assert!(w.smtp.messages().is_empty());
    assert_eq!(w.receipt_view(&receipt).await["status"], "received");

    // The caseworker takes a sentence away: the preview shows it gone, with another digest.
    let remove = json!({"remove": ["He laughed about it the next day."]});
    let reduced = w.previewed(&case, &remove).await;
    let reduced_text = reduced["text"].as_str().unwrap();
    assert!(!reduced_text.contains("He laughed"), "{reduced_text}");
    assert!(reduced_text.contains("[removed]"), "{reduced_text}");
    assert_ne!(reduced["digest"], whole["digest"]);
    // The preview takes forward's body without `previewed`, and refuses spans not in the text.
    let res = w
        .preview(&case, &json!({"previewed": whole["digest"]}))
        .await;
    assert_problem(res, 422, "validation_failed").await;
    let problem = assert_problem(
        w.preview(
            &case,
            &json!({"remove": ["He laughed about it afterwards."]}),
        )
        .await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "remove[0]");

    // The digest of the whole text does not fit the reduced forward: nothing is sent.
    let mut mismatched = remove.clone();
    mismatched["previewed"] = whole["digest"].clone();
    assert_problem(
        w.post_case(&case, "/forward", &mismatched).await,
        409,
        "conflict",
    )
    .await;
    assert_eq!(w.app.count("disclosures"), 0);

    let mut confirmed = remove.clone();
    confirmed["previewed"] = reduced["digest"].clone();
    let res = w.post_case(&case, "/forward", &confirmed).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let forwarded: Value = res.json().await.unwrap();
    assert_eq!(forwarded["spoc"], reduced["spoc"]);
    assert_eq!(forwarded["level"], reduced["level"]);
    w.nothing_queued().await;
    let mails = w.smtp.messages();
    assert_eq!(mails.len(), 1, "one forward");
    assert_eq!(
        mails[0].to,
        vec![reduced["to"].as_str().unwrap().to_string()]
    );
    assert_eq!(mails[0].subject, reduced["subject"].as_str().unwrap());
    // Byte for byte, once the transport's line endings are undone.
    assert_eq!(mails[0].text.replace("\r\n", "\n"), reduced_text);
    // The reporter reads the same text.
    let view = w.receipt_view(&receipt).await;
    assert_eq!(view["disclosures"][0]["content"], reduced["text"]);

    // Once forwarded, the preview says so too.
    assert_problem(w.preview(&case, &json!({})).await, 409, "already_forwarded").await;
    let actions = w.audit_actions().await;
    let views = actions.iter().filter(|a| *a == "case.view_forward").count();
    assert_eq!(views, 3, "each shown preview is audited: {actions:?}");
    assert!(actions.iter().any(|a| a == "case.forward"));
    assert!(actions.iter().any(|a| a == "case.forward_reduced:1"));
}

async fn a_forward_preview_refuses_as_a_forward_would(backend: Backend) {
    let w = world(backend).await;
    let spoc = w
        .spoc("DC Jane Doe", "jane.doe@south-wales.police.uk")
        .await;

    // No consent.
    let (_, none) = w
        .submit(report(json!({"consent": consent("none", &spoc)})), None)
        .await;
    assert_problem(w.preview(&none, &json!({})).await, 403, "consent_required").await;
    assert_problem(w.forward(&none).await, 403, "consent_required").await;

    // A retired SPOC: consent never moves to a successor.
    let retiring = w
        .spoc("DC Retiring", "retiring@south-wales.police.uk")
        .await;
    let (_, orphaned) = w
        .submit(
            report(json!({"consent": consent("anonymous", &retiring)})),
            None,
        )
        .await;
    let res = w
        .app
        .authed(
            Method::POST,
            &format!("/api/v1/spocs/{retiring}/retire"),
            Some(&w.admin),
            None,
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_problem(
        w.preview(&orphaned, &json!({})).await,
        403,
        "consent_spoc_changed",
    )
    .await;

    // An immigration-enforcement address written straight into the register: refused and
    // audited, as a forward would be.
    let blocked = w.app.insert_spoc("Officer", "south-wales");
    w.app.execute(&format!(
        "UPDATE spocs SET email = 'enforcement@passport.gov.uk' WHERE id = '{blocked}'"
    ));
    let (_, to_blocked) = w
        .submit(
            report(json!({"consent": consent("anonymous", &blocked)})),
            None,
        )
        .await;
    assert_problem(
        w.preview(&to_blocked, &json!({})).await,
        422,
        "firewall_recipient",
    )
    .await;

    // Already forwarded.
    let (_, sent) = w
        .submit(
            report(json!({"consent": consent("anonymous", &spoc)})),
            None,
        )
        .await;
    assert_eq!(w.previewed(&sent, &json!({})).await["level"], "anonymous");
    assert_eq!(w.forward(&sent).await.status(), 201);
    assert_problem(w.preview(&sent, &json!({})).await, 409, "already_forwarded").await;

    // A case that does not exist.
    assert_problem(
        w.preview("00000000-0000-4000-8000-000000000000", &json!({}))
            .await,
        404,
        "not_found",
    )
    .await;

    w.nothing_queued().await;
    assert_eq!(w.smtp.messages().len(), 1, "only the one real forward");
    assert_eq!(w.app.count("disclosures"), 1);
    let actions = w.audit_actions().await;
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "case.forward_refused")
            .count(),
        1,
        "{actions:?}"
    );
    assert_eq!(
        actions.iter().filter(|a| *a == "case.view_forward").count(),
        1,
        "only the preview that was shown: {actions:?}"
    );
}

/// The caseworker previewed an anonymous forward; the reporter then gave full consent (their
/// contact details would now go to police). The forward carrying the old digest is refused and
/// nothing is sent or recorded; a fresh preview shows the new text and can be sent.
async fn a_forward_after_a_stale_preview_sends_nothing(backend: Backend) {
    let w = world(backend).await;
    let spoc = w
        .spoc("DC Jane Doe", "jane.doe@south-wales.police.uk")
        .await;
    let (receipt, case) = w
        .submit(
            report(json!({
                "contact": {"name": "Jessamy", "email": WORKER_EMAIL},
                "consent": consent("anonymous", &spoc),
            })),
            None,
        )
        .await;
    let before = w.previewed(&case, &json!({})).await;
    assert_eq!(before["level"], "anonymous");
    assert!(!before["text"].as_str().unwrap().contains(WORKER_EMAIL));
    let res = w
        .app
        .post_json(
            "/api/v1/receipt/consent",
            &json!({"receipt": receipt, "consent": consent("full", &spoc)}),
        )
        .await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());

    let audit_before = w.app.count("audit_log");
    let res = w
        .post_case(&case, "/forward", &json!({"previewed": before["digest"]}))
        .await;
    let problem = assert_problem(res, 409, "conflict").await;
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.contains("changed since it was previewed") && detail.contains("Nothing was sent"),
        "{detail}"
    );
    w.nothing_queued().await;
    assert!(w.smtp.messages().is_empty(), "nothing was sent");
    assert_eq!(w.app.count("disclosures"), 0);
    assert_eq!(
        w.app.count("audit_log"),
        audit_before,
        "nothing was recorded"
    );
    let view = w.receipt_view(&receipt).await;
    assert_eq!(view["status"], "received");
    assert_eq!(view["disclosures"], json!([]));

    // Looked at again, the preview shows the new text; that digest sends it.
    let after = w.previewed(&case, &json!({})).await;
    assert_eq!(after["level"], "full");
    let text = after["text"].as_str().unwrap();
    assert!(text.contains(&format!("Email: {WORKER_EMAIL}")), "{text}");
    assert_ne!(after["digest"], before["digest"]);
    let res = w
        .post_case(&case, "/forward", &json!({"previewed": after["digest"]}))
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    w.nothing_queued().await;
    let mails = w.smtp.messages();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].text.replace("\r\n", "\n"), text);
}
