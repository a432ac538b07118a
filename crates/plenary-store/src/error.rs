//! The errors of the store.

use plenary::Problems;

/// What can go wrong opening, reading or writing a store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database could not be opened or reached.
    #[error(
        "cannot open the store at {location}: {source}; expected a SQLite file path or a postgres:// URL"
    )]
    Open {
        /// The file or URL (without its password).
        location: String,
        /// What the driver said.
        source: sqlx::Error,
    },

    /// The database was written by a newer version of this crate.
    #[error(
        "the store at {location} has schema version {found}, written by a newer plenary-store; \
         this version reads schema versions up to {supported}: upgrade plenary-store"
    )]
    NewerSchema {
        /// The file or URL (without its password).
        location: String,
        /// The newest migration the database has.
        found: i64,
        /// The newest migration this crate knows.
        supported: i64,
    },

    /// Running the migrations failed.
    #[error("cannot migrate the store at {location}: {source}")]
    Migrate {
        /// The file or URL (without its password).
        location: String,
        /// What the migrator said.
        source: sqlx::migrate::MigrateError,
    },

    /// A query failed.
    #[error("database error while {doing}: {source}")]
    Database {
        /// What the store was doing, such as `"importing the dataset"`.
        doing: String,
        /// What the driver said.
        source: sqlx::Error,
    },

    /// A dataset was refused whole because it does not hold together; nothing was written.
    #[error("the dataset was refused whole and nothing was written; it has {count} problem(s):\n{0}", count = .0.0.len())]
    Invalid(Problems),

    /// A row holds JSON this version cannot read back.
    #[error("stored {part} {id:?} cannot be read back: {message}")]
    Corrupt {
        /// The table, such as `"events"`.
        part: &'static str,
        /// The row's id.
        id: String,
        /// What was wrong.
        message: String,
    },

    /// An id, link or other value of the model is invalid.
    #[error(transparent)]
    Model(#[from] plenary::core::Error),

    /// A suggestion or resource was refused by the resource bank's checks.
    #[error(transparent)]
    Resources(#[from] plenary::resources::Error),

    /// The thing named is not in the store.
    #[error("no {kind} {id:?} in the store")]
    NotFound {
        /// What was looked for, such as `"petition"`.
        kind: &'static str,
        /// The id given.
        id: String,
    },

    /// A moderation decision on a suggestion that is no longer pending.
    #[error("suggestion #{id} is {state}; expected a pending suggestion")]
    NotPending {
        /// The suggestion's number.
        id: i64,
        /// Where it stands.
        state: String,
    },

    /// A rejection without a usable reason.
    #[error(
        "rejection of suggestion #{id}: the reason is {chars} characters long; expected 1 to \
         {max}: say why",
        max = plenary::resources::MAX_REASON_CHARS
    )]
    InvalidReason {
        /// The suggestion's number.
        id: u64,
        /// The length of the reason as given, trimmed.
        chars: usize,
    },

    /// An approval would add a resource whose id is already in the store.
    #[error("resource {id:?} is already in the store; expected a new resource id")]
    DuplicateResource {
        /// The id.
        id: String,
    },

    /// An approval found the suggestion's link already in the bank; the suggestion is now a
    /// duplicate.
    #[error(
        "suggestion #{id}: {link} is already in the bank as resource {existing:?}; the suggestion \
         is now marked a duplicate of it"
    )]
    DuplicateLink {
        /// The suggestion's number.
        id: i64,
        /// The link, in canonical form.
        link: String,
        /// The resource that has it.
        existing: String,
    },

    /// A signature, an email or a rule was refused by the petitions crate.
    #[error(transparent)]
    Petitions(#[from] plenary::petitions::Error),

    /// A thread panicked while holding the running counts; the store cannot trust them.
    #[error("the running counts were poisoned by a panic in another thread; reopen the store")]
    Poisoned,

    /// A signatures input could not be read.
    #[error("cannot read signatures: {0}")]
    Read(#[from] std::io::Error),
}

impl Error {
    pub(crate) fn db(doing: impl Into<String>) -> impl FnOnce(sqlx::Error) -> Self {
        let doing = doing.into();
        move |source| Self::Database { doing, source }
    }
}
