"""Tests for kg.read: report layouts, line spans, warnings and file errors.

Fixtures are written inline; each starts with a backslash-newline so that the
first line of the string is line 1 of the "file".
"""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.read import arxiv_cv, hf_daily
from kg.read import (
    MAX_LINE_CHARS,
    MAX_SECTION_CHARS,
    collect_report_files,
    detect_layout,
    iter_report_files,
    no_paper_message,
    parse_report,
    read_report,
)

SEEDS = Path(__file__).parent.parent / "seeds"
HF_KEYS = ["field", "contribution", "usage", "innovations", "results"]
ARXIV_KEYS = ["abstract", "analysis", "key_findings"]


def spans(paper):
    """{key: (start_line, end_line)} of a paper's sections."""
    return {s.key: (s.start_line, s.end_line) for s in paper.sections}


def messages(report):
    """[(line, message)] of a report's problems."""
    return [(p.line, p.message) for p in report.problems]


# ---------------------------------------------------------------------------
# Hugging Face layouts
# ---------------------------------------------------------------------------

HF_H3 = """\
# Hugging Face Daily Papers Report
**Date**: 2025-12-28
**Source URL**: https://huggingface.co/papers/date/2025-12-28

============================================================

## 📄 **Schoenfeld's Anatomy** of Reasoning   

- **链接**: https://huggingface.co/papers/2512.19995
- **阅读来源**: HTML

### 1. 应用领域
**NLP - 推理**

### 2. 一句话核心贡献
提出了 ThinkARM。

### 3. 使用指南
*   **输入**：推理轨迹。
*   **输出**：标签。

### 4. 主要创新点
1.  **理论迁移**：片段理论。
2.  **自动化框架**：ThinkARM。

### 5. 实验效果
在 Omni-MATH 上：
*   **一致性**：最高。


============================================================
"""


def test_hf_h3_layout_header_and_paper_fields():
    report = parse_report(HF_H3, "r/000.txt")
    assert report.format == "hf-daily"
    assert report.path == "r/000.txt"
    assert report.date == "2025-12-28"
    assert report.source_url == "https://huggingface.co/papers/date/2025-12-28"
    assert report.problems == ()
    assert report.sha256 == ""
    (paper,) = report.papers
    assert paper.title == "Schoenfeld's Anatomy of Reasoning"
    assert paper.url == "https://huggingface.co/papers/2512.19995"
    assert paper.arxiv_id == "2512.19995"
    assert paper.read_from == "HTML"
    assert paper.source == "r/000.txt"
    assert (paper.start_line, paper.end_line) == (7, 28)


def test_hf_h3_layout_sections_text_and_spans():
    (paper,) = parse_report(HF_H3, "r.txt").papers
    assert [s.key for s in paper.sections] == HF_KEYS
    assert [s.heading for s in paper.sections] == [
        "1. 应用领域",
        "2. 一句话核心贡献",
        "3. 使用指南",
        "4. 主要创新点",
        "5. 实验效果",
    ]
    assert spans(paper) == {
        "field": (13, 13),
        "contribution": (16, 16),
        "usage": (19, 20),
        "innovations": (23, 24),
        "results": (27, 28),
    }
    assert paper.section("field").text == "**NLP - 推理**"
    assert paper.section("usage").text == "*   **输入**：推理轨迹。\n*   **输出**：标签。"
    assert paper.section("results").text == "在 Omni-MATH 上：\n*   **一致性**：最高。"
    assert paper.section("missing") is None


def test_section_line_of_maps_offsets_to_file_lines():
    (paper,) = parse_report(HF_H3, "r.txt").papers
    usage = paper.section("usage")
    assert usage.line_of(0) == 19
    assert usage.line_of(usage.text.index("输出")) == 20


HF_H2_EXTRA_WORDS = """\
# Hugging Face Daily Papers Report
**Date**: 2026-01-16
**Source URL**: https://huggingface.co/papers/date/2026-01-16

============================================================

## 📄 DanQing: A Chinese Dataset

- **链接**: https://arxiv.org/abs/2601.10305v2
- **阅读来源**: ArXiv Abs

# 论文研读报告：DanQing

## 1. 应用领域 (Application Field)
**多模态**

## 2. 一句话核心贡献
构建了数据集。

## 3. 使用指南：
*   **输入数据**：图文对。

## 4. 主要创新点
1.  **清洗管线**：严苛。

### 5. 实验效果 (Experimental Results)
*   **综合性能领先**。
"""


