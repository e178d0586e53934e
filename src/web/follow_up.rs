//! `/follow-up`: the reporter enters the receipt and sees the status, the thread and what was
//! disclosed; replies; changes consent after seeing what the new level would send; withdraws
//! after a confirmation that says what withdrawal destroys. The receipt travels only in POST
//! bodies (a hidden field on these never-cached pages), never in a URL.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::{ConsentLevel, Error, ErrorKind, FieldError, consent};
use crate::limits::Group;
use crate::secret::SensitiveString;
use crate::services::meta;
use crate::services::register::SpocSummary;
use crate::services::reports::{self, ReporterView, input::ConsentInput};
use crate::state::AppState;

use super::form::{Form, FormView};
use super::page::{self, Ctx, MessagePage};

/// The receipt entry form.
#[derive(Template)]
#[template(path = "follow_up_enter.html")]
struct EnterPage {
    ctx: Ctx,
    view: FormView,
}

/// The report as its reporter sees it, with the reply, consent and withdrawal forms.
#[derive(Template)]
#[template(path = "follow_up_status.html")]
struct StatusPage {
    ctx: Ctx,
    receipt: SensitiveString,
    report: ReporterView,
    spocs: Vec<SpocSummary>,
    /// The reply and consent forms as typed, with their errors.
    view: FormView,
    /// What was just done ("message sent", "consent changed").
    done: Option<String>,
}

impl StatusPage {
    /// When retention will delete the report.
    fn expires(&self) -> String {
        self.ctx.t2(
            "follow-up-expires",
            ("date", self.report.expires_on.clone()),
            ("days", self.ctx.settings().retention.days.to_string()),
        )
    }

    fn statement_version(&self) -> &'static str {
        consent::STATEMENT_VERSION
    }

    fn spoc_name(&self) -> Option<String> {
        let id = self.report.consent.spoc_id.as_ref()?;
        self.spocs
            .iter()
            .find(|s| &s.id == id)
            .map(|s| format!("{} ({})", s.name, self.ctx.region(&s.region)))
    }

    fn police(&self) -> &str {
        match self.view.v("consent.police") {
            "" => self.report.consent.police.as_str(),
            level => level,
        }
    }

    fn chosen_spoc(&self) -> String {
        match self.view.v("consent.spoc_id") {
            "" => self
                .report
                .consent
                .spoc_id
                .as_ref()
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
            chosen => chosen.to_string(),
        }
    }

    fn spoc_hint(&self) -> bool {
        false
    }

    fn sender_label(&self, from: &str) -> String {
        self.ctx.t(if from == "reporter" {
            "follow-up-from-you"
        } else {
            "follow-up-from-caseworker"
        })
    }
}

/// What a new consent would send, and the button that makes the change.
#[derive(Template)]
#[template(path = "follow_up_consent.html")]
struct ConsentPreviewPage {
    ctx: Ctx,
    form: Form,
    level: ConsentLevel,
    police_text: Option<String>,
}

/// Withdrawal, asked once more.
#[derive(Template)]
#[template(path = "follow_up_withdraw.html")]
struct WithdrawPage {
    ctx: Ctx,
    receipt: SensitiveString,
}

pub async fn get(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req, &state, "/follow-up");
    page::ok(
        &ctx,
        &EnterPage {
            ctx: ctx.clone(),
            view: FormView::default(),
        },
    )
}

pub async fn post(req: HttpRequest, state: web::Data<AppState>, body: web::Bytes) -> HttpResponse {
    let ctx = Ctx::new(&req, &state, "/follow-up");
    let Some(form) = Form::parse(&body) else {
        return page::error(&ctx, &Error::new(ErrorKind::BadRequest));
    };
    if let Err(e) = page::within_limit(&state, &req, Group::Receipts) {
        return page::error(&ctx, &e);
    }
    let receipt = SensitiveString::from(form.get("receipt").trim().to_string());
    if receipt.is_empty() {
        let view = FormView::with_errors(
            form,
            &ctx,
            &[FieldError::new("receipt", "must not be empty")],
        );
        return page::send(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ctx,
            &EnterPage {
                ctx: ctx.clone(),
                view,
            },
        );
    }
    let action = form.get("action").to_string();
    let outcome = match action.as_str() {
        "reply" => reports::reply(&state, receipt.expose(), form.get("body"))
            .await
            .map(|_| Some(ctx.t("follow-up-reply-sent"))),
        "consent-preview" => {
            return consent_preview(&ctx, &state, receipt, form).await;
        }
        "consent" => {
            reports::change_consent_by_receipt(&state, receipt.expose(), &consent_input(&form))
                .await
                .map(|_| Some(ctx.t("follow-up-consent-changed")))
        }
        "withdraw-ask" => {
            return page::ok(
                &ctx,
                &WithdrawPage {
                    ctx: ctx.clone(),
                    receipt,
                },
            );
        }
        "withdraw" => return withdraw(&ctx, &state, receipt).await,
        _ => Ok(None),
    };
    match outcome {
        // After an action the form is fresh (the message went; the consent is the new one).
        Ok(done) => {
            status_page(
                &ctx,
                &state,
                receipt,
                FormView::default(),
                done,
                StatusCode::OK,
            )
            .await
        }
        Err(e) => action_refused(&ctx, &state, receipt, form, e).await,
    }
}

