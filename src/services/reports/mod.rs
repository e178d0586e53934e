//! Anonymous reports: intake, follow-up by receipt, consent changes, withdrawal and preview.
//! Owns the rules; encrypts before anything reaches `db`, decrypts after.

pub mod input;
mod reporter;

pub use reporter::{change_consent_by_receipt, consent_preview, reply};

use std::collections::BTreeSet;

use serde::Serialize;

use crate::crypto::receipt::{self, Receipt};
use crate::crypto::records::{DataKey, Envelope, Sealed, message_row};
use crate::crypto::sealed::SealedReportKeys;
use crate::crypto::tokens::{constant_time_eq, keyed_hash};
use crate::crypto::{KeyRing, Purpose};
use crate::db::register::{self, DisclosureRow, SpocRow};
use crate::db::reports::{
    self as store, ConsentRow, ContactRow, KeyRow, MessageRow, NewReportRow, ReportRow,
};
use crate::db::{self, DbConn};
use crate::domain::{Actor, AuditAction, Error, ErrorKind, FieldError};
use crate::domain::{
    Consent, ConsentLevel, ContactDetails, MessageId, NewReport, OrgId, ReportContent, ReportId,
    ReportStatus, SpocId,
};
use crate::firewall::{self, ActiveConsent, ContactRoute, SpocRef};
use crate::services::alerts;
use crate::services::audit;
use crate::state::AppState;

/// The Argon2id hash an old release stored for a receipt, on the bounded password-hashing pool
/// (only while such rows remain; see [`find_by_receipt`]).
async fn legacy_receipt_hash(state: &AppState, canonical: String) -> Result<String, Error> {
    let hasher = state.receipts.clone();
    state
        .hashing
        .run(move || hasher.legacy(&canonical))
        .await?
        .map_err(Error::from)
}

/// Whether receipts stored by an old release (Argon2id) may still be looked up: asked by the
/// retention worker when the service starts and hourly, so that once the last one has been
/// used, withdrawn or expired, no lookup pays for a password hash again.
pub async fn refresh_legacy_receipts(state: &AppState) -> Result<bool, Error> {
    let any = state
        .db
        .run(|conn| store::any_legacy_receipt(conn, receipt::KEYED_PREFIX))
        .await?;
    state
        .legacy_receipts
        .store(any, std::sync::atomic::Ordering::Relaxed);
    Ok(any)
}

/// Opens a sealed (HPKE) report: what it holds must be a JSON report, checked after as any other.
pub fn open_sealed(
    state: &AppState,
    enc: &str,
    ciphertext: &str,
) -> Result<serde_json::Value, Error> {
    open_sealed_with(&state.sealed, enc, ciphertext)
}

/// The pure part of [`open_sealed`], given the service's sealed-report keys. Fuzzed by `fuzz/`
/// (target `sealed`).
pub fn open_sealed_with(
    keys: &SealedReportKeys,
    enc: &str,
    ciphertext: &str,
) -> Result<serde_json::Value, Error> {
    let plain = keys
        .open(enc, ciphertext)
        .map_err(|_| Error::new(ErrorKind::SealedInvalid))?;
    serde_json::from_slice(&plain).map_err(|_| {
        Error::new(ErrorKind::SealedInvalid)
            .with_detail("The sealed message opened, but what it holds is not a JSON report.")
    })
}

/// The SPOC a consent would forward to: none when it names none or consents to nothing.
fn named_spoc(consent: &Consent) -> Option<&SpocId> {
    consent
        .spoc_id
        .as_ref()
        .filter(|_| consent.level != ConsentLevel::None)
}

/// Checks a consent's SPOC against the register: it must exist and be active now.
pub(super) fn active_consent(
    conn: &mut DbConn,
    consent: &Consent,
) -> Result<Option<ActiveConsent>, Error> {
    let Some(spoc_id) = named_spoc(consent) else {
        return Ok(None);
    };
    match register::active_spoc(conn, spoc_id)? {
        Some(s) => Ok(ActiveConsent::new(
            consent.level,
            SpocRef {
                id: s.id,
                name: s.name,
                region: s.region,
            },
        )),
        None => Err(Error::validation(vec![FieldError::new(
            "consent.spoc_id",
            "is not an active police contact: choose one from /meta",
        )])),
    }
}

