"""Entity rules as a table: one row per text written for the test (names
invented or well known), with the names the extractor must keep and the
names it must not keep.  Each row runs the whole extractor on a small paper
(a contribution and one more section); roles are checked where the row
names them.

Families: acronyms defined by a common noun phrase (a concept, not a
name) against acronyms that are named, typed or proposed; translation
glosses that are names (typed, enumerated or proposed) against glosses
that only translate.
"""

from __future__ import annotations

import pytest

from conftest import make_paper
from kg.extract.extractor import Extractor


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def row(text, keep=(), drop=(), proposes=(), contribution="", title="A Study of Things", key="results", id=None):
    return pytest.param(text, set(keep), set(drop), set(proposes), contribution, title, key, id=id)


RULES = [
    # -- a score after a name is no part of it -------------------------------------------------
    row(
        "逐对象管线比较时：REAL275上Zorblax为51.1，QuxPose 55.1，BarPose 52.7；在 GlimBench 2025 上 QuxPose 最好。",
        keep={"QuxPose", "BarPose", "GlimBench 2025"},
        drop={"QuxPose 55.1", "BarPose 52.7"},
        id="a-score-after-a-name-is-no-part-of-it-a-year-is",
    ),
    # -- a patch-size suffix is part of the name ----------------------------------------------
    row(
        "Zorblax 在 GlimSet 上优于 QuxNet-XL/2 和 VorpNet-B/16，压缩率为 Latent/256，训练使用 ZeRO-2/3。",
        keep={"QuxNet-XL/2", "VorpNet-B/16"},
        drop={"QuxNet-XL", "VorpNet-B", "Latent/256", "ZeRO-2/3"},
        id="a-patch-size-suffix-is-part-of-the-name-a-ratio-or-stages-are-not",
    ),
    # -- acronyms of common noun phrases are concepts --------------------------------------
    row(
        "现有多智能体系统（MAS）常常静默失败，MAS 的错误难以定位；Zorblax-7B 在 BarBench 上优于 Quibble-3B。",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"MAS"},
        id="chinese-class-noun",
    ),
    row(
        "现有扩散语言模型（DLMs）难以修订早期决策，DLM 的解码也较慢；Zorblax-7B 在 BarBench 上优于 Quibble-3B。",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"DLM", "DLMs"},
        id="plural-concept-acronym-makes-its-singular-a-concept",
    ),
    row(
        "Multimodal Reasoning Models (MRMs) struggle with spatial tasks, and CoT prompted MRM outputs drift. "
        "Zorblax-7B beats Quibble-3B on BarBench.",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"MRMs", "MRM"},
        id="plural-acronym-is-a-class-even-with-a-capitalised-long-form",
    ),
    row(
        "Multi-agent systems (MAS) often fail silently, and MAS errors are hard to trace.",
        drop={"MAS"},
        id="english-lowercase-long-form-at-sentence-start",
    ),
    row(
        "Results on scene graph parsing (SGP) show that SGP remains hard for Zorblax-7B.",
        keep={"Zorblax-7B"},
        drop={"SGP"},
        id="english-lowercase-long-form",
    ),
    row(
        "该文定义了最大有效上下文窗口（MECW），并测量 MECW 随问题类型的变化。",
        contribution="本文提出了 Zorblax，一种轻量的评测方法，用于测量最大有效上下文窗口（MECW）。",
        keep={"Zorblax"},
        drop={"MECW"},
        proposes={"Zorblax"},
        id="cue-taken-by-an-earlier-name",
    ),
    row(
        "Zorblax 在 WebArena 上取得了最高的成功率。",
        contribution="本文提出了一个利用 GPT-4o 进行子目标规划和基于里程碑奖励的 Zorblax 强化学习训练框架。",
        keep={"Zorblax"},
        proposes={"Zorblax"},
        id="use-marker-inside-the-modifier-of-the-proposed-name",
    ),
    row(
        "Zorblax 先用 RANSAC 剔除外点，再以 Levenberg-Marquardt 做光束法平差（Bundle Adjustment），并在 WebGPU 上运行。",
        contribution="本文提出了 Zorblax，一种相机标定方法。",
        keep={"Zorblax"},
        drop={"RANSAC", "Levenberg-Marquardt", "Bundle Adjustment", "WebGPU"},
        id="numerical-routines-and-software-only-used",
    ),
    row(
        "长程运动预测（LMF）仍然困难。Zorblax-7B 在 BarBench 上优于 Quibble-3B，为构建更强大的 LMF 模型提供了实践指导。",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"LMF"},
        key="analysis",
        id="concept-after-a-later-cue",
    ),
    row(
        "运动场学习（Learned Motion Fields, LMF）仍然困难，Zorblax-7B 在 BarBench 上优于 Quibble-3B。",
        contribution="We study learned motion fields (LMF), and LMF remains hard for current models.",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"LMF"},
        key="analysis",
        id="lowercase-long-form-beats-a-capitalised-translation",
    ),
    row(
        "记忆代理（Reflection-Memory Agent, RMA）负责回顾；Zorblax-7B 在 BarBench 上优于 Quibble-3B。",
        keep={"RMA"},
        key="analysis",
        id="capitalised-long-form-alone-is-a-name",
    ),
    # -- well-known generic techniques and task words ------------------------------------
    row(
        "训练中使用 Score Distillation Sampling（SDS）损失与测试时训练（Test-Time Training）完成 Real2Sim 转换。Zorblax-7B 在 BarBench 上优于 Quibble-3B。",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"Score Distillation Sampling", "SDS", "Test-Time Training", "Real2Sim"},
        key="analysis",
        id="generic-techniques-only-used",
    ),
    row(
        "在 BarBench 上，Test-Time Training 优于 Quibble-3B。",
        keep={"Test-Time Training", "Quibble-3B"},
        id="generic-technique-compared-stays",
    ),
    # -- names a head noun types as another kind of thing ---------------------------------
    row(
        "重建结果可导出为 FooDesc 格式，数据集以 Zibble-2.0 许可协议开源。Zorblax-7B 在 BarBench 上优于 Quibble-3B。",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"FooDesc", "Zibble-2.0"},
        key="analysis",
        id="format-and-licence-heads",
    ),
    row(
        "在 Quux Triton 后端上的 BarBench 基准测试中，Zorblax-7B 优于 Quibble-3B。",
        keep={"Zorblax-7B", "Quibble-3B", "BarBench"},
        drop={"Quux Triton"},
        key="analysis",
        id="a-backend-is-no-dataset",
    ),
    row(
        "热图使用不同颜色图（如 Magma, Viridis）可视化；测试用例来自法律法规（如 Foo AI Act, BAR RMF）。",
        drop={"Magma", "Foo AI Act", "BAR RMF"},
        key="analysis",
        id="examples-of-a-colormap-or-a-regulation",
    ),
    row(
        "Zorblax-7B 在 BarBench 上优于 Magma。",
        keep={"Zorblax-7B", "Magma"},
        id="known-name-in-its-own-sense-stays",
    ),
    # -- names keep their full extent ----------------------------------------------------
    row(
        "**Zorblax-7B** 表现最强；**Doubao 1.8** 和 **Grok 4.1 Fast** 在对抗环境下安全性下降。",
        keep={"Zorblax-7B", "Doubao 1.8", "Grok 4.1 Fast"},
        drop={"Doubao", "Grok"},
        key="analysis",
        id="family-name-keeps-its-version",
    ),
    row(
        "We introduce Llama Nano V2 VL, a vision model. Llama Nano V2 VL beats Qwen2-VL on MMMU.",
        keep={"Llama Nano V2 VL", "Qwen2-VL"},
        drop={"Llama Nano", "VL", "Llama"},
        key="analysis",
        id="family-name-keeps-its-chain-of-variant-words",
    ),
    row(
        "经过剪枝的 EfficientNet B4 模型在 BarBench 上达到 65%，超过 Quibble-3B。",
        keep={"EfficientNet B4", "Quibble-3B"},
        drop={"EfficientNet"},
        key="analysis",
        id="family-name-keeps-its-variant-letter",
    ),
    row(
        "Zorblax-7B 在 BarBench 上优于 Quibble-3B。",
        title="Zorblax-7B Beats Specialized Detectors: Lessons from Forensics",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"Zorblax-7B Beats Specialized Detectors"},
        id="a-title-head-with-a-verb-is-a-claim-not-a-name",
    ),
    row(
        "ZB$^2$PO 在 BarBench 上优于 GRPO；在 Quux-5$^i$ 数据集上也优于 Quibble-3B。",
        contribution="本文提出了 ZB$^2$PO（Zorblax Policy Optimization），一种新的强化学习方法。",
        keep={"ZB$^2$PO", "Quux-5$^i$"},
        drop={"PO", "ZB", "Quux-5"},
        proposes={"ZB$^2$PO"},
        id="a-name-keeps-its-inline-math-superscript",
    ),
    row(
        "研究者为矩阵W添加可学习的标量乘数(Wij = sWij)，随后引入向量乘数(Wij = riWijcj)。Zorblax-7B 在 BarBench 上优于 Quibble-3B。",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"Wij", "sWij", "riWijcj"},
        id="a-side-of-an-equation-is-math",
    ),
    row(
        "Zorblax-STORM 在 BarBench 上优于 Quibble-3B。",
        title="Zorblax-STORM (Z-STORM) : Perceiving the Nature of Appearance",
        keep={"Zorblax-STORM", "Quibble-3B"},
        drop={"Zorblax-STORM (Z-STORM)"},
        proposes={"Zorblax-STORM"},
        id="a-title-head-with-its-acronym-in-parentheses",
    ),
    row(
        "Zorblax-7B 显著优于现有的后训练方法（如 SFT 和 Vanilla DPO），也优于 Naive RAG。",
        keep={"Zorblax-7B", "DPO"},
        drop={"Vanilla", "Naive"},
        key="analysis",
        id="an-identity-modifier-is-no-name-of-its-own",
    ),
    row(
        "我们评测了 Doubao 3 个版本，Zorblax-7B 在 BarBench 上优于 Quibble-3B。",
        keep={"Doubao"},
        drop={"Doubao 3"},
        key="analysis",
        id="a-count-after-a-family-is-no-version",
    ),
    # -- a plain word that folds like a known name ---------------------------------------
    row(
        "We model Shape and Texture separately; Zorblax-7B beats Quibble-3B on BarBench.",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"Shap-E", "Shape"},
        key="analysis",
        id="plain-word-folding-like-a-hyphenated-name",
    ),
    row(
        "Zorblax-7B 在 BarBench 上优于 Shap-E 与 Mamba。",
        keep={"Shap-E", "Mamba"},
        id="known-names-as-written-stay",
    ),
    row(
        "训练目标为条件损失函数 LZorb (Eq. 2) 与正则项 RQx（公式 3）之和；Zorblax-7B 在 BarBench 上优于 Quibble-3B。",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"LZorb", "RQx"},
        key="analysis",
        id="term-with-an-equation-number",
    ),
    # -- a cue before a plain translation gloss proposes nothing new ----------------------
    row(
        "为提升质量，引入了“基础形变”（Base Deformation），并设计了平滑约束（Smooth Prior Terms）。Zorblax-7B 在 BarBench 上优于 Quibble-3B。",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"Base Deformation", "Smooth Prior Terms"},
        key="analysis",
        id="plain-gloss-after-a-cue-is-a-description",
    ),
    row(
        "设计了包含“轨迹校验器（Path Verifier）”的闭环系统。Zorblax-7B 在 BarBench 上优于 Quibble-3B。",
        keep={"Path Verifier"},
        proposes={"Path Verifier"},
        key="analysis",
        id="agent-noun-gloss-after-a-cue-is-a-component",
    ),
    row(
        "在 QXGA（2048x1536）分辨率下渲染可达 900 FPS；QXGA 设置下的端到端仿真约 700 FPS。Zorblax-7B 在 BarBench 上优于 Quibble-3B。",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"QXGA"},
        key="analysis",
        id="resolution-level-throughout-the-paper",
    ),
    row(
        "神经场景表示（如 NeRFs）等新兴方向有望提升感知；ViTs 仍是主流，Zorblax-7B 优于 Quibble-3B。",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"NeRFs", "ViTs"},
        id="plural-of-a-known-name-is-the-class",
    ),
    row(
        "ANN QUIDDLE, Marbleton University and QuillForce Technology。Zorblax-7B 优于 Quibble-3B。",
        keep={"Zorblax-7B"},
        drop={"QuillForce"},
        id="organisation-in-an-affiliation",
    ),
    row(
        "尽管论文通过 JIT-compiling 和分块缓解了开销，Zorblax-7B 仍需较多显存。",
        keep={"Zorblax-7B"},
        drop={"JIT-compiling"},
        id="hyphenated-process-word",
    ),
    # -- named, typed or proposed acronyms stay ------------------------------------------------
    row(
        "层级路由网络（HRN）降低了延迟，HRN 在长文本上尤其有效。",
        contribution="我们提出了名为层级路由网络（HRN）的方法。",
        keep={"HRN"},
        proposes={"HRN"},
        id="propose-cue-in-its-clause",
    ),
    row(
        "We propose sparse token routing (STR), and STR halves the decoding cost.",
        key="contribution",
        keep={"STR"},
        proposes={"STR"},
        id="english-propose-cue-in-its-clause",
    ),
    row(
        "Zorblax 的核心是运动自适应（MAM）模块，MAM 从参考视频中迁移运动先验。",
        keep={"MAM"},
        id="component-head-after-the-parenthesis",
    ),
    row(
        "人类偏好数据集（HPX）包含五万对样本，HPX 由众包标注。",
        key="analysis",
        keep={"HPX"},
        id="dataset-head-noun",
    ),
    row(
        "稀疏令牌路由（STR）减少了计算。Sparse Token Routing (STR) halves the decoding cost.",
        keep={"STR"},
        id="capitalised-english-long-form-elsewhere",
    ),
    row(
        "*   **层级记忆路由（HMR）**：HMR 在每一层选择记忆槽。",
        key="analysis",
        keep={"HMR"},
        id="bullet-header",
    ),
    row(
        "层级路由网络（HRN）降低了延迟，HRN 在长文本上尤其有效。",
        title="Routing Long Contexts with HRN",
        key="analysis",
        keep={"HRN"},
        id="named-in-the-title",
    ),
]


