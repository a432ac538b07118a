//! Akoma Ntoso 3.0 (OASIS LegalDocML) XML export.

use plenary_core::Name;

use crate::Error;
use crate::document::{
    AppendixKind, Article, Clause, Division, DivisionKind, Document, DocumentKind, Section,
};

mod modifications;

const AKN_NS: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// Writes a document as Akoma Ntoso 3.0 XML that validates against the official OASIS schema.
///
/// Resolutions, drafts and Recommendations become a `statement` with a `preface` (heading,
/// title, issuer), a `preamble` and a `mainBody` whose sections are `blockList`s of `item`s
/// carrying `num`; regulations made of articles become an `act` whose `body` holds `article`s
/// of `paragraph`s. The FRBR Work, Expression and Manifestation identifiers follow the Akoma
/// Ntoso naming convention (`/akn/int/statement/resolution/itu/2012/77/eng@`), every structure
/// has an `eId`, proposal marks are `p class="mark"` and unplaced lines go to `conclusions`.
///
/// ```
/// let doc = plenary_treaty::parse("RESOLUTION 7\n\nT & C\n\nresolves\n\n1 that a < b;\n");
/// let xml = plenary_treaty::to_akn(&doc)?;
/// assert!(xml.contains(r#"<item eId="mainBody__list_1__item_1"><num>1</num><p>that a &lt; b;</p></item>"#));
/// assert!(xml.contains("<docTitle>T &amp; C</docTitle>"));
/// # Ok::<(), plenary_treaty::Error>(())
/// ```
///
/// # Errors
///
/// None today: the XML is written into a `String`, which cannot fail, and every text is escaped
/// as it is written. The `Result` (with [`Error::Xml`] for a failed write) keeps the signature
/// for writers that can fail.
pub fn to_akn(doc: &Document) -> Result<String, Error> {
    let mut x = Xml {
        out: String::with_capacity(4096 + text_size(doc)),
        class: String::new(),
    };
    x.out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    x.start("akomaNtoso", &[("xmlns", AKN_NS)])?;
    let is_act = matches!(doc.kind, None | Some(DocumentKind::Regulations))
        && !doc.articles.is_empty()
        && doc.operative.is_empty();
    let root = if is_act { "act" } else { "statement" };
    let name = doc.kind.map_or("document", DocumentKind::as_str);
    x.start(root, &[("name", name)])?;
    meta(&mut x, doc, root, name)?;
    preface(&mut x, doc)?;
    if !doc.preamble.is_empty() {
        x.start("preamble", &[])?;
        if let Some(heading) = &doc.preamble_heading {
            x.text_element("p", &[("class", "heading")], heading)?;
        }
        let mut i = 0;
        while i < doc.preamble.len() {
            let section = &doc.preamble[i];
            if section.inline {
                // A run of paragraphs that open with their keyword: AKN4UN recitals.
                let start = i;
                while i < doc.preamble.len() && doc.preamble[i].inline {
                    i += 1;
                }
                let id = format!("preamble__recitals_{}", start + 1);
                x.start("recitals", &[("eId", &id)])?;
                for (n, section) in doc.preamble[start..i].iter().enumerate() {
                    recital(&mut x, section, &format!("{id}__recital_{}", n + 1))?;
                }
                x.end("recitals")?;
            } else {
                section_list(&mut x, section, &format!("preamble__list_{}", i + 1))?;
                i += 1;
            }
        }
        x.end("preamble")?;
    }
    let body = if is_act { "body" } else { "mainBody" };
    x.start(body, &[])?;
    let mut paragraph = 0;
    let mut id = String::new();
    for (i, section) in doc.operative.iter().enumerate() {
        if section.inline {
            mark_p(&mut x, section.mark.as_ref())?;
            for clause in &section.clauses {
                paragraph += 1;
                id.clear();
                id.push_str("para_");
                push_number(&mut id, paragraph);
                provision(&mut x, clause, &mut id, section.keyword)?;
            }
        } else {
            section_list(&mut x, section, &format!("mainBody__list_{}", i + 1))?;
        }
    }
    let mut open: Vec<(DivisionKind, &'static str)> = Vec::new();
    for (i, article) in doc.articles.iter().enumerate() {
        for (d, division) in article.divisions.iter().enumerate() {
            let level = division_level(division.kind);
            while open
                .last()
                .is_some_and(|(k, _)| division_level(*k) >= level)
            {
                if let Some((_, element)) = open.pop() {
                    x.end(element)?;
                }
            }
            let element = open_division(&mut x, division, &format!("art_{}_div_{}", i + 1, d + 1))?;
            open.push((division.kind, element));
        }
        article_element(&mut x, article, i)?;
    }
    while let Some((_, element)) = open.pop() {
        x.end(element)?;
    }
    for (i, appendix) in doc.appendices.iter().enumerate() {
        let name = match appendix.kind {
            AppendixKind::Appendix => "appendix",
            AppendixKind::Annex => "annex",
        };
        let mut id = format!("{}_{}", name, i + 1);
        x.start("hcontainer", &[("eId", &id), ("name", name)])?;
        x.text_element("num", &[], &crate::render::appendix_text(appendix))?;
        if let Some(heading) = &appendix.heading {
            x.text_element("heading", &[], heading)?;
        }
        if appendix.provisions.is_empty() || appendix.mark.is_some() {
            x.start("content", &[])?;
            mark_p(&mut x, appendix.mark.as_ref())?;
            if appendix.mark.is_none() {
                x.empty("p", &[])?;
            }
            x.end("content")?;
        }
        if !appendix.provisions.is_empty() && appendix.mark.is_none() {
            provisions(&mut x, &appendix.provisions, &mut id)?;
        }
        x.end("hcontainer")?;
    }
    if doc.operative.is_empty() && doc.articles.is_empty() && doc.appendices.is_empty() {
        x.empty("p", &[("class", "empty")])?;
    }
    x.end(body)?;
    let conclusions = !doc.unplaced.is_empty()
        || !doc.closing.is_empty()
        || doc.adoption.is_some()
        || !doc.footnotes.is_empty();
    if conclusions {
        x.start("conclusions", &[])?;
        for paragraph in &doc.closing {
            x.text_element("p", &[("class", "closing")], paragraph)?;
        }
        if let Some(adoption) = &doc.adoption {
            x.text_element("p", &[("class", "adoption")], adoption)?;
        }
        for footnote in &doc.footnotes {
            x.text_element(
                "p",
                &[("class", "footnote"), ("title", &footnote.num)],
                &format!("{} {}", footnote.num, footnote.text),
            )?;
        }
        for line in &doc.unplaced {
            let n = line.line.to_string();
            x.text_element(
                "p",
                &[("class", "unplaced"), ("title", &format!("line {n}"))],
                &line.text,
            )?;
        }
        x.end("conclusions")?;
    }
    x.end(root)?;
    x.end("akomaNtoso")?;
    Ok(x.out)
}

/// About how many bytes of XML a document makes, to size the buffer once: its texts, and the
/// tags and eIds around each clause, list item, article and appendix.
fn text_size(doc: &Document) -> usize {
    fn clauses_size(clauses: &[Clause]) -> usize {
        clauses
            .iter()
            .map(|clause| {
                clause.text.len()
                    + 160
                    + clause
                        .items
                        .iter()
                        .map(|i| i.text.len() + 128)
                        .sum::<usize>()
                    + clauses_size(&clause.clauses)
            })
            .sum()
    }
    let sections = doc.preamble.iter().chain(&doc.operative);
    doc.title.as_ref().map_or(0, |t| t.as_str().len())
        + sections
            .map(|s| s.phrase.len() + 128 + clauses_size(&s.clauses))
            .sum::<usize>()
        + doc
            .articles
            .iter()
            .map(|a| 256 + clauses_size(&a.provisions))
            .sum::<usize>()
        + doc
            .appendices
            .iter()
            .map(|a| 256 + clauses_size(&a.provisions))
            .sum::<usize>()
}

/// A small XML writer into one string: elements, attributes and text, escaped as they are
/// written (`&`, `<`, `>` in text, and `"` too in attributes; control characters that XML 1.0
/// cannot carry become U+FFFD). Writing into a `String` cannot fail; the `Result`s keep the
/// export's signature for writers that can.
struct Xml {
    out: String,
    /// A buffer for the classes of the element being written, kept to save an allocation per
    /// clause.
    class: String,
}

/// The bytes [`escape_into`] may have to replace: `&`, `<`, `>`, `"` and control characters.
static NEEDS_LOOK: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'"' as usize] = true;
    table
};

