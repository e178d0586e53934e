//! Transparency that cannot identify anyone: published statistics by closed quarter with small
//! counts suppressed, requests for more than was consented recorded and refused, and the day a
//! report will be deleted.

use lookout::domain::statistics::Quarter;
use lookout::services::staff::Role;
use lookout::settings::RefEntry;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, report, spawn_app, spawn_app_with};

async fn submit(app: &TestApp, category: &str) -> String {
    let res = app
        .post_json("/api/v1/reports", &report(json!({"category": category})))
        .await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["receipt"]
        .as_str()
        .unwrap()
        .to_string()
}

/// The id of the oldest case in the queue.
async fn first_case(app: &TestApp, token: &str) -> String {
    let cases: Value = app
        .authed(Method::GET, "/api/v1/cases", Some(token), None)
        .await
        .json()
        .await
        .unwrap();
    cases[0]["id"].as_str().unwrap().to_string()
}

async fn statistics(app: &TestApp) -> Value {
    let res = app.get("/api/v1/statistics").await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// Every number anywhere in the published figures: none may be from 1 to 4.
fn numbers(v: &Value, out: &mut Vec<u64>) {
    match v {
        Value::Number(n) => out.extend(n.as_u64()),
        Value::Array(a) => a.iter().for_each(|x| numbers(x, out)),
        Value::Object(o) => o
            .iter()
            .filter(|(k, _)| k.as_str() != "lt")
            .for_each(|(_, x)| numbers(x, out)),
        _ => {}
    }
}

async fn the_current_quarter_is_never_published(backend: Backend) {
    let app = spawn_app(backend).await;
    for _ in 0..6 {
        submit(&app, "robbery").await;
    }
    assert_eq!(statistics(&app).await, json!({"quarters": []}));
    let page = app.get("/statistics").await.text().await.unwrap();
    assert!(
        page.contains("No quarter has ended since Lookout started"),
        "{page}"
    );
}

both_backends!(the_current_quarter_is_never_published);

/// Reports, checks, a withdrawal and a refused request made through the API this quarter; then
/// (backdated here, as if the quarter had ended) published with small counts suppressed.
async fn closed_quarters_are_published_with_small_counts_suppressed(backend: Backend) {
    // One region, so that its count is the total of every category: the case complementary
    // suppression exists for.
    let app = spawn_app_with(backend, |s| {
        s.reference.regions = vec![RefEntry {
            code: "south-wales".into(),
            name: "South Wales Police".into(),
        }];
    })
    .await;
    let caseworker = app.staff_token(Role::Caseworker).await;
    let mut receipts = Vec::new();
    for _ in 0..12 {
        receipts.push(submit(&app, "robbery").await);
    }
    for _ in 0..3 {
        submit(&app, "violence").await;
    }
    let res = app
        .post_json("/api/v1/receipt/withdraw", &json!({"receipt": receipts[0]}))
        .await;
    assert_eq!(res.status(), 200);
    for _ in 0..6 {
        let res = app
            .post_json("/api/v1/checks", &json!({"phone": "07700 900999"}))
            .await;
        assert_eq!(res.status(), 200);
    }
    let res = app
        .authed(
            Method::POST,
            "/api/v1/police-requests",
            Some(&caseworker),
            Some(&json!({"requester": "police", "asked_for": ["names", "addresses_or_premises"]})),
        )
        .await;
    assert_eq!(res.status(), 201);

    // Nothing of this quarter is published while it lasts.
    app.stop().await;
    let previous = Quarter::of(lookout::clock::today()).previous();
    let day = previous.first_day();
    app.execute(&format!(
        "UPDATE reports SET submitted_on = '{day}'; \
         UPDATE statistics_counts SET quarter = '{previous}'; \
         UPDATE police_requests SET recorded_on = '{day}';"
    ));
    let again = lookout::app::Application::build(app.settings.clone()).unwrap();
    let address = format!("http://127.0.0.1:{}", again.port());
    let stopper = again.stopper();
    tokio::spawn(again.run_until_stopped());
    let get = |path: &str| app.client.get(format!("{address}{path}")).send();

    let body: Value = get("/api/v1/statistics")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let quarters = body["quarters"].as_array().unwrap();
    assert_eq!(quarters.len(), 1, "{body}");
    let q = &quarters[0];
    assert_eq!(q["quarter"], previous.to_string());
    let lt = json!({"lt": 5});
    let withheld = json!({"withheld": true});
    let by_category = &q["reports"]["by_category"];
    let by_region = &q["reports"]["by_region"];
    assert_eq!(by_category["violence"], lt, "3 violence reports");
    assert_eq!(by_category["theft"], lt, "none is shown the same way");
    // The region's count is the total: with it and robbery both shown, the categories' hidden
    // counts would add up to exactly 3, and could not all be anything from 0 to 4.
    assert!(
        by_category["robbery"] == withheld || by_region["south-wales"] == withheld,
        "{q}"
    );
    assert!(
        by_category["robbery"] == json!(12) || by_region["south-wales"] == json!(15),
        "only one of them needs withholding: {q}"
    );
    assert_eq!(q["checks"], json!({"made": 6, "matched": 0}));
    assert_eq!(q["withdrawals"], lt);
    assert_eq!(q["police_requests_refused"], lt);
    assert_eq!(q["relayed"], json!(0));
    assert_eq!(q["alerts_published"], json!(0));
    assert_eq!(q["forwards"], json!({"anonymous": 0, "full": 0}));
    assert_eq!(q["exception_disclosures"], json!(0));
    assert_eq!(
        q["police_misconduct_reports"],
        by_category["police_misconduct"]
    );
    let mut all = Vec::new();
    numbers(&body, &mut all);
    assert!(all.iter().all(|n| *n == 0 || *n >= 5), "{body}");

    // The page shows the same figures to people, in their language.
    let page = get("/statistics?lang=en")
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let heading = format!("Quarter {} of {}", previous.number, previous.year);
    assert!(page.contains(&heading), "{page}");
    assert!(
        page.contains(r#"<td data-category="violence">fewer than 5</td>"#),
        "{page}"
    );
    assert!(page.contains(">withheld</td>"), "{page}");
    assert!(
        page.contains(r#"<td data-figure="statistics-checks-made">6</td>"#),
        "{page}"
    );
    let polish = get("/statistics?lang=pl")
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        polish.contains(&format!(
            "Kwartał {} roku {}",
            previous.number, previous.year
        )),
        "{polish}"
    );
    assert!(polish.contains("mniej niż 5"), "{polish}");
    stopper.stop().await;
}

both_backends!(closed_quarters_are_published_with_small_counts_suppressed);

async fn requests_for_more_are_recorded_refused_and_audited(backend: Backend) {
    let app = spawn_app(backend).await;
    let caseworker = app.staff_token(Role::Caseworker).await;
    let admin = app.staff_token(Role::Admin).await;
    let spoc = app.insert_spoc("DC Jane Doe", "south-wales");
    let receipt = submit(&app, "robbery").await;
    let case = first_case(&app, &caseworker).await;
    let post = |body: Value, token: Option<String>| {
        let app = &app;
        async move {
            app.authed(
                Method::POST,
                "/api/v1/police-requests",
                token.as_deref(),
                Some(&body),
            )
            .await
        }
    };

    // "Send the girls' names, nationalities and where they work", from the registered SPOC.
    let res = post(
        json!({"report_id": case, "requester": "spoc", "spoc_id": spoc,
               "asked_for": ["names", "nationality_or_immigration_status", "addresses_or_premises"]}),
        Some(caseworker.clone()),
    )
    .await;
    assert_eq!(res.status(), 201);
    let recorded: Value = res.json().await.unwrap();
    assert_eq!(recorded["report_id"], json!(case));
    assert_eq!(recorded["spoc"]["name"], "DC Jane Doe");
    assert_eq!(
        recorded["asked_for"],
        json!([
            "names",
            "nationality_or_immigration_status",
            "addresses_or_premises"
        ])
    );
    let reply = recorded["reply"].as_str().unwrap();
    assert!(reply.contains("neither confirm nor deny"), "{reply}");
    assert!(
        !reply.contains(&case) && !reply.contains("robbery"),
        "{reply}"
    );

    // On its own, from another body.
    let res = post(
        json!({"requester": "immigration_enforcement", "asked_for": ["nationality_or_immigration_status"]}),
        Some(caseworker.clone()),
    )
    .await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.json::<Value>().await.unwrap()["reply"], json!(reply));

    // Who asked must be said properly; nothing is recorded otherwise.
    let bad = [
        json!({"requester": "police", "spoc_id": spoc, "asked_for": ["names"]}),
        json!({"requester": "spoc", "asked_for": ["names"]}),
        json!({"requester": "police", "asked_for": []}),
        json!({"requester": "police", "asked_for": ["names"], "words": "send everything"}),
    ];
    for body in bad {
        assert_problem(
            post(body, Some(caseworker.clone())).await,
            422,
            "validation_failed",
        )
        .await;
    }
    let unknown =
        json!({"report_id": uuid::Uuid::new_v4(), "requester": "police", "asked_for": ["other"]});
    assert_problem(
        post(unknown, Some(caseworker.clone())).await,
        404,
        "not_found",
    )
    .await;
    let anonymous = json!({"requester": "police", "asked_for": ["other"]});
    assert_eq!(post(anonymous, None).await.status(), 401);
    assert_eq!(app.count("police_requests"), 2);

    let of_case: Value = app
        .authed(
            Method::GET,
            &format!("/api/v1/police-requests?report_id={case}"),
            Some(&caseworker),
            None,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(of_case.as_array().unwrap().len(), 1);
    let audit: Value = app
        .authed(Method::GET, "/api/v1/audit", Some(&admin), None)
        .await
        .json()
        .await
        .unwrap();
    let refused = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "police_request.refused")
        .count();
    assert_eq!(refused, 2, "{audit}");

    // A withdrawn report is no longer tied to the requests made about it.
    let res = app
        .post_json("/api/v1/receipt/withdraw", &json!({"receipt": receipt}))
        .await;
    assert_eq!(res.status(), 200);
    let all: Value = app
        .authed(
            Method::GET,
            "/api/v1/police-requests",
            Some(&caseworker),
            None,
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(
        all.as_array()
            .unwrap()
            .iter()
            .all(|r| r["report_id"].is_null()),
        "{all}"
    );
    assert_eq!(all.as_array().unwrap().len(), 2);
}

both_backends!(requests_for_more_are_recorded_refused_and_audited);

async fn the_reporter_sees_when_the_report_will_be_deleted(backend: Backend) {
    let app = spawn_app_with(backend, |s| s.retention.days = 90).await;
    let receipt = submit(&app, "robbery").await;
    let status: Value = app
        .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
        .await
        .json()
        .await
        .unwrap();
    let expected = (lookout::clock::today() + chrono::Days::new(91))
        .format("%Y-%m-%d")
        .to_string();
    assert_eq!(status["expires_on"], json!(expected), "{status}");
    let page = app
        .client
        .post(app.url("/follow-up?lang=en"))
        .form(&[("receipt", receipt.as_str()), ("action", "view")])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!(
            "will be deleted on {expected}. Lookout keeps reports for 90 days"
        )),
        "{page}"
    );
}

