"""Push the store to any SPARQL 1.1 Graph Store HTTP Protocol endpoint.

Every named graph (the ontology's, then one per report file) is sent with
one ``PUT ENDPOINT?graph=IRI`` whose body is the graph's triples as
N-Triples.  PUT replaces the remote graph, so pushing twice leaves the
remote store as it was after the first push (blank nodes of the ontology
get fresh names on the server each time, as with any RDF upload; the graph
stays the same up to those names).  Remote graphs that the local store does
not have are left alone.

Endpoints: Oxigraph ``http://host:7878/store``, Fuseki
``http://host:3030/DATASET/data``, GraphDB
``http://host:7200/repositories/REPO/rdf-graphs/service``, …
Basic authentication comes from ``user:password@`` in the endpoint URL or
from ``KG_PUSH_USER`` / ``KG_PUSH_PASSWORD``.  Messages never show
credentials: URLs are printed without their user information and with the
values of their query parameters masked (:func:`redact_url`).

The graphs are pushed as named graphs.  Stores answer a query without
``GRAPH`` from their default graph, which is empty unless the store is set
to use the union of its named graphs as default graph (Oxigraph:
``--union-default-graph``; Fuseki/TDB2: ``tdb2:unionDefaultGraph true``;
GraphDB does so by default); :data:`UNION_NOTE` says so after a push.
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from collections.abc import Callable, Mapping

import pyoxigraph as ox

from kg.rdf import vocab
from kg.errors import KgError
from kg.rdf.store import KnowledgeStore

N_TRIPLES = "application/n-triples"


UNION_NOTE = (
    "note: the graphs are named graphs; queries without GRAPH see them only where the "
    "default graph is the union of the named graphs (Oxigraph: serve "
    "--union-default-graph; Fuseki: tdb2:unionDefaultGraph true); elsewhere wrap the "
    "pattern in GRAPH ?g { … }"
)


class PushError(KgError):
    """An upload failed: bad endpoint, connection refused, HTTP error."""


def redact_url(url: str) -> str:
    """``url`` fit for a message: no ``user:password@``, and every query
    parameter value masked as ``***`` except ``graph`` (a graph IRI of
    ours).  A URL that cannot be parsed is replaced by a placeholder."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.netloc.rpartition("@")[2]
        query = "&".join(
            f"{k}={v if k == 'graph' else '***'}"
            for k, v in (p.partition("=")[::2] for p in parts.query.split("&") if p)
        )
    except ValueError:  # e.g. '[::1' : strip what looks like credentials and a query
        return re.sub(r"\?.*", "?***", re.sub(r"//[^/]*@", "//", url), flags=re.S)
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path, query, ""))


def split_credentials(endpoint: str) -> tuple[str, tuple[str, str] | None]:
    """(endpoint without ``user:password@``, (user, password) or None);
    both percent-decoded, as in any URL."""
    parts = urllib.parse.urlsplit(endpoint)
    if "@" not in parts.netloc:
        return endpoint, None
    userinfo, _, host = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    clean = urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    return clean, (urllib.parse.unquote(user), urllib.parse.unquote(password))


@dataclass
class PushSummary:
    endpoint: str
    graphs: int
    triples: int
    seconds: float


def env_auth(env: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    """``(user, password)`` from ``KG_PUSH_USER`` / ``KG_PUSH_PASSWORD``, or
    None when no user is set."""
    env = os.environ if env is None else env
    user = env.get("KG_PUSH_USER")
    if not user:
        return None
    return user, env.get("KG_PUSH_PASSWORD", "")


def graph_url(endpoint: str, graph: str) -> str:
    """``endpoint`` with the ``graph=IRI`` parameter (percent-encoded) added."""
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return endpoint + sep + urllib.parse.urlencode({"graph": graph})


def graph_body(store: KnowledgeStore, graph: ox.NamedNode) -> tuple[bytes, int]:
    """N-Triples of named graph ``graph`` (sorted, so the body is stable) and
    its number of triples."""
    triples = sorted((q.triple for q in store.quads(graph)), key=str)
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), len(triples)


def graphs_to_push(store: KnowledgeStore) -> list[ox.NamedNode]:
    """The ontology graph (when the store has it), then the report graphs."""
    onto = ox.NamedNode(vocab.ONTOLOGY_GRAPH)
    has_onto = next(iter(store.quads(onto)), None) is not None
    return ([onto] if has_onto else []) + store.report_graphs()