/// Appends `text` escaped for XML; `attribute` escapes `"` as well.
///
/// One pass over the bytes: the runs between characters to escape are copied whole. Every
/// character that needs escaping is ASCII, so the runs end at char boundaries. Eight bytes at a
/// time are tested at once (see [`word_needs_look`]); only a word that may hold a byte to
/// replace is looked at byte by byte.
fn escape_into(out: &mut String, text: &str, attribute: bool) {
    let bytes = text.as_bytes();
    // Most texts need nothing replaced: one branch-free pass (which the compiler vectorizes)
    // tells so, and the text is copied whole. `"` counts here even outside attributes.
    let clean = bytes.iter().fold(true, |all, &b| {
        all & (b >= 0x20) & (b | 0x02 != b'>') & (b | 0x04 != b'&')
    });
    if clean {
        out.push_str(text);
        return;
    }
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            if !word_needs_look(u64::from_le_bytes(word)) {
                i += 8;
                continue;
            }
        }
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes[i];
            i += 1;
            // Most bytes (and all of UTF-8's multi-byte sequences) are copied as is: one lookup.
            if !NEEDS_LOOK[usize::from(b)] {
                continue;
            }
            let replacement = match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' if attribute => "&quot;",
                b'\t' | b'\n' | b'\r' => continue,
                b if b < 0x20 => "\u{fffd}",
                _ => continue,
            };
            out.push_str(&text[run..i - 1]);
            out.push_str(replacement);
            run = i;
        }
    }
    out.push_str(&text[run..]);
}

