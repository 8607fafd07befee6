"""`kg beats` shows one row per stated claim (kg/outputs/beats_claims.py).
The reports, graphs and sentences here are written for the tests; names are
invented except well-known models."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.outputs.beats import beats_rows
from kg.outputs.beats_applied import applied, name_spans
from kg.outputs.beats_claims import fold_claims
from kg.outputs.queries import beats, resolve_entity
from kg.pipeline.build import build
from kg.rdf.store import KnowledgeStore


REPORT = """# Hugging Face Daily Papers Report
**Date**: 2026-03-02
**Source URL**: https://huggingface.co/papers/date/2026-03-02

============================================================

## 📄 KiteRL: Dependency-Graph Rewards for Multi-Constraint Instructions

- **链接**: https://huggingface.co/papers/2603.00101
- **阅读来源**: HTML

# KiteRL: Dependency-Graph Rewards for Multi-Constraint Instructions

### 1. 应用领域
**NLP - 指令遵循 (Instruction Following)**

### 2. 一句话核心贡献
提出了一种依赖图奖励方法 KiteRL，按约束之间的依赖关系给出逐步奖励，提升了大模型对多约束指令的遵循能力。

### 3. 使用指南
*   **输入**：包含多个约束的自然语言指令。
*   **训练流程**：使用 GRPO 算法进行训练。

### 5. 实验效果
*   Mistral-7B trained using KiteRL reaches 79.4 on IFEval, ahead of GPT-4o (77.1).
*   以 **Mistral-7B** 为基座模型时，KiteRL 在 IFEval 上超越了 GPT-4o。
*   **Phi-3-mini** 在 IFEval 上提升 3.2 分。
*   The judge model Claude-3.5-Sonnet outperforms GPT-4o in agreement with human raters.
*   Phi-3-mini with 8 GPUs outperforms GPT-4o on IFEval.

============================================================
"""


@pytest.fixture(scope="module")
def kite_store(tmp_path_factory) -> KnowledgeStore:
    folder = tmp_path_factory.mktemp("kite")
    (folder / "900_kite.txt").write_text(REPORT, encoding="utf-8")
    store = KnowledgeStore(folder / "store")
    assert not build([folder / "900_kite.txt"], store).errors
    return store


def _cells(rows, n=5) -> list[list]:
    return [list(r[:n]) for r in rows]


def test_one_claim_in_english_and_chinese_is_one_row_under_base_and_method(kite_store):
    gpt4o = resolve_entity(kite_store, "GPT-4o")
    raw = beats_rows(kite_store, gpt4o)
    # the claim is stated twice ('Mistral-7B trained using KiteRL …', '以 Mistral-7B 为基座模型时，KiteRL …'):
    # both times the method wins, so the graph holds it once
    assert sorted(r[0] for r in raw.rows) == ["Claude 3.5 Sonnet", "KiteRL", "Phi-3-mini"]
    assert _cells(beats(kite_store, "GPT-4o").rows) == [
        ["Claude 3.5 Sonnet", "IFEval", None, None, None],  # no training cue: a used model, as it is
        ["Mistral-7B (KiteRL)", "IFEval", None, "79.4", "77.1"],
        ["Phi-3-mini", "IFEval", None, None, None],  # "with 8 GPUs" applies no method
    ]


def test_a_gain_over_the_base_keeps_the_method_as_winner(kite_store):
    assert [r[0] for r in beats(kite_store, "Phi-3-mini").rows] == ["KiteRL"]


def test_fold_keeps_every_column_and_the_evidence_of_the_fullest_row(kite_store):
    (row,) = [r for r in beats(kite_store, "GPT-4o").rows if r[0].startswith("Mistral-7B")]
    assert row[5] == "2603.00101" and row[8] == "900_kite.txt"
    assert "79.4" in row[7]  # the sentence that states the scores
    bare = beats(kite_store, "GPT-4o", evidence=False).rows
    assert _cells(bare, 7) == _cells(beats(kite_store, "GPT-4o").rows, 7)


PREFIXES = """
@prefix kg: <https://w3id.org/paperkg#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix e: <https://w3id.org/paperkg/id/entity/> .
@prefix c: <https://w3id.org/paperkg/id/comparison/> .
@prefix p: <https://w3id.org/paperkg/id/paper/> .
"""
GPT4O = [ox.NamedNode("https://w3id.org/paperkg/id/entity/gpt4o")]

GRAPH = (
    PREFIXES
    + """
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
)


