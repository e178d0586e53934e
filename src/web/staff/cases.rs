//! `/staff/cases`: the queue, a case (report, contact, thread, reply), the alert editor with its
//! confirmation, the forward page and closing. Each calls the function the API calls.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::{Error, ErrorKind, ReportId, ReportStatus};
use crate::services::cases::{
    self, AlertView, CaseSummary, CaseView, IdentifiersInput, PublishInput,
};
use crate::services::forwarding::{self, ForwardPreview};
use crate::settings::{RefEntry, Settings};
use crate::state::AppState;
use crate::web::form::Form;

use super::layout::{self, Chrome, Message, field_sentence, query_value};
use super::session::{self, Console};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(web::resource("/staff/cases").route(web::get().to(queue)))
        .service(web::resource("/staff/cases/{id}").route(web::get().to(case)))
        .service(web::resource("/staff/cases/{id}/reply").route(web::post().to(reply)))
        .service(web::resource("/staff/cases/{id}/close").route(web::post().to(close)))
        .service(
            web::resource("/staff/cases/{id}/alert")
                .route(web::get().to(alert_get))
                .route(web::post().to(alert_post)),
        )
        .service(
            web::resource("/staff/cases/{id}/forward")
                .route(web::get().to(forward_get))
                .route(web::post().to(forward_post)),
        );
}

const SECTION: &str = "/staff/cases";

fn chrome(console: &Console) -> Option<Chrome> {
    Some(Chrome::new(console, SECTION))
}

/// `/staff`: the console starts at the queue.
pub async fn home(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    match session::viewing(&req, &state).await {
        Ok(_) => session::see_other(SECTION),
        Err(res) => res,
    }
}

/// One tab of the queue: a status (or all) and how many cases it holds.
struct Tab {
    word: &'static str,
    label: &'static str,
    count: u64,
    current: bool,
}

/// A row of the queue, with names for its codes.
struct Row {
    case: CaseSummary,
    category: String,
    region: String,
}

#[derive(Template)]
#[template(path = "staff/cases.html")]
struct QueuePage {
    chrome: Option<Chrome>,
    tabs: Vec<Tab>,
    rows: Vec<Row>,
    heading: &'static str,
    /// How many cases the current tab holds, on every page.
    total: u64,
    /// The status word of the current tab ("" for all).
    status: String,
    /// Whether this is a later page (not the first).
    paged: bool,
    next: Option<cases::Cursor>,
}

fn status_label(status: ReportStatus) -> &'static str {
    match status {
        ReportStatus::Received => "New",
        ReportStatus::Reviewed => "Reviewed",
        ReportStatus::AlertPublished => "Alert published",
        ReportStatus::Forwarded => "Forwarded",
        ReportStatus::Closed => "Closed",
        ReportStatus::Withdrawn => "Withdrawn",
    }
}

/// How many cases one page of the console's queue shows.
const QUEUE_PAGE: i64 = 100;

pub async fn queue(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let console = match session::viewing(&req, &state).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    let current = query_value(&req, "status").unwrap_or_default();
    let after = query_value(&req, "after").filter(|s| !s.is_empty());
    let request = cases::ListRequest {
        status: Some(current.clone()).filter(|s| !s.is_empty()),
        after: after.clone(),
        limit: Some(QUEUE_PAGE),
    };
    // The service checks the status word and where the page starts.
    let page = match cases::list(&state, &console.member, request).await {
        Ok(page) => page,
        Err(e) => return layout::error(chrome(&console), &e),
    };
    let counts = match cases::counts(&state, &console.member).await {
        Ok(counts) => counts,
        Err(e) => return layout::error(chrome(&console), &e),
    };
    let mut tabs = vec![Tab {
        word: "",
        label: "All",
        count: counts.iter().map(|(_, n)| n).sum(),
        current: current.is_empty(),
    }];
    for (status, count) in counts {
        tabs.push(Tab {
            word: status.as_str(),
            label: status_label(status),
            count,
            current: current == status.as_str(),
        });
    }
    let (heading, total) = tabs
        .iter()
        .find(|t| t.current)
        .map_or(("All", 0), |t| (t.label, t.count));
    let settings = &state.settings;
    let rows = page
        .cases
        .into_iter()
        .map(|c| Row {
            category: settings.category_name(&c.category).to_string(),
            region: settings.region_name(&c.region).to_string(),
            case: c,
        })
        .collect();
    layout::ok(&QueuePage {
        chrome: chrome(&console),
        tabs,
        rows,
        heading,
        total,
        status: current,
        paged: after.is_some(),
        next: page.next,
    })
}

