//! Limits behind a reverse proxy: the client is the address the trusted proxy forwarded, every
//! group of routes has buckets of its own, and a flood from one client never blocks another.

use std::time::Instant;

use futures_util::future::join_all;
use serde_json::{Value, json};

use crate::both_backends;
use crate::browser::{Browser, Viewport};
use crate::helpers::{Backend, TestApp, report, spawn_app_with};

/// Ten new reports a minute per client (the default is 60; small here so 50× is quick).
const PER_CLIENT: u32 = 10;

async fn spawn_behind_proxy(backend: Backend, trusted: &[&str]) -> TestApp {
    let trusted: Vec<String> = trusted.iter().map(|s| s.to_string()).collect();
    spawn_app_with(backend, move |s| {
        s.server.trusted_proxies = trusted;
        s.limits.anonymous_per_client_per_minute = PER_CLIENT;
        s.limits.anonymous_global_per_minute = 1000;
        s.limits.receipt_per_client_per_minute = PER_CLIENT;
        s.limits.login_per_client_per_minute = PER_CLIENT;
    })
    .await
}

/// A request as the proxy on 127.0.0.1 passes it on: the client's own claim first (anything it
/// likes), then what the proxy saw.
async fn via_proxy(app: &TestApp, client: &str, path: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header("X-Forwarded-For", format!("10.9.9.9, {client}"))
        .json(body)
        .send()
        .await
        .unwrap()
}

/// One client floods new reports at 50 times its limit while another, behind the same proxy,
/// files a report, follows it up, changes nothing it shouldn't, reads it back and withdraws it,
/// and staff sign in: every one of the second client's requests succeeds, the flood gets 429s with
/// Retry-After, and nothing of the refused flood is stored.
async fn a_flood_from_one_client_blocks_nobody_else(backend: Backend) {
    let app = spawn_behind_proxy(backend, &["127.0.0.1"]).await;
    let email = "caseworker@outreach.example.org";
    app.create_staff(email, lookout::services::staff::Role::Caseworker);
    let flooder = "203.0.113.66";
    let reporter = "198.51.100.7";
    let flood = (0..PER_CLIENT * 50).map(|_| {
        let app = &app;
        async move {
            via_proxy(app, flooder, "/api/v1/reports", &report(json!({})))
                .await
                .status()
                .as_u16()
        }
    });
    let normal = async {
        let res = via_proxy(&app, reporter, "/api/v1/reports", &report(json!({}))).await;
        assert_eq!(res.status(), 201);
        let receipt = res.json::<Value>().await.unwrap()["receipt"]
            .as_str()
            .unwrap()
            .to_string();
        let res = via_proxy(
            &app,
            reporter,
            "/api/v1/receipt/messages",
            &json!({"receipt": receipt, "body": "He came back tonight."}),
        )
        .await;
        assert!(res.status().is_success(), "follow-up: {}", res.status());
        let res = via_proxy(
            &app,
            reporter,
            "/api/v1/receipt",
            &json!({"receipt": receipt}),
        )
        .await;
        assert_eq!(res.status(), 200, "status");
        let res = via_proxy(
            &app,
            reporter,
            "/api/v1/receipt/withdraw",
            &json!({"receipt": receipt}),
        )
        .await;
        assert!(res.status().is_success(), "withdrawal: {}", res.status());
        let res = via_proxy(
            &app,
            reporter,
            "/api/v1/auth/login",
            &json!({"email": email, "password": "correct horse battery staple"}),
        )
        .await;
        assert_eq!(res.status(), 200, "staff sign-in");
    };
    let started = Instant::now();
    let (flood, ()) = tokio::join!(join_all(flood), normal);
    // A minute's allowance at once, then one more every 6 s the flood went on.
    let allowance = PER_CLIENT as usize + (started.elapsed().as_secs() / 6) as usize;
    let created = flood.iter().filter(|s| **s == 201).count();
    let refused = flood.iter().filter(|s| **s == 429).count();
    assert!(
        (PER_CLIENT as usize..=allowance).contains(&created),
        "the flooder's own allowance: {created} created"
    );
    assert_eq!(refused, flood.len() - created, "everything else 429");
    // The flooder's reports and the reporter's one (withdrawn, so its content is gone but the row
    // stays until retention) are all that was stored.
    assert_eq!(app.count("reports"), created as i64 + 1);
    // The flooder is told when to come back: one token every 60/10 = 6 s.
    let res = via_proxy(&app, flooder, "/api/v1/reports", &report(json!({}))).await;
    assert_eq!(res.status(), 429);
    let wait: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=6).contains(&wait), "Retry-After {wait}");
}

