//! The delivery worker inside `lookout serve`: sends the outbox (`deliveries` rows) with
//! at-least-once semantics.
//!
//! - Rows are written in the same transaction as what caused them (a publication, a
//!   subscription), so nothing is lost between deciding to send and sending.
//! - The worker claims due rows with a lease (`mail.claim_seconds`); on PostgreSQL with
//!   `FOR UPDATE SKIP LOCKED`, so any number of instances can run.
//! - A claimed batch is prepared in one write transaction: its subscribers and alerts are read
//!   (each alert is opened once per batch), rows nobody wants any more are dropped, and the
//!   one-use link token of every message is stored (hashed) before anything is sent.
//! - Claimed rows are sent in rounds of `mail.senders` messages (one per SMTP connection); the
//!   messages of a round the server accepted are marked sent together as soon as the round ends.
//!   A crash can therefore duplicate only the messages of the rounds in flight at that instant —
//!   at most `2 × mail.senders` per process (two claim-and-send loops share the `mail.senders`
//!   SMTP connections, [`LOOPS`]) — which are claimed again when their lease ends.
//! - A failure (SMTP down, timeout) reschedules the row with exponential backoff, forever: an
//!   outage delays alerts but drops none.
//!
//! [`drain`] runs the worker's own claim-and-send path inline until nothing due is left, waiting
//! for rows other workers hold: after it, every message that was due has been sent, dropped or
//! rescheduled, so a test can assert that nobody else got mail without sleeping.

use std::collections::HashMap;
use std::ops::AddAssign;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use tokio::sync::{Notify, watch};

use crate::clock::now_unix;
use crate::crypto::records::{Envelope, Sealed};
use crate::crypto::tokens::random_token;
use crate::db::alerts::{self as store, AlertRow, DeliveryRow, SubscriberRow, TokenRow};
use crate::db::{self, DbError};
use crate::domain::{AlertContent, AlertId, DeliveryKind, Error, SubscriberId, SubscriberStatus};
use crate::i18n::{self, Language};
use crate::mail::templates::{self, AlertEmail};
use crate::mail::{MailError, Outgoing, Sender};
use crate::secret::SensitiveString;
use crate::services::alerts::coarse_date;
use crate::services::subscriptions::{self, CONFIRM, CONFIRM_TTL_SECS, UNSUBSCRIBE};
use crate::settings::Settings;
use crate::state::AppState;

/// How long a batch's check that each subscriber still wants its message holds. A message whose
/// turn comes later than this (a slow mail server) is checked again on its own just before it is
/// sent, so an unsubscription is never more than this old when a message goes out.
const RECHECK_AFTER: Duration = Duration::from_secs(1);

/// Rows claimed at once, per SMTP connection (`mail.senders`). Each claim and its preparing
/// transaction cost a few milliseconds, so a claim should keep the connections busy for a while;
/// a row claimed and not yet sent when the service stops waits for its lease to end.
const BATCH_PER_SENDER: usize = 64;

/// Claim-and-send loops in one process. Each sends rounds of `mail.senders` messages over the
/// one SMTP pool of `mail.senders` connections: while one loop claims and prepares its next
/// batch, or writes a round's "sent" marks, the other keeps the connections busy. A crash can
/// therefore send again at most `LOOPS × mail.senders` messages: accepted by the server, not yet
/// marked sent.
const LOOPS: usize = 2;

/// How long [`drain`] may take beyond one lease (`mail.claim_seconds`, which a row held by a
/// worker that died needs to come free) before it gives up.
const DRAIN_PATIENCE: Duration = Duration::from_secs(60);
/// How often [`drain`] looks again while other workers hold due rows.
const DRAIN_POLL: Duration = Duration::from_millis(20);

/// What a [`drain`] did, and what it left for later. `sent`, `failed`, `dropped` and `retried`
/// count the drain's own work: a worker running alongside may have sent others meanwhile.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Drained {
    /// Messages the mail server accepted, each marked sent.
    pub sent: usize,
    /// Messages that can never be built: marked failed, not retried.
    pub failed: usize,
    /// Rows nobody wants any more (the subscriber left, or is no longer pending or confirmed).
    pub dropped: usize,
    /// Attempts that failed (mail server down) and were rescheduled with backoff.
    pub retried: usize,
    /// Pending rows whose next attempt is after the drain began (a retry's backoff), including
    /// the ones it rescheduled: mail that may still go out, later.
    pub scheduled_later: usize,
}

