"""Step 2 of ``kg beats`` folding (:mod:`kg.outputs.beats_claims`): does a
comparison's sentence say its winner is a method applied to a base model?

A row's winner reads ``W (M)`` when the paper proposes a method ``M`` and the
evidence sentence says a model ``W`` was trained, tuned or run with it
(:func:`applied`; cue words ``applied_cue``, ``applied_link``,
``applied_not`` and ``on_base`` of ``kg/data/patterns/roles.json``),
whichever of the two the comparison names as winner (:func:`applied_label`):

* winner ``W``, an existing model the paper uses: ``M`` is the proposed
  method the sentence names next to ``W``; else, when the sentence names no
  method but says ``W`` itself was trained (``W 经过训练后``, ``fine-tuned
  W``) or states the result on ``W`` alone (``在 W 上``), the paper's own
  method (:func:`own_method`: its only proposed method, or the one its
  title is named for);
* winner ``M``: ``W`` is the one model the sentence names next to ``M`` that
  the paper uses and never compares as a loser.

``M`` is never the row's loser.  Plain ``re`` only (no spaCy: ``kg beats``
starts fast).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.outputs.beats import RowSource

#: characters between a base model and the method applied to it, at most
_GAP = 24
#: characters around the names a training cue may reach into (``trained with``)
_REACH = 12
#: spacing and markup around a link word between two names
_AROUND_LINK = " \t\u3000*_\"“”'"


@dataclass(frozen=True)
class Cues:
    """The cue words of step 2 (``roles.json``), compiled.

    ``applied`` finds ``applied_cue`` words and the ``applied_not`` phrases
    (the longest cue wins at a position, so ``pre-trained`` is seen whole),
    which :meth:`spans` drops; ``link`` matches one ``applied_link`` word.
    ``on_base`` finds ``在 X（head）上``, ``以 X 为 head``, ``on (the) X
    head`` and ``with X as the head`` with an ``on_base`` head word; its one
    matched group is X."""

    applied: re.Pattern
    link: re.Pattern
    not_applied: frozenset[str]
    on_base: re.Pattern

    def spans(self, regex: re.Pattern, text: str) -> list[tuple[int, int]]:
        """(start, end) of each cue of ``regex`` in ``text``, but for the
        ``applied_not`` phrases."""
        return [m.span() for m in regex.finditer(text) if _norm(m.group()) not in self.not_applied]

    def links(self, gap: str) -> bool:
        """True when the text between two names is one ``applied_link``
        word alone (``Qwen3-8B + KiteRL``, ``Qwen3-8B with KiteRL``; not
        ``Qwen3-8B with 8 GPUs beats KiteRL``)."""
        return bool(self.link.fullmatch(gap.strip(_AROUND_LINK)))


def _norm(cue: str) -> str:
    return " ".join(cue.lower().split())


def _words_regex(words: list[str]) -> re.Pattern:
    """:func:`kg.nlp.cues.cue_regex` of ``words``, word boundaries only
    around the words that start with a letter or digit (so that ``+`` is a
    cue between two names, spaced or not)."""
    from kg.nlp.cues import cue_regex

    alnum = [w for w in words if w[:1].isascii() and w[:1].isalnum()]
    other = [w for w in words if w not in alnum]
    return re.compile(f"{cue_regex(alnum).pattern}|{cue_regex(other, boundaries=False).pattern}", re.IGNORECASE)


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The :class:`Cues` of ``kg/data/patterns/roles.json`` (read once).
    Raises DataError when the file is missing or invalid."""
    from kg.resources import pattern_group

    roles = pattern_group("roles")
    nots = roles["applied_not"]
    head = _words_regex(roles["on_base"]).pattern
    # the result is stated on X: 在 X（模型）上, 以 X 为基座, on (the) X backbone,
    # with X as the backbone — X a run of non-CJK characters (a name or a list
    # of names), a dot only inside it
    zh, en = r"[^，。；：,;:\u4e00-\u9fff]{1,60}?", r"(?:[^,;:.]|\.(?=\w)){1,60}?"
    on_base = re.compile(
        rf"在\s*(?P<zh>{zh})\s*(?:{head})?\s*上|以\s*(?P<zh2>{zh})\s*为\s*(?:{head})"
        rf"|\bon\s+(?:the\s+)?(?P<en>{en})\s+(?:{head})|\bwith\s+(?:the\s+)?(?P<en2>{en})\s+as\s+(?:the\s+|its\s+)?(?:{head})",
        re.IGNORECASE,
    )
    return Cues(
        _words_regex(roles["applied_cue"] + nots),
        _words_regex(roles["applied_link"]),
        frozenset(_norm(w) for w in nots),
        on_base,
    )


@dataclass
class PaperFacts:
    """What one paper's report graph says about it (IRIs and labels)."""

    title: str = ""
    methods: dict[str, str] = field(default_factory=dict)  # proposed kg:Method IRI -> label
    proposed: set[str] = field(default_factory=set)  # every proposed entity
    models: dict[str, str] = field(default_factory=dict)  # used model IRI -> label
    names: dict[str, set[str]] = field(default_factory=dict)  # used model IRI -> label and aliases
    losers: set[str] = field(default_factory=set)  # every loser of the paper's comparisons


