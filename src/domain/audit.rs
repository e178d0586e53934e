//! What the audit log records. The words are part of the hash chain, so each variant's text is
//! fixed forever: changing one would make every entry written under the old word fail to verify.

use std::fmt;

/// One thing that happened, as the audit log names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    ReportWithdraw,
    ReportExpire,
    ConsentChange,
    CaseView,
    CaseViewDraft,
    CaseReply,
    CaseClose,
    CaseForward,
    CaseForwardFailed,
    CaseForwardRefused,
    /// A forward from which the caseworker took this many further passages out.
    CaseForwardReduced(usize),
    AlertPublish,
    SpocCreate,
    SpocRetire,
    OrgCreate,
    OrgRevoke,
    /// A staff account was made, with this role word (`admin`, `caseworker`).
    StaffCreate(&'static str),
    StaffLogin,
    StaffLoginFailed,
    StaffLogout,
    StaffTotpEnabled,
    /// The account's owner changed its password.
    StaffPasswordChange,
    /// The account's owner turned its second factor off.
    StaffTotpDisabled,
    /// An administrator gave the account a new initial password.
    StaffPasswordReset,
    /// An administrator turned the account's second factor off.
    StaffTotpReset,
    /// An administrator disabled the account (its sessions ended with it).
    StaffDisable,
    /// A caseworker read what a forward would send (the decrypted report, built for police).
    CaseViewForward,
    /// A request for more than was consented was recorded, and refused (target: the request).
    PoliceRequestRefused,
    /// A caseworker proposed a disclosure under the exception policy (target: the proposal).
    ExceptionPropose,
    /// A different administrator approved it, and it was sent (target: the proposal).
    ExceptionApprove,
    /// An administrator rejected it (target: the proposal).
    ExceptionReject,
    /// Approved, but the mail server refused it: nothing was sent, it is pending again.
    ExceptionSendFailed,
}

impl fmt::Display for AuditAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = match self {
            AuditAction::ReportWithdraw => "report.withdraw",
            AuditAction::ReportExpire => "report.expire",
            AuditAction::ConsentChange => "consent.change",
            AuditAction::CaseView => "case.view",
            AuditAction::CaseViewDraft => "case.view_draft",
            AuditAction::CaseReply => "case.reply",
            AuditAction::CaseClose => "case.close",
            AuditAction::CaseForward => "case.forward",
            AuditAction::CaseForwardFailed => "case.forward_failed",
            AuditAction::CaseForwardRefused => "case.forward_refused",
            AuditAction::CaseForwardReduced(n) => return write!(f, "case.forward_reduced:{n}"),
            AuditAction::AlertPublish => "alert.publish",
            AuditAction::SpocCreate => "spoc.create",
            AuditAction::SpocRetire => "spoc.retire",
            AuditAction::OrgCreate => "org.create",
            AuditAction::OrgRevoke => "org.revoke",
            AuditAction::StaffCreate(role) => return write!(f, "staff.create.{role}"),
            AuditAction::StaffLogin => "staff.login",
            AuditAction::StaffLoginFailed => "staff.login_failed",
            AuditAction::StaffLogout => "staff.logout",
            AuditAction::StaffTotpEnabled => "staff.totp_enabled",
            AuditAction::StaffPasswordChange => "staff.password_change",
            AuditAction::StaffTotpDisabled => "staff.totp_disabled",
            AuditAction::StaffPasswordReset => "staff.password_reset",
            AuditAction::StaffTotpReset => "staff.totp_reset",
            AuditAction::StaffDisable => "staff.disable",
            AuditAction::CaseViewForward => "case.view_forward",
            AuditAction::PoliceRequestRefused => "police_request.refused",
            AuditAction::ExceptionPropose => "exception.propose",
            AuditAction::ExceptionApprove => "exception.approve",
            AuditAction::ExceptionReject => "exception.reject",
            AuditAction::ExceptionSendFailed => "exception.send_failed",
        };
        f.write_str(word)
    }
}

/// Who did it: a staff account, or one of the service's own actors. Anonymous actors are never
/// told apart (no address, no device).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Staff(super::ids::StaffId),
    /// The person holding a receipt.
    Reporter,
    /// Someone not logged in (a failed login).
    Anonymous,
    /// The retention worker.
    Retention,
    /// The command line on the server (`lookout admin create`).
    Operator,
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actor::Staff(id) => f.write_str(id.as_str()),
            Actor::Reporter => f.write_str("reporter"),
            Actor::Anonymous => f.write_str("anonymous"),
            Actor::Retention => f.write_str("retention"),
            Actor::Operator => f.write_str("cli"),
        }
    }
}

impl From<&super::ids::StaffId> for Actor {
    fn from(id: &super::ids::StaffId) -> Self {
        Actor::Staff(id.clone())
    }
}

impl From<&Actor> for Actor {
    fn from(actor: &Actor) -> Self {
        actor.clone()
    }
}
