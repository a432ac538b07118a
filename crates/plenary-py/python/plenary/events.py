"""The events of a policy process: date phrases read as EDTF, a dataset's events as
iCalendar."""

from plenary._plenary import events as _native

parse_date = _native.parse_date
to_ics = _native.to_ics
find_dates = _native.find_dates

__all__ = ["find_dates", "parse_date", "to_ics"]
