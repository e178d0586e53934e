//! The administration pages: staff accounts (`/staff/accounts`), the police contacts register
//! (`/staff/spocs`), outreach organisations (`/staff/orgs`) and the audit log (`/staff/audit`).
//!
//! Each page calls the function the JSON API calls, and those refuse anyone but an administrator
//! themselves (a caseworker gets the 403 page). A password or key is shown once, on a page of its
//! own. What cannot be undone from here (turning another account's second factor off, disabling
//! an account, retiring a police contact, revoking an organisation's key) first shows a page that
//! says what will happen; only its button, which posts `confirm=yes`, acts.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::{Error, ErrorKind, OrgId, Role, SpocId, StaffId};
use crate::services::audit::{self, Entry, Verification};
use crate::services::audit_head;
use crate::services::register::{self, OrgView, SpocView};
use crate::services::staff::{self, StaffSummary};
use crate::settings::RefEntry;
use crate::state::AppState;
use crate::web::form::Form;

use super::layout::{self, Chrome, Message, query_value, sentences};
use super::session::{self, Console};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource(ACCOUNTS)
            .route(web::get().to(accounts))
            .route(web::post().to(account_create)),
    )
    .service(
        web::resource("/staff/accounts/{id}/password-reset")
            .route(web::post().to(account_password_reset)),
    )
    .service(
        web::resource("/staff/accounts/{id}/totp-reset").route(web::post().to(account_totp_reset)),
    )
    .service(web::resource("/staff/accounts/{id}/disable").route(web::post().to(account_disable)))
    .service(
        web::resource(SPOCS)
            .route(web::get().to(spocs))
            .route(web::post().to(spoc_create)),
    )
    .service(web::resource("/staff/spocs/{id}/retire").route(web::post().to(spoc_retire)))
    .service(
        web::resource(ORGS)
            .route(web::get().to(orgs))
            .route(web::post().to(org_create)),
    )
    .service(web::resource("/staff/orgs/{id}/revoke").route(web::post().to(org_revoke)))
    .service(web::resource(AUDIT).route(web::get().to(audit_log)));
}

const ACCOUNTS: &str = "/staff/accounts";
const SPOCS: &str = "/staff/spocs";
const ORGS: &str = "/staff/orgs";
const AUDIT: &str = "/staff/audit";

/// Entries on one page of the audit log.
const AUDIT_PAGE: i64 = 100;

fn chrome(console: &Console, section: &'static str) -> Option<Chrome> {
    Some(Chrome::new(console, section))
}

/// An id from the path: only an id's shape is taken (it is shown again in form actions).
fn parse_id<T>(raw: &str, make: fn(String) -> T, nothing: &'static str) -> Result<T, Error> {
    uuid::Uuid::parse_str(raw)
        .map(|_| make(raw.to_string()))
        .map_err(|_| Error::new(ErrorKind::NotFound).with_detail(nothing))
}

/// Whether the form says the person has confirmed, on the page that asked.
fn confirmed(form: &Form) -> bool {
    form.get("confirm") == "yes"
}

/// The page that asks before something that cannot be undone here. Its button posts the same
/// action again with `confirm=yes` (and the session's CSRF token, from the chrome).
#[derive(Template)]
#[template(path = "staff/confirm.html")]
struct ConfirmPage {
    chrome: Option<Chrome>,
    title: String,
    paragraphs: Vec<String>,
    action: String,
    button: String,
    back: &'static str,
    back_words: &'static str,
}

// ----------------------------------------------------------------------------------------------
// Staff accounts

/// The "Create an account" form as typed.
struct NewAccount {
    email: String,
    role: String,
}

impl Default for NewAccount {
    fn default() -> Self {
        Self {
            email: String::new(),
            role: Role::Caseworker.as_str().into(),
        }
    }
}

#[derive(Template)]
#[template(path = "staff/accounts.html")]
struct AccountsPage {
    chrome: Option<Chrome>,
    rows: Vec<StaffSummary>,
    /// The signed-in administrator's own id: their row has no "Disable".
    me: StaffId,
    done: Option<&'static str>,
    new: NewAccount,
    errors: Vec<String>,
}

