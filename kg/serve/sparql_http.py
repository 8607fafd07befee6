"""The HTTP side of ``kg serve``: the SPARQL 1.1 Protocol query endpoint
and the query page, on a threaded stdlib HTTP server.

Endpoint ``/query``: ``GET ?query=…``, ``POST`` with
``application/x-www-form-urlencoded`` (``query=…``) or
``application/sparql-query``.  Results by content negotiation (``Accept``)
or ``format=json|xml|csv|tsv`` (solutions, booleans) and
``turtle|ntriples|rdfxml|jsonld`` (graphs).  Every query is checked by
:mod:`kg.serve.query_guard` first, then evaluated by a :class:`WorkerPool`
process; the prefixes of ``kg query`` are predeclared and the default graph
is the union of all graphs.  The server is read-only: ``/update`` answers
403.
"""

from __future__ import annotations

import socket
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from kg.serve import query_guard
from kg.serve.query_pool import Answer, WorkerPool, _error

RESULTS_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
_ALIASES = {"application/json": "application/sparql-results+json"}
#: a body over the limit but under this size is read and dropped before the 413 answer
_DRAIN_BYTES = 64 << 20
_UPDATE_WORDS = {"INSERT", "DELETE", "DROP", "CLEAR", "LOAD", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


def _accepted(accept: str) -> list[tuple[float, str]]:
    """Media ranges of an Accept header with their q-values, best first."""
    out = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        out.append((q, -i, fields[0].lower()))
    return [(q, m) for q, _, m in sorted(out, reverse=True) if q > 0]


def negotiate(accept: str | None, offered: list[str]) -> str | None:
    """The first of ``offered`` that ``accept`` allows, by q-value (the
    first offered when there is no Accept header); None when none is."""
    if not accept:
        return offered[0]
    for _, media in _accepted(accept):
        media = _ALIASES.get(media, media)
        if media in offered:
            return media
        if media == "*/*":
            return offered[0]
        if media.endswith("/*"):
            for o in offered:
                if o.startswith(media[:-1]):
                    return o
    return None


class SparqlServer(ThreadingHTTPServer):
    """A ThreadingHTTPServer that holds the pool and the serving options."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        pool: WorkerPool,
        *,
        allow_service: bool,
        store_label: str,
        public_url: str,
        query_names: list[str],
    ):
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.pool, self.allow_service = pool, allow_service
        self.store_label, self.public_url, self.query_names = store_label, public_url, query_names
        super().__init__(address, Handler)

    def handle_error(self, request, client_address) -> None:
        """A client that went away (reset, broken pipe, timeout) is not an
        error of the server; anything else is reported in one line."""
        import sys

        err = sys.exc_info()[1]
        if isinstance(err, (ConnectionError, TimeoutError, socket.timeout)):
            return
        print(f"kg serve: error answering {client_address[0]}: {type(err).__name__}: {err}", file=sys.stderr)


class Handler(BaseHTTPRequestHandler):
    """One HTTP request: the page, the endpoint, or an error."""

    server: SparqlServer
    server_version = "PaperKG"
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds a client may take to send its request

    def log_message(self, format, *args):
        pass

    # -- plumbing ----------------------------------------------------------------------
    def _send(self, answer: Answer, head_only: bool = False) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        if answer.status >= 400:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if not head_only:
            self.wfile.write(answer.body)

    def _body(self) -> bytes | Answer:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return _error(411, "send the request with a Content-Length (chunked bodies are not read)")
        length = self.headers.get("Content-Length")
        if length is None:
            return _error(411, "a POST needs a Content-Length")
        try:
            n = int(length)
        except ValueError:
            return _error(400, f"bad Content-Length '{length}'")
        limit = 3 * query_guard.MAX_BYTES + 4096  # a query at the limit, percent-encoded
        if n < 0 or n > limit:
            if 0 < n <= _DRAIN_BYTES:  # read it, so that the client gets to see the answer
                while n > 0:
                    n -= len(self.rfile.read(min(n, 1 << 20)) or b"x" * n)
            return _error(413, f"request body of {length} bytes; the limit is {limit}")
        return self.rfile.read(n)

    def _form(self, raw: str) -> dict[str, list[str]] | Answer:
        try:
            return urllib.parse.parse_qs(raw, keep_blank_values=True, errors="strict", max_num_fields=100)
        except (UnicodeDecodeError, ValueError) as e:
            return _error(400, f"cannot read the form: {e}")

    def _post_params(self) -> dict[str, list[str]] | Answer:
        body = self._body()
        if isinstance(body, Answer):
            return body
        ctype = self.headers.get_content_type()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return _error(400, "the request body is not UTF-8")
        if ctype == "application/x-www-form-urlencoded":
            return self._form(text)
        if ctype == "application/sparql-query":
            params = self._form(urllib.parse.urlsplit(self.path).query)
            if isinstance(params, dict):
                params["query"] = [text]
            return params
        if ctype == "application/sparql-update":
            return _error(403, "this server is read-only: SPARQL updates are refused")
        return _error(
            415,
            f"unsupported Content-Type '{ctype}': use application/sparql-query or application/x-www-form-urlencoded",
        )

    # -- routes ------------------------------------------------------------------------
    def do_GET(self):
        self._route(self._form(urllib.parse.urlsplit(self.path).query))

    def do_HEAD(self):
        self._route(self._form(urllib.parse.urlsplit(self.path).query), head_only=True)

    def do_POST(self):
        self._route(self._post_params())

    def _route(self, params, head_only: bool = False) -> None:
        path = urllib.parse.urlsplit(self.path).path
        if isinstance(params, Answer):
            answer = params
        elif path == "/query":
            answer = self._query(params)
        elif path in ("/", "/index.html"):
            answer = self._page(params)
        elif path in ("/update", "/store"):
            answer = _error(403, "this server is read-only")
        else:
            answer = _error(404, f"no such page '{path}'; the query page is / and the endpoint /query")
        self._send(answer, head_only)

    def do_PUT(self):
        self._send(_error(403, "this server is read-only"))

    do_DELETE = do_PATCH = do_PUT

    # -- the endpoint ------------------------------------------------------------------
    def _checked_query(self, params: dict[str, list[str]]) -> str | Answer:
        queries = params.get("query", [])
        if len(queries) != 1:
            return _error(
                400,
                "give exactly one 'query' parameter"
                if queries
                else "missing 'query' parameter (SPARQL 1.1 Protocol: GET /query?query=…)",
            )
        if "default-graph-uri" in params or "named-graph-uri" in params:
            return _error(400, "default-graph-uri / named-graph-uri are not supported: use FROM or GRAPH in the query")
        text = queries[0]
        try:
            query_guard.check_query(text, allow_service=self.server.allow_service)
        except query_guard.QueryRefused as e:
            return _error(e.status, str(e))
        if query_guard.first_keyword(text) in _UPDATE_WORDS:
            return _error(403, "this server is read-only: SPARQL updates are refused")
        return text

    def _query(self, params: dict[str, list[str]]) -> Answer:
        text = self._checked_query(params)
        if isinstance(text, Answer):
            return text
        fmt = (params.get("format") or [""])[0].lower()
        if fmt and fmt not in RESULTS_TYPES and fmt not in GRAPH_TYPES:
            return _error(400, f"unknown format '{fmt}' (use one of {', '.join([*RESULTS_TYPES, *GRAPH_TYPES])})")
        accept = self.headers.get("Accept")
        results_type = RESULTS_TYPES.get(fmt) or negotiate(accept, list(RESULTS_TYPES.values()))
        graph_type = GRAPH_TYPES.get(fmt) or negotiate(accept, list(GRAPH_TYPES.values()))
        if results_type is None and graph_type is None:
            return _error(
                406,
                f"cannot answer in '{accept}'; results are "
                f"{', '.join(RESULTS_TYPES.values())} or {', '.join(GRAPH_TYPES.values())}",
            )
        return self.server.pool.run(text, results_type or RESULTS_TYPES["json"], graph_type or GRAPH_TYPES["turtle"])

    # -- the page ----------------------------------------------------------------------
    def _page(self, params: dict[str, list[str]]) -> Answer:
        from kg.serve import page as serve_page
        from kg.outputs.queries import resolve_query

        srv = self.server
        query, result, error = (params.get("query") or [""])[0], "", ""
        name = (params.get("name") or [""])[0]
        if name in srv.query_names:
            query = resolve_query(name)
        if self.command == "POST" and query.strip():
            text = self._checked_query({"query": [query]})
            answer = (
                text if isinstance(text, Answer) else srv.pool.run(text, RESULTS_TYPES["json"], GRAPH_TYPES["turtle"])
            )
            if answer.status != 200:
                error = answer.body.decode("utf-8", "replace").strip()
            elif answer.content_type == RESULTS_TYPES["json"]:
                result = serve_page.results_html(answer.body)
            else:
                result = f"<pre>{_escape(answer.body.decode('utf-8', 'replace'))}</pre>"
        elif not query:
            query = "SELECT ?paper ?title WHERE {\n  ?paper a kg:Paper ; dcterms:title ?title .\n}\nLIMIT 20\n"
        body = serve_page.page(srv.public_url + "query", srv.query_names, query, result, error, srv.store_label)
        return Answer(200, "text/html; charset=utf-8", body)


def _escape(text: str) -> str:
    import html

    return html.escape(text)
