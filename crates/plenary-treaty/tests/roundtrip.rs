//! Property tests: canonical text reads back to the same document, and no input panics the
//! parser.

use plenary_core::{LanguageTag, Name};
use plenary_treaty::{
    Appendix, AppendixKind, Article, Clause, Division, DivisionKind, Document, DocumentKind,
    Footnote, Keyword, ListItem, MarkAction, Metadata, ProposalMark, Revision, RevisionStatus,
    Section, Session, parse, render,
};
use proptest::prelude::*;

/// A small deterministic generator driven by proptest's seed, so documents of any shape come
/// from one number.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "telecommunication",
    "networks",
    "Member",
    "States",
    "shall",
    "report",
    "on",
    "development",
    "of",
    "and",
    "international",
    "traffic",
    "ITU-T",
    "Study",
    "Group",
    "3",
    "Resolution",
    "30",
    "(Rev. Guadalajara, 2010)",
    "WCIT-12",
    "«",
    "café",
    "États",
    "naïve",
    "\"quoted\"",
    "1.5",
];

fn text(g: &mut Gen, first: &str) -> String {
    let mut t = first.to_owned();
    for _ in 0..g.below(12) {
        t.push(' ');
        t.push_str(g.pick(WORDS));
    }
    let end = g.pick(&["", ";", ",", ".", "; and"]);
    t.push_str(end);
    t
}

fn mark(g: &mut Gen) -> Option<ProposalMark> {
    if !g.chance(25) {
        return None;
    }
    let action = MarkAction::ALL[g.below(5)];
    let reference = g.chance(70).then(|| {
        format!(
            "{}/{}/{}",
            g.pick(&["ARB", "B2", "EUR", "USA"]),
            g.below(60),
            g.below(20)
        )
    });
    Some(ProposalMark { action, reference })
}

fn clause(g: &mut Gen, num: String, children: &[String]) -> Clause {
    let m = mark(g);
    let suppressed = m.as_ref().is_some_and(|m| m.action == MarkAction::Sup);
    let text = if suppressed && g.chance(60) {
        String::new()
    } else {
        text(g, "the")
    };
    let count = if children.is_empty() || !g.chance(30) {
        0
    } else {
        1 + g.below(3)
    };
    Clause {
        num: Some(num),
        text,
        mark: m,
        clauses: children[..count]
            .iter()
            .map(|n| clause(g, n.clone(), &[]))
            .collect(),
        ..Clause::default()
    }
}

const ROMAN: [&str; 3] = ["i)", "ii)", "iii)"];

fn letter_clauses(g: &mut Gen) -> Vec<Clause> {
    let romans: Vec<String> = ROMAN.iter().map(|r| (*r).to_owned()).collect();
    (0..1 + g.below(5))
        .map(|i| clause(g, format!("{})", (b'a' + i as u8) as char), &romans))
        .collect()
}

fn number_clauses(g: &mut Gen, prefix: &str) -> Vec<Clause> {
    (1..=1 + g.below(4))
        .map(|i| {
            let num = format!("{prefix}{i}");
            let children: Vec<String> = (1..=3).map(|j| format!("{num}.{j}")).collect();
            clause(g, num, &children)
        })
        .collect()
}

type Pool = &'static [(&'static str, Keyword)];

const PREAMBLE: [Pool; 3] = [
    &[
        ("considering", Keyword::Considering),
        ("noting further", Keyword::Noting),
        ("bearing in mind", Keyword::BearingInMind),
        ("recalling", Keyword::Recalling),
    ],
    &[
        ("considérant", Keyword::Considering),
        ("notant", Keyword::Noting),
        ("reconnaissant", Keyword::Recognizing),
    ],
    &[
        ("considerando", Keyword::Considering),
        ("observando", Keyword::Noting),
        ("reconociendo", Keyword::Recognizing),
    ],
];
const OPERATIVE: [Pool; 3] = [
    &[
        ("resolves", Keyword::Resolves),
        ("instructs", Keyword::Instructs),
        ("invites", Keyword::Invites),
    ],
    &[
        ("décide", Keyword::Resolves),
        ("charge", Keyword::Instructs),
        ("invite", Keyword::Invites),
    ],
    &[
        ("resuelve", Keyword::Resolves),
        ("encarga", Keyword::Instructs),
        ("invita", Keyword::Invites),
    ],
];

