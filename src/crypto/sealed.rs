//! Sealed reports: RFC 9180 HPKE, base mode, DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 /
//! ChaCha20Poly1305, info `lookout report v1`, empty AAD. The keypair is derived from the master
//! key, so it survives restarts and needs no storage of its own. The service opens with its own
//! code (`hpke_open.rs`: one X25519 multiplication instead of two, AWS-LC's); keys and sealing
//! are the `hpke` crate's.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hpke::aead::ChaCha20Poly1305;
use hpke::kdf::HkdfSha256;
use hpke::kem::X25519HkdfSha256;
use hpke::{Deserializable, Kem, OpModeS, Serializable};
use zeroize::Zeroizing;

pub use super::hpke_open::KeyRefused;
use super::hpke_open::Recipient;
use super::keys::DerivedKey;

pub const INFO: &[u8] = b"lookout report v1";
pub const KEM_NAME: &str = "DHKEM(X25519, HKDF-SHA256)";
pub const KDF_NAME: &str = "HKDF-SHA256";
pub const AEAD_NAME: &str = "ChaCha20Poly1305";

type SuiteKem = X25519HkdfSha256;

pub struct SealedReportKeys {
    recipient: Recipient,
    key_id: String,
}

impl std::fmt::Debug for SealedReportKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SealedReportKeys")
            .field("key_id", &self.key_id)
            .field("private", &"<redacted>")
            .finish()
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("the sealed report could not be opened")]
pub struct SealedInvalid;

impl SealedReportKeys {
    pub fn derive(seed: &DerivedKey) -> Result<Self, KeyRefused> {
        let (private, public) = SuiteKem::derive_keypair(seed.key.expose());
        let mut secret = Zeroizing::new([0u8; 32]);
        secret.copy_from_slice(&private.to_bytes());
        let mut public_bytes = [0u8; 32];
        public_bytes.copy_from_slice(&public.to_bytes());
        Ok(Self {
            recipient: Recipient::new(&secret, public_bytes, INFO)?,
            key_id: seed.id.clone(),
        })
    }

    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// The public key as base64url without padding (32 bytes).
    pub fn public_key_b64(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.recipient.public())
    }

    /// Opens `{enc, ciphertext}` (both base64url); any failure is the same error.
    pub fn open(
        &self,
        enc_b64: &str,
        ciphertext_b64: &str,
    ) -> Result<Zeroizing<Vec<u8>>, SealedInvalid> {
        let enc: [u8; 32] = decode_b64(enc_b64)?.try_into().map_err(|_| SealedInvalid)?;
        let ct = decode_b64(ciphertext_b64)?;
        self.recipient
            .open(&enc, &ct, b"")
            .map_err(|_| SealedInvalid)
    }
}

fn decode_b64(s: &str) -> Result<Vec<u8>, SealedInvalid> {
    let trimmed = s.trim().trim_end_matches('=');
    URL_SAFE_NO_PAD.decode(trimmed).map_err(|_| SealedInvalid)
}

