//! Email addresses and their canonical form for de-duplication.
//!
//! Two addresses that reach the same mailbox should count once. The canonical form: trim;
//! Unicode NFKC (so full-width letters and decomposed accents are the letters they show);
//! RFC 5322 comments dropped and a quoted local part unquoted; the local part case-folded with
//! [`plenary_core::fold_case`] (Unicode full case folding, then NFC; accents kept, as they can
//! tell mailboxes apart: `STRAßE@` is `strasse@`, and `josé@` is not `jose@`); the domain
//! lower-case, in IDNA ASCII form; a `+tag` dropped from the local part; for `gmail.com` and
//! `googlemail.com` the dots of the local part dropped and both domains treated as `gmail.com`. A `mailto:` link,
//! an invisible character (zero-width space, joiner, soft hyphen, bidirectional mark, …) and
//! an address past the RFC 5321 limits (64 octets before `@`, 254 in all) are refused.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Error;

/// A signer's email address as given, checked to be of the form `local@domain.tld`.
///
/// The address is kept as the signer typed it (trimmed); [`Email::canonical`] gives the form used
/// to tell signers apart. It is private data: no public view or export of this crate has a field
/// that can hold it.
///
/// ```
/// use plenary_petitions::Email;
///
/// let email = Email::new(" Jane.Doe+wcit@GoogleMail.com ")?;
/// assert_eq!(email.as_str(), "Jane.Doe+wcit@GoogleMail.com");
/// assert_eq!(email.canonical().as_str(), "janedoe@gmail.com");
/// assert!(Email::new("jane@localhost").is_err());
/// # Ok::<(), plenary_petitions::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Email {
    raw: String,
    canonical: CanonicalEmail,
}

impl Email {
    /// Checks an address and computes its canonical form.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidEmail`] when the address is not `local@domain.tld`, saying what is wrong.
    pub fn new(email: &str) -> Result<Self, Error> {
        let canonical = CanonicalEmail::new(email)?;
        Ok(Self {
            raw: email.trim().to_owned(),
            canonical,
        })
    }

    /// The address as given, trimmed.
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// The canonical form used for de-duplication.
    pub fn canonical(&self) -> &CanonicalEmail {
        &self.canonical
    }
}

impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Email({:?})", self.raw)
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Email {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Email".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "An email address local@domain.tld; never part of a public view.",
            "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
        })
    }
}

impl Serialize for Email {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Email::new(&raw).map_err(serde::de::Error::custom)
    }
}

/// The canonical form of an email address: the key that de-duplicates signers.
///
/// ```
/// use plenary_petitions::CanonicalEmail;
///
/// for (given, canonical) in [
///     ("  ANA@Example.ORG ", "ana@example.org"),
///     ("ana+itu@example.org", "ana@example.org"),
///     ("a.n.a@googlemail.com", "ana@gmail.com"),
///     ("ana@bücher.example", "ana@xn--bcher-kva.example"),
/// ] {
///     assert_eq!(CanonicalEmail::new(given)?.as_str(), canonical);
/// }
/// # Ok::<(), plenary_petitions::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CanonicalEmail(String);

impl CanonicalEmail {
    /// The canonical form of `email`, or an error saying why it is not `local@domain.tld`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidEmail`] when the address is not `local@domain.tld`, saying what is wrong.
    pub fn new(email: &str) -> Result<Self, Error> {
        let mut scratch = Canonicalizer::default();
        scratch
            .canonicalize(email)
            .map_err(|problem| Error::InvalidEmail {
                email: email.to_owned(),
                problem,
            })?;
        Ok(Self(scratch.joined))
    }

    /// The canonical address as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for CanonicalEmail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CanonicalEmail({:?})", self.0)
    }
}

