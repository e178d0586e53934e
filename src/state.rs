//! What every service can reach: the database, the keys, the mailer, the settings and the
//! in-memory limits. Defined here, below the services, so a service depends on this and never on
//! the application that builds it; the faces hand it to the services they call.

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use tokio::sync::{Notify, Semaphore};

use crate::crypto::hashing::HashPool;
use crate::crypto::receipt::ReceiptHasher;
use crate::crypto::sealed::{KeyRefused, SealedReportKeys};
use crate::crypto::{KeyRing, Purpose};
use crate::db::Db;
use crate::db::tally::Tally;
use crate::domain::statistics::{Published, Quarter};
use crate::limits::{Limits, MissThrottle, ProofOfWork, Quota, TrustedProxies};
use crate::mail::Sender;
use crate::settings::Settings;

/// At most this many Argon2id hashes at once (19 MiB each), however many cores.
const HASH_THREADS: usize = 2;

pub struct AppState {
    pub settings: Arc<Settings>,
    pub db: Db,
    pub keys: Arc<KeyRing>,
    pub receipts: ReceiptHasher,
    pub sealed: SealedReportKeys,
    pub throttle: MissThrottle,
    /// The only place Argon2id runs (staff passwords; receipts of old releases): a few dedicated
    /// threads, so its memory is bounded (`crypto::hashing`).
    pub hashing: HashPool,
    /// Whether receipts stored by an old release may still be looked up (kept current by
    /// `services::reports::refresh_legacy_receipts`; true until the database has been asked).
    pub legacy_receipts: AtomicBool,
    /// Wakes the delivery worker when something new is queued.
    pub deliveries_wake: Arc<Notify>,
    /// Sends mail that must go out now (police forwards); alerts go through the worker.
    pub mailer: Arc<Sender>,
    /// In-memory request limits per group of routes (new reports and subscriptions, receipts,
    /// staff sign-ins, checks), and who the client is behind trusted proxies.
    pub limits: Limits,
    /// Scrubbing and redaction of whole reports (previews) run on blocking threads, this many
    /// at once, never on the async workers.
    pub text_permits: Semaphore,
    /// Client checks counted in memory, written every minute (`services::statistics`).
    pub tally: Tally,
    /// The published statistics, final once computed, kept until the quarter changes.
    pub published: Mutex<Option<(Quarter, Arc<Published>)>>,
}

impl AppState {
    /// Everything derived from the settings and the master key; `cores` sizes the permits.
    pub fn new(
        settings: Settings,
        db: Db,
        keys: Arc<KeyRing>,
        mailer: Arc<Sender>,
        cores: usize,
    ) -> Result<Self, KeyRefused> {
        Ok(AppState {
            mailer,
            limits: limits(&settings, &keys),
            text_permits: Semaphore::new(cores),
            settings: Arc::new(settings),
            db,
            receipts: ReceiptHasher::new(keys.get(Purpose::ReceiptPepper)),
            sealed: SealedReportKeys::derive(keys.get(Purpose::HpkeSeed))?,
            throttle: MissThrottle::default(),
            hashing: HashPool::new(cores.min(HASH_THREADS)),
            legacy_receipts: AtomicBool::new(true),
            deliveries_wake: Arc::new(Notify::new()),
            tally: Tally::default(),
            published: Mutex::new(None),
            keys,
        })
    }
}

fn limits(settings: &Settings, keys: &KeyRing) -> Limits {
    let l = &settings.limits;
    let quota = |per_client, global| Quota { per_client, global };
    Limits::new(
        // Settings::validate has refused anything unreadable before we get here.
        settings
            .server
            .proxies()
            .unwrap_or_else(|_| TrustedProxies::none()),
        quota(
            l.anonymous_per_client_per_minute,
            l.anonymous_global_per_minute,
        ),
        quota(l.receipt_per_client_per_minute, l.receipt_global_per_minute),
        quota(l.login_per_client_per_minute, l.login_global_per_minute),
        quota(
            settings.checks.per_client_per_minute,
            settings.checks.global_per_minute,
        ),
        ProofOfWork::new(
            *keys.get(Purpose::ProofOfWork).key.expose(),
            l.proof_of_work_difficulty,
            l.proof_of_work_above_per_minute,
        ),
    )
}
