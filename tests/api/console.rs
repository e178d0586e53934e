//! The staff console over real HTTP: the session cookie, refusing forms from elsewhere, the
//! password an administrator gave, TOTP from the console, casework, and the role matrix over
//! every console page and form. The same in a real browser is in `journeys.rs`.

use reqwest::{Method, header};
use serde_json::{Value, json};

use crate::alerts::{drained_mail, submit, subscribe_all};
use crate::both_backends;
use crate::helpers::{
    Backend, TestApp, assert_problem, report, smtp_settings, spawn_app, spawn_app_with,
};
use crate::smtp::SmtpServer;
use lookout::services::staff::Role;

/// A form's fields (or a request's headers), as (name, value).
type Fields<'a> = Vec<(&'a str, &'a str)>;

pub(crate) const PASSWORD: &str = "correct horse battery staple";
const COOKIE: &str = "__Host-lookout-staff";

/// What a browser got back.
pub(crate) struct Got {
    pub status: u16,
    pub headers: header::HeaderMap,
    pub html: String,
}

impl Got {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// The value of the first hidden field `name` on the page.
    pub fn hidden(&self, name: &str) -> String {
        let marker = format!("name=\"{name}\" value=\"");
        let start = self
            .html
            .find(&marker)
            .unwrap_or_else(|| panic!("no field {name} in:\n{}", self.html))
            + marker.len();
        let end = self.html[start..].find('"').unwrap() + start;
        unescape(&self.html[start..end])
    }

    /// The text of the element with this id (its inner HTML, unescaped, tags kept).
    pub fn by_id(&self, id: &str) -> String {
        let marker = format!("id=\"{id}\"");
        let at = self
            .html
            .find(&marker)
            .unwrap_or_else(|| panic!("no #{id} in:\n{}", self.html));
        let start = self.html[at..].find('>').unwrap() + at + 1;
        let tag_start = self.html[..at].rfind('<').unwrap() + 1;
        let tag: String = self.html[tag_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let end = self.html[start..].find(&format!("</{tag}>")).unwrap() + start;
        unescape(&self.html[start..end])
    }
}

pub(crate) fn unescape(s: &str) -> String {
    s.replace("&#60;", "<")
        .replace("&lt;", "<")
        .replace("&#62;", ">")
        .replace("&gt;", ">")
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

/// One person's browser on the console: it keeps the session cookie by hand (the cookie is
/// `Secure`, which a cookie jar would not send over the tests' plain HTTP) and never follows
/// redirects, so each answer is asserted as it came.
pub(crate) struct Browser<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
    pub cookie: Option<String>,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        Self {
            app,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .pool_idle_timeout(std::time::Duration::from_secs(2))
                .build()
                .unwrap(),
            cookie: None,
        }
    }

    async fn got(res: reqwest::Response) -> Got {
        Got {
            status: res.status().as_u16(),
            headers: res.headers().clone(),
            html: res.text().await.unwrap(),
        }
    }

    fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        let mut req = self.client.request(method, self.app.url(path));
        if let Some(c) = &self.cookie {
            req = req.header(header::COOKIE, format!("{COOKIE}={c}"));
        }
        req
    }

    pub async fn get(&self, path: &str) -> Got {
        Self::got(self.request(Method::GET, path).send().await.unwrap()).await
    }

    /// Posts a form as a page of this site does (same-origin headers).
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Got {
        self.post_with(path, fields, &[("sec-fetch-site", "same-origin")])
            .await
    }

    pub async fn post_with(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Got {
        let mut req = self
            .request(Method::POST, path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(encode(fields));
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        Self::got(req.send().await.unwrap()).await
    }

    /// Signs in; keeps the cookie when one is set.
    pub async fn sign_in(&mut self, email: &str, password: &str, totp: &str) -> Got {
        let got = self
            .post(
                "/staff/login",
                &[("email", email), ("password", password), ("totp", totp)],
            )
            .await;
        if let Some(set) = got.headers.get(header::SET_COOKIE) {
            let set = set.to_str().unwrap();
            let value = set
                .strip_prefix(&format!("{COOKIE}="))
                .unwrap()
                .split(';')
                .next()
                .unwrap();
            self.cookie = (!value.is_empty()).then(|| value.to_string());
        }
        got
    }

    /// The CSRF token the console's pages carry for this session.
    pub async fn csrf(&self) -> String {
        let page = self.get("/staff/account").await;
        assert_eq!(page.status, 200, "{}", page.html);
        page.hidden("csrf")
    }

    /// Posts a console form with this session's CSRF token.
    pub async fn act(&self, path: &str, fields: &[(&str, &str)]) -> Got {
        let csrf = self.csrf().await;
        let mut all = vec![("csrf", csrf.as_str())];
        all.extend_from_slice(fields);
        self.post(path, &all).await
    }
}

pub(crate) fn encode(fields: &[(&str, &str)]) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        s.append_pair(k, v);
    }
    s.finish()
}

