//! The life of a signature: the state it is in and each change of state, with when and why.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where a signature stands. Only [`SignatureState::Confirmed`] signatures count.
///
/// A signature starts `pending` until its email is confirmed, becomes `confirmed`, and may then
/// be `invalidated` (by a rule, see [`Invalidation`](crate::Invalidation)), found `fraudulent`,
/// or `withdrawn` by its signer. A pending signature may also go straight to one of the three.
/// In JSON the states are the snake_case strings `"pending"`, `"confirmed"`, `"invalidated"`,
/// `"fraudulent"` and `"withdrawn"`.
///
/// ```
/// use plenary_petitions::SignatureState;
///
/// assert!(SignatureState::Pending.can_become(SignatureState::Confirmed));
/// assert!(SignatureState::Confirmed.can_become(SignatureState::Withdrawn));
/// assert!(!SignatureState::Withdrawn.can_become(SignatureState::Confirmed));
/// assert_eq!("fraudulent".parse(), Ok(SignatureState::Fraudulent));
/// assert!(SignatureState::Confirmed.counts());
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SignatureState {
    /// Received, its email not yet confirmed: not counted.
    Pending,
    /// Its email confirmed: counted.
    #[default]
    Confirmed,
    /// Taken out of the count by a rule (a disposable email domain, a time window of abuse, …).
    Invalidated,
    /// Found to be false.
    Fraudulent,
    /// Taken back by the signer.
    Withdrawn,
}

impl SignatureState {
    /// Every state, in the order of the life of a signature.
    pub const ALL: [SignatureState; 5] = [
        Self::Pending,
        Self::Confirmed,
        Self::Invalidated,
        Self::Fraudulent,
        Self::Withdrawn,
    ];

    /// The state's name in JSON, such as `"pending"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Confirmed => "confirmed",
            Self::Invalidated => "invalidated",
            Self::Fraudulent => "fraudulent",
            Self::Withdrawn => "withdrawn",
        }
    }

    /// Whether a signature in this state counts.
    pub fn counts(self) -> bool {
        self == Self::Confirmed
    }

    /// Whether a signature in this state may move to `to` in the ordinary course of its life:
    /// pending to anything else, confirmed to invalidated, fraudulent or withdrawn. (Undoing an
    /// invalidation restores the state before it, which this does not cover.)
    pub fn can_become(self, to: SignatureState) -> bool {
        use SignatureState::*;
        matches!(
            (self, to),
            (Pending, Confirmed | Invalidated | Fraudulent | Withdrawn)
                | (Confirmed, Invalidated | Fraudulent | Withdrawn)
        )
    }

    /// The state's position in [`SignatureState::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for SignatureState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for SignatureState {
    type Err = ();

    /// Reads a state's JSON name; anything else is `Err(())`.
    fn from_str(s: &str) -> Result<Self, ()> {
        Self::ALL
            .into_iter()
            .find(|state| state.as_str() == s)
            .ok_or(())
    }
}

/// One change of a signature's state: from what to what, when, and why.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateChange {
    /// The state before.
    pub from: SignatureState,
    /// The state after.
    pub to: SignatureState,
    /// When the change was made.
    pub at: DateTime<Utc>,
    /// Why, in the words of whoever made it (`"email confirmed"`, `"invalidation 2: …"`).
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions() {
        use SignatureState::*;
        let allowed = [
            (Pending, Confirmed),
            (Pending, Invalidated),
            (Pending, Fraudulent),
            (Pending, Withdrawn),
            (Confirmed, Invalidated),
            (Confirmed, Fraudulent),
            (Confirmed, Withdrawn),
        ];
        for from in SignatureState::ALL {
            for to in SignatureState::ALL {
                assert_eq!(
                    from.can_become(to),
                    allowed.contains(&(from, to)),
                    "{from} -> {to}"
                );
            }
        }
    }

    #[test]
    fn names_round_trip_through_json_and_from_str() {
        for state in SignatureState::ALL {
            let json = serde_json::to_string(&state).unwrap();
            assert_eq!(json, format!("\"{}\"", state.as_str()));
            assert_eq!(
                serde_json::from_str::<SignatureState>(&json).unwrap(),
                state
            );
            assert_eq!(state.as_str().parse::<SignatureState>(), Ok(state));
            assert_eq!(SignatureState::ALL[state.index()], state);
        }
        assert_eq!("Pending".parse::<SignatureState>(), Err(()));
        assert_eq!(SignatureState::default(), SignatureState::Confirmed);
    }
}
