//! What every page shares: the language it is in, the words it uses, the headers it is sent with,
//! and how the core's errors become pages.

use std::sync::Arc;

use actix_web::dev::ServiceResponse;
use actix_web::http::{StatusCode, header};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use fluent_bundle::FluentValue;

use crate::domain::{Error, ErrorKind};
use crate::i18n::{self, Language};
use crate::limits::{Asker, Challenge, Group, Refusal};
use crate::settings::Settings;
use crate::state::AppState;

/// No script at all, styles and images only from this service, forms only to it, never framed.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                       frame-ancestors 'none'; base-uri 'none'";

/// [`CSP`] plus this service's own proof-of-work script: only for the form pages (report,
/// subscribe, check) while the service is flooded.
pub const CSP_WITH_PROOF: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
                                  img-src 'self'; form-action 'self'; frame-ancestors 'none'; \
                                  base-uri 'none'";

/// The pages whose forms count as anonymous writes or checks, and so carry a proof-of-work
/// challenge while the service is flooded.
const GUARDED_FORMS: [&str; 3] = ["/report", "/subscribe", "/check"];

/// A page's context: its language and the words in it. Every template has one, as `ctx`.
#[derive(Clone)]
pub struct Ctx {
    pub lang: Language,
    /// The path of this page (its language links and form actions point here).
    pub path: &'static str,
    settings: Arc<Settings>,
    /// A proof-of-work challenge for this page's form, while the service is flooded.
    challenge: Option<Challenge>,
}

/// One entry of the language links at the top of every page.
pub struct LanguageLink {
    pub tag: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

impl Ctx {
    /// The language comes from `?lang=` (a link on every page; no cookie), else from
    /// `Accept-Language`, else English.
    pub fn new(req: &HttpRequest, state: &AppState, path: &'static str) -> Self {
        let from_query = url::form_urlencoded::parse(req.query_string().as_bytes())
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Language::from_tag(&v));
        let lang = from_query
            .or_else(|| {
                req.headers()
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(Language::negotiate)
            })
            .unwrap_or_default();
        let challenge = (GUARDED_FORMS.contains(&path) && state.limits.flooded())
            .then(|| state.limits.challenge());
        Self {
            lang,
            path,
            settings: state.settings.clone(),
            challenge,
        }
    }

    pub fn challenge(&self) -> Option<&Challenge> {
        self.challenge.as_ref()
    }

    pub fn t(&self, key: &str) -> String {
        i18n::text(self.lang, key)
    }

    /// A message with one argument.
    pub fn t1(&self, key: &str, name: &str, value: impl AsRef<str>) -> String {
        i18n::text_with(self.lang, key, [(name, FluentValue::from(value.as_ref()))])
    }

    /// A message with two arguments.
    pub fn t2(&self, key: &str, a: (&str, String), b: (&str, String)) -> String {
        i18n::text_with(
            self.lang,
            key,
            [(a.0, FluentValue::from(a.1)), (b.0, FluentValue::from(b.1))],
        )
    }

    /// A message with one numeric argument (plural forms choose by it).
    pub fn tn(&self, key: &str, name: &str, value: usize) -> String {
        i18n::text_with(self.lang, key, [(name, FluentValue::from(value))])
    }

    /// The exception policy in this page's language.
    pub fn exception_policy(&self) -> crate::services::exceptions::Policy {
        crate::services::exceptions::policy(&self.settings, self.lang)
    }

    /// A link to `path` in this page's language.
    pub fn href(&self, path: &str) -> String {
        format!("{path}?lang={}", self.lang.tag())
    }

    /// Where this page's forms post: itself, in its language.
    pub fn action(&self) -> String {
        self.href(self.path)
    }

    pub fn languages(&self) -> Vec<LanguageLink> {
        Language::ALL
            .iter()
            .map(|&l| LanguageLink {
                tag: l.tag(),
                name: l.native_name(),
                href: format!("{}?lang={}", self.path, l.tag()),
                current: l == self.lang,
            })
            .collect()
    }

    pub fn category(&self, code: &str) -> String {
        i18n::category_name(self.lang, code, self.settings.category_name(code))
    }

    pub fn region(&self, code: &str) -> String {
        i18n::region_name(self.lang, code, self.settings.region_name(code))
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Whether `path` is this page (the navigation marks it).
    pub fn is(&self, path: &str) -> bool {
        self.path == path
    }
}

/// Sends a rendered page with the page headers. A template that fails to render is a fault.
pub fn send(status: StatusCode, ctx: &Ctx, template: &impl Template) -> HttpResponse {
    match template.render() {
        Ok(html) => HttpResponse::build(status)
            .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
            .insert_header((
                header::CONTENT_SECURITY_POLICY,
                if ctx.challenge.is_some() {
                    CSP_WITH_PROOF
                } else {
                    CSP
                },
            ))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .insert_header((header::CONTENT_LANGUAGE, ctx.lang.tag()))
            .body(html),
        Err(e) => {
            tracing::error!(error = %e, "a page failed to render");
            HttpResponse::InternalServerError()
                .insert_header((header::CONTENT_TYPE, "text/plain; charset=utf-8"))
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .body("Something went wrong on our side.")
        }
    }
}

pub fn ok(ctx: &Ctx, template: &impl Template) -> HttpResponse {
    send(StatusCode::OK, ctx, template)
}

/// A page that only says something: errors, and what a finished action did.
#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub ctx: Ctx,
    pub title: String,
    pub paragraphs: Vec<String>,
    /// A link onwards (path, words).
    pub next: Option<(String, String)>,
}

