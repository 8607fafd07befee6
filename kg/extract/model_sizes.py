"""A size named for a model family: a size named alone (``在较大的 3B
模型上``) in a paper that lists the family with it (``Qwen2.5 系列模型（1.5B 和
3B）``), or listed right after a sized model (``Qwen3-8B 和 32B``), is that
family's model.  A pass over a paper's Docs that adds mention spans in place,
named ``Qwen2.5-3B``, ``Qwen3-32B``.
"""

from __future__ import annotations

import re

from kg.model import Label
from kg.nlp.pipeline import doc_text, mention_spans, set_mention_info, set_mention_spans, span_text

#: the mention source of a size listed after a sized model: an entity only with a role (kg.extract.entities)
LISTED_SIZE = "listed size"
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


# a sized model's name ('Qwen3-8B'), and bare sizes listed after it ('和 32B', ', 14B and 32B')
_SIZED_NAME_RE = re.compile(r"(?P<family>.+?)-" + _SIZE)
# one separator, the size, then the list goes on or ends, or a model head ('和 32B 模型'; not '32B token',
# '2M 条', '32B 参数')
_SIZES_AFTER_RE = re.compile(
    r"(?:\s*[、,，]\s*|\s*(?:和|及|与|以及)\s*|\s*,?\s*\b(?:and|or)\b\s*)(?P<size>" + _SIZE + r")"
    r"(?=\s*(?:[、,，和及与/)）。；;:：]|以及|\band\b|\bor\b|模型|版本|models?\b|variants?\b|上|$))",
    re.IGNORECASE,
)


def _listed_sizes(doc, text: str, spans: list) -> list:
    """Spans of the bare sizes listed right after a sized model's name
    (``Qwen3-8B 和 32B``: ``32B`` is Qwen3-32B), named for that family."""
    added = []
    for sp in [sp for sp in spans if sp.label_ == Label.MODEL]:
        family = _SIZED_NAME_RE.fullmatch(span_text(sp))
        end = sp.end_char
        while family and (m := _SIZES_AFTER_RE.match(text, end)) and m.group("size")[-1] == family.group(0)[-1]:
            span = doc.char_span(m.start("size"), m.end("size"), label=Label.MODEL)
            if span is None or any(o.start_char < span.end_char and span.start_char < o.end_char for o in spans):
                break
            set_mention_info(span, source=LISTED_SIZE, name=f"{family.group('family')}-{m.group('size')}")
            added.append(span)
            end = m.end()
    return added


def name_sizes(docs) -> None:
    """A size named alone (``在较大的 3B 模型上``) in a paper that lists one
    model family with that size (``Qwen2.5 系列模型（1.5B 和 3B）``) is that
    family's model: a mention named ``Qwen2.5-3B``; a size listed right
    after a sized model (``Qwen3-8B 和 32B``) is that family's too (spans
    added in place)."""
    families: dict[str, set[str]] = {}
    for doc in docs:
        text = doc_text(doc)
        spans = mention_spans(doc)
        listed = _listed_sizes(doc, text, spans)
        if listed:
            set_mention_spans(doc, sorted(spans + listed, key=lambda sp: sp.start))
        for sp in mention_spans(doc):
            m = _FAMILY_SIZES_RE.match(text, sp.end_char) if Label(sp.label_).is_system else None
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
            span = doc.char_span(m.start("size"), m.end("size"), label=Label.MODEL)
            if span is None:
                continue
            set_mention_info(span, source="shape", name=f"{next(iter(owners))}-{m.group('size')}")
            spans.append(span)
            added = True
        if added:
            set_mention_spans(doc, sorted(spans, key=lambda sp: sp.start))
