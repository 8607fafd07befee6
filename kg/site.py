"""A static, self-contained HTML site of the graph: ``kg report --output DIR``.

Pages (plain HTML5, inline CSS, no script, no CDN: it works offline and from
``file://``)::

    index.html              counts, the who-beats-whom picture, every benchmark
    graph.svg               the picture alone (hand-written SVG, circular layout)
    models.html             every system found in a comparison: wins, losses
    papers.html             every paper
    benchmark/<key>.html    one leaderboard per metric, then every comparison
    model/<key>.html        "beats" / "beaten by" with benchmark, scores, evidence
    paper/<arxiv id>.html   metadata, entities, comparisons and hardware with
                            their evidence sentences (report file and line)

Leaderboards: every system that is the winner or the loser of a
``kg:Comparison`` on the benchmark with a ``kg:winnerScore``/``kg:loserScore``,
its best score per metric, best first (smallest first when the metric has
``kg:lowerIsBetter true``), with the paper and evidence sentence that stated
it.  All text is escaped with :func:`html.escape`.

The data is read with a handful of ``SELECT DISTINCT`` queries (the union
default graph repeats a triple once per report graph holding it) and joined
in Python.
"""
from __future__ import annotations

import html
import math
import re
import shutil
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kg import vocab
from kg.errors import KgError
from kg.store import KnowledgeStore

MARKER = ".paperkg-report"


class ReportError(KgError):
    """The report cannot be written (output folder not ours, I/O error)."""


# --------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------
@dataclass
class Evidence:
    quote: str
    file: str | None = None
    line: int | None = None
    section: str | None = None


@dataclass
class Comparison:
    iri: str
    winner: str
    loser: str
    dataset: str | None
    metric: str | None
    winner_score: Decimal | None
    loser_score: Decimal | None
    unit: str | None
    paper: str | None
    evidence: Evidence | None


@dataclass
class Paper:
    iri: str
    arxiv_id: str | None
    title: str | None
    url: str | None
    files: list[str] = field(default_factory=list)
    date: str | None = None
    fields: list[str] = field(default_factory=list)
    relations: dict[str, list[str]] = field(default_factory=dict)  # kg:proposes… -> entity IRIs
    hardware: list[tuple[str, str | None, Evidence | None]] = field(default_factory=list)


@dataclass
class LeaderRow:
    system: str
    score: Decimal
    unit: str | None
    comparison: Comparison


@dataclass
class Leaderboard:
    metric: str | None
    lower_is_better: bool
    rows: list[LeaderRow]


@dataclass
class Graph:
    """Everything the report shows, as plain Python."""

    labels: dict[str, str]
    types: dict[str, set[str]]
    lower_is_better: set[str]
    comparisons: list[Comparison]
    papers: dict[str, Paper]

    def label(self, iri: str | None) -> str:
        if iri is None:
            return ""
        return self.labels.get(iri) or vocab.compact(iri)


_Q_COMPARISONS = """
SELECT DISTINCT ?c ?winner ?loser ?dataset ?metric ?ws ?ls ?unit ?paper ?ev WHERE {
  ?c a kg:Comparison ; kg:winner ?winner ; kg:loser ?loser .
  OPTIONAL { ?c kg:onDataset ?dataset } OPTIONAL { ?c kg:metric ?metric }
  OPTIONAL { ?c kg:winnerScore ?ws } OPTIONAL { ?c kg:loserScore ?ls }
  OPTIONAL { ?c kg:scoreUnit ?unit } OPTIONAL { ?c prov:hadPrimarySource ?paper }
  OPTIONAL { ?c kg:evidence ?ev }
}"""

_Q_LABELS = """SELECT ?e (MIN(?l) AS ?label) WHERE { ?e rdfs:label ?l } GROUP BY ?e"""

_Q_TYPES = f"""SELECT DISTINCT ?e ?t WHERE {{ ?e a ?t FILTER(STRSTARTS(STR(?e), "{vocab.ID}entity/")) }}"""

_Q_LOWER = """SELECT DISTINCT ?m WHERE { ?m kg:lowerIsBetter true }"""

_Q_EVIDENCE = """
SELECT DISTINCT ?ev ?quote ?file ?line ?section WHERE {
  ?ev a kg:Evidence ; kg:quote ?quote .
  OPTIONAL { ?ev dcterms:source ?r . ?r kg:fileName ?file }
  OPTIONAL { ?ev kg:line ?line } OPTIONAL { ?ev kg:section ?section }
}"""

