//! Property test: a proposal written from a diff, applied to its base, gives the new version
//! back — `apply(base, propose(base, new)) == new` — for instruments with articles, margin
//! numbers, nested sub-items and sections, edited by MOD, SUP and ADD of provisions,
//! sub-items and whole articles.

use plenary_treaty::{
    Article, Clause, Document, DocumentKind, Keyword, ProposalOptions, Section, apply, compile,
    propose,
};
use proptest::prelude::*;

/// A small deterministic generator driven by proptest's seed.
struct Gen {
    state: u64,
    /// Makes every text unique, so that the diff never takes one provision for another.
    token: usize,
}

impl Gen {
    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn text(&mut self, what: &str) -> String {
        self.token += 1;
        const WORDS: &[&str] = &[
            "Member States",
            "shall",
            "endeavour",
            "to ensure",
            "international",
            "telecommunication",
            "services",
            "administrations",
        ];
        let mut text = format!("{what} t{}", self.token);
        for _ in 0..self.below(6) {
            text.push(' ');
            text.push_str(WORDS[self.below(WORDS.len())]);
        }
        text.push(';');
        text
    }
}

fn clause(num: String, text: String, margin: Option<String>) -> Clause {
    Clause {
        num: Some(num),
        text,
        margin,
        ..Clause::default()
    }
}

/// An instrument: optionally a `resolves` section, then articles of numbered provisions with
/// margin numbers running through the text (or none), some with lettered sub-items.
fn base(g: &mut Gen) -> Document {
    let margins = g.chance(60);
    let mut margin = 0;
    let mut doc = Document {
        kind: Some(DocumentKind::Regulations),
        title: Some("Illustrative Regulations".parse().expect("a valid title")),
        ..Document::default()
    };
    if g.chance(30) {
        let clauses = (1..=1 + g.below(3))
            .map(|i| clause(i.to_string(), g.text("resolves"), None))
            .collect();
        doc.operative.push(Section {
            keyword: Some(Keyword::Resolves),
            phrase: "resolves".into(),
            clauses,
            ..Section::default()
        });
    }
    for a in 1..=1 + g.below(4) {
        let mut provisions = Vec::new();
        for p in 1..=1 + g.below(4) {
            margin += 1;
            let mut provision = clause(
                format!("{a}.{p}"),
                g.text("provision"),
                margins.then(|| margin.to_string()),
            );
            if g.chance(30) {
                for letter in ["a)", "b)", "c)"].iter().take(1 + g.below(3)) {
                    provision
                        .clauses
                        .push(clause((*letter).to_owned(), g.text("item"), None));
                }
            }
            provisions.push(provision);
        }
        doc.articles.push(Article {
            num: a.to_string(),
            heading: Some(format!("Heading of article {a}")),
            provisions,
            ..Article::default()
        });
    }
    doc.references = doc.find_references();
    doc
}

/// Edits a list of clauses: MOD, SUP (never the last one standing) and ADD after a clause
/// (`3.1bis`, `bbis)`, margin `12A`).
fn edit(g: &mut Gen, clauses: &mut Vec<Clause>, nested: bool) {
    let mut out = Vec::with_capacity(clauses.len() + 2);
    let count = clauses.len();
    for (i, mut clause) in std::mem::take(clauses).into_iter().enumerate() {
        let last_standing = out.is_empty() && i + 1 == count;
        if !last_standing && g.chance(12) {
            continue;
        }
        if g.chance(20) {
            clause.text = format!("{} amended", g.text("changed"));
        }
        if !nested {
            edit(g, &mut clause.clauses, true);
            if clause.clauses.is_empty() && g.chance(10) {
                clause.clauses.push(Clause {
                    num: Some("a)".into()),
                    text: g.text("new item"),
                    ..Clause::default()
                });
            }
        }
        let num = clause.num.clone().unwrap_or_default();
        let margin = clause.margin.clone();
        out.push(clause);
        if g.chance(15) {
            let num = match num.strip_suffix(')') {
                Some(letter) => format!("{letter}bis)"),
                None => format!("{num}bis"),
            };
            let mut new = Clause {
                num: Some(num),
                text: g.text("added"),
                margin: margin.map(|m| format!("{m}A")),
                ..Clause::default()
            };
            if !nested && g.chance(30) {
                new.clauses.push(Clause {
                    num: Some("a)".into()),
                    text: g.text("added item"),
                    ..Clause::default()
                });
            }
            out.push(new);
        }
    }
    *clauses = out;
}

