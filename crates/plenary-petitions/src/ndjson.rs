//! One line of signatures NDJSON, read without allocating.
//!
//! The format of DESIGN.md:
//! `{"name": "…", "email": "…", "country": "GB", "signed_at": "2012-12-13T19:00:00Z", "organization": "…"}`,
//! with `country` and `organization` optional (null or absent). Fields the format does not name
//! are ignored, so that exports with extra columns can be counted as they are.

use std::borrow::Cow;
use std::fmt;

use chrono::DateTime;
use serde::{Deserialize, Serialize, Serializer};

use crate::country_index;
use crate::email::Canonicalizer;
use crate::fast_line;

/// Why a line of signatures NDJSON was not counted.
///
/// Each variant quotes the value at fault; its `Display` is the `reason` of the tally's JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rejection {
    /// The line is not a JSON object with string fields.
    NotJson {
        /// What the JSON parser said.
        message: String,
    },
    /// The name is missing, null or blank.
    EmptyName,
    /// The email is missing or not `local@domain.tld`.
    BadEmail {
        /// The email as given (empty when missing).
        email: String,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// The country is not an assigned ISO 3166-1 alpha-2 code.
    UnknownCountry {
        /// The country as given.
        country: String,
    },
    /// `signed_at` is missing or not an RFC 3339 time the tally can hold.
    BadSignedAt {
        /// The value as given (empty when missing).
        signed_at: String,
        /// What is wrong with it.
        problem: String,
    },
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson { message } => write!(
                f,
                "not JSON: {message}; expected one signature object such as \
                 {{\"name\": \"…\", \"email\": \"…\", \"signed_at\": \"…\"}}"
            ),
            Self::EmptyName => f.write_str("empty name: expected the signer's name"),
            Self::BadEmail { email, problem } => {
                write!(
                    f,
                    "bad email {email:?}: {problem}; expected local@domain.tld"
                )
            }
            Self::UnknownCountry { country } => write!(
                f,
                "country {country:?} is not an assigned ISO 3166-1 alpha-2 code; \
                 expected a code such as \"GB\", or null"
            ),
            Self::BadSignedAt { signed_at, problem } => write!(
                f,
                "signed_at {signed_at:?} is not RFC 3339: {problem}; \
                 expected a time such as \"2012-12-13T19:00:00Z\""
            ),
        }
    }
}

impl Serialize for Rejection {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The fields of a line, borrowed from the input where they hold no escapes.
#[derive(Deserialize)]
struct Line<'a> {
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    email: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    country: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    signed_at: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    #[allow(dead_code)]
    organization: Option<Cow<'a, str>>,
}

/// A line that passed every check; its canonical email is in the [`Canonicalizer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Accepted {
    /// The country index, [`country_index::UNKNOWN`] when none was given.
    pub(crate) country: u8,
    /// Nanoseconds since the Unix epoch.
    pub(crate) signed_at: i64,
}

