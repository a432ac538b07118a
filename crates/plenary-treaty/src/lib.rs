//! Treaty texts as the ITU and the UN write them — resolutions, draft resolutions,
//! Recommendations, treaty instruments with margin numbers, chapters and appendices, UN-system
//! resolutions, and proposals with ADD/MOD/SUP/NOC marks — read from plain text with no markup,
//! cross-referenced, diffed and exported to Akoma Ntoso 3.0, Markdown and HTML.
//!
//! ITU texts have a strict layout that carries their structure: a heading, a title, the issuing
//! conference, preamble keywords (`considering`, `noting that`), operative keywords (`resolves`,
//! `instructs the Secretary-General`), labelled clauses (`a)`, `1`, `i)`, `1.1`), articles with
//! numbered provisions, and proposal marks in the margin. Instruments such as the International
//! Telecommunication Regulations add margin numbers (`2 1.1 a) …`, `14A PP-06 bbis) …`),
//! chapters, dash lists and appendices; UN-system resolutions a header block, `80/16. Title` and
//! paragraphs that open with their keyword (`Recalling also …`, `1. Decides …`). [`parse`]
//! reads all of it in one linear pass, in the six UN languages ([`Language`]), and keeps every
//! line it cannot place.
//!
//! ```
//! use plenary_treaty::{Keyword, MarkAction, CrossReferenceKind, parse, render};
//!
//! let text = "ADD B2/49/1\n\
//!     Special measures for landlocked developing countries\n\
//!     The World Conference on International Telecommunications (Dubai, 2012),\n\
//!     recalling\n\
//!     a) Resolution 65/172 of 20 December 2010 of the United Nations General Assembly;\n\
//!     b) Resolution 30 (Rev. Guadalajara, 2010) of the Plenipotentiary Conference,\n\
//!     resolves\n\
//!     1 to take special measures.\n";
//! let doc = parse(text);
//! assert_eq!(doc.mark.as_ref().map(|m| m.action), Some(MarkAction::Add));
//! assert_eq!(doc.preamble[0].keyword, Some(Keyword::Recalling));
//! assert_eq!(doc.preamble[0].clauses.len(), 2);
//! assert_eq!(doc.references[0].kind, CrossReferenceKind::UnResolution);
//! assert_eq!(doc.references[1].year, Some(2010));
//! assert_eq!(parse(&render(&doc)), doc);
//! ```
//!
//! # What is in it
//!
//! | item | what |
//! |---|---|
//! | [`Document`], [`Section`], [`Clause`], [`Article`], [`ProposalMark`], [`Keyword`] | the model |
//! | [`Division`], [`Appendix`], [`ListItem`], [`Metadata`], [`Footnote`] | instruments and UN texts |
//! | [`Language`] | the six UN languages whose words the parser knows |
//! | [`parse`], [`parse_strict`], [`Document::diagnostics`] | plain text in ITU layout, in one linear pass |
//! | [`render`] | canonical text, with `parse(render(doc)) == doc` |
//! | [`find_references`], [`CrossReference`] | ITU and UN resolutions, Recommendations, study groups, conferences |
//! | [`diff`], [`propose`] | clause-level changes, and ITU proposals with ADD/MOD/SUP/NOC marks |
//! | [`apply`], [`Modification`], [`Misfit`] | a proposal applied to its base, matched by margin number or article and label, with the record of each change, or refused whole |
//! | [`compile`], [`Compilation`] | every proposal on each provision side by side, as JSON, Markdown or HTML |
//! | [`to_akn`], [`to_markdown`], [`to_html`] | Akoma Ntoso 3.0 XML, Markdown, escaped HTML |
//!
//! # JSON
//!
//! Every type is serde-serialisable with snake_case names; empty optional fields are omitted.
//! The names are those of plenary's contract: `kind`, `number`, `title`, `issuer`, `revised`,
//! `mark` (`{action, reference}`), `preamble` and `operative` (sections with `keyword`,
//! `phrase`, `addressee`, `clauses`, `inline`), clauses with `num`, `text`, `clauses`, `margin`,
//! `revised_by`, `suppressed`, `items`, `divisions`, `articles` with `num`, `heading`,
//! `provisions`, `divisions`, `appendices`, `metadata`, `preamble_heading`, `closing`,
//! `adoption`, `footnotes`, `running_heads`, `references` with `kind` and `text`, and the diff's
//! `{"changes": [{"part", "section", "num", "change", "old", "new"}]}`. An amended text has
//! `modifications` (`{mark, part, section, path, margin, old, new}`); a compilation is
//! `{"sources", "provisions": [{part, section, path, margin, text, proposals: [{source, mark,
//! text, misfit}]}]}`.

mod akn;
mod apply;
mod compile;
mod diff;
mod document;
mod error;
mod heading;
mod html;
mod keyword;
mod label;
mod lang;
mod lines;
mod locate;
mod mark;
mod markdown;
mod modification;
mod normalize;
mod order;
mod parse;
mod proposal;
mod reference;
mod render;
mod structure;

pub use akn::to_akn;
pub use apply::apply;
pub use compile::{Compilation, CompiledProposal, CompiledProvision, compile};
pub use diff::{Change, ChangeKind, Diff, WordEdit, diff};
pub use document::{
    Appendix, AppendixKind, Article, Clause, Division, DivisionKind, Document, DocumentKind,
    DocumentPart, Footnote, ListItem, Metadata, Revision, RevisionStatus, Section, Session,
    UnplacedLine,
};
pub use error::{Error, Misfit};
pub use html::to_html;
pub use keyword::Keyword;
pub use lang::Language;
pub use mark::{MarkAction, ProposalMark};
pub use markdown::to_markdown;
pub use modification::{Modification, ModificationKind};
pub use parse::{MAX_CLAUSE_DEPTH, MAX_UNPLACED, parse, parse_strict};
/// A line the parser could not place: the one diagnostic type of plenary, re-exported.
pub use plenary_core::Diagnostic;
pub use proposal::{MAX_REFERENCE_LEN, ProposalOptions, check_reference, propose};
pub use reference::{CrossReference, CrossReferenceKind, find_references};
pub use render::render;

/// The examples of the crate's README, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
