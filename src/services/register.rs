//! The SPOC register and outreach organisations (admin), and organisation API keys.

use serde::Serialize;

use crate::crypto::Purpose;
use crate::crypto::tokens::{keyed_hash, random_token};
use crate::db::register::{self as store, OrgRow};
use crate::db::{self, register::SpocRow};
use crate::domain::{AuditAction, Error, ErrorKind, FieldError, OrgId, SpocId};
use crate::firewall::recipients::{self, RecipientRefused};
use crate::secret::SensitiveString;
use crate::services::audit;
use crate::services::reports::input::Checker;
use crate::services::staff::{Role, StaffMember};
use crate::state::AppState;

#[derive(Debug, Serialize)]
pub struct SpocView {
    pub id: SpocId,
    pub name: String,
    pub region: String,
    pub email: String,
    pub active: bool,
    pub created_on: String,
    pub retired_on: Option<String>,
}

/// A SPOC as reporters choose one and as a forward names it: never the address.
#[derive(Debug, Serialize)]
pub struct SpocSummary {
    pub id: SpocId,
    pub name: String,
    pub region: String,
}

impl From<SpocRow> for SpocSummary {
    fn from(r: SpocRow) -> Self {
        Self {
            id: r.id,
            name: r.name,
            region: r.region,
        }
    }
}

impl From<SpocRow> for SpocView {
    fn from(r: SpocRow) -> Self {
        Self {
            id: r.id,
            name: r.name,
            region: r.region,
            email: r.email,
            active: r.active,
            created_on: r.created_on,
            retired_on: r.retired_on,
        }
    }
}

/// The recipient firewall as an API answer: immigration enforcement is `firewall_recipient`.
pub fn recipient_error(refused: &RecipientRefused) -> Error {
    match refused {
        RecipientRefused::Immigration => {
            Error::new(ErrorKind::FirewallRecipient).with_errors(vec![FieldError::new(
                "email",
                "belongs to immigration enforcement",
            )])
        }
        RecipientRefused::Generic => Error::validation(vec![FieldError::new(
            "email",
            "must be a named person's address, not a shared inbox",
        )]),
        RecipientRefused::Malformed => Error::validation(vec![FieldError::new(
            "email",
            "must be one plain email address of a named person: no display name, quoting, \
                 routing characters (%, !, :) or second @",
        )]),
    }
}

pub async fn list_spocs(state: &AppState, actor: &StaffMember) -> Result<Vec<SpocView>, Error> {
    actor.require(Role::Admin)?;
    let rows = state.db.run(store::all_spocs).await?;
    Ok(rows.into_iter().map(SpocView::from).collect())
}

pub async fn create_spoc(
    state: &AppState,
    actor: &StaffMember,
    name: &str,
    region: &str,
    email: &str,
) -> Result<SpocView, Error> {
    actor.require(Role::Admin)?;
    let mut c = Checker::default();
    let name = c.required_text("name", name, 120, false);
    if state.settings.region(region).is_none() {
        c.fail("region", "must be a region code from /meta");
    }
    // RFC 5321's limit on a path, as the OpenAPI document says.
    if email.chars().count() > 254 {
        c.fail("email", "must be at most 254 characters");
    }
    if !c.errors.is_empty() {
        return Err(Error::validation(c.errors));
    }
    // Stored exactly as it will be sent to: the canonical form the firewall checked.
    let email = recipients::check(email, &state.settings.firewall.blocked_domains)
        .map_err(|refused| recipient_error(&refused))?;
    let id = SpocId::random();
    let today = crate::clock::today_string();
    let (sid, sname, sregion, semail, actor_id, day) = (
        id.clone(),
        name.clone(),
        region.to_string(),
        email.clone(),
        actor.id.clone(),
        today.clone(),
    );
    let audit_key = state.keys.get(Purpose::Audit).clone();
    state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                store::insert_spoc(conn, &sid, &sname, &sregion, &semail, &day)?;
                audit::record(
                    conn,
                    &audit_key,
                    &actor_id,
                    AuditAction::SpocCreate,
                    Some(&sid),
                )?;
                Ok::<_, Error>(())
            })
        })
        .await?;
    Ok(SpocView {
        id,
        name,
        region: region.to_string(),
        email,
        active: true,
        created_on: today,
        retired_on: None,
    })
}

