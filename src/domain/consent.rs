//! Consent to share with police: the levels, and the statement a reporter agrees to.

use super::ids::SpocId;

/// Bumped whenever the text changes; a consent records the version it was given under.
pub const STATEMENT_VERSION: &str = "2026-12-04";

pub const STATEMENT_TEXT: &str = "\
Lookout never shares your report with the police unless you choose to, except in the one case its \
published exception policy describes, and never with immigration enforcement, the Home Office or \
Border Force under any circumstances. You choose one of three levels, and you can change or withdraw \
your choice at any time with your receipt.

None (the default): nothing about your report is sent to the police. Caseworkers may still use it, \
with anything that could identify you removed, to warn other workers.

Anonymous: the named police contact (SPOC) you pick receives your report with your contact details, \
anything about immigration or nationality, and other details that could identify you removed. They \
get no way to contact you.

Full: the named SPOC you pick receives the same report plus the contact route you chose: yourself, or \
the outreach organisation that relayed your report. If that SPOC is replaced, nothing is sent until \
you agree again for the new person.

Limits: once something has been sent to a SPOC, Lookout cannot take it back; what the police do with \
it is then under their rules, not ours. Before you agree you can preview exactly what would be sent. \
Lookout keeps your report encrypted and stores no address, device or browser details; withdrawing \
your report destroys its key so that nobody, including us, can read it again.";

text_enum! {
    /// What the reporter allowed police to receive.
    ConsentLevel {
        /// Nothing goes to police (the default).
        None => "none",
        /// The report with everything identifying removed, and no way to reach the reporter.
        Anonymous => "anonymous",
        /// The same, plus the contact route the reporter chose.
        Full => "full",
    }
}

/// A consent whose shape is valid; whether its SPOC is active is checked against the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    pub level: ConsentLevel,
    pub spoc_id: Option<SpocId>,
    pub statement_version: Option<String>,
}

impl Consent {
    pub fn none() -> Self {
        Self {
            level: ConsentLevel::None,
            spoc_id: None,
            statement_version: None,
        }
    }
}
