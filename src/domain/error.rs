//! What can go wrong, in the core's own words. Services and workers return [`Error`]; each face
//! renders it its own way (`src/http/problem.rs` as RFC 9457 problem details; the coming pages as
//! a page). Nothing here names a web framework or a status code.

use std::borrow::Cow;

use serde::Serialize;

/// What went wrong, as a caller can act on it. The faces map each kind to what they show
/// (an HTTP status and a stable `code`, or a page); the kinds never change meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The request could not be understood (a face's own parsing failed).
    BadRequest,
    /// Authentication is required, or the session is over.
    Unauthorized,
    /// The email, password or code is not right (one answer for all three).
    LoginFailed,
    /// Authenticated, but this role may not do this.
    Forbidden,
    /// The account still has the password an administrator gave it: it must be changed first.
    PasswordChangeRequired,
    /// The reporter has not consented to police seeing this report.
    ConsentRequired,
    /// The SPOC the reporter consented to is no longer active.
    ConsentSpocChanged,
    NotFound,
    /// No report matches the receipt.
    ReceiptUnknown,
    /// The request conflicts with the current state.
    Conflict,
    /// The reporter asked for no alert from this report.
    AlertNotAllowed,
    /// The report has already been forwarded; it is never sent twice.
    AlreadyForwarded,
    /// Some fields are not valid (the field errors say which).
    ValidationFailed,
    /// A field about immigration, nationality or identity documents was sent.
    FirewallField,
    /// The recipient is immigration enforcement.
    FirewallRecipient,
    /// A sealed (HPKE) report did not open.
    SealedInvalid,
    /// Too many requests from this client, or from everyone.
    RateLimited,
    /// A resource (the database pool) is exhausted for now.
    Unavailable,
    /// The mail server did not take a message that had to go now.
    MailUnavailable,
    /// A real fault on our side.
    Internal,
}

/// One field that is not valid, and why (a sentence a person can act on).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// An error of the core: a kind, optionally a sentence for people that replaces the kind's
/// default, field errors, and for real faults a cause that is logged by kind and never shown.
#[derive(Debug, thiserror::Error)]
#[error("{kind:?}")]
pub struct Error {
    kind: ErrorKind,
    detail: Option<Cow<'static, str>>,
    errors: Vec<FieldError>,
    cause: Option<String>,
}

impl Error {
    pub fn new(kind: ErrorKind) -> Self {
        Self {
            kind,
            detail: None,
            errors: Vec::new(),
            cause: None,
        }
    }

    /// Replaces the kind's default sentence (it must not quote what a person sent).
    pub fn with_detail(mut self, detail: impl Into<Cow<'static, str>>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }

    pub fn validation(errors: Vec<FieldError>) -> Self {
        Self::new(ErrorKind::ValidationFailed).with_errors(errors)
    }

    /// A real fault. `cause` goes to the log (it must not contain request content), never to
    /// anyone who asked.
    pub fn internal(cause: impl Into<String>) -> Self {
        Self {
            cause: Some(cause.into()),
            ..Self::new(ErrorKind::Internal)
        }
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    pub fn cause(&self) -> Option<&str> {
        self.cause.as_deref()
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error::new(kind)
    }
}

/// Serialising or reading back one of our own records failed: a fault, never the caller's.
impl From<serde_json::Error> for Error {
    fn from(_: serde_json::Error) -> Self {
        Error::internal("a record could not be encoded or decoded")
    }
}