both_backends!(a_flood_from_one_client_blocks_nobody_else);

/// Without the peer in `server.trusted_proxies` (the default: none), a forwarded address is not
/// believed: a client cannot get a fresh allowance by sending a new X-Forwarded-For each time.
async fn an_untrusted_peer_cannot_choose_its_own_key(backend: Backend) {
    let app = spawn_behind_proxy(backend, &[]).await;
    let mut statuses = Vec::new();
    for n in 0..PER_CLIENT + 5 {
        let claimed = format!("192.0.2.{n}");
        statuses.push(
            via_proxy(&app, &claimed, "/api/v1/reports", &report(json!({})))
                .await
                .status()
                .as_u16(),
        );
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        PER_CLIENT as usize
    );
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 5);
    // Trusting another proxy changes nothing for requests from this peer either.
    let app = spawn_behind_proxy(backend, &["10.0.0.0/8"]).await;
    let mut created = 0;
    for n in 0..PER_CLIENT + 5 {
        let claimed = format!("192.0.2.{n}");
        if via_proxy(&app, &claimed, "/api/v1/reports", &report(json!({})))
            .await
            .status()
            == 201
        {
            created += 1;
        }
    }
    assert_eq!(created, PER_CLIENT);
}

both_backends!(an_untrusted_peer_cannot_choose_its_own_key);

/// The pages count in the same groups: a flood of report forms leaves a reporter's follow-up page
/// and the check page open, and the refused page says when to come back.
async fn pages_count_in_their_groups_and_say_when_to_return(backend: Backend) {
    let app = spawn_behind_proxy(backend, &["127.0.0.1"]).await;
    let client = "203.0.113.80";
    let form = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", urlencoding(v)))
            .collect::<Vec<_>>()
            .join("&")
    };
    let post_form = |path: &'static str, body: String| {
        let app = &app;
        async move {
            app.client
                .post(app.url(path))
                .header("X-Forwarded-For", client)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .unwrap()
        }
    };
    let report_form = form(&[("category", "robbery"), ("description", "He took it back.")]);
    let mut last = None;
    for _ in 0..=PER_CLIENT {
        last = Some(post_form("/report", report_form.clone()).await);
    }
    let refused = last.unwrap();
    assert_eq!(refused.status(), 429);
    assert!(refused.headers().contains_key("retry-after"));
    // A follow-up with an unknown receipt is the receipt group's business: 404's page, not 429.
    let res = post_form(
        "/follow-up",
        form(&[("receipt", "LKT-2222-2222-2222-2222-2222")]),
    )
    .await;
    assert_ne!(
        res.status(),
        429,
        "follow-up page blocked by the report flood"
    );
    let res = post_form(
        "/check",
        form(&[("kind", "phone"), ("phone", "07700 900123")]),
    )
    .await;
    assert_ne!(res.status(), 429, "check page blocked by the report flood");
}

both_backends!(pages_count_in_their_groups_and_say_when_to_return);

