//! Staff second factor: RFC 6238 TOTP (SHA-1, 6 digits, 30 s, as authenticator apps expect).
//! The secret is sealed at rest (`records::Direct::StaffTotp`); this module only makes and
//! checks codes.

use zeroize::Zeroizing;

#[derive(Debug, thiserror::Error)]
#[error("a TOTP secret could not be made or read")]
pub struct TotpFailed;

/// A fresh 160-bit secret from the OS CSPRNG.
pub fn new_secret() -> Result<Zeroizing<Vec<u8>>, TotpFailed> {
    let mut secret = Zeroizing::new(vec![0u8; 20]);
    getrandom::fill(&mut secret).map_err(|_| TotpFailed)?;
    Ok(secret)
}

/// The generator for a secret; `account` labels it in the authenticator app.
pub struct Totp(totp_rs::Totp);

impl Totp {
    pub fn new(secret: &[u8], account: impl AsRef<str>) -> Result<Self, TotpFailed> {
        totp_rs::Builder::new()
            .with_secret(secret.to_vec())
            .with_issuer(Some("Lookout"))
            .with_account_name(account.as_ref().to_string())
            .build()
            .map(Totp)
            .map_err(|_| TotpFailed)
    }

    /// The `otpauth://` URI an authenticator app reads (it holds the secret: shown once).
    pub fn uri(&self) -> Result<String, TotpFailed> {
        self.0.to_url().map_err(|_| TotpFailed)
    }

    /// The time step a code is valid for at `now` (one step of skew either way), if any.
    pub fn check(&self, code: &str, now: u64) -> Option<u64> {
        self.0.check(code, now)
    }
}
