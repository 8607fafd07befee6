"""The child process that evaluates ``kg serve``'s queries.

Run as ``python -m kg.serve.query_worker STORE PARENT_PID MAX_MEMORY MAX_RESULT``
by :mod:`kg.serve.query_pool`, which talks to it over its stdin/stdout with
frames (:func:`write_frame` / :func:`read_frame`): one request, a JSON
header ``{"query", "results_type", "graph_type", "bindings"}`` (media
types for solutions/booleans and for graphs; variable name -> N-Triples
term, as pyoxigraph substitutions), and one answer, a JSON header
``{"ok", "content_type" | "status", "message"}`` followed by a body frame.

The worker

* dies with its parent: ``PR_SET_PDEATHSIG`` (Linux) sends it SIGKILL when
  the thread that started it ends, so no worker outlives ``kg serve`` even
  after ``kill -9``; elsewhere a thread watches the parent's pid;
* evaluates under ``RLIMIT_AS`` = MAX_MEMORY bytes (an evaluation that
  needs more aborts the worker, which the pool reports and replaces);
* evaluates on a thread with a 256 MiB stack, so that queries within
  :mod:`kg.serve.query_guard`'s limits cannot overflow it;
* reopens the store (read-only) when the store folder's files changed since
  it was opened, so that a ``kg build`` that ends while the server runs is
  visible to the next query;
* stops serialising at MAX_RESULT bytes and answers an error instead.
"""

from __future__ import annotations

import json
import os
import signal
import struct
import sys
import threading
from pathlib import Path
from typing import BinaryIO

from kg.procs import die_with_parent
from kg.serve.query_guard import EVAL_STACK_BYTES

_LEN = struct.Struct(">Q")


def write_frame(out: BinaryIO, data: bytes) -> None:
    """Write one length-prefixed frame and flush."""
    out.write(_LEN.pack(len(data)) + data)
    out.flush()


def read_frame(inp: BinaryIO) -> bytes | None:
    """Read one frame; None at end of file."""
    head = inp.read(_LEN.size)
    if len(head) < _LEN.size:
        return None
    (n,) = _LEN.unpack(head)
    data = inp.read(n)
    return data if len(data) == n else None


class ResultTooLarge(Exception):
    """The serialised result passed the byte limit."""


class _Capped:
    """A binary sink that raises :class:`ResultTooLarge` past ``limit`` bytes."""

    def __init__(self, limit: int):
        self.limit, self.parts, self.size = limit, [], 0

    def write(self, b) -> int:
        self.size += len(b)
        if self.size > self.limit:
            raise ResultTooLarge
        self.parts.append(bytes(b))
        return len(b)

    def flush(self) -> None:
        pass


def _limit_memory(max_bytes: int) -> None:
    if max_bytes > 0:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))


def store_signature(path: Path) -> tuple:
    """Names, sizes and modification times of the store folder's files: it
    changes whenever a writer commits (the write-ahead log grows) or
    compacts (table files come and go).  About 0.1 ms for 20 files."""
    sig = []
    try:
        with os.scandir(path) as it:
            for e in it:
                try:
                    st = e.stat()
                except OSError:
                    continue
                sig.append((e.name, st.st_size, st.st_mtime_ns))
    except OSError:
        return ()
    return tuple(sorted(sig))


class Evaluator:
    """A read-only store kept current, and the evaluation of one request."""

    def __init__(self, path: Path, max_result: int):
        from kg.rdf.store import KnowledgeStore

        self.path, self.max_result = path, max_result
        self._open = KnowledgeStore
        self.signature = store_signature(path)
        self.store = KnowledgeStore(path, read_only=True)

    def refresh(self) -> None:
        """Reopen the store when its files changed (keep the old one if the
        reopen fails, e.g. while a writer compacts)."""
        sig = store_signature(self.path)
        if sig == self.signature:
            return
        try:
            self.store = self._open(self.path, read_only=True)
            self.signature = sig
        except Exception:
            pass

    def answer(self, request: dict) -> tuple[dict, bytes]:
        """(header, body) for one request ``{"query", "results_type", "graph_type"}``."""
        import pyoxigraph as ox

        from kg.errors import KgError

        self.refresh()
        sink = _Capped(self.max_result)
        media = request["results_type"]
        try:
            subs = {k: _term(v) for k, v in (request.get("bindings") or {}).items()}
            result = self.store.query(request["query"], subs or None)
            if isinstance(result, ox.QueryTriples):
                media = request["graph_type"]
                result.serialize(sink, ox.RdfFormat.from_media_type(media))
            else:
                result.serialize(sink, ox.QueryResultsFormat.from_media_type(media))
        except ResultTooLarge:
            return (
                {
                    "ok": False,
                    "status": 413,
                    "message": f"the result is larger than {self.max_result} bytes; add a LIMIT",
                },
                b"",
            )
        except KgError as e:
            return {"ok": False, "status": 400, "message": str(e)}, b""
        except (OSError, RuntimeError, ValueError, TypeError, SyntaxError) as e:
            if isinstance(e.__context__, ResultTooLarge) or "ResultTooLarge" in str(e):
                return (
                    {
                        "ok": False,
                        "status": 413,
                        "message": f"the result is larger than {self.max_result} bytes; add a LIMIT",
                    },
                    b"",
                )
            return {"ok": False, "status": 400, "message": f"SPARQL evaluation failed: {e}"}, b""
        except MemoryError:
            return {"ok": False, "status": 503, "message": "the query needed more memory than allowed"}, b""
        return {"ok": True, "content_type": media}, b"".join(sink.parts)


def _term(ntriples: str):
    """The RDF term written ``ntriples`` (``<iri>``, ``"v"@en``, …)."""
    import pyoxigraph as ox

    triple = next(iter(ox.parse(f"<urn:s> <urn:p> {ntriples} .".encode(), format=ox.RdfFormat.N_TRIPLES)))
    return triple.object


def _loop(evaluator: Evaluator, inp: BinaryIO, out: BinaryIO) -> None:
    write_frame(out, json.dumps({"ok": True, "ready": True}).encode())
    while True:
        frame = read_frame(inp)
        if frame is None:
            return
        header, body = evaluator.answer(json.loads(frame))
        write_frame(out, json.dumps(header).encode())
        write_frame(out, body)


def main(argv: list[str]) -> int:
    """Entry point: ``STORE PARENT_PID MAX_MEMORY MAX_RESULT``."""
    store, parent, max_memory, max_result = argv[0], int(argv[1]), int(argv[2]), int(argv[3])
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C is for kg serve
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the answer pipe
    try:
        evaluator = Evaluator(Path(store), max_result)
    except Exception as e:
        write_frame(out, json.dumps({"ok": False, "status": 500, "message": str(e)}).encode())
        return 1
    # the store is open and the evaluation thread's large stack mapped before the address-space
    # limit is set: the limit bounds what queries allocate, not whether the worker can start
    threading.stack_size(EVAL_STACK_BYTES)
    go = threading.Event()
    t = threading.Thread(target=lambda: go.wait() and _loop(evaluator, inp, out), daemon=True)
    t.start()
    _limit_memory(max_memory)
    go.set()
    t.join()
    return 0


if __name__ == "__main__":  # pragma: no cover - run by kg.serve.query_pool
    sys.exit(main(sys.argv[1:]))
