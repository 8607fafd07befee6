"""Mentions: what the spaCy components found, refined with what one
sentence cannot tell.

The components of :mod:`kg.nlp.pipeline` mark names sentence by sentence.  This module
holds the mention-level knowledge the extractor adds on top: the linking key
of a mention and tests on a mention's surroundings (an author's name, a
word of an acronym's long form, a translation gloss).  Passes over a
paper's Docs that join or extend spans are in :mod:`kg.extract.span_passes`;
a sentence's spans become relation-rule mentions in
:mod:`kg.extract.sentence_mentions`.  Offsets are character offsets into the section text.
"""

from __future__ import annotations

import re

from kg.link import entity_key
from kg.model import Label
from kg.nlp.pipeline import doc_text, is_cjk, mention_info, mention_spans, sentence_of, span_text

_RESOLUTION_RE = re.compile(r"\d{2,5}\s?[x×*]\s?\d{2,5}(?:p|px)?", re.IGNORECASE)
# a parenthesised acronym after at most two more words: '… modeling (VAR)'
_ACRONYM_AFTER_RE = re.compile(r"(?:[\s-]+[A-Za-z][\w-]*){0,2}\s*[(（]\s*(?P<acro>[A-Z][A-Za-z0-9-]{1,9})\s*[)）]")
_LEVEL_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]\d(?![A-Za-z0-9])")
_LEAD_BEFORE_RE = re.compile(r"^[\s*>#\-+\d.]*$")
_LEAD_AFTER_RE = re.compile(r"^\s*(?:[(（][^()（）\n]{0,30}[)）])?[\s*]*[:：]")


def span_key(span) -> str:
    """Linking key of a mention: the gazetteer entry's key, else the key of
    its canonical name (``span._.kg_name``) or its text."""
    info = mention_info(span)
    if info.entry is not None:
        return info.entry.key
    return entity_key(info.name or span_text(span), hardware=Label(span.label_).is_hardware)


