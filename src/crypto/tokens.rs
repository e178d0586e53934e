//! Random tokens (sessions, confirmation and unsubscribe links, API keys) and keyed hashes:
//! tokens are stored only as HMAC-SHA256 under the tokens key, and lookups by value (emails,
//! identifiers) go through blind indexes, HMAC-SHA256 under the blind-index key.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::keys::{DerivedKey, hex};
use crate::secret::SensitiveString;

#[derive(Debug, thiserror::Error)]
#[error("the operating system's random number generator failed")]
pub struct RandomFailed;

/// `bytes` random bytes from the OS CSPRNG, base64url without padding.
pub fn random_token(bytes: usize) -> Result<SensitiveString, RandomFailed> {
    let mut buf = vec![0u8; bytes];
    super::random::fill(&mut buf).map_err(|_| RandomFailed)?;
    let token = URL_SAFE_NO_PAD.encode(&buf);
    zeroize::Zeroize::zeroize(&mut buf);
    Ok(SensitiveString::new(token))
}

/// HMAC-SHA256 of `domain || 0 || value`, hex. The domain keeps one use's hashes from ever
/// matching another's.
pub fn keyed_hash(key: &DerivedKey, domain: &str, value: &[u8]) -> String {
    // HMAC accepts keys of any length, so this cannot fail; an empty fallback would only make
    // every lookup miss, never match.
    let Ok(mut mac) = <Hmac<Sha256> as KeyInit>::new_from_slice(key.key.expose()) else {
        return String::new();
    };
    mac.update(domain.as_bytes());
    mac.update(&[0]);
    mac.update(value);
    hex(&mac.finalize().into_bytes())
}

/// Constant-time comparison of two equal-length strings.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::keys::{KeyBytes, KeyRing, Purpose};

    #[test]
    fn tokens_are_long_random_and_hashes_are_domain_separated() {
        let t = random_token(32).unwrap();
        assert_eq!(t.expose().len(), 43);
        assert_ne!(t, random_token(32).unwrap());
        let ring = KeyRing::from_master(&KeyBytes::random().unwrap());
        let k = ring.get(Purpose::Tokens);
        assert_eq!(keyed_hash(k, "a", b"x"), keyed_hash(k, "a", b"x"));
        assert_ne!(keyed_hash(k, "a", b"x"), keyed_hash(k, "b", b"x"));
        assert_ne!(
            keyed_hash(k, "a", b"x"),
            keyed_hash(ring.get(Purpose::BlindIndex), "a", b"x")
        );
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
    }
}
