//! Fuzz targets for the code that reads what strangers send and what leaves the service: each
//! module has one `check(data)` that calls the real function with arbitrary bytes and asserts what
//! must hold. The AFL binaries (`src/bin/<target>.rs`) and the corpus replay (`src/bin/replay.rs`,
//! what CI runs) call the same `check`. See `docs/fuzzing.md`.

pub mod form;
pub mod json_body;
pub mod redactor;
pub mod scrubber;
pub mod sealed;

use std::sync::LazyLock;

use lookout::services::reports::input;
use lookout::settings::Settings;

/// A target's check: panics if the input breaks what must hold.
pub type Check = fn(&[u8]);

/// Every target, by the name of its binary and corpus folder.
pub const TARGETS: &[(&str, Check)] = &[
    ("scrubber", scrubber::check),
    ("redactor", redactor::check),
    ("sealed", sealed::check),
    ("json_body", json_body::check),
    ("form", form::check),
];

/// The longest input a text target reads: longer inputs are cut (the rules are linear or close to
/// it; short inputs keep the fuzzer fast).
pub const MAX_TEXT: usize = 4096;

/// At most `max` bytes as text, invalid UTF-8 replaced (so every input reaches the code).
pub fn text_of(data: &[u8], max: usize) -> String {
    String::from_utf8_lossy(&data[..data.len().min(max)]).into_owned()
}

/// The built-in settings, as the service starts with them.
pub fn settings() -> &'static Settings {
    static SETTINGS: LazyLock<Settings> = LazyLock::new(|| match Settings::load(None) {
        Ok(s) => s,
        Err(e) => panic!("the built-in settings do not load: {e}"),
    });
    &SETTINGS
}

/// What the service does with a report body once it is JSON (plain, sealed or from a form): the
/// firewall's field check first, then the shape, then the field rules. Asserts that the field
/// check refuses every body that holds an obviously forbidden field name.
pub fn report_checks(value: serde_json::Value) {
    let refused = input::refuse_forbidden_fields(&value).is_err();
    if has_obviously_forbidden_key(&value) {
        assert!(refused, "a forbidden field name was let through: {value}");
    }
    if refused {
        return;
    }
    if let Ok(report) = lookout::http::json::decode::<input::ReportInput>(value) {
        let _ = input::check_report(&report, settings(), false);
        let _ = input::check_report(&report, settings(), true);
    }
}

/// A key anywhere in the value that, lower-cased with everything but ASCII letters and digits
/// removed, contains one of a few of the fragments `firewall::forbidden_field` refuses. (A subset,
/// written independently: the firewall must refuse at least these.)
fn has_obviously_forbidden_key(value: &serde_json::Value) -> bool {
    const SOME_FRAGMENTS: &[&str] = &["immigra", "visa", "passport", "asylum", "nationality"];
    match value {
        serde_json::Value::Object(map) => map.iter().any(|(k, v)| {
            let norm: String = k
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect();
            SOME_FRAGMENTS.iter().any(|f| norm.contains(f)) || has_obviously_forbidden_key(v)
        }),
        serde_json::Value::Array(items) => items.iter().any(has_obviously_forbidden_key),
        _ => false,
    }
}
