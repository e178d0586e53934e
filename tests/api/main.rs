//! One integration-test binary: every test talks real HTTP to a real service on a real database.
// Panicking on an unexpected value is how a test fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;

mod alerts;
mod browser;
mod checks;
mod cli;
mod conformance;
mod console;
mod console_admin;
mod faults;
mod firewall;
mod fixture;
mod forwarding;
mod foundation;
mod journeys;
mod limits;
mod logging;
mod mail_transport;
mod openapi;
mod pages;
mod reports;
mod smtp;
mod staff;
mod staff_journeys;
mod tamper;
mod transparency;
