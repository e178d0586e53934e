//! `/`: what Lookout is, how a report is protected, and the consent statement with its limits.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::state::AppState;

use super::page::{self, Ctx};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: Ctx,
}

pub async fn get(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req, &state, "/");
    page::ok(&ctx.clone(), &HomePage { ctx })
}
