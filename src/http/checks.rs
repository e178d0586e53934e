//! `POST /checks`: look up one identifier against published alerts.

use actix_web::{HttpRequest, HttpResponse, web};

use super::json::ApiJson;
use crate::domain::ErrorKind;
use crate::http::problem::ApiError;
use crate::services::checks;
use crate::state::AppState;

pub async fn check(
    state: web::Data<AppState>,
    req: HttpRequest,
    ApiJson(body): ApiJson<checks::CheckInput>,
) -> Result<HttpResponse, ApiError> {
    // The address is only hashed into the limiter's in-memory window; it is never logged or kept.
    if !state.check_limiter.allow(req.peer_addr().map(|a| a.ip())) {
        return Err(ErrorKind::RateLimited.into());
    }
    Ok(HttpResponse::Ok().json(checks::check(&state, body).await?))
}
