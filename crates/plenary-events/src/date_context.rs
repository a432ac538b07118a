//! What a text tells about its dates that its phrases leave out: the year, the language, the
//! order of numeric dates and the time zone.

use plenary_core::TimeZone;

use crate::Language;

/// Which number of a numeric date such as `7/6/2013` is the day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum NumericOrder {
    /// `7/6/2013` is 7 June, as at the ITU, the UN and most of the world.
    #[default]
    DayFirst,
    /// `7/6/2013` is July 6, as in the United States.
    MonthFirst,
}

/// The context a date phrase or a text is read in.
///
/// Phrases without a year take [`year`](Self::year); an ordinal alone (`on the 5th`) takes
/// [`month`](Self::month) too. Words are read in [`language`](Self::language), or in any of
/// the six UN languages when it is `None` (the first that knows a word, in the order of
/// [`Language::ALL`]). Numeric dates are read in [`order`](Self::order) (ISO `2013-06-07` and
/// Roman months `14.VI.2013` always say which is which), and times are in
/// [`time_zone`](Self::time_zone).
///
/// ```
/// use plenary_events::{DateContext, Language, NumericOrder};
///
/// let context = DateContext::in_year(2012).language(Language::French);
/// assert_eq!(context.year, Some(2012));
/// assert_eq!(context.order, NumericOrder::DayFirst);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DateContext {
    /// The year of phrases that give none.
    pub year: Option<i32>,
    /// The month of a day given alone (`the 5th`), 1 to 12.
    pub month: Option<u32>,
    /// The language of the text, or `None` for any of the six.
    pub language: Option<Language>,
    /// How numeric dates are ordered.
    pub order: NumericOrder,
    /// The zone of the times the text gives.
    pub time_zone: Option<TimeZone>,
}

impl DateContext {
    /// No year, any language, day first, no time zone.
    pub fn new() -> Self {
        Self::default()
    }

    /// A context whose year is `year`.
    pub fn in_year(year: i32) -> Self {
        Self {
            year: Some(year),
            ..Self::default()
        }
    }

    /// The same context with the month of days given alone.
    #[must_use]
    pub fn month(self, month: u32) -> Self {
        Self {
            month: Some(month),
            ..self
        }
    }

    /// The same context in `language`.
    #[must_use]
    pub fn language(self, language: Language) -> Self {
        Self {
            language: Some(language),
            ..self
        }
    }

    /// The same context with numeric dates read month first (`7/6/2013` is July 6).
    #[must_use]
    pub fn month_first(self) -> Self {
        Self {
            order: NumericOrder::MonthFirst,
            ..self
        }
    }

    /// The same context with times in `time_zone`.
    #[must_use]
    pub fn time_zone(self, time_zone: TimeZone) -> Self {
        Self {
            time_zone: Some(time_zone),
            ..self
        }
    }
}
