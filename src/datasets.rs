//! The datasets embedded in the crate.
//!
//! The WCIT-12 story is built from the source pages the project started from: the Internet
//! Society's calendar of regional preparatory meetings, its WCIT page, the civil-society resource
//! bank, the ITU and press pages on the conference itself, and CDT's post on the WTPF-13
//! sign-on letter. [`wcit12`] gives it all as one validated [`Dataset`] with each item's source;
//! the other functions give one part each.

use std::collections::BTreeMap;

use plenary_core::{Actor, Place, SourceId};

use crate::{Dataset, Source};
use plenary_events::Event;

const WCIT12_ACTORS: &str = include_str!("../data/wcit12/actors.json");
const WCIT12_PLACES: &str = include_str!("../data/wcit12/places.json");
const WCIT12_EVENTS: &str = include_str!("../data/wcit12/events.json");
const WCIT12_PETITIONS: &str = include_str!("../data/wcit12/petitions.json");
const WCIT12_RESOURCES: &str = include_str!("../data/wcit12/resources.json");
const WCIT12_SOURCES: &str = include_str!("../data/wcit12/sources.json");

/// The states, organisations and people of the WCIT-12 story, in the order the story meets them.
///
/// ```
/// let actors = plenary::datasets::wcit12_actors();
/// assert!(actors.iter().any(|a| a.short_name() == "ISOC"));
/// ```
///
/// # Panics
///
/// Never for a published crate: the data is embedded at build time and the crate's tests read
/// all of it; a panic here would mean the embedded files were edited without running them.
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
///
/// # Panics
///
/// Never for a published crate: the data is embedded at build time and the crate's tests read
/// all of it; a panic here would mean the embedded files were edited without running them.
pub fn wcit12_places() -> BTreeMap<String, Place> {
    serde_json::from_str(WCIT12_PLACES)
        .expect("data/wcit12/places.json is valid: the crate's tests load it")
}

/// The meetings, conferences and deadlines of the WCIT-12 story: the regional preparatory
/// meetings of the Internet Society's calendar, WTSA-12 and its Thursday plenary, WCIT-12 itself,
/// WSIS+10, WTPF-13 and the 2014 Plenipotentiary Conference, in the order the file lists them.
///
/// ```
/// let events = plenary::datasets::wcit12_events();
/// let rcc = events.iter().find(|e| e.id == "wcit-12/prep-rcc").expect("RCC is in the calendar");
/// assert_eq!(rcc.when.map(|w| w.to_string()).as_deref(), Some("2012-09-14/"));
/// ```
///
/// # Panics
///
/// Never for a published crate: the data is embedded at build time and the crate's tests read
/// all of it; a panic here would mean the embedded files were edited without running them.
pub fn wcit12_events() -> Vec<Event> {
    serde_json::from_str(WCIT12_EVENTS)
        .expect("data/wcit12/events.json is valid: the crate's tests load it")
}

/// The petitions of the WCIT-12 story: Access Now's "Tell the ITU: The internet belongs to us!",
/// which passed 500,000 signatures during a night session in Dubai, and the civil-society
/// sign-on letter to the ITU Secretary-General on WTPF-13.
///
/// ```
/// use plenary::petitions::PetitionKind;
///
/// let petitions = plenary::datasets::wcit12_petitions();
/// assert_eq!(petitions[0].title.as_str(), "Tell the ITU: The internet belongs to us!");
/// assert_eq!(petitions[1].kind, PetitionKind::SignOnLetter);
/// ```
///
/// # Panics
///
/// Never for a published crate: the data is embedded at build time and the crate's tests read
/// all of it; a panic here would mean the embedded files were edited without running them.
pub fn wcit12_petitions() -> Vec<plenary_petitions::Petition> {
    serde_json::from_str(WCIT12_PETITIONS)
        .expect("data/wcit12/petitions.json is valid: the crate's tests load it")
}

