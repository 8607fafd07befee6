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

from kg.link import entity_key, fold
from kg.model import Paper, Section
from kg.nlp import build_pipeline, doc_text, name_shape, plain_sentences, sentence_of
from kg.relations import BASELINES, DATASET_LABELS, SYSTEM_LABELS, Found, Mention, RelationRules
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
        self._use_marker = re.compile("|".join(
            (r"\b" + re.escape(w) + r"\b") if w[0].isascii() else re.escape(w)
            for w in sorted(self.pats["use_marker"], key=len, reverse=True)), re.IGNORECASE)
        self._baseline_ctx = re.compile("|".join(re.escape(w) for w in self.pats["baseline_context"]),
                                        re.IGNORECASE)
        self._universal = re.compile("|".join(
            (r"\b" + re.escape(w) + r"\b") if w[0].isascii() else re.escape(w)
            for w in sorted(self.pats["universal"], key=len, reverse=True)), re.IGNORECASE)
        self._hw_variant = re.compile(self.pats["hardware_variant_re"])
        self._count_before = re.compile(self.pats["hardware_count_before_re"])
        self._count_after = re.compile(self.pats["hardware_count_after_re"])

    # -- entry point --------------------------------------------------------
    def extract(self, paper: Paper) -> dict:
        sections = [s for s in paper.sections if s.key in ENTITY_SECTIONS]
        texts = [blank_markdown(s.text) for s in sections]
        docs = list(self.nlp.pipe(texts)) if texts else []
        title_names = self._title_names(paper.title)

        self._extend_devices(docs)
        _join_versions(docs)
        mentions: list[tuple[Section, object]] = []  # (section, span)
        for sec, doc in zip(sections, docs):
            for span in doc.spans["kg"]:
                mentions.append((sec, span))

        entities = self._entities(paper, mentions, title_names)
        proposed = self._proposed(paper, sections, docs, entities, title_names)
        for key in proposed:
            entities[key]["role"] = "proposes"
        self._result_mentions = Counter(span_key(span) for sec, span in mentions
                                        if sec.key in ("results", "analysis", "key_findings"))
        main = self._main_system(entities, proposed)
        self._complete_mentions(docs, entities)
        comparisons = self._comparisons(paper, sections, docs, entities, main)
        # a translation gloss (直接监督微调（Direct SFT）) is an entity only when the
        # paper proposes it, uses it outside a gloss, or compares with or on it
        compared = {c[k] for c in comparisons for k in ("winner", "loser", "dataset", "metric")}
        compared |= {r["metric"] for r in self._results}
        dropped = self._gloss_only - set(proposed) - compared
        for key in dropped:
            entities.pop(key, None)
        self._results = [dict(r, dataset=None if r["dataset"] in dropped else r["dataset"])
                         for r in self._results if r["system"] not in dropped]
        hardware = self._hardware(paper, mentions)
        record = {
            "paper": _paper_dict(paper),
            "fields": self._fields(paper),
            "entities": sorted(entities.values(), key=lambda e: (e["line"], e["key"])),
            "hardware": hardware,
            "comparisons": comparisons,
            "results": self._results,
        }
        self.validator.validate(record)
        return record

    def annotate(self, paper: Paper) -> list[tuple[Section, object]]:
        """(section, spaCy Doc) for every section the extractor reads; the
        mentions are ``doc.spans["kg"]`` with offsets into ``section.text``."""
        sections = [s for s in paper.sections if s.key in ENTITY_SECTIONS]
        return list(zip(sections, self.nlp.pipe(blank_markdown(s.text) for s in sections)))

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
        self._gloss_only: set[str] = set()
        self._expansions: dict[str, str] = {}
        plain: set[str] = set()
        authors = {fold(a) for a in paper.authors}
        prev = None
        for sec, span in mentions:
            entry = span._.kg_entry
            label = span.label_
            before, prev = (prev if prev is not None and prev.doc is span.doc else None), span
            if (entry is None and fold(span.text) in authors) or self._in_author_name(span, paper.authors):
                continue  # an author's name (arXiv analyses repeat the author list; 'Yi' of 'Yi Jiang')
            key = span_key(span)
            if not key or self.gaz.is_generic(span.text) or _RESOLUTION_RE.fullmatch(span.text):
                continue
            if entry is None and self._in_expansion(span):
                continue  # 'Visual AutoRegressive modeling (VAR)': a word of VAR's expansion
            if entry is None and _LEVEL_RE.fullmatch(span.text) and len(
                    {m for m in _LEVEL_RE.findall(sentence_of(span).text) if m[0] == span.text[0]}) > 1:
                continue  # '从 L1 … 至 L3': levels of a scale, not names (unlike '如 L1, ThinkPrune')
            if span._.kg_source == "gloss":
                if before is not None and self._expands(before, span):
                    # 'RTC（Real-Time Chunking）': the spelled-out name is an alias
                    surfaces[span_key(before)][span.text] += 1
                    self._expansions[key] = span_key(before)
                    continue
                head = self._gloss_head_type(span)
                if head:
                    label = head
                    types[key][label] += 3
            if entry is None and sec.key == "results" and label not in HARDWARE_LABELS \
                    and (not span._.kg_decided or span._.kg_source == "gloss") \
                    and self._in_bullet_header(sec, span):
                label = "Dataset"  # '**对抗性任务 (Conditional Keeper Burglar)**：' names an evaluation
                plain.add(key)
                types[key][label] += 3
            surfaces[key][span.text] += 1
            if span._.kg_name:
                surfaces[key][span._.kg_name] += 2
            if label in HARDWARE_LABELS:
                for form in self._hardware_forms(span, entry):
                    surfaces[key][form] += 1
            if label == "Device" and entry is None:
                cue = self._device_cue(span)
                if cue:
                    surfaces[key][f"{span.text} {cue}"] += 1
            if entry is None and not span._.kg_decided and sec.key == "results" and is_lead_label(span):
                label = "Dataset"  # the topic of a results bullet: a benchmark or setting
                types[key][label] += 3
            types[key][label] += 10 if entry else (3 if span._.kg_decided else 1)
            if span._.kg_source == "gloss":
                self._gloss_only.add(key)
            else:
                plain.add(key)
            if key not in by_key:
                by_key[key] = {"key": key, "name": entry.name if entry else span._.kg_name, "type": label,
                               "aliases": [], "role": "uses",
                               "line": sec.line_of(sentence_of(span).start_char),
                               "evidence": clean_sentence(sentence_of(span).text)[:400] or span.text,
                               "section": sec.key}
                if entry and entry.lower_is_better is not None:
                    by_key[key]["lower_is_better"] = entry.lower_is_better
                if entry and entry.vendor:
                    by_key[key]["vendor"] = entry.vendor
        self._gloss_only -= plain
        for name in title_names:
            key = entity_key(name)
            surfaces[key][name] += 1
            if key not in by_key:
                entry = self.gaz.lookup(name)
                by_key[key] = {"key": key, "name": entry.name if entry else None,
                               "type": entry.type if entry else "Method", "aliases": [],
                               "role": "uses", "line": paper.start_line,
                               "evidence": paper.title, "section": "title"}
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
                for span in doc.spans["kg"]:
                    if span._.kg_entry is None and span.label_ != "Metric" and self._in_bullet_header(sec, span):
                        key = span_key(span)
                        if key in entities and key not in out:
                            entities[key].update(line=sec.line_of(span.start_char), section=sec.key,
                                                 evidence=clean_sentence(sentence_of(span).text)[:400])
                            out.append(key)
            everywhere = sec.key in ("contribution", "abstract")
            for sent in plain_sentences(doc):
                text = sent.text
                cues = list(self._propose.finditer(text))
                if not cues:
                    continue
                taken_after: set[int] = set()
                for span in doc.spans["kg"]:
                    if span.start < sent.start or span.end > sent.end:
                        continue
                    if span._.kg_entry is not None and not (_defines_acronym(span) or titled(span.text)):
                        continue  # a known name is used, unless defined here ('We present … (VAR)')
                        # or named by the title ('发布了 Mixtral 8x7B' in 'Mixtral of Experts')
                    if span.label_ == "Metric":
                        continue
                    rel = span.start_char - sent.start_char
                    before = [c for c in cues if c.end() <= rel]
                    if not before:
                        continue
                    cue = before[-1]
                    gap = text[cue.end():rel]
                    if self._use_marker.search(text[cue.start():rel]):
                        continue
                    if not everywhere and (len(gap) > 40 or id(cue) in taken_after
                                           or re.search(r"[，,；;]", gap)):
                        continue  # only the first name right after the cue, in its clause
                    taken_after.add(id(cue))
                    key = span_key(span)
                    if key in entities:
                        if key not in out:
                            entities[key].update(line=sec.line_of(sent.start_char), section=sec.key,
                                                 evidence=clean_sentence(text)[:400])
                        out.append(key)
        return [k for k in dict.fromkeys(out) if k in entities]

    def _complete_mentions(self, docs, entities) -> None:
        """Mark every further occurrence of the paper's own new names
        (``Zorblax achieves 45.2 mAP …`` after ``名为 Zorblax``) where the
        shape rules, which look at one sentence, did not."""
        forms = {}
        for key, ent in entities.items():
            if ent["type"] in ("Model", "Method", "Dataset", "Benchmark") and ent["role"] == "proposes":
                for form in [ent["name"], *ent["aliases"]]:
                    if len(form) >= 3 and entity_key(form) == key and not self.gaz.is_generic(form):
                        forms[form] = ent["type"]
        if not forms:
            return
        rx = re.compile("|".join(rf"(?<![\w-]){re.escape(f)}(?![\w-])"
                                 for f in sorted(forms, key=len, reverse=True)))
        for doc in docs:
            spans = list(doc.spans["kg"])
            taken = [(sp.start_char, sp.end_char) for sp in spans]
            added = False
            for m in rx.finditer(doc_text(doc)):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                span = doc.char_span(m.start(), m.end(), label=forms[m.group()])
                if span is None:
                    continue
                span._.kg_source = "paper"
                spans.append(span)
                added = True
            if added:
                doc.spans["kg"] = sorted(spans, key=lambda sp: sp.start)

    def _in_bullet_header(self, sec: Section, span) -> bool:
        """True when ``span`` sits in the bold header of a list item
        (``1. **累积误差反馈机制 (Accumulated Error Feedback)**：…``) — in the
        innovations section such a header names a contribution of the paper —
        with no use marker (基于, 引入 …) before it in the header."""
        text = sec.text
        start = text.rfind("\n", 0, span.start_char) + 1
        line = text[start:text.find("\n", start) if "\n" in text[start:] else len(text)]
        m = re.match(r"\s*(?:[*+\-]|\d+\.)\s+\*\*(?P<head>[^*]+?)\s*(?:\*\*\s*[:：]|[:：]\s*\*\*)", line)
        if not m:
            return False
        head_start, head_end = start + m.start("head"), start + m.end("head")
        if not (head_start <= span.start_char and span.end_char <= head_end):
            return False
        return not self._use_marker.search(text[head_start:span.start_char])

    @staticmethod
    def _expands(name, gloss) -> bool:
        """True when ``gloss`` spells out the name right before it:
        ``RTC（Real-Time Chunking）``."""
        between = doc_text(name.doc)[name.end_char:gloss.start_char]
        return bool(re.fullmatch(r"[\s*]*[（(][\s*]*", between))

    def _gloss_head_type(self, gloss) -> str | None:
        """Type of a translation gloss from the Chinese head noun it
        translates: ``点云重建误差（Point Error）`` is a Metric,
        ``拼图任务（Jigsaw）`` a Dataset (a task), ``直接监督微调方法（…）`` a Method;
        None when the head says nothing."""
        text = doc_text(gloss.doc)
        head = re.sub(r"[\s*（(]+$", "", text[max(0, gloss.start_char - 16):gloss.start_char]).casefold()
        for label, cues in (("Metric", self.pats["metric_cue"]), ("Dataset", self.pats["dataset_cue"]),
                            ("Model", self.pats["model_cue"]), ("Method", self.pats["method_cue"])):
            if any(head.endswith(c.casefold()) for c in cues):
                return label
        if head.endswith("任务"):
            return "Dataset"
        return None

    @staticmethod
    def _in_author_name(span, authors) -> bool:
        """True when the mention lies inside one of the paper's authors' names
        written out in the text."""
        if not authors:
            return False
        text = doc_text(span.doc)
        for name in authors:
            if span.text in name:
                i = text.find(name, max(0, span.start_char - len(name)))
                if 0 <= i <= span.start_char and span.end_char <= i + len(name):
                    return True
        return False

    @staticmethod
    def _in_expansion(span) -> bool:
        """True when the mention is a word of the long form of an acronym that
        follows in parentheses: ``Visual AutoRegressive modeling (VAR)``."""
        text = doc_text(span.doc)
        m = _ACRONYM_AFTER_RE.match(text, span.end_char)
        if not m:
            return False
        start = max(0, span.start_char - 60)
        words = re.findall(r"[A-Za-z][A-Za-z0-9]*", text[start:m.start("acro")])
        initials = "".join(c for w in words for c in (w[0] + "".join(ch for ch in w[1:] if ch.isupper())))
        acro = re.sub(r"[^A-Za-z]", "", m.group("acro")).upper()
        it = iter(initials.upper())
        return len(acro) >= 2 and span.text not in m.group("acro") and all(c in it for c in acro)

    def _extend_devices(self, docs) -> None:
        """A device name followed by its model number (``iPhone 12 Plus``) is
        that model, a device of its own, not the product line."""
        for doc in docs:
            spans, changed = list(doc.spans["kg"]), False
            for i, sp in enumerate(spans):
                if sp.label_ != "Device" or sp._.kg_entry is None:
                    continue
                m = self._hw_variant.match(doc_text(doc)[sp.end_char:sp.end_char + 16])
                if not m or "GB" in m.group():
                    continue
                longer = doc.char_span(sp.start_char, sp.end_char + m.end(), label="Device")
                if longer is None or any(o is not sp and o.start < longer.end and sp.end <= o.start
                                         for o in spans):
                    continue
                longer._.kg_source = "hardware"
                spans[i], changed = longer, True
            if changed:
                doc.spans["kg"] = spans

    def _hardware_forms(self, span, entry) -> list[str]:
        """Further surface forms (aliases) of a hardware mention: the memory
        variant written after it (``A100 80GB``) and the vendor-qualified name
        (``RTX 3090`` -> ``NVIDIA RTX 3090``)."""
        forms = [span.text]
        m = self._hw_variant.match(doc_text(span.doc)[span.end_char:span.end_char + 16])
        if m and "GB" in m.group():
            forms.append(span.text + m.group())
        vendor = entry.vendor if entry is not None else None
        out = []
        for form in forms:
            out.append(form)
            if vendor and not form.casefold().startswith(vendor.casefold()) and form.isascii():
                out.append(f"{vendor} {form}")
        return [f for f in dict.fromkeys(out) if f != span.text]

    def _device_cue(self, span) -> str | None:
        """English name of the device word right after a name
        (``Manus 数据手套`` -> ``data glove``), or None."""
        after = doc_text(span.doc)[span.end_char:span.end_char + 8].lstrip(" *")
        for word, english in sorted(self.pats["device_translation"].items(), key=lambda kv: -len(kv[0])):
            if after.startswith(word):
                return english
        return None

    def _main_system(self, entities, proposed) -> str | None:
        """The paper's own system: among proposed models/methods, the one
        its title or one-sentence contribution names, else the one the results
        mention most; ties go to the first proposed."""
        cands = [k for k in proposed if entities[k]["type"] in ("Model", "Method")]
        if not cands:
            return None

        def weight(k):
            sec = entities[k]["section"]
            return ((sec == "title") * 100 + (sec in ("contribution", "abstract")) * 10
                    + self._result_mentions.get(k, 0), -cands.index(k))
        return max(cands, key=weight)

    # -- comparisons ------------------------------------------------------------
    def _comparisons(self, paper, sections, docs, entities, main) -> list[dict]:
        per_sentence = []  # (section, sentence, mentions)
        baselines: list[str] = []
        for sec, doc in zip(sections, docs):
            spans = [(sp.start, sp.end, sp.start_char, sp.end_char, sp) for sp in doc.spans["kg"]]
            for sent in plain_sentences(doc):
                if not sent.text.strip():
                    continue
                ms = self._sentence_mentions(sent, spans, entities)
                per_sentence.append((sec, sent, ms))
                cue = self._baseline_ctx.search(sent.text)
                if cue:
                    baselines += [m.key for m in ms if m.is_system and not m.proposed
                                  and m.start >= cue.start()]
        baselines = list(dict.fromkeys(baselines))

        best: dict[tuple, dict] = {}
        last = None  # the previous sentence with comparisons: (section, line, level, found)
        results: dict[tuple, dict] = {}
        context = _DatasetContext()
        pending: list[tuple] = []  # (section, line, key in best) of comparisons with no dataset
        for sec, sent, ms in per_sentence:
            line = sec.line_of(sent.start_char)
            here = [m.key for m in ms if m.label in DATASET_LABELS]
            # a gloss-only name (简单任务（L1）) is a dataset of its own sentence, not of those below it
            inherited = context.update(sec, line, [k for k in here if k not in self._gloss_only])
            if here and pending:
                # 'A 优于 B。例如，A 在 GSM8K 上达到 …': the next sentence of the
                # same line that names both systems tells where
                named = {m.key for m in ms}
                for psec, pline, k in pending:
                    rec = best.get(k)
                    if (psec is sec and pline == line and rec is not None
                            and {rec["winner"], rec["loser"]} <= named | {main}):
                        del best[k]
                        for d in here[:3]:
                            best.setdefault((k[0], k[1], d), dict(rec, dataset=d))
            pending = []
            metric = next((m.key for m in ms if m.label == "Metric"), None)
            for st in self.rules.scores(sent.text, ms):
                d = (here or inherited or [None])[0]
                k = (st.system, d, metric, st.value)
                results.setdefault(k, {"system": st.system, "dataset": d, "metric": metric,
                                       "value": st.value, "unit": st.unit, "raw": st.raw,
                                       "evidence": clean_sentence(sent.text)[:400], "line": line,
                                       "section": sec.key})
            found = self.rules.find(sent.text, ms, main)
            if not found and here:
                found = self._ellipsis(sec, line, sent.text, ms, last, here)
            if found:
                last = (sec, line, _outline_level(sec, line), found, sent.text)
            if not here and _UNNAMED_SET_RE.search(sent.text):
                inherited = []  # '在包含 4,670 个句子的人工标注集上': its own, unnamed dataset
            if len(inherited) > 1 and not self._universal.search(sent.text):
                inherited = inherited[:1]  # one of the datasets named above, unless 'on all of them'
            named_here = {m.key for m in ms}
            for f in found:
                # 'the (other) baselines': the paper's compared systems, not those this sentence names
                losers = ([b for b in baselines if b != f.winner and b not in named_here]
                          if f.loser == BASELINES else [f.loser])
                for loser in losers:
                    for d in (f.datasets or inherited or [None]):
                        rec = {"winner": f.winner, "loser": loser, "dataset": d, "metric": f.metric,
                               "winner_score": f.winner_score, "loser_score": f.loser_score,
                               "unit": f.unit, "cue": f.cue, "evidence": clean_sentence(sent.text)[:400],
                               "line": line, "section": sec.key}
                        k = (f.winner, loser, d)
                        old = best.get(k)
                        if old is None or _richness(rec) > _richness(old):
                            best[k] = rec
                        if d is None:
                            pending.append((sec, line, k))
                        for sys_key, value in ((f.winner, f.winner_score), (loser, f.loser_score)):
                            if value is not None and not any(r["system"] == sys_key and r["value"] == value
                                                             for r in results.values()):
                                results[(sys_key, d, f.metric, value)] = {
                                    "system": sys_key, "dataset": d, "metric": f.metric, "value": value,
                                    "unit": f.unit, "raw": f"{value}{f.unit or ''}",
                                    "evidence": rec["evidence"], "line": line, "section": sec.key}
        self._results = list(results.values())
        # a model's name that a sentence lists among benchmarks (EmuEdit 和 GEdit
        # 基准测试) is a benchmark in this paper when a comparison is on it
        for _, _, d in best:
            if d in entities and entities[d]["type"] not in DATASET_LABELS:
                entities[d]["type"] = "Benchmark"
        # a dataset-less statement of a pair that is also stated on named
        # datasets summarises those: it is not one more comparison
        on_named = {(w, l) for w, l, d in best if d is not None}
        return [rec for (w, l, d), rec in best.items() if d is not None or (w, l) not in on_named]

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
        if prev_line >= line or line - prev_line > 2 or _outline_level(sec, line) != prev_level:
            return []
        if not self.rules.improve.search(text) or self.rules.parity.search(text) or self.rules.lose.search(text):
            return []
        if not re.search(r"\d", text):
            return []
        return [Found(f.winner, f.loser, datasets=list(datasets), cue=f.cue + " (continued)")
                for f in prev_found if f.loser != BASELINES and f.cue != "gain over base"]

    @staticmethod
    def _sentence_mentions(sent, spans, entities) -> list[Mention]:
        """Mentions inside ``sent``; ``spans`` holds (start, end, start_char,
        end_char, span) tuples of the Doc.  A category whose members follow in
        parentheses (``NAS 方法（AutoFIS, NASRec）``) is left out: its members
        are the systems."""
        ms = []
        for start, end, a, b, span in spans:
            if start >= sent.start and end <= sent.end:
                key = span_key(span)
                ent = entities.get(key)
                if ent is not None:
                    ms.append(Mention(a - sent.start_char, b - sent.start_char,
                                      key, ent["type"], ent["role"] == "proposes",
                                      ent.get("lower_is_better"), is_lead_label(span)))
        text = sent.text
        _retype_lists(text, ms)
        ms = [m for m, nxt in zip(ms, ms[1:] + [None])
              if not (nxt is not None and m.is_system and nxt.is_system
                      and _CATEGORY_RE.fullmatch(text[m.end:nxt.start]))]
        # a system right after another with only a space or an opening parenthesis
        # between describes it: 'OpenCLIP ViT-G/14', 'MiDaS v3.1（BEiT-L-512）'
        return [m for prev, m in zip([None] + ms, ms)
                if not (prev is not None and prev.is_system and m.is_system and not m.proposed
                        and _DESCRIBES_RE.fullmatch(text[prev.end:m.start]))]

    # -- hardware -----------------------------------------------------------------
    def _hardware(self, paper: Paper, mentions) -> list[dict]:
        out: dict[str, dict] = {}
        for sec, span in mentions:
            if span.label_ not in HARDWARE_LABELS:
                continue
            entry = span._.kg_entry
            key = span_key(span)
            text = doc_text(span.doc)
            line_start = text.rfind("\n", 0, span.start_char) + 1
            line_end = text.find("\n", span.end_char)
            line_end = len(text) if line_end < 0 else line_end
            count = self._count(text[line_start:span.start_char], text[span.end_char:line_end])
            sent = sentence_of(span).text
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


