"""What a paper's title says about its names: the names it announces
(:func:`title_names`) and the long forms it spells out for its acronyms.

A title often writes out the acronym of the paper's system: ``GRAIL: Gated
Retrieval for Adaptive Image Labelling``, ``Sparse Token Routing Makes
Small Models Faster`` (STR in the body), ``COndensed eRror RECognition via
knowledge Transfer`` (CORRECT).  :func:`title_long_forms` finds, for each
acronym, the run of title words whose capitals spell it; the extractor makes
that run an alias of the acronym's entity, never an entity of its own.
"""

from __future__ import annotations

import re

from kg.nlp.pipeline import name_shape

_TITLE_NAME_RE = re.compile(r"^\s*([^:：?？]{1,40}?)\s*[:：]\s+\S")
_TITLE_PAREN_RE = re.compile(r"[(（]\s*([A-Za-z][\w\-.]{1,20})\s*[)）]")
#: a verb that makes a title's head a claim, not a name ('X Beats Y: …', 'X Meets Y: …')
_TITLE_VERB_RE = re.compile(
    r"(?:Beats|Meets|Is|Are|Makes|Matters|Needs|Helps|Learns|Knows|Sees|Thinks|Rivals|Outperforms|Can|Does|Works)",
    re.IGNORECASE,
)
_REPORT_WORDS_RE = re.compile(r"\s+(?:Technical|Tech\.?|System)\s+(?:Report|Card)$", re.IGNORECASE)
_VERSION_WORD_RE = re.compile(r"[vV]\d+(?:\.\d+)*|\d+(?:\.\d+)+")


def _versioned(words: list[str]) -> bool:
    """Capitalised words and a version (``Orient Anything V2``, ``Foo Agent 2.0``): a release's name."""
    return len(words) >= 2 and bool(_VERSION_WORD_RE.fullmatch(words[-1])) and all(w[:1].isupper() for w in words[:-1])


def title_names(title: str, gaz) -> list[str]:
    """Names a title announces: ``VA-π: …``, ``Foo Technical Report: …``
    (Foo), ``Orient Anything V2: …`` and ``… (LIVR)`` (generic words of the
    gazetteer ``gaz`` left out)."""
    names = []
    m = _TITLE_NAME_RE.match(title)
    if m:
        cand = _REPORT_WORDS_RE.sub("", m.group(1)).strip()  # 'F2LLM Technical Report: …' names F2LLM
        cand = _TITLE_PAREN_RE.sub("", cand).strip()  # 'Foo-STORM (F-STORM) : …': the gloss is read below
        words = cand.split()
        if (
            (len(words) == 1 or any(name_shape(w) in ("strong", "acronym") for w in words) or _versioned(words))
            and not gaz.is_generic(cand)
            and len(words) <= 4
            and not any(_TITLE_VERB_RE.fullmatch(w) for w in words[1:])  # 'DINOv3 Beats Specialized Detectors: …'
        ):
            names.append(cand)
    names += [
        p for p in _TITLE_PAREN_RE.findall(title) if name_shape(p) in ("strong", "acronym") and not gaz.is_generic(p)
    ]
    return names


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_COLON_RE = re.compile(r"\s*[:：]\s*")
_ACRONYM_RE = re.compile(r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)?")


def _runs(title: str) -> list[tuple[int, int, list[str], str]]:
    """(start, end, capitals, text) of the title's words, in order; a word
    is a run of letters and digits (hyphens and spaces separate words)."""
    return [(m.start(), m.end(), [c for c in m.group(0) if c.isupper()], m.group(0)) for m in _WORD_RE.finditer(title)]


def _segments_fit(acronym: str, form: list[str]) -> bool:
    """For a mixed-case name (``CritPt``, ``LaViT``), each part from one
    capital to the next must be spelled, in order, inside the long form's
    word that gives that capital (``Crit`` in Critical, ``Pt`` in Point);
    names in capitals only (``MMGR``) fit any long form of their capitals."""
    if not any(c.islower() for c in acronym):
        return True
    parts = re.findall(r"[A-Z][a-z]*", acronym)
    words = [w for w in form if any(c.isupper() for c in w)]
    if len(parts) != len(words):
        return False
    for part, word in zip(parts, words):
        it = iter(word.casefold())
        if not all(c in it for c in part.casefold()):
            return False
    return True


def _long_form(title: str, words: list, caps: list[str], acronym: str, starts: tuple[int, ...] | None = None):
    """The first run of ``words`` of ``title`` whose capitals are ``caps``:
    it starts at a capitalised word that opens a word group (not after a
    hyphen; at one of ``starts`` when given), ends with a word giving a
    capital that closes its group (not before a hyphen), holds at least two words, no word in capitals only (the
    acronym itself) and only words that give capitals or lower-case words
    (``for``, ``via``, ``knowledge``), joined by spaces or hyphens."""
    for i, (start, _, first_caps, first) in enumerate(words):
        if not first_caps or first[0] != first_caps[0] or title[start - 1 : start] == "-":
            continue
        if starts is not None and start not in starts:
            continue
        got: list[str] = []
        for j in range(i, len(words)):
            w_start, w_end, w_caps, w = words[j]
            if j > i and title[words[j - 1][1] : w_start] not in (" ", "-"):
                break
            if w.isupper() and len(w) > 1:
                break
            got += w_caps
            if got != caps[: len(got)]:
                break
            if got == caps and w_caps and j > i and title[w_end : w_end + 1] != "-":
                form = [x[3] for x in words[i : j + 1]]
                return title[start:w_end] if _segments_fit(acronym, form) else None
    return None


def title_long_forms(title: str, acronyms: list[str]) -> dict[str, str]:
    """Acronym -> the long form ``title`` spells for it, for those of
    ``acronyms`` (names with two or more capitals and no space) that have
    one: ``Multi-Modal Generative Reasoning`` for MMGR, ``Critical Point``
    for CritPt.  A hyphenated name that opens the title (``MANI-Pure:
    Magnitude-Adaptive Noise Injection for …``) may spell only its first
    part, right after the colon.  Names with digits or a lower-case first
    letter (``dLLM``) are left out (no title word spells those); a long form goes to one name only, a
    name in the title before others, then the shortest."""
    words = _runs(title)
    out: dict[str, str] = {}
    # a name in the title first, then shorter names: 'LaViT' before 'LaViT-15k'
    for acronym in sorted(acronyms, key=lambda a: (a not in title, len(a))):
        if " " in acronym or not _ACRONYM_RE.fullmatch(acronym) or any(c.isdigit() for c in acronym):
            continue
        caps = [c for c in acronym if c.isupper()]
        form = _long_form(title, words, caps, acronym) if len(caps) >= 2 else None
        head = acronym.split("-")[0]
        opening = _COLON_RE.match(title, len(acronym)) if title.startswith(acronym) else None
        if form is None and "-" in acronym and opening:
            head_caps = [c for c in head if c.isupper()]
            if len(head_caps) >= 2:
                form = _long_form(title, words, head_caps, head, starts=(opening.end(),))
        if form and form != acronym and form not in out.values():
            out[acronym] = form
    return out
