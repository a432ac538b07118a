//! placeholder
mod agenda;
mod date_phrase;
mod deadline;
mod error;
mod event;

pub use agenda::AgendaItem;
pub use date_phrase::{format_date_phrase, parse_date_phrase};
pub use deadline::Deadline;
pub use error::Error;
pub use event::{Event, EventKind, EventStatus, EventTimes};
