//! Proposals of our own making applied to, and compiled against, the International
//! Telecommunication Regulations (Melbourne, 1988) as the corpus holds them.

use plenary_treaty::{
    Clause, Document, Error, MarkAction, Misfit, ModificationKind, apply, compile, parse, render,
};

fn corpus(name: &str) -> String {
    let path = format!(
        "{}/../../../shared/corpus/treaty/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc = parse(&text);
    assert!(doc.unplaced.is_empty(), "{name}: {:?}", doc.unplaced);
    doc
}

fn itrs() -> Document {
    parse(&corpus("itr_1988_melbourne.txt"))
}

/// Every provision of a document, depth first, with its margin number.
fn provisions(doc: &Document) -> Vec<&Clause> {
    fn walk<'a>(out: &mut Vec<&'a Clause>, clauses: &'a [Clause]) {
        for clause in clauses {
            out.push(clause);
            walk(out, &clause.clauses);
        }
    }
    let mut out = Vec::new();
    for section in doc.preamble.iter().chain(&doc.operative) {
        walk(&mut out, &section.clauses);
    }
    for article in &doc.articles {
        walk(&mut out, &article.provisions);
    }
    for appendix in &doc.appendices {
        walk(&mut out, &appendix.provisions);
    }
    out
}

fn margins(doc: &Document) -> Vec<&str> {
    provisions(doc)
        .iter()
        .filter_map(|c| c.margin.as_deref())
        .collect()
}

fn by_margin<'a>(doc: &'a Document, margin: &str) -> Option<&'a Clause> {
    provisions(doc)
        .into_iter()
        .find(|c| c.margin.as_deref() == Some(margin))
}

#[test]
fn every_mark_is_applied_to_the_itrs() {
    let base = itrs();
    let proposal = fixture("itr_proposals_arb.txt");
    let amended = apply(&base, &proposal).expect("the proposal fits the ITRs");

    let article = &amended.articles[2];
    let marks: Vec<(Option<&str>, Option<&str>)> = article
        .provisions
        .iter()
        .map(|p| (p.margin.as_deref(), p.num.as_deref()))
        .collect();
    // NOC 28 kept, MOD 29 and (MOD) 30 replaced, SUP 31 gone, ADD 31A after it.
    assert_eq!(
        marks,
        [
            (Some("28"), Some("3.1")),
            (Some("29"), Some("3.2")),
            (Some("30"), Some("3.3")),
            (Some("31A"), Some("3.5"))
        ]
    );
    let text = |m: &str| by_margin(&amended, m).map(|c| c.text.as_str());
    assert_eq!(text("28"), by_margin(&base, "28").map(|c| c.text.as_str()));
    assert!(text("29").is_some_and(|t| t.starts_with("Member States shall endeavour")));
    assert!(text("30").is_some_and(|t| t.ends_with("destination administrations.")));
    assert!(text("31").is_none());
    assert!(text("31A").is_some_and(|t| t.contains("regional traffic exchange points")));
    // Nothing else moved: the amended ITRs have the base's margins, less 31, plus 31A.
    let mut expected: Vec<&str> = margins(&base).into_iter().filter(|m| *m != "31").collect();
    let at = expected.iter().position(|m| *m == "30").unwrap() + 1;
    expected.insert(at, "31A");
    assert_eq!(margins(&amended), expected);
    assert_eq!(amended.title, base.title);

    let record: Vec<(Option<ModificationKind>, String, Option<&str>)> = amended
        .modifications
        .iter()
        .map(|m| (m.kind(), m.place(), m.mark.reference.as_deref()))
        .collect();
    use ModificationKind::*;
    assert_eq!(
        record,
        [
            (
                Some(Substitution),
                "ARTICLE 3, 3.2 (No. 29)".to_owned(),
                Some("ARB/7/12")
            ),
            (
                Some(Substitution),
                "ARTICLE 3, 3.3 (No. 30)".to_owned(),
                Some("ARB/7/13")
            ),
            (
                Some(Repeal),
                "ARTICLE 3, 3.4 (No. 31)".to_owned(),
                Some("ARB/7/14")
            ),
            (
                Some(Insertion),
                "ARTICLE 3, 3.5 (No. 31A)".to_owned(),
                Some("ARB/7/15")
            ),
        ]
    );
    let repeal = &amended.modifications[2];
    assert!(
        repeal
            .old
            .as_deref()
            .is_some_and(|t| t.contains("has the right to send traffic"))
    );
    assert_eq!(repeal.new, None);
    assert_eq!(repeal.source(), Some("ARB"));
    // The amended text has no proposal marks and reads back the same.
    assert!(provisions(&amended).iter().all(|c| c.mark.is_none()));
    let back = parse(&render(&amended));
    assert_eq!(back.articles, amended.articles);
}

