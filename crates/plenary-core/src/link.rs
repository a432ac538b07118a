//! Links to the web and to mailboxes, never to scripts.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use url::Url;

use crate::Error;

/// Query parameters that only track where a click came from; [`Link::canonical`] drops them.
/// Names ending in `*` are prefixes.
pub const TRACKING_PARAMETERS: &[&str] = &[
    "utm_*",
    "fbclid",
    "gclid",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "yclid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "_ga",
    "_gl",
    "_hsenc",
    "_hsmi",
    "mkt_tok",
    "oly_anon_id",
    "oly_enc_id",
];

/// An absolute `http`, `https` or `mailto` URL.
///
/// Data from the public ends up in web pages, so a link that could run code there
/// (`javascript:`, `data:`, `vbscript:`, `file:` …) is an error when it is made and can never be
/// stored. Parsing follows the WHATWG URL standard through the [`url`] crate, so a link is kept in
/// its normalised form (scheme and host lower-case, default port dropped).
///
/// What a link may carry is kept to what a reader sees:
/// - an `http` or `https` link has no user name or password: `https://user:pass@example.org/`
///   would publish a credential, and `https://www.itu.int@evil.example/` leads to `evil.example`;
/// - a `mailto` link names exactly one address, `local@domain`, and may carry only a `subject`
///   and a `body` ([`MAILTO_HEADERS`]); `cc`, `bcc`, `to` and every other header are refused,
///   since they would copy in or write as someone the reader of the link never sees.
///
/// ```
/// use plenary_core::Link;
///
/// let link = Link::parse("https://www.cdt.org/blogs/?utm_source=x&b=2&a=1#top")?;
/// assert_eq!(link.canonical().as_str(), "https://www.cdt.org/blogs/?a=1&b=2");
///
/// let err = Link::parse("javascript:alert(1)").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     r#"refused link "javascript:alert(1)": the scheme "javascript" is not allowed; expected http, https or mailto"#
/// );
/// # Ok::<(), plenary_core::Error>(())
/// ```
#[derive(Clone)]
pub struct Link(Url);

impl Link {
    /// Reads and checks a link.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidLink`] for text that is not an absolute URL,
    /// [`Error::UnsupportedLinkScheme`] for a scheme other than http, https and mailto,
    /// [`Error::LinkWithCredentials`] for a web link with a user name or password,
    /// [`Error::MailtoWithoutAddress`] and [`Error::MailtoAddress`] for a mailto link without
    /// exactly one `local@domain` address, and [`Error::MailtoHeader`] for a mailto header other
    /// than [`MAILTO_HEADERS`].
    pub fn parse(link: &str) -> Result<Self, Error> {
        let url = Url::parse(link).map_err(|e| Error::InvalidLink {
            link: link.to_owned(),
            reason: e.to_string(),
        })?;
        match url.scheme() {
            "http" | "https" => {
                refuse_credentials(&url)?;
                Ok(Self(url))
            }
            "mailto" => {
                check_mailto(link, &url)?;
                Ok(Self(url))
            }
            scheme => Err(Error::UnsupportedLinkScheme {
                link: link.to_owned(),
                scheme: scheme.to_owned(),
            }),
        }
    }

    /// The link as a string.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The link as a parsed [`Url`].
    pub fn as_url(&self) -> &Url {
        &self.0
    }

    /// `"http"`, `"https"` or `"mailto"`.
    pub fn scheme(&self) -> &str {
        self.0.scheme()
    }

    /// The host, such as `"www.cdt.org"`; `None` for a mailto link.
    pub fn host(&self) -> Option<&str> {
        self.0.host_str()
    }

    /// The form used to tell whether two links point at the same thing: host lower-case, no
    /// default port, no fragment, no [tracking parameters](TRACKING_PARAMETERS), the remaining
    /// query parameters sorted by name (parameters of one name keep their order), and for mailto
    /// links the domain of each address lower-case.
    pub fn canonical(&self) -> Link {
        let mut url = self.0.clone();
        url.set_fragment(None);
        if let Some(query) = url.query() {
            let mut pairs: Vec<&str> = query
                .split('&')
                .filter(|pair| !pair.is_empty() && !is_tracking(pair_name(pair)))
                .collect();
            pairs.sort_by_key(|pair| pair_name(pair));
            let query = pairs.join("&");
            url.set_query((!query.is_empty()).then_some(query.as_str()));
        }
        if url.scheme() == "mailto" {
            let path = url
                .path()
                .split(',')
                .map(|address| match address.rsplit_once('@') {
                    Some((local, domain)) => format!("{local}@{}", domain.to_ascii_lowercase()),
                    None => address.to_owned(),
                })
                .collect::<Vec<_>>()
                .join(",");
            url.set_path(&path);
        }
        Link(url)
    }
}

