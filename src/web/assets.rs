//! The style sheet, the icon and the proof-of-work script, compiled into the binary: a page loads
//! nothing from anywhere else.

use actix_web::HttpResponse;
use actix_web::http::header;

const STYLESHEET: &str = include_str!("../../static/lookout.css");
const ICON: &str = include_str!("../../static/icon.svg");
const PROOF: &str = include_str!("../../static/proof.js");

/// Not secret and the same for everyone, so it may be cached (a day), unlike the pages.
fn cached(content_type: &'static str, body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(body)
}

pub async fn stylesheet() -> HttpResponse {
    cached("text/css; charset=utf-8", STYLESHEET)
}

/// The proof-of-work solver, loaded by the form pages only while the service is flooded.
pub async fn proof() -> HttpResponse {
    cached("text/javascript; charset=utf-8", PROOF)
}

pub async fn icon() -> HttpResponse {
    cached("image/svg+xml", ICON)
}