impl fmt::Display for CanonicalEmail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for CanonicalEmail {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Reads any address and canonicalises it, so that JSON cannot hold a form code could not make.
impl<'de> Deserialize<'de> for CanonicalEmail {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        CanonicalEmail::new(&raw).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for CanonicalEmail {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CanonicalEmail".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Email::json_schema(generator)
    }
}

/// Reusable buffers for canonicalising many addresses without allocating for each one.
#[derive(Debug, Clone, Default)]
pub(crate) struct Canonicalizer {
    domain: String,
    /// The address without comments and quotes, for the addresses that have them.
    unquoted: String,
    /// The canonical address after a successful [`Canonicalizer::canonicalize`].
    pub(crate) joined: String,
}

impl Canonicalizer {
    /// Writes the canonical form of `email` to `self.joined`, or says what is wrong with it.
    pub(crate) fn canonicalize(&mut self, email: &str) -> Result<(), &'static str> {
        if self.canonicalize_usual(email) {
            return Ok(());
        }
        let email = email.trim();
        let prefix = email.as_bytes().get(..7);
        if prefix.is_some_and(|p| p.eq_ignore_ascii_case(b"mailto:")) {
            return Err("it is a mailto: link; expected the bare address");
        }
        // The usual address is plain ASCII without comments or quotes, and maps to itself.
        if email.is_ascii()
            && !email
                .bytes()
                .any(|b| matches!(b, b'(' | b')' | b'"' | b'\\'))
        {
            return self.canonicalize_plain(email);
        }
        if !email.is_ascii() {
            let ignorable = icu_properties::CodePointSetData::new::<
                icu_properties::props::DefaultIgnorableCodePoint,
            >();
            if email.chars().any(|c| ignorable.contains(c)) {
                return Err("it holds an invisible character such as a zero-width space");
            }
        }
        let normal = icu_normalizer::ComposingNormalizerBorrowed::new_nfkc().normalize(email);
        let mut plain = std::mem::take(&mut self.unquoted);
        let result =
            unquote(&normal, &mut plain).and_then(|()| self.canonicalize_plain(plain.trim()));
        self.unquoted = plain;
        result
    }

    /// The usual address in one pass: ASCII, one `@`, a local part of visible characters other
    /// than `(`, `)`, `"` and `\\`, and a valid domain of letters, digits, `-` and `.` without a
    /// punycode label. Writes its canonical form and returns true; for anything else, every
    /// invalid address included, returns false and leaves it to the general path, which gives
    /// the same form or says what is wrong.
    fn canonicalize_usual(&mut self, text: &str) -> bool {
        let email = text.as_bytes();
        if email.get(6) == Some(&b':') && email[..7].eq_ignore_ascii_case(b"mailto:") {
            return false;
        }
        let (mut at, mut plus) = (None, None);
        for (i, &b) in email.iter().enumerate() {
            match LOCAL_BYTE[usize::from(b)] {
                PLAIN => {}
                AT => {
                    at = Some(i);
                    break;
                }
                PLUS => {
                    if plus.is_none() {
                        plus = Some(i);
                    }
                }
                _ => return false,
            }
        }
        let Some(at) = at else { return false };
        let (local, domain) = (&email[..at], &email[at + 1..]);
        let kept = plus.unwrap_or(at);
        if kept == 0 || local.len() > 64 || local.len() + 1 + domain.len() > 254 {
            return false;
        }
        // Labels: non-empty, at most 63, no '-' at either end, not punycode; two or more; the
        // last not a number.
        let (mut labels, mut start, mut digits_only) = (0, 0, true);
        for (i, &b) in domain.iter().enumerate() {
            match DOMAIN_BYTE[usize::from(b)] {
                LETTER => digits_only = false,
                DIGIT => {}
                DOT => {
                    if !label_is_usual(&domain[start..i]) {
                        return false;
                    }
                    labels += 1;
                    start = i + 1;
                    digits_only = true;
                }
                _ => return false,
            }
        }
        if !label_is_usual(&domain[start..]) || labels == 0 || digits_only {
            return false;
        }
        let gmail = (domain.len() == 9 && domain.eq_ignore_ascii_case(b"gmail.com"))
            || (domain.len() == 14 && domain.eq_ignore_ascii_case(b"googlemail.com"));
        // Every byte is ASCII, so every index is a character boundary.
        self.joined.clear();
        if gmail {
            let mut from = 0;
            for (i, &b) in email[..kept].iter().enumerate() {
                if b == b'.' {
                    self.joined.push_str(&text[from..i]);
                    from = i + 1;
                }
            }
            self.joined.push_str(&text[from..kept]);
            if self.joined.is_empty() {
                return false;
            }
            self.joined.make_ascii_lowercase();
            self.joined.push_str("@gmail.com");
        } else {
            self.joined.push_str(&text[..kept]);
            self.joined.push('@');
            self.joined.push_str(&text[at + 1..]);
            self.joined.make_ascii_lowercase();
        }
        true
    }

