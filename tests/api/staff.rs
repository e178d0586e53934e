//! Staff self-service and administration over the JSON API: the password an administrator set
//! must be changed first, password changes, the second factor (setup with a QR code, enable,
//! disable), what an administrator may do to other accounts (list, reset, disable), the idle
//! timeout, and the audit trail of all of it.

use lookout::services::staff::Role;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, spawn_app};

both_backends!(
    a_created_account_must_change_its_password_first,
    an_admin_created_admin_may_do_nothing_before_changing_its_password,
    a_password_change_needs_the_current_password_and_ends_only_the_other_sessions,
    wrong_current_passwords_count_towards_the_login_slow_down,
    totp_setup_shows_a_qr_code_and_turning_it_off_needs_password_and_code,
    admins_list_accounts_with_their_emails,
    admins_list_organisations_without_their_keys,
    an_admin_password_reset_ends_sessions_and_forces_a_change,
    an_admin_totp_reset_lets_the_owner_in_without_a_code,
    disabling_an_account_ends_its_sessions_at_once,
    admins_cannot_act_on_their_own_account,
    caseworkers_are_refused_every_admin_endpoint,
    sessions_end_after_the_idle_timeout,
    every_staff_action_is_audited_and_the_chain_holds,
);

const ADMIN: &str = "admin@lookout.test";
const WORKER: &str = "worker@lookout.test";
const NEW_PASSWORD: &str = "a passphrase of my own";

/// A service with a settled administrator (made as the CLI makes one with `--password-stdin`);
/// returns the app and the administrator's token.
async fn with_admin(backend: Backend) -> (TestApp, String) {
    let app = spawn_app(backend).await;
    let password = app.create_staff(ADMIN, Role::Admin);
    let token = app.login(ADMIN, &password).await;
    (app, token)
}

async fn login_res(
    app: &TestApp,
    email: &str,
    password: &str,
    totp: Option<&str>,
) -> reqwest::Response {
    let mut body = json!({"email": email, "password": password});
    if let Some(code) = totp {
        body["totp"] = json!(code);
    }
    app.post_json("/api/v1/auth/login", &body).await
}

/// Logs in (200 expected) and returns the whole answer.
async fn session(app: &TestApp, email: &str, password: &str) -> Value {
    let res = login_res(app, email, password, None).await;
    assert_eq!(res.status(), 200, "login of {email}");
    res.json().await.unwrap()
}

fn token_of(session: &Value) -> String {
    session["token"].as_str().unwrap().to_string()
}

/// `POST /staff`; returns the new account's id and initial password.
async fn create_via_api(app: &TestApp, admin: &str, email: &str, role: &str) -> (String, String) {
    let res = app
        .authed(
            Method::POST,
            "/api/v1/staff",
            Some(admin),
            Some(&json!({"email": email, "role": role})),
        )
        .await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    (
        body["id"].as_str().unwrap().to_string(),
        body["initial_password"].as_str().unwrap().to_string(),
    )
}

async fn change_password(
    app: &TestApp,
    token: &str,
    current: &str,
    new: &str,
) -> reqwest::Response {
    app.authed(
        Method::POST,
        "/api/v1/auth/password",
        Some(token),
        Some(&json!({"current_password": current, "new_password": new})),
    )
    .await
}

async fn cases(app: &TestApp, token: &str) -> reqwest::Response {
    app.authed(Method::GET, "/api/v1/cases", Some(token), None)
        .await
}

/// `POST /staff/{id}/{action}` as `admin`.
async fn admin_acts(app: &TestApp, admin: &str, id: &str, action: &str) -> reqwest::Response {
    app.authed(
        Method::POST,
        &format!("/api/v1/staff/{id}/{action}"),
        Some(admin),
        None,
    )
    .await
}

async fn ok_json(res: reqwest::Response) -> Value {
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert_eq!(status, 200, "{body}");
    body
}

async fn accounts(app: &TestApp, admin: &str) -> Vec<Value> {
    let list = ok_json(
        app.authed(Method::GET, "/api/v1/staff", Some(admin), None)
            .await,
    )
    .await;
    list.as_array().unwrap().clone()
}

