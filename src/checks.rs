//! Client checks: is this phone number, email, vehicle or handle in a published alert?
//!
//! Identifiers are matched by keyed blind index only, the answer has the same shape whether or
//! not anything matched, and requests are rate-limited in memory. The limiter never holds a
//! client address: it keeps a keyed hash of it (under a key made at start-up and never stored),
//! for at most one minute.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::app::AppState;
use crate::crypto::tokens::keyed_hash;
use crate::crypto::{KeyRing, Purpose};
use crate::db::checks as store;
use crate::identifiers::{self, Kind};
use crate::problem::{ApiError, Code, FieldError};

pub fn identifier_hash(keys: &KeyRing, kind: Kind, normalised: &str) -> String {
    keyed_hash(
        keys.get(Purpose::BlindIndex),
        &format!("identifier:{}", kind.as_str()),
        normalised.as_bytes(),
    )
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckInput {
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub vehicle: Option<String>,
    #[serde(default)]
    pub handle: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Match {
    pub alert_id: String,
    pub category: String,
    pub region: String,
    pub published_on: String,
}

#[derive(Debug, Serialize)]
pub struct CheckResult {
    pub matches: Vec<Match>,
}

pub async fn check(state: &AppState, input: CheckInput) -> Result<CheckResult, ApiError> {
    let given: Vec<(Kind, &str, &String)> = [
        (Kind::Phone, "phone", &input.phone),
        (Kind::Email, "email", &input.email),
        (Kind::Vehicle, "vehicle", &input.vehicle),
        (Kind::Handle, "handle", &input.handle),
    ]
    .into_iter()
    .filter_map(|(k, f, v)| v.as_ref().map(|v| (k, f, v)))
    .collect();
    let [(kind, field, raw)] = given.as_slice() else {
        return Err(ApiError::validation(vec![FieldError::new(
            "body",
            "give exactly one of phone, email, vehicle or handle",
        )]));
    };
    let normalised = identifiers::normalise(*kind, raw)
        .map_err(|e| ApiError::validation(vec![FieldError::new(*field, e.to_string())]))?;
    let hash = identifier_hash(&state.keys, *kind, &normalised);
    let rows = state
        .db
        .run(move |conn| store::matching(conn, &hash).map_err(ApiError::from))
        .await?;
    let mut seen = std::collections::HashSet::new();
    let matches = rows
        .into_iter()
        .filter(|r| seen.insert(r.alert_id.clone()))
        .map(|r| Match {
            alert_id: r.alert_id,
            category: r.category,
            region: r.region,
            published_on: r.published_on,
        })
        .collect();
    Ok(CheckResult { matches })
}

/// Fixed one-minute windows: a cap per client (by keyed hash of its address) and a global cap.
pub struct RateLimiter {
    per_client: u32,
    global: u32,
    secret: [u8; 32],
    state: Mutex<Window>,
}

struct Window {
    started: Instant,
    total: u32,
    clients: HashMap<u64, u32>,
}

const WINDOW: Duration = Duration::from_secs(60);

impl RateLimiter {
    pub fn new(per_client: u32, global: u32) -> Self {
        let mut secret = [0u8; 32];
        // Without randomness the key is fixed; hashes then still hide the address from anyone
        // without this binary's memory, and the window still empties every minute.
        let _ = getrandom::fill(&mut secret);
        Self {
            per_client,
            global,
            secret,
            state: Mutex::new(Window {
                started: Instant::now(),
                total: 0,
                clients: HashMap::new(),
            }),
        }
    }

    fn client_key(&self, addr: IpAddr) -> u64 {
        use sha2::{Digest, Sha256};
        let digest = Sha256::new()
            .chain_update(self.secret)
            .chain_update(addr.to_string().as_bytes())
            .finalize();
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        u64::from_le_bytes(first)
    }

    /// Counts one request; false when over a limit.
    pub fn allow(&self, client: Option<IpAddr>) -> bool {
        let key = client.map(|a| self.client_key(a));
        let Ok(mut w) = self.state.lock() else {
            return false;
        };
        if w.started.elapsed() >= WINDOW {
            w.started = Instant::now();
            w.total = 0;
            w.clients.clear();
        }
        if w.total >= self.global {
            return false;
        }
        if let Some(key) = key {
            let n = w.clients.entry(key).or_insert(0);
            if *n >= self.per_client {
                return false;
            }
            *n += 1;
        }
        w.total += 1;
        true
    }
}

pub fn rate_limited() -> ApiError {
    ApiError::new(Code::RateLimited)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_client_and_globally() {
        let l = RateLimiter::new(2, 3);
        let a: IpAddr = [10, 0, 0, 1].into();
        let b: IpAddr = [10, 0, 0, 2].into();
        assert!(l.allow(Some(a)));
        assert!(l.allow(Some(a)));
        assert!(!l.allow(Some(a)), "per client");
        assert!(l.allow(Some(b)));
        assert!(!l.allow(Some(b)), "global");
    }
}
