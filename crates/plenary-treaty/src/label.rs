//! Clause labels (`a)`, `1`, `i)`, `1.1`, `3.1bis`) and how they nest.

/// The family a label belongs to; labels of one family are siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// `a)`, `b)`.
    Letter,
    /// `i)`, `ii)`, `iv)`.
    Roman,
    /// `1`, `2)`, `3.`, `3bis`.
    Number,
    /// `1.1` (depth 2), `1.1.1` (depth 3), `3.1bis`.
    Dotted(usize),
    /// A clause with no label.
    None,
}

/// The suffixes ITU adds to a number for an inserted provision.
const SUFFIXES: &[&str] = &["quinquies", "quater", "sexies", "bis", "ter"];

/// Splits a line into its label and the text after it, or `None` when it has no label:
/// `a)`, `(a)`, `bbis)`, `iv)`, `(iv)`, `1`, `1)`, `(1)`, `1.`, `1.1`, `3.1bis`.
/// Whether `label` is a sub-item's (`a)`, `1)`, `(a)`, `bbis)`), not a provision's (`9`, `1.1`).
pub(crate) fn is_sub_item(label: &str) -> bool {
    label.ends_with(')')
}

pub(crate) fn split_label(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    let first = *bytes.first()?;
    let end = if first.is_ascii_digit() {
        numeric_label_end(bytes)?
    } else if first == b'(' {
        let inner = &bytes[1..];
        let n = if inner.first()?.is_ascii_digit() {
            inner.iter().take_while(|b| b.is_ascii_digit()).count()
        } else {
            letters_end(inner)?
        };
        if n == 0 || n > 6 || inner.get(n) != Some(&b')') {
            return None;
        }
        n + 2
    } else if first.is_ascii_lowercase() {
        let n = letters_end(bytes)?;
        if bytes.get(n) != Some(&b')') {
            return None;
        }
        n + 1
    } else {
        return None;
    };
    match bytes.get(end) {
        None => Some((line, "")),
        Some(b' ') => Some((&line[..end], &line[end + 1..])),
        Some(_) => None,
    }
}

/// The length of a letter label's letters: one letter, a letter and a suffix (`bbis`), or a
/// roman numeral of up to six letters.
fn letters_end(bytes: &[u8]) -> Option<usize> {
    let letters = bytes.iter().take_while(|b| b.is_ascii_lowercase()).count();
    if letters == 0 {
        return None;
    }
    if letters > 1 && SUFFIXES.iter().any(|s| &bytes[1..letters] == s.as_bytes()) {
        return Some(letters);
    }
    if letters > 6 || (letters > 1 && !bytes[..letters].iter().all(|b| is_roman_byte(*b))) {
        return None;
    }
    Some(letters)
}

fn is_roman_byte(b: u8) -> bool {
    matches!(b, b'i' | b'v' | b'x' | b'l' | b'c' | b'd' | b'm')
}

/// The end of `1`, `1.1`, `3.1bis`, `2)` or `4.` at the start of `bytes`.
fn numeric_label_end(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    loop {
        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        i += digits;
        if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        break;
    }
    let rest = &bytes[i..];
    if let Some(suffix) = SUFFIXES.iter().find(|s| rest.starts_with(s.as_bytes())) {
        i += suffix.len();
    } else if rest.first().is_some_and(u8::is_ascii_uppercase)
        && rest.get(1).is_none_or(|b| *b == b' ' || *b == b')')
    {
        i += 1;
    }
    if matches!(bytes.get(i), Some(b')' | b'.')) {
        i += 1;
    }
    Some(i)
}

/// The style of a label, given the letter the current letter list last used (to tell `i)`
/// after `h)` from a roman `i)`) and whether a roman list is open.
pub(crate) fn style_of(label: &str, last_letter: Option<u8>, roman_open: bool) -> Style {
    let core = label.trim_start_matches('(').trim_end_matches([')', '.']);
    let bytes = core.as_bytes();
    let Some(&first) = bytes.first() else {
        return Style::None;
    };
    if first.is_ascii_digit() {
        let dots = core.bytes().filter(|b| *b == b'.').count();
        return if dots == 0 {
            Style::Number
        } else {
            Style::Dotted(dots + 1)
        };
    }
    if bytes.len() > 1 {
        if SUFFIXES.iter().any(|s| &bytes[1..] == s.as_bytes()) {
            return Style::Letter;
        }
        return Style::Roman;
    }
    let c = first;
    if !matches!(c, b'i' | b'v' | b'x') {
        return Style::Letter;
    }
    if last_letter == Some(c - 1) {
        return Style::Letter;
    }
    if roman_open || c == b'i' {
        Style::Roman
    } else {
        Style::Letter
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_table() {
        for (line, expected) in [
            ("a) the text", Some(("a)", "the text"))),
            ("a)", Some(("a)", ""))),
            ("iv) text", Some(("iv)", "text"))),
            ("1 text", Some(("1", "text"))),
            ("1.1 text", Some(("1.1", "text"))),
            ("3.1bis text", Some(("3.1bis", "text"))),
            ("3.1A text", Some(("3.1A", "text"))),
            ("2) text", Some(("2)", "text"))),
            ("4. text", Some(("4.", "text"))),
            ("12.3.4 text", Some(("12.3.4", "text"))),
            ("2005 World Summit", None),
            ("ab) text", None),
            ("a text", None),
            ("1,5 million", None),
            ("3.1text", None),
            ("Article 3", None),
            ("(a) the text", Some(("(a)", "the text"))),
            ("(iv) text", Some(("(iv)", "text"))),
            ("(12) text", Some(("(12)", "text"))),
            ("bbis) text", Some(("bbis)", "text"))),
            ("(ab) text", None),
            ("(a text", None),
            ("()", None),
            ("", None),
        ] {
            assert_eq!(split_label(line), expected, "{line:?}");
        }
    }

    #[test]
    fn styles_table() {
        for (label, last, roman, expected) in [
            ("a)", None, false, Style::Letter),
            ("i)", None, false, Style::Roman),
            ("i)", Some(b'h'), false, Style::Letter),
            ("ii)", Some(b'b'), true, Style::Roman),
            ("v)", Some(b'u'), true, Style::Letter),
            ("v)", Some(b'b'), true, Style::Roman),
            ("c)", Some(b'b'), false, Style::Letter),
            ("1", None, false, Style::Number),
            ("1.1", None, false, Style::Dotted(2)),
            ("3.1bis", None, false, Style::Dotted(2)),
            ("1.2.3", None, false, Style::Dotted(3)),
            ("(a)", None, false, Style::Letter),
            ("(ii)", None, false, Style::Roman),
            ("(1)", None, false, Style::Number),
            ("bbis)", Some(b'b'), false, Style::Letter),
        ] {
            assert_eq!(style_of(label, last, roman), expected, "{label}");
        }
    }
}
