//! The seed resource bank listing imports to exactly its 26 entries, and the bank searches them.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions: a panic is a failure

use plenary_core::Actor;
use plenary_resources::{
    Author, ListingOptions, ModerationState, Query, ResourceBank, ResourceKind, Suggestion,
    import_listing,
};

const LISTING: &str = include_str!("fixtures/resource-bank-listing.txt");

/// The actors of the WCIT-12 story that write in the listing, as `data/wcit12/actors.json` has
/// them (this crate cannot read the facade's data).
fn actors() -> Vec<Actor> {
    serde_json::from_str(
        r#"[
        {"id": "accessnow", "name": "Access Now", "kind": "civil_society"},
        {"id": "laquadrature", "name": "La Quadrature du Net", "kind": "civil_society"},
        {"id": "cdt", "name": "Center for Democracy & Technology", "acronym": "CDT", "kind": "civil_society"},
        {"id": "isoc", "name": "Internet Society", "acronym": "ISOC", "kind": "civil_society"},
        {"id": "public-knowledge", "name": "Public Knowledge", "kind": "civil_society"},
        {"id": "von-europe", "name": "Voice on the Net Coalition Europe", "acronym": "VON Europe", "kind": "industry_association"},
        {"id": "analysys-mason", "name": "Analysys Mason", "kind": "company"},
        {"id": "wiley-rein", "name": "Wiley Rein LLP", "kind": "company"},
        {"id": "crs", "name": "Congressional Research Service", "acronym": "CRS", "kind": "government_agency"},
        {"id": "laura-denardis", "name": "Laura DeNardis", "kind": "academic"},
        {"id": "patrick-ryan", "name": "Patrick S. Ryan", "kind": "academic"}
    ]"#,
    )
    .expect("the test's actors are valid")
}

const POLICY: &str = "Policy Analyses";
const ADVOCACY: &str = "Advocacy Resources";

/// Every entry of the seed: title, author (an actor id, or a free name in quotes), section, kind.
const ENTRIES: [(&str, &str, &str, ResourceKind); 26] = [
    (
        "Freedom of Expression Online and Revising the International Telecommunication Regulations",
        "accessnow",
        POLICY,
        ResourceKind::PolicyAnalysis,
    ),
    (
        "Dominant Telcos Try to End Net Neutrality Through ITU",
        "laquadrature",
        POLICY,
        ResourceKind::PolicyAnalysis,
    ),
    (
        "The ITU and the Importance of Voluntary Technical Standards",
        "cdt",
        POLICY,
        ResourceKind::PolicyAnalysis,
    ),
    (
        "Security Proposals to the ITU Could Create More Problems, Not Solutions",
        "cdt",
        POLICY,
        ResourceKind::PolicyAnalysis,
    ),
    (
        "Second Civil Society Letter Opposing Expansion of ITU Treaty",
        "\"Various",
        POLICY,
        ResourceKind::Letter,
    ),
    (
        "Internet Global Growth: Lessons for the Future",
        "analysys-mason",
        POLICY,
        ResourceKind::PolicyAnalysis,
    ),
    (
        "Comments of the Voice on the Net (VON) Coalition Europe on the WCIT-ITU discussions",
        "von-europe",
        POLICY,
        ResourceKind::Comments,
    ),
    (
        "The ITU and the Internet's Titanic Moment",
        "patrick-ryan",
        POLICY,
        ResourceKind::PolicyAnalysis,
    ),
    (
        "Promoting Global Internet Freedom: Policy and Technology",
        "crs",
        POLICY,
        ResourceKind::Report,
    ),
    (
        "ITU Move to Expand Powers Threatens the Internet: Civil Society Should Have Voice in ITU Internet Debate",
        "cdt",
        POLICY,
        ResourceKind::PolicyAnalysis,
    ),
    (
        "Civil Society is Key to the Debate on International Control Over the Internet",
        "public-knowledge",
        POLICY,
        ResourceKind::PolicyAnalysis,
    ),
    (
        "Internet Interconnections Proposals For New Interconnection Model Comes Up Short",
        "isoc",
        POLICY,
        ResourceKind::PolicyAnalysis,
    ),
    (
        "ITU: Internet Governance or Just Governing the Internet?",
        "cdt",
        POLICY,
        ResourceKind::PolicyAnalysis,
    ),
    (
        "Governance at the Internet's Core: The Geopolitics of Interconnection and Internet Exchange Points (IXPs) in Emerging Markets",
        "laura-denardis",
        POLICY,
        ResourceKind::PolicyAnalysis,
    ),
    (
        "International Proposals to Regulate the Internet",
        "isoc",
        POLICY,
        ResourceKind::Testimony,
    ),
    (
        "Radical Proposal on Table at ITU: Analysis of ETNO European Telco Proposal",
        "cdt",
        POLICY,
        ResourceKind::PolicyAnalysis,
    ),
    (
        "Internet Society comment to WCIT Preparations: February 2012",
        "isoc",
        POLICY,
        ResourceKind::Comments,
    ),
    (
        "Background: International Telecommunication Regulations",
        "isoc",
        POLICY,
        ResourceKind::Background,
    ),
    (
        "The 2012 World Conference On International Telecommunications: Another Brewing Storm Over Potential UN Regulation Of The Internet",
        "wiley-rein",
        POLICY,
        ResourceKind::PolicyAnalysis,
    ),
    (
        "Sample letter to request to join a national delegation to the WCIT",
        "accessnow",
        ADVOCACY,
        ResourceKind::SampleLetter,
    ),
    (
        "Talking Points for Civil Society on the WCIT",
        "accessnow",
        ADVOCACY,
        ResourceKind::TalkingPoints,
    ),
    (
        "Sample letter to national delegation to request a consultation on the WCIT",
        "accessnow",
        ADVOCACY,
        ResourceKind::SampleLetter,
    ),
    (
        "Tell the ITU: The internet belongs to us!",
        "accessnow",
        ADVOCACY,
        ResourceKind::Petition,
    ),
    (
        "Letter for Civil Society Involvement in WCIT",
        "\"Various",
        ADVOCACY,
        ResourceKind::Letter,
    ),
    (
        "Timeline: Relevant Events Approaching ITU Conference",
        "cdt",
        ADVOCACY,
        ResourceKind::Timeline,
    ),
    (
        "ITU Key Messages for Advocates",
        "cdt",
        ADVOCACY,
        ResourceKind::TalkingPoints,
    ),
];