    /// [`Canonicalizer::canonicalize`] for an address without comments, quotes or `mailto:`.
    fn canonicalize_plain(&mut self, email: &str) -> Result<(), &'static str> {
        if email.is_empty() {
            return Err("it is empty");
        }
        // Addresses are short: a plain loop beats a vectorised search started for each.
        let Some(at) = email.bytes().rposition(|b| b == b'@') else {
            return Err("it has no '@'");
        };
        let (local, domain) = (&email[..at], &email[at + 1..]);
        if local.contains('@') {
            return Err("it holds more than one '@'");
        }
        if local.is_empty() {
            return Err("the part before '@' is empty");
        }
        if local.len() > 64 {
            return Err("the part before '@' is longer than 64 octets");
        }
        let spaced = if local.is_ascii() {
            // The ASCII white space and control characters: 0x00 to 0x20, and 0x7F.
            local.bytes().any(|b| b <= b' ' || b == 0x7f)
        } else {
            local.chars().any(|c| c.is_whitespace() || c.is_control())
        };
        if spaced {
            return Err("the part before '@' holds a space or control character");
        }
        self.ascii_domain(domain)?;
        check_domain(&self.domain)?;
        if local.len() + 1 + self.domain.len() > 254 {
            return Err("it is longer than 254 octets");
        }

        let local = match memchr::memchr(b'+', local.as_bytes()) {
            Some(plus) => &local[..plus],
            None => local,
        };
        if local.is_empty() {
            return Err("the part before '+' is empty");
        }
        let gmail = matches!(self.domain.as_str(), "gmail.com" | "googlemail.com");
        self.joined.clear();
        if local.is_ascii() && !gmail {
            self.joined.push_str(local);
            self.joined.make_ascii_lowercase();
        } else if local.is_ascii() {
            self.joined.extend(
                local
                    .bytes()
                    .filter(|&b| !(gmail && b == b'.'))
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
        } else {
            // Full case folding, not lower-casing, with the marks kept: the one fold
            // plenary-core gives for identifiers (`ß` is `ss`; `josé` is not `jose`). On ASCII
            // it is the lower-casing above, which is proptested.
            self.joined.extend(
                plenary_core::fold_case(local)
                    .chars()
                    .filter(|&c| !(gmail && c == '.')),
            );
        }
        if self.joined.is_empty() {
            return Err("the part before '@' holds nothing but dots");
        }
        self.joined.push('@');
        self.joined
            .push_str(if gmail { "gmail.com" } else { &self.domain });
        Ok(())
    }

    /// Writes the IDNA ASCII form of `domain` to `self.domain`.
    fn ascii_domain(&mut self, domain: &str) -> Result<(), &'static str> {
        self.domain.clear();
        let plain = domain
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
        // Plain ASCII without punycode labels maps to itself, lower-cased; anything else goes
        // through the full UTS 46 processing of the `idna` crate.
        if plain && !has_punycode_label(domain) {
            self.domain.push_str(domain);
            self.domain.make_ascii_lowercase();
            return Ok(());
        }
        match idna::domain_to_ascii_cow(domain.as_bytes(), idna::AsciiDenyList::URL) {
            Ok(ascii) => {
                self.domain.push_str(&ascii);
                Ok(())
            }
            Err(_) => Err("its domain is not a valid internationalised domain name"),
        }
    }
}

/// What a byte is in the local part of the usual address: [`PLAIN`], [`AT`], [`PLUS`] or
/// anything else (white space, control, non-ASCII, `(`, `)`, `"`, `\\`), which the usual path
/// leaves to the general one.
const LOCAL_BYTE: [u8; 256] = {
    let mut table = [PLAIN; 256];
    let mut b = 0;
    while b < 256 {
        if b <= b' ' as usize || b >= 0x7f {
            table[b] = OTHER;
        }
        b += 1;
    }
    table[b'(' as usize] = OTHER;
    table[b')' as usize] = OTHER;
    table[b'"' as usize] = OTHER;
    table[b'\\' as usize] = OTHER;
    table[b'@' as usize] = AT;
    table[b'+' as usize] = PLUS;
    table
};

