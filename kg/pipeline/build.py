"""The build: report files -> records -> quads -> store.

The only place that wires the stages together: find the report files
(:func:`kg.read.collect_report_files`), extract each into its named
graph's N-Quads (:func:`kg.pipeline.filegraph.extract_file`, in worker processes:
:func:`kg.pipeline.parallel.run_extraction`), write them into the store (one writer,
this process).

Guarantees of :func:`build`:

* **Atomic per report.**  Into a store that already holds reports, each
  report's named graph is replaced by one store transaction
  (:meth:`kg.rdf.store.KnowledgeStore.replace_graph`), so after a crash or
  ``kill -9`` every report in the store is entirely old or entirely new.
  Two exceptions, both repaired by the next build because the graph's build
  fingerprint is written last: the bulk path (into an empty store, or
  ``bulk=True``: pyoxigraph's bulk loader, ≈3× faster, not atomic), and a
  graph over :data:`ATOMIC_GRAPH_BYTES` of N-Quads (a report of hundreds of
  papers), written in several transactions so that memory stays bounded.
* **Idempotent and incremental.**  A report graph records its build
  fingerprint (:func:`kg.pipeline.filegraph.build_fingerprint`); a file whose
  fingerprint is unchanged is skipped before extraction.
* **Stops cleanly.**  Ctrl-C (SIGINT) or SIGTERM stops the build within a
  second or two at any moment: workers are killed, nothing half written is
  left (the bulk buffer is dropped), the graphs written so far stay with
  their fingerprints, and :class:`BuildInterrupted` is raised.
* **Bad input costs nothing else.**  A file that cannot be read is reported
  as ``file:line: message`` and skipped (its previous graph, if any, is
  kept).
* **Prunes only what it saw is gone.**  ``prune`` removes the graphs of
  reports not found under the paths, and is refused (with the reason) when
  any path, folder or file under them could not be read or listed.
"""

from __future__ import annotations

import signal
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterable

import pyoxigraph as ox

from kg.rdf import vocab
from kg.errors import SourceError
from kg.pipeline.filegraph import FileResult, build_fingerprint, extractor_fingerprint
from kg.rdf.mapping import report_graph
from kg.model import Problem
from kg.read import DEFAULT_MAX_SIZE, named_files
from kg.pipeline.sources import NameClash, find_reports
from kg.rdf.bulk import BULK_BATCH_BYTES, BulkWriter
from kg.rdf.store import KnowledgeStore


#: a report graph of more N-Quads than this is rewritten by difference
#: (:meth:`kg.rdf.store.KnowledgeStore.rewrite_graph`) in transactions of about
#: this size, its fingerprint last, instead of one transaction (whose memory
#: grows with the graph); a crash midway leaves it without fingerprint, and
#: the next build rewrites it
ATOMIC_GRAPH_BYTES = 8 * 1024 * 1024
#: on Ctrl-C, graphs queued for the bulk loader are still written (one
#: transaction) when they are at most this many bytes of N-Quads, else dropped
INTERRUPT_FLUSH_BYTES = 4 * 1024 * 1024


@dataclass
class BuildSummary:
    """What a build did.

    Attributes:
        reports, papers, comparisons: counts of the files built in this run.
        entities: distinct entities (not metrics) in the files built.
        quads: size of the whole store afterwards.
        seconds: wall time of the build.
        skipped: files left alone because their graph is up to date.
        pruned: file names whose graphs ``prune`` removed.
        prune_refused: why pruning was not done (None: done or not asked).
        problems: warnings inside files that were read (``file:line``).
        errors: files or paths that could not be read and were skipped, and
            internal errors while extracting a paper.
        bulk: whether graphs were written with the bulk loader.
        write_seconds: time the writer spent writing the store.
    """

    reports: int = 0
    papers: int = 0
    entities: int = 0
    comparisons: int = 0
    quads: int = 0
    seconds: float = 0.0
    skipped: int = 0
    pruned: list[str] = field(default_factory=list)
    prune_refused: str | None = None
    problems: list[Problem] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    bulk: bool = False
    write_seconds: float = 0.0


class BuildInterrupted(KeyboardInterrupt):
    """A build stopped by Ctrl-C (SIGINT) or SIGTERM.  ``summary`` says what
    was written before (those graphs stay, with their fingerprints);
    ``signal_name`` is ``"SIGINT"`` or ``"SIGTERM"``."""

    def __init__(self, summary: BuildSummary, signal_name: str):
        super().__init__(f"build interrupted by {signal_name}")
        self.summary = summary
        self.signal_name = signal_name


