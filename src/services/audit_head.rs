//! The audit chain's head kept outside the database: how many entries there are and the last
//! one's hash, in a file beside the master key (`keys.audit_head_file`) and in a log line once a
//! day. The chain alone shows an entry changed, inserted or removed in the middle; only a copy of
//! the head held elsewhere shows that the newest entries were deleted, since a shorter chain is
//! still a valid chain.
//!
//! The service keeps the file up to date: every couple of seconds it reads the newest entry and,
//! if the log still holds the entry the file names, writes the new head. If it does not, the file
//! is left alone (it is the evidence) and an error is logged; `verify` then fails.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::watch;

use crate::crypto::keys::DerivedKey;
use crate::db::audit as store;
use crate::db::{DbConn, DbError};
use crate::services::audit::{self, Verification};
use crate::state::AppState;

/// How often the service looks at the newest entry. Entries appended and deleted within one
/// interval are not caught by the file (they are by the daily line only if a day passed).
const EVERY: Duration = Duration::from_secs(2);
const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// The number of entries and the hash of the last one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub entries: i64,
    pub hash: String,
}

const MAGIC: &str = "lookout-audit-head-v1";

impl Head {
    fn to_line(&self) -> String {
        format!("{MAGIC} {} {}\n", self.entries, self.hash)
    }

    fn parse(text: &str) -> Option<Self> {
        let mut words = text.split_whitespace();
        (words.next()? == MAGIC).then_some(())?;
        let entries = words.next()?.parse().ok().filter(|n: &i64| *n >= 1)?;
        let hash = words.next()?;
        let hex = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
        (hex && words.next().is_none()).then(|| Self {
            entries,
            hash: hash.to_string(),
        })
    }
}

/// What the head file holds: nothing yet, a head, or something that is not a head (which
/// `verify` reports rather than ignores: replacing the file with garbage must not hide a cut).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeadFile {
    Missing,
    Head(Head),
    Unreadable,
}

pub fn read(path: &Path) -> HeadFile {
    match std::fs::read_to_string(path) {
        Ok(text) => Head::parse(&text).map_or(HeadFile::Unreadable, HeadFile::Head),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => HeadFile::Missing,
        Err(_) => HeadFile::Unreadable,
    }
}

/// Replaces the file in one step (a temporary file renamed over it), readable by the owner only.
pub fn write(path: &Path, head: &Head) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)?;
    file.write_all(head.to_line().as_bytes())?;
    file.sync_all()?;
    std::fs::rename(&tmp, path)
}

/// The newest entry as a head (none while the log is empty).
pub fn current(conn: &mut DbConn) -> Result<Option<Head>, DbError> {
    Ok(store::last(conn)?.map(|row| Head {
        entries: row.seq,
        hash: row.hash,
    }))
}

/// Whether the log still holds the entry `head` names, with the same hash.
pub fn holds(conn: &mut DbConn, head: &Head) -> Result<bool, DbError> {
    Ok(store::hash_at(conn, head.entries)?.as_deref() == Some(head.hash.as_str()))
}

/// The chain checked entry by entry (`audit::verify`), then against the head kept outside: if
/// the log no longer reaches the entry the head names, or holds another entry there, the first
/// entry missing is reported as broken. An unreadable head file fails too; a missing one does
/// not (a new installation), and the caller says so.
pub fn verify(
    conn: &mut DbConn,
    key: &DerivedKey,
    file: &HeadFile,
) -> Result<Verification, DbError> {
    let chain = audit::verify(conn, key)?;
    if !chain.ok {
        return Ok(chain);
    }
    let entries = chain.entries as i64;
    let cut = match file {
        HeadFile::Missing => None,
        HeadFile::Unreadable => Some(entries + 1),
        HeadFile::Head(head) if head.entries > entries => Some(entries + 1),
        HeadFile::Head(head) if !holds(conn, head)? => Some(head.entries),
        HeadFile::Head(_) => None,
    };
    Ok(match cut {
        Some(at) => Verification {
            ok: false,
            entries: chain.entries,
            broken_at: Some(at),
        },
        None => chain,
    })
}

