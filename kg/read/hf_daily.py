"""The Hugging Face daily papers layout (``"hf-daily"``, ``seeds/000``–``003``).

A ``# Hugging Face Daily Papers Report`` header with ``**Date**`` and
``**Source URL**``, then paper blocks separated by ``=====`` lines.  Each
block starts ``## 📄 <title>``, has ``**链接**`` / ``**阅读来源**`` lines and
five numbered sections written in several Markdown layouts
(``### 1. 应用领域``, ``**1. 应用领域**``, ``1. **应用领域**`` with the text
below or ``1. **应用领域**：text``).  The section names and the link labels
are ``hf_daily_*`` of ``kg/data/patterns/sections.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Problem, Report
from kg.read.section_words import canonical_names, compiled, key_of_word, label_key, word_alternation
from kg.read.layout import Layout
from kg.read.markdown import (
    MD_EMPHASIS_RE,
    MD_HEADING_RE,
    HEADER_SCAN,
    SEPARATOR_RE,
    arxiv_id,
    clean_title,
    count_score,
    first_url,
    last_content_line,
    normalise_date,
    title_score,
)
from kg.read.sections import Draft, Header, Open, body_section, finish, paper_label, read_whole_body, section_warnings

HF_DAILY = "hf-daily"

# The report title line: "# Hugging Face Daily Papers Report".
_HF_TITLE_RE = re.compile(r"^\s*#\s*Hugging\s*Face\s+Daily\s+Papers?\s+Report\b", re.I)
# The header date: "**Date**: 2025-12-28" (colon inside or outside the bold).
_HF_DATE_RE = re.compile(r"^\s*[-*]?\s*\*\*Date\s*[:：]?\*\*\s*[:：]?\s*(.*?)\s*$", re.I)
# The header source: "**Source URL**: https://huggingface.co/papers/date/…".
_HF_SOURCE_RE = re.compile(r"^\s*[-*]?\s*\*\*Source\s*URL\s*[:：]?\*\*\s*[:：]?\s*(.*?)\s*$", re.I)
# A paper heading: "## 📄 Title" (the emoji may carry a variation selector;
# a closing "##" needs a space before it, so "C#" in a title is kept).
_HF_PAPER_RE = re.compile(r"^\s{0,3}#{2,3}\s*\U0001F4C4\uFE0F?\s*(.*?)(?:\s+#+)?\s*$")
# A numbered list item whose text starts in bold: "1. **应用领域**：text".
_LIST_BOLD_RE = re.compile(
    r"^ {0,3}(?P<number>(?:\d{1,2}|[一二三四五六七八九十])[.、)）])\s*\*\*(?P<bold>.+?)\*\*(?P<after>.*)$"
)
# A line that starts in bold: "**1. 应用领域**" or "**1. 应用领域**：text".
_BOLD_LINE_RE = re.compile(r"^ {0,3}\*\*(?P<bold>.+?)\*\*(?P<after>.*)$")
# A section number before the keyword: "1. ", "2、", "3)", "一、".
_NUMBER_PREFIX_RE = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十])\s*[.、)）]\s*")
# What may follow a keyword on a heading line: an optional gloss, then an
# optional colon introducing same-line text.
_HEADING_TAIL_RE = re.compile(r"^(?P<gloss>\s*(?:[(（][^()（）]*[)）])?)\s*(?:[:：]\s*(?P<rest>.*))?$")


@dataclass(frozen=True)
class _Cues:
    """The section names and labels of ``sections.json``, compiled."""

    names: dict[str, str]  # section key -> canonical heading, in report order
    key_of_word: dict[str, str]  # label_key(heading word) -> section key
    exact_keyword: re.Pattern  # a heading text that is exactly a keyword
    keyword_start: re.Pattern  # a heading text that starts with a keyword
    link: re.Pattern  # the link line
    read_from: re.Pattern  # the reading source line

    def is_link_line(self, line: str) -> bool:
        """True for the ``**链接**`` and ``**阅读来源**`` lines of a paper."""
        return bool(self.link.match(line) or self.read_from.match(line))


def _labelled_line(words: list[str]) -> re.Pattern:
    """A line ``- **Label**: value`` of one of ``words`` (value in group 1)."""
    alt = word_alternation(words)
    return re.compile(rf"^\s*[-*+]?\s*\*\*(?:{alt})\s*[:：]?\*\*\s*[:：]?\s*(.*?)\s*$", re.I)


def _cues(data: dict) -> _Cues:
    table = data["hf_daily_sections"]
    words = word_alternation((w for ws in table.values() for w in ws), longest_first=True)
    return _Cues(
        names=canonical_names(table),
        key_of_word=key_of_word(table),
        # the keyword alone, optionally followed by a parenthesised gloss
        # and/or a colon: "应用领域", "实验效果 (Results)："
        exact_keyword=re.compile(rf"^(?P<word>{words})\s*(?:[(（][^()（）]*[)）])?\s*(?P<colon>[:：])?\s*$", re.I),
        # the keyword followed by extra words that do not continue the word
        # itself: "实验效果 (Experimental Results)"
        keyword_start=re.compile(rf"^(?P<word>{words})(?=$|[\s(（:：\-—–/|·,，、])(?P<tail>.*)$", re.I),
        # "- **链接**: https://huggingface.co/papers/2512.19995"
        link=_labelled_line(data["hf_daily_link_labels"]),
        # "- **阅读来源**: HTML"
        read_from=_labelled_line(data["hf_daily_read_from_labels"]),
    )


def section_names() -> dict[str, str]:
    """The section keys of the layout, in report order, with their canonical
    headings (``hf_daily_sections`` of ``sections.json``).  Raises DataError for a bad
    data file."""
    return dict(compiled(_cues).names)


def detect(lines: list[str]) -> float:
    """How sure it is that ``lines`` are a Hugging Face daily report: its
    title line near the top (about 1.0), else ``## 📄`` paper headings
    (about 0.6), else a ``**Date**:`` header line (0.3)."""
    score = title_score(lines, _HF_TITLE_RE)
    if score:
        return score
    score = count_score(sum(1 for line in lines if _HF_PAPER_RE.match(line)), 0.6)
    if score:
        return score
    return 0.3 if any(_HF_DATE_RE.match(line) for line in lines[:HEADER_SCAN]) else 0.0


def read(lines: list[str], source: str, problems: list[Problem]) -> Report | None:
    """Read a Hugging Face daily papers report (see module docstring);
    ``problems`` holds the warnings found so far and is extended.  None
    when the text has no ``## 📄`` paper heading."""
    starts = [i for i, line in enumerate(lines) if _HF_PAPER_RE.match(line)]
    header_end = starts[0] if starts else len(lines)
    date, source_url = _hf_header(lines[:header_end], source, problems)
    cues = compiled(_cues)
    drafts: list[Draft] = []
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        draft, found = _hf_paper(lines, start, stop, source, cues)
        drafts.append(draft)
        problems.extend(found)
    return finish(Header(HF_DAILY, date, source_url), source, drafts, problems)


