"""Mentions: what the spaCy components found, refined with what one
sentence cannot tell.

The components of :mod:`kg.nlp.pipeline` mark names sentence by sentence.  This module
holds the mention-level knowledge the extractor adds on top: the linking key
of a mention, passes over a paper's Docs that join or extend spans
(``Depth Anything`` + ``V2-L``, ``iPhone`` + ``12 Plus`` lives in
:mod:`kg.extract.hardware_use`), tests on a mention's surroundings (an author's name,
a word of an acronym's long form, a translation gloss), and the conversion
of a sentence's spans into :class:`~kg.extract.relations.Mention` objects for the
relation rules.  Offsets are character offsets into the section text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice

from kg.link import entity_key
from kg.nlp.pipeline import (
    doc_text,
    mention_info,
    mention_spans,
    sentence_of,
    set_mention_info,
    set_mention_spans,
    span_text,
)
from kg.extract.relations import DATASET_LABELS, SYSTEM_LABELS, Mention

HARDWARE_LABELS = {"Accelerator", "Device"}

_VERSION_RE = re.compile(r"[Vv]\d+(?:\.\d+)?(?:-[A-Za-z0-9]+)*")
_SUFFIX_RE = re.compile(
    r"-(?:Zero|Lite|Mini|Nano|Pro|Max|Plus|Ultra|Base|Instruct|Chat|Preview|Turbo|"
    r"[A-Z]{1,2}|\d+(?:\.\d+)?[BbMm]?)(?![\w-])"
)
_RESOLUTION_RE = re.compile(r"\d{2,5}\s?[x×*]\s?\d{2,5}(?:p|px)?", re.IGNORECASE)
# a parenthesised acronym after at most two more words: '… modeling (VAR)'
_ACRONYM_AFTER_RE = re.compile(r"(?:[\s-]+[A-Za-z][\w-]*){0,2}\s*[(（]\s*(?P<acro>[A-Z][A-Za-z0-9-]{1,9})\s*[)）]")
_LEVEL_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]\d(?![A-Za-z0-9])")
# between a category and its first member: 'NAS 方法（AutoFIS…', 'RL methods (PPO…'
_CATEGORY_RE = re.compile(
    r"[\s*]*(?P<head>[\u4e00-\u9fff]{0,4}(?:方法|模型|算法|框架|系列)|"
    r"(?:methods?|models?|algorithms?|baselines?|family))?[\s*]*[（(][\s*]*"
    r"(?P<eg>如|例如|e\.g\.,?|such as|including)?[\s*]*",
    re.IGNORECASE,
)
_PAREN_LIST_RE = re.compile(r"[^()（）]*?[,，、][^()（）]*[)）]")
# between a system and a second one that describes it: 'OpenCLIP ViT-G/14', 'MiDaS v3.1（BEiT-L-512）'
_DESCRIBES_RE = re.compile(r" |\s*(?:v?\d+(?:\.\d+)*)?\s*[（(]\s*")
_LIST_SEP_RE = re.compile(r"[\s*]*(?:、|和|及|与|以及|,|，|and|as well as)[\s*]*", re.IGNORECASE)
_LIST_HEAD_RE = re.compile(
    r"[\s*]*(?:等)?[^，。；,;]{0,6}?(?:(?P<d>基准(?!方法|模型|线)|数据集|评测集|测试集|benchmarks?|datasets?)"
    r"|(?P<s>基线|基准方法|基准模型|方法|模型|baselines?|methods?|models?)|(?P<m>指标|metrics?))",
    re.IGNORECASE,
)
_LEAD_BEFORE_RE = re.compile(r"^[\s*>#\-+\d.]*$")
_LEAD_AFTER_RE = re.compile(r"^\s*(?:[(（][^()（）\n]{0,30}[)）])?[\s*]*[:：]")


def span_key(span) -> str:
    """Linking key of a mention: the gazetteer entry's key, else the key of
    its canonical name (``span._.kg_name``) or its text."""
    info = mention_info(span)
    if info.entry is not None:
        return info.entry.key
    return entity_key(info.name or span_text(span), hardware=span.label_ in HARDWARE_LABELS)


def is_lead_label(span) -> bool:
    """True when a mention is the lead label of a list item or paragraph
    (``*   **Points24（24点游戏）**：…``): the topic of what follows."""
    text = doc_text(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    return bool(
        _LEAD_BEFORE_RE.match(text[line_start : span.start_char])
        and _LEAD_AFTER_RE.match(text[span.end_char : span.end_char + 40])
    )


# -- passes over a paper's Docs (spans replaced in place) ---------------------------
def rewrite_spans(docs, step) -> None:
    """Walk each Doc's mentions left to right; ``step(doc, text, span, nxt)``
    returns None to keep ``span``, or ``(new_span, n)`` to put ``new_span``
    in place of the ``n`` (1 or 2) spans starting at ``span``."""
    for doc in docs:
        text = doc_text(doc)
        spans, out, changed, i = mention_spans(doc), [], False, 0
        while i < len(spans):
            done = step(doc, text, spans[i], spans[i + 1] if i + 1 < len(spans) else None)
            if done is None:
                out.append(spans[i])
                i += 1
            else:
                out.append(done[0])
                i += done[1]
                changed = True
        if changed:
            set_mention_spans(doc, out)


def _longer(doc, sp, end: int, label: str, name: str | None = None):
    """``sp`` extended to character ``end`` (None if no token boundary there)."""
    longer = doc.char_span(sp.start_char, end, label=label, alignment_mode="expand")
    if longer is not None:
        set_mention_info(longer, source="shape", name=name)
    return longer


def _version_step(doc, text, sp, nxt):
    if mention_info(sp).entry is None or sp.label_ in HARDWARE_LABELS:
        return None
    if (
        nxt is not None
        and mention_info(nxt).entry is None
        and text[sp.end_char : nxt.start_char] == " "
        and _VERSION_RE.fullmatch(span_text(nxt))
    ):
        longer = _longer(doc, sp, nxt.end_char, sp.label_)
        return (longer, 2) if longer is not None else None
    m = _SUFFIX_RE.match(text, sp.end_char)
    if not m or (nxt is not None and nxt.start_char < m.end()):
        return None
    longer = _longer(doc, sp, m.end(), sp.label_)
    return (longer, 1) if longer is not None and (nxt is None or longer.end <= nxt.start) else None


_ANY_YEAR_RE = re.compile(r" (?:19|20)\d\d")
_YEAR_AFTER_RE = re.compile(r" (?:19|20)\d\d(?![\w%]|\.\d)")


def _year_step(doc, text, sp, nxt):
    if sp.label_ not in DATASET_LABELS:
        return None
    m = _YEAR_AFTER_RE.match(text, sp.end_char)
    if not m or (nxt is not None and nxt.start_char < m.end()):
        return None
    longer = _longer(doc, sp, m.end(), sp.label_)
    return (longer, 1) if longer is not None else None


_MATH_PREFIX_RE = re.compile(r"\$(?P<math>[^$\n]{1,20})\$-$")


def _math_prefix_step(doc, text, sp, nxt):
    m = _MATH_PREFIX_RE.search(text, max(0, sp.start_char - 24), sp.start_char)
    if m is None or mention_info(sp).entry is not None:
        return None
    longer = doc.char_span(m.start(), sp.end_char, label=sp.label_, alignment_mode="expand")
    if longer is None or longer.end != sp.end:
        return None
    plain = re.sub(r"[\\{}_^$ ]", "", m.group("math"))
    set_mention_info(longer, source="shape", name=f"{plain}-{span_text(sp)}")
    return longer, 1


def join_math_prefixes(docs) -> None:
    """A name glued by a hyphen to inline math before it is one name, written
    without the LaTeX: ``$Λ_{24}$-SQ`` is ``Λ24-SQ``."""
    rewrite_spans([d for d in docs if "$-" in doc_text(d)], _math_prefix_step)


def join_versions(docs) -> None:
    """A known name followed by a version or variant is that version, one
    name: ``Depth Anything`` + ``V2-L``, ``DeepSeek-R1`` + ``-Zero``; a
    dataset followed by a year is that year's edition (``FooCup 2022``)."""
    rewrite_spans(docs, _version_step)
    rewrite_spans([d for d in docs if _ANY_YEAR_RE.search(doc_text(d))], _year_step)


