"""Fast builds: extraction in worker processes, one writer, a bulk path.

:func:`build` does what :func:`kg.pipeline.build` does (same quads, same
per-file errors and warnings, same fingerprints), but

* **extracts in ``jobs`` worker processes.**  Each worker reads one report
  file, extracts and maps it and returns a :class:`FileResult`: the report
  graph as **N-Quads bytes** (plus counts and messages), never Python quad
  objects or records.  N-Quads is the cheapest thing to return: pickling a
  byte string costs nothing, and the writer hands it to pyoxigraph's parser
  (~1.4 M quads/s) or straight to its bulk loader; returning the records
  would leave the mapping (Python, per quad) to the single writer.  With
  ``jobs=1`` everything runs in-process with the same functions.
* **has one writer**, the calling process, which owns the store.  Results
  arrive in file order (``imap``), with at most ``IN_FLIGHT_PER_JOB × jobs``
  files in flight (a bounded window), and are written as they arrive, so
  memory does not grow with the number of files.  A worker is replaced after
  ``WORKER_MAX_FILES`` files, so its own memory stays bounded too.
* **bulk-loads into an empty store** (no report graph yet) or when
  ``bulk=True``: report graphs are buffered as N-Quads up to
  ``bulk_batch_bytes`` and written with pyoxigraph's ``bulk_load``, which
  skips transactions (≈3× faster on disk) but is **not atomic**: a crash
  during a bulk build can leave a report graph half written.  To keep the
  incremental build safe, the build fingerprints of a batch are written only
  after that batch is loaded and flushed (in one transaction): a graph
  without a fingerprint is rebuilt, atomically, by the next ``kg build``.
  Incremental builds (store already holds reports) keep the atomic per-report
  replacement of :meth:`kg.store.KnowledgeStore.replace_graph`.

:func:`extract_to_dir` and :func:`load_dir` split the build in two for
machines that are not this one: extract writes one N-Quads file per report
(the named graph inside; the fingerprint quad last), load bulk-loads them.
:func:`extract_file_nquads` is the per-file function to map over report
files on Dask, Ray or a batch scheduler.
"""
from __future__ import annotations

import gc
import io
import multiprocessing
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox

from kg import vocab
from kg.errors import SourceError, StoreError
from kg.model import Problem
from kg.read import DEFAULT_MAX_SIZE, collect_report_files

#: the N-Quads predicate of build fingerprints, as bytes (to split them off)
_FP_PREDICATE = f"<{vocab.BUILD_FINGERPRINT}>".encode()
#: bulk-load batches of about this many bytes of N-Quads.  Larger batches
#: cost the bulk loader less CPU (the N-Quads of 10k papers, loaded alone:
#: 28.5 CPU-s in 32 MB batches, 23 in 64 MB, 20 in 128 MB) but its memory
#: grows with the batch (peak RSS 241 / 389 / 800 MB), and forked workers count
#: the writer's pages: with 64 MB the 100k benchmark peaked at 1,190 MB PSS
#: (writer 622 MB, largest worker 527 MB) against 745 MB with 32 MB
BULK_BATCH_BYTES = 32 * 1024 * 1024
#: report files in flight per worker (being extracted, or done and waiting
#: for the writer).  While the writer bulk-loads a batch the workers stop
#: after these; 8 instead of 2 kept them busy (195 % instead of 182 % of 2
#: cores on 10k papers) but the build was not faster (70-85 s against
#: 72-78 s: bulk loading and extraction then share the cores), and the
#: store writing the benchmark reports fell to 0.43 of ``bulk_load`` (0.63-0.69
#: with 2)
IN_FLIGHT_PER_JOB = 2
#: a worker process is replaced after this many report files, so that what
#: grows with the text it has seen (spaCy's string store, per-process
#: caches) stays bounded however long the build runs; a new worker is forked
#: from the writer, which holds a loaded extractor, so replacing one is cheap
WORKER_MAX_FILES = 100


# A forked worker must never finalise an object it inherited: a garbage cycle
# holding a pyoxigraph Store (an earlier build's, a test's) would run RocksDB's
# destructor in the child, which locks a mutex some RocksDB thread of the
# parent held at the moment of the fork, and the worker hangs for ever.
# Freezing the collector's generations around each fork moves every inherited
# object to the permanent generation in the child (objects it makes itself
# are collected as usual); the parent unfreezes at once.
if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=gc.freeze, after_in_parent=gc.unfreeze)


@dataclass
class FileResult:
    """What a worker returns for one report file (small and picklable)."""

    path: str
    graph: str                       # the report graph IRI
    status: str = "built"            # built | skipped | failed
    body: bytes = b""                # N-Quads of the graph, without the fingerprint
    fingerprint: bytes = b""         # the fingerprint quad (N-Quads line), or b"" if incomplete
    quads: int = 0
    papers: int = 0
    comparisons: int = 0
    entity_keys: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)


