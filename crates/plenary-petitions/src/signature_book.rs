//! A petition's signatures with the life of each: state changes, invalidations that can be
//! undone, withdrawal by the signer, and anonymisation that keeps every count.

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use plenary_core::Name;
use serde::{Deserialize, Serialize};

use crate::invalidation::{Matcher, signer_email};
use crate::{
    CanonicalEmail, Email, Error, Invalidation, InvalidationReport, Signature, SignatureRecord,
    SignatureState, Signer, StateChange, Tally, Verdict,
};

/// One signature in a [`SignatureBook`], with its state and every change of it.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureEntry {
    /// The signature.
    pub signature: Signature,
    /// Where it stands now.
    pub state: SignatureState,
    /// Every change of its state, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<StateChange>,
}

/// An [`Invalidation`] as applied: what it changed, and its undoing if it was undone.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppliedInvalidation {
    /// The rule, who applied it, when and why.
    pub invalidation: Invalidation,
    /// Signatures it matched, in any state.
    pub matched: u64,
    /// The signatures it changed (their positions in the book) with the state each had before.
    pub changed: Vec<(usize, SignatureState)>,
    /// When it was undone, by whom and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undone: Option<Undoing>,
}

/// Who undid an invalidation, when and why.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Undoing {
    /// Who undid it.
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
    /// Why.
    pub reason: String,
    /// How many signatures went back to their state before it (those still in the state it
    /// gave them).
    pub restored: u64,
}

/// A petition's signatures, each with its state and history: the place where signatures are
/// confirmed, invalidated by rules (and the rules undone), withdrawn, and anonymised once the
/// petition has been closed long enough. [`SignatureBook::tally`] counts it.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use plenary_petitions::{
///     Invalidation, InvalidationRule, Signature, SignatureBook, SignatureState, Verdict,
/// };
///
/// let signature = |email: &str, origin: &str| -> Signature {
///     serde_json::from_value(serde_json::json!({
///         "petition": "accessnow/internet-belongs-to-us",
///         "signer": {"person": {"name": "Ana", "email": email, "country": "BR"}},
///         "signed_at": "2012-12-13T15:00:00Z",
///         "origin": origin,
///     })).unwrap()
/// };
/// let at = Utc.with_ymd_and_hms(2012, 12, 14, 9, 0, 0).unwrap();
/// let mut book = SignatureBook::new();
/// book.add(signature("ana@example.org", "site"), SignatureState::Pending)?;
/// book.add(signature("bo@mailinator.com", "site"), SignatureState::Confirmed)?;
/// book.add(signature("cy@mailinator.com", "bot-farm"), SignatureState::Confirmed)?;
/// book.confirm(0, at)?;
///
/// let report = book.apply(Invalidation {
///     rule: InvalidationRule::EmailDomain("Mailinator.com".into()),
///     verdict: Verdict::Invalidated,
///     applied_by: "moderator".into(),
///     applied_at: at,
///     reason: "disposable addresses".into(),
/// })?;
/// assert_eq!((report.matched, report.invalidated), (2, 2));
/// assert_eq!(book.tally([]).counted(), 1);
///
/// assert_eq!(book.undo(report.id, "moderator", at, "too broad")?, 2);
/// assert_eq!(book.tally([]).counted(), 3);
/// # Ok::<(), plenary_petitions::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureBook {
    entries: Vec<SignatureEntry>,
    invalidations: Vec<AppliedInvalidation>,
}

/// The name that replaces a person's name when a book is anonymised.
pub const ANONYMISED_NAME: &str = "Anonymised signer";

impl SignatureBook {
    /// An empty book.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a signature in `state`; returns its position in the book.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] for an organisation without a contact email: without an email the
    /// book cannot tell it from another signer, and so cannot count it once.
    pub fn add(&mut self, signature: Signature, state: SignatureState) -> Result<usize, Error> {
        if signer_email(&signature).is_none() {
            return Err(Error::Invalid {
                what: format!("signature {}", self.entries.len()),
                problem: "an organisation without a contact email cannot be counted once; \
                          expected a contact"
                    .into(),
            });
        }
        self.entries.push(SignatureEntry {
            signature,
            state,
            changes: Vec::new(),
        });
        Ok(self.entries.len() - 1)
    }