/// What a byte is in the domain of the usual address: [`LETTER`] (a letter or `-`), [`DIGIT`],
/// [`DOT`] or anything else.
const DOMAIN_BYTE: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphabetic() || c == b'-' {
            table[b] = LETTER;
        } else if c.is_ascii_digit() {
            table[b] = DIGIT;
        }
        b += 1;
    }
    table[b'.' as usize] = DOT;
    table
};

const PLAIN: u8 = 0;
const AT: u8 = 1;
const PLUS: u8 = 2;
const LETTER: u8 = 3;
const DIGIT: u8 = 4;
const DOT: u8 = 5;
const OTHER: u8 = 6;

/// A domain label the usual path takes: 1 to 63 characters, no `-` at either end, no `xn--`.
fn label_is_usual(label: &[u8]) -> bool {
    !label.is_empty()
        && label.len() <= 63
        && label[0] != b'-'
        && label[label.len() - 1] != b'-'
        && !(label.len() >= 4 && label[..4].eq_ignore_ascii_case(b"xn--"))
}

/// Writes `email` to `out` without its RFC 5322 comments (parenthesised, nested, with `\\`
/// escapes) and with a quoted string (`"…"`, with `\\` escapes) replaced by its contents.
fn unquote(email: &str, out: &mut String) -> Result<(), &'static str> {
    out.clear();
    let mut chars = email.chars();
    let mut depth = 0_usize;
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' if quoted || depth > 0 => {
                let escaped = chars.next().ok_or("it ends in a lone '\\'")?;
                if quoted {
                    out.push(escaped);
                }
            }
            '"' if depth == 0 => {
                // A quoted string is a whole word of the local part: `"a b"@…`, `"a".b@…`.
                let whole = if quoted {
                    matches!(chars.clone().next(), Some('@' | '.' | '('))
                } else {
                    out.is_empty() || out.ends_with('.')
                };
                if !whole {
                    return Err("its quoted part is not a whole word of the part before '@'");
                }
                quoted = !quoted;
            }
            '(' if !quoted => depth += 1,
            ')' if !quoted => {
                depth = depth
                    .checked_sub(1)
                    .ok_or("it holds a ')' that closes no comment")?;
            }
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    if quoted {
        return Err("it holds a quote that is never closed");
    }
    if depth > 0 {
        return Err("it holds a comment '(' that is never closed");
    }
    Ok(())
}

fn has_punycode_label(domain: &str) -> bool {
    domain
        .as_bytes()
        .split(|&b| b == b'.')
        .any(|label| label.len() >= 4 && label[..4].eq_ignore_ascii_case(b"xn--"))
}

