//! What a report holds once it has been checked, and what an alert holds. These are the shapes
//! that are sealed at rest (as JSON), so a field is never renamed or removed: a database written
//! by an earlier release must still open (`tests/api/fixture.rs`).

use serde::{Deserialize, Serialize};

use super::consent::Consent;

/// The sealed part of a report: everything the reporter wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportContent {
    pub area: Option<String>,
    pub incident_date: Option<String>,
    pub description: String,
    pub perpetrator: Perpetrator,
    pub alert: bool,
    pub language: Option<String>,
    /// Relayed reports only: under full consent, police get the organisation's contact.
    #[serde(default)]
    pub contact_via_org: bool,
    /// The reporter opted in (`consent.share_children`) to mentions of their children reaching
    /// police. Fixed when the report is made; alerts never carry them.
    #[serde(default)]
    pub share_children_with_police: bool,
}

/// What the reporter said about the person who harmed them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Perpetrator {
    pub description: Option<String>,
    pub phone_numbers: Vec<String>,
    pub emails: Vec<String>,
    pub vehicles: Vec<String>,
    pub online_handles: Vec<String>,
}

/// The reporter's contact route, sealed in its own table under its own key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDetails {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub notes: Option<String>,
}

impl ContactDetails {
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.email.is_none() && self.phone.is_none() && self.notes.is_none()
    }
}

/// A report that passed every check and may be stored.
#[derive(Debug, Clone)]
pub struct NewReport {
    pub category: String,
    pub region: String,
    pub content: ReportContent,
    pub contact: Option<ContactDetails>,
    pub consent: Consent,
}

/// The identifiers an alert names, which client checks match against.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Identifiers {
    pub phone_numbers: Vec<String>,
    pub emails: Vec<String>,
    pub vehicles: Vec<String>,
    pub online_handles: Vec<String>,
}

/// What a published alert holds, sealed at rest.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AlertContent {
    pub title: String,
    pub body: String,
    pub identifiers: Identifiers,
}

/// The category of reports about police officers' conduct: the reporter is warned before
/// consenting, it goes to police only as the reporter's own latest consent names, and it is
/// counted on its own in the published statistics.
pub const MISCONDUCT: &str = "police_misconduct";