def _hf_header(header: list[str], source: str, problems: list[Problem]) -> tuple[str | None, str | None]:
    """Return (date, source URL) from the lines before the first paper."""
    raw_date: str | None = None
    date_line = 1
    source_url: str | None = None
    for i, line in enumerate(header):
        if raw_date is None and (m := _HF_DATE_RE.match(line)):
            raw_date, date_line = m.group(1), i + 1
        elif source_url is None and (m := _HF_SOURCE_RE.match(line)):
            source_url = first_url(m.group(1))
    date = normalise_date(raw_date)
    if raw_date is None:
        problems.append(Problem(source, 1, "report header has no date"))
    elif date is None:
        message = f"report date '{raw_date}' is not a valid date"
        problems.append(Problem(source, date_line, message))
    return date, source_url


def _hf_paper(lines: list[str], start: int, stop: int, source: str, cues: _Cues) -> tuple[Draft, list[Problem]]:
    """Parse the paper block whose heading is ``lines[start]``.

    The block runs to the next paper heading (``stop``) or the first
    ``=====`` separator, whichever comes first.
    """
    end = stop - 1
    for i in range(start + 1, stop):
        if SEPARATOR_RE.match(lines[i]):
            end = i - 1
            break
    m = _HF_PAPER_RE.match(lines[start])
    title = clean_title(m.group(1) if m else "")
    last = last_content_line(lines, start, end)
    draft = Draft(title=title, heading_line=start + 1, start_line=start + 1, end_line=last + 1)
    problems: list[Problem] = []
    link_value: str | None = None
    link_line = start + 1
    seen: set[str] = set()
    open_: Open | None = None
    for i in range(start + 1, last + 1):
        line = lines[i]
        heading = _hf_section_heading(line, cues)
        if heading and heading[0] not in seen:
            if open_:
                draft.sections.append(open_.close(lines, i - 1))
            seen.add(heading[0])
            open_ = Open(heading[0], heading[1], i, heading[2])
            continue
        if open_:
            continue
        if link_value is None and (lm := cues.link.match(line)):
            link_value, link_line = lm.group(1), i + 1
        elif draft.read_from is None and (rm := cues.read_from.match(line)):
            draft.read_from = clean_title(rm.group(1)) or None
    if open_:
        draft.sections.append(open_.close(lines, last))
    problems.extend(_hf_link(draft, link_value, link_line, source))
    if draft.arxiv_id and draft.title:  # ignored papers get no section warnings
        problems.extend(_check_sections(draft, lines, start + 1, last, source, cues))
    return draft, problems


