//! Staff accounts: creation, login (Argon2id password, optional TOTP), sessions, roles.
//!
//! One answer for every failed login (unknown account, wrong password, wrong or reused code), with
//! the same work done in each case, and a per-account slow-down after repeated failures.

use crate::clock::now_unix;
use crate::crypto::keys::DerivedKey;
use crate::crypto::records::Direct;
use crate::crypto::tokens::{keyed_hash, random_token};
use crate::crypto::totp::{self, Totp};
use crate::crypto::{KeyRing, Purpose, password};
use crate::db::staff::{self as store, StaffRow};
use crate::db::{self, DbConn};
use crate::domain::{Actor, AuditAction, Error, ErrorKind, FieldError, StaffId};
use crate::secret::SensitiveString;
use crate::services::audit;
use crate::state::AppState;

/// Failures allowed before the slow-down starts.
const FREE_FAILURES: i32 = 5;
/// The longest an account waits after repeated failures.
const MAX_COOLDOWN_SECS: i64 = 15 * 60;
pub const MIN_PASSWORD_CHARS: usize = 12;

pub use crate::domain::staff::{Role, StaffMember};

pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub fn email_index(keys: &KeyRing, email: &str) -> String {
    keyed_hash(
        keys.get(Purpose::BlindIndex),
        "staff-email",
        normalise_email(email).as_bytes(),
    )
}

fn session_hash(keys: &KeyRing, token: &str) -> String {
    keyed_hash(keys.get(Purpose::Tokens), "staff-session", token.as_bytes())
}

fn valid_email(email: &str) -> bool {
    crate::identifiers::email(email).is_ok()
}

/// A new account's row. `password` is hashed here; the plaintext is never kept.
pub fn new_staff_row(
    keys: &KeyRing,
    email: &str,
    role: Role,
    password: &str,
) -> Result<StaffRow, Error> {
    if !valid_email(email) {
        return Err(Error::validation(vec![FieldError::new(
            "email",
            "must be an email address",
        )]));
    }
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(Error::validation(vec![FieldError::new(
            "password",
            format!("must be at least {MIN_PASSWORD_CHARS} characters"),
        )]));
    }
    let id = StaffId::random();
    let sealed_email =
        keys.seal_direct(Direct::StaffEmail, &id, normalise_email(email).as_bytes())?;
    Ok(StaffRow {
        id,
        email_index: email_index(keys, email),
        email: sealed_email,
        role,
        password_hash: password::hash(password)?,
        totp_secret: None,
        totp_enabled: false,
        totp_last_step: None,
        failed_logins: 0,
        last_failed_at: None,
        active: true,
        created_on: crate::clock::today_string(),
    })
}

/// A strong random initial password (144 bits), shown once.
pub fn generate_password() -> Result<SensitiveString, Error> {
    Ok(random_token(18)?)
}

/// Inserts the account and its audit entry; `Ok(None)` when the email is already taken.
pub fn insert_staff(
    conn: &mut DbConn,
    audit_key: &DerivedKey,
    row: &StaffRow,
    actor: &Actor,
) -> Result<Option<StaffId>, Error> {
    db::write_tx(conn, |conn| {
        if !store::insert(conn, row)? {
            return Ok(None);
        }
        audit::record(
            conn,
            audit_key,
            actor,
            AuditAction::StaffCreate(row.role.as_str()),
            Some(&row.id),
        )?;
        Ok(Some(row.id.clone()))
    })
}

/// `POST /staff`: an admin creates an account with a generated initial password.
pub async fn create(
    state: &AppState,
    actor: &StaffMember,
    email: &str,
    role: Role,
) -> Result<(StaffId, SensitiveString), Error> {
    actor.require(Role::Admin)?;
    let initial = generate_password()?;
    let keys = state.keys.clone();
    let (email, pw) = (email.to_string(), initial.clone());
    let row = tokio::task::spawn_blocking(move || new_staff_row(&keys, &email, role, pw.expose()))
        .await
        .map_err(|_| Error::internal("hashing task failed"))??;
    let actor_id = actor.id.clone();
    let audit_key = state.keys.get(Purpose::Audit).clone();
    let id = state
        .db
        .run(move |conn| insert_staff(conn, &audit_key, &row, &Actor::Staff(actor_id)))
        .await?
        .ok_or_else(|| {
            Error::new(ErrorKind::Conflict)
                .with_detail("A staff account with this email already exists.")
        })?;
    Ok((id, initial))
}

