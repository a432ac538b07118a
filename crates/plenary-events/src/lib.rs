//! The events of a policy process — conferences, regional preparatory meetings, plenaries,
//! forums and the deadlines for contributions to them — with the vague dates real calendars give
//! (`September 14-?`, `25-27 Feb 13`), a calendar over them, and exports to iCalendar and
//! schema.org JSON-LD.
//!
//! Campaign pages announce meetings in phrases, before their dates or places are settled; this
//! crate keeps exactly what is known. An [`Event`]'s days are a [`plenary_core::DateSpan`]
//! whose end may be unknown, or no span at all while nobody has announced them; its organisers
//! are [`plenary_core::ActorId`]s and its agenda cites [`plenary_core::DocumentId`]s, so the
//! facade `plenary` can tie them to actors and treaty texts. Every value is checked when it is
//! made, by code and JSON alike, and every refusal is an [`Error`] that quotes the input.
//!
//! ```
//! use plenary_events::{Calendar, Deadline, Event, EventKind, parse_date_phrase, to_ics};
//!
//! let mut wcit = Event::new("wcit-12".parse()?, "WCIT-12", EventKind::Conference)?;
//! wcit.when = Some(parse_date_phrase("December 3-14", Some(2012))?);
//! wcit.deadlines.push(Deadline::new("2012-11-03".parse()?, "contributions"));
//! let mut rcc = Event::new("rcc".parse()?, "RCC regional meeting", EventKind::PreparatoryMeeting)?;
//! rcc.when = Some(parse_date_phrase("September 14-?", Some(2012))?);
//!
//! let calendar = Calendar::new(vec![wcit, rcc])?;
//! assert_eq!(calendar.timeline()[0].id, "rcc");
//! let due = calendar.deadlines_due("2012-11-01".parse()?, "2012-11-30".parse()?);
//! assert_eq!(due[0].deadline.to_string(), "contributions due by 2012-11-03");
//!
//! let ics = to_ics(calendar.timeline(), "2012-11-01T00:00:00Z".parse()?);
//! assert!(ics.text.contains("DTEND;VALUE=DATE:20121215\r\n"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What is in it
//!
//! | item | what |
//! |---|---|
//! | [`Event`], [`EventKind`], [`EventStatus`], [`EventTimes`], [`AgendaItem`], [`Deadline`] | the model |
//! | [`parse_date_phrase`], [`read_date_phrase`], [`format_date_phrase`] | date phrases as people write them, to and from a `DateSpan` |
//! | [`find_dates`], [`FoundDate`], [`DateMention`], [`DateContext`], [`Language`] | every date mention in running text, in the six UN languages |
//! | [`Calendar`] | timeline order, upcoming, between, children, deadlines due |
//! | [`to_ics`], [`to_ics_feed`], [`IcsFeed`] | iCalendar (RFC 5545) feeds: zones, daily hours, revisions, RFC 7986 names |
//! | [`to_json_ld`] | schema.org `Event` JSON-LD |
//!
//! # JSON
//!
//! snake_case field names and enum values, empty optional fields omitted, unknown fields
//! refused; dates are EDTF strings (`"2012-09-14/"`), ids, links and tags plain strings.

mod agenda;
mod calendar;
mod date_context;
mod date_grammar;
mod date_mention;
mod date_phrase;
mod date_token;
mod deadline;
mod error;
mod event;
mod find_dates;
mod ics;
mod ics_writer;
mod jsonld;
mod lang;
mod vtimezone;

pub use agenda::AgendaItem;
pub use calendar::{Calendar, DueDeadline};
pub use date_context::{DateContext, NumericOrder};
pub use date_mention::DateMention;
pub use date_phrase::{format_date_phrase, parse_date_phrase, read_date_phrase};
pub use deadline::Deadline;
pub use error::Error;
pub use event::{Event, EventKind, EventStatus, EventTimes, Revision};
pub use find_dates::{FoundDate, find_dates};
pub use ics::{FeedContents, IcsExport, IcsFeed, to_ics, to_ics_feed};
pub use jsonld::to_json_ld;
pub use lang::Language;

/// The examples of the crate's README, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
