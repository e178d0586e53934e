//! The form decoder (`web::form::Form::parse` and `Form::to_json`), with the report page's field
//! lists, the check page's and the subscribe page's, followed by what the service does with a
//! report body (`report_checks`).
//!
//! Asserts: a body is refused exactly when it has more than 400 fields or one of its first 400
//! names is longer than 64 bytes (the constants of `web/form.rs`); what is kept is every field in
//! order; `get` is the first value; `to_json` is always an object.

use lookout::web::form::Form;

use crate::report_checks;

/// `web/form.rs`'s MAX_FIELDS and MAX_NAME.
const MAX_FIELDS: usize = 400;
const MAX_NAME: usize = 64;

/// The report page's lists (`web/report.rs`: LISTS, BOOLS, REQUIRED, CONTROLS).
const LISTS: [&str; 4] = [
    "perpetrator.phone_numbers",
    "perpetrator.emails",
    "perpetrator.vehicles",
    "perpetrator.online_handles",
];
const BOOLS: [&str; 2] = ["alert", "consent.share_children"];
const REQUIRED: [&str; 3] = ["category", "region", "description"];
const CONTROLS: [&str; 1] = ["step"];

pub fn check(data: &[u8]) {
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(data)
        .take(MAX_FIELDS + 1)
        .map(|(n, v)| (n.into_owned(), v.into_owned()))
        .collect();
    let refusable = pairs.len() > MAX_FIELDS
        || pairs
            .iter()
            .take(MAX_FIELDS)
            .any(|(n, _)| n.len() > MAX_NAME);
    let Some(form) = Form::parse(data) else {
        assert!(refusable, "an ordinary form was refused");
        return;
    };
    assert!(!refusable, "a forged form was accepted");
    assert_eq!(form.pairs(), pairs.as_slice());
    for (name, _) in &pairs {
        let first = pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str());
        assert_eq!(Some(form.get(name)), first);
    }
    let report = form.to_json(&LISTS, &BOOLS, &REQUIRED, &CONTROLS);
    assert!(report.is_object());
    report_checks(report);
    assert!(form.to_json(&[], &[], &[], &[]).is_object());
    assert!(
        form.to_json(&["regions", "categories"], &[], &["email"], &[])
            .is_object()
    );
}
