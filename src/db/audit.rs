//! The audit log's storage: append (under the write transaction, so sequence numbers and the
//! chain cannot fork) and read back in order.

use diesel::prelude::*;

use super::schema::audit_log;
use super::{DbConn, DbError};

#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    pub seq: i64,
    pub on_date: String,
    pub actor: String,
    pub action: String,
    pub target: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

pub fn last(conn: &mut DbConn) -> Result<Option<AuditRow>, DbError> {
    // The row holding the largest seq, without a bound LIMIT (see the module `db`).
    let newest: Option<i64> = audit_log::table
        .select(diesel::dsl::max(audit_log::seq))
        .get_result(conn)?;
    let Some(seq) = newest else {
        return Ok(None);
    };
    Ok(audit_log::table.find(seq).get_result(conn).optional()?)
}

/// The hash of entry `seq`, if the log holds it.
pub fn hash_at(conn: &mut DbConn, seq: i64) -> Result<Option<String>, DbError> {
    Ok(audit_log::table
        .find(seq)
        .select(audit_log::hash)
        .get_result(conn)
        .optional()?)
}

pub fn insert(conn: &mut DbConn, row: &AuditRow) -> Result<(), DbError> {
    diesel::insert_into(audit_log::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn all(conn: &mut DbConn) -> Result<Vec<AuditRow>, DbError> {
    Ok(audit_log::table.order(audit_log::seq.asc()).load(conn)?)
}

pub fn page(conn: &mut DbConn, after: i64, limit: i64) -> Result<Vec<AuditRow>, DbError> {
    Ok(audit_log::table
        .filter(audit_log::seq.gt(after))
        .order(audit_log::seq.asc())
        .limit(limit)
        .load(conn)?)
}
