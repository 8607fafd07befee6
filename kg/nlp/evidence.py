"""Evidence text: Markdown blanked out for the NLP pipeline (character offsets
kept, so mentions map back to report lines) and the clean sentence quoted as
a fact's evidence."""

from __future__ import annotations

import re

#: a Markdown list marker at a line start (``- ``, ``* ``, ``+ ``, ``12. ``)
_LIST_MARKER_RE = re.compile(r"^[ \t]*(?:[*+\-]|\d+\.)(?=[ \t])", re.MULTILINE)


def _spaces(m: re.Match) -> str:
    return " " * (m.end() - m.start())


def blank_markdown(text: str) -> str:
    """Replace Markdown emphasis (``**``, ``__``, backticks) and list markers
    by spaces (offsets kept), as one regex of the four would.  List markers
    first (a regex; at most one per line), then ``**``, ``__`` and backticks
    with ``str.replace``, which runs no Python code per match.  The order
    cannot change the result: those three never contain a line start, and
    a line that starts with one of them has no list marker there (a marker
    is followed by a space or tab)."""
    if "\n" in text or text[:1] in " \t*+-0123456789":
        text = _LIST_MARKER_RE.sub(_spaces, text)
    return text.replace("**", "  ").replace("__", "  ").replace("`", " ")


def clean_sentence(text: str) -> str:
    """Evidence form of a sentence: Markdown removed, whitespace collapsed
    to single spaces and stripped (``str.split`` splits at the characters
    the regex ``\\s`` matches)."""
    return " ".join(blank_markdown(text).split())