#[derive(Template)]
#[template(path = "staff/case.html")]
struct CasePage {
    chrome: Option<Chrome>,
    case: CaseView,
    category: String,
    region: String,
    spoc: Option<String>,
    done: Option<&'static str>,
    reply: String,
    reply_errors: Vec<String>,
}

impl CasePage {
    fn status(&self) -> &'static str {
        status_label(self.case.status)
    }

    fn closed(&self) -> bool {
        self.case.status == ReportStatus::Closed
    }

    fn nothing_about_them(&self) -> bool {
        let p = &self.case.report.perpetrator;
        p.description.is_none()
            && p.phone_numbers.is_empty()
            && p.emails.is_empty()
            && p.vehicles.is_empty()
            && p.online_handles.is_empty()
    }
}

/// A case id from the path: only an id's shape is taken (it is shown again in links).
fn parse_id(raw: &str) -> Result<ReportId, Error> {
    uuid::Uuid::parse_str(raw)
        .map(|_| ReportId::from_stored(raw))
        .map_err(|_| Error::new(ErrorKind::NotFound).with_detail("No case has this id."))
}

async fn render_case(
    state: &AppState,
    console: &Console,
    id: &ReportId,
    status: StatusCode,
    done: Option<&'static str>,
    reply: String,
    reply_errors: Vec<String>,
) -> HttpResponse {
    let case = match cases::view(state, &console.member, id).await {
        Ok(case) => case,
        Err(e) => return layout::error(chrome(console), &e),
    };
    let spoc = match &case.consent.spoc_id {
        Some(spoc_id) => crate::services::meta::active_spocs(state)
            .await
            .ok()
            .and_then(|all| all.into_iter().find(|s| &s.id == spoc_id))
            .map(|s| format!("{} ({})", s.name, state.settings.region_name(&s.region))),
        None => None,
    };
    let page = CasePage {
        chrome: chrome(console),
        category: state.settings.category_name(&case.category).to_string(),
        region: state.settings.region_name(&case.region).to_string(),
        case,
        spoc,
        done,
        reply,
        reply_errors,
    };
    layout::send(status, &page)
}

pub async fn case(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> HttpResponse {
    let console = match session::viewing(&req, &state).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    let id = match parse_id(&path) {
        Ok(id) => id,
        Err(e) => return layout::error(chrome(&console), &e),
    };
    let done = match query_value(&req, "done").as_deref() {
        Some("reply") => Some("Your reply is sent. The reporter reads it with their receipt."),
        Some("closed") => Some("The case is closed."),
        _ => None,
    };
    render_case(
        &state,
        &console,
        &id,
        StatusCode::OK,
        done,
        String::new(),
        vec![],
    )
    .await
}

/// The session, the form and the case id of a POST to a case, or the page that refuses it.
async fn posted(
    req: &HttpRequest,
    state: &AppState,
    body: &[u8],
    raw_id: &str,
) -> Result<(Console, Form, ReportId), HttpResponse> {
    let (console, form) = session::posting(req, state, body).await?;
    let id = parse_id(raw_id).map_err(|e| layout::error(chrome(&console), &e))?;
    Ok((console, form, id))
}

pub async fn reply(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, form, id) = match posted(&req, &state, &body, &path).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    let text = form.get("body");
    match cases::reply(&state, &console.member, &id, text).await {
        Ok(_) => session::see_other(&format!("/staff/cases/{id}?done=reply")),
        // What was typed comes back in the box with the reason.
        Err(e) if e.kind() == ErrorKind::ValidationFailed => {
            let errors = e.errors().iter().map(field_sentence).collect();
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render_case(&state, &console, &id, status, None, text.into(), errors).await
        }
        Err(e) => layout::error(chrome(&console), &e),
    }
}

pub async fn close(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, _, id) = match posted(&req, &state, &body, &path).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    match cases::close(&state, &console.member, &id).await {
        Ok(()) => session::see_other(&format!("/staff/cases/{id}?done=closed")),
        Err(e) => layout::error(chrome(&console), &e),
    }
}

/// The alert editor's fields, as typed. Identifiers are one per line.
#[derive(Default)]
struct AlertFields {
    title: String,
    body: String,
    regions: Vec<String>,
    category: String,
    phone_numbers: String,
    emails: String,
    vehicles: String,
    online_handles: String,
}

impl AlertFields {
    fn from_form(form: &Form) -> Self {
        Self {
            title: form.get("title").into(),
            body: form.get("body").into(),
            regions: form.all("regions").into_iter().map(String::from).collect(),
            category: form.get("category").into(),
            phone_numbers: form.get("identifiers.phone_numbers").into(),
            emails: form.get("identifiers.emails").into(),
            vehicles: form.get("identifiers.vehicles").into(),
            online_handles: form.get("identifiers.online_handles").into(),
        }
    }