impl MessagePage {
    pub fn new(ctx: &Ctx, title_key: &str, body_key: &str) -> Self {
        Self {
            ctx: ctx.clone(),
            title: ctx.t(title_key),
            paragraphs: vec![ctx.t(body_key)],
            next: Some((ctx.href("/"), ctx.t("nav-home"))),
        }
    }
}

/// How the core's error shows as a page: its status, and a sentence in the page's language.
/// Field errors never reach here (each form shows them beside its fields).
pub fn error(ctx: &Ctx, err: &Error) -> HttpResponse {
    let (status, title, body) = describe(err);
    send(status, ctx, &MessagePage::new(ctx, title, body))
}

/// The status, title key and sentence key of an error that is not about a field. A form that
/// fails this way comes back with everything typed and the sentence at its top.
pub fn describe(err: &Error) -> (StatusCode, &'static str, &'static str) {
    match err.kind() {
        ErrorKind::RateLimited => (
            StatusCode::TOO_MANY_REQUESTS,
            "error-rate-limited-title",
            "error-rate-limited",
        ),
        ErrorKind::Unavailable | ErrorKind::MailUnavailable => (
            StatusCode::SERVICE_UNAVAILABLE,
            "error-unavailable-title",
            "error-unavailable",
        ),
        ErrorKind::NotFound => (
            StatusCode::NOT_FOUND,
            "error-not-found-title",
            "error-not-found",
        ),
        ErrorKind::BadRequest => (
            StatusCode::BAD_REQUEST,
            "error-bad-request-title",
            "error-bad-request",
        ),
        _ => {
            if let Some(cause) = err.cause() {
                tracing::error!(kind = ?err.kind(), cause, "a page request failed");
            }
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-internal-title",
                "error-internal",
            )
        }
    }
}

/// Any path no page or API route answers, outside `/api/`.
pub async fn not_found(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req, &state, "/");
    error(&ctx, &Error::new(ErrorKind::NotFound))
}

/// Counts a page request in its group's buckets, the same as the API's (a report or subscription
/// form in `Group::Writes`, a follow-up in `Group::Receipts`, a sign-in in `Group::Logins`, a
/// check in `Group::Checks`). When over, the wait goes into the request's extensions for the
/// `Retry-After` middleware (`app.rs`). The client is the TCP peer or, from a trusted proxy, the
/// address it forwarded: only hashed into the limiter's memory, never logged or kept.
pub fn within_limit(state: &AppState, req: &HttpRequest, group: Group) -> Result<(), Error> {
    within_limit_with(state, req, group, None)
}

/// [`within_limit`] for a form that may carry a solved proof of work (its `proof` field, filled in
/// by `/static/proof.js` when JavaScript is on): while the service is flooded, a valid one lets the
/// request past the global bucket. Without one (no JavaScript), the buckets decide as always.
pub fn within_limit_with(
    state: &AppState,
    req: &HttpRequest,
    group: Group,
    proof: Option<&str>,
) -> Result<(), Error> {
    let forwarded: Vec<&str> = req
        .headers()
        .get_all(state.limits.proxy_header())
        .filter_map(|v| v.to_str().ok())
        .collect();
    let asker = Asker {
        peer: req.peer_addr().map(|a| a.ip()),
        forwarded: forwarded.into_iter(),
        proof,
        api: false,
    };
    match state.limits.admit(group, asker) {
        Ok(()) => Ok(()),
        Err(Refusal::Wait(wait)) => {
            req.extensions_mut().insert(wait);
            Err(Error::new(ErrorKind::RateLimited))
        }
        // Pages are never asked for a proof (`api: false`); should that change, they wait.
        Err(Refusal::ProofRequired(_)) => Err(Error::new(ErrorKind::RateLimited)),
    }
}

/// Last line of defence for paths outside `/api/`: any error response that is not one of our
/// pages (the framework's own 405, payload and extractor errors) becomes a page for its status,
/// so no framework message, which may quote the request, ever reaches a person.
pub fn render_framework_errors<B>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let ours = res
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)
        .is_some_and(|v| v == CSP || v == CSP_WITH_PROOF);
    if ours {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let (req, _) = res.into_parts();
    let kind = match status.as_u16() {
        404 | 405 => ErrorKind::NotFound,
        400 | 411 | 413 | 415 => ErrorKind::BadRequest,
        429 => ErrorKind::RateLimited,
        503 => ErrorKind::Unavailable,
        _ => ErrorKind::Internal,
    };
    let mut response = match req.app_data::<web::Data<AppState>>() {
        Some(state) => error(&Ctx::new(&req, state, "/"), &Error::new(kind)),
        None => HttpResponse::InternalServerError().finish(),
    };
    *response.status_mut() = status;
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, response).map_into_right_body(),
    ))
}
