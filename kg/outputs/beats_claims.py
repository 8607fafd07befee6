"""One row per stated claim in ``kg beats``: label, merge and fold comparison rows.

:func:`kg.outputs.beats.beats_rows` lists one row per comparison node, as
``queries/beats.rq`` does.  A paper often states one claim more than once —
in English and in Chinese, once with its benchmark and scores and once
without, once with the method as the winner and once with the base model it
was applied to — and the extractor makes a node of each statement.
:func:`fold_claims` turns those rows into one row per claim:

1. **No metric wins.**  A row whose winner is typed ``kg:Metric`` in its
   report graph is dropped.
2. **Method on a base model.**  When the paper proposes a method ``M`` and
   the evidence sentence says a model ``W`` was trained, tuned or equipped
   with it (a training cue, see :data:`APPLIED_CUE`), the winner reads
   ``W (M)``, whichever of the two the comparison names as winner:
   * winner ``W``, an existing model the paper uses: ``M`` is the proposed
     method the sentence names, else the one in the paper title, else the
     paper's only proposed method;
   * winner ``M``: ``W`` is the one model the sentence names that the paper
     uses and never compares as a loser.
3. **Same claim, one row.**  Rows of one paper with the same winner label and
   benchmark merge when their metric and scores do not disagree (a missing
   value takes the other row's); the evidence is that of the fullest row.
4. **Summary rows fold.**  A row without a benchmark goes when a row of the
   same paper and the same claimed system (``M`` for ``W (M)``) has a
   benchmark and every metric or score the summary states.

The facts are read with batched queries (``VALUES`` over the rows): winner
types; quotes, when the rows were read without evidence; and the papers of
the rows whose sentence has a training cue or an ``on model X`` phrase, the
only ones step 2 can relabel.  The cost follows the number of rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.link import fold
from kg.outputs.beats import Beaten, RowSource, order
from kg.rdf.store import KnowledgeStore

#: a model trained, tuned, aligned or equipped with a method (English, Chinese)
APPLIED_CUE = re.compile(
    r"\b(?:trained|fine-?tuned|finetuned|post-trained|tuned|aligned|distilled|equipped|enhanced|augmented|"
    r"applied\s+to|plugged\s+into|built\s+on|on\s+top\s+of|(?<!compared\s)(?<!comparison\s)with)\b"
    r"|\+|经过|(?<!预)训练后|微调|对齐后|加持|搭载|集成|结合",
    re.IGNORECASE,
)

#: the base models a result is stated on: 在 X（和 Y）模型上, on the X backbone
ON_BASE = re.compile(
    r"在\s*(?P<zh>[^，。；：,;:\u4e00-\u9fff]{1,60}?)\s*(?:模型|架构|骨干网络|骨干|基座模型|基座)?\s*上"
    r"|\bon\s+(?:the\s+)?(?P<en>[^,;:.]{1,60}?)\s+(?:backbones?|base\s+models?|models?)\b",
    re.IGNORECASE,
)
_LIST_SEP = re.compile(r"\s*(?:和|与|及|、|,|\band\b)\s*", re.IGNORECASE)

#: characters between a base model and the method applied to it, at most
_GAP = 24
#: characters around a base model where its training cue may stand
_REACH = 12

_CHUNK = 200  # VALUES rows per query

# one LATERAL lookup per (paper, graph) row: evaluated with both bound (a
# plain join would first match the patterns in every graph)
_PAPER_FACTS = """SELECT ?paper ?kind ?e ?label WHERE {{
  VALUES (?paper ?g) {{ {values} }}
  LATERAL {{ SELECT ?paper ?g ?kind ?e ?label WHERE {{ GRAPH ?g {{
    {{ ?paper dcterms:title ?label . BIND("title" AS ?kind) }}
    UNION {{ ?paper kg:proposes ?e . ?e a kg:Method . BIND("method" AS ?kind)
             OPTIONAL {{ ?e rdfs:label ?label }} }}
    UNION {{ ?paper kg:proposes ?e . BIND("proposed" AS ?kind) }}
    UNION {{ ?paper kg:usesModel ?e . BIND("model" AS ?kind) OPTIONAL {{ ?e rdfs:label ?label }} }}
    UNION {{ ?paper kg:usesModel ?e . ?e skos:altLabel ?label . BIND("alias" AS ?kind) }}
    UNION {{ ?c prov:hadPrimarySource ?paper ; kg:loser ?e . BIND("loser" AS ?kind) }}
  }} }} }}
}}"""

_QUOTES = """SELECT ?c ?quote WHERE {{
  VALUES (?c ?g) {{ {values} }}
  GRAPH ?g {{ ?c kg:evidence ?ev . ?ev kg:quote ?quote }}
}}"""

_METRIC_WINNERS = """SELECT ?c WHERE {{
  VALUES (?c ?g) {{ {values} }}
  GRAPH ?g {{ ?c kg:winner ?w . ?w a kg:Metric }}
}}"""


@dataclass
class PaperFacts:
    """What one paper's report graph says about it (IRIs and labels)."""

    title: str = ""
    methods: dict[str, str] = field(default_factory=dict)  # proposed kg:Method IRI -> label
    proposed: set[str] = field(default_factory=set)  # every proposed entity
    models: dict[str, str] = field(default_factory=dict)  # used model IRI -> label
    names: dict[str, set[str]] = field(default_factory=dict)  # used model IRI -> label and aliases
    losers: set[str] = field(default_factory=set)  # every loser of the paper's comparisons


