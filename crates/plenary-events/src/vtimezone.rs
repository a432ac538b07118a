//! `VTIMEZONE` components built from chrono-tz, so that timed events keep their own zone.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Offset, TimeZone as _};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use crate::ics_writer::{ContentLines, local_date_time};

/// One offset of a zone from a moment on: what clocks read, its name, and whether it is
/// daylight saving time.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Observance {
    offset_seconds: i32,
    dst: bool,
}

fn observance(tz: Tz, at: chrono::NaiveDateTime) -> (Observance, String) {
    let offset = tz.offset_from_utc_datetime(&at);
    let observance = Observance {
        offset_seconds: offset.fix().local_minus_utc(),
        dst: offset.dst_offset() != Duration::zero(),
    };
    let name = offset
        .abbreviation()
        .map_or_else(|| format_offset(observance.offset_seconds), str::to_owned);
    (observance, name)
}

/// `+0400`, `-0330`, `+053000` when seconds are needed.
fn format_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// Writes the `VTIMEZONE` of `tz` for the given years: the offset in force on 1 January of the
/// first, then every change of offset within them, found day by day and then to the second.
pub(crate) fn write_vtimezone(lines: &mut ContentLines, tz: Tz, years: &BTreeSet<i32>) {
    lines.begin("VTIMEZONE");
    lines.property("TZID", &[], tz.name());
    let mut previous: Option<Observance> = None;
    for &year in years {
        let (Some(first), Some(next_year)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year + 1, 1, 1),
        ) else {
            continue;
        };
        let mut at = first.and_hms_opt(0, 0, 0).unwrap_or_default();
        let (mut current, name) = observance(tz, at);
        if previous != Some(current) {
            // In force from the start of the year, local time.
            write_observance(lines, at, previous.unwrap_or(current), current, &name);
        }
        while at.date() < next_year {
            let later = at + Duration::days(1);
            let (next, next_name) = observance(tz, later);
            if next != current {
                // The change is within this day: find its second.
                let (mut low, mut high) = (at, later);
                while high - low > Duration::seconds(1) {
                    let mid = low + (high - low) / 2;
                    if observance(tz, mid).0 == current {
                        low = mid;
                    } else {
                        high = mid;
                    }
                }
                let local = high + Duration::seconds(i64::from(current.offset_seconds));
                write_observance(lines, local, current, next, &next_name);
                current = next;
            }
            at = later;
        }
        previous = Some(current);
    }
    lines.end("VTIMEZONE");
}

/// One `STANDARD` or `DAYLIGHT` from `local`, the local time before the change.
fn write_observance(
    lines: &mut ContentLines,
    local: chrono::NaiveDateTime,
    from: Observance,
    to: Observance,
    name: &str,
) {
    let Some(start) = local_date_time(local) else {
        return;
    };
    let component = if to.dst { "DAYLIGHT" } else { "STANDARD" };
    lines.begin(component);
    lines.property("DTSTART", &[], &start);
    lines.property("TZOFFSETFROM", &[], &format_offset(from.offset_seconds));
    lines.property("TZOFFSETTO", &[], &format_offset(to.offset_seconds));
    lines.text("TZNAME", name);
    lines.end(component);
}

/// The years of the days given, for [`write_vtimezone`].
pub(crate) fn years_of(days: impl IntoIterator<Item = NaiveDate>) -> BTreeSet<i32> {
    days.into_iter().map(|d| d.year()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vtimezone(tz: Tz, years: &[i32]) -> String {
        let mut lines = ContentLines::new();
        write_vtimezone(&mut lines, tz, &years.iter().copied().collect());
        lines.finish()
    }

    #[test]
    fn a_zone_without_daylight_saving_has_one_observance() {
        let text = vtimezone(chrono_tz::Asia::Dubai, &[2012]);
        assert_eq!(
            text,
            "BEGIN:VTIMEZONE\r\nTZID:Asia/Dubai\r\nBEGIN:STANDARD\r\nDTSTART:20120101T000000\r\n\
             TZOFFSETFROM:+0400\r\nTZOFFSETTO:+0400\r\nTZNAME:+0400\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        );
    }

    #[test]
    fn daylight_saving_changes_are_found_to_the_second() {
        let text = vtimezone(chrono_tz::Europe::Zurich, &[2012]);
        assert!(text.contains(
            "BEGIN:DAYLIGHT\r\nDTSTART:20120325T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT\r\n"
        ), "{text}");
        assert!(text.contains(
            "BEGIN:STANDARD\r\nDTSTART:20121028T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD\r\n"
        ), "{text}");
    }
}
