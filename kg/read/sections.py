"""Paper blocks and sections while a layout reads them, and the checks
every layout shares: missing and empty sections, the whole-body fallback,
unidentifiable and duplicate papers, overlong sections."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from kg.model import Paper, Problem, Report, Section

#: Longer section bodies are cut at a line end (with a warning).
MAX_SECTION_CHARS = 20_000
#: Section key of a paper's whole body, read when no section of its layout
#: is recognised, and of summary text that carries no label: the key the
#: extractor reads as a general description of the paper.
BODY_KEY = "abstract"
#: Heading given to such a section.
BODY_HEADING = "body"


@dataclass
class Draft:
    """A paper being assembled: mutable fields before freezing into Paper."""

    title: str
    heading_line: int
    start_line: int
    end_line: int
    url: str | None = None
    arxiv_id: str | None = None
    sections: list[Section] = dataclasses.field(default_factory=list)
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    published: str | None = None
    read_from: str | None = None

    def freeze(self, source: str) -> Paper:
        """Return the immutable :class:`Paper`."""
        return Paper(
            title=self.title,
            url=self.url,
            arxiv_id=self.arxiv_id,
            source=source,
            start_line=self.start_line,
            end_line=self.end_line,
            sections=tuple(self.sections),
            authors=self.authors,
            categories=self.categories,
            published=self.published,
            read_from=self.read_from,
        )


def make_section(
    key: str,
    heading: str,
    lines: list[str],
    head_idx: int,
    rest: str | None,
    body_first: int,
    body_last: int,
) -> Section:
    """Build a Section from a heading line and the body lines after it.

    ``rest`` is same-line text after the heading's colon (one-line layout);
    the body is ``lines[body_first:body_last + 1]``.  Leading and trailing
    blank lines are dropped; an empty section spans its heading line.
    """
    items: list[tuple[int, str]] = []
    if rest and rest.strip():
        items.append((head_idx + 1, rest.strip()))
    items.extend((i + 1, lines[i]) for i in range(body_first, body_last + 1))
    while items and not items[0][1].strip():
        items.pop(0)
    while items and not items[-1][1].strip():
        items.pop()
    if not items:
        return Section(key, heading, "", head_idx + 1, head_idx + 1)
    text = "\n".join(t for _, t in items)
    return Section(key, heading, text, items[0][0], items[-1][0])


@dataclass(frozen=True)
class Open:
    """A section whose heading has been seen and whose body is still open."""

    key: str
    heading: str
    index: int  # 0-based index of the heading line
    rest: str | None  # same-line text after the heading's colon

    def close(self, lines: list[str], body_last: int) -> Section:
        """Build the Section whose body ends at ``lines[body_last]``."""
        return make_section(self.key, self.heading, lines, self.index, self.rest, self.index + 1, body_last)


def paper_label(paper: Draft) -> str:
    """How a paper is named in warnings: ``paper 'Title'``."""
    return f"paper '{paper.title}'" if paper.title else "untitled paper"


def body_section(
    lines: list[str], first: int, last: int, skip: Callable[[str], bool] = lambda line: False
) -> Section | None:
    """The whole body ``lines[first:last + 1]`` as one :data:`BODY_KEY`
    section, leading blank lines and lines for which ``skip`` is true (a
    layout's link or author lines) left out; None when nothing is left."""
    while first <= last and (not lines[first].strip() or skip(lines[first])):
        first += 1
    if first > last:
        return None
    return make_section(BODY_KEY, BODY_HEADING, lines, first - 1, None, first, last)


def read_whole_body(draft: Draft, body: Section | None, source: str) -> list[Problem]:
    """Give a paper without recognised sections its whole ``body``; return
    the warning that says so."""
    label = paper_label(draft)
    if body is None:
        return [Problem(source, draft.heading_line, f"{label} has no recognisable sections and no text")]
    draft.sections = [body]
    return [
        Problem(
            source,
            draft.heading_line,
            f"{label} has no recognisable sections; its whole body (lines "
            f"{body.start_line}-{body.end_line}) is read as one section",
        )
    ]


def section_warnings(paper: Draft, names: dict[str, str], source: str) -> list[Problem]:
    """Warnings for a paper's missing and empty sections (``names``: the
    layout's section keys and headings, in report order)."""
    label = paper_label(paper)
    problems: list[Problem] = []
    found = {s.key for s in paper.sections}
    missing = [name for key, name in names.items() if key not in found]
    if missing:
        problems.append(Problem(source, paper.heading_line, f"{label}: missing sections: {', '.join(missing)}"))
    for s in paper.sections:
        if not s.text:
            message = f"{label}: section {names.get(s.key, s.heading)} is empty"
            problems.append(Problem(source, s.start_line, message))
    return problems


def cut_section(section: Section, draft: Draft, source: str, problems: list[Problem]) -> Section:
    """Return ``section``, cut at a line end to :data:`MAX_SECTION_CHARS`."""
    if len(section.text) <= MAX_SECTION_CHARS:
        return section
    cut = section.text.rfind("\n", 0, MAX_SECTION_CHARS + 1)
    text = section.text[: cut if cut > 0 else MAX_SECTION_CHARS].rstrip()
    end = section.start_line + text.count("\n")
    problems.append(
        Problem(
            source,
            section.start_line,
            f"{paper_label(draft)}: section {section.heading} is {len(section.text)} characters "
            f"long; only lines {section.start_line}-{end} ({len(text)} characters) are read",
        )
    )
    return dataclasses.replace(section, text=text, end_line=end)


@dataclass(frozen=True)
class Header:
    """What a layout read from a report's header."""

    format: str
    date: str | None = None
    source_url: str | None = None


def finish(
    header: Header,
    source: str,
    drafts: list[Draft],
    problems: list[Problem],
    require_arxiv_id: bool = True,
) -> Report | None:
    """Drop unidentifiable and duplicate papers, cut overlong sections and
    build the Report; None when ``drafts`` is empty (no paper block found).

    A paper needs a title and an arXiv id (papers without one are warned
    about by the layout), or with ``require_arxiv_id=False`` a link.
    """
    if not drafts:
        return None
    papers: list[Paper] = []
    first_line: dict[str, int] = {}
    for draft in drafts:
        ident = draft.arxiv_id or (None if require_arxiv_id else draft.url)
        if not ident:
            continue  # warned about by the layout's link check
        if not draft.title:
            problems.append(Problem(source, draft.heading_line, f"paper {ident} has no title; ignored"))
            continue
        if ident in first_line:
            problems.append(
                Problem(
                    source,
                    draft.heading_line,
                    f"duplicate paper {ident} ({paper_label(draft)}), first at line {first_line[ident]}; ignored",
                )
            )
            continue
        first_line[ident] = draft.heading_line
        draft.sections = [cut_section(s, draft, source, problems) for s in draft.sections]
        papers.append(draft.freeze(source))
    problems.sort(key=lambda p: p.line or 0)
    return Report(
        path=source,
        format=header.format,
        date=header.date,
        source_url=header.source_url,
        papers=tuple(papers),
        problems=tuple(problems),
    )
