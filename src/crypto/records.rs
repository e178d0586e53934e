//! Sealing records at rest: the one API every service uses, so the recipe is written once.
//!
//! Two shapes, both XChaCha20-Poly1305 (`seal.rs`) with associated data naming what the record
//! is and which row it lives in, so a ciphertext copied to another row or column does not open:
//!
//! - **Enveloped**: a record family (a report, its contact details, an alert) has a random data
//!   key of its own, stored wrapped under the family's purpose key. Destroying the wrapped key
//!   destroys everything sealed under it (how a withdrawal shreds a report).
//! - **Direct**: a small field (a subscriber's or staff member's address, a TOTP secret) sealed
//!   straight under its purpose key.
//!
//! The labels below are part of every stored ciphertext's associated data: they are fixed
//! forever, and `tests/api/fixture.rs` opens a database written by release 0.1.0 to prove it.

use zeroize::Zeroizing;

use super::keys::{KeyBytes, KeyRing, Purpose};
use super::seal::{self, SealError};

/// A family of records that shares one random data key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Envelope {
    /// A report's content, its follow-up messages and its disclosures.
    Report,
    /// A reporter's contact details (a separate table, a separate key).
    Contact,
    /// A published alert.
    Alert,
}

impl Envelope {
    fn purpose(self) -> Purpose {
        match self {
            Envelope::Report => Purpose::ReportData,
            Envelope::Contact => Purpose::ContactData,
            Envelope::Alert => Purpose::AlertData,
        }
    }

    /// The label of the wrapped data key.
    fn key_label(self) -> &'static str {
        match self {
            Envelope::Report => "report-key",
            Envelope::Contact => "contact-key",
            Envelope::Alert => "alert-key",
        }
    }
}

/// What is sealed under a data key, and the envelope it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sealed {
    /// A report's content (row: the report id).
    ReportContent,
    /// A follow-up message (row: [`message_row`]).
    Message,
    /// What was sent to a SPOC (row: the report id).
    Disclosure,
    /// A reporter's contact details (row: the report id).
    Contact,
    /// A published alert's title, body and identifiers (row: the alert id).
    AlertContent,
    /// Why a caseworker proposed a disclosure under the exception policy (row: its id).
    ExceptionReason,
    /// What an approved exception disclosure sent (row: its id).
    ExceptionDisclosure,
}

impl Sealed {
    fn envelope(self) -> Envelope {
        match self {
            Sealed::ReportContent
            | Sealed::Message
            | Sealed::Disclosure
            | Sealed::ExceptionReason
            | Sealed::ExceptionDisclosure => Envelope::Report,
            Sealed::Contact => Envelope::Contact,
            Sealed::AlertContent => Envelope::Alert,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Sealed::ReportContent => "report-content",
            Sealed::Message => "message",
            Sealed::Disclosure => "disclosure",
            Sealed::Contact => "contact",
            Sealed::AlertContent => "alert-content",
            Sealed::ExceptionReason => "exception-reason",
            Sealed::ExceptionDisclosure => "exception-disclosure",
        }
    }
}

/// A field sealed straight under a purpose key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direct {
    /// A subscriber's email address (row: the subscriber id).
    SubscriberEmail,
    /// A staff member's email address (row: the staff id).
    StaffEmail,
    /// A staff member's TOTP secret (row: the staff id).
    StaffTotp,
}

impl Direct {
    fn purpose(self) -> Purpose {
        match self {
            Direct::SubscriberEmail => Purpose::SubscriberData,
            Direct::StaffEmail | Direct::StaffTotp => Purpose::StaffData,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Direct::SubscriberEmail => "subscriber-email",
            Direct::StaffEmail => "staff-email",
            Direct::StaffTotp => "staff-totp",
        }
    }
}

/// The row a follow-up message is bound to: its report and its own id.
pub fn message_row(report_id: impl AsRef<str>, message_id: impl AsRef<str>) -> String {
    let (report_id, message_id) = (report_id.as_ref(), message_id.as_ref());
    format!("{report_id}/{message_id}")
}

/// An opened data key of one envelope, for one row family. Wiped on drop, never printed.
pub struct DataKey {
    envelope: Envelope,
    key: KeyBytes,
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DataKey({:?}, <redacted>)", self.envelope)
    }
}

/// A fresh data key and its wrapped form (to store), with the id of the key that wrapped it.
pub struct NewDataKey {
    pub key: DataKey,
    pub wrapped: Vec<u8>,
    pub key_id: String,
}

impl KeyRing {
    /// A fresh random data key for `envelope`, wrapped for the row `owner` (the report or alert
    /// id it belongs to).
    pub fn new_data_key(
        &self,
        envelope: Envelope,
        owner: impl AsRef<str>,
    ) -> Result<NewDataKey, SealError> {
        let owner = owner.as_ref();
        let kek = self.get(envelope.purpose());
        let key = KeyBytes::random().map_err(|_| SealError::Random)?;
        let wrapped = seal::seal(&kek.key, &aad(envelope.key_label(), owner), key.expose())?;
        Ok(NewDataKey {
            key: DataKey { envelope, key },
            wrapped,
            key_id: kek.id.clone(),
        })
    }

