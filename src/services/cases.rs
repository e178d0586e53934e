//! Caseworker review: the queue, the decrypted case (every view audited), the alert draft,
//! publishing an alert (with its deliveries, in one transaction) or previewing it (the same
//! checks, nothing published), replies and closing.

use serde::{Deserialize, Serialize};

use crate::clock::now_unix;
use crate::crypto::Purpose;
use crate::crypto::records::{Envelope, Sealed};
use crate::db::alerts::{self as alert_store, AlertRow, DeliveryRow};
use crate::db::checks::{self as check_store, IdentifierRow};
use crate::db::reports::{self as store, ReportRow};
use crate::db::{self, DbConn};
use crate::domain::statistics::Tallied;
use crate::domain::{
    AlertContent, AlertId, ConsentLevel, ContactDetails, DeliveryKind, Identifiers, ReportContent,
    ReportId, ReportStatus, SpocId, SubscriberId,
};
use crate::domain::{AuditAction, Error, ErrorKind, FieldError};
use crate::firewall::scrub;
use crate::identifiers::{self, Kind};
use crate::redact::{self, Keep, Removed, ReporterContact};
use crate::services::alerts::{self, AlertDraft};
use crate::services::checks::identifier_hash;
use crate::services::reports::input::{Checker, MAX_LIST, MAX_MESSAGE};
use crate::services::reports::{self, ConsentView, MessageView};
use crate::services::staff::{Role, StaffMember};
use crate::services::subscriptions;
use crate::services::{audit, statistics};
use crate::state::AppState;

/// The states a case in the queue can be in (withdrawn reports are never listed).
pub const STATUSES: [ReportStatus; 5] = [
    ReportStatus::Received,
    ReportStatus::Reviewed,
    ReportStatus::AlertPublished,
    ReportStatus::Forwarded,
    ReportStatus::Closed,
];

#[derive(Debug, Serialize)]
pub struct CaseSummary {
    pub id: ReportId,
    pub category: String,
    pub region: String,
    pub submitted_on: String,
    pub status: ReportStatus,
    pub consent: serde_json::Value,
    pub relayed_by: Option<String>,
}

fn consent_json(level: ConsentLevel, spoc: Option<&SpocId>) -> serde_json::Value {
    match spoc {
        Some(spoc) => serde_json::json!({"police": level, "spoc_id": spoc}),
        None => serde_json::json!({"police": level}),
    }
}

/// The most cases one page of the queue holds, and how many it holds when not told.
pub const PAGE_LIMIT_MAX: i64 = 1000;
pub const PAGE_LIMIT_DEFAULT: i64 = 200;

/// What a caseworker asks of the queue: a status (or all), where to start and how many.
#[derive(Debug, Default, Clone)]
pub struct ListRequest {
    /// A status word, checked here.
    pub status: Option<String>,
    /// A [`Cursor`] from the page before, as text, checked here.
    pub after: Option<String>,
    pub limit: Option<i64>,
}

/// One page of the queue, and where the next one starts when there are more.
#[derive(Debug)]
pub struct CasePage {
    pub cases: Vec<CaseSummary>,
    pub next: Option<Cursor>,
}

/// Where a page of the queue ends: the last case's day and id (`2026-12-03.<id>`), the order
/// the queue is in. It stands alone (no lookup), so any well-formed cursor is a valid request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    day: String,
    id: ReportId,
}

impl Cursor {
    /// `YYYY-MM-DD.` and a lower-case UUID; nothing else.
    pub fn parse(text: &str) -> Option<Cursor> {
        let (day, id) = text.split_once('.')?;
        let day_ok = day.len() == 10
            && day.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        // Report ids are lower-case hyphenated UUIDs, and only that form is taken.
        let id_ok = uuid::Uuid::try_parse(id).is_ok_and(|u| u.hyphenated().to_string() == id);
        (day_ok && id_ok).then(|| Cursor {
            day: day.to_string(),
            id: ReportId::from(id.to_string()),
        })
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.day, self.id.as_str())
    }
}

fn parse_status(word: Option<&str>) -> Result<Option<ReportStatus>, Error> {
    match word {
        None => Ok(None),
        Some(word) => match word.parse::<ReportStatus>() {
            Ok(s) if STATUSES.contains(&s) => Ok(Some(s)),
            _ => {
                let words: Vec<&str> = STATUSES.iter().map(|s| s.as_str()).collect();
                Err(Error::validation(vec![FieldError::new(
                    "status",
                    format!("must be one of: {}", words.join(", ")),
                )]))
            }
        },
    }
}

