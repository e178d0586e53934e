//! `GET /statistics`.

use actix_web::{HttpResponse, web};

use crate::http::problem::ApiError;
use crate::services::statistics;
use crate::state::AppState;

/// The published statistics: closed quarters only, small counts suppressed.
pub async fn get(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(&*statistics::published(&state).await?))
}