def test_hf_h2_layout_with_extra_words_and_versioned_arxiv_link():
    report = parse_report(HF_H2_EXTRA_WORDS, "r.txt")
    (paper,) = report.papers
    assert report.problems == ()
    assert paper.url == "https://arxiv.org/abs/2601.10305v2"
    assert paper.arxiv_id == "2601.10305"
    assert paper.read_from == "ArXiv Abs"
    assert [s.key for s in paper.sections] == HF_KEYS
    assert paper.section("field").heading == "1. 应用领域 (Application Field)"
    assert paper.section("usage").heading == "3. 使用指南"
    assert paper.section("results").heading == "5. 实验效果 (Experimental Results)"
    assert spans(paper) == {
        "field": (15, 15),
        "contribution": (18, 18),
        "usage": (21, 21),
        "innovations": (24, 24),
        "results": (27, 27),
    }
    # The "# 论文研读报告" title line belongs to no section.
    assert all("论文研读报告" not in s.text for s in paper.sections)


HF_BOLD_NUMBERED = """\
# Hugging Face Daily Papers Report
**Date**: 2026-02-16
**Source URL**: https://huggingface.co/papers/date/2026-02-16

============================================================

## 📄 Xiaomi-Robotics-0: An Open VLA Model

- **链接**: https://huggingface.co/papers/2602.12684
- **阅读来源**: HTML

### Xiaomi-Robotics-0 研究报告

**1. 应用领域**
具身智能 (Embodied AI)。

**2. 一句话核心贡献**
提出了一种开源的 VLA 模型。

**3. 使用指南**
*   **输入数据**：观察图像。

**4. 主要创新点**
1.  **两阶段训练与防遗忘机制**：采用两阶段训练策略。
2.  **优化的异步执行后训练技术**：新型注意力掩码。

**5. 实验效果**
*   **仿真基准测试 (SOTA)**：
    *   在 **LIBERO** 上达到 **85.3%**。
"""


def test_hf_bold_numbered_headings_with_title_line():
    (paper,) = parse_report(HF_BOLD_NUMBERED, "r.txt").papers
    assert [s.key for s in paper.sections] == HF_KEYS
    assert paper.section("field").heading == "1. 应用领域"
    assert spans(paper) == {
        "field": (15, 15),
        "contribution": (18, 18),
        "usage": (21, 21),
        "innovations": (24, 25),
        "results": (28, 29),
    }
    assert paper.section("field").text == "具身智能 (Embodied AI)。"
    assert "研究报告" not in paper.section("field").text
    assert paper.section("innovations").text == (
        "1.  **两阶段训练与防遗忘机制**：采用两阶段训练策略。\n2.  **优化的异步执行后训练技术**：新型注意力掩码。"
    )


HF_LIST_TEXT_BELOW = """\
# Hugging Face Daily Papers Report
**Date**: 2025-12-28
**Source URL**: https://huggingface.co/papers/date/2025-12-28

============================================================

## 📄 VA-π: Variational Policy Alignment

- **链接**: https://huggingface.co/papers/2512.19680
- **阅读来源**: HTML

# VA-π: Variational Policy Alignment 研究报告

1. **应用领域**
   计算机视觉-图像生成。

2. **一句话核心贡献**
   提出了 VA-π。

3. **使用指南**
   *   **输入**：预训练模型。
   *   **输出**：权重。

4. **主要创新点**
   1.  **统一的变分对齐目标（ELBO）**：推导出证据下界。
   2.  **基于内在奖励的 RL 优化**：GRPO。
   3.  **噪声上下文正则化**：KL 约束。

5. **实验效果**
   *   **图像质量大幅提升**：FID 从 14.36 降至 7.65。
"""


def test_hf_numbered_bold_headings_with_text_below():
    (paper,) = parse_report(HF_LIST_TEXT_BELOW, "r.txt").papers
    assert paper.title == "VA-π: Variational Policy Alignment"
    assert [s.key for s in paper.sections] == HF_KEYS
    assert [s.heading for s in paper.sections] == [
        "1. 应用领域",
        "2. 一句话核心贡献",
        "3. 使用指南",
        "4. 主要创新点",
        "5. 实验效果",
    ]
    assert spans(paper) == {
        "field": (15, 15),
        "contribution": (18, 18),
        "usage": (21, 22),
        "innovations": (25, 27),
        "results": (30, 30),
    }
    assert paper.section("field").text == "   计算机视觉-图像生成。"


HF_ONE_LINE = """\
# Hugging Face Daily Papers Report
**Date**: 2026-01-01
**Source URL**: https://huggingface.co/papers/date/2026-01-01

============================================================

## 📄 GR-Dexter Technical Report

- **链接**: https://huggingface.co/papers/2512.24210
- **阅读来源**: HTML

1. **应用领域**：机器人学 - 灵巧操作。

2. **一句话核心贡献**: 提出了 GR-Dexter。

3. **使用指南：** 输入如下
    *   **输入**：RGB-D 图像。

4. **主要创新点**：
    1.  **灵巧手硬件**：21 自由度。

5. **实验效果**：**0.97** 的成功率；
    泛化到未见物体。
"""


