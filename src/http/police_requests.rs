//! `/police-requests`: requests for more than was consented, recorded and refused.

use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::auth::Authed;
use super::json::ApiJson;
use crate::domain::ReportId;
use crate::http::problem::ApiError;
use crate::services::police_requests::{self, RequestInput};
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// Only this case's (a malformed id is refused, 400).
    report_id: Option<uuid::Uuid>,
}

pub async fn record(
    state: web::Data<AppState>,
    auth: Authed,
    ApiJson(body): ApiJson<RequestInput>,
) -> Result<HttpResponse, ApiError> {
    let recorded = police_requests::record(&state, &auth.member, body).await?;
    Ok(HttpResponse::Created().json(recorded))
}

pub async fn list(
    state: web::Data<AppState>,
    auth: Authed,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let report = query
        .into_inner()
        .report_id
        .map(|u| ReportId::from_stored(u.to_string()));
    let list = police_requests::list(&state, &auth.member, report).await?;
    Ok(HttpResponse::Ok().json(list))
}