/// A page's size: 1 to [`PAGE_LIMIT_MAX`], [`PAGE_LIMIT_DEFAULT`] when not given; anything else
/// is refused (400) rather than silently changed.
fn page_limit(limit: Option<i64>) -> Result<i64, Error> {
    match limit {
        None => Ok(PAGE_LIMIT_DEFAULT),
        Some(n) if (1..=PAGE_LIMIT_MAX).contains(&n) => Ok(n),
        Some(_) => Err(Error::new(ErrorKind::BadRequest)
            .with_detail("`limit` must be a whole number from 1 to 1000.")),
    }
}

/// One page of the queue, oldest first. Only the listed columns are read: a queue of thousands
/// costs one page's worth of memory, never the sealed reports.
pub async fn list(
    state: &AppState,
    member: &StaffMember,
    request: ListRequest,
) -> Result<CasePage, Error> {
    member.require(Role::Caseworker)?;
    let status = parse_status(request.status.as_deref())?;
    let limit = page_limit(request.limit)?;
    let after = match request.after.as_deref() {
        None => None,
        Some(text) => Some(Cursor::parse(text).ok_or_else(|| {
            Error::new(ErrorKind::BadRequest).with_detail(
                "`after` must be a cursor from the page before (`YYYY-MM-DD.` and a case id).",
            )
        })?),
    };
    let (mut rows, orgs) = state
        .db
        .run(move |conn| {
            let after = after.map(|c| (c.day, c.id));
            // One more than asked: whether there is a next page.
            let rows = store::queue(conn, status, after, limit + 1)?;
            let mut orgs = std::collections::HashMap::new();
            for id in rows.iter().filter_map(|r| r.relayed_by.as_ref()) {
                if !orgs.contains_key(id)
                    && let Some(org) = crate::db::register::org(conn, id)?
                {
                    orgs.insert(id.clone(), org.name);
                }
            }
            Ok::<_, Error>((rows, orgs))
        })
        .await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next = if more {
        rows.last().map(|r| Cursor {
            day: r.submitted_on.clone(),
            id: r.id.clone(),
        })
    } else {
        None
    };
    let cases = rows
        .into_iter()
        .map(|r| CaseSummary {
            consent: consent_json(r.consent_level, r.consent_spoc_id.as_ref()),
            relayed_by: r.relayed_by.as_ref().and_then(|id| orgs.get(id).cloned()),
            id: r.id,
            category: r.category,
            region: r.region,
            submitted_on: r.submitted_on,
            status: r.status,
        })
        .collect();
    Ok(CasePage { cases, next })
}

/// How many live cases are in each status of [`STATUSES`], in that order.
pub async fn counts(
    state: &AppState,
    member: &StaffMember,
) -> Result<Vec<(ReportStatus, u64)>, Error> {
    member.require(Role::Caseworker)?;
    let found = state.db.run(store::status_counts).await?;
    Ok(STATUSES
        .iter()
        .map(|s| {
            let n = found.iter().find(|(f, _)| f == s).map_or(0, |(_, n)| *n);
            (*s, u64::try_from(n).unwrap_or(0))
        })
        .collect())
}

/// `text` with every configured region and category name (the longest first) taken out, for
/// judging what a caseworker wrote: those names are reference data, not anyone's words.
fn without_reference_names(text: &str, settings: &crate::settings::Settings) -> String {
    let mut names: Vec<&str> = settings
        .reference
        .regions
        .iter()
        .chain(&settings.reference.categories)
        .map(|e| e.name.as_str())
        .filter(|n| !n.is_empty())
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut out = text.to_string();
    for name in names {
        out = out.replace(name, " ");
    }
    out
}

/// A live report with its key and contact row, or 404.
fn load(
    conn: &mut DbConn,
    id: &ReportId,
) -> Result<(ReportRow, store::KeyRow, Option<store::ContactRow>), Error> {
    let not_found = || Error::new(ErrorKind::NotFound).with_detail("No case has this id.");
    let row = store::by_id(conn, id)?
        .filter(|r| r.status != ReportStatus::Withdrawn)
        .ok_or_else(not_found)?;
    let key = store::key(conn, id)?.ok_or_else(not_found)?;
    let contact = store::contact(conn, id)?;
    Ok((row, key, contact))
}

