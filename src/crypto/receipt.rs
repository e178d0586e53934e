//! Receipts: the only link between an anonymous reporter and their report.
//!
//! 20 symbols from a 31-symbol alphabet with no look-alikes (no 0/O, 1/I/L): about 99 bits from
//! the OS CSPRNG, shown as `LKT-XXXX-XXXX-XXXX-XXXX-XXXX`. Stored only as HMAC-SHA256 under a
//! pepper derived from the master key ([`ReceiptHasher::keyed`], `k1:` + hex): one indexed query
//! finds it. A slow hash would buy nothing: guessing a 99-bit random value is 2⁹⁹ work at any
//! hash speed, and without the master key the stored hashes cannot be tested at all. A password
//! hash is for secrets people choose.
//!
//! Releases up to 0.1 stored an Argon2id hash under the same pepper instead
//! ([`ReceiptHasher::legacy`]); those rows are still found, and rewritten to the keyed form on
//! their first use (see `services::reports::find_by_receipt`).

use argon2::{Algorithm, Argon2, Params, Version};
use sha2::{Digest, Sha256};

use super::keys::{DerivedKey, hex};
use super::tokens::keyed_hash;
use crate::secret::SensitiveString;

pub const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
pub const SYMBOLS: usize = 20;
const GROUP: usize = 4;
const PREFIX: &str = "LKT";

/// The prefix of a receipt hash stored the current way (a keyed hash); anything else that is
/// not a withdrawal's tombstone is a legacy Argon2id hash.
pub const KEYED_PREFIX: &str = "k1:";

/// Argon2id cost: at least OWASP's first recommendation (19 MiB, 2 passes, 1 lane).
pub const M_COST_KIB: u32 = 19 * 1024;
pub const T_COST: u32 = 2;
pub const P_COST: u32 = 1;

/// A receipt in canonical form. Redacted in `Debug`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt(SensitiveString);

impl Receipt {
    pub fn generate() -> Result<Self, ReceiptError> {
        let mut symbols = String::with_capacity(SYMBOLS);
        let mut buf = [0u8; 64];
        while symbols.len() < SYMBOLS {
            super::random::fill(&mut buf).map_err(|_| ReceiptError::Random)?;
            // Rejection sampling: 248 = 31 * 8, so every symbol is equally likely.
            for b in buf {
                if b < 248 && symbols.len() < SYMBOLS {
                    symbols.push(ALPHABET[(b % 31) as usize] as char);
                }
            }
        }
        Ok(Self::from_symbols(&symbols))
    }

    fn from_symbols(symbols: &str) -> Self {
        let mut out = String::from(PREFIX);
        for (i, c) in symbols.chars().enumerate() {
            if i % GROUP == 0 {
                out.push('-');
            }
            out.push(c);
        }
        Receipt(SensitiveString::new(out))
    }

