"""Read daily paper-digest reports (Markdown, mostly Chinese) into :class:`Report`.

Two layouts are understood:

* ``"hf-daily"`` -- Hugging Face daily papers reports: a ``# Hugging Face Daily
  Papers Report`` header with ``**Date**`` and ``**Source URL**``, then paper
  blocks separated by ``=====`` lines.  Each block starts ``## 📄 <title>``,
  has ``**链接**`` / ``**阅读来源**`` lines and five numbered sections written in
  several Markdown layouts (``### 1. 应用领域``, ``**1. 应用领域**``,
  ``1. **应用领域**`` with the text below or ``1. **应用领域**：text``).
* ``"arxiv-cv"`` -- arXiv computer-vision daily reports: ``time: YYYYMMDD``,
  ``# Arxiv Computer Vision Papers - DATE``, an executive summary and a table
  of contents (both ignored), then per paper ``<a id='…'></a>``,
  ``## [Title](https://arxiv.org/abs/…)``, ``**Authors:**``, ``**Published:**``,
  ``**Categories:**``, ``**Abstract:**``, ``**Analysis:**``, ``**Key Findings:**``
  and ``**Links:**``.

Recoverable oddities (a paper without a link, missing sections, duplicates, a
header without a date, a truncated file, an overlong line...) never raise:
they are returned as :class:`~kg.model.Problem` warnings in
``Report.problems``.  Only an unreadable file (missing, not a regular file,
larger than the size limit, empty, binary, not UTF-8) or an unknown layout
raises :class:`~kg.errors.SourceError`.

A paper is kept only when it can be identified: it needs an arXiv id (from its
link, heading URL or anchor) and a title; other paper blocks are reported and
ignored, like duplicates.  Lines longer than :data:`MAX_LINE_CHARS` characters
and sections longer than :data:`MAX_SECTION_CHARS` are cut (with a warning),
so that a pathological file cannot stall the extraction that follows.

Line numbers are 1-based and count ``\\n``-separated lines of the text after
CRLF/CR normalisation (``str.splitlines`` is deliberately not used: it also
splits on form feeds and Unicode separators, which editors do not).
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import SourceError
from kg.model import Paper, Problem, Report, Section

__all__ = [
    "ARXIV_CV",
    "ARXIV_SECTIONS",
    "DEFAULT_MAX_SIZE",
    "HF_DAILY",
    "HF_SECTIONS",
    "MAX_LINE_CHARS",
    "MAX_SECTION_CHARS",
    "collect_report_files",
    "detect_format",
    "iter_report_files",
    "parse_report",
    "parse_size",
    "read_report",
]

HF_DAILY = "hf-daily"
ARXIV_CV = "arxiv-cv"

#: Hugging Face section keys, in report order, with their canonical headings.
HF_SECTIONS: dict[str, str] = {
    "field": "应用领域",
    "contribution": "一句话核心贡献",
    "usage": "使用指南",
    "innovations": "主要创新点",
    "results": "实验效果",
}

#: arXiv CV section keys, in report order, with their headings.
ARXIV_SECTIONS: dict[str, str] = {
    "abstract": "Abstract",
    "analysis": "Analysis",
    "key_findings": "Key Findings",
}

#: Words that make a Hugging Face section heading (canonical name first).
_HF_SYNONYMS: dict[str, tuple[str, ...]] = {
    "field": ("应用领域", "研究领域", "所属领域"),
    "contribution": ("一句话核心贡献", "一句话总结", "核心贡献", "主要贡献"),
    "usage": ("使用指南", "使用方法", "使用说明", "如何使用"),
    "innovations": ("主要创新点", "核心创新点", "创新点", "主要创新"),
    "results": ("实验效果", "实验结果", "主要结果", "实验表现"),
}
_HF_KEY_OF_WORD: dict[str, str] = {
    word: key for key, words in _HF_SYNONYMS.items() for word in words
}
# Longest first, so that "一句话核心贡献" wins over "核心贡献".
_HF_WORD_ALT = "|".join(
    re.escape(w) for w in sorted(_HF_KEY_OF_WORD, key=len, reverse=True)
)

UNKNOWN_LAYOUT = (
    "unknown report layout: expected a Hugging Face daily papers report "
    "or an arXiv CV daily report"
)

# How many lines from the top are searched for a report title / header line.
_HEADER_SCAN = 30

#: Files larger than this many bytes are refused (``kg build --max-size``).
DEFAULT_MAX_SIZE = 16 * 1024 * 1024
#: Longer lines are cut to this many characters (with a warning).  Real
#: report lines are a few thousand characters at most.
MAX_LINE_CHARS = 10_000
#: Longer section bodies are cut at a line end (with a warning).
MAX_SECTION_CHARS = 20_000
#: Suffixes of the files a folder is searched for.
REPORT_SUFFIXES = (".txt", ".md")

# ---------------------------------------------------------------------------
# Regular expressions shared by both layouts
# ---------------------------------------------------------------------------

# A bare modern arXiv id (YYMM.NNNNN) with an optional version, not embedded in
# a longer number: "2512.19995", "2601.07823v1".
_ARXIV_ID_RE = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?!\d)")
# The first http(s) URL on a line, stopping at Markdown/angle-bracket closers.
_URL_RE = re.compile(r"https?://[^\s<>()\[\]]+")
# A Markdown inline link "[text](target)"; used to unwrap titles.
_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
# Bold / code / strike markers removed from titles and heading texts.
_MD_EMPHASIS_RE = re.compile(r"\*\*|__|`|~~")
# Runs of whitespace, collapsed to one space in titles.
_SPACES_RE = re.compile(r"\s+")
# A date as "2025-12-28", "2025/12/28", "2025.12.28" or "20251228".
_DATE_RE = re.compile(r"(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})")

# ---------------------------------------------------------------------------
# Hugging Face daily papers layout
# ---------------------------------------------------------------------------

# The report title line: "# Hugging Face Daily Papers Report".
_HF_TITLE_RE = re.compile(r"^\s*#\s*Hugging\s*Face\s+Daily\s+Papers?\s+Report\b", re.I)
# The header date: "**Date**: 2025-12-28" (colon inside or outside the bold).
_HF_DATE_RE = re.compile(r"^\s*[-*]?\s*\*\*Date\s*[:：]?\*\*\s*[:：]?\s*(.*?)\s*$", re.I)
# The header source: "**Source URL**: https://huggingface.co/papers/date/…".
_HF_SOURCE_RE = re.compile(
    r"^\s*[-*]?\s*\*\*Source\s*URL\s*[:：]?\*\*\s*[:：]?\s*(.*?)\s*$", re.I
)
# A paper heading: "## 📄 Title" (the emoji may carry a variation selector;
# a closing "##" needs a space before it, so "C#" in a title is kept).
_HF_PAPER_RE = re.compile(r"^\s{0,3}#{2,3}\s*\U0001F4C4\uFE0F?\s*(.*?)(?:\s+#+)?\s*$")
# The paper separator: a line of five or more "=".
_HF_SEPARATOR_RE = re.compile(r"^\s*={5,}\s*$")
# The link line: "- **链接**: https://huggingface.co/papers/2512.19995".
_HF_LINK_RE = re.compile(
    r"^\s*[-*+]?\s*\*\*(?:链接|论文链接|Link|URL)\s*[:：]?\*\*\s*[:：]?\s*(.*?)\s*$",
    re.I,
)
# The reading source line: "- **阅读来源**: HTML".
_HF_READ_FROM_RE = re.compile(
    r"^\s*[-*+]?\s*\*\*阅读来源\s*[:：]?\*\*\s*[:：]?\s*(.*?)\s*$"
)
# A Markdown ATX heading "### text ###" (at most 3 spaces of indentation).
_MD_HEADING_RE = re.compile(r"^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
# A numbered list item whose text starts in bold: "1. **应用领域**：text".
_LIST_BOLD_RE = re.compile(
    r"^ {0,3}(?P<number>(?:\d{1,2}|[一二三四五六七八九十])[.、)）])\s*\*\*(?P<bold>.+?)\*\*(?P<after>.*)$"
)
# A line that starts in bold: "**1. 应用领域**" or "**1. 应用领域**：text".
_BOLD_LINE_RE = re.compile(r"^ {0,3}\*\*(?P<bold>.+?)\*\*(?P<after>.*)$")
# A section number before the keyword: "1. ", "2、", "3)", "一、".
_NUMBER_PREFIX_RE = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十])\s*[.、)）]\s*")
# A heading text that is exactly a keyword, optionally followed by a
# parenthesised gloss and/or a colon: "应用领域", "实验效果 (Results)：".
_EXACT_KEYWORD_RE = re.compile(
    rf"^(?P<word>{_HF_WORD_ALT})\s*(?:[(（][^()（）]*[)）])?\s*(?P<colon>[:：])?\s*$"
)
# A Markdown heading text that starts with a keyword followed by extra words
# that do not continue the word itself: "实验效果 (Experimental Results)".
_KEYWORD_START_RE = re.compile(
    rf"^(?P<word>{_HF_WORD_ALT})(?=$|[\s(（:：\-—–/|·,，、])(?P<tail>.*)$"
)
# What may follow a keyword on a heading line: an optional gloss, then an
# optional colon introducing same-line text.
_HEADING_TAIL_RE = re.compile(
    r"^(?P<gloss>\s*(?:[(（][^()（）]*[)）])?)\s*(?:[:：]\s*(?P<rest>.*))?$"
)

# ---------------------------------------------------------------------------
# arXiv computer-vision layout
# ---------------------------------------------------------------------------

# The report title line: "# Arxiv Computer Vision Papers - 2026-01-13".
_AX_TITLE_RE = re.compile(
    r"^\s*#\s*arxiv\s+computer\s+vision\s+papers\b\s*[-–—:：]?\s*(.*?)\s*$", re.I
)
# The timestamp line: "time: 20260113".
_AX_TIME_RE = re.compile(r"^\s*time\s*[:：]\s*(\d{8})\b", re.I)
# The paper anchor: "<a id='2601.07823v1'></a>".
_AX_ANCHOR_RE = re.compile(
    r"""^\s*<a\s+(?:id|name)\s*=\s*['"]?([^'">\s]*)['"]?\s*>\s*(?:</a>)?\s*$""", re.I
)
# The paper heading: "## [Title](https://arxiv.org/abs/2601.07823v1)".
_AX_HEADING_RE = re.compile(r"^\s{0,3}##\s+\[(?P<title>.*)\]\((?P<url>[^()\s]+)\)\s*$")
# A labelled field or section marker: "**Authors:** a, b" / "**Abstract**:".
_AX_LABEL_RE = re.compile(
    r"^\s*\*\*(?P<label>Authors|Published|Categories|Abstract|Analysis|Key\s+Findings|Links)"
    r"\s*[:：]?\s*\*\*\s*[:：]?\s*(?P<rest>.*?)\s*$",
    re.I,
)
# A thematic break "---" (also "***", "___"), used between arXiv papers.
_RULE_RE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
# Separators inside comma lists of authors and categories.
_LIST_SPLIT_RE = re.compile(r"\s*[,;，；]\s*")

_AX_LABEL_KEYS = {
    "abstract": "abstract",
    "analysis": "analysis",
    "key findings": "key_findings",
}


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def detect_format(text: str) -> str | None:
    """Guess the layout of a report from its content.

    Args:
        text: the decoded report text.

    Returns:
        ``"hf-daily"`` or ``"arxiv-cv"``; ``None`` when neither layout is
        recognised.  A title line near the top decides; without one the shape
        of the paper headings (``## 📄 …`` vs ``<a id>`` + ``## [T](arxiv url)``)
        decides, then a ``**Date**:`` header line.
    """
    return _detect(_cut_long_lines(_split_lines(text), "", []))


def _detect(lines: list[str]) -> str | None:
    """:func:`detect_format` on the split lines."""
    for line in lines[:_HEADER_SCAN]:
        if _HF_TITLE_RE.match(line):
            return HF_DAILY
        if _AX_TITLE_RE.match(line) or _AX_TIME_RE.match(line):
            return ARXIV_CV
    hf_papers = sum(1 for line in lines if _HF_PAPER_RE.match(line))
    ax_papers = _count_arxiv_headings(lines)
    if hf_papers or ax_papers:
        return HF_DAILY if hf_papers >= ax_papers else ARXIV_CV
    if any(_HF_DATE_RE.match(line) for line in lines[:_HEADER_SCAN]):
        return HF_DAILY
    return None


def parse_report(text: str, path: str | Path) -> Report:
    """Parse the text of a report.

    Args:
        text: decoded text; a leading BOM is dropped and CRLF/CR line ends
            are normalised to LF.
        path: the report's path, stored as ``str(path)`` in the result.

    Returns:
        A :class:`Report` (``sha256`` left empty) whose papers are in file
        order; warnings are in ``Report.problems``.

    Raises:
        SourceError: the layout is neither Hugging Face nor arXiv CV.
    """
    source = str(path)
    text = _normalise_newlines(text.removeprefix("\ufeff"))
    problems: list[Problem] = []
    lines = _cut_long_lines(_split_lines(text), source, problems)
    fmt = _detect(lines)
    if fmt is None:
        raise SourceError(source, None, UNKNOWN_LAYOUT)
    if fmt == HF_DAILY:
        return _parse_hf(lines, source, problems)
    return _parse_arxiv(lines, source, problems)


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
            has an unknown layout.
    """
    source = str(path)
    data = _read_bytes(Path(path), source, max_size)
    digest = hashlib.sha256(data).hexdigest()
    text = _decode(data, source)
    report = parse_report(text, source)
    return dataclasses.replace(report, sha256=digest)


def iter_report_files(paths: Iterable[str | Path] | str | Path) -> list[Path]:
    """Expand files and folders into the list of report files to read.

    Args:
        paths: files and/or folders (a single path is accepted too).  Files
            are kept whatever their suffix; folders are searched recursively
            for ``*.txt`` and ``*.md`` files (hidden entries skipped), sorted.

    Returns:
        Paths in argument order, each folder's files sorted, duplicates
        removed (first occurrence kept).

    Raises:
        SourceError: a path does not exist, or a folder holds no report file
            (the first such path; see :func:`collect_report_files` to get
            every problem and the files of the other paths).
    """
    found, errors = collect_report_files(paths)
    if errors:
        raise errors[0]
    return found


def collect_report_files(
    paths: Iterable[str | Path] | str | Path,
) -> tuple[list[Path], list[SourceError]]:
    """Like :func:`iter_report_files`, but never raises for a bad path.

    Returns:
        ``(files, errors)``: the report files of every usable path (argument
        order, each folder sorted, duplicates removed) and one
        :class:`SourceError` per path that does not exist, cannot be listed
        or is a folder without ``*.txt``/``*.md`` files, and per file whose
        name is not valid UTF-8 (shown with U+FFFD for the bad bytes).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: list[Path] = []
    errors: list[SourceError] = []
    seen: set[Path] = set()
    for item in paths:
        try:
            files = _expand(Path(item), errors)
        except SourceError as err:
            errors.append(err)
            continue
        except OSError as err:
            errors.append(SourceError(str(item), None, f"cannot list: {err.strerror or err}"))
            continue
        for file in files:
            key = file.resolve()
            if key in seen:
                continue
            seen.add(key)
            try:
                file.name.encode("utf-8")
            except UnicodeEncodeError:  # bytes that are not UTF-8, kept by the OS as surrogates
                shown = str(file).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                errors.append(SourceError(shown, None, "file name is not valid UTF-8 (a report's graph is "
                                                       "named after its file name): rename the file"))
                continue
            found.append(file)
    return found, errors


# ---------------------------------------------------------------------------
# Files and decoding
# ---------------------------------------------------------------------------


def _expand(path: Path, errors: list[SourceError] | None = None) -> list[Path]:
    """Return ``[path]`` for a file, the sorted reports under a folder.

    Folders are walked recursively, following symbolic links to folders
    (each folder is entered once, so a link loop ends); hidden entries are
    skipped.  A subfolder that cannot be listed and a broken link named like
    a report are added to ``errors`` (their reports are unknown, so a prune
    must not run).  Raises SourceError for a missing path and for a folder
    without reports.
    """
    if path.is_dir():
        found: list[Path] = []
        problems = errors if errors is not None else []
        before = len(problems)
        _walk(path, found, problems, set())
        if not found and len(problems) == before:
            raise SourceError(str(path), None, "no report files (*.txt, *.md) in this folder")
        return sorted(found)
    if path.exists():
        return [path]
    raise SourceError(str(path), None, "no such file or directory")


def _walk(folder: Path, found: list[Path], errors: list[SourceError], seen: set[tuple[int, int]]) -> None:
    """Add the report files under ``folder`` to ``found`` (see :func:`_expand`)."""
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:  # reached twice (a link loop, two links)
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as it:
            entries = [e for e in it if not e.name.startswith(".")]
    except OSError as err:
        errors.append(SourceError(str(folder), None, f"cannot list folder: {err.strerror or err}; its "
                                  "reports are skipped and --prune removes nothing"))
        return
    for entry in entries:
        child = Path(entry.path)
        if entry.is_dir():  # follows links
            _walk(child, found, errors, seen)
        elif child.suffix.lower() in REPORT_SUFFIXES:
            if entry.is_file():
                found.append(child)
            elif entry.is_symlink() and not child.exists():
                errors.append(SourceError(str(child), None, "broken symbolic link (its target is missing); "
                                          "skipped, and --prune removes nothing"))


def _read_bytes(path: Path, source: str, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """Return the file's bytes or raise a located :class:`SourceError`.

    Never reads more than ``max_size + 1`` bytes, so a huge file (or a device
    that never ends) costs bounded memory.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise SourceError(source, None, "file not found") from None
    except OSError as err:
        raise SourceError(source, None, f"cannot read file: {err.strerror or err}") from err
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(source, None, "is a directory, not a report file")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(source, None, "not a regular file (a device, pipe or socket)")
    if info.st_size > max_size:
        raise SourceError(source, None, _too_large(info.st_size, max_size))
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_size + 1)
    except OSError as err:
        raise SourceError(source, None, f"cannot read file: {err.strerror or err}") from err
    if len(data) > max_size:  # the file grew after stat()
        raise SourceError(source, None, _too_large(len(data), max_size))
    return data