# -- worker side --------------------------------------------------------------
_EXTRACTOR: tuple[tuple[str, bool], object] | None = None  # ((fingerprint, check records), Extractor)


def _extractor():
    """The extractor of this process: made on first need (spaCy is loaded
    then), reused by later builds while the extractor's code and data (its
    fingerprint) and whether records are checked (``PAPERKG_CHECK_RECORDS``)
    are unchanged.  Forked workers inherit it."""
    global _EXTRACTOR
    from kg import pipeline as P
    from kg.extract import check_records_requested
    state = (P.extractor_fingerprint(), check_records_requested())
    if _EXTRACTOR is None or _EXTRACTOR[0] != state:
        from kg.extract import Extractor
        _EXTRACTOR = (state, Extractor())
    return _EXTRACTOR[1]


def extract_file(path: str | Path, stored_fingerprint: str | None = None, *,
                 max_size: int = DEFAULT_MAX_SIZE) -> FileResult:
    """Read, extract and map one report file; return its graph as N-Quads.

    Mirrors :func:`kg.pipeline._build_file` without touching a store: a file
    that cannot be read gives ``status="failed"`` and an error; a paper whose
    extraction raises is reported (file and line) and kept with its metadata
    only, and the graph then gets no fingerprint.  When the file's build
    fingerprint equals ``stored_fingerprint`` the result is ``skipped``.
    """
    # through kg.pipeline's names, so that one behaviour (and one set of test
    # hooks) serves kg.pipeline.build and this module
    from kg import pipeline as P
    from kg.mapping import report_graph, report_iri

    source = str(path)
    graph = report_graph(source)
    res = FileResult(source, graph.value)
    report = P.read_or_error(path, max_size, res.errors)
    if report is None:
        res.status = "failed"
        return res
    res.problems.extend(report.problems)
    fingerprint = P.build_fingerprint(report.sha256)
    if stored_fingerprint is not None and stored_fingerprint == fingerprint:
        res.status = "skipped"
        return res
    done = P.extract_and_map(report, _extractor() if report.papers else None, res.errors)
    if done is None:
        res.status = "failed"
        return res
    records, res.body, complete = done
    res.quads = res.body.count(b"\n")  # one line per quad (literals escape their line ends)
    if complete:  # an incomplete graph gets no fingerprint: the next build retries it
        fp = ox.Quad(report_iri(report.path), ox.NamedNode(vocab.BUILD_FINGERPRINT),
                     ox.Literal(fingerprint), graph)
        res.fingerprint = ox.serialize([fp], format=ox.RdfFormat.N_QUADS)
        res.quads += 1
    res.papers = len(records)
    res.comparisons = sum(len(r["comparisons"]) for r in records)
    res.entity_keys = sorted({e["key"] for r in records for e in r["entities"] if e["type"] != "Metric"})
    return res


def extract_file_nquads(path: str | Path, max_size: int = DEFAULT_MAX_SIZE) -> tuple[bytes, list[str]]:
    """The N-Quads text of one report file's graph (fingerprint line last)
    and its messages (``file:line: message``), for distributed engines::

        nq, messages = extract_file_nquads("reports/2026-01-13.txt")
    """
    r = extract_file(path, max_size=max_size)
    return r.body + r.fingerprint, [f"warning: {p}" for p in r.problems] + [f"error: {e}" for e in r.errors]


def _work(task: tuple[str, str | None, int]) -> FileResult:
    path, stored, max_size = task
    return extract_file(path, stored, max_size=max_size)


def _init_worker() -> None:
    # workers ignore Ctrl-C: the writer stops them (terminate) and reports it
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def default_jobs() -> int:
    """Worker processes by default: the number of cores."""
    return max(1, os.cpu_count() or 1)


def run_extraction(tasks: list[tuple[str, str | None, int]], jobs: int) -> Iterator[FileResult]:
    """Yield the :class:`FileResult` of every task, in task order, extracted
    in ``jobs`` worker processes (in-process when ``jobs <= 1`` or there is a
    single task).  At most ``IN_FLIGHT_PER_JOB × jobs`` files are being
    extracted or wait for the consumer."""
    if jobs <= 1 or len(tasks) <= 1:
        for t in tasks:
            yield _work(t)
        return
    methods = multiprocessing.get_all_start_methods()
    fork = "fork" in methods
    if fork and any(stored is None for _, stored, _ in tasks):
        _extractor()  # load spaCy once, before forking: workers share it (copy-on-write)
    window = threading.BoundedSemaphore(IN_FLIGHT_PER_JOB * jobs)

    def feed():
        for t in tasks:
            window.acquire()  # blocks the pool's task feeder, not the consumer
            yield t
    # fork where available: workers start at once, inherit a loaded extractor
    # and need no `if __name__ == "__main__"` guard in the caller's script.
    # They never touch the writer's open store (and exit without running its
    # destructor).  Elsewhere (macOS, Windows) spawn.
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    # A replacement worker (after WORKER_MAX_FILES) is forked by the pool's
    # handler thread while the writer works: the child only runs _work, which
    # never touches the writer's store (RocksDB) or its threads' locks, and
    # its RSS counts the pages it shares with the writer (the bench reports
    # PSS as well).
    with ctx.Pool(min(jobs, len(tasks)), initializer=_init_worker,
                  maxtasksperchild=WORKER_MAX_FILES) as pool:
        for res in pool.imap(_work, feed(), chunksize=1):
            window.release()
            yield res