GLOSSES = [
    # -- a gloss that is a name is an entity -------------------------------------------------
    row(
        "此外，适配一个预训练模型（Zorblax-2.1-14B）只需 10 个 GPU 天。",
        keep={"Zorblax-2.1-14B"},
        id="model-head-and-model-size",
    ),
    row(
        "该框架的核心包含两个创新：1）深度压缩视频自编码器（DC-AE-Q），它逐块编码；"
        "2）潜在空间适应策略（AE-Adapt-Q），它对齐潜在空间。",
        key="innovations",
        keep={"DC-AE-Q", "AE-Adapt-Q"},
        id="enumerated-and-method-head",
    ),
    # -- a gloss that only translates is not ----------------------------------------------------
    row(
        "视频时序定位（Video Temporal Grounding）是视频理解的核心能力。",
        drop={"Video Temporal Grounding"},
        id="plain-translation",
    ),
    row(
        "消融实验中，仅用末帧微调的模型（Direct-Q2I）得分为 0.81。",
        drop={"Direct-Q2I"},
        id="model-head-without-a-size",
    ),
    # -- a known name used as a label of a numbered series is no name --------------------------
    row(
        "Tasks: T4: colorbar reading, T5: thermal reasoning, T6: temperature estimation.",
        drop={"T5", "NVIDIA T4"},
        id="known-names-as-list-labels",
    ),
    row(
        "评测涵盖七个任务（T1-T7），其中温度推理（T5）最难。",
        drop={"T5"},
        id="known-name-inside-a-stated-range",
    ),
    row(
        "We fine-tune T5 on GLUE and serve it on one T4 GPU.",
        keep={"T5", "NVIDIA T4"},
        id="known-names-in-prose-stay",
    ),
    row(
        "Zorblax-7B 采用 Smooth L1 损失与 LM Head 微调，用 PaddlePaddle 实现，并通过 DuckDuckGo 检索；"
        "在 BarTrack 上，其 DetA 与 AssA 均优于 Quibble-3B。",
        keep={"Zorblax-7B", "Quibble-3B", "BarTrack"},
        drop={"Smooth L1", "L1", "LM Head", "LM", "PaddlePaddle", "DuckDuckGo"},
        id="losses-components-tools-and-metrics-are-no-entities",
    ),
    row(
        "训练分为 SFT Stage 1（16K 上下文）与 SFT Stage 2（49K 上下文），Zorblax-7B 在 BarBench 上优于 Quibble-3B。",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"SFT Stage 1", "SFT Stage 2"},
        id="stages-led-by-what-they-stage",
    ),
    row(
        "训练时采用 Mixup、CutMix 与 Copy-Paste 增强，并用 Grad-CAM 可视化 Zorblax-7B 的注意力。",
        keep={"Zorblax-7B"},
        drop={"Mixup", "CutMix", "Copy-Paste", "Grad-CAM"},
        id="augmentations-and-visualisation-only-used",
    ),
    row(
        "我们用 t-SNE 可视化特征，并采用 Speculative Decoding 与 DDIM 采样加速 Zorblax-7B 的推理。",
        keep={"Zorblax-7B"},
        drop={"t-SNE", "Speculative Decoding", "DDIM"},
        id="analysis-and-inference-techniques-only-used",
    ),
    row(
        "Multi-Object Tracking (MOT) in crowded scenes remains hard, and MOT methods drift. "
        "Zorblax-7B outperforms Quibble-3B on BarTrack.",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"MOT"},
        id="capitalised-task-long-form",
    ),
    row(
        "*   **Part-Aware Denoising Transformer**：Quibble-3B 的 Transformer 被修改为部件感知，"
        "Zorblax-7B 在 BarBench 上优于 Quibble-3B。",
        keep={"Zorblax-7B", "Quibble-3B"},
        drop={"Part-Aware Denoising Transformer"},
        key="analysis",
        id="a-modifier-led-phrase-describes",
    ),
    row(
        "评测涵盖了从易到难的七个任务（T1-T7），T3 最难。",
        drop={"T1-T7", "T3"},
        id="range-of-series-labels",
    ),
]


