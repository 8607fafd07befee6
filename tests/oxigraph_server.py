"""A real Oxigraph server (the ``oxigraph`` executable, PyPI package
``oxigraph``, a test dependency) for the tests: a writable remote triple
store that ``kg push`` uploads to, and a read-only one that refuses.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from kg.serve.server import ServeError, base_url, free_port  # noqa: F401 - free_port: for the tests


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
    pytest.skip("the 'oxigraph' server executable is not installed (pip install -e '.[test]' installs it)")


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

    def __init__(
        self,
        location: str | os.PathLike | None,
        *,
        host: str = "127.0.0.1",
        port: int = 7878,
        read_only: bool = True,
        union_default_graph: bool = True,
    ):
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
        """Base URL."""
        return base_url(self.host, self.port)

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
    def start(self, timeout: float = 30.0) -> OxigraphServer:
        """Start the server and wait (at most ``timeout`` seconds) until it
        answers HTTP.  Raises ServeError with the server's own message when it
        exits early (port in use, not a store, …) or does not answer in time."""
        if self._proc is not None:
            return self
        cmd = self.command()
        if _listening(self.host, self.port):
            raise ServeError(
                f"{_netloc(self.host, self.port)} is already in use (another server?); choose another --port"
            )
        self._log = tempfile.TemporaryFile()
        env = dict(os.environ, RUST_BACKTRACE="0", RUST_LIB_BACKTRACE="0")
        try:
            self._proc = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT, env=env
            )
        except OSError as e:
            raise ServeError(f"cannot run {cmd[0]}: {e}") from None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                lines = [ln.strip() for ln in self._output().splitlines() if ln.strip()]
                msg = next((ln for ln in lines if ln.lower().startswith("error")), lines[0] if lines else "no message")
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

    def __enter__(self) -> OxigraphServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
