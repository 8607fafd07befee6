"""Tests for the report layouts of kg.read: each layout on real reports,
the '# Papers for DATE' summary labels, the generic Markdown fallback, the
choice of layout and the refusal of a text without papers.

Inline fixtures start with a backslash-newline so that the first line of
the string is line 1 of the "file".
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.read import LAYOUTS, detect_layout, parse_report, read_report
from kg.read.labels import section_key

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "eval" / "dev" / "gold"
PAPERS_FOR = sorted(CASES.glob("dev-papers-for-*/papers-for-*.md"))
ARXIV_DEV = sorted(CASES.glob("dev-arxiv-cv-*/arxiv-cv-*.md"))
WEEKLY = CASES / "markdown-weekly-2026-03-02" / "weekly-ml-digest-2026-03-02.md"
LABELLED = ["field", "contribution", "abstract", "innovations", "results", "usage"]


def keys(paper):
    return [s.key for s in paper.sections]


def messages(report):
    return [(p.line, p.message) for p in report.problems]


def check_spans(report, text):
    """Every section's text is its lines of the file (1-based, inclusive)."""
    lines = text.split("\n")
    for paper in report.papers:
        for s in paper.sections:
            assert paper.start_line <= s.start_line <= s.end_line <= paper.end_line
            assert s.text.count("\n") == s.end_line - s.start_line
            first = s.text.split("\n")[0]
            assert first in lines[s.start_line - 1], (paper.title, s.key)


# ---------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------


def test_registry_lists_each_layout_once():
    names = [lay.name for lay in LAYOUTS]
    assert names == ["hf-daily", "arxiv-cv", "papers-for", "markdown"]
    assert all(lay.paper_heading.startswith("#") for lay in LAYOUTS)


@pytest.mark.parametrize(
    ("path", "name"),
    [
        (SEEDS / "000_3d92274d0f9505a7.txt", "hf-daily"),
        (SEEDS / "004_598ffdc448aaeccc.txt", "arxiv-cv"),
        *[(p, "arxiv-cv") for p in ARXIV_DEV],
        *[(p, "papers-for") for p in PAPERS_FOR],
        (WEEKLY, "markdown"),
    ],
)
def test_the_surest_detector_names_the_layout_of_real_reports(path, name):
    text = path.read_text(encoding="utf-8")
    assert detect_layout(text) == name
    scores = {lay.name: lay.detect(text.split("\n")) for lay in LAYOUTS}
    assert max(scores, key=scores.get) == name
    assert read_report(path).format == name


def test_a_layout_that_finds_no_paper_hands_over_to_the_next():
    # a Hugging Face title, but papers written as Markdown headings with links
    text = (
        "# Hugging Face Daily Papers Report\n**Date**: 2026-01-02\n\n"
        "## [A Paper](https://huggingface.co/papers/2601.00001)\n\nIt beats GPT-4o.\n"
    )
    report = parse_report(text, "r.md")
    assert report.format == "markdown"
    assert [p.arxiv_id for p in report.papers] == ["2601.00001"]
    assert report.date == "2026-01-02"  # from the header line
    assert any("generic Markdown layout" in m for _, m in messages(report))


