"""Serve a store over the SPARQL 1.1 Protocol with the real Oxigraph server.

``kg serve`` runs the ``oxigraph`` executable (the ``oxigraph`` package on
PyPI, same 0.5 series as pyoxigraph, so it reads our RocksDB store as is) as
a child process::

    oxigraph serve-read-only --location STORE --bind 127.0.0.1:7878 --union-default-graph

Read-only mode takes no write lock, so ``kg query``/``kg show`` keep working
while the server runs; the default graph is the union of the report graphs,
as in ``kg query``.  The server answers SPARQL at ``/query`` (GET or POST,
JSON/XML/CSV/TSV results by content negotiation) and shows a query page
(YASGUI, bundled in the binary, no CDN) at ``/``.

:class:`OxigraphServer` is also what the tests use to start a writable server
(``read_only=False``) that ``kg push`` uploads to.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable

from kg.errors import KgError


class ServeError(KgError):
    """The Oxigraph server could not be found, started or reached."""


def oxigraph_executable() -> str:
    """Path of the ``oxigraph`` executable: beside this Python (the venv's
    ``bin/``) first, then on ``PATH``.  Raises ServeError when missing."""
    name = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    here = Path(sys.executable).parent / name
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise ServeError("the 'oxigraph' server executable is not installed "
                     "(pip install 'oxigraph>=0.5,<0.6', the same series as pyoxigraph)")


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port on ``host`` that nothing listens on right now."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _listening(host: str, port: int) -> bool:
    """True when something accepts TCP connections on ``host:port``."""
    target = "127.0.0.1" if host in ("0.0.0.0", "") else "::1" if host == "::" else host
    try:
        with socket.create_connection((target, port), timeout=1.0):
            return True
    except OSError:
        return False


def _netloc(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class OxigraphServer:
    """An ``oxigraph serve`` / ``serve-read-only`` child process.

    Args:
        location: store folder; ``None`` (writable only) for an in-memory store.
        host, port: address to bind; loopback by default.
        read_only: ``serve-read-only`` (no lock, no writes) or ``serve``.
        union_default_graph: queries without GRAPH see every named graph.

    Use as a context manager, or :meth:`start` / :meth:`stop`.
    """

    def __init__(self, location: str | os.PathLike | None, *, host: str = "127.0.0.1",
                 port: int = 7878, read_only: bool = True, union_default_graph: bool = True):
        if location is None and read_only:
            raise ServeError("a read-only server needs a store folder")
        self.location = None if location is None else Path(location)
        self.host = host
        self.port = int(port)
        self.read_only = read_only
        self.union_default_graph = union_default_graph
        self._proc: subprocess.Popen | None = None
        self._log = None

    # -- addresses ------------------------------------------------------------
    @property
    def url(self) -> str:
        """Base URL; the query page is served here."""
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else "::1" if self.host == "::" else self.host
        return f"http://{_netloc(host, self.port)}/"

    @property
    def query_url(self) -> str:
        """SPARQL 1.1 Protocol query endpoint."""
        return self.url + "query"

    @property
    def update_url(self) -> str:
        return self.url + "update"

    @property
    def store_url(self) -> str:
        """SPARQL 1.1 Graph Store HTTP Protocol endpoint (``?graph=IRI``)."""
        return self.url + "store"

    def command(self) -> list[str]:
        cmd = [oxigraph_executable(), "serve-read-only" if self.read_only else "serve"]
        if self.location is not None:
            cmd += ["--location", str(self.location)]
        cmd += ["--bind", _netloc(self.host, self.port)]
        if self.union_default_graph:
            cmd.append("--union-default-graph")
        return cmd

    # -- life cycle --------------------------------------------------------------
    def start(self, timeout: float = 30.0) -> "OxigraphServer":
        """Start the server and wait (at most ``timeout`` seconds) until it
        answers HTTP.  Raises ServeError with the server's own message when it
        exits early (port in use, not a store, …) or does not answer in time."""
        if self._proc is not None:
            return self
        cmd = self.command()
        if _listening(self.host, self.port):
            raise ServeError(f"{_netloc(self.host, self.port)} is already in use "
                             "(another server?); choose another --port")
        self._log = tempfile.TemporaryFile()
        env = dict(os.environ, RUST_BACKTRACE="0", RUST_LIB_BACKTRACE="0")
        try:
            self._proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=self._log,
                                          stderr=subprocess.STDOUT, env=env)
        except OSError as e:
            raise ServeError(f"cannot run {cmd[0]}: {e}") from None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                lines = [ln.strip() for ln in self._output().splitlines() if ln.strip()]
                msg = next((ln for ln in lines if ln.lower().startswith("error")), lines[0] if lines else
                           "no message")
                self._cleanup()
                raise ServeError(f"oxigraph exited with status {self._proc.returncode}: {msg}")
            if self._answers():
                return self
            time.sleep(0.05)
        self.stop()
        raise ServeError(f"oxigraph did not answer at {self.url} within {timeout:.0f} s")

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.url, timeout=1.0) as r:
                return r.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def _output(self) -> str:
        if self._log is None:
            return ""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def _cleanup(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def wait(self) -> int:
        """Block until the server exits (e.g. on Ctrl-C); its exit status."""
        if self._proc is None:
            return 0
        return self._proc.wait()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server: SIGTERM, then SIGKILL after ``timeout`` seconds."""
        proc = self._proc
        if proc is None:
            return
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout)
        self._proc = None
        self._cleanup()

    def __enter__(self) -> "OxigraphServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def check_store(location: str | os.PathLike) -> Path:
    """Raise StoreError unless ``location`` holds a PaperKG store (opened
    read-only for a moment, so no lock is left behind)."""
    from kg.store import KnowledgeStore

    store = KnowledgeStore(location, read_only=True)
    del store
    return Path(location)


def serve(location: str | os.PathLike, host: str = "127.0.0.1", port: int = 7878,
          timeout: float = 30.0) -> OxigraphServer:
    """Start a read-only Oxigraph server on store ``location`` and return it
    once it answers; the caller waits on it and stops it."""
    check_store(location)
    return OxigraphServer(location, host=host, port=port, read_only=True).start(timeout)


def run_until_stopped(server: OxigraphServer, announce: Callable[[], None] | None = None) -> int:
    """Wait for ``server`` until Ctrl-C (SIGINT), SIGTERM or SIGHUP, then stop
    it; returns the server's exit status when it ended on its own (0 when we
    stopped it).  ``announce`` (e.g. printing the URL) is called once the
    signal handlers are in place, so that whoever reads it can stop the
    server with a signal.  Signal handlers are restored afterwards."""

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
        status = server.wait()
        # a terminal's Ctrl-C reaches the server too, and may end it first
        return 0 if status in (-signal.SIGINT, 128 + signal.SIGINT) else status
    except KeyboardInterrupt:
        return 0
    finally:
        server.stop()
        for sig, handler in old.items():
            signal.signal(sig, handler)
