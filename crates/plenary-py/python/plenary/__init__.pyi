"""plenary: international policy processes read and checked by plenary's Rust parsers."""

import os
from typing import TypedDict, final

from plenary import events as events
from plenary import petitions as petitions
from plenary import treaty as treaty

class Problem(TypedDict):
    """One problem of a dataset that does not hold together (a type for annotations only, as are
    the ``TypedDict``s of the submodules' stubs: import it under ``typing.TYPE_CHECKING``)."""

    path: str
    """The JSON path of the value at fault, such as ``$.events[3].organisers[0]``."""
    message: str
    """The problem, as plenary states it (starting with the path)."""

class ParseError(ValueError):
    """Input that plenary cannot read: a treaty text, a date phrase, a dataset or a timestamp.

    The message is the one plenary gives in Rust: it quotes the value, says where it is and
    what was expected.
    """

    line: int | None
    """The line of the input at fault, from 1, or None where not known."""
    column: int | None
    """The column of the input at fault, from 1, or None where not known."""
    path: str | None
    """The JSON path of the value at fault (datasets), or None."""
    problems: tuple[Problem, ...]
    """Every problem of a dataset that does not hold together; empty for other errors."""

@final
class Dataset:
    """One policy process: its actors, events, resources, treaty documents and petitions, with
    the sources of its facts. Datasets compare equal when their contents are."""

    @staticmethod
    def load(path: str | os.PathLike[str]) -> Dataset:
        """Reads the dataset file at ``path`` and validates it.

        Raises ``OSError`` for a file that cannot be read and ``ParseError`` for JSON that is
        not a dataset or a dataset that does not hold together. The GIL is released meanwhile.
        """
    @staticmethod
    def from_json(json: str) -> Dataset:
        """Reads a dataset from its JSON text without validating it.

        Raises ``ParseError`` with the ``line``, ``column`` and JSON ``path`` of a bad value.
        """
    def validate(self) -> None:
        """Checks ids and references as a whole; raises ``ParseError`` listing every problem
        in ``problems``."""
    def to_json(self) -> str:
        """The dataset as pretty-printed JSON, which ``from_json`` and ``load`` read back."""
    def __eq__(self, other: object, /) -> bool: ...

def wcit12() -> Dataset:
    """The embedded WCIT-12 story (Dubai, 2012) as a ``Dataset``."""

__all__ = ["Dataset", "ParseError", "events", "petitions", "treaty", "wcit12"]
