//! Admin: the SPOC register (`/spocs`), outreach organisations (`/orgs`), the audit log (`/audit`).

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::json;

use super::auth::Authed;
use super::json::ApiJson;
use crate::domain::{OrgId, SpocId};
use crate::http::problem::ApiError;
use crate::services::register;
use crate::services::{audit, audit_head};
use crate::state::AppState;

pub async fn list_spocs(
    state: web::Data<AppState>,
    auth: Authed,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(register::list_spocs(&state, &auth.member).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewSpoc {
    name: String,
    region: String,
    email: String,
}

pub async fn create_spoc(
    state: web::Data<AppState>,
    auth: Authed,
    ApiJson(body): ApiJson<NewSpoc>,
) -> Result<HttpResponse, ApiError> {
    let spoc =
        register::create_spoc(&state, &auth.member, &body.name, &body.region, &body.email).await?;
    Ok(HttpResponse::Created().json(spoc))
}

pub async fn retire_spoc(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<SpocId>,
) -> Result<HttpResponse, ApiError> {
    register::retire_spoc(&state, &auth.member, &id).await?;
    Ok(HttpResponse::Ok().json(json!({"status": "retired"})))
}

pub async fn list_orgs(state: web::Data<AppState>, auth: Authed) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(register::list_orgs(&state, &auth.member).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewOrg {
    name: String,
    email: String,
}

pub async fn create_org(
    state: web::Data<AppState>,
    auth: Authed,
    ApiJson(body): ApiJson<NewOrg>,
) -> Result<HttpResponse, ApiError> {
    let (id, key) = register::create_org(&state, &auth.member, &body.name, &body.email).await?;
    Ok(HttpResponse::Created().json(json!({"id": id, "api_key": key.expose()})))
}

pub async fn revoke_org(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<OrgId>,
) -> Result<HttpResponse, ApiError> {
    register::revoke_org(&state, &auth.member, &id).await?;
    Ok(HttpResponse::Ok().json(json!({"status": "revoked"})))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Entries after this sequence number (paging).
    after: Option<i64>,
    limit: Option<i64>,
}

pub async fn list_audit(
    state: web::Data<AppState>,
    auth: Authed,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, ApiError> {
    let entries = audit::page(&state, &auth.member, query.after, query.limit).await?;
    Ok(HttpResponse::Ok().json(entries))
}

pub async fn verify_audit(
    state: web::Data<AppState>,
    auth: Authed,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(audit_head::verify_chain(&state, &auth.member).await?))
}
