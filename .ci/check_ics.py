"""Reads iCalendar feeds with two independent parsers and checks what a subscriber relies on.

usage: check_ics.py FEED.ics...

The `icalendar` package reads each feed strictly (a line it cannot parse is an error) and the
`ics` package (ics-py) reads it again on its own grammar. Both must see the same events; every
event has a UID, a DTSTART and a DTSTAMP; UIDs are unique; every TZID used has its VTIMEZONE;
the calendar names itself (NAME or X-WR-CALNAME) and says how often to refresh.
"""

import sys

import icalendar
import ics


def check(path: str) -> None:
    text = open(path, encoding="utf-8", newline="").read()
    calendar = icalendar.Calendar.from_ical(text)
    errors = []
    for component in calendar.walk():
        for name, error in getattr(component, "errors", []):
            errors.append(f"{component.name} {name}: {error}")
    if errors:
        raise SystemExit(f"{path}: icalendar found errors: {errors}")
    if not calendar.get("NAME") or not calendar.get("X-WR-CALNAME"):
        raise SystemExit(f"{path}: the calendar does not name itself")
    if not calendar.get("REFRESH-INTERVAL"):
        raise SystemExit(f"{path}: no REFRESH-INTERVAL")
    zones = {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")}
    uids = []
    for event in calendar.walk("VEVENT"):
        for prop in ("UID", "DTSTART", "DTSTAMP"):
            if prop not in event:
                raise SystemExit(f"{path}: an event without {prop}: {event.get('UID')}")
        start = event["DTSTART"]
        tzid = start.params.get("TZID")
        if tzid and tzid not in zones:
            raise SystemExit(f"{path}: {event['UID']} uses TZID {tzid} with no VTIMEZONE")
        start.dt  # the value must be readable as a date or date-time
        uids.append(str(event["UID"]))
    if len(uids) != len(set(uids)):
        raise SystemExit(f"{path}: UIDs are not unique")
    other = ics.Calendar(text)
    other_uids = sorted(e.uid for e in other.events)
    if other_uids != sorted(uids):
        raise SystemExit(f"{path}: ics-py read {len(other_uids)} events, icalendar {len(uids)}")
    print(f"{path}: {len(uids)} events, {len(zones)} zones read alike by icalendar and ics-py")


for feed in sys.argv[1:]:
    check(feed)
