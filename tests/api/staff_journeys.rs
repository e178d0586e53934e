//! The staff console in a real Chromium with JavaScript off (`browser.rs`), end to end: an
//! administrator registers a police contact and creates a caseworker; a worker reports through
//! the reporter form; the caseworker signs in with the password they were given, chooses their
//! own, turns on two-factor codes, signs in again with a code, opens the report, publishes its
//! alert (a confirmed subscriber receives it at the real SMTP server) and forwards it (the SPOC
//! receives exactly what the forward page showed); a form on another site's page changes
//! nothing. Every console page on the way is checked by axe-core and photographed at 1280 px.

use std::io::{Read, Write};
use std::net::TcpListener;

use serde_json::json;

use crate::alerts::{drained_mail, subscribe_all};
use crate::browser::{Browser, Viewport};
use crate::console::{PASSWORD, unescape};
use crate::helpers::{Backend, TestApp, smtp_settings, spawn_app_with};
use crate::smtp::SmtpServer;
use lookout::i18n::{self, Language};
use lookout::services::staff::Role;

/// No axe-core violation of any impact; then the picture.
async fn look(b: &Browser, name: &str) {
    b.axe_check().await;
    let all: Vec<String> = b
        .axe_violations()
        .await
        .iter()
        .map(|v| v.to_string())
        .collect();
    assert!(all.is_empty(), "{name}: axe-core: {}", all.join(""));
    b.screenshot(name).await;
}

fn assert_shows(text: &str, expected: &str) {
    assert!(
        text.contains(expected),
        "expected {expected:?} on the page:\n{text}"
    );
}

/// The inner text of the element with this id in the page's source (also when it is inside a
/// closed `<details>`, where WebDriver reports no visible text).
async fn source_of(b: &Browser, id: &str) -> String {
    let html = b.source().await;
    let marker = format!("id=\"{id}\">");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no #{id} in the page"))
        + marker.len();
    let end = html[start..].find('<').unwrap() + start;
    unescape(&html[start..end])
}

/// A page on another origin (same host, another port): a form that posts to the console, as an
/// attacker's page would. Answers every request with it until the test ends.
fn attacker_page(target: String) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><title>Prize</title></head><body><main>\
         <h1>You won</h1><form method=\"post\" action=\"{target}\">\
         <input type=\"hidden\" name=\"csrf\" value=\"guessed\">\
         <button type=\"submit\">Claim the prize</button></form></main></body></html>"
    );
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\n\
                 content-length: {}\r\nconnection: close\r\n\r\n{page}",
                page.len()
            );
        }
    });
    address
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

async fn sign_in(b: &Browser, app: &TestApp, email: &str, password: &str, code: &str) {
    b.goto(&app.url("/staff/login")).await;
    b.fill("email", email).await;
    b.fill("password", password).await;
    b.fill("totp", code).await;
    b.press("Sign in").await;
}

