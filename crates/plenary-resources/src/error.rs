//! The one error type of `plenary-resources`.

use plenary_core::{Link, ResourceId};

/// Everything that can be wrong with input handed to `plenary-resources`.
///
/// Each variant quotes the offending value and says what was expected, so that the message alone
/// is enough to fix the input. When a value comes from JSON, `serde_json` adds its line and
/// column.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A field of a resource or of a suggestion breaks a length or content rule.
    #[error("invalid {field} of {subject}: {value:?} {reason}")]
    InvalidField {
        /// What the field belongs to, such as `resource "cdt/security"` or `suggestion`.
        subject: String,
        /// The field, such as `"description"`.
        field: &'static str,
        /// The value as given, cut to its first 80 characters.
        value: String,
        /// What is wrong and what was expected.
        reason: String,
    },

    /// A resource with this id is already in the bank.
    #[error("duplicate resource id \"{id}\": expected every resource of a bank to have its own id")]
    DuplicateResource {
        /// The id that comes twice.
        id: ResourceId,
    },

    /// A resource or suggestion points at the same canonical link as a resource of the bank.
    #[error("duplicate link \"{link}\": resource \"{existing}\" already points there")]
    DuplicateLink {
        /// The link as given.
        link: Link,
        /// The resource already in the bank with the same canonical link.
        existing: ResourceId,
    },

    /// No suggestion in the moderation queue has this number.
    #[error("unknown suggestion #{id}: expected the number `submit` returned")]
    UnknownSuggestion {
        /// The number as given.
        id: crate::SuggestionId,
    },

    /// A moderation decision was asked for a suggestion that is no longer pending.
    #[error(
        "suggestion #{id} is already {state}: only a pending suggestion can be approved or rejected"
    )]
    NotPending {
        /// The suggestion's number.
        id: crate::SuggestionId,
        /// Its state in words, such as `"approved as \"cdt/timeline\""`.
        state: String,
    },

    /// A value from `plenary-core` (an id, a name, a link, …) is invalid.
    #[error(transparent)]
    Core(#[from] plenary_core::Error),
}

/// The first 80 characters of `value`, for an error message.
pub(crate) fn excerpt(value: &str) -> String {
    const MAX: usize = 80;
    match value.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_owned(),
    }
}
