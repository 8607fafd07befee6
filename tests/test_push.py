"""kg push: the seed store round-trips through a real (writable) Oxigraph
server; errors and basic auth against a small recording HTTP server.

Every server binds 127.0.0.1 on a free port and is stopped by its test.
"""

from __future__ import annotations

import base64
import socket
import threading
import urllib.parse
import urllib.request
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare
from click.testing import CliRunner

from kg.rdf import vocab
from kg.cli import main
from kg.outputs.push import PushError, env_auth, graph_url, push, redact_url
from oxigraph_server import OxigraphServer, free_port


# -- helpers --------------------------------------------------------------------
def by_graph(quads) -> dict[str, tuple[set, list]]:
    """graph IRI -> (ground quads as N-Triples strings, quads with blank nodes)."""
    out: dict[str, tuple[set, list]] = defaultdict(lambda: (set(), []))
    for q in quads:
        ground, blank = out[q.graph_name.value]
        if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
            blank.append(q.triple)
        else:
            ground.add(str(q.triple))
    return dict(out)


def isomorphic(a: list, b: list) -> bool:
    ga, gb = rdflib.Graph(), rdflib.Graph()
    ga.parse(data="\n".join(f"{t} ." for t in a), format="nt")
    gb.parse(data="\n".join(f"{t} ." for t in b), format="nt")
    return rdflib.compare.isomorphic(ga, gb)