impl AccountsPage {
    fn role_label(&self, role: &Role) -> &'static str {
        role_label(*role)
    }
}

fn role_label(role: Role) -> &'static str {
    match role {
        Role::Admin => "Administrator",
        Role::Caseworker => "Caseworker",
    }
}

async fn render_accounts(
    state: &AppState,
    console: &Console,
    status: StatusCode,
    done: Option<&'static str>,
    new: NewAccount,
    errors: Vec<String>,
) -> HttpResponse {
    match staff::list(state, &console.member).await {
        Ok(rows) => layout::send(
            status,
            &AccountsPage {
                chrome: chrome(console, ACCOUNTS),
                rows,
                me: console.member.id.clone(),
                done,
                new,
                errors,
            },
        ),
        Err(e) => layout::error(chrome(console, ACCOUNTS), &e),
    }
}

pub async fn accounts(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let console = match session::viewing(&req, &state).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    // A fixed sentence per word: nothing from the address is shown.
    let done = match query_value(&req, "done").as_deref() {
        Some("disabled") => Some("The account is disabled. Its sessions have ended."),
        Some("totp-reset") => Some(
            "Two-factor codes are off for that account and its sessions have ended. Its owner \
             signs in with the password alone and can set codes up again.",
        ),
        _ => None,
    };
    let new = NewAccount::default();
    render_accounts(&state, &console, StatusCode::OK, done, new, vec![]).await
}

pub async fn account_create(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, form) = match session::posting(&req, &state, &body).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    let new = NewAccount {
        email: form.get("email").trim().to_string(),
        role: form.get("role").to_string(),
    };
    let Some(role) = Role::parse(&new.role) else {
        let errors = vec!["Role must be administrator or caseworker.".to_string()];
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render_accounts(&state, &console, status, None, new, errors).await;
    };
    match staff::create(&state, &console.member, &new.email, role).await {
        Ok((_, initial)) => {
            let mut page = Message::new(
                chrome(&console, ACCOUNTS),
                "Account created",
                format!(
                    "The {} account for {} is created. Its initial password is below.",
                    role.as_str(),
                    new.email
                ),
            )
            .secret(initial.expose())
            .next(ACCOUNTS, "Back to staff accounts");
            page.paragraphs.push(
                "Its owner must change it at first sign-in: nothing else in the console opens \
                 until they do."
                    .into(),
            );
            layout::send(StatusCode::CREATED, &page)
        }
        Err(e) if matches!(e.kind(), ErrorKind::ValidationFailed | ErrorKind::Conflict) => {
            let status = layout::describe(&e).0;
            render_accounts(&state, &console, status, None, new, sentences(&e)).await
        }
        Err(e) => layout::error(chrome(&console, ACCOUNTS), &e),
    }
}

/// The session, the form and the account a POST under `/staff/accounts/{id}/` is about (looked
/// up in the administrators' list, which refuses anyone else), or the page that refuses it.
async fn account_posted(
    req: &HttpRequest,
    state: &AppState,
    body: &[u8],
    raw_id: &str,
) -> Result<(Console, Form, StaffSummary), HttpResponse> {
    let (console, form) = session::posting(req, state, body).await?;
    let refused = |e: &Error| layout::error(chrome(&console, ACCOUNTS), e);
    let nothing = "No staff account has this id.";
    let id = parse_id(raw_id, StaffId::from_stored, nothing).map_err(|e| refused(&e))?;
    let all = staff::list(state, &console.member)
        .await
        .map_err(|e| refused(&e))?;
    let Some(account) = all.into_iter().find(|a| a.id == id) else {
        return Err(refused(
            &Error::new(ErrorKind::NotFound).with_detail(nothing),
        ));
    };
    Ok((console, form, account))
}