def test_no_paper_anywhere_is_one_error_naming_layouts_and_headings(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\n## Ideas\n\nsee https://example.org\n", encoding="utf-8")
    with pytest.raises(SourceError) as info:
        read_report(path)
    message = info.value.message
    assert str(info.value) == f"{path}: {message}"
    assert "\n" not in message
    for lay in LAYOUTS:
        assert lay.name in message and lay.paper_heading in message


# ---------------------------------------------------------------------------
# Hugging Face and arXiv CV layouts on real reports
# ---------------------------------------------------------------------------


def test_seed_layouts_read_every_paper_without_warnings():
    counts = {}
    for path in sorted(SEEDS.glob("*.txt")):
        report = read_report(path)
        assert report.problems == (), path.name
        counts[report.format] = counts.get(report.format, 0) + len(report.papers)
        check_spans(report, path.read_text(encoding="utf-8"))
    assert counts == {"hf-daily": 70, "arxiv-cv": 10}


@pytest.mark.parametrize("path", ARXIV_DEV, ids=lambda p: p.stem)
def test_arxiv_dev_reports(path):
    report = read_report(path)
    assert report.format == "arxiv-cv" and report.problems == ()
    assert report.date == re.search(r"\d{4}-\d{2}-\d{2}", path.name).group(0)
    assert len(report.papers) == 10
    for paper in report.papers:
        assert keys(paper) == ["abstract", "analysis", "key_findings"]
        assert paper.authors and paper.categories
    check_spans(report, path.read_text(encoding="utf-8"))


ARXIV_HEADED = """\
# Arxiv Computer Vision Papers - 2026-10-02

## Papers

<a id='2610.00002v1'></a>
## [QuxNav: Planning Routes with Learned Floor Plans](https://arxiv.org/abs/2610.00002v1)

**Authors:** Ada Zorb, Bo Quux

**Published:** 2026-10-01

**Categories:** cs.RO

**Abstract:**

We present QuxNav, a planner that reads learned floor plans.

### 论文解读
#### 摘要翻译
本文提出 QuxNav 规划器。
#### 方法动机分析
已有规划器忽略楼层布局。
#### 实验分析（精简版）
QuxNav 在 Habitat 上优于 ZorbNav。
#### 总结
楼层布局引导路径规划。

**Links:**

- [arXiv](https://arxiv.org/abs/2610.00002v1)
"""


def test_arxiv_variant_with_headed_analysis_reads_its_sections():
    """'### 论文解读' opens the analysis and '#### 实验分析（精简版）' the
    key findings (the experiments); the headings below them stay text."""
    report = parse_report(ARXIV_HEADED, "arxiv-cv-2026-10-02.md")
    assert (report.format, report.problems) == ("arxiv-cv", ())
    (paper,) = report.papers
    assert keys(paper) == ["abstract", "analysis", "key_findings"]
    sections = {s.key: s.text for s in paper.sections}
    assert "已有规划器忽略楼层布局" in sections["analysis"] and "Habitat" not in sections["analysis"]
    assert sections["key_findings"].startswith("QuxNav 在 Habitat 上优于 ZorbNav")  # the gloss is no text
    check_spans(report, ARXIV_HEADED)


def test_arxiv_classic_layout_opens_each_section_once_whatever_its_label():
    """In the classic layout a heading '### 实验分析' inside the analysis opens
    the key findings, and the **Key Findings:** label after it is text of
    that one section, not a second one."""
    text = (
        ARXIV_HEADED.replace("### 论文解读\n", "**Analysis:**\n\n")
        .replace("#### 总结", "**Key Findings:**")
        .replace("#### 实验分析（精简版）", "### 实验分析")
    )
    report = parse_report(text, "arxiv-cv-2026-10-02.md")
    (paper,) = report.papers
    assert keys(paper) == ["abstract", "analysis", "key_findings"]
    assert "楼层布局引导路径规划" in paper.sections[2].text


def test_a_digest_with_key_findings_headings_is_not_read_as_arxiv_cv():
    """Headings alone (``### Key Findings``) are not the arXiv CV layout's own
    bold labels: a generic digest that writes them stays generic Markdown."""
    text = "\n".join(
        [
            "# Weekly picks",
            "",
            "## [ZorbNet: A Study](https://arxiv.org/abs/2610.00003)",
            "",
            "### Summary",
            "ZorbNet beats QuxNet on GSM8K.",
            "",
            "### Analysis",
            "ZorbNet trains longer.",
            "",
            "### Key Findings",
            "ZorbNet is faster.",
            "",
            "## [QuxNet: Another](https://arxiv.org/abs/2610.00004)",
            "",
            "### Summary",
            "QuxNet is small.",
            "",
        ]
    )
    assert parse_report(text, "weekly.md").format != "arxiv-cv"


# ---------------------------------------------------------------------------
# '# Papers for DATE'
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "count"), list(zip(PAPERS_FOR, [15, 14, 61])), ids=lambda x: getattr(x, "stem", x))
def test_papers_for_reports_read_every_paper(path, count):
    report = read_report(path)
    assert (report.format, report.problems) == ("papers-for", ())
    assert report.date == path.stem.removeprefix("papers-for-")
    assert len(report.papers) == count
    for paper in report.papers:
        assert paper.url.startswith("https://arxiv.org/pdf/") and paper.url.endswith(paper.arxiv_id)
        assert paper.sections and paper.sections[0].text
    check_spans(report, path.read_text(encoding="utf-8"))


