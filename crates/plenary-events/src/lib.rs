//! placeholder
mod agenda;
mod calendar;
mod date_phrase;
mod deadline;
mod error;
mod event;
mod ics;

pub use agenda::AgendaItem;
pub use calendar::{Calendar, DueDeadline};
pub use date_phrase::{format_date_phrase, parse_date_phrase};
pub use deadline::Deadline;
pub use error::Error;
pub use event::{Event, EventKind, EventStatus, EventTimes};
pub use ics::{IcsExport, to_ics};