fn section(g: &mut Gen, pool: Pool, operative: bool) -> Section {
    let (phrase, keyword) = pool[g.below(pool.len())];
    let addressee = (operative && keyword != Keyword::Resolves).then(|| {
        g.pick(&["the Secretary-General", "Member States"])
            .to_owned()
    });
    let mut clauses = if operative {
        number_clauses(g, "")
    } else {
        letter_clauses(g)
    };
    if g.chance(20) {
        clauses = vec![Clause {
            num: None,
            text: text(g, "the"),
            ..Clause::default()
        }];
    }
    Section {
        keyword: Some(keyword),
        phrase: phrase.to_owned(),
        addressee,
        mark: mark(g),
        clauses,
        ..Section::default()
    }
}

fn document(seed: u64) -> Document {
    let g = &mut Gen(seed | 1);
    let lang = g.below(3);
    let kind = g
        .chance(70)
        .then(|| DocumentKind::ALL[g.below(DocumentKind::ALL.len())]);
    let session = kind.filter(|_| g.chance(40)).map(|_| Session {
        place: g
            .pick(&["Dubai", "Guadalajara", "Rio de Janeiro"])
            .to_owned(),
        year: 1990 + g.below(40) as u16,
    });
    let status = match (kind, &session) {
        (Some(_), Some(_)) if g.chance(50) => Some(RevisionStatus::Revised),
        (Some(_), _) if g.chance(30) => Some(RevisionStatus::RevisedDraft),
        _ => None,
    };
    let revises = g.chance(20).then(|| "the original document".to_owned());
    let revised = match (status, revises) {
        (Some(status), revises) => Some(Revision { status, revises }),
        (None, Some(revises)) => Some(Revision {
            status: RevisionStatus::RevisedDraft,
            revises: Some(revises),
        }),
        (None, None) => None,
    };
    let mut doc = Document {
        kind,
        number: kind
            .filter(|_| g.chance(50))
            .map(|_| g.below(200).to_string()),
        symbol: kind
            .filter(|_| g.chance(30))
            .map(|_| format!("COM{}/{}", g.below(6), g.below(9))),
        session,
        revised,
        title: Some(Name::new(text(g, "Special")).expect("a few words are a title")),
        issuer: g.chance(70).then(|| {
            "The World Conference on International Telecommunications (Dubai, 2012)".to_owned()
        }),
        mark: mark(g),
        ..Document::default()
    };
    if g.chance(15) {
        doc.preamble.push(Section {
            keyword: None,
            phrase: String::new(),
            addressee: None,
            clauses: letter_clauses(g),
            ..Section::default()
        });
    }
    for _ in 0..g.below(4) {
        doc.preamble.push(section(g, PREAMBLE[lang], false));
    }
    for _ in 0..g.below(4) {
        doc.operative.push(section(g, OPERATIVE[lang], true));
    }
    if g.chance(40) {
        for a in 1..=1 + g.below(3) {
            doc.articles.push(Article {
                num: a.to_string(),
                heading: g.chance(80).then(|| text(g, "General")),
                mark: mark(g),
                provisions: number_clauses(g, &format!("{a}.")),
                ..Article::default()
            });
        }
    }
    let has_keyword = doc
        .preamble
        .iter()
        .chain(&doc.operative)
        .any(|s| s.keyword.is_some());
    doc.language =
        has_keyword.then(|| LanguageTag::new(["en", "fr", "es"][lang]).expect("a valid tag"));
    doc.references = doc.find_references();
    doc
}

