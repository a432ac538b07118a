//! The structure lines of instruments and UN texts: margin numbers, articles, divisions,
//! appendices, dash lists, the UN header block, `80/16. Title`, the adoption line and the
//! closing formula. Words come from the language tables in [`crate::lang`].

use plenary_core::Name;

use crate::document::{Appendix, Division, Document, Metadata};
use crate::label::split_label;
use std::sync::OnceLock;

use crate::lang::{Folded, Language, Openings, Words, longest, longest_word};
use crate::lines::lines;
use crate::normalize::normalize_line;

/// The suffixes of an inserted margin number: `14bis`, `62ter`.
const MARGIN_SUFFIXES: &[&str] = &["quinquies", "quater", "sexies", "septies", "bis", "ter"];

/// A line that opens with a margin number, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MarginLine<'a> {
    /// The margin number as written: `14A`.
    pub(crate) margin: &'a str,
    /// Its numeric part: `14`.
    pub(crate) value: u32,
    /// Revising conferences: `PP-06`.
    pub(crate) notes: Vec<&'a str>,
    /// `(SUP)`.
    pub(crate) suppressed: bool,
    /// The provision's label and text, when the text after the notes opens with a label that
    /// cannot be prose (`1.1`, `a)`, `2)`).
    pub(crate) label: Option<(&'a str, &'a str)>,
    /// The text after the margin number and notes.
    pub(crate) rest: &'a str,
    /// Only a margin number can stand here: notes, `(SUP)` or a label follow it.
    pub(crate) strong: bool,
}

/// Reads `14A PP-06 bbis) text`, `47 PP-02 (SUP)`, `2 1.1 a) text` or `13 text`.
pub(crate) fn margin_line(line: &str) -> Option<MarginLine<'_>> {
    let (margin, mut rest) = line.split_once(' ').unwrap_or((line, ""));
    let digits = margin.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let suffix = &margin[digits..];
    let suffix_ok = suffix.is_empty()
        || (suffix.len() == 1 && suffix.as_bytes()[0].is_ascii_uppercase())
        || MARGIN_SUFFIXES.contains(&suffix);
    if !suffix_ok {
        return None;
    }
    let value: u32 = margin[..digits].parse().ok()?;
    let mut notes = Vec::new();
    let mut suppressed = false;
    loop {
        let (token, after) = rest.split_once(' ').unwrap_or((rest, ""));
        if token == "(SUP)" {
            suppressed = true;
        } else if is_note(token) {
            notes.push(token);
        } else {
            break;
        }
        rest = after;
    }
    let label = split_label(rest).filter(|(label, _)| strong_label(label));
    let strong = !notes.is_empty() || suppressed || label.is_some();
    if rest.is_empty() && !strong {
        return None;
    }
    Some(MarginLine {
        margin,
        value,
        notes,
        suppressed,
        label,
        rest,
        strong,
    })
}

/// A revising conference in the margin: `PP-06`, `WRC-12`, `WARC-92`.
fn is_note(token: &str) -> bool {
    let Some((letters, year)) = token.split_once('-') else {
        return false;
    };
    (2..=6).contains(&letters.len())
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && (2..=4).contains(&year.len())
        && year.bytes().all(|b| b.is_ascii_digit())
}