@pytest.mark.skipif(not GOLD.is_dir(), reason="needs ../shared/eval")
@pytest.mark.parametrize("path", PAPERS_FOR, ids=lambda p: p.stem)
def test_papers_for_titles_ids_links_and_dates_match_the_gold(path):
    gold = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))
    report = read_report(path)
    assert report.date == gold["report_date"]
    assert [(p.title, p.arxiv_id, p.url) for p in report.papers] == [
        (g["title"], g["arxiv_id"], g["url"]) for g in gold["papers"]
    ]


def test_papers_for_labelled_summary_becomes_sections():
    path = next(p for p in PAPERS_FOR if "09-23" in p.name)
    report = read_report(path)
    rpg = report.papers[0]
    assert (rpg.title, rpg.arxiv_id, rpg.start_line) == (
        "RPG: A Repository Planning Graph for Unified and Scalable Codebase Generation",
        "2509.16198",
        5,
    )
    assert keys(rpg) == LABELLED
    assert [s.heading for s in rpg.sections] == [
        "核心关键字",
        "1-Sentence Core Summary",
        "Main Research Question or Objective",
        "Key Methodology",
        "Primary Results",
        "Principal Implication for AI Practitioners",
    ]
    assert rpg.section("field").text == "仓库级代码生成, 仓库规划图(RPG), 统一规划, 可扩展生成"
    assert rpg.section("results").text.startswith("在包含1052个任务的RepoCraft基准测试上")
    assert all(s.start_line == 6 for s in rpg.sections)
    # Chinese labels, one without a colon
    asr = next(p for p in report.papers if p.arxiv_id == "2509.16622")
    assert keys(asr) == LABELLED
    assert asr.section("field").heading == "核心关键词"
    assert asr.section("usage").text.startswith("这项工作为AI从业者揭示了")


def test_papers_for_summary_without_labels_is_one_section():
    path = next(p for p in PAPERS_FOR if "09-23" in p.name)
    lynx = next(p for p in read_report(path).papers if p.arxiv_id == "2509.15496")
    (section,) = lynx.sections
    assert (section.key, section.heading, section.start_line) == ("abstract", "summary", 24)
    assert section.text.startswith("**个性化视频生成, 扩散Transformer")
    assert section.text.endswith("为开发定制化视频应用提供了直接的技术参考。")


def test_papers_for_keywords_label_then_unlabelled_sentences():
    path = next(p for p in PAPERS_FOR if "10-02" in p.name)
    nurl = next(p for p in read_report(path).papers if "NuRL" in p.sections[-1].text)
    assert keys(nurl) == ["field", "abstract"]
    assert nurl.section("field").text == "大语言模型 (LLMs), 强化学习 (RL), NuRL, 提示, 推理边界"
    assert nurl.section("abstract").text.startswith("本文提出了一种名为NuRL的")


PAPERS_FOR_VARIANTS = """\
# Papers for 2025-11-05

## [Plain Labels](https://arxiv.org/abs/2511.00001)
summary:核心关键词: 扩散模型, 蒸馏 一句话核心摘要：提出 FooNet。 主要成果 在 ImageNet 上超越了 DiT。

## 1. [Numbered English Labels](https://arxiv.org/pdf/2511.00002v1)
summary: i) **Core Keywords**: diffusion ii) **Primary Results**: FooNet beats DiT on ImageNet.
It also runs faster.

## 2.[No Summary Line](https://arxiv.org/pdf/2511.00003)

Just a paragraph about BarNet.

## 3.[No Id](https://example.org/paper)
summary: text

## 4.[Bullets](https://arxiv.org/pdf/2511.00004)
summary:
- **核心关键词：** 扩散
- **Key Methodology:** FooNet reaches 81.5. **Primary Results:** it beats X.
"""