/// Retiring never moves anyone's consent to a successor: consents naming this SPOC stop
/// allowing forwards until each reporter consents again.
pub async fn retire_spoc(state: &AppState, actor: &StaffMember, id: &SpocId) -> Result<(), Error> {
    actor.require(Role::Admin)?;
    let (id, actor_id) = (id.clone(), actor.id.clone());
    let audit_key = state.keys.get(Purpose::Audit).clone();
    state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                if !store::retire_spoc(conn, &id, &crate::clock::today_string())? {
                    return Err(Error::new(ErrorKind::NotFound)
                        .with_detail("No active police contact has this id."));
                }
                audit::record(
                    conn,
                    &audit_key,
                    &actor_id,
                    AuditAction::SpocRetire,
                    Some(&id),
                )?;
                Ok(())
            })
        })
        .await
}

/// An outreach organisation as administrators see it: never its key, which is only a hash here.
#[derive(Debug, Serialize)]
pub struct OrgView {
    pub id: OrgId,
    pub name: String,
    pub email: String,
    pub active: bool,
    pub created_on: String,
    pub revoked_on: Option<String>,
}

pub async fn list_orgs(state: &AppState, actor: &StaffMember) -> Result<Vec<OrgView>, Error> {
    actor.require(Role::Admin)?;
    let rows = state.db.run(store::orgs).await?;
    Ok(rows
        .into_iter()
        .map(|r| OrgView {
            id: r.id,
            name: r.name,
            email: r.email,
            active: r.active,
            created_on: r.created_on,
            revoked_on: r.revoked_on,
        })
        .collect())
}

fn org_key_hash(state: &AppState, key: &str) -> String {
    keyed_hash(
        state.keys.get(Purpose::Tokens),
        "org-api-key",
        key.as_bytes(),
    )
}

/// A new organisation and its API key (192 random bits), shown once and stored hashed.
pub async fn create_org(
    state: &AppState,
    actor: &StaffMember,
    name: &str,
    email: &str,
) -> Result<(OrgId, SensitiveString), Error> {
    actor.require(Role::Admin)?;
    let mut c = Checker::default();
    let name = c.required_text("name", name, 120, false);
    let email = crate::identifiers::email(email).unwrap_or_default();
    if email.is_empty() {
        c.fail("email", "must be an email address");
    }
    if !c.errors.is_empty() {
        return Err(Error::validation(c.errors));
    }
    let key = random_token(24).map_err(|_| Error::internal("random token failed"))?;
    let row = OrgRow {
        id: OrgId::random(),
        name,
        email,
        key_hash: org_key_hash(state, key.expose()),
        active: true,
        created_on: crate::clock::today_string(),
        revoked_on: None,
    };
    let id = row.id.clone();
    let actor_id = actor.id.clone();
    let audit_key = state.keys.get(Purpose::Audit).clone();
    state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                store::insert_org(conn, &row)?;
                audit::record(
                    conn,
                    &audit_key,
                    &actor_id,
                    AuditAction::OrgCreate,
                    Some(&row.id),
                )?;
                Ok::<_, Error>(())
            })
        })
        .await?;
    Ok((id, key))
}

pub async fn revoke_org(state: &AppState, actor: &StaffMember, id: &OrgId) -> Result<(), Error> {
    actor.require(Role::Admin)?;
    let (id, actor_id) = (id.clone(), actor.id.clone());
    let audit_key = state.keys.get(Purpose::Audit).clone();
    state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                if !store::revoke_org(conn, &id, &crate::clock::today_string())? {
                    return Err(Error::new(ErrorKind::NotFound)
                        .with_detail("No active organisation has this id."));
                }
                audit::record(
                    conn,
                    &audit_key,
                    &actor_id,
                    AuditAction::OrgRevoke,
                    Some(&id),
                )?;
                Ok(())
            })
        })
        .await
}

/// The active organisation an API key belongs to; revoked keys stop working at once.
pub async fn authenticate_org(state: &AppState, key: &str) -> Result<OrgId, Error> {
    let hash = org_key_hash(state, key);
    state
        .db
        .run(move |conn| store::active_org_by_key(conn, &hash))
        .await?
        .map(|row| row.id)
        .ok_or_else(|| Error::new(ErrorKind::Unauthorized))
}
