//! Forwarding a report to the one police SPOC its reporter consented to.
//!
//! The rules, in order: consent must not be `none` (403 `consent_required`); the SPOC it names must
//! still be active (403 `consent_spoc_changed`: consent never moves to a successor); a report is
//! forwarded at most once (409 `already_forwarded`); a `police_misconduct` report goes only to the
//! SPOC the reporter's own latest consent names. The text is built by the firewall from the
//! report and that consent; the recipient is checked against the immigration-enforcement list
//! again right before sending. The disclosure (exact content, sealed) is recorded before the
//! email is sent and removed again if the mail server refuses it, so the reporter's list of
//! disclosures never misses one that happened.
//!
//! `preview` runs the same checks and builds the same email without recording or sending it
//! (audited as `case.view_forward`); its `digest` lets `forward` refuse when what would be sent
//! has changed since the caseworker read it.

use serde::Serialize;

use crate::crypto::Purpose;
use crate::crypto::records::Sealed;
use crate::crypto::tokens::{constant_time_eq, keyed_hash};
use crate::db::register::{self as register_store, DisclosureRow, SpocRow};
use crate::db::reports::{self as store, ConsentRow, KeyRow, ReportRow};
use crate::db::{self};
use crate::domain::statistics::Tallied;
use crate::domain::{AuditAction, Error, ErrorKind, FieldError};
use crate::domain::{ConsentLevel, DisclosureId, ReportId, ReportStatus, SpocId};
use crate::firewall::{self, ActiveConsent, SpocRef, recipients};
use crate::mail::Outgoing;
use crate::mail::templates::{self, Rendered};
use crate::services::register::{SpocSummary, recipient_error};
use crate::services::reports::{self, MISCONDUCT};
use crate::services::staff::{Role, StaffMember};
use crate::services::{audit, statistics};
use crate::state::AppState;

#[derive(Debug, Serialize)]
pub struct Forwarded {
    pub id: DisclosureId,
    pub spoc: SpocSummary,
    pub level: ConsentLevel,
}

/// Exactly what [`forward`] would send now, for a caseworker to read before sending: the
/// email's subject and text body, the canonical recipient address, the SPOC and level, and a
/// `digest` of the three that a confirm form carries back as `expected_digest`.
#[derive(Debug, Serialize)]
pub struct ForwardPreview {
    pub subject: String,
    pub text: String,
    pub to: String,
    pub spoc: SpocSummary,
    pub level: ConsentLevel,
    pub digest: String,
}

/// Everything a forward is decided on, checked and built, before anything is recorded or sent.
struct Prepared {
    row: ReportRow,
    key: KeyRow,
    spoc: SpocRow,
    latest: Option<ConsentRow>,
    level: ConsentLevel,
    /// The canonical address, as the send-time recipient check returned it.
    recipient: String,
    /// The email as it would be sent.
    rendered: Rendered,
    /// The text recorded as the disclosure (the payload's text, after any take-away).
    text: String,
    /// How many spans the caseworker took away.
    taken: usize,
}

impl Prepared {
    /// A keyed hash over what would be sent (recipient, subject, text), each part
    /// length-prefixed so no two different emails share the input.
    fn digest(&self, state: &AppState) -> String {
        let mut bytes = Vec::new();
        for part in [&self.recipient, &self.rendered.subject, &self.rendered.text] {
            bytes.extend_from_slice(&(part.len() as u64).to_be_bytes());
            bytes.extend_from_slice(part.as_bytes());
        }
        keyed_hash(state.keys.get(Purpose::Tokens), "forward-preview", &bytes)
    }
}