    fn input(&self) -> PublishInput {
        let lines = |s: &str| -> Vec<String> {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        };
        PublishInput {
            title: self.title.clone(),
            body: self.body.clone(),
            regions: self.regions.clone(),
            category: self.category.clone(),
            identifiers: IdentifiersInput {
                phone_numbers: lines(&self.phone_numbers),
                emails: lines(&self.emails),
                vehicles: lines(&self.vehicles),
                online_handles: lines(&self.online_handles),
            },
        }
    }
}

#[derive(Template)]
#[template(path = "staff/alert_edit.html")]
struct AlertEditPage {
    chrome: Option<Chrome>,
    id: ReportId,
    fields: AlertFields,
    regions: Vec<RefEntry>,
    categories: Vec<RefEntry>,
    errors: Vec<String>,
    /// What the draft took out of the report, by kind (never the text).
    removed: Vec<&'static str>,
}

impl AlertEditPage {
    fn region_checked(&self, code: &str) -> bool {
        self.fields.regions.iter().any(|r| r == code)
    }
}

#[derive(Template)]
#[template(path = "staff/alert_confirm.html")]
struct AlertConfirmPage {
    chrome: Option<Chrome>,
    id: ReportId,
    fields: AlertFields,
    alert: AlertView,
    recipients: usize,
    region_names: Vec<String>,
    category_name: String,
}

fn edit_page(
    console: &Console,
    settings: &Settings,
    id: ReportId,
    fields: AlertFields,
    errors: Vec<String>,
    removed: Vec<&'static str>,
) -> AlertEditPage {
    AlertEditPage {
        chrome: chrome(console),
        id,
        fields,
        regions: settings.reference.regions.clone(),
        categories: settings.reference.categories.clone(),
        errors,
        removed,
    }
}

pub async fn alert_get(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> HttpResponse {
    let console = match session::viewing(&req, &state).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    let id = match parse_id(&path) {
        Ok(id) => id,
        Err(e) => return layout::error(chrome(&console), &e),
    };
    // The editor starts from the API's draft: reporter-identifying content already removed.
    let draft = match cases::alert_draft(&state, &console.member, &id).await {
        Ok(d) => d,
        Err(e) => return layout::error(chrome(&console), &e),
    };
    let fields = AlertFields {
        title: draft.title,
        body: draft.body,
        regions: vec![draft.region],
        category: draft.category,
        phone_numbers: draft.identifiers.phone_numbers.join("\n"),
        emails: draft.identifiers.emails.join("\n"),
        vehicles: draft.identifiers.vehicles.join("\n"),
        online_handles: draft.identifiers.online_handles.join("\n"),
    };
    let removed = draft.removed.into_iter().collect();
    layout::ok(&edit_page(
        &console,
        &state.settings,
        id,
        fields,
        vec![],
        removed,
    ))
}

/// `step=check` (the default) shows what would be published and to how many; `step=edit` goes
/// back with everything kept; `step=publish` publishes.
pub async fn alert_post(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, form, id) = match posted(&req, &state, &body, &path).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    let fields = AlertFields::from_form(&form);
    let settings = &state.settings;
    let refused = |fields: AlertFields, e: &Error| {
        if e.kind() == ErrorKind::ValidationFailed || e.kind() == ErrorKind::FirewallField {
            let mut errors: Vec<String> = e.errors().iter().map(field_sentence).collect();
            if errors.is_empty() {
                errors.push(layout::describe(e).2);
            }
            let page = edit_page(&console, settings, id.clone(), fields, errors, vec![]);
            layout::send(StatusCode::UNPROCESSABLE_ENTITY, &page)
        } else {
            layout::error(chrome(&console), e)
        }
    };
    match form.get("step") {
        "edit" => layout::ok(&edit_page(
            &console,
            settings,
            id.clone(),
            fields,
            vec![],
            vec![],
        )),
        "publish" => match cases::publish(&state, &console.member, &id, fields.input()).await {
            Ok(published) => {
                let text = format!(
                    "The alert is published and queued for {} subscriber{}. Delivery goes on \
                     in the background and survives restarts and mail-server outages.",
                    published.recipients,
                    if published.recipients == 1 { "" } else { "s" }
                );
                let page = Message::new(chrome(&console), "Alert published", text)
                    .next(format!("/staff/cases/{id}"), "Back to the case");
                layout::send(StatusCode::CREATED, &page)
            }
            Err(e) => refused(fields, &e),
        },
        _ => match cases::publish_preview(&state, &console.member, &id, fields.input()).await {
            Ok(preview) => {
                let region_names = preview
                    .alert
                    .regions
                    .iter()
                    .map(|r| settings.region_name(r).to_string())
                    .collect();
                let category_name = settings.category_name(&preview.alert.category).to_string();
                layout::ok(&AlertConfirmPage {
                    chrome: chrome(&console),
                    id: id.clone(),
                    fields,
                    alert: preview.alert,
                    recipients: preview.recipients,
                    region_names,
                    category_name,
                })
            }
            Err(e) => refused(fields, &e),
        },
    }
}

