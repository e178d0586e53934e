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

/// Checks a forward recipient against the built-in list and the configured `extra` domains, and
/// returns the one form of it that may be stored and sent to: a bare `local@domain`, the domain
/// lower-cased in its ASCII (IDNA) form, nothing else.
///
/// Two passes, so no spelling reaches a blocked domain. First, every address-like piece of the
/// input — inside angle brackets, after a display name, one of a list — has its domain checked:
/// a mail library would deliver `Name <x@passport.gov.uk>` to the passport office. Then the input
/// must be a single bare address, parsed as the mail library parses it.
pub fn check(email: &str, extra: &[String]) -> Result<String, RecipientRefused> {
    let blocked = |domain: &str| is_blocked(domain, extra);
    let pieces = email.split(|c: char| {
        c.is_whitespace() || matches!(c, '<' | '>' | ',' | ';' | '"' | '(' | ')' | '[' | ']')
    });
    for piece in pieces {
        if let Some((_, domain)) = piece.rsplit_once('@')
            && blocked(&ascii_domain(domain).unwrap_or_else(|| domain.to_lowercase()))
        {
            return Err(RecipientRefused::Immigration);
        }
    }

    let trimmed = email.trim();
    if trimmed.chars().any(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '<' | '>' | ',' | ';' | '"' | '(' | ')' | '[' | ']' | '\\'
            )
    }) {
        return Err(RecipientRefused::Malformed);
    }
    let (local, domain) = trimmed
        .rsplit_once('@')
        .ok_or(RecipientRefused::Malformed)?;
    let domain = ascii_domain(domain).ok_or(RecipientRefused::Malformed)?;
    if local.is_empty() || !domain.contains('.') {
        return Err(RecipientRefused::Malformed);
    }
    let canonical = format!("{local}@{domain}");
    // The mail library must read it as exactly this address, or it is not sent anywhere.
    let parsed: lettre::Address = canonical.parse().map_err(|_| RecipientRefused::Malformed)?;
    if parsed.domain() != domain || parsed.user() != local {
        return Err(RecipientRefused::Malformed);
    }
    if blocked(&domain) {
        return Err(RecipientRefused::Immigration);
    }
    let local_lower = local.to_lowercase();
    let base = local_lower.split('+').next().unwrap_or(&local_lower);
    if GENERIC_LOCAL_PARTS.contains(&base) {
        return Err(RecipientRefused::Generic);
    }
    Ok(canonical)
}

/// The domain as DNS sees it: UTS #46 mapping (so full-width letters and other look-alike forms
/// become what mail would really be routed to), lower case, no trailing dot.
fn ascii_domain(domain: &str) -> Option<String> {
    let ascii = idna::domain_to_ascii(domain.trim().trim_end_matches('.')).ok()?;
    let ascii = ascii.trim_end_matches('.').to_lowercase();
    (!ascii.is_empty()).then_some(ascii)
}

fn is_blocked(domain: &str, extra: &[String]) -> bool {
    let listed = BLOCKED_DOMAINS
        .iter()
        .map(|d| d.to_string())
        .chain(
            extra
                .iter()
                .filter_map(|d| ascii_domain(d.trim().trim_start_matches('@'))),
        )
        .any(|d| domain == d || domain.ends_with(&format!(".{d}")));
    let fragment = domain.split('.').any(|label| {
        let compact: String = label.chars().filter(char::is_ascii_alphanumeric).collect();
        BLOCKED_LABEL_FRAGMENTS.iter().any(|f| compact.contains(f))
    });
    listed || fragment
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
        assert_eq!(
            check("jane.doe@South-Wales.Police.UK.", &[]),
            Ok("jane.doe@south-wales.police.uk".into())
        );
        assert!(check("jane.doe@met.police.uk", &["dhs.gov".into()]).is_ok());
        // "officeholder.gov.uk" is not "homeoffice.gov.uk".
        assert!(check("jane@notthehome.gov.uk", &[]).is_ok());
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
        for not_bare in [
            "Jane <jane@gwent.police.uk>",
            "<jane@gwent.police.uk>",
            "jane@gwent.police.uk, other@gwent.police.uk",
            "\"jane doe\"@gwent.police.uk",
            "jane@gwent.police.uk\r\nBcc: x@example.org",
            "jane@@gwent.police.uk",
        ] {
            assert_eq!(
                check(not_bare, &[]),
                Err(RecipientRefused::Malformed),
                "{not_bare}"
            );
        }
    }

    /// Every form a mail library would still deliver to a blocked domain is refused as such.
    #[test]
    fn no_spelling_reaches_a_blocked_domain() {
        for email in [
            "<x@passport.gov.uk>",
            "Jane <x@passport.gov.uk>",
            "jane@gwent.police.uk, x@passport.gov.uk",
            "x@PASSPORT.GOV.UK.",
            "x@\u{ff30}\u{ff21}\u{ff33}\u{ff33}\u{ff30}\u{ff2f}\u{ff32}\u{ff34}.gov.uk",
            "x@ips.gsi.gov.uk",
        ] {
            assert_eq!(
                check(email, &[]),
                Err(RecipientRefused::Immigration),
                "{email}"
            );
        }
        assert_eq!(
            check("Agent <agent@ice.dhs.gov>", &["DHS.gov.".into()]),
            Err(RecipientRefused::Immigration)
        );
    }
}
