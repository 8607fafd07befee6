"""What one token looks like: its class bits (:func:`token_class`: CJK, joiner,
name, run breaker) and its name shape (:func:`name_shape`: ``strong``, ``acronym``,
``title`` or None), both memoised per token text."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.memo import BoundedMemo

_CJK_RE = re.compile(r"[\u3400-\u9fff]")
_JOINERS = {"-", ".", "+", "·", "&"}
# Words that separate two names rather than join them (``A vs B``).
_RUN_BREAKERS = {"vs", "versus"}

# Token classes (bit flags), memoised per token text.
CJK, JOINER, NAME, BREAKER = 1, 2, 4, 8


def is_name_token(text: str) -> bool:
    """True for a Latin name-like token (letters/digits, maybe with - . + ')."""
    return bool(text) and (text[0].isascii() and text[0].isalnum() or "\u00c0" <= text[0] <= "\u03ff")


def is_cjk(text: str) -> bool:
    """True when ``text`` starts with a CJK ideograph."""
    return bool(_CJK_RE.match(text))


def token_class(text: str) -> int:
    """Bit flags of a token text: ``CJK`` (a CJK character), ``JOINER``
    (``-`` ``.`` ``+`` ``·`` ``&``), ``NAME`` (:func:`is_name_token`),
    ``BREAKER`` (``vs``, ``versus``: never inside a run of names)."""
    return (
        (CJK * is_cjk(text))
        | (JOINER * (text in _JOINERS))
        | (NAME * is_name_token(text))
        | (BREAKER * (text.casefold() in _RUN_BREAKERS))
    )


TOKEN_CLASS = BoundedMemo(token_class)  # token_class of every token, memoised

# Tokens that look like quantities, not names: 7B, 1.5B, 4K, 3D, 2nd, x4, v2,
# 8x, 1080p, 30fps, 80GB, years.
UNIT_RE = re.compile(
    r"^(?:\d+(?:\.\d+)?[kmbtKMBT]?|\d+[dD]|\d+(?:st|nd|rd|th)|[xX]\d+|\d+[xX]|[vV]\d+(?:\.\d+)?"
    r"|\d+[pP]|\d+fps|\d+(?:\.\d+)?(?:GB|MB|TB|ms|s|h|min|M|B|K|k|G|Hz|W|mm|cm|nm|px)|(?:19|20)\d\d|\d+(?:\.\d+)?"
    r"|\d+-?bits?|(?:u?int|fp|bf|q)\d+(?:\.\d+)?|w\d+a\d+|\d+(?:\.\d+)?[x×]|\d+-?nn)$",
    re.IGNORECASE,
)
# Metric-like tokens (top-1, pass@1, R@5, Hit@10) are not system names.
_METRIC_TOKEN_RE = re.compile(r"^(?:top|pass|recall|hr|hit|ndcg|mrr|map|mp|ap|acc|r|p|f)[-@]?\d+$", re.I)
INNER_CAP_RE = re.compile(r"[a-z\u0370-\u03FF][A-Z]|[A-Z]{2,}[a-z]{2,}")
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&]{1,9}s?$")
_TITLE_RE = re.compile(r"^[A-Z][a-z\u00C0-\u024F]+$")


_SUBSCRIPT_PART_RE = re.compile(r"[a-z]{1,2}|\d{1,2}|\{.*")


def _is_greek(text: str) -> bool:
    return any("\u0370" <= c <= "\u03ff" for c in text)


def _joined_shape(text: str) -> str | None:
    """Shape of a token with inner ``-``, ``.`` or ``_`` (``Foo-VL``, ``Mind.Bench``, ``Ori_COCO``)."""
    parts = re.split(r"[-._]", text)
    if any((len(p) >= 2 and p.isupper()) or INNER_CAP_RE.search(p) or _is_greek(p) for p in parts):
        return "strong"
    if re.search(r"(?i)(bench|eval)$", parts[-1]) and parts[-1][0].isupper():
        return "strong"
    return "title" if text[0].isupper() and all(parts) else None


def _is_quantity(text: str) -> bool:
    """A quantity, a range of quantities (``20k-5M``) or a metric token (``top-1``)."""
    if UNIT_RE.match(text) or _METRIC_TOKEN_RE.match(text):
        return True
    return all(UNIT_RE.match(p) for p in re.split(r"[-~/]", text) if p)


@lru_cache(maxsize=65_536)
def name_shape(text: str) -> str | None:
    """Classify a single token by shape (cached per text).

    Returns ``"strong"`` (digits+letters, inner capitals, capitalised
    hyphen parts), ``"acronym"`` (``LIVR``), ``"title"`` (``Spatia``) or
    None for ordinary words and quantities.
    """
    if not is_name_token(text) or _is_quantity(text) or not any(c.isalpha() for c in text):
        return None
    if (any(c.isdigit() for c in text) and len(text) >= 2) or INNER_CAP_RE.search(text):
        return "strong"
    if "_" in text.strip("_") and any(_SUBSCRIPT_PART_RE.fullmatch(p) for p in text.split("_")[1:]):
        return None  # 'CHAIR_s', 'x_t', 'p_0': a subscript, not a part of a name
    if "-" in text or "." in text or "_" in text.strip("_"):
        return _joined_shape(text)  # 'Foo-VL', 'Mind.Bench', 'Ori_COCO'
    if _is_greek(text) and len(text) >= 2:
        return "strong"
    if _ACRONYM_RE.match(text):
        return "acronym"
    if _TITLE_RE.match(text):
        return "title"
    return None
