//! What a date mention in a text means: days, a deadline, hours on days, or a date not known.

use chrono::NaiveTime;
use plenary_core::{DateSpan, PartialDate, TimeZone};

/// What one date mention means, as [`find_dates`](crate::find_dates) and
/// [`read_date_phrase`](crate::read_date_phrase) read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DateMention {
    /// Days: `3-14 December 2012`, `(Oct. 2013)`, `around 2014`.
    Span(DateSpan),
    /// Something is due on or before a day: `due by 20 September`, `no later than 5 March`,
    /// `before 1 May`. `time` is the hour on that day when one is given, in the context's zone.
    Deadline {
        /// The last day (or month, or year) it may arrive.
        due: PartialDate,
        /// The hour it is due on that day, when given.
        time: Option<NaiveTime>,
    },
    /// Hours on days: `9 April, 09:00-12:30`; over several days, the hours of each day.
    Times {
        /// The days.
        days: DateSpan,
        /// When each day starts, local time.
        start: NaiveTime,
        /// When each day ends, when given.
        end: Option<NaiveTime>,
        /// The zone of the times: the context's, when it gives one.
        time_zone: Option<TimeZone>,
    },
    /// A date said not to be known yet: `TBA`, `dates to be announced`.
    Unknown,
}

impl DateMention {
    /// The days the mention names: the span, the deadline's day, the days of the hours; `None`
    /// for an unknown date.
    pub fn days(&self) -> Option<DateSpan> {
        match *self {
            DateMention::Span(span) | DateMention::Times { days: span, .. } => Some(span),
            DateMention::Deadline { due, .. } => Some(DateSpan::on(due)),
            DateMention::Unknown => None,
        }
    }
}
