//! The JSON body extractor (`http::json::decode_body`, the pure part of `ApiJson`), into a raw
//! value and into a report, followed by what the service does with a report body
//! (`report_checks`: the firewall's field check, the shape, the field rules).
//!
//! Asserts: a body is malformed (`malformed_json`) exactly when serde_json cannot parse it; and
//! the module's promise that error messages "name fields and expected types, never the values
//! sent": no field error's message quotes a value (serde quotes every string value it names).

use lookout::http::json::decode_body;
use lookout::http::problem::{ApiError, Code};
use lookout::services::reports::input::{ConsentInput, ReportInput};
use serde_json::Value;

use crate::report_checks;

pub fn check(data: &[u8]) {
    let malformed = ApiError::new(Code::MalformedJson).to_string();
    let parsed = serde_json::from_slice::<Value>(data);
    match (decode_body::<Value>(data), parsed) {
        (Ok(got), Ok(want)) => assert_eq!(got, want),
        (Err(e), Err(_)) => assert_eq!(e.to_string(), malformed),
        (got, want) => panic!("decode_body {got:?} but serde_json {want:?}"),
    }
    if let Err(e) = decode_body::<ReportInput>(data) {
        no_values_in(&e);
    }
    if let Err(e) = decode_body::<ConsentInput>(data) {
        no_values_in(&e);
    }
    if let Ok(value) = decode_body::<Value>(data) {
        report_checks(value);
    }
}

fn no_values_in(e: &ApiError) {
    for fe in e.errors() {
        assert!(
            !fe.message.contains('"'),
            "a field error quotes a value: {} {:?}",
            fe.field,
            fe.message
        );
    }
}
