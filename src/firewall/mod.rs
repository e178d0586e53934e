//! The immigration firewall. Pure: no I/O.
//!
//! - `forbidden_field` refuses any request field about immigration status, nationality, visas,
//!   asylum, right to work or identity documents, before anything is stored.
//! - `PoliceForward` is the only thing that can be sent to police. Its fields are private and it
//!   is built only by `build_police_forward`, from a report and an `ActiveConsent`; it has no field
//!   that could hold immigration or nationality data, and every free text in it has been through
//!   `clean` (the scrubber, `redact::redact` for the reporter's identifiers, the names rule), which
//!   judges what it leaves again and withholds the whole piece if the rules still find anything.
//!   Under full consent, a contact route that still holds immigration content refuses the forward.
//!
//! What it guarantees and its limits: `docs/firewall.md`.

pub mod language;
pub mod lists;
pub mod names;
pub mod recipients;
pub mod scrub;

use std::collections::BTreeSet;

use serde_json::Value;

use crate::domain::{ConsentLevel, ContactDetails, ReportContent, SpocId};
use crate::redact::{self, Keep, ReporterContact};

/// Normalised fragments of field names that are about immigration or identity documents.
/// Matched against the key lower-cased with everything but letters and digits removed.
const FORBIDDEN_FIELD_FRAGMENTS: &[&str] = &[
    "immigra",
    "nationality",
    "nationalit",
    "citizenship",
    "citizen",
    "visa",
    "asylum",
    "refugee",
    "righttowork",
    "workpermit",
    "residencepermit",
    "residence",
    "leavetoremain",
    "settledstatus",
    "passport",
    "idcard",
    "identitycard",
    "identitydocument",
    "iddocument",
    "idnumber",
    "documentnumber",
    "brp",
    "homeoffice",
    "countryoforigin",
    "countryofbirth",
    "birthcountry",
    "placeofbirth",
    "ethnicity",
    "borderforce",
    "ukvi",
    "deport",
    "nino",
    "nationalinsurance",
];

/// The JSON path of the first field whose name is about immigration or identity documents,
/// anywhere in the body (nested objects and arrays included).
///
/// Every report and relay passes through here, so it allocates only on a hit: the path is
/// assembled from the steps on the way back out, not at each field visited.
pub fn forbidden_field(value: &Value) -> Option<String> {
    enum Step<'a> {
        Key(&'a str),
        Index(usize),
    }
    /// The steps to the first forbidden field below `value`, innermost first.
    fn walk(value: &Value) -> Option<Vec<Step<'_>>> {
        match value {
            Value::Object(map) => map.iter().find_map(|(key, v)| {
                let mut steps = if is_forbidden_name(key) {
                    Vec::new()
                } else {
                    walk(v)?
                };
                steps.push(Step::Key(key));
                Some(steps)
            }),
            Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| {
                let mut steps = walk(v)?;
                steps.push(Step::Index(i));
                Some(steps)
            }),
            _ => None,
        }
    }
    let steps = walk(value)?;
    let mut path = String::new();
    for step in steps.iter().rev() {
        match step {
            // A key at the top (or under only empty keys) has no dot before it.
            Step::Key(key) if path.is_empty() => path.push_str(key),
            Step::Key(key) => {
                path.push('.');
                path.push_str(key);
            }
            Step::Index(i) => path.push_str(&format!("[{i}]")),
        }
    }
    Some(path)
}

/// Whether `key`, lower-cased with everything but ASCII letters and digits removed, contains one
/// of the fragments. Keys are short: comparing at each position beats building a substring
/// searcher per fragment, which is what `str::contains` does on every call.
fn is_forbidden_name(key: &str) -> bool {
    let norm: Vec<u8> = key
        .bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    // The first byte is compared inline before `starts_with`, which calls `memcmp`: without it
    // `memcmp` rose from 1.0% to 2.6% of sealed intake's profile.
    (0..norm.len()).any(|i| {
        let rest = &norm[i..];
        FORBIDDEN_FIELD_FRAGMENTS
            .iter()
            .any(|f| rest.first() == f.as_bytes().first() && rest.starts_with(f.as_bytes()))
    })
}

/// A police contact a reporter consented to, checked active at the time of building.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpocRef {
    pub id: SpocId,
    pub name: String,
    pub region: String,
}

