"""Comparisons stage: one paper's sentences -> its comparison and result
records.

Input: the sections the extractor reads with their spaCy Docs, the entity
dicts (roles set), the key of the paper's own system (or None) and the
keys named only in translation glosses.  Each sentence goes through the
rules of :class:`~kg.extract.relations.RelationRules`; this stage gives
each comparison its datasets (named in the sentence, inherited from the
outline above it, or the paper's own benchmark), expands "all baselines"
to the paper's named baselines, continues elliptic bullets, carries the
base models a sentence applies the method to into the next sentences of
its paragraph, reads rankings stated over the clauses of one line
(:mod:`kg.extract.rankings`), and folds
dataset-less summaries into the rows they summarise.  Output:
:class:`Comparisons`; comparison records are
``{"winner", "loser", "dataset", "metric", "winner_score", "loser_score",
"unit", "cue", "evidence", "line", "section"}``, result records those of
:mod:`kg.extract.results`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.extract import sentence_mentions
from kg.extract.decisions import DecisionLog
from kg.extract.folds import one_description_per_baseline, richness, without_summaries
from kg.extract.rankings import RankBoard
from kg.extract.described import is_described, parse_described
from kg.extract.relations import RelationRules
from kg.extract.results import ResultTable
from kg.extract.sentence import BASELINES, DATASET_LABELS, Found
from kg.link import entity_key
from kg.nlp.cues import cue_regex
from kg.nlp.evidence import clean_sentence
from kg.nlp.outline import DatasetContext, enclosing_lines, in_ablation, names_own_set, outline_level
from kg.nlp.pipeline import mention_spans, plain_sentences
from kg.model import Label

#: after a system: it is called a variant ('DY-YaRN 变体', 'the X variant')
_VARIANT_AFTER_RE = re.compile(r"[\s*]*(?:变体|variants?\b)", re.IGNORECASE)

#: sections that report results (a comparison there defaults to the paper's own dataset;
#: an introduced benchmark is the default in every section)
RESULT_SECTIONS = ("results", "analysis", "key_findings")
_TASK_AFTER_RE = re.compile(r"[\s*]*(?:子任务|任务|tasks?\b|subtasks?\b|setting)", re.IGNORECASE)
_TASK_HEAD_RE = re.compile(r"[\s*]*(?:子任务|任务|tasks?\b|subtasks?\b)[\s*]*[:：]", re.IGNORECASE)


#: after a baseline cue: a discourse contrast ('相比之下', by contrast); after 对比, a technique
#: named with it ('对比学习', '对比损失'). Neither names a baseline.
_CONTRAST_AFTER_RE = re.compile(r"之下")
_TECHNIQUE_AFTER_RE = re.compile(r"学习|损失|解码|度|激活|式|预训练")


def _names_no_baseline(text: str, cue: re.Match) -> bool:
    """True when the baseline cue ``cue`` opens a contrast or names a technique, no baseline."""
    return bool(
        _CONTRAST_AFTER_RE.match(text, cue.end())
        or (cue.group() == "对比" and _TECHNIQUE_AFTER_RE.match(text, cue.end()))
    )


#: a label of the paper's baselines: '**基线方法**：', 'Baselines:', '对比方法：'
_BASELINE_LABEL = r"(?:基线方法|基线模型|基线|对比方法|对比模型|比较方法|baselines?|compared methods)[\s*]*[:：]"
_BASELINE_LABEL_IN_RE = re.compile(_BASELINE_LABEL, re.IGNORECASE)
#: a line that opens with it ('*   **基线方法**：与多种方法进行比较，包括：')
_BASELINE_LABEL_RE = re.compile(r"[\s*\-+\d.]*" + _BASELINE_LABEL, re.IGNORECASE)


def _under_baseline_label(sec, sent) -> bool:
    """True when a line enclosing ``sent`` in the outline of section ``sec``
    opens with a label of the baselines (``*   **基线方法**：与多种方法进行
    比较，包括：`` above the bullets that list them)."""
    return any(_BASELINE_LABEL_RE.match(t) for t in enclosing_lines(sec, sec.line_of(sent.start_char)))


class Comparisons(NamedTuple):
    """Output of :class:`ComparisonStage`."""

    comparisons: list[dict]  #: comparison records, in order of first statement
    results: list[dict]  #: result records (see :mod:`kg.extract.results`)
    as_metric: set[str]  #: keys of non-metric entities a sentence lists among metrics


class _Board:
    """The comparison rows of one paper while its sentences are read."""

    def __init__(self, entities: dict[str, dict]) -> None:
        self.entities = entities  # the paper's entities; described baselines are added
        self.best: dict[tuple, dict] = {}  # (winner, loser, dataset) -> the richest record
        self.results = ResultTable()
        self.context = DatasetContext()
        self.pending: list[tuple] = []  # (section, line, key in best) of rows with no dataset
        self.last = None  # the previous sentence with comparisons: (section, line, level, found, text)
        self.bases = None  # base models a sentence applied the method to: (section, line, [keys])
        self.ranks = RankBoard()  # rank statements per line ('A 表现最强；B 排名第二')
        own = _own_set(entities)
        self.own_set = own  # the dataset a row in a result section defaults to
        # a benchmark paper states its claims on its benchmark, in every section
        self.own_everywhere = own if own is not None and entities[own]["type"] == Label.BENCHMARK else None

    def add(self, f: Found, loser: str, dataset: str | None, evidence: str, line: int, sec) -> None:
        """One row of ``f`` against ``loser`` on ``dataset``; of rows with
        the same (winner, loser, dataset) the one with more slots filled wins."""
        rec = {
            "winner": f.winner,
            "loser": loser,
            "dataset": dataset,
            "metric": f.metric,
            "winner_score": f.winner_score,
            "loser_score": f.loser_score,
            "unit": f.unit,
            "cue": f.cue,
            "evidence": evidence,
            "line": line,
            "section": sec.key,
        }
        k = (f.winner, loser, dataset)
        old = self.best.get(k)
        if old is None or richness(rec) > richness(old):
            self.best[k] = rec
        if dataset is None:
            self.pending.append((sec, line, k))
        if self.entities.get(loser, {}).get("role") != "compared":  # no result rows for a described baseline
            self.results.add_compared(f, loser, dataset, evidence, line, sec.key)

    def place_pending(self, sec, line: int, here: list[str], named: set[str], main: str | None) -> None:
        """'A 优于 B。例如，A 在 GSM8K 上达到 …': the next sentence of the same
        line that names both systems (``named``) tells where the rows with no
        dataset were; they move to its datasets ``here`` (at most three)."""
        for psec, pline, k in self.pending:
            rec = self.best.get(k)
            if psec is sec and pline == line and rec is not None and {rec["winner"], rec["loser"]} <= named | {main}:
                del self.best[k]
                for d in here[:3]:
                    self.best.setdefault((k[0], k[1], d), dict(rec, dataset=d))


class ComparisonStage:
    """Runs the sentence rules over a paper (see the module docstring)."""

    def __init__(self, rules: RelationRules, pats: dict):
        self.rules = rules
        # anywhere in a word, a space matching any whitespace run (a phrase broken over lines)
        self.baseline_ctx = cue_regex(pats["baseline_context"], boundaries=False)
        self.universal = cue_regex(pats["universal"])

    def run(
        self,
        sections,
        docs,
        entities: dict[str, dict],
        main: str | None,
        gloss_only: set[str],
        log: DecisionLog,
        concepts: frozenset[str] | set[str] = frozenset(),
    ):
        """:class:`Comparisons` of the paper's sentences; rows folded as
        summaries go to ``log.dropped_comparisons``.  ``concepts`` (acronyms
        of a task or a class, see :func:`~kg.extract.entities.concept_keys`)
        are never among the baselines 'all baselines' expands to."""
        sentences, baselines, as_metric = self._sentences(sections, docs, entities)
        baselines = [b for b in baselines if b not in concepts]  # 'static NVS models': a task, no baseline
        board = _Board(entities)
        for sec, sent, ms in sentences:
            # an acronym the paper only defines as a task or a class ('先进 IIE 模型') is no system
            ms = [m for m in ms if not (m.key in concepts and m.is_system and not m.proposed)]
            self._read(board, sec, sent, ms, main, gloss_only, baselines)
        for f, evidence, sec, line in board.ranks.comparisons():
            if (f.winner, f.loser) not in {(w, l) for w, l, _ in board.best}:
                board.add(f, f.loser, None, clean_sentence(evidence)[:400], line, sec)
        kept = without_summaries(board.best, entities, main, log)
        kept = one_description_per_baseline(kept, entities, self.rules.described.modifier, log)
        return Comparisons(kept, board.results.records(), as_metric)

    def _sentences(self, sections, docs, entities):
        """(section, sentence, mentions) of every non-blank sentence; the
        paper's baselines (systems named after a baseline cue, not its own
        nor called a variant, in order); keys a sentence lists among metrics that are no Metric."""
        per_sentence = []
        baselines: list[str] = []
        variants: set[str] = set()
        as_metric: set[str] = set()
        for sec, doc in zip(sections, docs):
            spans = mention_spans(doc)
            starts = [sp.start for sp in spans]
            labelled = _BASELINE_LABEL_IN_RE.search(sec.text) is not None  # most sections label no baselines
            for sent in plain_sentences(doc):
                if not sent.text.strip():
                    continue
                ms = sentence_mentions.sentence_mentions(sent, spans, starts, entities)
                per_sentence.append((sec, sent, ms))
                as_metric |= {m.key for m in ms if m.label == Label.METRIC and entities[m.key]["type"] != Label.METRIC}
                cue = next(
                    (c for c in self.baseline_ctx.finditer(sent.text) if not _names_no_baseline(sent.text, c)), None
                )
                # 'Direct Pred. vs KP + PnP' in an ablation: the method's own variants, no baselines
                if not in_ablation(sec, sec.line_of(sent.start_char), sent.text):
                    if cue:  # '相比之下' (by contrast) opens a contrast, it names no baseline
                        baselines += [
                            m.key
                            for m in ms
                            if m.is_system
                            and not m.proposed
                            and m.start >= cue.start()
                            and not self.rules.framed_setting(sent.text, m)  # '在动态程度（Dynamic Degree）上'
                        ]
                    elif (
                        labelled
                        and (named := [m.key for m in ms if m.is_system and not m.proposed])
                        and _under_baseline_label(sec, sent)  # '**基线方法**：…包括：' above, 'L4GM, GVFD' below
                    ):
                        baselines += named
                    baselines += sentence_mentions.listed_baselines(sent.text, ms)  # 'A, B, C 等基线方法
                variants |= {m.key for m in ms if m.is_system and _VARIANT_AFTER_RE.match(sent.text, m.end)}
        # 'DY-YaRN 变体 … 优于基线 YaRN': a variant of the paper's method is none of its baselines
        return per_sentence, [b for b in dict.fromkeys(baselines) if b not in variants], as_metric

    def _read(self, board: _Board, sec, sent, ms, main, gloss_only, baselines) -> None:
        """The results and comparison rows of one sentence, onto ``board``."""
        text = sent.text
        line = sec.line_of(sent.start_char)
        here = [m.key for m in ms if m.label in DATASET_LABELS]
        # a gloss-only name (简单任务（L1）) is a dataset of its own sentence, not of those below it
        inherited = board.context.update(sec, line, [k for k in here if k not in gloss_only])
        if here and board.pending:
            board.place_pending(sec, line, here, {m.key for m in ms}, main)
        board.pending = []
        metric = next((m.key for m in ms if m.label == Label.METRIC), None)
        stated = self.rules.scores(text, ms)
        found = self.rules.find(text, ms, main, self._carried_bases(board, sec, line, text, ms, main))
        if not found and here:
            found = self._ellipsis(sec, line, text, ms, board.last, here)
        evidence = clean_sentence(text)[:400] if stated or found else ""
        for st in (st for st in stated if not is_described(st.system)):
            board.results.add_stated(st, (here or inherited or [None])[0], metric, evidence, line, sec.key)
        if found:
            board.last = (sec, line, outline_level(sec, line), found, text)
        board.ranks.read(self.rules, sec, line, text, [m for m in ms if m.is_system])
        inherited = self._inherited_scope(text, here, inherited)
        named_here = {m.key for m in ms}
        # 'V2V 任务上': a task label, not a dataset, when a named dataset is inherited
        tasks = {m.key for m in ms if m.label in DATASET_LABELS and _TASK_AFTER_RE.match(text, m.end)}
        # '**CIR任务：** 在 CIRR 和 CIRCO 上…': a task label heading the bullet, not one of its datasets
        headed = {m.key for m in ms if m.label in DATASET_LABELS and _TASK_HEAD_RE.match(text, m.end)}
        default = board.own_set if sec.key in RESULT_SECTIONS else board.own_everywhere
        found = [f for f in found if self.rules.described.may_lose(f, named_here, main)]
        for f in found:
            f.loser = _described_entity(board.entities, f.loser, evidence, line, sec)
            # 'X 预训练模型 优于 A': a model trained on X, not evaluated on X
            trained_on = {entity_key(a) for a in (parse_described(f.winner) or ("", []))[1]}
            f.winner = _described_entity(board.entities, f.winner, evidence, line, sec)
            if f.datasets and set(f.datasets) <= tasks and [d for d in inherited if d not in tasks]:
                f.datasets = [d for d in inherited if d not in tasks]
            elif headed & set(f.datasets or ()) and set(f.datasets) - headed:
                f.datasets = [d for d in f.datasets if d not in headed]  # '**CIR任务：** 在 CIRR 上': the named set
            # 'the (other) baselines': the paper's compared systems, not those this sentence names
            losers = (
                [
                    _described_entity(board.entities, b, evidence, line, sec)  # 'models trained on X' gets its entity
                    for b in baselines
                    if b != f.winner and b not in named_here
                ]
                if f.loser == BASELINES
                else [f.loser]
            )
            if not losers and f.fallback and f.winner in named_here:  # 'SFT 基线' in a paper naming no baselines
                losers = [_described_entity(board.entities, f.fallback, evidence, line, sec)]
            for loser in losers:
                for d in [d for d in f.datasets or inherited or [default] if d not in trained_on] or [None]:
                    board.add(f, loser, d, evidence, line, sec)

    def _carried_bases(self, board: _Board, sec, line: int, text: str, ms, main) -> list[str]:
        """Keys of the base models an earlier sentence of the same section
        line framed (``该方法在 X 架构上进行了验证``) for this sentence to
        state a gain over; a sentence that frames its own bases replaces
        them, one that names another system ends them."""
        systems = [m for m in ms if m.is_system]
        bases, _ = self.rules.base_frame(text, systems, main)
        carried = board.bases
        if bases:
            board.bases = (sec, line, [b.key for b in bases])
            return []
        if carried is None or carried[0] is not sec or carried[1] != line:
            board.bases = None
            return []
        if any(not s.proposed and s.key != main and s.key not in carried[2] for s in systems):
            board.bases = None
            return []
        return carried[2]

    def _inherited_scope(self, text: str, here: list[str], inherited: list[str]) -> list[str]:
        """The inherited datasets a sentence's comparisons are on: none when
        it names its own unnamed set ('在包含 4,670 个句子的人工标注集上'),
        the first only unless it says 'on all of them'."""
        if not here and names_own_set(text):
            return []
        if len(inherited) > 1 and not self.universal.search(text):
            return inherited[:1]
        return inherited

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


def _described_entity(entities: dict[str, dict], key: str, evidence: str, line: int, sec) -> str:
    """The entity key of a loser: a described baseline (``vanilla DPO``,
    see :mod:`kg.extract.described`) gets an entity of type Method with the
    role ``compared`` (reached through its comparisons only) unless the
    paper has an entity of that name; any other key is returned as is."""
    described = parse_described(key)
    if described is None:
        return key
    name, aliases = described
    real = entity_key(name)
    if real not in entities:
        entities[real] = {
            "key": real,
            "name": name,
            "type": Label.METHOD,
            "aliases": aliases,
            "role": "compared",
            "line": line,
            "evidence": evidence or name,
            "section": sec.key,
        }
    return real


def _own_set(entities: dict[str, dict]) -> str | None:
    """The one dataset the paper introduces (or its one benchmark among
    several): a paper that introduces one benchmark reports its results on
    it unless a sentence says otherwise."""
    own_sets = [k for k, e in entities.items() if e["role"] == "proposes" and e["type"] in DATASET_LABELS]
    own_benches = [k for k in own_sets if entities[k]["type"] == Label.BENCHMARK]
    return own_sets[0] if len(own_sets) == 1 else (own_benches[0] if len(own_benches) == 1 else None)
