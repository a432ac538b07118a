//! Cross-references: ITU and UN General Assembly resolutions, Recommendations, study groups and
//! conferences cited in a text, with their byte spans.

use std::sync::LazyLock;

use chrono::NaiveDate;
use memchr::memmem::Finder;
use serde::{Deserialize, Serialize};

use crate::document::{Clause, Document, DocumentPart, clause_key};
use crate::heading::session;

/// What a [`CrossReference`] cites.
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CrossReferenceKind {
    /// An ITU resolution: `Resolution 30 (Rev. Guadalajara, 2010)`.
    ItuResolution,
    /// A UN General Assembly resolution: `Resolution 65/172 of 20 December 2010`.
    UnResolution,
    /// An ITU Recommendation: `Recommendation ITU-T A.5`.
    Recommendation,
    /// A study group: `ITU-T Study Group 3`.
    StudyGroup,
    /// A conference: `WCIT-12`, or a session such as `(Dubai, 2012)`.
    Conference,
}

/// A cross-reference found in a text, with what it names and where it stands.
///
/// A citation in prose ("Resolution 65/172"), not a dataset id: a typed reference from one
/// record of a dataset to another is a [`plenary_core::Reference`]. In JSON the elements of a
/// document's `references` array.
///
/// ```
/// use plenary_treaty::{CrossReferenceKind, find_references};
///
/// let text = "a) Resolution 65/172 of 20 December 2010 of the United Nations General Assembly;";
/// let r = &find_references(text)[0];
/// assert_eq!(r.kind, CrossReferenceKind::UnResolution);
/// assert_eq!(r.number.as_deref(), Some("65/172"));
/// assert_eq!(r.date.map(|d| d.to_string()).as_deref(), Some("2010-12-20"));
/// assert_eq!(&text[r.start..r.end], "Resolution 65/172 of 20 December 2010");
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrossReference {
    /// What is cited.
    pub kind: CrossReferenceKind,
    /// The citation as written.
    pub text: String,
    /// Where the citation stands in a document: part, section or article index and clause
    /// path, such as `"preamble/0/b"`; absent for references found in a bare string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The byte offset where the citation starts, in the string searched (for a document: in
    /// the clause's text).
    pub start: usize,
    /// The byte offset just past the citation.
    pub end: usize,
    /// The number: `"30"`, `"65/172"`, `"A.5"`, `"3"`, `"12"` for `WCIT-12`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The ITU sector of a Recommendation or study group: `"ITU-T"`; the acronym of a
    /// conference: `"WCIT"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The place of the conference that adopted or revised an ITU resolution, or of a session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Its year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// Whether an ITU resolution is cited as revised (`Rev.`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revised: bool,
    /// The date of adoption of a UN General Assembly resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

impl CrossReference {
    fn new(kind: CrossReferenceKind, text: &str, start: usize, end: usize) -> Self {
        CrossReference {
            kind,
            text: text[start..end].to_owned(),
            at: None,
            start,
            end,
            number: None,
            body: None,
            place: None,
            year: None,
            revised: false,
            date: None,
        }
    }
}

/// The ITU conferences whose acronyms are recognised as `ACRONYM-YY`.
const CONFERENCES: &[&str] = &[
    "WCIT", "WTSA", "WTDC", "WRC", "PP", "WTPF", "RA", "WCIT", "WSIS", "CPM",
];

/// `solu`, which opens both `solution ` and `solución `: one scan finds both.
static SOLU: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("solu"));
static RECOMMENDATION: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("Recommendation "));
static STUDY_GROUP: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(" Study Group "));

const SECTORS: &[&str] = &["ITU-T", "ITU-R", "ITU-D"];

/// Finds the cross-references in `text`, in order, none overlapping.
pub fn find_references(text: &str) -> Vec<CrossReference> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    // SIMD substring searches, built once: the common case, a clause citing nothing, costs a
    // few fast scans of its text.
    for at in SOLU.find_iter(bytes) {
        let Some(needle) = ["solution ", "solución "]
            .into_iter()
            .find(|needle| bytes[at..].starts_with(needle.as_bytes()))
        else {
            continue;
        };
        // The word before "solution ": "Re", "re" or "Ré", "ré" (é is two bytes).
        let start = if at >= 2 && matches!(&bytes[at - 2..at], b"Re" | b"re") {
            at - 2
        } else if at >= 3 && matches!(&bytes[at - 3..at], b"R\xc3\xa9" | b"r\xc3\xa9") {
            at - 3
        } else {
            continue;
        };
        if start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            continue;
        }
        let num_start = at + needle.len();
        if let Some(r) = resolution(text, start, num_start) {
            found.push(r);
        }
    }
    for at in RECOMMENDATION.find_iter(bytes) {
        if let Some(r) = recommendation(text, at) {
            found.push(r);
        }
    }
    for at in STUDY_GROUP.find_iter(bytes) {
        if let Some(r) = study_group(text, at) {
            found.push(r);
        }
    }
    for at in memchr::memchr2_iter(b'-', b'(', bytes) {
        let r = if bytes[at] == b'-' {
            conference(text, at)
        } else {
            conference_session(text, at)
        };
        if let Some(r) = r {
            found.push(r);
        }
    }
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<CrossReference> = Vec::with_capacity(found.len());
    for r in found {
        if kept.last().is_none_or(|k| r.start >= k.end) {
            kept.push(r);
        }
    }
    kept
}

