"""Negative evidence (kg/extract/negative.py): mentions that are never entities, on
sentences written for the tests with invented names (Zorblax, Quibble …)."""

from __future__ import annotations

import pytest

from kg.extract.extractor import Extractor
from conftest import make_paper


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def extract(extractor, text: str, key: str = "results", authors: tuple = (), contribution: str = "") -> dict:
    return extractor.extract(make_paper(text, contribution, key=key, authors=authors))


def names(rec) -> set[str]:
    return {e["name"] for e in rec["entities"]}


def test_repository_path_and_handle_are_not_entities(extractor):
    rec = extract(
        extractor,
        "代码已开源：https://github.com/QuibbleLab/Zorblax-Kit ，联系 @MarbleFox7。"
        "Zorblax-7B 在 BarBench 上超越了 GPT-4o。",
    )
    assert "QuibbleLab" not in names(rec) and "Zorblax-Kit" not in names(rec)
    assert "MarbleFox7" not in names(rec)
    assert "Zorblax-7B" in names(rec)
    assert extractor.dropped["quibblelab"]["rule"] == "url"


def test_slash_between_two_names_is_no_url(extractor):
    rec = extract(extractor, "训练使用 Zorblax-7B/Zorblax-13B 两个版本，在 BarBench 上评测。")
    assert {"Zorblax-7B", "Zorblax-13B"} <= names(rec)


@pytest.mark.parametrize(
    ("text", "symbols"),
    [
        (
            "模型预测下一步的潜变量 $\\hat{q}_{Kt+1}$，并以 Lψ 加权，参数 λ 设为 0.5，动作 χ_QX 触发切换；",
            {"Kt+1", "Lψ", "λ", "χ_QX"},
        ),
        (  # Greek subscripts written inline, a numbered series of one letter, a sum of symbols
            "阈值 τ1 和 τ2 控制两阶段；损失权重 λcard 与 λinc 设为 0.1；奖励为 αRacc + λRgrd，价值 Vπold 估计；",
            {"τ1", "τ2", "λcard", "λinc", "αRacc + λRgrd", "αRacc", "Vπold"},
        ),
    ],
    ids=["latex-and-symbols", "greek-subscripts-series-sums"],
)
def test_math_and_symbols_are_not_entities(extractor, text, symbols):
    got = names(extract(extractor, text + "Zorblax-7B 优于 Quibble-3B。"))
    assert not symbols & got
    assert {"Zorblax-7B", "Quibble-3B"} <= got


def test_latex_markup_read_as_text_is_no_name(extractor):
    rec = extract(
        extractor,
        "Zorblax-7B achieves state-of-the-art results under both SRCC and PLCC metrics, surpassing\n"
        "Quibble-3B by margins of 5.30% and textbf2.15% in the IQA task, respectively.",
    )
    assert "textbf2.15" not in names(rec) and "Quibble-3B" in names(rec)


def test_a_possessive_links_to_the_name(extractor):
    rec = extract(
        extractor,
        "Extensive experiments across three benchmarks demonstrate ZorbStar's\n"
        "state-of-the-art performance, achieving an average 19.5% improvement over Quibble-3B.",
        contribution="我们提出了 ZorbStar，一个直播助手。",
    )
    assert "ZorbStar's" not in names(rec) and "ZorbStar" in names(rec)


def test_references_to_tables_figures_and_list_items_are_not_entities(extractor):
    rec = extract(extractor, "如 Table 2 与 Fig. 3 所示，Zorblax-7B 在 Table30 上优于 Quibble-3B（Pair 1）。")
    got = names(rec)
    assert not {"Table 2", "Fig. 3", "Pair 1"} & got and {"Zorblax-7B", "Quibble-3B", "Table30"} <= got


def test_greek_name_with_a_digit_stays_a_name(extractor):
    rec = extract(extractor, "在 BarBench 上，Zorblax-7B 的成功率高于 π0（94.2%）。")
    assert "π0" in names(rec)


def test_a_known_name_with_subscript_digits_is_read_and_other_subscripted_symbols_are_not(extractor):
    rec = extract(
        extractor,
        "编码器 E₂D 输出 F₂D，辅助视图记为 V₁ 与 V₂。在 BarBench 上，Zorblax-7B 的成功率高于 π₀（94.2%）和 π₀.5（95.0%）。",
    )
    got = names(rec)
    assert {"π0", "π0.5"} <= got
    assert not {"E₂D", "F₂D", "V₁", "V₂"} & got
    losers = {c["loser"] for c in rec["comparisons"]}
    assert {"π0", "π05"} <= losers


