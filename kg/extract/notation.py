"""Notation that is never an entity: URLs and handles, math, counts and units.

The shape rules of :mod:`kg.extract.negative` that read a mention's
characters and the text right around it (a spaCy span over a section's text,
see :mod:`kg.nlp.pipeline`); each returns the rule's name or None:

* ``url``: part of a URL, a repository path, a bare host name or an
  ``@handle`` (``github.com/someone/Tool-Kit``, ``zorb-lab.github.io``);
* ``math``: inside inline LaTeX (``$z_{t+1}$``) or shaped like a formula or
  a symbol (``t+1``, ``z_1``, ``χ_MPC``, ``λ``, ``Lψ``);
* ``math`` also for a name no gazetteer knows that holds a subscript digit
  (``V₁``, ``E₂D``: :func:`subscript_symbol`);
* ``quantity``: a count with a unit or a generic noun (``7-DoF``,
  ``12-layer``), a number with one or two letters (``200B+``), dimensions
  (``64x64x64``), a unit after its number (``4 km²``), a resolution level
  (``VGA 分辨率``).
"""

from __future__ import annotations

import re

from kg.nlp.pipeline import doc_text, mention_info, span_text
from kg.nlp.math_names import written_as_math

_URL_TOKEN_RE = re.compile(r"(?:https?://|www\.|[\w-]+\.(?:com|org|io|ai|net|dev|edu|cn)/)", re.IGNORECASE)
#: a bare host name, lower case, on a web domain ('project.github.io', 'foo-lab.ai'): a project page
_BARE_HOST_RE = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|io|ai|net|dev|edu|cn)[/.,;:]?")
_FORMULA_RE = re.compile(r"[A-Za-z\u0370-\u03FF]\w?[_^][\w{}]+|[a-z][+\-*/]\d+|\d+[+\-*/][a-z]|[a-z]\([a-z]\)")
_GREEK_RE = re.compile(r"[\u0370-\u03FF]")
# 'λcard', 'αRacc' (α·R_acc), 'Vπold' (V_{π_old}): a Greek letter with an inline subscript
_GREEK_SUBSCRIPT_RE = re.compile(r"[\u0370-\u03FF][A-Z]?[a-z]{1,6}|[A-Z][\u03B1-\u03C9][a-z]{1,4}")
_LATEX_COMMAND_RE = re.compile(
    r"(?:textbf|textit|texttt|mathbf|mathrm|mathcal|emph|underline|cite[tp]?|ref)(?=[\d{(\[]|$)"
)
_GREEK_NUMBERED_RE = re.compile(r"(?P<letter>[\u0370-\u03FF])\d{1,2}")
_EQUALS_AFTER_RE = re.compile(r" ?= ?[^\s=]")  # 'Wij = …': the left side of an equation
_EQUALS_BEFORE_RE = re.compile(r"[^\s=] ?= ?$")  # '… = sWij': the right side
_EQUATION_AFTER_RE = re.compile(r"\s*[(（]\s*(?:Eqs?\.|Equation|公式|式)\s*\(?\d", re.IGNORECASE)
_QUANTITY_RE = re.compile(r"\d+(?:\.\d+)?(?:[KMB]-)?[-\s]?(?P<noun>[A-Za-z]+)")  # '12-layer', '1M-budget'
#: a unit after its number ('4 km²', '50 pts/m²', '3 ms'): a few lower-case letters, a power or a per-unit
_UNIT_RE = re.compile(
    r"[a-zμ]{1,4}(?:[²³]|\^?[23])?(?:/[a-zμ]{1,3}(?:[²³]|\^?[23])?)?"
    r"|(?:[mk]?eV|dB|[kMG]?Hz|[KMGT]B|[TGP]?FLOPs?|mAh|kWh|mV|FPS)(?:/[a-z]{1,3})?"
)
_NUMBER_BEFORE_RE = re.compile(r"\d(?:[.,]\d+)?\s?(?:[a-zμ]{1,4}/)?$")  # '50 m', '50 pts/'

_DOC_MARKS = {"url": re.compile(r"://|www\.|\.(?:com|org|io|ai|net|dev|edu|cn)\b|@"), "math": re.compile(r"\$")}


def _doc_has(doc, what: str) -> bool:
    """Whether the Doc's text holds anything a URL (``what="url"``) or inline
    math (``"math"``) needs; computed once per Doc."""
    key = "kg_has_" + what
    hit = doc.user_data.get(key)
    if hit is None:
        hit = doc.user_data[key] = bool(_DOC_MARKS[what].search(doc_text(doc)))
    return hit


def _in_url_chunk(c: str) -> bool:
    """A character a URL or handle may hold: printable ASCII, no bracket or quote."""
    return "!" <= c <= "~" and c not in "()[]<>\"'"


def in_url(span) -> str | None:
    """``url`` when the mention is part of a URL, a repository path or an
    ``@handle``: the whitespace-delimited text around it holds ``://``,
    ``www.`` or a ``host.tld/`` path, is a bare lower-case host name
    (``zorb-lab.github.io``), or starts with ``@``."""
    text = doc_text(span.doc)
    if not _doc_has(span.doc, "url"):
        return None
    a = span.start_char
    while a > 0 and _in_url_chunk(text[a - 1]):
        a -= 1
    b = span.end_char
    while b < len(text) and _in_url_chunk(text[b]):
        b += 1
    chunk = text[a:b]
    if _URL_TOKEN_RE.search(chunk) or _BARE_HOST_RE.fullmatch(chunk) or chunk.startswith("@"):
        return "url"
    return None


