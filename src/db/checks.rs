//! Queries for the identifier blind index.

use diesel::prelude::*;

use super::schema::identifier_index;
use super::{DbConn, DbError};
use crate::domain::{AlertId, ReportId};

#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = identifier_index)]
pub struct IdentifierRow {
    pub id: String,
    pub hash: String,
    pub alert_id: AlertId,
    pub report_id: Option<ReportId>,
    pub category: String,
    pub region: String,
    pub published_on: String,
}

/// Row by row inside the caller's transaction (see `alerts::insert_deliveries` for why).
pub fn insert(conn: &mut DbConn, rows: &[IdentifierRow]) -> Result<(), DbError> {
    match conn {
        DbConn::Postgres(pg) => {
            for chunk in rows.chunks(1000) {
                diesel::insert_into(identifier_index::table)
                    .values(chunk)
                    .execute(pg)?;
            }
        }
        DbConn::Sqlite(sqlite) => {
            for row in rows {
                diesel::insert_into(identifier_index::table)
                    .values(row)
                    .execute(sqlite)?;
            }
        }
    }
    Ok(())
}

/// At most this many matches are answered for one identifier.
pub const MAX_MATCHES: usize = 100;

/// The alerts an identifier appears in, newest first. No `LIMIT ?` in the SQL: SQLite (3.48 and
/// later) plans around a bound LIMIT's value and so compiles the statement again every time it
/// is bound — a third of a check's time. An identifier is in few alerts; rows past
/// [`MAX_MATCHES`] are dropped here.
pub fn matching(conn: &mut DbConn, hash: &str) -> Result<Vec<IdentifierRow>, DbError> {
    let query = identifier_index::table
        .filter(identifier_index::hash.eq(hash))
        .order((
            identifier_index::published_on.desc(),
            identifier_index::alert_id.asc(),
        ));
    let mut rows: Vec<IdentifierRow> = on_backend!(conn, c => query.load(c)?);
    rows.truncate(MAX_MATCHES);
    Ok(rows)
}

pub fn delete_for_report(conn: &mut DbConn, report_id: &ReportId) -> Result<(), DbError> {
    diesel::delete(identifier_index::table.filter(identifier_index::report_id.eq(report_id)))
        .execute(conn)?;
    Ok(())
}
