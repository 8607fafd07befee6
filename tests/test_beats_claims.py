"""`kg beats` shows one row per stated claim (kg/outputs/beats_claims.py).
The report and graph here are written for the tests; names are invented
except well-known models."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.outputs.beats import beats_rows
from kg.outputs.beats_claims import applied, fold_claims, name_spans
from kg.outputs.queries import beats, resolve_entity
from kg.pipeline.build import build
from kg.rdf.store import KnowledgeStore


REPORT = """# Hugging Face Daily Papers Report
**Date**: 2026-03-02
**Source URL**: https://huggingface.co/papers/date/2026-03-02

============================================================

## 📄 KiteRL: Constraint-Graph Reinforcement Learning for Instruction Following

- **链接**: https://huggingface.co/papers/2603.00101
- **阅读来源**: HTML

# KiteRL: Constraint-Graph Reinforcement Learning for Instruction Following

### 1. 应用领域
**NLP - 指令遵循 (Instruction Following)**

### 2. 一句话核心贡献
提出了一种约束图强化学习框架 KiteRL，用约束之间的依赖图给出逐步奖励，提升了大模型对多约束指令的遵循能力。

### 3. 使用指南
*   **输入**：包含多个约束的自然语言指令。
*   **训练流程**：使用 GRPO 算法进行训练。

### 4. 主要创新点
*   **依赖图奖励**：按约束之间的依赖关系传播奖励。

### 5. 实验效果
*   Trained with KiteRL, Qwen3-8B outperforms GPT-4o on IFEval.
*   **Qwen3-8B** 经过 KiteRL 训练后在 IFEval 上达到 **88.6** 分，超越了 GPT-4o (84.8)。
*   **Qwen2.5-7B** 在 IFEval 上提升 4.1 分。
*   The judge model Claude-3.5-Sonnet outperforms GPT-4o in agreement with human raters.

============================================================
"""


@pytest.fixture(scope="module")
def kite_store(tmp_path_factory) -> KnowledgeStore:
    folder = tmp_path_factory.mktemp("kite")
    (folder / "900_kite.txt").write_text(REPORT, encoding="utf-8")
    store = KnowledgeStore(folder / "store")
    assert not build([folder / "900_kite.txt"], store).errors
    return store


def test_one_claim_in_english_and_chinese_is_one_row_under_base_and_method(kite_store):
    gpt4o = resolve_entity(kite_store, "GPT-4o")
    raw = beats_rows(kite_store, gpt4o)
    # the extractor states the claim twice: method as winner (with scores), base model as winner (without)
    assert sorted(r[0] for r in raw.rows) == ["Claude 3.5 Sonnet", "KiteRL", "Qwen3-8B"]
    rows = [r[:5] for r in beats(kite_store, "GPT-4o").rows]
    assert rows == [
        ["Claude 3.5 Sonnet", "IFEval", None, None, None],  # no training cue: a used model, as it is
        ["Qwen3-8B (KiteRL)", "IFEval", None, "88.6", "84.8"],
    ]


def test_a_gain_over_the_base_keeps_the_method_as_winner(kite_store):
    assert [r[0] for r in beats(kite_store, "Qwen2.5-7B").rows] == ["KiteRL"]


def test_fold_keeps_every_column_and_the_evidence_of_the_fullest_row(kite_store):
    (row,) = [r for r in beats(kite_store, "GPT-4o").rows if r[0].startswith("Qwen3-8B")]
    assert row[5] == "2603.00101" and row[8] == "900_kite.txt"
    assert "88.6" in row[7]  # the sentence that states the scores
    bare = beats(kite_store, "GPT-4o", evidence=False).rows
    assert [r[:7] for r in bare] == [r[:7] for r in beats(kite_store, "GPT-4o").rows]


KG = "https://w3id.org/paperkg#"
GRAPH = """
@prefix kg: <https://w3id.org/paperkg#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix e: <https://w3id.org/paperkg/id/entity/> .
@prefix c: <https://w3id.org/paperkg/id/comparison/> .
@prefix p: <https://w3id.org/paperkg/id/paper/> .

