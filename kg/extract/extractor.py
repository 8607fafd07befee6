"""Extraction: one :class:`~kg.model.Paper` -> one extraction record (a dict).

The record is plain JSON (validated against
``kg/data/schemas/record.schema.json`` before mapping) and holds keys, not
IRIs; :mod:`kg.rdf.mapping` turns it into quads.  Every fact carries the
report file and the 1-based line of its evidence sentence.

Record shape::

    {"paper": {...Paper fields...},
     "fields": [{"label": str, "line": int}],
     "entities": [{"key", "name", "type", "aliases", "role": "proposes"|"uses",
                   "line", "lower_is_better"?, "vendor"?}],
     "hardware": [{"key", "count": int|None, "line", "evidence"}],
     "comparisons": [{"winner", "loser", "dataset"|None, "metric"|None,
                      "winner_score"|None, "loser_score"|None, "unit"|None,
                      "cue", "evidence", "line", "section"}],
     "results": [{"system", "dataset"|None, "metric"|None, "value", "unit"|None,
                  "raw", "evidence", "line", "section"}]}

Steps, each in its own module: the spaCy pipeline marks mentions
(:mod:`kg.nlp.pipeline`); :mod:`kg.extract.mentions` refines them across sentences; this
module collects entities, decides what the paper proposes and assembles
comparisons and results from the sentence rules of :mod:`kg.extract.relations`,
with :mod:`kg.nlp.outline` for the datasets a sentence inherits and
:mod:`kg.extract.hardware_use` for hardware and counts.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import fields

import jsonschema

from kg.extract import claims
from kg.extract import mentions as mention_rules
from kg.extract import negative, sentence_mentions, span_passes
from kg.nlp.cues import cue_regex
from kg.nlp.evidence import blank_markdown, clean_sentence
from kg.extract.hardware_use import HardwareReader
from kg.link import entity_key, fold
from kg.extract.mentions import HARDWARE_LABELS, is_lead_label, span_key
from kg.model import Paper, Section
from kg.nlp.pipeline import (
    build_pipeline,
    mention_info,
    mention_spans,
    name_shape,
    plain_sentences,
    sentence_of,
    span_text,
)
from kg.nlp.outline import DatasetContext, names_own_set, outline_level
from kg.extract.relations import BASELINES, DATASET_LABELS, Found, RelationRules
from kg.resources import gazetteer, patterns, schema

ENTITY_SECTIONS = {"contribution", "usage", "innovations", "results", "abstract", "analysis", "key_findings"}
_TASK_AFTER_RE = re.compile(r"[\s*]*(?:子任务|任务|tasks?\b|subtasks?\b|setting)", re.IGNORECASE)
_TITLE_NAME_RE = re.compile(r"^\s*([^:：?？]{1,40}?)\s*[:：]\s+\S")
_TITLE_PAREN_RE = re.compile(r"[(（]\s*([A-Za-z][\w\-.]{1,20})\s*[)）]")
_FIELD_SPLIT_RE = re.compile(r"[/、，,；;]\s*(?![^()（）]*[)）])")


#: environment variable that turns on record validation (see :class:`Extractor`)
CHECK_RECORDS_ENV = "PAPERKG_CHECK_RECORDS"


def check_records_requested() -> bool:
    """True when ``PAPERKG_CHECK_RECORDS`` is set to 1/true/yes."""
    return os.environ.get(CHECK_RECORDS_ENV, "").strip().lower() in ("1", "true", "yes")


class Extractor:
    """Runs the spaCy pipeline and the relation rules over papers.

    ``extract(paper)`` returns the record described in the module docstring.
    With ``check_records`` every record is validated against
    ``kg/data/schemas/record.schema.json`` and a record that breaks it raises
    ``jsonschema.ValidationError`` (a bug, never an input problem).  The
    check costs about a quarter of the extraction time, so it is off unless
    asked for: ``check_records=True``, ``kg build --check-records``, or the
    environment variable ``PAPERKG_CHECK_RECORDS=1`` (the test suite sets it,
    so every record the tests extract is validated).
    """

    def __init__(self, check_records: bool | None = None):
        self.nlp = build_pipeline()
        self.gaz = gazetteer()
        self.pats = patterns()
        self.rules = RelationRules(self.pats)
        if check_records is None:
            check_records = check_records_requested()
        self.validator = jsonschema.Draft202012Validator(schema("record")) if check_records else None
        self._propose = cue_regex(self.pats["propose"])
        self._use_marker = cue_regex(self.pats["use_marker"])
        # anywhere in a word, a space matching any whitespace run (a phrase broken over lines)
        self._baseline_ctx = cue_regex(self.pats["baseline_context"], boundaries=False)
        self._universal = cue_regex(self.pats["universal"])
        self._head_cues = mention_rules.head_cues(self.pats)
        self.hw = HardwareReader(self.pats)

    # -- entry point --------------------------------------------------------
    def extract(self, paper: Paper) -> dict:
        self.dropped = {}
        self.dropped_comparisons = []
        self.kept = {}
        self._as_metric: set[str] = set()  # keys a sentence lists among metrics
        sections = [s for s in paper.sections if s.key in ENTITY_SECTIONS]
        docs = self._docs(sections)
        title_names = self._title_names(paper.title)
        title_keys = {entity_key(n) for n in title_names}
        mentions: list[tuple[Section, object]] = []  # (section, span)
        for sec, doc in zip(sections, docs):
            for span in mention_spans(doc):
                mentions.append((sec, span))

        keys = [span_key(span) for _, span in mentions]  # the linking key of every mention
        entities, gloss_only, weak = self._entities(paper, mentions, keys, title_names)
        proposed = self._proposed(paper, sections, docs, entities, title_names)
        for key in proposed:
            entities[key]["role"] = "proposes"
        in_results = Counter(
            key for (sec, _), key in zip(mentions, keys) if sec.key in ("results", "analysis", "key_findings")
        )
        main = self._main_system(entities, proposed, in_results)
        span_passes.complete_mentions(docs, entities, self.gaz)
        comparisons, results = self._comparisons(sections, docs, entities, main, gloss_only)
        _types_from_use(entities, comparisons, results)
        comparisons = claims.system_slots(entities, comparisons, main, self._as_metric, self.dropped_comparisons)
        # a translation gloss (直接监督微调（Direct SFT）) is an entity only when the
        # paper proposes it, uses it outside a gloss, or compares with or on it
        compared = {c[k] for c in comparisons for k in ("winner", "loser", "dataset", "metric")}
        compared |= {r["metric"] for r in results}
        dropped = gloss_only - set(proposed) - compared
        for key in gloss_only & dropped:
            self._drop(key, entities[key]["name"], "gloss only")
        roles = {c[k] for c in comparisons for k in ("winner", "loser", "dataset")} | set(proposed)
        for key, ent in entities.items():
            if key in roles:
                continue
            if negative.used_only([ent["name"], *ent["aliases"]]):
                dropped.add(key)
                self._drop(key, ent["name"], "used only")
            elif key in weak:
                dropped.add(key)
                self._drop(key, ent["name"], "no evidence")
        for key in dropped:
            entities.pop(key, None)
        results = [
            dict(r, dataset=None if r["dataset"] in dropped else r["dataset"])
            for r in results
            if r["system"] not in dropped
        ]
        self.dropped = {k: d for k, d in self.dropped.items() if k not in entities}  # kept by another mention
        self.kept = {
            key: claims.why_kept(ent, key in roles, self.kept.get(key) or ("title name" if key in title_keys else ""))
            for key, ent in entities.items()
        }
        hardware = self.hw.records(mentions)
        record = {
            "paper": _paper_dict(paper),
            "fields": self._fields(paper),
            "entities": sorted(entities.values(), key=lambda e: (e["line"], e["key"])),
            "hardware": hardware,
            "comparisons": comparisons,
            "results": results,
        }
        if self.validator is not None:
            self.validator.validate(record)
        return record

    def annotate(self, paper: Paper) -> list[tuple[Section, object]]:
        """(section, spaCy Doc) for every section the extractor reads; the
        mentions are ``doc.spans["kg"]`` with offsets into ``section.text``."""
        sections = [s for s in paper.sections if s.key in ENTITY_SECTIONS]
        return list(zip(sections, self._docs(sections)))

    def _docs(self, sections: list[Section]) -> list:
        """spaCy Docs of ``sections`` (Markdown blanked), with the
        cross-span refinements (device model numbers, versions) applied."""
        docs = list(self.nlp.pipe(blank_markdown(s.text) for s in sections)) if sections else []
        self.hw.extend_devices(docs)
        span_passes.join_versions(docs)
        span_passes.join_math_prefixes(docs)
        span_passes.name_sizes(docs)
        span_passes.join_composites(docs)
        return docs

    # -- entities -------------------------------------------------------------
    def _drop(self, key: str, name: str, rule: str, sec: Section | None = None, span=None) -> None:
        """Note why the name ``key`` is no entity (first reason per key):
        ``self.dropped[key]`` = {"name", "rule", "line", "evidence"}.  After
        :meth:`extract`, ``self.kept[key]`` says why each entity was kept
        (proposed, compared, gazetteer entry, typing suffix or cue word, name
        shape, results-bullet topic, title name) and
        ``self.dropped_comparisons`` lists the comparison records folded into
        another (with their ``rule``)."""
        if key in self.dropped:
            return
        line = evidence = None
        if sec is not None and span is not None:
            sent = sentence_of(span)
            line, evidence = sec.line_of(sent.start_char), clean_sentence(sent.text)[:200]
        self.dropped[key] = {"name": name, "rule": rule, "line": line, "evidence": evidence}

    def _title_names(self, title: str) -> list[str]:
        """Names a title announces: ``VA-π: …`` and ``… (LIVR)``."""
        names = []
        m = _TITLE_NAME_RE.match(title)
        if m:
            cand = m.group(1).strip()
            words = cand.split()
            if (
                (len(words) == 1 or any(name_shape(w) in ("strong", "acronym") for w in words))
                and not self.gaz.is_generic(cand)
                and len(words) <= 4
            ):
                names.append(cand)
        names += [
            p
            for p in _TITLE_PAREN_RE.findall(title)
            if name_shape(p) in ("strong", "acronym") and not self.gaz.is_generic(p)
        ]
        return names

    def _entities(
        self, paper: Paper, mentions, keys: list[str], title_names
    ) -> tuple[dict[str, dict], set[str], set[str]]:
        """(entities by key, keys named only in translation glosses, keys
        without evidence) of the paper's mentions ((section, span) pairs;
        ``keys`` their linking keys) and title names.  A name has evidence of
        what it is when one of its mentions is in the gazetteer, typed by a
        suffix or cue word, name-shaped (a digit, inner capitals, an
        acronym) or the topic of a results bullet; plain capitalised words
        (``Frozen``, ``Capacity Scaling``) have none and stay entities only
        with a role (see :meth:`extract`)."""
        by_key: dict[str, dict] = {}
        surfaces: dict[str, Counter] = defaultdict(Counter)
        types: dict[str, Counter] = defaultdict(Counter)
        gloss_only: set[str] = set()
        plain: set[str] = set()
        evidenced: set[str] = {entity_key(n) for n in title_names}
        authors = {fold(a) for a in paper.authors}
        prev = prev_key = None
        for (sec, span), key in zip(mentions, keys):
            info = mention_info(span)
            entry, source, name, decided = info.entry, info.source, info.name, info.decided
            label, surface = span.label_, span_text(span)
            before, before_key = (prev, prev_key) if prev is not None and prev.doc is span.doc else (None, None)
            prev, prev_key = span, key
            if (entry is None and fold(surface) in authors) or mention_rules.in_author_name(span, paper.authors):
                continue  # an author's name (arXiv analyses repeat the author list; 'Yi' of 'Yi Jiang')
            if not key or self.gaz.is_generic(surface) or mention_rules.not_a_name(span):
                continue
            why = negative.rejection(span, entry is not None or name is not None, self.gaz, paper.authors)
            if why:
                self._drop(key, surface, why, sec, span)
                continue
            if entry is None and mention_rules.in_expansion(span):
                continue  # 'Visual AutoRegressive modeling (VAR)': a word of VAR's expansion
            metric_shape = entry is None and negative.metric_variant(surface, self.gaz)
            if metric_shape:
                label, decided = "Metric", True  # 'rFID': a prefixed known metric
                types[key]["Metric"] += 10
            if source == "gloss":
                if before is not None and mention_rules.expands(before, span):
                    # 'RTC（Real-Time Chunking）': the spelled-out name is an alias
                    surfaces[before_key][surface] += 1
                    continue
                if before is not None and mention_rules.glosses(before, span):
                    head = before.label_  # '正确率（Execution Correctness）' translates a metric
                else:
                    head = mention_rules.gloss_head_type(span, self._head_cues)
                if head:
                    label = head
                    types[key][label] += 3
            if (
                entry is None
                and sec.key == "results"
                and label not in HARDWARE_LABELS
                and (not decided or source == "gloss")
                and self._in_bullet_header(sec, span)
            ):
                label = "Dataset"  # '**对抗性任务 (Conditional Keeper Burglar)**：' names an evaluation
                plain.add(key)
                types[key][label] += 3
            surfaces[key][surface] += 1
            if name:
                surfaces[key][name] += 2
            long_form = mention_rules.acronym_long_form(span) if entry is None else None
            if long_form and entity_key(long_form) != key:
                surfaces[key][long_form] += 1  # 'Branch-and-Bound (BnB)': a definition, its long form an alias
                source = "definition" if source == "gloss" else source
                self.kept.setdefault(key, "acronym definition")
                evidenced.add(key)
            if label in HARDWARE_LABELS:
                for form in self.hw.forms(span, entry):
                    surfaces[key][form] += 1
            if label == "Device" and entry is None:
                cue = self.hw.device_cue(span)
                if cue:
                    surfaces[key][f"{surface} {cue}"] += 1
            if entry is None and not decided and sec.key == "results" and is_lead_label(span):
                label = "Dataset"  # the topic of a results bullet: a benchmark or setting
                types[key][label] += 3
            types[key][label] += 10 if entry else (3 if decided else 1)
            why = (
                "gazetteer entry"
                if entry
                else "metric shape"
                if metric_shape
                else "results-bullet topic"
                if label != span.label_
                else "typing suffix or cue word"
                if decided and source != "gloss"
                else "name shape"
                if negative.name_shaped(surface)
                else None
            )
            if why:
                evidenced.add(key)
                self.kept.setdefault(key, why)
            if source == "gloss":
                gloss_only.add(key)
            else:
                plain.add(key)
            if key not in by_key:
                sent = sentence_of(span)
                by_key[key] = {
                    "key": key,
                    "name": entry.name if entry else name,
                    "type": label,
                    "aliases": [],
                    "role": "uses",
                    "line": sec.line_of(sent.start_char),
                    "evidence": clean_sentence(sent.text)[:400] or surface,
                    "section": sec.key,
                }
                if entry and entry.lower_is_better is not None:
                    by_key[key]["lower_is_better"] = entry.lower_is_better
                if entry and entry.vendor:
                    by_key[key]["vendor"] = entry.vendor
        gloss_only -= plain
        for name in title_names:
            key = entity_key(name)
            surfaces[key][name] += 1
            if key not in by_key:
                entry = self.gaz.lookup(name)
                by_key[key] = {
                    "key": key,
                    "name": entry.name if entry else None,
                    "type": entry.type if entry else "Method",
                    "aliases": [],
                    "role": "uses",
                    "line": paper.start_line,
                    "evidence": paper.title,
                    "section": "title",
                }
        for key, ent in by_key.items():
            if types[key]:
                ent["type"] = _pick_type(types[key])
            forms = [s for s, _ in surfaces[key].most_common()]
            if ent["name"] is None:
                ent["name"] = forms[0]
            ent["aliases"] = sorted({f for f in forms if f != ent["name"]})
        return by_key, gloss_only, set(by_key) - evidenced

    def _proposed(self, paper, sections, docs, entities, title_names) -> list[str]:
        """Keys of what the paper itself introduces, in order of evidence:
        names its title announces, then new names after a propose cue
        (提出/构建/名为/we propose …) with no use marker (基于/利用/如/using …)
        in between.  In the one-sentence contribution and the abstract every
        such name counts; elsewhere only the first one after each cue."""
        out = [entity_key(n) for n in title_names]
        title_words = {w.casefold() for w in re.split(r"[\s:：,，?？!！]+", paper.title) if w}
        folded_title = fold(paper.title)

        def titled(name: str) -> bool:
            return fold(name) in folded_title or name.split()[0].casefold() in title_words

        for key in out:
            if key in entities:
                entities[key].update(line=paper.start_line, evidence=paper.title, section="title")
        for sec, doc in zip(sections, docs):
            if sec.key == "innovations":
                for span in mention_spans(doc):
                    if (
                        mention_info(span).entry is None
                        and span.label_ != "Metric"
                        and self._in_bullet_header(sec, span)
                    ):
                        key = span_key(span)
                        if key in entities and key not in out:
                            entities[key].update(
                                line=sec.line_of(span.start_char),
                                section=sec.key,
                                evidence=clean_sentence(sentence_of(span).text)[:400],
                            )
                            out.append(key)
            everywhere = sec.key in ("contribution", "abstract")
            spans = None  # the Doc's spans, sorted by start, read on first need
            for sent in plain_sentences(doc):
                text = sent.text
                cues = list(self._propose.finditer(text))
                if not cues:
                    continue
                if spans is None:
                    spans = mention_spans(doc)
                    starts = [sp.start for sp in spans]
                taken_after: set[int] = set()
                for span in sentence_mentions.spans_within(spans, starts, sent):
                    if mention_info(span).entry is not None and not (
                        mention_rules.defines_acronym(span) or titled(span_text(span))
                    ):
                        continue  # a known name is used, unless defined here ('We present … (VAR)')
                        # or named by the title ('发布了 Mixtral 8x7B' in 'Mixtral of Experts')
                    if span.label_ == "Metric":
                        continue
                    rel = span.start_char - sent.start_char
                    before = [c for c in cues if c.end() <= rel]
                    if not before:
                        continue
                    cue = before[-1]
                    gap = text[cue.end() : rel]
                    if self._use_marker.search(text[cue.start() : rel]):
                        continue
                    if not everywhere and (len(gap) > 40 or id(cue) in taken_after or re.search(r"[，,；;]", gap)):
                        continue  # only the first name right after the cue, in its clause
                    taken_after.add(id(cue))
                    key = span_key(span)
                    if key in entities:
                        if key not in out:
                            entities[key].update(
                                line=sec.line_of(sent.start_char), section=sec.key, evidence=clean_sentence(text)[:400]
                            )
                        out.append(key)
        return [k for k in dict.fromkeys(out) if k in entities]

    def _in_bullet_header(self, sec: Section, span) -> bool:
        """True when ``span`` sits in the bold header of a list item
        (``1. **累积误差反馈机制 (Accumulated Error Feedback)**：…``) — in the
        innovations section such a header names a contribution of the paper —
        with no use marker (基于, 引入 …) before it in the header."""
        text = sec.text
        start = text.rfind("\n", 0, span.start_char) + 1
        line = text[start : text.find("\n", start) if "\n" in text[start:] else len(text)]
        m = re.match(r"\s*(?:[*+\-]|\d+\.)\s+\*\*(?P<head>[^*]+?)\s*(?:\*\*\s*[:：]|[:：]\s*\*\*)", line)
        if not m:
            return False
        head_start, head_end = start + m.start("head"), start + m.end("head")
        if not (head_start <= span.start_char and span.end_char <= head_end):
            return False
        return not self._use_marker.search(text[head_start : span.start_char])

    @staticmethod
    def _main_system(entities, proposed, in_results: Counter) -> str | None:
        """The paper's own system: among proposed models/methods, the one
        its title or one-sentence contribution names, else the one the results
        mention most (``in_results``: mentions per key); ties go to the first
        proposed."""
        cands = [k for k in proposed if entities[k]["type"] in ("Model", "Method")]
        if not cands:
            return None

        def weight(k):
            sec = entities[k]["section"]
            return (
                (sec == "title") * 100 + (sec in ("contribution", "abstract")) * 10 + in_results.get(k, 0),
                -cands.index(k),
            )

        return max(cands, key=weight)

    # -- comparisons ------------------------------------------------------------
    def _comparisons(self, sections, docs, entities, main, gloss_only) -> tuple[list[dict], list[dict]]:
        """(comparison records, result records) of the paper's sentences;
        ``main`` is the key of its own system (or None), ``gloss_only`` the keys
        named only in glosses (never inherited as a sentence's dataset)."""
        per_sentence = []  # (section, sentence, mentions)
        baselines: list[str] = []
        for sec, doc in zip(sections, docs):
            spans = mention_spans(doc)
            starts = [sp.start for sp in spans]
            for sent in plain_sentences(doc):
                if not sent.text.strip():
                    continue
                ms = sentence_mentions.sentence_mentions(sent, spans, starts, entities)
                per_sentence.append((sec, sent, ms))
                self._as_metric |= {m.key for m in ms if m.label == "Metric" and entities[m.key]["type"] != "Metric"}
                cue = self._baseline_ctx.search(sent.text)
                if cue:
                    baselines += [m.key for m in ms if m.is_system and not m.proposed and m.start >= cue.start()]
        baselines = list(dict.fromkeys(baselines))
        # a paper that introduces one benchmark reports its results on it unless a sentence says otherwise
        own_sets = [k for k, e in entities.items() if e["role"] == "proposes" and e["type"] in DATASET_LABELS]
        own_benches = [k for k in own_sets if entities[k]["type"] == "Benchmark"]
        own_set = own_sets[0] if len(own_sets) == 1 else (own_benches[0] if len(own_benches) == 1 else None)

        best: dict[tuple, dict] = {}
        last = None  # the previous sentence with comparisons: (section, line, level, found)
        results: dict[tuple, dict] = {}
        context = DatasetContext()
        pending: list[tuple] = []  # (section, line, key in best) of comparisons with no dataset
        for sec, sent, ms in per_sentence:
            line = sec.line_of(sent.start_char)
            here = [m.key for m in ms if m.label in DATASET_LABELS]
            # a gloss-only name (简单任务（L1）) is a dataset of its own sentence, not of those below it
            inherited = context.update(sec, line, [k for k in here if k not in gloss_only])
            if here and pending:
                # 'A 优于 B。例如，A 在 GSM8K 上达到 …': the next sentence of the
                # same line that names both systems tells where
                named = {m.key for m in ms}
                for psec, pline, k in pending:
                    rec = best.get(k)
                    if (
                        psec is sec
                        and pline == line
                        and rec is not None
                        and {rec["winner"], rec["loser"]} <= named | {main}
                    ):
                        del best[k]
                        for d in here[:3]:
                            best.setdefault((k[0], k[1], d), dict(rec, dataset=d))
            pending = []
            metric = next((m.key for m in ms if m.label == "Metric"), None)
            stated = self.rules.scores(sent.text, ms)
            found = self.rules.find(sent.text, ms, main)
            if not found and here:
                found = self._ellipsis(sec, line, sent.text, ms, last, here)
            evidence = clean_sentence(sent.text)[:400] if stated or found else ""
            for st in stated:
                d = (here or inherited or [None])[0]
                k = (st.system, d, metric, st.value)
                if k not in results:
                    results[k] = {
                        "system": st.system,
                        "dataset": d,
                        "metric": metric,
                        "value": st.value,
                        "unit": st.unit,
                        "raw": st.raw,
                        "evidence": evidence,
                        "line": line,
                        "section": sec.key,
                    }
            if found:
                last = (sec, line, outline_level(sec, line), found, sent.text)
            if not here and names_own_set(sent.text):
                inherited = []  # '在包含 4,670 个句子的人工标注集上': its own, unnamed dataset
            if len(inherited) > 1 and not self._universal.search(sent.text):
                inherited = inherited[:1]  # one of the datasets named above, unless 'on all of them'
            named_here = {m.key for m in ms}
            # 'V2V 任务上': a task label, not a dataset, when a named dataset is inherited
            tasks = {m.key for m in ms if m.label in DATASET_LABELS and _TASK_AFTER_RE.match(sent.text, m.end)}
            for f in found:
                if f.datasets and set(f.datasets) <= tasks and [d for d in inherited if d not in tasks]:
                    f.datasets = [d for d in inherited if d not in tasks]
                # 'the (other) baselines': the paper's compared systems, not those this sentence names
                losers = (
                    [b for b in baselines if b != f.winner and b not in named_here]
                    if f.loser == BASELINES
                    else [f.loser]
                )
                for loser in losers:
                    default = own_set if sec.key in ("results", "analysis", "key_findings") else None
                    for d in f.datasets or inherited or [default]:
                        rec = {
                            "winner": f.winner,
                            "loser": loser,
                            "dataset": d,
                            "metric": f.metric,
                            "winner_score": f.winner_score,
                            "loser_score": f.loser_score,
                            "unit": f.unit,
                            "cue": f.cue,
                            "evidence": evidence,
                            "line": line,
                            "section": sec.key,
                        }
                        k = (f.winner, loser, d)
                        old = best.get(k)
                        if old is None or _richness(rec) > _richness(old):
                            best[k] = rec
                        if d is None:
                            pending.append((sec, line, k))
                        for sys_key, value in ((f.winner, f.winner_score), (loser, f.loser_score)):
                            if value is not None and not any(
                                r["system"] == sys_key and r["value"] == value for r in results.values()
                            ):
                                results[(sys_key, d, f.metric, value)] = {
                                    "system": sys_key,
                                    "dataset": d,
                                    "metric": f.metric,
                                    "value": value,
                                    "unit": f.unit,
                                    "raw": f"{value}{f.unit or ''}",
                                    "evidence": rec["evidence"],
                                    "line": line,
                                    "section": sec.key,
                                }
        # a dataset-less statement of a pair that is also stated on named
        # datasets summarises those: it is not one more comparison
        # as is the paper's own system's dataset-less win over a loser that
        # one of its variants or base models beats on a named dataset
        # ('LaViT beats GPT-4o' and 'LaViT-3B beats GPT-4o on BLINK': one claim)
        on_named = {(w, l) for w, l, d in best if d is not None}
        beaten_on_named = {l for _, l in on_named}
        own = {k for k, e in entities.items() if e["role"] == "proposes"} | {main}

        def summary(w, l) -> bool:
            return (w, l) in on_named or (w in own and l in beaten_on_named)

        kept = []
        for (w, l, d), rec in best.items():
            if d is None and summary(w, l):
                self.dropped_comparisons.append(dict(rec, rule="summary of a row on a named dataset"))
            else:
                kept.append(rec)
        return kept, list(results.values())

    def _ellipsis(self, sec, line, text, ms, last, datasets) -> list:
        """A bullet that continues the previous one with only a new dataset
        (``在 AIME 上，相比基座提升了 13%。`` then ``在 BeyondAIME 上，提升了 11%。``)
        repeats its comparisons on the new dataset — only when both state a
        gain with its amount (a plain 'beats all of them' is not continued by
        the next bullet's own numbers)."""
        if last is None or last[0] is not sec or any(m.is_system for m in ms):
            return []
        _, prev_line, prev_level, prev_found, prev_text = last
        if not (self.rules.gain.search(prev_text) and self.rules.gain.search(text)):
            return []
        if prev_line >= line or line - prev_line > 2 or outline_level(sec, line) != prev_level:
            return []
        if not self.rules.improve.search(text) or self.rules.parity.search(text) or self.rules.lose.search(text):
            return []
        if not re.search(r"\d", text):
            return []
        return [
            Found(f.winner, f.loser, datasets=list(datasets), cue=f.cue + " (continued)")
            for f in prev_found
            if f.loser != BASELINES and f.cue != "gain over base"
        ]

    # -- hardware -----------------------------------------------------------------

    # -- fields ---------------------------------------------------------------------
    def _fields(self, paper: Paper) -> list[dict]:
        out = []
        sec = paper.section("field")
        if sec is not None:
            first = next((ln for ln in sec.text.splitlines() if ln.strip()), "")
            lineno = sec.start_line + sec.text.splitlines().index(first) if first else sec.start_line
            for part in _FIELD_SPLIT_RE.split(clean_sentence(first)):
                label = part.strip(" 。.：:*")
                if 1 < len(label) <= 60:
                    out.append({"label": label, "line": lineno})
        for cat in paper.categories:
            out.append({"label": cat, "line": paper.start_line})
        return out


def _types_from_use(entities: dict[str, dict], comparisons: list[dict], results: list[dict]) -> None:
    """A name the paper's comparisons use as a benchmark or a metric has
    that type in this paper (a model's name listed among benchmarks,
    ``EmuEdit 和 GEdit 基准测试``; a name among metrics, ``CLIP-Frame 和 … 指标``),
    so its graph stays valid: kg:onDataset is a kg:Dataset, kg:metric a kg:Metric."""
    for key in {c["dataset"] for c in comparisons}:
        if key in entities and entities[key]["type"] not in DATASET_LABELS:
            entities[key]["type"] = "Benchmark"
    for key in {r["metric"] for r in comparisons} | {r["metric"] for r in results}:
        if key in entities and entities[key]["type"] != "Metric":
            entities[key]["type"] = "Metric"


def _pick_type(counter: Counter) -> str:
    for label in ("Accelerator", "Device"):
        if counter.get(label):
            return label
    return counter.most_common(1)[0][0]


def _richness(rec: dict) -> int:
    return sum(rec[k] is not None for k in ("winner_score", "loser_score", "metric", "dataset"))


def _paper_dict(p: Paper) -> dict:
    """The record's ``paper``: every field of ``p`` but its sections (tuples as lists)."""
    d = {f.name: getattr(p, f.name) for f in fields(p) if f.name != "sections"}
    d["authors"] = list(p.authors)
    d["categories"] = list(p.categories)
    return d
