//! The sealed-report decoder (`services::reports::open_sealed_with`: base64url, the HPKE
//! encapsulated key, HPKE open, then JSON), followed by what the service does with what it opened
//! (`report_checks`).
//!
//! Input: `enc` and `ciphertext` (base64url, as `POST /api/v1/reports/sealed` takes them) on the
//! first line and the rest; or `P` followed by a plaintext, which is sealed with the crate's own
//! `crypto::sealed::seal_to` to the fuzz keys (derived from a fixed master key) and opened again.
//!
//! Asserts: a failure is always `SealedInvalid`; a sealed plaintext opens, and opens to exactly
//! the JSON it held (and fails when it is not JSON).

use std::sync::LazyLock;

use lookout::crypto::Purpose;
use lookout::crypto::keys::{KeyBytes, KeyRing};
use lookout::crypto::sealed::{self, SealedReportKeys};
use lookout::domain::ErrorKind;
use lookout::services::reports::open_sealed_with;

use crate::report_checks;

/// The fixed master key the fuzz keys (and the committed sealed seeds) derive from.
pub const MASTER: [u8; 32] = [9u8; 32];

pub fn keys() -> &'static SealedReportKeys {
    static KEYS: LazyLock<SealedReportKeys> = LazyLock::new(|| {
        let Some(master) = KeyBytes::from_slice(&MASTER) else {
            panic!("32 bytes are a key")
        };
        let ring = KeyRing::from_master(&master);
        let Ok(keys) = SealedReportKeys::derive(ring.get(Purpose::HpkeSeed)) else {
            panic!("AWS-LC refused the derived private key")
        };
        keys
    });
    &KEYS
}

pub fn check(data: &[u8]) {
    if let Some(plain) = data.strip_prefix(b"P") {
        let Ok((enc, ct)) = sealed::seal_to(&keys().public_key_b64(), plain) else {
            panic!("sealing to our own public key failed")
        };
        let expected = serde_json::from_slice::<serde_json::Value>(plain);
        match (open_sealed_with(keys(), &enc, &ct), expected) {
            (Ok(got), Ok(want)) => {
                assert_eq!(got, want, "opened to something else");
                report_checks(got);
            }
            (Err(e), Err(_)) => assert_eq!(e.kind(), ErrorKind::SealedInvalid),
            (got, want) => panic!("sealed {plain:?}: opened {got:?}, JSON {want:?}"),
        }
        return;
    }
    let text = String::from_utf8_lossy(data);
    let (enc, ct) = text.split_once('\n').unwrap_or((&text, ""));
    match open_sealed_with(keys(), enc, ct) {
        Ok(value) => report_checks(value),
        Err(e) => assert_eq!(e.kind(), ErrorKind::SealedInvalid),
    }
}
