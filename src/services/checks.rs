//! Client checks: is this phone number, email, vehicle or handle in a published alert?
//!
//! Identifiers are matched by keyed blind index only, the answer has the same shape whether or
//! not anything matched, and requests are rate-limited in memory (`crate::limits::rate`).

use serde::{Deserialize, Serialize};

use crate::crypto::tokens::keyed_hash;
use crate::crypto::{KeyRing, Purpose};
use crate::db::checks as store;
use crate::domain::{AlertId, Error, FieldError};
use crate::identifiers::{self, Kind};
use crate::state::AppState;

pub fn identifier_hash(keys: &KeyRing, kind: Kind, normalised: &str) -> String {
    keyed_hash(
        keys.get(Purpose::BlindIndex),
        &format!("identifier:{}", kind.as_str()),
        normalised.as_bytes(),
    )
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckInput {
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub vehicle: Option<String>,
    #[serde(default)]
    pub handle: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Match {
    pub alert_id: AlertId,
    pub category: String,
    pub region: String,
    pub published_on: String,
}

#[derive(Debug, Serialize)]
pub struct CheckResult {
    pub matches: Vec<Match>,
}

pub async fn check(state: &AppState, input: CheckInput) -> Result<CheckResult, Error> {
    let given: Vec<(Kind, &str, &String)> = [
        (Kind::Phone, "phone", &input.phone),
        (Kind::Email, "email", &input.email),
        (Kind::Vehicle, "vehicle", &input.vehicle),
        (Kind::Handle, "handle", &input.handle),
    ]
    .into_iter()
    .filter_map(|(k, f, v)| v.as_ref().map(|v| (k, f, v)))
    .collect();
    let [(kind, field, raw)] = given.as_slice() else {
        return Err(Error::validation(vec![FieldError::new(
            "body",
            "give exactly one of phone, email, vehicle or handle",
        )]));
    };
    let normalised = identifiers::normalise(*kind, raw)
        .map_err(|e| Error::validation(vec![FieldError::new(*field, e.to_string())]))?;
    let hash = identifier_hash(&state.keys, *kind, &normalised);
    let rows = state
        .db
        .read_hot(move |conn| store::matching(conn, &hash))
        .await?;
    let mut seen = std::collections::HashSet::new();
    let matches = rows
        .into_iter()
        .filter(|r| seen.insert(r.alert_id.clone()))
        .map(|r| Match {
            alert_id: r.alert_id,
            category: r.category,
            region: r.region,
            published_on: r.published_on,
        })
        .collect::<Vec<_>>();
    crate::services::statistics::count_check(state, !matches.is_empty());
    Ok(CheckResult { matches })
}
