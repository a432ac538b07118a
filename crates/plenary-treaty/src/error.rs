//! The one error type of `plenary-treaty`.

/// Everything that can go wrong reading, checking or writing a treaty text.
///
/// Each variant quotes the offending input and says what was expected where.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A proposal mark is not `ADD`, `MOD`, `(MOD)`, `SUP` or `NOC` with an optional reference.
    #[error(
        "invalid proposal mark {mark:?}: expected ADD, MOD, (MOD), SUP or NOC, optionally followed by a reference such as \"B2/49/1\""
    )]
    InvalidMark {
        /// The mark as given.
        mark: String,
    },

    /// A line of a text could not be placed, in strict parsing.
    #[error(
        "line {line} {text:?} is not part of the document's structure; expected a heading, title, issuer, keyword, labelled clause, proposal mark or article line"
    )]
    UnplacedLine {
        /// The 1-based line number.
        line: usize,
        /// The line.
        text: String,
    },

    /// A proposal reference prefix is not one token such as `ARB/7`.
    #[error(
        "invalid proposal reference {reference:?}: expected one token of letters, digits, '-' and '.' in parts joined by '/', such as \"ARB/7\", at most 32 bytes"
    )]
    InvalidReference {
        /// The reference as given.
        reference: String,
    },

    /// Writing XML failed.
    #[error("cannot write Akoma Ntoso XML for {what}: {reason}")]
    Xml {
        /// The element being written.
        what: String,
        /// What the XML writer reported.
        reason: String,
    },
}