/// Whether any of the eight bytes of `word` may be one [`NEEDS_LOOK`] marks: a control byte
/// (below 0x20), `&`, `<`, `>` or `"`. Exact for words of ASCII bytes; a byte of 0x80 or more
/// never sets its flag, so multi-byte UTF-8 is skipped too.
fn word_needs_look(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Whether some byte of `w` is below `n` (`n` at most 0x80): its subtraction borrows into
    // the high bit of a byte that had none. A byte of 0x80 or more never counts.
    let below = |w: u64, n: u64| w.wrapping_sub(ONES * n) & !w & HIGH != 0;
    // `<` (0x3c) and `>` (0x3e) differ in one bit, as do `"` (0x22) and `&` (0x26): setting
    // that bit maps each pair to one byte, found as a zero after an exclusive or.
    below(word, 0x20)
        | below((word | (ONES * 0x02)) ^ (ONES * 0x3e), 1)
        | below((word | (ONES * 0x04)) ^ (ONES * 0x26), 1)
}

impl Xml {
    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value, true);
            self.out.push('"');
        }
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<(), Error> {
        self.open(name, attrs);
        self.out.push('>');
        Ok(())
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<(), Error> {
        self.open(name, attrs);
        self.out.push_str("/>");
        Ok(())
    }

    fn text(&mut self, text: &str) -> Result<(), Error> {
        escape_into(&mut self.out, text, false);
        Ok(())
    }

    fn end(&mut self, name: &str) -> Result<(), Error> {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
        Ok(())
    }

    fn text_element(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> Result<(), Error> {
        self.start(name, attrs)?;
        self.text(text)?;
        self.end(name)
    }
}

/// The ISO 639-2 code Akoma Ntoso uses in FRBR identifiers.
fn language_code(doc: &Document) -> &'static str {
    match doc.language.as_ref().map(|l| l.primary_language()) {
        Some("fr") => "fra",
        Some("es") => "spa",
        Some("ar") => "ara",
        Some("zh") => "zho",
        Some("ru") => "rus",
        _ => "eng",
    }
}

/// A piece of an identifier: letters, digits, `-`, `.` and `_` kept, anything else made `-`.
fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    slug_into(&mut out, text);
    out
}

/// Appends [`slug`]`(text)` to `out`: runs of other chars become one `-`, none at either end,
/// and `x` for a text with nothing to keep.
fn slug_into(out: &mut String, text: &str) {
    let start = out.len();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '_') {
            out.push(c.to_ascii_lowercase());
        } else if out.len() > start && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > start && out.ends_with('-') {
        out.pop();
    }
    if out.len() == start {
        out.push('x');
    }
}

/// The year of the document: its session, else the year in its issuer line.
fn year(doc: &Document) -> Option<u16> {
    doc.session.as_ref().map(|s| s.year).or_else(|| {
        let issuer = doc.issuer.as_deref()?;
        let close = issuer.rfind(')')?;
        issuer.get(close.checked_sub(4)?..close)?.parse().ok()
    })
}

