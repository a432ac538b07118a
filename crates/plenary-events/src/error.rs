//! The one error type of `plenary-events`.

/// Everything that can be wrong with input handed to `plenary-events`.
///
/// Each variant quotes the offending value and says what was expected, so that the message alone
/// is enough to fix the input. When a value comes from JSON, `serde_json` adds its line and
/// column.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A date phrase could not be read, or names days that do not exist.
    #[error("invalid date phrase {phrase:?}: {reason}")]
    DatePhrase {
        /// The phrase as given.
        phrase: String,
        /// What is wrong, such as `"day 30 does not exist in February 2013"`.
        reason: String,
    },

    /// An event breaks a rule that spans its fields, such as times on an event without a day.
    #[error("invalid event {id:?}: {reason}")]
    InvalidEvent {
        /// The event's id.
        id: String,
        /// What is wrong and what was expected.
        reason: String,
    },

    /// A language tag names a language whose date words are not known.
    #[error("unknown language {tag:?}: expected one of en, fr, es, ru, ar, zh")]
    UnknownLanguage {
        /// The tag as given.
        tag: String,
    },

    /// Two events in one calendar share an id.
    #[error("duplicate event id {id:?}: expected every event of a calendar to have its own id")]
    DuplicateEvent {
        /// The id that comes twice.
        id: String,
    },

    /// A value from `plenary-core` (an id, a date, a link, …) is invalid.
    #[error(transparent)]
    Core(#[from] plenary_core::Error),
}
