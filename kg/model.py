"""Plain data passed between the stages of the pipeline.

Every object that describes text carries the report file it came from and a
1-based line span, so that each extracted fact can be traced back to its
evidence.  This module imports neither spaCy nor any RDF library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Label(StrEnum):
    """The type of an entity and of its mentions, shared by every stage: the
    gazetteer and record schemas (their ``type`` enums, checked by a test),
    the spaCy span labels of the matchers, the extracted records, the RDF
    classes (``kg:<value>``, :data:`kg.rdf.vocab.CLASS_OF_LABEL`) and the
    outputs.  A member compares equal to its string value (``Label.MODEL ==
    "Model"``), so records stay plain JSON."""

    MODEL = "Model"
    METHOD = "Method"
    DATASET = "Dataset"
    BENCHMARK = "Benchmark"
    METRIC = "Metric"
    ACCELERATOR = "Accelerator"
    DEVICE = "Device"

    @property
    def is_hardware(self) -> bool:
        """Accelerators and devices (counted in hardware use)."""
        return self in (Label.ACCELERATOR, Label.DEVICE)

    @property
    def is_system(self) -> bool:
        """Models and methods: what can win or lose a comparison."""
        return self in (Label.MODEL, Label.METHOD)

    @property
    def is_dataset(self) -> bool:
        """Datasets and benchmarks: what a comparison is measured on."""
        return self in (Label.DATASET, Label.BENCHMARK)


@dataclass(frozen=True)
class Problem:
    """A located warning about an input file (``path:line: message``)."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Section:
    """One section of a paper block.

    Attributes:
        key: canonical section key. Hugging Face reports use ``field``
            (应用领域), ``contribution`` (一句话核心贡献), ``usage`` (使用指南),
            ``innovations`` (主要创新点), ``results`` (实验效果); arXiv reports use
            ``abstract``, ``analysis`` and ``key_findings``; other layouts map
            their labels to these keys by meaning (:mod:`kg.read.labels`), and
            a paper's whole body, read when no section is recognised, is an
            ``abstract`` section.
        heading: the heading text as written in the report.
        text: the section body, original lines joined with ``"\\n"``
            (Markdown kept).  For a one-line layout (``1. **应用领域**：text``)
            the body starts on the heading line.
        start_line: 1-based line of the first character of ``text``.
        end_line: 1-based line of the last line of ``text`` (inclusive).
    """

    key: str
    heading: str
    text: str
    start_line: int
    end_line: int

    def line_of(self, offset: int) -> int:
        """Return the 1-based file line of character ``offset`` in ``text``."""
        return self.start_line + self.text.count("\n", 0, max(0, offset))


@dataclass(frozen=True)
class Paper:
    """One paper block of a report.

    Attributes:
        title: English title as in the ``## `` heading (Markdown removed).
        url: the paper's link as written (``**链接**`` or the heading link);
            ``None`` when the block has none.
        arxiv_id: bare arXiv identifier without version (``"2512.19995"``),
            parsed from the URL or the anchor; ``None`` when not found.
        source: path of the report file.
        start_line / end_line: 1-based inclusive line span of the block.
        sections: the sections found, in file order.
        authors: author names (arXiv reports).
        categories: arXiv categories (``"cs.CV"``) (arXiv reports).
        published: publication date ``YYYY-MM-DD`` when stated.
        read_from: the ``**阅读来源**`` value (HF reports), e.g. ``"HTML"``.
    """

    title: str
    url: str | None
    arxiv_id: str | None
    source: str
    start_line: int
    end_line: int
    sections: tuple[Section, ...] = ()
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    published: str | None = None
    read_from: str | None = None

    def section(self, key: str) -> Section | None:
        """Return the first section with ``key``, or ``None``."""
        return next((s for s in self.sections if s.key == key), None)


@dataclass(frozen=True)
class Report:
    """A parsed report file.

    Attributes:
        path: the file path as given to the reader.
        format: the layout (:mod:`kg.read.registry`): ``"hf-daily"``
            (Hugging Face daily papers), ``"arxiv-cv"`` (arXiv CV daily
            report), ``"papers-for"`` (``# Papers for DATE`` digest) or
            ``"markdown"`` (generic Markdown digest).
        date: report date ``YYYY-MM-DD`` from the header, or ``None``.
        source_url: the ``**Source URL**`` of HF reports, or ``None``.
        papers: paper blocks in file order.
        problems: warnings found while reading (never fatal).
        sha256: hex digest of the file's bytes.
    """

    path: str
    format: str
    date: str | None
    source_url: str | None
    papers: tuple[Paper, ...]
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    sha256: str = ""