async fn account(app: &TestApp, admin: &str, email: &str) -> Value {
    accounts(app, admin)
        .await
        .into_iter()
        .find(|a| a["email"] == email)
        .unwrap_or_else(|| panic!("{email} is not listed"))
}

async fn id_of(app: &TestApp, admin: &str, email: &str) -> String {
    account(app, admin, email).await["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// The fields a 422 names.
fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_string())
        .collect()
}

/// The whole audit log, as the administrator reads it, after asserting its chain checks out.
async fn audit(app: &TestApp, admin: &str) -> Vec<Value> {
    let verified = ok_json(
        app.authed(Method::GET, "/api/v1/audit/verify", Some(admin), None)
            .await,
    )
    .await;
    assert_eq!(verified["ok"], true, "{verified}");
    let entries = ok_json(
        app.authed(Method::GET, "/api/v1/audit?limit=5000", Some(admin), None)
            .await,
    )
    .await;
    entries.as_array().unwrap().clone()
}

/// The (actor, target) of every audit entry with `action`.
fn audited(entries: &[Value], action: &str) -> Vec<(Value, Value)> {
    entries
        .iter()
        .filter(|e| e["action"] == action)
        .map(|e| (e["actor"].clone(), e["target"].clone()))
        .collect()
}

/// The TOTP generator for an account: setup, then enable with the code `ahead` time steps from
/// now. Returns the generator and the time the enabling code was made for. A code's time step must
/// be later than any the account used before, even under an earlier secret, so a second
/// enrolment soon after the first needs `ahead` 1.
async fn enrol(app: &TestApp, token: &str, ahead: u64) -> (totp_rs::Totp, u64) {
    let setup = ok_json(
        app.authed(Method::POST, "/api/v1/auth/totp/setup", Some(token), None)
            .await,
    )
    .await;
    let totp = totp_rs::Totp::from_url(setup["otpauth_uri"].as_str().unwrap()).unwrap();
    let at = chrono::Utc::now().timestamp() as u64 + 30 * ahead;
    let res = app
        .authed(
            Method::POST,
            "/api/v1/auth/totp/enable",
            Some(token),
            Some(&json!({"code": totp.generate(at).to_string()})),
        )
        .await;
    assert_eq!(ok_json(res).await["status"], "enabled");
    (totp, at)
}

async fn a_created_account_must_change_its_password_first(backend: Backend) {
    let (app, admin) = with_admin(backend).await;
    let (_, initial) = create_via_api(&app, &admin, "New@Lookout.test", "caseworker").await;

    let first = session(&app, "new@lookout.test", &initial).await;
    assert_eq!(first["password_change_required"], true, "{first}");
    assert_eq!(first["role"], "caseworker");
    let token = token_of(&first);
    // Nothing but changing the password (or signing out) until it is changed.
    assert_problem(cases(&app, &token).await, 403, "password_change_required").await;
    let res = app
        .authed(Method::POST, "/api/v1/auth/totp/setup", Some(&token), None)
        .await;
    assert_problem(res, 403, "password_change_required").await;
    let res = app
        .authed(
            Method::POST,
            "/api/v1/auth/totp/enable",
            Some(&token),
            Some(&json!({"code": "123456"})),
        )
        .await;
    assert_problem(res, 403, "password_change_required").await;
    let res = app
        .authed(
            Method::POST,
            "/api/v1/auth/totp/disable",
            Some(&token),
            Some(&json!({"password": initial, "code": "123456"})),
        )
        .await;
    assert_problem(res, 403, "password_change_required").await;
    // A second session of the same account may still sign out.
    let other = token_of(&session(&app, "new@lookout.test", &initial).await);
    let res = app
        .authed(Method::POST, "/api/v1/auth/logout", Some(&other), None)
        .await;
    assert_eq!(ok_json(res).await["status"], "logged_out");

    let changed = ok_json(change_password(&app, &token, &initial, NEW_PASSWORD).await).await;
    assert_eq!(changed, json!({"status": "changed"}));
    // The same session now works.
    assert_eq!(cases(&app, &token).await.status(), 200);
    let res = app
        .authed(Method::POST, "/api/v1/auth/totp/setup", Some(&token), None)
        .await;
    assert_eq!(res.status(), 200);
    // The administrator's password is gone; the new one signs in with nothing left to change.
    assert_problem(
        login_res(&app, "new@lookout.test", &initial, None).await,
        401,
        "login_failed",
    )
    .await;
    let again = session(&app, "new@lookout.test", NEW_PASSWORD).await;
    assert_eq!(again["password_change_required"], false, "{again}");
    assert_eq!(cases(&app, &token_of(&again)).await.status(), 200);
    assert_eq!(
        account(&app, &admin, "new@lookout.test").await["password_change_required"],
        false
    );
}