impl AddAssign for Drained {
    fn add_assign(&mut self, other: Drained) {
        self.sent += other.sent;
        self.failed += other.failed;
        self.dropped += other.dropped;
        self.retried += other.retried;
        self.scheduled_later += other.scheduled_later;
    }
}

impl Drained {
    fn count(&mut self, outcome: Option<Outcome>) {
        match outcome {
            Some(Outcome::Failed) => self.failed += 1,
            Some(Outcome::Dropped) => self.dropped += 1,
            Some(Outcome::Retried) => self.retried += 1,
            // Not recorded: the row waits for its lease to end.
            None => {}
        }
    }
}

/// What became of one claimed row that was not sent (sent rows are counted by their round).
#[derive(Debug, Clone, Copy)]
enum Outcome {
    Failed,
    Dropped,
    Retried,
}

/// Runs until `stop` turns true: [`LOOPS`] claim-and-send loops sharing the SMTP connections,
/// so the next batch is claimed and prepared while the last is still being sent. Each wakes on
/// `wake` (something new queued; a loop that claims a full batch wakes another, since more is
/// likely due) or every poll interval. A stop lets the batches in hand finish; rows claimed but
/// not sent wait for their lease to end.
pub async fn run(
    state: Arc<AppState>,
    sender: Arc<Sender>,
    wake: Arc<Notify>,
    stop: watch::Receiver<bool>,
) {
    let loops = (0..LOOPS).map(|_| worker_loop(&state, &sender, &wake, stop.clone()));
    futures_util::future::join_all(loops).await;
}

async fn worker_loop(
    state: &Arc<AppState>,
    sender: &Sender,
    wake: &Notify,
    mut stop: watch::Receiver<bool>,
) {
    let poll = Duration::from_millis(state.settings.mail.worker_poll_ms);
    loop {
        if *stop.borrow() {
            return;
        }
        match step(state, sender, None, Some(wake)).await {
            // More may be due right away.
            Ok(Some(_)) => continue,
            Ok(None) => {}
            Err(e) => tracing::warn!(cause = %e, "delivery worker: claiming failed"),
        }
        tokio::select! {
            () = wake.notified() => {}
            () = tokio::time::sleep(poll) => {}
            _ = stop.changed() => {}
        }
    }
}

/// Runs the worker's claim-and-send path inline until nothing is due: every pending row whose
/// next attempt was due when the drain began has been sent, dropped, failed or rescheduled,
/// whether by this drain or by a worker holding it (waited for, polling the database, and
/// claimed here once its lease ends). Rows scheduled after the drain began, among them the ones
/// a failure rescheduled during it, are not waited for: [`Drained::scheduled_later`] counts them.
///
/// Safe beside running workers: rows are claimed with the same leases. Gives up with an error
/// naming what is left if that takes longer than a lease plus a minute.
pub async fn drain(state: &Arc<AppState>, sender: &Sender) -> Result<Drained, Error> {
    let due_by = now_unix();
    let lease = u64::try_from(state.settings.mail.claim_seconds).unwrap_or(0);
    let patience = DRAIN_PATIENCE + Duration::from_secs(lease);
    let deadline = Instant::now() + patience;
    let mut drained = Drained::default();
    loop {
        while let Some(done) = step(state, sender, Some(due_by), None).await? {
            drained += done;
        }
        let now = now_unix();
        let left = state
            .db
            .run(move |conn| store::pending_counts(conn, due_by, now))
            .await?;
        if left.due == 0 && left.in_flight == 0 {
            drained.scheduled_later = usize::try_from(left.later).unwrap_or(usize::MAX);
            return Ok(drained);
        }
        if Instant::now() >= deadline {
            return Err(Error::internal(format!(
                "the delivery outbox did not drain within {patience:?}: {} deliveries still held \
                 by a worker, {} due",
                left.in_flight, left.due
            )));
        }
        if left.in_flight > 0 {
            tokio::time::sleep(DRAIN_POLL).await;
        }
    }
}