def test_tracking_metrics_are_metrics(extractor):
    rec = extractor.extract(make_paper("在 BarTrack 上，Zorblax-7B 的 DetA 为 61.2，AssA 为 58.0，AJ 为 70.1。"))
    types = {e["name"]: e["type"] for e in rec["entities"]}
    assert {types.get(n) for n in ("DetA", "AssA", "AJ")} == {"Metric"}


def test_a_known_model_with_a_size_is_a_model_a_new_name_with_a_count_a_dataset(extractor):
    """'Gemma-300M' is the Gemma model with 300M parameters; 'QuxVid-10M', a
    name no gazetteer knows, keeps the dataset reading of its count."""
    rec = extractor.extract(make_paper("Zorblax 以 Gemma-300M 为语言解码器，并在 QuxVid-10M 上预训练。"))
    types = {e["name"]: e["type"] for e in rec["entities"]}
    assert types.get("Gemma-300M") == "Model"
    assert types.get("QuxVid-10M") == "Dataset"


def test_names_listed_like_known_metrics_are_metrics(extractor):
    rec = extractor.extract(
        make_paper(
            "Zorblax-7B 在大多数指标上均优于所有基线方法，包括视频质量（FVD、QuuxVD）、文本对齐（ZorbSim、BarScore）"
            "和时间同步（AV-Quux）。对比方法包括 Quibble-3B（FVD 512）。"
        )
    )
    types = {e["name"]: e["type"] for e in rec["entities"]}
    assert {types.get(n) for n in ("QuuxVD", "ZorbSim", "BarScore")} == {"Metric"}
    assert types["Quibble-3B"] != "Metric"  # '（FVD 512）' is a score, no list of names


