"""Renders plenary's CSL-JSON with citeproc-py, a citeproc processor, to prove it consumable.

Usage: python3 .ci/check_csl.py BANK.csl.json
Fails (exit 1) when the processor rejects an item or renders fewer entries than it was given.
"""

import json
import sys

from citeproc import (Citation, CitationItem, CitationStylesBibliography,
                      CitationStylesStyle, formatter)
from citeproc.source.json import CiteProcJSON


def main(path):
    with open(path, encoding="utf-8") as f:
        items = json.load(f)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    entries = [str(entry) for entry in bibliography.bibliography()]
    if len(entries) != len(items):
        print(f"citeproc rendered {len(entries)} of {len(items)} items", file=sys.stderr)
        return 1
    print(f"citeproc-py rendered all {len(entries)} items, e.g. {entries[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