def test_hf_one_line_layout_starts_on_heading_line():
    report = parse_report(HF_ONE_LINE, "r.txt")
    (paper,) = report.papers
    assert report.problems == ()
    assert [s.key for s in paper.sections] == HF_KEYS
    field = paper.section("field")
    assert field.text == "机器人学 - 灵巧操作。"
    assert (field.start_line, field.end_line) == (12, 12)
    assert field.heading == "1. 应用领域"
    assert paper.section("usage").heading == "3. 使用指南"
    assert paper.section("contribution").text == "提出了 GR-Dexter。"
    usage = paper.section("usage")
    assert usage.text == "输入如下\n    *   **输入**：RGB-D 图像。"
    assert (usage.start_line, usage.end_line) == (16, 17)
    assert usage.line_of(usage.text.index("RGB-D")) == 17
    innovations = paper.section("innovations")
    assert innovations.text == "    1.  **灵巧手硬件**：21 自由度。"
    assert (innovations.start_line, innovations.end_line) == (20, 20)
    results = paper.section("results")
    assert results.text == "**0.97** 的成功率；\n    泛化到未见物体。"
    assert (results.start_line, results.end_line) == (22, 23)


HF_SUBLISTS = """\
# Hugging Face Daily Papers Report
**Date**: 2026-01-16
**Source URL**: https://huggingface.co/papers/date/2026-01-16

============================================================

## 📄 LSRIF: Logic-Structured RL

- **链接**: https://huggingface.co/papers/2601.06431
- **阅读来源**: HTML

### 1. 应用领域
NLP

### 2. 一句话核心贡献
LSRIF。

### 3. 使用指南
*   **训练流程**：
    1.  **数据构建**：GPT-4 生成。
    2.  **验证与奖励计算**：
        *   **硬约束**：代码规则。
**实验结果**：这一行是正文，不是标题。

### 4. 主要创新点
1.  **逻辑结构化数据集构建**：形式化定义。
2.  **结构感知奖励建模 (Structure-Aware Reward Modeling)**：
    *   **顺序结构**：惩罚传播。
3.  **注意力机制的可解释性发现**：Query 层。

### 5. 实验效果
1. **核心指标**：IFEval 90.2。
2. **泛化能力**：AgentIF。
"""


def test_numbered_sublists_inside_sections_are_not_headings():
    report = parse_report(HF_SUBLISTS, "r.txt")
    (paper,) = report.papers
    assert report.problems == ()
    assert [s.key for s in paper.sections] == HF_KEYS
    assert spans(paper) == {
        "field": (13, 13),
        "contribution": (16, 16),
        "usage": (19, 23),
        "innovations": (26, 29),
        "results": (32, 33),
    }
    assert paper.section("usage").text.endswith("**实验结果**：这一行是正文，不是标题。")
    assert paper.section("innovations").text.count("\n") == 3
    assert paper.section("results").text == "1. **核心指标**：IFEval 90.2。\n2. **泛化能力**：AgentIF。"


def one_heading_report(heading_line):
    """A one-paper HF report whose only candidate heading is ``heading_line``
    (line 8) followed by one body line (line 9)."""
    return parse_report(
        "# Hugging Face Daily Papers Report\n**Date**: 2025-12-28\n\n"
        "## 📄 Learning C# Fast ##\n\n- **链接**: https://huggingface.co/papers/2512.00001\n\n"
        f"{heading_line}\nbody\n",
        "h.txt",
    )


@pytest.mark.parametrize(
    ("line", "key", "heading", "text"),
    [
        ("### **1. 应用领域**", "field", "1. 应用领域", "body"),
        ("## 一、实验结果", "results", "一、实验结果", "body"),
        ("### 3. 使用指南 ###", "usage", "3. 使用指南", "body"),
        ("#### 2. 核心贡献：一句话", "contribution", "2. 核心贡献", "一句话\nbody"),
        ("**4. 创新点：** 三点", "innovations", "4. 创新点", "三点\nbody"),
        ("1. **应用领域** (Field)：CV", "field", "1. 应用领域", "CV\nbody"),
        ("**实验效果**", "results", "实验效果", "body"),
        # Not headings: keyword continued by more CJK text, keyword not alone
        # in the bold text, unnumbered bold keyword followed by text, bullets.
        ("### 核心贡献者名单", None, None, None),
        ("1. **应用领域的扩展**：很多", None, None, None),
        ("**实验结果**：不是标题", None, None, None),
        ("*   **实验效果**：不是标题", None, None, None),
    ],
)
def test_hf_heading_variants(line, key, heading, text):
    report = one_heading_report(line)
    (paper,) = report.papers
    assert paper.title == "Learning C# Fast"
    if key is None:  # the paper is read from its whole body
        assert [(s.key, s.heading, s.start_line) for s in paper.sections] == [("abstract", "body", 8)]
        return
    (section,) = paper.sections
    assert (section.key, section.heading, section.text) == (key, heading, text)
    assert section.end_line == 9