    /// The signatures, in the order they were added.
    pub fn entries(&self) -> &[SignatureEntry] {
        &self.entries
    }

    /// The invalidations applied, in order; an invalidation's id is its position here.
    pub fn invalidations(&self) -> &[AppliedInvalidation] {
        &self.invalidations
    }

    /// Moves the signature at `position` to `to`, recording when and why.
    ///
    /// # Errors
    ///
    /// [`Error::NotFound`] for a position past the end; [`Error::Transition`] for a change
    /// [`SignatureState::can_become`] does not allow.
    pub fn change(
        &mut self,
        position: usize,
        to: SignatureState,
        at: DateTime<Utc>,
        reason: &str,
    ) -> Result<(), Error> {
        let entry = self
            .entries
            .get_mut(position)
            .ok_or_else(|| Error::NotFound {
                what: format!("signature {position}"),
            })?;
        if !entry.state.can_become(to) {
            return Err(Error::Transition {
                position,
                from: entry.state,
                to,
            });
        }
        set_state(entry, to, at, reason.to_owned());
        Ok(())
    }

    /// Confirms the pending signature at `position`: its signer followed the link sent to
    /// their email.
    ///
    /// # Errors
    ///
    /// As [`SignatureBook::change`].
    pub fn confirm(&mut self, position: usize, at: DateTime<Utc>) -> Result<(), Error> {
        self.change(position, SignatureState::Confirmed, at, "email confirmed")
    }

    /// Withdraws every pending or confirmed signature of the signer with canonical email
    /// `email`, at the signer's request; returns how many were withdrawn.
    ///
    /// # Errors
    ///
    /// [`Error::NotFound`] when the signer has no pending or confirmed signature.
    pub fn withdraw(
        &mut self,
        email: &CanonicalEmail,
        at: DateTime<Utc>,
        reason: &str,
    ) -> Result<u64, Error> {
        let mut withdrawn = 0;
        for entry in &mut self.entries {
            if signer_email(&entry.signature) == Some(email)
                && entry.state.can_become(SignatureState::Withdrawn)
            {
                set_state(entry, SignatureState::Withdrawn, at, reason.to_owned());
                withdrawn += 1;
            }
        }
        if withdrawn == 0 {
            return Err(Error::NotFound {
                what: "pending or confirmed signature of that signer to withdraw".into(),
            });
        }
        Ok(withdrawn)
    }

    /// Applies an invalidation: every signature its rule matches is counted, and those pending
    /// or confirmed move to its verdict's state. The report's id undoes it.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidEmail`] for an email-domain rule whose domain is not a domain; nothing
    /// is changed then.
    pub fn apply(&mut self, invalidation: Invalidation) -> Result<InvalidationReport, Error> {
        let matcher = Matcher::new(&invalidation.rule)?;
        let id = self.invalidations.len();
        let to = match invalidation.verdict {
            Verdict::Invalidated => SignatureState::Invalidated,
            Verdict::Fraudulent => SignatureState::Fraudulent,
        };
        let reason = format!("invalidation {id}: {}", invalidation.reason);
        let mut matched = 0;
        let mut changed = Vec::new();
        for (position, entry) in self.entries.iter_mut().enumerate() {
            let Some(email) = signer_email(&entry.signature) else {
                continue;
            };
            if !matcher.matches(&entry.signature, email) {
                continue;
            }
            matched += 1;
            if entry.state.can_become(to) {
                changed.push((position, entry.state));
                set_state(entry, to, invalidation.applied_at, reason.clone());
            }
        }
        let report = InvalidationReport {
            id,
            matched,
            invalidated: changed.len() as u64,
        };
        self.invalidations.push(AppliedInvalidation {
            invalidation,
            matched,
            changed,
            undone: None,
        });
        Ok(report)
    }

