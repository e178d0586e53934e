//! `/cases`: the caseworker queue and what can be done with a case.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::json;

use super::auth::Authed;
use super::json::ApiJson;
use crate::domain::{Error, FieldError, ReportId};
use crate::http::problem::{ApiError, Code};
use crate::services::cases;
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    status: Option<String>,
}

pub async fn list(
    state: web::Data<AppState>,
    auth: Authed,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let cases = cases::list(&state, &auth.member, query.into_inner().status).await?;
    Ok(HttpResponse::Ok().json(cases))
}

pub async fn view(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<ReportId>,
) -> Result<HttpResponse, ApiError> {
    let case = cases::view(&state, &auth.member, &id).await?;
    Ok(HttpResponse::Ok().json(case))
}

pub async fn alert_draft(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<ReportId>,
) -> Result<HttpResponse, ApiError> {
    let draft = cases::alert_draft(&state, &auth.member, &id).await?;
    Ok(HttpResponse::Ok().json(draft))
}

pub async fn publish(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<ReportId>,
    ApiJson(body): ApiJson<cases::PublishInput>,
) -> Result<HttpResponse, ApiError> {
    let published = cases::publish(&state, &auth.member, &id, body).await?;
    Ok(HttpResponse::Created().json(published))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageBody {
    body: String,
}

pub async fn message(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<ReportId>,
    ApiJson(body): ApiJson<MessageBody>,
) -> Result<HttpResponse, ApiError> {
    let on = cases::reply(&state, &auth.member, &id, &body.body).await?;
    Ok(HttpResponse::Created().json(json!({"from": "caseworker", "on": on})))
}

pub async fn close(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<ReportId>,
) -> Result<HttpResponse, ApiError> {
    cases::close(&state, &auth.member, &id).await?;
    Ok(HttpResponse::Ok().json(json!({"status": "closed"})))
}

/// The forward's body is optional: `{}` (or nothing) sends the text as built; `{"remove":
/// ["…"]}` takes those spans away first.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForwardBody {
    #[serde(default)]
    pub remove: Vec<String>,
}

pub async fn forward(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<ReportId>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let body: ForwardBody = if body.iter().all(u8::is_ascii_whitespace) {
        ForwardBody::default()
    } else {
        let value: serde_json::Value =
            serde_json::from_slice(&body).map_err(|_| ApiError::new(Code::MalformedJson))?;
        crate::http::json::decode(value)?
    };
    if body.remove.len() > 100 || body.remove.iter().any(|s| s.len() > 20_000) {
        return Err(ApiError::from(Error::validation(vec![FieldError::new(
            "remove",
            "must have at most 100 entries of at most 20,000 bytes",
        )])));
    }
    let forwarded =
        crate::services::forwarding::forward(&state, &auth.member, &id, &body.remove).await?;
    Ok(HttpResponse::Created().json(forwarded))
}
