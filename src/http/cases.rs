//! `/cases`: the caseworker queue and what can be done with a case.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::json;

use super::auth::Authed;
use super::json::ApiJson;
use crate::domain::{Error, FieldError, ReportId};
use crate::http::problem::{ApiError, Code};
use crate::services::{cases, forwarding};
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    status: Option<String>,
    /// The cursor the page before ended with (paging).
    after: Option<String>,
    limit: Option<i64>,
}

/// One page of the queue as a JSON array (the contract's shape); when there are more, a
/// `Link: <…>; rel="next"` header (RFC 8288) says where the next page starts.
pub async fn list(
    state: web::Data<AppState>,
    auth: Authed,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let request = cases::ListRequest {
        status: query.status,
        after: query.after,
        limit: query.limit,
    };
    let page = cases::list(&state, &auth.member, request.clone()).await?;
    let mut response = HttpResponse::Ok();
    if let Some(next) = &page.next {
        let mut url = url::form_urlencoded::Serializer::new(String::new());
        if let Some(status) = &request.status {
            url.append_pair("status", status);
        }
        if let Some(limit) = request.limit {
            url.append_pair("limit", &limit.to_string());
        }
        url.append_pair("after", &next.to_string());
        response.insert_header((
            actix_web::http::header::LINK,
            format!("</api/v1/cases?{}>; rel=\"next\"", url.finish()),
        ));
    }
    Ok(response.json(page.cases))
}

pub async fn view(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<ReportId>,
) -> Result<HttpResponse, ApiError> {
    let case = cases::view(&state, &auth.member, &id).await?;
    Ok(HttpResponse::Ok().json(case))
}

pub async fn alert_draft(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<ReportId>,
) -> Result<HttpResponse, ApiError> {
    let draft = cases::alert_draft(&state, &auth.member, &id).await?;
    Ok(HttpResponse::Ok().json(draft))
}

pub async fn publish(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<ReportId>,
    ApiJson(body): ApiJson<cases::PublishInput>,
) -> Result<HttpResponse, ApiError> {
    let published = cases::publish(&state, &auth.member, &id, body).await?;
    Ok(HttpResponse::Created().json(published))
}

/// What `publish` would publish, checked alike, and how many subscribers it would reach now.
pub async fn publish_preview(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<ReportId>,
    ApiJson(body): ApiJson<cases::PublishInput>,
) -> Result<HttpResponse, ApiError> {
    let preview = cases::publish_preview(&state, &auth.member, &id, body).await?;
    Ok(HttpResponse::Ok().json(preview))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageBody {
    body: String,
}

pub async fn message(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<ReportId>,
    ApiJson(body): ApiJson<MessageBody>,
) -> Result<HttpResponse, ApiError> {
    let on = cases::reply(&state, &auth.member, &id, &body.body).await?;
    Ok(HttpResponse::Created().json(json!({"from": "caseworker", "on": on})))
}

pub async fn close(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<ReportId>,
) -> Result<HttpResponse, ApiError> {
    cases::close(&state, &auth.member, &id).await?;
    Ok(HttpResponse::Ok().json(json!({"status": "closed"})))
}

/// The forward's body is optional: `{}` (or nothing) sends the text as built; `{"remove":
/// ["…"]}` takes those spans away first; `"previewed"` is the `digest` of a forward preview, and
/// the forward is refused (409) if what would be sent now differs from what was previewed.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForwardBody {
    #[serde(default)]
    pub remove: Vec<String>,
    #[serde(default)]
    pub previewed: Option<String>,
}

/// The forward preview's body: forward's, without `previewed`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForwardPreviewBody {
    #[serde(default)]
    pub remove: Vec<String>,
}

/// An optional JSON body: nothing (or only whitespace) is the default.
fn optional_body<T: DeserializeOwned + Default>(body: &[u8]) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|_| ApiError::new(Code::MalformedJson))?;
    crate::http::json::decode(value)
}

/// Bounds what a caseworker may take away (each span is checked against the text by the service):
/// at most 100 spans of at most 20,000 characters, as the OpenAPI document says.
fn check_remove(remove: &[String]) -> Result<(), ApiError> {
    if remove.len() > 100 || remove.iter().any(|s| s.chars().count() > 20_000) {
        return Err(ApiError::from(Error::validation(vec![FieldError::new(
            "remove",
            "must have at most 100 entries of at most 20,000 characters",
        )])));
    }
    Ok(())
}

pub async fn forward(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<ReportId>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let body: ForwardBody = optional_body(&body)?;
    check_remove(&body.remove)?;
    let forwarded = forwarding::forward(
        &state,
        &auth.member,
        &id,
        &body.remove,
        body.previewed.as_deref(),
    )
    .await?;
    Ok(HttpResponse::Created().json(forwarded))
}

/// Exactly what `forward` would send now, with the same `remove`; nothing is recorded or sent.
pub async fn forward_preview(
    state: web::Data<AppState>,
    auth: Authed,
    id: web::Path<ReportId>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let body: ForwardPreviewBody = optional_body(&body)?;
    check_remove(&body.remove)?;
    let preview = forwarding::preview(&state, &auth.member, &id, &body.remove).await?;
    Ok(HttpResponse::Ok().json(preview))
}
