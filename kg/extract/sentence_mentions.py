"""A sentence's spans as the relation rules' mentions: the paper's kept
entities inside one sentence, with offsets into it, retyped by the head
noun of a list they stand in (``A、B 等基准``) and without categories whose
members follow or systems that only describe the one before.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice

from kg.extract.described import described_key
from kg.extract.mentions import is_lead_label, span_key
from kg.extract.sentence import DATASET_LABELS, SYSTEM_LABELS, Mention
from kg.model import Label
from kg.resources import gazetteer

# between a category and its first member: 'NAS 方法（AutoFIS…', 'RL methods (PPO…'
_CATEGORY_RE = re.compile(
    r"[\s*]*(?P<head>(?:(?!比|较|与|优于|超越|超过)[\u4e00-\u9fff]){0,4}(?:方法|模型|算法|框架|系列)|"
    r"(?:methods?|models?|algorithms?|baselines?|family))?[\s*]*[（(][\s*]*"
    r"(?P<eg>如|例如|e\.g\.,?|such as|including)?[\s*]*",
    re.IGNORECASE,
)
_PAREN_LIST_RE = re.compile(r"[^()（）]*?[,，、][^()（）]*[)）]")
# between a system and a second one that describes it: 'OpenCLIP ViT-G/14', 'MiDaS v3.1（BEiT-L-512）'
_DESCRIBES_RE = re.compile(r" |\s*(?:v?\d+(?:\.\d+)*)?\s*[（(]\s*")
# between two members of a list, maybe after the first one's gloss ('Reactiveness（响应性）和 …')
# or from inside it (the gloss is the mention: 'Foo（灵敏度）和 …'); a name and its gloss are one member
_LIST_SEP_RE = re.compile(
    r"(?:[\s*]*[（(][^（）()]{1,20}[)）]|[)）])?[\s*]*(?:、|和|及|与|以及|,|，|and|as well as)[\s*]*|[\s*]*[（(][\s*]*",
    re.IGNORECASE,
)
_GLOSS_AFTER_RE = re.compile(r"[\s*]*[（(][^（）()]{1,20}[)）]")
# '大基线运动' / '宽基线' (a wide camera baseline) is geometry, not a baseline system
_BASELINE_WORD = r"(?<![大小宽长短窄])基线"
# a list closed by 上 is the setting of what follows ('A 和 B 上的各个开源模型'), not its members
_LIST_HEAD_RE = re.compile(
    r"(?![\s*]*上)[\s*]*(?:等)?[^，。；,;）)]{0,6}?(?:(?P<d>基准(?!方法|模型|线)|数据集|评测集|测试集|benchmarks?|datasets?)"
    r"|(?P<s>" + _BASELINE_WORD + r"|基准方法|基准模型|方法|模型|baselines?|methods?|models?)|(?P<m>指标|metrics?))",
    re.IGNORECASE,
)


def spans_within(spans, starts: list[int], sent):
    """The spans of ``spans`` (a Doc's mentions sorted by start token;
    ``starts`` their start tokens) that lie inside ``sent``, in order; the
    first is found by binary search."""
    for span in islice(spans, bisect_left(starts, sent.start), None):
        if span.start >= sent.end:
            break
        if span.end <= sent.end:
            yield span


def sentence_mentions(sent, spans, starts: list[int], entities: dict[str, dict]) -> list[Mention]:
    """Mentions inside ``sent`` (offsets into the sentence) of entities the
    paper kept; ``spans`` are the Doc's mentions sorted by start token and
    ``starts`` their start tokens (see :func:`spans_within`).  Left out: a
    category whose members follow in parentheses (``NAS 方法（AutoFIS,
    NASRec）``: its members are the systems) and a system that only
    describes the one before it (``OpenCLIP ViT-G/14``).  A list closed by
    its head noun types its members (see :func:`retype_lists`)."""
    ms = []
    for span in spans_within(spans, starts, sent):
        key = span_key(span)
        ent = entities.get(key)
        if ent is not None:
            ms.append(
                Mention(
                    span.start_char - sent.start_char,
                    span.end_char - sent.start_char,
                    key,
                    ent["type"],
                    ent["role"] == "proposes",
                    ent.get("lower_is_better"),
                    is_lead_label(span),
                )
            )
    text = sent.text
    retype_lists(text, ms)
    possessed_measures(text, ms)
    trained_models(text, ms)
    settings(text, ms)
    ms = [
        m
        for m, nxt in zip(ms, ms[1:] + [None])
        if not (nxt is not None and m.is_system and nxt.is_system and _is_category(text, m, nxt))
    ]
    return [
        m
        for prev, m in zip([None] + ms, ms)
        if not (
            prev is not None
            and prev.is_system
            and m.is_system
            and not m.proposed
            and _DESCRIBES_RE.fullmatch(text[prev.end : m.start])
        )
    ]


# after a dataset: the model trained on it ('X 预训练模型', 'X 上训练的模型', 'the X-pretrained model')
_TRAINED_AFTER_RE = re.compile(
    r"[\s*]*(?:上)?(?:预训练|训练)(?:的|出的|得到的)?[\s*]*(?:模型|编码器)"
    r"|[\s*]*-?(?:pre-?trained|trained)\s+(?:models?|encoders?|backbones?)\b",
    re.IGNORECASE,
)
# before a dataset: 'models pretrained on X', 'the model trained on X'
_TRAINED_BEFORE_RE = re.compile(
    r"\b(?:models?|encoders?)\s+(?:pre-?trained|trained)\s+on\s+(?:the\s+)?$", re.IGNORECASE
)


def trained_models(text: str, ms: list[Mention]) -> None:
    """A dataset named as the model trained on it (``X 预训练模型在零样本设置下
    优于 A``, ``models pretrained on X outperform A``) is a system of the
    sentence: its mention becomes a described system (see
    :mod:`kg.extract.described`) named by the whole phrase, with the
    dataset's name as its alias; the comparison stage gives it an entity
    reached through its comparisons only.  ``ms`` is changed in place."""
    for i, m in enumerate(ms):
        if m.label not in DATASET_LABELS:
            continue
        after = _TRAINED_AFTER_RE.match(text, m.end)
        before = None if after else _TRAINED_BEFORE_RE.search(text, max(0, m.start - 40), m.start)
        if after is None and before is None:
            continue
        start, end = (m.start, after.end()) if after else (before.start(), m.end)
        name = re.sub(r"[\s*]+", " ", text[start:end]).strip()
        ms[i] = Mention(start, end, described_key(name, [text[m.start : m.end]]), Label.MODEL)


def _is_category(text: str, m: Mention, first: Mention) -> bool:
    """True when ``m`` names a category whose members follow in parentheses,
    ``first`` the first of them: a head noun (``NAS 方法（AutoFIS…``), an
    'e.g.' or a list inside (``X（A, B）``) says so; ``SAM 2 (Hiera-B+)`` is one
    system and its variant, and in ``A 相比学习模型（B）`` the category is
    the compared one, not A."""
    c = _CATEGORY_RE.fullmatch(text[m.end : first.start])
    return bool(c and (c.group("head") or c.group("eg") or _PAREN_LIST_RE.match(text, first.start)))


# after a system: a category, task or protocol of the evaluation it names ('Multi-Foo 类别')
_CATEGORY_AFTER_RE = re.compile(
    r"[\s*)）]*(?:类别|子任务|任务|子集|categor(?:y|ies)\b|tasks?\b|subsets?\b|splits?\b"
    r"|(?:的[^，。；,;的]{0,6})?协议|protocols?\b)",  # 'MVSS-Net 的小样本协议': an evaluation protocol named for a system
    re.IGNORECASE,
)
# after a metric: an evaluation named for it ('在 FooScore 评估中')
_EVALUATION_AFTER_RE = re.compile(r"[\s*]*(?:评估|评测|测评)[中上]")
# after a name: the human or subjective evaluation it names ('ZGB 主观评估中', 'Elo 人工评测中')
_JUDGED_AFTER_RE = re.compile(r"[\s*]*(?:主观|人工|人类|用户)(?:评估|评测|测评|评价)[中上]")
# after a name: one of its tasks or splits ('的 XYZ 任务中', '的测试子集上')
_OF_TASK_AFTER_RE = re.compile(r"[\s*]*的[^，。；,;的]{0,12}?(?:任务|子任务|子集|划分)[中上]")
_IN_BEFORE_RE = re.compile(r"在[\s*]*$")

#: a name that says where or by what a claim is measured, not which system makes it:
#: (the labels it may have, what follows it, 在 right before it, a name the gazetteer
#: does not know, the label it takes); the paper's own names keep theirs
_SETTING_RULES = (
    (SYSTEM_LABELS, _CATEGORY_AFTER_RE, False, False, Label.DATASET),  # '在 Multi-Foo 类别上'
    (frozenset({Label.METRIC}), _EVALUATION_AFTER_RE, True, False, Label.BENCHMARK),  # '在 FooScore 评估中'
    (SYSTEM_LABELS, _JUDGED_AFTER_RE, True, True, Label.METRIC),  # '在 ZGB 主观评估中领先 X'
    (frozenset({Label.METHOD}), _OF_TASK_AFTER_RE, True, True, Label.DATASET),  # '在 gZorbSet 的 XYZ 任务中'
)


def settings(text: str, ms: list[Mention]) -> None:
    """Retype the mentions of ``text`` that name the setting of a claim
    (see :data:`_SETTING_RULES`): a category or task of the evaluation
    (``在 Multi-Foo 类别上``), an evaluation named for its measure (``在
    FooScore 评估中``: a benchmark), a human or subjective evaluation
    protocol (``在 ZGB 主观评估中``: a measure), a dataset named with one
    of its tasks (``在 gZorbSet 的 XYZ 任务中``).  ``ms`` is changed in place."""
    for m in ms:
        for labels, after, framed, unknown, label in _SETTING_RULES:
            if (
                m.label in labels
                and not (m.proposed and m.label in SYSTEM_LABELS)
                and after.match(text, m.end)
                and (not framed or _IN_BEFORE_RE.search(text, 0, m.start))
                and (not unknown or gazetteer().lookup_key(m.key) is None)
            ):
                m.label = label
                break


# a head noun and a parenthesis listing its members: '在多数指标上（尤其是 A、B）', 'metrics (e.g., A, B)'
_HEAD_PAREN_RE = re.compile(
    r"(?:(?P<d>基准(?!方法|模型|线)|数据集|评测集|测试集|benchmarks|datasets)"
    r"|(?P<s>基线|基准方法|基准模型|方法|模型|baselines|methods|models)"
    r"|(?P<m>指标|metrics))[上中]?[\s*]*[（(](?P<inside>[^()（）]{1,120})[)）]",
    re.IGNORECASE,
)


# the parenthesis opens the list, maybe after a word and items that are no mention ('（g2t, g2s, FID）')
_MEMBERS_OPEN_RE = re.compile(
    r"[\s*]*(?:尤其是|特别是|如|例如|比如|包括|e\.g\.,?|such as|including|i\.e\.,?)?[\s*]*"
    r"(?:[A-Za-z0-9@+./_-]{1,20}[\s*]*[,，、][\s*]*)*",
    re.IGNORECASE,
)


# '在 A 和 B 方面': the aspects a comparison is made in
_ASPECT_RE = re.compile(r"在(?P<inside>[^，。；,;在]{1,60}?)方面")
_GLOSS_OPEN_RE = re.compile(r"[\u4e00-\u9fff][（(]\s*$")


#: a compare frame right before a name ('相比 A，…', '与 A 相比，…' has its name inside)
_FRAME_BEFORE_RE = re.compile(r"(?:相比于?|相较于?|对比|比起)[\s*]*$")


def _continues_list(text: str, chain: list[Mention], m: Mention, nxt: Mention | None) -> bool:
    """True when the list ``chain`` (ending in ``m``) goes on with ``nxt``:
    a list separator between them, but not the comma after a name that
    closes a compare frame ('相比 A，B 指标…': no list opens with A)."""
    if nxt is None or not _LIST_SEP_RE.fullmatch(text[m.end : nxt.start]):
        return False
    gap = text[m.end : nxt.start]
    return not (len(chain) == 1 and ("，" in gap or "," in gap) and _FRAME_BEFORE_RE.search(text, 0, m.start))


def _retype(m: Mention, head: re.Match, keep_datasets: bool = False) -> None:
    """Give ``m`` the type the head noun of its list says (own names keep
    theirs; datasets keep theirs with ``keep_datasets``)."""
    if m.proposed or m.label not in DATASET_LABELS | SYSTEM_LABELS or (keep_datasets and m.label in DATASET_LABELS):
        return
    if head.group("d") and m.label not in DATASET_LABELS:
        m.label = Label.BENCHMARK
    elif head.group("s") and m.label in DATASET_LABELS:
        m.label = Label.METHOD
    elif head.group("m"):
        m.label = Label.METRIC


def retype_lists(text: str, ms: list[Mention]) -> None:
    """A list closed by its head noun types its members in this sentence:
    ``Video-MME、ActivityNet-QA 和 Video-ChatGPT 等基准`` (Video-ChatGPT, also
    a model's name, is a benchmark here), ``优于 Magpie、Alpaca 等合成基线``
    (Magpie, also a dataset's name, is a system here), ``在 CLIP-Frame 和
    Motion Flow L1 指标上`` (metrics); so does a head noun before a
    parenthesis listing the members (``在多数指标上（尤其是 A、B）``); a name
    glossing an aspect (``在运动真实感（Motion Realism）方面``) is a metric.  The
    paper's own names keep their type."""
    chain: list[Mention] = []
    for m, nxt in zip(ms, ms[1:] + [None]):
        chain.append(m)
        if _continues_list(text, chain, m, nxt):
            continue
        gloss = _GLOSS_AFTER_RE.match(text, m.end)  # 'Motion Richness（运动丰富性）等关键指标'
        head = _LIST_HEAD_RE.match(text[gloss.end() if gloss else m.end :]) if len(chain) > 1 else None
        if head:
            for c in chain:
                _retype(c, head)  # '在 CLIP-Frame 和 Motion Flow L1 指标上'
        chain = []
    for head in _HEAD_PAREN_RE.finditer(text) if "(" in text or "（" in text else ():
        inside = [m for m in ms if head.start("inside") <= m.start and m.end <= head.end("inside")]
        if inside and _MEMBERS_OPEN_RE.fullmatch(text[head.start("inside") : inside[0].start]):
            for m in inside:
                _retype(m, head, keep_datasets=True)  # '核心指标 (FooEval)': the metric's benchmark
    for frame in _ASPECT_RE.finditer(text) if "方面" in text else ():
        for m in ms:
            inside = frame.start("inside") <= m.start and m.end <= frame.end("inside")
            if inside and not m.proposed and m.label in SYSTEM_LABELS and _GLOSS_OPEN_RE.search(text, 0, m.start):
                m.label = Label.METRIC  # '在运动真实感（Motion Realism）方面优于 X': a glossed aspect, no system


# after a name: the value it is stated to reach ('的 AURAC 达到了 38.4%', '的 FooScore 为 0.81')
_VALUE_AFTER_RE = re.compile(r"[\s*]*(?:达到了?|达|为|是|高达|仅为|提升至|提高到|提升到)[\s*]*[约近]?[\s*]*\d")


# before a name: an average or overall value of it ('平均 AMSR 达到 3.70')
_MEAN_BEFORE_RE = re.compile(r"(?:平均|整体|总体|综合)[\s*]*$")


def possessed_measures(text: str, ms: list[Mention]) -> None:
    """A name right after a system and 的, or after 平均/整体 (``平均 AMSR
    达到 3.70``), followed by the value it reaches, is a measure, not a
    system (``MatryoshkaLoRA 的 AURAC 达到了 38.4%``, even a measure the
    paper proposes): typed a metric in this
    sentence, unless the gazetteer knows it as a system (``基于 Qwen 的
    Llama-3 达到 …`` keeps Llama-3)."""
    for prev, m in zip([None, *ms], ms):
        owned = prev is not None and prev.is_system and prev.key != m.key
        if (
            (m.label in SYSTEM_LABELS or m.is_system)
            and (
                (owned and re.fullmatch(r"[\s*]*的[\s*]*", text[prev.end : m.start]))
                or _MEAN_BEFORE_RE.search(text, max(0, m.start - 6), m.start)
            )
            and _VALUE_AFTER_RE.match(text, m.end)
        ):
            entry = gazetteer().lookup_key(m.key)
            if entry is None or entry.type not in SYSTEM_LABELS:
                m.label = Label.METRIC


#: after the last of a list: its head noun says the members are baselines ('A、B 等基线方法')
_BASELINE_HEAD_RE = re.compile(r"[\s*]*(?:等)?[^，。；,;]{0,6}?(?:" + _BASELINE_WORD + r"|baselines?\b)", re.IGNORECASE)


_WITH_BEFORE_RE = re.compile(r"(?:与|同|跟)[\s*（(如]*$")
_COMPARE_AFTER_RE = re.compile(r"[^，。；,;]{0,6}?(?:比较|对比|相比|比)")
#: a compare frame closing right after a list: '与 A 和 B（等方法）进行比较', '与 A 相比'
_FRAME_CLOSE_RE = re.compile(r"[\s*）)]*(?:等[^，。；,;\s]{0,6}?)?(?:进行|做)?(?:比较|对比|相比)")


#: a part of something right before the 与 of a compare frame ('Zorblax 的检索模块与 …'); not the
#: paper's own ('我们的模型与 …') nor a setting ('在未见过的任务上与 …')
_PART_BEFORE_RE = re.compile(r"(?<!我们)(?<!本文)(?<!所提)(?<!提出)的[\u4e00-\u9fff]{1,6}(?<![上中下时后内])[\s*]*$")
#: a negation before the 与 of a compare frame
_NEGATION_RE = re.compile(r"没有|未能|并未|无法|未(?![见来知经])|不(?![同仅断少论])")


def _framed_members(text: str, chain: list[Mention]) -> list[Mention]:
    """The members of ``chain`` inside the compare frame it closes: those
    after its last 与 ('Zorblax 与 A 和 B 进行比较': A and B), else all of
    it when 与 opens it; none without a 与."""
    for i in range(len(chain) - 1, -1, -1):
        if w := _WITH_BEFORE_RE.search(text, chain[i - 1].end if i else 0, chain[i].start):
            opened = max(text.rfind(c, 0, w.start()) for c in "，,；;。") + 1
            if _NEGATION_RE.search(text, opened, w.start()):
                return []  # '我们没有与 A 和 B 进行比较': none compared
            if i and not (chain[i - 1].proposed and not text[chain[i - 1].end : w.start()].strip()):
                return []  # 'QuxNet 与 VorpNet 相比': not the paper's system compared
            if _PART_BEFORE_RE.search(text, opened, w.start()):
                return []  # 'Zorblax 的检索模块与 A 和 B 进行比较': a component study
            return chain[i:]
    return []


def listed_baselines(text: str, ms: list[Mention]) -> list[str]:
    """Keys of the systems of ``text`` listed under a baseline head noun in
    a comparison frame (``与 VGGT, π³, MapAnything 等基线方法进行比较``), not
    the paper's own."""
    out: list[str] = []
    chain: list[Mention] = []
    for m, nxt in zip(ms, ms[1:] + [None]):
        chain.append(m)
        if _continues_list(text, chain, m, nxt):
            continue
        head = _BASELINE_HEAD_RE.match(text, m.end) if len(chain) > 1 else None
        if head and _WITH_BEFORE_RE.search(text, 0, chain[0].start) and _COMPARE_AFTER_RE.match(text, head.end()):
            out += [c.key for c in chain if c.is_system and not c.proposed]
        elif _FRAME_CLOSE_RE.match(text, m.end):
            out += [c.key for c in _framed_members(text, chain) if c.is_system and not c.proposed]
        chain = []
    return out
