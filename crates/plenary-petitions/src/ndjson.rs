//! One line of signatures NDJSON, read without allocating.
//!
//! The format ([docs/formats.md](https://github.com/plenary-rs/plenary/blob/main/docs/formats.md) in the repository):
//! `{"name": "…", "email": "…", "country": "GB", "signed_at": "2012-12-13T19:00:00Z", "organization": "…"}`,
//! with `country` and `organization` optional (null or absent), and an optional `"state"`
//! (absent or null means `"confirmed"`; see [`SignatureState`]). Fields the format does not name
//! are ignored, so that exports with extra columns can be counted as they are.

use std::borrow::Cow;
use std::fmt;

use chrono::DateTime;
use serde::{Deserialize, Serialize, Serializer};

use crate::SignatureState;
use crate::country_index;
use crate::email::Canonicalizer;
use crate::fast_line;

/// Why a line of signatures NDJSON (or a record given to [`Tally::add`](crate::Tally::add)) was
/// not counted.
///
/// Each variant keeps the value at fault. Its `Display`, the `reason` of the tally's JSON, never
/// shows an email address: a bad email is shown with its local part masked (`"…@localhost"`), and
/// any other value holding an `@` is masked the same way. [`Rejection::unmasked`] shows the
/// values as given, for an operator who asks for them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rejection {
    /// The line is not a JSON object.
    NotJson {
        /// What the JSON parser said, without its position.
        message: String,
        /// The 1-based column (in bytes) where the parser stopped, when it says.
        column: Option<usize>,
    },
    /// A field the format names holds something other than a string or null.
    WrongType {
        /// The field, such as `name`.
        field: String,
        /// What the JSON parser said, without its position.
        message: String,
        /// The 1-based column (in bytes) of the value.
        column: usize,
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
    /// `state` is not one of the states of a [`SignatureState`].
    UnknownState {
        /// The state as given.
        state: String,
    },
}

/// How many kinds of [`Rejection`] there are.
pub(crate) const REJECTION_KINDS: usize = 7;