_Q_PAPERS = """
SELECT ?paper (MIN(?id) AS ?arxiv) (MIN(?t) AS ?title) (MIN(STR(?u)) AS ?url)
       (GROUP_CONCAT(DISTINCT ?file; SEPARATOR="\\t") AS ?files) (MIN(STR(?d)) AS ?date) WHERE {
  ?paper a kg:Paper .
  OPTIONAL { ?paper kg:arxivId ?id } OPTIONAL { ?paper dcterms:title ?t }
  OPTIONAL { ?paper schema:url ?u }
  OPTIONAL { ?paper kg:reportedIn ?r . OPTIONAL { ?r kg:fileName ?file } OPTIONAL { ?r dcterms:date ?d } }
} GROUP BY ?paper"""

_Q_RELATIONS = """
SELECT DISTINCT ?paper ?rel ?e WHERE {
  VALUES ?rel { kg:proposes kg:usesModel kg:usesMethod kg:usesDataset kg:usesHardware }
  ?paper a kg:Paper ; ?rel ?e .
}"""

_Q_FIELDS = """SELECT DISTINCT ?paper ?label WHERE { ?paper a kg:Paper ; dcterms:subject/skos:prefLabel ?label }"""

_Q_HARDWARE = """
SELECT DISTINCT ?paper ?u ?hw ?count ?ev WHERE {
  ?paper kg:hardwareUsage ?u . ?u kg:hardware ?hw .
  OPTIONAL { ?u kg:count ?count } OPTIONAL { ?u kg:evidence ?ev }
}"""


def _rows(store: KnowledgeStore, sparql: str):
    result = store.query(sparql)
    cols = [v.value for v in result.variables]
    for sol in result:
        yield {c: (None if sol[c] is None else sol[c].value) for c in cols}


def _decimal(value: str | None) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def load(store: KnowledgeStore) -> Graph:
    """Read what the report shows from ``store``."""
    labels = {r["e"]: r["label"] for r in _rows(store, _Q_LABELS)}
    types: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, _Q_TYPES):
        types[r["e"]].add(r["t"])
    lower = {r["m"] for r in _rows(store, _Q_LOWER)}
    evidence = {}
    for r in sorted(_rows(store, _Q_EVIDENCE), key=lambda r: tuple(str(v) for v in r.values())):
        evidence.setdefault(r["ev"], Evidence(r["quote"], r["file"],
                                              int(r["line"]) if r["line"] else None, r["section"]))
    comparisons: dict[str, Comparison] = {}
    for r in sorted(_rows(store, _Q_COMPARISONS), key=lambda r: tuple(str(v) for v in r.values())):
        if r["c"] in comparisons:
            continue  # a second value of an optional property: keep the first
        comparisons[r["c"]] = Comparison(
            r["c"], r["winner"], r["loser"], r["dataset"], r["metric"], _decimal(r["ws"]),
            _decimal(r["ls"]), r["unit"], r["paper"], evidence.get(r["ev"]) if r["ev"] else None)
    papers = {}
    for r in _rows(store, _Q_PAPERS):
        files = sorted(f for f in (r["files"] or "").split("\t") if f)
        papers[r["paper"]] = Paper(r["paper"], r["arxiv"], r["title"], r["url"], files, r["date"])
    for r in _rows(store, _Q_RELATIONS):
        if r["paper"] in papers:
            papers[r["paper"]].relations.setdefault(r["rel"], []).append(r["e"])
    for r in _rows(store, _Q_FIELDS):
        if r["paper"] in papers:
            papers[r["paper"]].fields.append(r["label"])
    hw_seen = set()
    for r in sorted(_rows(store, _Q_HARDWARE), key=lambda r: tuple(str(v) for v in r.values())):
        if r["paper"] in papers and r["u"] not in hw_seen:
            hw_seen.add(r["u"])
            papers[r["paper"]].hardware.append(
                (r["hw"], r["count"], evidence.get(r["ev"]) if r["ev"] else None))
    g = Graph(labels, dict(types), lower, list(comparisons.values()), papers)
    for p in papers.values():
        p.fields.sort()
        for rel in p.relations:
            p.relations[rel] = sorted(set(p.relations[rel]), key=lambda e: g.label(e).lower())
        p.hardware.sort(key=lambda h: g.label(h[0]).lower())
    g.comparisons.sort(key=lambda c: (_paper_key(g, c.paper), c.evidence.line if c.evidence and c.evidence.line
                                      else 0, g.label(c.winner), g.label(c.loser), c.iri))
    return g