fn meta(x: &mut Xml, doc: &Document, root: &str, name: &str) -> Result<(), Error> {
    let year = year(doc);
    let date = year.map_or_else(|| "0001-01-01".to_owned(), |y| format!("{y:04}-01-01"));
    let date_name = if year.is_some() { "session" } else { "unknown" };
    let number = match (&doc.id, &doc.number, &doc.symbol) {
        (Some(id), _, _) => slug(id.as_str()),
        (None, Some(number), _) => slug(number),
        (None, None, Some(symbol)) => slug(symbol),
        (None, None, None) => "unnumbered".to_owned(),
    };
    let work = format!(
        "/akn/int/{root}/{}/itu/{}/{number}",
        slug(name),
        year.map_or_else(|| "0001".to_owned(), |y| y.to_string())
    );
    let expression = format!("{work}/{}@", language_code(doc));
    x.start("meta", &[])?;
    x.start("identification", &[("source", "#plenary")])?;
    x.start("FRBRWork", &[])?;
    x.empty("FRBRthis", &[("value", &format!("{work}/!main"))])?;
    x.empty("FRBRuri", &[("value", &work)])?;
    x.empty("FRBRdate", &[("date", &date), ("name", date_name)])?;
    x.empty("FRBRauthor", &[("href", "#issuer")])?;
    x.empty("FRBRcountry", &[("value", "int")])?;
    if let Some(number) = doc.number.as_deref().or(doc.symbol.as_deref()) {
        x.empty("FRBRnumber", &[("value", number)])?;
    }
    if let Some(title) = &doc.title {
        x.empty("FRBRname", &[("value", title.as_str())])?;
    }
    x.end("FRBRWork")?;
    x.start("FRBRExpression", &[])?;
    x.empty("FRBRthis", &[("value", &format!("{expression}/!main"))])?;
    x.empty("FRBRuri", &[("value", &expression)])?;
    x.empty("FRBRdate", &[("date", &date), ("name", date_name)])?;
    x.empty("FRBRauthor", &[("href", "#issuer")])?;
    x.empty("FRBRlanguage", &[("language", language_code(doc))])?;
    x.end("FRBRExpression")?;
    x.start("FRBRManifestation", &[])?;
    x.empty("FRBRthis", &[("value", &format!("{expression}/!main.xml"))])?;
    x.empty("FRBRuri", &[("value", &format!("{expression}.akn"))])?;
    x.empty("FRBRdate", &[("date", &date), ("name", "generation")])?;
    x.empty("FRBRauthor", &[("href", "#plenary")])?;
    x.end("FRBRManifestation")?;
    x.end("identification")?;
    modifications::analysis(x, doc)?;
    x.start("references", &[("source", "#plenary")])?;
    x.empty(
        "TLCOrganization",
        &[
            ("eId", "issuer"),
            ("href", "/ontology/organization/issuer"),
            ("showAs", doc.issuer.as_deref().unwrap_or("ITU")),
        ],
    )?;
    x.empty(
        "TLCOrganization",
        &[
            ("eId", "plenary"),
            ("href", "/ontology/organization/plenary"),
            ("showAs", "plenary"),
        ],
    )?;
    modifications::references(x, doc)?;
    x.end("references")?;
    x.end("meta")
}

fn preface(x: &mut Xml, doc: &Document) -> Result<(), Error> {
    let heading = crate::heading::heading_of(doc);
    if doc.mark.is_none()
        && heading.is_none()
        && doc.title.is_none()
        && doc.issuer.is_none()
        && doc.metadata.is_none()
    {
        return Ok(());
    }
    x.start("preface", &[])?;
    if let Some(mark) = &doc.mark {
        x.text_element("p", &[("class", "mark")], &mark.to_string())?;
    }
    if let Some(meta) = &doc.metadata {
        for (class, value) in [
            ("organization", meta.organization.as_deref()),
            ("body", meta.body.as_deref()),
            ("distribution", meta.distribution.as_deref()),
            ("date", meta.date.as_deref()),
            ("session", meta.session.as_deref()),
            ("agenda_item", meta.agenda_item.as_deref()),
            ("agenda_title", meta.agenda_title.as_ref().map(Name::as_str)),
            ("adopted", meta.adopted.as_deref()),
            ("report", meta.report.as_deref()),
        ] {
            if let Some(value) = value {
                x.text_element("p", &[("class", class)], value)?;
            }
        }
    }
    if let Some(heading) = heading {
        x.start("p", &[("class", "heading")])?;
        x.text_element("docType", &[], &heading)?;
        x.end("p")?;
    }
    if let Some(revises) = doc.revised.as_ref().and_then(|r| r.revises.as_deref()) {
        x.text_element(
            "p",
            &[("class", "revises")],
            &format!("This is a revised version of {revises}."),
        )?;
    }
    if let Some(title) = &doc.title {
        x.start("p", &[("class", "title")])?;
        x.text_element("docTitle", &[], title.as_str())?;
        x.end("p")?;
    }
    if let Some(issuer) = &doc.issuer {
        x.start("p", &[("class", "issuer")])?;
        x.text_element("docAuthority", &[], issuer)?;
        x.end("p")?;
    }
    x.end("preface")
}

