"""Readable SPARQL syntax errors: line, column, the offending line with a
caret, and an unknown prefix named (with the predeclared ones)."""

from __future__ import annotations

import re

from kg.rdf import vocab

_POSITION_RE = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.S)
_PREFIXED_END_RE = re.compile(r"([A-Za-z][\w.-]*)?:[\w.-]*$")


def syntax_message(err: SyntaxError, text: str) -> str:
    """Readable form of a pyoxigraph SPARQL :class:`SyntaxError`.

    pyoxigraph reports ``error at LINE:COLUMN: expected …`` (1-based, columns
    in characters).  Returns ``SPARQL syntax error at line L, column C: …``
    followed by the offending line and a caret under the column; an unknown
    prefix is named instead of listing the characters the parser expected.
    """
    raw = str(err)
    m = _POSITION_RE.match(raw)
    if not m:
        return f"SPARQL syntax error: {' '.join(raw.split())}"
    line, column, detail = int(m.group(1)), int(m.group(2)), " ".join(m.group(3).split())
    lines = text.split("\n")
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if "Prefix not found" in detail:
        pm = _PREFIXED_END_RE.search(source[: max(column - 1, 0)])
        name = (pm.group(1) or "") if pm else ""
        detail = (
            f"unknown prefix '{name}:' (declare it with PREFIX {name}: <…>; predeclared: "
            f"{', '.join(sorted(vocab.PREFIXES))})"
        )
    elif len(detail) > 300:
        detail = detail[:300] + " …"
    message = f"SPARQL syntax error at line {line}, column {column}: {detail}"
    if source.strip():
        message += f"\n  {source.rstrip()}\n  {' ' * max(column - 1, 0)}^"
    return message
