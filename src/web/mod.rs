//! The pages: a second face beside `src/http/`, for people with a phone browser and no
//! JavaScript. Every handler parses a form, calls the same service functions as the JSON API and
//! renders a template; no business rule lives here, so what a reporter previews on a page is what
//! the API previews and what police would receive.
//!
//! Every page: no script, no external resource, `Cache-Control: no-store`, and the strict
//! [`page::CSP`]; no cookie, except the staff console's session (`staff/`). Free text arrives only
//! in POST bodies, never in a URL or a log line.

mod assets;
mod check;
mod follow_up;
#[doc(hidden)] // Public only so that `fuzz/` can reach the form decoder.
pub mod form;
mod home;
mod page;
mod report;
mod staff;
mod statistics;
mod subscribe;

use actix_web::web;

pub use page::{not_found, render_framework_errors};

/// The most a form may send: a 20,000-character description percent-encoded, with room to spare.
const FORM_LIMIT: usize = 1024 * 1024;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.app_data(web::PayloadConfig::new(FORM_LIMIT))
        .service(web::resource("/").route(web::get().to(home::get)))
        .service(
            web::resource("/report")
                .route(web::get().to(report::get))
                .route(web::post().to(report::post)),
        )
        .service(
            web::resource("/follow-up")
                .route(web::get().to(follow_up::get))
                .route(web::post().to(follow_up::post)),
        )
        .service(
            web::resource("/check")
                .route(web::get().to(check::get))
                .route(web::post().to(check::post)),
        )
        .service(
            web::resource("/subscribe")
                .route(web::get().to(subscribe::get))
                .route(web::post().to(subscribe::post)),
        )
        .service(
            web::resource("/subscriptions/confirm")
                .route(web::get().to(subscribe::confirm_get))
                .route(web::post().to(subscribe::confirm_post)),
        )
        .service(
            web::resource("/subscriptions/unsubscribe")
                .route(web::get().to(subscribe::unsubscribe_get))
                .route(web::post().to(subscribe::unsubscribe_post)),
        )
        .service(web::resource("/statistics").route(web::get().to(statistics::get)))
        .configure(staff::routes)
        .service(web::resource("/static/lookout.css").route(web::get().to(assets::stylesheet)))
        .service(web::resource("/static/icon.svg").route(web::get().to(assets::icon)))
        .service(web::resource("/static/proof.js").route(web::get().to(assets::proof)))
        .service(web::resource("/favicon.ico").route(web::get().to(assets::icon)));
}
