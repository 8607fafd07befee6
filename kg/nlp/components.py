"""What PaperKG's spaCy components share: the base class
:class:`MentionComponent` (``match()`` then ``set_annotations()``), and where
they get their data: functions registered in spaCy's ``misc`` registry, named
in a component's config as ``{"@misc": NAME, …}``.

* ``paperkg.gazetteer.v1``: a :class:`~kg.resources.Gazetteer` — the packaged
  one (no arguments), one loaded from a folder of gazetteer files (``path``),
  or one built from ``entries`` written as in the gazetteer files::

      nlp.add_pipe("paperkg_gazetteer", config={"gazetteer": {
          "@misc": "paperkg.gazetteer.v1",
          "entries": [{"name": "GPT-4o", "type": "Model", "aliases": ["GPT4o"]}]}})

* ``paperkg.patterns.v1``: the cue-word patterns — the packaged ones
  (``kg/data/patterns/*.json``, every group), or ``data``: a dict holding the
  keys the component reads::

      nlp.add_pipe("paperkg_hardware", config={"patterns": {
          "@misc": "paperkg.patterns.v1",
          "data": {"vendor_gpu_re": "(?P<vendor>Acme)\\s*GPUs?", "sensor_kind": ["RGB-D"], …}}})
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span
from spacy.util import registry

from kg.errors import DataError
from kg.model import Label
from kg.nlp.docview import set_mention_spans
from kg.resources import Gazetteer, check_regexes, gazetteer, patterns


class MentionComponent:
    """A pipeline component that marks mentions: ``component(doc)`` runs
    :meth:`match` (the Doc's mentions after this component, to be written by
    subclasses) and :meth:`set_annotations`, spaCy's two steps."""

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Span]:  # pragma: no cover - abstract
        """The Doc's mentions (``doc.spans["kg"]``) as this component leaves
        them: overlap-free, in file order. Changes nothing on the Doc but the
        :class:`~kg.nlp.docview.MentionInfo` of the spans it makes."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        """Make ``spans`` the Doc's mentions (they replace those set before)."""
        set_mention_spans(doc, spans)


# The labels of mentions as plain strings: spaCy makes a Span with a str
# label faster than with a Label member (a str subclass).
MODEL, METHOD, DATASET, BENCHMARK, METRIC, ACCELERATOR, DEVICE = (
    Label.MODEL.value,
    Label.METHOD.value,
    Label.DATASET.value,
    Label.BENCHMARK.value,
    Label.METRIC.value,
    Label.ACCELERATOR.value,
    Label.DEVICE.value,
)

PACKAGED_GAZETTEER = {"@misc": "paperkg.gazetteer.v1"}
PACKAGED_PATTERNS = {"@misc": "paperkg.patterns.v1"}


@registry.misc("paperkg.gazetteer.v1")
def load_gazetteer(
    path: str | None = None,
    entries: list[dict[str, Any]] | None = None,
    generic_terms: list[str] | None = None,
    common_words: list[str] | None = None,
) -> Gazetteer:
    """The gazetteer a component matches with: built from ``entries`` (with
    ``generic_terms`` and ``common_words``, as in ``generic.json``) when given,
    else loaded from the folder ``path``, else the packaged one (shared, loaded
    once per process). Raises DataError for invalid data."""
    if entries is not None:
        return Gazetteer.from_entries(entries, generic_terms or [], common_words or [], source="gazetteer entries")
    if generic_terms is not None or common_words is not None:
        raise DataError("gazetteer: generic_terms and common_words are read only with entries")
    return Gazetteer.load(Path(path)) if path else gazetteer()


@registry.misc("paperkg.patterns.v1")
def load_cue_patterns(data: dict[str, Any] | None = None) -> dict[str, Any]:
    """The cue-word patterns ``data`` when given (keys as in the files of
    ``kg/data/patterns/``; only those the component reads are needed), else
    the packaged ones of every group. Raises DataError for an invalid
    packaged file or a regular expression that does not compile."""
    return patterns() if data is None else check_regexes(data, "patterns data")


def require(data: dict[str, Any], keys: tuple[str, ...], component: str) -> dict[str, Any]:
    """Return ``data`` when it holds every key of ``keys``, else raise
    DataError naming the component and the missing keys."""
    missing = [k for k in keys if k not in data]
    if missing:
        raise DataError(f"{component}: patterns lack {', '.join(missing)}")
    return data