/// An instrument: an optional `Preamble`, articles under chapters and sections, provisions
/// with margin numbers (increasing, some with a revising conference or `(SUP)`), sub-items with
/// their own margins, dash lists, a closing formula and appendices.
fn instrument(seed: u64) -> Document {
    let g = &mut Gen(seed | 1);
    let mut margin = 0u32;
    let mut next_margin = |g: &mut Gen| {
        margin += 1 + g.below(3) as u32;
        margin.to_string()
    };
    let mut doc = Document {
        title: Some(Name::new(text(g, "Constitution")).expect("a few words are a title")),
        ..Document::default()
    };
    if g.chance(50) {
        doc.preamble_heading = Some("Preamble".to_owned());
        doc.preamble.push(Section {
            clauses: vec![Clause {
                margin: Some(next_margin(g)),
                text: text(g, "While"),
                ..Clause::default()
            }],
            ..Section::default()
        });
    }
    let romans = ["I", "II", "III", "IV"];
    for a in 1..=1 + g.below(3) {
        let mut divisions = Vec::new();
        if g.chance(40) {
            divisions.push(Division {
                kind: DivisionKind::Chapter,
                num: Some(romans[g.below(4)].to_owned()),
                heading: g.chance(70).then(|| text(g, "General")),
            });
        }
        if g.chance(30) {
            divisions.push(Division {
                kind: DivisionKind::Section,
                num: Some((1 + g.below(5)).to_string()),
                heading: Some(text(g, "Members")),
            });
        }
        let mut provisions = Vec::new();
        for i in 1..=1 + g.below(4) {
            let mut clause = Clause {
                margin: Some(next_margin(g)),
                ..Clause::default()
            };
            if g.chance(15) {
                clause.revised_by = vec!["PP-02".to_owned()];
                clause.suppressed = true;
                provisions.push(clause);
                continue;
            }
            if g.chance(20) {
                clause.revised_by = vec![g.pick(&["PP-06", "WRC-12"]).to_owned()];
            }
            clause.num = Some(format!("{a}.{i}"));
            clause.text = text(g, "the");
            if g.chance(30) {
                clause.items = (0..1 + g.below(3))
                    .map(|_| ListItem {
                        marker: g.pick(&["-", "•"]).to_owned(),
                        text: text(g, "the"),
                    })
                    .collect();
            }
            if g.chance(30) {
                clause.clauses = (0..1 + g.below(3))
                    .map(|j| Clause {
                        margin: g.chance(50).then(|| next_margin(g)),
                        num: Some(format!("{})", (b'a' + j as u8) as char)),
                        text: text(g, "to"),
                        ..Clause::default()
                    })
                    .collect();
            }
            provisions.push(clause);
        }
        doc.articles.push(Article {
            num: a.to_string(),
            heading: g.chance(80).then(|| text(g, "Purposes")),
            provisions,
            divisions,
            ..Article::default()
        });
    }
    if g.chance(40) {
        doc.closing =
            vec!["IN WITNESS WHEREOF, the delegates have signed these Regulations.".into()];
    }
    for n in 1..=g.below(3) {
        doc.appendices.push(Appendix {
            kind: if g.chance(50) {
                AppendixKind::Appendix
            } else {
                AppendixKind::Annex
            },
            num: Some(n.to_string()),
            target: g.chance(30).then(|| "RESOLUTION 101".to_owned()),
            heading: g.chance(80).then(|| text(g, "Accounting")),
            mark: None,
            provisions: (1..=1 + g.below(3))
                .map(|i| Clause {
                    num: Some(format!("{i}.")),
                    text: text(g, "the"),
                    ..Clause::default()
                })
                .collect(),
        });
    }
    doc.references = doc.find_references();
    doc
}

const UN_PREAMBLE: &[(&str, Keyword)] = &[
    ("Recalling", Keyword::Recalling),
    ("Recalling also", Keyword::Recalling),
    ("NOTING FURTHER", Keyword::Noting),
    ("Welcoming", Keyword::Welcoming),
    ("Deeply concerned", Keyword::Concerned),
    ("Having examined", Keyword::HavingExamined),
];
const UN_OPERATIVE: &[(&str, Keyword)] = &[
    ("Decides", Keyword::Decides),
    ("Also requests", Keyword::Requests),
    ("URGES", Keyword::Urges),
    ("Takes note", Keyword::TakesNote),
];

