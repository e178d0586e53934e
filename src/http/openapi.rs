//! `GET /api/v1/openapi.json`: the OpenAPI 3.1 document in `docs/openapi.json`, compiled in so
//! the binary always serves the description of its own version. The tests check it against the
//! route table and validate real responses against its schemas.
//!
//! What the document cannot know until it is served is filled in then, so its schemas admit
//! exactly what this service accepts: the region and category codes of this deployment's settings
//! (`RegionCode`, `CategoryCode`) and the current consent statement's version
//! (`StatementVersion`) and the active SPOCs' ids (`ActiveSpocId`, as `/meta` lists them), each
//! as an `enum`; and `IncidentDate`'s pattern, which admits 1970 to last year.

use actix_web::http::header::ContentType;
use actix_web::{HttpResponse, web};
use serde_json::Value;

use crate::http::problem::ApiError;
use crate::services;
use crate::settings::Settings;
use crate::state::AppState;

pub const DOCUMENT: &str = include_str!("../../docs/openapi.json");

pub async fn get(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let meta = serde_json::to_value(services::meta::meta(&state).await?).unwrap_or_default();
    let spocs: Vec<Value> = meta["spocs"]
        .as_array()
        .map(|spocs| spocs.iter().map(|s| s["id"].clone()).collect())
        .unwrap_or_default();
    Ok(HttpResponse::Ok()
        .content_type(ContentType::json())
        .body(served(&state.settings, spocs)))
}

/// The document with this deployment's codes and active SPOCs filled in. Falls back to the
/// document as written (whose code schemas are plain strings) if it could not be read, which its
/// unit tests rule out.
pub fn served(settings: &Settings, active_spocs: Vec<Value>) -> String {
    let Ok(mut doc) = serde_json::from_str::<Value>(DOCUMENT) else {
        return DOCUMENT.to_string();
    };
    let codes = |entries: &[crate::settings::RefEntry]| -> Value {
        entries
            .iter()
            .map(|e| Value::from(e.code.as_str()))
            .collect()
    };
    let fills = [
        ("RegionCode", codes(&settings.reference.regions)),
        ("CategoryCode", codes(&settings.reference.categories)),
        (
            "StatementVersion",
            Value::from(vec![crate::domain::consent::STATEMENT_VERSION]),
        ),
        ("ActiveSpocId", Value::Array(active_spocs)),
    ];
    for (name, values) in fills {
        if let Some(schema) = doc
            .pointer_mut(&format!("/components/schemas/{name}"))
            .and_then(Value::as_object_mut)
        {
            schema.insert("enum".into(), values);
        }
    }
    if let Some(schema) = doc
        .pointer_mut("/components/schemas/IncidentDate")
        .and_then(Value::as_object_mut)
    {
        let last_year = chrono::Datelike::year(&crate::clock::today()) - 1;
        schema.insert("pattern".into(), incident_date_pattern(last_year).into());
    }
    serde_json::to_string(&doc).unwrap_or_else(|_| DOCUMENT.to_string())
}

