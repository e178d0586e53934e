//! What a worker does with only a phone browser and JavaScript off, in a real Chromium driven
//! over WebDriver (`browser.rs`): report through the form and its preview, keep the receipt, see
//! the status, reply, change consent, withdraw; see a refused form keep every typed character;
//! check a number; subscribe and confirm from the email the real SMTP server received. Every page
//! on the way is checked by axe-core, and photographed at the viewport's width (committed under
//! `docs/screenshots/` by `scripts/screenshots`).

use serde_json::json;

use crate::alerts::{drained_mail, link, publish_draft, submit};
use crate::browser::{Browser, Viewport};
use crate::helpers::{Backend, TestApp, report, smtp_settings, spawn_app, spawn_app_with};
use crate::smtp::SmtpServer;
use lookout::i18n::{self, Language};
use lookout::services::staff::Role;

fn en(key: &str) -> String {
    i18n::text(Language::En, key)
}

/// Checks the page with axe-core (phone only: the same markup, a second run adds nothing): no
/// violation at all, not only no serious one; then takes its picture.
async fn look(browser: &Browser, name: &str) {
    if browser.viewport() == Viewport::Phone {
        browser.axe_check().await;
        // Headings in order, and nothing else axe flags either, at any impact.
        let all: Vec<String> = browser
            .axe_violations()
            .await
            .iter()
            .map(|v| v.to_string())
            .collect();
        assert!(all.is_empty(), "{name}: axe-core: {}", all.join(""));
    }
    browser.screenshot(name).await;
}

/// Types into the field with this element id (the repeated boxes of a list share their name).
async fn fill_id(b: &Browser, id: &str, value: &str) {
    let field = b
        .client()
        .find(fantoccini::Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("no field #{id}: {e}"));
    field.clear().await.unwrap();
    field.send_keys(value).await.unwrap();
}

fn assert_shows(text: &str, expected: &str) {
    assert!(
        text.contains(expected),
        "expected {expected:?} on the page:\n{text}"
    );
}

async fn report_follow_up_and_withdraw(app: &TestApp, viewport: Viewport) {
    let spoc = app.insert_spoc("DC Jane Doe", "south-wales");
    let b = Browser::start(viewport).await;
    b.goto(&app.url("/")).await;
    look(&b, "home").await;
    b.goto(&app.url("/report")).await;
    look(&b, "report").await;
    b.select("category", "robbery").await;
    b.select("region", "south-wales").await;
    b.fill("area", "Cardiff city centre").await;
    b.fill("incident_date", "2026-11-18").await;
    b.fill(
        "description",
        "He took the money back at knifepoint.\nCall me on 07700 900456 if you need more.",
    )
    .await;
    fill_id(&b, "f-perpetrator-phone_numbers-0", "07700 900123").await;
    b.fill("contact.email", "mira@example.org").await;
    b.check("consent.police", "anonymous").await;
    b.check("consent.spoc_id", &spoc).await;
    b.press(&en("report-preview-button")).await;

    // The preview: what police would get (without the reporter's number) and the alert draft.
    let text = b.text().await;
    assert_shows(&text, &en("preview-police-title"));
    let police = b.text_of("#police-forward").await;
    assert!(police.contains("knifepoint"), "{police}");
    assert!(
        !police.contains("07700 900456") && !police.contains("mira@"),
        "{police}"
    );
    assert_shows(&text, "DC Jane Doe");
    look(&b, "report-preview").await;
    // Back to the form: everything is still there.
    b.press(&en("preview-edit-button")).await;
    assert_eq!(b.value_of("area").await, "Cardiff city centre");
    assert!(b.value_of("description").await.contains("07700 900456"));
    assert!(b.is_checked("consent.spoc_id", &spoc).await);
    b.press(&en("report-preview-button")).await;
    b.press(&en("preview-send-button")).await;

    // The receipt, once, large; never in the address bar.
    let receipt = b.text_of("#receipt").await.replace(char::is_whitespace, "");
    assert!(receipt.starts_with("LKT-"), "{receipt}");
    assert!(!b.current_url().await.contains(&receipt));
    assert_shows(&b.text().await, &en("receipt-write-down"));
    look(&b, "report-receipt").await;

    // Follow up: the status, a caseworker's message, a reply.
    let case = app.strings("SELECT CAST(id AS TEXT) AS v FROM reports")[0].clone();
    let token = app.staff_token(Role::Caseworker).await;
    let res = app
        .authed(
            reqwest::Method::POST,
            &format!("/api/v1/cases/{case}/messages"),
            Some(&token),
            Some(&json!({"body": "Thank you for telling us. Are you safe?"})),
        )
        .await;
    assert_eq!(res.status(), 201);
    b.goto(&app.url("/follow-up")).await;
    look(&b, "follow-up").await;
    b.fill("receipt", &receipt).await;
    b.press(&en("follow-up-open-button")).await;
    let text = b.text().await;
    assert_shows(&text, &en("status-received"));
    assert_shows(&text, "Thank you for telling us. Are you safe?");
    look(&b, "follow-up-status").await;
    b.fill("body", "Yes, I am safe now.").await;
    b.press(&en("follow-up-reply-button")).await;
    let text = b.text().await;
    assert_shows(&text, &en("follow-up-reply-sent"));
    assert_shows(&text, "Yes, I am safe now.");

    // Consent: see what "nothing" would send, then save it.
    b.check("consent.police", "none").await;
    b.press(&en("follow-up-consent-preview-button")).await;
    assert_shows(&b.text().await, &en("consent-preview-nothing"));
    look(&b, "follow-up-consent").await;
    b.press(&en("consent-preview-confirm-button")).await;
    let text = b.text().await;
    assert_shows(&text, &en("follow-up-consent-changed"));
    assert_shows(&text, &en("consent-level-none"));

    // Withdraw: asked once more, with what it destroys; then the receipt stops working.
    b.press(&en("follow-up-withdraw-button")).await;
    assert_shows(&b.text().await, &en("withdraw-destroys-checks"));
    look(&b, "follow-up-withdraw").await;
    b.press(&en("withdraw-confirm-button")).await;
    assert_shows(&b.text().await, &en("withdrawn"));
    b.goto(&app.url("/follow-up")).await;
    b.fill("receipt", &receipt).await;
    b.press(&en("follow-up-open-button")).await;
    assert_shows(&b.text().await, &en("follow-up-receipt-unknown"));
    assert_eq!(b.value_of("receipt").await, receipt);
}

