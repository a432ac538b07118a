//! The crate's error type.

/// Everything that can go wrong in `plenary-petitions`; each message quotes the input and says
/// what was expected.
///
/// A rejected line of signatures NDJSON is not an `Error`: it is a [`Rejection`](crate::Rejection)
/// recorded in the [`Tally`](crate::Tally), so that one bad line never stops a count.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An email address that is not of the form `local@domain.tld`.
    #[error("invalid email {email:?}: {problem}; expected local@domain.tld")]
    InvalidEmail {
        /// The address as given.
        email: String,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// A milestone list such as `--milestones 1000,10000` that does not hold positive integers.
    #[error(
        "invalid milestone list {list:?}: {item:?} is not a positive whole number; \
         expected thresholds such as \"1000,10000,100000\""
    )]
    InvalidMilestones {
        /// The list as given.
        list: String,
        /// The item that is not a threshold.
        item: String,
    },
    /// A petition or signature whose parts do not fit together.
    #[error("invalid {what}: {problem}")]
    Invalid {
        /// The thing that is invalid, such as `petition "wtpf13-letter"`.
        what: String,
        /// What is wrong and what was expected.
        problem: String,
    },
    /// A signature asked to change to a state its life does not allow.
    #[error(
        "signature {position} cannot go from {from} to {to}; expected pending -> confirmed, and \
         pending or confirmed -> invalidated, fraudulent or withdrawn"
    )]
    Transition {
        /// The signature's position (0-based) in its [`SignatureBook`](crate::SignatureBook).
        position: usize,
        /// Its state.
        from: crate::SignatureState,
        /// The state asked for.
        to: crate::SignatureState,
    },
    /// Something looked up that is not there.
    #[error("no {what}")]
    NotFound {
        /// What was looked for, such as `invalidation 3`.
        what: String,
    },
    /// A value of the shared vocabulary (an id, a country, a name, a link) that is invalid.
    #[error(transparent)]
    Core(#[from] plenary_core::Error),
    /// Reading the signatures failed.
    #[error("could not read signatures: {0}")]
    Io(#[from] std::io::Error),
}