class _DatasetContext:
    """Which datasets a sentence that names none is about.

    Follows the outline of a section: a sentence inherits the datasets named
    earlier on its own line, else those of the nearest enclosing bullet or
    lead paragraph (by indentation), else those of the section's first line
    that names any (only its first dataset).  At most three are inherited.
    """

    def __init__(self):
        self.section = None
        self.line = None
        self.level = 0
        self.on_line: list[str] = []
        self.stack: list[tuple[int, list[str]]] = []
        self.first: list[str] = []

    def update(self, section: Section, line: int, here: list[str]) -> list[str]:
        if section is not self.section:
            self.section, self.line, self.on_line, self.stack, self.first = section, None, [], [], []
        if line != self.line:
            if self.on_line:
                self.stack.append((self.level, self.on_line))
            self.level = _outline_level(section, line)
            self.stack = [(lv, ds) for lv, ds in self.stack if lv < self.level]
            self.line, self.on_line = line, []
        if self.on_line:
            inherited = self.on_line
        elif self.stack:
            inherited = self.stack[-1][1]
        else:
            inherited = self.first[:1]  # a loose fallback: commit to one dataset
        if here:
            self.on_line = list(dict.fromkeys(self.on_line + here))
            self.first = self.first or list(here)
        return inherited if len(inherited) <= 3 else []


