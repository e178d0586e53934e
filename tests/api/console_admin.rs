//! The console's administration pages over plain HTTP, as a browser without script uses them:
//! staff accounts (create, reset, second factor off, disable), police contacts, outreach
//! organisations and the audit log. What is asserted is what a person sees: the page, its status,
//! where a form sends them, and whether a session still opens anything.
//!
//! [`console`] signs in through `/staff/login` and carries the session cookie by hand: the cookie
//! is `Secure` (`__Host-`), so a cookie jar would never send it back over the tests' plain http.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, report, spawn_app};
use lookout::services::staff::Role;

use console::{Page, Staff};

/// Signing in to the console and reading its pages, for tests that drive it with plain HTTP.
pub(crate) mod console {
    use std::time::Duration;

    use reqwest::header;

    use crate::helpers::TestApp;

    /// The console's session cookie.
    pub(crate) const COOKIE: &str = "__Host-lookout-staff";
    /// The password `TestApp::create_staff` gives every account.
    pub(crate) const PASSWORD: &str = "correct horse battery staple";

    /// A client that shows redirects instead of following them.
    pub(crate) fn client() -> reqwest::Client {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(Duration::from_secs(2))
            .build()
            .expect("the test client builds")
    }

    /// A console answer as a browser gets it.
    #[derive(Debug)]
    pub(crate) struct Page {
        pub(crate) status: u16,
        /// Where a redirect sends the browser.
        pub(crate) location: Option<String>,
        /// The `name=value` of a console cookie the answer sets, if it sets one.
        pub(crate) cookie: Option<String>,
        pub(crate) html: String,
    }