@pytest.mark.parametrize(
    "contribution,role",
    [
        ("本文提出了一种名为“基于合成对话的对比学习”（ZQLT）的训练范式，并设计了 Zorblax。", "proposes"),
        ("本文提出将经典的“基于检索的记忆压缩”（ZQLT）引入长视频理解，并设计了 Zorblax。", "uses"),
    ],
    ids=["quoted-name-right-after-the-cue", "quoted-name-further-on"],
)
def test_a_quoted_name_right_after_a_propose_cue_holds_no_use_marker(extractor, contribution, role):
    """A quoted name right after the cue is the name proposed, whatever words
    it holds ('基于…'); one further on keeps its use markers."""
    rec = extractor.extract(make_paper("Zorblax 在 QuxBench 上优于 ZQLT。", contribution))
    assert {e["name"]: e["role"] for e in rec["entities"]}["ZQLT"] == role


def test_acronym_spelled_out_as_a_metric_is_a_metric(extractor):
    rec = extractor.extract(make_paper("运动合理性：QOR (Quad Overlapping Ratio，衡量部件间碰撞)，越低越好。"))
    types = {e["name"]: e["type"] for e in rec["entities"]}
    assert types["QOR"] == "Metric"


@pytest.mark.parametrize(
    "text,name,metric",
    [
        ("Zorblax 在风格一致性指标 GlorpS 上取得了最高的 0.942 分，优于 QuxNet。", "GlorpS", True),
        ("On GlimSet, ZorbNet scores 0.94 on the metric GlorpS, ahead of QuxNet.", "GlorpS", True),
        ("On the proposed metric GlorpS, ZorbNet outperforms QuxNet by 4 points.", "GlorpS", True),
        ("ZorbNet outperforms non-parametric QuxNet on GlimSet.", "QuxNet", False),
        ("ZorbNet outperforms QuxNet on GlimSet. By every metric QuxNet trails ZorbNet.", "QuxNet", False),
        ("Zorblax 在 GlimSet 上超越了 QuxNet。在该指标 QuxNet 仅为 0.41。", "QuxNet", False),
    ],
    ids=[
        "after-zhibiao",
        "after-the-metric",
        "after-the-proposed-metric",
        "word-ending-in-metric",
        "every-metric",
        "zh-demonstrative-metric",
    ],
)
def test_a_name_right_after_a_metric_noun_is_a_metric(extractor, text, name, metric):
    """'一致性指标 X', 'the metric X': the name is the measure, never a compared
    system; not after a word ending in 'metric' ('non-parametric X') nor a
    metric pointed back to ('by every metric X', '该指标 X'): X stays compared."""
    rec = extractor.extract(make_paper(text, "我们提出了 Zorblax 和 ZorbNet。"))
    types = {e["name"]: e["type"] for e in rec["entities"]}
    assert (types.get(name) == "Metric") == metric
    names = {e["key"]: e["name"] for e in rec["entities"]}
    compared = {names[c[k]] for c in rec["comparisons"] for k in ("winner", "loser")}
    assert (name in compared) != metric


