//! The anonymous-request limits as extractors: a handler that takes [`AnonymousLimit`] (new
//! reports, previews, subscriptions), [`ReceiptLimit`] (anything done with a receipt) or
//! [`LoginLimit`] (staff sign-in) first is counted in that group's buckets before its body is even
//! read, and answers 429 with `Retry-After` when over. Each group has buckets of its own, so a flood
//! of new reports never blocks a reporter's follow-up or withdrawal, or a staff sign-in.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, HttpResponse, web};
use serde_json::json;

use crate::domain::Error;
use crate::http::problem::{ApiError, Code};
use crate::limits::{Asker, Group, Refusal};
use crate::state::AppState;

/// Counts one request of `group` from this client (see [`crate::limits::Limits::admit`]). When
/// over a bucket, the wait goes into the request's extensions, where the middleware in `app.rs`
/// finds it for the 429's `Retry-After`; when a proof of work is required, the challenge goes
/// there for the 428's `Lookout-Challenge`.
///
/// The client is the TCP peer or, from a trusted proxy, the address it forwarded: only hashed into
/// the limiter's memory, never logged or kept.
pub fn admit(req: &HttpRequest, state: &AppState, group: Group) -> Result<(), ApiError> {
    let header = state.limits.proxy_header();
    let forwarded: Vec<&str> = req
        .headers()
        .get_all(header)
        .filter_map(|v| v.to_str().ok())
        .collect();
    let asker = Asker {
        peer: req.peer_addr().map(|a| a.ip()),
        forwarded: forwarded.into_iter(),
        proof: req
            .headers()
            .get(PROOF_HEADER)
            .and_then(|v| v.to_str().ok()),
        api: true,
    };
    match state.limits.admit(group, asker) {
        Ok(()) => Ok(()),
        Err(Refusal::Wait(wait)) => {
            req.extensions_mut().insert(wait);
            Err(ApiError::new(Code::RateLimited))
        }
        Err(Refusal::ProofRequired(challenge)) => {
            req.extensions_mut().insert(challenge);
            Err(ApiError::new(Code::ProofRequired))
        }
    }
}

/// `GET /challenge`: a fresh proof-of-work challenge, and whether proofs are being asked for now.
pub async fn challenge(state: web::Data<AppState>) -> HttpResponse {
    let c = state.limits.challenge();
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(json!({
            "challenge": c.challenge,
            "difficulty": c.difficulty,
            "expires_at": c.expires_at,
            "required": state.limits.flooded(),
        }))
}

/// The request header carrying a solved challenge: `<challenge>:<number>`.
pub const PROOF_HEADER: &str = "lookout-proof";

fn extract(req: &HttpRequest, group: Group) -> Result<(), ApiError> {
    let Some(state) = req.app_data::<web::Data<AppState>>() else {
        return Err(ApiError::from(Error::internal("application state missing")));
    };
    admit(req, state, group)
}

macro_rules! limit_extractor {
    ($(#[$doc:meta])* $name:ident, $group:expr) => {
        $(#[$doc])*
        pub struct $name;

        impl FromRequest for $name {
            type Error = ApiError;
            type Future = Ready<Result<Self, ApiError>>;

            fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
                ready(extract(req, $group).map(|()| $name))
            }
        }
    };
}

limit_extractor!(
    /// New reports (plain, sealed, previews) and subscriptions: `limits.anonymous_*`.
    AnonymousLimit,
    Group::Writes
);
limit_extractor!(
    /// Requests made with a receipt: `limits.receipt_*`.
    ReceiptLimit,
    Group::Receipts
);
limit_extractor!(
    /// Staff sign-in: `limits.login_*`.
    LoginLimit,
    Group::Logins
);
