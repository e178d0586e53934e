//! `POST /checks`: look up one identifier against published alerts.

use actix_web::{HttpRequest, HttpResponse, web};

use super::json::ApiJson;
use super::limit::admit;
use crate::http::problem::ApiError;
use crate::limits::Group;
use crate::services::checks;
use crate::state::AppState;

pub async fn check(
    state: web::Data<AppState>,
    req: HttpRequest,
    ApiJson(body): ApiJson<checks::CheckInput>,
) -> Result<HttpResponse, ApiError> {
    admit(&req, &state, Group::Checks)?;
    Ok(HttpResponse::Ok().json(checks::check(&state, body).await?))
}