/// What a client does: seal a plaintext report to the service's public key. Returns
/// `(enc, ciphertext)` as base64url. Used by `lookout seal` and the tests.
pub fn seal_to(public_key_b64: &str, plaintext: &[u8]) -> Result<(String, String), SealedInvalid> {
    let pk_bytes = decode_b64(public_key_b64)?;
    let pk = <SuiteKem as Kem>::PublicKey::from_bytes(&pk_bytes).map_err(|_| SealedInvalid)?;
    let (enc, ct) = hpke::single_shot_seal::<ChaCha20Poly1305, HkdfSha256, SuiteKem>(
        &OpModeS::Base,
        &pk,
        INFO,
        plaintext,
        b"",
    )
    .map_err(|_| SealedInvalid)?;
    Ok((
        URL_SAFE_NO_PAD.encode(enc.to_bytes()),
        URL_SAFE_NO_PAD.encode(ct),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::keys::{KeyBytes, KeyRing, Purpose};

    #[test]
    fn seal_open_round_trip_and_tampering() {
        let ring = KeyRing::from_master(&KeyBytes::from_slice(&[9u8; 32]).unwrap());
        let keys = SealedReportKeys::derive(ring.get(Purpose::HpkeSeed)).unwrap();
        assert_eq!(
            URL_SAFE_NO_PAD.decode(keys.public_key_b64()).unwrap().len(),
            32
        );
        let (enc, ct) = seal_to(&keys.public_key_b64(), b"{\"a\":1}").unwrap();
        assert_eq!(&*keys.open(&enc, &ct).unwrap(), b"{\"a\":1}");
        let mut raw = URL_SAFE_NO_PAD.decode(&ct).unwrap();
        raw[0] ^= 1;
        assert_eq!(
            keys.open(&enc, &URL_SAFE_NO_PAD.encode(raw)),
            Err(SealedInvalid)
        );
        assert_eq!(keys.open("not base64!", &ct), Err(SealedInvalid));
        let other = KeyRing::from_master(&KeyBytes::from_slice(&[8u8; 32]).unwrap());
        let other_keys = SealedReportKeys::derive(other.get(Purpose::HpkeSeed)).unwrap();
        assert_eq!(other_keys.open(&enc, &ct), Err(SealedInvalid));
    }

    /// What the `hpke` crate's own open makes of the same message.
    fn crate_open(ring: &KeyRing, enc: &str, ct: &str) -> Option<Vec<u8>> {
        let (private, _) = SuiteKem::derive_keypair(ring.get(Purpose::HpkeSeed).key.expose());
        let enc = <SuiteKem as Kem>::EncappedKey::from_bytes(&decode_b64(enc).ok()?).ok()?;
        hpke::single_shot_open::<ChaCha20Poly1305, HkdfSha256, SuiteKem>(
            &hpke::OpModeR::Base,
            &private,
            &enc,
            INFO,
            &decode_b64(ct).ok()?,
            b"",
        )
        .ok()
    }

    /// Our open (`hpke_open.rs`) and the `hpke` crate's agree on messages the crate sealed, under
    /// eight master keys, intact or with a bit changed in every fifth byte of `enc` or the
    /// ciphertext, one at a time.
    #[test]
    fn open_agrees_with_the_hpke_crate() {
        for master in 0u8..8 {
            let ring = KeyRing::from_master(&KeyBytes::from_slice(&[master; 32]).unwrap());
            let keys = SealedReportKeys::derive(ring.get(Purpose::HpkeSeed)).unwrap();
            let (private, public) =
                SuiteKem::derive_keypair(ring.get(Purpose::HpkeSeed).key.expose());
            let mut secret = [0u8; 32];
            secret.copy_from_slice(&private.to_bytes());
            assert_eq!(
                curve25519_dalek::EdwardsPoint::mul_base_clamped(secret)
                    .to_montgomery()
                    .to_bytes()
                    .to_vec(),
                public.to_bytes().to_vec()
            );
            let plaintext = format!(
                "{{\"report\":{master},\"pad\":\"{}\"}}",
                "x".repeat(37 * usize::from(master))
            );
            let (enc, ct) = seal_to(&keys.public_key_b64(), plaintext.as_bytes()).unwrap();
            assert_eq!(&*keys.open(&enc, &ct).unwrap(), plaintext.as_bytes());
            assert_eq!(crate_open(&ring, &enc, &ct).unwrap(), plaintext.as_bytes());
            for (which, field) in [(0, &enc), (1, &ct)] {
                let raw = URL_SAFE_NO_PAD.decode(field).unwrap();
                for i in (0..raw.len()).step_by(5) {
                    let mut bad = raw.clone();
                    bad[i] ^= 1 << (i % 8);
                    let bad = URL_SAFE_NO_PAD.encode(bad);
                    let (e, c) = if which == 0 {
                        (&bad, &ct)
                    } else {
                        (&enc, &bad)
                    };
                    assert_eq!(keys.open(e, c), Err(SealedInvalid));
                    assert_eq!(crate_open(&ring, e, c), None);
                }
            }
        }
    }
}
