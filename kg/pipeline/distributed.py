"""Report extraction on a Dask distributed cluster (``kg extract --dask``).

:func:`extract_to_dir_dask` does what :func:`kg.pipeline.parallel.extract_to_dir`
does — one N-Quads file per report file, ``DIR/<report name>.nq``, the
same bytes, the same warnings and errors in the same order — but maps the
per-file extraction (:func:`kg.pipeline.parallel.extract_file`) over the workers of a
``dask.distributed`` cluster:

* ``"local"`` starts a ``LocalCluster`` of ``jobs`` worker processes (one
  thread each: extraction is pure Python and holds the GIL);
* any other string is a scheduler address (``tcp://host:8786``) or, when it
  ends in ``.json``, a scheduler file (``dask scheduler --scheduler-file``);
* a ``distributed.Client`` is used as it is.

Each worker reads its report file and writes the N-Quads file itself (a
``.part`` file renamed into place, so a reader never sees half a file); only
a small :class:`kg.pipeline.parallel.FileResult` without the graph travels back.  The
report paths and the output folder must therefore be paths every worker can
reach: the same shared file system, mounted at the same place.

Failures: a worker that dies mid-task (killed, out of memory) is restarted
by its nanny and the task is run again by the scheduler (up to Dask's
``distributed.scheduler.allowed-failures``, 3 by default); a file whose task
raises, or keeps killing workers, is an error of that file only.  A worker
whose PaperKG differs from the client's (another extractor fingerprint)
stops the run: its graphs would not be the ones ``kg build`` makes here.

Dask is an optional dependency (``pip install -e '.[dask]'``), imported only
by :func:`extract_to_dir_dask`.
"""

from __future__ import annotations

import logging
import os
import signal
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator

from kg.pipeline import parallel
from kg.errors import KgError, SourceError
from kg.pipeline.nqfiles import ExtractSummary, nquads_name
from kg.pipeline.sources import find_reports
from kg.rdf.mapping import report_name
from kg.read import DEFAULT_MAX_SIZE, named_files

#: the one-line error when Dask is asked for but not installed
DASK_MISSING = "Dask is not installed; install the extra: pip install -e '.[dask]' (or pip install 'dask[distributed]')"
#: tasks submitted but not finished, per worker thread of the cluster: keeps
#: every worker busy while the scheduler and the client hold a bounded number
#: of tasks, however many report files there are
IN_FLIGHT_PER_THREAD = 4


class ExtractorMismatch(KgError):
    """A worker runs another PaperKG extractor than the client."""


def _import_distributed():
    """``distributed``, or :class:`KgError` with :data:`DASK_MISSING`."""
    try:
        import distributed
    except ImportError:
        raise KgError(DASK_MISSING) from None
    return distributed


# -- worker side ----------------------------------------------------------------
def extract_task(
    path: str, name: str | None, output_dir: str, max_size: int, check_records: bool, fingerprint: str
) -> parallel.FileResult:
    """Run on a Dask worker: extract ``path`` with
    :func:`kg.pipeline.parallel.extract_file` and write ``output_dir/<name>.nq``
    (``name``: the report name, :mod:`kg.pipeline.sources`; default: the
    file name).

    Returns the :class:`kg.pipeline.parallel.FileResult` without its N-Quads (counts,
    warnings, errors).  Raises :class:`ExtractorMismatch` when this worker's
    extractor fingerprint is not ``fingerprint`` (the client's), and
    ``OSError`` when the output cannot be written.
    """
    from kg.pipeline import filegraph
    from kg.extract.extractor import CHECK_RECORDS_ENV

    here = filegraph.extractor_fingerprint()
    if here != fingerprint:
        raise ExtractorMismatch(
            f"a Dask worker runs another PaperKG (extractor {here[:12]}, here {fingerprint[:12]}): "
            "install the same PaperKG on every worker"
        )
    # the extractor reads the flag from the environment (as forked workers do)
    if check_records:
        os.environ[CHECK_RECORDS_ENV] = "1"
    else:
        os.environ.pop(CHECK_RECORDS_ENV, None)
    with tempfile.TemporaryDirectory(prefix="paperkg-dask-") as spill:  # a large graph's N-Quads
        name = report_name(path) if name is None else name
        res = parallel.extract_file(path, max_size=max_size, spill_dir=spill, name=name)
        try:
            if res.status == "built":
                _write_nquads(res, Path(output_dir) / nquads_name(name))
        finally:
            res.discard()
    res.body = res.fingerprint = b""
    res.entity_keys = []
    return res


