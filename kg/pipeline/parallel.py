"""Worker processes for builds, and the build split in two (extract, load).

:func:`run_extraction` runs :func:`kg.pipeline.filegraph.extract_file` over report
files in ``jobs`` worker processes and yields the results in file order:

* Each worker has its own pipe (no lock shared between processes), so a
  worker that dies (killed, out of memory) costs its own files an error,
  never a hang, and stopping the build (Ctrl-C, SIGTERM, an exception in the
  writer) kills the workers at once: closing the generator returns within a
  fraction of a second whatever the workers are doing.
* At most ``IN_FLIGHT_PER_JOB × jobs`` files are being extracted or wait for
  the consumer (a bounded window), so memory does not grow with the number
  of files while the writer is busy.
* A worker is replaced after ``WORKER_MAX_FILES`` files, so what grows with
  the text it has seen (spaCy's string store, caches) stays bounded.
* Workers are forked where possible (they start at once and share the
  loaded extractor); they ignore Ctrl-C (the writer stops them) and die with
  the writer (Linux: parent-death signal).

:func:`extract_to_dir` and :func:`load_dir` split the build in two for
machines that are not this one: extract writes one N-Quads file per report
(the named graph inside; the fingerprint quad last), load bulk-loads them.
:func:`kg.pipeline.filegraph.extract_file_nquads` is the per-file function to map
over report files on Dask, Ray or a batch scheduler.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator

import pyoxigraph as ox

from kg.errors import SourceError, StoreError
from kg.pipeline.filegraph import FileResult, extract_file, extract_file_nquads, extractor
from kg.model import Problem
from kg.read import DEFAULT_MAX_SIZE, collect_report_files, named_files
from kg.rdf.bulk import BULK_BATCH_BYTES, FINGERPRINT_PREDICATE, BulkWriter

#: report files in flight per worker (being extracted, or done and waiting
#: for the writer); see docs/performance.md for why 2
IN_FLIGHT_PER_JOB = 2
#: a worker process is replaced after this many report files
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

#: a task: (report file, stored fingerprint or None, max size, spill folder or None)
Task = tuple


def _work(task: Task) -> FileResult:
    path, stored, max_size, *rest = task
    return extract_file(path, stored, max_size=max_size, spill_dir=rest[0] if rest else None)


def default_jobs() -> int:
    """Worker processes by default: the number of cores."""
    return max(1, os.cpu_count() or 1)


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (no orphans
    after a ``kill -9`` of the writer); elsewhere nothing."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _worker_main(conn, inherited, limit: int) -> None:
    """A worker: extract the tasks received on ``conn`` and send back each
    result; exit after ``limit`` tasks or when the writer closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the writer stops the workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    for other in inherited:  # the other workers' pipe ends, inherited by fork
        other.close()
    for _ in range(limit):
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_work(task))
    conn.close()


class _Worker:
    """One worker process and the tasks sent to it (indexes, in order)."""

    def __init__(self, ctx, others: list[_Worker]):
        parent, child = ctx.Pipe()
        inherited = [w.conn for w in others] if ctx.get_start_method() == "fork" else []
        self.proc = ctx.Process(target=_worker_main, args=(child, inherited, WORKER_MAX_FILES), daemon=True)
        self.proc.start()
        child.close()
        self.conn = parent
        self.sent = 0
        self.pending: deque[int] = deque()

    def can_take(self) -> bool:
        return self.sent < WORKER_MAX_FILES and self.proc.is_alive()

    def send(self, index: int, task: Task) -> None:
        self.conn.send(task)
        self.sent += 1
        self.pending.append(index)

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(2)
        self.conn.close()


def _died(task: Task, code: int | None) -> FileResult:
    """The result of a file whose worker died while extracting it."""
    from kg.rdf.mapping import report_graph

    how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
    res = FileResult(str(task[0]), report_graph(str(task[0])).value, status="failed")
    res.errors.append(
        SourceError(
            str(task[0]),
            None,
            f"the worker process extracting this file died ({how}; out of memory?); its previous graph is kept",
        )
    )
    return res