async fn a_refused_form_keeps_every_typed_character(app: &TestApp) {
    let b = Browser::start(Viewport::Phone).await;
    b.goto(&app.url("/report?lang=pl")).await;
    let description = "  Zostawił mnie <b>\"tam\"</b> & 'uciekł' — żółć, 日本語, ไทย\n\n\tkoniec  ";
    b.fill("description", description).await;
    b.fill("area", "Kraków? <nie>").await;
    fill_id(&b, "f-perpetrator-vehicles-0", "AB12 \"CDE\"").await;
    b.fill("contact.email", "not an email").await;
    b.fill("incident_date", "18.11.2026").await;
    // No category, no region: refused.
    b.press(&i18n::text(Language::Pl, "report-preview-button"))
        .await;
    let text = b.text().await;
    assert_shows(&text, &i18n::text(Language::Pl, "form-has-errors"));
    assert_shows(&text, &i18n::text(Language::Pl, "error-category"));
    assert_shows(&text, &i18n::text(Language::Pl, "error-email"));
    assert_shows(&text, &i18n::text(Language::Pl, "error-date"));
    assert_eq!(b.value_of("description").await, description);
    assert_eq!(b.value_of("area").await, "Kraków? <nie>");
    let vehicle = b
        .client()
        .find(fantoccini::Locator::Id("f-perpetrator-vehicles-0"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(vehicle.as_deref(), Some("AB12 \"CDE\""));
    assert_eq!(b.value_of("contact.email").await, "not an email");
    assert_eq!(b.value_of("incident_date").await, "18.11.2026");
    look(&b, "report-errors").await;
    assert_eq!(app.count("reports"), 0);
}

async fn check_a_number(app: &TestApp, viewport: Viewport) {
    let (_, case) = submit(app, &report(json!({}))).await;
    let token = app.staff_token(Role::Caseworker).await;
    assert_eq!(
        publish_draft(app, &token, &case, &["south-wales"])
            .await
            .status(),
        201
    );
    let b = Browser::start(viewport).await;
    b.goto(&app.url("/check")).await;
    look(&b, "check").await;
    b.fill("phone", "+44 7700 900123").await;
    b.press(&en("check-button")).await;
    let text = b.text().await;
    assert_shows(
        &text,
        &i18n::text_with(Language::En, "check-matches", [("count", 1.into())]),
    );
    assert_shows(&text, &en("category-robbery"));
    look(&b, "check-result").await;
    b.fill("phone", "").await;
    b.fill("vehicle", "ZZ99 ZZZ").await;
    b.press(&en("check-button")).await;
    assert_shows(&b.text().await, &en("check-no-match"));
}

async fn subscribe_and_confirm_from_the_email(
    app: &TestApp,
    smtp: &SmtpServer,
    viewport: Viewport,
) {
    let b = Browser::start_with_language(viewport, "ro-RO,ro;q=0.9").await;
    b.goto(&app.url("/subscribe")).await;
    let ro = |key: &str| i18n::text(Language::Ro, key);
    assert_shows(&b.text().await, &ro("subscribe-title"));
    look(&b, "subscribe").await;
    b.fill("email", "lucia@example.org").await;
    b.check("regions", "south-wales").await;
    b.check("categories", "robbery").await;
    assert_eq!(b.value_of("language").await, "ro");
    b.press(&ro("subscribe-button")).await;
    assert_shows(&b.text().await, &ro("subscribe-sent"));
    let mails = drained_mail(app, smtp).await;
    let mail = mails.last().expect("a confirmation email arrived");
    assert_eq!(mail.to, ["lucia@example.org"]);
    // Opening the link shows one button and changes nothing.
    b.goto(&app.url(&link(mail, "confirm"))).await;
    assert_shows(&b.text().await, &ro("confirm-explain"));
    look(&b, "subscribe-confirm").await;
    assert_eq!(
        app.strings("SELECT status AS v FROM subscribers"),
        ["pending"]
    );
    b.press(&ro("confirm-button")).await;
    assert_shows(&b.text().await, &ro("confirmed"));
    assert_eq!(
        app.strings("SELECT status AS v FROM subscribers"),
        ["confirmed"]
    );
}

async fn phone_report_journey(backend: Backend) {
    let app = spawn_app(backend).await;
    report_follow_up_and_withdraw(&app, Viewport::Phone).await;
}

async fn phone_refused_form(backend: Backend) {
    let app = spawn_app(backend).await;
    a_refused_form_keeps_every_typed_character(&app).await;
}

async fn phone_check_and_subscribe(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, smtp_settings(smtp.url())).await;
    check_a_number(&app, Viewport::Phone).await;
    subscribe_and_confirm_from_the_email(&app, &smtp, Viewport::Phone).await;
}

/// The statistics page with a quarter published (reports made through the API, then backdated
/// as if the quarter had ended), read on a phone.
async fn phone_statistics(backend: Backend) {
    let app = spawn_app(backend).await;
    for (category, n) in [("robbery", 7), ("violence", 2)] {
        for _ in 0..n {
            submit(&app, &report(json!({"category": category}))).await;
        }
    }
    app.stop().await;
    let previous = lookout::domain::statistics::Quarter::of(lookout::clock::today()).previous();
    app.execute(&format!(
        "UPDATE reports SET submitted_on = '{}'",
        previous.first_day()
    ));
    let again = lookout::app::Application::build(app.settings.clone()).unwrap();
    let address = format!("http://127.0.0.1:{}", again.port());
    let stopper = again.stopper();
    tokio::spawn(again.run_until_stopped());
    let b = Browser::start(Viewport::Phone).await;
    b.goto(&format!("{address}/statistics")).await;
    let text = b.text().await;
    assert_shows(&text, &en("statistics-title"));
    assert_shows(
        &text,
        &format!("Quarter {} of {}", previous.number, previous.year),
    );
    assert_eq!(
        b.text_of("td[data-category=\"robbery\"]").await,
        "7",
        "seven robberies are shown"
    );
    assert_eq!(
        b.text_of("td[data-category=\"violence\"]").await,
        en("statistics-fewer-than-five")
    );
    look(&b, "statistics").await;
    stopper.stop().await;
}

crate::both_backends!(
    phone_report_journey,
    phone_refused_form,
    phone_check_and_subscribe,
    phone_statistics
);

/// The same journeys on a desktop window (SQLite: the pages' storage is covered on both
/// backends above).
#[tokio::test]
async fn desktop_journeys() {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(Backend::Sqlite, smtp_settings(smtp.url())).await;
    report_follow_up_and_withdraw(&app, Viewport::Desktop).await;
    check_a_number(&app, Viewport::Desktop).await;
    subscribe_and_confirm_from_the_email(&app, &smtp, Viewport::Desktop).await;
}