_PLUS_RE = re.compile(r"\s*\+\s*")


def _composite_step(doc, text, sp, nxt):
    if (
        nxt is None
        or sp.label_ not in SYSTEM_LABELS
        or nxt.label_ not in SYSTEM_LABELS
        or not _PLUS_RE.fullmatch(text[sp.end_char : nxt.start_char])
    ):
        return None
    whole = _longer(
        doc,
        sp,
        nxt.end_char,
        "Method",
        f"{mention_info(sp).name or span_text(sp)} + {mention_info(nxt).name or span_text(nxt)}",
    )
    return (whole, 2) if whole is not None else None


def join_composites(docs) -> None:
    """Two systems joined by ``+`` are one composite system, a pipeline of
    both: ``EX-4D + IC-Light`` (its name is the text as written)."""
    rewrite_spans(docs, _composite_step)


_SIZE = r"\d+(?:\.\d+)?[BM]"
# a family listed with its sizes: 'Qwen2.5 系列模型（1.5B 和 3B）'
_FAMILY_SIZES_RE = re.compile(
    r"[\s*]*(?:系列)?(?:模型|models?)?\s*[（(]\s*(?P<sizes>"
    + _SIZE
    + r"(?:\s*(?:、|,|，|和|及|与|and|/)\s*"
    + _SIZE
    + r")+)\s*[)）]",
    re.IGNORECASE,
)
# a size named alone: '在较大的 3B 模型上'
_SIZE_REF_RE = re.compile(
    r"(?<![\w.\-])(?P<size>" + _SIZE + r")\s*(?:参数)?(?:规模)?(?:的)?\s*(?:模型|版本|models?\b|variants?\b)",
    re.IGNORECASE,
)