/// One turn of the worker: claims a batch and sends it. `None` when nothing was due. Rows are due
/// when their next attempt is at or before `due_by` (`None`: now). A full batch wakes another
/// loop (`wake`), to claim the next while this one sends.
async fn step(
    state: &Arc<AppState>,
    sender: &Sender,
    due_by: Option<i64>,
    wake: Option<&Notify>,
) -> Result<Option<Drained>, DbError> {
    let claimed_at = Instant::now();
    let rows = claim(state, due_by).await?;
    if rows.is_empty() {
        return Ok(None);
    }
    if let Some(wake) = wake
        && rows.len() >= batch_size(state)
    {
        wake.notify_one();
    }
    Ok(Some(send_batch(state, sender, rows, claimed_at).await))
}

async fn claim(state: &AppState, due_by: Option<i64>) -> Result<Vec<DeliveryRow>, DbError> {
    let now = now_unix();
    let due_by = due_by.unwrap_or(now);
    let lease = now + state.settings.mail.claim_seconds;
    let limit = batch_size(state) as i64;
    state
        .db
        .run(move |conn| {
            if !store::any_due_by(conn, due_by, now)? {
                return Ok(Vec::new());
            }
            db::write_tx(conn, |conn| {
                store::claim_due_by(conn, due_by, now, lease, limit)
            })
        })
        .await
}

fn batch_size(state: &AppState) -> usize {
    state.settings.mail.senders * BATCH_PER_SENDER
}

/// A claimed batch after its preparing transaction.
struct Batch {
    /// When the transaction read the subscribers.
    checked_at: Instant,
    /// Halfway through the claim's lease. A message not started by then is left unsent: its
    /// lease could end while it is on the wire, and another worker could claim and send it too.
    /// Its row is claimed again once the lease has ended.
    start_by: Instant,
    /// When the lease ends: a send still going then is abandoned (the row is another worker's).
    lease_ends: Instant,
    subscribers: HashMap<SubscriberId, SubscriberRow>,
    /// Each alert of the batch, opened once.
    alerts: HashMap<AlertId, Result<AlertText, &'static str>>,
    /// The rows still wanted, each with the link token whose hash is stored. The others have
    /// been marked dropped.
    to_send: Vec<(DeliveryRow, SensitiveString)>,
    /// How many rows were marked dropped.
    dropped: usize,
}

/// What every message about one alert shares. Names are put in each subscriber's language when
/// the message is rendered.
struct AlertText {
    content: AlertContent,
    category: String,
    regions: Vec<String>,
    published_on: String,
}

/// Sends a claimed batch, `mail.senders` messages at a time (each loop; the SMTP pool holds at
/// most `mail.senders` connections for all loops together); returns what became of its rows.
async fn send_batch(
    state: &Arc<AppState>,
    sender: &Sender,
    rows: Vec<DeliveryRow>,
    claimed_at: Instant,
) -> Drained {
    let senders = state.settings.mail.senders;
    let tally = |mut drained: Drained, outcome| async move {
        drained.count(outcome);
        drained
    };
    let lease = Duration::from_secs(u64::try_from(state.settings.mail.claim_seconds).unwrap_or(0));
    let batch = match prepare_batch(state, &rows, claimed_at, lease).await {
        Ok(batch) => batch,
        Err(e) => {
            tracing::warn!(
                kind = ?e.kind(),
                "delivery worker: preparing a batch failed"
            );
            // The futures are made first: a stream mapping borrowed rows through a closure is
            // not `Send` enough for `tokio::spawn` (rustc's higher-ranked closure limitation).
            let retries: Vec<_> = rows
                .iter()
                .map(|row| async move { record(retry_later(state, row).await) })
                .collect();
            return futures_util::stream::iter(retries)
                .buffer_unordered(senders)
                .fold(Drained::default(), tally)
                .await;
        }
    };
    let batch = &batch;
    let dropped = Drained {
        dropped: batch.dropped,
        ..Drained::default()
    };
    // Rounds of `mail.senders` messages, one per connection; the messages of a round the server
    // accepted are marked sent together, in one statement, before the next round starts.
    let mut drained = dropped;
    for round in batch.to_send.chunks(senders.max(1)) {
        let attempts = futures_util::future::join_all(
            round
                .iter()
                .map(|(row, token)| deliver(state, sender, batch, row, token)),
        )
        .await;
        let mut accepted = Vec::new();
        for attempt in attempts {
            match attempt {
                Attempt::Accepted(id) => accepted.push(id),
                Attempt::Settled(outcome) => drained.count(outcome),
            }
        }
        let n = accepted.len();
        let marked = state
            .db
            .run(move |c| store::mark_sent(c, &accepted, now_unix()))
            .await;
        match marked {
            Ok(()) => drained.sent += n,
            // Their lease runs out and they are claimed, and sent, again: at least once.
            Err(e) => tracing::warn!(cause = %e, "delivery worker: recording an outcome failed"),
        }
    }
    drained
}

