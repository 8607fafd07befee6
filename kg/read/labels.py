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
"""

from __future__ import annotations

import re

#: Label patterns per section key (matched case-insensitively against the
#: whole label, spaces collapsed).  Order matters only for readability.
SECTION_LABELS: dict[str, tuple[str, ...]] = {
    "field": (
        r"(?:核心)?关键[词字](?:\s*[(（]?\s*keywords?\s*[)）]?)?",
        r"(?:core\s+)?key\s*words?",
        r"(?:应用|研究|所属)领域",
        r"(?:research\s+)?fields?",
        r"topics?",
    ),
    "contribution": (
        r"(?:1|one)[- ]?sentence\s*(?:core\s*)?(?:summary|核心(?:总结|摘要|概述|概要))",
        r"一句话(?:核心)?(?:摘要|总结|概述|概要|贡献)",
        r"(?:核心|主要)贡献",
        r"(?:main\s+|key\s+)?contributions?",
        r"tl;?\s*dr",
        r"core\s+summary",
        r"核心摘要",
    ),
    "abstract": (
        r"abstract",
        r"摘要",
        r"summary",
        r"主要研究问题(?:或目标)?",
        r"研究(?:问题|目标|动机|背景)",
        r"(?:main\s+)?research\s+(?:questions?|objectives?|goals?)(?:\s+(?:or|and)\s+objectives?)?",
        r"objectives?",
        r"motivation",
        r"background",
        r"overview",
        r"problem(?:\s+statement)?",
        r"背景",
        r"概述",
        r"简介",
    ),
    "innovations": (
        r"(?:关键|核心|主要)?方法(?:论)?",
        r"(?:key\s+|core\s+|main\s+)?(?:methodology|methods?|approach)",
        r"(?:主要|核心)?创新点?",
        r"(?:key\s+)?innovations?",
        r"key\s+ideas?",
    ),
    "results": (
        r"主要(?:成果|结果)",
        r"实验(?:结果|效果|表现)",
        r"(?:primary|main|key|experimental)\s+results?",
        r"results?",
        r"experiments?",
        r"evaluation",
        r"主要发现",
    ),
    "key_findings": (r"(?:关键|核心)发现", r"key\s+findings?", r"findings?"),
    "analysis": (r"分析", r"analysis", r"discussion", r"讨论", r"limitations?", r"局限性?"),
    "usage": (
        r"(?:对\s*AI\s*从业者的)?(?:主要)?启示",
        r"使用(?:指南|方法|说明)",
        r"(?:principal\s+|practical\s+|key\s+)?implications?(?:\s+for\s+(?:ai\s+)?practitioners)?",
        r"(?:key\s+)?takeaways?",
        r"usage",
        r"how\s+to\s+use",
    ),
}

_KEY_RES = [(key, re.compile("|".join(f"(?:{p})" for p in pats), re.I)) for key, pats in SECTION_LABELS.items()]
#: one alternation of every label pattern, longest-looking first, for
#: finding labels inside a paragraph
LABEL_ALT = "|".join(f"(?:{p})" for pats in SECTION_LABELS.values() for p in sorted(pats, key=len, reverse=True))

_SPACES_RE = re.compile(r"\s+")
# a parenthesised gloss after a label: "实验效果 (Results)"
_GLOSS_RE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
# list numbering before a label: "1. ", "2)", "ii) ", "一、"
_ENUM_RE = re.compile(r"^(?:\d{1,2}|[ivx]{1,4}|[一二三四五六七八九十])\s*[.)）、]\s*", re.I)


_KEYWORDS_RE = re.compile(r"(?:核心)?关键[词字].*|(?:core\s+)?key\s*words?.*", re.I)


def is_keywords_label(label: str) -> bool:
    """True for a label of a keyword list (``核心关键词``, ``Core Keywords``)."""
    return bool(_KEYWORDS_RE.fullmatch(clean_label(label)))


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
    for candidate in dict.fromkeys((text, _GLOSS_RE.sub("", text))):
        for key, pattern in _KEY_RES:
            if pattern.fullmatch(candidate):
                return key
    return None
