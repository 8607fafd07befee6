"""Negative evidence: mentions that are never entities, whatever their shape.

Each test looks at one mention (a spaCy span over a section's text, see
:mod:`kg.nlp.pipeline`) and its surroundings and returns the name of the rule that
rejects it, or None.  The names are what ``kg explain`` prints as the reason
a mention was dropped:

* ``url``, ``math``, ``quantity``: notation, not names (URLs and handles,
  formulas and symbols, counts, sizes and units; :mod:`kg.extract.notation`);
* ``enumeration``: one label of a numbered series the text spans
  (``T1 … T7``, ``Stage2``, ``Step 3`` beside ``Step 1``);
* ``class``: the plural of a known name (``NeRFs``);
* ``modifier``: a hyphenated adjective or process word (``LiDAR-based``,
  ``image-only``, ``JIT-compiling``);
* ``used only``: well-known software, optimizers and generic techniques
  (``used_only`` of ``kg/data/gazetteer/generic.json``: NumPy, AdamW, GRPO)
  are entities only when the paper proposes them or compares with or on
  them (:func:`used_only`, applied once the comparisons are known);
* ``citation``: a person cited (``Smith et al.``, ``Smith 等人``), the
  surname of one of the paper's authors or an author's name in capitals;
* ``software``: well-known software libraries and engines (NumPy, Gradio)
  and names followed by API or SDK;
* ``organisation``: a name followed by Technology, Inc., Labs, University …
  (an affiliation);
* ``other kind``: a name a head noun types as a file format, a licence, a
  regulation or a colormap (``URDF 格式``, ``法规（如 …）``).

Offsets are character offsets into the section text; nothing here names a
model, a dataset or a paper.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.link import fold
from kg.model import Label
from kg.nlp.pipeline import doc_text, name_shape, span_text
from kg.resources import DATA, load_validated
from kg.extract.notation import in_math, in_url, quantity, resolution_level, subscript_symbol

#: words that number the items of a series (T1, Stage2, Step 3, RQ1)
_SERIES_RE = re.compile(
    r"(?P<prefix>[A-Z]{1,2}|Stage|Step|Phase|Level|Task|Round|Type|Case|Setting|Tier|Part|Exp"
    r"|Scenario|Track|Split|Group|Mode|Variant|Version)[-_ ]?(?P<n>\d{1,2})",
    re.IGNORECASE,
)
#: a series label led by what it stages: 'SFT Stage 1', 'RL Phase 2'
_LED_SERIES_RE = re.compile(
    r"[A-Za-z][\w-]*\s+(?P<prefix>Stage|Step|Phase|Level|Round|Part|Track|Split)[-_ ]?(?P<n>\d{1,2})", re.IGNORECASE
)
#: a reference to a part of the paper or an item of a list: 'Table 2', 'Fig. 3', 'Pair 1'
_DOC_REF_RE = re.compile(
    r"(?:(?:Table|Figure|Section|Appendix|Equation|Algorithm|Pair|Row|Column|Example)\s|(?:Tab|Fig|Sec|Eq|Alg)\.\s?)"
    r"\d{1,3}[a-z]?"  # 'Table30' (no space) is a benchmark's name
)
_ARXIV_CLASS_RE = re.compile(r"(?:cs|stat|eess|math|econ|physics|q-bio|q-fin|quant-ph|astro-ph|cond-mat)\.[A-Z]{2}")
_ROMAN_RE = re.compile(r"(?:II|III|IV|VI|VII|VIII|IX|XI|XII)")
_SECTION_NUMBER_RE = re.compile(r"[A-Z]\.\d+(?:\.\d+)*")
#: a range of series labels written as one word: 'T1-T7', 'Q1–Q4'
_LABEL_RANGE_RE = re.compile(r"(?P<p>[A-Z]{1,2})\d{1,2}\s*[-–~～]\s*(?P=p)?\d{1,2}")
_MODIFIER_RE = re.compile(
    r".+-(?:[Bb]ased|[Oo]nly|level|enhanced|aware|free|driven|style|like|wise|specific|guided|"
    r"conditioned|scale|stage|centric|oriented|agnostic|dependent|independent|invariant|"
    r"augmented|supervised|trained|tuned|shot|step|view|frame|grained|order|resolution|"
    r"length|term|time|domain|modal|lingual|language|written|generated|annotated|labeled|[a-z]+ing|[a-z]{3,}ed)"
)
_MODALITY = r"(?:\d[DdKk]|[Tt]ext|[Ii]mage|[Vv]ideo|[Aa]udio|[Ss]peech|[Mm]otion|[Ss]im|[Rr]eal|[Pp]ixel|[Pp]oint)"
_MODALITY_PAIR_RE = re.compile(rf"{_MODALITY}-to-{_MODALITY}")
_CITED_AFTER_RE = re.compile(r"\s*(?:et\s+al\b|等人|等\s*[（(]\s*\d{4})")


def enumeration_label(span, window: int = 400) -> str | None:
    """``enumeration`` when the mention is one label of a numbered series
    (``T1``, ``Stage2``, ``Step 3``, ``SFT Stage 1``) and the same label word appears with
    another number within ``window`` characters, or in a range (``T1–T7``,
    also the range itself); also a lone letter, a section number (``D.5``),
    a Roman numeral from II to XII (``(II)``, ``Phase III``) and a reference
    to a table, figure, section or list item (``Table 2``, ``Pair 1``) or an
    arXiv subject class (``cs.CV``)."""
    surface = span_text(span)
    if (
        len(surface) == 1
        or _SECTION_NUMBER_RE.fullmatch(surface)
        or _LABEL_RANGE_RE.fullmatch(surface)
        or _ROMAN_RE.fullmatch(surface)
        or _DOC_REF_RE.fullmatch(surface)
        or _ARXIV_CLASS_RE.fullmatch(surface)
    ):
        return "enumeration"  # a lone letter, a section or appendix number ('D.5'), a Roman numeral ('(II)')
    m = _SERIES_RE.fullmatch(surface) or _LED_SERIES_RE.fullmatch(surface)
    if not m:
        return None
    text = doc_text(span.doc)
    near = text[max(0, span.start_char - window) : span.end_char + window]
    prefix = re.escape(m.group("prefix"))
    numbers = {int(x) for x in re.findall(rf"(?<![A-Za-z0-9]){prefix}[-_ ]?(\d{{1,2}})(?![A-Za-z0-9])", near)}
    if len(numbers) > 1:
        return "enumeration"
    if re.match(r"\s*[-–~～至到]\s*" + prefix + r"?\d", text[span.end_char : span.end_char + 12]):
        return "enumeration"
    return None


def class_plural(span, gaz) -> str | None:
    """``class`` for the plural of a known name (``NeRFs``, ``ViTs``: the
    class of such models, not one of them): a name ending in a capital and
    ``s`` whose singular is a gazetteer entry or a generic word."""
    surface = span_text(span)
    if len(surface) < 3 or surface[-1] != "s" or not surface[-2].isupper():
        return None
    singular = surface[:-1]
    return "class" if gaz.lookup(singular) is not None or gaz.is_generic(singular) else None


def modifier(span) -> str | None:
    """``modifier`` when the mention is a hyphenated adjective ending in a
    lower-case modifier word (``LiDAR-based``, ``Image-only``,
    ``Rollout-level``) or a pair of modalities (``2D-to-3D``, ``Text-to-Image``):
    it describes a name or a task, it is not one."""
    surface = span_text(span)
    return "modifier" if _MODIFIER_RE.fullmatch(surface) or _MODALITY_PAIR_RE.fullmatch(surface) else None


def description(name: str) -> bool:
    """True for a phrase of three or more words opened by a hyphenated
    modifier (``Part-Aware Flow Model``, ``Short-Term Object Interaction
    Anticipation``): it describes a component or a task, it names none."""
    words = name.split()
    return len(words) >= 3 and bool(_MODIFIER_RE.fullmatch(words[0].lower()))


def cited_person(span, authors) -> str | None:
    """``citation`` when the mention is a person: followed by ``et al.`` or
    ``等人``, or equal to the surname (last word, three letters or more) of
    one of ``authors`` (the paper's author names)."""
    text = doc_text(span.doc)
    if _CITED_AFTER_RE.match(text, span.end_char):
        return "citation"
    if not authors:
        return None
    surnames, words = _author_words(tuple(authors))
    key = fold(span_text(span))
    if key in surnames:
        return "citation"
    for name in words.get(key, ()):
        # an author's name written out in another case: 'KIRA ZHOU' for Kira Zhou
        window = text[max(0, span.start_char - len(name)) : span.end_char + len(name)].casefold()
        if name.casefold() in window:
            return "citation"
    return None


@lru_cache(maxsize=256)
def _author_words(authors: tuple) -> tuple[frozenset, dict]:
    """(folded surnames of three letters or more, folded word -> the author
    names holding it) of a paper's author list (names of one word left out)."""
    surnames, words = set(), {}
    for name in authors:
        parts = name.split()
        if len(parts) < 2:
            continue
        if len(parts[-1]) >= 3:
            surnames.add(fold(parts[-1]))
        for w in parts:
            words.setdefault(fold(w), []).append(name)
    return frozenset(surnames), words


def software(span) -> str | None:
    """``software`` for well-known public software libraries, engines and
    tools (``software`` of ``kg/data/gazetteer/generic.json``: NumPy,
    Gradio, Unreal Engine) and any name followed by API or SDK
    (``FooSearch API``): tools a paper uses, never entities."""
    surface = span_text(span)
    if fold(surface) in _software_keys() or re.search(r"\s(?:API|SDK)s?$", surface):
        return "software"
    return None


_ORGANISATION_AFTER_RE = re.compile(
    r"\s+(?:Technology|Technologies|Inc\.?|Ltd\.?|Co\.|Corporation|Company|Labs?|Laboratory|University|Institute)\b"
)


def organisation(span) -> str | None:
    """``organisation`` for a name followed by a word that makes it a
    company, a lab or a school (``Foo Technology``, ``Foo Labs``, ``Foo
    Inc.``), as in an authors' affiliation line."""
    return "organisation" if _ORGANISATION_AFTER_RE.match(doc_text(span.doc), span.end_char) else None


_EXAMPLES_RE = re.compile(r"(?:[(（]\s*(?:如|例如|比如|e\.g\.,?|such as)|such as|如|例如)\s*")
_ITEMS_RE = re.compile(r"[^()（）\n。；;:：]{0,60}")


def other_kind(span, heads: re.Pattern) -> str | None:
    """``other kind`` when a head noun (``heads``: 格式, license, 法规,
    colormap …, the ``other_kind_head`` cue list) types the mention as
    something that is no model, method or dataset: the head follows it
    (``导出为 Foo 格式``, ``the Foo license``), or the mention is listed as
    one of its examples (``法律法规（如 Foo Act, Bar RMF）``, ``colormaps
    such as Foo, Bar``), a known name then taken in another sense."""
    text = doc_text(span.doc)
    after = len(text) - len(text[span.end_char :].lstrip(' *”"')) if span.end_char < len(text) else span.end_char
    if heads.match(text, after):
        return "other kind"
    before = text[max(0, span.start_char - 90) : span.start_char]
    for m in reversed(list(_EXAMPLES_RE.finditer(before))):
        if not _ITEMS_RE.fullmatch(before[m.end() :]):
            break
        head = before[max(0, m.start() - 12) : m.start()].rstrip()
        hits = list(heads.finditer(head))
        if hits and hits[-1].end() >= len(head) - 4:
            return "other kind"
        break
    return None


_LABEL_AFTER_RE = re.compile(r"\s*[:：]")


def known_name_as_label(span, window: int = 400) -> str | None:
    """``enumeration`` for a known name used as a label of a numbered series
    (``T5`` of ``T1 … T7``, ``T4`` read as a GPU): the label word appears
    with another number within ``window`` characters and the mention opens
    a list item (a colon after it: ``T5: Thermal Reasoning``), or the text
    spans the series as a range holding its number (``七个任务（T1-T7）``)."""
    m = _SERIES_RE.fullmatch(span_text(span))
    if not m or not m.group("prefix").isupper():
        return None
    text = doc_text(span.doc)
    prefix, n = re.escape(m.group("prefix")), int(m.group("n"))
    for r in re.finditer(rf"(?<![A-Za-z0-9]){prefix}(\d{{1,2}})\s*[-–~～至到…]+\s*{prefix}?(\d{{1,2}})(?!\d)", text):
        if int(r.group(1)) <= n <= int(r.group(2)):
            return "enumeration"
    if not _LABEL_AFTER_RE.match(text, span.end_char):
        return None
    near = text[max(0, span.start_char - window) : span.end_char + window]
    numbers = {int(x) for x in re.findall(rf"(?<![A-Za-z0-9]){prefix}(\d{{1,2}})(?![A-Za-z0-9])", near)}
    return "enumeration" if len(numbers) > 1 else None


def rejection(span, known: bool, gaz, authors) -> str | None:
    """The first rule above that rejects the mention ``span`` as an entity,
    or None.  Gazetteer names and names another rule resolved (``known``:
    ``3B`` read as ``Foo-3B`` of the family listed before) are only tested
    for URLs, math, software and their use as series labels
    (:func:`known_name_as_label`; a ``T5`` beside ``T1 … T7`` in prose
    stays a name)."""
    for rule in (in_url, in_math, software):
        why = rule(span)
        if why:
            return why
    if known:
        return known_name_as_label(span)
    return (
        enumeration_label(span)
        or subscript_symbol(span)
        or quantity(span, gaz)
        or resolution_level(span)
        or class_plural(span, gaz)
        or organisation(span)
        or modifier(span)
        or cited_person(span, authors)
    )


@lru_cache(maxsize=1)
def _generic_lists() -> dict:
    return load_validated(DATA / "gazetteer" / "generic.json", "generic")


@lru_cache(maxsize=1)
def _used_only_keys() -> frozenset[str]:
    return frozenset(fold(n) for n in _generic_lists().get("used_only", []))


@lru_cache(maxsize=1)
def _software_keys() -> frozenset[str]:
    return frozenset(fold(n) for n in _generic_lists().get("software", []))


def used_only(names) -> bool:
    """True when one of ``names`` (an entity's name and aliases) is a
    well-known tool, optimizer or generic technique that is an entity only
    with a role in the paper (proposed, compared with or on)."""
    keys = _used_only_keys()
    return any(fold(n) in keys for n in names)


_MODEL_HEAD_RE = re.compile(
    r"(?:[Ff]ormers?|Transformers?|Networks?|Nets?|Encoders?|Decoders?"
    r"|GAN|BERT|GPT|Diffusion|Sets)$"
)


def name_shaped(surface: str) -> bool:
    """True when a word of ``surface`` has the shape of a name: a digit,
    inner capitals or an acronym (``Foo-VL``, ``ZetaNet``, ``QRX``), a
    version number after a word (``Zorblax 4.5``), a compound of
    capitalised parts (``Quill-Step``) or a model's head word or suffix
    (``Quill Transformer``, ``Marbleformer``); not plain capitalised words
    (``Capacity Scaling``)."""
    words = surface.split()
    if any(name_shape(w) in ("strong", "acronym") for w in words):
        return True
    if _MODEL_HEAD_RE.search(words[-1]) and (len(words) > 1 or len(words[-1]) > 7):
        return True  # a model's head word or suffix: 'Set Transformer', 'Highway Networks', 'Synchformer'
    if len(words) > 1 and re.fullmatch(r"v?\d+(?:\.\d+)*", words[-1]):
        return True  # a name and its version: 'Zorblax 4.5'
    return any("-" in w and all(p[:1].isupper() for p in w.split("-")) for w in words)


_SCORE_SUFFIX_RE = re.compile(r"\S(?:[-\s][Ss]core|Score)$")
_AT_K_RE = re.compile(r"[A-Za-z][\w.-]*@(?:\d+(?:\.\d+)?[a-z]{0,2}|[kKnN])")  # 'Hits@10', 'S@0.75', 'Acc@500m'
_HYPHEN_METRIC_RE = re.compile(r"\w-(?:F1|EM|Acc|AUC|mAP|mIoU|IoU)$")
_PREFIXED_RE = re.compile(r"[a-z]{1,2}(?P<base>[A-Z][A-Za-z0-9@-]*)")


def metric_variant(surface: str, gaz) -> bool:
    """True for a known metric with a one- or two-letter lower-case prefix
    (``rFID``, ``gFID``, ``dCD``: reconstruction FID, generation FID …) or
    after a hyphen (``Span-F1``, ``Macro-F1``),
    for any name at a cut-off or threshold (``Hits@10``, ``avg@8``, ``S@0.75``) and any name ending
    in ``-score`` or ``Score`` (``IB-score``, ``FooScore``, ``Foo Score``);
    ``gaz`` is the :class:`~kg.resources.Gazetteer`."""
    if _AT_K_RE.fullmatch(surface) or _SCORE_SUFFIX_RE.search(surface):
        return True  # 'Recall@5', 'avg@8': a metric at a cut-off; 'IB-score', 'FooScore'
    m = _PREFIXED_RE.fullmatch(surface)
    if m is None:
        return _HYPHEN_METRIC_RE.search(surface) is not None  # 'Span-F1', 'Macro-F1', 'Token-Acc'
    entry = gaz.lookup(m.group("base"))
    return entry is not None and entry.type == Label.METRIC
