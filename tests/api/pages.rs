//! The pages over real HTTP: the headers every page carries, the language it is in, and the
//! forms a worker fills in (what they send, what comes back on an error, what is stored). The
//! same journeys in a real browser with JavaScript off are in `browser.rs`.

use reqwest::header;
use serde_json::{Value, json};

use crate::alerts::{publish_draft, submit};
use crate::both_backends;
use crate::helpers::{Backend, TestApp, report, spawn_app, spawn_app_with};
use lookout::i18n::{self, Language};
use lookout::services::staff::Role;

const PAGE_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                        frame-ancestors 'none'; base-uri 'none'";

/// A page as a browser gets it.
struct Page {
    status: u16,
    headers: header::HeaderMap,
    html: String,
}

async fn page(res: reqwest::Response) -> Page {
    Page {
        status: res.status().as_u16(),
        headers: res.headers().clone(),
        html: res.text().await.unwrap(),
    }
}

impl TestApp {
    async fn page(&self, path: &str) -> Page {
        page(self.get(path).await).await
    }

    async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let res = self
            .client
            .post(self.url(path))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(encode(fields))
            .send()
            .await
            .unwrap();
        page(res).await
    }
}

fn encode(fields: &[(&str, &str)]) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        s.append_pair(k, v);
    }
    s.finish()
}

/// What HTML escaping did, undone (the five characters askama escapes, and the numeric forms).
fn unescape(s: &str) -> String {
    s.replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
        .replace("&#38;", "&")
}

/// The text of the `<textarea>` with this name, as the browser would show it.
fn textarea(html: &str, name: &str) -> String {
    let start = html
        .find(&format!("name=\"{name}\""))
        .unwrap_or_else(|| panic!("no textarea {name}"));
    let open = start + html[start..].find('>').unwrap() + 1;
    let close = open + html[open..].find("</textarea>").unwrap();
    unescape(&html[open..close])
}

/// The value of the (first) input with this name.
fn input(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("no input {name} in\n{html}"));
    let from = at + format!("name=\"{name}\" value=\"").len();
    let to = from + html[from..].find('"').unwrap();
    unescape(&html[from..to])
}

/// Every hidden input of a page's form that has a `step` button, as the browser would send it.
fn hidden_fields(html: &str) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<input type=\"hidden\" name=\"") {
        rest = &rest[at + "<input type=\"hidden\" name=\"".len()..];
        let name_end = rest.find('"').unwrap();
        let name = unescape(&rest[..name_end]);
        let value_start = rest.find("value=\"").unwrap() + "value=\"".len();
        let value_end = value_start + rest[value_start..].find('"').unwrap();
        fields.push((name, unescape(&rest[value_start..value_end])));
    }
    fields
}

/// Whether the page shows `text` (compared after undoing HTML escaping).
fn shows(html: &str, text: &str) -> bool {
    unescape(html).contains(text)
}

/// The error summary of a page, for failure messages.
fn summary(html: &str) -> &str {
    html.find("error-summary")
        .map(|at| &html[at..at + html[at..].find("</div>").unwrap_or(0)])
        .unwrap_or("(no error summary)")
}

fn receipt_in(html: &str) -> String {
    let at = html
        .find("id=\"receipt\"")
        .expect("the receipt is on the page");
    let end = at + html[at..].find("</p>").unwrap();
    let text: String = html[at..end]
        .split('>')
        .skip(1)
        .map(|part| part.split('<').next().unwrap_or(""))
        .collect();
    text
}

const PAGES: [&str; 7] = [
    "/",
    "/report",
    "/follow-up",
    "/check",
    "/subscribe",
    "/subscriptions/confirm?token=abc",
    "/subscriptions/unsubscribe?token=abc",
];

