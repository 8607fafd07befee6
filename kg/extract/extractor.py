"""Extraction: one :class:`~kg.model.Paper` -> one extraction record (a dict).

The record is plain JSON (validated against
``kg/data/schemas/record.schema.json`` before mapping) and holds keys, not
IRIs; :mod:`kg.rdf.mapping` turns it into quads.  Every fact carries the
report file and the 1-based line of its evidence sentence.

Record shape::

    {"paper": {...Paper fields...},
     "fields": [{"label": str, "line": int}],
     "entities": [{"key", "name", "type", "aliases", "role": "proposes"|"uses"|"compared",
                   "line", "lower_is_better"?, "vendor"?}],
     "hardware": [{"key", "count": int|None, "line", "evidence"}],
     "comparisons": [{"winner", "loser", "dataset"|None, "metric"|None,
                      "winner_score"|None, "loser_score"|None, "unit"|None,
                      "cue", "evidence", "line", "section"}],
     "results": [{"system", "dataset"|None, "metric"|None, "value", "unit"|None,
                  "raw", "evidence", "line", "section"}]}

Stages, each a module with one job, run in this order over one paper by
:class:`Extractor`:

1. the spaCy pipeline marks mentions (:mod:`kg.nlp.pipeline`), refined
   across spans by :mod:`kg.extract.span_passes` and
   :mod:`kg.extract.hardware_use`;
2. entities: :mod:`kg.extract.entities` (mentions -> candidate entities);
3. proposals: :mod:`kg.extract.proposals` (what the paper introduces, its
   own system);
4. comparisons and results: :mod:`kg.extract.comparisons` with the
   sentence rules of :mod:`kg.extract.relations` and
   :mod:`kg.extract.results`;
5. slot checks and selection: :mod:`kg.extract.claims`,
   :mod:`kg.extract.selection` (which entities the record keeps);
6. hardware use (:mod:`kg.extract.hardware_use`) and the paper's fields
   (:mod:`kg.extract.paper_fields`).

Why each name was kept or dropped is in :mod:`kg.extract.decisions`.
"""

from __future__ import annotations

import os
from collections import Counter

import jsonschema

from spacy.tokens import Doc

from kg.extract import claims, model_sizes, span_passes
from kg.extract.comparisons import RESULT_SECTIONS, ComparisonStage
from kg.extract.decisions import DecisionLog
from kg.extract.entities import EntityStage
from kg.extract.title_forms import title_names
from kg.extract.hardware_use import HardwareReader
from kg.extract.mentions import span_key
from kg.extract.paper_fields import field_labels, paper_dict
from kg.extract.proposals import ProposalStage, main_system
from kg.extract.relations import RelationRules
from kg.extract.selection import select_entities
from kg.link import entity_key
from kg.model import Paper, Section
from kg.nlp.evidence import blank_markdown
from kg.nlp.pipeline import build_pipeline, mention_spans
from kg.resources import gazetteer, pattern_group, schema

ENTITY_SECTIONS = {"contribution", "usage", "innovations", "results", "abstract", "analysis", "key_findings"}

#: environment variable that turns on record validation (see :class:`Extractor`)
CHECK_RECORDS_ENV = "PAPERKG_CHECK_RECORDS"


def check_records_requested() -> bool:
    """True when ``PAPERKG_CHECK_RECORDS`` is set to 1/true/yes."""
    return os.environ.get(CHECK_RECORDS_ENV, "").strip().lower() in ("1", "true", "yes")


