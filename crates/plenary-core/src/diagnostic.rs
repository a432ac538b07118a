//! One type for a problem found on a line of input.

use std::fmt;

/// A problem found on one line of a text input — a listing line not imported, a treaty line the
/// parser could not place, a rejected line of signatures — with where it is, the text, and what
/// was expected there.
///
/// Every reader that reports lines instead of failing reports them as `Diagnostic`s, so that
/// they read alike and tools can handle them alike.
///
/// ```
/// use plenary_core::Diagnostic;
///
/// let at_line = Diagnostic::new(12, "Budget - 2012", "a year is not an author; expected \"Title - Author\"");
/// assert_eq!(
///     at_line.to_string(),
///     r#"line 12: a year is not an author; expected "Title - Author": "Budget - 2012""#
/// );
/// let at_column = at_line.at_column(10);
/// assert_eq!(
///     at_column.to_string(),
///     r#"line 12, column 10: a year is not an author; expected "Title - Author": "Budget - 2012""#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters, when the problem is known to start at one.
    pub column: Option<usize>,
    /// The line (or the part of it at fault) as written.
    pub text: String,
    /// What is wrong and what was expected there.
    pub expected: String,
}

impl Diagnostic {
    /// A problem on line `line` (from 1), whose text is `text`.
    pub fn new(line: usize, text: impl Into<String>, expected: impl Into<String>) -> Self {
        Self {
            line,
            column: None,
            text: text.into(),
            expected: expected.into(),
        }
    }

    /// The same problem, known to start at column `column` (from 1, in characters).
    pub fn at_column(mut self, column: usize) -> Self {
        self.column = Some(column);
        self
    }
}

impl fmt::Display for Diagnostic {
    /// `line 12: <what was expected>: "<text>"`, with `, column 4` after the line number when the
    /// column is known; the text is quoted with control characters escaped.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(column) = self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}: {:?}", self.expected, self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display() {
        for (diagnostic, shown) in [
            (
                Diagnostic::new(1, "x", "expected y"),
                r#"line 1: expected y: "x""#,
            ),
            (
                Diagnostic::new(3, "a\tb\u{1b}", "no tabs").at_column(2),
                r#"line 3, column 2: no tabs: "a\tb\u{1b}""#,
            ),
        ] {
            assert_eq!(diagnostic.to_string(), shown);
        }
    }
}