/// The checks and the building shared by [`preview`] and [`forward`], in the order the module
/// documentation gives. A recipient refused at this point is audited (`case.forward_refused`)
/// whichever of the two asked: the register should never hold such an address.
async fn prepare(
    state: &AppState,
    actor: &StaffMember,
    case_id: &ReportId,
    take_away: &[String],
) -> Result<Prepared, Error> {
    actor.require(Role::Caseworker)?;
    let id = case_id.clone();
    let (row, key, contact, spoc, latest, existing, org) = state
        .db
        .run(move |conn| {
            let not_found = || Error::new(ErrorKind::NotFound).with_detail("No case has this id.");
            let row = store::by_id(conn, &id)?
                .filter(|r| r.status != ReportStatus::Withdrawn)
                .ok_or_else(not_found)?;
            let key = store::key(conn, &id)?.ok_or_else(not_found)?;
            let contact = store::contact(conn, &id)?;
            let spoc = match &row.consent_spoc_id {
                Some(s) => register_store::spoc(conn, s)?,
                None => None,
            };
            let latest = store::latest_consent(conn, &id)?;
            let existing = register_store::disclosure(conn, &id)?;
            let org = match &row.relayed_by {
                Some(o) => register_store::org(conn, o)?,
                None => None,
            };
            Ok::<_, Error>((row, key, contact, spoc, latest, existing, org))
        })
        .await?;

    let level = row.consent_level;
    if level == ConsentLevel::None {
        return Err(Error::new(ErrorKind::ConsentRequired));
    }
    // The report's consent columns are plain text anyone with write access to the database could
    // change: only a consent the reporter gave, as recorded with its MAC, lets anything go.
    let recorded = latest.as_ref().is_some_and(|c| {
        reports::consent_verifies(&state.keys, c)
            && c.level == row.consent_level
            && c.spoc_id == row.consent_spoc_id
    });
    if !recorded {
        tracing::warn!(
            "a forward was refused: the report's consent does not match a verified record"
        );
        let error = Error::new(ErrorKind::ConsentRequired).with_detail(
            "The consent on record for this report does not verify, so nothing was sent. The \
             database may have been altered: an administrator should check the audit log.",
        );
        return Err(refused_audited(state, actor, &row.id, error).await?);
    }
    let Some(spoc) = spoc.filter(|s| s.active) else {
        return Err(Error::new(ErrorKind::ConsentSpocChanged));
    };
    if existing.is_some() {
        return Err(Error::new(ErrorKind::AlreadyForwarded));
    }
    // Misconduct by police goes to police only as the reporter's own latest consent says.
    if row.category == MISCONDUCT
        && !latest
            .as_ref()
            .is_some_and(|c| c.spoc_id.as_ref() == Some(&spoc.id) && c.level == row.consent_level)
    {
        return Err(Error::new(ErrorKind::ConsentRequired).with_detail(
            "A police misconduct report is only sent to the police contact its reporter named.",
        ));
    }

    let (content, contact) = reports::open_report(state, &row, &key, contact.as_ref())?;
    let route = reports::police_route(level, &content, contact.as_ref(), org)?;
    let consent = ActiveConsent::new(
        level,
        SpocRef {
            id: spoc.id.clone(),
            name: spoc.name.clone(),
            region: spoc.region.clone(),
        },
    )
    .ok_or_else(|| Error::new(ErrorKind::ConsentRequired))?;
    let mut payload = firewall::build_police_forward(
        state.settings.category_name(&row.category),
        state.settings.region_name(&row.region),
        &content,
        contact.as_ref(),
        &consent,
        route,
    )
    .map_err(|e| Error::new(ErrorKind::Conflict).with_detail(e.to_string()))?;
    let taken = payload.take_away(take_away).map_err(|i| {
        Error::validation(vec![FieldError::new(
            format!("remove[{i}]"),
            "must be text of the forward as it would be sent (a caseworker may only take away)",
        )])
    })?;

    // The send-time recipient check: the register refuses these addresses, but a row written
    // straight into the database must still never be sent to.
    let recipient = match recipients::check(&spoc.email, &state.settings.firewall.blocked_domains) {
        Ok(canonical) => canonical,
        Err(refused) => {
            let error = recipient_error(&refused);
            return Err(refused_audited(state, actor, &row.id, error).await?);
        }
    };
    let rendered = templates::document(payload.subject(), payload.text());
    Ok(Prepared {
        row,
        key,
        spoc,
        latest,
        level,
        recipient,
        rendered,
        text: payload.text().to_string(),
        taken,
    })
}

/// Records a refusal the register or the database should have made impossible
/// (`case.forward_refused`), and gives back the error to answer with.
async fn refused_audited(
    state: &AppState,
    actor: &StaffMember,
    case_id: &ReportId,
    error: Error,
) -> Result<Error, Error> {
    audit::record_alone(
        state,
        &actor.id,
        AuditAction::CaseForwardRefused,
        Some(case_id),
    )
    .await?;
    Ok(error)
}

/// What [`forward`] would send now, with the same `take_away`, refused exactly as it would be.
/// Nothing is recorded or sent; reading the decrypted report is audited (`case.view_forward`).
pub async fn preview(
    state: &AppState,
    actor: &StaffMember,
    case_id: &ReportId,
    take_away: &[String],
) -> Result<ForwardPreview, Error> {
    let prepared = prepare(state, actor, case_id, take_away).await?;
    audit::record_alone(
        state,
        &actor.id,
        AuditAction::CaseViewForward,
        Some(&prepared.row.id),
    )
    .await?;
    let digest = prepared.digest(state);
    Ok(ForwardPreview {
        subject: prepared.rendered.subject,
        text: prepared.rendered.text,
        to: prepared.recipient,
        spoc: SpocSummary::from(prepared.spoc),
        level: prepared.level,
        digest,
    })
}