    impl Page {
        pub(crate) async fn from(res: reqwest::Response) -> Page {
            let header = |name: header::HeaderName| {
                res.headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(String::from)
            };
            let location = header(header::LOCATION);
            let cookie = res
                .headers()
                .get_all(header::SET_COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .filter_map(|v| v.split(';').next())
                .find(|pair| pair.starts_with(&format!("{COOKIE}=")))
                .map(String::from);
            Page {
                status: res.status().as_u16(),
                location,
                cookie,
                html: res.text().await.unwrap(),
            }
        }

        /// The page's text with HTML escaping undone.
        pub(crate) fn text(&self) -> String {
            unescape(&self.html)
        }

        /// Whether the page shows `text` (after undoing HTML escaping).
        pub(crate) fn shows(&self, text: &str) -> bool {
            self.text().contains(text)
        }

        /// Asserts a 303 to `to`.
        pub(crate) fn assert_redirect(&self, to: &str) {
            assert_eq!(
                (self.status, self.location.as_deref()),
                (303, Some(to)),
                "{}",
                self.html
            );
        }

        /// The value of the first input named `name`.
        pub(crate) fn input(&self, name: &str) -> String {
            let needle = format!("name=\"{name}\" value=\"");
            let at = self
                .html
                .find(&needle)
                .unwrap_or_else(|| panic!("no input {name} in\n{}", self.html))
                + needle.len();
            let end = at + self.html[at..].find('"').unwrap();
            unescape(&self.html[at..end])
        }

        /// The session's CSRF token, from any form of the page (the sign-out form has one).
        pub(crate) fn csrf(&self) -> String {
            self.input("csrf")
        }

        /// The value of the `<option>` selected in the `<select>` named `name`, if any.
        pub(crate) fn selected(&self, name: &str) -> Option<String> {
            let at = self.html.find(&format!("<select id=\"{name}\""))?;
            let end = at + self.html[at..].find("</select>")?;
            let select = &self.html[at..end];
            let option = select.find("\" selected>")?;
            let start = select[..option].rfind("value=\"")? + "value=\"".len();
            Some(unescape(&select[start..option]))
        }

        /// The text of the element with this id (tags taken out).
        pub(crate) fn element(&self, id: &str) -> Option<String> {
            let at = self.html.find(&format!("id=\"{id}\""))?;
            let open = at + self.html[at..].find('>')? + 1;
            let tag_start = self.html[..at].rfind('<')? + 1;
            let tag: String = self.html[tag_start..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let close = open + self.html[open..].find(&format!("</{tag}>"))?;
            Some(unescape(&strip_tags(&self.html[open..close])))
        }

        /// The password or key shown once (`id="shown-once"`).
        pub(crate) fn shown_once(&self) -> String {
            self.element("shown-once")
                .unwrap_or_else(|| panic!("nothing shown once in\n{}", self.html))
                .trim()
                .to_string()
        }

        /// The error summary's text, or "" when the page has none.
        pub(crate) fn error_summary(&self) -> String {
            match self.html.find("class=\"error-summary\"") {
                Some(at) => {
                    let end = at + self.html[at..].find("</div>").unwrap();
                    unescape(&strip_tags(&self.html[at..end]))
                }
                None => String::new(),
            }
        }

        /// The `action` of every form on the page, in order.
        pub(crate) fn form_actions(&self) -> Vec<String> {
            self.html
                .split("<form ")
                .skip(1)
                .filter_map(|form| {
                    let at = form.find("action=\"")? + "action=\"".len();
                    let end = at + form[at..].find('"')?;
                    Some(unescape(&form[at..end]))
                })
                .collect()
        }

        /// The table row (`<tr>…</tr>`) that mentions `text`, as text.
        pub(crate) fn row(&self, text: &str) -> Option<String> {
            self.html
                .split("<tr>")
                .skip(1)
                .map(|r| r.split("</tr>").next().unwrap_or(""))
                .find(|r| unescape(r).contains(text))
                .map(|r| unescape(&strip_tags(r)))
        }

        /// The raw HTML of the table row that mentions `text`.
        pub(crate) fn row_html(&self, text: &str) -> Option<String> {
            self.html
                .split("<tr>")
                .skip(1)
                .map(|r| r.split("</tr>").next().unwrap_or(""))
                .find(|r| unescape(r).contains(text))
                .map(String::from)
        }
    }

    /// What HTML escaping did, undone.
    pub(crate) fn unescape(s: &str) -> String {
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

    /// Text without its tags, whitespace runs made one space.
    pub(crate) fn strip_tags(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => {
                    in_tag = true;
                    out.push(' ');
                }
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn encode(fields: &[(&str, &str)]) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in fields {
            s.append_pair(k, v);
        }
        s.finish()
    }

    /// A GET as a browser sends it, with the session cookie when there is one.
    pub(crate) async fn get(app: &TestApp, cookie: Option<&str>, path: &str) -> Page {
        let mut req = client().get(app.url(path));
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        Page::from(req.send().await.unwrap()).await
    }

    /// A form POST as a browser sends it, with the session cookie when there is one.
    pub(crate) async fn post(
        app: &TestApp,
        cookie: Option<&str>,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Page {
        let mut req = client()
            .post(app.url(path))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(encode(fields));
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        Page::from(req.send().await.unwrap()).await
    }

    /// A signed-in console session.
    pub(crate) struct Staff {
        /// `__Host-lookout-staff=…`, as sent back in a `Cookie:` header.
        pub(crate) cookie: String,
        /// The session's CSRF token, read from a page's hidden field.
        pub(crate) csrf: String,
        /// Where signing in sent the browser.
        pub(crate) landed: String,
        address: String,
        client: reqwest::Client,
    }

    /// The sign-in form's answer (a 303 with a cookie, or the page that refuses).
    pub(crate) async fn try_sign_in(
        app: &TestApp,
        email: &str,
        password: &str,
        totp: Option<&str>,
    ) -> Page {
        let fields = [
            ("email", email),
            ("password", password),
            ("totp", totp.unwrap_or("")),
        ];
        post(app, None, "/staff/login", &fields).await
    }

    /// Signs in through the sign-in form; panics if it is refused.
    pub(crate) async fn sign_in(app: &TestApp, email: &str, password: &str) -> Staff {
        sign_in_with(app, email, password, None).await
    }

    pub(crate) async fn sign_in_with(
        app: &TestApp,
        email: &str,
        password: &str,
        totp: Option<&str>,
    ) -> Staff {
        let res = try_sign_in(app, email, password, totp).await;
        assert_eq!(res.status, 303, "signing in as {email}: {}", res.html);
        let cookie = res.cookie.expect("signing in sets the session cookie");
        let landed = res.location.expect("signing in redirects");
        let page = get(app, Some(&cookie), &landed).await;
        assert_eq!(page.status, 200, "{landed}: {}", page.html);
        Staff {
            csrf: page.csrf(),
            cookie,
            landed,
            address: app.address.clone(),
            client: client(),
        }
    }

    /// A new account of this role, signed in (its password needs no change).
    pub(crate) async fn staff(
        app: &TestApp,
        email: &str,
        role: lookout::services::staff::Role,
    ) -> Staff {
        let password = app.create_staff(email, role);
        sign_in(app, email, &password).await
    }

    impl Staff {
        pub(crate) async fn get(&self, path: &str) -> Page {
            let res = self
                .client
                .get(format!("{}{path}", self.address))
                .header(header::COOKIE, &self.cookie)
                .send()
                .await
                .unwrap();
            Page::from(res).await
        }

        /// Posts a form with the session's CSRF token added, as the page's form would.
        pub(crate) async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
            let mut all = vec![("csrf", self.csrf.as_str())];
            all.extend_from_slice(fields);
            self.post_exactly(path, &all).await
        }

        /// Posts exactly these fields (no CSRF token unless given).
        pub(crate) async fn post_exactly(&self, path: &str, fields: &[(&str, &str)]) -> Page {
            let res = self
                .client
                .post(format!("{}{path}", self.address))
                .header(header::COOKIE, &self.cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(encode(fields))
                .send()
                .await
                .unwrap();
            Page::from(res).await
        }
    }
}

/// The `action` of the page's form that ends with `suffix` and is in the row mentioning `row`.
fn row_action(page: &Page, row: &str, suffix: &str) -> Option<String> {
    let html = page.row_html(row)?;
    html.split("action=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or("").to_string())
        .find(|action| action.ends_with(suffix))
}

/// Asserts a confirmation page: 200, it says `says`, and its one form posts to `action` with
/// `confirm=yes` and the session's CSRF token.
fn assert_asks(page: &Page, staff: &Staff, action: &str, says: &[&str]) {
    assert_eq!(page.status, 200, "{}", page.html);
    for s in says {
        assert!(page.shows(s), "the confirmation says {s:?}:\n{}", page.html);
    }
    let confirm = page
        .html
        .find(&format!("action=\"{action}\""))
        .map(|at| &page.html[at..at + page.html[at..].find("</form>").unwrap()])
        .unwrap_or_else(|| panic!("no form to {action} in\n{}", page.html));
    assert!(
        confirm.contains("name=\"confirm\" value=\"yes\""),
        "{confirm}"
    );
    assert!(
        confirm.contains(&format!("name=\"csrf\" value=\"{}\"", staff.csrf)),
        "{confirm}"
    );
}

async fn an_admin_creates_a_caseworker_who_sees_the_password_once_and_must_change_it(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let admin = console::staff(&app, "admin@lookout.test", Role::Admin).await;
    assert_eq!(admin.landed, "/staff/cases");

    let page = admin.get("/staff/accounts").await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains("aria-current=\"page\">Staff</a>"));
    let me = page.row("admin@lookout.test").expect("my own row");
    assert!(
        me.contains("Administrator") && me.contains("Active"),
        "{me}"
    );
    // No "Disable" on one's own row.
    assert_eq!(
        row_action(&page, "admin@lookout.test", "/disable"),
        None,
        "{me}"
    );
    assert!(page.form_actions().contains(&"/staff/accounts".to_string()));

    // A bad email: the page again, the typed values kept, the reason in the summary.
    let bad = admin
        .post(
            "/staff/accounts",
            &[("email", "not an email"), ("role", "admin")],
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.html);
    assert!(
        bad.error_summary()
            .contains("Email must be an email address"),
        "{}",
        bad.error_summary()
    );
    assert_eq!(bad.input("email"), "not an email");
    assert_eq!(bad.selected("new-role").as_deref(), Some("admin"));
    assert_eq!(app.count("staff"), 1);

    // Created: the password is on this page only.
    let created = admin
        .post(
            "/staff/accounts",
            &[("email", "worker@lookout.test"), ("role", "caseworker")],
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.html);
    let password = created.shown_once();
    assert!(password.len() >= 20, "{password}");
    assert!(created.shows("worker@lookout.test"));
    assert!(created.shows("must change it at first sign-in"));
    let listed = admin.get("/staff/accounts").await;
    assert!(!listed.html.contains(&password), "shown once only");
    let row = listed.row("worker@lookout.test").expect("the new row");
    assert!(
        row.contains("Caseworker") && row.contains("Active") && row.contains("Yes"),
        "{row}"
    );
    assert!(!app.everything_stored().contains(&password));

    // The same email again: refused, kept.
    let taken = admin
        .post(
            "/staff/accounts",
            &[("email", "Worker@lookout.test "), ("role", "caseworker")],
        )
        .await;
    assert_eq!(taken.status, 409, "{}", taken.html);
    assert!(
        taken.error_summary().contains("already exists"),
        "{}",
        taken.error_summary()
    );
    assert_eq!(taken.input("email"), "Worker@lookout.test");
    assert_eq!(app.count("staff"), 2);

    // Without the session's token, nothing is created.
    let forged = admin
        .post_exactly(
            "/staff/accounts",
            &[("email", "forged@lookout.test"), ("role", "admin")],
        )
        .await;
    assert_eq!(forged.status, 403);
    assert_eq!(app.count("staff"), 2);

    // The caseworker signs in with it and must change it before anything else.
    let worker = console::sign_in(&app, "worker@lookout.test", &password).await;
    assert_eq!(worker.landed, "/staff/account");
    worker
        .get("/staff/cases")
        .await
        .assert_redirect("/staff/account");
    let changed = worker
        .post(
            "/staff/account/password",
            &[
                ("current_password", password.as_str()),
                ("new_password", "my own long password"),
                ("repeat_password", "my own long password"),
            ],
        )
        .await;
    changed.assert_redirect("/staff/account?done=password");
    assert_eq!(worker.get("/staff/cases").await.status, 200);
    let row = admin
        .get("/staff/accounts")
        .await
        .row("worker@lookout.test")
        .unwrap();
    assert!(row.contains("No"), "{row}");
}

async fn a_password_reset_shows_a_new_one_and_ends_the_old_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = console::staff(&app, "admin@lookout.test", Role::Admin).await;
    let worker = console::staff(&app, "worker@lookout.test", Role::Caseworker).await;
    assert_eq!(worker.get("/staff/cases").await.status, 200);

    let page = admin.get("/staff/accounts").await;
    let action = row_action(&page, "worker@lookout.test", "/password-reset").unwrap();
    let reset = admin.post(&action, &[]).await;
    assert_eq!(reset.status, 200, "{}", reset.html);
    let new = reset.shown_once();
    assert_ne!(new, console::PASSWORD);
    assert!(reset.shows("worker@lookout.test"));

    // The old session is over; the old password no longer opens; the new one must be changed.
    worker
        .get("/staff/cases")
        .await
        .assert_redirect("/staff/login");
    let old = console::try_sign_in(&app, "worker@lookout.test", console::PASSWORD, None).await;
    assert_eq!(old.status, 401);
    let again = console::sign_in(&app, "worker@lookout.test", &new).await;
    assert_eq!(again.landed, "/staff/account");

    // Not one's own account, and not an id that is not one.
    let own = admin.get("/staff/accounts").await;
    assert_eq!(
        row_action(&own, "admin@lookout.test", "/password-reset"),
        None
    );
    let missing = admin
        .post("/staff/accounts/not-a-uuid/password-reset", &[])
        .await;
    assert_eq!(missing.status, 404);
    let unknown = format!("/staff/accounts/{}/password-reset", uuid::Uuid::new_v4());
    assert_eq!(admin.post(&unknown, &[]).await.status, 404);
}

async fn disabling_asks_first_then_ends_the_accounts_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = console::staff(&app, "admin@lookout.test", Role::Admin).await;
    let worker = console::staff(&app, "worker@lookout.test", Role::Caseworker).await;

    let page = admin.get("/staff/accounts").await;
    let action = row_action(&page, "worker@lookout.test", "/disable").unwrap();
    // The button is named with its row.
    let row = page.row_html("worker@lookout.test").unwrap();
    assert!(
        row.contains("Disable<span class=\"visually-hidden\"> worker@lookout.test</span>"),
        "{row}"
    );

    // First the question, which changes nothing.
    let asked = admin.post(&action, &[]).await;
    assert_asks(
        &asked,
        &admin,
        &action,
        &["Disable worker@lookout.test?", "ends at once"],
    );
    assert_eq!(worker.get("/staff/cases").await.status, 200);

    // Confirmed: done, said, and the worker's next page is the sign-in page.
    admin
        .post(&action, &[("confirm", "yes")])
        .await
        .assert_redirect("/staff/accounts?done=disabled");
    let after = admin.get("/staff/accounts?done=disabled").await;
    assert!(after.shows("The account is disabled. Its sessions have ended."));
    let row = after.row("worker@lookout.test").unwrap();
    assert!(row.contains("Disabled"), "{row}");
    assert_eq!(row_action(&after, "worker@lookout.test", "/disable"), None);
    worker
        .get("/staff/cases")
        .await
        .assert_redirect("/staff/login");
    let refused = console::try_sign_in(&app, "worker@lookout.test", console::PASSWORD, None).await;
    assert_eq!(refused.status, 401);

    // Only fixed sentences come from `done`.
    let odd = admin
        .get("/staff/accounts?done=%3Cb%3Ezebra-crossing")
        .await;
    assert_eq!(odd.status, 200);
    assert!(!odd.html.contains("zebra-crossing"));
    assert!(!odd.html.contains("class=\"success\""));
}

async fn turning_another_accounts_second_factor_off_asks_first(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = console::staff(&app, "admin@lookout.test", Role::Admin).await;
    let password = app.create_staff("worker@lookout.test", Role::Caseworker);

    // The worker turns codes on (through the API) and signs in to the console with one.
    let token = app.login("worker@lookout.test", &password).await;
    let setup: Value = app
        .authed(Method::POST, "/api/v1/auth/totp/setup", Some(&token), None)
        .await
        .json()
        .await
        .unwrap();
    let totp = totp_rs::Totp::from_url(setup["otpauth_uri"].as_str().unwrap()).unwrap();
    let now = chrono::Utc::now().timestamp() as u64;
    let code = json!({"code": totp.generate(now - 30).to_string()});
    let res = app
        .authed(
            Method::POST,
            "/api/v1/auth/totp/enable",
            Some(&token),
            Some(&code),
        )
        .await;
    assert_eq!(res.status(), 200);
    let code = totp.generate(now).to_string();
    let worker = console::sign_in_with(&app, "worker@lookout.test", &password, Some(&code)).await;

    let page = admin.get("/staff/accounts").await;
    let row = page.row("worker@lookout.test").unwrap();
    assert!(row.contains("On"), "{row}");
    assert_eq!(row_action(&page, "admin@lookout.test", "/totp-reset"), None);
    let action = row_action(&page, "worker@lookout.test", "/totp-reset").unwrap();

    let asked = admin.post(&action, &[]).await;
    assert_asks(
        &asked,
        &admin,
        &action,
        &[
            "Turn two-factor codes off for worker@lookout.test?",
            "ends at once",
        ],
    );
    assert_eq!(worker.get("/staff/cases").await.status, 200);

    admin
        .post(&action, &[("confirm", "yes")])
        .await
        .assert_redirect("/staff/accounts?done=totp-reset");
    let after = admin.get("/staff/accounts?done=totp-reset").await;
    assert!(after.shows("Two-factor codes are off for that account"));
    assert!(after.row("worker@lookout.test").unwrap().contains("Off"));
    assert_eq!(
        row_action(&after, "worker@lookout.test", "/totp-reset"),
        None
    );
    worker
        .get("/staff/cases")
        .await
        .assert_redirect("/staff/login");
    // The password alone opens it again.
    console::sign_in(&app, "worker@lookout.test", &password).await;
}

async fn police_contacts_are_added_refused_for_immigration_and_retired(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = console::staff(&app, "admin@lookout.test", Role::Admin).await;

    let page = admin.get("/staff/spocs").await;
    assert_eq!(page.status, 200);
    assert!(
        page.html
            .contains("aria-current=\"page\">Police contacts</a>")
    );
    assert!(page.shows("No police contacts yet."));
    assert!(
        page.shows("South Wales Police"),
        "the regions to choose from"
    );

    // Immigration enforcement: refused, with what was typed and why.
    let typed = [
        ("name", "DS Immigration Liaison"),
        ("region", "south-wales"),
        ("email", "liaison@homeoffice.gov.uk"),
    ];
    let refused = admin.post("/staff/spocs", &typed).await;
    assert_eq!(refused.status, 422, "{}", refused.html);
    assert!(
        refused.error_summary().contains("immigration enforcement"),
        "{}",
        refused.error_summary()
    );
    assert_eq!(refused.input("name"), "DS Immigration Liaison");
    assert_eq!(refused.input("email"), "liaison@homeoffice.gov.uk");
    assert_eq!(
        refused.selected("spoc-region").as_deref(),
        Some("south-wales")
    );
    assert_eq!(app.count("spocs"), 0);

    // Added.
    let typed = [
        ("name", "DS Jane Morgan"),
        ("region", "south-wales"),
        ("email", "jane.morgan@police.example.org"),
    ];
    admin
        .post("/staff/spocs", &typed)
        .await
        .assert_redirect("/staff/spocs?done=added");
    let page = admin.get("/staff/spocs?done=added").await;
    assert!(page.shows("The police contact is added."));
    let row = page.row("DS Jane Morgan").unwrap();
    for text in [
        "South Wales Police",
        "jane.morgan@police.example.org",
        "Active",
    ] {
        assert!(row.contains(text), "{text} in {row}");
    }
    let meta: Value = app.get("/api/v1/meta").await.json().await.unwrap();
    assert!(meta.to_string().contains("DS Jane Morgan"), "{meta}");

    // Retired, after the question.
    let action = row_action(&page, "DS Jane Morgan", "/retire").unwrap();
    let asked = admin.post(&action, &[]).await;
    assert_asks(
        &asked,
        &admin,
        &action,
        &[
            "Retire DS Jane Morgan (South Wales Police)?",
            "consent never moves",
        ],
    );
    assert!(
        admin
            .get("/staff/spocs")
            .await
            .row("DS Jane Morgan")
            .unwrap()
            .contains("Active")
    );
    admin
        .post(&action, &[("confirm", "yes")])
        .await
        .assert_redirect("/staff/spocs?done=retired");
    let page = admin.get("/staff/spocs?done=retired").await;
    assert!(page.shows("The police contact is retired."));
    assert!(page.row("DS Jane Morgan").unwrap().contains("Retired"));
    assert_eq!(row_action(&page, "DS Jane Morgan", "/retire"), None);
    let meta: Value = app.get("/api/v1/meta").await.json().await.unwrap();
    assert!(!meta.to_string().contains("DS Jane Morgan"), "{meta}");
    // Retiring twice finds nothing to retire.
    assert_eq!(admin.post(&action, &[("confirm", "yes")]).await.status, 404);
    assert_eq!(admin.post("/staff/spocs/x/retire", &[]).await.status, 404);
}

async fn an_organisation_key_is_shown_once_and_works_until_revoked(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = console::staff(&app, "admin@lookout.test", Role::Admin).await;
    let page = admin.get("/staff/orgs").await;
    assert_eq!(page.status, 200);
    assert!(
        page.html
            .contains("aria-current=\"page\">Organisations</a>")
    );

    // A missing email: the page again with the name kept.
    let bad = admin
        .post(
            "/staff/orgs",
            &[("name", "Cardiff Outreach"), ("email", "")],
        )
        .await;
    assert_eq!(bad.status, 422, "{}", bad.html);
    assert!(
        bad.error_summary()
            .contains("Email must be an email address")
    );
    assert_eq!(bad.input("name"), "Cardiff Outreach");

    let created = admin
        .post(
            "/staff/orgs",
            &[
                ("name", "Cardiff Outreach"),
                ("email", "caseworkers@outreach.example.org"),
            ],
        )
        .await;
    assert_eq!(created.status, 201, "{}", created.html);
    let key = created.shown_once();
    assert!(created.shows("Cardiff Outreach"));
    let page = admin.get("/staff/orgs").await;
    assert!(!page.html.contains(&key), "shown once only");
    let row = page.row("Cardiff Outreach").unwrap();
    assert!(
        row.contains("caseworkers@outreach.example.org") && row.contains("Active"),
        "{row}"
    );

    let relay = |key: String| {
        let mut body = report(json!({}));
        body["relay"] = json!({"worker_consented": true});
        app.client
            .post(app.url("/api/v1/relay/reports"))
            .bearer_auth(key)
            .json(&body)
            .send()
    };
    assert_eq!(relay(key.clone()).await.unwrap().status(), 201);

    let action = row_action(&page, "Cardiff Outreach", "/revoke").unwrap();
    let asked = admin.post(&action, &[]).await;
    assert_asks(
        &asked,
        &admin,
        &action,
        &[
            "Revoke the key of Cardiff Outreach?",
            "stops working at once",
        ],
    );
    assert_eq!(
        relay(key.clone()).await.unwrap().status(),
        201,
        "asking changes nothing"
    );
    admin
        .post(&action, &[("confirm", "yes")])
        .await
        .assert_redirect("/staff/orgs?done=revoked");
    let page = admin.get("/staff/orgs?done=revoked").await;
    assert!(page.shows("The organisation's key is revoked"));
    assert!(page.row("Cardiff Outreach").unwrap().contains("Revoked"));
    assert_eq!(row_action(&page, "Cardiff Outreach", "/revoke"), None);
    assert_eq!(relay(key).await.unwrap().status(), 401);
}

async fn the_audit_page_checks_the_chain_and_pages_through_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = console::staff(&app, "admin@lookout.test", Role::Admin).await;

