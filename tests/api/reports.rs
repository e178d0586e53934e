//! Anonymous intake and follow-up by receipt, through real HTTP on both backends.

use std::time::Duration;

use lookout::crypto::KeyRing;
use lookout::crypto::keys::load_master_key;
use lookout::crypto::records::{Direct, Envelope, Sealed};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, report, spawn_app};

async fn submit(app: &TestApp, body: &Value) -> String {
    receipt_of(app.post_json("/api/v1/reports", body).await).await
}

/// The receipt in the answer to a new report, which must have been stored.
async fn receipt_of(res: reqwest::Response) -> String {
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], "received");
    body["receipt"].as_str().unwrap().to_string()
}

/// Raises a report's consent to anonymous for `spoc`, under the current consent statement.
async fn consent_anonymous(app: &TestApp, receipt: &str, spoc: &str) -> reqwest::Response {
    let version = app.get("/api/v1/meta").await.json::<Value>().await.unwrap()["consent_statement"]
        ["version"]
        .clone();
    app.post_json(
        "/api/v1/receipt/consent",
        &json!({"receipt": receipt, "consent": {"police": "anonymous", "spoc_id": spoc, "statement_version": version}}),
    )
    .await
}

async fn receipt_status(app: &TestApp, receipt: &str) -> reqwest::Response {
    app.post_json("/api/v1/receipt", &json!({"receipt": receipt}))
        .await
}

