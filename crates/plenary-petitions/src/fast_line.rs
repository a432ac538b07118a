//! Fast paths for the shape nearly every signatures line has: a flat JSON object of plain
//! strings and nulls, and a UTC time written `YYYY-MM-DDTHH:MM:SS[.fraction]Z`.
//!
//! Each fast path either gives exactly what the general path (serde_json, chrono) would give, or
//! gives up and leaves the line to it: a fast path never rejects a line, so every error message
//! still comes from the general path.

/// The five fields of a signatures line that the tally reads, borrowed from the line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FlatFields<'a> {
    pub(crate) name: Option<&'a str>,
    pub(crate) email: Option<&'a str>,
    pub(crate) country: Option<&'a str>,
    pub(crate) signed_at: Option<&'a str>,
    pub(crate) state: Option<&'a str>,
}

/// Reads `line` when it is one JSON object whose values are all strings without escapes or
/// `null`, each key once; returns `None` for anything else (escapes, numbers, nesting, bad
/// syntax, invalid UTF-8), which the general JSON reader then handles.
///
/// The line is checked for UTF-8 once, whole (a check per string costs more); strings are
/// scanned as bytes, and only the values kept are sliced out of the text.
pub(crate) fn flat_fields(line: &[u8]) -> Option<FlatFields<'_>> {
    flat_text(std::str::from_utf8(line).ok()?)
}

/// [`flat_fields`] of a line already known to be UTF-8.
pub(crate) fn flat_text(text: &str) -> Option<FlatFields<'_>> {
    let bytes = text.as_bytes();
    let mut fields = FlatFields::default();
    let mut seen = [false; 6];
    let mut ignored = None;
    let mut pos = skip_ws(bytes, 0);
    if bytes.get(pos) != Some(&b'{') {
        return None;
    }
    pos = skip_ws(bytes, pos + 1);
    if bytes.get(pos) == Some(&b'}') {
        return (skip_ws(bytes, pos + 1) == bytes.len()).then_some(fields);
    }
    loop {
        let (key, after) = plain_string(bytes, pos)?;
        pos = skip_ws(bytes, after);
        if bytes.get(pos) != Some(&b':') {
            return None;
        }
        pos = skip_ws(bytes, pos + 1);
        let value = if bytes[pos..].starts_with(b"null") {
            pos += 4;
            None
        } else {
            let (value, after) = plain_string(bytes, pos)?;
            let start = pos + 1;
            pos = after;
            Some((start, start + value.len()))
        };
        let (index, slot) = match key {
            b"name" => (0, &mut fields.name),
            b"email" => (1, &mut fields.email),
            b"country" => (2, &mut fields.country),
            b"signed_at" => (3, &mut fields.signed_at),
            b"state" => (5, &mut fields.state),
            // `organization` is read but not used; other keys are ignored, as serde does.
            b"organization" => (4, &mut ignored),
            _ => (usize::MAX, &mut ignored),
        };
        if index != usize::MAX {
            if seen[index] {
                return None;
            }
            seen[index] = true;
            // Both ends of a value sit next to an ASCII quote: character boundaries.
            *slot = value.map(|(start, end)| &text[start..end]);
        }
        pos = skip_ws(bytes, pos);
        match bytes.get(pos) {
            Some(b',') => pos = skip_ws(bytes, pos + 1),
            Some(b'}') => {
                return (skip_ws(bytes, pos + 1) == bytes.len()).then_some(fields);
            }
            _ => return None,
        }
    }
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(pos) {
        pos += 1;
    }
    pos
}