def test_a_measure_at_a_threshold_is_a_metric_never_a_system(extractor):
    rec = extract(
        extractor,
        "ZorbNet achieves 86.0% S@0.75 m and 71.2% Acc@500m on BarBench, outperforming Quibble-3B.",
        contribution="We propose ZorbNet, a registration method.",
    )
    types = {e["name"]: e["type"] for e in rec["entities"]}
    assert types.get("S@0.75", "Metric") == types.get("Acc@500m", "Metric") == "Metric"
    assert {(c["winner"], c["loser"]) for c in rec["comparisons"]} == {("zorbnet", "quibble3b")}


def test_publication_venues_are_no_systems(extractor):
    rec = extract(
        extractor, "Zorblax-7B 生成的手稿质量接近 MICCAI 级别，并持续超越 ISBI 和 BIBM 的录用水平，优于 Quibble-3B。"
    )
    assert not {"MICCAI", "ISBI", "BIBM"} & names(rec)
    assert {(c["winner"], c["loser"]) for c in rec["comparisons"]} == {("zorblax7b", "quibble3b")}


def test_enumeration_labels_are_not_entities(extractor):
    rec = extract(
        extractor,
        "我们把评测分为 T1 到 T4 四个任务，T3 最难；训练分 Stage1 与 Stage2 两阶段。"
        "Zorblax-7B 在 T3 上超越 Quibble-3B。",
    )
    got = names(rec)
    assert not {"T1", "T3", "T4", "Stage1", "Stage2"} & got
    assert extractor.dropped["t3"]["rule"] == "enumeration"


def test_counts_and_modifiers_are_not_entities(extractor):
    rec = extract(
        extractor,
        "我们在 7-DoF 机械臂上部署了基于 LiDAR-based 感知的 Zorblax-7B，它采用 Image-only 输入；"
        "其 1M-budget 版本的奖励分为三组：(II) 平衡；(III) 姿态。",
    )
    got = names(rec)
    assert not {"7-DoF", "LiDAR-based", "Image-only", "1M-budget", "II", "III"} & got
    rec = extract(
        extractor,
        "分类：cs.CV, cs.LG。我们用 GPU-accelerated 的 Feed-Forward 重建与 2D-to-3D 提升，Zorblax-7B 优于 Quibble-3B。",
    )
    assert not {"cs.CV", "cs.LG", "GPU-accelerated", "Feed-Forward", "2D-to-3D"} & names(rec)


def test_units_after_their_number_are_not_entities_nor_hardware(extractor):
    # 'm²' folds to 'm2', the vendor-less key of Apple M2: a superscript is a power, no version
    rec = extract(extractor, "我们利用 4 km²、约 50 pts/m² 的采集数据训练 Zorblax-7B，在 BarBench 上超越 Quibble-3B。")
    got = names(rec)
    assert not {"km²", "m²", "Apple M2"} & got and {"Zorblax-7B", "Quibble-3B"} <= got
    assert extractor.dropped["km2"]["rule"] == "quantity"
    rec = extract(extractor, "Zorblax-7B 在 Apple M2 芯片上每秒处理 30 帧。")
    assert "Apple M2" in names(rec)


def test_adopted_techniques_formats_and_id_ood_are_no_entities(extractor):
    rec = extract(
        extractor,
        "Zorblax-7B 采用 RoPE 位置编码与 InfoNCE 损失，配置写在 YAML 文件中，并用 kNN 检索；"
        "在 ID 与 OOD 数据上，Zorblax-7B 均优于 Quibble-3B。",
    )
    got = names(rec)
    assert not {"RoPE", "InfoNCE", "YAML", "kNN", "ID", "OOD"} & got and {"Zorblax-7B", "Quibble-3B"} <= got
    rec = extract(extractor, "Zorblax-7B 面向 IoT 设备与 AIGC 场景，用 ODE 求解器采样，优于 Quibble-3B。")
    assert not {"IoT", "AIGC", "ODE"} & names(rec)
    rec = extract(
        extractor, "在 DSLR 与 CCTV 采集的 SVG 与 CAD 数据上比较多种 VFMs 与 UMMs；Zorblax-7B 优于 Quibble-3B。"
    )
    assert not {"DSLR", "CCTV", "SVG", "CAD", "VFMs", "UMMs"} & names(rec)
    rec = extract(extractor, "面向 AD 场景与 UGV 平台的 VPR 任务上，Zorblax-7B 优于 Quibble-3B。")
    assert not {"AD", "UGV", "VPR"} & names(rec)
    rec = extract(extractor, "Zorblax-7B 在 UV 贴图与 JPEG 压缩图像上的 PSNR 优于 Quibble-3B。")
    assert not {"UV", "JPEG"} & names(rec)


