//! RFC 5545 content lines, written and folded in one pass.
//!
//! Each property is written once into the output and folded as it is written: a line is cut
//! before the octet that would make it longer than 75, never inside a UTF-8 character, and the
//! continuation starts with a space. The cost is linear in the text, however long one value is.

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// The most octets of a content line, CRLF not counted (RFC 5545 section 3.1).
const LINE_OCTETS: usize = 75;

/// A calendar being written, line by line.
#[derive(Debug, Default)]
pub(crate) struct ContentLines {
    out: String,
}

impl ContentLines {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }

    /// `NAME;PARAM=VALUE:value`, the value written as given (it must not hold control
    /// characters: use [`text`](Self::text) for text from the data).
    pub(crate) fn property(&mut self, name: &str, params: &[(&str, &str)], value: &str) {
        let mut line = String::with_capacity(name.len() + value.len() + 16);
        line.push_str(name);
        for (param, param_value) in params {
            let _ = write!(line, ";{param}={param_value}");
        }
        line.push(':');
        line.push_str(value);
        self.push_folded(&line);
    }

    /// A TEXT property: the value escaped so that nothing in it can end the line.
    pub(crate) fn text(&mut self, name: &str, value: &str) {
        self.property(name, &[], &escape_text(value));
    }

    /// A list of TEXT values, each escaped, joined by commas.
    pub(crate) fn text_list<'a>(&mut self, name: &str, values: impl IntoIterator<Item = &'a str>) {
        let escaped: Vec<String> = values.into_iter().map(escape_text).collect();
        self.property(name, &[], &escaped.join(","));
    }

    pub(crate) fn begin(&mut self, component: &str) {
        self.property("BEGIN", &[], component);
    }

    pub(crate) fn end(&mut self, component: &str) {
        self.property("END", &[], component);
    }

    fn push_folded(&mut self, line: &str) {
        let mut rest = line;
        let mut limit = LINE_OCTETS;
        while rest.len() > limit {
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            self.out.push_str(&rest[..cut]);
            self.out.push_str("\r\n ");
            rest = &rest[cut..];
            // A continuation line starts with the space, which counts.
            limit = LINE_OCTETS - 1;
        }
        self.out.push_str(rest);
        self.out.push_str("\r\n");
    }
}

/// Text safe for a TEXT value: backslash, semicolon and comma escaped; CR LF, lone CR and the
/// other line breaks (NEL, U+2028, U+2029) become `\n`; every other control character, which
/// RFC 5545 does not allow in TEXT, becomes U+FFFD so that it is visibly replaced, not hidden.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The first and last instants iCalendar can write: the years 0000 to 9999.
fn clamp_year(year: i32) -> i32 {
    year.clamp(0, 9999)
}

/// A DATE value, `YYYYMMDD`; `None` for a year iCalendar cannot write.
pub(crate) fn date(day: NaiveDate) -> Option<String> {
    use chrono::Datelike;
    (clamp_year(day.year()) == day.year()).then(|| day.format("%Y%m%d").to_string())
}

/// A local DATE-TIME value, `YYYYMMDDTHHMMSS`; `None` for a year iCalendar cannot write.
pub(crate) fn local_date_time(at: NaiveDateTime) -> Option<String> {
    use chrono::Datelike;
    (clamp_year(at.year()) == at.year()).then(|| at.format("%Y%m%dT%H%M%S").to_string())
}

/// A UTC DATE-TIME value, `YYYYMMDDTHHMMSSZ`, clamped into the years 0000 to 9999.
pub(crate) fn utc_date_time(at: DateTime<Utc>) -> String {
    use chrono::Datelike;
    let year = at.year();
    let clamped = clamp_year(year);
    if clamped == year {
        at.format("%Y%m%dT%H%M%SZ").to_string()
    } else if year < 0 {
        "00000101T000000Z".to_owned()
    } else {
        "99991231T235959Z".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut lines = ContentLines::new();
        lines.text("SUMMARY", &"é".repeat(100));
        let text = lines.finish();
        for line in text.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line:?}");
        }
        assert_eq!(
            text.replace("\r\n ", "").trim_end(),
            format!("SUMMARY:{}", "é".repeat(100))
        );
    }

    #[test]
    fn escapes_text_and_replaces_control_characters() {
        for (text, escaped) in [
            ("a;b,c\\d", "a\\;b\\,c\\\\d"),
            ("one\r\ntwo\rthree\nfour", "one\\ntwo\\nthree\\nfour"),
            (
                "bell\u{7}esc\u{1b}nul\u{0}",
                "bell\u{FFFD}esc\u{FFFD}nul\u{FFFD}",
            ),
            ("line\u{2028}sep", "line\\nsep"),
        ] {
            assert_eq!(escape_text(text), escaped, "{text:?}");
        }
    }

    #[test]
    fn years_outside_0000_to_9999_are_not_written() {
        let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
        assert_eq!(date(last).as_deref(), Some("99991231"));
        assert_eq!(date(last.succ_opt().unwrap()), None);
        let before: DateTime<Utc> = "-0001-06-01T00:00:00Z".parse().unwrap();
        assert_eq!(utc_date_time(before), "00000101T000000Z");
    }
}
