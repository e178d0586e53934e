//! Queries for alerts, subscribers, their tokens, and the delivery outbox.

use diesel::prelude::*;

use super::schema::{alerts, deliveries, subscriber_tokens, subscribers};
use super::{DbConn, DbError};
use crate::domain::{
    AlertId, DeliveryKind, DeliveryStatus, ReportId, SubscriberId, SubscriberStatus,
};

#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = alerts)]
pub struct AlertRow {
    pub id: AlertId,
    pub report_id: Option<ReportId>,
    pub category: String,
    pub regions: String,
    pub published_on: String,
    pub key_id: String,
    pub wrapped_key: Vec<u8>,
    pub content: Vec<u8>,
}

#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = subscribers)]
pub struct SubscriberRow {
    pub id: SubscriberId,
    pub email_index: String,
    pub key_id: String,
    pub email: Vec<u8>,
    pub regions: String,
    pub categories: Option<String>,
    pub language: String,
    pub status: SubscriberStatus,
    pub created_on: String,
}

#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = deliveries)]
pub struct DeliveryRow {
    pub id: String,
    pub kind: DeliveryKind,
    pub subscriber_id: SubscriberId,
    pub alert_id: Option<AlertId>,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub next_attempt_at: i64,
    pub claimed_until: Option<i64>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

impl DeliveryRow {
    pub fn new(
        kind: DeliveryKind,
        subscriber_id: &SubscriberId,
        alert_id: Option<&AlertId>,
        now: i64,
    ) -> Self {
        Self {
            id: uuid::Uuid::new_v4().to_string(),
            kind,
            subscriber_id: subscriber_id.clone(),
            alert_id: alert_id.cloned(),
            status: DeliveryStatus::Pending,
            attempts: 0,
            next_attempt_at: now,
            claimed_until: None,
            created_at: now,
            sent_at: None,
        }
    }
}

pub fn insert_alert(conn: &mut DbConn, row: &AlertRow) -> Result<(), DbError> {
    diesel::insert_into(alerts::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn alert(conn: &mut DbConn, id: &AlertId) -> Result<Option<AlertRow>, DbError> {
    Ok(alerts::table.find(id).get_result(conn).optional()?)
}

pub fn alerts_by_ids(conn: &mut DbConn, ids: &[AlertId]) -> Result<Vec<AlertRow>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(alerts::table.filter(alerts::id.eq_any(ids)).load(conn)?)
}

/// Multi-row inserts on PostgreSQL, in chunks. Batch inserts do not go through the
/// multi-backend connection, and diesel's SQLite batch insert opens a transaction of its own
/// (which cannot nest in ours), so SQLite inserts row by row inside the caller's transaction.
pub fn insert_deliveries(conn: &mut DbConn, rows: &[DeliveryRow]) -> Result<(), DbError> {
    match conn {
        DbConn::Postgres(pg) => {
            for chunk in rows.chunks(1000) {
                diesel::insert_into(deliveries::table)
                    .values(chunk)
                    .execute(pg)?;
            }
        }
        DbConn::Sqlite(sqlite) => {
            for row in rows {
                diesel::insert_into(deliveries::table)
                    .values(row)
                    .execute(sqlite)?;
            }
        }
    }
    Ok(())
}

/// (id, regions JSON, categories JSON) of every confirmed subscriber, for matching.
pub fn confirmed_filters(
    conn: &mut DbConn,
) -> Result<Vec<(SubscriberId, String, Option<String>)>, DbError> {
    Ok(subscribers::table
        .filter(subscribers::status.eq(SubscriberStatus::Confirmed))
        .select((
            subscribers::id,
            subscribers::regions,
            subscribers::categories,
        ))
        .load(conn)?)
}

pub fn subscriber(conn: &mut DbConn, id: &SubscriberId) -> Result<Option<SubscriberRow>, DbError> {
    Ok(subscribers::table.find(id).get_result(conn).optional()?)
}

/// The subscribers with these ids, for a write transaction that is about to insert tokens
/// referencing them. On PostgreSQL they are locked `FOR KEY SHARE` until it ends, so none can be
/// deleted (unsubscribed) in between; on SQLite the write transaction is already exclusive.
pub fn subscribers_for_tokens(
    conn: &mut DbConn,
    ids: &[SubscriberId],
) -> Result<Vec<SubscriberRow>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let query = || subscribers::table.filter(subscribers::id.eq_any(ids));
    Ok(match conn {
        DbConn::Postgres(pg) => query().for_key_share().load(pg)?,
        DbConn::Sqlite(sqlite) => query().load(sqlite)?,
    })
}

pub fn subscriber_by_index(
    conn: &mut DbConn,
    index: &str,
) -> Result<Option<SubscriberRow>, DbError> {
    Ok(subscribers::table
        .filter(subscribers::email_index.eq(index))
        .get_result(conn)
        .optional()?)
}

pub fn insert_subscriber(conn: &mut DbConn, row: &SubscriberRow) -> Result<(), DbError> {
    diesel::insert_into(subscribers::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn update_filters(
    conn: &mut DbConn,
    id: &SubscriberId,
    regions: &str,
    categories: Option<&str>,
    language: &str,
) -> Result<(), DbError> {
    diesel::update(subscribers::table.find(id))
        .set((
            subscribers::regions.eq(regions),
            subscribers::categories.eq(categories),
            subscribers::language.eq(language),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn set_subscriber_status(
    conn: &mut DbConn,
    id: &SubscriberId,
    status: SubscriberStatus,
) -> Result<(), DbError> {
    diesel::update(subscribers::table.find(id))
        .set(subscribers::status.eq(status))
        .execute(conn)?;
    Ok(())
}

/// Unsubscribing deletes the subscriber: its sealed address, tokens and pending deliveries go.
pub fn delete_subscriber(conn: &mut DbConn, id: &SubscriberId) -> Result<(), DbError> {
    diesel::delete(deliveries::table.filter(deliveries::subscriber_id.eq(id))).execute(conn)?;
    diesel::delete(subscriber_tokens::table.filter(subscriber_tokens::subscriber_id.eq(id)))
        .execute(conn)?;
    diesel::delete(subscribers::table.find(id)).execute(conn)?;
    Ok(())
}

/// Whether a confirmation for this subscriber is still to be sent, or was queued since `since`
/// (unix seconds): one address gets at most one confirmation per window, however often it is
/// subscribed.
pub fn recent_confirmation_exists(
    conn: &mut DbConn,
    subscriber_id: &SubscriberId,
    since: i64,
) -> Result<bool, DbError> {
    let n: i64 = deliveries::table
        .filter(deliveries::subscriber_id.eq(subscriber_id))
        .filter(deliveries::kind.eq(DeliveryKind::Confirm))
        .filter(
            deliveries::status
                .eq(DeliveryStatus::Pending)
                .or(deliveries::created_at.ge(since)),
        )
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Ids of subscribers never confirmed and created before `cutoff` (a `YYYY-MM-DD` day).
pub fn unconfirmed_before(
    conn: &mut DbConn,
    cutoff: &str,
    limit: i64,
) -> Result<Vec<SubscriberId>, DbError> {
    Ok(subscribers::table
        .filter(subscribers::status.eq(SubscriberStatus::Pending))
        .filter(subscribers::created_on.lt(cutoff))
        .select(subscribers::id)
        .limit(limit)
        .load(conn)?)
}

pub fn insert_token(
    conn: &mut DbConn,
    hash: &str,
    subscriber_id: &SubscriberId,
    purpose: &str,
    expires_at: Option<i64>,
) -> Result<(), DbError> {
    diesel::insert_into(subscriber_tokens::table)
        .values((
            subscriber_tokens::token_hash.eq(hash),
            subscriber_tokens::subscriber_id.eq(subscriber_id),
            subscriber_tokens::purpose.eq(purpose),
            subscriber_tokens::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// A one-use link token, stored only as its keyed hash.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = subscriber_tokens)]
pub struct TokenRow {
    pub token_hash: String,
    pub subscriber_id: SubscriberId,
    pub purpose: String,
    pub expires_at: Option<i64>,
}

/// Many tokens at once, inside the caller's write transaction: multi-row inserts on PostgreSQL,
/// row by row on SQLite (see [`insert_deliveries`] for why).
pub fn insert_tokens(conn: &mut DbConn, rows: &[TokenRow]) -> Result<(), DbError> {
    match conn {
        DbConn::Postgres(pg) => {
            for chunk in rows.chunks(1000) {
                diesel::insert_into(subscriber_tokens::table)
                    .values(chunk)
                    .execute(pg)?;
            }
        }
        DbConn::Sqlite(sqlite) => {
            for row in rows {
                diesel::insert_into(subscriber_tokens::table)
                    .values(row)
                    .execute(sqlite)?;
            }
        }
    }
    Ok(())
}

/// The subscriber a live token of that purpose belongs to.
pub fn token_subscriber(
    conn: &mut DbConn,
    hash: &str,
    purpose: &str,
    now: i64,
) -> Result<Option<SubscriberId>, DbError> {
    Ok(subscriber_tokens::table
        .filter(subscriber_tokens::token_hash.eq(hash))
        .filter(subscriber_tokens::purpose.eq(purpose))
        .filter(
            subscriber_tokens::expires_at
                .is_null()
                .or(subscriber_tokens::expires_at.gt(now)),
        )
        .select(subscriber_tokens::subscriber_id)
        .get_result(conn)
        .optional()?)
}

pub fn delete_tokens(
    conn: &mut DbConn,
    subscriber_id: &SubscriberId,
    purpose: &str,
) -> Result<(), DbError> {
    diesel::delete(
        subscriber_tokens::table
            .filter(subscriber_tokens::subscriber_id.eq(subscriber_id))
            .filter(subscriber_tokens::purpose.eq(purpose)),
    )
    .execute(conn)?;
    Ok(())
}

/// Whether any delivery is due, read without a write transaction: an idle worker polling with
/// `claim_due` would take SQLite's single write lock every poll for nothing. The
/// condition is `claim_due`'s.
pub fn any_due(conn: &mut DbConn, now: i64) -> Result<bool, DbError> {
    any_due_by(conn, now, now)
}

/// [`any_due`] with the cutoff for the next attempt (`due_by`) apart from the clock that leases
/// are read against (`now`). The condition is `claim_due_by`'s.
pub fn any_due_by(conn: &mut DbConn, due_by: i64, now: i64) -> Result<bool, DbError> {
    use deliveries::dsl as d;
    let id: Option<String> = d::deliveries
        .filter(d::status.eq(DeliveryStatus::Pending))
        .filter(d::next_attempt_at.le(due_by))
        .filter(d::claimed_until.is_null().or(d::claimed_until.lt(now)))
        .select(d::id)
        .first(conn)
        .optional()?;
    Ok(id.is_some())
}

/// Claims up to `limit` due deliveries with a lease until `lease_until`. On PostgreSQL the rows
/// are locked with `FOR UPDATE SKIP LOCKED`, so workers in several processes never claim the
/// same row; on SQLite the write transaction (BEGIN IMMEDIATE) is already exclusive.
pub fn claim_due(
    conn: &mut DbConn,
    now: i64,
    lease_until: i64,
    limit: i64,
) -> Result<Vec<DeliveryRow>, DbError> {
    claim_due_by(conn, now, now, lease_until, limit)
}

/// [`claim_due`] for the rows whose next attempt is at or before `due_by` (a drain passes the
/// time it began, so a row it reschedules is not due again within it), leases read at `now`.
pub fn claim_due_by(
    conn: &mut DbConn,
    due_by: i64,
    now: i64,
    lease_until: i64,
    limit: i64,
) -> Result<Vec<DeliveryRow>, DbError> {
    use deliveries::dsl as d;
    let due = || {
        d::deliveries
            .filter(d::status.eq(DeliveryStatus::Pending))
            .filter(d::next_attempt_at.le(due_by))
            .filter(d::claimed_until.is_null().or(d::claimed_until.lt(now)))
            .order(d::next_attempt_at.asc())
            .limit(limit)
            .select(d::id)
    };
    let ids: Vec<String> = match conn {
        DbConn::Postgres(pg) => due().for_update().skip_locked().load(pg)?,
        DbConn::Sqlite(sqlite) => due().load(sqlite)?,
    };
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    diesel::update(d::deliveries.filter(d::id.eq_any(&ids)))
        .set(d::claimed_until.eq(Some(lease_until)))
        .execute(conn)?;
    Ok(d::deliveries.filter(d::id.eq_any(&ids)).load(conn)?)
}

/// The pending deliveries, split by whether their next attempt is at or before `due_by` and
/// whether a worker holds them (a lease that has not ended at `now`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingCounts {
    /// Up to `due_by` and held by nobody: `claim_due_by` would claim them.
    pub due: i64,
    /// Up to `due_by` and held by a worker: being sent right now (or by a worker that died, until
    /// its lease ends).
    pub in_flight: i64,
    /// Next attempt after `due_by` (a retry's backoff), held or not.
    pub later: i64,
}

/// Counts the pending deliveries (see [`PendingCounts`]). Three statements, in this order: a row
/// only moves from due to in flight (claimed) and from in flight to done or later, so one that
/// moves between two of them is counted in the first or the second, and never missed by both.
pub fn pending_counts(conn: &mut DbConn, due_by: i64, now: i64) -> Result<PendingCounts, DbError> {
    use deliveries::dsl as d;
    let pending = || d::deliveries.filter(d::status.eq(DeliveryStatus::Pending));
    let due: i64 = pending()
        .filter(d::next_attempt_at.le(due_by))
        .filter(d::claimed_until.is_null().or(d::claimed_until.lt(now)))
        .count()
        .get_result(conn)?;
    let in_flight: i64 = pending()
        .filter(d::next_attempt_at.le(due_by))
        .filter(d::claimed_until.ge(now))
        .count()
        .get_result(conn)?;
    let later: i64 = pending()
        .filter(d::next_attempt_at.gt(due_by))
        .count()
        .get_result(conn)?;
    Ok(PendingCounts {
        due,
        in_flight,
        later,
    })
}

/// Marks deliveries sent (one statement for a round of messages the server accepted).
pub fn mark_sent(conn: &mut DbConn, ids: &[String], now: i64) -> Result<(), DbError> {
    use deliveries::dsl as d;
    if ids.is_empty() {
        return Ok(());
    }
    diesel::update(d::deliveries.filter(d::id.eq_any(ids)))
        .set((
            d::status.eq(DeliveryStatus::Sent),
            d::sent_at.eq(Some(now)),
            d::claimed_until.eq(None::<i64>),
        ))
        .execute(conn)?;
    Ok(())
}

/// A delivery that can never succeed (its message cannot be built): kept, not retried.
pub fn mark_failed(conn: &mut DbConn, id: &str) -> Result<(), DbError> {
    use deliveries::dsl as d;
    diesel::update(d::deliveries.find(id))
        .set((
            d::status.eq(DeliveryStatus::Failed),
            d::claimed_until.eq(None::<i64>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Nothing to send any more (the subscriber left, or no longer matches the kind of message).
pub fn mark_dropped(conn: &mut DbConn, id: &str) -> Result<(), DbError> {
    use deliveries::dsl as d;
    diesel::update(d::deliveries.find(id))
        .set((
            d::status.eq(DeliveryStatus::Dropped),
            d::claimed_until.eq(None::<i64>),
        ))
        .execute(conn)?;
    Ok(())
}

/// [`mark_dropped`] for many rows in one statement.
pub fn mark_dropped_many(conn: &mut DbConn, ids: &[String]) -> Result<(), DbError> {
    use deliveries::dsl as d;
    if ids.is_empty() {
        return Ok(());
    }
    diesel::update(d::deliveries.filter(d::id.eq_any(ids)))
        .set((
            d::status.eq(DeliveryStatus::Dropped),
            d::claimed_until.eq(None::<i64>),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn reschedule(
    conn: &mut DbConn,
    id: &str,
    attempts: i32,
    next_attempt_at: i64,
) -> Result<(), DbError> {
    use deliveries::dsl as d;
    diesel::update(d::deliveries.find(id))
        .set((
            d::attempts.eq(attempts),
            d::next_attempt_at.eq(next_attempt_at),
            d::claimed_until.eq(None::<i64>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Counts by status, for tests, benchmarks and operators.
pub fn delivery_counts(
    conn: &mut DbConn,
    alert_id: &AlertId,
) -> Result<Vec<(DeliveryStatus, i64)>, DbError> {
    use deliveries::dsl as d;
    Ok(d::deliveries
        .filter(d::alert_id.eq(alert_id))
        .group_by(d::status)
        .select((d::status, diesel::dsl::count_star()))
        .load(conn)?)
}