def test_mixed_case_units_web_frameworks_and_hyphenated_metrics_are_no_systems(extractor):
    rec = extract(
        extractor,
        "误差仅为 5 meV，服务用 FastAPI 部署；在 BarBench 上，Zorblax-7B 的 Span-F1 达到 55.3，优于 Quibble-3B。",
    )
    types = {e["name"]: e["type"] for e in rec["entities"]}
    assert "meV" not in types and "FastAPI" not in types and types.get("Span-F1") == "Metric"
    assert {(c["winner"], c["loser"]) for c in rec["comparisons"]} == {("zorblax7b", "quibble3b")}


def test_a_country_and_a_precision_at_k_are_no_systems(extractor):
    """'UK' (a country) and 'mP@10' (mean precision at 10) are no names."""
    got = names(
        extract(extractor, "Zorblax-7B 与 UK 医院合作开发，在 BarBench 上的 mP@10 达到 81.2%，优于 Quibble-3B。")
    )
    assert not {"UK", "mP@10"} & got and {"Zorblax-7B", "Quibble-3B"} <= got


def test_a_common_word_matches_a_known_name_only_as_written(extractor):
    """'Quality' is a word, not the QuALITY benchmark; 'QuALITY' as written is."""
    assert "QuALITY" not in names(extract(extractor, "Zorblax-7B 在图像 Quality 评估中优于 Quibble-3B。"))
    assert "QuALITY" in names(extract(extractor, "Zorblax-7B 在 QuALITY 上优于 Quibble-3B。"))


def test_a_chip_name_in_a_url_or_a_power_is_no_hardware(extractor):
    rec = extract(
        extractor,
        "项目主页：https://zorb-lab.github.io/M3/ 。Zorblax-7B 的 M^3 模块在 BarBench 上优于 Quibble-3B 2.11dB。",
    )
    got = names(rec)
    assert not {"Apple M3", "Quibble-3B 2.11dB"} & got and {"Zorblax-7B", "Quibble-3B"} <= got
    assert not rec["hardware"]
    assert extractor.dropped["m3"]["rule"] == "url"


def test_a_bare_project_host_is_no_entity(extractor):
    rec = extract(
        extractor,
        "We release code and models at zorblax-lab.github.io. Zorblax-7B outperforms Quibble-3B on BarBench.",
        contribution="We propose Zorblax-7B, a new reasoning model.",
    )
    got = names(rec)
    assert not any("github" in n for n in got) and {"Zorblax-7B", "Quibble-3B"} <= got


def test_cited_person_and_author_surname_are_not_entities(extractor):
    rec = extract(
        extractor, "正如 Marbleton et al. 所示，Zorblax-7B 沿用了 Quiddle 的设定。", authors=("Ann Quiddle", "Bo Chen")
    )
    got = names(rec)
    assert "Marbleton" not in got and "Quiddle" not in got
    assert extractor.dropped["quiddle"]["rule"] == "citation"


def test_software_only_used_is_not_an_entity_but_a_compared_one_is(extractor):
    used = extract(extractor, "我们用 PyTorch 和 NumPy 实现了 Zorblax-7B，并以 AdamW 训练。")
    assert not {"PyTorch", "NumPy", "AdamW"} & names(used)
    assert extractor.dropped["adamw"]["rule"] == "used only"
    compared = extract(extractor, "在 BarBench 上，Muon 优化器的收敛速度超越了 AdamW。")
    assert "AdamW" in names(compared)


def test_plain_capitalised_words_need_evidence_or_a_role(extractor):
    rec = extract(
        extractor, "该方法提供 Brisk 与 Hollow 两种模式，并在 Quill Scaling 中扩展到 Zorblax 4.5 和 Marble-Step。"
    )
    got = names(rec)
    assert not {"Brisk", "Hollow", "Quill Scaling"} & got
    assert extractor.dropped["brisk"]["rule"] == "no evidence"
    assert {"Zorblax 4.5", "Marble-Step"} <= got  # a version number, a compound of capitalised parts
    compared = extract(extractor, "在 BarBench 上，Zorblax-7B 超越了 Brisk。")
    assert "Brisk" in names(compared)