/// The contact route police get at `level`: none below full; under full, the organisation that
/// relayed the report when the reporter chose it (refused if that organisation lost its access),
/// else the reporter's own contact. The forward and the reporter's preview both ask this.
pub fn police_route(
    level: ConsentLevel,
    content: &ReportContent,
    contact: Option<&ContactDetails>,
    org: Option<register::OrgRow>,
) -> Result<Option<ContactRoute>, Error> {
    Ok(match level {
        ConsentLevel::Full if content.contact_via_org => match org.filter(|o| o.active) {
            Some(o) => Some(ContactRoute::Organisation {
                name: o.name,
                email: o.email,
            }),
            None => {
                return Err(Error::new(ErrorKind::Conflict).with_detail(
                    "The organisation that relayed this report has lost its access, so its contact \
                     route cannot be given. The reporter needs to choose again.",
                ));
            }
        },
        ConsentLevel::Full => contact.cloned().map(ContactRoute::Reporter),
        _ => None,
    })
}

/// Stores a new report and returns its receipt, shown once.
pub async fn submit(
    state: &AppState,
    report: NewReport,
    relayed_by: Option<OrgId>,
) -> Result<Receipt, Error> {
    let receipt = Receipt::generate()?;
    let receipt_hash = state.receipts.keyed(receipt.expose());
    let id = ReportId::random();
    let keys = &state.keys;

    let data_key = keys.new_data_key(Envelope::Report, &id)?;
    let content_json = serde_json::to_vec(&report.content)?;
    let content = data_key
        .key
        .seal(Sealed::ReportContent, &id, &content_json)?;
    let key_row = KeyRow {
        report_id: id.clone(),
        key_id: data_key.key_id,
        wrapped_key: data_key.wrapped,
    };
    let contact_row = match &report.contact {
        Some(contact) => {
            let contact_key = keys.new_data_key(Envelope::Contact, &id)?;
            let json = serde_json::to_vec(contact)?;
            Some(ContactRow {
                report_id: id.clone(),
                content: contact_key.key.seal(Sealed::Contact, &id, &json)?,
                key_id: contact_key.key_id,
                wrapped_key: contact_key.wrapped,
            })
        }
        None => None,
    };
    let today = crate::clock::today_string();
    let mut consent_row = ConsentRow {
        report_id: id.clone(),
        seq: 1,
        level: report.consent.level,
        spoc_id: report.consent.spoc_id.clone(),
        statement_version: report.consent.statement_version.clone(),
        given_on: today.clone(),
        mac: None,
    };
    consent_row.mac = Some(consent_mac(keys, &consent_row));
    let consent = report.consent.clone();
    let (category, region) = (report.category.clone(), report.region.clone());
    let insert = move |conn: &mut DbConn| {
        let row = NewReportRow {
            id: &id,
            receipt_hash: &receipt_hash,
            category: &category,
            region: &region,
            status: ReportStatus::Received,
            submitted_on: &today,
            consent_level: consent.level,
            consent_spoc_id: consent.spoc_id.as_ref(),
            relayed_by: relayed_by.as_ref(),
            content: &content,
        };
        store::insert_report(conn, &row, &key_row, contact_row.as_ref(), &consent_row)
    };
    // Reports come in bursts and touch the same pages: grouped with others waiting at the same
    // moment (one commit on SQLite), and answered only once committed.
    if named_spoc(&report.consent).is_some() {
        // The SPOC must still be active when the report is stored: checked in its transaction.
        let consent = report.consent;
        state
            .db
            .write_grouped(move |conn| {
                active_consent(conn, &consent)?;
                insert(conn)?;
                Ok::<_, Error>(())
            })
            .await?;
    } else {
        // Nothing to check first: the insert alone, which is one statement on PostgreSQL.
        state.db.write_grouped_alone(insert).await?;
    }
    Ok(receipt)
}

