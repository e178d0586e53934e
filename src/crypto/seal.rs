//! Authenticated encryption of records: XChaCha20-Poly1305 with a random 192-bit nonce, and
//! associated data that binds each ciphertext to the row and purpose it belongs to, so a
//! ciphertext copied into another row or column fails to open.

use zeroize::Zeroizing;

use super::aead;
use super::keys::KeyBytes;

/// Format version of a sealed blob: `[1] || nonce (24) || ciphertext+tag`.
const VERSION: u8 = 1;
const NONCE_LEN: usize = aead::X_NONCE_LEN;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SealError {
    #[error("the operating system's random number generator failed")]
    Random,
    #[error("encryption failed")]
    Encrypt,
    /// Wrong key, wrong associated data, tampering or truncation: deliberately not distinguished.
    #[error("the data could not be decrypted")]
    Open,
}

pub(super) fn seal(key: &KeyBytes, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, SealError> {
    let mut nonce = [0u8; NONCE_LEN];
    super::random::fill(&mut nonce).map_err(|_| SealError::Random)?;
    let ct = aead::x_seal(key.expose(), &nonce, aad, plaintext).map_err(|_| SealError::Encrypt)?;
    let mut out = Vec::with_capacity(1 + NONCE_LEN + ct.len());
    out.push(VERSION);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&ct);
    Ok(out)
}

pub(super) fn open(
    key: &KeyBytes,
    aad: &[u8],
    blob: &[u8],
) -> Result<Zeroizing<Vec<u8>>, SealError> {
    if blob.len() < 1 + NONCE_LEN + aead::TAG_LEN || blob[0] != VERSION {
        return Err(SealError::Open);
    }
    let nonce: [u8; NONCE_LEN] = blob[1..1 + NONCE_LEN]
        .try_into()
        .map_err(|_| SealError::Open)?;
    aead::x_open(key.expose(), &nonce, aad, &blob[1 + NONCE_LEN..]).map_err(|_| SealError::Open)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aad(purpose: &str, id: &str) -> Vec<u8> {
        format!("{purpose}\0{id}").into_bytes()
    }

    #[test]
    fn round_trip_and_binding() {
        let key = KeyBytes::random().unwrap();
        let blob = seal(&key, &aad("report", "a"), b"secret text").unwrap();
        assert_eq!(
            &*open(&key, &aad("report", "a"), &blob).unwrap(),
            b"secret text"
        );
        // Another row, another purpose, another key, a flipped bit: all refused.
        assert_eq!(open(&key, &aad("report", "b"), &blob), Err(SealError::Open));
        assert_eq!(
            open(&key, &aad("contact", "a"), &blob),
            Err(SealError::Open)
        );
        let other = KeyBytes::random().unwrap();
        assert_eq!(
            open(&other, &aad("report", "a"), &blob),
            Err(SealError::Open)
        );
        let mut tampered = blob.clone();
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        assert_eq!(
            open(&key, &aad("report", "a"), &tampered),
            Err(SealError::Open)
        );
        assert_eq!(
            open(&key, &aad("report", "a"), &blob[..10]),
            Err(SealError::Open)
        );
        // Random nonces: the same plaintext never gives the same ciphertext.
        assert_ne!(
            blob,
            seal(&key, &aad("report", "a"), b"secret text").unwrap()
        );
    }
}
