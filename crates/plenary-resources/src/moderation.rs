//! Public suggestions and the moderation queue they wait in.

use std::fmt;

use plenary_core::{Link, Name, ResourceId};
use serde::{Deserialize, Serialize};

use crate::error::excerpt;
use crate::{Error, ResourceKind};

/// The shortest title a suggestion may have, in characters.
pub const MIN_SUGGESTION_TITLE_CHARS: usize = 3;
/// The longest title a suggestion may have, in characters.
pub const MAX_SUGGESTION_TITLE_CHARS: usize = 300;
/// The longest description a suggestion may have, in characters.
pub const MAX_SUGGESTION_DESCRIPTION_CHARS: usize = 2_000;
/// The most web addresses a suggestion's description may hold: more is the mark of spam.
pub const MAX_SUGGESTION_URLS: usize = 2;
/// The longest reason for a rejection, in characters.
pub const MAX_REASON_CHARS: usize = 500;

/// A link suggested by the public, as a web form sends it: plain strings, not yet checked.
///
/// [`ResourceBank::submit`](crate::ResourceBank::submit) checks it and queues it for a
/// moderator as a [`Submission`], whose title is a [`Name`] like every other title. The title
/// stays a `String` here on purpose: this is the form as sent, and a blank or malformed title
/// must reach the check to be refused with its reason (and the stricter length limits of
/// public input, [`MIN_SUGGESTION_TITLE_CHARS`] to [`MAX_SUGGESTION_TITLE_CHARS`]), rather than
/// fail while the form is read.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suggestion {
    /// The title of the page or paper.
    pub title: String,
    /// Where it is: an http or https link.
    pub link: String,
    /// Who wrote it; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
    /// Why it belongs in the bank; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// What kind of thing it is, when the form asks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ResourceKind>,
    /// The section it is suggested for, when the form asks.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub section: String,
}

/// The number of a suggestion in a moderation queue, counting from 1, shown as `#1`, `#2`, ….
///
/// A type of its own, so that a suggestion's number cannot be mixed up with a count or an
/// index; in JSON a plain number. [`Display`](fmt::Display) writes the bare number, so messages
/// say `#{id}`.
///
/// ```
/// use plenary_resources::SuggestionId;
///
/// let id = SuggestionId::from(3);
/// assert_eq!(id.get(), 3);
/// assert_eq!(format!("#{id}"), "#3");
/// assert_eq!(serde_json::to_string(&id)?, "3");
/// assert_eq!(i64::try_from(id), Ok(3));
/// assert!(SuggestionId::try_from(-1_i64).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(transparent))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SuggestionId(u64);

impl SuggestionId {
    /// The number.
    pub fn get(self) -> u64 {
        self.0
    }

    /// The position in a queue, from 0: the number less one; `None` for 0 or beyond `usize`.
    pub(crate) fn position(self) -> Option<usize> {
        self.0.checked_sub(1).and_then(|i| usize::try_from(i).ok())
    }
}

impl From<u64> for SuggestionId {
    fn from(number: u64) -> Self {
        Self(number)
    }
}

impl From<SuggestionId> for u64 {
    fn from(id: SuggestionId) -> Self {
        id.0
    }
}

/// For stores that keep the number as a signed integer (an SQL row id): a negative number is
/// refused.
impl TryFrom<i64> for SuggestionId {
    type Error = std::num::TryFromIntError;

    fn try_from(number: i64) -> Result<Self, Self::Error> {
        u64::try_from(number).map(Self)
    }
}

/// For stores that keep the number as a signed integer: a number above `i64::MAX` is refused.
impl TryFrom<SuggestionId> for i64 {
    type Error = std::num::TryFromIntError;

    fn try_from(id: SuggestionId) -> Result<Self, Self::Error> {
        i64::try_from(id.0)
    }
}

impl fmt::Display for SuggestionId {
    /// The bare number, such as `3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Where a suggestion stands.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state", deny_unknown_fields)]
#[non_exhaustive]
pub enum ModerationState {
    /// Waiting for a moderator.
    Pending,
    /// Accepted into the bank as this resource.
    Approved {
        /// The resource made of it.
        resource: ResourceId,
    },
    /// Turned down.
    Rejected {
        /// Why, in the moderator's words.
        reason: String,
    },
    /// Its link is, in canonical form, the link of a resource already in the bank.
    Duplicate {
        /// The resource already in the bank.
        of: ResourceId,
    },
}

impl fmt::Display for ModerationState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Pending => f.write_str("pending"),
            Self::Approved { resource } => write!(f, "approved as {:?}", resource.as_str()),
            Self::Rejected { reason } => write!(f, "rejected ({reason})"),
            Self::Duplicate { of } => write!(f, "a duplicate of {:?}", of.as_str()),
        }
    }
}

