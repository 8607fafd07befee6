"""Checks on a paper's finished comparison records and entities.

Run by :class:`kg.extract.extractor.Extractor` after the sentence rules: every
comparison's winner and loser must be systems (:func:`system_slots`), and
each kept entity gets the reason ``kg explain`` shows (:func:`why_kept`);
a name used as a benchmark or metric takes that type (:func:`types_from_use`).
Records are the dicts described in :mod:`kg.extract.extractor`.
"""

from __future__ import annotations

from kg.extract.sentence import DATASET_LABELS
from kg.model import Label


def system_slots(
    entities: dict, comparisons: list[dict], main: str | None, as_metric: set[str], dropped: list[dict]
) -> list[dict]:
    """Comparisons whose winner and loser are systems.

    A winner the paper uses as a metric (``在 Foo-cap 指标上超越了 B``; typed so
    by the gazetteer, by use, or listed among metrics in a sentence:
    ``as_metric``) stands for the paper's own system ``main``; a row whose
    winner is a dataset, or a metric with no ``main``, or whose loser is a
    metric is dropped and appended to ``dropped`` with its ``rule``, as is a
    row repeating another.  A loser the gazetteer calls a dataset may be a
    system in its sentence (``优于 Magpie 等合成基线``) and stays.  A name of
    ``as_metric`` that no kept row holds as a system becomes a Metric in
    ``entities`` (changed in place), and a described baseline (role
    ``compared``) that no kept row holds is removed from it."""
    out, seen = [], set()
    for c in comparisons:
        kind = {
            k: Label.METRIC if c[k] in as_metric else entities.get(c[k], {}).get("type") for k in ("winner", "loser")
        }
        rule = None
        if kind["winner"] == Label.METRIC and main and main != c["loser"]:
            c = dict(c, winner=main, metric=c["metric"] or c["winner"])
        elif kind["winner"] in (Label.METRIC, *DATASET_LABELS):
            rule = f"winner is a {kind['winner'].lower()}"
        if kind["loser"] == Label.METRIC:
            rule = "loser is a metric"
        key = (c["winner"], c["loser"], c["dataset"])
        if rule is None and key in seen:
            rule = "same claim as another row"
        if rule:
            dropped.append(dict(c, rule=rule))
            continue
        seen.add(key)
        out.append(c)
    systems = {c[k] for c in out for k in ("winner", "loser")}
    for key in [k for k, e in entities.items() if e["role"] == "compared" and k not in systems]:
        del entities[key]  # a described baseline exists only as the loser of a kept row
    for key in as_metric - systems:
        if key in entities and entities[key]["role"] != "proposes":
            entities[key]["type"] = Label.METRIC  # listed among metrics, never a system
    return out


def why_kept(ent: dict, compared: bool, evidence: str) -> str:
    """Why the entity ``ent`` was kept, for ``kg explain``: its roles
    (proposed, ``compared``), then ``evidence`` (gazetteer entry, name shape …)."""
    why = [r for r, ok in (("proposed", ent["role"] == "proposes"), ("compared", compared), (evidence, evidence)) if ok]
    return ", ".join(why)


def types_from_use(entities: dict[str, dict], comparisons: list[dict], results: list[dict]) -> None:
    """A name the paper's comparisons use as a benchmark or a metric has
    that type in this paper (a model's name listed among benchmarks,
    ``EmuEdit 和 GEdit 基准测试``; a name among metrics, ``CLIP-Frame 和 … 指标``),
    so its graph stays valid: kg:onDataset is a kg:Dataset, kg:metric a kg:Metric.
    ``entities`` is changed in place."""
    for key in {c["dataset"] for c in comparisons}:
        if key in entities and entities[key]["type"] not in DATASET_LABELS:
            entities[key]["type"] = Label.BENCHMARK
    for key in {r["metric"] for r in comparisons} | {r["metric"] for r in results}:
        if key in entities and entities[key]["type"] != Label.METRIC:
            entities[key]["type"] = Label.METRIC