def test_hf_several_papers_and_paper_spans():
    text = HF_H3 + HF_ONE_LINE.split("============================================================\n", 1)[1]
    report = parse_report(text, "r.txt")
    assert [p.arxiv_id for p in report.papers] == ["2512.19995", "2512.24210"]
    second = report.papers[1]
    assert (second.start_line, second.end_line) == (33, 49)
    assert second.section("field").start_line == 38


# ---------------------------------------------------------------------------
# arXiv CV layout
# ---------------------------------------------------------------------------

ARXIV = """\
time: 20260113

# Arxiv Computer Vision Papers - 2026-01-13

## Executive Summary

好的，这是执行摘要。

---

**1. 主要主题与趋势：**

*   **"Video Generation Models in Robotics"** 展现了潜力。

---

## Table of Contents

1. [Video Generation Models in Robotics](#2601.07823v1)
2. [Tuning-free Visual Effect Transfer](#2601.07833v1)

---

## Papers

<a id='2601.07823v1'></a>
## [Video Generation Models in Robotics - Applications](https://arxiv.org/abs/2601.07823v1)

**Authors:** Zhiting Mei, Tenny Yin, Jaime Fernández Fisac

**Published:** 2026-01-12

**Categories:** eess.SY, cs.RO

**Abstract:**

Video generation models have emerged as high-fidelity models.

**Analysis:**

好的，这是全面中文摘要：

**1. 主要问题：**

*   视频生成模型如何模拟物理世界？

---

**总结：**

这篇综述很全面。

**Key Findings:**

- We present potential future directions.
- Especially in safety-critical settings.

**Links:**

- [PDF](https://arxiv.org/pdf/2601.07823v1)
- [arXiv](https://arxiv.org/abs/2601.07823v1)

---

<a id='2601.07833v1'></a>
## [Tuning-free Visual [Effect] Transfer](https://arxiv.org/abs/2601.07833v1)

**Authors:** Maxwell Jones

**Published:** 2026-01-12

**Categories:** cs.CV

**Abstract:** We present RefVFX.

**Analysis:**

RefVFX 分析。

**Key Findings:**

- We present RefVFX.

**Links:**

- [PDF](https://arxiv.org/pdf/2601.07833v1)

---
"""


def test_arxiv_report_header_and_toc_ignored():
    report = parse_report(ARXIV, "a.txt")
    assert report.format == "arxiv-cv"
    assert report.date == "2026-01-13"
    assert report.source_url is None
    assert report.problems == ()
    assert [p.arxiv_id for p in report.papers] == ["2601.07823", "2601.07833"]


def test_arxiv_paper_fields():
    first, second = parse_report(ARXIV, "a.txt").papers
    assert first.title == "Video Generation Models in Robotics - Applications"
    assert first.url == "https://arxiv.org/abs/2601.07823v1"
    assert first.authors == ("Zhiting Mei", "Tenny Yin", "Jaime Fernández Fisac")
    assert first.published == "2026-01-12"
    assert first.categories == ("eess.SY", "cs.RO")
    assert first.read_from is None
    assert (first.start_line, first.end_line) == (26, 61)
    assert second.title == "Tuning-free Visual [Effect] Transfer"
    assert second.authors == ("Maxwell Jones",)
    assert second.categories == ("cs.CV",)
    assert (second.start_line, second.end_line) == (65, 86)


def test_arxiv_sections_text_and_spans():
    first, second = parse_report(ARXIV, "a.txt").papers
    assert [s.key for s in first.sections] == ARXIV_KEYS
    assert [s.heading for s in first.sections] == ["Abstract", "Analysis", "Key Findings"]
    assert spans(first) == {"abstract": (37, 37), "analysis": (41, 51), "key_findings": (55, 56)}
    assert first.section("abstract").text == "Video generation models have emerged as high-fidelity models."
    analysis = first.section("analysis").text
    assert analysis.startswith("好的，这是全面中文摘要：")
    assert "\n---\n" in analysis  # a rule inside the analysis stays in it
    assert analysis.endswith("这篇综述很全面。")
    assert first.section("key_findings").text == (
        "- We present potential future directions.\n- Especially in safety-critical settings."
    )
    # Abstract text on the label line (one-line layout).
    assert second.section("abstract").text == "We present RefVFX."
    assert spans(second) == {"abstract": (74, 74), "analysis": (78, 78), "key_findings": (82, 82)}


def test_arxiv_date_from_time_line_when_title_has_none():
    text = ARXIV.replace("# Arxiv Computer Vision Papers - 2026-01-13", "# Arxiv Computer Vision Papers")
    report = parse_report(text, "a.txt")
    assert report.date == "2026-01-13"
    assert report.problems == ()


def test_arxiv_missing_abstract_and_truncated_paper():
    cut = ARXIV.index("**Analysis:**\n\nRefVFX")
    text = ARXIV[:cut].replace("**Abstract:** We present RefVFX.", "")
    report = parse_report(text, "a.txt")
    assert len(report.papers) == 2
    assert report.papers[1].sections == ()
    assert messages(report) == [
        (66, "paper 'Tuning-free Visual [Effect] Transfer' has no recognisable sections and no text"),
    ]
    text = ARXIV[:cut]
    report = parse_report(text, "a.txt")
    assert [s.key for s in report.papers[1].sections] == ["abstract"]
    assert messages(report) == [
        (66, "paper 'Tuning-free Visual [Effect] Transfer': missing sections: Analysis, Key Findings"),
    ]


