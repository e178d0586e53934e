//! The immigration scrubber and the rest of the firewall's text rules (`firewall::scrub`,
//! `firewall::clean_alone`, which adds redaction and the names rule, and the recipient check).
//!
//! Asserts, for both policies (immigration only, and everything that leaves), what the unit and
//! property tests of `firewall::scrub` assert for any text: nothing removable is left; a second
//! pass changes nothing and removes nothing; something was removed exactly when the text held
//! something removable; the text changed exactly when something was removed.

use lookout::firewall::{self, recipients, scrub};

use crate::{MAX_TEXT, text_of};

pub fn check(data: &[u8]) {
    let text = text_of(data, MAX_TEXT);
    for policy in [scrub::Policy::IMMIGRATION, scrub::Policy::OUTGOING] {
        let out = scrub::scrub(&text, policy);
        assert!(
            !scrub::contains_removable(&out.text, policy),
            "removable content left: {:?} -> {:?}",
            text,
            out.text
        );
        let again = scrub::scrub(&out.text, policy);
        assert_eq!(again.text, out.text, "a second pass changed the text");
        assert!(
            again.removed.is_empty(),
            "a second pass removed {:?}",
            again.removed
        );
        assert_eq!(
            scrub::contains_removable(&text, policy),
            !out.removed.is_empty(),
            "contains_removable disagrees with scrub on {text:?}"
        );
        assert_eq!(
            out.text == text,
            out.removed.is_empty(),
            "changed text without a removal (or the reverse): {text:?} -> {:?}",
            out.text
        );
    }
    let _ = firewall::clean_alone(&text);
    let first_line = text.lines().next().unwrap_or_default();
    let _ = recipients::check(first_line, &[]);
}
