"""Serve a store over the SPARQL 1.1 Protocol: ``kg serve``.

The server is PaperKG's own process: an HTTP server (:mod:`kg.serve.sparql_http`)
on a thread of ``kg serve``, and a small pool of worker processes
(:mod:`kg.serve.query_pool`, :mod:`kg.serve.query_worker`) that evaluate the queries on
the store, opened read-only (no lock: ``kg build``, ``kg query`` and
``kg show`` keep working meanwhile).  So that the endpoint is safe to leave
running, and to expose:

* queries are checked before evaluation (:mod:`kg.serve.query_guard`): size,
  nesting and operator count bounded, ``SERVICE`` refused unless
  ``allow_service``: a query never makes the server send a request
  elsewhere;
* each query has a time limit (``timeout``) and each worker an address-space
  limit (``max_memory``); a query past either gets an error, its worker is
  replaced, and the server keeps serving;
* workers die with ``kg serve``, even after ``kill -9`` of it;
* each query sees the store as it is now: a worker reopens the store when
  its files changed, so a ``kg build`` that ends while the server runs is
  visible to the next query.
"""

from __future__ import annotations

import errno
import os
import signal
import socket
import threading
import time
from pathlib import Path
from collections.abc import Callable

from kg.errors import KgError


class ServeError(KgError):
    """The server could not be started (address in use, bad host, …)."""


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port on ``host`` that nothing listens on right now."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _netloc(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def base_url(host: str, port: int) -> str:
    """``http://HOST:PORT/`` to reach a server listening on ``host``
    (a wildcard address is reached through loopback)."""
    host = "127.0.0.1" if host in ("0.0.0.0", "") else "::1" if host == "::" else host
    return f"http://{_netloc(host, port)}/"


def check_store(location: str | os.PathLike) -> Path:
    """Raise StoreError unless ``location`` holds a PaperKG store (opened
    read-only for a moment, so no lock is left behind)."""
    from kg.rdf.store import KnowledgeStore

    KnowledgeStore(location, read_only=True).close()
    return Path(location)


class SparqlService:
    """A running ``kg serve``: HTTP server thread plus query workers.

    Args:
        location: the store folder.
        host, port: address to listen on (loopback by default).
        timeout: seconds per query (None or 0: no limit).
        workers: queries evaluated at once.
        max_memory: bytes of address space per worker (0: no limit).
        allow_service: let queries use ``SERVICE`` (federated queries).

    Use as a context manager, or :meth:`start` / :meth:`stop`.
    """

    def __init__(
        self,
        location: str | os.PathLike,
        host: str = "127.0.0.1",
        port: int = 7878,
        *,
        timeout: float | None = 30.0,
        workers: int = 2,
        max_memory: int = 2 << 30,
        allow_service: bool = False,
    ):
        self.location, self.host, self.port = Path(location), host, int(port)
        self.timeout, self.workers, self.max_memory = timeout, workers, max_memory
        self.allow_service = allow_service
        self.pool = None
        self._http = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Base URL; the query page is served here."""
        return base_url(self.host, self.port)

    @property
    def query_url(self) -> str:
        """SPARQL 1.1 Protocol query endpoint."""
        return self.url + "query"

    def _bind(self):
        from kg.outputs.queries import query_names
        from kg.serve.sparql_http import SparqlServer

        try:
            return SparqlServer(
                (self.host, self.port),
                self.pool,
                allow_service=self.allow_service,
                store_label=str(self.location),
                public_url=self.url,
                query_names=query_names(),
            )
        except OSError as e:
            where = _netloc(self.host, self.port)
            if e.errno == errno.EADDRINUSE:
                raise ServeError(f"{where} is already in use (another server?); choose another --port") from None
            if isinstance(e, socket.gaierror) or e.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT):
                raise ServeError(
                    f"cannot listen on {where}: {e.strerror or e} "
                    "(check --host: an address of this machine, e.g. 127.0.0.1)"
                ) from None
            raise ServeError(f"cannot listen on {where}: {e.strerror or e}") from None

    def start(self) -> SparqlService:
        """Open the store in the workers and start answering; returns once
        the server accepts connections.  Raises StoreError (no store) or
        ServeError (address in use, workers failed)."""
        from kg.serve.query_pool import PoolError, WorkerPool

        check_store(self.location)
        self.pool = WorkerPool(
            self.location, size=self.workers, timeout=self.timeout or None, max_memory=self.max_memory
        )
        self._http = self._bind()
        self.port = self._http.server_address[1]
        try:
            self.pool.start()
        except PoolError as e:
            self._http.server_close()
            raise ServeError(str(e)) from None
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.2}, name="kg-serve-http", daemon=True
        )
        self._thread.start()
        return self

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self) -> None:
        """Stop answering, close the socket, kill the workers."""
        if self._http is not None:
            if self.running:
                self._http.shutdown()
            self._http.server_close()
            self._http = None
        if self.pool is not None:
            self.pool.close()
        self._thread = None

    def __enter__(self) -> SparqlService:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def serve(location: str | os.PathLike, host: str = "127.0.0.1", port: int = 7878, **options) -> SparqlService:
    """Start serving store ``location`` (see :class:`SparqlService` for the
    options) and return the running service; the caller stops it."""
    return SparqlService(location, host, port, **options).start()


def run_until_stopped(server: SparqlService, announce: Callable[[], None] | None = None) -> int:
    """Serve until Ctrl-C (SIGINT), SIGTERM or SIGHUP, then stop; returns 0.
    ``announce`` (e.g. printing the URL) is called once the signal handlers
    are in place.  Signal handlers are restored afterwards."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    wanted = [signal.SIGINT, signal.SIGTERM] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    old = {}
    for sig in wanted:
        try:
            old[sig] = signal.signal(sig, interrupt)
        except ValueError:  # not the main thread: keep the defaults
            pass
    try:
        if announce is not None:
            announce()
        while server.running:
            time.sleep(0.5)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        server.stop()
        for sig, handler in old.items():
            signal.signal(sig, handler)
