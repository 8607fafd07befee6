"""The pages of the HTML site (:mod:`kg.outputs.site`), as text, one at a time.

Every page is bounded: a table on a benchmark or system page shows at most
:data:`TABLE_ROWS` rows (the page says how many there are and how to list
them all), and the lists of all systems and all papers are split into pages
of :data:`LIST_ROWS` rows (``papers.html``, ``papers-2.html``, ...).  The
HTML of a link is made once and reused on every page that shows it, so the
time to write the site follows the rows it prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from kg.outputs import site_html as h
from kg.outputs.site_data import UNKNOWN, LOWER, Comparison, Evidence, Graph, Leaderboard, Paper, compared, leaderboards
from kg.outputs.site_svg import svg
from kg.rdf import vocab

#: rows of one table on a benchmark or system page (the rest are counted)
TABLE_ROWS = 500
#: rows of one page of the lists of all systems and all papers
LIST_ROWS = 1000
_UP = "../"  # from a page in a sub-folder to the site root


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


def list_page_name(base: str, n: int) -> str:
    """File name of page ``n`` (1-based) of a list: ``papers.html``, ``papers-2.html``."""
    return f"{base}.html" if n == 1 else f"{base}-{n}.html"


def _shown(rows: list, total: int, what: str) -> str:
    """The note under a table cut at :data:`TABLE_ROWS` rows (empty when whole)."""
    if total <= len(rows):
        return ""
    return f'\n<p class="muted">The first {len(rows):,} of {total:,} {what} are shown.</p>'


class Site:
    """The pages of the site of graph ``g``: :meth:`pages` yields them."""

    def __init__(self, g: Graph, hubs: int, max_nodes: int):
        self.g, self.hubs, self.max_nodes = g, hubs, max_nodes
        self.bench_names, self.model_names, self.paper_names = h.Namer(), h.Namer(), h.Namer()
        self.datasets = sorted({c.dataset for c in g.comparisons if c.dataset}, key=lambda d: (g.label(d).lower(), d))
        self.models = compared(g)
        self.model_set = {m[0] for m in self.models}
        for d in self.datasets:
            self.bench_names(d)
        for m in sorted(self.model_set):
            self.model_names(m)
        self.paper_list = sorted(g.papers.values(), key=lambda p: (p.arxiv_id or "", p.iri))
        for p in self.paper_list:
            self.paper_names(p.iri, p.arxiv_id)
        self._boards: dict[str, list[Leaderboard]] = {}
        self._links: dict[tuple, str] = {}

    def boards(self, dataset: str) -> list[Leaderboard]:
        if dataset not in self._boards:
            self._boards[dataset] = leaderboards(self.g, dataset)
        return self._boards[dataset]

    # -- links (made once each) ------------------------------------------------------
    def entity_link(self, iri: str | None, root: str) -> str:
        """A system's or benchmark's name, linked to its page when it has one."""
        return self._link(iri, root, models=True)

    def bench_link(self, iri: str | None, root: str) -> str:
        """A benchmark's name, linked to its page when it has one."""
        return self._link(iri, root, models=False)

    def _link(self, iri: str | None, root: str, models: bool) -> str:
        if iri is None:
            return ""
        key = (models, iri, root)
        if key not in self._links:
            label = h.esc(self.g.label(iri))
            if models and iri in self.model_set:
                label = f'<a href="{root}model/{self.model_names(iri)}.html">{label}</a>'
            elif iri in self.bench_names._names:
                label = f'<a href="{root}benchmark/{self.bench_names(iri)}.html">{label}</a>'
            self._links[key] = label
        return self._links[key]

    def paper_link(self, iri: str | None, root: str, title: bool = False) -> str:
        """A paper's arXiv id linked to its page (and its title after it)."""
        key = ("p", iri, root, title)
        if key not in self._links:
            p = self.g.papers.get(iri) if iri else None
            if p is None:
                self._links[key] = h.esc(vocab.compact(iri)) if iri else ""
                return self._links[key]
            tip = f' title="{h.esc(p.title)}"' if p.title else ""
            link = f'<a href="{root}paper/{self.paper_names(p.iri)}.html"{tip}>{h.esc(p.arxiv_id or vocab.compact(p.iri))}</a>'
            if title and p.title:
                link += f' <span class="muted">{h.esc(p.title)}</span>'
            self._links[key] = link
        return self._links[key]

    @staticmethod
    def evidence(ev: Evidence | None) -> str:
        """An evidence sentence with its report name and line."""
        if ev is None:
            return ""
        where = ""
        if ev.file:
            where = f'<br><span class="muted">{h.esc(ev.file)}{":" + str(ev.line) if ev.line else ""}</span>'
        return f'<span class="quote">{h.esc(ev.quote)}</span>{where}'

    def cells(self, c: Comparison) -> tuple[str, ...]:
        """(winner, loser, benchmark, metric, winner score, loser score,
        paper, evidence) of a comparison as HTML, for pages in a sub-folder."""
        return (
            self.entity_link(c.winner, _UP),
            self.entity_link(c.loser, _UP),
            self.bench_link(c.dataset, _UP),
            h.esc(self.g.label(c.metric)) if c.metric else "",
            h.score(c.winner_score),
            h.score(c.loser_score),
            self.paper_link(c.paper, _UP),
            self.evidence(c.evidence),
        )

    # -- pages ----------------------------------------------------------------------
    def list_pages(self, rows: int) -> int:
        return max(1, -(-rows // LIST_ROWS))

    def count(self) -> int:
        """How many files :meth:`site_wide_pages` and :meth:`item_pages` yield."""
        lists = self.list_pages(len(self.models)) + self.list_pages(len(self.paper_list))
        return 2 + lists + len(self.datasets) + len(self.models) + len(self.paper_list)

    def site_wide_pages(self) -> Iterator[tuple[str, str]]:
        """(file name, text) of the picture, the index and the list pages."""
        picture = svg(self.g, self.models, self.model_names, self.hubs, self.max_nodes)
        yield "graph.svg", picture
        yield "index.html", self.index(picture)
        yield from self.models_pages()
        yield from self.papers_pages()

    def item_pages(self) -> Iterator[tuple[str, Callable[[], str]]]:
        """(file name, function making the page) of every benchmark, system
        and paper page; a page is made only when its function is called."""
        for d in self.datasets:
            yield f"benchmark/{self.bench_names(d)}.html", partial(self._benchmark_once, d)
        for m, *_ in self.models:
            yield f"model/{self.model_names(m)}.html", partial(self.model_page, m)
        for p in self.paper_list:
            yield f"paper/{self.paper_names(p.iri)}.html", partial(self.paper_page, p)

    def _benchmark_once(self, d: str) -> str:
        """The page of benchmark ``d``; its leaderboards are not kept afterwards."""
        try:
            return self.benchmark_page(d)
        finally:
            self._boards.pop(d, None)

    def index(self, picture: str) -> str:
        g = self.g
        n_scored = sum(1 for c in g.comparisons if c.winner_score is not None or c.loser_score is not None)
        files = {f for p in g.papers.values() for f in p.files}
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
            boards = self.boards(d)
            top = ""
            if boards and boards[0].rows:
                r = boards[0].rows[0]
                top = f'{self.entity_link(r.system, "")} <span class="muted">{h.score(r.score)}{h.unit(r.unit)}</span>'
            rows.append(
                [self.bench_link(d, ""), str(len(g.by_dataset.get(d, ()))), str(sum(len(b.rows) for b in boards)), top]
            )
        bench_table = h.table(
            ["benchmark", "comparisons", "scored entries", "best (first metric)"], rows, ["", "num", "num", ""]
        )
        top_models = h.table(
            ["system", "comparisons", "wins", "losses"],
            [[self.entity_link(e, ""), str(n), str(w), str(lo)] for e, n, w, lo in self.models[:15]],
            ["", "num", "num", "num"],
        )
        body = (
            f"<p>A knowledge graph of {len(g.papers)} papers read from {len(files)} daily digest report(s): "
            "who beats whom, on which benchmark, with which scores, and the sentence that says so.</p>\n"
            f'<div class="cards">{cards}</div>\n'
            '<h2 id="graph">Who beats whom</h2>\n'
            '<p class="muted">The most compared systems and their opponents; an arrow points from the '
            'winner to the loser. Click a node for its page. (<a href="graph.svg">graph.svg</a>)</p>\n'
            f"<figure>{picture.split('?>', 1)[-1].strip()}</figure>\n"
            f'<h2 id="benchmarks">Benchmarks ({len(self.datasets)})</h2>\n{bench_table}\n'
            f"<h2>Most compared systems</h2>\n{top_models}\n"
            '<p><a href="models.html">All compared systems</a> · <a href="papers.html">All papers</a></p>'
        )
        return h.page("PaperKG report", body)

    def _list(self, base: str, title: str, head: list[str], cls: list[str], items: list, row) -> Iterator:
        """The pages of a list of ``items`` (``row(item)``: its cells), :data:`LIST_ROWS` a page."""
        n = self.list_pages(len(items))
        for i in range(1, n + 1):
            chunk = items[(i - 1) * LIST_ROWS : i * LIST_ROWS]
            pager = ""
            if n > 1:
                links = " ".join(
                    str(k) if k == i else f'<a href="{list_page_name(base, k)}">{k}</a>' for k in range(1, n + 1)
                )
                pager = f'<p class="pager">Page {i} of {n}: {links}</p>\n'
            body = pager + h.table(head, [row(x) for x in chunk], cls)
            yield list_page_name(base, i), h.page(f"{title} ({len(items)})", body)

    def models_pages(self) -> Iterator[tuple[str, str]]:
        def row(item):
            e, n, w, lo = item
            types = h.esc(", ".join(sorted(vocab.compact(t) for t in self.g.types.get(e, ()))))
            return [self.entity_link(e, ""), types, str(n), str(w), str(lo)]

        head = ["system", "class", "comparisons", "wins", "losses"]
        yield from self._list("models", "Compared systems", head, ["", "", "num", "num", "num"], self.models, row)

    def papers_pages(self) -> Iterator[tuple[str, str]]:
        def row(p: Paper):
            n = len(self.g.by_paper.get(p.iri, ()))
            return [self.paper_link(p.iri, ""), h.esc(p.title), h.esc(", ".join(p.files)), str(n)]

        head, cls = ["arXiv", "title", "report", "comparisons"], ["", "", "", "num"]
        yield from self._list("papers", "Papers", head, cls, self.paper_list, row)

    def benchmark_page(self, d: str) -> str:
        g = self.g
        parts = []
        boards = self.boards(d)
        if not boards:
            parts.append("<p>No comparison on this benchmark states a score.</p>")
        for b in boards:
            name = h.esc(g.label(b.metric)) if b.metric else "no metric stated"
            metric = self.bench_link(b.metric, _UP) if b.metric else ""
            rows = []
            for i, r in enumerate(b.rows[:TABLE_ROWS], 1):
                c = r.comparison
                row = [str(i), self.entity_link(r.system, _UP), metric, h.score(r.score), h.unit(r.unit)]
                rows.append(row + [self.paper_link(c.paper, _UP), self.evidence(c.evidence)])
            table = h.table(
                ["#", "system", "metric", "score", "unit", "paper", "evidence"],
                rows,
                ["num", "", "", "num", "", "", ""],
            )
            parts.append(
                f'<h2>Leaderboard: {name} <span class="muted">({direction_note(b)})</span></h2>\n'
                + table
                + _shown(rows, len(b.rows), "systems")
            )
        cs = g.by_dataset.get(d, [])
        rows = [[x[0], x[1], x[3], x[4], x[5], x[6], x[7]] for x in map(self.cells, cs[:TABLE_ROWS])]
        parts.append(
            f"<h2>All comparisons ({len(cs)})</h2>\n"
            + h.table(
                ["winner", "loser", "metric", "winner score", "loser score", "paper", "evidence"],
                rows,
                ["", "", "", "num", "num", "", ""],
            )
            + _shown(rows, len(cs), "comparisons")
        )
        return h.page(g.label(d), "\n".join(parts), _UP)

    def model_page(self, m: str) -> str:
        g = self.g
        beats, beaten = g.by_winner.get(m, []), g.by_loser.get(m, [])
        types = ", ".join(sorted(vocab.compact(t) for t in g.types.get(m, ())))
        parts = [
            f'<p class="muted">{h.esc(types)} · <code>{h.esc(vocab.compact(m))}</code> · '
            f"{len(beats)} win(s), {len(beaten)} loss(es)</p>"
        ]
        head = ["benchmark", "metric", "own score", "their score", "paper", "evidence"]
        cls = ["", "", "", "num", "num", "", ""]
        for title, anchor, cs, won in (("Beats", "beats", beats, True), ("Beaten by", "beaten-by", beaten, False)):
            rows = []
            for c in cs[:TABLE_ROWS]:
                x = self.cells(c)
                other, mine, theirs = (x[1], x[4], x[5]) if won else (x[0], x[5], x[4])
                rows.append([other, x[2], x[3], mine, theirs, x[6], x[7]])
            who = "loser" if won else "winner"
            table = (
                h.table([who, *head], rows, cls) + _shown(rows, len(cs), "comparisons")
                if rows
                else "<p>None stated.</p>"
            )
            parts.append(f'<h2 id="{anchor}">{title} ({len(cs)})</h2>\n' + table)
        for title, ps in (("Proposed in", g.proposed_in.get(m, [])), ("Used in", g.used_in.get(m, []))):
            if ps:
                items = "".join(f"<li>{self.paper_link(p, _UP, title=True)}</li>" for p in ps[:TABLE_ROWS])
                parts.append(f"<h2>{title}</h2>\n<ul>{items}</ul>" + _shown(ps[:TABLE_ROWS], len(ps), "papers"))
        return h.page(g.label(m), "\n".join(parts), _UP)

    def paper_page(self, p: Paper) -> str:
        g = self.g
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
            [h.esc(name), ", ".join(self.entity_link(e, _UP) for e in p.relations[rel])]
            for rel, name in rel_names
            if p.relations.get(rel)
        ]
        if ents:
            parts.append("<h2>Entities</h2>\n" + h.table(["relation", "entities"], ents))
        cs = g.by_paper.get(p.iri, [])
        rows = [[x[0], x[1], x[2], x[3], x[4], x[5], x[7]] for x in map(self.cells, cs)]
        table = h.table(
            ["winner", "loser", "benchmark", "metric", "winner score", "loser score", "evidence"],
            rows,
            ["", "", "", "", "num", "num", ""],
        )
        parts.append(f'<h2 id="comparisons">Comparisons ({len(cs)})</h2>\n' + (table if rows else "<p>None found.</p>"))
        if p.hardware:
            rows = [[h.esc(g.label(hw)), h.esc(n or ""), self.evidence(ev)] for hw, n, ev in p.hardware]
            parts.append(
                '<h2 id="hardware">Hardware</h2>\n' + h.table(["hardware", "count", "evidence"], rows, ["", "num", ""])
            )
        return h.page(p.title or p.arxiv_id or vocab.compact(p.iri), "\n".join(parts), _UP)


__all__ = ["LIST_ROWS", "TABLE_ROWS", "Site", "direction_note", "list_page_name"]
