"""The section names and label words of the layouts are data
(kg/data/patterns/sections.json): a word added to a copy of the file is
recognised by the layout that reads it, on a small report written here, and
the same report without the word shows that the data, not the code, decides.

Inline reports start with a backslash-newline so that the first line of the
string is line 1 of the "file".
"""

from __future__ import annotations

import copy

import pytest

from kg import resources
from kg.errors import DataError
from kg.read import parse_report


@pytest.fixture
def sections_data(cue_words):
    """``install(key, change)``: a copy of the cue-word files whose
    ``sections.json`` key ``key`` is ``change(value)`` of a deep copy of
    its value, installed as the package data until the test ends (a
    second call changes the copy the first installed)."""

    def install(key: str, change) -> None:
        value = copy.deepcopy(resources.pattern_group("sections")[key])
        cue_words("sections", key, change(value) or value)

    return install


def sections_of(text: str, name: str = "digest.md") -> dict[str, tuple[str, str]]:
    """key -> (heading, text) of the one paper of a report."""
    report = parse_report(text, name)
    (paper,) = report.papers
    return {s.key: (s.heading, s.text) for s in paper.sections}


HF_REPORT = """\
# Hugging Face Daily Papers Report

**Date**: 2026-03-02

## 📄 Sparse Routing for Long Video Models

- **链接**: https://huggingface.co/papers/2603.01234

### 1. 应用领域
视频理解。

### 2. 一句话核心贡献
稀疏路由让长视频模型更快。

### 3. 使用指南
开源代码。

### 4. 技术亮点
按帧稀疏路由。

### 5. 实验效果
在 Ego4D 上准确率提升 3 个点。
"""


def test_a_hugging_face_section_name_added_to_the_data_is_a_heading(sections_data):
    before = parse_report(HF_REPORT, "hf.md")
    assert "innovations" not in {s.key for s in before.papers[0].sections}
    assert any("missing sections: 主要创新点" in p.message for p in before.problems)

    sections_data("hf_daily_sections", lambda table: table["innovations"].append("技术亮点"))
    after = parse_report(HF_REPORT, "hf.md")
    found = {s.key: (s.heading, s.text) for s in after.papers[0].sections}
    assert found["innovations"] == ("4. 技术亮点", "按帧稀疏路由。")
    assert found["usage"] == ("3. 使用指南", "开源代码。")
    assert not any("missing sections" in p.message for p in after.problems)


def test_the_first_hugging_face_word_is_the_name_in_warnings(sections_data):
    """The canonical name (first word) is what a missing-section warning says."""
    sections_data("hf_daily_sections", lambda table: table["innovations"].insert(0, "亮点与创新"))
    report = parse_report(HF_REPORT, "hf.md")
    assert any(p.message.endswith("missing sections: 亮点与创新") for p in report.problems)


ARXIV_REPORT = """\
# Arxiv Computer Vision Papers - 2026-03-02

<a id='2603.04321v1'></a>
## [Depth from Defocus at Scale](https://arxiv.org/abs/2603.04321v1)

**Authors:** Ada Lovelace, Alan Turing
**Summary:** We estimate depth from defocus blur.
**Analysis:** The method scales to 4K images.
**Key Findings:** Error falls by a third.
**Links:**
- [PDF](https://arxiv.org/pdf/2603.04321v1)
"""


def test_an_arxiv_label_added_to_the_data_opens_its_section(sections_data):
    before = parse_report(ARXIV_REPORT, "arxiv.md")
    assert [s.key for s in before.papers[0].sections] == ["analysis", "key_findings"]
    assert any(p.message.endswith("missing sections: Abstract") for p in before.problems)

    sections_data("arxiv_cv_sections", lambda table: table["abstract"].append("Summary"))
    after = sections_of(ARXIV_REPORT)
    assert after["abstract"] == ("Abstract", "We estimate depth from defocus blur.")
    assert after["analysis"] == ("Analysis", "The method scales to 4K images.")


PAPERS_FOR_REPORT = """\
# Papers for 2026-03-02

## [Token Merging for Speech](https://arxiv.org/pdf/2603.05555)
summary: **核心关键词**：speech, token merging **研究亮点**：merges similar frames. **主要成果**：2x faster decoding.
"""


def test_a_papers_for_label_added_to_the_data_starts_a_section(sections_data):
    before = sections_of(PAPERS_FOR_REPORT)
    assert "innovations" not in before
    assert "研究亮点" in before["field"][1]

    sections_data("section_labels", lambda table: table["innovations"].append("研究亮点"))
    after = sections_of(PAPERS_FOR_REPORT)
    assert after["innovations"] == ("研究亮点", "merges similar frames.")
    assert after["field"] == ("核心关键词", "speech, token merging")
    assert after["results"] == ("主要成果", "2x faster decoding.")


GENERIC_REPORT = """\
# ML digest 2026-03-02

## [Faster Diffusion Sampling](https://arxiv.org/abs/2603.06666)

### Highlights
Ten steps match a hundred.

**Reviewer:** N. N.
"""


def test_generic_labels_added_to_the_data_key_a_section_and_a_field(sections_data):
    (before,) = parse_report(GENERIC_REPORT, "digest.md").papers
    # an unknown heading or bold label is text of the paper
    assert [(s.key, s.heading) for s in before.sections] == [("abstract", "Highlights"), ("abstract", "Reviewer")]
    assert before.authors == ()

    sections_data("section_labels", lambda table: table["results"].append(r"highlights?"))
    sections_data("field_labels", lambda table: table["authors"].append("reviewers?"))
    report = parse_report(GENERIC_REPORT, "digest.md")
    (paper,) = report.papers
    assert {s.key: (s.heading, s.text) for s in paper.sections} == {
        "results": ("Highlights", "Ten steps match a hundred.")
    }
    assert paper.authors == ("N. N.",)


def test_a_bad_regular_expression_among_the_labels_is_a_data_error(sections_data):
    sections_data("section_labels", lambda table: table["field"].insert(0, "(unclosed"))
    with pytest.raises(DataError, match=r"sections.json: section_labels/field/0: not a valid regular expression"):
        parse_report(GENERIC_REPORT, "digest.md")


def test_a_section_key_the_extractor_does_not_read_is_refused(sections_data):
    with pytest.raises(DataError, match=r"sections.json: hf_daily_sections: .*'methods'"):
        sections_data("hf_daily_sections", lambda table: table.update(methods=["方法"]))
        resources.pattern_group("sections")
