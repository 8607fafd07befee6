"""Read paper-digest reports (Markdown) into :class:`~kg.model.Report` records.

The flow: :mod:`kg.read.files` finds report files and decodes them;
:mod:`kg.read.parse` splits the text into lines, asks each layout of
:mod:`kg.read.registry` how sure it is that the text is written in it, and
lets the surest read it into papers and sections (1-based lines).  Layouts:

* :mod:`kg.read.hf_daily` -- Hugging Face daily papers (``## 📄 Title``);
* :mod:`kg.read.arxiv_cv` -- arXiv CV daily reports (``## [Title](https://arxiv.org/abs/…)``);
* :mod:`kg.read.papers_for` -- ``# Papers for DATE`` digests (``## 0.[Title](https://arxiv.org/pdf/…)``);
* :mod:`kg.read.generic` -- any Markdown digest whose paper headings carry
  a paper link or an arXiv id (the fallback).

Recoverable oddities (a paper without a link, missing sections, duplicates,
a header without a date, a truncated file, an overlong line...) never raise:
they are :class:`~kg.model.Problem` warnings in ``Report.problems``.  A paper
whose sections are not recognised is read from its whole body.  Only an
unreadable file (missing, not a regular file, larger than the size limit,
empty, binary, not UTF-8) or a text in which no paper is found raises
:class:`~kg.errors.SourceError`.
"""

from __future__ import annotations

from kg.read.arxiv_cv import ARXIV_CV
from kg.read.files import (
    DEFAULT_MAX_SIZE,
    REPORT_SUFFIXES,
    collect_report_files,
    iter_report_files,
    named_files,
    parse_size,
)
from kg.read.generic import MARKDOWN
from kg.read.hf_daily import HF_DAILY
from kg.read.markdown import MAX_LINE_CHARS
from kg.read.papers_for import PAPERS_FOR
from kg.read.parse import detect_layout, no_paper_message, parse_report, read_report
from kg.read.registry import LAYOUTS
from kg.read.sections import BODY_KEY, MAX_SECTION_CHARS

__all__ = [
    "ARXIV_CV",
    "BODY_KEY",
    "DEFAULT_MAX_SIZE",
    "HF_DAILY",
    "LAYOUTS",
    "MARKDOWN",
    "MAX_LINE_CHARS",
    "MAX_SECTION_CHARS",
    "PAPERS_FOR",
    "REPORT_SUFFIXES",
    "collect_report_files",
    "named_files",
    "detect_layout",
    "iter_report_files",
    "no_paper_message",
    "parse_report",
    "parse_size",
    "read_report",
]
