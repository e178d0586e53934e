//! Follow-up with a receipt: `POST /receipt`, `/receipt/messages`, `/receipt/consent`,
//! `/receipt/withdraw`. The body is checked before the receipt is looked up, so a malformed
//! request tells a guesser nothing about the receipt in it.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::json;

use super::json::ApiJson;
use super::limit::ReceiptLimit;
use crate::http::problem::ApiError;
use crate::secret::SensitiveString;
use crate::services::reports::{self, input};
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceiptBody {
    receipt: SensitiveString,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageBody {
    receipt: SensitiveString,
    body: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentBody {
    receipt: SensitiveString,
    consent: input::ConsentInput,
}

pub async fn status(
    _limit: ReceiptLimit,
    state: web::Data<AppState>,
    ApiJson(body): ApiJson<ReceiptBody>,
) -> Result<HttpResponse, ApiError> {
    let report = reports::find_by_receipt(&state, body.receipt.expose()).await?;
    let view = reports::reporter_view(&state, report).await?;
    Ok(HttpResponse::Ok().json(view))
}

pub async fn message(
    _limit: ReceiptLimit,
    state: web::Data<AppState>,
    ApiJson(body): ApiJson<MessageBody>,
) -> Result<HttpResponse, ApiError> {
    let on = reports::reply(&state, body.receipt.expose(), &body.body).await?;
    Ok(HttpResponse::Created().json(json!({"from": "reporter", "on": on})))
}

pub async fn consent(
    _limit: ReceiptLimit,
    state: web::Data<AppState>,
    ApiJson(body): ApiJson<ConsentBody>,
) -> Result<HttpResponse, ApiError> {
    let view =
        reports::change_consent_by_receipt(&state, body.receipt.expose(), &body.consent).await?;
    Ok(HttpResponse::Ok().json(json!({
        "consent": view,
        "note": "This applies from now on. Anything already sent to police under an earlier consent cannot be taken back.",
    })))
}

pub async fn withdraw(
    _limit: ReceiptLimit,
    state: web::Data<AppState>,
    ApiJson(body): ApiJson<ReceiptBody>,
) -> Result<HttpResponse, ApiError> {
    let report = reports::find_by_receipt(&state, body.receipt.expose()).await?;
    reports::withdraw(&state, &report).await?;
    Ok(HttpResponse::Ok().json(json!({
        "status": "withdrawn",
        "detail": "Your report's key has been destroyed: nobody, including Lookout, can read it again. This receipt no longer works.",
    })))
}
