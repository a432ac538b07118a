//! The fixture corpus: ITU-style texts with the structure each must parse to.

use plenary_treaty::{
    ChangeKind, CrossReferenceKind, DocumentKind, DocumentPart, Keyword, MarkAction,
    ProposalOptions, RevisionStatus, diff, parse, propose, render, to_akn, to_html, to_markdown,
};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

const ALL: [&str; 12] = [
    "01_resolution_77_rev_lisbon.txt",
    "02_draft_new_resolution_crlf.txt",
    "03_revised_draft_traffic_termination.txt",
    "04_original_draft_traffic_termination.txt",
    "05_add_b2_49_1_landlocked.txt",
    "06_itr_proposals_every_mark.txt",
    "07_resolution_fr.txt",
    "08_resolution_es.txt",
    "09_draft_b1_with_stray_lines.txt",
    "10_itr_revision_proposal_base.txt",
    "11_itr_revision_proposal_new.txt",
    "12_recommendation_a5.txt",
];

/// One line per fixture: kind, number, symbol, language, the preamble and operative keyword
/// lines with their clause counts, the articles with their provision counts, unplaced lines.
#[test]
fn every_fixture_parses_to_its_expected_outline() {
    type Outline = (
        Option<DocumentKind>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        &'static str,
        &'static str,
        &'static str,
        usize,
    );
    let rows: [(&str, Outline); 12] = [
        (
            ALL[0],
            (
                Some(DocumentKind::Resolution),
                Some("77"),
                None,
                Some("en"),
                "considering:2 considering further:1 recognizing:1",
                "resolves:2 instructs the Director of the Telecommunication Standardization Bureau:2 invites Member States:1",
                "",
                0,
            ),
        ),
        (
            ALL[1],
            (
                Some(DocumentKind::DraftNewResolution),
                None,
                Some("COM5/3"),
                Some("en"),
                "noting:2",
                "resolves:2",
                "",
                0,
            ),
        ),
        (
            ALL[2],
            (
                Some(DocumentKind::DraftNewResolution),
                None,
                None,
                Some("en"),
                "considering that:3 noting that:2",
                "",
                "",
                0,
            ),
        ),
        (
            ALL[3],
            (
                Some(DocumentKind::DraftNewResolution),
                None,
                None,
                Some("en"),
                "considering that:3 noting that:3",
                "",
                "",
                0,
            ),
        ),
        (ALL[4], (None, None, None, None, ":4", "", "", 0)),
        (
            ALL[5],
            (
                Some(DocumentKind::Proposals),
                None,
                None,
                None,
                "",
                "",
                "3:5 4:1",
                0,
            ),
        ),
        (
            ALL[6],
            (
                Some(DocumentKind::Resolution),
                Some("12"),
                None,
                Some("fr"),
                "considérant:2 notant en outre:1 reconnaissant:1",
                "décide:2 charge le Secrétaire général:1 invite les États Membres:1",
                "",
                0,
            ),
        ),
        (
            ALL[7],
            (
                Some(DocumentKind::Resolution),
                Some("12"),
                None,
                Some("es"),
                "considerando:2 observando:1 reconociendo:1",
                "resuelve:2 encarga al Secretario General:1 invita a los Estados Miembros:1",
                "",
                0,
            ),
        ),
        (
            ALL[8],
            (
                Some(DocumentKind::DraftNewResolution),
                None,
                Some("B-1"),
                Some("en"),
                "recognizing:1 bearing in mind:1",
                "resolves:2",
                "",
                2,
            ),
        ),
        (
            ALL[9],
            (
                Some(DocumentKind::Regulations),
                None,
                None,
                None,
                "",
                "",
                "3:4",
                0,
            ),
        ),
        (
            ALL[10],
            (
                Some(DocumentKind::Regulations),
                None,
                None,
                None,
                "",
                "",
                "3:4",
                0,
            ),
        ),
        (
            ALL[11],
            (
                Some(DocumentKind::Recommendation),
                Some("ITU-T A.5"),
                None,
                Some("en"),
                "considering:2",
                "recommends:2",
                "",
                0,
            ),
        ),
    ];
    for (name, expected) in rows {
        let doc = parse(&fixture(name));
        let sections = |sections: &[plenary_treaty::Section]| {
            sections
                .iter()
                .map(|s| format!("{}:{}", s.line(), s.clauses.len()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let articles = doc
            .articles
            .iter()
            .map(|a| format!("{}:{}", a.num, a.provisions.len()))
            .collect::<Vec<_>>()
            .join(" ");
        let got = (
            doc.kind,
            doc.number.as_deref(),
            doc.symbol.as_deref(),
            doc.language.as_ref().map(|l| l.as_str()),
            sections(&doc.preamble),
            sections(&doc.operative),
            articles,
            doc.unplaced.len(),
        );
        let expected = (
            expected.0,
            expected.1,
            expected.2,
            expected.3,
            expected.4.to_owned(),
            expected.5.to_owned(),
            expected.6.to_owned(),
            expected.7,
        );
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn canonical_text_of_every_fixture_reads_back() {
    for name in ALL {
        let mut doc = parse(&fixture(name));
        doc.unplaced.clear();
        assert_eq!(parse(&render(&doc)), doc, "{name}");
    }
}

#[test]
fn the_seed_texts_keep_their_details() {
    let revised = parse(&fixture(ALL[2]));
    assert_eq!(
        revised.revised.as_ref().map(|r| r.status),
        Some(RevisionStatus::RevisedDraft)
    );
    assert_eq!(
        revised.revised.as_ref().and_then(|r| r.revises.as_deref()),
        Some("the original document")
    );
    assert_eq!(
        revised.title.as_ref().map(|t| t.as_str()),
        Some("International Telecommunication Service Traffic Termination and Exchange")
    );
    assert_eq!(
        revised.issuer.as_deref(),
        Some("The World Conference on International Telecommunications (Dubai, 2012)")
    );
    assert_eq!(
        revised.preamble[1].clauses[1].text,
        "ITU-T Study Group 3 is mandated to study the development of recommendations, resolutions and guidelines related to these issues;"
    );

    let landlocked = parse(&fixture(ALL[4]));
    let mark = landlocked.mark.expect("ADD B2/49/1");
    assert_eq!(
        (mark.action, mark.reference.as_deref()),
        (MarkAction::Add, Some("B2/49/1"))
    );
    assert_eq!(landlocked.preamble[0].keyword, None);
    let refs: Vec<(CrossReferenceKind, &str)> = landlocked
        .references
        .iter()
        .map(|r| (r.kind, r.text.as_str()))
        .collect();
    assert_eq!(
        refs,
        [
            (
                CrossReferenceKind::UnResolution,
                "Resolution 65/172 of 20 December 2010"
            ),
            (
                CrossReferenceKind::ItuResolution,
                "Resolution 30 (Rev. Guadalajara, 2010)"
            ),
        ]
    );

    let lisbon = parse(&fixture(ALL[0]));
    assert_eq!(
        lisbon.session.as_ref().map(|s| (s.place.as_str(), s.year)),
        Some(("Lisbon", 2031))
    );
    assert_eq!(
        lisbon.operative[0].clauses[1].clauses.len(),
        2,
        "a) and b) under 2"
    );
    assert_eq!(lisbon.operative[2].clauses[0].num, None);
    let kinds: Vec<CrossReferenceKind> = lisbon.references.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            CrossReferenceKind::ItuResolution,
            CrossReferenceKind::StudyGroup,
            CrossReferenceKind::Conference,
            CrossReferenceKind::Recommendation
        ]
    );
}

#[test]
fn every_mark_and_suppressed_provisions() {
    let doc = parse(&fixture(ALL[5]));
    let marks: Vec<(String, Option<MarkAction>, bool)> = doc.articles[0]
        .provisions
        .iter()
        .map(|p| {
            (
                p.num.clone().unwrap_or_default(),
                p.mark.as_ref().map(|m| m.action),
                p.text.is_empty(),
            )
        })
        .collect();
    assert_eq!(
        marks,
        [
            ("3.1".to_owned(), Some(MarkAction::Noc), false),
            ("3.2".to_owned(), Some(MarkAction::Mod), false),
            ("3.3".to_owned(), Some(MarkAction::ModEditorial), false),
            ("3.4".to_owned(), Some(MarkAction::Sup), true),
            ("3.1bis".to_owned(), Some(MarkAction::Add), false),
        ]
    );
    assert_eq!(doc.articles[0].provisions[4].clauses.len(), 2);
    assert_eq!(
        doc.articles[1].heading.as_deref(),
        Some("International telecommunication services")
    );
}

#[test]
fn french_and_spanish_keywords_map_to_the_english_ones() {
    for name in [ALL[6], ALL[7]] {
        let doc = parse(&fixture(name));
        let keywords: Vec<Option<Keyword>> = doc
            .preamble
            .iter()
            .chain(&doc.operative)
            .map(|s| s.keyword)
            .collect();
        assert_eq!(
            keywords,
            [
                Some(Keyword::Considering),
                Some(Keyword::Noting),
                Some(Keyword::Recognizing),
                Some(Keyword::Resolves),
                Some(Keyword::Instructs),
                Some(Keyword::Invites),
            ],
            "{name}"
        );
        assert!(doc.references[0].revised, "{name}: Rév./Rev. is a revision");
    }
}

#[test]
fn stray_lines_are_reported_with_their_numbers() {
    let doc = parse(&fixture(ALL[8]));
    let lines: Vec<(usize, &str)> = doc
        .unplaced
        .iter()
        .map(|u| (u.line, u.text.as_str()))
        .collect();
    assert_eq!(lines, [(9, "Page 2 of 3"), (24, "- end of annex -")]);
    assert_eq!(doc.operative[0].clauses[0].clauses.len(), 2);
}

#[test]
fn the_revised_draft_against_the_original() {
    let changes = diff(&parse(&fixture(ALL[3])), &parse(&fixture(ALL[2]))).changes;
    let got: Vec<(DocumentPart, &str, Option<&str>, ChangeKind)> = changes
        .iter()
        .map(|c| {
            (
                c.part.clone(),
                c.section.as_str(),
                c.num.as_deref(),
                c.change,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                DocumentPart::Preamble,
                "considering that",
                Some("b)"),
                ChangeKind::Modified
            ),
            (
                DocumentPart::Preamble,
                "noting that",
                Some("a)"),
                ChangeKind::Moved
            ),
            (
                DocumentPart::Preamble,
                "noting that",
                Some("b)"),
                ChangeKind::Moved
            ),
            (
                DocumentPart::Preamble,
                "noting that",
                Some("c)"),
                ChangeKind::Removed
            ),
        ]
    );
}

#[test]
fn a_proposal_from_the_regulations_revision() {
    let proposal = propose(
        &parse(&fixture(ALL[9])),
        &parse(&fixture(ALL[10])),
        &ProposalOptions {
            noc: true,
            reference: Some("ARB/7".to_owned()),
        },
    )
    .unwrap();
    let text = render(&proposal);
    for expected in [
        "NOC ARB/7/1\n\n3.1 ",
        "MOD ARB/7/2\n\n3.2 ",
        "NOC ARB/7/3\n\n3.3 ",
        "SUP ARB/7/4\n\n3.4\n",
        "ADD ARB/7/5\n\n3.1bis ",
    ] {
        assert!(text.contains(expected), "{expected:?} in\n{text}");
    }
    assert_eq!(parse(&text), proposal);
}

#[test]
fn exports_escape_and_structure() {
    for name in ALL {
        let doc = parse(&fixture(name));
        let xml = to_akn(&doc).expect("akn");
        assert!(
            xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?><akomaNtoso"),
            "{name}"
        );
        assert!(xml.contains("<FRBRthis value=\"/akn/int/"), "{name}");
        let html = to_html(&doc);
        assert!(!html.contains("<script"), "{name}");
        assert!(!to_markdown(&doc).is_empty());
    }
    let lisbon = to_akn(&parse(&fixture(ALL[0]))).expect("akn");
    assert!(
        lisbon.contains(r#"<FRBRuri value="/akn/int/statement/resolution/itu/2031/77/eng@"/>"#)
    );
    assert!(lisbon.contains(r#"<blockList eId="preamble__list_1" class="considering"><listIntroduction>considering</listIntroduction><item eId="preamble__list_1__item_a"><num>a)</num>"#));
    let itr = to_akn(&parse(&fixture(ALL[9]))).expect("akn");
    assert!(itr.contains(r#"<act name="regulations">"#));
    assert!(itr.contains(r#"<article eId="art_3"><num>ARTICLE 3</num><heading>International network</heading><paragraph eId="art_3__para_3-1"><num>3.1</num>"#));
}