@dataclass
class _Claim:
    row: list
    source: RowSource
    key: str  # the claimed system, folded (M for "W (M)")


def fold_claims(store: KnowledgeStore, beaten: Beaten) -> Beaten:
    """``beaten`` (from :func:`kg.outputs.beats.beats_rows`, with its
    ``sources``) as one row per claim, sorted like it; ``complete`` is kept.
    Raises QueryError when the store cannot answer."""
    if not beaten.rows:
        return beaten
    quotes = _quotes(store, beaten)
    metric_winners = {sol["c"].value for sol in _each(store, _METRIC_WINNERS, _pairs(beaten.sources))}
    # only papers with a row that may name a base model are read further
    maybe = [s for s in beaten.sources if s.paper and _may_apply(quotes.get(s.comparison, ""))]
    papers = _paper_facts(store, {(s.paper, s.graph) for s in maybe})
    claims = []
    for row, src in zip(beaten.rows, beaten.sources):
        if src.comparison in metric_winners:
            continue
        facts = papers.get(src.paper or "", PaperFacts())
        label, key = applied_label(row[0] or "", src.winner, facts, quotes.get(src.comparison, ""))
        claims.append(_Claim([label, *row[1:]], src, fold(key)))
    claims = _drop_summaries(_merge(claims))
    claims.sort(key=lambda c: order(c.row))
    return Beaten([c.row for c in claims], beaten.complete, [c.source for c in claims])


def applied_label(winner_label: str, winner: str, facts: PaperFacts, quote: str) -> tuple[str, str]:
    """(row label, claimed system label) of a winner: ``("W (M)", "M")`` for a
    method applied to a base model (module docstring, step 2), else
    ``(winner_label, winner_label)``."""
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
        method = _method_of(winner_label, facts, quote)
        if method:
            return f"{winner_label} ({method})", method
    return winner_label, winner_label


def applied(base: str, method: str | None, quote: str) -> bool:
    """True when ``quote`` says model ``base`` was trained with or runs
    ``method``: both named at most :data:`_GAP` characters apart with an
    :data:`APPLIED_CUE` around them (``Qwen3-8B 经过 KiteRL 训练后``,
    ``trained with KiteRL, Qwen3-8B``).  With ``method`` None, a cue right
    around ``base`` (``Qwen3-8B 经过训练后``, ``fine-tuned Qwen3-8B``)."""
    if _only_base(base, quote):
        return method is None or bool(name_spans(method, quote))
    for b0, b1 in name_spans(base, quote):
        if method is None:
            if _cue_within(quote, b0 - _REACH, b0) or _cue_within(quote, b1, b1 + _REACH):
                return True
            continue
        for m0, m1 in name_spans(method, quote):
            lo, hi = min(b0, m0), max(b1, m1)
            gap = max(m0 - b1, b0 - m1)
            if gap <= _GAP and _cue_within(quote, lo - _REACH, hi + _REACH):
                return True
    return False


def _cue_within(quote: str, start: int, end: int) -> bool:
    """True when an :data:`APPLIED_CUE` of ``quote`` lies inside [start, end)
    (matched on the whole quote, so that ``compared with`` is seen whole)."""
    return any(m.start() >= start and m.end() <= end for m in APPLIED_CUE.finditer(quote))


def _only_base(base: str, quote: str) -> bool:
    """True when ``quote`` states its result on ``base`` alone
    (``在 Qwen3-8B 模型上``, ``on the Qwen3-8B backbone``; not on a list of
    two models, nor inside a longer phrase)."""
    for m in ON_BASE.finditer(quote):
        listed = [n for n in _LIST_SEP.split(m.group("zh") or m.group("en")) if n]
        if len(listed) == 1 and name_spans(base, listed[0]) == [(0, len(listed[0]))]:
            return True
    return False


def _method_of(winner_label: str, facts: PaperFacts, quote: str) -> str | None:
    """The proposed method a sentence applies to the winning model: one named
    next to it, else (a training cue right at the model) the one named in the
    title, else the paper's only method; None when that is not one method."""
    near = sorted({m for m in facts.methods.values() if applied(winner_label, m, quote)})
    if len(near) == 1:
        return near[0]
    if near or not applied(winner_label, None, quote):
        return None
    in_title = sorted({m for m in facts.methods.values() if name_spans(m, facts.title)})
    if len(in_title) == 1:
        return in_title[0]
    methods = set(facts.methods.values())
    return methods.pop() if len(methods) == 1 else None


