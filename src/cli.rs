//! The `lookout` command line. Names and flags are fixed by the API contract's "Operating" section.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::app::{Application, load_or_create_keys};
use crate::crypto::keys;
use crate::crypto::sealed::{self, SealedReportKeys};
use crate::crypto::{KeyRing, Purpose};
use crate::secret::SensitiveString;
use crate::services::{audit_head, staff};
use crate::settings::Settings;
use crate::{db, telemetry};

#[derive(Debug, Parser)]
#[command(
    name = "lookout",
    version,
    about = "Lookout: anonymous, encrypted Ugly Mugs reporting, safety alerts, client checks and \
             consent-gated forwarding to named police contacts",
    long_about = None
)]
pub struct Cli {
    /// A TOML settings file merged over the built-in defaults (see config/default.toml);
    /// LOOKOUT__<SECTION>__<KEY> environment variables override both.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply pending migrations, then serve the API (with the mail delivery worker inside).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage the master key.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Manage staff accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Check the tamper-evident audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Seal a report for `POST /api/v1/reports/sealed`: reads the report JSON on standard input
    /// and prints `{"enc", "ciphertext"}` (RFC 9180 HPKE to the service's public key).
    Seal {
        /// The `public_key` from `GET /api/v1/meta` `sealed_reports` [default: derived from the
        /// master key in the settings, for use on the server itself]
        #[arg(long, value_name = "BASE64URL")]
        public_key: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Write a new random 32-byte master key (mode 0600). Refuses to overwrite an existing key.
    Generate {
        /// Where to write the key [default: keys.master_key_file from the settings]
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace an existing key file. Everything encrypted under the old key becomes unreadable.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an administrator account (the first one must be made here).
    Create {
        /// The administrator's email address, used to log in.
        #[arg(long, value_name = "EMAIL")]
        email: String,
        /// Read the password from standard input instead of generating one and printing it once.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Verify the audit log's hash chain; names the first entry that does not check out.
    Verify,
}

/// Entry point of the binary: parse, run, and turn any failure into a message and exit code 1.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("lookout: {e:#}");
            ExitCode::FAILURE
        }
    }
}

// The CLI's answers are for the operator's terminal.
#[allow(clippy::print_stdout)]
fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(cli.config.as_deref())?;
    match cli.command {
        Command::Serve => serve(settings),
        Command::Migrate => {
            telemetry::init(&settings.log);
            let applied = db::migrate(settings.database.url.expose())?;
            if applied.is_empty() {
                println!("the database is up to date");
            } else {
                println!(
                    "applied {} migration(s): {}",
                    applied.len(),
                    applied.join(", ")
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Keys {
            command: KeysCommand::Generate { out, force },
        } => {
            let path = out.unwrap_or_else(|| settings.keys.master_key_file.clone());
            let key = keys::generate_master_key(&path, force)?;
            println!(
                "wrote a new master key to {} (key id {}). Back it up offline: without it no report can be read.",
                path.display(),
                KeyRing::from_master(&key).master_id()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Admin {
            command:
                AdminCommand::Create {
                    email,
                    password_stdin,
                },
        } => admin_create(&settings, &email, password_stdin),
        Command::Audit {
            command: AuditCommand::Verify,
        } => audit_verify(&settings),
        Command::Seal { public_key } => {
            let public_key = match public_key {
                Some(k) => k,
                None => {
                    let master = keys::load_master_key(&settings.keys.master_key_file)?;
                    let ring = KeyRing::from_master(&master);
                    SealedReportKeys::derive(ring.get(Purpose::HpkeSeed))?.public_key_b64()
                }
            };
            let mut report = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut report)?;
            serde_json::from_slice::<serde_json::Value>(&report)
                .map_err(|e| anyhow::anyhow!("standard input is not JSON: {e}"))?;
            let (enc, ciphertext) = sealed::seal_to(&public_key, &report)
                .map_err(|_| anyhow::anyhow!("the public key is not a base64url X25519 key"))?;
            println!(
                "{}",
                serde_json::json!({"enc": enc, "ciphertext": ciphertext})
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Exit 0 when the chain checks out; 1, naming the first bad entry, when it does not.
#[allow(clippy::print_stdout)]
fn audit_verify(settings: &Settings) -> anyhow::Result<ExitCode> {
    telemetry::init(&settings.log);
    let keys =
        keys::load_master_key(&settings.keys.master_key_file).map(|k| KeyRing::from_master(&k))?;
    let db = db::open(
        settings.database.url.expose(),
        1,
        std::time::Duration::from_secs(settings.database.connect_timeout_seconds),
        keys.master_id(),
    )?;
    let key = keys.get(crate::crypto::Purpose::Audit).clone();
    let head_path = settings.keys.audit_head();
    let file = audit_head::read(&head_path);
    let checked = file.clone();
    let result = db.blocking(move |conn| audit_head::verify(conn, &key, &checked))?;
    if result.ok {
        println!("the audit log checks out: {} entries", result.entries);
        if file == audit_head::HeadFile::Missing {
            println!(
                "note: no head file at {}: entries removed from the end would not show",
                head_path.display()
            );
        }
        Ok(ExitCode::SUCCESS)
    } else {
        println!(
            "the audit log does NOT check out: entry {} (of {}) has been changed, inserted or removed \
             (or, past the last entry, removed from the end: the head file records more)",
            result.broken_at.unwrap_or(0),
            result.entries
        );
        Ok(ExitCode::FAILURE)
    }
}

#[allow(clippy::print_stdout)]
fn admin_create(
    settings: &Settings,
    email: &str,
    password_stdin: bool,
) -> anyhow::Result<ExitCode> {
    telemetry::init(&settings.log);
    let (password, generated) = if password_stdin {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        (
            SensitiveString::new(line.trim_end_matches(['\n', '\r'])),
            false,
        )
    } else {
        (
            staff::generate_password().map_err(|e| anyhow::anyhow!("{:?}", e.kind()))?,
            true,
        )
    };
    let keys = load_or_create_keys(settings)?;
    let db = db::open(
        settings.database.url.expose(),
        1,
        std::time::Duration::from_secs(settings.database.connect_timeout_seconds),
        keys.master_id(),
    )?;
    let created = db.blocking(|conn| {
        staff::create_admin_blocking(conn, &keys, email, password.expose(), generated)
    });
    match created {
        Ok(Some(id)) => {
            println!(
                "created administrator {id} for {}",
                staff::normalise_email(email)
            );
            if generated {
                println!(
                    "initial password (shown once; it is not stored anywhere in readable form): {}",
                    password.expose()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Ok(None) => anyhow::bail!("a staff account with this email already exists"),
        Err(e) => {
            let fields: Vec<String> = e
                .errors()
                .iter()
                .map(|f| format!("{} {}", f.field, f.message))
                .collect();
            if fields.is_empty() {
                anyhow::bail!("could not create the administrator ({:?})", e.kind())
            }
            anyhow::bail!("could not create the administrator: {}", fields.join("; "))
        }
    }
}

fn serve(settings: Settings) -> anyhow::Result<ExitCode> {
    telemetry::init(&settings.log);
    let bind = settings.server.bind.clone();
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(settings)?;
        let host = bind.rsplit_once(':').map_or(bind.as_str(), |(h, _)| h);
        tracing::info!("Lookout is listening on http://{host}:{}", app.port());
        app.run_until_stopped().await?;
        Ok(ExitCode::SUCCESS)
    })
}
