//! `/check`: look up a phone number, email, vehicle or online handle against published alerts.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::{Error, ErrorKind};
use crate::limits::Group;
use crate::services::checks::{self, CheckInput, Match};
use crate::state::AppState;

use super::form::{Form, FormView};
use super::page::{self, Ctx};

/// The four things a worker can check, as the JSON contract names them.
const KINDS: [&str; 4] = ["phone", "email", "vehicle", "handle"];

#[derive(Template)]
#[template(path = "check.html")]
struct CheckPage {
    ctx: Ctx,
    view: FormView,
    /// After a check: what matched (empty: nothing did).
    result: Option<Vec<Match>>,
}

impl CheckPage {
    fn kinds(&self) -> [&'static str; 4] {
        KINDS
    }
}

pub async fn get(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req, &state, "/check");
    let page = CheckPage {
        ctx: ctx.clone(),
        view: FormView::default(),
        result: None,
    };
    page::ok(&ctx, &page)
}

pub async fn post(req: HttpRequest, state: web::Data<AppState>, body: web::Bytes) -> HttpResponse {
    let ctx = Ctx::new(&req, &state, "/check");
    let Some(form) = Form::parse(&body) else {
        return page::error(&ctx, &Error::new(ErrorKind::BadRequest));
    };
    // The same buckets as the API's checks.
    let proof = Some(form.get("proof")).filter(|p| !p.is_empty());
    if let Err(e) = page::within_limit_with(&state, &req, Group::Checks, proof) {
        return page::error(&ctx, &e);
    }
    let json = form.to_json(&[], &[], &[], &["proof"]);
    let result = match serde_json::from_value::<CheckInput>(json) {
        Ok(input) => checks::check(&state, input).await,
        Err(e) => Err(Error::from(e)),
    };
    match result {
        Ok(found) => page::ok(
            &ctx,
            &CheckPage {
                ctx: ctx.clone(),
                view: FormView::new(form),
                result: Some(found.matches),
            },
        ),
        Err(e) if e.kind() == ErrorKind::ValidationFailed => {
            let view = FormView::with_errors(form, &ctx, e.errors());
            page::send(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ctx,
                &CheckPage {
                    ctx: ctx.clone(),
                    view,
                    result: None,
                },
            )
        }
        Err(e) => page::error(&ctx, &e),
    }
}
