//! Typed identifiers: one newtype per kind of thing, all over the same validated slug.
//!
//! A slug is what plenary uses to name things across datasets, files and URLs: it matches
//! `[a-z0-9][a-z0-9._/-]*` and is at most [`MAX_ID_LEN`] bytes long. Its `/`-separated segments
//! each start with a letter or digit, so no segment is empty, `.` or `..`: an id can name a file
//! or a URL path without climbing out of its folder (`a/../../x`) or aliasing another id
//! (`b//c/`). The types keep ids of different kinds apart, so an [`EventId`] can never be passed
//! where an [`ActorId`] is meant.

use std::borrow::Borrow;
use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::Error;

/// The longest identifier allowed, in bytes.
pub const MAX_ID_LEN: usize = 128;

/// The slug grammar as a regular expression, for the JSON Schema.
#[cfg(feature = "schemars")]
const ID_PATTERN: &str = "^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$";

/// Checks `id` against the slug grammar; `kind` names the identifier type in errors.
///
/// Every way of making an identifier (`new`, `FromStr`, `TryFrom`, serde) goes through here.
fn validate_slug(kind: &'static str, id: &str) -> Result<(), Error> {
    if id.is_empty() {
        return Err(Error::EmptyId { kind });
    }
    if id.len() > MAX_ID_LEN {
        return Err(Error::IdTooLong {
            kind,
            id: id.to_owned(),
            len: id.len(),
        });
    }
    for (position, found) in id.char_indices() {
        let ok = match found {
            'a'..='z' | '0'..='9' => true,
            '.' | '_' | '/' | '-' => position > 0,
            _ => false,
        };
        if !ok {
            let expected = if position == 0 {
                "a lower-case letter a-z or a digit 0-9 first"
            } else {
                "lower-case letters a-z, digits 0-9, '.', '_', '/' or '-'"
            };
            return Err(Error::IdInvalidChar {
                kind,
                id: id.to_owned(),
                found,
                position,
                expected,
            });
        }
    }
    let mut position = 0;
    for segment in id.split('/') {
        if !segment.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit()) {
            return Err(Error::IdBadSegment {
                kind,
                id: id.to_owned(),
                segment: segment.to_owned(),
                position,
            });
        }
        position += segment.len() + 1;
    }
    Ok(())
}

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident, $kind:literal, $example:literal) => {
        $(#[$doc])*
        ///
        /// A slug matching `[a-z0-9][a-z0-9._/-]*` whose `/`-separated segments each start with
        /// a letter or digit (none empty, `.` or `..`), at most 128 bytes; in JSON a plain string.
        ///
        /// ```
        #[doc = concat!("use plenary_core::", stringify!($name), ";")]
        ///
        #[doc = concat!("let id: ", stringify!($name), " = \"", $example, "\".parse()?;")]
        #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
        #[doc = concat!("assert!(\"Not A Slug\".parse::<", stringify!($name), ">().is_err());")]
        /// # Ok::<(), plenary_core::Error>(())
        /// ```
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            /// The name of this identifier type as it appears in error messages.
            pub const KIND: &'static str = $kind;

            /// Makes an identifier, checking that it is a valid slug.
            ///
            /// # Errors
            ///
            /// [`Error::EmptyId`], [`Error::IdTooLong`], [`Error::IdInvalidChar`] (with the
            /// character, its byte offset and what may stand there) or [`Error::IdBadSegment`]
            /// (an empty, `.` or `..` segment), for an id that is not a slug.
            pub fn new(id: impl Into<String>) -> Result<Self, Error> {
                let id = id.into();
                validate_slug(Self::KIND, &id)?;
                Ok(Self(id))
            }

            /// The identifier as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The identifier as an owned string.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = Error;

            fn from_str(s: &str) -> Result<Self, Error> {
                Self::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = Error;

            fn try_from(s: String) -> Result<Self, Error> {
                Self::new(s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = Error;

            fn try_from(s: &str) -> Result<Self, Error> {
                Self::new(s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        #[cfg(feature = "schemars")]
        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                ::schemars::json_schema!({
                    "type": "string",
                    "description": concat!("A ", $kind, ": a slug such as \"", $example, "\"."),
                    "pattern": ID_PATTERN,
                    "maxLength": MAX_ID_LEN,
                })
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct IdVisitor;

                impl Visitor<'_> for IdVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        write!(f, "{} (a slug such as \"{}\")", $kind, $example)
                    }

                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$name, E> {
                        $name::new(v).map_err(E::custom)
                    }

                    fn visit_string<E: de::Error>(self, v: String) -> Result<$name, E> {
                        $name::new(v).map_err(E::custom)
                    }
                }

                deserializer.deserialize_string(IdVisitor)
            }
        }
    };
}

typed_id!(
    /// Names an [`Actor`](crate::Actor): a member state, an organisation or a person.
    ActorId,
    "actor id",
    "isoc"
);
typed_id!(
    /// Names an event: a conference, a preparatory meeting, a plenary, a deadline's event.
    EventId,
    "event id",
    "wcit-12"
);
typed_id!(
    /// Names a resource in a resource bank: an analysis, a letter, a video.
    ResourceId,
    "resource id",
    "cdt/itu-key-messages"
);
typed_id!(
    /// Names a treaty document: a resolution, a proposal, a revision.
    DocumentId,
    "document id",
    "wcit-12/dt-rev1"
);
typed_id!(
    /// Names a petition, a sign-on letter or an open letter.
    PetitionId,
    "petition id",
    "accessnow/internet-belongs-to-us"
);
typed_id!(
    /// Names a source a dataset's facts were taken from: a web page, a document, a seed file.
    SourceId,
    "source id",
    "seed/isoc-wcit-calendar"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_ids() {
        for id in [
            "a",
            "0",
            "wcit-12",
            "wcit-12/plenary.thursday",
            "a_b",
            "x".repeat(128).as_str(),
        ] {
            assert_eq!(EventId::new(id).unwrap().as_str(), id);
        }
    }

    #[test]
    fn json_out_and_in() {
        let id = ActorId::new("isoc").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), r#""isoc""#);
        let back: ActorId = serde_json::from_str(r#""isoc""#).unwrap();
        assert_eq!(back, id);
    }

    #[test]
    fn json_in_validates() {
        let err = serde_json::from_str::<ActorId>(r#""ISOC""#)
            .unwrap_err()
            .to_string();
        assert!(err.contains(r#"invalid actor id "ISOC""#), "{err}");
        assert!(err.contains("line 1 column 6"), "{err}");
        assert!(serde_json::from_str::<ActorId>("12").is_err());
    }

    #[test]
    fn empty_id() {
        assert_eq!(
            DocumentId::new(""),
            Err(Error::EmptyId {
                kind: "document id"
            })
        );
    }

    #[test]
    fn too_long_id() {
        let long = "a".repeat(129);
        assert_eq!(
            PetitionId::new(long.clone()),
            Err(Error::IdTooLong {
                kind: "petition id",
                id: long,
                len: 129
            })
        );
    }

    #[test]
    fn invalid_chars_are_quoted_with_their_position() {
        let err = ResourceId::new("cdt/Key").unwrap_err();
        assert_eq!(
            err,
            Error::IdInvalidChar {
                kind: "resource id",
                id: "cdt/Key".into(),
                found: 'K',
                position: 4,
                expected: "lower-case letters a-z, digits 0-9, '.', '_', '/' or '-'",
            }
        );
        assert_eq!(
            err.to_string(),
            "invalid resource id \"cdt/Key\": 'K' at byte 4 is not allowed; \
             expected lower-case letters a-z, digits 0-9, '.', '_', '/' or '-'"
        );
        for bad in ["-x", ".x", "/x", "_x", "a b", "é", "a\n"] {
            assert!(
                matches!(EventId::new(bad), Err(Error::IdInvalidChar { .. })),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn hostile_16_ids_with_empty_or_dot_segments_are_refused() {
        for (id, segment, position) in [
            ("a/../../x", "..", 2),
            ("b//c/", "", 2),
            ("a/", "", 2),
            ("a/./b", ".", 2),
            ("wcit-12/.hidden", ".hidden", 8),
            ("a/b/-c", "-c", 4),
            ("a/_", "_", 2),
        ] {
            assert_eq!(
                EventId::new(id),
                Err(Error::IdBadSegment {
                    kind: "event id",
                    id: id.into(),
                    segment: segment.into(),
                    position,
                }),
                "{id:?}"
            );
        }
        assert_eq!(
            ResourceId::new("a/../x").unwrap_err().to_string(),
            "invalid resource id \"a/../x\": the segment \"..\" at byte 2 is not allowed; \
             expected each '/'-separated segment to start with a lower-case letter a-z or a digit \
             0-9 (no empty, \".\" or \"..\" segment)"
        );
        let err = serde_json::from_str::<DocumentId>(r#""x/../y""#).unwrap_err();
        assert!(
            err.to_string().contains("the segment \"..\" at byte 2"),
            "{err}"
        );
        for fine in ["a/b", "a.b/c..d", "a/0/b-c_d.e", "x/y./z"] {
            assert!(EventId::new(fine).is_ok(), "{fine}");
        }
    }

    #[test]
    fn ids_borrow_as_str_for_map_lookups() {
        let mut map = std::collections::HashMap::new();
        map.insert(EventId::new("wcit-12").unwrap(), 1);
        assert_eq!(map.get("wcit-12"), Some(&1));
    }
}
