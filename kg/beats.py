"""Who beats a system: the comparisons it loses, read by index lookups.

``kg beats NAME`` answers the headline question.  ``queries/beats.rq`` gives
the same rows in SPARQL (and stays the reference: a test compares the two),
but its cost is that of a grouped lookup per row over the union of all
graphs.  Here every comparison node is read inside the one report graph that
states it, with pyoxigraph's quad-pattern lookups:

1. ``?c kg:loser LOSER`` in any graph — an index range scan, read lazily;
2. every quad of ``?c`` in its graph (winner, dataset, metric, scores, paper,
   evidence) — one lookup;
3. the labels of winner, dataset and metric, the paper's arXiv id and title,
   the evidence quote, line and report file — one lookup each, in that graph.

So the time grows with the number of rows read, not with the store, and a
``limit`` bounds it: with ``limit=N`` only N + 1 comparisons are read.  The
index order of step 1 is that of hashed IRIs, so a limited answer is a
*sample* of the comparisons, not their first N in any meaningful order; the
rows read are then sorted like the full answer.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Iterator

import pyoxigraph as ox

from kg import vocab
from kg.store import KnowledgeStore

#: columns of :func:`beats_rows` (``kg beats`` prints the first seven)
COLUMNS = ["winner", "benchmark", "metric", "winner_score", "loser_score", "paper", "title",
           "evidence", "file", "line"]

_N = ox.NamedNode
_COMPARISON, _LOSER = _N(vocab.COMPARISON), _N(vocab.LOSER)
_LABEL, _SOURCE = _N(vocab.RDFS_LABEL), _N(vocab.DC_SOURCE)


@dataclass
class Beaten:
    """The comparisons a system loses.

    ``rows``: one list of strings/None per comparison, columns
    :data:`COLUMNS`, sorted by winner, then winner score (highest first),
    paper and line.  ``complete``: False when a ``limit`` left comparisons
    out (there are more than ``len(rows)``).
    """

    rows: list[list[str | None]]
    complete: bool


def beats_rows(store: KnowledgeStore, losers: list[ox.NamedNode], limit: int | None = None,
               evidence: bool = True) -> Beaten:
    """Comparisons whose loser is one of ``losers`` (entity IRIs, e.g. from
    :func:`kg.queries.resolve_entity`).

    Args:
        limit: read at most this many comparisons (None: all).  The time is
            about proportional to the number read (a fraction of a ms each on
            disk), whatever the size of the store.
        evidence: also read the quoted sentence, report file and line (three
            more lookups per row); without, those columns are None.

    Returns:
        a :class:`Beaten`; a comparison stated in two report graphs (the same
        paper in two reports) is one row.
    """
    look = _Lookup(store)
    read = (look.row(c, g, evidence) for c, g in _comparisons(store, losers))
    rows = list(islice((r for r in read if r is not None), None if limit is None else limit + 1))
    complete = limit is None or len(rows) <= limit
    rows = rows[:limit] if limit is not None else rows
    uniq = list({tuple(r[:6]): r for r in rows}.values())
    return Beaten(sorted(uniq, key=_order), complete)


def _comparisons(store: KnowledgeStore, losers: list[ox.NamedNode]) -> Iterator[tuple[ox.NamedNode, ox.NamedNode]]:
    """(comparison node, its report graph) for every comparison each loser
    loses, each node once (lazily, in index order)."""
    seen = set()
    for loser in losers:
        for q in store.match(None, _LOSER, loser):
            if q.subject not in seen:
                seen.add(q.subject)
                yield q.subject, q.graph_name


class _Lookup:
    """Reads the columns of comparison rows; a value read once (a label, a
    paper's title) is remembered for the other rows of the same call.

    Every read is one quad-pattern lookup inside the comparison's graph, and
    each costs about as much as the quads it decodes, so only the quads a
    column needs are read."""

    def __init__(self, store: KnowledgeStore):
        self.store = store
        self.memo: dict[tuple, str | None] = {}

    def value(self, node, predicate: str, g: ox.NamedNode) -> str | None:
        """First ``node predicate ?o`` in ``g``, as a string (None if absent)."""
        if node is None:
            return None
        key = (node, predicate, g)
        if key not in self.memo:
            self.memo[key] = self.store.graph_value(g, node.value, predicate)
        return self.memo[key]

    def label(self, node, g: ox.NamedNode) -> str | None:
        """``rdfs:label`` of ``node`` in ``g`` (else in any graph, else its IRI)."""
        if node is None:
            return None
        found = self.value(node, vocab.RDFS_LABEL, g)
        if found is None:
            found = next((q.object.value for q in self.store.match(node, _LABEL, None)), node.value)
        return found

    def row(self, c: ox.NamedNode, g: ox.NamedNode, evidence: bool) -> list[str | None] | None:
        """The :data:`COLUMNS` of comparison ``c`` as stated in graph ``g``
        (None when ``c`` is not typed ``kg:Comparison`` there)."""
        props = self.store.properties(c, g)
        if _COMPARISON not in props.get(vocab.RDF_TYPE, ()):
            return None
        one = lambda p: props.get(p, [None])[0]  # noqa: E731
        score = lambda p: None if one(p) is None else one(p).value  # noqa: E731
        paper = one(vocab.PROV_PRIMARY_SOURCE)
        quote = file = line = None
        ev = one(vocab.EVIDENCE_P)
        if evidence and ev is not None:
            quote, line = self.value(ev, vocab.QUOTE, g), self.value(ev, vocab.LINE, g)
            report = self.store.match(ev, _SOURCE, None, g)
            report = next(report, None)
            file = self.value(report.object, vocab.FILE_NAME, g) if report is not None else None
        return [self.label(one(vocab.WINNER), g), self.label(one(vocab.ON_DATASET), g),
                self.label(one(vocab.METRIC_P), g), score(vocab.WINNER_SCORE), score(vocab.LOSER_SCORE),
                self.value(paper, vocab.ARXIV_ID, g), self.value(paper, vocab.DC_TITLE, g),
                quote, file, line]


def _order(row: list[str | None]) -> tuple:
    """Sort key of a row: winner, winner score descending (none last),
    paper, line — the ``ORDER BY`` of ``queries/beats.rq``."""
    score = row[3]
    return (row[0] or "", score is None, -float(score) if score is not None else 0.0,
            row[5] or "", int(row[9]) if row[9] else 0)