fn consent_input(form: &Form) -> ConsentInput {
    let police = match form.get("consent.police") {
        "" => "none",
        level => level,
    }
    .to_string();
    let none = police == "none";
    let optional = |name: &str| {
        let v = form.get(name).trim();
        (!none && !v.is_empty()).then(|| v.to_string())
    };
    ConsentInput {
        police,
        spoc_id: optional("consent.spoc_id"),
        statement_version: optional("consent.statement_version"),
        share_children: form.get("consent.share_children") == "true",
    }
}

/// The status page; an unknown receipt goes back to the entry form with what was typed.
async fn status_page(
    ctx: &Ctx,
    state: &AppState,
    receipt: SensitiveString,
    view: FormView,
    done: Option<String>,
    status: StatusCode,
) -> HttpResponse {
    let found = match reports::find_by_receipt(state, receipt.expose()).await {
        Ok(row) => reports::reporter_view(state, row).await,
        Err(e) => Err(e),
    };
    let report = match found {
        Ok(r) => r,
        Err(e) if e.kind() == ErrorKind::ReceiptUnknown => return unknown_receipt(ctx, &receipt),
        Err(e) => return page::error(ctx, &e),
    };
    let spocs = match meta::active_spocs(state).await {
        Ok(spocs) => spocs,
        Err(e) => return page::error(ctx, &e),
    };
    page::send(
        status,
        ctx,
        &StatusPage {
            ctx: ctx.clone(),
            receipt,
            report,
            spocs,
            view,
            done,
        },
    )
}

fn unknown_receipt(ctx: &Ctx, receipt: &SensitiveString) -> HttpResponse {
    let mut form = Form::default();
    form.set("receipt", receipt.expose());
    let mut view = FormView::new(form);
    view.errors
        .push(("receipt".to_string(), ctx.t("follow-up-receipt-unknown")));
    page::send(
        StatusCode::NOT_FOUND,
        ctx,
        &EnterPage {
            ctx: ctx.clone(),
            view,
        },
    )
}

/// A reply or consent change that was refused: the status page again, with what was typed and
/// the errors beside the fields.
async fn action_refused(
    ctx: &Ctx,
    state: &AppState,
    receipt: SensitiveString,
    form: Form,
    e: Error,
) -> HttpResponse {
    match e.kind() {
        ErrorKind::ValidationFailed => {
            let view = FormView::with_errors(form, ctx, e.errors());
            status_page(
                ctx,
                state,
                receipt,
                view,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        ErrorKind::ReceiptUnknown => unknown_receipt(ctx, &receipt),
        _ => page::error(ctx, &e),
    }
}

async fn consent_preview(
    ctx: &Ctx,
    state: &AppState,
    receipt: SensitiveString,
    form: Form,
) -> HttpResponse {
    let input = consent_input(&form);
    let level = ConsentLevel::parse(&input.police).unwrap_or(ConsentLevel::None);
    match reports::consent_preview(state, receipt.expose(), &input).await {
        Ok(police_text) => page::ok(
            ctx,
            &ConsentPreviewPage {
                ctx: ctx.clone(),
                form,
                level,
                police_text,
            },
        ),
        Err(e) => action_refused(ctx, state, receipt, form, e).await,
    }
}

async fn withdraw(ctx: &Ctx, state: &AppState, receipt: SensitiveString) -> HttpResponse {
    let result = match reports::find_by_receipt(state, receipt.expose()).await {
        Ok(row) => reports::withdraw(state, &row).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => page::ok(ctx, &MessagePage::new(ctx, "withdrawn-title", "withdrawn")),
        Err(e) if e.kind() == ErrorKind::ReceiptUnknown => unknown_receipt(ctx, &receipt),
        Err(e) => page::error(ctx, &e),
    }
}
