//! Translations: every word a person reads on a page or in an email, in ten languages, from the
//! Fluent files under `locales/<tag>/` (compiled into the binary). A message missing from a
//! language falls back to English, message by message; a test fails when any language lacks a
//! key English has, so the fallback is a safety net, not a habit.
//!
//! No business rule lives here, and nothing is read at run time: the files are `include_str!`ed.

mod language;

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use language::Language;

/// The translation files of one language, in the order they are loaded.
pub const FILES: [&str; 4] = ["pages", "errors", "email", "reference"];

macro_rules! files_of {
    ($tag:literal) => {
        [
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/locales/",
                $tag,
                "/pages.ftl"
            )),
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/locales/",
                $tag,
                "/errors.ftl"
            )),
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/locales/",
                $tag,
                "/email.ftl"
            )),
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/locales/",
                $tag,
                "/reference.ftl"
            )),
        ]
    };
}

/// The sources of every language, in [`Language::ALL`] order.
fn sources(language: Language) -> [&'static str; 4] {
    match language {
        Language::En => files_of!("en"),
        Language::Ro => files_of!("ro"),
        Language::Pl => files_of!("pl"),
        Language::PtBr => files_of!("pt-BR"),
        Language::Es => files_of!("es"),
        Language::Bg => files_of!("bg"),
        Language::ZhHans => files_of!("zh-Hans"),
        Language::Th => files_of!("th"),
        Language::Hu => files_of!("hu"),
        Language::Sq => files_of!("sq"),
    }
}

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<Vec<Bundle>> = LazyLock::new(|| {
    Language::ALL
        .iter()
        .map(|&language| {
            let id = language
                .tag()
                .parse()
                .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // No Unicode isolation marks around arguments: the text goes into plain-text email
            // and HTML attributes, where the invisible marks only get in the way.
            bundle.set_use_isolating(false);
            for source in sources(language) {
                // A file that does not parse keeps the messages that did; the tests refuse any
                // syntax error, so this happens only to a hand-edited deployment.
                let resource =
                    FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
                bundle.add_resource_overriding(resource);
            }
            bundle
        })
        .collect()
});

fn bundle(language: Language) -> &'static Bundle {
    &BUNDLES[language.index()]
}

/// Formats `key` in `language` (English when that language lacks it; the key itself when
/// English lacks it too, which a test forbids).
pub fn message(language: Language, key: &str, args: Option<&FluentArgs<'_>>) -> String {
    for candidate in [language, Language::En] {
        let bundle = bundle(candidate);
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    key.to_string()
}

/// `key` in `language`, without arguments.
pub fn text(language: Language, key: &str) -> String {
    message(language, key, None)
}

/// `key` in `language` with named arguments.
pub fn text_with<'a>(
    language: Language,
    key: &str,
    args: impl IntoIterator<Item = (&'a str, FluentValue<'a>)>,
) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(name, value);
    }
    message(language, key, Some(&fluent))
}

/// Whether `language` itself (not the English fallback) has `key`.
pub fn has(language: Language, key: &str) -> bool {
    bundle(language).has_message(key)
}

/// The name of a category, translated when a translation exists (a category an operator added
/// has none: its configured name is used).
pub fn category_name(language: Language, code: &str, configured: &str) -> String {
    named(language, &format!("category-{code}"), configured)
}

/// The name of a region, as [`category_name`].
pub fn region_name(language: Language, code: &str, configured: &str) -> String {
    named(language, &format!("region-{code}"), configured)
}

fn named(language: Language, key: &str, configured: &str) -> String {
    if has(language, key) || has(Language::En, key) {
        text(language, key)
    } else {
        configured.to_string()
    }
}

/// Every message key in one language's files (for the completeness tests).
pub fn keys(language: Language) -> Vec<String> {
    let mut keys = Vec::new();
    for source in sources(language) {
        if let Ok(resource) = FluentResource::try_new(source.to_string()) {
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    keys.push(m.id.name.to_string());
                }
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests;
