//! placeholder

mod author;
mod bank;
mod bibtex;
mod csl;
mod error;
mod fold;
mod kind;
mod listing;
mod markdown;
mod moderation;
mod resource;
mod search;

pub use author::{ActorDirectory, Author};
pub use bank::ResourceBank;
pub use bibtex::to_bibtex;
pub use csl::{csl_type, to_csl_json};
pub use error::Error;
pub use kind::ResourceKind;
pub use listing::{ListingImport, ListingOptions, UnparsedLine, import_listing, to_listing};
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
