//! Staff accounts as the core sees an authenticated one: an id, a role, and whether it must
//! still change the password an administrator gave it.

use super::error::{Error, ErrorKind};
use super::ids::StaffId;

text_enum! {
    /// What a staff account may do: admins everything, caseworkers the casework.
    Role {
        Admin => "admin",
        Caseworker => "caseworker",
    }
}

/// An authenticated staff member.
#[derive(Debug, Clone)]
pub struct StaffMember {
    pub id: StaffId,
    pub role: Role,
    /// Signed in with a password an administrator set: until it is changed, the account may only
    /// change it (or sign out).
    pub must_change_password: bool,
}

impl StaffMember {
    /// Admins may do everything; caseworkers only caseworker work; nobody anything before a
    /// password an administrator set has been changed.
    pub fn require(&self, role: Role) -> Result<(), Error> {
        if self.must_change_password {
            return Err(Error::new(ErrorKind::PasswordChangeRequired));
        }
        match (self.role, role) {
            (Role::Admin, _) | (Role::Caseworker, Role::Caseworker) => Ok(()),
            _ => Err(Error::new(ErrorKind::Forbidden)),
        }
    }
}
