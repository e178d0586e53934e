//! HTTP: one file per resource, one routing function. Handlers parse, call a service function
//! and render; no SQL and no cryptography here.

pub mod auth;
mod cases;
mod checks;
mod health;
pub mod json;
mod meta;
mod receipt;
mod register;
mod relay;
mod reports;
mod subscriptions;

use actix_web::web;

use crate::problem::{ApiError, Code};

pub fn routes(cfg: &mut web::ServiceConfig) {
    // Resources (not bare routes) so a wrong method answers 405 rather than 404.
    cfg.service(
        web::scope("/api/v1")
            .service(web::resource("/health").route(web::get().to(health::get)))
            .service(web::resource("/meta").route(web::get().to(meta::get)))
            .service(web::resource("/reports").route(web::post().to(reports::submit)))
            .service(web::resource("/reports/sealed").route(web::post().to(reports::submit_sealed)))
            .service(web::resource("/reports/preview").route(web::post().to(reports::preview)))
            .service(web::resource("/receipt").route(web::post().to(receipt::status)))
            .service(web::resource("/receipt/messages").route(web::post().to(receipt::message)))
            .service(web::resource("/receipt/consent").route(web::post().to(receipt::consent)))
            .service(web::resource("/receipt/withdraw").route(web::post().to(receipt::withdraw)))
            .service(
                web::resource("/subscriptions").route(web::post().to(subscriptions::subscribe)),
            )
            .service(
                web::resource("/subscriptions/confirm")
                    .route(web::get().to(subscriptions::confirm_get))
                    .route(web::post().to(subscriptions::confirm_post)),
            )
            .service(
                web::resource("/subscriptions/unsubscribe")
                    .route(web::get().to(subscriptions::unsubscribe))
                    .route(web::post().to(subscriptions::unsubscribe)),
            )
            .service(web::resource("/auth/login").route(web::post().to(auth::login)))
            .service(web::resource("/auth/logout").route(web::post().to(auth::logout)))
            .service(web::resource("/auth/totp/setup").route(web::post().to(auth::totp_setup)))
            .service(web::resource("/auth/totp/enable").route(web::post().to(auth::totp_enable)))
            .service(web::resource("/staff").route(web::post().to(auth::create_staff)))
            .service(web::resource("/cases").route(web::get().to(cases::list)))
            .service(web::resource("/cases/{id}").route(web::get().to(cases::view)))
            .service(
                web::resource("/cases/{id}/alert-draft").route(web::get().to(cases::alert_draft)),
            )
            .service(web::resource("/cases/{id}/alerts").route(web::post().to(cases::publish)))
            .service(web::resource("/cases/{id}/messages").route(web::post().to(cases::message)))
            .service(web::resource("/cases/{id}/close").route(web::post().to(cases::close)))
            .service(web::resource("/cases/{id}/forward").route(web::post().to(cases::forward)))
            .service(
                web::resource("/spocs")
                    .route(web::get().to(register::list_spocs))
                    .route(web::post().to(register::create_spoc)),
            )
            .service(
                web::resource("/spocs/{id}/retire").route(web::post().to(register::retire_spoc)),
            )
            .service(web::resource("/orgs").route(web::post().to(register::create_org)))
            .service(web::resource("/orgs/{id}/revoke").route(web::post().to(register::revoke_org)))
            .service(web::resource("/audit").route(web::get().to(register::list_audit)))
            .service(web::resource("/audit/verify").route(web::get().to(register::verify_audit)))
            .service(web::resource("/relay/reports").route(web::post().to(relay::submit)))
            .service(web::resource("/checks").route(web::post().to(checks::check))),
    );
}

pub async fn not_found() -> Result<actix_web::HttpResponse, ApiError> {
    Err(ApiError::new(Code::NotFound))
}