/// What allows a forward: the reporter's consent (`anonymous` or `full`, naming a SPOC that is
/// active now), or an approved disclosure under the published exception policy (anonymous, to a
/// SPOC of the register). Built only by the services' checks, never from request data alone.
#[derive(Debug, Clone)]
pub struct ActiveConsent {
    level: ConsentLevel,
    spoc: SpocRef,
    /// `Some(policy version)` for a disclosure under the exception policy.
    exception: Option<String>,
}

impl ActiveConsent {
    /// `None` for `ConsentLevel::None`: there is nothing to forward.
    pub(crate) fn new(level: ConsentLevel, spoc: SpocRef) -> Option<Self> {
        (level != ConsentLevel::None).then_some(Self {
            level,
            spoc,
            exception: None,
        })
    }

    /// A disclosure under the exception policy (version `version`), approved by a second
    /// person: anonymous, never with a contact route. The policy is about a child at risk, so
    /// mentions of children are kept; everything else is cleaned exactly as for a forward.
    pub(crate) fn exception(spoc: SpocRef, version: &str) -> Self {
        Self {
            level: ConsentLevel::Anonymous,
            spoc,
            exception: Some(version.to_string()),
        }
    }

    pub fn level(&self) -> ConsentLevel {
        self.level
    }

    pub fn spoc(&self) -> &SpocRef {
        &self.spoc
    }
}

/// How police may reach the reporter under `full` consent.
#[derive(Debug, Clone)]
pub enum ContactRoute {
    Reporter(ContactDetails),
    Organisation { name: String, email: String },
}

/// What police receive. Private fields: only `build_police_forward` makes one.
#[derive(Debug, Clone)]
pub struct PoliceForward {
    level: ConsentLevel,
    spoc: SpocRef,
    subject: String,
    text: String,
    removed: BTreeSet<&'static str>,
}

impl PoliceForward {
    pub fn level(&self) -> ConsentLevel {
        self.level
    }
    pub fn spoc(&self) -> &SpocRef {
        &self.spoc
    }
    pub fn subject(&self) -> &str {
        &self.subject
    }
    pub fn text(&self) -> &str {
        &self.text
    }
    pub fn removed(&self) -> &BTreeSet<&'static str> {
        &self.removed
    }

    /// A caseworker may take more away before sending — never add or rewrite: each span must be
    /// text of the forward as built, and every occurrence of it becomes the marker. `Err(i)`
    /// names the first span that is not in the text (nothing is changed then).
    pub fn take_away(&mut self, spans: &[String]) -> Result<usize, usize> {
        let mut text = self.text.clone();
        for (i, span) in spans.iter().enumerate() {
            let span = span.trim();
            if span.is_empty() || span == redact::MARKER || !text.contains(span) {
                return Err(i);
            }
            text = text.replace(span, redact::MARKER);
        }
        if !spans.is_empty() {
            self.text = redact::collapse_markers(&text);
            self.removed.insert(TAKEN_AWAY_LABEL);
        }
        Ok(spans.len())
    }
}

/// Label, for caseworkers, of what a caseworker took away from a forward.
pub const TAKEN_AWAY_LABEL: &str = "removed by the caseworker";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FirewallError {
    #[error("full consent needs a contact route, and the report has none")]
    NoContactRoute,
    #[error("content the firewall removes survived cleaning; nothing may be sent")]
    ContentSurvived,
}

/// How the free text of one report is cleaned before it leaves: whose contact details go, which
/// perpetrator details stay, which rules apply, and which names are the perpetrator's own.
pub struct TextRules<'a> {
    pub reporter: ReporterContact<'a>,
    pub keep: Keep<'a>,
    pub policy: scrub::Policy,
    /// Folded words of the perpetrator's fields and the chosen area: names in them are kept.
    pub own_words: Vec<String>,
}

impl<'a> TextRules<'a> {
    pub fn for_report(
        content: &'a ReportContent,
        contact: Option<&'a ContactDetails>,
        policy: scrub::Policy,
    ) -> Self {
        let p = &content.perpetrator;
        let own_words = names::words_of(
            p.description
                .iter()
                .chain(content.area.iter())
                .chain(p.online_handles.iter())
                .chain(p.emails.iter())
                .map(String::as_str),
        );
        TextRules {
            reporter: ReporterContact::of(contact),
            keep: Keep {
                phone_numbers: &p.phone_numbers,
                emails: &p.emails,
            },
            policy,
            own_words,
        }
    }
}

