//! Where something happens: venue, city, country, coordinates and time zone.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Country, Error, Name};

/// A time zone from the IANA time zone database, such as `Asia/Dubai`.
///
/// ```
/// use plenary_core::TimeZone;
///
/// let dubai: TimeZone = "Asia/Dubai".parse()?;
/// assert_eq!(dubai.name(), "Asia/Dubai");
/// assert!("Dubai".parse::<TimeZone>().is_err());
/// # Ok::<(), plenary_core::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeZone(chrono_tz::Tz);

impl TimeZone {
    /// The zone with the IANA `name`; the name is case-sensitive, as in the database.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownTimeZone`] when `name` is not in the IANA time zone database.
    pub fn new(name: &str) -> Result<Self, Error> {
        name.parse::<chrono_tz::Tz>()
            .map(Self)
            .map_err(|_| Error::UnknownTimeZone {
                name: name.to_owned(),
            })
    }

    /// The IANA name.
    pub fn name(&self) -> &'static str {
        self.0.name()
    }

    /// The zone as a [`chrono_tz::Tz`], for converting times.
    pub fn tz(&self) -> chrono_tz::Tz {
        self.0
    }
}

impl From<chrono_tz::Tz> for TimeZone {
    fn from(tz: chrono_tz::Tz) -> Self {
        Self(tz)
    }
}

impl fmt::Debug for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TimeZone({})", self.name())
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

crate::text_form::impl_text_form!(
    TimeZone,
    TimeZone::new,
    "an IANA time zone such as \"Asia/Dubai\""
);

/// A point on the globe in WGS 84 degrees.
///
/// ```
/// use plenary_core::GeoPoint;
///
/// let dubai = GeoPoint::new(25.2048, 55.2708)?;
/// assert_eq!(dubai.latitude(), 25.2048);
/// assert!(GeoPoint::new(91.0, 0.0).is_err());
/// # Ok::<(), plenary_core::Error>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawGeoPoint")]
pub struct GeoPoint {
    latitude: f64,
    longitude: f64,
}

/// The JSON form of a [`GeoPoint`], checked by `TryFrom`.
#[derive(Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(rename = "GeoPoint"))]
#[serde(deny_unknown_fields)]
struct RawGeoPoint {
    /// Degrees north of the equator (south is negative).
    #[cfg_attr(feature = "schemars", schemars(range(min = -90.0, max = 90.0)))]
    latitude: f64,
    /// Degrees east of Greenwich (west is negative).
    #[cfg_attr(feature = "schemars", schemars(range(min = -180.0, max = 180.0)))]
    longitude: f64,
}

impl TryFrom<RawGeoPoint> for GeoPoint {
    type Error = Error;

    fn try_from(raw: RawGeoPoint) -> Result<Self, Error> {
        Self::new(raw.latitude, raw.longitude)
    }
}

impl GeoPoint {
    /// A point at `latitude` (-90 to 90) and `longitude` (-180 to 180).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidGeo`] for a latitude outside -90 to 90, a longitude outside -180 to 180, or a
    /// value that is not a finite number.
    pub fn new(latitude: f64, longitude: f64) -> Result<Self, Error> {
        let invalid = |reason| Error::InvalidGeo {
            latitude,
            longitude,
            reason,
        };
        if !(-90.0..=90.0).contains(&latitude) {
            return Err(invalid("latitude must be a number from -90 to 90"));
        }
        if !(-180.0..=180.0).contains(&longitude) {
            return Err(invalid("longitude must be a number from -180 to 180"));
        }
        Ok(Self {
            latitude,
            longitude,
        })
    }

    /// Degrees north of the equator (south is negative).
    pub fn latitude(&self) -> f64 {
        self.latitude
    }

    /// Degrees east of Greenwich (west is negative).
    pub fn longitude(&self) -> f64 {
        self.longitude
    }
}

/// Where something takes place: a venue in a city in a country, as much of it as is known.
///
/// Every part is optional, because sources say as much as they know: "El Salvador", "Kiev,
/// Ukraine", "Dubai World Trade Centre, Dubai, UAE". Its [`Display`](fmt::Display) joins the
/// known parts with commas.
///
/// ```
/// use plenary_core::{Country, Place};
///
/// let place = Place::in_city("Accra", Country::new("GH")?)?;
/// assert_eq!(place.to_string(), "Accra, Ghana");
/// assert_eq!(serde_json::to_string(&place)?, r#"{"city":"Accra","country":"GH"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Place {
    /// The building or room, such as `"Dubai World Trade Centre"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<Name>,
    /// The city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<Name>,
    /// The state, province or region, when it helps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Name>,
    /// The country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Country>,
    /// The coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<GeoPoint>,
    /// The local time zone, for times given in local time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<TimeZone>,
}