@pytest.mark.parametrize(
    "text,kind",
    [
        ("评估指标：\n*   Text Alignment ：CLIP, BarScore (衡量编辑内容与文本提示的匹配度)。", "Metric"),
        ("我们使用 CLIP 作为文本编码器，并在 BarBench 上评测 Zorblax-7B。", "Model"),
    ],
    ids=["model-listed-as-a-measure", "model-in-prose"],
)
def test_a_model_listed_as_a_measure_is_a_metric(extractor, text, kind):
    rec = extractor.extract(make_paper(text, key="analysis"))
    assert {e["name"]: e["type"] for e in rec["entities"]}["CLIP"] == kind


@pytest.mark.parametrize("text,keep,drop,proposes,contribution,title,key", RULES + GLOSSES)
def test_entity_rules(extractor, text, keep, drop, proposes, contribution, title, key):
    paper = make_paper(text, contribution, title=title, key=key)
    rec = extractor.extract(paper)
    names = {e["name"] for e in rec["entities"]}
    assert keep <= names, f"missing {keep - names}"
    assert not drop & names, f"kept {drop & names}"
    got = {e["name"] for e in rec["entities"] if e["role"] == "proposes"}
    assert proposes <= got, f"not proposed: {proposes - got}"


HARDWARE = [
    # (text, hardware keys the record must hold, names that must be no entity)
    pytest.param("训练可能仍需要多块 GPU（如 H100）。", set(), {"NVIDIA H100"}, id="hedged-need-is-hypothetical"),
    pytest.param("Deployment may require several GPUs (e.g. A100).", set(), {"NVIDIA A100"}, id="hedged-need-english"),
    pytest.param("All models were trained on 8 NVIDIA L40S GPUs.", {"l40s"}, set(), id="used-accelerator-stays"),
    pytest.param(
        "The simulator renders sensors such as RGB cameras, depth sensors and IMUs.",
        set(),
        {"RGB camera", "depth sensor"},
        id="sensor-classes-as-examples",
    ),
    pytest.param(
        "相比于需要深度传感器的方法，本方法只用单目视频。", set(), {"depth sensor"}, id="sensor-class-in-a-contrast"
    ),
    pytest.param("机器人配备了一台 RGB-D 相机。", {"rgbdcamera"}, set(), id="sensor-class-on-the-rig-stays"),
    pytest.param("在 VGA（640x480）分辨率下渲染可达 3000 FPS。", set(), {"VGA"}, id="resolution-level"),
]