async fn every_page_has_the_page_headers_and_nothing_external(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in PAGES {
        let p = app.page(path).await;
        assert_eq!(p.status, 200, "{path}");
        assert_eq!(
            p.headers[header::CONTENT_SECURITY_POLICY],
            PAGE_CSP,
            "{path}"
        );
        assert_eq!(p.headers[header::CACHE_CONTROL], "no-store", "{path}");
        assert!(p.headers.get(header::SET_COOKIE).is_none(), "{path}");
        assert!(
            p.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{path}"
        );
        let lower = p.html.to_lowercase();
        assert!(!lower.contains("<script"), "{path} has a script");
        assert!(!lower.contains(" style=\""), "{path} has an inline style");
        for attr in [
            "src=\"http",
            "href=\"http",
            "src=\"//",
            "href=\"//",
            "action=\"http",
        ] {
            assert!(
                !lower.contains(attr),
                "{path} loads something external: {attr}"
            );
        }
        assert!(
            p.html.starts_with("<!doctype html>\n<html lang=\"en\">"),
            "{path}"
        );
    }
    // The style sheet and icon come from the binary.
    let css = app.get("/static/lookout.css").await;
    assert_eq!(css.status(), 200);
    assert!(
        css.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert_eq!(app.get("/static/icon.svg").await.status(), 200);
    // Unknown paths: a page outside the API, a problem inside it.
    let missing = app.page("/no-such-page").await;
    assert_eq!(missing.status, 404);
    assert!(shows(
        &missing.html,
        &i18n::text(Language::En, "error-not-found-title")
    ));
    let api = app.get("/api/v1/no-such-thing").await;
    assert_eq!(api.status(), 404);
    assert_eq!(
        api.headers()[header::CONTENT_TYPE],
        "application/problem+json"
    );
}

async fn the_language_comes_from_the_link_then_the_browser(backend: Backend) {
    let app = spawn_app(backend).await;
    let get = |path: &'static str, accept: &'static str| {
        let app = &app;
        async move {
            let res = app
                .client
                .get(app.url(path))
                .header(header::ACCEPT_LANGUAGE, accept)
                .send()
                .await
                .unwrap();
            page(res).await
        }
    };
    let ro = get("/report", "de-DE, ro;q=0.8, en;q=0.5").await;
    assert_eq!(ro.headers[header::CONTENT_LANGUAGE], "ro");
    assert!(ro.html.contains("<html lang=\"ro\">"));
    assert!(shows(&ro.html, &i18n::text(Language::Ro, "report-intro")));
    // The link wins over the browser; every link and form keeps the language.
    let pl = get("/report?lang=pl", "ro").await;
    assert_eq!(pl.headers[header::CONTENT_LANGUAGE], "pl");
    assert!(shows(&pl.html, &i18n::text(Language::Pl, "report-intro")));
    assert!(pl.html.contains("action=\"/report?lang=pl\""));
    assert!(pl.html.contains("href=\"/check?lang=pl\""));
    // Every language is offered on every page, in its own name.
    for l in Language::ALL {
        assert!(
            pl.html
                .contains(&format!("href=\"/report?lang={}\"", l.tag())),
            "{}",
            l.tag()
        );
    }
    // Category and region names are translated too.
    assert!(shows(
        &pl.html,
        &i18n::category_name(Language::Pl, "robbery", "")
    ));
    let zh = get("/", "zh-CN").await;
    assert_eq!(zh.headers[header::CONTENT_LANGUAGE], "zh-Hans");
    let other = get("/", "fr, de").await;
    assert_eq!(other.headers[header::CONTENT_LANGUAGE], "en");
}

/// The fields of a full report as the form sends them.
fn report_form<'a>(spoc: &'a str, description: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("category", "robbery"),
        ("region", "south-wales"),
        ("area", "Cardiff city centre"),
        ("incident_date", "2026-11-18"),
        ("description", description),
        (
            "perpetrator.description",
            "White van, burn scar on left hand",
        ),
        ("perpetrator.phone_numbers", "07700 900123"),
        ("perpetrator.phone_numbers", ""),
        ("perpetrator.emails", ""),
        ("perpetrator.vehicles", "AB12 CDE"),
        ("perpetrator.online_handles", ""),
        ("alert", "true"),
        ("contact.name", "Mira"),
        ("contact.email", "mira@example.org"),
        ("contact.phone", ""),
        ("contact.notes", ""),
        (
            "consent.statement_version",
            lookout::domain::consent::STATEMENT_VERSION,
        ),
        ("consent.police", "anonymous"),
        ("consent.spoc_id", spoc),
        ("language", "en"),
        ("step", "preview"),
    ]
}

const DESCRIPTION: &str = "He took the money back at knifepoint. Call me on 07700 900456, \
                           he said he would report me to immigration.";

