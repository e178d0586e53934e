//! What leaves the service: one neutral marker whatever was removed, nothing in a language the
//! firewall cannot read, no place or person but the perpetrator, and a caseworker who may only
//! take away — through the real preview, a real forward and a real alert, over real SMTP.

use lookout::services::staff::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::alerts::{drained_mail, publish_draft, submit, subscribe_all};
use crate::both_backends;
use crate::helpers::{
    Backend, TestApp, assert_problem, report, smtp_settings, spawn_app, spawn_app_with,
};
use crate::smtp::SmtpServer;

const VERSION: &str = lookout::domain::consent::STATEMENT_VERSION;
const MARKER: &str = "[removed]";

/// Words that would tell a reader what kind of thing was taken out.
const TELLTALES: &[&str] = &[
    "immigration",
    "nationality",
    "firewall",
    "visa",
    "asylum",
    "country of origin",
    "address removed",
    "name removed",
    "phone number removed",
    "withheld",
];

fn consent(spoc: &str) -> Value {
    json!({"police": "anonymous", "spoc_id": spoc, "statement_version": VERSION})
}

async fn preview(app: &TestApp, body: &Value) -> Value {
    let res = app.post_json("/api/v1/reports/preview", body).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn removed(p: &Value) -> Vec<String> {
    p["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// The description's part of a police text (between "What happened:" and the perpetrator).
fn what_happened(forward: &str) -> String {
    let after = forward.split("What happened:\n").nth(1).unwrap_or_default();
    after
        .split("\n\nPerpetrator:")
        .next()
        .unwrap_or_default()
        .to_string()
}

fn assert_no_telltale(text: &str) {
    let lower = text.to_lowercase();
    for word in TELLTALES {
        assert!(!lower.contains(word), "{word:?} in {text}");
    }
}

async fn one_marker_whatever_was_removed(backend: Backend) {
    let app = spawn_app(backend).await;
    let spoc = app.insert_spoc("DC Jane Doe", "south-wales");
    let contact = json!({"name": "Jessamy", "email": "jess@example.net", "phone": "07700 900456"});

    // Whole sentences: each kind, and two kinds side by side, read the same.
    let sentences = [
        ("My visa ran out last year.", "immigration reference"),
        ("She is Romanian.", "nationality or country of origin"),
        (
            "My passport number is 123456789.",
            "identity document number",
        ),
        (
            "I work from a flat near the station.",
            "home, workplace or premises",
        ),
        ("He followed me to 14 Bute Street.", "street address"),
        (
            "Me and my mate were both there.",
            "other people (co-workers, family, helpers)",
        ),
        ("It happened in front of my two kids.", "children"),
        (
            "Bana vurdu ve bütün paramı aldı, sonra arabasıyla hızla kaçtı.",
            "a sentence in Turkish that the firewall could not check (it will not be sent)",
        ),
        (
            "Με χτύπησε και πήρε όλα τα χρήματα.",
            "a sentence in Greek that the firewall could not check (it will not be sent)",
        ),
        (
            "My visa ran out. I work from my flat.",
            "immigration reference",
        ),
    ];
    let mut seen = Vec::new();
    for (sentence, kind) in sentences {
        let body = report(json!({
            "description": format!("He hit me. {sentence} He drove off in a red car."),
            "contact": contact, "consent": consent(&spoc),
        }));
        let p = preview(&app, &body).await;
        let forward = p["police_forward"].as_str().unwrap();
        let draft = p["alert_draft"].as_str().unwrap();
        assert_eq!(
            what_happened(forward),
            format!("He hit me. {MARKER} He drove off in a red car."),
            "{sentence}"
        );
        assert!(
            draft.contains(&format!("He hit me. {MARKER} He drove off in a red car.")),
            "{draft}"
        );
        assert_no_telltale(forward);
        assert_no_telltale(draft);
        assert!(
            removed(&p).contains(&kind.to_string()),
            "{kind} not in {:?}",
            removed(&p)
        );
        seen.push((forward.to_string(), draft.to_string()));
    }
    assert!(
        seen.windows(2).all(|w| w[0] == w[1]),
        "every kind leaves the same text"
    );

    // Words and numbers inside a sentence: the same marker, whatever they were.
    let spans = [
        ("07700 900456", "reporter phone number"),
        ("jess@example.net", "reporter email address"),
        ("someone@example.org", "email address"),
        ("07700 900999", "phone number"),
        ("Jessamy", "reporter name"),
        ("Anna", "names or initials of other people"),
    ];
    let mut seen = Vec::new();
    for (value, kind) in spans {
        let body = report(json!({
            "description": format!("He took the money and then {value} was gone."),
            "contact": contact, "consent": consent(&spoc),
        }));
        let p = preview(&app, &body).await;
        let forward = p["police_forward"].as_str().unwrap();
        assert_eq!(
            what_happened(forward),
            format!("He took the money and then {MARKER} was gone."),
            "{value}"
        );
        assert!(
            removed(&p).contains(&kind.to_string()),
            "{kind} not in {:?}",
            removed(&p)
        );
        seen.push(forward.to_string());
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]));

    // The reporter is told what could not be checked, in words they can act on.
    let p = preview(
        &app,
        &report(json!({"description": "เขาตีฉัน. Bana vurdu ve bütün paramı aldı, sonra kaçtı.", "consent": consent(&spoc)})),
    )
    .await;
    assert!(
        removed(&p)
            .iter()
            .any(|r| r.contains("Turkish") && r.contains("will not be sent")),
        "{:?}",
        removed(&p)
    );
}

async fn places_people_and_children_never_leave(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, smtp_settings(smtp.url())).await;
    let admin = app.staff_token(Role::Admin).await;
    let caseworker = app.staff_token(Role::Caseworker).await;
    let res = app
        .authed(
            Method::POST,
            "/api/v1/spocs",
            Some(&admin),
            Some(&json!({"name": "DC Jane Doe", "region": "south-wales", "email": "jane.doe@south-wales.police.uk"})),
        )
        .await;
    assert_eq!(res.status(), 201);
    let spoc = res.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    subscribe_all(
        &app,
        &smtp,
        &[(
            "sub-fw@example.org".to_string(),
            json!({"regions": ["south-wales"]}),
        )],
    )
    .await;

    // The research's scenarios (shared/seeds 004 L699, L1315, L1329, L1355-1359; 003 L26).
    let risky = [
        "He came to the flat at 14 Bute Street, Cardiff.",
        "I work from a flat near the station with one other girl.",
        "Kasia and Bea were working with me that night.",
        "The outreach van was parked outside when he came back.",
        "We live above the chip shop on Clifton Street.",
        "He hit me in front of my two kids.",
        "My visa ran out last year so I could not call anyone.",
    ];
    let kept =
        "He punched me twice and took £200 from my bag. He drove off in a silver Ford Focus.";
    let description = format!("{} {kept} {}", risky[..4].join(" "), risky[4..].join(" "));
    let body = report(json!({
        "description": description,
        "area": "Cardiff city centre",
        "contact": {"email": "kasia.w@example.net"},
        "consent": consent(&spoc),
    }));
    let (_, case) = submit(&app, &body).await;

    let res = app
        .authed(
            Method::POST,
            &format!("/api/v1/cases/{case}/forward"),
            Some(&caseworker),
            Some(&json!({})),
        )
        .await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let res = publish_draft(&app, &caseworker, &case, &["south-wales"]).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());

    let mails = drained_mail(&app, &smtp).await;
    assert_eq!(
        mails.len(),
        3,
        "the confirmation, the forward and the alert"
    );
    let police = mails
        .iter()
        .find(|m| m.to == ["jane.doe@south-wales.police.uk"])
        .unwrap();
    let alert = mails
        .iter()
        .find(|m| m.to == ["sub-fw@example.org"] && m.subject.starts_with("Safety alert"))
        .unwrap();
    for mail in [police, alert] {
        for part in [&mail.subject, &mail.text, &mail.html] {
            for phrase in risky {
                for fragment in phrase
                    .split([',', '.'])
                    .map(str::trim)
                    // "Cardiff" is the area the reporter chose: it may leave.
                    .filter(|f| f.len() > 3 && *f != "Cardiff")
                {
                    assert!(
                        !part.contains(fragment),
                        "{fragment:?} reached {:?}:\n{part}",
                        mail.to
                    );
                }
            }
            for word in [
                "Bute",
                "Clifton",
                "Kasia",
                "Bea ",
                "outreach van",
                "kids",
                "chip shop",
            ] {
                assert!(!part.contains(word), "{word:?} reached {:?}", mail.to);
            }
            assert_no_telltale(part);
        }
        let text = mail.text.replace("\r\n", "\n");
        assert!(
            text.contains("He punched me twice"),
            "the offence is kept: {text}"
        );
        assert!(text.contains("silver Ford Focus"), "{text}");
        assert!(text.contains(MARKER), "{text}");
        assert!(
            text.contains("07700 900123"),
            "the perpetrator's number is kept: {text}"
        );
    }
}