#[derive(Template)]
#[template(path = "staff/forward.html")]
struct ForwardPage {
    chrome: Option<Chrome>,
    id: ReportId,
    preview: ForwardPreview,
    /// Passages the caseworker takes away, one per line, as typed.
    remove: String,
    spoc_region: String,
    errors: Vec<String>,
}

/// Why a forward cannot happen, as a page with the case's link.
#[derive(Template)]
#[template(path = "staff/forward_refused.html")]
struct ForwardRefusedPage {
    chrome: Option<Chrome>,
    id: ReportId,
    title: &'static str,
    reason: String,
}

fn remove_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect()
}

fn forward_refused(console: &Console, id: &ReportId, e: &Error) -> HttpResponse {
    let (status, title, reason) = layout::describe(e);
    let refusal = matches!(
        e.kind(),
        ErrorKind::ConsentRequired
            | ErrorKind::ConsentSpocChanged
            | ErrorKind::AlreadyForwarded
            | ErrorKind::Conflict
            | ErrorKind::FirewallRecipient
    );
    if !refusal {
        return layout::error(chrome(console), e);
    }
    layout::send(
        status,
        &ForwardRefusedPage {
            chrome: chrome(console),
            id: id.clone(),
            title,
            reason,
        },
    )
}

async fn show_forward(
    state: &AppState,
    console: &Console,
    id: ReportId,
    remove: String,
    errors: Vec<String>,
    status: StatusCode,
) -> HttpResponse {
    match forwarding::preview(state, &console.member, &id, &remove_lines(&remove)).await {
        Ok(preview) => {
            let spoc_region = state.settings.region_name(&preview.spoc.region).to_string();
            layout::send(
                status,
                &ForwardPage {
                    chrome: chrome(console),
                    id,
                    preview,
                    remove,
                    spoc_region,
                    errors,
                },
            )
        }
        Err(e) if e.kind() == ErrorKind::ValidationFailed => {
            // A passage to take away that is not in the text: show the text as built, and why.
            let errors = e.errors().iter().map(|_| {
                "Each passage to take away must be copied exactly from the text below (a \
                 caseworker may only take text away, never add or change it)."
                    .to_string()
            });
            let errors: Vec<String> = errors.take(1).collect();
            Box::pin(show_forward(
                state,
                console,
                id,
                String::new(),
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
            .await
        }
        Err(e) => forward_refused(console, &id, &e),
    }
}

pub async fn forward_get(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> HttpResponse {
    let console = match session::viewing(&req, &state).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    let id = match parse_id(&path) {
        Ok(id) => id,
        Err(e) => return layout::error(chrome(&console), &e),
    };
    show_forward(&state, &console, id, String::new(), vec![], StatusCode::OK).await
}

/// `step=preview` shows the text again with passages taken away; `step=send` sends exactly what
/// was shown (the form carries its digest; if anything changed since, nothing is sent).
pub async fn forward_post(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, form, id) = match posted(&req, &state, &body, &path).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    let remove = form.get("remove").to_string();
    if form.get("step") != "send" {
        return show_forward(&state, &console, id, remove, vec![], StatusCode::OK).await;
    }
    let digest = form.get("previewed");
    let sent = forwarding::forward(
        &state,
        &console.member,
        &id,
        &remove_lines(&remove),
        Some(digest),
    )
    .await;
    match sent {
        Ok(forwarded) => {
            let text = format!(
                "The report was sent to {} ({}), at the {} level, exactly as previewed. The \
                 reporter sees this forward and its content with their receipt.",
                forwarded.spoc.name,
                state.settings.region_name(&forwarded.spoc.region),
                forwarded.level.as_str()
            );
            let page = Message::new(chrome(&console), "Forwarded", text)
                .next(format!("/staff/cases/{id}"), "Back to the case");
            layout::send(StatusCode::CREATED, &page)
        }
        Err(e) => forward_refused(&console, &id, &e),
    }
}
