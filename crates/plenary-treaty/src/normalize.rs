//! One line of input made canonical: whitespace collapsed, curly quotes straightened.

use std::borrow::Cow;

/// Trims the line, turns every run of whitespace (tabs, non-breaking and other Unicode spaces,
/// a stray `\r`) into one space and straightens curly quotes, so that layout and typography
/// never decide what a line is. Lines that need none of it are borrowed, not copied.
pub(crate) fn normalize_line(line: &str) -> Cow<'_, str> {
    let bytes = line.as_bytes();
    // Two vectorizable scans decide whether the line is already canonical: every byte printable
    // ASCII (a branch-free fold the compiler turns into SIMD), and no double space (memmem).
    let printable = bytes
        .iter()
        .fold(true, |all, &b| all & (b.wrapping_sub(b' ') < 0x7f - b' '));
    let clean = printable
        && bytes.first().is_none_or(|b| *b != b' ')
        && bytes.last().is_none_or(|b| *b != b' ')
        && memchr::memmem::find(bytes, b"  ").is_none();
    if clean {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for c in line.chars() {
        if c.is_whitespace() || c.is_control() || c == '\u{feff}' || c == '\u{200b}' {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            other => other,
        });
    }
    // Text is kept in Unicode NFC, so that a decomposed `é` reads and compares like a
    // precomposed one.
    if !out.is_ascii()
        && let Cow::Owned(composed) =
            icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(&out)
    {
        return Cow::Owned(composed);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_and_typography_are_made_canonical() {
        for (input, expected) in [
            ("considering", "considering"),
            ("  a)\tthe  text \r", "a) the text"),
            ("a)\u{a0}the\u{202f}text", "a) the text"),
            (
                "\u{201c}quoted\u{201d} and \u{2018}single\u{2019}",
                "\"quoted\" and 'single'",
            ),
            ("\u{feff}RESOLUTION 1", "RESOLUTION 1"),
            ("considérant", "considérant"),
            ("Conside\u{301}rant", "Considérant"),
            ("", ""),
            (" \t ", ""),
        ] {
            assert_eq!(normalize_line(input), expected, "{input:?}");
        }
        assert!(matches!(normalize_line("plain text"), Cow::Borrowed(_)));
    }
}
