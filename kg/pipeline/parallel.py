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

:mod:`kg.pipeline.nqfiles` splits the build in two (extract to N-Quads files,
load them); its names are also reachable from here.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections import deque
from multiprocessing.connection import wait
from collections.abc import Iterator

from kg.errors import SourceError
from kg.pipeline.filegraph import FileResult, extract_file, extract_file_nquads, extractor
from kg.procs import die_with_parent
from kg.read import DEFAULT_MAX_SIZE

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

#: a task: (report file, stored fingerprint or None, max size[, spill folder
#: or None[, report name (default: the file name)]])
Task = tuple


def _work(task: Task) -> FileResult:
    path, stored, max_size, *rest = task
    spill, name = (rest + [None, None])[:2]
    return extract_file(path, stored, max_size=max_size, spill_dir=spill, name=name)


def default_jobs() -> int:
    """Worker processes by default: the number of cores."""
    return max(1, os.cpu_count() or 1)


def _worker_main(conn, inherited, limit: int) -> None:
    """A worker: extract the tasks received on ``conn`` and send back each
    result; exit after ``limit`` tasks or when the writer closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the writer stops the workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent(os.getppid())
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
    from kg.rdf.mapping import report_graph, report_name

    how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
    name = task[4] if len(task) > 4 and task[4] is not None else report_name(task[0])
    res = FileResult(str(task[0]), report_graph(name).value, status="failed")
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


#: names that moved to :mod:`kg.pipeline.nqfiles` (the build split in two),
#: still importable from here
_NQFILES = {"ExtractSummary", "LoadSummary", "extract_to_dir", "load_dir", "nquads_name", "split_fingerprint"}


def __getattr__(name: str):
    if name in _NQFILES:
        from kg.pipeline import nqfiles

        return getattr(nqfiles, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_MAX_SIZE",
    "FileResult",
    "default_jobs",
    "extract_file",
    "extract_file_nquads",
    "run_extraction",
    *sorted(_NQFILES),
]
