//! What a tally counts about its lines besides the signers: how many, in which state, and the
//! rejected ones — the first few quoted, the rest counted by kind, so that a file of ten million
//! broken lines costs no more memory than one of a thousand.

use std::collections::BTreeMap;

use plenary_core::Diagnostic;

use crate::SignatureState;
use crate::ndjson::{REJECTION_KINDS, Rejection};

/// How many rejected lines a tally quotes with their reasons unless told otherwise.
pub const DEFAULT_ERROR_LIMIT: usize = 1000;

/// A rejected line: its number (1-based, counting every line of the input) and why.
///
/// [`LineError::diagnostic`] gives it as the [`Diagnostic`] every plenary reader reports lines
/// with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// The line number (or, for a record, its position).
    pub line: u64,
    /// Why the line was not counted.
    pub reason: Rejection,
}

impl LineError {
    /// The rejected line as a [`Diagnostic`]: its line number, the value at fault as its text
    /// (masked like the [`Rejection`]'s `Display`: no email address shows; empty when the reason
    /// quotes no value, as for a line that is not JSON), and what was wrong and expected.
    ///
    /// The tally does not keep the lines it reads, so the text is the value at fault rather
    /// than the whole line, and the column is left out: the reasons give columns in bytes
    /// (`not JSON at column 12`), a `Diagnostic` in characters.
    ///
    /// ```
    /// use plenary_petitions::Tally;
    ///
    /// let mut tally = Tally::new();
    /// tally.add_ndjson(b"\n{\"name\": \"Ana\", \"email\": \"ana@localhost\", \"signed_at\": \"2012-12-13T19:00:00Z\"}");
    /// let diagnostic = tally.errors()[0].diagnostic();
    /// assert_eq!((diagnostic.line, diagnostic.text.as_str()), (2, "…@localhost"));
    /// assert!(diagnostic.to_string().starts_with("line 2: bad email: "));
    /// assert!(diagnostic.to_string().ends_with(r#"expected local@domain.tld: "…@localhost""#));
    /// ```
    pub fn diagnostic(&self) -> Diagnostic {
        self.diagnostic_with(false)
    }

    /// Like [`LineError::diagnostic`], with the value as given, email addresses included: for
    /// an operator who asked for them, never for publication.
    pub fn diagnostic_unmasked(&self) -> Diagnostic {
        self.diagnostic_with(true)
    }

    fn diagnostic_with(&self, reveal: bool) -> Diagnostic {
        let (head, value, tail) = self.reason.parts(reveal);
        let line = usize::try_from(self.line).unwrap_or(usize::MAX);
        Diagnostic::new(line, value.unwrap_or_default(), head + &tail)
    }
}

/// The rejected lines: the `limit` with the smallest numbers quoted in line order, the others
/// counted by [`Rejection::kind`].
#[derive(Debug, Clone)]
pub(crate) struct ErrorLog {
    listed: Vec<LineError>,
    limit: usize,
    unlisted: [u64; REJECTION_KINDS],
}

impl Default for ErrorLog {
    fn default() -> Self {
        Self::with_limit(DEFAULT_ERROR_LIMIT)
    }
}

impl ErrorLog {
    pub(crate) fn with_limit(limit: usize) -> Self {
        Self {
            listed: Vec::new(),
            limit,
            unlisted: [0; REJECTION_KINDS],
        }
    }

    pub(crate) fn limit(&self) -> usize {
        self.limit
    }

    /// Keeps at most `limit` quoted lines from now on, counting the ones it drops.
    pub(crate) fn set_limit(&mut self, limit: usize) {
        self.limit = limit;
        self.trim();
    }

    /// Records a rejected line.
    pub(crate) fn push(&mut self, line: u64, reason: Rejection) {
        let in_order = self.listed.last().is_none_or(|last| last.line <= line);
        if self.listed.len() < self.limit && in_order {
            self.listed.push(LineError { line, reason });
        } else if in_order {
            self.unlisted[reason.kind_index()] += 1;
        } else {
            let at = self.listed.partition_point(|e| e.line <= line);
            self.listed.insert(at, LineError { line, reason });
            self.trim();
        }
    }

    /// Adds the rejected lines of another log, whose line numbers are `shift` more than it says.
    pub(crate) fn merge(&mut self, other: ErrorLog, shift: u64) {
        for (mine, theirs) in self.unlisted.iter_mut().zip(other.unlisted) {
            *mine += theirs;
        }
        // Shards usually come in line order, which keeps this an append.
        let sorted_already = match (self.listed.last(), other.listed.first()) {
            (Some(last), Some(first)) => last.line <= first.line + shift,
            _ => true,
        };
        self.listed
            .extend(other.listed.into_iter().map(|e| LineError {
                line: e.line + shift,
                ..e
            }));
        if !sorted_already {
            self.listed.sort_by_key(|e| e.line);
        }
        self.trim();
    }