def _check_endpoint(endpoint: str) -> None:
    """Raise PushError unless ``endpoint`` is an http(s) URL with a host and
    a valid port (message without credentials)."""
    shown = redact_url(endpoint)
    try:
        parts = urllib.parse.urlsplit(endpoint)
        port = parts.port
    except ValueError as e:  # '[::1' (bad IPv6), port 99999, port 'x'
        raise PushError(
            f"endpoint '{shown}' is not a valid URL: {e} (e.g. http://[::1]:7878/store, ports 1-65535)"
        ) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"endpoint must be an http(s) URL, got '{shown}'")
    if port == 0:
        raise PushError(f"endpoint '{shown}': port 0 is not a TCP port (use 1-65535)")


def put(
    url: str, body: bytes, *, auth: tuple[str, str] | None = None, content_type: str = N_TRIPLES, timeout: float = 60.0
) -> int:
    """HTTP PUT ``body`` to ``url``; returns the status.  Raises PushError
    with the status, URL and first line of the response body on failure."""
    headers = {"Content-Type": f"{content_type}; charset=utf-8", "User-Agent": "paperkg-push"}
    if auth is not None:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    req = urllib.request.Request(url, data=body, method="PUT", headers=headers)
    shown = redact_url(url)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status
    except urllib.error.HTTPError as e:
        try:
            text = e.read(4096).decode("utf-8", "replace").strip()
        except OSError:
            text = ""
        first = text.splitlines()[0] if text else e.reason
        hint = ""
        if e.code in (401, 403):
            hint = " (credentials come from user:password@ in the endpoint or KG_PUSH_USER / KG_PUSH_PASSWORD)"
        raise PushError(f"PUT {shown} failed: HTTP {e.code}: {first}{hint}") from None
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, ConnectionRefusedError):
            host = urllib.parse.urlsplit(shown).netloc
            raise PushError(
                f"cannot connect to {host}: connection refused "
                f"(is the triple store running at that address?) [PUT {shown}]"
            ) from None
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise PushError(f"PUT {shown} timed out after {timeout:.0f} s") from None
        raise PushError(f"cannot reach {shown}: {reason}") from None
    except TimeoutError:
        raise PushError(f"PUT {shown} timed out after {timeout:.0f} s") from None
    except http.client.InvalidURL as e:
        raise PushError(f"endpoint '{shown}' is not a valid URL: {e}") from None
    except http.client.HTTPException as e:  # not HTTP at all: BadStatusLine, …
        what = " ".join(str(e).split())[:120] or type(e).__name__
        raise PushError(
            f"PUT {shown}: the server's answer is not HTTP ({type(e).__name__}: "
            f"{what}); is this the Graph Store endpoint?"
        ) from None
    except (ConnectionError, OSError, ValueError) as e:
        raise PushError(f"PUT {shown} failed: {e}") from None


def push(
    store: KnowledgeStore,
    endpoint: str,
    *,
    auth: tuple[str, str] | None = None,
    timeout: float = 60.0,
    progress: Callable[[str, int, int], None] | None = None,
) -> PushSummary:
    """Upload the ontology graph and every report graph to the Graph Store
    Protocol ``endpoint``, one PUT per graph.

    Args:
        store: the local store (read only).
        endpoint: Graph Store endpoint URL, e.g. ``http://127.0.0.1:7878/store``;
            ``user:password@`` in it is used for basic auth (before ``auth``).
        auth: ``(user, password)`` for HTTP basic auth (see :func:`env_auth`).
        timeout: seconds per request.
        progress: called with (graph IRI, graphs done, total) after each PUT.

    Raises PushError at the first failed upload (graphs already sent stay).
    The summary's endpoint is redacted (:func:`redact_url`).
    """
    _check_endpoint(endpoint)
    endpoint, url_auth = split_credentials(endpoint)
    auth = url_auth or auth
    start = time.perf_counter()
    graphs = graphs_to_push(store)
    triples = 0
    for i, g in enumerate(graphs, 1):
        body, n = graph_body(store, g)
        put(graph_url(endpoint, g.value), body, auth=auth, timeout=timeout)
        triples += n
        if progress is not None:
            progress(g.value, i, len(graphs))
    return PushSummary(redact_url(endpoint), len(graphs), triples, time.perf_counter() - start)