/// What one message's attempt came to.
enum Attempt {
    /// The server accepted it; its "sent" mark is written with the rest of its round.
    Accepted(String),
    /// Dropped, failed, rescheduled, or left for its lease to end (`None`).
    Settled(Option<Outcome>),
}

/// One write transaction for the whole batch: reads its subscribers (one query) and alerts (one
/// query), decides which rows are still wanted, and stores the hashed link token of each message
/// to send. Then marks the unwanted rows dropped (one statement) and opens each alert once. A
/// token whose message then fails to send is harmless: random, hashed, for a real subscription.
async fn prepare_batch(
    state: &Arc<AppState>,
    rows: &[DeliveryRow],
    claimed_at: Instant,
    lease: Duration,
) -> Result<Batch, Error> {
    let claimed = rows.to_vec();
    let st = state.clone();
    state
        .db
        .run(move |conn| {
            let (subscribers, alert_rows, to_send, dropped) = db::write_tx(conn, |conn| {
                let subscriber_ids = distinct(claimed.iter().map(|r| &r.subscriber_id));
                let alert_ids = distinct(claimed.iter().filter_map(|r| r.alert_id.as_ref()));
                let subscribers: HashMap<SubscriberId, SubscriberRow> =
                    store::subscribers_for_tokens(conn, &subscriber_ids)?
                        .into_iter()
                        .map(|s| (s.id.clone(), s))
                        .collect();
                let alert_rows: HashMap<AlertId, AlertRow> =
                    store::alerts_by_ids(conn, &alert_ids)?
                        .into_iter()
                        .map(|a| (a.id.clone(), a))
                        .collect();
                let now = now_unix();
                let (mut to_send, mut dropped, mut tokens) = (Vec::new(), Vec::new(), Vec::new());
                for row in claimed {
                    let alert_exists = row
                        .alert_id
                        .as_ref()
                        .is_some_and(|id| alert_rows.contains_key(id));
                    if !wants(row.kind, subscribers.get(&row.subscriber_id), alert_exists) {
                        dropped.push(row.id);
                        continue;
                    }
                    let purpose = purpose(row.kind);
                    let token =
                        random_token(32).map_err(|_| Error::internal("random token failed"))?;
                    tokens.push(TokenRow {
                        token_hash: subscriptions::token_hash(&st.keys, purpose, token.expose()),
                        subscriber_id: row.subscriber_id.clone(),
                        purpose: purpose.to_string(),
                        expires_at: (purpose == CONFIRM).then_some(now + CONFIRM_TTL_SECS),
                    });
                    to_send.push((row, token));
                }
                store::insert_tokens(conn, &tokens)?;
                Ok::<_, Error>((subscribers, alert_rows, to_send, dropped))
            })?;
            let checked_at = Instant::now();
            // Outside the transaction: on PostgreSQL an unsubscription deleting these rows may
            // be waiting for the subscriber locks it held.
            let dropped = match store::mark_dropped_many(conn, &dropped) {
                Ok(()) => dropped.len(),
                Err(e) => {
                    // Their lease runs out and they are claimed, and dropped, again.
                    tracing::warn!(cause = %e, "delivery worker: recording an outcome failed");
                    0
                }
            };
            let alerts = alert_rows
                .iter()
                .filter(|(id, _)| {
                    to_send
                        .iter()
                        .any(|(r, _)| r.alert_id.as_ref() == Some(*id))
                })
                .map(|(id, alert)| {
                    let text = open_alert(&st, alert);
                    if let Err(cause) = text {
                        tracing::warn!(cause, "delivery worker: an alert did not open");
                    }
                    (id.clone(), text)
                })
                .collect();
            Ok(Batch {
                checked_at,
                start_by: claimed_at + lease / 2,
                lease_ends: claimed_at + lease,
                subscribers,
                alerts,
                to_send,
                dropped,
            })
        })
        .await
}