fn today() -> String {
    chrono::Utc::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

async fn the_receipt_life_cycle(backend: Backend) {
    let app = spawn_app(backend).await;
    let receipt = submit(&app, &report(json!({}))).await;
    // LKT- and five groups of four from the look-alike-free alphabet.
    let groups: Vec<&str> = receipt.split('-').collect();
    assert_eq!(groups.len(), 6, "{receipt}");
    assert_eq!(groups[0], "LKT");
    assert!(groups[1..].iter().all(|g| {
        g.len() == 4
            && g.chars()
                .all(|c| "23456789ABCDEFGHJKMNPQRSTUVWXYZ".contains(c))
    }));

    let res = receipt_status(&app, &receipt).await;
    assert_eq!(res.status(), 200);
    let view: Value = res.json().await.unwrap();
    assert_eq!(view["status"], "received");
    assert_eq!(view["category"], "robbery");
    assert_eq!(view["region"], "south-wales");
    assert_eq!(view["submitted_on"], today());
    assert_eq!(view["consent"]["police"], "none");
    assert_eq!(view["messages"], json!([]));
    assert_eq!(view["disclosures"], json!([]));
    assert!(
        view.get("description").is_none(),
        "the receipt view never echoes the report"
    );

    // Any case, with or without dashes.
    let sloppy = receipt.replace('-', "").to_lowercase();
    assert_eq!(receipt_status(&app, &sloppy).await.status(), 200);

    // A message from the reporter, read back with the receipt.
    let res = app
        .post_json(
            "/api/v1/receipt/messages",
            &json!({"receipt": receipt, "body": "He came back tonight."}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let view: Value = receipt_status(&app, &receipt).await.json().await.unwrap();
    assert_eq!(
        view["messages"],
        json!([{"from": "reporter", "body": "He came back tonight.", "on": today()}])
    );

    // Consent raised to anonymous for a named SPOC, then lowered again; history is kept.
    let spoc = app.insert_spoc("DC Jane Doe", "south-wales");
    let res = consent_anonymous(&app, &receipt, &spoc).await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["consent"]["police"], "anonymous");
    assert!(
        body["note"]
            .as_str()
            .unwrap()
            .contains("cannot be taken back")
    );
    let view: Value = receipt_status(&app, &receipt).await.json().await.unwrap();
    assert_eq!(view["consent"]["police"], "anonymous");
    assert_eq!(view["consent"]["spoc_id"], spoc);
    assert_eq!(view["consent"]["needs_renewal"], false);
    // Full consent needs a contact route this report does not have.
    let res = app
        .post_json(
            "/api/v1/receipt/consent",
            &json!({"receipt": receipt, "consent": {"police": "full", "spoc_id": spoc, "statement_version": lookout::domain::consent::STATEMENT_VERSION}}),
        )
        .await;
    assert_problem(res, 422, "validation_failed").await;
    // The SPOC retires: the reporter sees that consent must be given again.
    app.retire_spoc(&spoc);
    let view: Value = receipt_status(&app, &receipt).await.json().await.unwrap();
    assert_eq!(view["consent"]["needs_renewal"], true);
    let res = app
        .post_json(
            "/api/v1/receipt/consent",
            &json!({"receipt": receipt, "consent": {"police": "none"}}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let levels = app.strings("SELECT level AS v FROM consent_history ORDER BY seq");
    assert_eq!(levels, vec!["none", "anonymous", "none"]);

    // Withdrawal: the receipt stops working, for every endpoint.
    let res = app
        .post_json("/api/v1/receipt/withdraw", &json!({"receipt": receipt}))
        .await;
    assert_eq!(res.status(), 200);
    assert_problem(receipt_status(&app, &receipt).await, 404, "receipt_unknown").await;
    let res = app
        .post_json(
            "/api/v1/receipt/messages",
            &json!({"receipt": receipt, "body": "hello?"}),
        )
        .await;
    assert_problem(res, 404, "receipt_unknown").await;
    let res = app
        .post_json("/api/v1/receipt/withdraw", &json!({"receipt": receipt}))
        .await;
    assert_problem(res, 404, "receipt_unknown").await;
}

async fn unknown_and_malformed_receipts_get_the_same_answer(backend: Backend) {
    let app = spawn_app(backend).await;
    submit(&app, &report(json!({}))).await;
    let unknown = assert_problem(
        receipt_status(&app, "LKT-2345-6789-ABCD-EFGH-JKMN").await,
        404,
        "receipt_unknown",
    )
    .await;
    let malformed =
        assert_problem(receipt_status(&app, "hello").await, 404, "receipt_unknown").await;
    assert_eq!(unknown, malformed);
    let res = app.post_json("/api/v1/receipt", &json!({})).await;
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "receipt");
}

/// (body, status, code, field that must be named)
fn validation_cases(spoc: &str) -> Vec<(Value, u16, &'static str, &'static str)> {
    let long = "x".repeat(20_001);
    vec![
        (
            json!({"region": "gwent", "description": "x"}),
            422,
            "validation_failed",
            "category",
        ),
        (
            report(json!({"category": "kidnap"})),
            422,
            "validation_failed",
            "category",
        ),
        (
            report(json!({"region": "atlantis"})),
            422,
            "validation_failed",
            "region",
        ),
        (
            report(json!({"description": "   "})),
            422,
            "validation_failed",
            "description",
        ),
        (
            report(json!({"description": long})),
            422,
            "validation_failed",
            "description",
        ),
        (
            report(json!({"description": "bell\u{7} character"})),
            422,
            "validation_failed",
            "description",
        ),
        (
            report(json!({"incident_date": "2999-01-01"})),
            422,
            "validation_failed",
            "incident_date",
        ),
        (
            report(json!({"incident_date": "2026-02-30"})),
            422,
            "validation_failed",
            "incident_date",
        ),
        (
            report(json!({"incident_date": "yesterday"})),
            422,
            "validation_failed",
            "incident_date",
        ),
        (
            report(json!({"perpetrator": {"phone_numbers": vec!["07700 900123"; 11]}})),
            422,
            "validation_failed",
            "perpetrator.phone_numbers",
        ),
        (
            report(json!({"alert": "yes"})),
            422,
            "validation_failed",
            "alert",
        ),
        (
            report(json!({"colour": "red"})),
            422,
            "validation_failed",
            "colour",
        ),
        (
            report(json!({"perpetrator": {"shoe_size": 9}})),
            422,
            "validation_failed",
            "perpetrator.shoe_size",
        ),
        (
            report(json!({"contact": {"email": "not an email"}})),
            422,
            "validation_failed",
            "contact.email",
        ),
        (
            report(json!({"consent": {"police": "everyone"}})),
            422,
            "validation_failed",
            "consent.police",
        ),
        (
            report(
                json!({"consent": {"police": "full", "spoc_id": spoc, "statement_version": lookout::domain::consent::STATEMENT_VERSION}}),
            ),
            422,
            "validation_failed",
            "contact",
        ),
        (
            report(
                json!({"consent": {"police": "anonymous", "spoc_id": uuid::Uuid::new_v4().to_string(), "statement_version": lookout::domain::consent::STATEMENT_VERSION}}),
            ),
            422,
            "validation_failed",
            "consent.spoc_id",
        ),
        (
            report(
                json!({"consent": {"police": "anonymous", "spoc_id": spoc, "statement_version": "1999-01-01"}}),
            ),
            422,
            "validation_failed",
            "consent.statement_version",
        ),
        (
            report(json!({"nationality": "Romanian"})),
            422,
            "firewall_field",
            "nationality",
        ),
        (
            report(json!({"immigration_status": "overstayer"})),
            422,
            "firewall_field",
            "immigration_status",
        ),
        (
            report(json!({"perpetrator": {"passport_number": "123456789"}})),
            422,
            "firewall_field",
            "perpetrator.passport_number",
        ),
        (
            report(json!({"contact": {"visa": "expired"}})),
            422,
            "firewall_field",
            "contact.visa",
        ),
        (
            report(json!({"right_to_work": false})),
            422,
            "firewall_field",
            "right_to_work",
        ),
    ]
}

async fn the_validation_matrix(backend: Backend) {
    let app = spawn_app(backend).await;
    let spoc = app.insert_spoc("DC Jane Doe", "south-wales");
    for (body, status, code, field) in validation_cases(&spoc) {
        for path in ["/api/v1/reports", "/api/v1/reports/preview"] {
            let res = app.post_json(path, &body).await;
            let problem = assert_problem(res, status, code).await;
            let fields: Vec<&str> = problem["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["field"].as_str().unwrap())
                .collect();
            assert!(
                fields.contains(&field),
                "{path} {body}: {fields:?} lacks {field}"
            );
            // Values are never echoed back.
            let text = problem.to_string();
            for secret in ["overstayer", "123456789", "Romanian", "red"] {
                assert!(!text.contains(&format!("\"{secret}\"")), "{text}");
            }
        }
    }
    assert_eq!(app.count("reports"), 0, "nothing invalid was stored");
    assert_eq!(app.count("report_contacts"), 0);
}

async fn framework_errors_are_problem_details(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app
        .client
        .post(app.url("/api/v1/reports"))
        .header("Content-Type", "application/json")
        .body("{\"category\": \"robbery\", ")
        .send()
        .await
        .unwrap();
    assert_problem(res, 400, "malformed_json").await;
    let res = app
        .client
        .post(app.url("/api/v1/reports"))
        .header("Content-Type", "text/plain")
        .body(report(json!({})).to_string())
        .send()
        .await
        .unwrap();
    assert_problem(res, 415, "unsupported_media_type").await;
    let res = app
        .client
        .post(app.url("/api/v1/reports"))
        .body(report(json!({})).to_string())
        .send()
        .await
        .unwrap();
    assert_problem(res, 415, "unsupported_media_type").await;
    let huge = report(json!({"description": "x".repeat(70_000)}));
    let res = app.post_json("/api/v1/reports", &huge).await;
    assert_problem(res, 413, "payload_too_large").await;
    // Without a declared length (chunked), the limit still holds.
    let body = huge.to_string().into_bytes();
    let stream = futures_util::stream::iter(
        body.chunks(8192)
            .map(|c| Ok::<_, std::io::Error>(c.to_vec()))
            .collect::<Vec<_>>(),
    );
    let res = app
        .client
        .post(app.url("/api/v1/reports"))
        .header("Content-Type", "application/json")
        .body(reqwest::Body::wrap_stream(stream))
        .send()
        .await
        .unwrap();
    assert_problem(res, 413, "payload_too_large").await;
    let res = app
        .client
        .get(app.url("/api/v1/reports"))
        .send()
        .await
        .unwrap();
    assert_problem(res, 405, "method_not_allowed").await;
    assert_eq!(app.count("reports"), 0);
}

const MARKERS: [&str; 11] = [
    "MRK-DESC-q7",
    "MRK-AREA-w3",
    "MRK-PDESC-e5",
    "MRK-PHONE-r1",
    "MRK-PEMAIL-t8",
    "MRK-VEH-y2",
    "MRK-HANDLE-u4",
    "MRK-NAME-i6",
    "MRK-CEMAIL-o9",
    "MRK-NOTES-p0",
    "MRK-MSG-a1",
];

fn marked_report() -> Value {
    report(json!({
        "area": format!("Near the station {}", MARKERS[1]),
        "description": format!("He hit me. {}", MARKERS[0]),
        "perpetrator": {
            "description": format!("Tall, {}", MARKERS[2]),
            "phone_numbers": [format!("07700 900123 {}", MARKERS[3])],
            "emails": [format!("{}@example.org", MARKERS[4])],
            "vehicles": [MARKERS[5]],
            "online_handles": [format!("@{}", MARKERS[6])]
        },
        "contact": {
            "name": MARKERS[7],
            "email": format!("{}@example.net", MARKERS[8]),
            "phone": "07700 900456",
            "notes": format!("evenings {}", MARKERS[9])
        }
    }))
}

async fn nothing_the_reporter_wrote_is_stored_in_plaintext(backend: Backend) {
    let app = spawn_app(backend).await;
    let receipt = submit(&app, &marked_report()).await;
    let res = app
        .post_json(
            "/api/v1/receipt/messages",
            &json!({"receipt": receipt, "body": format!("again {}", MARKERS[10])}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let stored = app.everything_stored();
    assert!(
        stored.contains("south-wales"),
        "the scan sees the database's plaintext columns"
    );
    for marker in MARKERS {
        assert!(!stored.contains(marker), "{marker} is stored in plaintext");
    }
    assert!(
        !stored.contains("07700 900456") && !stored.contains("07700900456"),
        "contact phone"
    );
    assert!(
        !stored.contains(&receipt) && !stored.contains(&receipt.replace('-', "")),
        "receipt"
    );
    // The service itself can still read it all back.
    let view: Value = receipt_status(&app, &receipt).await.json().await.unwrap();
    assert!(
        view["messages"][0]["body"]
            .as_str()
            .unwrap()
            .contains(MARKERS[10])
    );
}

/// Reports with and without contact details, one after another on the same service (on
/// PostgreSQL the same prepared statement inserts both): each has its key and consent rows, and
/// only those with contact details have a contact row, belonging to the right report.
async fn contact_rows_only_for_reports_with_contact(backend: Backend) {
    let app = spawn_app(backend).await;
    let with_contact = report(json!({"contact": {"email": "j@example.org"}}));
    let without = report(json!({}));
    for body in [&without, &with_contact, &without, &with_contact, &without] {
        submit(&app, body).await;
    }
    assert_eq!(app.count("reports"), 5);
    assert_eq!(app.count("report_keys"), 5);
    assert_eq!(app.count("consent_history"), 5);
    assert_eq!(app.count("report_contacts"), 2);
    assert_eq!(
        app.count(
            "report_contacts c JOIN reports r ON r.id = c.report_id JOIN report_keys k ON \
             k.report_id = r.id"
        ),
        2,
        "each contact row belongs to a stored report"
    );
}

async fn withdrawal_destroys_the_key(backend: Backend) {
    let app = spawn_app(backend).await;
    let receipt = submit(&app, &marked_report()).await;
    let id = lookout::domain::ReportId::from_stored(
        app.strings("SELECT id AS v FROM reports")[0].clone(),
    );
    let master = load_master_key(&app.settings.keys.master_key_file).unwrap();
    let ring = KeyRing::from_master(&master);
    let db = lookout::db::open(&app.db.url(), 1, Duration::from_secs(5), ring.master_id()).unwrap();
    let (row, key) = {
        let id = id.clone();
        db.run(move |c| {
            let row = lookout::db::reports::by_id(c, &id)?.unwrap();
            let key = lookout::db::reports::key(c, &id)?;
            Ok::<_, lookout::db::DbError>((row, key))
        })
        .await
        .unwrap()
    };
    // Before: the master key opens the report (so the check below is a real one).
    let key = key.expect("a live report has a key");
    let dk = ring
        .open_data_key(Envelope::Report, &id, &key.wrapped_key)
        .unwrap();
    let plain = dk.open(Sealed::ReportContent, &id, &row.content).unwrap();
    assert!(String::from_utf8_lossy(&plain).contains(MARKERS[0]));

    let res = app
        .post_json("/api/v1/receipt/withdraw", &json!({"receipt": receipt}))
        .await;
    assert_eq!(res.status(), 200);

    let (row_after, key_after) = {
        let id = id.clone();
        db.run(move |c| {
            let row = lookout::db::reports::by_id(c, &id)?.unwrap();
            let key = lookout::db::reports::key(c, &id)?;
            Ok::<_, lookout::db::DbError>((row, key))
        })
        .await
        .unwrap()
    };
    assert!(key_after.is_none(), "the wrapped data key is gone");
    assert_eq!(row_after.status, lookout::domain::ReportStatus::Withdrawn);
    assert_eq!(app.count("report_contacts"), 0, "the contact row is gone");
    assert_eq!(app.count("report_messages"), 0);
    // What remains opens under no key the master key gives directly, and the report's own
    // data key cannot be had again.
    for what in [
        Direct::SubscriberEmail,
        Direct::StaffEmail,
        Direct::StaffTotp,
    ] {
        assert!(
            ring.open_direct(what, &id, &row_after.content).is_err(),
            "{what:?}"
        );
    }
    // And the wrapped key's bytes are nowhere in the database any more.
    let stored = app.everything_stored();
    let wrapped_hex: String = key.wrapped_key.iter().map(|b| format!("{b:02x}")).collect();
    assert!(
        !stored.contains(&wrapped_hex),
        "hex copy of the wrapped key"
    );
    if backend == Backend::Sqlite {
        let raw = match &app.db {
            crate::helpers::TestDb::Sqlite { path } => {
                let mut all = std::fs::read(path).unwrap();
                all.extend(std::fs::read(format!("{}-wal", path.display())).unwrap_or_default());
                all
            }
            _ => unreachable!(),
        };
        assert!(
            !raw.windows(key.wrapped_key.len())
                .any(|w| w == key.wrapped_key.as_slice()),
            "the wrapped key's bytes survive in the SQLite files"
        );
    }
}

async fn fifty_parallel_submissions(backend: Backend) {
    let app = spawn_app(backend).await;
    let futures = (0..50).map(|i| {
        let app = &app;
        async move {
            let res = app
                .post_json(
                    "/api/v1/reports",
                    &report(json!({"description": format!("report number {i}")})),
                )
                .await;
            assert_eq!(res.status(), 201);
            res.json::<Value>().await.unwrap()["receipt"]
                .as_str()
                .unwrap()
                .to_string()
        }
    });
    let receipts: std::collections::HashSet<String> = futures_util::future::join_all(futures)
        .await
        .into_iter()
        .collect();
    assert_eq!(receipts.len(), 50);
    assert_eq!(app.count("reports"), 50);
    assert_eq!(app.count("report_keys"), 50);
}

async fn sealed_reports_round_trip(backend: Backend) {
    let app = spawn_app(backend).await;
    let meta: Value = app.get("/api/v1/meta").await.json().await.unwrap();
    let sealed = &meta["sealed_reports"];
    assert_eq!(sealed["kem"], "DHKEM(X25519, HKDF-SHA256)");
    assert_eq!(sealed["kdf"], "HKDF-SHA256");
    assert_eq!(sealed["aead"], "ChaCha20Poly1305");
    assert_eq!(sealed["info"], "lookout report v1");
    assert!(!sealed["key_id"].as_str().unwrap().is_empty());
    let public_key = sealed["public_key"].as_str().unwrap();

    // Sealed by the `lookout seal` client, exactly as a user would.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_lookout"))
        .args(["seal", "--public-key", public_key])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            report(json!({"description": "sealed MRK-SEALED-z9"}))
                .to_string()
                .as_bytes(),
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    let res = app.post_json("/api/v1/reports/sealed", &body).await;
    assert_eq!(res.status(), 201);
    let receipt = res.json::<Value>().await.unwrap()["receipt"]
        .as_str()
        .unwrap()
        .to_string();
    let view: Value = receipt_status(&app, &receipt).await.json().await.unwrap();
    assert_eq!(view["category"], "robbery");
    assert!(!app.everything_stored().contains("MRK-SEALED-z9"));

    // One flipped bit in the ciphertext: refused, nothing stored.
    let mut ct = base64_decode(body["ciphertext"].as_str().unwrap());
    ct[5] ^= 0x01;
    let tampered = json!({"enc": body["enc"], "ciphertext": base64_encode(&ct)});
    assert_problem(
        app.post_json("/api/v1/reports/sealed", &tampered).await,
        422,
        "sealed_invalid",
    )
    .await;
    let garbage = json!({"enc": "AAAA", "ciphertext": "not-base64!"});
    assert_problem(
        app.post_json("/api/v1/reports/sealed", &garbage).await,
        422,
        "sealed_invalid",
    )
    .await;
    // A sealed report is checked like any other: the firewall applies inside the envelope.
    let (enc, ct) = lookout::crypto::sealed::seal_to(
        public_key,
        report(json!({"nationality": "x"})).to_string().as_bytes(),
    )
    .unwrap();
    let res = app
        .post_json(
            "/api/v1/reports/sealed",
            &json!({"enc": enc, "ciphertext": ct}),
        )
        .await;
    assert_problem(res, 422, "firewall_field").await;
    assert_eq!(app.count("reports"), 1);
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(s)
        .unwrap()
}

fn base64_encode(b: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

async fn preview_shows_exactly_what_would_leave(backend: Backend) {
    let app = spawn_app(backend).await;
    let spoc = app.insert_spoc("DC Jane Doe", "south-wales");
    let description = "He grabbed me at 23:45 near CF10 1AB. Call me on 07700 900456 or jess@example.net. \
                       His number was 07700 900123.";
    let contact = json!({"name": "Jessamy", "email": "jess@example.net", "phone": "07700 900456"});

    // No police sharing: no forward, an alert draft without the reporter's details.
    let res = app
        .post_json(
            "/api/v1/reports/preview",
            &report(json!({"description": description, "contact": contact})),
        )
        .await;
    assert_eq!(res.status(), 200);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["police_forward"], Value::Null);
    let draft = p["alert_draft"].as_str().unwrap();
    assert!(
        draft.contains("Robbery") && draft.contains("South Wales Police"),
        "{draft}"
    );
    assert!(
        draft.contains("07700 900123"),
        "perpetrator number kept: {draft}"
    );
    assert!(draft.contains("AB12 CDE"), "{draft}");
    assert!(
        draft.contains("November 2026"),
        "date coarsened to the month: {draft}"
    );
    for leaked in [
        "07700 900456",
        "jess@example.net",
        "23:45",
        "1AB",
        "Jessamy",
    ] {
        assert!(!draft.contains(leaked), "{leaked} in {draft}");
    }
    let removed: Vec<&str> = p["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for kind in [
        "reporter phone number",
        "reporter email address",
        "exact time",
        "full postcode",
    ] {
        assert!(removed.contains(&kind), "{kind} not in {removed:?}");
    }

    // Anonymous: the stripped report, and no contact route of any kind.
    let version = lookout::domain::consent::STATEMENT_VERSION;
    let anonymous = report(json!({
        "description": description, "contact": contact,
        "consent": {"police": "anonymous", "spoc_id": spoc, "statement_version": version}
    }));
    let p: Value = app
        .post_json("/api/v1/reports/preview", &anonymous)
        .await
        .json()
        .await
        .unwrap();
    let forward = p["police_forward"].as_str().unwrap();
    assert!(forward.contains("He grabbed me"), "{forward}");
    assert!(forward.contains("07700 900123"), "{forward}");
    assert!(forward.contains("Cardiff city centre"), "{forward}");
    assert!(forward.contains("2026-11-18"), "{forward}");
    for leaked in ["07700 900456", "jess@example.net", "Jessamy"] {
        assert!(!forward.contains(leaked), "{leaked} in {forward}");
    }

    // Full: the same report plus the contact route the reporter chose.
    let full = report(json!({
        "description": description, "contact": contact, "alert": false,
        "consent": {"police": "full", "spoc_id": spoc, "statement_version": version}
    }));
    let p: Value = app
        .post_json("/api/v1/reports/preview", &full)
        .await
        .json()
        .await
        .unwrap();
    let forward = p["police_forward"].as_str().unwrap();
    assert!(forward.contains("Email: jess@example.net"), "{forward}");
    assert!(forward.contains("Phone: 07700 900456"), "{forward}");
    assert_eq!(p["alert_draft"], Value::Null, "alert: false means no alert");

    // Immigration content never reaches police, and the preview says it was taken out.
    let risky = report(json!({
        "description": "He hit me. My visa ran out so I was scared to call anyone. He drove a red car.",
        "consent": {"police": "anonymous", "spoc_id": spoc, "statement_version": version}
    }));
    let p: Value = app
        .post_json("/api/v1/reports/preview", &risky)
        .await
        .json()
        .await
        .unwrap();
    let forward = p["police_forward"].as_str().unwrap();
    assert!(!forward.to_lowercase().contains("visa"), "{forward}");
    assert!(
        forward.contains("He hit me.") && forward.contains("He drove a red car."),
        "{forward}"
    );
    assert!(
        p["removed"]
            .as_array()
            .unwrap()
            .contains(&json!("immigration reference"))
    );

    assert_eq!(app.count("reports"), 0, "preview stores nothing");
}

/// Reports stored before their key, contact and consents were keyed by the report's serial
/// number (migration 2026-12-04-000010) still open after it. The app's reports are taken back to
/// the layout before it with that migration's `down.sql`, and the service started again on them
/// runs its `up.sql`.
async fn reports_survive_the_serial_number_migration(backend: Backend) {
    let app = spawn_app(backend).await;
    let plain = submit(&app, &report(json!({}))).await;
    let with_contact = submit(
        &app,
        &report(json!({"contact": {"email": "j@example.org"}})),
    )
    .await;
    let spoc = app.insert_spoc("DC Jane Doe", "south-wales");
    assert_eq!(consent_anonymous(&app, &plain, &spoc).await.status(), 200);
    app.stop().await;

    let folder = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    let down = std::fs::read_to_string(format!(
        "{}/migrations/{folder}/2026-12-04-000010_report_serials/down.sql",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    app.execute(&format!(
        "{down}\nDELETE FROM __diesel_schema_migrations WHERE version = '20261204000010';"
    ));
    let columns = |table: &str| match backend {
        Backend::Sqlite => app.strings(&format!(
            "SELECT name AS v FROM pragma_table_info('{table}')"
        )),
        Backend::Postgres => app.strings(&format!(
            "SELECT CAST(column_name AS TEXT) AS v FROM information_schema.columns \
             WHERE table_name = '{table}' ORDER BY ordinal_position"
        )),
    };
    for table in [
        "reports",
        "report_keys",
        "report_contacts",
        "consent_history",
    ] {
        let names = columns(table);
        assert!(
            names
                .iter()
                .any(|c| c == "key_id" || c == "level" || c == "receipt_hash")
        );
        assert!(
            !names.iter().any(|c| c.contains("serial")),
            "{table} is back in the earlier layout: {names:?}"
        );
    }

    // The service started again on the same database and key upgrades it.
    let again = lookout::app::Application::build(app.settings.clone()).expect("it starts");
    let base = format!("http://127.0.0.1:{}", again.port());
    let stopper = again.stopper();
    tokio::spawn(again.run_until_stopped());
    let post = |path: &'static str, body: Value| {
        let req = app.client.post(format!("{base}{path}")).json(&body);
        async move { req.send().await.unwrap() }
    };
    assert_eq!(
        columns("report_keys").last().map(String::as_str),
        Some("report_serial")
    );
    assert_eq!(app.count("report_keys"), 2);
    assert_eq!(app.count("report_contacts"), 1);
    assert_eq!(app.count("consent_history"), 3);

    let view: Value = post("/api/v1/receipt", json!({"receipt": plain}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["status"], "received");
    assert_eq!(view["consent"]["police"], "anonymous");
    assert_eq!(view["consent"]["spoc_id"], spoc);
    let res = post(
        "/api/v1/receipt/messages",
        json!({"receipt": with_contact, "body": "Still here after the upgrade."}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let view: Value = post("/api/v1/receipt", json!({"receipt": with_contact}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["messages"][0]["body"], "Still here after the upgrade.");

    // Every report's key, contact and latest consent are found by the code that reads them.
    let master = load_master_key(&app.settings.keys.master_key_file).unwrap();
    let ring = KeyRing::from_master(&master);
    let db = lookout::db::open(&app.db.url(), 1, Duration::from_secs(5), ring.master_id()).unwrap();
    let ids = app.strings("SELECT id AS v FROM reports ORDER BY id");
    let found = db
        .run(move |c| {
            let mut found = Vec::new();
            for id in ids {
                let id = lookout::domain::ReportId::from_stored(id);
                found.push((
                    lookout::db::reports::key(c, &id)?.is_some(),
                    lookout::db::reports::contact(c, &id)?.is_some(),
                    lookout::db::reports::latest_consent(c, &id)?.map(|r| r.seq),
                ));
            }
            Ok::<_, lookout::db::DbError>(found)
        })
        .await
        .unwrap();
    let mut found = found;
    found.sort();
    assert_eq!(found, vec![(true, false, Some(2)), (true, true, Some(1))]);

    // New reports take the next serial number, and withdrawal still shreds by it.
    let third = receipt_of(
        post(
            "/api/v1/reports",
            report(json!({"contact": {"email": "k@example.org"}})),
        )
        .await,
    )
    .await;
    assert_eq!(app.count("report_contacts"), 2);
    for receipt in [&with_contact, &third] {
        let res = post("/api/v1/receipt/withdraw", json!({"receipt": receipt})).await;
        assert_eq!(res.status(), 200);
    }
    assert_eq!(app.count("report_keys"), 1);
    assert_eq!(app.count("report_contacts"), 0);
    assert_eq!(
        app.count("consent_history"),
        2,
        "the plain report's two consents"
    );
    stopper.stop().await;
}

both_backends!(
    the_receipt_life_cycle,
    unknown_and_malformed_receipts_get_the_same_answer,
    the_validation_matrix,
    framework_errors_are_problem_details,
    nothing_the_reporter_wrote_is_stored_in_plaintext,
    contact_rows_only_for_reports_with_contact,
    withdrawal_destroys_the_key,
    fifty_parallel_submissions,
    sealed_reports_round_trip,
    preview_shows_exactly_what_would_leave,
    reports_survive_the_serial_number_migration,
);

/// Reports older than `retention.days` are crypto-shredded when the service starts (and hourly).
async fn expired_reports_are_shredded(backend: Backend) {
    let app = spawn_app(backend).await;
    let old = submit(&app, &report(json!({"description": "old report"}))).await;
    let fresh = submit(&app, &report(json!({"description": "fresh report"}))).await;
    app.execute("UPDATE reports SET submitted_on = '2020-01-01' WHERE id = (SELECT id FROM reports ORDER BY id LIMIT 1)");
    let backdated =
        app.strings("SELECT id AS v FROM reports WHERE submitted_on = '2020-01-01'")[0].clone();
    app.stop().await;

    let again = lookout::app::Application::build(app.settings.clone()).unwrap();
    let base = format!("http://127.0.0.1:{}", again.port());
    let stopper = again.stopper();
    tokio::spawn(again.run_until_stopped());
    let client = crate::helpers::http_client();
    let status = |receipt: String| {
        let (client, base) = (client.clone(), base.clone());
        async move {
            client
                .post(format!("{base}/api/v1/receipt"))
                .json(&json!({"receipt": receipt}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let shredded = app.strings(&format!(
            "SELECT status AS v FROM reports WHERE id = '{backdated}'"
        ))[0]
            == "withdrawn";
        if shredded {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the expired report was not shredded"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Which receipt belongs to the backdated row is not stored anywhere (only its hash), so
    // ask the service about both: exactly one must be gone.
    let codes = [status(old).await, status(fresh).await];
    let mut sorted = codes;
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        [200, 404],
        "exactly the expired report is gone: {codes:?}"
    );
    assert_eq!(app.count("report_keys"), 1);
    assert!(
        app.strings("SELECT action AS v FROM audit_log")
            .contains(&"report.expire".to_string())
    );
    stopper.stop().await;
}

both_backends!(expired_reports_are_shredded);

/// New reports, previews and subscriptions share one group's buckets: past the client's allowance,
/// 429 with Retry-After and nothing more stored; requests with a receipt and staff sign-ins have
/// buckets of their own and still go through; reading public reference data is not limited.
async fn anonymous_writes_are_rate_limited(backend: Backend) {
    let app = crate::helpers::spawn_app_with(backend, |s| {
        s.limits.anonymous_per_client_per_minute = 3;
        s.limits.receipt_per_client_per_minute = 2;
    })
    .await;
    let mut receipt = String::new();
    for _ in 0..3 {
        let res = app.post_json("/api/v1/reports", &report(json!({}))).await;
        assert_eq!(res.status(), 201);
        let body: Value = res.json().await.unwrap();
        receipt = body["receipt"].as_str().unwrap().to_string();
    }
    for path in [
        "/api/v1/reports",
        "/api/v1/reports/preview",
        "/api/v1/subscriptions",
    ] {
        let res = app.post_json(path, &report(json!({}))).await;
        assert_eq!(res.status(), 429, "{path}");
        // Three a minute: the next token is at most 20 s away.
        let wait: u64 = res.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=20).contains(&wait), "{path}: Retry-After {wait}");
        // Refused before the body was read, so the connection closes, and says so.
        assert_eq!(res.headers()["connection"], "close", "{path}");
        assert_problem(res, 429, "rate_limited").await;
    }
    assert_eq!(app.count("reports"), 3);
    // The receipt group: two a minute, whatever the writes did.
    for _ in 0..2 {
        let res = app
            .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
            .await;
        assert_eq!(res.status(), 200);
    }
    let res = app
        .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
        .await;
    assert_eq!(res.headers()["retry-after"], "30");
    assert_problem(res, 429, "rate_limited").await;
    // Sign-ins are their own group: a wrong password is 401, not 429.
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "nobody@example.org", "password": "not the password"}),
        )
        .await;
    assert_eq!(res.status(), 401);
    assert_eq!(app.get("/api/v1/meta").await.status(), 200);
}

both_backends!(anonymous_writes_are_rate_limited);