/// The civil-society resource bank of the WCIT-12 story: all 26 entries of the seed listing,
/// its "Policy Analyses" and "Advocacy Resources" sections, with their authors as actor ids
/// where they are organisations or people of [`wcit12_actors`] (and `"Various"` otherwise).
///
/// ```
/// use plenary::resources::{Query, ResourceBank};
///
/// let bank = ResourceBank::from_resources(
///     plenary::datasets::wcit12_actors(),
///     plenary::datasets::wcit12_resources(),
/// )?;
/// let hits = bank.search(&Query::new("net neutrality"));
/// assert_eq!(hits[0].resource.title, "Dominant Telcos Try to End Net Neutrality Through ITU");
/// # Ok::<(), plenary::resources::Error>(())
/// ```
///
/// # Panics
///
/// Never for a published crate: the data is embedded at build time and the crate's tests read
/// all of it; a panic here would mean the embedded files were edited without running them.
pub fn wcit12_resources() -> Vec<plenary_resources::Resource> {
    serde_json::from_str(WCIT12_RESOURCES)
        .expect("data/wcit12/resources.json is valid: the crate's tests load it")
}

/// The treaty texts of the WCIT-12 story as plain text in ITU layout, keyed by document id: the
/// two WCIT-12 draft resolutions whose texts the seeds quote, and the four documents that the
/// WTSA-12 Thursday plenary approved (their titles only, as the agenda gives them).
const WCIT12_DOCUMENTS: [(&str, &str); 6] = [
    (
        "wcit-12/dnr-traffic-termination-rev",
        include_str!("../data/wcit12/documents/wcit-12-dnr-traffic-termination-rev.txt"),
    ),
    (
        "wcit-12/add-b2-49-1",
        include_str!("../data/wcit12/documents/wcit-12-add-b2-49-1.txt"),
    ),
    (
        "wtsa-12/res-1",
        include_str!("../data/wcit12/documents/wtsa-12-res-1.txt"),
    ),
    (
        "wtsa-12/dnr-b-1",
        include_str!("../data/wcit12/documents/wtsa-12-dnr-b-1.txt"),
    ),
    (
        "wtsa-12/dnr-can-1",
        include_str!("../data/wcit12/documents/wtsa-12-dnr-can-1.txt"),
    ),
    (
        "itu-t/rec-a.5",
        include_str!("../data/wcit12/documents/itu-t-rec-a.5.txt"),
    ),
];

/// The treaty texts of the WCIT-12 story, parsed: the revised draft resolution on international
/// telecommunication service traffic termination and exchange, the draft resolution `ADD
/// B2/49/1` on landlocked developing countries and small island developing states, and
/// Resolution 1, Draft New Resolutions [B-1] and [CAN-1] and Recommendation ITU-T A.5, which
/// the WTSA-12 Thursday plenary (`wtsa-12/plenary-thursday` in [`wcit12_events`]) approved.
///
/// ```
/// use plenary::treaty::CrossReferenceKind;
///
/// let documents = plenary::datasets::wcit12_documents();
/// let b2 = documents.iter().find(|d| d.id.as_ref().is_some_and(|id| id == "wcit-12/add-b2-49-1")).expect("ADD B2/49/1");
/// assert_eq!(b2.references[0].kind, CrossReferenceKind::UnResolution);
/// assert_eq!(b2.references[0].number.as_deref(), Some("65/172"));
/// ```
///
/// # Panics
///
/// Never for a published crate: the data is embedded at build time and the crate's tests read
/// all of it; a panic here would mean the embedded files were edited without running them.
pub fn wcit12_documents() -> Vec<plenary_treaty::Document> {
    WCIT12_DOCUMENTS
        .iter()
        .map(|(id, text)| {
            let mut document = plenary_treaty::parse(text);
            document.id =
                Some(plenary_core::DocumentId::new(*id).expect(
                    "the embedded document ids are valid slugs: the crate's tests load them",
                ));
            document
        })
        .collect()
}

