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
from kg.nlp.pipeline import doc_text, mention_info, sentence_of, span_text

HARDWARE_LABELS = {"Accelerator", "Device"}

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