def name_spans(label: str, text: str) -> list[tuple[int, int]]:
    """(start, end) of each place ``text`` names ``label`` as a whole name,
    spaces, hyphens and dots between its parts optional (``Claude 3.5 Sonnet``
    in ``Claude-3.5-Sonnet``; not ``GPT-4o`` in ``GPT-4o-mini``)."""
    parts = re.findall(r"[^\W_]+", label)
    if not parts:
        return []
    body = r"[\s\-_.]*".join(re.escape(p) for p in parts)
    return [m.span() for m in re.finditer(rf"(?<![^\W_]){body}(?![^\W_]|-[^\W_])", text, re.IGNORECASE)]


def _merge(claims: list[_Claim]) -> list[_Claim]:
    """Rows of one paper, winner label and benchmark merged when their
    metric and scores agree wherever both are stated (step 3)."""
    out: list[_Claim] = []
    groups: dict[tuple, list[_Claim]] = {}
    for c in sorted(claims, key=_richness, reverse=True):
        group = groups.setdefault((c.row[5], fold(c.row[0] or ""), fold(c.row[1] or "")), [])
        into = next((g for g in group if _agree(g.row, c.row)), None)
        if into is None:
            group.append(c)
            out.append(c)
        else:
            for i in (2, 3, 4):
                if into.row[i] is None:
                    into.row[i] = c.row[i]
    return out


def _drop_summaries(claims: list[_Claim]) -> list[_Claim]:
    """Without the benchmark-less rows another row of the same paper and
    claimed system states in full, with its benchmark (step 4)."""
    with_bench: dict[tuple, list[_Claim]] = {}
    for c in claims:
        if c.row[1] is not None:
            with_bench.setdefault((c.row[5], c.key), []).append(c)
    return [
        c
        for c in claims
        if c.row[1] is not None or not any(_states(o.row, c.row) for o in with_bench.get((c.row[5], c.key), []))
    ]


def _same(a, b) -> bool:
    """Equal values: numbers as numbers, names folded."""
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return fold(str(a)) == fold(str(b))


def _agree(a: list, b: list) -> bool:
    return all(a[i] is None or b[i] is None or _same(a[i], b[i]) for i in (2, 3, 4))


def _states(full: list, summary: list) -> bool:
    """True when ``full`` states every metric and score ``summary`` states."""
    return all(summary[i] is None or (full[i] is not None and _same(full[i], summary[i])) for i in (2, 3, 4))


def _richness(c: _Claim) -> tuple:
    """Fullest rows first (benchmark, metric, scores), then the listed order."""
    return (sum(c.row[i] is not None for i in (1, 2, 3, 4)),)


def _values(pairs) -> list[str]:
    """``(<a> <b>)`` VALUES rows of IRI pairs, in chunks of :data:`_CHUNK`."""
    rows = [f"({ox.NamedNode(a)} {ox.NamedNode(b)})" for a, b in sorted(pairs)]
    return [" ".join(rows[i : i + _CHUNK]) for i in range(0, len(rows), _CHUNK)]


def _paper_facts(store: KnowledgeStore, pairs: set[tuple[str, str]]) -> dict[str, PaperFacts]:
    """:class:`PaperFacts` of each (paper IRI, report graph IRI)."""
    out: dict[str, PaperFacts] = {}
    for sol in _each(store, _PAPER_FACTS, pairs):
        f = out.setdefault(sol["paper"].value, PaperFacts())
        kind, e, label = sol["kind"].value, sol["e"], sol["label"]
        if kind == "title":
            f.title = label.value
        elif kind == "method":
            f.methods[e.value] = label.value if label is not None else e.value
        elif kind == "proposed":
            f.proposed.add(e.value)
        elif kind == "model":
            f.models[e.value] = label.value if label is not None else e.value
            f.names.setdefault(e.value, set()).add(f.models[e.value])
        elif kind == "alias":
            f.names.setdefault(e.value, set()).add(label.value)
        else:
            f.losers.add(e.value)
    return out


def _may_apply(quote: str) -> bool:
    """True when a sentence has a training cue or an 'on model X' phrase."""
    return bool(APPLIED_CUE.search(quote) or ON_BASE.search(quote))


def _pairs(sources: list[RowSource]) -> set[tuple[str, str]]:
    return {(s.comparison, s.graph) for s in sources}


def _each(store: KnowledgeStore, query: str, pairs: set[tuple[str, str]]):
    """Solutions of ``query`` (a ``{values}`` template) over every chunk of ``pairs``."""
    for values in _values(pairs):
        yield from store.query(query.format(values=values))


def _quotes(store: KnowledgeStore, beaten: Beaten) -> dict[str, str]:
    """Comparison IRI -> its evidence quote: the rows' evidence column when
    it was read, else looked up."""
    quotes = {s.comparison: r[7] for r, s in zip(beaten.rows, beaten.sources) if r[7] is not None}
    missing = {(s.comparison, s.graph) for s in beaten.sources if s.comparison not in quotes}
    for sol in _each(store, _QUOTES, missing):
        quotes.setdefault(sol["c"].value, sol["quote"].value)
    return quotes
