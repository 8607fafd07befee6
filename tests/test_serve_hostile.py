"""Hostile requests against a running ``kg serve`` (127.0.0.1 only).

Every case must be answered, with an error or a result, within the
server's time limit plus a margin; after each one the server still answers
a plain query; and a listener that the SERVICE cases point at receives
nothing.  The server runs with ``--timeout 3 --max-memory 1GB``.
"""

from __future__ import annotations

import signal
import socket
import time
import urllib.parse

import pytest

from kg.serve.server import free_port

from test_serve import PAPERS, Listener, _start_cli, _stop_cli, request, sparql, values

TIMEOUT = 3.0
#: seconds a case may take: the time limit, a worker restart, a busy machine
MARGIN = 12.0


@pytest.fixture(scope="module")
def hostile(seed_store_path):
    lst = Listener()
    port = free_port()
    proc = _start_cli(seed_store_path, port, "--timeout", str(TIMEOUT), "--max-memory", "1GB")
    try:
        yield f"http://127.0.0.1:{port}", lst, proc
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=30)
        finally:
            _stop_cli(proc)
            lst.close()
        assert "Traceback" not in err and "error" not in err, err


def _form(query: str) -> tuple[bytes, dict]:
    return urllib.parse.urlencode({"query": query}).encode(), {"Content-Type": "application/x-www-form-urlencoded"}


def _raw(base: str, payload: bytes) -> int:
    """Send raw bytes; the status of the answer (0: no answer)."""
    host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
    with socket.create_connection((host, port), timeout=TIMEOUT + MARGIN) as s:
        s.sendall(payload)
        s.shutdown(socket.SHUT_WR)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return int(data.split()[1]) if data.startswith(b"HTTP/") else 0


def nest(n: int, open_: str = "{ ", close: str = " }", inner: str = "?s ?p ?o") -> str:
    return open_ * n + inner + close * n


