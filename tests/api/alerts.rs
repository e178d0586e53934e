//! Staff, cases, alerts and subscriptions, against a real SMTP server process.

use std::collections::HashMap;
use std::time::Duration;

use lookout::services::staff::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{
    Backend, TestApp, assert_problem, report, smtp_settings, spawn_app, spawn_app_with,
};
use crate::smtp::{Mail, SmtpServer};

const CONFIRM_SUBJECT: &str = "Confirm your Lookout safety alerts";

/// The page link of `kind` (`confirm` or `unsubscribe`) in a mail's text, as a path on the test
/// service (links are built on `server.public_url`; the test service listens elsewhere).
pub(crate) fn link(mail: &Mail, kind: &str) -> String {
    assert!(
        !mail.text.contains("/api/v1/"),
        "emailed links open pages: {}",
        mail.text
    );
    let marker = format!("/subscriptions/{kind}?token=");
    let start = mail
        .text
        .find(&marker)
        .unwrap_or_else(|| panic!("no {kind} link in {}", mail.text));
    let rest = &mail.text[start..];
    rest.chars().take_while(|c| !c.is_whitespace()).collect()
}

/// A query parameter of a link (tokens and tags need no decoding).
pub(crate) fn query_param(link: &str, name: &str) -> Option<String> {
    let query = link.split_once('?')?.1;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(&format!("{name}=")))
        .map(str::to_string)
}

/// An attribute of the first tag in `html` that contains `marker`, HTML entities undone.
fn attribute(html: &str, marker: &str, name: &str) -> String {
    let at = html
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker} in {html}"));
    let tag_start = html[..=at].rfind('<').unwrap();
    let tag = &html[tag_start..tag_start + html[tag_start..].find('>').unwrap()];
    let key = format!(" {name}=\"");
    let value = &tag[tag
        .find(&key)
        .unwrap_or_else(|| panic!("no {name} in {tag}"))
        + key.len()..];
    value[..value.find('"').unwrap()]
        .replace("&#x2f;", "/")
        .replace("&#61;", "=")
        .replace("&#x3d;", "=")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The page behind an emailed link, as a person (or a mail scanner) opens it: a GET, which must
/// show one form carrying the link's token. Returns where the form posts and its token.
pub(crate) async fn open_link(app: &TestApp, link: &str) -> (String, String) {
    let res = app.get(link).await;
    assert_eq!(res.status(), 200, "GET {link}");
    let html = res.text().await.unwrap();
    let action = attribute(&html, "<form method=\"post\"", "action");
    let token = attribute(&html, "name=\"token\"", "value");
    assert_eq!(
        Some(&token),
        query_param(link, "token").as_ref(),
        "the page's form carries the link's token"
    );
    (action, token)
}

/// Presses the page's one button: a form POST of the token to where the form posts.
pub(crate) async fn press_button(app: &TestApp, action: &str, token: &str) -> reqwest::Response {
    app.client
        .post(app.url(action))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(format!("token={token}"))
        .send()
        .await
        .unwrap()
}

