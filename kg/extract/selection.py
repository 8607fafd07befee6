"""Selection stage: which candidate entities the record keeps.

A name stays an entity when the paper proposes it or compares with or on
it; else it is dropped when it is only a translation gloss, a name the
paper only uses (``kg/data`` lists of tools and libraries, see
:func:`kg.extract.negative.used_only`), a method or model acronym of a
common noun phrase (``多智能体系统（MAS）``, see
:func:`kg.extract.entities.concept_keys`), has no evidence of what it is
(see :mod:`kg.extract.entities`) or only its shape for a phrase a modifier
opens (``Part-Aware Flow Model``, see :func:`kg.extract.negative.description`)
or for a two- or three-letter acronym nothing defines (``DWT``).
Each drop is noted in the
:class:`~kg.extract.decisions.DecisionLog`, and each kept entity gets the
reason ``kg explain`` shows.
"""

from __future__ import annotations

import re

from kg.extract import claims, negative
from kg.extract.decisions import DecisionLog
from kg.extract.entities import Entities
from kg.model import Label

#: two or three capitals, maybe a plural s (four-letter ones are names as often as not)
_BARE_ACRONYM_RE = re.compile(r"[A-Z]{2,3}s?")


def select_entities(
    found: Entities,
    proposed: list[str],
    comparisons: list[dict],
    results: list[dict],
    title_keys: set[str],
    log: DecisionLog,
) -> list[dict]:
    """Drop the entities of ``found.by_key`` (changed in place) that have no
    role and no evidence; returns ``results`` without the rows of dropped
    systems (a dropped dataset becomes None).  ``log.dropped`` keeps only
    names no other mention kept; ``log.kept`` gets every kept entity's
    reason (roles, then evidence; ``title_keys`` count as title names)."""
    entities = found.by_key
    # a translation gloss (直接监督微调（Direct SFT）) is an entity only when it is
    # a name (预训练模型（Foo-2.1-14B）), the paper proposes it, uses it outside a
    # gloss, or compares with or on it
    compared = {c[k] for c in comparisons for k in ("winner", "loser", "dataset", "metric")}
    compared |= {r["metric"] for r in results}
    dropped = found.gloss_only - found.named_glosses - set(proposed) - compared
    for key in found.gloss_only & dropped:
        log.drop(key, entities[key]["name"], "gloss only")
    roles = {c[k] for c in comparisons for k in ("winner", "loser", "dataset")} | set(proposed)
    for key, ent in entities.items():
        if key in roles:
            continue
        if negative.used_only([ent["name"], *ent["aliases"]]):
            dropped.add(key)
            log.drop(key, ent["name"], "used only")
        elif key in found.concepts and Label(ent["type"]).is_system:
            dropped.add(key)
            log.drop(key, ent["name"], "concept acronym")
        elif key in found.weak:
            dropped.add(key)
            log.drop(key, ent["name"], "no evidence")
        elif log.kept.get(key) == "name shape" and negative.description(ent["name"]):
            dropped.add(key)  # 'Part-Aware Flow Model': only its shape spoke, and it describes
            log.drop(key, ent["name"], "description")
        elif log.kept.get(key) == "name shape" and _bare_acronym(ent):
            dropped.add(key)  # 'DWT', 'AWB': an acronym nothing defines, types or compares
            log.drop(key, ent["name"], "bare acronym")
    for key in dropped:
        entities.pop(key, None)
    log.dropped = {k: d for k, d in log.dropped.items() if k not in entities}  # kept by another mention
    log.kept = {
        key: claims.why_kept(ent, key in roles, log.kept.get(key) or ("title name" if key in title_keys else ""))
        for key, ent in entities.items()
    }
    return [
        dict(r, dataset=None if r["dataset"] in dropped else r["dataset"])
        for r in results
        if r["system"] not in dropped
    ]


def _bare_acronym(ent: dict) -> bool:
    """True for a two- or three-letter acronym with no alias and no long
    form before it in its sentence (``稀疏记忆激活（SMA）``, ``(Narrative
    Adaptive Memory, NAM)`` define theirs)."""
    name = ent["name"]
    if ent["aliases"] or not _BARE_ACRONYM_RE.fullmatch(name):
        return False
    defined = r"[^\s（(]\s*[(（]\s*(?:[^()（）]*[,，]\s*)?" + re.escape(name) + r"\s*[)）]"
    return not re.search(defined, ent.get("evidence") or "")