#[test]
fn a_new_article_goes_after_the_one_it_follows_and_a_suppressed_one_goes() {
    let base = itrs();
    let amended = apply(&base, &fixture("itr_proposal_new_article.txt")).unwrap();
    let nums: Vec<&str> = amended.articles.iter().map(|a| a.num.as_str()).collect();
    assert_eq!(nums, ["1", "2", "3", "4", "5", "5A", "6", "7", "9", "10"]);
    let new = &amended.articles[5];
    assert_eq!(
        new.heading.as_deref(),
        Some("Confidence and security of telecommunications")
    );
    assert_eq!(new.provisions.len(), 2);
    assert!(new.provisions.iter().all(|p| p.mark.is_none()));
    let kinds: Vec<(Option<ModificationKind>, String)> = amended
        .modifications
        .iter()
        .map(|m| (m.kind(), m.place()))
        .collect();
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    assert_eq!(
        kinds[0],
        (Some(ModificationKind::Insertion), "ARTICLE 5A".into())
    );
    assert_eq!(
        kinds[3],
        (Some(ModificationKind::Repeal), "ARTICLE 8".into())
    );
}

#[test]
fn provisions_named_by_margin_number_alone_are_found_anywhere() {
    let base = itrs();
    let amended = apply(&base, &fixture("itr_proposal_margins_only.txt")).unwrap();
    let article = &amended.articles[0];
    let last: Vec<(Option<&str>, Option<&str>)> = article
        .provisions
        .iter()
        .rev()
        .take(2)
        .map(|p| (p.margin.as_deref(), p.num.as_deref()))
        .collect();
    assert_eq!(
        last,
        [(Some("12A"), Some("1.9")), (Some("12"), Some("1.8"))]
    );
    assert!(
        by_margin(&amended, "12").is_some_and(|c| c.text.starts_with("These Regulations shall"))
    );
    // SUP 3 b) took the sub-item out of provision 1.1 (No. 2), leaving a).
    let first = &article.provisions[0];
    assert_eq!(first.clauses.len(), 1);
    assert_eq!(first.clauses[0].num.as_deref(), Some("a)"));
    assert!(by_margin(&amended, "3").is_none());
}

fn misfit(proposal: &str) -> (String, Misfit) {
    let base = itrs();
    match apply(&base, &parse(proposal)) {
        Err(Error::Misfit {
            mark,
            provision,
            reason,
        }) => (format!("{mark} on {provision}"), reason),
        other => panic!("expected a misfit for {proposal:?}, got {other:?}"),
    }
}