/// A staff account that can use the console at once, and its browser, signed in.
pub(crate) async fn signed_in<'a>(app: &'a TestApp, role: Role) -> (Browser<'a>, String) {
    let email = format!(
        "{}-{}@lookout.test",
        role.as_str(),
        uuid::Uuid::new_v4().simple()
    );
    app.create_staff(&email, role);
    let mut browser = Browser::new(app);
    let got = browser.sign_in(&email, PASSWORD, "").await;
    assert_eq!(got.status, 303, "{}", got.html);
    (browser, email)
}

async fn signing_in_sets_a_host_only_cookie_and_signing_out_ends_the_session(backend: Backend) {
    let app = spawn_app(backend).await;
    let email = "cw@lookout.test";
    app.create_staff(email, Role::Caseworker);
    let mut browser = Browser::new(&app);

    let got = browser.get("/staff/cases").await;
    assert_eq!((got.status, got.location()), (303, "/staff/login"));
    let login = browser.get("/staff/login").await;
    assert_eq!(login.status, 200);
    assert!(
        login
            .html
            .contains("<form method=\"post\" action=\"/staff/login\">")
    );

    // Unknown account and wrong password: the same page, the same words.
    let wrong = browser.sign_in(email, "not the password", "").await;
    let unknown = browser
        .sign_in("nobody@lookout.test", "not the password", "")
        .await;
    assert_eq!((wrong.status, unknown.status), (401, 401));
    assert_eq!(wrong.by_id("login-error"), unknown.by_id("login-error"));
    assert!(wrong.headers.get(header::SET_COOKIE).is_none());
    assert!(
        wrong.html.contains("value=\"cw@lookout.test\""),
        "the email is kept"
    );
    assert!(
        !wrong.html.contains("not the password"),
        "the password is not"
    );

    let got = browser.sign_in(email, PASSWORD, "").await;
    assert_eq!((got.status, got.location()), (303, "/staff/cases"));
    let cookie = got.headers[header::SET_COOKIE].to_str().unwrap();
    let attributes: Vec<&str> = cookie.split("; ").skip(1).collect();
    assert_eq!(
        attributes,
        ["Path=/", "Secure", "HttpOnly", "SameSite=Strict"],
        "{cookie}"
    );
    assert!(cookie.starts_with("__Host-lookout-staff="), "{cookie}");
    assert!(!cookie.contains("Domain"), "host-only");

    let queue = browser.get("/staff/cases").await;
    assert_eq!(queue.status, 200);
    assert_eq!(
        queue.headers[header::CACHE_CONTROL].to_str().unwrap(),
        "no-store"
    );
    assert!(
        queue.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    assert!(queue.html.contains("Signed in as caseworker"));
    // The session is the API's: the cookie's token is a bearer token too, and it is hashed at
    // rest (the cookie value is nowhere in the database).
    let token = browser.cookie.clone().unwrap();
    let hashes = app.strings("SELECT token_hash AS v FROM sessions");
    assert!(!hashes.iter().any(|h| h.contains(&token)));
    let api = app
        .authed(Method::GET, "/api/v1/cases", Some(&token), None)
        .await;
    assert_eq!(api.status(), 200);

    let csrf = browser.csrf().await;
    let out = browser.post("/staff/logout", &[("csrf", &csrf)]).await;
    assert_eq!((out.status, out.location()), (303, "/staff/login"));
    assert!(
        out.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    // The old cookie is dead on the server, not only forgotten by the browser.
    let again = browser.get("/staff/cases").await;
    assert_eq!((again.status, again.location()), (303, "/staff/login"));
    let api = app
        .authed(Method::GET, "/api/v1/cases", Some(&token), None)
        .await;
    assert_eq!(api.status(), 401);
    // A reply written into a page of the ended session is refused, and comes back to be copied.
    let (_, case) = submit(&app, &report(json!({}))).await;
    let reply = "A long reply <written> while the session ran out & more.";
    let got = browser
        .post(
            &format!("/staff/cases/{case}/reply"),
            &[("csrf", &csrf), ("body", reply)],
        )
        .await;
    assert_eq!(got.status, 401);
    assert!(got.html.contains("Nothing was changed"));
    assert_eq!(got.by_id("kept-1"), reply);
}

async fn forms_from_elsewhere_change_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, case) = submit(&app, &report(json!({}))).await;
    let (browser, _) = signed_in(&app, Role::Caseworker).await;
    let (other, _) = signed_in(&app, Role::Caseworker).await;
    let path = format!("/staff/cases/{case}/reply");
    let csrf = browser.csrf().await;
    let others_csrf = other.csrf().await;
    assert_ne!(csrf, others_csrf, "each session has its own token");
    let messages = || {
        app.strings(&format!(
            "SELECT id AS v FROM report_messages WHERE report_id = '{case}'"
        ))
        .len()
    };

    let refusals: Vec<(&str, Fields, Fields)> = vec![
        ("no token", vec![("body", "hello")], vec![]),
        (
            "a wrong token",
            vec![("csrf", "x"), ("body", "hello")],
            vec![],
        ),
        (
            "another session's token",
            vec![("csrf", &others_csrf), ("body", "hello")],
            vec![],
        ),
        (
            "another site's page",
            vec![("csrf", &csrf), ("body", "hello")],
            vec![("origin", "https://evil.example")],
        ),
        (
            "a cross-site request",
            vec![("csrf", &csrf), ("body", "hello")],
            vec![("sec-fetch-site", "cross-site")],
        ),
        (
            "a same-site but other-origin page",
            vec![("csrf", &csrf), ("body", "hello")],
            vec![("sec-fetch-site", "same-site")],
        ),
    ];
    for (what, fields, headers) in &refusals {
        let got = browser.post_with(&path, fields, headers).await;
        assert_eq!(got.status, 403, "{what}: {}", got.html);
        assert!(got.html.contains("Nothing was changed"), "{what}");
    }
    assert_eq!(messages(), 0, "no refused form wrote anything");

    // Sign-in from another site is refused too (it would sign a victim into someone's account).
    let mut stranger = Browser::new(&app);
    let got = stranger
        .post_with(
            "/staff/login",
            &[("email", "x@lookout.test"), ("password", PASSWORD)],
            &[("origin", "https://evil.example")],
        )
        .await;
    assert_eq!(got.status, 403);
    let got = stranger.sign_in("x@lookout.test", PASSWORD, "").await;
    assert_eq!(
        got.status, 401,
        "the same form from this site is a sign-in attempt"
    );

    // The real form, from this site's own origin, works.
    let origin = app.address.clone();
    let got = browser
        .post_with(
            &path,
            &[("csrf", &csrf), ("body", "We have read your report.")],
            &[("origin", &origin), ("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!(
        (got.status, got.location()),
        (303, format!("/staff/cases/{case}?done=reply").as_str())
    );
    assert_eq!(messages(), 1);
}

async fn a_password_an_administrator_gave_must_be_changed_first(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.staff_token(Role::Admin).await;
    let created: Value = app
        .authed(
            Method::POST,
            "/api/v1/staff",
            Some(&admin),
            Some(&json!({"email": "new@lookout.test", "role": "caseworker"})),
        )
        .await
        .json()
        .await
        .unwrap();
    let initial = created["initial_password"].as_str().unwrap();
    let mut browser = Browser::new(&app);
    let got = browser.sign_in("new@lookout.test", initial, "").await;
    assert_eq!((got.status, got.location()), (303, "/staff/account"));
    for path in ["/staff/cases", "/staff", "/staff/audit"] {
        let got = browser.get(path).await;
        assert_eq!(
            (got.status, got.location()),
            (303, "/staff/account"),
            "{path}"
        );
    }
    let account = browser.get("/staff/account").await;
    assert!(account.html.contains("Choose your own password first"));
    assert!(!account.html.contains(">Cases</a>"), "no way round it");

    let new = "a new password of my own";
    let cases: [(&str, Fields, &str); 3] = [
        (
            "mismatch",
            vec![
                ("current_password", initial),
                ("new_password", new),
                ("repeat_password", "something else entirely"),
            ],
            "Repeat password must be the same as the new password.",
        ),
        (
            "short",
            vec![
                ("current_password", initial),
                ("new_password", "short"),
                ("repeat_password", "short"),
            ],
            "New password must be at least 12 characters.",
        ),
        (
            "wrong current",
            vec![
                ("current_password", "not it at all, sorry"),
                ("new_password", new),
                ("repeat_password", new),
            ],
            "Current password is not the current password.",
        ),
    ];
    for (what, fields, sentence) in cases {
        let got = browser.act("/staff/account/password", &fields).await;
        assert_eq!(got.status, 422, "{what}");
        assert!(got.html.contains(sentence), "{what}: {}", got.html);
    }
    let got = browser
        .act(
            "/staff/account/password",
            &[
                ("current_password", initial),
                ("new_password", new),
                ("repeat_password", new),
            ],
        )
        .await;
    assert_eq!(
        (got.status, got.location()),
        (303, "/staff/account?done=password")
    );
    let queue = browser.get("/staff/cases").await;
    assert_eq!(queue.status, 200, "the same session goes on");
    let mut again = Browser::new(&app);
    let got = again.sign_in("new@lookout.test", new, "").await;
    assert_eq!((got.status, got.location()), (303, "/staff/cases"));
}

async fn two_factor_codes_from_the_console(backend: Backend) {
    let app = spawn_app(backend).await;
    let (browser, email) = signed_in(&app, Role::Caseworker).await;
    let setup = browser.act("/staff/account/totp/setup", &[]).await;
    assert_eq!(setup.status, 200, "{}", setup.html);
    assert!(
        setup
            .html
            .contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
    );
    let uri = setup.by_id("otpauth-uri");
    assert!(uri.starts_with("otpauth://totp/Lookout:"), "{uri}");
    let totp = totp_rs::Totp::from_url(&uri).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();

    // A mistyped code shows the same secret again, so nothing needs scanning twice.
    let wrong = browser
        .act("/staff/account/totp/enable", &[("code", "000000x")])
        .await;
    assert_eq!(wrong.status, 422);
    assert_eq!(wrong.by_id("otpauth-uri"), uri);
    let on = browser
        .act(
            "/staff/account/totp/enable",
            // A code is used once, each later than the last: the enrolment takes the previous
            // step's code (still accepted), so sign-in and turning it off each have a later one
            // without waiting for the clock.
            &[("code", &totp.generate(now - 30).to_string())],
        )
        .await;
    assert_eq!(
        (on.status, on.location()),
        (303, "/staff/account?done=totp-on")
    );
    assert_eq!(
        browser.get("/staff/account").await.by_id("totp-status"),
        "On"
    );

    let mut later = Browser::new(&app);
    assert_eq!(later.sign_in(&email, PASSWORD, "").await.status, 401);
    let got = later
        .sign_in(&email, PASSWORD, &totp.generate(now).to_string())
        .await;
    assert_eq!(got.status, 303, "{}", got.html);

    // Off again: needs the password and a fresh code.
    let refused = later
        .act(
            "/staff/account/totp/disable",
            &[("password", "wrong password!!"), ("code", "123456")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .html
            .contains("Password is not the current password.")
    );
    assert_eq!(later.get("/staff/account").await.by_id("totp-status"), "On");
    let off = later
        .act(
            "/staff/account/totp/disable",
            &[
                ("password", PASSWORD),
                ("code", &totp.generate(now + 30).to_string()),
            ],
        )
        .await;
    assert_eq!(
        (off.status, off.location()),
        (303, "/staff/account?done=totp-off")
    );
    let mut plain = Browser::new(&app);
    assert_eq!(plain.sign_in(&email, PASSWORD, "").await.status, 303);
}

async fn visit(b: &Browser<'_>, is_get: bool, path: &str, csrf: &str) -> Got {
    if is_get {
        b.get(path).await
    } else {
        b.post(path, &[("csrf", csrf)]).await
    }
}

/// Every console page and form, and what each kind of visitor gets.
async fn the_console_role_matrix(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, case) = submit(&app, &report(json!({}))).await;
    let (expired, _) = signed_in(&app, Role::Admin).await;
    // Idle for longer than the idle timeout (the only session so far).
    let idle = app.settings.staff.idle_minutes * 60 + 1;
    let token = expired.cookie.clone().unwrap();
    app.execute(&format!(
        "UPDATE sessions SET last_seen_at = last_seen_at - {idle}"
    ));
    let (caseworker, _) = signed_in(&app, Role::Caseworker).await;
    let (admin, _) = signed_in(&app, Role::Admin).await;
    let none = Browser::new(&app);
    let other = uuid::Uuid::new_v4().to_string();
    let case_path = |tail: &str| format!("/staff/cases/{case}{tail}");

    const STAFF: u8 = 1;
    const ADMIN: u8 = 2;
    // (method, path, who may, fields) — a POST's fields are what its page would send.
    let pages: Vec<(Method, String, u8)> = vec![
        (Method::GET, "/staff".into(), STAFF),
        (Method::GET, "/staff/cases".into(), STAFF),
        (Method::GET, "/staff/cases?status=received".into(), STAFF),
        (Method::GET, case_path(""), STAFF),
        (Method::GET, case_path("/alert"), STAFF),
        (Method::GET, case_path("/forward"), STAFF),
        (Method::GET, "/staff/account".into(), STAFF),
        (Method::GET, "/staff/accounts".into(), ADMIN),
        (Method::GET, "/staff/spocs".into(), ADMIN),
        (Method::GET, "/staff/orgs".into(), ADMIN),
        (Method::GET, "/staff/audit".into(), ADMIN),
        (Method::POST, case_path("/reply"), STAFF),
        (Method::POST, case_path("/alert"), STAFF),
        (Method::POST, case_path("/forward"), STAFF),
        (Method::POST, case_path("/close"), STAFF),
        (Method::POST, "/staff/account/password".into(), STAFF),
        (Method::POST, "/staff/account/totp/setup".into(), STAFF),
        (Method::POST, "/staff/account/totp/enable".into(), STAFF),
        (Method::POST, "/staff/account/totp/disable".into(), STAFF),
        (Method::POST, "/staff/accounts".into(), ADMIN),
        (
            Method::POST,
            format!("/staff/accounts/{other}/password-reset"),
            ADMIN,
        ),
        (
            Method::POST,
            format!("/staff/accounts/{other}/totp-reset"),
            ADMIN,
        ),
        (
            Method::POST,
            format!("/staff/accounts/{other}/disable"),
            ADMIN,
        ),
        (Method::POST, "/staff/spocs".into(), ADMIN),
        (Method::POST, format!("/staff/spocs/{other}/retire"), ADMIN),
        (Method::POST, "/staff/orgs".into(), ADMIN),
        (Method::POST, format!("/staff/orgs/{other}/revoke"), ADMIN),
        (Method::POST, "/staff/logout".into(), STAFF),
    ];
    let cw_csrf = caseworker.csrf().await;
    let admin_csrf = admin.csrf().await;
    for (method, path, who) in &pages {
        let is_get = *method == Method::GET;
        // Nobody signed in, or a session that timed out: sent to sign in, or refused.
        for (what, b) in [("no session", &none), ("an idle session", &expired)] {
            let got = visit(b, is_get, path, "").await;
            if is_get {
                assert_eq!(
                    (got.status, got.location()),
                    (303, "/staff/login"),
                    "{what}: GET {path}"
                );
            } else {
                assert_eq!(got.status, 401, "{what}: POST {path}: {}", got.html);
                assert!(got.html.contains("Nothing was changed"), "POST {path}");
            }
        }
        if path == "/staff/logout" {
            continue;
        }
        // A caseworker: casework yes, administration no.
        let got = visit(&caseworker, is_get, path, &cw_csrf).await;
        if *who == ADMIN {
            assert_eq!(got.status, 403, "caseworker: {method} {path}: {}", got.html);
            assert!(got.html.contains("Not for your role"), "{path}");
        } else {
            // Refusals of the case itself (this one has no police consent) are not of the role.
            assert!(
                [200, 303, 403, 404, 409, 422].contains(&got.status),
                "caseworker: {method} {path}: {} {}",
                got.status,
                got.html
            );
            assert!(
                !got.html.contains("Not for your role"),
                "caseworker: {path}"
            );
        }
        // An administrator: everything (a form with no fields is refused for its fields, an
        // unknown id is not found, never a refusal of the role).
        let got = visit(&admin, is_get, path, &admin_csrf).await;
        assert!(
            [200, 303, 403, 404, 409, 422].contains(&got.status),
            "admin: {method} {path}: {} {}",
            got.status,
            got.html
        );
        assert!(!got.html.contains("Not for your role"), "admin: {path}");
    }
    // The idle session is gone from the database at the next sign-in, and stays refused.
    let api = app
        .authed(Method::GET, "/api/v1/cases", Some(&token), None)
        .await;
    assert_eq!(api.status(), 401);
}

async fn casework_in_the_console_is_the_apis_casework(backend: Backend) {
    let smtp = SmtpServer::start().await;
    let app = spawn_app_with(backend, smtp_settings(smtp.url())).await;
    let admin = app.staff_token(Role::Admin).await;
    let spoc: Value = app
        .authed(
            Method::POST,
            "/api/v1/spocs",
            Some(&admin),
            Some(&json!({"name": "DS Rees", "region": "south-wales", "email": "rees@police.example"})),
        )
        .await
        .json()
        .await
        .unwrap();
    let spoc_id = spoc["id"].as_str().unwrap();
    let statement = lookout::domain::consent::STATEMENT_VERSION;
    subscribe_all(
        &app,
        &smtp,
        &[(
            "sub@example.org".to_string(),
            json!({"regions": ["south-wales"]}),
        )],
    )
    .await;
    let (_, case) = submit(
        &app,
        &report(json!({
            "region": "south-wales",
            "description": "He would not pay and pushed me down the stairs.",
            "consent": {"police": "anonymous", "spoc_id": spoc_id, "statement_version": statement},
        })),
    )
    .await;
    let (browser, _) = signed_in(&app, Role::Caseworker).await;
    let token = app.staff_token(Role::Caseworker).await;

    let page = browser.get(&format!("/staff/cases/{case}")).await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.by_id("case-description"),
        "He would not pay and pushed me down the stairs."
    );
    assert_eq!(
        page.by_id("case-status"),
        "Reviewed",
        "opening it reviewed it"
    );

    // The forward page shows what the API's preview shows, and sends exactly that.
    let forward = browser.get(&format!("/staff/cases/{case}/forward")).await;
    assert_eq!(forward.status, 200, "{}", forward.html);
    let api: Value = app
        .authed(
            Method::POST,
            &format!("/api/v1/cases/{case}/forward/preview"),
            Some(&token),
            Some(&json!({})),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(forward.by_id("forward-text"), api["text"].as_str().unwrap());
    assert_eq!(
        forward.by_id("forward-subject"),
        api["subject"].as_str().unwrap()
    );
    assert_eq!(
        forward.by_id("forward-to"),
        "DS Rees (South Wales Police) <rees@police.example>"
    );
    let digest = forward.hidden("previewed");
    let sent = browser
        .act(
            &format!("/staff/cases/{case}/forward"),
            &[("step", "send"), ("previewed", &digest), ("remove", "")],
        )
        .await;
    assert_eq!(sent.status, 201, "{}", sent.html);
    let mail = drained_mail(&app, &smtp).await;
    let police: Vec<_> = mail
        .iter()
        .filter(|m| m.to[0] == "rees@police.example")
        .collect();
    assert_eq!(police.len(), 1);
    assert_eq!(
        police[0].text.replace("\r\n", "\n").trim_end(),
        api["text"].as_str().unwrap().trim_end()
    );
    // Twice is refused, with the reason, and nothing more is sent.
    let again = browser.get(&format!("/staff/cases/{case}/forward")).await;
    assert_eq!(again.status, 409);
    assert!(
        again
            .by_id("forward-refused")
            .contains("already been forwarded")
    );

    // The alert editor starts from the draft; its check says how many receive it.
    let editor = browser.get(&format!("/staff/cases/{case}/alert")).await;
    assert_eq!(editor.status, 200);
    let check = browser
        .act(
            &format!("/staff/cases/{case}/alert"),
            &[
                ("step", "check"),
                ("title", "Man refusing to pay, violent"),
                ("body", "Pushed a worker down the stairs."),
                ("category", "robbery"),
                ("regions", "south-wales"),
                ("identifiers.phone_numbers", "07700 900123"),
            ],
        )
        .await;
    assert_eq!(check.status, 200, "{}", check.html);
    assert!(check.by_id("recipients").contains("1 subscriber</strong>"));
    let published = browser
        .act(
            &format!("/staff/cases/{case}/alert"),
            &[
                ("step", "publish"),
                ("title", &check.hidden("title")),
                ("body", &check.hidden("body")),
                ("category", &check.hidden("category")),
                ("regions", "south-wales"),
                (
                    "identifiers.phone_numbers",
                    &check.hidden("identifiers.phone_numbers"),
                ),
            ],
        )
        .await;
    assert_eq!(published.status, 201, "{}", published.html);
    let mail = drained_mail(&app, &smtp).await;
    let alerts: Vec<_> = mail
        .iter()
        .filter(|m| m.to[0] == "sub@example.org" && m.subject.starts_with("Safety alert"))
        .collect();
    assert_eq!(alerts.len(), 1);
    assert!(alerts[0].text.contains("Pushed a worker down the stairs."));
}

/// The queue comes a page at a time, in the API and the console alike: every live case once, oldest
/// first, none repeated or skipped when a report arrives between pages; the console's tabs count
/// them all.
async fn the_queue_comes_a_page_at_a_time(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.staff_token(Role::Caseworker).await;
    let (_, first) = submit(&app, &report(json!({}))).await;
    // 104 more rows like it, planted (filing 104 reports through the API would only be slower):
    // one earlier day, so they come first, and a withdrawn one, which is never listed.
    // Each takes the next serial number, as the service's own insert does (PostgreSQL's column
    // numbers itself).
    let (serial, next_serial) = match backend {
        Backend::Sqlite => (", serial", ", (SELECT MAX(serial) + 1 FROM reports)"),
        Backend::Postgres => ("", ""),
    };
    let mut planted = Vec::new();
    for i in 0..105 {
        let id = uuid::Uuid::new_v4().to_string();
        let status = if i == 7 { "withdrawn" } else { "received" };
        app.execute(&format!(
            "INSERT INTO reports (id, receipt_hash, category, region, status, submitted_on, \
             consent_level, content{serial}) SELECT '{id}', 'planted-{i}', category, region, \
             '{status}', '2026-01-01', consent_level, content{next_serial} FROM reports \
             WHERE id = '{first}'"
        ));
        if status != "withdrawn" {
            planted.push(id);
        }
    }
    planted.sort();
    let mut expected = planted.clone();

    let page = |path: String| {
        let app = &app;
        let token = token.clone();
        async move {
            let res = app.authed(Method::GET, &path, Some(&token), None).await;
            assert_eq!(res.status(), 200, "{path}");
            let next = res
                .headers()
                .get(header::LINK)
                .map(|v| v.to_str().unwrap().to_string());
            let ids: Vec<String> = res
                .json::<Vec<Value>>()
                .await
                .unwrap()
                .iter()
                .map(|c| c["id"].as_str().unwrap().to_string())
                .collect();
            (ids, next)
        }
    };
    let mut seen = Vec::new();
    let mut path = "/api/v1/cases?status=received&limit=40".to_string();
    let mut pages = 0;
    loop {
        let (ids, next) = page(path.clone()).await;
        pages += 1;
        seen.extend(ids);
        if pages == 1 {
            // A report filed between pages comes once, with the other report of its day, in
            // id order (a day is all the queue knows of when a report came).
            let (_, later) = crate::checks::submit(&app, report(json!({}))).await;
            let mut today = vec![first.clone(), later];
            today.sort();
            expected.extend(today);
        }
        let Some(next) = next else { break };
        let (target, rel) = next.split_once("; ").unwrap();
        assert_eq!(rel, "rel=\"next\"");
        path = target.trim_matches(['<', '>']).to_string();
        assert!(
            path.starts_with("/api/v1/cases?status=received&limit=40&after="),
            "{path}"
        );
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, expected);
    // The default page is 200; a last page carries no Link.
    let (all, next) = page("/api/v1/cases".to_string()).await;
    assert_eq!((all.len(), next), (106, None));

    // A cursor stands alone: any well-formed one is a place in the order, case or no case.
    let (tail, next) = page(format!("/api/v1/cases?after=2026-01-01.{}", expected[103])).await;
    assert_eq!((tail, next), (expected[104..].to_vec(), None));
    for bad in [
        "limit=0",
        "limit=1001",
        "limit=ten",
        "after=00000000-0000-4000-8000-000000000000",
        "after=2026-01-01.00000000-0000-4000-8000-00000000000G",
    ] {
        let res = app
            .authed(
                Method::GET,
                &format!("/api/v1/cases?{bad}"),
                Some(&token),
                None,
            )
            .await;
        assert_problem(res, 400, "bad_request").await;
    }

    // The console: 100 a page, the tabs count every case, and "Next" goes on where it stopped.
    let (browser, _) = signed_in(&app, Role::Caseworker).await;
    let queue = browser.get("/staff/cases?status=received").await;
    assert_eq!(queue.status, 200);
    assert_eq!(queue.by_id("queue-heading"), "New: 106 (showing 100)");
    assert!(
        queue
            .html
            .contains("All <span class=\"count\">(106)</span>"),
        "{}",
        queue.html
    );
    assert_eq!(queue.html.matches("Open case<span").count(), 100);
    let marker = "href=\"/staff/cases?status=received&amp;after=";
    let at = queue.html.find(marker).expect("a link to the next page") + marker.len();
    let after = &queue.html[at..at + 47];
    assert_eq!(after, format!("2026-01-01.{}", expected[99]));
    let rest = browser
        .get(&format!("/staff/cases?status=received&after={after}"))
        .await;
    assert_eq!(rest.status, 200);
    assert_eq!(rest.by_id("queue-heading"), "New: 106 (showing 6)");
    assert_eq!(rest.html.matches("Open case<span").count(), 6);
    assert!(!rest.html.contains(marker));
    assert!(rest.html.contains("Oldest cases"));
}

both_backends!(
    signing_in_sets_a_host_only_cookie_and_signing_out_ends_the_session,
    forms_from_elsewhere_change_nothing,
    a_password_an_administrator_gave_must_be_changed_first,
    two_factor_codes_from_the_console,
    the_console_role_matrix,
    casework_in_the_console_is_the_apis_casework,
    the_queue_comes_a_page_at_a_time,
);
