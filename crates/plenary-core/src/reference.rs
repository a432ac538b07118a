//! Typed references between records, found one way.
//!
//! Records of a dataset name each other by id: an event its organisers ([`ActorId`]s), an agenda
//! item its documents ([`DocumentId`]s), a resource its related petitions ([`PetitionId`]s). A
//! type lists the ids it holds by implementing [`References`], next to its fields, in its own
//! crate; whole-dataset validation then walks every record through that one trait, so an id field
//! added to a type is checked as soon as the type reports it — and the trait's implementation is
//! the one place to update.
//!
//! A [`RecordKey`] names a whole record by kind and id, written `"<part>/<id>"` such as
//! `"events/wcit-12"`; it keys a dataset's provenance.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::{ActorId, DocumentId, Error, EventId, PetitionId, ResourceId, SourceId};

/// The kinds of record a dataset holds, each with its own id type.
///
/// Declared in the alphabetical order of their part names, so that [`RecordKey`]s sort as their
/// `"<part>/<id>"` strings do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum RecordKind {
    /// An [`Actor`](crate::Actor), named by an [`ActorId`]; part `actors`.
    Actor,
    /// A treaty document, named by a [`DocumentId`]; part `documents`.
    Document,
    /// An event, named by an [`EventId`]; part `events`.
    Event,
    /// A petition, named by a [`PetitionId`]; part `petitions`.
    Petition,
    /// A resource of a resource bank, named by a [`ResourceId`]; part `resources`.
    Resource,
    /// A source of facts, named by a [`SourceId`]; part `sources`.
    Source,
}

impl RecordKind {
    /// Every kind, in declaration order.
    pub const ALL: [RecordKind; 6] = [
        Self::Actor,
        Self::Document,
        Self::Event,
        Self::Petition,
        Self::Resource,
        Self::Source,
    ];

    /// The name of the part of a dataset that holds records of this kind: `"actors"`,
    /// `"events"`, …
    pub fn part(self) -> &'static str {
        match self {
            Self::Actor => "actors",
            Self::Document => "documents",
            Self::Event => "events",
            Self::Petition => "petitions",
            Self::Resource => "resources",
            Self::Source => "sources",
        }
    }

    /// What one record of this kind is called: `"actor"`, `"event"`, …
    pub fn item(self) -> &'static str {
        match self {
            Self::Actor => "actor",
            Self::Document => "document",
            Self::Event => "event",
            Self::Petition => "petition",
            Self::Resource => "resource",
            Self::Source => "source",
        }
    }

    /// The kind whose part is called `part`, such as `"events"`.
    pub fn from_part(part: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.part() == part)
    }
}

impl fmt::Display for RecordKind {
    /// The item name: `actor`, `event`, …
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.item())
    }
}

/// A borrowed typed id held in a field of a record: a reference to another record.
///
/// ```
/// use plenary_core::{ActorId, RecordKind, Reference};
///
/// let isoc: ActorId = "isoc".parse()?;
/// let reference = Reference::from(&isoc);
/// assert_eq!(reference.kind(), RecordKind::Actor);
/// assert_eq!(reference.as_str(), "isoc");
/// assert_eq!(reference.to_string(), r#"actor "isoc""#);
/// assert_eq!(reference.to_key().to_string(), "actors/isoc");
/// # Ok::<(), plenary_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reference<'a> {
    /// An actor.
    Actor(&'a ActorId),
    /// A treaty document.
    Document(&'a DocumentId),
    /// An event.
    Event(&'a EventId),
    /// A petition.
    Petition(&'a PetitionId),
    /// A resource.
    Resource(&'a ResourceId),
    /// A source.
    Source(&'a SourceId),
}

impl<'a> Reference<'a> {
    /// The kind of record referred to.
    pub fn kind(self) -> RecordKind {
        match self {
            Self::Actor(_) => RecordKind::Actor,
            Self::Document(_) => RecordKind::Document,
            Self::Event(_) => RecordKind::Event,
            Self::Petition(_) => RecordKind::Petition,
            Self::Resource(_) => RecordKind::Resource,
            Self::Source(_) => RecordKind::Source,
        }
    }

    /// The id referred to, as a string.
    pub fn as_str(self) -> &'a str {
        match self {
            Self::Actor(id) => id.as_str(),
            Self::Document(id) => id.as_str(),
            Self::Event(id) => id.as_str(),
            Self::Petition(id) => id.as_str(),
            Self::Resource(id) => id.as_str(),
            Self::Source(id) => id.as_str(),
        }
    }

    /// The record referred to, as an owned key.
    pub fn to_key(self) -> RecordKey {
        match self {
            Self::Actor(id) => RecordKey::Actor(id.clone()),
            Self::Document(id) => RecordKey::Document(id.clone()),
            Self::Event(id) => RecordKey::Event(id.clone()),
            Self::Petition(id) => RecordKey::Petition(id.clone()),
            Self::Resource(id) => RecordKey::Resource(id.clone()),
            Self::Source(id) => RecordKey::Source(id.clone()),
        }
    }
}

impl fmt::Display for Reference<'_> {
    /// The kind and the quoted id: `actor "isoc"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {:?}", self.kind(), self.as_str())
    }
}

macro_rules! reference_from {
    ($($variant:ident($id:ty)),*) => {$(
        impl<'a> From<&'a $id> for Reference<'a> {
            fn from(id: &'a $id) -> Self {
                Self::$variant(id)
            }
        }

        impl From<$id> for RecordKey {
            fn from(id: $id) -> Self {
                Self::$variant(id)
            }
        }
    )*};
}

reference_from!(
    Actor(ActorId),
    Document(DocumentId),
    Event(EventId),
    Petition(PetitionId),
    Resource(ResourceId),
    Source(SourceId)
);

/// One step of a [`RefPath`]: a field name or a list index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Root,
    Field(&'static str),
    Index(usize),
}

/// Where a reference sits inside a value, as a JSON path such as `agenda[1].documents[0]`.
///
/// Paths are built on the stack while a value is walked, one step per field or list index, and
/// are only turned into text (by [`Display`](fmt::Display)) when someone needs them, such as for
/// a problem report.
///
/// ```
/// use plenary_core::RefPath;
///
/// let root = RefPath::root();
/// let agenda = root.field("agenda");
/// let item = agenda.index(1);
/// let documents = item.field("documents");
/// assert_eq!(documents.index(0).to_string(), "agenda[1].documents[0]");
///
/// let dataset = RefPath::named("$");
/// let events = dataset.field("events");
/// assert_eq!(events.index(3).field("parent").to_string(), "$.events[3].parent");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct RefPath<'p> {
    parent: Option<&'p RefPath<'p>>,
    step: Step,
}

