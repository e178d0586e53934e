//! In-memory limits: how many requests a client (and everyone) may make, per group of routes, and
//! the slowing of receipt guesses. Leaves: they import nothing of the crate's, hold no address and
//! store nothing.

pub mod client;
pub mod rate;
pub mod throttle;

use std::net::IpAddr;

pub use client::{Cidr, ProxyHeader, TrustedProxies};
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

/// Every group's limiter, and who the client is.
pub struct Limits {
    proxies: TrustedProxies,
    writes: RateLimiter,
    receipts: RateLimiter,
    logins: RateLimiter,
    checks: RateLimiter,
}

impl Limits {
    pub fn new(
        proxies: TrustedProxies,
        writes: Quota,
        receipts: Quota,
        logins: Quota,
        checks: Quota,
    ) -> Self {
        let limiter = |q: Quota| RateLimiter::new(q.per_client, q.global);
        Self {
            proxies,
            writes: limiter(writes),
            receipts: limiter(receipts),
            logins: limiter(logins),
            checks: limiter(checks),
        }
    }

    /// The header whose values [`Limits::admit`] wants.
    pub fn proxy_header(&self) -> &'static str {
        self.proxies.header().name()
    }

    /// Counts one request of `group` from `peer` (the TCP peer; `forwarded` are the values of the
    /// [`Limits::proxy_header`] lines, read only when the peer is a trusted proxy).
    pub fn admit<'a>(
        &self,
        group: Group,
        peer: Option<IpAddr>,
        forwarded: impl DoubleEndedIterator<Item = &'a str>,
    ) -> Result<(), RetryAfter> {
        let client = self.proxies.client(peer, forwarded);
        match group {
            Group::Writes => &self.writes,
            Group::Receipts => &self.receipts,
            Group::Logins => &self.logins,
            Group::Checks => &self.checks,
        }
        .allow(client)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flood_in_one_group_leaves_the_others_open() {
        let q = Quota {
            per_client: 2,
            global: 100,
        };
        let limits = Limits::new(TrustedProxies::none(), q, q, q, q);
        let peer = Some(IpAddr::from([192, 0, 2, 1]));
        for _ in 0..2 {
            assert!(
                limits
                    .admit(Group::Writes, peer, std::iter::empty())
                    .is_ok()
            );
        }
        assert!(
            limits
                .admit(Group::Writes, peer, std::iter::empty())
                .is_err()
        );
        for group in [Group::Receipts, Group::Logins, Group::Checks] {
            assert!(limits.admit(group, peer, std::iter::empty()).is_ok());
        }
    }
}