class _Terminated(KeyboardInterrupt):
    """Raised in the main thread by SIGTERM during a build."""


def _raise_terminated(signum, frame):
    raise _Terminated()


@contextmanager
def sigterm_interrupts():
    """Within the block (main thread only), SIGTERM raises a
    KeyboardInterrupt like Ctrl-C, so that ``finally`` blocks run."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


@contextmanager
def _signals_ignored():
    """Within the block (main thread only), Ctrl-C and SIGTERM are ignored:
    the short clean-up after an interrupt is not itself interrupted."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def build(
    paths: Iterable[str | Path],
    store: KnowledgeStore,
    progress: Callable[[str, int, int], None] | None = None,
    *,
    jobs: int | None = None,
    bulk: bool | None = None,
    prune: bool = False,
    force: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
    bulk_batch_bytes: int = BULK_BATCH_BYTES,
) -> BuildSummary:
    """Build report files into ``store``, one named graph per file.

    Args:
        paths: report files and/or folders (searched recursively for .txt/.md).
        store: the target store; building twice yields the same quads.
        progress: optional callback ``(file, done, total)`` after each file.
        jobs: worker processes (default: the number of cores; 1: all in this
            process).  The output does not depend on it.
        bulk: ``True`` writes with the bulk loader (not atomic; a graph
            already in the store is dropped first), ``False`` replaces each
            report graph in one transaction; ``None`` (default) bulk-loads
            when the store holds no report graph yet.
        prune: afterwards, remove the graphs of reports whose file is not
            among the files found under ``paths`` (refused when any path,
            folder or file could not be read, so that a typo or a missing
            permission never empties the store).
        force: rebuild files even when their graph is up to date.
        max_size: largest report file accepted, in bytes.
        bulk_batch_bytes: N-Quads per bulk-load batch.

    Returns:
        a :class:`BuildSummary`.  Paths and files that cannot be read are
        listed in ``errors`` and skipped; they never stop the others.

    Raises:
        BuildInterrupted: Ctrl-C or SIGTERM (the store stays valid).
        StoreError: the store cannot be written.
    """
    from kg.pipeline.parallel import default_jobs, run_extraction
    from kg.resources import ontology_path

    t0 = time.perf_counter()
    paths = list(paths)
    files, path_errors = find_reports(paths)
    summary = BuildSummary(errors=list(path_errors))
    # graph IRI -> file that owns it in this run (find_reports left one file per name)
    owners = {report_graph(f.name).value: f.path for f in files}
    entity_keys: set[str] = set()
    with sigterm_interrupts(), tempfile.TemporaryDirectory(prefix="paperkg-build-") as spill:
        try:
            store.load_ontology(ontology_path())
            existing = {g.value for g in store.report_graphs()}
            summary.bulk = not existing if bulk is None else bulk
            stored = {} if force else _stored_fingerprints(store)
            tasks = [(str(f.path), stored.get(report_graph(f.name).value), max_size, spill, f.name) for f in files]
            writer = _Writer(store, summary, existing, bulk_batch_bytes, named_files(paths))
            results = run_extraction(tasks, default_jobs() if jobs is None else max(1, jobs))
            _write_all(results, writer, entity_keys, progress, len(tasks))
            return _finish_build(store, summary, owners, path_errors, entity_keys, prune, t0)
        except KeyboardInterrupt as e:
            with _signals_ignored():
                summary.seconds = time.perf_counter() - t0
                name = "SIGTERM" if isinstance(e, _Terminated) else "SIGINT"
                raise BuildInterrupted(summary, name) from None


def _write_all(results, writer: _Writer, entity_keys: set[str], progress, total: int) -> None:
    """Write every extraction result as it arrives (``progress(file, done,
    total)`` after each); on Ctrl-C the workers are killed and the writer
    abandons its pending batch before the interrupt goes on."""
    try:
        for i, res in enumerate(results, 1):
            writer.write(res, entity_keys)
            if progress:
                progress(res.path, i, total)
        writer.finish()
    except KeyboardInterrupt:
        with _signals_ignored():
            results.close()  # kills the workers
            writer.abandon()
        raise


