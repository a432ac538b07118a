//! The parser: plain text in ITU layout to a [`Document`], in one pass over the lines.

use plenary_core::{LanguageTag, Name};

use crate::document::{
    Appendix, Article, Clause, Division, Document, Footnote, ListItem, Revision, RevisionStatus,
    Section, UnplacedLine,
};
use crate::heading::{heading, issuer_line, revises_line};
use crate::keyword::{inline_keyword, inline_keyword_or_alone, keyword_line};
use crate::label::{Style, is_sub_item, split_label, style_of};
use crate::lang::Folded;
use crate::lines::lines;
use crate::mark::{MarkAction, ProposalMark};
use crate::normalize::normalize_line;
use crate::structure::{
    self, adoption_line, appendix_line, article_line, closing_line, division_line, is_list_marker,
    margin_line, metadata_line, preamble_heading, un_title,
};
use crate::{Error, reference};

/// How many unplaced lines a [`Document`] quotes; beyond them, unplaced lines are counted in
/// [`Document::unplaced_omitted`], so that a hostile text of millions of stray lines costs
/// bounded memory for its diagnostics.
pub const MAX_UNPLACED: usize = 1000;

/// How deep labelled clauses nest when parsed: ITU texts use three or four levels (`1`, `1.1`,
/// `a)`, `i)`); a clause whose label would open a level deeper than this becomes a sibling at the
/// deepest level, keeping its label.
pub const MAX_CLAUSE_DEPTH: usize = 8;

/// Parses plain text in ITU or UN layout into a [`Document`], keeping every line it cannot
/// place in [`Document::unplaced`] (see [`Document::diagnostics`]).
///
/// The text needs no markup: the heading, title, issuer, keyword lines (`considering`,
/// `instructs the Secretary-General`, `considérant`, `resuelve`), labelled clauses (`a)`, `(a)`,
/// `1`, `i)`, `1.1`, `bbis)`), proposal marks (`ADD B2/49/1`), `Article 3` lines, `CHAPTER`,
/// `SECTION` and `PART` lines, appendices and annexes, margin numbers (`14A PP-06 bbis) …`),
/// dash lists, the UN header block, `80/16. Title`, paragraphs that open with their keyword
/// (`Recalling also …`, `3 ALSO URGES …`), footnotes and the adoption line are recognised by
/// their layout alone, in the six UN languages and in any case. A paragraph wrapped over several
/// lines is joined into one clause while the clause has not ended its sentence (`;`, `.` or
/// `:`), across a page break and its repeated running head; a plain line after a finished
/// clause is unplaced. LF, CRLF, CR, NEL, U+2028 and U+2029 all end a line; tabs, non-breaking
/// spaces and curly quotes are accepted and text is put in Unicode NFC. The parser reads each
/// line once (and the start of each line once more to see whether the text has margin
/// numbers), so its cost is linear in the input; clauses nest at most [`MAX_CLAUSE_DEPTH`]
/// deep.
///
/// ```
/// let doc = plenary_treaty::parse(
///     "DRAFT NEW RESOLUTION [COM5/3]\n\
///      Special measures\n\
///      The World Conference on International Telecommunications (Dubai, 2012),\n\
///      considering\n\
///      a)\tthat Resolution 30 (Rev. Guadalajara, 2010) applies;\n\
///      instructs the Secretary-General\n\
///      1 to report.\n",
/// );
/// assert_eq!(doc.symbol.as_deref(), Some("COM5/3"));
/// assert_eq!(doc.preamble[0].clauses[0].num.as_deref(), Some("a)"));
/// assert_eq!(doc.operative[0].addressee.as_deref(), Some("the Secretary-General"));
/// assert_eq!(doc.references[0].text, "Resolution 30 (Rev. Guadalajara, 2010)");
/// assert!(doc.unplaced.is_empty());
/// ```
pub fn parse(text: &str) -> Document {
    let mut parser = Parser {
        margins: structure::has_margins(text),
        ..Parser::default()
    };
    for (number, raw) in lines(text) {
        let line = normalize_line(raw);
        if !line.is_empty() {
            parser.line(number, &line);
        }
    }
    parser.finish()
}