both_backends!(the_reporter_sees_when_the_report_will_be_deleted);

async fn a_caseworker_records_a_refused_request_in_the_console(backend: Backend) {
    use crate::console::signed_in;
    let app = spawn_app(backend).await;
    let spoc = app.insert_spoc("DC Jane Doe", "south-wales");
    submit(&app, "robbery").await;
    let token = app.staff_token(Role::Caseworker).await;
    let case = first_case(&app, &token).await;
    let (browser, _) = signed_in(&app, Role::Caseworker).await;

    let page = browser.get(&format!("/staff/cases/{case}")).await;
    let link = format!("/staff/police-requests?case={case}");
    assert!(page.html.contains(&link), "{}", page.html);
    let form = browser.get(&link).await;
    assert_eq!(form.status, 200);
    assert!(
        form.html
            .contains(&format!("name=\"report_id\" value=\"{case}\""))
    );

    // Who asked is required; nothing is recorded without it.
    let refused = browser
        .act(
            "/staff/police-requests",
            &[("report_id", &case), ("asked_for", "names")],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.html);
    assert!(refused.html.contains("The request was not recorded"));
    assert_eq!(app.count("police_requests"), 0);

    let done = browser
        .act(
            "/staff/police-requests",
            &[
                ("report_id", &case),
                ("requester", "spoc"),
                ("spoc_id", &spoc),
                ("asked_for", "names"),
                ("asked_for", "nationality_or_immigration_status"),
            ],
        )
        .await;
    assert_eq!(done.status, 201, "{}", done.html);
    assert_eq!(
        done.by_id("refusal"),
        lookout::domain::requests::REFUSAL,
        "the refusal to send, word for word"
    );
    assert!(done.html.contains("DC Jane Doe"));

    // The API sees what the console recorded.
    let listed: Value = app
        .authed(
            Method::GET,
            &format!("/api/v1/police-requests?report_id={case}"),
            Some(&token),
            None,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed[0]["spoc"]["id"], json!(spoc));
    assert_eq!(
        listed[0]["asked_for"],
        json!(["names", "nationality_or_immigration_status"])
    );
}

