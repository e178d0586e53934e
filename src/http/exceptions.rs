//! Disclosures under the exception policy: proposed on a case, decided by a different
//! administrator.

use actix_web::{HttpResponse, web};
use serde_json::json;

use super::auth::Authed;
use super::json::ApiJson;
use crate::domain::ReportId;
use crate::http::problem::ApiError;
use crate::services::exceptions::{self, ProposalInput};
use crate::state::AppState;

pub async fn propose(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<ReportId>,
    ApiJson(body): ApiJson<ProposalInput>,
) -> Result<HttpResponse, ApiError> {
    let proposed = exceptions::propose(&state, &auth.member, &id, body).await?;
    Ok(HttpResponse::Created().json(proposed))
}

pub async fn list(state: web::Data<AppState>, auth: Authed) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(exceptions::list(&state, &auth.member).await?))
}

pub async fn approve(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(exceptions::approve(&state, &auth.member, &id).await?))
}

pub async fn reject(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    exceptions::reject(&state, &auth.member, &id).await?;
    Ok(HttpResponse::Ok().json(json!({"status": "rejected"})))
}
