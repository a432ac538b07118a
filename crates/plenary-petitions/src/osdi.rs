//! Export to the Open Supporter Data Interface (OSDI) petition and signature JSON.
//!
//! OSDI is the JSON exchange format of progressive campaign tools (Action Network and others).
//! The export is public: an OSDI signature here never carries the `email_addresses` a private
//! OSDI person would, and carries a name only with the signer's consent.

use chrono::{DateTime, Utc};
use serde::Serialize;

use plenary_core::Name;

use crate::{Petition, PublicCount, Signature, Target};

/// An OSDI `osdi:petition` resource.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OsdiPetition {
    /// `["plenary:<petition id>"]`.
    pub identifiers: Vec<String>,
    /// Always `"plenary"`.
    pub origin_system: String,
    /// The title.
    pub title: Name,
    /// The text people sign.
    pub petition_text: String,
    /// The demands, as the description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whom the petition addresses, by actor id or group name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub target: Vec<OsdiTarget>,
    /// Unique signers, when a count is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_signatures: Option<u64>,
    /// The first link, where people sign.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub browser_url: Option<String>,
}

/// An OSDI petition target.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OsdiTarget {
    /// The target's name (an actor id where the target is an actor of the dataset).
    pub name: String,
}

/// An OSDI `osdi:signature` resource, public form.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OsdiSignature {
    /// `["plenary:<petition id>"]`: the petition signed.
    pub identifiers: Vec<String>,
    /// When the signature was made.
    pub created_date: DateTime<Utc>,
    /// The system it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin_system: Option<String>,
    /// The signer, without any contact data.
    pub person: OsdiPerson,
}

/// The public part of an OSDI person: a name only with consent, a country, never an email.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OsdiPerson {
    /// Everything of the name but its last word (OSDI splits names; plenary does not).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// The last word of the name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    /// The organisation, for an organisation's signature.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employer: Option<String>,
    /// `[{"country": "GB"}]` when a country is known.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub postal_addresses: Vec<OsdiAddress>,
}

/// An OSDI postal address holding only a country.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OsdiAddress {
    /// The ISO 3166-1 alpha-2 code.
    pub country: String,
}

impl Petition {
    /// The petition as an OSDI petition, with the count of a tally if there is one.
    pub fn to_osdi(&self, count: Option<&PublicCount>) -> OsdiPetition {
        OsdiPetition {
            identifiers: vec![format!("plenary:{}", self.id)],
            origin_system: "plenary".into(),
            title: self.title.clone(),
            petition_text: self.text.text.clone(),
            description: (!self.demands.is_empty()).then(|| self.demands.join("\n")),
            target: self
                .targets
                .iter()
                .map(|t| OsdiTarget {
                    name: match t {
                        Target::Actor(id) => id.to_string(),
                        Target::Group(name) => name.to_string(),
                    },
                })
                .collect(),
            total_signatures: count.map(|c| c.signature_count),
            browser_url: self.links.first().map(|l| l.as_str().to_owned()),
        }
    }
}

impl Signature {
    /// The signature as a public OSDI signature, or `None` for a signature found to be false.
    pub fn to_osdi(&self) -> Option<OsdiSignature> {
        let public = self.public()?;
        let name = public.name.as_ref().map(|n| n.as_str());
        let (given_name, family_name, employer) = match (public.kind, name) {
            (_, None) => (None, None, None),
            (crate::SignerKind::Organization, Some(name)) => (None, None, Some(name.to_owned())),
            (_, Some(name)) => match name.rsplit_once(' ') {
                Some((given, family)) => (Some(given.to_owned()), Some(family.to_owned()), None),
                None => (None, Some(name.to_owned()), None),
            },
        };
        Some(OsdiSignature {
            identifiers: vec![format!("plenary:{}", self.petition)],
            created_date: self.signed_at,
            origin_system: self
                .origin
                .as_deref()
                .filter(|o| is_system_name(o))
                .map(str::to_owned),
            person: OsdiPerson {
                given_name,
                family_name,
                employer,
                postal_addresses: public
                    .country
                    .map(|c| OsdiAddress {
                        country: c.code().to_owned(),
                    })
                    .into_iter()
                    .collect(),
            },
        })
    }
}

/// Whether `origin` looks like the name of a system (`accessnow.org`, `email`, `avaaz`), the
/// only kind of origin a public export carries: `Signature::origin` is free text, and free text
/// can hold an address or a name the signer did not agree to show.
fn is_system_name(origin: &str) -> bool {
    let mut chars = origin.chars();
    origin.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_system_names_reach_the_public_origin() {
        let mut signature: Signature = serde_json::from_str(
            r#"{"petition": "p", "signer": {"person": {"name": "Ana",
                "email": "ana@example.org"}}, "signed_at": "2012-12-13T15:00:00Z"}"#,
        )
        .unwrap();
        for (origin, public) in [
            ("accessnow.org", Some("accessnow.org")),
            ("email", Some("email")),
            ("forwarded by ana@example.org", None),
            ("ana@example.org", None),
            ("Ana Maria Lima", None),
        ] {
            signature.origin = Some(origin.to_owned());
            let osdi = signature.to_osdi().unwrap();
            assert_eq!(osdi.origin_system.as_deref(), public, "{origin}");
            assert!(
                !serde_json::to_string(&osdi).unwrap().contains('@'),
                "{origin}"
            );
        }
    }

    #[test]
    fn osdi_signature_has_no_email_and_names_only_with_consent() {
        let mut signature: Signature = serde_json::from_str(
            r#"{"petition": "p", "signer": {"person": {"name": "Ana Maria Lima",
                "email": "ana@example.org", "country": "BR"}},
                "signed_at": "2012-12-13T15:00:00Z", "consent": {"show_name": true}}"#,
        )
        .unwrap();
        let json = serde_json::to_value(signature.to_osdi().unwrap()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "identifiers": ["plenary:p"],
                "created_date": "2012-12-13T15:00:00Z",
                "person": {"given_name": "Ana Maria", "family_name": "Lima",
                           "postal_addresses": [{"country": "BR"}]}
            })
        );
        signature.consent.show_name = false;
        let json = serde_json::to_string(&signature.to_osdi().unwrap()).unwrap();
        assert!(!json.contains("Ana") && !json.contains('@'), "{json}");
    }

    #[test]
    fn osdi_petition() {
        let petition: Petition = serde_json::from_str(
            r#"{"id": "p", "kind": "petition", "title": "Tell the ITU",
                "text": {"lang": "en", "text": "The internet belongs to us."},
                "targets": [{"actor": "itu"}, {"group": "ITU member states"}],
                "status": "closed", "links": ["https://www.accessnow.org/"]}"#,
        )
        .unwrap();
        let count = PublicCount {
            signature_count: 3,
            signatures_by_country: Default::default(),
        };
        let json = serde_json::to_value(petition.to_osdi(Some(&count))).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "identifiers": ["plenary:p"], "origin_system": "plenary",
                "title": "Tell the ITU", "petition_text": "The internet belongs to us.",
                "target": [{"name": "itu"}, {"name": "ITU member states"}],
                "total_signatures": 3, "browser_url": "https://www.accessnow.org/"
            })
        );
    }
}