/// The references of every clause and provision of a document, each with its place.
pub(crate) fn document_references(doc: &Document) -> Vec<CrossReference> {
    // The clause path is only built for a clause that cites something.
    fn walk<'a>(
        out: &mut Vec<CrossReference>,
        part: &DocumentPart,
        index: usize,
        stack: &mut Vec<(&'a Clause, usize)>,
        clauses: &'a [Clause],
    ) {
        for (i, clause) in clauses.iter().enumerate() {
            stack.push((clause, i));
            if !clause.text.is_empty() {
                let found = find_references(&clause.text);
                if !found.is_empty() {
                    let path: Vec<String> = stack.iter().map(|(c, i)| clause_key(c, *i)).collect();
                    let at = format!("{}/{index}/{}", part.as_str(), path.join("."));
                    out.extend(found.into_iter().map(|mut r| {
                        r.at = Some(at.clone());
                        r
                    }));
                }
            }
            walk(out, part, index, stack, &clause.clauses);
            stack.pop();
        }
    }
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for (i, section) in doc.preamble.iter().enumerate() {
        walk(
            &mut out,
            &DocumentPart::Preamble,
            i,
            &mut stack,
            &section.clauses,
        );
    }
    for (i, section) in doc.operative.iter().enumerate() {
        walk(
            &mut out,
            &DocumentPart::Operative,
            i,
            &mut stack,
            &section.clauses,
        );
    }
    for (i, article) in doc.articles.iter().enumerate() {
        walk(
            &mut out,
            &DocumentPart::Articles,
            i,
            &mut stack,
            &article.provisions,
        );
    }
    out
}

fn word_at(text: &str, from: usize) -> &str {
    let rest = &text[from..];
    let end = rest.find([' ', ',', ';', ')', '(']).unwrap_or(rest.len());
    rest[..end].trim_end_matches('.')
}

fn resolution(text: &str, start: usize, num_start: usize) -> Option<CrossReference> {
    let number = word_at(text, num_start);
    let bytes = number.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_digit() {
        return None;
    }
    let mut end = num_start + number.len();
    if let Some((session_no, year)) = number.split_once('/') {
        if session_no.is_empty()
            || year.is_empty()
            || !number.bytes().all(|b| b.is_ascii_digit() || b == b'/')
        {
            return None;
        }
        let mut r = CrossReference::new(CrossReferenceKind::UnResolution, text, start, end);
        r.number = Some(number.to_owned());
        if let Some((date, date_end)) = text[end..].strip_prefix(" of ").and_then(date_prefix) {
            end += " of ".len() + date_end;
            r = CrossReference {
                date: Some(date),
                ..CrossReference::new(CrossReferenceKind::UnResolution, text, start, end)
            };
            r.number = Some(number.to_owned());
        }
        return Some(r);
    }
    if !bytes.iter().all(|b| b.is_ascii_alphanumeric()) || bytes.len() > 6 {
        return None;
    }
    let mut place = None;
    let mut year = None;
    let mut revised = false;
    if let Some(inner) = text[end..].strip_prefix(" (")
        && let Some(close) = inner.find(')')
        && let Some((rev, s)) = session(&inner[..close])
    {
        revised = rev;
        place = Some(s.place);
        year = Some(s.year);
        end += 2 + close + 1;
    }
    let mut r = CrossReference::new(CrossReferenceKind::ItuResolution, text, start, end);
    r.number = Some(number.to_owned());
    r.place = place;
    r.year = year;
    r.revised = revised;
    Some(r)
}

/// `20 December 2010` (or `20 décembre 2010`, `20 diciembre 2010`, `20 декабря 2010`) at the
/// start of `text`: the date and its length in bytes.
fn date_prefix(text: &str) -> Option<(NaiveDate, usize)> {
    let mut parts = text.splitn(4, ' ');
    let day: u32 = parts.next()?.parse().ok()?;
    let month_word = parts.next()?;
    let month = crate::lang::month(month_word)?;
    let year_word = parts.next()?;
    let year_digits = year_word.trim_end_matches([',', ';', '.', ')']);
    if year_digits.len() != 4 {
        return None;
    }
    let year: i32 = year_digits.parse().ok()?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let len = text.find(month_word)? + month_word.len() + 1 + year_digits.len();
    Some((date, len))
}