def name_sizes(docs) -> None:
    """A size named alone (``在较大的 3B 模型上``) in a paper that lists one
    model family with that size (``Qwen2.5 系列模型（1.5B 和 3B）``) is that
    family's model: a mention named ``Qwen2.5-3B`` (spans added in place)."""
    families: dict[str, set[str]] = {}
    for doc in docs:
        text = doc_text(doc)
        for sp in mention_spans(doc):
            m = _FAMILY_SIZES_RE.match(text, sp.end_char) if sp.label_ in SYSTEM_LABELS else None
            for size in re.findall(_SIZE, m.group("sizes")) if m else []:
                families.setdefault(size.upper(), set()).add(span_text(sp))
    if not families:
        return
    for doc in docs:
        text = doc_text(doc)
        spans = mention_spans(doc)
        taken = [(sp.start_char, sp.end_char) for sp in spans]
        added = False
        for m in _SIZE_REF_RE.finditer(text):
            owners = families.get(m.group("size").upper(), set())
            if len(owners) != 1 or any(a < m.end("size") and m.start("size") < b for a, b in taken):
                continue
            span = doc.char_span(m.start("size"), m.end("size"), label="Model")
            if span is None:
                continue
            set_mention_info(span, source="shape", name=f"{next(iter(owners))}-{m.group('size')}")
            spans.append(span)
            added = True
        if added:
            set_mention_spans(doc, sorted(spans, key=lambda sp: sp.start))