fn urlencoding(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Once more new reports, subscriptions and checks arrive in a minute than
/// `limits.proof_of_work_above_per_minute`, an API client must solve a challenge for each: without
/// a proof, 428 `proof_required` with the challenge in `Lookout-Challenge`; with it, accepted once;
/// requests made with a receipt are never asked, and a page without JavaScript falls back to the
/// buckets.
async fn when_flooded_api_clients_must_prove_work(backend: Backend) {
    let app = spawn_app_with(backend, |s| {
        s.limits.proof_of_work_above_per_minute = 5;
        s.limits.proof_of_work_difficulty = 12;
    })
    .await;
    let challenge: Value = app.get("/api/v1/challenge").await.json().await.unwrap();
    assert_eq!(challenge["required"], false);
    assert_eq!(challenge["difficulty"], 12);
    let mut receipt = String::new();
    for _ in 0..5 {
        let res = app.post_json("/api/v1/reports", &report(json!({}))).await;
        assert_eq!(res.status(), 201);
        receipt = res.json::<Value>().await.unwrap()["receipt"]
            .as_str()
            .unwrap()
            .to_string();
    }
    let stored = app.count("reports");
    let res = app.post_json("/api/v1/reports", &report(json!({}))).await;
    assert_eq!(res.status(), 428);
    let header = res.headers()["lookout-challenge"]
        .to_str()
        .unwrap()
        .to_string();
    crate::helpers::assert_problem(res, 428, "proof_required").await;
    assert_eq!(
        app.count("reports"),
        stored,
        "nothing stored without a proof"
    );
    let (challenge, params) = header.split_once("; ").unwrap();
    assert!(params.starts_with("difficulty=12; expires_at="), "{header}");
    let n = lookout::limits::proof::solve(challenge, 12);
    let send = |proof: String| {
        let app = &app;
        async move {
            app.client
                .post(app.url("/api/v1/reports"))
                .header("Lookout-Proof", proof)
                .json(&report(json!({})))
                .send()
                .await
                .unwrap()
        }
    };
    assert_eq!(send(format!("{challenge}:{n}")).await.status(), 201);
    // Once only.
    assert_eq!(send(format!("{challenge}:{n}")).await.status(), 428);
    // A wrong answer is no proof.
    let fresh: Value = app.get("/api/v1/challenge").await.json().await.unwrap();
    assert_eq!(fresh["required"], true);
    let fresh = fresh["challenge"].as_str().unwrap().to_string();
    let right = lookout::limits::proof::solve(&fresh, 12);
    assert_eq!(send(format!("{fresh}:{}", right + 1)).await.status(), 428);
    assert_eq!(send(format!("{fresh}:{right}")).await.status(), 201);
    // Checks are guarded too; a reporter's own follow-up never is.
    let res = app
        .post_json("/api/v1/checks", &json!({"phone": "07700 900123"}))
        .await;
    assert_eq!(res.status(), 428);
    let res = app
        .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
        .await;
    assert_eq!(res.status(), 200);
    // A browser without JavaScript sends no proof: the buckets decide (here: room enough).
    let res = app
        .client
        .post(app.url("/report"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("category=robbery&description=He+took+it+back.")
        .send()
        .await
        .unwrap();
    assert_ne!(res.status(), 428);
    assert_ne!(res.status(), 429);
}

both_backends!(when_flooded_api_clients_must_prove_work);

/// A flood has used up the global allowance for new reports: a form sent without JavaScript gets
/// 429, while Chromium with JavaScript on solves the page's challenge with `/static/proof.js` (under
/// the page's own CSP) and gets its report through to the preview and the receipt.
#[tokio::test]
async fn a_browser_with_javascript_solves_the_challenge_and_gets_through_a_flood() {
    use lookout::i18n::{self, Language};
    let app = spawn_app_with(Backend::Sqlite, |s| {
        s.limits.anonymous_global_per_minute = 2;
        s.limits.proof_of_work_above_per_minute = 1;
        s.limits.proof_of_work_difficulty = 12;
    })
    .await;
    let form = |description: &str| {
        format!(
            "category=robbery&region=south-wales&consent.police=none&description={}",
            description.replace(' ', "+")
        )
    };
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let res = app
            .client
            .post(app.url("/report"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form("He took the money back."))
            .send()
            .await
            .unwrap();
        statuses.push(res.status().as_u16());
    }
    assert_eq!(statuses.last(), Some(&429), "{statuses:?}");
    let page = app.get("/report").await;
    assert!(
        page.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("script-src 'self'")
    );
    let html = page.text().await.unwrap();
    assert!(
        html.contains("data-challenge="),
        "no challenge on the flooded form"
    );

    let b = Browser::start_with_javascript(Viewport::Phone).await;
    b.goto(&app.url("/report")).await;
    assert_eq!(b.count("input[name=proof][data-challenge]").await, 1);
    b.select("category", "robbery").await;
    b.select("region", "south-wales").await;
    b.fill("description", "He took the money back at knifepoint.")
        .await;
    b.check("consent.police", "none").await;
    let en = |key: &str| i18n::text(Language::En, key);
    b.press(&en("report-preview-button")).await;
    assert_eq!(b.status().await, 200, "{}", b.text().await);
    let before = app.count("reports");
    b.press(&en("preview-send-button")).await;
    assert_eq!(b.status().await, 201, "{}", b.text().await);
    let receipt = b.text_of("#receipt").await.replace(char::is_whitespace, "");
    assert!(receipt.starts_with("LKT-"), "{receipt}");
    assert_eq!(app.count("reports"), before + 1);
}
