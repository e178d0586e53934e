//! Settings: `config/default.toml` (compiled in), then `--config FILE`, then `LOOKOUT__*` variables.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use serde::Deserialize;

use crate::limits::{Cidr, ProxyHeader, TrustedProxies};
use crate::secret::SensitiveString;

/// The documented defaults. Compiling them in keeps `config/default.toml` and the code from drifting.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// The default database URL, which `production` refuses.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/lookout.db";

/// Category codes the API contract fixes; configuration may rename but not drop them.
pub const REQUIRED_CATEGORIES: [&str; 14] = [
    "violence",
    "sexual_assault",
    "robbery",
    "theft",
    "non_payment",
    "fraud",
    "threats_blackmail",
    "stalking_harassment",
    "online_abuse",
    "domestic_abuse",
    "consent_breach",
    "police_misconduct",
    "suspicious_behaviour",
    "other",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    Dev,
    Production,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub profile: Profile,
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub keys: KeySettings,
    pub mail: MailSettings,
    pub checks: CheckSettings,
    pub firewall: FirewallSettings,
    pub staff: StaffSettings,
    pub limits: LimitSettings,
    pub retention: RetentionSettings,
    pub exception_policy: ExceptionPolicySettings,
    pub alerts: AlertSettings,
    pub log: LogSettings,
    pub reference: ReferenceSettings,
}

/// The published limits of confidentiality (`services::exceptions`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExceptionPolicySettings {
    /// Changed whenever the text changes; proposals record the version they were made under.
    pub version: String,
    /// The statement; empty for the built-in one, shown translated in every page language.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Month,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertSettings {
    pub date_precision: DatePrecision,
}

/// Reference data: the regions reports are filed under and the kinds of incident.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceSettings {
    pub regions: Vec<RefEntry>,
    pub categories: Vec<RefEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSettings {
    pub bind: String,
    pub public_url: String,
    /// The onion service's address (`http://<56 letters>.onion`), or empty. When set, every
    /// response carries `Onion-Location`, so Tor Browser offers the onion service.
    pub onion_url: String,
    pub workers: usize,
    /// Reverse proxies (addresses or CIDR ranges) whose `proxy_header` names the client, for the
    /// rate limits only. Empty: the client is always the TCP peer.
    pub trusted_proxies: Vec<String>,
    /// `x-forwarded-for` or `forwarded` (RFC 7239): the one header the trusted proxies write.
    pub proxy_header: String,
}