def _outline_level(section: Section, line: int) -> int:
    """Indentation level of a section line: leading spaces, plus one for a
    bullet or number marker (so a bullet nests under a lead paragraph)."""
    text = section.text.split("\n")[line - section.start_line]
    stripped = text.lstrip(" \t")
    level = len(text) - len(stripped)
    return level + 1 if re.match(r"(?:[*+\-]|\d+\.)\s", stripped) else level


def span_key(span) -> str:
    """Linking key of a mention: the gazetteer entry's key, else the key of
    its canonical name (``span._.kg_name``) or its text."""
    if span._.kg_entry is not None:
        return span._.kg_entry.key
    return entity_key(span._.kg_name or span.text, hardware=span.label_ in HARDWARE_LABELS)


_LIST_SEP_RE = re.compile(r"[\s*]*(?:、|和|及|与|以及|,|，|and|as well as)[\s*]*", re.IGNORECASE)
_LIST_HEAD_RE = re.compile(r"[\s*]*(?:等)?[^，。；,;]{0,6}?(?:(?P<d>基准|数据集|评测集|测试集|benchmarks?|datasets?)"
                           r"|(?P<s>基线|方法|模型|baselines?|methods?|models?))", re.IGNORECASE)


def _retype_lists(text: str, ms: list[Mention]) -> None:
    """A list closed by its head noun types its members in this sentence:
    ``Video-MME、ActivityNet-QA 和 Video-ChatGPT 等基准`` (Video-ChatGPT, also
    a model's name, is a benchmark here), ``优于 Magpie、Alpaca 等合成基线``
    (Magpie, also a dataset's name, is a system here).  The paper's own
    names keep their type."""
    chain: list[Mention] = []
    for m, nxt in zip(ms, ms[1:] + [None]):
        chain.append(m)
        if nxt is not None and _LIST_SEP_RE.fullmatch(text[m.end:nxt.start]):
            continue
        head = _LIST_HEAD_RE.match(text[m.end:]) if len(chain) > 1 else None
        if head:
            for c in chain:
                if c.proposed or c.label not in DATASET_LABELS | SYSTEM_LABELS:
                    continue
                if head.group("d") and c.label not in DATASET_LABELS:
                    c.label = "Benchmark"
                elif head.group("s") and c.label in DATASET_LABELS:
                    c.label = "Method"
        chain = []