async fn the_report_form_previews_what_the_api_previews_then_gives_the_receipt_once(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let spoc = app.insert_spoc("DC Jane Doe", "south-wales");
    let preview = app
        .post_form("/report", &report_form(&spoc, DESCRIPTION))
        .await;
    assert_eq!(preview.status, 200, "{}", summary(&preview.html));
    // Exactly what the API previews for the same report: the same functions.
    let api: Value = app
        .post_json(
            "/api/v1/reports/preview",
            &report(json!({
                "description": DESCRIPTION,
                "contact": {"name": "Mira", "email": "mira@example.org"},
                "consent": {"police": "anonymous", "spoc_id": spoc,
                            "statement_version": lookout::domain::consent::STATEMENT_VERSION},
            })),
        )
        .await
        .json()
        .await
        .unwrap();
    let police = api["police_forward"].as_str().unwrap();
    assert!(!police.contains("07700 900456") && !police.contains("immigration"));
    let shown = |id: &str| {
        let at = preview.html.find(&format!("id=\"{id}\">")).unwrap() + id.len() + 6;
        unescape(&preview.html[at..at + preview.html[at..].find("</pre>").unwrap()])
    };
    assert_eq!(shown("police-forward"), police);
    assert_eq!(shown("alert-draft"), api["alert_draft"].as_str().unwrap());
    assert!(preview.html.contains("DC Jane Doe"));
    for removed in api["removed"].as_array().unwrap() {
        let label = removed.as_str().unwrap();
        let key = format!(
            "removed-{}",
            label
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect::<String>()
                .trim_matches('-')
                .replace("--", "-")
        );
        // A kind with no translation (e.g. "a sentence in Dutch that the firewall could not
        // check") is shown as the core names it.
        let expected = if i18n::has(Language::En, &key) {
            i18n::text(Language::En, &key)
        } else {
            label.to_string()
        };
        assert!(shows(&preview.html, &expected), "{label}");
    }
    assert_eq!(app.count("reports"), 0, "a preview stores nothing");

    // Confirming sends what the preview carried in its hidden fields.
    let hidden = hidden_fields(&preview.html);
    assert!(
        hidden
            .iter()
            .any(|(k, v)| k == "description" && v == DESCRIPTION)
    );
    let mut fields: Vec<(&str, &str)> = hidden
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    fields.push(("step", "send"));
    let res = app
        .client
        .post(app.url("/report"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(encode(&fields))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    assert!(res.headers().get(header::LOCATION).is_none());
    assert_eq!(res.url().path(), "/report", "the receipt is never in a URL");
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let html = res.text().await.unwrap();
    let receipt = receipt_in(&html);
    assert!(
        receipt.starts_with("LKT-") && receipt.split('-').skip(1).all(|g| g.len() == 4),
        "{receipt}"
    );
    assert!(html.contains(&i18n::text(Language::En, "receipt-write-down")));
    assert_eq!(app.count("reports"), 1);
    let status: Value = app
        .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(status["status"], "received");
    assert_eq!(status["consent"]["police"], "anonymous");
    // The receipt is shown once: nothing stored holds it, and no page shows it again.
    assert!(!app.everything_stored().contains(&receipt));
    let follow = app.page("/follow-up").await;
    assert!(!follow.html.contains(&receipt));
}

async fn a_refused_form_comes_back_with_every_typed_character(backend: Backend) {
    let app = spawn_app(backend).await;
    let description = "  Line one <b>&amp; \"quoted\" 'single'\r\n\r\n  ✓ ünïcödé 😀 — tab\there  ";
    let mut fields = report_form("not-a-spoc", description);
    for (k, v) in fields.iter_mut() {
        match *k {
            "category" => *v = "",
            "contact.email" => *v = "not an <email>",
            "perpetrator.vehicles" => *v = "AB12 \"CDE\"",
            "incident_date" => *v = "18/11/2026",
            _ => {}
        }
    }
    let p = app.post_form("/report", &fields).await;
    assert_eq!(p.status, 422);
    assert_eq!(textarea(&p.html, "description"), description);
    assert_eq!(input(&p.html, "contact.email"), "not an <email>");
    assert_eq!(input(&p.html, "perpetrator.vehicles"), "AB12 \"CDE\"");
    assert_eq!(input(&p.html, "incident_date"), "18/11/2026");
    assert_eq!(input(&p.html, "area"), "Cardiff city centre");
    assert_eq!(input(&p.html, "contact.name"), "Mira");
    assert!(p.html.contains("value=\"anonymous\" checked"));
    // Each wrong field says why, beside it and in the summary at the top.
    for key in [
        "error-category",
        "error-email",
        "error-date",
        "error-consent-spoc",
    ] {
        let sentence = i18n::text(Language::En, key);
        assert!(p.html.contains(&sentence), "{key}");
    }
    assert!(
        p.html
            .contains("id=\"f-category\" name=\"category\" aria-invalid=\"true\"")
    );
    assert!(p.html.contains("href=\"#f-contact-email\""));
    assert_eq!(app.count("reports"), 0);

    // In another language the sentences are that language's.
    let ro = app.post_form("/report?lang=ro", &fields).await;
    assert_eq!(ro.status, 422);
    assert!(shows(&ro.html, &i18n::text(Language::Ro, "error-category")));
    assert_eq!(textarea(&ro.html, "description"), description);

    // A field about immigration status is refused from a form as from the API, and nothing is
    // stored; what was typed stays.
    let mut fields = report_form("", "He threatened me.");
    fields.push(("immigration_status", "visa"));
    let p = app.post_form("/report", &fields).await;
    assert_eq!(p.status, 422);
    assert!(
        shows(&p.html, &i18n::text(Language::En, "error-firewall-field"))
            || p.html.contains("Lookout does not accept immigration")
    );
    assert_eq!(textarea(&p.html, "description"), "He threatened me.");
    assert_eq!(app.count("reports"), 0);
}

async fn too_many_reports_keep_what_was_typed(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.limits.anonymous_per_client_per_minute = 1).await;
    let fields = report_form("", "First report, typed with care.");
    let first = app.post_form("/report", &fields).await;
    assert_eq!(
        first.status, 422,
        "no police contact was chosen for anonymous"
    );
    let second = app.post_form("/report", &fields).await;
    assert_eq!(second.status, 429);
    assert!(shows(
        &second.html,
        &i18n::text(Language::En, "error-rate-limited")
    ));
    assert_eq!(
        textarea(&second.html, "description"),
        "First report, typed with care."
    );
}

async fn follow_up_reads_replies_changes_consent_and_withdraws(backend: Backend) {
    let app = spawn_app(backend).await;
    let spoc = app.insert_spoc("DC Jane Doe", "south-wales");
    let (receipt, case) = submit(
        &app,
        &report(json!({"contact": {"email": "mira@example.org"},
                        "description": "He hit me. My flatmate Anna Kowalska saw it."})),
    )
    .await;
    let token = app.staff_token(Role::Caseworker).await;
    let res = app
        .authed(
            reqwest::Method::POST,
            &format!("/api/v1/cases/{case}/messages"),
            Some(&token),
            Some(&json!({"body": "We are sorry. Are you safe now?"})),
        )
        .await;
    assert_eq!(res.status(), 201);

    let open = app
        .post_form("/follow-up", &[("receipt", &receipt), ("action", "view")])
        .await;
    assert_eq!(open.status, 200);
    assert!(
        shows(&open.html, &i18n::text(Language::En, "status-reviewed"))
            || shows(&open.html, &i18n::text(Language::En, "status-received"))
    );
    assert!(open.html.contains("We are sorry. Are you safe now?"));
    assert!(open.html.contains("autocomplete=\"off\""));

    // A reply with nothing in it comes back with the error; a real one is added to the thread.
    let empty = app
        .post_form(
            "/follow-up",
            &[("receipt", &receipt), ("action", "reply"), ("body", "   ")],
        )
        .await;
    assert_eq!(empty.status, 422);
    assert!(shows(
        &empty.html,
        &i18n::text(Language::En, "error-required")
    ));
    let sent = app
        .post_form(
            "/follow-up",
            &[
                ("receipt", &receipt),
                ("action", "reply"),
                ("body", "Yes, thank you <3"),
            ],
        )
        .await;
    assert_eq!(sent.status, 200);
    assert!(sent.html.contains("Yes, thank you &#60;3"));
    assert!(shows(
        &sent.html,
        &i18n::text(Language::En, "follow-up-reply-sent")
    ));

    // Consent: first what the new level would send (as the forward would), then the change.
    let consent = [
        ("receipt", receipt.as_str()),
        ("consent.police", "anonymous"),
        ("consent.spoc_id", spoc.as_str()),
        (
            "consent.statement_version",
            lookout::domain::consent::STATEMENT_VERSION,
        ),
    ];
    let mut ask = consent.to_vec();
    ask.push(("action", "consent-preview"));
    let preview = app.post_form("/follow-up", &ask).await;
    assert_eq!(preview.status, 200, "{}", summary(&preview.html));
    assert!(preview.html.contains("He hit me."));
    assert!(
        !preview.html.contains("Anna Kowalska"),
        "another person's name never reaches police"
    );
    assert!(
        !preview.html.contains("mira@example.org"),
        "anonymous sends no contact"
    );
    let status: Value = app
        .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        status["consent"]["police"], "none",
        "a preview changes nothing"
    );
    let mut confirm = consent.to_vec();
    confirm.push(("action", "consent"));
    let changed = app.post_form("/follow-up", &confirm).await;
    assert_eq!(changed.status, 200);
    assert!(shows(
        &changed.html,
        &i18n::text(Language::En, "follow-up-consent-changed")
    ));
    let status: Value = app
        .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(status["consent"]["police"], "anonymous");

    // Withdrawal asks first, saying what it destroys; only the second button withdraws.
    let ask = app
        .post_form(
            "/follow-up",
            &[("receipt", &receipt), ("action", "withdraw-ask")],
        )
        .await;
    assert_eq!(ask.status, 200);
    assert!(shows(
        &ask.html,
        &i18n::text(Language::En, "withdraw-destroys-content")
    ));
    let still = app
        .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
        .await;
    assert_eq!(still.status(), 200);
    let gone = app
        .post_form(
            "/follow-up",
            &[("receipt", &receipt), ("action", "withdraw")],
        )
        .await;
    assert_eq!(gone.status, 200);
    assert!(shows(&gone.html, &i18n::text(Language::En, "withdrawn")));
    let unknown = app.post_form("/follow-up", &[("receipt", &receipt)]).await;
    assert_eq!(unknown.status, 404);
    assert!(shows(
        &unknown.html,
        &i18n::text(Language::En, "follow-up-receipt-unknown")
    ));
    assert_eq!(
        input(&unknown.html, "receipt"),
        receipt,
        "what was typed stays"
    );
}

