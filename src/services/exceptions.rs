//! The exception policy: the published limits of confidentiality (e.g. a child at immediate risk
//! of serious harm), and the only way anything reaches police without the reporter's consent.
//!
//! A disclosure under it is never automatic. A caseworker proposes it for one case, names a SPOC
//! of the register and gives a reason (sealed under the report's key); a *different* person, an
//! administrator, approves or rejects it. On approval the report is built for police exactly as an
//! anonymous forward is (`firewall::build_police_forward`: immigration content and everything
//! identifying removed, no contact route; mentions of children kept, since the policy is about a
//! child at risk), headed by a line saying it is sent under the policy without consent,
//! checked against the immigration-enforcement list, recorded (sealed) and sent by email; the
//! reporter then sees it under `disclosures` with `basis: "exception_policy"`. Every step is
//! audited, and approvals are counted in the published statistics.

use serde::{Deserialize, Serialize};

use crate::crypto::Purpose;
use crate::crypto::records::Sealed;
use crate::db::exceptions::{self as store, ExceptionRow};
use crate::db::register as register_store;
use crate::db::reports as report_store;
use crate::db::{self};
use crate::domain::requests::ExceptionStatus;
use crate::domain::statistics::Tallied;
use crate::domain::{AuditAction, Error, ErrorKind, ReportId, ReportStatus, SpocId};
use crate::firewall::{self, ActiveConsent, SpocRef, recipients};
use crate::i18n::{self, Language};
use crate::mail::Outgoing;
use crate::mail::templates;
use crate::services::register::{SpocSummary, recipient_error};
use crate::services::reports::{self, input::Checker};
use crate::services::staff::{Role, StaffMember};
use crate::services::{audit, statistics};
use crate::settings::Settings;
use crate::state::AppState;

/// The longest reason a caseworker may give, in characters.
pub const MAX_REASON: usize = 2000;
/// At most this many are listed.
pub const LIST_LIMIT: i64 = 200;

/// The published statement.
#[derive(Debug, Clone, Serialize)]
pub struct Policy {
    pub version: String,
    pub text: String,
}

/// The statement in `language`: the configured text as written, or the built-in one translated.
pub fn policy(settings: &Settings, language: Language) -> Policy {
    let configured = settings.exception_policy.text.trim();
    Policy {
        version: settings.exception_policy.version.trim().to_string(),
        text: if configured.is_empty() {
            i18n::text(language, "exception-default")
        } else {
            configured.to_string()
        },
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalInput {
    pub spoc_id: Option<uuid::Uuid>,
    pub reason: Option<String>,
}

/// A proposal and what became of it, as staff see it.
#[derive(Debug, Serialize)]
pub struct ExceptionView {
    pub id: String,
    pub report_id: ReportId,
    pub spoc: Option<SpocSummary>,
    pub policy_version: String,
    pub status: ExceptionStatus,
    pub proposed_by: String,
    pub proposed_on: String,
    pub decided_by: Option<String>,
    pub decided_on: Option<String>,
    pub reason: String,
    /// Exactly what was sent, once approved.
    pub content: Option<String>,
}

fn view(
    state: &AppState,
    row: ExceptionRow,
    key: Option<&report_store::KeyRow>,
    spoc: Option<SpocSummary>,
) -> Result<ExceptionView, Error> {
    // A withdrawn report's key is gone, and its proposals with it; a missing key reads as empty.
    let dk = key.map(|k| reports::data_key(state, k)).transpose()?;
    let open = |what: Sealed, bytes: &[u8]| -> Result<String, Error> {
        match &dk {
            Some(dk) => Ok(String::from_utf8_lossy(&dk.open(what, &row.id, bytes)?).into_owned()),
            None => Ok(String::new()),
        }
    };
    let reason = open(Sealed::ExceptionReason, &row.reason)?;
    let content = match &row.content {
        Some(c) => Some(open(Sealed::ExceptionDisclosure, c)?),
        None => None,
    };
    Ok(ExceptionView {
        status: ExceptionStatus::parse(&row.status).unwrap_or(ExceptionStatus::Rejected),
        id: row.id,
        report_id: row.report_id,
        spoc,
        policy_version: row.policy_version,
        proposed_by: row.proposed_by,
        proposed_on: row.proposed_on,
        decided_by: row.decided_by,
        decided_on: row.decided_on,
        reason,
        content,
    })
}

fn not_found() -> Error {
    Error::new(ErrorKind::NotFound).with_detail("No case has this id.")
}

/// A caseworker (or administrator) proposes a disclosure of one case to one SPOC of the
/// register, with a reason. Nothing is sent.
pub async fn propose(
    state: &AppState,
    member: &StaffMember,
    case_id: &ReportId,
    input: ProposalInput,
) -> Result<ExceptionView, Error> {
    member.require(Role::Caseworker)?;
    let mut c = Checker::default();
    let reason = c.required_text(
        "reason",
        input.reason.as_deref().unwrap_or(""),
        MAX_REASON,
        true,
    );
    if input.spoc_id.is_none() {
        c.fail(
            "spoc_id",
            "name the police contact (SPOC) of the register to send it to",
        );
    }
    if !c.errors.is_empty() {
        return Err(Error::validation(c.errors));
    }
    let spoc_id = SpocId::from_stored(input.spoc_id.map(|u| u.to_string()).unwrap_or_default());
    let (case_id, actor) = (case_id.clone(), member.id.clone());
    let version = state.settings.exception_policy.version.trim().to_string();
    let audit_key = state.keys.get(Purpose::Audit).clone();
    let id = uuid::Uuid::new_v4().to_string();
    let state_keys = state.keys.clone();
    let (row, key, spoc) = state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                report_store::lock_report(conn, &case_id)?;
                report_store::by_id(conn, &case_id)?
                    .filter(|r| r.status != ReportStatus::Withdrawn)
                    .ok_or_else(not_found)?;
                let key = report_store::key(conn, &case_id)?.ok_or_else(not_found)?;
                let spoc = register_store::active_spoc(conn, &spoc_id)?.ok_or_else(|| {
                    Error::new(ErrorKind::NotFound)
                        .with_detail("No active police contact (SPOC) in the register has this id.")
                })?;
                if store::of_report(conn, &case_id)?
                    .iter()
                    .any(|e| e.status == ExceptionStatus::Proposed.as_str())
                {
                    return Err(Error::new(ErrorKind::Conflict).with_detail(
                        "A disclosure of this case under the exception policy is already waiting \
                         for an administrator.",
                    ));
                }
                let dk = state_keys.open_data_key(
                    crate::crypto::records::Envelope::Report,
                    &case_id,
                    &key.wrapped_key,
                )?;
                let row = ExceptionRow {
                    id: id.clone(),
                    report_id: case_id.clone(),
                    spoc_id: spoc.id.clone(),
                    policy_version: version,
                    status: ExceptionStatus::Proposed.as_str().to_string(),
                    proposed_by: actor.to_string(),
                    proposed_on: crate::clock::today_string(),
                    decided_by: None,
                    decided_on: None,
                    reason: dk.seal(Sealed::ExceptionReason, &id, reason.as_bytes())?,
                    content: None,
                };
                store::insert(conn, &row)?;
                audit::record(
                    conn,
                    &audit_key,
                    &actor,
                    AuditAction::ExceptionPropose,
                    Some(&id),
                )?;
                Ok::<_, Error>((row, key, spoc))
            })
        })
        .await?;
    view(state, row, Some(&key), Some(SpocSummary::from(spoc)))
}

