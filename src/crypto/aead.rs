//! ChaCha20-Poly1305 (RFC 8439) and XChaCha20-Poly1305 on AWS-LC.
//!
//! Every record is sealed with XChaCha20-Poly1305 and every sealed report opened with
//! ChaCha20-Poly1305, a few times per request on short messages (a report, a contact, a 32-byte
//! wrapped key). RustCrypto's `poly1305` 0.9 picks its AVX2 backend whenever the CPU has AVX2, and
//! that backend is slow on short messages (its helpers call the vector intrinsics out of line):
//! the four seals of a report took 6.0 µs there against 1.3 µs here (docs/performance.md).
//! AWS-LC's ChaCha20-Poly1305 is assembly on x86-64 and aarch64, with a constant-time tag check.
//!
//! XChaCha20-Poly1305 is defined (draft-irtf-cfrg-xchacha-03, §2.3) as ChaCha20-Poly1305 under
//! the subkey HChaCha20(key, nonce[0..16]) with the nonce `0x00000000 || nonce[16..24]`; HChaCha20
//! is the `chacha20` crate's. The tests check both against RustCrypto's `chacha20poly1305`, and
//! against the draft's and RFC 8439's own vectors.

use aws_lc_rs::aead::{Aad, CHACHA20_POLY1305, LessSafeKey, Nonce, UnboundKey};
use zeroize::Zeroizing;

pub const KEY_LEN: usize = 32;
pub const NONCE_LEN: usize = 12;
pub const X_NONCE_LEN: usize = 24;
pub const TAG_LEN: usize = 16;

/// Sealing or opening failed. Which step failed (wrong key, wrong associated data, tampering,
/// truncation) is deliberately not said.
#[derive(Debug, PartialEq, Eq)]
pub struct AeadFailed;

fn key(bytes: &[u8; KEY_LEN]) -> Result<LessSafeKey, AeadFailed> {
    UnboundKey::new(&CHACHA20_POLY1305, bytes)
        .map(LessSafeKey::new)
        .map_err(|_| AeadFailed)
}

