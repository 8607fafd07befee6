"""The who-beats-whom picture of the site (``graph.svg``): hand-written SVG,
the most compared systems and their opponents on a circle, arrows from the
winner to the loser, each node a link to the system's page."""

from __future__ import annotations

import math

from kg.outputs import site_html as h
from kg.outputs.site_data import Graph, graph_selection


_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
    'width="{size}" height="{size}" font-family="system-ui, sans-serif" font-size="12">\n'
    "<title>Who beats whom</title>\n"
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
    'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#7a8794"/>'
    "</marker></defs>"
)


def svg(g: Graph, models: list, page_name, hubs: int = 8, max_nodes: int = 30, size: int = 900) -> str:
    """Who beats whom as SVG: nodes on a circle, arrows winner → loser.

    ``models`` are the compared systems (:func:`kg.outputs.site_data.compared`),
    ``page_name(iri)`` the file name (no suffix) of a system's page under
    ``model/``; the ``hubs`` most compared systems are drawn with their
    opponents, at most ``max_nodes`` nodes (``size`` pixels square)."""
    nodes, hub_list, edges = graph_selection(g, hubs, max_nodes, models)
    counts = {e: n for e, n, _, _ in models}
    radius = size / 2 - 175
    pos = {}
    for i, e in enumerate(nodes):
        a = 2 * math.pi * i / max(1, len(nodes)) - math.pi / 2
        pos[e] = (size / 2 + radius * math.cos(a), size / 2 + radius * math.sin(a), a)

    def r_of(e):
        return 5 + 2.2 * math.sqrt(counts.get(e, 1))

    out = [_HEAD.format(size=size), '<g class="edges" stroke="#9aa6b2" stroke-width="1.2" fill="none">']
    out += [_edge(g, w, lo, benches, pos, r_of, size / 2) for (w, lo), benches in sorted(edges.items())]
    out.append('</g>\n<g class="nodes">')
    hub_set = set(hub_list)
    out += [_node(g, e, pos[e], r_of(e), e in hub_set, counts.get(e, 0), page_name) for e in nodes]
    out.append("</g>\n</svg>\n")
    return "\n".join(out)


def _edge(g: Graph, w, lo, benches: list[str], pos: dict, r_of, c: float) -> str:
    """An arrow from winner ``w`` to loser ``lo``, bent a little toward the
    centre ``(c, c)`` so that opposite arrows differ."""
    x1, y1, _ = pos[w]
    x2, y2, _ = pos[lo]
    dx, dy = x2 - x1, y2 - y1
    dist = math.hypot(dx, dy) or 1
    sx, sy = x1 + dx / dist * r_of(w), y1 + dy / dist * r_of(w)
    ex, ey = x2 - dx / dist * (r_of(lo) + 2), y2 - dy / dist * (r_of(lo) + 2)
    mx, my = (sx + ex) / 2, (sy + ey) / 2
    qx, qy = mx + (c - mx) * 0.15, my + (c - my) * 0.15
    tip = f"{g.label(w)} beats {g.label(lo)} on {', '.join(benches)}"
    return (
        f'<path class="edge" d="M{sx:.1f},{sy:.1f} Q{qx:.1f},{qy:.1f} {ex:.1f},{ey:.1f}" '
        f'marker-end="url(#arrow)"><title>{h.esc(tip)}</title></path>'
    )


def _node(g: Graph, e, where: tuple, r: float, hub: bool, count: int, page_name) -> str:
    """A system's circle (radius ``r``) and label at ``where`` = (x, y, angle),
    linked to its page; hubs drawn darker and bold."""
    x, y, a = where
    lx, ly = x + (r + 6) * math.cos(a), y + (r + 6) * math.sin(a)
    anchor = "start" if math.cos(a) > 0.2 else "end" if math.cos(a) < -0.2 else "middle"
    if anchor == "middle":
        ly += 12 if math.sin(a) > 0 else -4
    label = g.label(e)
    label = label if len(label) <= 28 else label[:27] + "…"
    fill = "#1a5fb4" if hub else "#8fb3de"
    weight = ' font-weight="bold"' if hub else ""
    return (
        f'<a href="model/{page_name(e)}.html"><g class="node">'
        f"<title>{h.esc(g.label(e))}: {count} comparison(s)</title>"
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{fill}" '
        f'stroke="#fff" stroke-width="1.5"/>'
        f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}"{weight} '
        f'fill="#1d232a">{h.esc(label)}</text></g></a>'
    )