/// A label that prose cannot start with: dotted, lettered or closed by `)` or `.`.
fn strong_label(label: &str) -> bool {
    !label.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the text shows margin numbers somewhere, in the one form only they have (a margin
/// number followed by a note, `(SUP)` or a label): then a number before plain text in an
/// instrument is a margin number too.
///
/// Lines are read as the parser reads them (normalised), and a margin number alone on a line
/// is read with the next line, as the parser joins them (`4` / `(SUP)`).
pub(crate) fn has_margins(text: &str) -> bool {
    let mut alone: Option<String> = None;
    lines(text).any(|(_, raw)| {
        let before = alone.take();
        let opening = raw.trim_start_matches(|c: char| {
            c.is_whitespace() || c.is_control() || c == '\u{feff}' || c == '\u{200b}'
        });
        if before.is_none() && !opening.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return false;
        }
        let line = normalize_line(raw);
        if line.is_empty() {
            // A blank line is skipped by the parser, and keeps a number alone waiting.
            alone = before;
            return false;
        }
        if let Some(number) = before
            && margin_line(&format!("{number} {line}")).is_some_and(|m| m.strong)
        {
            return true;
        }
        match margin_line(&line) {
            Some(m) => m.strong,
            None => {
                if line.as_bytes().first().is_some_and(u8::is_ascii_digit) && !line.contains(' ') {
                    alone = Some(line.into_owned());
                }
                false
            }
        }
    })
}

/// A dash or bullet list item: `- administrations;`. A line framed by dashes (`- end of
/// annex -`, `- 5 -`: the marker again after a space, or alone) is not one; an item may end
/// in its marker otherwise (`- see 3-`).
pub(crate) fn is_list_marker(line: &str) -> Option<(&str, &str)> {
    let c = line.chars().next()?;
    if !is_marker(c) {
        return None;
    }
    let text = line[c.len_utf8()..].strip_prefix(' ')?;
    if text.is_empty() || closes_frame(text, c) {
        return None;
    }
    Some((&line[..c.len_utf8()], text))
}

/// Whether `line` opens as a list item would, with a marker alone or before a space (`-`,
/// `- 5 -`), though it may be none ([`is_list_marker`]): as the text of a clause of its own, it
/// would read as an item once a line joined it.
pub(crate) fn opens_like_item(line: &str) -> bool {
    let mut chars = line.chars();
    chars.next().is_some_and(is_marker) && matches!(chars.next(), None | Some(' '))
}

fn is_marker(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '•' | '·' | '▪' | '◦')
}

/// Whether `text`, after a list marker `marker` and a space, closes a frame: it ends in the
/// marker alone or after a space (`5 -` of `- 5 -`).
pub(crate) fn closes_frame(text: &str, marker: char) -> bool {
    text.strip_suffix(marker)
        .is_some_and(|inside| inside.is_empty() || inside.ends_with(' '))
}

/// The word that opens `line` in some language's list, case-folded; its length as written.
fn opening(
    line: &str,
    pick: impl Fn(&'static Words) -> &'static [&'static str],
) -> Option<(Language, usize)> {
    let folded = Folded::new(line);
    let (language, len) = longest_word(&folded.text, pick)?;
    Some((language, folded.original_len(len)?))
}

/// Like [`opening`], for a line already folded.
fn opening_folded(
    folded: &Folded,
    pick: impl Fn(&'static Words) -> &'static [&'static str],
) -> Option<(Language, usize)> {
    let (language, len) = longest_word(&folded.text, pick)?;
    Some((language, folded.original_len(len)?))
}

/// The openings of every word a structure line starts with ([`article_line`],
/// [`division_line`], [`appendix_line`], [`preamble_heading`], [`closing_line`]), in every
/// language: a line that opens with none of them is no structure line.
pub(crate) fn openings() -> &'static Openings {
    static OPENINGS: OnceLock<Openings> = OnceLock::new();
    OPENINGS.get_or_init(|| {
        Openings::new(Language::ALL.into_iter().flat_map(|l| {
            let w = l.words();
            w.article
                .iter()
                .chain(w.preamble)
                .chain(w.closing)
                .copied()
                .chain(w.divisions.iter().map(|(word, _)| *word))
                .chain(w.appendices.iter().map(|(word, _)| *word))
        }))
    })
}

/// `3`, `6A`, `I`, `IV`, `A`: the number of an article, division or appendix.
fn is_num(token: &str) -> bool {
    !token.is_empty()
        && token.len() <= 8
        && token.bytes().all(|b| b.is_ascii_alphanumeric())
        && (token.as_bytes()[0].is_ascii_digit()
            || token.bytes().all(|b| b"IVXLC".contains(&b))
            || (token.len() == 1 && token.as_bytes()[0].is_ascii_uppercase()))
}

/// Splits `num – heading`, `num - heading`, `num: heading` or `num. heading`.
fn num_and_heading(rest: &str) -> Option<(&str, Option<&str>)> {
    let (num, after) = match rest.split_once(' ') {
        Some((num, after)) => (num, Some(after)),
        None => (rest, None),
    };
    let (num, colon) = match num.strip_suffix([':', '.']) {
        Some(num) => (num, true),
        None => (num, false),
    };
    if !is_num(num) {
        return None;
    }
    let heading = match after {
        None => None,
        Some(after) => {
            let heading = if colon {
                after
            } else {
                after
                    .strip_prefix("- ")
                    .or_else(|| after.strip_prefix("– "))
                    .or_else(|| after.strip_prefix("— "))?
            }
            .trim();
            (!heading.is_empty()).then_some(heading)
        }
    };
    Some((num, heading))
}

/// An article line, read.
pub(crate) struct ArticleLine<'a> {
    pub(crate) num: &'a str,
    pub(crate) heading: Option<&'a str>,
}

/// `ARTICLE 3`, `Article 6A`, `ARTÍCULO 7A`, `Статья 4`, optionally with its heading after a
/// dash; the number must start with a digit.
pub(crate) fn article_line<'a>(line: &'a str, folded: &Folded) -> Option<ArticleLine<'a>> {
    let (_, len) = opening_folded(folded, |w| w.article)?;
    let rest = line[len..].strip_prefix(' ')?;
    let (num, heading) = num_and_heading(rest)?;
    num.as_bytes()[0]
        .is_ascii_digit()
        .then_some(ArticleLine { num, heading })
}