def _paper_key(g: Graph, paper: str | None) -> str:
    p = g.papers.get(paper) if paper else None
    return (p.arxiv_id or p.iri) if p else ""


# --------------------------------------------------------------------------
# analysis
# --------------------------------------------------------------------------
def leaderboards(g: Graph, dataset: str) -> list[Leaderboard]:
    """Leaderboards of ``dataset``: one per metric (named metrics first, by
    label; comparisons without a metric last), each system once with its
    best score, best first.  Ties of a system's best score go to the most
    recent paper (largest arXiv id)."""
    groups: dict[str | None, dict[str, LeaderRow]] = defaultdict(dict)
    for c in g.comparisons:
        if c.dataset != dataset:
            continue
        lower = c.metric in g.lower_is_better
        for system, score in ((c.winner, c.winner_score), (c.loser, c.loser_score)):
            if score is None:
                continue
            row = LeaderRow(system, score, c.unit, c)
            best = groups[c.metric].get(system)
            if best is None or _better(row, best, lower, g):
                groups[c.metric][system] = row
    out = []
    for metric in sorted(groups, key=lambda m: (m is None, g.label(m).lower())):
        lower = metric in g.lower_is_better
        rows = sorted(groups[metric].values(),
                      key=lambda r: (r.score if lower else -r.score, g.label(r.system).lower()))
        out.append(Leaderboard(metric, lower, rows))
    return out


def _better(a: LeaderRow, b: LeaderRow, lower: bool, g: Graph) -> bool:
    if a.score != b.score:
        return a.score < b.score if lower else a.score > b.score
    return _paper_key(g, a.comparison.paper) > _paper_key(g, b.comparison.paper)


def compared(g: Graph) -> list[tuple[str, int, int, int]]:
    """(entity, comparisons, wins, losses) of every entity in a comparison,
    most comparisons first."""
    wins, losses = Counter(), Counter()
    for c in g.comparisons:
        wins[c.winner] += 1
        losses[c.loser] += 1
    ents = set(wins) | set(losses)
    rows = [(e, wins[e] + losses[e], wins[e], losses[e]) for e in ents]
    return sorted(rows, key=lambda r: (-r[1], -r[2], g.label(r[0]).lower(), r[0]))


def graph_selection(g: Graph, hubs: int = 8, max_nodes: int = 30) -> tuple[list[str], list[str], dict]:
    """Nodes and edges of the who-beats-whom picture.

    The ``hubs`` most compared systems are taken with their opponents, in
    that order, while the picture has at most ``max_nodes`` nodes.  Returns
    (nodes in drawing order, hub nodes, {(winner, loser): [benchmark labels]})."""
    opponents: dict[str, list[str]] = defaultdict(list)
    for c in g.comparisons:
        for a, b in ((c.winner, c.loser), (c.loser, c.winner)):
            if b not in opponents[a] and a != b:
                opponents[a].append(b)
    nodes: list[str] = []
    chosen_hubs: list[str] = []
    for e, *_ in compared(g):
        if len(chosen_hubs) >= hubs:
            break
        new = [x for x in [e, *sorted(opponents[e], key=lambda x: g.label(x).lower())] if x not in nodes]
        if len(nodes) + len(new) > max_nodes:
            continue  # its opponents do not fit: a lonely hub says nothing
        nodes.extend(new)
        chosen_hubs.append(e)
    members = set(nodes)
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c in g.comparisons:
        if c.winner in members and c.loser in members and c.winner != c.loser:
            bench = g.label(c.dataset) if c.dataset else "(no benchmark)"
            if bench not in edges[(c.winner, c.loser)]:
                edges[(c.winner, c.loser)].append(bench)
    return nodes, chosen_hubs, dict(edges)


