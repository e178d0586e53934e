//! Staff passwords: Argon2id (19 MiB, t=2, p=1) in PHC string form with a random salt.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

use super::receipt::{M_COST_KIB, P_COST, T_COST};

#[derive(Debug, thiserror::Error)]
#[error("password hashing failed")]
pub struct HashFailed;

fn argon() -> Result<Argon2<'static>, HashFailed> {
    let params = Params::new(M_COST_KIB, T_COST, P_COST, None).map_err(|_| HashFailed)?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

pub fn hash(password: &str) -> Result<String, HashFailed> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|_| HashFailed)?;
    argon()?
        .hash_password_with_salt(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| HashFailed)
}

pub fn verify(password: &str, phc: &str) -> bool {
    argon().is_ok_and(|a| a.verify_password(password.as_bytes(), phc).is_ok())
}

/// A hash of a password nobody has, so an unknown account costs the same time as a known one.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash("no account has this password").unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifies_only_the_right_password() {
        let h = hash("correct horse battery staple").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify("correct horse battery staple", &h));
        assert!(!verify("Correct horse battery staple", &h));
        assert!(!verify("x", "not a phc string"));
        assert_ne!(h, hash("correct horse battery staple").unwrap(), "salted");
    }
}
