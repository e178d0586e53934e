//! The console's session: a cookie holding a staff session token (the same hashed, expiring,
//! idle-timed, revocable sessions as API tokens), and the checks every state-changing form passes.
//!
//! The cookie is `__Host-` prefixed (only ever set by this host, over HTTPS, for the whole site),
//! `HttpOnly` (no script can read it), `Secure` and `SameSite=Strict` (no other site's page sends
//! it). It has no `Max-Age`: it ends with the browser as well as on the server.
//!
//! A form that changes something is accepted only when (1) `Sec-Fetch-Site`, if the browser sent
//! it, says `same-origin` or `none`; (2) `Origin`, if sent, is this site; and (3) its `csrf` field
//! is the session's CSRF token ([`staff::csrf_token`]). The first two are the second line; the
//! token is the one that must hold even for a browser that sends neither header.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse};

use crate::domain::{Error, ErrorKind};
use crate::secret::SensitiveString;
use crate::services::staff;
use crate::state::AppState;
use crate::web::form::Form;

use super::layout;

pub const COOKIE: &str = "__Host-lookout-staff";

pub use super::layout::Console;

/// The session token in the request's cookie, if any.
pub fn cookie_token(req: &HttpRequest) -> Option<SensitiveString> {
    req.headers()
        .get_all(header::COOKIE)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == COOKIE && !value.is_empty())
        .map(|(_, value)| SensitiveString::new(value))
}

/// The `Set-Cookie` value that starts a console session.
pub fn set_cookie(token: &str) -> String {
    format!("{COOKIE}={token}; Path=/; Secure; HttpOnly; SameSite=Strict")
}

/// The `Set-Cookie` value that removes it from the browser.
pub fn clear_cookie() -> String {
    format!("{COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0")
}

/// A 303 to `location` (a path of this site).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish()
}

async fn signed_in(req: &HttpRequest, state: &AppState) -> Option<Console> {
    let token = cookie_token(req)?;
    let member = staff::authenticate(state, token.expose()).await.ok()?;
    let csrf = staff::csrf_token(&state.keys, token.expose());
    Some(Console::new(member, token, csrf))
}

/// The console session for a page that shows something. Without one, the browser is sent to the
/// sign-in page; an account that must still change its password is sent to do that first.
pub async fn viewing(req: &HttpRequest, state: &AppState) -> Result<Console, HttpResponse> {
    let Some(console) = signed_in(req, state).await else {
        return Err(forget_dead_cookie(see_other("/staff/login"), req));
    };
    if console.member.must_change_password && req.path() != "/staff/account" {
        return Err(see_other("/staff/account"));
    }
    Ok(console)
}

/// The console session and the form, for a form that changes something: the session must be
/// live, the request must come from this site, and the form must carry the session's CSRF
/// token. Anything else is refused with a page, and nothing changes.
pub async fn posting(
    req: &HttpRequest,
    state: &AppState,
    body: &[u8],
) -> Result<(Console, Form), HttpResponse> {
    if !same_site(req, state) {
        return Err(cross_site());
    }
    let Some(console) = signed_in(req, state).await else {
        // A reply or an alert may have taken longer to write than the idle timeout: what was
        // written comes back on the page, so signing in again loses none of it.
        let kept = Form::parse(body).map(|f| kept_text(&f)).unwrap_or_default();
        let page = layout::Message::new(
            None,
            "Your session has ended",
            "You were signed out (after a while without activity, or from another place). \
             Nothing was changed. Sign in again and repeat what you were doing.",
        )
        .kept(kept)
        .next("/staff/login", "Sign in");
        let res = layout::send(StatusCode::UNAUTHORIZED, &page);
        return Err(forget_dead_cookie(res, req));
    };
    let Some(form) = Form::parse(body) else {
        return Err(layout::error(None, &Error::new(ErrorKind::BadRequest)));
    };
    if !staff::csrf_ok(&state.keys, console.token(), form.get("csrf")) {
        return Err(cross_site());
    }
    if console.member.must_change_password && req.path() != "/staff/account/password" {
        return Err(see_other("/staff/account"));
    }
    Ok((console, form))
}

/// The free text of a console form (a reply, an alert's title and text, passages to take away),
/// to show back after a refusal. Never a password, code or token field.
fn kept_text(form: &Form) -> Vec<(String, String)> {
    const KEPT: [(&str, &str); 4] = [
        ("title", "Title"),
        ("body", "Text"),
        ("remove", "Passages to take away"),
        ("name", "Name"),
    ];
    KEPT.iter()
        .filter(|(field, _)| !form.get(field).trim().is_empty())
        .map(|(field, label)| (label.to_string(), form.get(field).to_string()))
        .collect()
}

/// The sign-in form has no session yet, so only the headers can be checked.
pub fn same_site(req: &HttpRequest, state: &AppState) -> bool {
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site")
        && !matches!(site.to_str(), Ok("same-origin" | "none"))
    {
        return false;
    }
    match headers.get(header::ORIGIN).map(|o| o.to_str()) {
        None => true,
        Some(Ok(origin)) => is_this_site(origin, req, state),
        Some(Err(_)) => false,
    }
}

/// An `Origin` is this site when it is the configured public URL's origin, or the scheme-less
/// host the request was sent to (a service reached directly, as in development).
fn is_this_site(origin: &str, req: &HttpRequest, state: &AppState) -> bool {
    let Ok(origin) = url::Url::parse(origin) else {
        return false;
    };
    let public = url::Url::parse(&state.settings.server.public_url).ok();
    if public.is_some_and(|p| p.origin() == origin.origin()) {
        return true;
    }
    let authority = match (origin.host_str(), origin.port()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_string(),
        _ => return false,
    };
    req.headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|host| host.eq_ignore_ascii_case(&authority))
}

fn cross_site() -> HttpResponse {
    layout::refusal(
        StatusCode::FORBIDDEN,
        "This form was refused",
        "It did not come from a page of this console (or the page was from an earlier \
         session). Nothing was changed. Open the page again and repeat what you were doing.",
    )
}

/// A browser that sent a dead session cookie is told to forget it.
fn forget_dead_cookie(mut res: HttpResponse, req: &HttpRequest) -> HttpResponse {
    if cookie_token(req).is_some()
        && let Ok(clear) = header::HeaderValue::from_str(&clear_cookie())
    {
        res.headers_mut().insert(header::SET_COOKIE, clear);
    }
    res
}