    /// Undoes the invalidation `id`: each signature it changed that is still in the state it
    /// gave goes back to its state before; returns how many did.
    ///
    /// # Errors
    ///
    /// [`Error::NotFound`] for an id that was never applied or is already undone.
    pub fn undo(
        &mut self,
        id: usize,
        by: &str,
        at: DateTime<Utc>,
        reason: &str,
    ) -> Result<u64, Error> {
        let applied = self
            .invalidations
            .get_mut(id)
            .filter(|applied| applied.undone.is_none())
            .ok_or_else(|| Error::NotFound {
                what: format!("invalidation {id} that is applied and not yet undone"),
            })?;
        let gave = match applied.invalidation.verdict {
            Verdict::Invalidated => SignatureState::Invalidated,
            Verdict::Fraudulent => SignatureState::Fraudulent,
        };
        let mut restored = 0;
        for &(position, before) in &applied.changed {
            let entry = &mut self.entries[position];
            let still_ours = entry.state == gave
                && entry
                    .changes
                    .last()
                    .is_some_and(|c| c.reason.starts_with(&format!("invalidation {id}:")));
            if still_ours {
                set_state(
                    entry,
                    before,
                    at,
                    format!("invalidation {id} undone: {reason}"),
                );
                restored += 1;
            }
        }
        applied.undone = Some(Undoing {
            by: by.to_owned(),
            at,
            reason: reason.to_owned(),
            restored,
        });
        Ok(restored)
    }

    /// Anonymises a petition closed at `closed_at` once `retention` has passed by `now`: every
    /// person's name becomes [`ANONYMISED_NAME`] (affiliation dropped, consent to show it
    /// withdrawn) and every email, a person's or an organisation's contact, becomes
    /// `signer-N@anonymised.invalid`, one N per canonical email, so that every count, duplicate
    /// and state stays as it was. Returns how many signatures were anonymised.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] when the retention period has not passed.
    ///
    /// # Panics
    ///
    /// Never: [`ANONYMISED_NAME`] is a valid [`Name`] and `signer-N@anonymised.invalid` a valid
    /// address, as the crate's tests check.
    pub fn anonymise(
        &mut self,
        closed_at: DateTime<Utc>,
        retention: TimeDelta,
        now: DateTime<Utc>,
    ) -> Result<usize, Error> {
        let due = closed_at
            .checked_add_signed(retention)
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        if now < due {
            return Err(Error::Invalid {
                what: "anonymisation".into(),
                problem: format!(
                    "the petition closed at {closed_at} and is kept until {due}; expected a time \
                     after that"
                ),
            });
        }
        let name = Name::new(ANONYMISED_NAME).expect("the anonymised name is a valid name");
        let mut numbers: HashMap<CanonicalEmail, usize> = HashMap::new();
        for entry in &mut self.entries {
            let Some(email) = signer_email(&entry.signature).cloned() else {
                continue;
            };
            let next = numbers.len();
            let n = *numbers.entry(email).or_insert(next);
            let anonymous = Email::new(&format!("signer-{n}@anonymised.invalid"))
                .expect("the anonymised address is a valid address");
            match &mut entry.signature.signer {
                Signer::Person(person) => {
                    person.name = name.clone();
                    person.affiliation = None;
                    person.email = anonymous;
                    entry.signature.consent.show_name = false;
                }
                Signer::Organization(org) => org.contact = Some(anonymous),
            }
        }
        Ok(self.entries.len())
    }

    /// Counts the book: every signature as a [`SignatureRecord`] at its position (from 1),
    /// with milestones at `thresholds`.
    pub fn tally(&self, thresholds: impl IntoIterator<Item = u64>) -> Tally {
        let mut tally = Tally::with_milestones(thresholds);
        for (i, entry) in self.entries.iter().enumerate() {
            if let Some(email) = signer_email(&entry.signature) {
                tally.add(&SignatureRecord {
                    email,
                    signed_at: entry.signature.signed_at,
                    country: entry.signature.signer.country(),
                    state: entry.state,
                    position: i as u64 + 1,
                });
            }
        }
        tally
    }
}

fn set_state(entry: &mut SignatureEntry, to: SignatureState, at: DateTime<Utc>, reason: String) {
    entry.changes.push(StateChange {
        from: entry.state,
        to,
        at,
        reason,
    });
    entry.state = to;
}