/// A new version of `base`: provisions and sub-items edited, articles suppressed or added
/// (`2A` after `2`).
fn new_version(g: &mut Gen, base: &Document) -> Document {
    let mut new = base.clone();
    for section in &mut new.operative {
        edit(g, &mut section.clauses, false);
    }
    let mut articles = Vec::new();
    for mut article in std::mem::take(&mut new.articles) {
        if g.chance(10) {
            continue;
        }
        edit(g, &mut article.provisions, false);
        let num = article.num.clone();
        articles.push(article);
        if g.chance(12) {
            let num = format!("{num}A");
            let provisions = (1..=1 + g.below(2))
                .map(|p| clause(format!("{num}.{p}"), g.text("new article"), None))
                .collect();
            articles.push(Article {
                num,
                heading: Some(g.text("heading")),
                provisions,
                ..Article::default()
            });
        }
    }
    new.articles = articles;
    new.references = new.find_references();
    new
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_proposal_from_a_diff_applies_back_to_the_new_version(
        seed in any::<u64>(),
        noc in any::<bool>(),
        numbered in any::<bool>(),
    ) {
        let g = &mut Gen { state: seed | 1, token: 0 };
        let base = base(g);
        let new = new_version(g, &base);
        let options = ProposalOptions {
            noc,
            reference: numbered.then(|| "ARB/7".to_owned()),
        };
        let proposal = propose(&base, &new, &options).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut amended = apply(&base, &proposal)
            .map_err(|e| TestCaseError::fail(format!("{e}\nproposal: {proposal:#?}")))?;
        prop_assert!(amended.modifications.iter().all(|m| m.kind().is_some()));
        amended.modifications.clear();
        prop_assert_eq!(&amended, &new, "proposal: {:#?}", proposal);

        // The compilation of that one proposal has no misfit, and shows every mark.
        let compilation = compile(&base, std::slice::from_ref(&proposal));
        prop_assert!(compilation
            .provisions
            .iter()
            .all(|p| p.proposals.iter().all(|x| x.misfit.is_none())));
    }

    #[test]
    fn an_empty_proposal_changes_nothing(seed in any::<u64>()) {
        let g = &mut Gen { state: seed | 1, token: 0 };
        let base = base(g);
        prop_assert_eq!(apply(&base, &Document::default()).ok(), Some(base));
    }
}

/// The property above is only as good as the edits it sees: over a few hundred seeds, the
/// generator makes every kind of change, with and without margin numbers.
#[test]
fn the_generator_makes_every_kind_of_change() {
    let mut seen = std::collections::BTreeSet::new();
    for seed in 1..300u64 {
        let g = &mut Gen {
            state: seed * 7919,
            token: 0,
        };
        let base = base(g);
        let new = new_version(g, &base);
        let proposal =
            propose(&base, &new, &ProposalOptions::default()).expect("no reference to check");
        let amended = apply(&base, &proposal).expect("a proposal from a diff fits");
        for m in &amended.modifications {
            let nested = m.path.len() > 1;
            seen.insert(format!(
                "{:?} nested={nested} margin={}",
                m.mark.action,
                m.margin.is_some()
            ));
        }
        let before: Vec<&str> = base.articles.iter().map(|a| a.num.as_str()).collect();
        let after: Vec<&str> = amended.articles.iter().map(|a| a.num.as_str()).collect();
        if after.iter().any(|a| !before.contains(a)) {
            seen.insert("new article".into());
        }
        if before.iter().any(|b| !after.contains(b)) {
            seen.insert("article gone".into());
        }
    }
    for kind in [
        "Add nested=false margin=true",
        "Add nested=false margin=false",
        "Add nested=true margin=false",
        "Mod nested=false margin=true",
        "Mod nested=true margin=false",
        "Sup nested=false margin=true",
        "Sup nested=true margin=false",
        "new article",
        "article gone",
    ] {
        assert!(seen.contains(kind), "{kind} never happens: {seen:?}");
    }
}
