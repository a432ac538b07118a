//! The resource: one analysis, letter, video … of a resource bank.

use std::collections::HashSet;
use std::hash::Hash;

use plenary_core::{
    DocumentId, EventId, LanguageTag, Link, Name, PartialDate, PetitionId, ResourceId, Tag,
};
use serde::{Deserialize, Serialize};

use crate::error::excerpt;
use crate::{Author, Error, ResourceKind};

/// The longest description allowed, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 5_000;

/// The most authors, topics, languages or related ids one resource may list.
pub const MAX_LIST_LEN: usize = 64;

/// One entry of a resource bank: an analysis, a report, a letter, talking points, a video, ….
///
/// The fields are public, as plain data; [`Resource::validate`] holds the rules that span them, and
/// the bank and serde both apply it, so JSON can never build a resource that code could not add.
///
/// ```
/// use plenary_resources::{Author, Resource, ResourceKind};
///
/// let mut r = Resource::new(
///     "laquadrature/etno-net-neutrality".parse()?,
///     "Dominant Telcos Try to End Net Neutrality Through ITU".parse()?,
///     ResourceKind::PolicyAnalysis,
/// );
/// r.authors.push(Author::Actor("laquadrature".parse()?));
/// r.topics.push("net-neutrality".parse()?);
/// r.validate()?;
/// let json = serde_json::to_string(&r)?;
/// assert_eq!(
///     json,
///     r#"{"id":"laquadrature/etno-net-neutrality","title":"Dominant Telcos Try to End Net Neutrality Through ITU","authors":[{"actor":"laquadrature"}],"kind":"policy_analysis","topics":["net-neutrality"]}"#
/// );
/// assert_eq!(serde_json::from_str::<Resource>(&json)?, r);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ResourceFields")]
#[non_exhaustive]
pub struct Resource {
    /// The resource's identifier.
    pub id: ResourceId,
    /// The title as published: one line.
    pub title: Name,
    /// Who wrote it, in the order the source gives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    /// Who published it, when that is not the author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Author>,
    /// What it says or why it matters; may hold paragraphs separated by line breaks.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Where to read, watch or sign it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// What kind of thing it is.
    pub kind: ResourceKind,
    /// The section of the bank it is listed under, such as `"Policy Analyses"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Name>,
    /// What it is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Tag>,
    /// The languages it is available in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<LanguageTag>,
    /// When it was published, to the year, month or day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// The events it is about or was written for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_events: Vec<EventId>,
    /// The treaty documents it discusses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_documents: Vec<DocumentId>,
    /// The petitions it supports or is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related_petitions: Vec<PetitionId>,
}

impl Resource {
    /// A resource with only its id, title and kind.
    pub fn new(id: ResourceId, title: Name, kind: ResourceKind) -> Self {
        Self {
            id,
            title,
            authors: Vec::new(),
            publisher: None,
            description: String::new(),
            link: None,
            kind,
            section: None,
            topics: Vec::new(),
            languages: Vec::new(),
            published: None,
            related_events: Vec::new(),
            related_documents: Vec::new(),
            related_petitions: Vec::new(),
        }
    }

    /// Sets the description, checking it as [`Resource::validate`] does.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidField`] for a description that is not trimmed, is longer than
    /// [`MAX_DESCRIPTION_CHARS`] characters, or holds control characters other than line breaks.
    pub fn with_description(mut self, description: impl Into<String>) -> Result<Self, Error> {
        let description = description.into();
        check_description(&self.id, &description)?;
        self.description = description;
        Ok(self)
    }

    /// Checks the rules that span fields: the description is trimmed, at most
    /// [`MAX_DESCRIPTION_CHARS`] characters and free of control characters other than line
    /// breaks; no list repeats an entry or is longer than [`MAX_LIST_LEN`].
    ///
    /// `validate` is the one name every plenary record uses for its own check
    /// (`Event::validate`, `Petition::validate`, `Dataset::validate` for a whole dataset).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidField`] naming the first field that breaks a rule, the value and what was
    /// expected.
    pub fn validate(&self) -> Result<(), Error> {
        check_description(&self.id, &self.description)?;
        check_list(&self.id, "authors", &self.authors)?;
        check_list(&self.id, "topics", &self.topics)?;
        check_list(&self.id, "languages", &self.languages)?;
        check_list(&self.id, "related_events", &self.related_events)?;
        check_list(&self.id, "related_documents", &self.related_documents)?;
        check_list(&self.id, "related_petitions", &self.related_petitions)?;
        Ok(())
    }
}

impl Resource {
    /// The old name of [`Resource::validate`].
    ///
    /// # Errors
    ///
    /// As [`Resource::validate`].
    #[deprecated(
        since = "0.1.0",
        note = "use `Resource::validate`, the name every record's check has"
    )]
    pub fn check(&self) -> Result<(), Error> {
        self.validate()
    }
}