    let page = admin.get("/staff/audit").await;
    assert_eq!(page.status, 200);
    assert!(page.html.contains("aria-current=\"page\">Audit log</a>"));
    let verdict = page.element("audit-verification").unwrap();
    assert!(
        verdict.contains("The log checks out: 2 entries"),
        "{verdict}"
    );
    assert!(page.row("staff.create.admin").is_some(), "{}", page.html);
    assert!(page.row("staff.login").is_some());
    assert!(!page.html.contains("Next 100"));

    // More than a page: 105 police contacts through the API, one entry each.
    let token = app.login("admin@lookout.test", console::PASSWORD).await;
    for i in 0..105 {
        let body = json!({
            "name": format!("Contact {i}"),
            "region": "south-wales",
            "email": format!("contact{i}@police.example.org"),
        });
        let res = app
            .authed(Method::POST, "/api/v1/spocs", Some(&token), Some(&body))
            .await;
        assert_eq!(res.status(), 201);
    }
    let total = app.count("audit_log");
    assert!(total > 105, "{total}");
    let first = admin.get("/staff/audit").await;
    assert!(first.shows(&format!("The log checks out: {total} entries")));
    assert_eq!(first.html.matches("<th scope=\"row\">").count(), 100);
    assert!(
        first
            .html
            .contains("<a href=\"/staff/audit?after=100\">Next 100</a>")
    );
    assert!(!first.html.contains("From the start"));
    let second = admin.get("/staff/audit?after=100").await;
    assert_eq!(second.status, 200);
    assert_eq!(
        second.html.matches("<th scope=\"row\">").count() as i64,
        total - 100
    );
    assert!(second.html.contains("<th scope=\"row\">101</th>"));
    assert!(!second.html.contains("<th scope=\"row\">100</th>"));
    assert!(
        second
            .html
            .contains("<a href=\"/staff/audit\">From the start</a>")
    );
    assert!(!second.html.contains("Next 100"));
    // Anything but a whole number from 0 is the start.
    for odd in ["abc", "-5", "1.5", "99999999999999999999999"] {
        let p = admin.get(&format!("/staff/audit?after={odd}")).await;
        assert_eq!(p.status, 200, "{odd}");
        assert!(p.html.contains("<th scope=\"row\">1</th>"), "{odd}");
    }