pub struct Session {
    pub token: SensitiveString,
    pub role: Role,
    pub expires_at: i64,
}

/// The first wait, after `FREE_FAILURES` failures; each failure after a wait doubles it.
const FIRST_COOLDOWN_SECS: i64 = 30;

/// How long an account must wait before its next attempt counts, after `failures` failures.
fn cooldown(failures: i32) -> i64 {
    if failures < FREE_FAILURES {
        return 0;
    }
    let exp = (failures - FREE_FAILURES).min(20) as u32;
    (FIRST_COOLDOWN_SECS << exp).min(MAX_COOLDOWN_SECS)
}

fn totp_for(keys: &KeyRing, row: &StaffRow) -> Option<Totp> {
    let sealed = row.totp_secret.as_ref()?;
    let secret = keys.open_direct(Direct::StaffTotp, &row.id, sealed).ok()?;
    Totp::new(&secret, &row.id).ok()
}

/// A TOTP code is accepted once: its time step must be later than the last one used.
fn check_code(totp: &Totp, code: &str, last_step: Option<i64>) -> Option<i64> {
    let step = totp.check(code.trim(), now_unix().max(0) as u64)? as i64;
    match last_step {
        Some(last) if step <= last => None,
        _ => Some(step),
    }
}

pub async fn login(
    state: &AppState,
    email: &str,
    pw: &str,
    code: Option<&str>,
) -> Result<Session, Error> {
    let index = email_index(&state.keys, email);
    let row = state
        .db
        .run(move |conn| store::by_email_index(conn, &index))
        .await?;
    let now = now_unix();
    let cooling = row.as_ref().is_some_and(|r| {
        r.last_failed_at
            .is_some_and(|t| now < t + cooldown(r.failed_logins))
    });
    // The password is always checked, against a dummy hash for an unknown account, so every
    // failure costs the same time.
    let phc = row.as_ref().map_or_else(
        || password::dummy_hash().to_string(),
        |r| r.password_hash.clone(),
    );
    let attempt = pw.to_string();
    let password_ok = {
        let _permit = state
            .login_permits
            .acquire()
            .await
            .map_err(|_| Error::internal("hash limiter closed"))?;
        tokio::task::spawn_blocking(move || password::verify(&attempt, &phc))
            .await
            .map_err(|_| Error::internal("hashing task failed"))?
    };
    let Some(row) = row else {
        // The same write a known account's failure makes, so timing does not tell them apart.
        audit::record_alone(
            state,
            &Actor::Anonymous,
            AuditAction::StaffLoginFailed,
            None::<&str>,
        )
        .await?;
        return Err(Error::new(ErrorKind::LoginFailed));
    };
    let step = if row.totp_enabled {
        totp_for(&state.keys, &row)
            .and_then(|t| check_code(&t, code.unwrap_or(""), row.totp_last_step))
    } else {
        None
    };
    // The slow-down protects the password. With TOTP on, a wrong guess teaches nothing without
    // the second factor, so a correct password and code get in even while cooling: a flood of
    // bad attempts cannot lock the real person out.
    let ok = password_ok
        && if row.totp_enabled {
            step.is_some()
        } else {
            !cooling
        };
    let id = row.id.clone();
    if !ok {
        let audit_key = state.keys.get(Purpose::Audit).clone();
        state
            .db
            .run(move |conn| {
                db::write_tx(conn, |conn| {
                    // Attempts during the wait do not count: they cannot push it further out.
                    if !cooling {
                        store::record_failure(conn, &id, now)?;
                    }
                    audit::record(
                        conn,
                        &audit_key,
                        &Actor::Anonymous,
                        AuditAction::StaffLoginFailed,
                        Some(&id),
                    )?;
                    Ok::<_, Error>(())
                })
            })
            .await?;
        return Err(Error::new(ErrorKind::LoginFailed));
    }
    let token = random_token(32)?;
    let hash = session_hash(&state.keys, token.expose());
    let expires_at = now + state.settings.staff.session_hours * 3600;
    let audit_key = state.keys.get(Purpose::Audit).clone();
    state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                // A code is used once: of two logins racing with the same code, one wins.
                if let Some(step) = step
                    && !store::use_totp_step(conn, &id, step)?
                {
                    return Err(Error::new(ErrorKind::LoginFailed));
                }
                store::delete_expired_sessions(conn, now)?;
                store::insert_session(conn, &hash, &id, expires_at)?;
                store::record_success(conn, &id)?;
                audit::record(conn, &audit_key, &id, AuditAction::StaffLogin, None::<&str>)?;
                Ok::<_, Error>(())
            })
        })
        .await?;
    Ok(Session {
        token,
        role: row.role,
        expires_at,
    })
}

