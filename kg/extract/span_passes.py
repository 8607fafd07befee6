"""Passes over a paper's Docs that join or extend mention spans in place:
a known name and its version (``Depth Anything`` + ``V2-L``, ``Foo`` + ``4.1 Fast``), a dataset and
its year, inline math glued to a name (``$Λ_{24}$-SQ``), two systems joined
by ``+``, and every further occurrence of the paper's own new names.  A
size named as its family's model is read in :mod:`kg.extract.model_sizes`.  Device model numbers
(``iPhone`` + ``12 Plus``) are joined in :mod:`kg.extract.hardware_use`.
"""

from __future__ import annotations

import re

from kg.link import entity_key
from kg.model import Label
from kg.nlp.pipeline import doc_text, mention_info, mention_spans, set_mention_info, set_mention_spans, span_text

_VERSION_RE = re.compile(r"[Vv]\d+(?:\.\d+)?(?:-[A-Za-z0-9]+)*")
_SUFFIX_RE = re.compile(
    r"-(?:Zero|Lite|Mini|Nano|Pro|Max|Plus|Ultra|Base|Instruct|Chat|Preview|Turbo|"
    r"[A-Z]{1,2}|\d+(?:\.\d+)?[BbMm]?)(?![\w-])"
)


def rewrite_spans(docs, step, cover: bool = False) -> None:
    """Walk each Doc's mentions left to right; ``step(doc, text, span, nxt)``
    returns None to keep ``span``, or ``(new_span, n)`` to put ``new_span``
    in place of the ``n`` (1 or 2) spans starting at ``span``.  With
    ``cover``, further spans inside ``new_span`` are dropped as well
    (``Foo`` + ``V2`` + ``VL`` read as ``Foo Nano V2 VL``)."""
    for doc in docs:
        text = doc_text(doc)
        spans, out, changed, i = mention_spans(doc), [], False, 0
        while i < len(spans):
            done = step(doc, text, spans[i], spans[i + 1] if i + 1 < len(spans) else None)
            if done is None:
                out.append(spans[i])
                i += 1
                continue
            out.append(done[0])
            i += done[1]
            changed = True
            while cover and i < len(spans) and spans[i].end_char <= done[0].end_char:
                i += 1
        if changed:
            set_mention_spans(doc, out)


def _longer(doc, sp, end: int, label: str, name: str | None = None):
    """``sp`` extended to character ``end`` (None if no token boundary there)."""
    longer = doc.char_span(sp.start_char, end, label=label, alignment_mode="expand")
    if longer is not None:
        set_mention_info(longer, source="shape", name=name)
    return longer


#: a product tier, a variant letter or a vision tag after a model's name and a space
#: ('Flux.2 Pro', 'Qwen3-VL Plus', 'Foo B3', 'Foo Nano V2 VL'): the variant is the model
_TIER_RE = re.compile(
    r"(?: (?:Pro|Max|Plus|Ultra|Mini|Flash|Lite|Turbo|Nano|Small|Medium|Large|XL|XXL|VL|[A-Z]\d(?:\.\d)?)"
    r"(?![A-Za-z0-9.+-]))+"
)
#: a bare version after a family name, with an optional size, modality and tier word: 'Foo 1.8',
#: 'Foo 2.2-14B', 'Foo 4.1 Fast', 'Foo 5.0 Video Pro'
_BARE_VERSION_RE = re.compile(
    r" \d{1,2}(?:\.\d)?(?:-\d+(?:\.\d+)?[BMK])?(?: (?:Video|Image|Audio|Vision|Omni|Chat|Coder|Instruct|Thinking))?"
    r"(?: (?:Fast|Pro|Flash|Mini|Lite|Turbo|Max|Ultra|Plus|Nano))?"
    r"(?![A-Za-z0-9_.%+×-])(?!\s*(?:[%倍个次张块亿万位年]|times\b|x\b))"
)


#: a split or edition word after a known benchmark and a space ('SWE-bench Multilingual',
#: 'Foo-Bench Verified', 'Sintel Final'): that split is the benchmark named
_DATASET_TIER_RE = re.compile(
    r" (?:Verified|Lite|Multilingual|Pro|Hard|Plus|Full|Live|Mini|Extended|Clean|Final)(?![A-Za-z0-9.+-])"
)
#: a lower-case version tag after a benchmark or a system: 'LiveCodeBench v5', 'Foo-Bench v2.1', 'RoMa v2'
_VERSION_TAG_RE = re.compile(r" v\d{1,2}(?:\.\d{1,2})?(?![A-Za-z0-9_.+-])")


