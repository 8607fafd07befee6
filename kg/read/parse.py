"""Pick the layout of a report and read it; read a report file.

:func:`parse_report` asks every layout's detector how sure it is and lets
the surest read the text; a layout that finds no paper (no paper block, or
only blocks that cannot be identified) hands over to the next surest.  When
no layout finds a paper, the first report of unidentifiable blocks is
returned (its warnings say why each was ignored); only a text in which no
layout finds a paper block at all is an error.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from kg.errors import NotAReport, SourceError
from kg.model import Problem, Report
from kg.read.files import DEFAULT_MAX_SIZE, _decode, _read_bytes
from kg.read.layout import Layout
from kg.read.markdown import cut_long_lines, normalise_newlines, split_lines
from kg.read.registry import LAYOUTS


def no_paper_message(layouts: tuple[Layout, ...] = LAYOUTS) -> str:
    """The message of a text in which no paper is found: the layouts tried
    and what a paper heading of each looks like."""
    tried = ", ".join(f"{lay.name} ({lay.description}, e.g. '{lay.paper_heading}')" for lay in layouts)
    return f"no paper found: none of the layouts tried finds a paper heading — {tried}"


def ranked_layouts(lines: list[str]) -> list[tuple[float, Layout]]:
    """``(score, layout)`` of every layout whose detector gives a score
    above 0 for ``lines``, surest first (registry order on ties)."""
    scored = [(lay.detect(lines), n, lay) for n, lay in enumerate(LAYOUTS)]
    return [(score, lay) for score, _, lay in sorted(scored, key=lambda t: (-t[0], t[1])) if score > 0]


def detect_layout(text: str) -> str | None:
    """The name of the surest layout of ``text`` (``"hf-daily"``,
    ``"arxiv-cv"``, ``"papers-for"``, ``"markdown"``), or None when no
    detector recognises anything (see :mod:`kg.read.registry`)."""
    ranked = ranked_layouts(cut_long_lines(split_lines(normalise_newlines(text)), "", []))
    return ranked[0][1].name if ranked else None


def parse_report(text: str, path: str | Path) -> Report:
    """Parse the text of a report.

    Args:
        text: decoded text; a leading BOM is dropped and CRLF/CR line ends
            are normalised to LF.
        path: the report's path, stored as ``str(path)`` in the result.

    Returns:
        A :class:`Report` (``sha256`` left empty) whose papers are in file
        order, with 1-based line spans; warnings (never fatal) are in
        ``Report.problems``.  Its papers are empty only when every paper
        block found lacks an id or a title (each one is warned about).

    Raises:
        SourceError: no layout finds a paper in the text; the message names
            the layouts tried and what their paper headings look like.
    """
    source = str(path)
    text = normalise_newlines(text.removeprefix("\ufeff"))
    problems: list[Problem] = []
    lines = cut_long_lines(split_lines(text), source, problems)
    unidentified: Report | None = None
    ranked = ranked_layouts(lines)
    for _, layout in ranked:
        report = layout.read(lines, source, list(problems))
        if report is not None and report.papers:
            _refuse_a_second_layout(report, layout, ranked, lines, source)
            return report
        unidentified = unidentified or report
    if unidentified is not None:
        return unidentified  # paper blocks, none identifiable: its warnings say why
    raise NotAReport(source, None, no_paper_message())


def _refuse_a_second_layout(
    report: Report, chosen: Layout, ranked: list[tuple[float, Layout]], lines: list[str], source: str
) -> None:
    """Raise SourceError when another specific layout finds papers outside the
    chosen report's (other arXiv ids): two reports concatenated in one file (an arXiv CV
    report appended to a Hugging Face one) would otherwise lose the second's
    papers silently.  The generic Markdown layout is not asked (it finds the
    papers of every layout)."""
    known = {p.arxiv_id for p in report.papers}
    for _, other in ranked:
        if other is chosen or other.name == "markdown":
            continue
        second = other.read(lines, source, [])
        stray = [p for p in (second.papers if second else []) if p.arxiv_id not in known]
        if stray:
            raise SourceError(
                source,
                stray[0].start_line,
                f"a second report in another layout ({other.name}) starts near here, after a {chosen.name} "
                "report: one file holds one report; split the file",
            )


def read_report(path: str | Path, max_size: int = DEFAULT_MAX_SIZE) -> Report:
    """Read, decode and parse one report file.

    Args:
        path: the file to read; stored as ``str(path)`` in the result.
        max_size: largest file accepted, in bytes; at most ``max_size + 1``
            bytes are ever read, so memory stays bounded whatever the file.

    Returns:
        The parsed :class:`Report`, with ``sha256`` the hex digest of the
        file's bytes.

    Raises:
        SourceError: the file does not exist, is a directory or another
            non-regular file, cannot be read, is larger than ``max_size``,
            is empty, is binary (NUL bytes; the message names the line), is
            not UTF-8 (the message names the line of the first bad byte), or
            no paper is found in it (see :func:`parse_report`).
    """
    source = str(path)
    data = _read_bytes(Path(path), source, max_size)
    digest = hashlib.sha256(data).hexdigest()
    text = _decode(data, source)
    report = parse_report(text, source)
    return dataclasses.replace(report, sha256=digest)
