//! The JSON body extractor every handler uses: 415 for a wrong content type, 413 over the
//! configured limit, 400 for malformed JSON, 422 with field-level errors for the wrong shape.
//! Error messages name fields and expected types, never the values sent.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::web::BytesMut;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt;
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::domain::{Error, FieldError};
use crate::http::problem::{ApiError, Code};
use crate::state::AppState;

pub struct ApiJson<T>(pub T);

const DEFAULT_LIMIT: usize = 65536;

impl<T: DeserializeOwned + 'static> FromRequest for ApiJson<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req
            .app_data::<web::Data<AppState>>()
            .map_or(DEFAULT_LIMIT, |s| s.settings.limits.body_bytes);
        let content_type_ok = is_json(req);
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !content_type_ok {
                return Err(ApiError::new(Code::UnsupportedMediaType));
            }
            if declared.is_some_and(|len| len > limit) {
                return Err(ApiError::new(Code::PayloadTooLarge));
            }
            let mut body = BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|_| ApiError::new(Code::BadRequest))?;
                if body.len() + chunk.len() > limit {
                    return Err(ApiError::new(Code::PayloadTooLarge));
                }
                body.extend_from_slice(&chunk);
            }
            decode_body(&body).map(ApiJson)
        })
    }
}

fn is_json(req: &HttpRequest) -> bool {
    let Some(value) = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim();
    essence.eq_ignore_ascii_case("application/json")
}

/// The pure part of the extractor, once the body is within the limit: 400 for malformed JSON,
/// else [`decode`]. Fuzzed by `fuzz/` (target `json_body`).
pub fn decode_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let value: Value =
        serde_json::from_slice(body).map_err(|_| ApiError::new(Code::MalformedJson))?;
    decode(value)
}

/// Turns a parsed body into `T`, with a field-level 422 when its shape is wrong.
pub fn decode<T: DeserializeOwned>(value: Value) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let (field, message) = describe(&path, &e.inner().to_string());
        ApiError::from(Error::validation(vec![FieldError::new(field, message)]))
    })
}

/// serde's messages quote the offending value ("invalid type: string \"...\""); keep only what
/// names the field and what was expected.
fn describe(path: &str, raw: &str) -> (String, String) {
    let join = |name: &str| {
        let name: String = name.chars().take(64).collect();
        if path.is_empty() || path == "." {
            name
        } else {
            format!("{path}.{name}")
        }
    };
    let here = if path.is_empty() || path == "." {
        "body".to_string()
    } else {
        path.to_string()
    };
    let quoted = |s: &str| s.split('`').nth(1).unwrap_or("").to_string();
    let expected = |s: &str| {
        // The last one: a quoted value may itself hold ", expected ".
        s.rsplit_once(", expected ")
            .map(|(_, e)| e.to_string())
            .unwrap_or_default()
    };
    if raw.starts_with("unknown field") {
        // The path already ends with the unknown field's name.
        (here, "is not a known field".into())
    } else if raw.starts_with("missing field") {
        (join(&quoted(raw)), "is required".into())
    } else if raw.starts_with("unknown variant")
        || raw.starts_with("invalid type")
        || raw.starts_with("invalid value")
    {
        (here, format!("must be {}", expected(raw)))
    } else if raw.starts_with("invalid length") {
        (here, format!("must have {}", expected(raw)))
    } else {
        (here, "is not valid".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        flag: bool,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        name: String,
        inner: Inner,
    }

    fn err_of(v: Value) -> FieldError {
        decode::<Outer>(v).unwrap_err().errors()[0].clone()
    }

    #[test]
    fn messages_name_fields_not_values() {
        let e = err_of(serde_json::json!({"name": "a", "inner": {"flag": "SECRET-VALUE"}}));
        assert_eq!(e.field, "inner.flag");
        assert_eq!(e.message, "must be a boolean");
        let e = err_of(serde_json::json!({"name": "a", "inner": {"flag": true}, "extra": 1}));
        assert_eq!(e.field, "extra");
        assert_eq!(e.message, "is not a known field");
        let e = err_of(serde_json::json!({"inner": {"flag": true}}));
        assert_eq!(e.field, "name");
        assert_eq!(e.message, "is required");
        let e = err_of(serde_json::json!({"name": "a", "inner": {"flag": true, "x": 2}}));
        assert_eq!(e.field, "inner.x");
        let e = err_of(serde_json::json!({"name": "a", "inner": {"flag": "x, expected SECRET"}}));
        assert_eq!(e.message, "must be a boolean");
    }
}