/// Label of the names rule in `removed`.
pub const NAME_LABEL: &str = "names or initials of other people";

/// Free text that leaves the service (police forwards and alerts): whole sentences about
/// immigration, places and people, or that the firewall cannot read, out first; then the
/// reporter's identifiers; then other people's names; adjacent markers joined into one.
pub fn clean(text: &str, rules: &TextRules<'_>, removed: &mut BTreeSet<&'static str>) -> String {
    let scrubbed = scrub::scrub(text, rules.policy);
    removed.extend(scrubbed.removed.iter().map(|r| r.label()));
    let redacted = redact::redact(&scrubbed.text, &rules.reporter, &rules.keep);
    removed.extend(redacted.removed.iter().map(|r| r.label()));
    let mut out = redacted.text;
    if rules.policy.places_and_people {
        let (named, any) = names::strip(&out, &rules.own_words);
        if any {
            removed.insert(NAME_LABEL);
        }
        out = named;
    }
    let out = redact::collapse_markers(&out);
    // Fail closed, piece by piece: if the rules can still see something in what cleaning left
    // (removals and redactions can bring text together into something new; "Ǆ£0LìZ0" did), the
    // whole piece becomes the marker. Nothing of it leaves, and the rest of the report still can.
    if scrub::contains_removable(&out, rules.policy) {
        removed.insert(UNCHECKED_LABEL);
        return redact::MARKER.to_owned();
    }
    out
}

/// Label of a piece of text withheld whole because cleaning did not settle.
pub const UNCHECKED_LABEL: &str = "text the firewall could not check";

/// A text alone through everything that leaves, as a report whose perpetrator's numbers and
/// addresses are the ones the text names (the corpora and the benchmark read sentences this way:
/// in a real report those are listed in the perpetrator's fields and kept).
pub fn clean_alone(text: &str) -> String {
    let (phone_numbers, emails) = lists::listed_identifiers(text);
    let content = ReportContent {
        area: None,
        incident_date: None,
        description: String::new(),
        perpetrator: crate::domain::Perpetrator {
            phone_numbers,
            emails,
            ..Default::default()
        },
        alert: true,
        language: None,
        contact_via_org: false,
        share_children_with_police: false,
    };
    let rules = TextRules::for_report(&content, None, scrub::Policy::OUTGOING);
    clean(text, &rules, &mut BTreeSet::new())
}

/// The identifiers of one list that may leave under `rules`: kept as written, unless one holds
/// what the rules remove from free text (immigration content, text the firewall cannot read,
/// an address, another person's name); that one is dropped whole and its kind recorded. Each is
/// judged alone on the line it is sent on (`label: item`, which [`labelled`] writes): the check
/// before sending judges exactly that, so a kept identifier never makes it refuse (a vehicle
/// written "0.g" reads as an address, "g." being a Lithuanian street; a word no list knows
/// reads as a sentence the firewall cannot read once the label stands before it).
pub fn clean_list(
    label: &str,
    items: &[String],
    rules: &TextRules<'_>,
    removed: &mut BTreeSet<&'static str>,
) -> Vec<String> {
    items
        .iter()
        .filter(|item| {
            let line = labelled(label, item);
            let scrubbed = scrub::scrub(&line, rules.policy);
            let named =
                rules.policy.places_and_people && !names::find(&line, &rules.own_words).is_empty();
            removed.extend(scrubbed.removed.iter().map(|r| r.label()));
            if named {
                removed.insert(NAME_LABEL);
            }
            scrubbed.removed.is_empty() && !named
        })
        .cloned()
        .collect()
}

/// One identifier on its line, as [`clean_list`] judges it.
fn labelled(label: &str, item: &str) -> String {
    format!("{label}: {item}")
}

/// The perpetrator's four identifier lists, each with the label it leaves under (police
/// forwards and alert drafts alike).
pub fn identifier_lists<'a>(
    phone_numbers: &'a [String],
    emails: &'a [String],
    vehicles: &'a [String],
    online_handles: &'a [String],
) -> [(&'static str, &'a [String]); 4] {
    [
        ("Phone numbers", phone_numbers),
        ("Email addresses", emails),
        ("Vehicles", vehicles),
        ("Online handles", online_handles),
    ]
}