fn mark_p(x: &mut Xml, clause_mark: Option<&crate::ProposalMark>) -> Result<(), Error> {
    match clause_mark {
        Some(mark) => x.text_element("p", &[("class", "mark")], &mark.to_string()),
        None => Ok(()),
    }
}

fn section_list(x: &mut Xml, section: &Section, id: &str) -> Result<(), Error> {
    let keyword = section.keyword.map_or("", |k| k.english());
    if section.clauses.is_empty() {
        mark_p(x, section.mark.as_ref())?;
        return x.text_element("p", &[("class", keyword)], &section.line());
    }
    mark_p(x, section.mark.as_ref())?;
    x.start("blockList", &[("eId", id), ("class", keyword)])?;
    if section.keyword.is_some() {
        x.text_element("listIntroduction", &[], &section.line())?;
    }
    items(x, &section.clauses, &mut id.to_owned())?;
    x.end("blockList")
}

/// `a)` → `a`, `1.1` → `1-1`, `3.1bis` → `3-1bis`, no label → its position; appended to `out`.
fn item_id_into(out: &mut String, clause: &Clause, index: usize) {
    let start = out.len();
    if let Some(num) = &clause.num {
        slug_label_into(out, num);
    }
    if out.len() == start {
        push_number(out, index + 1);
    }
}

pub(crate) fn slug_label(num: &str) -> String {
    let mut out = String::with_capacity(num.len());
    slug_label_into(&mut out, num);
    out
}

/// Appends [`slug_label`]`(num)`: trailing `)` and `.` dropped, any other char than an ASCII
/// letter or digit made `-`.
fn slug_label_into(out: &mut String, num: &str) {
    for c in num.trim_end_matches([')', '.']).chars() {
        out.push(if c.is_ascii_alphanumeric() { c } else { '-' });
    }
}

