//! The receiving half of RFC 9180 HPKE for the one suite sealed reports use: base mode,
//! DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305, the first (and only) message of a
//! context. Sealing, and deriving the key pair, stay with the `hpke` crate (`sealed.rs`).
//!
//! Why our own: opening is the one public-key operation every sealed report costs the service,
//! and the `hpke` crate spends two X25519 multiplications on it where one is needed. It derives
//! the recipient's public key from the private key again on every open (for the KEM context),
//! and it runs both on curve25519-dalek's Montgomery ladder. Here the public key is kept from
//! start-up, and the one multiplication is AWS-LC's X25519 (`aws-lc-rs`; on x86-64 and aarch64
//! s2n-bignum's formally verified constant-time code), under half the cost of dalek's
//! (docs/performance.md). Checked against RFC 9180's test vector (A.2.1), against the `hpke`
//! crate on random keys and messages, tampered or not, and against dalek's ladder on random
//! points of the curve and of its twist.

use aws_lc_rs::agreement::{self, PrivateKey, UnparsedPublicKey, X25519};
use hkdf::{Hkdf, HkdfExtract};
use sha2::Sha256;
use zeroize::Zeroizing;

/// `"KEM" || I2OSP(kem_id, 2)`, kem_id 0x0020 (RFC 9180 §4.1).
const KEM_SUITE: &[u8] = b"KEM\x00\x20";
/// `"HPKE" || kem_id || kdf_id || aead_id`: 0x0020, 0x0001, 0x0003 (§5.1).
const HPKE_SUITE: &[u8] = b"HPKE\x00\x20\x00\x01\x00\x03";
const VERSION_LABEL: &[u8] = b"HPKE-v1";
/// `mode_base` (§5.1).
const MODE_BASE: u8 = 0x00;

/// Any failure to open: which step failed is nobody's business.
#[derive(Debug, PartialEq, Eq)]
pub struct OpenFailed;

/// AWS-LC refused the private key (it takes any 32 bytes, so this means a broken build).
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("the X25519 private key for sealed reports was refused")]
pub struct KeyRefused;

/// The recipient's side, ready to open: the private key (AWS-LC's copy, which it wipes when
/// freed), its public key, and the key-schedule context, which depends only on the `info`
/// string (no PSK in base mode).
pub struct Recipient {
    secret: PrivateKey,
    public: [u8; 32],
    schedule_context: [u8; 65],
}

impl Recipient {
    /// `secret` and `public` must be a pair (the tests check ours).
    pub fn new(secret: &[u8; 32], public: [u8; 32], info: &[u8]) -> Result<Self, KeyRefused> {
        // Parsed once: AWS-LC computes the public key again whenever it takes a private one.
        let secret = PrivateKey::from_private_key(&X25519, secret).map_err(|_| KeyRefused)?;
        let (psk_id_hash, _) = labeled_extract(HPKE_SUITE, b"", b"psk_id_hash", &[]);
        let (info_hash, _) = labeled_extract(HPKE_SUITE, b"", b"info_hash", info);
        let mut schedule_context = [0u8; 65];
        schedule_context[0] = MODE_BASE;
        schedule_context[1..33].copy_from_slice(&psk_id_hash[..]);
        schedule_context[33..].copy_from_slice(&info_hash[..]);
        Ok(Self {
            secret,
            public,
            schedule_context,
        })
    }

    /// The public key, as derived with the private key.
    pub fn public(&self) -> &[u8; 32] {
        &self.public
    }

