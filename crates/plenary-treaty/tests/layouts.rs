//! Real layouts: the ITU and UN texts of `../shared/corpus/treaty/` (read from there, never
//! copied in), an instrument with chapters and margin notes, UN resolutions in the six
//! languages, and hostile line ends, titles and volumes.

use plenary_treaty::{
    AppendixKind, DivisionKind, Document, DocumentKind, Keyword, Language, MAX_UNPLACED, parse,
    render, to_akn,
};

fn corpus(name: &str) -> String {
    let path = format!(
        "{}/../../../shared/corpus/treaty/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `margin num` of every provision of an article, depth first, `-` for none.
/// `broken` reads as `whole` does, however its lines break, and its rendering reads back the
/// same; the document it reads as.
fn reads_as(broken: &str, whole: &str) -> Document {
    let doc = parse(broken);
    assert_eq!(doc, parse(whole), "{broken:?}");
    assert_eq!(parse(&render(&doc)), doc, "{broken:?}");
    doc
}

fn provisions(doc: &Document, article: usize) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(out: &mut Vec<String>, clauses: &[plenary_treaty::Clause], depth: usize) {
        for c in clauses {
            out.push(format!(
                "{}{} {}",
                "  ".repeat(depth),
                c.margin.as_deref().unwrap_or("-"),
                c.num.as_deref().unwrap_or("-")
            ));
            walk(out, &c.clauses, depth + 1);
        }
    }
    walk(&mut out, &doc.articles[article].provisions, 0);
    out
}

#[test]
fn the_itrs_of_1988_read_with_margins_lists_appendices_and_nothing_unplaced() {
    let doc = parse(&corpus("itr_1988_melbourne.txt"));
    assert_eq!(doc.unplaced, []);
    assert_eq!(
        doc.title.as_ref().map(|t| t.as_str()),
        Some("International Telecommunications Regulations")
    );
    assert_eq!(doc.preamble_heading.as_deref(), Some("Preamble"));
    assert_eq!(doc.preamble[0].clauses[0].margin.as_deref(), Some("1"));
    assert_eq!(doc.articles.len(), 10);
    assert_eq!(
        doc.articles[0].heading.as_deref(),
        Some("Purpose and Scope of the Regulations")
    );
    // `2 1.1 a) These Regulations …`: margin 2, provision 1.1, sub-item a).
    assert_eq!(
        provisions(&doc, 0)[..4],
        ["2 1.1", "  - a)", "  3 b)", "4 1.2"]
    );
    let first = &doc.articles[0].provisions[0].clauses[0];
    assert!(first.text.starts_with("These Regulations establish"));
    // Article 2: a provision with no number, then 2.1 beside it, not below it.
    assert_eq!(provisions(&doc, 1)[..2], ["13 -", "14 2.1"]);
    // Dash lists: three items under 2.4, two under 2.7 a).
    let art2 = &doc.articles[1].provisions;
    let p24 = art2
        .iter()
        .find(|p| p.num.as_deref() == Some("2.4"))
        .unwrap();
    assert_eq!(p24.items.len(), 3);
    assert_eq!(p24.items[0].text, "administrations;");
    let p27 = art2
        .iter()
        .find(|p| p.num.as_deref() == Some("2.7"))
        .unwrap();
    assert_eq!(p27.clauses[0].items.len(), 2);
    // Every provision of the articles has its margin number, 1 to 64 in order.
    let mut margins = Vec::new();
    doc.for_each_clause(|part, _, _, c| {
        if part == plenary_treaty::DocumentPart::Articles
            && let Some(m) = &c.margin
        {
            margins.push(m.parse::<u32>().unwrap());
        }
    });
    assert_eq!(margins, (2..=64).collect::<Vec<_>>());
    assert_eq!(doc.closing.len(), 1);
    assert!(doc.closing[0].starts_with("IN WITNESS WHEREOF"));
    let kinds: Vec<_> = doc
        .appendices
        .iter()
        .map(|a| (a.kind, a.num.as_deref(), a.provisions.len()))
        .collect();
    assert_eq!(
        kinds,
        [
            (AppendixKind::Appendix, Some("1"), 3),
            (AppendixKind::Appendix, Some("2"), 4),
            (AppendixKind::Appendix, Some("3"), 3)
        ]
    );
    // `1` / `General` / a paragraph: a heading clause with its paragraph.
    let general = &doc.appendices[1].provisions[0];
    assert_eq!(general.text, "General");
    assert!(
        general.clauses[0]
            .text
            .starts_with("The provisions contained")
    );
    assert_eq!(parse(&render(&doc)), doc);
}

#[test]
fn the_unga_resolution_80_16_reads_with_its_header_keywords_and_nothing_unplaced() {
    let doc = parse(&corpus("unga_res_80_16.txt"));
    assert_eq!(doc.unplaced, []);
    assert_eq!(doc.kind, Some(DocumentKind::Resolution));
    assert_eq!(doc.number.as_deref(), Some("80/16"));
    assert_eq!(doc.issuer.as_deref(), Some("The General Assembly"));
    let meta = doc.metadata.as_ref().unwrap();
    assert_eq!(meta.organization.as_deref(), Some("United Nations"));
    assert_eq!(meta.body.as_deref(), Some("General Assembly"));
    assert_eq!(meta.distribution.as_deref(), Some("General"));
    assert_eq!(meta.date.as_deref(), Some("5 December 2025"));
    assert_eq!(meta.session.as_deref(), Some("Eightieth session"));
    assert_eq!(meta.agenda_item.as_deref(), Some("94"));
    assert_eq!(
        meta.report.as_deref(),
        Some("on the report of the First Committee (A/80/534, para. 7)")
    );
    let preamble: Vec<_> = doc
        .preamble
        .iter()
        .map(|s| (s.keyword, s.phrase.as_str(), s.inline))
        .collect();
    assert_eq!(
        preamble,
        [
            (Some(Keyword::Recalling), "Recalling", true),
            (Some(Keyword::Recalling), "Recalling also", true),
            (Some(Keyword::Recalling), "Recalling further", true)
        ]
    );
    let operative: Vec<_> = doc
        .operative
        .iter()
        .map(|s| (s.keyword, s.phrase.as_str(), s.clauses[0].num.as_deref()))
        .collect();
    assert_eq!(
        operative,
        [
            (Some(Keyword::Decides), "Decides", Some("1.")),
            (Some(Keyword::Requests), "Requests", Some("2.")),
            (Some(Keyword::Requests), "Also requests", Some("3.")),
            (Some(Keyword::Decides), "Also decides", Some("4."))
        ]
    );
    // Paragraph 2 is joined across the page break; its running head is kept aside.
    let p2 = &doc.operative[1].clauses[0].text;
    assert!(
        p2.contains("by the General Assembly in its resolution 79/237, and"),
        "{p2}"
    );
    assert_eq!(doc.running_heads.len(), 1);
    assert_eq!(doc.running_heads[0].line, 25);
    assert_eq!(
        doc.adoption.as_deref(),
        Some("52nd plenary meeting 1 December 2025")
    );
    let mut back = parse(&render(&doc));
    back.running_heads = doc.running_heads.clone();
    assert_eq!(back, doc);
}

#[test]
fn an_instrument_with_chapters_sections_margin_notes_and_an_annex() {
    let doc = parse(&fixture("13_instrument_chapters_margins.txt"));
    assert_eq!(doc.unplaced, []);
    assert_eq!(doc.preamble_heading.as_deref(), Some("PREAMBLE"));
    let divisions: Vec<_> = doc
        .articles
        .iter()
        .map(|a| {
            a.divisions
                .iter()
                .map(|d| (d.kind, d.num.as_deref(), d.heading.as_deref()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        divisions,
        [
            vec![(DivisionKind::Chapter, Some("I"), Some("Basic Provisions"))],
            vec![(DivisionKind::Section, Some("2"), Some("Members"))],
            vec![(DivisionKind::Chapter, Some("II"), Some("Final Provisions"))]
        ]
    );
    assert_eq!(doc.articles[2].num, "3A");
    let art1 = &doc.articles[0].provisions;
    let sub = &art1[0].clauses;
    assert_eq!(sub[1].revised_by, ["PP-98"]);
    assert_eq!(
        (sub[2].margin.as_deref(), sub[2].num.as_deref()),
        (Some("3B"), Some("bbis)"))
    );
    assert_eq!(sub[2].items.len(), 2);
    assert_eq!(
        sub[2].items[1].text,
        "to developing countries in particular, in accordance with their needs;"
    );
    assert!(art1[1].suppressed && art1[1].revised_by == ["PP-02"] && art1[1].text.is_empty());
    assert_eq!(
        art1[2].divisions[0].heading.as_deref(),
        Some("Transitional arrangements")
    );
    let annex = &doc.appendices[0];
    assert_eq!(annex.target.as_deref(), Some("RESOLUTION 101"));
    assert_eq!(annex.provisions[0].margin.as_deref(), Some("1001"));
    assert_eq!(parse(&render(&doc)), doc);
}

#[test]
fn agency_resolutions_in_capitals_with_modifiers_before_the_keyword() {
    let doc = parse(&fixture("14_un_resolution_imo_capitals.txt"));
    assert_eq!(doc.unplaced, []);
    assert_eq!(doc.number.as_deref(), Some("A.1099(29)"));
    assert_eq!(doc.issuer.as_deref(), Some("THE ASSEMBLY"));
    let keywords: Vec<_> = doc
        .preamble
        .iter()
        .chain(&doc.operative)
        .map(|s| (s.keyword.unwrap(), s.phrase.as_str()))
        .collect();
    assert_eq!(
        keywords,
        [
            (Keyword::Recalling, "RECALLING"),
            (Keyword::Noting, "NOTING FURTHER"),
            (Keyword::Concerned, "Deeply concerned"),
            (Keyword::HavingExamined, "Having examined"),
            (Keyword::Urges, "URGES"),
            (Keyword::Requests, "REQUESTS"),
            (Keyword::Urges, "ALSO URGES")
        ]
    );
    assert_eq!(doc.operative[1].clauses[0].clauses.len(), 2);
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(doc.footnotes[0].num, "4");
    assert_eq!(parse(&render(&doc)), doc);
}

#[test]
fn un_resolutions_in_the_six_languages() {
    // File, language, preamble keywords, operative keywords, adoption line present.
    type Row = (&'static str, &'static str, [Keyword; 3], [Keyword; 3], bool);
    let rows: [Row; 6] = [
        (
            "unga_res_80_16.txt",
            "en",
            [Keyword::Recalling; 3],
            [Keyword::Decides, Keyword::Requests, Keyword::Requests],
            true,
        ),
        (
            "15_un_resolution_fr.txt",
            "fr",
            [Keyword::Recalling, Keyword::Recalling, Keyword::Considering],
            [Keyword::Resolves, Keyword::Requests, Keyword::Requests],
            true,
        ),
        (
            "16_un_resolution_es.txt",
            "es",
            [
                Keyword::Recalling,
                Keyword::Recalling,
                Keyword::BearingInMind,
            ],
            [Keyword::Decides, Keyword::Requests, Keyword::Decides],
            true,
        ),
        (
            "17_un_resolution_ru.txt",
            "ru",
            [
                Keyword::Recalling,
                Keyword::Recalling,
                Keyword::TakingIntoAccount,
            ],
            [Keyword::Decides, Keyword::Requests, Keyword::Decides],
            true,
        ),
        (
            "18_un_resolution_ar.txt",
            "ar",
            [
                Keyword::Recalling,
                Keyword::Recalling,
                Keyword::BearingInMind,
            ],
            [Keyword::Decides, Keyword::Requests, Keyword::Decides],
            true,
        ),
        (
            "19_un_resolution_zh.txt",
            "zh",
            [
                Keyword::Recalling,
                Keyword::Recalling,
                Keyword::BearingInMind,
            ],
            [Keyword::Decides, Keyword::Requests, Keyword::Decides],
            true,
        ),
    ];
    for (file, language, preamble, operative, adopted) in rows {
        let text = if file.starts_with("unga") {
            corpus(file)
        } else {
            fixture(file)
        };
        let doc = parse(&text);
        assert_eq!(doc.unplaced, [], "{file}");
        assert_eq!(
            doc.language
                .as_ref()
                .map(|l| l.primary_language().to_owned()),
            Some(language.to_owned()),
            "{file}"
        );
        assert!(Language::from_code(language).is_some());
        assert_eq!(doc.number.as_deref(), Some("80/16"), "{file}");
        assert!(doc.issuer.is_some(), "{file}");
        assert!(doc.metadata.is_some(), "{file}");
        let got: Vec<Keyword> = doc.preamble.iter().filter_map(|s| s.keyword).collect();
        assert_eq!(got, preamble, "{file}");
        let got: Vec<Keyword> = doc
            .operative
            .iter()
            .take(3)
            .filter_map(|s| s.keyword)
            .collect();
        assert_eq!(got, operative, "{file}");
        assert!(doc.preamble.iter().chain(&doc.operative).all(|s| s.inline));
        assert_eq!(doc.adoption.is_some(), adopted, "{file}");
        let mut back = parse(&render(&doc));
        back.running_heads = doc.running_heads.clone();
        assert_eq!(back, doc, "{file}");
    }
}

#[test]
fn akoma_ntoso_of_the_new_layouts_carries_their_structure() {
    let itr = to_akn(&parse(&corpus("itr_1988_melbourne.txt"))).unwrap();
    for expected in [
        "<act name=\"document\">",
        "class=\"margin-2\"",
        "<hcontainer eId=\"appendix_1\" name=\"appendix\">",
        "<blockList eId=\"art_2__para_2-4__list_items\" class=\"dash\">",
        "<p class=\"closing\">IN WITNESS WHEREOF",
    ] {
        assert!(itr.contains(expected), "{expected}");
    }
    let un = to_akn(&parse(&corpus("unga_res_80_16.txt"))).unwrap();
    for expected in [
        "<recitals eId=\"preamble__recitals_1\">",
        "<recital eId=\"preamble__recitals_1__recital_2\" class=\"recalling\">",
        "<paragraph eId=\"para_1\" class=\"decides\"><num>1.</num>",
        "<p class=\"adoption\">52nd plenary meeting 1 December 2025</p>",
        "<p class=\"organization\">United Nations</p>",
    ] {
        assert!(un.contains(expected), "{expected}");
    }
    let instrument = to_akn(&parse(&fixture("13_instrument_chapters_margins.txt"))).unwrap();
    for expected in [
        "<chapter eId=\"art_1_div_1\"><num>CHAPTER I</num><heading>Basic Provisions</heading>",
        "class=\"margin-3b revised-by-pp-06\"",
        "class=\"margin-4 revised-by-pp-02 suppressed\"",
        "<subheading>Transitional arrangements</subheading>",
    ] {
        assert!(instrument.contains(expected), "{expected}");
    }
}

#[test]
fn every_line_end_reads_as_one() {
    // Issue 18 item 6: CR, CRLF, LF, NEL, U+2028 and U+2029.
    let lf = parse("RESOLUTION 1\nTitle\nresolves\n1 to act;\n2 to report.\n");
    for sep in ["\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"] {
        let text =
            format!("RESOLUTION 1{sep}Title{sep}resolves{sep}1 to act;{sep}2 to report.{sep}");
        assert_eq!(parse(&text), lf, "{sep:?}");
    }
}

#[test]
fn one_repeated_title_is_the_header_s_and_more_are_unplaced() {
    // Issue 18 item 7.
    let doc = parse("x\nx\nx\nx\n");
    assert_eq!(doc.title.as_ref().map(|t| t.as_str()), Some("x"));
    let lines: Vec<usize> = doc.unplaced.iter().map(|u| u.line).collect();
    assert_eq!(lines, [3, 4]);
    let itu =
        parse("RESOLUTION 1\nTitle\nTitle\nThe Conference (Dubai, 2012),\nresolves\n1 to act.\n");
    assert_eq!(itu.unplaced, []);
}

#[test]
fn millions_of_stray_lines_keep_a_bounded_quote_and_an_exact_count() {
    // Issue 18 item 2 (treaty part).
    let lines = 200_000;
    let text = "resolves\n1 to act.\n".to_owned() + &"stray;\n".repeat(lines);
    let doc = parse(&text);
    assert_eq!(doc.unplaced.len(), MAX_UNPLACED);
    assert_eq!(doc.unplaced.len() + doc.unplaced_omitted, lines);
    assert_eq!(doc.unplaced[0].line, 3);
    assert_eq!(doc.diagnostics().count(), MAX_UNPLACED);
}

#[test]
fn akoma_ntoso_escapes_text_and_attributes_and_replaces_control_characters() {
    // A title is a `Name` and holds no control character; an issuer set in code may.
    let doc = Document {
        title: Some("a \"quoted\" <title> & bell".parse().unwrap()),
        issuer: Some("The \"Conference\" <x> & \u{1}bell".into()),
        ..parse("resolves\n1 that a < b & c > d.\n")
    };
    let xml = to_akn(&doc).unwrap();
    assert!(xml.contains("<docTitle>a \"quoted\" &lt;title&gt; &amp; bell</docTitle>"));
    assert!(xml.contains("<FRBRname value=\"a &quot;quoted&quot; &lt;title&gt; &amp; bell\"/>"));
    assert!(
        xml.contains("showAs=\"The &quot;Conference&quot; &lt;x&gt; &amp; \u{fffd}bell\""),
        "{xml}"
    );
    assert!(xml.contains("<p>that a &lt; b &amp; c &gt; d.</p>"));
    assert!(!xml.contains('\u{1}'));
}

#[test]
fn an_adoption_line_with_its_date_below_and_a_footnote() {
    let doc = parse(
        "79/1. The Pact for the Future\nThe General Assembly,\nRecalling its resolution 76/307,\n\
         1. Decides to adopt the Pact;\n61st plenary meeting\n19 December 2024\n2 A/79/123, annex.\n",
    );
    assert_eq!(doc.unplaced, []);
    assert_eq!(
        doc.adoption.as_deref(),
        Some("61st plenary meeting 19 December 2024")
    );
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(doc.footnotes[0].text, "A/79/123, annex.");
    assert_eq!(parse(&render(&doc)), doc);
}

#[test]
fn a_title_too_long_to_be_a_name_is_left_unplaced_not_dropped() {
    // A title is a `Name`: one line of at most `MAX_NAME_CHARS` characters. A longer title line
    // stays in the unplaced lines, whole, rather than being cut or dropped.
    let long = "Very long title words ".repeat(30);
    let long = long.trim();
    assert!(long.chars().count() > plenary_core::MAX_NAME_CHARS);
    for (text, line) in [
        (format!("{long}\nresolves\n1 to act.\n"), 1),
        (format!("RESOLUTION 1 - {long}\nresolves\n1 to act.\n"), 1),
        (
            format!("80/16. {long}\nThe General Assembly,\n1. Decides to act;\n"),
            1,
        ),
        (
            format!(
                "United Nations\nGeneral Assembly Distr.: General 5 December 2025\n\
                 Eightieth session Agenda item 94 {long}\n80/16. Short title\n\
                 The General Assembly,\n1. Decides to act;\n"
            ),
            3,
        ),
    ] {
        let doc = parse(&text);
        assert!(
            doc.title.as_ref().is_none_or(|t| t.as_str() != long),
            "{doc:?}"
        );
        assert!(
            doc.metadata
                .as_ref()
                .and_then(|m| m.agenda_title.as_ref())
                .is_none(),
            "{doc:?}"
        );
        let unplaced: Vec<(usize, bool)> = doc
            .unplaced
            .iter()
            .map(|u| (u.line, u.text.ends_with(long)))
            .collect();
        assert_eq!(unplaced, [(line, true)], "{text}");
    }
}

/// `2 5.2 a)` ending a line, its text on the next, reads as the one line `2 5.2 a) text` does:
/// the provision `5.2` with its first sub-item `a)`. Before, the broken line made `a) text`
/// the provision's own text, and the text it rendered read back as a sub-item (found by the
/// `treaty_text` fuzz target, with `\0` for the spaces).
#[test]
fn a_sub_item_label_at_a_line_end_reads_as_on_one_line() {
    for (broken, whole, sub_items) in [
        ("2 5.2 a)\nThe text.", "2 5.2 a) The text.", 1),
        // A bare number after the provision's is text, however the line breaks.
        ("2\0\x005.2\0\x009\n-", "2 5.2 9 -", 0),
        ("1 1.  1 1.   . .", "1 1. 1 1. . .", 0),
        ("4\x004)\x003\u{2}\x004)\x003con", "4 4) 3 4) 3con", 0),
    ] {
        let doc = reads_as(broken, whole);
        assert!(doc.unplaced.is_empty(), "{broken:?}");
        let provision = &doc.preamble[0].clauses[0];
        assert!(provision.margin.is_some(), "{broken:?}");
        assert_eq!(provision.clauses.len(), sub_items, "{broken:?}");
    }
    // A sub-item label with no text after it, on any line, stays the provision's text.
    let doc = parse("2 5.2 9");
    assert_eq!(doc.preamble[0].clauses[0].text, "9");
    assert_eq!(parse(&render(&doc)), doc);
}

/// A space before a keyword line's closing comma is not part of the addressee (found by the
/// `treaty_text` fuzz target: `请n\0,` kept `n ` and its rendered text read back as `n`).
#[test]
fn a_space_before_the_closing_comma_is_not_the_addressees() {
    for text in [
        "请n\0,\nl",
        "请n ,\nl",
        "Requests the Secretary-General ,\nto act;",
    ] {
        let doc = parse(text);
        let addressee = doc.operative[0].addressee.as_deref().unwrap_or_default();
        assert_eq!(addressee, addressee.trim_end(), "{text:?}");
        assert_eq!(parse(&render(&doc)), doc, "{text:?}");
    }
}

/// A numbered paragraph whose first line ends after its keyword reads as the whole paragraph
/// on one line does: `1. Decides` / `to act;` is `1. Decides to act;`, an operative section
/// (found by the `treaty_text` fuzz target, as `9 请,` / `O ,`).
#[test]
fn a_paragraph_broken_after_its_keyword_reads_as_on_one_line() {
    for (broken, whole) in [
        ("1. Decides\nto act;", "1. Decides to act;"),
        ("9\u{1}\0请,\r\u{5}O\0,\r\0\0\0\0", "9 请, O ,"),
    ] {
        let doc = reads_as(broken, whole);
        assert_eq!(doc.operative.len(), 1, "{broken:?}");
    }
}

/// A list item whose text ends in its marker without a space before it is still an item when
/// its text is rendered on one line (found by the `treaty_text` fuzz target).
#[test]
fn an_item_ending_in_its_marker_reads_back() {
    let text = "2\n,\n\u{1}-\u{1}$\u{1}2\n,\n\u{1}-\u{1}$-";
    let doc = parse(text);
    assert_eq!(parse(&render(&doc)), doc);
}

/// A stray marker after a list item (`- 2` / `-`) is reported, not joined into an item that
/// would read `- 2 -`, a line framed by dashes (found by the `treaty_text` fuzz target).
#[test]
fn a_stray_marker_after_an_item_is_reported() {
    let doc = parse("1 Text:\n- 2\n-");
    assert_eq!(doc.unplaced.len(), 1);
    assert_eq!(doc.unplaced[0].line, 3);
    assert_eq!(doc.preamble[0].clauses[0].items[0].text, "2");
}

/// A dash alone on a line opens no clause: as a clause's text, the next line joined to it
/// would render as `- text`, a list item (found by the `treaty_text` fuzz target as
/// `0` / `A'` / `-` / `-77A`); so does a line framed by dashes. Either is reported instead,
/// and what follows stays in place.
#[test]
fn a_dash_alone_opens_no_clause() {
    for (text, stray) in [
        ("0\nA'\n-\n-77A", "-"),
        ("1.\nGeneral\n-\nThe text.", "-"),
        // A line framed by dashes is no item either, and opens no clause.
        ("0\nR)\n- -\n-0", "- -"),
        ("1.\nGeneral\n- 5 -\nThe text.", "- 5 -"),
    ] {
        let doc = parse(text);
        assert_eq!(doc.unplaced.len(), 1, "{text:?}");
        assert_eq!(doc.unplaced[0].text, stray, "{text:?}");
        assert_eq!(doc.unplaced[0].line, 3, "{text:?}");
    }
    // Inside an unfinished sentence it is the sentence's.
    let doc = parse("1 The text, in part\n-\nand the rest.");
    assert!(doc.unplaced.is_empty());
    assert_eq!(
        doc.preamble[0].clauses[0].text,
        "The text, in part - and the rest."
    );
    assert_eq!(parse(&render(&doc)), doc);
}

/// In a UN document, a footnote number alone on a line with its text on the next reads as the
/// footnote on one line does (found by the `treaty_text` fuzz target as `5` / `'`).
#[test]
fn a_footnote_number_alone_takes_its_text_from_the_next_line() {
    let text = "Recalling its resolution 75/240,1\n1. Decides to act;\n2\nA/79/123, annex.";
    let doc = parse(text);
    assert!(doc.unplaced.is_empty(), "{:?}", doc.unplaced);
    assert_eq!(doc, parse(&text.replace("2\nA/79", "2 A/79")));
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(doc.footnotes[0].num, "2");
    assert_eq!(doc.footnotes[0].text, "A/79/123, annex.");
    assert_eq!(doc.operative[0].clauses.len(), 1);
    assert_eq!(parse(&render(&doc)), doc);
}

/// The title after a heading's kind (`AGENDA: d)`) reads as it would on a line of its own,
/// where the rendered text puts it: `d)` is a label there, so it is one here too.
#[test]
fn a_title_on_the_heading_line_reads_as_on_its_own_line() {
    let doc = parse("议程:d)");
    assert_eq!(doc.title, None);
    assert_eq!(doc.preamble[0].clauses[0].num.as_deref(), Some("d)"));
    assert_eq!(parse(&render(&doc)), doc);
    let doc = parse("RESOLUTION 77: Traffic termination");
    assert_eq!(
        doc.title.as_ref().map(|t| t.as_str()),
        Some("Traffic termination")
    );
    assert_eq!(parse(&render(&doc)), doc);
}

/// `Distr.` is a UN header line only as a word of its own with something said by it: `Distr.`
/// alone and `1Distr.` are not (the fuzz target found both rendered to read differently).
#[test]
fn distr_opens_a_header_line_only_as_a_word_that_says_something() {
    for text in ["Distr.", "1Distr.", "Distr.\nDistr.: General"] {
        let doc = parse(text);
        if doc.unplaced.is_empty() {
            assert_eq!(parse(&render(&doc)), doc, "{text:?}");
        }
    }
    assert_eq!(parse("Distr.").metadata, None);
    assert_eq!(parse("1Distr.").metadata, None);
    let meta = parse("General Assembly Distr.: General 5 December 2025").metadata;
    let meta = meta.expect("a header line");
    assert_eq!(meta.body.as_deref(), Some("General Assembly"));
    assert_eq!(meta.distribution.as_deref(), Some("General"));
}

/// A margin number alone on a line with its notes on the next (`4` / `(SUP)`, `1` /
/// `PP-06 text`) reads as the margin line on one line does (found by the `treaty_text` fuzz
/// target); any other label alone still takes the next line as its text.
#[test]
fn a_margin_number_alone_takes_its_notes_from_the_next_line() {
    for (broken, whole) in [
        ("4\n(SUP)", "4 (SUP)"),
        ("4\n(SUP) 0(',(z' )", "4 (SUP) 0(',(z' )"),
        ("1\nPP-06 The text.", "1 PP-06 The text."),
    ] {
        let doc = reads_as(broken, whole);
        assert!(doc.unplaced.is_empty(), "{broken:?}");
        assert!(doc.preamble[0].clauses[0].margin.is_some(), "{broken:?}");
    }
    let doc = parse("1\nGeneral");
    assert_eq!(doc.preamble[0].clauses[0].num.as_deref(), Some("1"));
    assert_eq!(doc.preamble[0].clauses[0].text, "General");
}

/// What follows an article's, appendix's or division's word and number on its line reads as
/// it would on a line of its own, where the rendered text may put it: a heading, or what the
/// line is (found by the `treaty_text` fuzz target as `附件-1 idP-`).
#[test]
fn a_heading_on_the_opening_line_reads_as_on_its_own_line() {
    for (text, appendix_heading) in [
        ("ANNEX 2 - 1 The text", None),
        (
            "ANNEX 2 - Transitional arrangements",
            Some("Transitional arrangements"),
        ),
        ("附件 - 1 idP-", None),
    ] {
        let doc = parse(text);
        assert!(doc.unplaced.is_empty(), "{text:?}");
        assert_eq!(
            doc.appendices[0].heading.as_deref(),
            appendix_heading,
            "{text:?}"
        );
        assert_eq!(
            doc.appendices[0].provisions.len(),
            usize::from(appendix_heading.is_none())
        );
        assert_eq!(parse(&render(&doc)), doc, "{text:?}");
    }
    let doc = parse("ARTICLE 3 - Definitions\n1 The text.");
    assert_eq!(doc.articles[0].heading.as_deref(), Some("Definitions"));
    assert_eq!(parse(&render(&doc)), doc);
}

/// In a text with margin numbers, a margin number alone on a line reads with the next line as
/// the margin line on one line does (`0D` / `,` is `0D ,`); and a footnote between a label and
/// its text ends the wait for it.
#[test]
fn a_label_alone_reads_as_the_line_joined_would() {
    let doc = parse("ANNEX\n01\n0D 7W 2\n0D\n,");
    assert!(doc.unplaced.is_empty());
    assert_eq!(doc, parse("ANNEX\n01\n0D 7W 2\n0D ,"));
    assert_eq!(parse(&render(&doc)), doc);
    let doc = parse("The General Assembly,\nRecalling its resolution 75/240,\n0\n5 A/79/1.\nAn-");
    assert_eq!(doc.footnotes.len(), 1, "{doc:?}");
    assert_eq!(doc.unplaced.len(), 1, "{doc:?}");
    assert_eq!(doc.unplaced[0].line, 5);
}

/// A number alone after a margin and its notes (`7 PP-06 2`) is the provision's number, its
/// text on the next line, as `7 PP-06 2 text` reads; margin numbers are found in lines as the
/// parser reads them, control characters and all, and in a margin number alone on a line with
/// its notes on the next (found by the `treaty_text` fuzz target).
#[test]
fn margin_numbers_read_alike_however_the_lines_break() {
    for (broken, whole) in [
        ("7 TP-00 2\n'", "7 TP-00 2 '"),
        ("2\nPP-31 0\n2x", "2 PP-31 0 2x"),
        (
            "\u{1b}\u{1b}2\0PP-00\u{1b}\u{1b}2\0PP.0\n0\n\n01",
            "2 PP-00 2 PP.0\n0\n01",
        ),
    ] {
        let doc = reads_as(broken, whole);
        assert!(doc.unplaced.is_empty(), "{broken:?}");
        assert!(doc.preamble[0].clauses[0].margin.is_some(), "{broken:?}");
        assert!(doc.preamble[0].clauses[0].num.is_some(), "{broken:?}");
    }
}

/// A text with no header whose first line opens with a keyword is read as UN-style once a
/// later paragraph shows it is: the first line is its first paragraph, not its title (found by
/// the `treaty_text` fuzz target, where the rendered text put that paragraph first).
#[test]
fn a_keyword_line_taken_for_a_title_is_the_first_paragraph_of_a_un_text() {
    let text = "Reiterating its commitment,\n1. Decides to act;";
    let doc = parse(text);
    assert_eq!(doc.title, None);
    assert_eq!(doc.preamble.len(), 1);
    assert_eq!(
        doc.preamble[0].clauses[0].text,
        "Reiterating its commitment,"
    );
    assert_eq!(doc.operative.len(), 1);
    assert_eq!(parse(&render(&doc)), doc);
    let doc = parse("231 请\nreiterating!");
    assert_eq!(parse(&render(&doc)), doc);
    // An ITU title stays a title.
    let doc = parse(
        "Welcoming the future\nThe World Telecommunication Standardization Assembly,\nconsidering\na) that it matters;",
    );
    assert_eq!(
        doc.title.as_ref().map(|t| t.as_str()),
        Some("Welcoming the future")
    );
}

/// A line whose heading opens another heading, a million times over, is read in a loop, not
/// by recursion: no stack overflow.
#[test]
fn a_line_of_headings_within_headings_does_not_overflow_the_stack() {
    let text = "ANNEX - ".repeat(200_000);
    let doc = parse(&text);
    assert!(doc.appendices.len() > 1000, "{}", doc.appendices.len());
}

/// A paragraph's next line that would make it read as a division line on its own (`Part` /
/// `P` is `Part P`) is reported, not joined (found by the `treaty_text` fuzz target).
#[test]
fn a_continuation_that_would_open_a_division_is_reported() {
    let doc = parse("40\nC a )\nPart\nP");
    assert_eq!(doc.unplaced.len(), 1, "{doc:?}");
    assert_eq!(doc.unplaced[0].text, "P");
    assert_eq!(doc.unplaced[0].line, 4);
}

/// A heading clause whose text opens with a label is rendered on one line with its label, as
/// it was read, not on a line of its own where the label would open a clause (found by the
/// `treaty_text` fuzz target as `8 2` / `.` / `V.` in an annex).
#[test]
fn a_heading_clause_whose_text_opens_with_a_label_renders_on_one_line() {
    let doc = parse("ANNEX\n8 2\n.\nV.");
    assert!(doc.unplaced.is_empty());
    assert_eq!(doc.appendices[0].provisions[0].text, "2 .");
    assert_eq!(parse(&render(&doc)), doc);
}

/// A number alone, then a paragraph opening with its keyword, reads as the numbered paragraph
/// on one line does (found by the `treaty_text` fuzz target as `请` / `0` / `请0.Dnot`).
#[test]
fn a_number_alone_before_a_keyword_paragraph_reads_as_one_line() {
    let doc = parse("请\n0\n请0.Dnot");
    assert_eq!(doc, parse("请\n0 请0.Dnot"));
    assert_eq!(parse(&render(&doc)), doc);
}
