"""One row per stated claim in ``kg beats``: label, merge and fold comparison rows.

:func:`kg.outputs.beats.beats_rows` lists one row per comparison node, as
``queries/beats.rq`` does.  A paper often states one claim more than once —
in English and in Chinese, once with its benchmark and scores and once
without, once with the method as the winner and once with the base model it
was applied to — and the extractor makes a node of each statement.
:func:`fold_claims` turns those rows into one row per claim:

1. **No metric wins.**  A row whose winner is typed ``kg:Metric`` in its
   report graph is dropped.
2. **Method on a base model.**  A model the sentence says was trained,
   tuned or run with a method the paper proposes reads ``W (M)``
   (:mod:`kg.outputs.beats_applied`).
3. **Same claim, one row.**  Rows of one paper with the same winner label and
   benchmark merge when their metric and scores do not disagree (a missing
   value takes the other row's); the evidence is that of the fullest row.
4. **Summary rows fold.**  A row without a benchmark goes when a row of the
   same paper and the same claimed system (``M`` for ``W (M)``) has a
   benchmark and every metric or score the summary states.

The facts are read with batched queries (``VALUES`` over the rows,
``kg/data/sparql/beats_*.rq``): winner types; quotes, when the rows were read
without evidence; and the papers of the rows whose sentence has a cue word or
an ``on model X`` phrase, the only ones step 2 can relabel.  The cost follows
the number of rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from kg.link import fold
from kg.outputs.beats import Beaten, BeatsRow, RowSource, order
from kg.outputs.beats_applied import PaperFacts, applied_label, may_apply
from kg.rdf.store import KnowledgeStore

#: the columns two statements of one claim must agree on
_STATED = ("metric", "winner_score", "loser_score")

_CHUNK = 200  # VALUES rows per query


@dataclass
class _Claim:
    row: BeatsRow
    source: RowSource
    key: str  # the claimed system, folded (M for "W (M)")


def fold_claims(store: KnowledgeStore, beaten: Beaten) -> Beaten:
    """``beaten`` (from :func:`kg.outputs.beats.beats_rows`, with its
    ``sources``) as one row per claim, sorted like it; ``complete`` is kept.
    Raises QueryError when the store cannot answer, DataError when
    ``roles.json`` is invalid."""
    if not beaten.rows:
        return beaten
    quotes = _quotes(store, beaten)
    metric_winners = {sol["c"].value for sol in _each(store, "beats_metric_winners", _pairs(beaten.sources))}
    # only papers with a row that may name a base model are read further
    maybe = [
        s
        for r, s in zip(beaten.rows, beaten.sources)
        if s.paper and may_apply(quotes.get(s.comparison, ""), r.winner or "")
    ]
    papers = _paper_facts(store, {(s.paper, s.graph) for s in maybe})
    claims = []
    for row, src in zip(beaten.rows, beaten.sources):
        if src.comparison in metric_winners:
            continue
        facts = papers.get(src.paper or "", PaperFacts())
        label, key = applied_label(row.winner or "", src, facts, quotes.get(src.comparison, ""))
        claims.append(_Claim(row._replace(winner=label), src, fold(key)))
    claims = _drop_summaries(_merge(claims))
    claims.sort(key=lambda c: order(c.row))
    return Beaten([c.row for c in claims], beaten.complete, [c.source for c in claims])


def _merge(claims: list[_Claim]) -> list[_Claim]:
    """Rows of one paper, winner label and benchmark merged when their
    metric and scores agree wherever both are stated (step 3)."""
    out: list[_Claim] = []
    groups: dict[tuple, list[_Claim]] = {}
    for c in sorted(claims, key=_richness, reverse=True):
        r = c.row
        group = groups.setdefault((r.paper, fold(r.winner or ""), fold(r.benchmark or "")), [])
        into = next((g for g in group if _agree(g.row, r)), None)
        if into is None:
            group.append(c)
            out.append(c)
        else:
            into.row = into.row._replace(**{f: getattr(r, f) for f in _STATED if getattr(into.row, f) is None})
    return out


def _drop_summaries(claims: list[_Claim]) -> list[_Claim]:
    """Without the benchmark-less rows another row of the same paper and
    claimed system states in full, with its benchmark (step 4)."""
    with_bench: dict[tuple, list[_Claim]] = {}
    for c in claims:
        if c.row.benchmark is not None:
            with_bench.setdefault((c.row.paper, c.key), []).append(c)
    return [
        c
        for c in claims
        if c.row.benchmark is not None
        or not any(_states(o.row, c.row) for o in with_bench.get((c.row.paper, c.key), []))
    ]


def _same(a, b) -> bool:
    """Equal values: numbers as numbers, names folded."""
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return fold(str(a)) == fold(str(b))


def _agree(a: BeatsRow, b: BeatsRow) -> bool:
    """True when ``a`` and ``b`` state no different metric or score."""
    return all(x is None or y is None or _same(x, y) for x, y in ((getattr(a, f), getattr(b, f)) for f in _STATED))


def _states(full: BeatsRow, summary: BeatsRow) -> bool:
    """True when ``full`` states every metric and score ``summary`` states."""
    pairs = ((getattr(full, f), getattr(summary, f)) for f in _STATED)
    return all(s is None or (x is not None and _same(x, s)) for x, s in pairs)


def _richness(c: _Claim) -> tuple:
    """Fullest rows first (benchmark, metric, scores), then the listed order."""
    return (sum(getattr(c.row, f) is not None for f in ("benchmark", *_STATED)),)


def _values(pairs) -> list[str]:
    """``(<a> <b>)`` VALUES rows of IRI pairs, in chunks of :data:`_CHUNK`."""
    rows = [f"({ox.NamedNode(a)} {ox.NamedNode(b)})" for a, b in sorted(pairs)]
    return [" ".join(rows[i : i + _CHUNK]) for i in range(0, len(rows), _CHUNK)]


def _paper_facts(store: KnowledgeStore, pairs: set[tuple[str, str]]) -> dict[str, PaperFacts]:
    """:class:`PaperFacts` of each (paper IRI, report graph IRI)."""
    out: dict[str, PaperFacts] = {}
    for sol in _each(store, "beats_paper_facts", pairs):
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


def _pairs(sources: list[RowSource]) -> set[tuple[str, str]]:
    return {(s.comparison, s.graph) for s in sources}


@lru_cache(maxsize=8)
def _template(name: str) -> str:
    """``kg/data/sparql/<name>.rq``, a query with a ``{values}`` slot."""
    from kg.resources import sparql

    return sparql(name)


def _each(store: KnowledgeStore, name: str, pairs: set[tuple[str, str]]):
    """Solutions of query ``name`` (:func:`_template`) over every chunk of ``pairs``."""
    for values in _values(pairs):
        yield from store.query(_template(name).replace("{values}", values))


def _quotes(store: KnowledgeStore, beaten: Beaten) -> dict[str, str]:
    """Comparison IRI -> its evidence quote: the rows' evidence column when
    it was read, else looked up."""
    quotes = {s.comparison: r.evidence for r, s in zip(beaten.rows, beaten.sources) if r.evidence is not None}
    missing = {(s.comparison, s.graph) for s in beaten.sources if s.comparison not in quotes}
    for sol in _each(store, "beats_quotes", missing):
        quotes.setdefault(sol["c"].value, sol["quote"].value)
    return quotes
