//! Request limits in memory: token buckets per client and one for everyone, for one group of
//! routes. The limiter never holds a client address: it keeps a keyed hash of it (under a key
//! made at start-up and never stored), and forgets it once its bucket is full again (at most a
//! minute after its last request).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a client must wait before its next request in this group can be admitted: the
/// `Retry-After` of the 429, in whole seconds (at least 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter(pub u64);

/// A bucket of `capacity` tokens refilled at `capacity` per minute: a client may send a burst of
/// up to a minute's allowance, then one request per `60 / capacity` seconds.
#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl Bucket {
    fn full(capacity: f64, now: Instant) -> Self {
        Self {
            tokens: capacity,
            updated: now,
        }
    }

    fn refill(&mut self, capacity: f64, now: Instant) {
        let elapsed = now.saturating_duration_since(self.updated).as_secs_f64();
        self.tokens = (self.tokens + elapsed * capacity / 60.0).min(capacity);
        self.updated = now;
    }

    /// Time until one token is there (zero if one is).
    fn wait(&self, capacity: f64) -> Duration {
        if self.tokens >= 1.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64((1.0 - self.tokens) * 60.0 / capacity)
        }
    }
}

/// Token buckets for one group of routes: one per client (by keyed hash of its address) and one
/// for everyone. A request refused by its client's bucket takes nothing from the shared one, so
/// one source flooding uses up only its own allowance of the global one.
pub struct RateLimiter {
    per_client: f64,
    global: f64,
    secret: [u8; 32],
    state: Mutex<State>,
}

struct State {
    global: Bucket,
    clients: HashMap<u64, Bucket>,
    swept: Instant,
}

/// How often full buckets are dropped. A bucket refills completely within a minute, and a full
/// bucket is the same as none, so no client's hash is kept much longer than a minute after its
/// last request.
const SWEEP_EVERY: Duration = Duration::from_secs(60);

impl RateLimiter {
    /// `per_client` and `global` are requests per minute (each at least 1).
    pub fn new(per_client: u32, global: u32) -> Self {
        let mut secret = [0u8; 32];
        // Without randomness the key is fixed; hashes then still hide the address from anyone
        // without this binary's memory, and buckets are still dropped within a minute or two.
        let _ = getrandom::fill(&mut secret);
        let now = Instant::now();
        let global = f64::from(global.max(1));
        Self {
            per_client: f64::from(per_client.max(1)),
            global,
            secret,
            state: Mutex::new(State {
                global: Bucket::full(global, now),
                clients: HashMap::new(),
                swept: now,
            }),
        }
    }

    fn client_key(&self, addr: IpAddr) -> u64 {
        use sha2::{Digest, Sha256};
        // An IPv6 client controls at least a /64: counting its addresses one by one would give
        // it 2^64 buckets. IPv4-mapped addresses count as the IPv4 address they are.
        let canonical = match addr {
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => IpAddr::V4(v4),
                None => {
                    let mut octets = v6.octets();
                    octets[8..].fill(0);
                    IpAddr::from(octets)
                }
            },
            v4 => v4,
        };
        let digest = Sha256::new()
            .chain_update(self.secret)
            .chain_update(canonical.to_string().as_bytes())
            .finalize();
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        u64::from_le_bytes(first)
    }

    /// Counts one request, or says how long to wait; skips the global bucket when `past_global`
    /// (a proof of work paid for it). The client's own bucket always counts.
    pub fn allow_past_global(
        &self,
        client: Option<IpAddr>,
        past_global: bool,
    ) -> Result<(), RetryAfter> {
        self.allow_at(client, Instant::now(), past_global)
    }

    fn allow_at(
        &self,
        client: Option<IpAddr>,
        now: Instant,
        past_global: bool,
    ) -> Result<(), RetryAfter> {
        let key = client.map(|a| self.client_key(a));
        let Ok(mut state) = self.state.lock() else {
            return Err(RetryAfter(1));
        };
        let state = &mut *state;
        if now.saturating_duration_since(state.swept) >= SWEEP_EVERY {
            let capacity = self.per_client;
            state.clients.retain(|_, b| {
                b.refill(capacity, now);
                b.tokens < capacity
            });
            state.swept = now;
        }
        let mut wait = Duration::ZERO;
        let client = match key {
            Some(key) => {
                let bucket = state
                    .clients
                    .entry(key)
                    .or_insert_with(|| Bucket::full(self.per_client, now));
                bucket.refill(self.per_client, now);
                wait = bucket.wait(self.per_client);
                Some(bucket)
            }
            None => None,
        };
        if !wait.is_zero() {
            return Err(retry_after(wait));
        }
        state.global.refill(self.global, now);
        let global_wait = state.global.wait(self.global);
        if !past_global {
            if !global_wait.is_zero() {
                return Err(retry_after(global_wait));
            }
            state.global.tokens -= 1.0;
        }
        if let Some(bucket) = client {
            bucket.tokens -= 1.0;
        }
        Ok(())
    }

    /// Client hashes currently held (for tests: the map does not grow without bound).
    #[cfg(test)]
    fn held(&self) -> usize {
        self.state.lock().map(|s| s.clients.len()).unwrap_or(0)
    }
}

