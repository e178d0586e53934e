use actix_web::{HttpResponse, web};
use serde_json::json;

use crate::state::AppState;

/// 200 when the database answers, 503 when it does not; the cause goes to the log only.
pub async fn get(state: web::Data<AppState>) -> HttpResponse {
    match state.db.ping().await {
        Ok(()) => HttpResponse::Ok().json(json!({"status": "ok", "database": "ok"})),
        Err(e) => {
            tracing::warn!(cause = %e, "health check: database unavailable");
            HttpResponse::ServiceUnavailable()
                .json(json!({"status": "degraded", "database": "unavailable"}))
        }
    }
}
