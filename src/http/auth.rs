//! Staff authentication and self-service: the bearer-token extractor, and `/auth/login`,
//! `/auth/logout`, `/auth/password`, `/auth/totp/setup`, `/auth/totp/enable`,
//! `/auth/totp/disable`.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use futures_util::future::LocalBoxFuture;
use serde::Deserialize;
use serde_json::json;

use super::json::ApiJson;
use super::limit::LoginLimit;
use crate::domain::Error;
use crate::http::problem::{ApiError, Code};
use crate::secret::SensitiveString;
use crate::services::staff::{self, StaffMember};
use crate::state::AppState;

/// A request from a logged-in staff member. Missing, unknown or expired tokens: 401.
pub struct Authed {
    pub member: StaffMember,
    token: SensitiveString,
}

/// The token of an `Authorization: Bearer ...` header (staff sessions and organisation API keys).
pub(super) fn bearer(req: &HttpRequest) -> Option<SensitiveString> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    (scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty())
        .then(|| SensitiveString::new(token.trim()))
}

impl FromRequest for Authed {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer(req);
        Box::pin(async move {
            let state =
                state.ok_or_else(|| ApiError::from(Error::internal("no application state")))?;
            let token = token.ok_or_else(|| ApiError::new(Code::Unauthorized))?;
            let member = staff::authenticate(&state, token.expose()).await?;
            Ok(Authed { member, token })
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginBody {
    email: String,
    password: SensitiveString,
    #[serde(default)]
    totp: Option<SensitiveString>,
}

pub async fn login(
    _limit: LoginLimit,
    state: web::Data<AppState>,
    ApiJson(body): ApiJson<LoginBody>,
) -> Result<HttpResponse, ApiError> {
    let session = staff::login(
        &state,
        &body.email,
        body.password.expose(),
        body.totp.as_ref().map(SensitiveString::expose),
    )
    .await?;
    let expires = chrono::DateTime::from_timestamp(session.expires_at, 0)
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default();
    Ok(HttpResponse::Ok().json(json!({
        "token": session.token.expose(),
        "role": session.role.as_str(),
        "expires_at": expires,
        "password_change_required": session.must_change_password,
    })))
}

pub async fn logout(state: web::Data<AppState>, auth: Authed) -> Result<HttpResponse, ApiError> {
    staff::logout(&state, &auth.member, auth.token.expose()).await?;
    Ok(HttpResponse::Ok().json(json!({"status": "logged_out"})))
}

pub async fn totp_setup(
    state: web::Data<AppState>,
    auth: Authed,
) -> Result<HttpResponse, ApiError> {
    let enrolment = staff::totp_setup(&state, &auth.member).await?;
    Ok(HttpResponse::Ok().json(json!({
        "otpauth_uri": enrolment.uri.expose(),
        "qr_svg": enrolment.qr_svg,
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeBody {
    code: SensitiveString,
}

pub async fn totp_enable(
    state: web::Data<AppState>,
    auth: Authed,
    ApiJson(body): ApiJson<CodeBody>,
) -> Result<HttpResponse, ApiError> {
    staff::totp_enable(&state, &auth.member, body.code.expose()).await?;
    Ok(HttpResponse::Ok().json(json!({"status": "enabled"})))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotpOffBody {
    password: SensitiveString,
    code: SensitiveString,
}

pub async fn totp_disable(
    state: web::Data<AppState>,
    auth: Authed,
    ApiJson(body): ApiJson<TotpOffBody>,
) -> Result<HttpResponse, ApiError> {
    staff::totp_disable(
        &state,
        &auth.member,
        body.password.expose(),
        body.code.expose(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(json!({"status": "disabled"})))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordBody {
    current_password: SensitiveString,
    new_password: SensitiveString,
}

pub async fn change_password(
    state: web::Data<AppState>,
    auth: Authed,
    ApiJson(body): ApiJson<PasswordBody>,
) -> Result<HttpResponse, ApiError> {
    staff::change_password(
        &state,
        &auth.member,
        auth.token.expose(),
        body.current_password.expose(),
        body.new_password.expose(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(json!({"status": "changed"})))
}
