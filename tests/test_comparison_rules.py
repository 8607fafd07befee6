"""The comparison rules as a table: one row per sentence written for the
test (names partly in no gazetteer: Zorblax, ZorbNet), with the comparison
rows the extractor must return for it, as (winner, loser, dataset, metric)
names.  Each row runs the whole extractor on a one-section paper; the set
of rows must be exactly the expected one (no missing, no extra row).

Families: cue verbs (beats/outperforms, 优于/超过/超越), reverse cues
(lags behind, 落后于, second only to, 仅次于), from-to gains of the
paper's own system over its base model, and "all baselines" expanded to
the baselines the paper names.  Rows marked xfail are known gaps of the
rules, kept here so that a fix shows as a pass to move into the table.
"""

from __future__ import annotations

import pytest

from conftest import make_paper
from kg.extract.extractor import Extractor

#: a contribution that makes Zorblax the paper's own system (Chinese and English)
OWN_ZH = "我们提出了 Zorblax，一种新的推理方法。"
OWN_EN = "We propose ZorbNet, a new decoding method."
#: a contribution that makes Zorblax-1M the paper's own dataset
OWN_DATA_ZH = "我们构建了 Zorblax-1M，一个大规模视频动作数据集。"
OWN_DATA_EN = "We introduce Zorblax-1M, a large-scale video action dataset."


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def rows_of(rec: dict) -> set[tuple]:
    """The record's comparisons as (winner, loser, dataset, metric) names."""
    names = {e["key"]: e["name"] for e in rec["entities"]}
    return {
        (names[c["winner"]], names[c["loser"]], names.get(c["dataset"]), names.get(c["metric"]))
        for c in rec["comparisons"]
    }


def known_gap(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True)


