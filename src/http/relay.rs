//! `POST /relay/reports`: an outreach organisation relays a report with its worker's consent.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use futures_util::future::LocalBoxFuture;
use serde::Deserialize;
use serde_json::{Value, json};

use super::json::{ApiJson, decode};
use crate::app::AppState;
use crate::db::register::OrgRow;
use crate::problem::{ApiError, Code, FieldError};
use crate::register;
use crate::reports::{self, input};

/// A request carrying an active organisation's API key.
pub struct Org(pub OrgRow);

impl FromRequest for Org {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let key = super::auth::bearer(req);
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::internal("no application state"))?;
            let key = key.ok_or_else(|| ApiError::new(Code::Unauthorized))?;
            Ok(Org(register::authenticate_org(&state, key.expose()).await?))
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Relay {
    #[serde(default)]
    worker_consented: bool,
    #[serde(default)]
    contact_via_org: bool,
}

pub async fn submit(
    state: web::Data<AppState>,
    org: Org,
    ApiJson(mut body): ApiJson<Value>,
) -> Result<HttpResponse, ApiError> {
    super::reports::refuse_firewall_fields(&body)?;
    let relay = body.as_object_mut().and_then(|o| o.remove("relay"));
    let relay: Relay = match relay {
        Some(r) => decode::<Relay>(r).map_err(|_| {
            ApiError::validation(vec![FieldError::new(
                "relay",
                "must be {\"worker_consented\": true, \"contact_via_org\": bool}",
            )])
        })?,
        None => Relay {
            worker_consented: false,
            contact_via_org: false,
        },
    };
    if !relay.worker_consented {
        return Err(ApiError::validation(vec![FieldError::new(
            "relay.worker_consented",
            "must be true: a report is only relayed with the worker's consent",
        )]));
    }
    let report: input::ReportInput = decode(body)?;
    let report = input::check_report(&report, &state.settings, relay.contact_via_org)
        .map_err(ApiError::validation)?;
    let receipt = reports::submit(&state, report, Some(org.0.id.clone())).await?;
    Ok(HttpResponse::Created().json(json!({"receipt": receipt.expose(), "status": "received"})))
}