/// The mailto headers a link may carry: they fill in the message, never add who gets it.
pub const MAILTO_HEADERS: &[&str] = &["subject", "body"];

fn refuse_credentials(url: &Url) -> Result<(), Error> {
    if url.username().is_empty() && url.password().is_none() {
        return Ok(());
    }
    let mut masked = url.clone();
    if url.password().is_some() {
        // Only fails for URLs that cannot have a password, and this one has one.
        let _ = masked.set_password(Some("***"));
    }
    Err(Error::LinkWithCredentials {
        link: masked.to_string(),
        has_password: url.password().is_some(),
        host: url.host_str().unwrap_or_default().to_owned(),
    })
}

/// One address, `local@domain`, and no header but [`MAILTO_HEADERS`].
fn check_mailto(link: &str, url: &Url) -> Result<(), Error> {
    let address = decoded(url.path());
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Err(Error::MailtoWithoutAddress {
            link: link.to_owned(),
        });
    };
    let reason = if address.contains([',', ';']) {
        Some(format!(
            "{address:?} names several addresses; a link to write to has one"
        ))
    } else if local.is_empty() || local.contains('@') {
        Some(format!("{address:?} has no single local part before '@'"))
    } else if domain.is_empty() {
        Some(format!("{address:?} has no domain after '@'"))
    } else if address.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Some(format!("{address:?} holds a space or control character"))
    } else {
        None
    };
    if let Some(reason) = reason {
        return Err(Error::MailtoAddress {
            link: link.to_owned(),
            reason,
        });
    }
    for pair in url.query().unwrap_or_default().split('&') {
        if pair.is_empty() {
            continue;
        }
        let header = decoded(pair_name(pair)).to_lowercase();
        if !MAILTO_HEADERS.contains(&header.as_str()) {
            return Err(Error::MailtoHeader {
                link: link.to_owned(),
                header,
            });
        }
    }
    Ok(())
}

