"""Extraction tests on sentences written for the tests (Chinese and English),
including names that are in no gazetteer (Foo-VL-13B, BarBench, Zorblax)."""

from __future__ import annotations

import pytest

from kg.extract.extractor import Extractor
from conftest import make_paper
from kg.model import Paper


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def comparisons(rec):
    names = {e["key"]: e["name"] for e in rec["entities"]}
    return {(names[c["winner"]], names[c["loser"]], names.get(c["dataset"])) for c in rec["comparisons"]}


def entity(rec, name):
    return next(e for e in rec["entities"] if e["name"] == name)


def test_chinese_win_with_scores_and_list_of_losers(extractor):
    rec = extractor.extract(
        make_paper(
            "在 IFEval 上，Foo-VL-13B 取得 90.2 分，超越了 GPT-4o（84.8）、Claude-3.5-Sonnet 和 Gemini-1.5-Pro。"
        )
    )
    got = comparisons(rec)
    assert ("Foo-VL-13B", "GPT-4o", "IFEval") in got
    assert len([c for c in got if c[0] == "Foo-VL-13B"]) == 3
    c = next(c for c in rec["comparisons"] if c["loser"] == "gpt4o")
    assert (c["winner_score"], c["loser_score"]) == (90.2, 84.8)
    assert c["line"] == 10 and "超越了 GPT-4o" in c["evidence"]


def test_english_outperforms_unknown_names(extractor):
    rec = extractor.extract(
        make_paper("On BarBench, Zorblax-7B outperforms Llama-3-8B and Mistral-7B by a large margin.")
    )
    got = comparisons(rec)
    assert ("Zorblax-7B", "Llama-3-8B", "BarBench") in got
    assert ("Zorblax-7B", "Mistral-7B", "BarBench") in got
    assert entity(rec, "BarBench")["type"] in ("Benchmark", "Dataset")
    assert entity(rec, "Zorblax-7B")["type"] == "Model"


def test_parity_is_not_a_win(extractor):
    rec = extractor.extract(make_paper("Foo-VL-13B 在 MMLU 上的表现与 GPT-4o 相当。"))
    assert rec["comparisons"] == []
    rec = extractor.extract(make_paper("Foo-VL-13B performs on par with GPT-4o on MMLU."))
    assert rec["comparisons"] == []


def test_negated_win_is_ignored(extractor):
    rec = extractor.extract(make_paper("Foo-VL-13B 未能超越 GPT-4o。"))
    assert rec["comparisons"] == []


def test_reverse_cue_swaps_roles(extractor):
    rec = extractor.extract(make_paper("On MMLU, Llama-3-8B lags behind Foo-VL-13B."))
    assert ("Foo-VL-13B", "Llama-3-8B", "MMLU") in comparisons(rec)


def test_vs_pattern_picks_higher_score(extractor):
    rec = extractor.extract(make_paper("准确率：Foo-VL-13B (78.23%) vs GPT-4o (64.52%)。"))
    c = rec["comparisons"][0]
    assert (c["winner"], c["loser"]) == ("foovl13b", "gpt4o")
    assert (c["winner_score"], c["loser_score"], c["unit"]) == (78.23, 64.52, "%")


def test_lower_is_better_metric_in_vs(extractor):
    rec = extractor.extract(make_paper("生成质量对比 FID：Foo-Gen (3.1) vs Bar-Gen (5.4)。"))
    c = rec["comparisons"][0]
    assert (c["winner"], c["loser"]) == ("foogen", "bargen")
    rec = extractor.extract(make_paper("生成质量对比 FID：Foo-Gen (6.1) vs Bar-Gen (5.4)。"))
    c = rec["comparisons"][0]
    assert (c["winner"], c["loser"]) == ("bargen", "foogen")


def test_elided_subject_is_the_proposed_system(extractor):
    rec = extractor.extract(
        make_paper("在 GSM8K 上显著优于 GPT-4o。", contribution="本文提出了一种名为 Zorblax 的强化学习框架。")
    )
    assert entity(rec, "Zorblax")["role"] == "proposes"
    assert ("Zorblax", "GPT-4o", "GSM8K") in comparisons(rec)


def test_title_prefix_is_proposed(extractor):
    rec = extractor.extract(make_paper("Quuxify-R1 比 GPT-4o 高出 5 个点。", title="Quuxify: Reasoning at Scale"))
    assert entity(rec, "Quuxify")["role"] == "proposes"
    assert ("Quuxify-R1", "GPT-4o", None) in comparisons(rec)


def test_from_to_improvement_over_named_base(extractor):
    rec = extractor.extract(
        make_paper("在 LlamaGen-XXL 上，FID 从 14.36 降至 7.65。", contribution="我们提出了 Zorblax 方法。")
    )
    c = next(c for c in rec["comparisons"])
    assert (c["winner"], c["loser"]) == ("zorblax", "llamagenxxl")
    assert (c["winner_score"], c["loser_score"]) == (7.65, 14.36)


@pytest.mark.parametrize(
    "usage, key, count",
    [
        ("训练使用了 16 张 AMD MI210 GPU。", "mi210", 16),
        ("训练使用了 16 张 AMD MI100 加速卡。", "mi100", 16),
        ("We train on 4 Nvidia H100 GPUs.", "h100", 4),
        ("训练使用 8 张英伟达 A800 显卡。", "a800", 8),
    ],
)
def test_a_count_is_read_across_any_gpu_vendor_of_the_data(extractor, usage, key, count):
    """The vendors are data (hardware.json ``vendors``/``gpu_vendors``): the
    count before a vendor-qualified accelerator is read whichever GPU vendor
    or spelling stands between them."""
    rec = extractor.extract(make_paper("效果很好。", usage=usage))
    assert any(h["key"].endswith(key) and h["count"] == count for h in rec["hardware"]), rec["hardware"]


def test_hardware_with_count(extractor):
    rec = extractor.extract(make_paper("效果很好。", usage="训练使用 8 张 NVIDIA A40 GPU，推理只需单张 RTX 4090。"))
    hw = {
        entity(rec, n)["key"]: n
        for n in ("NVIDIA A40", "NVIDIA GeForce RTX 4090")
        if any(e["name"] == n for e in rec["entities"])
    }
    counts = {h["key"]: h["count"] for h in rec["hardware"]}
    a40 = next(h for h in rec["hardware"] if "a40" in h["key"])
    assert a40["count"] == 8
    assert any(k.endswith("4090") and v == 1 for k, v in counts.items()), (counts, hw)


