//! Normalising perpetrator identifiers, so that every way of writing one value compares equal.
//! Pure. Phone numbers use libphonenumber's metadata (the `phonenumber` crate), GB by default.

use phonenumber::{Mode, country};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Phone,
    Email,
    Vehicle,
    Handle,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Phone => "phone",
            Kind::Email => "email",
            Kind::Vehicle => "vehicle",
            Kind::Handle => "handle",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unparseable {
    #[error("is not a phone number (write it as 07700 900123 or +44 7700 900123)")]
    Phone,
    #[error("is not an email address")]
    Email,
    #[error("is not a vehicle registration (letters and digits, e.g. AB12 CDE)")]
    Vehicle,
    #[error("is not an online handle (e.g. @name)")]
    Handle,
}

/// E.164 (`+447700900123`). National numbers without a country code are read as UK numbers.
pub fn phone(raw: &str) -> Result<String, Unparseable> {
    let trimmed = raw.trim();
    let digits = trimmed.chars().filter(char::is_ascii_digit).count();
    if !(7..=17).contains(&digits) || trimmed.chars().any(|c| c.is_alphabetic()) {
        return Err(Unparseable::Phone);
    }
    let number =
        phonenumber::parse(Some(country::Id::GB), trimmed).map_err(|_| Unparseable::Phone)?;
    if !phonenumber::is_viable(trimmed) {
        return Err(Unparseable::Phone);
    }
    Ok(number.format().mode(Mode::E164).to_string())
}

/// Trimmed and lower-cased. The one email check every part of the service uses.
pub fn email(raw: &str) -> Result<String, Unparseable> {
    let e = raw.trim().to_lowercase();
    if e.len() <= 254 && email_shaped(&e) {
        Ok(e)
    } else {
        Err(Unparseable::Email)
    }
}

/// The shape of an address, whatever its length: something, one `@`, and a domain with a dot
/// inside it; no whitespace. (Lower-casing never changes it, so it is checked as given.)
pub fn email_shaped(raw: &str) -> bool {
    let e = raw.trim();
    !e.contains(char::is_whitespace)
        && e.split_once('@').is_some_and(|(l, d)| {
            !l.is_empty()
                && d.contains('.')
                && !d.contains('@')
                && !d.starts_with('.')
                && !d.ends_with('.')
        })
}

/// An address mail can be sent to: [`email`], and read by the mail library as exactly that bare
/// address (no display name, brackets, lists or quoted parts, a valid domain). Subscribers'
/// addresses pass this, so a message that cannot be built is never queued.
pub fn mailbox(raw: &str) -> Result<String, Unparseable> {
    let e = email(raw)?;
    match e.parse::<lettre::Address>() {
        Ok(a) if AsRef::<str>::as_ref(&a) == e => Ok(e),
        _ => Err(Unparseable::Email),
    }
}

/// Upper-cased, without spaces or dashes: `ab12 cde` and `AB12-CDE` are `AB12CDE`.
pub fn vehicle(raw: &str) -> Result<String, Unparseable> {
    let v: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect();
    let ok = (2..=10).contains(&v.chars().count()) && v.chars().all(|c| c.is_ascii_alphanumeric());
    if ok { Ok(v) } else { Err(Unparseable::Vehicle) }
}

/// Lower-cased, without a leading `@`.
pub fn handle(raw: &str) -> Result<String, Unparseable> {
    let h = raw.trim().trim_start_matches('@').to_lowercase();
    let ok = (1..=64).contains(&h.chars().count()) && !h.contains(char::is_whitespace);
    if ok { Ok(h) } else { Err(Unparseable::Handle) }
}

pub fn normalise(kind: Kind, raw: &str) -> Result<String, Unparseable> {
    match kind {
        Kind::Phone => phone(raw),
        Kind::Email => email(raw),
        Kind::Vehicle => vehicle(raw),
        Kind::Handle => handle(raw),
    }
}

