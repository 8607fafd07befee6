"""What the HTML site (:mod:`kg.outputs.site`) shows, as plain Python: the
:class:`Graph` (read from a store by :mod:`kg.outputs.site_read`).

Analysis: leaderboards per benchmark and metric, the most compared systems,
the who-beats-whom picture's nodes; every lookup goes through indexes built
once (:class:`Graph`), never a scan of every comparison per page.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from kg.rdf import vocab
from kg.rdf.store import KnowledgeStore


@dataclass
class Evidence:
    """An evidence sentence: its text, report file name and 1-based line."""

    quote: str
    file: str | None = None
    line: int | None = None


@dataclass
class Comparison:
    """A ``kg:Comparison``: IRIs of its winner, loser, dataset, metric, unit
    and paper; scores as Decimals (None when not stated)."""

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
    """A ``kg:Paper`` with its report files, fields, related entities
    (relation IRI -> entity IRIs) and hardware (IRI, count, evidence)."""

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
    """One system's best score on a leaderboard, with the comparison stating it."""

    system: str
    score: Decimal
    unit: str | None
    comparison: Comparison


#: a metric's direction: from ``kg:lowerIsBetter`` true/false, or unknown
LOWER, HIGHER, UNKNOWN = "lower", "higher", "unknown"


@dataclass
class Leaderboard:
    """One metric's leaderboard on one benchmark.

    ``direction`` is the metric's (``lower``/``higher``/``unknown``);
    ``order`` is the one used for the rows: the direction when known,
    else the one the comparisons imply (``votes``: comparisons stating both
    scores whose winner scored lower, and higher), else ``higher`` with
    ``ranked`` False (the rows are listed by score, not ranked)."""

    metric: str | None
    direction: str
    rows: list[LeaderRow]
    order: str = HIGHER
    votes: tuple[int, int] = (0, 0)
    ranked: bool = True

    @property
    def lower_is_better(self) -> bool:
        return self.order == LOWER


@dataclass
class Graph:
    """Everything the site shows, as plain Python, with its indexes."""

    labels: dict[str, str]
    types: dict[str, set[str]]
    directions: dict[str, str]  # metric IRI -> LOWER | HIGHER (absent: unknown)
    comparisons: list[Comparison]
    papers: dict[str, Paper]
    by_dataset: dict[str, list[Comparison]] = field(default_factory=dict)
    by_winner: dict[str, list[Comparison]] = field(default_factory=dict)
    by_loser: dict[str, list[Comparison]] = field(default_factory=dict)
    by_paper: dict[str, list[Comparison]] = field(default_factory=dict)
    proposed_in: dict[str, list[str]] = field(default_factory=dict)
    used_in: dict[str, list[str]] = field(default_factory=dict)
    #: metric -> (comparisons stating both scores whose winner scored lower, higher)
    votes: dict[str | None, tuple[int, int]] = field(default_factory=dict)

    def label(self, iri: str | None) -> str:
        if iri is None:
            return ""
        return self.labels.get(iri) or vocab.compact(iri)

    def index(self) -> None:
        """Fill the indexes from ``comparisons`` and ``papers``."""
        for attr, key in (
            ("by_dataset", "dataset"),
            ("by_winner", "winner"),
            ("by_loser", "loser"),
            ("by_paper", "paper"),
        ):
            idx = defaultdict(list)
            for c in self.comparisons:
                idx[getattr(c, key)].append(c)
            setattr(self, attr, dict(idx))
        proposed, used = defaultdict(set), defaultdict(set)
        for p in self.papers.values():
            for rel, ents in p.relations.items():
                for e in ents:
                    (proposed if rel == vocab.PROPOSES else used)[e].add(p.iri)
        votes = defaultdict(lambda: [0, 0])
        for c in self.comparisons:
            if c.winner_score is not None and c.loser_score is not None:
                votes[c.metric][0] += c.winner_score < c.loser_score
                votes[c.metric][1] += c.winner_score > c.loser_score
        self.votes = {m: (lo, hi) for m, (lo, hi) in votes.items()}
        self.proposed_in = {e: sorted(v) for e, v in proposed.items()}
        self.used_in = {e: sorted(v) for e, v in used.items()}

    def paper_key(self, paper: str | None) -> str:
        """Sort key of a paper IRI: its arXiv id (or IRI); ``""`` when unknown."""
        p = self.papers.get(paper) if paper else None
        return (p.arxiv_id or p.iri) if p else ""

    @property
    def lower_is_better(self) -> set[str]:
        return {m for m, d in self.directions.items() if d == LOWER}


def decimal_or_none(value: str | None) -> Decimal | None:
    """A score literal's value as a Decimal; None when absent or not a number."""
    if value is None:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def load(store: KnowledgeStore, progress=None) -> Graph:
    """Read what the site shows from ``store`` (:func:`kg.outputs.site_read.load`;
    ``progress(done, total)`` after each of its queries)."""
    from kg.outputs.site_read import load as read

    return read(store, progress=progress)


