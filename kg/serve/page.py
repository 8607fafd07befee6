"""The query page of ``kg serve``: plain HTML, no script, nothing fetched
from elsewhere (works offline).

A form posts the query to the page itself, which shows the answer as a
table; the shipped queries (``queries/*.rq``) are links that fill the form;
the page names the SPARQL endpoint and the predeclared prefixes.
"""

from __future__ import annotations

import html
import json

from kg.rdf import vocab

_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5em auto;max-width:72em;padding:0 1em;color:#222}
textarea{width:100%;font-family:ui-monospace,monospace;font-size:0.9em}
table{border-collapse:collapse;font-size:0.9em}td,th{border:1px solid #ccc;padding:2px 6px;
vertical-align:top;text-align:left}pre{background:#f6f6f6;padding:0.5em;overflow:auto}
.error{color:#a00;white-space:pre-wrap}.muted{color:#666;font-size:0.9em}
nav a{margin-right:0.8em}
"""

#: rows shown on the page (the endpoint itself returns all of them)
PAGE_ROWS = 1000


def _queries_nav(names: list[str]) -> str:
    links = " ".join(f'<a href="/?name={html.escape(n)}">{html.escape(n)}</a>' for n in names)
    return f"<nav>Shipped queries: {links}</nav>"


def _prefix_list() -> str:
    return ", ".join(f"<code>{html.escape(p)}:</code>" for p in sorted(vocab.PREFIXES))


def _cell(term: dict | None) -> str:
    if term is None:
        return ""
    value = html.escape(term.get("value", ""))
    if term.get("type") == "uri":
        return f'<span title="{value}">{html.escape(vocab.compact(term["value"]))}</span>'
    return value


def results_html(answer_json: bytes) -> str:
    """An HTML table of SPARQL JSON results (``SELECT``/``ASK``)."""
    data = json.loads(answer_json)
    if "boolean" in data:
        return f"<p>answer: <b>{str(data['boolean']).lower()}</b></p>"
    cols = data["head"]["vars"]
    rows = data["results"]["bindings"]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = "\n".join("<tr>" + "".join(f"<td>{_cell(r.get(c))}</td>" for c in cols) + "</tr>" for r in rows[:PAGE_ROWS])
    more = (
        (f'<p class="muted">{len(rows) - PAGE_ROWS} more rows not shown; query the endpoint for all of them</p>')
        if len(rows) > PAGE_ROWS
        else ""
    )
    return f'<p class="muted">{len(rows)} row(s)</p><table><tr>{head}</tr>\n{body}</table>{more}'


def page(
    endpoint: str, names: list[str], query: str = "", result_html: str = "", error: str = "", store: str = ""
) -> bytes:
    """The whole page as UTF-8 bytes.

    Args:
        endpoint: the SPARQL endpoint URL shown to the user.
        names: shipped query names, each a link that fills the form.
        query: the text in the form.
        result_html: an answer already rendered (see :func:`results_html`).
        error: an error message shown instead of an answer.
        store: the store folder, for the heading.
    """
    answer = f'<p class="error">{html.escape(error)}</p>' if error else result_html
    doc = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>PaperKG</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_STYLE}</style></head>
<body><h1>PaperKG</h1>
<p>SPARQL over the knowledge graph{(" in <code>" + html.escape(store) + "</code>") if store else ""}.
SPARQL endpoint (SPARQL 1.1 Protocol, GET or POST):
<code>{html.escape(endpoint)}</code>. The default graph is the union of all graphs.</p>
{_queries_nav(names)}
<form method="post" action="/">
<textarea name="query" rows="18" spellcheck="false">{html.escape(query)}</textarea>
<p><button type="submit">Run</button>
<span class="muted">Predeclared prefixes: {_prefix_list()}.</span></p>
</form>
{answer}
</body></html>
"""
    return doc.encode("utf-8")