/// Finds the live report a receipt belongs to: one keyed hash, one indexed query. Hit or miss,
/// the same work is done and the same throttle delay applies, so timing tells nothing; misses
/// feed the throttle, which keeps no addresses.
///
/// While the database still holds receipts stored by an old release (Argon2id), every lookup —
/// hit, miss or malformed — also computes that hash and tries it second, so the timing stays the
/// same for all; a hit that way is rewritten to the keyed form at once. When none are left,
/// lookups stop paying for it.
pub async fn find_by_receipt(state: &AppState, raw: &str) -> Result<ReportRow, Error> {
    let parsed = Receipt::parse(raw);
    // A malformed receipt is hashed too (as a fixed stand-in) so it costs what a real one costs.
    let canonical = parsed
        .as_ref()
        .map_or_else(|| "LKT-MALFORMED".to_string(), |r| r.expose().to_string());
    let keyed = state.receipts.keyed(&canonical);
    let legacy = if state
        .legacy_receipts
        .load(std::sync::atomic::Ordering::Relaxed)
    {
        Some(legacy_receipt_hash(state, canonical).await?)
    } else {
        None
    };
    let delay = state.throttle.delay();
    let found = state
        .db
        .run(move |conn| {
            if let Some(row) = store::by_receipt_hash(conn, &keyed)? {
                return Ok::<_, Error>(Some(row));
            }
            let Some(old) = legacy else {
                return Ok(None);
            };
            let Some(mut row) = store::by_receipt_hash(conn, &old)? else {
                return Ok(None);
            };
            store::rewrite_receipt_hash(conn, &row.id, &old, &keyed)?;
            row.receipt_hash = keyed;
            Ok(Some(row))
        })
        .await?;
    let found = found.filter(|_| parsed.is_some());
    if found.is_none() {
        state.throttle.record_miss();
    }
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    found.ok_or_else(|| Error::new(ErrorKind::ReceiptUnknown))
}

#[derive(Debug, Serialize)]
pub struct ConsentView {
    pub police: ConsentLevel,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spoc_id: Option<SpocId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement_version: Option<String>,
    pub given_on: Option<String>,
    /// True when the SPOC this consent names has been retired: nothing can be forwarded until
    /// the reporter consents again.
    pub needs_renewal: bool,
}

#[derive(Debug, Serialize)]
pub struct MessageView {
    pub from: String,
    pub body: String,
    pub on: String,
}

#[derive(Debug, Serialize)]
pub struct DisclosureView {
    pub to: String,
    pub level: ConsentLevel,
    pub on: String,
    pub content: String,
    /// `consent` (the reporter's own), or `exception_policy` (the published limits of
    /// confidentiality; `services::exceptions`).
    pub basis: &'static str,
}

#[derive(Debug, Serialize)]
pub struct ReporterView {
    pub status: ReportStatus,
    pub category: String,
    pub region: String,
    pub submitted_on: String,
    /// The day retention deletes (crypto-shreds) the report, unless it is withdrawn first.
    pub expires_on: String,
    pub consent: ConsentView,
    pub messages: Vec<MessageView>,
    pub disclosures: Vec<DisclosureView>,
}

pub fn data_key(state: &AppState, row: &KeyRow) -> Result<DataKey, Error> {
    open_data_key(&state.keys, row)
}

/// [`data_key`] with the key ring alone (inside a database closure, which cannot hold the state).
pub fn open_data_key(keys: &KeyRing, row: &KeyRow) -> Result<DataKey, Error> {
    Ok(keys.open_data_key(Envelope::Report, &row.report_id, &row.wrapped_key)?)
}

/// Opens a report's content and contact details (caseworker view, forwarding, alert drafts).
pub fn open_report(
    state: &AppState,
    report: &ReportRow,
    key: &KeyRow,
    contact: Option<&ContactRow>,
) -> Result<(ReportContent, Option<ContactDetails>), Error> {
    let dk = data_key(state, key)?;
    let plain = dk.open(Sealed::ReportContent, &report.id, &report.content)?;
    let content: ReportContent = serde_json::from_slice(&plain)?;
    let contact = match contact {
        Some(row) => {
            let ck =
                state
                    .keys
                    .open_data_key(Envelope::Contact, &row.report_id, &row.wrapped_key)?;
            let plain = ck.open(Sealed::Contact, &row.report_id, &row.content)?;
            Some(serde_json::from_slice(&plain)?)
        }
        None => None,
    };
    Ok((content, contact))
}

