//! HTTP: one file per resource, one routing function. Handlers parse, call a service function
//! and render; no SQL and no cryptography here.

pub mod auth;
mod cases;
mod checks;
mod exceptions;
mod health;
pub mod json;
mod limit;
mod meta;
mod openapi;
mod police_requests;
pub mod problem;
mod receipt;
mod register;
mod relay;
mod reports;
mod staff;
mod statistics;
mod subscriptions;

use actix_web::web;

use crate::http::problem::{ApiError, Code};

/// Declares the API once: the routing function and `ROUTES`, the list of every (method, path) it
/// answers, which the OpenAPI document is checked against so the two cannot drift apart.
/// Resources (not bare routes), so a wrong method answers 405 rather than 404.
macro_rules! api {
    ($($path:literal => { $($method:ident => $handler:path),+ $(,)? }),+ $(,)?) => {
        /// Every (method, path under `/api/v1`) the API answers.
        pub const ROUTES: &[(&str, &str)] = &[$($((stringify!($method), $path),)+)+];

        pub fn routes(cfg: &mut web::ServiceConfig) {
            cfg.service(
                web::scope("/api/v1")
                    $(.service(web::resource($path)$(.route(web::$method().to($handler)))+))+
            );
        }
    };
}

api! {
    "/health" => { get => health::get },
    "/meta" => { get => meta::get },
    "/openapi.json" => { get => openapi::get },
    "/challenge" => { get => limit::challenge },
    "/reports" => { post => reports::submit },
    "/reports/sealed" => { post => reports::submit_sealed },
    "/reports/preview" => { post => reports::preview },
    "/receipt" => { post => receipt::status },
    "/receipt/messages" => { post => receipt::message },
    "/receipt/consent" => { post => receipt::consent },
    "/receipt/withdraw" => { post => receipt::withdraw },
    "/subscriptions" => { post => subscriptions::subscribe },
    "/subscriptions/confirm" => {
        get => subscriptions::confirm_get,
        post => subscriptions::confirm_post,
    },
    "/subscriptions/unsubscribe" => {
        get => subscriptions::unsubscribe,
        post => subscriptions::unsubscribe,
    },
    "/auth/login" => { post => auth::login },
    "/auth/logout" => { post => auth::logout },
    "/auth/totp/setup" => { post => auth::totp_setup },
    "/auth/totp/enable" => { post => auth::totp_enable },
    "/auth/totp/disable" => { post => auth::totp_disable },
    "/auth/password" => { post => auth::change_password },
    "/staff" => {
        get => staff::list,
        post => staff::create,
    },
    "/staff/{id}/password-reset" => { post => staff::reset_password },
    "/staff/{id}/totp-reset" => { post => staff::reset_totp },
    "/staff/{id}/disable" => { post => staff::disable },
    "/cases" => { get => cases::list },
    "/cases/{id}" => { get => cases::view },
    "/cases/{id}/alert-draft" => { get => cases::alert_draft },
    "/cases/{id}/alerts" => { post => cases::publish },
    "/cases/{id}/alerts/preview" => { post => cases::publish_preview },
    "/cases/{id}/messages" => { post => cases::message },
    "/cases/{id}/close" => { post => cases::close },
    "/cases/{id}/forward" => { post => cases::forward },
    "/cases/{id}/forward/preview" => { post => cases::forward_preview },
    "/cases/{id}/exception-disclosures" => { post => exceptions::propose },
    "/exception-disclosures" => { get => exceptions::list },
    "/exception-disclosures/{id}/approve" => { post => exceptions::approve },
    "/exception-disclosures/{id}/reject" => { post => exceptions::reject },
    "/spocs" => {
        get => register::list_spocs,
        post => register::create_spoc,
    },
    "/spocs/{id}/retire" => { post => register::retire_spoc },
    "/orgs" => {
        get => register::list_orgs,
        post => register::create_org,
    },
    "/orgs/{id}/revoke" => { post => register::revoke_org },
    "/audit" => { get => register::list_audit },
    "/audit/verify" => { get => register::verify_audit },
    "/relay/reports" => { post => relay::submit },
    "/checks" => { post => checks::check },
    "/statistics" => { get => statistics::get },
    "/police-requests" => {
        get => police_requests::list,
        post => police_requests::record,
    },
}

pub async fn not_found() -> Result<actix_web::HttpResponse, ApiError> {
    Err(ApiError::new(Code::NotFound))
}
