"""The ``# Papers for DATE`` digest layout (``"papers-for"``).

A ``# Papers for 2025-09-23`` title, then per paper a heading
``## [Title](https://arxiv.org/pdf/2509.16198)`` or
``## 0.[Title](https://arxiv.org/pdf/2509.16198)`` and a ``summary:``
paragraph.  The paragraph's parts are labelled inline, in Chinese or English,
bold or not (``**核心关键词**：``, ``**1-Sentence Core Summary**：``,
``主要成果:``, ``i) **Core Keywords**``), or not at all.  Each labelled part
becomes a section keyed by the label's meaning (:mod:`kg.read.labels`: the
keywords are the paper's ``field``, the one-sentence summary its
``contribution``, the research question its ``abstract``, the methodology
its ``innovations``, the results ``results`` and the implications for
practitioners its ``usage``; the labels are ``section_labels`` of
``kg/data/patterns/sections.json``); text before the first label, or a
paragraph without labels, is one ``abstract`` section.
"""

from __future__ import annotations

import re

from kg.model import Problem, Report, Section
from kg.read.inline import split_labels
from kg.read.layout import Layout
from kg.read.markdown import arxiv_id, clean_title, count_score, last_content_line, normalise_date, title_score
from kg.read.sections import BODY_KEY, Draft, Header, finish, paper_label, read_whole_body

PAPERS_FOR = "papers-for"

# The report title: "# Papers for 2025-09-23".
_TITLE_RE = re.compile(r"^\s*#\s*Papers?\s+for\b\s*[-–—:：]?\s*(?P<date>.*?)\s*$", re.I)
# A paper heading: "## [Title](url)" or "## 12.[Title](url)".
_PAPER_RE = re.compile(r"^\s{0,3}#{2,3}\s*(?:\d{1,4}\s*[.、)]\s*)?\[(?P<title>.*)\]\((?P<url>[^()\s]+)\)\s*$")
# The summary line: "summary:" then the paragraph.
_SUMMARY_RE = re.compile(r"^\s*summary\s*[:：]\s*", re.I)


def detect(lines: list[str]) -> float:
    """How sure it is that ``lines`` are a ``# Papers for DATE`` digest: its
    title line near the top (about 1.0), else paper headings followed by a
    ``summary:`` line (about 0.65)."""
    score = title_score(lines, _TITLE_RE)
    if score:
        return score
    count = 0
    for i, line in enumerate(lines):
        if line.lstrip().startswith("##") and _PAPER_RE.match(line):
            after = next((x for x in lines[i + 1 : i + 4] if x.strip()), "")
            count += bool(_SUMMARY_RE.match(after))
    return count_score(count, 0.65)


def read(lines: list[str], source: str, problems: list[Problem]) -> Report | None:
    """Read a ``# Papers for DATE`` digest (see module docstring);
    ``problems`` holds the warnings found so far and is extended.  None when
    the text has no paper heading."""
    heads = [i for i, line in enumerate(lines) if _PAPER_RE.match(line)]
    date = _date(lines[: heads[0] if heads else len(lines)], source, problems)
    drafts: list[Draft] = []
    for n, head in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else len(lines)
        draft, found = _paper(lines, head, stop, source)
        drafts.append(draft)
        problems.extend(found)
    return finish(Header(PAPERS_FOR, date), source, drafts, problems)


def _date(header: list[str], source: str, problems: list[Problem]) -> str | None:
    """The report date of the ``# Papers for DATE`` title, with a warning
    when there is none or it is not a date."""
    for i, line in enumerate(header):
        if m := _TITLE_RE.match(line):
            date = normalise_date(m.group("date"))
            if date is None:
                problems.append(Problem(source, i + 1, f"report date '{m.group('date')}' is not a valid date"))
            return date
    problems.append(Problem(source, 1, "report header has no date"))
    return None


def _paper(lines: list[str], head: int, stop: int, source: str) -> tuple[Draft, list[Problem]]:
    """Read the paper whose heading is ``lines[head]``; its block ends
    before ``stop``."""
    m = _PAPER_RE.match(lines[head])
    assert m is not None  # head indexes were found with this regex
    last = last_content_line(lines, head, stop - 1)
    url = m.group("url")
    draft = Draft(
        title=clean_title(m.group("title")),
        heading_line=head + 1,
        start_line=head + 1,
        end_line=last + 1,
        url=url,
        arxiv_id=arxiv_id(url),
    )
    if draft.arxiv_id is None:
        return draft, [Problem(source, head + 1, f"{paper_label(draft)} has no arXiv id in its link {url}; ignored")]
    first = next((i for i in range(head + 1, last + 1) if lines[i].strip()), None)
    sections = _summary_sections(lines, first, last) if first is not None else []
    labelled = any(s.key != BODY_KEY or s.heading != "summary" for s in sections)
    if sections and (labelled or _SUMMARY_RE.match(lines[first])):
        draft.sections = sections
        return draft, []
    return draft, read_whole_body(draft, sections[0] if sections else None, source)


def _summary_sections(lines: list[str], first: int, last: int) -> list[Section]:
    """The sections of the paragraph ``lines[first:last + 1]`` (its
    ``summary:`` prefix left out): see :func:`kg.read.inline.split_labels`."""
    para = "\n".join(lines[first : last + 1])
    prefix = _SUMMARY_RE.match(para)
    begin = prefix.end() if prefix else 0
    # the prefix is blanked (not cut) so that offsets stay those of the lines
    return split_labels(" " * begin + para[begin:], first + 1, BODY_KEY, "summary")


#: the layout as the registry lists it
LAYOUT = Layout(
    PAPERS_FOR, "a '# Papers for DATE' digest", "## 0.[Title](https://arxiv.org/pdf/2509.16198)", detect, read
)