    /// Opens the first message sealed to this recipient under `enc`.
    pub fn open(
        &self,
        enc: &[u8; 32],
        ciphertext: &[u8],
        aad: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, OpenFailed> {
        // DHKEM Decap (§4.1).
        let dh = self.dh(enc)?;
        let (_, eae_prk) = labeled_extract(KEM_SUITE, b"", b"eae_prk", &dh[..]);
        let mut shared_secret = Zeroizing::new([0u8; 32]);
        labeled_expand(
            &eae_prk,
            KEM_SUITE,
            b"shared_secret",
            &[enc, &self.public],
            &mut shared_secret[..],
        )?;
        // KeySchedule (§5.1), base mode: the PSK is empty.
        let (_, secret) = labeled_extract(HPKE_SUITE, &shared_secret[..], b"secret", &[]);
        let mut key = Zeroizing::new([0u8; 32]);
        let mut base_nonce = [0u8; 12];
        let context = [&self.schedule_context[..]];
        labeled_expand(&secret, HPKE_SUITE, b"key", &context, &mut key[..])?;
        labeled_expand(
            &secret,
            HPKE_SUITE,
            b"base_nonce",
            &context,
            &mut base_nonce,
        )?;
        // The first message: sequence number 0, so the nonce is the base nonce itself (§5.2).
        super::aead::open(&key, &base_nonce, aad, ciphertext).map_err(|_| OpenFailed)
    }

    /// X25519 (RFC 7748) of the private key and any 32 bytes `u` (the top bit ignored, values
    /// past the field's prime reduced). An all-zero result means `u` was a point of small order:
    /// RFC 9180 requires refusing it (§7.1.4), and AWS-LC refuses it itself; the check here says
    /// so in our own code too. Whether `u` is refused is a fact about `u` alone.
    fn dh(&self, u: &[u8; 32]) -> Result<Zeroizing<[u8; 32]>, OpenFailed> {
        let mut out = Zeroizing::new([0u8; 32]);
        agreement::agree(
            &self.secret,
            UnparsedPublicKey::new(&X25519, u),
            OpenFailed,
            |shared| {
                if shared.len() != out.len() {
                    return Err(OpenFailed);
                }
                out.copy_from_slice(shared);
                Ok(())
            },
        )?;
        if out.iter().all(|&b| b == 0) {
            return Err(OpenFailed);
        }
        Ok(out)
    }
}

/// `LabeledExtract` (§4): HKDF-Extract(salt, "HPKE-v1" || suite || label || ikm). Returns the
/// pseudorandom key and HKDF ready to expand from it.
fn labeled_extract(
    suite: &[u8],
    salt: &[u8],
    label: &[u8],
    ikm: &[u8],
) -> (Zeroizing<[u8; 32]>, Hkdf<Sha256>) {
    let mut extract = HkdfExtract::<Sha256>::new(Some(salt));
    for part in [VERSION_LABEL, suite, label, ikm] {
        extract.input_ikm(part);
    }
    let (prk, hkdf) = extract.finalize();
    let mut bytes = Zeroizing::new([0u8; 32]);
    bytes.copy_from_slice(&prk);
    (bytes, hkdf)
}

/// `LabeledExpand` (§4): HKDF-Expand(prk, I2OSP(L, 2) || "HPKE-v1" || suite || label || info, L),
/// `info` given in parts.
fn labeled_expand(
    prk: &Hkdf<Sha256>,
    suite: &[u8],
    label: &[u8],
    info: &[&[u8]],
    out: &mut [u8],
) -> Result<(), OpenFailed> {
    let length = u16::try_from(out.len())
        .map_err(|_| OpenFailed)?
        .to_be_bytes();
    let mut parts: Vec<&[u8]> = vec![&length, VERSION_LABEL, suite, label];
    parts.extend_from_slice(info);
    prk.expand_multi_info(&parts, out).map_err(|_| OpenFailed)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use curve25519_dalek::montgomery::MontgomeryPoint;
    use proptest::prelude::*;

    use crate::crypto::hex as hex_vec;

    fn hex<const N: usize>(s: &str) -> [u8; N] {
        hex_vec(s).try_into().unwrap()
    }

    /// RFC 9180, appendix A.2.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305,
    /// base mode, the message of sequence number 0.
    #[test]
    fn opens_the_rfc_9180_test_vector() {
        let sk_r = hex::<32>("8057991eef8f1f1af18f4a9491d16a1ce333f695d4db8e38da75975c4478e0fb");
        let pk_r = hex::<32>("4310ee97d88cc1f088a5576c77ab0cf5c3ac797f3d95139c6c84b5429c59662a");
        let enc = hex::<32>("1afa08d3dec047a643885163f1180476fa7ddb54c6a8029ea33f95796bf2ac4a");
        let info = hex_vec("4f6465206f6e2061204772656369616e2055726e");
        let aad = hex_vec("436f756e742d30");
        let ct = hex_vec(
            "1c5250d8034ec2b784ba2cfd69dbdb8af406cfe3ff938e131f0def8c8b60b4db21993c62ce81883d2dd1b51a28",
        );
        let pt = hex_vec("4265617574792069732074727574682c20747275746820626561757479");
        let recipient = Recipient::new(&sk_r, pk_r, &info).unwrap();
        assert_eq!(
            recipient.schedule_context.to_vec(),
            hex_vec(
                "00431df6cd95e11ff49d7013563baf7f11588c75a6611ee2a4404a49306ae4cfc5b69c5718a60cc5876c358d3f7fc31ddb598503f67be58ea1e798c0bb19eb9796"
            )
        );
        assert_eq!(*recipient.open(&enc, &ct, &aad).unwrap(), pt);
        // Another AAD, a bit flipped in any byte of the ciphertext, a changed `enc`: refused alike.
        assert_eq!(recipient.open(&enc, &ct, b"Count-1"), Err(OpenFailed));
        for i in 0..ct.len() {
            let mut bad = ct.clone();
            bad[i] ^= 0x40;
            assert_eq!(recipient.open(&enc, &bad, &aad), Err(OpenFailed));
        }
        let mut bad_enc = enc;
        bad_enc[3] ^= 1;
        assert_eq!(recipient.open(&bad_enc, &ct, &aad), Err(OpenFailed));
    }

    /// A recipient for `secret` (the public key only feeds the KEM context, unused here).
    fn recipient(secret: [u8; 32]) -> Recipient {
        Recipient::new(&secret, [0u8; 32], b"").unwrap()
    }

    /// What dalek's Montgomery ladder makes of `u`, with RFC 9180's refusal of an all-zero
    /// result applied.
    fn ladder(secret: [u8; 32], u: [u8; 32]) -> Option<[u8; 32]> {
        let out = MontgomeryPoint(u).mul_clamped(secret).to_bytes();
        (out != [0u8; 32]).then_some(out)
    }

    fn dh(recipient: &Recipient, u: [u8; 32]) -> Option<[u8; 32]> {
        recipient.dh(&u).ok().map(|out| *out)
    }

    /// 2^255 - 19 + `k`, little-endian (k < 19 + 256).
    fn p_plus(k: u16) -> [u8; 32] {
        let mut u = hex::<32>("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        let mut carry = k;
        for byte in u.iter_mut() {
            let sum = u16::from(*byte) + carry;
            *byte = (sum & 0xff) as u8;
            carry = sum >> 8;
        }
        u
    }

    #[test]
    fn small_order_points_are_refused() {
        let recipient = recipient([7u8; 32]);
        // RFC 7748's points to reject: u = 0, 1, a point of order 8, and p - 1, p, p + 1 (which
        // are -1, 0 and 1 again).
        let order_8 = hex::<32>("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");
        let mut p_minus_1 = p_plus(0);
        p_minus_1[0] -= 1;
        for u in [
            [0u8; 32],
            hex::<32>(&format!("01{}", "00".repeat(31))),
            order_8,
            p_minus_1,
            p_plus(0),
            p_plus(1),
        ] {
            assert_eq!(ladder([7u8; 32], u), None, "the ladder gives zero too");
            assert_eq!(recipient.dh(&u), Err(OpenFailed));
            assert_eq!(recipient.open(&u, &[0u8; 32], b""), Err(OpenFailed));
        }
    }

    /// Encodings past the prime, and with the top bit set, are reduced as RFC 7748 says.
    #[test]
    fn edge_coordinates_match_the_ladder() {
        let secret = [0x5au8; 32];
        let recipient = recipient(secret);
        let mut top_bit = hex::<32>(&format!("09{}", "00".repeat(31)));
        top_bit[31] |= 0x80;
        for u in [p_plus(2), p_plus(9), p_plus(18), [0xffu8; 32], top_bit] {
            let expected = ladder(secret, u);
            assert!(expected.is_some(), "{u:02x?} is not of small order");
            assert_eq!(dh(&recipient, u), expected, "{u:02x?}");
        }
    }

    proptest! {
        /// Random bytes are on the curve about half the time and on its twist otherwise, with
        /// the top bit (which X25519 ignores) set or not: every one agrees with dalek's ladder.
        #[test]
        fn x25519_agrees_with_the_ladder(secret in any::<[u8; 32]>(), u in any::<[u8; 32]>()) {
            prop_assert_eq!(dh(&recipient(secret), u), ladder(secret, u));
        }
    }
}