pub async fn account_password_reset(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, _, account) = match account_posted(&req, &state, &body, &path).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    match staff::reset_password(&state, &console.member, &account.id).await {
        Ok(password) => {
            let mut page = Message::new(
                chrome(&console, ACCOUNTS),
                "Password reset",
                format!(
                    "{} has a new password, below. Its sessions have ended.",
                    account.email
                ),
            )
            .secret(password.expose())
            .next(ACCOUNTS, "Back to staff accounts");
            page.paragraphs.push(
                "Its owner must change it at their next sign-in: nothing else in the console \
                 opens until they do."
                    .into(),
            );
            layout::ok(&page)
        }
        Err(e) => layout::error(chrome(&console, ACCOUNTS), &e),
    }
}

pub async fn account_totp_reset(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, form, account) = match account_posted(&req, &state, &body, &path).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    if !confirmed(&form) {
        return layout::ok(&ConfirmPage {
            chrome: chrome(&console, ACCOUNTS),
            title: format!("Turn two-factor codes off for {}?", account.email),
            paragraphs: vec![
                "Do this when its owner has lost the phone with their authenticator app.".into(),
                format!(
                    "Every session of {} ends at once. Its owner then signs in with the \
                     password alone, and can set up two-factor codes again from their account \
                     page.",
                    account.email
                ),
            ],
            action: format!("/staff/accounts/{}/totp-reset", account.id),
            button: "Turn two-factor codes off".into(),
            back: ACCOUNTS,
            back_words: "Cancel: back to staff accounts",
        });
    }
    match staff::reset_totp(&state, &console.member, &account.id).await {
        Ok(()) => session::see_other("/staff/accounts?done=totp-reset"),
        Err(e) => layout::error(chrome(&console, ACCOUNTS), &e),
    }
}

pub async fn account_disable(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, form, account) = match account_posted(&req, &state, &body, &path).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    if !confirmed(&form) {
        return layout::ok(&ConfirmPage {
            chrome: chrome(&console, ACCOUNTS),
            title: format!("Disable {}?", account.email),
            paragraphs: vec![
                format!(
                    "Every session of {} ends at once, and the account can no longer sign in.",
                    account.email
                ),
                "A disabled account cannot be turned on again from this console.".into(),
            ],
            action: format!("/staff/accounts/{}/disable", account.id),
            button: "Disable the account".into(),
            back: ACCOUNTS,
            back_words: "Cancel: back to staff accounts",
        });
    }
    match staff::disable(&state, &console.member, &account.id).await {
        Ok(()) => session::see_other("/staff/accounts?done=disabled"),
        Err(e) => layout::error(chrome(&console, ACCOUNTS), &e),
    }
}

// ----------------------------------------------------------------------------------------------
// Police contacts (SPOCs)

/// A police contact with its region's name.
struct SpocLine {
    spoc: SpocView,
    region: String,
}

/// The "Add a police contact" form as typed.
#[derive(Default)]
struct NewSpoc {
    name: String,
    region: String,
    email: String,
}

#[derive(Template)]
#[template(path = "staff/spocs.html")]
struct SpocsPage {
    chrome: Option<Chrome>,
    rows: Vec<SpocLine>,
    regions: Vec<RefEntry>,
    done: Option<&'static str>,
    new: NewSpoc,
    errors: Vec<String>,
}

async fn render_spocs(
    state: &AppState,
    console: &Console,
    status: StatusCode,
    done: Option<&'static str>,
    new: NewSpoc,
    errors: Vec<String>,
) -> HttpResponse {
    match register::list_spocs(state, &console.member).await {
        Ok(all) => {
            let rows = all
                .into_iter()
                .map(|spoc| SpocLine {
                    region: state.settings.region_name(&spoc.region).to_string(),
                    spoc,
                })
                .collect();
            layout::send(
                status,
                &SpocsPage {
                    chrome: chrome(console, SPOCS),
                    rows,
                    regions: state.settings.reference.regions.clone(),
                    done,
                    new,
                    errors,
                },
            )
        }
        Err(e) => layout::error(chrome(console, SPOCS), &e),
    }
}

pub async fn spocs(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let console = match session::viewing(&req, &state).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    let done = match query_value(&req, "done").as_deref() {
        Some("added") => {
            Some("The police contact is added. Reporters can choose them from now on.")
        }
        Some("retired") => Some(
            "The police contact is retired. Consents that named them no longer allow a forward \
             until each reporter chooses again.",
        ),
        _ => None,
    };
    let new = NewSpoc::default();
    render_spocs(&state, &console, StatusCode::OK, done, new, vec![]).await
}

