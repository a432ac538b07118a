//! Petitions, sign-on letters and open letters.

use chrono::{DateTime, Utc};
use plenary_core::{ActorId, DateSpan, Link, Name, PartialDate, PetitionId, Text};
use serde::{Deserialize, Serialize};

use crate::Error;

/// What kind of text people sign.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PetitionKind {
    /// A petition anyone can sign, usually online.
    Petition,
    /// A letter organisations (and sometimes individuals) join by asking to be listed.
    SignOnLetter,
    /// A letter published with its signatories, addressed to its targets in public.
    OpenLetter,
}

/// Where a petition stands.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PetitionStatus {
    /// Being written; not open for signatures yet.
    Draft,
    /// Open for signatures.
    Open,
    /// No longer taking signatures.
    Closed,
    /// Handed over to its targets.
    Delivered,
    /// Taken back by its sponsors.
    Withdrawn,
}

/// Whom a petition addresses: an actor of the dataset, or a group the dataset does not list as
/// one actor (such as "the member states of the ITU").
///
/// In JSON `{"actor": "itu"}` or `{"group": "the member states of the ITU"}`.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Target {
    /// An actor, by id.
    Actor(ActorId),
    /// A group of actors, by name.
    Group(Name),
}

/// A number of signatures a petition aims at or celebrates, and when it was reached if known.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// The number of signatures.
    pub threshold: u64,
    /// The exact time it was reached, when a source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached_at: Option<DateTime<Utc>>,
    /// The days within which it was reached, when a source gives no exact time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached_within: Option<DateSpan>,
    /// What the source says about it, in its own words where possible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A count of signatories reported by a source at a date, for petitions whose signature lists
/// are not at hand.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportedCount {
    /// How many had signed.
    pub count: u64,
    /// What was counted: `"signatures"`, `"organizations"`.
    pub unit: String,
    /// When the source said so.
    pub as_of: PartialDate,
    /// The source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Link>,
}

/// A petition, sign-on letter or open letter.
///
/// ```
/// use plenary_petitions::{Petition, PetitionKind, PetitionStatus};
///
/// let letter: Petition = serde_json::from_str(r#"{
///     "id": "wtpf13/civil-society-letter",
///     "kind": "sign_on_letter",
///     "title": "Open letter to the ITU on the WTPF-13 preparation process",
///     "text": {"lang": "en", "text": "We ask for a seat at the table."},
///     "targets": [{"actor": "itu/secretary-general"}],
///     "status": "open"
/// }"#)?;
/// assert_eq!(letter.kind, PetitionKind::SignOnLetter);
/// assert_eq!(letter.status, PetitionStatus::Open);
/// assert!(serde_json::to_string(&letter)?.contains(r#""kind":"sign_on_letter""#));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Petition {
    /// The petition's identifier.
    pub id: PetitionId,
    /// Petition, sign-on letter or open letter.
    pub kind: PetitionKind,
    /// The title.
    pub title: Name,
    /// The text people sign.
    pub text: Text,
    /// The demands, one by one, when the text makes several.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub demands: Vec<String>,
    /// Whom it addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    /// Who runs it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sponsors: Vec<ActorId>,
    /// Who publicly backs it without running it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supporters: Vec<ActorId>,
    /// When it opened for signatures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launched: Option<PartialDate>,
    /// When it stops taking signatures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes: Option<PartialDate>,
    /// Where it stands.
    pub status: PetitionStatus,
    /// The number of signatures it aims at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<u64>,
    /// Milestone thresholds, with when each was reached where known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// Counts of signatories reported by sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported_counts: Vec<ReportedCount>,
    /// How to sign or join, when it is not a web form (such as a `mailto:` link).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Link>,
    /// Where it is published and discussed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

impl Petition {
    /// Every actor the petition names: targets, sponsors and supporters.
    pub fn actor_ids(&self) -> impl Iterator<Item = &ActorId> + '_ {
        self.targets
            .iter()
            .filter_map(|t| match t {
                Target::Actor(id) => Some(id),
                Target::Group(_) => None,
            })
            .chain(&self.sponsors)
            .chain(&self.supporters)
    }
}

