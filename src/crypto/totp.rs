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

/// The `otpauth://` URI as a QR code an authenticator app can scan: an SVG document made here
/// (no outside service sees the secret), without an XML declaration so it can sit inline in a
/// page.
pub fn qr_svg(uri: &str) -> Result<String, TotpFailed> {
    let code = qrcode::QrCode::new(uri.as_bytes()).map_err(|_| TotpFailed)?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(232, 232)
        .quiet_zone(true)
        .build();
    Ok(match svg.split_once("?>") {
        Some((_, rest)) if svg.starts_with("<?xml") => rest.to_string(),
        _ => svg,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_check_once_per_step_and_the_qr_code_is_inline_svg() {
        let secret = new_secret().unwrap();
        let totp = Totp::new(&secret, "staff-id").unwrap();
        let uri = totp.uri().unwrap();
        assert!(uri.starts_with("otpauth://totp/Lookout:staff-id?"), "{uri}");
        let svg = qr_svg(&uri).unwrap();
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{svg:.80}"
        );
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.contains("otpauth"), "the secret is drawn, not written");
        let code = totp_rs::Totp::from_url(&uri)
            .unwrap()
            .generate(1_800_000_000)
            .to_string();
        assert_eq!(totp.check(&code, 1_800_000_000), Some(1_800_000_000 / 30));
        assert_eq!(totp.check("000000x", 1_800_000_000), None);
    }
}
