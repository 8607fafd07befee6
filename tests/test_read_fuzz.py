"""Fuzz tests of kg.read (hypothesis): random Markdown built from the
pieces of every layout, and random slices of real reports, are either read
into a well-formed Report or refused with one of the project's own errors
(kg.errors) — never another exception.

The examples are derandomized (the same ones every run) so that CI never
fails by chance; explore more with a larger ``max_examples`` and
``derandomize=False``.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.read import parse_report

ROOT = Path(__file__).resolve().parent.parent
REAL = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "cases").glob("*/*.md"))
REAL_LINES = {p.name: p.read_text(encoding="utf-8").split("\n") for p in REAL}

PIECES = [
    # Hugging Face
    "# Hugging Face Daily Papers Report",
    "**Date**: 2025-12-28",
    "## 📄 ",
    "## 📄 A Title",
    "- **链接**: https://huggingface.co/papers/2601.00001",
    "### 1. 应用领域",
    "1. **实验效果**：",
    "=====",
    # arXiv CV
    "time: 20260113",
    "# Arxiv Computer Vision Papers - 2026-01-13",
    "<a id='2601.00002v1'></a>",
    "## [T](https://arxiv.org/abs/2601.00002v1)",
    "**Authors:** A, B",
    "**Abstract:**",
    "**Links:**",
    # Papers for
    "# Papers for 2025-09-23",
    "## 0.[T](https://arxiv.org/pdf/2509.16198)",
    "summary:",
    "summary:**核心关键词**：",
    "**1-Sentence Core Summary**：",
    "i) **Core Keywords**",
    "主要成果 ",
    "核心关键词:",
    # generic Markdown
    "---",
    "date: 2026-02-30",
    "## 1. [Title](https://arxiv.org/abs/2603.01234)",
    "### Results",
    "**Abstract**:",
    "Results:",
    "- Link: https://openreview.net/forum?id=x",
    "## Beta (https://doi.org/10.1/x)",
    "#",
    "######",
    "[2601.1234]",
    "arXiv:2601.12345",
    "## 2601.12345",
    # noise
    "",
    " ",
    "\t",
    "\r",
    "\x0c",
    "\u2028",
    "\ufeff",
    "**",
    "`",
    "[",
    "](",
    "：",
    "超越了 GPT-4o（84.8）",
]

MARKDOWN = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(max_size=30),
        st.lists(st.sampled_from(PIECES), min_size=2, max_size=4).map("".join),
    ),
    max_size=40,
).map("\n".join)


@st.composite
def real_slice(draw):
    """A slice of lines of a real report, maybe cut inside its first and
    last line."""
    lines = REAL_LINES[draw(st.sampled_from(sorted(REAL_LINES)))]
    start = draw(st.integers(0, len(lines) - 1))
    stop = draw(st.integers(start, min(len(lines), start + 200)))
    text = "\n".join(lines[start:stop])
    head = draw(st.integers(0, min(len(text), 200)))
    tail = draw(st.integers(0, min(len(text), 200)))
    return text[head : len(text) - tail]


def check(text: str) -> None:
    """Parse ``text``: a Report whose spans are inside the text, or a KgError."""
    try:
        report = parse_report(text, "fuzz.md")
    except KgError as err:
        assert str(err).startswith("fuzz.md")
        return
    n_lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    assert report.papers or report.problems, "a report without papers says why"
    for paper in report.papers:
        assert paper.title and (paper.arxiv_id or paper.url)
        assert 1 <= paper.start_line <= paper.end_line <= n_lines
        for s in paper.sections:
            assert paper.start_line <= s.start_line <= s.end_line <= paper.end_line
            assert s.text.count("\n") == s.end_line - s.start_line
    for p in report.problems:
        assert p.line is None or 1 <= p.line <= n_lines


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(MARKDOWN, st.text(max_size=300)))
def test_random_markdown_is_read_or_refused_with_a_project_error(text):
    check(text)


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(text=real_slice())
def test_random_slices_of_real_reports_are_read_or_refused_with_a_project_error(text):
    check(text)