/// Keys under which two values name the same mailbox, number or account, however written: a
/// phone number by its last nine digits; an email address without dots or a `+tag` in its local
/// part, and its local part as an account name; a handle without `@` and punctuation. Used to
/// refuse publishing the reporter's own contact as a perpetrator identifier in any field.
pub fn contact_keys(raw: &str) -> Vec<String> {
    let t = raw.trim().to_lowercase();
    let mut keys = Vec::new();
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    if digits.len() >= 9 && letters == 0 {
        keys.push(format!("tel:{}", &digits[digits.len() - 9..]));
    }
    let account = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    match t.split_once('@') {
        Some((local, domain)) if !local.is_empty() && domain.contains('.') => {
            let local = local.split('+').next().unwrap_or(local).replace('.', "");
            keys.push(format!("mail:{local}@{domain}"));
            let name = account(&local);
            if name.chars().count() >= 3 {
                keys.push(format!("name:{name}"));
            }
        }
        _ => {
            let name = account(t.trim_start_matches('@'));
            let name_digits: String = name.chars().filter(char::is_ascii_digit).collect();
            if name_digits.len() >= 9 && name_digits.len() == name.len() {
                keys.push(format!("tel:{}", &name_digits[name_digits.len() - 9..]));
            }
            if name.chars().count() >= 3 {
                keys.push(format!("name:{name}"));
            }
        }
    }
    keys
}

/// Whether an identifier names the same mailbox, number or account as any of the contact values.
pub fn same_contact(identifier: &str, contact_values: &[&str]) -> bool {
    let mine = contact_keys(identifier);
    contact_values
        .iter()
        .any(|v| contact_keys(v).iter().any(|k| mine.contains(k)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_reporters_contact_is_recognised_however_written() {
        let contact = ["jess.w99+alerts@gmail.com", "07700 900123"];
        for same in [
            "jessw99@gmail.com",
            "Jess.W99@Gmail.com",
            "@jess.w99",
            "jess_w99",
            "+44 7700 900123",
            "@07700900123",
            "447700900123",
        ] {
            assert!(same_contact(same, &contact), "{same}");
        }
        for other in ["@bigdave", "dave@example.com", "07700 900999", "AB12 CDE"] {
            assert!(!same_contact(other, &contact), "{other}");
        }
    }

    use super::*;

    #[test]
    fn mailboxes_are_bare_deliverable_addresses() {
        assert_eq!(
            mailbox("  Worker@Example.ORG ").as_deref(),
            Ok("worker@example.org")
        );
        for bad in [
            "a<v@x.com",
            "a,b@x.com",
            "x@a..b",
            "v@x.com>",
            "name <v@x.com>",
            "v@-x.com",
        ] {
            assert_eq!(mailbox(bad), Err(Unparseable::Email), "{bad}");
        }
    }

    #[test]
    fn one_phone_number_in_every_form() {
        for form in [
            "07700 900123",
            "+44 7700 900123",
            "0044-7700-900-123",
            "(07700) 900 123",
            "07700900123",
            "+447700900123",
            " 0044 (0) 7700 900123 ",
        ] {
            assert_eq!(phone(form).as_deref(), Ok("+447700900123"), "{form}");
        }
        assert_eq!(phone("020 7946 0018").as_deref(), Ok("+442079460018"));
        assert_eq!(phone("+33 6 12 34 56 78").as_deref(), Ok("+33612345678"));
        assert_ne!(phone("07700 900124"), phone("07700 900123"));
        for bad in ["", "12", "call me", "0770O 900123", "07700 9001234567890"] {
            assert_eq!(phone(bad), Err(Unparseable::Phone), "{bad}");
        }
    }

    #[test]
    fn emails_vehicles_and_handles() {
        assert_eq!(
            email("  Bad.Guy@Example.ORG ").as_deref(),
            Ok("bad.guy@example.org")
        );
        assert_eq!(email("no-at-sign"), Err(Unparseable::Email));
        // The shape alone, whatever the length in bytes (a contact address is kept as written).
        let long = format!("{}@example.org", "é".repeat(200));
        assert!(email_shaped(&long));
        assert_eq!(email(&long), Err(Unparseable::Email));
        for bad in ["", "@a.b", "a@b", "a@.b", "a@b.", "a b@c.d", "a@b@c.d"] {
            assert!(!email_shaped(bad), "{bad}");
        }
        for v in ["AB12 CDE", "ab12cde", "Ab12-Cde", " AB 12 CDE "] {
            assert_eq!(vehicle(v).as_deref(), Ok("AB12CDE"), "{v}");
        }
        assert_eq!(vehicle("AB12 CDE!"), Err(Unparseable::Vehicle));
        for h in ["@BadGuy", "badguy", " @badguy "] {
            assert_eq!(handle(h).as_deref(), Ok("badguy"), "{h}");
        }
        assert_eq!(handle("@"), Err(Unparseable::Handle));
        assert_eq!(handle("two words"), Err(Unparseable::Handle));
    }
}
