//! The tamper-evident audit log: every staff action on a report, and every change to staff,
//! written as ids and actions only, never content. Each entry's hash is HMAC-SHA256, under a key
//! derived from the master key, over the previous entry's hash and this entry's fields: editing,
//! inserting or deleting any entry breaks the chain from that entry on, `verify` names the first
//! entry that does not check out, and someone with the database but not the master key cannot
//! compute a replacement chain.

use crate::crypto::keys::DerivedKey;
use crate::crypto::tokens::keyed_hash;
use crate::db::audit::{self as store, AuditRow};
use crate::db::{Backend, DbConn, DbError};
use crate::domain::{Actor, AuditAction};
use diesel::RunQueryDsl;

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

fn entry_hash(
    key: &DerivedKey,
    prev: &str,
    seq: i64,
    on: &str,
    actor: &str,
    action: &str,
    target: Option<&str>,
) -> String {
    // Length-prefixed fields, so no two different entries serialise the same.
    let mut bytes = Vec::new();
    for field in [
        prev,
        &seq.to_string(),
        on,
        actor,
        action,
        target.unwrap_or("\u{0}none"),
    ] {
        bytes.extend_from_slice(&(field.len() as u64).to_be_bytes());
        bytes.extend_from_slice(field.as_bytes());
    }
    keyed_hash(key, "audit-entry", &bytes)
}

/// Appends an entry in a transaction of its own, for an action that writes nothing else (a
/// view, a refusal).
pub async fn record_alone(
    state: &crate::state::AppState,
    actor: impl Into<Actor>,
    action: AuditAction,
    target: Option<impl AsRef<str>>,
) -> Result<(), crate::domain::Error> {
    let key = state.keys.get(crate::crypto::Purpose::Audit).clone();
    let (actor, target): (Actor, _) = (actor.into(), target.map(|t| t.as_ref().to_string()));
    state
        .db
        .run(move |conn| {
            crate::db::write_tx(conn, |conn| {
                record(conn, &key, &actor, action, target.as_deref())
            })
        })
        .await
        .map_err(crate::domain::Error::from)
}

/// Appends an entry. Call inside the write transaction of the action it records, so the entry
/// exists exactly when the action does.
pub fn record(
    conn: &mut DbConn,
    key: &DerivedKey,
    actor: impl Into<Actor>,
    action: AuditAction,
    target: Option<impl AsRef<str>>,
) -> Result<(), DbError> {
    let target = target.as_ref().map(AsRef::as_ref);
    let (actor, action) = (actor.into().to_string(), action.to_string());
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
    let hash = entry_hash(key, &prev, seq, &on, &actor, &action, target);
    store::insert(
        conn,
        &AuditRow {
            seq,
            on_date: on,
            actor,
            action,
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

pub fn verify(conn: &mut DbConn, key: &DerivedKey) -> Result<Verification, DbError> {
    let rows = store::all(conn)?;
    let mut prev = GENESIS.to_string();
    for (expected_seq, row) in (1i64..).zip(rows.iter()) {
        let recomputed = entry_hash(
            key,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::{KeyRing, Purpose, keys::KeyBytes};

    #[test]
    fn a_page_holds_1_to_5000_entries_and_anything_else_is_refused() {
        assert_eq!(page_limit(None).unwrap(), 500);
        assert_eq!(page_limit(Some(1)).unwrap(), 1);
        assert_eq!(page_limit(Some(5000)).unwrap(), 5000);
        for n in [0, -1, 5001, i64::MAX, i64::MIN] {
            let e = page_limit(Some(n)).unwrap_err();
            assert_eq!(e.kind(), crate::domain::ErrorKind::BadRequest, "{n}");
        }
    }

    fn audit_key(byte: u8) -> DerivedKey {
        let master = KeyBytes::from_slice(&[byte; 32]).unwrap();
        KeyRing::from_master(&master).get(Purpose::Audit).clone()
    }

    #[test]
    fn entries_are_keyed_and_every_field_counts() {
        let (k, other) = (audit_key(1), audit_key(2));
        let h = |key: &DerivedKey, actor: &str, target: Option<&str>| {
            entry_hash(key, GENESIS, 1, "2026-11-21", actor, "case.view", target)
        };
        let base = h(&k, "staff-1", Some("r-1"));
        assert_eq!(base, h(&k, "staff-1", Some("r-1")));
        // Without the master key, nobody computes the same chain.
        assert_ne!(base, h(&other, "staff-1", Some("r-1")));
        assert_ne!(base, h(&k, "staff-2", Some("r-1")));
        assert_ne!(base, h(&k, "staff-1", None));
        // Length prefixes: moving a character from one field to the next changes the hash.
        assert_ne!(
            entry_hash(&k, GENESIS, 1, "d", "ab", "c", None),
            entry_hash(&k, GENESIS, 1, "d", "a", "bc", None)
        );
    }
}

/// One entry as an admin reads it: ids and actions, never content.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Entry {
    pub seq: i64,
    pub on: String,
    pub actor: String,
    pub action: String,
    pub target: Option<String>,
    pub hash: String,
}

/// `GET /audit`: entries after `after`, at most `limit` (admins only).
pub async fn page(
    state: &crate::state::AppState,
    member: &crate::domain::StaffMember,
    after: Option<i64>,
    limit: Option<i64>,
) -> Result<Vec<Entry>, crate::domain::Error> {
    member.require(crate::domain::Role::Admin)?;
    let after = after.unwrap_or(0);
    let limit = page_limit(limit)?;
    let rows = state
        .db
        .run(move |conn| store::page(conn, after, limit))
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| Entry {
            seq: r.seq,
            on: r.on_date,
            actor: r.actor,
            action: r.action,
            target: r.target,
            hash: r.hash,
        })
        .collect())
}

/// The most entries one page of the audit log holds, and how many it holds when not told.
pub const PAGE_LIMIT_MAX: i64 = 5000;
const PAGE_LIMIT_DEFAULT: i64 = 500;

/// A page's size: 1 to [`PAGE_LIMIT_MAX`], 500 when not given; anything else is refused (400), as
/// the API documents, rather than silently changed.
fn page_limit(limit: Option<i64>) -> Result<i64, crate::domain::Error> {
    match limit {
        None => Ok(PAGE_LIMIT_DEFAULT),
        Some(n) if (1..=PAGE_LIMIT_MAX).contains(&n) => Ok(n),
        Some(_) => Err(
            crate::domain::Error::new(crate::domain::ErrorKind::BadRequest)
                .with_detail("`limit` must be a whole number from 1 to 5000."),
        ),
    }
}
