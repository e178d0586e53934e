//! What a reporter does with a receipt besides reading it: reply to the caseworker, change
//! consent, and first see what a new consent would send. The API and the pages both call these,
//! so the rules (what a message may be, what may change after the report) live once, here.

use crate::db::register;
use crate::db::reports as store;
use crate::domain::{Consent, ConsentLevel, Error, ErrorKind, FieldError};
use crate::firewall;

use super::input::{self, Checker, ConsentInput};
use super::{
    ConsentView, active_consent, add_message, change_consent, find_by_receipt, open_report,
};
use crate::state::AppState;

/// Adds the reporter's message to the thread. The body is checked before the receipt is looked
/// up, so a malformed request tells a guesser nothing about the receipt in it.
pub async fn reply(state: &AppState, receipt: &str, body: &str) -> Result<String, Error> {
    let mut check = Checker::default();
    let text = check.required_text("body", body, input::MAX_MESSAGE, true);
    if !check.errors.is_empty() {
        return Err(Error::validation(check.errors));
    }
    let report = find_by_receipt(state, receipt).await?;
    add_message(state, &report, "reporter", text).await
}

/// A consent change as a reporter may make it after the report: any level, but the choice about
/// children is sealed with the report's content when it is made.
fn checked(input: &ConsentInput) -> Result<Consent, Error> {
    let mut check = Checker::default();
    let consent = input::check_consent(&mut check, Some(input));
    if input.share_children {
        check.fail(
            "consent.share_children",
            "can only be chosen when the report is made; mentions of children are not sent otherwise",
        );
    }
    if check.errors.is_empty() {
        Ok(consent)
    } else {
        Err(Error::validation(check.errors))
    }
}

pub async fn change_consent_by_receipt(
    state: &AppState,
    receipt: &str,
    input: &ConsentInput,
) -> Result<ConsentView, Error> {
    let consent = checked(input)?;
    let report = find_by_receipt(state, receipt).await?;
    change_consent(state, &report, consent).await
}

/// Exactly what police would receive if the report were forwarded under `input` (built by the
/// functions that forward), or `None` when that consent sends nothing. Stores nothing.
pub async fn consent_preview(
    state: &AppState,
    receipt: &str,
    input: &ConsentInput,
) -> Result<Option<String>, Error> {
    let consent = checked(input)?;
    let report = find_by_receipt(state, receipt).await?;
    let id = report.id.clone();
    let relayed_by = report.relayed_by.clone();
    let (active, key, contact, org) = state
        .db
        .run(move |conn| {
            let active = active_consent(conn, &consent)?;
            let key =
                store::key(conn, &id)?.ok_or_else(|| Error::new(ErrorKind::ReceiptUnknown))?;
            let contact = store::contact(conn, &id)?;
            let org = match &relayed_by {
                Some(o) => register::org(conn, o)?,
                None => None,
            };
            Ok::<_, Error>((active, key, contact, org))
        })
        .await?;
    let Some(active) = active else {
        return Ok(None);
    };
    let (content, contact) = open_report(state, &report, &key, contact.as_ref())?;
    if active.level() == ConsentLevel::Full && contact.is_none() && !content.contact_via_org {
        return Err(Error::validation(vec![FieldError::new(
            "consent.police",
            "full consent needs a contact route, and this report has none: choose anonymous",
        )]));
    }
    let route = super::police_route(active.level(), &content, contact.as_ref(), org)?;
    // Scrubbing is CPU work: a blocking thread, a bounded number at once (as the preview).
    let _permit = state
        .text_permits
        .acquire()
        .await
        .map_err(|_| Error::internal("text limiter closed"))?;
    let settings = state.settings.clone();
    tokio::task::spawn_blocking(move || {
        firewall::build_police_forward(
            settings.category_name(&report.category),
            settings.region_name(&report.region),
            &content,
            contact.as_ref(),
            &active,
            route,
        )
        .map(|forward| Some(forward.text().to_string()))
        .map_err(|e| Error::new(ErrorKind::Conflict).with_detail(e.to_string()))
    })
    .await
    .map_err(|_| Error::internal("consent preview task failed"))?
}