def is_lead_label(span) -> bool:
    """True when a mention is the lead label of a list item or paragraph
    (``*   **Points24（24点游戏）**：…``): the topic of what follows."""
    text = doc_text(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    return bool(
        _LEAD_BEFORE_RE.match(text[line_start : span.start_char])
        and _LEAD_AFTER_RE.match(text[span.end_char : span.end_char + 40])
    )


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
    they are tried, from the cue lists of ``kg/data/patterns/entity_typing.json``
    (``pats``); made once by the caller."""
    return tuple(
        (label, tuple(c.casefold() for c in pats[name]))
        for label, name in (
            (Label.METRIC, "metric_cue"),
            (Label.DATASET, "dataset_cue"),
            (Label.MODEL, "model_cue"),
            (Label.METHOD, "method_cue"),
        )
    )


def gloss_head_type(gloss, cues: tuple) -> Label | None:
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
        return Label.DATASET
    return None


_MEASURE_NOTE_RE = re.compile(r"[(（]\s*(?:衡量|用于衡量|评估|measur|evaluat)", re.IGNORECASE)
_LIST_LABEL_RE = re.compile(r"[:：]")


def in_measure_list(span) -> bool:
    """True when the mention is listed after a label on a line that ends by
    saying what the list measures (``Text Alignment ：FooCLIP, BarScore
    (衡量编辑内容与提示的匹配度)``): the names are measures, metrics here."""
    text = doc_text(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    after = text[span.end_char : end if end >= 0 else len(text)]
    return bool(_LIST_LABEL_RE.search(text, start, span.start_char) and _MEASURE_NOTE_RE.search(after))


_NAME_LIST_SEP_RE = re.compile(r"[\s*、,，/和及与]*|[\s*]*(?:and|or)[\s*]*")
_PAREN_LIST_RE = re.compile(r"[（(]([^()（）]{1,80})[)）]")


def in_metric_enumeration(span) -> bool:
    """True when the mention is a member of a parenthesised list of names
    (``视频质量（FVD、KVD）``) in a sentence where such a list holds a known
    metric (``（FVD、KVD）、文本对齐（FooSim、BarScore）``): the lists name
    measures, the unknown names are metrics too."""
    whole = doc_text(span.doc)
    opened = max(whole.rfind("（", 0, span.start_char), whole.rfind("(", 0, span.start_char))
    if opened < 0 or max(whole.rfind("）", opened, span.start_char), whole.rfind(")", opened, span.start_char)) >= 0:
        return False  # not inside a parenthesis
    sent = sentence_of(span)
    text = sent.text
    base = sent.start_char
    spans = [sp for sp in mention_spans(span.doc) if base <= sp.start_char and sp.end_char <= base + len(text)]
    mine, known = False, False
    for m in _PAREN_LIST_RE.finditer(text):
        a, b = base + m.start(1), base + m.end(1)
        inside = [sp for sp in spans if a <= sp.start_char and sp.end_char <= b]
        if not inside:
            continue
        rest, last = [], a
        for sp in inside:
            rest.append(whole[last : sp.start_char])
            last = sp.end_char
        rest.append(whole[last:b])
        if not all(_NAME_LIST_SEP_RE.fullmatch(r) for r in rest):
            continue  # the parenthesis says more than a list of names
        mine = mine or any(sp.start_char == span.start_char for sp in inside)
        known = known or any(sp.label_ == Label.METRIC and mention_info(sp).entry is not None for sp in inside)
    return mine and known


def in_title_copy(span, title: str) -> bool:
    """True when the mention lies inside the paper's ``title`` written out
    in the text (``论文摘要分析：ACR: Long Title …``); titles of fewer than 12
    characters are not looked for.  The title's places are found once per Doc."""
    if len(title) < 12:
        return False
    cache = span.doc.user_data.setdefault("kg_title_copies", {})
    places = cache.get(title)
    if places is None:
        text, places, i = doc_text(span.doc), [], -1
        while (i := text.find(title, i + 1)) >= 0:
            places.append((i, i + len(title)))
        cache[title] = places
    return any(a <= span.start_char and span.end_char <= b for a, b in places)


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


_BULLET_HEADER_RE = re.compile(r"\s*(?:[*+\-]|\d+\.)\s+\*\*(?P<head>[^*]+?)\s*(?:\*\*\s*[:：]|[:：]\s*\*\*)")


def in_bullet_header(sec, span, use_marker: re.Pattern) -> bool:
    """True when ``span`` (a mention of section ``sec``) sits in the bold
    header of a list item (``1. **累积误差反馈机制 (Accumulated Error
    Feedback)**：…``) with no use marker (``use_marker``: 基于, 引入 …) before
    it in the header.  In the innovations section such a header names a
    contribution of the paper; in the results section an evaluation."""
    text = sec.text
    start = text.rfind("\n", 0, span.start_char) + 1
    line = text[start : text.find("\n", start) if "\n" in text[start:] else len(text)]
    m = _BULLET_HEADER_RE.match(line)
    if not m:
        return False
    head_start, head_end = start + m.start("head"), start + m.end("head")
    if not (head_start <= span.start_char and span.end_char <= head_end):
        return False
    return not use_marker.search(text[head_start : span.start_char])


# an acronym that may stand for a common noun phrase: capitals (CRUD, MECW),
# one inner lower-case letter (RoI) or a prefixed class plural (dLLMs)
_CONCEPT_ACRONYM_RE = re.compile(r"(?:[A-Z]{2,8}|[A-Z][a-z][A-Z]{1,4}|[a-z][A-Z]{2,6}(?=s$))s?")
_DEFINITION_OPEN_RE = re.compile(r"[(（][\s“”\"「」*]*$")
_DEFINITION_CLOSE_RE = re.compile(r"[\s“”\"「」]*[)）][\s*“”\"」]*")
# '（Reflection-Memory Agent, RMA）': a capitalised long form inside the parentheses
_LONG_FORM_INSIDE_RE = re.compile(r"[(（]\s*[A-Z][\w-]*(?:\s+[A-Za-z][\w-]*){0,7}\s*[,，]\s*$")
_CLAUSE_BREAK_RE = re.compile(r"[，,；;。：:!?！？\n]")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_FUNCTION_WORDS = frozenset({"of", "and", "for", "the", "to", "in", "on", "with", "a", "an", "by"})


def _lower_long_form(before: str, acronym: str) -> bool:
    """True when ``before`` ends in a lower-case English long form of
    ``acronym``: the initials of its last content words (joined by spaces
    or hyphens) are the acronym's capitals (``scene graph parsing``
    for SGP, ``region of interest`` for RoI); its first word may be
    capitalised only at a sentence start (``Multi-agent systems (MAS)``)."""
    caps = [c.casefold() for c in acronym if c.isupper()]
    words = []  # (start, word) of the trailing words, last first
    end = len(before)
    for m in reversed(list(_WORD_RE.finditer(before, max(0, end - 100)))):
        if before[m.end() : end] not in ("", " ", "-"):
            break
        words.append((m.start(), m.group(0)))
        end = m.start()
    content = [(i, w) for i, w in words if w.casefold() not in _FUNCTION_WORDS]
    if len(caps) < 2 or len(content) < len(caps):
        return False
    run = content[: len(caps)][::-1]
    if [w[0].casefold() for _, w in run] != caps or any(not w.islower() for _, w in run[1:]):
        return False
    start, first = run[0]
    at_sentence_start = before[:start].rstrip(" *")[-1:] in ("", ".", "。", "!", "?", "！", "？", "\n")
    return first.islower() or (at_sentence_start and first[1:].islower())


#: a baseline head right before an acronym in parentheses: the acronym names that baseline
#: ('现有基线（ODGEN）'); '现有的扩散策略模型（DPM）' defines a class
_BASELINE_BEFORE_RE = re.compile(r"基线(?:模型|方法)?$")
#: the head word of a task's name: 'Camouflaged Object Detection', 'Multi-Object Tracking'
_TASK_HEAD_RE = re.compile(
    r"[ -](?:Detection|Tracking|Segmentation|Navigation|Estimation|Recognition|Captioning|Grounding|"
    r"Answering|Classification|Localization|Localisation|Anticipation|Forecasting)$"
)


def acronym_definition(span, propose: re.Pattern, heads: re.Pattern) -> str | None:
    """How an acronym in parentheses is defined by the text around it:

    * ``"named"`` when a propose cue (``propose``: 提出, 名为, we propose …)
      stands earlier in its clause (``我们提出了名为层级路由网络（HRN）``) or a
      component head word (``heads``: 模块, module …) follows the
      parenthesis (``运动自适应（MAM）模块``);
    * ``"titled"`` when a capitalised English long form precedes it, inside
      the parenthesis (``记忆代理（Reflection-Memory Agent, RMA）``) or before
      it (``Branch-and-Bound (BnB)``), unless that long form names a task
      (``Multi-Object Tracking (MOT)``, not proposed): then ``"lower"``;
    * ``"concept"`` when it glosses a Chinese phrase (``多智能体系统（MAS）``)
      and ``"lower"`` when it follows a lower-case English noun phrase
      (``scene graph parsing (SGP)``), neither named: a task, a class
      of systems or a quantity, not a name;
    * None for any other mention (not an acronym, not alone in its
      parentheses)."""
    surface = span_text(span)
    if not _CONCEPT_ACRONYM_RE.fullmatch(surface):
        return None
    text = doc_text(span.doc)
    after = _DEFINITION_CLOSE_RE.match(text, span.end_char)
    if not after:
        return None
    before = text[max(0, span.start_char - 80) : span.start_char]
    if _LONG_FORM_INSIDE_RE.search(before):
        return "titled"
    opening = _DEFINITION_OPEN_RE.search(before)
    if not opening:
        return None
    before = before[: opening.start()].rstrip(' “”"「」*')
    lower = bool(before) and not is_cjk(before[-1]) and _lower_long_form(before, surface)
    if not before or not (is_cjk(before[-1]) or lower):
        long_form = acronym_long_form(span)
        if long_form and _TASK_HEAD_RE.search(long_form) and not propose.search(clause_before(span)):
            return "lower"  # 'Multi-Object Tracking (MOT)': a task, capitalised or not
        return "titled" if long_form else None
    if propose.search(clause_before(span)) or heads.match(text, after.end()):
        return "named"
    if _BASELINE_BEFORE_RE.search(before):
        return None  # '超越现有基线（ODGEN）': the baseline it names, not an acronym it defines
    return "lower" if lower else "concept"


def clause_before(span, width: int = 120) -> str:
    """The text of the mention's clause before it (from the last comma,
    semicolon, colon, full stop or line break; at most ``width`` characters)."""
    text = doc_text(span.doc)
    return _CLAUSE_BREAK_RE.split(text[max(0, span.start_char - width) : span.start_char])[-1]


_ENUMERATOR_RE = re.compile(r"[\s*]*(?:[(（]\s*)?(?:\d{1,2}|[一二三四五六七八九])\s*[)）]")


def enumerated(span) -> bool:
    """True when the mention's clause opens with an inline enumerator
    (``1）``, ``(2)``, ``2)``): one item of a list of the parts of a method
    (``由两部分组成：1）一致性损失（Consistency Loss）；2）…``)."""
    return bool(_ENUMERATOR_RE.match(clause_before(span)))