def run_extraction(tasks: list[Task], jobs: int) -> Iterator[FileResult]:
    """Yield the :class:`~kg.pipeline.filegraph.FileResult` of every task, in task
    order, extracted in ``jobs`` worker processes (in-process when
    ``jobs <= 1`` or there is a single task).

    Closing the generator (or an exception in the consumer) kills the
    workers at once.  A worker that dies gives its files a ``failed`` result.
    """
    if jobs <= 1 or len(tasks) <= 1:
        for t in tasks:
            yield _work(t)
        return
    fork = "fork" in multiprocessing.get_all_start_methods()
    if fork and any(t[1] is None for t in tasks):
        extractor()  # load spaCy once, before forking: workers share it (copy-on-write)
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    window = IN_FLIGHT_PER_JOB * jobs
    workers: list[_Worker] = []
    done: dict[int, FileResult] = {}
    retry: deque[int] = deque()  # files queued behind one that killed its worker
    sent = taken = 0
    try:
        for _ in range(min(jobs, len(tasks))):
            workers.append(_Worker(ctx, workers))
        while taken < len(tasks):
            sent = _dispatch(workers, tasks, sent, taken + window, retry)
            if taken in done:
                res = done.pop(taken)
                taken += 1
                sent = _dispatch(workers, tasks, sent, taken + window, retry)  # before the consumer's turn
                yield res
                continue
            wait([w.conn for w in workers] + [w.proc.sentinel for w in workers])
            for w in list(workers):
                _collect(w, tasks, done, retry)
                if not w.pending and not w.can_take():  # finished its files, or died
                    w.stop()
                    workers.remove(w)
                    if sent < len(tasks) or retry:
                        workers.append(_Worker(ctx, workers))
    finally:
        for w in workers:
            w.stop()


def _dispatch(workers: list[_Worker], tasks: list[Task], sent: int, limit: int, retry: deque[int]) -> int:
    """Send the tasks in ``retry``, then tasks ``sent``, ``sent + 1``, ...
    below ``limit``, to the least busy workers that can take one; returns
    the next task to send."""
    while retry or sent < min(limit, len(tasks)):
        free = [w for w in workers if w.can_take()]
        if not free:
            break
        if retry:
            i = retry.popleft()
        else:
            i, sent = sent, sent + 1
        min(free, key=lambda w: len(w.pending)).send(i, tasks[i])
    return sent


def _collect(w: _Worker, tasks: list[Task], done: dict[int, FileResult], retry: deque[int]) -> None:
    """Move the results ``w`` has sent into ``done``; if ``w`` died (its
    pipe closed), the file it was extracting gets a ``failed`` result and
    the files queued behind it go to ``retry``."""
    try:
        while w.pending and w.conn.poll():
            done[w.pending[0]] = w.conn.recv()
            w.pending.popleft()
        return
    except (EOFError, OSError):
        pass
    w.proc.join(5)
    if w.pending:  # the file it was extracting; the ones queued behind it go to another worker
        done[w.pending[0]] = _died(tasks[w.pending[0]], w.proc.exitcode)
        retry.extend(list(w.pending)[1:])
        w.pending.clear()


# -- past one machine: extract to files, load files ------------------------------
@dataclass
class ExtractSummary:
    """What :func:`extract_to_dir` did: N-Quads files written, papers and
    quads (N-Quads lines) in them, seconds, the files written, warnings and
    errors (``file:line``)."""

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


