//! `POST /reports`, `/reports/sealed`, `/reports/preview`.

use super::limit::AnonymousLimit;
use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::{Value, json};

use super::json::{ApiJson, decode};
use crate::domain::{Error, NewReport};
use crate::http::problem::ApiError;
use crate::services::reports::{self, input};
use crate::state::AppState;

/// The firewall check runs on the raw body first: a field about immigration status or identity
/// documents is refused as such (`firewall_field`), before anything else looks at it.
fn parse_report(state: &AppState, value: Value) -> Result<NewReport, ApiError> {
    input::refuse_forbidden_fields(&value)?;
    let input: input::ReportInput = decode(value)?;
    input::check_report(&input, &state.settings, false).map_err(|e| Error::validation(e).into())
}

pub async fn submit(
    _limit: AnonymousLimit,
    state: web::Data<AppState>,
    ApiJson(body): ApiJson<Value>,
) -> Result<HttpResponse, ApiError> {
    let report = parse_report(&state, body)?;
    let receipt = reports::submit(&state, report, None).await?;
    Ok(HttpResponse::Created().json(json!({"receipt": receipt.expose(), "status": "received"})))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedBody {
    enc: String,
    ciphertext: String,
}

pub async fn submit_sealed(
    _limit: AnonymousLimit,
    state: web::Data<AppState>,
    ApiJson(body): ApiJson<SealedBody>,
) -> Result<HttpResponse, ApiError> {
    let value = reports::open_sealed(&state, &body.enc, &body.ciphertext)?;
    let report = parse_report(&state, value)?;
    let receipt = reports::submit(&state, report, None).await?;
    Ok(HttpResponse::Created().json(json!({"receipt": receipt.expose(), "status": "received"})))
}

pub async fn preview(
    _limit: AnonymousLimit,
    state: web::Data<AppState>,
    ApiJson(body): ApiJson<Value>,
) -> Result<HttpResponse, ApiError> {
    let report = parse_report(&state, body)?;
    let preview = reports::preview(&state, report).await?;
    Ok(HttpResponse::Ok().json(preview))
}