impl plenary_core::References for Resource {
    /// `authors[i]` and `publisher` when they are actors, `related_events[i]`,
    /// `related_documents[i]` and `related_petitions[i]`.
    fn visit_references<'s>(
        &'s self,
        at: &plenary_core::RefPath<'_>,
        visit: &mut dyn FnMut(&plenary_core::RefPath<'_>, plenary_core::Reference<'s>),
    ) {
        plenary_core::visit_nested(at, "authors", &self.authors, visit);
        if let Some(publisher) = &self.publisher {
            publisher.visit_references(&at.field("publisher"), visit);
        }
        plenary_core::visit_list(at, "related_events", &self.related_events, visit);
        plenary_core::visit_list(at, "related_documents", &self.related_documents, visit);
        plenary_core::visit_list(at, "related_petitions", &self.related_petitions, visit);
    }
}

fn subject(id: &ResourceId) -> String {
    format!("resource {:?}", id.as_str())
}

fn check_description(id: &ResourceId, description: &str) -> Result<(), Error> {
    let invalid = |reason: String| Error::InvalidField {
        subject: subject(id),
        field: "description",
        value: excerpt(description),
        reason,
    };
    if description.trim() != description {
        return Err(invalid(
            "has white space at an end; expected it trimmed".into(),
        ));
    }
    let chars = description.chars().count();
    if chars > MAX_DESCRIPTION_CHARS {
        return Err(invalid(format!(
            "is {chars} characters long; expected at most {MAX_DESCRIPTION_CHARS}"
        )));
    }
    if let Some(c) = description.chars().find(|&c| c.is_control() && c != '\n') {
        return Err(invalid(format!(
            "holds the control character {c:?}; expected text with at most line breaks"
        )));
    }
    Ok(())
}

/// The longest list [`check_list`] checks for repeats pairwise rather than through a hash set.
const SMALL_LIST: usize = 8;

fn check_list<T: Eq + Hash + std::fmt::Display>(
    id: &ResourceId,
    field: &'static str,
    list: &[T],
) -> Result<(), Error> {
    let invalid = |value: String, reason: String| Error::InvalidField {
        subject: subject(id),
        field,
        value,
        reason,
    };
    if list.len() > MAX_LIST_LEN {
        return Err(invalid(
            format!("{} entries", list.len()),
            format!("is too long; expected at most {MAX_LIST_LEN} entries"),
        ));
    }
    let twice = |item: &T| {
        invalid(
            item.to_string(),
            "comes twice; expected each entry once".into(),
        )
    };
    // Most lists hold a few entries: comparing them pairwise costs less than a hash set, and
    // whole-dataset validation runs this on every resource.
    if list.len() <= SMALL_LIST {
        for (i, item) in list.iter().enumerate() {
            if list[..i].contains(item) {
                return Err(twice(item));
            }
        }
        return Ok(());
    }
    let mut seen = HashSet::with_capacity(list.len());
    for item in list {
        if !seen.insert(item) {
            return Err(twice(item));
        }
    }
    Ok(())
}

/// The JSON form of a resource before [`Resource::validate`].
#[derive(Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(rename = "Resource"))]
#[serde(deny_unknown_fields)]
struct ResourceFields {
    id: ResourceId,
    title: Name,
    #[serde(default)]
    authors: Vec<Author>,
    #[serde(default)]
    publisher: Option<Author>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    link: Option<Link>,
    kind: ResourceKind,
    #[serde(default)]
    section: Option<Name>,
    #[serde(default)]
    topics: Vec<Tag>,
    #[serde(default)]
    languages: Vec<LanguageTag>,
    #[serde(default)]
    published: Option<PartialDate>,
    #[serde(default)]
    related_events: Vec<EventId>,
    #[serde(default)]
    related_documents: Vec<DocumentId>,
    #[serde(default)]
    related_petitions: Vec<PetitionId>,
}

impl TryFrom<ResourceFields> for Resource {
    type Error = Error;