def complete_mentions(docs, entities: dict[str, dict], gaz) -> None:
    """Mark every further occurrence of the paper's own new names
    (``Zorblax achieves 45.2 mAP …`` after ``名为 Zorblax``) where the shape
    rules, which look at one sentence, did not.  ``entities`` maps keys to
    the extractor's entity dicts."""
    forms = {}
    for key, ent in entities.items():
        if ent["type"] in ("Model", "Method", "Dataset", "Benchmark") and ent["role"] == "proposes":
            for form in [ent["name"], *ent["aliases"]]:
                if len(form) >= 3 and entity_key(form) == key and not gaz.is_generic(form):
                    forms[form] = ent["type"]
    if not forms:
        return
    longest_first = sorted(forms, key=len, reverse=True)
    for doc in docs:
        spans = mention_spans(doc)
        taken = [(sp.start_char, sp.end_char) for sp in spans]
        added = False
        for start, end, form in whole_words(doc_text(doc), longest_first):
            if any(a < end and start < b for a, b in taken):
                continue
            span = doc.char_span(start, end, label=forms[form])
            if span is None:
                continue
            set_mention_info(span, source="paper")
            spans.append(span)
            added = True
        if added:
            set_mention_spans(doc, sorted(spans, key=lambda sp: sp.start))


def _word_char(c: str) -> bool:
    """A character of ``[\\w-]`` (as ``re`` defines ``\\w`` for str)."""
    return c.isalnum() or c == "_" or c == "-"


def whole_words(text: str, forms: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, form) of the occurrences of ``forms`` (non-empty strings)
    in ``text`` with no word character or hyphen on either side, left to
    right, not overlapping; where several start at one place, the first of
    ``forms`` wins.  The same matches as ``re.finditer`` of the alternation
    ``(?<![\\w-])f1(?![\\w-])|(?<![\\w-])f2(?![\\w-])|…`` without compiling a new
    regex for every paper."""
    hits = []
    n = len(text)
    for rank, form in enumerate(forms):
        i = text.find(form)
        while i >= 0:
            j = i + len(form)
            if not (i > 0 and _word_char(text[i - 1])) and not (j < n and _word_char(text[j])):
                hits.append((i, rank, j, form))
            i = text.find(form, i + 1)
    out, end = [], 0
    for i, _rank, j, form in sorted(hits):
        if i >= end:
            out.append((i, j, form))
            end = j
    return out


# -- tests on a mention's surroundings ----------------------------------------------
def not_a_name(span) -> bool:
    """True for mentions that are never names: an image resolution
    (``256x256``) or one level of a scale the sentence spans (``从 L1 … 至 L3``;
    a lone ``L1`` in ``如 L1, ThinkPrune`` is a name)."""
    surface = span_text(span)
    if _RESOLUTION_RE.fullmatch(surface):
        return True
    if mention_info(span).entry is None and _LEVEL_RE.fullmatch(surface):
        levels = {m for m in _LEVEL_RE.findall(sentence_of(span).text) if m[0] == surface[0]}
        return len(levels) > 1
    return False


_OPEN_PAREN_RE = re.compile(r"[\s*]*[（(][\s*]*")


def glosses(name, gloss) -> bool:
    """True when ``gloss`` stands in parentheses right after the mention
    ``name`` (a translation or a new name built on it)."""
    return bool(_OPEN_PAREN_RE.fullmatch(doc_text(name.doc)[name.end_char : gloss.start_char]))


def expands(name, gloss) -> bool:
    """True when ``gloss`` spells out the acronym right before it:
    ``RTC（Real-Time Chunking）`` (not ``…GRPO（AP-GRPO）``, a new name)."""
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", span_text(gloss))
    return (
        glosses(name, gloss)
        and len(words) > 1
        and span_text(name).casefold() not in span_text(gloss).casefold()
        and _abbreviates(span_text(name), words)
    )


def head_cues(pats: dict) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(label, casefolded cue words) for :func:`gloss_head_type`, in the order
    they are tried, from the cue lists of ``kg/data/patterns.json``
    (``pats``); made once by the caller."""
    return tuple(
        (label, tuple(c.casefold() for c in pats[name]))
        for label, name in (
            ("Metric", "metric_cue"),
            ("Dataset", "dataset_cue"),
            ("Model", "model_cue"),
            ("Method", "method_cue"),
        )
    )


