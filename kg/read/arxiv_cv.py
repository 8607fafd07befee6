"""The arXiv computer-vision daily report layout (``"arxiv-cv"``, ``seeds/004``).

``time: YYYYMMDD``, ``# Arxiv Computer Vision Papers - DATE``, an executive
summary and a table of contents (both ignored), then per paper
``<a id='…'></a>``, ``## [Title](https://arxiv.org/abs/…)``, ``**Authors:**``,
``**Published:**``, ``**Categories:**``, ``**Abstract:**``, ``**Analysis:**``,
``**Key Findings:**`` and ``**Links:**`` (the labels are ``arxiv_cv_*`` of
``kg/data/patterns/sections.json``).  A variant of the layout writes the
analysis under headings: ``### 论文解读`` (the analysis) with
``#### 实验分析（精简版）`` (the experiments, read as the key findings)
inside it; a section label may be such a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Problem, Report
from kg.read.section_words import canonical_names, compiled, key_of_word, label_key, word_alternation
from kg.read.layout import Layout
from kg.read.markdown import arxiv_id, clean_title, count_score, last_content_line, normalise_date
from kg.read.markdown import split_list, title_score
from kg.read.sections import BODY_KEY, Draft, Header, Open, body_section, finish, paper_label, read_whole_body
from kg.read.sections import section_warnings

ARXIV_CV = "arxiv-cv"

# The report title line: "# Arxiv Computer Vision Papers - 2026-01-13".
_AX_TITLE_RE = re.compile(r"^\s*#\s*arxiv\s+computer\s+vision\s+papers\b\s*[-–—:：]?\s*(.*?)\s*$", re.I)
# The timestamp line: "time: 20260113".
_AX_TIME_RE = re.compile(r"^\s*time\s*[:：]\s*(\d{8})\b", re.I)
# The paper anchor: "<a id='2601.07823v1'></a>".
_AX_ANCHOR_RE = re.compile(r"""^\s*<a\s+(?:id|name)\s*=\s*['"]?([^'">\s]*)['"]?\s*>\s*(?:</a>)?\s*$""", re.I)
# The paper heading: "## [Title](https://arxiv.org/abs/2601.07823v1)".
_AX_HEADING_RE = re.compile(r"^\s{0,3}##\s+\[(?P<title>.*)\]\((?P<url>[^()\s]+)\)\s*$")


@dataclass(frozen=True)
class _Cues:
    """The section and field labels of ``sections.json``, compiled."""

    names: dict[str, str]  # section key -> canonical heading, in report order
    sections: dict[str, str]  # label_key(label) -> section key
    fields: dict[str, str]  # label_key(label) -> field (authors, published, categories, links)
    label: re.Pattern  # a labelled field or section marker: "**Authors:** a, b" / "**Abstract**:" / "### 论文解读"
    own: frozenset[str]  # label_keys only this layout writes (not the abstract's, common to many digests)


def _cues(data: dict) -> _Cues:
    sections, fields = data["arxiv_cv_sections"], data["arxiv_cv_field_labels"]
    section_alt = word_alternation([w for ws in sections.values() for w in ws])
    alt = word_alternation([*(w for ws in fields.values() for w in ws), *(w for ws in sections.values() for w in ws)])
    # '**Abstract:** …', or a whole heading line of a section word: '### 论文解读', '#### 实验分析（精简版）'
    label = re.compile(
        rf"^\s*(?:\*\*(?P<label>{alt})\s*[:：]?\s*\*\*\s*[:：]?\s*(?P<rest>.*?)"
        rf"|#{{2,4}}\s+(?P<heading>{section_alt})\s*(?:[（(][^（）()]{{0,20}}[)）])?\s*[:：]?)\s*$",
        re.I,
    )
    field_of = key_of_word(fields)
    section_of = key_of_word(sections)
    own = frozenset(field_of) | {w for w, key in section_of.items() if key != BODY_KEY}
    return _Cues(canonical_names(sections), section_of, field_of, label, own)


def _label_of(m: re.Match) -> str:
    """The lookup key of a matched label, bold (``**Analysis:**``) or a heading (``### 论文解读``)."""
    return label_key(m.group("label") or m.group("heading"))


def section_names() -> dict[str, str]:
    """The section keys of the layout, in report order, with their canonical
    headings (``arxiv_cv_sections`` of ``sections.json``).  Raises DataError for a bad
    data file."""
    return dict(compiled(_cues).names)


def detect(lines: list[str]) -> float:
    """How sure it is that ``lines`` are an arXiv CV daily report: its
    title or ``time:`` line near the top (about 1.0); else paper headings
    ``## [T](…arxiv.org…)`` with an ``<a id>`` anchor above one of them or two
    of the layout's own bold labels (``**Authors:**``, ``**Analysis:**`` …;
    a heading such as ``### Key Findings`` is no evidence, other digests
    write those) in the text (about 0.6); bare such headings only 0.05,
    below the generic Markdown layout, which reads other labels too."""
    score = max(title_score(lines, _AX_TITLE_RE), title_score(lines, _AX_TIME_RE))
    if score:
        return score
    count, anchored = _count_arxiv_headings(lines)
    if not count:
        return 0.0
    cues = compiled(_cues)
    labels = {label_key(m.group("label")) for line in lines if (m := cues.label.match(line)) and m.group("label")}
    return count_score(count, 0.6) if anchored or len(labels & cues.own) >= 2 else 0.05


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
    cues = compiled(_cues)
    drafts: list[Draft] = []
    for n, head in enumerate(heads):
        stop = starts[n + 1] if n + 1 < len(heads) else len(lines)
        draft, found = _arxiv_paper(lines, (starts[n], head, stop), source, cues)
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


def _arxiv_paper(
    lines: list[str], block: tuple[int, int, int], source: str, cues: _Cues
) -> tuple[Draft, list[Problem]]:
    """Parse one arXiv paper: ``block`` is (anchor line ``start``, heading
    line ``head``, ``stop``: the next paper's first line)."""
    start, head, stop = block
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
    _arxiv_body(draft, lines, head + 1, last, cues)
    problems: list[Problem] = []
    if draft.arxiv_id is None:
        problems.append(Problem(source, head + 1, f"{paper_label(draft)} has no arXiv id; ignored"))
    elif draft.title:
        problems.extend(_check_sections(draft, lines, (head + 1, last), source, cues))
    return draft, problems


def _check_sections(draft: Draft, lines: list[str], span: tuple[int, int], source: str, cues: _Cues) -> list[Problem]:
    """Warnings for missing or empty sections; a paper without any gets its
    body (``span``: first and last line index, after the author lines,
    before ``**Links:**``) as one section."""
    if draft.sections:
        return section_warnings(draft, cues.names, source)
    first, last = span
    for i in range(first, last + 1):
        m = cues.label.match(lines[i])
        if m and cues.fields.get(_label_of(m)) == "links":
            last = i - 1
            break
    body = body_section(lines, first, last, lambda line: bool(cues.label.match(line)))
    return read_whole_body(draft, body, source)


def _arxiv_body(draft: Draft, lines: list[str], first: int, last: int, cues: _Cues) -> None:
    """Fill fields and sections of ``draft`` from ``lines[first:last + 1]``.

    A section runs from its ``**Label:**`` line (or a heading line of a
    section word, ``### 论文解读``) to the next recognised label;
    ``**Links:**`` ends the last section and the rest of the block is skipped.
    Each section and field opens once; a label of one already open is ordinary text.
    """
    seen: set[str] = set()
    open_: Open | None = None
    for i in range(first, last + 1):
        m = cues.label.match(lines[i])
        label = _label_of(m) if m else ""
        opens = cues.sections.get(label, label)  # the section key, or the field's label
        if not m or opens in seen:
            continue
        seen.add(opens)
        if open_:
            draft.sections.append(open_.close(lines, i - 1))
            open_ = None
        rest = m.group("rest") or ""
        if label in cues.sections:
            key = cues.sections[label]
            open_ = Open(key, cues.names[key], i, rest)
        elif cues.fields[label] == "links":
            return
        else:
            _arxiv_field(draft, cues.fields[label], rest)
    if open_:
        draft.sections.append(open_.close(lines, last))


def _arxiv_field(draft: Draft, field: str, value: str) -> None:
    """Store an ``Authors`` / ``Published`` / ``Categories`` value
    (``field``: ``authors``, ``published``, ``categories``)."""
    items = split_list(value)
    if field == "authors":
        draft.authors = items
    elif field == "categories":
        draft.categories = items
    elif field == "published":
        draft.published = normalise_date(value)


#: the layout as the registry lists it
LAYOUT = Layout(ARXIV_CV, "an arXiv CV daily report", "## [Title](https://arxiv.org/abs/2601.07823)", detect, read)