async fn an_admin_created_admin_may_do_nothing_before_changing_its_password(backend: Backend) {
    let (app, admin) = with_admin(backend).await;
    let (_, initial) = create_via_api(&app, &admin, "second-admin@lookout.test", "admin").await;
    let first = session(&app, "second-admin@lookout.test", &initial).await;
    assert_eq!(first["password_change_required"], true);
    assert_eq!(first["role"], "admin");
    let token = token_of(&first);
    let own_id = id_of(&app, &admin, "second-admin@lookout.test").await;
    for (method, path) in [
        (Method::GET, "/api/v1/staff".to_string()),
        (Method::GET, "/api/v1/orgs".to_string()),
        (Method::GET, "/api/v1/spocs".to_string()),
        (Method::GET, "/api/v1/audit".to_string()),
        (Method::GET, "/api/v1/audit/verify".to_string()),
        (Method::GET, "/api/v1/cases".to_string()),
        (
            Method::POST,
            format!("/api/v1/staff/{own_id}/password-reset"),
        ),
    ] {
        let res = app.authed(method.clone(), &path, Some(&token), None).await;
        assert_eq!(res.status(), 403, "{method} {path}");
        assert_problem(res, 403, "password_change_required").await;
    }
    let res = app
        .authed(
            Method::POST,
            "/api/v1/staff",
            Some(&token),
            Some(&json!({"email": "third@lookout.test", "role": "admin"})),
        )
        .await;
    assert_problem(res, 403, "password_change_required").await;
    assert_eq!(accounts(&app, &admin).await.len(), 2, "nothing was created");

    ok_json(change_password(&app, &token, &initial, NEW_PASSWORD).await).await;
    let listed = accounts(&app, &token).await;
    assert_eq!(listed.len(), 2);
}

