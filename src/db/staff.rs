//! Queries for staff accounts and their sessions.

use diesel::prelude::*;

use super::schema::{sessions, staff};
use super::{DbConn, DbError};
use crate::domain::{Role, StaffId};

#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = staff)]
pub struct StaffRow {
    pub id: StaffId,
    pub email_index: String,
    pub email: Vec<u8>,
    pub role: Role,
    pub password_hash: String,
    pub totp_secret: Option<Vec<u8>>,
    pub totp_enabled: bool,
    pub totp_last_step: Option<i64>,
    pub failed_logins: i32,
    pub last_failed_at: Option<i64>,
    pub active: bool,
    pub created_on: String,
    pub must_change_password: bool,
}

pub fn insert(conn: &mut DbConn, row: &StaffRow) -> Result<bool, DbError> {
    let exists = staff::table
        .filter(staff::email_index.eq(&row.email_index))
        .count()
        .get_result::<i64>(conn)?;
    if exists > 0 {
        return Ok(false);
    }
    diesel::insert_into(staff::table)
        .values(row)
        .execute(conn)?;
    Ok(true)
}

pub fn by_email_index(conn: &mut DbConn, index: &str) -> Result<Option<StaffRow>, DbError> {
    Ok(staff::table
        .filter(staff::email_index.eq(index))
        .filter(staff::active.eq(true))
        .get_result(conn)
        .optional()?)
}

pub fn by_id(conn: &mut DbConn, id: &StaffId) -> Result<Option<StaffRow>, DbError> {
    Ok(staff::table.find(id).get_result(conn).optional()?)
}

/// Every account, oldest first (the administrators' list).
pub fn all(conn: &mut DbConn) -> Result<Vec<StaffRow>, DbError> {
    Ok(staff::table
        .order((staff::created_on.asc(), staff::id.asc()))
        .load(conn)?)
}

/// A new password hash; `must_change` when an administrator set it. Failures are forgotten.
pub fn set_password(
    conn: &mut DbConn,
    id: &StaffId,
    hash: &str,
    must_change: bool,
) -> Result<(), DbError> {
    diesel::update(staff::table.find(id))
        .set((
            staff::password_hash.eq(hash),
            staff::must_change_password.eq(must_change),
            staff::failed_logins.eq(0),
            staff::last_failed_at.eq(None::<i64>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Turns the second factor off and forgets its secret. The last used step is kept, so a code
/// seen before can never be replayed against a later enrolment's secret by chance.
pub fn clear_totp(conn: &mut DbConn, id: &StaffId) -> Result<(), DbError> {
    diesel::update(staff::table.find(id))
        .set((
            staff::totp_secret.eq(None::<Vec<u8>>),
            staff::totp_enabled.eq(false),
        ))
        .execute(conn)?;
    Ok(())
}

/// Disables an account: false when it was already disabled (or does not exist).
pub fn deactivate(conn: &mut DbConn, id: &StaffId) -> Result<bool, DbError> {
    Ok(
        diesel::update(staff::table.find(id).filter(staff::active.eq(true)))
            .set(staff::active.eq(false))
            .execute(conn)?
            == 1,
    )
}

pub fn record_failure(conn: &mut DbConn, id: &StaffId, now: i64) -> Result<(), DbError> {
    diesel::update(staff::table.find(id))
        .set((
            staff::failed_logins.eq(staff::failed_logins + 1),
            staff::last_failed_at.eq(Some(now)),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn record_success(conn: &mut DbConn, id: &StaffId) -> Result<(), DbError> {
    diesel::update(staff::table.find(id))
        .set((
            staff::failed_logins.eq(0),
            staff::last_failed_at.eq(None::<i64>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Marks a TOTP time step used, only if it is later than the last one: false when another login
/// used it (or a later one) first.
pub fn use_totp_step(conn: &mut DbConn, id: &StaffId, step: i64) -> Result<bool, DbError> {
    let changed = diesel::update(
        staff::table.find(id).filter(
            staff::totp_last_step
                .is_null()
                .or(staff::totp_last_step.lt(step)),
        ),
    )
    .set(staff::totp_last_step.eq(Some(step)))
    .execute(conn)?;
    Ok(changed == 1)
}

pub fn set_totp_secret(conn: &mut DbConn, id: &StaffId, sealed: &[u8]) -> Result<(), DbError> {
    diesel::update(staff::table.find(id))
        .set((
            staff::totp_secret.eq(Some(sealed)),
            staff::totp_enabled.eq(false),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn enable_totp(conn: &mut DbConn, id: &StaffId, step: i64) -> Result<(), DbError> {
    diesel::update(staff::table.find(id))
        .set((
            staff::totp_enabled.eq(true),
            staff::totp_last_step.eq(Some(step)),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn insert_session(
    conn: &mut DbConn,
    token_hash: &str,
    staff_id: &StaffId,
    expires_at: i64,
    now: i64,
) -> Result<(), DbError> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::token_hash.eq(token_hash),
            sessions::staff_id.eq(staff_id),
            sessions::expires_at.eq(expires_at),
            sessions::last_seen_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// The staff member a live session belongs to, with when the session was last used. Expired
/// sessions, sessions idle since `idle_since` or before, and inactive staff: none.
pub fn session_staff(
    conn: &mut DbConn,
    token_hash: &str,
    now: i64,
    idle_since: i64,
) -> Result<Option<(StaffRow, i64)>, DbError> {
    Ok(sessions::table
        .inner_join(staff::table)
        .filter(sessions::token_hash.eq(token_hash))
        .filter(sessions::expires_at.gt(now))
        .filter(sessions::last_seen_at.gt(idle_since))
        .filter(staff::active.eq(true))
        .select((staff::all_columns, sessions::last_seen_at))
        .get_result(conn)
        .optional()?)
}

/// Records that a session was used now (it stays alive for another idle period).
pub fn touch_session(conn: &mut DbConn, token_hash: &str, now: i64) -> Result<(), DbError> {
    diesel::update(sessions::table.find(token_hash))
        .set(sessions::last_seen_at.eq(now))
        .execute(conn)?;
    Ok(())
}

/// Ends every session of an account, except the one whose hash is `keep`.
pub fn delete_sessions_of(
    conn: &mut DbConn,
    staff_id: &StaffId,
    keep: Option<&str>,
) -> Result<usize, DbError> {
    let of = sessions::table.filter(sessions::staff_id.eq(staff_id));
    Ok(match keep {
        Some(hash) => diesel::delete(of.filter(sessions::token_hash.ne(hash))).execute(conn)?,
        None => diesel::delete(of).execute(conn)?,
    })
}

pub fn delete_session(conn: &mut DbConn, token_hash: &str) -> Result<(), DbError> {
    diesel::delete(sessions::table.find(token_hash)).execute(conn)?;
    Ok(())
}

/// Removes sessions that have expired or have been idle since `idle_since` or before.
pub fn delete_expired_sessions(
    conn: &mut DbConn,
    now: i64,
    idle_since: i64,
) -> Result<usize, DbError> {
    Ok(diesel::delete(
        sessions::table.filter(
            sessions::expires_at
                .le(now)
                .or(sessions::last_seen_at.le(idle_since)),
        ),
    )
    .execute(conn)?)
}
