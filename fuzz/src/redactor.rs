//! The redactor (`redact::redact`, `redact::collapse_markers`, `redact::phone_key`).
//!
//! Input: either plain text, redacted as the unit tests' reporter "Jess" (phone 07700 900456,
//! email jess.w@example.org) and as nobody; or six fields separated by U+001F — reporter name,
//! email, phone, perpetrator phone numbers kept (`|`-separated), perpetrator emails kept, text.
//!
//! Asserts: the same input gives the same output; nothing removed means the text is unchanged;
//! and for Jess, her phone number's last nine digits and her email address never survive (the
//! reporter's own values always win: `hostile_inputs_do_not_panic`,
//! `no_reporter_value_survives_in_any_letter_case`).

use lookout::redact::{self, Keep, Redacted, ReporterContact};

use crate::{MAX_TEXT, text_of};

const JESS: ReporterContact<'static> = ReporterContact {
    name: Some("Jess"),
    email: Some("jess.w@example.org"),
    phone: Some("07700 900456"),
};

pub fn check(data: &[u8]) {
    let text = text_of(data, MAX_TEXT);
    let fields: Vec<&str> = text.splitn(6, '\u{1f}').collect();
    if let [name, email, phone, phones, emails, body] = fields.as_slice() {
        let given = |s: &'_ str| -> Option<String> { (!s.is_empty()).then(|| s.to_owned()) };
        let (name, email, phone) = (given(name), given(email), given(phone));
        let list = |s: &str| -> Vec<String> {
            s.split('|')
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let (phones, emails) = (list(phones), list(emails));
        let reporter = ReporterContact {
            name: name.as_deref(),
            email: email.as_deref(),
            phone: phone.as_deref(),
        };
        let keep = Keep {
            phone_numbers: &phones,
            emails: &emails,
        };
        redacted(body, &reporter, &keep);
        if let Some(p) = &phone {
            let _ = redact::phone_key(p);
        }
    } else {
        let out = redacted(&text, &JESS, &Keep::default());
        assert!(
            !out.text.contains("700900456"),
            "the reporter's phone survived: {text:?} -> {:?}",
            out.text
        );
        assert!(
            !out.text.contains("jess.w@example.org"),
            "the reporter's email survived: {text:?} -> {:?}",
            out.text
        );
        redacted(&text, &ReporterContact::default(), &Keep::default());
        let _ = redact::phone_key(&text);
    }
}

fn redacted(text: &str, reporter: &ReporterContact<'_>, keep: &Keep<'_>) -> Redacted {
    let out = redact::redact(text, reporter, keep);
    assert_eq!(
        redact::redact(text, reporter, keep),
        out,
        "not deterministic"
    );
    if out.removed.is_empty() {
        assert_eq!(out.text, text, "changed without a removal");
    }
    let _ = redact::collapse_markers(&out.text);
    out
}
