//! The agenda of an event: items that cite the documents they take up.

use plenary_core::DocumentId;
use serde::{Deserialize, Serialize};

/// One item of an event's agenda, such as "COM 5 Chairman: Approval of Resolution 1, B-1, CAN-1
/// and Recommendation ITU-T A.5".
///
/// In JSON: `{"num": "2", "title": "…", "documents": ["wtsa-12/res-1"]}`.
///
/// ```
/// use plenary_events::AgendaItem;
///
/// let item: AgendaItem = serde_json::from_str(r#"{"num": "1", "title": "Opening of Plenary"}"#)?;
/// assert_eq!(item.num.as_deref(), Some("1"));
/// assert!(item.documents.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AgendaItem {
    /// The item's number or label as the agenda writes it, such as `"2"` or `"4.1"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num: Option<String>,
    /// What the item is about; an [`Event`](crate::Event) refuses a blank title.
    pub title: String,
    /// The documents the item takes up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentId>,
}

impl AgendaItem {
    /// An item with a title, no number and no documents.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            num: None,
            title: title.into(),
            documents: Vec::new(),
        }
    }
}

impl plenary_core::References for AgendaItem {
    /// `documents[i]`.
    fn visit_references<'s>(
        &'s self,
        at: &plenary_core::RefPath<'_>,
        visit: &mut dyn FnMut(&plenary_core::RefPath<'_>, plenary_core::Reference<'s>),
    ) {
        plenary_core::visit_list(at, "documents", &self.documents, visit);
    }
}
