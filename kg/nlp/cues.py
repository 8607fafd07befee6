"""Cue-word regexes: a list of words (``kg/data/patterns/*.json``) compiled as one
case-insensitive trie regex, and the sensor pattern built from two such
lists.  Plain ``re`` only, so that ``kg query`` can use it without spaCy."""

from __future__ import annotations

import re


def cue_regex(words: list[str], boundaries: bool = True) -> re.Pattern:
    """One case-insensitive regex for a list of cue words that finds, at
    each position, the longest cue that matches there (as an alternation
    sorted longest first would).  A space in a cue matches any whitespace
    run; with ``boundaries``, cues that start with an ASCII character need
    ASCII word boundaries (``\\bbeats\\b``; a Han character next to one is
    a boundary, as in ``标准SFT``) and Chinese cues match anywhere.

    The words are compiled as a trie (``be(?:at(?:s)?|tter)``), not as a flat
    alternation: Python's ``re`` tries every alternative at every position,
    so a flat list of 40 cues costs 4-6x more per sentence (same matches,
    tested).  Cues are lower-cased first, so that two spellings of one cue
    share a branch (the match is case-insensitive anyway).  Empty cues are
    ignored; an empty list gives a regex that never matches."""
    words = sorted({w.lower() for w in words if w})
    if not words:
        return re.compile("(?!)")
    ascii_first = [w for w in words if boundaries and w[0].isascii()]
    others = [w for w in words if w not in ascii_first]
    parts = []
    if ascii_first:
        # ASCII word boundaries (?a:): a Han character next to a Latin cue is a boundary ('标准SFT')
        parts.append(r"(?a:\b(?:" + _trie_pattern(_trie(ascii_first)) + r")\b)")
    if others:
        parts.append("(?:" + _trie_pattern(_trie(others)) + ")")
    # a look-ahead for the cues' first characters: one class test rejects
    # most positions before any branch of the trie is tried (~3x faster)
    firsts = "".join(r"\s" if c == " " else re.escape(c) for c in sorted({w[0] for w in words}))
    return re.compile(f"(?=[{firsts}])(?:{'|'.join(parts)})", re.IGNORECASE)


def _trie(words: list[str]) -> dict:
    """Character trie of ``words``: char -> subtrie; the key "" marks a word end."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def _trie_pattern(node: dict) -> str:
    """Regex of a trie: longer continuations first (a word end is an
    optional tail), a space matching a whitespace run."""
    alts = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def sensor_regex(pats: dict) -> re.Pattern:
    """A sensor mention: one of ``pats["sensor_kind"]`` then, after optional
    whitespace, one of ``pats["sensor_device"]`` (``RGB-D 相机``,
    ``LiDAR sensors``), case-insensitive, longest words first; groups
    ``kind`` and ``device`` (for :func:`kg.link.sensor_name`)."""
    kinds = cue_regex(pats["sensor_kind"], boundaries=False).pattern
    devices = cue_regex(pats["sensor_device"], boundaries=False).pattern
    return re.compile(rf"(?P<kind>{kinds})\s*(?P<device>{devices})", re.IGNORECASE)


def vendor_spellings(pats: dict, gpu_only: bool = False) -> dict[str, str]:
    """Every spelling of a hardware vendor as written -> its canonical name
    (``英伟达`` -> ``NVIDIA``), from ``vendors`` of the hardware cue words;
    with ``gpu_only`` only the ``gpu_vendors`` (whose GPUs a paper may name
    by the vendor alone)."""
    wanted = set(pats["gpu_vendors"]) if gpu_only else set(pats["vendors"])
    return {s: name for name, spellings in pats["vendors"].items() if name in wanted for s in spellings}


def vendor_regex(pats: dict, gpu_only: bool = False) -> str:
    """The regular expression of every spelling of :func:`vendor_spellings`
    (longest first), as a group named ``vendor``."""
    spellings = sorted(vendor_spellings(pats, gpu_only), key=len, reverse=True)
    return f"(?P<vendor>{'|'.join(map(re.escape, spellings))})"


def vendor_gpu_regex(pats: dict) -> re.Pattern:
    """A GPU named by its vendor alone (``NVIDIA GPUs``, ``英伟达显卡``): group
    ``vendor`` is the spelling as written (see :func:`vendor_spellings`),
    followed by ``gpu_word_re``.  Case matters, as in the data."""
    return re.compile(vendor_regex(pats, gpu_only=True) + pats["gpu_word_re"])