# ---------------------------------------------------------------------------
# Format detection and unknown layouts
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HF_H3, "hf-daily"),
        (ARXIV, "arxiv-cv"),
        ("**Date**: 2025-12-28\n\nno papers yet\n", "hf-daily"),
        ("# Papers for 2025-09-23\n\n## 0.[T](https://arxiv.org/pdf/2509.16198)\nsummary:x\n", "papers-for"),
        ("intro\n\n## [T](https://arxiv.org/pdf/2509.16198)\nsummary: x\n", "papers-for"),
        ("# Notes\n\n## 1. [T](https://arxiv.org/abs/2601.00001)\n**Abstract**: x\n", "markdown"),
        ("time: 20260113\n", "arxiv-cv"),
        # No title lines: decided by the shape of the paper headings.
        ("intro\n\n## 📄 A Paper\n\n### 1. 应用领域\nx\n", "hf-daily"),
        ("intro\n\n<a id='2601.00001v1'></a>\n## [T](https://arxiv.org/abs/2601.00001v1)\n", "arxiv-cv"),
        ("# My notes\n\n## Section\n\ntext\n", None),
        ("", None),
    ],
)
def test_detect_layout(text, expected):
    assert detect_layout(text) == expected


def test_text_without_papers_raises_source_error_naming_layouts_and_headings():
    with pytest.raises(SourceError) as info:
        parse_report("# Some other report\n\nhello\n", "x/notes.md")
    assert info.value.path == "x/notes.md"
    assert info.value.line is None
    message = info.value.message
    assert message == no_paper_message()
    assert str(info.value) == f"x/notes.md: {message}"
    assert message.startswith("no paper found:")
    for name, heading in [
        ("hf-daily", "## 📄 Title"),
        ("arxiv-cv", "## [Title](https://arxiv.org/abs/"),
        ("papers-for", "## 0.[Title](https://arxiv.org/pdf/"),
        ("markdown", "arXiv id"),
    ]:
        assert name in message and heading in message


# ---------------------------------------------------------------------------
# Warnings
# ---------------------------------------------------------------------------

HF_HEADER = """\
# Hugging Face Daily Papers Report
**Date**: 2025-12-28
**Source URL**: https://huggingface.co/papers/date/2025-12-28

============================================================

"""


def test_missing_link_line_warns_and_ignores_paper():
    # a paper is identified by its arXiv id: without one it cannot become a node
    text = HF_H3.replace("- **链接**: https://huggingface.co/papers/2512.19995\n", "")
    report = parse_report(text, "r.txt")
    assert report.papers == ()
    assert messages(report) == [
        (7, "paper 'Schoenfeld's Anatomy of Reasoning' has no link line; ignored"),
    ]


def test_link_without_arxiv_id_warns_and_ignores_paper():
    text = HF_H3.replace("https://huggingface.co/papers/2512.19995", "https://example.org/paper")
    report = parse_report(text, "r.txt")
    assert report.papers == ()
    assert messages(report) == [
        (9, "paper 'Schoenfeld's Anatomy of Reasoning': no arXiv id in link https://example.org/paper; ignored"),
    ]


def test_empty_link_line_warns_and_ignores_paper():
    text = HF_H3.replace("https://huggingface.co/papers/2512.19995", "")
    report = parse_report(text, "r.txt")
    assert report.papers == ()
    assert messages(report) == [
        (9, "paper 'Schoenfeld's Anatomy of Reasoning': empty link line; ignored"),
    ]


def test_paper_without_title_or_link_is_ignored_and_others_kept():
    second = HF_H3.split("============================================================\n", 1)[1]
    untitled = second.replace("## 📄 **Schoenfeld's Anatomy** of Reasoning   ", "## 📄")
    no_link_no_title = untitled.replace("- **链接**: https://huggingface.co/papers/2512.19995\n", "")
    other = second.replace("2512.19995", "2601.00002")
    report = parse_report(HF_H3 + untitled.replace("2512.19995", "2601.00001") + no_link_no_title + other, "r.txt")
    assert [p.arxiv_id for p in report.papers] == ["2512.19995", "2601.00002"]
    assert messages(report) == [
        (33, "paper 2601.00001 has no title; ignored"),
        (59, "untitled paper has no link line; ignored"),
    ]


def test_arxiv_paper_without_id_is_ignored():
    text = ARXIV.replace("https://arxiv.org/abs/2601.07823v1", "https://example.org/x").replace(
        "<a id='2601.07823v1'></a>", "<a id='x'></a>"
    )
    report = parse_report(text, "a.txt")
    assert "2601.07823" not in [p.arxiv_id for p in report.papers]
    assert any(m.endswith("has no arXiv id; ignored") for _, m in messages(report))


