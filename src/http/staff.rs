//! `/staff` (administrators): create, list, reset a password or second factor, disable.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::json;

use super::auth::Authed;
use super::json::ApiJson;
use crate::domain::{Error, FieldError, StaffId};
use crate::http::problem::ApiError;
use crate::services::staff::{self, Role};
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewStaffBody {
    email: String,
    role: String,
}

pub async fn create(
    state: web::Data<AppState>,
    auth: Authed,
    ApiJson(body): ApiJson<NewStaffBody>,
) -> Result<HttpResponse, ApiError> {
    auth.member.require(Role::Admin)?;
    let role = Role::parse(&body.role).ok_or_else(|| {
        ApiError::from(Error::validation(vec![FieldError::new(
            "role",
            "must be admin or caseworker",
        )]))
    })?;
    let (id, password) = staff::create(&state, &auth.member, &body.email, role).await?;
    Ok(HttpResponse::Created().json(json!({"id": id, "initial_password": password.expose()})))
}

pub async fn list(state: web::Data<AppState>, auth: Authed) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(staff::list(&state, &auth.member).await?))
}

pub async fn reset_password(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<StaffId>,
) -> Result<HttpResponse, ApiError> {
    let password = staff::reset_password(&state, &auth.member, &id).await?;
    Ok(HttpResponse::Ok().json(json!({"initial_password": password.expose()})))
}

pub async fn reset_totp(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<StaffId>,
) -> Result<HttpResponse, ApiError> {
    staff::reset_totp(&state, &auth.member, &id).await?;
    Ok(HttpResponse::Ok().json(json!({"status": "totp_off"})))
}

pub async fn disable(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<StaffId>,
) -> Result<HttpResponse, ApiError> {
    staff::disable(&state, &auth.member, &id).await?;
    Ok(HttpResponse::Ok().json(json!({"status": "disabled"})))
}
