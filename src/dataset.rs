//! One dataset of a policy process: its actors, events, resources, documents and petitions,
//! loaded from and saved to JSON, and checked as a whole.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use plenary_core::{Actor, ActorId, DateSpan, Link, Name, SourceId};
use plenary_events::Event;
use plenary_petitions::{Petition, Target};
use plenary_resources::{Author, Resource};
use plenary_treaty::Document;
use serde::{Deserialize, Serialize};

use crate::Error;

/// The version of the dataset JSON this crate reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Where facts came from: a page, a document, a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Source {
    /// The source's identifier, used in [`Dataset::provenance`].
    pub id: SourceId,
    /// What the source is, such as `"Internet Society: Preparing for the WCIT"`.
    pub title: Name,
    /// Where it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// The file it was kept in, such as `"seeds/000_cb9638ce6373cad9.txt"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl Source {
    /// A source with only an id and a title.
    pub fn new(id: SourceId, title: Name) -> Self {
        Self {
            id,
            title,
            link: None,
            file: None,
        }
    }
}

/// Everything known about one policy process, in one JSON document.
///
/// The parts name each other by id — an event its organisers, a resource its authors, an agenda
/// item its documents — and [`validate`](Self::validate) checks that every such id resolves,
/// that no id is used twice, and that events fall within the events they are part of, reporting
/// every problem at once with its JSON path.
///
/// ```
/// use plenary::Dataset;
///
/// let dataset = Dataset::from_json(r#"{
///     "schema_version": 1,
///     "actors": [{"id": "isoc", "name": "Internet Society", "kind": "civil_society"}],
///     "events": [{"id": "wcit-12", "title": "WCIT-12", "kind": "conference",
///                 "organisers": ["itu"], "when": "2012-12-03/2012-12-14"}]
/// }"#)?;
/// let problems = dataset.validate().unwrap_err();
/// assert_eq!(
///     problems.to_string(),
///     r#"$.events[0].organisers[0]: actor "itu" is not in the dataset"#
/// );
/// # Ok::<(), plenary::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// The version of this format; [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Where the facts came from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Which sources each item came from, keyed `"<part>/<id>"`, such as `"events/wcit-12"`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub provenance: BTreeMap<String, Vec<SourceId>>,
    /// The states, organisations and people.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    /// The conferences, meetings and their deadlines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// The resource bank.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Resource>,
    /// The treaty texts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<Document>,
    /// The petitions and sign-on letters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub petitions: Vec<Petition>,
}

impl Default for Dataset {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            sources: Vec::new(),
            provenance: BTreeMap::new(),
            actors: Vec::new(),
            events: Vec::new(),
            resources: Vec::new(),
            documents: Vec::new(),
            petitions: Vec::new(),
        }
    }
}

impl Dataset {
    /// Reads a dataset from JSON. Every value goes through the same checks as in code; a bad one
    /// is an error giving its JSON path, line and column. Cross-references are not checked here:
    /// call [`validate`](Self::validate).
    pub fn from_json(json: &str) -> Result<Self, Error> {
        // The plain reader is the fast one; the path-tracking reader runs only to explain an error.
        let dataset: Dataset = match serde_json::from_str(json) {
            Ok(dataset) => dataset,
            Err(plain) => {
                let de = &mut serde_json::Deserializer::from_str(json);
                let err = match serde_path_to_error::deserialize::<_, Dataset>(de) {
                    Err(err) => err,
                    Ok(_) => return Err(Error::from_json_error("$", &plain)),
                };
                let path = json_path(&err.path().to_string());
                return Err(Error::from_json_error(&path, err.inner()));
            }
        };
        if dataset.schema_version != SCHEMA_VERSION {
            return Err(Error::SchemaVersion {
                found: dataset.schema_version,
            });
        }
        Ok(dataset)
    }

    /// Reads a dataset from JSON and validates it: [`from_json`](Self::from_json), then
    /// [`validate`](Self::validate).
    pub fn load(json: &str) -> Result<Self, Error> {
        let dataset = Self::from_json(json)?;
        dataset.validate().map_err(Error::Invalid)?;
        Ok(dataset)
    }

