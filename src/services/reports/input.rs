//! What a reporter sends, and the checks that turn it into a `NewReport`. Every text is
//! NFC-normalised and trimmed; control characters are refused; every list and text is bounded.

use chrono::NaiveDate;
use serde::Deserialize;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::domain::{
    Consent, ConsentLevel, ContactDetails, Error, ErrorKind, FieldError, NewReport, Perpetrator,
    ReportContent, SpocId,
};
use crate::firewall;
use crate::settings::Settings;

pub const MAX_DESCRIPTION: usize = 20_000;
pub const MAX_LIST: usize = 10;
pub const MAX_MESSAGE: usize = 5_000;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportInput {
    pub category: String,
    pub region: String,
    #[serde(default)]
    pub area: Option<String>,
    #[serde(default)]
    pub incident_date: Option<String>,
    pub description: String,
    #[serde(default)]
    pub perpetrator: Option<PerpetratorInput>,
    #[serde(default)]
    pub alert: Option<bool>,
    #[serde(default)]
    pub contact: Option<ContactInput>,
    #[serde(default)]
    pub consent: Option<ConsentInput>,
    #[serde(default)]
    pub language: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerpetratorInput {
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub phone_numbers: Vec<String>,
    #[serde(default)]
    pub emails: Vec<String>,
    #[serde(default)]
    pub vehicles: Vec<String>,
    #[serde(default)]
    pub online_handles: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactInput {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentInput {
    pub police: String,
    #[serde(default)]
    pub spoc_id: Option<String>,
    #[serde(default)]
    pub statement_version: Option<String>,
    /// Mentions of the reporter's children may reach police (never alerts). Default: no.
    #[serde(default)]
    pub share_children: bool,
}

/// How a relaying organisation says the worker agreed, and which contact route police get.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelayInput {
    #[serde(default)]
    pub worker_consented: bool,
    #[serde(default)]
    pub contact_via_org: bool,
}

/// A report is relayed only with the worker's consent. Returns whether police, under full
/// consent, get the organisation's contact rather than the worker's.
pub fn check_relay(relay: &RelayInput) -> Result<bool, Vec<FieldError>> {
    if relay.worker_consented {
        Ok(relay.contact_via_org)
    } else {
        Err(vec![FieldError::new(
            "relay.worker_consented",
            "must be true: a report is only relayed with the worker's consent",
        )])
    }
}

/// Refuses (`FirewallField`) any field about immigration status or identity documents, anywhere
/// in a report as it arrived (plain, sealed or relayed), naming the field but never its value.
/// Runs before anything else looks at the report.
pub fn refuse_forbidden_fields(value: &serde_json::Value) -> Result<(), Error> {
    match firewall::forbidden_field(value) {
        Some(field) => {
            Err(
                Error::new(ErrorKind::FirewallField).with_errors(vec![FieldError::new(
                    field.chars().take(100).collect::<String>(),
                    "Lookout does not accept immigration, nationality or identity-document details",
                )]),
            )
        }
        None => refuse_arrays_for_objects(value),
    }
}

/// serde builds a struct from a JSON array as readily as from an object (`"contact": [null, null]`
/// was taken as a contact with nothing in it); the contract says these are objects, so anything
/// else is a field error.
fn refuse_arrays_for_objects(value: &serde_json::Value) -> Result<(), Error> {
    let errors: Vec<FieldError> = ["perpetrator", "contact", "consent"]
        .into_iter()
        .filter(|field| {
            value
                .get(field)
                .is_some_and(|v| !(v.is_object() || v.is_null()))
        })
        .map(|field| FieldError::new(field, "must be an object"))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

/// Collects every field error rather than stopping at the first, so a form can show them all.
#[derive(Default)]
pub struct Checker {
    pub errors: Vec<FieldError>,
}

impl Checker {
    pub fn fail(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, message));
    }

    /// Bounded (at most `max` characters as sent, the maximum the API documents), NFC, trimmed,
    /// no control characters (newlines and tabs allowed when `multiline`). An empty result is
    /// `None`.
    pub fn text(
        &mut self,
        field: &str,
        value: Option<&str>,
        max: usize,
        multiline: bool,
    ) -> Option<String> {
        let value = value?;
        if value.chars().count() > max {
            self.fail(field, format!("must be at most {max} characters"));
            return None;
        }
        // Most text arrives in NFC already (all ASCII does): then it is not copied to be
        // normalised; the quick check answers "maybe" rather than guess, and maybe is normalised.
        let normalised: std::borrow::Cow<'_, str> =
            if is_nfc_quick(value.chars()) == IsNormalized::Yes {
                value.into()
            } else {
                value.nfc().collect::<String>().into()
            };
        let trimmed = normalised.trim();
        if trimmed.is_empty() {
            return None;
        }
        if trimmed.chars().any(|c| is_refused_char(c, multiline)) {
            self.fail(field, "must not contain control characters");
            return None;
        }
        Some(trimmed.to_string())
    }

    pub fn required_text(
        &mut self,
        field: &str,
        value: &str,
        max: usize,
        multiline: bool,
    ) -> String {
        let before = self.errors.len();
        match self.text(field, Some(value), max, multiline) {
            Some(t) => t,
            None => {
                if self.errors.len() == before {
                    self.fail(field, "must not be empty");
                }
                String::new()
            }
        }
    }

    fn list(&mut self, field: &str, values: &[String], max_len: usize) -> Vec<String> {
        if values.len() > MAX_LIST {
            self.fail(field, format!("must have at most {MAX_LIST} entries"));
            return Vec::new();
        }
        values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.text(&format!("{field}[{i}]"), Some(v), max_len, false))
            .collect()
    }
}