RULES = [
    # -- cue verbs, English ---------------------------------------------------------
    pytest.param(
        "",
        "Zorblax-7B beats Mistral-7B and Qwen2-7B on GSM8K.",
        {("Zorblax-7B", "Mistral-7B", "GSM8K", None), ("Zorblax-7B", "Qwen2-7B", "GSM8K", None)},
        id="beats-two-losers",
    ),
    pytest.param(
        "",
        "On WMT14, Zorblax-7B outperforms Llama-3-8B in BLEU.",
        {("Zorblax-7B", "Llama-3-8B", "WMT14", "BLEU")},
        id="outperforms-dataset-first",
    ),
    pytest.param(
        "",
        "Zorblax-7B surpasses GPT-4o on MATH with an accuracy of 61.3%.",
        {("Zorblax-7B", "GPT-4o", "MATH", None)},
        id="surpasses-dataset-after",
    ),
    pytest.param(
        "",
        "Zorblax-7B does not outperform GPT-4o on MMLU.",
        set(),
        id="negated-outperforms",
    ),
    pytest.param(
        OWN_ZH,
        "受限于参数量，Zorblax 的理解深度可能仍不如数十亿参数的大模型（如 Mistral-7B 或 Qwen2-7B）。",
        set(),
        id="hedged-limitation-zh",
    ),
    pytest.param(
        "",
        "Zorblax-7B may lag behind Mistral-7B on GSM8K.",
        set(),
        id="hedged-loss-en",
    ),
    pytest.param(  # 'surpasses or approaches': a hedged win states no outperformance
        OWN_ZH,
        "在最大预算下，Zorblax 甚至超越或接近了 Mistral-7B 等多个同规模的智能体。",
        set(),
        id="surpass-or-approach-is-hedged-zh",
    ),
    pytest.param(
        "",
        "这意味着 Zorblax-7B 可能在处理复杂语义方面，不如现有的 Mistral-7B 等模型强大。",
        set(),
        id="hedge-before-the-comma-zh",
    ),
    pytest.param(  # a condition states no result
        OWN_ZH,
        "如果任务超出了基座模型见过的领域（Quux-Domain），Zorblax 的泛化表现会大幅下降；假如换用 Zorblax，准确率将优于 Mistral-7B。",
        set(),
        id="conditional-is-no-claim-zh",
    ),
    pytest.param(
        "",
        "Zorblax-7B 使实时推理成为可能，并在 GSM8K 上超越 Mistral-7B。",
        {("Zorblax-7B", "Mistral-7B", "GSM8K", None)},
        id="made-possible-is-no-hedge",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 表现出竞争力或超越现有 Quibble 方法，在 GSM8K 上达到 90.0% 的准确率。",
        set(),
        id="competitive-or-better-is-no-win-zh",
    ),
    pytest.param(
        OWN_ZH,
        "在色彩控制方面，Zorblax 在 K=5 时的平均误差为 7.16，远低于 Mistral-7B（10.91）。",
        {("Zorblax", "Mistral-7B", None, None)},
        id="lower-error-than-wins-zh",
    ),
    pytest.param(
        OWN_ZH,
        "在 GSM8K 上，Zorblax 在总分上优于基线，且漂移指标（0.257）显著低于 Mistral-7B（0.355）。",
        {("Zorblax", "Mistral-7B", "GSM8K", None)},
        id="lower-drift-than-wins-zh",
    ),
    pytest.param(
        OWN_ZH,
        "在 GSM8K 上，准确率较 Mistral-7B 提升了 6.3%，在 F1 上优于 Qwen2-7B。",
        {("Zorblax", "Mistral-7B", "GSM8K", "Accuracy"), ("Zorblax", "Qwen2-7B", "GSM8K", "Accuracy")},
        id="object-of-a-cue-is-no-frame-subject-zh",
    ),
    pytest.param(
        OWN_ZH,
        "最后，通过最大化正样本组相对于负样本组的偏好似然来直接优化模型，这一设计消除了 DPO 框架中的配分函数。",
        set(),
        id="a-verb-phrase-with-a-modifier-is-no-described-baseline-zh",
    ),
    pytest.param(
        "",
        "在 Qwen2-7B 模型上，ZorbRL 方法在 GSM8K 上相较于 Mistral-7B 提升了 2.8 点。",
        {("ZorbRL", "Mistral-7B", "GSM8K", None)},
        id="the-model-framed-by-zai-shang-is-no-frame-subject-zh",
    ),
    pytest.param(
        OWN_ZH,
        "在 GSM8K 的压力测试中，Zorblax 的一致性指标（QCS）及人类偏好（Pref.）均远超 Mistral-7B 等基线。",
        {("Zorblax", "Mistral-7B", "GSM8K", "QCS")},
        id="human-preference-gloss-is-a-metric-zh",
    ),
    pytest.param(  # a list of glossed names closed by 指标 names measures, none of them a winner
        OWN_ZH,
        "Zorblax 在 Quuxness（灵敏度）和 Plonk Depth（深度感）等关键指标上显著优于 Mistral-7B。",
        {("Zorblax", "Mistral-7B", None, None)},
        id="glossed-metrics-listed-before-zhibiao-zh",
    ),
    pytest.param(  # a name after a system and 的, reaching a value, is that system's measure
        OWN_ZH,
        "Zorblax 的 QAURC 达到了 38.4%，显著高于 Mistral-7B 的约 35%。",
        {("Zorblax", "Mistral-7B", None, "QAURC")},
        id="possessed-measure-is-no-winner-zh",
    ),
    pytest.param(  # even a measure the paper proposes
        "我们提出了 Zorblax，并提出秩准确性曲线下面积（QAURC）作为新指标。",
        "Zorblax 的 QAURC 达到了 38.4%，显著高于 Mistral-7B 的约 35%。",
        {("Zorblax", "Mistral-7B", None, "QAURC")},
        id="possessed-proposed-measure-is-no-winner-zh",
    ),
    pytest.param(  # a name before 距离 is a distance measure, the subject is the paper's own
        OWN_ZH,
        "与 Mistral-7B 相比，其 QEPIC 距离降低了 60%。",
        {("Zorblax", "Mistral-7B", None, "QEPIC")},
        id="a-distance-is-a-measure-zh",
    ),
    pytest.param(  # an average of a new name reaching a value: the name is a measure
        OWN_ZH,
        "在 BarBench 上，Zorblax 实现了最先进的平均加速比，平均 QAMSR 达到 3.70，优于 Mistral-7B 和 Qwen2-7B 等模型。",
        {("Zorblax", "Mistral-7B", "BarBench", "Speedup"), ("Zorblax", "Qwen2-7B", "BarBench", "Speedup")},
        id="an-averaged-measure-is-no-winner-zh",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在提示对齐（Prompt Alignment）和运动真实感（Motion Realism）方面均优于 Mistral-7B 和 Qwen2-7B。",
        {("Zorblax", "Mistral-7B", None, None), ("Zorblax", "Qwen2-7B", None, None)},
        id="a-glossed-aspect-is-no-winner-zh",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GSM8K 数据集上能够匹配甚至超越专门的推理方法（如 Mistral-7B, Qwen2-7B）。",
        set(),
        id="match-or-even-surpass-is-no-win-zh",
    ),
    pytest.param(
        OWN_ZH,
        "与现有的先进方法（如 Mistral-7B 和 Qwen2-7B）相比，Zorblax 在不同阈值下都取得了更高的成功率。",
        {("Zorblax", "Mistral-7B", None, "Success Rate"), ("Zorblax", "Qwen2-7B", None, "Success Rate")},
        id="every-member-in-parentheses-before-the-frame-zh",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 实现了 85.5% 的平均成功率，显著优于交替触觉-视觉基线（66.3%）和纯视觉基线（55.4%）。",
        {("Zorblax", "纯视觉基线", None, "Success Rate")},
        id="described-baseline-with-its-score-zh",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GSM8K 上得分 0.75，与当前最先进的模型（如 Mistral-7B, Qwen2-7B 等）相当，并在推理任务上超越了 Gemma-7B。",
        {("Zorblax", "Gemma-7B", "GSM8K", None)},
        id="examples-in-another-clause-are-no-subject-zh",
    ),
    pytest.param(
        "",
        "Qwen2-7B and Mistral-7B reach 66-75% accuracy, compared to >90% for humans, yet surpass GPT-4o (59%).",
        {("Qwen2-7B", "GPT-4o", None, None), ("Mistral-7B", "GPT-4o", None, None)},
        id="coordinated-subjects-both-win",
    ),
    pytest.param(
        OWN_ZH,
        "在实验中，Zorblax 在Google Robot上的性能从66.1%提升到84.6%，在WidowX Robot上的性能从54.7%提升到73.2%。",
        set(),
        id="a-robot-platform-word-is-no-base-zh",
    ),
    pytest.param(
        "",
        "Qwen2-7B、Mistral-7B 和 Gemma-7B 均超越了 GPT-4o。",
        {("Qwen2-7B", "GPT-4o", None, None), ("Mistral-7B", "GPT-4o", None, None), ("Gemma-7B", "GPT-4o", None, None)},
        id="coordinated-subjects-all-win-zh",
    ),
    pytest.param(
        OWN_ZH,
        "与 Qwen2-7B 和 Mistral-7B 相比，Zorblax 超越了 GPT-4o。",
        {("Zorblax", "GPT-4o", None, None)},
        id="a-compared-list-is-no-subject-zh",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的通过率为 81.2，远低于 Mistral-7B（90.1）。",
        {("Mistral-7B", "Zorblax", None, None)},
        id="lower-rate-than-loses-zh",
    ),
    pytest.param(
        "",
        "On QuuxBench, Zorblax-7B outperforms Llama-3-8B by 4.2 points in accuracy.",
        {("Zorblax-7B", "Llama-3-8B", "QuuxBench", "Accuracy")},
        id="outperforms-lowercase-metric",
        marks=known_gap("a lower-case English metric word ('in accuracy') is not marked as a metric"),
    ),
    pytest.param(
        "",
        "On COCO, Zorblax-Det outperforms YOLOv8 by 2.1 mAP.",
        {("Zorblax-Det", "YOLOv8", "COCO", "mAP")},
        id="outperforms-det-suffix",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet achieves a 12% improvement in recall over QuxNet on GSM8K.",
        {("ZorbNet", "QuxNet", "GSM8K", None)},
        id="improvement-in-a-measure-over",
    ),
    pytest.param(
        OWN_EN,
        "We find that ZorbNet improves answer grounding over QuxNet.",
        {("ZorbNet", "QuxNet", None, None)},
        id="improves-an-object-over",
    ),
    pytest.param(
        OWN_EN,
        "Our method yields gains of up to 9% over Llama-3-8B on MATH.",
        {("ZorbNet", "Llama-3-8B", "MATH", None)},
        id="gains-of-an-amount-over",
    ),
    # -- cue verbs, Chinese ---------------------------------------------------------
    pytest.param(
        OWN_ZH,
        "就连领先模型 QuxNet，在 BarBench 上的通过率也只有 23%。",
        set(),
        id="zh-lingxian-as-an-adjective-states-no-win",
    ),
    pytest.param(
        "", "Zorblax 领先 QuxNet 3.2 个百分点。", {("Zorblax", "QuxNet", None, None)}, id="zh-lingxian-as-a-verb"
    ),
    pytest.param(
        "",
        "在 MATH 上 Zorblax 的总分为 52.3，高于 GRPO 基线 QuxNet-β 的 49.8。",
        {("Zorblax", "QuxNet-β", "MATH", None)},
        id="zh-a-class-before-baseline-names-no-loser",
    ),
    pytest.param(
        "",
        "Zorblax 优于 QuxNet 基线和 BlorpPlan。",
        {("Zorblax", "QuxNet", None, None), ("Zorblax", "BlorpPlan", None, None)},
        id="zh-a-baseline-head-then-a-list",
    ),
    pytest.param(
        "",
        "Zorblax 在成功率上超越了 π₀.₅。",
        {("Zorblax", "π0.5", None, "Success Rate")},
        id="zh-a-subscript-version-is-the-whole-name",
    ),
    pytest.param(
        OWN_ZH,
        "分析显示，VLMs 在默认设置下的准确率低于 QuxNet，但加入提示后可以超越 BlorpNet。",
        {("Zorblax", "BlorpNet", None, "Accuracy")},
        id="zh-a-plural-class-as-subject-is-no-own-system",
    ),
    pytest.param(
        OWN_ZH,
        "层级对比学习（特别是带温度调度时）在细粒度检索上优于 QuxLoss 和二元损失。",
        set(),
        id="zh-a-technique-phrase-as-subject-is-no-own-system",
    ),
    pytest.param(
        OWN_ZH,
        "该方法在 MATH 上优于 QuxNet。",
        {("Zorblax", "QuxNet", "MATH", None)},
        id="zh-a-self-reference-subject-is-the-own-system",
    ),
    pytest.param(
        OWN_ZH,
        "在少样本学习方面优于 QuxNet，凭借稀疏注意力机制在 MATH 上也超越了 BlorpNet。",
        {("Zorblax", "QuxNet", "MATH", None), ("Zorblax", "BlorpNet", "MATH", None)},
        id="zh-a-framing-phrase-is-no-subject",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 优于模型 QuxNet。",
        {("Zorblax", "QuxNet", None, None)},
        id="zh-a-cue-before-a-class-noun-still-wins",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的计算开销低于强化学习基线 LLM。",
        set(),
        id="zh-a-generic-class-after-a-baseline-head-is-no-name",
    ),
    pytest.param(
        "",
        "在 GSM8K 上，Zorblax-7B 的准确率优于 Llama-3-8B。",
        {("Zorblax-7B", "Llama-3-8B", "GSM8K", "Accuracy")},
        id="zh-youyu",
    ),
    pytest.param(
        "",
        "Zorblax-7B 在 MMLU 上超过了 GPT-4o 和 Claude-3.5-Sonnet。",
        {("Zorblax-7B", "GPT-4o", "MMLU", None), ("Zorblax-7B", "Claude 3.5 Sonnet", "MMLU", None)},
        id="zh-chaoguo-list",
    ),
    pytest.param(
        "",
        "在 MATH 上，Zorblax-7B 取得 61.3% 的准确率，超过 Qwen2-7B（55.0%）。",
        {("Zorblax-7B", "Qwen2-7B", "MATH", "Accuracy")},
        id="zh-chaoguo-scores",
    ),
    pytest.param(
        "",
        "Zorblax-7B 在 MMLU 上超越了 Llama-3-8B，但在 MATH 上落后于 GPT-4o。",
        {("Zorblax-7B", "Llama-3-8B", "MMLU", None), ("GPT-4o", "Zorblax-7B", "MATH", None)},
        id="zh-two-clauses-own-datasets",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GSM8K 上胜过 ZorbNet 7个百分点。",
        {("Zorblax", "ZorbNet", "GSM8K", None)},
        id="zh-amount-after-the-loser-is-no-version",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的成绩好于 QuxBench 与 ZorbEval 上的各个开源模型。",
        set(),
        id="zh-a-list-closed-by-shang-is-a-setting-not-losers",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 胜过 QuxBench 和 ZorbEval 上的开源模型。",
        set(),
        id="zh-a-list-closed-by-shang-before-a-short-head",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的训练比 ZorbNet、QuxNet 等蒸馏方法快 3 倍。",
        {("Zorblax", "ZorbNet", None, None), ("Zorblax", "QuxNet", None, None)},
        id="zh-than-members-of-a-class",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的重建误差比 ZorbNet 低 30%。",
        {("Zorblax", "ZorbNet", None, None)},
        id="zh-than-lower-wins-for-an-error-only",
    ),
    pytest.param(OWN_ZH, "Zorblax 比 QuxNet 准确率低 4%。", set(), id="zh-than-a-lower-accuracy-is-no-win"),
    pytest.param(
        OWN_ZH,
        "Zorblax 比 QuxNet 显存占用大幅减少了约 5 倍。",
        {("Zorblax", "QuxNet", None, "Memory Usage")},
        id="zh-than-a-cost-reduced-wins",
    ),
    pytest.param(OWN_ZH, "Zorblax 比 QuxNet 推理延迟高 40%。", set(), id="zh-than-a-higher-cost-is-no-win"),
    pytest.param(
        OWN_ZH,
        "Zorblax 比 QuxNet 显存占用低 35%。",
        {("Zorblax", "QuxNet", None, "Memory Usage")},
        id="zh-than-a-cost-lower-wins",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 比 QuxNet 推理延迟更低。",
        {("Zorblax", "QuxNet", None, "Latency")},
        id="zh-than-a-cost-even-lower-wins",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 比 QuxNet 准确率更高。",
        {("Zorblax", "QuxNet", None, "Accuracy")},
        id="zh-than-an-aspect-then-more",
    ),
    pytest.param(
        OWN_ZH,
        "与 GPT-4 对比：在相同预算下，Zorblax 比 GPT-4o 推理延迟降低 27%。",
        {("Zorblax", "GPT-4", None, "Latency"), ("Zorblax", "GPT-4o", None, "Latency")},
        id="zh-than-a-frame-name-that-is-only-a-prefix-is-no-family",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 对比：在同等精度下，Zorblax-M 比 QuxNet-L 推理延迟降低 31%。",
        {("Zorblax-M", "QuxNet-L", None, "Latency")},
        id="zh-than-a-frame-naming-the-family-adds-no-row",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 比 QuxNet 少用 40% 的显存。",
        {("Zorblax", "QuxNet", None, None)},
        id="zh-than-fewer-parameters-win",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 SWE-bench Multilingual、SWE-bench Verified 和 Sintel Final 上超越了 ZorbNet。",
        {
            ("Zorblax", "ZorbNet", "SWE-bench Multilingual", None),
            ("Zorblax", "ZorbNet", "SWE-bench Verified", None),
            ("Zorblax", "ZorbNet", "Sintel Final", None),
        },
        id="zh-a-split-word-after-a-known-benchmark-names-the-split",
    ),
    pytest.param(
        OWN_ZH,
        "在 MT-Bench 上，其回答更准确，并在 ZWL 主观评估中领先 ZorbNet 4.2%。",
        {("Zorblax", "ZorbNet", "MT-Bench", None)},
        id="zh-a-name-before-a-subjective-evaluation-judges-no-system",
    ),
    pytest.param(
        OWN_ZH,
        "在 zQux 的 ABC 任务中，准确率相比 QuxNet 有显著提升。",
        {("Zorblax", "QuxNet", "zQux", "Accuracy")},
        id="zh-a-name-whose-task-is-the-setting-is-a-dataset",
    ),
    # -- reverse cues ---------------------------------------------------------------
    pytest.param(
        "",
        "Mistral-7B lags behind Zorblax-7B on MMLU.",
        {("Zorblax-7B", "Mistral-7B", "MMLU", None)},
        id="lags-behind",
    ),
    pytest.param(
        "",
        "在 GSM8K 上，Llama-3-8B 落后于 Zorblax-7B。",
        {("Zorblax-7B", "Llama-3-8B", "GSM8K", None)},
        id="zh-luohouyu",
    ),
    # -- second only to -------------------------------------------------------------
    pytest.param(
        "",
        "On HumanEval, Zorblax-7B is second only to GPT-4o.",
        {("GPT-4o", "Zorblax-7B", "HumanEval", None)},
        id="second-only-to",
    ),
    pytest.param(
        "",
        "On MMLU, Zorblax-7B ranks second only to GPT-4o among open models.",
        {("GPT-4o", "Zorblax-7B", "MMLU", None)},
        id="ranks-second-only-to",
    ),
    pytest.param(
        "",
        "在 HumanEval 上，Zorblax-7B 的表现仅次于 GPT-4o 和 Claude-3.5-Sonnet。",
        {("GPT-4o", "Zorblax-7B", "HumanEval", None), ("Claude 3.5 Sonnet", "Zorblax-7B", "HumanEval", None)},
        id="zh-jinciyu-two-winners",
    ),
    # -- from-to gains of the paper's own system over its base ----------------------
    pytest.param(
        OWN_ZH,
        "在 Qwen2-7B 上，Zorblax 将 GSM8K 准确率从 55.2% 提升至 63.8%。",
        {("Zorblax", "Qwen2-7B", "GSM8K", "Accuracy")},
        id="zh-from-to-base-framed",
    ),
    pytest.param(
        OWN_ZH,
        "基于 Qwen2-7B，Zorblax 使 HumanEval 的 pass@1 从 40.2 提升到 52.4。",
        {("Zorblax", "Qwen2-7B", "HumanEval", None)},
        id="zh-from-to-based-on",
    ),
    pytest.param(
        OWN_EN,
        "With Qwen2-7B as the base model, ZorbNet raises the GSM8K accuracy from 55.2% to 63.8%.",
        {("ZorbNet", "Qwen2-7B", "GSM8K", None)},
        id="from-to-base-model",
    ),
    pytest.param(
        OWN_ZH,
        "在 Stable Diffusion 上，Zorblax 将 FID 从 14.36 降低至 7.65。",
        {("Zorblax", "Stable Diffusion", None, "FID")},
        id="zh-from-to-lower-is-better",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 结合检索增强（使用 Qwen2-7B 模型）在 GSM8K 上的准确率提升了 12.5 个百分点。",
        set(),
        id="zh-tool-in-a-note-is-no-base",
    ),
    pytest.param(
        OWN_ZH,
        "在使用 Qwen2-7B 时，Zorblax 的成功率提升 20.6 个点。",
        {("Zorblax", "Qwen2-7B", None, "Success Rate")},
        id="zh-base-framed-by-shiyong",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在多种任务上都有增益，例如 Mistral-7B 在 GSM8K 上提升 4.2%，Qwen2-7B 在 MATH 和 HumanEval 上分别提升 6.1% 和 3.3%。",
        {
            ("Zorblax", "Mistral-7B", "GSM8K", None),
            ("Zorblax", "Qwen2-7B", "MATH", None),
            ("Zorblax", "Qwen2-7B", "HumanEval", None),
        },
        id="zh-one-gain-per-base-each-on-its-clause",
    ),
    pytest.param(
        OWN_ZH,
        "在 Mistral-7B 和 Qwen2-7B 模型上，加入 Zorblax 合成的数据后，多数基准获得提升，准确率提升超过 10 个百分点。",
        {("Zorblax", "Mistral-7B", None, "Accuracy"), ("Zorblax", "Qwen2-7B", None, "Accuracy")},
        id="zh-models-listed-as-the-setting-are-bases-of-the-gain",
    ),
    pytest.param(
        OWN_ZH,
        "使用 Zorblax 合成轨迹训练的 Qwen2-7B 在 GSM8K 上性能提升了 9.2%。",
        {("Zorblax", "Qwen2-7B", "GSM8K", None)},
        id="zh-a-model-trained-with-the-method-is-its-base",
    ),
    pytest.param(
        OWN_ZH,
        "用 Zorblax 生成的数据对 Mistral-7B 进行微调后，其在 GSM8K 上的准确率提高了 23.5 个百分点。",
        {("Zorblax", "Mistral-7B", "GSM8K", "Accuracy")},
        id="zh-a-model-tuned-with-the-method-is-its-base",
    ),
    pytest.param(
        OWN_ZH,
        "实验表明，该方法在清晰度（Clarity Index）上超越 Mistral-7B 5.2%，在连贯性上超越 3.1%。",
        {("Zorblax", "Mistral-7B", None, None)},
        id="zh-glossed-measure-framed-by-zai-is-no-subject",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在各项指标上超越了现有基线。实验表明，该方法优于所有基线，在清晰度（Clarity Index）上超越 Mistral-7B 5.2%。",
        {("Zorblax", "Mistral-7B", None, None)},
        id="zh-glossed-measure-after-all-baselines-is-no-baseline",
    ),
    pytest.param(
        OWN_ZH,
        "在 Mistral-7B 上，Zorblax 将准确率从 61.2% 提升至 66.0%，QZX 分数从 2.10 提升至 2.45。",
        {("Zorblax", "Mistral-7B", None, "Accuracy")},
        id="zh-name-before-a-score-noun-is-no-base-of-a-from-to",
    ),
    pytest.param(
        OWN_ZH,
        "在 Mistral-7B 模型上，Zorblax 的准确率达到 71.4%，比全量微调基线（65.0%）提高了 6.4 个点。",
        {("Zorblax", "全量微调基线", None, "Accuracy")},
        id="zh-gain-over-a-than-object-is-no-gain-over-the-framed-base",
    ),
    pytest.param(
        "本文提出Zorblax框架。",
        "表格检索 , K-means聚类 , 对比微调 Zorblax提出一个训练框架，通过K-means聚类构建部分表格，并进行对比微调，以提升检索性能。",
        set(),
        id="zh-duibi-as-contrastive-is-no-compare-frame",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的总分达到 82.75，相对 Mistral-7B* 基线提升了 2.31 分；相对较小的 Qwen2-7B 模型也有提升。",
        {("Zorblax", "Mistral-7B", None, None)},
        id="zh-xiangdui-before-a-name-is-a-compare-frame-not-relatively",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 以 Qwen2-7B 为核心模型时，在 GSM8K 上将准确率从 40.0%（单次采样）提升至 62.5%。",
        set(),
        id="zh-labelled-from-value-is-no-gain-over-the-base",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GSM8K 上始终优于标准SFT。",
        {("Zorblax", "标准SFT", "GSM8K", None)},
        id="zh-described-paradigm-written-without-a-space",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms standard behavior cloning on GSM8K. ZorbNet also outperforms the vanilla Transformer decoder.",
        {
            ("ZorbNet", "standard behavior cloning", "GSM8K", None),
            ("ZorbNet", "vanilla Transformer decoder", "GSM8K", None),
        },
        id="en-modifier-of-identity-opens-a-described-baseline-of-any-head",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms standard pipelines on GSM8K.",
        set(),
        id="en-plural-class-is-no-described-baseline",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet achieves substantial improvements over vanilla PPO and consistent gains over Mistral-7B on GSM8K.",
        {("ZorbNet", "PPO", "GSM8K", None), ("ZorbNet", "Mistral-7B", "GSM8K", None)},
        id="en-improvements-over-and-gains-over-are-win-cues",
    ),
    pytest.param(
        OWN_EN,
        "Empirical evaluations demonstrate efficiency gains of up to 40% compared to standard ViTs.",
        {("ZorbNet", "standard ViTs", None, None)},
        id="en-elided-subject-beats-a-baseline-of-identity",
    ),
    pytest.param(
        "本文提出了Zorblax框架，一种递归问答模型（QRMs）的替代。",
        "Zorblax在36次比较中29次优于标准QRM，平均准确率提高了21.9个百分点。",
        {("Zorblax", "标准QRM", None, "Accuracy")},
        id="zh-modifier-of-identity-before-a-latin-concept-acronym",
    ),
    # -- the winner of a compare frame ---------------------------------------------------
    pytest.param(
        OWN_ZH,
        "Zorblax 在 MATH 上表现稳定，其轻量版 Zorblax-S 名列第一，并且 BlorpPlan 策略相较于 QuxNet 基线带来了约 12% 的提升。",
        {("BlorpPlan", "QuxNet", "MATH", None)},
        id="zh-frame-subject-of-its-own-clause",
    ),
    pytest.param(
        OWN_ZH,
        "相较 QuxNet 的全局提示，本方法在长尾类别上表现更好，但会增加 BlorpSeg 的推理开销。",
        {("Zorblax", "QuxNet", None, None)},
        id="zh-frame-self-reference-before-another-system",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 MATH 上相对于 QuxNet 取得了 4.1% 的提升，同时每步生成的令牌数保持在低于 2k 的水平。",
        {("Zorblax", "QuxNet", "MATH", None)},
        id="zh-frame-a-threshold-is-no-loss",
    ),
    pytest.param(
        OWN_ZH, "与 QuxNet 相比，Zorblax 的 MATH 准确率低于它。", set(), id="zh-frame-a-loss-cue-still-says-no-win"
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 相比，在 MATH 上落后 1.8 个点，但推理速度提升了 2 倍。",
        set(),
        id="zh-frame-falling-behind-by-an-amount-is-still-a-loss",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 相比，Zorblax 的 FLOPs 从 88.4G 降到 31.7G。",
        {("Zorblax", "QuxNet", None, None)},
        id="zh-frame-reduced-to-a-cost",
    ),
    # -- gains over base models framed apart from the gain --------------------------
    pytest.param(
        OWN_ZH,
        "该方法在 Mistral-7B 架构上进行了验证。其在 GSM8K 和 MATH 上实现了超过 10% 的绝对准确率提升。",
        {("Zorblax", "Mistral-7B", "GSM8K", "Accuracy"), ("Zorblax", "Mistral-7B", "MATH", "Accuracy")},
        id="zh-base-carried-to-next-sentence",
    ),
    pytest.param(
        OWN_EN,
        "We validate ZorbNet on the Mistral-7B backbone. It improves accuracy on ARC by 6 points.",
        {("ZorbNet", "Mistral-7B", "ARC", None)},
        id="base-carried-to-next-sentence",
    ),
    pytest.param(
        OWN_ZH,
        "在 Mistral-7B 基线上，Zorblax 带来了平均 3.5 分的提升。",
        {("Zorblax", "Mistral-7B", None, None)},
        id="zh-base-named-the-baseline-model",
    ),
    pytest.param(
        OWN_ZH,
        "将 Zorblax 应用于 Qwen2-7B 模型，在 GSM8K 上，解码步数从 256 步减少到 30 步。在 MBPP 上，解码步数从 256 步减少到 24 步。",
        {("Zorblax", "Qwen2-7B", "GSM8K", None), ("Zorblax", "Qwen2-7B", "MBPP", None)},
        id="zh-base-carried-to-next-from-to",
    ),
    pytest.param(
        OWN_ZH,
        "该方法在 Mistral-7B 架构上进行了验证。在 GSM8K 上，Zorblax 相比 Qwen2-7B 提升了 5%。",
        {("Zorblax", "Qwen2-7B", "GSM8K", None)},
        id="zh-base-not-carried-past-another-system",
    ),
    pytest.param(
        OWN_ZH,
        "该方法在 Mistral-7B 架构上进行了验证。在 GSM8K 上，Zorblax 相比全量微调提升了 5%。",
        {("Zorblax", "全量微调", "GSM8K", None)},
        id="zh-base-not-carried-to-a-gain-over-something-else",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 Mistral-7B 上进行了验证。",
        set(),
        id="zh-base-frame-without-gain",
    ),
    pytest.param(
        OWN_ZH,
        "在 Phi-3 和 Gemma-2 两种模型上的实验表明，Zorblax 持续提升了吞吐量。",
        {("Zorblax", "Phi-3", None, "Throughput"), ("Zorblax", "Gemma 2", None, "Throughput")},
        id="zh-two-bases-framed-same-sentence",
    ),
    pytest.param(
        OWN_EN,
        "Experiments on Phi-3 and Gemma-2 show that ZorbNet consistently improves throughput.",
        {("ZorbNet", "Phi-3", None, None), ("ZorbNet", "Gemma 2", None, None)},
        id="two-bases-framed-same-sentence",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 能将 Phi-3 模型的安全得分提升 12%，将 Gemma-2 模型提升 9%。",
        {("Zorblax", "Phi-3", None, None), ("Zorblax", "Gemma 2", None, None)},
        id="zh-jiang-each-base-raised",
    ),
    pytest.param(
        OWN_ZH,
        "基线包括 QuxNet 和 BlorpPlan。Zorblax 采用最优传输对齐两种表示。",
        set(),
        id="zh-optimal-transport-is-a-technique-not-a-superlative",
    ),
    # -- described baselines: a loser named by what it is ----------------------------
    pytest.param(
        OWN_ZH,
        "Zorblax 的训练开销明显低于离线偏好优化基线DPO。",
        {("Zorblax", "DPO", None, None)},
        id="zh-a-baseline-head-then-its-name-is-that-name",
    ),
    pytest.param(
        OWN_ZH,
        "结果显示，Zorblax 随数据量稳定增长，与离线蒸馏策略相比，其样本效率提升了约 60%。",
        {("Zorblax", "离线蒸馏策略", None, None)},
        id="zh-offline-is-a-modifier-of-identity",
    ),
    pytest.param(
        OWN_EN,
        "Compared with offline DPO, ZorbNet reduces refusals by 12%.",
        {("ZorbNet", "offline DPO", None, None)},
        id="described-offline-wraps-a-name",
    ),
    pytest.param(
        OWN_ZH,
        "相比标准的 GRPO 方法，Zorblax 在 GSM8K 上提升了 5%。",
        {("Zorblax", "GRPO", "GSM8K", None)},
        id="zh-generic-modifier-keeps-the-named-loser",
    ),
    pytest.param(
        "",
        "在 BarBench 上，所有模型都展现出专家高度重叠（Jaccard相似度整体高于0.86）和贡献高度集中（Gini系数整体高于0.89）；Zorblax 的得分（82.4）优于4B参数的 Qwen3 模型（59.6）。",
        {("Zorblax", "Qwen3", "BarBench", None)},
        id="zh-cue-before-a-threshold-value-has-no-loser",
    ),
    pytest.param(
        "本研究引入了RULER模型，一个大型文本到图像模型。",
        "RULER在COCO数据集上的AP得分为28.6，显著优于Flux.2 Pro等通用模型。",
        {("RULER", "Flux.2 Pro", "COCO", "AP")},
        id="zh-known-benchmark-name-before-model-head-is-a-model",
    ),
    pytest.param(
        "本文提出了HELM框架，用于多步规划。",
        "在QuxBench上，HELM持续优于现有框架（ZorbAgent和Blorp-Plan）。",
        {("HELM", "ZorbAgent", "QuxBench", None), ("HELM", "Blorp-Plan", "QuxBench", None)},
        id="zh-known-benchmark-name-before-framework-head-is-a-method",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax在5步推理中相对于最先进的Llama 3实现了约6%的QR提升。",
        {("Zorblax", "Llama 3", None, None)},
        id="zh-a-name-between-a-value-and-a-gain-noun-is-the-metric",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax在V*视觉搜索基准上比QuxNet-8B提升了7.7%。",
        {("Zorblax", "QuxNet-8B", "V* Bench", None)},
        id="zh-v-star-is-the-v-star-benchmark",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax在OpenCompass评估中超越了QuxNet-72B。",
        {("Zorblax", "QuxNet-72B", "OpenCompass", None)},
        id="zh-opencompass-is-a-benchmark",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax与Blorp-M、Glim.2等模型相当，甚至在部分指标上超越了QuxNet。",
        set(),
        id="zh-parity-then-even-surpasses-is-hedged",
    ),
    pytest.param(OWN_ZH, "Zorblax 比肩甚至超越 QuxNet。", set(), id="zh-parity-even-surpasses-is-hedged"),
    pytest.param(
        OWN_ZH,
        "Zorblax 的参数量与 QuxNet 相当，甚至在 QuxBench 上超越了 BlorpNet-70B。",
        {("Zorblax", "BlorpNet-70B", "QuxBench", None)},
        id="zh-parity-then-even-a-win-on-a-benchmark-is-a-win",
    ),
    pytest.param(OWN_ZH, "Zorblax 媲美甚至还明显超越 QuxNet。", set(), id="zh-parity-even-and-an-adverb-is-hedged"),
    pytest.param(OWN_ZH, "Zorblax 与 QuxNet 相当或超越了 GlimNet。", set(), id="zh-parity-or-surpasses-is-hedged"),
    pytest.param(
        OWN_EN,
        "ZorbNet matches or even outperforms QuxNet on QuxBench.",
        set(),
        id="en-matches-or-outperforms-is-hedged",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet matches QuxNet and outperforms GlimNet on QuxBench.",
        {("ZorbNet", "GlimNet", "QuxBench", None)},
        id="en-the-object-of-matches-is-no-subject",
    ),
    pytest.param(
        OWN_ZH,
        "更好的速度-质量权衡：与现有方法（如QuxNet、GlimNet）相比，Zorblax表现出更低的FID。",
        {("Zorblax", "QuxNet", None, "FID"), ("Zorblax", "GlimNet", None, "FID")},
        id="zh-a-trade-off-in-the-label-is-no-cost",
    ),
    pytest.param(
        OWN_ZH, "与 QuxNet 相比，Zorblax 仍有速度上的权衡。", set(), id="zh-a-trade-off-in-the-text-is-a-cost"
    ),
    pytest.param(
        OWN_ZH,
        "通过与 QuxBeast、GlimDreamer、Plonk+Vorp、Quux-Text-to-3D 等多种先进方法的比较，Zorblax 在视觉保真度上取得了显著优势。",
        {
            ("Zorblax", "QuxBeast", None, None),
            ("Zorblax", "GlimDreamer", None, None),
            ("Zorblax", "Quux-Text-to-3D", None, None),
        },
        id="zh-a-with-bijiao-frame-compares-every-member-between-with-and-bijiao",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet consistently outperforms baselines such as $\\pi_{0.5}$, $π_0$, QuxVLA, and GlimNet with $\\lambda = 0.1$.",
        {
            ("ZorbNet", "π0.5", None, None),
            ("ZorbNet", "π0", None, None),
            ("ZorbNet", "QuxVLA", None, None),
            ("ZorbNet", "GlimNet", None, None),
        },
        id="en-known-names-written-as-math-in-a-list-of-losers",
    ),
    pytest.param(
        OWN_ZH,
        "虽然 Zorblax 的轨迹更平滑，但相比于某些基线（如 QuxNet），其在遵循长指令方面略有不足。",
        {("QuxNet", "Zorblax", None, None)},
        id="zh-a-shortfall-in-a-frame-is-a-loss",
    ),
    pytest.param(
        OWN_ZH,
        "相比于 QuxNet，在标注数据不足的情况下 Zorblax 仍能稳定收敛。",
        set(),
        id="zh-a-lack-of-data-in-a-frame-is-no-loss",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax在多个推理基准测试（如GlimBench, QuxQA等）上显著优于基线模型（VorpNet-7B）。",
        {("Zorblax", "VorpNet-7B", "GlimBench", None), ("Zorblax", "VorpNet-7B", "QuxQA", None)},
        id="zh-a-head-noun-after-a-closed-paren-of-examples-types-nothing-in-it",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的成功率为 77%，比 QuxNet 的 64% 高 13 个百分点。",
        {("Zorblax", "QuxNet", None, "Success Rate")},
        id="zh-than-the-losers-own-value",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax比包括QuxNet和GlimNet在内的现有智能体实现了10.6%的整体性能提升。",
        {("Zorblax", "QuxNet", None, None), ("Zorblax", "GlimNet", None, None)},
        id="zh-than-the-members-of-a-class-including-them",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax在Plonk-2 Small模型上实现了100%的恢复准确率，而基线方法VorpNet的准确率为0%。",
        {("Zorblax", "VorpNet", None, "Accuracy")},
        id="zh-a-model-framed-as-the-setting-is-no-side-of-a-contrast",
    ),
    pytest.param(
        OWN_ZH,
        "在Plonk-2 Small模型上准确率为100%，而基线方法VorpNet的准确率为0%。",
        {("Zorblax", "VorpNet", None, "Accuracy")},
        id="zh-a-contrast-after-a-framed-setting-has-the-papers-own-subject",
    ),
    pytest.param(
        OWN_ZH,
        "在 GlimSet 上，Zorblax 的 QRS 达到 5.15，而 QuxNet 只有 4.61。",
        {("Zorblax", "QuxNet", "GlimSet", None)},
        id="zh-only-has-states-the-losers-value",
    ),
    pytest.param(
        OWN_EN,
        "When using the popular QuxNet-7B as the base model, our ZorbNet yields consistent gains of up to 3% on GlimQA.",
        {("ZorbNet", "QuxNet-7B", "GlimQA", None)},
        id="en-using-a-popular-model-as-the-base-model",
    ),
    pytest.param(
        OWN_EN,
        "Using QuxNet-7B as a judge, ZorbNet improves accuracy by 3% on GlimQA.",
        set(),
        id="en-using-a-model-as-a-judge-frames-no-base",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms VorpNet-7B on GlimQA, PlonkQA, and QuxBench.",
        {
            ("ZorbNet", "VorpNet-7B", "GlimQA", None),
            ("ZorbNet", "VorpNet-7B", "PlonkQA", None),
            ("ZorbNet", "VorpNet-7B", "QuxBench", None),
        },
        id="en-the-serial-comma-of-a-dataset-list-breaks-no-clause",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 未与 QuxNet 进行比较，其在 GlimBench 上的准确率提升了 5%。",
        set(),
        id="zh-a-with-bijiao-frame-not-made-states-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "为了与 QuxNet 进行公平比较，我们将 Zorblax 的训练步数提高到 10k。",
        set(),
        id="zh-a-with-bijiao-frame-for-fairness-states-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "将 Zorblax 与 QuxNet 进行比较，QuxNet 在长视频上表现更优。",
        {("QuxNet", "Zorblax", None, None)},
        id="zh-a-with-bijiao-frame-whose-compared-system-wins",
    ),
    pytest.param(
        OWN_ZH,
        "使用相同的 QuxNet-7B 骨干与 GlimNet 进行比较，Zorblax 的准确率提升了 3%。",
        {("Zorblax", "GlimNet", None, "Accuracy")},
        id="zh-the-tong-of-xiangtong-opens-no-with-bijiao-frame",
    ),
    pytest.param(
        OWN_ZH,
        "通过与 QuxNet 和 GlimNet 的比较，我们发现二者各有优势。",
        set(),
        id="zh-a-with-bijiao-frame-with-strengths-on-both-sides",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimBench 上与 QuxNet 进行了比较，准确率提升了 3%。",
        {("Zorblax", "QuxNet", "GlimBench", "Accuracy")},
        id="zh-the-own-party-of-a-with-bijiao-frame-gains",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 相比，Zorblax 的额外推理开销不足 1%。",
        set(),
        id="zh-a-cost-under-a-bound-is-no-shortfall",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 相比，Zorblax 在 GlimBench 上毫不逊色。",
        set(),
        id="zh-a-denied-shortfall-is-no-loss",
    ),
    pytest.param(
        OWN_ZH,
        "相比 QuxNet，Zorblax 弥补了其在长文本建模上的不足。",
        set(),
        id="zh-a-shortfall-made-up-for-is-no-loss",
    ),
    pytest.param(
        OWN_EN,
        "Using QuxNet-7B as the evaluator, ZorbNet improves accuracy by 3% on GlimQA.",
        set(),
        id="en-using-a-model-as-the-evaluator-frames-no-base",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms QuxNet on GlimQA, and PlonkQA, by contrast, favors QuxNet.",
        {("ZorbNet", "QuxNet", "GlimQA", None)},
        id="en-and-after-one-dataset-opens-a-clause",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms VorpNet-7B on **GlimQA**, **PlonkQA**, and the **QuxBench** benchmark.",
        {
            ("ZorbNet", "VorpNet-7B", "GlimQA", None),
            ("ZorbNet", "VorpNet-7B", "PlonkQA", None),
            ("ZorbNet", "VorpNet-7B", "QuxBench", None),
        },
        id="en-a-serial-comma-before-a-bold-last-dataset",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 仅使用骨干网络的 $C_4$ 特征，在 GlimCOCO 上的 AP 比 QuxDet 高 2.1。",
        {("Zorblax", "QuxDet", "GlimCOCO", "AP")},
        id="zh-a-latin-letter-with-a-subscript-is-no-known-dataset",
    ),
    pytest.param(
        OWN_EN,
        "Starting from the reference policy $\\pi_0$, ZorbNet improves the success rate by 12% over QuxRL on GlimBench.",
        {("ZorbNet", "QuxRL", "GlimBench", None)},
        id="en-a-policy-written-as-math-is-no-model",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms $\\pi_{0}$-FAST, $\\pi_{0.5}$ and QuxVLA on GlimBench.",
        {
            ("ZorbNet", "π0-FAST", "GlimBench", None),
            ("ZorbNet", "π0.5", "GlimBench", None),
            ("ZorbNet", "QuxVLA", "GlimBench", None),
        },
        id="en-a-known-suffix-after-math-is-part-of-the-name",
    ),
    pytest.param(
        OWN_ZH,
        "在图像生成任务中，Zorblax 使 QuxNet 架构的性能提升了 12.6%。",
        {("Zorblax", "QuxNet", None, None)},
        id="zh-raises-a-named-architecture",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 使 QuxNet 策略的成功率提升 38%。",
        {("Zorblax", "QuxNet", None, "Success Rate")},
        id="zh-raises-a-named-policy",
    ),
    pytest.param(
        OWN_ZH,
        "在GlimBench基准测试中，Zorblax方法使QuxMatch平均性能提升11.56%。",
        set(),
        id="zh-a-measure-raised-is-no-base",
    ),
    pytest.param(
        OWN_EN,
        "For the attack defined in GlimBench, our method improves QuxNet by 18.7%.",
        {("ZorbNet", "QuxNet", "GlimBench", None)},
        id="en-our-method-improves-a-named-base-by-an-amount",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet improves QuxNet's accuracy by 3 points on GlimBench.",
        {("ZorbNet", "QuxNet", "GlimBench", None)},
        id="en-improves-a-named-bases-measure-by-an-amount",
    ),
    pytest.param(
        OWN_EN,
        "Scaling improves QuxNet by 3% on GlimBench.",
        set(),
        id="en-an-unnamed-subject-improving-a-base-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 进行公平比较，Zorblax 的准确率提升了 3%。",
        {("Zorblax", "QuxNet", None, "Accuracy")},
        id="zh-a-fair-with-bijiao-frame-states-its-win",
    ),
    pytest.param(
        OWN_ZH,
        "与未经微调的 QuxNet 进行比较，Zorblax 的准确率提升了 3%。",
        {("Zorblax", "QuxNet", None, "Accuracy")},
        id="zh-a-negation-inside-the-compared-system-is-no-negated-frame",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 进行比较，使用 GlimNet 作为评估器，Zorblax 的准确率提升了 3%。",
        {("Zorblax", "QuxNet", None, "Accuracy")},
        id="zh-an-evaluator-after-a-with-bijiao-frame-is-no-winner",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 进行比较，Zorblax 的准确率提升了 3%，并分析了其优缺点。",
        {("Zorblax", "QuxNet", None, "Accuracy")},
        id="zh-strengths-in-a-later-clause-keep-the-win",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 进行比较，QuxNet 的延迟高出 30%。",
        {("Zorblax", "QuxNet", None, "Latency")},
        id="zh-the-compared-system-alone-after-the-frame-faces-the-papers-own",
    ),
    pytest.param(
        OWN_ZH,
        "与没有 RLHF 的 QuxNet 进行比较，Zorblax 的胜率提升了 8%。",
        {("Zorblax", "QuxNet", None, "Win Rate")},
        id="zh-what-the-compared-system-lacks-is-no-side",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 相比，Zorblax 在长文本任务上也没有明显不足。",
        set(),
        id="zh-a-denied-shortfall-a-few-characters-back-is-no-loss",
    ),
    pytest.param(
        OWN_ZH,
        "相比 QuxNet 存在的推理效率不足，Zorblax 采用了稀疏注意力。",
        set(),
        id="zh-the-compared-systems-shortfall-is-no-loss",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 将 QuxNet 框架中的学习率提高了 10 倍。",
        set(),
        id="zh-a-setting-raised-in-a-named-framework-is-no-gain",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 使 QuxNet 方法所需 GPU 数量增加了 2 倍。",
        set(),
        id="zh-a-count-raised-in-a-named-method-is-no-gain",
    ),
    pytest.param(
        OWN_ZH,
        "扩大数据规模使 QuxNet 架构的性能提升了 12.6%。",
        set(),
        id="zh-another-cause-raising-a-base-is-no-win-of-the-paper",
    ),
    pytest.param(
        OWN_ZH,
        "此外，在 GlimBench 上可使 QuxNet 策略的成功率提升 38%。",
        {("Zorblax", "QuxNet", "GlimBench", "Success Rate")},
        id="zh-a-setting-and-an-adverb-before-a-raise-name-no-cause",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms GlimNet, while data augmentation improves QuxNet by 4% on GlimBench.",
        {("ZorbNet", "GlimNet", "GlimBench", None)},
        id="en-improves-by-after-another-subject-is-no-win-of-the-paper",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms the generalist policy $\\pi_{0.5}$ on GlimBench.",
        {("ZorbNet", "π0.5", "GlimBench", None)},
        id="en-a-policy-model-written-as-math-stays-a-model",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms $\\pi_0$-FAST-DROID on GlimBench.",
        {("ZorbNet", "π0-FAST", "GlimBench", None)},
        id="en-the-longest-known-suffix-after-math",
    ),
    pytest.param(
        OWN_EN,
        "Using the QuxNet-7B backbone, ZorbNet improves accuracy by 3% on GlimQA.",
        {("ZorbNet", "QuxNet-7B", "GlimQA", None)},
        id="en-using-the-named-backbone-frames-a-base",
    ),
    pytest.param(
        OWN_EN,
        "With GPT-4o as the evaluator, ZorbNet improves accuracy by 3% on GlimQA.",
        set(),
        id="en-with-a-model-as-the-evaluator-frames-no-base",
    ),
    pytest.param(
        OWN_ZH,
        "在 GPT-4o 评估下，Zorblax 的准确率提升了 3%。",
        set(),
        id="zh-a-model-as-the-evaluator-is-no-base",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms QuxNet on GlimQA (2.1), PlonkQA (3.4), and QuxBench (1.2).",
        {
            ("ZorbNet", "QuxNet", "GlimQA", None),
            ("ZorbNet", "QuxNet", "PlonkQA", None),
            ("ZorbNet", "QuxNet", "QuxBench", None),
        },
        id="en-a-serial-comma-after-values-in-parentheses",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax在7B稠密和80B QuxMoE模型上进行了评估，在所有设置中均持续优于VorpNet。",
        {("Zorblax", "VorpNet", None, None)},
        id="zh-a-model-deep-inside-a-setting-frame-is-no-subject",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax在基础、指令微调和思维微调QuxLM检查点上，显著优于VorpNet。",
        {("Zorblax", "VorpNet", None, None)},
        id="zh-checkpoints-of-a-model-as-the-setting",
    ),
    pytest.param(
        OWN_ZH,
        "在GlimSet上，细化后mDice由60.32升至62.46，QuxPr由69.83升至78.00。",
        set(),
        id="zh-a-name-right-before-a-from-to-is-what-changed",
    ),
    pytest.param(
        OWN_ZH,
        "在 GlimSet 上，准确率从 55.2% 提升至 63.8%，QuxNet 则需要更多训练数据。",
        set(),
        id="zh-a-system-of-a-later-clause-is-no-base-of-a-from-to",
    ),
    pytest.param(
        OWN_ZH,
        "在GlimSet上，Qwen2.5-VL 从 55.2% 提升至 63.8%。",
        {("Zorblax", "Qwen2.5-VL", "GlimSet", None)},
        id="zh-a-known-model-right-before-a-from-to-is-the-base",
    ),
    pytest.param(
        OWN_ZH,
        "我们将 Zorblax 与 QuxNet 进行比较时，Zorblax 的准确率提升了 3.2%。",
        {("Zorblax", "QuxNet", None, "Accuracy")},
        id="zh-a-with-bijiao-frame-at-its-clause-end",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 的比较，显示出 Zorblax 在长视频上的局限性。",
        set(),
        id="zh-a-with-bijiao-frame-without-a-gain-states-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "我们比较了 QuxNet 和 GlimNet 的推理流程，二者的比较较为困难。",
        set(),
        id="zh-bijiao-without-with-frames-nothing",
    ),
    pytest.param(
        OWN_ZH,
        "在 QuxBench 消融中，绑定状态较访问标记将 QR/SPL 从71.5/38.6提升至79.2/41.5。",
        set(),
        id="zh-a-name-slashed-with-a-metric-is-a-metric",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet achieves a 3% QRS improvement over QuxNet on QuxBench.",
        {("ZorbNet", "QuxNet", "QuxBench", None)},
        id="en-a-name-between-a-value-and-a-gain-noun-is-no-winner",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 与 Blorp-M 相当，并超越了 QuxNet。",
        {("Zorblax", "QuxNet", None, None)},
        id="zh-parity-then-a-plain-win-still-wins",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax在Blorp-8B上实现了13.7%的相对性能提升，在Blorp-8B-Chat上实现了8.8%的相对性能提升。",
        {("Zorblax", "Blorp-8B", None, None), ("Zorblax", "Blorp-8B-Chat", None, None)},
        id="zh-a-gain-with-its-amount-on-each-base-model",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax在同等预算下比标准QuxNet提升1.3个点，在Blorp-8B模型上平均提升1.7个点。",
        {("Zorblax", "QuxNet", None, None)},
        id="zh-a-gain-on-a-base-after-a-named-comparison-continues-it",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax超越了同等规模的基线模型，在Blorp-8B基线模型上平均提升了6.1分。",
        {("Zorblax", "Blorp-8B", None, None)},
        id="zh-a-gain-on-a-base-named-the-baseline",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax相对于QuxNet 1.5取得了12.4%的净胜率，相对于Blorp 4.0也取得了显著胜率。",
        {("Zorblax", "QuxNet 1.5", None, "Win Rate"), ("Zorblax", "Blorp 4.0", None, "Win Rate")},
        id="zh-a-win-rate-over-the-object-of-a-frame",
    ),
    pytest.param(
        "该研究提出了一种名为“基于合成对话的对比学习”（ZQLT）的新型训练范式。",
        "当应用于Qwen3-4B-Base模型时，ZQLT在QuxBench上取得了2.4个百分点的提升。",
        {("ZQLT", "Qwen3-4B-Base", "QuxBench", None)},
        id="zh-a-quoted-name-holds-no-use-marker",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax比QuxNet-base模型性能提高了19%。",
        {("Zorblax", "QuxNet-base", None, None)},
        id="zh-than-an-aspect-then-a-gain-word",
    ),
    pytest.param(OWN_ZH, "Zorblax比QuxNet-base性能降低了2%。", set(), id="zh-than-an-aspect-then-a-loss"),
    pytest.param(OWN_ZH, "Zorblax 比 QuxNet 性能提高不明显。", set(), id="zh-than-a-slight-gain-is-no-win"),
    pytest.param(
        OWN_ZH,
        "Zorblax 的成功率为 71%，显著优于所有基线方法（QuxVLA 45%，GlimNet 66%）。",
        {("Zorblax", "QuxVLA", None, "Success Rate"), ("Zorblax", "GlimNet", None, "Success Rate")},
        id="zh-the-first-member-of-a-scored-list-in-parentheses-is-a-name",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimBench 的 PSNR 上超过 Quux Net 1.42 dB。",
        {("Zorblax", "Quux Net", "GlimBench", "PSNR")},
        id="zh-a-margin-with-its-unit-after-a-two-word-name-is-no-part-of-it",
    ),
    pytest.param(
        OWN_ZH,
        "在 GlimBench 上，Zorblax 比 Wan 2.1-1.3B 快约 9 倍。",
        {("Zorblax", "Wan 2.1-1.3B", "GlimBench", None)},
        id="zh-a-known-family-with-a-version-and-a-size-is-that-model",
    ),
    pytest.param(
        OWN_ZH,
        "在 GlimBench 上，Zorblax 比 Quux 3.5-8B 快约 4 倍。",
        {("Zorblax", "Quux 3.5-8B", "GlimBench", None)},
        id="zh-a-new-name-with-a-version-and-a-size-is-one-name",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimSet 上的 F1-Macro 为 0.90，高于 QuxNet 的 0.85。",
        {("Zorblax", "QuxNet", "GlimSet", "Macro-F1")},
        id="zh-a-macro-averaged-score-written-after-its-f1-is-a-metric",
    ),
    pytest.param(
        OWN_ZH,
        "在 GlimSet 上，Zorblax 的压缩率超越 QuxZip 2.7倍，Vorp-7B 31%。",
        {("Zorblax", "QuxZip", "GlimSet", "Compression Ratio"), ("Zorblax", "Vorp-7B", "GlimSet", "Compression Ratio")},
        id="zh-a-list-of-losers-each-with-its-margin",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的解码速度是 QuxNet-2B 和 Vorp-1B 的三倍。",
        {("Zorblax", "QuxNet-2B", None, None), ("Zorblax", "Vorp-1B", None, None)},
        id="zh-a-speed-that-is-a-multiple-of-others-beats-them",
    ),
    pytest.param(
        OWN_ZH, "Zorblax 的参数量是 QuxNet 的两倍。", set(), id="zh-a-size-that-is-a-multiple-of-another-is-no-claim"
    ),
    pytest.param(OWN_ZH, "Zorblax 的吞吐量是 QuxNet 的 0.7 倍。", set(), id="zh-a-ratio-below-one-is-no-win"),
    pytest.param(
        OWN_ZH,
        "相比 QuxNet，mAP 指标在 GlimSet 上提升 2.8%。",
        {("Zorblax", "QuxNet", "GlimSet", "mAP")},
        id="zh-a-compare-frame-then-a-comma-opens-no-list-with-the-metric",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 相比，Zorblax 的推理延迟更高。",
        {("QuxNet", "Zorblax", None, "Latency")},
        id="zh-a-frame-with-a-higher-cost-is-a-loss",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 相比，Zorblax 的 FID 更高。",
        {("QuxNet", "Zorblax", None, "FID")},
        id="zh-a-frame-with-a-higher-error-metric-is-a-loss",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 等模型相比，Zorblax 需要更多的训练时间和显存。",
        {("QuxNet", "Zorblax", None, "Training Time")},
        id="zh-a-frame-where-more-of-a-cost-is-needed-is-a-loss",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 相比，Zorblax 在部分场景下可能需要更长的训练时间。",
        set(),
        id="zh-a-hedged-cost-in-a-frame-is-no-loss",
    ),
    pytest.param(
        OWN_ZH,
        "相比 QuxNet，本文增加了可学习的记忆槽和双向路由。",
        set(),
        id="zh-a-component-added-in-a-frame-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "相比 QuxNet，Zorblax 的召回率增加了 4.2%。",
        {("Zorblax", "QuxNet", None, "Recall")},
        id="zh-a-measure-increased-in-a-frame-is-a-win",
    ),
    pytest.param(
        OWN_ZH,
        "在 GlimSet 上，Zorblax 超过 QuxNet 2.1 分，VorpNet 则略低于 QuxNet。",
        {("Zorblax", "QuxNet", "GlimSet", None), ("QuxNet", "VorpNet", "GlimSet", None)},
        id="zh-a-margin-then-another-clause-ends-the-list",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet tracks every object on GlimSet, while QuxNet never fails.",
        set(),
        id="en-a-negated-failure-after-while-is-no-loss",
    ),
    pytest.param(
        OWN_EN,
        "VorpNet tracks every object on GlimSet, while QuxNet fails.",
        {("VorpNet", "QuxNet", "GlimSet", None)},
        id="en-the-head-clause-subject-wins-over-a-failure-after-while",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet needs 8 GPUs for training, while QuxNet struggles on small data.",
        set(),
        id="en-a-cost-against-a-poor-showing-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimSet 上表现稳定，而 QuxNet 并未表现不佳。",
        set(),
        id="zh-a-negated-poor-showing-is-no-loss",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimSet 上取得 81.3 分，而 QuxNet 在使用 VorpNet 作为教师时表现不佳。",
        {("Zorblax", "QuxNet", "GlimSet", None)},
        id="zh-only-the-subject-of-the-poor-clause-loses",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的 FID 是 QuxNet 的 2 倍。",
        set(),
        id="zh-a-ratio-of-an-error-metric-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 提速明显，但是 QuxNet 的 2 倍显存开销仍可接受。",
        set(),
        id="zh-the-shi-of-danshi-states-no-ratio",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的推理速度是 QuxNet 的 2 倍，是 VorpNet 的 1.5 倍。",
        {("Zorblax", "QuxNet", None, None), ("Zorblax", "VorpNet", None, None)},
        id="zh-a-second-ratio-keeps-its-subject",
    ),
    pytest.param(
        OWN_ZH,
        "在 QuxNet 失败的任务中，Zorblax 优于 QuxNet。",
        {("Zorblax", "QuxNet", None, None)},
        id="zh-a-system-before-a-relative-clause-of-a-task-stays-a-system",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms strong benchmark (QuxNet, VorpNet) on GlimSet.",
        {("ZorbNet", "QuxNet", "GlimSet", None), ("ZorbNet", "VorpNet", "GlimSet", None)},
        id="en-a-benchmark-listing-compared-systems-types-no-dataset",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimBench 上领先 QuxNet 2-3 个百分点。",
        {("Zorblax", "QuxNet", "GlimBench", None)},
        id="zh-a-range-after-a-name-is-no-part-of-it",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 相比，Zorblax 的错误率提高了 5%。",
        {("QuxNet", "Zorblax", None, "Error Rate")},
        id="zh-a-frame-with-a-raised-error-rate-is-a-loss",
    ),
    pytest.param(
        OWN_EN,
        "Compared with QuxNet, ZorbNet shows higher latency.",
        {("QuxNet", "ZorbNet", None, None)},
        id="en-a-frame-with-higher-latency-is-a-loss",
    ),
    pytest.param(
        OWN_ZH,
        "实验中与 QuxNet 和 VorpNet 两个基线进行了对比。Zorblax 在 GlimSet 上取得了最佳的场景重建质量。",
        {("Zorblax", "QuxNet", "GlimSet", None), ("Zorblax", "VorpNet", "GlimSet", None)},
        id="zh-a-superlative-of-a-scene-result-is-a-win",
    ),
    pytest.param(
        OWN_ZH,
        "我们将 Zorblax 与 QuxNet 和 VorpNet 进行比较。Zorblax 在 GlimSet 上取得了最佳性能。",
        {("Zorblax", "QuxNet", "GlimSet", None), ("Zorblax", "VorpNet", "GlimSet", None)},
        id="zh-names-closing-a-compare-frame-are-the-baselines-a-superlative-beats",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet、VorpNet 相比，Zorblax 在 GlimSet 上提升了 3%。",
        {("Zorblax", "QuxNet", "GlimSet", None), ("Zorblax", "VorpNet", "GlimSet", None)},
        id="zh-a-frame-listing-its-losers-with-dunhao",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimSet 上超越了 QuxNet，准确率比基线 VorpNet 提高了 1.8 个点。",
        {("Zorblax", "QuxNet", "GlimSet", "Accuracy"), ("Zorblax", "VorpNet", "GlimSet", "Accuracy")},
        id="zh-the-loser-of-an-earlier-clause-is-no-subject-of-a-than-clause",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimSet 上超越了大多数现有方法，包括 QuxNet，准确率达到 91.4%，比基线 VorpNet 提高了 1.8 个点。",
        {("Zorblax", "QuxNet", "GlimSet", "Accuracy"), ("Zorblax", "VorpNet", "GlimSet", "Accuracy")},
        id="zh-a-member-the-loser-phrase-names-is-no-subject-of-a-than-clause",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 显著优于传统规划方法和纯学习方法，平均成功率提高了 28.4%。",
        set(),
        id="zh-traditional-or-pure-methods-are-a-family-no-loser",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 显著优于直接微调方法。",
        {("Zorblax", "直接微调方法", None, None)},
        id="zh-a-direct-method-is-one-described-loser",
    ),
    pytest.param(
        OWN_ZH,
        "将 Zorblax 应用于最先进的 QuxNet-7B 模型进行文本到图像生成任务，实现了超过 4 倍的加速。",
        {("Zorblax", "QuxNet-7B", None, None)},
        id="zh-a-base-after-a-praising-modifier",
    ),
    pytest.param(
        OWN_ZH,
        "将 Zorblax 集成到 QuxNet 中，在 GlimSet 上的解决率最高提高了 5.5%。",
        {("Zorblax", "QuxNet", "GlimSet", "Resolve Rate")},
        id="zh-a-method-the-own-one-is-built-into-is-a-base",
    ),
    pytest.param(
        OWN_ZH,
        "在 QuxNet 上的实验表明，Zorblax 提升了性能。",
        set(),
        id="zh-a-method-evaluated-on-is-no-base",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet achieves the best overall performance on GlimBench, outperforming the strongest baseline by "
        "3.2 points and the most efficient baseline by 5.1 points.",
        set(),
        id="en-the-strongest-baseline-is-anonymous",
    ),
    pytest.param(
        OWN_ZH,
        "在 GlimNav 上，Zorblax 较现有基线提升了显著的 SPL（导航效率）和 SR（成功率）。",
        set(),
        id="zh-what-a-frame-gain-raises-is-no-object-of-the-frame",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimSet 上实现了 82.3% 的归一化 Levenshtein 相似度，比次优模型（QuxNet-7B）高出 1.4%。",
        {("Zorblax", "QuxNet-7B", "GlimSet", "Levenshtein")},
        id="zh-a-name-before-a-similarity-is-its-metric",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 与参数更多的 QuxNet-7B 实现了可比的生成质量，并优于参数相近的 VorpNet 模型。",
        {("Zorblax", "VorpNet", None, None)},
        id="zh-the-partner-of-a-parity-clause-is-no-subject",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 将 QuxNet-7B 的准确率从 26.4% 显著提升至 51.9%。",
        {("Zorblax", "QuxNet-7B", None, "Accuracy")},
        id="zh-an-adverb-inside-a-from-to",
    ),
    pytest.param(
        OWN_ZH,
        "在 GlimSet 任务上，Zorblax 将 GRPO 基线的成功率提升了高达 16.1%。",
        {("Zorblax", "GRPO", "GlimSet", "Success Rate")},
        id="zh-a-named-baseline-raised-by-the-own-system",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet attains an FID of 3.5 on GlimSet, versus 17.7 for the original QuxNet.",
        {("ZorbNet", "QuxNet", "GlimSet", "FID")},
        id="en-a-value-for-the-original-system",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet achieves on average a 45.80% improvement in IS against QuxNet on GlimSet.",
        {("ZorbNet", "QuxNet", "GlimSet", "Inception Score")},
        id="en-an-improvement-against-a-system",
    ),
    pytest.param(
        OWN_ZH,
        "训练计算量显著减少，例如仅为 QuxNet 的 19.3%。",
        {("Zorblax", "QuxNet", None, None)},
        id="zh-a-cost-only-a-fraction-of-anothers",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimSet 上的准确率达到了 QuxNet-32B 模型的两倍以上。",
        {("Zorblax", "QuxNet-32B", "GlimSet", "Accuracy")},
        id="zh-a-measure-where-more-wins-a-multiple-of-anothers",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的准确率仅为 QuxNet 的 50%，训练时间达到了 VorpNet 的两倍，延迟可能仅为 BlipNet 的一半。",
        set(),
        id="zh-a-fraction-of-a-gain-a-multiple-of-a-cost-or-a-hedged-ratio-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "QuxNet 的训练时间比 VorpNet 长约 1.25 倍。",
        {("VorpNet", "QuxNet", None, "Training Time")},
        id="zh-a-longer-time-loses",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的推理时间比 BlipNet 短 40%。",
        {("Zorblax", "BlipNet", None, "Inference Time")},
        id="zh-a-shorter-time-wins",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的上下文比 QuxNet 长 4 倍。",
        set(),
        id="zh-longer-of-no-cost-states-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "相比更强的 QuxNet-70B，Zorblax 在 GlimSet 上的准确率仍提升了 2.1%。",
        {("Zorblax", "QuxNet-70B", "GlimSet", "Accuracy")},
        id="zh-a-gain-word-praising-the-frames-object-cuts-nothing",
    ),
    pytest.param(
        OWN_EN,
        "Compared to the improved QuxNet, ZorbNet raises accuracy by 3.2%.",
        {("ZorbNet", "QuxNet", None, None)},
        id="en-a-gain-word-praising-the-frames-object-cuts-nothing",
    ),
    pytest.param(
        OWN_ZH,
        "我们没有与 QuxNet 和 VorpNet 进行比较，因为它们未开源。Zorblax 在 GlimSet 上取得了最佳性能。",
        set(),
        id="zh-a-negated-compare-frame-names-no-baselines",
    ),
    pytest.param(
        OWN_ZH,
        "QuxNet 与 VorpNet 相比更慢。Zorblax 在 GlimSet 上取得了最佳性能。",
        set(),
        id="zh-two-other-systems-compared-are-no-baselines",
    ),
    pytest.param(
        OWN_ZH,
        "我们将 Zorblax 的检索模块与 QuxNet 和 VorpNet 进行比较。Zorblax 在 GlimSet 上取得了最佳性能。",
        set(),
        id="zh-a-component-compared-names-no-baselines",
    ),
    pytest.param(
        OWN_ZH,
        "在同一硬件上 QuxNet 的速度与 Zorblax 相当，比 VorpNet 快 2 倍。",
        {("QuxNet", "VorpNet", None, None)},
        id="zh-same-is-no-parity-partner-lead",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 和 QuxNet 性能相当，优于 VorpNet。",
        {("Zorblax", "VorpNet", None, None), ("QuxNet", "VorpNet", None, None)},
        id="zh-coordinated-subjects-of-a-parity-both-win",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 超越了 QuxNet，后者的准确率比 VorpNet 高 1.8 个点。",
        {("Zorblax", "QuxNet", None, "Accuracy"), ("QuxNet", "VorpNet", None, "Accuracy")},
        id="zh-the-latter-is-the-subject-after-a-loss",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimSet 上优于 VorpNet，其输出与 VorpNet 相似度达到 0.91。",
        {("Zorblax", "VorpNet", "GlimSet", None)},
        id="zh-a-system-something-is-similar-to-is-no-metric",
    ),
    pytest.param(
        OWN_ZH,
        "我们将 Zorblax 应用于现有的 BlipSim 仿真器，成功率提升了 15%。",
        set(),
        id="zh-a-simulator-the-method-is-applied-to-is-no-base",
    ),
    pytest.param(
        OWN_EN,
        "Our tokenizer is built on SentencePiece, and ZorbNet improves accuracy by 3.2%.",
        set(),
        id="en-what-another-part-is-built-on-is-no-base",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 将 QuxNet 基线的推理延迟增加了 20%。",
        set(),
        id="zh-a-raised-cost-of-a-baseline-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 有望将 QuxNet 基线的准确率提升 3.1%。",
        set(),
        id="zh-a-prospect-of-a-raise-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 将基线 QuxNet 的准确率提升了 3.1%。",
        {("Zorblax", "QuxNet", None, "Accuracy")},
        id="zh-a-baseline-head-before-the-raised-system",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet、VorpNet 和 BlipNet 相比，Zorblax 提升了 3%。",
        {("Zorblax", "QuxNet", None, None), ("Zorblax", "VorpNet", None, None), ("Zorblax", "BlipNet", None, None)},
        id="zh-a-frame-listing-three-losers",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet beats QuxNet-Large/2 GPUs setting on GlimSet.",
        {("ZorbNet", "QuxNet-Large", "GlimSet", None)},
        id="en-a-count-after-a-slash-is-no-patch-size",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 显著优于纯 SFT 方法，也优于纯粹的 VAE 方法。",
        {("Zorblax", "纯 SFT 方法", None, None)},
        id="zh-a-paradigm-method-is-one-baseline-a-pure-architecture-a-family",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 将 QuxNet 的准确率从 26.4% 稳步提升到了 51.9%。",
        {("Zorblax", "QuxNet", None, "Accuracy")},
        id="zh-a-steady-rise-to-in-a-from-to",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 超越了 QuxNet，前者比 VorpNet 高 2.1%。",
        {("Zorblax", "QuxNet", None, None), ("Zorblax", "VorpNet", None, None)},
        id="zh-the-former-after-a-loss-is-the-winner",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 FID 和 GlimSim 相似度上均优于 QuxNet 和 VorpNet。",
        {("Zorblax", "QuxNet", None, "FID"), ("Zorblax", "VorpNet", None, "FID")},
        id="zh-a-metric-listed-before-a-similarity-stays-a-metric",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的速度下降达到了 QuxNet 的 3 倍。",
        set(),
        id="zh-a-multiple-of-a-drop-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的推理时间不比 QuxNet 短，准确率也不比 VorpNet 高。",
        set(),
        id="zh-a-negated-than-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 降低了延迟，其生成的回答也比 QuxNet 短 30%。",
        set(),
        id="zh-shorter-of-no-cost-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的延迟并非仅为 QuxNet 的 30%，引入的额外计算开销仅为 VorpNet 的 3%。",
        set(),
        id="zh-a-negated-fraction-or-an-overhead-share-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的延迟更低，其训练数据仅为 QuxNet 的 10%。",
        set(),
        id="zh-a-share-of-data-takes-no-cost-from-the-clause-before",
    ),
    pytest.param(
        OWN_ZH,
        "我们在未见过的任务上与 QuxNet 和 VorpNet 进行对比。Zorblax 在 GlimSet 上取得了最佳性能。",
        {("Zorblax", "QuxNet", "GlimSet", None), ("Zorblax", "VorpNet", "GlimSet", None)},
        id="zh-a-compare-frame-after-a-setting-names-baselines",
    ),
    pytest.param(
        OWN_ZH,
        "在 GlimSet 上，我们的模型与 QuxNet 和 VorpNet 进行比较。Zorblax 取得了最佳性能。",
        {("Zorblax", "QuxNet", "GlimSet", None), ("Zorblax", "VorpNet", "GlimSet", None)},
        id="zh-our-model-compared-names-baselines",
    ),
    pytest.param(
        OWN_ZH,
        "我们将该方法集成到 QuxNet 中，QuxNet 在 GlimSet 上的准确率提升了 3.1%。",
        {("Zorblax", "QuxNet", "GlimSet", "Accuracy")},
        id="zh-the-method-referred-to-built-into-a-base",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 将 QuxNet 的内存效率提升了 30%。",
        {("Zorblax", "QuxNet", None, None)},
        id="zh-a-raised-efficiency-of-a-cost-is-a-gain",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的训练计算量仅为 QuxNet 的一半，准确率达到了 VorpNet 的两倍。",
        {("Zorblax", "QuxNet", None, "Accuracy"), ("Zorblax", "VorpNet", None, "Accuracy")},
        id="zh-ratios-in-words-reach-the-rules",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的延迟约为 QuxNet 的 99%。",
        set(),
        id="zh-about-the-same-cost-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 QuxNet-7B 上实现了 FLOPs 减少 5.3 倍，在 VorpNet-2B 上推理延迟降低了 40%。",
        {("Zorblax", "QuxNet-7B", None, "Latency"), ("Zorblax", "VorpNet-2B", None, "Latency")},
        id="zh-a-cost-cut-on-a-base-model",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 QuxNet-7B 上的准确率降低了 3%，VorpNet 在 BlipNet-2B 上实现了推理延迟降低 40%。",
        set(),
        id="zh-a-gain-cut-or-another-systems-cost-cut-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 QuxNet-7B 上预计可使推理延迟降低 40%，在 VorpNet-2B 上未能使延迟降低。",
        set(),
        id="zh-a-forecast-or-negated-cut-on-a-base-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 QuxNet-7B 上内存效率降低了 30%。",
        set(),
        id="zh-a-cut-of-an-efficiency-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "VorpNet 将延迟降低了 20%，在 QuxNet-7B 上推理延迟降低了 40%。",
        set(),
        id="zh-another-systems-cut-on-a-base-is-no-win-of-the-paper",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 QuxNet-7B 上推理延迟增加了 10%。",
        set(),
        id="zh-a-raised-cost-on-a-base-is-no-win",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet shows an improvement in robustness against GlimAttack and improves the attack success rate against QuxNet-7B.",
        set(),
        id="en-against-an-attack-or-a-target-is-no-win",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet gives an improvement in accuracy against QuxNet-7B judges, but no improvement against VorpNet.",
        set(),
        id="en-against-a-judge-or-no-improvement-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "在 QuxNet-7B 上，它将直接聊天中的平均准确率提高了 +23.5 点。",
        {("Zorblax", "QuxNet-7B", None, "Accuracy")},
        id="zh-a-gain-in-points-over-a-base",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 QuxNet-7B 上实现了 2.1 点的平均准确率提升，在 VorpNet-2B 上实现了 1.5 百分点的提升。",
        {("Zorblax", "QuxNet-7B", None, "Accuracy"), ("Zorblax", "VorpNet-2B", None, "Accuracy")},
        id="zh-gains-in-points-on-listed-bases",
    ),
    pytest.param(
        OWN_ZH,
        "在 GlimArena 上，Elo 从 QuxNet 的 1985 提升至 2047。",
        {("Zorblax", "QuxNet", "GlimArena", "Elo")},
        id="zh-a-rating-in-the-range-of-years-is-a-score",
    ),
    pytest.param(
        OWN_ZH,
        "相比于 QuxNet，mAP 指标在 GlimSet 上提升 2.8%。",
        {("Zorblax", "QuxNet", "GlimSet", "mAP")},
        id="zh-xiangbiyu-then-a-comma-opens-no-list-with-the-metric",
    ),
    pytest.param(
        OWN_ZH,
        "例如 Zorblax-Lite 将 Vorp-2.6B 的 GlimBench 得分从 61.9% 提升至 73.3%。",
        {("Zorblax-Lite", "Vorp-2.6B", "GlimBench", None)},
        id="zh-what-raises-a-base-with-jiang-beats-it",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 QuxNet 模型上实现了 3.1 倍的加速，同时 GlimScore 超越原始模型 0.4%。",
        {("Zorblax", "QuxNet", None, "GlimScore")},
        id="zh-the-original-model-after-a-cue-is-the-framed-base",
    ),
    pytest.param(
        OWN_ZH, "Zorblax 超越原始模型 0.4%。", set(), id="zh-the-original-model-with-no-framed-base-is-no-loser"
    ),
    pytest.param(
        OWN_ZH,
        "在 QuxNet 模型上训练，在 VorpNet 模型上测试，Zorblax 超越原始模型。",
        set(),
        id="zh-the-original-model-after-two-framed-bases-is-no-loser",
    ),
    pytest.param(
        OWN_ZH,
        "VorpNet 将 QuxNet 的输出蒸馏到小模型中，Zorblax 将 GlimSet 准确率从 QuxNet 的 50.1% 提升至 58.3%。",
        {("Zorblax", "QuxNet", "GlimSet", "Accuracy")},
        id="zh-a-system-after-jiang-in-another-clause-is-no-base",
    ),
    pytest.param(
        OWN_ZH,
        "实验中与 QuxNet 和 VorpNet 两个基线进行了对比。最佳应用场景：仓储机器人的长时程抓取。",
        set(),
        id="zh-a-superlative-naming-a-use-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "Kandinsky 7.0 Image Lite 在人类评估中优于 Kandinsky 4.0 Image Lite。",
        {("Kandinsky 7.0 Image Lite", "Kandinsky 4.0 Image Lite", None, None)},
        id="zh-a-known-family-with-a-version-a-modality-and-a-tier-is-that-model",
    ),
    pytest.param(
        OWN_ZH,
        "在 GlimSet 上，AP 达到 88.1%，MR-2 降低到 41.5%，超越了 QuxNet。",
        {("Zorblax", "QuxNet", "GlimSet", "AP")},
        id="zh-the-log-average-miss-rate-is-a-metric-not-a-winner",
    ),
    pytest.param(
        OWN_ZH,
        "在“Glimming”（闪烁）任务中，性能从 50.1% 提升至 58.3%。",
        set(),
        id="zh-a-quoted-task-name-is-no-base-of-a-gain",
    ),
    pytest.param(
        OWN_ZH,
        "训练中引入基于对比学习（QuxNCE）的令牌对齐。实验表明 Zorblax 全面超越了现有的多人生成基线。",
        set(),
        id="zh-a-technique-of-contrastive-learning-is-no-baseline",
    ),
    pytest.param(
        OWN_EN,
        "QuxHunter was used by city archives from 2021 to 2024, reaching 97.5% accuracy on field scans.",
        set(),
        id="en-a-span-of-years-is-no-change-of-a-score",
    ),
    pytest.param(
        OWN_ZH,
        "在 GlimSet 上，Zorblax 的平均分数为 77.2，而基线方法（如 QuxNet、VorpNet）在该设置下表现不佳。",
        {("Zorblax", "QuxNet", "GlimSet", None), ("Zorblax", "VorpNet", "GlimSet", None)},
        id="zh-systems-said-to-do-poorly-after-a-contrast-lose",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet tracks every object on GlimSet, while QuxNet fails.",
        {("ZorbNet", "QuxNet", "GlimSet", None)},
        id="en-a-system-that-fails-after-while-loses",
    ),
    pytest.param(
        OWN_ZH,
        "QuxNet 在 GlimSet 上表现不佳，而 VorpNet 也表现不佳。",
        set(),
        id="zh-both-sides-doing-poorly-is-no-win",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet improves the average out-of-distribution (OOD) accuracy over vanilla DPO by 3.9 points on QuxBench.",
        {("ZorbNet", "DPO", "QuxBench", None)},
        id="en-improves-a-measure-with-its-acronym-over",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 优于现有 ImageNet 方法 QuxNet。",
        {("Zorblax", "QuxNet", "ImageNet", None)},
        id="zh-a-known-benchmark-before-a-method-head-without-a-propose-cue-stays-a-benchmark",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 Wumpus 上比 QuxNet 高 3.0%。在长文本设置下，Zorblax 带来了 4.2% 的 Wumpus 提升。",
        {("Zorblax", "QuxNet", "Wumpus", None)},
        id="zh-a-gained-name-framed-as-a-dataset-elsewhere-stays-a-dataset",
    ),
    pytest.param(
        OWN_ZH, "现有方法 QuxNet 在 BlorpNet-7B 上仅提升了 1.2%。", set(), id="zh-another-systems-gain-on-a-base"
    ),
    pytest.param(
        OWN_ZH,
        "QuxNet 在 BlorpNet-7B 上仅提升了 1.2%。而 Zorblax 在 QuxBench 上实现了 6.0% 的提升。",
        set(),
        id="zh-a-gain-on-a-base-is-not-carried-to-the-next-sentence",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax在QuxLM-7B模型上将Blorp基线提升了4.1%。",
        {("Zorblax", "Blorp", None, None)},
        id="zh-a-system-between-the-base-and-the-gain-takes-the-gain",
    ),
    pytest.param(
        OWN_ZH,
        "相较于基线，Zorblax 在 BlorpNet-7B 和 QuxLM-13B 上的实验中均提升了 3% 以上。",
        {("Zorblax", "BlorpNet-7B", None, None), ("Zorblax", "QuxLM-13B", None, None)},
        id="zh-an-evaluation-frame-after-a-baseline-word-still-frames-bases",
    ),
    pytest.param(OWN_ZH, "Zorblax 相对于 QuxNet 的胜率仅为 38.0%。", set(), id="zh-a-low-win-rate-is-no-win"),
    pytest.param(OWN_ZH, "与 QuxNet 相比，Zorblax 取得了 38% 的胜率。", set(), id="zh-a-won-rate-below-half"),
    pytest.param(OWN_ZH, "Zorblax 比 QuxNet 胜率低 5.0%。", set(), id="zh-than-a-lower-win-rate"),
    pytest.param(
        OWN_ZH,
        "与基座模型QuxNet相比，集成Zorblax后的模型在用户偏好胜率上平均达到81.5%。",
        {("Zorblax", "QuxNet", None, "Win Rate")},
        id="zh-a-win-rate-reaching-over-half",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 优于现有的扩散策略模型（DPM）和 BlorpNet-7B。",
        {("Zorblax", "BlorpNet-7B", None, None)},
        id="zh-an-acronym-after-a-class-of-existing-models-defines-the-class",
    ),
    pytest.param(
        OWN_ZH,
        "仅用少量（300张）合成图像，Zorblax即可超越现有基线（QDGEN）使用大量图像的性能。",
        {("Zorblax", "QDGEN", None, None)},
        id="zh-an-acronym-after-existing-baselines-names-one",
    ),
    pytest.param(
        OWN_ZH,
        "在 Quibble-Net 的小样本协议下，Zorblax 相比于此前最好的 Mistral-7B，F1 从 0.530 提升至 0.774。",
        {("Zorblax", "Mistral-7B", "Quibble-Net", "F1")},
        id="zh-protocol-named-for-a-system-is-the-dataset",
    ),
    pytest.param(
        OWN_ZH,
        "仅使用4k对纠正后的数学数据，Zorblax使Qwen3-8B模型在域内和域外任务上的平均准确率提高了6.2%。",
        {("Zorblax", "Qwen3-8B", None, "Accuracy")},
        id="zh-shi-base-raised",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在计算成本方面比原始 Mistral-7B 模型（50步）效率高约4.5倍。",
        {("Zorblax", "原始 Mistral-7B 模型", None, None)},
        id="zh-than-a-modified-system-and-its-aspect",
    ),
    pytest.param(
        OWN_ZH,
        "一个更小的 1.7B 参数的 Zorblax 在实现比2.5B标准Qwen2-7B模型更高精度的同时，推理延迟降低了约30%。",
        {("Zorblax", "2.5B标准Qwen2-7B模型", None, "Latency")},
        id="zh-than-a-sized-standard-system-model",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet performs favorably against image models (e.g. Mistral-7B) on dense tasks.\n"
        "ZorbNet also compares favorably with Qwen2-7B on GSM8K.",
        {("ZorbNet", "Mistral-7B", None, None), ("ZorbNet", "Qwen2-7B", "GSM8K", None)},
        id="performs-or-compares-favorably-is-a-win",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax在多个基准测试（BarBench、MMLU和GSM8K）上进行了评估，取得了显著成果：\n"
        "*   **有效缓解幻觉：** Zorblax在BLEU评估中显著降低了错误率，优于Quibble-3B和Mistral-7B等现有方法。",
        {("Zorblax", "Quibble-3B", "BLEU", "Error Rate"), ("Zorblax", "Mistral-7B", "BLEU", "Error Rate")},
        id="zh-an-evaluation-named-for-its-measure-is-the-dataset",
    ),
    pytest.param(
        OWN_ZH,
        "即使是更大的 Zorblax-L 模型，参数量是 Mistral-7B 的两倍，但仍然比 Mistral-7B 更快。",
        {("Zorblax-L", "Mistral-7B", None, None)},
        id="zh-than-the-loser-named-before-is-no-subject",
    ),
    pytest.param(
        OWN_ZH,
        "与最先进的 Mistral-7B 相比，Zorblax-S 的运行速度快2倍。与其他 Qwen 模型相比，Zorblax 的精度提升了 3%。",
        {("Zorblax-S", "Mistral-7B", None, None)},
        id="zh-frame-loser-after-a-short-modifier-not-a-class",
    ),
    pytest.param(
        OWN_ZH,
        "实验结果表明，Zorblax在所有测试数据集（TU_DAT、Taekwondo、Kinetics）上，相比于Quibble-3B，显著提高了分类准确率。",
        {("Zorblax", "Quibble-3B", "Taekwondo", "Accuracy"), ("Zorblax", "Quibble-3B", "Kinetics", "Accuracy")},
        id="zh-datasets-listed-in-parentheses-after-their-head-with-an-underscore-name",
    ),
    pytest.param(
        OWN_EN,
        "Experiments on Phi-3 and Gemma-2 demonstrate that ZorbNet consistently improves fidelity over other "
        "post-training approaches.",
        set(),
        id="a-gain-over-others-in-a-base-frame-is-no-gain-over-the-bases",
    ),
    pytest.param(
        OWN_ZH,
        "在SQuAD知识集成问答任务中，Zorblax的性能超越最先进的自编辑SFT基线达9.9点。",
        {("Zorblax", "自编辑SFT基线", "SQuAD", None)},
        id="zh-described-baseline-praised-as-sota-then-its-margin",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 A100 上比全精度模型提供了 3.2 倍的推理速度提升。",
        {("Zorblax", "全精度模型", None, None)},
        id="zh-than-a-described-baseline-delivers-a-gain",
    ),
    pytest.param(
        "",
        "Zorblax 比 Quibble-3B 实现了 12% 的准确率提升，但比 Mistral-7B 提供了更多的接口。",
        {("Zorblax", "Quibble-3B", None, "Accuracy")},
        id="zh-than-delivers-a-gain-not-a-feature",
    ),
    pytest.param(
        OWN_ZH,
        "相较于单阶段检索基线，Zorblax 在 HotpotQA 上提升了 5 个百分点。",
        {("Zorblax", "单阶段检索基线", "HotpotQA", None)},
        id="zh-described-baseline-after-frame",
    ),
    pytest.param(
        OWN_ZH,
        "与香草强化学习相比，Zorblax 显著减少了 28.9% 的幻觉。",
        {("Zorblax", "香草强化学习", None, None)},
        id="zh-described-between-yu-and-xiangbi",
    ),
    pytest.param(
        OWN_ZH,
        "在 GSM8K 上，Zorblax 的平均性能比使用全量数据进行 SFT 的基线模型高出 38%。",
        {("Zorblax", "使用全量数据进行 SFT 的基线模型", "GSM8K", None)},
        id="zh-described-after-bi",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 相较于基础模型和下一token预测基线，在 HumanEval 上的平均性能提高了 8 个百分点。",
        {("Zorblax", "下一token预测基线", "HumanEval", None)},
        id="zh-described-member-of-a-list",
    ),
    pytest.param(  # a baseline named by what it builds on; a class of X-based methods is none
        OWN_ZH,
        "Zorblax 实现了 6 倍的收敛加速，并超越了基于执行的基线 6% 的性能。Zorblax 的速度远超基于优化的方法。",
        {("Zorblax", "基于执行的基线", None, None)},
        id="zh-described-by-its-basis",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms the pure SFT baseline on MATH.",
        {("ZorbNet", "pure SFT baseline", "MATH", None)},
        id="described-baseline-after-cue-verb",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 依然大幅领先 SFT（监督微调）基线。",
        {("Zorblax", "SFT基线", None, None)},
        id="zh-described-baseline-when-paper-names-no-baselines",
    ),
    pytest.param(
        OWN_EN, "ZorbNet outperforms prompt-only baselines on MATH.", set(), id="plural-baselines-are-a-class"
    ),
    pytest.param(OWN_EN, "SFT is widely used for alignment.", set(), id="bare-paradigm-no-row"),
    pytest.param(OWN_ZH, "Zorblax 在 MMLU 上超越了 SFT。", set(), id="zh-bare-paradigm-is-no-loser"),
    pytest.param(OWN_ZH, "相比传统方法，Zorblax 提升了 5%。", set(), id="zh-class-of-methods-is-no-loser"),
    pytest.param(OWN_ZH, "与更大的模型相比，Zorblax 的速度更快。", set(), id="zh-anonymous-models-are-no-loser"),
    pytest.param(OWN_EN, "ZorbNet outperforms existing methods on MATH.", set(), id="existing-methods-are-no-loser"),
    pytest.param(
        OWN_ZH,
        "Zorblax 超越了全量数据训练的效果。",
        set(),
        id="zh-cue-verb-object-not-headed-by-baseline",
    ),
    pytest.param(OWN_ZH, "Zorblax 在 MMLU 上超越了 LLM 基线。", set(), id="zh-class-before-baseline-is-no-loser"),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 MMLU 上大幅领先 SFT（监督微调）基线。",
        {("Zorblax", "SFT基线", "MMLU", None)},
        id="zh-paradigm-before-baseline-is-a-loser",
    ),
    pytest.param(
        OWN_ZH,
        "相比纯 SFT 模型，该方法提升了 5%。",
        set(),
        id="zh-described-loser-needs-a-named-winner",
    ),
    # -- two stated scores set against each other (而 / while) ---------------------------
    pytest.param(
        "",
        "ZorbNet 的 BLEU 为 41.2，而 QuxNet 仅为 35.0。",
        {("ZorbNet", "QuxNet", None, "BLEU")},
        id="zh-er-two-scores-of-one-measure",
    ),
    pytest.param(
        "",
        "ZorbNet scores 41.2 BLEU, while QuxNet reaches 58.3 ROUGE-L.",
        set(),
        id="while-two-measures-compare-nothing",
    ),
    # -- clauses side by side, each later one a system and its value with 为 -------------
    pytest.param(
        "",
        "ZorbNet 的成功率为 81%，QuxNet 为 42%。",
        {("ZorbNet", "QuxNet", None, "Success Rate")},
        id="zh-side-by-side-higher-wins",
    ),
    pytest.param(
        "",
        "ZorbNet 的定位误差为 11.6 cm，QuxNet（微调后）为 19.8 cm，BlorpPlan 为 8.2 cm。",
        {("ZorbNet", "QuxNet", None, None), ("BlorpPlan", "ZorbNet", None, None)},
        id="zh-side-by-side-error-lower-wins-first-against-each",
    ),
    pytest.param(
        "",
        "ZorbNet 推理耗时为 1.2 秒，QuxNet 为 3.4 秒。",
        {("ZorbNet", "QuxNet", None, None)},
        id="zh-side-by-side-time",
    ),
    pytest.param(
        "",
        "ZorbNet 成功 47 次（78.3%），QuxNet 基线为 21 次（35.0%），BlorpPlan 为 30 次（50.0%）。",
        {("ZorbNet", "QuxNet", None, None), ("ZorbNet", "BlorpPlan", None, None)},
        id="zh-side-by-side-a-percentage-both-state-and-a-baseline-head",
    ),
    pytest.param("", "ZorbNet 的规模为 7B，QuxNet 为 13B。", set(), id="zh-side-by-side-sizes-compare-nothing"),
    pytest.param(
        "", "ZorbNet 的参数量为 7.2，QuxNet 为 13.5。", set(), id="zh-side-by-side-a-parameter-count-compares-nothing"
    ),
    pytest.param(
        OWN_ZH,
        "在不增加推理开销的前提下，Zorblax 的得分为 76.4，QuxNet 为 70.9。",
        {("Zorblax", "QuxNet", None, None)},
        id="zh-side-by-side-a-cost-word-of-another-clause-does-not-flip",
    ),
    pytest.param(
        OWN_ZH, "Zorblax 的训练数据中 30% 为合成数据，QuxNet 为 55%。", set(), id="zh-side-by-side-a-share-is-no-result"
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 使用 QuxNet 作为骨干，成功率为 77%，BlorpNet 为 41%。",
        set(),
        id="zh-side-by-side-a-tool-is-no-subject",
    ),
    pytest.param(
        OWN_ZH,
        "模块化训练的延迟仅为 4 ms，而 QuxNet 为 11 ms。",
        {("Zorblax", "QuxNet", None, "Latency")},
        id="zh-er-a-stated-score-keeps-the-own-system-elided",
    ),
    pytest.param(
        "", "QuxNet（微调后）为 22.3 cm，BlorpPlan 为 9.0 cm。", set(), id="zh-side-by-side-no-measure-compares-nothing"
    ),
    pytest.param(
        "",
        "ZorbNet 的准确率为 81%，QuxNet 的延迟为 42 ms。",
        set(),
        id="zh-side-by-side-two-measures-compare-nothing",
    ),
    pytest.param(
        OWN_ZH,
        "在弱光场景中，本文 ATE 2.45 cm，而 QuxNet 达 61.30 cm。",
        {("Zorblax", "QuxNet", None, "ATE")},
        id="zh-er-values-with-a-unit-the-own-system-elided",
    ),
    pytest.param(
        "",
        "ZorbNet 的定位误差为 3.1 cm，而 QuxNet 为 9.4 cm。",
        {("ZorbNet", "QuxNet", None, None)},
        id="zh-er-an-error-lower-wins",
    ),
    pytest.param(
        OWN_ZH,
        "分块缓存的延迟约 0.4 ms，而更复杂的 QuxNet 索引约 7.2 ms。",
        set(),
        id="zh-er-a-first-clause-with-its-own-subject-is-no-own-system",
    ),
    # -- paired values across a contrast (分别 / respectively) -------------------------
    pytest.param(
        "",
        "Phi-3 and Gemma-2 reach 71% and 74%, while Llama-2 and Falcon fall to 40% and 35% respectively.",
        {
            ("Phi-3", "Llama 2", None, None),
            ("Phi-3", "Falcon", None, None),
            ("Gemma 2", "Llama 2", None, None),
            ("Gemma 2", "Falcon", None, None),
        },
        id="paired-values-respectively",
    ),
    pytest.param(
        "",
        "在 MMLU 上，Phi-3（3.8B）和 Gemma-2（9B）的准确率为 71.2% 和 74.5%，而 Llama-2 和 Falcon 分别降至 40.1% 和 35.3%。",
        {
            ("Phi-3", "Llama 2", "MMLU", "Accuracy"),
            ("Phi-3", "Falcon", "MMLU", "Accuracy"),
            ("Gemma 2", "Llama 2", "MMLU", "Accuracy"),
            ("Gemma 2", "Falcon", "MMLU", "Accuracy"),
        },
        id="zh-paired-values-fenbie-size-notes",
    ),
    pytest.param(
        "",
        "在 MMLU 上，Gemma-2 的准确率为 74.5%，而 Llama-2 和 Falcon 分别仅为 40.1% 和 35.3%。",
        {("Gemma 2", "Llama 2", "MMLU", "Accuracy"), ("Gemma 2", "Falcon", "MMLU", "Accuracy")},
        id="zh-one-value-against-paired-values",
    ),
    pytest.param("", "Phi-3 and Gemma-2 reach 71% and 74% respectively.", set(), id="paired-values-no-contrast"),
    pytest.param(
        "",
        "在 MMLU 上，Phi-3 和 Gemma-2 分别提升了 5% 和 3%，而 Llama-2 和 Falcon 分别提升了 1% 和 2%。",
        set(),
        id="zh-paired-gains-are-no-values",
    ),
    # -- a task before a quality noun is no subject ----------------------------------
    pytest.param(
        OWN_EN,
        "ZorbNet models, a family of MLLMs with state-of-the-art QXR performance, even surpass GPT-4o.",
        {("ZorbNet", "GPT-4o", None, None)},
        id="task-before-performance-is-no-winner",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 取得了最先进的 QXR 性能，甚至超越了 GPT-4o。",
        {("Zorblax", "GPT-4o", None, None)},
        id="zh-task-before-xingneng-is-no-winner",
    ),
    # -- compared with a category's members, then its superiority ---------------------
    pytest.param(
        OWN_ZH,
        "通过与现有检索器（如 BM25、Contriever）进行对比，实验展示了 Zorblax 的优越性。",
        {("Zorblax", "BM25", None, None), ("Zorblax", "Contriever", None, None)},
        id="zh-members-compared-then-superiority",
    ),
    pytest.param(
        OWN_EN,
        "Compared with existing retrievers (e.g., BM25, Contriever), the experiments show the superiority of ZorbNet.",
        {("ZorbNet", "BM25", None, None), ("ZorbNet", "Contriever", None, None)},
        id="members-compared-then-superiority",
    ),
    pytest.param(
        OWN_ZH,
        "通过与现有检索器（如 BM25、Contriever）进行对比，分析了各自的优缺点。",
        set(),
        id="zh-members-compared-without-a-win",
    ),
    # -- a dataset named as the model trained on it ------------------------------------
    pytest.param(
        OWN_DATA_ZH,
        "Zorblax-1M 预训练模型在零样本设置下的准确率均优于 CLIP 和 SigLIP 2 等基础模型。",
        {("Zorblax-1M 预训练模型", "CLIP", None, "Accuracy"), ("Zorblax-1M 预训练模型", "SigLIP 2", None, "Accuracy")},
        id="zh-model-pretrained-on-own-dataset-wins",
    ),
    pytest.param(
        OWN_DATA_EN,
        "Models pretrained on Zorblax-1M outperform CLIP and SigLIP 2 in zero-shot retrieval.",
        {
            ("Models pretrained on Zorblax-1M", "CLIP", None, None),
            ("Models pretrained on Zorblax-1M", "SigLIP 2", None, None),
        },
        id="models-pretrained-on-own-dataset-win",
    ),
    pytest.param(
        OWN_DATA_ZH,
        "在 Zorblax-1M 上，ZorbNet 优于 CLIP。",
        {("ZorbNet", "CLIP", "Zorblax-1M", None)},
        id="zh-own-dataset-as-benchmark-stays-a-dataset",
    ),
    # -- a system that only describes the compared one in a frame -----------------------
    pytest.param(
        OWN_ZH,
        "相比于仅使用 GPT-4o 生成标签训练的基线模型（Zorblax-Base），Zorblax 的准确率高出 2.4%。",
        {("Zorblax", "Zorblax-Base", None, "Accuracy")},
        id="zh-frame-object-described-by-another-system",
    ),
    pytest.param(
        OWN_ZH,
        "相比于 GPT-4o 和 Qwen2-7B，Zorblax 的准确率高出 2.4%。",
        {("Zorblax", "GPT-4o", None, "Accuracy"), ("Zorblax", "Qwen2-7B", None, "Accuracy")},
        id="zh-frame-objects-listed",
    ),
    # -- the members listed after a class of baselines ---------------------------------
    pytest.param(
        OWN_ZH,
        "Zorblax 在 NLI 分数上全面超越了现有的主流方法，包括直接 Prompting、模型微调（Fine-tuning）以及检索增强方法。",
        {
            ("Zorblax", "直接 Prompting", None, None),
            ("Zorblax", "模型微调", None, None),
            ("Zorblax", "检索增强方法", None, None),
        },
        id="zh-members-of-a-class-of-baselines-lose",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms existing methods, including direct prompting, full fine-tuning and Mistral-7B.",
        {
            ("ZorbNet", "direct prompting", None, None),
            ("ZorbNet", "full fine-tuning", None, None),
            ("ZorbNet", "Mistral-7B", None, None),
        },
        id="members-of-a-class-of-baselines-lose",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms all prior methods, including QuxNet and VorpNet, on GlimSet.",
        {("ZorbNet", "QuxNet", "GlimSet", None), ("ZorbNet", "VorpNet", "GlimSet", None)},
        id="named-members-before-a-baseline-phrase-lose",
    ),
    pytest.param(
        OWN_ZH,
        "在 GlimSet 上，Zorblax 超越了无插件和现有插件适配基线。",
        {("Zorblax", "无插件", "GlimSet", None)},
        id="zh-setting-without-a-component-loses",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的误差比 QuxNet 高 20%。",
        {("QuxNet", "Zorblax", None, None)},
        id="zh-more-error-than-b-loses",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 Vorp-8B 和 32B token 的预训练数据上，准确率比 QuxNet 高 4.2%。",
        {("Zorblax", "QuxNet", None, "Accuracy")},
        id="zh-size-before-a-count-noun-is-no-model",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 比 QuxNet 高 20% 的误差率。",
        {("QuxNet", "Zorblax", None, "Error Rate")},
        id="zh-more-error-rate-than-b-loses",
    ),
    pytest.param(
        OWN_ZH,
        "QuxNet 在 Vorp-8B 和 Vorp-32B 模型上分别提升了 3.1% 和 2.2%，而 Zorblax 提升更多。",
        set(),
        id="zh-another-systems-gain-on-listed-models",
    ),
    pytest.param(
        OWN_ZH,
        "在 Vorp-8B 和 Vorp-32B 模型上，Zorblax 的通过率取得了较大提升。",
        {("Zorblax", "Vorp-32B", None, None), ("Zorblax", "Vorp-8B", None, None)},
        id="zh-adverb-jiao-is-no-compared-system",
    ),
    pytest.param(
        OWN_ZH,
        "与三个基线相比，Zorblax 在 GlimSet 上的准确率提高了 4.1%。",
        set(),
        id="zh-count-before-baseline-is-a-class",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimSet 上优于解码策略。",
        set(),
        id="zh-bare-paradigm-policy-is-a-class",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimSet 上优于不使用检索的方法。",
        set(),
        id="zh-methods-without-a-component-are-a-class",
    ),
    pytest.param(
        OWN_ZH,
        "与 QuxNet 相比，Zorblax 的准确率并未提高。",
        set(),
        id="zh-negated-gain-in-a-frame-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "错误率从 SFT 基线的 5.1% 升至 8.3%。",
        set(),
        id="zh-error-rising-from-a-described-base-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "QuxNet 将准确率从 SFT 基线的 50.1% 提升至 55.3%，而 Zorblax 进一步达到 60.2%。",
        {("Zorblax", "QuxNet", None, "Accuracy")},
        id="zh-another-systems-from-to-over-a-described-base",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet attains 71.2 BLEU using 4 layers, compared with 68.0 for QuxNet.",
        {("ZorbNet", "QuxNet", None, "BLEU")},
        id="value-for-a-system-against-the-subjects-level-not-a-count",
    ),
    pytest.param(
        OWN_EN,
        "Building on QuxNet, ZorbNet achieves 90.2% accuracy, compared with 50.1% for VorpNet.",
        {("ZorbNet", "VorpNet", None, None)},
        id="value-for-a-system-won-by-the-nearest-subject",
    ),
    pytest.param(
        OWN_ZH,
        "本方法的置信度为 0.75，而普通微调为 0.38。",
        {("Zorblax", "普通微调", None, None)},
        id="zh-self-reference-subject-before-a-contrast",
    ),
    pytest.param(
        OWN_ZH,
        "若去掉记忆模块，准确率将从 SFT 基线的 50.1% 提升至 55.3%。",
        set(),
        id="zh-from-to-under-a-condition-is-no-claim",
    ),
    pytest.param(
        OWN_ZH,
        "在归因任务中，性能从 SFT 基线的 56.96% 提升至 60.83%。",
        {("Zorblax", "SFT 基线", None, None)},
        id="zh-from-a-described-baseline-to-a-value",
    ),
    pytest.param(
        OWN_ZH,
        "与自回归基线相比，Zorblax 的推理速度提高了至多 3 倍。",
        {("Zorblax", "自回归基线", None, None)},
        id="zh-described-baseline-in-a-with-frame-loses",
    ),
    pytest.param(
        OWN_ZH,
        "与代表性基线相比，Zorblax 提升了 3%。",
        set(),
        id="zh-class-of-baselines-in-a-with-frame-is-anonymous",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的成功率达到 92.9%，显著超过蒸馏盲策略的 31.2% 成功率。",
        {("Zorblax", "蒸馏盲策略", None, "Success Rate")},
        id="zh-paradigm-then-a-policy-head-is-one-baseline",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的成功率显著超过检索方法。",
        set(),
        id="zh-paradigm-then-a-method-head-is-a-class",
    ),
    pytest.param(
        OWN_ZH,
        "相比未采用层级检索的同架构模型，Zorblax 的绝对性能提高了约 20%。",
        {("Zorblax", "未采用层级检索的同架构模型", None, None)},
        id="zh-variant-without-a-component-loses",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 显著优于代表性基线。",
        set(),
        id="zh-class-of-baselines-is-no-described-baseline",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet achieves 90% success on GlimSet compared with 50% for QuxNet and 61% for VorpNet.",
        {("ZorbNet", "QuxNet", "GlimSet", None), ("ZorbNet", "VorpNet", "GlimSet", None)},
        id="value-compared-with-a-value-for-each-system",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet has a mean error of 64.9 degrees, versus 98.2 degrees for QuxNet.",
        {("ZorbNet", "QuxNet", None, None)},
        id="lower-error-versus-a-value-for-a-system-wins",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet is trained for 10 epochs, compared with 50 epochs for QuxNet.",
        set(),
        id="value-for-a-system-with-no-measure-is-no-claim",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet is surpassed by prior methods, including QuxNet and VorpNet.",
        set(),
        id="passive-by-with-members-is-no-win",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms baselines on models such as QuxNet-7B and VorpNet-8B.",
        set(),
        id="models-named-after-a-preposition-are-no-members",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms strong baselines, including QuxNet, VorpNet, and others, on GlimSet.",
        {("ZorbNet", "QuxNet", "GlimSet", None), ("ZorbNet", "VorpNet", "GlimSet", None)},
        id="members-list-ending-in-others",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 比 QuxNet 提高了 30% 的成本效益。",
        {("Zorblax", "QuxNet", None, None)},
        id="zh-cost-word-inside-a-longer-measure-keeps-the-win",
    ),
    pytest.param(
        OWN_ZH,
        "相比 QuxNet，Zorblax 的优势维持在 5 个百分点以上。",
        {("Zorblax", "QuxNet", None, None)},
        id="zh-level-filter-only-on-comparatives",
    ),
    pytest.param(
        OWN_ZH,
        "虽然 VorpNet 可能更快，但 Zorblax 的误差比 QuxNet 高 20%。",
        {("QuxNet", "Zorblax", None, None)},
        id="zh-hedge-of-another-clause-keeps-the-loss",
    ),
    pytest.param(
        OWN_ZH,
        "原始模型的置信度为 0.62，而普通微调为 0.38。",
        set(),
        id="zh-contrast-with-its-own-subject-is-not-the-papers",
    ),
    pytest.param(
        OWN_ZH,
        "基于 QuxNet 的 Zorblax 置信度为 0.75，而普通微调为 0.38。",
        {("Zorblax", "普通微调", None, None)},
        id="zh-contrast-pairs-the-papers-system-not-its-basis",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimSet 上超越了无监督和弱监督基线。",
        set(),
        id="zh-paradigm-opening-with-wu-is-no-baseline",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在延迟上比 QuxNet 高 20%。",
        {("QuxNet", "Zorblax", None, "Latency")},
        id="zh-more-latency-framed-with-shang-loses",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 Vorp-8B 和 32B 模型上分别实现了 9.3% 和 7.5% 的绝对性能提升。",
        {("Zorblax", "Vorp-8B", None, None), ("Zorblax", "Vorp-32B", None, None)},
        id="zh-sizes-listed-after-a-sized-model-are-its-family",
    ),
    pytest.param(
        OWN_ZH,
        "实体测试中，Zorblax 的置信度为 0.75，而普通微调为 0.38。",
        {("Zorblax", "普通微调", None, None)},
        id="zh-described-baseline-after-a-contrast-loses-on-values",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的置信度为 0.75，而现有方法为 0.38。",
        set(),
        id="zh-anonymous-class-after-a-contrast-is-no-loser",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的置信度为 0.75，而普通微调则收敛更慢。",
        set(),
        id="zh-described-baseline-after-a-contrast-needs-a-value",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 仅比 QuxNet 增加了 0.9 毫秒的延迟。",
        {("QuxNet", "Zorblax", None, "Latency")},
        id="zh-more-latency-than-b-loses",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 检测漂移的敏感度比 QuxNet 高近 2 倍。",
        {("Zorblax", "QuxNet", None, "Sensitivity")},
        id="zh-cost-word-inside-the-measure-keeps-the-win",
    ),
    pytest.param(
        OWN_ZH,
        "但 Zorblax 的计算开销可能比 QuxNet 更高。",
        set(),
        id="zh-hedged-higher-cost-is-no-claim",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的重建性能相比 QuxNet 略有饱和，这与其更高级别的抽象表示有关。",
        set(),
        id="zh-higher-level-is-no-gain",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimSet 上显著优于现有的基于标注和无标注方法。",
        set(),
        id="zh-class-of-methods-without-a-component-is-anonymous",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 GlimSet 上优于无需训练。",
        set(),
        id="zh-no-need-is-no-baseline",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms strong baselines, including QuxNet, VorpNet, and BlipNet-2, while using less memory.",
        {
            ("ZorbNet", "QuxNet", None, None),
            ("ZorbNet", "VorpNet", None, None),
            ("ZorbNet", "BlipNet-2", None, None),
        },
        id="members-list-with-serial-comma-closed-by-a-comma",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet outperforms existing methods, including QuxNet and stronger ones, in most settings.",
        set(),
        id="members-list-with-an-item-that-is-no-member",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 显著优于现有方法，例如在 FLD（一种距离指标）上取得了显著提升。",
        set(),
        id="zh-example-clause-after-a-class-is-no-member",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet clearly outperforms existing methods, for example on QuuxBench it gains 5%.",
        set(),
        id="example-clause-after-a-class-is-no-member",
    ),
    # -- rankings over the clauses of one line ------------------------------------------
    pytest.param(
        "",
        "总体排名：Zorblax-7B 在所有维度表现最强；Qwen2-7B 排名第二，但稳定性不足；"
        "Mistral-7B 在合规性上表现出色；Gemma-7B 和 Phi-3 在对抗环境下显著下降。",
        {
            ("Zorblax-7B", "Qwen2-7B", None, None),
            ("Zorblax-7B", "Mistral-7B", None, None),
            ("Zorblax-7B", "Gemma-7B", None, None),
            ("Zorblax-7B", "Phi-3", None, None),
            ("Qwen2-7B", "Mistral-7B", None, None),
            ("Qwen2-7B", "Gemma-7B", None, None),
            ("Qwen2-7B", "Phi-3", None, None),
        },
        id="zh-ranking-across-clauses",
    ),
    pytest.param(
        "",
        "Overall ranking: Zorblax-7B is the strongest on every axis; Qwen2-7B ranks second; "
        "Mistral-7B v0.3 and Gemma-7B degrade under attack.",
        {
            ("Zorblax-7B", "Qwen2-7B", None, None),
            ("Zorblax-7B", "Mistral-7B v0.3", None, None),
            ("Zorblax-7B", "Gemma-7B", None, None),
            ("Qwen2-7B", "Mistral-7B v0.3", None, None),
            ("Qwen2-7B", "Gemma-7B", None, None),
        },
        id="ranking-across-clauses-with-a-version",
    ),
    pytest.param(
        "",
        "Zorblax-7B 在所有维度表现最强；Qwen2-7B 在合规性上表现出色；Mistral-7B 在对抗环境下显著下降。",
        set(),
        id="zh-superlative-without-a-second-rank-ranks-nothing",
    ),
    pytest.param(
        "",
        "在 BarBench 排行榜上，Qwen2-7B 在 7B 参数级别的模型中排名第二；Zorblax-2B 在 1B-2B 参数尺寸范围内排名第一。",
        set(),
        id="zh-ranks-in-different-groups-rank-nothing",
    ),
    pytest.param(
        "",
        "总体排名：Zorblax-7B 和 Qwen2-7B 并列第一；Mistral-7B 排名第二。",
        set(),
        id="zh-tied-first-ranks-nothing",
    ),
    pytest.param(
        OWN_ZH,
        "在 Qwen2-7B 上，Zorblax 将 pass@64 从 GRPO 的 64.1 提高到 70.3，DAPO 的 69.3 提高到 72.5，Mistral-7B 的 73.2 提高到 76.8。",
        {("Zorblax", "GRPO", None, None), ("Zorblax", "DAPO", None, None), ("Zorblax", "Mistral-7B", None, None)},
        id="zh-from-to-list-names-each-base",
    ),
    pytest.param(
        OWN_ZH,
        "例如，其吞吐量相较于基线模型（如 Qwen2-7B）实现了一个数量级的提升，并成功泛化到 ZorbNA 等新任务。",
        {("Zorblax", "Qwen2-7B", None, "Throughput")},
        id="zh-frame-name-after-the-gain-is-no-winner",
    ),
    pytest.param(
        OWN_ZH,
        "该方法用于指令图像编辑（ZIE）。实验表明，将 Zorblax 应用于 Qwen2-7B 和 Mistral-7B 等先进 ZIE 模型后，"
        "分别取得了 2.57 倍和 2.06 倍的端到端加速。",
        {("Zorblax", "Qwen2-7B", None, None), ("Zorblax", "Mistral-7B", None, None)},
        id="zh-applied-to-bases-speed-up-past-a-task-acronym",
    ),
    pytest.param(
        OWN_ZH,
        "在对 Qwen2-7B 基础模型进行从零开始的训练时，Zorblax 方法使其平均得分提高了 26.4 个百分点。",
        {("Zorblax", "Qwen2-7B", None, None)},
        id="zh-base-model-framed-by-zai-dui",
    ),
    pytest.param(
        "",
        "Zorblax-7B 的 UV 分割在面积失真指标上为 0.562，低于 Qwen2-7B 的 0.849。",
        {("Zorblax-7B", "Qwen2-7B", None, None)},
        id="zh-lower-distortion-wins",
    ),
    pytest.param(
        OWN_ZH,
        "实验表明，Zorblax 在故障定位方面显著优于直接提示和轻量级基线。",
        {("Zorblax", "直接提示", None, None)},
        id="zh-cue-verb-then-a-described-paradigm",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 是首个能够持续超越全量数据训练效果的剪枝方法。在 Qwen2-7B 模型上，Zorblax 仅使用 12.5% 的原始训练数据，"
        "其平均性能就比使用全量数据进行 SFT 的基线模型高出 38%。",
        {("Zorblax", "使用全量数据进行 SFT 的基线模型", None, None)},
        id="zh-one-baseline-described-twice-is-one-row",
    ),
    pytest.param(
        OWN_ZH,
        "对比方法包括 Qwen2-7B 和 Mistral-7B。现有方法通常需要在大规模数据集上进行大量训练才能达到最佳性能。",
        set(),
        id="zh-best-as-a-condition-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "对比方法包括 Qwen2-7B。虽然模型支持灵活的 ZFG 尺度，但找到最优的引导尺度仍然需要一定的探索。",
        set(),
        id="zh-finding-the-best-setting-is-no-win",
    ),
    pytest.param(
        "我们提出了 Zorblax，一种新的位置外推方法。",
        "实验表明，Zorblax 在多个基准上均显著优于基线方法。例如，在 FooBench 上，Zorb-YaRN 变体的 FID 为 186.0，"
        "优于基线 Quibble-3B 的 192.2。在人类评估中，与 Quibble-3B 相比，Zorb-YaRN 获得了 87% 的偏好率。",
        {("Zorblax", "Quibble-3B", "FooBench", None), ("Zorb-YaRN", "Quibble-3B", "FooBench", "FID")},
        id="zh-a-variant-is-none-of-the-baselines",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 在 FooBench 评估中显著降低了幻觉率（Qwen2-7B 的幻觉率分别降低了 19.12% 和 29.87%），优于 Mistral-7B 和 Llama-3-8B 等现有方法。",
        {
            ("Zorblax", "Mistral-7B", "FooBench", "Hallucination Rate"),
            ("Zorblax", "Llama-3-8B", "FooBench", "Hallucination Rate"),
        },
        id="zh-a-system-in-an-aside-is-no-subject",
    ),
    pytest.param(
        "我们提出了 Zorblax，一种新的代码模型。",
        "Zorblax 在 LiveCodeBench v5 上达到 62.9，优于 Qwen2-7B。",
        {("Zorblax", "Qwen2-7B", "LiveCodeBench v5", None)},
        id="a-benchmark-keeps-its-version-tag",
    ),
    pytest.param(
        "我们提出了 Zorblax，一种新的路由方法。",
        "在 GSM8K 上，Zorblax 与独立的单一大模型相比，准确率提升了 10.7%。",
        {("Zorblax", "独立的单一大模型", "GSM8K", "Accuracy")},
        id="zh-standalone-single-model-is-a-described-baseline",
    ),
    pytest.param(
        OWN_ZH,
        "在面对含噪声的提示时，Zorblax 的性能下降仅为 0.12%，远优于单体模型基线的 6.20%。",
        {("Zorblax", "单体模型基线", None, None)},
        id="zh-described-baseline-before-its-score",
    ),
    pytest.param(
        OWN_ZH,
        "对比方法包括 Qwen2-7B。未来方向：探索将 Zorblax 与更广泛的多模态训练数据结合的最佳策略。",
        set(),
        id="zh-the-best-strategy-to-explore-is-no-win",
    ),
    pytest.param(
        OWN_ZH,
        "该方法取得了显著改进（例如，在 FooBench 上 Qwen2-7B 提升 8.4%，在 BarBench 上提升 8.6%）。",
        {("Zorblax", "Qwen2-7B", "FooBench", None), ("Zorblax", "Qwen2-7B", "BarBench", None)},
        id="zh-a-base-opening-its-clause-gains",
    ),
    pytest.param(
        OWN_ZH,
        "例如，在 FooBench 上 Qwen2-7B 模型通过 Zorblax 实现了 48.87% 的修正提升，相比基线的 17.40% 提升了 31.47%。",
        set(),
        id="zh-a-gain-against-a-frame-is-no-gain-over-the-base",
    ),
    # -- a clause that goes on with the gain on another benchmark ----------------------
    pytest.param(
        "",
        "在 GSM8K 上，Zorblax-7B 超越 Qwen2-7B 达 5.1%（44.8 vs. 39.7），并在 MATH 上提升 3.8%（60.2 vs. 56.4）。",
        {("Zorblax-7B", "Qwen2-7B", "GSM8K", None), ("Zorblax-7B", "Qwen2-7B", "MATH", None)},
        id="zh-and-clause-goes-on-with-the-gain",
    ),
    pytest.param(
        "",
        "On GSM8K, Zorblax-7B outperforms Qwen2-7B by 5.1 points, and on MATH it improves accuracy by 3.8 points.",
        {("Zorblax-7B", "Qwen2-7B", "GSM8K", None), ("Zorblax-7B", "Qwen2-7B", "MATH", None)},
        id="and-clause-goes-on-with-the-gain",
    ),
    pytest.param(
        "",
        "在 GSM8K 上，Zorblax-7B 超越 Qwen2-7B，并在 MATH 上与其持平。",
        {("Zorblax-7B", "Qwen2-7B", "GSM8K", None)},
        id="zh-and-clause-at-parity-is-no-gain",
    ),
    pytest.param(
        "",
        "在 GSM8K 上，Zorblax-7B 超越 Qwen2-7B，但在 MATH 上提升有限。",
        {("Zorblax-7B", "Qwen2-7B", "GSM8K", None)},
        id="zh-but-clause-is-no-continuation",
    ),
    pytest.param(  # the model a gain is measured on is its setting, not the subject of the gain
        OWN_ZH,
        "Zorblax 在相同预算下优于 Quux-7B，在 Plonk-3B 模型上平均性能比 Quux-7B 提升 1.8 个点。",
        {("Zorblax", "Quux-7B", None, None)},
        id="zh-model-setting-is-no-subject",
    ),
    # -- all baselines: the baselines the paper names --------------------------------
    pytest.param(
        OWN_ZH,
        "对比方法包括 Llama-3-8B、Mistral-7B 和 Qwen2-7B。在 MMLU 上，Zorblax 优于所有基线方法。",
        {
            ("Zorblax", "Llama-3-8B", "MMLU", None),
            ("Zorblax", "Mistral-7B", "MMLU", None),
            ("Zorblax", "Qwen2-7B", "MMLU", None),
        },
        id="zh-all-baselines",
    ),
    pytest.param(  # an optimum of a search is no superlative claim
        OWN_ZH,
        "对比方法包括 Llama-3-8B 和 Mistral-7B。传统方法极易陷入局部最优。仅当误差降低时才更新当前最优姿态。"
        "通过收集的少量非最优探索数据训练世界模型，再挑选模型预测中的最优动作。",
        set(),
        id="zh-local-non-optimal-and-optimal-pose-or-action-are-no-wins",
    ),
    pytest.param(  # the category before the parenthesis is the compared one, not the subject
        OWN_ZH,
        "在低覆盖站点（如 Plonk-Site, 20%覆盖），Zorblax 相比学习模型（Mistral-7B）性能提升 16 pp。",
        {("Zorblax", "Mistral-7B", None, None)},
        id="zh-subject-before-a-compared-category-is-no-category",
    ),
    pytest.param(  # a system's suffix after a dataset word ('Arena'): a method, not the benchmark
        "我们提出了 ZorbArenaRL，一种强化学习范式。",
        "此外，ZorbArenaRL 在 BarBench 上显著优于 Mistral-7B。",
        {("ZorbArenaRL", "Mistral-7B", "BarBench", None)},
        id="zh-system-suffix-after-a-dataset-word",
    ),
    pytest.param(  # 领先的 describes the baseline; the class names the baseline after it
        OWN_ZH,
        "Zorblax 在真实机器人平台上比领先的 ZWAM 基线 Mistral-7B 快 9 倍。",
        {("Zorblax", "Mistral-7B", None, None)},
        id="zh-leading-class-baseline-named-after-it",
    ),
    pytest.param(
        OWN_ZH,
        "对比基线包括 Llama-3-8B 和 Mistral-7B。Zorblax 在 GSM8K 上超越了所有基线。",
        {("Zorblax", "Llama-3-8B", "GSM8K", None), ("Zorblax", "Mistral-7B", "GSM8K", None)},
        id="zh-all-baselines-chaoyue",
    ),
    pytest.param(  # the baselines listed in bullets under a line labelled as the baselines
        OWN_ZH,
        "*   **基线方法**：与多种 SOTA 方法进行比较，包括：\n"
        "    *   **前馈方法**：Llama-3-8B，Mistral-7B。\n"
        "    *   **优化方法**：Qwen2-7B。\n"
        "*   **几何性能**：在 MMLU 上，Zorblax 显著优于所有基线方法。",
        {
            ("Zorblax", "Llama-3-8B", "MMLU", None),
            ("Zorblax", "Mistral-7B", "MMLU", None),
            ("Zorblax", "Qwen2-7B", "MMLU", None),
        },
        id="zh-all-baselines-listed-under-a-baseline-label",
    ),
    pytest.param(
        OWN_EN,
        "We compare against baselines such as Llama-3-8B and Mistral-7B. ZorbNet outperforms all baselines on MATH.",
        {("ZorbNet", "Llama-3-8B", "MATH", None), ("ZorbNet", "Mistral-7B", "MATH", None)},
        id="all-baselines",
    ),
    pytest.param(
        OWN_EN,
        "The baselines are Llama-3-8B and Mistral-7B. On MATH, ZorbNet outperforms all baselines.",
        {("ZorbNet", "Llama-3-8B", "MATH", None), ("ZorbNet", "Mistral-7B", "MATH", None)},
        id="all-baselines-dataset-first",
    ),
    pytest.param(  # 在 and 并 inside a word ('潜在', '并行') end no list of losers
        OWN_ZH,
        "Zorblax 显著优于因式分解的 QuxNet 和连续潜在变量的 BarNet，也优于并行解码的 FooNet。",
        {("Zorblax", "QuxNet", None, None), ("Zorblax", "BarNet", None, None), ("Zorblax", "FooNet", None, None)},
        id="zh-list-item-with-zai-inside-a-word",
    ),
    pytest.param(  # a name after the paper's self-reference and 的 is its measure, no system
        OWN_ZH,
        "在 Foo-Bench 上，本文模型的 MMS 达到 5.15，而 QuxNet 只有 4.61。",
        {("Zorblax", "QuxNet", "Foo-Bench", None)},
        id="zh-own-models-measure-is-no-winner",
    ),
    pytest.param(
        OWN_ZH,
        "在 Foo-Bench 上，其 MMS 达到 5.15，而 QuxNet 只有 4.61。",
        {("Zorblax", "QuxNet", "Foo-Bench", None)},
        id="zh-its-measure-is-no-winner",
    ),
    pytest.param(
        OWN_EN,
        "On Foo-Bench, our model's MMS reaches 85.1%, while QuxNet reaches 74.6%.",
        set(),
        id="our-models-measure-is-no-winner",
    ),
    pytest.param(  # every system listed with its value after a contrast is on the contrast's far side
        OWN_ZH,
        "Zorblax 在 Foo-Bench 上的成功率为 53.3%，而 QuxNet 为 28.9%、BarNet 为 17.8%，FooNet 为 0.0%。",
        {
            ("Zorblax", "QuxNet", "Foo-Bench", "Success Rate"),
            ("Zorblax", "BarNet", "Foo-Bench", "Success Rate"),
            ("Zorblax", "FooNet", "Foo-Bench", "Success Rate"),
        },
        id="zh-contrast-lists-more-systems-with-values",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的误差为 1.2 cm，而 QuxNet 为 2.9 cm、BarNet 为 0.8 cm。",
        {("Zorblax", "QuxNet", None, None), ("BarNet", "Zorblax", None, None)},
        id="zh-contrast-lists-more-systems-lower-is-better",
    ),
    pytest.param(  # the next clause states a size, not a value of the contrast
        OWN_ZH,
        "Zorblax 的成功率为 53.3%，而 QuxNet 为 28.9%，BarNet 的参数量为 7B。",
        {("Zorblax", "QuxNet", None, "Success Rate")},
        id="zh-contrast-list-ends-at-another-measure",
    ),
    pytest.param(  # 最高 before an amount says 'up to': no rank over the baselines
        OWN_ZH,
        "我们与基线 Mistral-7B 进行对比。引入专家编码器能带来显著的性能提升（最高可达+3.1%）。",
        set(),
        id="zh-zuigao-before-an-amount-is-up-to",
    ),
    pytest.param(
        OWN_ZH,
        "我们与基线 Mistral-7B 进行对比。Zorblax 在对抗攻击下的准确率下降更小（最高10.4%）。",
        set(),
        id="zh-zuigao-in-parentheses-is-up-to",
    ),
    pytest.param(  # the paper's strongest variant is no rank over the baselines
        OWN_ZH,
        "我们与基线 Mistral-7B 进行对比。我们的最强模型在单目深度估计任务上表现出色。",
        set(),
        id="zh-our-strongest-model-is-a-variant",
    ),
    pytest.param(  # a lower-case version tag is part of the name, known or not
        OWN_ZH,
        "在密集匹配任务上，RoMa v2 在多个数据集上均优于 RoMa 和 QuxNet。",
        {("RoMa v2", "RoMa", None, None), ("RoMa v2", "QuxNet", None, None)},
        id="zh-known-name-with-a-version-tag",
    ),
    pytest.param(
        OWN_EN,
        "QuxMa v2 outperforms QuxMa on MegaDepth.",
        {("QuxMa v2", "QuxMa", "MegaDepth", None)},
        id="name-with-a-version-tag",
    ),
    pytest.param(  # a model trained with a method wins as the method
        OWN_ZH,
        "在 Foo-Bench 基准上，使用 Zorblax 训练的 QuxNet-30B 模型相比 BarPO 实现了 6.9% 的提升。",
        {("Zorblax", "BarPO", "Foo-Bench", None)},
        id="zh-model-trained-with-the-method-wins-as-the-method",
    ),
    pytest.param(
        OWN_EN,
        "Qwen3-8B trained with ZorbNet outperforms GPT-4o on IFEval.",
        {("ZorbNet", "GPT-4o", "IFEval", None)},
        id="model-trained-with-the-method-wins-as-the-method",
    ),
    pytest.param(  # trained on what another model made: the trained model wins
        OWN_ZH,
        "使用 GPT-4o 生成的数据训练的 Qwen3-8B 在 IFEval 上超越了 QuxNet。",
        {("Qwen3-8B", "QuxNet", "IFEval", None)},
        id="zh-model-trained-on-another-models-data-wins-itself",
    ),
    pytest.param(  # the reference of 'N 倍于 X' and of 'A 是 X 的 N 倍' is no subject of a later cue
        OWN_ZH,
        "31.6% 的生成内核实现了至少 1.2 倍于 QuxTorch 参考的加速，超越了 BarNet-4.5（26.7%）和 FooNet-5（28.6%）。",
        {("Zorblax", "BarNet-4.5", None, None), ("Zorblax", "FooNet-5", None, None)},
        id="zh-times-reference-is-no-subject",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的速度是 QuxNet 的 3 倍，超越了 BarNet。",
        {("Zorblax", "QuxNet", None, None), ("Zorblax", "BarNet", None, None)},
        id="zh-times-object-is-no-subject",
    ),
    pytest.param(  # a compare frame that found its object says what the gain is over: no gain over the base
        OWN_ZH,
        "在使用 QuxNet-120B 模型时，Zorblax 与单次通过方法相比，平均性能提升了 18.7%。",
        {("Zorblax", "单次通过方法", None, None)},
        id="zh-framed-gain-is-not-over-the-base",
    ),
    pytest.param(  # the from-value is another system's: no gain over the base
        OWN_ZH,
        "例如，在 QuxNet-4B-Base 模型上，Zorblax 将数学推理准确率从标准 SFT 的 64.1% 提高到 69.1%。",
        set(),
        id="zh-from-value-of-another-is-no-gain-over-the-base",
    ),
    pytest.param(
        OWN_ZH,
        "例如，在 QuxNet-4B-Base 模型上，Zorblax 将准确率从 QuxNet-4B-Base 的 64.1% 提高到 69.1%。",
        {("Zorblax", "QuxNet-4B-Base", None, "Accuracy")},
        id="zh-from-value-of-the-base-is-a-gain-over-it",
    ),
    pytest.param(  # the system before 将 raised the value: it is no base of the paper's system
        OWN_ZH,
        "零样本任务中，QuxRL 将 F1 值从未调优基础模型的 0.513 提升至 0.686。",
        set(),
        id="zh-raiser-before-jiang-is-no-base",
    ),
    pytest.param(  # values side by side, the first written right after its measure word
        OWN_ZH,
        "两步Zorblax平均成功率81.8%，初始QuxVLA为71.4%。",
        {("Zorblax", "QuxVLA", None, "Success Rate")},
        id="zh-side-by-side-value-glued-to-its-measure",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的成功率为 81.8%，原始 QuxVLA 为 71.4%，BarNet 为 60.1%。",
        {("Zorblax", "QuxVLA", None, "Success Rate"), ("Zorblax", "BarNet", None, "Success Rate")},
        id="zh-side-by-side-later-system-with-a-setting-word",
    ),
    pytest.param(  # values per setting ('在 X 中') and reference values compare no systems
        OWN_ZH,
        "模型在QuxKit中的最高Pass@1分数为59.5%，BarKit为54.8%。",
        set(),
        id="zh-side-by-side-settings-are-no-systems",
    ),
    pytest.param(
        OWN_ZH,
        "作为对照，QuxNet为74.50% mAP和23.55 Hz，BarNet为77.44%和14.97 Hz。",
        set(),
        id="zh-side-by-side-references-are-no-claim",
    ),
    pytest.param(  # values after 成功/达到; a first clause that states a count starts no chain
        OWN_ZH,
        "双UR3真机四任务各20次，Zorblax成功60/80（75.0%），QuxNet成功38/80（47.5%），BarNet为35/80（43.8%）。",
        {("Zorblax", "QuxNet", None, None), ("Zorblax", "BarNet", None, None)},
        id="zh-side-by-side-after-a-count-clause",
    ),
    pytest.param(
        OWN_ZH,
        "Zorblax 的准确率为 81.2%，QuxNet 达到 75.3%。",
        {("Zorblax", "QuxNet", None, "Accuracy")},
        id="zh-side-by-side-value-after-dadao",
    ),
    pytest.param(  # the object of 'improves' is no subject of the participle after it
        OWN_EN,
        "ZorbNet improves QuxNet-7B by 4.1 points on FooBench, surpassing the larger BarNet-70B.",
        {("ZorbNet", "QuxNet-7B", "FooBench", None), ("ZorbNet", "BarNet-70B", "FooBench", None)},
        id="object-of-improves-is-no-subject",
    ),
    pytest.param(  # 'fine-tuning X with M': the claim is the method's
        OWN_EN,
        "Fine-tuning QuxNet-7B with ZorbNet yields 85.1% on FooBench, surpassing GPT-4o (80.2%).",
        {("ZorbNet", "GPT-4o", "FooBench", None)},
        id="fine-tuning-a-model-with-the-method-wins-as-the-method",
    ),
    pytest.param(  # only the paper's method is credited, never over the paper's own model
        "We propose ZorbLM-7B, a new language model.",
        "ZorbLM-7B fine-tuned with LoRA outperforms QuxLM-7B on FooBench.",
        {("ZorbLM-7B", "QuxLM-7B", "FooBench", None)},
        id="own-model-tuned-with-a-tool-keeps-its-win",
    ),
    pytest.param(
        OWN_ZH,
        "采用 AdamW 训练的 QuxLM-7B 在 FooBench 上优于 BarLM-7B。",
        {("QuxLM-7B", "BarLM-7B", "FooBench", None)},
        id="zh-model-trained-with-a-tool-keeps-its-win",
    ),
    pytest.param(  # both sides trained: method against method
        OWN_EN,
        "QuxLM-7B trained with ZorbNet outperforms QuxLM-7B trained with GRPO by 4.1%.",
        {("ZorbNet", "GRPO", None, None)},
        id="trained-with-the-method-against-trained-with-another",
    ),
    pytest.param(  # a listed value of another unit ends the list
        OWN_ZH,
        "Zorblax 的准确率为 53.3%，而 QuxNet 为 28.9%、BarNet 为 120 ms。",
        {("Zorblax", "QuxNet", None, "Accuracy")},
        id="zh-contrast-list-ends-at-another-unit",
    ),
    pytest.param(  # a self-reference's named baseline is a system, not a measure
        OWN_ZH,
        "在 FooBench 上，其 QuxNet 基线的准确率为 41.2%，而 Zorblax 达到 58.9%。",
        {("Zorblax", "QuxNet", "FooBench", "Accuracy")},
        id="zh-its-named-baseline-is-a-system",
    ),
    pytest.param(
        OWN_EN,
        "On FooBench, our method's QuxNet baseline scores 41.2%, while ZorbNet reaches 58.9%.",
        {("ZorbNet", "QuxNet", "FooBench", None)},
        id="our-methods-named-baseline-is-a-system",
    ),
    pytest.param(  # 最高 + an amount ranks when no gain word comes before it
        OWN_ZH,
        "我们与基线 Mistral-7B 进行对比。在所有方法中，Zorblax 以最高 92.1% 的准确率位居第一。",
        {("Zorblax", "Mistral-7B", None, "Accuracy")},
        id="zh-zuigao-with-a-value-ranks",
    ),
    pytest.param(  # the possessive variant's 最强 does not veto the later 最高
        OWN_ZH,
        "我们与基线 Mistral-7B 进行对比。我们的最强模型在 FooBench 上取得了最高的准确率。",
        {("Zorblax", "Mistral-7B", "FooBench", "Accuracy")},
        id="zh-our-strongest-model-ranks-by-a-later-superlative",
    ),
    pytest.param(
        OWN_ZH,
        "我们与基线 Mistral-7B 进行对比。H=30 时动作吞吐量最高提升 11.0 倍。",
        set(),
        id="zh-zuigao-before-a-gain-word-is-up-to",
    ),
    pytest.param(  # a frame after the base's gain leaves that gain standing
        OWN_ZH,
        "在 QuxLM-7B 上，Zorblax 平均提升了 12.5%，与 GRPO 相比也提升了 3.1%。",
        {("Zorblax", "GRPO", None, None), ("Zorblax", "QuxLM-7B", None, None)},
        id="zh-later-frame-leaves-the-base-gain",
    ),
    pytest.param(  # 最高 + an amount is 'up to' unless it is '以/取得 最高 N 的 X'
        OWN_ZH,
        "我们与基线 Mistral-7B 进行对比。Zorblax 的准确率最高可达 92.1%。",
        set(),
        id="zh-zuigao-keda-is-up-to",
    ),
    pytest.param(
        OWN_ZH,
        "我们与基线 Mistral-7B 进行对比。Zorblax 将推理延迟缩短最高 63%。",
        set(),
        id="zh-shorten-by-up-to",
    ),
    pytest.param(
        OWN_ZH,
        "我们与基线 Mistral-7B 进行对比。Zorblax 在 FooBench 上取得了最高 92.1% 的准确率。",
        {("Zorblax", "Mistral-7B", "FooBench", "Accuracy")},
        id="zh-achieves-the-highest-value-ranks",
    ),
    pytest.param(  # a compare frame in parentheses after the gain says what it is over
        OWN_ZH,
        "在 QuxLM-7B 上，Zorblax 提升了 3.1%（与 GRPO 相比）。",
        {("Zorblax", "GRPO", None, None)},
        id="zh-frame-in-parentheses-after-the-gain",
    ),
    pytest.param(  # another model trained with another method loses as that model
        OWN_EN,
        "Qwen3-8B trained with ZorbNet outperforms Llama-3-70B trained with RLHF on FooBench.",
        {("ZorbNet", "Llama-3-70B", "FooBench", None)},
        id="another-model-trained-with-another-method-loses-as-the-model",
    ),
    pytest.param(  # a system noun ends a word: '方法间一致性' leaves MMS a measure
        OWN_ZH,
        "本文方法的 MMS 方法间一致性为 0.82，高于 QuxNet 的 0.71。",
        {("Zorblax", "QuxNet", None, None)},
        id="zh-measure-before-a-compound-noun",
    ),
    pytest.param(  # a listed value of another unit is left out, the list goes on
        OWN_ZH,
        "Zorblax 的准确率为 62.5%，而 QuxNet 为 48.0%、BarNet 为 2.4 GB、GloNet 为 40.1%。",
        {("Zorblax", "QuxNet", None, "Accuracy"), ("Zorblax", "GloNet", None, "Accuracy")},
        id="zh-contrast-list-skips-another-unit",
    ),
    pytest.param(  # a first clause measuring something else ends the side-by-side chain
        OWN_ZH,
        "Zorblax 的推理延迟为 45 ms，QuxNet 的准确率为 71.4%，BarNet 为 65.0%。",
        set(),
        id="zh-side-by-side-head-of-another-measure-ends-the-chain",
    ),
    pytest.param(  # 达到 + a value + what reaching it takes: a threshold
        OWN_ZH,
        "Zorblax 的成功率为 81.2%，QuxNet 达到 50% 成功率需要 3 倍训练步数。",
        set(),
        id="zh-threshold-reached-is-no-value",
    ),
    pytest.param(  # 'Compared with B, A improves …': A opens the main clause, no list item of the frame
        OWN_EN,
        "Compared with GRPO, ZorbNet improves accuracy by 3.1% on QuxLM-7B.",
        {("ZorbNet", "GRPO", None, None)},
        id="subject-after-an-opening-frame-is-no-object",
    ),
    pytest.param(  # the paper's method raises named models' results, no amount stated
        OWN_ZH,
        "Zorblax 框架能够显著提升现有图像编辑模型（如 QuxEdit-2、BarGen2）的指令遵循能力。",
        {("Zorblax", "QuxEdit-2", None, None), ("Zorblax", "BarGen2", None, None)},
        id="zh-raise-of-named-models-without-an-amount",
    ),
    pytest.param(
        OWN_EN,
        "Our method consistently improves Qwen3-8B and Llama-3-8B.",
        {("ZorbNet", "Qwen3-8B", None, None), ("ZorbNet", "Llama-3-8B", None, None)},
        id="raise-of-named-models-without-an-amount",
    ),
    pytest.param(  # another cause, another system or a prospect raises nothing for the paper
        OWN_ZH,
        "扩大数据规模显著提升了 Qwen3-8B 的性能，QuxNet 也提升了 Llama-3-8B 的性能，Zorblax 有望提升 Mistral-7B 的性能。",
        set(),
        id="zh-raise-by-another-cause-or-a-prospect",
    ),
    pytest.param(  # a raise negated, hedged, asked, or only aimed at states no win
        OWN_ZH,
        "Zorblax 不会提升 Qwen3-8B 的性能。Zorblax 可能提升了 Llama-3-8B 的性能。本文研究如何提升 Mistral-7B 的性能。",
        set(),
        id="zh-raise-negated-hedged-or-aimed",
    ),
    pytest.param(
        OWN_EN,
        "ZorbNet rarely improves Qwen3-8B. If ZorbNet improves Llama-3-8B, the gain should transfer.",
        set(),
        id="raise-negated-or-conditional",
    ),
    pytest.param(  # a subject left out after another system's clause is that system's
        OWN_ZH,
        "Qwen3-8B 引入了思维链，显著提升了 Llama-3-8B 的性能。",
        set(),
        id="zh-raise-after-another-systems-clause",
    ),
    pytest.param(  # the paper's raise, then another system's: only the paper's
        OWN_EN,
        "ZorbNet improves Qwen3-8B and Llama-3-8B, whereas GRPO improves Mistral-7B.",
        {("ZorbNet", "Qwen3-8B", None, None), ("ZorbNet", "Llama-3-8B", None, None)},
        id="raise-then-another-systems-raise",
    ),
    pytest.param(  # a plural noun or 'across' after the last listed loser ends no list early
        OWN_EN,
        "ZorbNet outperforms QuxLM-7B, BarLM-13B, and BazLM-7B across all benchmarks.",
        {
            ("ZorbNet", "QuxLM-7B", None, None),
            ("ZorbNet", "BarLM-13B", None, None),
            ("ZorbNet", "BazLM-7B", None, None),
        },
        id="list-of-losers-before-across",
    ),
    pytest.param(  # a raised cost is no win
        OWN_ZH,
        "Zorblax 提高了 Qwen3-8B 的推理成本与能耗表现。",
        set(),
        id="zh-raised-cost-is-no-win",
    ),
    pytest.param(  # an English raise goes on through 'A, B, and C' and a dotted version
        OWN_EN,
        "ZorbNet improves QuxLM-7B, BarLM-13B, and Qwen3.5-7B, which are strong models.",
        {
            ("ZorbNet", "QuxLM-7B", None, None),
            ("ZorbNet", "BarLM-13B", None, None),
            ("ZorbNet", "Qwen3.5-7B", None, None),
        },
        id="raise-of-a-serial-list-of-models",
    ),
    pytest.param(  # a self-reference after another system's clause points back to it
        OWN_ZH,
        "GRPO 是一种常用的基线方法，该方法显著提升了 Qwen3-8B 的推理能力。",
        set(),
        id="zh-self-reference-after-another-systems-clause",
    ),
    pytest.param(  # another model of the named one ('X 的学生模型') is raised, not X; a question states nothing
        OWN_ZH,
        "Zorblax 提升了 Qwen3-8B 的学生模型的性能。Zorblax 可以提升 Llama-3-8B 的性能吗？",
        set(),
        id="zh-raise-of-anothers-model-or-a-question",
    ),
    pytest.param(  # without 'and', a comma after the first raised model starts another clause
        OWN_EN,
        "ZorbNet improves Qwen3-8B, Llama-3-8B in contrast shows no gain.",
        {("ZorbNet", "Qwen3-8B", None, None)},
        id="raise-list-needs-and",
    ),
    pytest.param(  # more English verbs end a list of losers
        OWN_EN,
        "ZorbNet outperforms QuxLM-7B, BarLM-13B wins only in the largest setting.",
        {("ZorbNet", "QuxLM-7B", None, None)},
        id="list-of-losers-ends-at-wins",
    ),
]


