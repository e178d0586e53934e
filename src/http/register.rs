//! Admin: the SPOC register (`/spocs`), outreach organisations (`/orgs`), the audit log (`/audit`).

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::json;

use super::auth::Authed;
use super::json::ApiJson;
use crate::app::AppState;
use crate::audit;
use crate::db::audit as audit_store;
use crate::problem::ApiError;
use crate::register;
use crate::staff::Role;

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
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    register::retire_spoc(&state, &auth.member, &id).await?;
    Ok(HttpResponse::Ok().json(json!({"status": "retired"})))
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
    id: web::Path<String>,
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
    auth.member.require(Role::Admin)?;
    let after = query.after.unwrap_or(0);
    let limit = query.limit.unwrap_or(500).clamp(1, 5000);
    let rows = state
        .db
        .run(move |conn| audit_store::page(conn, after, limit).map_err(ApiError::from))
        .await?;
    let entries: Vec<_> = rows
        .into_iter()
        .map(|r| json!({"seq": r.seq, "on": r.on_date, "actor": r.actor, "action": r.action, "target": r.target, "hash": r.hash}))
        .collect();
    Ok(HttpResponse::Ok().json(entries))
}

pub async fn verify_audit(
    state: web::Data<AppState>,
    auth: Authed,
) -> Result<HttpResponse, ApiError> {
    auth.member.require(Role::Admin)?;
    let key = state.keys.get(crate::crypto::Purpose::Audit).clone();
    let result = state
        .db
        .run(move |conn| audit::verify(conn, &key).map_err(ApiError::from))
        .await?;
    Ok(HttpResponse::Ok().json(result))
}
