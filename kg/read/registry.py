"""The report layouts PaperKG reads, one line each.

To add a layout, write a module with a ``detect`` and a ``read`` function
and a ``LAYOUT`` (see :mod:`kg.read.layout`), add a golden case under
``tests/cases/``, and add its ``LAYOUT`` here.  When two detectors are equally
sure, the layout listed first is tried first.
"""

from __future__ import annotations

from kg.read import arxiv_cv, generic, hf_daily, papers_for
from kg.read.layout import Layout

LAYOUTS: tuple[Layout, ...] = (
    hf_daily.LAYOUT,
    arxiv_cv.LAYOUT,
    papers_for.LAYOUT,
    generic.LAYOUT,  # the fallback: its detector is never surer than 0.1
)