@pytest.mark.parametrize(("contribution", "sentence", "expected"), RULES)
def test_comparison_rule(extractor, contribution, sentence, expected):
    rec = extractor.extract(make_paper(sentence, contribution))
    assert rows_of(rec) == expected


SCORES = [
    # (sentence, winner_score, loser_score, unit): the scores a comparison row carries
    pytest.param("在 MATH 上，Zorblax-7B 取得 61.3% 的准确率，超过 Qwen2-7B（55.0%）。", 61.3, 55.0, "%", id="zh-cue"),
    pytest.param("Zorblax-7B 在 MATH 上的准确率达到 61.3%，优于 GPT-4o（55.0%）。", 61.3, 55.0, "%", id="zh-reach"),
    pytest.param("准确率：Zorblax-7B (78.2%) vs GPT-4o (64.5%)。", 78.2, 64.5, "%", id="vs"),
    pytest.param("在 Qwen2-7B 上，Zorblax 将 GSM8K 准确率从 55.2% 提升至 63.8%。", 63.8, 55.2, "%", id="zh-from-to"),
    pytest.param(
        "Zorblax-7B achieves a 4% accuracy gain over QuxNet.", None, None, None, id="en-gain-size-is-no-score"
    ),
    pytest.param(
        "Zorblax-7B 实现了 37% 的显著提升，表现远超 QuxNet。", None, None, None, id="zh-gain-size-is-no-score"
    ),
    pytest.param("Zorblax-7B 的得分超过 QuxNet 4.6分。", None, None, None, id="zh-margin-after-the-object-is-no-score"),
    pytest.param(
        "在 GlimSet 上，Zorblax-7B 以 75.1 分超过 QuxNet 70.3 分。", 75.1, 70.3, None, id="zh-both-scores-beside-a-cue"
    ),
    pytest.param(  # after 成功: the value of the same slot, not the count of trials
        "Zorblax-7B 在 20 次试验中成功 18 次，QuxNet 成功 11 次。", 18.0, 11.0, None, id="zh-success-slot-not-trials"
    ),
    pytest.param(  # a score glued to the Chinese word before it is still a score
        "在 GlimSet 上，Zorblax-7B 的准确率达到61.3%，超过了 QuxNet（55.0%）。", 61.3, 55.0, "%", id="zh-glued-score"
    ),
]


