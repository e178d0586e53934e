//! Queries for the published statistics: the per-quarter counters, and counts over plaintext
//! columns (never `content`). Refused requests for more than was consented are stored here too.

use diesel::prelude::*;
use diesel::upsert::excluded;

use super::schema::{police_requests, reports, statistics_counts};
use super::{DbConn, DbError};
use crate::domain::{ReportId, SpocId};

/// Adds `n` (may be negative, to undo) to a quarter's figure.
pub fn add(conn: &mut DbConn, quarter: &str, figure: &str, n: i64) -> Result<(), DbError> {
    use statistics_counts::dsl as sc;
    let row = (
        sc::quarter.eq(quarter),
        sc::figure.eq(figure),
        sc::count.eq(n),
    );
    match conn {
        DbConn::Postgres(pg) => {
            diesel::insert_into(sc::statistics_counts)
                .values(row)
                .on_conflict((sc::quarter, sc::figure))
                .do_update()
                .set(sc::count.eq(sc::count + excluded(sc::count)))
                .execute(pg)?;
        }
        DbConn::Sqlite(sqlite) => {
            diesel::insert_into(sc::statistics_counts)
                .values(row)
                .on_conflict((sc::quarter, sc::figure))
                .do_update()
                .set(sc::count.eq(sc::count + excluded(sc::count)))
                .execute(sqlite)?;
        }
    }
    Ok(())
}

/// Every counter of a quarter before `quarter` (`YYYY-Qn` sorts as text while years have four
/// digits): (quarter, figure, count).
pub fn tallied_before(
    conn: &mut DbConn,
    quarter: &str,
) -> Result<Vec<(String, String, i64)>, DbError> {
    use statistics_counts::dsl as sc;
    Ok(sc::statistics_counts
        .filter(sc::quarter.lt(quarter))
        .select((sc::quarter, sc::figure, sc::count))
        .load(conn)?)
}

/// (day, category, region, relaying organisation, count).
pub type ReportCount = (String, String, String, Option<String>, i64);

/// Reports submitted before `day`, counted by day, category, region and relaying organisation
/// (withdrawn and expired reports included: they were reported).
pub fn reports_before(conn: &mut DbConn, day: &str) -> Result<Vec<ReportCount>, DbError> {
    Ok(reports::table
        .filter(reports::submitted_on.lt(day))
        .group_by((
            reports::submitted_on,
            reports::category,
            reports::region,
            reports::relayed_by,
        ))
        .select((
            reports::submitted_on,
            reports::category,
            reports::region,
            reports::relayed_by,
            diesel::dsl::count_star(),
        ))
        .load(conn)?)
}

/// Refused requests recorded before `day`, counted by day.
pub fn requests_before(conn: &mut DbConn, day: &str) -> Result<Vec<(String, i64)>, DbError> {
    Ok(police_requests::table
        .filter(police_requests::recorded_on.lt(day))
        .group_by(police_requests::recorded_on)
        .select((police_requests::recorded_on, diesel::dsl::count_star()))
        .load(conn)?)
}

#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = police_requests)]
pub struct PoliceRequestRow {
    pub id: String,
    pub report_id: Option<ReportId>,
    pub spoc_id: Option<SpocId>,
    pub requester: String,
    pub asked_for: String,
    pub recorded_on: String,
}

pub fn insert_request(conn: &mut DbConn, row: &PoliceRequestRow) -> Result<(), DbError> {
    diesel::insert_into(police_requests::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The most recent refused requests, newest first; of one report when `report` is given.
pub fn requests(
    conn: &mut DbConn,
    report: Option<&ReportId>,
    limit: i64,
) -> Result<Vec<PoliceRequestRow>, DbError> {
    let mut query = police_requests::table
        .order((
            police_requests::recorded_on.desc(),
            police_requests::id.desc(),
        ))
        .limit(limit)
        .into_boxed();
    if let Some(report) = report {
        query = query.filter(police_requests::report_id.eq(report));
    }
    Ok(query.load(conn)?)
}

/// A withdrawn or expired report is no longer tied to the requests made about it.
pub fn forget_report(conn: &mut DbConn, report: &ReportId) -> Result<(), DbError> {
    diesel::update(police_requests::table.filter(police_requests::report_id.eq(report)))
        .set(police_requests::report_id.eq(None::<ReportId>))
        .execute(conn)?;
    Ok(())
}
