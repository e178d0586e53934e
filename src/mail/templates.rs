//! Email templates: plain text and HTML alternatives, in the subscriber's language. Their words
//! are the `email-*` messages of `locales/<tag>/email.ftl` (through `i18n`, English where a
//! language lacks one). Everything interpolated into HTML is escaped.

use fluent_bundle::FluentValue;

use crate::i18n::{self, Language};

/// A fixed word or sentence of the emails (the `email-*` messages in `locales/<tag>/email.ftl`).
fn t(language: Language, key: &str) -> String {
    i18n::text(language, key)
}

/// One labelled line, `Label: value` in the language's own punctuation (`email-field`).
fn field(language: Language, label: &str, value: &str) -> String {
    i18n::text_with(
        language,
        "email-field",
        [
            ("label", FluentValue::from(label)),
            ("value", FluentValue::from(value)),
        ],
    )
}

/// [`field`] as HTML: the label and its punctuation in bold, the value after it, all escaped.
fn field_html(language: Language, label: &str, value: &str) -> String {
    let line = field(language, label, value);
    match line.strip_suffix(value) {
        Some(head) if !value.is_empty() => {
            let tail = &head[head.trim_end().len()..];
            format!(
                "<strong>{}</strong>{}{}",
                escape_html(head.trim_end()),
                escape_html(tail),
                escape_html(value)
            )
        }
        _ => escape_html(&line),
    }
}

pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn paragraphs_html(text: &str) -> String {
    text.split("\n\n")
        .map(|p| format!("<p>{}</p>", escape_html(p).replace('\n', "<br>")))
        .collect()
}

pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// What an alert email says. The caller has already stripped it of reporter details and put
/// the category and region names in the subscriber's language.
pub struct AlertEmail<'a> {
    pub category_name: &'a str,
    pub region_names: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    pub published_on: &'a str,
    pub phone_numbers: &'a [String],
    pub emails: &'a [String],
    pub vehicles: &'a [String],
    pub handles: &'a [String],
    pub unsubscribe_url: &'a str,
    pub language: Language,
}

pub fn alert(a: &AlertEmail<'_>) -> Rendered {
    let language = a.language;
    let subject = i18n::text_with(
        language,
        "email-alert-subject",
        [
            ("category", FluentValue::from(a.category_name)),
            ("regions", FluentValue::from(a.region_names)),
        ],
    );
    let lists = [
        ("email-phone-numbers", a.phone_numbers),
        ("email-emails", a.emails),
        ("email-vehicles", a.vehicles),
        ("email-handles", a.handles),
    ];
    let mut text = format!("{}\n\n{}\n\n", a.title, a.body);
    let mut html = format!(
        "<!doctype html><html><body><h1>{}</h1>{}",
        escape_html(a.title),
        paragraphs_html(a.body)
    );
    let present: Vec<_> = lists.iter().filter(|(_, l)| !l.is_empty()).collect();
    if !present.is_empty() {
        html.push_str("<ul>");
        for (key, list) in present {
            let (label, joined) = (t(language, key), list.join(", "));
            text.push_str(&field(language, &label, &joined));
            text.push('\n');
            html.push_str(&format!(
                "<li>{}</li>",
                field_html(language, &label, &joined)
            ));
        }
        html.push_str("</ul>");
        text.push('\n');
    }
    let published = field(language, &t(language, "email-published"), a.published_on);
    let why = t(language, "email-why");
    let unsubscribe = t(language, "email-unsubscribe");
    text.push_str(&format!(
        "{published}\n\n--\n{why}\n{}\n",
        field(language, &unsubscribe, a.unsubscribe_url)
    ));
    html.push_str(&format!(
        "<p>{}</p><hr><p>{}</p><p><a href=\"{}\">{}</a></p></body></html>",
        escape_html(&published),
        escape_html(&why),
        escape_html(a.unsubscribe_url),
        escape_html(&unsubscribe)
    ));
    Rendered {
        subject,
        text,
        html,
    }
}

pub fn confirmation(confirm_url: &str, language: Language) -> Rendered {
    let ask = t(language, "email-confirm-ask");
    let ignore = t(language, "email-confirm-ignore");
    Rendered {
        subject: t(language, "email-confirm-subject"),
        text: format!("{ask}\n\n{confirm_url}\n\n{ignore}\n"),
        html: format!(
            "<!doctype html><html><body><p>{}</p><p><a href=\"{}\">{}</a></p><p>{}</p></body></html>",
            escape_html(&ask),
            escape_html(confirm_url),
            escape_html(confirm_url),
            escape_html(&ignore)
        ),
    }
}