fn decoded(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

fn pair_name(pair: &str) -> &str {
    pair.split_once('=').map_or(pair, |(name, _)| name)
}

fn is_tracking(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    TRACKING_PARAMETERS
        .iter()
        .any(|t| match t.strip_suffix('*') {
            Some(prefix) => name.starts_with(prefix),
            None => name == *t,
        })
}

impl PartialEq for Link {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Link {}

impl Hash for Link {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Link {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Link {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Debug for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Link({})", self.as_str())
    }
}

impl fmt::Display for Link {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

crate::text_form::impl_text_form!(Link, Link::parse, "an http, https or mailto URL");

impl TryFrom<Url> for Link {
    type Error = Error;

    fn try_from(url: Url) -> Result<Self, Error> {
        Self::parse(url.as_str())
    }
}

impl From<Link> for Url {
    fn from(link: Link) -> Url {
        link.0
    }
}

impl AsRef<str> for Link {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_and_mail_links_are_kept() {
        for (given, kept) in [
            ("https://www.cdt.org/", "https://www.cdt.org/"),
            (
                "HTTP://WWW.ITU.INT:80/en/wcit-12",
                "http://www.itu.int/en/wcit-12",
            ),
            ("https://example.org:8443/a", "https://example.org:8443/a"),
            ("mailto:WTPFsignon@gmail.com", "mailto:WTPFsignon@gmail.com"),
            ("  https://example.org/x y ", "https://example.org/x%20y"),
        ] {
            assert_eq!(Link::parse(given).unwrap().as_str(), kept, "{given}");
        }
    }

    #[test]
    fn script_and_other_schemes_are_refused() {
        for (link, scheme) in [
            ("javascript:alert(1)", "javascript"),
            ("JavaScript:alert(1)", "javascript"),
            (" javascript:alert(1)", "javascript"),
            ("data:text/html,<script>alert(1)</script>", "data"),
            ("vbscript:msgbox", "vbscript"),
            ("file:///etc/passwd", "file"),
            ("ftp://example.org/", "ftp"),
        ] {
            assert_eq!(
                Link::parse(link),
                Err(Error::UnsupportedLinkScheme {
                    link: link.into(),
                    scheme: scheme.into()
                })
            );
        }
    }

    #[test]
    fn unreadable_links_say_why() {
        for link in [
            "",
            "www.cdt.org",
            "/relative/path",
            "https://",
            "http://exa mple.org",
        ] {
            match Link::parse(link) {
                Err(Error::InvalidLink { link: l, reason }) => {
                    assert_eq!(l, link);
                    assert!(!reason.is_empty());
                }
                other => panic!("{link:?}: {other:?}"),
            }
        }
        assert_eq!(
            Link::parse("mailto:"),
            Err(Error::MailtoWithoutAddress {
                link: "mailto:".into()
            })
        );
    }

    #[test]
    fn hostile_11_credentials_in_web_links_are_refused() {
        for (given, link, has_password, host) in [
            (
                "https://user:pass@example.org/",
                "https://user:***@example.org/",
                true,
                "example.org",
            ),
            (
                "https://www.itu.int@evil.example/",
                "https://www.itu.int@evil.example/",
                false,
                "evil.example",
            ),
            (
                "http://:secret@example.org/x",
                "http://:***@example.org/x",
                true,
                "example.org",
            ),
            (
                "HTTPS://User@Example.org:443/",
                "https://User@example.org/",
                false,
                "example.org",
            ),
        ] {
            assert_eq!(
                Link::parse(given),
                Err(Error::LinkWithCredentials {
                    link: link.into(),
                    has_password,
                    host: host.into(),
                }),
                "{given}"
            );
        }
        let message = Link::parse("https://user:hunter2@example.org/")
            .unwrap_err()
            .to_string();
        assert!(!message.contains("hunter2"), "{message}");
        assert_eq!(
            message,
            "refused link \"https://user:***@example.org/\": the part before '@' is a user name \
             and password (shown as ***), so the link leads to host \"example.org\" and would \
             publish it; expected a link without credentials, such as \"https://example.org/\""
        );
        assert!(Link::parse("https://example.org/a@b").is_ok());
    }

    #[test]
    fn hostile_11_mailto_carries_one_address_a_subject_and_a_body() {
        for fine in [
            "mailto:a@b.org",
            "mailto:a@b.org?subject=WCIT",
            "mailto:a@b.org?subject=Hi&body=Sign%20the%20letter",
            "mailto:a@b.org?SUBJECT=x",
        ] {
            assert!(Link::parse(fine).is_ok(), "{fine}");
        }
        for (link, header) in [
            ("mailto:a@b.org?bcc=spy@evil.example", "bcc"),
            ("mailto:a@b.org?subject=x&cc=spy@evil.example", "cc"),
            ("mailto:a@b.org?to=other@evil.example", "to"),
            ("mailto:a@b.org?%62cc=spy@evil.example", "bcc"),
            ("mailto:a@b.org?From=x@y.org", "from"),
            ("mailto:a@b.org?In-Reply-To=x", "in-reply-to"),
        ] {
            assert_eq!(
                Link::parse(link),
                Err(Error::MailtoHeader {
                    link: link.into(),
                    header: header.into()
                }),
                "{link}"
            );
        }
        for link in [
            "mailto:a@b.org,spy@evil.example",
            "mailto:a@b.org%2Cspy@evil.example",
            "mailto:a@b.org;c@d.org",
            "mailto:@b.org",
            "mailto:a@",
            "mailto:a@b@c.org",
            "mailto:a%20b@c.org",
        ] {
            assert!(
                matches!(Link::parse(link), Err(Error::MailtoAddress { .. })),
                "{link}: {:?}",
                Link::parse(link)
            );
        }
        assert!(
            matches!(
                Link::parse("mailto:?to=a@b.org"),
                Err(Error::MailtoWithoutAddress { .. })
            ),
            "a mailto link without an address is refused whatever it carries"
        );
    }

    #[test]
    fn canonical_form_for_de_duplication() {
        for (given, canonical) in [
            ("https://Example.ORG:443/a#frag", "https://example.org/a"),
            (
                "https://example.org/a?b=2&a=1",
                "https://example.org/a?a=1&b=2",
            ),
            (
                "https://example.org/a?z=1&a=2&z=0",
                "https://example.org/a?a=2&z=1&z=0",
            ),
            (
                "https://example.org/a?utm_source=tw&UTM_Medium=x&fbclid=1&id=7",
                "https://example.org/a?id=7",
            ),
            (
                "https://example.org/a?utm_source=tw",
                "https://example.org/a",
            ),
            ("https://example.org/a?", "https://example.org/a"),
            ("https://example.org/a?&&x", "https://example.org/a?x"),
            ("mailto:WTPFsignon@GMail.COM", "mailto:WTPFsignon@gmail.com"),
        ] {
            assert_eq!(
                Link::parse(given).unwrap().canonical().as_str(),
                canonical,
                "{given}"
            );
        }
        let a = Link::parse("https://www.accessnow.org/page?utm_campaign=wcit#x").unwrap();
        let b = Link::parse("https://WWW.accessnow.org/page").unwrap();
        assert_ne!(a, b);
        assert_eq!(a.canonical(), b.canonical());
    }

    #[test]
    fn json_round_trip_and_refusal() {
        let link = Link::parse("https://www.cdt.org/").unwrap();
        assert_eq!(
            serde_json::to_string(&link).unwrap(),
            r#""https://www.cdt.org/""#
        );
        assert_eq!(
            serde_json::from_str::<Link>(r#""https://www.cdt.org/""#).unwrap(),
            link
        );
        let err = serde_json::from_str::<Link>(r#""javascript:alert(1)""#).unwrap_err();
        assert!(err.to_string().starts_with("refused link"), "{err}");
    }
}