@pytest.mark.parametrize(("sentence", "winner_score", "loser_score", "unit"), SCORES)
def test_comparison_scores(extractor, sentence, winner_score, loser_score, unit):
    rec = extractor.extract(make_paper(sentence, OWN_ZH))
    assert [(c["winner_score"], c["loser_score"], c["unit"]) for c in rec["comparisons"]] == [
        (winner_score, loser_score, unit)
    ]


def test_model_trained_on_a_dataset_keeps_the_dataset_name_as_alias(extractor):
    """The winner 'X 预训练模型' is an entity of its own (role 'compared',
    alias X); the dataset X stays a dataset of the paper."""
    rec = extractor.extract(make_paper("Zorblax-1M 预训练模型优于 CLIP。", OWN_DATA_ZH))
    ent = next(e for e in rec["entities"] if e["name"] == "Zorblax-1M 预训练模型")
    assert ent["role"] == "compared" and "Zorblax-1M" in ent["aliases"]
    assert next(e for e in rec["entities"] if e["name"] == "Zorblax-1M")["type"] in ("Dataset", "Benchmark")


def test_described_baseline_is_reached_through_its_comparison_only(extractor):
    """A described baseline is an entity of the record with the role
    'compared' (aliases: its shorter names) and in the graph only the loser
    of its comparison: the paper does not use or propose it."""
    import pyoxigraph as ox

    from kg.link import entity_iri
    from kg.model import Report
    from kg.rdf.mapping import map_report

    paper = make_paper("与香草强化学习相比，Zorblax 在 GSM8K 上显著减少了 28.9% 的幻觉。", OWN_ZH)
    rec = extractor.extract(paper)
    ent = next(e for e in rec["entities"] if e["name"] == "香草强化学习")
    assert ent["role"] == "compared" and ent["type"] == "Method"
    store = ox.Store()
    nq = map_report(Report(path="r.txt", format="markdown", date=None, source_url=None, papers=(paper,)), [rec])
    store.load(nq, format=ox.RdfFormat.N_QUADS)
    node = ox.NamedNode(entity_iri(ent["key"]))
    loser = ox.NamedNode("https://w3id.org/paperkg#loser")
    assert len(list(store.quads_for_pattern(None, loser, node))) == 1
    papers = {q.subject for q in store.quads_for_pattern(None, None, None) if str(q.object).endswith("#Paper>")}
    assert papers and not [q for p in papers for q in store.quads_for_pattern(p, None, node)]


