//! The one error type of the HTTP API, rendered as RFC 9457 problem details.
//!
//! A problem says what a client may know: a stable `code`, a status, a sentence for people and
//! field errors. The core's [`Error`] becomes one here and only here (`From<Error>`); the
//! framework's own errors become one in [`render_framework_errors`]. Internal causes are logged
//! by kind only and never put in a response.

use std::borrow::Cow;

use actix_web::body::BoxBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

use crate::domain::{Error, ErrorKind, FieldError};

pub const PROBLEM_JSON: &str = "application/problem+json";

/// Every error a client can see. The code is the stable word clients switch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    MalformedJson,
    BadRequest,
    Unauthorized,
    LoginFailed,
    Forbidden,
    PasswordChangeRequired,
    ConsentRequired,
    ConsentSpocChanged,
    NotFound,
    ReceiptUnknown,
    MethodNotAllowed,
    Conflict,
    AlertNotAllowed,
    AlreadyForwarded,
    PayloadTooLarge,
    UnsupportedMediaType,
    ValidationFailed,
    FirewallField,
    FirewallRecipient,
    SealedInvalid,
    ProofRequired,
    RateLimited,
    ServiceUnavailable,
    MailUnavailable,
    InternalError,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::MalformedJson => "malformed_json",
            Code::BadRequest => "bad_request",
            Code::Unauthorized => "unauthorized",
            Code::LoginFailed => "login_failed",
            Code::Forbidden => "forbidden",
            Code::PasswordChangeRequired => "password_change_required",
            Code::ConsentRequired => "consent_required",
            Code::ConsentSpocChanged => "consent_spoc_changed",
            Code::NotFound => "not_found",
            Code::ReceiptUnknown => "receipt_unknown",
            Code::MethodNotAllowed => "method_not_allowed",
            Code::Conflict => "conflict",
            Code::AlertNotAllowed => "alert_not_allowed",
            Code::AlreadyForwarded => "already_forwarded",
            Code::PayloadTooLarge => "payload_too_large",
            Code::UnsupportedMediaType => "unsupported_media_type",
            Code::ValidationFailed => "validation_failed",
            Code::FirewallField => "firewall_field",
            Code::FirewallRecipient => "firewall_recipient",
            Code::SealedInvalid => "sealed_invalid",
            Code::ProofRequired => "proof_required",
            Code::RateLimited => "rate_limited",
            Code::ServiceUnavailable => "service_unavailable",
            Code::MailUnavailable => "mail_unavailable",
            Code::InternalError => "internal_error",
        }
    }

    pub fn status(self) -> StatusCode {
        match self {
            Code::MalformedJson | Code::BadRequest => StatusCode::BAD_REQUEST,
            Code::Unauthorized | Code::LoginFailed => StatusCode::UNAUTHORIZED,
            Code::Forbidden
            | Code::PasswordChangeRequired
            | Code::ConsentRequired
            | Code::ConsentSpocChanged => StatusCode::FORBIDDEN,
            Code::NotFound | Code::ReceiptUnknown => StatusCode::NOT_FOUND,
            Code::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Code::Conflict | Code::AlertNotAllowed | Code::AlreadyForwarded => StatusCode::CONFLICT,
            Code::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Code::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Code::ValidationFailed
            | Code::FirewallField
            | Code::FirewallRecipient
            | Code::SealedInvalid => StatusCode::UNPROCESSABLE_ENTITY,
            Code::ProofRequired => StatusCode::PRECONDITION_REQUIRED,
            Code::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Code::ServiceUnavailable | Code::MailUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            Code::InternalError => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn default_detail(self) -> &'static str {
        match self {
            Code::MalformedJson => "The request body is not valid JSON.",
            Code::BadRequest => "The request could not be understood.",
            Code::Unauthorized => "Authentication is required.",
            Code::LoginFailed => "The email, password or code is not right.",
            Code::Forbidden => "You are not allowed to do this.",
            Code::PasswordChangeRequired => {
                "Change the password an administrator gave this account first \
                 (POST /api/v1/auth/password)."
            }
            Code::ConsentRequired => {
                "The reporter has not consented to sharing this report with police."
            }
            Code::ConsentSpocChanged => {
                "The police contact the reporter consented to is no longer active. Nothing can be \
                 sent until the reporter consents again."
            }
            Code::NotFound => "There is nothing at this address.",
            Code::ReceiptUnknown => "No report matches this receipt.",
            Code::MethodNotAllowed => "This address does not accept this method.",
            Code::Conflict => "The request conflicts with the current state.",
            Code::AlertNotAllowed => "The reporter asked for no alert to be made from this report.",
            Code::AlreadyForwarded => {
                "This report has already been forwarded; it is never sent twice."
            }
            Code::PayloadTooLarge => "The request body is larger than this service accepts.",
            Code::UnsupportedMediaType => "Send the body as application/json.",
            Code::ValidationFailed => "Some fields are not valid.",
            Code::FirewallField => {
                "Lookout never asks for or stores immigration status, nationality, visa, asylum, \
                 right-to-work or identity-document details. Remove that field and send again; \
                 nothing was stored."
            }
            Code::SealedInvalid => "The sealed report could not be opened.",
            Code::FirewallRecipient => {
                "This address belongs to immigration enforcement. Lookout never sends anything there."
            }
            Code::ProofRequired => {
                "The service is flooded: solve the challenge in the Lookout-Challenge header and \
                 send the request again with a Lookout-Proof header."
            }
            Code::RateLimited => "Too many requests. Wait a little and try again.",
            Code::ServiceUnavailable => "The service is temporarily unavailable.",
            Code::MailUnavailable => {
                "The mail server did not take the message. Nothing was sent or recorded; try again."
            }
            Code::InternalError => "Something went wrong on our side. Nothing you sent was logged.",
        }
    }

    /// The code a bare status maps to, for responses the framework produced itself.
    fn for_status(status: StatusCode) -> Code {
        match status.as_u16() {
            400 => Code::BadRequest,
            401 => Code::Unauthorized,
            403 => Code::Forbidden,
            404 => Code::NotFound,
            405 => Code::MethodNotAllowed,
            409 => Code::Conflict,
            413 => Code::PayloadTooLarge,
            415 => Code::UnsupportedMediaType,
            422 => Code::ValidationFailed,
            428 => Code::ProofRequired,
            429 => Code::RateLimited,
            503 => Code::ServiceUnavailable,
            s if s >= 500 => Code::InternalError,
            _ => Code::BadRequest,
        }
    }
}

