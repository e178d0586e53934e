use actix_web::{HttpResponse, web};
use serde_json::json;

use crate::app::AppState;
use crate::consent;
use crate::crypto::sealed;
use crate::db::reports as store;
use crate::problem::ApiError;

/// Reference data clients build their forms from. SPOCs are listed without their addresses.
pub async fn get(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let settings = &state.settings;
    let spocs = state
        .db
        .run(|conn| store::active_spocs(conn).map_err(ApiError::from))
        .await?;
    let spocs: Vec<_> = spocs
        .into_iter()
        .map(|s| json!({"id": s.id, "name": s.name, "region": s.region}))
        .collect();
    Ok(HttpResponse::Ok().json(json!({
        "regions": settings.reference.regions,
        "categories": settings.reference.categories,
        "spocs": spocs,
        "consent_statement": {
            "version": consent::STATEMENT_VERSION,
            "text": consent::STATEMENT_TEXT,
        },
        "sealed_reports": {
            "kem": sealed::KEM_NAME,
            "kdf": sealed::KDF_NAME,
            "aead": sealed::AEAD_NAME,
            "info": String::from_utf8_lossy(sealed::INFO),
            "key_id": state.sealed.key_id(),
            "public_key": state.sealed.public_key_b64(),
        },
    })))
}