async fn a_caseworker_may_only_take_away(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, smtp_settings(smtp.url())).await;
    let caseworker = app.staff_token(Role::Caseworker).await;
    let spoc = app.insert_spoc("DC Jane Doe", "south-wales");
    let body = report(json!({
        "description": "He punched me in the car park. He laughed about it afterwards.",
        "consent": consent(&spoc),
    }));
    let (receipt, case) = submit(&app, &body).await;
    let forward = |remove: Value| {
        let app = &app;
        let caseworker = caseworker.clone();
        let case = case.clone();
        async move {
            app.authed(
                Method::POST,
                &format!("/api/v1/cases/{case}/forward"),
                Some(&caseworker),
                Some(&json!({"remove": remove})),
            )
            .await
        }
    };
    // Adding or rewriting is refused: a span must be text the forward already holds.
    let problem = assert_problem(
        forward(json!(["He laughed about it the next day."])).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(problem["errors"][0]["field"], "remove[0]", "{problem}");
    assert_problem(forward(json!([""])).await, 422, "validation_failed").await;
    assert_eq!(smtp.messages().len(), 0, "nothing was sent");

    let res = forward(json!(["He laughed about it afterwards."])).await;
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    // Sent within the request: final when it answers (drained too, for anything queued).
    let mails = drained_mail(&app, &smtp).await;
    assert_eq!(mails.len(), 1, "one forward");
    let text = mails[0].text.replace("\r\n", "\n");
    assert!(
        text.contains(&format!("He punched me in the car park. {MARKER}")),
        "{text}"
    );
    assert!(!text.contains("laughed"), "{text}");

    // The reporter sees the final text; the audit log counts, never quotes.
    let view: Value = app
        .post_json("/api/v1/receipt", &json!({"receipt": receipt}))
        .await
        .json()
        .await
        .unwrap();
    let disclosed = view["disclosures"][0]["content"]
        .as_str()
        .unwrap()
        .replace("\r\n", "\n");
    assert_eq!(disclosed.trim_end(), text.trim_end());
    let actions = app.strings("SELECT action AS v FROM audit_log ORDER BY seq");
    assert!(
        actions.contains(&"case.forward_reduced:1".to_string()),
        "{actions:?}"
    );
    assert!(
        !app.everything_stored().contains("laughed"),
        "nothing is stored in plaintext"
    );
}