def test_missing_and_unrecognised_sections_warn():
    text = HF_HEADER + (
        "## 📄 Partial Paper\n\n- **链接**: https://huggingface.co/papers/2601.00001\n\n"
        "### 1. 应用领域\nNLP\n\n### 2. 核心贡献\n贡献。\n\n### 4. 创新点\n新。\n\n"
        "============================================================\n\n"
        "## 📄 Free Text Paper\n\n- **链接**: https://huggingface.co/papers/2601.00002\n\n"
        "这篇论文只有一段自由文本。\n"
    )
    report = parse_report(text, "r.txt")
    partial, free = report.papers
    assert [s.key for s in partial.sections] == ["field", "contribution", "innovations"]
    assert partial.section("contribution").heading == "2. 核心贡献"
    # nothing is dropped: a paper without sections is read from its whole body
    assert [(s.key, s.text, s.start_line, s.end_line) for s in free.sections] == [
        ("abstract", "这篇论文只有一段自由文本。", 26, 26)
    ]
    assert messages(report) == [
        (7, "paper 'Partial Paper': missing sections: 使用指南, 实验效果"),
        (
            22,
            "paper 'Free Text Paper' has no recognisable sections; its whole body (lines 26-26) is read as one section",
        ),
    ]


def test_duplicate_paper_keeps_first_and_warns_at_second():
    body = HF_H3.split("============================================================\n", 1)[1]
    report = parse_report(HF_H3 + body.replace("Schoenfeld", "Copy of"), "r.txt")
    assert len(report.papers) == 1
    assert report.papers[0].title == "Schoenfeld's Anatomy of Reasoning"
    assert messages(report) == [
        (33, "duplicate paper 2512.19995 (paper 'Copy of's Anatomy of Reasoning'), first at line 7; ignored"),
    ]


def test_a_report_header_without_papers_is_an_error():
    with pytest.raises(SourceError) as info:
        parse_report("# Hugging Face Daily Papers Report\n\n", "r.txt")
    assert info.value.message == no_paper_message()


def test_invalid_header_date_warns():
    report = parse_report(HF_H3.replace("2025-12-28\n", "soon\n", 1), "r.txt")
    assert report.date is None
    assert messages(report) == [(2, "report date 'soon' is not a valid date")]


def test_truncated_report_keeps_partial_paper():
    cut = HF_H3.index("### 3. 使用指南") + len("### 3. 使用指南\n*   **输入**：推")
    report = parse_report(HF_H3[:cut], "r.txt")
    (paper,) = report.papers
    assert [s.key for s in paper.sections] == ["field", "contribution", "usage"]
    assert paper.section("usage").text == "*   **输入**：推"
    assert paper.end_line == 19
    assert messages(report) == [
        (7, "paper 'Schoenfeld's Anatomy of Reasoning': missing sections: 主要创新点, 实验效果"),
    ]


def test_empty_section_warns():
    text = HF_H3.replace("提出了 ThinkARM。\n", "")
    report = parse_report(text, "r.txt")
    contribution = report.papers[0].section("contribution")
    assert (contribution.text, contribution.start_line, contribution.end_line) == ("", 15, 15)
    assert messages(report) == [
        (15, "paper 'Schoenfeld's Anatomy of Reasoning': section 一句话核心贡献 is empty"),
    ]


def test_garbage_inside_recognised_format_never_raises():
    pieces = [
        "## 📄",
        "## 📄 T",
        "### 1. 应用领域",
        "1. **实验效果**：",
        "**2. 核心贡献**",
        "=====",
        "- **链接**: ",
        "- **链接**: https://huggingface.co/papers/2601.1",
        "<a id='x'></a>",
        "## [](",
        "## [T](u)",
        "**Abstract:**",
        "**Links:**",
        "**Authors:**",
        "---",
        "",
        "**",
        "1. **",
        "# ",
        "\t",
        "文本",
        "**Published:** 2026-99-99",
        "time: 99999999",
    ]
    rng = random.Random(7)
    for head in ("# Hugging Face Daily Papers Report\n", "time: 20260113\n"):
        for _ in range(200):
            text = head + "\n".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
            try:
                report = parse_report(text, "g.txt")
            except SourceError as err:
                assert err.message == no_paper_message()
                continue
            assert report.format in ("hf-daily", "arxiv-cv", "markdown")
            for paper in report.papers:
                assert paper.start_line <= paper.end_line
                for s in paper.sections:
                    assert paper.start_line <= s.start_line <= s.end_line <= paper.end_line
                    if s.text:
                        assert s.text.count("\n") == s.end_line - s.start_line


# ---------------------------------------------------------------------------
# Files: read_report and iter_report_files
# ---------------------------------------------------------------------------