/// A checked suggestion in the moderation queue, with its number and state.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Submission {
    /// Its number in the queue.
    pub id: SuggestionId,
    /// The title, trimmed.
    pub title: Name,
    /// The link.
    pub link: Link,
    /// The author as the submitter wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Name>,
    /// The description, trimmed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The kind the submitter chose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ResourceKind>,
    /// The section the submitter chose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Name>,
    /// Where it stands.
    #[serde(flatten)]
    pub state: ModerationState,
}

impl Submission {
    /// Checks `suggestion`'s lengths and content and makes it submission `id`, pending.
    pub(crate) fn check(id: SuggestionId, suggestion: &Suggestion) -> Result<Self, Error> {
        let invalid = |field: &'static str, value: &str, reason: String| Error::InvalidField {
            subject: "suggestion".into(),
            field,
            value: excerpt(value),
            reason,
        };
        let title = suggestion.title.trim();
        let chars = title.chars().count();
        if !(MIN_SUGGESTION_TITLE_CHARS..=MAX_SUGGESTION_TITLE_CHARS).contains(&chars) {
            return Err(invalid(
                "title",
                &suggestion.title,
                format!(
                    "is {chars} characters long; expected {MIN_SUGGESTION_TITLE_CHARS} to {MAX_SUGGESTION_TITLE_CHARS}"
                ),
            ));
        }
        if !title.chars().any(char::is_alphabetic) {
            return Err(invalid(
                "title",
                title,
                "holds no letter; expected the title of the page".into(),
            ));
        }
        let title = Name::new(title)?;
        let link = Link::parse(suggestion.link.trim())?;
        if link.scheme() == "mailto" {
            return Err(invalid(
                "link",
                &suggestion.link,
                "is a mail address; expected a web page (http or https)".into(),
            ));
        }
        let author = match suggestion.author.trim() {
            "" => None,
            author => Some(Name::new(author)?),
        };
        let description = suggestion.description.trim().replace("\r\n", "\n");
        let chars = description.chars().count();
        if chars > MAX_SUGGESTION_DESCRIPTION_CHARS {
            return Err(invalid(
                "description",
                &description,
                format!(
                    "is {chars} characters long; expected at most {MAX_SUGGESTION_DESCRIPTION_CHARS}"
                ),
            ));
        }
        if let Some(c) = description.chars().find(|&c| c.is_control() && c != '\n') {
            return Err(invalid(
                "description",
                &description,
                format!("holds the control character {c:?}; expected plain text"),
            ));
        }
        let urls = ["http://", "https://", "www."]
            .iter()
            .map(|u| description.to_lowercase().matches(u).count())
            .sum::<usize>();
        if urls > MAX_SUGGESTION_URLS {
            return Err(invalid(
                "description",
                &description,
                format!("holds {urls} web addresses; expected at most {MAX_SUGGESTION_URLS}"),
            ));
        }
        for (field, text) in [
            ("title", title.as_str()),
            ("author", author.as_ref().map_or("", Name::as_str)),
            ("description", description.as_str()),
        ] {
            if holds_markup(text) {
                return Err(invalid(
                    field,
                    text,
                    "holds HTML markup; expected plain text".into(),
                ));
            }
        }
        let section = match suggestion.section.trim() {
            "" => None,
            section => Some(Name::new(section)?),
        };
        Ok(Self {
            id,
            title,
            link,
            author,
            description,
            kind: suggestion.kind,
            section,
            state: ModerationState::Pending,
        })
    }
}

