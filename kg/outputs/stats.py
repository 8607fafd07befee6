"""Summaries of a store: class counts, rankings, and one paper's facts.

The default graph is the union of every report graph, and a well-known
entity (its label, its type) is repeated in every report graph that names
it, so a pattern that joins an entity's label with anything else multiplies
rows by the number of those graphs (thousands on a large store).  So:

* rankings count first (grouped by the entity IRI, no label), and look up
  the labels of the rows printed only;
* one paper's facts are read inside each report graph that holds the paper
  (``GRAPH ?g``), where every fact is stated once: the time follows what is
  printed, not the store.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from kg.errors import QueryError
from kg.model import Label
from kg.outputs.queries import Table, cell, run_select
from kg.rdf.store import KnowledgeStore
from kg.resources import sparql

_CLASSES = ("Paper", "Report", *Label, "ResearchField", "Comparison", "Evidence")
_COUNT = sparql("class_count")

_MOST_COMPARED = sparql("most_compared_ranking")

_BENCHMARKS = sparql("benchmark_ranking")

_HARDWARE = sparql("hardware_ranking")

_LABEL = sparql("entity_label")

#: rows of a ranking read past ``top`` to order ties at the cut by label
_TIES = 10


def _label(store: KnowledgeStore, iri: ox.NamedNode) -> str:
    for sol in store.query(_LABEL, {"e": iri}):
        if sol["label"] is not None:
            return sol["label"].value
    return iri.value


def _ranking(store: KnowledgeStore, query: str, columns: list[str], top: int) -> Table:
    """The ``top`` rows of a count query (``?e`` then counts, highest
    first), labelled, ties ordered by label.  Only the rows up to the tie at
    the cut (at most ``top * _TIES``) are decoded and labelled."""
    rows, cut = [], None
    result = store.query(query)
    names = [v.value for v in result.variables][1:]
    for sol in result:
        counts = [int(sol[v].value) for v in names]
        if len(rows) >= top:
            if cut is None:
                cut = rows[top - 1][1][0]
            if counts[0] < cut or len(rows) >= top * _TIES:
                break
        rows.append((sol["e"], counts))
    labelled = sorted(((_label(store, e), counts) for e, counts in rows), key=lambda r: (-r[1][0], r[0]))
    return Table(columns, [[label, *map(_int_cell, counts)] for label, counts in labelled[:top]])


def _int_cell(n: int) -> str:
    return cell(ox.Literal(str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))


def class_counts(store: KnowledgeStore) -> Table:
    """Distinct members of each PaperKG class (and foaf:Person), most first."""
    from kg.rdf import vocab

    rows = []
    for name in _CLASSES:
        rows.append((name, _count(store, ox.NamedNode(vocab.KG + name))))
    rows.append(("Person", _count(store, ox.NamedNode("http://xmlns.com/foaf/0.1/Person"))))
    rows = sorted((r for r in rows if r[1]), key=lambda r: (-r[1], r[0]))
    return Table(["class", "count"], [[name, _int_cell(n)] for name, n in rows])


def _count(store: KnowledgeStore, cls: ox.NamedNode) -> int:
    for sol in store.query(_COUNT, {"c": cls}):
        return int(sol["count"].value)
    return 0


def store_stats(store: KnowledgeStore, top: int = 10, progress=None) -> list[tuple[str, Table]]:
    """Titled tables: counts per class, most-compared models, most-used
    benchmarks/datasets and hardware (``top`` rows each).

    ``progress(title)``, when given, is called before each table is read.
    """
    top = max(1, int(top))
    parts = [
        ("Counts per class", class_counts),
        (
            "Most-compared models",
            lambda s: _ranking(s, _MOST_COMPARED, ["model", "comparisons", "wins", "losses"], top),
        ),
        ("Most-used datasets and benchmarks", lambda s: _ranking(s, _BENCHMARKS, ["benchmark", "papers"], top)),
        ("Most-used hardware", lambda s: _ranking(s, _HARDWARE, ["hardware", "papers"], top)),
    ]
    out = []
    for title, fn in parts:
        if progress is not None:
            progress(title)
        out.append((title, fn(store)))
    return out


_GRAPHS = sparql("paper_graphs")

_PAPER = sparql("paper_row")

_ENTITIES = sparql("paper_entities")

_HW = sparql("paper_hardware")

_CMP = sparql("paper_comparisons")


def _key(*columns: int):
    """Sort key on the given columns: absent values last, numbers by value."""

    def key(row: list) -> tuple:
        return tuple((row[i] is None, int(row[i]) if (row[i] or "").isdigit() else 0, row[i] or "") for i in columns)

    return key


def _unbound(t: Table) -> Table:
    """``t`` without its first two columns (``?g ?paper``, bound by the caller:
    pyoxigraph wants a bound variable in the projection)."""
    return Table(t.columns[2:], [r[2:] for r in t.rows])


def paper_facts(store: KnowledgeStore, arxiv_id: str) -> list[tuple[str, Table]]:
    """Titled tables of what the graph holds about paper ``arxiv_id``
    (a version suffix such as ``v2`` is ignored): the paper (one row per
    report that lists it, with that report's title and file), its entities,
    hardware and comparisons (each row once, with the evidence line of its
    report).  Every fact is read inside the report graphs that hold the
    paper, by index lookups.  Raises QueryError when the paper is not in
    the store."""
    bare = re.sub(r"v\d+$", "", arxiv_id.strip())
    found = list(store.query(_GRAPHS, {"id": ox.Literal(bare)}))
    if not found:
        raise QueryError(
            f"paper {bare} is not in the store (try 'kg query papers' for the arXiv ids, "
            "or 'kg build' the report that lists it)"
        )
    paper = found[0]["paper"]
    out = [("Paper", Table(["id", "title", "url", "file", "date"], []))]
    sections = [
        ("Entities", _ENTITIES, _key(0, 1, 2)),
        ("Hardware", _HW, _key(0, 2, 1, 3)),
        ("Comparisons", _CMP, _key(6, 0, 1, 2, 3)),
    ]
    tables = {title: None for title, *_ in sections}
    for sol in found:
        binds = {"paper": paper, "g": sol["g"]}
        for row in _unbound(run_select(store, _PAPER, binds)).rows:
            out[0][1].rows.append([bare, *row])
        for title, q, _ in sections:
            t = _unbound(run_select(store, q, binds))
            if tables[title] is None:
                tables[title] = Table(t.columns, [])
            tables[title].rows.extend(t.rows)
    for title, _, key in sections:
        t = tables[title]
        seen = {tuple(r): r for r in t.rows}
        out.append((title, Table(t.columns, sorted(seen.values(), key=key))))
    return out
