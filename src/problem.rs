//! What can be wrong with a dataset as a whole, each problem with the JSON path of its value.
//!
//! A [`Problem`] is located by a JSON path (`$.events[3].organisers[0]`), not by a line and
//! column, and so is not a [`plenary_core::Diagnostic`]: it is found by
//! [`Dataset::validate`](crate::Dataset::validate) on a dataset in memory, which may have been
//! built in code, changed through public fields or loaded from a database, and has no line to
//! point at; a JSON path names the value in every one of those, and in the JSON a dataset saves
//! to. A problem found while the JSON text itself is read is tied to a line, and is reported as
//! a `Diagnostic` too ([`Error::Json`](crate::Error::Json)).

use std::fmt;

use plenary_core::{DateSpan, RecordKind, Reference};

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
    /// A reference to a record that is not in the dataset.
    Dangling {
        /// The JSON path of the reference.
        path: String,
        /// The kind of record referred to.
        kind: RecordKind,
        /// The id that is not there.
        id: String,
    },
    /// A record breaks its own rules (its `validate`), as a value changed through public
    /// fields can.
    InvalidRecord {
        /// The JSON path of the record, such as `$.petitions[0]`.
        path: String,
        /// What its check says is wrong.
        message: String,
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
    pub(crate) fn dangling(path: String, reference: Reference<'_>) -> Self {
        Self::Dangling {
            path,
            kind: reference.kind(),
            id: reference.as_str().to_owned(),
        }
    }

    /// The JSON path of the value at fault, such as `$.events[3].organisers[0]`.
    pub fn path(&self) -> &str {
        match self {
            Self::DuplicateId { path, .. }
            | Self::MissingId { path }
            | Self::Dangling { path, .. }
            | Self::InvalidRecord { path, .. }
            | Self::OutsideParent { path, .. }
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
            Self::Dangling { path, kind, id } => {
                write!(f, "{path}: {} {id:?} is not in the dataset", kind.item())
            }
            Self::InvalidRecord { path, message } => write!(f, "{path}: {message}"),
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