async fn the_check_page_finds_published_identifiers_only(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, case) = submit(&app, &report(json!({}))).await;
    let token = app.staff_token(Role::Caseworker).await;
    let none = app
        .post_form("/check", &[("phone", "07700 900123"), ("email", "")])
        .await;
    assert_eq!(none.status, 200);
    assert!(shows(
        &none.html,
        &i18n::text(Language::En, "check-no-match")
    ));
    assert_eq!(
        publish_draft(&app, &token, &case, &["south-wales"])
            .await
            .status(),
        201
    );
    // The international form of the same number matches.
    let found = app
        .post_form("/check?lang=es", &[("phone", "+44 7700 900123")])
        .await;
    assert_eq!(found.status, 200);
    assert!(
        shows(
            &found.html,
            &i18n::category_name(Language::Es, "robbery", "")
        ),
        "{}",
        found.html
    );
    assert!(!shows(
        &found.html,
        &i18n::text(Language::Es, "check-no-match")
    ));
    // Two boxes at once is a field error, with both kept.
    let two = app
        .post_form(
            "/check",
            &[("phone", "07700 900123"), ("vehicle", "AB12CDE")],
        )
        .await;
    assert_eq!(two.status, 422);
    assert!(shows(
        &two.html,
        &i18n::text(Language::En, "error-check-one")
    ));
    assert_eq!(input(&two.html, "vehicle"), "AB12CDE");
}

