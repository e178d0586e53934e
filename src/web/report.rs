//! `/report`: the form, the preview of exactly what would leave the service, and the receipt.
//! The steps are one POST each (`step`); everything typed travels in the form itself (hidden
//! fields on the preview), never in a URL, a cookie or the server's memory.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde_json::Value;

use crate::domain::{ConsentLevel, Error, ErrorKind, FieldError, NewReport, consent};
use crate::i18n::Language;
use crate::limits::Group;
use crate::secret::SensitiveString;
use crate::services::meta;
use crate::services::register::SpocSummary;
use crate::services::reports::{self, Preview, input};
use crate::state::AppState;

use super::form::{Form, FormView};
use super::page::{self, Ctx};

/// Repeated fields, and how many boxes each shows at least (and at most: the core's limit).
pub const LISTS: [&str; 4] = [
    "perpetrator.phone_numbers",
    "perpetrator.emails",
    "perpetrator.vehicles",
    "perpetrator.online_handles",
];
const BOOLS: [&str; 2] = ["alert", "consent.share_children"];
const REQUIRED: [&str; 3] = ["category", "region", "description"];
/// The page's own controls, not part of the report.
const CONTROLS: [&str; 2] = ["step", "proof"];

#[derive(Template)]
#[template(path = "report_form.html")]
struct FormPage {
    ctx: Ctx,
    view: FormView,
    spocs: Vec<SpocSummary>,
}

impl FormPage {
    fn lists(&self) -> [(&'static str, &'static str, usize); 4] {
        [
            ("perpetrator.phone_numbers", "report-phone-numbers", 2),
            ("perpetrator.emails", "report-emails", 1),
            ("perpetrator.vehicles", "report-vehicles", 1),
            ("perpetrator.online_handles", "report-handles", 1),
        ]
    }

    fn max_list(&self) -> usize {
        input::MAX_LIST
    }

    fn statement_version(&self) -> &'static str {
        consent::STATEMENT_VERSION
    }

    fn police(&self) -> &str {
        match self.view.v("consent.police") {
            "" => "none",
            level => level,
        }
    }

    fn chosen_spoc(&self) -> &str {
        self.view.v("consent.spoc_id")
    }

    /// Only the report form explains when a police contact is needed.
    fn spoc_hint(&self) -> bool {
        true
    }

    fn alert_on(&self) -> bool {
        self.view.v("alert") != "false"
    }

    fn language_selected(&self, tag: &str) -> bool {
        match self.view.v("language") {
            "" => tag == self.ctx.lang.tag(),
            chosen => chosen.eq_ignore_ascii_case(tag),
        }
    }

    fn languages(&self) -> [Language; 10] {
        Language::ALL
    }
}

#[derive(Template)]
#[template(path = "report_preview.html")]
struct PreviewPage {
    ctx: Ctx,
    form: Form,
    preview: Preview,
    spoc: Option<SpocSummary>,
    level: ConsentLevel,
}

impl PreviewPage {
    fn removed(&self) -> Vec<String> {
        self.preview
            .removed
            .iter()
            .map(|label| removed_label(&self.ctx, label))
            .collect()
    }
}

/// The name of a kind of removed content in the page's language (the core's English label when
/// no translation has it).
fn removed_label(ctx: &Ctx, label: &str) -> String {
    let slug: String = label
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let key = format!("removed-{}", slug.trim_matches('-').replace("--", "-"));
    if crate::i18n::has(crate::i18n::Language::En, &key) {
        ctx.t(&key)
    } else {
        label.to_string()
    }
}

#[derive(Template)]
#[template(path = "report_receipt.html")]
struct ReceiptPage {
    ctx: Ctx,
    receipt: SensitiveString,
}

impl ReceiptPage {
    /// The receipt in its groups (`LKT`, then groups of four characters), to be copied by hand.
    fn groups(&self) -> Vec<&str> {
        self.receipt.expose().split('-').collect()
    }
}

async fn form_page(
    ctx: &Ctx,
    state: &AppState,
    status: StatusCode,
    mut view: FormView,
) -> HttpResponse {
    // Without the register the form still comes back with everything typed: it only cannot
    // offer a police contact until the database answers again.
    let spocs = match meta::active_spocs(state).await {
        Ok(spocs) => spocs,
        Err(e) => {
            let (_, _, sentence) = page::describe(&e);
            view.errors.push((String::new(), ctx.t(sentence)));
            Vec::new()
        }
    };
    page::send(
        status,
        ctx,
        &FormPage {
            ctx: ctx.clone(),
            view,
            spocs,
        },
    )
}

