//! What can be wrong with a dataset as a whole, each problem with the JSON path of its value.

use std::fmt;

use plenary_core::DateSpan;

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
    pub(crate) fn from_key(key: &str) -> Option<Self> {
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
    /// Events that are, through their `parent`s, part of themselves: A → B → A.
    ParentCycle {
        /// The JSON path of the `parent` of the cycle's first event in dataset order.
        path: String,
        /// The ids of the events on the cycle, each followed by its parent, starting with the
        /// first in dataset order (not repeated at the end).
        members: Vec<String>,
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
            | Self::BadProvenanceKey { path, .. }
            | Self::ParentCycle { path, .. } => path,
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
            Self::ParentCycle { path, members } => {
                let chain: Vec<String> = members
                    .iter()
                    .chain(members.first())
                    .map(|id| format!("{id:?}"))
                    .collect();
                write!(
                    f,
                    "{path}: the events {} are each part of the next, so each is part of \
                     itself; expected a chain of parents that ends",
                    chain.join(" → ")
                )
            }
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
