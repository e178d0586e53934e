//! Dates. Reporters only ever see days, so the service mostly deals in `YYYY-MM-DD`.

use chrono::{NaiveDate, Utc};

pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

pub fn today_string() -> String {
    today().format("%Y-%m-%d").to_string()
}

/// Seconds since the Unix epoch, for expiries that staff-side code compares.
pub fn now_unix() -> i64 {
    Utc::now().timestamp()
}