pub async fn spoc_create(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, form) = match session::posting(&req, &state, &body).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    let new = NewSpoc {
        name: form.get("name").to_string(),
        region: form.get("region").to_string(),
        email: form.get("email").to_string(),
    };
    match register::create_spoc(&state, &console.member, &new.name, &new.region, &new.email).await {
        Ok(_) => session::see_other("/staff/spocs?done=added"),
        Err(e) if e.kind() == ErrorKind::FirewallRecipient => {
            // The firewall's own sentence says it all (its field error only repeats it).
            let errors = vec![layout::describe(&e).2];
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render_spocs(&state, &console, status, None, new, errors).await
        }
        Err(e) if e.kind() == ErrorKind::ValidationFailed => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render_spocs(&state, &console, status, None, new, sentences(&e)).await
        }
        Err(e) => layout::error(chrome(&console, SPOCS), &e),
    }
}

pub async fn spoc_retire(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, form) = match session::posting(&req, &state, &body).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    let refused = |e: &Error| layout::error(chrome(&console, SPOCS), e);
    let nothing = "No active police contact has this id.";
    let id = match parse_id(&path, SpocId::from_stored, nothing) {
        Ok(id) => id,
        Err(e) => return refused(&e),
    };
    let all = match register::list_spocs(&state, &console.member).await {
        Ok(all) => all,
        Err(e) => return refused(&e),
    };
    let Some(spoc) = all.into_iter().find(|s| s.id == id && s.active) else {
        return refused(&Error::new(ErrorKind::NotFound).with_detail(nothing));
    };
    if !confirmed(&form) {
        let region = state.settings.region_name(&spoc.region);
        return layout::ok(&ConfirmPage {
            chrome: chrome(&console, SPOCS),
            title: format!("Retire {} ({region})?", spoc.name),
            paragraphs: vec![
                format!(
                    "From now on no reporter can choose {}, and nothing is forwarded to {}.",
                    spoc.name, spoc.email
                ),
                "Consents that named them stop allowing a forward until each reporter chooses \
                 again: consent never moves to a successor. A retired contact cannot be made \
                 active again; add a new one instead."
                    .into(),
            ],
            action: format!("/staff/spocs/{}/retire", spoc.id),
            button: "Retire this police contact".into(),
            back: SPOCS,
            back_words: "Cancel: back to police contacts",
        });
    }
    match register::retire_spoc(&state, &console.member, &spoc.id).await {
        Ok(()) => session::see_other("/staff/spocs?done=retired"),
        Err(e) => refused(&e),
    }
}

// ----------------------------------------------------------------------------------------------
// Outreach organisations

/// The "Add an outreach organisation" form as typed.
#[derive(Default)]
struct NewOrg {
    name: String,
    email: String,
}

#[derive(Template)]
#[template(path = "staff/orgs.html")]
struct OrgsPage {
    chrome: Option<Chrome>,
    rows: Vec<OrgView>,
    done: Option<&'static str>,
    new: NewOrg,
    errors: Vec<String>,
}

async fn render_orgs(
    state: &AppState,
    console: &Console,
    status: StatusCode,
    done: Option<&'static str>,
    new: NewOrg,
    errors: Vec<String>,
) -> HttpResponse {
    match register::list_orgs(state, &console.member).await {
        Ok(rows) => layout::send(
            status,
            &OrgsPage {
                chrome: chrome(console, ORGS),
                rows,
                done,
                new,
                errors,
            },
        ),
        Err(e) => layout::error(chrome(console, ORGS), &e),
    }
}

pub async fn orgs(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let console = match session::viewing(&req, &state).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    let done = match query_value(&req, "done").as_deref() {
        Some("revoked") => Some(
            "The organisation's key is revoked: it stopped working at once. Reports it relayed \
             before stay.",
        ),
        _ => None,
    };
    render_orgs(
        &state,
        &console,
        StatusCode::OK,
        done,
        NewOrg::default(),
        vec![],
    )
    .await
}