/// A problem as the API answers it. Built from the core's [`Error`] (`?` converts), or from a
/// [`Code`] the core has no word for (malformed JSON, a wrong method, a body too large).
#[derive(Debug, thiserror::Error)]
#[error("{}", code.as_str())]
pub struct ApiError {
    code: Code,
    detail: Option<Cow<'static, str>>,
    errors: Vec<FieldError>,
    /// Logged by kind, never sent.
    cause: Option<String>,
}

impl ApiError {
    pub fn new(code: Code) -> Self {
        Self {
            code,
            detail: None,
            errors: Vec::new(),
            cause: None,
        }
    }

    pub fn with_detail(mut self, detail: impl Into<Cow<'static, str>>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }
}

impl Code {
    /// The code (and so the status) of each kind of core error. Exhaustive: a new kind cannot
    /// reach clients without a code.
    fn of(kind: ErrorKind) -> Code {
        match kind {
            ErrorKind::BadRequest => Code::BadRequest,
            ErrorKind::Unauthorized => Code::Unauthorized,
            ErrorKind::LoginFailed => Code::LoginFailed,
            ErrorKind::Forbidden => Code::Forbidden,
            ErrorKind::PasswordChangeRequired => Code::PasswordChangeRequired,
            ErrorKind::ConsentRequired => Code::ConsentRequired,
            ErrorKind::ConsentSpocChanged => Code::ConsentSpocChanged,
            ErrorKind::NotFound => Code::NotFound,
            ErrorKind::ReceiptUnknown => Code::ReceiptUnknown,
            ErrorKind::Conflict => Code::Conflict,
            ErrorKind::AlertNotAllowed => Code::AlertNotAllowed,
            ErrorKind::AlreadyForwarded => Code::AlreadyForwarded,
            ErrorKind::ValidationFailed => Code::ValidationFailed,
            ErrorKind::FirewallField => Code::FirewallField,
            ErrorKind::FirewallRecipient => Code::FirewallRecipient,
            ErrorKind::SealedInvalid => Code::SealedInvalid,
            ErrorKind::RateLimited => Code::RateLimited,
            ErrorKind::Unavailable => Code::ServiceUnavailable,
            ErrorKind::MailUnavailable => Code::MailUnavailable,
            ErrorKind::Internal => Code::InternalError,
        }
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError {
            code: Code::of(e.kind()),
            detail: e.detail().map(|d| Cow::Owned(d.to_string())),
            errors: e.errors().to_vec(),
            cause: e.cause().map(str::to_string),
        }
    }
}

impl From<ErrorKind> for ApiError {
    fn from(kind: ErrorKind) -> Self {
        ApiError::from(Error::new(kind))
    }
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'static str,
    status: u16,
    code: &'static str,
    detail: &'a str,
    #[serde(skip_serializing_if = "<[FieldError]>::is_empty")]
    errors: &'a [FieldError],
}

fn render(code: Code, detail: &str, errors: &[FieldError]) -> HttpResponse {
    let status = code.status();
    let body = Body {
        kind: "about:blank",
        title: status.canonical_reason().unwrap_or("Error"),
        status: status.as_u16(),
        code: code.as_str(),
        detail,
        errors,
    };
    let json = serde_json::to_string(&body).unwrap_or_else(|_| "{}".to_string());
    HttpResponse::build(status)
        .insert_header((header::CONTENT_TYPE, PROBLEM_JSON))
        .body(json)
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.code.status()
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        if let Some(cause) = &self.cause {
            tracing::error!(code = self.code.as_str(), cause = %cause, "request failed");
        }
        let detail = self
            .detail
            .as_deref()
            .unwrap_or_else(|| self.code.default_detail());
        render(self.code, detail, &self.errors)
    }
}

/// Last line of defence: any error response that is not our own JSON (the framework's own
/// 404, 405, payload and extractor errors) is replaced by a problem for its status, so no
/// framework message, which may quote the request, ever reaches a client.
pub fn render_framework_errors<B>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    // Our own answers are JSON (problems, or the health check's 503); the framework's are text.
    let ours = res.headers().get(header::CONTENT_TYPE).is_some_and(|v| {
        v == HeaderValue::from_static(PROBLEM_JSON)
            || v == HeaderValue::from_static("application/json")
    });
    if ours {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let code = Code::for_status(res.status());
    let (req, _) = res.into_parts();
    let response = render(code, code.default_detail(), &[]);
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, response).map_into_right_body(),
    ))
}