/// Appends the decimal digits of `n` (what `n.to_string()` gives, without formatting machinery).
fn push_number(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        // `n % 10` is below 10, so the cast keeps it.
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// The eId labels of the clauses of one list, made unique: the second clause labelled `a` is
/// `a_2`, the third `a_3`. The labels are kept end to end in one string, so a list costs a few
/// allocations however many clauses it has.
struct Labels {
    text: String,
    /// Where each clause's label ends in `text`.
    ends: Vec<usize>,
    /// Which occurrence of its label each clause is (1 for the first).
    counts: Vec<u32>,
}

/// Up to this many clauses, a list's labels are compared with each other directly; longer lists
/// count them in a hash map, so that the cost stays linear.
const LABELS_SCANNED: usize = 16;

impl Labels {
    fn new(clauses: &[Clause], label: impl Fn(&mut String, &Clause, usize)) -> Labels {
        let mut text = String::with_capacity(clauses.len() * 4);
        let mut ends = Vec::with_capacity(clauses.len());
        for (i, clause) in clauses.iter().enumerate() {
            label(&mut text, clause, i);
            ends.push(text.len());
        }
        let mut labels = Labels {
            text,
            ends,
            counts: Vec::with_capacity(clauses.len()),
        };
        if clauses.len() <= LABELS_SCANNED {
            for i in 0..clauses.len() {
                let this = labels.get(i);
                let earlier = (0..i).filter(|&j| labels.get(j) == this).count();
                labels
                    .counts
                    .push(u32::try_from(earlier).map_or(u32::MAX, |e| e + 1));
            }
        } else {
            let mut seen = std::collections::HashMap::with_capacity(clauses.len());
            let mut counts = Vec::with_capacity(clauses.len());
            for i in 0..clauses.len() {
                let count = seen.entry(labels.get(i)).or_insert(0u32);
                *count += 1;
                counts.push(*count);
            }
            labels.counts = counts;
        }
        labels
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    /// Appends the unique label of clause `i`.
    fn push(&self, out: &mut String, i: usize) {
        out.push_str(self.get(i));
        if self.counts[i] > 1 {
            out.push('_');
            push_number(out, self.counts[i] as usize);
        }
    }
}

/// `items` of a `blockList`, their eIds `parent__item_label`; `parent` is given back as it came.
fn items(x: &mut Xml, clauses: &[Clause], parent: &mut String) -> Result<(), Error> {
    let labels = Labels::new(clauses, item_id_into);
    let len = parent.len();
    let mut class = std::mem::take(&mut x.class);
    for (i, clause) in clauses.iter().enumerate() {
        parent.truncate(len);
        parent.push_str("__item_");
        labels.push(parent, i);
        let id: &mut String = &mut *parent;
        class.clear();
        clause_class(&mut class, clause);
        if class.is_empty() {
            x.start("item", &[("eId", id)])?;
        } else {
            x.start("item", &[("eId", id), ("class", &class)])?;
        }
        if let Some(num) = &clause.num {
            x.text_element("num", &[], num)?;
        }
        mark_p(x, clause.mark.as_ref())?;
        x.text_element("p", &[], &clause.text)?;
        dash_list(x, clause, id)?;
        if !clause.clauses.is_empty() {
            let here = id.len();
            id.push_str("__list_1");
            x.start("blockList", &[("eId", id)])?;
            // The nested lists borrow the class buffer in turn.
            x.class = std::mem::take(&mut class);
            items(x, &clause.clauses, id)?;
            class = std::mem::take(&mut x.class);
            x.end("blockList")?;
            id.truncate(here);
        }
        x.end("item")?;
    }
    parent.truncate(len);
    x.class = class;
    Ok(())
}

fn article_element(x: &mut Xml, article: &Article, index: usize) -> Result<(), Error> {
    let mut id = String::with_capacity(64);
    id.push_str("art_");
    if article.num.is_empty() {
        push_number(&mut id, index + 1);
    } else {
        slug_label_into(&mut id, &article.num);
    }
    x.start("article", &[("eId", &id)])?;
    x.start("num", &[])?;
    x.text("ARTICLE ")?;
    x.text(&article.num)?;
    x.end("num")?;
    if let Some(heading) = &article.heading {
        x.text_element("heading", &[], heading)?;
    }
    if article.provisions.is_empty() || article.mark.is_some() {
        x.start("intro", &[])?;
        mark_p(x, article.mark.as_ref())?;
        if article.mark.is_none() {
            x.empty("p", &[])?;
        }
        x.end("intro")?;
    }
    provisions(x, &article.provisions, &mut id)?;
    if article.provisions.is_empty() {
        // An article needs content or sub-structures; an empty one gets an empty paragraph.
        id.push_str("__para_1");
        x.start("paragraph", &[("eId", &id)])?;
        x.start("content", &[])?;
        x.empty("p", &[])?;
        x.end("content")?;
        x.end("paragraph")?;
    }
    x.end("article")
}

/// The provisions of an article or appendix as `paragraph`s, their eIds made unique;
/// `parent` is given back as it came.
fn provisions(x: &mut Xml, clauses: &[Clause], parent: &mut String) -> Result<(), Error> {
    let labels = Labels::new(clauses, |out, clause, i| match clause.margin.as_deref() {
        Some(margin) if clause.num.is_none() => slug_label_into(out, margin),
        _ => item_id_into(out, clause, i),
    });
    let len = parent.len();
    for (i, clause) in clauses.iter().enumerate() {
        parent.truncate(len);
        parent.push_str("__para_");
        labels.push(parent, i);
        provision(x, clause, parent, None)?;
    }
    parent.truncate(len);
    Ok(())
}

/// One provision: `paragraph` with its number, its margin number, revising conferences and
/// `(SUP)` as classes, sub-headings, text, list items and sub-clauses. `id` is given back as
/// it came.
fn provision(
    x: &mut Xml,
    clause: &Clause,
    id: &mut String,
    keyword: Option<crate::Keyword>,
) -> Result<(), Error> {
    let mut class = std::mem::take(&mut x.class);
    class.clear();
    if let Some(keyword) = keyword {
        slug_into(&mut class, keyword.english());
    }
    clause_class(&mut class, clause);
    if class.is_empty() {
        x.start("paragraph", &[("eId", id)])?;
    } else {
        x.start("paragraph", &[("eId", id), ("class", &class)])?;
    }
    x.class = class;
    if let Some(num) = &clause.num {
        x.text_element("num", &[], num)?;
    }
    if !clause.divisions.is_empty() {
        let text: Vec<String> = clause
            .divisions
            .iter()
            .map(|d| match (&d.heading, d.kind) {
                (Some(h), DivisionKind::Subheading) => h.clone(),
                (Some(h), _) => format!("{} – {h}", crate::render::division_text(d)),
                (None, _) => crate::render::division_text(d),
            })
            .collect();
        x.text_element("subheading", &[], &text.join(" / "))?;
    }
    x.start("content", &[])?;
    mark_p(x, clause.mark.as_ref())?;
    x.text_element("p", &[], &clause.text)?;
    dash_list(x, clause, id)?;
    if !clause.clauses.is_empty() {
        let len = id.len();
        id.push_str("__list_1");
        x.start("blockList", &[("eId", id)])?;
        items(x, &clause.clauses, id)?;
        x.end("blockList")?;
        id.truncate(len);
    }
    x.end("content")?;
    x.end("paragraph")
}

/// A clause's dash or bullet list items as a `blockList` of class `dash`; `id` is given back
/// as it came.
fn dash_list(x: &mut Xml, clause: &Clause, id: &mut String) -> Result<(), Error> {
    if clause.items.is_empty() {
        return Ok(());
    }
    let len = id.len();
    id.push_str("__list_items");
    x.start("blockList", &[("eId", id), ("class", "dash")])?;
    let list = id.len();
    for (n, item) in clause.items.iter().enumerate() {
        id.truncate(list);
        id.push_str("__item_");
        push_number(id, n + 1);
        x.start("item", &[("eId", id)])?;
        x.text_element("num", &[], &item.marker)?;
        x.text_element("p", &[], &item.text)?;
        x.end("item")?;
    }
    id.truncate(len);
    x.end("blockList")
}

/// The classes that carry a clause's margin number, revising conferences and `(SUP)`.
fn clause_class(class: &mut String, clause: &Clause) {
    if let Some(margin) = &clause.margin {
        push_class(class, "margin-");
        slug_into(class, margin);
    }
    for note in &clause.revised_by {
        push_class(class, "revised-by-");
        slug_into(class, note);
    }
    if clause.suppressed {
        push_class(class, "suppressed");
    }
}

fn push_class(class: &mut String, token: &str) {
    if !class.is_empty() {
        class.push(' ');
    }
    class.push_str(token);
}

/// A preamble paragraph that opens with its keyword, as an AKN4UN `recital`.
fn recital(x: &mut Xml, section: &Section, id: &str) -> Result<(), Error> {
    let keyword = section.keyword.map_or(String::new(), |k| slug(k.english()));
    x.start("recital", &[("eId", id), ("class", &keyword)])?;
    mark_p(x, section.mark.as_ref())?;
    for clause in &section.clauses {
        if let Some(num) = &clause.num {
            x.text_element("num", &[], num)?;
        }
        mark_p(x, clause.mark.as_ref())?;
        x.text_element("p", &[], &clause.text)?;
        if !clause.clauses.is_empty() {
            let mut list = format!("{id}__list_1");
            x.start("blockList", &[("eId", &list)])?;
            items(x, &clause.clauses, &mut list)?;
            x.end("blockList")?;
        }
    }
    if section.clauses.is_empty() {
        x.text_element("p", &[], &section.phrase)?;
    }
    x.end("recital")
}

fn division_level(kind: DivisionKind) -> u8 {
    match kind {
        DivisionKind::Part => 0,
        DivisionKind::Chapter => 1,
        DivisionKind::Section => 2,
        DivisionKind::Subheading => 3,
    }
}

/// Opens a `part`, `chapter`, `section` or sub-heading `hcontainer` with its number and heading.
fn open_division(x: &mut Xml, division: &Division, id: &str) -> Result<&'static str, Error> {
    let element = match division.kind {
        DivisionKind::Part => "part",
        DivisionKind::Chapter => "chapter",
        DivisionKind::Section => "section",
        DivisionKind::Subheading => "hcontainer",
    };
    if element == "hcontainer" {
        x.start(element, &[("eId", id), ("name", "subheading")])?;
    } else {
        x.start(element, &[("eId", id)])?;
    }
    if division.kind != DivisionKind::Subheading {
        x.text_element("num", &[], &crate::render::division_text(division))?;
    }
    if let Some(heading) = &division.heading {
        x.text_element("heading", &[], heading)?;
    }
    Ok(element)
}

#[cfg(test)]
mod tests {
    use super::{
        Labels, NEEDS_LOOK, escape_into, item_id_into, push_number, slug, slug_into,
        word_needs_look,
    };
    use crate::document::Clause;

    #[test]
    fn the_word_test_flags_every_byte_the_table_marks_at_every_position() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut word = [b'x'; 8];
                word[at] = b;
                assert_eq!(
                    word_needs_look(u64::from_le_bytes(word)),
                    NEEDS_LOOK[usize::from(b)],
                    "byte {b:#x} at {at}"
                );
            }
        }
        // Bytes around a flagged one do not hide it, nor do high bytes make one up.
        assert!(word_needs_look(u64::from_le_bytes(
            *b"\xff\xff\x00\xff\x80\x81<\xc3"
        )));
        assert!(!word_needs_look(u64::from_le_bytes(
            *b"\xff\xa0\xe2\x80\x94 !~"
        )));
    }

    #[test]
    fn escaping_long_texts_matches_byte_by_byte_escaping() {
        let text = "Members shall <cooperate> & \"agree\"\u{7} on rates — é; ".repeat(9);
        for attribute in [false, true] {
            let mut fast = String::new();
            escape_into(&mut fast, &text, attribute);
            let mut slow = String::new();
            for c in text.chars() {
                match c {
                    '&' => slow.push_str("&amp;"),
                    '<' => slow.push_str("&lt;"),
                    '>' => slow.push_str("&gt;"),
                    '"' if attribute => slow.push_str("&quot;"),
                    '\u{7}' => slow.push('\u{fffd}'),
                    c => slow.push(c),
                }
            }
            assert_eq!(fast, slow);
        }
    }

    #[test]
    fn numbers_are_written_as_to_string_writes_them() {
        for n in [0, 7, 10, 99, 1000, 123_456_789, usize::MAX] {
            let mut out = String::from("x");
            push_number(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn repeated_labels_are_numbered_in_short_and_long_lists() {
        for len in [3, 16, 17, 40] {
            let clauses: Vec<Clause> = (0..len)
                .map(|i| Clause {
                    num: Some(["a)", "b)", "a.", "1.1", "1-1", ""][i % 6].to_owned()),
                    ..Clause::default()
                })
                .collect();
            let labels = Labels::new(&clauses, item_id_into);
            let mut seen = std::collections::HashSet::new();
            let mut counts = std::collections::HashMap::new();
            for (i, clause) in clauses.iter().enumerate() {
                let mut out = String::new();
                labels.push(&mut out, i);
                let mut base = String::new();
                item_id_into(&mut base, clause, i);
                let count = counts.entry(base.clone()).or_insert(0);
                *count += 1;
                let expected = if *count > 1 {
                    format!("{base}_{count}")
                } else {
                    base
                };
                assert_eq!(out, expected, "{len} clauses, clause {i}");
                assert!(seen.insert(out), "{len} clauses, clause {i}");
            }
        }
    }

    #[test]
    fn escaping_copies_runs_and_replaces_each_special_byte() {
        for (text, attribute, expected) in [
            ("", false, ""),
            ("plain é text", false, "plain é text"),
            ("a<b>&c\"d", false, "a&lt;b&gt;&amp;c\"d"),
            ("a<b>&c\"d", true, "a&lt;b&gt;&amp;c&quot;d"),
            ("tab\tnl\ncr\r", false, "tab\tnl\ncr\r"),
            ("\u{7}bell\u{1f}", true, "\u{fffd}bell\u{fffd}"),
            ("&&", false, "&amp;&amp;"),
        ] {
            let mut out = String::from("<");
            escape_into(&mut out, text, attribute);
            assert_eq!(out, format!("<{expected}"), "{text:?}");
        }
    }

    #[test]
    fn slugs_appended_to_a_class_match_slugs_made_alone() {
        for (text, expected) in [
            ("14A", "14a"),
            ("PP-06", "pp-06"),
            ("  Rev. (Dubai), 2012 ", "rev.-dubai-2012"),
            ("--", "x"),
            ("", "x"),
            ("é1", "1"),
        ] {
            assert_eq!(slug(text), expected, "{text:?}");
            let mut class = String::from("margin-");
            slug_into(&mut class, text);
            assert_eq!(class, format!("margin-{expected}"), "{text:?}");
        }
    }
}