/// RFC 8058 one-click: what a mail client does with a `List-Unsubscribe` header (`<url>`) when
/// `List-Unsubscribe-Post` says `List-Unsubscribe=One-Click`.
pub(crate) async fn one_click(app: &TestApp, header: &str) -> reqwest::Response {
    let url = header.trim_matches(|c| c == '<' || c == '>');
    let public_url = &app.settings.server.public_url;
    let path = url
        .strip_prefix(public_url.trim_end_matches('/'))
        .unwrap_or_else(|| panic!("{url} is not on {public_url}"));
    app.client
        .post(app.url(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap()
}

/// How many subscribers have confirmed.
fn confirmed(app: &TestApp) -> usize {
    app.strings("SELECT id AS v FROM subscribers WHERE status = 'confirmed'")
        .len()
}

fn to(mail: &Mail) -> &str {
    mail.to[0].as_str()
}

/// Everything the mail server has received once the outbox is drained, after checking that no
/// mail is left waiting for a retry: what a user will ever get from what has happened so far.
pub(crate) async fn drained_mail(app: &TestApp, smtp: &SmtpServer) -> Vec<Mail> {
    let drained = app.drain().await;
    assert_eq!(
        drained.scheduled_later, 0,
        "mail waits for a retry: {drained:?}"
    );
    smtp.messages()
}

/// The recipients of `mails`, sorted (concurrent senders deliver in any order).
fn recipients(mails: &[Mail]) -> Vec<&str> {
    let mut all: Vec<&str> = mails.iter().map(to).collect();
    all.sort_unstable();
    all
}

/// Subscribes every address and confirms each from its confirmation email: exactly one each.
pub(crate) async fn subscribe_all(app: &TestApp, smtp: &SmtpServer, subs: &[(String, Value)]) {
    let before = drained_mail(app, smtp).await.len();
    for (email, filters) in subs {
        let mut body = json!({"email": email});
        for (k, v) in filters.as_object().unwrap() {
            body[k] = v.clone();
        }
        let res = app.post_json("/api/v1/subscriptions", &body).await;
        assert_eq!(res.status(), 202);
    }
    let mails = drained_mail(app, smtp).await;
    let mut expected: Vec<&str> = subs.iter().map(|(email, _)| email.as_str()).collect();
    expected.sort_unstable();
    assert_eq!(recipients(&mails[before..]), expected);
    // Opening the links shows each a page with one button, and confirms nobody.
    let confirmed_before = confirmed(app);
    let mut buttons = Vec::new();
    for mail in &mails[before..] {
        assert_eq!(mail.subject, CONFIRM_SUBJECT);
        buttons.push(open_link(app, &link(mail, "confirm")).await);
    }
    assert_eq!(
        confirmed(app),
        confirmed_before,
        "opening a link confirms nothing"
    );
    for (action, token) in buttons {
        let res = press_button(app, &action, &token).await;
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    }
    assert_eq!(confirmed(app), confirmed_before + subs.len());
}

pub(crate) async fn submit(app: &TestApp, body: &Value) -> (String, String) {
    let res = app.post_json("/api/v1/reports", body).await;
    assert_eq!(res.status(), 201);
    let receipt = res.json::<Value>().await.unwrap()["receipt"]
        .as_str()
        .unwrap()
        .to_string();
    let id = app
        .strings("SELECT id AS v FROM reports ORDER BY submitted_on, id")
        .into_iter()
        .find(|id| {
            app.strings(&format!(
                "SELECT status AS v FROM reports WHERE id = '{id}'"
            ))[0]
                == "received"
        });
    (receipt, id.unwrap())
}

pub(crate) async fn publish_draft(
    app: &TestApp,
    token: &str,
    case: &str,
    regions: &[&str],
) -> reqwest::Response {
    let draft: Value = app
        .authed(
            Method::GET,
            &format!("/api/v1/cases/{case}/alert-draft"),
            Some(token),
            None,
        )
        .await
        .json()
        .await
        .unwrap();
    let body = json!({
        "title": draft["title"], "body": draft["body"], "regions": regions,
        "category": draft["category"], "identifiers": draft["identifiers"],
    });
    app.authed(
        Method::POST,
        &format!("/api/v1/cases/{case}/alerts"),
        Some(token),
        Some(&body),
    )
    .await
}

const MARKERS: [&str; 4] = [
    "MRKNAME",
    "mrk-email-77@example.net",
    "07700 900777",
    "MRK-NOTES",
];

async fn alerts_reach_only_confirmed_matching_subscribers(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, smtp_settings(smtp.url())).await;
    subscribe_all(
        &app,
        &smtp,
        &[
            ("all@sub.test".into(), json!({"regions": ["south-wales"]})),
            ("gwent@sub.test".into(), json!({"regions": ["gwent"]})),
            (
                "theft@sub.test".into(),
                json!({"regions": ["south-wales"], "categories": ["theft"]}),
            ),
        ],
    )
    .await;
    // Subscribed but never confirmed: nothing may reach it.
    let res = app
        .post_json(
            "/api/v1/subscriptions",
            &json!({"email": "pending@sub.test", "regions": ["south-wales"]}),
        )
        .await;
    assert_eq!(res.status(), 202);
    // Subscribing again answers the same and sends nothing new to a confirmed address.
    let res = app
        .post_json(
            "/api/v1/subscriptions",
            &json!({"email": "all@sub.test", "regions": ["gwent"]}),
        )
        .await;
    assert_eq!(res.status(), 202);
    let mails = drained_mail(&app, &smtp).await;
    assert!(mails.iter().all(|m| m.subject == CONFIRM_SUBJECT));
    assert_eq!(
        recipients(&mails),
        [
            "all@sub.test",
            "gwent@sub.test",
            "pending@sub.test",
            "theft@sub.test"
        ],
        "one confirmation each, none more to the confirmed address"
    );

    let (receipt, case) = submit(
        &app,
        &report(json!({
            "description": format!("He robbed me. My number is {} if police need it.", MARKERS[2]),
            "contact": {"name": MARKERS[0], "email": MARKERS[1], "phone": MARKERS[2], "notes": MARKERS[3]},
        })),
    )
    .await;
    let caseworker = app.staff_token(Role::Caseworker).await;
    let queue: Value = app
        .authed(
            Method::GET,
            "/api/v1/cases?status=received",
            Some(&caseworker),
            None,
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(
        queue
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == case.as_str())
    );
    let view: Value = app
        .authed(
            Method::GET,
            &format!("/api/v1/cases/{case}"),
            Some(&caseworker),
            None,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        view["contact"]["name"], MARKERS[0],
        "caseworkers see the decrypted contact"
    );
    assert!(
        view["report"]["description"]
            .as_str()
            .unwrap()
            .contains("He robbed me")
    );
    assert_eq!(view["status"], "reviewed");

    let res = publish_draft(&app, &caseworker, &case, &["south-wales"]).await;
    assert_eq!(res.status(), 201);
    let published: Value = res.json().await.unwrap();
    assert_eq!(published["recipients"], 1, "{published}");
    let mails = drained_mail(&app, &smtp).await;
    assert_eq!(mails.len(), 5, "the four confirmations and one alert");
    let alert = &mails[4];
    assert_eq!(to(alert), "all@sub.test");
    assert_eq!(alert.subject, "Safety alert: Robbery — South Wales Police");
    let unsubscribe = alert.header("list-unsubscribe").unwrap().to_string();
    let public_url = &app.settings.server.public_url;
    assert!(
        unsubscribe.starts_with(&format!("<{public_url}/subscriptions/unsubscribe?token="))
            && !unsubscribe.contains("lang="),
        "{unsubscribe}"
    );
    assert_eq!(
        alert.header("list-unsubscribe-post"),
        Some("List-Unsubscribe=One-Click")
    );
    assert!(
        alert
            .text
            .contains(&format!("{public_url}/subscriptions/unsubscribe?token=")),
        "{}",
        alert.text
    );
    assert!(link(alert, "unsubscribe").ends_with("&lang=en"));
    assert!(alert.html.contains("unsubscribe?token="));
    assert!(
        alert.text.contains("07700 900123"),
        "perpetrator number: {}",
        alert.text
    );
    for marker in MARKERS {
        assert!(!alert.raw.contains(marker), "{marker} in the alert");
        assert!(
            !alert.raw.contains(&marker.replace(' ', "")),
            "{marker} in the alert"
        );
    }
    // Nobody else got an alert (the outbox was drained: nothing more is coming).
    let alerts: Vec<&str> = mails
        .iter()
        .filter(|m| m.subject.starts_with("Safety alert"))
        .map(to)
        .collect();
    assert_eq!(alerts, vec!["all@sub.test"]);

    let status: Value = app
        .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(status["status"], "alert_published");

    // A caseworker reply reaches the reporter through the receipt.
    let res = app
        .authed(
            Method::POST,
            &format!("/api/v1/cases/{case}/messages"),
            Some(&caseworker),
            Some(&json!({"body": "Thank you. Stay safe."})),
        )
        .await;
    assert_eq!(res.status(), 201);
    let status: Value = app
        .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(status["messages"][0]["from"], "caseworker");
    assert_eq!(status["messages"][0]["body"], "Thank you. Stay safe.");

    // One-click unsubscribe (RFC 8058: a form POST to the header's URL), then nothing more.
    let res = one_click(&app, &unsubscribe).await;
    assert_eq!(res.status(), 200);
    let (_, second) = submit(&app, &report(json!({}))).await;
    let res = publish_draft(&app, &caseworker, &second, &["south-wales"]).await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.json::<Value>().await.unwrap()["recipients"], 0);
    let after = drained_mail(&app, &smtp).await;
    assert_eq!(
        after.len(),
        5,
        "nothing more to anyone: {:?}",
        after
            .iter()
            .map(|m| (to(m), &m.subject))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        app.count("subscribers"),
        3,
        "the unsubscribed address is deleted"
    );
}

async fn an_alert_the_reporter_declined_cannot_be_published(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, case) = submit(&app, &report(json!({"alert": false}))).await;
    let token = app.staff_token(Role::Caseworker).await;
    let draft_res = publish_draft(&app, &token, &case, &["south-wales"]).await;
    assert_problem(draft_res, 409, "alert_not_allowed").await;
    assert_eq!(app.count("alerts"), 0);
}