fn retry_after(wait: Duration) -> RetryAfter {
    RetryAfter(wait.as_secs_f64().ceil().max(1.0) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_client_and_globally() {
        let l = RateLimiter::new(2, 3);
        let now = Instant::now();
        let a: IpAddr = [10, 0, 0, 1].into();
        let b: IpAddr = [10, 0, 0, 2].into();
        assert_eq!(l.allow_at(Some(a), now, false), Ok(()));
        assert_eq!(l.allow_at(Some(a), now, false), Ok(()));
        // Two a minute: the next token comes after 30 s.
        assert_eq!(
            l.allow_at(Some(a), now, false),
            Err(RetryAfter(30)),
            "per client"
        );
        assert_eq!(l.allow_at(Some(b), now, false), Ok(()));
        // Three a minute for everyone: the next after 20 s.
        assert_eq!(
            l.allow_at(Some(b), now, false),
            Err(RetryAfter(20)),
            "global"
        );
    }

    #[test]
    fn a_refused_request_takes_nothing_from_the_global_bucket() {
        let l = RateLimiter::new(1, 3);
        let now = Instant::now();
        let flooder: IpAddr = [10, 0, 0, 9].into();
        assert!(l.allow_at(Some(flooder), now, false).is_ok());
        for _ in 0..1000 {
            assert!(l.allow_at(Some(flooder), now, false).is_err());
        }
        for n in 1..=2u8 {
            assert!(l.allow_at(Some([10, 0, 1, n].into()), now, false).is_ok());
        }
    }

    #[test]
    fn buckets_refill_over_time_and_are_forgotten_when_full() {
        let l = RateLimiter::new(60, 1000);
        let start = Instant::now();
        let a: IpAddr = [10, 0, 0, 1].into();
        for _ in 0..60 {
            assert!(l.allow_at(Some(a), start, false).is_ok());
        }
        assert_eq!(l.allow_at(Some(a), start, false), Err(RetryAfter(1)));
        assert!(
            l.allow_at(Some(a), start + Duration::from_secs(1), false)
                .is_ok()
        );
        assert_eq!(l.held(), 1);
        // A minute later the bucket is full again, and the next sweep drops it.
        l.allow_at(None, start + Duration::from_secs(62), false)
            .unwrap();
        assert_eq!(l.held(), 0);
    }

    #[test]
    fn an_ipv6_client_is_one_client_across_its_64() {
        let l = RateLimiter::new(1, 100);
        let now = Instant::now();
        let one: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let other: IpAddr = "2001:db8:1:2:ffff::7".parse().unwrap();
        let elsewhere: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert!(l.allow_at(Some(one), now, false).is_ok());
        assert!(l.allow_at(Some(other), now, false).is_err());
        assert!(l.allow_at(Some(elsewhere), now, false).is_ok());
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap();
        let v4: IpAddr = [192, 0, 2, 1].into();
        assert!(l.allow_at(Some(mapped), now, false).is_ok());
        assert!(l.allow_at(Some(v4), now, false).is_err());
    }
}