    // An entry changed behind Lookout's back is named.
    app.execute("UPDATE audit_log SET action = 'case.nothing' WHERE seq = 3");
    let broken = admin.get("/staff/audit").await;
    assert_eq!(broken.status, 200);
    let verdict = broken.element("audit-verification").unwrap();
    assert!(
        verdict.contains("does not check out from entry 3"),
        "{verdict}"
    );
    assert!(!broken.shows("The log checks out"));
}

async fn a_caseworker_gets_403_on_every_admin_page(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_staff("admin@lookout.test", Role::Admin);
    let worker = console::staff(&app, "worker@lookout.test", Role::Caseworker).await;
    let admin_id = app.strings("SELECT id AS v FROM staff WHERE role = 'admin'")[0].clone();
    let spoc = app.insert_spoc("DS Jane Morgan", "south-wales");

    let page = worker.get("/staff/cases").await;
    assert!(
        !page.html.contains("/staff/accounts"),
        "no admin navigation"
    );
    for path in [
        "/staff/accounts",
        "/staff/spocs",
        "/staff/orgs",
        "/staff/audit",
    ] {
        let p = worker.get(path).await;
        assert_eq!(p.status, 403, "{path}");
        assert!(p.shows("Not for your role"), "{path}");
    }
    let staff_before = app.count("staff");
    let posts: Vec<(String, Vec<(&str, &str)>)> = vec![
        (
            "/staff/accounts".into(),
            vec![("email", "new@lookout.test"), ("role", "admin")],
        ),
        (format!("/staff/accounts/{admin_id}/password-reset"), vec![]),
        (format!("/staff/accounts/{admin_id}/totp-reset"), vec![]),
        (format!("/staff/accounts/{admin_id}/disable"), vec![]),
        (
            format!("/staff/accounts/{admin_id}/disable"),
            vec![("confirm", "yes")],
        ),
        (
            "/staff/spocs".into(),
            vec![
                ("name", "DS X"),
                ("region", "south-wales"),
                ("email", "x@police.example.org"),
            ],
        ),
        (
            format!("/staff/spocs/{spoc}/retire"),
            vec![("confirm", "yes")],
        ),
        (
            "/staff/orgs".into(),
            vec![("name", "Org"), ("email", "org@example.org")],
        ),
    ];
    for (path, fields) in &posts {
        let p = worker.post(path, fields).await;
        assert_eq!(p.status, 403, "{path}: {}", p.html);
    }
    assert_eq!(app.count("staff"), staff_before);
    assert_eq!(app.count("spocs"), 1);
    assert_eq!(app.count("orgs"), 0);
    // The admin is untouched: still signs in with the same password.
    console::sign_in(&app, "admin@lookout.test", console::PASSWORD).await;
    // Signed out, the pages send the browser to sign in.
    for path in [
        "/staff/accounts",
        "/staff/spocs",
        "/staff/orgs",
        "/staff/audit",
    ] {
        console::get(&app, None, path)
            .await
            .assert_redirect("/staff/login");
    }
}

both_backends!(
    an_admin_creates_a_caseworker_who_sees_the_password_once_and_must_change_it,
    a_password_reset_shows_a_new_one_and_ends_the_old_sessions,
    disabling_asks_first_then_ends_the_accounts_sessions,
    turning_another_accounts_second_factor_off_asks_first,
    police_contacts_are_added_refused_for_immigration_and_retired,
    an_organisation_key_is_shown_once_and_works_until_revoked,
    the_audit_page_checks_the_chain_and_pages_through_it,
    a_caseworker_gets_403_on_every_admin_page,
);
