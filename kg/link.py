"""Entity linking: name normalisation, alias keys and stable IRIs.

One real-world entity gets one IRI whatever its surface form: ``GPT-4o``,
``gpt4o`` and ``GPT 4o`` share the key ``gpt4o``; ``A100`` and
``NVIDIA A100`` share ``a100``.  Distinct models stay distinct because
only case, spacing, hyphens, dots, underscores, full-width forms and a
leading hardware vendor are folded (``GPT-4`` -> ``gpt4`` vs ``GPT-4o`` ->
``gpt4o``).  No RDF here: this module returns strings.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from kg.rdf import vocab
from kg.memo import BoundedMemo

# Characters folded away when comparing names: whitespace, hyphens/dashes,
# underscores, dots, middle dots, slashes.
_FOLD_RE = re.compile(r"[\s\-‐‑‒–—_.·/]+")
# A ".0" version suffix: "3.0" folds like "3" (but "0.05" is kept).
_POINT_ZERO_RE = re.compile(r"(\d)\.0(?![\d])")
# Greek letters spelled out in ASCII aliases (VA-pi == VA-π).
_GREEK = {
    "π": "pi",
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "λ": "lambda",
    "μ": "mu",
    "σ": "sigma",
    "τ": "tau",
    "θ": "theta",
}


def _fold(name: str) -> str:
    s = unicodedata.normalize("NFKC", name).casefold().strip()
    s = _POINT_ZERO_RE.sub(r"\1", s)  # Gemini 3.0 Pro == Gemini 3 Pro
    return _FOLD_RE.sub("", s)


#: :func:`fold` memoised (bounded); ``map(FOLDED.__getitem__, tokens)`` folds
#: many names at one dict lookup each
FOLDED = BoundedMemo(_fold, limit=200_000)


def fold(name: str) -> str:
    """Return the comparison form of a surface name.

    NFKC (full-width -> ASCII), casefold, and removal of spaces, hyphens,
    underscores, dots and slashes; a ``.0`` version suffix is dropped.
    ``fold("Qwen2.5-VL 7B") == "qwen25vl7b"``, ``fold("Gemini 3.0") == "gemini3"``.
    """
    return FOLDED[name]


def entity_key(name: str, *, hardware: bool = False) -> str:
    """Return the linking key of an entity name (the IRI's last segment).

    Args:
        name: surface form as written.
        hardware: drop a leading vendor (``NVIDIA A100`` -> ``a100``).
    """
    key = fold(name)
    if hardware:
        key = _vendor_re().sub("", key)
    return key


@lru_cache(maxsize=1)
def _vendor_re() -> re.Pattern:
    """A leading vendor (and product line) of a folded hardware key:
    ``nvidia``, ``nvidiageforce``, ``英伟达`` … from ``vendors`` and
    ``vendor_brands`` of ``kg/data/patterns/hardware.json`` (their one
    home), kept only when two or more characters follow."""
    from kg.resources import pattern_group  # kg.resources imports this module

    pats = pattern_group("hardware")
    vendors = {fold(s) for spellings in pats["vendors"].values() for s in spellings}
    brands = {fold(b) for b in pats["vendor_brands"]}

    def alternation(keys: set[str]) -> str:
        return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))

    body = (
        f"(?:{alternation(vendors)})(?:{alternation(brands)})?|{alternation(brands)}"
        if brands
        else alternation(vendors)
    )
    return re.compile(f"^(?:{body})(?=.{{2,}})")


# A model name ending in a size: Qwen2.5-VL-7B, Llama-3.1-8B-Instruct, Janus-Pro 1B,
# Qwen3-30B-A3B, SmolLM-360M.  family = the part before the size.
_SIZE_RE = re.compile(
    r"^(?P<family>.*?[A-Za-z\u0370-\u03FF].*?)[-_ ]+(?P<n>\d+(?:\.\d+)?)\s?(?P<unit>[BbMmTt])"
    r"(?=$|[-_ ])(?P<rest>.*)$"
)


def model_family(name: str) -> tuple[str, float] | None:
    """Split a sized model name into (family name, parameters in billions).

    ``model_family("Qwen2.5-VL-7B-Instruct") == ("Qwen2.5-VL", 7.0)``;
    ``"SmolLM-360M"`` -> ``("SmolLM", 0.36)``; None when no size is stated.
    """
    m = _SIZE_RE.match(name.strip())
    if not m:
        return None
    n = float(m.group("n"))
    unit = m.group("unit").upper()
    billions = {"B": n, "M": n / 1000, "T": n * 1000}[unit]
    family = m.group("family").rstrip("-_ ")
    if not family or billions <= 0:
        return None
    return family, round(billions, 6)


def sensor_name(kind: str, device: str, translate: dict[str, str]) -> str:
    """English name of a sensor mention from the ``kind`` and ``device``
    groups of :func:`kg.nlp.cues.sensor_regex` (``RGB-D`` + ``相机`` -> ``RGB-D
    camera``); ``translate`` is the patterns' ``device_translation``."""
    return f"{translate.get(kind, kind)} {translate.get(device, device.rstrip('s').lower())}"


def ascii_variant(key: str) -> str:
    """Spell Greek letters out (``vaπ`` -> ``vapi``) for alias lookup."""
    return "".join(_GREEK.get(c, c) for c in key)


def entity_iri(key: str) -> str:
    """IRI of the entity with linking ``key`` (percent-encoded, stable)."""
    return vocab.ID + "entity/" + quote(key, safe="")


def paper_iri(arxiv_id: str | None, fallback: str) -> str:
    """IRI of a paper: from its arXiv id, else from a hash of ``fallback``.

    ``fallback`` should identify the paper stably (its title).
    """
    if arxiv_id:
        return vocab.ID + "paper/" + quote(arxiv_id, safe="")
    return vocab.ID + "paper/title-" + digest(fold(fallback))


def field_iri(label: str) -> str:
    """IRI of a research field concept from its label."""
    return vocab.ID + "field/" + digest(fold(label))


def person_iri(name: str) -> str:
    """IRI of a person (author) from the name."""
    return vocab.ID + "person/" + quote(fold(name), safe="")


def claim_iri(kind: str, *parts: object) -> str:
    """IRI of an n-ary claim node (``comparison``, ``evidence`` …).

    Derived from a hash of ``parts`` so that re-building the same report
    yields the same IRIs and no duplicates.
    """
    return vocab.ID + kind + "/" + digest("\x1f".join(str(p) for p in parts))


def quote_segment(text: str) -> str:
    """Percent-encode ``text`` for use as one IRI path segment."""
    return quote(text, safe="")


def digest(text: str, n: int = 16) -> str:
    """First ``n`` hex digits of the SHA-1 of ``text`` (not for security)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]
