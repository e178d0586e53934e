//! `GET /meta`.

use actix_web::{HttpResponse, web};

use crate::http::problem::ApiError;
use crate::services::meta;
use crate::state::AppState;

/// Reference data clients build their forms from. SPOCs are listed without their addresses.
pub async fn get(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(meta::meta(&state).await?))
}
