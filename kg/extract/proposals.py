"""Proposals stage: which of a paper's entities the paper itself introduces,
and which one is its own system.

Input: the paper, the sections the extractor reads with their spaCy Docs,
the entity dicts of :mod:`kg.extract.entities` and the title names.
Output: the proposed keys, in order of evidence; the entity dicts of
proposed names get the line, section and sentence of that evidence (changed
in place).  :func:`main_system` then picks the paper's own system.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.extract import negative, sentence_mentions
from kg.extract.mentions import defines_acronym, in_bullet_header, span_key
from kg.link import entity_key, fold
from kg.model import Label, Paper
from kg.nlp.cues import cue_regex
from kg.nlp.evidence import clean_sentence
from kg.nlp.pipeline import mention_info, mention_spans, plain_sentences, sentence_of, span_text

#: sections where every name after a propose cue counts (elsewhere only the first)
_EVERY_NAME_SECTIONS = ("contribution", "abstract")


_AGENT_NOUN_RE = re.compile(r"[a-z](?:er|or)s?$")

# '提出了一个利用 X 进行规划的 MiRA 强化学习训练框架': a use marker inside the modifier
# (before 的) of a name that heads the proposed thing
_AFTER_DE = re.compile(r"的[\s*“”\"]*$")
_HEADED_AFTER_DE = re.compile(
    r"[\s*“”\"]*[\u4e00-\u9fff]{0,8}?(?:框架|方法|模型|算法|系统|智能体|范式|架构|策略|机制|基准|数据集)"
)


#: a quoted phrase right after a propose cue: the name itself ('提出了一种名为“基于 X 的 Y”（ZY）'),
#: no use marker in it; not a quoted phrase further on ('将经典的“基于检索的…”（R）引入')
_QUOTED_AFTER_CUE_RE = re.compile(
    r"(?P<lead>[\s*]*(?:了|一种|一个|一套|名为|称为|新的|新颖的|全新的|新型的?)*[\s*]*)"
    r"(?:“[^“”]*”|‘[^‘’]*’|「[^「」]*」|《[^《》]*》|\"[^\"]*\")"
)


def _plain_gloss(span) -> bool:
    """A translation gloss of plain capitalised words (``引入了基础形变（Base
    Deformation）``): it translates a description, it names nothing new;
    not one headed by an agent noun (``原子分解器（Atomic Decomposer）``, a
    component) nor a name-shaped one."""
    surface = span_text(span)
    return (
        mention_info(span).source == "gloss"
        and not negative.name_shaped(surface)
        and not _AGENT_NOUN_RE.search(surface)
    )


class ProposalStage:
    """Finds what a paper proposes: names its title announces, then bold
    bullet headers of its innovations section, then new names after a
    propose cue (提出/构建/名为/we propose …) with no use marker
    (基于/利用/如/using …) in between; outside the contribution and the
    abstract not a translation gloss of plain words (see :func:`_plain_gloss`)."""

    def __init__(self, pats: dict):
        self.propose = cue_regex(pats["propose"])
        self.use_marker = cue_regex(pats["use_marker"])

    def run(
        self, paper: Paper, sections, docs, entities: dict[str, dict], titled: list[str], concepts=frozenset()
    ) -> list[str]:
        """Keys of the proposed entities (each once, only keys of
        ``entities``), in order of evidence.  An acronym of a common noun
        phrase (``concepts``, see :func:`kg.extract.entities.concept_keys`)
        is never proposed by a cue: the clause that defines it holds none
        (else it is named), and a cue elsewhere (``提出了 Zorblax，…用于多智能体
        系统（MAS）``, ``为构建更强的 MAS 提供指导``) proposes something else."""
        out = [entity_key(n) for n in titled]
        for key in out:
            if key in entities:
                entities[key].update(line=paper.start_line, evidence=paper.title, section="title")
        title_words = {w.casefold() for w in re.split(r"[\s:：,，?？!！]+", paper.title) if w}
        folded_title = fold(paper.title)

        def in_title(name: str) -> bool:
            return fold(name) in folded_title or name.split()[0].casefold() in title_words

        for sec, doc in zip(sections, docs):
            if sec.key == "innovations":
                self._bullet_headers(sec, doc, entities, out)
            self._after_cues(sec, doc, entities, out, in_title, concepts)
        return [k for k in dict.fromkeys(out) if k in entities]

    def _bullet_headers(self, sec, doc, entities: dict[str, dict], out: list[str]) -> None:
        """New names in the bold headers of the innovations bullets."""
        for span in mention_spans(doc):
            if (
                mention_info(span).entry is None
                and span.label_ != Label.METRIC
                and in_bullet_header(sec, span, self.use_marker)
            ):
                key = span_key(span)
                if key in entities and key not in out:
                    entities[key].update(
                        line=sec.line_of(span.start_char),
                        section=sec.key,
                        evidence=clean_sentence(sentence_of(span).text)[:400],
                    )
                    out.append(key)

    def _after_cues(self, sec, doc, entities: dict[str, dict], out: list[str], in_title, concepts) -> None:
        """Names after a propose cue in the sentences of one section; in the
        contribution and the abstract every such name, elsewhere only the
        first one right after each cue, in its clause."""
        everywhere = sec.key in _EVERY_NAME_SECTIONS
        spans = None  # the Doc's spans, sorted by start, read on first need
        for sent in plain_sentences(doc):
            cues = list(self.propose.finditer(sent.text))
            if not cues:
                continue
            if spans is None:
                spans = mention_spans(doc)
                starts = [sp.start for sp in spans]
            taken_after: set[int] = set()
            for span in sentence_mentions.spans_within(spans, starts, sent):
                if not self._candidate(span, in_title):
                    continue
                key = span_key(span)
                if key in concepts or (not everywhere and _plain_gloss(span)):
                    continue
                cue = self._cue_of(sent, span, cues, everywhere, taken_after)
                if cue is None:
                    continue
                taken_after.add(id(cue))
                if key in entities:
                    if key not in out:
                        entities[key].update(
                            line=sec.line_of(sent.start_char),
                            section=sec.key,
                            evidence=clean_sentence(sent.text)[:400],
                        )
                    out.append(key)

    @staticmethod
    def _candidate(span, in_title) -> bool:
        """A mention that may be a new name: not a metric, and not a known
        name unless defined here (``We present … (VAR)``) or named by the
        title (``发布了 Mixtral 8x7B`` in ``Mixtral of Experts``)."""
        if mention_info(span).entry is not None and not (defines_acronym(span) or in_title(span_text(span))):
            return False
        return span.label_ != Label.METRIC

    def _cue_of(self, sent, span, cues: list, everywhere: bool, taken_after: set[int]):
        """The propose cue that ``span`` follows in ``sent``, or None: the
        last cue before it with no use marker in between; outside
        ``everywhere`` sections also within 40 characters, in its clause,
        and not yet taken by an earlier name."""
        text = sent.text
        rel = span.start_char - sent.start_char
        before = [c for c in cues if c.end() <= rel]
        if not before:
            return None
        cue = before[-1]
        quoted = _QUOTED_AFTER_CUE_RE.match(text, cue.end(), rel)
        unquoted = (
            text[cue.start() : rel] if quoted is None else cue.group() + quoted["lead"] + text[quoted.end() : rel]
        )
        if self.use_marker.search(unquoted) and not (
            _AFTER_DE.search(text, 0, rel) and _HEADED_AFTER_DE.match(text, span.end_char - sent.start_char)
        ):
            return None  # 'based on X': X is used (unless X only modifies the name: '基于 X 的 M 框架')
        gap = text[cue.end() : rel]
        if not everywhere and (len(gap) > 40 or id(cue) in taken_after or re.search(r"[，,；;]", gap)):
            return None
        return cue


def main_system(entities: dict[str, dict], proposed: list[str], in_results: Counter) -> str | None:
    """The paper's own system: among proposed models/methods, the one its
    title or one-sentence contribution names, else the one the results
    mention most (``in_results``: mentions per key); ties go to the first
    proposed.  None when the paper proposes no model or method."""
    cands = [k for k in proposed if Label(entities[k]["type"]).is_system]
    if not cands:
        return None

    def weight(k):
        sec = entities[k]["section"]
        return (
            (sec == "title") * 100 + (sec in ("contribution", "abstract")) * 10 + in_results.get(k, 0),
            -cands.index(k),
        )

    return max(cands, key=weight)
