//! One dataset of a policy process: its actors, events, resources, documents and petitions,
//! loaded from and saved to JSON, and checked as a whole.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use plenary_core::{
    Actor, ActorId, DateSpan, DocumentId, EventId, Link, Name, PetitionId, RecordKey, RecordKind,
    RefPath, Reference, References, ResourceId, SourceId,
};
use plenary_events::Event;
use plenary_petitions::Petition;
use plenary_resources::Resource;
use plenary_treaty::Document;
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::problem::{Problem, Problems};

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

impl References for Source {
    /// None: a source names no other record.
    fn visit_references<'s>(
        &'s self,
        _at: &RefPath<'_>,
        _visit: &mut dyn FnMut(&RefPath<'_>, Reference<'s>),
    ) {
    }
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
    /// Which sources each record came from, keyed by record: in JSON `"<part>/<id>"`, such as
    /// `"events/wcit-12"`.
    /// A key given twice in JSON is an error, not a value that silently replaces the first.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub provenance: BTreeMap<RecordKey, Vec<SourceId>>,
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
    ///
    /// A byte order mark (U+FEFF) before the JSON is skipped.
    ///
    /// # Errors
    ///
    /// [`Error::Json`] for JSON that is not a dataset, [`Error::SchemaVersion`] for a version
    /// this crate does not read.
    pub fn from_json(json: &str) -> Result<Self, Error> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        // The plain reader is the fast one; the path-tracking reader runs only to explain an error.
        let dataset: Dataset = match serde_json::from_str(json) {
            Ok(dataset) => dataset,
            Err(plain) => {
                let de = &mut serde_json::Deserializer::from_str(json);
                let err = match serde_path_to_error::deserialize::<_, Dataset>(de) {
                    Err(err) => err,
                    Ok(_) => return Err(Error::from_json_error(json, "$", &plain)),
                };
                let path = json_path(&err.path().to_string());
                return Err(Error::from_json_error(json, &path, err.inner()));
            }
        };
        if dataset.schema_version != SCHEMA_VERSION {
            return Err(Error::SchemaVersion {
                found: dataset.schema_version,
            });
        }
        Ok(dataset)
    }

    /// Reads a dataset from the bytes of a JSON file, as [`from_json`](Self::from_json) does,
    /// after checking that they are UTF-8 (a byte order mark first is skipped).
    ///
    /// ```
    /// let err = plenary::Dataset::from_json_bytes(b"{\"schema_version\": 1,\n \"x\": \"\xFF\"}")
    ///     .unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "invalid dataset: invalid UTF-8 at line 2, column 8 (byte offset 29): the byte 0xff \
    ///      is not part of a UTF-8 character; expected UTF-8 text"
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::NotUtf8`] with the line, column and byte offset of the first byte that is not
    /// UTF-8, else those of [`from_json`](Self::from_json).
    pub fn from_json_bytes(json: &[u8]) -> Result<Self, Error> {
        Self::from_json(plenary_core::utf8_text(json).map_err(Error::NotUtf8)?)
    }

    /// Reads a dataset from JSON and validates it: [`from_json`](Self::from_json), then
    /// [`validate`](Self::validate).
    ///
    /// # Errors
    ///
    /// Those of [`from_json`](Self::from_json), then [`Error::Invalid`] with every problem
    /// [`validate`](Self::validate) finds.
    pub fn load(json: &str) -> Result<Self, Error> {
        let dataset = Self::from_json(json)?;
        dataset.validate().map_err(Error::Invalid)?;
        Ok(dataset)
    }

    /// The dataset as pretty-printed JSON.
    ///
    /// # Panics
    ///
    /// Never: every map of a dataset is keyed by strings and every value serialises.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self)
            .expect("a Dataset always serialises: its keys are strings")
    }

    /// Checks the dataset as a whole and returns every problem found: ids used twice or missing
    /// first, part by part, then records that break their own rules (their `validate`), then
    /// references that do not resolve, then events outside their parents, then events that are
    /// through their parents part of themselves.
    ///
    /// References are found through each record type's [`References`] implementation, so every
    /// id field a type reports is checked, including fields added later.
    ///
    /// # Errors
    ///
    /// [`Problems`], listing every [`Problem`] found, each with the JSON path of the value at
    /// fault.
    pub fn validate(&self) -> Result<(), Problems> {
        let mut problems = Vec::new();
        let known = self.known_ids(&mut problems);

        own_rules(&self.events, "events", Event::validate, &mut problems);
        own_rules(
            &self.resources,
            "resources",
            Resource::validate,
            &mut problems,
        );
        own_rules(
            &self.petitions,
            "petitions",
            Petition::validate,
            &mut problems,
        );

        let root = RefPath::named("$");
        dangling(&root, "actors", &self.actors, &known, &mut problems);
        dangling(&root, "events", &self.events, &known, &mut problems);
        dangling(&root, "resources", &self.resources, &known, &mut problems);
        dangling(&root, "documents", &self.documents, &known, &mut problems);
        dangling(&root, "petitions", &self.petitions, &known, &mut problems);
        dangling(&root, "sources", &self.sources, &known, &mut problems);
        for (key, ids) in &self.provenance {
            let path = format!("$.provenance[{}]", serde_json::Value::from(key.to_string()));
            let reference = key.as_reference();
            if !known.contains(reference) {
                problems.push(Problem::dangling(path.clone(), reference));
            }
            for (j, source) in ids.iter().enumerate() {
                let reference = Reference::Source(source);
                if !known.contains(reference) {
                    problems.push(Problem::dangling(format!("{path}[{j}]"), reference));
                }
            }
        }

        for (i, event) in self.events.iter().enumerate() {
            let (Some(parent_id), Some(when)) = (&event.parent, event.when) else {
                continue;
            };
            let Some(parent) = known
                .events
                .get(parent_id.as_str())
                .map(|&p| &self.events[p])
            else {
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

        problems.extend(parent_cycles(&self.events, &known.events));

        if problems.is_empty() {
            Ok(())
        } else {
            Err(Problems(problems))
        }
    }

    /// Maps the ids of each part to their records, reporting ids used twice and items without
    /// one.
    fn known_ids(&self, problems: &mut Vec<Problem>) -> Known<'_> {
        Known {
            actors: index(&self.actors, "actors", |a| Some(a.id.as_str()), problems),
            events: index(&self.events, "events", |e| Some(e.id.as_str()), problems),
            resources: index(
                &self.resources,
                "resources",
                |r| Some(r.id.as_str()),
                problems,
            ),
            documents: index(
                &self.documents,
                "documents",
                |d| d.id.as_ref().map(|id| id.as_str()),
                problems,
            ),
            petitions: index(
                &self.petitions,
                "petitions",
                |p| Some(p.id.as_str()),
                problems,
            ),
            sources: index(&self.sources, "sources", |s| Some(s.id.as_str()), problems),
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
    ///
    /// # Panics
    ///
    /// Never: a generated schema is always a JSON value.
    #[cfg(feature = "schema")]
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(Dataset))
            .expect("a JSON Schema always converts to a JSON value")
    }

    /// The actor with `id`.
    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == *id)
    }

    /// The event with `id`.
    pub fn event(&self, id: &EventId) -> Option<&Event> {
        self.events.iter().find(|e| e.id == *id)
    }

    /// The resource with `id`.
    pub fn resource(&self, id: &ResourceId) -> Option<&Resource> {
        self.resources.iter().find(|r| r.id == *id)
    }

    /// The document with `id`.
    pub fn document(&self, id: &DocumentId) -> Option<&Document> {
        self.documents.iter().find(|d| d.id.as_ref() == Some(id))
    }

    /// The petition with `id`.
    pub fn petition(&self, id: &PetitionId) -> Option<&Petition> {
        self.petitions.iter().find(|p| p.id == *id)
    }

    /// The source with `id`.
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == *id)
    }

    /// The sources the record `key` came from, as its provenance lists them (empty when it
    /// lists none).
    pub fn sources_of(&self, key: &RecordKey) -> &[SourceId] {
        self.provenance.get(key).map_or(&[], Vec::as_slice)
    }
}

/// The ids of each part, mapped to the index of the record that has them first.
struct Known<'a> {
    actors: HashMap<&'a str, usize>,
    events: HashMap<&'a str, usize>,
    resources: HashMap<&'a str, usize>,
    documents: HashMap<&'a str, usize>,
    petitions: HashMap<&'a str, usize>,
    sources: HashMap<&'a str, usize>,
}

impl Known<'_> {
    /// Whether the record `reference` names is in the dataset.
    fn contains(&self, reference: Reference<'_>) -> bool {
        let ids = match reference.kind() {
            RecordKind::Actor => &self.actors,
            RecordKind::Event => &self.events,
            RecordKind::Resource => &self.resources,
            RecordKind::Document => &self.documents,
            RecordKind::Petition => &self.petitions,
            RecordKind::Source => &self.sources,
            // A kind added to plenary-core without a part here: nothing can resolve it.
            _ => return false,
        };
        ids.contains_key(reference.as_str())
    }
}

/// Reports every reference of the records of `part` that names a record not in `known`.
fn dangling<T: References>(
    root: &RefPath<'_>,
    part: &'static str,
    records: &[T],
    known: &Known<'_>,
    problems: &mut Vec<Problem>,
) {
    let at = root.field(part);
    for (i, record) in records.iter().enumerate() {
        record.visit_references(&at.index(i), &mut |path, reference| {
            if !known.contains(reference) {
                problems.push(Problem::dangling(path.to_string(), reference));
            }
        });
    }
}

/// Runs each record's own check (its `validate`), reporting those that fail.
fn own_rules<T, E: fmt::Display>(
    records: &[T],
    part: &'static str,
    validate: impl Fn(&T) -> Result<(), E>,
    problems: &mut Vec<Problem>,
) {
    for (i, record) in records.iter().enumerate() {
        if let Err(err) = validate(record) {
            problems.push(Problem::InvalidRecord {
                path: format!("$.{part}[{i}]"),
                message: err.to_string(),
            });
        }
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

/// Every cycle of `parent` links among `events`, each reported once, at its first member in
/// dataset order. Each event is walked once: linear in the number of events.
fn parent_cycles(events: &[Event], index: &HashMap<&str, usize>) -> Vec<Problem> {
    #[derive(Clone, Copy, PartialEq)]
    enum Visit {
        NotYet,
        OnThisPath,
        Done,
    }
    let parent = |i: usize| {
        events[i]
            .parent
            .as_ref()
            .and_then(|p| index.get(p.as_str()).copied())
    };
    let mut state = vec![Visit::NotYet; events.len()];
    let mut problems = Vec::new();
    let mut walk = Vec::new();
    for start in 0..events.len() {
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                Visit::NotYet => {
                    state[i] = Visit::OnThisPath;
                    walk.push(i);
                    at = parent(i);
                }
                Visit::OnThisPath => {
                    let from = walk.iter().position(|&w| w == i).unwrap_or(0);
                    let cycle = &walk[from..];
                    let first = cycle
                        .iter()
                        .enumerate()
                        .min_by_key(|&(_, &event)| event)
                        .map_or(0, |(k, _)| k);
                    let members = cycle[first..]
                        .iter()
                        .chain(&cycle[..first])
                        .map(|&event| events[event].id.to_string())
                        .collect();
                    problems.push(Problem::ParentCycle {
                        path: format!("$.events[{}].parent", cycle[first]),
                        members,
                    });
                    break;
                }
                Visit::Done => break,
            }
        }
        for i in walk.drain(..) {
            state[i] = Visit::Done;
        }
    }
    problems
}

/// Reads the provenance object, refusing a key given twice (serde would keep the last).
fn unique_keys<'de, D>(deserializer: D) -> Result<BTreeMap<RecordKey, Vec<SourceId>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct UniqueKeys;

    impl<'de> serde::de::Visitor<'de> for UniqueKeys {
        type Value = BTreeMap<RecordKey, Vec<SourceId>>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object from \"<part>/<id>\" keys to lists of source ids")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut provenance = BTreeMap::new();
            while let Some(key) = map.next_key::<RecordKey>()? {
                if provenance.contains_key(&key) {
                    return Err(serde::de::Error::custom(format_args!(
                        "duplicate provenance key \"{key}\"; expected each key once, with all \
                         its sources in one list"
                    )));
                }
                let sources = map.next_value::<Vec<SourceId>>()?;
                provenance.insert(key, sources);
            }
            Ok(provenance)
        }
    }

    deserializer.deserialize_map(UniqueKeys)
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

#[cfg(test)]
mod tests {
    use plenary_core::{EventId, visit_list, visit_one, visit_option};

    use super::*;

    /// A record type as a crate might grow it: `follow_up` is the id field added last.
    struct Meeting {
        host: ActorId,
        guests: Vec<ActorId>,
        follow_up: Option<EventId>,
    }

    impl References for Meeting {
        fn visit_references<'s>(
            &'s self,
            at: &RefPath<'_>,
            visit: &mut dyn FnMut(&RefPath<'_>, Reference<'s>),
        ) {
            visit_one(at, "host", &self.host, visit);
            visit_list(at, "guests", &self.guests, visit);
            visit_option(at, "follow_up", self.follow_up.as_ref(), visit);
        }
    }

    #[test]
    fn a_new_id_field_is_checked_as_soon_as_its_type_reports_it() {
        let story = crate::datasets::wcit12();
        let mut problems = Vec::new();
        let known = story.known_ids(&mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        let meetings = [
            Meeting {
                host: "itu".parse().unwrap(),
                guests: vec!["isoc".parse().unwrap()],
                follow_up: Some("wcit-12".parse().unwrap()),
            },
            Meeting {
                host: "itu".parse().unwrap(),
                guests: Vec::new(),
                follow_up: Some("wcit-99".parse().unwrap()),
            },
        ];
        dangling(
            &RefPath::named("$"),
            "meetings",
            &meetings,
            &known,
            &mut problems,
        );
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [r#"$.meetings[1].follow_up: event "wcit-99" is not in the dataset"#]
        );
    }

    #[test]
    fn every_record_type_reports_its_references() {
        let mut problems = Vec::new();
        let json = serde_json::json!({
            "schema_version": 1,
            "actors": [{"id": "a", "name": "A", "kind": "person",
                        "affiliation": "x1", "member_of": ["x2"]}],
            "events": [{"id": "e", "title": "E", "kind": "conference", "organisers": ["x3"],
                        "parent": "x4", "agenda": [{"title": "T", "documents": ["x5"]}]}],
            "resources": [{"id": "r", "title": "R", "kind": "report",
                           "authors": [{"name": "N"}, {"actor": "x6"}],
                           "publisher": {"actor": "x7"}, "related_events": ["x8"],
                           "related_documents": ["x9"], "related_petitions": ["x10"]}],
            "petitions": [{"id": "p", "kind": "petition", "title": "P",
                           "text": {"lang": "en", "text": "t"}, "status": "open",
                           "sponsors": ["x11"], "supporters": ["x12"],
                           "targets": [{"group": "G"}, {"actor": "x13"}]}]
        });
        let dataset = Dataset::from_json(&json.to_string()).unwrap();
        let known = dataset.known_ids(&mut problems);
        let root = RefPath::named("$");
        dangling(&root, "actors", &dataset.actors, &known, &mut problems);
        dangling(&root, "events", &dataset.events, &known, &mut problems);
        dangling(
            &root,
            "resources",
            &dataset.resources,
            &known,
            &mut problems,
        );
        dangling(
            &root,
            "petitions",
            &dataset.petitions,
            &known,
            &mut problems,
        );
        let paths: Vec<&str> = problems.iter().map(Problem::path).collect();
        assert_eq!(
            paths,
            [
                "$.actors[0].affiliation",
                "$.actors[0].member_of[0]",
                "$.events[0].organisers[0]",
                "$.events[0].parent",
                "$.events[0].agenda[0].documents[0]",
                "$.resources[0].authors[1]",
                "$.resources[0].publisher",
                "$.resources[0].related_events[0]",
                "$.resources[0].related_documents[0]",
                "$.resources[0].related_petitions[0]",
                "$.petitions[0].sponsors[0]",
                "$.petitions[0].supporters[0]",
                "$.petitions[0].targets[1]",
            ]
        );
    }
}