/// The most recent proposals and decisions, newest first.
pub async fn list(state: &AppState, member: &StaffMember) -> Result<Vec<ExceptionView>, Error> {
    member.require(Role::Caseworker)?;
    let rows = state
        .db
        .run(move |conn| {
            let mut out = Vec::new();
            for row in store::recent(conn, LIST_LIMIT)? {
                let key = report_store::key(conn, &row.report_id)?;
                let spoc = register_store::spoc(conn, &row.spoc_id)?;
                out.push((row, key, spoc));
            }
            Ok::<_, Error>(out)
        })
        .await?;
    rows.into_iter()
        .map(|(row, key, spoc)| view(state, row, key.as_ref(), spoc.map(SpocSummary::from)))
        .collect()
}

/// An administrator who did not propose it rejects a proposal. Nothing is sent.
pub async fn reject(state: &AppState, member: &StaffMember, id: &str) -> Result<(), Error> {
    member.require(Role::Admin)?;
    let (id, actor) = (id.to_string(), member.id.clone());
    let audit_key = state.keys.get(Purpose::Audit).clone();
    state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                let row = pending(conn, &id)?;
                if row.proposed_by == actor.as_str() {
                    return Err(same_person());
                }
                let today = crate::clock::today_string();
                if !store::decide(
                    conn,
                    &id,
                    ExceptionStatus::Proposed.as_str(),
                    ExceptionStatus::Rejected.as_str(),
                    Some(actor.as_str()),
                    Some(&today),
                    None,
                )? {
                    return Err(decided());
                }
                audit::record(
                    conn,
                    &audit_key,
                    &actor,
                    AuditAction::ExceptionReject,
                    Some(&id),
                )?;
                Ok(())
            })
        })
        .await
}

fn same_person() -> Error {
    Error::new(ErrorKind::Forbidden).with_detail(
        "A disclosure under the exception policy must be decided by a different person from the \
         one who proposed it.",
    )
}

fn decided() -> Error {
    Error::new(ErrorKind::Conflict).with_detail("This proposal has already been decided.")
}

