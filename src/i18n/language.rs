//! The languages Lookout speaks, and how a request's language is chosen.

/// A language with a full translation. The tag is the BCP 47 form used in URLs (`?lang=pt-BR`),
/// in the `locales/` folders and in what subscribers chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    En,
    Ro,
    Pl,
    PtBr,
    Es,
    Bg,
    ZhHans,
    Th,
    Hu,
    Sq,
}

impl Language {
    pub const ALL: [Language; 10] = [
        Language::En,
        Language::Ro,
        Language::Pl,
        Language::PtBr,
        Language::Es,
        Language::Bg,
        Language::ZhHans,
        Language::Th,
        Language::Hu,
        Language::Sq,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ro => "ro",
            Language::Pl => "pl",
            Language::PtBr => "pt-BR",
            Language::Es => "es",
            Language::Bg => "bg",
            Language::ZhHans => "zh-Hans",
            Language::Th => "th",
            Language::Hu => "hu",
            Language::Sq => "sq",
        }
    }

    /// The language's name in itself, for the language links.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Ro => "Română",
            Language::Pl => "Polski",
            Language::PtBr => "Português (Brasil)",
            Language::Es => "Español",
            Language::Bg => "Български",
            Language::ZhHans => "简体中文",
            Language::Th => "ไทย",
            Language::Hu => "Magyar",
            Language::Sq => "Shqip",
        }
    }

    /// The language a tag asks for, if Lookout has it: case-insensitive, a region or script
    /// Lookout lacks falls back to the language (`pt-PT` → Portuguese (Brazil), `es-MX` →
    /// Spanish), except Chinese written in traditional characters, which simplified Chinese is not.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        let primary = parts.next()?;
        let language = match primary {
            "en" => Language::En,
            "ro" | "mo" => Language::Ro,
            "pl" => Language::Pl,
            "pt" => Language::PtBr,
            "es" => Language::Es,
            "bg" => Language::Bg,
            "zh" => {
                if parts.any(|p| matches!(p, "hant" | "tw" | "hk" | "mo")) {
                    return None;
                }
                Language::ZhHans
            }
            "th" => Language::Th,
            "hu" => Language::Hu,
            "sq" => Language::Sq,
            _ => return None,
        };
        Some(language)
    }

    /// The best language for an `Accept-Language` header: the highest-weighted range Lookout
    /// has (ties keep the header's order); `None` when it has none of them.
    pub fn negotiate(accept_language: &str) -> Option<Language> {
        let mut best: Option<(f32, Language)> = None;
        for range in accept_language.split(',').take(32) {
            let mut parts = range.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            // q=0 means "not this one"; a weight that is not a number counts as 0.
            if weight.is_nan() || weight <= 0.0 {
                continue;
            }
            if let Some(language) = Language::from_tag(tag)
                && best.is_none_or(|(w, _)| weight > w)
            {
                best = Some((weight, language));
            }
        }
        best.map(|(_, language)| language)
    }
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn tags_round_trip_and_regions_fall_back_to_the_language() {
        for language in Language::ALL {
            assert_eq!(Language::from_tag(language.tag()), Some(language));
            assert_eq!(
                Language::from_tag(&language.tag().to_ascii_lowercase()),
                Some(language)
            );
        }
        assert_eq!(Language::from_tag("pt-PT"), Some(Language::PtBr));
        assert_eq!(Language::from_tag("es_MX"), Some(Language::Es));
        assert_eq!(Language::from_tag("zh-CN"), Some(Language::ZhHans));
        assert_eq!(Language::from_tag("zh-TW"), None);
        assert_eq!(Language::from_tag("zh-Hant-HK"), None);
        assert_eq!(Language::from_tag("de"), None);
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn accept_language_takes_the_best_weighted_language_lookout_has() {
        assert_eq!(
            Language::negotiate("de-DE,de;q=0.9,ro;q=0.8,en;q=0.7"),
            Some(Language::Ro)
        );
        assert_eq!(
            Language::negotiate("en;q=0.5, pl;q=0.9"),
            Some(Language::Pl)
        );
        assert_eq!(Language::negotiate("th, en"), Some(Language::Th));
        assert_eq!(Language::negotiate("fr, de;q=0.5"), None);
        assert_eq!(Language::negotiate("ro;q=0, en"), Some(Language::En));
        assert_eq!(Language::negotiate(""), None);
        assert_eq!(Language::negotiate("zh-TW, bg;q=0.1"), Some(Language::Bg));
    }
}
