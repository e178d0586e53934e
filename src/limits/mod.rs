//! In-memory limits: how many requests a client (and everyone) may make, and the slowing of
//! receipt guesses. Leaves: they import nothing of the crate's, hold no address and store nothing.

pub mod rate;
pub mod throttle;

pub use rate::RateLimiter;
pub use throttle::MissThrottle;