/// `CHAPTER I`, `SECTION 1`, `PART II – Title`, `Section I – General terms`.
///
/// The division comes without its heading, which is given apart, borrowed from the line (the
/// parser reads it as a line of its own).
pub(crate) fn division_line<'a>(
    line: &'a str,
    folded: &Folded,
) -> Option<(Division, Option<&'a str>)> {
    let (kind, _, len) = longest(&folded.text, |w| w.divisions)?;
    let len = folded.original_len(len)?;
    let rest = line[len..].strip_prefix(' ')?;
    let (num, heading) = num_and_heading(rest)?;
    let division = Division {
        kind,
        num: Some(num.to_owned()),
        heading: None,
    };
    Some((division, heading))
}

/// `APPENDIX 1`, `ANNEX`, `ANNEX 2 TO RESOLUTION 101`, `Appendix 3 – Heading`.
///
/// The appendix comes without its heading, which is given apart, borrowed from the line (the
/// parser reads it as a line of its own).
pub(crate) fn appendix_line<'a>(
    line: &'a str,
    folded: &Folded,
) -> Option<(Appendix, Option<&'a str>)> {
    let (kind, language, len) = longest(&folded.text, |w| w.appendices)?;
    let len = folded.original_len(len)?;
    let mut rest = line[len..].trim_start();
    if len < line.len() && !line[len..].starts_with(' ') {
        return None;
    }
    let mut appendix = Appendix {
        kind,
        num: None,
        target: None,
        heading: None,
        mark: None,
        provisions: Vec::new(),
    };
    if rest.is_empty() {
        return Some((appendix, None));
    }
    // The number, unless the line goes straight on with `TO` or a heading.
    let (token, after) = rest.split_once(' ').unwrap_or((rest, ""));
    let token_core = token.trim_end_matches([':', '.']);
    if is_num(token_core) {
        appendix.num = Some(token_core.to_owned());
        if token_core.len() < token.len() {
            let heading = after.trim();
            return Some((appendix, (!heading.is_empty()).then_some(heading)));
        }
        rest = after;
    }
    if rest.is_empty() {
        return Some((appendix, None));
    }
    if let Some(heading) = rest
        .strip_prefix("- ")
        .or_else(|| rest.strip_prefix("– "))
        .or_else(|| rest.strip_prefix("— "))
    {
        let heading = heading.trim();
        return Some((appendix, (!heading.is_empty()).then_some(heading)));
    }
    // `TO RESOLUTION 101`: the target is short, capitalised and ends the line.
    let folded_rest = Folded::new(rest);
    let words = language.words();
    let to = words.to.iter().find(|to| {
        folded_rest.text.starts_with(*to)
            && crate::lang::boundary(&folded_rest.text[to.len()..], words.unspaced)
    })?;
    let target = rest[folded_rest.original_len(to.len())?..].trim();
    let short = !target.is_empty()
        && target.split(' ').count() <= 6
        && !target.contains([';', ','])
        && target.chars().next().is_some_and(char::is_uppercase);
    if !short {
        return None;
    }
    appendix.target = Some(target.to_owned());
    Some((appendix, None))
}

/// `Preamble`, `PREAMBLE`, `Préambule` alone on its line.
pub(crate) fn preamble_heading(line: &str, folded: &Folded) -> bool {
    let line = line.trim_end_matches(':');
    opening_folded(folded, |w| w.preamble).is_some_and(|(_, len)| len == line.len())
}

/// `IN WITNESS WHEREOF, …`, `DONE at Melbourne, …`.
pub(crate) fn closing_line(folded: &Folded) -> bool {
    opening_folded(folded, |w| w.closing).is_some()
}

