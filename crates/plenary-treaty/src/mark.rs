//! Proposal marks: `ADD B2/49/1`, `MOD ARB/7/12`, `(MOD)`, `SUP`, `NOC`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Error;

/// What a proposal does to a text, as the mark in the margin of an ITU proposal says.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkAction {
    /// `ADD`: a new provision or text.
    Add,
    /// `MOD`: a modified provision.
    Mod,
    /// `(MOD)`: an editorial or consequential modification only.
    ModEditorial,
    /// `SUP`: a suppressed provision (it has no text).
    Sup,
    /// `NOC`: no change.
    Noc,
}

impl MarkAction {
    /// Every action, in declaration order.
    pub const ALL: [MarkAction; 5] = [
        MarkAction::Add,
        MarkAction::Mod,
        MarkAction::ModEditorial,
        MarkAction::Sup,
        MarkAction::Noc,
    ];

    /// The mark as ITU prints it: `ADD`, `MOD`, `(MOD)`, `SUP`, `NOC`.
    pub fn as_str(self) -> &'static str {
        match self {
            MarkAction::Add => "ADD",
            MarkAction::Mod => "MOD",
            MarkAction::ModEditorial => "(MOD)",
            MarkAction::Sup => "SUP",
            MarkAction::Noc => "NOC",
        }
    }

    pub(crate) fn from_word(word: &str) -> Option<MarkAction> {
        Some(match word {
            "ADD" => MarkAction::Add,
            "MOD" => MarkAction::Mod,
            "(MOD)" => MarkAction::ModEditorial,
            "SUP" => MarkAction::Sup,
            "NOC" => MarkAction::Noc,
            _ => return None,
        })
    }
}

impl fmt::Display for MarkAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A proposal mark: an action and the proposal's reference, such as `ADD B2/49/1`.
///
/// ```
/// use plenary_treaty::{MarkAction, ProposalMark};
///
/// let mark: ProposalMark = "MOD ARB/7/12".parse()?;
/// assert_eq!(mark.action, MarkAction::Mod);
/// assert_eq!(mark.reference.as_deref(), Some("ARB/7/12"));
/// assert_eq!(mark.to_string(), "MOD ARB/7/12");
/// # Ok::<(), plenary_treaty::Error>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalMark {
    /// ADD, MOD, (MOD), SUP or NOC.
    pub action: MarkAction,
    /// The proposal reference: administration or group, document, number (`ARB/7/12`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

impl ProposalMark {
    /// A mark with an action and no reference.
    pub fn new(action: MarkAction) -> Self {
        ProposalMark {
            action,
            reference: None,
        }
    }

    /// Reads a mark line (whitespace already collapsed); `None` when it is not one.
    pub(crate) fn from_line(line: &str) -> Option<ProposalMark> {
        // Every action word starts with one of these bytes: other lines are done with at once.
        if !matches!(
            line.as_bytes().first(),
            Some(b'A' | b'M' | b'(' | b'S' | b'N')
        ) {
            return None;
        }
        let (word, rest) = match line.split_once(' ') {
            Some((word, rest)) => (word, rest),
            None => (line, ""),
        };
        let action = MarkAction::from_word(word)?;
        if rest.is_empty() {
            return Some(ProposalMark::new(action));
        }
        if rest.contains(' ') || !is_reference(rest) {
            return None;
        }
        Some(ProposalMark {
            action,
            reference: Some(rest.to_owned()),
        })
    }
}

/// A proposal reference: letters and digits in parts joined by `/`, with at least one `/`
/// (`B2/49/1`, `ARB/7/12`, `EUR/16A1/3`).
fn is_reference(text: &str) -> bool {
    text.contains('/')
        && text.len() <= 40
        && text.split('/').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        })
}

impl fmt::Display for ProposalMark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reference {
            Some(reference) => write!(f, "{} {reference}", self.action),
            None => f.write_str(self.action.as_str()),
        }
    }
}

impl FromStr for ProposalMark {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let line = crate::normalize::normalize_line(s);
        ProposalMark::from_line(&line).ok_or_else(|| Error::InvalidMark { mark: s.to_owned() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_read_and_refused() {
        for (input, expected) in [
            ("ADD B2/49/1", Some("ADD B2/49/1")),
            ("MOD\tARB/7/12", Some("MOD ARB/7/12")),
            ("(MOD) EUR/16A1/3", Some("(MOD) EUR/16A1/3")),
            ("SUP", Some("SUP")),
            ("NOC  USA/9/2", Some("NOC USA/9/2")),
            ("ADD the text", None),
            ("Add B2/49/1", None),
            ("ADDB2/49/1", None),
            ("", None),
        ] {
            let got = input.parse::<ProposalMark>().ok().map(|m| m.to_string());
            assert_eq!(got.as_deref(), expected, "{input:?}");
        }
    }

    #[test]
    fn a_bad_mark_is_an_error_that_quotes_it() {
        let err = "ADD the text".parse::<ProposalMark>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid proposal mark \"ADD the text\": expected ADD, MOD, (MOD), SUP or NOC, \
             optionally followed by a reference such as \"B2/49/1\""
        );
    }

    #[test]
    fn json_names_the_action_in_snake_case() {
        let mark: ProposalMark = "(MOD) ARB/7/12".parse().unwrap();
        let json = serde_json::to_string(&mark).unwrap();
        assert_eq!(json, r#"{"action":"mod_editorial","reference":"ARB/7/12"}"#);
        assert_eq!(serde_json::from_str::<ProposalMark>(&json).unwrap(), mark);
    }
}
