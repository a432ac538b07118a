"""ITU treaty texts in plain-text layout: parsed into dicts, exported to Akoma Ntoso 3.0 XML and
compared clause by clause."""

from typing import Any, Literal, TypedDict

from typing_extensions import NotRequired

class Clause(TypedDict):
    """A clause: its label (``a)``, ``1``, ``1.1``), its text and the clauses under it."""

    num: NotRequired[str]
    text: str
    clauses: NotRequired[list[Clause]]
    mark: NotRequired[dict[str, str]]

class Section(TypedDict):
    """A preamble or operative section opened by a keyword (``considering``, ``resolves``)."""

    keyword: str
    phrase: str
    addressee: NotRequired[str]
    clauses: list[Clause]

class Unplaced(TypedDict):
    """A line the parser could not place."""

    line: int
    text: str

class Document(TypedDict, total=False):
    """A parsed treaty text; parts the text does not have are absent."""

    id: str
    kind: str
    number: str
    symbol: str
    title: str
    issuer: str
    session: dict[str, Any]
    revised: dict[str, Any]
    mark: dict[str, str]
    language: str
    preamble: list[Section]
    operative: list[Section]
    articles: list[dict[str, Any]]
    references: list[dict[str, Any]]
    unplaced: list[Unplaced]

# One clause-level change between two texts (``from``, the clause's old number when it moved,
# is a Python keyword, hence the functional form).
Change = TypedDict(
    "Change",
    {
        "part": str,
        "section": str,
        "num": NotRequired[str],
        "change": Literal["added", "removed", "modified", "moved"],
        "old": NotRequired[str],
        "new": NotRequired[str],
        "from": NotRequired[str],
        "words": NotRequired[list[dict[str, str]]],
    },
)

class Diff(TypedDict):
    """The changes from one text to another."""

    changes: list[Change]

def parse(text: str, *, strict: bool = False) -> Document:
    """Parses a treaty text in ITU plain-text layout into a dict.

    With ``strict=True`` a line that cannot be placed raises ``plenary.ParseError`` with its
    ``line``; otherwise such lines are kept under ``unplaced``. The GIL is released meanwhile.
    """

def to_akn(text: str, *, strict: bool = False) -> str:
    """Parses a treaty text like ``parse`` and returns it as Akoma Ntoso 3.0 XML."""

def diff(old: str, new: str) -> Diff:
    """Compares two treaty texts clause by clause."""

def apply(base: str, proposal: str) -> Document:
    """Applies an ITU proposal's ADD, MOD, (MOD), SUP and NOC marks to a base instrument.

    Returns the amended document; raises ``plenary.ParseError`` naming the mark, its reference
    and the provision when a mark does not fit, and nothing is half-applied.
    """

__all__ = ["apply", "diff", "parse", "to_akn"]