/// Whether `text` holds something a browser would read as a tag: `<` then a letter, `/` or `!`.
fn holds_markup(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

/// Checks a moderator's reason for a rejection.
pub(crate) fn check_reason(id: SuggestionId, reason: &str) -> Result<String, Error> {
    let trimmed = reason.trim();
    let chars = trimmed.chars().count();
    if chars == 0 || chars > MAX_REASON_CHARS {
        return Err(Error::InvalidField {
            subject: format!("rejection of suggestion #{id}"),
            field: "reason",
            value: excerpt(reason),
            reason: format!(
                "is {chars} characters long; expected 1 to {MAX_REASON_CHARS}: say why"
            ),
        });
    }
    Ok(trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggestion() -> Suggestion {
        Suggestion {
            title: " WCIT leaks ".into(),
            link: "https://wcitleaks.org/?utm_source=x".into(),
            author: "Jerry Brito".into(),
            description: "Leaked ITU documents.".into(),
            kind: Some(ResourceKind::Webpage),
            section: String::new(),
        }
    }

    #[test]
    fn a_good_suggestion_is_trimmed_and_pending() {
        let s = Submission::check(7.into(), &suggestion()).unwrap();
        assert_eq!((s.id, s.title.as_str()), (7.into(), "WCIT leaks"));
        assert_eq!(s.author.unwrap().as_str(), "Jerry Brito");
        assert_eq!(s.state, ModerationState::Pending);
        assert_eq!(s.section, None);
    }

    #[test]
    fn bad_suggestions_say_what_and_why() {
        let with = |f: &dyn Fn(&mut Suggestion)| {
            let mut s = suggestion();
            f(&mut s);
            Submission::check(1.into(), &s).unwrap_err().to_string()
        };
        for (err, expected) in [
            (
                with(&|s| s.title = "ab".into()),
                "invalid title of suggestion: \"ab\" is 2 characters long; expected 3 to 300",
            ),
            (
                with(&|s| s.title = "x".repeat(301)),
                "is 301 characters long; expected 3 to 300",
            ),
            (
                with(&|s| s.title = "!!!".into()),
                "invalid title of suggestion: \"!!!\" holds no letter",
            ),
            (
                with(&|s| s.title = "a\nb c".into()),
                "invalid name \"a\\nb c\"",
            ),
            (
                with(&|s| s.link = "javascript:alert(1)".into()),
                "refused link \"javascript:alert(1)\": the scheme \"javascript\" is not allowed",
            ),
            (
                with(&|s| s.link = "data:text/html,x".into()),
                "the scheme \"data\" is not allowed",
            ),
            (
                with(&|s| s.link = "mailto:a@b.org".into()),
                "invalid link of suggestion: \"mailto:a@b.org\" is a mail address",
            ),
            (with(&|s| s.link = "".into()), "invalid link \"\""),
            (
                with(&|s| s.description = "x".repeat(2001)),
                "is 2001 characters long; expected at most 2000",
            ),
            (
                with(&|s| s.description = "see http://a.com http://b.com www.c.com".into()),
                "holds 3 web addresses; expected at most 2",
            ),
            (
                with(&|s| s.description = "nice <script>alert(1)</script>".into()),
                "invalid description of suggestion: \"nice <script>alert(1)</script>\" holds HTML markup",
            ),
            (
                with(&|s| s.title = "Hello <b>world</b>".into()),
                "invalid title of suggestion",
            ),
            (
                with(&|s| s.description = "a\u{0}b".into()),
                "holds the control character '\\0'",
            ),
        ] {
            assert!(err.contains(expected), "{err}\n  expected: {expected}");
        }
        assert!(
            Submission::check(
                1.into(),
                &Suggestion {
                    description: "1 < 2 and 3 > 2".into(),
                    ..suggestion()
                }
            )
            .is_ok()
        );
    }

    #[test]
    fn reasons() {
        assert_eq!(check_reason(3.into(), " off topic ").unwrap(), "off topic");
        assert_eq!(
            check_reason(3.into(), " ").unwrap_err().to_string(),
            "invalid reason of rejection of suggestion #3: \" \" is 0 characters long; expected 1 to 500: say why"
        );
    }

    #[test]
    fn states_in_json() {
        let mut s = Submission::check(2.into(), &suggestion()).unwrap();
        s.state = ModerationState::Duplicate {
            of: "cdt/x".parse().unwrap(),
        };
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["state"], "duplicate");
        assert_eq!(json["of"], "cdt/x");
        assert_eq!(serde_json::from_value::<Submission>(json).unwrap(), s);
        assert_eq!(s.state.to_string(), "a duplicate of \"cdt/x\"");
    }
}
