//! What a proposal changed in a text: the record that [`apply`](crate::apply) keeps on the
//! amended document, one entry per change, in the order they were applied.

use serde::{Deserialize, Serialize};

use crate::document::DocumentPart;
use crate::mark::{MarkAction, ProposalMark};

/// How a text was changed, in the words of Akoma Ntoso's `textualMod`.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ModificationKind {
    /// A new provision (`ADD`).
    Insertion,
    /// A provision's text replaced (`MOD`, `(MOD)`).
    Substitution,
    /// A provision removed (`SUP`).
    Repeal,
}

impl ModificationKind {
    /// The kind a mark's action makes, or `None` for `NOC`, which changes nothing.
    pub fn of(action: MarkAction) -> Option<ModificationKind> {
        match action {
            MarkAction::Add => Some(ModificationKind::Insertion),
            MarkAction::Mod | MarkAction::ModEditorial => Some(ModificationKind::Substitution),
            MarkAction::Sup => Some(ModificationKind::Repeal),
            MarkAction::Noc => None,
        }
    }

    /// The value of Akoma Ntoso's `textualMod/@type`: `insertion`, `substitution`, `repeal`.
    pub fn as_str(self) -> &'static str {
        match self {
            ModificationKind::Insertion => "insertion",
            ModificationKind::Substitution => "substitution",
            ModificationKind::Repeal => "repeal",
        }
    }
}

/// One change a proposal made to a text: which mark made it, where, and the old and new text.
///
/// ```
/// use plenary_treaty::{ModificationKind, apply, parse};
///
/// let base = parse("ARTICLE 3\nNetwork\n3.1 one;\n3.2 two.\n");
/// let proposal = parse("ARTICLE 3\nNetwork\nMOD USA/9/2\n3.2 two more.\n");
/// let amended = apply(&base, &proposal)?;
/// let change = &amended.modifications[0];
/// assert_eq!(change.kind(), Some(ModificationKind::Substitution));
/// assert_eq!(change.source(), Some("USA"));
/// assert_eq!(change.place(), "ARTICLE 3, 3.2");
/// assert_eq!((change.old.as_deref(), change.new.as_deref()), (Some("two."), Some("two more.")));
/// # Ok::<(), plenary_treaty::Error>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Modification {
    /// The mark that made the change, with the proposal's reference (`MOD ARB/7/12`).
    pub mark: ProposalMark,
    /// `preamble`, `operative` or `articles`.
    pub part: DocumentPart,
    /// The section's keyword line or the article (`"ARTICLE 3"`).
    pub section: String,
    /// The labels from the section or article down to the provision (`["1.7", "b)"]`); a
    /// provision without a label is counted by position (`"#2"`). Empty for a change to the
    /// section or article itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<String>,
    /// The provision's margin number, when it has one (`"14A"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<String>,
    /// The text before the change (none for an insertion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    /// The text after the change (none for a repeal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
}

impl Modification {
    /// Insertion, substitution or repeal, from the mark; `None` for a `NOC` mark.
    pub fn kind(&self) -> Option<ModificationKind> {
        ModificationKind::of(self.mark.action)
    }

    /// The administration or group the proposal comes from: the first part of its reference
    /// (`ARB` of `ARB/7/12`).
    pub fn source(&self) -> Option<&str> {
        source_of(&self.mark)
    }

    /// Where the change is, for people: `"ARTICLE 3, 3.1bis"`, `"resolves, 1 a)"`,
    /// `"ARTICLE 1, 1.8bis (No. 12A)"`.
    pub fn place(&self) -> String {
        place(&self.section, &self.path, self.margin.as_deref())
    }
}

/// The first part of a mark's reference: `ARB` of `ARB/7/12`.
pub(crate) fn source_of(mark: &ProposalMark) -> Option<&str> {
    mark.reference
        .as_deref()
        .and_then(|r| r.split('/').next())
        .filter(|s| !s.is_empty())
}

/// A section or article, a label path and a margin number, for people:
/// `"ARTICLE 3, 3.1 a)"`, `"ARTICLE 1, 1.8bis (No. 12A)"`.
pub(crate) fn place(section: &str, path: &[String], margin: Option<&str>) -> String {
    let section = if section.is_empty() {
        "the clauses before any keyword"
    } else {
        section
    };
    let mut out = section.to_owned();
    if !path.is_empty() {
        out.push_str(", ");
        out.push_str(&path.join(" "));
    }
    if let Some(margin) = margin {
        out.push_str(" (No. ");
        out.push_str(margin);
        out.push(')');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_marks() {
        for (action, kind) in [
            (MarkAction::Add, Some("insertion")),
            (MarkAction::Mod, Some("substitution")),
            (MarkAction::ModEditorial, Some("substitution")),
            (MarkAction::Sup, Some("repeal")),
            (MarkAction::Noc, None),
        ] {
            assert_eq!(ModificationKind::of(action).map(|k| k.as_str()), kind);
        }
    }

    #[test]
    fn places_and_sources() {
        let mark: ProposalMark = "ADD CEPT/3/1".parse().unwrap();
        assert_eq!(source_of(&mark), Some("CEPT"));
        assert_eq!(source_of(&ProposalMark::new(MarkAction::Add)), None);
        assert_eq!(
            place("ARTICLE 3", &["3.1".into(), "a)".into()], None),
            "ARTICLE 3, 3.1 a)"
        );
        assert_eq!(
            place("ARTICLE 1", &["1.8bis".into()], Some("12A")),
            "ARTICLE 1, 1.8bis (No. 12A)"
        );
        assert_eq!(place("", &[], None), "the clauses before any keyword");
    }
}
