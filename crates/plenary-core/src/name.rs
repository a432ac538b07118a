//! A short human-readable name or title: one line of text, never empty.

use std::fmt;

use crate::Error;

/// The longest name or title allowed, in characters.
///
/// 500 characters is well beyond a real UN or ITU title line (a line longer than that is a
/// paragraph, not a title) and bounds what one terminal line, table cell or calendar summary
/// must hold.
pub const MAX_NAME_CHARS: usize = 500;

/// A name or a title: of an actor, a venue, a city, an event, an agenda item, a resource, a
/// petition or a treaty document. One line of text, trimmed, never empty.
///
/// Names and titles follow one rule, so that every one of them can be printed on a terminal
/// line, in a table cell or in an iCalendar `SUMMARY` as it is. Surrounding white space is
/// trimmed when a name is made; a name that is empty after trimming, that holds a control
/// character (a line break, a tab, an escape) or a Unicode line or paragraph separator
/// (U+2028, U+2029), or that is longer than [`MAX_NAME_CHARS`] characters is an error.
/// In JSON a name is a string.
///
/// ```
/// use plenary_core::Name;
///
/// let name = Name::new("  Internet Society ")?;
/// assert_eq!(name.as_str(), "Internet Society");
/// assert!(Name::new("Access\nNow").is_err());
/// # Ok::<(), plenary_core::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Name(String);

impl Name {
    /// Makes a name, trimming surrounding white space.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidName`] for a name that is blank, longer than [`MAX_NAME_CHARS`](crate::MAX_NAME_CHARS)
    /// or not a single line of text (it holds a control character, U+2028 or U+2029).
    pub fn new(name: impl Into<String>) -> Result<Self, Error> {
        let name = name.into();
        let trimmed = name.trim();
        let invalid = |reason: String| Error::InvalidName {
            name: name.clone(),
            reason,
        };
        if trimmed.is_empty() {
            return Err(invalid(
                "it is empty; expected at least one visible character".into(),
            ));
        }
        if let Some(c) = trimmed
            .chars()
            .find(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
        {
            return Err(invalid(format!(
                "it holds the control character {c:?}; expected a single line of text"
            )));
        }
        let chars = trimmed.chars().count();
        if chars > MAX_NAME_CHARS {
            return Err(invalid(format!(
                "it is {chars} characters long; expected at most {MAX_NAME_CHARS}"
            )));
        }
        if trimmed.len() == name.len() {
            Ok(Self(name))
        } else {
            Ok(Self(trimmed.to_owned()))
        }
    }

    /// The name as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Name({:?})", self.0)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

crate::text_form::impl_text_form!(Name, Name::new, "a name: one non-empty line of text");

impl TryFrom<String> for Name {
    type Error = Error;

    fn try_from(s: String) -> Result<Self, Error> {
        Self::new(s)
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_keeps_inner_spaces() {
        assert_eq!(
            Name::new(" La Quadrature du Net\u{a0}").unwrap(),
            "La Quadrature du Net"
        );
        assert_eq!(Name::new("CDT").unwrap().to_string(), "CDT");
    }

    #[test]
    fn refuses_empty_multi_line_and_overlong_names() {
        assert_eq!(
            Name::new("  "),
            Err(Error::InvalidName {
                name: "  ".into(),
                reason: "it is empty; expected at least one visible character".into()
            })
        );
        let err = Name::new("a\tb").unwrap_err().to_string();
        assert_eq!(
            err,
            "invalid name \"a\\tb\": it holds the control character '\\t'; \
             expected a single line of text"
        );
        assert!(Name::new("WCIT-12\u{2028}Dubai").is_err());
        assert!(
            Name::new("WCIT-12\u{2029}").is_ok(),
            "trimmed as white space"
        );
        assert!(Name::new("x".repeat(MAX_NAME_CHARS)).is_ok());
        assert!(Name::new("x".repeat(MAX_NAME_CHARS + 1)).is_err());
    }

    #[test]
    fn json_round_trip_and_validation() {
        let name = Name::new("Access Now").unwrap();
        assert_eq!(serde_json::to_string(&name).unwrap(), r#""Access Now""#);
        assert_eq!(
            serde_json::from_str::<Name>(r#""Access Now""#).unwrap(),
            name
        );
        assert!(serde_json::from_str::<Name>(r#""""#).is_err());
    }
}