async fn a_password_change_needs_the_current_password_and_ends_only_the_other_sessions(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let password = app.create_staff(WORKER, Role::Caseworker);
    let first = session(&app, WORKER, &password).await;
    assert_eq!(
        first["password_change_required"], false,
        "a password chosen by its owner need not be changed"
    );
    let caller = token_of(&first);
    let other = app.login(WORKER, &password).await;

    // Refusals name the field and change nothing.
    let wrong = assert_problem(
        change_password(&app, &caller, "not my password at all", NEW_PASSWORD).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(fields(&wrong), ["current_password"]);
    for new in ["too short", &"x".repeat(257), password.as_str()] {
        let res = change_password(&app, &caller, &password, new).await;
        let refused = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(fields(&refused), ["new_password"], "{refused}");
    }
    // Twelve characters is enough, and 256 is not too many.
    let res = change_password(&app, &caller, &password, &"é".repeat(256)).await;
    assert_eq!(res.status(), 200, "256 characters are allowed");
    let res = change_password(&app, &caller, &"é".repeat(256), "twelve chars").await;
    assert_eq!(res.status(), 200, "12 characters are enough");
    // Those changes ended the other session; sign it in again for the real test.
    assert_problem(cases(&app, &other).await, 401, "unauthorized").await;
    let other = app.login(WORKER, "twelve chars").await;
    assert_eq!(cases(&app, &other).await.status(), 200);

    ok_json(change_password(&app, &caller, "twelve chars", NEW_PASSWORD).await).await;
    assert_eq!(cases(&app, &caller).await.status(), 200, "the caller stays");
    assert_problem(cases(&app, &other).await, 401, "unauthorized").await;
    assert_problem(
        login_res(&app, WORKER, "twelve chars", None).await,
        401,
        "login_failed",
    )
    .await;
    assert_eq!(
        session(&app, WORKER, NEW_PASSWORD).await["password_change_required"],
        false
    );
}

async fn wrong_current_passwords_count_towards_the_login_slow_down(backend: Backend) {
    let app = spawn_app(backend).await;
    let password = app.create_staff(WORKER, Role::Caseworker);
    let token = app.login(WORKER, &password).await;
    let (totp, at) = enrol(&app, &token, 0).await;
    // A stolen session cannot guess the password at leisure: after five wrong guesses the right
    // password is refused for a while, at login and through the session alike.
    for _ in 0..5 {
        let res = change_password(&app, &token, "guess guess guess", NEW_PASSWORD).await;
        let refused = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(fields(&refused), ["current_password"]);
    }
    assert_problem(
        login_res(&app, WORKER, &password, None).await,
        401,
        "login_failed",
    )
    .await;
    let res = change_password(&app, &token, &password, NEW_PASSWORD).await;
    let refused = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&refused), ["current_password"]);
    let later = totp.generate(at + 30).to_string();
    let res = app
        .authed(
            Method::POST,
            "/api/v1/auth/totp/disable",
            Some(&token),
            Some(&json!({"password": password, "code": "000000"})),
        )
        .await;
    let refused = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(
        fields(&refused),
        ["password", "code"],
        "no answer says the password was right"
    );

    // Once the wait is over, the right password works again.
    app.execute("UPDATE staff SET last_failed_at = last_failed_at - 3600");
    let res = app
        .authed(
            Method::POST,
            "/api/v1/auth/totp/disable",
            Some(&token),
            Some(&json!({"password": password, "code": later})),
        )
        .await;
    assert_eq!(ok_json(res).await["status"], "disabled");
    ok_json(change_password(&app, &token, &password, NEW_PASSWORD).await).await;
    assert_eq!(
        session(&app, WORKER, NEW_PASSWORD).await["password_change_required"],
        false
    );
}

async fn totp_setup_shows_a_qr_code_and_turning_it_off_needs_password_and_code(backend: Backend) {
    let (app, admin) = with_admin(backend).await;
    let password = app.create_staff(WORKER, Role::Caseworker);
    let token = app.login(WORKER, &password).await;

    // Turning off what is not on is a conflict.
    let res = app
        .authed(
            Method::POST,
            "/api/v1/auth/totp/disable",
            Some(&token),
            Some(&json!({"password": password, "code": "123456"})),
        )
        .await;
    assert_problem(res, 409, "conflict").await;

    let setup = ok_json(
        app.authed(Method::POST, "/api/v1/auth/totp/setup", Some(&token), None)
            .await,
    )
    .await;
    let uri = setup["otpauth_uri"].as_str().unwrap();
    assert!(uri.starts_with("otpauth://totp/"), "{uri}");
    let svg = setup["qr_svg"].as_str().unwrap();
    assert!(svg.starts_with("<svg"), "an inline SVG document: {svg:.80}");
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(!svg.contains("<?xml"), "no XML declaration");
    assert!(!svg.contains("otpauth"), "the secret is drawn, not written");
    let totp = totp_rs::Totp::from_url(uri).unwrap();
    let now = chrono::Utc::now().timestamp() as u64;
    let res = app
        .authed(
            Method::POST,
            "/api/v1/auth/totp/enable",
            Some(&token),
            Some(&json!({"code": totp.generate(now).to_string()})),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(account(&app, &admin, WORKER).await["totp_enabled"], true);

    // A wrong code, or a wrong password: 422 naming the field, and TOTP stays on.
    let later = totp.generate(now + 30).to_string();
    let res = app
        .authed(
            Method::POST,
            "/api/v1/auth/totp/disable",
            Some(&token),
            Some(&json!({"password": password, "code": "000000"})),
        )
        .await;
    let refused = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&refused), ["code"]);
    let res = app
        .authed(
            Method::POST,
            "/api/v1/auth/totp/disable",
            Some(&token),
            Some(&json!({"password": "not the password", "code": later})),
        )
        .await;
    let refused = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(fields(&refused), ["password"]);
    assert_eq!(account(&app, &admin, WORKER).await["totp_enabled"], true);
    assert_problem(
        login_res(&app, WORKER, &password, None).await,
        401,
        "login_failed",
    )
    .await;

    // The password and a current code turn it off; this session carries on.
    let off = ok_json(
        app.authed(
            Method::POST,
            "/api/v1/auth/totp/disable",
            Some(&token),
            Some(&json!({"password": password, "code": later})),
        )
        .await,
    )
    .await;
    assert_eq!(off, json!({"status": "disabled"}));
    assert_eq!(cases(&app, &token).await.status(), 200);
    assert_eq!(account(&app, &admin, WORKER).await["totp_enabled"], false);
    let res = login_res(&app, WORKER, &password, None).await;
    assert_eq!(res.status(), 200, "the password alone signs in again");
    let res = app
        .authed(
            Method::POST,
            "/api/v1/auth/totp/disable",
            Some(&token),
            Some(&json!({"password": password, "code": later})),
        )
        .await;
    assert_problem(res, 409, "conflict").await;
}

