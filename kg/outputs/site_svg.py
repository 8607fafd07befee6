"""The who-beats-whom picture of the site (``graph.svg``): hand-written SVG,
the most compared systems and their opponents on a circle, arrows from the
winner to the loser, each node a link to the system's page."""

from __future__ import annotations

import math

from kg.outputs import site_html as h
from kg.outputs.site_data import Graph, graph_selection


def svg(g: Graph, models: list, page_name, hubs: int = 8, max_nodes: int = 30, size: int = 900) -> str:
    """Who beats whom as SVG: nodes on a circle, arrows winner → loser.

    ``models`` are the compared systems (:func:`kg.outputs.site_data.compared`),
    ``page_name(iri)`` the file name (no suffix) of a system's page under
    ``model/``; the ``hubs`` most compared systems are drawn with their
    opponents, at most ``max_nodes`` nodes."""
    nodes, hub_list, edges = graph_selection(g, hubs, max_nodes, models)
    counts = {e: n for e, n, _, _ in models}
    cx = cy = size / 2
    radius = size / 2 - 175
    pos = {}
    for i, e in enumerate(nodes):
        a = 2 * math.pi * i / max(1, len(nodes)) - math.pi / 2
        pos[e] = (cx + radius * math.cos(a), cy + radius * math.sin(a), a)
    hub_set = set(hub_list)

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
            f'<a href="model/{page_name(e)}.html"><g class="node">'
            f"<title>{h.esc(g.label(e))}: {counts.get(e, 0)} comparison(s)</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r_of(e):.1f}" fill="{fill}" '
            f'stroke="#fff" stroke-width="1.5"/>'
            f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}"{weight} '
            f'fill="#1d232a">{h.esc(label)}</text></g></a>'
        )
    out.append("</g>\n</svg>\n")
    return "\n".join(out)
