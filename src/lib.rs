//! Lookout: anonymous, encrypted Ugly Mugs reporting. See `docs/architecture.md` for the map.
//!
//! Four layers, imports pointing down only (checked by `scripts/check-layers.py`):
//!
//! 1. faces: `http` (the JSON API), `web` (the HTML pages), `cli`, and the shell that starts them (`app`, `telemetry`);
//! 2. `services`: one module per capability, owning its rules;
//! 3. pure rules (`firewall`, `redact`, `identifiers`, `suppression`: no I/O) and infrastructure (`db`,
//!    `crypto`, `mail`, `i18n`, `limits`, `settings`, `secret`, `clock`, and `state`, which gathers
//!    them for the services);
//! 4. `domain`: plain types and the core's error.

// Faces and the shell.
pub mod app;
pub mod cli;
pub mod http;
pub mod telemetry;
pub mod web;

// Services.
pub mod services;

// Pure rules.
pub mod firewall;
pub mod identifiers;
pub mod redact;
pub mod suppression;

// Infrastructure.
pub mod clock;
pub mod crypto;
pub mod db;
pub mod i18n;
pub mod limits;
pub mod mail;
pub mod secret;
pub mod settings;
pub mod state;

// Domain.
pub mod domain;
