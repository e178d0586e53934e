//! The master key and the per-purpose keys derived from it.
//!
//! One 32-byte master key lives outside the database. Every key the service uses is derived from it
//! with HKDF-SHA256 under a distinct label, so a key for one purpose can never be used for another,
//! and each derived key carries a key id (a fingerprint) stored next to what it protects, so that a
//! later rotation can tell which generation of key a row needs.

use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use hkdf::Hkdf;
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

pub const KEY_LEN: usize = 32;

/// Salt for every derivation: fixes the scheme's version, so a v2 derivation can never collide.
const HKDF_SALT: &[u8] = b"lookout key schedule v1";

/// What a derived key is for. The label is part of the derivation and must never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Purpose {
    /// Wraps the random per-report data keys.
    ReportData,
    /// Wraps the data keys of reporter contact details (a separate table, a separate key).
    ContactData,
    /// Encrypts subscriber email addresses.
    SubscriberData,
    /// HMAC key for blind indexes (perpetrator identifiers, subscriber de-duplication).
    BlindIndex,
    /// Pepper for the Argon2id receipt hashes.
    ReceiptPepper,
    /// Seed of the HPKE keypair for sealed reports.
    HpkeSeed,
    /// HMAC key for session, confirmation and unsubscribe token hashes.
    Tokens,
    /// HMAC key for the audit log chain.
    Audit,
    /// Wraps the data keys of published alerts.
    AlertData,
    /// Encrypts staff email addresses and TOTP secrets.
    StaffData,
    /// HMAC key binding each recorded consent to its report, so a database writer cannot forge
    /// or alter one.
    Consent,
    /// HMAC key signing proof-of-work challenges (the same in every instance of a deployment).
    ProofOfWork,
}

impl Purpose {
    pub const ALL: [Purpose; 12] = [
        Purpose::ReportData,
        Purpose::ContactData,
        Purpose::SubscriberData,
        Purpose::BlindIndex,
        Purpose::ReceiptPepper,
        Purpose::HpkeSeed,
        Purpose::Tokens,
        Purpose::Audit,
        Purpose::AlertData,
        Purpose::StaffData,
        Purpose::Consent,
        Purpose::ProofOfWork,
    ];

    fn label(self) -> &'static str {
        match self {
            Purpose::ReportData => "report-data",
            Purpose::ContactData => "contact-data",
            Purpose::SubscriberData => "subscriber-data",
            Purpose::BlindIndex => "blind-index",
            Purpose::ReceiptPepper => "receipt-pepper",
            Purpose::HpkeSeed => "hpke-seed",
            Purpose::Tokens => "tokens",
            Purpose::Audit => "audit",
            Purpose::AlertData => "alert-data",
            Purpose::StaffData => "staff-data",
            Purpose::Consent => "consent",
            Purpose::ProofOfWork => "proof-of-work",
        }
    }
}

/// 32 bytes of key material: wiped on drop, never printed.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct KeyBytes([u8; KEY_LEN]);

impl KeyBytes {
    pub fn expose(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// A fresh key from the operating system's CSPRNG.
    pub fn random() -> Result<Self, KeyFileError> {
        let mut key = [0u8; KEY_LEN];
        super::random::fill(&mut key).map_err(|_| KeyFileError::Random)?;
        let out = KeyBytes(key);
        key.zeroize();
        Ok(out)
    }

    /// Exactly 32 bytes, or `None`.
    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        let key: [u8; KEY_LEN] = bytes.try_into().ok()?;
        Some(KeyBytes(key))
    }

    /// A short public fingerprint: safe to store and to show, reveals nothing of the key.
    fn fingerprint(&self, domain: &[u8]) -> String {
        let mut h = Sha256::new();
        h.update(b"lookout key id v1\0");
        h.update(domain);
        h.update(self.0);
        let digest = h.finalize();
        hex(&digest[..8])
    }
}

impl fmt::Debug for KeyBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("KeyBytes(<redacted>)")
    }
}

