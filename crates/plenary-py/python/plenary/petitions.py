"""Petitions and sign-on letters: a petition's signatures (NDJSON) counted into a tally."""

from plenary._plenary import petitions as _native

tally = _native.tally

__all__ = ["tally"]