async fn published_text_may_not_carry_the_reporter_or_immigration(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, case) = submit(
        &app,
        &report(json!({"contact": {"name": "Jessamy", "phone": "07700 900456"}})),
    )
    .await;
    let token = app.staff_token(Role::Caseworker).await;
    for (body, field) in [
        ("Call Jessamy on 07700 900456 for details.", "body"),
        ("Her visa had run out, he knew it.", "body"),
    ] {
        let res = app
            .authed(
                Method::POST,
                &format!("/api/v1/cases/{case}/alerts"),
                Some(&token),
                Some(&json!({"title": "Robbery", "body": body, "regions": ["south-wales"], "category": "robbery"})),
            )
            .await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(problem["errors"][0]["field"], field);
    }
    let res = app
        .authed(
            Method::POST,
            &format!("/api/v1/cases/{case}/alerts"),
            Some(&token),
            Some(&json!({"title": "Robbery", "body": "x", "regions": ["south-wales"], "category": "robbery", "identifiers": {"phone_numbers": ["+44 7700 900456"]}})),
        )
        .await;
    assert_problem(res, 422, "validation_failed").await;
    // A handle can carry words too.
    let res = app
        .authed(
            Method::POST,
            &format!("/api/v1/cases/{case}/alerts"),
            Some(&token),
            Some(&json!({"title": "Robbery", "body": "x", "regions": ["south-wales"], "category": "robbery", "identifiers": {"online_handles": ["@visa_overstayer_reporter"]}})),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        problem["errors"][0]["field"],
        "identifiers.online_handles[0]"
    );
    assert_eq!(app.count("alerts"), 0);
}

async fn the_role_matrix(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, case) = submit(&app, &report(json!({}))).await;
    let expired = app.staff_token(Role::Caseworker).await;
    app.execute("UPDATE sessions SET expires_at = 0");
    let admin = app.staff_token(Role::Admin).await;
    let caseworker = app.staff_token(Role::Caseworker).await;
    let publish =
        json!({"title": "t", "body": "b", "regions": ["south-wales"], "category": "robbery"});
    let routes: Vec<(Method, String, Option<Value>, bool)> = vec![
        (Method::GET, "/api/v1/cases".into(), None, false),
        (Method::GET, format!("/api/v1/cases/{case}"), None, false),
        (
            Method::GET,
            format!("/api/v1/cases/{case}/alert-draft"),
            None,
            false,
        ),
        (
            Method::POST,
            format!("/api/v1/cases/{case}/messages"),
            Some(json!({"body": "hello"})),
            false,
        ),
        (
            Method::POST,
            format!("/api/v1/cases/{case}/alerts"),
            Some(publish),
            false,
        ),
        (
            Method::POST,
            format!("/api/v1/cases/{case}/close"),
            None,
            false,
        ),
        (Method::POST, "/api/v1/auth/totp/setup".into(), None, false),
        (
            Method::POST,
            "/api/v1/staff".into(),
            Some(json!({"email": "new@lookout.test", "role": "caseworker"})),
            true,
        ),
    ];
    for (method, path, body, admin_only) in &routes {
        let res = app.authed(method.clone(), path, None, body.as_ref()).await;
        assert_problem(res, 401, "unauthorized").await;
        let res = app
            .authed(
                method.clone(),
                path,
                Some("not-a-real-token"),
                body.as_ref(),
            )
            .await;
        assert_problem(res, 401, "unauthorized").await;
        let res = app
            .authed(method.clone(), path, Some(&expired), body.as_ref())
            .await;
        assert_problem(res, 401, "unauthorized").await;
        let res = app
            .authed(method.clone(), path, Some(&caseworker), body.as_ref())
            .await;
        if *admin_only {
            assert_problem(res, 403, "forbidden").await;
        } else {
            assert!(
                res.status().is_success(),
                "caseworker {method} {path}: {}",
                res.status()
            );
        }
    }
    // Admins can do everything (a fresh case, since the first was closed above).
    let (_, case2) = submit(&app, &report(json!({}))).await;
    for (method, path, body, _) in routes {
        let path = path.replace(&case, &case2);
        let res = app
            .authed(method.clone(), &path, Some(&admin), body.as_ref())
            .await;
        assert!(
            res.status().is_success(),
            "admin {method} {path}: {}",
            res.status()
        );
    }
    // Logout ends the session.
    let res = app
        .authed(Method::POST, "/api/v1/auth/logout", Some(&caseworker), None)
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .authed(Method::GET, "/api/v1/cases", Some(&caseworker), None)
        .await;
    assert_problem(res, 401, "unauthorized").await;
}

async fn logins_fail_alike_slow_down_and_honour_totp(backend: Backend) {
    let app = spawn_app(backend).await;
    let password = app.create_staff("worker@lookout.test", Role::Caseworker);
    let wrong = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "worker@lookout.test", "password": "wrong password!"}),
        )
        .await;
    let wrong = assert_problem(wrong, 401, "login_failed").await;
    let unknown = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "nobody@lookout.test", "password": "wrong password!"}),
        )
        .await;
    let unknown = assert_problem(unknown, 401, "login_failed").await;
    assert_eq!(
        wrong, unknown,
        "the same answer for an unknown account and a wrong password"
    );

    // TOTP: enrol, then a password alone is not enough, and a code works once.
    let token = app.login("worker@lookout.test", &password).await;
    let setup: Value = app
        .authed(Method::POST, "/api/v1/auth/totp/setup", Some(&token), None)
        .await
        .json()
        .await
        .unwrap();
    let uri = setup["otpauth_uri"].as_str().unwrap();
    let totp = totp_rs::Totp::from_url(uri).unwrap();
    let now = chrono::Utc::now().timestamp() as u64;
    let res = app
        .authed(
            Method::POST,
            "/api/v1/auth/totp/enable",
            Some(&token),
            Some(&json!({"code": "000000"})),
        )
        .await;
    assert_problem(res, 422, "validation_failed").await;
    let res = app
        .authed(
            Method::POST,
            "/api/v1/auth/totp/enable",
            Some(&token),
            Some(&json!({"code": totp.generate(now - 30).to_string()})),
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "worker@lookout.test", "password": password}),
        )
        .await;
    assert_problem(res, 401, "login_failed").await;
    let code = totp.generate(now).to_string();
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "worker@lookout.test", "password": password, "totp": code}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "worker@lookout.test", "password": password, "totp": code}),
        )
        .await;
    assert_problem(res, 401, "login_failed").await;

    // Repeated failures: after five, even the right password is refused for a while.
    let other = app.create_staff("target@lookout.test", Role::Admin);
    for _ in 0..6 {
        let res = app
            .post_json(
                "/api/v1/auth/login",
                &json!({"email": "target@lookout.test", "password": "guess guess guess"}),
            )
            .await;
        assert_problem(res, 401, "login_failed").await;
    }
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "target@lookout.test", "password": other}),
        )
        .await;
    assert_problem(res, 401, "login_failed").await;

    // With TOTP on, a flood of wrong attempts cannot lock the real person out.
    for _ in 0..8 {
        let res = app
            .post_json(
                "/api/v1/auth/login",
                &json!({"email": "worker@lookout.test", "password": "guess guess guess"}),
            )
            .await;
        assert_problem(res, 401, "login_failed").await;
    }
    // Two logins racing with one fresh code: exactly one gets in.
    let code = totp.generate(now + 30).to_string();
    let body = json!({"email": "worker@lookout.test", "password": password, "totp": code});
    let (a, b) = tokio::join!(
        app.post_json("/api/v1/auth/login", &body),
        app.post_json("/api/v1/auth/login", &body)
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(
        statuses,
        [200, 401],
        "a TOTP code works once, even in a race"
    );
}