async fn admins_list_accounts_with_their_emails(backend: Backend) {
    let (app, admin) = with_admin(backend).await;
    app.create_staff(WORKER, Role::Caseworker);
    let (new_id, _) = create_via_api(&app, &admin, "  Fresh@Lookout.TEST ", "caseworker").await;
    let listed = accounts(&app, &admin).await;
    assert_eq!(listed.len(), 3, "{listed:?}");
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    for a in &listed {
        let mut keys: Vec<&str> = a.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "active",
                "created_on",
                "email",
                "id",
                "password_change_required",
                "role",
                "totp_enabled"
            ],
            "never a hash or a secret"
        );
        assert_eq!(a["active"], true);
        assert_eq!(a["totp_enabled"], false);
        assert_eq!(a["created_on"], today.as_str());
    }
    let find = |email: &str| listed.iter().find(|a| a["email"] == email).unwrap().clone();
    assert_eq!(find(ADMIN)["role"], "admin");
    assert_eq!(find(ADMIN)["password_change_required"], false);
    assert_eq!(find(WORKER)["role"], "caseworker");
    let fresh = find("fresh@lookout.test");
    assert_eq!(
        fresh["id"],
        new_id.as_str(),
        "the email is opened, normalised"
    );
    assert_eq!(fresh["password_change_required"], true);
    // The emails the list shows are not stored readable.
    let stored = app.everything_stored();
    assert!(!stored.contains("fresh@lookout.test"));
    assert!(!stored.contains(WORKER));
}