/// An un-numbered sub-heading inside an article: short, capitalised, not a sentence.
pub(crate) fn is_subheading(line: &str) -> bool {
    line.len() <= 100
        && line.split(' ').count() <= 12
        && line.chars().next().is_some_and(char::is_uppercase)
        && !line.ends_with(['.', ';', ':', ',', '!', '?'])
}

/// A whole sentence: capitalised and ended.
pub(crate) fn is_sentence(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_uppercase) && line.ends_with(['.', ';', ':'])
}

/// The adoption line of a UN resolution: `52nd plenary meeting 1 December 2025`.
pub(crate) fn adoption_line(line: &str) -> Option<&str> {
    if line.len() > 120 {
        return None;
    }
    let folded = Folded::new(line);
    let found = Language::ALL.into_iter().any(|language| {
        let words = language.words();
        words.meeting.iter().any(|m| {
            folded.text.find(m).is_some_and(|at| {
                let spaced = !words.unspaced && words.code != "ar";
                !spaced || (at > 0 && line.as_bytes()[0].is_ascii_digit())
            })
        })
    });
    found.then_some(line)
}

/// `80/16. Title`, `S-10/2. Title`, `WHA77.2 Title`: a UN-system symbol and title.
pub(crate) fn un_title(line: &str) -> Option<(&str, &str)> {
    let (token, title) = line.split_once(' ')?;
    let title = title.trim();
    if title.is_empty() {
        return None;
    }
    if let Some(number) = token.strip_suffix('.')
        && let Some((session, n)) = number.split_once('/')
    {
        let session_ok = {
            let digits = session.trim_start_matches(|c: char| c.is_ascii_uppercase());
            let digits = digits.strip_prefix('-').unwrap_or(digits);
            (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
        };
        let n_ok = (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit());
        if session_ok && n_ok {
            return Some((number, title));
        }
    }
    // Agency symbols: `WHA77.2`, `EB154.R1`.
    let letters = token.bytes().take_while(u8::is_ascii_uppercase).count();
    let rest = &token[letters..];
    let (session, n) = rest.split_once('.')?;
    let n = n.strip_prefix('R').unwrap_or(n);
    let ok = (2..=4).contains(&letters)
        && (1..=3).contains(&session.len())
        && session.bytes().all(|b| b.is_ascii_digit())
        && (1..=3).contains(&n.len())
        && n.bytes().all(|b| b.is_ascii_digit());
    ok.then_some((token, title))
}

/// Whether `token` is a UN-system number that [`un_title`] reads back.
pub(crate) fn is_un_number(number: &str) -> bool {
    un_title(&format!("{number}. x")).is_some_and(|(n, _)| n == number)
        || un_title(&format!("{number} x")).is_some_and(|(n, _)| n == number)
}

/// A line of the UN header block, stored into `doc.metadata`; `false` when it is not one.
/// Where `Distr.` opens a word of `line` that says something: after a body (`General Assembly
/// Distr.: General`), or before a distribution or date. `Distr.` alone says nothing, and
/// `1Distr.` is no word of its own.
fn distr_at(line: &str) -> Option<usize> {
    let at = line.find("Distr.")?;
    let body = line[..at].trim();
    let after = line[at + "Distr.".len()..].trim_start_matches(':').trim();
    let word = at == 0 || line[..at].ends_with(char::is_whitespace);
    (word && !(body.is_empty() && after.is_empty())).then_some(at)
}

pub(crate) fn metadata_line(doc: &mut Document, line: &str) -> bool {
    let started = doc.metadata.is_some();
    let folded = Folded::new(line);
    if !started
        && let Some((_, len)) = longest_word(&folded.text, |w| w.organization)
        && folded.original_len(len) == Some(line.len())
    {
        doc.metadata
            .get_or_insert_with(Metadata::default)
            .organization = Some(line.to_owned());
        return true;
    }
    if let Some(at) = distr_at(line) {
        let meta = doc.metadata.get_or_insert_with(Metadata::default);
        let body = line[..at].trim();
        if !body.is_empty() {
            meta.body = Some(body.to_owned());
        }
        let after = line[at + "Distr.".len()..].trim_start_matches(':').trim();
        let (distribution, date) = split_date(after);
        meta.distribution = (!distribution.is_empty()).then(|| distribution.to_owned());
        meta.date = date.map(str::to_owned);
        return true;
    }
    if !started && doc.kind.is_none() {
        return false;
    }
    if let Some(inner) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']'))
        && started
    {
        doc.metadata.get_or_insert_with(Metadata::default).report = Some(inner.to_owned());
        return true;
    }
    if opening(line, |w| w.adopted).is_some() || (line.starts_with("Adopted on ")) {
        doc.metadata.get_or_insert_with(Metadata::default).adopted = Some(line.to_owned());
        return true;
    }
    if let Some(inner) = line.strip_prefix('(').and_then(|l| l.strip_suffix(')'))
        && let Some((item, title)) = agenda(inner)
        && title.is_none()
    {
        let meta = doc.metadata.get_or_insert_with(Metadata::default);
        meta.agenda_item = Some(item.to_owned());
        return true;
    }
    if !started {
        return false;
    }
    if let Some((item, title)) = agenda(line)
        && let Ok(title) = title.map(Name::new).transpose()
    {
        let meta = doc.metadata.get_or_insert_with(Metadata::default);
        meta.agenda_item = Some(item.to_owned());
        meta.agenda_title = title;
        return true;
    }
    // `Eightieth session Agenda item 94 Title`.
    for language in Language::ALL {
        let words = language.words();
        for session in words.session {
            let Some(at) = folded.text.find(session) else {
                continue;
            };
            let end = at + session.len();
            if !crate::lang::boundary(&folded.text[end..], words.unspaced) {
                continue;
            }
            let Some(end) = folded.original_len(end) else {
                continue;
            };
            let rest = line[end..].trim();
            // An agenda title that cannot be a `Name` leaves the line unplaced.
            let agenda = if rest.is_empty() {
                None
            } else {
                agenda(rest)
                    .and_then(|(item, title)| Some((item, title.map(Name::new).transpose().ok()?)))
            };
            if !rest.is_empty() && agenda.is_none() {
                continue;
            }
            let meta = doc.metadata.get_or_insert_with(Metadata::default);
            meta.session = Some(line[..end].to_owned());
            if let Some((item, title)) = agenda {
                meta.agenda_item = Some(item.to_owned());
                meta.agenda_title = title;
            }
            return true;
        }
    }
    false
}