both_backends!(a_caseworker_records_a_refused_request_in_the_console);

/// Proposed with a reason, decided by a different administrator, sent stripped to a SPOC of the
/// register, and shown to the reporter; one person can never both propose and approve.
async fn an_exception_disclosure_needs_a_second_person_and_is_shown_to_the_reporter(
    backend: Backend,
) {
    use crate::smtp::SmtpServer;
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, crate::helpers::smtp_settings(smtp.url())).await;
    let caseworker = app.staff_token(Role::Caseworker).await;
    let admin_a = app.staff_token(Role::Admin).await;
    let admin_b = app.staff_token(Role::Admin).await;
    let res = app
        .authed(
            Method::POST,
            "/api/v1/spocs",
            Some(&admin_a),
            Some(&json!({"name": "DS Rees", "region": "south-wales", "email": "rees@police.example"})),
        )
        .await;
    assert_eq!(res.status(), 201);
    let spoc = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let submit_case = |description: &'static str| {
        let app = &app;
        let caseworker = caseworker.clone();
        async move {
            let before = app.strings("SELECT id AS v FROM reports");
            let res = app
                .post_json(
                    "/api/v1/reports",
                    &report(json!({
                        "description": description,
                        "contact": {"name": "Maria", "email": "maria@example.org"},
                    })),
                )
                .await;
            assert_eq!(res.status(), 201);
            let receipt = res.json::<Value>().await.unwrap()["receipt"]
                .as_str()
                .unwrap()
                .to_string();
            let _ = caseworker;
            let after = app.strings("SELECT id AS v FROM reports");
            let case = after.into_iter().find(|id| !before.contains(id)).unwrap();
            (receipt, case)
        }
    };
    let (receipt, case) = submit_case(
        "He locked a young child in the car and drove off, saying he would come back for her later tonight. My visa ran out last year.",
    )
    .await;
    let propose = |case: String, token: String, body: Value| {
        let app = &app;
        async move {
            app.authed(
                Method::POST,
                &format!("/api/v1/cases/{case}/exception-disclosures"),
                Some(&token),
                Some(&body),
            )
            .await
        }
    };
    let reason =
        json!({"spoc_id": spoc, "reason": "A child left alone in a car, at immediate risk."});

    // A reason is required, and the SPOC must be one of the register.
    assert_problem(
        propose(case.clone(), caseworker.clone(), json!({"spoc_id": spoc})).await,
        422,
        "validation_failed",
    )
    .await;
    assert_problem(
        propose(
            case.clone(),
            caseworker.clone(),
            json!({"spoc_id": uuid::Uuid::new_v4(), "reason": "x"}),
        )
        .await,
        404,
        "not_found",
    )
    .await;
    let res = propose(case.clone(), caseworker.clone(), reason.clone()).await;
    assert_eq!(res.status(), 201);
    let proposed: Value = res.json().await.unwrap();
    assert_eq!(proposed["status"], "proposed");
    assert_eq!(proposed["reason"], reason["reason"]);
    let first = proposed["id"].as_str().unwrap().to_string();
    assert_problem(
        propose(case.clone(), caseworker.clone(), reason.clone()).await,
        409,
        "conflict",
    )
    .await;
    assert!(smtp.messages().is_empty(), "a proposal sends nothing");

    // A caseworker cannot decide; an administrator who proposed cannot approve their own.
    let decide = |id: String, token: String, what: &'static str| {
        let app = &app;
        async move {
            app.authed(
                Method::POST,
                &format!("/api/v1/exception-disclosures/{id}/{what}"),
                Some(&token),
                None,
            )
            .await
        }
    };
    assert_problem(
        decide(first.clone(), caseworker.clone(), "approve").await,
        403,
        "forbidden",
    )
    .await;
    let (_, second_case) = submit_case("He said he would hurt the children next door.").await;
    let res = propose(second_case.clone(), admin_a.clone(), reason.clone()).await;
    assert_eq!(res.status(), 201);
    let second = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_problem(
        decide(second.clone(), admin_a.clone(), "approve").await,
        403,
        "forbidden",
    )
    .await;
    assert_problem(
        decide(second.clone(), admin_a.clone(), "reject").await,
        403,
        "forbidden",
    )
    .await;
    let res = decide(second.clone(), admin_b.clone(), "reject").await;
    assert_eq!(res.status(), 200);
    assert!(smtp.messages().is_empty(), "nothing was sent");

    // A different administrator approves the first: it goes, stripped, to the SPOC named.
    let res = decide(first.clone(), admin_a.clone(), "approve").await;
    assert_eq!(res.status(), 200);
    let approved: Value = res.json().await.unwrap();
    assert_eq!(approved["status"], "approved");
    let sent = approved["content"].as_str().unwrap().to_string();
    let mails = smtp.wait_for(1, std::time::Duration::from_secs(10)).await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, vec!["rees@police.example".to_string()]);
    let text = mails[0].text.replace("\r\n", "\n");
    assert!(
        text.contains("under its published exception policy (version 2026-12-03), without the reporter's consent"),
        "{text}"
    );
    assert!(text.contains("locked a young child in the car"), "{text}");
    for gone in ["visa", "Maria", "maria@example.org"] {
        assert!(!text.contains(gone), "{gone} reached the police: {text}");
        assert!(!sent.contains(gone), "{gone} recorded as sent: {sent}");
    }
    assert_problem(
        decide(first.clone(), admin_b.clone(), "approve").await,
        409,
        "conflict",
    )
    .await;

    // The reporter sees exactly what was sent, and on what basis.
    let status: Value = app
        .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
        .await
        .json()
        .await
        .unwrap();
    let disclosures = status["disclosures"].as_array().unwrap();
    assert_eq!(disclosures.len(), 1, "{status}");
    assert_eq!(disclosures[0]["basis"], "exception_policy");
    assert_eq!(disclosures[0]["content"], json!(sent));
    assert_eq!(disclosures[0]["to"], "DS Rees, South Wales Police");

    // Audited, and counted for the statistics.
    let audit: Value = app
        .authed(Method::GET, "/api/v1/audit", Some(&admin_b), None)
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["action"].as_str())
        .filter(|a| a.starts_with("exception."))
        .collect();
    assert_eq!(
        actions,
        vec![
            "exception.propose",
            "exception.propose",
            "exception.reject",
            "exception.approve"
        ]
    );
    assert_eq!(
        app.strings("SELECT CAST(count AS TEXT) AS v FROM statistics_counts WHERE figure = 'exception_disclosures'"),
        vec!["1".to_string()]
    );
    // The policy is published before anyone reports.
    let meta: Value = app.get("/api/v1/meta").await.json().await.unwrap();
    assert_eq!(meta["exception_policy"]["version"], "2026-12-03");
    // The consent statement the reporter agrees to names the exception, so it never promises
    // "only with consent" without it.
    let statement = meta["consent_statement"]["text"].as_str().unwrap();
    assert!(
        statement.contains(
            "unless you choose to, except in the one case its published exception policy describes"
        ),
        "{statement}"
    );
    for page in ["/?lang=en", "/report?lang=en"] {
        let html = app.get(page).await.text().await.unwrap();
        assert!(html.contains("id=\"exception-policy\""), "{page}");
        assert!(
            html.contains("child is at immediate risk of serious harm"),
            "{page}"
        );
    }
}