@pytest.mark.parametrize("text,hardware,not_entities", HARDWARE)
def test_hardware_rules(extractor, text, hardware, not_entities):
    rec = extractor.extract(make_paper(text, key="usage"))
    assert {h["key"] for h in rec["hardware"]} == hardware
    names = {e["name"] for e in rec["entities"]}
    assert not not_entities & names, f"kept {not_entities & names}"


@pytest.mark.parametrize(
    "text,alias",
    [
        ("实验需要一定的计算资源（如NVIDIA RTX 4090 GPU）。", "NVIDIA RTX 4090"),
        ("All models were trained on two RTX 4090 GPUs.", "RTX 4090"),
    ],
)
def test_a_device_written_with_its_class_word_is_named_without_it(extractor, text, alias):
    """'NVIDIA RTX 4090 GPU': the device is 'NVIDIA RTX 4090' (an alias the
    graph states), 'GPU' is the class it belongs to."""
    rec = extractor.extract(make_paper(text, key="usage"))
    gpu = next(e for e in rec["entities"] if e["type"] == "Accelerator")
    assert alias in gpu["aliases"]


TITLES = [
    # (title, analysis text, entity name, the alias it must have or None for none from the title,
    #  names that must be no entity)
    pytest.param(
        "GRAIL: Gated Retrieval for Adaptive Image Labelling",
        "GRAIL 在 BarBench 上优于 Quibble-3B。",
        "GRAIL",
        "Gated Retrieval for Adaptive Image Labelling",
        set(),
        id="acronym-then-long-form",
    ),
    pytest.param(
        "Sparse Token Routing Makes Small Models Faster",
        "We propose STR, which routes tokens sparsely. STR halves the cost.",
        "STR",
        "Sparse Token Routing",
        set(),
        id="long-form-opens-the-title",
    ),
    pytest.param(
        "ZAP-Net: Zero-Anchor Pooling for Dense Retrieval",
        "ZAP-Net 在 BarBench 上优于 Quibble-3B。",
        "ZAP-Net",
        "Zero-Anchor Pooling",
        set(),
        id="first-part-of-a-hyphenated-name",
    ),
    pytest.param(
        "Neuroblip: A Fast Simulator for Robot Perception",
        "Neuroblip 使用 RotorPx 生成轨迹，RotorPx 运行在 CPU 上。",
        "RotorPx",
        None,
        set(),
        id="mixed-case-name-must-spell-its-parts",
    ),
    pytest.param(
        "PRISM: Part-Aware Single-View Shape Generation",
        "论文摘要分析：PRISM: Part-Aware Single-View Shape Generation\nPRISM 从单张图像生成可动物体。",
        "PRISM",
        None,
        {"Part-Aware Single-View Shape Generation", "Part-Aware Single-View"},
        id="title-written-out-in-the-text",
    ),
]