#[test]
fn every_misfit_is_refused_by_name() {
    const HEAD: &str =
        "PROPOSALS\n\nIllustrative misfits\n\nARTICLE 3\n\nInternational Network\n\n";
    let differs = Misfit::TextDiffers {
        base: "Members shall ensure that administrations cooperate in the establishment, \
               operation and maintenance of the international network to provide a \
               satisfactory quality of service."
            .into(),
    };
    for (body, name, reason) in [
        (
            "MOD ARB/7/20\n99 3.9 Members shall do more.\n",
            "MOD ARB/7/20 on ARTICLE 3, 3.9 (No. 99)",
            Misfit::NotInBase,
        ),
        (
            "SUP ARB/7/21\n3.9\n",
            "SUP ARB/7/21 on ARTICLE 3, 3.9",
            Misfit::NotInBase,
        ),
        (
            "ADD ARB/7/22\n28 3.1 Members shall cooperate.\n",
            "ADD ARB/7/22 on ARTICLE 3, 3.1 (No. 28)",
            Misfit::AlreadyInBase,
        ),
        (
            "NOC ARB/7/23\n28 3.1 Members shall cooperate.\n",
            "NOC ARB/7/23 on ARTICLE 3, 3.1 (No. 28)",
            differs,
        ),
        (
            "3.9 Members shall do more.\n",
            "(unmarked) on ARTICLE 3, 3.9",
            Misfit::UnmarkedNew,
        ),
        (
            "MOD ARB/7/24\n29 3.2 One way.\nMOD ARB/7/25\n29 3.2 Another way.\n",
            "MOD ARB/7/25 on ARTICLE 3, 3.2 (No. 29)",
            Misfit::MarkedTwice,
        ),
        (
            "ADD ARB/7/26\n31A 3.5 New:\nMOD ARB/7/27\na) inside.\n",
            "MOD ARB/7/27 on ARTICLE 3, 3.5 a)",
            Misfit::InsideNew,
        ),
        (
            "MOD ARB/7/34\n29 3.2 Fine.\nSUP ARB/7/35\nARTICLE 1\n\nMOD ARB/7/36\n12 1.8 Lost.\n",
            "MOD ARB/7/36 on ARTICLE 1, 1.8 (No. 12)",
            Misfit::InsideRemoved,
        ),
        (
            "SUP ARB/7/37\n2 1.1\n\nMOD ARB/7/38\n3 b) Lost with its parent.\n",
            "MOD ARB/7/38 on ARTICLE 1, 1.1 b) (No. 3)",
            Misfit::InsideRemoved,
        ),
        (
            "MOD ARB/7/28\n29 3.2 Fine.\nSUP ARB/7/29\nARTICLE 12\n",
            "SUP ARB/7/29 on ARTICLE 12",
            Misfit::NotInBase,
        ),
    ] {
        let (got_name, got_reason) = misfit(&format!("{HEAD}{body}"));
        assert_eq!((got_name.as_str(), &got_reason), (name, &reason), "{body}");
    }
    let (name, reason) =
        misfit("ADD B2/49/1\n\nRESOLUTION 1\n\nA whole new text\n\nresolves\n\n1 to act.\n");
    assert_eq!(
        (name.as_str(), reason),
        ("ADD B2/49/1 on 1", Misfit::WholeText)
    );
}

#[test]
fn a_misfit_says_what_where_and_why() {
    let base = itrs();
    let proposal = parse("PROPOSALS\n\nIllustrative\n\nARTICLE 3\n\nMOD ARB/7/20\n99 3.9 More.\n");
    let err = apply(&base, &proposal).unwrap_err();
    assert_eq!(
        err.to_string(),
        "MOD ARB/7/20 on ARTICLE 3, 3.9 (No. 99) does not fit the base text: the base has no \
         such provision; a new provision takes ADD"
    );
}

