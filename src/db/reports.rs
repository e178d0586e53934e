//! Queries for reports and what hangs off them. Rows hold ciphertext for everything the reporter
//! wrote; this module never sees a key.

use diesel::prelude::*;

use super::fixed::{Fixed, FixedSql, Value};
use super::schema::{consent_history, report_contacts, report_keys, report_messages, reports};
use super::{DbConn, DbError};
use crate::domain::{ConsentLevel, MessageId, OrgId, ReportId, ReportStatus, SpocId};

#[derive(Debug, Clone, Queryable)]
pub struct ReportRow {
    pub id: ReportId,
    pub receipt_hash: String,
    pub category: String,
    pub region: String,
    pub status: ReportStatus,
    pub submitted_on: String,
    pub consent_level: ConsentLevel,
    pub consent_spoc_id: Option<SpocId>,
    pub relayed_by: Option<OrgId>,
    pub content: Vec<u8>,
    /// Internal: what the report's key, contact and consents are stored under.
    pub serial: i64,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = reports)]
pub struct NewReportRow<'a> {
    pub id: &'a ReportId,
    pub receipt_hash: &'a str,
    pub category: &'a str,
    pub region: &'a str,
    pub status: ReportStatus,
    pub submitted_on: &'a str,
    pub consent_level: ConsentLevel,
    pub consent_spoc_id: Option<&'a SpocId>,
    pub relayed_by: Option<&'a OrgId>,
    pub content: &'a [u8],
}

/// A report's wrapped data key. Stored with the report's serial number beside it
/// (`report_keys.report_serial`, given at insertion), which the struct does not carry.
#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = report_keys)]
pub struct KeyRow {
    pub report_id: ReportId,
    pub key_id: String,
    pub wrapped_key: Vec<u8>,
}

#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = report_contacts)]
pub struct ContactRow {
    pub report_id: ReportId,
    pub key_id: String,
    pub wrapped_key: Vec<u8>,
    pub content: Vec<u8>,
}

#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = report_messages)]
pub struct MessageRow {
    pub id: MessageId,
    pub report_id: ReportId,
    pub seq: i32,
    pub sender: String,
    pub sent_on: String,
    pub body: Vec<u8>,
}

#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = consent_history)]
pub struct ConsentRow {
    pub report_id: ReportId,
    pub seq: i32,
    pub level: ConsentLevel,
    pub spoc_id: Option<SpocId>,
    pub statement_version: Option<String>,
    pub given_on: String,
    /// HMAC of the consent under the consent key (`services::reports::consent_mac`); `None` only
    /// until start-up seals a row written before there was one.
    pub mac: Option<String>,
}

/// A constant tuple of columns (its type is its value written again).
macro_rules! columns {
    ($name:ident = $($column:path),+ $(,)?) => {
        const $name: ($($column,)+) = ($($column,)+);
    };
}

// The columns [`KeyRow`], [`ContactRow`] and [`ConsentRow`] are read from: every one but the
// report's serial number.
columns!(
    KEY_COLUMNS = report_keys::report_id,
    report_keys::key_id,
    report_keys::wrapped_key
);
columns!(
    CONTACT_COLUMNS = report_contacts::report_id,
    report_contacts::key_id,
    report_contacts::wrapped_key,
    report_contacts::content,
);
columns!(
    CONSENT_COLUMNS = consent_history::report_id,
    consent_history::seq,
    consent_history::level,
    consent_history::spoc_id,
    consent_history::statement_version,
    consent_history::given_on,
    consent_history::mac,
);

/// The report's serial number, as a subquery: what its key, contact and consents are stored
/// under (appended in order, where the random id would scatter them over their indexes).
#[diesel::dsl::auto_type(no_type_alias)]
fn serial_of<'a>(id: &'a ReportId) -> _ {
    reports::table
        .filter(reports::id.eq(id))
        .select(reports::serial)
        .single_value()
}

/// The report's serial number, if there is such a report.
fn find_serial(conn: &mut DbConn, id: &ReportId) -> Result<Option<i64>, DbError> {
    Ok(reports::table
        .find(id)
        .select(reports::serial)
        .get_result::<i64>(conn)
        .optional()?)
}