def _check_sections(draft: Draft, lines: list[str], first: int, last: int, source: str, cues: _Cues) -> list[Problem]:
    """Warnings for missing or empty sections; a paper without any gets its
    body after the link lines as one section."""
    if draft.sections:
        return section_warnings(draft, cues.names, source)
    body = body_section(lines, first, last, cues.is_link_line)
    return read_whole_body(draft, body, source)


def _hf_link(draft: Draft, value: str | None, line: int, source: str) -> list[Problem]:
    """Set the paper's url / arxiv_id from its link line; return warnings."""
    label = paper_label(draft)
    if value is None:
        return [Problem(source, draft.heading_line, f"{label} has no link line; ignored")]
    draft.url = first_url(value)
    draft.arxiv_id = arxiv_id(draft.url)
    if draft.url is None:
        return [Problem(source, line, f"{label}: empty link line; ignored")]
    if draft.arxiv_id is None:
        return [Problem(source, line, f"{label}: no arXiv id in link {draft.url}; ignored")]
    return []


def _hf_section_heading(line: str, cues: _Cues) -> tuple[str, str, str | None] | None:
    """Recognise a Hugging Face section heading line.

    Returns ``(key, heading, rest)`` where ``heading`` is the heading text
    without Markdown markers or trailing colon (``"1. 应用领域"``) and ``rest``
    the text after the colon on the same line (one-line layout) or None.
    Only the section words of ``sections.json`` make a heading; in bold and list
    forms the bold text must be the keyword alone, so that numbered items
    such as ``1. **理论迁移**：…`` inside a section are not headings.
    """
    if not line.strip() or _HF_PAPER_RE.match(line):
        return None
    m = MD_HEADING_RE.match(line)
    if m:
        return _md_heading(m.group(1), cues)
    m = _LIST_BOLD_RE.match(line) or _BOLD_LINE_RE.match(line)
    if m:
        number = m.groupdict().get("number") or ""
        return _bold_heading(m.group("bold"), m.group("after"), number, cues)
    return None


def _md_heading(inner: str, cues: _Cues) -> tuple[str, str, str | None] | None:
    """Match ``### 1. 应用领域 (gloss)[：text]``; extra words are allowed."""
    text = MD_EMPHASIS_RE.sub("", inner).strip()
    body = _NUMBER_PREFIX_RE.sub("", text, count=1)
    m = cues.keyword_start.match(body)
    if not m:
        return None
    key = cues.key_of_word[label_key(m.group("word"))]
    tail = _HEADING_TAIL_RE.match(m.group("tail"))
    if tail and tail.group("rest"):
        number = text[: len(text) - len(body)]
        heading = number + m.group("word") + tail.group("gloss")
        return key, _strip_colon(heading), tail.group("rest").strip()
    return key, _strip_colon(text), None


def _bold_heading(bold: str, after: str, number: str, cues: _Cues) -> tuple[str, str, str | None] | None:
    """Match ``**1. 应用领域**[：text]`` or ``1. **应用领域**[：text]``.

    ``bold`` is the bold text, ``after`` what follows the closing ``**`` and
    ``number`` the list number written outside the bold ("" when none).  An
    unnumbered bold keyword (``**应用领域**``) is a heading only when nothing
    but a colon follows it: ``**实验结果**：…`` inside a section is body text.
    """
    bold = bold.strip()
    inner = _NUMBER_PREFIX_RE.sub("", bold, count=1)
    numbered = bool(number) or inner != bold
    m = cues.exact_keyword.match(inner)
    if not m:
        return None
    if m.group("colon"):
        rest = after.strip()
    else:
        tail = _HEADING_TAIL_RE.match(after)
        if not tail:
            return None
        rest = (tail.group("rest") or "").strip()
    if rest and not numbered:
        return None
    heading = _strip_colon(f"{number} {bold}".strip())
    return cues.key_of_word[label_key(m.group("word"))], heading, rest or None


def _strip_colon(text: str) -> str:
    """Remove a trailing colon and spaces from a heading text."""
    return text.strip().rstrip(":：").strip()


#: the layout as the registry lists it
LAYOUT = Layout(HF_DAILY, "a Hugging Face daily papers report", "## 📄 Title", detect, read)
