//! What every console page shares: the header (navigation by role, sign-out form with the CSRF
//! token), the page headers, and how the core's errors become console pages.
//!
//! The console is in English (the staff of a UK outreach project); the core's own sentences
//! (`Error::detail`) are shown as they are, since they are written for the people acting.

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use askama::Template;

use crate::domain::{Error, ErrorKind, FieldError, Role};
use crate::web::page::CSP;

use crate::domain::StaffMember;
use crate::secret::SensitiveString;

/// A signed-in staff member on a console page (made by `session`, which checked the cookie).
pub struct Console {
    pub member: StaffMember,
    token: SensitiveString,
    /// This session's CSRF token, for the forms on the page.
    pub csrf: String,
}

impl Console {
    pub fn new(member: StaffMember, token: SensitiveString, csrf: String) -> Self {
        Self {
            member,
            token,
            csrf,
        }
    }

    /// The session token (to end this session, or keep it when the password changes).
    pub fn token(&self) -> &str {
        self.token.expose()
    }
}

/// The header of a signed-in page.
pub struct Chrome {
    pub role: &'static str,
    pub csrf: String,
    pub path: &'static str,
    pub must_change: bool,
    is_admin: bool,
}

impl Chrome {
    pub fn new(console: &Console, path: &'static str) -> Self {
        Self {
            role: console.member.role.as_str(),
            csrf: console.csrf.clone(),
            path,
            must_change: console.member.must_change_password,
            is_admin: console.member.role == Role::Admin,
        }
    }

    pub fn admin(&self) -> bool {
        self.is_admin
    }

    /// Whether the navigation entry `path` is this page's section.
    pub fn is(&self, path: &str) -> bool {
        self.path == path
    }
}

/// Sends a console page with the same headers as every page (the strict CSP, no caching), except
/// the referrer policy: `same-origin` instead of `no-referrer`, because under `no-referrer` a
/// browser sends `Origin: null` with the console's own forms, and the origin is one of the checks
/// a form passes. Referrers still never leave this site.
pub fn send(status: StatusCode, template: &impl Template) -> HttpResponse {
    match template.render() {
        Ok(html) => HttpResponse::build(status)
            .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
            .insert_header((header::CONTENT_SECURITY_POLICY, CSP))
            .insert_header((header::REFERRER_POLICY, "same-origin"))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .insert_header((header::CONTENT_LANGUAGE, "en"))
            .body(html),
        Err(e) => {
            tracing::error!(error = %e, "a console page failed to render");
            HttpResponse::InternalServerError()
                .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .body("Something went wrong on our side.")
        }
    }
}

pub fn ok(template: &impl Template) -> HttpResponse {
    send(StatusCode::OK, template)
}

/// A page that says something: an outcome, an error, or a secret shown once.
#[derive(Template)]
#[template(path = "staff/message.html")]
pub struct Message {
    pub chrome: Option<Chrome>,
    pub title: String,
    pub paragraphs: Vec<String>,
    /// A password or key shown once.
    pub secret: Option<String>,
    /// What the person had written, given back after a refusal (label, text).
    pub kept: Vec<(String, String)>,
    pub next: Option<(String, String)>,
}

impl Message {
    pub fn new(chrome: Option<Chrome>, title: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            chrome,
            title: title.into(),
            paragraphs: vec![text.into()],
            secret: None,
            kept: Vec::new(),
            next: None,
        }
    }

    pub fn kept(mut self, kept: Vec<(String, String)>) -> Self {
        self.kept = kept;
        self
    }

    pub fn next(mut self, href: impl Into<String>, words: impl Into<String>) -> Self {
        self.next = Some((href.into(), words.into()));
        self
    }

    pub fn secret(mut self, secret: impl Into<String>) -> Self {
        self.secret = Some(secret.into());
        self
    }
}

/// A refusal before any session is known (no navigation).
pub fn refusal(status: StatusCode, title: &str, text: &str) -> HttpResponse {
    let page = Message::new(None, title, text).next("/staff/login", "Sign in");
    send(status, &page)
}