@pytest.mark.parametrize("title,text,name,alias,not_entities", TITLES)
def test_title_rules(extractor, title, text, name, alias, not_entities):
    rec = extractor.extract(make_paper(text, title=title, key="analysis"))
    ents = {e["name"]: e for e in rec["entities"]}
    assert name in ents
    from_title = {a for a in ents[name]["aliases"] if a in title and a != name}
    assert from_title == ({alias} if alias else set())
    assert not not_entities & set(ents), f"kept {not_entities & set(ents)}"


ENTITY_SIDE = ("entities", "proposals", "span_passes", "selection", "negative", "hardware_use", "mentions")


@pytest.mark.parametrize("module", ENTITY_SIDE)
def test_entity_side_names_types_by_label(module):
    """The entity stages name a type by :class:`kg.model.Label`, never by a
    string literal of its value (one home for the types)."""
    import ast
    from pathlib import Path

    from kg.model import Label

    path = Path(__file__).resolve().parent.parent / "kg" / "extract" / f"{module}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and n.body
        and isinstance(n.body[0], ast.Expr)
        and isinstance(n.body[0].value, ast.Constant)
    }
    values = set(Label)
    found = [
        f"{path.name}:{n.lineno}: {n.value!r}"
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and id(n) not in docstrings and n.value in values
    ]
    assert not found, found


@pytest.mark.parametrize(
    "text,name,kind",
    [
        ("ZorbNet improves the success rate by 38% on top of the QuxNet robot foundation model.", "QuxNet", "Model"),
        ("Zorblax 在 QuxNet 机器人策略上将成功率提升了 38%。", "QuxNet", "Model"),
        ("ZorbNet is deployed on the QuxBot robot and beats QuxNet on GlimBench.", "QuxBot", "Device"),
        ("Zorblax 在 QuxBot 机器人策略学习任务上优于 QuxNet。", "QuxBot", "Device"),
        ("ZorbNet runs on the QuxBot robot models and beats QuxNet on GlimBench.", "QuxBot", "Device"),
    ],
)
def test_a_robot_word_before_a_model_head_types_no_device(extractor, text, name, kind):
    """'the Foo robot foundation model', 'Foo 机器人策略': a model for robots;
    'the Foo robot' alone, 'Foo 机器人策略学习' (a task) and 'the Foo robot models'
    are devices."""
    rec = extractor.extract(make_paper(text, key="results"))
    assert {e["name"]: e["type"] for e in rec["entities"]}[name] == kind
