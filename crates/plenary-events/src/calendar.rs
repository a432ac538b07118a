//! A calendar over many events: the timeline, what is coming, what falls in a window, what is
//! part of what, and which deadlines fall due.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use plenary_core::EventId;

use crate::{Deadline, Error, Event};

/// Many events in timeline order, each id once.
///
/// Timeline order is by the first day an event can start (a partial date such as `2012-12`
/// sorts by its earliest day), then by its end, then by id; events whose dates are not known yet
/// come last, by id.
///
/// ```
/// use plenary_events::{Calendar, Event, EventKind};
///
/// let mut wtsa = Event::new("wtsa-12".parse()?, "WTSA-12", EventKind::Assembly)?;
/// wtsa.when = Some("2012-11-20/2012-11-29".parse()?);
/// let mut wcit = Event::new("wcit-12".parse()?, "WCIT-12", EventKind::Conference)?;
/// wcit.when = Some("2012-12-03/2012-12-14".parse()?);
/// let arab = Event::new("arab".parse()?, "Arab Regional Meeting", EventKind::PreparatoryMeeting)?;
///
/// let calendar = Calendar::new(vec![arab, wcit, wtsa])?;
/// let ids: Vec<&str> = calendar.timeline().iter().map(|e| e.id.as_str()).collect();
/// assert_eq!(ids, ["wtsa-12", "wcit-12", "arab"]);
///
/// let december = calendar.upcoming("2012-12-01".parse()?);
/// assert_eq!(december.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["wcit-12", "arab"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calendar {
    events: Vec<Event>,
}

/// A deadline with the event it belongs to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DueDeadline<'a> {
    /// The event the deadline is for.
    pub event: &'a Event,
    /// The deadline.
    pub deadline: &'a Deadline,
}

impl Calendar {
    /// A calendar of `events`, in timeline order; two events with one id are an error that
    /// names the id.
    ///
    /// # Errors
    ///
    /// [`Error::DuplicateEvent`] naming the first id that two events share.
    pub fn new(events: Vec<Event>) -> Result<Self, Error> {
        let mut seen = BTreeSet::new();
        for event in &events {
            if !seen.insert(&event.id) {
                return Err(Error::DuplicateEvent {
                    id: event.id.to_string(),
                });
            }
        }
        let mut events = events;
        events.sort_by(timeline_order);
        Ok(Self { events })
    }

    /// A stamp that depends only on the data: midnight UTC after the last day any event or
    /// deadline is known to include (the Unix epoch's day for a calendar without dates), so the
    /// same calendar always exports the same iCalendar file.
    ///
    /// ```
    /// use plenary_events::Calendar;
    ///
    /// assert_eq!(Calendar::new(vec![])?.data_stamp().to_rfc3339(), "1970-01-02T00:00:00+00:00");
    /// # Ok::<(), plenary_events::Error>(())
    /// ```
    pub fn data_stamp(&self) -> DateTime<Utc> {
        let last = self
            .events
            .iter()
            .filter_map(|e| e.when.and_then(|w| w.latest_known()))
            .chain(
                self.events
                    .iter()
                    .flat_map(|e| e.deadlines.iter().map(|d| d.due.latest())),
            )
            .max()
            .unwrap_or_default();
        let day = last.checked_add_days(Days::new(1)).unwrap_or(last);
        day.and_time(NaiveTime::MIN).and_utc()
    }

    /// Every event in timeline order.
    pub fn timeline(&self) -> &[Event] {
        &self.events
    }

    /// How many events there are.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The event with `id`.
    pub fn get(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The events not known to be over on `as_of`, in timeline order: those with a day on or
    /// after it, those still open, and those whose dates are not known yet (last).
    ///
    /// An event whose end is unknown ("September 14-?") is counted as lasting its first day
    /// only, the last day it is known to include.
    pub fn upcoming(&self, as_of: NaiveDate) -> Vec<&Event> {
        self.events
            .iter()
            .filter(|e| match e.when {
                Some(when) => when.latest_known().is_none_or(|last| last >= as_of),
                None => true,
            })
            .collect()
    }

    /// The dated events known to share a day with `from..=to`, in timeline order.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> Vec<&Event> {
        self.events
            .iter()
            .filter(|e| e.when.is_some_and(|when| when.overlaps(from, to)))
            .collect()
    }

    /// The events whose parent is `of`, in timeline order.
    pub fn children(&self, of: &EventId) -> Vec<&Event> {
        self.events
            .iter()
            .filter(|e| e.parent.as_ref() == Some(of))
            .collect()
    }

    /// The deadlines that can fall on a day in `from..=to` (a deadline known to the month counts
    /// when the month overlaps), by due date, then in timeline order of their events.
    pub fn deadlines_due(&self, from: NaiveDate, to: NaiveDate) -> Vec<DueDeadline<'_>> {
        let mut due: Vec<DueDeadline<'_>> = self
            .events
            .iter()
            .flat_map(|event| {
                event
                    .deadlines
                    .iter()
                    .map(move |deadline| DueDeadline { event, deadline })
            })
            .filter(|d| d.deadline.due.earliest() <= to && from <= d.deadline.due.latest())
            .collect();
        // A stable sort keeps the timeline order of events with deadlines on one day.
        due.sort_by_key(|d| d.deadline.due);
        due
    }
}