/// The status, title and sentence a core error shows as. Field errors are shown by the form they
/// belong to, never here.
pub fn describe(err: &Error) -> (StatusCode, &'static str, String) {
    let said = |default: &str| err.detail().unwrap_or(default).to_string();
    match err.kind() {
        ErrorKind::Unauthorized => (
            StatusCode::UNAUTHORIZED,
            "Your session has ended",
            "Sign in again.".into(),
        ),
        ErrorKind::LoginFailed => (
            StatusCode::UNAUTHORIZED,
            "Not signed in",
            "The email, password or code is not right.".into(),
        ),
        ErrorKind::Forbidden => (
            StatusCode::FORBIDDEN,
            "Not for your role",
            said("Only an administrator can do this."),
        ),
        ErrorKind::PasswordChangeRequired => (
            StatusCode::FORBIDDEN,
            "Change your password first",
            "This account still has the password an administrator gave it.".into(),
        ),
        ErrorKind::ConsentRequired => (
            StatusCode::FORBIDDEN,
            "The reporter has not consented",
            said("The reporter has not consented to police seeing this report."),
        ),
        ErrorKind::ConsentSpocChanged => (
            StatusCode::FORBIDDEN,
            "The police contact has changed",
            said(
                "The police contact the reporter chose is no longer active. Consent never moves \
                 to a successor: the reporter must choose again.",
            ),
        ),
        ErrorKind::NotFound | ErrorKind::ReceiptUnknown => (
            StatusCode::NOT_FOUND,
            "Not found",
            said("There is nothing at this address."),
        ),
        ErrorKind::Conflict => (
            StatusCode::CONFLICT,
            "Not done",
            said("This conflicts with the current state."),
        ),
        ErrorKind::AlertNotAllowed => (
            StatusCode::CONFLICT,
            "No alert from this report",
            said("The reporter asked for no alert to be made from this report."),
        ),
        ErrorKind::AlreadyForwarded => (
            StatusCode::CONFLICT,
            "Already forwarded",
            said("This report has already been forwarded; it is never sent twice."),
        ),
        ErrorKind::ValidationFailed | ErrorKind::FirewallField | ErrorKind::SealedInvalid => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "Some fields are not valid",
            said("Some fields are not valid."),
        ),
        ErrorKind::FirewallRecipient => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "Refused recipient",
            said("This address belongs to immigration enforcement and can never receive a report."),
        ),
        ErrorKind::RateLimited => (
            StatusCode::TOO_MANY_REQUESTS,
            "Too many requests",
            "Wait a little and try again.".into(),
        ),
        ErrorKind::Unavailable | ErrorKind::MailUnavailable => (
            StatusCode::SERVICE_UNAVAILABLE,
            "Not available right now",
            said("The service is temporarily unavailable. Nothing was sent; try again shortly."),
        ),
        ErrorKind::BadRequest => (
            StatusCode::BAD_REQUEST,
            "Not understood",
            "The request could not be understood.".into(),
        ),
        ErrorKind::Internal => {
            if let Some(cause) = err.cause() {
                tracing::error!(kind = ?err.kind(), cause, "a console request failed");
            }
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong",
                "Something went wrong on our side. Nothing you sent was logged.".into(),
            )
        }
    }
}

/// A core error as a console page, with the navigation when signed in.
pub fn error(chrome: Option<Chrome>, err: &Error) -> HttpResponse {
    let (status, title, text) = describe(err);
    let mut page = Message::new(chrome, title, text);
    for e in err.errors() {
        page.paragraphs.push(field_sentence(e));
    }
    send(status, &page)
}

/// A field error as one sentence a person can act on: "Email must be an email address."
pub fn field_sentence(e: &FieldError) -> String {
    let name = e.field.replace(['_', '.'], " ");
    let mut name = name.trim().to_string();
    if let Some(first) = name.get(..1) {
        name = first.to_uppercase() + &name[1..];
    }
    format!("{name} {}.", e.message.trim_end_matches('.'))
}

/// One value of the page's query string.
pub fn query_value(req: &actix_web::HttpRequest, name: &str) -> Option<String> {
    url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// What a refused form is told: each field's sentence, or the error's own.
pub fn sentences(e: &Error) -> Vec<String> {
    if e.errors().is_empty() {
        vec![describe(e).2]
    } else {
        e.errors().iter().map(field_sentence).collect()
    }
}
