//! `/subscribe`, and the pages the emailed links open. A link only shows a page with one button:
//! only the POST confirms or unsubscribes, so a mail scanner that follows links changes nothing.
//! `POST /subscriptions/unsubscribe?token=…` with `List-Unsubscribe=One-Click` (RFC 8058, sent by
//! mail clients from the `List-Unsubscribe` header) unsubscribes too.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::{Error, ErrorKind};
use crate::i18n::Language;
use crate::limits::Group;
use crate::secret::SensitiveString;
use crate::services::subscriptions::{self, SubscribeInput};
use crate::state::AppState;

use super::form::{Form, FormView};
use super::page::{self, Ctx, MessagePage};

#[derive(Template)]
#[template(path = "subscribe.html")]
struct SubscribePage {
    ctx: Ctx,
    view: FormView,
}

impl SubscribePage {
    fn language_selected(&self, tag: &str) -> bool {
        match self.view.v("language") {
            "" => tag == self.ctx.lang.tag(),
            chosen => chosen == tag,
        }
    }

    fn languages(&self) -> [Language; 10] {
        Language::ALL
    }
}

pub async fn get(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req, &state, "/subscribe");
    let view = FormView::default();
    page::ok(&ctx.clone(), &SubscribePage { ctx, view })
}

pub async fn post(req: HttpRequest, state: web::Data<AppState>, body: web::Bytes) -> HttpResponse {
    let ctx = Ctx::new(&req, &state, "/subscribe");
    let Some(form) = Form::parse(&body) else {
        return page::error(&ctx, &Error::new(ErrorKind::BadRequest));
    };
    let proof = Some(form.get("proof")).filter(|p| !p.is_empty());
    if let Err(e) = page::within_limit_with(&state, &req, Group::Writes, proof) {
        return page::error(&ctx, &e);
    }
    let mut json = form.to_json(&["regions", "categories"], &[], &["email"], &["proof"]);
    // No region ticked is the core's field error ("must list between 1 and 64"), as from the API.
    if let Some(fields) = json.as_object_mut() {
        fields
            .entry("regions")
            .or_insert_with(|| serde_json::Value::Array(Vec::new()));
    }
    let result = match serde_json::from_value::<SubscribeInput>(json) {
        Ok(input) => subscriptions::subscribe(&state, input).await,
        Err(e) => Err(Error::from(e)),
    };
    match result {
        Ok(()) => page::ok(
            &ctx,
            &MessagePage::new(&ctx, "subscribe-sent-title", "subscribe-sent"),
        ),
        Err(e) if e.kind() == ErrorKind::ValidationFailed => {
            let view = FormView::with_errors(form, &ctx, e.errors());
            page::send(
                actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
                &ctx,
                &SubscribePage {
                    ctx: ctx.clone(),
                    view,
                },
            )
        }
        Err(e) => page::error(&ctx, &e),
    }
}

/// The page behind an emailed link: one button that posts the token.
#[derive(Template)]
#[template(path = "link_button.html")]
struct LinkButtonPage {
    ctx: Ctx,
    title: String,
    explain: String,
    button: String,
    token: SensitiveString,
}

fn query_token(req: &HttpRequest) -> Option<SensitiveString> {
    url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "token")
        .map(|(_, v)| SensitiveString::from(v.into_owned()))
        .filter(|t| !t.is_empty())
}

fn link_page(
    req: &HttpRequest,
    state: &AppState,
    path: &'static str,
    purpose: &str,
) -> HttpResponse {
    let ctx = Ctx::new(req, state, path);
    let Some(token) = query_token(req) else {
        return page::send(
            actix_web::http::StatusCode::BAD_REQUEST,
            &ctx,
            &MessagePage::new(&ctx, "link-invalid-title", "link-no-token"),
        );
    };
    page::ok(
        &ctx,
        &LinkButtonPage {
            title: ctx.t(&format!("{purpose}-title")),
            explain: ctx.t(&format!("{purpose}-explain")),
            button: ctx.t(&format!("{purpose}-button")),
            token,
            ctx: ctx.clone(),
        },
    )
}

pub async fn confirm_get(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    link_page(&req, &state, "/subscriptions/confirm", "confirm")
}

pub async fn unsubscribe_get(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    link_page(&req, &state, "/subscriptions/unsubscribe", "unsubscribe")
}

/// The token from the page's button (the form field), or from the URL (RFC 8058 one-click).
fn posted_token(req: &HttpRequest, body: &[u8]) -> Option<SensitiveString> {
    Form::parse(body)
        .map(|f| f.get("token").to_string())
        .filter(|t| !t.is_empty())
        .map(SensitiveString::from)
        .or_else(|| query_token(req))
}

async fn act(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
    path: &'static str,
    confirm: bool,
) -> HttpResponse {
    let ctx = Ctx::new(&req, &state, path);
    let Some(token) = posted_token(&req, &body) else {
        return page::send(
            actix_web::http::StatusCode::BAD_REQUEST,
            &ctx,
            &MessagePage::new(&ctx, "link-invalid-title", "link-no-token"),
        );
    };
    let result = if confirm {
        subscriptions::confirm(&state, token.expose()).await
    } else {
        subscriptions::unsubscribe(&state, token.expose()).await
    };
    let (title, done) = if confirm {
        ("confirmed-title", "confirmed")
    } else {
        ("unsubscribed-title", "unsubscribed")
    };
    match result {
        Ok(()) => page::ok(&ctx, &MessagePage::new(&ctx, title, done)),
        Err(e) if e.kind() == ErrorKind::NotFound => page::send(
            actix_web::http::StatusCode::NOT_FOUND,
            &ctx,
            &MessagePage::new(&ctx, "link-invalid-title", "link-invalid"),
        ),
        Err(e) => page::error(&ctx, &e),
    }
}

pub async fn confirm_post(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> HttpResponse {
    act(req, state, body, "/subscriptions/confirm", true).await
}

pub async fn unsubscribe_post(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> HttpResponse {
    act(req, state, body, "/subscriptions/unsubscribe", false).await
}
