//! The one error type of `plenary-core`.

/// Everything that can be wrong with a value handed to `plenary-core`.
///
/// Each variant carries the offending value, where in it the problem is when that is known, and
/// what was expected, so that the message alone is enough to fix the input. When a value comes
/// from JSON, `serde_json` adds the line and column of the value to the message.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An identifier was the empty string.
    #[error("invalid {kind}: the identifier is empty; expected a slug such as \"wcit-12\"")]
    EmptyId {
        /// The identifier type, such as `"event id"`.
        kind: &'static str,
    },

    /// An identifier was longer than [`MAX_ID_LEN`](crate::MAX_ID_LEN) bytes.
    #[error("invalid {kind} {id:?}: it is {len} bytes long; expected at most 128 bytes")]
    IdTooLong {
        /// The identifier type, such as `"event id"`.
        kind: &'static str,
        /// The identifier as given.
        id: String,
        /// Its length in bytes.
        len: usize,
    },

    /// An identifier held a character that slugs do not allow.
    #[error(
        "invalid {kind} {id:?}: {found:?} at byte {position} is not allowed; expected {expected}"
    )]
    IdInvalidChar {
        /// The identifier type, such as `"event id"`.
        kind: &'static str,
        /// The identifier as given.
        id: String,
        /// The character that is not allowed.
        found: char,
        /// Its byte offset in `id`, counting from 0.
        position: usize,
        /// What may stand at that place.
        expected: &'static str,
    },

    /// A date or date span is not in the EDTF form plenary reads.
    #[error("invalid date {text:?}: {found} at column {column}; expected {expected}")]
    DateSyntax {
        /// The whole text that was being read.
        text: String,
        /// The column (1-based, in characters) where reading stopped.
        column: usize,
        /// What was found there, such as `"'x'"` or `"end of text"`.
        found: String,
        /// What would have been accepted there.
        expected: &'static str,
    },

    /// A date is well formed but does not exist, such as month 13 or February 30.
    #[error("invalid date {text:?}: {reason}")]
    DateOutOfRange {
        /// The date as given.
        text: String,
        /// Why it does not exist, such as `"day 30 does not exist in February 2013"`.
        reason: String,
    },

    /// A date span ends before it starts.
    #[error(
        "invalid date span: it ends ({end}) before it starts ({start}); expected an end on or after the start"
    )]
    SpanEndsBeforeStart {
        /// The start, in EDTF.
        start: String,
        /// The end, in EDTF.
        end: String,
    },

    /// A country code is not an assigned ISO 3166-1 alpha-2 code.
    #[error(
        "unknown country {code:?}: expected an assigned ISO 3166-1 alpha-2 code such as \"GB\" or \"AE\""
    )]
    UnknownCountry {
        /// The code as given.
        code: String,
    },

    /// A country name matched no ISO 3166-1 country name or common alias.
    #[error(
        "unknown country name {name:?}: expected an English country name such as \"Ghana\" or \"United Arab Emirates\""
    )]
    UnknownCountryName {
        /// The name as given.
        name: String,
    },

    /// A time zone name is not in the IANA time zone database.
    #[error("unknown time zone {name:?}: expected an IANA time zone name such as \"Asia/Dubai\"")]
    UnknownTimeZone {
        /// The name as given.
        name: String,
    },

    /// Geographic coordinates outside the globe.
    #[error("invalid coordinates ({latitude}, {longitude}): {reason}")]
    InvalidGeo {
        /// The latitude as given.
        latitude: f64,
        /// The longitude as given.
        longitude: f64,
        /// What is wrong, such as `"latitude must be between -90 and 90"`.
        reason: &'static str,
    },

    /// A language tag is not a well-formed BCP 47 tag.
    #[error(
        "invalid language tag {tag:?}: {reason}; expected a BCP 47 tag such as \"en\", \"fr\" or \"zh-Hans\""
    )]
    InvalidLanguageTag {
        /// The tag as given.
        tag: String,
        /// What the BCP 47 grammar found wrong.
        reason: String,
    },

    /// A link could not be read as a URL at all.
    #[error("invalid link {link:?}: {reason}; expected an absolute http, https or mailto URL")]
    InvalidLink {
        /// The link as given.
        link: String,
        /// What the URL parser found wrong.
        reason: String,
    },

    /// A link uses a scheme other than http, https or mailto.
    #[error(
        "refused link {link:?}: the scheme {scheme:?} is not allowed; expected http, https or mailto"
    )]
    UnsupportedLinkScheme {
        /// The link as given.
        link: String,
        /// Its scheme, lower-cased.
        scheme: String,
    },

    /// A `mailto:` link without an address.
    #[error(
        "invalid link {link:?}: a mailto link needs an address such as mailto:someone@example.org"
    )]
    MailtoWithoutAddress {
        /// The link as given.
        link: String,
    },

    /// A tag is not a lower-case slug.
    #[error(
        "invalid tag {tag:?}: {reason}; expected lower-case words joined by '-', such as \"net-neutrality\""
    )]
    InvalidTag {
        /// The tag as given.
        tag: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A name is empty or not a single line of text.
    #[error("invalid name {name:?}: {reason}")]
    InvalidName {
        /// The name as given.
        name: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A record key is not `"<part>/<id>"` with a known part.
    #[error(
        "invalid record key {key:?}: {reason}; expected \"<part>/<id>\" with part actors, \
         documents, events, petitions, resources or sources"
    )]
    InvalidRecordKey {
        /// The key as given.
        key: String,
        /// What is wrong with it.
        reason: String,
    },
}