pub async fn get(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let ctx = Ctx::new(&req, &state, "/report");
    form_page(&ctx, &state, StatusCode::OK, FormView::default()).await
}

/// The report the form describes, as the API would take it. A consent level of "none" makes
/// the police contact and statement fields (always in the form) irrelevant, so they are dropped
/// rather than refused.
fn report_json(form: &Form) -> Value {
    let mut json = form.to_json(&LISTS, &BOOLS, &REQUIRED, &CONTROLS);
    if let Some(consent) = json.get_mut("consent").and_then(Value::as_object_mut) {
        if consent
            .get("police")
            .and_then(Value::as_str)
            .unwrap_or("none")
            == "none"
        {
            consent.remove("spoc_id");
            consent.remove("statement_version");
        }
        if consent.get("share_children") == Some(&Value::Bool(false)) {
            consent.remove("share_children");
        }
    }
    json
}

/// The same checks as `POST /api/v1/reports`, in the same order: forbidden fields first.
fn parse(state: &AppState, form: &Form) -> Result<NewReport, Error> {
    let json = report_json(form);
    input::refuse_forbidden_fields(&json)?;
    let input: input::ReportInput = serde_json::from_value(json)?;
    input::check_report(&input, &state.settings, false).map_err(Error::validation)
}

pub async fn post(req: HttpRequest, state: web::Data<AppState>, body: web::Bytes) -> HttpResponse {
    let ctx = Ctx::new(&req, &state, "/report");
    let Some(form) = Form::parse(&body) else {
        return page::error(&ctx, &Error::new(ErrorKind::BadRequest));
    };
    let proof = Some(form.get("proof")).filter(|p| !p.is_empty());
    if let Err(e) = page::within_limit_with(&state, &req, Group::Writes, proof) {
        return refused(&ctx, &state, form, e).await;
    }
    match form.get("step") {
        // Back to the form with everything kept (from the preview, or to get more boxes).
        "edit" => form_page(&ctx, &state, StatusCode::OK, FormView::new(form)).await,
        "send" => send(&ctx, &state, form).await,
        _ => preview(&ctx, &state, form).await,
    }
}

/// A field error goes back to the form beside its field; a firewall refusal too, on the field
/// it names; anything else (too many requests, a busy database) goes back to the form with a
/// sentence at its top: nothing typed is ever lost.
async fn refused(ctx: &Ctx, state: &AppState, form: Form, e: Error) -> HttpResponse {
    match e.kind() {
        ErrorKind::ValidationFailed | ErrorKind::FirewallField => {
            let mut errors = e.errors().to_vec();
            if errors.is_empty() {
                errors.push(FieldError::new(
                    "body",
                    e.detail().unwrap_or("is not valid"),
                ));
            }
            let view = FormView::with_errors(form, ctx, &errors);
            form_page(ctx, state, StatusCode::UNPROCESSABLE_ENTITY, view).await
        }
        _ => {
            let (status, _, sentence) = page::describe(&e);
            let view = FormView::with_general(form, ctx.t(sentence));
            form_page(ctx, state, status, view).await
        }
    }
}

async fn preview(ctx: &Ctx, state: &AppState, form: Form) -> HttpResponse {
    let report = match parse(state, &form) {
        Ok(r) => r,
        Err(e) => return refused(ctx, state, form, e).await,
    };
    let level = report.consent.level;
    let spoc_id = report.consent.spoc_id.clone();
    let preview = match reports::preview(state, report).await {
        Ok(p) => p,
        Err(e) => return refused(ctx, state, form, e).await,
    };
    let spoc = match meta::active_spocs(state).await {
        Ok(all) => all.into_iter().find(|s| Some(&s.id) == spoc_id.as_ref()),
        Err(e) => return page::error(ctx, &e),
    };
    page::ok(
        ctx,
        &PreviewPage {
            ctx: ctx.clone(),
            form,
            preview,
            spoc,
            level,
        },
    )
}

async fn send(ctx: &Ctx, state: &AppState, form: Form) -> HttpResponse {
    let report = match parse(state, &form) {
        Ok(r) => r,
        Err(e) => return refused(ctx, state, form, e).await,
    };
    match reports::submit(state, report, None).await {
        Ok(receipt) => page::send(
            StatusCode::CREATED,
            ctx,
            &ReceiptPage {
                ctx: ctx.clone(),
                receipt: SensitiveString::from(receipt.expose().to_string()),
            },
        ),
        Err(e) => refused(ctx, state, form, e).await,
    }
}
