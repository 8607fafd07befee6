"""Who beats a system: the comparisons it loses, read one report graph at a time.

``kg beats NAME`` answers the headline question.  ``queries/beats.rq`` gives
the same rows (and stays the reference: a test compares the two), but it
reads every fact of a comparison over the union of all graphs, grouping the
copies each report graph holds, and sorts all rows; its time grows with the
number of comparisons the system loses (~0.5 ms each on disk), so listing
every one cannot be fast on a large store.  Here:

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
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from kg.store import KnowledgeStore

#: columns of :func:`beats_rows` (``kg beats`` prints the first seven)
COLUMNS = ["winner", "benchmark", "metric", "winner_score", "loser_score", "paper", "title",
           "evidence", "file", "line"]

_PREFIXES = """PREFIX kg: <https://w3id.org/paperkg#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
# one optional value of a node, read in the row's graph (a node with two
# values in one graph would give two rows: rows are kept once per ?c)
_LOOKUP = "  LATERAL {{ OPTIONAL {{ GRAPH ?g {{ {pattern} }} }} }}\n"
_COLUMNS_PATTERNS = [
    ("winnerName", "?winner rdfs:label ?winnerName"),
    ("datasetLabel", "?c kg:onDataset ?dataset . ?dataset rdfs:label ?datasetLabel"),
    ("metricLabel", "?c kg:metric ?metric . ?metric rdfs:label ?metricLabel"),
    ("winnerScore", "?c kg:winnerScore ?winnerScore"),
    ("loserScore", "?c kg:loserScore ?loserScore"),
    ("paperId", "?c prov:hadPrimarySource ?p1 . ?p1 kg:arxivId ?paperId"),
    ("title", "?c prov:hadPrimarySource ?p2 . ?p2 dcterms:title ?title"),
]
_EVIDENCE_PATTERNS = [
    ("evidence", "?c kg:evidence ?e1 . ?e1 kg:quote ?evidence"),
    ("file", "?c kg:evidence ?e2 . ?e2 dcterms:source ?report . ?report kg:fileName ?file"),
    ("line", "?c kg:evidence ?e3 . ?e3 kg:line ?line"),
]


def page_query(limit: int | None, evidence: bool) -> str:
    """The SPARQL of step 1 and 2 for ``?loser`` (bound by the caller).
    Only ``limit`` (an int) and fixed fragments make up the text."""
    cols = _COLUMNS_PATTERNS + (_EVIDENCE_PATTERNS if evidence else [])
    cut = "" if limit is None else f" LIMIT {int(limit) + 1}"
    return (_PREFIXES
            + "SELECT ?c ?loser ?winner " + " ".join("?" + v for v, _ in cols) + "\nWHERE {\n"
            + f"  {{ SELECT ?c ?g ?loser WHERE {{ GRAPH ?g {{ ?c kg:loser ?loser }} }}{cut} }}\n"
            + "  LATERAL { GRAPH ?g { ?c a kg:Comparison ; kg:winner ?winner } }\n"
            + "".join(_LOOKUP.format(pattern=p) for _, p in cols)
            + "}")


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
    rows: dict[str, list[str | None]] = {}  # comparison IRI -> row
    for loser in losers:
        left = None if limit is None else limit - len(rows)  # the query reads one more
        if left is not None and left < 0:
            break
        for sol in store.query(page_query(left, evidence), {"loser": loser}):
            rows.setdefault(sol["c"].value, _row(sol, evidence))
    found = list(rows.values())
    complete = limit is None or len(found) <= limit
    found = found[:limit] if limit is not None else found
    uniq = list({tuple(r[:6]): r for r in found}.values())
    return Beaten(sorted(uniq, key=_order), complete)


def _row(sol, evidence: bool) -> list[str | None]:
    """The :data:`COLUMNS` of one solution of :func:`page_query`."""
    def value(var: str) -> str | None:
        term = sol[var]
        return None if term is None else term.value
    winner = value("winnerName") or value("winner")
    tail = [value("evidence"), value("file"), value("line")] if evidence else [None, None, None]
    return [winner, value("datasetLabel"), value("metricLabel"), value("winnerScore"),
            value("loserScore"), value("paperId"), value("title"), *tail]


def _order(row: list[str | None]) -> tuple:
    """Sort key of a row: winner, winner score descending (none last),
    paper, line — the ``ORDER BY`` of ``queries/beats.rq``."""
    score = row[3]
    return (row[0] or "", score is None, -float(score) if score is not None else 0.0,
            row[5] or "", int(row[9]) if row[9] else 0)
