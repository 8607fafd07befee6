"""kg serve: the real Oxigraph server on the seed store, queried over HTTP.

Every server binds 127.0.0.1 on a free port and is stopped by its test.
"""
from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.errors import StoreError
from kg.serve import OxigraphServer, ServeError, free_port, oxigraph_executable, serve

from conftest import ROOT

JSON = "application/sparql-results+json"


def sparql(endpoint: str, query: str, method: str = "POST") -> dict:
    data = urllib.parse.urlencode({"query": query})
    if method == "GET":
        req = urllib.request.Request(f"{endpoint}?{data}", headers={"Accept": JSON})
    else:
        req = urllib.request.Request(endpoint, data=data.encode(), headers={
            "Accept": JSON, "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=30) as r:
        assert r.status == 200
        return json.loads(r.read())


def values(result: dict, var: str) -> list[str]:
    return [b[var]["value"] for b in result["results"]["bindings"] if var in b]


@pytest.fixture(scope="module")
def server(seed_store_path):
    srv = serve(seed_store_path, "127.0.0.1", free_port())
    try:
        yield srv
    finally:
        srv.stop()
    assert not srv.running


def test_oxigraph_executable_is_installed():
    exe = oxigraph_executable()
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
    assert out.returncode == 0 and "0.5" in out.stdout


def test_sparql_query_over_http_counts_seed_papers(server):
    assert server.url.startswith("http://127.0.0.1:")
    res = sparql(server.query_url,
                 "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <https://w3id.org/paperkg#Paper> }")
    assert res["head"]["vars"] == ["n"]
    assert values(res, "n") == ["80"]


def test_get_query_and_union_default_graph(server):
    q = """PREFIX kg: <https://w3id.org/paperkg#>
           PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
           SELECT DISTINCT ?w WHERE { ?c a kg:Comparison ; kg:loser/rdfs:label "GPT-4o" ;
                                      kg:winner/rdfs:label ?w }"""
    winners = values(sparql(server.query_url, q, method="GET"), "w")
    assert "Qwen3-8B" in winners
    graphs = values(sparql(server.query_url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"), "g")
    assert "https://w3id.org/paperkg/graph/ontology" in graphs
    assert sum(g.startswith("https://w3id.org/paperkg/graph/report/") for g in graphs) == 5


def test_query_page_loads(server):
    with urllib.request.urlopen(server.url, timeout=30) as r:
        assert r.status == 200
        assert r.headers.get_content_type() == "text/html"
        page = r.read().decode("utf-8")
    assert "<html" in page.lower() and "yasgui" in page.lower()
    # the page's assets come from the server itself, not from a CDN
    with urllib.request.urlopen(server.url + "yasgui.min.js", timeout=30) as r:
        assert r.status == 200


def test_server_is_read_only(server):
    req = urllib.request.Request(server.update_url, method="POST",
                                 data=b"INSERT DATA { <http://a> <http://b> <http://c> }",
                                 headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(req, timeout=30)
    assert e.value.code in (403, 404, 405)


def test_port_in_use_is_a_clear_error(server, seed_store_path):
    other = OxigraphServer(seed_store_path, port=server.port)
    with pytest.raises(ServeError, match="already in use"):
        other.start(timeout=20)
    assert not other.running


def test_server_errors_are_reported_with_oxigraph_message(tmp_path):
    (tmp_path / "not-a-store").write_text("x")
    bad = OxigraphServer(tmp_path / "not-a-store", port=free_port())
    with pytest.raises(ServeError, match="oxigraph exited with status") as e:
        bad.start(timeout=20)
    assert "Stack backtrace" not in str(e.value) and not bad.running


def test_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        serve(tmp_path / "nothing", "127.0.0.1", free_port())


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_cli_serve_prints_url_and_stops_on_ctrl_c(seed_store_path, sig):
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(seed_store_path),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=ROOT)
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        assert ready, "kg serve printed nothing within 60 s"
        first = proc.stdout.readline()
        url = f"http://127.0.0.1:{port}/"
        assert url in first and "read-only" in first
        res = sparql(url + "query", "SELECT (COUNT(DISTINCT ?p) AS ?n) "
                                    "WHERE { ?p a <https://w3id.org/paperkg#Paper> }")
        assert values(res, "n") == ["80"]
        proc.send_signal(sig)  # SIGINT is what Ctrl-C does
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    assert proc.returncode == 0, err
    assert "stopped" in out
    # the Oxigraph child is gone too: nothing answers on the port any more
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).close()
        except (urllib.error.URLError, OSError):
            break
        time.sleep(0.1)
    else:
        pytest.fail("the server still answers after Ctrl-C")
