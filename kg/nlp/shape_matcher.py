"""The ``paperkg_shapes`` component: names never seen before, found by their
shape (``Foo-VL-13B``, ``BarBench``, ``ThinkARM``, ``Terminal Bench Pro``) and
context, typed by suffix and neighbouring cue words (数据集, benchmark, 模型;
see :mod:`kg.nlp.name_typing`). Its gazetteer (for generic terms and common
words) and cue patterns come from its config (see :mod:`kg.nlp.components`)."""

from __future__ import annotations

import re
from itertools import compress
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.link import fold
from kg.memo import BoundedMemo
from kg.nlp.components import DATASET, MODEL, MentionComponent, PACKAGED_GAZETTEER, PACKAGED_PATTERNS
from kg.nlp.docview import TokenTable, doc_text, mention_spans, set_mention_info, tokens
from kg.nlp.name_typing import NameTyper, retype_by_neighbours
from kg.nlp.token_shape import BREAKER, INNER_CAP_RE, NAME, TOKEN_CLASS, UNIT_RE, is_cjk, name_shape
from kg.resources import Gazetteer

# Capitalised English words that start sentences or headings, never names (as text: a
# word list reads best so).
ENGLISH_STOP = frozenset(
    (  # noqa: SIM905
        "a an the we our this that these those it its in on of for to with and or but by from as at is are"
        " was were be been via using use based new however moreover furthermore finally first second third"
        " then also experiments experimental results result extensive code project page website github model"
        " models method methods dataset datasets benchmark benchmarks table figure fig section appendix"
        " abstract introduction conclusion input output inputs outputs step stage phase task tasks data"
        " training inference evaluation key findings pdf arxiv html links authors analysis note example"
        " examples overall specifically notably additionally existing prior previous recent current state art"
        " sota baseline baselines ablation ablations yes no true false none all any each both either neither"
        " more most less least many much few several huggingface hugging face paper papers work works approach"
        " approaches framework frameworks vanilla naive plain"
    ).split()
)
_OPEN_PAREN = {"(", "（"}
# Lower-case words allowed inside a multi-word name (``Zooming without Zooming``).
_FUNCTION_WORDS = {"of", "for", "with", "without", "and", "in", "on", "to", "the", "a", "as", "via", "from"}
# Chinese characters and full-width punctuation (。，：（）) mark Chinese prose.
#: a number with a unit ends a measurement, not a name ('优于 ARTDECO 2.11dB': ARTDECO)
_MEASURE_RE = re.compile(r"\d+(?:\.\d+)?\s?(?:dB|ms|fps|FPS|GB|MB|px|Hz|mm|cm|min)")
#: a bare score, never a version: 'LRC 0.339', 'F2FC 12.58' (a version is '2.5', '3.0')
_SCORE_RE = re.compile(r"0\.\d+|\d+\.\d{2,}")
#: a number, and the measure words that make it an amount: 'X 7个百分点', 'X 3倍', 'X 5%'
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_AMOUNT_WORDS = frozenset(("个", "%", "倍", "分", "点", "pp", "points", "×"))
_PERCENT_RE = re.compile(r"\d+(?:\.\d+)?%")
#: a decimal no version is written as: ten or more ('55.1'; a version is '2.5', '4.1'; '2022', 'CSI 300' name)
_VALUE_NOT_VERSION_RE = re.compile(r"[1-9]\d+\.\d+")
_VERSION_SIZE_RE = re.compile(r"\d+(?:\.\d+)?-\d+(?:\.\d+)?[BMKbmk]")
_CJK_CONTEXT_RE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
#: token text -> True for a Latin name token that is no run breaker (vs, versus)
_IN_LATIN_RUN = BoundedMemo(lambda text: TOKEN_CLASS[text] & (NAME | BREAKER) == NAME)


def _in_gloss(doc: Doc, start: int, end: int) -> bool:
    """True when tokens [start, end) open a parenthesis right after Chinese
    text or after a name — a translation gloss such as ``强化学习 (RL)`` or an
    expansion such as ``ZwZ (Zooming without Zooming)``."""
    words = tokens(doc).words
    j = start - 1
    while j >= 0 and words[j].isspace():
        j -= 1
    if j < 0 or words[j] not in _OPEN_PAREN:
        return False
    k = j - 1
    while k >= 0 and (words[k].isspace() or words[k] in {"*", "”", "“", '"'}):
        k -= 1
    return k >= 0 and (is_cjk(words[k]) or name_shape(words[k]) is not None)


