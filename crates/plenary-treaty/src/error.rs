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

    /// A mark of a proposal does not fit the text the proposal is applied to; nothing of the
    /// proposal is applied.
    #[error("{mark} on {provision} does not fit the base text: {reason}")]
    Misfit {
        /// The mark with its reference, such as `"MOD ARB/7/12"`, or `"(unmarked)"`.
        mark: String,
        /// The provision, such as `"ARTICLE 3, 3.2"` or `"No. 12A"`.
        provision: String,
        /// What does not fit.
        reason: Misfit,
    },
}

/// Why a mark of a proposal does not fit its base text (see [`Error::Misfit`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Misfit {
    /// `MOD`, `(MOD)`, `SUP` or `NOC` of a provision the base does not have.
    #[error("the base has no such provision; a new provision takes ADD")]
    NotInBase,
    /// `ADD` of a provision the base already has.
    #[error("the base already has this provision; a change to it takes MOD")]
    AlreadyInBase,
    /// `NOC` of a provision whose text in the base is different.
    #[error("NOC, but the base reads {base:?}")]
    TextDiffers {
        /// The text in the base.
        base: String,
    },
    /// A provision with no mark that the base does not have.
    #[error("the base has no such provision and the proposal does not mark it ADD")]
    UnmarkedNew,
    /// Two marks of one proposal on the same provision.
    #[error("the proposal marks this provision twice")]
    MarkedTwice,
    /// A mark other than `ADD` inside a provision or article the proposal adds.
    #[error("it is inside a provision or article the proposal adds, where only ADD fits")]
    InsideNew,
    /// A change inside a provision, article or section that the same proposal suppresses,
    /// which would be lost with it.
    #[error("it is inside a provision, article or section the proposal suppresses")]
    InsideRemoved,
    /// `ADD` or `SUP` of the whole text, which leaves no amended text to give.
    #[error("the mark is on the whole text, which leaves no amended text")]
    WholeText,
}
