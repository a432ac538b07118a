//! The parser: plain text in ITU layout to a [`Document`], in one pass over the lines.

use plenary_core::LanguageTag;

use crate::document::{Article, Clause, Document, Revision, RevisionStatus, Section, UnplacedLine};
use crate::heading::{heading, issuer_line, revises_line};
use crate::keyword::keyword_line;
use crate::label::{Style, split_label, style_of};
use crate::mark::{MarkAction, ProposalMark};
use crate::normalize::normalize_line;
use crate::{Error, reference};

/// How deep labelled clauses nest when parsed: ITU texts use three or four levels (`1`, `1.1`,
/// `a)`, `i)`); a clause whose label would open a level deeper than this becomes a sibling at the
/// deepest level, keeping its label.
pub const MAX_CLAUSE_DEPTH: usize = 8;

/// A line the parser could not place, with its 1-based line number and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The 1-based line number in the input.
    pub line: usize,
    /// The line, whitespace collapsed.
    pub text: String,
    /// What the parser expected there.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {:?}: {}", self.line, self.text, self.message)
    }
}

/// Parses plain text in ITU layout into a [`Document`], keeping every line it cannot place in
/// [`Document::unplaced`] (see [`Document::diagnostics`]).
///
/// The text needs no markup: the heading, title, issuer, keyword lines (`considering`,
/// `instructs the Secretary-General`, `considérant`, `resuelve`), labelled clauses (`a)`, `1`,
/// `i)`, `1.1`), proposal marks (`ADD B2/49/1`) and `ARTICLE 3` lines are recognised by their
/// layout alone. A paragraph wrapped over several lines is joined into one clause while the
/// clause has not ended its sentence (`;`, `.` or `:`); a plain line after a finished clause is
/// unplaced. CRLF, tabs, non-breaking spaces and curly quotes are accepted. The parser reads
/// each line once, so its cost is linear in the input; clauses nest at most
/// [`MAX_CLAUSE_DEPTH`] deep.
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
    let mut parser = Parser::default();
    for (index, raw) in text.split('\n').enumerate() {
        let line = normalize_line(raw);
        if !line.is_empty() {
            parser.line(index + 1, &line);
        }
    }
    parser.finish()
}

/// Parses like [`parse`], but refuses a text with a line it cannot place.
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
    /// A labelled clause with no text yet, waiting for its text on the next line.
    awaiting_text: bool,
    /// The current article still waits for its heading.
    awaiting_heading: bool,
    header_seen: bool,
    language: Option<&'static str>,
}

impl Parser {
    fn line(&mut self, number: usize, line: &str) {
        if let Some(mark) = ProposalMark::from_line(line) {
            self.flush_mark();
            self.awaiting_text = false;
            if self.place.is_none() && !self.header_seen && self.doc.mark.is_none() {
                self.doc.mark = Some(mark);
            } else {
                self.pending_mark = Some((number, mark));
            }
            return;
        }
        if let Some((num, heading)) = article_line(line) {
            self.awaiting_text = false;
            let mark = self.take_mark();
            self.doc.articles.push(Article {
                num: num.to_owned(),
                heading: heading.map(str::to_owned),
                mark,
                ..Article::default()
            });
            self.awaiting_heading = heading.is_none();
            self.place = Some(Place::Article);
            self.levels.clear();
            return;
        }
        if let Some((label, text)) = split_label(line) {
            self.awaiting_heading = false;
            self.clause(Some(label), text);
            return;
        }
        if let Some(k) = keyword_line(line) {
            self.awaiting_text = false;
            self.awaiting_heading = false;
            if self.language.is_none() && !k.language.is_empty() {
                self.language = Some(k.language);
            }
            let mark = self.take_mark();
            let section = Section {
                keyword: Some(k.keyword),
                phrase: k.phrase,
                addressee: k.addressee,
                mark,
                ..Section::default()
            };
            if k.keyword.is_operative() {
                self.doc.operative.push(section);
                self.place = Some(Place::Operative);
            } else {
                self.doc.preamble.push(section);
                self.place = Some(Place::Preamble);
            }
            self.levels.clear();
            return;
        }
        if self.awaiting_text {
            self.awaiting_text = false;
            if let Some(clause) = self.last_clause() {
                clause.text = line.to_owned();
                return;
            }
        }
        if self.awaiting_heading {
            self.awaiting_heading = false;
            if let Some(article) = self.doc.articles.last_mut() {
                article.heading = Some(line.to_owned());
                return;
            }
        }
        if self.pending_mark.is_none()
            && let Some(clause) = self.last_clause()
            && continues(&clause.text)
        {
            // A paragraph wrapped over several lines: the clause has not ended its sentence.
            clause.text.push(' ');
            clause.text.push_str(line);
            return;
        }
        let place = self.place;
        match place {
            None | Some(Place::Header) if self.header_line(line) => {}
            Some(Place::Preamble | Place::Operative) if self.section_is_empty() => {
                self.clause(None, line);
            }
            _ => self.unplaced(number, line),
        }
    }