    /// Accepts any letter case, with or without dashes, spaces or the `LKT` prefix.
    pub fn parse(input: &str) -> Option<Self> {
        let mut compact: String = input
            .chars()
            .filter(|c| !matches!(c, '-' | ' ' | '\u{2010}'..='\u{2015}'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if compact.len() == PREFIX.len() + SYMBOLS && compact.starts_with(PREFIX) {
            compact.drain(..PREFIX.len());
        }
        let valid = compact.len() == SYMBOLS && compact.bytes().all(|b| ALPHABET.contains(&b));
        valid.then(|| Self::from_symbols(&compact))
    }

    pub fn expose(&self) -> &str {
        self.0.expose()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReceiptError {
    #[error("the operating system's random number generator failed")]
    Random,
    #[error("receipt hashing failed")]
    Hash,
}

/// Hashes receipts under the pepper: keyed (HMAC-SHA256) now, Argon2id for rows of old releases.
#[derive(Clone)]
pub struct ReceiptHasher {
    pepper: DerivedKey,
    salt: [u8; 16],
}

impl std::fmt::Debug for ReceiptHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReceiptHasher(<redacted>)")
    }
}

impl ReceiptHasher {
    pub fn new(pepper: &DerivedKey) -> Self {
        let digest = Sha256::new()
            .chain_update(b"lookout receipt salt v1\0")
            .chain_update(pepper.key.expose())
            .finalize();
        let mut salt = [0u8; 16];
        salt.copy_from_slice(&digest[..16]);
        Self {
            pepper: pepper.clone(),
            salt,
        }
    }

    /// How a receipt is stored and looked up: `k1:` and the hex of HMAC-SHA256 under the pepper.
    /// Microseconds, the same for any input.
    pub fn keyed(&self, canonical: &str) -> String {
        format!(
            "{KEYED_PREFIX}{}",
            keyed_hash(&self.pepper, "receipt", canonical.as_bytes())
        )
    }

    /// How releases up to 0.1 stored a receipt: hex of the 32-byte Argon2id output (19 MiB,
    /// t = 2) under the pepper. Only for finding those rows; costs the same whatever the input.
    pub fn legacy(&self, canonical: &str) -> Result<String, ReceiptError> {
        let params =
            Params::new(M_COST_KIB, T_COST, P_COST, Some(32)).map_err(|_| ReceiptError::Hash)?;
        let argon = Argon2::new_with_secret(
            self.pepper.key.expose(),
            Algorithm::Argon2id,
            Version::V0x13,
            params,
        )
        .map_err(|_| ReceiptError::Hash)?;
        let mut out = [0u8; 32];
        argon
            .hash_password_into(canonical.as_bytes(), &self.salt, &mut out)
            .map_err(|_| ReceiptError::Hash)?;
        Ok(hex(&out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::keys::{KeyBytes, KeyRing, Purpose};

    #[test]
    fn generated_receipts_have_the_shape_and_entropy() {
        let r = Receipt::generate().unwrap();
        let s = r.expose();
        assert_eq!(s.len(), 3 + 5 * 5);
        assert!(s.starts_with("LKT-"));
        for c in s.chars().filter(|c| *c != '-').skip(3) {
            assert!(ALPHABET.contains(&(c as u8)), "{c}");
        }
        assert!(SYMBOLS as f64 * 31f64.log2() >= 80.0);
        for look_alike in ['0', 'O', '1', 'I', 'L'] {
            assert!(!ALPHABET.contains(&(look_alike as u8)));
        }
        let many: std::collections::HashSet<String> = (0..1000)
            .map(|_| Receipt::generate().unwrap().expose().to_string())
            .collect();
        assert_eq!(many.len(), 1000);
    }

    #[test]
    fn parsing_is_forgiving_about_case_and_dashes_only() {
        let r = Receipt::generate().unwrap();
        let canonical = r.expose().to_string();
        let bare: String = canonical.chars().filter(|c| *c != '-').collect();
        for variant in [
            canonical.clone(),
            canonical.to_lowercase(),
            bare.clone(),
            bare.to_lowercase(),
            bare[3..].to_string(),
            format!(" {} ", canonical.replace('-', " ")),
        ] {
            assert_eq!(Receipt::parse(&variant).as_ref(), Some(&r), "{variant}");
        }
        assert!(Receipt::parse("").is_none());
        assert!(Receipt::parse(&canonical[..canonical.len() - 1]).is_none());
        assert!(Receipt::parse(&format!("{canonical}A")).is_none());
        assert!(Receipt::parse(&canonical.replace(&canonical[4..5], "0")).is_none());
    }

    #[test]
    fn hashes_are_deterministic_and_peppered() {
        let ring = KeyRing::from_master(&KeyBytes::from_slice(&[3u8; 32]).unwrap());
        let other = KeyRing::from_master(&KeyBytes::from_slice(&[4u8; 32]).unwrap());
        let h = ReceiptHasher::new(ring.get(Purpose::ReceiptPepper));
        let h2 = ReceiptHasher::new(other.get(Purpose::ReceiptPepper));
        let r = Receipt::generate().unwrap();
        let k = h.keyed(r.expose());
        assert_eq!(k, h.keyed(r.expose()));
        assert!(
            k.starts_with(KEYED_PREFIX) && k.len() == KEYED_PREFIX.len() + 64,
            "{k}"
        );
        assert_ne!(k, h2.keyed(r.expose()));
        let a = h.legacy(r.expose()).unwrap();
        assert_eq!(a, h.legacy(r.expose()).unwrap());
        assert_eq!(a.len(), 64);
        assert!(!a.starts_with(KEYED_PREFIX));
        assert_ne!(a, h2.legacy(r.expose()).unwrap());
        assert!(!format!("{r:?}").contains(&r.expose()[4..]));
    }

    /// Pins both forms to fixed values: a change would make every stored receipt unfindable.
    #[test]
    fn stored_forms_never_change() {
        let ring = KeyRing::from_master(&KeyBytes::from_slice(&[7u8; 32]).unwrap());
        let h = ReceiptHasher::new(ring.get(Purpose::ReceiptPepper));
        let r = "LKT-2345-6789-ABCD-EFGH-JKMN";
        assert_eq!(h.keyed(r), PINNED_KEYED);
        assert_eq!(h.legacy(r).unwrap(), PINNED_LEGACY);
    }

    const PINNED_KEYED: &str =
        "k1:90d96ebdf38c8431723c06f5bebb771265d7e67a28720bc5053d6c898067a048";
    /// What releases up to 0.1 stored (the fixture of release 0.1.0 is found with it too).
    const PINNED_LEGACY: &str = "644392126eb31d2982e88508baf033ad05f94bc998d9628a7645a90b9eb96d44";
}