def _chinese_context(doc: Doc, start: int, end: int, width: int = 8) -> bool:
    """True when Chinese characters stand within ``width`` characters of
    tokens [start, end) — the run sits in Chinese prose, not English."""
    t = tokens(doc)
    a, b = t.idx[start], t.ends[end - 1]
    text = doc_text(doc)
    return bool(_CJK_CONTEXT_RE.search(text[max(0, a - width) : a]) or _CJK_CONTEXT_RE.search(text[b : b + width]))


def _latin_runs(doc: Doc, taken: set[int]):
    """Yield (start, end) of maximal runs of Latin name tokens joined by
    single spaces or hyphens, not overlapping ``taken``."""
    t = tokens(doc)
    words, ws = t.words, t.ws
    n = len(words)
    ok = list(map(_IN_LATIN_RUN.__getitem__, words))
    for k in taken:
        ok[k] = False
    end = 0
    for i in compress(range(n), ok):
        if i < end:
            continue
        j = i + 1
        while j < n and ok[j] and ws[j - 1]:
            j += 1
        yield i, j
        end = j


def _patch_suffix_end(doc: Doc, end: int) -> int:
    """The end of a hyphenated name ending at token ``end`` with its
    patch-size suffix (``SiT-XL/2``, ``ViT-L/14``: a slash and one to three
    digits written without spaces), which the tokenizer splits off; else
    ``end`` (``Latent/256`` is a ratio, ``ZeRO-2/3`` two stages)."""
    t = tokens(doc)
    words, ws = t.words, t.ws
    if (
        end + 1 < len(words)
        and "-" in words[end - 1]
        and words[end - 1][-1].isalpha()
        and words[end] == "/"
        and not ws[end - 1]
        and not ws[end]
        and words[end + 1].isdigit()
        and len(words[end + 1]) <= 3
        and not _COUNT_AFTER_RE.match(doc_text(doc), t.ends[end + 1])
    ):
        return end + 2
    return end


#: a count noun after 'N': 'QuxNet-Large/2 GPUs' is a setting, not a patch size
_COUNT_AFTER_RE = re.compile(r"\s*(?:GPUs?|nodes?|cards?|卡|个|张|块|台)", re.IGNORECASE)