    /// The dataset as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self)
            .expect("a Dataset always serialises: its keys are strings")
    }

    /// Checks the dataset as a whole and returns every problem found: ids used twice or missing
    /// first, part by part, then references that do not resolve, then events outside their
    /// parents.
    pub fn validate(&self) -> Result<(), Problems> {
        let mut problems = Vec::new();
        let actors = index(
            &self.actors,
            "actors",
            |a| Some(a.id.as_str()),
            &mut problems,
        );
        let events = index(
            &self.events,
            "events",
            |e| Some(e.id.as_str()),
            &mut problems,
        );
        let resources = index(
            &self.resources,
            "resources",
            |r| Some(r.id.as_str()),
            &mut problems,
        );
        let documents = index(
            &self.documents,
            "documents",
            |d| d.id.as_ref().map(|id| id.as_str()),
            &mut problems,
        );
        let petitions = index(
            &self.petitions,
            "petitions",
            |p| Some(p.id.as_str()),
            &mut problems,
        );
        let sources = index(
            &self.sources,
            "sources",
            |s| Some(s.id.as_str()),
            &mut problems,
        );
        let mut dangling = Vec::new();
        let mut check = |path: String, part: Part, id: &str, known: &HashMap<&str, usize>| {
            if !known.contains_key(id) {
                dangling.push(Problem::Dangling {
                    path,
                    part,
                    id: id.to_owned(),
                });
            }
        };

        for (i, actor) in self.actors.iter().enumerate() {
            if let Some(affiliation) = &actor.affiliation {
                check(
                    format!("$.actors[{i}].affiliation"),
                    Part::Actors,
                    affiliation.as_str(),
                    &actors,
                );
            }
            for (j, group) in actor.member_of.iter().enumerate() {
                check(
                    format!("$.actors[{i}].member_of[{j}]"),
                    Part::Actors,
                    group.as_str(),
                    &actors,
                );
            }
        }
        for (i, event) in self.events.iter().enumerate() {
            for (j, organiser) in event.organisers.iter().enumerate() {
                check(
                    format!("$.events[{i}].organisers[{j}]"),
                    Part::Actors,
                    organiser.as_str(),
                    &actors,
                );
            }
            if let Some(parent) = &event.parent {
                check(
                    format!("$.events[{i}].parent"),
                    Part::Events,
                    parent.as_str(),
                    &events,
                );
            }
            for (j, item) in event.agenda.iter().enumerate() {
                for (k, document) in item.documents.iter().enumerate() {
                    check(
                        format!("$.events[{i}].agenda[{j}].documents[{k}]"),
                        Part::Documents,
                        document.as_str(),
                        &documents,
                    );
                }
            }
        }
        for (i, resource) in self.resources.iter().enumerate() {
            let authors = resource
                .authors
                .iter()
                .enumerate()
                .map(|(j, a)| (format!("authors[{j}]"), a));
            for (field, author) in authors.chain(
                resource
                    .publisher
                    .iter()
                    .map(|p| ("publisher".to_owned(), p)),
            ) {
                if let Author::Actor(id) = author {
                    check(
                        format!("$.resources[{i}].{field}"),
                        Part::Actors,
                        id.as_str(),
                        &actors,
                    );
                }
            }
            for (j, id) in resource.related_events.iter().enumerate() {
                check(
                    format!("$.resources[{i}].related_events[{j}]"),
                    Part::Events,
                    id.as_str(),
                    &events,
                );
            }
            for (j, id) in resource.related_documents.iter().enumerate() {
                check(
                    format!("$.resources[{i}].related_documents[{j}]"),
                    Part::Documents,
                    id.as_str(),
                    &documents,
                );
            }
            for (j, id) in resource.related_petitions.iter().enumerate() {
                check(
                    format!("$.resources[{i}].related_petitions[{j}]"),
                    Part::Petitions,
                    id.as_str(),
                    &petitions,
                );
            }
        }
        for (i, petition) in self.petitions.iter().enumerate() {
            let actor_lists: [(&str, &Vec<ActorId>); 2] = [
                ("sponsors", &petition.sponsors),
                ("supporters", &petition.supporters),
            ];
            for (field, list) in actor_lists {
                for (j, id) in list.iter().enumerate() {
                    check(
                        format!("$.petitions[{i}].{field}[{j}]"),
                        Part::Actors,
                        id.as_str(),
                        &actors,
                    );
                }
            }
            for (j, target) in petition.targets.iter().enumerate() {
                if let Target::Actor(id) = target {
                    check(
                        format!("$.petitions[{i}].targets[{j}]"),
                        Part::Actors,
                        id.as_str(),
                        &actors,
                    );
                }
            }
        }
        let mut check_key_problems = Vec::new();
        for (key, ids) in &self.provenance {
            let path = format!("$.provenance[{}]", serde_json::Value::from(key.as_str()));
            match key
                .split_once('/')
                .and_then(|(part, id)| Some((Part::from_key(part)?, id)))
            {
                Some((part, id)) => {
                    let known = match part {
                        Part::Actors => &actors,
                        Part::Events => &events,
                        Part::Resources => &resources,
                        Part::Documents => &documents,
                        Part::Petitions => &petitions,
                        Part::Sources => &sources,
                    };
                    check(path.clone(), part, id, known);
                }
                None => check_key_problems.push(Problem::BadProvenanceKey {
                    path: path.clone(),
                    key: key.clone(),
                }),
            }
            for (j, source) in ids.iter().enumerate() {
                check(
                    format!("{path}[{j}]"),
                    Part::Sources,
                    source.as_str(),
                    &sources,
                );
            }
        }

        problems.extend(dangling);
        problems.extend(check_key_problems);
        for (i, event) in self.events.iter().enumerate() {
            let (Some(parent_id), Some(when)) = (&event.parent, event.when) else {
                continue;
            };
            let Some(parent) = events.get(parent_id.as_str()).map(|&p| &self.events[p]) else {
                continue;
            };
            if let Some(parent_when) = parent.when
                && !within(when, parent_when)
            {
                problems.push(Problem::OutsideParent {
                    path: format!("$.events[{i}].when"),
                    event: event.id.to_string(),
                    when,
                    parent: parent.id.to_string(),
                    parent_when,
                });
            }
        }

        if problems.is_empty() {
            Ok(())
        } else {
            Err(Problems(problems))
        }
    }

    /// The JSON Schema (draft 2020-12) of the dataset JSON, generated from the types, for tools
    /// in other languages.
    ///
    /// ```
    /// let schema = plenary::Dataset::json_schema();
    /// assert_eq!(schema["title"], "Dataset");
    /// assert!(schema["$defs"]["Event"].is_object());
    /// ```
    #[cfg(feature = "schema")]
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(Dataset))
            .expect("a JSON Schema always converts to a JSON value")
    }

    /// The actor with `id`.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The event with `id`.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }
}

