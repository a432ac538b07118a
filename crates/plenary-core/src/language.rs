//! BCP 47 language tags.

use std::borrow::Borrow;
use std::fmt;

use crate::Error;

/// The six official languages of the ITU, in its own order: Arabic, Chinese, English, French,
/// Russian, Spanish.
pub const ITU_LANGUAGES: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

/// A well-formed BCP 47 (RFC 5646) language tag such as `en`, `fr-CH` or `zh-Hans`.
///
/// Tags are checked with the [`oxilangtag`] crate and kept in the case BCP 47 recommends
/// (`EN-gb` becomes `en-GB`), so equal tags compare equal.
///
/// ```
/// use plenary_core::LanguageTag;
///
/// let tag: LanguageTag = "zh-hans".parse()?;
/// assert_eq!(tag.as_str(), "zh-Hans");
/// assert_eq!(tag.primary_language(), "zh");
/// assert!("english!".parse::<LanguageTag>().is_err());
/// # Ok::<(), plenary_core::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LanguageTag(String);

impl LanguageTag {
    /// Checks and normalises `tag`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidLanguageTag`] when `tag` is not a well-formed BCP 47 tag.
    pub fn new(tag: &str) -> Result<Self, Error> {
        oxilangtag::LanguageTag::parse_and_normalize(tag)
            .map(|t| Self(t.into_inner()))
            .map_err(|e| Error::InvalidLanguageTag {
                tag: tag.to_owned(),
                reason: e.to_string(),
            })
    }

    /// The tag as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag, such as `zh` for `zh-Hans`.
    pub fn primary_language(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// The six official languages of the ITU, as tags.
    pub fn itu_languages() -> [LanguageTag; 6] {
        ITU_LANGUAGES.map(|tag| Self(tag.to_owned()))
    }
}

impl fmt::Debug for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LanguageTag({})", self.0)
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

crate::text_form::impl_text_form!(
    LanguageTag,
    LanguageTag::new,
    "a BCP 47 language tag such as \"en\""
);

impl AsRef<str> for LanguageTag {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for LanguageTag {
    fn borrow(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_tags_are_normalised() {
        for (tag, normal) in [
            ("en", "en"),
            ("EN-gb", "en-GB"),
            ("zh-hant-tw", "zh-Hant-TW"),
            ("es-419", "es-419"),
            ("ar", "ar"),
        ] {
            assert_eq!(LanguageTag::new(tag).unwrap().as_str(), normal);
        }
    }

    #[test]
    fn malformed_tags_are_refused_with_the_reason() {
        for tag in ["", "english!", "e", "en--gb", "en-", "123"] {
            match LanguageTag::new(tag) {
                Err(Error::InvalidLanguageTag { tag: t, reason }) => {
                    assert_eq!(t, tag);
                    assert!(!reason.is_empty());
                }
                other => panic!("{tag:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn itu_languages_are_valid_tags() {
        for tag in LanguageTag::itu_languages() {
            assert_eq!(LanguageTag::new(tag.as_str()).unwrap(), tag);
        }
    }

    #[test]
    fn json_round_trip() {
        let tag = LanguageTag::new("fr").unwrap();
        assert_eq!(serde_json::to_string(&tag).unwrap(), r#""fr""#);
        assert_eq!(serde_json::from_str::<LanguageTag>(r#""FR""#).unwrap(), tag);
        assert!(serde_json::from_str::<LanguageTag>(r#""fr_FR""#).is_err());
    }
}