impl Rejection {
    /// A short snake_case name of the kind of rejection, such as `"bad_email"`: the key under
    /// which rejected lines not listed one by one are counted.
    pub fn kind(&self) -> &'static str {
        Self::KIND_NAMES[self.kind_index()]
    }

    /// The names [`Rejection::kind`] gives, in a fixed order.
    pub(crate) const KIND_NAMES: [&'static str; REJECTION_KINDS] = [
        "not_json",
        "wrong_type",
        "empty_name",
        "bad_email",
        "unknown_country",
        "bad_signed_at",
        "unknown_state",
    ];

    pub(crate) fn kind_index(&self) -> usize {
        match self {
            Self::NotJson { .. } => 0,
            Self::WrongType { .. } => 1,
            Self::EmptyName => 2,
            Self::BadEmail { .. } => 3,
            Self::UnknownCountry { .. } => 4,
            Self::BadSignedAt { .. } => 5,
            Self::UnknownState { .. } => 6,
        }
    }

    /// The reason with every value as given, email addresses included: for an operator who
    /// asked for them, never for publication.
    ///
    /// ```
    /// use plenary_petitions::Tally;
    ///
    /// let mut tally = Tally::new();
    /// tally.add_ndjson(br#"{"name": "Ana", "email": "ana@localhost", "signed_at": "2012-12-13T19:00:00Z"}"#);
    /// let rejection = &tally.errors()[0].reason;
    /// assert!(rejection.to_string().starts_with(r#"bad email "…@localhost""#));
    /// assert!(rejection.unmasked().to_string().starts_with(r#"bad email "ana@localhost""#));
    /// ```
    pub fn unmasked(&self) -> impl fmt::Display + '_ {
        Unmasked(self)
    }

    fn write(&self, f: &mut fmt::Formatter<'_>, reveal: bool) -> fmt::Result {
        let (head, value, tail) = self.parts(reveal);
        f.write_str(&head)?;
        if let Some(value) = value {
            write!(f, " {value:?}")?;
        }
        f.write_str(&tail)
    }

    /// The reason in three parts: what is wrong, the value at fault (masked unless `reveal`,
    /// unquoted) when the reason quotes one, and the rest, with what was expected. `Display` is
    /// `head "value"tail`; a [`Diagnostic`](plenary_core::Diagnostic) takes the value as its text
    /// and `head` + `tail` as what was expected.
    pub(crate) fn parts(&self, reveal: bool) -> (String, Option<String>, String) {
        let shown = |value: &str| -> String {
            if reveal {
                value.to_owned()
            } else {
                masked(value)
            }
        };
        match self {
            Self::NotJson { message, column } => {
                let head = match column {
                    Some(column) => format!("not JSON at column {column}"),
                    None => "not JSON".to_owned(),
                };
                let tail = format!(
                    ": {message}; expected one signature object such as \
                     {{\"name\": \"…\", \"email\": \"…\", \"signed_at\": \"…\"}}"
                );
                (head, None, tail)
            }
            Self::WrongType {
                field,
                message,
                column,
            } => (
                "field".to_owned(),
                Some(shown(field)),
                format!(" at column {column}: {message}; expected a string or null"),
            ),
            Self::EmptyName => (
                "empty name".to_owned(),
                None,
                ": expected the signer's name".to_owned(),
            ),
            Self::BadEmail { email, problem } => {
                let tail = format!(": {problem}; expected local@domain.tld");
                if reveal || email.contains('@') || email.is_empty() {
                    ("bad email".to_owned(), Some(shown(email)), tail)
                } else {
                    let head = format!(
                        "bad email ({} characters, not shown)",
                        email.chars().count()
                    );
                    (head, None, tail)
                }
            }
            Self::UnknownCountry { country } => (
                "country".to_owned(),
                Some(shown(country)),
                " is not an assigned ISO 3166-1 alpha-2 code; expected a code such as \"GB\", or \
                 null"
                    .to_owned(),
            ),
            Self::BadSignedAt { signed_at, problem } => (
                "signed_at".to_owned(),
                Some(shown(signed_at)),
                format!(
                    " is not RFC 3339: {problem}; expected a time such as \"2012-12-13T19:00:00Z\""
                ),
            ),
            Self::UnknownState { state } => (
                "state".to_owned(),
                Some(shown(state)),
                " is not a signature state; expected \"pending\", \"confirmed\", \
                 \"invalidated\", \"fraudulent\", \"withdrawn\", or null"
                    .to_owned(),
            ),
        }
    }
}

/// A value as a report shows it: whatever stands before its last `@` (an email's local part) is
/// replaced by `…`.
fn masked(value: &str) -> String {
    match value.rfind('@') {
        Some(at) => format!("…{}", &value[at..]),
        None => value.to_owned(),
    }
}

struct Unmasked<'a>(&'a Rejection);

impl fmt::Display for Unmasked<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(f, true)
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, false)
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
    #[serde(borrow, default)]
    state: Option<Cow<'a, str>>,
}

/// A line that passed every check; its canonical email is in the [`Canonicalizer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Accepted {
    /// The country index, [`country_index::UNKNOWN`] when none was given.
    pub(crate) country: u8,
    /// Nanoseconds since the Unix epoch.
    pub(crate) signed_at: i64,
    /// The signature's state; confirmed when the line gives none.
    pub(crate) state: SignatureState,
}

/// serde_json's message without the " at line 1 column N" it appends: the line is the tally's
/// to give, and the column is kept apart.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&suffix) {
        Some(stripped) => stripped.to_owned(),
        None => message,
    }
}

fn not_json(error: &serde_json::Error) -> Rejection {
    Rejection::NotJson {
        message: without_position(error),
        column: (error.column() > 0).then_some(error.column()),
    }
}