/// Whether `child` lies within `parent`, as far as both are known.
fn within(child: DateSpan, parent: DateSpan) -> bool {
    let starts_inside = child.earliest() >= parent.earliest();
    let ends_inside = match (child.latest_known(), parent.latest()) {
        (Some(child_end), Some(parent_end)) => child_end <= parent_end,
        (None, Some(_)) => false,
        (_, None) => true,
    };
    starts_inside && ends_inside
}

/// Maps each id of a part to its index, reporting ids used twice and items without one.
fn index<'a, T>(
    items: &'a [T],
    part: &'static str,
    id: impl Fn(&'a T) -> Option<&'a str>,
    problems: &mut Vec<Problem>,
) -> HashMap<&'a str, usize> {
    let mut seen = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match id(item) {
            Some(id) => {
                if let Some(&first) = seen.get(id) {
                    problems.push(Problem::DuplicateId {
                        path: format!("$.{part}[{i}].id"),
                        id: id.to_owned(),
                        first: format!("$.{part}[{first}]"),
                    });
                } else {
                    seen.insert(id, i);
                }
            }
            None => problems.push(Problem::MissingId {
                path: format!("$.{part}[{i}]"),
            }),
        }
    }
    seen
}

/// Turns serde_path_to_error's `events[3].organisers` into `$.events[3].organisers`.
fn json_path(path: &str) -> String {
    // serde_path_to_error writes "?" where it does not know the segment, as before the root.
    if path.chars().all(|c| c == '.' || c == '?') {
        "$".to_owned()
    } else {
        format!("$.{path}")
    }
}

