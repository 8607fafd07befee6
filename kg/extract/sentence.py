"""The vocabulary of the sentence rules: a mention inside one sentence, a
score stated for a system, a comparison found, and the label sets they test.

Offsets are character offsets into the sentence; values are linking keys,
never IRIs.  :mod:`kg.extract.sentence_mentions` builds the mentions,
:class:`~kg.extract.relations.RelationRules` returns the other two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from kg.model import Label

SYSTEM_LABELS = frozenset(label for label in Label if label.is_system)
#: loser placeholder for "outperforms all baselines": the extractor replaces
#: it by the named baselines of the paper
BASELINES = "\x00baselines"
DATASET_LABELS = frozenset(label for label in Label if label.is_dataset)


@dataclass
class Mention:
    """An entity mention inside one sentence (character offsets in it)."""

    start: int
    end: int
    key: str
    label: str
    proposed: bool = False
    lower_is_better: bool | None = None
    topic: bool = False  # a bullet's lead label (``**X**：``), not a subject

    @property
    def is_system(self) -> bool:
        return self.label in SYSTEM_LABELS or (
            self.proposed and self.label not in DATASET_LABELS and self.label != Label.METRIC
        )


@dataclass
class Stated:
    """A score stated for one system in a sentence (keys, not IRIs)."""

    system: str
    value: float
    unit: str | None
    raw: str


@dataclass
class Found:
    """A comparison found in a sentence (keys, not IRIs)."""

    winner: str
    loser: str
    datasets: list[str] = field(default_factory=list)
    metric: str | None = None
    winner_score: float | None = None
    loser_score: float | None = None
    unit: str | None = None
    cue: str = ""
    at: int = 0  # offset of the cue in the sentence (picks the datasets of its clause)
    fallback: str | None = None  # a described loser for 'the X baseline' when the paper names no baselines
    span: tuple[int, int] | None = None  # the clause it is stated in, when its datasets are only those there
