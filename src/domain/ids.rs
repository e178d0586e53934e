//! Every kind of id has its own type, so a SPOC id cannot be passed where a report id belongs.
//! They are stored as the same text as ever (a UUID v4 in its hyphenated form); the types only
//! exist in the code.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),+ $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// A fresh random id.
            pub fn random() -> Self {
                Self(uuid::Uuid::new_v4().to_string())
            }

            /// An id as stored or as given in a path. Not checked: an id that names nothing
            /// simply finds nothing.
            pub fn from_stored(s: impl Into<String>) -> Self {
                Self(s.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    )+};
}

id_type! {
    /// A report (also the case id staff see).
    ReportId,
    /// A police single point of contact in the register.
    SpocId,
    /// A staff account.
    StaffId,
    /// A published alert.
    AlertId,
    /// An alert subscriber.
    SubscriberId,
    /// An outreach organisation that relays reports.
    OrgId,
    /// A message in a report's follow-up thread.
    MessageId,
    /// A disclosure: one forward to one SPOC.
    DisclosureId,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_keep_their_text_and_are_distinct_types() {
        let id = ReportId::random();
        assert_eq!(id.as_str().len(), 36);
        assert_eq!(ReportId::from_stored(id.as_str()), id);
        assert_eq!(
            serde_json::to_string(&id).unwrap_or_default(),
            format!("\"{id}\"")
        );
        assert_ne!(ReportId::random(), id);
    }
}