class _Writer:
    """Writes extraction results into the store: bulk-loaded in batches, or
    one transaction per report graph; counts what it wrote in the summary."""

    def __init__(
        self, store: KnowledgeStore, summary: BuildSummary, existing: set[str], batch_bytes: int, named: set[Path]
    ):
        self.store, self.summary, self.existing, self.named = store, summary, existing, named
        self.bulk = BulkWriter(store, batch_bytes) if summary.bulk else None
        self.queued = 0  # reports in the bulk writer's buffer, not yet loaded

    def write(self, res: FileResult, entity_keys: set[str]) -> None:
        s = self.summary
        res.skip_if_not_a_report(self.named)
        s.problems.extend(res.problems)
        s.errors.extend(res.errors)
        if res.status == "skipped":
            s.skipped += 1
        if res.status != "built":
            return
        tw = time.perf_counter()
        try:
            self._store(res)
        finally:
            res.discard()
        s.write_seconds += time.perf_counter() - tw
        s.reports += 1
        s.papers += res.papers
        s.comparisons += res.comparisons
        entity_keys.update(res.entity_keys)

    def _store(self, res: FileResult) -> None:
        graph = ox.NamedNode(res.graph)
        if self.bulk is not None:
            if res.graph in self.existing:
                self.store.remove_graph(graph)
            for piece in res.chunks():
                self.bulk.add(piece)
            self.bulk.add(b"", res.fingerprint)
            self.queued = 0 if self.bulk.empty() else self.queued + 1
        elif res.body_file is None and len(res.body) <= ATOMIC_GRAPH_BYTES:
            self.store.replace_graph(graph, ox.parse(res.body + res.fingerprint, format=ox.RdfFormat.N_QUADS))
        else:  # too large for one transaction: the difference, in chunks, fingerprint last
            self.store.rewrite_graph(graph, res.chunks(ATOMIC_GRAPH_BYTES), res.fingerprint)

    def finish(self) -> None:
        tw = time.perf_counter()
        if self.bulk is not None:
            self.bulk.flush()
        self.store.flush()
        self.summary.write_seconds += time.perf_counter() - tw

    def abandon(self) -> None:
        """After an interrupt: load what is queued if that is quick (complete
        graphs, fingerprints after them), else drop it; never half a graph."""
        if self.bulk is not None:
            body, fingerprints = self.bulk.drop()
            if len(body) <= INTERRUPT_FLUSH_BYTES:
                self.store.add_nquads(body + fingerprints)  # one transaction: quicker than bulk_load
            else:
                self.summary.reports -= self.queued  # never written


def _stored_fingerprints(store: KnowledgeStore) -> dict[str, str]:
    """graph IRI -> build fingerprint, for every report graph of ``store``."""
    q = f"SELECT ?g ?fp WHERE {{ GRAPH ?g {{ ?r <{vocab.BUILD_FINGERPRINT}> ?fp }} }}"
    fps: dict[str, str] = {}
    for row in store.query(q):
        fps.setdefault(row["g"].value, row["fp"].value)
    return fps


def _finish_build(
    store: KnowledgeStore,
    summary: BuildSummary,
    owners: dict[str, Path],
    path_errors: list[SourceError],
    entity_keys: set[str],
    prune: bool,
    t0: float,
) -> BuildSummary:
    """End of a build: prune (if asked), flush, and fill the summary's
    totals (entities, quads, seconds since ``t0``, a perf_counter value)."""
    if prune:
        _prune(store, set(owners), summary, path_errors)
    store.flush()
    summary.entities = len(entity_keys)
    summary.quads = len(store)
    summary.seconds = time.perf_counter() - t0
    return summary


def _prune(store: KnowledgeStore, keep: set[str], summary: BuildSummary, path_errors: list[SourceError]) -> None:
    """Remove report graphs whose IRI is not in ``keep``, unless some path,
    folder or file under the build's paths could not be listed (its graphs
    may be among the others).  A pruned graph is listed by its report name
    (its ``kg:fileName``)."""
    unread = [e.path for e in path_errors if not isinstance(e, NameClash)]
    if unread:
        shown = ", ".join(unread[:5]) + (f" and {len(unread) - 5} more" if len(unread) > 5 else "")
        summary.prune_refused = f"not pruning: some paths could not be read ({shown})"
        return
    for graph in store.report_graphs():
        if graph.value not in keep:
            name = store.graph_value(graph, _report_iri_of_graph(graph), vocab.FILE_NAME)
            store.remove_graph(graph)
            summary.pruned.append(name or graph.value)


def _report_iri_of_graph(graph: ox.NamedNode) -> str:
    """The report node IRI that lives in a report's named graph."""
    return vocab.ID + "report/" + graph.value.removeprefix(vocab.GRAPH + "report/")


__all__ = [
    "BuildInterrupted",
    "BuildSummary",
    "build",
    "build_fingerprint",
    "extractor_fingerprint",
    "sigterm_interrupts",
]
