//! The plenary data model in a real database: **SQLite** (embedded, a single file, the default)
//! or **PostgreSQL** (a `postgres://` URL; runs on Citus too), through one API.
//!
//! A [`Store`] holds
//! - a whole [`Dataset`](plenary::Dataset): [`import`](Store::import) validates it first and
//!   refuses it whole, listing every problem and writing nothing;
//!   [`export`](Store::export) gives back the same JSON; items come back by typed id
//!   ([`event`](Store::event), [`petition`](Store::petition)…), events between dates
//!   ([`events_between`](Store::events_between)) and resources by search
//!   ([`search_resources`](Store::search_resources));
//! - the resource bank's moderation queue: [`submit`](Store::submit), [`pending`](Store::pending),
//!   [`approve`](Store::approve), [`reject`](Store::reject), duplicates found by canonical link;
//! - each petition's signatures as an append-only log ([`sign`](Store::sign)), counted through
//!   the petitions crate's `Tally` ([`count`](Store::count), [`recount`](Store::recount),
//!   [`history`](Store::history)) — never a counter row updated per signature.
//!
//! Migrations are part of the crate and run on [`open`](Store::open); a database written by a
//! newer version is refused with [`Error::NewerSchema`].
//!
//! ```
//! # tokio::runtime::Runtime::new()?.block_on(async {
//! use plenary::Dataset;
//! use plenary_store::Store;
//!
//! let dir = std::env::temp_dir().join(format!("plenary-store-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let store = Store::open(dir.join("plenary.db").to_str().expect("a UTF-8 path")).await?;
//!
//! let dataset = Dataset::from_json(r#"{
//!     "schema_version": 1,
//!     "actors": [{"id": "itu", "name": "International Telecommunication Union", "kind": "un_body"}],
//!     "petitions": [{"id": "stop-the-net-grab", "kind": "petition", "title": "Stop the net grab",
//!                    "text": {"lang": "en", "text": "Keep the internet open."}, "sponsors": ["itu"], "status": "open"}]
//! }"#)?;
//! store.import(&dataset).await?;
//! assert_eq!(store.export().await?, dataset);
//!
//! let petition = "stop-the-net-grab".parse()?;
//! let report = store.sign(&petition, br#"{"name": "Ana", "email": "ana@example.org", "country": "BR", "signed_at": "2012-12-13T15:00:00Z"}
//! {"name": "Ana", "email": "ANA@example.org", "signed_at": "2012-12-13T16:00:00Z"}
//! {"name": "Bo", "email": "not an email", "signed_at": "2012-12-13T16:00:00Z"}
//! "#).await?;
//! assert_eq!((report.stored, report.rejected, report.errors[0].line), (2, 1, 3));
//! let count = store.count(&petition).await?;
//! assert_eq!((count.counted, count.duplicates), (1, 1));
//! assert_eq!(store.recount(&petition).await?, count);
//! # store.close().await;
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Storage
//!
//! Dataset items are rows of their JSON (`body`) with their id and position, plus the columns
//! queries need: an event's first and last day, a resource's canonical link. Submissions are
//! rows of their JSON with their state. Signatures are rows of `signature_log`, `(seq,
//! petition, batch, line, state, signer, signer_key, record)`: `record` is the NDJSON line as
//! received and `signer` the canonical email — both private, used for de-duplication and
//! confirmation only; what the store returns for public use (tallies, public counts,
//! histories) holds neither.
//!
//! `signer_key` is what a signer's rows are found by (an index of eight bytes a row): the
//! FNV-1a 64 hash of the canonical email's UTF-8 bytes as a signed integer, computed by
//! [`signer_key`], the same on every platform and version. Rows written by schema version 1
//! have none, and are found through a partial index of `(petition, signer)` that holds only
//! them.

mod dataset;
mod error;
// The unit tests share the integration tests' databases (a fresh PostgreSQL database when the
// tests have a server, required under CI); that module names this crate as they do.
#[cfg(test)]
extern crate self as plenary_store;
mod moderation;
mod rows;
mod signatures;
mod signer_key;
mod store;
#[cfg(test)]
#[path = "../tests/support/mod.rs"]
mod test_support;

pub use error::Error;
pub use signatures::{BATCH_LINES, SignReport};
pub use signer_key::signer_key;
pub use store::{Backend, Store};