/// What the follow-up view reads besides the report row: one snapshot, so a caller that has a
/// transaction open (the case view) reads it in the same one.
pub struct FollowUpRows {
    key: Option<KeyRow>,
    messages: Vec<MessageRow>,
    consent: Option<ConsentRow>,
    spoc_active: bool,
    disclosure: Option<(DisclosureRow, Option<SpocRow>)>,
    /// Approved disclosures under the exception policy, with their SPOC.
    exceptions: Vec<(crate::db::exceptions::ExceptionRow, Option<SpocRow>)>,
}

pub fn load_follow_up(conn: &mut DbConn, report: &ReportRow) -> Result<FollowUpRows, Error> {
    let id = &report.id;
    let disclosure = match register::disclosure(conn, id)? {
        Some(d) => {
            let spoc = register::spoc(conn, &d.spoc_id)?;
            Some((d, spoc))
        }
        None => None,
    };
    let mut exceptions = Vec::new();
    for row in crate::db::exceptions::of_report(conn, id)? {
        if row.status == crate::domain::requests::ExceptionStatus::Approved.as_str() {
            let spoc = register::spoc(conn, &row.spoc_id)?;
            exceptions.push((row, spoc));
        }
    }
    Ok(FollowUpRows {
        exceptions,
        key: store::key(conn, id)?,
        messages: store::messages(conn, id)?,
        consent: store::latest_consent(conn, id)?,
        spoc_active: match &report.consent_spoc_id {
            Some(s) => register::active_spoc(conn, s)?.is_some(),
            None => true,
        },
        disclosure,
    })
}

/// The day retention (`services::retention`) shreds a report submitted on `submitted_on`: its
/// sweep takes reports submitted before `today - days`, so the first sweep of day
/// `submitted_on + days + 1` takes it.
pub fn expires_on(submitted_on: &str, days: u32) -> String {
    chrono::NaiveDate::parse_from_str(submitted_on, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(days) + 1)))
        .map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string())
}

/// What a reporter sees with their receipt.
pub async fn reporter_view(state: &AppState, report: ReportRow) -> Result<ReporterView, Error> {
    let (report, rows) = state
        .db
        .run(move |conn| {
            let rows = load_follow_up(conn, &report)?;
            Ok::<_, Error>((report, rows))
        })
        .await?;
    render_follow_up(state, report, rows)
}

