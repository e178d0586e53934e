//! Queries for disclosures under the exception policy. Reason and content are ciphertext here.

use diesel::prelude::*;

use super::schema::exception_disclosures as ed;
use super::{DbConn, DbError};
use crate::domain::{ReportId, SpocId};

#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = ed)]
pub struct ExceptionRow {
    pub id: String,
    pub report_id: ReportId,
    pub spoc_id: SpocId,
    pub policy_version: String,
    pub status: String,
    pub proposed_by: String,
    pub proposed_on: String,
    pub decided_by: Option<String>,
    pub decided_on: Option<String>,
    pub reason: Vec<u8>,
    pub content: Option<Vec<u8>>,
}

pub fn insert(conn: &mut DbConn, row: &ExceptionRow) -> Result<(), DbError> {
    diesel::insert_into(ed::table).values(row).execute(conn)?;
    Ok(())
}

pub fn by_id(conn: &mut DbConn, id: &str) -> Result<Option<ExceptionRow>, DbError> {
    Ok(ed::table.find(id).get_result(conn).optional()?)
}

/// The proposals and decisions of one report, oldest first.
pub fn of_report(conn: &mut DbConn, report: &ReportId) -> Result<Vec<ExceptionRow>, DbError> {
    Ok(ed::table
        .filter(ed::report_id.eq(report))
        .order((ed::proposed_on.asc(), ed::id.asc()))
        .load(conn)?)
}

/// The most recent, newest first.
pub fn recent(conn: &mut DbConn, limit: i64) -> Result<Vec<ExceptionRow>, DbError> {
    Ok(ed::table
        .order((ed::proposed_on.desc(), ed::id.desc()))
        .limit(limit)
        .load(conn)?)
}

/// Records a decision on a proposal still `from`; false when it was not (decided meanwhile).
pub fn decide(
    conn: &mut DbConn,
    id: &str,
    from: &str,
    to: &str,
    by: Option<&str>,
    on: Option<&str>,
    content: Option<&[u8]>,
) -> Result<bool, DbError> {
    let n = diesel::update(ed::table.find(id).filter(ed::status.eq(from)))
        .set((
            ed::status.eq(to),
            ed::decided_by.eq(by),
            ed::decided_on.eq(on),
            ed::content.eq(content),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn delete_for_report(conn: &mut DbConn, report: &ReportId) -> Result<(), DbError> {
    diesel::delete(ed::table.filter(ed::report_id.eq(report))).execute(conn)?;
    Ok(())
}