def same_dataset(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(a[g][0] == b[g][0] and isomorphic(a[g][1], b[g][1]) for g in a)


def remote_quads(server: OxigraphServer) -> dict:
    req = urllib.request.Request(server.store_url, headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(req, timeout=30) as r:
        data = r.read()
    return by_graph(ox.parse(data, format=ox.RdfFormat.N_QUADS))


@pytest.fixture()
def remote(tmp_path):
    srv = OxigraphServer(tmp_path / "remote", port=free_port(), read_only=False).start()
    try:
        yield srv
    finally:
        srv.stop()


class Recorder(BaseHTTPRequestHandler):
    """Records PUTs; answers with the status and body set on the server."""

    def do_PUT(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.requests.append((self.path, dict(self.headers), body))
        status, text = self.server.reply
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        self.wfile.write(text)

    def log_message(self, *args):
        pass


@pytest.fixture()
def recorder():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    srv.requests, srv.reply = [], (204, b"")
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        t.join(10)


# -- round trip through Oxigraph ------------------------------------------------------
def test_push_round_trips_and_is_idempotent(seed_store, remote):
    local = by_graph(seed_store.quads())
    s1 = push(seed_store, remote.store_url)
    assert s1.graphs == len(local) == 1 + len(seed_store.report_graphs())
    assert s1.triples == len(set(seed_store.quads())) and s1.seconds >= 0
    first = remote_quads(remote)
    assert set(first) == set(local)
    assert vocab.ONTOLOGY_GRAPH in first
    for g in local:  # per graph: same ground quads, blank-node part isomorphic
        assert first[g][0] == local[g][0], g
        assert len(first[g][1]) == len(local[g][1]) and isomorphic(first[g][1], local[g][1]), g
    s2 = push(seed_store, remote.store_url)
    assert (s2.graphs, s2.triples) == (s1.graphs, s1.triples)
    second = remote_quads(remote)
    assert same_dataset(second, first)
    assert sum(len(g[0]) + len(g[1]) for g in second.values()) == s1.triples


def test_push_replaces_changed_graphs_and_keeps_foreign_ones(seed_store, remote):
    other = "http://example.org/someone-elses-graph"
    junk_graph = seed_store.report_graphs()[0].value
    for graph, triple in (
        (other, b"<http://e/a> <http://e/b> <http://e/c> ."),
        (junk_graph, b"<http://e/stale> <http://e/b> <http://e/c> ."),
    ):
        req = urllib.request.Request(
            graph_url(remote.store_url, graph),
            data=triple,
            method="PUT",
            headers={"Content-Type": "application/n-triples"},
        )
        urllib.request.urlopen(req, timeout=30).close()
    push(seed_store, remote.store_url)
    got = remote_quads(remote)
    assert other in got  # not ours: left alone
    assert not any("stale" in t for t in got[junk_graph][0])  # ours: replaced
    assert got[junk_graph][0] == by_graph(seed_store.quads(ox.NamedNode(junk_graph)))[junk_graph][0]


def test_cli_push_prints_summary(seed_store_path, remote, monkeypatch):
    monkeypatch.setenv("KG_PUSH_USER", "alice")
    monkeypatch.setenv("KG_PUSH_PASSWORD", "secret")
    r = CliRunner().invoke(main, ["push", "--store", str(seed_store_path), "--endpoint", remote.store_url])
    assert r.exit_code == 0, r.output
    assert "pushed 6 graph(s)" in r.output and "triples" in r.output and " s" in r.output


# -- requests and errors ------------------------------------------------------------
def test_requests_use_put_graph_parameter_ntriples_and_basic_auth(seed_store, recorder):
    endpoint = f"http://127.0.0.1:{recorder.server_port}/ds/data"
    push(seed_store, endpoint, auth=("alice", "s3cr:t"))
    graphs = [vocab.ONTOLOGY_GRAPH] + [g.value for g in seed_store.report_graphs()]
    assert len(recorder.requests) == len(graphs)
    for (path, headers, body), g in zip(recorder.requests, graphs):
        url = urllib.parse.urlsplit(path)
        assert url.path == "/ds/data"
        assert urllib.parse.parse_qs(url.query) == {"graph": [g]}
        assert headers["Content-Type"].startswith("application/n-triples")
        assert headers["Authorization"] == "Basic " + base64.b64encode(b"alice:s3cr:t").decode()
        assert len(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))) > 0


def test_endpoint_with_query_string_gets_graph_appended():
    assert graph_url("http://h/x?db=1", "http://g/a b") == "http://h/x?db=1&graph=http%3A%2F%2Fg%2Fa+b"


def test_no_auth_header_without_credentials(seed_store, recorder):
    push(seed_store, f"http://127.0.0.1:{recorder.server_port}/store")
    assert all("Authorization" not in h for _, h, _ in recorder.requests)


def test_env_auth():
    assert env_auth({}) is None
    assert env_auth({"KG_PUSH_USER": "u"}) == ("u", "")
    assert env_auth({"KG_PUSH_USER": "u", "KG_PUSH_PASSWORD": "p"}) == ("u", "p")


def test_http_error_names_status_url_and_first_body_line(seed_store, recorder):
    recorder.reply = (500, b"Internal failure: disk full\nsecond line\n")
    endpoint = f"http://127.0.0.1:{recorder.server_port}/store"
    with pytest.raises(PushError) as e:
        push(seed_store, endpoint)
    msg = str(e.value)
    assert "HTTP 500" in msg and "Internal failure: disk full" in msg and "second line" not in msg
    assert f"PUT {endpoint}?graph=" in msg
    assert len(recorder.requests) == 1  # stops at the first failure


def test_unauthorized_hints_at_environment(seed_store, recorder):
    recorder.reply = (401, b"Unauthorized")
    with pytest.raises(PushError, match="HTTP 401.*KG_PUSH_USER"):
        push(seed_store, f"http://127.0.0.1:{recorder.server_port}/store")


def test_read_only_server_refuses(seed_store_path, seed_store):
    with OxigraphServer(seed_store_path, port=free_port()) as ro, pytest.raises(PushError, match="HTTP 403"):
        push(seed_store, ro.store_url)


def test_connection_refused_is_clear_and_cli_exits_1(seed_store_path, seed_store):
    endpoint = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(PushError, match="connection refused"):
        push(seed_store, endpoint)
    r = CliRunner().invoke(main, ["push", "--store", str(seed_store_path), "--endpoint", endpoint])
    assert r.exit_code == 1
    assert "error: cannot connect to 127.0.0.1:" in r.output and "connection refused" in r.output
    assert "Traceback" not in r.output


def test_bad_endpoint_url(seed_store):
    with pytest.raises(PushError, match="http"):
        push(seed_store, "localhost:7878/store")


# -- credentials and bad endpoints ----------------------------------------------------------
def test_push_never_prints_credentials_from_the_url(seed_store, seed_store_path, recorder):
    recorder.reply = (500, b"Internal failure")
    endpoint = f"http://alice:s3cret@127.0.0.1:{recorder.server_port}/store?token=abc123&db=x"
    with pytest.raises(PushError) as e:
        push(seed_store, endpoint)
    msg = str(e.value)
    assert "s3cret" not in msg and "alice" not in msg and "abc123" not in msg
    assert f"PUT http://127.0.0.1:{recorder.server_port}/store?token=***&db=***&graph=" in msg
    for refused in (
        f"http://alice:s3cret@127.0.0.1:{free_port()}/store?token=abc123",
        "http://alice:s3cret@[::1/store?token=abc123",
    ):
        r = CliRunner().invoke(main, ["push", "--store", str(seed_store_path), "--endpoint", refused])
        assert r.exit_code == 1 and "s3cret" not in r.output and "abc123" not in r.output, r.output


def test_userinfo_in_the_endpoint_is_basic_auth(seed_store, recorder):
    s = push(seed_store, f"http://bob:p%40ss:w@127.0.0.1:{recorder.server_port}/store", auth=("env-user", "env-pass"))
    assert s.endpoint == f"http://127.0.0.1:{recorder.server_port}/store"
    assert recorder.requests
    for path, headers, _ in recorder.requests:
        assert headers["Authorization"] == "Basic " + base64.b64encode(b"bob:p@ss:w").decode()
        assert path.startswith("/store?graph=")


def test_redact_url():
    assert (
        redact_url("https://u:p@h:1/x?token=t&graph=http%3A%2F%2Fg") == "https://h:1/x?token=***&graph=http%3A%2F%2Fg"
    )
    assert redact_url("http://u:p@[::1/x?k=v") == "http://[::1/x?***"


def test_port_99999_is_reported_as_a_bad_port(seed_store):
    with pytest.raises(PushError, match="not a valid URL: Port out of range"):
        push(seed_store, "http://127.0.0.1:99999/store")


def test_malformed_ipv6_endpoint_is_one_line_error(seed_store_path):
    r = CliRunner().invoke(main, ["push", "--store", str(seed_store_path), "--endpoint", "http://[::1/store"])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert r.output.startswith("error: endpoint 'http://[::1/store' is not a valid URL: Invalid IPv6 URL")


def test_garbage_push_answer_is_one_line_error(seed_store_path):
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(4)

    def answer_garbage():
        conn, _ = srv.accept()
        conn.recv(65536)
        conn.sendall(b"\x00\x01 this is not HTTP\r\n\r\n")
        conn.close()

    t = threading.Thread(target=answer_garbage, daemon=True)
    t.start()
    try:
        r = CliRunner().invoke(
            main,
            ["push", "--store", str(seed_store_path), "--endpoint", f"http://127.0.0.1:{srv.getsockname()[1]}/store"],
        )
    finally:
        t.join(10)
        srv.close()
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "the server's answer is not HTTP" in r.output


def test_cli_push_says_how_to_query_named_graphs(seed_store_path, recorder):
    r = CliRunner().invoke(
        main, ["push", "--store", str(seed_store_path), "--endpoint", f"http://127.0.0.1:{recorder.server_port}/store"]
    )
    assert r.exit_code == 0 and "union-default-graph" in r.output and "GRAPH ?g" in r.output
