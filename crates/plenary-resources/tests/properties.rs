//! Properties over generated input: the importer never panics and accounts for every line, and
//! the listing export reads back to the same titles, authors, descriptions and sections.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions: a panic is a failure

use plenary_core::{Actor, ActorKind, Name};
use plenary_resources::{
    Author, ListingOptions, Query, Resource, ResourceBank, ResourceKind, import_listing, to_bibtex,
    to_csl_json, to_listing, to_markdown,
};
use proptest::prelude::*;

fn actors() -> Vec<Actor> {
    [
        ("cdt", "Center for Democracy & Technology", Some("CDT")),
        ("isoc", "Internet Society", Some("ISOC")),
        ("accessnow", "Access Now", None),
        ("laquadrature", "La Quadrature du Net", None),
    ]
    .into_iter()
    .map(|(id, name, acronym)| {
        let actor = Actor::new(
            id.parse().unwrap(),
            name.parse().unwrap(),
            ActorKind::CivilSociety,
        );
        match acronym {
            Some(a) => actor.with_acronym(a.parse().unwrap()),
            None => actor,
        }
    })
    .collect()
}

/// A line of a listing: entries, headings, prose, dashes and colons in every place.
fn listing_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9 :,.!?'’ʼ&()-]{0,60}",
        "[A-Za-z ]{1,30} - [A-Za-z .]{1,20}",
        "[A-Z][a-z]{1,8} ?[-\u{2013}] ?[A-Za-z0-9 ]{0,12}",
        "[A-Z][a-z]{2,10}( [A-Z][a-z]{2,10}){0,3}",
        "[ \t]{0,3}",
        any::<String>(),
    ]
}

fn word() -> impl Strategy<Value = String> {
    "[A-Z][a-z]{1,9}"
}

fn words(range: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), range).prop_map(|w| w.join(" "))
}

/// A resource the listing format can carry: one-line title and description, authors that are
/// known actors or one free name.
fn listed_resource() -> impl Strategy<Value = (String, Vec<Author>, String, Option<String>)> {
    let free = words(1..=3).prop_map(|n| vec![Author::Name(Name::new(n).unwrap())]);
    let known = prop::sample::subsequence(vec!["cdt", "isoc", "accessnow", "laquadrature"], 1..=3)
        .prop_map(|ids| {
            ids.into_iter()
                .map(|id| Author::Actor(id.parse().unwrap()))
                .collect()
        });
    let title = prop_oneof![
        words(1..=8),
        (words(1..=4), words(1..=4)).prop_map(|(a, b)| format!("{a} - {b}")),
        (words(1..=4), words(1..=4)).prop_map(|(a, b)| format!("{a}: {b}?")),
    ];
    let description = prop_oneof![
        Just(String::new()),
        (words(3..=30)).prop_map(|d| format!("{d}.")),
        (words(3..=10), words(1..=10)).prop_map(|(a, b)| format!("{a} - {b}, and more.")),
    ];
    let section = prop::option::of(words(1..=3));
    (title, prop_oneof![free, known], description, section)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_listing_text_panics_and_every_line_is_accounted_for(lines in prop::collection::vec(listing_line(), 0..40)) {
        let text = lines.join("\n");
        let actors = actors();
        let import = import_listing(&text, &ListingOptions { actors: &actors, id_prefix: "p/".into(), language: None });
        let non_blank = text.lines().filter(|l| !l.trim().is_empty()).count();
        let described = import.resources.iter().filter(|r| !r.description.is_empty()).count();
        let headings = import.sections.len();
        prop_assert_eq!(
            import.resources.len() + described + headings + import.unparsed.len(),
            non_blank,
            "every non-blank line is an entry, a description, a heading or reported"
        );
        for u in &import.unparsed {
            prop_assert!(u.line >= 1 && u.line <= text.lines().count());
        }
        let entries: usize = import.sections.iter().map(|s| s.entries).sum();
        prop_assert_eq!(entries, import.resources.iter().filter(|r| r.section.is_some()).count());
        for s in &import.sections {
            prop_assert!(!s.name.contains(" - ") && !s.name.ends_with(" -"), "{:?}", s);
        }
        let ids: std::collections::HashSet<_> = import.resources.iter().map(|r| &r.id).collect();
        prop_assert_eq!(ids.len(), import.resources.len());
        for r in &import.resources {
            prop_assert!(r.validate().is_ok());
        }
        let bank = ResourceBank::from_resources(actors.clone(), import.resources.clone());
        prop_assert!(bank.is_ok());
        let _ = to_markdown(&import.resources, &actors);
        let _ = to_bibtex(&import.resources, &actors);
        let _ = to_csl_json(&import.resources, &actors);
    }

    #[test]
    fn listing_export_then_import_keeps_what_the_format_carries(items in prop::collection::vec(listed_resource(), 1..12)) {
        let actors = actors();
        let mut resources = Vec::new();
        for (i, (title, authors, description, section)) in items.into_iter().enumerate() {
            let mut r = Resource::new(format!("r{i}").parse().unwrap(), Name::new(title).unwrap(), ResourceKind::Report)
                .with_description(description)
                .unwrap();
            r.authors = authors;
            r.section = section.map(|s| Name::new(s).unwrap());
            resources.push(r);
        }
        // The writer groups by section: compare with the resources in that order.
        let mut expected: Vec<&Resource> = resources.iter().filter(|r| r.section.is_none()).collect();
        let mut seen: Vec<&Name> = Vec::new();
        for r in &resources {
            if let Some(s) = &r.section
                && !seen.contains(&s)
            {
                seen.push(s);
                expected.extend(resources.iter().filter(|x| x.section.as_ref() == Some(s)));
            }
        }
        let text = to_listing(&resources, &actors);
        let back = import_listing(&text, &ListingOptions { actors: &actors, ..ListingOptions::default() });
        prop_assert!(back.unparsed.is_empty(), "{:?}\n{}", back.unparsed, text);
        prop_assert_eq!(back.resources.len(), expected.len(), "{}", text);
        for (got, want) in back.resources.iter().zip(expected) {
            prop_assert_eq!(&got.title, &want.title);
            prop_assert_eq!(&got.authors, &want.authors);
            prop_assert_eq!(&got.description, &want.description);
            prop_assert_eq!(&got.section, &want.section);
        }
    }

    #[test]
    fn search_never_panics_and_ranks_best_first(query in any::<String>(), lines in prop::collection::vec(listing_line(), 0..30)) {
        let import = import_listing(&lines.join("\n"), &ListingOptions::default());
        let bank = ResourceBank::from_resources(Vec::new(), import.resources).unwrap();
        let hits = bank.search(&Query::new(query).limit(10));
        prop_assert!(hits.len() <= 10);
        prop_assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    }
}
