"""Petitions and sign-on letters: a petition's signatures (NDJSON) counted into a tally."""

import os
from collections.abc import Iterable
from typing import TypedDict

class MilestoneReached(TypedDict):
    """A threshold the count reached, and when (RFC 3339, UTC)."""

    threshold: int
    reached_at: str

class LineError(TypedDict):
    """A rejected line: its number, from 1, and why."""

    line: int
    reason: str

class TallyReport(TypedDict):
    """A tally: ``lines`` (non-blank) equals ``counted + duplicates + rejected``."""

    lines: int
    counted: int
    duplicates: int
    rejected: int
    by_country: dict[str, int]
    milestones: list[MilestoneReached]
    errors: list[LineError]

def tally(
    path_or_bytes: str | os.PathLike[str] | bytes | bytearray | memoryview,
    milestones: Iterable[int] | None = None,
    *,
    threads: int | None = None,
) -> TallyReport:
    """Counts a petition's signatures (one JSON object a line) from a file or its bytes.

    Runs on ``threads`` threads (every core by default) with the GIL released. Raises
    ``OSError`` for a file that cannot be read and ``ValueError`` for a milestone that is not a
    whole number above zero; rejected lines are reported in ``errors``, not raised.
    """

__all__ = ["tally"]