def test_explain_tells_why_each_name_was_kept_or_dropped():
    from kg.outputs.explain import explain

    text = (
        "代码见 https://github.com/QuibbleLab/Zorblax-Kit 。在 BarBench 上，ZorbNet 超越了 GPT-4o，"
        "QRR@1 更高，并提供 Hollow 模式。"
    )
    ex = explain(make_paper(text))
    assert "compared" in ex.kept["gpt4o"] and "gazetteer entry" in ex.kept["gpt4o"]
    assert "name shape" in ex.kept["zorbnet"]
    assert ex.kept["qrr@1"] == "metric shape"
    assert ex.dropped["quibblelab"]["rule"] == "url" and ex.dropped["quibblelab"]["line"] == 10
    assert ex.dropped["hollow"]["rule"] == "no evidence"
    decisions = ex.decisions()
    assert decisions["kept"]["GPT-4o"] == ex.kept["gpt4o"]
    assert {d["name"] for d in decisions["dropped"]} >= {"QuibbleLab", "Hollow"}


def test_a_metric_never_holds_the_winner_slot(extractor):
    rec = extract(
        extractor,
        "在 BarBench 上，QuuxScore 和 VLM-Judge 等指标均有提升。\n在 BarBench 上，QuuxScore 超越了 Marble-7B。",
        contribution="本文提出了 ZorbNet 框架。",
    )
    got = {(c["winner"], c["loser"]) for c in rec["comparisons"]}
    assert got == {("zorbnet", "marble7b")}  # the measured name stands for the paper's system


def test_author_names_in_capitals_and_sizes_are_not_entities(extractor):
    rec = extract(
        extractor,
        "作者单位：QUIDDLE MARBLETON，某大学。Zorblax-7B 在 200B+ token 上以 64x64x64 体素训练，"
        "提升 12p.p，相较 Quux-9B 更好。",
        authors=("Quiddle Marbleton", "Bo Chen"),
    )
    got = names(rec)
    assert not {"QUIDDLE", "MARBLETON", "200B+", "64x64x64", "12p.p"} & got
    assert {"Zorblax-7B", "Quux-9B"} <= got


def test_software_is_never_an_entity_even_when_compared(extractor):
    rec = extract(
        extractor,
        "我们通过 QuuxSearch API 检索网页，用 Gradio 搭建界面；其渲染逼真度不如 Unreal Engine 等专业引擎。"
        "Zorblax-7B 在 BarBench 上超越了 GPT-4o。",
        contribution="本文提出了 Zorblax-7B。",
    )
    got = names(rec)
    assert not {"QuuxSearch API", "Gradio", "Unreal Engine"} & got
    assert extractor.dropped["gradio"]["rule"] == "software"
    assert all("unrealengine" not in (c["winner"], c["loser"]) for c in rec["comparisons"])


def test_renderers_cad_kernels_and_evaluation_kits_are_software(extractor):
    """Well-known public tools a paper only runs (a renderer, a CAD kernel,
    an evaluation toolkit, a robot simulator) are not entities."""
    rec = extract(
        extractor,
        "We render every scene with Mitsuba 3, build the parts in CadQuery, simulate grasps in Isaac Gym "
        "and score Zorblax-7B with VLMEvalKit on BarBench.",
    )
    got = names(rec)
    assert not {"Mitsuba 3", "CadQuery", "Isaac Gym", "VLMEvalKit"} & got
    assert extractor.dropped["vlmevalkit"]["rule"] == "software"
    assert "Zorblax-7B" in got


def test_a_capitalised_word_before_a_metric_qualifies_the_metric(extractor):
    """'Novel Accuracy', 'Positive IoU': a split's metric, no system 'Novel'
    beating the baseline; a longer name with a metric inside
    ('Faithful Image Reward Modeling') is not cut there."""
    rec = extract(
        extractor,
        "在 BarSet 数据集上，Novel Accuracy 比 Quux-7B 提高了 2.37%，Positive IoU 达到 71.7%。"
        "本文提出了 FIRZ（Faithful Image Reward Modeling）框架。",
    )
    got = names(rec)
    assert not {"Novel", "Positive"} & got
    assert {c["winner"] for c in rec["comparisons"]} == {"firz"}  # the measured name stands for the own system
    kinds = {e["name"]: e["type"] for e in rec["entities"]}
    assert kinds["Novel Accuracy"] == kinds["Positive IoU"] == "Metric"
    assert "Faithful Image Reward" not in got