async fn admins_list_organisations_without_their_keys(backend: Backend) {
    let (app, admin) = with_admin(backend).await;
    let mut keys = Vec::new();
    for name in ["Cardiff Outreach", "Swansea Outreach"] {
        let res = app
            .authed(
                Method::POST,
                "/api/v1/orgs",
                Some(&admin),
                Some(&json!({"name": name, "email": "team@outreach.example.org"})),
            )
            .await;
        assert_eq!(res.status(), 201);
        let created: Value = res.json().await.unwrap();
        keys.push((
            created["id"].as_str().unwrap().to_string(),
            created["api_key"].as_str().unwrap().to_string(),
        ));
    }
    let res = app
        .authed(
            Method::POST,
            &format!("/api/v1/orgs/{}/revoke", keys[0].0),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .authed(Method::GET, "/api/v1/orgs", Some(&admin), None)
        .await;
    let text = res.text().await.unwrap();
    for (_, key) in &keys {
        assert!(!text.contains(key.as_str()), "never the key");
    }
    let orgs: Value = serde_json::from_str(&text).unwrap();
    let orgs = orgs.as_array().unwrap();
    assert_eq!(orgs.len(), 2);
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let revoked = orgs.iter().find(|o| o["id"] == keys[0].0.as_str()).unwrap();
    assert_eq!(revoked["name"], "Cardiff Outreach");
    assert_eq!(revoked["email"], "team@outreach.example.org");
    assert_eq!(revoked["active"], false);
    assert_eq!(revoked["revoked_on"], today.as_str());
    let live = orgs.iter().find(|o| o["id"] == keys[1].0.as_str()).unwrap();
    assert_eq!(live["active"], true);
    assert_eq!(live["revoked_on"], Value::Null);
    assert_eq!(live["created_on"], today.as_str());
    assert!(live.get("api_key").is_none() && live.get("key_hash").is_none());
}

async fn an_admin_password_reset_ends_sessions_and_forces_a_change(backend: Backend) {
    let (app, admin) = with_admin(backend).await;
    let password = app.create_staff(WORKER, Role::Caseworker);
    let one = app.login(WORKER, &password).await;
    let two = app.login(WORKER, &password).await;
    let id = id_of(&app, &admin, WORKER).await;

    let reset = ok_json(admin_acts(&app, &admin, &id, "password-reset").await).await;
    let initial = reset["initial_password"].as_str().unwrap().to_string();
    assert!(initial.len() >= 20, "a generated password");
    assert_eq!(reset.as_object().unwrap().len(), 1, "{reset}");
    for token in [&one, &two] {
        assert_problem(cases(&app, token).await, 401, "unauthorized").await;
    }
    assert_problem(
        login_res(&app, WORKER, &password, None).await,
        401,
        "login_failed",
    )
    .await;
    assert_eq!(
        account(&app, &admin, WORKER).await["password_change_required"],
        true
    );
    let fresh = session(&app, WORKER, &initial).await;
    assert_eq!(fresh["password_change_required"], true);
    let token = token_of(&fresh);
    assert_problem(cases(&app, &token).await, 403, "password_change_required").await;
    ok_json(change_password(&app, &token, &initial, NEW_PASSWORD).await).await;
    assert_eq!(cases(&app, &token).await.status(), 200);
    assert_eq!(
        account(&app, &admin, WORKER).await["password_change_required"],
        false
    );
    // The administrator is untouched.
    assert_eq!(accounts(&app, &admin).await.len(), 2);
}

async fn an_admin_totp_reset_lets_the_owner_in_without_a_code(backend: Backend) {
    let (app, admin) = with_admin(backend).await;
    let password = app.create_staff(WORKER, Role::Caseworker);
    let token = app.login(WORKER, &password).await;
    let id = id_of(&app, &admin, WORKER).await;
    // Nothing to reset yet.
    assert_problem(
        admin_acts(&app, &admin, &id, "totp-reset").await,
        409,
        "conflict",
    )
    .await;

    enrol(&app, &token, 0).await;
    assert_problem(
        login_res(&app, WORKER, &password, None).await,
        401,
        "login_failed",
    )
    .await;
    // The phone is lost: an administrator turns the second factor off.
    let reset = ok_json(admin_acts(&app, &admin, &id, "totp-reset").await).await;
    assert_eq!(reset, json!({"status": "totp_off"}));
    assert_problem(cases(&app, &token).await, 401, "unauthorized").await;
    assert_eq!(account(&app, &admin, WORKER).await["totp_enabled"], false);
    let back = session(&app, WORKER, &password).await;
    assert_eq!(
        back["password_change_required"], false,
        "the password was not reset"
    );
    let token = token_of(&back);
    assert_eq!(cases(&app, &token).await.status(), 200);
    assert_problem(
        admin_acts(&app, &admin, &id, "totp-reset").await,
        409,
        "conflict",
    )
    .await;
    // The owner may enrol again.
    enrol(&app, &token, 1).await;
    assert_eq!(account(&app, &admin, WORKER).await["totp_enabled"], true);
}

async fn disabling_an_account_ends_its_sessions_at_once(backend: Backend) {
    let (app, admin) = with_admin(backend).await;
    let password = app.create_staff(WORKER, Role::Caseworker);
    let token = app.login(WORKER, &password).await;
    assert_eq!(cases(&app, &token).await.status(), 200);
    let id = id_of(&app, &admin, WORKER).await;

    let disabled = ok_json(admin_acts(&app, &admin, &id, "disable").await).await;
    assert_eq!(disabled, json!({"status": "disabled"}));
    assert_problem(cases(&app, &token).await, 401, "unauthorized").await;
    let res = app
        .authed(Method::POST, "/api/v1/auth/logout", Some(&token), None)
        .await;
    assert_problem(res, 401, "unauthorized").await;
    // Its login fails exactly as an unknown account's does.
    let refused = assert_problem(
        login_res(&app, WORKER, &password, None).await,
        401,
        "login_failed",
    )
    .await;
    let unknown = assert_problem(
        login_res(&app, "nobody@lookout.test", &password, None).await,
        401,
        "login_failed",
    )
    .await;
    assert_eq!(refused, unknown);
    let listed = account(&app, &admin, WORKER).await;
    assert_eq!(listed["active"], false, "{listed}");
    // A disabled account is not acted on again.
    for action in ["disable", "password-reset", "totp-reset"] {
        let res = admin_acts(&app, &admin, &id, action).await;
        assert_problem(res, 409, "conflict").await;
    }
    assert_problem(
        login_res(&app, WORKER, &password, None).await,
        401,
        "login_failed",
    )
    .await;
}

async fn admins_cannot_act_on_their_own_account(backend: Backend) {
    let (app, admin) = with_admin(backend).await;
    let own = id_of(&app, &admin, ADMIN).await;
    for action in ["password-reset", "totp-reset", "disable"] {
        assert_problem(
            admin_acts(&app, &admin, &own, action).await,
            409,
            "conflict",
        )
        .await;
        let unknown = uuid::Uuid::new_v4().to_string();
        assert_problem(
            admin_acts(&app, &admin, &unknown, action).await,
            404,
            "not_found",
        )
        .await;
        assert_problem(
            admin_acts(&app, &admin, "not-an-id", action).await,
            404,
            "not_found",
        )
        .await;
    }
    // Still an active administrator, with the same session.
    let me = account(&app, &admin, ADMIN).await;
    assert_eq!(me["active"], true);
    assert_eq!(me["password_change_required"], false);
}

async fn caseworkers_are_refused_every_admin_endpoint(backend: Backend) {
    let (app, admin) = with_admin(backend).await;
    let password = app.create_staff(WORKER, Role::Caseworker);
    let caseworker = app.login(WORKER, &password).await;
    let admin_id = id_of(&app, &admin, ADMIN).await;
    let own_id = id_of(&app, &admin, WORKER).await;
    let mut routes = vec![
        (Method::GET, "/api/v1/staff".to_string(), None),
        (
            Method::POST,
            "/api/v1/staff".to_string(),
            Some(json!({"email": "x@lookout.test", "role": "caseworker"})),
        ),
        (Method::GET, "/api/v1/orgs".to_string(), None),
    ];
    for id in [&admin_id, &own_id] {
        for action in ["password-reset", "totp-reset", "disable"] {
            routes.push((Method::POST, format!("/api/v1/staff/{id}/{action}"), None));
        }
    }
    for (method, path, body) in routes {
        let res = app
            .authed(method.clone(), &path, Some(&caseworker), body.as_ref())
            .await;
        assert_eq!(res.status(), 403, "{method} {path}");
        assert_problem(res, 403, "forbidden").await;
        // Without a session: 401.
        let res = app.authed(method, &path, None, body.as_ref()).await;
        assert_problem(res, 401, "unauthorized").await;
    }
    // Nothing changed.
    let listed = accounts(&app, &admin).await;
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().all(|a| a["active"] == true));
    assert_eq!(cases(&app, &admin).await.status(), 200);
    assert_eq!(
        session(&app, WORKER, &password).await["password_change_required"],
        false
    );
}