impl Petition {
    /// Checks the rules that span fields: it closes on or after the day it was launched, its
    /// goal is positive, and its milestones' thresholds rise strictly.
    ///
    /// `validate` is the one name every plenary record uses for its own check; whole-dataset
    /// validation runs it on every petition, so a value changed through the public fields
    /// cannot slip through.
    ///
    /// ```
    /// use plenary_petitions::Petition;
    ///
    /// let mut petition: Petition = serde_json::from_str(
    ///     r#"{"id": "p", "kind": "petition", "title": "T", "text": {"lang": "en", "text": "x"},
    ///         "status": "open", "launched": "2012-11", "closes": "2012-12-14"}"#,
    /// )?;
    /// petition.validate()?;
    /// petition.goal = Some(0);
    /// assert_eq!(
    ///     petition.validate().unwrap_err().to_string(),
    ///     "invalid petition \"p\": its goal is 0 signatures; expected a positive number"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] naming the first rule broken, the values and what was expected.
    pub fn validate(&self) -> Result<(), Error> {
        let invalid = |problem: String| Error::Invalid {
            what: format!("petition {:?}", self.id.as_str()),
            problem,
        };
        if let (Some(launched), Some(closes)) = (self.launched, self.closes)
            && closes.latest() < launched.earliest()
        {
            return Err(invalid(format!(
                "it closes ({closes}) before it was launched ({launched}); expected a closing \
                 date on or after the launch"
            )));
        }
        if self.goal == Some(0) {
            return Err(invalid(
                "its goal is 0 signatures; expected a positive number".to_owned(),
            ));
        }
        for (i, pair) in self.milestones.windows(2).enumerate() {
            if let [before, after] = pair
                && after.threshold <= before.threshold
            {
                return Err(invalid(format!(
                    "milestone {} ({}) does not rise above milestone {i} ({}); expected \
                     thresholds in ascending order",
                    i + 1,
                    after.threshold,
                    before.threshold
                )));
            }
        }
        Ok(())
    }
}

impl plenary_core::References for Petition {
    /// `sponsors[i]`, `supporters[i]`, and `targets[i]` when they are actors.
    fn visit_references<'s>(
        &'s self,
        at: &plenary_core::RefPath<'_>,
        visit: &mut dyn FnMut(&plenary_core::RefPath<'_>, plenary_core::Reference<'s>),
    ) {
        plenary_core::visit_list(at, "sponsors", &self.sponsors, visit);
        plenary_core::visit_list(at, "supporters", &self.supporters, visit);
        plenary_core::visit_nested(at, "targets", &self.targets, visit);
    }
}

impl plenary_core::References for Target {
    /// The target itself, when it is an actor: its path is the target's own (`targets[0]`).
    fn visit_references<'s>(
        &'s self,
        at: &plenary_core::RefPath<'_>,
        visit: &mut dyn FnMut(&plenary_core::RefPath<'_>, plenary_core::Reference<'s>),
    ) {
        if let Self::Actor(id) = self {
            visit(at, plenary_core::Reference::Actor(id));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> &'static str {
        r#"{"id":"p","kind":"petition","title":"T","text":{"lang":"en","text":"x"},"status":"draft"}"#
    }

    #[test]
    fn json_round_trip_omits_empty_fields() {
        let petition: Petition = serde_json::from_str(minimal()).unwrap();
        assert_eq!(serde_json::to_string(&petition).unwrap(), minimal());
    }

    #[test]
    fn enums_are_snake_case() {
        for (kind, json) in [
            (PetitionKind::Petition, "\"petition\""),
            (PetitionKind::SignOnLetter, "\"sign_on_letter\""),
            (PetitionKind::OpenLetter, "\"open_letter\""),
        ] {
            assert_eq!(serde_json::to_string(&kind).unwrap(), json);
        }
        for (status, json) in [
            (PetitionStatus::Draft, "\"draft\""),
            (PetitionStatus::Open, "\"open\""),
            (PetitionStatus::Closed, "\"closed\""),
            (PetitionStatus::Delivered, "\"delivered\""),
            (PetitionStatus::Withdrawn, "\"withdrawn\""),
        ] {
            assert_eq!(serde_json::to_string(&status).unwrap(), json);
            assert_eq!(
                serde_json::from_str::<PetitionStatus>(json).unwrap(),
                status
            );
        }
    }

    #[test]
    fn unknown_fields_and_bad_values_are_refused() {
        let extra = minimal().replace("\"status\"", "\"signatures\":3,\"status\"");
        let err = serde_json::from_str::<Petition>(&extra)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("unknown field `signatures`"), "{err}");
        let bad_kind = minimal().replace("\"petition\"", "\"poll\"");
        let err = serde_json::from_str::<Petition>(&bad_kind)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("unknown variant `poll`"), "{err}");
        let bad_link = minimal().replace(
            "\"status\"",
            "\"contact\":\"javascript:alert(1)\",\"status\"",
        );
        assert!(serde_json::from_str::<Petition>(&bad_link).is_err());
    }

    #[test]
    fn targets_are_actors_or_named_groups() {
        let targets: Vec<Target> =
            serde_json::from_str(r#"[{"actor":"itu"},{"group":"ITU member states"}]"#).unwrap();
        assert_eq!(targets[0], Target::Actor(ActorId::new("itu").unwrap()));
        assert_eq!(
            targets[1],
            Target::Group(Name::new("ITU member states").unwrap())
        );
    }
}
