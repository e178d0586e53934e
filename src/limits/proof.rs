//! Proof of work for anonymous writes while the service is flooded.
//!
//! A challenge is stateless: `base64url(expiry ‖ difficulty ‖ 16 random bytes) "." base64url(mac)`,
//! the MAC an HMAC-SHA256 under a key derived from the master key (so every instance of one
//! deployment accepts the others' challenges). A solution is a number `n` such that
//! SHA-256(`challenge ":" n`) starts with `difficulty` zero bits; it is sent as
//! `Lookout-Proof: <challenge>:<n>`. Each challenge is accepted once per process (its random part
//! is remembered until it expires) and for a few minutes only.
//!
//! The flood meter counts anonymous writes and checks over the last minute; above
//! `limits.proof_of_work_above_per_minute` the API asks for proofs (428 `proof_required`, with a
//! fresh challenge in the problem) and a proof lets a request past the global bucket, which a
//! distributed flood empties. Below it, nothing is asked and a proof changes nothing.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{KeyInit, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = hmac::Hmac<Sha256>;

/// How long a challenge may be used.
pub const LIFETIME: Duration = Duration::from_secs(300);

/// A challenge as handed to a client.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Challenge {
    pub challenge: String,
    pub difficulty: u8,
    /// Seconds since the Unix epoch after which it is refused.
    pub expires_at: u64,
}

/// Why a proof was not accepted (the client is only told "missing or not valid").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProofError {
    Malformed,
    Forged,
    Expired,
    TooEasy,
    Wrong,
    Used,
}

pub struct ProofOfWork {
    key: [u8; 32],
    difficulty: u8,
    /// Anonymous writes per minute above which proofs are required; 0: never.
    above_per_minute: u32,
    used: Mutex<HashMap<[u8; 16], u64>>,
    meter: Mutex<Meter>,
}

/// Requests in each of the last 60 seconds.
struct Meter {
    started: Instant,
    slots: [u32; 60],
    /// The second (since `started`) each slot counts.
    seconds: [u64; 60],
}

impl Meter {
    fn new(now: Instant) -> Self {
        Self {
            started: now,
            slots: [0; 60],
            seconds: [u64::MAX; 60],
        }
    }

    fn count(&mut self, now: Instant) {
        let second = now.saturating_duration_since(self.started).as_secs();
        let i = (second % 60) as usize;
        if self.seconds[i] != second {
            self.seconds[i] = second;
            self.slots[i] = 0;
        }
        self.slots[i] = self.slots[i].saturating_add(1);
    }

    fn last_minute(&self, now: Instant) -> u64 {
        let second = now.saturating_duration_since(self.started).as_secs();
        (0..60)
            .filter(|&i| self.seconds[i] != u64::MAX && second.saturating_sub(self.seconds[i]) < 60)
            .map(|i| u64::from(self.slots[i]))
            .sum()
    }
}

impl ProofOfWork {
    pub fn new(key: [u8; 32], difficulty: u8, above_per_minute: u32) -> Self {
        Self {
            key,
            difficulty: difficulty.min(32),
            above_per_minute,
            used: Mutex::new(HashMap::new()),
            meter: Mutex::new(Meter::new(Instant::now())),
        }
    }

    /// Counts one anonymous write or check towards the flood meter.
    pub fn count(&self) {
        if self.above_per_minute == 0 {
            return;
        }
        if let Ok(mut m) = self.meter.lock() {
            m.count(Instant::now());
        }
    }

    /// Whether proofs are asked for now.
    pub fn flooded(&self) -> bool {
        self.above_per_minute != 0
            && self
                .meter
                .lock()
                .is_ok_and(|m| m.last_minute(Instant::now()) > u64::from(self.above_per_minute))
    }

    /// The MAC over a challenge's payload. (HMAC takes a key of any length, so this never fails;
    /// if it did, every challenge would be refused as forged.)
    fn keyed(&self, payload: &[u8]) -> Result<HmacSha256, ProofError> {
        let mut mac =
            <HmacSha256 as KeyInit>::new_from_slice(&self.key).map_err(|_| ProofError::Forged)?;
        mac.update(b"lookout proof of work v1");
        mac.update(payload);
        Ok(mac)
    }

    /// A new challenge, valid for [`LIFETIME`] from `now` (seconds since the epoch).
    pub fn challenge(&self, now: u64) -> Challenge {
        let expires_at = now + LIFETIME.as_secs();
        let mut payload = [0u8; 25];
        payload[..8].copy_from_slice(&expires_at.to_be_bytes());
        payload[8] = self.difficulty;
        // Without randomness challenges would repeat within a second; each is still accepted
        // only once.
        let _ = getrandom::fill(&mut payload[9..]);
        let mac: [u8; 32] = self
            .keyed(&payload)
            .map(|m| m.finalize().into_bytes().into())
            .unwrap_or_default();
        Challenge {
            challenge: format!(
                "{}.{}",
                URL_SAFE_NO_PAD.encode(payload),
                URL_SAFE_NO_PAD.encode(mac)
            ),
            difficulty: self.difficulty,
            expires_at,
        }
    }

