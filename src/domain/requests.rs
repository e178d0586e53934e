//! Requests from police or another body for more than a reporter consented to: who asked, and
//! what kind of information. Never what the request said.

text_enum! {
    /// Who asked.
    Requester {
        /// A SPOC of the register (named by its id).
        Spoc => "spoc",
        /// Another part of the police.
        Police => "police",
        /// Immigration enforcement, the Home Office, Border Force.
        ImmigrationEnforcement => "immigration_enforcement",
        /// A local authority or another public body.
        LocalAuthority => "local_authority",
        /// Anyone else.
        Other => "other",
    }
}

text_enum! {
    /// The kind of information asked for.
    AskedFor {
        Names => "names",
        NationalityOrImmigrationStatus => "nationality_or_immigration_status",
        AddressesOrPremises => "addresses_or_premises",
        Other => "other",
    }
}

/// What Lookout answers every such request, whoever asked and whatever for. It says nothing of
/// the case it came with, and neither confirms nor denies that any other report exists
/// (docs/operations.md gives the reasoning).
pub const REFUSAL: &str = "\
Lookout passes information to the police only with the consent of the person who reported it, \
only what they agreed to, and only to the named contact they chose. We cannot provide the \
information you asked for. We neither confirm nor deny whether Lookout holds any report, or any \
information about any person, place or event, beyond what has already been sent to you with consent.";

text_enum! {
    /// Where a disclosure under the exception policy stands.
    ExceptionStatus {
        /// Proposed by a caseworker, waiting for a different administrator.
        Proposed => "proposed",
        /// Approved and sent to the SPOC.
        Approved => "approved",
        /// Rejected: nothing was sent.
        Rejected => "rejected",
    }
}