def _store(tmp_path, trig: str) -> KnowledgeStore:
    store = KnowledgeStore(tmp_path / "store")
    store.add_quads(ox.parse(trig, format=ox.RdfFormat.TRIG))
    return store


def test_a_summary_folds_a_metric_never_wins_another_metric_is_another_claim(tmp_path):
    store = _store(tmp_path, GRAPH)
    assert len(beats_rows(store, GPT4O).rows) == 4
    assert _cells(fold_claims(store, beats_rows(store, GPT4O)).rows) == [
        ["PlumeNet", "ChartQA", "Relaxed Accuracy", "81.5", None],
        ["PlumeNet", None, "Win Rate", None, None],  # a claim of its own (another metric), kept
    ]


def _trained_model_graph(title: str, methods: list[str], quote: str) -> str:
    """One paper titled ``title`` proposing ``methods``; its comparison says
    Mistral-7B beats GPT-4o in ``quote``, which names no method."""
    proposed = "".join(f" ; kg:proposes e:{m.lower()}" for m in methods)
    typed = "".join(f'  e:{m.lower()} a kg:Method ; rdfs:label "{m}" .\n' for m in methods)
    return (
        PREFIXES
        + f"""
<https://w3id.org/paperkg/id/report/t2> {{
  p:2603.00301 a kg:Paper ; kg:arxivId "2603.00301" ; dcterms:title "{title}" ;
      kg:usesModel e:mistral7b , e:gpt4o {proposed} .
{typed}  e:mistral7b a kg:Model ; rdfs:label "Mistral-7B" .
  e:gpt4o a kg:Model ; rdfs:label "GPT-4o" .
  c:m a kg:Comparison ; kg:winner e:mistral7b ; kg:loser e:gpt4o ; prov:hadPrimarySource p:2603.00301 ;
      kg:evidence [ kg:quote "{quote}" ] .
}}
"""
    )


TUNED = "Mistral-7B 微调后在 GSM8K 上超越了 GPT-4o。"


@pytest.mark.parametrize(
    ("title", "methods", "quote", "winner"),
    [
        # the sentence says the model was tuned but names no method: the paper's own method, when there is one
        ("Planning with Graph Rewards", ["FernRL"], TUNED, "Mistral-7B (FernRL)"),
        ("FernRL: Planning with Graph Rewards", ["FernRL", "PlumeDPO"], TUNED, "Mistral-7B (FernRL)"),
        ("Planning with Graph Rewards", ["FernRL", "PlumeDPO"], TUNED, "Mistral-7B"),
        ("Planning Better with FernRL", ["FernRL", "PlumeDPO"], TUNED, "Mistral-7B"),  # named, not the title's head
        ("FernRL and PlumeDPO: Planning with Graphs", ["FernRL", "PlumeDPO"], TUNED, "Mistral-7B"),
        # no training cue at the model: a used model, as it is
        ("FernRL: Planning with Graph Rewards", ["FernRL"], "Mistral-7B 在 GSM8K 上超越了 GPT-4o。", "Mistral-7B"),
        # the method named next to the model wins over the title's
        ("FernRL: Planning", ["FernRL", "PlumeDPO"], "Mistral-7B + PlumeDPO 超越了 GPT-4o。", "Mistral-7B (PlumeDPO)"),
    ],
)
def test_a_tuned_model_is_labelled_with_the_papers_own_method_only(tmp_path, title, methods, quote, winner):
    store = _store(tmp_path, _trained_model_graph(title, methods, quote))
    assert [r[0] for r in fold_claims(store, beats_rows(store, GPT4O)).rows] == [winner]


def test_the_method_a_model_beats_is_not_applied_to_it(tmp_path):
    trig = (
        PREFIXES
        + """
<https://w3id.org/paperkg/id/report/t3> {
  p:2603.00401 a kg:Paper ; kg:arxivId "2603.00401" ; dcterms:title "WrenSeg: Segmenting on the Edge" ;
      kg:proposes e:wrenseg ; kg:usesModel e:sam2 .
  e:wrenseg a kg:Method ; rdfs:label "WrenSeg" .
  e:sam2 a kg:Model ; rdfs:label "SAM 2" .
  c:w a kg:Comparison ; kg:winner e:sam2 ; kg:loser e:wrenseg ; prov:hadPrimarySource p:2603.00401 ;
      kg:evidence [ kg:quote "SAM 2 fine-tuned on DAVIS still beats WrenSeg by 2 points." ] .
}
"""
    )
    store = _store(tmp_path, trig)
    loser = [ox.NamedNode("https://w3id.org/paperkg/id/entity/wrenseg")]
    assert [r[0] for r in fold_claims(store, beats_rows(store, loser)).rows] == ["SAM 2"]