<https://w3id.org/paperkg/id/report/t1> {
  p:2603.00202 a kg:Paper ; kg:arxivId "2603.00202" ; dcterms:title "PlumeNet: Sparse Experts for Charts" ;
      kg:proposes e:plumenet ; kg:usesModel e:gpt4o .
  e:plumenet a kg:Model ; rdfs:label "PlumeNet" .
  e:gpt4o a kg:Model ; rdfs:label "GPT-4o" .
  e:chartqa a kg:Benchmark ; rdfs:label "ChartQA" .
  e:relaxedacc a kg:Metric ; rdfs:label "Relaxed Accuracy" .
  e:winrate a kg:Metric ; rdfs:label "Win Rate" .
  c:a a kg:Comparison ; kg:winner e:plumenet ; kg:loser e:gpt4o ; kg:onDataset e:chartqa ;
      kg:metric e:relaxedacc ; kg:winnerScore 81.5 ; prov:hadPrimarySource p:2603.00202 .
  c:b a kg:Comparison ; kg:winner e:plumenet ; kg:loser e:gpt4o ; prov:hadPrimarySource p:2603.00202 .
  c:c a kg:Comparison ; kg:winner e:plumenet ; kg:loser e:gpt4o ; kg:metric e:winrate ;
      prov:hadPrimarySource p:2603.00202 .
  c:d a kg:Comparison ; kg:winner e:relaxedacc ; kg:loser e:gpt4o ; kg:onDataset e:chartqa ;
      prov:hadPrimarySource p:2603.00202 .
}
"""


@pytest.fixture
def graph_store(tmp_path) -> KnowledgeStore:
    store = KnowledgeStore(tmp_path / "store")
    store.add_quads(ox.parse(GRAPH, format=ox.RdfFormat.TRIG))
    return store


def test_a_summary_folds_a_metric_never_wins_another_metric_is_another_claim(graph_store):
    loser = [ox.NamedNode("https://w3id.org/paperkg/id/entity/gpt4o")]
    assert len(beats_rows(graph_store, loser).rows) == 4
    rows = [r[:5] for r in fold_claims(graph_store, beats_rows(graph_store, loser)).rows]
    assert rows == [
        ["PlumeNet", "ChartQA", "Relaxed Accuracy", "81.5", None],
        ["PlumeNet", None, "Win Rate", None, None],  # a claim of its own (another metric), kept
    ]


@pytest.mark.parametrize(
    ("base", "method", "sentence", "expected"),
    [
        ("Qwen3-8B", None, "Qwen3-8B 经过训练后在 MathBench 上达到 71 分。", True),
        ("Mistral-7B", "FernRL", "Fine-tuned with FernRL, Mistral-7B tops the leaderboard.", True),
        ("Mistral-7B", "FernRL", "在 Mistral-7B 模型上，FernRL 将准确率提升了 3 分。", True),
        ("Mistral-7B", "FernRL", "Compared with Mistral-7B, FernRL answers 3 points better.", False),
        ("Mistral-7B", "FernRL", "在 Mistral-7B 和 Phi-3 模型上，FernRL 均有提升。", False),  # two bases
        ("GPT-4o", None, "该模型比预训练的 Qwen-Image 高 30%，与 GPT-4o 相当。", False),  # pretrained, not trained here
        ("CLIP", "FernRL", "在 MMVP（针对 CLIP 缺陷的基准）上，FernRL 达到 67%。", False),  # inside a benchmark's gloss
    ],
)
def test_a_base_model_is_one_the_sentence_trains_or_runs_the_method_on(base, method, sentence, expected):
    assert applied(base, method, sentence) is expected


def test_names_are_found_whole_with_loose_separators():
    assert name_spans("Claude 3.5 Sonnet", "the Claude-3.5-Sonnet judge") == [(4, 21)]
    assert name_spans("GPT-4o", "GPT-4o-mini wins") == []
    assert name_spans("T5", "GPT5 and T5") == [(9, 11)]
