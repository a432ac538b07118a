"""plenary: international policy processes — treaty texts, date phrases, petitions and whole
datasets — read and checked by plenary's Rust parsers.

- ``plenary.treaty``: ITU treaty texts parsed into dicts, exported to Akoma Ntoso, diffed.
- ``plenary.events``: date phrases as EDTF, a dataset's events as iCalendar.
- ``plenary.petitions``: a petition's signatures counted into a tally.
- ``plenary.Dataset``: a whole process (actors, events, resources, documents, petitions), loaded,
  validated and written as JSON; ``plenary.wcit12()`` is the embedded WCIT-12 story.

Input plenary cannot read raises ``plenary.ParseError``, a ``ValueError`` with ``line`` and
``column``. Long calls release the GIL, so several can run at once on threads.
"""

from plenary import events, petitions, treaty
from plenary._plenary import Dataset, ParseError, wcit12

__all__ = ["Dataset", "ParseError", "events", "petitions", "treaty", "wcit12"]