#[test]
fn proposals_apply_one_after_another_and_keep_the_history() {
    let base = itrs();
    let first = apply(&base, &fixture("itr_proposal_new_article.txt")).unwrap();
    let second = apply(&first, &fixture("itr_proposals_arb.txt")).unwrap();
    let references: Vec<&str> = second
        .modifications
        .iter()
        .filter_map(|m| m.mark.reference.as_deref())
        .collect();
    assert_eq!(
        references,
        [
            "RCC/5/1", "RCC/5/2", "RCC/5/3", "RCC/5/4", "ARB/7/12", "ARB/7/13", "ARB/7/14",
            "ARB/7/15"
        ]
    );
    // The USA's proposal no longer fits once the ARB one changed No. 29.
    let err = apply(&second, &fixture("itr_proposals_usa.txt")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("NOC USA/9/1 on ARTICLE 3, 3.2 (No. 29)"),
        "{err}"
    );
}

#[test]
fn the_two_versions_of_a_revision_proposal_fixture_apply_back() {
    let base = fixture("10_itr_revision_proposal_base.txt");
    let new = fixture("11_itr_revision_proposal_new.txt");
    let options = plenary_treaty::ProposalOptions {
        noc: true,
        reference: Some("ARB/7".into()),
    };
    let proposal = plenary_treaty::propose(&base, &new, &options).unwrap();
    let amended = apply(&base, &proposal).unwrap();
    assert_eq!(amended.articles[0].provisions.len(), 4);
    assert_eq!(
        amended.articles[0].provisions[1].num.as_deref(),
        Some("3.1bis")
    );
    assert_eq!(
        amended
            .modifications
            .iter()
            .map(|m| m.mark.action)
            .collect::<Vec<_>>(),
        [MarkAction::Mod, MarkAction::Sup, MarkAction::Add]
    );
}

