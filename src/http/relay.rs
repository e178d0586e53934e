//! `POST /relay/reports`: an outreach organisation relays a report with its worker's consent.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use futures_util::future::LocalBoxFuture;
use serde_json::{Value, json};

use super::json::{ApiJson, decode};
use crate::domain::{Error, FieldError, OrgId};
use crate::http::problem::{ApiError, Code};
use crate::services::register;
use crate::services::reports::{self, input};
use crate::state::AppState;

/// A request carrying an active organisation's API key.
pub struct Org(pub OrgId);

impl FromRequest for Org {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let key = super::auth::bearer(req);
        Box::pin(async move {
            let state =
                state.ok_or_else(|| ApiError::from(Error::internal("no application state")))?;
            let key = key.ok_or_else(|| ApiError::new(Code::Unauthorized))?;
            Ok(Org(register::authenticate_org(&state, key.expose()).await?))
        })
    }
}

pub async fn submit(
    state: web::Data<AppState>,
    org: Org,
    ApiJson(mut body): ApiJson<Value>,
) -> Result<HttpResponse, ApiError> {
    input::refuse_forbidden_fields(&body)?;
    let relay = match body.as_object_mut().and_then(|o| o.remove("relay")) {
        Some(r) => decode::<input::RelayInput>(r).map_err(|_| {
            ApiError::from(Error::validation(vec![FieldError::new(
                "relay",
                "must be {\"worker_consented\": true, \"contact_via_org\": bool}",
            )]))
        })?,
        None => input::RelayInput::default(),
    };
    let contact_via_org = input::check_relay(&relay).map_err(Error::validation)?;
    let report: input::ReportInput = decode(body)?;
    let report = input::check_report(&report, &state.settings, contact_via_org)
        .map_err(Error::validation)?;
    let receipt = reports::submit(&state, report, Some(org.0)).await?;
    Ok(HttpResponse::Created().json(json!({"receipt": receipt.expose(), "status": "received"})))
}