/// Checks an ASCII, lower-case domain: two or more labels of letters, digits and inner hyphens,
/// and a top-level domain that is not a number.
fn check_domain(domain: &str) -> Result<(), &'static str> {
    if domain.is_empty() {
        return Err("the part after '@' is empty");
    }
    if domain.len() > 253 {
        return Err("its domain is longer than 253 characters");
    }
    let mut labels = 0;
    let mut last: &[u8] = b"";
    for label in domain.as_bytes().split(|&b| b == b'.') {
        if label.is_empty() {
            return Err("its domain has an empty label (two dots, or a dot at an end)");
        }
        if label.len() > 63 {
            return Err("its domain has a label longer than 63 characters");
        }
        if !label
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err("its domain holds a character other than letters, digits, '-' and '.'");
        }
        if label.starts_with(b"-") || label.ends_with(b"-") {
            return Err("its domain has a label that starts or ends with '-'");
        }
        labels += 1;
        last = label;
    }
    if labels < 2 {
        return Err("its domain has no top-level domain such as .org");
    }
    if last.iter().all(u8::is_ascii_digit) {
        return Err("its domain ends in a number, not a top-level domain");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        for (given, canonical) in [
            ("ana@example.org", "ana@example.org"),
            ("  ana@example.org\t", "ana@example.org"),
            ("ANA@EXAMPLE.ORG", "ana@example.org"),
            ("Ana.Maria@Example.org", "ana.maria@example.org"),
            ("ana+wcit@example.org", "ana@example.org"),
            ("ana+wcit+itu@example.org", "ana@example.org"),
            ("a.n.a@gmail.com", "ana@gmail.com"),
            ("A.N.A+petition@GMail.com", "ana@gmail.com"),
            ("a.n.a@googlemail.com", "ana@gmail.com"),
            ("ana@GoogleMail.COM", "ana@gmail.com"),
            ("a.n.a@gmail.co.uk", "a.n.a@gmail.co.uk"),
            ("ana@bücher.example", "ana@xn--bcher-kva.example"),
            ("ana@BÜCHER.example", "ana@xn--bcher-kva.example"),
            ("ana@XN--BCHER-KVA.example", "ana@xn--bcher-kva.example"),
            ("ana@例え.jp", "ana@xn--r8jz45g.jp"),
            ("josé@example.org", "josé@example.org"),
            ("JOSÉ@example.org", "josé@example.org"),
            ("ana@sub.example.co.uk", "ana@sub.example.co.uk"),
            // One mailbox, however it is written.
            ("user(comment)@example.org", "user@example.org"),
            ("(c)user@example.org(c)", "user@example.org"),
            ("user(a (nested) one)@example.org", "user@example.org"),
            ("user@(comment)example.org", "user@example.org"),
            ("\"user\"@example.org", "user@example.org"),
            ("\"us\\er\"@example.org", "user@example.org"),
            ("\"u.ser+tag\"@gmail.com", "user@gmail.com"),
            ("ｕｓｅｒ@example.org", "user@example.org"),
            ("ＵＳＥＲ＠ｅｘａｍｐｌｅ．ｏｒｇ", "user@example.org"),
            ("jos\u{e9}@example.org", "jos\u{e9}@example.org"),
            ("jose\u{301}@example.org", "jos\u{e9}@example.org"),
            ("JOSE\u{301}@example.org", "jos\u{e9}@example.org"),
            // Full case folding, accents kept.
            ("Straße@example.org", "strasse@example.org"),
            ("STRASSE@example.org", "strasse@example.org"),
            ("ΟΔΥΣΣΕΥΣ@example.org", "οδυσσευσ@example.org"),
            ("Οδυσσεύς@example.org", "οδυσσεύσ@example.org"),
            ("José.Lima+wcit@GMail.com", "josélima@gmail.com"),
        ] {
            assert_eq!(
                CanonicalEmail::new(given)
                    .map(|c| c.0)
                    .map_err(|e| e.to_string()),
                Ok(canonical.to_owned()),
                "{given:?}"
            );
        }
    }

    #[test]
    fn malformed_addresses() {
        for (given, problem) in [
            ("", "it is empty"),
            ("   ", "it is empty"),
            ("ana.example.org", "it has no '@'"),
            ("ana@b@example.org", "it holds more than one '@'"),
            ("@example.org", "the part before '@' is empty"),
            (
                "a na@example.org",
                "the part before '@' holds a space or control character",
            ),
            ("ana@", "the part after '@' is empty"),
            (
                "ana@localhost",
                "its domain has no top-level domain such as .org",
            ),
            (
                "ana@example..org",
                "its domain has an empty label (two dots, or a dot at an end)",
            ),
            (
                "ana@example.org.",
                "its domain has an empty label (two dots, or a dot at an end)",
            ),
            (
                "ana@-example.org",
                "its domain has a label that starts or ends with '-'",
            ),
            (
                "ana@1.2.3.4",
                "its domain ends in a number, not a top-level domain",
            ),
            (
                "ana@exa_mple.org",
                "its domain holds a character other than letters, digits, '-' and '.'",
            ),
            (
                "ana@xn--zz.org",
                "its domain is not a valid internationalised domain name",
            ),
            ("+tag@example.org", "the part before '+' is empty"),
            (
                "...@gmail.com",
                "the part before '@' holds nothing but dots",
            ),
            (
                "mailto:user@example.org",
                "it is a mailto: link; expected the bare address",
            ),
            (
                " MAILTO:user@example.org",
                "it is a mailto: link; expected the bare address",
            ),
            (
                "us\u{200b}er@example.org",
                "it holds an invisible character such as a zero-width space",
            ),
            (
                "user@exa\u{ad}mple.org",
                "it holds an invisible character such as a zero-width space",
            ),
            (
                "\u{feff}user@example.org",
                "it holds an invisible character such as a zero-width space",
            ),
            (
                "us\u{200d}er@example.org",
                "it holds an invisible character such as a zero-width space",
            ),
            (
                "user(open@example.org",
                "it holds a comment '(' that is never closed",
            ),
            ("user)@example.org", "it holds a ')' that closes no comment"),
            (
                "\"user@example.org",
                "it holds a quote that is never closed",
            ),
            (
                "\"a b\"@example.org",
                "the part before '@' holds a space or control character",
            ),
            ("\"a@b\"@example.org", "it holds more than one '@'"),
            (
                "x\"user\"@example.org",
                "its quoted part is not a whole word of the part before '@'",
            ),
            (
                "\"user\"x@example.org",
                "its quoted part is not a whole word of the part before '@'",
            ),
            (
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.org",
                "the part before '@' is longer than 64 octets",
            ),
        ] {
            match CanonicalEmail::new(given) {
                Err(Error::InvalidEmail { email, problem: p }) => {
                    assert_eq!((email.as_str(), p), (given, problem), "{given:?}");
                }
                other => panic!("{given:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn accents_tell_mailboxes_apart() {
        let canonical = |e: &str| CanonicalEmail::new(e).map(|c| c.0).ok();
        assert_ne!(canonical("josé@example.org"), canonical("jose@example.org"));
        assert_eq!(canonical("JOSÉ@example.org"), canonical("josé@example.org"));
    }

    proptest::proptest! {
        /// The ASCII lower-casing of a local part is the general case fold on ASCII.
        #[test]
        fn the_ascii_local_part_folds_as_the_general_path_does(
            local in "[!#-'*-\\[\\]-~]{1,30}",
            gmail in proptest::bool::ANY,
        ) {
            let email = format!("{local}@{}", if gmail { "gmail.com" } else { "Example.org" });
            let mut scratch = Canonicalizer::default();
            if scratch.canonicalize_plain(&email).is_ok() {
                let kept = local.split('+').next().unwrap_or_default();
                let folded: String = plenary_core::fold_case(kept)
                    .chars()
                    .filter(|&c| !(gmail && c == '.'))
                    .collect();
                let domain = if gmail { "gmail.com" } else { "example.org" };
                proptest::prop_assert_eq!(&scratch.joined, &format!("{folded}@{domain}"));
            }
        }

        /// The one-pass path for the usual address gives what the general path gives.
        #[test]
        fn the_usual_path_agrees_with_the_general_one(
            email in "[ a-cA-C0-9.+@\"()\\-]{0,12}(@|)[a-cA-C0-9.-]{0,10}(\\.(org|com|[0-9]+)|)",
            gmail in proptest::bool::ANY,
        ) {
            let email = if gmail { email.replace("@b", "@gmail.com") } else { email };
            let mut usual = Canonicalizer::default();
            if usual.canonicalize_usual(&email) {
                let mut general = Canonicalizer::default();
                proptest::prop_assert_eq!(general.canonicalize_plain(email.trim()), Ok(()), "{:?}", email);
                proptest::prop_assert_eq!(&usual.joined, &general.joined, "{:?}", email);
            }
        }
    }

    #[test]
    fn an_address_past_254_octets_is_refused() {
        let label = "a".repeat(63);
        let domain = format!("{label}.{label}.{label}.{}.org", "b".repeat(56));
        assert_eq!(domain.len(), 252);
        assert!(CanonicalEmail::new(&format!("a@{}", &domain[4..])).is_ok());
        match CanonicalEmail::new(&format!("abc@{domain}")) {
            Err(Error::InvalidEmail { problem, .. }) => {
                assert_eq!(problem, "it is longer than 254 octets");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_message_quotes_the_address() {
        let err = Email::new("ana@localhost").unwrap_err().to_string();
        assert_eq!(
            err,
            "invalid email \"ana@localhost\": its domain has no top-level domain such as .org; \
             expected local@domain.tld"
        );
    }

    #[test]
    fn json_keeps_the_address_as_given() {
        let email: Email = serde_json::from_str(r#"" Ana+x@Example.org""#).unwrap();
        assert_eq!(
            serde_json::to_string(&email).unwrap(),
            r#""Ana+x@Example.org""#
        );
        assert_eq!(email.canonical().as_str(), "ana@example.org");
        assert!(serde_json::from_str::<Email>(r#""nobody""#).is_err());
    }
}
