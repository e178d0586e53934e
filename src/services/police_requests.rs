//! Requests for more than was consented ("send the girls' names, nationalities and where they
//! work"), recorded and always refused. A caseworker records who asked (a SPOC of the register,
//! or a kind of body) and what kind of information, against a case or on its own; never the
//! request's words. Each is audited and counted in the published statistics; the reply is always
//! [`REFUSAL`], which says nothing about any case.

use serde::{Deserialize, Serialize};

use crate::crypto::Purpose;
use crate::db::register as register_store;
use crate::db::reports as report_store;
use crate::db::statistics::{self as store, PoliceRequestRow};
use crate::db::{self};
use crate::domain::requests::{AskedFor, REFUSAL, Requester};
use crate::domain::{AuditAction, Error, ErrorKind, FieldError, ReportId, ReportStatus, SpocId};
use crate::services::audit;
use crate::services::register::SpocSummary;
use crate::services::staff::{Role, StaffMember};
use crate::state::AppState;

/// At most this many are listed.
pub const LIST_LIMIT: i64 = 200;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestInput {
    /// The case the request was about, if any.
    pub report_id: Option<uuid::Uuid>,
    pub requester: Option<String>,
    /// With `requester: "spoc"`: which SPOC of the register.
    pub spoc_id: Option<uuid::Uuid>,
    pub asked_for: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
pub struct RecordedRequest {
    pub id: String,
    pub report_id: Option<ReportId>,
    pub requester: Requester,
    pub spoc: Option<SpocSummary>,
    pub asked_for: Vec<AskedFor>,
    pub recorded_on: String,
    /// The answer to give, the same every time.
    pub reply: &'static str,
}

struct Checked {
    report_id: Option<ReportId>,
    requester: Requester,
    spoc_id: Option<SpocId>,
    asked_for: Vec<AskedFor>,
}

fn check(input: &RequestInput) -> Result<Checked, Error> {
    let mut errors = Vec::new();
    let requester = match input.requester.as_deref().map(Requester::parse) {
        Some(Some(r)) => Some(r),
        Some(None) => {
            errors.push(FieldError::new(
                "requester",
                "must be one of spoc, police, immigration_enforcement, local_authority, other",
            ));
            None
        }
        None => {
            errors.push(FieldError::new("requester", "say who asked"));
            None
        }
    };
    let spoc_id = input.spoc_id.map(|u| SpocId::from_stored(u.to_string()));
    match (requester, &spoc_id) {
        (Some(Requester::Spoc), None) => {
            errors.push(FieldError::new(
                "spoc_id",
                "say which SPOC of the register asked",
            ));
        }
        (Some(r), Some(_)) if r != Requester::Spoc => errors.push(FieldError::new(
            "spoc_id",
            "only a request from a SPOC names one; leave it out for other bodies",
        )),
        _ => {}
    }
    let mut asked_for = Vec::new();
    for word in input.asked_for.iter().flatten() {
        match AskedFor::parse(word) {
            Some(a) if !asked_for.contains(&a) => asked_for.push(a),
            Some(_) => {}
            None => {
                errors.push(FieldError::new(
                    "asked_for",
                    "each must be one of names, nationality_or_immigration_status, \
                     addresses_or_premises, other",
                ));
                break;
            }
        }
    }
    if asked_for.is_empty() && errors.iter().all(|e| e.field != "asked_for") {
        errors.push(FieldError::new(
            "asked_for",
            "say what kind of information was asked for",
        ));
    }
    let report_id = input
        .report_id
        .map(|u| ReportId::from_stored(u.to_string()));
    match requester {
        Some(requester) if errors.is_empty() => {
            asked_for.sort_by_key(|a| AskedFor::ALL.iter().position(|x| x == a));
            Ok(Checked {
                report_id,
                requester,
                spoc_id,
                asked_for,
            })
        }
        _ => Err(Error::validation(errors)),
    }
}

fn joined(asked_for: &[AskedFor]) -> String {
    asked_for
        .iter()
        .map(|a| a.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn view(row: PoliceRequestRow, spoc: Option<SpocSummary>) -> RecordedRequest {
    RecordedRequest {
        id: row.id,
        report_id: row.report_id,
        requester: Requester::parse(&row.requester).unwrap_or(Requester::Other),
        spoc,
        asked_for: row
            .asked_for
            .split(',')
            .filter_map(AskedFor::parse)
            .collect(),
        recorded_on: row.recorded_on,
        reply: REFUSAL,
    }
}

/// Records a request and its refusal (audited, counted).
pub async fn record(
    state: &AppState,
    member: &StaffMember,
    input: RequestInput,
) -> Result<RecordedRequest, Error> {
    member.require(Role::Caseworker)?;
    let checked = check(&input)?;
    let row = PoliceRequestRow {
        id: uuid::Uuid::new_v4().to_string(),
        report_id: checked.report_id.clone(),
        spoc_id: checked.spoc_id.clone(),
        requester: checked.requester.as_str().to_string(),
        asked_for: joined(&checked.asked_for),
        recorded_on: crate::clock::today_string(),
    };
    let (stored, actor) = (row.clone(), member.id.clone());
    let audit_key = state.keys.get(Purpose::Audit).clone();
    let spoc = state
        .db
        .run(move |conn| {
            db::write_tx(conn, |conn| {
                if let Some(id) = &stored.report_id {
                    let live = report_store::by_id(conn, id)?
                        .is_some_and(|r| r.status != ReportStatus::Withdrawn);
                    if !live {
                        return Err(
                            Error::new(ErrorKind::NotFound).with_detail("No case has this id.")
                        );
                    }
                }
                let spoc = match &stored.spoc_id {
                    Some(id) => Some(register_store::spoc(conn, id)?.ok_or_else(|| {
                        Error::new(ErrorKind::NotFound)
                            .with_detail("No SPOC in the register has this id.")
                    })?),
                    None => None,
                };
                store::insert_request(conn, &stored)?;
                audit::record(
                    conn,
                    &audit_key,
                    &actor,
                    AuditAction::PoliceRequestRefused,
                    Some(&stored.id),
                )?;
                Ok::<_, Error>(spoc.map(SpocSummary::from))
            })
        })
        .await?;
    Ok(view(row, spoc))
}

/// Every SPOC of the register, retired ones too (a retired contact can still ask), for saying
/// who asked.
pub async fn spocs(state: &AppState, member: &StaffMember) -> Result<Vec<SpocSummary>, Error> {
    member.require(Role::Caseworker)?;
    let rows = state.db.run(register_store::all_spocs).await?;
    Ok(rows.into_iter().map(SpocSummary::from).collect())
}

/// The most recent refused requests, newest first; of one case when `report` is given.
pub async fn list(
    state: &AppState,
    member: &StaffMember,
    report: Option<ReportId>,
) -> Result<Vec<RecordedRequest>, Error> {
    member.require(Role::Caseworker)?;
    state
        .db
        .run(move |conn| {
            let rows = store::requests(conn, report.as_ref(), LIST_LIMIT)?;
            let spocs = register_store::all_spocs(conn)?;
            Ok::<_, Error>(
                rows.into_iter()
                    .map(|row| {
                        let spoc = row.spoc_id.as_ref().and_then(|id| {
                            spocs
                                .iter()
                                .find(|s| &s.id == id)
                                .cloned()
                                .map(SpocSummary::from)
                        });
                        view(row, spoc)
                    })
                    .collect(),
            )
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(requester: &str, spoc: Option<&str>, asked: &[&str]) -> RequestInput {
        RequestInput {
            report_id: None,
            requester: Some(requester.into()),
            spoc_id: spoc.map(|_| uuid::Uuid::new_v4()),
            asked_for: Some(asked.iter().map(|s| (*s).to_string()).collect()),
        }
    }

    #[test]
    fn a_spoc_request_names_the_spoc_and_others_do_not() {
        assert!(check(&input("spoc", None, &["names"])).is_err());
        assert!(check(&input("police", Some("x"), &["names"])).is_err());
        let ok = check(&input(
            "spoc",
            Some("x"),
            &["addresses_or_premises", "names", "names"],
        ))
        .unwrap();
        assert_eq!(
            ok.asked_for,
            vec![AskedFor::Names, AskedFor::AddressesOrPremises]
        );
    }

    #[test]
    fn unknown_words_and_empty_lists_are_refused() {
        assert!(check(&input("army", None, &["names"])).is_err());
        assert!(check(&input("police", None, &[])).is_err());
        assert!(check(&input("police", None, &["dna"])).is_err());
        assert!(check(&RequestInput::default()).is_err());
    }
}