impl Place {
    /// A place known only by its country.
    pub fn in_country(country: Country) -> Self {
        Self {
            country: Some(country),
            ..Self::default()
        }
    }

    /// A city in a country.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidName`] when `city` is not a valid [`Name`].
    pub fn in_city(city: &str, country: Country) -> Result<Self, Error> {
        Ok(Self {
            city: Some(Name::new(city)?),
            country: Some(country),
            ..Self::default()
        })
    }

    /// Sets the venue.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidName`] when `venue` is not a valid [`Name`].
    pub fn with_venue(mut self, venue: &str) -> Result<Self, Error> {
        self.venue = Some(Name::new(venue)?);
        Ok(self)
    }

    /// Sets the coordinates.
    pub fn with_geo(mut self, geo: GeoPoint) -> Self {
        self.geo = Some(geo);
        self
    }

    /// Sets the time zone.
    pub fn with_time_zone(mut self, time_zone: TimeZone) -> Self {
        self.time_zone = Some(time_zone);
        self
    }

    /// Whether nothing at all is known of the place.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts = [
            self.venue.as_ref().map(Name::as_str),
            self.city.as_ref().map(Name::as_str),
            self.region.as_ref().map(Name::as_str),
            self.country.as_ref().map(Country::name),
        ];
        for (i, part) in parts.into_iter().flatten().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(part)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_zones_are_checked_against_the_database() {
        assert_eq!(TimeZone::new("Europe/Kiev").unwrap().name(), "Europe/Kiev");
        assert_eq!(
            TimeZone::new("Asia/Dubai").unwrap().to_string(),
            "Asia/Dubai"
        );
        assert_eq!(
            TimeZone::new("Mars/Olympus"),
            Err(Error::UnknownTimeZone {
                name: "Mars/Olympus".into()
            })
        );
        let json = serde_json::to_string(&TimeZone::new("Africa/Accra").unwrap()).unwrap();
        assert_eq!(json, r#""Africa/Accra""#);
        assert!(serde_json::from_str::<TimeZone>(r#""Nowhere""#).is_err());
    }

    #[test]
    fn coordinates_stay_on_the_globe() {
        assert!(GeoPoint::new(-90.0, 180.0).is_ok());
        for (lat, lon) in [
            (90.1, 0.0),
            (0.0, -180.5),
            (f64::NAN, 0.0),
            (0.0, f64::INFINITY),
        ] {
            assert!(GeoPoint::new(lat, lon).is_err(), "{lat} {lon}");
        }
        let err = serde_json::from_str::<GeoPoint>(r#"{"latitude": 100, "longitude": 0}"#)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("latitude must be a number from -90 to 90"),
            "{err}"
        );
    }

    #[test]
    fn displays_the_known_parts() {
        let sv = Place::in_country(Country::new("SV").unwrap());
        assert_eq!(sv.to_string(), "El Salvador");
        let dubai = Place::in_city("Dubai", Country::new("AE").unwrap())
            .unwrap()
            .with_venue("Dubai World Trade Centre")
            .unwrap();
        assert_eq!(
            dubai.to_string(),
            "Dubai World Trade Centre, Dubai, The United Arab Emirates"
        );
        assert!(Place::default().is_empty() && !sv.is_empty());
    }

    #[test]
    fn json_round_trip_and_unknown_fields() {
        let place = Place::in_city("Kiev", Country::new("UA").unwrap())
            .unwrap()
            .with_geo(GeoPoint::new(50.45, 30.52).unwrap())
            .with_time_zone(TimeZone::new("Europe/Kiev").unwrap());
        let json = serde_json::to_string(&place).unwrap();
        assert_eq!(
            json,
            r#"{"city":"Kiev","country":"UA","geo":{"latitude":50.45,"longitude":30.52},"time_zone":"Europe/Kiev"}"#
        );
        assert_eq!(serde_json::from_str::<Place>(&json).unwrap(), place);
        let err = serde_json::from_str::<Place>(r#"{"town": "Kiev"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `town`"), "{err}");
    }
}