# -- writer side --------------------------------------------------------------
def _stored_fingerprints(store) -> dict[str, str]:
    """graph IRI -> build fingerprint, for every report graph of ``store``."""
    q = "SELECT ?g ?fp WHERE { GRAPH ?g { ?r <%s> ?fp } }" % vocab.BUILD_FINGERPRINT
    fps: dict[str, str] = {}
    for row in store.query(q):
        fps.setdefault(row["g"].value, row["fp"].value)
    return fps


class _BulkWriter:
    """Buffers report graphs as N-Quads and bulk-loads them in batches; the
    fingerprints of a batch are written (one transaction) after the batch."""

    def __init__(self, store, batch_bytes: int):
        self.store = store
        self.batch_bytes = batch_bytes
        self.buf = io.BytesIO()
        self.fps: list[bytes] = []

    def add(self, body: bytes, fingerprint: bytes) -> None:
        self.buf.write(body)
        if fingerprint:
            self.fps.append(fingerprint)
        if self.buf.tell() >= self.batch_bytes:
            self.flush()

    def flush(self) -> None:
        data = self.buf.getvalue()
        if data:
            self.store.bulk_load_nquads(data)  # bytes: faster to parse than a file object
        self.store.flush()
        if self.fps:
            self.store.add_quads(ox.parse(b"".join(self.fps), format=ox.RdfFormat.N_QUADS))
            self.store.flush()
        self.buf = io.BytesIO()
        self.fps = []


def build(paths: Iterable[str | Path], store, progress: Callable[[str, int, int], None] | None = None, *,
          jobs: int | None = None, bulk: bool | None = None, prune: bool = False, force: bool = False,
          max_size: int = DEFAULT_MAX_SIZE, bulk_batch_bytes: int = BULK_BATCH_BYTES):
    """Build report files into ``store`` with ``jobs`` worker processes.

    Same arguments and result (:class:`kg.pipeline.BuildSummary`) as
    :func:`kg.pipeline.build`, plus:

    Args:
        jobs: worker processes (default: the number of cores); the output does
            not depend on it.
        bulk: ``True`` writes with the bulk loader (not atomic; a graph
            already in the store is dropped first), ``False`` replaces each
            report graph in one transaction; ``None`` (default) bulk-loads
            when the store holds no report graph yet.
    """
    from kg.pipeline import BuildSummary, claim_graph, finish_build
    from kg.resources import ontology_path

    t0 = time.perf_counter()
    jobs = default_jobs() if jobs is None else max(1, jobs)
    files, path_errors = collect_report_files(paths)
    summary = BuildSummary(errors=list(path_errors))
    store.load_ontology(ontology_path())
    stored = {} if force else _stored_fingerprints(store)
    if bulk is None:
        bulk = not store.report_graphs()
    owners: dict[str, Path] = {}
    tasks = []
    for path in files:
        graph = claim_graph(path, owners, summary.errors)
        if graph is not None:
            tasks.append((str(path), stored.get(graph.value), max_size))
    existing = {g.value for g in store.report_graphs()} if bulk else set()
    writer = _BulkWriter(store, bulk_batch_bytes) if bulk else None
    entity_keys: set[str] = set()
    write_seconds = 0.0  # time the writer spends writing the store
    for i, res in enumerate(run_extraction(tasks, jobs), 1):
        summary.problems.extend(res.problems)
        summary.errors.extend(res.errors)
        if res.status == "skipped":
            summary.skipped += 1
        elif res.status == "built":
            graph = ox.NamedNode(res.graph)
            tw = time.perf_counter()
            if writer is not None:
                if res.graph in existing:
                    store.remove_graph(graph)
                writer.add(res.body, res.fingerprint)
            else:
                store.replace_graph(graph, ox.parse(res.body + res.fingerprint,
                                                    format=ox.RdfFormat.N_QUADS))
            write_seconds += time.perf_counter() - tw
            summary.reports += 1
            summary.papers += res.papers
            summary.comparisons += res.comparisons
            entity_keys.update(res.entity_keys)
        if progress:
            progress(res.path, i, len(tasks))
    tw = time.perf_counter()
    if writer is not None:
        writer.flush()
    store.flush()
    write_seconds += time.perf_counter() - tw
    finish_build(store, summary, owners, path_errors, entity_keys, prune, t0)
    summary.write_seconds = write_seconds  # for the benchmark (not a BuildSummary field)
    summary.bulk = bulk
    return summary