/// ChaCha20-Poly1305: `ciphertext || tag`.
pub fn seal(
    key_bytes: &[u8; KEY_LEN],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Vec<u8>, AeadFailed> {
    let mut out = Vec::with_capacity(plaintext.len() + TAG_LEN);
    out.extend_from_slice(plaintext);
    key(key_bytes)?
        .seal_in_place_append_tag(
            Nonce::assume_unique_for_key(*nonce),
            Aad::from(aad),
            &mut out,
        )
        .map_err(|_| AeadFailed)?;
    Ok(out)
}

/// Opens `ciphertext || tag`; the plaintext is wiped when dropped.
pub fn open(
    key_bytes: &[u8; KEY_LEN],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    sealed: &[u8],
) -> Result<Zeroizing<Vec<u8>>, AeadFailed> {
    if sealed.len() < TAG_LEN {
        return Err(AeadFailed);
    }
    // Opened in place, in a buffer that is wiped however this ends.
    let mut buf = Zeroizing::new(sealed.to_vec());
    let plain_len = key(key_bytes)?
        .open_in_place(
            Nonce::assume_unique_for_key(*nonce),
            Aad::from(aad),
            &mut buf,
        )
        .map_err(|_| AeadFailed)?
        .len();
    buf.truncate(plain_len);
    Ok(buf)
}

/// The ChaCha20-Poly1305 key and nonce that XChaCha20-Poly1305 under `key` and `nonce` is.
fn extended(
    key_bytes: &[u8; KEY_LEN],
    nonce: &[u8; X_NONCE_LEN],
) -> (Zeroizing<[u8; KEY_LEN]>, [u8; NONCE_LEN]) {
    let mut head = [0u8; 16];
    head.copy_from_slice(&nonce[..16]);
    let subkey = chacha20::hchacha::<chacha20::R20>(key_bytes.into(), (&head).into());
    let mut sub = Zeroizing::new([0u8; KEY_LEN]);
    sub.copy_from_slice(&subkey);
    let mut short = [0u8; NONCE_LEN];
    short[4..].copy_from_slice(&nonce[16..]);
    (sub, short)
}

/// XChaCha20-Poly1305: `ciphertext || tag`.
pub fn x_seal(
    key_bytes: &[u8; KEY_LEN],
    nonce: &[u8; X_NONCE_LEN],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Vec<u8>, AeadFailed> {
    let (sub, short) = extended(key_bytes, nonce);
    seal(&sub, &short, aad, plaintext)
}

/// Opens XChaCha20-Poly1305 `ciphertext || tag`; the plaintext is wiped when dropped.
pub fn x_open(
    key_bytes: &[u8; KEY_LEN],
    nonce: &[u8; X_NONCE_LEN],
    aad: &[u8],
    sealed: &[u8],
) -> Result<Zeroizing<Vec<u8>>, AeadFailed> {
    let (sub, short) = extended(key_bytes, nonce);
    open(&sub, &short, aad, sealed)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use chacha20poly1305::aead::{Aead, KeyInit, Payload};
    use chacha20poly1305::{ChaCha20Poly1305, XChaCha20Poly1305};
    use proptest::prelude::*;

    use super::*;

    use crate::crypto::hex;

    /// The message, associated data and key of RFC 8439 §2.8.2, which the XChaCha draft reuses.
    const PLAINTEXT: &[u8] = b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.";
    const AAD: &str = "50515253c0c1c2c3c4c5c6c7";
    const KEY: &str = "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f";

    fn vector_key() -> [u8; 32] {
        hex(KEY).try_into().unwrap()
    }

    /// draft-irtf-cfrg-xchacha-03, appendix A.3.1.
    #[test]
    fn x_seal_gives_the_drafts_test_vector() {
        let nonce: [u8; 24] = hex("404142434445464748494a4b4c4d4e4f5051525354555657")
            .try_into()
            .unwrap();
        let expected = hex(concat!(
            "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb",
            "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452",
            "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9",
            "21f9664c97637da9768812f615c68b13b52e",
            "c0875924c1c7987947deafd8780acf49"
        ));
        let sealed = x_seal(&vector_key(), &nonce, &hex(AAD), PLAINTEXT).unwrap();
        assert_eq!(sealed, expected);
        assert_eq!(
            &*x_open(&vector_key(), &nonce, &hex(AAD), &sealed).unwrap(),
            PLAINTEXT
        );
    }

    /// RFC 8439, section 2.8.2: the tag, and the ciphertext's first bytes.
    #[test]
    fn seal_gives_the_rfc_8439_test_vector() {
        let nonce: [u8; 12] = hex("070000004041424344454647").try_into().unwrap();
        let sealed = seal(&vector_key(), &nonce, &hex(AAD), PLAINTEXT).unwrap();
        assert_eq!(
            sealed[PLAINTEXT.len()..],
            hex("1ae10b594f09e26a7e902ecbd0600691")[..]
        );
        assert_eq!(&sealed[..4], &hex("d31a8d34")[..]);
        assert_eq!(
            &*open(&vector_key(), &nonce, &hex(AAD), &sealed).unwrap(),
            PLAINTEXT
        );
    }

    #[test]
    fn anything_altered_is_refused() {
        let (key, nonce) = ([9u8; 32], [4u8; 24]);
        let sealed = x_seal(&key, &nonce, b"row", b"text").unwrap();
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 0x80;
            assert_eq!(x_open(&key, &nonce, b"row", &bad), Err(AeadFailed));
        }
        assert_eq!(x_open(&key, &nonce, b"roW", &sealed), Err(AeadFailed));
        assert_eq!(x_open(&[8u8; 32], &nonce, b"row", &sealed), Err(AeadFailed));
        let mut other_nonce = nonce;
        other_nonce[20] ^= 1; // in the part that is not HChaCha20's input
        assert_eq!(x_open(&key, &other_nonce, b"row", &sealed), Err(AeadFailed));
        assert_eq!(x_open(&key, &nonce, b"row", &sealed[..15]), Err(AeadFailed));
        assert_eq!(x_open(&key, &nonce, b"row", &[]), Err(AeadFailed));
    }

    proptest! {
        /// The same bytes as RustCrypto's implementations, both ways, for any key, nonce,
        /// associated data and message (empty included).
        #[test]
        fn agrees_with_rustcrypto(
            key in any::<[u8; 32]>(),
            nonce in any::<[u8; 24]>(),
            aad in proptest::collection::vec(any::<u8>(), 0..64),
            msg in proptest::collection::vec(any::<u8>(), 0..600),
        ) {
            let theirs = XChaCha20Poly1305::new((&key).into())
                .encrypt((&nonce).into(), Payload { msg: &msg, aad: &aad })
                .unwrap();
            prop_assert_eq!(&x_seal(&key, &nonce, &aad, &msg).unwrap(), &theirs);
            prop_assert_eq!(&*x_open(&key, &nonce, &aad, &theirs).unwrap(), &msg);

            let short: [u8; 12] = nonce[..12].try_into().unwrap();
            let theirs = ChaCha20Poly1305::new((&key).into())
                .encrypt((&short).into(), Payload { msg: &msg, aad: &aad })
                .unwrap();
            prop_assert_eq!(&seal(&key, &short, &aad, &msg).unwrap(), &theirs);
            prop_assert_eq!(&*open(&key, &short, &aad, &theirs).unwrap(), &msg);
        }
    }
}