    /// Heading, revision note, title and issuer; `false` when the line is none of them.
    fn header_line(&mut self, line: &str) -> bool {
        let doc = &mut self.doc;
        let fresh = doc.kind.is_none() && doc.title.is_none() && doc.issuer.is_none();
        if fresh
            && doc.revised.is_none()
            && let Some(h) = heading(line)
        {
            doc.kind = Some(h.kind);
            doc.number = h.number;
            doc.symbol = h.symbol;
            doc.session = h.session;
            doc.title = h.title;
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
            if let Some(issuer) = issuer_line(line) {
                doc.issuer = Some(issuer.to_owned());
                self.header_seen = true;
                return true;
            }
            if doc.title.as_deref() == Some(line) {
                return true;
            }
            if doc.title.is_none() {
                doc.title = Some(line.to_owned());
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
        self.awaiting_text = label.is_some() && text.is_empty() && !suppressed;
        let clause = Clause {
            num: label.map(str::to_owned),
            text: text.to_owned(),
            mark,
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
            .and_then(|l| l.bytes().next());

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
            Some(Place::Operative) => self.doc.operative.last_mut().map(|s| &mut s.clauses),
            Some(Place::Preamble) => self.doc.preamble.last_mut().map(|s| &mut s.clauses),
            None | Some(Place::Header) => None,
        };
        let root = match root {
            Some(root) => root,
            None => {
                // Clauses that no keyword line introduces, as in a text whose keyword was lost.
                self.doc.preamble.push(Section {
                    keyword: None,
                    phrase: String::new(),
                    addressee: None,
                    ..Section::default()
                });
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
    }

    fn last_clause(&mut self) -> Option<&mut Clause> {
        let mut list = match self.place? {
            Place::Article => &mut self.doc.articles.last_mut()?.provisions,
            Place::Operative => &mut self.doc.operative.last_mut()?.clauses,
            Place::Preamble => &mut self.doc.preamble.last_mut()?.clauses,
            Place::Header => return None,
        };
        loop {
            let last = list.len().checked_sub(1)?;
            if list[last].clauses.is_empty() {
                return list.get_mut(last);
            }
            list = &mut list[last].clauses;
        }
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

    fn unplaced(&mut self, line: usize, text: &str) {
        self.doc.unplaced.push(UnplacedLine {
            line,
            text: text.to_owned(),
        });
    }

    fn finish(mut self) -> Document {
        self.flush_mark();
        self.doc.unplaced.sort_by_key(|u| u.line);
        self.doc.language = self.language.and_then(|l| LanguageTag::new(l).ok());
        self.doc.references = reference::document_references(&self.doc);
        self.doc
    }
}

/// `ARTICLE 3`, `Article 6A`, `Artículo 3`, optionally with its heading after a dash.
fn article_line(line: &str) -> Option<(&str, Option<&str>)> {
    let rest = ["ARTICLE ", "Article ", "ARTÍCULO ", "Artículo "]
        .iter()
        .find_map(|p| line.strip_prefix(p))?;
    let (num, heading) = match rest.split_once(' ') {
        Some((num, after)) => {
            let heading = after
                .strip_prefix("- ")
                .or_else(|| after.strip_prefix("– "))?
                .trim();
            (num, (!heading.is_empty()).then_some(heading))
        }
        None => (rest, None),
    };
    let valid = num.len() <= 8
        && num.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && num.bytes().all(|b| b.is_ascii_alphanumeric());
    valid.then_some((num, heading))
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
    fn article_lines() {
        for (line, expected) in [
            ("ARTICLE 3", Some(("3", None))),
            ("Article 6A", Some(("6A", None))),
            (
                "Article 3 – International network",
                Some(("3", Some("International network"))),
            ),
            ("Artículo 4", Some(("4", None))),
            ("Article three", None),
            ("ARTICLE 3 of the Constitution", None),
        ] {
            assert_eq!(article_line(line), expected, "{line:?}");
        }
    }

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