def test_generic_phrases_are_not_entities(extractor):
    rec = extractor.extract(make_paper("该方法超越了现有方法和基线模型，在多个 LLM 与 SOTA 方法上表现更好。"))
    names = {e["name"] for e in rec["entities"]}
    assert not names & {"LLM", "SOTA", "基线模型", "现有方法"}
    assert rec["comparisons"] == []


def test_gloss_in_parentheses_is_not_an_entity(extractor):
    rec = extractor.extract(make_paper("我们使用强化学习 (Reinforcement Learning) 和思维链（CoT）。"))
    assert rec["entities"] == []


def test_record_is_valid_and_keeps_lines(extractor):
    rec = extractor.extract(make_paper("第一行。\nFoo-VL-13B 超越 GPT-4o。"))
    c = rec["comparisons"][0]
    assert c["line"] == 11
    assert entity(rec, "Foo-VL-13B")["line"] == 11


def test_stated_scores_become_results(extractor):
    rec = extractor.extract(make_paper("在 BarBench 上，Zorblax-7B 的准确率达到 81.5%，超越了 GPT-4o（77.0%）。"))
    got = {(r["system"], r["dataset"], r["value"], r["unit"]) for r in rec["results"]}
    assert ("zorblax7b", "barbench", 81.5, "%") in got
    assert ("gpt4o", "barbench", 77.0, "%") in got
    raw = next(r["raw"] for r in rec["results"] if r["system"] == "zorblax7b")
    assert "81.5" in raw and raw.startswith("Zorblax-7B")


def test_entities_carry_their_evidence_sentence(extractor):
    rec = extractor.extract(
        make_paper("实验表明效果很好。", contribution="本文提出了名为 Zorblax 的新框架，并与 GPT-4o 对比。")
    )
    z = entity(rec, "Zorblax")
    assert z["role"] == "proposes" and "提出了名为 Zorblax" in z["evidence"] and z["line"] == 10
    g = entity(rec, "GPT-4o")
    assert g["role"] == "uses" and "GPT-4o" in g["evidence"]


def test_cue_word_before_a_new_name_types_it(extractor):
    rec = extractor.extract(make_paper("实验很充分。", contribution="本文提出了评测基准 Quuxgym 和方法 Zorblax。"))
    assert entity(rec, "Quuxgym")["type"] == "Dataset"


def test_subject_in_a_subordinate_clause_is_not_the_winner(extractor):
    rec = extractor.extract(
        make_paper(
            "在使用 Foo-Enc 替换 Bar-VL 中的编码器后，性能即可超越原始 Bar-VL-7B。",
            contribution="本文提出了名为 Zorblax 的框架。",
        )
    )
    assert ("Zorblax", "Bar-VL-7B", None) in comparisons(rec)
    assert not any(w == "Foo-Enc" for w, _, _ in comparisons(rec))


def test_score_in_parentheses_after_a_word(extractor):
    rec = extractor.extract(make_paper("Zorblax-7B 的误差为 1.05，优于 Foo-3D（误差 1.38）。"))
    c = rec["comparisons"][0]
    assert (c["winner_score"], c["loser_score"]) == (1.05, 1.38)


