"""The events of a policy process: date phrases read as EDTF, a dataset's events as
iCalendar."""

from typing import Any

def parse_date(phrase: str, year: int | None = None) -> str:
    """Reads a date phrase (``"3-14 December 2012"``, ``"September 14-?"``) as an EDTF string
    (``"2012-12-03/2012-12-14"``, ``"2012-09-14/"``); ``year`` supplies a missing year.

    Raises ``plenary.ParseError`` for a phrase that cannot be read or names days that do not
    exist.
    """

def to_ics(dataset_json: str, *, dtstamp: str | None = None) -> str:
    """The events of a dataset (its JSON text) as an iCalendar file, stamped with ``dtstamp``
    (RFC 3339) or, without it, midnight UTC after the last day any event includes.

    Raises ``plenary.ParseError`` for JSON that is not a dataset, two events with one id or a
    ``dtstamp`` that is not RFC 3339. The GIL is released meanwhile.
    """

def find_dates(
    text: str,
    year: int | None = None,
    *,
    month: int | None = None,
    language: str | None = None,
    month_first: bool = False,
) -> list[dict[str, Any]]:
    """Every date mention in running text, in order: ``start``/``end`` (``text[start:end]`` is
    the mention), ``text``, ``kind`` (``"span"``, ``"deadline"``, ``"times"``, ``"unknown"``) and
    its meaning (``edtf``; ``due`` and ``time``; ``start_time``, ``end_time``, ``time_zone``).

    ``year`` and ``month`` give the date of phrases without one; ``language`` is one of ``"en"``,
    ``"fr"``, ``"es"``, ``"ru"``, ``"ar"``, ``"zh"``. Raises ``plenary.ParseError`` for an unknown
    language or a month outside 1-12. The GIL is released meanwhile.
    """

__all__ = ["find_dates", "parse_date", "to_ics"]