@pytest.mark.parametrize(
    ("base", "method", "sentence", "expected"),
    [
        ("Mistral-7B", "FernRL", "Mistral-7B fine-tuned with FernRL tops the leaderboard.", True),
        ("Mistral-7B", "FernRL", "Trained using FernRL, Mistral-7B gains 4 points on GSM8K.", True),
        ("Llama-3-8B", "FernRL", "Llama-3-8B + FernRL keeps 95% of the full score.", True),
        ("Llama-3-8B", "FernRL", "With a 4K budget, Llama-3-8B+FernRL keeps 95% of it.", True),
        ("Llama-3-8B", "FernRL", "Llama-3-8B with FernRL keeps 95% of the full score.", True),
        ("Mistral-7B", "FernRL", "经 FernRL 训练的 Mistral-7B 在 GSM8K 上领先 4 分。", True),
        ("Mistral-7B", "FernRL", "Mistral-7B 使用 FernRL 微调后，准确率提升 4 分。", True),
        ("Mistral-7B", "FernRL", "基于 Mistral-7B 的 FernRL 在 GSM8K 上领先。", True),
        ("Mistral-7B", "FernRL", "在 Mistral-7B 模型上，FernRL 将准确率提升了 3 分。", True),
        ("Qwen2.5-7B", "FernRL", "On the Qwen2.5-7B backbone, FernRL adds 4 points.", True),
        ("Qwen2.5-7B", "FernRL", "With Qwen2.5-7B as the backbone, FernRL adds 4 points.", True),
        ("Mistral-7B", None, "The fine-tuned Mistral-7B leads on GSM8K.", True),
        ("Mistral-7B", None, "Mistral-7B 微调后在 GSM8K 上领先。", True),
        # no method applied to the model
        ("Mistral-7B", "FernRL", "Compared with Mistral-7B, FernRL answers 3 points better.", False),
        ("Mistral-7B", "FernRL", "FernRL, compared with Mistral-7B, answers 3 points better.", False),
        ("Mistral-7B", None, "Mistral-7B with 8 GPUs finishes ahead of GPT-4o.", False),
        ("Mistral-7B", "FernRL", "Mistral-7B with 8 GPUs trails FernRL.", False),
        ("Mistral-7B", "FernRL", "FernRL trails Mistral-7B (int4+) by a point.", False),  # a '+' inside a name
        ("Mistral-7B", "FernRL", "在 Mistral-7B 和 Phi-3 模型上，FernRL 均有提升。", False),  # two bases
        ("Mistral-7B", None, "Our model beats the pre-trained Mistral-7B by 5 points.", False),
        ("Mistral-7B", None, "相比预训练的 Mistral-7B 基座，我们的模型多答对 5% 的题目。", False),
        ("ViT-L", "FernRL", "在 ViT-L 风格的编码器上，FernRL 提升 2 分。", False),  # inside a longer phrase
    ],
)
def test_a_base_model_is_one_the_sentence_trains_or_runs_the_method_on(base, method, sentence, expected):
    assert applied(base, method, sentence) is expected


def test_names_are_found_whole_with_loose_separators():
    assert name_spans("Claude 3.5 Sonnet", "the Claude-3.5-Sonnet judge") == [(4, 21)]
    assert name_spans("GPT-4o", "GPT-4o-mini wins") == []
    assert name_spans("T5", "GPT5 and T5") == [(9, 11)]
    assert name_spans("", "anything") == []


def test_the_cue_words_are_those_of_roles_json(monkeypatch):
    import kg.resources
    from kg.outputs import beats_applied

    sentence = "Mistral-7B glued to FernRL tops the leaderboard."
    assert not applied("Mistral-7B", "FernRL", sentence)
    roles = kg.resources.pattern_group("roles")
    patched = {**roles, "applied_link": [*roles["applied_link"], "glued to"]}
    monkeypatch.setattr(kg.resources, "pattern_group", lambda group: patched if group == "roles" else None)
    beats_applied.cues.cache_clear()
    try:
        assert applied("Mistral-7B", "FernRL", sentence)
    finally:
        monkeypatch.undo()
        beats_applied.cues.cache_clear()