_UNNAMED_SET_RE = re.compile(r"在(?!所有|全部|各|多个|多项|这些|上述|两个|三个|四个)[^，。；;]{2,30}?(?:集|数据集|基准|测试集|语料库?)上|\bon (?:a|an|our|their) [\w\s-]{0,30}?(?:set|dataset|benchmark|corpus)\b",
                             re.IGNORECASE)
_VERSION_RE = re.compile(r"[Vv]\d+(?:\.\d+)?(?:-[A-Za-z0-9]+)*")
_SUFFIX_RE = re.compile(r"-(?:Zero|Lite|Mini|Nano|Pro|Max|Plus|Ultra|Base|Instruct|Chat|Preview|Turbo|[A-Z]{1,2}|\d+(?:\.\d+)?[BbMm]?)(?![\w-])")


def _join_versions(docs) -> None:
    """A known name followed by a version or variant is that version, one
    name: ``Depth Anything`` + ``V2-L``, ``DeepSeek-R1`` + ``-Zero``."""
    for doc in docs:
        text = doc_text(doc)
        spans, out, changed = list(doc.spans["kg"]), [], False
        i = 0
        while i < len(spans):
            sp = spans[i]
            end = None
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            if sp._.kg_entry is not None and sp.label_ not in HARDWARE_LABELS:
                if (nxt is not None and nxt._.kg_entry is None and text[sp.end_char:nxt.start_char] == " "
                        and _VERSION_RE.fullmatch(nxt.text)):
                    end, i = nxt.end_char, i + 1
                else:
                    m = _SUFFIX_RE.match(text, sp.end_char)
                    if m and (nxt is None or nxt.start_char >= m.end()):
                        end = m.end()
            if end is not None:
                longer = doc.char_span(sp.start_char, end, label=sp.label_, alignment_mode="expand")
                if longer is not None and (nxt is None or longer.end <= nxt.start or end == nxt.end_char):
                    longer._.kg_source = "shape"
                    sp, changed = longer, True
            out.append(sp)
            i += 1
        if changed:
            doc.spans["kg"] = out