async fn the_reporters_contact_is_never_an_identifier(backend: Backend) {
    let app = spawn_app(backend).await;
    let caseworker = app.staff_token(Role::Caseworker).await;
    let body = report(json!({
        "description": "He punched me and drove off.",
        "contact": {"email": "jess.w99+lookout@gmail.com", "phone": "07700 900456"},
    }));
    let (_, case) = submit(&app, &body).await;
    for (field, value) in [
        ("online_handles", "@jess.w99"),
        ("emails", "jessw99@gmail.com"),
        ("online_handles", "@07700900456"),
        ("phone_numbers", "+44 7700 900456"),
    ] {
        let mut identifiers =
            json!({"phone_numbers": [], "emails": [], "vehicles": [], "online_handles": []});
        identifiers[field] = json!([value]);
        let res = app
            .authed(
                Method::POST,
                &format!("/api/v1/cases/{case}/alerts"),
                Some(&caseworker),
                Some(&json!({"title": "Robbery", "body": "He punched a worker and drove off.", "regions": ["south-wales"], "category": "robbery", "identifiers": identifiers})),
            )
            .await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(
            problem["errors"][0]["field"],
            format!("identifiers.{field}[0]"),
            "{value}: {problem}"
        );
    }
    // And text that the rules would remove is refused, naming what it is (to the caseworker).
    let res = app
        .authed(
            Method::POST,
            &format!("/api/v1/cases/{case}/alerts"),
            Some(&caseworker),
            Some(&json!({"title": "Robbery", "body": "He came to the flat she works from at 14 Bute Street.", "regions": ["south-wales"], "category": "robbery", "identifiers": {"phone_numbers": [], "emails": [], "vehicles": [], "online_handles": []}})),
        )
        .await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    let message = problem["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("street address") || message.contains("premises"),
        "{message}"
    );
}

async fn children_reach_police_only_with_the_reporters_choice(backend: Backend) {
    let app = spawn_app(backend).await;
    let spoc = app.insert_spoc("DC Jane Doe", "south-wales");
    let sentence = "He hit me in front of my two kids.";
    for share in [false, true] {
        let body = report(json!({
            "description": format!("He came at night. {sentence}"),
            "consent": {"police": "anonymous", "spoc_id": spoc, "statement_version": VERSION, "share_children": share},
        }));
        let p = preview(&app, &body).await;
        let forward = p["police_forward"].as_str().unwrap();
        assert_eq!(
            forward.contains(sentence),
            share,
            "share_children = {share}: {forward}"
        );
        // Subscribers never read about children, whatever the reporter chose for police.
        assert!(!p["alert_draft"].as_str().unwrap().contains("kids"));
    }
}

both_backends!(
    one_marker_whatever_was_removed,
    places_people_and_children_never_leave,
    a_caseworker_may_only_take_away,
    the_reporters_contact_is_never_an_identifier,
    children_reach_police_only_with_the_reporters_choice,
);