async fn admins_create_staff(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.staff_token(Role::Admin).await;
    let res = app
        .authed(
            Method::POST,
            "/api/v1/staff",
            Some(&admin),
            Some(&json!({"email": "New@Lookout.test", "role": "caseworker"})),
        )
        .await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    let password = body["initial_password"].as_str().unwrap();
    assert!(password.len() >= 20);
    // The administrator has seen that password: it must be changed before anything else.
    let token = app.login("new@lookout.test", password).await;
    let res = app
        .authed(Method::GET, "/api/v1/cases", Some(&token), None)
        .await;
    assert_problem(res, 403, "password_change_required").await;
    let res = app
        .authed(
            Method::POST,
            "/api/v1/auth/password",
            Some(&token),
            Some(&json!({"current_password": password, "new_password": "my own new passphrase"})),
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .authed(Method::GET, "/api/v1/cases", Some(&token), None)
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .authed(
            Method::POST,
            "/api/v1/staff",
            Some(&admin),
            Some(&json!({"email": "new@lookout.test", "role": "caseworker"})),
        )
        .await;
    assert_problem(res, 409, "conflict").await;
    let res = app
        .authed(
            Method::POST,
            "/api/v1/staff",
            Some(&admin),
            Some(&json!({"email": "x@lookout.test", "role": "superuser"})),
        )
        .await;
    assert_problem(res, 422, "validation_failed").await;
    // Staff emails are not stored in plaintext.
    assert!(!app.everything_stored().contains("new@lookout.test"));
}

/// 200 confirmed subscribers; returns their addresses.
async fn two_hundred(app: &TestApp, smtp: &SmtpServer) -> Vec<String> {
    let subs: Vec<(String, Value)> = (0..200)
        .map(|i| {
            (
                format!("sub{i:03}@fanout.test"),
                json!({"regions": ["south-wales"]}),
            )
        })
        .collect();
    subscribe_all(app, smtp, &subs).await;
    subs.into_iter().map(|(e, _)| e).collect()
}

fn alert_counts(smtp: &SmtpServer) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for m in smtp
        .messages()
        .iter()
        .filter(|m| m.subject.starts_with("Safety alert"))
    {
        *counts.entry(to(m).to_string()).or_insert(0) += 1;
    }
    counts
}

async fn an_smtp_outage_mid_fan_out_loses_and_repeats_nothing(backend: Backend) {
    let mut smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, |s| {
        smtp_settings(smtp.url())(s);
        s.mail.senders = 1;
    })
    .await;
    let everyone = two_hundred(&app, &smtp).await;
    let confirmations = smtp.messages().len();
    let (_, case) = submit(&app, &report(json!({}))).await;
    let token = app.staff_token(Role::Caseworker).await;
    let res = publish_draft(&app, &token, &case, &["south-wales"]).await;
    assert_eq!(res.json::<Value>().await.unwrap()["recipients"], 200);
    smtp.wait_for(confirmations + 1, Duration::from_secs(30))
        .await;
    smtp.stop().await;
    let at_outage = alert_counts(&smtp).values().sum::<usize>();
    assert!(
        at_outage < 200,
        "the outage began mid fan-out ({at_outage} delivered)"
    );
    // During the outage every alert still due is tried and fails: none is lost, each one not
    // delivered waits for a retry.
    let drained = app.drain().await;
    assert_eq!(drained.sent, 0, "{drained:?}");
    assert_eq!(drained.scheduled_later, 200 - at_outage, "{drained:?}");
    smtp.restart().await;
    smtp.wait_for(confirmations + 200, Duration::from_secs(90))
        .await;
    let drained = app.drain().await;
    assert_eq!(drained.scheduled_later, 0, "{drained:?}");
    let counts = alert_counts(&smtp);
    for address in &everyone {
        assert_eq!(counts.get(address), Some(&1), "{address}");
    }
    assert_eq!(counts.len(), 200);
    assert_eq!(smtp.messages().len(), confirmations + 200);
}

