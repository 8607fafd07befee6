"""The speed-ups keep their answers: inlined JSON Schemas validate (and
reject) as the files do; the tokenizer's plain token table matches the Doc;
name resolution by index lookups finds what a scan of every label finds;
queries/beats.rq with LATERAL lookups answers as plain grouped subqueries."""

from __future__ import annotations

import copy
import json
import re

import jsonschema
import pyoxigraph as ox
import pytest

from conftest import SEEDS
from kg import link
from kg.rdf import vocab
from kg.outputs.beats import beats_rows
from kg.nlp.cues import cue_regex, sensor_regex
from kg.extract.extractor import Extractor
from kg.model import Paper, Section
from kg.nlp.pipeline import (
    PaperTokenizer,
    TokenTable,
    build_pipeline,
    mention_info,
    mention_spans,
    plain_sentences,
    sentence_of,
    sentence_starts,
    set_mention_info,
    set_mention_spans,
    span_text,
    tokens,
)
from kg.outputs.queries import beats, name_keys, resolve_entity, resolve_query, run_select
from kg.resources import DATA, PATTERN_GROUPS, inline_refs, patterns, schema


def _seed_texts() -> list[str]:
    """The text of every seed report."""
    return [f.read_text(encoding="utf-8") for f in sorted(SEEDS.glob("*.txt"))]


def _seed_lines() -> list[str]:
    """Every line of every seed report."""
    return [ln for text in _seed_texts() for ln in text.splitlines()]


# -- JSON Schemas ------------------------------------------------------------------
def _paper() -> Paper:
    text = "在 IFEval 上，Foo-VL-13B 取得 90.2 分，超越了 GPT-4o（84.8）。\n训练使用 8 张 NVIDIA A100。"
    return Paper(
        "Foo: A Study",
        "https://huggingface.co/papers/2601.00001",
        "2601.00001",
        "t.txt",
        5,
        60,
        (Section("results", "results", text, 10, 11),),
    )


@pytest.fixture(scope="module")
def record():
    return Extractor().extract(_paper())


def test_packaged_schemas_have_no_local_refs_left_and_stay_valid_schemas():
    for name in ("record", "gazetteer", "generic", *(f"patterns/{g}" for g in PATTERN_GROUPS)):
        s = schema(name)
        assert "$ref" not in json.dumps(s)
        jsonschema.Draft202012Validator.check_schema(s)


def test_inlined_record_schema_accepts_and_rejects_like_the_file(record):
    raw = json.loads((DATA / "schemas" / "record.schema.json").read_text(encoding="utf-8"))
    assert "$ref" in json.dumps(raw)
    as_file = jsonschema.Draft202012Validator(raw)
    inlined = jsonschema.Draft202012Validator(schema("record"))
    assert as_file.is_valid(record) and inlined.is_valid(record)
    bad_line = copy.deepcopy(record)
    bad_line["comparisons"][0]["line"] = 0
    bad_key = copy.deepcopy(record)
    bad_key["entities"][0]["key"] = ""
    bad_score = copy.deepcopy(record)
    bad_score["comparisons"][0]["winner_score"] = "90.2"
    for bad in (bad_line, bad_key, bad_score):
        a = jsonschema.exceptions.best_match(as_file.iter_errors(bad))
        b = jsonschema.exceptions.best_match(inlined.iter_errors(bad))
        assert a is not None and b is not None
        assert (b.message, list(b.absolute_path)) == (a.message, list(a.absolute_path))


def test_extractor_still_rejects_an_invalid_record():
    ex = Extractor()
    rec = ex.extract(_paper())
    rec["entities"][0]["line"] = 0
    with pytest.raises(jsonschema.ValidationError, match="less than the minimum of 1"):
        ex.validator.validate(rec)


def test_record_checks_are_on_when_asked_for(monkeypatch):
    """The test suite validates every record (conftest sets the variable);
    outside it, a build validates only with --check-records or the variable."""
    assert Extractor().validator is not None
    assert Extractor(check_records=False).validator is None
    monkeypatch.delenv("PAPERKG_CHECK_RECORDS")
    assert Extractor().validator is None
    assert Extractor(check_records=True).validator is not None
    for value, on in (("1", True), ("yes", True), ("0", False), ("", False)):
        monkeypatch.setenv("PAPERKG_CHECK_RECORDS", value)
        assert (Extractor().validator is not None) == on, value


