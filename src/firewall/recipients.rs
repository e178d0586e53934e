//! Who may receive a police forward: never an address of immigration enforcement. Checked when a
//! SPOC is registered and again immediately before every send, so a row written straight into the
//! database still cannot be sent to.

/// Domains of the Home Office and its immigration functions (UK Visas and Immigration,
/// Immigration Enforcement, Border Force, HM Passport Office) and their predecessors (UK Border
/// Agency, Border and Immigration Agency), current and legacy (GSI). Each also blocks every
/// subdomain.
pub const BLOCKED_DOMAINS: &[&str] = &[
    "homeoffice.gov.uk",
    "homeoffice.gsi.gov.uk",
    "homeoffice.x.gsi.gov.uk",
    "ukvi.gov.uk",
    "ukba.gov.uk",
    "ukba.gsi.gov.uk",
    "bia.gsi.gov.uk",
    "borderforce.gov.uk",
    "immigrationenforcement.gov.uk",
    "hmpo.gov.uk",
    "hmpo.gsi.gov.uk",
    "passport.gov.uk",
    "ips.gsi.gov.uk",
];

/// Any domain label containing one of these is refused too, whatever the domain: a mistyped or
/// unlisted Home Office domain must not slip through.
const BLOCKED_LABEL_FRAGMENTS: &[&str] = &[
    "homeoffice",
    "ukvi",
    "ukba",
    "borderforce",
    "immigration",
    "hmpo",
];

/// Local parts of shared inboxes: a forward goes to a named person, never a generic inbox.
const GENERIC_LOCAL_PARTS: &[&str] = &[
    "info",
    "enquiries",
    "enquiry",
    "contact",
    "admin",
    "office",
    "mail",
    "noreply",
    "no-reply",
    "101",
    "999",
    "control",
    "controlroom",
    "intelligence",
    "intel",
    "crimestoppers",
    "reception",
    "general",
];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecipientRefused {
    #[error("not an email address")]
    Malformed,
    #[error("an immigration-enforcement address")]
    Immigration,
    #[error("a shared inbox, not a named person")]
    Generic,
}

/// Checks a forward recipient against the built-in list and the configured `extra` domains.
pub fn check(email: &str, extra: &[String]) -> Result<(), RecipientRefused> {
    let email = email.trim().to_lowercase();
    let Some((local, domain)) = email.rsplit_once('@') else {
        return Err(RecipientRefused::Malformed);
    };
    let domain = domain.trim_end_matches('.');
    if local.is_empty()
        || domain.is_empty()
        || !domain.contains('.')
        || email.contains(char::is_whitespace)
    {
        return Err(RecipientRefused::Malformed);
    }
    let blocked = BLOCKED_DOMAINS
        .iter()
        .copied()
        .chain(
            extra
                .iter()
                .map(|d| d.trim().trim_start_matches('@').trim_end_matches('.')),
        )
        .filter(|d| !d.is_empty())
        .any(|d| {
            let d = d.to_lowercase();
            domain == d || domain.ends_with(&format!(".{d}"))
        });
    let label_hit = domain.split('.').any(|label| {
        let compact: String = label.chars().filter(char::is_ascii_alphanumeric).collect();
        BLOCKED_LABEL_FRAGMENTS.iter().any(|f| compact.contains(f))
    });
    if blocked || label_hit {
        return Err(RecipientRefused::Immigration);
    }
    let local_compact: String = local.split('+').next().unwrap_or(local).to_string();
    if GENERIC_LOCAL_PARTS.contains(&local_compact.as_str()) {
        return Err(RecipientRefused::Generic);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn immigration_enforcement_is_refused_in_every_form() {
        for email in [
            "someone@homeoffice.gov.uk",
            "SomeOne@HomeOffice.Gov.UK",
            "x@ukvi.homeoffice.gov.uk",
            "x@digital.homeoffice.gov.uk.",
            "x@homeoffice.gsi.gov.uk",
            "x@ukba.gsi.gov.uk",
            "x@borderforce.gov.uk",
            "x@hmpo.gov.uk",
            "x@home-office.example.org",
            "x@immigration.police.uk",
            "x@ukvi-contact.co.uk",
        ] {
            assert_eq!(
                check(email, &[]),
                Err(RecipientRefused::Immigration),
                "{email}"
            );
        }
        assert_eq!(
            check("x@ice.dhs.gov", &["dhs.gov".into()]),
            Err(RecipientRefused::Immigration)
        );
        assert_eq!(
            check("x@sub.example.net", &["@example.net".into()]),
            Err(RecipientRefused::Immigration)
        );
    }

    #[test]
    fn named_police_addresses_pass_and_generic_ones_do_not() {
        assert_eq!(check("jane.doe@south-wales.police.uk", &[]), Ok(()));
        assert_eq!(check("jane.doe@met.police.uk", &["dhs.gov".into()]), Ok(()));
        // "officeholder.gov.uk" is not "homeoffice.gov.uk".
        assert_eq!(check("jane@notthehome.gov.uk", &[]), Ok(()));
        assert_eq!(
            check("info@gwent.police.uk", &[]),
            Err(RecipientRefused::Generic)
        );
        assert_eq!(
            check("101+x@gwent.police.uk", &[]),
            Err(RecipientRefused::Generic)
        );
        assert_eq!(
            check("not an address", &[]),
            Err(RecipientRefused::Malformed)
        );
        assert_eq!(check("a@b", &[]), Err(RecipientRefused::Malformed));
    }
}