def applied_label(winner_label: str, src: RowSource, facts: PaperFacts, quote: str) -> tuple[str, str]:
    """(row label, claimed system label) of the winner of row ``src``:
    ``("W (M)", "M")`` for a method applied to a base model (module
    docstring, step 2), else ``(winner_label, winner_label)``."""
    winner = src.winner
    if winner in facts.methods:
        bases = [
            label
            for iri, label in facts.models.items()
            if iri not in facts.proposed
            and iri not in facts.losers
            and any(applied(n, winner_label, quote) for n in facts.names.get(iri, {label}))
        ]
        if len(bases) == 1:
            return f"{bases[0]} ({winner_label})", winner_label
    elif winner in facts.models and winner not in facts.proposed:
        method = _method_of(winner_label, facts, quote, src.loser)
        if method:
            return f"{winner_label} ({method})", method
    return winner_label, winner_label


def applied(base: str, method: str | None, quote: str) -> bool:
    """True when ``quote`` says model ``base`` was trained with or runs
    ``method``: both named at most :data:`_GAP` characters apart, with an
    ``applied_cue`` word around them (``Qwen3-8B 经过 KiteRL 训练后``,
    ``trained with KiteRL, Qwen3-8B``) or an ``applied_link`` word alone
    between them (``Qwen3-8B + KiteRL``, ``Qwen3-8B with KiteRL``); or the result
    stated on ``base`` alone (``在 Qwen3-8B 上``, ``以 Qwen3-8B 为基座``)
    with ``method`` named.
    With ``method`` None: an ``applied_cue`` word right around ``base``
    (``Qwen3-8B 经过训练后``, ``fine-tuned Qwen3-8B``) or the result stated
    on ``base`` alone."""
    if _only_base(base, quote):
        return method is None or bool(name_spans(method, quote))
    c = cues()
    verbs = c.spans(c.applied, quote)
    for b0, b1 in name_spans(base, quote):
        if method is None:
            if _touches(verbs, b0 - _REACH, b0) or _touches(verbs, b1, b1 + _REACH):
                return True
            continue
        for m0, m1 in name_spans(method, quote):
            gap0, gap1 = min(b1, m1), max(b0, m0)
            if gap1 - gap0 > _GAP:
                continue
            lo, hi = min(b0, m0), max(b1, m1)
            if _touches(verbs, lo - _REACH, hi + _REACH) or c.links(quote[gap0:gap1]):
                return True
    return False


def _touches(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when one of ``spans`` has a character inside [start, end)."""
    return any(s < end and e > start for s, e in spans)


def _only_base(base: str, quote: str) -> bool:
    """True when ``quote`` states its result on ``base`` alone
    (``在 Qwen3-8B 模型上``, ``on the Qwen3-8B backbone``; not on a list of
    two models, nor inside a longer phrase)."""
    for m in cues().on_base.finditer(quote):
        named = next(g for g in m.groups() if g is not None).strip()
        if name_spans(base, named) == [(0, len(named))]:
            return True
    return False


def _method_of(winner_label: str, facts: PaperFacts, quote: str, loser: str) -> str | None:
    """The proposed method (not ``loser``) a sentence applies to the winning
    model: the one named next to it, else (the model itself trained, or the
    result stated on it alone) the paper's own method; None when that is not
    one method."""
    methods = {iri: label for iri, label in facts.methods.items() if iri != loser}
    near = sorted({m for m in methods.values() if applied(winner_label, m, quote)})
    if len(near) == 1:
        return near[0]
    if near or not applied(winner_label, None, quote):
        return None
    own = own_method(facts)
    return facts.methods[own] if own and own != loser else None


def own_method(facts: PaperFacts) -> str | None:
    """IRI of the paper's own method: its only proposed ``kg:Method``, else
    the one proposed method its title is named for (the title's head before
    a colon is that name: ``KiteRL: Constraint-Graph RL`` for KiteRL); None
    otherwise (two methods and a title naming neither, or both)."""
    if len(facts.methods) == 1:
        return next(iter(facts.methods))
    head, colon, _ = facts.title.replace("：", ":").partition(":")
    head = head.strip()
    named = [iri for iri, label in facts.methods.items() if colon and name_spans(label, head) == [(0, len(head))]]
    return named[0] if len(named) == 1 else None


@lru_cache(maxsize=4096)
def _name_regex(label: str) -> re.Pattern | None:
    """The regex of :func:`name_spans` for ``label`` (None: no word in it)."""
    parts = re.findall(r"[^\W_]+", label)
    if not parts:
        return None
    body = r"[\s\-_.]*".join(re.escape(p) for p in parts)
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_]|-[^\W_])", re.IGNORECASE)


def name_spans(label: str, text: str) -> list[tuple[int, int]]:
    """(start, end) of each place ``text`` names ``label`` as a whole name,
    spaces, hyphens and dots between its parts optional (``Claude 3.5 Sonnet``
    in ``Claude-3.5-Sonnet``; not ``GPT-4o`` in ``GPT-4o-mini``)."""
    regex = _name_regex(label)
    return [m.span() for m in regex.finditer(text)] if regex is not None else []


def may_apply(quote: str, winner_label: str) -> bool:
    """True when the row of winner ``winner_label`` stated by ``quote`` may
    be relabelled (:func:`applied_label` can say so only then): the sentence
    has an ``applied_cue`` word or an ``on model X`` phrase, or the winner's
    name stands next to an ``applied_link`` word."""
    c = cues()
    if c.spans(c.applied, quote) or c.on_base.search(quote):
        return True
    names = name_spans(winner_label, quote)
    return any(
        not quote[e:ls].strip(_AROUND_LINK) or not quote[le:s].strip(_AROUND_LINK)
        for ls, le in (m.span() for m in c.link.finditer(quote))
        for s, e in names
        if e <= ls or le <= s
    )
