//! What every service can reach: the database, the keys, the mailer, the settings and the
//! in-memory limits. Defined here, below the services, so a service depends on this and never on
//! the application that builds it; the faces hand it to the services they call.

use std::sync::Arc;

use tokio::sync::{Notify, Semaphore};

use crate::crypto::receipt::ReceiptHasher;
use crate::crypto::sealed::SealedReportKeys;
use crate::crypto::{KeyRing, Purpose};
use crate::db::Db;
use crate::limits::{MissThrottle, RateLimiter};
use crate::mail::Sender;
use crate::settings::Settings;

pub struct AppState {
    pub settings: Arc<Settings>,
    pub db: Db,
    pub keys: Arc<KeyRing>,
    pub receipts: ReceiptHasher,
    pub sealed: SealedReportKeys,
    pub throttle: MissThrottle,
    /// Bounds concurrent Argon2id hashes (19 MiB each).
    pub hash_permits: Semaphore,
    /// Wakes the delivery worker when something new is queued.
    pub deliveries_wake: Arc<Notify>,
    /// Sends mail that must go out now (police forwards); alerts go through the worker.
    pub mailer: Arc<Sender>,
    /// In-memory limits on client checks.
    pub check_limiter: RateLimiter,
    /// Anonymous writes and hashes: reports, previews, receipts, subscriptions, logins.
    pub anonymous_limiter: RateLimiter,
    /// Staff logins hash on their own permits, so a flood of receipts cannot starve them.
    pub login_permits: Semaphore,
    /// Scrubbing and redaction of whole reports (previews) run on blocking threads, this many
    /// at once, never on the async workers.
    pub text_permits: Semaphore,
}

impl AppState {
    /// Everything derived from the settings and the master key; `cores` sizes the permits.
    pub fn new(
        settings: Settings,
        db: Db,
        keys: Arc<KeyRing>,
        mailer: Arc<Sender>,
        cores: usize,
    ) -> Self {
        AppState {
            mailer,
            check_limiter: RateLimiter::new(
                settings.checks.per_client_per_minute,
                settings.checks.global_per_minute,
            ),
            anonymous_limiter: RateLimiter::new(
                settings.limits.anonymous_per_client_per_minute,
                settings.limits.anonymous_global_per_minute,
            ),
            login_permits: Semaphore::new(cores),
            text_permits: Semaphore::new(cores),
            settings: Arc::new(settings),
            db,
            receipts: ReceiptHasher::new(keys.get(Purpose::ReceiptPepper)),
            sealed: SealedReportKeys::derive(keys.get(Purpose::HpkeSeed)),
            throttle: MissThrottle::default(),
            hash_permits: Semaphore::new(cores * 2),
            deliveries_wake: Arc::new(Notify::new()),
            keys,
        }
    }
}