# -- past one machine: extract to files, load files ------------------------------
@dataclass
class ExtractSummary:
    files: int = 0
    papers: int = 0
    quads: int = 0
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)


def nquads_name(report_path: str | Path) -> str:
    """File name of a report's N-Quads file: the report's file name + ``.nq``."""
    return Path(report_path).name + ".nq"


def extract_to_dir(paths: Iterable[str | Path], output_dir: str | Path, *, jobs: int | None = None,
                   max_size: int = DEFAULT_MAX_SIZE,
                   progress: Callable[[str, int, int], None] | None = None) -> ExtractSummary:
    """Write one N-Quads file per report file into ``output_dir`` (the
    report's named graph inside, its fingerprint line last).  A file that
    cannot be read is reported and gets no output file."""
    t0 = time.perf_counter()
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    files, path_errors = collect_report_files(paths)
    s = ExtractSummary(errors=list(path_errors))
    seen: dict[str, Path] = {}
    tasks = []
    for path in files:
        name = nquads_name(path)
        if name in seen:
            s.errors.append(SourceError(str(path), None, f"same file name as {seen[name]}: skipped"))
            continue
        seen[name] = path
        tasks.append((str(path), None, max_size))
    for i, res in enumerate(run_extraction(tasks, default_jobs() if jobs is None else jobs), 1):
        s.problems.extend(res.problems)
        s.errors.extend(res.errors)
        if res.status == "built":
            target = out / nquads_name(res.path)
            tmp = target.with_name(target.name + ".part")
            tmp.write_bytes(res.body + res.fingerprint)
            os.replace(tmp, target)  # a reader never sees half a file
            s.files += 1
            s.papers += res.papers
            s.quads += res.quads
            s.outputs.append(str(target))
        if progress:
            progress(res.path, i, len(tasks))
    s.seconds = time.perf_counter() - t0
    return s


@dataclass
class LoadSummary:
    files: int = 0
    quads: int = 0
    seconds: float = 0.0


def split_fingerprint(data: bytes) -> tuple[bytes, bytes]:
    """Split an N-Quads text into (quads, fingerprint lines).  Files written
    by :func:`extract_to_dir` have their fingerprint line last (fast path)."""
    if _FP_PREDICATE not in data:
        return data, b""
    body = data.rstrip(b"\n")
    cut = body.rfind(b"\n") + 1
    if _FP_PREDICATE in body[cut:] and _FP_PREDICATE not in body[:cut]:
        return data[:cut], data[cut:]
    lines = data.splitlines(keepends=True)
    return (b"".join(x for x in lines if _FP_PREDICATE not in x),
            b"".join(x for x in lines if _FP_PREDICATE in x))


def _graph_of_nquads(data: bytes) -> ox.NamedNode | None:
    """The graph of the first quad of an N-Quads text."""
    line = data.split(b"\n", 1)[0]
    for q in ox.parse(line, format=ox.RdfFormat.N_QUADS):
        return q.graph_name if isinstance(q.graph_name, ox.NamedNode) else None
    return None


def load_dir(paths: Iterable[str | Path], store, *, batch_bytes: int = BULK_BATCH_BYTES,
             progress: Callable[[str, int, int], None] | None = None) -> LoadSummary:
    """Bulk-load N-Quads files (``*.nq`` in folders, or files) into ``store``,
    plus the ontology graph.  A graph the store already holds is dropped
    first.  Not atomic (see :func:`build`); fingerprints are written after
    their batch, so an interrupted load is repaired by ``kg build``."""
    from kg.resources import ontology_path

    t0 = time.perf_counter()
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(p.rglob("*.nq"))
        elif p.is_file():
            files.append(p)
        else:
            raise StoreError(f"{p}: no such file or folder")
    store.load_ontology(ontology_path())
    existing = {g.value for g in store.report_graphs()}
    writer = _BulkWriter(store, batch_bytes)
    s = LoadSummary()
    for i, f in enumerate(files, 1):
        data = f.read_bytes()
        if existing:
            g = _graph_of_nquads(data)
            if g is not None and g.value in existing:
                store.remove_graph(g)
        writer.add(*split_fingerprint(data))
        s.files += 1
        if progress:
            progress(str(f), i, len(files))
    writer.flush()
    store.flush()
    s.quads = len(store)
    s.seconds = time.perf_counter() - t0
    return s


__all__ = ["FileResult", "build", "default_jobs", "extract_file", "extract_file_nquads",
           "extract_to_dir", "load_dir", "run_extraction"]