def test_inline_refs_merges_siblings_keeps_recursion_and_foreign_refs():
    doc = {
        "$defs": {
            "int": {"type": "integer", "description": "d"},
            "tree": {"type": "array", "items": {"$ref": "#/$defs/tree"}},
            "pos": {"minimum": 1},
        },
        "properties": {
            "a": {"$ref": "#/$defs/int", "description": "own"},
            "b": {"$ref": "#/$defs/pos", "title": "t"},
            "c": {"$ref": "#/$defs/tree"},
            "d": {"$ref": "other.json"},
        },
    }
    out = inline_refs(doc)
    assert out["properties"]["a"] == {"description": "own", "allOf": [{"type": "integer", "description": "d"}]}
    assert out["properties"]["b"] == {"title": "t", "minimum": 1}
    assert out["properties"]["c"] == {"type": "array", "items": {"$ref": "#/$defs/tree"}}
    assert out["properties"]["d"] == {"$ref": "other.json"}
    assert out["$defs"] == doc["$defs"]  # still referenced
    v = jsonschema.Draft202012Validator(out)
    assert v.is_valid({"a": 3, "b": 2, "c": [[[]]]}) and not v.is_valid({"a": "x"}) and not v.is_valid({"b": 0})
    assert not v.is_valid({"c": [[1]]})


def _tokens_by_rule(text):
    """(words, trailing spaces) by the definition: one token per match of
    _TOKEN_RE, a single space being the trailing space of the token before it."""
    from kg.nlp.pipeline import _TOKEN_RE

    words, spaces = [], []
    for m in _TOKEN_RE.finditer(text):
        if m.group() == " " and words:
            spaces[-1] = True
        else:
            words.append(m.group())
            spaces.append(False)
    return words, spaces


def _sentence_starts_by_rule(words, spaces):
    """The rule sentence_starts implements, token by token."""
    abbreviations = {"vs", "e.g", "i.e", "al", "cf", "fig", "figs", "eq", "eqs", "approx", "resp"}
    return [0] + [
        k + 1
        for k, (t, sp, nxt) in enumerate(zip(words, spaces, words[1:]))
        if t in set("。！？；!?;")
        or "\n" in t
        or (t == "." and (sp or nxt.isspace()) and not (k and words[k - 1].lower() in abbreviations))
    ]


# -- tokenizer -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "a",
        "a ",
        "a \n",
        " lead",
        "a b  c .\n\nd. e",
        "x 。y",
        ".",
        ". ",
        "a.",
        "x. ",
        "x.\ny",
        ". . .",
        "..",
        "e.g. x.y. z.",
        "。",
        "！a？b",
        "3.5 . 4",
        "深度学习 模型（DL）。中 文 ， 字",
        "Qwen2.5-VL-7B 在 IFEval 上达到 78.23%，超越 GPT-4o。\n  - **A100-80GB** x 8\t!",
        "end.  Next. e.g. 3.5 vs. v2\r\n\u3000全角",
        "A 超越 B（44.8 vs. 37.0），在 C 上 Li et al. 提出 Fig. 3 所示。Ends. Here",
    ],
)
def test_token_table_and_sentences_match_the_doc(text):
    doc = build_pipeline().tokenizer(text)
    assert doc.text == text
    assert ([t.text for t in doc], [bool(t.whitespace_) for t in doc]) == _tokens_by_rule(text)
    table, walked = tokens(doc), TokenTable(doc)
    assert (table.words, table.ws, table.idx, table.ends) == (walked.words, walked.ws, walked.idx, walked.ends)
    if text:
        starts = sentence_starts(table.words, table.ws)
        assert (
            [k for k, t in enumerate(doc) if t.is_sent_start]
            == starts
            == _sentence_starts_by_rule(table.words, table.ws)
        )
        assert [(s.start, s.end, s.start_char, s.end_char, s.text) for s in plain_sentences(doc)] == [
            (s.start, s.end, s.start_char, s.end_char, s.text) for s in doc.sents
        ]
        for k in range(len(doc)):
            sent = sentence_of(doc[k : k + 1])
            spacy_sent = doc[k].sent
            assert (sent.start, sent.end, sent.text, sent.start_char) == (
                spacy_sent.start,
                spacy_sent.end,
                spacy_sent.text,
                spacy_sent.start_char,
            )


