//! A database written by release 0.1.0 still opens: the current code, started on a copy of
//! `tests/fixtures/release-0.1.0` (see its README), must show over HTTP every sealed record that
//! release wrote — staff accounts and TOTP, reports, contact details, messages, the police
//! disclosure, the subscriber's address, the organisation's key — exactly as it was, and find
//! the audit chain intact. The fixture is SQLite, so this test is too.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Backend, TestApp, assert_problem, spawn_app_with};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/release-0.1.0");

/// Fields of the release's views that are not part of what a user sees.
const NOT_COMPARED: [&str; 1] = ["share_children_with_police"];

/// The service on a copy of the fixture: the harness's temporary folder and settings, with the
/// fixture's database and key copied to where those settings point before it starts.
async fn spawn_on_fixture() -> TestApp {
    spawn_app_with(Backend::Sqlite, |s| {
        let url = s.database.url.expose().to_string();
        let db = Path::new(url.strip_prefix("sqlite://").unwrap()).to_path_buf();
        std::fs::copy(Path::new(FIXTURE).join("lookout.db"), &db).unwrap();
        let key = s.keys.master_key_file.clone();
        std::fs::copy(Path::new(FIXTURE).join("master.key"), &key).unwrap();
        // Git keeps the key world-readable; the service refuses a key file that is.
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
        // The reports were written on the release's day; retention must not shred them first.
        s.retention.days = 365_000;
        s.mail.worker_poll_ms = 100;
    })
    .await
}

fn expected() -> Value {
    let text = std::fs::read_to_string(Path::new(FIXTURE).join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn str_of<'a>(v: &'a Value, path: &str) -> &'a str {
    v.pointer(path)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("expected.json has no text at {path}"))
}

/// Everything the release showed is still shown the same: each recorded field equal (arrays
/// element by element), a recorded `null` may now be left out, and new fields are allowed.
fn assert_shows(actual: &Value, recorded: &Value, path: &str) {
    match (actual, recorded) {
        (Value::Object(a), Value::Object(r)) => {
            for (key, value) in r {
                if NOT_COMPARED.contains(&key.as_str()) {
                    continue;
                }
                let here = format!("{path}.{key}");
                match a.get(key) {
                    Some(found) => assert_shows(found, value, &here),
                    None => assert!(value.is_null(), "{here} is missing; it was {value}"),
                }
            }
        }
        (Value::Array(a), Value::Array(r)) => {
            assert_eq!(a.len(), r.len(), "{path}: {actual} instead of {recorded}");
            for (i, (found, value)) in a.iter().zip(r).enumerate() {
                assert_shows(found, value, &format!("{path}[{i}]"));
            }
        }
        _ => assert_eq!(actual, recorded, "{path}"),
    }
}

async fn json_of(res: reqwest::Response, status: u16) -> Value {
    let code = res.status().as_u16();
    let body = res.text().await.unwrap();
    assert_eq!(code, status, "{body}");
    serde_json::from_str(&body).unwrap()
}

/// Alert emails in the outbox folder for `to`, as (subject, text), after draining the outbox.
async fn alerts_to(app: &TestApp, to: &str) -> Vec<(String, String)> {
    let drained = app.drain().await;
    assert_eq!(
        drained.scheduled_later, 0,
        "nothing left for later: {drained:?}"
    );
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&app.settings.mail.outbox_dir)
        .unwrap()
        .flatten()
    {
        if entry.path().extension().is_none_or(|x| x != "eml") {
            continue;
        }
        let raw = std::fs::read(entry.path()).unwrap();
        let mail = mail_parser::MessageParser::default().parse(&raw).unwrap();
        let addressed = mail
            .to()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .is_some_and(|a| a == to);
        let subject = mail.subject().unwrap_or_default().to_string();
        if addressed && subject.starts_with("Safety alert") {
            let text = mail.body_text(0).unwrap_or_default().to_string();
            found.push((subject, text));
        }
    }
    found
}

