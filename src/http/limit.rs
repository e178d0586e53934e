//! The anonymous-request limit as an extractor: a handler that takes [`AnonymousLimit`] first
//! is counted in `limits.anonymous_*` before its body is even read, and answers 429 when over.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};

use crate::domain::Error;
use crate::http::problem::{ApiError, Code};
use crate::state::AppState;

pub struct AnonymousLimit;

impl FromRequest for AnonymousLimit {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let Some(state) = req.app_data::<web::Data<AppState>>() else {
            return ready(Err(ApiError::from(Error::internal(
                "application state missing",
            ))));
        };
        // The address is only hashed into the limiter's in-memory window; never logged or kept.
        let allowed = state
            .anonymous_limiter
            .allow(req.peer_addr().map(|a| a.ip()));
        ready(if allowed {
            Ok(AnonymousLimit)
        } else {
            Err(ApiError::new(Code::RateLimited))
        })
    }
}