    /// Checks `challenge:n` at `now` and, if it holds, remembers it so it is not accepted again.
    pub fn check(&self, proof: &str, now: u64) -> Result<(), ProofError> {
        let (challenge, n) = proof.trim().rsplit_once(':').ok_or(ProofError::Malformed)?;
        let n: u64 = n.parse().map_err(|_| ProofError::Malformed)?;
        let (payload, mac) = challenge.split_once('.').ok_or(ProofError::Malformed)?;
        let payload = URL_SAFE_NO_PAD
            .decode(payload)
            .map_err(|_| ProofError::Malformed)?;
        let mac = URL_SAFE_NO_PAD
            .decode(mac)
            .map_err(|_| ProofError::Malformed)?;
        if payload.len() != 25 || mac.len() != 32 {
            return Err(ProofError::Malformed);
        }
        self.keyed(&payload)?
            .verify_slice(&mac)
            .map_err(|_| ProofError::Forged)?;
        let mut expiry = [0u8; 8];
        expiry.copy_from_slice(&payload[..8]);
        let expires_at = u64::from_be_bytes(expiry);
        if now > expires_at {
            return Err(ProofError::Expired);
        }
        // A challenge made before the difficulty was raised is not good enough after.
        if payload[8] < self.difficulty {
            return Err(ProofError::TooEasy);
        }
        if leading_zero_bits(challenge, n) < u32::from(payload[8]) {
            return Err(ProofError::Wrong);
        }
        let mut id = [0u8; 16];
        id.copy_from_slice(&payload[9..]);
        let mut used = self.used.lock().map_err(|_| ProofError::Used)?;
        used.retain(|_, expires| *expires >= now);
        if used.insert(id, expires_at).is_some() {
            return Err(ProofError::Used);
        }
        Ok(())
    }
}

fn leading_zero_bits(challenge: &str, n: u64) -> u32 {
    let digest = Sha256::new()
        .chain_update(challenge.as_bytes())
        .chain_update(b":")
        .chain_update(n.to_string().as_bytes())
        .finalize();
    let mut bits = 0;
    for byte in digest {
        if byte == 0 {
            bits += 8;
        } else {
            bits += byte.leading_zeros();
            break;
        }
    }
    bits
}

/// The smallest `n` that solves `challenge` at `difficulty` (what a client does; for tests and
/// the reference in docs/api.md).
pub fn solve(challenge: &str, difficulty: u8) -> u64 {
    (0..)
        .find(|&n| leading_zero_bits(challenge, n) >= u32::from(difficulty))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pow(difficulty: u8) -> ProofOfWork {
        ProofOfWork::new([7; 32], difficulty, 10)
    }

    #[test]
    fn a_solved_challenge_is_accepted_once() {
        let p = pow(8);
        let c = p.challenge(1_000);
        let n = solve(&c.challenge, c.difficulty);
        let proof = format!("{}:{n}", c.challenge);
        assert_eq!(p.check(&proof, 1_001), Ok(()));
        assert_eq!(p.check(&proof, 1_002), Err(ProofError::Used));
    }

    #[test]
    fn wrong_expired_forged_and_easy_proofs_are_refused() {
        let p = pow(8);
        let c = p.challenge(1_000);
        let n = solve(&c.challenge, 8);
        // A number that does not solve it (the solution is the smallest that does).
        let wrong = (0..n)
            .find(|&m| leading_zero_bits(&c.challenge, m) < 8)
            .unwrap_or(n + 1);
        assert_eq!(
            p.check(&format!("{}:{wrong}", c.challenge), 1_001),
            Err(ProofError::Wrong)
        );
        assert_eq!(
            p.check(&format!("{}:{n}", c.challenge), 1_000 + 301),
            Err(ProofError::Expired)
        );
        // Another deployment's challenge (another key) does not verify.
        let other = ProofOfWork::new([8; 32], 8, 10).challenge(1_000);
        let m = solve(&other.challenge, 8);
        assert_eq!(
            p.check(&format!("{}:{m}", other.challenge), 1_001),
            Err(ProofError::Forged)
        );
        // A challenge made at a lower difficulty is refused once it is raised.
        let easy = pow(4).challenge(1_000);
        let harder = pow(8);
        let e = solve(&easy.challenge, 4);
        assert_eq!(
            harder.check(&format!("{}:{e}", easy.challenge), 1_001),
            Err(ProofError::TooEasy)
        );
        for junk in ["", "abc", "a.b:1", "a.b:x", &format!("{}:-1", c.challenge)] {
            assert_eq!(p.check(junk, 1_001), Err(ProofError::Malformed), "{junk}");
        }
    }

    #[test]
    fn the_meter_counts_the_last_minute_only() {
        let start = Instant::now();
        let mut m = Meter::new(start);
        for s in 0..30 {
            m.count(start + Duration::from_secs(s));
            m.count(start + Duration::from_secs(s));
        }
        assert_eq!(m.last_minute(start + Duration::from_secs(30)), 60);
        assert_eq!(m.last_minute(start + Duration::from_secs(75)), 28);
        assert_eq!(m.last_minute(start + Duration::from_secs(200)), 0);
        let p = ProofOfWork::new([1; 32], 8, 0);
        for _ in 0..1000 {
            p.count();
        }
        assert!(!p.flooded(), "0 turns it off");
        let p = ProofOfWork::new([1; 32], 8, 3);
        for _ in 0..3 {
            p.count();
        }
        assert!(!p.flooded());
        p.count();
        assert!(p.flooded());
    }
}
