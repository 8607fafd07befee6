"""`kg explain` says where each dropped name stands and why a sentence with a
comparison cue gave no comparison (kg/outputs/explain.py); the paper is
written for the test."""

from __future__ import annotations

from conftest import make_paper


def test_explain_places_every_dropped_name_and_says_why_a_cue_gave_no_comparison():
    from kg.outputs.explain import explain

    ex = explain(
        make_paper(
            "与以往方法相比，ZorbNet 将错误率降低了 12%。\n在 BarBench 上，ZorbNet 超越了 GPT-4o。",
            contribution="本文提出了 ZorbNet。作者还讨论了分层路由（Layered Routing）的思路。",
        )
    )
    gloss = next(d for d in ex.dropped.values() if d["name"] == "Layered Routing")
    assert gloss["rule"] == "gloss only" and gloss["line"] == 10 and "分层路由" in gloss["evidence"]
    rules = [c["rule"] for c in ex.dropped_comparisons if c["rule"].startswith("no comparison")]
    assert len(rules) == 1 and "one system named (ZorbNet)" in rules[0] and "以往方法" in rules[0]
    assert [(c["winner"], c["loser"]) for c in ex.record["comparisons"]] == [("zorbnet", "gpt4o")]
    decisions = ex.decisions()
    assert any(d["rule"].startswith("no comparison") for d in decisions["dropped_comparisons"])