/// A document sent as it is (the police forward): the text verbatim, and an HTML alternative
/// that shows the same text, escaped, in a preformatted block.
pub fn document(subject: &str, text: &str) -> Rendered {
    Rendered {
        subject: subject.to_string(),
        text: text.to_string(),
        html: format!(
            "<!doctype html><html><body><pre style=\"white-space: pre-wrap\">{}</pre></body></html>",
            escape_html(text)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(language: Language, phones: &[String], unsubscribe_url: &str) -> Rendered {
        let empty: Vec<String> = Vec::new();
        alert(&AlertEmail {
            category_name: "Robbery",
            region_names: "Gwent Police, South Wales Police",
            title: "<script>x</script>",
            body: "a & b\n\nsecond",
            published_on: "2026-11-21",
            phone_numbers: phones,
            emails: &empty,
            vehicles: &["AB12 CDE".to_string(), "XY34 ZZZ".to_string()],
            handles: &empty,
            unsubscribe_url,
            language,
        })
    }

    #[test]
    fn html_is_escaped_and_empty_lists_are_left_out() {
        let r = sample(
            Language::En,
            &["07700 900123".to_string()],
            "https://l.example/u?token=a\"b",
        );
        assert!(r.html.contains("&lt;script&gt;") && !r.html.contains("<script>"));
        assert!(r.html.contains("a &amp; b"));
        assert!(r.html.contains("token=a&quot;b"));
        assert!(r.text.contains("Phone numbers: 07700 900123"));
        assert!(
            !r.text.contains("Email addresses"),
            "empty lists are left out"
        );
    }

    /// The English emails, byte for byte as they were before the words moved to Fluent.
    #[test]
    fn english_is_unchanged() {
        let url = "https://l.example/subscriptions/unsubscribe?token=t&lang=en";
        let r = sample(Language::En, &["07700 900123".to_string()], url);
        assert_eq!(
            r.subject,
            "Safety alert: Robbery — Gwent Police, South Wales Police"
        );
        assert_eq!(
            r.text,
            "<script>x</script>\n\na & b\n\nsecond\n\n\
             Phone numbers: 07700 900123\nVehicles: AB12 CDE, XY34 ZZZ\n\n\
             Published: 2026-11-21\n\n--\n\
             You receive this because this address subscribed to Lookout safety alerts.\n\
             Unsubscribe: https://l.example/subscriptions/unsubscribe?token=t&lang=en\n"
        );
        assert_eq!(
            r.html,
            "<!doctype html><html><body><h1>&lt;script&gt;x&lt;/script&gt;</h1>\
             <p>a &amp; b</p><p>second</p><ul>\
             <li><strong>Phone numbers:</strong> 07700 900123</li>\
             <li><strong>Vehicles:</strong> AB12 CDE, XY34 ZZZ</li></ul>\
             <p>Published: 2026-11-21</p><hr>\
             <p>You receive this because this address subscribed to Lookout safety alerts.</p>\
             <p><a href=\"https://l.example/subscriptions/unsubscribe?token=t&amp;lang=en\">\
             Unsubscribe</a></p></body></html>"
        );
        let r = sample(Language::En, &[], url);
        assert!(r.text.contains("second\n\nVehicles: "), "{}", r.text);

        let c = confirmation("https://l.example/c?token=t", Language::En);
        assert_eq!(c.subject, "Confirm your Lookout safety alerts");
        assert_eq!(
            c.text,
            "Someone (we hope you) asked for Lookout safety alerts at this address. To start \
             receiving them, confirm here:\n\nhttps://l.example/c?token=t\n\n\
             If it was not you, ignore this email: nothing more will be sent.\n"
        );
        assert_eq!(
            c.html,
            "<!doctype html><html><body><p>Someone (we hope you) asked for Lookout safety alerts \
             at this address. To start receiving them, confirm here:</p>\
             <p><a href=\"https://l.example/c?token=t\">https://l.example/c?token=t</a></p>\
             <p>If it was not you, ignore this email: nothing more will be sent.</p>\
             </body></html>"
        );
    }

    #[test]
    fn every_language_has_its_own_words() {
        let english = sample(Language::En, &["1".to_string()], "u");
        for language in Language::ALL {
            for key in i18n::keys(Language::En)
                .iter()
                .filter(|k| k.starts_with("email-"))
            {
                assert!(i18n::has(language, key), "{} lacks {key}", language.tag());
            }
            let r = sample(language, &["1".to_string()], "u");
            assert!(
                r.subject
                    .contains("Robbery — Gwent Police, South Wales Police"),
                "{}",
                r.subject
            );
            assert!(!r.text.contains("email-"), "{}", r.text);
            if language != Language::En {
                assert_ne!(r.subject, english.subject, "{}", language.tag());
                assert_ne!(r.text, english.text, "{}", language.tag());
                let c = confirmation("u", language);
                assert_ne!(c.subject, confirmation("u", Language::En).subject);
            }
        }
        let zh = sample(Language::ZhHans, &["1".to_string()], "u");
        assert_eq!(
            zh.subject,
            "安全警报：Robbery — Gwent Police, South Wales Police"
        );
        assert!(
            zh.html.contains("<li><strong>电话号码：</strong>1</li>"),
            "{}",
            zh.html
        );
        assert_eq!(
            confirmation("u", Language::PtBr).subject,
            "Confirme seus alertas de segurança do Lookout"
        );
    }
}