async fn subscribing_from_the_page_keeps_choices_on_error(backend: Backend) {
    let app = spawn_app(backend).await;
    let bad = app
        .post_form(
            "/subscribe?lang=hu",
            &[
                ("email", "not-an-address"),
                ("categories", "robbery"),
                ("language", "hu"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(shows(&bad.html, &i18n::text(Language::Hu, "error-email")));
    assert!(shows(&bad.html, &i18n::text(Language::Hu, "error-regions")));
    assert_eq!(input(&bad.html, "email"), "not-an-address");
    assert!(bad.html.contains("value=\"robbery\" checked"));
    let ok = app
        .post_form(
            "/subscribe",
            &[
                ("email", "sub@example.org"),
                ("regions", "gwent"),
                ("regions", "south-wales"),
            ],
        )
        .await;
    assert_eq!(ok.status, 200, "{}", summary(&ok.html));
    assert!(shows(&ok.html, &i18n::text(Language::En, "subscribe-sent")));
    assert_eq!(app.count("subscribers"), 1);
}

both_backends!(
    every_page_has_the_page_headers_and_nothing_external,
    the_language_comes_from_the_link_then_the_browser,
    the_report_form_previews_what_the_api_previews_then_gives_the_receipt_once,
    a_refused_form_comes_back_with_every_typed_character,
    too_many_reports_keep_what_was_typed,
    follow_up_reads_replies_changes_consent_and_withdraws,
    the_check_page_finds_published_identifiers_only,
    subscribing_from_the_page_keeps_choices_on_error,
);
