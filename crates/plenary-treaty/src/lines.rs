//! Lines of a text, whatever ends them: LF, CRLF, CR, NEL (U+0085), U+2028 or U+2029.

/// The lines of `text` with their 1-based numbers; CRLF is one line end.
///
/// Texts with LF (or CRLF) only are split with `memchr`; the rarer line ends are looked for
/// once over the whole text first, so the cost stays linear either way.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let rare = memchr::memchr(b'\r', text.as_bytes()).is_some()
        || memchr::memmem::find(text.as_bytes(), "\u{85}".as_bytes()).is_some()
        || memchr::memmem::find(text.as_bytes(), "\u{2028}".as_bytes()).is_some()
        || memchr::memmem::find(text.as_bytes(), "\u{2029}".as_bytes()).is_some();
    Lines {
        rest: Some(text),
        rare,
        number: 0,
    }
}

struct Lines<'a> {
    rest: Option<&'a str>,
    rare: bool,
    number: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = self.rest?;
        self.number += 1;
        let (line, next) = if self.rare {
            match rest
                .char_indices()
                .find(|(_, c)| matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'))
            {
                Some((i, c)) => {
                    let mut end = i + c.len_utf8();
                    if c == '\r' && rest.as_bytes().get(end) == Some(&b'\n') {
                        end += 1;
                    }
                    (&rest[..i], Some(&rest[end..]))
                }
                None => (rest, None),
            }
        } else {
            match memchr::memchr(b'\n', rest.as_bytes()) {
                Some(i) => (&rest[..i], Some(&rest[i + 1..])),
                None => (rest, None),
            }
        };
        self.rest = next;
        Some((self.number, line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_end_is_one() {
        for (text, expected) in [
            ("a\nb\nc", vec!["a", "b", "c"]),
            ("a\r\nb\r\n", vec!["a", "b", ""]),
            ("a\rb\rc", vec!["a", "b", "c"]),
            ("a\u{85}b", vec!["a", "b"]),
            ("a\u{2028}b\u{2029}c", vec!["a", "b", "c"]),
            ("a\r\rb", vec!["a", "", "b"]),
            ("a\n\r\nb", vec!["a", "", "b"]),
            ("", vec![""]),
        ] {
            let got: Vec<&str> = lines(text).map(|(_, l)| l).collect();
            assert_eq!(got, expected, "{text:?}");
            let numbers: Vec<usize> = lines(text).map(|(n, _)| n).collect();
            assert_eq!(numbers, (1..=expected.len()).collect::<Vec<_>>());
        }
    }
}