impl IntoIterator for Calendar {
    type Item = Event;
    type IntoIter = std::vec::IntoIter<Event>;

    fn into_iter(self) -> Self::IntoIter {
        self.events.into_iter()
    }
}

impl<'a> IntoIterator for &'a Calendar {
    type Item = &'a Event;
    type IntoIter = std::slice::Iter<'a, Event>;

    fn into_iter(self) -> Self::IntoIter {
        self.events.iter()
    }
}

/// Dated events by their span (earliest day first), undated last, ties by id.
fn timeline_order(a: &Event, b: &Event) -> Ordering {
    match (&a.when, &b.when) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.id.cmp(&b.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EventKind;

    fn event(id: &str, when: Option<&str>, parent: Option<&str>) -> Event {
        let mut e = Event::new(id.parse().unwrap(), id, EventKind::Conference).unwrap();
        e.when = when.map(|w| w.parse().unwrap());
        e.parent = parent.map(|p| p.parse().unwrap());
        e
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn ids(events: &[&Event]) -> Vec<String> {
        events.iter().map(|e| e.id.to_string()).collect()
    }

    fn calendar() -> Calendar {
        let mut wtsa = event("wtsa-12", Some("2012-11-20/2012-11-29"), None);
        wtsa.deadlines.push(Deadline::new(
            "2012-09-20".parse().unwrap(),
            "contributions",
        ));
        let mut wcit = event("wcit-12", Some("2012-12-03/2012-12-14"), None);
        wcit.deadlines.push(Deadline::new(
            "2012-11-03".parse().unwrap(),
            "contributions",
        ));
        wcit.deadlines
            .push(Deadline::new("2012-11".parse().unwrap(), "proposals"));
        Calendar::new(vec![
            event("arab", None, None),
            wcit,
            event("december", Some("2012-12"), None),
            event("rcc", Some("2012-09-14/"), None),
            event("plenary", Some("2012-11-29"), Some("wtsa-12")),
            wtsa,
            event("year", Some("2012"), None),
            event("apt", Some("2012-08-06/2012-08-08"), None),
            event("ongoing", Some("2012-10-01/.."), None),
        ])
        .unwrap()
    }

    #[test]
    fn timeline_sorts_partial_dates_by_their_earliest_day_and_undated_last() {
        let c = calendar();
        let all: Vec<&Event> = c.timeline().iter().collect();
        assert_eq!(
            ids(&all),
            [
                "year", "apt", "rcc", "ongoing", "wtsa-12", "plenary", "december", "wcit-12",
                "arab"
            ]
        );
    }

    #[test]
    fn upcoming_keeps_what_is_not_known_to_be_over() {
        let c = calendar();
        assert_eq!(
            ids(&c.upcoming(day("2012-09-15"))),
            [
                "year", "ongoing", "wtsa-12", "plenary", "december", "wcit-12", "arab"
            ]
        );
        assert_eq!(
            ids(&c.upcoming(day("2012-09-14"))),
            [
                "year", "rcc", "ongoing", "wtsa-12", "plenary", "december", "wcit-12", "arab"
            ]
        );
        assert_eq!(ids(&c.upcoming(day("2013-01-01"))), ["ongoing", "arab"]);
    }

    #[test]
    fn between_finds_overlaps() {
        let c = calendar();
        assert_eq!(
            ids(&c.between(day("2012-11-29"), day("2012-12-02"))),
            ["year", "ongoing", "wtsa-12", "plenary", "december"]
        );
        assert_eq!(
            ids(&c.between(day("2012-08-08"), day("2012-08-08"))),
            ["year", "apt"]
        );
        assert!(c.between(day("2013-01-01"), day("2013-12-31")).len() == 1);
    }

    #[test]
    fn children_of_an_event() {
        let c = calendar();
        assert_eq!(ids(&c.children(&"wtsa-12".parse().unwrap())), ["plenary"]);
        assert!(c.children(&"wcit-12".parse().unwrap()).is_empty());
    }

    #[test]
    fn deadlines_due_in_a_window() {
        let c = calendar();
        let due = c.deadlines_due(day("2012-09-01"), day("2012-11-03"));
        let got: Vec<String> = due
            .iter()
            .map(|d| format!("{} {}", d.event.id, d.deadline))
            .collect();
        assert_eq!(
            got,
            [
                "wtsa-12 contributions due by 2012-09-20",
                // A month sorts by its first day, as everywhere on the timeline.
                "wcit-12 proposals due by 2012-11",
                "wcit-12 contributions due by 2012-11-03",
            ]
        );
        assert!(
            c.deadlines_due(day("2012-12-01"), day("2012-12-31"))
                .is_empty()
        );
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let err = Calendar::new(vec![event("a", None, None), event("a", None, None)]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "duplicate event id \"a\": expected every event of a calendar to have its own id"
        );
    }
}