class ShapeMatcher(MentionComponent):
    """Find names that are in no gazetteer, by token shape and context.

    Chinese-context rules accept runs of capitalised Latin words
    (``Terminal Bench Pro``) and single capitalised words (``Spatia``);
    English-context rules accept only strong single-token shapes
    (``RefVFX``, ``Foo-VL-13B``) and acronyms, since capitalised words start
    every English sentence. ``gaz`` tells generic terms and common words;
    ``pats`` holds the cue patterns of :class:`~kg.nlp.name_typing.NameTyper`.
    """

    def __init__(self, gaz: Gazetteer, pats: dict[str, Any]):
        self.gaz = gaz
        self.stop = ENGLISH_STOP
        self.typer = NameTyper(pats)

    def match(self, doc: Doc) -> list[Span]:
        """The Doc's mentions with the new names added (none overlapping a
        mention found before), in file order. A new span's
        :class:`~kg.nlp.docview.MentionInfo` has source ``shape`` or
        ``gloss`` (a name in parentheses, kept only when the paper proposes or
        uses it elsewhere) and ``decided`` False when only a default typed it."""
        known = mention_spans(doc)
        taken = {t for s in known for t in range(s.start, s.end)}
        new: list[Span] = []
        undecided: set[tuple[int, int]] = set()
        for start, end in _latin_runs(doc, taken):
            for s, e, source in self._names_in_run(doc, start, end, _chinese_context(doc, start, end)):
                new.append(self._new_mention(doc, s, _patch_suffix_end(doc, e), source, undecided))
        spans = sorted(known + new, key=lambda s: s.start)
        spans = self._listed_compounds(doc, spans, undecided)
        return retype_by_neighbours(doc, spans, undecided)

    def _new_mention(self, doc: Doc, start: int, end: int, source: str, undecided: set) -> Span:
        """A typed span of tokens [start, end) with its MentionInfo set; its
        offsets join ``undecided`` when only a default typed it."""
        label, decided = self.typer.type(doc, start, end)
        if label == DATASET and self._sized_model(tokens(doc).text(start, end)):
            label = MODEL  # 'Gemma-300M': a known model with its size, not a dataset of 300M items
        span = Span(doc, start, end, label=label)
        set_mention_info(span, source=source, decided=decided)
        if not decided:
            undecided.add((start, end))
        return span

    _SIZED_RE = re.compile(r"^(?P<stem>.+?)[-_ ]?\d+(?:\.\d+)?[MmBb]$")

    def _sized_model(self, surface: str) -> bool:
        """True for a known model (or model family) with a size after it
        (``Gemma-300M``, ``Zorb-1.5B`` when the gazetteer lists Zorb as a model)."""
        m = self._SIZED_RE.match(surface)
        entry = self.gaz.lookup(m.group("stem")) if m else None
        return entry is not None and entry.type == MODEL

    # a compound of capitalised words right after a list separator or right before one
    _LISTED_COMPOUND_RE = re.compile(r"(?<=[,，、和与及\s])[A-Z][a-z]+(?:-[A-Z][A-Za-z]+)+(?![\w\-.])")
    _SEP_RE = re.compile(r"\s*(?:,|，|、|和|与|及|and)\s*")

    def _listed_compounds(self, doc: Doc, spans: list[Span], undecided: set) -> list[Span]:
        """A compound of capitalised words (``Quill-Anything``) listed right
        beside a name (``A, Quill-Anything, B``) is a name too: in English
        prose such compounds are left out unless a list says so."""
        text = doc_text(doc)
        added = []
        starts = ends = None
        for m in self._LISTED_COMPOUND_RE.finditer(text):
            if starts is None:
                starts = {s.start_char for s in spans}
                ends = {s.end_char for s in spans}
            a, b = m.span()
            if a in starts or self.gaz.is_generic(m.group()):
                continue
            left = any(self._SEP_RE.fullmatch(text[e:a]) for e in range(max(0, a - 6), a) if e in ends)
            after = self._SEP_RE.match(text, b)
            if not (left or (after and after.end() in starts)):
                continue
            span = doc.char_span(a, b, alignment_mode="strict")
            if span is None or len(span) != 1:
                continue
            added.append(self._new_mention(doc, span.start, span.end, "shape", undecided))
        return sorted(spans + added, key=lambda s: s.start) if added else spans

    def _names_in_run(self, doc: Doc, start: int, end: int, chinese: bool) -> list[tuple[int, int, str]]:
        """(start, end, source) of the names in the run of Latin name tokens
        [start, end); ``chinese``: the run stands in Chinese prose."""
        table = tokens(doc)
        if end - start >= 2 and (
            _PERCENT_RE.fullmatch(table.words[end - 1]) or _VALUE_NOT_VERSION_RE.fullmatch(table.words[end - 1])
        ):
            end -= 1  # '（GlimNet 66%，…）', 'QuxPose 55.1，…': a value after the name, no part of it
        elif end - start >= 3 and _MEASURE_RE.fullmatch(table.words[end - 2] + table.words[end - 1]):
            end -= 2  # '超过 GlimNet 1.31 dB': a margin after the name, no part of it
        words = table.words[start:end]
        shapes = list(map(name_shape, words))
        if _in_gloss(doc, start, end):
            source = self._gloss_source(table, start, end, shapes)
            return [(start, end, source)] if source else []
        if chinese and end - start >= 2 and self._is_name_phrase(table, start, end, shapes):
            return [(start, end, "shape")]
        # a lone capitalised word in Chinese prose may be a name (Spatia);
        # inside an English phrase only strong shapes count, and no word of a
        # generic phrase ('CLS Token', 'Smooth L1') is a name of its own
        alone = chinese and end - start == 1
        generic = self._generic_words(table, start, end) if end - start >= 2 else ()
        return [
            (start + k, start + k + 1, "shape")
            for k, (w, shape) in enumerate(zip(words, shapes))
            if shape is not None and start + k not in generic and self._is_name(w, shape, alone)
        ]

    def _generic_words(self, table: TokenTable, start: int, end: int, longest: int = 4) -> set[int]:
        """Token indices in [start, end) covered by a generic phrase of two to
        ``longest`` words (``CLS Token``, ``LM Head``)."""
        covered: set[int] = set()
        heads = self.gaz.generic_heads
        for i in range(start, end - 1):
            if fold(table.words[i]) not in heads:
                continue
            for j in range(i + 2, min(end, i + longest) + 1):
                if self.gaz.is_generic(table.text(i, j)):
                    covered.update(range(i, j))
        return covered

    def _gloss_source(self, table: TokenTable, start: int, end: int, shapes: list) -> str | None:
        """Source of a run in parentheses: ``shape`` when strongly
        name-shaped; ``gloss`` for a capitalised phrase, kept only if the
        paper proposes it or uses it elsewhere (decided by the extractor);
        None when it is no name."""
        words = table.words[start:end]
        if end - start == 1 and shapes[0] == "strong" and INNER_CAP_RE.search(words[0]):
            return "shape"
        if end - start == 1 and self.gaz.is_common_word(words[0]):
            return None
        return "gloss" if self._is_gloss_phrase(table, start, end, shapes) else None

    def _is_gloss_phrase(self, table: TokenTable, start: int, end: int, shapes: list) -> bool:
        """Up to five words, capitalised first and last, every other one
        name-shaped, capitalised or a function word (``Zooming without
        Zooming``), neither generic as a whole nor made of generic words."""
        words = table.words[start:end]
        return (
            end - start <= 5
            and words[0][:1].isupper()
            and words[-1][:1].isupper()
            and all(s is not None or w[:1].isupper() or w in _FUNCTION_WORDS for w, s in zip(words, shapes))
            and not self.gaz.is_generic(table.text(start, end))
            and not all(self.gaz.is_generic(w) or w.casefold() in self.stop for w in words)
        )

    def _is_name_phrase(self, table: TokenTable, start: int, end: int, shapes: list) -> bool:
        """A run of two to five capitalised words in Chinese prose that is a
        name as a whole (``Terminal Bench Pro``); not one that ends in a
        measurement or a bare score (``LRC 0.339``: a metric and its value),
        nor one that ends in an amount (``胜过 X 7个百分点``: X, by 7 points)."""
        words = table.words[start:end]
        if _NUMBER_RE.fullmatch(words[-1]) and end < len(table.words) and table.words[end] in _AMOUNT_WORDS:
            return False
        return (
            end - start <= 5
            and words[0][:1].isupper()
            and all(
                s is not None
                or (w[:1].isupper() and w.casefold() not in self.stop)
                or UNIT_RE.match(w)
                or _VERSION_SIZE_RE.fullmatch(w)  # "Qux 2.5-7B": a version and a size, not a range ("2-3")
                for w, s in zip(words, shapes)
            )
            and not all(self.gaz.is_generic(w) or self.gaz.is_common_word(w) for w in words)
            and not self.gaz.is_generic(table.text(start, end))
            and not _MEASURE_RE.fullmatch(words[-1])
            and not _SCORE_RE.fullmatch(words[-1])
        )

    def _is_name(self, word: str, shape: str | None, alone: bool) -> bool:
        """A single token of a (not None) ``shape`` that is a name; a
        title-cased word counts only ``alone`` in Chinese prose and when no
        common word."""
        if self.gaz.is_generic(word) or word.casefold() in self.stop:
            return False
        if shape == "title" and (not alone or self.gaz.is_common_word(word)):
            return False
        return not (shape == "acronym" and len(word.rstrip("s")) < 2)


@Language.factory("paperkg_shapes", default_config={"gazetteer": PACKAGED_GAZETTEER, "patterns": PACKAGED_PATTERNS})
def make_shape_matcher(nlp: Language, name: str, gazetteer: Gazetteer, patterns: dict[str, Any]) -> ShapeMatcher:
    """Factory: the shape/context matcher for names in no gazetteer, with the
    config's ``gazetteer`` and ``patterns`` (default: the packaged ones)."""
    return ShapeMatcher(gazetteer, patterns)
