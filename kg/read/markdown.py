"""Line and Markdown helpers shared by every layout.

Line numbers are 1-based and count ``\\n``-separated lines of the text after
CRLF/CR normalisation (``str.splitlines`` is deliberately not used: it also
splits on form feeds and Unicode separators, which editors do not).
"""

from __future__ import annotations

import datetime as _dt
import re

from kg.model import Problem

#: Longer lines are cut to this many characters (with a warning).  Real
#: report lines are a few thousand characters at most.
MAX_LINE_CHARS = 10_000

# A bare modern arXiv id (YYMM.NNNNN) with an optional version, not embedded in
# a longer number: "2512.19995", "2601.07823v1".
ARXIV_ID_RE = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?!\d)")
# The first http(s) URL on a line, stopping at Markdown/angle-bracket closers.
URL_RE = re.compile(r"https?://[^\s<>()\[\]]+")
# A Markdown inline link "[text](target)"; used to unwrap titles.
MD_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
# Bold / code / strike markers removed from titles and heading texts.
MD_EMPHASIS_RE = re.compile(r"\*\*|__|`|~~")
# Runs of whitespace, collapsed to one space in titles.
SPACES_RE = re.compile(r"\s+")
# A date as "2025-12-28", "2025/12/28", "2025.12.28" or "20251228".
DATE_RE = re.compile(r"(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})")
# A Markdown ATX heading "### text ###" (at most 3 spaces of indentation).
MD_HEADING_RE = re.compile(r"^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
# A thematic break "---" (also "***", "___").
RULE_RE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
# A separator line of five or more "=" (Hugging Face reports).
SEPARATOR_RE = re.compile(r"^\s*={5,}\s*$")
# Separators inside comma lists of authors and categories.
_LIST_SPLIT_RE = re.compile(r"\s*[,;，；]\s*")

#: How many lines from the top are searched for a report's title, date or
#: time line.
HEADER_SCAN = 30


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR line ends into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_lines(text: str) -> list[str]:
    """Split on LF only, so that list index + 1 is the editor's line number."""
    return text.split("\n")


def cut_long_lines(lines: list[str], source: str, problems: list[Problem]) -> list[str]:
    """Cut lines longer than :data:`MAX_LINE_CHARS` in place, one warning each."""
    for i, line in enumerate(lines):
        if len(line) > MAX_LINE_CHARS:
            lines[i] = line[:MAX_LINE_CHARS]
            problems.append(
                Problem(source, i + 1, f"line is {len(line)} characters long; only its first {MAX_LINE_CHARS} are read")
            )
    return lines


def arxiv_id(text: str | None) -> str | None:
    """Return the version-less arXiv id found in a URL or anchor, or None.

    Digits of any script (fullwidth ``２６０１``, Arabic-Indic ``٢٦٠١``) are
    read as the ASCII digits they stand for, so an id is always ASCII."""
    if not text:
        return None
    m = ARXIV_ID_RE.search(text)
    return "".join(c if c == "." else str(int(c)) for c in m.group(1)) if m else None


def first_url(text: str) -> str | None:
    """Return the URL of a link value (``<u>``, ``[t](u)`` or bare), or None."""
    m = MD_LINK_RE.search(text)
    if m and m.group(2):
        return m.group(2)
    m = URL_RE.search(text)
    if m:
        return m.group(0).rstrip(".,;，。；")
    value = text.strip().strip("<>").strip()
    return value or None


def clean_title(text: str) -> str:
    """Strip Markdown (links, bold, code) and extra spaces from a title."""
    text = MD_LINK_RE.sub(lambda m: m.group(1), text)
    text = MD_EMPHASIS_RE.sub("", text)
    return SPACES_RE.sub(" ", text).strip()


def split_list(value: str) -> tuple[str, ...]:
    """The items of a comma list of authors or categories (``,``, ``;`` and
    their full-width forms), each cleaned as a title; empty items dropped."""
    return tuple(x for x in (clean_title(v) for v in _LIST_SPLIT_RE.split(value)) if x)


def normalise_date(value: str | None) -> str | None:
    """Return ``YYYY-MM-DD`` for a date written in a common form, else None."""
    if not value:
        return None
    m = DATE_RE.search(value)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def last_content_line(lines: list[str], first: int, last: int) -> int:
    """Index of the last line in ``[first, last]`` that is neither blank nor a
    ``---``/``=====`` separator; ``first`` when there is none."""
    for i in range(last, first - 1, -1):
        line = lines[i]
        if line.strip() and not RULE_RE.match(line) and not SEPARATOR_RE.match(line):
            return i
    return first


def title_score(lines: list[str], pattern: re.Pattern, scan: int = HEADER_SCAN) -> float:
    """Detector score of a layout's title line: ``1.0`` on line 1, a little
    less for each line further down (so the earliest title line wins when
    two layouts' titles appear), ``0.0`` when none of the first ``scan``
    lines matches ``pattern``."""
    for i, line in enumerate(lines[:scan]):
        if pattern.match(line):
            return 1.0 - i / 1000
    return 0.0


def count_score(count: int, base: float) -> float:
    """Detector score from a count of paper headings: ``0`` for none, else
    ``base`` plus a little per heading (capped at 100 headings)."""
    return base + 0.001 * min(count, 100) if count else 0.0
