"""The arXiv computer-vision daily report layout (``"arxiv-cv"``, ``seeds/004``).

``time: YYYYMMDD``, ``# Arxiv Computer Vision Papers - DATE``, an executive
summary and a table of contents (both ignored), then per paper
``<a id='…'></a>``, ``## [Title](https://arxiv.org/abs/…)``, ``**Authors:**``,
``**Published:**``, ``**Categories:**``, ``**Abstract:**``, ``**Analysis:**``,
``**Key Findings:**`` and ``**Links:**``.
"""

from __future__ import annotations

import re

from kg.model import Problem, Report
from kg.read.layout import Layout
from kg.read.markdown import (
    SPACES_RE,
    arxiv_id,
    clean_title,
    count_score,
    last_content_line,
    normalise_date,
    split_list,
    title_score,
)
from kg.read.sections import Draft, Header, Open, body_section, finish, paper_label, read_whole_body, section_warnings

ARXIV_CV = "arxiv-cv"

#: arXiv CV section keys, in report order, with their headings.
ARXIV_SECTIONS: dict[str, str] = {
    "abstract": "Abstract",
    "analysis": "Analysis",
    "key_findings": "Key Findings",
}

# The report title line: "# Arxiv Computer Vision Papers - 2026-01-13".
_AX_TITLE_RE = re.compile(r"^\s*#\s*arxiv\s+computer\s+vision\s+papers\b\s*[-–—:：]?\s*(.*?)\s*$", re.I)
# The timestamp line: "time: 20260113".
_AX_TIME_RE = re.compile(r"^\s*time\s*[:：]\s*(\d{8})\b", re.I)
# The paper anchor: "<a id='2601.07823v1'></a>".
_AX_ANCHOR_RE = re.compile(r"""^\s*<a\s+(?:id|name)\s*=\s*['"]?([^'">\s]*)['"]?\s*>\s*(?:</a>)?\s*$""", re.I)
# The paper heading: "## [Title](https://arxiv.org/abs/2601.07823v1)".
_AX_HEADING_RE = re.compile(r"^\s{0,3}##\s+\[(?P<title>.*)\]\((?P<url>[^()\s]+)\)\s*$")
# A labelled field or section marker: "**Authors:** a, b" / "**Abstract**:".
_AX_LABEL_RE = re.compile(
    r"^\s*\*\*(?P<label>Authors|Published|Categories|Abstract|Analysis|Key\s+Findings|Links)"
    r"\s*[:：]?\s*\*\*\s*[:：]?\s*(?P<rest>.*?)\s*$",
    re.I,
)

_AX_LABEL_KEYS = {
    "abstract": "abstract",
    "analysis": "analysis",
    "key findings": "key_findings",
}


# Labels only this layout writes (``**Abstract**`` is common to many digests).
_OWN_LABELS = {"authors", "published", "categories", "analysis", "key findings", "links"}


def detect(lines: list[str]) -> float:
    """How sure it is that ``lines`` are an arXiv CV daily report: its
    title or ``time:`` line near the top (about 1.0); else paper headings
    ``## [T](…arxiv.org…)`` with an ``<a id>`` anchor above one of them or two
    of the layout's own labels (``**Authors:**``, ``**Analysis:**`` …) in the
    text (about 0.6); bare such headings only 0.05, below the generic
    Markdown layout, which reads other labels too."""
    score = max(title_score(lines, _AX_TITLE_RE), title_score(lines, _AX_TIME_RE))
    if score:
        return score
    count, anchored = _count_arxiv_headings(lines)
    if not count:
        return 0.0
    labels = {SPACES_RE.sub(" ", m.group("label")).lower() for line in lines if (m := _AX_LABEL_RE.match(line))}
    return count_score(count, 0.6) if anchored or len(labels & _OWN_LABELS) >= 2 else 0.05


def _count_arxiv_headings(lines: list[str]) -> tuple[int, bool]:
    """Count ``## [T](…arxiv.org…)`` headings or ones preceded by an anchor;
    and whether any is preceded by an anchor."""
    count = 0
    anchored = False
    previous = ""
    for line in lines:
        m = _AX_HEADING_RE.match(line)
        if m and _AX_ANCHOR_RE.match(previous):
            count, anchored = count + 1, True
        elif m and "arxiv.org" in m.group("url").lower():
            count += 1
        if line.strip():
            previous = line
    return count, anchored


def read(lines: list[str], source: str, problems: list[Problem]) -> Report | None:
    """Read an arXiv CV daily report (see module docstring); ``problems``
    holds the warnings found so far and is extended.  None when the text
    has no ``## [Title](URL)`` heading."""
    heads = [i for i, line in enumerate(lines) if _AX_HEADING_RE.match(line)]
    date = _arxiv_date(lines[: heads[0] if heads else len(lines)], source, problems)
    starts = [_anchor_before(lines, h) for h in heads]
    drafts: list[Draft] = []
    for n, head in enumerate(heads):
        stop = starts[n + 1] if n + 1 < len(heads) else len(lines)
        draft, found = _arxiv_paper(lines, starts[n], head, stop, source)
        drafts.append(draft)
        problems.extend(found)
    return finish(Header(ARXIV_CV, date), source, drafts, problems)