def test_tokenizer_builds_docs_from_string_ids_of_its_own_vocabulary():
    import spacy

    text = "Zorblax-9 在 IFEval 上超越 GPT-4o（84.8%）。\n新词 qqq-7B ẞeta"
    for _ in range(2):  # a new vocabulary each time: the IDs' strings are added to it
        tokenizer = PaperTokenizer(spacy.blank("xx").vocab)
        tokenizer._orth.limit = 3  # the ID memo is emptied many times on the way
        doc = tokenizer(text)
        assert doc.text == text
        assert [t.text for t in doc] == tokens(doc).words
        assert [t.orth for t in doc] == [doc.vocab.strings[t.text] for t in doc]


def test_plain_sentences_are_spacys_sentences_on_the_seed_reports():
    tokenizer = build_pipeline().tokenizer
    for path in sorted(SEEDS.glob("*.txt")):
        doc = tokenizer(path.read_text(encoding="utf-8"))
        table = tokens(doc)
        assert (table.words, table.ws) == _tokens_by_rule(doc.text)
        assert sentence_starts(table.words, table.ws) == _sentence_starts_by_rule(table.words, table.ws)
        assert [(s.start, s.end, s.start_char, s.end_char, s.text) for s in plain_sentences(doc)] == [
            (s.start, s.end, s.start_char, s.end_char, s.text) for s in doc.sents
        ], path.name