/// Parses and checks one line (without its line end), leaving the canonical email in
/// `scratch.joined`.
pub(crate) fn parse_line(line: &[u8], scratch: &mut Canonicalizer) -> Result<Accepted, Rejection> {
    // serde would also read a struct from a JSON array; the format is objects only.
    if line.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        let message = match serde_json::from_slice::<serde::de::IgnoredAny>(line) {
            Err(e) => e.to_string(),
            Ok(_) => "the line is JSON but not an object".to_owned(),
        };
        return Err(Rejection::NotJson { message });
    }
    let fields: Line<'_> = match fast_line::flat_fields(line) {
        Some(flat) => Line {
            name: flat.name.map(Cow::Borrowed),
            email: flat.email.map(Cow::Borrowed),
            country: flat.country.map(Cow::Borrowed),
            signed_at: flat.signed_at.map(Cow::Borrowed),
            organization: None,
        },
        None => serde_json::from_slice(line).map_err(|e| Rejection::NotJson {
            message: e.to_string(),
        })?,
    };
    if fields.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
        return Err(Rejection::EmptyName);
    }
    let email = fields.email.as_deref().unwrap_or("");
    if let Err(problem) = scratch.canonicalize(email) {
        return Err(Rejection::BadEmail {
            email: email.to_owned(),
            problem: if fields.email.is_none() {
                "it is missing"
            } else {
                problem
            },
        });
    }
    let country = match fields.country.as_deref() {
        None => country_index::UNKNOWN,
        Some(code) => country_index::lookup(code).ok_or_else(|| Rejection::UnknownCountry {
            country: code.to_owned(),
        })?,
    };
    let Some(signed_at) = fields.signed_at.as_deref() else {
        return Err(Rejection::BadSignedAt {
            signed_at: String::new(),
            problem: "it is missing".into(),
        });
    };
    let bad = |problem: String| Rejection::BadSignedAt {
        signed_at: signed_at.to_owned(),
        problem,
    };
    let nanos = match fast_line::utc_nanos(signed_at) {
        Some(nanos) => nanos,
        None => {
            let time = DateTime::parse_from_rfc3339(signed_at).map_err(|e| bad(e.to_string()))?;
            time.timestamp_nanos_opt().ok_or_else(|| {
                bad("it is outside the range a tally holds, \
                     1677-09-21T00:12:44Z to 2262-04-11T23:47:16Z"
                    .into())
            })?
        }
    };
    Ok(Accepted {
        country,
        signed_at: nanos,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<(String, u8, i64), String> {
        let mut scratch = Canonicalizer::default();
        parse_line(line.as_bytes(), &mut scratch)
            .map(|a| (scratch.joined.clone(), a.country, a.signed_at))
            .map_err(|r| r.to_string())
    }

    #[test]
    fn accepted_lines() {
        let gb = country_index::lookup("GB").unwrap();
        let t = 1_355_425_200_000_000_000; // 2012-12-13T19:00:00Z
        for (line, expected) in [
            (
                r#"{"name": "Ana", "email": "Ana@Example.org", "country": "GB", "signed_at": "2012-12-13T19:00:00Z"}"#,
                ("ana@example.org", gb, t),
            ),
            (
                r#"{"name":"Ana","email":"ana@example.org","country":null,"signed_at":"2012-12-13T23:00:00+04:00","organization":null}"#,
                ("ana@example.org", 0, t),
            ),
            (
                r#"{"signed_at":"2012-12-13T19:00:00Z","organization":"EFF","name":"Ana","email":"ana@example.org","country":"gb","extra":[1,2]}"#,
                ("ana@example.org", gb, t),
            ),
            (
                r#"{"name":"Ana","email":"an\u0061@example.org","signed_at":"2012-12-13T19:00:00.000000001Z"}"#,
                ("ana@example.org", 0, t + 1),
            ),
        ] {
            let (email, country, time) = expected;
            assert_eq!(parse(line), Ok((email.to_owned(), country, time)), "{line}");
        }
    }

    #[test]
    fn every_rejection_reason() {
        for (line, reason) in [
            (
                "not json",
                "not JSON: expected ident at line 1 column 2; expected one signature object such as {\"name\": \"…\", \"email\": \"…\", \"signed_at\": \"…\"}",
            ),
            (
                "[\"Ana\", \"a@b.org\", null, \"2012-12-13T19:00:00Z\"]",
                "not JSON: the line is JSON but not an object; expected one signature object such as {\"name\": \"…\", \"email\": \"…\", \"signed_at\": \"…\"}",
            ),
            (
                r#"{"name": 5}"#,
                "not JSON: invalid type: integer `5`, expected a string at line 1 column 10; expected one signature object such as {\"name\": \"…\", \"email\": \"…\", \"signed_at\": \"…\"}",
            ),
            (
                r#"{"name": "  ", "email": "a@b.org", "signed_at": "2012-12-13T19:00:00Z"}"#,
                "empty name: expected the signer's name",
            ),
            (
                r#"{"email": "a@b.org", "signed_at": "2012-12-13T19:00:00Z"}"#,
                "empty name: expected the signer's name",
            ),
            (
                r#"{"name": "Ana", "email": "ana@localhost", "signed_at": "2012-12-13T19:00:00Z"}"#,
                "bad email \"ana@localhost\": its domain has no top-level domain such as .org; expected local@domain.tld",
            ),
            (
                r#"{"name": "Ana", "signed_at": "2012-12-13T19:00:00Z"}"#,
                "bad email \"\": it is missing; expected local@domain.tld",
            ),
            (
                r#"{"name": "Ana", "email": "a@b.org", "country": "UK", "signed_at": "2012-12-13T19:00:00Z"}"#,
                "country \"UK\" is not an assigned ISO 3166-1 alpha-2 code; expected a code such as \"GB\", or null",
            ),
            (
                r#"{"name": "Ana", "email": "a@b.org", "country": "XK", "signed_at": "2012-12-13T19:00:00Z"}"#,
                "country \"XK\" is not an assigned ISO 3166-1 alpha-2 code; expected a code such as \"GB\", or null",
            ),
            (
                r#"{"name": "Ana", "email": "a@b.org", "signed_at": "13 December 2012"}"#,
                "signed_at \"13 December 2012\" is not RFC 3339: premature end of input; expected a time such as \"2012-12-13T19:00:00Z\"",
            ),
            (
                r#"{"name": "Ana", "email": "a@b.org", "signed_at": "2012-12-13T19:00:00"}"#,
                "signed_at \"2012-12-13T19:00:00\" is not RFC 3339: premature end of input; expected a time such as \"2012-12-13T19:00:00Z\"",
            ),
            (
                r#"{"name": "Ana", "email": "a@b.org"}"#,
                "signed_at \"\" is not RFC 3339: it is missing; expected a time such as \"2012-12-13T19:00:00Z\"",
            ),
            (
                r#"{"name": "Ana", "email": "a@b.org", "signed_at": "9999-12-31T00:00:00Z"}"#,
                "signed_at \"9999-12-31T00:00:00Z\" is not RFC 3339: it is outside the range a tally holds, 1677-09-21T00:12:44Z to 2262-04-11T23:47:16Z; expected a time such as \"2012-12-13T19:00:00Z\"",
            ),
        ] {
            assert_eq!(parse(line), Err(reason.to_owned()), "{line}");
        }
    }
}