#[derive(Debug, Serialize)]
pub struct CaseView {
    pub id: ReportId,
    pub category: String,
    pub region: String,
    pub status: ReportStatus,
    pub submitted_on: String,
    pub consent: ConsentView,
    pub relayed_by: Option<String>,
    pub report: ReportContent,
    pub contact: Option<ContactDetails>,
    pub messages: Vec<MessageView>,
}

/// The decrypted case. The view is audited in the same transaction that reads it, and a new
/// report becomes `reviewed`.
pub async fn view(
    state: &AppState,
    member: &StaffMember,
    id: &ReportId,
) -> Result<CaseView, Error> {
    member.require(Role::Caseworker)?;
    let (id, actor) = (id.clone(), member.id.clone());
    let audit_key = state.keys.get(Purpose::Audit).clone();
    let (row, key, contact, org_name, follow_up) = state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                let (row, key, contact) = load(conn, &id)?;
                if row.status == ReportStatus::Received {
                    store::set_status(conn, &id, ReportStatus::Reviewed)?;
                }
                audit::record(conn, &audit_key, &actor, AuditAction::CaseView, Some(&id))?;
                let org_name = match &row.relayed_by {
                    Some(o) => crate::db::register::org(conn, o)?.map(|o| o.name),
                    None => None,
                };
                let follow_up = reports::load_follow_up(conn, &row)?;
                Ok::<_, Error>((row, key, contact, org_name, follow_up))
            })
        })
        .await?;
    let (content, contact) = reports::open_report(state, &row, &key, contact.as_ref())?;
    let reporter = reports::render_follow_up(state, row.clone(), follow_up)?;
    // The row was read before this view marked it reviewed.
    let status = if row.status == ReportStatus::Received {
        ReportStatus::Reviewed
    } else {
        row.status
    };
    Ok(CaseView {
        id: row.id,
        category: row.category,
        region: row.region,
        status,
        submitted_on: row.submitted_on,
        consent: reporter.consent,
        relayed_by: org_name,
        report: content,
        contact,
        messages: reporter.messages,
    })
}

async fn open_case(
    state: &AppState,
    id: &ReportId,
) -> Result<(ReportRow, ReportContent, Option<ContactDetails>), Error> {
    let id = id.clone();
    let (row, key, contact) = state.db.run(move |conn| load(conn, &id)).await?;
    let (content, contact) = reports::open_report(state, &row, &key, contact.as_ref())?;
    Ok((row, content, contact))
}

