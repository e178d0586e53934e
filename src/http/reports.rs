//! `POST /reports`, `/reports/sealed`, `/reports/preview`.

use super::limit::AnonymousLimit;
use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::{Value, json};

use super::json::{ApiJson, decode};
use crate::app::AppState;
use crate::firewall;
use crate::problem::{ApiError, Code, FieldError};
use crate::reports::{self, input};

/// `422 firewall_field` for any field about immigration status or identity documents, anywhere in
/// a report body (plain, sealed or relayed), naming the field but never its value.
pub(super) fn refuse_firewall_fields(value: &Value) -> Result<(), ApiError> {
    match firewall::forbidden_field(value) {
        Some(field) => Err(
            ApiError::new(Code::FirewallField).with_errors(vec![FieldError::new(
                field.chars().take(100).collect::<String>(),
                "Lookout does not accept immigration, nationality or identity-document details",
            )]),
        ),
        None => Ok(()),
    }
}

/// The firewall check runs on the raw body first: a field about immigration status or identity
/// documents is refused as such (`firewall_field`), before anything else looks at it.
fn parse_report(state: &AppState, value: Value) -> Result<input::NewReport, ApiError> {
    refuse_firewall_fields(&value)?;
    let input: input::ReportInput = decode(value)?;
    input::check_report(&input, &state.settings, false).map_err(ApiError::validation)
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
    let plain = state
        .sealed
        .open(&body.enc, &body.ciphertext)
        .map_err(|_| ApiError::new(Code::SealedInvalid))?;
    let value: Value = serde_json::from_slice(&plain).map_err(|_| {
        ApiError::new(Code::SealedInvalid)
            .with_detail("The sealed message opened, but what it holds is not a JSON report.")
    })?;
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
