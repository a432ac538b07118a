//! The shared vocabulary of [plenary]: the small, always-valid values every other plenary crate
//! is built from.
//!
//! Policy processes are tracked by many hands — campaign sites, archives, tools in other
//! languages — and their data only stays usable if its smallest parts mean the same everywhere.
//! This crate defines those parts once: typed identifiers ([`EventId`], [`ActorId`], …), dates
//! known to the year, month or day ([`PartialDate`]) and spans whose end may be unknown
//! ([`DateSpan`]) in EDTF, [`Country`] codes checked against ISO 3166-1, [`Place`]s,
//! [`Actor`]s, multilingual [`Text`] with BCP 47 [`LanguageTag`]s, [`Link`]s that can never be
//! scripts, [`Tag`]s and [`Name`]s. Every value is checked when it is made — by a constructor,
//! `FromStr` or serde alike — so a value you hold is a valid one, and every refusal is an
//! [`Error`] that quotes the input and says what was expected.
//!
//! ```
//! use plenary_core::{Actor, ActorKind, Country, DateSpan, Place, SpanEnd};
//!
//! // The RCC regional meeting: "September 14-?" in Kiev.
//! let when: DateSpan = "2012-09-14/".parse()?;
//! assert_eq!(when.end(), SpanEnd::Unknown);
//! let place = Place::in_city("Kiev", Country::new("UA")?)?;
//! assert_eq!(place.to_string(), "Kiev, Ukraine");
//!
//! // Actors come from JSON as often as from code, with the same checks.
//! let rcc: Actor = serde_json::from_str(
//!     r#"{"id": "rcc", "name": "Regional Commonwealth in the field of Communications",
//!         "acronym": "RCC", "kind": "regional_telecom_organization"}"#,
//! )?;
//! assert_eq!(rcc.short_name(), "RCC");
//!
//! // Bad input is an error that says what and where.
//! let err = serde_json::from_str::<DateSpan>(r#""2012-12-14/2012-12-03""#).unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "invalid date span: it ends (2012-12-03) before it starts (2012-12-14); \
//!      expected an end on or after the start at line 1 column 23"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # JSON
//!
//! Every type is serde-serialisable in the conventions of plenary's JSON: snake_case field names
//! and enum values, empty optional fields omitted, unknown fields refused, identifiers, dates,
//! countries, language tags, links and tags as plain strings.
//! Every format is written down in [docs/formats.md](https://github.com/plenary-rs/plenary/blob/main/docs/formats.md).
//!
//! [plenary]: https://github.com/plenary-rs/plenary

mod actor;
mod country;
mod date_span;
mod diagnostic;
mod error;
mod escape;
pub mod fold;
mod id;
mod input;
mod language;
mod link;
mod name;
mod partial_date;
mod place;
mod reference;
mod tag;
mod text;
mod text_form;

pub use actor::{Actor, ActorKind};
pub use country::Country;
pub use date_span::{DateSpan, SpanEnd};
pub use diagnostic::Diagnostic;
pub use error::Error;
pub use escape::{html_escape, markdown_escape};
pub use fold::{fold, fold_case};
pub use id::{ActorId, DocumentId, EventId, MAX_ID_LEN, PetitionId, ResourceId, SourceId};
pub use input::{MAX_INPUT_BYTES, open_input, read_input, read_input_text, utf8_text};
pub use language::{ITU_LANGUAGES, LanguageTag};
pub use link::{Link, MAILTO_HEADERS, TRACKING_PARAMETERS};
pub use name::{MAX_NAME_CHARS, Name};
pub use partial_date::{MAX_YEAR, MONTH_NAMES, PartialDate, Precision, Qualifier, month_name};
pub use place::{GeoPoint, Place, TimeZone};
pub use reference::{
    RecordKey, RecordKind, RefPath, Reference, References, visit_list, visit_nested, visit_one,
    visit_option,
};
pub use tag::{MAX_TAG_CHARS, Tag};
pub use text::{Text, Translations};

/// Re-exported so that users name the same versions plenary uses.
pub use chrono;
/// Re-exported so that users name the same versions plenary uses.
pub use url;

/// The examples of the crate's README, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
