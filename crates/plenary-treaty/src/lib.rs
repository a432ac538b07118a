//! `plenary-treaty` will model the **treaty texts** of a negotiation: resolutions, draft resolutions, proposals with ADD/MOD/SUP/NOC marks and their revisions.
//!
//! It is part of [plenary](https://github.com/plenary-rs/plenary) and builds on
//! [`plenary_core`], whose identifiers, dates, places, actors and links it uses.
//!
//! # Status
//!
//! **This release has no API yet.** The crate exists so that the workspace, its names and its
//! dependency graph are in place; nothing here pretends to work. Its scope, tracked in the
//! project's issue 5, is:
//!
//! - `Document`: kind, symbol, number, title, issuer, revision status, preamble and operative sections, labelled clauses, articles and provisions with proposal marks;
//! - a parser for plain text in ITU layout that needs no markup and keeps every line it cannot place as a diagnostic;
//! - extraction of cross-references (ITU and UN General Assembly resolutions, Recommendations, study groups, conferences);
//! - clause-level diffs between versions, proposals written from a diff, and Akoma Ntoso 3.0, Markdown and HTML export.