def implied_order(g: Graph, metric: str | None, dataset: str | None = None) -> tuple[str | None, tuple[int, int]]:
    """The order the comparisons on ``metric`` imply (on any benchmark; for
    comparisons without a metric, on ``dataset`` only): LOWER when more of
    those stating both scores have the winner scoring lower, HIGHER when
    more have it scoring higher, None on a tie.  Returns it with the
    (lower, higher) counts."""
    if metric is None:
        lower = higher = 0
        for c in g.by_dataset.get(dataset, ()):
            if c.metric is None and c.winner_score is not None and c.loser_score is not None:
                lower += c.winner_score < c.loser_score
                higher += c.winner_score > c.loser_score
    else:
        lower, higher = g.votes.get(metric, (0, 0))
    return (LOWER if lower > higher else HIGHER if higher > lower else None), (lower, higher)


def leaderboards(g: Graph, dataset: str) -> list[Leaderboard]:
    """Leaderboards of ``dataset``: one per metric (named metrics first, by
    label; comparisons without a metric last), each system once with its
    best score, best first.  A metric of unknown direction is ordered as
    its comparisons imply (:func:`implied_order`), or by score, highest
    first, marked not ranked.  Ties of a system's best score go to the most
    recent paper (largest arXiv id)."""
    by_metric: dict[str | None, list[Comparison]] = defaultdict(list)
    for c in g.by_dataset.get(dataset, ()):
        by_metric[c.metric].append(c)
    out = []
    for metric in sorted(by_metric, key=lambda m: (m is None, g.label(m).lower())):
        direction = g.directions.get(metric, UNKNOWN) if metric else UNKNOWN
        order, votes, ranked = direction, (0, 0), True
        if direction == UNKNOWN:
            implied, votes = implied_order(g, metric, dataset)
            order, ranked = implied or HIGHER, implied is not None
        lower = order == LOWER
        best: dict[str, LeaderRow] = {}
        for c in by_metric[metric]:
            for system, score in ((c.winner, c.winner_score), (c.loser, c.loser_score)):
                if score is None:
                    continue
                row = LeaderRow(system, score, c.unit, c)
                if system not in best or _better(row, best[system], lower, g):
                    best[system] = row
        if not best:
            continue
        rows = sorted(best.values(), key=lambda r: (r.score if lower else -r.score, g.label(r.system).lower()))
        out.append(Leaderboard(metric, direction, rows, order, votes, ranked))
    return out


def _better(a: LeaderRow, b: LeaderRow, lower: bool, g: Graph) -> bool:
    if a.score != b.score:
        return a.score < b.score if lower else a.score > b.score
    return g.paper_key(a.comparison.paper) > g.paper_key(b.comparison.paper)


def compared(g: Graph) -> list[tuple[str, int, int, int]]:
    """(entity, comparisons, wins, losses) of every entity in a comparison,
    most comparisons first."""
    wins = Counter({e: len(cs) for e, cs in g.by_winner.items()})
    losses = Counter({e: len(cs) for e, cs in g.by_loser.items()})
    rows = [(e, wins[e] + losses[e], wins[e], losses[e]) for e in set(wins) | set(losses)]
    return sorted(rows, key=lambda r: (-r[1], -r[2], g.label(r[0]).lower(), r[0]))


def graph_selection(
    g: Graph, hubs: int = 8, max_nodes: int = 30, ranked: list | None = None
) -> tuple[list[str], list[str], dict]:
    """Nodes and edges of the who-beats-whom picture.

    The ``hubs`` most compared systems (``ranked``: :func:`compared`) are
    taken with their opponents, in that order, while the picture has at
    most ``max_nodes`` nodes.  Returns (nodes in drawing order, hub nodes,
    {(winner, loser): [benchmark labels]})."""

    def opponents(e: str) -> list[str]:
        return sorted(
            {c.loser for c in g.by_winner.get(e, ())} | {c.winner for c in g.by_loser.get(e, ())} - {e},
            key=lambda x: (g.label(x).lower(), x),
        )

    nodes: list[str] = []
    chosen_hubs: list[str] = []
    for e, *_ in ranked if ranked is not None else compared(g):
        if len(chosen_hubs) >= hubs:
            break
        new = [x for x in [e, *opponents(e)] if x not in nodes]
        if len(nodes) + len(new) > max_nodes:
            continue  # its opponents do not fit: a lonely hub says nothing
        nodes.extend(new)
        chosen_hubs.append(e)
    members = set(nodes)
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in nodes:
        for c in g.by_winner.get(e, ()):
            if c.loser in members and c.winner != c.loser:
                bench = g.label(c.dataset) if c.dataset else "(no benchmark)"
                if bench not in edges[(c.winner, c.loser)]:
                    edges[(c.winner, c.loser)].append(bench)
    return nodes, chosen_hubs, dict(edges)