async fn a_caseworkers_day(app: &TestApp, smtp: &SmtpServer) {
    let admin_email = "admin@lookout.test";
    app.create_staff(admin_email, Role::Admin);
    subscribe_all(
        app,
        smtp,
        &[(
            "night-shift@example.org".to_string(),
            json!({"regions": ["south-wales"]}),
        )],
    )
    .await;

    // The administrator: sign in, register the police contact, create the caseworker.
    let admin = Browser::start(Viewport::Desktop).await;
    admin.goto(&app.url("/staff/cases")).await;
    assert!(admin.current_url().await.ends_with("/staff/login"));
    look(&admin, "staff-login").await;
    sign_in(&admin, app, admin_email, PASSWORD, "").await;
    assert!(admin.current_url().await.ends_with("/staff/cases"));
    admin.goto(&app.url("/staff/spocs")).await;
    admin.fill("name", "DS Carys Rees").await;
    admin.select("region", "south-wales").await;
    admin
        .fill("email", "c.rees@south-wales.police.example")
        .await;
    admin.press("Add the police contact").await;
    assert_shows(&admin.text().await, "c.rees@south-wales.police.example");
    look(&admin, "staff-spocs").await;
    admin.goto(&app.url("/staff/accounts")).await;
    admin.fill("email", "gwen@lookout.test").await;
    admin.select("role", "caseworker").await;
    admin.press("Create the account").await;
    let initial = admin.text_of("#shown-once").await;
    assert!(initial.len() >= 20, "{initial}");
    admin.goto(&app.url("/staff/accounts")).await;
    assert_shows(&admin.text().await, "gwen@lookout.test");
    look(&admin, "staff-accounts").await;
    let spoc = app.strings("SELECT id AS v FROM spocs").remove(0);

    // A worker reports through the reporter form on their phone, consenting to that contact.
    let worker = Browser::start(Viewport::Phone).await;
    worker.goto(&app.url("/report")).await;
    worker.select("category", "robbery").await;
    worker.select("region", "south-wales").await;
    worker.fill("area", "Cardiff city centre").await;
    worker.fill("incident_date", "2026-11-18").await;
    worker
        .fill(
            "description",
            "He took the money back at knifepoint and drove off in a white van.",
        )
        .await;
    worker.check("consent.police", "anonymous").await;
    worker.check("consent.spoc_id", &spoc).await;
    let en = |key: &str| i18n::text(Language::En, key);
    worker.press(&en("report-preview-button")).await;
    worker.press(&en("preview-send-button")).await;
    assert_eq!(worker.status().await, 201);

    // The caseworker: the given password works once, then only their own.
    let cw = Browser::start(Viewport::Desktop).await;
    sign_in(&cw, app, "gwen@lookout.test", &initial, "").await;
    assert!(cw.current_url().await.ends_with("/staff/account"));
    assert_shows(&cw.text().await, "Choose your own password first");
    look(&cw, "staff-account-first-sign-in").await;
    let own = "four unrelated words here";
    cw.fill("current_password", &initial).await;
    cw.fill("new_password", own).await;
    cw.fill("repeat_password", own).await;
    cw.press("Change password").await;
    assert_shows(&cw.text().await, "Your password is changed.");
    cw.press("Set up two-factor codes").await;
    look(&cw, "staff-totp-setup").await;
    let uri = source_of(&cw, "otpauth-uri").await;
    let totp = totp_rs::Totp::from_url(&uri).unwrap();
    let t = now();
    // Each code is used once and must be later than the last: enrol with the previous step's.
    cw.fill("code", &totp.generate(t - 30).to_string()).await;
    cw.press("Turn two-factor codes on").await;
    assert_eq!(cw.text_of("#totp-status").await, "On");
    cw.press("Sign out").await;
    assert!(cw.current_url().await.ends_with("/staff/login"));
    sign_in(&cw, app, "gwen@lookout.test", own, "").await;
    assert_shows(
        &cw.text().await,
        "The email, password or code is not right.",
    );
    sign_in(
        &cw,
        app,
        "gwen@lookout.test",
        own,
        &totp.generate(t).to_string(),
    )
    .await;
    assert!(cw.current_url().await.ends_with("/staff/cases"));
    look(&cw, "staff-cases").await;

    // The report, its alert, and who receives it.
    let case = app.strings("SELECT id AS v FROM reports").remove(0);
    cw.goto(&app.url(&format!("/staff/cases/{case}"))).await;
    assert_shows(
        &cw.text_of("#case-description").await,
        "He took the money back at knifepoint",
    );
    look(&cw, "staff-case").await;
    cw.follow("Write an alert from this report").await;
    look(&cw, "staff-alert-editor").await;
    cw.fill("title", "Robbery at knifepoint, Cardiff").await;
    cw.press("Check and see who receives it").await;
    assert_eq!(
        cw.text_of("#recipients").await,
        "1 subscriber will receive it now: everyone confirmed whose regions and categories match."
    );
    look(&cw, "staff-alert-confirm").await;
    cw.press("Publish to 1 subscriber").await;
    assert_eq!(cw.status().await, 201);
    let mail = drained_mail(app, smtp).await;
    let alerts: Vec<_> = mail
        .iter()
        .filter(|m| m.to == ["night-shift@example.org"] && m.subject.starts_with("Safety alert"))
        .collect();
    assert_eq!(alerts.len(), 1, "the subscriber received the alert");
    assert_shows(&alerts[0].text, "Robbery at knifepoint, Cardiff");

    // The forward: the page shows the text and the address; the SPOC receives exactly that.
    cw.goto(&app.url(&format!("/staff/cases/{case}"))).await;
    cw.follow("Forward to the police contact the reporter chose")
        .await;
    look(&cw, "staff-forward").await;
    let shown = cw.text_of("#forward-text").await;
    assert_eq!(
        cw.text_of("#forward-to").await,
        "DS Carys Rees (South Wales Police) <c.rees@south-wales.police.example>"
    );
    cw.press("Send this to DS Carys Rees").await;
    assert_eq!(cw.status().await, 201);
    let mail = drained_mail(app, smtp).await;
    let police: Vec<_> = mail
        .iter()
        .filter(|m| m.to == ["c.rees@south-wales.police.example"])
        .collect();
    assert_eq!(police.len(), 1);
    let received = police[0].text.replace("\r\n", "\n");
    assert_eq!(
        received.trim_end(),
        shown.trim_end(),
        "exactly as previewed"
    );

    // A request for more than was consented: recorded, and the refusal to send shown.
    cw.goto(&app.url(&format!("/staff/cases/{case}"))).await;
    cw.follow("Record a request for more than the reporter consented to")
        .await;
    cw.check("requester", "police").await;
    cw.check("asked_for", "names").await;
    cw.check("asked_for", "addresses_or_premises").await;
    cw.press("Record and refuse").await;
    assert_eq!(cw.status().await, 201);
    assert_shows(&cw.text_of("#refusal").await, "We neither confirm nor deny");
    look(&cw, "staff-police-requests").await;
    // The exception policy's page, with the policy and the proposal form.
    cw.goto(&app.url(&format!("/staff/cases/{case}"))).await;
    cw.follow("Propose a disclosure under the exception policy")
        .await;
    assert_shows(&cw.text().await, "child is at immediate risk");
    look(&cw, "staff-exceptions").await;

    // A form on another site's page, submitted while the caseworker is signed in: refused, and
    // the case is not closed.
    let attacker = attacker_page(app.url(&format!("/staff/cases/{case}/close")));
    cw.goto(&attacker).await;
    cw.press("Claim the prize").await;
    assert_eq!(cw.status().await, 403);
    assert_shows(&cw.text().await, "Nothing was changed");
    assert_eq!(
        app.strings(&format!(
            "SELECT status AS v FROM reports WHERE id = '{case}'"
        )),
        ["forwarded"]
    );
}

async fn a_caseworkers_day_in_the_console(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, smtp_settings(smtp.url())).await;
    a_caseworkers_day(&app, &smtp).await;
}

crate::both_backends!(a_caseworkers_day_in_the_console);
