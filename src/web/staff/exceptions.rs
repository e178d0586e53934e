//! `/staff/exceptions`: disclosures under the exception policy. A caseworker proposes one for a
//! case (`?case=ID`), with a reason; a different administrator approves or rejects it. Calls the
//! functions the API calls.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::requests::ExceptionStatus;
use crate::domain::{Error, ErrorKind, FieldError, ReportId};
use crate::services::exceptions::{self, ExceptionView, Policy, ProposalInput};
use crate::services::meta;
use crate::services::register::SpocSummary;
use crate::state::AppState;

use super::layout::{self, Chrome, query_value, sentences};
use super::session::{self, Console};

pub const SECTION: &str = "/staff/exceptions";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource(SECTION).route(web::get().to(get)))
        .service(web::resource("/staff/exceptions/propose").route(web::post().to(propose)))
        .service(web::resource("/staff/exceptions/{id}/{decision}").route(web::post().to(decide)));
}

#[derive(Default)]
struct Typed {
    case: String,
    spoc: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "staff/exceptions.html")]
struct ExceptionsPage {
    chrome: Option<Chrome>,
    rows: Vec<ExceptionView>,
    spocs: Vec<SpocSummary>,
    policy: Policy,
    typed: Typed,
    errors: Vec<String>,
    me: String,
    admin: bool,
    done: Option<&'static str>,
}

impl ExceptionsPage {
    fn status(&self, r: &ExceptionView) -> &'static str {
        match r.status {
            ExceptionStatus::Proposed => "Waiting for a different administrator",
            ExceptionStatus::Approved => "Approved and sent",
            ExceptionStatus::Rejected => "Rejected: nothing was sent",
        }
    }

    fn pending(&self, r: &ExceptionView) -> bool {
        r.status == ExceptionStatus::Proposed
    }

    fn mine(&self, r: &ExceptionView) -> bool {
        r.proposed_by == self.me
    }

    fn spoc(&self, r: &ExceptionView) -> String {
        r.spoc
            .as_ref()
            .map_or_else(|| "—".to_string(), |s| format!("{} ({})", s.name, s.region))
    }
}

async fn render(
    state: &AppState,
    console: &Console,
    status: StatusCode,
    typed: Typed,
    errors: Vec<String>,
    done: Option<&'static str>,
) -> HttpResponse {
    let chrome = || Some(Chrome::new(console, SECTION));
    let rows = match exceptions::list(state, &console.member).await {
        Ok(rows) => rows,
        Err(e) => return layout::error(chrome(), &e),
    };
    let spocs = match meta::active_spocs(state).await {
        Ok(spocs) => spocs,
        Err(e) => return layout::error(chrome(), &e),
    };
    layout::send(
        status,
        &ExceptionsPage {
            chrome: chrome(),
            rows,
            spocs,
            policy: exceptions::policy(&state.settings, crate::i18n::Language::En),
            typed,
            errors,
            me: console.member.id.to_string(),
            admin: console.member.role == crate::domain::Role::Admin,
            done,
        },
    )
}

pub async fn get(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let console = match session::viewing(&req, &state).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    let done = match query_value(&req, "done").as_deref() {
        Some("proposed") => Some(
            "Proposed. An administrator other than you must now approve or reject it; nothing has been sent.",
        ),
        Some("rejected") => Some("Rejected. Nothing was sent."),
        Some("approved") => Some(
            "Approved and sent. The reporter sees what was sent with their receipt, marked as \
             sent under the exception policy.",
        ),
        _ => None,
    };
    let typed = Typed {
        case: query_value(&req, "case").unwrap_or_default(),
        ..Typed::default()
    };
    render(&state, &console, StatusCode::OK, typed, vec![], done).await
}

pub async fn propose(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, form) = match session::posting(&req, &state, &body).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    let typed = Typed {
        case: form.get("case").trim().to_string(),
        spoc: form.get("spoc_id").to_string(),
        reason: form.get("reason").to_string(),
    };
    let result = match uuid::Uuid::parse_str(&typed.case) {
        Ok(case) => {
            let input = ProposalInput {
                spoc_id: uuid::Uuid::parse_str(typed.spoc.trim()).ok(),
                reason: Some(typed.reason.clone()),
            };
            exceptions::propose(
                &state,
                &console.member,
                &ReportId::from_stored(case.to_string()),
                input,
            )
            .await
        }
        Err(_) => Err(Error::validation(vec![FieldError::new(
            "case",
            "is not a case id Lookout gave",
        )])),
    };
    match result {
        Ok(_) => session::see_other("/staff/exceptions?done=proposed"),
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::ValidationFailed | ErrorKind::NotFound | ErrorKind::Conflict
            ) =>
        {
            let status = layout::describe(&e).0;
            render(&state, &console, status, typed, sentences(&e), None).await
        }
        Err(e) => layout::error(Some(Chrome::new(&console, SECTION)), &e),
    }
}

/// `/staff/exceptions/{id}/approve` and `/reject`: one decision by an administrator.
pub async fn decide(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, _) = match session::posting(&req, &state, &body).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    let (id, decision) = path.into_inner();
    let result = match decision.as_str() {
        "approve" => exceptions::approve(&state, &console.member, &id)
            .await
            .map(|_| "approved"),
        "reject" => exceptions::reject(&state, &console.member, &id)
            .await
            .map(|()| "rejected"),
        _ => Err(Error::new(ErrorKind::NotFound)),
    };
    match result {
        Ok(done) => session::see_other(&format!("/staff/exceptions?done={done}")),
        Err(e) => layout::error(Some(Chrome::new(&console, SECTION)), &e),
    }
}
