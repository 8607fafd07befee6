"""Folding a paper's comparison rows once its sentences are read: a
dataset-less summary of rows stated on named datasets
(:func:`without_summaries`) and one described baseline named twice
(:func:`one_description_per_baseline`).  Rows are the comparison records of
:mod:`kg.extract.comparisons`; every folded row goes to the paper's
:class:`~kg.extract.decisions.DecisionLog` with its rule.
"""

from __future__ import annotations

from kg.extract.decisions import DecisionLog


def without_summaries(best: dict[tuple, dict], entities: dict[str, dict], main, log: DecisionLog) -> list[dict]:
    """The rows of ``best`` but dataset-less summaries: a dataset-less
    statement of a pair also stated on named datasets summarises those, as
    does the paper's own system's dataset-less win over a loser that one of
    its variants or base models beats on a named dataset ('LaViT beats
    GPT-4o' and 'LaViT-3B beats GPT-4o on BLINK': one claim).  Folded rows
    go to ``log.dropped_comparisons``."""
    on_named = {(w, l) for w, l, d in best if d is not None}
    beaten_on_named = {l for _, l in on_named}
    own = {k for k, e in entities.items() if e["role"] == "proposes"} | {main}
    kept = []
    for (w, l, d), rec in best.items():
        if d is None and ((w, l) in on_named or (w in own and l in beaten_on_named)):
            log.dropped_comparisons.append(dict(rec, rule="summary of a row on a named dataset"))
        else:
            kept.append(rec)
    return kept


def one_description_per_baseline(rows: list[dict], entities: dict[str, dict], modifier, log: DecisionLog) -> list[dict]:
    """One row per described baseline a winner beats: two descriptions with
    the same identity modifier (``modifier``: the compiled modifier words)
    on the same dataset are one baseline named twice ('超越全量数据训练' and
    '比使用全量数据进行 SFT 的基线模型高出 38%'); the row with more slots
    filled, then the longer (more specific) description stays, the other goes to
    ``log.dropped_comparisons``."""
    groups: dict[tuple, list[dict]] = {}
    for rec in rows:
        loser = entities.get(rec["loser"], {})
        m = modifier.search(loser.get("name", "")) if loser.get("role") == "compared" else None
        if m is not None:
            groups.setdefault((rec["winner"], rec["dataset"], m.group().casefold()), []).append(rec)
    dropped = set()
    for recs in groups.values():
        best = max(recs, key=lambda r: (richness(r), len(entities[r["loser"]]["name"]), -r["line"]))
        for rec in recs:
            if rec is not best:
                dropped.add(id(rec))
                log.dropped_comparisons.append(dict(rec, rule="the same described baseline as another row"))
    return [r for r in rows if id(r) not in dropped]


def richness(rec: dict) -> int:
    """How many of a row's optional slots are filled (scores, metric, dataset): 0-4."""
    return sum(rec[k] is not None for k in ("winner_score", "loser_score", "metric", "dataset"))
