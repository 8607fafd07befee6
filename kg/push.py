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
Basic authentication comes from ``KG_PUSH_USER`` / ``KG_PUSH_PASSWORD``.
"""
from __future__ import annotations

import base64
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Callable, Mapping

import pyoxigraph as ox

from kg import vocab
from kg.errors import KgError
from kg.store import KnowledgeStore

N_TRIPLES = "application/n-triples"


class PushError(KgError):
    """An upload failed: bad endpoint, connection refused, HTTP error."""


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
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"endpoint must be an http(s) URL, got '{endpoint}'")


def put(url: str, body: bytes, *, auth: tuple[str, str] | None = None,
        content_type: str = N_TRIPLES, timeout: float = 60.0) -> int:
    """HTTP PUT ``body`` to ``url``; returns the status.  Raises PushError
    with the status, URL and first line of the response body on failure."""
    headers = {"Content-Type": f"{content_type}; charset=utf-8", "User-Agent": "paperkg-push"}
    if auth is not None:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    req = urllib.request.Request(url, data=body, method="PUT", headers=headers)
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
            hint = " (credentials come from KG_PUSH_USER / KG_PUSH_PASSWORD)"
        raise PushError(f"PUT {url} failed: HTTP {e.code}: {first}{hint}") from None
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, ConnectionRefusedError):
            host = urllib.parse.urlsplit(url).netloc
            raise PushError(f"cannot connect to {host}: connection refused "
                            f"(is the triple store running at that address?) [PUT {url}]") from None
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise PushError(f"PUT {url} timed out after {timeout:.0f} s") from None
        raise PushError(f"cannot reach {url}: {reason}") from None
    except (TimeoutError, socket.timeout):
        raise PushError(f"PUT {url} timed out after {timeout:.0f} s") from None
    except (ConnectionError, OSError) as e:
        raise PushError(f"PUT {url} failed: {e}") from None


def push(store: KnowledgeStore, endpoint: str, *, auth: tuple[str, str] | None = None,
         timeout: float = 60.0,
         progress: Callable[[str, int, int], None] | None = None) -> PushSummary:
    """Upload the ontology graph and every report graph to the Graph Store
    Protocol ``endpoint``, one PUT per graph.

    Args:
        store: the local store (read only).
        endpoint: Graph Store endpoint URL, e.g. ``http://127.0.0.1:7878/store``.
        auth: ``(user, password)`` for HTTP basic auth (see :func:`env_auth`).
        timeout: seconds per request.
        progress: called with (graph IRI, graphs done, total) after each PUT.

    Raises PushError at the first failed upload (graphs already sent stay).
    """
    _check_endpoint(endpoint)
    start = time.perf_counter()
    graphs = graphs_to_push(store)
    triples = 0
    for i, g in enumerate(graphs, 1):
        body, n = graph_body(store, g)
        put(graph_url(endpoint, g.value), body, auth=auth, timeout=timeout)
        triples += n
        if progress is not None:
            progress(g.value, i, len(graphs))
    return PushSummary(endpoint, len(graphs), triples, time.perf_counter() - start)