    /// Opens a stored wrapped data key of `envelope` for the row `owner`.
    pub fn open_data_key(
        &self,
        envelope: Envelope,
        owner: impl AsRef<str>,
        wrapped: &[u8],
    ) -> Result<DataKey, SealError> {
        let owner = owner.as_ref();
        let kek = self.get(envelope.purpose());
        let bytes = seal::open(&kek.key, &aad(envelope.key_label(), owner), wrapped)?;
        let key = KeyBytes::from_slice(&bytes).ok_or(SealError::Open)?;
        Ok(DataKey { envelope, key })
    }

    /// The id of the key a direct field is sealed under (stored beside it for rotation).
    pub fn direct_key_id(&self, what: Direct) -> &str {
        &self.get(what.purpose()).id
    }

    /// Seals a field straight under its purpose key.
    pub fn seal_direct(
        &self,
        what: Direct,
        row: impl AsRef<str>,
        plaintext: &[u8],
    ) -> Result<Vec<u8>, SealError> {
        let row = row.as_ref();
        seal::seal(
            &self.get(what.purpose()).key,
            &aad(what.label(), row),
            plaintext,
        )
    }

    pub fn open_direct(
        &self,
        what: Direct,
        row: impl AsRef<str>,
        blob: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, SealError> {
        let row = row.as_ref();
        seal::open(&self.get(what.purpose()).key, &aad(what.label(), row), blob)
    }
}

impl DataKey {
    /// Seals `plaintext` as `what` of `row`. A record of another envelope is refused: it would
    /// be sealed under the wrong family's key and be destroyed with the wrong record.
    pub fn seal(
        &self,
        what: Sealed,
        row: impl AsRef<str>,
        plaintext: &[u8],
    ) -> Result<Vec<u8>, SealError> {
        let row = row.as_ref();
        if what.envelope() != self.envelope {
            return Err(SealError::Encrypt);
        }
        seal::seal(&self.key, &aad(what.label(), row), plaintext)
    }

    pub fn open(
        &self,
        what: Sealed,
        row: impl AsRef<str>,
        blob: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, SealError> {
        let row = row.as_ref();
        if what.envelope() != self.envelope {
            return Err(SealError::Open);
        }
        seal::open(&self.key, &aad(what.label(), row), blob)
    }
}

/// What a ciphertext is bound to: the scheme version, what it is, and the row it lives in.
fn aad(label: &str, row: &str) -> Vec<u8> {
    format!("lookout v1\0{label}\0{row}").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring() -> KeyRing {
        KeyRing::from_master(&KeyBytes::from_slice(&[7u8; 32]).unwrap_or_else(|| unreachable!()))
    }

    #[test]
    fn records_open_only_as_what_and_where_they_were_sealed() -> Result<(), SealError> {
        let ring = ring();
        let new = ring.new_data_key(Envelope::Report, "r1")?;
        let blob = new.key.seal(Sealed::ReportContent, "r1", b"text")?;
        let key = ring.open_data_key(Envelope::Report, "r1", &new.wrapped)?;
        assert_eq!(&*key.open(Sealed::ReportContent, "r1", &blob)?, b"text");
        // Another row, another kind of record, another envelope's key: none open it.
        assert_eq!(
            key.open(Sealed::ReportContent, "r2", &blob),
            Err(SealError::Open)
        );
        assert_eq!(
            key.open(Sealed::Disclosure, "r1", &blob),
            Err(SealError::Open)
        );
        assert_eq!(key.open(Sealed::Contact, "r1", &blob), Err(SealError::Open));
        assert!(
            ring.open_data_key(Envelope::Report, "r2", &new.wrapped)
                .is_err()
        );
        assert!(
            ring.open_data_key(Envelope::Alert, "r1", &new.wrapped)
                .is_err()
        );
        // A data key never seals a record of another family.
        assert_eq!(
            key.seal(Sealed::AlertContent, "r1", b"x"),
            Err(SealError::Encrypt)
        );

        let email = ring.seal_direct(Direct::StaffEmail, "s1", b"a@b.example")?;
        assert_eq!(
            &*ring.open_direct(Direct::StaffEmail, "s1", &email)?,
            b"a@b.example"
        );
        assert!(ring.open_direct(Direct::StaffTotp, "s1", &email).is_err());
        assert!(
            ring.open_direct(Direct::SubscriberEmail, "s1", &email)
                .is_err()
        );
        Ok(())
    }

    /// The associated data is the stored format: these bytes must never change.
    #[test]
    fn labels_are_the_stored_ones() {
        assert_eq!(
            aad(Sealed::Message.label(), &message_row("r", "m")),
            b"lookout v1\0message\0r/m"
        );
        let labels: Vec<&str> = [
            Sealed::ReportContent.label(),
            Envelope::Report.key_label(),
            Sealed::Contact.label(),
            Envelope::Contact.key_label(),
            Sealed::Message.label(),
            Sealed::Disclosure.label(),
            Sealed::AlertContent.label(),
            Envelope::Alert.key_label(),
            Direct::SubscriberEmail.label(),
            Direct::StaffEmail.label(),
            Direct::StaffTotp.label(),
        ]
        .to_vec();
        assert_eq!(
            labels,
            [
                "report-content",
                "report-key",
                "contact",
                "contact-key",
                "message",
                "disclosure",
                "alert-content",
                "alert-key",
                "subscriber-email",
                "staff-email",
                "staff-totp"
            ]
        );
    }
}