def test_span_text_is_spacys_span_text():
    nlp = build_pipeline()
    for path in sorted(SEEDS.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        spans = list(doc.spans["kg"]) + [doc[k : k + n] for k in range(0, len(doc) - 3, 7) for n in (1, 2, 3)]
        assert len(spans) > 100
        assert [span_text(sp) for sp in spans] == [sp.text for sp in spans], path.name


def test_mention_spans_follow_the_doc_and_are_a_new_list_each_time():
    nlp = build_pipeline()
    doc = nlp("我们提出 Zorblax，在 IFEval 上超越 GPT-4o 和 Qwen3-8B。")
    spans = mention_spans(doc)
    assert (
        [sp.text for sp in spans] == [sp.text for sp in doc.spans["kg"]] == ["Zorblax", "IFEval", "GPT-4o", "Qwen3-8B"]
    )
    assert mention_spans(doc) is not spans and mention_spans(doc)[0] is spans[0]  # the same Span objects
    spans.pop()
    assert len(mention_spans(doc)) == 4  # changing the returned list changes nothing
    set_mention_spans(doc, spans[:2])
    assert [sp.text for sp in doc.spans["kg"]] == ["Zorblax", "IFEval"] == [sp.text for sp in mention_spans(doc)]
    doc.spans["kg"] = [doc[0:1]]  # set without the helper: read from the SpanGroup
    assert [sp.text for sp in mention_spans(doc)] == [doc[0:1].text]
    del doc.spans["kg"]
    assert mention_spans(doc) == []


def test_mention_info_is_what_span_underscore_reads_and_writes():
    nlp = build_pipeline()
    doc = nlp("我们提出 Zorblax，在 IFEval 上超越 GPT-4o。")
    zorblax, ifeval, gpt4o = mention_spans(doc)
    assert mention_info(gpt4o).entry is gpt4o._.kg_entry is not None and gpt4o._.kg_entry.name == "GPT-4o"
    assert (
        (zorblax._.kg_entry, zorblax._.kg_source)
        == (None, "shape")
        == (mention_info(zorblax).entry, mention_info(zorblax).source)
    )
    assert ifeval._.kg_source == "gazetteer" and ifeval._.kg_decided is True and ifeval._.kg_name is None
    zorblax._.kg_name = "Zorblax-1"  # the spaCy setter writes the same MentionInfo
    assert mention_info(zorblax).name == "Zorblax-1"
    set_mention_info(zorblax, decided=False, source="paper")
    assert (zorblax._.kg_decided, zorblax._.kg_source, zorblax._.kg_name) == (False, "paper", "Zorblax-1")
    # as with spaCy's own extension values: a span over the same characters shares them,
    # another span reads the defaults
    same = doc.char_span(zorblax.start_char, zorblax.end_char, label="Dataset")
    assert same is not zorblax and same._.kg_name == "Zorblax-1"
    other = doc[0:2]
    assert (other._.kg_entry, other._.kg_source, other._.kg_name, other._.kg_decided) == (None, None, None, True)
    with pytest.raises(AttributeError):
        set_mention_info(other, kind="x")


def test_gazetteer_windows_inside_chinese_words_walk_metric_prefixes_only():
    """Pruning the walk inside a Chinese word to metric prefixes finds the
    same spans as walking every prefix (metric_firsts=firsts), on the seeds."""
    from kg.nlp.pipeline import GazetteerMatcher
    from kg.resources import gazetteer

    nlp, matcher, full = build_pipeline(), GazetteerMatcher(gazetteer()), GazetteerMatcher(gazetteer())
    full.metric_firsts = full.firsts
    metric = matcher.metric_firsts
    assert metric and metric < matcher.firsts and "准确" in metric
    n = 0
    for path in sorted(SEEDS.glob("*.txt")):
        doc = nlp.make_doc(path.read_text(encoding="utf-8"))
        pruned = [(sp.start, sp.end, sp.label_) for sp in matcher.match(doc)]
        assert pruned == [(sp.start, sp.end, sp.label_) for sp in full.match(doc)]
        n += len(pruned)
    assert n > 500


# -- name resolution and beats -----------------------------------------------------------
_ALL_LABELS = "SELECT DISTINCT ?e ?l WHERE { { ?e rdfs:label ?l } UNION { ?e skos:altLabel ?l } }"


def _resolve_by_scan(store, name: str, rows) -> set[str]:
    """The definition resolve_entity implements: every entity whose IRI is
    that of one of the name's keys, or one of whose labels folds like the
    name or a key (a scan of every label)."""
    keys, wanted = name_keys(name)
    key_iris = {link.entity_iri(k) for k in keys}
    return {
        iri
        for iri, label in rows
        if iri.startswith(vocab.ID + "entity/") and (iri in key_iris or link.fold(label) in wanted)
    }


def test_resolve_entity_finds_what_a_scan_of_every_label_finds(seed_store):
    rows = run_select(seed_store, _ALL_LABELS).rows
    names = sorted({label for _, label in rows}) + [
        "gpt4o",
        "GPT 4o",
        "ｇｐｔ-４ｏ",
        "nvidia a100",
        "A100",
        "Manus data glove",
        "RGB-D相机",
        "RGB-D camera",
        "no such model",
        "",
    ]
    for name in names:
        assert {n.value for n in resolve_entity(seed_store, name)} == _resolve_by_scan(seed_store, name, rows), name


def test_beats_with_an_alias_resolves_the_same_entity(seed_store):
    gpt4o = ox.NamedNode(link.entity_iri("gpt4o"))
    for alias in ("GPT-4o", "gpt4o", "GPT 4o", "gpt-4O"):
        assert resolve_entity(seed_store, alias) == [gpt4o]
    assert beats(seed_store, "gpt4o").rows == beats(seed_store, "GPT-4o").rows != []


# queries/beats.rq before its lookups became LATERAL: every lookup a plain
# grouped subquery over the whole store (the reference for the answers)
_BEATS_PLAIN = """
SELECT ?winnerLabel ?loser ?loserLabel ?datasetLabel ?metricLabel
       ?winnerScore ?loserScore ?paperId ?title ?evidence ?line ?file
WHERE {
  {
    SELECT ?c ?winner ?loser
           (COALESCE(SAMPLE(?d), "") AS ?dataset) (COALESCE(SAMPLE(?m), "") AS ?metric)
           (SAMPLE(?ws) AS ?winnerScore) (SAMPLE(?ls) AS ?loserScore)
           (COALESCE(SAMPLE(?p), "") AS ?paper) (COALESCE(SAMPLE(?e), "") AS ?ev)
    WHERE {
      ?c kg:loser ?loser ; kg:winner ?winner .
      FILTER EXISTS { ?c a kg:Comparison }
      OPTIONAL {
        { ?c kg:onDataset ?d } UNION { ?c kg:metric ?m }
        UNION { ?c kg:winnerScore ?ws } UNION { ?c kg:loserScore ?ls }
        UNION { ?c prov:hadPrimarySource ?p } UNION { ?c kg:evidence ?e }
      }
    }
    GROUP BY ?c ?winner ?loser
  }
  OPTIONAL { SELECT ?winner (SAMPLE(?l1) AS ?winnerName) WHERE { ?winner rdfs:label ?l1 } GROUP BY ?winner }
  OPTIONAL { SELECT ?loser (SAMPLE(?l2) AS ?loserName) WHERE { ?loser rdfs:label ?l2 } GROUP BY ?loser }
  OPTIONAL { SELECT ?dataset (SAMPLE(?l3) AS ?datasetLabel) WHERE { ?dataset rdfs:label ?l3 } GROUP BY ?dataset }
  OPTIONAL { SELECT ?metric (SAMPLE(?l4) AS ?metricLabel) WHERE { ?metric rdfs:label ?l4 } GROUP BY ?metric }
  BIND (COALESCE(?winnerName, STR(?winner)) AS ?winnerLabel)
  BIND (COALESCE(?loserName, STR(?loser)) AS ?loserLabel)
  OPTIONAL {
    SELECT ?paper (SAMPLE(?i) AS ?paperId) (SAMPLE(?t) AS ?title)
    WHERE { { ?paper kg:arxivId ?i } UNION { ?paper dcterms:title ?t } }
    GROUP BY ?paper
  }
  OPTIONAL {
    SELECT ?ev (SAMPLE(?q) AS ?evidence) (SAMPLE(?n) AS ?line) (SAMPLE(?f) AS ?file)
    WHERE {
      { ?ev kg:quote ?q } UNION { ?ev kg:line ?n }
      UNION { ?ev dcterms:source ?report . ?report kg:fileName ?f }
    }
    GROUP BY ?ev
  }
}
ORDER BY ?winnerLabel DESC(?winnerScore) ?paperId ?line
"""


def test_beats_query_answers_as_plain_subqueries(seed_store):
    shipped = resolve_query("beats")
    assert "LATERAL" in shipped
    everything = run_select(seed_store, shipped)
    assert everything.columns == run_select(seed_store, _BEATS_PLAIN).columns
    assert everything.rows == run_select(seed_store, _BEATS_PLAIN).rows
    losers = sorted({r[1] for r in everything.rows})
    assert len(losers) > 50
    for loser in losers:
        bind = {"loser": ox.NamedNode(loser)}
        assert run_select(seed_store, shipped, bind).rows == run_select(seed_store, _BEATS_PLAIN, bind).rows, loser


def _beats_by_sparql(store, loser: ox.NamedNode) -> set[tuple]:
    t = run_select(store, resolve_query("beats"), {"loser": loser})
    ix = [
        t.columns.index(c)
        for c in (
            "winnerLabel",
            "datasetLabel",
            "metricLabel",
            "winnerScore",
            "loserScore",
            "paperId",
            "title",
            "evidence",
            "file",
            "line",
        )
    ]
    return {tuple(r[i] for i in ix) for r in t.rows}


def test_beats_by_index_lookups_answers_as_the_shipped_query(seed_store):
    """kg beats reads each comparison inside its own report graph (one
    LATERAL query, kg/outputs/beats.py); for every loser of the seeds it lists the
    rows of queries/beats.rq, in its order."""
    losers = sorted({r[1] for r in run_select(seed_store, resolve_query("beats")).rows})
    assert len(losers) > 50
    for loser in losers:
        got = beats_rows(seed_store, [ox.NamedNode(loser)])
        assert got.complete and {tuple(r) for r in got.rows} == _beats_by_sparql(seed_store, ox.NamedNode(loser)), loser
        assert got.rows == sorted(got.rows, key=lambda r: (r[0], r[3] is None, -float(r[3] or 0), r[5], int(r[9])))


def test_beats_limit_reads_a_sample_and_says_so(seed_store):
    gpt4o = resolve_entity(seed_store, "GPT-4o")
    everything = beats_rows(seed_store, gpt4o)
    n = len(everything.rows)
    assert n > 5
    some = beats_rows(seed_store, gpt4o, limit=3)
    assert len(some.rows) == 3 and not some.complete
    assert {tuple(r) for r in some.rows} <= {tuple(r) for r in everything.rows}
    assert beats_rows(seed_store, gpt4o, limit=n) == everything  # nothing left out: complete, same rows
    bare = beats_rows(seed_store, gpt4o, evidence=False)
    assert [r[:7] for r in bare.rows] == [r[:7] for r in everything.rows]
    assert all(r[7:] == (None, None, None) for r in bare.rows)


def _flat_cue_regex(words, boundaries=True):
    """cue_regex as it was: one alternation, longest cue first."""
    alts = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w).replace(r"\ ", r"\s+")
        alts.append(rf"(?a:\b{esc}\b)" if boundaries and w[0].isascii() else esc)
    return re.compile("|".join(alts), re.IGNORECASE)


