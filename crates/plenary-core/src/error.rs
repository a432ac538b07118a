//! The one error type of `plenary-core`.

use std::path::PathBuf;

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

    /// A `/`-separated segment of an identifier is empty, `.`, `..` or starts with punctuation,
    /// which would let the id climb out of a folder or alias another id where it names a file.
    #[error(
        "invalid {kind} {id:?}: the segment {segment:?} at byte {position} is not allowed; \
         expected each '/'-separated segment to start with a lower-case letter a-z or a digit 0-9 \
         (no empty, \".\" or \"..\" segment)"
    )]
    IdBadSegment {
        /// The identifier type, such as `"event id"`.
        kind: &'static str,
        /// The identifier as given.
        id: String,
        /// The segment, without its slashes (empty for `//` or a trailing `/`).
        segment: String,
        /// The byte offset in `id` where the segment starts, counting from 0.
        position: usize,
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

    /// An http or https link carries a user name or password before its host, which would be
    /// published with it, and which can make a link that looks like one site lead to another
    /// (`https://www.itu.int@evil.example/`).
    #[error(
        "refused link {link:?}: the part before '@' is a user name{password}, so the link leads to \
         host {host:?} and would publish it; expected a link without credentials, such as \
         \"https://{host}/\"",
        password = if *.has_password { " and password (shown as ***)" } else { "" }
    )]
    LinkWithCredentials {
        /// The link as given, its password (if any) replaced by `***`.
        link: String,
        /// Whether the link held a password.
        has_password: bool,
        /// The host the link really leads to.
        host: String,
    },

    /// A `mailto:` link names more than one address, or an address without a local part or
    /// domain.
    #[error(
        "invalid link {link:?}: {reason}; expected one address, such as mailto:someone@example.org"
    )]
    MailtoAddress {
        /// The link as given.
        link: String,
        /// What is wrong with the address.
        reason: String,
    },

    /// A `mailto:` link carries a header other than `subject` and `body`: `cc`, `bcc`, `to` and
    /// the like would copy in or write as someone the reader never sees.
    #[error(
        "refused link {link:?}: a mailto link may carry only \"subject\" and \"body\", not \
         {header:?}, which adds recipients or headers the reader does not see; expected \
         mailto:someone@example.org?subject=…&body=…"
    )]
    MailtoHeader {
        /// The link as given.
        link: String,
        /// The header name, percent-decoded and lower-cased.
        header: String,
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

    /// A file to read is not a regular file: a directory, a FIFO, a device or a socket.
    #[error(
        "cannot read {path:?}: it is {found}, not a regular file; expected a regular file (a \
         device or a FIFO can block or never end)"
    )]
    InputNotAFile {
        /// The path as given (quoted with control characters escaped in the message).
        path: PathBuf,
        /// What it is instead, such as `"a FIFO (named pipe)"`.
        found: &'static str,
    },

    /// A file to read is larger than the limit it is read with.
    #[error(
        "cannot read {path:?}: it is {len} bytes long or more, and the limit is {limit} bytes; \
         expected a smaller file"
    )]
    InputTooLarge {
        /// The path as given.
        path: PathBuf,
        /// Its length in bytes as far as it was found (at least `limit + 1`).
        len: u64,
        /// The limit it was read with, in bytes.
        limit: u64,
    },

    /// A file to read cannot be opened or read.
    #[error("cannot read {path:?}: {reason}")]
    InputUnreadable {
        /// The path as given.
        path: PathBuf,
        /// What the operating system said.
        reason: String,
    },

    /// Text that should be UTF-8 is not.
    #[error(
        "invalid UTF-8 at line {line}, column {column} (byte offset {offset}): {bytes}; \
         expected UTF-8 text"
    )]
    InvalidUtf8 {
        /// The line, from 1.
        line: usize,
        /// The column, from 1, in characters.
        column: usize,
        /// The offset of the first bad byte, from 0.
        offset: usize,
        /// The bytes at fault, such as `"the byte 0xff is not part of a UTF-8 character"`.
        bytes: String,
    },

    /// A file that should hold UTF-8 text does not.
    #[error(
        "cannot read {path:?}: invalid UTF-8 at line {line}, column {column} (byte offset \
         {offset}): {bytes}; expected UTF-8 text"
    )]
    InputNotUtf8 {
        /// The path as given.
        path: PathBuf,
        /// The line, from 1.
        line: usize,
        /// The column, from 1, in characters.
        column: usize,
        /// The offset of the first bad byte in the file, from 0.
        offset: usize,
        /// The bytes at fault, such as `"the byte 0xff is not part of a UTF-8 character"`.
        bytes: String,
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