fn author(spec: &str) -> Author {
    match spec.strip_prefix('"') {
        Some(name) => Author::Name(name.parse().unwrap()),
        None => Author::Actor(spec.parse().unwrap()),
    }
}

fn import() -> plenary_resources::ListingImport {
    let actors = actors();
    import_listing(
        LISTING,
        &ListingOptions {
            actors: &actors,
            id_prefix: "wcit-12/".into(),
            language: Some("en".parse().unwrap()),
        },
    )
}

#[test]
fn the_seed_listing_imports_to_its_26_entries() {
    let import = import();
    assert_eq!(import.resources.len(), 26);
    for (r, (title, by, section, kind)) in import.resources.iter().zip(ENTRIES) {
        assert_eq!(r.title, title);
        assert_eq!(r.authors, [author(by)], "{title}");
        assert_eq!(
            r.section.as_ref().map(|s| s.as_str()),
            Some(section),
            "{title}"
        );
        assert_eq!(r.kind, kind, "{title}");
        assert_eq!(r.languages.len(), 1);
        assert!(r.id.as_str().starts_with("wcit-12/"));
        assert!(r.description.len() > 100, "{title}: {:?}", r.description);
    }
    assert!(
        import.resources[1]
            .description
            .starts_with("ETNO, the Brussels-based lobby")
    );
    assert!(
        import.resources[25]
            .description
            .ends_with("access to information, and privacy.")
    );
    let sections: Vec<(usize, &str, usize)> = import
        .sections
        .iter()
        .map(|s| (s.line, s.name.as_str(), s.entries))
        .collect();
    assert_eq!(
        sections,
        [(3, "Resource Bank", 0), (7, POLICY, 19), (48, ADVOCACY, 7)]
    );
}

#[test]
fn the_page_prose_is_reported_with_its_line_numbers() {
    let import = import();
    let lines: Vec<(usize, &str)> = import
        .unparsed
        .iter()
        .map(|u| (u.line, &u.text[..12]))
        .collect();
    assert_eq!(
        lines,
        [
            (1, "The resource"),
            (5, "Input into t"),
            (66, "Coming soon.")
        ]
    );
}