def _write_nquads(res: parallel.FileResult, target: Path) -> None:
    """Write ``res``'s graph (fingerprint line last) to ``target`` through
    a ``.part`` file of a unique name: a task run again after its worker was
    lost may race with the lost one; either rename leaves a whole file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.{uuid.uuid4().hex[:8]}.part")
    with open(tmp, "wb") as f:
        for piece in res.chunks():
            f.write(piece)
        f.write(res.fingerprint)
    os.replace(tmp, target)


# -- client side ----------------------------------------------------------------
def _plan(paths: Iterable[str | Path]) -> tuple[list[str], list[str], list[SourceError]]:
    """Report files to extract, their report names and the path errors, as
    :func:`kg.pipeline.nqfiles.extract_to_dir` finds them (a second file of the
    same report name is an error: both would write the same ``.nq`` file)."""
    files, errors = find_reports(paths)
    return [str(f.path) for f in files], [f.name for f in files], list(errors)


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Start processes that ignore SIGINT (they inherit the ignored signal and
    Python keeps it ignored): on Ctrl-C only this process stops, and it closes
    the cluster, instead of every worker printing its own traceback."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def local_cluster(jobs: int | None = None, **kwargs):
    """A ``distributed.LocalCluster`` of ``jobs`` worker processes (default:
    the number of cores), one thread each, that ignore Ctrl-C.  Each worker
    holds only the task it runs (``worker-saturation`` 1.0; Dask queues the
    others on the scheduler once there are more than twice as many tasks as
    threads), so a worker that dies takes no other report's task with it.
    ``kwargs`` go to ``LocalCluster``."""
    import dask

    distributed = _import_distributed()
    with dask.config.set({"distributed.scheduler.worker-saturation": 1.0}), _workers_ignore_ctrl_c():
        return distributed.LocalCluster(
            n_workers=jobs or parallel.default_jobs(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
            **kwargs,
        )


@contextmanager
def connect(scheduler, jobs: int | None = None) -> Iterator:
    """A ``distributed.Client`` for ``scheduler`` (see the module docstring),
    closed on exit (with the ``LocalCluster`` it started).  Raises
    :class:`KgError` when Dask is missing or the scheduler cannot be reached."""
    distributed = _import_distributed()
    if isinstance(scheduler, distributed.Client):
        yield scheduler
        return
    if scheduler == "local":
        cluster = local_cluster(jobs)
        try:
            with distributed.Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    if str(scheduler).endswith(".json") and not Path(scheduler).is_file():
        raise KgError(f"{scheduler}: no such Dask scheduler file (written by 'dask scheduler --scheduler-file FILE')")
    try:  # waits up to Dask's distributed.comm.timeouts.connect (30 s by default)
        if str(scheduler).endswith(".json"):
            client = distributed.Client(scheduler_file=scheduler)
        else:
            client = distributed.Client(scheduler)
    except (OSError, ValueError) as e:  # TimeoutError is an OSError
        raise KgError(
            f"cannot reach the Dask scheduler {scheduler}: {e} (start one with 'dask scheduler', or use --dask local)"
        ) from None
    with client:
        yield client


def _failure(path: str, future) -> SourceError:
    """The error of one file whose task failed (raised, or killed workers)."""
    from distributed import KilledWorker

    if future.status == "cancelled":  # the scheduler dropped it: the cluster went away
        raise KgError(
            f"the Dask cluster cancelled the task of {path} (scheduler or client "
            "connection lost?); run again: files already written are rewritten"
        )
    exc = future.exception()
    if isinstance(exc, ExtractorMismatch):
        raise KgError(str(exc))
    if isinstance(exc, KilledWorker):
        return SourceError(
            path, None, "not extracted: every Dask worker that ran it died (out of memory? see the workers' logs)"
        )
    return SourceError(path, None, f"not extracted: {type(exc).__name__} on a Dask worker: {exc}")


def _map(client, todo: list[str], names: list[str], task_kwargs: dict, progress) -> dict[int, object]:
    """Run :func:`extract_task` on every path of ``todo`` with a bounded
    number of tasks in flight; return index -> FileResult or SourceError."""
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    window = max(8, IN_FLIGHT_PER_THREAD * threads)
    group = f"kg-extract-{uuid.uuid4().hex[:8]}"  # keys (group, index): one Dask task group
    results: dict[int, object] = {}

    def submit(start: int, stop: int) -> list:
        stop = min(stop, len(todo))
        # the first window in one call: Dask sees a group larger than the
        # cluster at once and queues it on the scheduler (root-ish tasks)
        return client.map(
            extract_task,
            todo[start:stop],
            names[start:stop],
            key=[(group, i) for i in range(start, stop)],
            **task_kwargs,
        )

    running = as_completed(submit(0, window))
    following = window
    for done, future in enumerate(running, 1):
        i = future.key[1]
        results[i] = future.result() if future.status == "finished" else _failure(todo[i], future)
        future.release()
        if following < len(todo):
            running.update(submit(following, following + 1))
            following += 1
        if progress:
            progress(todo[i], done, len(todo))
    return results


def extract_to_dir_dask(
    paths: Iterable[str | Path],
    output_dir: str | Path,
    scheduler="local",
    *,
    jobs: int | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    progress: Callable[[str, int, int], None] | None = None,
) -> ExtractSummary:
    """Write one N-Quads file per report file into ``output_dir`` on a Dask
    cluster; same files, bytes and summary as
    :func:`kg.pipeline.parallel.extract_to_dir` (warnings and errors in file order).

    Args:
        scheduler: ``"local"`` (a ``LocalCluster`` of ``jobs`` processes,
            default: the number of cores), a scheduler address, a scheduler
            file (``*.json``) or a connected ``distributed.Client``.
        jobs: worker processes of ``"local"``; ignored otherwise.
        progress: called as ``progress(path, done, total)`` as files finish
            (in the order they finish).

    Raises:
        KgError: Dask is not installed, the scheduler cannot be reached, or
            a worker runs another PaperKG extractor.
    """
    from kg.extract.extractor import check_records_requested
    from kg.pipeline.filegraph import extractor_fingerprint

    t0 = time.perf_counter()
    paths = list(paths) if not isinstance(paths, (str, Path)) else [paths]
    named = named_files(paths)
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    todo, names, path_errors = _plan(paths)
    s = ExtractSummary(errors=path_errors)
    task_kwargs = {
        "output_dir": str(out),
        "max_size": max_size,
        "check_records": check_records_requested(),
        "fingerprint": extractor_fingerprint(),
    }
    results: dict[int, object] = {}
    if todo:
        with connect(scheduler, jobs) as client:
            results = _map(client, todo, names, task_kwargs, progress)
    for i in range(len(todo)):
        res = results[i]
        if isinstance(res, SourceError):
            s.errors.append(res)
            continue
        res.skip_if_not_a_report(named)
        s.problems.extend(res.problems)
        s.errors.extend(res.errors)
        if res.status == "built":
            s.files += 1
            s.papers += res.papers
            s.quads += res.quads
            s.outputs.append(str(out / nquads_name(names[i])))
    s.seconds = time.perf_counter() - t0
    return s


__all__ = ["DASK_MISSING", "ExtractorMismatch", "connect", "extract_task", "extract_to_dir_dask", "local_cluster"]