pub fn render_follow_up(
    state: &AppState,
    report: ReportRow,
    rows: FollowUpRows,
) -> Result<ReporterView, Error> {
    let FollowUpRows {
        key,
        messages,
        consent,
        spoc_active,
        disclosure,
        exceptions,
    } = rows;
    let key = key.ok_or_else(|| Error::new(ErrorKind::ReceiptUnknown))?;
    let dk = data_key(state, &key)?;
    let messages = messages
        .into_iter()
        .map(|m| {
            let body = dk.open(Sealed::Message, message_row(&m.report_id, &m.id), &m.body)?;
            Ok(MessageView {
                from: m.sender,
                body: String::from_utf8_lossy(&body).into_owned(),
                on: m.sent_on,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(ReporterView {
        status: report.status,
        category: report.category,
        region: report.region,
        expires_on: expires_on(&report.submitted_on, state.settings.retention.days),
        submitted_on: report.submitted_on,
        consent: ConsentView {
            police: report.consent_level,
            spoc_id: report.consent_spoc_id,
            statement_version: consent.as_ref().and_then(|c| c.statement_version.clone()),
            given_on: consent.map(|c| c.given_on),
            needs_renewal: !spoc_active,
        },
        messages,
        disclosures: {
            let to = |spoc: Option<SpocRow>| {
                spoc.map_or_else(
                    || "a police contact".to_string(),
                    |s| format!("{}, {}", s.name, state.settings.region_name(&s.region)),
                )
            };
            let mut all = Vec::new();
            if let Some((d, spoc)) = disclosure {
                let content = dk.open(Sealed::Disclosure, &d.report_id, &d.content)?;
                all.push(DisclosureView {
                    to: to(spoc),
                    level: d.level,
                    on: d.disclosed_on,
                    content: String::from_utf8_lossy(&content).into_owned(),
                    basis: "consent",
                });
            }
            for (e, spoc) in exceptions {
                let Some(sealed) = &e.content else { continue };
                let content = dk.open(Sealed::ExceptionDisclosure, &e.id, sealed)?;
                all.push(DisclosureView {
                    to: to(spoc),
                    level: ConsentLevel::Anonymous,
                    on: e.decided_on.unwrap_or_default(),
                    content: String::from_utf8_lossy(&content).into_owned(),
                    basis: "exception_policy",
                });
            }
            all
        },
    })
}

/// Adds a message from `sender` ("reporter" or "caseworker"), sealed under the report's key.
pub async fn add_message(
    state: &AppState,
    report: &ReportRow,
    sender: &'static str,
    body: String,
) -> Result<String, Error> {
    let report_id = report.id.clone();
    let key = {
        let id = report_id.clone();
        state
            .db
            .run(move |conn| store::key(conn, &id))
            .await?
            .ok_or_else(|| Error::new(ErrorKind::ReceiptUnknown))?
    };
    let dk = data_key(state, &key)?;
    let message_id = MessageId::random();
    let sealed = dk.seal(
        Sealed::Message,
        message_row(&report_id, &message_id),
        body.as_bytes(),
    )?;
    let today = crate::clock::today_string();
    let row = MessageRow {
        id: message_id,
        report_id,
        seq: 0,
        sender: sender.to_string(),
        sent_on: today.clone(),
        body: sealed,
    };
    state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                store::add_message(conn, &row).map_err(Error::from)
            })
        })
        .await?;
    Ok(today)
}

pub async fn change_consent(
    state: &AppState,
    report: &ReportRow,
    consent: Consent,
) -> Result<ConsentView, Error> {
    let report_id = report.id.clone();
    let mut row = ConsentRow {
        report_id: report_id.clone(),
        seq: 0,
        level: consent.level,
        spoc_id: consent.spoc_id.clone(),
        statement_version: consent.statement_version.clone(),
        given_on: crate::clock::today_string(),
        mac: None,
    };
    row.mac = Some(consent_mac(&state.keys, &row));
    let audit_key = state.keys.get(Purpose::Audit).clone();
    let saved = state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                active_consent(conn, &consent)?;
                if consent.level == ConsentLevel::Full && store::contact(conn, &report_id)?.is_none() {
                    return Err(Error::validation(vec![FieldError::new(
                        "consent.police",
                        "full consent needs a contact route, and this report has none: choose anonymous",
                    )]));
                }
                let saved = store::change_consent(conn, &row)?;
                audit::record(conn, &audit_key, &Actor::Reporter, AuditAction::ConsentChange, Some(&row.report_id))?;
                Ok(saved)
            })
        })
        .await?;
    Ok(ConsentView {
        police: saved.level,
        spoc_id: saved.spoc_id,
        statement_version: saved.statement_version,
        given_on: Some(saved.given_on),
        needs_renewal: false,
    })
}

pub async fn withdraw(state: &AppState, report: &ReportRow) -> Result<(), Error> {
    let id = report.id.clone();
    let audit_key = state.keys.get(Purpose::Audit).clone();
    state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                store::withdraw(conn, &id)?;
                audit::record(
                    conn,
                    &audit_key,
                    &Actor::Reporter,
                    AuditAction::ReportWithdraw,
                    Some(&id),
                )?;
                crate::services::statistics::record(
                    conn,
                    crate::domain::statistics::Tallied::Withdrawals,
                    1,
                )?;
                Ok::<_, Error>(())
            })?;
            db::flush_deleted(conn);
            Ok::<_, Error>(())
        })
        .await
}

#[derive(Debug, Serialize)]
pub struct Preview {
    pub police_forward: Option<String>,
    pub alert_draft: Option<String>,
    pub removed: Vec<&'static str>,
    /// Things the reporter should know before consenting (e.g. misconduct reports).
    pub warnings: Vec<String>,
}

