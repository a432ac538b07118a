//! The datasets embedded in the crate.
//!
//! The WCIT-12 story is built from the source pages the project started from: the Internet
//! Society's calendar of regional preparatory meetings, its WCIT page, the civil-society resource
//! bank, the ITU and press pages on the conference itself, and CDT's post on the WTPF-13
//! sign-on letter. So far the embedded data holds the story's actors and places; its events,
//! resources, documents and petitions arrive with their crates.

use std::collections::BTreeMap;

use plenary_core::{Actor, Place};

const WCIT12_ACTORS: &str = include_str!("../data/wcit12/actors.json");
const WCIT12_PLACES: &str = include_str!("../data/wcit12/places.json");

/// The states, organisations and people of the WCIT-12 story, in the order the story meets them.
///
/// ```
/// let actors = plenary::datasets::wcit12_actors();
/// assert!(actors.iter().any(|a| a.short_name() == "ISOC"));
/// ```
pub fn wcit12_actors() -> Vec<Actor> {
    serde_json::from_str(WCIT12_ACTORS)
        .expect("data/wcit12/actors.json is valid: the crate's tests load it")
}

/// The places where the WCIT-12 story happens, keyed by a short name such as `"dubai"`.
///
/// ```
/// let places = plenary::datasets::wcit12_places();
/// assert_eq!(places["kiev"].to_string(), "Kiev, Ukraine");
/// ```
pub fn wcit12_places() -> BTreeMap<String, Place> {
    serde_json::from_str(WCIT12_PLACES)
        .expect("data/wcit12/places.json is valid: the crate's tests load it")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use plenary_core::ActorKind;

    use super::*;

    #[test]
    fn actor_ids_are_unique_and_every_reference_resolves() {
        let actors = wcit12_actors();
        let ids: BTreeSet<&str> = actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), actors.len(), "duplicate actor ids");
        for actor in &actors {
            for target in actor.affiliation.iter().chain(&actor.member_of) {
                assert!(
                    ids.contains(target.as_str()),
                    "{} names missing actor {target}",
                    actor.id
                );
            }
        }
    }

    #[test]
    fn the_seed_actors_are_there_with_their_kinds() {
        let actors = wcit12_actors();
        let kind_of = |acronym: &str| {
            actors
                .iter()
                .find(|a| a.short_name() == acronym)
                .map(|a| a.kind)
        };
        for acronym in ["APT", "CEPT", "CITEL", "RCC", "ATU"] {
            assert_eq!(
                kind_of(acronym),
                Some(ActorKind::RegionalTelecomOrganization)
            );
        }
        assert_eq!(kind_of("ITU"), Some(ActorKind::UnBody));
        assert_eq!(kind_of("ISOC"), Some(ActorKind::CivilSociety));
        assert_eq!(kind_of("CDT"), Some(ActorKind::CivilSociety));
        assert_eq!(kind_of("ETNO"), Some(ActorKind::IndustryAssociation));
        assert_eq!(kind_of("CRS"), Some(ActorKind::GovernmentAgency));
        assert_eq!(kind_of("Access Now"), Some(ActorKind::CivilSociety));
        assert_eq!(
            kind_of("La Quadrature du Net"),
            Some(ActorKind::CivilSociety)
        );
    }

    #[test]
    fn the_meeting_places_of_the_seed_calendar() {
        let places = wcit12_places();
        for (key, text) in [
            ("bangkok", "Bangkok, Thailand"),
            ("copenhagen", "Copenhagen, Denmark"),
            ("el-salvador", "El Salvador"),
            ("kiev", "Kiev, Ukraine"),
            ("accra", "Accra, Ghana"),
            ("geneva", "Geneva, Switzerland"),
            (
                "dubai",
                "Dubai World Trade Center, Dubai, The United Arab Emirates",
            ),
        ] {
            assert_eq!(places[key].to_string(), text);
            assert!(places[key].time_zone.is_some(), "{key} has no time zone");
        }
    }
}
