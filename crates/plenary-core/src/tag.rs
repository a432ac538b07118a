//! Tags: short lower-case keywords that group things across crates.

use std::borrow::Borrow;
use std::fmt;

use crate::Error;

/// The longest tag allowed, in characters.
pub const MAX_TAG_CHARS: usize = 64;

/// A keyword such as `net-neutrality` or `internet-governance`: lower-case letters and digits
/// (any script) in words joined by single hyphens.
///
/// Labels as people write them become tags with [`Tag::slugify`].
///
/// ```
/// use plenary_core::Tag;
///
/// let tag = Tag::slugify("Internet governance")?;
/// assert_eq!(tag.as_str(), "internet-governance");
/// assert!("Net Neutrality".parse::<Tag>().is_err());
/// # Ok::<(), plenary_core::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tag(String);

impl Tag {
    /// Checks that `tag` is already in tag form.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidTag`] for a tag that is empty, too long, or not lower-case words joined by `-`.
    pub fn new(tag: impl Into<String>) -> Result<Self, Error> {
        let tag = tag.into();
        let invalid = |reason: String| Error::InvalidTag {
            tag: tag.clone(),
            reason,
        };
        if tag.is_empty() {
            return Err(invalid("it is empty".into()));
        }
        let chars = tag.chars().count();
        if chars > MAX_TAG_CHARS {
            return Err(invalid(format!(
                "it is {chars} characters long, more than {MAX_TAG_CHARS}"
            )));
        }
        if tag.starts_with('-') || tag.ends_with('-') || tag.contains("--") {
            return Err(invalid("a hyphen must stand between two words".into()));
        }
        let allowed = |c: char| c == '-' || (c.is_alphanumeric() && !c.is_uppercase());
        if let Some(c) = tag.chars().find(|&c| !allowed(c)) {
            return Err(invalid(format!(
                "{c:?} is not a lower-case letter, a digit or '-'"
            )));
        }
        Ok(Self(tag))
    }

    /// Makes a tag of a label: lower-cases it and joins its words with hyphens, so
    /// `"Global Internet freedom"` becomes `global-internet-freedom`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidTag`] when nothing of `label` can make a tag (no letters or digits) or the tag
    /// would be too long.
    pub fn slugify(label: &str) -> Result<Self, Error> {
        let mut slug = String::with_capacity(label.len());
        for word in label
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if !slug.is_empty() {
                slug.push('-');
            }
            slug.extend(word.chars().flat_map(char::to_lowercase));
        }
        Self::new(slug).map_err(|e| match e {
            Error::InvalidTag { reason, .. } => Error::InvalidTag {
                tag: label.to_owned(),
                reason,
            },
            other => other,
        })
    }

    /// The tag as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tag({})", self.0)
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

crate::text_form::impl_text_form!(Tag, Tag::new, "a tag such as \"net-neutrality\"");

impl AsRef<str> for Tag {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Tag {
    fn borrow(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_tags() {
        for tag in [
            "wtpf",
            "itu",
            "net-neutrality",
            "wsis-10",
            "вкс",
            "télécoms",
        ] {
            assert_eq!(Tag::new(tag).unwrap().as_str(), tag);
        }
    }

    #[test]
    fn invalid_tags_say_why() {
        for (tag, reason) in [
            ("", "it is empty"),
            ("-itu", "a hyphen must stand between two words"),
            ("itu-", "a hyphen must stand between two words"),
            ("net--neutrality", "a hyphen must stand between two words"),
            ("ITU", "'I' is not a lower-case letter, a digit or '-'"),
            (
                "net neutrality",
                "' ' is not a lower-case letter, a digit or '-'",
            ),
        ] {
            assert_eq!(
                Tag::new(tag),
                Err(Error::InvalidTag {
                    tag: tag.into(),
                    reason: reason.into()
                })
            );
        }
        assert!(Tag::new("a".repeat(MAX_TAG_CHARS + 1)).is_err());
    }

    #[test]
    fn slugify_labels() {
        for (label, tag) in [
            ("WTPF", "wtpf"),
            ("Internet governance", "internet-governance"),
            ("global Internet freedom", "global-internet-freedom"),
            ("  WSIS+10 ", "wsis-10"),
            ("Télécoms & Réseaux", "télécoms-réseaux"),
        ] {
            assert_eq!(Tag::slugify(label).unwrap().as_str(), tag, "{label}");
        }
        assert_eq!(
            Tag::slugify("+++"),
            Err(Error::InvalidTag {
                tag: "+++".into(),
                reason: "it is empty".into()
            })
        );
    }

    #[test]
    fn json_round_trip() {
        let tag = Tag::new("itu").unwrap();
        assert_eq!(serde_json::to_string(&tag).unwrap(), r#""itu""#);
        assert_eq!(serde_json::from_str::<Tag>(r#""itu""#).unwrap(), tag);
        assert!(serde_json::from_str::<Tag>(r#""ITU""#).is_err());
    }
}
