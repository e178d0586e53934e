//! Lookout: anonymous, encrypted Ugly Mugs reporting. See `docs/architecture.md` for the map.

pub mod alerts;
pub mod app;
pub mod audit;
pub mod cases;
pub mod checks;
pub mod cli;
pub mod clock;
pub mod consent;
pub mod crypto;
pub mod db;
pub mod deliveries;
pub mod firewall;
pub mod forwarding;
pub mod http;
pub mod identifiers;
pub mod mail;
pub mod problem;
pub mod redact;
pub mod register;
pub mod reports;
pub mod retention;
pub mod secret;
pub mod settings;
pub mod staff;
pub mod subscriptions;
pub mod telemetry;
