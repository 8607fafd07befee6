"""The spaCy tokenizer and components of kg.nlp built from config with tiny data,
on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.util import load_model_from_config

from kg.errors import DataError
from kg.nlp.pipeline import (
    PaperTokenizer,
    build_pipeline,
    mention_info,
    mention_spans,
    plain_sentences,
    tokens,
)

TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "paperkg.PaperTokenizer.v1"}}}

#: a three-entry gazetteer, as a component's config gives it
THREE_ENTRIES = [
    {"name": "Zorblax-7B", "type": "Model", "aliases": ["Zorblax 7B"]},
    {"name": "QuuxBench", "type": "Benchmark", "aliases": []},
    {"name": "Frobnication Accuracy", "type": "Metric", "aliases": ["FrobAcc"], "lower_is_better": False},
]


def _blank():
    return spacy.blank("xx", config=TOKENIZER)


def _gazetteer(entries, **lists):
    return {"@misc": "paperkg.gazetteer.v1", "entries": entries, **lists}


def _patterns(data):
    return {"@misc": "paperkg.patterns.v1", "data": data}


def _found(doc):
    return [(sp.text, sp.label_, mention_info(sp).source) for sp in mention_spans(doc)]


# -- tokenizer ------------------------------------------------------------------------------
def test_tokenizer_is_built_from_the_nlp_config():
    nlp = _blank()
    assert isinstance(nlp.tokenizer, PaperTokenizer)
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": "paperkg.PaperTokenizer.v1"}
    text = "Zorblax-7B 在 QuuxBench 上达到 78.23%。\n  Next line. Done"
    doc = nlp(text)
    assert doc.text == text
    assert [t.text for t in doc] == (
        ["Zorblax-7B", "在", "QuuxBench", "上", "达", "到", "78.23%", "。", "\n  ", "Next", "line", ".", "Done"]
    )
    assert [s.text for s in plain_sentences(doc)] == [
        "Zorblax-7B 在 QuuxBench 上达到 78.23%。",
        "\n  ",
        "Next line.",
        "Done",
    ]
    assert tokens(doc).words == [t.text for t in doc]


def test_a_version_written_in_subscript_digits_stays_one_name():
    """'Zorb₀.₅' is version 0.5 of Zorb, one token as 'Zorb0.5' is; a full
    stop before a letter or a digit joins as before, one before a space ends it."""
    words = [t.text for t in _blank()("超越了 Zorb₀.₅ 与 Zorb0.5。Qux₂. Next")]
    assert words == ["超", "越", "了", "Zorb₀.₅", "与", "Zorb0.5", "。", "Qux₂", ".", "Next"]


def test_a_caret_power_after_a_name_stays_in_the_name():
    """'QUXO^2' and 'Zorb-V^3' are names written with a caret power, one
    token each; a single letter's power ('O(K^2)') or a number's ('10^4') is
    math and stays apart."""
    words = [t.text for t in _blank()("QUXO^2 超越 Zorb-V^3，复杂度 O(K^2)，约 10^4。")]
    assert words == [
        *("QUXO^2", "超", "越", "Zorb-V^3", "，", "复", "杂", "度", "O", "(", "K", "^", "2", ")", "，"),
        *("约", "10", "^", "4", "。"),
    ]


def test_the_pipeline_is_rebuilt_from_its_own_config():
    """build_pipeline's config names every part: spaCy rebuilds the same
    pipeline from it, which finds the same mentions."""
    nlp = build_pipeline()
    again = load_model_from_config(nlp.config, auto_fill=True)
    assert again.pipe_names == nlp.pipe_names == ["paperkg_gazetteer", "paperkg_hardware", "paperkg_shapes"]
    assert isinstance(again.tokenizer, PaperTokenizer)
    text = "我们提出 Zorblax，在 IFEval 上超越 GPT-4o，使用 8 张 NVIDIA GPU。"
    assert (
        _found(again(text))
        == _found(nlp(text))
        == [
            ("Zorblax", "Method", "shape"),
            ("IFEval", "Benchmark", "gazetteer"),
            ("GPT-4o", "Model", "gazetteer"),
            ("NVIDIA GPU", "Accelerator", "hardware"),
        ]
    )


# -- gazetteer matcher -------------------------------------------------------------------------
def test_gazetteer_matcher_uses_the_entries_of_its_config():
    nlp = _blank()
    nlp.add_pipe("paperkg_gazetteer", config={"gazetteer": _gazetteer(THREE_ENTRIES)})
    doc = nlp("Zorblax 7B 在 QuuxBench 上的 FrobAcc 为 81.2%，超过 GPT-4o 和 quuxbench。")
    assert _found(doc) == [
        ("Zorblax 7B", "Model", "gazetteer"),
        ("QuuxBench", "Benchmark", "gazetteer"),
        ("FrobAcc", "Metric", "gazetteer"),
    ]  # GPT-4o is in no entry; lower-case 'quuxbench' is no spelling of QuuxBench
    assert [mention_info(sp).entry.name for sp in mention_spans(doc)] == [
        "Zorblax-7B",
        "QuuxBench",
        "Frobnication Accuracy",
    ]


def test_a_star_may_sit_inside_a_known_name_but_never_opens_one():
    nlp = _blank()
    nlp.add_pipe(
        "paperkg_gazetteer",
        config={"gazetteer": _gazetteer([*THREE_ENTRIES, {"name": "Q* Bench", "type": "Benchmark", "aliases": []}])},
    )
    doc = nlp("在 Q* Bench 和 Q*Bench 上，**QuuxBench** 与 *FrobAcc* 均提升。")
    assert [t for t, _, _ in _found(doc)] == ["Q* Bench", "Q*Bench", "QuuxBench", "FrobAcc"]


def test_a_known_name_written_as_inline_math_is_one_mention_of_its_entry():
    nlp = _blank()
    entries = [
        {"name": "ξ0.5", "type": "Model", "aliases": ["xi0.5"]},
        {"name": "Ψ³", "type": "Model", "aliases": []},
        {"name": "QuuxNet", "type": "Method", "aliases": []},
    ]
    nlp.add_pipe("paperkg_gazetteer", config={"gazetteer": _gazetteer(entries)})
    doc = nlp("QuuxNet 优于 $\\xi_{0.5}$、$ξ_0.5$、ξ_{0.5} 与 $\\Psi^3$，但 $x_1 = 0.5$ 与 $\\lambda$ 不是名字。")
    assert _found(doc) == [
        ("QuuxNet", "Method", "gazetteer"),
        ("$\\xi_{0.5}$", "Model", "gazetteer"),
        ("$ξ_0.5$", "Model", "gazetteer"),
        ("ξ_{0.5}", "Model", "gazetteer"),
        ("$\\Psi^3$", "Model", "gazetteer"),
    ]  # the 'xi0.5' inside '$\\xi_{0.5}$' gives way to the whole math span
    assert [mention_info(sp).entry.name for sp in mention_spans(doc)][1:] == ["ξ0.5"] * 3 + ["Ψ³"]
    # beside a symbol of its letter that names nothing, the same math is a symbol of that series
    doc = nlp("策略 $\\xi_{\\theta}$ 与 $\\xi_{0.5}$ 的比值。")
    assert _found(doc) == []


def test_math_symbols_are_no_known_names_but_a_known_suffix_joins_one():
    nlp = _blank()
    entries = [
        {"name": "ξ0.5", "type": "Model", "aliases": []},
        {"name": "ξ0.5-FAST", "type": "Model", "aliases": []},
        {"name": "R²", "type": "Metric", "aliases": [], "lower_is_better": False},
    ]
    nlp.add_pipe("paperkg_gazetteer", config={"gazetteer": _gazetteer(entries)})
    doc = nlp("优于 $\\xi_{0.5}$-FAST，参考策略 $\\xi_{0.5}$ 固定，$R^2$ 为 0.9。")
    assert _found(doc) == [("$\\xi_{0.5}$-FAST", "Model", "gazetteer"), ("$R^2$", "Metric", "gazetteer")]
    assert mention_info(mention_spans(doc)[0]).entry.name == "ξ0.5-FAST"


def test_gazetteer_matcher_leaves_out_the_generic_terms_of_its_config():
    nlp = _blank()
    nlp.add_pipe("paperkg_gazetteer", config={"gazetteer": _gazetteer(THREE_ENTRIES, generic_terms=["QuuxBench"])})
    assert _found(nlp("QuuxBench 与 FrobAcc")) == [("FrobAcc", "Metric", "gazetteer")]


def test_gazetteer_match_finds_and_set_annotations_writes():
    nlp = _blank()
    matcher = nlp.add_pipe("paperkg_gazetteer", config={"gazetteer": _gazetteer(THREE_ENTRIES)})
    doc = nlp.make_doc("在 QuuxBench 上")
    spans = matcher.match(doc)
    assert [sp.text for sp in spans] == ["QuuxBench"] and "kg" not in doc.spans
    matcher.set_annotations(doc, spans)
    assert [sp.text for sp in doc.spans["kg"]] == ["QuuxBench"]


def test_an_invalid_gazetteer_entry_in_config_is_a_data_error():
    nlp = _blank()
    with pytest.raises(DataError, match=r"gazetteer entries: entries/1: 'type' is a required property"):
        nlp.add_pipe("paperkg_gazetteer", config={"gazetteer": _gazetteer([THREE_ENTRIES[0], {"name": "X"}])})


# -- shape matcher ---------------------------------------------------------------------------
_SHAPES_TEXT = "我们提出 Zorblax 模型，在 QuuxBench 和 Plinko 上评测，并与 Wibble 对比。"


def test_shape_matcher_finds_and_types_new_names():
    nlp = _blank()
    nlp.add_pipe("paperkg_shapes", config={"gazetteer": _gazetteer([])})
    doc = nlp(_SHAPES_TEXT)
    assert _found(doc) == [
        ("Zorblax", "Model", "shape"),  # 模型 after it
        ("QuuxBench", "Benchmark", "shape"),  # its suffix
        ("Plinko", "Dataset", "shape"),  # listed with a benchmark
        ("Wibble", "Method", "shape"),  # no cue: the default type
    ]
    assert [mention_info(sp).decided for sp in mention_spans(doc)] == [True, True, True, False]


def test_a_list_types_every_new_name_from_one_dataset_in_it():
    """'Experiments on A, B3v2, and QuuxBench': the dataset at the end of the
    list types B3v2, then A (Oxford comma included)."""
    nlp = _blank()
    nlp.add_pipe("paperkg_shapes", config={"gazetteer": _gazetteer([])})
    doc = nlp("Experiments on Zorb-OVON, Zorb3Dv2, and QuuxBench show consistent gains.")
    assert _found(doc) == [
        ("Zorb-OVON", "Dataset", "shape"),
        ("Zorb3Dv2", "Dataset", "shape"),
        ("QuuxBench", "Benchmark", "shape"),
    ]


def test_a_data_noun_before_a_list_in_parentheses_types_its_members():
    """'benchmarks (A, B, C)' and '基准测试（A、B）' list datasets; '模拟器（如 A, B）' lists systems."""
    nlp = _blank()
    nlp.add_pipe("paperkg_shapes", config={"gazetteer": _gazetteer([])})
    doc = nlp("On hard\nbenchmarks (ZorbInEO, Toyota-Quux, LM-Q), Zorblax 在基准测试（Vorpal、Plinko）上领先。")
    assert _found(doc) == [(n, "Dataset", "shape") for n in ("ZorbInEO", "Toyota-Quux", "LM-Q")] + [
        ("Zorblax", "Method", "shape"),
        ("Vorpal", "Dataset", "gloss"),  # in parentheses after Chinese text: kept if used elsewhere
        ("Plinko", "Dataset", "shape"),
    ]
    assert ("Wibblesim", "Method", "shape") in _found(nlp("与现有事件模拟器（如 Wibblesim, Zorbsim）对比。"))


def test_a_name_framed_as_a_test_set_is_a_dataset():
    """'在 Zorb-DAVIS17 零样本测试中': the place of a test, not a model."""
    nlp = _blank()
    nlp.add_pipe("paperkg_shapes", config={"gazetteer": _gazetteer([])})
    doc = nlp("在 Zorb-DAVIS17 零样本测试中，J&F 达到 73.3。")
    assert ("Zorb-DAVIS17", "Dataset", "shape") in _found(doc)


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("*   **GlimOcc**：一个真实的四足机器人第一人称360度数据集，包含10个场景。", "GlimOcc", "Dataset"),
        ("GlimOcc: a new benchmark of 500 quadruped scenes.", "GlimOcc", "Dataset"),
        ("*   **VorpNet**：一个在 GlimSet 数据集上训练的模型。", "VorpNet", "Method"),
        ("VorpNet: a model trained on a large dataset.", "VorpNet", "Method"),
        ("ZorbDD: a dataset distillation method that compresses sets.", "ZorbDD", "Method"),
        ("ZorbFree: a dataset-free quantization method.", "ZorbFree", "Method"),
        ("QuxNet: an approach that beats every benchmark.", "QuxNet", "Method"),
        ("*   **BlipNet**：一个广泛使用的强基准，", "BlipNet", "Method"),
    ],
)
def test_a_name_defined_as_a_set_of_data_is_a_dataset(text, name, label):
    """'**X**：一个…数据集，' / 'X: a new benchmark of …' define X as data; a
    definition whose head is a model ('一个在 Y 数据集上训练的模型') does not."""
    nlp = _blank()
    nlp.add_pipe("paperkg_shapes", config={"gazetteer": _gazetteer([])})
    assert (name, label, "shape") in _found(nlp(text))


def test_a_model_after_the_frame_of_a_test_leaves_the_frame_a_dataset():
    """'在 QuxAlg 代数基准测试中，其模型…': 模型 belongs to the next clause; '在 QuxNet 模型上' frames a model."""
    nlp = _blank()
    nlp.add_pipe("paperkg_shapes", config={"gazetteer": _gazetteer([])})
    assert ("QuxAlg", "Dataset", "shape") in _found(nlp("在QuxAlg代数基准测试中，其模型总体得分达到82.6。"))
    assert ("QuxNet", "Model", "shape") in _found(nlp("在 QuxNet 模型上，准确率提高。"))


def test_a_metric_and_its_score_are_no_name_phrase():
    """'（F2FC 0.168, QLRC 0.339）': a metric acronym with its value; 'Zorb Bench 2.0' is a name."""
    nlp = _blank()
    nlp.add_pipe("paperkg_shapes", config={"gazetteer": _gazetteer([])})
    found = [name for name, _, _ in _found(nlp("优于自回归方法（F2FC 0.168, QLRC 0.339）和 Zorb Bench 2.0 的结果。"))]
    assert "QLRC 0.339" not in found and "F2FC 0.168" not in found
    assert "Zorb Bench 2.0" in found


def test_shape_matcher_skips_the_generic_terms_and_common_words_of_its_config():
    nlp = _blank()
    config = _gazetteer([], generic_terms=["QuuxBench"], common_words=["Wibble"])
    nlp.add_pipe("paperkg_shapes", config={"gazetteer": config})
    assert [sp.text for sp in mention_spans(nlp(_SHAPES_TEXT))] == ["Zorblax", "Plinko"]


def test_shape_matcher_reads_the_cue_words_of_its_config():
    """With the packaged cues 模型 makes Zorblax a Model; with cue lists of
    its own the component follows those."""
    from kg.resources import patterns

    cues = {**patterns(), "model_cue": [], "method_cue": ["模型"]}
    nlp = _blank()
    nlp.add_pipe("paperkg_shapes", config={"gazetteer": _gazetteer([]), "patterns": _patterns(cues)})
    assert _found(nlp("我们提出 Zorblax 模型。")) == [("Zorblax", "Method", "shape")]


def test_shape_matcher_keeps_the_mentions_found_before():
    nlp = _blank()
    nlp.add_pipe("paperkg_gazetteer", config={"gazetteer": _gazetteer(THREE_ENTRIES)})
    nlp.add_pipe("paperkg_shapes", config={"gazetteer": _gazetteer([])})
    assert _found(nlp("Zorblax 7B 与 Wibble 在 QuuxBench 上对比。")) == [
        ("Zorblax 7B", "Model", "gazetteer"),
        ("Wibble", "Method", "shape"),
        ("QuuxBench", "Benchmark", "gazetteer"),
    ]


# -- hardware matcher ------------------------------------------------------------------------
_HARDWARE = {
    "vendors": {"Acme": ["Acme", "ACME"], "Zeta": ["Zeta"]},
    "gpu_vendors": ["Acme"],
    "gpu_word_re": r"\s*GPUs?",
    "sensor_kind": ["RGB-D"],
    "sensor_device": ["相机"],
    "device_translation": {"相机": "camera"},
}


def test_hardware_matcher_uses_the_patterns_of_its_config():
    nlp = _blank()
    nlp.add_pipe("paperkg_hardware", config={"patterns": _patterns(_HARDWARE)})
    doc = nlp("使用 4 块 ACME GPU、2 张 NVIDIA GPU、Zeta GPU 和一台 RGB-D 相机。")
    assert [(sp.text, sp.label_, mention_info(sp).name) for sp in mention_spans(doc)] == [
        ("ACME GPU", "Accelerator", "Acme GPU"),
        ("RGB-D 相机", "Device", "RGB-D camera"),
    ]  # NVIDIA is no vendor of these patterns, Zeta no GPU vendor


def test_hardware_matcher_merges_a_device_and_its_chip():
    entries = [
        {"name": "MacBook Pro", "type": "Device", "aliases": [], "vendor": "Apple"},
        {"name": "Apple M3", "type": "Accelerator", "aliases": ["M3"], "vendor": "Apple"},
    ]
    nlp = _blank()
    nlp.add_pipe("paperkg_gazetteer", config={"gazetteer": _gazetteer(entries)})
    nlp.add_pipe("paperkg_hardware", config={"patterns": _patterns(_HARDWARE)})
    assert [(sp.text, sp.label_) for sp in mention_spans(nlp("在 MacBook Pro M3 上运行"))] == [
        ("MacBook Pro M3", "Device")
    ]


def test_hardware_patterns_without_a_key_it_reads_are_a_data_error():
    nlp = _blank()
    lacking = {k: v for k, v in _HARDWARE.items() if k != "sensor_kind"}
    with pytest.raises(DataError, match="paperkg_hardware: patterns lack sensor_kind"):
        nlp.add_pipe("paperkg_hardware", config={"patterns": _patterns(lacking)})


def test_a_bad_regular_expression_in_config_patterns_is_a_data_error():
    nlp = _blank()
    with pytest.raises(DataError, match="patterns data: gpu_word_re: not a valid regular expression"):
        nlp.add_pipe("paperkg_hardware", config={"patterns": _patterns({**_HARDWARE, "gpu_word_re": "(GPU"})})


# -- the Doc view ----------------------------------------------------------------------------
def test_one_view_holds_what_is_kept_per_doc():
    """Tokens, sentences, mentions and what is known of them live in one
    DocView object, the only thing the pipeline keeps in doc.user_data."""
    from kg.nlp.docview import view

    doc = build_pipeline()("我们提出 Zorblax。在 IFEval 上超越 GPT-4o。")
    v = view(doc)
    assert tokens(doc) is v.tokens and plain_sentences(doc) is v.sentences()
    assert [sp.text for sp in mention_spans(doc)] == [sp.text for sp in v.mentions()] == ["Zorblax", "IFEval", "GPT-4o"]
    assert mention_info(v.mentions()[2]) is v.info[(v.mentions()[2].start_char, v.mentions()[2].end_char)]
    assert list(doc.user_data) == ["kg_view"]
