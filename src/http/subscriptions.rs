//! `/subscriptions`: subscribe (202 always), confirm, and one-click unsubscribe (RFC 8058).
//! The tokens arrive in query strings from email links; the request log never records those.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde_json::json;

use super::json::ApiJson;
use super::limit::AnonymousLimit;
use crate::http::problem::{ApiError, Code};
use crate::secret::SensitiveString;
use crate::services::subscriptions;
use crate::state::AppState;

pub async fn subscribe(
    _limit: AnonymousLimit,
    state: web::Data<AppState>,
    ApiJson(body): ApiJson<subscriptions::SubscribeInput>,
) -> Result<HttpResponse, ApiError> {
    subscriptions::subscribe(&state, body).await?;
    Ok(HttpResponse::Accepted().json(json!({
        "status": "accepted",
        "detail": "If this address can receive alerts, a confirmation email is on its way. Nothing is sent until it is confirmed.",
    })))
}

#[derive(Deserialize)]
pub struct TokenQuery {
    token: Option<SensitiveString>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenBody {
    token: SensitiveString,
}

fn required(token: Option<SensitiveString>) -> Result<SensitiveString, ApiError> {
    token
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiError::new(Code::BadRequest).with_detail("The link has no token."))
}

pub async fn confirm_get(
    state: web::Data<AppState>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, ApiError> {
    let token = required(query.into_inner().token)?;
    subscriptions::confirm(&state, token.expose()).await?;
    Ok(confirmed())
}

pub async fn confirm_post(
    state: web::Data<AppState>,
    ApiJson(body): ApiJson<TokenBody>,
) -> Result<HttpResponse, ApiError> {
    subscriptions::confirm(&state, body.token.expose()).await?;
    Ok(confirmed())
}

fn confirmed() -> HttpResponse {
    HttpResponse::Ok().json(json!({"status": "confirmed", "detail": "Safety alerts for your regions will now reach this address."}))
}

/// GET (a person clicking the link) and POST (a mail client's one-click unsubscribe, whose body
/// is `List-Unsubscribe=One-Click` form data and carries nothing we need) both take the token
/// from the query string.
pub async fn unsubscribe(
    state: web::Data<AppState>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, ApiError> {
    let token = required(query.into_inner().token)?;
    subscriptions::unsubscribe(&state, token.expose()).await?;
    Ok(HttpResponse::Ok().json(json!({"status": "unsubscribed", "detail": "This address will receive no more alerts, and has been deleted."})))
}
