//! Alerts. For now: the draft a caseworker starts from, built from a report by the same
//! stripping the police forward uses. Pure.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::{ContactDetails, Identifiers, ReportContent};
use crate::firewall::scrub::Policy;
use crate::firewall::{TextRules, clean, clean_list, identifier_lists};
use crate::settings::{DatePrecision, Settings};

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AlertDraft {
    pub title: String,
    pub body: String,
    pub region: String,
    pub category: String,
    pub identifiers: Identifiers,
    #[serde(skip)]
    pub removed: BTreeSet<&'static str>,
}

impl AlertDraft {
    /// The draft as one text, as the preview shows it.
    pub fn render(&self) -> String {
        format!("{}\n\n{}", self.title, self.body)
    }
}

// Alerts go to subscribers, and a hostile one could be anyone: their text is cleaned exactly as
// a police forward's is (`firewall::clean`).

pub fn coarse_date(date: &str, precision: DatePrecision) -> String {
    match (precision, NaiveDate::parse_from_str(date, "%Y-%m-%d")) {
        (DatePrecision::Month, Ok(d)) => d.format("%B %Y").to_string(),
        _ => date.to_string(),
    }
}

pub fn draft(
    settings: &Settings,
    category: &str,
    region: &str,
    content: &ReportContent,
    contact: Option<&ContactDetails>,
) -> AlertDraft {
    let mut removed = BTreeSet::new();
    let p = &content.perpetrator;
    // Subscribers could be anyone: every rule applies, and children are never mentioned.
    let rules = TextRules::for_report(content, contact, Policy::OUTGOING);
    let category_name = settings.category_name(category);
    let region_name = settings.region_name(region);

    let mut body = Vec::new();
    let when = content
        .incident_date
        .as_deref()
        .map(|d| format!(" ({})", coarse_date(d, settings.alerts.date_precision)))
        .unwrap_or_default();
    body.push(format!(
        "{category_name} reported in the {region_name} area{when}."
    ));
    if let Some(area) = &content.area {
        // Cleaned with its label, as publishing judges it: "Perpetrator: 0Lĩ0" is a sentence the
        // firewall cannot read where "0Lĩ0" alone is too short to judge.
        body.push(clean(&format!("Area: {area}"), &rules, &mut removed));
    }
    body.push(String::new());
    body.push(clean(&content.description, &rules, &mut removed));
    if let Some(d) = &p.description {
        body.push(String::new());
        body.push(clean(&format!("Perpetrator: {d}"), &rules, &mut removed));
    }
    // Identifiers that themselves hold what the rules remove are left out of the draft (its
    // text and its list alike), so an unedited draft passes the check at publishing.
    let [phone_numbers, emails, vehicles, online_handles] =
        identifier_lists(&p.phone_numbers, &p.emails, &p.vehicles, &p.online_handles)
            .map(|(label, list)| clean_list(label, list, &rules, &mut removed));
    let identifiers = Identifiers {
        phone_numbers,
        emails,
        vehicles,
        online_handles,
    };
    for (label, list) in identifier_lists(
        &identifiers.phone_numbers,
        &identifiers.emails,
        &identifiers.vehicles,
        &identifiers.online_handles,
    ) {
        if !list.is_empty() {
            // A blank line before each: the check at publishing reads across a single line
            // break ("Home⏎Office"), and the end of one line with the start of the next
            // ("Perpetrator: … 14" then "Vehicles: Flat …") would read as an address.
            body.push(String::new());
            body.push(format!("{label}: {}", list.join(", ")));
        }
    }
    AlertDraft {
        title: format!("{category_name} — {region_name}"),
        body: body.join("\n"),
        region: region.to_string(),
        category: category.to_string(),
        identifiers,
        removed,
    }
}