pub async fn alert_draft(
    state: &AppState,
    member: &StaffMember,
    id: &ReportId,
) -> Result<AlertDraft, Error> {
    member.require(Role::Caseworker)?;
    let (row, content, contact) = open_case(state, id).await?;
    // The draft is built from the decrypted report, so reading it is a view like any other.
    audit::record_alone(state, &member.id, AuditAction::CaseViewDraft, Some(&row.id)).await?;
    Ok(alerts::draft(
        &state.settings,
        &row.category,
        &row.region,
        &content,
        contact.as_ref(),
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentifiersInput {
    #[serde(default)]
    pub phone_numbers: Vec<String>,
    #[serde(default)]
    pub emails: Vec<String>,
    #[serde(default)]
    pub vehicles: Vec<String>,
    #[serde(default)]
    pub online_handles: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishInput {
    pub title: String,
    pub body: String,
    pub regions: Vec<String>,
    pub category: String,
    #[serde(default)]
    pub identifiers: IdentifiersInput,
}

#[derive(Debug, Serialize)]
pub struct Published {
    pub id: AlertId,
    pub published_on: String,
    pub recipients: usize,
}

/// Checks what a caseworker wrote: bounds, reference data, and the last safety net — the
/// reporter's own contact details and immigration-related content may not be published even if
/// a caseworker typed them back in.
fn check_alert(
    state: &AppState,
    input: &PublishInput,
    contact: Option<&ContactDetails>,
    content: &ReportContent,
) -> Result<AlertContent, Error> {
    let mut c = Checker::default();
    let title = c.required_text("title", &input.title, 200, false);
    let body = c.required_text("body", &input.body, MAX_MESSAGE * 2, true);
    if input.regions.is_empty()
        || input
            .regions
            .iter()
            .any(|r| state.settings.region(r).is_none())
    {
        c.fail("regions", "must list region codes from /meta");
    }
    if state.settings.category(&input.category).is_none() {
        c.fail("category", "must be a category code from /meta");
    }
    let mut list = |field: &str, items: &[String]| -> Vec<String> {
        if items.len() > MAX_LIST {
            c.fail(field, format!("must have at most {MAX_LIST} entries"));
            return Vec::new();
        }
        items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| c.text(&format!("{field}[{i}]"), Some(v), 254, false))
            .collect()
    };
    let ids = &input.identifiers;
    let identifiers = Identifiers {
        phone_numbers: list("identifiers.phone_numbers", &ids.phone_numbers),
        emails: list("identifiers.emails", &ids.emails),
        vehicles: list("identifiers.vehicles", &ids.vehicles),
        online_handles: list("identifiers.online_handles", &ids.online_handles),
    };
    for (field, kind, items) in [
        (
            "identifiers.phone_numbers",
            Kind::Phone,
            &identifiers.phone_numbers,
        ),
        ("identifiers.emails", Kind::Email, &identifiers.emails),
        ("identifiers.vehicles", Kind::Vehicle, &identifiers.vehicles),
        (
            "identifiers.online_handles",
            Kind::Handle,
            &identifiers.online_handles,
        ),
    ] {
        for (i, item) in items.iter().enumerate() {
            if let Err(e) = identifiers::normalise(kind, item) {
                c.fail(&format!("{field}[{i}]"), e.to_string());
            } else if scrub::contains_immigration_content(item) {
                // A handle or address can carry words too; alerts go to many inboxes.
                c.fail(
                    &format!("{field}[{i}]"),
                    "contains immigration-related content, which is never published",
                );
            }
        }
    }
    let reporter = ReporterContact::of(contact);
    let keep = Keep {
        phone_numbers: &content.perpetrator.phone_numbers,
        emails: &content.perpetrator.emails,
    };
    let own = [
        Removed::ReporterName,
        Removed::ReporterEmail,
        Removed::ReporterPhone,
    ];
    // Names the reporter gave the perpetrator (or the area) may be published.
    let own_words =
        crate::firewall::TextRules::for_report(content, contact, scrub::Policy::OUTGOING).own_words;
    for (field, text) in [("title", &title), ("body", &body)] {
        let r = redact::redact(text, &reporter, &keep);
        if r.removed.iter().any(|k| own.contains(k)) {
            c.fail(field, "contains the reporter's own contact details");
        }
        // The last safety net, and the editor's warning: whatever the rules would take out of
        // a report must not be typed back in. The caseworker is told which kinds. The region and
        // category names are the service's own words (the draft carries them), not judged:
        // "Devon and Cornwall Police" is not two people, nor "Northern Ireland" a worker's place.
        let judged = without_reference_names(text, &state.settings);
        let mut kinds: Vec<&str> = scrub::scrub(&judged, scrub::Policy::OUTGOING)
            .removed
            .iter()
            .map(|k| k.label())
            .collect();
        if !crate::firewall::names::find(&judged, &own_words).is_empty() {
            kinds.push(crate::firewall::NAME_LABEL);
        }
        if !kinds.is_empty() {
            c.fail(
                field,
                format!(
                    "still contains what Lookout never publishes ({}); take it out before publishing",
                    kinds.join(", ")
                ),
            );
        }
    }
    // The reporter's own contact never leaves as an identifier, in any field, however written.
    let own: Vec<&str> = contact
        .map(|c| {
            [c.email.as_deref(), c.phone.as_deref()]
                .into_iter()
                .flatten()
                .collect()
        })
        .unwrap_or_default();
    for (field, items) in [
        ("identifiers.phone_numbers", &identifiers.phone_numbers),
        ("identifiers.emails", &identifiers.emails),
        ("identifiers.vehicles", &identifiers.vehicles),
        ("identifiers.online_handles", &identifiers.online_handles),
    ] {
        for (i, item) in items.iter().enumerate() {
            if identifiers::same_contact(item, &own) {
                c.fail(
                    &format!("{field}[{i}]"),
                    "is the reporter's own contact detail (written another way); it is never published",
                );
            }
        }
    }
    if !c.errors.is_empty() {
        return Err(Error::validation(c.errors));
    }
    Ok(AlertContent {
        title,
        body,
        identifiers,
    })
}

/// What a caseworker's alert is checked into: the content to seal and the filters it is sent by.
struct CheckedAlert {
    content: AlertContent,
    /// The regions, sorted and without repeats.
    regions: Vec<String>,
    category: String,
}

/// Every check `publish` makes of what the caseworker wrote against the decrypted report, shared
/// with `publish_preview` so the two refuse alike: the reporter's `"alert": false`, then
/// [`check_alert`].
fn check_publish(
    state: &AppState,
    input: &PublishInput,
    content: &ReportContent,
    contact: Option<&ContactDetails>,
) -> Result<CheckedAlert, Error> {
    if !content.alert {
        return Err(Error::new(ErrorKind::AlertNotAllowed));
    }
    let alert_content = check_alert(state, input, contact, content)?;
    let mut regions = input.regions.clone();
    regions.sort();
    regions.dedup();
    Ok(CheckedAlert {
        content: alert_content,
        regions,
        category: input.category.clone(),
    })
}

/// The confirmed subscribers an alert with these filters reaches right now.
fn matching_subscribers(
    conn: &mut DbConn,
    regions: &[String],
    category: &str,
) -> Result<Vec<SubscriberId>, Error> {
    Ok(alert_store::confirmed_filters(conn)?
        .into_iter()
        .filter(|(_, r, c)| subscriptions::matches(r, c.as_deref(), regions, category))
        .map(|(sid, _, _)| sid)
        .collect())
}

/// An alert as it would be published: what the caseworker wrote, after the checks.
#[derive(Debug, Serialize)]
pub struct AlertView {
    pub title: String,
    pub body: String,
    pub regions: Vec<String>,
    pub category: String,
    pub identifiers: Identifiers,
}

#[derive(Debug, Serialize)]
pub struct PublishPreview {
    pub alert: AlertView,
    /// The confirmed subscribers whose filters match now: those `publish` would queue for.
    pub recipients: usize,
}

/// Runs exactly the checks `publish` runs and says what it would publish and to how many
/// subscribers, writing no alert. The check reads the decrypted report, so it is audited as a
/// view (`case.view_draft`), whether or not what was written passes.
pub async fn publish_preview(
    state: &AppState,
    member: &StaffMember,
    id: &ReportId,
    input: PublishInput,
) -> Result<PublishPreview, Error> {
    member.require(Role::Caseworker)?;
    let (row, content, contact) = open_case(state, id).await?;
    audit::record_alone(state, &member.id, AuditAction::CaseViewDraft, Some(&row.id)).await?;
    let checked = check_publish(state, &input, &content, contact.as_ref())?;
    let (regions, category) = (checked.regions.clone(), checked.category.clone());
    let recipients = state
        .db
        .run(move |conn| matching_subscribers(conn, &regions, &category))
        .await?
        .len();
    let AlertContent {
        title,
        body,
        identifiers,
    } = checked.content;
    Ok(PublishPreview {
        alert: AlertView {
            title,
            body,
            regions: checked.regions,
            category: checked.category,
            identifiers,
        },
        recipients,
    })
}

pub async fn publish(
    state: &AppState,
    member: &StaffMember,
    id: &ReportId,
    input: PublishInput,
) -> Result<Published, Error> {
    member.require(Role::Caseworker)?;
    let (row, content, contact) = open_case(state, id).await?;
    let CheckedAlert {
        content: alert_content,
        regions,
        category,
    } = check_publish(state, &input, &content, contact.as_ref())?;
    let alert_id = AlertId::random();
    let data_key = state.keys.new_data_key(Envelope::Alert, &alert_id)?;
    let json = serde_json::to_vec(&alert_content)?;
    let published_on = crate::clock::today_string();
    let alert_row = AlertRow {
        id: alert_id.clone(),
        report_id: Some(row.id.clone()),
        category: category.clone(),
        regions: serde_json::to_string(&regions)?,
        published_on: published_on.clone(),
        content: data_key.key.seal(Sealed::AlertContent, &alert_id, &json)?,
        key_id: data_key.key_id,
        wrapped_key: data_key.wrapped,
    };
    // Only published identifiers can match a check, and only as keyed hashes.
    let index_region = if regions.contains(&row.region) {
        row.region.clone()
    } else {
        regions.first().cloned().unwrap_or_default()
    };
    let ids = &alert_content.identifiers;
    let index_rows: Vec<IdentifierRow> = [
        (Kind::Phone, &ids.phone_numbers),
        (Kind::Email, &ids.emails),
        (Kind::Vehicle, &ids.vehicles),
        (Kind::Handle, &ids.online_handles),
    ]
    .into_iter()
    .flat_map(|(kind, items)| items.iter().map(move |v| (kind, v)))
    .filter_map(|(kind, v)| identifiers::normalise(kind, v).ok().map(|n| (kind, n)))
    .map(|(kind, n)| IdentifierRow {
        id: uuid::Uuid::new_v4().to_string(),
        hash: identifier_hash(&state.keys, kind, &n),
        alert_id: alert_id.clone(),
        report_id: Some(row.id.clone()),
        category: category.clone(),
        region: index_region.clone(),
        published_on: published_on.clone(),
    })
    .collect();
    let (report_id, actor) = (row.id.clone(), member.id.clone());
    let audit_key = state.keys.get(Purpose::Audit).clone();
    let recipients = state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                // The report may have been withdrawn since it was opened.
                load(conn, &report_id)?;
                alert_store::insert_alert(conn, &alert_row)?;
                let now = now_unix();
                let deliveries: Vec<DeliveryRow> = matching_subscribers(conn, &regions, &category)?
                    .iter()
                    .map(|sid| DeliveryRow::new(DeliveryKind::Alert, sid, Some(&alert_row.id), now))
                    .collect();
                alert_store::insert_deliveries(conn, &deliveries)?;
                check_store::insert(conn, &index_rows)?;
                store::set_status(conn, &report_id, ReportStatus::AlertPublished)?;
                audit::record(
                    conn,
                    &audit_key,
                    &actor,
                    AuditAction::AlertPublish,
                    Some(&alert_row.id),
                )?;
                statistics::record(conn, Tallied::AlertsPublished, 1)?;
                Ok::<_, Error>(deliveries.len())
            })
        })
        .await?;
    state.deliveries_wake.notify_one();
    Ok(Published {
        id: alert_id,
        published_on,
        recipients,
    })
}