@pytest.mark.parametrize(
    ("subject", "own_wins"),
    [("该方法", True), ("Zorblax", True), ("Plan B", False), ("Variant-2", False)],
)
def test_a_superlative_of_a_named_setting_is_not_the_papers_win(extractor, subject, own_wins):
    """'结论：Plan B 在准确率上表现最佳' ranks a setting the text names (no
    entity: a label without evidence); only an elided subject or the paper's
    own name makes the paper's system win."""
    text = (
        "Plan B（特征融合）：通过一个轻量级网络融合两路特征。Variant-2：去掉融合。"
        f"我们与基线 Mistral-7B 进行对比。结论：{subject} 在准确率上表现最佳。"
    )
    rec = extractor.extract(make_paper(text, OWN_ZH))
    winners = {c["winner"] for c in rec["comparisons"]}
    assert ("zorblax" in winners) is own_wins


def test_by_contrast_names_no_baseline(extractor):
    """'相比之下' (by contrast) opens a contrast: the systems after it are no
    baselines for a later 'does best'."""
    text = "{}，Mistral-7B 等通用模型计算开销极低。结论：Zorblax 在准确率上表现最佳。"
    assert not rows_of(extractor.extract(make_paper(text.format("相比之下"), OWN_ZH)))
    assert rows_of(extractor.extract(make_paper(text.format("与基线相比"), OWN_ZH)))


