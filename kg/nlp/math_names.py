"""Known names written as inline LaTeX math: ``$\\pi_{0.5}$``, ``$π_0$``,
``π_{0.5}``, ``$\\pi^3$``.  Robotics and 3D papers write some model names
(π0, π0.5, π³) as math; the tokens of such a span (``$``, ``{``, ``}``) are no
name tokens, so the gazetteer's token windows never reach them.  Here the
span's body is read as plain text (a Greek-letter command becomes its letter,
braces, sub- and superscript marks and font commands are dropped) and looked
up in the gazetteer; the mention keeps the math as written (its surface).
Symbols stay symbols: a Latin letter with a sub- or superscript (``$C_4$``,
``$o_1$``), one of a series of the same letter (``$\\pi_\\theta$ … $\\pi_0$``)
and a reference, initial or behaviour policy or distribution (``reference
policy $\\pi_0$``; ``the generalist policy $\\pi_{0.5}$`` is the model).
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
    **{"varepsilon": "ε", "vartheta": "θ", "varpi": "π", "varrho": "ρ", "varsigma": "ς", "varphi": "φ"},
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
    ``π_{0.5}``), a known suffix after it allowed (``$\\pi_0$-FAST``); the
    caller checks that the mention has a gazetteer entry."""
    m = _MATH_RE.match(surface)
    return m is not None and (m.end() == len(surface) or _SUFFIX_TAIL_RE.fullmatch(surface, m.end()) is not None)


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
    """The math spans of ``doc`` that name an entry (see :func:`_lookup`),
    a known suffix after one included (``$\\pi_0$-FAST``); not one whose
    letter is also written nearby (300 characters) with a subscript that
    names nothing (``$\\pi_{\\omega}$ … $\\pi_0$``: symbols of one series),
    nor one right after a reference, initial or behaviour policy or
    distribution (``reference policy $\\pi_0$``, ``初始策略 $\\pi_0$``)."""
    text = doc_text(doc)
    if "$" not in text and "_{" not in text:
        return []
    found = [(m, plain_math(m.group("math") or m.group("bare"))) for m in _MATH_RE.finditer(text)]
    found = [(m, plain, _lookup(gaz, m, plain)) for m, plain in found]
    out = []
    for m, plain, entry in found:
        if (
            entry is None
            or _SYMBOL_BEFORE_RE.search(text, max(0, m.start() - 16), m.start())
            or any(e is None and p[:1] == plain[:1] and abs(n.start() - m.start()) <= _NEAR for n, p, e in found)
        ):
            continue
        entry, end = _with_suffix(gaz, text, m.end(), plain, entry)  # '$\\pi_0$-FAST' is π0-FAST, not π0
        span = doc.char_span(m.start(), end, label=entry.type, alignment_mode="expand")
        if span is None:
            continue
        set_mention_info(span, entry=entry, source="gazetteer")
        out.append(span)
    return out


def _with_suffix(gaz: Gazetteer, text: str, end: int, plain: str, entry):
    """(entry, end) of the longest known name the suffix after a math span
    at ``end`` makes (``-FAST-DROID``, then ``-FAST``); (``entry``, ``end``) if none."""
    suffix = _SUFFIX_RE.match(text, end)
    parts = re.findall(r"[-+][^-+]+", suffix.group()) if suffix else []
    for n in range(len(parts), 0, -1):
        longer = gaz.lookup_key(fold(plain + "".join(parts[:n])))
        if longer is not None:
            return longer, end + len("".join(parts[:n]))
    return entry, end


def _lookup(gaz: Gazetteer, m: re.Match, plain: str):
    """The gazetteer entry the math ``m`` (read as ``plain``) names, or None:
    two characters at least, and a Latin letter with a sub- or superscript
    (``$C_4$``, ``$o_1$``, ``$T_5$``) is a symbol unless a font command
    writes it (``$\\mathrm{T_5}$``) or it is a metric (``$R^2$``)."""
    entry = gaz.lookup_key(fold(plain)) if len(plain) >= 2 else None
    body = m.group("math") or m.group("bare")
    if entry is None or entry.type == "Metric" or not re.search(r"[_^]", body):
        return entry
    if plain.isascii() and not _FONT_COMMAND_RE.search(body):
        return None
    return entry


#: how near (characters) a symbol of the same letter makes a math name a symbol of its series
_NEAR = 300
#: right before a math span: it names a policy or a distribution, a symbol ('reference policy $\\pi_0$')
_SYMBOL_BEFORE_RE = re.compile(
    r"(?:reference|initial|behaviou?r|old|prior|sampling|target|参考|初始|行为|旧|采样)[\s-]*"
    r"(?:polic(?:y|ies)|distributions?|策略|分布)[\s*(（]*$",
    re.IGNORECASE,
)
#: right after a math span: a suffix that may make a longer known name ('$\\pi_0$-FAST', '-FAST-DROID')
_SUFFIX_RE = re.compile(r"(?:[-+][A-Za-z0-9][\w.]*)+")
#: what a math mention's token may hold after the math: a suffix, maybe a possessive ('$\\pi_0$-FAST's')
_SUFFIX_TAIL_RE = re.compile(r"(?:[-+][A-Za-z0-9][\w.]*)*(?:['’]s)?")
_FONT_COMMAND_RE = re.compile(r"\\(?:" + "|".join(sorted(_FONT)) + r")\b")