async fn sessions_end_after_the_idle_timeout(backend: Backend) {
    let (app, admin) = with_admin(backend).await;
    assert_eq!(app.settings.staff.idle_minutes, 30);
    let idle_pw = app.create_staff("idle@lookout.test", Role::Caseworker);
    let busy_pw = app.create_staff("busy@lookout.test", Role::Caseworker);
    let idle = app.login("idle@lookout.test", &idle_pw).await;
    let busy = app.login("busy@lookout.test", &busy_pw).await;
    let idle_id = id_of(&app, &admin, "idle@lookout.test").await;
    let busy_id = id_of(&app, &admin, "busy@lookout.test").await;
    let back = |id: &str, minutes: i64| {
        app.execute(&format!(
            "UPDATE sessions SET last_seen_at = last_seen_at - {} WHERE staff_id = '{id}'",
            minutes * 60
        ));
    };

    // Unused for 31 minutes: refused. Used 29 minutes ago: fine, and that use keeps it alive.
    back(&idle_id, 31);
    back(&busy_id, 29);
    assert_problem(cases(&app, &idle).await, 401, "unauthorized").await;
    assert_eq!(cases(&app, &busy).await.status(), 200);
    back(&busy_id, 29);
    assert_eq!(
        cases(&app, &busy).await.status(),
        200,
        "the last request counted, not the sign-in"
    );
    // The idle account signs in afresh without trouble.
    let again = app.login("idle@lookout.test", &idle_pw).await;
    assert_eq!(cases(&app, &again).await.status(), 200);
    // The administrator's session, never moved, is untouched.
    assert_eq!(accounts(&app, &admin).await.len(), 3);
}

