//! Staff accounts as the core sees an authenticated one: an id and a role.

use super::error::{Error, ErrorKind};
use super::ids::StaffId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Admin,
    Caseworker,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Caseworker => "caseworker",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "admin" => Some(Role::Admin),
            "caseworker" => Some(Role::Caseworker),
            _ => None,
        }
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