def test_cue_regex_trie_matches_like_a_longest_first_alternation():
    """cue_regex compiles cue words as a trie (faster); on every line of
    the seed reports it finds the same cues at the same places as the flat
    alternation, for every cue list of the cue-word files."""
    lines = _seed_lines()
    lines += ["X beats  Y and is better than Z", "outperforms/outperform", "远超过 GPT-4o，优于", "优于标准SFT和纯RL"]
    lists = {
        k: v
        for k, v in patterns().items()
        if isinstance(v, list) and v and all(isinstance(w, str) and w for w in v) and not k.endswith("_re")
    }
    assert {"win", "lose", "parity", "improve", "superlative"} <= set(lists)
    lists["case"] = ["GPT", "gpt-4", "Beats", "beats by"]  # spellings that differ in case only
    lines += ["gpt-4 wins", "GPT-4 BEATS BY far"]
    # cues whose first character is special inside a character class or a regex
    lists["special"] = ["-based", "(ours)", "^2", "]x", "\\n", "[sic]", "比较", " vs"]
    lines += ["X-based (ours) ^2 ]x \\n [sic] 比较 a vs b", "-BASED(OURS)"]
    for key, words in lists.items():
        for boundaries in (True, False):
            trie, flat = cue_regex(words, boundaries), _flat_cue_regex(words, boundaries)
            for ln in lines:
                assert [m.span() for m in trie.finditer(ln)] == [m.span() for m in flat.finditer(ln)], (
                    key,
                    boundaries,
                    ln,
                )
    assert cue_regex([]).search("anything") is None