impl<'p> RefPath<'p> {
    /// The empty path: the value itself.
    pub fn root() -> RefPath<'static> {
        RefPath {
            parent: None,
            step: Step::Root,
        }
    }

    /// A path that starts with `name`, such as `"$"` for the root of a JSON document.
    pub fn named(name: &'static str) -> RefPath<'static> {
        RefPath {
            parent: None,
            step: Step::Field(name),
        }
    }

    /// The path of field `name` of the value at this path.
    pub fn field<'q>(&'q self, name: &'static str) -> RefPath<'q> {
        RefPath {
            parent: Some(self),
            step: Step::Field(name),
        }
    }

    /// The path of item `index` of the list at this path.
    pub fn index<'q>(&'q self, index: usize) -> RefPath<'q> {
        RefPath {
            parent: Some(self),
            step: Step::Index(index),
        }
    }

    fn write(&self, f: &mut fmt::Formatter<'_>) -> Result<bool, fmt::Error> {
        let written = match self.parent {
            Some(parent) => parent.write(f)?,
            None => false,
        };
        match self.step {
            Step::Root => Ok(written),
            Step::Field(name) => {
                if written {
                    f.write_str(".")?;
                }
                f.write_str(name)?;
                Ok(true)
            }
            Step::Index(index) => {
                write!(f, "[{index}]")?;
                Ok(true)
            }
        }
    }
}

impl fmt::Display for RefPath<'_> {
    /// The path in JSON-path notation, without a leading `$` unless the path was
    /// [`named`](Self::named) so.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f).map(|_| ())
    }
}

/// A type that holds references to other records and reports each with its path.
///
/// Implement it next to the type's fields, in the type's own crate, and report every id field —
/// including those of nested values, by calling their `visit_references` with a longer path.
/// Whole-dataset validation finds every reference through this trait alone.
///
/// ```
/// use plenary_core::{ActorId, EventId, RefPath, Reference, References};
///
/// struct Meeting {
///     hosts: Vec<ActorId>,
///     follows: Option<EventId>,
/// }
///
/// impl References for Meeting {
///     fn visit_references<'s>(
///         &'s self,
///         at: &RefPath<'_>,
///         visit: &mut dyn FnMut(&RefPath<'_>, Reference<'s>),
///     ) {
///         plenary_core::visit_list(at, "hosts", &self.hosts, visit);
///         plenary_core::visit_option(at, "follows", self.follows.as_ref(), visit);
///     }
/// }
///
/// let meeting = Meeting {
///     hosts: vec!["itu".parse()?, "isoc".parse()?],
///     follows: Some("wcit-12".parse()?),
/// };
/// let found: Vec<String> = meeting
///     .references()
///     .into_iter()
///     .map(|(path, reference)| format!("{path}: {reference}"))
///     .collect();
/// assert_eq!(
///     found,
///     [r#"hosts[0]: actor "itu""#, r#"hosts[1]: actor "isoc""#, r#"follows: event "wcit-12""#]
/// );
/// # Ok::<(), plenary_core::Error>(())
/// ```
pub trait References {
    /// Calls `visit` with the path (below `at`) and the value of every reference the value holds,
    /// in field order.
    fn visit_references<'s>(
        &'s self,
        at: &RefPath<'_>,
        visit: &mut dyn FnMut(&RefPath<'_>, Reference<'s>),
    );

    /// Every reference the value holds, with its path relative to the value.
    fn references(&self) -> Vec<(String, Reference<'_>)> {
        let mut found = Vec::new();
        self.visit_references(&RefPath::root(), &mut |path, reference| {
            found.push((path.to_string(), reference));
        });
        found
    }
}