def test_continued_bullet_repeats_the_comparison_on_a_new_dataset(extractor):
    rec = extractor.extract(
        make_paper(
            "*   在 **AIME 2025** 上，相比基础模型（Qwen3-8B）提升了 **13.1%**。\n"
            "*   在 **GSM8K** 上，提升了 **11.0%**。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    got = comparisons(rec)
    assert ("Zorblax", "Qwen3-8B", "AIME 2025") in got
    assert ("Zorblax", "Qwen3-8B", "GSM8K") in got


def test_instrument_is_not_the_winner_nor_the_scorer(extractor):
    rec = extractor.extract(
        make_paper("在 FooBench 上，Zorblax 使用 GPT-5 模型达到了 65.8% 的成功率，比基线 Quux-Agent 高出约 3%。")
    )
    assert ("Zorblax", "Quux-Agent", "FooBench") in comparisons(rec)
    assert {(r["system"], r["value"]) for r in rec["results"]} == {("zorblax", 65.8)}


def test_a_stated_gain_is_not_a_score(extractor):
    rec = extractor.extract(make_paper("在视频生成任务中，Zorblax-2 实现了 41% 的显著提升。"))
    assert rec["results"] == []


def test_task_frame_makes_a_dataset_and_the_subject_is_elided(extractor):
    rec = extractor.extract(
        make_paper("例如在 Quuxsaw 任务上比 Mirage-2 高出 19.4%。", contribution="本文提出了名为 Zorblax 的方法。")
    )
    assert entity(rec, "Quuxsaw")["type"] == "Dataset"
    assert ("Zorblax", "Mirage-2", "Quuxsaw") in comparisons(rec)


def test_built_on_top_of_is_use_not_proposal(extractor):
    rec = extractor.extract(
        make_paper("效果好。", usage="代码构建在 Quuxgen 程序化生成库之上。", contribution="本文提出了 Zorblax 框架。")
    )
    # a library the paper only builds on is neither proposed nor an entity at all
    assert "Quuxgen" not in {e["name"] for e in rec["entities"]}
    assert entity(rec, "Zorblax")["role"] == "proposes"


def test_fraction_is_not_a_score(extractor):
    rec = extractor.extract(make_paper("在 FooBench 上，Zorblax-7B 仅用 1/8 Token 即超过了 Quux-7B。"))
    c = rec["comparisons"][0]
    assert c["winner_score"] is None


def test_parity_partner_is_not_the_subject_of_a_later_win(extractor):
    rec = extractor.extract(make_paper("Zorblax-7B 与 GPT-4o 性能相当，并显著超过 Gemini-1.5-Pro。"))
    got = comparisons(rec)
    assert len(got) == 1 and next(iter(got))[0] == "Zorblax-7B"
    assert not any(l == "GPT-4o" or w == "GPT-4o" for w, l, _ in got)


def test_english_participle_win_with_scores(extractor):
    rec = extractor.extract(
        make_paper("Our Zorblax-7B achieves 85.3% on MMLU, surpassing GPT-4o (80.1%) and Claude-3.5-Sonnet.")
    )
    c = next(c for c in rec["comparisons"] if c["loser"] == "gpt4o")
    assert (c["winner"], c["dataset"], c["winner_score"], c["loser_score"]) == ("zorblax7b", "mmlu", 85.3, 80.1)
    assert len(rec["comparisons"]) == 2


def test_faster_than_is_a_win_and_slower_than_a_loss(extractor):
    rec = extractor.extract(
        make_paper(
            "Zorblax 的推理速度快于 Quuxformer-2。Blorp-7B 的训练慢于 Zorblax。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    got = {(w, l) for w, l, _ in comparisons(rec)}
    assert ("Zorblax", "Quuxformer-2") in got
    assert ("Zorblax", "Blorp-7B") in got


def test_a_compared_gloss_is_an_entity(extractor):
    # the loser is only named as a translation gloss; a gloss nobody compares stays out
    rec = extractor.extract(
        make_paper(
            "Zorblax 相比直接监督微调（Plain Tuning）平均准确率提升了 6.2%。训练时还加入了课程学习（Curriculum Learning）。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert ("Zorblax", "Plain Tuning") in {(w, l) for w, l, _ in comparisons(rec)}
    assert "Curriculum Learning" not in {e["name"] for e in rec["entities"]}


def test_a_gloss_that_translates_a_metric_is_a_metric_not_a_winner(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上，该模型在视听同步性（Sync Quality）和重建误差（Point Error）方面显著优于 Quuxformer-2。",
            contribution="本文提出了名为 Zorblax 的模型。",
        )
    )
    got = comparisons(rec)
    assert ("Zorblax", "Quuxformer-2", "BarBench") in got
    assert {w for w, _, _ in got} == {"Zorblax"}


def test_a_spelled_out_name_in_parentheses_is_an_alias(extractor):
    rec = extractor.extract(
        make_paper(
            "Zorblax 优于使用传统 QRC（Quick Rolling Chunks）方法的基线。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert {(w, l) for w, l, _ in comparisons(rec)} == {("Zorblax", "QRC")}
    assert "Quick Rolling Chunks" in entity(rec, "QRC")["aliases"]


def test_a_bullet_under_a_two_dataset_lead_takes_one_unless_it_says_all(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 和 FooEval 上进行了验证：\n"
            "   *   在 Quuxformer-2 模型上，FID 从 14.4 降至 7.6。\n"
            "   *   Zorblax 在所有数据集上均优于 Blorp-7B。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    got = comparisons(rec)
    assert {d for w, l, d in got if l == "Quuxformer-2"} == {"BarBench"}
    assert {d for w, l, d in got if l == "Blorp-7B"} == {"BarBench", "FooEval"}


def test_a_category_with_its_members_in_parentheses_is_not_a_baseline(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上对比了 QAS 方法（Blorp-7B, Quuxformer-2）。Zorblax 显著优于所有基线模型。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    losers = {l for w, l, d in comparisons(rec)}
    assert losers == {"Blorp-7B", "Quuxformer-2"}


def test_a_gain_in_parentheses_is_not_the_losers_score(extractor):
    rec = extractor.extract(make_paper("Zorblax-8B 超越了 Quuxformer-235B（提升 +6.7%）。"))
    c = rec["comparisons"][0]
    assert (c["winner"], c["loser"], c["loser_score"]) == ("zorblax8b", "quuxformer235b", None)
    assert not any(r["value"] == 6.7 for r in rec["results"])


def test_an_example_sentence_on_the_same_line_gives_the_dataset(extractor):
    rec = extractor.extract(
        make_paper(
            "*   在 2-bit 量化下，Zorblax 显著优于 QPTQ。例如，Zorblax 在 BarBench 上达到 83.9%，而 QPTQ 严重退化。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    got = comparisons(rec)
    assert ("Zorblax", "QPTQ", "BarBench") in got and ("Zorblax", "QPTQ", None) not in got


def test_a_gain_when_using_a_base_model_is_a_win_over_it(extractor):
    rec = extractor.extract(
        make_paper(
            "*   在使用 Quuxformer-2-7B 时，成功率显著提升 20.6 个点。\n"
            "*   使用 Blorp-7B 作为评判模型，评估了所有输出。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert {(w, l) for w, l, d in comparisons(rec)} == {("Zorblax", "Quuxformer-2-7B")}


def test_levels_of_a_scale_are_not_names_but_a_lone_one_is(extractor):
    rec = extractor.extract(
        make_paper(
            "Zorblax 的成功率从简单任务（L1）的 60.6% 降至长程任务（L3）的 30.9%。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert not {e["name"] for e in rec["entities"]} & {"L1", "L3"}
    rec = extractor.extract(make_paper("对于经过效率优化的模型（如L1, ThinkFast），回答更短。"))
    assert "L1" in {e["name"] for e in rec["entities"]}


def test_a_model_name_listed_among_benchmarks_is_the_benchmark(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench、FooEval 和 Video-ChatGPT 等基准中，该方法超越了 Quuxformer-2。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    got = comparisons(rec)
    assert {w for w, l, d in got} == {"Zorblax"}
    assert ("Zorblax", "Quuxformer-2", "BarBench") in got
    # a comparison on it makes it a benchmark of this paper (its graph stays SHACL-valid)
    assert ("Zorblax", "Quuxformer-2", "Video-ChatGPT") in got
    assert entity(rec, "Video-ChatGPT")["type"] == "Benchmark"


def test_matches_or_exceeds_is_not_a_win(extractor):
    rec = extractor.extract(
        make_paper(
            "Zorblax 的性能达到或超过了 Quuxformer-2。Blorp-7B matches or exceeds Quuxformer-2 on BarBench.",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert rec["comparisons"] == []


def test_a_difference_is_not_a_score(extractor):
    rec = extractor.extract(
        make_paper(
            "Zorblax 与人类专家仅相差 2.7%，显著优于 Quuxformer-2。Blorp-7B（提升幅度达 12.6%-64.9%）也很强。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    c = next(c for c in rec["comparisons"] if c["loser"] == "quuxformer2")
    assert c["winner_score"] is None
    assert not {r["value"] for r in rec["results"]} & {2.7, 12.6}


def test_the_highest_among_compared_systems_beats_them(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上对比了多种模型（如 Quuxformer-2, Blorp-7B）。\n"
            "*   在包含 1,200 条问答的人工标注集上，Zorblax-9B 展现了最高的一致性。\n"
            "*   Blorp-7B 是表现最好的模型之一。",
            contribution="本文研究了推理模型。",
        )
    )
    got = comparisons(rec)
    assert got == {("Zorblax-9B", "Quuxformer-2", None), ("Zorblax-9B", "Blorp-7B", None)}


@pytest.mark.parametrize(
    "claim",
    [
        "*   Zorblax-9B 在 Q* 高分辨率基准测试上取得了 89.8% 的准确率，超越了 Quuxformer-2。",
        "*   On the high-resolution benchmark Q*, Zorblax-9B reaches 89.8% accuracy, surpassing Quuxformer-2.",
    ],
)
def test_a_claim_on_a_benchmark_no_mention_names_inherits_no_dataset(extractor, claim):
    """The claim names its own benchmark (Q*, no mention): the dataset of
    the bullet before it is not inherited."""
    rec = extractor.extract(
        make_paper(
            "*   我们使用 BarBench 数据集进行监督微调。\n" + claim,
            contribution="本文提出了 Zorblax-9B。",
            key="analysis",
        )
    )
    assert comparisons(rec) == {("Zorblax-9B", "Quuxformer-2", None)}


def test_a_superlative_naming_two_systems_is_no_comparison(extractor):
    rec = extractor.extract(make_paper("对比了 Quuxformer-2。Zorblax-9B 和 Blorp-7B 都取得了最高的准确率。"))
    assert rec["comparisons"] == []


def test_a_dataset_name_listed_among_baselines_is_a_system(extractor):
    # 'SQuAD' is a dataset in the gazetteer; here it names a baseline pipeline
    rec = extractor.extract(
        make_paper(
            "在四大任务上，该方法均优于 SQuAD、Quuxformer-2 等主流合成基线。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert {(w, l) for w, l, d in comparisons(rec)} == {("Zorblax", "SQuAD"), ("Zorblax", "Quuxformer-2")}


def test_a_dataset_evaluated_on_after_a_propose_cue_is_used_not_proposed(extractor):
    text = "1.  **首个基准**：本文构建了一个直接探测框架，并在 BarBench 和 FooEval 数据集上进行了系统性测试。"
    rec = extractor.extract(make_paper(text, key="innovations"))
    assert entity(rec, "BarBench")["role"] == "uses"


def test_each_clause_keeps_its_own_dataset_and_the_than_object_is_no_subject(extractor):
    rec = extractor.extract(
        make_paper(
            "在 GSM8K 上，Zorblax 的准确率比 GPT-4o 高出 3.2 个百分点，但在 MATH 上略逊于 Claude-3.5-Sonnet。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert comparisons(rec) == {("Zorblax", "GPT-4o", "GSM8K"), ("Claude 3.5 Sonnet", "Zorblax", "MATH")}


def test_scores_in_parentheses_after_both_systems(extractor):
    rec = extractor.extract(make_paper("On MMLU, Zorblax-7B (68.4) outperforms Llama-2-13B (55.0)."))
    c = rec["comparisons"][0]
    assert (c["winner_score"], c["loser_score"]) == (68.4, 55.0)


def test_the_papers_new_name_is_found_again_at_the_start_of_an_english_sentence(extractor):
    rec = extractor.extract(
        make_paper(
            "Zorblax achieves 45.2 mAP on COCO, surpassing DINO by 2.1 points.",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    c = rec["comparisons"][0]
    assert (c["winner"], c["loser"], c["dataset"], c["winner_score"]) == ("zorblax", "dino", "coco", 45.2)


def test_compared_to_frames_with_jiao_and_lower_is_better(extractor):
    rec = extractor.extract(
        make_paper(
            "Zorblax 在 HumanEval 上的 pass@1 达到 85.4%，较基座模型 Quuxformer-2 提升了 12.3%。\n"
            "与 Blorp-7B 相比，Zorblax 的 FID 更低。\n"
            "与 Frobnix-3B 相比，Zorblax 的准确率更低。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    got = {(w, l) for w, l, d in comparisons(rec)}
    assert got == {("Zorblax", "Quuxformer-2"), ("Zorblax", "Blorp-7B")}


def test_two_scores_set_against_each_other(extractor):
    rec = extractor.extract(
        make_paper(
            "Zorblax 在 BarBench 上的 AP 为 52.1，而 Quuxformer-2 仅为 42.0。\n"
            "Zorblax 的 FID 为 7.5，而 Blorp-7B 为 5.1。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    got = {(c["winner"], c["loser"], c["winner_score"], c["loser_score"]) for c in rec["comparisons"]}
    assert got == {("zorblax", "quuxformer2", 52.1, 42.0), ("blorp7b", "zorblax", 5.1, 7.5)}


def test_a_plain_win_is_not_continued_by_the_next_bullets_numbers(extractor):
    rec = extractor.extract(
        make_paper(
            "*   在所有设置下均优于现有方法（如 Quuxformer-2, Blorp-7B）。\n"
            "*   **BarBench**：PSNR 达到 25.84 dB，LPIPS 降低了 25.9%。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert {d for w, l, d in comparisons(rec)} == {None}
    assert "dB" not in {e["name"] for e in rec["entities"]}


def test_a_pair_stated_on_named_datasets_is_not_repeated_without_one(extractor):
    rec = extractor.extract(
        make_paper(
            "在多个数学推理基准测试中，Zorblax 显著优于 Quuxformer-2。\n"
            "*   在 BarBench 上，Zorblax 比 Quuxformer-2 高出 13.1%。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert comparisons(rec) == {("Zorblax", "Quuxformer-2", "BarBench")}


def test_hardware_variants_vendor_forms_and_counts_across_memory(extractor):
    rec = extractor.extract(
        make_paper(
            "效果很好。",
            usage=(
                "基准测试在 NVIDIA A100 80GB GPU 上完成；推理需要 2 张 80GB 显存的 H100；"
                "训练使用 8 张 RTX 3090；小模型可在 iPhone 12 Plus 上运行。"
            ),
        )
    )
    a100 = next(e for e in rec["entities"] if e["key"].endswith("a100"))
    assert "NVIDIA A100 80GB" in a100["aliases"]
    rtx = next(e for e in rec["entities"] if e["key"].endswith("3090"))
    assert "NVIDIA RTX 3090" in rtx["aliases"]
    counts = {h["key"]: h["count"] for h in rec["hardware"]}
    assert next(v for k, v in counts.items() if k.endswith("h100")) == 2
    assert "iPhone 12 Plus" in {e["name"] for e in rec["entities"]}
    assert "iPhone" not in {e["name"] for e in rec["entities"]}


def test_words_of_an_acronyms_long_form_are_not_names_and_the_defined_acronym_is_proposed(extractor):
    # 'VAR' is a known (gazetteer) name; defined here after a propose cue it is the paper's own
    rec = extractor.extract(
        make_paper(
            "VAR outperforms Quuxformer-2 on ImageNet 256x256.",
            contribution="We present Visual AutoRegressive modeling (VAR), a new generation paradigm.",
        )
    )
    names = {e["name"]: e["role"] for e in rec["entities"]}
    assert "AutoRegressive" not in names and "256x256" not in names
    assert names["VAR"] == "proposes"


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("Zorb2LM Technical Report: Matching Embedding Quality", ["Zorb2LM"]),
        ("ZorbLM-2 Tech Report: Scaling Things", ["ZorbLM-2"]),
        ("ZorbNet: A Study of Things", ["ZorbNet"]),
        ("Quibble Everything V2: Unifying Things", ["Quibble Everything V2"]),  # capitalised words and a version
        ("Making Things Better: A Study", []),
    ],
)
def test_a_title_names_the_system_not_its_report(title, names):
    from kg.extract.title_forms import title_names
    from kg.resources import gazetteer

    assert title_names(title, gazetteer()) == names


def test_a_dataset_joined_by_underscores_is_a_name_and_a_subscript_is_not(extractor):
    rec = extractor.extract(
        make_paper(
            "在 Zorb_COCO 基准测试上，其精度达到 86.4%，显著优于 Quibble-3B 的 72.4%；CHAIR_s 与 x_t 随之下降。",
            "本文提出了 ZorbNet。",
        )
    )
    names = {e["name"] for e in rec["entities"]}
    assert "Zorb_COCO" in names and not {"CHAIR_s", "x_t"} & names
    assert comparisons(rec) == {("ZorbNet", "Quibble-3B", "Zorb_COCO")}


def test_a_superscript_base_and_a_size_tier_stay_in_the_name(extractor):
    rec = extractor.extract(
        make_paper("A^2Zorb-7B 在 BarBench 上超越了 GPT-2 Small 和 Quibble-32B。", "本文提出了 A^2Zorb 框架。")
    )
    assert {(w, l) for w, l, d in comparisons(rec)} == {("A^2Zorb-7B", "GPT-2 Small"), ("A^2Zorb-7B", "Quibble-32B")}


def test_a_known_model_the_title_names_is_proposed_when_released(extractor):
    paper = make_paper("在 MMLU 上超越了 Llama 2 70B。", contribution="发布了稀疏混合专家语言模型 Mixtral 8x7B。")
    rec = extractor.extract(Paper("Mixtral of Experts", *list(paper.__dict__.values())[1:]))
    assert entity(rec, "Mixtral-8x7B")["role"] == "proposes"
    assert comparisons(rec) == {("Mixtral-8x7B", "Llama-2-70B", "MMLU")}
    rec = extractor.extract(paper)  # same text, a title that does not name it: used, not proposed
    assert entity(rec, "Mixtral-8x7B")["role"] == "uses"


def test_an_authors_name_is_not_a_model(extractor):
    paper = make_paper("效果很好。", contribution="作者：Keyu Tian, Yi Jiang, Liwei Wang。")
    fields = dict(paper.__dict__, authors=("Keyu Tian", "Yi Jiang", "Liwei Wang"))
    rec = extractor.extract(Paper(**fields))
    assert "Yi" not in {e["name"] for e in rec["entities"]}


def test_contrast_with_the_elided_subject_and_parenthesised_scores_stay_with_their_system(extractor):
    rec = extractor.extract(
        make_paper(
            "在 HumanEval 上为 40.2%，而 Llama 2 70B 仅为 29.3%。\n"
            "在 MMLU 上，Zorblax 取得 70.6%，超过 Blorp-7B（69.9%），与 GPT-3.5（70.0%）相当。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    c = next(c for c in rec["comparisons"] if c["dataset"] == "humaneval")
    assert (c["winner"], c["loser"], c["winner_score"], c["loser_score"]) == ("zorblax", "llama270b", 40.2, 29.3)
    assert {(r["system"], r["value"]) for r in rec["results"] if r["dataset"] == "mmlu"} == {
        ("zorblax", 70.6),
        ("blorp7b", 69.9),
        ("gpt35", 70.0),
    }


def test_a_known_name_with_its_version_is_that_version(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上，Depth Anything V2-L 的准确率达到 97.1%，远超 Marigold（86.8%）。\n"
            "相比 DeepSeek-V3-Base，DeepSeek-R1-Zero 在 AIME 2024 上的 Pass@1 从 15.6% 提升至 71.0%。"
        )
    )
    got = comparisons(rec)
    assert ("Depth Anything V2-L", "Marigold", "BarBench") in got
    assert ("DeepSeek-R1-Zero", "DeepSeek-V3-Base", "AIME 2024") in got


def test_a_version_or_tier_before_chinese_text_stays_in_the_name(extractor):
    """'Doubao 1.8表现最强', '优于Flux.2 Pro等模型': the version and the tier end
    where the Chinese starts; '1.8倍' stays a factor."""
    rec = extractor.extract(
        make_paper(
            "总体排名：Doubao 1.8表现最强；GPT-4o排名第二。\n"
            "在 COCO 上，Zorblax 显著优于Flux.2 Pro等通用模型，速度是 Qwen 1.8倍。",
            "我们提出了 Zorblax，一种新的生成模型。",
        )
    )
    got = comparisons(rec)
    assert ("Doubao 1.8", "GPT-4o", None) in got and ("Zorblax", "Flux.2 Pro", "COCO") in got
    assert "Qwen 1.8" not in {e["name"] for e in rec["entities"]}
    rec = extractor.extract(make_paper("在图像编辑（Overall Score: 5.09 vs. OmniGen 5.06）上表现出高竞争力。"))
    assert "OmniGen 5.06" not in {e["name"] for e in rec["entities"]}  # a score after the name, no version


def test_other_baselines_exclude_the_systems_the_sentence_names(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上对比了 Quuxformer-2 和 Blorp-7B 基线。\n"
            "*   达到了与 Quuxformer-2 相当的成功率，且远超同等规模的其他基线模型。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert {(w, l) for w, l, d in comparisons(rec)} == {("Zorblax", "Blorp-7B")}


def test_an_english_list_after_compared_to_stays_the_losers(extractor):
    rec = extractor.extract(
        make_paper(
            "Compared to Quuxformer-2, Blorp-7B and Frobnix-3B, our method improves accuracy by 4.1% on BarBench.",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert {(w, l) for w, l, d in comparisons(rec)} == {
        ("Zorblax", "Quuxformer-2"),
        ("Zorblax", "Blorp-7B"),
        ("Zorblax", "Frobnix-3B"),
    }


def test_respectively_pairs_subjects_with_objects(extractor):
    rec = extractor.extract(
        make_paper("在 BarBench 上，Zorblax-N 和 Zorblax-S 的 AP 分别比 Blorp-3.0-N 和 Blorp-3.0-S 高出 1.5 和 2.0。")
    )
    assert {(w, l) for w, l, d in comparisons(rec)} == {("Zorblax-N", "Blorp-3.0-N"), ("Zorblax-S", "Blorp-3.0-S")}


def test_a_backbone_written_after_a_system_describes_it(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上，DINOv2 ViT-g/14 达到 86.5%，超过 OpenCLIP ViT-G/14（86.2%）和 MiDaS v3.1（BEiT-L-512）。"
        )
    )
    got = {(w, l) for w, l, d in comparisons(rec)}
    assert {w for w, l in got} == {"DINOv2"} and len(got) == 2
    assert not {l for w, l in got} & {"ViT-G", "BEiT-L-512"}


def test_a_system_a_baseline_is_based_on_is_not_the_winner(extractor):
    rec = extractor.extract(
        make_paper(
            "与 Quuxformer-2 等基于 Stable Diffusion 的模型相比，推理速度快 10 倍以上。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert {(w, l) for w, l, d in comparisons(rec)} == {("Zorblax", "Quuxformer-2")}


def test_a_clause_without_a_dataset_takes_the_whole_list_before_it(extractor):
    rec = extractor.extract(
        make_paper(
            "在 MMLU（90.8%）和 GPQA Diamond（71.5%）上明显优于 Quuxformer-2，但仍略落后于 Blorp-7B。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert {d for w, l, d in comparisons(rec) if w == "Blorp-7B"} == {"MMLU", "GPQA Diamond"}


def test_a_frame_next_to_a_cue_verb_and_its_object_is_no_subject(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上，Zorblax-8B 取得 74.6 分，相比基座 Quuxformer-7B（68.2）提升 6.4 个点，并显著高于 GPT-4o（63.8）。",
            contribution="本文提出了名为 Zorblax-8B 的模型。",
        )
    )
    assert {(w, l) for w, l, d in comparisons(rec)} == {("Zorblax-8B", "Quuxformer-7B"), ("Zorblax-8B", "GPT-4o")}


def test_from_the_bases_score_to_ours_names_winner_loser_and_scores(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上，Zorblax-14B 的 pass@1 从基座 Quuxformer-2-14B 的 23.4% 提升至 37.9%，与 DeepSeek-V3 相当，并优于 GPT-4o。\n"
            "在 FooEval 上，准确率从 Blorp-7B 的 31.5 提升至 62.8。",
            contribution="本文提出了名为 Zorblax-14B 的模型。",
        )
    )
    got = {(c["winner"], c["loser"], c["dataset"]): (c["winner_score"], c["loser_score"]) for c in rec["comparisons"]}
    assert got[("zorblax14b", "quuxformer214b", "barbench")] == (37.9, 23.4)
    assert got[("zorblax14b", "gpt4o", "barbench")][0] == 37.9
    assert ("zorblax14b", "blorp7b", "fooeval") in got
    assert not any(l == "deepseekv3" for w, l, d in got)


def test_its_and_thanks_to_point_at_the_papers_own_system(extractor):
    rec = extractor.extract(
        make_paper(
            "得益于 QACT 的压缩，其控制频率比 Quuxformer-2 高出 2.3 倍。\n"
            "作为 Blorp 式模型的视觉编码器时，在 BarBench 上超越 Frobnix-3B。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert {(w, l) for w, l, d in comparisons(rec)} == {("Zorblax", "Quuxformer-2"), ("Zorblax", "Frobnix-3B")}


def test_contrasted_time_costs_and_percentages(extractor):
    rec = extractor.extract(
        make_paper(
            "在单张 RTX 4090 上生成一张图像，Zorblax 仅需 0.38 秒，而 Quuxformer-2 需要 6.2 秒。\n"
            "在 BarBench 上，Blorp-7B 保留了 71% 的性能，而 Frobnix-3B 仅保留 54%。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert {(w, l) for w, l, d in comparisons(rec)} == {("Zorblax", "Quuxformer-2"), ("Blorp-7B", "Frobnix-3B")}


def test_a_system_with_its_variant_in_parentheses_is_not_a_category(extractor):
    rec = extractor.extract(
        make_paper("在 BarBench 上，Zorblax 仍落后于 SAM 2 (Hiera-B+) 约 3 个点。", contribution="We present Zorblax.")
    )
    assert comparisons(rec) == {("SAM 2", "Zorblax", "BarBench")}


def test_a_bullet_on_its_own_unnamed_tasks_inherits_no_dataset(extractor):
    rec = extractor.extract(
        make_paper(
            "*   在 **BarBench** 上，Zorblax 的成功率高于 Quuxformer-2。\n"
            "*   在 12 项真实桌面任务中，Zorblax 的成功率为 78%，而 Blorp-7B 仅为 31%。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert ("Zorblax", "Blorp-7B", None) in comparisons(rec)


def test_a_list_closed_by_its_head_noun_types_its_members():
    from kg.extract.sentence_mentions import retype_lists
    from kg.extract.relations import Mention

    text = "在 Zorb-Frame 和 Quux-Flow 指标上最优，优于 BarSet、FooBench 等基线。"

    def at(name, label):
        return Mention(text.index(name), text.index(name) + len(name), name.lower(), label)

    ms = [at("Zorb-Frame", "Method"), at("Quux-Flow", "Model"), at("BarSet", "Dataset"), at("FooBench", "Benchmark")]
    retype_lists(text, ms)
    assert [m.label for m in ms] == ["Metric", "Metric", "Method", "Method"]


def test_a_metric_list_in_parentheses_types_members_after_an_unknown_item(extractor):
    """'在定量指标（q2t, Quux2s, FID）上全面超越了基线': Quux2s is a metric
    though the first item is no mention; the paper's system wins."""
    rec = extractor.extract(
        make_paper(
            "关键结论：在定量指标（q2t, Quux2s, FID）上全面超越了多人生成基线（如 Blorp-7B）。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert {(w, l) for w, l, d in comparisons(rec)} == {("Zorblax", "Blorp-7B")}
    assert next(e["type"] for e in rec["entities"] if e["name"] == "Quux2s") == "Metric"


def test_a_benchmark_papers_results_are_on_its_benchmark_by_default(extractor):
    rec = extractor.extract(
        make_paper(
            "*   **开源模型**：Quuxformer-78B（41.2%）领先 Blorp-72B（39.8%）。",
            contribution="本文提出了一个名为 ZorbQA 的评测基准。",
        )
    )
    assert comparisons(rec) == {("Quuxformer-78B", "Blorp-72B", "ZorbQA")}


def test_with_several_own_datasets_the_one_benchmark_is_the_default(extractor):
    rec = extractor.extract(
        make_paper(
            "*   **小模型超越大模型**：Zorblax-8B 在科学工具使用能力上超越了 Quuxformer-235B。",
            contribution="提出了交互环境 ZorbGym 数据集，并构建了评测基准 ZorbBench。",
        )
    )
    assert comparisons(rec) == {("Zorblax-8B", "Quuxformer-235B", "ZorbBench")}


def test_a_size_named_alone_is_the_listed_familys_model(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上，使用 Quux 系列模型（1.5B 和 3B）进行了评估：\n"
            "*   在较大的 3B 模型上，Zorblax 使性能翻倍（从 14.25% 提升至 31.85%）。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    c = next(c for c in rec["comparisons"] if c["loser"] == "quux3b")
    assert (c["winner"], c["dataset"], c["winner_score"], c["loser_score"]) == ("zorblax", "barbench", 31.85, 14.25)
    assert entity(rec, "Quux-3B")["type"] == "Model"
    # '较大' is 'relatively large', not a comparison frame
    assert {c["cue"] for c in rec["comparisons"]} == {"从…至"}


def test_two_systems_joined_by_plus_are_one_pipeline(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上对比了有监督方法（Quuxformer-2）和级联免训练方法（Blorp-4D + Frob-Light）。\n"
            "*   Zorblax 显著优于所有基线。",
            contribution="本文提出了名为 Zorblax 的方法。",
        )
    )
    assert {(w, l) for w, l, d in comparisons(rec)} == {
        ("Zorblax", "Quuxformer-2"),
        ("Zorblax", "Blorp-4D + Frob-Light"),
    }


def test_a_measured_name_before_the_cue_is_the_metric_not_the_winner(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上，其中 Quux-cap 得分甚至超过了 GPT-4o 和 Claude-3.5-Sonnet。",
            contribution="本文提出了 Zorblax-7B 模型。",
        )
    )
    got = comparisons(rec)
    assert ("Zorblax-7B", "GPT-4o", "BarBench") in got
    assert not [c for c in got if c[0] == "Quux-cap"]
    assert all(e["type"] == "Metric" for e in rec["entities"] if e["name"] == "Quux-cap")


def test_a_variants_win_on_a_benchmark_absorbs_the_families_summary(extractor):
    rec = extractor.extract(
        make_paper(
            "Zorblax 整体上超越了 GPT-4o。\n在 BarBench 上，Zorblax-7B 达到 78.2%，优于 GPT-4o（64.5%）。",
            contribution="本文提出了 Zorblax 框架。",
        )
    )
    got = {c for c in comparisons(rec) if c[1] == "GPT-4o"}
    assert got == {("Zorblax-7B", "GPT-4o", "BarBench")}


def test_a_part_of_a_benchmark_is_that_benchmark(extractor):
    rec = extractor.extract(
        make_paper("在 BarBench 的计数（Counting）任务中，Zorblax-7B 达到 78.2%，优于 GPT-4o（64.5%）。")
    )
    got = {c for c in comparisons(rec) if c[1] == "GPT-4o"}
    assert got == {("Zorblax-7B", "GPT-4o", "BarBench")}


def test_names_after_a_gain_and_on_are_datasets_of_the_comparison(extractor):
    rec = extractor.extract(
        make_paper(
            "ZorbNet outperforms QuuxMatch by +3.1 mAA on PlinkSet, +2.4 (5m, 10 deg) on VRTX, "
            "and +1.2 AUC on GlimCup 2021.",
            contribution="We propose ZorbNet.",
        )
    )
    got = comparisons(rec)
    assert {("ZorbNet", "QuuxMatch", d) for d in ("PlinkSet", "VRTX", "GlimCup 2021")} <= got
    assert entity(rec, "GlimCup 2021")["type"] in ("Dataset", "Benchmark")


def test_members_in_parentheses_after_a_metric_head_are_metrics(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上，Zorblax 在多数指标上（尤其是 QuuxScore、VLT-2）均显著优于 Marble-7B。",
            contribution="本文提出了 Zorblax 框架。",
        )
    )
    got = comparisons(rec)
    assert ("Zorblax", "Marble-7B", "BarBench") in got
    assert not [c for c in got if c[0] in ("QuuxScore", "VLT-2")]


def test_a_goal_or_a_setting_is_not_a_superlative_win(extractor):
    for sentence in (
        "需要仔细调整学习率，以获得最佳的训练效果。",
        "建议通过实验找到最优的 α 值。",
        "聚合 20 步效果最佳。",
    ):
        rec = extractor.extract(
            make_paper("我们对比的基线是 Marble-7B 和 Quux-9B。\n" + sentence, contribution="本文提出了 Zorblax 框架。")
        )
        assert rec["comparisons"] == [], sentence


def test_losers_listed_as_members_of_a_category_in_parentheses(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 测试集的两个子任务（Quux-A, Quux-B）中，Zorblax 均显著优于传统模型（如 Marble-7B, Plink-3B，"
            "因无法处理长文本而失效）。\n与现有方法（如 Vorta-2, Glim-13B）相比，Zorblax 在流畅度方面均占据优势。",
            contribution="本文提出了 Zorblax 框架。",
        )
    )
    got = comparisons(rec)
    assert {("Zorblax", "Marble-7B", "BarBench"), ("Zorblax", "Plink-3B", "BarBench")} <= got
    assert not [c for c in got if c[2] in ("Quux-A", "Quux-B")]
    assert {("Zorblax", "Vorta-2"), ("Zorblax", "Glim-13B")} <= {c[:2] for c in got}


def test_a_trade_off_against_a_named_model_is_no_win(extractor):
    rec = extractor.extract(
        make_paper(
            "虽然效率显著提升，但与一些非常快的模型（如 Vorta-2）相比，Zorblax 仍有少量速度上的权衡。",
            contribution="本文提出了 Zorblax 框架。",
        )
    )
    assert not [c for c in comparisons(rec) if c[0] == "Zorblax"]


def test_a_name_glued_to_inline_math_keeps_it_and_prefixed_metrics_are_metrics(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上，基于 $Ω_{8}$-VQ 的模型显著优于 Quux-VQ，rFID 降低了 12%。",
            contribution="论文提出了名为 $Ω_{8}$-VQ 的量化方法。",
        )
    )
    got = comparisons(rec)
    assert ("Ω8-VQ", "Quux-VQ", "BarBench") in got
    assert "VQ" not in {e["name"] for e in rec["entities"]}
    assert all(e["type"] == "Metric" for e in rec["entities"] if e["name"] == "rFID")
    assert not [c for c in got if c[1] == "rFID"]


def test_an_existing_model_opening_a_gain_sentence_is_the_base_the_method_beats(extractor):
    rec = extractor.extract(
        make_paper(
            "*   **Quux-7B** 在 BarBench 上提升了 5.8 分。\n*   GPT-4o 在 BarBench 上得分为 80.1。",
            contribution="本文提出了名为 Zorblax 的训练方法。",
        )
    )
    got = comparisons(rec)
    assert ("Zorblax", "Quux-7B", "BarBench") in got
    assert not [c for c in got if c[1] == "GPT-4o"]  # a score alone is no gain over a base


def test_second_only_to_is_a_loss(extractor):
    rec = extractor.extract(make_paper("在 BarBench 上，Zorblax-7B 排名第 2（仅次于 Quux-70B）。"))
    assert ("Quux-70B", "Zorblax-7B", "BarBench") in comparisons(rec)


def test_a_task_label_gives_way_to_the_inherited_benchmark(extractor):
    rec = extractor.extract(
        make_paper(
            "*   **BarBench 基准测试**：在 BarBench 数据集上，Zorblax 取得了新的最佳结果。特别是在 V2X 任务上，"
            "得分为 62.0%，超越之前的 SOTA（Quux-7B）约 6.8%。",
            contribution="本文提出了 Zorblax 方法。",
        )
    )
    got = comparisons(rec)
    assert ("Zorblax", "Quux-7B", "BarBench") in got
    assert not [c for c in got if c[2] == "V2X"]


def test_members_of_baseline_methods_are_systems_not_benchmarks(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上，Zorblax 全面超越了包括 QuuxRL 和 PlinkRL 在内的现有基准方法。",
            contribution="本文提出了 Zorblax 方法。",
        )
    )
    got = comparisons(rec)
    assert {("Zorblax", "QuuxRL", "BarBench"), ("Zorblax", "PlinkRL", "BarBench")} <= got


def test_a_cost_falling_from_base_to_method_is_a_win(extractor):
    rec = extractor.extract(
        make_paper(
            "将该方法应用于 Quux-8B 模型，在 BarBench 上，解码步数从 256 步减少到 30 步。",
            contribution="本文提出了名为 Zorblax 的加速方法。",
        )
    )
    c = next(c for c in rec["comparisons"] if c["loser"] == "quux8b")
    assert (c["winner"], c["dataset"], c["winner_score"], c["loser_score"]) == ("zorblax", "barbench", 30, 256)
    rec = extractor.extract(
        make_paper(
            "将该方法应用于 Quux-8B 模型，在 BarBench 上，解码步数从 30 步增加到 256 步。",
            contribution="本文提出了名为 Zorblax 的加速方法。",
        )
    )
    assert rec["comparisons"] == []


def test_a_gain_over_the_base_and_a_win_over_another_in_one_sentence(extractor):
    rec = extractor.extract(
        make_paper(
            "在使用 Quux-1.5B 模型时，Zorblax 在 BarBench 上的平均性能相较于基线模型提升了 7.5%，并且在训练效率上显著优于 PlinkRL。",
            contribution="本文提出了名为 Zorblax 的框架。",
        )
    )
    got = {c[:2] for c in comparisons(rec)}
    assert {("Zorblax", "Quux-1.5B"), ("Zorblax", "PlinkRL")} <= got


def test_a_superscript_digit_stays_inside_a_name_and_rates_read_from_to(extractor):
    rec = extractor.extract(
        make_paper(
            "例如，在 Quux-Inst 模型上，z²Cache 在 BarBench 上的推理吞吐量从每秒 2.62 个令牌提升至 12.25 个令牌。",
            contribution="本文提出了 z²Cache 方法。",
        )
    )
    got = comparisons(rec)
    assert ("z²Cache", "Quux-Inst", "BarBench") in got
    assert "Cache" not in {e["name"] for e in rec["entities"]}


def test_a_capitalised_compound_listed_beside_names_is_a_name(extractor):
    rec = extractor.extract(
        make_paper(
            "We compare Zorblax with ZETAX, Quill-Anything, and Marble3D on BarBench. Large-Scale training helps.",
            contribution="We propose Zorblax.",
        )
    )
    names = {e["name"] for e in rec["entities"]}
    assert "Quill-Anything" in names
    assert "Large-Scale" not in names  # not listed beside a name


def test_a_superlative_describing_the_beaten_or_a_setting_is_no_win(extractor):
    for sentence in (
        "Zorblax 在性能上超越了现有最优方法。",
        "论文证明了数学上的最优网格结构能够带来提升。",
        "现有架构通常同时包含这两种计算单元，但其最佳的组装方式仍不明确。",
        "The best way to assemble convolution and attention remains unclear.",
    ):
        rec = extractor.extract(
            make_paper("我们对比的基线是 Marble-7B 和 Quux-9B。\n" + sentence, contribution="本文提出了 Zorblax 框架。")
        )
        assert rec["comparisons"] == [], sentence


def test_each_from_to_with_its_own_base_is_a_row(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上，Zorblax 将 Quux-7B 的准确率从 3.5% 提升至 12.1%，将 GPT-4o 的准确率从 8.6% 提升至 17.2%。",
            contribution="本文提出了 Zorblax 框架。",
        )
    )
    rows = {(c["loser"], c["loser_score"], c["winner_score"]) for c in rec["comparisons"]}
    assert rows == {("quux7b", 3.5, 12.1), ("gpt4o", 8.6, 17.2)}


def test_a_name_before_category_or_task_is_no_system(extractor):
    rec = extractor.extract(
        make_paper(
            "在 BarBench 上，特别是在多对象组合（Multi-Quux）类别上提升明显（从 5.383 提升至 7.797）。",
            contribution="本文提出了 Zorblax 方法。",
        )
    )
    assert not [c for c in rec["comparisons"] if c["loser"] == "multiquux"]