def _arxiv_date(header: list[str], source: str, problems: list[Problem]) -> str | None:
    """Report date from the ``# Arxiv … - DATE`` title, else ``time:``."""
    title_date = time_date = None
    seen_title = seen_time = False
    for line in header:
        if not seen_title and (m := _AX_TITLE_RE.match(line)):
            seen_title, title_date = True, normalise_date(m.group(1))
        elif not seen_time and (m := _AX_TIME_RE.match(line)):
            seen_time, time_date = True, normalise_date(m.group(1))
    date = title_date or time_date
    if date is None:
        problems.append(Problem(source, 1, "report header has no date"))
    return date


def _anchor_before(lines: list[str], head: int) -> int:
    """Index of the ``<a id>`` line just above a heading (blank lines
    between allowed), else the heading's own index."""
    i = head - 1
    while i >= 0 and not lines[i].strip():
        i -= 1
    return i if i >= 0 and _AX_ANCHOR_RE.match(lines[i]) else head


def _arxiv_paper(lines: list[str], start: int, head: int, stop: int, source: str) -> tuple[Draft, list[Problem]]:
    """Parse one arXiv paper: anchor at ``start``, heading at ``head``,
    block ending before ``stop`` (the next paper's first line)."""
    m = _AX_HEADING_RE.match(lines[head])
    assert m is not None  # head indexes were found with this regex
    last = last_content_line(lines, head, stop - 1)
    anchor = _AX_ANCHOR_RE.match(lines[start]) if start != head else None
    draft = Draft(
        title=clean_title(m.group("title")),
        heading_line=head + 1,
        start_line=start + 1,
        end_line=last + 1,
        url=m.group("url"),
    )
    draft.arxiv_id = arxiv_id(draft.url) or arxiv_id(anchor.group(1) if anchor else None)
    _arxiv_body(draft, lines, head + 1, last)
    problems: list[Problem] = []
    if draft.arxiv_id is None:
        problems.append(Problem(source, head + 1, f"{paper_label(draft)} has no arXiv id; ignored"))
    elif draft.title:
        problems.extend(_check_sections(draft, lines, head + 1, last, source))
    return draft, problems


def _check_sections(draft: Draft, lines: list[str], first: int, last: int, source: str) -> list[Problem]:
    """Warnings for missing or empty sections; a paper without any gets its
    body (after the author lines, before ``**Links:**``) as one section."""
    if draft.sections:
        return section_warnings(draft, ARXIV_SECTIONS, source)
    for i in range(first, last + 1):
        m = _AX_LABEL_RE.match(lines[i])
        if m and m.group("label").lower() == "links":
            last = i - 1
            break
    body = body_section(lines, first, last, lambda line: bool(_AX_LABEL_RE.match(line)))
    return read_whole_body(draft, body, source)


def _arxiv_body(draft: Draft, lines: list[str], first: int, last: int) -> None:
    """Fill fields and sections of ``draft`` from ``lines[first:last + 1]``.

    A section runs from its ``**Label:**`` line to the next recognised label;
    ``**Links:**`` ends the last section and the rest of the block is skipped.
    Each label counts once; a repeated one is ordinary text.
    """
    seen: set[str] = set()
    open_: Open | None = None
    for i in range(first, last + 1):
        m = _AX_LABEL_RE.match(lines[i])
        label = SPACES_RE.sub(" ", m.group("label")).lower() if m else ""
        if not m or label in seen:
            continue
        seen.add(label)
        if open_:
            draft.sections.append(open_.close(lines, i - 1))
            open_ = None
        rest = m.group("rest")
        if label in _AX_LABEL_KEYS:
            key = _AX_LABEL_KEYS[label]
            open_ = Open(key, ARXIV_SECTIONS[key], i, rest)
        elif label == "links":
            return
        else:
            _arxiv_field(draft, label, rest)
    if open_:
        draft.sections.append(open_.close(lines, last))


def _arxiv_field(draft: Draft, label: str, value: str) -> None:
    """Store an ``Authors`` / ``Published`` / ``Categories`` value."""
    items = split_list(value)
    if label == "authors":
        draft.authors = items
    elif label == "categories":
        draft.categories = items
    elif label == "published":
        draft.published = normalise_date(value)


#: the layout as the registry lists it
LAYOUT = Layout(ARXIV_CV, "an arXiv CV daily report", "## [Title](https://arxiv.org/abs/2601.07823)", detect, read)