pub use crate::domain::report::MISCONDUCT;

/// Exactly what would leave the service for this report, built by the same functions that
/// send. Stores nothing.
pub async fn preview(state: &AppState, report: NewReport) -> Result<Preview, Error> {
    let consent = report.consent.clone();
    let active = state
        .db
        .run(move |conn| active_consent(conn, &consent))
        .await?;
    // Scrubbing a whole report is CPU work (up to the scrubber's budget on hostile text): it
    // runs on a blocking thread, a bounded number at once, never on an async worker.
    let _permit = state
        .text_permits
        .acquire()
        .await
        .map_err(|_| Error::internal("text limiter closed"))?;
    let settings = state.settings.clone();
    tokio::task::spawn_blocking(move || build_preview(&settings, &report, active.as_ref()))
        .await
        .map_err(|_| Error::internal("preview task failed"))?
}

fn build_preview(
    settings: &crate::settings::Settings,
    report: &NewReport,
    active: Option<&ActiveConsent>,
) -> Result<Preview, Error> {
    let mut removed = BTreeSet::new();
    let mut warnings = Vec::new();
    if let (Some(consent), true) = (active, report.category == MISCONDUCT) {
        warnings.push(format!(
            "This report is about police misconduct. If you agree, it goes only to {}, the police \
             contact you named, who is a police officer. Nothing is sent to anyone else.",
            consent.spoc().name
        ));
    }
    let police_forward = match active {
        Some(consent) => {
            let route = report.contact.clone().map(ContactRoute::Reporter);
            let forward = firewall::build_police_forward(
                settings.category_name(&report.category),
                settings.region_name(&report.region),
                &report.content,
                report.contact.as_ref(),
                consent,
                route,
            )
            .map_err(|e| Error::new(ErrorKind::ValidationFailed).with_detail(e.to_string()))?;
            removed.extend(forward.removed().iter().copied());
            Some(forward.text().to_string())
        }
        None => None,
    };
    let alert_draft = report.content.alert.then(|| {
        let draft = alerts::draft(
            settings,
            &report.category,
            &report.region,
            &report.content,
            report.contact.as_ref(),
        );
        removed.extend(draft.removed.iter().copied());
        draft.render()
    });
    Ok(Preview {
        police_forward,
        alert_draft,
        removed: removed.into_iter().collect(),
        warnings,
    })
}

/// The MAC that binds a recorded consent (level, SPOC, statement version, date) to its report,
/// under the consent key derived from the master key. Someone who can write to the database but
/// does not hold the key cannot make a consent that [`consent_verifies`], nor move one to another
/// report. (Not bound: the order of a report's consents. Deleting a report's newest consents
/// brings back an older one that the reporter did give.)
pub fn consent_mac(keys: &KeyRing, row: &ConsentRow) -> String {
    let fields = [
        row.report_id.as_str(),
        row.level.as_str(),
        row.spoc_id.as_ref().map_or("", |s| s.as_str()),
        row.statement_version.as_deref().unwrap_or(""),
        row.given_on.as_str(),
    ];
    // A JSON array: unambiguous whatever the fields hold.
    let encoded = serde_json::to_vec(&fields).unwrap_or_default();
    keyed_hash(keys.get(Purpose::Consent), "consent-v1", &encoded)
}

/// Whether a consent row carries the MAC [`consent_mac`] gives it.
pub fn consent_verifies(keys: &KeyRing, row: &ConsentRow) -> bool {
    row.mac
        .as_deref()
        .is_some_and(|mac| constant_time_eq(mac.as_bytes(), consent_mac(keys, row).as_bytes()))
}

/// Seals, as found, the consent rows written before consents carried a MAC (run at start-up; a
/// database upgraded from 0.1 has them). Returns how many.
pub fn seal_unsealed_consents(conn: &mut DbConn, keys: &KeyRing) -> Result<usize, Error> {
    let rows = store::unsealed_consents(conn)?;
    db::write_tx(conn, |conn| {
        for row in &rows {
            store::set_consent_mac(conn, &row.report_id, row.seq, &consent_mac(keys, row))?;
        }
        Ok::<_, Error>(())
    })?;
    Ok(rows.len())
}
