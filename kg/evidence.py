"""Evidence text: Markdown blanked out for the NLP pipeline (character offsets
kept, so mentions map back to report lines) and the clean sentence quoted as
a fact's evidence."""
from __future__ import annotations

import re

# Markdown emphasis and list markers, blanked out (same length) before NLP.
_MARKDOWN_RE = re.compile(r"\*\*|__|`|^[ \t]*(?:[*+\-]|\d+\.)(?=[ \t])", re.MULTILINE)


def blank_markdown(text: str) -> str:
    """Replace Markdown emphasis and list markers by spaces (offsets kept)."""
    return _MARKDOWN_RE.sub(lambda m: " " * len(m.group()), text)


_SPACES_RE = re.compile(r"\s+")


def clean_sentence(text: str) -> str:
    """Evidence form of a sentence: Markdown removed, whitespace collapsed."""
    return _SPACES_RE.sub(" ", blank_markdown(text)).strip()
