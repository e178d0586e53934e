use std::collections::BTreeSet;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::*;

/// The variables (`{ $name }`) a message uses, so a translation cannot drop or invent one.
fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

fn messages(language: Language) -> Vec<(String, BTreeSet<String>)> {
    let mut all = Vec::new();
    for (file, source) in FILES.iter().zip(sources(language)) {
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(_, errors)| {
            panic!(
                "locales/{}/{file}.ftl does not parse: {errors:?}",
                language.tag()
            )
        });
        for entry in resource.entries() {
            match entry {
                ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    let value = m.value.as_ref().unwrap_or_else(|| {
                        panic!("{}: {} has no value", language.tag(), m.id.name)
                    });
                    variables(value, &mut vars);
                    all.push((m.id.name.to_string(), vars));
                }
                ast::Entry::Junk { content } => {
                    panic!("locales/{}/{file}.ftl: junk {content:?}", language.tag())
                }
                _ => {}
            }
        }
    }
    all
}

#[test]
fn every_language_has_every_english_key_and_no_other() {
    let english = messages(Language::En);
    assert!(english.len() > 100, "the English files are loaded");
    let english_keys: BTreeSet<&str> = english.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        english_keys.len(),
        english.len(),
        "a key appears twice in English"
    );
    let mut problems = Vec::new();
    for language in Language::ALL {
        let theirs = messages(language);
        let keys: BTreeSet<&str> = theirs.iter().map(|(k, _)| k.as_str()).collect();
        if keys.len() != theirs.len() {
            problems.push(format!("{}: a key appears twice", language.tag()));
        }
        for missing in english_keys.difference(&keys) {
            problems.push(format!("{}: lacks {missing}", language.tag()));
        }
        for extra in keys.difference(&english_keys) {
            problems.push(format!(
                "{}: has {extra}, which English lacks",
                language.tag()
            ));
        }
        for (key, vars) in &theirs {
            if let Some((_, english_vars)) = english.iter().find(|(k, _)| k == key)
                && vars != english_vars
            {
                problems.push(format!(
                    "{}: {key} uses {vars:?}, English uses {english_vars:?}",
                    language.tag()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_message_falls_back_to_english_and_arguments_are_filled() {
    assert_eq!(text(Language::En, "no-such-key"), "no-such-key");
    let english = text(Language::En, "site-name");
    assert!(!english.is_empty() && english != "site-name");
    let max = text_with(
        Language::En,
        "error-too-long",
        [("max", FluentValue::from(200))],
    );
    assert!(max.contains("200"), "{max}");
    assert!(!max.contains('\u{2068}'), "no isolation marks");
}

#[test]
fn unknown_codes_keep_their_configured_name() {
    assert_eq!(
        region_name(Language::Ro, "atlantis", "Atlantis Police"),
        "Atlantis Police"
    );
    assert_eq!(category_name(Language::En, "robbery", "ignored"), "Robbery");
}