def gloss_head_type(gloss, cues: tuple) -> str | None:
    """Type of a translation gloss from the Chinese head noun it translates:
    ``点云重建误差（Point Error）`` is a Metric, ``拼图任务（Jigsaw）`` a Dataset (a
    task), ``直接监督微调方法（…）`` a Method; None when the head says nothing.
    ``cues`` is :func:`head_cues` of the patterns."""
    text = doc_text(gloss.doc)
    head = re.sub(r"[\s*（(]+$", "", text[max(0, gloss.start_char - 16) : gloss.start_char]).casefold()
    for label, words in cues:
        if head.endswith(words):
            return label
    if head.endswith("任务"):
        return "Dataset"
    return None


def in_author_name(span, authors) -> bool:
    """True when the mention lies inside one of the paper's authors' names
    written out in the text (``Yi`` of ``Yi Jiang``)."""
    if not authors:
        return False
    text, surface = doc_text(span.doc), span_text(span)
    for name in authors:
        if surface in name:
            i = text.find(name, max(0, span.start_char - len(name)))
            if 0 <= i <= span.start_char and span.end_char <= i + len(name):
                return True
    return False


def _initials(words: list[str]) -> str:
    """Initials of words, inner capitals included (``AutoRegressive`` -> AR)."""
    return "".join(w[0] + "".join(ch for ch in w[1:] if ch.isupper()) for w in words).upper()


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """True when the letters of ``acronym`` appear in order among the
    initials of ``words``."""
    acro = re.sub(r"[^A-Za-z]", "", acronym).upper()
    it = iter(_initials(words))
    return len(acro) >= 2 and all(c in it for c in acro)


def in_expansion(span) -> bool:
    """True when the mention is a word of the long form of an acronym that
    follows in parentheses: ``Visual AutoRegressive modeling (VAR)``."""
    text = doc_text(span.doc)
    m = _ACRONYM_AFTER_RE.match(text, span.end_char)
    if not m or span_text(span) in m.group("acro"):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", text[max(0, span.start_char - 60) : m.start("acro")])
    return _abbreviates(m.group("acro"), words)


def acronym_long_form(span) -> str | None:
    """The English long form an acronym in parentheses stands for, as
    written: ``Branch-and-Bound (BnB)`` -> ``Branch-and-Bound``, ``Sparse
    Mixture of Experts (SMoE)`` -> ``Sparse Mixture of Experts``; the
    acronym's capitals must be the initials of the long form's capitalised
    words (function words may sit between), its first letter the first
    word's.  None when no such long form precedes."""
    text = doc_text(span.doc)
    if text[max(0, span.start_char - 3) : span.start_char].rstrip()[-1:] not in ("(", "（"):
        return None
    before = text[max(0, span.start_char - 80) : span.start_char]
    m = re.search(r"(?P<long>[A-Za-z][A-Za-z0-9]*(?:[ -][A-Za-z][A-Za-z0-9]*){0,7})\s*[(（]\s*$", before)
    caps = [c for c in span_text(span) if c.isupper()]
    if not m or len(caps) < 2:
        return None
    words = re.split(r"([ -])", m.group("long"))
    # the shortest run of trailing words whose capitalised initials spell the capitals
    for k in range(len(words) - 1, -1, -2):
        run = words[k:]
        initials = [w[0] for w in run[::2] if w[:1].isupper()]
        if initials == caps and run[0][:1] == caps[0]:
            return "".join(run)
        if len(initials) > len(caps):
            return None
    return None