/// Reads a line the fast path left: any JSON object, with errors that name the field at fault.
fn general_fields(line: &[u8]) -> Result<Line<'_>, Rejection> {
    let mut deserializer = serde_json::Deserializer::from_slice(line);
    let fields: Line<'_> = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let field = e.path().to_string();
        let error = e.into_inner();
        if error.classify() == serde_json::error::Category::Data && field != "." {
            Rejection::WrongType {
                field,
                message: without_position(&error),
                column: error.column(),
            }
        } else {
            not_json(&error)
        }
    })?;
    deserializer.end().map_err(|e| not_json(&e))?;
    Ok(fields)
}

/// Parses and checks one line (without its line end), leaving the canonical email in
/// `scratch.joined`.
pub(crate) fn parse_line(line: &[u8], scratch: &mut Canonicalizer) -> Result<Accepted, Rejection> {
    parse_either(line, fast_line::flat_fields, scratch)
}

/// [`parse_line`] of a line already known to be UTF-8 (a whole block of lines is checked at
/// once, which costs less than a check a line).
pub(crate) fn parse_text(line: &str, scratch: &mut Canonicalizer) -> Result<Accepted, Rejection> {
    parse_either(line, fast_line::flat_text, scratch)
}

fn parse_either<'a, L: AsRef<[u8]> + ?Sized>(
    given: &'a L,
    flat: impl FnOnce(&'a L) -> Option<fast_line::FlatFields<'a>>,
    scratch: &mut Canonicalizer,
) -> Result<Accepted, Rejection> {
    let line = given.as_ref();
    // serde would also read a struct from a JSON array; the format is objects only.
    if line.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(
            match serde_json::from_slice::<serde::de::IgnoredAny>(line) {
                Err(e) => not_json(&e),
                Ok(_) => Rejection::NotJson {
                    message: "the line is JSON but not an object".to_owned(),
                    column: None,
                },
            },
        );
    }
    let fields: Line<'_> = match flat(given) {
        Some(flat) => Line {
            name: flat.name.map(Cow::Borrowed),
            email: flat.email.map(Cow::Borrowed),
            country: flat.country.map(Cow::Borrowed),
            signed_at: flat.signed_at.map(Cow::Borrowed),
            organization: None,
            state: flat.state.map(Cow::Borrowed),
        },
        None => general_fields(line)?,
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
            time.timestamp_nanos_opt()
                .ok_or_else(|| bad(OUT_OF_RANGE.into()))?
        }
    };
    let state = match fields.state.as_deref() {
        None => SignatureState::Confirmed,
        Some(state) => state.parse().map_err(|()| Rejection::UnknownState {
            state: state.to_owned(),
        })?,
    };
    Ok(Accepted {
        country,
        signed_at: nanos,
        state,
    })
}