def test_papers_for_label_variants_and_warnings():
    report = parse_report(PAPERS_FOR_VARIANTS, "p.md")
    assert report.format == "papers-for" and report.date == "2025-11-05"
    plain, numbered, bare, bullets = report.papers
    assert [(s.key, s.heading, s.text) for s in plain.sections] == [
        ("field", "核心关键词", "扩散模型, 蒸馏"),
        ("contribution", "一句话核心摘要", "提出 FooNet。"),
        ("results", "主要成果", "在 ImageNet 上超越了 DiT。"),
    ]
    assert [(s.key, s.text, s.start_line, s.end_line) for s in numbered.sections] == [
        ("field", "diffusion", 7, 7),
        ("results", "FooNet beats DiT on ImageNet.\nIt also runs faster.", 7, 8),
    ]
    assert numbered.arxiv_id == "2511.00002"
    assert [(s.key, s.text, s.start_line) for s in bare.sections] == [
        ("abstract", "Just a paragraph about BarNet.", 12)
    ]
    assert messages(report) == [
        (
            10,
            "paper 'No Summary Line' has no recognisable sections; its whole body (lines 12-12) is read as one section",
        ),
        (14, "paper 'No Id' has no arXiv id in its link https://example.org/paper; ignored"),
    ]


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("核心关键词", "field"),
        ("**Core Keywords**:", "field"),
        ("i) **Core Keywords**", "field"),
        ("一句话核心总结", "contribution"),
        ("1-Sentence Core Summary", "contribution"),
        ("主要研究问题或目标", "abstract"),
        ("Main Research Question or Objective", "abstract"),
        ("关键方法论", "innovations"),
        ("Key Methodology", "innovations"),
        ("主要成果", "results"),
        ("**Primary Results**", "results"),
        ("对AI从业者的主要启示", "usage"),
        ("Principal Implication for AI Practitioners", "usage"),
        ("Key Findings", "key_findings"),
        ("Analysis", "analysis"),
        ("5. 实验效果 (Results)", "results"),
        ("Authors", None),
        ("视觉语言模型", None),
    ],
)
def test_section_labels_map_to_the_keys_of_the_other_layouts(label, key):
    assert section_key(label) == key


# ---------------------------------------------------------------------------
# The generic Markdown layout
# ---------------------------------------------------------------------------


def test_generic_layout_reads_a_digest_no_module_knows():
    report = read_report(WEEKLY)
    assert report.format == "markdown"
    assert report.date == "2026-03-02"  # from the file name
    foo, baz, qux = report.papers
    assert (foo.title, foo.url, foo.arxiv_id, foo.start_line, foo.end_line) == (
        "Foo-VL: Scaling Visual Instruction Tuning",
        "https://arxiv.org/abs/2603.01234",
        "2603.01234",
        5,
        11,
    )
    assert [(s.key, s.heading, s.start_line) for s in foo.sections] == [
        ("abstract", "Abstract", 7),
        ("results", "Results", 9),
    ]
    assert foo.section("results").text.startswith("On IFEval, Foo-VL-13B scores 90.2")
    assert foo.authors == ("Ada Lovelace", "Alan Turing")
    assert (baz.arxiv_id, keys(baz)) == ("2603.04321", ["abstract"])
    # a paper known by its OpenReview link only, found by the link under its heading
    assert (qux.title, qux.arxiv_id, qux.url) == (
        "Qux: Reasoning with Latent Plans",
        None,
        "https://openreview.net/forum?id=AbCdEf123",
    )
    assert [(s.key, s.heading, s.text) for s in qux.sections] == [
        ("innovations", "Method", "Qux trains Llama-3-8B with a latent planning loss."),
        ("results", "Experiments", "Qux beats Llama-3-8B-Instruct on GSM8K (71.2 vs 65.0)."),
    ]
    assert messages(report) == [
        (
            None,
            "read with the generic Markdown layout: papers are the level-2 headings that carry a "
            "paper link or arXiv id",
        ),
        (
            13,
            "paper 'Baz: Speculative Decoding Without Drafts' has no recognisable sections; its whole "
            "body (lines 15-15) is read as one section",
        ),
    ]
    check_spans(report, WEEKLY.read_text(encoding="utf-8"))


GENERIC = """\
---
title: Reading list
date: 2026-02-01
---

# Reading list

### [2602.00001] 🔥 Alpha: A Model [[PDF](https://arxiv.org/pdf/2602.00001)] [[Code](https://github.com/a/b)]
TL;DR: Alpha is small.
Results: Alpha beats Beta on GSM8K.

### Beta (doi.org/10.1000/xyz)
- **Paper**: https://doi.org/10.1000/xyz
**Notes**: a note on Beta.
"""