#[tokio::test]
async fn every_record_written_by_release_0_1_0_still_opens() {
    let x = expected();
    let app = spawn_on_fixture().await;

    // Staff: the admin's sealed TOTP secret still checks codes; a password alone is not enough.
    let admin_email = str_of(&x, "/staff/admin/email");
    let admin_password = str_of(&x, "/staff/admin/password");
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": admin_email, "password": admin_password}),
        )
        .await;
    assert_problem(res, 401, "login_failed").await;
    let secret =
        totp_rs::Secret::try_from_base32(str_of(&x, "/staff/admin/totp_secret_base32")).unwrap();
    let totp = totp_rs::Builder::new()
        .with_secret(secret)
        .with_issuer(Some("Lookout"))
        .with_account_name("fixture-admin")
        .build()
        .unwrap();
    let code = totp
        .generate(chrono::Utc::now().timestamp() as u64)
        .to_string();
    let login = json_of(
        app.post_json(
            "/api/v1/auth/login",
            &json!({"email": admin_email, "password": admin_password, "totp": code}),
        )
        .await,
        200,
    )
    .await;
    assert_eq!(login["role"], "admin");
    let admin = login["token"].as_str().unwrap().to_string();
    let caseworker = app
        .login(
            str_of(&x, "/staff/caseworker/email"),
            str_of(&x, "/staff/caseworker/password"),
        )
        .await;
    // The sealed staff emails' blind index still finds the caseworker.
    let res = app
        .authed(
            Method::POST,
            "/api/v1/staff",
            Some(&admin),
            Some(&json!({"email": str_of(&x, "/staff/caseworker/email"), "role": "caseworker"})),
        )
        .await;
    assert_problem(res, 409, "conflict").await;

    // The register.
    let spocs = json_of(
        app.authed(Method::GET, "/api/v1/spocs", Some(&admin), None)
            .await,
        200,
    )
    .await;
    assert_shows(&spocs, &json!([x["spoc"]]), "spocs");

    // The queue lists the three cases, B as relayed by the organisation.
    let queue = json_of(
        app.authed(Method::GET, "/api/v1/cases", Some(&caseworker), None)
            .await,
        200,
    )
    .await;
    let mut ids: Vec<&str> = queue
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    let mut recorded: Vec<&str> = ["a", "b", "c"]
        .iter()
        .map(|r| str_of(&x, &format!("/reports/{r}/case_id")))
        .collect();
    recorded.sort_unstable();
    assert_eq!(ids, recorded);

    // Each case opens: the report, the contact details and the messages, as written.
    let mut views = std::collections::HashMap::new();
    for r in ["a", "b", "c"] {
        let case = str_of(&x, &format!("/reports/{r}/case_id"));
        let view = json_of(
            app.authed(
                Method::GET,
                &format!("/api/v1/cases/{case}"),
                Some(&caseworker),
                None,
            )
            .await,
            200,
        )
        .await;
        let submitted = &x["reports"][r]["submitted"];
        assert_eq!(
            view["report"]["description"], submitted["description"],
            "report {r}"
        );
        assert_eq!(
            view["report"]["perpetrator"], submitted["perpetrator"],
            "report {r}"
        );
        assert_shows(&view, &x["reports"][r]["case_view"], &format!("case {r}"));
        views.insert(r, view);
    }
    assert_eq!(
        views["a"]["contact"],
        x["reports"]["a"]["submitted"]["contact"]
    );
    let said: Vec<(&str, &str)> = views["a"]["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["from"].as_str().unwrap(), m["body"].as_str().unwrap()))
        .collect();
    let recorded_messages: Vec<(&str, &str)> = x["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["from"].as_str().unwrap(), m["body"].as_str().unwrap()))
        .collect();
    assert_eq!(said, recorded_messages);
    assert_eq!(views["b"]["relayed_by"], "Fixture Outreach");
    assert_eq!(views["b"]["report"]["contact_via_org"], true);
    assert_eq!(views["c"]["contact"]["name"], "Zofia Łąka");
    assert_eq!(views["c"]["contact"]["phone"], "07700 900789");

    // Release 0.1.0 stored receipts as Argon2id hashes; they still open, and each is rewritten to
    // the keyed form by its first use.
    let stored = || app.strings("SELECT receipt_hash AS v FROM reports ORDER BY id");
    let before = stored();
    assert_eq!(before.len(), 3);
    assert!(
        before
            .iter()
            .all(|h| h.len() == 64 && !h.starts_with("k1:")),
        "{before:?}"
    );
    // The reporters' receipts open; A's shows the disclosure exactly as police received it.
    for r in ["a", "b", "c"] {
        let receipt = str_of(&x, &format!("/reports/{r}/receipt"));
        let view = json_of(
            app.post_json("/api/v1/receipt", &json!({"receipt": receipt}))
                .await,
            200,
        )
        .await;
        assert_shows(
            &view,
            &x["reports"][r]["receipt_view"],
            &format!("receipt {r}"),
        );
        if r == "a" {
            assert_eq!(view["status"], "forwarded");
            let disclosure = &view["disclosures"][0];
            assert_eq!(disclosure["content"], x["disclosure"]["content"]);
            assert_eq!(disclosure["to"], "DC Fixture Example, South Wales Police");
            assert_eq!(disclosure["level"], "full");
            assert_eq!(view["messages"][0]["body"], x["messages"][0]["body"]);
            assert_eq!(view["messages"][1]["body"], x["messages"][1]["body"]);
        }
    }
    let after = stored();
    assert!(
        after.iter().all(|h| h.starts_with("k1:") && h.len() == 67),
        "every used receipt is stored the new way: {after:?}"
    );
    assert!(before.iter().all(|h| !after.contains(h)));
    // A new message sealed under the old report key sits after the old ones.
    let receipt_a = str_of(&x, "/reports/a/receipt");
    let res = app
        .post_json(
            "/api/v1/receipt/messages",
            &json!({"receipt": receipt_a, "body": "Still here after the upgrade."}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let view = json_of(
        app.post_json("/api/v1/receipt", &json!({"receipt": receipt_a}))
            .await,
        200,
    )
    .await;
    let bodies: Vec<&str> = view["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    assert_eq!(
        bodies,
        [
            str_of(&x, "/messages/0/body"),
            str_of(&x, "/messages/1/body"),
            "Still here after the upgrade."
        ]
    );

    // The published alert's identifiers still match a check.
    for check in [
        json!({"phone": "07700 900321"}),
        json!({"vehicle": "cf19xyz"}),
    ] {
        let found = json_of(app.post_json("/api/v1/checks", &check).await, 200).await;
        assert_eq!(
            found["matches"][0]["alert_id"], x["alert"]["id"],
            "{check}: {found}"
        );
    }

    // The organisation's key still relays.
    let res = app
        .client
        .post(app.url("/api/v1/relay/reports"))
        .bearer_auth(str_of(&x, "/org/api_key"))
        .json(&json!({
            "category": "theft", "region": "south-wales",
            "description": "He took my bag while I was paying for a taxi.",
            "relay": {"worker_consented": true, "contact_via_org": false},
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);

    // A new alert reaches the subscriber the release confirmed (its sealed address opens).
    let subscriber = str_of(&x, "/subscriber/email");
    let b_case = str_of(&x, "/reports/b/case_id");
    let title = "Robbery at knifepoint";
    let body = "Two men robbed a worker at knifepoint and ran off. Take care.";
    let published = json_of(
        app.authed(
            Method::POST,
            &format!("/api/v1/cases/{b_case}/alerts"),
            Some(&caseworker),
            Some(&json!({
                "title": title, "body": body, "regions": ["south-wales"], "category": "robbery",
                "identifiers": {"emails": ["bad.client@example.com"]},
            })),
        )
        .await,
        201,
    )
    .await;
    assert_eq!(published["recipients"], 1, "{published}");
    let mails = alerts_to(&app, subscriber).await;
    assert_eq!(mails.len(), 1, "one alert to the release's subscriber");
    let (subject, text) = &mails[0];
    assert!(subject.contains("Robbery"), "{subject}");
    assert!(text.contains(title), "{text}");
    assert!(text.contains(body), "{text}");

    // The unsubscribe link in the release's alert email still works.
    let token = str_of(&x, "/subscriber/unsubscribe_token");
    let res = json_of(
        app.client
            .post(app.url(&format!("/api/v1/subscriptions/unsubscribe?token={token}")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(res["status"], "unsubscribed");

    // The audit chain, under the key derived from the same master key, is intact.
    let audit = json_of(
        app.authed(Method::GET, "/api/v1/audit/verify", Some(&admin), None)
            .await,
        200,
    )
    .await;
    assert_eq!(audit["ok"], true, "{audit}");
    assert!(audit.get("broken_at").is_none(), "{audit}");
    assert!(
        audit["entries"].as_u64().unwrap() > x["audit_entries"].as_u64().unwrap(),
        "{audit}"
    );
}

/// Below the HTTP view: every sealed column of every row the release wrote opens through
/// `crypto::records` as the kind of record it is, with exactly the plaintext that was sent —
/// including the published alert's own text, which only the delivery worker ever decrypts.
#[test]
fn every_sealed_column_opens_as_its_record_kind() {
    use diesel::sql_types::{Binary, Nullable, Text};
    use diesel::{Connection, QueryableByName, RunQueryDsl, SqliteConnection, sql_query};
    use lookout::crypto::KeyRing;
    use lookout::crypto::keys::KeyBytes;
    use lookout::crypto::records::{Direct, Envelope, Sealed, message_row};

    #[derive(QueryableByName)]
    struct Enveloped {
        #[diesel(sql_type = Text)]
        id: String,
        #[diesel(sql_type = Binary)]
        wrapped: Vec<u8>,
        #[diesel(sql_type = Binary)]
        content: Vec<u8>,
    }
    #[derive(QueryableByName)]
    struct Message {
        #[diesel(sql_type = Text)]
        id: String,
        #[diesel(sql_type = Text)]
        report_id: String,
        #[diesel(sql_type = Binary)]
        wrapped: Vec<u8>,
        #[diesel(sql_type = Binary)]
        content: Vec<u8>,
    }
    #[derive(QueryableByName)]
    struct DirectRow {
        #[diesel(sql_type = Text)]
        id: String,
        #[diesel(sql_type = Binary)]
        content: Vec<u8>,
        #[diesel(sql_type = Nullable<Binary>)]
        totp: Option<Vec<u8>>,
    }

    let x = expected();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("lookout.db");
    std::fs::copy(Path::new(FIXTURE).join("lookout.db"), &copy).unwrap();
    let key = std::fs::read(Path::new(FIXTURE).join("master.key")).unwrap();
    let ring = KeyRing::from_master(&KeyBytes::from_slice(&key).unwrap());
    let mut conn = SqliteConnection::establish(copy.to_str().unwrap()).unwrap();
    let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).unwrap();
    let json = |bytes: &[u8]| serde_json::from_slice::<Value>(bytes).unwrap();

    // Reports: content under the report's own key, unwrapped under the report-data key.
    let reports: Vec<Enveloped> = sql_query(
        "SELECT r.id AS id, k.wrapped_key AS wrapped, r.content AS content \
         FROM reports r JOIN report_keys k ON k.report_id = r.id ORDER BY r.id",
    )
    .load(&mut conn)
    .unwrap();
    assert_eq!(reports.len(), 3, "three reports, all with their keys");
    let submitted = x["reports"].as_object().unwrap();
    for row in &reports {
        let (_, report) = submitted
            .iter()
            .find(|(_, r)| r["case_id"] == row.id.as_str())
            .unwrap();
        let dk = ring
            .open_data_key(Envelope::Report, &row.id, &row.wrapped)
            .unwrap();
        let content = json(
            &dk.open(Sealed::ReportContent, &row.id, &row.content)
                .unwrap(),
        );
        assert_eq!(content["description"], report["submitted"]["description"]);
        assert_eq!(content["perpetrator"], report["submitted"]["perpetrator"]);
        // Not under another kind of record, another row, or another family's key.
        assert!(dk.open(Sealed::Disclosure, &row.id, &row.content).is_err());
        assert!(
            ring.open_data_key(Envelope::Contact, &row.id, &row.wrapped)
                .is_err()
        );
    }

    // Contact details: a separate table under a separate key.
    let contacts: Vec<Enveloped> =
        sql_query("SELECT report_id AS id, wrapped_key AS wrapped, content FROM report_contacts")
            .load(&mut conn)
            .unwrap();
    assert_eq!(contacts.len(), 2, "reports A and C left contact details");
    for row in &contacts {
        let (_, report) = submitted
            .iter()
            .find(|(_, r)| r["case_id"] == row.id.as_str())
            .unwrap();
        let ck = ring
            .open_data_key(Envelope::Contact, &row.id, &row.wrapped)
            .unwrap();
        let contact = json(&ck.open(Sealed::Contact, &row.id, &row.content).unwrap());
        // Every field the reporter gave, exactly; the ones they left out are empty.
        assert_shows(&contact, &report["submitted"]["contact"], "contact");
        for (field, value) in contact.as_object().unwrap() {
            if report["submitted"]["contact"].get(field).is_none() {
                assert!(value.is_null(), "contact.{field} was never given");
            }
        }
    }

    // Messages and the disclosure: under the report's data key, bound to their rows.
    let messages: Vec<Message> = sql_query(
        "SELECT m.id AS id, m.report_id AS report_id, k.wrapped_key AS wrapped, m.body AS content \
         FROM report_messages m JOIN report_keys k ON k.report_id = m.report_id ORDER BY m.seq",
    )
    .load(&mut conn)
    .unwrap();
    let bodies: Vec<String> = messages
        .iter()
        .map(|m| {
            let dk = ring
                .open_data_key(Envelope::Report, &m.report_id, &m.wrapped)
                .unwrap();
            text(
                &dk.open(
                    Sealed::Message,
                    message_row(&m.report_id, &m.id),
                    &m.content,
                )
                .unwrap(),
            )
        })
        .collect();
    let recorded: Vec<&str> = x["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, recorded);

    let disclosures: Vec<Enveloped> = sql_query(
        "SELECT d.report_id AS id, k.wrapped_key AS wrapped, d.content AS content \
         FROM disclosures d JOIN report_keys k ON k.report_id = d.report_id",
    )
    .load(&mut conn)
    .unwrap();
    assert_eq!(disclosures.len(), 1);
    let d = &disclosures[0];
    let dk = ring
        .open_data_key(Envelope::Report, &d.id, &d.wrapped)
        .unwrap();
    let sent = text(&dk.open(Sealed::Disclosure, &d.id, &d.content).unwrap());
    assert_eq!(sent, str_of(&x, "/disclosure/content"));

    // The published alert: its own key, unwrapped under the alert-data key.
    let alerts: Vec<Enveloped> =
        sql_query("SELECT id, wrapped_key AS wrapped, content FROM alerts")
            .load(&mut conn)
            .unwrap();
    assert_eq!(alerts.len(), 1);
    let a = &alerts[0];
    assert_eq!(a.id, str_of(&x, "/alert/id"));
    let ak = ring
        .open_data_key(Envelope::Alert, &a.id, &a.wrapped)
        .unwrap();
    let alert = json(&ak.open(Sealed::AlertContent, &a.id, &a.content).unwrap());
    assert_eq!(alert["title"], x["alert"]["published"]["title"]);
    assert_eq!(alert["body"], x["alert"]["published"]["body"]);
    assert_eq!(alert["identifiers"], x["alert"]["published"]["identifiers"]);

    // Direct fields: the subscriber's and staff addresses, and the admin's TOTP secret.
    let subscribers: Vec<DirectRow> =
        sql_query("SELECT id, email AS content, NULL AS totp FROM subscribers")
            .load(&mut conn)
            .unwrap();
    assert_eq!(subscribers.len(), 1);
    let s = &subscribers[0];
    let email = text(
        &ring
            .open_direct(Direct::SubscriberEmail, &s.id, &s.content)
            .unwrap(),
    );
    assert_eq!(email, str_of(&x, "/subscriber/email"));

    let staff: Vec<DirectRow> =
        sql_query("SELECT id, email AS content, totp_secret AS totp FROM staff ORDER BY role")
            .load(&mut conn)
            .unwrap();
    let emails: Vec<String> = staff
        .iter()
        .map(|s| {
            text(
                &ring
                    .open_direct(Direct::StaffEmail, &s.id, &s.content)
                    .unwrap(),
            )
        })
        .collect();
    assert_eq!(
        emails,
        [
            str_of(&x, "/staff/admin/email"),
            str_of(&x, "/staff/caseworker/email")
        ]
    );
    let sealed_totp = staff[0].totp.as_ref().expect("the admin turned TOTP on");
    let secret = ring
        .open_direct(Direct::StaffTotp, &staff[0].id, sealed_totp)
        .unwrap();
    let base32 = totp_rs::Secret::new(secret.to_vec().into_boxed_slice()).to_base32();
    assert_eq!(base32, str_of(&x, "/staff/admin/totp_secret_base32"));
    assert!(
        staff[1].totp.is_none(),
        "the caseworker never turned TOTP on"
    );
}