class Extractor:
    """Runs the spaCy pipeline and the extraction stages over papers.

    ``extract(paper)`` returns the record described in the module docstring.
    After it, ``log`` is the paper's :class:`~kg.extract.decisions.DecisionLog`
    (why each name and comparison was kept or dropped; ``dropped``, ``kept``
    and ``dropped_comparisons`` read it) and ``annotated`` the (section,
    spaCy Doc) pairs it read, mentions in ``doc.spans["kg"]`` with offsets
    into ``section.text`` (for ``kg explain``).
    With ``check_records`` every record is validated against
    ``kg/data/schemas/record.schema.json``, and every system and dataset
    slot of a comparison or result must name an entity of the record; a record that breaks either raises
    ``jsonschema.ValidationError`` (a bug, never an input problem).  The
    check costs about a quarter of the extraction time, so it is off unless
    asked for: ``check_records=True``, ``kg build --check-records``, or the
    environment variable ``PAPERKG_CHECK_RECORDS=1`` (the test suite sets it,
    so every record the tests extract is validated).
    """

    def __init__(self, check_records: bool | None = None):
        self.nlp = build_pipeline()
        self.gaz = gazetteer()
        comparison, roles = pattern_group("comparison"), pattern_group("roles")
        self.rules = RelationRules(comparison)
        if check_records is None:
            check_records = check_records_requested()
        self.validator = jsonschema.Draft202012Validator(schema("record")) if check_records else None
        self.hw = HardwareReader(pattern_group("hardware"))
        self.entity_stage = EntityStage(self.gaz, {**pattern_group("entity_typing"), **roles}, self.hw)
        self.proposal_stage = ProposalStage(roles)
        self.comparison_stage = ComparisonStage(self.rules, comparison)
        self.log = DecisionLog()
        self.annotated: list[tuple[Section, Doc]] = []

    @property
    def dropped(self) -> dict[str, dict]:
        """Names dropped in the last paper: key -> {"name", "rule", "line"?}."""
        return self.log.dropped

    @property
    def kept(self) -> dict[str, str]:
        """Names kept in the last paper: key -> the evidence that kept it."""
        return self.log.kept

    @property
    def dropped_comparisons(self) -> list[dict]:
        """Comparison records of the last paper folded or dropped, with their rule."""
        return self.log.dropped_comparisons

    def extract(self, paper: Paper) -> dict:
        """The extraction record of ``paper`` (see the module docstring)."""
        log = self.log = DecisionLog()
        sections = [s for s in paper.sections if s.key in ENTITY_SECTIONS]
        docs = self._docs(sections)
        self.annotated = list(zip(sections, docs))
        titled = title_names(paper.title, self.gaz)
        mentions = [(sec, span) for sec, doc in zip(sections, docs) for span in mention_spans(doc)]
        keys = [span_key(span) for _, span in mentions]  # the linking key of every mention

        found = self.entity_stage.run(paper, mentions, keys, titled, log)
        entities = found.by_key
        proposed = self.proposal_stage.run(paper, sections, docs, entities, titled, found.concepts)
        for key in proposed:
            entities[key]["role"] = "proposes"
        in_results = Counter(key for (sec, _), key in zip(mentions, keys) if sec.key in RESULT_SECTIONS)
        main = main_system(entities, proposed, in_results)
        span_passes.complete_mentions(docs, entities, self.gaz)

        compared = self.comparison_stage.run(sections, docs, entities, main, found.gloss_only, log, found.concepts)
        claims.types_from_use(entities, compared.comparisons, compared.results)
        comparisons = claims.system_slots(
            entities, compared.comparisons, main, compared.as_metric, log.dropped_comparisons
        )
        title_keys = {entity_key(n) for n in titled}
        results = select_entities(found, proposed, comparisons, compared.results, title_keys, log)

        record = {
            "paper": paper_dict(paper),
            "fields": field_labels(paper),
            "entities": sorted(entities.values(), key=lambda e: (e["line"], e["key"])),
            "hardware": self.hw.records(mentions),
            "comparisons": comparisons,
            "results": results,
        }
        if self.validator is not None:
            self.validator.validate(record)
            _check_references(record)
        return record

    def _docs(self, sections: list[Section]) -> list[Doc]:
        """spaCy Docs of ``sections`` (Markdown blanked), with the
        cross-span refinements (device model numbers, versions) applied."""
        docs = list(self.nlp.pipe(blank_markdown(s.text) for s in sections)) if sections else []
        self.hw.extend_devices(docs)
        span_passes.drop_possessives(docs)
        span_passes.join_versions(docs)
        span_passes.join_math_prefixes(docs)
        model_sizes.name_sizes(docs)
        span_passes.join_composites(docs)
        span_passes.join_metric_qualifiers(docs)
        return docs


def _check_references(record: dict) -> None:
    """Raise ``jsonschema.ValidationError`` when a comparison's winner, loser
    or dataset, or a result's system or dataset, names no entity of
    ``record`` (a bug: the graph would get an unlabelled entity; a metric
    may be a name the record keeps only as the measure of a row)."""
    keys = {e["key"] for e in record["entities"]}
    for row in record["comparisons"]:
        for slot in ("winner", "loser", "dataset"):
            if row.get(slot) is not None and row[slot] not in keys:
                raise jsonschema.ValidationError(f"comparison {slot} {row[slot]!r} names no entity of the record")
    for row in record["results"]:
        for slot in ("system", "dataset"):
            if row.get(slot) is not None and row[slot] not in keys:
                raise jsonschema.ValidationError(f"result {slot} {row[slot]!r} names no entity of the record")
