//! `plenary-resources` will model the **resource bank** civil society curates around a policy process: analyses, reports, testimony, letters, talking points, videos.
//!
//! It is part of [plenary](https://github.com/plenary-rs/plenary) and builds on
//! [`plenary_core`], whose identifiers, dates, places, actors and links it uses.
//!
//! # Status
//!
//! **This release has no API yet.** The crate exists so that the workspace, its names and its
//! dependency graph are in place; nothing here pretends to work. Its scope, tracked in the
//! project's issue 4, is:
//!
//! - `Resource`: title, authors or publisher, description, link, kind, section, topics, languages, published date, related events, documents and petitions;
//! - a bank with a moderation queue for public suggestions (pending, approved, rejected, duplicate);
//! - search ranked by relevance, case- and accent-insensitive, with filters;
//! - import of plain-text resource listings and export to CSL-JSON, BibTeX and Markdown.
