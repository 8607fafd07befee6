"""The record's ``paper`` and ``fields`` parts: the paper's metadata as
read, and its research-field labels (the report's field line and the
arXiv categories), each with its 1-based report line."""

from __future__ import annotations

import re
from dataclasses import fields

from kg.model import Paper
from kg.nlp.evidence import clean_sentence

_FIELD_SPLIT_RE = re.compile(r"[/、，,；;]\s*(?![^()（）]*[)）])")


def paper_dict(p: Paper) -> dict:
    """The record's ``paper``: every field of ``p`` but its sections (tuples as lists)."""
    d = {f.name: getattr(p, f.name) for f in fields(p) if f.name != "sections"}
    d["authors"] = list(p.authors)
    d["categories"] = list(p.categories)
    return d


def field_labels(paper: Paper) -> list[dict]:
    """``[{"label", "line"}]``: the labels of the first non-blank line of
    the report's field section (split at ``/ 、 , ;``, 2–60 characters) and
    the paper's categories (at the paper's first line)."""
    out = []
    sec = paper.section("field")
    if sec is not None:
        first = next((ln for ln in sec.text.splitlines() if ln.strip()), "")
        lineno = sec.start_line + sec.text.splitlines().index(first) if first else sec.start_line
        for part in _FIELD_SPLIT_RE.split(clean_sentence(first)):
            label = part.strip(" 。.：:*")
            if 1 < len(label) <= 60:
                out.append({"label": label, "line": lineno})
    for cat in paper.categories:
        out.append({"label": cat, "line": paper.start_line})
    return out