def test_sensor_regex_finds_what_the_alternation_of_its_words_finds():
    """sensor_regex (two tries) against the flat alternation it replaced,
    longest words first, on every seed line and on sensor phrases."""
    pats = patterns()
    flat = re.compile(
        "(?P<kind>"
        + "|".join(sorted(map(re.escape, pats["sensor_kind"]), key=len, reverse=True))
        + r")\s*(?P<device>"
        + "|".join(sorted(map(re.escape, pats["sensor_device"]), key=len, reverse=True))
        + ")",
        re.IGNORECASE,
    )
    lines = _seed_lines()
    lines += [
        "一台 RGB-D 相机和 rgbd camera、RGB cameras，LiDAR sensors 与 深度传感器",
        "tof  Sensor; Event camera",
        "RGB-Dcamera RGB-D-camera stereo摄像头 鱼眼相机s",
        "FISHEYE CAMERAS and depthsensor",
    ]
    found = 0
    for ln in lines:
        ours = [(m.span(), m.group("kind"), m.group("device")) for m in sensor_regex(pats).finditer(ln)]
        assert ours == [(m.span(), m.group("kind"), m.group("device")) for m in flat.finditer(ln)], ln
        found += len(ours)
    assert found >= 12


def test_gain_regex_starts_where_the_alternation_it_replaced_starts():
    from kg.extract.relations import RelationRules

    old = re.compile(
        r"(?:提升|提高|增加|改善|增益|improves?|improved|improvement|gains?|boosts?)"
        r"[^，。；,;\d]{0,8}?(?:了|by|of)?\s*[*]*\s*\+?\d+(?:\.\d+)?\s*(?:%|个点|个百分点|分|points?|pp)"
        r"|\+\d+(?:\.\d+)?\s*(?:%|个点|个百分点|points?|pp)",
        re.IGNORECASE,
    )
    lines = _seed_lines()
    lines += ["improvement of 3.2 points", "Improved by +4.4%", "提升了 6.4 个点，增益 +2pp", "gains 5 pp; boosts 7%"]
    starts = [[m.start() for m in RelationRules._GAIN_RE.finditer(ln)] for ln in lines]
    assert starts == [[m.start() for m in old.finditer(ln)] for ln in lines]
    assert sum(map(len, starts)) >= 10


