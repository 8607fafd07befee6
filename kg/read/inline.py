"""Labels inside a paragraph: ``**核心关键词**：… **1-Sentence Core Summary**：…
主要成果 …``, each starting a section of the paragraph.

Digests write a paper's summary as one paragraph whose parts carry inline
labels, bold or not, Chinese or English, numbered or not (``i) **Core
Keywords**``); :func:`split_labels` cuts such a paragraph into sections
keyed by the labels' meaning (:mod:`kg.read.labels`).
"""

from __future__ import annotations

import re

from kg.model import Section
from kg.read.section_words import compiled
from kg.read.labels import clean_label, is_keywords_label, label_alternation, section_key
from kg.read.sections import BODY_KEY

# Before an inline label: the paragraph start, a space or a sentence end.
_BEFORE = r"(?:^|(?<=\s)|(?<=[。；;.!?！？]))"


def _label_re(data: dict) -> re.Pattern:
    """An inline label: optional numbering or list marker after a space
    ("1.", "ii)", "-"), then "**Label**" with an optional colon inside or
    after, or "Label:" / "Label：", or a Chinese label alone followed by a
    space (labels: :func:`kg.read.labels.label_alternation`)."""
    alt = label_alternation()
    return re.compile(
        _BEFORE + r"(?P<all>(?:(?<!\S)(?:\d{1,2}[.)]|[ivx]{1,4}\)|[-*+•])\s*)?"
        rf"(?:\*\*\s*(?P<bold>{alt})\s*[:：]?\s*\*\*\s*[:：]?"
        rf"|(?P<plain>{alt})\s*[:：]"
        r"|(?P<cjk>[\u4e00-\u9fff]{2,12})(?=\s)))",
        re.I | re.M,
    )


def split_labels(para: str, start_line: int, lead_key: str, lead_heading: str) -> list[Section]:
    """Cut ``para`` (a paragraph whose first character is on 1-based line
    ``start_line``; lines joined with ``"\\n"``) at its inline labels.

    Returns one section per label (each key once: a repeated label is
    text), keyed by its meaning, and the text before the first label (or
    the whole paragraph when it has none) as a section ``lead_key`` /
    ``lead_heading``; blank parts are left out.  A keywords part followed by
    unlabelled sentences is cut after the keyword list, the sentences
    becoming an ``abstract`` part.
    """
    cuts: list[tuple[int, int, str, str]] = []  # (label start, text start, key, heading)
    seen: set[str] = set()
    for m in compiled(_label_re).finditer(para):
        label = m.group("bold") or m.group("plain") or m.group("cjk")
        key = section_key(label)
        if key is None or key in seen:
            continue
        seen.add(key)
        cuts.append((m.start("all"), m.end(), key, clean_label(label)))
    parts = [(0, cuts[0][0] if cuts else len(para), lead_key, lead_heading)]
    for n, (_, start, key, heading) in enumerate(cuts):
        parts.append((start, cuts[n + 1][0] if n + 1 < len(cuts) else len(para), key, heading))
    parts = [piece for part in parts for piece in _split_keywords(para, part)]
    out = [_slice(para, a, b, key, heading, start_line) for a, b, key, heading in parts]
    return [s for s in out if s is not None]


# Where a keyword list ends: a run of two spaces or a line end, else the
# space after the last list separator before a sentence's full stop.
_GAP_RE = re.compile(r"\S(\s{2,}|\n)")
_LAST_ITEM_RE = re.compile(r"[,，、;；]\s*[^,，、;；。\s]*(?:\s*\([^()]*\))?\**\s")


def _split_keywords(para: str, part: tuple[int, int, str, str]) -> list[tuple[int, int, str, str]]:
    """A keywords part (``核心关键词``, ``Core Keywords``) followed by
    unlabelled sentences is cut after the keyword list; the sentences become
    an ``abstract`` part."""
    a, b, key, heading = part
    if not is_keywords_label(heading):
        return [part]
    text = para[a:b]
    if m := _GAP_RE.search(text):
        cut = m.start(1)
    elif "。" in text:
        items = list(_LAST_ITEM_RE.finditer(text, 0, text.index("。")))
        if not items:
            return [part]
        cut = items[-1].end()
    else:
        return [part]
    if not text[cut:].strip():
        return [part]
    return [(a, a + cut, key, heading), (a + cut, b, BODY_KEY, "summary")]


def _slice(para: str, a: int, b: int, key: str, heading: str, start_line: int) -> Section | None:
    """Section of ``para[a:b]`` (spaces stripped) of a paragraph that starts
    on 1-based line ``start_line``; None when the slice is blank."""
    text = para[a:b]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    if not text:
        return None
    start = start_line + para.count("\n", 0, a + lead)
    return Section(key, heading, text, start, start + text.count("\n"))
