//! `plenary-petitions` will model the **petitions**, sign-on letters and open letters people sign during a policy process, and the signatures on them.
//!
//! It is part of [plenary](https://github.com/plenary-rs/plenary) and builds on
//! [`plenary_core`], whose identifiers, dates, places, actors and links it uses.
//!
//! # Status
//!
//! **This release has no API yet.** The crate exists so that the workspace, its names and its
//! dependency graph are in place; nothing here pretends to work. Its scope, tracked in the
//! project's issue 6, is:
//!
//! - `Petition`: kind, title, text and demands, targets, sponsors, dates, status, goal and milestones;
//! - `Signature`: a person or an organisation, consent flags, origin and verification, with emails kept out of every public view by the types;
//! - a streaming, mergeable tally over signatures read from NDJSON: unique signers, duplicates, rejections with line numbers, counts by country, milestones;
//! - public exports in the shape petition sites publish and OSDI JSON.