/// A derived key and its id.
#[derive(Clone, Debug)]
pub struct DerivedKey {
    pub id: String,
    pub key: KeyBytes,
}

/// The master key and every key derived from it.
#[derive(Clone)]
pub struct KeyRing {
    master_id: String,
    derived: Vec<(Purpose, DerivedKey)>,
}

impl fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyRing")
            .field("master_id", &self.master_id)
            .field("keys", &"<redacted>")
            .finish()
    }
}

impl KeyRing {
    pub fn from_master(master: &KeyBytes) -> Self {
        let hk = Hkdf::<Sha256>::new(Some(HKDF_SALT), master.expose());
        let derived = Purpose::ALL
            .iter()
            .map(|&purpose| {
                let mut okm = [0u8; KEY_LEN];
                // 32 bytes is far below HKDF-SHA256's 8160-byte limit, so expand cannot fail.
                let _ = hk.expand(purpose.label().as_bytes(), &mut okm);
                let key = KeyBytes(okm);
                okm.zeroize();
                let id = format!("{}-{}", purpose.label(), key.fingerprint(b"derived"));
                (purpose, DerivedKey { id, key })
            })
            .collect();
        Self {
            master_id: master.fingerprint(b"master"),
            derived,
        }
    }

    /// The master key's public fingerprint, recorded in the database so a wrong key is caught at start.
    pub fn master_id(&self) -> &str {
        &self.master_id
    }

    pub fn get(&self, purpose: Purpose) -> &DerivedKey {
        // Every purpose is derived in `from_master`, so the lookup always succeeds; the fallback
        // only satisfies the type checker.
        self.derived
            .iter()
            .find(|(p, _)| *p == purpose)
            .map(|(_, k)| k)
            .unwrap_or(&self.derived[0].1)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    #[error(
        "the master key file {path} does not exist (in the dev profile it is generated on first run; otherwise create it with `lookout keys generate --out {path}`)"
    )]
    Missing { path: String },
    #[error("cannot read the master key file {path}: {cause}")]
    Unreadable { path: String, cause: String },
    #[error("the master key file {path} holds {len} bytes; a master key is exactly 32 raw bytes")]
    WrongLength { path: String, len: usize },
    #[error(
        "the master key file {path} is open to every user on this machine (mode {mode:o}); run `chmod 600 {path}`"
    )]
    TooOpen { path: String, mode: u32 },
    #[error(
        "{path} already exists; refusing to overwrite a master key (pass --force to replace it, which makes everything encrypted under the old key unreadable)"
    )]
    Exists { path: String },
    #[error("cannot write the master key file {path}: {cause}")]
    Unwritable { path: String, cause: String },
    #[error("the operating system's random number generator failed")]
    Random,
}

/// Reads the master key. Refuses a file every user on the host can read: a leaked key decrypts
/// everything. Group access is allowed because container secret mounts (0440 with a group) use it.
pub fn load_master_key(path: &Path) -> Result<KeyBytes, KeyFileError> {
    let shown = path.display().to_string();
    let mut file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(KeyFileError::Missing { path: shown });
        }
        Err(e) => {
            return Err(KeyFileError::Unreadable {
                path: shown,
                cause: e.to_string(),
            });
        }
    };
    let mode = file
        .metadata()
        .map_err(|e| KeyFileError::Unreadable {
            path: shown.clone(),
            cause: e.to_string(),
        })?
        .permissions()
        .mode();
    if mode & 0o007 != 0 {
        return Err(KeyFileError::TooOpen {
            path: shown,
            mode: mode & 0o777,
        });
    }
    let mut buf = Zeroizing::new(Vec::with_capacity(KEY_LEN + 1));
    Read::by_ref(&mut file)
        .take(KEY_LEN as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| KeyFileError::Unreadable {
            path: shown.clone(),
            cause: e.to_string(),
        })?;
    if buf.len() != KEY_LEN {
        let len = if buf.len() > KEY_LEN {
            file.metadata()
                .map(|m| m.len() as usize)
                .unwrap_or(buf.len())
        } else {
            buf.len()
        };
        return Err(KeyFileError::WrongLength { path: shown, len });
    }
    let mut key = [0u8; KEY_LEN];
    key.copy_from_slice(&buf);
    let out = KeyBytes(key);
    key.zeroize();
    Ok(out)
}

