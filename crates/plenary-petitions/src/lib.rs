//! Petitions, sign-on letters and open letters, the signatures on them, and a fast, private,
//! mergeable count of those signatures.
//!
//! Campaigns around a treaty negotiation gather signatures in many places — a web form, an
//! email inbox for a sign-on letter, a partner's site — and have to answer the same questions:
//! how many people signed, from where, when did the count pass 500,000, which lines of an export
//! were broken. This crate models the [`Petition`] and its [`Signature`]s, keeps emails out of
//! every public view by construction ([`PublicSignature`], [`SignOnList`], [`PublicCount`] have
//! no field that could hold one), follows each signature's life (pending, confirmed,
//! invalidated, fraudulent, withdrawn), and counts signatures with a [`Tally`] that streams,
//! de-duplicates signers by [`CanonicalEmail`], merges across shards and runs on every core.
//!
//! ```
//! use plenary_petitions::{Tally, tally_parallel};
//!
//! let ndjson = "\u{feff}{\"name\": \"Ana\", \"email\": \"a.n.a@googlemail.com\", \"country\": \"BR\", \"signed_at\": \"2012-12-13T19:00:00+04:00\"}\r\n\
//!               {\"name\": \"Ana\", \"email\": \"ana+itu@gmail.com\", \"country\": \"PT\", \"signed_at\": \"2012-12-13T16:00:00Z\"}\r\n\
//!               \r\n\
//!               {\"name\": \"Bo\", \"email\": \"bo@example.org\", \"country\": \"UK\", \"signed_at\": \"2012-12-13T16:00:00Z\"}\n";
//! let mut tally = Tally::with_milestones([1]);
//! tally.add_ndjson(ndjson.as_bytes());
//!
//! let json = serde_json::to_string(&tally.report())?;
//! assert_eq!(json, r#"{"lines":3,"counted":1,"duplicates":1,"rejected":1,"by_country":{"BR":1},"milestones":[{"threshold":1,"reached_at":"2012-12-13T15:00:00Z"}],"errors":[{"line":4,"reason":"country \"UK\" is not an assigned ISO 3166-1 alpha-2 code; expected a code such as \"GB\", or null"}]}"#);
//!
//! // Several threads give the same answer.
//! assert_eq!(tally_parallel(ndjson.as_bytes(), &[1], 2).report(), tally.report());
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Formats
//!
//! - Reads signatures NDJSON, one JSON object a line:
//!   `{"name": "…", "email": "…", "country": "GB", "signed_at": "2012-12-13T19:00:00Z", "organization": "…", "state": "pending"}`,
//!   with a UTF-8 BOM, CRLF line ends and blank lines accepted; `state` (a [`SignatureState`])
//!   absent or null means confirmed. Every other line is counted, counted as a duplicate,
//!   counted under its state (only confirmed signatures count), or rejected with its line
//!   number and a [`Rejection`] (an unknown state rejects the line).
//! - Writes the tally JSON ([`TallyReport`]): lines = counted + duplicates + rejected + the sum
//!   of `states`; the first rejected lines listed with reasons that never show an email
//!   address, the rest counted by kind. The count history ([`History`]) as JSON or CSV; the
//!   public count petition sites publish ([`PublicCount`]: `signature_count`,
//!   `signatures_by_country`); OSDI petition and signature JSON ([`OsdiPetition`],
//!   [`OsdiSignature`]).
//! - [`Petition`], [`Signature`], [`SignatureBook`] and [`Invalidation`] are serde types:
//!   snake_case, empty optional fields omitted, unknown fields refused.
//!
//! # The life of a signature
//!
//! A [`SignatureBook`] holds a petition's signatures with their [`SignatureState`] and every
//! [`StateChange`]: confirmation, withdrawal by the signer, [`Invalidation`] rules applied in
//! bulk (reporting how many signatures they matched and invalidated, and undoable), and
//! anonymisation after a retention period that keeps every count. Anything that holds
//! signatures — the book, a database — feeds a [`Tally`] record by record with
//! [`Tally::add`].
//!
//! # Memory and fingerprints
//!
//! A tally keeps no emails: each unique signer is a 64-bit XXH3 fingerprint of the
//! canonical email, the winning signature's time and its line and country, 24 bytes in tables
//! kept 53-80 % full — 30 to 45 bytes per signer. Two different addresses share a fingerprint
//! with probability 2⁻⁶⁴; among ten million signers the chance of any collision is about
//! 3 × 10⁻⁶, and a collision would count two signers as one.

// The tally's layers, lowest first; a module only uses those above it in this list:
// thread pool, block reader and file map → signer table → line reader → batching → tally →
// report.
mod batching;
mod block_reader;
mod histogram;
mod history;
mod line_counts;
mod line_reader;
mod mapped;
mod report;
mod signer_table;
mod tally;
mod thread_pool;

mod country_index;
mod email;
mod error;
mod fast_line;
mod invalidation;
mod line_parser;
mod ndjson;
mod osdi;
mod petition;
mod public;
mod signature;
mod signature_book;
mod state;

pub use email::{CanonicalEmail, Email};
pub use error::Error;
pub use history::{History, HistoryPoint};
pub use invalidation::{Invalidation, InvalidationReport, InvalidationRule, Verdict};
pub use line_counts::{DEFAULT_ERROR_LIMIT, LineError};
pub use line_parser::{LineParser, ParsedLine};
pub use ndjson::Rejection;
pub use osdi::{OsdiAddress, OsdiPerson, OsdiPetition, OsdiSignature, OsdiTarget};
pub use petition::{Milestone, Petition, PetitionKind, PetitionStatus, ReportedCount, Target};
pub use public::{PublicCount, PublicSignature, SignOnList, SignerKind};
pub use report::{MilestoneReached, Period, ReportedError, SeriesPoint, TallyReport};
pub use signature::{Consent, Organization, Person, Signature, Signer, Verification};
pub use signature_book::{
    ANONYMISED_NAME, AppliedInvalidation, SignatureBook, SignatureEntry, Undoing,
};
pub use state::{SignatureState, StateChange};
pub use tally::{LineOutcome, SignatureRecord, Tally, tally_parallel};

/// Parses a milestone list such as `"1000,10000,100000"`: thresholds sorted, repeats dropped.
///
/// # Errors
///
/// [`Error::InvalidMilestones`] naming the first item that is not a positive whole number.
///
/// ```
/// assert_eq!(plenary_petitions::parse_milestones("1000, 500")?, vec![500, 1000]);
/// assert!(plenary_petitions::parse_milestones("1000,ten").is_err());
/// # Ok::<(), plenary_petitions::Error>(())
/// ```
pub fn parse_milestones(list: &str) -> Result<Vec<u64>, Error> {
    let mut thresholds = list
        .split(',')
        .map(|item| match item.trim().parse::<u64>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(Error::InvalidMilestones {
                list: list.to_owned(),
                item: item.trim().to_owned(),
            }),
        })
        .collect::<Result<Vec<u64>, Error>>()?;
    thresholds.sort_unstable();
    thresholds.dedup();
    Ok(thresholds)
}

/// The examples of the crate's README, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
