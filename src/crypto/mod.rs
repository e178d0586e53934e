//! Cryptography: keys, record sealing, receipts and sealed (HPKE) reports.
//! Nothing outside this module touches key bytes or cipher primitives.

pub mod keys;
pub mod password;
pub mod receipt;
pub mod seal;
pub mod sealed;
pub mod tokens;

pub use keys::{KeyRing, Purpose};
