//! One line of signatures NDJSON read into the fields a store keeps, with the same checks and
//! the same reasons as [`Tally::add_line`](crate::Tally::add_line): a store that writes what a
//! tally accepts parses each line once.

use plenary_core::Country;

use crate::SignatureState;
use crate::country_index;
use crate::email::Canonicalizer;
use crate::ndjson::{Rejection, parse_line};

/// Reads lines of signatures NDJSON one at a time, reusing its buffers between lines.
///
/// ```
/// use plenary_petitions::{LineParser, SignatureState};
///
/// let mut parser = LineParser::new();
/// let line = br#"{"name": "Ana", "email": "Ana@Example.org", "country": "gb", "signed_at": "2012-12-13T19:00:00Z"}"#;
/// let fields = parser.parse(line)?.expect("not blank");
/// assert_eq!(fields.email, "ana@example.org");
/// assert_eq!(fields.country.map(|c| c.code()), Some("GB"));
/// assert_eq!(fields.signed_at, 1_355_425_200_000_000_000);
/// assert_eq!(fields.state, SignatureState::Confirmed);
/// assert_eq!(parser.parse(b"  \r")?, None);
/// assert!(parser.parse(br#"{"name": "Ana"}"#).is_err());
/// # Ok::<(), plenary_petitions::Rejection>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct LineParser {
    scratch: Canonicalizer,
}

/// The fields of an accepted line, as a tally counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedLine<'a> {
    /// The canonical email (the form signers are told apart by).
    pub email: &'a str,
    /// `signed_at` in nanoseconds since 1970-01-01T00:00:00Z.
    pub signed_at: i64,
    /// The country, `None` when the line gives none.
    pub country: Option<Country>,
    /// The state the line gives; confirmed when it gives none.
    pub state: SignatureState,
}

impl LineParser {
    /// A parser with empty buffers.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads one line, given without its `\n` (a trailing `\r` is ignored): `None` for a blank
    /// line, the fields of a valid signature, or why the line is refused.
    ///
    /// # Errors
    ///
    /// The [`Rejection`] a [`Tally`](crate::Tally) would record for the line.
    pub fn parse(&mut self, text: &[u8]) -> Result<Option<ParsedLine<'_>>, Rejection> {
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        if text.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        let accepted = parse_line(text, &mut self.scratch)?;
        Ok(Some(ParsedLine {
            email: &self.scratch.joined,
            signed_at: accepted.signed_at,
            country: country_index::country(accepted.country),
            state: accepted.state,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{LineOutcome, Tally};

    /// The parser accepts and refuses exactly the lines a tally does, with the same reasons.
    #[test]
    fn agrees_with_the_tally() {
        for line in [
            r#"{"name": "Ana", "email": "Ana@Example.org", "country": "GB", "signed_at": "2012-12-13T19:00:00Z"}"#,
            r#"{"name":"Ana","email":"a.n.a+x@gmail.com","signed_at":"2012-12-13T23:00:00+04:00","state":"pending"}"#,
            r#"{"name":"Ana","email":"ana@example.org","signed_at":"2012-12-13T19:00:00Z","state":"withdrawn"}"#,
            r#"{"name": "", "email": "a@b.org", "signed_at": "2012-12-13T19:00:00Z"}"#,
            r#"{"name": "Ana", "email": "nobody", "signed_at": "2012-12-13T19:00:00Z"}"#,
            r#"{"name": "Ana", "email": "a@b.org", "country": "XX", "signed_at": "2012-12-13T19:00:00Z"}"#,
            r#"{"name": "Ana", "email": "a@b.org", "signed_at": "yesterday"}"#,
            r#"{"name": "Ana", "email": "a@b.org", "signed_at": "2012-12-13T19:00:00Z", "state": "lost"}"#,
            r#"{"name": "Ana", "email": 7, "signed_at": "2012-12-13T19:00:00Z"}"#,
            "[1, 2]",
            "not json",
            "   ",
            "\r",
        ] {
            let mut parser = LineParser::new();
            let mut tally = Tally::new();
            let outcome = tally.add_line(1, line.as_bytes());
            match parser.parse(line.as_bytes()) {
                Ok(None) => assert_eq!(outcome, LineOutcome::Blank, "{line}"),
                Ok(Some(fields)) => {
                    assert!(
                        matches!(outcome, LineOutcome::New | LineOutcome::Uncounted(_)),
                        "{line}: {outcome:?}"
                    );
                    if let LineOutcome::Uncounted(state) = outcome {
                        assert_eq!(fields.state, state, "{line}");
                    }
                }
                Err(reason) => {
                    assert_eq!(outcome, LineOutcome::Rejected, "{line}");
                    let error = tally.errors().last().expect("the tally lists the line");
                    assert_eq!(error.reason.to_string(), reason.to_string(), "{line}");
                }
            }
        }
    }
}
