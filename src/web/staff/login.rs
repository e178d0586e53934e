//! `/staff/login` and `/staff/logout`: the same login as the API (the same slow-down, the same
//! single answer for every failure), with the session token in the console's cookie instead of a
//! response body.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::ErrorKind;
use crate::limits::Group;
use crate::services::staff;
use crate::state::AppState;
use crate::web::form::Form;
use crate::web::page::within_limit;

use super::layout::{self, Chrome};
use super::session;

#[derive(Template)]
#[template(path = "staff/login.html")]
struct LoginPage {
    chrome: Option<Chrome>,
    email: String,
    error: Option<String>,
}

pub async fn get(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    if session::viewing(&req, &state).await.is_ok() {
        return session::see_other("/staff/cases");
    }
    layout::ok(&LoginPage {
        chrome: None,
        email: String::new(),
        error: None,
    })
}

pub async fn post(req: HttpRequest, state: web::Data<AppState>, body: web::Bytes) -> HttpResponse {
    // No session yet, so no CSRF token: the headers are the check (a cross-site sign-in could
    // otherwise put someone into an attacker's account).
    if !session::same_site(&req, &state) {
        return layout::refusal(
            StatusCode::FORBIDDEN,
            "This form was refused",
            "It did not come from this console's sign-in page. Nothing was changed.",
        );
    }
    if let Err(e) = within_limit(&state, &req, Group::Logins) {
        return layout::error(None, &e);
    }
    let Some(form) = Form::parse(&body) else {
        return layout::error(None, &crate::domain::Error::new(ErrorKind::BadRequest));
    };
    let code = form.get("totp");
    let code = (!code.trim().is_empty()).then_some(code);
    match staff::login(&state, form.get("email"), form.get("password"), code).await {
        Ok(session) => {
            let next = if session.must_change_password {
                "/staff/account"
            } else {
                "/staff/cases"
            };
            let mut res = session::see_other(next);
            if let Ok(v) =
                header::HeaderValue::from_str(&session::set_cookie(session.token.expose()))
            {
                res.headers_mut().insert(header::SET_COOKIE, v);
            }
            res
        }
        Err(e) if e.kind() == ErrorKind::LoginFailed => layout::send(
            StatusCode::UNAUTHORIZED,
            &LoginPage {
                chrome: None,
                email: form.get("email").to_string(),
                error: Some(
                    "The email, password or code is not right. After several failures, sign-in \
                     slows down for this account."
                        .into(),
                ),
            },
        ),
        Err(e) => layout::error(None, &e),
    }
}

pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, _) = match session::posting(&req, &state, &body).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    if let Err(e) = staff::logout(&state, &console.member, console.token()).await {
        return layout::error(None, &e);
    }
    let mut res = session::see_other("/staff/login");
    if let Ok(v) = header::HeaderValue::from_str(&session::clear_cookie()) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}