/// Parses like [`parse`], but refuses a text with a line it cannot place.
///
/// # Errors
///
/// [`Error::UnplacedLine`] with the first line [`parse`] could not place, its number and text.
///
/// ```
/// let err = plenary_treaty::parse_strict("resolves\n1 to act.\nstray words;\n").unwrap_err();
/// assert!(err.to_string().starts_with("line 3 \"stray words;\" is not part of"));
/// ```
pub fn parse_strict(text: &str) -> Result<Document, Error> {
    let doc = parse(text);
    match doc.unplaced.first() {
        Some(u) => Err(Error::UnplacedLine {
            line: u.line,
            text: u.text.clone(),
        }),
        None => Ok(doc),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Header,
    Preamble,
    Operative,
    Article,
    Appendix,
    Closing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Awaiting {
    #[default]
    Nothing,
    /// A labelled clause with no text yet, waiting for its text on the next line.
    Text,
    /// The current article waits for its heading.
    ArticleHeading,
    /// The current appendix waits for its heading.
    AppendixHeading,
    /// The last pending division waits for its heading.
    DivisionHeading,
}

#[derive(Debug, Clone, Copy)]
struct Level {
    style: Style,
    last_letter: Option<u8>,
}

#[derive(Default)]
struct Parser {
    doc: Document,
    place: Option<Place>,
    levels: Vec<Level>,
    pending_mark: Option<(usize, ProposalMark)>,
    awaiting: Awaiting,
    /// The last clause took its text from the line after its label: it is a heading, and an
    /// unlabelled paragraph after it is its content.
    heading_clause: bool,
    header_seen: bool,
    /// The title line was repeated once before the issuer, as ITU texts print it.
    title_repeated: bool,
    language: Option<&'static str>,
    /// The text shows margin numbers (`2 1.1 a) …`) somewhere.
    margins: bool,
    /// The numeric part of the last margin number.
    last_margin: Option<u32>,
    /// Divisions waiting for the article or provision they open.
    pending_divisions: Vec<Division>,
    /// The text is a UN-system document: UN header, `80/16.` title or inline keywords.
    un: bool,
    /// What a line carried after what opened it — a heading's title (`AGENDA: …`), an article's,
    /// appendix's or division's heading (`ARTICLE 3 Definitions`) — read next as a line of its
    /// own, as the rendered text has it, so that it reads alike however the lines break.
    reread: Option<Reread>,
    /// A label alone on a line, waiting for its text: the state before it was taken for a
    /// clause, so that with its text it can be read as the two lines on one would be (a
    /// footnote `5 text` in a UN document, a margin line `4 (SUP)`).
    label_alone: Option<LabelAlone>,
}

/// What is left to read as a line of its own.
enum Reread {
    /// The rest of the line being read, from this byte on: a suffix, so that a line of headings
    /// within headings is read in linear time, not copied again at each.
    From(usize),
    /// Another line (a margin number joined to the line after it).
    Line(String),
}

/// Where `part`, a slice of `line`, starts in it when it runs to the line's end; `None` for a
/// string from elsewhere. (Only addresses are compared: O(1), whatever the lengths.)
fn suffix_at(line: &str, part: &str) -> Option<usize> {
    let at = (part.as_ptr() as usize).checked_sub(line.as_ptr() as usize)?;
    (at + part.len() == line.len() && line.is_char_boundary(at)).then_some(at)
}

/// `part` of `line` to read as a line of its own.
fn reread_of(line: &str, part: &str) -> Reread {
    match suffix_at(line, part) {
        Some(at) => Reread::From(at),
        None => Reread::Line(part.to_owned()),
    }
}

/// What a label alone on a line changed, to undo it should the line after it prove it to be
/// something else.
struct LabelAlone {
    /// A bare number in a UN document: with its text, a footnote.
    footnote: bool,
    levels: Vec<Level>,
    heading_clause: bool,
    place: Option<Place>,
    /// How many preamble sections there were: a label that no section held opens one.
    sections: usize,
}

impl Parser {
    fn line(&mut self, number: usize, line: &str) {
        self.one_line(number, line);
        // What the line left to read as a line of its own, in a loop rather than by recursion:
        // a hostile line of a million `ANNEX - ` leaves one after another.
        let (mut base, mut start) = (std::borrow::Cow::Borrowed(line), 0);
        while let Some(reread) = self.reread.take() {
            match reread {
                Reread::From(at) => start += at,
                Reread::Line(other) => (base, start) = (std::borrow::Cow::Owned(other), 0),
            }
            self.one_line(number, &base[start..]);
        }
    }

    /// Leaves `part` of `line` to be read next as a line of its own.
    fn reread_part(&mut self, line: &str, part: &str) {
        self.reread = Some(reread_of(line, part));
    }

    fn one_line(&mut self, number: usize, line: &str) {
        let label_alone = self.label_alone.take();
        if let Some(mark) = ProposalMark::from_line(line) {
            self.flush_mark();
            self.awaiting = Awaiting::Nothing;
            if self.place.is_none() && !self.header_seen && self.doc.mark.is_none() {
                self.doc.mark = Some(mark);
            } else {
                self.pending_mark = Some((number, mark));
            }
            return;
        }
        if self.structure(line) {
            return;
        }
        if self.margin(line) {
            return;
        }
        if let Some((marker, text)) = is_list_marker(line) {
            let place = self.place;
            if matches!(
                place,
                Some(Place::Article | Place::Appendix | Place::Preamble | Place::Operative)
            ) && self.pending_mark.is_none()
                && let Some(clause) = self.last_clause()
            {
                clause.items.push(ListItem {
                    marker: marker.to_owned(),
                    text: text.to_owned(),
                });
                self.awaiting = Awaiting::Nothing;
                self.heading_clause = false;
                return;
            }
        }
        // `61st plenary meeting` / `19 December 2024`: the adoption line's date on its own line.
        if let Some(adoption) = &mut self.doc.adoption
            && structure::split_date(adoption).1.is_none()
            && structure::split_date(line).0.is_empty()
        {
            adoption.push(' ');
            adoption.push_str(line);
            return;
        }
        if let Some((label, text)) = split_label(line) {
            self.labelled(label, text);
            return;
        }
        let continuing = self.continuing();
        if let Some(k) = keyword_line(line)
            && !(continuing && self.un)
        {
            self.awaiting = Awaiting::Nothing;
            self.heading_clause = false;
            self.set_language(k.language);
            let mark = self.take_mark();
            let section = Section {
                keyword: Some(k.keyword),
                phrase: k.phrase,
                addressee: k.addressee,
                mark,
                ..Section::default()
            };
            self.push_section(section, k.keyword.is_operative());
            return;
        }
        if (!continuing || self.un)
            && !matches!(self.place, Some(Place::Article | Place::Appendix))
            && (self.doc.issuer.is_some() || self.un || !self.doc.preamble.is_empty())
            && let Some(p) = inline_keyword(line, self.un)
        {
            self.inline_section(None, line, p);
            return;
        }
        match self.awaiting {
            Awaiting::Text => {
                self.awaiting = Awaiting::Nothing;
                if let Some(undo) = label_alone {
                    let label = self.last_clause().and_then(|c| c.num.clone());
                    let joined = format!("{} {line}", label.as_deref().unwrap_or_default());
                    // Read as the two lines on one, where that reads otherwise than a label
                    // with its text: `5` / `A/79/123, annex.`, a footnote of a UN document;
                    // `4` / `(SUP)`, `4` / `PP-06 text` or, in a text with margin numbers,
                    // `14` / `text`, a margin line; `0` / `Decides to act;`, a numbered
                    // paragraph opening with its keyword.
                    let margin = structure::margin_line(&joined).is_some_and(|m| {
                        m.margin.len() == label.as_deref().map_or(0, str::len)
                            && self.accepts_margin(&m)
                    });
                    let paragraph = !matches!(undo.place, Some(Place::Article | Place::Appendix))
                        && inline_keyword_or_alone(line, self.un, true).is_some();
                    if (undo.footnote || margin || paragraph) && self.undo_label(undo) {
                        self.reread = Some(Reread::Line(joined));
                        return;
                    }
                }
                if let Some(clause) = self.last_clause() {
                    clause.text = line.to_owned();
                    self.heading_clause = structure::is_subheading(line);
                    return;
                }
            }
            Awaiting::ArticleHeading => {
                self.awaiting = Awaiting::Nothing;
                if let Some(article) = self.doc.articles.last_mut() {
                    article.heading = Some(line.to_owned());
                    return;
                }
            }
            Awaiting::AppendixHeading => {
                self.awaiting = Awaiting::Nothing;
                if let Some(appendix) = self.doc.appendices.last_mut() {
                    appendix.heading = Some(line.to_owned());
                    return;
                }
            }
            Awaiting::DivisionHeading => {
                self.awaiting = Awaiting::Nothing;
                if let Some(division) = self.pending_divisions.last_mut() {
                    division.heading = Some(line.to_owned());
                    return;
                }
            }
            Awaiting::Nothing => {}
        }
        if self.running_head(line, continuing) {
            self.doc.running_heads.push(UnplacedLine {
                line: number,
                text: line.to_owned(),
            });
            return;
        }
        if self.doc.adoption.is_none()
            && self.has_body()
            && let Some(adoption) = adoption_line(line)
        {
            self.doc.adoption = Some(adoption.to_owned());
            self.heading_clause = false;
            return;
        }
        let heading_content = self.heading_clause && self.pending_mark.is_none();
        if structure::opens_like_item(line) && (!continuing || heading_content) {
            // A dash alone, or a line framed by dashes (`- 5 -`), opens no clause: as its text,
            // it would read as a list item once the next line joined it (`-` / `text` renders
            // as `- text`).
            self.unplaced(number, line);
            return;
        }
        if heading_content {
            // `1` / `General` / a paragraph: the paragraph is the heading clause's content.
            self.heading_clause = false;
            if let Some(clause) = self.last_clause() {
                clause.clauses.push(Clause {
                    text: line.to_owned(),
                    ..Clause::default()
                });
                return;
            }
        }
        if continuing {
            if self.would_open_structure(line) {
                // `Part` / `P`: joined, the paragraph would read `Part P`, a division line, on
                // the line of its own the rendered text gives it; the line is reported instead.
                self.unplaced(number, line);
                return;
            }
            if self.would_frame_item(line) {
                // `- 2` / `-`: joined, the item would read `- 2 -`, a line framed by dashes,
                // which is no item; the stray line is reported instead.
                self.unplaced(number, line);
            } else {
                self.continue_with(line);
            }
            return;
        }
        if self.place == Some(Place::Closing)
            && let Some(last) = self.doc.closing.last_mut()
            && continues(last)
        {
            last.push(' ');
            last.push_str(line);
            return;
        }
        let place = self.place;
        match place {
            None | Some(Place::Header) if self.header_line(line) => {}
            Some(Place::Preamble | Place::Operative) if self.section_is_empty() => {
                self.clause(None, line);
            }
            Some(Place::Article | Place::Appendix) if structure::is_subheading(line) => {
                self.pending_divisions.push(Division {
                    kind: crate::DivisionKind::Subheading,
                    num: None,
                    heading: Some(line.to_owned()),
                });
            }
            Some(Place::Article | Place::Appendix) if structure::is_sentence(line) => {
                self.clause(None, line);
            }
            _ => self.unplaced(number, line),
        }
    }

    /// Whether the document's body (any section, article or appendix) has begun.
    fn has_body(&self) -> bool {
        !self.doc.preamble.is_empty()
            || !self.doc.operative.is_empty()
            || !self.doc.articles.is_empty()
            || !self.doc.appendices.is_empty()
    }

    fn set_language(&mut self, code: &'static str) {
        if self.language.is_none() && !code.is_empty() {
            self.language = Some(code);
        }
    }

    fn push_section(&mut self, section: Section, operative: bool) {
        if operative {
            self.doc.operative.push(section);
            self.place = Some(Place::Operative);
        } else {
            self.doc.preamble.push(section);
            self.place = Some(Place::Preamble);
        }
        self.levels.clear();
    }

    /// A paragraph that opens with its keyword: its own section, the paragraph its clause.
    fn inline_section(&mut self, label: Option<&str>, text: &str, p: crate::keyword::Phrase) {
        self.un = true;
        self.awaiting = Awaiting::Nothing;
        self.heading_clause = false;
        self.set_language(p.language.code());
        let mark = self.take_mark();
        let section = Section {
            keyword: Some(p.keyword),
            phrase: text[..p.len].to_owned(),
            mark,
            inline: true,
            ..Section::default()
        };
        self.push_section(section, p.keyword.is_operative());
        self.clause(label, text);
    }

    fn labelled(&mut self, label: &str, text: &str) {
        if matches!(
            self.awaiting,
            Awaiting::ArticleHeading | Awaiting::AppendixHeading
        ) {
            self.awaiting = Awaiting::Nothing;
        }
        let bare = label.bytes().all(|b| b.is_ascii_digit());
        let inline = if matches!(self.place, Some(Place::Article | Place::Appendix)) {
            None
        } else {
            // The keyword alone counts too: its paragraph may go on on the next line.
            inline_keyword_or_alone(text, self.un, true)
        };
        if let Some(p) = inline {
            self.inline_section(Some(label), text, p);
            return;
        }
        let footnote = self.un && bare && self.pending_mark.is_none();
        if footnote && !text.is_empty() {
            // A label before it waits for its text no more.
            self.awaiting = Awaiting::Nothing;
            self.doc.footnotes.push(Footnote {
                num: label.to_owned(),
                text: text.to_owned(),
            });
            return;
        }
        let undo = (text.is_empty() && self.pending_mark.is_none()).then(|| LabelAlone {
            footnote,
            levels: self.levels.clone(),
            heading_clause: self.heading_clause,
            place: self.place,
            sections: self.doc.preamble.len(),
        });
        self.clause(Some(label), text);
        self.label_alone = undo;
    }

    /// Takes back the clause a label alone opened, as [`LabelAlone`] recorded; `false` when
    /// the clause took anything else since.
    fn undo_label(&mut self, undo: LabelAlone) -> bool {
        let Some(clause) = self.last_clause() else {
            return false;
        };
        if clause.mark.is_some() || !clause.divisions.is_empty() || !clause.text.is_empty() {
            return false;
        }
        let Some(list) = self.last_clause_list() else {
            return false;
        };
        list.pop();
        if self.doc.preamble.len() > undo.sections
            && self
                .doc
                .preamble
                .last()
                .is_some_and(|s| s.clauses.is_empty())
        {
            self.doc.preamble.pop();
        }
        self.place = undo.place;
        self.levels = undo.levels;
        self.heading_clause = undo.heading_clause;
        true
    }

    /// `CHAPTER`, `SECTION`, `PART`, `Article 3`, `APPENDIX 1`, `Preamble`, `IN WITNESS
    /// WHEREOF …`; `false` when the line is none of them.
    fn structure(&mut self, line: &str) -> bool {
        let first = line.chars().next();
        if first.is_none_or(|c| c.is_lowercase() || c.is_ascii_digit())
            || !structure::openings().may_open(line)
        {
            return false;
        }
        let folded = Folded::new(line);
        if let Some(a) = article_line(line, &folded) {
            self.awaiting = Awaiting::ArticleHeading;
            if let Some(heading) = a.heading {
                self.reread_part(line, heading);
            }
            self.heading_clause = false;
            let mark = self.take_mark();
            let divisions = std::mem::take(&mut self.pending_divisions);
            self.doc.articles.push(Article {
                num: a.num.to_owned(),
                heading: None,
                mark,
                divisions,
                ..Article::default()
            });
            self.place = Some(Place::Article);
            self.levels.clear();
            return true;
        }
        if let Some((d, heading)) = division_line(line, &folded) {
            self.awaiting = Awaiting::DivisionHeading;
            if let Some(heading) = heading {
                self.reread_part(line, heading);
            }
            self.heading_clause = false;
            self.pending_divisions.push(d);
            return true;
        }
        if let Some((a, heading)) = appendix_line(line, &folded) {
            self.awaiting = Awaiting::AppendixHeading;
            if let Some(heading) = heading {
                self.reread_part(line, heading);
            }
            self.heading_clause = false;
            let mark = self.take_mark();
            self.doc.appendices.push(Appendix { mark, ..a });
            self.place = Some(Place::Appendix);
            self.levels.clear();
            return true;
        }
        if self.doc.preamble_heading.is_none()
            && !self.has_body()
            && preamble_heading(line, &folded)
        {
            self.doc.preamble_heading = Some(line.to_owned());
            self.doc.preamble.push(Section::default());
            self.place = Some(Place::Preamble);
            self.levels.clear();
            self.awaiting = Awaiting::Nothing;
            return true;
        }
        if self.has_body() && closing_line(&folded) {
            self.doc.closing.push(line.to_owned());
            self.place = Some(Place::Closing);
            self.awaiting = Awaiting::Nothing;
            self.heading_clause = false;
            return true;
        }
        false
    }

    /// A provision with its margin number: `2 1.1 a) …`, `14A PP-06 bbis) …`, `47 PP-02 (SUP)`.
    fn margin(&mut self, line: &str) -> bool {
        if !line.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return false;
        }
        let Some(m) = margin_line(line).filter(|m| self.accepts_margin(m)) else {
            return false;
        };
        self.last_margin = Some(m.value);
        if self.place == Some(Place::Closing) {
            self.place = Some(Place::Article);
        }
        // In a text with margin numbers, `2 1 The purposes …`: the bare number after the margin
        // is the provision's number.
        // A number alone after the margin (`7 PP-06 2`) is one too, its text on the next
        // line, as `7 PP-06 2 text` on one line reads.
        let bare = m
            .label
            .is_none()
            .then(|| split_label(m.rest))
            .flatten()
            .filter(|(label, text)| {
                self.margins && (!text.is_empty() || label.bytes().all(|b| b.is_ascii_digit()))
            });
        let (label, text) = match m.label.or(bare) {
            Some((label, text)) => (Some(label), text),
            None => {
                // A provision with a margin number and no label stands at the top level.
                self.levels.clear();
                (None, m.rest)
            }
        };
        // `2 1.1 a) text`: the first label is the provision, the next one its first sub-item.
        // Only a sub-item's label (`a)`, `1)`, `(a)`) counts: a bare number after the provision's
        // (`2 5.2 9 …`) is text, as it would be read on a line of its own.
        let (text, inner) = match label.and_then(|_| split_label(text)) {
            Some((inner_label, inner_text))
                if !inner_text.is_empty() && is_sub_item(inner_label) =>
            {
                ("", Some((inner_label, inner_text)))
            }
            _ => (text, None),
        };
        self.clause(label, text);
        if let Some(clause) = self.last_clause() {
            clause.margin = Some(m.margin.to_owned());
            clause.revised_by = m.notes.iter().map(|n| (*n).to_owned()).collect();
            clause.suppressed = m.suppressed;
        }
        if m.suppressed || inner.is_some() {
            self.awaiting = Awaiting::Nothing;
        }
        if let Some((inner_label, inner_text)) = inner {
            self.clause(Some(inner_label), inner_text);
        }
        true
    }

    /// Whether a line of margin form is a margin line here: it shows a note, `(SUP)` or a
    /// label, or the text has margin numbers and this one, followed by text, goes on from the
    /// last inside an instrument.
    fn accepts_margin(&self, m: &structure::MarginLine<'_>) -> bool {
        let in_instrument = matches!(self.place, Some(Place::Article | Place::Appendix))
            || (self.place == Some(Place::Preamble) && self.doc.preamble_heading.is_some());
        let value = m.value;
        let increasing = self.last_margin.is_none_or(|last| {
            value > last || (value == last && m.margin.len() > value.to_string().len())
        });
        m.strong || (self.margins && in_instrument && increasing && !m.rest.is_empty())
    }

    /// Whether a repeated title stands here as a running head: inside an unfinished sentence,
    /// or between the paragraphs of a UN text. (The one repeat of an ITU title before its
    /// issuer is the header's.)
    fn running_head(&self, line: &str, continuing: bool) -> bool {
        let Some(title) = self.doc.title.as_ref().map(Name::as_str) else {
            return false;
        };
        let repeats = line == title || (line.len() >= 20 && title.starts_with(line));
        repeats && (continuing || (self.has_body() && self.un))
    }

    /// Whether the last clause (or its last list item) has not ended its sentence.
    fn continuing(&mut self) -> bool {
        if self.pending_mark.is_some() || self.awaiting != Awaiting::Nothing {
            return false;
        }
        match self.last_clause() {
            Some(clause) => match clause.items.last() {
                Some(item) => continues(&item.text),
                None => continues(&clause.text),
            },
            None => false,
        }
    }

    /// Whether `line`, joined to the last list item, would make it a line framed by its
    /// marker (`- 2 -`), which does not read back as an item.
    fn would_frame_item(&mut self, line: &str) -> bool {
        let Some(item) = self.last_clause().and_then(|c| c.items.last()) else {
            return false;
        };
        // Joined after a space, the item's text ends as `line` does.
        item.marker
            .chars()
            .next()
            .is_some_and(|marker| structure::closes_frame(line, marker))
    }

    /// Whether `line`, joined to the last clause's text, would make it open an article,
    /// division or appendix line: an unlabelled clause's text is a line of its own once
    /// rendered. Only a short text is looked at (a structure line opens with a short word and
    /// number), so a long paragraph costs nothing more.
    fn would_open_structure(&mut self, line: &str) -> bool {
        let Some(clause) = self.last_clause() else {
            return false;
        };
        if clause.num.is_some() || clause.margin.is_some() || !clause.items.is_empty() {
            return false;
        }
        if clause.text.len() > 64 || !structure::openings().may_open(&clause.text) {
            return false;
        }
        let joined = format!("{} {line}", clause.text);
        let folded = Folded::new(&joined);
        article_line(&joined, &folded).is_some()
            || division_line(&joined, &folded).is_some()
            || appendix_line(&joined, &folded).is_some()
    }

    fn continue_with(&mut self, line: &str) {
        // `2 1.1 a)` at the end of a line with its text on the next reads as `2 1.1 a) text` on
        // one line does: the first label is the provision's, the next its first sub-item's. So
        // a text reads the same however its lines are broken, and a rendered text reads back.
        let inner = self.last_clause().and_then(|clause| {
            let bare_label = clause.margin.is_some()
                && clause.num.is_some()
                && clause.items.is_empty()
                && clause.clauses.is_empty()
                && split_label(&clause.text)
                    .is_some_and(|(label, rest)| rest.is_empty() && is_sub_item(label));
            bare_label.then(|| std::mem::take(&mut clause.text))
        });
        if let Some(label) = inner {
            self.awaiting = Awaiting::Nothing;
            self.clause(Some(&label), line);
            return;
        }
        if let Some(clause) = self.last_clause() {
            let text = match clause.items.last_mut() {
                Some(item) => &mut item.text,
                None => &mut clause.text,
            };
            text.push(' ');
            text.push_str(line);
        }
    }

    /// Heading, UN header block, revision note, title and issuer; `false` when the line is none
    /// of them.
    fn header_line(&mut self, line: &str) -> bool {
        let doc = &mut self.doc;
        if doc.title.is_none() && doc.issuer.is_none() && metadata_line(doc, line) {
            self.un = true;
            self.header_seen = true;
            self.place = Some(Place::Header);
            return true;
        }
        let fresh = doc.kind.is_none() && doc.title.is_none() && doc.issuer.is_none();
        if fresh
            && doc.revised.is_none()
            && let Some((number, title)) = un_title(line)
            && let Ok(title) = Name::new(title)
        {
            doc.kind = Some(crate::DocumentKind::Resolution);
            doc.number = Some(number.to_owned());
            doc.title = Some(title);
            self.un = true;
            self.header_seen = true;
            self.place = Some(Place::Header);
            return true;
        }
        if fresh
            && doc.revised.is_none()
            && let Some(h) = heading(line)
            && h.title.as_deref().is_none_or(|t| Name::new(t).is_ok())
        {
            doc.kind = Some(h.kind);
            doc.number = h.number;
            doc.symbol = h.symbol;
            doc.session = h.session;
            // The title is read as the next line, as the rendered text has it on a line of
            // its own: so a title that reads as something else (`AGENDA: d)`) reads alike.
            self.reread = h.title.map(Reread::Line);
            if h.revised_draft || h.revised {
                doc.revised = Some(Revision {
                    status: if h.revised_draft {
                        RevisionStatus::RevisedDraft
                    } else {
                        RevisionStatus::Revised
                    },
                    revises: None,
                });
            }
            self.header_seen = true;
            self.place = Some(Place::Header);
            return true;
        }
        if doc.issuer.is_none() {
            if let Some(revises) = revises_line(line) {
                let revision = doc.revised.get_or_insert(Revision {
                    status: RevisionStatus::RevisedDraft,
                    revises: None,
                });
                if revision.revises.is_none() {
                    revision.revises = Some(revises.to_owned());
                    self.header_seen = true;
                    return true;
                }
            }
            if let Some((issuer, un)) = issuer_line(line) {
                doc.issuer = Some(issuer.to_owned());
                self.un |= un;
                self.header_seen = true;
                return true;
            }
            if doc.title.as_ref().is_some_and(|t| t.as_str() == line) && !self.title_repeated {
                self.title_repeated = true;
                return true;
            }
            // A line too long to be a title (a `Name`) is left unplaced.
            if doc.title.is_none()
                && let Ok(title) = Name::new(line)
            {
                doc.title = Some(title);
                self.header_seen = true;
                return true;
            }
        }
        false
    }

    fn section_is_empty(&self) -> bool {
        let section = match self.place {
            Some(Place::Preamble) => self.doc.preamble.last(),
            Some(Place::Operative) => self.doc.operative.last(),
            _ => None,
        };
        section.is_some_and(|s| s.clauses.is_empty())
    }

    fn clause(&mut self, label: Option<&str>, text: &str) {
        let mark = self.take_mark();
        let suppressed = mark.as_ref().is_some_and(|m| m.action == MarkAction::Sup);
        self.awaiting = if label.is_some() && text.is_empty() && !suppressed {
            Awaiting::Text
        } else {
            Awaiting::Nothing
        };
        self.heading_clause = false;
        let clause = Clause {
            num: label.map(str::to_owned),
            text: text.to_owned(),
            mark,
            divisions: std::mem::take(&mut self.pending_divisions),
            ..Clause::default()
        };
        let last_letter = self
            .levels
            .iter()
            .rev()
            .find(|l| l.style == Style::Letter)
            .and_then(|l| l.last_letter);
        let roman_open = self.levels.iter().any(|l| l.style == Style::Roman);
        let style = match label {
            Some(label) => style_of(label, last_letter, roman_open),
            None => Style::None,
        };
        let letter = label
            .filter(|_| style == Style::Letter)
            .and_then(|l| l.bytes().find(u8::is_ascii_lowercase));

        // Labels of one style are siblings; a new style opens a level below the last clause, down
        // to MAX_CLAUSE_DEPTH, below which clauses stay siblings (keeping their labels), so that
        // what is built per clause never grows with the depth of a hostile text.
        let depth = self
            .levels
            .iter()
            .position(|l| l.style == style)
            .unwrap_or(self.levels.len())
            .min(MAX_CLAUSE_DEPTH - 1);
        self.levels.truncate(depth);
        self.levels.push(Level {
            style,
            last_letter: letter,
        });

        let root = match self.place {
            Some(Place::Article) => self.doc.articles.last_mut().map(|a| &mut a.provisions),
            Some(Place::Appendix) => self.doc.appendices.last_mut().map(|a| &mut a.provisions),
            Some(Place::Operative) => self.doc.operative.last_mut().map(|s| &mut s.clauses),
            Some(Place::Preamble) => self.doc.preamble.last_mut().map(|s| &mut s.clauses),
            None | Some(Place::Header | Place::Closing) => None,
        };
        let root = match root {
            Some(root) => root,
            None => {
                // Clauses that no keyword line introduces, as in a text whose keyword was lost.
                self.doc.preamble.push(Section::default());
                self.place = Some(Place::Preamble);
                self.levels.clear();
                self.levels.push(Level {
                    style,
                    last_letter: letter,
                });
                let Some(section) = self.doc.preamble.last_mut() else {
                    return;
                };
                &mut section.clauses
            }
        };
        let mut list = root;
        for _ in 0..self.levels.len() - 1 {
            if list.is_empty() {
                break;
            }
            let last = list.len() - 1;
            list = &mut list[last].clauses;
        }
        list.push(clause);
        if style == Style::None && depth == 0 {
            // An unlabelled provision (`13 For the purpose …`) is a sibling of what follows.
            self.levels.clear();
        }
    }

    /// The list that holds the last clause, at its depth.
    fn last_clause_list(&mut self) -> Option<&mut Vec<Clause>> {
        let mut list = match self.place? {
            Place::Article => &mut self.doc.articles.last_mut()?.provisions,
            Place::Appendix => &mut self.doc.appendices.last_mut()?.provisions,
            Place::Operative => &mut self.doc.operative.last_mut()?.clauses,
            Place::Preamble => &mut self.doc.preamble.last_mut()?.clauses,
            Place::Header | Place::Closing => return None,
        };
        loop {
            let last = list.len().checked_sub(1)?;
            if list[last].clauses.is_empty() {
                return Some(list);
            }
            list = &mut list[last].clauses;
        }
    }

    fn last_clause(&mut self) -> Option<&mut Clause> {
        self.last_clause_list()?.last_mut()
    }

    fn take_mark(&mut self) -> Option<ProposalMark> {
        self.pending_mark.take().map(|(_, mark)| mark)
    }

    /// A mark that nothing followed is kept as an unplaced line.
    fn flush_mark(&mut self) {
        if let Some((line, mark)) = self.pending_mark.take() {
            self.unplaced(line, &mark.to_string());
        }
    }

    /// A text with no header whose first line opens with a keyword (`Reiterating …`) had that
    /// line taken for its title before the text proved UN-style (by a later `1. Decides …`):
    /// it is the first paragraph, as it would be read had the proof come first.
    fn title_to_paragraph(&mut self) {
        let headless = self.doc.kind.is_none()
            && self.doc.issuer.is_none()
            && self.doc.metadata.is_none()
            && self.doc.revised.is_none()
            && !self.title_repeated;
        if !self.un || !headless {
            return;
        }
        let Some(title) = self.doc.title.take() else {
            return;
        };
        let Some(p) = inline_keyword(title.as_str(), true) else {
            self.doc.title = Some(title);
            return;
        };
        let preamble = std::mem::take(&mut self.doc.preamble);
        let operative = std::mem::take(&mut self.doc.operative);
        self.place = None;
        self.levels.clear();
        self.inline_section(None, title.as_str(), p);
        self.doc.preamble.extend(preamble);
        self.doc.operative.extend(operative);
    }

    fn unplaced(&mut self, line: usize, text: &str) {
        if self.doc.unplaced.len() < MAX_UNPLACED {
            self.doc.unplaced.push(UnplacedLine {
                line,
                text: text.to_owned(),
            });
        } else {
            self.doc.unplaced_omitted += 1;
        }
    }

    fn finish(mut self) -> Document {
        self.flush_mark();
        self.title_to_paragraph();
        // Divisions that opened nothing (a heading at the very end) stay as unplaced lines.
        for division in std::mem::take(&mut self.pending_divisions) {
            let text = crate::render::division_text(&division);
            self.unplaced(0, &text);
        }
        self.doc.unplaced.sort_by_key(|u| u.line);
        self.doc.language = self.language.and_then(|l| LanguageTag::new(l).ok());
        self.doc.references = reference::document_references(&self.doc);
        self.doc
    }
}

/// Whether a clause with this text goes on on the next line: it has text, and its last
/// sentence is not ended by `;`, `.` or `:` (before any closing quotes or brackets). A comma
/// does not end it, as lines wrap after commas too.
fn continues(text: &str) -> bool {
    let end = text.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']']);
    !text.is_empty() && !end.ends_with([';', '.', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_nest_by_their_labels() {
        let doc = parse(
            "resolves\n1 one\n1.1 one one\n1.2 one two\na) letter\ni) roman\nii) roman two\nb) letter two\n2 two\n",
        );
        let tree: Vec<String> = {
            let mut out = Vec::new();
            doc.for_each_clause(|_, _, path, _| out.push(path.to_owned()));
            out
        };
        assert_eq!(
            tree,
            [
                "1",
                "1.1.1",
                "1.1.2",
                "1.1.2.a",
                "1.1.2.a.i",
                "1.1.2.a.ii",
                "1.1.2.b",
                "2"
            ]
        );
    }

    #[test]
    fn letter_i_after_h_is_a_letter() {
        let text: String = "considering\n".to_owned()
            + &"abcdefghij"
                .chars()
                .map(|c| format!("{c}) x\n"))
                .collect::<String>();
        let doc = parse(&text);
        assert_eq!(doc.preamble[0].clauses.len(), 10);
    }

    #[test]
    fn a_paragraph_wrapped_over_lines_is_one_clause() {
        let text = "considering\n\
                    a) that the International Telecommunication Regulations,\n\
                    adopted in Melbourne in 1988, need\n\
                    review;\n\
                    b) that \"the internet\"\n\
                    belongs to us.\n\
                    a stray line after a finished clause;\n\
                    resolves\n\
                    1 to act\n\
                    MOD B2/49/1\n\
                    words after a mark\n";
        let doc = parse(text);
        let clauses = &doc.preamble[0].clauses;
        assert_eq!(
            clauses[0].text,
            "that the International Telecommunication Regulations, adopted in Melbourne in \
             1988, need review;"
        );
        assert_eq!(clauses[1].text, "that \"the internet\" belongs to us.");
        assert_eq!(doc.operative[0].clauses[0].text, "to act");
        let unplaced: Vec<(usize, &str)> = doc
            .unplaced
            .iter()
            .map(|u| (u.line, u.text.as_str()))
            .collect();
        // A finished clause takes no more lines, and a proposal mark stands between a clause
        // and what follows it.
        assert_eq!(
            unplaced,
            [
                (7, "a stray line after a finished clause;"),
                (10, "MOD B2/49/1"),
                (11, "words after a mark")
            ]
        );
        // Joined clauses render on one line each, and read back the same.
        let back = parse(&crate::render(&doc));
        assert_eq!(back.preamble, doc.preamble);
    }

    #[test]
    fn a_label_alone_takes_the_next_line_and_sup_takes_none() {
        let doc = parse("ARTICLE 3\nHeading\nSUP ARB/7/13\n3.1\nMOD ARB/7/14\n3.2\nthe text.\n");
        let provisions = &doc.articles[0].provisions;
        assert_eq!(provisions[0].text, "");
        assert_eq!(
            provisions[0].mark.as_ref().map(|m| m.action),
            Some(MarkAction::Sup)
        );
        assert_eq!(provisions[1].text, "the text.");
        assert!(doc.unplaced.is_empty());
    }

    #[test]
    fn stray_lines_are_kept_with_their_numbers() {
        let doc = parse("resolves\r\n\r\n1 to act;\r\nsome prose\r\nNOC\r\n");
        assert_eq!(
            doc.unplaced,
            [
                UnplacedLine {
                    line: 4,
                    text: "some prose".into()
                },
                UnplacedLine {
                    line: 5,
                    text: "NOC".into()
                }
            ]
        );
        assert_eq!(doc.diagnostics().next().map(|d| d.line), Some(4));
    }
}

#[cfg(test)]
mod depth_tests {
    use super::*;

    fn depth(clauses: &[Clause]) -> usize {
        clauses
            .iter()
            .map(|c| 1 + depth(&c.clauses))
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn deep_labels_stop_nesting_at_the_limit_and_keep_their_labels() {
        let text: String = (1..=40)
            .map(|i| format!("{}1 clause {i}\n", "1.".repeat(i - 1)))
            .collect();
        let doc = parse(&format!("resolves\n\n{text}"));
        assert!(doc.unplaced.is_empty(), "{:?}", doc.unplaced);
        assert_eq!(depth(&doc.operative[0].clauses), MAX_CLAUSE_DEPTH);
        let rendered = crate::render(&doc);
        assert!(rendered.contains(&format!("{}1 clause 40", "1.".repeat(39))));
        assert_eq!(parse(&rendered), doc);
    }
}