def parse_size(text: str) -> int:
    """Bytes in a size written ``16MB``, ``500k``, ``1.5G`` or ``2048``
    (powers of 1024; a bare number is bytes).  Raises ValueError."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", text, re.I)
    if not m:
        raise ValueError(f"not a size: '{text}' (examples: 16MB, 500KB, 2048)")
    factor = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[m.group(2).lower()]
    return int(float(m.group(1)) * factor)


def _too_large(size: int, limit: int) -> str:
    """Message for a file over the size limit."""
    return (f"file too large ({_human_size(size)}, limit {_human_size(limit)}); "
            "raise the limit with --max-size if this really is one report")


def _human_size(n: int) -> str:
    """``1.5 MB`` style size (powers of 1024)."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            if unit == "bytes":
                return f"{n} bytes"
            return f"{n:.1f}".removesuffix(".0") + f" {unit}"
        n /= 1024
    return f"{n:.1f} TB"  # pragma: no cover


def _decode(data: bytes, source: str) -> str:
    """Decode UTF-8 bytes (BOM allowed) to LF-normalised text, or raise."""
    if not data:
        raise SourceError(source, None, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(source, 1, "not UTF-8 text (UTF-16 byte order mark)")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise SourceError(source, line, f"binary file, not a text report (NUL byte at line {line})")
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = body[err.start]
        line = body.count(b"\n", 0, err.start) + 1
        raise SourceError(
            source, line, f"not UTF-8 text (invalid byte 0x{bad:02x} at line {line})"
        ) from err
    text = _normalise_newlines(text)
    if not text.strip():
        raise SourceError(source, None, "empty file")
    return text


def _normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR line ends into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_lines(text: str) -> list[str]:
    """Split on LF only, so that list index + 1 is the editor's line number."""
    return text.split("\n")


def _cut_long_lines(lines: list[str], source: str, problems: list[Problem]) -> list[str]:
    """Cut lines longer than :data:`MAX_LINE_CHARS` in place, one warning each."""
    for i, line in enumerate(lines):
        if len(line) > MAX_LINE_CHARS:
            lines[i] = line[:MAX_LINE_CHARS]
            problems.append(Problem(
                source, i + 1,
                f"line is {len(line)} characters long; only its first {MAX_LINE_CHARS} are read"))
    return lines


# ---------------------------------------------------------------------------
# Small shared helpers
# ---------------------------------------------------------------------------


@dataclass
class _Draft:
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


def _arxiv_id(text: str | None) -> str | None:
    """Return the version-less arXiv id found in a URL or anchor, or None.

    Digits of any script (fullwidth ``２６０１``, Arabic-Indic ``٢٦٠١``) are
    read as the ASCII digits they stand for, so an id is always ASCII."""
    if not text:
        return None
    m = _ARXIV_ID_RE.search(text)
    return "".join(c if c == "." else str(int(c)) for c in m.group(1)) if m else None


def _first_url(text: str) -> str | None:
    """Return the URL of a link value (``<u>``, ``[t](u)`` or bare), or None."""
    m = _MD_LINK_RE.search(text)
    if m and m.group(2):
        return m.group(2)
    m = _URL_RE.search(text)
    if m:
        return m.group(0).rstrip(".,;，。；")
    value = text.strip().strip("<>").strip()
    return value or None


def _clean_title(text: str) -> str:
    """Strip Markdown (links, bold, code) and extra spaces from a title."""
    text = _MD_LINK_RE.sub(lambda m: m.group(1), text)
    text = _MD_EMPHASIS_RE.sub("", text)
    return _SPACES_RE.sub(" ", text).strip()


def _normalise_date(value: str | None) -> str | None:
    """Return ``YYYY-MM-DD`` for a date written in a common form, else None."""
    if not value:
        return None
    m = _DATE_RE.search(value)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _last_content_line(lines: list[str], first: int, last: int) -> int:
    """Index of the last line in ``[first, last]`` that is neither blank nor a
    ``---``/``=====`` separator; ``first`` when there is none."""
    for i in range(last, first - 1, -1):
        line = lines[i]
        if line.strip() and not _RULE_RE.match(line) and not _HF_SEPARATOR_RE.match(line):
            return i
    return first


def _make_section(
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
class _Open:
    """A section whose heading has been seen and whose body is still open."""

    key: str
    heading: str
    index: int  # 0-based index of the heading line
    rest: str | None  # same-line text after the heading's colon

    def close(self, lines: list[str], body_last: int) -> Section:
        """Build the Section whose body ends at ``lines[body_last]``."""
        return _make_section(
            self.key, self.heading, lines, self.index, self.rest, self.index + 1, body_last
        )


def _section_warnings(
    paper: _Draft, names: dict[str, str], source: str
) -> list[Problem]:
    """Warnings for a paper's missing and empty sections."""
    label = _paper_label(paper)
    if not paper.sections:
        return [Problem(source, paper.heading_line, f"{label} has no recognisable sections")]
    problems: list[Problem] = []
    found = {s.key for s in paper.sections}
    missing = [name for key, name in names.items() if key not in found]
    if missing:
        problems.append(
            Problem(source, paper.heading_line, f"{label}: missing sections: {', '.join(missing)}")
        )
    for s in paper.sections:
        if not s.text:
            message = f"{label}: section {names[s.key]} is empty"
            problems.append(Problem(source, s.start_line, message))
    return problems


def _paper_label(paper: _Draft) -> str:
    """How a paper is named in warnings: ``paper 'Title'``."""
    return f"paper '{paper.title}'" if paper.title else "untitled paper"


def _finish(
    fmt: str,
    source: str,
    date: str | None,
    source_url: str | None,
    drafts: list[_Draft],
    problems: list[Problem],
) -> Report:
    """Drop unidentifiable and duplicate papers, cut overlong sections, add
    report-level warnings and build the Report."""
    papers: list[Paper] = []
    first_line: dict[str, int] = {}
    for draft in drafts:
        if not draft.arxiv_id:
            continue  # warned about by the layout's link check
        if not draft.title:
            problems.append(Problem(source, draft.heading_line,
                                    f"paper {draft.arxiv_id} has no title; ignored"))
            continue
        if draft.arxiv_id in first_line:
            problems.append(
                Problem(
                    source,
                    draft.heading_line,
                    f"duplicate paper {draft.arxiv_id} ({_paper_label(draft)}), first at "
                    f"line {first_line[draft.arxiv_id]}; ignored",
                )
            )
            continue
        first_line[draft.arxiv_id] = draft.heading_line
        draft.sections = [_cut_section(s, draft, source, problems) for s in draft.sections]
        papers.append(draft.freeze(source))
    if not drafts:
        problems.append(Problem(source, 1, "no paper blocks found"))
    problems.sort(key=lambda p: p.line or 0)
    return Report(
        path=source,
        format=fmt,
        date=date,
        source_url=source_url,
        papers=tuple(papers),
        problems=tuple(problems),
    )


# ---------------------------------------------------------------------------
# Hugging Face daily papers
# ---------------------------------------------------------------------------


def _cut_section(section: Section, draft: _Draft, source: str, problems: list[Problem]) -> Section:
    """Return ``section``, cut at a line end to :data:`MAX_SECTION_CHARS`."""
    if len(section.text) <= MAX_SECTION_CHARS:
        return section
    cut = section.text.rfind("\n", 0, MAX_SECTION_CHARS + 1)
    text = section.text[: cut if cut > 0 else MAX_SECTION_CHARS].rstrip()
    end = section.start_line + text.count("\n")
    problems.append(Problem(
        source, section.start_line,
        f"{_paper_label(draft)}: section {section.heading} is {len(section.text)} characters "
        f"long; only lines {section.start_line}-{end} ({len(text)} characters) are read"))
    return dataclasses.replace(section, text=text, end_line=end)


def _parse_hf(lines: list[str], source: str, problems: list[Problem]) -> Report:
    """Parse a Hugging Face daily papers report (see module docstring);
    ``problems`` holds the warnings found so far and is extended."""
    starts = [i for i, line in enumerate(lines) if _HF_PAPER_RE.match(line)]
    header_end = starts[0] if starts else len(lines)
    date, source_url = _hf_header(lines[:header_end], source, problems)
    drafts: list[_Draft] = []
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        draft, found = _hf_paper(lines, start, stop, source)
        drafts.append(draft)
        problems.extend(found)
    return _finish(HF_DAILY, source, date, source_url, drafts, problems)


def _hf_header(
    header: list[str], source: str, problems: list[Problem]
) -> tuple[str | None, str | None]:
    """Return (date, source URL) from the lines before the first paper."""
    raw_date: str | None = None
    date_line = 1
    source_url: str | None = None
    for i, line in enumerate(header):
        if raw_date is None and (m := _HF_DATE_RE.match(line)):
            raw_date, date_line = m.group(1), i + 1
        elif source_url is None and (m := _HF_SOURCE_RE.match(line)):
            source_url = _first_url(m.group(1))
    date = _normalise_date(raw_date)
    if raw_date is None:
        problems.append(Problem(source, 1, "report header has no date"))
    elif date is None:
        message = f"report date '{raw_date}' is not a valid date"
        problems.append(Problem(source, date_line, message))
    return date, source_url


def _hf_paper(
    lines: list[str], start: int, stop: int, source: str
) -> tuple[_Draft, list[Problem]]:
    """Parse the paper block whose heading is ``lines[start]``.

    The block runs to the next paper heading (``stop``) or the first
    ``=====`` separator, whichever comes first.
    """
    end = stop - 1
    for i in range(start + 1, stop):
        if _HF_SEPARATOR_RE.match(lines[i]):
            end = i - 1
            break
    m = _HF_PAPER_RE.match(lines[start])
    title = _clean_title(m.group(1) if m else "")
    last = _last_content_line(lines, start, end)
    draft = _Draft(title=title, heading_line=start + 1, start_line=start + 1, end_line=last + 1)
    problems: list[Problem] = []
    link_value: str | None = None
    link_line = start + 1
    seen: set[str] = set()
    open_: _Open | None = None
    for i in range(start + 1, last + 1):
        line = lines[i]
        heading = _hf_section_heading(line)
        if heading and heading[0] not in seen:
            if open_:
                draft.sections.append(open_.close(lines, i - 1))
            seen.add(heading[0])
            open_ = _Open(heading[0], heading[1], i, heading[2])
            continue
        if open_:
            continue
        if link_value is None and (lm := _HF_LINK_RE.match(line)):
            link_value, link_line = lm.group(1), i + 1
        elif draft.read_from is None and (rm := _HF_READ_FROM_RE.match(line)):
            draft.read_from = _clean_title(rm.group(1)) or None
    if open_:
        draft.sections.append(open_.close(lines, last))
    problems.extend(_hf_link(draft, link_value, link_line, source))
    if draft.arxiv_id and draft.title:  # ignored papers get no section warnings
        problems.extend(_section_warnings(draft, HF_SECTIONS, source))
    return draft, problems


def _hf_link(
    draft: _Draft, value: str | None, line: int, source: str
) -> list[Problem]:
    """Set the paper's url / arxiv_id from its link line; return warnings."""
    label = _paper_label(draft)
    if value is None:
        return [Problem(source, draft.heading_line, f"{label} has no link line; ignored")]
    draft.url = _first_url(value)
    draft.arxiv_id = _arxiv_id(draft.url)
    if draft.url is None:
        return [Problem(source, line, f"{label}: empty link line; ignored")]
    if draft.arxiv_id is None:
        return [Problem(source, line, f"{label}: no arXiv id in link {draft.url}; ignored")]
    return []


def _hf_section_heading(line: str) -> tuple[str, str, str | None] | None:
    """Recognise a Hugging Face section heading line.

    Returns ``(key, heading, rest)`` where ``heading`` is the heading text
    without Markdown markers or trailing colon (``"1. 应用领域"``) and ``rest``
    the text after the colon on the same line (one-line layout) or None.
    Only the five keywords (and synonyms) make a heading; in bold and list
    forms the bold text must be the keyword alone, so that numbered items
    such as ``1. **理论迁移**：…`` inside a section are not headings.
    """
    if not line.strip() or _HF_PAPER_RE.match(line):
        return None
    m = _MD_HEADING_RE.match(line)
    if m:
        return _md_heading(m.group(1))
    m = _LIST_BOLD_RE.match(line) or _BOLD_LINE_RE.match(line)
    if m:
        number = m.groupdict().get("number") or ""
        return _bold_heading(m.group("bold"), m.group("after"), number)
    return None


def _md_heading(inner: str) -> tuple[str, str, str | None] | None:
    """Match ``### 1. 应用领域 (gloss)[：text]``; extra words are allowed."""
    text = _MD_EMPHASIS_RE.sub("", inner).strip()
    body = _NUMBER_PREFIX_RE.sub("", text, count=1)
    m = _KEYWORD_START_RE.match(body)
    if not m:
        return None
    key = _HF_KEY_OF_WORD[m.group("word")]
    tail = _HEADING_TAIL_RE.match(m.group("tail"))
    if tail and tail.group("rest"):
        number = text[: len(text) - len(body)]
        heading = number + m.group("word") + tail.group("gloss")
        return key, _strip_colon(heading), tail.group("rest").strip()
    return key, _strip_colon(text), None


def _bold_heading(bold: str, after: str, number: str) -> tuple[str, str, str | None] | None:
    """Match ``**1. 应用领域**[：text]`` or ``1. **应用领域**[：text]``.

    ``bold`` is the bold text, ``after`` what follows the closing ``**`` and
    ``number`` the list number written outside the bold ("" when none).  An
    unnumbered bold keyword (``**应用领域**``) is a heading only when nothing
    but a colon follows it: ``**实验结果**：…`` inside a section is body text.
    """
    bold = bold.strip()
    inner = _NUMBER_PREFIX_RE.sub("", bold, count=1)
    numbered = bool(number) or inner != bold
    m = _EXACT_KEYWORD_RE.match(inner)
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
    return _HF_KEY_OF_WORD[m.group("word")], heading, rest or None


def _strip_colon(text: str) -> str:
    """Remove a trailing colon and spaces from a heading text."""
    return text.strip().rstrip(":：").strip()


# ---------------------------------------------------------------------------
# arXiv computer-vision daily reports
# ---------------------------------------------------------------------------


def _count_arxiv_headings(lines: list[str]) -> int:
    """Count ``## [T](…arxiv.org…)`` headings or ones preceded by an anchor."""
    count = 0
    previous = ""
    for line in lines:
        m = _AX_HEADING_RE.match(line)
        if m and ("arxiv.org" in m.group("url").lower() or _AX_ANCHOR_RE.match(previous)):
            count += 1
        if line.strip():
            previous = line
    return count


def _parse_arxiv(lines: list[str], source: str, problems: list[Problem]) -> Report:
    """Parse an arXiv CV daily report (see module docstring); ``problems``
    holds the warnings found so far and is extended."""
    heads = [i for i, line in enumerate(lines) if _AX_HEADING_RE.match(line)]
    date = _arxiv_date(lines[: heads[0] if heads else len(lines)], source, problems)
    starts = [_anchor_before(lines, h) for h in heads]
    drafts: list[_Draft] = []
    for n, head in enumerate(heads):
        stop = starts[n + 1] if n + 1 < len(heads) else len(lines)
        draft, found = _arxiv_paper(lines, starts[n], head, stop, source)
        drafts.append(draft)
        problems.extend(found)
    return _finish(ARXIV_CV, source, date, None, drafts, problems)


def _arxiv_date(header: list[str], source: str, problems: list[Problem]) -> str | None:
    """Report date from the ``# Arxiv … - DATE`` title, else ``time:``."""
    title_date = time_date = None
    seen_title = seen_time = False
    for line in header:
        if not seen_title and (m := _AX_TITLE_RE.match(line)):
            seen_title, title_date = True, _normalise_date(m.group(1))
        elif not seen_time and (m := _AX_TIME_RE.match(line)):
            seen_time, time_date = True, _normalise_date(m.group(1))
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
    lines: list[str], start: int, head: int, stop: int, source: str
) -> tuple[_Draft, list[Problem]]:
    """Parse one arXiv paper: anchor at ``start``, heading at ``head``,
    block ending before ``stop`` (the next paper's first line)."""
    m = _AX_HEADING_RE.match(lines[head])
    assert m is not None  # head indexes were found with this regex
    last = _last_content_line(lines, head, stop - 1)
    anchor = _AX_ANCHOR_RE.match(lines[start]) if start != head else None
    draft = _Draft(
        title=_clean_title(m.group("title")),
        heading_line=head + 1,
        start_line=start + 1,
        end_line=last + 1,
        url=m.group("url"),
    )
    draft.arxiv_id = _arxiv_id(draft.url) or _arxiv_id(anchor.group(1) if anchor else None)
    _arxiv_body(draft, lines, head + 1, last)
    problems: list[Problem] = []
    if draft.arxiv_id is None:
        problems.append(Problem(source, head + 1, f"{_paper_label(draft)} has no arXiv id; ignored"))
    elif draft.title:
        problems.extend(_section_warnings(draft, ARXIV_SECTIONS, source))
    return draft, problems


def _arxiv_body(draft: _Draft, lines: list[str], first: int, last: int) -> None:
    """Fill fields and sections of ``draft`` from ``lines[first:last + 1]``.

    A section runs from its ``**Label:**`` line to the next recognised label;
    ``**Links:**`` ends the last section and the rest of the block is skipped.
    Each label counts once; a repeated one is ordinary text.
    """
    seen: set[str] = set()
    open_: _Open | None = None
    for i in range(first, last + 1):
        m = _AX_LABEL_RE.match(lines[i])
        label = _SPACES_RE.sub(" ", m.group("label")).lower() if m else ""
        if not m or label in seen:
            continue
        seen.add(label)
        if open_:
            draft.sections.append(open_.close(lines, i - 1))
            open_ = None
        rest = m.group("rest")
        if label in _AX_LABEL_KEYS:
            key = _AX_LABEL_KEYS[label]
            open_ = _Open(key, ARXIV_SECTIONS[key], i, rest)
        elif label == "links":
            return
        else:
            _arxiv_field(draft, label, rest)
    if open_:
        draft.sections.append(open_.close(lines, last))


def _arxiv_field(draft: _Draft, label: str, value: str) -> None:
    """Store an ``Authors`` / ``Published`` / ``Categories`` value."""
    items = tuple(x for x in (_clean_title(v) for v in _LIST_SPLIT_RE.split(value)) if x)
    if label == "authors":
        draft.authors = items
    elif label == "categories":
        draft.categories = items
    elif label == "published":
        draft.published = _normalise_date(value)