def test_standard_layers_initialisations_and_tokens_are_no_entities(extractor):
    """Building blocks a paper only uses (LayerNorm, GELU, Kaiming
    initialisation, a PnP solver, CKA as an analysis) and the [CLS] token
    are not entities; the paper's own name is."""
    rec = extract(
        extractor,
        "Zorblax-7B 在每层使用 LayerNorm 和 GELU，采用 Kaiming 初始化，并用 PnP 求解位姿；"
        "CKA 分析表明其 CLS 表示与现有方法不同。",
    )
    got = names(rec)
    assert not {"LayerNorm", "GELU", "Kaiming", "PnP", "CKA", "CLS"} & got
    assert "Zorblax-7B" in got


def test_a_short_acronym_nothing_defines_types_or_compares_is_no_entity(extractor):
    """'DWT' named in passing is no entity; one defined by its long form
    ('(Sparse Memory Zoning, SMZ)'), one compared ('优于 QRX') and a
    four-letter one stay."""
    rec = extract(
        extractor,
        "Zorblax-7B 先用 DWT 提取频域特征，再用稀疏记忆分区（Sparse Memory Zoning, SMZ）与 MVGM 融合；"
        "在 BarBench 上 Zorblax-7B 优于 QRX。",
    )
    got = names(rec)
    assert "DWT" not in got
    assert extractor.dropped["dwt"]["rule"] == "bare acronym"
    assert {"SMZ", "MVGM", "QRX"} <= got


def test_an_acronym_defined_by_its_long_form_has_it_as_alias(extractor):
    rec = extract(
        extractor,
        "The survey covers three paradigms: Quill-and-Marble (QnM), Vorta Relaxation (VR), and Zeta Non-Glimmer (ZNG).",
        key="abstract",
    )
    aliases = {e["name"]: set(e["aliases"]) for e in rec["entities"]}
    assert "Quill-and-Marble" in aliases["QnM"]
    assert "Zeta Non-Glimmer" in aliases["ZNG"]
    assert "acronym definition" in extractor.kept["qnm"]


def test_a_name_at_a_cut_off_is_a_metric_and_generic_classes_are_no_entities(extractor):
    rec = extract(extractor, "在 BarBench 上，Zorblax-7B 的 QRR@1 与 avg@8 均高于其他 LVLM 与 GUI 代理，NFE 更少。")
    ents = {e["name"]: e["type"] for e in rec["entities"]}
    assert ents.get("QRR@1", "Metric") == "Metric" and ents.get("avg@8", "Metric") == "Metric"
    assert not {"LVLM", "GUI"} & set(ents)
    assert ents.get("NFE", "Metric") == "Metric"


def test_a_models_head_word_or_suffix_is_evidence(extractor):
    rec = extract(
        extractor, "该方法借鉴了 Quill Transformer、Marble Networks 和 Zorbformer 的设计，并提供 Hollow 模式。"
    )
    got = names(rec)
    assert {"Quill Transformer", "Marble Networks", "Zorbformer"} <= got
    assert "Hollow" not in got


def test_names_followed_by_metric_or_ending_in_score_are_metrics(extractor):
    rec = extract(
        extractor,
        "Zorblax 将 QuuxSync 指标从基线 Marble-7B 的 0.95 降低至 0.31，并将 VB-score 从 35.9 提升到 40.8。"
        "它提升了 Plonk Score 衡量下的多样性，并超越 Marble-7B。",
        contribution="本文提出了 Zorblax 方法。",
    )
    types = {e["name"]: e["type"] for e in rec["entities"]}
    assert all(types.get(n, "Metric") == "Metric" for n in ("QuuxSync", "VB-score", "Plonk Score"))
    assert all(c["loser"] not in ("quuxsync", "vbscore") for c in rec["comparisons"])
    assert all(c["winner"] != "plonkscore" for c in rec["comparisons"])


def test_an_acronym_of_a_mean_is_a_metric_never_a_winner(extractor):
    rec = extract(
        extractor,
        "基于提示的方法实现了约 3.1 的调和平均值（HM），显著高于基于激活的方法（例如，PCA 为 1.1，QuuxMean 为 1.9）。",
        contribution="本文引入了 ZorbEval 基准。",
    )
    assert {e["name"]: e["type"] for e in rec["entities"]}.get("HM") == "Metric"
    assert not rec["comparisons"]  # the winner is a described method, never the mean


def test_lone_letters_and_section_numbers_are_not_entities_and_llama_is_known(extractor):
    rec = extract(extractor, "详见附录 D.5 与 T 的定义；该方法可直接应用于 Llama、Qwen 等主流模型。")
    got = names(rec)
    assert not {"D.5", "T"} & got
    assert "LLaMA" in got  # 'Llama' is the family written as a word