/// The whole WCIT-12 story as one [`Dataset`]: every actor, event, resource, document and
/// petition above, with the seed pages they came from as [`Source`]s and each item's provenance.
///
/// ```
/// let dataset = plenary::datasets::wcit12();
/// assert!(dataset.validate().is_ok());
/// let rcc: plenary::RecordKey = "events/wcit-12/prep-rcc".parse()?;
/// assert_eq!(dataset.sources_of(&rcc)[0].as_str(), "seed/isoc-wcit-calendar");
/// # Ok::<(), plenary::core::Error>(())
/// ```
///
/// # Panics
///
/// Never for a published crate: the data is embedded at build time and the crate's tests read
/// all of it; a panic here would mean the embedded files were edited without running them.
pub fn wcit12() -> Dataset {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Sources {
        sources: Vec<Source>,
        provenance: BTreeMap<crate::RecordKey, Vec<SourceId>>,
    }
    let Sources {
        sources,
        provenance,
    } = serde_json::from_str(WCIT12_SOURCES)
        .expect("data/wcit12/sources.json is valid: the crate's tests load it");
    Dataset {
        schema_version: crate::SCHEMA_VERSION,
        sources,
        provenance,
        actors: wcit12_actors(),
        events: wcit12_events(),
        resources: wcit12_resources(),
        documents: wcit12_documents(),
        petitions: wcit12_petitions(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use plenary_core::ActorKind;

    use super::*;

    #[test]
    fn the_whole_story_holds_together() {
        let dataset = wcit12();
        if let Err(problems) = dataset.validate() {
            panic!("{problems}");
        }
        let items = dataset.actors.len()
            + dataset.events.len()
            + dataset.resources.len()
            + dataset.documents.len()
            + dataset.petitions.len();
        assert_eq!(
            dataset.provenance.len(),
            items,
            "every item records where it came from"
        );
        let back = Dataset::from_json(&dataset.to_json()).unwrap();
        assert_eq!(back, dataset);
    }

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

    fn event<'a>(events: &'a [Event], id: &str) -> &'a Event {
        events
            .iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("no event {id}"))
    }

    #[test]
    fn event_ids_are_unique_and_every_organiser_and_parent_resolves() {
        let events = wcit12_events();
        let calendar = plenary_events::Calendar::new(events.clone()).unwrap();
        assert_eq!(calendar.len(), events.len());
        let actors: BTreeSet<String> = wcit12_actors()
            .into_iter()
            .map(|a| a.id.into_string())
            .collect();
        for e in &events {
            for organiser in &e.organisers {
                assert!(
                    actors.contains(organiser.as_str()),
                    "{}: no actor {organiser}",
                    e.id
                );
            }
            if let Some(parent) = &e.parent {
                assert!(
                    calendar.get(parent.as_str()).is_some(),
                    "{}: no parent {parent}",
                    e.id
                );
            }
        }
    }

    #[test]
    fn every_place_is_one_of_the_story_places() {
        let places = wcit12_places();
        for e in wcit12_events() {
            if let Some(place) = &e.place {
                assert!(
                    places.values().any(|p| p == place),
                    "{}: {place} is not in places.json",
                    e.id
                );
            }
        }
    }

    #[test]
    fn the_seed_calendar_is_all_there() {
        let events = wcit12_events();
        let places = wcit12_places();
        // Seed 000, the Internet Society's calendar, with each date as the seed writes it.
        for (id, phrase, organiser, place) in [
            ("wcit-12/prep-apt", "August 6-8", "apt", Some("bangkok")),
            (
                "wcit-12/prep-cept",
                "September 10-14",
                "cept",
                Some("copenhagen"),
            ),
            (
                "wcit-12/prep-citel",
                "September 11-14",
                "citel",
                Some("el-salvador"),
            ),
            ("wcit-12/prep-rcc", "September 14-?", "rcc", Some("kiev")),
            (
                "wcit-12/prep-atu",
                "September 25 & 26",
                "atu",
                Some("accra"),
            ),
            ("wcit-12/cpm", "October 8-9", "itu", Some("geneva")),
            ("wtsa-12", "November 20-29", "itu-t", Some("dubai")),
            ("wcit-12", "December 3-14", "itu", Some("dubai")),
            // The other seeds.
            ("wsis-10", "25-27 Feb 13", "", None),
            ("wtpf-13", "14-16 May 2013", "itu", Some("geneva")),
            ("pp-14", "2014", "itu", None),
        ] {
            let e = event(&events, id);
            let when = plenary_events::parse_date_phrase(phrase, Some(2012)).unwrap();
            assert_eq!(e.when, Some(when), "{id}");
            if !organiser.is_empty() {
                assert!(e.organisers.iter().any(|o| o == organiser), "{id}");
            }
            assert_eq!(e.place.as_ref(), place.map(|p| &places[p]), "{id}");
        }
        let arab = event(&events, "wcit-12/prep-arab");
        assert_eq!(
            (arab.when, arab.organisers[0].as_str()),
            (None, "arab-group")
        );

        let due = |id: &str| {
            event(&events, id)
                .deadlines
                .iter()
                .map(|d| format!("{d}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(due("wtsa-12"), ["contributions due by 2012-09-20"]);
        assert_eq!(due("wcit-12"), ["contributions due by 2012-11-03"]);

        let plenary = event(&events, "wtsa-12/plenary-thursday");
        assert_eq!(plenary.parent.as_ref().map(|p| p.as_str()), Some("wtsa-12"));
        assert_eq!(plenary.agenda.len(), 2);
        assert_eq!(plenary.agenda[1].documents.len(), 4);
    }

    #[test]
    fn every_actor_a_petition_names_resolves() {
        let actors = wcit12_actors();
        let ids: BTreeSet<&str> = actors.iter().map(|a| a.id.as_str()).collect();
        let petitions = wcit12_petitions();
        assert_eq!(petitions.len(), 2);
        for petition in &petitions {
            for id in petition.actor_ids() {
                assert!(
                    ids.contains(id.as_str()),
                    "{} names missing actor {id}",
                    petition.id
                );
            }
        }
    }

    #[test]
    fn the_seed_petitions() {
        use plenary_petitions::{PetitionKind, Target};

        let petitions = wcit12_petitions();
        let access = &petitions[0];
        assert_eq!(access.sponsors, ["accessnow"]);
        assert_eq!(access.kind, PetitionKind::Petition);
        assert!(
            access
                .targets
                .contains(&Target::Actor("itu".parse().unwrap()))
        );
        assert!(
            access
                .text
                .text
                .contains("The internet belongs to all of us")
        );
        let milestone = &access.milestones[0];
        assert_eq!(milestone.threshold, 500_000);
        assert_eq!(
            milestone.reached_within.map(|w| w.to_string()).as_deref(),
            Some("2012-12-03/2012-12-14")
        );

        let letter = &petitions[1];
        assert_eq!(letter.kind, PetitionKind::SignOnLetter);
        assert_eq!(letter.supporters, ["cdt"]);
        assert_eq!(letter.reported_counts[0].count, 20);
        assert_eq!(letter.reported_counts[0].unit, "organizations");
        assert_eq!(
            letter.contact.as_ref().map(|c| c.as_str()),
            Some("mailto:WTPFsignon@gmail.com")
        );
    }

    #[test]
    fn the_resource_bank_is_the_seed_listing_with_resolved_authors() {
        let resources = wcit12_resources();
        assert_eq!(resources.len(), 26);
        let actors = wcit12_actors();
        let actor_ids: BTreeSet<&str> = actors.iter().map(|a| a.id.as_str()).collect();
        let ids: BTreeSet<&str> = resources.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), resources.len(), "duplicate resource ids");
        let events: BTreeSet<String> = wcit12_events()
            .into_iter()
            .map(|e| e.id.into_string())
            .collect();
        let petitions: BTreeSet<String> = wcit12_petitions()
            .into_iter()
            .map(|p| p.id.into_string())
            .collect();
        for r in &resources {
            for author in &r.authors {
                match author {
                    plenary_resources::Author::Actor(id) => {
                        assert!(actor_ids.contains(id.as_str()), "{}: no actor {id}", r.id)
                    }
                    plenary_resources::Author::Name(name) => {
                        assert_eq!(name.as_str(), "Various", "{}", r.id)
                    }
                }
            }
            for event in &r.related_events {
                assert!(
                    events.contains(event.as_str()),
                    "{}: no event {event}",
                    r.id
                );
            }
            for petition in &r.related_petitions {
                assert!(
                    petitions.contains(petition.as_str()),
                    "{}: no petition {petition}",
                    r.id
                );
            }
        }

        // The embedded bank is the seed listing as the importer reads it, checked by hand.
        let listing = include_str!("../tests/fixtures/resource-bank-listing.txt");
        let import = plenary_resources::import_listing(
            listing,
            &plenary_resources::ListingOptions {
                actors: &actors,
                ..Default::default()
            },
        );
        assert_eq!(import.resources.len(), resources.len());
        for (imported, embedded) in import.resources.iter().zip(&resources) {
            assert_eq!(imported.title, embedded.title);
            assert_eq!(imported.authors, embedded.authors, "{}", embedded.id);
            assert_eq!(
                imported.description, embedded.description,
                "{}",
                embedded.id
            );
            assert_eq!(imported.section, embedded.section, "{}", embedded.id);
            assert_eq!(imported.kind, embedded.kind, "{}", embedded.id);
        }
        let by_section = |s: &str| {
            resources
                .iter()
                .filter(|r| r.section.as_ref().is_some_and(|x| x == s))
                .count()
        };
        assert_eq!(
            (
                by_section("Policy Analyses"),
                by_section("Advocacy Resources")
            ),
            (19, 7)
        );
        for (id, actor) in [
            ("accessnow/talking-points", "accessnow"),
            ("cdt/security-proposals", "cdt"),
            ("isoc/itrs-background", "isoc"),
            ("laquadrature/etno-net-neutrality", "laquadrature"),
            ("analysys-mason/internet-global-growth", "analysys-mason"),
            ("wiley-rein/brewing-storm", "wiley-rein"),
        ] {
            let r = resources
                .iter()
                .find(|r| r.id == id)
                .unwrap_or_else(|| panic!("no resource {id}"));
            assert_eq!(
                r.authors,
                [plenary_resources::Author::Actor(actor.parse().unwrap())]
            );
        }
    }

    #[test]
    fn the_treaty_texts_parse_whole_and_the_plenary_agenda_cites_them() {
        use plenary_treaty::{CrossReferenceKind, DocumentKind, MarkAction, RevisionStatus};

        let documents = wcit12_documents();
        let by_id = |id: &str| {
            documents
                .iter()
                .find(|d| d.id.as_ref().is_some_and(|d| d == id))
                .unwrap_or_else(|| panic!("no document {id}"))
        };
        for document in &documents {
            assert!(
                document.unplaced.is_empty(),
                "{:?}: {:?}",
                document.id,
                document.unplaced
            );
        }
        let revised = by_id("wcit-12/dnr-traffic-termination-rev");
        assert_eq!(revised.kind, Some(DocumentKind::DraftNewResolution));
        assert_eq!(
            revised.revised.as_ref().map(|r| r.status),
            Some(RevisionStatus::RevisedDraft)
        );
        assert_eq!(revised.preamble.len(), 2);
        assert_eq!(revised.references[0].kind, CrossReferenceKind::StudyGroup);

        let b2 = by_id("wcit-12/add-b2-49-1");
        assert_eq!(b2.mark.as_ref().map(|m| m.action), Some(MarkAction::Add));
        assert_eq!(b2.preamble[0].clauses.len(), 4);
        assert_eq!(
            b2.references[1].text,
            "Resolution 30 (Rev. Guadalajara, 2010)"
        );

        for (id, kind, title) in [
            (
                "wtsa-12/res-1",
                DocumentKind::Resolution,
                "Rules of procedure of the ITU Telecommunication Standardization Sector (ITU-T)",
            ),
            (
                "wtsa-12/dnr-b-1",
                DocumentKind::DraftNewResolution,
                "Acknowledging the active involvement of the membership in the development of ITU-T deliverables",
            ),
            (
                "wtsa-12/dnr-can-1",
                DocumentKind::DraftNewResolution,
                "Strengthening Collaboration",
            ),
            (
                "itu-t/rec-a.5",
                DocumentKind::Recommendation,
                "Generic procedures for including references to documents of other organizations in ITU\u{2011}T Recommendations",
            ),
        ] {
            let document = by_id(id);
            assert_eq!(
                (document.kind, document.title.as_ref().map(|t| t.as_str())),
                (Some(kind), Some(title)),
                "{id}"
            );
        }

        // The Thursday plenary approves exactly these four documents.
        let events = wcit12_events();
        let plenary = event(&events, "wtsa-12/plenary-thursday");
        let approved: Vec<&str> = plenary.agenda[1]
            .documents
            .iter()
            .map(|d| d.as_str())
            .collect();
        assert_eq!(
            approved,
            [
                "wtsa-12/res-1",
                "wtsa-12/dnr-b-1",
                "wtsa-12/dnr-can-1",
                "itu-t/rec-a.5"
            ]
        );
        for id in approved {
            by_id(id);
        }
    }
}
