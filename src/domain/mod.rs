//! The domain: plain types every layer shares, and the core's error. No I/O, no framework, no
//! rule beyond what a type itself guarantees. Everything above imports from here; this module
//! imports nothing of the crate's.

/// A stored state word that no variant matches.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown stored state {0:?}")]
pub struct UnknownState(pub String);

/// An enum stored as text: `as_str`, `FromStr` (refusing unknown words), `Display`, serde.
macro_rules! text_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &[$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The variant a word names, or `None` for a word that names none.
            pub fn parse(s: &str) -> Option<Self> {
                s.parse().ok()
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::UnknownState;

            fn from_str(s: &str) -> Result<Self, $crate::domain::UnknownState> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err($crate::domain::UnknownState(other.to_string())),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub mod audit;
pub mod consent;
pub mod error;
pub mod ids;
pub mod report;
pub mod requests;
pub mod staff;
pub mod statistics;
pub mod status;

pub use audit::{Actor, AuditAction};
pub use consent::{Consent, ConsentLevel};
pub use error::{Error, ErrorKind, FieldError};
pub use ids::{AlertId, DisclosureId, MessageId, OrgId, ReportId, SpocId, StaffId, SubscriberId};
pub use report::{
    AlertContent, ContactDetails, Identifiers, NewReport, Perpetrator, ReportContent,
};
pub use staff::{Role, StaffMember};
pub use status::{DeliveryKind, DeliveryStatus, ReportStatus, SubscriberStatus};
