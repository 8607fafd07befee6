"""Parentheses inside a sentence: which one is still open at a position,
and whether a mention in one is an example of a class (``（如 A, B 等）``)
or an aside of its clause (``（X 的 CHAIR 降低了 19%）``) rather than a
subject.  Offsets are character offsets in the sentence text."""

from __future__ import annotations

import re

from kg.extract.sentence import Mention

_EXAMPLES_OPEN_RE = re.compile(r"[\s*]*(?:如|例如|比如|包括|e\.g\.|such as|including)", re.IGNORECASE)


def open_paren(text: str, pos: int) -> int:
    """Offset of the parenthesis (``（`` or ``(``) still open at ``pos``, -1 when none is."""
    paren = max(text.rfind("（", 0, pos), text.rfind("(", 0, pos))
    return -1 if paren < 0 or re.search(r"[)）]", text[paren:pos]) else paren


def in_examples(text: str, pos: int) -> bool:
    """True when ``pos`` sits in a parenthesis that lists examples of a class
    (``（如 A, B 等）``, ``(e.g., A)``), not yet closed."""
    paren = open_paren(text, pos)
    return paren >= 0 and bool(_EXAMPLES_OPEN_RE.match(text, paren + 1))


def in_aside(text: str, s: Mention, cue: int) -> bool:
    """True when mention ``s`` sits in a parenthesis that closes before
    ``cue`` and says more than a name: an aside of the clause (``（X 的
    CHAIR 降低了 19%）``), not its subject; a gloss (``重述（P-ground）``) is
    no aside."""
    paren = open_paren(text, s.start)
    if paren < 0:
        return False
    close = re.search(r"[)）]", text[s.end : cue])
    if close is None:
        return False
    rest = text[paren + 1 : s.start] + text[s.end : s.end + close.start()]
    return bool(_ASIDE_WORDS_RE.search(rest))


_ASIDE_WORDS_RE = re.compile(r"[\u4e00-\u9fff]{2,}|\d|[A-Za-z]{3,}\s+[a-z]{3,}")