def _version_step(doc, text, sp, nxt):
    if Label(sp.label_).is_hardware:
        return None
    tag = _VERSION_TAG_RE.match(text, sp.end_char) if sp.label_ != Label.METRIC else None
    if tag and (nxt is None or nxt.start_char >= tag.end()):
        longer = _longer(doc, sp, tag.end(), sp.label_)  # 'LiveCodeBench v5', 'RoMa v2', 'QuxMa v2': that edition
        return (longer, 1) if longer is not None else None
    if mention_info(sp).entry is None:
        return None
    bare = _BARE_VERSION_RE.match(text, sp.end_char) if sp.label_ == Label.MODEL else None
    if bare and not any(c.isdigit() for c in span_text(sp)) and (nxt is None or nxt.start_char >= bare.end()):
        longer = _longer(doc, sp, bare.end(), sp.label_)  # 'Foo 1.8': a version of the family, not the family
        return (longer, 1) if longer is not None else None
    if (
        nxt is not None
        and mention_info(nxt).entry is None
        and text[sp.end_char : nxt.start_char] == " "
        and _VERSION_RE.fullmatch(span_text(nxt))
    ):
        longer = _longer(doc, sp, nxt.end_char, sp.label_)
        return (longer, 2) if longer is not None else None
    tier = _TIER_RE if sp.label_ == Label.MODEL else (_DATASET_TIER_RE if Label(sp.label_).is_dataset else None)
    m = _SUFFIX_RE.match(text, sp.end_char) or (tier.match(text, sp.end_char) if tier else None)
    if not m:
        return None
    if nxt is not None and nxt.start_char < m.end():
        if nxt.start_char > m.start() and nxt.end_char <= m.end() and mention_info(nxt).entry is None:
            longer = _longer(doc, sp, m.end(), sp.label_)  # 'GPT-2 Small', the tier read as a name of its own
            return (longer, 2) if longer is not None else None
        return None
    longer = _longer(doc, sp, m.end(), sp.label_)
    return (longer, 1) if longer is not None and (nxt is None or longer.end <= nxt.start) else None


_ANY_YEAR_RE = re.compile(r" (?:19|20)\d\d")
_YEAR_AFTER_RE = re.compile(r" (?:19|20)\d\d(?![\w%]|\.\d)")


def _year_step(doc, text, sp, nxt):
    if not Label(sp.label_).is_dataset:
        return None
    m = _YEAR_AFTER_RE.match(text, sp.end_char)
    if not m or (nxt is not None and nxt.start_char < m.end()):
        return None
    longer = _longer(doc, sp, m.end(), sp.label_)
    return (longer, 1) if longer is not None else None


def _extended_left(doc, sp, start: int, name: str):
    """``sp`` extended to start at character ``start``, named ``name``, as a
    rewrite step's result; None when no token boundary allows it."""
    longer = doc.char_span(start, sp.end_char, label=sp.label_, alignment_mode="expand")
    if longer is None or longer.end != sp.end:
        return None
    set_mention_info(longer, source="shape", name=name)
    return longer, 1


_MATH_PREFIX_RE = re.compile(r"\$(?P<math>[^$\n]{1,20})\$-$")


def _math_prefix_step(doc, text, sp, nxt):
    m = _MATH_PREFIX_RE.search(text, max(0, sp.start_char - 24), sp.start_char)
    if m is None or mention_info(sp).entry is not None:
        return None
    plain = re.sub(r"[\\{}_^$ ]", "", m.group("math"))
    return _extended_left(doc, sp, m.start(), f"{plain}-{span_text(sp)}")


_CARET_BASE_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,3}\^$")


def _caret_prefix_step(doc, text, sp, nxt):
    m = _CARET_BASE_RE.search(text, max(0, sp.start_char - 4), sp.start_char)
    if m is None or not span_text(sp)[:1].isdigit():
        return None
    return _extended_left(doc, sp, m.start(), text[m.start() : sp.end_char])


#: an inline-math superscript glued to a name: 'AT$^2$PO', 'PASCAL-5$^i$'
_POWER = r"\$\^\{?[A-Za-z0-9]{1,3}\}?\$"
_POWER_AFTER_RE = re.compile(_POWER + r"(?P<rest>[A-Za-z][A-Za-z0-9-]*)?")
_POWER_BEFORE_RE = re.compile(r"(?<![A-Za-z0-9$])[A-Za-z][A-Za-z0-9-]{0,15}" + _POWER + "$")


def _power_step(doc, text, sp, nxt):
    after = _POWER_AFTER_RE.match(text, sp.end_char)
    if after is not None:
        glued = nxt is not None and nxt.start_char == after.start("rest") if after.group("rest") else False
        end = max(after.end(), nxt.end_char) if glued else after.end()
        longer = _longer(doc, sp, end, sp.label_, text[sp.start_char : end])
        return (longer, 2 if glued else 1) if longer is not None else None
    before = _POWER_BEFORE_RE.search(text, max(0, sp.start_char - 26), sp.start_char)
    if before is None:
        return None
    return _extended_left(doc, sp, before.start(), text[before.start() : sp.end_char])