/// The service is killed (SIGKILL) mid fan-out and started again: every subscriber still gets the
/// alert, and at most the messages in flight at the crash are sent twice: with one SMTP
/// connection, two (each of the worker's two loops may have one accepted and not yet marked).
async fn a_crash_mid_fan_out_misses_nobody(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, |s| {
        smtp_settings(smtp.url())(s);
        s.mail.senders = 1;
    })
    .await;
    let everyone = two_hundred(&app, &smtp).await;
    let confirmations = smtp.messages().len();
    let (_, case) = submit(&app, &report(json!({}))).await;
    let password = app.create_staff("crash@lookout.test", Role::Caseworker);
    app.stop().await;

    // The same database, key and mail server, served by the real binary.
    let env = vec![
        ("LOOKOUT__DATABASE__URL", app.db.url()),
        (
            "LOOKOUT__KEYS__MASTER_KEY_FILE",
            app.settings.keys.master_key_file.display().to_string(),
        ),
        ("LOOKOUT__MAIL__TRANSPORT", "smtp".to_string()),
        ("LOOKOUT__MAIL__SMTP_URL", smtp.url()),
        ("LOOKOUT__MAIL__SENDERS", "1".to_string()),
        ("LOOKOUT__MAIL__WORKER_POLL_MS", "100".to_string()),
        ("LOOKOUT__MAIL__CLAIM_SECONDS", "5".to_string()),
    ];
    let (mut first, port) = crate::helpers::spawn_binary(app.dir.path(), &env).await;
    let base = format!("http://127.0.0.1:{port}");
    let client = crate::helpers::http_client();
    let token = &crate::helpers::login_at(&client, &base, "crash@lookout.test", &password).await;
    let draft: Value = client
        .get(format!("{base}/api/v1/cases/{case}/alert-draft"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let res = client
        .post(format!("{base}/api/v1/cases/{case}/alerts"))
        .bearer_auth(token)
        .json(&json!({"title": draft["title"], "body": draft["body"], "regions": ["south-wales"], "category": "robbery"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    smtp.wait_for(confirmations + 1, Duration::from_secs(30))
        .await;
    first.start_kill().unwrap();
    first.wait().await.unwrap();
    let at_crash = alert_counts(&smtp).values().sum::<usize>();
    assert!(
        at_crash < 200,
        "the crash came mid fan-out ({at_crash} delivered)"
    );

    let (_second, _) = crate::helpers::spawn_binary(app.dir.path(), &env).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(90);
    while alert_counts(&smtp).len() < 200 && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Drained through the same database: the second process's messages in flight, and the
    // crashed one's once its lease ends, are all settled before counting.
    let drained = app.drain().await;
    assert_eq!(drained.scheduled_later, 0, "{drained:?}");
    let counts = alert_counts(&smtp);
    for address in &everyone {
        assert!(
            counts.get(address).is_some_and(|n| *n >= 1),
            "{address} missed"
        );
    }
    let duplicates: usize = counts.values().map(|n| n - 1).sum();
    assert!(
        duplicates <= 2,
        "{duplicates} duplicates; at most the two in flight"
    );
}

both_backends!(
    a_crash_mid_fan_out_misses_nobody,
    alerts_reach_only_confirmed_matching_subscribers,
    an_alert_the_reporter_declined_cannot_be_published,
    published_text_may_not_carry_the_reporter_or_immigration,
    the_role_matrix,
    logins_fail_alike_slow_down_and_honour_totp,
    admins_create_staff,
    an_smtp_outage_mid_fan_out_loses_and_repeats_nothing,
);

/// Two `lookout serve` processes on one PostgreSQL database share one alert to 2,000
/// subscribers: every subscriber gets it exactly once, and both processes send some of it. (Each
/// process has its own sender address, so the messages tell which one sent them.)
#[tokio::test]
async fn two_instances_on_one_postgres_deliver_each_alert_once() {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(Backend::Postgres, smtp_settings(smtp.url())).await;
    let everyone = app.seed_confirmed(2000, "pair", "south-wales");
    let (_, case) = submit(&app, &report(json!({}))).await;
    let password = app.create_staff("pair@lookout.test", Role::Caseworker);
    app.stop().await;

    let instance = |from: &str| {
        vec![
            ("LOOKOUT__DATABASE__URL", app.db.url()),
            (
                "LOOKOUT__KEYS__MASTER_KEY_FILE",
                app.settings.keys.master_key_file.display().to_string(),
            ),
            ("LOOKOUT__MAIL__TRANSPORT", "smtp".to_string()),
            ("LOOKOUT__MAIL__SMTP_URL", smtp.url()),
            ("LOOKOUT__MAIL__FROM", from.to_string()),
            ("LOOKOUT__MAIL__WORKER_POLL_MS", "50".to_string()),
        ]
    };
    let (_first, port) =
        crate::helpers::spawn_binary(app.dir.path(), &instance("Lookout <first@lookout.test>"))
            .await;
    let (_second, _) =
        crate::helpers::spawn_binary(app.dir.path(), &instance("Lookout <second@lookout.test>"))
            .await;
    let base = format!("http://127.0.0.1:{port}");
    let client = crate::helpers::http_client();
    let token = &crate::helpers::login_at(&client, &base, "pair@lookout.test", &password).await;
    let res = client
        .post(format!("{base}/api/v1/cases/{case}/alerts"))
        .bearer_auth(token)
        .json(&json!({"title": "Robbery at knifepoint", "body": "He took the money back.", "regions": ["south-wales"], "category": "robbery"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    smtp.wait_for(2000, Duration::from_secs(120)).await;
    // Settled through the same database: whatever either process still had in flight is sent
    // or dropped before counting.
    let drained = app.drain().await;
    assert_eq!(drained.scheduled_later, 0, "{drained:?}");

    let alerts: Vec<Mail> = smtp
        .messages()
        .into_iter()
        .filter(|m| m.subject.starts_with("Safety alert"))
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for mail in &alerts {
        *counts.entry(to(mail)).or_insert(0) += 1;
    }
    for address in &everyone {
        assert_eq!(counts.get(address.as_str()), Some(&1), "{address}");
    }
    assert_eq!(alerts.len(), 2000);
    let sent_by = |who: &str| {
        alerts
            .iter()
            .filter(|m| m.header("from").is_some_and(|f| f.contains(who)))
            .count()
    };
    let (first, second) = (sent_by("first@"), sent_by("second@"));
    assert_eq!(first + second, 2000);
    assert!(
        first > 0 && second > 0,
        "both processes send: {first} and {second}"
    );
}

/// On the embedded default, mail is written as .eml files to the outbox folder.
async fn the_outbox_folder_receives_mail_by_default(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app
        .post_json(
            "/api/v1/subscriptions",
            &json!({"email": "outbox@sub.test", "regions": ["gwent"], "language": "es"}),
        )
        .await;
    assert_eq!(res.status(), 202);
    let drained = app.drain().await;
    assert_eq!(drained.scheduled_later, 0, "{drained:?}");
    let dir = app.settings.mail.outbox_dir.clone();
    let found: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(found.len(), 1, "one .eml in {}", dir.display());
    let mail = std::fs::read_to_string(found[0].path()).unwrap();
    assert!(mail.contains("To: outbox@sub.test"), "{mail}");
    assert!(mail.contains("multipart/alternative"), "{mail}");
    // The text part, quoted-printable undone.
    let parsed = mail_parser::MessageParser::default()
        .parse(mail.as_bytes())
        .unwrap();
    let text = parsed.body_text(0).unwrap();
    assert!(text.contains("/subscriptions/confirm?token="), "{text}");
    assert!(!text.contains("/api/v1/"), "{text}");
    assert!(text.contains("&lang=es"), "{text}");
    assert!(text.contains("Alguien"), "the Spanish template: {text}");
}

both_backends!(the_outbox_folder_receives_mail_by_default);

/// Subscribing someone else's address over and over sends them one confirmation, not a flood;
/// an address never confirmed is deleted after its link has expired.
async fn unconfirmed_addresses_get_one_confirmation_and_then_expire(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, smtp_settings(smtp.url())).await;
    let body = json!({"email": "victim@sub.test", "regions": ["gwent"]});
    let res = app.post_json("/api/v1/subscriptions", &body).await;
    assert_eq!(res.status(), 202);
    assert_eq!(drained_mail(&app, &smtp).await.len(), 1);
    // The first confirmation has gone out; asking again within the hour sends nothing more.
    for _ in 0..5 {
        let res = app.post_json("/api/v1/subscriptions", &body).await;
        assert_eq!(res.status(), 202);
    }
    let mails = drained_mail(&app, &smtp).await;
    assert_eq!(mails.len(), 1, "one confirmation, not six");
    assert_eq!(to(&mails[0]), "victim@sub.test");
    assert_eq!(app.count("subscribers"), 1);

    // Eight days later (backdated here), the service's sweep deletes it, tokens and all.
    app.execute("UPDATE subscribers SET created_on = '2020-01-01'");
    app.stop().await;
    let again = lookout::app::Application::build(app.settings.clone()).unwrap();
    let stopper = again.stopper();
    tokio::spawn(again.run_until_stopped());
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while app.count("subscribers") > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "the unconfirmed subscriber was not deleted"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(app.count("subscriber_tokens"), 0);
    assert_eq!(app.count("deliveries"), 0);
    stopper.stop().await;
}

both_backends!(unconfirmed_addresses_get_one_confirmation_and_then_expire);

/// The statuses of every subscriber, sorted.
fn statuses(app: &TestApp) -> Vec<String> {
    app.strings("SELECT status AS v FROM subscribers ORDER BY status")
}

/// Submits a report and publishes its alert for South Wales; returns how many it is going to.
async fn publish_one(app: &TestApp, caseworker: &str) -> Value {
    let (_, case) = submit(app, &report(json!({}))).await;
    let res = publish_draft(app, caseworker, &case, &["south-wales"]).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["recipients"].clone()
}

/// A mail scanner opens every link of a message: that changes nothing. Only a person pressing the
/// page's button confirms or unsubscribes, or a mail client's RFC 8058 one-click POST to the
/// `List-Unsubscribe` URL.
async fn emailed_links_act_only_when_posted(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, smtp_settings(smtp.url())).await;
    let caseworker = app.staff_token(Role::Caseworker).await;
    let res = app
        .post_json(
            "/api/v1/subscriptions",
            &json!({"email": "scanned@sub.test", "regions": ["south-wales"]}),
        )
        .await;
    assert_eq!(res.status(), 202);
    let mails = drained_mail(&app, &smtp).await;
    assert_eq!(mails.len(), 1);
    let confirm = link(&mails[0], "confirm");

    // The scanner opens the confirmation link (twice): still unconfirmed, no alert reaches it.
    let (action, token) = open_link(&app, &confirm).await;
    open_link(&app, &confirm).await;
    assert_eq!(statuses(&app), ["pending"]);
    assert_eq!(
        publish_one(&app, &caseworker).await,
        0,
        "nobody has confirmed"
    );

    // The person presses the button; the used link then shows that it is not valid any more.
    let res = press_button(&app, &action, &token).await;
    assert_eq!(res.status(), 200);
    assert_eq!(statuses(&app), ["confirmed"]);
    let res = press_button(&app, &action, &token).await;
    assert_eq!(res.status(), 404);
    assert_eq!(publish_one(&app, &caseworker).await, 1);
    let mails = drained_mail(&app, &smtp).await;
    assert_eq!(mails.len(), 2);
    let alert = &mails[1];
    assert_eq!(to(alert), "scanned@sub.test");

    // The scanner opens the alert's unsubscribe link and the header's URL: still subscribed,
    // and the next alert still arrives.
    let header = alert.header("list-unsubscribe").unwrap().to_string();
    let header_path = header
        .trim_matches(|c| c == '<' || c == '>')
        .strip_prefix(app.settings.server.public_url.trim_end_matches('/'))
        .unwrap()
        .to_string();
    let in_text = link(alert, "unsubscribe");
    assert_eq!(
        query_param(&in_text, "token"),
        query_param(&header_path, "token")
    );
    open_link(&app, &in_text).await;
    open_link(&app, &header_path).await;
    assert_eq!(statuses(&app), ["confirmed"]);
    assert_eq!(publish_one(&app, &caseworker).await, 1);
    let mails = drained_mail(&app, &smtp).await;
    assert_eq!(mails.len(), 3);
    assert_eq!(to(&mails[2]), "scanned@sub.test");

    // RFC 8058 one-click, with the first alert's header: the subscriber is deleted, and a later
    // alert does not reach the address.
    let res = one_click(&app, &header).await;
    assert_eq!(res.status(), 200);
    assert_eq!(app.count("subscribers"), 0);
    assert_eq!(publish_one(&app, &caseworker).await, 0);
    let mails = drained_mail(&app, &smtp).await;
    assert_eq!(mails.len(), 3, "nothing after the one-click unsubscribe");
}

/// Each subscriber's emails come in the language they chose: the fixed words, the category and
/// region names, and the links (which open the pages in that language). English stays as the
/// API contract fixes it.
async fn emails_come_in_the_subscribers_language(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, smtp_settings(smtp.url())).await;
    let public_url = app
        .settings
        .server
        .public_url
        .trim_end_matches('/')
        .to_string();
    for (email, language) in [
        ("ro@sub.test", json!("ro")),
        ("pt@sub.test", json!("pt-BR")),
        ("en@sub.test", Value::Null),
        ("de@sub.test", json!("de-DE")),
    ] {
        let mut body = json!({"email": email, "regions": ["south-wales"]});
        if !language.is_null() {
            body["language"] = language;
        }
        let res = app.post_json("/api/v1/subscriptions", &body).await;
        assert_eq!(res.status(), 202);
    }
    assert_eq!(
        app.strings("SELECT language AS v FROM subscribers ORDER BY language"),
        ["en", "en", "pt-BR", "ro"],
        "canonical tags are stored; a language Lookout lacks is English"
    );
    let mails = drained_mail(&app, &smtp).await;
    assert_eq!(mails.len(), 4);
    let mail_to = |mails: &[Mail], address: &str| -> Mail {
        let found: Vec<&Mail> = mails.iter().filter(|m| to(m) == address).collect();
        assert_eq!(found.len(), 1, "one mail to {address}");
        found[0].clone()
    };

    let confirmations = [
        (
            "ro@sub.test",
            "ro",
            "Confirmă alertele de siguranță Lookout",
            ["Cineva (sperăm că tu)", "Dacă nu ai fost tu"],
        ),
        (
            "pt@sub.test",
            "pt-BR",
            "Confirme seus alertas de segurança do Lookout",
            ["Alguém (esperamos que você)", "Se não foi você"],
        ),
        (
            "en@sub.test",
            "en",
            CONFIRM_SUBJECT,
            ["Someone (we hope you)", "If it was not you"],
        ),
        (
            "de@sub.test",
            "en",
            CONFIRM_SUBJECT,
            ["Someone (we hope you)", "If it was not you"],
        ),
    ];
    for (address, tag, subject, words) in confirmations {
        let mail = mail_to(&mails, address);
        assert_eq!(mail.subject, subject);
        for word in words {
            assert!(mail.text.contains(word), "{word} in {}", mail.text);
            assert!(mail.html.contains(word), "{word} in {}", mail.html);
        }
        let confirm = link(&mail, "confirm");
        assert!(
            mail.text
                .contains(&format!("{public_url}/subscriptions/confirm?token=")),
            "{}",
            mail.text
        );
        assert_eq!(query_param(&confirm, "lang").as_deref(), Some(tag));
        // The page opens in the subscriber's language, and its button keeps it.
        let res = app.get(&confirm).await;
        assert_eq!(
            res.headers()
                .get("content-language")
                .unwrap()
                .to_str()
                .unwrap(),
            tag
        );
        let (action, token) = open_link(&app, &confirm).await;
        assert_eq!(action, format!("/subscriptions/confirm?lang={tag}"));
        let res = press_button(&app, &action, &token).await;
        assert_eq!(res.status(), 200);
    }
    assert_eq!(statuses(&app), ["confirmed"; 4]);

    // A row written before tags were canonical (lowercase) reads the same.
    app.execute("UPDATE subscribers SET language = 'pt-br' WHERE language = 'pt-BR'");
    let caseworker = app.staff_token(Role::Caseworker).await;
    assert_eq!(publish_one(&app, &caseworker).await, 4);
    let mails = drained_mail(&app, &smtp).await;
    let alerts = &mails[4..];
    assert_eq!(alerts.len(), 4);
    let expected = [
        (
            "ro@sub.test",
            "ro",
            "Alertă de siguranță: Jaf — Poliția South Wales",
            [
                "Numere de telefon: ",
                "Publicat: ",
                "Primești acest mesaj",
                "Dezabonare: ",
            ],
        ),
        (
            "pt@sub.test",
            "pt-BR",
            "Alerta de segurança: Roubo — Polícia de South Wales",
            [
                "Números de telefone: ",
                "Publicado: ",
                "Você recebe isto",
                "Cancelar inscrição: ",
            ],
        ),
        (
            "en@sub.test",
            "en",
            "Safety alert: Robbery — South Wales Police",
            [
                "Phone numbers: ",
                "Published: ",
                "You receive this",
                "Unsubscribe: ",
            ],
        ),
        (
            "de@sub.test",
            "en",
            "Safety alert: Robbery — South Wales Police",
            [
                "Phone numbers: ",
                "Published: ",
                "You receive this",
                "Unsubscribe: ",
            ],
        ),
    ];
    for (address, tag, subject, words) in expected {
        let alert = mail_to(alerts, address);
        assert_eq!(alert.subject, subject);
        for word in words {
            assert!(alert.text.contains(word), "{word} in {}", alert.text);
        }
        let unsubscribe = link(&alert, "unsubscribe");
        assert!(
            alert
                .text
                .contains(&format!("{public_url}/subscriptions/unsubscribe?token=")),
            "{}",
            alert.text
        );
        assert_eq!(query_param(&unsubscribe, "lang").as_deref(), Some(tag));
        assert!(
            alert.html.contains(&format!("&amp;lang={tag}\"")),
            "{}",
            alert.html
        );
        let header = alert.header("list-unsubscribe").unwrap();
        assert_eq!(
            header,
            format!(
                "<{public_url}/subscriptions/unsubscribe?token={}>",
                query_param(&unsubscribe, "token").unwrap()
            ),
            "the one-click URL has no language"
        );
    }
}

both_backends!(
    emailed_links_act_only_when_posted,
    emails_come_in_the_subscribers_language,
);

both_backends!(
    an_alert_preview_counts_whom_publishing_reaches_and_writes_nothing,
    an_alert_preview_refuses_as_publishing_would,
);

/// The draft of `case` as a publish body for `regions`.
async fn draft_body(app: &TestApp, token: &str, case: &str, regions: &[&str]) -> Value {
    let draft: Value = app
        .authed(
            Method::GET,
            &format!("/api/v1/cases/{case}/alert-draft"),
            Some(token),
            None,
        )
        .await
        .json()
        .await
        .unwrap();
    json!({
        "title": draft["title"], "body": draft["body"], "regions": regions,
        "category": draft["category"], "identifiers": draft["identifiers"],
    })
}

async fn an_alert_preview_counts_whom_publishing_reaches_and_writes_nothing(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, smtp_settings(smtp.url())).await;
    subscribe_all(
        &app,
        &smtp,
        &[
            ("all@sub.test".into(), json!({"regions": ["south-wales"]})),
            (
                "robbery@sub.test".into(),
                json!({"regions": ["south-wales"], "categories": ["robbery"]}),
            ),
            (
                "theft@sub.test".into(),
                json!({"regions": ["south-wales"], "categories": ["theft"]}),
            ),
            ("gwent@sub.test".into(), json!({"regions": ["gwent"]})),
        ],
    )
    .await;
    // Subscribed, never confirmed: not counted, not sent to.
    let res = app
        .post_json(
            "/api/v1/subscriptions",
            &json!({"email": "pending@sub.test", "regions": ["south-wales"]}),
        )
        .await;
    assert_eq!(res.status(), 202);
    let confirmations = drained_mail(&app, &smtp).await.len();
    // The confirmations' own rows.
    let deliveries = app.count("deliveries");

    let (receipt, case) = submit(&app, &report(json!({}))).await;
    let caseworker = app.staff_token(Role::Caseworker).await;
    let preview = |body: Value| {
        let (app, caseworker, case) = (&app, &caseworker, &case);
        async move {
            let res = app
                .authed(
                    Method::POST,
                    &format!("/api/v1/cases/{case}/alerts/preview"),
                    Some(caseworker),
                    Some(&body),
                )
                .await;
            assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
            res.json::<Value>().await.unwrap()
        }
    };

    let south_wales = draft_body(&app, &caseworker, &case, &["south-wales"]).await;
    let shown = preview(south_wales.clone()).await;
    assert_eq!(shown["recipients"], 2, "{shown}");
    assert_eq!(
        shown["alert"],
        json!({
            "title": south_wales["title"], "body": south_wales["body"],
            "regions": ["south-wales"], "category": "robbery",
            "identifiers": south_wales["identifiers"],
        })
    );
    assert!(
        shown["alert"]["identifiers"]["phone_numbers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "07700 900123"),
        "{shown}"
    );

    // Regions come back sorted, without repeats, and the count follows them.
    let wider = draft_body(
        &app,
        &caseworker,
        &case,
        &["south-wales", "gwent", "south-wales"],
    )
    .await;
    let shown = preview(wider.clone()).await;
    assert_eq!(shown["alert"]["regions"], json!(["gwent", "south-wales"]));
    assert_eq!(shown["recipients"], 3, "{shown}");

    // Nothing was written or sent.
    for table in ["alerts", "identifier_index"] {
        assert_eq!(app.count(table), 0, "{table}");
    }
    assert_eq!(
        app.count("deliveries"),
        deliveries,
        "no delivery was queued"
    );
    assert_eq!(drained_mail(&app, &smtp).await.len(), confirmations);
    let status: Value = app
        .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(status["status"], "received");

    // Publishing the previewed alert reaches exactly the number the preview gave.
    let res = app
        .authed(
            Method::POST,
            &format!("/api/v1/cases/{case}/alerts"),
            Some(&caseworker),
            Some(&wider),
        )
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let published: Value = res.json().await.unwrap();
    assert_eq!(published["recipients"], shown["recipients"]);
    let mails = drained_mail(&app, &smtp).await;
    let alerts: Vec<&Mail> = mails[confirmations..]
        .iter()
        .filter(|m| m.subject.starts_with("Safety alert"))
        .collect();
    assert_eq!(mails.len() - confirmations, alerts.len(), "only alerts");
    assert_eq!(
        alerts.len() as u64,
        shown["recipients"].as_u64().unwrap(),
        "one email per counted subscriber"
    );
    assert_eq!(
        recipients(&mails[confirmations..]),
        ["all@sub.test", "gwent@sub.test", "robbery@sub.test"]
    );
    assert_eq!(app.count("alerts"), 1);
}

async fn an_alert_preview_refuses_as_publishing_would(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.staff_token(Role::Caseworker).await;
    let post = |case: String, tail: &'static str, body: Value| {
        let (app, token) = (&app, &token);
        async move {
            app.authed(
                Method::POST,
                &format!("/api/v1/cases/{case}{tail}"),
                Some(token),
                Some(&body),
            )
            .await
        }
    };

    // The reporter declined an alert.
    let (_, declined) = submit(&app, &report(json!({"alert": false}))).await;
    let body = json!({"title": "Robbery", "body": "A man robbed a worker.", "regions": ["south-wales"], "category": "robbery"});
    for tail in ["/alerts/preview", "/alerts"] {
        assert_problem(
            post(declined.clone(), tail, body.clone()).await,
            409,
            "alert_not_allowed",
        )
        .await;
    }
    // Closed, so the next submission is the one new case (`submit` finds it by status).
    let res = post(declined.clone(), "/close", json!({})).await;
    assert_eq!(res.status(), 200);

    // What is never published is refused alike, with the same field errors.
    let (_, case) = submit(
        &app,
        &report(json!({"contact": {"name": "Jessamy", "phone": "07700 900456"}})),
    )
    .await;
    for (text, field) in [
        ("Her visa had run out, he knew it.", "body"),
        ("Call Jessamy on 07700 900456 for details.", "body"),
    ] {
        let body = json!({"title": "Robbery", "body": text, "regions": ["south-wales"], "category": "robbery"});
        let previewed = assert_problem(
            post(case.clone(), "/alerts/preview", body.clone()).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(previewed["errors"][0]["field"], field);
        let published = assert_problem(
            post(case.clone(), "/alerts", body).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(previewed["errors"], published["errors"], "{text}");
    }
    let body = json!({"title": "Robbery", "body": "x", "regions": ["south-wales", "atlantis"], "category": "robbery"});
    let problem = assert_problem(
        post(case.clone(), "/alerts/preview", body).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "regions");
    assert_eq!(app.count("alerts"), 0);

    // A preview changes nothing: the same alert then publishes.
    let good = json!({"title": "Robbery in Cardiff", "body": "A man robbed a worker at knifepoint.", "regions": ["south-wales"], "category": "robbery"});
    let res = post(case.clone(), "/alerts/preview", good.clone()).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    assert_eq!(res.json::<Value>().await.unwrap()["recipients"], 0);
    assert_eq!(app.count("alerts"), 0);
    let res = post(case.clone(), "/alerts", good).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    assert_eq!(app.count("alerts"), 1);

    // Unknown case.
    assert_problem(
        post(
            "00000000-0000-4000-8000-000000000000".into(),
            "/alerts/preview",
            json!({"title": "t", "body": "b", "regions": ["south-wales"], "category": "robbery"}),
        )
        .await,
        404,
        "not_found",
    )
    .await;
}

/// Every region's draft can be published as it stands, and forwarded: the region and category
/// names are the service's own words, not the reporter's (the draft of a report in "Police
/// Service of Northern Ireland" was refused as naming a place, and so was every forward there).
async fn every_regions_draft_publishes_and_forwards_unchanged(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.staff_token(Role::Caseworker).await;
    let admin = app.staff_token(Role::Admin).await;
    let regions: Vec<String> =
        app.get("/api/v1/meta").await.json::<Value>().await.unwrap()["regions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["code"].as_str().unwrap().to_string())
            .collect();
    assert!(regions.iter().any(|r| r == "northern-ireland"));
    for region in &regions {
        let spoc = app
            .authed(
                Method::POST,
                "/api/v1/spocs",
                Some(&admin),
                Some(&json!({"name": "DC Jane Doe", "region": region, "email": format!("jane.doe@{region}.police.example.org")})),
            )
            .await;
        assert_eq!(spoc.status(), 201, "{region}");
        let spoc_id = spoc.json::<Value>().await.unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        let (_, case) = submit(
            &app,
            &report(json!({
                "region": region,
                "description": "He refused to pay and hit me.",
                "consent": {"police": "anonymous", "spoc_id": spoc_id, "statement_version": lookout::domain::consent::STATEMENT_VERSION},
            })),
        )
        .await;
        let published = publish_draft(&app, &token, &case, &[region.as_str()]).await;
        assert_eq!(
            published.status(),
            201,
            "{region}: {}",
            published.text().await.unwrap()
        );
        let forwarded = app
            .authed(
                Method::POST,
                &format!("/api/v1/cases/{case}/forward"),
                Some(&token),
                Some(&json!({})),
            )
            .await;
        assert_eq!(
            forwarded.status(),
            201,
            "{region}: {}",
            forwarded.text().await.unwrap()
        );
    }
}

both_backends!(every_regions_draft_publishes_and_forwards_unchanged);