/// A JSON string at `pos` with no escapes and no control characters: its contents and the
/// position after its closing quote.
#[inline(always)]
fn plain_string(bytes: &[u8], pos: usize) -> Option<(&[u8], usize)> {
    if bytes.get(pos) != Some(&b'"') {
        return None;
    }
    let start = pos + 1;
    let mut end = start;
    // Eight bytes at a time: stop at the first word holding a quote, a backslash or a control
    // character.
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(end..end + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("a slice of eight bytes"));
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        let stop = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (word.wrapping_sub(ONES * 0x20) & !word);
        let stop = stop & HIGHS;
        if stop != 0 {
            // The lowest flagged byte is exact (a borrow only runs upwards from a flagged
            // byte).
            end += (stop.trailing_zeros() / 8) as usize;
            return (bytes[end] == b'"').then(|| (&bytes[start..end], end + 1));
        }
        end += 8;
    }
    // Byte by byte: fewer than eight bytes are left in the line.
    loop {
        match *bytes.get(end)? {
            b'"' => break,
            b'\\' | 0..0x20 => return None,
            _ => end += 1,
        }
    }
    Some((&bytes[start..end], end + 1))
}

/// Nanoseconds since the Unix epoch of `YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z`, for years 1970 to 2261;
/// `None` for any other form or value, which chrono then reads (or refuses).
pub(crate) fn utc_nanos(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() < 20 || b[16] != b':' || *b.last()? != b'Z' {
        return None;
    }
    // `YYYY-MM-` and `DDTHH:MM` as two words: separators compared, digits checked and read
    // eight bytes at a time.
    let w0 = u64::from_le_bytes(b[..8].try_into().ok()?);
    let w1 = u64::from_le_bytes(b[8..16].try_into().ok()?);
    const SEPARATORS_0: u64 = byte(4, b'-') | byte(7, b'-');
    const SEPARATORS_1: u64 = byte(2, b'T') | byte(5, b':');
    const DIGITS_0: u64 = !(byte(4, 0xff) | byte(7, 0xff));
    const DIGITS_1: u64 = !(byte(2, 0xff) | byte(5, 0xff));
    if w0 & !DIGITS_0 != SEPARATORS_0 || w1 & !DIGITS_1 != SEPARATORS_1 {
        return None;
    }
    let (v0, v1) = (digit_values(w0, DIGITS_0)?, digit_values(w1, DIGITS_1)?);
    let (s0, s1) = (b[17].wrapping_sub(b'0'), b[18].wrapping_sub(b'0'));
    if s0 > 9 || s1 > 9 {
        return None;
    }
    // Each byte, times ten, plus the next: two-digit numbers where each pair begins.
    let (p0, p1) = (v0 * 10 + (v0 >> 8), v1 * 10 + (v1 >> 8));
    let pair = |p: u64, at: u32| ((p >> (8 * at)) & 0xff) as i64;
    let (year, month, day) = (pair(p0, 0) * 100 + pair(p0, 2), pair(p0, 5), pair(p1, 0));
    let (hour, minute) = (pair(p1, 3), pair(p1, 6));
    let second = i64::from(s0 * 10 + s1);
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        range.into_iter().try_fold(0i64, |n, i| {
            let d = b[i].wrapping_sub(b'0');
            (d <= 9).then(|| n * 10 + i64::from(d))
        })
    };
    let nanos = match &b[19..b.len() - 1] {
        [] => 0,
        [b'.', digits @ ..] if (1..=9).contains(&digits.len()) => {
            let value = num(20..20 + digits.len())?;
            value * 10i64.pow(9 - digits.len() as u32)
        }
        _ => return None,
    };
    if !(1970..=2261).contains(&year) || !(1..=12).contains(&month) || day < 1 {
        return None;
    }
    if day > days_in_month(year, month) || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(((days * 24 + hour) * 60 + minute) * 60_000_000_000 + second * 1_000_000_000 + nanos)
}

/// `value` in byte `at` of a little-endian word.
const fn byte(at: u32, value: u8) -> u64 {
    (value as u64) << (8 * at)
}