/// A UN-system resolution: header block, `80/16. Title`, issuer, paragraphs that open with
/// their keyword, numbered operative paragraphs with sub-items, adoption line and footnotes.
fn un_resolution(seed: u64) -> Document {
    let g = &mut Gen(seed | 1);
    let metadata = Metadata {
        organization: Some("United Nations".into()),
        body: g.chance(80).then(|| "General Assembly".into()),
        distribution: g.chance(80).then(|| "General".into()),
        date: g
            .chance(70)
            .then(|| format!("{} December 2025", 1 + g.below(28))),
        session: g.chance(70).then(|| "Eightieth session".into()),
        agenda_item: g.chance(60).then(|| (1 + g.below(150)).to_string()),
        agenda_title: None,
        adopted: g
            .chance(70)
            .then(|| "Resolution adopted by the General Assembly on 1 December 2025".into()),
        report: g
            .chance(50)
            .then(|| "on the report of the First Committee (A/80/534, para. 7)".into()),
    };
    let mut doc = Document {
        kind: Some(DocumentKind::Resolution),
        number: Some(format!("{}/{}", 70 + g.below(10), 1 + g.below(300))),
        title: Some(Name::new(text(g, "Open-ended")).expect("a few words are a title")),
        issuer: Some("The General Assembly".into()),
        metadata: Some(metadata),
        language: Some(LanguageTag::new("en").expect("a valid tag")),
        ..Document::default()
    };
    for _ in 0..1 + g.below(3) {
        let (phrase, keyword) = UN_PREAMBLE[g.below(UN_PREAMBLE.len())];
        doc.preamble.push(Section {
            keyword: Some(keyword),
            phrase: phrase.to_owned(),
            inline: true,
            clauses: vec![Clause {
                text: text(g, &format!("{phrase} the")),
                ..Clause::default()
            }],
            ..Section::default()
        });
    }
    for i in 1..=1 + g.below(4) {
        let (phrase, keyword) = UN_OPERATIVE[g.below(UN_OPERATIVE.len())];
        let sub = if g.chance(30) {
            vec![
                Clause {
                    num: Some("(a)".into()),
                    text: text(g, "the"),
                    ..Clause::default()
                },
                Clause {
                    num: Some("(b)".into()),
                    text: text(g, "the"),
                    ..Clause::default()
                },
            ]
        } else {
            Vec::new()
        };
        doc.operative.push(Section {
            keyword: Some(keyword),
            phrase: phrase.to_owned(),
            inline: true,
            clauses: vec![Clause {
                num: Some(format!("{i}.")),
                text: text(g, &format!("{phrase} the")),
                clauses: sub,
                ..Clause::default()
            }],
            ..Section::default()
        });
    }
    if g.chance(60) {
        doc.adoption = Some("52nd plenary meeting 1 December 2025".into());
    }
    for n in 1..=g.below(3) {
        doc.footnotes.push(Footnote {
            num: n.to_string(),
            text: "A/79/123, annex.".into(),
        });
    }
    doc.references = doc.find_references();
    doc
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn an_instrument_with_margins_and_chapters_reads_back(seed in any::<u64>()) {
        let doc = instrument(seed);
        let text = render(&doc);
        let back = parse(&text);
        prop_assert_eq!(&back, &doc, "text:\n{}", text);
    }

    #[test]
    fn a_un_resolution_reads_back(seed in any::<u64>()) {
        let doc = un_resolution(seed);
        let text = render(&doc);
        let back = parse(&text);
        prop_assert_eq!(&back, &doc, "text:\n{}", text);
    }

    #[test]
    fn canonical_text_reads_back_to_the_same_document(seed in any::<u64>()) {
        let doc = document(seed);
        let text = render(&doc);
        let back = parse(&text);
        prop_assert_eq!(&back, &doc, "text:\n{}", text);
        prop_assert_eq!(render(&back), text);
    }

    #[test]
    fn no_input_panics_the_parser(text in "(?s).{0,400}") {
        let doc = parse(&text);
        let _ = render(&doc);
    }

    #[test]
    fn no_line_soup_panics_the_parser(lines in proptest::collection::vec(
        prop_oneof![
            Just("considering".to_owned()), Just("resolves".to_owned()), Just("a)".to_owned()),
            Just("i)".to_owned()), Just("1.1".to_owned()), Just("SUP".to_owned()),
            Just("ARTICLE 3".to_owned()), Just("RESOLUTION 1 (Rev. Dubai, 2012)".to_owned()),
            Just("ADD B2/49/1".to_owned()), "[a-z0-9().\\[\\] ]{0,12}".prop_map(|s| s),
        ], 0..40)) {
        let text = lines.join("\n");
        let doc = parse(&text);
        // Every non-blank line is placed or kept: nothing is lost.
        let _ = render(&doc);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_text_against_itself_has_no_changes_and_proposes_only_noc(seed in any::<u64>()) {
        let doc = document(seed);
        prop_assert_eq!(plenary_treaty::diff(&doc, &doc).changes, []);
        let options = plenary_treaty::ProposalOptions { noc: true, reference: None };
        let proposal = plenary_treaty::propose(&doc, &doc, &options).unwrap();
        let mut actions = Vec::new();
        proposal.for_each_clause(|_, _, _, c| actions.push(c.mark.as_ref().map(|m| m.action)));
        prop_assert!(actions.iter().all(|a| *a == Some(MarkAction::Noc)), "{:?}", actions);
    }
}