CROSS3 = "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
#: name -> (method, body or query, headers, accepted statuses); {L} is the listener's URL
CASES = {
    "service_iri": ("form", "SELECT * WHERE { SERVICE <{L}> { ?s ?p ?o } }", {403}),
    "service_silent_lowercase": ("form", "select * where { service silent <{L}> { ?s ?p ?o } }", {403}),
    "service_variable": ("form", "SELECT * WHERE { VALUES ?u { <{L}> } SERVICE ?u { ?s ?p ?o } }", {403}),
    "service_in_optional_subquery": (
        "form",
        "SELECT * WHERE { ?x ?y ?z OPTIONAL { SELECT * WHERE { SERVICE <{L}> { ?s ?p ?o } } } } LIMIT 1",
        {403},
    ),
    "service_in_filter_exists": (
        "form",
        "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <{L}> { ?s ?p ?o } } } LIMIT 1",
        {403},
    ),
    "service_unicode_escape": ("form", "SELECT * WHERE { \\u0053ERVICE <{L}> { ?s ?p ?o } }", {403}),
    "service_via_get": ("get", "SELECT * WHERE { SERVICE <{L}> { ?s ?p ?o } }", {403}),
    "service_sparql_query_body": ("body", "SELECT * WHERE { SERVICE <{L}> { ?s ?p ?o } }", {403}),
    "service_in_page_form": ("page", "SELECT * WHERE { SERVICE <{L}> { ?s ?p ?o } }", {200}),
    "load_update": ("body", "LOAD <{L}>", {403}),
    "nested_braces_3000": ("form", "SELECT * WHERE " + nest(3000), {400}),
    "nested_parens_10000": ("form", "SELECT * WHERE { ?s ?p ?o FILTER" + nest(10000, "(", ")", "1") + " }", {400}),
    "nested_optional_3000": ("form", "SELECT * WHERE { ?s ?p ?o " + nest(3000, "OPTIONAL { ", " }") + " }", {400}),
    "flat_union_10000": ("form", "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 10000) + " }", {400}),
    "minus_chain_2400": ("form", "SELECT * WHERE { ?s ?p ?o " + "MINUS { ?s ?p ?o } " * 2400 + "}", {200, 500, 503}),
    "cross_join_count": ("form", "SELECT (COUNT(*) AS ?n) WHERE " + CROSS3, {503}),
    "order_by_cross_join": ("form", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f", {500, 503}),
    "huge_result": ("form", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", {413, 500, 503}),
    "query_over_1_mb": ("body", "SELECT * WHERE { ?s ?p ?o } #" + "x" * (1 << 20), {413}),
    "body_over_limit_4_mb": ("body", "SELECT * WHERE { ?s ?p ?o } #" + "x" * (4 << 20), {413}),
    "syntax_error": ("form", "SELECT * WHERE { ?s ?p }", {400}),
    "unknown_prefix": ("form", "SELECT * WHERE { ?s nope:p ?o }", {400}),
    "update_as_query": ("form", "INSERT DATA { <http://a> <http://b> <http://c> }", {403}),
    "two_query_params": ("raw", "query=ASK{}&query=ASK{}", {400}),
    "default_graph_uri": ("rawget", "/query?query=ASK%7B%7D&default-graph-uri=http%3A%2F%2Fx", {400}),
    "bad_content_type": ("ctype", "text/plain", {415}),
    "invalid_utf8_body": ("bytes", b'SELECT * WHERE { ?s ?p "\xff\xfe" }', {400}),
    "no_content_length": (
        "socket",
        b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n\r\nASK {}",
        {411},
    ),
    "chunked_body": (
        "socket",
        b"POST /query HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        b"Content-Type: application/sparql-query\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n",
        {411},
    ),
    "negative_content_length": (
        "socket",
        b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\nContent-Type: application/sparql-query\r\n\r\n",
        {413},
    ),
    "not_http": ("socket", b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03garbage\r\n\r\n", {0, 400}),
    "unacceptable_accept": ("accept", "image/png", {406}),
    "path_traversal": ("rawget", "/../../etc/passwd", {404}),
}


def _send(base: str, listener_url: str, kind: str, payload, accepted) -> int:
    endpoint = base + "/query"
    if isinstance(payload, str):
        payload = payload.replace("{L}", listener_url)
    if kind == "form":
        return request(endpoint, *_form(payload), timeout=TIMEOUT + MARGIN)[0]
    if kind == "get":
        return request(endpoint + "?" + urllib.parse.urlencode({"query": payload}), timeout=TIMEOUT + MARGIN)[0]
    if kind == "page":
        status, _, body = request(base + "/", *_form(payload), timeout=TIMEOUT + MARGIN)
        assert b"SERVICE at line 1" in body
        return status
    if kind == "body":
        return request(
            endpoint, payload.encode(), {"Content-Type": "application/sparql-query"}, timeout=TIMEOUT + MARGIN
        )[0]
    if kind == "bytes":
        return request(endpoint, payload, {"Content-Type": "application/sparql-query"}, timeout=TIMEOUT + MARGIN)[0]
    if kind == "raw":
        return request(
            endpoint, payload.encode(), {"Content-Type": "application/x-www-form-urlencoded"}, timeout=TIMEOUT + MARGIN
        )[0]
    if kind == "rawget":
        return _raw(base, f"GET {payload} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    if kind == "ctype":
        return request(endpoint, PAPERS.encode(), {"Content-Type": payload}, timeout=TIMEOUT + MARGIN)[0]
    if kind == "accept":
        return request(
            endpoint,
            PAPERS.encode(),
            {"Content-Type": "application/sparql-query", "Accept": payload},
            timeout=TIMEOUT + MARGIN,
        )[0]
    if kind == "socket":
        return _raw(base, payload)
    raise AssertionError(kind)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_hostile_request_is_answered_and_server_stays_up(hostile, name):
    base, lst, proc = hostile
    kind, payload, accepted = CASES[name]
    t0 = time.monotonic()
    status = _send(base, lst.url, kind, payload, accepted)
    took = time.monotonic() - t0
    assert status in accepted, f"{name}: HTTP {status}"
    assert took < TIMEOUT + MARGIN, f"{name}: answered after {took:.1f} s"
    assert proc.poll() is None, f"{name}: kg serve exited with {proc.returncode}"
    assert values(sparql(base + "/query", PAPERS), "n") == ["80"]
    assert lst.received == [], f"{name}: the listener received {lst.received[:1]}"


@pytest.mark.slow
def test_client_that_leaves_mid_query_costs_nothing(hostile):
    base, _, proc = hostile
    body, headers = _form("SELECT (COUNT(*) AS ?n) WHERE " + CROSS3)
    with pytest.raises(OSError):  # the client gives up after 0.5 s
        request(base + "/query", body, headers, timeout=0.5)
    time.sleep(TIMEOUT + 1)  # the server's answer meets a closed socket
    assert proc.poll() is None
    assert values(sparql(base + "/query", PAPERS), "n") == ["80"]


@pytest.mark.slow
def test_slow_client_does_not_block_others(hostile):
    base, _, _ = hostile
    host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port
    with socket.create_connection((host, port)) as s:
        s.sendall(b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n")  # never finishes
        t0 = time.monotonic()
        assert values(sparql(base + "/query", PAPERS), "n") == ["80"]
        assert time.monotonic() - t0 < 5
