//! One line of signatures NDJSON made into what the tally needs: a fingerprint, a time, a
//! country and a state, or the reason it was rejected.

use crate::SignatureState;
use crate::email::Canonicalizer;
use crate::ndjson::{Accepted, Rejection, parse_line, parse_text};
use crate::signer_table::fingerprint;

/// What one line of signatures NDJSON holds.
pub(crate) enum LineRead {
    /// Nothing but white space.
    Blank,
    /// A valid, confirmed signature.
    Signature {
        /// The fingerprint of the canonical email.
        key: u64,
        /// When it was signed, in nanoseconds since the Unix epoch.
        time: i64,
        /// The country index.
        country: u8,
    },
    /// A valid signature in a state that does not count.
    Uncounted(SignatureState),
    /// A line that is not a valid signature.
    Rejected(Rejection),
}

/// Reads one line (without its `\n`; a trailing `\r` is ignored).
pub(crate) fn read_line(text: &[u8], scratch: &mut Canonicalizer) -> LineRead {
    let text = text.strip_suffix(b"\r").unwrap_or(text);
    if text.iter().all(u8::is_ascii_whitespace) {
        return LineRead::Blank;
    }
    accepted(parse_line(text, scratch), scratch)
}

/// [`read_line`] of a line already known to be UTF-8.
pub(crate) fn read_text_line(text: &str, scratch: &mut Canonicalizer) -> LineRead {
    let text = text.strip_suffix('\r').unwrap_or(text);
    if text.bytes().all(|b| b.is_ascii_whitespace()) {
        return LineRead::Blank;
    }
    accepted(parse_text(text, scratch), scratch)
}

fn accepted(parsed: Result<Accepted, Rejection>, scratch: &Canonicalizer) -> LineRead {
    match parsed {
        Ok(accepted) if accepted.state.counts() => LineRead::Signature {
            key: fingerprint(scratch.joined.as_bytes()),
            time: accepted.signed_at,
            country: accepted.country,
        },
        Ok(accepted) => LineRead::Uncounted(accepted.state),
        Err(reason) => LineRead::Rejected(reason),
    }
}