fn distinct<'a, T: Clone + Ord + 'a>(ids: impl Iterator<Item = &'a T>) -> Vec<T> {
    let mut ids: Vec<T> = ids.cloned().collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Whether the subscriber (if it still exists) still wants this kind of message: a confirmation
/// only while pending, an alert only once confirmed.
fn wants(kind: DeliveryKind, subscriber: Option<&SubscriberRow>, alert_exists: bool) -> bool {
    let Some(subscriber) = subscriber else {
        return false;
    };
    match kind {
        DeliveryKind::Confirm => subscriber.status == SubscriberStatus::Pending,
        DeliveryKind::Alert => subscriber.status == SubscriberStatus::Confirmed && alert_exists,
    }
}

/// The link token a message carries: a confirmation's confirms, an alert's unsubscribes.
fn purpose(kind: DeliveryKind) -> &'static str {
    match kind {
        DeliveryKind::Confirm => CONFIRM,
        DeliveryKind::Alert => UNSUBSCRIBE,
    }
}

async fn deliver(
    state: &AppState,
    sender: &Sender,
    batch: &Batch,
    row: &DeliveryRow,
    token: &SensitiveString,
) -> Attempt {
    if Instant::now() >= batch.start_by {
        // Not recorded: the row waits for its lease to end (a slow or pushing-back server).
        return Attempt::Settled(None);
    }
    let outcome = match still_wanted(state, batch, row).await {
        Ok(false) => Ok(Outcome::Dropped),
        Ok(true) => match render(state, batch, row, token) {
            Ok(message) => match tokio::time::timeout(
                batch.lease_ends.saturating_duration_since(Instant::now()),
                sender.send(&message),
            )
            .await
            {
                // The lease ended mid-send: the row may be another worker's now. Not recorded;
                // whether the server took the message is unknown (at least once).
                Err(_) => return Attempt::Settled(None),
                Ok(Ok(())) => return Attempt::Accepted(row.id.clone()),
                // A message that cannot be built (an address the mail library refuses) will
                // never be buildable: retrying it for ever would only keep the worker busy.
                Ok(Err(MailError::Build)) => {
                    tracing::warn!("delivery worker: a message could not be built; not retried");
                    let id = row.id.clone();
                    state
                        .db
                        .run(move |c| store::mark_failed(c, &id))
                        .await
                        .map(|()| Outcome::Failed)
                }
                Ok(Err(_)) => retry_later(state, row).await,
            },
            Err(e) => {
                tracing::warn!(
                    kind = ?e.kind(),
                    "delivery worker: preparing a message failed"
                );
                retry_later(state, row).await
            }
        },
        Err(e) => {
            tracing::warn!(cause = %e, "delivery worker: checking a subscriber failed");
            retry_later(state, row).await
        }
    };
    Attempt::Settled(record(outcome))
}

/// The batch's check while it is fresh; after [`RECHECK_AFTER`], the subscriber is read again
/// (and the row marked dropped if it no longer wants the message).
async fn still_wanted(state: &AppState, batch: &Batch, row: &DeliveryRow) -> Result<bool, DbError> {
    if batch.checked_at.elapsed() <= RECHECK_AFTER {
        return Ok(true);
    }
    let (id, sid, kind) = (row.id.clone(), row.subscriber_id.clone(), row.kind);
    state
        .db
        .run(move |conn| {
            // Alerts are never deleted: the batch saw this one.
            let wanted = wants(kind, store::subscriber(conn, &sid)?.as_ref(), true);
            if !wanted {
                store::mark_dropped(conn, &id)?;
            }
            Ok(wanted)
        })
        .await
}

fn record(outcome: Result<Outcome, DbError>) -> Option<Outcome> {
    outcome
        .inspect_err(|e| {
            // The lease runs out and the row is claimed again: nothing is lost.
            tracing::warn!(cause = %e, "delivery worker: recording an outcome failed");
        })
        .ok()
}

/// Reschedules a row with backoff after a failed attempt.
async fn retry_later(state: &AppState, row: &DeliveryRow) -> Result<Outcome, DbError> {
    let mail = &state.settings.mail;
    let attempts = row.attempts.saturating_add(1);
    let factor = 1u64 << (attempts.clamp(1, 30) - 1) as u32;
    let delay_ms = mail
        .retry_initial_ms
        .saturating_mul(factor)
        .min(mail.retry_max_ms);
    let next = now_unix() + ((delay_ms as i64 + 999) / 1000).max(1);
    let id = row.id.clone();
    state
        .db
        .run(move |c| store::reschedule(c, &id, attempts, next))
        .await
        .map(|()| Outcome::Retried)
}

