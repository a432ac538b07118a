"""ITU treaty texts in plain-text layout (resolutions, proposals, revisions): parsed into
dicts, exported to Akoma Ntoso 3.0 XML and compared clause by clause."""

from plenary._plenary import treaty as _native

parse = _native.parse
to_akn = _native.to_akn
diff = _native.diff
apply = _native.apply

__all__ = ["apply", "diff", "parse", "to_akn"]