/// Control characters, and the invisible direction overrides that can disguise text shown to a
/// caseworker, are refused.
fn is_refused_char(c: char, multiline: bool) -> bool {
    if multiline && matches!(c, '\n' | '\t' | '\r') {
        return false;
    }
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

pub fn check_consent(c: &mut Checker, input: Option<&ConsentInput>) -> Consent {
    let Some(input) = input else {
        return Consent::none();
    };
    let Some(level) = ConsentLevel::parse(&input.police) else {
        c.fail("consent.police", "must be one of: none, anonymous, full");
        return Consent::none();
    };
    if level == ConsentLevel::None {
        if input.spoc_id.is_some() {
            c.fail(
                "consent.spoc_id",
                "must be absent when consent.police is none",
            );
        }
        // Not needed for none, but a version that is given must be the current one, as for any
        // other level: a client showing an old statement is told so whatever was chosen.
        if input
            .statement_version
            .as_deref()
            .is_some_and(|v| v != crate::domain::consent::STATEMENT_VERSION)
        {
            c.fail(
                "consent.statement_version",
                "is not the current consent statement: read it again from /meta",
            );
        }
        return Consent::none();
    }
    let spoc_id = match input.spoc_id.as_deref().map(str::trim) {
        Some(id) if uuid::Uuid::parse_str(id).is_ok() => Some(id.to_ascii_lowercase()),
        Some(_) => {
            c.fail(
                "consent.spoc_id",
                "must be the id of a police contact from /meta",
            );
            None
        }
        None => {
            c.fail(
                "consent.spoc_id",
                "is required: consent names one police contact from /meta",
            );
            None
        }
    };
    match input.statement_version.as_deref() {
        Some(v) if v == crate::domain::consent::STATEMENT_VERSION => {}
        Some(_) => c.fail(
            "consent.statement_version",
            "is not the current consent statement: read it again from /meta",
        ),
        None => c.fail(
            "consent.statement_version",
            "is required: the version of the consent statement from /meta",
        ),
    }
    Consent {
        level,
        spoc_id: spoc_id.map(SpocId::from),
        statement_version: input.statement_version.clone(),
    }
}

pub fn check_contact(c: &mut Checker, input: Option<&ContactInput>) -> Option<ContactDetails> {
    let input = input?;
    let contact = ContactDetails {
        name: c.text("contact.name", input.name.as_deref(), 100, false),
        email: c.text("contact.email", input.email.as_deref(), 254, false),
        phone: c.text("contact.phone", input.phone.as_deref(), 40, false),
        notes: c.text("contact.notes", input.notes.as_deref(), 500, true),
    };
    if let Some(email) = &contact.email
        && !looks_like_email(email)
    {
        c.fail("contact.email", "must be an email address");
    }
    if let Some(phone) = &contact.phone
        && phone.chars().filter(char::is_ascii_digit).count() < 6
    {
        c.fail("contact.phone", "must be a phone number");
    }
    (!contact.is_empty()).then_some(contact)
}

/// The contact address is kept as the reporter wrote it (its length already checked in
/// characters), so only its shape is checked: the OpenAPI pattern says the same.
fn looks_like_email(s: &str) -> bool {
    crate::identifiers::email_shaped(s)
}

/// Checks everything that can be checked without the database. `contact_via_org` is set only for
/// reports an organisation relays with `relay.contact_via_org`.
pub fn check_report(
    input: &ReportInput,
    settings: &Settings,
    contact_via_org: bool,
) -> Result<NewReport, Vec<FieldError>> {
    let mut c = Checker::default();
    if settings.category(&input.category).is_none() {
        c.fail("category", "must be one of the category codes from /meta");
    }
    if settings.region(&input.region).is_none() {
        c.fail("region", "must be one of the region codes from /meta");
    }
    let description = c.required_text("description", &input.description, MAX_DESCRIPTION, true);
    let area = c.text("area", input.area.as_deref(), 200, false);
    let incident_date = input
        .incident_date
        .as_deref()
        .and_then(|d| check_date(&mut c, d));
    let p = input.perpetrator.as_ref();
    let empty = PerpetratorInput::default();
    let p = p.unwrap_or(&empty);
    let perpetrator = Perpetrator {
        description: c.text(
            "perpetrator.description",
            p.description.as_deref(),
            2_000,
            true,
        ),
        phone_numbers: c.list("perpetrator.phone_numbers", &p.phone_numbers, 40),
        emails: c.list("perpetrator.emails", &p.emails, 254),
        vehicles: c.list("perpetrator.vehicles", &p.vehicles, 20),
        online_handles: c.list("perpetrator.online_handles", &p.online_handles, 100),
    };
    let language = input.language.as_deref().and_then(|l| {
        let ok = !l.is_empty()
            && l.len() <= 16
            && l.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-');
        if ok {
            Some(l.to_ascii_lowercase())
        } else {
            c.fail("language", "must be a language tag such as en or pt-BR");
            None
        }
    });
    let contact = check_contact(&mut c, input.contact.as_ref());
    let consent = check_consent(&mut c, input.consent.as_ref());
    if consent.level == ConsentLevel::Full && contact.is_none() && !contact_via_org {
        c.fail(
            "contact",
            "is required for full consent: it is the contact route police would receive",
        );
    }
    if !c.errors.is_empty() {
        return Err(c.errors);
    }
    Ok(NewReport {
        category: input.category.clone(),
        region: input.region.clone(),
        content: ReportContent {
            area,
            incident_date,
            description,
            perpetrator,
            alert: input.alert.unwrap_or(true),
            language,
            contact_via_org,
            share_children_with_police: input.consent.as_ref().is_some_and(|c| c.share_children),
        },
        contact,
        consent,
    })
}

/// A real calendar date, not in the future. One day of slack: a reporter east of UTC can be a day ahead.
fn check_date(c: &mut Checker, value: &str) -> Option<String> {
    let Ok(date) = NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d") else {
        c.fail("incident_date", "must be a date as YYYY-MM-DD");
        return None;
    };
    let today = crate::clock::today();
    if date > today + chrono::Days::new(1) {
        c.fail("incident_date", "must not be in the future");
        return None;
    }
    if date < NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN) {
        c.fail("incident_date", "must be a date after 1970");
        return None;
    }
    Some(date.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings::load(None).unwrap()
    }

    fn input(v: serde_json::Value) -> ReportInput {
        serde_json::from_value(v).unwrap()
    }

    fn fields(r: Result<NewReport, Vec<FieldError>>) -> Vec<String> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn a_minimal_report_gets_defaults() {
        let r = check_report(
            &input(serde_json::json!({"category": "robbery", "region": "gwent", "description": "  He took the money.  "})),
            &settings(), false,
        )
        .unwrap();
        assert_eq!(r.content.description, "He took the money.");
        assert!(r.content.alert);
        assert_eq!(r.consent, Consent::none());
        assert!(r.contact.is_none());
    }

    #[test]
    fn text_is_nfc_normalised() {
        let decomposed = "Cafe\u{301} on Queen St";
        let r = check_report(
            &input(serde_json::json!({"category": "theft", "region": "gwent", "description": decomposed})),
            &settings(), false,
        )
        .unwrap();
        assert_eq!(r.content.description, "Caf\u{e9} on Queen St");
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let errors = fields(check_report(
            &input(serde_json::json!({
                "category": "nope", "region": "atlantis", "description": "",
                "incident_date": "2999-01-01", "area": "a\u{0007}b",
                "perpetrator": {"phone_numbers": vec!["1"; 11]},
                "language": "en GB!",
                "contact": {"email": "not-an-email"},
                "consent": {"police": "full"}
            })),
            &settings(),
            false,
        ));
        for f in [
            "category",
            "region",
            "description",
            "incident_date",
            "area",
            "perpetrator.phone_numbers",
            "language",
            "contact.email",
            "consent.spoc_id",
            "consent.statement_version",
        ] {
            assert!(
                errors.contains(&f.to_string()),
                "{f} missing from {errors:?}"
            );
        }
    }

    #[test]
    fn dates_must_be_real_and_not_future() {
        for (date, ok) in [
            ("2026-02-30", false),
            ("18/11/2026", false),
            ("2020-02-29", true),
            ("1969-12-31", false),
        ] {
            let r = check_report(
                &input(
                    serde_json::json!({"category": "theft", "region": "gwent", "description": "x", "incident_date": date}),
                ),
                &settings(),
                false,
            );
            assert_eq!(r.is_ok(), ok, "{date}");
        }
        let tomorrow_plus = (crate::clock::today() + chrono::Days::new(2))
            .format("%Y-%m-%d")
            .to_string();
        let r = check_report(
            &input(
                serde_json::json!({"category": "theft", "region": "gwent", "description": "x", "incident_date": tomorrow_plus}),
            ),
            &settings(),
            false,
        );
        assert!(r.is_err());
    }

    #[test]
    fn description_length_is_counted_in_characters() {
        let max = "é".repeat(MAX_DESCRIPTION);
        let over = "é".repeat(MAX_DESCRIPTION + 1);
        let ok = check_report(
            &input(serde_json::json!({"category": "theft", "region": "gwent", "description": max})),
            &settings(),
            false,
        );
        assert!(ok.is_ok());
        let err = check_report(
            &input(
                serde_json::json!({"category": "theft", "region": "gwent", "description": over}),
            ),
            &settings(),
            false,
        );
        assert_eq!(fields(err), vec!["description"]);
    }

    /// The maximum is of the text as sent, as the OpenAPI document's `maxLength` says: spaces
    /// around it count, and composing it (NFC) cannot push it over.
    #[test]
    fn the_maximum_is_of_the_text_as_sent() {
        let padded = format!("{}  ", "a".repeat(199));
        let r = check_report(
            &input(
                serde_json::json!({"category": "theft", "region": "gwent", "description": "x", "area": padded}),
            ),
            &settings(),
            false,
        );
        assert_eq!(fields(r), vec!["area"]);
        let blank = " ".repeat(201);
        let r = check_report(
            &input(
                serde_json::json!({"category": "theft", "region": "gwent", "description": "x", "area": blank}),
            ),
            &settings(),
            false,
        );
        assert_eq!(fields(r), vec!["area"]);
        let at_most = format!("{} ", "a".repeat(199));
        let r = check_report(
            &input(
                serde_json::json!({"category": "theft", "region": "gwent", "description": "x", "area": at_most}),
            ),
            &settings(),
            false,
        );
        assert_eq!(r.unwrap().content.area.unwrap().chars().count(), 199);
    }

    #[test]
    fn direction_overrides_are_refused() {
        let r = check_report(
            &input(
                serde_json::json!({"category": "theft", "region": "gwent", "description": "abc\u{202E}def"}),
            ),
            &settings(),
            false,
        );
        assert_eq!(fields(r), vec!["description"]);
    }
}
