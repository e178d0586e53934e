//! Staff accounts as the core sees an authenticated one: an id and a role.

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
}

impl StaffMember {
    /// Admins may do everything; caseworkers only caseworker work.
    pub fn require(&self, role: Role) -> Result<(), Error> {
        match (self.role, role) {
            (Role::Admin, _) | (Role::Caseworker, Role::Caseworker) => Ok(()),
            _ => Err(Error::new(ErrorKind::Forbidden)),
        }
    }
}
