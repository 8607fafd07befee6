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

Most of the time is pyoxigraph's: decoding each IRI of a result is a lookup
in the store.  pyoxigraph releases the GIL while it evaluates and serialises
a query, so the queries run on a few threads (:class:`_Reads`) while this
thread splits the results already serialised: about 1.7 times faster on two
cores.  At most ``threads + 1`` queries are out at a time, so few serialised
results wait to be split.
"""

from __future__ import annotations

import csv
import io
import os
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

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
#: the paper relations a paper page lists
_RELATIONS = (vocab.PROPOSES, vocab.USES_MODEL, vocab.USES_METHOD, vocab.USES_DATASET, vocab.USES_HARDWARE)
#: the properties of a comparison read one by one
_COMPARISON_PROPS = ("winner", "loser", "onDataset", "metric", "winnerScore", "loserScore", "scoreUnit")
#: evidence nodes looked up per query (``VALUES``)
EVIDENCE_BATCH = 2000

Rows = Iterator[list[str]]


def _csv_rows(data: bytes) -> Rows:
    """The rows of a CSV result (IRIs and literal values as strings; unbound:
    ``""``), header left out."""
    rows = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    next(rows, None)
    return rows


class _Reads:
    """SELECT queries run on ``threads`` threads, their rows handed to a
    callback on the calling thread as each query ends (callbacks must not
    depend on their order: each keeps the smallest value or every value).

    :meth:`add` queues ``(sparql, callback)``; :meth:`run` runs the queue,
    at most ``threads + 1`` queries at a time (one result waiting to be split
    while the threads go on).  Raises what the store raises (``QueryError``,
    ``OSError``)."""

    def __init__(self, store: KnowledgeStore, threads: int, progress=None) -> None:
        self.store = store
        self.threads = max(1, threads)
        self.queue: list[tuple[str, Callable[[Rows], None]]] = []
        self.progress = progress  # progress(done, total) after each query
        self.done = self.total = 0

    def add(self, sparql: str, callback: Callable[[Rows], None]) -> None:
        self.queue.append((sparql, callback))

    def _serialise(self, sparql: str) -> bytes:
        return self.store.query(sparql).serialize(format=ox.QueryResultsFormat.CSV)

    def _split(self, data: bytes, callback: Callable[[Rows], None]) -> None:
        callback(_csv_rows(data))
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total)

    def run(self) -> None:
        queue, self.queue = self.queue, []
        self.total += len(queue)
        if self.threads == 1:
            for sparql, callback in queue:
                self._split(self._serialise(sparql), callback)
            return
        todo = iter(queue)
        pool = ThreadPoolExecutor(self.threads, thread_name_prefix="paperkg-read")
        running: dict[Future, Callable[[Rows], None]] = {}

        def submit_next() -> None:
            for sparql, callback in itertools.islice(todo, 1):
                running[pool.submit(self._serialise, sparql)] = callback

        try:
            for _ in range(self.threads + 1):
                submit_next()
            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    submit_next()  # keep the threads busy while this thread splits
                    self._split(future.result(), running.pop(future))
        except BaseException:  # Ctrl-C or an error: drop the queries not started, wait for none
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()  # idle threads end now (no thread is left behind a fork)


def _smallest(out: dict[str, str]) -> Callable[[Rows], None]:
    """A callback keeping ``{subject: smallest object}`` of ``?s ?o`` rows in ``out``."""

    def keep(rows: Rows) -> None:
        for s, o in rows:
            if s not in out or o < out[s]:
                out[s] = o

    return keep


def _every(out: dict[str, set[str]]) -> Callable[[Rows], None]:
    """A callback adding every object of ``?s ?o`` rows to ``out[s]``."""

    def keep(rows: Rows) -> None:
        for s, o in rows:
            out.setdefault(s, set()).add(o)

    return keep


def _pairs(predicate: str, subject_type: str | None = None, distinct: bool = True) -> str:
    """``SELECT ?s ?o`` of every ``?s predicate ?o`` (with ``subject_type``:
    only subjects of that class).  ``distinct=False`` for a property of
    claims and papers, stated in one report graph each (no copies to remove)."""
    typed = f"?s a <{subject_type}> . " if subject_type else ""  # first: the typed subjects are fewer
    select = "SELECT DISTINCT" if distinct else "SELECT"
    return f"{select} ?s ?o WHERE {{ {typed}?s <{predicate}> ?o }}"


def _values(reads: _Reads, predicate: str, subject_type: str | None = None, distinct: bool = True) -> dict[str, str]:
    """``{subject: smallest object value}`` of ``predicate``, filled when
    ``reads`` runs (see :func:`_pairs` for the arguments)."""
    out: dict[str, str] = {}
    reads.add(_pairs(predicate, subject_type, distinct), _smallest(out))
    return out


def _multi(reads: _Reads, predicate: str, distinct: bool = True) -> dict[str, set[str]]:
    """``{subject: every object}`` of ``predicate``, filled when ``reads`` runs."""
    out: dict[str, set[str]] = {}
    reads.add(_pairs(predicate, distinct=distinct), _every(out))
    return out


class _Raw:
    """Every dictionary the site is built from, queued on one :class:`_Reads`."""

    def __init__(self, reads: _Reads) -> None:
        # the longest queries first, so that the threads end together.  kg:evidence
        # and the paper are shared with mentions and hardware usages (millions
        # of triples), so those of comparisons are read through their type
        self.cmp_ev, self.cmp_paper = (
            _values(reads, p, vocab.COMPARISON, distinct=False) for p in (vocab.EVIDENCE_P, vocab.PROV_PRIMARY_SOURCE)
        )
        self.labels = _values(reads, vocab.RDFS + "label")
        self.types: dict[str, set[str]] = defaultdict(set)
        for t in _ENTITY_TYPES:
            reads.add(f"SELECT DISTINCT ?e WHERE {{ ?e a <{t}> }}", self._typed(t))
        self.lower = _values(reads, vocab.LOWER_IS_BETTER)
        self.paper_ids: set[str] = set()
        reads.add("SELECT DISTINCT ?p WHERE { ?p a kg:Paper }", lambda rows: self.paper_ids.update(p for (p,) in rows))
        self.arxiv, self.titles, self.urls = (
            _values(reads, p, distinct=False) for p in (vocab.ARXIV_ID, vocab.DCTERMS + "title", vocab.SCHEMA + "url")
        )
        self.reported = _multi(reads, vocab.REPORTED_IN, distinct=False)
        self.files, self.dates = _values(reads, vocab.FILE_NAME), _values(reads, vocab.DCTERMS + "date")
        self.relations = {rel: _multi(reads, rel, distinct=False) for rel in _RELATIONS}
        self.field_names = _multi(reads, vocab.SKOS + "prefLabel")
        self.subjects = _multi(reads, vocab.DCTERMS + "subject", distinct=False)
        self.hw, self.count = (_values(reads, vocab.KG + p, distinct=False) for p in ("hardware", "count"))
        self.usages = _multi(reads, vocab.HARDWARE_USAGE_P, distinct=False)
        self.cmp = {name: _values(reads, vocab.KG + name, distinct=False) for name in _COMPARISON_PROPS}
        self.usage_ev = _values(reads, vocab.EVIDENCE_P, vocab.HARDWARE_USAGE)  # kg:evidence of mentions too

    def _typed(self, t: str) -> Callable[[Rows], None]:
        def keep(rows: Rows) -> None:
            for (e,) in rows:
                self.types[e].add(t)

        return keep


def _evidence(reads: _Reads, wanted: set[str], files: dict[str, str]) -> dict[str, Evidence]:
    """Quote, report name and line of the evidence nodes in ``wanted``,
    looked up by IRI :data:`EVIDENCE_BATCH` at a time (most evidence nodes
    of a store back entity mentions, which the site does not show)."""
    found: dict[str, tuple[str, str, str]] = {}

    def keep(rows: Rows) -> None:
        for ev, quote, line, src in rows:
            if ev not in found or (quote, line, src) < found[ev]:
                found[ev] = (quote, line, src)

    nodes = sorted(wanted)
    for i in range(0, len(nodes), EVIDENCE_BATCH):
        values = " ".join(f"<{ev}>" for ev in nodes[i : i + EVIDENCE_BATCH])
        sparql = (
            f"SELECT ?ev ?q ?l ?src WHERE {{ VALUES ?ev {{ {values} }} "
            f"?ev <{vocab.QUOTE}> ?q OPTIONAL {{ ?ev <{vocab.LINE}> ?l }} OPTIONAL {{ ?ev <{vocab.DC_SOURCE}> ?src }} }}"
        )
        reads.add(sparql, keep)
    reads.run()
    return {
        ev: Evidence(quote, files.get(src), int(line) if line.isdigit() else None)
        for ev, (quote, line, src) in found.items()
    }


def _comparisons(raw: _Raw, evidence: dict[str, Evidence]) -> list[Comparison]:
    """Every comparison with a winner and a loser, with its evidence."""
    props = raw.cmp
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
                raw.cmp_paper.get(c),
                evidence.get(raw.cmp_ev.get(c, "")),
            )
        )
    return out


def _papers(raw: _Raw, usage_ev: dict[str, Evidence]) -> dict[str, Paper]:
    """Every kg:Paper with its metadata, relations, fields and hardware usages."""
    papers = {}
    for p in raw.paper_ids:
        reports = raw.reported.get(p, ())
        report_dates = sorted(raw.dates[r] for r in reports if r in raw.dates)
        papers[p] = Paper(
            p,
            raw.arxiv.get(p),
            raw.titles.get(p),
            raw.urls.get(p),
            sorted({raw.files[r] for r in reports if r in raw.files}),
            report_dates[0] if report_dates else None,
        )
    for rel, pairs in raw.relations.items():
        for p, ents in pairs.items():
            if p in papers:
                papers[p].relations[rel] = sorted(ents)
    for p, subjects in raw.subjects.items():
        if p in papers:
            papers[p].fields = sorted({name for s in subjects for name in raw.field_names.get(s, ())})
    for p, usages in raw.usages.items():
        if p in papers:
            papers[p].hardware.extend(
                (raw.hw[u], raw.count.get(u), usage_ev.get(u)) for u in sorted(usages) if u in raw.hw
            )
    return papers


def load(store: KnowledgeStore, threads: int | None = None, progress=None) -> Graph:
    """Read what the site shows from ``store`` (see the module docstring)
    on ``threads`` reading threads (default: the number of cores, at most 4);
    ``progress(done, total)`` after each query (the evidence queries join
    the total once the comparisons are read).  Raises what the store raises
    (``OSError`` when it cannot be read)."""
    reads = _Reads(store, threads or min(4, os.cpu_count() or 1), progress)
    raw = _Raw(reads)
    reads.run()
    evidence = _evidence(reads, set(raw.cmp_ev.values()) | set(raw.usage_ev.values()), raw.files)
    usage_ev = {u: evidence[ev] for u, ev in raw.usage_ev.items() if ev in evidence}
    directions = {m: LOWER if v in ("true", "1") else HIGHER for m, v in raw.lower.items()}
    g = Graph(raw.labels, dict(raw.types), directions, _comparisons(raw, evidence), _papers(raw, usage_ev))
    for p in g.papers.values():
        p.hardware.sort(key=lambda h: g.label(h[0]).lower())
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