def _defines_acronym(span) -> bool:
    """True when the mention is an acronym in parentheses right after its
    long form: ``Visual AutoRegressive modeling (VAR)``."""
    text = doc_text(span.doc)
    before = text[max(0, span.start_char - 80):span.start_char]
    if not re.search(r"[(（]\s*$", before) or not re.fullmatch(r"[A-Z][A-Za-z0-9-]{1,9}", span.text):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", re.sub(r"[(（]\s*$", "", before))[-6:]
    initials = "".join(w[0] + "".join(ch for ch in w[1:] if ch.isupper()) for w in words).upper()
    acro = re.sub(r"[^A-Za-z]", "", span.text).upper()
    it = iter(initials)
    return len(acro) >= 2 and acro[0] in initials and all(c in it for c in acro)


_DESCRIBES_RE = re.compile(r" |\s*(?:v?\d+(?:\.\d+)*)?\s*[（(]\s*")
_RESOLUTION_RE = re.compile(r"\d{2,5}\s?[x×*]\s?\d{2,5}(?:p|px)?", re.IGNORECASE)
# a parenthesised acronym after at most two more words: '… modeling (VAR)'
_ACRONYM_AFTER_RE = re.compile(r"(?:[\s-]+[A-Za-z][\w-]*){0,2}\s*[(（]\s*(?P<acro>[A-Z][A-Za-z0-9-]{1,9})\s*[)）]")
_LEVEL_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]\d(?![A-Za-z0-9])")
# between a category and its first member: 'NAS 方法（AutoFIS…', 'RL methods (PPO…'
_CATEGORY_RE = re.compile(r"[\s*]*(?:[\u4e00-\u9fff]{0,4}(?:方法|模型|算法|框架|系列)|"
                          r"(?:methods?|models?|algorithms?|baselines?|family))?[\s*]*[（(][\s*]*(?:如|例如|e\.g\.,?|such as|including)?[\s*]*",
                          re.IGNORECASE)
_LEAD_BEFORE_RE = re.compile(r"^[\s*>#\-+\d.]*$")
_LEAD_AFTER_RE = re.compile(r"^\s*(?:[(（][^()（）\n]{0,30}[)）])?[\s*]*[:：]")


def is_lead_label(span) -> bool:
    """True when a mention is the lead label of a list item or paragraph
    (``*   **Points24（24点游戏）**：…``): the topic of what follows."""
    text = doc_text(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    return bool(_LEAD_BEFORE_RE.match(text[line_start:span.start_char])
                and _LEAD_AFTER_RE.match(text[span.end_char:span.end_char + 40]))


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