/// Why a time cannot be tallied: outside the nanosecond clock.
pub(crate) const OUT_OF_RANGE: &str =
    "it is outside the range a tally holds, 1677-09-21T00:12:44Z to 2262-04-11T23:47:16Z";

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<(String, u8, i64), String> {
        let mut scratch = Canonicalizer::default();
        parse_line(line.as_bytes(), &mut scratch)
            .map(|a| {
                assert_eq!(a.state, SignatureState::Confirmed);
                (scratch.joined.clone(), a.country, a.signed_at)
            })
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
            (
                r#"{"name":"Ana","email":"ana@example.org","signed_at":"2012-12-13T19:00:00Z","state":null}"#,
                ("ana@example.org", 0, t),
            ),
        ] {
            let (email, country, time) = expected;
            assert_eq!(parse(line), Ok((email.to_owned(), country, time)), "{line}");
        }
    }

    #[test]
    fn states_are_read() {
        for state in SignatureState::ALL {
            let line = format!(
                r#"{{"name": "Ana", "email": "a@b.org", "signed_at": "2012-12-13T19:00:00Z", "state": "{state}"}}"#
            );
            let escaped = line
                .replace("\"state\": \"", "\"state\": \"\\u0020")
                .replace("\\u0020", "");
            for line in [line, escaped] {
                let mut scratch = Canonicalizer::default();
                assert_eq!(
                    parse_line(line.as_bytes(), &mut scratch).map(|a| a.state),
                    Ok(state)
                );
            }
        }
    }

    #[test]
    fn type_errors_name_the_field_and_column_not_a_line() {
        let mut scratch = Canonicalizer::default();
        let line = br#"{"name": "Ana", "email": ["a@b.org"], "signed_at": "2012-12-13T19:00:00Z"}"#;
        let reason = parse_line(line, &mut scratch).unwrap_err();
        assert_eq!(
            reason,
            Rejection::WrongType {
                field: "email".into(),
                message: "invalid type: sequence, expected a string".into(),
                column: 25,
            }
        );
        assert!(!reason.to_string().contains("line"), "{reason}");
    }

    #[test]
    fn every_rejection_reason() {
        for (line, reason) in [
            (
                "not json",
                "not JSON at column 2: expected ident; expected one signature object such as {\"name\": \"…\", \"email\": \"…\", \"signed_at\": \"…\"}",
            ),
            (
                "[\"Ana\", \"a@b.org\", null, \"2012-12-13T19:00:00Z\"]",
                "not JSON: the line is JSON but not an object; expected one signature object such as {\"name\": \"…\", \"email\": \"…\", \"signed_at\": \"…\"}",
            ),
            (
                r#"{"name": 5}"#,
                "field \"name\" at column 10: invalid type: integer `5`, expected a string; expected a string or null",
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
                "bad email \"…@localhost\": its domain has no top-level domain such as .org; expected local@domain.tld",
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
            (
                r#"{"name": "Ana", "email": "a@b.org", "signed_at": "2012-12-13T19:00:00Z", "state": "deleted"}"#,
                "state \"deleted\" is not a signature state; expected \"pending\", \"confirmed\", \"invalidated\", \"fraudulent\", \"withdrawn\", or null",
            ),
            (
                r#"{"name": "Ana", "email": "a@b.org", "signed_at": "2012-12-13T19:00:00Z", "state": "Confirmed"}"#,
                "state \"Confirmed\" is not a signature state; expected \"pending\", \"confirmed\", \"invalidated\", \"fraudulent\", \"withdrawn\", or null",
            ),
            (
                r#"{"name": "Ana", "email": "a@b.org", "country": "ana@b.org", "signed_at": "2012-12-13T19:00:00Z"}"#,
                "country \"…@b.org\" is not an assigned ISO 3166-1 alpha-2 code; expected a code such as \"GB\", or null",
            ),
            (
                r#"{"name": "Ana", "email": "ana.b.org", "signed_at": "2012-12-13T19:00:00Z"}"#,
                "bad email (9 characters, not shown): it has no '@'; expected local@domain.tld",
            ),
            (
                r#"{"name": "Ana", "email": "a@b.org", "signed_at": "2012-12-13T19:00:00Z", "state": 1}"#,
                "field \"state\" at column 83: invalid type: integer `1`, expected a string; expected a string or null",
            ),
            (
                r#"{"name": "Ana", "email": "a@b.org"} trailing"#,
                "not JSON at column 37: trailing characters; expected one signature object such as {\"name\": \"…\", \"email\": \"…\", \"signed_at\": \"…\"}",
            ),
            (
                r#"{"name": "Ana", "email": "a@b.org""#,
                "not JSON at column 34: EOF while parsing an object; expected one signature object such as {\"name\": \"…\", \"email\": \"…\", \"signed_at\": \"…\"}",
            ),
        ] {
            assert_eq!(parse(line), Err(reason.to_owned()), "{line}");
        }
    }
}
