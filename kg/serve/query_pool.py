"""A small pool of query worker processes (:mod:`kg.serve.query_worker`) that
``kg serve`` evaluates every query in.

A query that runs past the time limit, or whose worker dies (the memory
limit, a crash in the evaluator), costs its worker: the pool kills it,
answers an error and starts a replacement, while the other workers go on
serving.  Workers are started by one long-lived thread of the pool, so the
parent-death signal they ask for (``PR_SET_PDEATHSIG``, tied to the thread
that forked them) fires only when the pool, or the whole process, ends.
"""

from __future__ import annotations

import json
import os
import queue
import select
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.serve.query_worker import _LEN


class PoolError(KgError):
    """The query workers could not be started."""


@dataclass
class Answer:
    """An HTTP-ready answer: status, media type and body."""

    status: int
    content_type: str
    body: bytes


def _error(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


class _Timeout(Exception):
    pass


def _read_exact(fd: int, n: int, deadline: float | None) -> bytes | None:
    """``n`` bytes from ``fd``; None at end of file; _Timeout past ``deadline``."""
    parts, got = [], 0
    while got < n:
        wait = None if deadline is None else max(deadline - time.monotonic(), 0)
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            raise _Timeout
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            return None
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def _read_frame(fd: int, deadline: float | None) -> bytes | None:
    head = _read_exact(fd, _LEN.size, deadline)
    if head is None:
        return None
    return _read_exact(fd, _LEN.unpack(head)[0], deadline)


class _Worker:
    def __init__(self, proc: subprocess.Popen):
        self.proc = proc
        self.fd = proc.stdout.fileno()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:  # pragma: no cover - a kill that did not take
            pass
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except OSError:
                pass

    def death(self, memory: int) -> str:
        """Why the worker ended, for the client (kills it if still alive)."""
        if self.proc.poll() is None:
            self.proc.kill()
        code = self.proc.wait(10)
        crashed = code < 0 and -code in (signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS)
        # under an address-space limit a failed allocation may also end the worker with an
        # uncaught MemoryError or a thread it could not start (status 1)
        if crashed or (code > 0 and memory):
            how = signal.Signals(-code).name if code < 0 else f"status {code}"
            return (
                f"the query process ended with {how}: the query needed more than the "
                f"memory limit ({memory >> 20} MiB) or crashed the evaluator; simplify it"
            )
        if code < 0:
            return f"the query process was ended by {signal.Signals(-code).name}"
        return f"the query process exited with status {code}"


class WorkerPool:
    """``size`` worker processes evaluating queries on the store at ``path``.

    Args:
        path: the store folder (opened read-only by every worker).
        size: number of workers, i.e. of queries evaluated at once.
        timeout: seconds a query may run (None: no limit).
        max_memory: address-space limit of each worker, bytes (0: none).
        max_result: largest serialised result, bytes.

    :meth:`start` raises PoolError when a worker cannot open the store.
    """

    def __init__(
        self,
        path: str | os.PathLike,
        *,
        size: int = 2,
        timeout: float | None = 30.0,
        max_memory: int = 2 << 30,
        max_result: int = 64 << 20,
    ):
        self.path = Path(path)
        self.size, self.timeout = size, timeout
        self.max_memory, self.max_result = max_memory, max_result
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._spawn_requests: queue.Queue[int | None] = queue.Queue()
        self._startup_errors: queue.Queue[str | None] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._spawner = threading.Thread(target=self._spawn_loop, name="query-worker-spawner", daemon=True)

    # -- life cycle -------------------------------------------------------------------
    def start(self, wait: float = 60.0) -> WorkerPool:
        """Start the workers; return once each has opened the store."""
        self._spawner.start()
        for _ in range(self.size):
            self._spawn_requests.put(1)
        for _ in range(self.size):
            try:
                err = self._startup_errors.get(timeout=wait)
            except queue.Empty:
                self.close()
                raise PoolError(f"the query workers did not start within {wait:.0f} s") from None
            if err is not None:
                self.close()
                raise PoolError(err)
        return self

    def close(self) -> None:
        """Kill every worker and stop the spawner."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        self._spawn_requests.put(None)
        for w in workers:
            w.kill()

    def pids(self) -> list[int]:
        """Process ids of the live workers (for tests and diagnostics)."""
        with self._lock:
            return [w.proc.pid for w in self._all if w.proc.poll() is None]

    def _spawn_loop(self) -> None:
        # every worker is forked by this thread: PR_SET_PDEATHSIG follows it
        while True:
            item = self._spawn_requests.get()
            if item is None or self._closed:
                return
            err = self._spawn_one()
            self._startup_errors.put(err)
            if err is not None and not self._closed:
                time.sleep(1.0)  # e.g. the store is being replaced: try again later
                self._spawn_requests.put(1)

    def _spawn_one(self) -> str | None:
        cmd = [
            sys.executable,
            "-m",
            "kg.serve.query_worker",
            str(self.path),
            str(os.getpid()),
            str(self.max_memory),
            str(self.max_result),
        ]
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])
        env.setdefault("MALLOC_ARENA_MAX", "2")  # glibc reserves 64 MB of address space per arena
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        try:
            proc = subprocess.Popen(
                cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0, env=env
            )
        except OSError as e:
            return f"cannot start a query worker: {e}"
        w = _Worker(proc)
        try:
            frame = _read_frame(w.fd, time.monotonic() + 60)
        except _Timeout:
            frame = None
        hello = json.loads(frame) if frame else {"ok": False, "message": w.death(self.max_memory)}
        if not hello.get("ok"):
            w.kill()
            return f"query worker: {hello.get('message')}"
        with self._lock:
            if self._closed:
                w.kill()
                return None
            self._all.add(w)
        self._idle.put(w)
        return None

    def _replace(self, w: _Worker) -> None:
        with self._lock:
            self._all.discard(w)
        w.kill()
        if not self._closed:
            self._spawn_requests.put(1)

    # -- queries ---------------------------------------------------------------------------
    def run(self, query: str, results_type: str, graph_type: str, bindings: dict[str, str] | None = None) -> Answer:
        """Evaluate ``query`` in a worker; solutions and booleans come back
        as ``results_type``, graphs as ``graph_type``.  Errors come back as
        text/plain answers: 400 (the query), 413 (result too large), 503
        (time limit, no free worker), 500 (the worker died).  ``bindings``
        maps variable names to N-Triples terms (substitutions)."""
        wait = self.timeout if self.timeout else None
        try:
            w = self._idle.get(timeout=wait)
        except queue.Empty:
            return _error(503, f"all {self.size} query workers stayed busy for {self.timeout:g} s; try again later")
        request = json.dumps(
            {"query": query, "results_type": results_type, "graph_type": graph_type, "bindings": bindings or {}}
        ).encode("utf-8")
        deadline = None if not self.timeout else time.monotonic() + self.timeout
        try:
            w.proc.stdin.write(_LEN.pack(len(request)) + request)
            header = _read_frame(w.fd, deadline)
            body = _read_frame(w.fd, deadline) if header is not None else None
        except _Timeout:
            self._replace(w)
            return _error(503, f"query stopped: it ran longer than the time limit of {self.timeout:g} s (--timeout)")
        except OSError:
            header = body = None
        if header is None or body is None:
            reason = w.death(self.max_memory)
            self._replace(w)
            return _error(500, reason)
        self._idle.put(w)
        h = json.loads(header)
        if not h["ok"]:
            return _error(h["status"], h["message"])
        return Answer(200, h["content_type"], body)


def select_in_worker(
    path: str | os.PathLike,
    query: str,
    bindings: dict | None = None,
    *,
    timeout: float | None = None,
    max_memory: int = 2 << 30,
):
    """Run a SELECT or ASK on the store at ``path`` in one worker process
    under ``max_memory`` bytes and ``timeout`` seconds (``kg query
    --max-memory``); a :class:`kg.outputs.queries.Table`.  ``bindings`` maps
    variable names to pyoxigraph terms.  Raises QueryError with the worker's
    message (limits, syntax, a CONSTRUCT), PoolError when it cannot start.
    Ctrl-C (KeyboardInterrupt) kills the worker and propagates."""
    import pyoxigraph as ox

    from kg.errors import QueryError
    from kg.outputs.queries import result_table

    pool = WorkerPool(path, size=1, timeout=timeout, max_memory=max_memory).start()
    try:
        answer = pool.run(
            query,
            "application/sparql-results+json",
            "application/n-triples",
            {k: str(v) for k, v in (bindings or {}).items()},
        )
    finally:
        pool.close()
    if answer.status != 200:
        raise QueryError(answer.body.decode("utf-8", "replace").strip())
    if answer.content_type != "application/sparql-results+json":
        raise QueryError("only SELECT and ASK queries print tables; use 'kg export' for graphs")
    return result_table(ox.parse_query_results(answer.body, format=ox.QueryResultsFormat.JSON))