impl ServerSettings {
    /// The trusted proxies as the limiters use them.
    pub fn proxies(&self) -> Result<TrustedProxies, String> {
        let ranges = self
            .trusted_proxies
            .iter()
            .map(|r| Cidr::parse(r).map_err(|e| format!("server.trusted_proxies: {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        let header = ProxyHeader::parse(&self.proxy_header)
            .map_err(|e| format!("server.proxy_header: {e}"))?;
        Ok(TrustedProxies::new(ranges, header))
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSettings {
    /// May carry a password, so it is redacted in `Debug`.
    pub url: SensitiveString,
    pub pool_size: u32,
    pub connect_timeout_seconds: u64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeySettings {
    pub master_key_file: PathBuf,
    /// Where the audit log's head (entries and last hash) is kept outside the database. Empty:
    /// `audit.head` beside the master key file.
    pub audit_head_file: PathBuf,
}

impl KeySettings {
    pub fn audit_head(&self) -> PathBuf {
        if self.audit_head_file.as_os_str().is_empty() {
            self.master_key_file.with_file_name("audit.head")
        } else {
            self.audit_head_file.clone()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailTransport {
    Outbox,
    Smtp,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailSettings {
    pub transport: MailTransport,
    pub outbox_dir: PathBuf,
    /// May carry SMTP credentials, so it is redacted in `Debug`.
    pub smtp_url: SensitiveString,
    /// PEM file of CA certificates trusted for the SMTP server's certificate, beside the public
    /// web PKI roots (a relay with a certificate from a private CA). Empty: the public roots only.
    pub smtp_ca_file: PathBuf,
    pub from: String,
    pub worker_poll_ms: u64,
    pub senders: usize,
    pub retry_initial_ms: u64,
    pub retry_max_ms: u64,
    pub claim_seconds: i64,
    /// Production refuses plain SMTP to anything but loopback unless this says the relay is on
    /// a private network the operator controls.
    pub allow_plaintext_smtp: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckSettings {
    pub per_client_per_minute: u32,
    pub global_per_minute: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FirewallSettings {
    pub blocked_domains: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffSettings {
    /// A session ends this long after sign-in, however busy.
    pub session_hours: i64,
    /// A session ends after this long without a request.
    pub idle_minutes: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitSettings {
    pub body_bytes: usize,
    /// New reports (plain, sealed, previews) and subscriptions, per client and in all, per minute.
    pub anonymous_per_client_per_minute: u32,
    pub anonymous_global_per_minute: u32,
    /// Requests made with a receipt (status, messages, consent, withdrawal).
    pub receipt_per_client_per_minute: u32,
    pub receipt_global_per_minute: u32,
    /// Staff sign-ins (each costs a password hash).
    pub login_per_client_per_minute: u32,
    pub login_global_per_minute: u32,
    /// New reports, subscriptions and checks per minute (everyone's, refused ones too) above which
    /// API clients must send a proof of work; 0: never.
    pub proof_of_work_above_per_minute: u32,
    /// Leading zero bits a proof's SHA-256 must have (each bit doubles a client's work).
    pub proof_of_work_difficulty: u8,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionSettings {
    pub days: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogSettings {
    pub level: String,
    pub format: LogFormat,
}

/// A region or category: a stable code and the name people see.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct RefEntry {
    pub code: String,
    pub name: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("cannot read settings: {0}")]
    Load(String),
    #[error("invalid settings: {0}")]
    Invalid(String),
}

impl Settings {
    /// Defaults, then the optional file, then the environment.
    pub fn load(file: Option<&Path>) -> Result<Self, SettingsError> {
        Self::load_from(file, Env::prefixed("LOOKOUT__").split("__"))
    }

    fn load_from(file: Option<&Path>, env: Env) -> Result<Self, SettingsError> {
        let mut figment = Figment::from(Toml::string(DEFAULT_TOML));
        if let Some(path) = file {
            if !path.is_file() {
                return Err(SettingsError::Load(format!(
                    "the config file {} does not exist",
                    path.display()
                )));
            }
            figment = figment.merge(Toml::file_exact(path));
        }
        let settings: Settings = figment
            .merge(env)
            .extract()
            .map_err(|e| SettingsError::Load(describe_figment_error(&e)))?;
        settings.validate()?;
        Ok(settings)
    }

    fn validate(&self) -> Result<(), SettingsError> {
        let invalid = |m: String| Err(SettingsError::Invalid(m));
        if self.server.bind.parse::<SocketAddr>().is_err() {
            return invalid(format!(
                "server.bind `{}` is not an address like 127.0.0.1:8080",
                self.server.bind
            ));
        }
        let url = self.server.public_url.trim_end_matches('/');
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return invalid("server.public_url must start with http:// or https://".into());
        }
        if let Some(problem) = onion_url_problem(&self.server.onion_url) {
            return invalid(problem);
        }
        if tracing_subscriber::EnvFilter::try_new(&self.log.level).is_err() {
            return invalid(format!(
                "log.level `{}` is not a valid filter",
                self.log.level
            ));
        }
        if self.database.pool_size == 0 {
            return invalid("database.pool_size must be at least 1".into());
        }
        if self.mail.senders == 0 || self.mail.worker_poll_ms == 0 || self.mail.claim_seconds < 5 {
            return invalid("mail.senders and mail.worker_poll_ms must be at least 1, mail.claim_seconds at least 5".into());
        }
        if self.staff.session_hours < 1 {
            return invalid("staff.session_hours must be at least 1".into());
        }
        if !(1..=self.staff.session_hours * 60).contains(&self.staff.idle_minutes) {
            return invalid(
                "staff.idle_minutes must be at least 1 and at most staff.session_hours in minutes"
                    .into(),
            );
        }
        let l = &self.limits;
        if [
            l.anonymous_per_client_per_minute,
            l.anonymous_global_per_minute,
            l.receipt_per_client_per_minute,
            l.receipt_global_per_minute,
            l.login_per_client_per_minute,
            l.login_global_per_minute,
        ]
        .contains(&0)
        {
            return invalid(
                "limits.anonymous_*, limits.receipt_* and limits.login_* must each be at least 1"
                    .into(),
            );
        }
        if let Err(e) = self.server.proxies() {
            return invalid(e);
        }
        if !(1..=28).contains(&l.proof_of_work_difficulty) {
            return invalid("limits.proof_of_work_difficulty must be 1 to 28".into());
        }
        if self.limits.body_bytes < 1024 {
            return invalid("limits.body_bytes must be at least 1024".into());
        }
        if self.retention.days == 0 {
            return invalid("retention.days must be at least 1".into());
        }
        let version = self.exception_policy.version.trim();
        if version.is_empty() || version.len() > 40 || version.chars().any(char::is_control) {
            return invalid("exception_policy.version must be 1 to 40 characters".into());
        }
        if self.exception_policy.text.len() > 4000 {
            return invalid("exception_policy.text must be at most 4000 bytes".into());
        }
        if self.mail.transport == MailTransport::Smtp && self.mail.smtp_url.expose().is_empty() {
            return invalid("mail.transport is `smtp` but mail.smtp_url is empty".into());
        }
        check_codes("reference.regions", &self.reference.regions, |c| {
            c.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
        })?;
        check_codes("reference.categories", &self.reference.categories, |c| {
            c.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
        })?;
        for required in REQUIRED_CATEGORIES {
            if !self.reference.categories.iter().any(|c| c.code == required) {
                return invalid(format!(
                    "reference.categories must include `{required}` (the API contract fixes it)"
                ));
            }
        }
        Ok(())
    }

    pub fn is_production(&self) -> bool {
        self.profile == Profile::Production
    }

    /// Everything `production` refuses, each with what to do about it. Empty when safe.
    pub fn production_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if !self.is_production() {
            return problems;
        }
        let key = &self.keys.master_key_file;
        if !key.is_file() {
            problems.push(format!(
                "keys.master_key_file: {} does not exist. The production profile never generates a key: \
                 create one with `lookout keys generate --out {}`, back it up offline, and point \
                 keys.master_key_file at it",
                key.display(),
                key.display()
            ));
        }
        if self.database.url.expose().trim() == DEFAULT_DATABASE_URL {
            problems.push(
                "database.url is the default SQLite file (data/lookout.db). Set it to your PostgreSQL \
                 database, e.g. LOOKOUT__DATABASE__URL=postgres://lookout@db.internal/lookout"
                    .into(),
            );
        }
        if self.mail.transport == MailTransport::Outbox {
            problems.push(
                "mail.transport is `outbox`, so alerts would only be written to a folder. Set \
                 mail.transport = \"smtp\" and mail.smtp_url to your relay with TLS \
                 (smtps://host:465 or smtp://host:587?tls=required)"
                    .into(),
            );
        }
        if self.mail.transport == MailTransport::Smtp
            && !self.mail.allow_plaintext_smtp
            && let Some(host) = plaintext_smtp_host(self.mail.smtp_url.expose())
            && !is_loopback(&host)
        {
            problems.push(format!(
                "mail.smtp_url sends to {host} without TLS, so police forwards and alerts would \
                 cross the network in clear. Use smtps://{host}:465 or \
                 smtp://{host}:587?tls=required (or, for a relay on a private network you \
                 control, set mail.allow_plaintext_smtp = true)"
            ));
        }
        if let Ok(url) = url::Url::parse(&self.server.public_url)
            && url.scheme() == "http"
            && !url.host_str().is_some_and(is_loopback)
        {
            problems.push(format!(
                "server.public_url is {}, so the confirm and unsubscribe links in emails would \
                 travel without TLS. Serve Lookout behind HTTPS and set server.public_url to the \
                 https:// address",
                self.server.public_url
            ));
        }
        problems
    }

    pub fn region(&self, code: &str) -> Option<&RefEntry> {
        self.reference.regions.iter().find(|r| r.code == code)
    }

    pub fn category(&self, code: &str) -> Option<&RefEntry> {
        self.reference.categories.iter().find(|c| c.code == code)
    }

    /// The onion service's base address without a trailing slash, when one is configured.
    pub fn onion_base(&self) -> Option<&str> {
        let base = self.server.onion_url.trim().trim_end_matches('/');
        (!base.is_empty()).then_some(base)
    }

    /// The name people see for a region code (the code itself if it is no longer configured).
    pub fn region_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.region(code).map_or(code, |r| &r.name)
    }

    /// The name people see for a category code (the code itself if it is no longer configured).
    pub fn category_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.category(code).map_or(code, |c| &c.name)
    }
}

fn check_codes(
    what: &str,
    entries: &[RefEntry],
    well_formed: impl Fn(&str) -> bool,
) -> Result<(), SettingsError> {
    if entries.is_empty() {
        return Err(SettingsError::Invalid(format!("{what} must not be empty")));
    }
    let mut seen = HashSet::new();
    for entry in entries {
        if entry.code.is_empty() || entry.code.len() > 64 || !well_formed(&entry.code) {
            return Err(SettingsError::Invalid(format!(
                "{what}: `{}` is not a valid code",
                entry.code
            )));
        }
        if entry.name.trim().is_empty() {
            return Err(SettingsError::Invalid(format!(
                "{what}: `{}` has no name",
                entry.code
            )));
        }
        if !seen.insert(entry.code.as_str()) {
            return Err(SettingsError::Invalid(format!(
                "{what}: `{}` appears twice",
                entry.code
            )));
        }
    }
    Ok(())
}

/// figment's messages can quote values; a database URL or SMTP URL may hold a password,
/// so name the key and the kind of problem, never the value.
fn describe_figment_error(error: &figment::Error) -> String {
    use figment::error::Kind;
    let mut out = Vec::new();
    for e in error.clone() {
        let path = e.path.join(".");
        let what = match &e.kind {
            // figment's path already ends with the unknown key.
            Kind::UnknownField(..) => format!("unknown setting `{path}`"),
            Kind::MissingField(field) => format!("missing setting `{field}`"),
            Kind::InvalidType(_, expected) => {
                format!("setting `{path}` has the wrong type (expected {expected})")
            }
            Kind::InvalidValue(_, expected) => {
                format!("setting `{path}` has an invalid value (expected {expected})")
            }
            Kind::UnknownVariant(_, expected) => {
                format!("setting `{path}` must be one of: {}", expected.join(", "))
            }
            Kind::Message(m) if e.path.is_empty() => m.clone(),
            _ => format!("setting `{path}` is invalid"),
        };
        let source = e
            .metadata
            .as_ref()
            .map(|m| format!(" (from {})", m.name))
            .unwrap_or_default();
        out.push(format!("{what}{source}"));
    }
    out.join("; ")
}

/// The host of an `smtp://` URL that does not require TLS; `None` for `smtps://`, for
/// `tls=required`, or for a URL that does not parse (the mailer refuses those itself).
fn plaintext_smtp_host(smtp_url: &str) -> Option<String> {
    let url = url::Url::parse(smtp_url.trim()).ok()?;
    if url.scheme() != "smtp" {
        return None;
    }
    let requires_tls = url
        .query_pairs()
        .any(|(k, v)| k == "tls" && v.eq_ignore_ascii_case("required"));
    if requires_tls {
        return None;
    }
    url.host_str().map(str::to_string)
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Why `server.onion_url` is not a v3 onion service address (`http://` or `https://`, 56
/// base32 letters, `.onion`, nothing after the host), or `None` when it is one or is empty.
fn onion_url_problem(value: &str) -> Option<String> {
    let value = value.trim().trim_end_matches('/');
    if value.is_empty() {
        return None;
    }
    let problem = || {
        Some(format!(
            "server.onion_url `{value}` is not an onion service address like \
             http://<56 letters a-z and 2-7>.onion (leave it empty when there is none)"
        ))
    };
    let Ok(url) = url::Url::parse(value) else {
        return problem();
    };
    let host = url.host_str().unwrap_or_default();
    let name = host.strip_suffix(".onion").unwrap_or_default();
    let v3 = name.len() == 56 && name.bytes().all(|b| matches!(b, b'a'..=b'z' | b'2'..=b'7'));
    let plain = matches!(url.scheme(), "http" | "https")
        && url.path() == "/"
        && url.query().is_none()
        && url.fragment().is_none()
        && url.username().is_empty()
        && url.port().is_none();
    if v3 && plain { None } else { problem() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Emulates `LOOKOUT__*` variables with a TOML layer, so tests do not race on the real
    /// process environment.
    fn load_env(vars: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        // Later values win, as a later environment variable would; booleans stay booleans.
        let mut merged: Vec<(String, String)> = Vec::new();
        for (k, v) in vars {
            let key = k
                .trim_start_matches("LOOKOUT__")
                .to_lowercase()
                .replace("__", ".");
            let value = if *v == "true" || *v == "false" {
                v.to_string()
            } else {
                format!("{v:?}")
            };
            merged.retain(|(existing, _)| *existing != key);
            merged.push((key, value));
        }
        let toml: String = merged.iter().map(|(k, v)| format!("{k} = {v}\n")).collect();
        let figment = Figment::from(Toml::string(DEFAULT_TOML)).merge(Toml::string(&toml));
        let s: Settings = figment
            .extract()
            .map_err(|e| SettingsError::Load(describe_figment_error(&e)))?;
        s.validate()?;
        Ok(s)
    }

    #[test]
    fn defaults_match_the_contract() {
        let s = Settings::load_from(None, Env::prefixed("LOOKOUT_TEST_NOTHING__")).unwrap();
        assert_eq!(s.profile, Profile::Dev);
        assert_eq!(s.server.bind, "127.0.0.1:8080");
        assert_eq!(s.server.public_url, "http://127.0.0.1:8080");
        assert_eq!(s.database.url.expose(), DEFAULT_DATABASE_URL);
        assert_eq!(s.keys.master_key_file, PathBuf::from("data/master.key"));
        assert_eq!(s.mail.transport, MailTransport::Outbox);
        assert_eq!(s.mail.outbox_dir, PathBuf::from("data/outbox"));
        assert_eq!(s.mail.from, "Lookout <alerts@localhost>");
        assert_eq!(s.limits.body_bytes, 65536);
        assert_eq!(s.retention.days, 365);
        assert_eq!(s.reference.regions.len(), 45);
        assert_eq!(s.region("south-wales").unwrap().name, "South Wales Police");
        for code in [
            "gwent",
            "dyfed-powys",
            "north-wales",
            "metropolitan",
            "city-of-london",
        ] {
            assert!(s.region(code).is_some(), "{code}");
        }
        assert_eq!(s.reference.categories.len(), 14);
        assert!(s.production_problems().is_empty());
    }

    #[test]
    fn nested_overrides_apply() {
        let s = load_env(&[("LOOKOUT__DATABASE__URL", "postgres://x@y/z")]).unwrap();
        assert_eq!(s.database.url.expose(), "postgres://x@y/z");
    }

    #[test]
    fn onion_urls_are_v3_onion_addresses_or_empty() {
        let name = "a".repeat(52) + "2345";
        assert_eq!(onion_url_problem(""), None);
        assert_eq!(onion_url_problem(&format!("http://{name}.onion")), None);
        assert_eq!(onion_url_problem(&format!("http://{name}.onion/")), None);
        // Host names are case-insensitive; the URL parser reads them in lower case.
        assert_eq!(
            onion_url_problem(&format!("https://{}.onion", name.to_uppercase())),
            None
        );
        for bad in [
            "lookout.example.org".to_string(),
            format!("http://{name}.onion/reports"),
            format!("http://{name}.onion?x=1"),
            format!("ftp://{name}.onion"),
            format!("http://{}.onion", &name[1..]),
            "http://lookout.example.org".to_string(),
        ] {
            let problem = onion_url_problem(&bad);
            assert!(
                problem
                    .as_deref()
                    .is_some_and(|p| p.contains("server.onion_url")),
                "{bad}: {problem:?}"
            );
        }
    }

    #[test]
    fn unknown_setting_is_named_and_values_are_not_echoed() {
        let err = load_env(&[("LOOKOUT__DATABASE__PASWORD", "hunter2-secret")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown setting `database.pasword`"), "{err}");
        assert!(!err.contains("hunter2-secret"), "{err}");
    }

    #[test]
    fn production_lists_every_unsafe_default() {
        let s = load_env(&[
            ("LOOKOUT__PROFILE", "production"),
            ("LOOKOUT__KEYS__MASTER_KEY_FILE", "/nonexistent/lookout.key"),
        ])
        .unwrap();
        let problems = s.production_problems();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("lookout keys generate"));
        assert!(problems[1].contains("database.url"));
        assert!(problems[2].contains("mail.transport"));
    }

    #[test]
    fn production_refuses_cleartext_off_the_machine() {
        let base = [
            ("LOOKOUT__PROFILE", "production"),
            ("LOOKOUT__KEYS__MASTER_KEY_FILE", "Cargo.toml"),
            ("LOOKOUT__DATABASE__URL", "postgres://lookout@db/lookout"),
            ("LOOKOUT__MAIL__TRANSPORT", "smtp"),
            ("LOOKOUT__SERVER__PUBLIC_URL", "https://lookout.example.org"),
        ];
        let problems = |extra: &[(&str, &str)]| {
            let mut vars = base.to_vec();
            vars.extend_from_slice(extra);
            load_env(&vars).unwrap().production_problems()
        };
        for ok in [
            "smtps://relay.example.org:465",
            "smtp://relay.example.org:587?tls=required",
            "smtp://127.0.0.1:25",
            "smtp://localhost:2525",
            "smtp://[::1]:25",
        ] {
            let p = problems(&[("LOOKOUT__MAIL__SMTP_URL", ok)]);
            assert!(p.is_empty(), "{ok}: {p:?}");
        }
        for clear in [
            "smtp://relay.example.org:25",
            "smtp://relay.example.org:587?tls=opportunistic",
        ] {
            let p = problems(&[("LOOKOUT__MAIL__SMTP_URL", clear)]);
            assert_eq!(p.len(), 1, "{clear}: {p:?}");
            assert!(p[0].contains("without TLS"), "{p:?}");
            let p = problems(&[
                ("LOOKOUT__MAIL__SMTP_URL", clear),
                ("LOOKOUT__MAIL__ALLOW_PLAINTEXT_SMTP", "true"),
            ]);
            assert!(p.is_empty(), "{clear} allowed: {p:?}");
        }
        let p = problems(&[
            ("LOOKOUT__MAIL__SMTP_URL", "smtps://relay.example.org:465"),
            ("LOOKOUT__SERVER__PUBLIC_URL", "http://lookout.example.org"),
        ]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("server.public_url"), "{p:?}");
    }

    #[test]
    fn duplicate_region_codes_are_refused() {
        let figment = Figment::from(Toml::string(DEFAULT_TOML)).merge(Toml::string(
            r#"reference.regions = [{ code = "a", name = "A" }, { code = "a", name = "B" }]"#,
        ));
        let s: Settings = figment.extract().unwrap();
        assert!(
            s.validate()
                .unwrap_err()
                .to_string()
                .contains("appears twice")
        );
    }
}