// The four rows of a new report on SQLite, as statements of fixed text (`db::fixed`): diesel
// would write an `Insertable`'s SQL out again on every report, on the one thread that writes.
struct InsertReport;
impl FixedSql for InsertReport {
    const SQL: &'static str = "INSERT INTO reports (id, receipt_hash, category, region, \
        status, submitted_on, consent_level, consent_spoc_id, relayed_by, content, serial) \
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
}
struct InsertKey;
impl FixedSql for InsertKey {
    const SQL: &'static str = "INSERT INTO report_keys (report_id, key_id, wrapped_key, \
        report_serial) VALUES (?, ?, ?, ?)";
}
struct InsertContact;
impl FixedSql for InsertContact {
    const SQL: &'static str = "INSERT INTO report_contacts (report_id, key_id, wrapped_key, \
        content, report_serial) VALUES (?, ?, ?, ?, ?)";
}
struct InsertConsent;
impl FixedSql for InsertConsent {
    const SQL: &'static str = "INSERT INTO consent_history (report_id, seq, level, spoc_id, \
        statement_version, given_on, mac, report_serial) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
}

pub fn insert_report(
    conn: &mut DbConn,
    report: &NewReportRow<'_>,
    key: &KeyRow,
    contact: Option<&ContactRow>,
    consent: &ConsentRow,
) -> Result<(), DbError> {
    let sqlite = match conn {
        DbConn::Postgres(pg) => return insert_report_pg(pg, report, key, contact, consent),
        DbConn::Sqlite(sqlite) => sqlite,
    };
    // On the concrete connection, not `DbConn`: see `on_backend!` for why. The next serial
    // number: SQLite write transactions are exclusive, so no other can take it meanwhile.
    let last: Option<i64> = reports::table
        .select(diesel::dsl::max(reports::serial))
        .get_result(sqlite)?;
    let serial = last.unwrap_or(0) + 1;
    Fixed::<InsertReport>::new(&[
        Value::Text(report.id.as_str()),
        Value::Text(report.receipt_hash),
        Value::Text(report.category),
        Value::Text(report.region),
        Value::Text(report.status.as_str()),
        Value::Text(report.submitted_on),
        Value::Text(report.consent_level.as_str()),
        Value::OptionalText(report.consent_spoc_id.map(SpocId::as_str)),
        Value::OptionalText(report.relayed_by.map(OrgId::as_str)),
        Value::Bytes(report.content),
        Value::BigInt(serial),
    ])
    .execute(sqlite)?;
    Fixed::<InsertKey>::new(&[
        Value::Text(key.report_id.as_str()),
        Value::Text(&key.key_id),
        Value::Bytes(&key.wrapped_key),
        Value::BigInt(serial),
    ])
    .execute(sqlite)?;
    if let Some(contact) = contact {
        Fixed::<InsertContact>::new(&[
            Value::Text(contact.report_id.as_str()),
            Value::Text(&contact.key_id),
            Value::Bytes(&contact.wrapped_key),
            Value::Bytes(&contact.content),
            Value::BigInt(serial),
        ])
        .execute(sqlite)?;
    }
    Fixed::<InsertConsent>::new(&[
        Value::Text(consent.report_id.as_str()),
        Value::Integer(consent.seq),
        Value::Text(consent.level.as_str()),
        Value::OptionalText(consent.spoc_id.as_ref().map(SpocId::as_str)),
        Value::OptionalText(consent.statement_version.as_deref()),
        Value::Text(&consent.given_on),
        Value::OptionalText(consent.mac.as_deref()),
        Value::BigInt(serial),
    ])
    .execute(sqlite)?;
    Ok(())
}

/// The same four rows in one PostgreSQL statement (data-modifying CTEs; the foreign keys are
/// checked at its end): one round trip instead of four, which was most of an intake's cost there.
fn insert_report_pg(
    pg: &mut diesel::PgConnection,
    report: &NewReportRow<'_>,
    key: &KeyRow,
    contact: Option<&ContactRow>,
    consent: &ConsentRow,
) -> Result<(), DbError> {
    InsertReportPg {
        report,
        key,
        contact,
        consent,
    }
    .execute(pg)?;
    Ok(())
}

/// [`insert_report_pg`]'s statement as a query type of its own. diesel never caches a
/// `sql_query` (it cannot know the text is the same each time), so as one this statement was
/// sent, parsed and planned again on every report, in a round trip of its own before the one
/// that ran it. With a static query id it is prepared once per connection and then only run.
struct InsertReportPg<'a> {
    report: &'a NewReportRow<'a>,
    key: &'a KeyRow,
    contact: Option<&'a ContactRow>,
    consent: &'a ConsentRow,
}

/// The id diesel's statement cache knows [`InsertReportPg`] by: its text never changes.
struct InsertReportPgId;

