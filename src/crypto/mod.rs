//! Cryptography: keys, record sealing, receipts and sealed (HPKE) reports.
//! Nothing outside this module touches key bytes or cipher primitives.

mod aead;
pub mod hashing;
mod hpke_open;
pub mod keys;
pub mod password;
mod random;
pub mod receipt;
pub mod records;
mod seal;
pub mod sealed;
pub mod tokens;
pub mod totp;

pub use keys::{KeyRing, Purpose};
pub use records::{DataKey, Direct, Envelope, Sealed};
pub use seal::SealError;

use crate::domain::Error;

/// The bytes a test vector writes in hex.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// A cryptographic operation failed (a key did not open, randomness failed): a real fault,
/// logged by kind only, never with the data.
fn fault(what: &str) -> Error {
    Error::internal(format!("a cryptographic operation failed: {what}"))
}

impl From<seal::SealError> for Error {
    fn from(e: seal::SealError) -> Self {
        fault(&e.to_string())
    }
}

impl From<keys::KeyFileError> for Error {
    fn from(_: keys::KeyFileError) -> Self {
        fault("key material")
    }
}

impl From<password::HashFailed> for Error {
    fn from(_: password::HashFailed) -> Self {
        Error::internal("password hashing failed")
    }
}

impl From<tokens::RandomFailed> for Error {
    fn from(_: tokens::RandomFailed) -> Self {
        fault("the random number generator")
    }
}

impl From<receipt::ReceiptError> for Error {
    fn from(e: receipt::ReceiptError) -> Self {
        fault(&e.to_string())
    }
}

impl From<hashing::PoolClosed> for Error {
    fn from(_: hashing::PoolClosed) -> Self {
        Error::internal("password hashing threads are gone")
    }
}

impl From<totp::TotpFailed> for Error {
    fn from(_: totp::TotpFailed) -> Self {
        fault("TOTP")
    }
}
