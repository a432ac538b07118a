//! plenary models the public side of international policy processes — the events of a treaty
//! negotiation, the resource bank civil society curates around it, the treaty texts and the
//! petitions people sign — so that the tools of the people who follow and contest those processes
//! can share one data model, in Rust and, through JSON, in any language.
//!
//! This is the facade crate: it re-exports the domain crates under short names and carries the
//! embedded WCIT-12 (World Conference on International Telecommunications, Dubai 2012) story in
//! [`datasets`].
//!
//! ```
//! use plenary::core::ActorKind;
//!
//! let actors = plenary::datasets::wcit12_actors();
//! let itu = actors.iter().find(|a| a.id == "itu").expect("the ITU is in the story");
//! assert_eq!(itu.kind, ActorKind::UnBody);
//! assert_eq!(itu.country.map(|c| c.name()), Some("Switzerland"));
//! ```
//!
//! | module | crate | what it models |
//! |---|---|---|
//! | [`core`] | `plenary-core` | identifiers, EDTF dates and spans, countries, places, actors, text, links, tags |
//! | [`events`] | `plenary-events` | conferences, meetings, deadlines, date phrases, calendars, iCalendar, JSON-LD |
//! | [`resources`] | `plenary-resources` | the resource bank: moderation, search, listing import, CSL-JSON, BibTeX, Markdown |
//! | [`treaty`] | `plenary-treaty` | resolutions, proposals, revisions: parsed, diffed, cross-referenced, exported to Akoma Ntoso |
//! | [`petitions`] | `plenary-petitions` | petitions, sign-on letters, private signatures, a streaming mergeable tally |
//!
//! The formats plenary reads and writes (the dataset JSON, record keys, EDTF dates, signatures
//! NDJSON, …) are written down in [docs/formats.md](https://github.com/plenary-rs/plenary/blob/main/docs/formats.md); the examples' command-line contract in
//! [docs/command-line.md](https://github.com/plenary-rs/plenary/blob/main/docs/command-line.md).

mod dataset;
pub mod datasets;
mod error;
mod problem;

pub use dataset::{Dataset, SCHEMA_VERSION, Source};
pub use error::Error;
pub use plenary_core::{RecordKey, RecordKind};
pub use problem::{Problem, Problems};

pub use plenary_core as core;
pub use plenary_events as events;
pub use plenary_petitions as petitions;
pub use plenary_resources as resources;
pub use plenary_treaty as treaty;
