//! What may be shown in public: counts, and signatures without emails and with names only by
//! consent.
//!
//! These types have no field that can hold an email address, so no public view or export can
//! leak one, whatever the code that fills them does.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use plenary_core::{Country, Name};
use serde::{Deserialize, Serialize};

use crate::{Signature, Signer, Verification};

/// A petition's count in the shape petition sites publish:
/// `{"signature_count": 512000, "signatures_by_country": {"GB": 1200, "unknown": 30}}`.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicCount {
    /// Unique signers.
    pub signature_count: u64,
    /// Unique signers by ISO 3166-1 alpha-2 code; `"unknown"` for those who gave none.
    pub signatures_by_country: BTreeMap<String, u64>,
}

/// Whether a public signature is a person's or an organisation's.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SignerKind {
    /// An individual.
    Person,
    /// An organisation.
    Organization,
}

/// A signature as it may be shown in public: a name only if the signer consented, never an
/// email.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicSignature {
    /// Person or organisation.
    pub kind: SignerKind,
    /// The name, present only when the signer consented to show it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Name>,
    /// A person's affiliation, "for identification only"; present only with the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<Name>,
    /// The signer's country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Country>,
    /// When the signature was made.
    pub signed_at: DateTime<Utc>,
}

impl Signature {
    /// The public view of this signature, or `None` for a signature found to be false.
    pub fn public(&self) -> Option<PublicSignature> {
        if self.verification == Verification::Rejected {
            return None;
        }
        let shown = self.consent.show_name;
        let (kind, affiliation) = match &self.signer {
            Signer::Person(p) => (SignerKind::Person, p.affiliation.clone()),
            Signer::Organization(_) => (SignerKind::Organization, None),
        };
        Some(PublicSignature {
            kind,
            name: shown.then(|| self.signer.name().clone()),
            affiliation: affiliation.filter(|_| shown),
            country: self.signer.country(),
            signed_at: self.signed_at,
        })
    }
}

impl fmt::Display for PublicSignature {
    /// `Ana Lima, Example Institute (for identification only) (BR)`; `(name withheld)` without
    /// consent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.name {
            Some(name) => write!(f, "{name}")?,
            None => f.write_str("(name withheld)")?,
        }
        if let Some(affiliation) = &self.affiliation {
            write!(f, ", {affiliation} (for identification only)")?;
        }
        if let Some(country) = self.country {
            write!(f, " ({})", country.code())?;
        }
        Ok(())
    }
}

/// The signatories of a sign-on letter as published: organisations and individuals listed
/// separately, by name; individuals who did not consent to be named are only counted.
///
/// ```
/// use plenary_petitions::{SignOnList, Signature};
///
/// let signatures: Vec<Signature> = serde_json::from_str(r#"[
///   {"petition": "l", "signer": {"organization": {"name": "CDT", "country": "US"}},
///    "signed_at": "2013-02-20T12:00:00Z", "consent": {"show_name": true}},
///   {"petition": "l", "signer": {"person": {"name": "Ana", "email": "ana@example.org",
///    "affiliation": "Example University"}},
///    "signed_at": "2013-02-21T12:00:00Z", "consent": {"show_name": true}},
///   {"petition": "l", "signer": {"person": {"name": "Bo", "email": "bo@example.org"}},
///    "signed_at": "2013-02-21T13:00:00Z"}
/// ]"#)?;
/// let list = SignOnList::new(&signatures);
/// assert_eq!(list.to_string(),
///     "Organizations:\n  CDT (US)\nIndividuals:\n  Ana, Example University (for identification only)\n  \
///      and 1 more who asked not to be named\n");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignOnList {
    /// Organisations, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organizations: Vec<PublicSignature>,
    /// Named individuals, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub individuals: Vec<PublicSignature>,
    /// Signers who did not consent to be named.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub unnamed: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl SignOnList {
    /// The list of `signatures`, each sorted by name; false signatures are left out.
    pub fn new<'a>(signatures: impl IntoIterator<Item = &'a Signature>) -> Self {
        let mut list = Self::default();
        for public in signatures.into_iter().filter_map(Signature::public) {
            match (&public.name, public.kind) {
                (None, _) => list.unnamed += 1,
                (Some(_), SignerKind::Organization) => list.organizations.push(public),
                (Some(_), SignerKind::Person) => list.individuals.push(public),
            }
        }
        list.organizations.sort_by(|a, b| a.name.cmp(&b.name));
        list.individuals.sort_by(|a, b| a.name.cmp(&b.name));
        list
    }

    /// One list per country code (`"unknown"` for signers without one), in code order.
    pub fn by_country<'a>(
        signatures: impl IntoIterator<Item = &'a Signature>,
    ) -> BTreeMap<String, SignOnList> {
        let mut groups: BTreeMap<String, Vec<&Signature>> = BTreeMap::new();
        for signature in signatures {
            let code = signature
                .signer
                .country()
                .map_or("unknown", |c| c.code())
                .to_owned();
            groups.entry(code).or_default().push(signature);
        }
        groups
            .into_iter()
            .map(|(code, group)| (code, SignOnList::new(group)))
            .collect()
    }
}