def test_read_report_hashes_bytes_and_keeps_path_string(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(HF_H3, encoding="utf-8")
    report = read_report(path)
    assert report.sha256 == hashlib.sha256(HF_H3.encode("utf-8")).hexdigest()
    assert report.path == str(path)
    assert report.papers[0].source == str(path)


def test_read_report_bom_and_crlf(tmp_path):
    path = tmp_path / "crlf.txt"
    data = b"\xef\xbb\xbf" + HF_H3.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(data)
    report = read_report(path)
    assert report.sha256 == hashlib.sha256(data).hexdigest()
    assert report.date == "2025-12-28"
    (paper,) = report.papers
    assert spans(paper)["usage"] == (19, 20)
    assert "\r" not in paper.section("usage").text


def test_read_report_cr_only_line_ends(tmp_path):
    path = tmp_path / "cr.txt"
    path.write_bytes(HF_H3.replace("\n", "\r").encode("utf-8"))
    (paper,) = read_report(path).papers
    assert spans(paper)["results"] == (27, 28)


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"", None, "empty file"),
        (b"\xef\xbb\xbf \n\n", None, "empty file"),
        (b"# Hugging\x00 Face\n", 1, "binary file, not a text report (NUL byte at line 1)"),
        (b"a\nb\n\x89PNG\x00\x00", 3, "binary file, not a text report (NUL byte at line 3)"),
        (b"\xff\xfe#\x00 \x00", 1, "not UTF-8 text (UTF-16 byte order mark)"),
        ("# Papers\n".encode("utf-32"), 1, "not UTF-8 text (UTF-32 byte order mark)"),
        ("# Papers\n".encode("utf-32-be"), 1, "binary file, not a text report (NUL byte at line 1)"),
        (b"\x00\x00\xfe\xff\x00\x00\x00#", 1, "not UTF-8 text (UTF-32 byte order mark)"),
        (b"line one\nline two\nbad \xff byte\n", 3, "not UTF-8 text (invalid byte 0xff at line 3)"),
        (b"\xef\xbb\xbfok\n\xe4\xb8\n", 2, "not UTF-8 text (invalid byte 0xe4 at line 2)"),
    ],
)
def test_read_report_rejects_bad_files(tmp_path, data, line, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(SourceError) as info:
        read_report(path)
    assert (info.value.path, info.value.line, info.value.message) == (str(path), line, message)


def test_read_report_missing_file_and_directory(tmp_path):
    with pytest.raises(SourceError) as info:
        read_report(tmp_path / "nope.txt")
    assert info.value.message == "file not found"
    assert info.value.path == str(tmp_path / "nope.txt")
    with pytest.raises(SourceError) as info:
        read_report(tmp_path)
    assert info.value.message == "is a directory, not a report file"


def test_read_report_without_papers(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nnothing here\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        read_report(path)
    assert info.value.message == no_paper_message()


def test_iter_report_files_expands_folders_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.txt", "b/1.md", "a/3.TXT", "a/skip.json", ".hidden/x.txt", "top.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    single = tmp_path / "a" / "skip.json"
    found = iter_report_files([tmp_path, single, tmp_path / "top.txt"])
    assert found == [
        tmp_path / "a" / "3.TXT",
        tmp_path / "b" / "1.md",
        tmp_path / "b" / "2.txt",
        tmp_path / "top.txt",
        single,
    ]
    assert iter_report_files(str(tmp_path / "top.txt")) == [tmp_path / "top.txt"]


def test_iter_report_files_missing_path_raises(tmp_path):
    with pytest.raises(SourceError) as info:
        iter_report_files([tmp_path / "missing"])
    assert info.value.path == str(tmp_path / "missing")
    assert info.value.message == "no such file or directory"


# ---------------------------------------------------------------------------
# The real sample reports
# ---------------------------------------------------------------------------

SEED_EXPECTED = [
    ("000_3d92274d0f9505a7.txt", "hf-daily", "2025-12-28", 7),
    ("001_ae3f07256f1b0f9f.txt", "hf-daily", "2026-01-01", 17),
    ("002_bb1a0437ee5d73ab.txt", "hf-daily", "2026-02-16", 23),
    ("003_52d6bea8cde2eb25.txt", "hf-daily", "2026-01-16", 23),
    ("004_598ffdc448aaeccc.txt", "arxiv-cv", "2026-01-13", 10),
]


def test_seed_reports():
    files = iter_report_files([SEEDS])
    assert [f.name for f in files] == [name for name, *_ in SEED_EXPECTED]
    total = 0
    for file, (name, fmt, date, count) in zip(files, SEED_EXPECTED):
        report = read_report(file)
        assert (report.format, report.date, len(report.papers)) == (fmt, date, count), name
        assert report.problems == (), name
        assert report.sha256 == hashlib.sha256(file.read_bytes()).hexdigest()
        keys = HF_KEYS if fmt == "hf-daily" else ARXIV_KEYS
        for paper in report.papers:
            assert paper.title and paper.url, (name, paper.start_line)
            assert re.fullmatch(r"\d{4}\.\d{4,5}", paper.arxiv_id), (name, paper.title)
            assert [s.key for s in paper.sections] == keys, (name, paper.title)
            assert all(s.text.strip() for s in paper.sections), (name, paper.title)
        total += len(report.papers)
    assert total == 80


def test_seed_spot_checks():
    hf = read_report(SEEDS / "001_ae3f07256f1b0f9f.txt")
    gr = next(p for p in hf.papers if p.arxiv_id == "2512.24210")
    assert gr.title == "GR-Dexter Technical Report"
    assert gr.section("field").start_line == 258
    assert gr.section("field").text.startswith("机器人学 - 具身智能与灵巧操作")
    assert [p.read_from for p in hf.papers].count("ArXiv Abs") == 3
    ax = read_report(SEEDS / "004_598ffdc448aaeccc.txt")
    first = ax.papers[0]
    assert first.title == "Video Generation Models in Robotics - Applications, Research Challenges, Future Directions"
    assert first.categories == ("eess.SY", "cs.RO")
    assert len(first.authors) == 12
    assert spans(first) == {"abstract": (74, 74), "analysis": (78, 147), "key_findings": (151, 151)}
    assert (first.start_line, first.end_line) == (63, 156)


def test_section_name_tables():
    assert list(hf_daily.section_names()) == HF_KEYS
    assert list(arxiv_cv.section_names()) == ARXIV_KEYS


# ---------------------------------------------------------------------------
# Limits: file size, line length, section length
# ---------------------------------------------------------------------------


def test_read_report_refuses_files_over_the_size_limit_without_reading_them(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:  # sparse: 100 MB on paper, nothing on disk
        f.truncate(100 * 1024 * 1024)
    with pytest.raises(SourceError) as info:
        read_report(path)
    assert info.value.line is None
    assert info.value.message == (
        "file too large (100 MB, limit 16 MB); raise the limit with --max-size if this really is one report"
    )
    small = tmp_path / "small.txt"
    small.write_text(HF_H3, encoding="utf-8")
    size = len(HF_H3.encode())
    with pytest.raises(SourceError, match=rf"file too large \({size} bytes, limit 100 bytes\)"):
        read_report(small, max_size=100)
    assert read_report(small, max_size=size).papers


def test_read_report_refuses_non_regular_files(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SourceError) as info:
        read_report(fifo)  # must not block waiting for a writer
    assert info.value.message == "not a regular file (a device, pipe or socket)"


def test_a_one_megabyte_line_is_cut_with_a_warning():
    long_line = "很长的一行 GPT-4o " * 80_000
    text = HF_H3.replace("在 Omni-MATH 上：\n", "在 Omni-MATH 上：" + long_line + "\n")
    report = parse_report(text, "r.txt")
    (paper,) = report.papers
    results = paper.section("results")
    assert len(results.text) < MAX_LINE_CHARS + 100
    assert spans(paper)["results"] == (27, 28)
    assert messages(report) == [
        (
            27,
            f"line is {len(long_line) + len('在 Omni-MATH 上：')} characters long; "
            f"only its first {MAX_LINE_CHARS} are read",
        ),
    ]


def test_a_file_that_is_one_megabyte_line_is_refused_quickly():
    text = HF_H3.replace("\n", " ") * (1_000_000 // len(HF_H3))
    with pytest.raises(SourceError) as info:
        parse_report(text, "one-line.txt")
    assert info.value.message == no_paper_message()


def test_overlong_section_is_cut_at_a_line_end():
    body = "\n".join(f"第 {i} 行：Foo-VL-13B 超越了 GPT-4o。" for i in range(3000))
    text = HF_H3.replace("在 Omni-MATH 上：\n", body + "\n")
    report = parse_report(text, "r.txt")
    (paper,) = report.papers
    results = paper.section("results")
    assert len(results.text) <= MAX_SECTION_CHARS
    assert results.text.count("\n") == results.end_line - results.start_line
    assert results.text.endswith("GPT-4o。")
    (msg,) = [m for _, m in messages(report)]
    assert msg.startswith("paper 'Schoenfeld's Anatomy of Reasoning': section 5. 实验效果 is ")
    assert f"only lines 27-{results.end_line}" in msg


def test_collect_report_files_reports_each_bad_path_and_keeps_the_others(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "x.json").write_text("{}", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("x", encoding="utf-8")
    files, errors = collect_report_files([tmp_path / "missing", tmp_path / "empty", good, tmp_path / "notes", good])
    assert files == [good]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'missing'}: no such file or directory",
        f"{tmp_path / 'empty'}: no report files (*.txt, *.md) in this folder",
        f"{tmp_path / 'notes'}: no report files (*.txt, *.md) in this folder",
    ]
    with pytest.raises(SourceError, match="no report files"):
        iter_report_files(tmp_path / "empty")