def join_math_prefixes(docs) -> None:
    """A name glued by a hyphen to inline math before it is one name, written
    without the LaTeX: ``$Λ_{24}$-SQ`` is ``Λ24-SQ``; a name that starts with
    the power of a superscript is one name with its base: ``A^2Search-7B``
    (not ``2Search-7B``); a name with an inline-math superscript inside or
    at its end is one name as written: ``AT$^2$PO``, ``PASCAL-5$^i$``."""
    rewrite_spans([d for d in docs if "$-" in doc_text(d)], _math_prefix_step)
    rewrite_spans([d for d in docs if "^" in doc_text(d)], _caret_prefix_step)
    rewrite_spans([d for d in docs if "$^" in doc_text(d)], _power_step, cover=True)


_POSSESSIVE_RE = re.compile(r"[’']s$")


def drop_possessives(docs) -> None:
    """A new name written with a possessive is the name: ``LiveStar's`` links
    to ``LiveStar`` (its canonical name drops the ``'s``)."""
    for doc in docs:
        if "'s" not in doc_text(doc) and "’s" not in doc_text(doc):
            continue
        for sp in mention_spans(doc):
            surface = span_text(sp)
            if mention_info(sp).entry is None and len(surface) > 3 and _POSSESSIVE_RE.search(surface):
                set_mention_info(sp, name=_POSSESSIVE_RE.sub("", mention_info(sp).name or surface))


def join_versions(docs) -> None:
    """A known name followed by a version or variant is that version, one
    name: ``Depth Anything`` + ``V2-L``, ``DeepSeek-R1`` + ``-Zero``; a
    dataset followed by a year is that year's edition (``FooCup 2022``)."""
    rewrite_spans(docs, _version_step, cover=True)
    rewrite_spans([d for d in docs if _ANY_YEAR_RE.search(doc_text(d))], _year_step)


_QUALIFIER_RE = re.compile(r"[A-Z][a-z]{2,}")
_NAME_GOES_ON_RE = re.compile(r"[ -]?[A-Za-z0-9]")  # 'Faithful Image Reward Modeling': a longer name


def _qualifier_step(doc, text, sp, nxt):
    if (
        nxt is None
        or nxt.label_ != Label.METRIC
        or mention_info(sp).entry is not None
        or not _QUALIFIER_RE.fullmatch(span_text(sp))
        or text[sp.end_char : nxt.start_char] != " "
        or _NAME_GOES_ON_RE.match(text, nxt.end_char)
    ):
        return None
    whole = _longer(doc, sp, nxt.end_char, Label.METRIC)
    return (whole, 2) if whole is not None else None


def join_metric_qualifiers(docs) -> None:
    """A lone capitalised word right before a known metric qualifies it:
    ``Novel Accuracy``, ``Positive IoU`` are metrics (the split of a
    benchmark they are measured on), not a system ``Novel``."""
    rewrite_spans(docs, _qualifier_step)


_PLUS_RE = re.compile(r"\s*\+\s*")


def _composite_step(doc, text, sp, nxt):
    if (
        nxt is None
        or not Label(sp.label_).is_system
        or not Label(nxt.label_).is_system
        or not _PLUS_RE.fullmatch(text[sp.end_char : nxt.start_char])
    ):
        return None
    whole = _longer(
        doc,
        sp,
        nxt.end_char,
        Label.METHOD,
        f"{mention_info(sp).name or span_text(sp)} + {mention_info(nxt).name or span_text(nxt)}",
    )
    return (whole, 2) if whole is not None else None


def join_composites(docs) -> None:
    """Two systems joined by ``+`` are one composite system, a pipeline of
    both: ``EX-4D + IC-Light`` (its name is the text as written)."""
    rewrite_spans(docs, _composite_step)


def complete_mentions(docs, entities: dict[str, dict], gaz) -> None:
    """Mark every further occurrence of the paper's own new names
    (``Zorblax achieves 45.2 mAP …`` after ``名为 Zorblax``) where the shape
    rules, which look at one sentence, did not.  ``entities`` maps keys to
    the extractor's entity dicts."""
    forms = {}
    for key, ent in entities.items():
        if (Label(ent["type"]).is_system or Label(ent["type"]).is_dataset) and ent["role"] == "proposes":
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
    in ``text`` with no word character or hyphen on either side and no
    version after them (``Foo2`` is not in ``Foo2.5``), left to right, not
    overlapping; where several start at one place, the first of ``forms``
    wins.  The same matches as ``re.finditer`` of the alternation
    ``(?<![\\w-])f1(?![\\w-]|\\.\\d)|…`` without compiling a new
    regex for every paper."""
    hits = []
    n = len(text)
    for rank, form in enumerate(forms):
        i = text.find(form)
        while i >= 0:
            j = i + len(form)
            version_after = j + 1 < n and text[j] == "." and text[j + 1].isdigit()  # 'Foo2' in 'Foo2.5'
            if not (i > 0 and _word_char(text[i - 1])) and not (j < n and _word_char(text[j])) and not version_after:
                hits.append((i, rank, j, form))
            i = text.find(form, i + 1)
    out, end = [], 0
    for i, _rank, j, form in sorted(hits):
        if i >= end:
            out.append((i, j, form))
            end = j
    return out
