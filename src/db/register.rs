//! Queries for the SPOC register, outreach organisations and disclosures.

use diesel::prelude::*;

use super::schema::{disclosures, orgs, spocs};
use super::{DbConn, DbError};
use crate::domain::{ConsentLevel, DisclosureId, OrgId, ReportId, SpocId};

#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = orgs)]
pub struct OrgRow {
    pub id: OrgId,
    pub name: String,
    pub email: String,
    pub key_hash: String,
    pub active: bool,
    pub created_on: String,
    pub revoked_on: Option<String>,
}

#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = disclosures)]
pub struct DisclosureRow {
    pub id: DisclosureId,
    pub report_id: ReportId,
    pub spoc_id: SpocId,
    pub level: ConsentLevel,
    pub disclosed_on: String,
    pub content: Vec<u8>,
}

pub fn insert_spoc(
    conn: &mut DbConn,
    id: &SpocId,
    name: &str,
    region: &str,
    email: &str,
    today: &str,
) -> Result<(), DbError> {
    diesel::insert_into(spocs::table)
        .values((
            spocs::id.eq(id),
            spocs::name.eq(name),
            spocs::region.eq(region),
            spocs::email.eq(email),
            spocs::active.eq(true),
            spocs::created_on.eq(today),
        ))
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, Queryable)]
pub struct SpocRow {
    pub id: SpocId,
    pub name: String,
    pub region: String,
    pub email: String,
    pub active: bool,
    pub created_on: String,
    pub retired_on: Option<String>,
}

pub fn active_spoc(conn: &mut DbConn, id: &SpocId) -> Result<Option<SpocRow>, DbError> {
    Ok(spocs::table
        .filter(spocs::id.eq(id))
        .filter(spocs::active.eq(true))
        .get_result::<SpocRow>(conn)
        .optional()?)
}

pub fn active_spocs(conn: &mut DbConn) -> Result<Vec<SpocRow>, DbError> {
    Ok(spocs::table
        .filter(spocs::active.eq(true))
        .order((spocs::region.asc(), spocs::name.asc()))
        .load::<SpocRow>(conn)?)
}

pub fn all_spocs(conn: &mut DbConn) -> Result<Vec<SpocRow>, DbError> {
    Ok(spocs::table
        .order((spocs::region.asc(), spocs::name.asc()))
        .load(conn)?)
}

pub fn spoc(conn: &mut DbConn, id: &SpocId) -> Result<Option<SpocRow>, DbError> {
    Ok(spocs::table.find(id).get_result(conn).optional()?)
}

/// Retires an active SPOC; false if there was none.
pub fn retire_spoc(conn: &mut DbConn, id: &SpocId, today: &str) -> Result<bool, DbError> {
    let n = diesel::update(spocs::table.find(id).filter(spocs::active.eq(true)))
        .set((spocs::active.eq(false), spocs::retired_on.eq(Some(today))))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn insert_org(conn: &mut DbConn, row: &OrgRow) -> Result<(), DbError> {
    diesel::insert_into(orgs::table).values(row).execute(conn)?;
    Ok(())
}

/// Every organisation, oldest first.
pub fn orgs(conn: &mut DbConn) -> Result<Vec<OrgRow>, DbError> {
    Ok(orgs::table
        .order((orgs::created_on.asc(), orgs::id.asc()))
        .load(conn)?)
}

pub fn org(conn: &mut DbConn, id: &OrgId) -> Result<Option<OrgRow>, DbError> {
    Ok(orgs::table.find(id).get_result(conn).optional()?)
}

pub fn active_org_by_key(conn: &mut DbConn, key_hash: &str) -> Result<Option<OrgRow>, DbError> {
    Ok(orgs::table
        .filter(orgs::key_hash.eq(key_hash))
        .filter(orgs::active.eq(true))
        .get_result(conn)
        .optional()?)
}

pub fn revoke_org(conn: &mut DbConn, id: &OrgId, today: &str) -> Result<bool, DbError> {
    let n = diesel::update(orgs::table.find(id).filter(orgs::active.eq(true)))
        .set((orgs::active.eq(false), orgs::revoked_on.eq(Some(today))))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn disclosure(
    conn: &mut DbConn,
    report_id: &ReportId,
) -> Result<Option<DisclosureRow>, DbError> {
    Ok(disclosures::table
        .filter(disclosures::report_id.eq(report_id))
        .get_result(conn)
        .optional()?)
}

pub fn insert_disclosure(conn: &mut DbConn, row: &DisclosureRow) -> Result<(), DbError> {
    diesel::insert_into(disclosures::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn delete_disclosure(conn: &mut DbConn, id: &DisclosureId) -> Result<(), DbError> {
    diesel::delete(disclosures::table.find(id)).execute(conn)?;
    Ok(())
}

pub fn delete_disclosures_of(conn: &mut DbConn, report_id: &ReportId) -> Result<(), DbError> {
    diesel::delete(disclosures::table.filter(disclosures::report_id.eq(report_id)))
        .execute(conn)?;
    Ok(())
}
