//! A one-byte index for countries, so that a tally stores a signer's country in a single byte.
//!
//! ISO 3166-1 assigns 249 alpha-2 codes; index 0 stands for "no country given" and 1..=249 for
//! the countries in the order of [`Country::all`].

use std::sync::OnceLock;

use plenary_core::Country;

/// The index of a signature without a country.
pub(crate) const UNKNOWN: u8 = 0;

struct Index {
    /// For each two-letter code `AA`..`ZZ` (26 × 26), its index, or `UNKNOWN` when unassigned.
    by_code: [u8; 26 * 26],
    countries: Vec<Country>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut by_code = [UNKNOWN; 26 * 26];
        let countries: Vec<Country> = Country::all().collect();
        assert!(
            countries.len() < 256,
            "ISO 3166-1 assigns fewer than 255 alpha-2 codes"
        );
        for (i, country) in countries.iter().enumerate() {
            if let Some(slot) = slot(country.code().as_bytes()) {
                by_code[slot] = u8::try_from(i + 1).unwrap_or(UNKNOWN);
            }
        }
        Index { by_code, countries }
    })
}

fn slot(code: &[u8]) -> Option<usize> {
    match code {
        [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Some(
            usize::from(a.to_ascii_uppercase() - b'A') * 26
                + usize::from(b.to_ascii_uppercase() - b'A'),
        ),
        _ => None,
    }
}

/// The index of the country with the alpha-2 `code` (either case), or `None` when ISO 3166-1
/// has not assigned it; agrees with [`Country::new`].
pub(crate) fn lookup(code: &str) -> Option<u8> {
    let slot = slot(code.as_bytes())?;
    match index().by_code[slot] {
        UNKNOWN => None,
        i => Some(i),
    }
}

/// The country at `index`, or `None` for [`UNKNOWN`].
pub(crate) fn country(index_: u8) -> Option<Country> {
    let i = usize::from(index_).checked_sub(1)?;
    index().countries.get(i).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_country_new_on_every_two_letter_code() {
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                for code in [
                    String::from_utf8(vec![a, b]).unwrap(),
                    String::from_utf8(vec![a.to_ascii_lowercase(), b]).unwrap(),
                ] {
                    let expected = Country::new(&code).ok();
                    assert_eq!(lookup(&code).and_then(country), expected, "{code}");
                }
            }
        }
        for code in ["", "G", "GBR", "ÄB", "G1", " G"] {
            assert_eq!(lookup(code), None, "{code:?}");
        }
        assert_eq!(country(UNKNOWN), None);
    }
}