pub async fn org_create(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, form) = match session::posting(&req, &state, &body).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    let new = NewOrg {
        name: form.get("name").to_string(),
        email: form.get("email").to_string(),
    };
    match register::create_org(&state, &console.member, &new.name, &new.email).await {
        Ok((_, key)) => {
            let mut page = Message::new(
                chrome(&console, ORGS),
                "Organisation added",
                format!(
                    "{} is added. Its API key is below: its caseworkers send it as a bearer \
                     token with each report they relay (POST /api/v1/relay/reports).",
                    new.name.trim()
                ),
            )
            .secret(key.expose())
            .next(ORGS, "Back to organisations");
            page.paragraphs.push(
                "If the key is lost or leaks, revoke the organisation and add it again for a \
                 new key."
                    .into(),
            );
            layout::send(StatusCode::CREATED, &page)
        }
        Err(e) if e.kind() == ErrorKind::ValidationFailed => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render_orgs(&state, &console, status, None, new, sentences(&e)).await
        }
        Err(e) => layout::error(chrome(&console, ORGS), &e),
    }
}

pub async fn org_revoke(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Bytes,
) -> HttpResponse {
    let (console, form) = match session::posting(&req, &state, &body).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    let refused = |e: &Error| layout::error(chrome(&console, ORGS), e);
    let nothing = "No active organisation has this id.";
    let id = match parse_id(&path, OrgId::from_stored, nothing) {
        Ok(id) => id,
        Err(e) => return refused(&e),
    };
    let all = match register::list_orgs(&state, &console.member).await {
        Ok(all) => all,
        Err(e) => return refused(&e),
    };
    let Some(org) = all.into_iter().find(|o| o.id == id && o.active) else {
        return refused(&Error::new(ErrorKind::NotFound).with_detail(nothing));
    };
    if !confirmed(&form) {
        return layout::ok(&ConfirmPage {
            chrome: chrome(&console, ORGS),
            title: format!("Revoke the key of {}?", org.name),
            paragraphs: vec![
                format!(
                    "The API key of {} stops working at once: every report it relays from then \
                     on is refused. Reports it relayed before stay.",
                    org.name
                ),
                "A revoked organisation cannot be made active again; add it again for a new key."
                    .into(),
            ],
            action: format!("/staff/orgs/{}/revoke", org.id),
            button: "Revoke the key".into(),
            back: ORGS,
            back_words: "Cancel: back to organisations",
        });
    }
    match register::revoke_org(&state, &console.member, &org.id).await {
        Ok(()) => session::see_other("/staff/orgs?done=revoked"),
        Err(e) => refused(&e),
    }
}

// ----------------------------------------------------------------------------------------------
// The audit log

#[derive(Template)]
#[template(path = "staff/audit.html")]
struct AuditPage {
    chrome: Option<Chrome>,
    verification: Verification,
    entries: Vec<Entry>,
    after: i64,
    /// The `after` of the next page, when this one is full.
    next: Option<i64>,
}

/// `?after=N`: a non-negative whole number; anything else starts from the beginning.
fn after_from(req: &HttpRequest) -> i64 {
    query_value(req, "after")
        .and_then(|v| v.parse::<i64>().ok())
        .filter(|n| *n >= 0)
        .unwrap_or(0)
}

pub async fn audit_log(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let console = match session::viewing(&req, &state).await {
        Ok(c) => c,
        Err(res) => return res,
    };
    let verification = match audit_head::verify_chain(&state, &console.member).await {
        Ok(v) => v,
        Err(e) => return layout::error(chrome(&console, AUDIT), &e),
    };
    let after = after_from(&req);
    let entries = match audit::page(&state, &console.member, Some(after), Some(AUDIT_PAGE)).await {
        Ok(entries) => entries,
        Err(e) => return layout::error(chrome(&console, AUDIT), &e),
    };
    let next = if entries.len() as i64 == AUDIT_PAGE {
        entries.last().map(|e| e.seq)
    } else {
        None
    };
    layout::ok(&AuditPage {
        chrome: chrome(&console, AUDIT),
        verification,
        entries,
        after,
        next,
    })
}