pub async fn reply(
    state: &AppState,
    member: &StaffMember,
    id: &ReportId,
    body: &str,
) -> Result<String, Error> {
    member.require(Role::Caseworker)?;
    let mut c = Checker::default();
    let text = c.required_text("body", body, MAX_MESSAGE, true);
    if !c.errors.is_empty() {
        return Err(Error::validation(c.errors));
    }
    let (row, _, _) = open_case(state, id).await?;
    let on = reports::add_message(state, &row, "caseworker", text).await?;
    let (actor, target) = (member.id.clone(), row.id.clone());
    let audit_key = state.keys.get(Purpose::Audit).clone();
    state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                audit::record(
                    conn,
                    &audit_key,
                    &actor,
                    AuditAction::CaseReply,
                    Some(&target),
                )
                .map_err(Error::from)
            })
        })
        .await?;
    Ok(on)
}

pub async fn close(state: &AppState, member: &StaffMember, id: &ReportId) -> Result<(), Error> {
    member.require(Role::Caseworker)?;
    let (id, actor) = (id.clone(), member.id.clone());
    let audit_key = state.keys.get(Purpose::Audit).clone();
    state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                load(conn, &id)?;
                store::set_status(conn, &id, ReportStatus::Closed)?;
                audit::record(conn, &audit_key, &actor, AuditAction::CaseClose, Some(&id))?;
                Ok(())
            })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::Cursor;

    #[test]
    fn a_cursor_is_a_day_and_a_lower_case_id() {
        let text = "2026-12-03.0f3c5e1a-9b2d-4c8e-a1f0-123456789abc";
        let cursor = Cursor::parse(text).unwrap();
        assert_eq!(cursor.to_string(), text);
        for bad in [
            "",
            "2026-12-03",
            "0f3c5e1a-9b2d-4c8e-a1f0-123456789abc",
            "2026-12-3.0f3c5e1a-9b2d-4c8e-a1f0-123456789abc",
            "2026/12/03.0f3c5e1a-9b2d-4c8e-a1f0-123456789abc",
            "2026-12-03.0F3C5E1A-9B2D-4C8E-A1F0-123456789ABC",
            "2026-12-03.0f3c5e1a-9b2d-4c8e-a1f0-123456789abc.",
            "2026-12-03.0f3c5e1a9b2d-4c8e-a1f0-123456789abcd",
            "٢٠٢٦-١٢-٠٣.0f3c5e1a-9b2d-4c8e-a1f0-123456789abc",
        ] {
            assert_eq!(Cursor::parse(bad), None, "{bad}");
        }
    }
}
