//! Forms as browsers send them (`application/x-www-form-urlencoded`), turned into the JSON the API
//! takes: field names are the JSON contract's, nested ones dotted (`contact.email`), lists repeated
//! (`perpetrator.phone_numbers` once per box). What was typed is kept exactly, so a page that comes
//! back with errors loses nothing.

use fluent_bundle::FluentValue;
use serde_json::{Map, Value};

use crate::domain::FieldError;
use crate::i18n;

use super::page::Ctx;

/// At most this many fields in one form, and this long a name: a forged form is refused, not
/// processed.
const MAX_FIELDS: usize = 400;
const MAX_NAME: usize = 64;

/// The fields of one submitted form, in order, exactly as typed.
#[derive(Debug, Default, Clone)]
pub struct Form {
    pairs: Vec<(String, String)>,
}

impl Form {
    /// `None` for a body no page of ours would send (too many fields, absurd names).
    pub fn parse(body: &[u8]) -> Option<Form> {
        let mut pairs = Vec::new();
        for (name, value) in url::form_urlencoded::parse(body) {
            if pairs.len() == MAX_FIELDS || name.len() > MAX_NAME {
                return None;
            }
            pairs.push((name.into_owned(), value.into_owned()));
        }
        Some(Form { pairs })
    }

    /// The first value of `name`, or "".
    pub fn get(&self, name: &str) -> &str {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Every non-blank value of a repeated field, as typed.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(n, v)| n == name && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
            .collect()
    }

    pub fn has(&self, name: &str, value: &str) -> bool {
        self.pairs.iter().any(|(n, v)| n == name && v == value)
    }