    fn trim(&mut self) {
        while self.listed.len() > self.limit {
            if let Some(dropped) = self.listed.pop() {
                self.unlisted[dropped.reason.kind_index()] += 1;
            }
        }
    }

    /// Every rejected line, listed or not.
    pub(crate) fn total(&self) -> u64 {
        self.listed.len() as u64 + self.unlisted.iter().sum::<u64>()
    }

    pub(crate) fn listed(&self) -> &[LineError] {
        &self.listed
    }

    /// The rejected lines not listed, by kind; kinds with none are left out.
    pub(crate) fn unlisted(&self) -> BTreeMap<String, u64> {
        Rejection::KIND_NAMES
            .iter()
            .zip(self.unlisted)
            .filter(|&(_, n)| n > 0)
            .map(|(kind, n)| ((*kind).to_owned(), n))
            .collect()
    }
}

/// The counts of a run of lines, apart from the signers themselves.
#[derive(Debug, Clone, Default)]
pub(crate) struct LineCounts {
    /// Non-blank lines.
    pub(crate) lines: u64,
    /// Valid, confirmed signatures.
    pub(crate) valid: u64,
    /// Valid signatures in each state (by [`SignatureState::ALL`] order) that does not count.
    pub(crate) states: [u64; 5],
    /// The rejected lines.
    pub(crate) errors: ErrorLog,
}

impl LineCounts {
    pub(crate) fn with_error_limit(limit: usize) -> Self {
        Self {
            errors: ErrorLog::with_limit(limit),
            ..Self::default()
        }
    }

    pub(crate) fn confirmed(&mut self) {
        self.lines += 1;
        self.valid += 1;
    }

    pub(crate) fn uncounted(&mut self, state: SignatureState) {
        self.lines += 1;
        self.states[state.index()] += 1;
    }

    pub(crate) fn rejected(&mut self, line: u64, reason: Rejection) {
        self.lines += 1;
        self.errors.push(line, reason);
    }

    /// Adds another run's counts, whose line numbers are `shift` more than they say.
    pub(crate) fn merge(&mut self, other: LineCounts, shift: u64) {
        self.lines += other.lines;
        self.valid += other.valid;
        for (mine, theirs) in self.states.iter_mut().zip(other.states) {
            *mine += theirs;
        }
        self.errors.merge(other.errors, shift);
    }

    /// The signatures in states that do not count, by state name; states with none left out.
    pub(crate) fn states(&self) -> BTreeMap<String, u64> {
        SignatureState::ALL
            .iter()
            .zip(self.states)
            .filter(|&(_, n)| n > 0)
            .map(|(state, n)| (state.as_str().to_owned(), n))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(i: u64) -> Rejection {
        if i.is_multiple_of(2) {
            Rejection::EmptyName
        } else {
            Rejection::UnknownState {
                state: i.to_string(),
            }
        }
    }

    #[test]
    fn the_first_lines_are_listed_and_the_rest_counted_by_kind() {
        // In order, out of order, and merged from shards: the same log.
        let mut in_order = ErrorLog::with_limit(3);
        let mut reversed = ErrorLog::with_limit(3);
        let (mut a, mut b) = (ErrorLog::with_limit(3), ErrorLog::with_limit(3));
        for i in 1..=10 {
            in_order.push(i, reason(i));
            reversed.push(11 - i, reason(11 - i));
            if i <= 5 {
                b.push(i - 1, reason(i + 5));
            } else {
                a.push(i, reason(i));
            }
        }
        for log in [&in_order, &reversed] {
            assert_eq!(
                log.listed().iter().map(|e| e.line).collect::<Vec<_>>(),
                [1, 2, 3]
            );
            assert_eq!(log.total(), 10);
            assert_eq!(
                log.unlisted(),
                BTreeMap::from([("empty_name".into(), 4), ("unknown_state".into(), 3)])
            );
        }
        a.merge(b, 6);
        assert_eq!(
            a.listed().iter().map(|e| e.line).collect::<Vec<_>>(),
            [6, 6, 7]
        );
        assert_eq!(a.total(), 10);
        let mut none = ErrorLog::with_limit(0);
        none.push(1, Rejection::EmptyName);
        assert!(none.listed().is_empty());
        assert_eq!(none.total(), 1);
    }
}