#[test]
fn net_neutrality_finds_la_quadrature_first() {
    let bank = ResourceBank::from_resources(actors(), import().resources).unwrap();
    let hits = bank.search(&Query::new("net neutrality"));
    assert_eq!(
        hits[0].resource.title,
        "Dominant Telcos Try to End Net Neutrality Through ITU"
    );
    for (query, first) in [
        (
            "NET NEUTRALITY",
            "Dominant Telcos Try to End Net Neutrality Through ITU",
        ),
        (
            "talking points",
            "Talking Points for Civil Society on the WCIT",
        ),
        (
            "interconnection",
            "Internet Interconnections Proposals For New Interconnection Model Comes Up Short",
        ),
        (
            "cybersecurity cybercrime",
            "Security Proposals to the ITU Could Create More Problems, Not Solutions",
        ),
        (
            "quadrature",
            "Dominant Telcos Try to End Net Neutrality Through ITU",
        ),
        ("titanic", "The ITU and the Internet's Titanic Moment"),
    ] {
        let hits = bank.search(&Query::new(query));
        assert_eq!(
            hits.first().map(|h| h.resource.title.as_str()),
            Some(first),
            "{query}"
        );
    }
    let scores: Vec<f32> = bank
        .search(&Query::new("itu internet"))
        .iter()
        .map(|h| h.score)
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn filters_narrow_the_hits() {
    let bank = ResourceBank::from_resources(actors(), import().resources).unwrap();
    let count = |q: Query| bank.search(&q.limit(100)).len();
    assert_eq!(count(Query::new("").author("Access Now")), 5);
    assert_eq!(count(Query::new("").author("accessnow")), 5);
    assert_eq!(count(Query::new("").author("cdt")), 7);
    assert_eq!(
        count(Query::new("").author("Center for Democracy and Technology")),
        7
    );
    assert_eq!(count(Query::new("").author("various")), 2);
    assert_eq!(count(Query::new("").section("advocacy resources")), 7);
    assert_eq!(count(Query::new("").section("Policy Analyses")), 19);
    assert_eq!(count(Query::new("").kind(ResourceKind::SampleLetter)), 2);
    assert_eq!(count(Query::new("").language("en".parse().unwrap())), 26);
    assert_eq!(count(Query::new("").language("fr".parse().unwrap())), 0);
    assert_eq!(count(Query::new("").topic("itrs".parse().unwrap())), 0);
    let letters = bank.search(&Query::new("civil society").kind(ResourceKind::Letter));
    assert!(!letters.is_empty());
    assert!(
        letters
            .iter()
            .all(|h| h.resource.kind == ResourceKind::Letter)
    );
    let cdt_itu = bank.search(&Query::new("itu").author("CDT").section(ADVOCACY));
    let titles: Vec<&str> = cdt_itu.iter().map(|h| h.resource.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
}

#[test]
fn the_form_below_feeds_the_moderation_queue() {
    let mut bank = ResourceBank::from_resources(actors(), import().resources).unwrap();
    let mut lqdn = bank
        .get("wcit-12/dominant-telcos-try-to-end-net-neutrality-through-itu")
        .unwrap()
        .clone();
    lqdn.id = "wcit-12/lqdn-copy".parse().unwrap();
    let suggestion = |title: &str, link: &str| Suggestion {
        title: title.into(),
        link: link.into(),
        author: "Internet Society".into(),
        description: "An ITU explainer.".into(),
        kind: Some(ResourceKind::Background),
        section: POLICY.into(),
    };

    let first = bank
        .submit(&suggestion(
            "WCIT explainer",
            "https://www.internetsociety.org/wcit",
        ))
        .unwrap()
        .id;
    let second = bank
        .submit(&suggestion(
            "WCIT explainer again",
            "https://WWW.internetsociety.org/wcit?utm_source=x#top",
        ))
        .unwrap()
        .id;
    let third = bank
        .submit(&suggestion("Off topic", "https://example.org/shop"))
        .unwrap()
        .id;
    assert_eq!(bank.pending().count(), 3);
    assert!(
        bank.submit(&suggestion("Bad", "javascript:alert(1)"))
            .is_err()
    );
    assert_eq!(bank.queue().len(), 3, "a refused suggestion is not queued");

    let approved = bank
        .approve(first, "wcit-12/isoc-explainer".parse().unwrap())
        .unwrap();
    assert_eq!(approved.authors, [Author::Actor("isoc".parse().unwrap())]);
    assert_eq!(approved.kind, ResourceKind::Background);
    assert_eq!(
        bank.suggestion(first).unwrap().state,
        ModerationState::Approved {
            resource: "wcit-12/isoc-explainer".parse().unwrap()
        }
    );
    assert_eq!(
        bank.search(&Query::new("explainer"))[0].resource.id,
        "wcit-12/isoc-explainer"
    );

    // The second points where the first now is: approving it makes it a duplicate instead.
    let err = bank
        .approve(second, "wcit-12/again".parse().unwrap())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "duplicate link \"https://www.internetsociety.org/wcit?utm_source=x#top\": resource \"wcit-12/isoc-explainer\" already points there"
    );
    assert_eq!(
        bank.suggestion(second).unwrap().state,
        ModerationState::Duplicate {
            of: "wcit-12/isoc-explainer".parse().unwrap()
        }
    );
    let late = bank
        .submit(&suggestion(
            "Late copy",
            "https://www.internetsociety.org/wcit/",
        ))
        .unwrap();
    assert_eq!(
        late.state,
        ModerationState::Pending,
        "a different path is a different page"
    );
    let dup = bank
        .submit(&suggestion(
            "Exact copy",
            "https://www.internetsociety.org/wcit#x",
        ))
        .unwrap();
    assert_eq!(
        dup.state,
        ModerationState::Duplicate {
            of: "wcit-12/isoc-explainer".parse().unwrap()
        }
    );

    assert!(bank.reject(third, "  ").is_err());
    let rejected = bank.reject(third, "not about the WCIT").unwrap();
    assert_eq!(
        rejected.state,
        ModerationState::Rejected {
            reason: "not about the WCIT".into()
        }
    );
    for id in [first, second, third] {
        let err = bank.reject(id, "again").unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("suggestion #{id} is already ")),
            "{err}"
        );
    }
    assert_eq!(
        bank.approve(99.into(), "x".parse().unwrap())
            .unwrap_err()
            .to_string(),
        "unknown suggestion #99: expected the number `submit` returned"
    );
    assert_eq!(bank.len(), 27);
    let err = bank
        .add(bank.resources()[0].clone())
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("duplicate resource id \"wcit-12/freedom-of-expression"),
        "{err}"
    );
    bank.add(lqdn).unwrap();
}
