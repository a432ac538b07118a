//! The agenda of an event: items that cite the documents they take up.

use plenary_core::{DocumentId, Name};
use serde::{Deserialize, Deserializer, Serialize};

/// One item of an event's agenda, such as "COM 5 Chairman: Approval of Resolution 1, B-1, CAN-1
/// and Recommendation ITU-T A.5".
///
/// In JSON: `{"num": "2", "title": "…", "documents": ["wtsa-12/res-1"]}`; the title follows the
/// rules of a [`Name`] (one line, not blank), and a title that does not is refused with the
/// reason.
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
    /// What the item is about, on one line.
    #[serde(deserialize_with = "item_title")]
    pub title: Name,
    /// The documents the item takes up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentId>,
}

impl AgendaItem {
    /// An item with a title, no number and no documents.
    pub fn new(title: Name) -> Self {
        Self {
            num: None,
            title,
            documents: Vec::new(),
        }
    }
}

/// Reads an item's title as a [`Name`], saying that it is an agenda item's title that is wrong.
fn item_title<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Name, D::Error> {
    let title = String::deserialize(deserializer)?;
    Name::new(title).map_err(|err| match err {
        plenary_core::Error::InvalidName { name, reason } => serde::de::Error::custom(format!(
            "the agenda item title {name:?} is refused: {reason}"
        )),
        other => serde::de::Error::custom(format!("the agenda item title is refused: {other}")),
    })
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