impl fmt::Display for SignOnList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.organizations.is_empty() {
            writeln!(f, "Organizations:")?;
            for signature in &self.organizations {
                writeln!(f, "  {signature}")?;
            }
        }
        if !self.individuals.is_empty() || self.unnamed > 0 {
            writeln!(f, "Individuals:")?;
            for signature in &self.individuals {
                writeln!(f, "  {signature}")?;
            }
            if self.unnamed > 0 {
                writeln!(f, "  and {} more who asked not to be named", self.unnamed)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Consent, Email, Organization, Person};

    fn person(name: &str, country: Option<&str>, show_name: bool) -> Signature {
        Signature {
            petition: "p".parse().unwrap(),
            signer: Signer::Person(Person {
                name: Name::new(name).unwrap(),
                email: Email::new("secret.person@example.org").unwrap(),
                country: country.map(|c| c.parse().unwrap()),
                affiliation: Some(Name::new("Example Org").unwrap()),
            }),
            signed_at: "2013-02-21T10:00:00Z".parse().unwrap(),
            consent: Consent {
                show_name,
                contact_me: true,
            },
            origin: None,
            verification: Verification::Unverified,
        }
    }

    #[test]
    fn no_public_json_holds_an_email_or_an_unconsented_name() {
        let mut org = person("x", Some("US"), true);
        org.signer = Signer::Organization(Organization {
            name: Name::new("Center for Democracy & Technology").unwrap(),
            country: Some("US".parse().unwrap()),
            contact: Some(Email::new("secret.contact@example.org").unwrap()),
        });
        let signatures = vec![
            person("Ana Shown", Some("BR"), true),
            person("Bo Hidden", Some("BR"), false),
            person("Cy Hidden", None, false),
            org,
        ];
        let list = SignOnList::new(&signatures);
        let by_country = SignOnList::by_country(&signatures);
        let publics: Vec<_> = signatures.iter().filter_map(Signature::public).collect();
        for json in [
            serde_json::to_string(&list).unwrap(),
            serde_json::to_string(&by_country).unwrap(),
            serde_json::to_string(&publics).unwrap(),
            list.to_string(),
        ] {
            assert!(!json.contains("secret"), "{json}");
            assert!(!json.contains('@'), "{json}");
            assert!(!json.contains("Hidden"), "{json}");
            assert!(json.contains("Ana Shown"), "{json}");
        }
        assert_eq!(list.unnamed, 2);
        assert_eq!(list.organizations.len(), 1);
        assert_eq!(by_country["BR"].unnamed, 1);
        assert_eq!(by_country["unknown"].unnamed, 1);
        assert_eq!(by_country["US"].organizations.len(), 1);
    }

    #[test]
    fn rejected_signatures_are_not_shown() {
        let mut signature = person("Ana", None, true);
        signature.verification = Verification::Rejected;
        assert_eq!(signature.public(), None);
        assert_eq!(SignOnList::new([&signature]), SignOnList::default());
    }

    #[test]
    fn affiliation_is_for_identification_only_and_needs_consent() {
        let shown = person("Ana", Some("BR"), true).public().unwrap();
        assert_eq!(
            shown.to_string(),
            "Ana, Example Org (for identification only) (BR)"
        );
        let hidden = person("Ana", Some("BR"), false).public().unwrap();
        assert_eq!((hidden.name, hidden.affiliation), (None, None));
    }
}
