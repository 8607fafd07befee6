"""Who beats a system: the comparisons it loses, read one report graph at a time.

``kg beats NAME`` answers the headline question.  ``queries/beats.rq`` gives
the same rows (and stays the reference: a test compares the two on every
loser of the seeds), but it reads every fact of a comparison over the union
of all graphs, grouping the copies each report graph holds, and sorts all
rows; its time grows with the number of comparisons the system loses
(~0.5 ms each on disk), so listing every one cannot be fast on a large
store.  Here:

1. ``GRAPH ?g { ?c kg:loser LOSER }`` — an index range scan, cut at
   ``limit + 1`` comparisons;
2. for each of those, its winner, dataset, metric, scores, paper (and with
   ``evidence`` the quote, line and report file) are looked up *inside its own
   report graph* ``?g``, each as a ``LATERAL`` index seek on encoded terms
   (SEP-0006, supported by Oxigraph), so one graph's copy is read and nothing
   needs grouping.

So the time follows the rows read (~0.25 ms each on disk), not the store,
and ``limit`` bounds it.  The index order of step 1 is that of hashed IRIs,
so a limited answer is a *sample* of the comparisons, not their first N in
any meaningful order; the rows read are sorted like the full answer.

One difference from ``beats.rq``: where two reports label an entity
differently (``WAN2.1-14B`` / ``Wan2.1-14B``), a row shows the label of the
report that states the comparison; ``beats.rq`` samples one of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import pyoxigraph as ox

from kg.rdf.store import KnowledgeStore
from kg.outputs.queries import cell


class BeatsRow(NamedTuple):
    """One row of :func:`beats_rows`: strings or None (scores and line as
    their lexical form, paper as its arXiv id; evidence, file and line None
    when not read)."""

    winner: str | None
    benchmark: str | None
    metric: str | None
    winner_score: str | None
    loser_score: str | None
    paper: str | None
    title: str | None
    evidence: str | None
    file: str | None
    line: str | None


#: columns of :func:`beats_rows` (``kg beats`` prints the first seven)
COLUMNS = list(BeatsRow._fields)

# one optional value, read in the row's graph ?g (a node with two values in
# one graph gives two solutions: rows are kept once per ?c)
_LOOKUP = "  LATERAL {{ OPTIONAL {{ GRAPH ?g {{ {pattern} }} }} }}\n"
_COLUMN_PATTERNS = [
    ("winnerName", "?winner rdfs:label ?winnerName"),
    ("datasetLabel", "?c kg:onDataset ?dataset . ?dataset rdfs:label ?datasetLabel"),
    ("metricLabel", "?c kg:metric ?metric . ?metric rdfs:label ?metricLabel"),
    ("winnerScore", "?c kg:winnerScore ?winnerScore"),
    ("loserScore", "?c kg:loserScore ?loserScore"),
]
# the facts of ONE node ?c points to (its paper, its evidence sentence): the
# node is chosen first, inside the OPTIONAL, so that an absent node leaves the
# columns unbound instead of matching every node of the graph
_NODE = (
    "  LATERAL {{ OPTIONAL {{\n"
    "    {{ SELECT ?c ?g ?{node} WHERE {{ GRAPH ?g {{ ?c {link} ?{node} }} }} LIMIT 1 }}\n"
    "{lookups}  }} }}\n"
)
_PAPER = [("paperId", "?paper kg:arxivId ?paperId"), ("title", "?paper dcterms:title ?title")]
_EVIDENCE = [
    ("evidence", "?ev kg:quote ?evidence"),
    ("line", "?ev kg:line ?line"),
    ("file", "?ev dcterms:source ?report . ?report kg:fileName ?file"),
]


def _node(node: str, link: str, lookups: list[tuple[str, str]]) -> str:
    return _NODE.format(node=node, link=link, lookups="".join("  " + _LOOKUP.format(pattern=p) for _, p in lookups))


def page_query(limit: int | None, evidence: bool) -> str:
    """The SPARQL of steps 1 and 2 for ``?loser`` (bound by the caller; the
    prefixes are those :meth:`KnowledgeStore.query` declares).  Only
    ``limit`` (an int) and fixed fragments make up the text."""
    cols = [v for v, _ in _COLUMN_PATTERNS + _PAPER + (_EVIDENCE if evidence else [])]
    cut = "" if limit is None else f" LIMIT {int(limit) + 1}"
    return (
        "SELECT ?c ?g ?paper ?loser ?winner "
        + " ".join("?" + v for v in cols)
        + "\nWHERE {\n"
        # distinct comparisons first (a paper in two reports is in two graphs), then one graph
        + f"  {{ SELECT DISTINCT ?c ?loser WHERE {{ ?c kg:loser ?loser }}{cut} }}\n"
        + "  LATERAL { SELECT ?c ?loser ?g WHERE { GRAPH ?g { ?c kg:loser ?loser ; a kg:Comparison } } LIMIT 1 }\n"
        + "  LATERAL { GRAPH ?g { ?c kg:winner ?winner } }\n"
        + "".join(_LOOKUP.format(pattern=p) for _, p in _COLUMN_PATTERNS)
        + _node("paper", "prov:hadPrimarySource", _PAPER)
        + (_node("ev", "kg:evidence", _EVIDENCE) if evidence else "")
        + "}"
    )


@dataclass(frozen=True)
class RowSource:
    """Where one row of :class:`Beaten` was read: the comparison IRI, the
    report graph IRI it was read in, its paper IRI (None if the graph gives
    none), its winner IRI and the loser IRI it was listed for."""

    comparison: str
    graph: str
    paper: str | None
    winner: str
    loser: str


@dataclass
class Beaten:
    """The comparisons a system loses.

    ``rows``: one :class:`BeatsRow` per comparison, sorted by winner, then winner score (highest first),
    paper and line (when the evidence was read).  ``complete``: False when
    a ``limit`` left comparisons out (there are more than ``len(rows)``).
    """

    rows: list[BeatsRow]
    complete: bool
    #: per row (same order): the comparison it shows, read in one report graph
    sources: list[RowSource] = field(default_factory=list)


def beats_rows(
    store: KnowledgeStore, losers: list[ox.NamedNode], limit: int | None = None, evidence: bool = True
) -> Beaten:
    """Comparisons whose loser is one of ``losers`` (entity IRIs, e.g. from
    :func:`kg.outputs.queries.resolve_entity`).

    Args:
        limit: read at most this many comparisons (None: all).  The time is
            about proportional to the number read, whatever the size of the
            store.
        evidence: also read the quoted sentence, report file and line; without,
            those columns are None (fewer lookups).

    Returns:
        a :class:`Beaten`; a comparison stated in two report graphs (the same
        paper in two reports) is one row.

    Raises:
        QueryError: the store cannot answer (see :meth:`KnowledgeStore.query`).
    """
    rows: dict[str, tuple[BeatsRow, RowSource]] = {}  # comparison IRI -> row, source
    for loser in losers:
        left = None if limit is None else limit - len(rows)  # the query reads one more
        if left is not None and left < 0:
            break
        for sol in store.query(page_query(left, evidence), {"loser": loser}):
            if sol["c"].value not in rows:
                rows[sol["c"].value] = (_row(sol, evidence), _source(sol))
    found = list(rows.values())
    complete = limit is None or len(found) <= limit
    found = found[:limit] if limit is not None else found
    uniq = sorted({tuple(r[:6]): (r, src) for r, src in found}.values(), key=lambda rs: order(rs[0]))
    return Beaten([r for r, _ in uniq], complete, [src for _, src in uniq])


def _source(sol) -> RowSource:
    paper = sol["paper"]
    return RowSource(
        sol["c"].value,
        sol["g"].value,
        paper.value if paper is not None else None,
        sol["winner"].value,
        sol["loser"].value,
    )


def _row(sol, evidence: bool) -> BeatsRow:
    """The :data:`COLUMNS` of one solution of :func:`page_query`."""

    def value(var: str) -> str | None:
        return cell(sol[var])

    tail = (value("evidence"), value("file"), value("line")) if evidence else (None, None, None)
    return BeatsRow(
        value("winnerName") or value("winner"),
        value("datasetLabel"),
        value("metricLabel"),
        value("winnerScore"),
        value("loserScore"),
        value("paperId"),
        value("title"),
        *tail,
    )


def order(row: BeatsRow) -> tuple:
    """Sort key of a row: winner, winner score descending (none last),
    paper, line — the ``ORDER BY`` of ``queries/beats.rq``."""
    score = row.winner_score
    return (
        row.winner or "",
        score is None,
        -float(score) if score is not None else 0.0,
        row.paper or "",
        int(row.line) if row.line else 0,
    )