impl diesel::query_builder::QueryId for InsertReportPg<'_> {
    type QueryId = InsertReportPgId;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for InsertReportPg<'_> {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> QueryResult<()> {
        use diesel::sql_types::{Binary, Bool, Integer, Nullable, Text};
        const NO_BYTES: &[u8] = &[];
        /// Binds each value in turn as `$n`, separated by commas.
        macro_rules! binds {
            ($($ty:ty => $value:expr),+) => {{
                let mut first = true;
                $(
                    if !std::mem::take(&mut first) {
                        out.push_sql(", ");
                    }
                    out.push_bind_param::<$ty, _>($value)?;
                )+
            }};
        }
        let (r, k, c) = (self.report, self.key, self.consent);
        // With no contact the row is not inserted, but the same parameters are sent (empty), so
        // the text never changes, as the static query id promises.
        let (contact_key_id, contact_wrapped, contact_content, has_contact): (
            &str,
            &[u8],
            &[u8],
            _,
        ) = match self.contact {
            Some(contact) => (
                &contact.key_id,
                &contact.wrapped_key,
                &contact.content,
                &true,
            ),
            None => ("", NO_BYTES, NO_BYTES, &false),
        };
        out.push_sql(
            "WITH report AS ( \
               INSERT INTO reports (id, receipt_hash, category, region, status, submitted_on, \
                 consent_level, consent_spoc_id, relayed_by, content) VALUES (",
        );
        binds!(
            Text => r.id,
            Text => r.receipt_hash,
            Text => r.category,
            Text => r.region,
            Text => &r.status,
            Text => r.submitted_on,
            Text => &r.consent_level,
            Nullable<Text> => &r.consent_spoc_id,
            Nullable<Text> => &r.relayed_by,
            Binary => r.content
        );
        out.push_sql(
            ") RETURNING id, serial \
             ), report_key AS ( \
               INSERT INTO report_keys (report_id, report_serial, key_id, wrapped_key) \
                 SELECT id, serial, ",
        );
        binds!(Text => &k.key_id, Binary => &k.wrapped_key);
        out.push_sql(
            " FROM report \
             ), contact AS ( \
               INSERT INTO report_contacts (report_id, report_serial, key_id, wrapped_key, \
                 content) SELECT id, serial, ",
        );
        binds!(Text => contact_key_id, Binary => contact_wrapped, Binary => contact_content);
        out.push_sql(" FROM report WHERE ");
        binds!(Bool => has_contact);
        out.push_sql(
            " ) \
             INSERT INTO consent_history (report_id, report_serial, seq, level, spoc_id, \
               statement_version, given_on, mac) SELECT id, serial, ",
        );
        binds!(
            Integer => &c.seq,
            Text => &c.level,
            Nullable<Text> => &c.spoc_id,
            Nullable<Text> => &c.statement_version,
            Text => &c.given_on,
            Nullable<Text> => &c.mac
        );
        out.push_sql(" FROM report");
        Ok(())
    }
}

impl RunQueryDsl<diesel::PgConnection> for InsertReportPg<'_> {}

/// The live report a receipt hash belongs to (withdrawn reports are never found).
pub fn by_receipt_hash(conn: &mut DbConn, hash: &str) -> Result<Option<ReportRow>, DbError> {
    let query = reports::table
        .filter(reports::receipt_hash.eq(hash))
        .filter(reports::status.ne(ReportStatus::Withdrawn));
    Ok(on_backend!(conn, c => query.get_result::<ReportRow>(c).optional()?))
}

/// Replaces a receipt hash of an old release by its current form (only if it is still the old
/// one: of two lookups racing, one rewrites and the other changes nothing).
pub fn rewrite_receipt_hash(
    conn: &mut DbConn,
    id: &ReportId,
    old: &str,
    new: &str,
) -> Result<(), DbError> {
    diesel::update(
        reports::table
            .find(id)
            .filter(reports::receipt_hash.eq(old)),
    )
    .set(reports::receipt_hash.eq(new))
    .execute(conn)?;
    Ok(())
}

/// Whether any live report still has its receipt stored the way releases up to 0.1 stored it
/// (anything but `prefix`…, withdrawn reports aside: their hash is a tombstone).
pub fn any_legacy_receipt(conn: &mut DbConn, prefix: &str) -> Result<bool, DbError> {
    Ok(reports::table
        .filter(reports::status.ne(ReportStatus::Withdrawn))
        .filter(reports::receipt_hash.not_like(format!("{prefix}%")))
        .select(reports::id)
        .first::<ReportId>(conn)
        .optional()?
        .is_some())
}

