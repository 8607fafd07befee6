"""Extraction: one :class:`~kg.model.Paper` -> one extraction record (a dict).

The record is plain JSON (validated against
``kg/data/schemas/record.schema.json`` before mapping) and holds keys, not
IRIs; :mod:`kg.mapping` turns it into quads.  Every fact carries the
report file and the 1-based line of its evidence sentence.

Record shape::

    {"paper": {...Paper fields...},
     "fields": [{"label": str, "line": int}],
     "entities": [{"key", "name", "type", "aliases", "role": "proposes"|"uses",
                   "line", "lower_is_better"?, "vendor"?}],
     "hardware": [{"key", "count": int|None, "line", "evidence"}],
     "comparisons": [{"winner", "loser", "dataset"|None, "metric"|None,
                      "winner_score"|None, "loser_score"|None, "unit"|None,
                      "cue", "evidence", "line", "section"}]}
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import asdict

import jsonschema

from kg.link import entity_key
from kg.model import Paper, Section
from kg.nlp import build_pipeline, name_shape
from kg.relations import DATASET_LABELS, Mention, RelationRules
from kg.resources import gazetteer, patterns, schema

HARDWARE_LABELS = {"Accelerator", "Device"}
ENTITY_SECTIONS = {"contribution", "usage", "innovations", "results", "abstract", "analysis",
                   "key_findings"}
# Markdown emphasis and list markers, blanked out (same length) before NLP.
_MARKDOWN_RE = re.compile(r"\*\*|__|`|^[ \t]*(?:[*+\-]|\d+\.)(?=[ \t])", re.MULTILINE)
_TITLE_NAME_RE = re.compile(r"^\s*([^:：?？]{1,40}?)\s*[:：]\s+\S")
_TITLE_PAREN_RE = re.compile(r"[(（]\s*([A-Za-z][\w\-.]{1,20})\s*[)）]")
_FIELD_SPLIT_RE = re.compile(r"[/、，,；;]\s*(?![^()（）]*[)）])")
_CN_NUM = {"一": 1, "单": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9, "十": 10, "one": 1, "two": 2, "three": 3, "four": 4, "eight": 8,
           "sixteen": 16}


def blank_markdown(text: str) -> str:
    """Replace Markdown emphasis and list markers by spaces (offsets kept)."""
    return _MARKDOWN_RE.sub(lambda m: " " * len(m.group()), text)


def clean_sentence(text: str) -> str:
    """Evidence form of a sentence: Markdown removed, whitespace collapsed."""
    return re.sub(r"\s+", " ", blank_markdown(text)).strip()


class Extractor:
    """Runs the spaCy pipeline and the relation rules over papers.

    ``extract(paper)`` returns the record described in the module docstring
    and raises ``jsonschema.ValidationError`` if the record breaks its schema
    (a bug, never an input problem).
    """

    def __init__(self):
        self.nlp = build_pipeline()
        self.gaz = gazetteer()
        self.pats = patterns()
        self.rules = RelationRules(self.pats)
        self.validator = jsonschema.Draft202012Validator(schema("record"))
        self._propose = re.compile("|".join(
            (r"\b" + re.escape(w) + r"\b") if w[0].isascii() else re.escape(w)
            for w in sorted(self.pats["propose"], key=len, reverse=True)), re.IGNORECASE)
        self._count_before = re.compile(self.pats["hardware_count_before_re"])
        self._count_after = re.compile(self.pats["hardware_count_after_re"])

    # -- entry point --------------------------------------------------------
    def extract(self, paper: Paper) -> dict:
        sections = [s for s in paper.sections if s.key in ENTITY_SECTIONS]
        texts = [blank_markdown(s.text) for s in sections]
        docs = list(self.nlp.pipe(texts)) if texts else []
        title_names = self._title_names(paper.title)

        mentions: list[tuple[Section, object]] = []  # (section, span)
        for sec, doc in zip(sections, docs):
            for span in doc.spans["kg"]:
                mentions.append((sec, span))

        entities = self._entities(paper, mentions, title_names)
        proposed = self._proposed(paper, sections, docs, entities, title_names)
        for key in proposed:
            entities[key]["role"] = "proposes"
        main = self._main_system(entities, proposed)
        comparisons = self._comparisons(paper, sections, docs, entities, main)
        hardware = self._hardware(paper, mentions)
        record = {
            "paper": _paper_dict(paper),
            "fields": self._fields(paper),
            "entities": sorted(entities.values(), key=lambda e: (e["line"], e["key"])),
            "hardware": hardware,
            "comparisons": comparisons,
        }
        self.validator.validate(record)
        return record

    # -- entities -------------------------------------------------------------
    def _title_names(self, title: str) -> list[str]:
        """Names a title announces: ``VA-π: …`` and ``… (LIVR)``."""
        names = []
        m = _TITLE_NAME_RE.match(title)
        if m:
            cand = m.group(1).strip()
            words = cand.split()
            if (len(words) == 1 or any(name_shape(w) in ("strong", "acronym") for w in words)) \
                    and not self.gaz.is_generic(cand) and len(words) <= 4:
                names.append(cand)
        names += [p for p in _TITLE_PAREN_RE.findall(title)
                  if name_shape(p) in ("strong", "acronym") and not self.gaz.is_generic(p)]
        return names

    def _entities(self, paper: Paper, mentions, title_names) -> dict[str, dict]:
        by_key: dict[str, dict] = {}
        surfaces: dict[str, Counter] = defaultdict(Counter)
        types: dict[str, Counter] = defaultdict(Counter)
        for sec, span in mentions:
            entry = span._.kg_entry
            label = span.label_
            hw = label in HARDWARE_LABELS
            key = entry.key if entry else entity_key(span.text, hardware=hw)
            if not key or self.gaz.is_generic(span.text):
                continue
            surfaces[key][span.text] += 1
            types[key][label] += 10 if entry else 1
            if key not in by_key:
                by_key[key] = {"key": key, "name": entry.name if entry else None, "type": label,
                               "aliases": [], "role": "uses",
                               "line": sec.line_of(span.start_char)}
                if entry and entry.lower_is_better is not None:
                    by_key[key]["lower_is_better"] = entry.lower_is_better
                if entry and entry.vendor:
                    by_key[key]["vendor"] = entry.vendor
        for name in title_names:
            key = entity_key(name)
            surfaces[key][name] += 1
            if key not in by_key:
                entry = self.gaz.lookup(name)
                by_key[key] = {"key": key, "name": entry.name if entry else None,
                               "type": entry.type if entry else "Method", "aliases": [],
                               "role": "uses", "line": paper.start_line}
        for key, ent in by_key.items():
            if types[key]:
                ent["type"] = _pick_type(types[key])
            forms = [s for s, _ in surfaces[key].most_common()]
            if ent["name"] is None:
                ent["name"] = forms[0]
            ent["aliases"] = sorted({f for f in forms if f != ent["name"]})
        return by_key

    def _proposed(self, paper, sections, docs, entities, title_names) -> list[str]:
        """Keys of what the paper itself introduces, in order of evidence:
        names its title announces, then new names right after a propose
        cue (提出/构建/名为/we propose …)."""
        out = [entity_key(n) for n in title_names]
        for sec, doc in zip(sections, docs):
            for sent in doc.sents:
                text = sent.text
                cues = list(self._propose.finditer(text))
                if not cues:
                    continue
                first = cues[0].start()
                for span in doc.spans["kg"]:
                    if span.start < sent.start or span.end > sent.end or span._.kg_entry is not None:
                        continue
                    if span.label_ == "Metric":
                        continue
                    rel = span.start_char - sent.start_char
                    if rel < first:
                        continue
                    near = any(0 <= rel - c.end() <= 40 for c in cues)
                    if sec.key in ("contribution", "abstract") or near:
                        key = entity_key(span.text, hardware=span.label_ in HARDWARE_LABELS)
                        if key in entities:
                            out.append(key)
        return [k for k in dict.fromkeys(out) if k in entities]

    @staticmethod
    def _main_system(entities, proposed) -> str | None:
        for key in proposed:
            if entities[key]["type"] in ("Model", "Method"):
                return key
        return None

    # -- comparisons ------------------------------------------------------------
    def _comparisons(self, paper, sections, docs, entities, main) -> list[dict]:
        best: dict[tuple, dict] = {}
        for sec, doc in zip(sections, docs):
            spans = list(doc.spans["kg"])
            line_datasets: dict[int, list[str]] = {}
            for sent in doc.sents:
                if not sent.text.strip():
                    continue
                ms = []
                for span in spans:
                    if span.start >= sent.start and span.end <= sent.end:
                        key = span._.kg_entry.key if span._.kg_entry else entity_key(
                            span.text, hardware=span.label_ in HARDWARE_LABELS)
                        ent = entities.get(key)
                        if ent is None:
                            continue
                        ms.append(Mention(span.start_char - sent.start_char,
                                          span.end_char - sent.start_char, key, ent["type"],
                                          ent["role"] == "proposes", ent.get("lower_is_better")))
                line = sec.line_of(sent.start_char)
                ds_here = [m.key for m in ms if m.label in DATASET_LABELS]
                if ds_here:
                    line_datasets[line] = ds_here
                found = self.rules.find(sent.text, ms, main)
                for f in found:
                    datasets = f.datasets or line_datasets.get(line) or [None]
                    for d in datasets:
                        rec = {"winner": f.winner, "loser": f.loser, "dataset": d, "metric": f.metric,
                               "winner_score": f.winner_score, "loser_score": f.loser_score,
                               "unit": f.unit, "cue": f.cue, "evidence": clean_sentence(sent.text)[:400],
                               "line": line, "section": sec.key}
                        k = (f.winner, f.loser, d)
                        old = best.get(k)
                        if old is None or _richness(rec) > _richness(old):
                            best[k] = rec
        return list(best.values())

    # -- hardware -----------------------------------------------------------------
    def _hardware(self, paper: Paper, mentions) -> list[dict]:
        out: dict[str, dict] = {}
        for sec, span in mentions:
            if span.label_ not in HARDWARE_LABELS:
                continue
            entry = span._.kg_entry
            key = entry.key if entry else entity_key(span.text, hardware=True)
            text = span.doc.text
            line_start = text.rfind("\n", 0, span.start_char) + 1
            line_end = text.find("\n", span.end_char)
            line_end = len(text) if line_end < 0 else line_end
            count = self._count(text[line_start:span.start_char], text[span.end_char:line_end])
            sent = span.sent.text
            rec = out.get(key)
            if rec is None or (rec["count"] is None and count is not None):
                out[key] = {"key": key, "count": count, "line": sec.line_of(span.start_char),
                            "evidence": clean_sentence(sent)[:400]}
        return list(out.values())

    def _count(self, before: str, after: str) -> int | None:
        before = before.rstrip(" *")[-16:]
        m = self._count_before.search(before.replace("NVIDIA", "").replace("英伟达", "").rstrip())
        if m:
            return _to_int(m.group("n"))
        m = self._count_after.match(after)
        if m:
            return _to_int(m.group("n") or m.group("n2"))
        return None

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


def _pick_type(counter: Counter) -> str:
    for label in ("Accelerator", "Device"):
        if counter.get(label):
            return label
    return counter.most_common(1)[0][0]


def _richness(rec: dict) -> int:
    return sum(rec[k] is not None for k in ("winner_score", "loser_score", "metric", "dataset"))


def _to_int(s: str | None) -> int | None:
    if s is None:
        return None
    if s.isdigit():
        n = int(s)
        return n if 0 < n <= 100000 else None
    return _CN_NUM.get(s.casefold())


def _paper_dict(p: Paper) -> dict:
    d = asdict(p)
    d.pop("sections")
    d["authors"] = list(p.authors)
    d["categories"] = list(p.categories)
    return d