#[test]
fn two_proposals_are_compiled_side_by_side() {
    let base = itrs();
    let arb = fixture("itr_proposals_arb.txt");
    let usa = fixture("itr_proposals_usa.txt");
    let full = compile(&base, &[arb.clone(), usa.clone()]);
    assert_eq!(full.sources, ["ARB", "USA"]);
    // Every base provision is there, plus the one both add.
    assert_eq!(full.provisions.len(), provisions(&base).len() + 1);
    let compilation = full.without_untouched();
    let rows: Vec<(String, Vec<String>)> = compilation
        .provisions
        .iter()
        .map(|p| {
            (
                p.place(),
                p.proposals.iter().map(|x| x.mark.to_string()).collect(),
            )
        })
        .collect();
    let row = |place: &str, marks: &[&str]| {
        (
            place.to_owned(),
            marks.iter().map(|m| (*m).to_owned()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        rows,
        [
            row("ARTICLE 3, 3.1 (No. 28)", &["NOC ARB/7/11"]),
            row("ARTICLE 3, 3.2 (No. 29)", &["MOD ARB/7/12", "NOC USA/9/1"]),
            row("ARTICLE 3, 3.3 (No. 30)", &["(MOD) ARB/7/13"]),
            row("ARTICLE 3, 3.4 (No. 31)", &["SUP ARB/7/14", "MOD USA/9/2"]),
            row("ARTICLE 3, 3.5 (No. 31A)", &["ADD ARB/7/15", "ADD USA/9/3"]),
            row("ARTICLE 5, 5.3 (No. 41)", &["SUP USA/9/4"]),
        ]
    );
    let added = &compilation.provisions[4];
    assert_eq!(added.text, None);
    assert_eq!(added.proposals[1].source, "USA");
    assert_eq!(
        added.proposals[1].text,
        "Members shall not regulate the content of telecommunications."
    );
    assert!(
        compilation
            .provisions
            .iter()
            .all(|p| p.proposals.iter().all(|x| x.misfit.is_none()))
    );

    let md = compilation.to_markdown();
    assert!(md.starts_with("| provision | base text | ARB | USA |\n|---|---|---|---|\n"));
    assert!(md.contains("| ARTICLE 3, 3.5 \\(No. 31A\\) | _(new)_ | `ADD ARB/7/15` Member States"));
    let html = compilation.to_html();
    assert!(html.contains("<th>ARB</th><th>USA</th>"));
    assert_eq!(html.matches("<tr><th scope=\"row\">").count(), 6);
    let json = serde_json::to_value(&compilation).unwrap();
    assert_eq!(json["provisions"][4]["margin"], "31A");
    assert_eq!(
        json["provisions"][4]["proposals"][0]["mark"]["action"],
        "add"
    );
    let back: plenary_treaty::Compilation = serde_json::from_value(json).unwrap();
    assert_eq!(back, compilation);
}

#[test]
fn the_amended_document_and_its_record_round_trip_through_json() {
    let amended = apply(&itrs(), &fixture("itr_proposals_arb.txt")).unwrap();
    let json = serde_json::to_string(&amended).unwrap();
    assert!(json.contains(r#""modifications":[{"mark":{"action":"mod","reference":"ARB/7/12"}"#));
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back, amended);
}

#[test]
fn a_compilation_shows_misfits_instead_of_refusing_them() {
    let base = itrs();
    let flawed = parse(
        "PROPOSALS\n\nIllustrative\n\nARTICLE 3\n\nNOC CEPT/2/1\n28 3.1 Members shall cooperate.\n\nMOD CEPT/2/2\n99 3.9 More.\n",
    );
    let compilation = compile(&base, &[flawed]).without_untouched();
    let rows: Vec<(String, Option<&str>, Option<String>)> = compilation
        .provisions
        .iter()
        .map(|p| {
            (
                p.place(),
                p.text.as_deref().map(|_| "base"),
                p.proposals[0].misfit.clone(),
            )
        })
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].0, "ARTICLE 3, 3.1 (No. 28)");
    assert!(
        rows[0]
            .2
            .as_deref()
            .is_some_and(|m| m.starts_with("NOC, but the base reads"))
    );
    assert_eq!(rows[1].0, "ARTICLE 3, 3.9 (No. 99)");
    assert_eq!(rows[1].1, None);
    assert_eq!(
        rows[1].2.as_deref(),
        Some("the base has no such provision; a new provision takes ADD")
    );
    assert!(
        compilation
            .to_markdown()
            .contains("(does not fit: NOC, but the base reads")
    );
    assert!(
        compilation
            .to_html()
            .contains("<p class=\"proposal misfit\">")
    );
}

#[test]
fn akoma_ntoso_records_the_modifications_on_both_sides() {
    let base = itrs();
    let proposal = fixture("itr_proposals_arb.txt");
    let amended = apply(&base, &proposal).unwrap();
    let xml = plenary_treaty::to_akn(&amended).unwrap();
    assert_eq!(xml.matches("<textualMod ").count(), 4);
    assert!(xml.contains(
        r##"<textualMod eId="pmod_3" type="repeal"><source href="#src_arb-7-14"/><destination href="#art_3__para_3-4"/><old>"##
    ));
    assert!(xml.contains(
        r#"<passiveRef eId="src_arb-7-15" href="/akn/int/doc/proposal/itu/arb-7-15" showAs="ADD ARB/7/15"/>"#
    ));
    // Every inserted or substituted provision is where its destination points.
    let destinations: Vec<&str> = xml
        .split("<destination href=\"#")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(destinations.len(), amended.modifications.len());
    for (m, destination) in amended.modifications.iter().zip(destinations) {
        let present = xml.contains(&format!("<paragraph eId=\"{destination}\""));
        assert_eq!(
            present,
            m.kind() != Some(ModificationKind::Repeal),
            "{destination}"
        );
    }
    let active = plenary_treaty::to_akn(&proposal).unwrap();
    // NOC changes nothing, so four of the five marks are active modifications.
    assert_eq!(active.matches("<textualMod ").count(), 4);
    assert!(active.contains(
        r##"<textualMod eId="amod_4" type="insertion"><source href="#art_3__para_3-5"/>"##
    ));
    // A text with neither marks nor modifications has no analysis.
    assert!(!plenary_treaty::to_akn(&base).unwrap().contains("<analysis"));
}
