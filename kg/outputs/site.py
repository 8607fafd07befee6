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
it.  A metric without a known direction is marked "direction unknown" and
ordered as its comparisons imply (:func:`kg.outputs.site_data.leaderboards`).  All
text is escaped and stripped of control characters, and only ``http``/
``https`` URLs become links (:mod:`kg.outputs.site_html`).

The data is read by :mod:`kg.outputs.site_data`; pages are written one at a time,
only inside the output folder (a symlink there is replaced, never followed).
"""

from __future__ import annotations

import math
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from kg.outputs import site_html as h
from kg.rdf import vocab
from kg.errors import KgError
from kg.outputs.site_data import (
    HIGHER,
    LOWER,
    UNKNOWN,
    Evidence,
    Graph,
    Leaderboard,
    Paper,
    compared,
    graph_selection,
    leaderboards,
    load,
)
from kg.rdf.store import KnowledgeStore

MARKER = ".paperkg-report"
#: the sub-folders the site writes (replaced on each run)
SUBFOLDERS = ("benchmark", "model", "paper")


class ReportError(KgError):
    """The site cannot be written (output folder not ours, I/O error)."""


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
        self.bench_names = h.Namer()
        self.model_names = h.Namer()
        self.paper_names = h.Namer()
        self.datasets = sorted({c.dataset for c in g.comparisons if c.dataset}, key=lambda d: (g.label(d).lower(), d))
        self.models = compared(g)
        self.model_set = {m[0] for m in self.models}
        for d in self.datasets:
            self.bench_names(d)
        for m in sorted(self.model_set):
            self.model_names(m)
        for p in sorted(g.papers.values(), key=lambda p: (p.arxiv_id or "", p.iri)):
            self.paper_names(p.iri, p.arxiv_id)
        self._boards: dict[str, list[Leaderboard]] = {}

    def boards(self, dataset: str) -> list[Leaderboard]:
        if dataset not in self._boards:
            self._boards[dataset] = leaderboards(self.g, dataset)
        return self._boards[dataset]

    # -- links -------------------------------------------------------------------
    def model_link(self, iri: str | None, root: str) -> str:
        if iri is None:
            return ""
        label = h.esc(self.g.label(iri))
        if iri in self.model_set:
            return f'<a href="{root}model/{self.model_names(iri)}.html">{label}</a>'
        if iri in self.bench_names._names:
            return self.bench_link(iri, root)
        return label

    def bench_link(self, iri: str | None, root: str) -> str:
        if iri is None:
            return ""
        label = h.esc(self.g.label(iri))
        if iri in self.bench_names._names:
            return f'<a href="{root}benchmark/{self.bench_names(iri)}.html">{label}</a>'
        return label

    def entity_link(self, iri: str, root: str) -> str:
        if iri in self.model_set:
            return self.model_link(iri, root)
        return self.bench_link(iri, root)

    def paper_link(self, iri: str | None, root: str, title: bool = False) -> str:
        p = self.g.papers.get(iri) if iri else None
        if p is None:
            return h.esc(vocab.compact(iri)) if iri else ""
        text = h.esc(p.arxiv_id or vocab.compact(p.iri))
        tip = f' title="{h.esc(p.title)}"' if p.title else ""
        link = f'<a href="{root}paper/{self.paper_names(p.iri)}.html"{tip}>{text}</a>'
        if title and p.title:
            link += f' <span class="muted">{h.esc(p.title)}</span>'
        return link

    @staticmethod
    def evidence(ev: Evidence | None) -> str:
        if ev is None:
            return ""
        where = ""
        if ev.file:
            where = f'<br><span class="muted">{h.esc(ev.file)}{":" + str(ev.line) if ev.line else ""}</span>'
        return f'<span class="quote">{h.esc(ev.quote)}</span>{where}'

    # -- pages --------------------------------------------------------------------
    def count(self) -> int:
        """How many files :meth:`pages` yields."""
        return 4 + len(self.datasets) + len(self.models) + len(self.g.papers)

    def pages(self):
        """Yield (relative file name, text) of every page, one at a time."""
        svg = self.svg()
        yield "graph.svg", svg
        yield "index.html", self.index(svg)
        yield "models.html", self.models_page()
        yield "papers.html", self.papers_page()
        for d in self.datasets:
            yield f"benchmark/{self.bench_names(d)}.html", self.benchmark_page(d)
            self._boards.pop(d, None)
        for m, *_ in self.models:
            yield f"model/{self.model_names(m)}.html", self.model_page(m)
        for p in self.g.papers.values():
            yield f"paper/{self.paper_names(p.iri)}.html", self.paper_page(p)

    def index(self, svg: str) -> str:
        g = self.g
        n_scored = sum(1 for c in g.comparisons if c.winner_score is not None or c.loser_score is not None)
        files = sorted({f for p in g.papers.values() for f in p.files})
        cards = "".join(
            f'<div class="card"><b>{n}</b>{h.esc(label)}</div>'
            for n, label in (
                (len(files), "reports"),
                (len(g.papers), "papers"),
                (len(g.comparisons), "comparisons"),
                (n_scored, "with scores"),
                (len(self.datasets), "benchmarks"),
                (len(self.models), "compared systems"),
            )
        )
        rows = []
        for d in self.datasets:
            cs = g.by_dataset.get(d, [])
            boards = self.boards(d)
            top = ""
            if boards and boards[0].rows:
                r = boards[0].rows[0]
                top = f'{self.model_link(r.system, "")} <span class="muted">{h.score(r.score)}{h.unit(r.unit)}</span>'
            rows.append([self.bench_link(d, ""), str(len(cs)), str(sum(len(b.rows) for b in boards)), top])
        bench_table = h.table(
            ["benchmark", "comparisons", "scored entries", "best (first metric)"], rows, ["", "num", "num", ""]
        )
        top_models = h.table(
            ["system", "comparisons", "wins", "losses"],
            [[self.model_link(e, ""), str(n), str(w), str(lo)] for e, n, w, lo in self.models[:15]],
            ["", "num", "num", "num"],
        )
        body = (
            f"<p>A knowledge graph of {len(g.papers)} papers read from {len(files)} daily digest report(s): "
            "who beats whom, on which benchmark, with which scores, and the sentence that says so.</p>\n"
            f'<div class="cards">{cards}</div>\n'
            '<h2 id="graph">Who beats whom</h2>\n'
            '<p class="muted">The most compared systems and their opponents; an arrow points from the '
            'winner to the loser. Click a node for its page. (<a href="graph.svg">graph.svg</a>)</p>\n'
            f"<figure>{svg.split('?>', 1)[-1].strip()}</figure>\n"
            f'<h2 id="benchmarks">Benchmarks ({len(self.datasets)})</h2>\n{bench_table}\n'
            f"<h2>Most compared systems</h2>\n{top_models}\n"
            '<p><a href="models.html">All compared systems</a> · <a href="papers.html">All papers</a></p>'
        )
        return h.page("PaperKG report", body)

    def models_page(self) -> str:
        rows = [
            [
                self.model_link(e, ""),
                h.esc(", ".join(sorted(vocab.compact(t) for t in self.g.types.get(e, ())))),
                str(n),
                str(w),
                str(lo),
            ]
            for e, n, w, lo in self.models
        ]
        return h.page(
            f"Compared systems ({len(rows)})",
            h.table(["system", "class", "comparisons", "wins", "losses"], rows, ["", "", "num", "num", "num"]),
        )

    def papers_page(self) -> str:
        ps = sorted(self.g.papers.values(), key=lambda p: (p.arxiv_id or "", p.iri))
        rows = []
        for p in ps:
            n = len(self.g.by_paper.get(p.iri, ()))
            rows.append([self.paper_link(p.iri, ""), h.esc(p.title), h.esc(", ".join(p.files)), str(n)])
        return h.page(
            f"Papers ({len(ps)})", h.table(["arXiv", "title", "report", "comparisons"], rows, ["", "", "", "num"])
        )

    def benchmark_page(self, d: str) -> str:
        g, root = self.g, "../"
        parts = []
        boards = self.boards(d)
        if not boards:
            parts.append("<p>No comparison on this benchmark states a score.</p>")
        for b in boards:
            direction = direction_note(b)
            name = h.esc(g.label(b.metric)) if b.metric else "no metric stated"
            rows = [
                [
                    str(i),
                    self.model_link(r.system, root),
                    self.bench_link(b.metric, root) if b.metric else "",
                    h.score(r.score),
                    h.unit(r.unit),
                    self.paper_link(r.comparison.paper, root),
                    self.evidence(r.comparison.evidence),
                ]
                for i, r in enumerate(b.rows, 1)
            ]
            parts.append(
                f'<h2>Leaderboard: {name} <span class="muted">({direction})</span></h2>\n'
                + h.table(
                    ["#", "system", "metric", "score", "unit", "paper", "evidence"],
                    rows,
                    ["num", "", "", "num", "", "", ""],
                )
            )
        cs = g.by_dataset.get(d, [])
        rows = [
            [
                self.model_link(c.winner, root),
                self.model_link(c.loser, root),
                h.esc(g.label(c.metric)) if c.metric else "",
                h.score(c.winner_score),
                h.score(c.loser_score),
                self.paper_link(c.paper, root),
                self.evidence(c.evidence),
            ]
            for c in cs
        ]
        parts.append(
            f"<h2>All comparisons ({len(cs)})</h2>\n"
            + h.table(
                ["winner", "loser", "metric", "winner score", "loser score", "paper", "evidence"],
                rows,
                ["", "", "", "num", "num", "", ""],
            )
        )
        return h.page(g.label(d), "\n".join(parts), root)

    def model_page(self, m: str) -> str:
        g, root = self.g, "../"
        beats = g.by_winner.get(m, [])
        beaten = g.by_loser.get(m, [])
        head = ["benchmark", "metric", "own score", "their score", "paper", "evidence"]
        cls = ["", "", "", "num", "num", "", ""]
        parts = []
        types = ", ".join(sorted(vocab.compact(t) for t in g.types.get(m, ())))
        parts.append(
            f'<p class="muted">{h.esc(types)} · <code>{h.esc(vocab.compact(m))}</code> · '
            f"{len(beats)} win(s), {len(beaten)} loss(es)</p>"
        )
        for title, cs, other, mine, theirs in (
            ("Beats", beats, lambda c: c.loser, lambda c: c.winner_score, lambda c: c.loser_score),
            ("Beaten by", beaten, lambda c: c.winner, lambda c: c.loser_score, lambda c: c.winner_score),
        ):
            rows = [
                [
                    self.model_link(other(c), root),
                    self.bench_link(c.dataset, root),
                    h.esc(g.label(c.metric)) if c.metric else "",
                    h.score(mine(c)),
                    h.score(theirs(c)),
                    self.paper_link(c.paper, root),
                    self.evidence(c.evidence),
                ]
                for c in cs
            ]
            who = "loser" if title == "Beats" else "winner"
            parts.append(
                f'<h2 id="{"beats" if title == "Beats" else "beaten-by"}">{title} ({len(cs)})</h2>\n'
                + (h.table([who, *head], rows, cls) if rows else "<p>None stated.</p>")
            )
        proposed, used = g.proposed_in.get(m, []), g.used_in.get(m, [])
        for title, ps in (("Proposed in", proposed), ("Used in", used)):
            if ps:
                parts.append(
                    f"<h2>{title}</h2>\n<ul>"
                    + "".join(f"<li>{self.paper_link(p, root, title=True)}</li>" for p in ps)
                    + "</ul>"
                )
        return h.page(g.label(m), "\n".join(parts), root)

    def paper_page(self, p: Paper) -> str:
        g, root = self.g, "../"
        meta = []
        if p.arxiv_id:
            meta.append(["arXiv", h.esc(p.arxiv_id)])
        if p.url:
            meta.append(["URL", h.link(p.url)])
        if p.files:
            meta.append(["report", h.esc(", ".join(p.files)) + (f" ({h.esc(p.date)})" if p.date else "")])
        if p.fields:
            meta.append(["fields", h.esc(", ".join(p.fields))])
        parts = [h.table(["", ""], meta)] if meta else []
        rel_names = [
            (vocab.PROPOSES, "proposes"),
            (vocab.USES_MODEL, "uses models"),
            (vocab.USES_METHOD, "uses methods"),
            (vocab.USES_DATASET, "uses datasets"),
            (vocab.USES_HARDWARE, "uses hardware"),
        ]
        ents = [
            [h.esc(name), ", ".join(self.entity_link(e, root) for e in p.relations[rel])]
            for rel, name in rel_names
            if p.relations.get(rel)
        ]
        if ents:
            parts.append("<h2>Entities</h2>\n" + h.table(["relation", "entities"], ents))
        cs = g.by_paper.get(p.iri, [])
        rows = [
            [
                self.model_link(c.winner, root),
                self.model_link(c.loser, root),
                self.bench_link(c.dataset, root),
                h.esc(g.label(c.metric)) if c.metric else "",
                h.score(c.winner_score),
                h.score(c.loser_score),
                self.evidence(c.evidence),
            ]
            for c in cs
        ]
        parts.append(
            f'<h2 id="comparisons">Comparisons ({len(cs)})</h2>\n'
            + (
                h.table(
                    ["winner", "loser", "benchmark", "metric", "winner score", "loser score", "evidence"],
                    rows,
                    ["", "", "", "", "num", "num", ""],
                )
                if rows
                else "<p>None found.</p>"
            )
        )
        if p.hardware:
            rows = [[h.esc(g.label(hw)), h.esc(n or ""), self.evidence(ev)] for hw, n, ev in p.hardware]
            parts.append(
                '<h2 id="hardware">Hardware</h2>\n' + h.table(["hardware", "count", "evidence"], rows, ["", "num", ""])
            )
        return h.page(p.title or p.arxiv_id or vocab.compact(p.iri), "\n".join(parts), root)

    # -- picture -----------------------------------------------------------------
    def svg(self, size: int = 900) -> str:
        """Who beats whom as SVG: nodes on a circle, arrows winner → loser."""
        g = self.g
        nodes, hubs, edges = graph_selection(g, self.hubs, self.max_nodes, self.models)
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

        out = [
            f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
            f'width="{size}" height="{size}" font-family="system-ui, sans-serif" font-size="12">',
            "<title>Who beats whom</title>",
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
            'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#7a8794"/>'
            "</marker></defs>",
            '<g class="edges" stroke="#9aa6b2" stroke-width="1.2" fill="none">',
        ]
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
            out.append(
                f'<path class="edge" d="M{sx:.1f},{sy:.1f} Q{qx:.1f},{qy:.1f} {ex:.1f},{ey:.1f}" '
                f'marker-end="url(#arrow)"><title>{h.esc(tip)}</title></path>'
            )
        out.append('</g>\n<g class="nodes">')
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
            weight = ' font-weight="bold"' if hub else ""
            out.append(
                f'<a href="model/{self.model_names(e)}.html"><g class="node">'
                f"<title>{h.esc(g.label(e))}: {counts.get(e, 0)} comparison(s)</title>"
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r_of(e):.1f}" fill="{fill}" '
                f'stroke="#fff" stroke-width="1.5"/>'
                f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}"{weight} '
                f'fill="#1d232a">{h.esc(label)}</text></g></a>'
            )
        out.append("</g>\n</svg>\n")
        return "\n".join(out)


def direction_note(b: Leaderboard) -> str:
    """How a leaderboard is ordered, in words: ``lower is better``,
    ``higher is better``, or for a metric of unknown direction what the
    comparisons imply."""
    if b.direction != UNKNOWN:
        return f"{b.direction} is better"
    lower, higher = b.votes
    if not b.ranked:
        return "direction unknown; listed by score, highest first, not ranked"
    won = lower if b.order == LOWER else higher
    return (
        f"direction unknown; ordered {b.order} first, as {won} of {lower + higher} comparison(s) with both scores imply"
    )


def _clear(path: Path) -> None:
    """Remove ``path`` (a file, a symlink, or a folder tree; symlinks are
    removed, never followed) if it exists."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def _write(out: Path, name: str, text: str) -> None:
    """Write ``text`` to ``out/name`` without following a symlink: an
    existing link there is removed first, and the file is opened with
    O_NOFOLLOW, so nothing is written outside ``out``."""
    path = out / name
    parent = path.parent
    if parent != out and (parent.is_symlink() or not parent.is_dir()):
        _clear(parent)
        parent.mkdir()
    if path.is_symlink():
        path.unlink()
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(path, flags, 0o644), "w", encoding="utf-8") as f:
        f.write(text)