fn pending(conn: &mut db::DbConn, id: &str) -> Result<ExceptionRow, Error> {
    let row = store::by_id(conn, id)?
        .ok_or_else(|| Error::new(ErrorKind::NotFound).with_detail("No proposal has this id."))?;
    if row.status != ExceptionStatus::Proposed.as_str() {
        return Err(decided());
    }
    Ok(row)
}

/// An administrator who did not propose it approves a proposal: the report is built for police
/// as an anonymous forward is, recorded, and sent to the SPOC named. If the mail server refuses
/// it, nothing was sent and the proposal waits again.
pub async fn approve(
    state: &AppState,
    member: &StaffMember,
    id: &str,
) -> Result<ExceptionView, Error> {
    member.require(Role::Admin)?;
    let lookup = id.to_string();
    let (row, report, key, contact, spoc) = state
        .db
        .run(move |conn| {
            let row = pending(conn, &lookup)?;
            let report = report_store::by_id(conn, &row.report_id)?
                .filter(|r| r.status != ReportStatus::Withdrawn)
                .ok_or_else(not_found)?;
            let key = report_store::key(conn, &row.report_id)?.ok_or_else(not_found)?;
            let contact = report_store::contact(conn, &row.report_id)?;
            let spoc = register_store::spoc(conn, &row.spoc_id)?;
            Ok::<_, Error>((row, report, key, contact, spoc))
        })
        .await?;
    if row.proposed_by == member.id.as_str() {
        return Err(same_person());
    }
    let spoc = spoc.filter(|s| s.active).ok_or_else(|| {
        Error::new(ErrorKind::Conflict).with_detail(
            "The police contact named has been retired since; reject this proposal and propose \
             again to an active one.",
        )
    })?;
    let (content, contact) = reports::open_report(state, &report, &key, contact.as_ref())?;
    let consent = ActiveConsent::exception(
        SpocRef {
            id: spoc.id.clone(),
            name: spoc.name.clone(),
            region: spoc.region.clone(),
        },
        &row.policy_version,
    );
    let payload = firewall::build_police_forward(
        state.settings.category_name(&report.category),
        state.settings.region_name(&report.region),
        &content,
        contact.as_ref(),
        &consent,
        None,
    )
    .map_err(|e| Error::new(ErrorKind::Conflict).with_detail(e.to_string()))?;
    let recipient = recipients::check(&spoc.email, &state.settings.firewall.blocked_domains)
        .map_err(|refused| recipient_error(&refused))?;
    let text = payload.text().to_string();
    let rendered = templates::document(payload.subject(), &text);
    let dk = reports::data_key(state, &key)?;
    let sealed = dk.seal(Sealed::ExceptionDisclosure, &row.id, text.as_bytes())?;
    let today = crate::clock::today_string();
    let record = |to: ExceptionStatus, action: AuditAction, count: i64| {
        let (id, actor, sealed, today) = (
            row.id.clone(),
            member.id.clone(),
            sealed.clone(),
            today.clone(),
        );
        let report_id = row.report_id.clone();
        let audit_key = state.keys.get(Purpose::Audit).clone();
        async move {
            state
                .db
                .run(move |conn| {
                    db::write_tx(conn, |conn| {
                        report_store::lock_report(conn, &report_id)?;
                        let (from, by, on, content) = if to == ExceptionStatus::Approved {
                            let live = report_store::by_id(conn, &report_id)?
                                .is_some_and(|r| r.status != ReportStatus::Withdrawn);
                            if !live {
                                return Err(not_found());
                            }
                            (
                                ExceptionStatus::Proposed,
                                Some(actor.as_str()),
                                Some(today.as_str()),
                                Some(sealed.as_slice()),
                            )
                        } else {
                            (ExceptionStatus::Approved, None, None, None)
                        };
                        if !store::decide(conn, &id, from.as_str(), to.as_str(), by, on, content)? {
                            return Err(decided());
                        }
                        statistics::record(conn, Tallied::ExceptionDisclosures, count)?;
                        audit::record(conn, &audit_key, &actor, action, Some(&id))?;
                        Ok::<_, Error>(())
                    })
                })
                .await
        }
    };
    // Recorded before it is sent, so the reporter's list never misses one that happened; undone
    // if the mail server refuses it.
    record(ExceptionStatus::Approved, AuditAction::ExceptionApprove, 1).await?;
    let message = Outgoing {
        to: recipient,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        unsubscribe_url: None,
    };
    if state.mailer.send(&message).await.is_err() {
        record(
            ExceptionStatus::Proposed,
            AuditAction::ExceptionSendFailed,
            -1,
        )
        .await?;
        return Err(Error::new(ErrorKind::MailUnavailable));
    }
    let mut approved = row;
    approved.status = ExceptionStatus::Approved.as_str().to_string();
    approved.decided_by = Some(member.id.to_string());
    approved.decided_on = Some(today);
    approved.content = Some(sealed);
    view(state, approved, Some(&key), Some(SpocSummary::from(spoc)))
}