/// Writes a fresh random master key with mode 0600. Without `force`, an existing file is kept.
pub fn generate_master_key(path: &Path, force: bool) -> Result<KeyBytes, KeyFileError> {
    let shown = path.display().to_string();
    let unwritable = |e: std::io::Error| KeyFileError::Unwritable {
        path: shown.clone(),
        cause: e.to_string(),
    };
    if let Some(parent) = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && !p.exists())
    {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)
            .map_err(unwritable)?;
    }
    let out = KeyBytes::random()?;

    let mut options = OpenOptions::new();
    options.write(true).mode(0o600);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let mut file = match options.open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            return Err(KeyFileError::Exists { path: shown });
        }
        Err(e) => return Err(unwritable(e)),
    };
    // `mode` applies only on creation; a forced overwrite of an existing file must tighten it too.
    file.set_permissions(fs::Permissions::from_mode(0o600))
        .map_err(unwritable)?;
    file.write_all(out.expose()).map_err(unwritable)?;
    file.sync_all().map_err(unwritable)?;
    Ok(out)
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 0xf) as usize] as char);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_keys_are_distinct_deterministic_and_labelled() {
        let master = KeyBytes([7u8; KEY_LEN]);
        let a = KeyRing::from_master(&master);
        let b = KeyRing::from_master(&master);
        let mut seen = std::collections::HashSet::new();
        for p in Purpose::ALL {
            assert_eq!(a.get(p).key.expose(), b.get(p).key.expose());
            assert_eq!(a.get(p).id, b.get(p).id);
            assert!(a.get(p).id.starts_with(p.label()));
            assert!(seen.insert(*a.get(p).key.expose()), "{p:?} repeats a key");
            assert_ne!(a.get(p).key.expose(), master.expose());
        }
        let other = KeyRing::from_master(&KeyBytes([8u8; KEY_LEN]));
        assert_ne!(a.master_id(), other.master_id());
        assert_ne!(
            a.get(Purpose::ReportData).key.expose(),
            other.get(Purpose::ReportData).key.expose()
        );
    }

    #[test]
    fn debug_output_is_redacted() {
        let ring = KeyRing::from_master(&KeyBytes([0xAB; KEY_LEN]));
        let shown = format!("{ring:?} {:?}", ring.get(Purpose::Tokens));
        assert!(!shown.to_lowercase().contains("abab"), "{shown}");
        assert!(shown.contains("redacted"));
    }

    #[test]
    fn generate_then_load_round_trips_with_mode_0600() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/master.key");
        let generated = generate_master_key(&path, false).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(fs::metadata(&path).unwrap().len(), 32);
        assert_eq!(load_master_key(&path).unwrap().expose(), generated.expose());
        assert!(matches!(
            generate_master_key(&path, false),
            Err(KeyFileError::Exists { .. })
        ));
        let replaced = generate_master_key(&path, true).unwrap();
        assert_ne!(replaced.expose(), generated.expose());
    }

    #[test]
    fn load_refuses_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        let short = dir.path().join("short.key");
        fs::write(&short, b"too short").unwrap();
        fs::set_permissions(&short, fs::Permissions::from_mode(0o600)).unwrap();
        assert!(matches!(
            load_master_key(&short),
            Err(KeyFileError::WrongLength { len: 9, .. })
        ));
        let open = dir.path().join("open.key");
        fs::write(&open, [1u8; 32]).unwrap();
        fs::set_permissions(&open, fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(
            load_master_key(&open),
            Err(KeyFileError::TooOpen { .. })
        ));
        assert!(matches!(
            load_master_key(&dir.path().join("none")),
            Err(KeyFileError::Missing { .. })
        ));
    }
}
