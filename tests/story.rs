//! The crates together over the embedded WCIT-12 story: what one part names, another can use.

use plenary::core::chrono::{TimeZone, Utc};
use plenary::resources::{Author, Query, ResourceBank};

#[test]
fn every_document_an_agenda_cites_is_parsed_cleanly_and_exports_to_akoma_ntoso() {
    let story = plenary::datasets::wcit12();
    let cited: Vec<_> = story
        .events
        .iter()
        .flat_map(|e| &e.agenda)
        .flat_map(|item| &item.documents)
        .collect();
    assert_eq!(
        cited.len(),
        6,
        "the WTSA-12 Thursday plenary's four texts and WCIT-12's two"
    );
    for id in cited {
        let document = story
            .documents
            .iter()
            .find(|d| d.id.as_ref() == Some(id))
            .unwrap_or_else(|| panic!("{id} is cited but missing"));
        assert!(
            document.unplaced.is_empty(),
            "{id}: {:?}",
            document.unplaced
        );
        let xml = plenary::treaty::to_akn(document).unwrap();
        assert!(xml.contains("<akomaNtoso"), "{id}");
    }
}

#[test]
fn the_petition_in_the_bank_is_the_petition_in_the_dataset() {
    let story = plenary::datasets::wcit12();
    let resource = story
        .resources
        .iter()
        .find(|r| !r.related_petitions.is_empty())
        .expect("the bank links Access Now's petition");
    let petition = story
        .petitions
        .iter()
        .find(|p| p.id == resource.related_petitions[0])
        .expect("the linked petition is in the dataset");
    assert_eq!(resource.title.as_str(), petition.title.as_str());
    let Author::Actor(author) = &resource.authors[0] else {
        panic!("an actor wrote it")
    };
    assert!(
        petition.sponsors.contains(author),
        "the bank's author launched the petition"
    );
    assert!(petition.milestones.iter().any(|m| m.threshold == 500_000));
}

#[test]
fn the_calendar_exports_every_dated_event_and_deadline() {
    let story = plenary::datasets::wcit12();
    let stamp = Utc.with_ymd_and_hms(2012, 11, 1, 0, 0, 0).unwrap();
    let export = plenary::events::to_ics(&story.events, stamp);
    let dated = story.events.iter().filter(|e| e.when.is_some()).count();
    let deadlines: usize = story
        .events
        .iter()
        .filter(|e| e.when.is_some())
        .map(|e| e.deadlines.len())
        .sum();
    assert_eq!(
        export.text.matches("BEGIN:VEVENT").count(),
        dated + deadlines
    );
    assert_eq!(export.undated.len(), story.events.len() - dated);
    assert!(export.text.contains("UID:wcit-12@plenary"));
}

#[test]
fn json_ld_names_organisers_from_the_actors() {
    let story = plenary::datasets::wcit12();
    let wcit = story
        .event(&"wcit-12".parse().expect("a valid id"))
        .expect("WCIT-12 is in the story");
    let ld = plenary::events::to_json_ld(wcit, &story.actors);
    assert!(
        ld["@type"].as_str().is_some_and(|t| t.ends_with("Event")),
        "{ld}"
    );
    assert_eq!(ld["startDate"], "2012-12-03");
    assert!(
        ld.to_string()
            .contains("International Telecommunication Union"),
        "{ld}"
    );
}

#[test]
fn the_bank_is_searchable_and_citable() {
    let story = plenary::datasets::wcit12();
    let bank = ResourceBank::from_resources(story.actors.clone(), story.resources.clone()).unwrap();
    let hits = bank.search(&Query::new("net neutrality"));
    assert_eq!(
        hits[0].resource.id.as_str(),
        "laquadrature/etno-net-neutrality"
    );
    let csl = plenary::resources::to_csl_json(&story.resources, &story.actors);
    assert_eq!(csl.as_array().map(Vec::len), Some(26));
}