def defines_acronym(span) -> bool:
    """True when the mention is an acronym in parentheses right after its
    long form: ``Visual AutoRegressive modeling (VAR)``."""
    text = doc_text(span.doc)
    before = text[max(0, span.start_char - 80) : span.start_char]
    if not re.search(r"[(（]\s*$", before) or not re.fullmatch(r"[A-Z][A-Za-z0-9-]{1,9}", span_text(span)):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", re.sub(r"[(（]\s*$", "", before))[-6:]
    surface = span_text(span)
    return surface[0].upper() in _initials(words) and _abbreviates(surface, words)


# -- a sentence's spans as relation-rule mentions ------------------------------------
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
    for m in ms:
        if m.label in SYSTEM_LABELS and not m.proposed and _CATEGORY_AFTER_RE.match(text, m.end):
            m.label = "Dataset"  # '在 Multi-Foo 类别上': a task or category of the evaluation, not a system
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


def _is_category(text: str, m: Mention, first: Mention) -> bool:
    """True when ``m`` names a category whose members follow in parentheses,
    ``first`` the first of them: a head noun (``NAS 方法（AutoFIS…``), an
    'e.g.' or a list inside (``X（A, B）``) says so; ``SAM 2 (Hiera-B+)`` is one
    system and its variant."""
    c = _CATEGORY_RE.fullmatch(text[m.end : first.start])
    return bool(c and (c.group("head") or c.group("eg") or _PAREN_LIST_RE.match(text, first.start)))


# a head noun and a parenthesis listing its members: '在多数指标上（尤其是 A、B）', 'metrics (e.g., A, B)'
_CATEGORY_AFTER_RE = re.compile(
    r"[\s*)）]*(?:类别|子任务|任务|子集|categor(?:y|ies)\b|tasks?\b|subsets?\b|splits?\b)", re.IGNORECASE
)
_HEAD_PAREN_RE = re.compile(
    r"(?:(?P<d>基准(?!方法|模型|线)|数据集|评测集|测试集|benchmarks|datasets)"
    r"|(?P<s>基线|基准方法|基准模型|方法|模型|baselines|methods|models)"
    r"|(?P<m>指标|metrics))[上中]?[\s*]*[（(](?P<inside>[^()（）]{1,120})[)）]",
    re.IGNORECASE,
)


_MEMBERS_OPEN_RE = re.compile(
    r"[\s*]*(?:尤其是|特别是|如|例如|比如|包括|e\.g\.,?|such as|including|i\.e\.,?)?[\s*]*", re.IGNORECASE
)


def _retype(m: Mention, head: re.Match, keep_datasets: bool = False) -> None:
    """Give ``m`` the type the head noun of its list says (own names keep
    theirs; datasets keep theirs with ``keep_datasets``)."""
    if m.proposed or m.label not in DATASET_LABELS | SYSTEM_LABELS or (keep_datasets and m.label in DATASET_LABELS):
        return
    if head.group("d") and m.label not in DATASET_LABELS:
        m.label = "Benchmark"
    elif head.group("s") and m.label in DATASET_LABELS:
        m.label = "Method"
    elif head.group("m"):
        m.label = "Metric"


def retype_lists(text: str, ms: list[Mention]) -> None:
    """A list closed by its head noun types its members in this sentence:
    ``Video-MME、ActivityNet-QA 和 Video-ChatGPT 等基准`` (Video-ChatGPT, also
    a model's name, is a benchmark here), ``优于 Magpie、Alpaca 等合成基线``
    (Magpie, also a dataset's name, is a system here), ``在 CLIP-Frame 和
    Motion Flow L1 指标上`` (metrics); so does a head noun before a
    parenthesis listing the members (``在多数指标上（尤其是 A、B）``).  The
    paper's own names keep their type."""
    chain: list[Mention] = []
    for m, nxt in zip(ms, ms[1:] + [None]):
        chain.append(m)
        if nxt is not None and _LIST_SEP_RE.fullmatch(text[m.end : nxt.start]):
            continue
        head = _LIST_HEAD_RE.match(text[m.end :]) if len(chain) > 1 else None
        if head:
            for c in chain:
                _retype(c, head)  # '在 CLIP-Frame 和 Motion Flow L1 指标上'
        chain = []
    for head in _HEAD_PAREN_RE.finditer(text) if "(" in text or "（" in text else ():
        inside = [m for m in ms if head.start("inside") <= m.start and m.end <= head.end("inside")]
        if inside and _MEMBERS_OPEN_RE.fullmatch(text[head.start("inside") : inside[0].start]):
            for m in inside:
                _retype(m, head, keep_datasets=True)  # '核心指标 (FooEval)': the metric's benchmark
