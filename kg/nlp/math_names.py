"""Known names written as inline LaTeX math: ``$\\pi_{0.5}$``, ``$π_0$``,
``π_{0.5}``, ``$\\pi^3$``.  Robotics and 3D papers write some model names
(π0, π0.5, π³) as math; the tokens of such a span (``$``, ``{``, ``}``) are no
name tokens, so the gazetteer's token windows never reach them.  Here the
span's body is read as plain text (a Greek-letter command becomes its letter,
braces, sub- and superscript marks and font commands are dropped) and looked
up in the gazetteer; the mention keeps the math as written (its surface).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.link import fold
from kg.nlp.docview import doc_text, set_mention_info
from kg.resources import Gazetteer

#: inline math of a short name ('$\pi_{0.5}$'), or a Greek letter with a braced subscript ('π_{0.5}')
_MATH_RE = re.compile(r"\$(?P<math>[^$\n]{1,24})\$|(?<![\w\\$])(?P<bare>[\u0370-\u03ff]_\{[^{}\s$]{1,8}\})")
_GREEK = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "zeta",
    "eta",
    "theta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
    "omicron",
    "pi",
    "rho",
    "sigma",
    "tau",
    "upsilon",
    "phi",
    "chi",
    "psi",
    "omega",
]
#: LaTeX Greek-letter commands and their letters (\pi -> π, \Pi -> Π)
_LETTERS = {
    **{name: chr(0x3B1 + i + (i > 16)) for i, name in enumerate(_GREEK)},
    **{name.capitalize(): chr(0x391 + i + (i > 16)) for i, name in enumerate(_GREEK)},
}
#: commands that only set a font or text mode ('\mathrm{VLA}')
_FONT = {"mathrm", "mathbf", "mathit", "mathsf", "mathtt", "text", "textrm", "textbf", "operatorname", "boldsymbol"}
_COMMAND_RE = re.compile(r"\\([A-Za-z]+)\s*")


def plain_math(body: str) -> str:
    """The plain text of a math body: ``\\pi_{0.5}`` -> ``π0.5``,
    ``\\mathrm{GR00T}`` -> ``GR00T``, ``\\pi^3`` -> ``π3``; an unknown
    command keeps its name (``\\foo`` -> ``foo``)."""

    def command(m: re.Match) -> str:
        name = m.group(1)
        return "" if name in _FONT else _LETTERS.get(name, name)

    return re.sub(r"[{}_^\s]", "", _COMMAND_RE.sub(command, body))


def written_as_math(surface: str) -> bool:
    """True when ``surface`` is one whole inline math span (``$\\pi_0$``,
    ``π_{0.5}``): with a gazetteer entry, a known name, not a formula."""
    return _MATH_RE.fullmatch(surface) is not None


def with_math_names(doc: Doc, gaz: Gazetteer, spans: list[Span]) -> list[Span]:
    """``spans`` (overlap-free, in order) with the spans of ``doc`` whose
    inline math names a gazetteer entry of two characters or more, labelled
    with its type (each span's :class:`~kg.nlp.docview.MentionInfo` gets the
    entry and source ``gazetteer``).  A math span replaces the spans inside it
    (``pi_0`` of ``$\\pi_0$``) and gives way to one it only overlaps."""
    math = _math_spans(doc, gaz)
    if not math:
        return spans
    kept = [s for s in spans if not any(m.start <= s.start and s.end <= m.end for m in math)]
    math = [m for m in math if not any(s.start < m.end and m.start < s.end for s in kept)]
    return sorted(kept + math, key=lambda s: s.start)


def _math_spans(doc: Doc, gaz: Gazetteer) -> list[Span]:
    """The math spans of ``doc`` that name an entry; not one whose letter is
    also written nearby (300 characters) with a subscript that names nothing
    (``$\\pi_{\\omega}$ … $\\pi_0$``: policies, symbols of one series)."""
    text = doc_text(doc)
    if "$" not in text and "_{" not in text:
        return []
    found = []  # (match, plain text, entry or None)
    for m in _MATH_RE.finditer(text):
        plain = plain_math(m.group("math") or m.group("bare"))
        found.append((m, plain, gaz.lookup_key(fold(plain)) if len(plain) >= 2 else None))
    out = []
    for m, plain, entry in found:
        if entry is None or any(
            e is None and p[:1] == plain[:1] and abs(n.start() - m.start()) <= _NEAR for n, p, e in found
        ):
            continue
        span = doc.char_span(m.start(), m.end(), label=entry.type, alignment_mode="expand")
        if span is None:
            continue
        set_mention_info(span, entry=entry, source="gazetteer")
        out.append(span)
    return out


#: how near (characters) a symbol of the same letter makes a math name a symbol of its series
_NEAR = 300
