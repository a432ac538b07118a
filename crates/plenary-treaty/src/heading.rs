//! The header of a text: the heading line, the revision note and the issuer line.

use crate::document::{DocumentKind, RevisionStatus, Session};

/// A heading line, read: `RESOLUTION 77 (Rev. Lisbon, 2031)`, `DRAFT NEW RESOLUTION [COM5/3]`,
/// `[Revised] Draft new resolution: Title`, `Recommendation ITU-T A.5: Title`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    pub(crate) kind: DocumentKind,
    pub(crate) revised_draft: bool,
    pub(crate) number: Option<String>,
    pub(crate) symbol: Option<String>,
    pub(crate) session: Option<Session>,
    pub(crate) revised: bool,
    pub(crate) title: Option<String>,
}

/// Reads a heading line (whitespace collapsed), or `None` when the line is not one.
pub(crate) fn heading(line: &str) -> Option<Heading> {
    let (revised_draft, line) = match strip_ci(line, "[revised]") {
        Some(rest) => (true, rest.trim_start()),
        None => (false, line),
    };
    let folded = crate::lang::Folded::new(line);
    let (kind, _, len) = crate::lang::longest(&folded.text, |w| w.kinds)?;
    let rest = &line[folded.original_len(len)?..];
    if !matches!(rest.as_bytes().first(), None | Some(b' ' | b':')) {
        return None;
    }
    let mut rest = rest.trim_start();
    let mut heading = Heading {
        kind,
        revised_draft,
        number: None,
        symbol: None,
        session: None,
        revised: false,
        title: None,
    };
    // The number: one token for resolutions, `ITU-T A.5` for Recommendations.
    if !rest.is_empty() && !rest.starts_with(['[', '(', ':', '-', '–']) {
        let mut take = rest.split(' ').next().unwrap_or("");
        if kind == DocumentKind::Recommendation && is_sector(take) {
            let second = rest[take.len()..]
                .trim_start()
                .split(' ')
                .next()
                .unwrap_or("");
            take = &rest[..take.len() + 1 + second.len()];
        }
        let token = take.trim_end_matches(':');
        if !is_number_token(token) {
            return None;
        }
        heading.number = Some(token.to_owned());
        rest = rest[token.len()..].trim_start();
    }
    if let Some(inner) = rest.strip_prefix('[') {
        let close = inner.find(']')?;
        let symbol = &inner[..close];
        if symbol.is_empty() || symbol.contains(' ') {
            return None;
        }
        heading.symbol = Some(symbol.to_owned());
        rest = inner[close + 1..].trim_start();
    }
    if let Some(inner) = rest.strip_prefix('(') {
        let close = inner.find(')')?;
        let (revised, session) = session(&inner[..close])?;
        heading.revised = revised;
        heading.session = Some(session);
        rest = inner[close + 1..].trim_start();
    }
    if rest.is_empty() {
        return Some(heading);
    }
    let title = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix("- "))
        .or_else(|| rest.strip_prefix("– "))?
        .trim();
    if title.is_empty() {
        return None;
    }
    heading.title = Some(title.to_owned());
    Some(heading)
}

/// `Rev. Lisbon, 2031` or `Kyoto, 1994`: whether it is a revision, and the session.
pub(crate) fn session(inner: &str) -> Option<(bool, Session)> {
    let (revised, inner) = match inner
        .strip_prefix("Rev.")
        .or_else(|| inner.strip_prefix("Rév."))
    {
        Some(rest) => (true, rest.trim_start()),
        None => (false, inner),
    };
    let (place, year) = inner.rsplit_once(',')?;
    let year = year.trim();
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let place = place.trim();
    if place.is_empty() || place.contains(['(', ')', ',']) {
        return None;
    }
    Some((
        revised,
        Session {
            place: place.to_owned(),
            year: year.parse().ok()?,
        },
    ))
}

fn is_sector(token: &str) -> bool {
    matches!(
        token,
        "ITU-T" | "ITU-R" | "ITU-D" | "UIT-T" | "UIT-R" | "UIT-D"
    )
}

