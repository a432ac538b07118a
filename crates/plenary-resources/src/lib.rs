//! The resource bank civil society curates around a policy process — analyses, reports,
//! testimony, letters, talking points, petitions, videos — with a moderation queue for the
//! public's suggestions, relevance search, import of the plain-text listings campaign pages
//! publish, and exports to CSL-JSON, BibTeX and Markdown.
//!
//! A [`Resource`] names its authors as [`plenary_core::ActorId`]s where they are known actors
//! (or as names, such as `"Various"`), its link is a [`plenary_core::Link`] that can never be a
//! script, and its related events, documents and petitions are ids, so the facade `plenary` can
//! tie it to the rest of a dataset. A [`ResourceBank`] indexes resources as they are added (term
//! → postings), so a search costs what its words cost, not what the bank holds.
//!
//! ```
//! use plenary_resources::{ListingOptions, Query, ResourceBank, Suggestion, import_listing, to_bibtex};
//!
//! let listing = "Policy Analyses\n\
//!     Dominant Telcos Try to End Net Neutrality Through ITU - La Quadrature du Net\n\
//!     An analysis of ETNO's proposed amendments and Net neutrality.\n";
//! let import = import_listing(listing, &ListingOptions::default());
//! let mut bank = ResourceBank::from_resources(Vec::new(), import.resources)?;
//! let hits = bank.search(&Query::new("net neutrality").section("policy analyses"));
//! assert_eq!(hits[0].resource.title, "Dominant Telcos Try to End Net Neutrality Through ITU");
//!
//! let sent = bank.submit(&Suggestion {
//!     title: "WCIT leaks".into(), link: "https://wcitleaks.org/".into(), ..Suggestion::default()
//! })?;
//! let id = sent.id;
//! bank.approve(id, "wcitleaks".parse()?)?;
//! assert!(to_bibtex(bank.resources(), &[]).contains("@misc{wcitleaks,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What is in it
//!
//! | item | what |
//! |---|---|
//! | [`Resource`], [`ResourceKind`], [`Author`] | the model |
//! | [`ResourceBank`], [`Suggestion`], [`Submission`], [`ModerationState`] | the bank and its moderation queue (pending → approved / rejected with a reason / duplicate of a resource by canonical link) |
//! | [`Query`], [`Hit`] | ranked search over title, description, authors and topics, with filters by kind, section, topic, author and language |
//! | [`import_listing`], [`import_listing_reporting`], [`to_listing`], [`ListingImport`], [`ListingSection`], [`UnparsedLine`] | the plain-text listing of resource bank pages (section headings, `Title - Author` lines, description lines) |
//! | [`to_csl_json`], [`to_bibtex`], [`to_markdown`] | bibliographic exports |
//! | [`ActorDirectory`] | authors as sources write them, matched to known actors |
//!
//! # Search
//!
//! Words are folded ([`plenary_core::fold()`]: Unicode case folding and accents, tone marks and
//! vowel signs off, in every script; then a possessive `'s` and a plural `s` dropped)
//! in the index and in queries alike, so `NÉT Neutralities` finds `net neutrality`. A resource's
//! score sums, over the query words it holds, the word's rarity (BM25 idf) times its weight in
//! the resource — three times in the title, twice in the authors or topics, once in the
//! description, saturating with repeats — and is scaled by the square of the share of query
//! words it holds, so a resource with every word comes before one with a rarer half.
//!
//! # JSON
//!
//! snake_case field names and enum values, empty optional fields omitted, unknown fields
//! refused, and [`Resource::validate`] applied to JSON as to code.
//!
//! The JSON shapes, the listing format and the exports are written down in
//! [docs/formats.md](https://github.com/plenary-rs/plenary/blob/main/docs/formats.md).

mod author;
mod bank;
mod bibtex;
mod csl;
mod error;
mod fold;
mod kind;
mod listing;
mod listing_line;
mod markdown;
mod moderation;
mod resource;
mod search;
mod unique_id;

pub use author::{ActorDirectory, Author};
pub use bank::ResourceBank;
pub use bibtex::to_bibtex;
pub use csl::{csl_type, to_csl_json};
pub use error::Error;
pub use kind::ResourceKind;
pub use listing::{
    ListingImport, ListingOptions, ListingSection, UnparsedLine, import_listing,
    import_listing_reporting, to_listing,
};
pub use markdown::to_markdown;
pub use moderation::{
    MAX_REASON_CHARS, MAX_SUGGESTION_DESCRIPTION_CHARS, MAX_SUGGESTION_TITLE_CHARS,
    MAX_SUGGESTION_URLS, MIN_SUGGESTION_TITLE_CHARS, ModerationState, Submission, Suggestion,
    SuggestionId,
};
pub use resource::{MAX_DESCRIPTION_CHARS, MAX_LIST_LEN, Resource};
pub use search::{Hit, Query};

/// The resources grouped by section, sections in the order they first appear.
fn sections(resources: &[Resource]) -> Vec<(Option<&str>, Vec<&Resource>)> {
    let mut groups: Vec<(Option<&str>, Vec<&Resource>)> = Vec::new();
    for r in resources {
        let section = r.section.as_ref().map(|s| s.as_str());
        match groups.iter_mut().find(|(s, _)| *s == section) {
            Some((_, items)) => items.push(r),
            None => groups.push((section, vec![r])),
        }
    }
    let none = groups.iter().position(|(s, _)| s.is_none());
    if let Some(i) = none {
        let group = groups.remove(i);
        groups.push(group);
    }
    groups
}

/// The examples of the crate's README, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
