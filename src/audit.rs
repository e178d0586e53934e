//! The tamper-evident audit log: every staff action on a report, and every change to staff,
//! written as ids and actions only, never content. Each entry's hash is SHA-256 over the previous
//! entry's hash and this entry's fields, so editing, inserting or deleting any entry breaks the
//! chain from that entry on, and `verify` names the first entry that does not check out.

use sha2::{Digest, Sha256};

use crate::crypto::keys::hex;
use crate::db::audit::{self as store, AuditRow};
use crate::db::{Backend, DbConn, DbError};
use diesel::RunQueryDsl;

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

fn entry_hash(
    prev: &str,
    seq: i64,
    on: &str,
    actor: &str,
    action: &str,
    target: Option<&str>,
) -> String {
    let mut h = Sha256::new();
    // Length-prefixed fields, so no two different entries serialise the same.
    for field in [
        prev,
        &seq.to_string(),
        on,
        actor,
        action,
        target.unwrap_or("\u{0}none"),
    ] {
        h.update((field.len() as u64).to_be_bytes());
        h.update(field.as_bytes());
    }
    hex(&h.finalize())
}

/// Appends an entry. Call inside the write transaction of the action it records, so the entry
/// exists exactly when the action does.
pub fn record(
    conn: &mut DbConn,
    actor: &str,
    action: &str,
    target: Option<&str>,
) -> Result<(), DbError> {
    if conn.backend() == Backend::Postgres {
        // Serialise appends for the rest of this transaction: two writers must not both extend
        // the same last entry. (SQLite write transactions are already exclusive.)
        diesel::sql_query("SELECT pg_advisory_xact_lock(7468658)").execute(conn)?;
    }
    let last = store::last(conn)?;
    let (seq, prev) = match &last {
        Some(row) => (row.seq + 1, row.hash.clone()),
        None => (1, GENESIS.to_string()),
    };
    let on = crate::clock::today_string();
    let hash = entry_hash(&prev, seq, &on, actor, action, target);
    store::insert(
        conn,
        &AuditRow {
            seq,
            on_date: on,
            actor: actor.to_string(),
            action: action.to_string(),
            target: target.map(str::to_string),
            prev_hash: prev,
            hash,
        },
    )
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Verification {
    pub ok: bool,
    pub entries: usize,
    /// The first entry that does not check out, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub broken_at: Option<i64>,
}

pub fn verify(conn: &mut DbConn) -> Result<Verification, DbError> {
    let rows = store::all(conn)?;
    let mut prev = GENESIS.to_string();
    for (expected_seq, row) in (1i64..).zip(rows.iter()) {
        let recomputed = entry_hash(
            &prev,
            row.seq,
            &row.on_date,
            &row.actor,
            &row.action,
            row.target.as_deref(),
        );
        if row.seq != expected_seq || row.prev_hash != prev || row.hash != recomputed {
            return Ok(Verification {
                ok: false,
                entries: rows.len(),
                broken_at: Some(row.seq),
            });
        }
        prev = row.hash.clone();
    }
    Ok(Verification {
        ok: true,
        entries: rows.len(),
        broken_at: None,
    })
}