async fn every_staff_action_is_audited_and_the_chain_holds(backend: Backend) {
    let (app, admin) = with_admin(backend).await;
    let admin_id = id_of(&app, &admin, ADMIN).await;
    let (id, initial) = create_via_api(&app, &admin, WORKER, "caseworker").await;
    let token = token_of(&session(&app, WORKER, &initial).await);
    ok_json(change_password(&app, &token, &initial, NEW_PASSWORD).await).await;
    let (totp, at) = enrol(&app, &token, 0).await;
    let res = app
        .authed(
            Method::POST,
            "/api/v1/auth/totp/disable",
            Some(&token),
            Some(&json!({"password": NEW_PASSWORD, "code": totp.generate(at + 30).to_string()})),
        )
        .await;
    ok_json(res).await;
    // Enrolment started again: enough for an administrator's reset to have something to do.
    ok_json(
        app.authed(Method::POST, "/api/v1/auth/totp/setup", Some(&token), None)
            .await,
    )
    .await;
    ok_json(admin_acts(&app, &admin, &id, "totp-reset").await).await;
    ok_json(admin_acts(&app, &admin, &id, "password-reset").await).await;
    ok_json(admin_acts(&app, &admin, &id, "disable").await).await;

    let entries = audit(&app, &admin).await;
    let (me, it) = (json!(admin_id), json!(id));
    assert_eq!(
        audited(&entries, "staff.create.caseworker"),
        [(me.clone(), it.clone())]
    );
    assert_eq!(
        audited(&entries, "staff.password_change"),
        [(it.clone(), Value::Null)],
        "the owner, of their own account"
    );
    assert_eq!(
        audited(&entries, "staff.totp_enabled"),
        [(it.clone(), Value::Null)]
    );
    assert_eq!(
        audited(&entries, "staff.totp_disabled"),
        [(it.clone(), Value::Null)]
    );
    for action in ["staff.totp_reset", "staff.password_reset", "staff.disable"] {
        assert_eq!(
            audited(&entries, action),
            [(me.clone(), it.clone())],
            "{action}: the administrator, on the account"
        );
    }
    // In the order they happened.
    let order: Vec<&str> = entries
        .iter()
        .filter_map(|e| e["action"].as_str())
        .filter(|a| {
            [
                "staff.password_change",
                "staff.totp_disabled",
                "staff.totp_reset",
                "staff.password_reset",
                "staff.disable",
            ]
            .contains(a)
        })
        .collect();
    assert_eq!(
        order,
        [
            "staff.password_change",
            "staff.totp_disabled",
            "staff.totp_reset",
            "staff.password_reset",
            "staff.disable"
        ]
    );
    // Refusals change nothing and write nothing of these words.
    assert_problem(
        admin_acts(&app, &admin, &id, "disable").await,
        409,
        "conflict",
    )
    .await;
    assert_problem(
        admin_acts(&app, &admin, &admin_id, "password-reset").await,
        409,
        "conflict",
    )
    .await;
    let after = audit(&app, &admin).await;
    assert_eq!(audited(&after, "staff.disable").len(), 1);
    assert_eq!(audited(&after, "staff.password_reset").len(), 1);
}
