"""Section labels that digests write, and the section key each one means.

Digests label the parts of a paper's summary in many ways (``**核心关键词**：``,
``**1-Sentence Core Summary**``, ``主要成果:``, ``i) **Core Keywords**``,
``### Results``).  :func:`section_key` maps a label to the section key the
extractor already knows from the other layouts, by meaning:

=============  ===================================================================
key            labels (Chinese and English forms, variants allowed)
=============  ===================================================================
field          keywords (核心关键词, Core Keywords), field (应用领域)
contribution   one-sentence summary (一句话核心摘要/总结, 1-Sentence Core Summary,
               TL;DR), contribution (核心贡献)
abstract       abstract (摘要), research question or objective (主要研究问题或目标,
               Main Research Question or Objective), background, overview
innovations    methodology (关键方法论, Key Methodology), method, innovations (创新点)
results        results (主要成果, 主要结果, Primary Results, Experiments)
key_findings   key findings (关键发现, Key Findings)
analysis       analysis (分析), discussion, limitations
usage          implications for practitioners (对AI从业者的主要启示, Principal
               Implication for AI Practitioners), usage guide (使用指南), takeaways
=============  ===================================================================

The label patterns are data: ``section_labels`` (and ``keywords_label_re``)
of ``kg/data/patterns/sections.json``; a new label is added there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.read.section_words import alternation, compiled


@dataclass(frozen=True)
class _Labels:
    """The label patterns of ``sections.json``, compiled."""

    by_key: tuple[tuple[str, re.Pattern], ...]  # section key, its labels (whole label)
    alternation: str  # every label pattern, longest-looking first per key
    keywords: re.Pattern  # a keyword-list label


def _build(data: dict) -> _Labels:
    table: dict[str, list[str]] = data["section_labels"]
    by_key = tuple((key, re.compile(alternation(pats), re.I)) for key, pats in table.items())
    longest_first = (p for pats in table.values() for p in sorted(pats, key=len, reverse=True))
    return _Labels(by_key, alternation(longest_first), re.compile(data["keywords_label_re"], re.I))


def label_alternation() -> str:
    """One alternation of every label pattern of ``sections.json``
    (``section_labels``), longest-looking first within a key, for finding
    labels inside a paragraph.  Raises DataError for a bad data file."""
    return compiled(_build).alternation


_SPACES_RE = re.compile(r"\s+")
# a parenthesised gloss after a label: "实验效果 (Results)"
_GLOSS_RE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
# list numbering before a label: "1. ", "2)", "ii) ", "一、"
_ENUM_RE = re.compile(r"^(?:\d{1,2}|[ivx]{1,4}|[一二三四五六七八九十])\s*[.)）、]\s*", re.I)


def is_keywords_label(label: str) -> bool:
    """True for a label of a keyword list (``核心关键词``, ``Core Keywords``)."""
    return bool(compiled(_build).keywords.fullmatch(clean_label(label)))


def clean_label(text: str) -> str:
    """A label as written, without bold markers, list numbering, a trailing
    colon and extra spaces (``"i) **Core Keywords**:"`` -> ``"Core Keywords"``)."""
    text = text.replace("**", "").replace("__", "").strip()
    text = _ENUM_RE.sub("", text, count=1)
    return _SPACES_RE.sub(" ", text.rstrip(":：").strip())


def section_key(label: str) -> str | None:
    """The section key a label means (see module docstring), or None for a
    label no layout knows; a parenthesised gloss after it is ignored."""
    text = clean_label(label)
    by_key = compiled(_build).by_key
    for candidate in dict.fromkeys((text, _GLOSS_RE.sub("", text))):
        for key, pattern in by_key:
            if pattern.fullmatch(candidate):
                return key
    return None
