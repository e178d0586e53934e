//! Services: one module per capability, each owning its rules. They take the [`AppState`]
//! (`crate::state`) and plain domain values, return [`crate::domain::Error`], and know nothing of
//! the face that called them: the JSON API and the pages call the same functions.
//!
//! [`AppState`]: crate::state::AppState

pub mod alerts;
pub mod audit;
pub mod audit_head;
pub mod cases;
pub mod checks;
pub mod deliveries;
pub mod exceptions;
pub mod forwarding;
pub mod meta;
pub mod police_requests;
pub mod register;
pub mod reports;
pub mod retention;
pub mod staff;
pub mod statistics;
pub mod subscriptions;

#[cfg(test)]
mod outgoing_properties;
