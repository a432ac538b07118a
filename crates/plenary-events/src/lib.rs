//! `plenary-events` will model the **events** of a policy process: conferences, regional preparatory meetings, plenaries, forums and the deadlines for contributions to them.
//!
//! It is part of [plenary](https://github.com/plenary-rs/plenary) and builds on
//! [`plenary_core`], whose identifiers, dates, places, actors and links it uses.
//!
//! # Status
//!
//! **This release has no API yet.** The crate exists so that the workspace, its names and its
//! dependency graph are in place; nothing here pretends to work. Its scope, tracked in the
//! project's issue 3, is:
//!
//! - `Event`: kind, series, organisers, dates as a `plenary_core::DateSpan` (an unknown end is representable), times with an IANA time zone, place or online, status, parent event, agenda items citing documents, deadlines, links, tags;
//! - date phrases as people write them (`September 14-?`, `3-14 December 2012`, `25-27 Feb 13`) parsed to a `DateSpan` with a context year;
//! - a calendar: timeline order, upcoming events, events between two dates, children of an event, deadlines due;
//! - iCalendar (RFC 5545) and schema.org `Event` JSON-LD export.