/// Reports one reference field, `name`, below `at`.
pub fn visit_one<'r, T>(
    at: &RefPath<'_>,
    name: &'static str,
    id: &'r T,
    visit: &mut dyn FnMut(&RefPath<'_>, Reference<'r>),
) where
    Reference<'r>: From<&'r T>,
{
    visit(&at.field(name), Reference::from(id));
}

/// Reports an optional reference field, `name`, below `at`, when it is set.
pub fn visit_option<'r, T>(
    at: &RefPath<'_>,
    name: &'static str,
    id: Option<&'r T>,
    visit: &mut dyn FnMut(&RefPath<'_>, Reference<'r>),
) where
    Reference<'r>: From<&'r T>,
{
    if let Some(id) = id {
        visit(&at.field(name), Reference::from(id));
    }
}

/// Reports every id of the list field `name` below `at`, as `name[0]`, `name[1]`, …
pub fn visit_list<'r, T>(
    at: &RefPath<'_>,
    name: &'static str,
    ids: &'r [T],
    visit: &mut dyn FnMut(&RefPath<'_>, Reference<'r>),
) where
    Reference<'r>: From<&'r T>,
{
    let field = at.field(name);
    for (i, id) in ids.iter().enumerate() {
        visit(&field.index(i), Reference::from(id));
    }
}

/// Walks every value of the list field `name` below `at` through its own [`References`].
pub fn visit_nested<'r, T: References>(
    at: &RefPath<'_>,
    name: &'static str,
    values: &'r [T],
    visit: &mut dyn FnMut(&RefPath<'_>, Reference<'r>),
) {
    let field = at.field(name);
    for (i, value) in values.iter().enumerate() {
        value.visit_references(&field.index(i), visit);
    }
}

/// A whole record named by kind and id, written `"<part>/<id>"` such as `"events/wcit-12"`.
///
/// It keys a dataset's provenance. In JSON a plain string; reading one checks both the part
/// name and the id.
///
/// ```
/// use plenary_core::{RecordKey, RecordKind};
///
/// let key: RecordKey = "events/wcit-12".parse()?;
/// assert_eq!(key.kind(), RecordKind::Event);
/// assert_eq!(key.id(), "wcit-12");
/// assert_eq!(key.to_string(), "events/wcit-12");
/// // The id may hold slashes itself: the part is what comes before the first one.
/// let key: RecordKey = "resources/cdt/itu-key-messages".parse()?;
/// assert_eq!(key.id(), "cdt/itu-key-messages");
///
/// let err = "meetings/x".parse::<RecordKey>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid record key \"meetings/x\": \"meetings\" is not a part; expected \
///      \"<part>/<id>\" with part actors, documents, events, petitions, resources or sources"
/// );
/// # Ok::<(), plenary_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RecordKey {
    /// An actor.
    Actor(ActorId),
    /// A treaty document.
    Document(DocumentId),
    /// An event.
    Event(EventId),
    /// A petition.
    Petition(PetitionId),
    /// A resource.
    Resource(ResourceId),
    /// A source.
    Source(SourceId),
}

impl RecordKey {
    /// The kind of record.
    pub fn kind(&self) -> RecordKind {
        self.as_reference().kind()
    }

    /// The record's id, as a string.
    pub fn id(&self) -> &str {
        self.as_reference().as_str()
    }