/// A part of a dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Part {
    /// `actors`
    Actors,
    /// `events`
    Events,
    /// `resources`
    Resources,
    /// `documents`
    Documents,
    /// `petitions`
    Petitions,
    /// `sources`
    Sources,
}

impl Part {
    fn from_key(key: &str) -> Option<Self> {
        Some(match key {
            "actors" => Self::Actors,
            "events" => Self::Events,
            "resources" => Self::Resources,
            "documents" => Self::Documents,
            "petitions" => Self::Petitions,
            "sources" => Self::Sources,
            _ => return None,
        })
    }

    /// What one item of the part is called: `"actor"`, `"event"`, …
    pub fn item(self) -> &'static str {
        match self {
            Self::Actors => "actor",
            Self::Events => "event",
            Self::Resources => "resource",
            Self::Documents => "document",
            Self::Petitions => "petition",
            Self::Sources => "source",
        }
    }
}

/// One thing wrong with a dataset as a whole.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Problem {
    /// Two items of one part share an id.
    DuplicateId {
        /// The JSON path of the second id.
        path: String,
        /// The id.
        id: String,
        /// The JSON path of the item that has it first.
        first: String,
    },
    /// An item that other parts can only name by id has none (a document without `id`).
    MissingId {
        /// The JSON path of the item.
        path: String,
    },
    /// A reference to an item that is not in the dataset.
    Dangling {
        /// The JSON path of the reference.
        path: String,
        /// The part the reference points into.
        part: Part,
        /// The id that is not there.
        id: String,
    },
    /// An event's dates fall outside the dates of the event it is part of.
    OutsideParent {
        /// The JSON path of the event's `when`.
        path: String,
        /// The event.
        event: String,
        /// Its dates.
        when: DateSpan,
        /// The event it is part of.
        parent: String,
        /// The parent's dates.
        parent_when: DateSpan,
    },
    /// A provenance key that is not `<part>/<id>`.
    BadProvenanceKey {
        /// The JSON path of the key.
        path: String,
        /// The key.
        key: String,
    },
}

impl Problem {
    /// The JSON path of the value at fault, such as `$.events[3].organisers[0]`.
    pub fn path(&self) -> &str {
        match self {
            Self::DuplicateId { path, .. }
            | Self::MissingId { path }
            | Self::Dangling { path, .. }
            | Self::OutsideParent { path, .. }
            | Self::BadProvenanceKey { path, .. } => path,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DuplicateId { path, id, first } => {
                write!(f, "{path}: id {id:?} is used again; {first} has it first")
            }
            Self::MissingId { path } => {
                write!(
                    f,
                    "{path}: the item has no id; expected an id other parts can name it by"
                )
            }
            Self::Dangling { path, part, id } => {
                write!(f, "{path}: {} {id:?} is not in the dataset", part.item())
            }
            Self::OutsideParent {
                path,
                event,
                when,
                parent,
                parent_when,
            } => write!(
                f,
                "{path}: event {event:?} ({when}) falls outside {parent:?} ({parent_when}), \
                 which it is part of"
            ),
            Self::BadProvenanceKey { path, key } => write!(
                f,
                "{path}: {key:?} is not a provenance key; expected \"<part>/<id>\" such as \
                 \"events/wcit-12\""
            ),
        }
    }
}

/// Every problem found in a dataset, one a line when displayed.
#[derive(Debug, Clone, PartialEq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}
