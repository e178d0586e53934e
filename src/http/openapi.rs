//! `GET /api/v1/openapi.json`: the OpenAPI 3.1 document in `docs/openapi.json`, compiled in so
//! the binary always serves the description of its own version. The tests check it against the
//! route table and validate real responses against its schemas.

use actix_web::HttpResponse;
use actix_web::http::header::ContentType;

pub const DOCUMENT: &str = include_str!("../../docs/openapi.json");

pub async fn get() -> HttpResponse {
    HttpResponse::Ok()
        .content_type(ContentType::json())
        .body(DOCUMENT)
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
