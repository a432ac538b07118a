//! Actors: the states, organisations and people who take part in a policy process.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{
    ActorId, Country, Link, Name, RefPath, Reference, References, Tag, visit_list, visit_option,
};

/// What kind of actor someone is.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActorKind {
    /// A member state of the ITU or the UN, which alone has a vote.
    MemberState,
    /// A regional telecommunication organisation: APT, CEPT, CITEL, RCC, ATU, the Arab Group.
    RegionalTelecomOrganization,
    /// A body of the United Nations system: the ITU, one of its sectors, the General Assembly.
    UnBody,
    /// A company or organisation admitted to an ITU sector as a sector member.
    SectorMember,
    /// A civil-society organisation: an NGO, a digital-rights group, a coalition.
    CivilSociety,
    /// An academic, a university or a research institute.
    Academic,
    /// A company: an operator, a law firm, a consultancy.
    Company,
    /// An industry association or lobby, such as ETNO.
    IndustryAssociation,
    /// A national government body other than the state itself: a parliament's service, a regulator.
    GovernmentAgency,
    /// A newspaper, broadcaster or news site.
    Media,
    /// A person speaking for themselves or in a role.
    Person,
}

impl ActorKind {
    /// Every kind, in declaration order.
    pub const ALL: [ActorKind; 11] = [
        Self::MemberState,
        Self::RegionalTelecomOrganization,
        Self::UnBody,
        Self::SectorMember,
        Self::CivilSociety,
        Self::Academic,
        Self::Company,
        Self::IndustryAssociation,
        Self::GovernmentAgency,
        Self::Media,
        Self::Person,
    ];

    /// The kind in plain words, such as `"regional telecom organization"`.
    pub fn label(self) -> &'static str {
        match self {
            Self::MemberState => "member state",
            Self::RegionalTelecomOrganization => "regional telecom organization",
            Self::UnBody => "UN body",
            Self::SectorMember => "sector member",
            Self::CivilSociety => "civil society",
            Self::Academic => "academic",
            Self::Company => "company",
            Self::IndustryAssociation => "industry association",
            Self::GovernmentAgency => "government agency",
            Self::Media => "media",
            Self::Person => "person",
        }
    }
}

impl ActorKind {
    /// The kind in plain words for a heading over several actors, such as `"UN bodies"`.
    pub fn plural_label(self) -> &'static str {
        match self {
            Self::MemberState => "member states",
            Self::RegionalTelecomOrganization => "regional telecom organizations",
            Self::UnBody => "UN bodies",
            Self::SectorMember => "sector members",
            Self::CivilSociety => "civil-society organizations",
            Self::Academic => "academics",
            Self::Company => "companies",
            Self::IndustryAssociation => "industry associations",
            Self::GovernmentAgency => "government agencies",
            Self::Media => "media",
            Self::Person => "people",
        }
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A state, an organisation or a person that takes part in a policy process.
///
/// Actors are named by [`ActorId`] everywhere else: events name their organisers, resources
/// their authors, petitions their sponsors. Relations between actors are ids too: a person's
/// `affiliation`, an organisation's memberships (`member_of`: a state in a regional group, a
/// company in a sector).
///
/// ```
/// use plenary_core::{Actor, ActorKind, Country};
///
/// let isoc = Actor::new("isoc".parse()?, "Internet Society".parse()?, ActorKind::CivilSociety)
///     .with_acronym("ISOC".parse()?)
///     .with_country(Country::new("US")?);
/// let json = serde_json::to_string(&isoc)?;
/// assert_eq!(
///     json,
///     r#"{"id":"isoc","name":"Internet Society","acronym":"ISOC","kind":"civil_society","country":"US"}"#
/// );
/// assert_eq!(serde_json::from_str::<Actor>(&json)?, isoc);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Actor {
    /// The actor's identifier.
    pub id: ActorId,
    /// The full name, such as `"Center for Democracy & Technology"`.
    pub name: Name,
    /// The short name, such as `"CDT"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<Name>,
    /// What kind of actor this is.
    pub kind: ActorKind,
    /// The country of a state, or where an organisation is based or a person lives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Country>,
    /// The actor's home page or address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    /// For a person, the organisation they work for or speak for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<ActorId>,
    /// For a person, their role there, such as `"Secretary-General"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Name>,
    /// The organisations this actor is a member of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub member_of: Vec<ActorId>,
    /// Free keywords.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
}