_TASK_REPORT = """time: 20260116

# Arxiv Computer Vision Papers - 2026-01-16

## [Zorblax: Self-supervised View Synthesis in Dynamic Scenes](https://arxiv.org/abs/2601.99999v1)

**Abstract:**

We present Zorblax, a self-supervised framework for novel view synthesis (NVS) in dynamic scenes. \
Experiments on BarBench show that Zorblax consistently outperforms optimization-based and feed-forward \
baselines in full-frame NVS quality.

**Analysis:**

*   **运动分割准确性：** 其运动掩码生成器在**召回率**方面优于许多监督和自监督的基线方法。
"""


def test_a_task_acronym_is_no_baseline_of_all_baselines(extractor, tmp_path):
    """'novel view synthesis (NVS)' names a task: '… baselines in NVS quality'
    does not make NVS a baseline that '优于…基线方法' expands to."""
    from kg.read.parse import read_report

    path = tmp_path / "r.md"
    path.write_text(_TASK_REPORT, encoding="utf-8")
    (paper,) = read_report(path).papers
    rec = extractor.extract(paper)
    assert "nvs" not in {c["loser"] for c in rec["comparisons"]}
    assert "nvs" not in {e["key"] for e in rec["entities"]}


_TRAINED_REPORT = """time: 20251105

# Arxiv Computer Vision Papers - 2025-11-05

## [The ZorbCity Dataset: Accurate Vision Models for City Traffic](https://arxiv.org/abs/2511.99999v1)

**Abstract:**

This report describes the ZorbCity-26 dataset of annotated traffic-camera images.
Further, we train multiple contemporary detectors, including Quux-S/X and
Blorp-DETR-S/X using these datasets, and report accuracy based on mAP50.
Models trained on ZorbCity-26 achieve 8.4-31.5% improvements in
mAP50 over equivalent baseline models trained on COCO dataset, with
Blorp-DETR-X showing the best performance at 0.67 (mAP50) as compared to 0.40
for COCO-trained weights for common classes.
"""


