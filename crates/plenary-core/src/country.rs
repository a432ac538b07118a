//! Countries by their ISO 3166-1 alpha-2 code.

use std::fmt;

use crate::Error;

/// Codes the country list carries that ISO 3166-1 has not assigned: `XK` (Kosovo) is
/// user-assigned, used by some bodies but not part of the standard.
const NOT_ASSIGNED: [&str; 1] = ["XK"];

/// A country, territory or area with an assigned ISO 3166-1 alpha-2 code.
///
/// The code is checked against the ISO 3166-1 list of the [`celes`] crate, so `"UK"` (reserved,
/// not assigned) and `"XX"` are refused. Lower-case input is accepted and upper-cased; the JSON
/// form is the upper-case code.
///
/// ```
/// use plenary_core::Country;
///
/// let host: Country = "AE".parse()?;
/// assert_eq!(host.code(), "AE");
/// assert_eq!(host.alpha3(), "ARE");
/// assert_eq!(host.name(), "The United Arab Emirates");
/// assert_eq!(Country::from_name("Ghana")?.code(), "GH");
/// assert!("UK".parse::<Country>().is_err());
/// # Ok::<(), plenary_core::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Country {
    /// The upper-case alpha-2 code, borrowed from the country list.
    alpha2: &'static str,
}

impl Country {
    /// The country with the alpha-2 `code` (either case).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownCountry`] when `code` is not an assigned ISO 3166-1 alpha-2 code.
    pub fn new(code: &str) -> Result<Self, Error> {
        let unknown = || Error::UnknownCountry {
            code: code.to_owned(),
        };
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(unknown());
        }
        let country = celes::Country::from_alpha2(code).map_err(|_| unknown())?;
        if NOT_ASSIGNED.contains(&country.alpha2) {
            return Err(unknown());
        }
        Ok(Self {
            alpha2: country.alpha2,
        })
    }

    /// The country an English name or common alias names: `"Ghana"`, `"United Kingdom"`,
    /// `"Russia"`. Case, spaces and punctuation do not matter.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownCountryName`] when no country name or alias matches.
    pub fn from_name(name: &str) -> Result<Self, Error> {
        let key: String = name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        let country = celes::Country::from_name(&key)
            .or_else(|_| celes::Country::from_alias(&key))
            .map_err(|_| Error::UnknownCountryName {
                name: name.to_owned(),
            })?;
        Self::new(country.alpha2).map_err(|_| Error::UnknownCountryName {
            name: name.to_owned(),
        })
    }

    /// Every country with an assigned code, in the list's order.
    pub fn all() -> impl Iterator<Item = Country> {
        celes::Country::get_countries()
            .into_iter()
            .filter(|c| !NOT_ASSIGNED.contains(&c.alpha2))
            .map(|c| Self { alpha2: c.alpha2 })
    }

    /// The upper-case alpha-2 code, such as `"GB"`.
    pub fn code(&self) -> &'static str {
        self.alpha2
    }

    /// The alpha-3 code, such as `"GBR"`.
    pub fn alpha3(&self) -> &'static str {
        self.entry().alpha3
    }

    /// The English name as ISO 3166-1 gives it, such as `"Ghana"` or
    /// `"The United Arab Emirates"`.
    pub fn name(&self) -> &'static str {
        self.entry().long_name
    }

    fn entry(&self) -> celes::Country {
        celes::Country::from_alpha2(self.alpha2)
            .expect("a Country holds a code taken from the country list")
    }
}

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Country({})", self.alpha2)
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.alpha2)
    }
}

crate::text_form::impl_text_form!(
    Country,
    Country::new,
    "an ISO 3166-1 alpha-2 country code such as \"GB\"",
    { "pattern": "^[A-Za-z]{2}$" }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_countries() {
        for (code, name) in [
            ("TH", "Thailand"),
            ("DK", "Denmark"),
            ("SV", "El Salvador"),
            ("UA", "Ukraine"),
            ("GH", "Ghana"),
            ("CH", "Switzerland"),
            ("AE", "The United Arab Emirates"),
        ] {
            let country = Country::new(code).unwrap();
            assert_eq!((country.code(), country.name()), (code, name));
        }
    }

    #[test]
    fn lower_case_is_upper_cased() {
        assert_eq!(Country::new("gb").unwrap().code(), "GB");
    }

    #[test]
    fn unassigned_and_malformed_codes_are_refused() {
        for code in ["UK", "XK", "XX", "EU", "", "G", "GBR", "G1", "ÄB", "gb "] {
            assert_eq!(
                Country::new(code),
                Err(Error::UnknownCountry { code: code.into() }),
                "{code:?}"
            );
        }
    }

    #[test]
    fn names_and_aliases() {
        for (name, code) in [
            ("Ghana", "GH"),
            ("united arab emirates", "AE"),
            ("United Kingdom", "GB"),
            ("Russia", "RU"),
            ("El Salvador", "SV"),
        ] {
            assert_eq!(Country::from_name(name).unwrap().code(), code, "{name}");
        }
        assert_eq!(
            Country::from_name("Atlantis"),
            Err(Error::UnknownCountryName {
                name: "Atlantis".into()
            })
        );
        assert!(Country::from_name("Kosovo").is_err());
    }

    #[test]
    fn the_list_has_every_assigned_code_once() {
        let codes: std::collections::BTreeSet<_> = Country::all().map(|c| c.code()).collect();
        assert_eq!(codes.len(), 249);
        assert_eq!(Country::all().count(), 249);
    }

    #[test]
    fn json_is_the_code() {
        let gb = Country::new("GB").unwrap();
        assert_eq!(serde_json::to_string(&gb).unwrap(), r#""GB""#);
        assert_eq!(serde_json::from_str::<Country>(r#""gb""#).unwrap(), gb);
        let err = serde_json::from_str::<Country>(r#""UK""#)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with(r#"unknown country "UK""#), "{err}");
    }
}
