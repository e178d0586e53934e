//! In-memory limits: how many requests a client (and everyone) may make, per group of routes, and
//! the slowing of receipt guesses. Leaves: they import nothing of the crate's, hold no address and
//! store nothing.

pub mod client;
pub mod proof;
pub mod rate;
pub mod throttle;

use std::net::IpAddr;

pub use client::{Cidr, ProxyHeader, TrustedProxies};
pub use proof::{Challenge, ProofOfWork};
pub use rate::{RateLimiter, RetryAfter};
pub use throttle::MissThrottle;

/// Routes limited together. Each group has its own buckets, so a flood of new reports or checks
/// never uses up what a reporter needs to follow up on or withdraw a report, or staff to sign in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// New reports (plain, sealed, previews) and subscriptions: anonymous writes.
    Writes,
    /// Everything done with a receipt: status, messages, consent, withdrawal.
    Receipts,
    /// Staff sign-in (each costs a password hash).
    Logins,
    /// Client checks.
    Checks,
}

/// Requests per minute for one group: from one client, and from everyone together.
#[derive(Debug, Clone, Copy)]
pub struct Quota {
    pub per_client: u32,
    pub global: u32,
}

/// Why a request was not admitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Over a bucket: try again after this long.
    Wait(RetryAfter),
    /// Flooded, and an API client sent no valid proof of work: solve this and send again.
    ProofRequired(Challenge),
}

/// Who is asking, as a face sees it.
pub struct Asker<'a, I> {
    /// The TCP peer.
    pub peer: Option<IpAddr>,
    /// The values of the [`Limits::proxy_header`] lines (read only from a trusted proxy).
    pub forwarded: I,
    /// A `Lookout-Proof` (API) or the form's `proof` field (pages), if any.
    pub proof: Option<&'a str>,
    /// An API client, which must send a proof when flooded; a page without one falls back to the
    /// buckets (a browser without JavaScript cannot solve one).
    pub api: bool,
}

/// Every group's limiter, who the client is, and proof of work when flooded.
pub struct Limits {
    proxies: TrustedProxies,
    writes: RateLimiter,
    receipts: RateLimiter,
    logins: RateLimiter,
    checks: RateLimiter,
    proof: ProofOfWork,
}

impl Limits {
    pub fn new(
        proxies: TrustedProxies,
        writes: Quota,
        receipts: Quota,
        logins: Quota,
        checks: Quota,
        proof: ProofOfWork,
    ) -> Self {
        let limiter = |q: Quota| RateLimiter::new(q.per_client, q.global);
        Self {
            proxies,
            writes: limiter(writes),
            receipts: limiter(receipts),
            logins: limiter(logins),
            checks: limiter(checks),
            proof,
        }
    }

    /// A fresh challenge (`GET /challenge`), whether or not proofs are being asked for.
    pub fn challenge(&self) -> Challenge {
        self.proof.challenge(now())
    }

    /// Whether proofs of work are being asked for now.
    pub fn flooded(&self) -> bool {
        self.proof.flooded()
    }

    /// The header whose values [`Limits::admit`] wants.
    pub fn proxy_header(&self) -> &'static str {
        self.proxies.header().name()
    }

    /// Counts one request of `group`. New reports, subscriptions and checks count towards the
    /// flood meter; while flooded, an API client's must carry a valid proof, and a valid proof
    /// (API or page) lets the request past the global bucket (never past its client's own).
    pub fn admit<'a, I>(&self, group: Group, asker: Asker<'a, I>) -> Result<(), Refusal>
    where
        I: DoubleEndedIterator<Item = &'a str>,
    {
        let client = self.proxies.client(asker.peer, asker.forwarded);
        let guarded = matches!(group, Group::Writes | Group::Checks);
        let mut proven = false;
        if guarded {
            self.proof.count();
            if self.proof.flooded() {
                proven = asker
                    .proof
                    .is_some_and(|p| self.proof.check(p, now()).is_ok());
                if asker.api && !proven {
                    return Err(Refusal::ProofRequired(self.proof.challenge(now())));
                }
            }
        }
        match group {
            Group::Writes => &self.writes,
            Group::Receipts => &self.receipts,
            Group::Logins => &self.logins,
            Group::Checks => &self.checks,
        }
        .allow_past_global(client, proven)
        .map_err(Refusal::Wait)
    }
}

fn now() -> u64 {
    u64::try_from(crate::clock::now_unix()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quota(per_client: u32, global: u32) -> Quota {
        Quota { per_client, global }
    }

    #[test]
    fn a_flood_in_one_group_leaves_the_others_open() {
        let q = quota(2, 100);
        let limits = Limits::new(
            TrustedProxies::none(),
            q,
            q,
            q,
            q,
            ProofOfWork::new([1; 32], 8, 0),
        );
        let ask = || Asker {
            peer: Some(IpAddr::from([192, 0, 2, 1])),
            forwarded: std::iter::empty(),
            proof: None,
            api: true,
        };
        for _ in 0..2 {
            assert!(limits.admit(Group::Writes, ask()).is_ok());
        }
        assert!(limits.admit(Group::Writes, ask()).is_err());
        for group in [Group::Receipts, Group::Logins, Group::Checks] {
            assert!(limits.admit(group, ask()).is_ok());
        }
    }

    #[test]
    fn when_flooded_api_writes_need_a_proof_which_passes_the_global_bucket() {
        let open = quota(100, 100);
        let limits = Limits::new(
            TrustedProxies::none(),
            quota(100, 3),
            open,
            open,
            open,
            ProofOfWork::new([1; 32], 6, 3),
        );
        let ask = |n: u8, proof: Option<&'static str>, api: bool| Asker {
            peer: Some(IpAddr::from([192, 0, 2, n])),
            forwarded: std::iter::empty(),
            proof,
            api,
        };
        for n in 0..3 {
            assert!(limits.admit(Group::Writes, ask(n, None, true)).is_ok());
        }
        // The fourth in a minute: flooded. No proof, no entry, and a challenge to solve.
        let Err(Refusal::ProofRequired(c)) = limits.admit(Group::Writes, ask(9, None, true)) else {
            panic!("no proof asked for");
        };
        // Receipts are never asked.
        assert!(limits.admit(Group::Receipts, ask(9, None, true)).is_ok());
        let proof: &'static str = Box::leak(
            format!(
                "{}:{}",
                c.challenge,
                proof::solve(&c.challenge, c.difficulty)
            )
            .into_boxed_str(),
        );
        // The global bucket is empty; the proof gets past it, once.
        assert!(
            limits
                .admit(Group::Writes, ask(9, Some(proof), true))
                .is_ok()
        );
        assert!(matches!(
            limits.admit(Group::Writes, ask(9, Some(proof), true)),
            Err(Refusal::ProofRequired(_))
        ));
        // A page without a proof falls back to the buckets (the global one is empty: wait).
        assert!(matches!(
            limits.admit(Group::Writes, ask(10, None, false)),
            Err(Refusal::Wait(_))
        ));
    }
}