    pub fn set(&mut self, name: &str, value: &str) {
        self.pairs.retain(|(n, _)| n != name);
        self.pairs.push((name.to_string(), value.to_string()));
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// The JSON body the API would take. `lists` are arrays of their non-blank values, `bools` are
    /// `true`/`false`, `skip` are the page's own controls (which step, which button). A blank
    /// value is left out, as a JSON client would leave it out; `required` are always present (as
    /// "" when blank) so the core says which one is missing. Anything else, including a field no
    /// page has, goes through as text: the core refuses it exactly as it refuses it from the API.
    pub fn to_json(
        &self,
        lists: &[&str],
        bools: &[&str],
        required: &[&str],
        skip: &[&str],
    ) -> Value {
        let mut root = Value::Object(Map::new());
        for name in lists {
            let values = self.all(name);
            if !values.is_empty() {
                let values = values.into_iter().map(|v| Value::String(v.to_string()));
                insert(&mut root, name, Value::Array(values.collect()));
            }
        }
        for (name, value) in &self.pairs {
            if skip.contains(&name.as_str()) || lists.contains(&name.as_str()) {
                continue;
            }
            if value.trim().is_empty() && !required.contains(&name.as_str()) {
                continue;
            }
            let value = if bools.contains(&name.as_str()) {
                match value.as_str() {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    other => Value::String(other.to_string()),
                }
            } else {
                Value::String(value.clone())
            };
            insert(&mut root, name, value);
        }
        for name in required {
            insert(&mut root, name, Value::String(String::new()));
        }
        root
    }
}

/// Puts `value` at the dotted `path`; a path that runs into a value already there (a forged form
/// sending both `contact` and `contact.email`) keeps the first.
fn insert(root: &mut Value, path: &str, value: Value) {
    let mut node = root;
    let mut parts = path.split('.').peekable();
    while let Some(part) = parts.next() {
        let Value::Object(map) = node else { return };
        if parts.peek().is_none() {
            map.entry(part.to_string()).or_insert(value);
            return;
        }
        node = map
            .entry(part.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
}

/// A form as a page shows it: what was typed, and the errors beside their fields, in the page's
/// language.
#[derive(Debug, Default, Clone)]
pub struct FormView {
    pub form: Form,
    pub errors: Vec<(String, String)>,
}

/// One box of a repeated field.
pub struct ListItem {
    pub id: String,
    pub value: String,
    pub error: Option<String>,
}

impl FormView {
    pub fn new(form: Form) -> Self {
        Self {
            form,
            errors: Vec::new(),
        }
    }

    pub fn with_errors(form: Form, ctx: &Ctx, errors: &[FieldError]) -> Self {
        Self {
            form,
            errors: errors
                .iter()
                .map(|e| (e.field.clone(), translate(ctx, e)))
                .collect(),
        }
    }

    /// The form as typed, with a sentence about the whole form (not one field) at its top.
    pub fn with_general(form: Form, message: String) -> Self {
        Self {
            form,
            errors: vec![(String::new(), message)],
        }
    }

    pub fn v(&self, name: &str) -> &str {
        self.form.get(name)
    }

    pub fn checked(&self, name: &str, value: &str) -> bool {
        self.form.has(name, value)
    }

    /// The error for `field` (or any of its parts, e.g. `consent` for `consent.police`).
    pub fn err(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The boxes of a repeated field: what was typed, each with its own error, and blank ones up to
    /// `min` and always one more (without JavaScript a page cannot add a box; up to `max`).
    pub fn list(&self, name: &str, min: usize, max: usize) -> Vec<ListItem> {
        let values = self.form.all(name);
        let shown = (values.len() + 1).max(min).min(max.max(values.len()));
        (0..shown)
            .map(|i| ListItem {
                id: format!("{}-{i}", id(name)),
                value: values.get(i).map(|v| v.to_string()).unwrap_or_default(),
                error: self
                    .err(&format!("{name}[{i}]"))
                    .or_else(|| if i == 0 { self.err(name) } else { None })
                    .map(str::to_string),
            })
            .collect()
    }

    /// The element id of a field.
    pub fn id(&self, name: &str) -> String {
        id(name)
    }

    /// The element id of the first box of a field with errors, for the error summary's links.
    pub fn anchor(&self, field: &str) -> String {
        match field.split_once('[') {
            Some((name, rest)) => format!("{}-{}", id(name), rest.trim_end_matches(']')),
            None => id(field),
        }
    }
}

/// Element ids from field names: `perpetrator.phone_numbers` → `f-perpetrator-phone_numbers`.
pub fn id(name: &str) -> String {
    format!("f-{}", name.replace('.', "-"))
}

/// The core's field errors are English sentences for API clients. On a page they are shown in
/// the page's language: each sentence the anonymous services produce has a message in
/// `locales/*/errors.ftl`; any other (there should be none on these pages) is shown as the core
/// wrote it, the per-message English fallback.
pub fn translate(ctx: &Ctx, e: &FieldError) -> String {
    let m = e.message.as_str();
    let number = |prefix: &str, suffix: &str| {
        m.strip_prefix(prefix)
            .and_then(|r| r.strip_suffix(suffix))
            .and_then(|n| n.parse::<usize>().ok())
    };
    if let Some(max) = number("must be at most ", " characters") {
        return i18n::text_with(
            ctx.lang,
            "error-too-long",
            [("max", FluentValue::from(max))],
        );
    }
    if let Some(max) = number("must have at most ", " entries") {
        return i18n::text_with(
            ctx.lang,
            "error-too-many",
            [("max", FluentValue::from(max))],
        );
    }
    let key = match m {
        "must not be empty" => "error-required",
        "must not contain control characters" => "error-control-characters",
        "must be one of: none, anonymous, full" => "error-consent-level",
        "must be absent when consent.police is none" => "error-consent-spoc-absent",
        "must be the id of a police contact from /meta"
        | "is not an active police contact: choose one from /meta" => "error-consent-spoc",
        "is required: consent names one police contact from /meta" => "error-consent-spoc-required",
        "is not the current consent statement: read it again from /meta"
        | "is required: the version of the consent statement from /meta" => {
            "error-statement-version"
        }
        "must be an email address" => "error-email",
        "must be a phone number" => "error-phone",
        "must be one of the category codes from /meta" => "error-category",
        "must be one of the region codes from /meta" => "error-region",
        "must be a language tag such as en or pt-BR" => "error-language",
        "is required for full consent: it is the contact route police would receive" => {
            "error-contact-for-full"
        }
        "full consent needs a contact route, and this report has none: choose anonymous" => {
            "error-full-needs-contact"
        }
        "must be a date as YYYY-MM-DD" => "error-date",
        "must not be in the future" => "error-date-future",
        "must be a date after 1970" => "error-date-past",
        "give exactly one of phone, email, vehicle or handle" => "error-check-one",
        "must list between 1 and 64 region codes from /meta"
        | "must be region codes from /meta" => "error-regions",
        "must be category codes from /meta (leave out for all)" => "error-categories",
        _ if m.starts_with("can only be chosen when the report is made") => {
            "error-share-children-later"
        }
        _ if m.starts_with("Lookout does not accept immigration") => "error-firewall-field",
        _ => return m.to_string(),
    };
    ctx.t(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dotted_names_nest_lists_repeat_and_blanks_are_left_out() {
        let form = Form::parse(
            b"category=robbery&region=gwent&description=He+took+it%0D%0Aall&area=&\
              perpetrator.phone_numbers=07700+900123&perpetrator.phone_numbers=&\
              perpetrator.phone_numbers=%2B44+7700+900124&contact.email=me%40example.org&\
              contact.name=&alert=false&consent.police=none&step=preview",
        )
        .unwrap();
        let json = form.to_json(
            &["perpetrator.phone_numbers"],
            &["alert"],
            &["category", "region", "description"],
            &["step"],
        );
        assert_eq!(
            json,
            json!({
                "category": "robbery", "region": "gwent", "description": "He took it\r\nall",
                "perpetrator": {"phone_numbers": ["07700 900123", "+44 7700 900124"]},
                "contact": {"email": "me@example.org"},
                "alert": false,
                "consent": {"police": "none"},
            })
        );
    }

    #[test]
    fn a_missing_required_field_is_blank_and_a_clash_keeps_the_first() {
        let form = Form::parse(b"contact=x&contact.email=y&nationality=z").unwrap();
        let json = form.to_json(&[], &[], &["description"], &[]);
        assert_eq!(
            json,
            json!({"description": "", "contact": "x", "nationality": "z"})
        );
    }

    #[test]
    fn a_forged_form_is_refused() {
        let many = "a=1&".repeat(MAX_FIELDS + 1);
        assert!(Form::parse(many.as_bytes()).is_none());
        let long = format!("{}=1", "n".repeat(MAX_NAME + 1));
        assert!(Form::parse(long.as_bytes()).is_none());
    }

    #[test]
    fn list_boxes_keep_what_was_typed_and_offer_one_more() {
        let form = Form::parse(b"l=a&l=&l=b").unwrap();
        let view = FormView {
            form,
            errors: vec![("l[1]".into(), "bad".into())],
        };
        let items = view.list("l", 3, 10);
        let values: Vec<_> = items.iter().map(|i| i.value.as_str()).collect();
        assert_eq!(values, ["a", "b", ""]);
        assert_eq!(items[1].error.as_deref(), Some("bad"));
        assert_eq!(view.list("l", 1, 2).len(), 2);
        assert_eq!(view.anchor("l[1]"), "f-l-1");
    }
}
