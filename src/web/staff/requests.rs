//! `/staff/police-requests`: record that a SPOC or another body asked for more than the reporter
//! consented to, and get the refusal to send. Calls the function the API calls.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::requests::{AskedFor, REFUSAL, Requester};
use crate::domain::{Error, ErrorKind, FieldError, ReportId};
use crate::services::police_requests::{self, RecordedRequest, RequestInput};
use crate::services::register::SpocSummary;
use crate::state::AppState;
use crate::web::form::Form;

use super::layout::{self, Chrome, query_value, sentences};
use super::session::{self, Console};

pub const SECTION: &str = "/staff/police-requests";

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource(SECTION)
            .route(web::get().to(get))
            .route(web::post().to(post)),
    );
}

/// What the form held, given back after a refusal.
#[derive(Default)]
struct Typed {
    case: String,
    requester: String,
    spoc: String,
    asked_for: Vec<String>,
}

#[derive(Template)]
#[template(path = "staff/police_requests.html")]
struct RequestsPage {
    chrome: Option<Chrome>,
    rows: Vec<RecordedRequest>,
    spocs: Vec<SpocSummary>,
    typed: Typed,
    errors: Vec<String>,
    /// The request just recorded.
    recorded: Option<RecordedRequest>,
}

impl RequestsPage {
    fn requesters(&self) -> &'static [(Requester, &'static str)] {
        &[
            (Requester::Spoc, "A police contact (SPOC) in the register"),
            (Requester::Police, "Another part of the police"),
            (
                Requester::ImmigrationEnforcement,
                "Immigration enforcement, the Home Office or Border Force",
            ),
            (
                Requester::LocalAuthority,
                "A local authority or another public body",
            ),
            (Requester::Other, "Someone else"),
        ]
    }

    fn kinds(&self) -> &'static [(AskedFor, &'static str)] {
        &[
            (AskedFor::Names, "Names"),
            (
                AskedFor::NationalityOrImmigrationStatus,
                "Nationality or immigration status",
            ),
            (AskedFor::AddressesOrPremises, "Addresses or premises"),
            (AskedFor::Other, "Other information"),
        ]
    }

    fn requester_words(&self, r: &RecordedRequest) -> String {
        let kind = self
            .requesters()
            .iter()
            .find(|(k, _)| *k == r.requester)
            .map_or("", |(_, w)| *w);
        match &r.spoc {
            Some(s) => format!("{} ({})", s.name, s.region),
            None => kind.to_string(),
        }
    }

    fn asked_words(&self, r: &RecordedRequest) -> String {
        r.asked_for
            .iter()
            .filter_map(|a| self.kinds().iter().find(|(k, _)| k == a).map(|(_, w)| *w))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn checked(&self, kind: &AskedFor) -> bool {
        self.typed.asked_for.iter().any(|a| a == kind.as_str())
    }

    fn refusal(&self) -> &'static str {
        REFUSAL
    }
}

async fn render(
    state: &AppState,
    console: &Console,
    status: StatusCode,
    typed: Typed,
    errors: Vec<String>,
    recorded: Option<RecordedRequest>,
) -> HttpResponse {
    let chrome = || Some(Chrome::new(console, SECTION));
    let rows = match police_requests::list(state, &console.member, None).await {
        Ok(rows) => rows,
        Err(e) => return layout::error(chrome(), &e),
    };
    let spocs = match police_requests::spocs(state, &console.member).await {
        Ok(spocs) => spocs,
        Err(e) => return layout::error(chrome(), &e),
    };
    layout::send(
        status,
        &RequestsPage {
            chrome: chrome(),
            rows,
            spocs,
            typed,
            errors,
            recorded,
        },
    )
}

pub async fn get(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let console = match session::viewing(&req, &state).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    let typed = Typed {
        case: query_value(&req, "case").unwrap_or_default(),
        ..Typed::default()
    };
    render(&state, &console, StatusCode::OK, typed, vec![], None).await
}

/// An id typed into the form: empty is none, anything but a UUID is refused.
fn id(raw: &str, field: &str) -> Result<Option<uuid::Uuid>, Error> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    uuid::Uuid::parse_str(raw)
        .map(Some)
        .map_err(|_| Error::validation(vec![FieldError::new(field, "is not an id Lookout gave")]))
}

pub async fn post(req: HttpRequest, state: web::Data<AppState>, body: web::Bytes) -> HttpResponse {
    let (console, form): (Console, Form) = match session::posting(&req, &state, &body).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    let typed = Typed {
        case: form.get("report_id").trim().to_string(),
        requester: form.get("requester").to_string(),
        spoc: form.get("spoc_id").to_string(),
        asked_for: form
            .all("asked_for")
            .into_iter()
            .map(String::from)
            .collect(),
    };
    let input = (|| {
        let spoc = if typed.requester == Requester::Spoc.as_str() {
            id(&typed.spoc, "spoc_id")?
        } else {
            None
        };
        Ok::<_, Error>(RequestInput {
            report_id: id(&typed.case, "report_id")?,
            requester: Some(typed.requester.clone()).filter(|r| !r.is_empty()),
            spoc_id: spoc,
            asked_for: Some(typed.asked_for.clone()),
        })
    })();
    let result = match input {
        Ok(input) => police_requests::record(&state, &console.member, input).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(recorded) => {
            let keep = Typed {
                case: recorded
                    .report_id
                    .as_ref()
                    .map(ReportId::to_string)
                    .unwrap_or_default(),
                ..Typed::default()
            };
            render(
                &state,
                &console,
                StatusCode::CREATED,
                keep,
                vec![],
                Some(recorded),
            )
            .await
        }
        Err(e) if matches!(e.kind(), ErrorKind::ValidationFailed | ErrorKind::NotFound) => {
            let status = if e.kind() == ErrorKind::NotFound {
                StatusCode::NOT_FOUND
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            render(&state, &console, status, typed, sentences(&e), None).await
        }
        Err(e) => layout::error(Some(Chrome::new(&console, SECTION)), &e),
    }
}
