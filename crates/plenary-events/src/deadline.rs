//! Deadlines before an event: "Contributions are due by September 20th".

use plenary_core::PartialDate;
use serde::{Deserialize, Serialize};

/// Something due by a date before an event, such as contributions to a conference.
///
/// The date is a [`PartialDate`], since some deadlines are only known to the month. In JSON:
/// `{"due": "2012-09-20", "what": "contributions"}`.
///
/// ```
/// use plenary_events::Deadline;
///
/// let due = Deadline::new("2012-09-20".parse()?, "contributions");
/// assert_eq!(due.to_string(), "contributions due by 2012-09-20");
/// # Ok::<(), plenary_core::Error>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Deadline {
    /// The last day it may arrive (inclusive).
    pub due: PartialDate,
    /// What is due, such as `"contributions"`; an [`Event`](crate::Event) refuses blank text.
    pub what: String,
    /// Notes on how or where to submit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Deadline {
    /// `what` is due by `due`.
    pub fn new(due: PartialDate, what: impl Into<String>) -> Self {
        Self {
            due,
            what: what.into(),
            note: None,
        }
    }
}

impl std::fmt::Display for Deadline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} due by {}", self.what, self.due)
    }
}