impl Actor {
    /// An actor with only its id, name and kind.
    pub fn new(id: ActorId, name: Name, kind: ActorKind) -> Self {
        Self {
            id,
            name,
            acronym: None,
            kind,
            country: None,
            link: None,
            affiliation: None,
            role: None,
            member_of: Vec::new(),
            tags: Vec::new(),
        }
    }

    /// Sets the acronym.
    pub fn with_acronym(mut self, acronym: Name) -> Self {
        self.acronym = Some(acronym);
        self
    }

    /// Sets the country.
    pub fn with_country(mut self, country: Country) -> Self {
        self.country = Some(country);
        self
    }

    /// Sets the link.
    pub fn with_link(mut self, link: Link) -> Self {
        self.link = Some(link);
        self
    }

    /// Sets the affiliation and the role held there.
    pub fn with_affiliation(mut self, affiliation: ActorId, role: Option<Name>) -> Self {
        self.affiliation = Some(affiliation);
        self.role = role;
        self
    }

    /// The acronym when there is one, else the name: what a list shows.
    pub fn short_name(&self) -> &str {
        self.acronym.as_ref().unwrap_or(&self.name).as_str()
    }
}

impl References for Actor {
    /// `affiliation` and `member_of[i]`: the actors this one belongs to.
    fn visit_references<'s>(
        &'s self,
        at: &RefPath<'_>,
        visit: &mut dyn FnMut(&RefPath<'_>, Reference<'s>),
    ) {
        visit_option(at, "affiliation", self.affiliation.as_ref(), visit);
        visit_list(at, "member_of", &self.member_of, visit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cdt() -> Actor {
        Actor::new(
            "cdt".parse().unwrap(),
            "Center for Democracy & Technology".parse().unwrap(),
            ActorKind::CivilSociety,
        )
        .with_acronym("CDT".parse().unwrap())
        .with_country(Country::new("US").unwrap())
        .with_link(Link::parse("https://www.cdt.org/").unwrap())
    }

    #[test]
    fn json_round_trip_with_every_field() {
        let mut person = Actor::new(
            "emily-barabas".parse().unwrap(),
            "Emily Barabas".parse().unwrap(),
            ActorKind::Person,
        )
        .with_affiliation(
            "cdt".parse().unwrap(),
            Some("Policy Analyst".parse().unwrap()),
        );
        person.member_of.push("wtpf-coalition".parse().unwrap());
        person.tags.push("wtpf".parse().unwrap());
        for actor in [cdt(), person] {
            let json = serde_json::to_string(&actor).unwrap();
            assert_eq!(
                serde_json::from_str::<Actor>(&json).unwrap(),
                actor,
                "{json}"
            );
        }
    }

    #[test]
    fn empty_optional_fields_are_omitted() {
        let json = serde_json::to_value(cdt()).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["acronym", "country", "id", "kind", "link", "name"]);
    }

    #[test]
    fn kinds_are_snake_case_strings() {
        for kind in ActorKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(
                json,
                format!("\"{}\"", kind.label().to_lowercase().replace(' ', "_"))
            );
            assert_eq!(serde_json::from_str::<ActorKind>(&json).unwrap(), kind);
        }
        assert!(serde_json::from_str::<ActorKind>(r#""ngo""#).is_err());
    }

    #[test]
    fn bad_values_inside_an_actor_are_reported() {
        for (json, needle) in [
            (
                r#"{"id":"CDT","name":"CDT","kind":"civil_society"}"#,
                "invalid actor id \"CDT\"",
            ),
            (
                r#"{"id":"cdt","name":" ","kind":"civil_society"}"#,
                "invalid name",
            ),
            (
                r#"{"id":"cdt","name":"CDT","kind":"civil_society","country":"XX"}"#,
                "unknown country \"XX\"",
            ),
            (
                r#"{"id":"cdt","name":"CDT","kind":"civil_society","link":"javascript:x"}"#,
                "refused link",
            ),
            (
                r#"{"id":"cdt","name":"CDT","kind":"civil_society","size":3}"#,
                "unknown field `size`",
            ),
            (r#"{"id":"cdt","name":"CDT"}"#, "missing field `kind`"),
        ] {
            let err = serde_json::from_str::<Actor>(json).unwrap_err().to_string();
            assert!(err.contains(needle), "{json}: {err}");
            assert!(err.contains("line 1 column"), "{err}");
        }
    }

    #[test]
    fn short_name_prefers_the_acronym() {
        assert_eq!(cdt().short_name(), "CDT");
        let plain = Actor::new(
            "x".parse().unwrap(),
            "Wiley Rein".parse().unwrap(),
            ActorKind::Company,
        );
        assert_eq!(plain.short_name(), "Wiley Rein");
    }
}
