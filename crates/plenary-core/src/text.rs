//! Plain text in a language, and the translations of one text.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Error, LanguageTag};

/// Plain text in a known language.
///
/// In JSON: `{"lang": "en", "text": "…"}`.
///
/// ```
/// use plenary_core::Text;
///
/// let text = Text::new("fr", "Union internationale des télécommunications")?;
/// assert_eq!(text.lang.as_str(), "fr");
/// # Ok::<(), plenary_core::Error>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The language the text is written in.
    pub lang: LanguageTag,
    /// The text itself.
    pub text: String,
}

impl Text {
    /// Text in the language with the BCP 47 tag `lang`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidLanguageTag`] when `lang` is not a well-formed BCP 47 tag.
    pub fn new(lang: &str, text: impl Into<String>) -> Result<Self, Error> {
        Ok(Self {
            lang: LanguageTag::new(lang)?,
            text: text.into(),
        })
    }
}

/// One text in several languages, keyed by language tag; at most one version per language.
///
/// The ITU works in six languages, and its texts are equally authentic in each. In JSON a
/// `Translations` is an object from tag to text: `{"en": "…", "fr": "…"}`.
///
/// ```
/// use plenary_core::{LanguageTag, Translations};
///
/// let mut name = Translations::new();
/// name.insert("en".parse()?, "World Conference on International Telecommunications");
/// name.insert("fr".parse()?, "Conférence mondiale des télécommunications internationales");
///
/// let fr_ch: LanguageTag = "fr-CH".parse()?;
/// assert!(name.best(&[fr_ch]).unwrap().starts_with("Conférence"));
/// assert_eq!(name.get("en").unwrap(), "World Conference on International Telecommunications");
/// # Ok::<(), plenary_core::Error>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Translations(BTreeMap<LanguageTag, String>);

impl<'de> Deserialize<'de> for Translations {
    /// Reads the JSON object, refusing a language given twice rather than keeping the last.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ByLanguage;

        impl<'de> serde::de::Visitor<'de> for ByLanguage {
            type Value = Translations;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object from language tags to texts, such as {\"en\": \"…\"}")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Translations, A::Error> {
                let mut texts = BTreeMap::new();
                while let Some(lang) = map.next_key::<LanguageTag>()? {
                    if texts.contains_key(&lang) {
                        return Err(serde::de::Error::custom(format_args!(
                            "duplicate language {:?}; expected one text per language",
                            lang.as_str()
                        )));
                    }
                    let text = map.next_value::<String>()?;
                    texts.insert(lang, text);
                }
                Ok(Translations(texts))
            }
        }

        deserializer.deserialize_map(ByLanguage)
    }
}

impl Translations {
    /// No text in any language yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the text in `lang`, returning the text it replaces.
    pub fn insert(&mut self, lang: LanguageTag, text: impl Into<String>) -> Option<String> {
        self.0.insert(lang, text.into())
    }

    /// The text in exactly the language `lang` (a tag such as `"en"`).
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.0.get(lang).map(String::as_str)
    }

    /// The text for a reader who prefers `preferences`, in order: an exact match first, then one
    /// in the same primary language (`fr` for `fr-CH`), then English, then any text at all.
    pub fn best(&self, preferences: &[LanguageTag]) -> Option<&str> {
        preferences
            .iter()
            .find_map(|want| self.get(want.as_str()))
            .or_else(|| {
                preferences.iter().find_map(|want| {
                    self.0
                        .iter()
                        .find(|(have, _)| have.primary_language() == want.primary_language())
                        .map(|(_, text)| text.as_str())
                })
            })
            .or_else(|| self.get("en"))
            .or_else(|| self.0.values().next().map(String::as_str))
    }

    /// The languages present, in tag order.
    pub fn languages(&self) -> impl Iterator<Item = &LanguageTag> {
        self.0.keys()
    }

    /// Each language with its text, in tag order.
    pub fn iter(&self) -> impl Iterator<Item = Text> + '_ {
        self.0.iter().map(|(lang, text)| Text {
            lang: lang.clone(),
            text: text.clone(),
        })
    }

    /// How many languages are present.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no language is present.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Text> for Translations {
    fn from(text: Text) -> Self {
        Self(BTreeMap::from([(text.lang, text.text)]))
    }
}

impl FromIterator<Text> for Translations {
    /// Collects texts; when a language comes twice, the later text wins.
    fn from_iter<I: IntoIterator<Item = Text>>(iter: I) -> Self {
        Self(iter.into_iter().map(|t| (t.lang, t.text)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> LanguageTag {
        s.parse().unwrap()
    }

    fn itu_name() -> Translations {
        [
            Text::new("en", "International Telecommunication Union").unwrap(),
            Text::new("fr", "Union internationale des télécommunications").unwrap(),
            Text::new("es", "Unión Internacional de Telecomunicaciones").unwrap(),
        ]
        .into_iter()
        .collect()
    }

    #[test]
    fn best_prefers_exact_then_primary_then_english_then_any() {
        let name = itu_name();
        assert!(name.best(&[tag("es")]).unwrap().starts_with("Unión"));
        assert!(name.best(&[tag("fr-CA")]).unwrap().starts_with("Union"));
        assert!(
            name.best(&[tag("ru"), tag("es-419")])
                .unwrap()
                .starts_with("Unión")
        );
        assert!(
            name.best(&[tag("ar")])
                .unwrap()
                .starts_with("International")
        );
        let only_fr: Translations = [Text::new("fr", "Bonjour").unwrap()].into_iter().collect();
        assert_eq!(only_fr.best(&[tag("zh")]), Some("Bonjour"));
        assert_eq!(Translations::new().best(&[tag("en")]), None);
    }

    #[test]
    fn json_is_an_object_keyed_by_tag() {
        let name = itu_name();
        let json = serde_json::to_string(&name).unwrap();
        assert!(json.starts_with(r#"{"en":"International"#), "{json}");
        assert_eq!(serde_json::from_str::<Translations>(&json).unwrap(), name);
        let err = serde_json::from_str::<Translations>(r#"{"en_GB": "x"}"#).unwrap_err();
        assert!(
            err.to_string().contains("invalid language tag \"en_GB\""),
            "{err}"
        );
    }

    #[test]
    fn a_language_given_twice_is_refused_not_replaced() {
        let err = serde_json::from_str::<Translations>(r#"{"en": "a", "fr": "b", "en": "c"}"#)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "duplicate language \"en\"; expected one text per language at line 1 column 27"
        );
    }

    #[test]
    fn text_json() {
        let text = Text::new("ru", "Союз").unwrap();
        let json = serde_json::to_string(&text).unwrap();
        assert_eq!(json, r#"{"lang":"ru","text":"Союз"}"#);
        assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), text);
    }
}
