"""The type of a new name (one in no gazetteer): by its suffix and the cue
words around it (:class:`NameTyper`), and, for names that neither settled, by
their neighbours (:func:`retype_by_neighbours`: listed with a dataset, framed
as ``在 X 上`` or after a score and ``on``)."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span

from kg.nlp.components import require, BENCHMARK, DATASET, DEVICE, METHOD, METRIC, MODEL
from kg.nlp.docview import doc_text, set_mention_info, tokens

#: the keys of the patterns the name typer reads
TYPING_KEYS = ("dataset_name_re", "model_size_re", "dataset_cue", "model_cue", "method_cue", "device_cue")

#: head nouns after a name that make it a metric ('DeSync 指标', 'EPIC 距离', 'Levenshtein 相似度'), casefolded
_METRIC_HEADS = ("指标", "metric", "距离", "相似度", "similarity")
#: after a name, a definition whose head is a set of data: '：一个真实的四足机器人数据集，',
#: ': a new benchmark of …' (not '：一个在 Y 数据集上训练的模型', whose head is 模型, nor 'a dataset
#: distillation method', nor '强基准', a strong baseline)
_DEFINED_AS_DATA_RE = re.compile(
    r"[\s*]*[：:][\s*]*(?:(?:一个|一种)[^，。；,;：:]{0,30}?(?:数据集|基准测试|评测基准)[\s*]*(?:[，。；,;]|$)"
    r"|(?:a|an)\s+(?:(?!(?:on|trained|beats?|every|any)\b)[\w-]+\s+){0,4}?(?:dataset|benchmark)"
    r"(?=\s*(?:[.,;:(]|(?:of|for|with|that|containing)\b|$))"
    r")",
    re.IGNORECASE,
)
_SIMILARITY = ("相似度", "similarity")
_WITH_WORDS = ("与", "跟", "同", "to", "with", "between")  # not 和: 'FID 和 X 相似度' lists two metrics
#: a metric noun right before a name that names it ('风格一致性指标 FooS', 'the metric FooS'); not a word
#: ending in it ('non-parametric'), nor one a demonstrative points back with ('在该指标 B 仅为…', 'this metric')
_METRIC_LEAD_RE = re.compile(
    r"(?<![A-Za-z\-])(?<!该|此|各|每)(?<!这一|同一|这个|上述|该项|此项)(?<!this |that |each |same )(?<!every )(?:指标|(?i:metric))"
    r"[\s*“”\"]*$"
)
#: a value, then the name, then a gain noun: the name is what gained ('约 3% 的 SR 提升', 'a 3% SR gain')
_GAIN_OF_BEFORE_RE = re.compile(
    r"\d\s*(?:%|％|个百分点|点|倍|分|pp)?\s*的\s*(?:平均|整体|总体)?\s*$"
    r"|\d\s*(?:%|-?points?|pp)?\s+(?:(?:absolute|relative|average)\s+)?$"  # 'a 3% SR improvement'
)
_GAIN_NOUN_AFTER_RE = re.compile(
    r"\s*(?:绝对|相对)?(?:提升|提高|增益|改进|改善|下降|降低|增长)"
    r"|\s+(?:improvements?|gains?|boosts?|increases?|reductions?|drops?)\b"
)
#: a parenthesis opening a list of members, after its head noun ('benchmarks (', '数据集（如 ')
_LIST_OPEN_RE = re.compile(r"\s*[（(]\s*(?:如|例如|包括|e\.g\.,?|including|such as)?\s*$")
#: the nouns of data that head a list in parentheses ('benchmarks (A, B)', '数据集（如 A、B）')
#: (not a bare 基准 or 'benchmark': 'outperforms strong benchmark (A, B)' names baselines)
_DATA_NOUNS = frozenset(("数据集", "基准测试", "评测集", "测试集", "评测基准", "dataset", "datasets", "benchmarks"))
#: a win or compare cue before the list's noun: it names compared systems ('与强基准测试（如 A、B）相比')
_COMPARED_BEFORE_RE = re.compile(r"与|相比|对比|超过|超越|优于|胜过|outperform|surpass|beat|exceed|compared", re.I)
_CALLED_RE = re.compile(r"[\s*“”\"「」]*(?:名为|称为|叫做|named|called|dubbed)?[\s*“”\"「」]*$")
_BENCHMARK_WORD_RE = re.compile(r"(?i)bench|eval|arena|qa")
#: the end of a list whose last item is a short phrase ('…, 工具增强查询, 模拟环境')
_LIST_ITEM_END_RE = re.compile(r"[,，、]\s*[^\s,，、。；;：:]{1,8}$")
#: the suffix of a system's name after a dataset word ('ArenaRL', 'EvalNet', 'QAFormer'): no dataset
_SYSTEM_SUFFIX_RE = re.compile(r"[a-z](?:RL|PO|Net|Former|GPT|LM|LLM|VLM|VLA|Agent)$")


def _folded_cues(words: list[str]) -> tuple[str, ...]:
    """Cue words casefolded, longest first (a tuple for ``startswith``)."""
    return tuple(w.casefold() for w in sorted(words, key=len, reverse=True))


class NameTyper:
    """Types a new name from its surface and the cue words beside it.
    ``pats``: cue patterns holding :data:`TYPING_KEYS`; DataError when one
    is missing."""

    def __init__(self, pats: dict[str, Any]):
        require(pats, TYPING_KEYS, "paperkg_shapes")
        self.dataset_name = re.compile(pats["dataset_name_re"])
        self.model_size = re.compile(pats["model_size_re"])
        # cue words casefolded, as tuples for str.startswith / str.endswith
        self.dataset_cues = _folded_cues(pats["dataset_cue"])
        self.model_cues = _folded_cues(pats["model_cue"])
        self.method_cues = _folded_cues(pats["method_cue"])
        self.device_cues = _folded_cues(pats["device_cue"])

    @staticmethod
    def cue_after(doc: Doc, end: int, cues: tuple[str, ...], width: int = 12) -> bool:
        """A cue word (casefolded ``cues``) right after the name ending before token ``end``."""
        pos = tokens(doc).ends[end - 1]
        nxt = doc_text(doc)[pos : pos + width].lstrip(' *”"）)')
        return nxt.casefold().startswith(cues)

    @staticmethod
    def cue_before(doc: Doc, start: int, cues: tuple[str, ...], width: int = 14) -> bool:
        """A cue word (casefolded ``cues``) right before the name starting at
        token ``start`` (``评测基准 SciAgentGym``, ``the benchmark FooBench``),
        allowing 名为/称为/called or a list's opening parenthesis between
        (``benchmarks (FooSet, …)``); not a cue that is the last item
        of a list (``…, 模拟环境** Foo``: a keyword list, then the text)."""
        a = tokens(doc).idx[start]
        prev = _CALLED_RE.sub("", doc_text(doc)[max(0, a - width) : a]).casefold()
        listed = _LIST_OPEN_RE.sub("", prev)  # 'benchmarks (Foo, Bar)': the cue heads the list its first name opens
        if listed != prev:  # only a noun of data heads such a list ('模拟器（如 A, B）' lists systems)
            compared = _COMPARED_BEFORE_RE.search(doc_text(doc)[max(0, a - 2 * width) : a])
            cues, prev = (() if compared else tuple(c for c in cues if c in _DATA_NOUNS)), listed
        cue = next((c for c in cues if prev.endswith(c)), None)
        # '**…, 多模态检索, 模拟环境** Foo 提出了': the cue ends a keyword list, it types nothing after it
        return cue is not None and not _LIST_ITEM_END_RE.search(prev)

    @staticmethod
    def _metric_lead(doc: Doc, start: int) -> bool:
        """A metric noun names the name starting at token ``start`` (``一致性指标 FooS``)."""
        a = tokens(doc).idx[start]
        return _METRIC_LEAD_RE.search(doc_text(doc), max(0, a - 16), a) is not None

    def _similar_to(self, doc: Doc, start: int, end: int) -> bool:
        """The name of tokens [start, end) is what something is similar to, not
        a similarity: ``与 B 相似度``, ``similarity to B``."""
        a = tokens(doc).idx[start]
        before = doc_text(doc)[max(0, a - 10) : a].rstrip(" *").casefold()
        return self.cue_after(doc, end, _SIMILARITY, 8) and before.endswith(_WITH_WORDS)

    @staticmethod
    def _gain_of(doc: Doc, start: int, end: int) -> bool:
        """The name of tokens [start, end) is what a value gained: a value
        and 的 before it, a gain noun after it (``约 3% 的 FooR 提升``)."""
        view, text = tokens(doc), doc_text(doc)
        a, b = view.idx[start], view.ends[end - 1]
        return bool(_GAIN_OF_BEFORE_RE.search(text[max(0, a - 16) : a]) and _GAIN_NOUN_AFTER_RE.match(text, b))

    def type(self, doc: Doc, start: int, end: int) -> tuple[str, bool]:
        """(type, decided) of the name of tokens [start, end): ``decided`` is
        False when no suffix or cue spoke and the type is only a default.
        A name followed by 指标/metric, or right after one, is a Metric."""
        surface = tokens(doc).text(start, end)
        if self.dataset_name.search(surface) and not _SYSTEM_SUFFIX_RE.search(surface):
            return (BENCHMARK if _BENCHMARK_WORD_RE.search(surface) else DATASET), True
        if self.cue_after(doc, end, self.dataset_cues) or self.cue_before(doc, start, self.dataset_cues):
            return DATASET, True
        if _DEFINED_AS_DATA_RE.match(doc_text(doc), tokens(doc).ends[end - 1]):
            return DATASET, True  # '**QuadOcc**：一个真实的四足机器人第一人称数据集，…
        if _ROBOT_MODEL_AFTER_RE.match(doc_text(doc), tokens(doc).ends[end - 1]):
            return MODEL, True  # 'the Foo robot foundation model', 'Foo 机器人策略': a model for robots, no robot
        if self.cue_after(doc, end, self.device_cues, 6):
            return DEVICE, True
        if (self.cue_after(doc, end, _METRIC_HEADS, 8) and not self._similar_to(doc, start, end)) or self._metric_lead(
            doc, start
        ):
            return METRIC, True  # 'FooSync 指标', 'the FooSync metric', '一致性指标 FooS'
        if self.model_size.search(surface) or self.cue_after(doc, end, self.model_cues):
            return MODEL, True
        if self.cue_after(doc, end, self.method_cues):
            return METHOD, True
        if self._gain_of(doc, start, end):
            return METRIC, False  # '3% 的 FooR 提升': undecided, so '在 FooR 上' elsewhere makes it a dataset
        # a digit of a caret power is no version ('FooPO^2')
        return (MODEL if any(c.isdigit() for c in surface.split("^")[0]) else METHOD), False


#: after a name: a robot word that only qualifies a model head ('robot foundation model', '机器人策略')
_ROBOT_MODEL_AFTER_RE = re.compile(
    r"[\s*]*(?:robot(?:ic)?|机器人)[\s*]*(?:(?:foundation[\s-]+|vision-language-action\s+)?model|polic(?:y|ies)"
    r"|基础模型|基座模型|大模型|模型|策略)"
    # the head ends the phrase (maybe before 的, or 策略上): not '策略学习', '模型上', 'policy benchmark', 'robot models'
    r"(?:(?=的)|(?<=策略)(?=上)|(?![\u4e00-\u9fffA-Za-z]))(?!\s+(?:learning|benchmarks?|tasks?|deployment|suites?|for)\b)",
    re.IGNORECASE,
)
_LIST_SEP_RE = re.compile(
    r"^(?:\s*[（(][^()（）]{0,20}[)）])?[\s*“”\"]*(?:、|和|与|及|以及|,|，|(?:,\s*)?(?:and|or))?[\s*“”\"]*$"
)
#: an introductory phrase before a dataset ('On GSM8K, ZorbNet …'): its comma ends the phrase, not a list item
_INTRO_BEFORE_RE = re.compile(r"(?:^|[.;:!?。；：]\s*|\n\s*)(?:On|In|Across|For|Under)\s+$")
_IN_FRAME_BEFORE = re.compile(r"在[\s*“”\"]*$")
#: '在 X 零样本测试中'; a task after its name, a gloss or a few words that describe it ('在“X”（归因）
#: 任务中', '在 X 长时程任务中'), not after a relative clause ('在 X 失败的任务中': X is a system)
_IN_FRAME_AFTER = re.compile(
    r"^[^，。、；,;]{0,15}?(?:上|(?:测试|评测|测评|基准|数据集)中)"
    r"|^[\s*“”\"」]*(?:[（(][^（()）]{0,12}[)）])?[^，。、；,;的（(]{0,8}?任务中"
)
# a score or a gain, its metric, then 'on X': '+2.4 mAA on X', '71.3% accuracy on X', '(1m, 5°) on X'
_SCORE_ON_BEFORE = re.compile(r"\d(?:%|\$)?\s*(?:[(（][^()（）]{0,20}[)）]\s*|[A-Za-z@\-]+\s+){0,2}(?:on|in)\s+$")


def _framed(text: str, span: Span) -> bool:
    """``span`` framed as a place of evaluation: ``在 X 上`` or ``+2.4 mAA on X``."""
    before = text[max(0, span.start_char - 4) : span.start_char]
    after = text[span.end_char : span.end_char + 20]
    frame = _IN_FRAME_AFTER.match(after)
    # '在 X 模型上' frames a model; a 模型 after the frame's end is another clause's
    framed = _IN_FRAME_BEFORE.search(before) and frame and "模型" not in frame.group() and "之上" not in after[:16]
    return bool(framed or _SCORE_ON_BEFORE.search(text[max(0, span.start_char - 40) : span.start_char]))


def _listed_with_dataset(text: str, spans: list[Span], labels: list[str], i: int) -> bool:
    """Mention ``i`` of ``spans`` listed right beside a dataset or benchmark."""
    span = spans[i]
    return any(
        0 <= j < len(spans)
        and labels[j] in (DATASET, BENCHMARK)
        and _LIST_SEP_RE.match(text[min(span.end_char, spans[j].end_char) : max(span.start_char, spans[j].start_char)])
        and not (j < i and _INTRO_BEFORE_RE.search(text[max(0, spans[j].start_char - 12) : spans[j].start_char]))
        for j in (i - 1, i + 1)
    )


_SLASH_RE = re.compile(r"\s*/\s*")


def _slashed_with_metric(text: str, spans: list[Span], labels: list[str], i: int) -> bool:
    """Span ``i`` joined by a slash to a metric right before or after it
    (``SR/SPL``, ``PSNR/FooS``): a pair of measures, so a metric too."""
    before = (
        i > 0 and labels[i - 1] == METRIC and _SLASH_RE.fullmatch(text[spans[i - 1].end_char : spans[i].start_char])
    )
    after = (
        i + 1 < len(spans)
        and labels[i + 1] == METRIC
        and _SLASH_RE.fullmatch(text[spans[i].end_char : spans[i + 1].start_char])
    )
    return bool(before or after)


def retype_by_neighbours(doc: Doc, spans: list[Span], undecided: set[tuple[int, int]]) -> list[Span]:
    """Type names that suffix and cue left open (``undecided``: their
    (start, end) token offsets) from their context: a name listed with a
    dataset (``PhyGenBench 和 VideoPhy2``; along the list, ``A、B 和 C`` from C),
    framed as ``在 X 上`` or after a
    score and ``on`` (``+2.4 mAA on X``) is a dataset; one joined by a slash to a
    metric (``SR/SPL``) is a metric. Returns ``spans`` with
    the retyped ones replaced (same offsets, new label)."""
    labels = [s.label_ for s in spans]
    listed_by = [False] * len(spans)
    text = doc_text(doc)
    changed = True
    while changed:  # along a list: 'A, B, and MP3D' types B from MP3D, then A from B
        changed = False
        for i, span in enumerate(spans):
            if (span.start, span.end) not in undecided or listed_by[i]:
                continue
            if _listed_with_dataset(text, spans, labels, i):
                labels[i], listed_by[i], changed = DATASET, True, True
            elif _slashed_with_metric(text, spans, labels, i):
                labels[i], listed_by[i], changed = METRIC, True, True
            elif labels[i] != DATASET and _framed(text, span):
                labels[i], changed = DATASET, True
    out = []
    for span, label, strong in zip(spans, labels, listed_by):
        if label != span.label_:
            new = Span(doc, span.start, span.end, label=label)
            # (same characters: ``new`` shares the MentionInfo of ``span``)
            set_mention_info(new, decided=strong)  # a list neighbour is strong evidence, a 在…上 frame weak
            span = new
        out.append(span)
    return out
