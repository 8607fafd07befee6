"""The section names and label words of the layouts, from the cue-word file
``kg/data/patterns/sections.json`` (see :func:`kg.resources.pattern_group`).

A layout keeps the Markdown structure of its lines (``**…**:``, ``### …``)
in its own regular expressions and takes the words that fill them from the
data file: a new digest's section name is added there, not in code.  Each
layout compiles what it needs from the file once, with :func:`compiled`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar


T = TypeVar("T")

#: the cue-word group of the layouts
GROUP = "sections"

# build function -> (the data it was built from, what it built)
_BUILT: dict[Callable, tuple[dict, object]] = {}


def compiled(build: Callable[[dict], T]) -> T:
    """``build(data)`` of the loaded ``sections.json``, made once per load of
    the file (the data is loaded once per process; a test that installs
    another copy gets a new build).  A call costs two dict lookups: call it
    once per report or paper, not per line.  Raises DataError as
    :func:`kg.resources.pattern_group` does (its schema checks every
    regular expression of the file), or as ``build`` does."""
    from kg.resources import pattern_group  # on first read: importing kg.read does not load jsonschema

    data = pattern_group(GROUP)
    hit = _BUILT.get(build)
    if hit is None or hit[0] is not data:
        hit = _BUILT[build] = (data, build(data))
    return hit[1]  # type: ignore[return-value]


def alternation(patterns: Iterable[str]) -> str:
    """``(?:p1)|(?:p2)…`` of regular expressions of the data file (checked
    when the file was loaded)."""
    return "|".join(f"(?:{p})" for p in patterns)


def word_pattern(word: str) -> str:
    """A regular expression of a word as written: special characters escaped,
    a space matching any run of spaces (``Key Findings``)."""
    return r"\s+".join(re.escape(part) for part in word.split())


def word_alternation(words: Iterable[str], longest_first: bool = False) -> str:
    """``w1|w2…`` of :func:`word_pattern` (longest words first if asked, so
    that ``一句话核心贡献`` wins over ``核心贡献``)."""
    words = sorted(words, key=len, reverse=True) if longest_first else list(words)
    return "|".join(word_pattern(w) for w in words)


def label_key(text: str) -> str:
    """How a label as written is looked up: spaces collapsed, lower case."""
    return " ".join(text.split()).lower()


def key_of_word(table: dict[str, list[str]]) -> dict[str, str]:
    """A section table (``key -> words``) as ``label_key(word) -> key``; the
    first key listing a word keeps it."""
    out: dict[str, str] = {}
    for key, words in table.items():
        for word in words:
            out.setdefault(label_key(word), key)
    return out


def canonical_names(table: dict[str, list[str]]) -> dict[str, str]:
    """A section table (``key -> words``) as ``key -> its first word`` (the
    name used in warnings), in report order."""
    return {key: words[0] for key, words in table.items()}
