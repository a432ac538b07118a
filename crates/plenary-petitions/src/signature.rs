//! Signatures: who signed, when, and what they agreed to.

use chrono::{DateTime, Utc};
use plenary_core::{Country, Name, PetitionId};
use serde::{Deserialize, Serialize};

use crate::Email;

/// A person who signs: private data, shown in public only through
/// [`PublicSignature`](crate::PublicSignature) and only with consent.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The name the person signs with.
    pub name: Name,
    /// The person's email address; never part of a public view.
    pub email: Email,
    /// The country the person signs from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Country>,
    /// An organisation the person names, shown "for identification only": the person signs for
    /// themself, not for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<Name>,
}

/// An organisation that signs, typically a sign-on letter.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// The organisation's name.
    pub name: Name,
    /// Where it is based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Country>,
    /// How to reach the person who signed it on; never part of a public view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Email>,
}

/// Who signed: a person or an organisation. In JSON `{"person": {…}}` or
/// `{"organization": {…}}`.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Signer {
    /// An individual.
    Person(Person),
    /// An organisation.
    Organization(Organization),
}

impl Signer {
    /// The signer's name.
    pub fn name(&self) -> &Name {
        match self {
            Self::Person(p) => &p.name,
            Self::Organization(o) => &o.name,
        }
    }

    /// The signer's country, if given.
    pub fn country(&self) -> Option<Country> {
        match self {
            Self::Person(p) => p.country,
            Self::Organization(o) => o.country,
        }
    }
}

/// What the signer agreed to; both default to no.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// Show my name (and affiliation) in public lists.
    #[serde(default)]
    pub show_name: bool,
    /// The sponsors may contact me.
    #[serde(default)]
    pub contact_me: bool,
}

/// How far a signature has been checked.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verification {
    /// Not checked.
    #[default]
    Unverified,
    /// The signer followed a confirmation link sent to their email.
    EmailConfirmed,
    /// Checked by a person (for a sign-on letter, the organisation confirmed it).
    Verified,
    /// Found to be false; never shown or counted in public.
    Rejected,
}

/// One signature on one petition.
///
/// ```
/// use plenary_petitions::{Signature, Verification};
///
/// let signature: Signature = serde_json::from_str(r#"{
///     "petition": "accessnow/internet-belongs-to-us",
///     "signer": {"person": {"name": "Ana", "email": "ana@example.org", "country": "BR"}},
///     "signed_at": "2012-12-13T15:00:00Z",
///     "consent": {"show_name": true},
///     "origin": "accessnow.org"
/// }"#)?;
/// assert_eq!(signature.verification, Verification::Unverified);
/// assert_eq!(signature.public().map(|p| p.to_string()).as_deref(), Some("Ana (BR)"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The petition signed.
    pub petition: PetitionId,
    /// Who signed.
    pub signer: Signer,
    /// When (RFC 3339).
    pub signed_at: DateTime<Utc>,
    /// What the signer agreed to.
    #[serde(default)]
    pub consent: Consent,
    /// The system the signature came from, such as a campaign site or `"email"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// How far the signature has been checked.
    #[serde(default)]
    pub verification: Verification,
}
