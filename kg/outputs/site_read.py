"""Reading what the HTML site shows from a store into a :class:`~kg.outputs.site_data.Graph`.

One ``SELECT DISTINCT ?s ?o WHERE { ?s <p> ?o }`` per property, joined in
Python.  The union default graph repeats a triple once per report graph that
holds it, and a join of patterns in SPARQL multiplies those copies; a single
pattern with ``DISTINCT`` decodes each fact once, so the time is linear in the
facts shown.  Results are taken as pyoxigraph's CSV serialisation and split by
Python's ``csv`` module (no Python object per term: about a third of the time
of iterating the solutions).  Where a node has several values of a property
(two reports disagree), the smallest value is kept, so the site is
deterministic.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterator

import pyoxigraph as ox

from kg.outputs.site_data import Comparison, Evidence, Graph, Paper, LOWER, HIGHER, decimal_or_none
from kg.rdf import vocab
from kg.rdf.store import KnowledgeStore

_ENTITY_TYPES = (
    vocab.MODEL,
    vocab.METHOD,
    vocab.DATASET,
    vocab.BENCHMARK,
    vocab.METRIC,
    vocab.ACCELERATOR,
    vocab.DEVICE,
)


def _rows(store: KnowledgeStore, sparql: str) -> Iterator[list[str]]:
    """The solutions of a SELECT as lists of strings (IRIs and literal
    values; unbound: ``""``), header left out."""
    data = store.query(sparql).serialize(format=ox.QueryResultsFormat.CSV)
    rows = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    next(rows, None)
    return rows


def _values(
    store: KnowledgeStore, predicate: str, subject_type: str | None = None, distinct: bool = True
) -> dict[str, str]:
    """``{subject: smallest object value}`` of every ``?s predicate ?o``
    (IRIs and literal values as strings); with ``subject_type`` only
    subjects of that class.  ``distinct=False`` for a property of claims
    and papers, stated in one report graph each (no copies to remove)."""
    typed = f" ?s a <{subject_type}> ." if subject_type else ""
    out: dict[str, str] = {}
    select = "SELECT DISTINCT" if distinct else "SELECT"
    for s, o in _rows(store, f"{select} ?s ?o WHERE {{ ?s <{predicate}> ?o .{typed} }}"):
        if s not in out or o < out[s]:
            out[s] = o
    return out


def _multi(store: KnowledgeStore, predicate: str, distinct: bool = True) -> dict[str, set[str]]:
    """``{subject: every object}`` of ``?s predicate ?o`` (``distinct``: as
    for :func:`_values`)."""
    out: dict[str, set[str]] = defaultdict(set)
    select = "SELECT DISTINCT" if distinct else "SELECT"
    for s, o in _rows(store, f"{select} ?s ?o WHERE {{ ?s <{predicate}> ?o }}"):
        out[s].add(o)
    return out


#: evidence nodes looked up per query (``VALUES``)
EVIDENCE_BATCH = 2000


def _evidence(store: KnowledgeStore, wanted: set[str]) -> dict[str, Evidence]:
    """Quote, report name and line of the evidence nodes in ``wanted``,
    looked up by IRI :data:`EVIDENCE_BATCH` at a time (most evidence nodes
    of a store back entity mentions, which the site does not show)."""
    files = _values(store, vocab.FILE_NAME)
    found: dict[str, tuple[str, str, str]] = {}
    nodes = sorted(wanted)
    for i in range(0, len(nodes), EVIDENCE_BATCH):
        values = " ".join(f"<{ev}>" for ev in nodes[i : i + EVIDENCE_BATCH])
        sparql = (
            f"SELECT ?ev ?q ?l ?src WHERE {{ VALUES ?ev {{ {values} }} "
            f"?ev <{vocab.QUOTE}> ?q OPTIONAL {{ ?ev <{vocab.LINE}> ?l }} OPTIONAL {{ ?ev <{vocab.DC_SOURCE}> ?src }} }}"
        )
        for ev, quote, line, src in _rows(store, sparql):
            if ev not in found or (quote, line, src) < found[ev]:
                found[ev] = (quote, line, src)
    return {
        ev: Evidence(quote, files.get(src), int(line) if line.isdigit() else None)
        for ev, (quote, line, src) in found.items()
    }


def _comparisons(store: KnowledgeStore) -> tuple[list[Comparison], dict[str, str]]:
    """Every comparison (with a winner and a loser), and comparison -> evidence node."""
    # only comparisons have these properties; kg:evidence and the paper are
    # shared with mentions and hardware usages, so those are read for comparisons only
    props = {
        name: _values(store, vocab.KG + name, distinct=False)
        for name in ("winner", "loser", "onDataset", "metric", "winnerScore", "loserScore", "scoreUnit")
    }
    props["evidence"], props["paper"] = {}, {}
    star = (
        f"SELECT ?c ?ev ?p WHERE {{ ?c <{vocab.WINNER}> ?w OPTIONAL {{ ?c <{vocab.EVIDENCE_P}> ?ev }} "
        f"OPTIONAL {{ ?c <{vocab.PROV_PRIMARY_SOURCE}> ?p }} }}"
    )
    for c, ev, paper in _rows(store, star):  # one pattern per comparison: cheaper than typing them
        for key, value in (("evidence", ev), ("paper", paper)):
            if value and (c not in props[key] or value < props[key][c]):
                props[key][c] = value
    out = []
    for c, winner in props["winner"].items():
        if c not in props["loser"]:
            continue
        out.append(
            Comparison(
                c,
                winner,
                props["loser"][c],
                props["onDataset"].get(c),
                props["metric"].get(c),
                decimal_or_none(props["winnerScore"].get(c)),
                decimal_or_none(props["loserScore"].get(c)),
                props["scoreUnit"].get(c),
                props["paper"].get(c),
                None,
            )
        )
    return out, props["evidence"]


def _papers(store: KnowledgeStore) -> dict[str, Paper]:
    """Every kg:Paper with its metadata, relations, fields and hardware (no evidence yet)."""
    ids = {p for (p,) in _rows(store, "SELECT DISTINCT ?p WHERE { ?p a kg:Paper }")}
    arxiv, titles, urls = (
        _values(store, p, distinct=False) for p in (vocab.ARXIV_ID, vocab.DCTERMS + "title", vocab.SCHEMA + "url")
    )
    reported = _multi(store, vocab.REPORTED_IN, distinct=False)
    files, dates = _values(store, vocab.KG + "fileName"), _values(store, vocab.DCTERMS + "date")
    papers = {}
    for p in ids:
        reports = reported.get(p, ())
        report_dates = sorted(dates[r] for r in reports if r in dates)
        papers[p] = Paper(
            p,
            arxiv.get(p),
            titles.get(p),
            urls.get(p),
            sorted({files[r] for r in reports if r in files}),
            report_dates[0] if report_dates else None,
        )
    for rel in (vocab.PROPOSES, vocab.USES_MODEL, vocab.USES_METHOD, vocab.USES_DATASET, vocab.USES_HARDWARE):
        for p, ents in _multi(store, rel, distinct=False).items():
            if p in papers:
                papers[p].relations[rel] = sorted(ents)
    field_names = _multi(store, vocab.SKOS + "prefLabel")
    for p, subjects in _multi(store, vocab.DCTERMS + "subject", distinct=False).items():
        if p in papers:
            papers[p].fields = sorted({name for s in subjects for name in field_names.get(s, ())})
    return papers


def _hardware(store: KnowledgeStore, papers: dict[str, Paper]) -> None:
    """Attach each paper's hardware usages as (hardware, count, usage IRI);
    the usage IRI is replaced by its evidence in :func:`load`."""
    hw, count = (_values(store, vocab.KG + p, distinct=False) for p in ("hardware", "count"))
    for p, usages in _multi(store, vocab.HARDWARE_USAGE_P, distinct=False).items():
        if p in papers:
            papers[p].hardware.extend((hw[u], count.get(u), u) for u in sorted(usages) if u in hw)


def _claims(store: KnowledgeStore) -> tuple[list[Comparison], dict[str, Evidence]]:
    """Every comparison with its evidence, and hardware usage -> evidence."""
    comparisons, cmp_ev = _comparisons(store)
    usage_ev = _values(store, vocab.EVIDENCE_P, vocab.HARDWARE_USAGE)  # kg:evidence of mentions too
    evidence = _evidence(store, set(cmp_ev.values()) | set(usage_ev.values()))
    for c in comparisons:
        c.evidence = evidence.get(cmp_ev.get(c.iri, ""))
    return comparisons, {u: evidence[ev] for u, ev in usage_ev.items() if ev in evidence}


def load(store: KnowledgeStore) -> Graph:
    """Read what the site shows from ``store`` (see the module docstring)."""
    labels = _values(store, vocab.RDFS + "label")
    types: dict[str, set[str]] = defaultdict(set)
    for t in _ENTITY_TYPES:
        for (e,) in _rows(store, f"SELECT DISTINCT ?e WHERE {{ ?e a <{t}> }}"):
            types[e].add(t)
    directions = {m: LOWER if v in ("true", "1") else HIGHER for m, v in _values(store, vocab.LOWER_IS_BETTER).items()}
    papers = _papers(store)
    _hardware(store, papers)
    comparisons, usage_ev = _claims(store)
    g = Graph(labels, dict(types), directions, comparisons, papers)
    for p in papers.values():
        p.hardware = sorted(((h, n, usage_ev.get(u)) for h, n, u in p.hardware), key=lambda h: g.label(h[0]).lower())
        for rel in p.relations:
            p.relations[rel] = sorted(p.relations[rel], key=lambda e: g.label(e).lower())
    g.comparisons.sort(
        key=lambda c: (
            g.paper_key(c.paper),
            c.evidence.line if c.evidence and c.evidence.line else 0,
            g.label(c.winner),
            g.label(c.loser),
            c.iri,
        )
    )
    g.index()
    return g


__all__ = ["load"]