/// `GET /audit/verify`: the chain and the head file (admins only).
pub async fn verify_chain(
    state: &AppState,
    member: &crate::domain::StaffMember,
) -> Result<Verification, crate::domain::Error> {
    member.require(crate::domain::Role::Admin)?;
    let key = state.keys.get(crate::crypto::Purpose::Audit).clone();
    let file = read(&state.settings.keys.audit_head());
    Ok(state.db.run(move |conn| verify(conn, &key, &file)).await?)
}

/// Keeps the head file up to date until `stop` turns true, and logs the head once a day.
pub async fn keep(state: Arc<AppState>, mut stop: watch::Receiver<bool>) {
    let path = state.settings.keys.audit_head();
    let mut alarmed = false;
    let mut next_daily = tokio::time::Instant::now();
    loop {
        let on_file = read(&path);
        let checked = match &on_file {
            HeadFile::Head(head) => {
                let head = head.clone();
                state
                    .db
                    .run(move |conn| Ok::<_, DbError>((holds(conn, &head)?, current(conn)?)))
                    .await
                    .map(|(held, now)| (Some(held), now))
            }
            _ => state.db.run(current).await.map(|now| (None, now)),
        };
        match checked {
            Err(e) => tracing::warn!(error = %e, "could not read the audit head"),
            Ok((held, now)) => {
                if held == Some(false) {
                    if !alarmed {
                        tracing::error!(
                            file = %path.display(),
                            "the audit log no longer holds the newest entry its head file \
                             records: entries were removed from the database; the head file is \
                             kept as it is (run `lookout audit verify`)"
                        );
                        alarmed = true;
                    }
                } else if let Some(now) = &now {
                    alarmed = false;
                    let changed = match &on_file {
                        HeadFile::Head(head) => head != now,
                        HeadFile::Missing => true,
                        // Not ours to overwrite: verify reports it.
                        HeadFile::Unreadable => false,
                    };
                    if changed && let Err(e) = write(&path, now) {
                        tracing::error!(file = %path.display(), error = %e, "could not write the audit head file");
                    }
                }
                if let Some(now) = now
                    && tokio::time::Instant::now() >= next_daily
                {
                    tracing::info!(entries = now.entries, last_hash = %now.hash, "audit head");
                    next_daily += DAY;
                }
            }
        }
        // Stopping takes one more pass first, so the entries of the last seconds are in the file.
        if *stop.borrow() {
            return;
        }
        tokio::select! {
            _ = tokio::time::sleep(EVERY) => {}
            changed = stop.changed() => if changed.is_err() {
                // The service is gone without saying stop.
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_line_reads_back_and_nothing_else_does() {
        let head = Head {
            entries: 42,
            hash: "ab".repeat(32),
        };
        assert_eq!(Head::parse(&head.to_line()), Some(head.clone()));
        for bad in [
            "",
            "lookout-audit-head-v1 42",
            "lookout-audit-head-v1 0 abab",
            &format!("lookout-audit-head-v1 -1 {}", "ab".repeat(32)),
            &format!("lookout-audit-head-v2 42 {}", "ab".repeat(32)),
            &format!("lookout-audit-head-v1 42 {}", "zz".repeat(32)),
            &format!("lookout-audit-head-v1 42 {} extra", "ab".repeat(32)),
        ] {
            assert_eq!(Head::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_file_is_written_whole_and_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.head");
        assert_eq!(read(&path), HeadFile::Missing);
        let head = Head {
            entries: 7,
            hash: "0f".repeat(32),
        };
        write(&path, &head).unwrap();
        assert_eq!(read(&path), HeadFile::Head(head));
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        std::fs::write(&path, "not a head").unwrap();
        assert_eq!(read(&path), HeadFile::Unreadable);
    }
}