/// Forwards a case to the one consented SPOC. `take_away` lists spans of the built text the
/// caseworker removes before sending (never adds): each must occur in it, or nothing is sent.
/// `expected_digest` is a [`preview`]'s `digest`: when given and what would be sent now differs
/// (consent or the SPOC changed since), nothing is recorded or sent (409 `conflict`).
pub async fn forward(
    state: &AppState,
    actor: &StaffMember,
    case_id: &ReportId,
    take_away: &[String],
    expected_digest: Option<&str>,
) -> Result<Forwarded, Error> {
    let prepared = prepare(state, actor, case_id, take_away).await?;
    if let Some(expected) = expected_digest
        && !constant_time_eq(prepared.digest(state).as_bytes(), expected.as_bytes())
    {
        return Err(Error::new(ErrorKind::Conflict).with_detail(
            "What would be sent has changed since it was previewed (consent or the SPOC \
             changed). Nothing was sent; look at the preview again.",
        ));
    }
    let Prepared {
        row,
        key,
        spoc,
        latest,
        level,
        recipient,
        rendered,
        text,
        taken,
    } = prepared;

    let dk = reports::data_key(state, &key)?;
    let disclosure = DisclosureRow {
        id: DisclosureId::random(),
        report_id: row.id.clone(),
        spoc_id: spoc.id.clone(),
        level,
        disclosed_on: crate::clock::today_string(),
        content: dk.seal(Sealed::Disclosure, &row.id, text.as_bytes())?,
    };
    let previous_status = row.status;
    {
        let (d, actor_id) = (disclosure.clone(), actor.id.clone());
        let decided = Decided {
            level: row.consent_level,
            spoc_id: spoc.id.clone(),
            consent_seq: latest.as_ref().map(|c| c.seq),
        };
        let audit_key = state.keys.get(Purpose::Audit).clone();
        state
            .db
            .run(move |conn| {
                db::write_tx(conn, |conn| {
                    // Everything above was read without a lock, and building the payload takes
                    // time: the reporter may have withdrawn or changed consent meanwhile. Under
                    // the report's lock, the decision must still hold, or nothing is sent.
                    store::lock_report(conn, &d.report_id)?;
                    decided.still_holds(conn, &d.report_id)?;
                    if register_store::disclosure(conn, &d.report_id)?.is_some() {
                        return Err(Error::new(ErrorKind::AlreadyForwarded));
                    }
                    register_store::insert_disclosure(conn, &d)?;
                    store::set_status(conn, &d.report_id, ReportStatus::Forwarded)?;
                    audit::record(
                        conn,
                        &audit_key,
                        &actor_id,
                        AuditAction::CaseForward,
                        Some(&d.report_id),
                    )?;
                    statistics::record(conn, forward_figure(d.level), 1)?;
                    // What the caseworker took away is counted, never quoted.
                    if taken > 0 {
                        audit::record(
                            conn,
                            &audit_key,
                            &actor_id,
                            AuditAction::CaseForwardReduced(taken),
                            Some(&d.report_id),
                        )?;
                    }
                    Ok(())
                })
            })
            .await?;
    }
    let message = Outgoing {
        to: recipient,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        unsubscribe_url: None,
    };
    if state.mailer.send(&message).await.is_err() {
        let (d, actor_id) = (disclosure.clone(), actor.id.clone());
        let audit_key = state.keys.get(Purpose::Audit).clone();
        state
            .db
            .run(move |conn| {
                db::write_tx(conn, |conn| {
                    store::lock_report(conn, &d.report_id)?;
                    register_store::delete_disclosure(conn, &d.id)?;
                    // Only undo our own status change: a withdrawal since must stand.
                    let current = store::by_id(conn, &d.report_id)?.map(|r| r.status);
                    if current == Some(ReportStatus::Forwarded) {
                        store::set_status(conn, &d.report_id, previous_status)?;
                    }
                    audit::record(
                        conn,
                        &audit_key,
                        &actor_id,
                        AuditAction::CaseForwardFailed,
                        Some(&d.report_id),
                    )?;
                    // Counted when recorded; not sent after all, so not a forward.
                    statistics::record(conn, forward_figure(d.level), -1)?;
                    Ok::<_, Error>(())
                })
            })
            .await?;
        return Err(Error::new(ErrorKind::MailUnavailable));
    }
    Ok(Forwarded {
        id: disclosure.id,
        spoc: SpocSummary::from(spoc),
        level,
    })
}

/// The figure a forward at `level` counts in.
fn forward_figure(level: ConsentLevel) -> Tallied {
    match level {
        ConsentLevel::Full => Tallied::ForwardsFull,
        _ => Tallied::ForwardsAnonymous,
    }
}

/// What a forward was decided on, checked again under the report's lock before anything is
/// recorded or sent.
struct Decided {
    level: ConsentLevel,
    spoc_id: SpocId,
    consent_seq: Option<i32>,
}

impl Decided {
    fn still_holds(&self, conn: &mut db::DbConn, report_id: &ReportId) -> Result<(), Error> {
        let changed = || {
            Error::new(ErrorKind::Conflict).with_detail(
                "The reporter changed their consent or withdrew the report while this forward was \
                 being prepared. Nothing was sent; open the case again.",
            )
        };
        let row = store::by_id(conn, report_id)?
            .filter(|r| r.status != ReportStatus::Withdrawn)
            .ok_or_else(|| Error::new(ErrorKind::NotFound).with_detail("No case has this id."))?;
        let latest = store::latest_consent(conn, report_id)?.map(|c| c.seq);
        if row.consent_level != self.level
            || row.consent_spoc_id.as_ref() != Some(&self.spoc_id)
            || latest != self.consent_seq
        {
            return Err(changed());
        }
        if !register_store::spoc(conn, &self.spoc_id)?.is_some_and(|s| s.active) {
            return Err(Error::new(ErrorKind::ConsentSpocChanged));
        }
        Ok(())
    }
}
