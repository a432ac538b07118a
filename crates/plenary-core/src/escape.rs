//! Escaping text for Markdown and HTML output, in one place.
//!
//! Exports put titles, names and descriptions taken from the outside world into Markdown and
//! HTML. These two functions are the only places that make such text inert; every exporter
//! calls them rather than escaping by hand.

/// `text` as Markdown inline text, on one line, with every character Markdown could read as
/// syntax backslash-escaped.
///
/// Escaped: `` \ ` * _ [ ] < > & | ~ # ! ( ) { } = ^ `` (all ASCII punctuation, which CommonMark
/// lets a backslash escape). Line breaks become spaces, so a value stays inside its list item or
/// table cell; other control characters are dropped. A title such as
/// `[click](javascript:alert(1))` stays text.
///
/// ```
/// use plenary_core::markdown_escape;
///
/// assert_eq!(
///     markdown_escape("[click](javascript:alert(1))"),
///     r"\[click\]\(javascript:alert\(1\)\)"
/// );
/// assert_eq!(markdown_escape("two\nlines, *one* item"), r"two lines, \*one\* item");
/// ```
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' | '!' | '('
            | ')' | '{' | '}' | '=' | '^' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `text` as HTML text or a quoted attribute value: `&`, `<`, `>`, `"` and `'` become
/// `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`; everything else is kept.
///
/// ```
/// use plenary_core::html_escape;
///
/// assert_eq!(
///     html_escape(r#"<a href="x">AT&T's</a>"#),
///     "&lt;a href=&quot;x&quot;&gt;AT&amp;T&#39;s&lt;/a&gt;"
/// );
/// ```
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown() {
        for (text, escaped) in [
            (
                "[click](javascript:alert(1))",
                "\\[click\\]\\(javascript:alert\\(1\\)\\)",
            ),
            ("<script>", "\\<script\\>"),
            ("a_b *c* `d`", "a\\_b \\*c\\* \\`d\\`"),
            ("# not a heading", "\\# not a heading"),
            ("two\nlines\r\n", "two lines  "),
            ("bell\u{7}", "bell"),
            ("AT&amp;T", "AT\\&amp;T"),
            ("plain text, 3.5 - ok", "plain text, 3.5 - ok"),
        ] {
            assert_eq!(markdown_escape(text), escaped, "{text:?}");
        }
    }

    #[test]
    fn html() {
        for (text, escaped) in [
            (
                "<script>alert('x')</script>",
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
            ),
            ("a \"b\" & c", "a &quot;b&quot; &amp; c"),
            ("&amp;", "&amp;amp;"),
            ("Télécoms", "Télécoms"),
        ] {
            assert_eq!(html_escape(text), escaped, "{text:?}");
        }
    }
}
