//! `/staff/account`: the owner's own password and second factor.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::{Error, ErrorKind, FieldError};
use crate::services::staff::{self, AccountView, Enrolment};
use crate::state::AppState;

use super::layout::{self, Chrome, sentences};
use super::session::{self, Console};

#[derive(Template)]
#[template(path = "staff/account.html")]
struct AccountPage {
    chrome: Option<Chrome>,
    account: AccountView,
    /// Problems with the password form, as sentences.
    password_errors: Vec<String>,
    totp_errors: Vec<String>,
    done: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "staff/totp_setup.html")]
struct TotpSetupPage {
    chrome: Option<Chrome>,
    qr_svg: String,
    uri: String,
    errors: Vec<String>,
}

async fn render(
    state: &AppState,
    console: &Console,
    status: StatusCode,
    password_errors: Vec<String>,
    totp_errors: Vec<String>,
    done: Option<&'static str>,
) -> HttpResponse {
    let chrome = Chrome::new(console, "/staff/account");
    match staff::account(state, &console.member).await {
        Ok(account) => layout::send(
            status,
            &AccountPage {
                chrome: Some(chrome),
                account,
                password_errors,
                totp_errors,
                done,
            },
        ),
        Err(e) => layout::error(Some(chrome), &e),
    }
}

/// What a finished action says at the top of the account page (`?done=`, a fixed word).
fn done_from(req: &HttpRequest) -> Option<&'static str> {
    match url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "done")
        .map(|(_, v)| v.into_owned())
        .as_deref()
    {
        Some("password") => Some("Your password is changed. Your other sessions have ended."),
        Some("totp-on") => Some("Two-factor codes are on. Sign-in now asks for a code."),
        Some("totp-off") => Some("Two-factor codes are off."),
        _ => None,
    }
}

pub async fn get(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let console = match session::viewing(&req, &state).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    render(
        &state,
        &console,
        StatusCode::OK,
        vec![],
        vec![],
        done_from(&req),
    )
    .await
}

pub async fn password(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, form) = match session::posting(&req, &state, &body).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    // Typing the new password twice is the form's own check: the core sees one new password.
    if form.get("new_password") != form.get("repeat_password") {
        let e = Error::validation(vec![FieldError::new(
            "repeat_password",
            "must be the same as the new password",
        )]);
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render(&state, &console, status, sentences(&e), vec![], None).await;
    }
    match staff::change_password(
        &state,
        &console.member,
        console.token(),
        form.get("current_password"),
        form.get("new_password"),
    )
    .await
    {
        Ok(()) => session::see_other("/staff/account?done=password"),
        Err(e) if e.kind() == ErrorKind::ValidationFailed => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render(&state, &console, status, sentences(&e), vec![], None).await
        }
        Err(e) => layout::error(Some(Chrome::new(&console, "/staff/account")), &e),
    }
}

fn setup_page(
    console: &Console,
    enrolment: Enrolment,
    errors: Vec<String>,
    status: StatusCode,
) -> HttpResponse {
    layout::send(
        status,
        &TotpSetupPage {
            chrome: Some(Chrome::new(console, "/staff/account")),
            qr_svg: enrolment.qr_svg,
            uri: enrolment.uri.expose().to_string(),
            errors,
        },
    )
}

pub async fn totp_setup(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, _) = match session::posting(&req, &state, &body).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    match staff::totp_setup(&state, &console.member).await {
        Ok(enrolment) => setup_page(&console, enrolment, vec![], StatusCode::OK),
        Err(e) => layout::error(Some(Chrome::new(&console, "/staff/account")), &e),
    }
}

pub async fn totp_enable(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, form) = match session::posting(&req, &state, &body).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    match staff::totp_enable(&state, &console.member, form.get("code")).await {
        Ok(()) => session::see_other("/staff/account?done=totp-on"),
        Err(e) if e.kind() == ErrorKind::ValidationFailed => {
            // The same secret again, so a mistyped code costs no new scan.
            match staff::totp_pending(&state, &console.member).await {
                Ok(Some(enrolment)) => setup_page(
                    &console,
                    enrolment,
                    sentences(&e),
                    StatusCode::UNPROCESSABLE_ENTITY,
                ),
                Ok(None) => session::see_other("/staff/account"),
                Err(e) => layout::error(Some(Chrome::new(&console, "/staff/account")), &e),
            }
        }
        Err(e) => layout::error(Some(Chrome::new(&console, "/staff/account")), &e),
    }
}

pub async fn totp_disable(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, form) = match session::posting(&req, &state, &body).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    match staff::totp_disable(
        &state,
        &console.member,
        form.get("password"),
        form.get("code"),
    )
    .await
    {
        Ok(()) => session::see_other("/staff/account?done=totp-off"),
        Err(e) if e.kind() == ErrorKind::ValidationFailed => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render(&state, &console, status, vec![], sentences(&e), None).await
        }
        Err(e) => layout::error(Some(Chrome::new(&console, "/staff/account")), &e),
    }
}
