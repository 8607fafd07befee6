"""HTML building blocks of the site (:mod:`kg.outputs.site`): escaping, page and
table templates, safe links, file names.

Every text from the graph goes through :func:`esc` (HTML-escaped, control
characters removed); only ``http``/``https`` URLs become links
(:func:`href`), anything else is shown as text.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal
from urllib.parse import urlsplit

from kg.rdf import vocab

#: C0/C1 control characters but tab and newline (a NUL or an escape in a
#: report's title must not reach a page)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


#: a character :func:`esc` changes (most names and sentences have none)
_SPECIAL = re.compile(r"[&<>\"'\x00-\x08\x0b-\x1f\x7f-\x9f]")


def esc(text) -> str:
    """``text`` (any value; None is empty) HTML-escaped, quotes included,
    with control characters removed."""
    s = "" if text is None else str(text)
    if _SPECIAL.search(s) is None:
        return s
    return html.escape(_CONTROL.sub("", s), quote=True)


def href(url: str | None) -> str | None:
    """``url`` when it may be a link target: an absolute ``http``/``https``
    URL with a host and no control characters or spaces; else None (a
    ``javascript:``, ``data:`` or ``file:`` URL is shown as text)."""
    if not url or _CONTROL.search(url) or any(ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def link(url: str | None, text: str | None = None) -> str:
    """An ``<a>`` to ``url`` when :func:`href` allows it, else the escaped text."""
    target = href(url)
    shown = esc(text if text is not None else url)
    return f'<a href="{esc(target)}">{shown}</a>' if target else shown


class Namer:
    """Stable, unique, file-system-safe page names per folder."""

    def __init__(self):
        self._names: dict[str, str] = {}
        self._used: set[str] = set()

    def __call__(self, iri: str, hint: str | None = None) -> str:
        if iri in self._names:
            return self._names[iri]
        base = hint or re.split(r"[/#]", iri.rstrip("/"))[-1]
        base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._-")[:80] or "item"
        name = base
        if name.lower() in self._used:
            import hashlib

            name = f"{base}-{hashlib.sha1(iri.encode()).hexdigest()[:8]}"
        self._used.add(name.lower())
        self._names[iri] = name
        return name


CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;
margin:0;color:#1d232a;background:#fafbfc}
nav{background:#24344d;padding:.6em 1.2em}nav a{color:#fff;margin-right:1.4em;text-decoration:none;font-weight:600}
main{max-width:1180px;margin:0 auto;padding:1em 1.2em 3em}
h1{font-size:1.6em;margin:.6em 0 .3em}h2{font-size:1.25em;margin:1.6em 0 .4em;border-bottom:1px solid #dde3ea}
h3{font-size:1.05em;margin:1.2em 0 .3em}
table{border-collapse:collapse;width:100%;margin:.4em 0 1em;background:#fff}
th,td{border:1px solid #dde3ea;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#eef2f6;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
a{color:#1a5fb4}.muted{color:#66707a;font-size:.88em}.quote{font-size:.92em}
.cards{display:flex;flex-wrap:wrap;gap:.8em;margin:.8em 0}
.card{background:#fff;border:1px solid #dde3ea;border-radius:6px;padding:.5em 1em;min-width:7em}
.card b{display:block;font-size:1.5em}figure{margin:1em 0}svg{max-width:100%;height:auto;background:#fff;
border:1px solid #dde3ea;border-radius:6px}ul.cols{columns:3 16em}
"""


def page(title: str, body: str, root: str = "") -> str:
    """A complete HTML page; ``root`` is the relative path to the site root."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} · PaperKG</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<nav><a href="{root}index.html">PaperKG</a><a href="{root}index.html#benchmarks">Benchmarks</a>'
        f'<a href="{root}models.html">Models</a><a href="{root}papers.html">Papers</a></nav>\n'
        f"<main>\n<h1>{esc(title)}</h1>\n{body}\n</main>\n</body>\n</html>\n"
    )


def table(headers: list[str], rows: list[list[str]], cls: list[str] | None = None) -> str:
    """A table; cells in ``rows`` are already HTML (escaped by the caller)."""
    cls = cls or [""] * len(headers)
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "\n".join(
        "<tr>" + "".join(f'<td class="{c}">{v}</td>' if c else f"<td>{v}</td>" for v, c in zip(r, cls)) + "</tr>"
        for r in rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def score(value: Decimal | None) -> str:
    return "" if value is None else esc(format(value, "f"))


def unit(unit: str | None) -> str:
    if unit is None or unit == vocab.UNIT_NUM:  # a plain number
        return ""
    return "%" if unit == vocab.UNIT_PERCENT else esc(vocab.compact(unit).split(":")[-1])