def test_beats_counts_a_comparison_stated_in_two_report_graphs_once(tmp_path):
    """The same report under two file names: every comparison is in two
    named graphs.  Rows, limits and the complete flag count comparisons."""
    from kg.pipeline.build import build
    from kg.rdf.store import KnowledgeStore

    src = SEEDS / "001_ae3f07256f1b0f9f.txt"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(src.read_bytes())
    store = KnowledgeStore(tmp_path / "store")
    assert not build([tmp_path / "a.txt", tmp_path / "b.txt"], store).errors
    loser = max(
        sorted({r[1] for r in run_select(store, resolve_query("beats")).rows}),
        key=lambda iri: len(_beats_by_sparql(store, ox.NamedNode(iri))),
    )  # first of the ties
    everything = beats_rows(store, [ox.NamedNode(loser)])
    n = len(everything.rows)
    assert n >= 2 and {tuple(r) for r in everything.rows} == _beats_by_sparql(store, ox.NamedNode(loser))
    assert beats_rows(store, [ox.NamedNode(loser)], limit=n) == everything
    cut = beats_rows(store, [ox.NamedNode(loser)], limit=n - 1)
    assert len(cut.rows) == n - 1 and not cut.complete


# -- mapping written as N-Quads text ---------------------------------------------------
@pytest.mark.parametrize(
    "value",
    [
        'a "quoted" word',
        "back\\slash \\n not a newline",
        "two\nlines\r\nand a tab\t",
        "中文，全角（括号）",
        "controls \x00\x01\b\f\x1f\x7f and \ufffe\uffff",
        "trailing backslash\\",
        '"',
        "emoji 🙂 and \u2028 separator",
        "<not an iri>",
        "x" * 500,
    ],
)
def test_graph_writer_lines_parse_to_the_quads_pyoxigraph_builds(value):
    from kg.rdf.mapping import GraphWriter, _entity, _iri

    graph = ox.NamedNode(vocab.GRAPH + "report/r%20one.txt")
    s = link.entity_iri("qwen38b")
    w = GraphWriter(graph)
    w.lit(_entity("qwen38b"), vocab.RDFS_LABEL, value)
    w.lit(_entity("qwen38b"), vocab.RDFS_LABEL, value)  # a duplicate is written once
    w.lit(_iri(s), vocab.VALUE, "90.2", vocab.XSD_DECIMAL)
    w.add(_iri(s), vocab.RDF_TYPE, _iri(vocab.MODEL))
    w.lit(_iri(s), vocab.QUOTE, "")  # empty values are not written
    expected = [
        ox.Quad(ox.NamedNode(s), ox.NamedNode(vocab.RDFS_LABEL), ox.Literal(value), graph),
        ox.Quad(
            ox.NamedNode(s),
            ox.NamedNode(vocab.VALUE),
            ox.Literal("90.2", datatype=ox.NamedNode(vocab.XSD_DECIMAL)),
            graph,
        ),
        ox.Quad(ox.NamedNode(s), ox.NamedNode(vocab.RDF_TYPE), ox.NamedNode(vocab.MODEL), graph),
    ]
    assert list(ox.parse(w.nquads(), format=ox.RdfFormat.N_QUADS)) == expected
    assert w.nquads() == ox.serialize(expected, format=ox.RdfFormat.N_QUADS)  # byte for byte