fn is_number_token(token: &str) -> bool {
    !token.is_empty()
        && token.len() <= 24
        && token.bytes().any(|b| b.is_ascii_digit())
        && !token.starts_with('(')
        && token.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'/' | b' ' | b'(' | b')')
        })
        && token.bytes().filter(|b| *b == b'(').count()
            == token.bytes().filter(|b| *b == b')').count()
}

/// `line` without `prefix` at its start, ASCII case ignored.
fn strip_ci<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    let head = line.as_bytes().get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix.as_bytes()) && line.is_char_boundary(prefix.len()) {
        Some(&line[prefix.len()..])
    } else {
        None
    }
}

/// The heading line of `doc` as every export writes it, when it has a kind.
pub(crate) fn heading_of(doc: &crate::Document) -> Option<String> {
    let kind = doc.kind?;
    Some(render_heading(
        kind,
        doc.revised.as_ref().map(|r| r.status),
        doc.number.as_deref(),
        doc.symbol.as_deref(),
        doc.session.as_ref(),
    ))
}

/// The heading as canonical text renders it.
pub(crate) fn render_heading(
    kind: DocumentKind,
    status: Option<RevisionStatus>,
    number: Option<&str>,
    symbol: Option<&str>,
    session: Option<&Session>,
) -> String {
    let mut line = String::new();
    if status == Some(RevisionStatus::RevisedDraft) {
        line.push_str("[Revised] ");
    }
    line.push_str(kind.heading());
    if let Some(number) = number {
        line.push(' ');
        line.push_str(number);
    }
    if let Some(symbol) = symbol {
        line.push_str(" [");
        line.push_str(symbol);
        line.push(']');
    }
    if let Some(session) = session {
        let rev = if status == Some(RevisionStatus::Revised) {
            "Rev. "
        } else {
            ""
        };
        line.push_str(&format!(" ({rev}{}, {})", session.place, session.year));
    }
    line
}

/// The line that says what a revised draft revises: `This is a revised version of X.`
pub(crate) fn revises_line(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("This is a revised version of ")?;
    let rest = rest.strip_suffix('.').unwrap_or(rest).trim();
    (!rest.is_empty()).then_some(rest)
}

