//! The staff console under `/staff/`: casework and administration in the browser, over the same
//! service functions as the JSON API (so what the forward page shows is what the SPOC receives).
//!
//! Every page is signed in through [`session`] (a `__Host-` cookie over the same sessions as API
//! tokens); every form that changes something carries the session's CSRF token and is checked
//! for coming from this site. Like the reporter pages: no script, no external resource, the same
//! strict CSP and `no-store`.

mod account;
mod admin;
mod cases;
mod exceptions;
mod layout;
mod login;
mod requests;
mod session;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/staff").route(web::get().to(cases::home)))
        .service(
            web::resource("/staff/login")
                .route(web::get().to(login::get))
                .route(web::post().to(login::post)),
        )
        .service(web::resource("/staff/logout").route(web::post().to(login::logout)))
        .service(web::resource("/staff/account").route(web::get().to(account::get)))
        .service(web::resource("/staff/account/password").route(web::post().to(account::password)))
        .service(
            web::resource("/staff/account/totp/setup").route(web::post().to(account::totp_setup)),
        )
        .service(
            web::resource("/staff/account/totp/enable").route(web::post().to(account::totp_enable)),
        )
        .service(
            web::resource("/staff/account/totp/disable")
                .route(web::post().to(account::totp_disable)),
        );
    cases::routes(cfg);
    requests::routes(cfg);
    exceptions::routes(cfg);
    admin::routes(cfg);
}
