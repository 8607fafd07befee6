"""kg serve: PaperKG's SPARQL endpoint on a real store, queried over HTTP.

Every server binds 127.0.0.1 on a free port and is stopped by its test;
the hostile-query suite runs against a ``kg serve`` process.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.pipeline.build import build
from kg.serve.server import ServeError, SparqlService, free_port, serve
from kg.rdf.store import KnowledgeStore

from conftest import ROOT, SEEDS

JSON = "application/sparql-results+json"
PAPERS = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Paper }"


def request(
    url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None, timeout: float = 30
) -> tuple[int, str, bytes]:
    """(status, content type, body) of one HTTP request, errors included."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def sparql(endpoint: str, query: str, method: str = "POST", accept: str = JSON) -> dict:
    data = urllib.parse.urlencode({"query": query})
    if method == "GET":
        status, _, body = request(f"{endpoint}?{data}", headers={"Accept": accept})
    else:
        status, _, body = request(
            endpoint, data.encode(), {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}
        )
    assert status == 200, body
    return json.loads(body)


def values(result: dict, var: str) -> list[str]:
    return [b[var]["value"] for b in result["results"]["bindings"] if var in b]


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection it gets."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self.received: list[bytes] = []
        self._stop = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            conn.settimeout(1)
            try:
                self.received.append(conn.recv(65536) or b"<connected>")
            except OSError:
                self.received.append(b"<connected>")
            conn.close()

    def close(self):
        self._stop = True
        self._thread.join(5)
        self.sock.close()


@pytest.fixture(scope="module")
def listener():
    lst = Listener()
    yield lst
    lst.close()


def _start_cli(store, port, *extra) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    ready, _, _ = select.select([proc.stdout], [], [], 60)
    assert ready, "kg serve printed nothing within 60 s"
    first = proc.stdout.readline()
    assert f"http://127.0.0.1:{port}/" in first, first + proc.stderr.read()
    return proc