/// `Agenda item 94 Title`: the item's number and title.
fn agenda(text: &str) -> Option<(&str, Option<&str>)> {
    let (_, len) = opening(text, |w| w.agenda_item)?;
    let rest = text[len..].trim_start();
    let (item, title) = rest.split_once(' ').unwrap_or((rest, ""));
    let item_ok = !item.is_empty()
        && item.len() <= 12
        && item.as_bytes()[0].is_ascii_digit()
        && item
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'(' | b')'));
    let title = title.trim();
    item_ok.then_some((item, (!title.is_empty()).then_some(title)))
}

/// `General 5 December 2025` → `("General", Some("5 December 2025"))`.
pub(crate) fn split_date(text: &str) -> (&str, Option<&str>) {
    let tokens: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0, |at, token| {
            let start = *at;
            *at += token.len() + 1;
            Some((start, token))
        })
        .collect();
    let n = tokens.len();
    let is_year = |t: &str| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
    // `5 de diciembre de 2025`.
    if n >= 5
        && is_year(tokens[n - 1].1)
        && tokens[n - 2].1 == "de"
        && tokens[n - 4].1 == "de"
        && tokens[n - 5].1.as_bytes()[0].is_ascii_digit()
    {
        let start = tokens[n - 5].0;
        return (text[..start].trim_end(), Some(&text[start..]));
    }
    if n >= 3 && is_year(tokens[n - 1].1) {
        let day = tokens[n - 3].1;
        let month = tokens[n - 2].1;
        let dated = (day.as_bytes()[0].is_ascii_digit() && month.chars().all(char::is_alphabetic))
            || (month.ends_with(',') && day.chars().all(char::is_alphabetic));
        if dated {
            let start = tokens[n - 3].0;
            return (text[..start].trim_end(), Some(&text[start..]));
        }
    }
    (text, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DivisionKind;

    #[test]
    fn margin_lines_table() {
        type Row<'a> = (
            &'a str,
            Option<(&'a str, &'a [&'a str], bool, Option<&'a str>, bool)>,
        );
        let rows: &[Row] = &[
            ("2 1.1 a) These", Some(("2", &[], false, Some("1.1"), true))),
            ("3 b) These", Some(("3", &[], false, Some("b)"), true))),
            (
                "14A PP-06 bbis) text",
                Some(("14A", &["PP-06"], false, Some("bbis)"), true)),
            ),
            ("47 PP-02 (SUP)", Some(("47", &["PP-02"], true, None, true))),
            (
                "62bis WRC-12 text",
                Some(("62bis", &["WRC-12"], false, None, true)),
            ),
            ("13 For the purpose", Some(("13", &[], false, None, false))),
            ("1", None),
            ("1.1 text", None),
            ("12345 text", None),
            ("2a) text", None),
            ("2 ITU-T text", Some(("2", &[], false, None, false))),
        ];
        for (line, expected) in rows {
            let got = margin_line(line).map(|m| {
                (
                    m.margin,
                    m.notes.clone(),
                    m.suppressed,
                    m.label.map(|l| l.0),
                    m.strong,
                )
            });
            let expected = expected.map(|(a, b, c, d, e)| (a, b.to_vec(), c, d, e));
            assert_eq!(got, expected, "{line:?}");
        }
    }

    fn article_line_of(line: &str) -> Option<ArticleLine<'_>> {
        article_line(line, &Folded::new(line))
    }
    fn division_line_of(line: &str) -> Option<Division> {
        division_line(line, &Folded::new(line)).map(|(division, heading)| Division {
            heading: heading.map(str::to_owned),
            ..division
        })
    }
    fn appendix_line_of(line: &str) -> Option<Appendix> {
        appendix_line(line, &Folded::new(line)).map(|(appendix, heading)| Appendix {
            heading: heading.map(str::to_owned),
            ..appendix
        })
    }
    fn preamble_heading_of(line: &str) -> bool {
        preamble_heading(line, &Folded::new(line))
    }

    #[test]
    fn structure_lines_table() {
        assert_eq!(article_line_of("ARTÍCULO 7A").map(|a| a.num), Some("7A"));
        assert_eq!(article_line_of("Статья 4").map(|a| a.num), Some("4"));
        assert_eq!(
            article_line_of("Article 3 – International network").and_then(|a| a.heading),
            Some("International network")
        );
        assert!(article_line_of("ARTICLE 3 of the Constitution").is_none());
        assert!(article_line_of("Article three").is_none());
        let d = division_line_of("CHAPTER II – Final Provisions").unwrap();
        assert_eq!(
            (d.kind, d.num.as_deref()),
            (DivisionKind::Chapter, Some("II"))
        );
        assert_eq!(d.heading.as_deref(), Some("Final Provisions"));
        assert!(division_line_of("Section of the report").is_none());
        assert!(division_line_of("Part 2 of the study").is_none());
        let a = appendix_line_of("ANNEX 2 TO RESOLUTION 101").unwrap();
        assert_eq!(a.num.as_deref(), Some("2"));
        assert_eq!(a.target.as_deref(), Some("RESOLUTION 101"));
        assert!(appendix_line_of("APPENDIX 1").is_some());
        assert!(appendix_line_of("Annex C to document A/79/214, as endorsed, and").is_none());
        assert!(preamble_heading_of("Preamble"));
        assert!(preamble_heading_of("PRÉAMBULE"));
        assert!(!preamble_heading_of("Preamble of the text"));
        assert_eq!(
            is_list_marker("- administrations;"),
            Some(("-", "administrations;"))
        );
        assert_eq!(is_list_marker("- end of annex -"), None);
        assert_eq!(is_list_marker("- 5 -"), None);
        assert_eq!(is_list_marker("- -"), None);
        assert_eq!(is_list_marker("- see 3-"), Some(("-", "see 3-")));
        assert_eq!(is_list_marker("-1 degree"), None);
        assert_eq!(
            un_title("80/16. Open-ended group"),
            Some(("80/16", "Open-ended group"))
        );
        assert_eq!(un_title("WHA77.2 Health"), Some(("WHA77.2", "Health")));
        assert_eq!(un_title("1.1 text"), None);
        assert!(is_un_number("80/16") && is_un_number("WHA77.2") && !is_un_number("77"));
        assert!(adoption_line("52nd plenary meeting 1 December 2025").is_some());
        assert!(adoption_line("the plenary meeting decided").is_none());
        assert_eq!(
            split_date("General 5 December 2025"),
            ("General", Some("5 December 2025"))
        );
        assert_eq!(split_date("Limited"), ("Limited", None));
        assert_eq!(
            split_date("general 5 de diciembre de 2025"),
            ("general", Some("5 de diciembre de 2025"))
        );
    }
}