pub fn by_id(conn: &mut DbConn, id: &ReportId) -> Result<Option<ReportRow>, DbError> {
    Ok(reports::table
        .find(id)
        .get_result::<ReportRow>(conn)
        .optional()?)
}

pub fn key(conn: &mut DbConn, report_id: &ReportId) -> Result<Option<KeyRow>, DbError> {
    Ok(report_keys::table
        .filter(
            report_keys::report_serial
                .nullable()
                .eq(serial_of(report_id)),
        )
        .select(KEY_COLUMNS)
        .get_result::<KeyRow>(conn)
        .optional()?)
}

pub fn contact(conn: &mut DbConn, report_id: &ReportId) -> Result<Option<ContactRow>, DbError> {
    Ok(report_contacts::table
        .filter(
            report_contacts::report_serial
                .nullable()
                .eq(serial_of(report_id)),
        )
        .select(CONTACT_COLUMNS)
        .get_result::<ContactRow>(conn)
        .optional()?)
}

pub fn messages(conn: &mut DbConn, report_id: &ReportId) -> Result<Vec<MessageRow>, DbError> {
    Ok(report_messages::table
        .filter(report_messages::report_id.eq(report_id))
        .order(report_messages::seq.asc())
        .load::<MessageRow>(conn)?)
}

pub fn latest_consent(
    conn: &mut DbConn,
    report_id: &ReportId,
) -> Result<Option<ConsentRow>, DbError> {
    // A report has a handful of consent rows: read them all rather than bind a LIMIT (see the
    // module `db`).
    Ok(consent_history::table
        .filter(
            consent_history::report_serial
                .nullable()
                .eq(serial_of(report_id)),
        )
        .order(consent_history::seq.desc())
        .select(CONSENT_COLUMNS)
        .load::<ConsentRow>(conn)?
        .into_iter()
        .next())
}

/// Consent rows written before consents carried a MAC.
pub fn unsealed_consents(conn: &mut DbConn) -> Result<Vec<ConsentRow>, DbError> {
    Ok(consent_history::table
        .filter(consent_history::mac.is_null())
        .select(CONSENT_COLUMNS)
        .load::<ConsentRow>(conn)?)
}

pub fn set_consent_mac(
    conn: &mut DbConn,
    report_id: &ReportId,
    seq: i32,
    mac: &str,
) -> Result<(), DbError> {
    diesel::update(
        consent_history::table
            .filter(
                consent_history::report_serial
                    .nullable()
                    .eq(serial_of(report_id)),
            )
            .filter(consent_history::seq.eq(seq)),
    )
    .set(consent_history::mac.eq(mac))
    .execute(conn)?;
    Ok(())
}

/// Takes the report's row lock (on PostgreSQL; SQLite write transactions are already
/// exclusive), so per-report sequence numbers cannot collide and a decision taken under it
/// (a forward) cannot race a consent change or a withdrawal.
pub fn lock_report(conn: &mut DbConn, report_id: &ReportId) -> Result<(), DbError> {
    diesel::update(reports::table.find(report_id))
        .set(reports::status.eq(reports::status))
        .execute(conn)?;
    Ok(())
}

pub fn add_message(conn: &mut DbConn, row: &MessageRow) -> Result<(), DbError> {
    lock_report(conn, &row.report_id)?;
    let next: Option<i32> = report_messages::table
        .filter(report_messages::report_id.eq(&row.report_id))
        .select(diesel::dsl::max(report_messages::seq))
        .get_result(conn)?;
    let row = MessageRow {
        seq: next.unwrap_or(0) + 1,
        ..row.clone()
    };
    diesel::insert_into(report_messages::table)
        .values(&row)
        .execute(conn)?;
    Ok(())
}

pub fn change_consent(conn: &mut DbConn, row: &ConsentRow) -> Result<ConsentRow, DbError> {
    lock_report(conn, &row.report_id)?;
    let serial = find_serial(conn, &row.report_id)?
        .ok_or(DbError::Query(diesel::result::Error::NotFound))?;
    let next: Option<i32> = consent_history::table
        .filter(consent_history::report_serial.eq(serial))
        .select(diesel::dsl::max(consent_history::seq))
        .get_result(conn)?;
    let row = ConsentRow {
        seq: next.unwrap_or(0) + 1,
        ..row.clone()
    };
    diesel::insert_into(consent_history::table)
        .values((&row, consent_history::report_serial.eq(serial)))
        .execute(conn)?;
    diesel::update(reports::table.find(&row.report_id))
        .set((
            reports::consent_level.eq(&row.level),
            reports::consent_spoc_id.eq(&row.spoc_id),
        ))
        .execute(conn)?;
    Ok(row)
}