/// Dates from 1970 to the end of `last_year` that every year has (no 29 February): each is an
/// incident date the service takes, whatever today is.
fn incident_date_pattern(last_year: i32) -> String {
    let years: Vec<String> = (1970..=last_year.max(1970))
        .map(|y| y.to_string())
        .collect();
    format!(
        "^(?:{})-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)$",
        years.join("|")
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::DOCUMENT;
    use crate::http::ROUTES;

    const METHODS: [&str; 8] = [
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    ];

    fn document() -> serde_json::Value {
        serde_json::from_str(DOCUMENT).unwrap()
    }

    #[test]
    fn describes_exactly_the_routes_the_service_answers() {
        let doc = document();
        let documented: BTreeSet<(String, String)> = doc["paths"]
            .as_object()
            .unwrap()
            .iter()
            .flat_map(|(path, item)| {
                item.as_object()
                    .unwrap()
                    .keys()
                    .filter(|k| METHODS.contains(&k.as_str()))
                    .map(move |m| (m.clone(), path.clone()))
            })
            .collect();
        let served: BTreeSet<(String, String)> = ROUTES
            .iter()
            .map(|(m, p)| (m.to_string(), format!("/api/v1{p}")))
            .collect();
        let undocumented: Vec<_> = served.difference(&documented).collect();
        let phantom: Vec<_> = documented.difference(&served).collect();
        assert!(
            undocumented.is_empty(),
            "served, not documented: {undocumented:?}"
        );
        assert!(phantom.is_empty(), "documented, not served: {phantom:?}");
    }

    #[test]
    fn is_openapi_3_1_and_every_operation_is_complete() {
        let doc = document();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
        let mut ids = BTreeSet::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                if !METHODS.contains(&method.as_str()) {
                    continue;
                }
                let id = op["operationId"].as_str();
                assert!(id.is_some(), "{method} {path}: no operationId");
                assert!(
                    ids.insert(id.unwrap().to_string()),
                    "{method} {path}: duplicate id"
                );
                assert!(
                    op["security"].is_array() || doc["security"].is_array(),
                    "{method} {path}: no security requirement stated"
                );
                let responses = op["responses"].as_object().unwrap();
                assert!(
                    responses.keys().any(|s| s.starts_with('2')),
                    "{method} {path}: no success response"
                );
            }
        }
    }

    /// The served document names this deployment's codes and statement version, and is otherwise
    /// the document as written.
    #[test]
    fn the_served_document_fills_in_the_codes() {
        let settings = crate::settings::Settings::load(None).unwrap();
        let served: serde_json::Value =
            serde_json::from_str(&super::served(&settings, vec![serde_json::json!("x")])).unwrap();
        let schemas = &served["components"]["schemas"];
        let regions: Vec<&str> = settings
            .reference
            .regions
            .iter()
            .map(|r| r.code.as_str())
            .collect();
        assert_eq!(schemas["RegionCode"]["enum"], serde_json::json!(regions));
        assert!(
            schemas["CategoryCode"]["enum"]
                .as_array()
                .unwrap()
                .contains(&serde_json::json!("robbery"))
        );
        assert_eq!(
            schemas["StatementVersion"]["enum"],
            serde_json::json!([crate::domain::consent::STATEMENT_VERSION])
        );
        let date = &schemas["IncidentDate"];
        let admits = |d: &str| jsonschema::is_valid(date, &serde_json::json!(d));
        assert!(admits("1970-01-01") && admits("2020-12-31") && admits("2020-02-28"));
        assert!(!admits("1969-12-31") && !admits("2021-02-29") && !admits("2021-04-31"));
        let this_year = chrono::Datelike::year(&crate::clock::today());
        assert!(admits(&format!("{}-06-30", this_year - 1)));
        assert!(!admits(&format!("{}-01-01", this_year + 1)));
        let mut written = document();
        written["components"]["schemas"]["IncidentDate"]["pattern"] =
            schemas["IncidentDate"]["pattern"].clone();
        assert_eq!(schemas["ActiveSpocId"]["enum"], serde_json::json!(["x"]));
        for name in [
            "RegionCode",
            "CategoryCode",
            "StatementVersion",
            "ActiveSpocId",
        ] {
            assert!(written["components"]["schemas"][name].is_object(), "{name}");
            written["components"]["schemas"][name]["enum"] = schemas[name]["enum"].clone();
        }
        assert_eq!(served, written);
    }

    /// Every `$ref` points at something that exists.
    #[test]
    fn every_reference_resolves() {
        fn walk(v: &serde_json::Value, doc: &serde_json::Value, broken: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(map) => {
                    if let Some(r) = map.get("$ref").and_then(|r| r.as_str()) {
                        let pointer = r.trim_start_matches('#');
                        if !r.starts_with('#') || doc.pointer(pointer).is_none() {
                            broken.push(r.to_string());
                        }
                    }
                    map.values().for_each(|x| walk(x, doc, broken));
                }
                serde_json::Value::Array(items) => items.iter().for_each(|x| walk(x, doc, broken)),
                _ => {}
            }
        }
        let doc = document();
        let mut broken = Vec::new();
        walk(&doc, &doc, &mut broken);
        assert!(broken.is_empty(), "unresolved: {broken:?}");
    }
}
