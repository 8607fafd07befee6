"""The generic Markdown digest layout (``"markdown"``): the fallback for
digests no layout module knows.

* A paper is a heading that carries a paper link (arxiv.org ``abs``/``pdf``/
  ``html``, huggingface.co/papers, openreview.net, doi.org) or an arXiv id,
  or a heading whose next lines start with such a link
  (``- **Link**: https://arxiv.org/abs/…``).  When such headings appear at
  several levels, the level with the most of them is the paper level.
* Its title is the heading text (links unwrapped, numbering and ids left out).
* Its sections are its sub-headings, bold labels (``**Results**:``) and known
  ``Label:`` lines, keyed by the label's meaning (:mod:`kg.read.labels`);
  unknown labels and text before the first label are ``abstract`` sections;
  author, category, date and link labels fill the paper's fields.  A paper
  with none of these is read from its whole body (with a warning).
* The report date comes from the front matter (``date:``), the first heading,
  a ``Date:`` line above the first paper or the file name (``YYYY-MM-DD``),
  else it is left out with a warning.

Every report read this way carries the warning ``read with the generic
Markdown layout``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath

from kg.model import Problem, Report
from kg.read.section_words import alternation, compiled
from kg.read.generic_body import is_field_line, read_body
from kg.read.labels import section_key
from kg.read.layout import Layout
from kg.read.markdown import MD_LINK_RE, URL_RE, arxiv_id, clean_title, last_content_line, normalise_date
from kg.read.sections import Draft, Header, finish

MARKDOWN = "markdown"

# A Markdown ATX heading with its level.
HEADING_RE = re.compile(r"^ {0,3}(?P<hashes>#{1,6})\s+(?P<text>.*?)(?:\s+#+)?\s*$")
#: Longer heading lines are not paper headings (a whole report on one line).
MAX_HEADING_CHARS = 500
# A link to a paper.
PAPER_URL_RE = re.compile(
    r"https?://(?:www\.)?(?:(?:export\.)?arxiv\.org/(?:abs|pdf|html)/(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?/\d{7})"
    r"[^\s)\]>]*"
    r"|huggingface\.co/papers/\d{4}\.\d{4,5}[^\s)\]>]*"
    r"|openreview\.net/(?:forum|pdf)\?id=[^\s)\]>]+"
    r"|(?:dx\.)?doi\.org/10\.[^\s)\]>]+)",
    re.I,
)
# A bare arXiv id with a valid month ("arXiv:2601.12345", "[2601.12345v2]").
BARE_ID_RE = re.compile(r"(?<![\w./])(?:arXiv\s*:\s*)?(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?(?![\w.])", re.I)
# List numbering and id prefixes before a title: "1. ", "12) ", "#3 ", "[2601.12345] ".
_TITLE_PREFIX_RE = re.compile(
    r"^(?:(?:arXiv\s*:\s*)?\[?\d{4}\.\d{4,5}(?:v\d+)?\]?\s*[:：\-–—|]?\s*|#\d{1,4}\s*[.)、:：]?\s+|\d{1,4}\s*[.)、:：]\s*)",
    re.I,
)
# A date with separators ("2025-09-23", "2025/9/23", "2025年9月23日") or 8 digits.
_DATE_IN_TEXT_RE = re.compile(r"(?<!\d)(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})|(\d{2})(\d{2}))(?!\d)")
_STRICT_NAME_DATE_RE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
# How many non-blank lines under a heading are searched for its paper link.
_LINK_SCAN = 5
# A header line "Date: …", "**Date**: …", "日期：…".
_DATE_LINE_RE = re.compile(r"^\s*[-*]?\s*(?:\*\*)?\s*(?:date|日期)\s*[:：]?\s*(?:\*\*)?\s*[:：]?\s*(.+)$", re.I)
_FRONT_DATE_RE = re.compile(r"^\s*date\s*:\s*['\"]?(.*?)['\"]?\s*$", re.I)


def _link_word_re(data: dict) -> re.Pattern:
    """Link texts that name the link, not the paper: "[arXiv]", "[PDF]",
    "[Code]" (``link_text_words`` of ``sections.json``), "[2601.12345]"."""
    words = alternation(data["link_text_words"])
    return re.compile(rf"^\W*(?:{words}|(?:arxiv\s*:\s*)?\d{{4}}\.\d{{4,5}}(?:v\d+)?)?\W*$", re.I)


@dataclass(frozen=True)
class Candidate:
    """A heading that may start a paper (0-based ``index``)."""

    index: int
    level: int
    text: str
    strong: bool  # the link or id is in the heading itself
    link: str | None  # the paper link, or the bare arXiv id, as found


def detect(lines: list[str]) -> float:
    """How sure it is that ``lines`` are a Markdown digest: 0.1 when a
    paper heading is found (always below the layouts of their own), else 0."""
    return 0.1 if next(iter_candidates(lines), None) else 0.0


def candidates(lines: list[str]) -> list[Candidate]:
    """Every heading that carries a paper link or arXiv id, or whose next
    non-blank lines (up to five, before another heading) start with one."""
    return list(iter_candidates(lines))


def iter_candidates(lines: list[str]) -> Iterator[Candidate]:
    """:func:`candidates`, one at a time."""
    for i, line in enumerate(lines):
        if not line.lstrip(" ").startswith("#") or len(line) > MAX_HEADING_CHARS:
            continue
        m = HEADING_RE.match(line)
        if not m:
            continue
        level, text = len(m.group("hashes")), m.group("text")
        if found := paper_link(text):
            yield Candidate(i, level, text, True, found)
        elif found := _link_below(lines, i):
            yield Candidate(i, level, text, False, found)


def paper_link(text: str) -> str | None:
    """The first paper link in ``text``, else its first bare arXiv id."""
    if m := PAPER_URL_RE.search(text):
        return m.group(0).rstrip(".,;，。；")
    m = BARE_ID_RE.search(text)
    return m.group(1) if m else None


def _link_below(lines: list[str], i: int) -> str | None:
    """The paper link of a link line among the first non-blank lines after
    heading ``i`` (a short label and the link: ``- **链接**: URL``)."""
    seen = 0
    for line in lines[i + 1 : i + 16]:
        if not line.strip():
            continue
        if HEADING_RE.match(line) or seen == _LINK_SCAN:
            return None
        seen += 1
        m = PAPER_URL_RE.search(line) or BARE_ID_RE.search(line)
        if m and len(URL_RE.sub("", line[: m.start()]).strip()) <= 30:
            return m.group(0) if m.re is PAPER_URL_RE else m.group(1)
    return None


def paper_level(found: list[Candidate]) -> int:
    """The heading level of the papers: the one with the most headings
    carrying a link (else with the most candidates); ties go to the higher
    level (fewer ``#``)."""
    strong = Counter(c.level for c in found if c.strong)
    counts = strong or Counter(c.level for c in found)
    return min(counts, key=lambda level: (-counts[level], level))


def read(lines: list[str], source: str, problems: list[Problem]) -> Report | None:
    """Read a Markdown digest (see module docstring); ``problems`` holds the
    warnings found so far and is extended.  None when no paper heading is
    found."""
    found = candidates(lines)
    if not found:
        return None
    level = paper_level(found)
    papers = [c for c in found if c.level == level]
    problems.append(
        Problem(
            source,
            None,
            f"read with the generic Markdown layout: papers are the "
            f"level-{level} headings that carry a paper link or arXiv id",
        )
    )
    date = _report_date(lines, papers[0].index, source, problems)
    drafts = []
    for n, cand in enumerate(papers):
        stop = _block_end(lines, cand, papers[n + 1].index if n + 1 < len(papers) else len(lines))
        draft, warnings = _paper(lines, cand, stop, source)
        drafts.append(draft)
        problems.extend(warnings)
    return finish(Header(MARKDOWN, date), source, drafts, problems, require_arxiv_id=False)


def _block_end(lines: list[str], cand: Candidate, limit: int) -> int:
    """Index after a paper's block (``limit`` at most: the next paper): the
    next heading of its level, unless that heading is a section label
    (``## 1. 应用领域``, ``## Results``), or of a higher level once the paper
    has text (a higher heading right under the paper heading and its link
    lines is the paper's own title)."""
    has_text = False
    for i in range(cand.index + 1, limit):
        m = HEADING_RE.match(lines[i])
        if m and _ends_paper(len(m.group("hashes")), m.group("text"), cand.level, has_text):
            return i
        has_text = has_text or bool(lines[i].strip() and not m and not is_field_line(lines[i]))
    return limit


def _ends_paper(level: int, text: str, paper_level: int, has_text: bool) -> bool:
    """Whether a heading inside a paper's block ends it (see :func:`_block_end`)."""
    if level == paper_level:
        return section_key(clean_title(text)) is None
    return level < paper_level and has_text


def _paper(lines: list[str], cand: Candidate, stop: int, source: str) -> tuple[Draft, list[Problem]]:
    """Read the paper of heading ``cand``; its block ends before ``stop``."""
    last = last_content_line(lines, cand.index, stop - 1)
    link = cand.link or ""
    url = link if link.lower().startswith("http") else None
    ident = arxiv_id(link) if ("arxiv.org" in link.lower() or "huggingface.co" in link.lower() or not url) else None
    draft = Draft(
        title=title_of(cand.text),
        heading_line=cand.index + 1,
        start_line=cand.index + 1,
        end_line=last + 1,
        url=url,
        arxiv_id=ident,
    )
    return draft, read_body(draft, lines, cand.index + 1, last, source)


def title_of(heading: str) -> str:
    """A paper's title from its heading text: links unwrapped (links named
    "arXiv", "PDF" or by an id dropped), bare URLs and ids, list numbering
    and emphasis left out."""
    link_word = compiled(_link_word_re)
    text = MD_LINK_RE.sub(lambda m: "" if link_word.match(m.group(1)) else m.group(1), heading)
    text = re.sub(r"(?i)https?://\S+", "", text)
    text = re.sub(r"\[\s*\]|\(\s*\)|（\s*）|(?:(?<=\s)|^)[\[\]]+(?=\s|$)", "", clean_title(text))
    text = "".join(c for c in text if unicodedata.category(c) not in ("So", "Cs", "Co") and c != "\ufe0f")
    for _ in range(2):
        text = _TITLE_PREFIX_RE.sub("", text, count=1).strip()
    text = re.sub(r"\s*[(\[（]?\s*(?:arXiv\s*:\s*)?\d{4}\.\d{4,5}(?:v\d+)?\s*[)\]）]?\s*$", "", text, flags=re.I)
    return text.strip(" -–—|:：·").strip()


def _report_date(lines: list[str], header_end: int, source: str, problems: list[Problem]) -> str | None:
    """The date of the front matter, else of the first heading, else of a
    ``Date:`` line before the first paper (``lines[:header_end]``), else of
    the file name; a warning when none is found."""
    date = _front_matter_date(lines)
    if date is None:
        first = next((m.group("text") for line in lines if (m := HEADING_RE.match(line))), "")
        date = _date_in(first)
    if date is None:
        date = next((_date_in(m.group(1)) for line in lines[:header_end] if (m := _DATE_LINE_RE.match(line))), None)
    if date is None:
        m = _STRICT_NAME_DATE_RE.search(PurePath(source).name)
        date = normalise_date(m.group(1)) if m else None
    if date is None:
        problems.append(
            Problem(
                source,
                1,
                "no report date found (front matter 'date:', a date in the first "
                "heading, a 'Date:' line or YYYY-MM-DD in the file name); the report "
                "has none",
            )
        )
    return date


def _front_matter_date(lines: list[str]) -> str | None:
    """``date:`` of a ``---`` front matter block at the top, else None."""
    if not lines or lines[0].strip() != "---":
        return None
    for line in lines[1:60]:
        if line.strip() in ("---", "..."):
            return None
        if m := _FRONT_DATE_RE.match(line):
            return _date_in(m.group(1))
    return None


def _date_in(text: str) -> str | None:
    """``YYYY-MM-DD`` of the first date written with separators (or as
    eight digits) in ``text``, else None."""
    for m in _DATE_IN_TEXT_RE.finditer(text):
        year, month, day = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
        if date := normalise_date(f"{year}-{month}-{day}"):
            return date
    return None


#: the layout as the registry lists it
LAYOUT = Layout(
    MARKDOWN,
    "any heading with a link to arxiv.org, huggingface.co/papers, openreview.net or doi.org, or with an arXiv id",
    "## 1. [Title](https://arxiv.org/abs/2601.00001)",
    detect,
    read,
)