/// The issuer line: `The World Conference on International Telecommunications (Dubai, 2012),`
/// (or `La Conférence …`, `El …`), or a UN organ: `The General Assembly,`, `THE ASSEMBLY,`,
/// `L'Assemblée générale,`, `إن الجمعية العامة،`, `大会，`. Returned without its trailing comma,
/// with whether it is a UN-style issuer (no conference session).
pub(crate) fn issuer_line(line: &str) -> Option<(&str, bool)> {
    let folded = crate::lang::Folded::new(line);
    let opens = crate::lang::Language::ALL.into_iter().any(|l| {
        l.words()
            .issuer
            .iter()
            .any(|opener| folded.text.starts_with(opener))
    });
    if !opens {
        return None;
    }
    let (body, comma) = match line.strip_suffix([',', '،', '，']) {
        Some(body) => (body, true),
        None => (line, false),
    };
    if let Some(open) = body.rfind('(')
        && let Some(inner) = body[open + 1..].strip_suffix(')')
        && session(inner).is_some()
    {
        return Some((body, false));
    }
    let short = body.split(' ').count() <= 8
        && body.len() <= 120
        && !body.contains([',', ';', '.', ':', '(', '،', '，']);
    (comma && short).then_some((body, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_table() {
        use DocumentKind::*;
        type Row<'a> = (
            &'a str,
            Option<(
                DocumentKind,
                bool,
                Option<&'a str>,
                Option<&'a str>,
                Option<(&'a str, u16, bool)>,
                Option<&'a str>,
            )>,
        );
        let rows: &[Row] = &[
            (
                "RESOLUTION 77 (Rev. Lisbon, 2031)",
                Some((
                    Resolution,
                    false,
                    Some("77"),
                    None,
                    Some(("Lisbon", 2031, true)),
                    None,
                )),
            ),
            (
                "RESOLUTION 30 (Guadalajara, 2010)",
                Some((
                    Resolution,
                    false,
                    Some("30"),
                    None,
                    Some(("Guadalajara", 2010, false)),
                    None,
                )),
            ),
            (
                "DRAFT NEW RESOLUTION [COM5/3]",
                Some((DraftNewResolution, false, None, Some("COM5/3"), None, None)),
            ),
            (
                "[Revised] Draft new resolution: International Telecommunication Service Traffic Termination and Exchange",
                Some((
                    DraftNewResolution,
                    true,
                    None,
                    None,
                    None,
                    Some(
                        "International Telecommunication Service Traffic Termination and Exchange",
                    ),
                )),
            ),
            (
                "Draft New Resolution [B-1]: Strengthening Collaboration",
                Some((
                    DraftNewResolution,
                    false,
                    None,
                    Some("B-1"),
                    None,
                    Some("Strengthening Collaboration"),
                )),
            ),
            (
                "Resolution 1 - Rules of procedure of the ITU Telecommunication Standardization Sector (ITU-T)",
                Some((
                    Resolution,
                    false,
                    Some("1"),
                    None,
                    None,
                    Some(
                        "Rules of procedure of the ITU Telecommunication Standardization Sector (ITU-T)",
                    ),
                )),
            ),
            (
                "Recommendation ITU-T A.5: Generic procedures",
                Some((
                    Recommendation,
                    false,
                    Some("ITU-T A.5"),
                    None,
                    None,
                    Some("Generic procedures"),
                )),
            ),
            (
                "RÉSOLUTION 77 (Rév. Lisbonne, 2031)",
                Some((
                    Resolution,
                    false,
                    Some("77"),
                    None,
                    Some(("Lisbonne", 2031, true)),
                    None,
                )),
            ),
            (
                "RÉSOLUTION 12",
                Some((Resolution, false, Some("12"), None, None, None)),
            ),
            (
                "PROYECTO DE NUEVA RESOLUCIÓN [COM5/3]",
                Some((DraftNewResolution, false, None, Some("COM5/3"), None, None)),
            ),
            ("Resolution 65/172 of 20 December 2010", None),
            (
                "Resolution A.1099(29)",
                Some((Resolution, false, Some("A.1099(29)"), None, None, None)),
            ),
            (
                "RESOLUCIÓN 12",
                Some((Resolution, false, Some("12"), None, None, None)),
            ),
            ("Resolutions adopted by the conference", None),
            ("resolves", None),
        ];
        for (line, expected) in rows {
            let got = heading(line).map(|h| {
                (
                    h.kind,
                    h.revised_draft,
                    h.number,
                    h.symbol,
                    h.session.map(|s| (s.place, s.year, h.revised)),
                    h.title,
                )
            });
            let expected = expected.map(|(k, r, n, s, sess, t)| {
                (
                    k,
                    r,
                    n.map(str::to_owned),
                    s.map(str::to_owned),
                    sess.map(|(p, y, rev)| (p.to_owned(), y, rev)),
                    t.map(str::to_owned),
                )
            });
            assert_eq!(got, expected, "{line:?}");
        }
    }

    #[test]
    fn issuer_lines() {
        for (line, expected) in [
            (
                "The World Conference on International Telecommunications (Dubai, 2012),",
                Some("The World Conference on International Telecommunications (Dubai, 2012)"),
            ),
            (
                "La Conférence de plénipotentiaires (Guadalajara, 2010),",
                Some("La Conférence de plénipotentiaires (Guadalajara, 2010)"),
            ),
            ("The conference (soon),", None),
            ("The General Assembly,", Some("The General Assembly")),
            ("THE ASSEMBLY,", Some("THE ASSEMBLY")),
            ("L'Assemblée générale,", Some("L'Assemblée générale")),
            ("The General Assembly", None),
            ("The Members shall, in their relations,", None),
        ] {
            assert_eq!(issuer_line(line).map(|i| i.0), expected, "{line:?}");
        }
    }
}