def _stop_cli(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait(10)


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


@pytest.fixture(scope="module")
def server(seed_store_path):
    srv = serve(seed_store_path, "127.0.0.1", free_port(), timeout=20)
    try:
        yield srv
    finally:
        srv.stop()
    assert not srv.running


# -- the endpoint ------------------------------------------------------------------------------
def test_sparql_query_over_http_counts_seed_papers_with_prefixes_predeclared(server):
    assert server.url.startswith("http://127.0.0.1:")
    res = sparql(server.query_url, PAPERS)
    assert res["head"]["vars"] == ["n"] and values(res, "n") == ["80"]


def test_get_query_and_union_default_graph(server):
    q = """SELECT DISTINCT ?w WHERE { ?c a kg:Comparison ; kg:loser/rdfs:label "GPT-4o" ;
                                      kg:winner/rdfs:label ?w }"""
    assert "Qwen3-8B" in values(sparql(server.query_url, q, method="GET"), "w")
    graphs = values(sparql(server.query_url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"), "g")
    assert "https://w3id.org/paperkg/graph/ontology" in graphs
    assert sum(g.startswith("https://w3id.org/paperkg/graph/report/") for g in graphs) == 5


@pytest.mark.parametrize(
    "accept,ctype,check",
    [
        ("text/csv", "text/csv", lambda b: b.decode().splitlines() == ["n", "80"]),
        (
            "text/tab-separated-values",
            "text/tab-separated-values",
            lambda b: b.decode().splitlines()[1].startswith("80"),
        ),
        ("application/sparql-results+xml", "application/sparql-results+xml", lambda b: b">80<" in b),
        ("application/json", JSON, lambda b: json.loads(b)["results"]["bindings"][0]["n"]["value"] == "80"),
        ("text/html, */*;q=0.8", JSON, lambda b: b'"80"' in b),
    ],
)
def test_content_negotiation(server, accept, ctype, check):
    status, got, body = request(
        server.query_url, PAPERS.encode(), {"Content-Type": "application/sparql-query", "Accept": accept}
    )
    assert status == 200 and got.startswith(ctype) and check(body)


def test_construct_and_ask(server):
    q = "CONSTRUCT { ?p a kg:Paper } WHERE { ?p a kg:Paper } LIMIT 3"
    status, ctype, body = request(
        server.query_url + "?" + urllib.parse.urlencode({"query": q}), headers={"Accept": "application/n-triples"}
    )
    assert status == 200 and ctype.startswith("application/n-triples") and body.count(b"\n") == 3
    status, _, body = request(
        server.query_url + "?" + urllib.parse.urlencode({"query": "ASK { ?p a kg:Paper }", "format": "json"})
    )
    assert status == 200 and json.loads(body)["boolean"] is True


def test_query_page_is_paperkgs(server):
    status, ctype, body = request(server.url)
    page = body.decode("utf-8")
    assert status == 200 and ctype.startswith("text/html")
    assert "<title>PaperKG</title>" in page and server.query_url in page
    assert "<code>kg:</code>" in page and "<code>entity:</code>" in page
    assert 'href="/?name=beats"' in page and 'href="/?name=leaderboard"' in page
    assert "<script" not in page and "http://" not in page.replace(server.query_url, "")
    _, _, body = request(server.url + "?name=leaderboard")
    assert "?dataset" in body.decode()
    form = urllib.parse.urlencode({"query": PAPERS}).encode()
    _, _, body = request(server.url, form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert "<td>80</td>" in body.decode()


def test_server_is_read_only(server):
    for url, data, ctype in [
        (server.url + "update", b"INSERT DATA { <http://a> <http://b> <http://c> }", "application/sparql-update"),
        (server.query_url, b"INSERT DATA { <http://a> <http://b> <http://c> }", "application/sparql-query"),
    ]:
        status, _, body = request(url, data, {"Content-Type": ctype})
        assert status == 403 and b"read-only" in body
    assert values(sparql(server.query_url, "SELECT ?s { <http://a> <http://b> ?s }"), "s") == []


def test_port_in_use_is_a_clear_error(server, seed_store_path):
    with pytest.raises(ServeError, match="already in use"):
        serve(seed_store_path, "127.0.0.1", server.port)


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        serve(tmp_path / "nothing", "127.0.0.1", free_port())


def test_service_is_sent_only_with_allow_service(seed_store_path):
    """The listener of the hostile suite does see a request when SERVICE is
    allowed: the suite's 'nothing received' can fail."""
    lst = Listener()
    try:
        with SparqlService(seed_store_path, "127.0.0.1", free_port(), timeout=10, allow_service=True, workers=1) as srv:
            q = f"SELECT * WHERE {{ SERVICE SILENT <{lst.url}> {{ ?s ?p ?o }} }}"
            request(srv.query_url, q.encode(), {"Content-Type": "application/sparql-query"}, timeout=30)
        deadline = time.monotonic() + 5
        while not lst.received and time.monotonic() < deadline:
            time.sleep(0.05)
        assert lst.received and lst.received[0].startswith((b"POST", b"GET", b"<connected>"))
    finally:
        lst.close()


# -- live store ------------------------------------------------------------------------------
@pytest.mark.slow
def test_build_while_serving_is_visible_within_5_s(tmp_path):
    reports = sorted(p for p in SEEDS.iterdir() if p.is_file())
    store_path = tmp_path / "live"
    first = KnowledgeStore(store_path)
    build([reports[0]], first)
    first.close()
    port = free_port()
    proc = _start_cli(store_path, port)
    try:
        endpoint = f"http://127.0.0.1:{port}/query"
        before = int(values(sparql(endpoint, PAPERS), "n")[0])
        writer = KnowledgeStore(store_path)
        build(reports, writer)
        writer.close()
        t0 = time.monotonic()
        while True:
            now = int(values(sparql(endpoint, PAPERS), "n")[0])
            if now == 80 or time.monotonic() - t0 > 5:
                break
            time.sleep(0.1)
        assert before < 80 and now == 80, f"still {now} papers 5 s after the build"
    finally:
        _stop_cli(proc)


# -- stopping ------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_cli_serve_prints_url_and_stops_on_ctrl_c(seed_store_path, sig):
    port = free_port()
    proc = _start_cli(seed_store_path, port)
    try:
        url = f"http://127.0.0.1:{port}/"
        assert values(sparql(url + "query", PAPERS), "n") == ["80"]
        workers = _children(proc.pid)
        assert workers
        proc.send_signal(sig)  # SIGINT is what Ctrl-C does
        out, err = proc.communicate(timeout=30)
    finally:
        _stop_cli(proc)
    assert proc.returncode == 0, err
    assert "stopped" in out and "Traceback" not in err
    assert all(_gone(w) for w in workers)
    with pytest.raises((urllib.error.URLError, OSError)):
        urllib.request.urlopen(url, timeout=2)


@pytest.mark.slow
def test_kill_9_of_kg_serve_leaves_no_worker_and_the_port_free(seed_store_path):
    port = free_port()
    proc = _start_cli(seed_store_path, port)
    workers = _children(proc.pid)
    assert len(workers) == 2
    proc.kill()  # SIGKILL: no handler runs
    proc.wait(10)
    deadline = time.monotonic() + 5
    while not all(_gone(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(_gone(w) for w in workers), "a query worker outlived kill -9 of kg serve"
    again = _start_cli(seed_store_path, port)  # the port is free again
    try:
        assert values(sparql(f"http://127.0.0.1:{port}/query", PAPERS), "n") == ["80"]
    finally:
        _stop_cli(again)