def in_math(span) -> str | None:
    """``math`` when the mention sits inside inline LaTeX (an odd number of
    ``$`` before it on its line and one after it), or is shaped like a
    formula or a symbol, or is followed by an equation number (``Foo
    (Eq. 2)``, ``Foo（公式 2）``), or, unless a known name, is a side of an
    equation (``Wij = sWij``): a subscript or superscript (``z_1``), a letter
    plus or minus a number (``t+1``, ``1-t``), or a Greek symbol (:func:`_symbol`:
    ``λ``, ``Lψ``, ``λcard``, ``τ1`` beside ``τ2``; ``π0`` alone is a name).  A known
    name written as math (``$\\pi_{0.5}$``) is none of these."""
    text = doc_text(span.doc)
    surface = span_text(span)
    if written_as_math(surface) and mention_info(span).entry is not None:
        return None  # '$\\pi_{0.5}$': a known name written as math
    if _EQUATION_AFTER_RE.match(text, span.end_char):
        return "math"  # 'L_foo (Eq. 2)': a term of an equation
    if mention_info(span).entry is None and (
        _EQUALS_AFTER_RE.match(text, span.end_char)
        or _EQUALS_BEFORE_RE.search(text, max(0, span.start_char - 4), span.start_char)
    ):
        return "math"  # '(Wij = sWij)': a side of an equation ('IoU=0.5' is a known metric's value)
    if not _doc_has(span.doc, "math"):
        return "math" if _symbol(surface, text, span.start_char) else None
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    before = text[line_start : span.start_char].replace("\\$", "")
    after = text[span.end_char : line_end if line_end >= 0 else len(text)].replace("\\$", "")
    if before.count("$") % 2 == 1 and "$" in after:
        return "math"
    return "math" if _symbol(surface, text, span.start_char) else None


def _symbol(surface: str, text: str, start: int) -> bool:
    """A formula or a symbol: a backslash or a subscript (``z_1``), at most
    three letters one of them Greek (``Lψ``), a Greek letter with a
    lower-case subscript written inline (``λcard``), or one of a numbered
    series of a Greek letter (``τ1`` beside ``τ2``; ``π0`` alone is a name),
    or a sum of these (``αRacc + λRgrd``)."""
    if _LATEX_COMMAND_RE.match(surface):
        return True  # '\\textbf{2.15}' read without its markup: 'textbf2.15'
    if "+" in surface.strip("+"):  # 'αRacc + λRgrd': a sum of symbols
        return all(_symbol(part.strip(), text, start) for part in surface.split("+") if part.strip())
    if "\\" in surface or _FORMULA_RE.fullmatch(surface) or _GREEK_SUBSCRIPT_RE.fullmatch(surface):
        return True
    if len(surface) <= 3 and _GREEK_RE.search(surface) and surface.isalpha():
        return True
    m = _GREEK_NUMBERED_RE.fullmatch(surface)
    if m is None:
        return False
    near = text[max(0, start - 200) : start + len(surface) + 200]
    numbers = set(re.findall(re.escape(m.group("letter")) + r"(\d{1,2})(?![\d.])", near))
    return len(numbers) > 1


_SUBSCRIPT_DIGIT_RE = re.compile(r"[\u2080-\u2089]")


def subscript_symbol(span) -> str | None:
    """``math`` when the mention holds a subscript digit (``V₁``, ``E₂D``, ``x₀``):
    typeset notation, not a name.  Only for names no gazetteer knows
    (``π₀`` is one), so :func:`rejection` calls it after the known-name rules."""
    return "math" if _SUBSCRIPT_DIGIT_RE.search(span_text(span)) else None


_DIMENSIONS_RE = re.compile(r"\d+(?:[x×]\d+)+")


def quantity(span, gaz) -> str | None:
    """``quantity`` when the mention is a number followed by a generic noun
    or an ordinary word (``7-DoF``, ``12-layer``), a number with at most two
    letters (``200B+``, ``6A``, ``31p.p``) or dimensions (``64x64x64``), or a
    lower-case unit right after its number (``4 km²``): a count, a size or a
    unit, not a name.  ``gaz`` is the :class:`~kg.resources.Gazetteer`."""
    surface = span_text(span)
    if _UNIT_RE.fullmatch(surface) and _NUMBER_BEFORE_RE.search(
        doc_text(span.doc)[max(0, span.start_char - 12) : span.start_char]
    ):
        return "quantity"
    if surface[:1].isdigit() and (sum(c.isalpha() for c in surface) <= 2 or _DIMENSIONS_RE.fullmatch(surface)):
        return "quantity"
    m = _QUANTITY_RE.fullmatch(surface)
    if m and (gaz.is_generic(m.group("noun")) or gaz.is_common_word(m.group("noun")) or m.group("noun").islower()):
        return "quantity"
    return None


_RESOLUTION_AFTER_RE = re.compile(r"\s*(?:[(（][^()（）\n]{1,20}[)）])?\s*(?:分辨率|resolution)", re.IGNORECASE)


def resolution_level(span) -> str | None:
    """``quantity`` for the name of a resolution level, followed by
    分辨率 or resolution (``VGA（640x480）分辨率``, ``HD resolution``): a
    size, not a device or a method."""
    return "quantity" if _RESOLUTION_AFTER_RE.match(doc_text(span.doc), span.end_char) else None
