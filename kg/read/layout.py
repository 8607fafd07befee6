"""What a report layout module provides: a detector and a reader.

A layout is registered in :mod:`kg.read.registry` as one :class:`Layout`.
Its detector returns how sure it is that a text is written in the layout,
from ``0.0`` (not at all) to ``1.0`` (its title line is on line 1); the
reader turns the text into a :class:`~kg.model.Report`, or returns None when
it finds no paper block, so that the next surest layout is tried.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kg.model import Problem, Report

#: ``detect(lines) -> score``: lines as split by :func:`kg.read.markdown.split_lines`.
Detector = Callable[[list[str]], float]
#: ``read(lines, source, problems) -> Report | None``; ``problems`` holds the
#: warnings found before the layout was chosen and is extended.
Reader = Callable[[list[str], str, list[Problem]], Report | None]


@dataclass(frozen=True)
class Layout:
    """One report layout.

    Attributes:
        name: the layout's name, stored as ``Report.format`` (``"hf-daily"``).
        description: what the layout is (or, for the generic layout, what
            its paper headings are), for messages ("a Hugging Face daily
            papers report").
        paper_heading: what one of its paper headings looks like
            (``"## 📄 Title"``), for messages and the README.
        detect: the detector (see module docstring).
        read: the reader (see module docstring).
    """

    name: str
    description: str
    paper_heading: str
    detect: Detector
    read: Reader