# --------------------------------------------------------------------------
# file names and HTML helpers
# --------------------------------------------------------------------------
def _esc(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


class _Namer:
    """Stable, unique, file-system-safe page names per folder."""

    def __init__(self):
        self._names: dict[str, str] = {}
        self._used: set[str] = set()

    def __call__(self, iri: str, hint: str | None = None) -> str:
        if iri in self._names:
            return self._names[iri]
        base = hint or re.split(r"[/#]", iri.rstrip("/"))[-1]
        base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._-")[:80] or "item"
        name = base
        if name.lower() in self._used:
            import hashlib
            name = f"{base}-{hashlib.sha1(iri.encode()).hexdigest()[:8]}"
        self._used.add(name.lower())
        self._names[iri] = name
        return name


_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Microsoft YaHei",sans-serif;
margin:0;color:#1d232a;background:#fafbfc}
nav{background:#24344d;padding:.6em 1.2em}nav a{color:#fff;margin-right:1.4em;text-decoration:none;font-weight:600}
main{max-width:1180px;margin:0 auto;padding:1em 1.2em 3em}
h1{font-size:1.6em;margin:.6em 0 .3em}h2{font-size:1.25em;margin:1.6em 0 .4em;border-bottom:1px solid #dde3ea}
h3{font-size:1.05em;margin:1.2em 0 .3em}
table{border-collapse:collapse;width:100%;margin:.4em 0 1em;background:#fff}
th,td{border:1px solid #dde3ea;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#eef2f6;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
a{color:#1a5fb4}.muted{color:#66707a;font-size:.88em}.quote{font-size:.92em}
.cards{display:flex;flex-wrap:wrap;gap:.8em;margin:.8em 0}
.card{background:#fff;border:1px solid #dde3ea;border-radius:6px;padding:.5em 1em;min-width:7em}
.card b{display:block;font-size:1.5em}figure{margin:1em 0}svg{max-width:100%;height:auto;background:#fff;
border:1px solid #dde3ea;border-radius:6px}ul.cols{columns:3 16em}
"""


def _page(title: str, body: str, root: str = "") -> str:
    """A complete HTML page; ``root`` is the relative path to the site root."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{_esc(title)} · PaperKG</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<nav><a href=\"{root}index.html\">PaperKG</a><a href=\"{root}index.html#benchmarks\">Benchmarks</a>"
        f"<a href=\"{root}models.html\">Models</a><a href=\"{root}papers.html\">Papers</a></nav>\n"
        f"<main>\n<h1>{_esc(title)}</h1>\n{body}\n</main>\n</body>\n</html>\n")


def _table(headers: list[str], rows: list[list[str]], cls: list[str] | None = None) -> str:
    """A table; cells in ``rows`` are already HTML (escaped by the caller)."""
    cls = cls or [""] * len(headers)
    head = "".join(f"<th>{_esc(h)}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(f"<td class=\"{c}\">{v}</td>" if c else f"<td>{v}</td>"
                                      for v, c in zip(r, cls)) + "</tr>" for r in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _score(value: Decimal | None) -> str:
    return "" if value is None else _esc(format(value, "f"))


def _unit(unit: str | None) -> str:
    if unit is None or unit == vocab.UNIT_NUM:  # a plain number
        return ""
    return "%" if unit == vocab.UNIT_PERCENT else _esc(vocab.compact(unit).split(":")[-1])


# --------------------------------------------------------------------------
# the site
# --------------------------------------------------------------------------
@dataclass
class ReportSummary:
    output: Path
    pages: int
    benchmarks: int
    models: int
    papers: int
    seconds: float


class _Site:
    def __init__(self, g: Graph, hubs: int, max_nodes: int):
        self.g = g
        self.hubs = hubs
        self.max_nodes = max_nodes
        self.bench_names = _Namer()
        self.model_names = _Namer()
        self.paper_names = _Namer()
        self.datasets = sorted({c.dataset for c in g.comparisons if c.dataset},
                               key=lambda d: (g.label(d).lower(), d))
        self.models = compared(g)
        self.model_set = {m[0] for m in self.models}
        for d in self.datasets:
            self.bench_names(d)
        for m in sorted(self.model_set):
            self.model_names(m)
        for p in sorted(g.papers.values(), key=lambda p: (p.arxiv_id or "", p.iri)):
            self.paper_names(p.iri, p.arxiv_id)
        self.pages: dict[str, str] = {}

    # -- links -------------------------------------------------------------------
    def model_link(self, iri: str | None, root: str) -> str:
        if iri is None:
            return ""
        label = _esc(self.g.label(iri))
        if iri in self.model_set:
            return f"<a href=\"{root}model/{self.model_names(iri)}.html\">{label}</a>"
        if iri in self.bench_names._names:
            return self.bench_link(iri, root)
        return label

    def bench_link(self, iri: str | None, root: str) -> str:
        if iri is None:
            return ""
        label = _esc(self.g.label(iri))
        if iri in self.bench_names._names:
            return f"<a href=\"{root}benchmark/{self.bench_names(iri)}.html\">{label}</a>"
        return label

    def entity_link(self, iri: str, root: str) -> str:
        if iri in self.model_set:
            return self.model_link(iri, root)
        return self.bench_link(iri, root)

    def paper_link(self, iri: str | None, root: str, title: bool = False) -> str:
        p = self.g.papers.get(iri) if iri else None
        if p is None:
            return _esc(vocab.compact(iri)) if iri else ""
        text = _esc(p.arxiv_id or vocab.compact(p.iri))
        tip = f" title=\"{_esc(p.title)}\"" if p.title else ""
        link = f"<a href=\"{root}paper/{self.paper_names(p.iri)}.html\"{tip}>{text}</a>"
        if title and p.title:
            link += f" <span class=\"muted\">{_esc(p.title)}</span>"
        return link

    @staticmethod
    def evidence(ev: Evidence | None) -> str:
        if ev is None:
            return ""
        where = ""
        if ev.file:
            where = f"<br><span class=\"muted\">{_esc(ev.file)}{':' + str(ev.line) if ev.line else ''}</span>"
        return f"<span class=\"quote\">{_esc(ev.quote)}</span>{where}"

    # -- pages --------------------------------------------------------------------
    def build(self) -> dict[str, str]:
        svg = self.svg()
        self.pages["graph.svg"] = svg
        self.pages["index.html"] = self.index(svg)
        self.pages["models.html"] = self.models_page()
        self.pages["papers.html"] = self.papers_page()
        for d in self.datasets:
            self.pages[f"benchmark/{self.bench_names(d)}.html"] = self.benchmark_page(d)
        for m, *_ in self.models:
            self.pages[f"model/{self.model_names(m)}.html"] = self.model_page(m)
        for p in self.g.papers.values():
            self.pages[f"paper/{self.paper_names(p.iri)}.html"] = self.paper_page(p)
        return self.pages

    def index(self, svg: str) -> str:
        g = self.g
        n_scored = sum(1 for c in g.comparisons if c.winner_score is not None or c.loser_score is not None)
        files = sorted({f for p in g.papers.values() for f in p.files})
        cards = "".join(f"<div class=\"card\"><b>{n}</b>{_esc(label)}</div>" for n, label in (
            (len(files), "reports"), (len(g.papers), "papers"), (len(g.comparisons), "comparisons"),
            (n_scored, "with scores"), (len(self.datasets), "benchmarks"), (len(self.models), "compared systems")))
        rows = []
        for d in self.datasets:
            cs = [c for c in g.comparisons if c.dataset == d]
            boards = leaderboards(g, d)
            top = ""
            if boards and boards[0].rows:
                r = boards[0].rows[0]
                top = f"{self.model_link(r.system, '')} <span class=\"muted\">{_score(r.score)}{_unit(r.unit)}</span>"
            rows.append([self.bench_link(d, ""), str(len(cs)),
                         str(sum(len(b.rows) for b in boards)), top])
        bench_table = _table(["benchmark", "comparisons", "scored entries", "best (first metric)"], rows,
                             ["", "num", "num", ""])
        top_models = _table(["system", "comparisons", "wins", "losses"],
                            [[self.model_link(e, ""), str(n), str(w), str(lo)] for e, n, w, lo in self.models[:15]],
                            ["", "num", "num", "num"])
        body = (
            f"<p>A knowledge graph of {len(g.papers)} papers read from {len(files)} daily digest report(s): "
            "who beats whom, on which benchmark, with which scores, and the sentence that says so.</p>\n"
            f"<div class=\"cards\">{cards}</div>\n"
            "<h2 id=\"graph\">Who beats whom</h2>\n"
            "<p class=\"muted\">The most compared systems and their opponents; an arrow points from the "
            "winner to the loser. Click a node for its page. (<a href=\"graph.svg\">graph.svg</a>)</p>\n"
            f"<figure>{svg.split('?>', 1)[-1].strip()}</figure>\n"
            f"<h2 id=\"benchmarks\">Benchmarks ({len(self.datasets)})</h2>\n{bench_table}\n"
            f"<h2>Most compared systems</h2>\n{top_models}\n"
            "<p><a href=\"models.html\">All compared systems</a> · <a href=\"papers.html\">All papers</a></p>")
        return _page("PaperKG report", body)

    def models_page(self) -> str:
        rows = [[self.model_link(e, ""), _esc(", ".join(sorted(vocab.compact(t) for t in self.g.types.get(e, ())))),
                 str(n), str(w), str(lo)] for e, n, w, lo in self.models]
        return _page(f"Compared systems ({len(rows)})",
                     _table(["system", "class", "comparisons", "wins", "losses"], rows,
                            ["", "", "num", "num", "num"]))

    def papers_page(self) -> str:
        ps = sorted(self.g.papers.values(), key=lambda p: (p.arxiv_id or "", p.iri))
        rows = []
        for p in ps:
            n = sum(1 for c in self.g.comparisons if c.paper == p.iri)
            rows.append([self.paper_link(p.iri, ""), _esc(p.title), _esc(", ".join(p.files)), str(n)])
        return _page(f"Papers ({len(ps)})", _table(["arXiv", "title", "report", "comparisons"], rows,
                                                    ["", "", "", "num"]))

    def benchmark_page(self, d: str) -> str:
        g, root = self.g, "../"
        parts = []
        boards = leaderboards(g, d)
        if not boards:
            parts.append("<p>No comparison on this benchmark states a score.</p>")
        for b in boards:
            direction = "lower is better" if b.lower_is_better else "higher is better"
            name = _esc(g.label(b.metric)) if b.metric else "no metric stated"
            rows = [[str(i), self.model_link(r.system, root), self.bench_link(b.metric, root) if b.metric else "",
                     _score(r.score), _unit(r.unit), self.paper_link(r.comparison.paper, root),
                     self.evidence(r.comparison.evidence)]
                    for i, r in enumerate(b.rows, 1)]
            parts.append(f"<h2>Leaderboard: {name} <span class=\"muted\">({direction})</span></h2>\n"
                         + _table(["#", "system", "metric", "score", "unit", "paper", "evidence"], rows,
                                  ["num", "", "", "num", "", "", ""]))
        cs = [c for c in g.comparisons if c.dataset == d]
        rows = [[self.model_link(c.winner, root), self.model_link(c.loser, root),
                 _esc(g.label(c.metric)) if c.metric else "", _score(c.winner_score), _score(c.loser_score),
                 self.paper_link(c.paper, root), self.evidence(c.evidence)] for c in cs]
        parts.append(f"<h2>All comparisons ({len(cs)})</h2>\n"
                     + _table(["winner", "loser", "metric", "winner score", "loser score", "paper", "evidence"],
                              rows, ["", "", "", "num", "num", "", ""]))
        return _page(g.label(d), "\n".join(parts), root)

    def model_page(self, m: str) -> str:
        g, root = self.g, "../"
        beats = [c for c in g.comparisons if c.winner == m]
        beaten = [c for c in g.comparisons if c.loser == m]
        head = ["benchmark", "metric", "own score", "their score", "paper", "evidence"]
        cls = ["", "", "", "num", "num", "", ""]
        parts = []
        types = ", ".join(sorted(vocab.compact(t) for t in g.types.get(m, ())))
        parts.append(f"<p class=\"muted\">{_esc(types)} · <code>{_esc(vocab.compact(m))}</code> · "
                     f"{len(beats)} win(s), {len(beaten)} loss(es)</p>")
        for title, cs, other, mine, theirs in (
                ("Beats", beats, lambda c: c.loser, lambda c: c.winner_score, lambda c: c.loser_score),
                ("Beaten by", beaten, lambda c: c.winner, lambda c: c.loser_score, lambda c: c.winner_score)):
            rows = [[self.model_link(other(c), root), self.bench_link(c.dataset, root),
                     _esc(g.label(c.metric)) if c.metric else "", _score(mine(c)), _score(theirs(c)),
                     self.paper_link(c.paper, root), self.evidence(c.evidence)] for c in cs]
            who = "loser" if title == "Beats" else "winner"
            parts.append(f"<h2 id=\"{'beats' if title == 'Beats' else 'beaten-by'}\">{title} ({len(cs)})</h2>\n"
                         + (_table([who, *head], rows, cls) if rows else "<p>None stated.</p>"))
        proposed = sorted(p.iri for p in g.papers.values() if m in p.relations.get(vocab.PROPOSES, ()))
        used = sorted(p.iri for p in g.papers.values()
                      if any(m in v for k, v in p.relations.items() if k != vocab.PROPOSES))
        for title, ps in (("Proposed in", proposed), ("Used in", used)):
            if ps:
                parts.append(f"<h2>{title}</h2>\n<ul>"
                             + "".join(f"<li>{self.paper_link(p, root, title=True)}</li>" for p in ps) + "</ul>")
        return _page(g.label(m), "\n".join(parts), root)

    def paper_page(self, p: Paper) -> str:
        g, root = self.g, "../"
        meta = []
        if p.arxiv_id:
            meta.append(["arXiv", _esc(p.arxiv_id)])
        if p.url:
            meta.append(["URL", f"<a href=\"{_esc(p.url)}\">{_esc(p.url)}</a>"])
        if p.files:
            meta.append(["report", _esc(", ".join(p.files)) + (f" ({_esc(p.date)})" if p.date else "")])
        if p.fields:
            meta.append(["fields", _esc(", ".join(p.fields))])
        parts = [_table(["", ""], meta)] if meta else []
        rel_names = [(vocab.PROPOSES, "proposes"), (vocab.USES_MODEL, "uses models"),
                     (vocab.USES_METHOD, "uses methods"), (vocab.USES_DATASET, "uses datasets"),
                     (vocab.USES_HARDWARE, "uses hardware")]
        ents = [[_esc(name), ", ".join(self.entity_link(e, root) for e in p.relations[rel])]
                for rel, name in rel_names if p.relations.get(rel)]
        if ents:
            parts.append("<h2>Entities</h2>\n" + _table(["relation", "entities"], ents))
        cs = [c for c in g.comparisons if c.paper == p.iri]
        rows = [[self.model_link(c.winner, root), self.model_link(c.loser, root), self.bench_link(c.dataset, root),
                 _esc(g.label(c.metric)) if c.metric else "", _score(c.winner_score), _score(c.loser_score),
                 self.evidence(c.evidence)] for c in cs]
        parts.append(f"<h2 id=\"comparisons\">Comparisons ({len(cs)})</h2>\n" + (_table(
            ["winner", "loser", "benchmark", "metric", "winner score", "loser score", "evidence"], rows,
            ["", "", "", "", "num", "num", ""]) if rows else "<p>None found.</p>"))
        if p.hardware:
            rows = [[_esc(g.label(h)), _esc(n or ""), self.evidence(ev)] for h, n, ev in p.hardware]
            parts.append("<h2 id=\"hardware\">Hardware</h2>\n"
                         + _table(["hardware", "count", "evidence"], rows, ["", "num", ""]))
        return _page(p.title or p.arxiv_id or vocab.compact(p.iri), "\n".join(parts), root)

    # -- picture -----------------------------------------------------------------
    def svg(self, size: int = 900) -> str:
        """Who beats whom as SVG: nodes on a circle, arrows winner → loser."""
        g = self.g
        nodes, hubs, edges = graph_selection(g, self.hubs, self.max_nodes)
        counts = {e: n for e, n, _, _ in self.models}
        cx = cy = size / 2
        radius = size / 2 - 175
        pos = {}
        for i, e in enumerate(nodes):
            a = 2 * math.pi * i / max(1, len(nodes)) - math.pi / 2
            pos[e] = (cx + radius * math.cos(a), cy + radius * math.sin(a), a)
        hub_set = set(hubs)

        def r_of(e):
            return 5 + 2.2 * math.sqrt(counts.get(e, 1))

        out = [f"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               f"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" "
               f"width=\"{size}\" height=\"{size}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">",
               "<title>Who beats whom</title>",
               "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
               "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#7a8794\"/>"
               "</marker></defs>",
               "<g class=\"edges\" stroke=\"#9aa6b2\" stroke-width=\"1.2\" fill=\"none\">"]
        for (w, lo), benches in sorted(edges.items()):
            x1, y1, _ = pos[w]
            x2, y2, _ = pos[lo]
            dx, dy = x2 - x1, y2 - y1
            dist = math.hypot(dx, dy) or 1
            sx, sy = x1 + dx / dist * r_of(w), y1 + dy / dist * r_of(w)
            ex, ey = x2 - dx / dist * (r_of(lo) + 2), y2 - dy / dist * (r_of(lo) + 2)
            # bend the line a little toward the centre so that opposite arrows differ
            mx, my = (sx + ex) / 2, (sy + ey) / 2
            qx, qy = mx + (cx - mx) * 0.15, my + (cy - my) * 0.15
            tip = f"{g.label(w)} beats {g.label(lo)} on {', '.join(benches)}"
            out.append(f"<path class=\"edge\" d=\"M{sx:.1f},{sy:.1f} Q{qx:.1f},{qy:.1f} {ex:.1f},{ey:.1f}\" "
                       f"marker-end=\"url(#arrow)\"><title>{_esc(tip)}</title></path>")
        out.append("</g>\n<g class=\"nodes\">")
        for e in nodes:
            x, y, a = pos[e]
            hub = e in hub_set
            fill = "#1a5fb4" if hub else "#8fb3de"
            lx, ly = x + (r_of(e) + 6) * math.cos(a), y + (r_of(e) + 6) * math.sin(a)
            anchor = "start" if math.cos(a) > 0.2 else "end" if math.cos(a) < -0.2 else "middle"
            if anchor == "middle":
                ly += 12 if math.sin(a) > 0 else -4
            label = g.label(e)
            label = label if len(label) <= 28 else label[:27] + "…"
            weight = " font-weight=\"bold\"" if hub else ""
            out.append(f"<a href=\"model/{self.model_names(e)}.html\"><g class=\"node\">"
                       f"<title>{_esc(g.label(e))}: {counts.get(e, 0)} comparison(s)</title>"
                       f"<circle cx=\"{x:.1f}\" cy=\"{y:.1f}\" r=\"{r_of(e):.1f}\" fill=\"{fill}\" "
                       f"stroke=\"#fff\" stroke-width=\"1.5\"/>"
                       f"<text x=\"{lx:.1f}\" y=\"{ly + 4:.1f}\" text-anchor=\"{anchor}\"{weight} "
                       f"fill=\"#1d232a\">{_esc(label)}</text></g></a>")
        out.append("</g>\n</svg>\n")
        return "\n".join(out)


def write_report(store: KnowledgeStore, output: str | Path, *, hubs: int = 8,
                 max_nodes: int = 30) -> ReportSummary:
    """Write the site into folder ``output`` (created if missing).

    A folder that already holds files must be an earlier report (it has the
    ``.paperkg-report`` marker); its pages are replaced.  Raises ReportError
    otherwise, or when writing fails.
    """
    start = time.perf_counter()
    out = Path(output)
    if out.exists() and not out.is_dir():
        raise ReportError(f"{out}: is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ReportError(f"{out}: folder is not empty and holds no PaperKG report; choose another --output")
    g = load(store)
    site = _Site(g, hubs, max_nodes)
    pages = site.build()
    try:
        out.mkdir(parents=True, exist_ok=True)
        for sub in ("benchmark", "model", "paper"):
            shutil.rmtree(out / sub, ignore_errors=True)
        (out / MARKER).write_text("written by 'kg report'; the folder is replaced on the next run\n",
                                  encoding="utf-8")
        for name, text in pages.items():
            path = out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise ReportError(f"{out}: cannot write the report: {e}") from None
    return ReportSummary(out, sum(1 for n in pages if n.endswith(".html")), len(site.datasets),
                         len(site.models), len(g.papers), time.perf_counter() - start)


def markdown_leaderboard(store: KnowledgeStore, dataset_iri: str, limit: int = 10) -> str:
    """The leaderboards of a benchmark as one Markdown table, ``limit`` rows
    per metric (for notes and the README)."""
    g = load(store)

    def cell(text: str) -> str:
        return text.replace("|", "\\|")
    lines = ["| # | system | metric | score | paper |", "|---|---|---|---|---|"]
    for b in leaderboards(g, dataset_iri):
        metric = cell(g.label(b.metric)) if b.metric else ""
        if metric and b.lower_is_better:
            metric += " (lower is better)"
        for i, r in enumerate(b.rows[:limit], 1):
            p = g.papers.get(r.comparison.paper)
            lines.append(f"| {i} | {cell(g.label(r.system))} | {metric} | "
                         f"{format(r.score, 'f')}{_unit(r.unit)} | {p.arxiv_id if p else ''} |")
    return "\n".join(lines)