def test_every_slot_of_a_comparison_is_an_entity_of_the_record(extractor, tmp_path):
    """'the best' expands to the paper's baselines; a described one ('baseline
    models trained on COCO') becomes an entity too, never a bare key (the
    graph had an unlabelled loser whose IRI held the key's NUL separators)."""
    from kg.read.parse import read_report

    path = tmp_path / "r.md"
    path.write_text(_TRAINED_REPORT, encoding="utf-8")
    (paper,) = read_report(path).papers
    rec = extractor.extract(paper)
    names = {e["key"]: e["name"] for e in rec["entities"]}
    assert rec["comparisons"]
    for c in rec["comparisons"]:
        assert {c["winner"], c["loser"]} <= set(names) and c["dataset"] in {None, *names}
    assert ("Blorp-DETR-X", "models trained on COCO") in {
        (names[c["winner"]], names[c["loser"]]) for c in rec["comparisons"]
    }


@pytest.mark.parametrize(
    ("sentence", "winner"),
    [
        pytest.param(
            "实验结果表明，ZorbPO 显著缓解了熵坍塌，例如在 Qwen2-7B 模型上，其 Pass@1 指标比 GRPO 提升了 5.7%。",
            "ZorbPO",
            id="the-own-name-that-is-the-sentences-subject",
        ),
        pytest.param(
            "实验表明，在 Qwen2-7B 模型上，其 Pass@1 指标比 GRPO 提升了 5.7%。",
            "ZARM",
            id="alone-the-papers-own-system",
        ),
    ],
)
def test_a_self_reference_stands_for_the_own_name_its_sentence_gives(extractor, sentence, winner):
    """'其' in a one-paragraph summary (no results section) that proposes a
    mechanism first and the algorithm it forms second: the sentence's own
    subject, when it names one of the paper's names, wins; else the paper's
    own system does."""
    contribution = "我们提出了一种优势重加权机制（ZARM），并最终形成 ZorbPO 算法。"
    rec = extractor.extract(make_paper(sentence, contribution, key="abstract"))
    assert rows_of(rec) == {(winner, "GRPO", None, "Pass@1")}


