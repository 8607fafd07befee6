""" "Did you mean": entities whose label contains or resembles a user's name.

Used when a name given to ``kg beats`` or ``kg query --bind`` resolves to no
entity (:func:`kg.outputs.queries.resolve_entity`), or to one that no comparison
beats.  Labels are compared folded (:func:`kg.link.fold`: case, spaces and
punctuation ignored), so ``llama`` finds ``Llama-3-8B`` and ``LLaMA 2``;
a name that contains no label is matched by similarity (difflib), so a typo
such as ``GTP-4o`` finds ``GPT-4o``.

The labels are read once per call with one ``SELECT DISTINCT`` (a scan of
every label: about a second per 10k papers), only on these error paths.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import pyoxigraph as ox

from kg import link

from kg.rdf import vocab
from kg.rdf.store import KnowledgeStore

_LABELS = "SELECT DISTINCT ?e ?l WHERE { ?e rdfs:label ?l }"
_LOST = "SELECT ?e (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c kg:loser ?e } GROUP BY ?e"
_WON = "SELECT ?e (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c kg:winner ?e } GROUP BY ?e"
_ENTITY = vocab.ID + "entity/"


@dataclass(frozen=True)
class Suggestion:
    """An entity a name may mean: its label, IRI, and the comparisons it
    loses and wins."""

    label: str
    iri: str
    lost: int
    won: int

    def __str__(self) -> str:
        counts = ", ".join(
            c for c in (f"beaten in {self.lost}" if self.lost else "", f"wins {self.won}" if self.won else "") if c
        )
        return f"{self.label} ({counts})" if counts else self.label


def _count(store: KnowledgeStore, sparql: str, iri: str) -> int:
    for sol in store.query(sparql, {"e": ox.NamedNode(iri)}):
        return int(sol["n"].value)
    return 0


def comparisons_won(store: KnowledgeStore, iri: str) -> int:
    """How many comparisons the entity ``iri`` wins (distinct kg:Comparison nodes)."""
    return _count(store, _WON, iri)


def suggest(
    store: KnowledgeStore, name: str, limit: int = 8, exclude: set[str] | None = None, close: bool = True
) -> list[Suggestion]:
    """Up to ``limit`` entities (not those in ``exclude``, IRIs) whose label
    contains ``name`` (folded), most often beaten first, then (with
    ``close``) those whose label resembles it (difflib ratio >= 0.7),
    closest first."""
    folded = link.fold(name)
    if not folded:
        return []
    exclude = exclude or set()
    labels: dict[str, str] = {}
    for sol in store.query(_LABELS):
        iri = sol["e"].value
        if iri.startswith(_ENTITY) and iri not in exclude:
            label = sol["l"].value
            if iri not in labels or label < labels[iri]:
                labels[iri] = label
    by_fold: dict[str, list[str]] = {}
    for iri, label in labels.items():
        by_fold.setdefault(link.fold(label), []).append(iri)
    containing = [iri for f, iris in by_fold.items() if folded in f for iri in iris]
    out = [Suggestion(labels[i], i, _count(store, _LOST, i), _count(store, _WON, i)) for i in containing[:200]]
    out.sort(key=lambda s: (-s.lost, -(s.lost + s.won), s.label.lower()))
    if close and len(out) < limit:
        close = difflib.get_close_matches(folded, list(by_fold), n=limit, cutoff=0.7)
        seen = {s.iri for s in out}
        for f in close:
            for i in by_fold[f]:
                if i not in seen:
                    seen.add(i)
                    out.append(Suggestion(labels[i], i, _count(store, _LOST, i), _count(store, _WON, i)))
    return out[:limit]


def did_you_mean(suggestions: list[Suggestion], lead: str = "did you mean: ") -> str:
    """``"; did you mean: A (beaten in 3), B?"`` or ``""``."""
    if not suggestions:
        return ""
    return f"; {lead}" + ", ".join(map(str, suggestions)) + ("?" if "mean" in lead else "")