/// Builds exactly what the consented SPOC would receive.
pub fn build_police_forward(
    category_name: &str,
    region_name: &str,
    content: &ReportContent,
    reporter_contact: Option<&ContactDetails>,
    consent: &ActiveConsent,
    route: Option<ContactRoute>,
) -> Result<PoliceForward, FirewallError> {
    let mut removed = BTreeSet::new();
    let policy = scrub::Policy {
        places_and_people: true,
        share_children: content.share_children_with_police || consent.exception.is_some(),
    };
    let rules = TextRules::for_report(content, reporter_contact, policy);
    let p = &content.perpetrator;

    let mut body = Vec::new();
    body.push(match &consent.exception {
        Some(version) => format!(
            "A report passed on through Lookout under its published exception policy (version \
             {version}), without the reporter's consent: a caseworker proposed it and a different \
             administrator approved it. No way to contact the reporter is given."
        ),
        None => format!(
            "A report passed on through Lookout with the reporter's consent ({}).",
            match consent.level {
                ConsentLevel::Full => "full: the report and a contact route",
                _ => "anonymous: no way to contact the reporter",
            }
        ),
    });
    body.push(String::new());
    body.push(format!("Category: {category_name}"));
    body.push(format!("Region: {region_name}"));
    // Everything the reporter wrote goes through `clean` or `clean_list`, which fail closed
    // piece by piece: what leaves of it is what the rules, judging it again, find nothing in.
    // The category and region names are the operator's reference data, not the reporter's
    // words, and are not judged: "Police Service of Northern Ireland" names a place.
    if let Some(area) = &content.area {
        body.push(format!("Area: {}", clean(area, &rules, &mut removed)));
    }
    if let Some(date) = &content.incident_date {
        body.push(format!("Incident date: {date}"));
    }
    body.push(String::new());
    body.push("What happened:".into());
    body.push(clean(&content.description, &rules, &mut removed));
    let mut perpetrator = Vec::new();
    if let Some(d) = &p.description {
        perpetrator.push(format!("Description: {}", clean(d, &rules, &mut removed)));
    }
    for (label, list) in
        identifier_lists(&p.phone_numbers, &p.emails, &p.vehicles, &p.online_handles)
    {
        // Each identifier is judged alone: two side by side ("14", "Bute Street") are still the
        // perpetrator's identifiers, not an address the reporter wrote.
        let kept = clean_list(label, list, &rules, &mut removed);
        if !kept.is_empty() {
            perpetrator.push(format!("{label}: {}", kept.join(", ")));
        }
    }
    if !perpetrator.is_empty() {
        body.push(String::new());
        body.push("Perpetrator:".into());
        body.extend(perpetrator);
    }
    let mut text = body.join("\n");
    match consent.level {
        ConsentLevel::Full => {
            let route = route.ok_or(FirewallError::NoContactRoute)?;
            let (route, values) = render_route(&route, &mut removed);
            // The route is the reporter's own words too: checked like the rest, fail closed,
            // each value alone as it is sent. (Its own name and address are meant to leave here;
            // the immigration rules and the language gate still apply to it.)
            if values
                .iter()
                .any(|v| scrub::contains_immigration_content(v))
            {
                return Err(FirewallError::ContentSurvived);
            }
            text.push_str("\n\nContact route chosen by the reporter:\n");
            text.push_str(&route);
        }
        _ if consent.exception.is_some() => {
            text.push_str(
                "\n\nThe reporter did not consent to this disclosure: no contact route is given, \
                 and Lookout will not pass on any.",
            );
        }
        _ => {
            text.push_str(
                "\n\nThe reporter chose to stay anonymous: no contact route is given, and Lookout \
                 will not pass on any.",
            );
        }
    }
    Ok(PoliceForward {
        level: consent.level,
        spoc: consent.spoc.clone(),
        subject: format!("Lookout report: {category_name} — {region_name}"),
        text,
        removed,
    })
}

