//! Reference data clients build their forms from: regions, categories, the active SPOCs (without
//! their addresses), the consent statement, and how to seal a report to this service.

use serde::Serialize;

use crate::crypto::sealed;
use crate::db::register as store;
use crate::domain::{Error, consent};
use crate::services::exceptions;
use crate::services::register::SpocSummary;
use crate::settings::RefEntry;
use crate::state::AppState;

#[derive(Debug, Serialize)]
pub struct Meta {
    pub regions: Vec<RefEntry>,
    pub categories: Vec<RefEntry>,
    pub spocs: Vec<SpocSummary>,
    pub consent_statement: Statement,
    /// The limits of confidentiality, published before anyone reports (`services::exceptions`).
    pub exception_policy: exceptions::Policy,
    pub sealed_reports: SealedReports,
}

#[derive(Debug, Serialize)]
pub struct Statement {
    pub version: &'static str,
    pub text: &'static str,
}

#[derive(Debug, Serialize)]
pub struct SealedReports {
    pub kem: &'static str,
    pub kdf: &'static str,
    pub aead: &'static str,
    pub info: String,
    pub key_id: String,
    pub public_key: String,
}

/// The active SPOCs a reporter may name (the report and follow-up pages need only these, not the
/// whole of `/meta` with its sealed-report key).
pub async fn active_spocs(state: &AppState) -> Result<Vec<SpocSummary>, Error> {
    let rows = state.db.run(store::active_spocs).await?;
    Ok(rows.into_iter().map(SpocSummary::from).collect())
}

pub async fn meta(state: &AppState) -> Result<Meta, Error> {
    let spocs = active_spocs(state).await?;
    let settings = &state.settings;
    Ok(Meta {
        regions: settings.reference.regions.clone(),
        categories: settings.reference.categories.clone(),
        spocs,
        consent_statement: Statement {
            version: consent::STATEMENT_VERSION,
            text: consent::STATEMENT_TEXT,
        },
        exception_policy: exceptions::policy(settings, crate::i18n::Language::En),
        sealed_reports: SealedReports {
            kem: sealed::KEM_NAME,
            kdf: sealed::KDF_NAME,
            aead: sealed::AEAD_NAME,
            info: String::from_utf8_lossy(sealed::INFO).into_owned(),
            key_id: state.sealed.key_id().to_string(),
            public_key: state.sealed.public_key_b64(),
        },
    })
}