def extract_to_dir(
    paths: Iterable[str | Path],
    output_dir: str | Path,
    *,
    jobs: int | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    progress: Callable[[str, int, int], None] | None = None,
) -> ExtractSummary:
    """Write one N-Quads file per report file into ``output_dir`` (the
    report's named graph inside, its fingerprint line last).  A file that
    cannot be read is reported and gets no output file."""
    t0 = time.perf_counter()
    paths = list(paths)
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    files, path_errors = collect_report_files(paths)
    s = ExtractSummary(errors=list(path_errors))
    seen: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(prefix="paperkg-extract-") as spill:
        tasks = []
        for path in files:
            name = nquads_name(path)
            if name in seen:
                s.errors.append(SourceError(str(path), None, f"same file name as {seen[name]}: skipped"))
                continue
            seen[name] = path
            tasks.append((str(path), None, max_size, spill))
        results = run_extraction(tasks, default_jobs() if jobs is None else jobs)
        try:
            _write_files(results, out, s, progress, len(tasks), named_files(paths))
        finally:
            results.close()  # an interrupt kills the workers now
    s.seconds = time.perf_counter() - t0
    return s


def _write_files(
    results: Iterator[FileResult],
    out: Path,
    s: ExtractSummary,
    progress: Callable[[str, int, int], None] | None,
    total: int,
    named: set[Path],
) -> None:
    """Write each built result into ``out`` as REPORT_NAME.nq, counting in
    ``s``; a file found in a folder that is not a report is only noted."""
    for i, res in enumerate(results, 1):
        res.skip_if_not_a_report(named)
        s.problems.extend(res.problems)
        s.errors.extend(res.errors)
        if res.status == "built":
            target = out / nquads_name(res.path)
            tmp = target.with_name(target.name + ".part")
            with open(tmp, "wb") as f:
                for piece in res.chunks():
                    f.write(piece)
                f.write(res.fingerprint)
            res.discard()
            os.replace(tmp, target)  # a reader never sees half a file
            s.files += 1
            s.papers += res.papers
            s.quads += res.quads
            s.outputs.append(str(target))
        if progress:
            progress(res.path, i, total)


@dataclass
class LoadSummary:
    """What :func:`load_dir` did: files loaded, quads in the store, seconds."""

    files: int = 0
    quads: int = 0
    seconds: float = 0.0


def split_fingerprint(data: bytes) -> tuple[bytes, bytes]:
    """Split an N-Quads text into (quads, fingerprint lines).  Files written
    by :func:`extract_to_dir` have their fingerprint line last (fast path)."""
    if FINGERPRINT_PREDICATE not in data:
        return data, b""
    body = data.rstrip(b"\n")
    cut = body.rfind(b"\n") + 1
    if FINGERPRINT_PREDICATE in body[cut:] and FINGERPRINT_PREDICATE not in body[:cut]:
        return data[:cut], data[cut:]
    lines = data.splitlines(keepends=True)
    return (
        b"".join(x for x in lines if FINGERPRINT_PREDICATE not in x),
        b"".join(x for x in lines if FINGERPRINT_PREDICATE in x),
    )


def _graph_of_nquads(data: bytes) -> ox.NamedNode | None:
    """The graph of the first quad of an N-Quads text."""
    line = data.split(b"\n", 1)[0]
    for q in ox.parse(line, format=ox.RdfFormat.N_QUADS):
        return q.graph_name if isinstance(q.graph_name, ox.NamedNode) else None
    return None


def load_dir(
    paths: Iterable[str | Path],
    store,
    *,
    batch_bytes: int = BULK_BATCH_BYTES,
    progress: Callable[[str, int, int], None] | None = None,
) -> LoadSummary:
    """Bulk-load N-Quads files (``*.nq`` in folders, or files) into ``store``,
    plus the ontology graph.  A graph the store already holds is dropped
    first.  Not atomic (see :func:`kg.pipeline.build.build`); fingerprints are
    written after their batch, so an interrupted load is repaired by
    ``kg build``.  Raises StoreError for a path that does not exist."""
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
    writer = BulkWriter(store, batch_bytes)
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


__all__ = [
    "ExtractSummary",
    "LoadSummary",
    "default_jobs",
    "extract_file",
    "extract_file_nquads",
    "extract_to_dir",
    "load_dir",
    "run_extraction",
    "split_fingerprint",
]