# -- further mentions of a paper's own names ------------------------------------------
def test_whole_words_finds_what_the_regex_alternation_finds():
    from kg.extract.span_passes import whole_words

    for text in _seed_texts():
        names = list(dict.fromkeys(re.findall(r"[A-Za-z][\w.+-]{2,}", text)))[:60]
        # overlapping forms (a name and its prefix, GPT-4 / GPT-4o), Chinese
        # words, forms starting or ending with a hyphen
        forms = names + [n[:-1] for n in names if len(n) > 3] + ["模型", "基准测试", "-VL", "Qwen2.5-"]
        forms = sorted(dict.fromkeys(forms), key=len, reverse=True)
        rx = re.compile("|".join(rf"(?<![\w-]){re.escape(f)}(?![\w-]|\.\d)" for f in forms))
        assert whole_words(text, forms) == [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]


def test_a_name_is_no_whole_word_inside_its_own_version():
    from kg.extract.span_passes import whole_words

    # 'Qwen2' is not the start of 'Qwen2.5', nor 'V0' of 'V0.5'; a full stop after a name ends it
    assert whole_words("Qwen2.5 beats Qwen2. V0.5 uses V0", ["Qwen2", "V0"]) == [(14, 19, "Qwen2"), (31, 33, "V0")]


def test_bounded_memo_stays_bounded_and_stores_no_failure():
    from kg.memo import BoundedMemo

    calls = []

    def square(x):
        calls.append(x)
        if x < 0:
            raise ValueError(x)
        return x * x

    memo = BoundedMemo(square, limit=3)
    assert list(map(memo.__getitem__, [2, 3, 2, 3])) == [4, 9, 4, 9] and calls == [2, 3]
    with pytest.raises(ValueError):
        memo[-1]
    assert -1 not in memo
    for x in range(10):
        memo[x]
        assert len(memo) <= 3
    assert memo[9] == 81


# -- evidence text ------------------------------------------------------------------
_MARKDOWN_EDGES = [
    "",
    "*",
    "**",
    "***",
    "* item",
    "** bold",
    "*** x",
    "**- x",
    "* * x",
    "  ** x",
    "  - item",
    "12. item",
    "1.5 is a number",
    "- x\n- y\n  * z",
    "**A** 优于 **B**",
    "`code` and __init__ and ``x``",
    "a*b*c",
    "x\n**- y\n\t+ z",
    "+ plus",
    "-1.5 分",
    "\n* after a newline",
    "**\n* item**",
    "行首 - 不是列表",
]


def _blank_by_definition(text: str) -> str:
    """Markdown emphasis and list markers blanked out as one regex does it
    (what kg.nlp.evidence.blank_markdown does in two steps)."""
    markdown = re.compile(r"\*\*|__|`|^[ \t]*(?:[*+\-]|\d+\.)(?=[ \t])", re.MULTILINE)
    return markdown.sub(lambda m: " " * len(m.group()), text)


def test_blank_markdown_blanks_what_the_markdown_regex_matches():
    from kg.nlp.evidence import blank_markdown

    for text in [*_MARKDOWN_EDGES, *_seed_texts(), *_seed_lines()]:
        assert blank_markdown(text) == _blank_by_definition(text), repr(text[:80])


def test_clean_sentence_collapses_every_kind_of_whitespace_like_the_regex():
    from kg.nlp.evidence import clean_sentence

    odd = "a\u3000b\xa0c\u2028d\x1ce\x85f\u200bg \t\r\n h\u2009"  # \u200b is no whitespace for either
    for text in [odd, *_MARKDOWN_EDGES, *_seed_lines()]:
        assert clean_sentence(text) == re.sub(r"\s+", " ", _blank_by_definition(text)).strip(), repr(text[:80])


def test_an_abbreviation_stop_ends_no_sentence():
    doc = build_pipeline().tokenizer(
        "A 超越 B 达 21.1%（44.8 vs. 37.0），在 C 上实现 2.1% 的优势。Li et al. show it. Next one"
    )
    assert [s.text for s in doc.sents] == [
        "A 超越 B 达 21.1%（44.8 vs. 37.0），在 C 上实现 2.1% 的优势。",
        "Li et al. show it.",
        "Next one",
    ]