    /// The key as a borrowed [`Reference`].
    pub fn as_reference(&self) -> Reference<'_> {
        match self {
            Self::Actor(id) => Reference::Actor(id),
            Self::Document(id) => Reference::Document(id),
            Self::Event(id) => Reference::Event(id),
            Self::Petition(id) => Reference::Petition(id),
            Self::Resource(id) => Reference::Resource(id),
            Self::Source(id) => Reference::Source(id),
        }
    }

    /// Reads a key in the form `"<part>/<id>"`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRecordKey`] when there is no `/` or the part is not one of `actors`,
    /// `documents`, `events`, `petitions`, `resources`, `sources`; the id's own error (such as
    /// [`Error::IdInvalidChar`]) when the id is not a valid slug.
    pub fn parse(key: &str) -> Result<Self, Error> {
        let invalid = |reason: String| Error::InvalidRecordKey {
            key: key.to_owned(),
            reason,
        };
        let Some((part, id)) = key.split_once('/') else {
            return Err(invalid("it has no '/'".to_owned()));
        };
        let kind = RecordKind::from_part(part)
            .ok_or_else(|| invalid(format!("{part:?} is not a part")))?;
        Ok(match kind {
            RecordKind::Actor => Self::Actor(id.parse()?),
            RecordKind::Document => Self::Document(id.parse()?),
            RecordKind::Event => Self::Event(id.parse()?),
            RecordKind::Petition => Self::Petition(id.parse()?),
            RecordKind::Resource => Self::Resource(id.parse()?),
            RecordKind::Source => Self::Source(id.parse()?),
        })
    }
}

impl PartialOrd for RecordKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for RecordKey {
    /// By kind, then id: the order of the `"<part>/<id>"` strings.
    fn cmp(&self, other: &Self) -> Ordering {
        self.kind()
            .cmp(&other.kind())
            .then_with(|| self.id().cmp(other.id()))
    }
}

impl fmt::Display for RecordKey {
    /// `"<part>/<id>"`, such as `events/wcit-12`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.kind().part(), self.id())
    }
}

impl FromStr for RecordKey {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        Self::parse(s)
    }
}

impl Serialize for RecordKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RecordKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl Visitor<'_> for KeyVisitor {
            type Value = RecordKey;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a record key \"<part>/<id>\" such as \"events/wcit-12\"")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<RecordKey, E> {
                RecordKey::parse(v).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for RecordKey {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RecordKey".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A record: \"<part>/<id>\" such as \"events/wcit-12\".",
            "pattern": "^(actors|documents|events|petitions|resources|sources)/[a-z0-9][a-z0-9._/-]*$",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_text_and_json() {
        for text in [
            "actors/isoc",
            "documents/wcit-12/dt-rev1",
            "events/wcit-12",
            "petitions/accessnow/internet-belongs-to-us",
            "resources/cdt/itu-key-messages",
            "sources/seed/isoc-wcit-calendar",
        ] {
            let key: RecordKey = text.parse().unwrap();
            assert_eq!(key.to_string(), text);
            let json = serde_json::to_string(&key).unwrap();
            assert_eq!(json, format!("{text:?}"));
            assert_eq!(serde_json::from_str::<RecordKey>(&json).unwrap(), key);
        }
    }

    #[test]
    fn bad_keys_say_what_was_expected() {
        for (text, needle) in [
            ("events", "it has no '/'"),
            ("event/wcit-12", "\"event\" is not a part"),
            ("events/", "the identifier is empty"),
            ("events/WCIT", "invalid event id \"WCIT\""),
            ("/x", "\"\" is not a part"),
        ] {
            let err = text.parse::<RecordKey>().unwrap_err().to_string();
            assert!(err.contains(needle), "{text}: {err}");
        }
        let err = serde_json::from_str::<RecordKey>("\"x/y\"").unwrap_err();
        assert!(err.to_string().contains("line 1 column 5"), "{err}");
    }

    #[test]
    fn keys_sort_as_their_strings() {
        let texts = [
            "sources/a",
            "events/wcit-12",
            "actors/itu",
            "events/wcit",
            "documents/x",
            "petitions/p",
            "resources/r",
            "actors/isoc",
            "events/wcit-12/plenary",
        ];
        let mut keys: Vec<RecordKey> = texts.iter().map(|t| t.parse().unwrap()).collect();
        keys.sort();
        let mut strings = texts.to_vec();
        strings.sort_unstable();
        let sorted: Vec<String> = keys.iter().map(ToString::to_string).collect();
        assert_eq!(sorted, strings);
    }

    #[test]
    fn paths_render_as_json_paths() {
        let root = RefPath::root();
        assert_eq!(root.to_string(), "");
        assert_eq!(root.field("parent").to_string(), "parent");
        assert_eq!(root.index(2).to_string(), "[2]");
        let named = RefPath::named("$");
        let events = named.field("events");
        let event = events.index(0);
        let agenda = event.field("agenda");
        let item = agenda.index(1);
        assert_eq!(
            item.field("documents").index(0).to_string(),
            "$.events[0].agenda[1].documents[0]"
        );
    }

    #[test]
    fn every_kind_has_its_part() {
        for kind in RecordKind::ALL {
            assert_eq!(RecordKind::from_part(kind.part()), Some(kind));
            assert!(kind.part().starts_with(kind.item()));
        }
        assert_eq!(RecordKind::from_part("people"), None);
    }
}