both_backends!(an_exception_disclosure_needs_a_second_person_and_is_shown_to_the_reporter);

async fn exception_disclosures_in_the_console(backend: Backend) {
    use crate::console::signed_in;
    use crate::smtp::SmtpServer;
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, crate::helpers::smtp_settings(smtp.url())).await;
    let spoc = app.insert_spoc("DC Jane Doe", "south-wales");
    submit(&app, "violence").await;
    let token = app.staff_token(Role::Caseworker).await;
    let case = first_case(&app, &token).await;
    let (proposer, _) = signed_in(&app, Role::Admin).await;
    let (other, _) = signed_in(&app, Role::Admin).await;

    let page = proposer.get(&format!("/staff/cases/{case}")).await;
    let link = format!("/staff/exceptions?case={case}");
    assert!(page.html.contains(&link), "{}", page.html);
    let form = proposer.get(&link).await;
    assert_eq!(form.status, 200);
    assert!(
        form.html.contains("child is at immediate risk"),
        "the policy is shown"
    );

    // A reason is required.
    let refused = proposer
        .act(
            "/staff/exceptions/propose",
            &[("case", &case), ("spoc_id", &spoc), ("reason", "  ")],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.html);
    assert!(refused.html.contains("Nothing was proposed"));
    let done = proposer
        .act(
            "/staff/exceptions/propose",
            &[
                ("case", &case),
                ("spoc_id", &spoc),
                ("reason", "A child at immediate risk."),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.html);
    let id = app.strings("SELECT id AS v FROM exception_disclosures")[0].clone();

    // The proposer is not offered, and cannot use, the approval.
    let list = proposer.get("/staff/exceptions").await;
    assert!(
        list.html
            .contains("You proposed this: a different administrator must decide.")
    );
    assert!(
        !list
            .html
            .contains(&format!("/staff/exceptions/{id}/approve"))
    );
    let own = proposer
        .act(&format!("/staff/exceptions/{id}/approve"), &[])
        .await;
    assert_eq!(own.status, 403, "{}", own.html);
    assert!(smtp.messages().is_empty());

    // Another administrator approves it: it is sent.
    let list = other.get("/staff/exceptions").await;
    assert!(
        list.html
            .contains(&format!("/staff/exceptions/{id}/approve"))
    );
    let approved = other
        .act(&format!("/staff/exceptions/{id}/approve"), &[])
        .await;
    assert_eq!(approved.status, 303, "{}", approved.html);
    let after = other.get("/staff/exceptions?done=approved").await;
    assert!(after.html.contains("Approved and sent"), "{}", after.html);
    let mails = smtp.wait_for(1, std::time::Duration::from_secs(10)).await;
    assert_eq!(mails.len(), 1);
}

both_backends!(exception_disclosures_in_the_console);