/// The digits' values in the bytes `mask` keeps (others 0), or `None` when one of those bytes
/// is no ASCII digit.
fn digit_values(word: u64, mask: u64) -> Option<u64> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let kept = word & mask;
    // `0x30..=0x39`: high nibble 3, and still 3 after adding 6 (no byte carries into the next).
    let threes = (ONES * 0x30) & mask;
    let digits = kept & (ONES * 0xf0) == threes
        && kept.wrapping_add((ONES * 0x06) & mask) & (ONES * 0xf0) == threes;
    digits.then(|| kept - threes)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;
    use proptest::prelude::*;

    fn chrono_nanos(text: &str) -> Option<i64> {
        DateTime::parse_from_rfc3339(text)
            .ok()?
            .timestamp_nanos_opt()
    }

    #[test]
    fn flat_objects_are_read() {
        let fields = flat_fields(
            br#" { "name" : "Ana", "email":"a@b.org","country":null, "x":"y", "signed_at":"2012-12-13T19:00:00Z"} "#,
        )
        .unwrap();
        assert_eq!(
            fields,
            FlatFields {
                name: Some("Ana"),
                email: Some("a@b.org"),
                country: None,
                signed_at: Some("2012-12-13T19:00:00Z"),
                state: None,
            }
        );
        assert_eq!(flat_fields(b"{}"), Some(FlatFields::default()));
    }

    #[test]
    fn strings_of_every_length_and_stop_position_are_read() {
        for len in 0..40 {
            let value = "a".repeat(len);
            let line = format!(r#"{{"name":"{value}"}}"#);
            assert_eq!(
                flat_fields(line.as_bytes()).map(|f| f.name),
                Some(Some(value.as_str()))
            );
            for stop in ["\\u0041", "\t", "\u{1f}"] {
                let line = format!(r#"{{"name":"{value}{stop}x"}}"#);
                assert_eq!(flat_fields(line.as_bytes()), None, "{line:?}");
            }
            let wide = format!("{{\"name\":\"{value}é\u{7f}ÿ\"}}");
            let expected = format!("{value}é\u{7f}ÿ");
            assert_eq!(
                flat_fields(wide.as_bytes()).map(|f| f.name),
                Some(Some(expected.as_str()))
            );
        }
    }

    #[test]
    fn anything_unusual_is_left_to_serde() {
        for line in [
            r#"{"name": "Jos\u00e9"}"#,
            r#"{"name": 5}"#,
            r#"{"name": "a", "name": "b"}"#,
            r#"{"name": "a" "email": "b"}"#,
            r#"{"name": "a",}"#,
            r#"{"name": "a"} x"#,
            r#"{"name": ["a"]}"#,
            r#"{"name": nul}"#,
            "{\"name\": \"a\tb\"}",
            r#"["a"]"#,
            "not json",
            "",
        ] {
            assert_eq!(flat_fields(line.as_bytes()), None, "{line}");
        }
        assert_eq!(flat_fields(b"{\"name\": \"\xff\"}"), None);
    }

    #[test]
    fn utc_times_agree_with_chrono() {
        for text in [
            "2012-12-13T19:00:00Z",
            "1970-01-01T00:00:00Z",
            "2000-02-29T23:59:59.999999999Z",
            "2012-12-13T19:00:00.5Z",
            "2261-12-31T23:59:59Z",
        ] {
            assert_eq!(utc_nanos(text), chrono_nanos(text), "{text}");
            assert!(utc_nanos(text).is_some(), "{text}");
        }
        for text in [
            "2012-12-13T19:00:00+04:00",
            "2012-12-13t19:00:00z",
            "2012-12-13 19:00:00Z",
            "2012-12-13T19:00:60Z",
            "2013-02-29T19:00:00Z",
            "1969-12-31T23:59:59Z",
            "2012-12-13T19:00:00.Z",
            "2012-12-13T19:00:00.1234567890Z",
            "2012-12-13T24:00:00Z",
        ] {
            assert_eq!(utc_nanos(text), None, "{text}");
        }
    }

    proptest! {
        /// A valid time with one byte changed to any other ASCII byte: read as chrono reads
        /// it or left to chrono, never misread (the digits are checked eight at a time).
        #[test]
        fn a_time_with_one_byte_changed_is_never_misread(
            at in 0_usize..20, to in 0x20_u8..0x7f, frac in proptest::option::of("[0-9]{1,9}")
        ) {
            let frac = frac.map(|f| format!(".{f}")).unwrap_or_default();
            let mut text = format!("2012-12-13T19:07:45{frac}Z").into_bytes();
            text[at] = to;
            let text = String::from_utf8(text).expect("ASCII");
            if let Some(nanos) = utc_nanos(&text) {
                prop_assert_eq!(Some(nanos), chrono_nanos(&text), "{}", text);
            }
        }

        #[test]
        fn the_time_fast_path_never_disagrees_with_chrono(
            y in 1960i64..2270, mo in 0i64..14, d in 0i64..33, h in 0i64..26, mi in 0i64..62,
            s in 0i64..62, frac in proptest::option::of("[0-9]{1,10}"), z in "[Zz]|\\+00:00"
        ) {
            let frac = frac.map(|f| format!(".{f}")).unwrap_or_default();
            let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{frac}{z}");
            if let Some(nanos) = utc_nanos(&text) {
                prop_assert_eq!(Some(nanos), chrono_nanos(&text), "{}", text);
            }
        }

        /// A line with one byte changed to any ASCII byte (quotes, backslashes, colons, braces
        /// and control characters among them): read as serde reads it or left to serde.
        #[test]
        fn a_line_with_one_byte_changed_is_never_misread(
            at in 0_usize..200, to in 0_u8..0x80, name in "[ -~é]{0,20}"
        ) {
            let line = format!(
                r#" {{ "name" : {}, "email":"a@b.org","country":null,"x" : "y", "signed_at":"2012-12-13T19:00:00Z"}}"#,
                serde_json::to_string(&name).unwrap()
            );
            let mut line = line.into_bytes();
            let at = at % line.len();
            line[at] = to;
            let Ok(line) = String::from_utf8(line) else { return Ok(()) };
            agrees_with_serde(&line)?;
        }

        #[test]
        fn the_json_fast_path_never_disagrees_with_serde(
            pairs in proptest::collection::vec((
                "name|email|country|signed_at|organization|state|other",
                proptest::option::of("[ -~é]{0,12}"),
            ), 0..6),
            ws in "[ \t]{0,2}",
        ) {
            let body: Vec<String> = pairs
                .iter()
                .map(|(k, v)| match v {
                    Some(v) => format!("{ws}\"{k}\"{ws}:{ws}{}", serde_json::to_string(v).unwrap()),
                    None => format!("\"{k}\":null"),
                })
                .collect();
            let line = format!("{{{}{ws}}}", body.join(","));
            agrees_with_serde(&line)?;
        }
    }

    /// When the fast path reads `line`, serde reads it too, to the same values.
    fn agrees_with_serde(line: &str) -> Result<(), TestCaseError> {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Line {
            name: Option<String>,
            email: Option<String>,
            country: Option<String>,
            signed_at: Option<String>,
            organization: Option<String>,
            state: Option<String>,
        }
        let serde: Result<Line, _> = serde_json::from_str(line);
        if let Some(fast) = flat_fields(line.as_bytes()) {
            let serde = serde.map_err(|e| TestCaseError::fail(format!("{line:?}: {e}")))?;
            prop_assert_eq!(fast.name.map(str::to_owned), serde.name);
            prop_assert_eq!(fast.email.map(str::to_owned), serde.email);
            prop_assert_eq!(fast.country.map(str::to_owned), serde.country);
            prop_assert_eq!(fast.signed_at.map(str::to_owned), serde.signed_at);
            prop_assert_eq!(fast.state.map(str::to_owned), serde.state);
        }
        Ok(())
    }
}