/// Opens an alert's content and resolves the names every message about it shows.
fn open_alert(state: &AppState, alert: &AlertRow) -> Result<AlertText, &'static str> {
    let dk = state
        .keys
        .open_data_key(Envelope::Alert, &alert.id, &alert.wrapped_key)
        .map_err(|_| "alert key did not open")?;
    let plain = dk
        .open(Sealed::AlertContent, &alert.id, &alert.content)
        .map_err(|_| "alert did not open")?;
    let content: AlertContent =
        serde_json::from_slice(&plain).map_err(|_| "alert content is corrupt")?;
    let regions: Vec<String> = serde_json::from_str(&alert.regions).unwrap_or_default();
    let published_on = coarse_date(&alert.published_on, crate::settings::DatePrecision::Day);
    Ok(AlertText {
        content,
        category: alert.category.clone(),
        regions,
        published_on,
    })
}

/// An alert's category name and its region names (comma-separated) in `language`. English uses
/// the configured names, exactly what `/meta` lists and the API contract's subject shows; another
/// language its translation where one exists (a category or region an operator added has none).
fn alert_names(settings: &Settings, language: Language, alert: &AlertText) -> (String, String) {
    let category = settings.category_name(&alert.category);
    if language == Language::En {
        let regions: Vec<&str> = alert
            .regions
            .iter()
            .map(|r| settings.region_name(r))
            .collect();
        return (category.to_string(), regions.join(", "));
    }
    let regions: Vec<String> = alert
        .regions
        .iter()
        .map(|r| i18n::region_name(language, r, settings.region_name(r)))
        .collect();
    (
        i18n::category_name(language, &alert.category, category),
        regions.join(", "),
    )
}

/// The page an emailed link opens (`/subscriptions/confirm` or `/subscriptions/unsubscribe`), with
/// its one-use token; in the subscriber's language when `language` is given. Only the page's
/// button (a POST) acts: a mail scanner following the link changes nothing.
fn page_link(
    base: &str,
    purpose: &str,
    token: &SensitiveString,
    language: Option<Language>,
) -> String {
    let mut link = format!("{base}/subscriptions/{purpose}?token={}", token.expose());
    if let Some(language) = language {
        link.push_str("&lang=");
        link.push_str(language.tag());
    }
    link
}

/// Renders the message for a row with its link token.
fn render(
    state: &AppState,
    batch: &Batch,
    row: &DeliveryRow,
    token: &SensitiveString,
) -> Result<Outgoing, Error> {
    let subscriber = batch
        .subscribers
        .get(&row.subscriber_id)
        .ok_or_else(|| Error::internal("subscriber missing from its batch"))?;
    let email = subscriptions::open_email(&state.keys, subscriber)?;
    // Rows written before the canonical tags may hold `pt-br` or `es`: read case-insensitively.
    let language = Language::from_tag(&subscriber.language).unwrap_or_default();
    let base = state.settings.server.public_url.trim_end_matches('/');
    let purpose = purpose(row.kind);
    let link = page_link(base, purpose, token, Some(language));
    if purpose == CONFIRM {
        let r = templates::confirmation(&link, language);
        return Ok(Outgoing {
            to: email,
            subject: r.subject,
            text: r.text,
            html: r.html,
            unsubscribe_url: None,
        });
    }
    let alert = row
        .alert_id
        .as_ref()
        .and_then(|id| batch.alerts.get(id))
        .ok_or_else(|| Error::internal("alert missing from its batch"))?
        .as_ref()
        .map_err(|cause| Error::internal(*cause))?;
    let content = &alert.content;
    let ids = &content.identifiers;
    let (category_name, region_names) = alert_names(&state.settings, language, alert);
    let r = templates::alert(&AlertEmail {
        category_name: &category_name,
        region_names: &region_names,
        title: &content.title,
        body: &content.body,
        published_on: &alert.published_on,
        phone_numbers: &ids.phone_numbers,
        emails: &ids.emails,
        vehicles: &ids.vehicles,
        handles: &ids.online_handles,
        unsubscribe_url: &link,
        language,
    });
    Ok(Outgoing {
        to: email,
        subject: r.subject,
        text: r.text,
        html: r.html,
        // RFC 8058: mail clients POST `List-Unsubscribe=One-Click` to this URL; the page takes
        // the token from the query string. No `lang`: nobody reads the answer.
        unsubscribe_url: Some(page_link(base, purpose, token, None)),
    })
}