/// The route as sent, and each value in it as the reporter wrote it (for the check).
fn render_route(
    route: &ContactRoute,
    removed: &mut BTreeSet<&'static str>,
) -> (String, Vec<String>) {
    match route {
        ContactRoute::Reporter(c) => {
            let mut lines = Vec::new();
            let mut values = Vec::new();
            if let Some(n) = &c.name {
                let scrubbed = scrub::scrub_immigration(n);
                removed.extend(scrubbed.removed.iter().map(|r| r.label()));
                if scrubbed.removed.is_empty() {
                    lines.push(format!("Name: {n}"));
                    values.push(n.clone());
                }
            }
            // An address or number that itself carries such words is left out whole.
            for (label, value) in [("Email", &c.email), ("Phone", &c.phone)] {
                if let Some(v) = value {
                    if scrub::contains_immigration_content(v) {
                        removed.insert(scrub::Removed::ImmigrationReference.label());
                    } else {
                        lines.push(format!("{label}: {v}"));
                        values.push(v.clone());
                    }
                }
            }
            if let Some(notes) = &c.notes {
                let scrubbed = scrub::scrub_immigration(notes);
                removed.extend(scrubbed.removed.iter().map(|r| r.label()));
                lines.push(format!("How to get in touch: {}", scrubbed.text));
                values.push(scrubbed.text);
            }
            (lines.join("\n"), values)
        }
        ContactRoute::Organisation { name, email } => (
            format!("Through the outreach organisation that relayed the report: {name} <{email}>"),
            Vec::new(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn immigration_fields_are_found_anywhere() {
        for body in [
            json!({"immigration_status": "x"}),
            json!({"Nationality": "x"}),
            json!({"perpetrator": {"passport_number": "x"}}),
            json!({"contact": {"visaType": "x"}}),
            json!({"extra": [{"right-to-work": true}]}),
            json!({"asylum": null}),
            json!({"country_of_origin": "x"}),
            json!({"BRP": "x"}),
        ] {
            assert!(forbidden_field(&body).is_some(), "{body}");
        }
        assert_eq!(
            forbidden_field(&json!({"perpetrator": {"passport_number": 1}})).as_deref(),
            Some("perpetrator.passport_number")
        );
        assert_eq!(
            forbidden_field(
                &json!({"description": "my visa ran out", "category": "theft", "perpetrator": {"vehicles": []}})
            ),
            None,
            "values are not field names"
        );
        assert_eq!(
            forbidden_field(&json!([{"a": [1, {"": {"Visa-Type": 1}}]}])).as_deref(),
            Some("[0].a[1]..Visa-Type")
        );
    }

    /// The first version of `forbidden_field`, which built every path and used `str::contains`:
    /// the faster one must answer exactly as it did.
    fn forbidden_field_reference(value: &Value) -> Option<String> {
        fn walk(value: &Value, path: &str) -> Option<String> {
            match value {
                Value::Object(map) => map.iter().find_map(|(key, v)| {
                    let here = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    let norm: String = key
                        .chars()
                        .filter(char::is_ascii_alphanumeric)
                        .map(|c| c.to_ascii_lowercase())
                        .collect();
                    if FORBIDDEN_FIELD_FRAGMENTS.iter().any(|f| norm.contains(f)) {
                        Some(here)
                    } else {
                        walk(v, &here)
                    }
                }),
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .find_map(|(i, v)| walk(v, &format!("{path}[{i}]"))),
                _ => None,
            }
        }
        walk(value, "")
    }

    fn json_value() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        // Keys from pieces of fragments, separators, capitals and non-ASCII letters, so that
        // hits, near misses and fragments split by punctuation all come up.
        let key = proptest::collection::vec(
            prop_oneof![
                Just("visa"),
                Just("Vis"),
                Just("a"),
                Just("passport"),
                Just("PASS"),
                Just("port"),
                Just("_"),
                Just("-"),
                Just(""),
                Just("é"),
                Just("nation"),
                Just("ality"),
                Just("name"),
                Just("1"),
                Just("brp"),
                Just("deport"),
            ],
            0..5,
        )
        .prop_map(|parts| parts.concat());
        let leaf = prop_oneof![Just(Value::Null), any::<i64>().prop_map(Value::from)];
        leaf.prop_recursive(4, 40, 5, move |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                proptest::collection::vec((key.clone(), inner), 0..5)
                    .prop_map(|fields| Value::Object(fields.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn forbidden_field_answers_as_the_reference(value in json_value()) {
            proptest::prop_assert_eq!(forbidden_field(&value), forbidden_field_reference(&value));
        }
    }
}