/// Crypto-shredding: the wrapped data key, the contact row, the messages, the consent history
/// and the sealed copy of any disclosure go (the audit log keeps that a forward happened); the report row keeps only ciphertext nobody can open, and no receipt finds it.
pub fn withdraw(conn: &mut DbConn, report_id: &ReportId) -> Result<(), DbError> {
    if let Some(serial) = find_serial(conn, report_id)? {
        diesel::delete(report_keys::table.find(serial)).execute(conn)?;
        diesel::delete(report_contacts::table.find(serial)).execute(conn)?;
        diesel::delete(consent_history::table.filter(consent_history::report_serial.eq(serial)))
            .execute(conn)?;
    }
    diesel::delete(report_messages::table.filter(report_messages::report_id.eq(report_id)))
        .execute(conn)?;
    super::register::delete_disclosures_of(conn, report_id)?;
    super::checks::delete_for_report(conn, report_id)?;
    super::statistics::forget_report(conn, report_id)?;
    super::exceptions::delete_for_report(conn, report_id)?;
    let tombstone = format!("withdrawn:{report_id}");
    diesel::update(reports::table.find(report_id))
        .set((
            reports::status.eq(ReportStatus::Withdrawn),
            reports::receipt_hash.eq(tombstone),
            reports::consent_level.eq(ConsentLevel::None),
            reports::consent_spoc_id.eq(None::<SpocId>),
        ))
        .execute(conn)?;
    Ok(())
}

/// One row of the case queue: the plaintext columns a list shows, never the sealed content.
#[derive(Debug, Clone, Queryable)]
pub struct QueueRow {
    pub id: ReportId,
    pub category: String,
    pub region: String,
    pub status: ReportStatus,
    pub submitted_on: String,
    pub consent_level: ConsentLevel,
    pub consent_spoc_id: Option<SpocId>,
    pub relayed_by: Option<OrgId>,
}

/// One page of the case queue: live reports, optionally of one status, oldest first (by day, then
/// id), starting after the place `after` (a day and an id, so no row comes on two pages), at most
/// `limit` rows.
pub fn queue(
    conn: &mut DbConn,
    status: Option<ReportStatus>,
    after: Option<(String, ReportId)>,
    limit: i64,
) -> Result<Vec<QueueRow>, DbError> {
    let mut query = reports::table
        .filter(reports::status.ne(ReportStatus::Withdrawn))
        .order((reports::submitted_on.asc(), reports::id.asc()))
        .select((
            reports::id,
            reports::category,
            reports::region,
            reports::status,
            reports::submitted_on,
            reports::consent_level,
            reports::consent_spoc_id,
            reports::relayed_by,
        ))
        .limit(limit)
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(reports::status.eq(status));
    }
    if let Some((day, id)) = after {
        query = query.filter(
            reports::submitted_on
                .gt(day.clone())
                .or(reports::submitted_on.eq(day).and(reports::id.gt(id))),
        );
    }
    Ok(query.load::<QueueRow>(conn)?)
}

/// How many live reports are in each status (statuses with none are absent).
pub fn status_counts(conn: &mut DbConn) -> Result<Vec<(ReportStatus, i64)>, DbError> {
    Ok(reports::table
        .filter(reports::status.ne(ReportStatus::Withdrawn))
        .group_by(reports::status)
        .select((reports::status, diesel::dsl::count_star()))
        .load(conn)?)
}

pub fn set_status(conn: &mut DbConn, id: &ReportId, status: ReportStatus) -> Result<(), DbError> {
    diesel::update(reports::table.find(id))
        .set(reports::status.eq(status))
        .execute(conn)?;
    Ok(())
}

/// Ids of live reports submitted before `cutoff` (a `YYYY-MM-DD` day).
pub fn older_than(conn: &mut DbConn, cutoff: &str, limit: i64) -> Result<Vec<ReportId>, DbError> {
    Ok(reports::table
        .filter(reports::status.ne(ReportStatus::Withdrawn))
        .filter(reports::submitted_on.lt(cutoff))
        .select(reports::id)
        .limit(limit)
        .load(conn)?)
}
