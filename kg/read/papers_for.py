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
practitioners its ``usage``); text before the first label, or a paragraph
without labels, is one ``abstract`` section.
"""
from __future__ import annotations

import re

from kg.model import Problem, Report, Section
from kg.read.labels import LABEL_ALT, clean_label, section_key
from kg.read.layout import Layout
from kg.read.markdown import arxiv_id, clean_title, count_score, last_content_line, normalise_date, title_score
from kg.read.sections import BODY_KEY, Draft, Header, finish, paper_label, read_whole_body

PAPERS_FOR = "papers-for"

#: The sections a fully labelled summary has, in report order, with the
#: Chinese label they most often carry.
PAPERS_FOR_SECTIONS: dict[str, str] = {
    "field": "核心关键词",
    "contribution": "一句话核心摘要",
    "abstract": "主要研究问题或目标",
    "innovations": "关键方法论",
    "results": "主要成果",
    "usage": "对AI从业者的主要启示",
}

_HEADER_SCAN = 30
# The report title: "# Papers for 2025-09-23".
_TITLE_RE = re.compile(r"^\s*#\s*Papers?\s+for\b\s*[-–—:：]?\s*(?P<date>.*?)\s*$", re.I)
# A paper heading: "## [Title](url)" or "## 12.[Title](url)".
_PAPER_RE = re.compile(
    r"^\s{0,3}#{2,3}\s*(?:\d{1,4}\s*[.、)]\s*)?\[(?P<title>.*)\]\((?P<url>[^()\s]+)\)\s*$")
# The summary line: "summary:" then the paragraph.
_SUMMARY_RE = re.compile(r"^\s*summary\s*[:：]\s*", re.I)
# Before an inline label: the paragraph start, a space or a sentence end.
_BEFORE = r"(?:^|(?<=\s)|(?<=[。；;.!?！？]))"
# An inline label: optional numbering or list marker after a space ("1.",
# "ii)", "-"), then "**Label**" with an
# optional colon inside or after, or "Label:" / "Label：", or a Chinese label
# alone followed by a space.
_LABEL_RE = re.compile(
    _BEFORE + r"(?P<all>(?:(?<!\S)(?:\d{1,2}[.)]|[ivx]{1,4}\)|[-*+•])\s*)?"
    rf"(?:\*\*\s*(?P<bold>{LABEL_ALT})\s*[:：]?\s*\*\*\s*[:：]?"
    rf"|(?P<plain>{LABEL_ALT})\s*[:：]"
    r"|(?P<cjk>[\u4e00-\u9fff]{2,12})(?=\s)))",
    re.I | re.M)


def detect(lines: list[str]) -> float:
    """How sure it is that ``lines`` are a ``# Papers for DATE`` digest: its
    title line near the top (about 1.0), else paper headings followed by a
    ``summary:`` line (about 0.65)."""
    score = title_score(lines, _TITLE_RE, _HEADER_SCAN)
    if score:
        return score
    count = 0
    for i, line in enumerate(lines):
        if _PAPER_RE.match(line):
            after = next((x for x in lines[i + 1:i + 4] if x.strip()), "")
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
    draft = Draft(title=clean_title(m.group("title")), heading_line=head + 1, start_line=head + 1,
                  end_line=last + 1, url=url, arxiv_id=arxiv_id(url))
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
    ``summary:`` prefix left out): one per label, the text before the first
    label (or the whole paragraph) as an ``abstract`` section."""
    para = "\n".join(lines[first:last + 1])
    prefix = _SUMMARY_RE.match(para)
    begin = prefix.end() if prefix else 0
    cuts: list[tuple[int, int, str, str]] = []  # (label start, text start, key, heading)
    seen: set[str] = set()
    # the prefix is blanked (not skipped) so that a label right after it
    # counts as one at the start of the paragraph
    for m in _LABEL_RE.finditer(" " * begin + para[begin:]):
        label = m.group("bold") or m.group("plain") or m.group("cjk")
        key = section_key(label)
        if key is None or key in seen:
            continue
        seen.add(key)
        cuts.append((m.start("all"), m.end(), key, clean_label(label)))
    parts = [(begin, cuts[0][0] if cuts else len(para), BODY_KEY, "summary")]
    for n, (_, start, key, heading) in enumerate(cuts):
        parts.append((start, cuts[n + 1][0] if n + 1 < len(cuts) else len(para), key, heading))
    parts = [piece for part in parts for piece in _split_keywords(para, part)]
    out = [_slice(para, a, b, key, heading, first) for a, b, key, heading in parts]
    return [s for s in out if s is not None]


# Where a keyword list ends: a run of two spaces or a line end, else the
# space after the last list separator before a sentence's full stop.
_GAP_RE = re.compile(r"\S(\s{2,}|\n)")
_LAST_ITEM_RE = re.compile(r"[,，、;；]\s*[^,，、;；。\s]*(?:\s*\([^()]*\))?\**\s")


def _split_keywords(para: str, part: tuple[int, int, str, str]) -> list[tuple[int, int, str, str]]:
    """A keywords part (key ``field``) followed by unlabelled sentences is
    cut after the keyword list; the sentences become an ``abstract`` part."""
    a, b, key, heading = part
    if key != "field":
        return [part]
    text = para[a:b]
    if m := _GAP_RE.search(text):
        cut = m.start(1)
    elif "。" in text:
        items = list(_LAST_ITEM_RE.finditer(text, 0, text.index("。")))
        if not items:
            return [part]
        cut = items[-1].end()
    else:
        return [part]
    if not text[cut:].strip():
        return [part]
    return [(a, a + cut, key, heading), (a + cut, b, BODY_KEY, "summary")]


def _slice(para: str, a: int, b: int, key: str, heading: str, first: int) -> Section | None:
    """Section of ``para[a:b]`` (spaces stripped) whose paragraph starts on
    0-based line ``first``; None when the slice is blank."""
    text = para[a:b]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    if not text:
        return None
    start = first + 1 + para.count("\n", 0, a + lead)
    return Section(key, heading, text, start, start + text.count("\n"))


#: the layout as the registry lists it
LAYOUT = Layout(PAPERS_FOR, "a '# Papers for DATE' digest", "## 0.[Title](https://arxiv.org/pdf/2509.16198)",
                detect, read)
