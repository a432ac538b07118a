//! Invalidating signatures in bulk by a rule, with a record of who applied it, when, why and
//! how many signatures it matched, so that it can be reviewed and undone.

use chrono::{DateTime, Utc};
use plenary_core::Country;
use serde::{Deserialize, Serialize};

use crate::{CanonicalEmail, Error, Signature, Signer};

/// What an [`Invalidation`] matches. In JSON one key naming the rule:
/// `{"email_domain": "mailinator.com"}`, `{"canonical_email": "ana@example.org"}`,
/// `{"name_pattern": "*test*"}`, `{"country": "GB"}`, `{"time_window": {"from": "…", "until":
/// "…"}}`, `{"origin": "partner-site"}`.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum InvalidationRule {
    /// Signers whose email (or an organisation's contact) is at this domain, compared in IDNA
    /// ASCII form, either case.
    EmailDomain(String),
    /// The signer with this canonical email.
    CanonicalEmail(CanonicalEmail),
    /// Signers whose name matches this pattern, in either case: `*` stands for any run of
    /// characters, `?` for one.
    NamePattern(String),
    /// Signers from this country.
    Country(Country),
    /// Signatures made from `from` (included) until `until` (excluded).
    TimeWindow {
        /// The start of the window.
        from: DateTime<Utc>,
        /// The end of the window, excluded.
        until: DateTime<Utc>,
    },
    /// Signatures that came from this origin system, as in [`Signature::origin`].
    Origin(String),
}

/// The state an [`Invalidation`] puts the signatures it matches in.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// Taken out of the count: [`SignatureState::Invalidated`](crate::SignatureState).
    #[default]
    Invalidated,
    /// Found false: [`SignatureState::Fraudulent`](crate::SignatureState).
    Fraudulent,
}

/// A rule applied to a petition's signatures in bulk, with who applied it, when and why.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use plenary_petitions::{Invalidation, InvalidationRule, Verdict};
///
/// let rule: Invalidation = serde_json::from_str(r#"{
///     "rule": {"email_domain": "mailinator.com"},
///     "verdict": "fraudulent",
///     "applied_by": "moderator-1",
///     "applied_at": "2012-12-14T09:00:00Z",
///     "reason": "disposable addresses signing in bursts"
/// }"#)?;
/// assert_eq!(rule.rule, InvalidationRule::EmailDomain("mailinator.com".into()));
/// assert_eq!(rule.verdict, Verdict::Fraudulent);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invalidation {
    /// What it matches.
    pub rule: InvalidationRule,
    /// The state it puts pending and confirmed signatures in; invalidated unless given.
    #[serde(default)]
    pub verdict: Verdict,
    /// Who applied it.
    pub applied_by: String,
    /// When.
    pub applied_at: DateTime<Utc>,
    /// Why.
    pub reason: String,
}

/// What applying an [`Invalidation`] did.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvalidationReport {
    /// The invalidation's number in its book, for [`SignatureBook::undo`](crate::SignatureBook::undo).
    pub id: usize,
    /// Signatures the rule matched, in any state.
    pub matched: u64,
    /// Of those, the ones it moved out of pending or confirmed.
    pub invalidated: u64,
}

/// A rule made ready for matching many signatures: the domain in its canonical form, the
/// pattern in lower case.
pub(crate) enum Matcher<'a> {
    Domain(String),
    Email(&'a CanonicalEmail),
    Name(Vec<char>),
    Country(Country),
    Window(DateTime<Utc>, DateTime<Utc>),
    Origin(&'a str),
}

impl<'a> Matcher<'a> {
    /// # Errors
    ///
    /// [`Error::InvalidEmail`] for an email domain that is not a domain.
    pub(crate) fn new(rule: &'a InvalidationRule) -> Result<Self, Error> {
        Ok(match rule {
            InvalidationRule::EmailDomain(domain) => {
                let canonical = CanonicalEmail::new(&format!("x@{}", domain.trim()))?;
                Self::Domain(domain_of(&canonical).to_owned())
            }
            InvalidationRule::CanonicalEmail(email) => Self::Email(email),
            InvalidationRule::NamePattern(pattern) => {
                Self::Name(pattern.chars().flat_map(char::to_lowercase).collect())
            }
            InvalidationRule::Country(country) => Self::Country(*country),
            InvalidationRule::TimeWindow { from, until } => Self::Window(*from, *until),
            InvalidationRule::Origin(origin) => Self::Origin(origin),
        })
    }

    /// Whether the signature, whose signer has the canonical email `email`, matches.
    pub(crate) fn matches(&self, signature: &Signature, email: &CanonicalEmail) -> bool {
        match self {
            Self::Domain(domain) => domain_of(email) == domain,
            Self::Email(wanted) => email == *wanted,
            Self::Name(pattern) => {
                let name: Vec<char> = signature
                    .signer
                    .name()
                    .as_str()
                    .chars()
                    .flat_map(char::to_lowercase)
                    .collect();
                glob(pattern, &name)
            }
            Self::Country(country) => signature.signer.country() == Some(*country),
            Self::Window(from, until) => (*from..*until).contains(&signature.signed_at),
            Self::Origin(origin) => signature.origin.as_deref() == Some(*origin),
        }
    }
}

fn domain_of(email: &CanonicalEmail) -> &str {
    let text = email.as_str();
    text.rfind('@').map_or(text, |at| &text[at + 1..])
}

/// Whether `text` matches `pattern`, where `*` stands for any run and `?` for one character;
/// linear in practice, at worst the product of the lengths (no backtracking blow-up).
fn glob(pattern: &[char], text: &[char]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&c) if c == '?' || c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// The canonical email a signature is told apart by, if it has one.
pub(crate) fn signer_email(signature: &Signature) -> Option<&CanonicalEmail> {
    match &signature.signer {
        Signer::Person(person) => Some(person.email.canonical()),
        Signer::Organization(org) => org.contact.as_ref().map(|c| c.canonical()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_patterns() {
        for (pattern, text, matches) in [
            ("*test*", "a test signer", true),
            ("*test*", "tester", true),
            ("*test*", "tst", false),
            ("a?a", "ana", true),
            ("a?a", "anna", false),
            ("*", "", true),
            ("", "", true),
            ("", "x", false),
            ("mickey*mouse", "mickey the mouse", true),
            ("mickey*mouse", "mickey the mouse!", false),
            ("**a**", "bab", true),
        ] {
            let p: Vec<char> = pattern.chars().collect();
            let t: Vec<char> = text.chars().collect();
            assert_eq!(glob(&p, &t), matches, "{pattern:?} {text:?}");
        }
    }

    #[test]
    fn rules_round_trip_through_json() {
        for json in [
            r#"{"email_domain":"mailinator.com"}"#,
            r#"{"canonical_email":"ana@example.org"}"#,
            r#"{"name_pattern":"*test*"}"#,
            r#"{"country":"GB"}"#,
            r#"{"time_window":{"from":"2012-12-13T00:00:00Z","until":"2012-12-13T01:00:00Z"}}"#,
            r#"{"origin":"partner-site"}"#,
        ] {
            let rule: InvalidationRule = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&rule).unwrap(), json);
        }
        assert!(serde_json::from_str::<InvalidationRule>(r#"{"colour":"red"}"#).is_err());
    }
}