fn recommendation(text: &str, start: usize) -> Option<CrossReference> {
    let sector_start = start + "Recommendation ".len();
    let sector = SECTORS
        .iter()
        .find(|s| text[sector_start..].starts_with(**s))?;
    let id_start = sector_start + sector.len() + 1;
    if text.as_bytes().get(id_start - 1) != Some(&b' ') {
        return None;
    }
    let id = word_at(text, id_start);
    let (series, number) = id.split_once('.')?;
    let valid = !series.is_empty()
        && series.bytes().all(|b| b.is_ascii_uppercase())
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    if !valid {
        return None;
    }
    let mut r = CrossReference::new(
        CrossReferenceKind::Recommendation,
        text,
        start,
        id_start + id.len(),
    );
    r.body = Some((*sector).to_owned());
    r.number = Some(id.to_owned());
    Some(r)
}

fn study_group(text: &str, at: usize) -> Option<CrossReference> {
    let sector = SECTORS.iter().find(|s| text[..at].ends_with(**s))?;
    let start = at - sector.len();
    let num_start = at + " Study Group ".len();
    let digits = text[num_start..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let mut r = CrossReference::new(
        CrossReferenceKind::StudyGroup,
        text,
        start,
        num_start + digits,
    );
    r.body = Some((*sector).to_owned());
    r.number = Some(text[num_start..num_start + digits].to_owned());
    Some(r)
}

fn conference(text: &str, dash: usize) -> Option<CrossReference> {
    let acronym_len = text[..dash]
        .bytes()
        .rev()
        .take_while(u8::is_ascii_uppercase)
        .count();
    let start = dash - acronym_len;
    let acronym = &text[start..dash];
    if !CONFERENCES.contains(&acronym) {
        return None;
    }
    if start > 0 && text.as_bytes()[start - 1].is_ascii_alphanumeric() {
        return None;
    }
    let year = text.get(dash + 1..dash + 3)?;
    if !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if text
        .as_bytes()
        .get(dash + 3)
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    let mut r = CrossReference::new(CrossReferenceKind::Conference, text, start, dash + 3);
    r.body = Some(acronym.to_owned());
    r.number = Some(year.to_owned());
    r.year = year.parse::<u16>().ok().map(|y| 2000 + y);
    Some(r)
}

fn conference_session(text: &str, open: usize) -> Option<CrossReference> {
    let close = open + text[open..].find(')')?;
    let inner = &text[open + 1..close];
    if inner.len() > 60 {
        return None;
    }
    let (revised, s) = session(inner)?;
    if revised || !s.place.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let mut r = CrossReference::new(CrossReferenceKind::Conference, text, open, close + 1);
    r.place = Some(s.place);
    r.year = Some(s.year);
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_table() {
        use CrossReferenceKind::*;
        for (text, expected) in [
            (
                "Resolution 65/172 of 20 December 2010 of the United Nations General Assembly",
                vec![(UnResolution, "Resolution 65/172 of 20 December 2010")],
            ),
            (
                "resolution 60/252;",
                vec![(UnResolution, "resolution 60/252")],
            ),
            (
                "b) Resolution 30 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference",
                vec![(ItuResolution, "Resolution 30 (Rev. Guadalajara, 2010)")],
            ),
            ("Resolution 1, B-1", vec![(ItuResolution, "Resolution 1")]),
            (
                "approval of Recommendation ITU-T A.5 and ITU-T Study Group 3.",
                vec![
                    (Recommendation, "Recommendation ITU-T A.5"),
                    (StudyGroup, "ITU-T Study Group 3"),
                ],
            ),
            (
                "at WCIT-12 in Dubai and the conference (Dubai, 2012)",
                vec![(Conference, "WCIT-12"), (Conference, "(Dubai, 2012)")],
            ),
            ("the Geneva (2003) and Tunis (2005) phases", vec![]),
            ("XWCIT-12 and WCIT-123 and ABC-12", vec![]),
            ("Recommendation ITU-T foo", vec![]),
            ("", vec![]),
        ] {
            let got: Vec<(CrossReferenceKind, String)> = find_references(text)
                .into_iter()
                .map(|r| (r.kind, r.text))
                .collect();
            let expected: Vec<(CrossReferenceKind, String)> = expected
                .into_iter()
                .map(|(k, t)| (k, t.to_owned()))
                .collect();
            assert_eq!(got, expected, "{text:?}");
        }
    }

    #[test]
    fn structured_values() {
        let text = "Resolution 30 (Rev. Guadalajara, 2010) and WCIT-12 and ITU-R Study Group 5";
        let refs = find_references(text);
        assert_eq!(refs[0].number.as_deref(), Some("30"));
        assert_eq!(
            (refs[0].place.as_deref(), refs[0].year, refs[0].revised),
            (Some("Guadalajara"), Some(2010), true)
        );
        assert_eq!(
            (refs[1].body.as_deref(), refs[1].year),
            (Some("WCIT"), Some(2012))
        );
        assert_eq!(
            (refs[2].body.as_deref(), refs[2].number.as_deref()),
            (Some("ITU-R"), Some("5"))
        );
        for r in &refs {
            assert_eq!(&text[r.start..r.end], r.text);
        }
    }
}