def write_report(
    store: KnowledgeStore, output: str | Path, *, hubs: int = 8, max_nodes: int = 30, progress=None
) -> ReportSummary:
    """Write the site into folder ``output`` (created if missing).

    A folder that already holds files must be an earlier site (it has the
    ``.paperkg-report`` marker); its pages are replaced.  Files are written
    only inside ``output``: symlinks in it are replaced, not followed.
    ``progress(done, total)``, when given, is called as pages are written
    (``total`` None while the store is read).  Raises ReportError when the
    folder is not ours, or when writing fails.
    """
    start = time.perf_counter()
    out = Path(output)
    if out.exists() and not out.is_dir():
        raise ReportError(f"{out}: is a file, not a folder; choose another --output")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ReportError(f"{out}: folder is not empty and holds no PaperKG report; choose another --output")
    if progress:
        progress(0, None)
    g = load(store)
    site = _Site(g, hubs, max_nodes)
    total, pages = site.count(), 0
    try:
        out.mkdir(parents=True, exist_ok=True)
        for sub in SUBFOLDERS:
            _clear(out / sub)
            (out / sub).mkdir()
        _write(out, MARKER, "written by 'kg report'; the folder is replaced on the next run\n")
        for i, (name, text) in enumerate(site.pages(), 1):
            _write(out, name, text)
            pages += name.endswith(".html")
            if progress and (i % 200 == 0 or i == total):
                progress(i, total)
    except OSError as e:
        raise ReportError(
            f"{out}: cannot write the site: {e.strerror or e}" + (f" ({e.filename})" if e.filename else "")
        ) from None
    return ReportSummary(out, pages, len(site.datasets), len(site.models), len(g.papers), time.perf_counter() - start)


def markdown_leaderboard(store: KnowledgeStore, dataset_iri: str, limit: int = 10) -> str:
    """The leaderboards of a benchmark as one Markdown table, ``limit`` rows
    per metric (for notes and the README)."""
    g = load(store)

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["| # | system | metric | score | paper |", "|---|---|---|---|---|"]
    for b in leaderboards(g, dataset_iri):
        metric = cell(g.label(b.metric)) if b.metric else ""
        if metric and b.direction != HIGHER:
            metric += f" ({direction_note(b)})"
        for i, r in enumerate(b.rows[:limit], 1):
            p = g.papers.get(r.comparison.paper)
            lines.append(
                f"| {i} | {cell(g.label(r.system))} | {metric} | "
                f"{format(r.score, 'f')}{h.unit(r.unit)} | {p.arxiv_id if p else ''} |"
            )
    return "\n".join(lines)