/// The staff member behind a bearer token, or 401.
pub async fn authenticate(state: &AppState, token: &str) -> Result<StaffMember, Error> {
    let hash = session_hash(&state.keys, token);
    let now = now_unix();
    let row = state
        .db
        .run(move |conn| store::session_staff(conn, &hash, now))
        .await?
        .ok_or_else(|| Error::new(ErrorKind::Unauthorized))?;
    let role = row.role;
    Ok(StaffMember { id: row.id, role })
}

pub async fn logout(state: &AppState, member: &StaffMember, token: &str) -> Result<(), Error> {
    let hash = session_hash(&state.keys, token);
    let id = member.id.clone();
    let audit_key = state.keys.get(Purpose::Audit).clone();
    state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                store::delete_session(conn, &hash)?;
                audit::record(
                    conn,
                    &audit_key,
                    &id,
                    AuditAction::StaffLogout,
                    None::<&str>,
                )?;
                Ok::<_, Error>(())
            })
        })
        .await
}

/// Starts TOTP enrolment: a new secret, sealed, not yet required. Refused while TOTP is on, so a
/// stolen session cannot silently replace the second factor.
pub async fn totp_setup(state: &AppState, member: &StaffMember) -> Result<SensitiveString, Error> {
    let id = member.id.clone();
    let row = state
        .db
        .run(move |conn| store::by_id(conn, &id))
        .await?
        .ok_or_else(|| Error::new(ErrorKind::Unauthorized))?;
    if row.totp_enabled {
        return Err(Error::new(ErrorKind::Conflict)
            .with_detail("Two-factor codes are already on for this account."));
    }
    let secret = totp::new_secret()?;
    let sealed = state
        .keys
        .seal_direct(Direct::StaffTotp, &row.id, &secret)?;
    let uri = Totp::new(&secret, &row.id)?.uri()?;
    let id = row.id.clone();
    state
        .db
        .run(move |conn| store::set_totp_secret(conn, &id, &sealed))
        .await?;
    Ok(SensitiveString::new(uri))
}

pub async fn totp_enable(state: &AppState, member: &StaffMember, code: &str) -> Result<(), Error> {
    let id = member.id.clone();
    let row = state
        .db
        .run(move |conn| store::by_id(conn, &id))
        .await?
        .ok_or_else(|| Error::new(ErrorKind::Unauthorized))?;
    let totp = totp_for(&state.keys, &row).ok_or_else(|| {
        Error::new(ErrorKind::Conflict).with_detail("Start with POST /api/v1/auth/totp/setup.")
    })?;
    let step = check_code(&totp, code, row.totp_last_step).ok_or_else(|| {
        Error::validation(vec![FieldError::new("code", "is not the current code")])
    })?;
    let id = row.id.clone();
    let audit_key = state.keys.get(Purpose::Audit).clone();
    state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                store::enable_totp(conn, &id, step)?;
                audit::record(
                    conn,
                    &audit_key,
                    &id,
                    AuditAction::StaffTotpEnabled,
                    None::<&str>,
                )?;
                Ok::<_, Error>(())
            })
        })
        .await
}

/// For the CLI: create an admin directly against the database.
pub fn create_admin_blocking(
    conn: &mut DbConn,
    keys: &KeyRing,
    email: &str,
    password: &str,
) -> Result<Option<StaffId>, Error> {
    let row = new_staff_row(keys, email, Role::Admin, password)?;
    insert_staff(conn, keys.get(Purpose::Audit), &row, &Actor::Operator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_starts_after_five_failures_and_doubles_to_a_cap() {
        assert_eq!(cooldown(0), 0);
        assert_eq!(cooldown(FREE_FAILURES - 1), 0);
        assert_eq!(cooldown(FREE_FAILURES), 30);
        assert_eq!(cooldown(FREE_FAILURES + 1), 60);
        assert_eq!(cooldown(FREE_FAILURES + 4), 480);
        assert_eq!(cooldown(FREE_FAILURES + 5), MAX_COOLDOWN_SECS);
        assert_eq!(cooldown(i32::MAX), MAX_COOLDOWN_SECS);
    }
}