def test_generic_layout_front_matter_date_titles_and_labels():
    report = parse_report(GENERIC, "list.md")
    assert report.date == "2026-02-01"
    alpha, beta = report.papers
    assert (alpha.title, alpha.arxiv_id, alpha.url) == (
        "Alpha: A Model",
        "2602.00001",
        "https://arxiv.org/pdf/2602.00001",
    )
    assert [(s.key, s.heading, s.text) for s in alpha.sections] == [
        ("contribution", "TL;DR", "Alpha is small."),
        ("results", "Results", "Alpha beats Beta on GSM8K."),
    ]
    assert beta.url == "https://doi.org/10.1000/xyz" and beta.arxiv_id is None
    assert [(s.key, s.heading, s.text) for s in beta.sections] == [("abstract", "Notes", "a note on Beta.")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("# Digest 2025/9/23\n\n## [T](https://arxiv.org/abs/2509.00001)\nx\n", "2025-09-23"),
        ("# Digest\n\n## [T](https://arxiv.org/abs/2509.00001)\nx\n", None),
    ],
)
def test_generic_layout_date_from_the_first_heading_else_a_warning(text, date):
    report = parse_report(text, "digest.md")
    assert report.date == date
    warned = any(m.startswith("no report date found") for _, m in messages(report))
    assert warned == (date is None)


def test_generic_layout_reads_a_hugging_face_report_whose_paper_headings_changed():
    # '## 📑' instead of '## 📄': the Hugging Face layout finds no paper, the
    # generic one finds every paper by the link under its heading, skips the
    # '# 研究报告' title some papers carry, and keeps '## 1. 应用领域'
    # section headings of the paper level inside the paper
    path = SEEDS / "000_3d92274d0f9505a7.txt"
    text = path.read_text(encoding="utf-8")
    hf = parse_report(text, path.name)
    generic = parse_report(text.replace("## 📄", "## 📑"), path.name)
    assert generic.format == "markdown" and generic.date == hf.date
    assert [m for _, m in messages(generic)] == [
        "read with the generic Markdown layout: papers are the level-2 headings that carry a paper link or arXiv id"
    ]
    assert [(p.title, p.arxiv_id, p.url, p.read_from) for p in generic.papers] == [
        (p.title, p.arxiv_id, p.url, p.read_from) for p in hf.papers
    ]
    for a, b in zip(hf.papers, generic.papers):
        assert keys(a) == keys(b)
        assert [s.end_line for s in a.sections] == [s.end_line for s in b.sections]


def test_generic_layout_reads_inline_labels_of_a_digest_without_its_title():
    # a '# Papers for' digest without its title line and 'summary:' prefixes is
    # no longer that layout: the generic one reads it, inline labels included
    path = next(p for p in PAPERS_FOR if "09-23" in p.name)
    text = path.read_text(encoding="utf-8")
    known = parse_report(text, path.name)
    generic = parse_report(text.replace("# Papers for", "# Digest for").replace("summary:", ""), path.name)
    assert generic.format == "markdown" and generic.date == "2025-09-23"
    assert [(p.title, p.arxiv_id, p.url) for p in generic.papers] == [
        (p.title, p.arxiv_id, p.url) for p in known.papers
    ]
    labelled = [(a, b) for a, b in zip(known.papers, generic.papers) if len(a.sections) > 1]
    assert len(labelled) == 10
    for a, b in labelled:
        assert [(s.key, s.text) for s in a.sections] == [(s.key, s.text) for s in b.sections]


@pytest.mark.parametrize("first, second", [("000", "004"), ("004", "001")])
def test_two_reports_of_different_layouts_in_one_file_are_an_error(tmp_path, first, second):
    """Two reports concatenated in one file would lose the second's papers
    silently; the file is an error located where the second report's papers start."""
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    a, b = (next(seeds.glob(f"{n}_*.txt")).read_text(encoding="utf-8") for n in (first, second))
    path = tmp_path / "two.txt"
    path.write_text(a + "\n" + b, encoding="utf-8")
    with pytest.raises(SourceError) as info:
        read_report(path)
    assert info.value.line is not None and info.value.line > a.count("\n")
    assert "one file holds one report; split the file" in info.value.message