def test_a_keyword_list_before_the_text_types_nothing_and_competitors_list_members(extractor):
    """'**…, 模拟环境** Zorblax提出了…': the last keyword is no cue for the name
    after it; '优于同等规模的竞争对手，例如 B 的 48.5': B (with its score) is a
    member of the beaten class."""
    text = (
        "**检索增强, 模拟环境** Zorblax提出了一个统一框架，用于训练搜索智能体。Zorblax在多个基准测试中表现出最先进的性能，"
        "其总分达到51.3，显著优于同等规模的竞争对手，例如Qwen2-7B的48.5。"
    )
    rec = extractor.extract(make_paper(text, key="abstract", title="Zorblax: A Scalable Framework for Search Agents"))
    assert {e["name"]: e["type"] for e in rec["entities"]}["Zorblax"] == "Method"
    assert rows_of(rec) == {("Zorblax", "Qwen2-7B", None, None)}


@pytest.mark.parametrize(
    "second, datasets",
    [
        pytest.param(
            "Zorblax 与基线模型（Quux-7B）相比，准确率提升至少24%，且这些提升也迁移到干净的标准基准上。",
            {"FooBench"},
            id="these-gains-quantify-no-benchmark",
        ),
        pytest.param(
            "在这些基准上，Zorblax 的准确率比 Quux-7B 提升至少24%。",
            {"FooBench", "BarSet", "BazBench"},
            id="these-benchmarks-do",
        ),
    ],
)
def test_these_spreads_a_claim_over_the_inherited_benchmarks_only_when_it_names_them(extractor, second, datasets):
    """'这些提升' (these gains) is no 'on all of them': the claim keeps the
    first benchmark the sentence before named; '这些基准' (these
    benchmarks) spreads it over all of them."""
    text = "在 FooBench、BarSet 和 BazBench 基准测试中，现有模型的准确率下降高达35%。" + second
    rec = extractor.extract(make_paper(text, contribution="本文提出了 Zorblax 方法。"))
    assert {r[2] for r in rows_of(rec) if r[:2] == ("Zorblax", "Quux-7B")} == datasets


def test_a_task_label_heading_a_bullet_gives_way_to_the_datasets_it_names(extractor):
    """'**QIR任务：** 在 BarSet 和 BazSet 数据集上，M 优于 B': the heading names
    the task; the claim holds on the two named datasets only."""
    text = "*   **QIR任务：** 在 BarSet 和 BazSet 数据集上，Zorblax 显著优于基线方法（如 Quux-7B）。"
    rec = extractor.extract(make_paper(text, contribution="本文提出了 Zorblax 方法。"))
    assert {(r[1], r[2]) for r in rows_of(rec) if r[0] == "Zorblax"} == {("Quux-7B", "BarSet"), ("Quux-7B", "BazSet")}


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Plonk-2达到22.18，而Zorblax仅使用450M参数就达到了26.98的性能。", id="value-then-de"),
        pytest.param("Plonk-2的得分为22.18，而Zorblax达到26.98的准确率。", id="value-then-de-metric"),
    ],
)
def test_a_score_followed_by_de_is_still_a_stated_score(extractor, sentence):
    """'达到了 26.98 的性能' states 26.98 (the '的' after a number does not
    make it part of a word), so the contrast with 22.18 is a win."""
    rec = extractor.extract(make_paper(sentence, contribution="本文提出了 Zorblax 方法。", key="abstract"))
    assert {r[:2] for r in rows_of(rec)} == {("Zorblax", "Plonk-2")}


def test_an_example_with_its_subject_elided_is_the_papers_own_score(extractor):
    """'…，例如在 X 数据集上，ROUGE-1 达到了 37.5，而 B 为 33.7': the example's
    subject is the paper's own system, set against B's stated score."""
    rec = extractor.extract(
        make_paper(
            "实验表明，Zorblax 显著优于先前的扩散模型，例如在 BarSet 数据集上，ROUGE-1 达到了 37.5，"
            "而 Mistral-7B（774M）为 33.7。",
            contribution="本文提出了 Zorblax 方法。",
        )
    )
    assert {r[:3] for r in rows_of(rec)} == {("Zorblax", "Mistral-7B", "BarSet")}


def test_a_wide_camera_baseline_is_no_list_head(extractor):
    """'在 A 和 B 等具有大基线运动的挑战性数据集上': 大基线 (a wide camera
    baseline) is geometry; A and B stay the datasets the win holds on."""
    text = "在 FooScan 和 BarSet 等具有大基线运动的挑战性数据集上，Zorblax 显著优于 Quux-7B 及其扩展。"
    rec = extractor.extract(make_paper(text, contribution="本文提出了 Zorblax 方法。", key="abstract"))
    assert {r[2] for r in rows_of(rec) if r[:2] == ("Zorblax", "Quux-7B")} == {"FooScan", "BarSet"}


def test_all_baselines_are_those_listed_under_a_baseline_head_not_ablation_variants(extractor):
    """'与 A、B 等基线方法进行比较' names the baselines (before their head
    noun); what an ablation bullet compares ('比较 Direct Pred. 与 KP + PnP')
    are the method's own variants; 'Zorblax 优于所有基线方法' beats A and B."""
    text = (
        "*   **验证方法**：\n"
        "    *   **定量评估**：与 Quux-7B、Plonk-2 等基线方法进行比较。\n"
        "    *   **消融实验**：\n"
        "        *   **外参精炼**：比较直接预测（Direct Pred.）与关键点精炼（KP + PnP）的效果。\n"
        "*   **关键结果**：Zorblax 在点图估计方面显著优于所有基线方法。"
    )
    rec = extractor.extract(make_paper(text, contribution="本文提出了 Zorblax 方法。"))
    assert {r[1] for r in rows_of(rec) if r[0] == "Zorblax"} == {"Quux-7B", "Plonk-2"}


@pytest.mark.parametrize(
    "sentence, row",
    [
        pytest.param("Zorblax 的成功率达到20.8%（Quux-7B为3.1%）。", ("Zorblax", "Quux-7B", "BarBench"), id="named"),
        pytest.param(
            "成功率达到20.8%（Quux-7B 为 32.1%）。", ("Quux-7B", "Zorblax", "BarBench"), id="the-other-is-better"
        ),
        pytest.param(
            "模型无需演示即可完成未见过的任务，成功率达到20.8%（纯SFT模型为0%）。",
            ("Zorblax", "纯SFT模型", "BarBench"),
            id="described-baseline",
        ),
        pytest.param(
            "在 Llama-3-8B 模型上将毒性比例降至 12.5%（Quux-7B 为 20.3%）。",
            ("Zorblax", "Quux-7B", "BarBench"),
            id="reduced-to-a-value-lower-wins-the-framed-model-is-no-subject",
        ),
        pytest.param(
            "Zorblax 把通过率提高至 71.4%（Quux-7B 为 64.9%）。",
            ("Zorblax", "Quux-7B", "BarBench"),
            id="raised-to-a-value",
        ),
    ],
)
def test_a_baselines_value_in_parentheses_after_a_score_is_a_comparison(extractor, sentence, row):
    """'成功率达到 20.8%（B 为 0%）': the subject (here the paper's own system)
    and B compared on the stated values; a gain ('提升了 20.8%（B 为 …）') is not."""
    text = "*   在 BarBench 基准测试中取得了显著的性能提升：\n    *   " + sentence
    rec = extractor.extract(make_paper(text, contribution="本文提出了 Zorblax 方法。"))
    assert {r[:3] for r in rows_of(rec)} == {row}
    gain = extractor.extract(
        make_paper("在 BarBench 上，成功率提升了20.8%（Quux-7B为3.1%）。", "本文提出了 Zorblax 方法。")
    )
    assert not gain["comparisons"]


def test_a_described_baseline_of_a_paradigm_is_also_named_by_the_paradigm(extractor):
    """'纯SFT模型' (a pure SFT model) is also called 'SFT', as annotators and
    readers name it."""
    text = "在 BarBench 上，Zorblax 的成功率优于纯SFT模型。"
    rec = extractor.extract(make_paper(text, contribution="本文提出了 Zorblax 方法。"))
    loser = next(e for e in rec["entities"] if e["name"] == "纯SFT模型")
    assert "SFT" in loser["aliases"]


@pytest.mark.parametrize(
    ("contribution", "dataset"),
    [
        pytest.param("本文构建了 ZorbBench，一个评测代码智能体的基准。", "ZorbBench", id="own-benchmark"),
        pytest.param(OWN_DATA_ZH, None, id="own-dataset-only-in-result-sections"),
    ],
)
def test_a_benchmark_papers_claims_are_on_its_benchmark_in_any_section(extractor, contribution, dataset):
    """A paper that introduces one benchmark states its comparisons on it,
    in the abstract too, unless a sentence names another; an introduced
    training dataset is the default only in the result sections."""
    sentence = "Claude 3.5 Sonnet 的通过率为 48.0%，明显高于 Qwen2-7B 的 21.5%。"
    rec = extractor.extract(make_paper(sentence, contribution=contribution, key="abstract"))
    assert {r[:3] for r in rows_of(rec)} == {("Claude 3.5 Sonnet", "Qwen2-7B", dataset)}


def test_listed_models_are_the_setting_of_a_gain_over_another(extractor):
    """'在 A、B 和 C 模型上分别比 D 提升了…' (D described): the listed models are the setting;
    the gain is over D, never over them."""
    sentence = "Zorblax 始终优于无数据基线，例如在 Vorp-1.7B、8B 和 14B 模型上分别比最佳无数据基线提升了 1.61、0.74 和 1.23 点。"
    rows = rows_of(extractor.extract(make_paper(sentence, OWN_ZH)))
    assert not {loser for _, loser, _, _ in rows} & {"Vorp-1.7B", "Vorp-8B", "Vorp-14B"}