    fn try_from(f: ResourceFields) -> Result<Self, Error> {
        let resource = Resource {
            id: f.id,
            title: f.title,
            authors: f.authors,
            publisher: f.publisher,
            description: f.description,
            link: f.link,
            kind: f.kind,
            section: f.section,
            topics: f.topics,
            languages: f.languages,
            published: f.published,
            related_events: f.related_events,
            related_documents: f.related_documents,
            related_petitions: f.related_petitions,
        };
        resource.validate()?;
        Ok(resource)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Resource {
        let mut r = Resource::new(
            "isoc/itrs-background".parse().unwrap(),
            "Background: International Telecommunication Regulations"
                .parse()
                .unwrap(),
            ResourceKind::Background,
        )
        .with_description(
            "The Internet Society background paper on the ITRs.\nIn several languages.",
        )
        .unwrap();
        r.authors.push(Author::Actor("isoc".parse().unwrap()));
        r.publisher = Some(Author::Name("Internet Society".parse().unwrap()));
        r.link = Some(Link::parse("https://www.internetsociety.org/itrs").unwrap());
        r.section = Some("Policy Analyses".parse().unwrap());
        r.topics.push("itrs".parse().unwrap());
        r.languages
            .extend(["en".parse().unwrap(), "fr".parse().unwrap()]);
        r.published = Some("2012-06".parse().unwrap());
        r.related_events.push("wcit-12".parse().unwrap());
        r.related_documents.push("itrs-1988".parse().unwrap());
        r.related_petitions.push("accessnow/itu".parse().unwrap());
        r
    }

    #[test]
    fn json_round_trip_with_every_field() {
        let r = full();
        let json = serde_json::to_string_pretty(&r).unwrap();
        assert_eq!(serde_json::from_str::<Resource>(&json).unwrap(), r);
    }

    #[test]
    fn empty_fields_are_omitted() {
        let r = Resource::new(
            "x".parse().unwrap(),
            "X".parse().unwrap(),
            ResourceKind::Video,
        );
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"id":"x","title":"X","kind":"video"}"#
        );
    }

    #[test]
    fn json_goes_through_the_same_checks() {
        for (json, needle) in [
            (
                r#"{"id":"x","title":"X","kind":"video","colour":1}"#,
                "unknown field `colour`",
            ),
            (
                r#"{"id":"X","title":"X","kind":"video"}"#,
                "invalid resource id \"X\"",
            ),
            (r#"{"id":"x","title":"","kind":"video"}"#, "invalid name"),
            (
                r#"{"id":"x","title":"X","kind":"blog"}"#,
                "unknown variant `blog`",
            ),
            (
                r#"{"id":"x","title":"X","kind":"video","link":"javascript:alert(1)"}"#,
                "refused link \"javascript:alert(1)\"",
            ),
            (
                r#"{"id":"x","title":"X","kind":"video","description":" x"}"#,
                "invalid description of resource \"x\"",
            ),
            (
                r#"{"id":"x","title":"X","kind":"video","topics":["itu","itu"]}"#,
                "invalid topics of resource \"x\": \"itu\" comes twice",
            ),
            (
                r#"{"id":"x","title":"X","kind":"video","published":"2012-13"}"#,
                "invalid date",
            ),
            (
                r#"{"id":"x","title":"X","kind":"video","languages":["english!"]}"#,
                "invalid language tag",
            ),
        ] {
            let err = serde_json::from_str::<Resource>(json)
                .unwrap_err()
                .to_string();
            assert!(err.contains(needle), "{json}: {err}");
        }
    }

    #[test]
    fn repeats_are_found_in_short_and_long_lists() {
        let tags = |n: usize| (0..n).map(|i| format!("t{i}")).collect::<Vec<_>>();
        for (mut topics, repeat) in [
            (tags(1), None),
            (tags(SMALL_LIST), None),
            (tags(SMALL_LIST + 1), None),
            (tags(MAX_LIST_LEN), None),
            (tags(2), Some(0)),
            (tags(SMALL_LIST), Some(3)),
            (tags(SMALL_LIST + 1), Some(SMALL_LIST)),
            (tags(MAX_LIST_LEN - 1), Some(7)),
        ] {
            if let Some(i) = repeat {
                topics.push(topics[i].clone());
            }
            let mut r = Resource::new(
                "x".parse().unwrap(),
                "X".parse().unwrap(),
                ResourceKind::Video,
            );
            r.topics = topics.iter().map(|t| t.parse().unwrap()).collect();
            match (repeat, r.validate()) {
                (None, Ok(())) => {}
                (Some(i), Err(err)) => assert_eq!(
                    err.to_string(),
                    format!(
                        "invalid topics of resource \"x\": \"t{i}\" comes twice; expected each \
                         entry once"
                    ),
                    "{topics:?}"
                ),
                (repeat, result) => panic!("{topics:?} (repeat {repeat:?}): {result:?}"),
            }
        }
    }

    #[test]
    fn description_rules() {
        let r = || {
            Resource::new(
                "x".parse().unwrap(),
                "X".parse().unwrap(),
                ResourceKind::Video,
            )
        };
        assert!(r().with_description("Two\nlines").is_ok());
        assert!(r().with_description("").is_ok());
        let too_long = "x".repeat(MAX_DESCRIPTION_CHARS + 1);
        let err = r().with_description(too_long).unwrap_err().to_string();
        assert!(
            err.ends_with("is 5001 characters long; expected at most 5000"),
            "{err}"
        );
        let err = r().with_description("a\u{7}b").unwrap_err().to_string();
        assert_eq!(
            err,
            "invalid description of resource \"x\": \"a\\u{7}b\" holds the control character '\\u{7}'; expected text with at most line breaks"
        );
    }
}
