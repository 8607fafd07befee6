"""SHACL validation (kg/rdf/validate.py, ontology/shapes.ttl, ``kg validate``):
the seed graph conforms, and each broken rule is reported with its focus
node and path."""

from __future__ import annotations

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main
from kg.rdf.store import KnowledgeStore
from kg.rdf.validate import load_shapes, shapes_path, store_graph, validate_graph, validate_store

KG = "https://w3id.org/paperkg#"
ID = "https://w3id.org/paperkg/id/"

PREFIXES = """\
@prefix kg: <https://w3id.org/paperkg#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix paper: <https://w3id.org/paperkg/id/paper/> .
@prefix entity: <https://w3id.org/paperkg/id/entity/> .
@prefix report: <https://w3id.org/paperkg/id/report/> .
@prefix ev: <https://w3id.org/paperkg/id/evidence/> .
@prefix c: <https://w3id.org/paperkg/id/comparison/> .
@prefix hw: <https://w3id.org/paperkg/id/hardware-usage/> .
@prefix res: <https://w3id.org/paperkg/id/result/> .
@prefix lnk: <https://w3id.org/paperkg/id/link/> .
@prefix unit: <http://qudt.org/vocab/unit/> .
"""

# A small graph that conforms: one report, paper, comparison, stated result,
# entity link, hardware usage.
GOOD = (
    PREFIXES
    + """
kg:Benchmark rdfs:subClassOf kg:Dataset .
kg:Accelerator rdfs:subClassOf kg:Hardware .
kg:Device rdfs:subClassOf kg:Hardware .
report:r.txt a kg:Report ; kg:fileName "r.txt" ;
    kg:contentHash "%s" ; dcterms:date "2026-01-13"^^xsd:date .
paper:2601.00001 a kg:Paper ; kg:arxivId "2601.00001" ; dcterms:title "A Paper" ;
    kg:reportedIn report:r.txt ; kg:hardwareUsage hw:u ; kg:usesModel entity:b .
entity:a a kg:Model ; rdfs:label "A-7B" .
entity:b a kg:Model ; rdfs:label "B-7B" .
entity:bench a kg:Benchmark ; rdfs:label "Bench" .
entity:acc a kg:Metric ; rdfs:label "Accuracy" ; kg:lowerIsBetter false .
entity:gpu a kg:Accelerator ; rdfs:label "NVIDIA A100" .
ev:1 a kg:Evidence ; kg:quote "A beats B." ; kg:line 12 ; dcterms:source report:r.txt .
c:1 a kg:Comparison ; kg:winner entity:a ; kg:loser entity:b ; kg:onDataset entity:bench ;
    kg:metric entity:acc ; kg:winnerScore 90.2 ; kg:loserScore 84.8 ; kg:scoreUnit unit:PERCENT ;
    prov:hadPrimarySource paper:2601.00001 ; kg:evidence ev:1 .
res:1 a kg:Result ; kg:system entity:a ; kg:onDataset entity:bench ; kg:metric entity:acc ;
    kg:value 78.23 ; kg:scoreUnit unit:PERCENT ; kg:rawText "78.23%%" ;
    prov:hadPrimarySource paper:2601.00001 ; kg:evidence ev:1 .
lnk:1 a kg:EntityLink ; kg:entity entity:b ; kg:linkProperty kg:usesModel ;
    prov:hadPrimarySource paper:2601.00001 ; kg:evidence ev:1 .
hw:u a kg:HardwareUsage ; kg:hardware entity:gpu ; kg:count 8 ; kg:evidence ev:1 .
"""
    % ("0" * 64)
)


def check(extra: str = "", replace: tuple[str, str] | None = None) -> set[tuple[str, str | None]]:
    """(focus, path) of every violation of GOOD (with ``replace[0]`` replaced
    by ``replace[1]``) plus ``extra``; focus relative to the id namespace."""
    text = GOOD
    if replace:
        assert replace[0] in text
        text = text.replace(replace[0], replace[1])
    g = rdflib.Graph().parse(data=text + "\n" + extra, format="turtle")
    out = set()
    for v in validate_graph(g, SHAPES):
        out.add((v.focus.replace(ID, ""), v.path.replace(KG, "kg:") if v.path else None))
    return out


SHAPES = load_shapes()
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DC_TITLE = "http://purl.org/dc/terms/title"
PROV_SOURCE = "http://www.w3.org/ns/prov#hadPrimarySource"


def test_the_small_graph_conforms():
    assert check() == set()


CASES = [
    # a comparison has exactly one winner and one loser, different entities
    ("two winners", "c:1 kg:winner entity:bench .", None, ("comparison/1", "kg:winner")),
    ("no loser", "", ("kg:loser entity:b ;", ""), ("comparison/1", "kg:loser")),
    ("winner is loser", "", ("kg:loser entity:b", "kg:loser entity:a"), ("comparison/1", "kg:winner")),
    ("no primary source", "", ("prov:hadPrimarySource paper:2601.00001 ;", ""), ("comparison/1", PROV_SOURCE)),
    (
        "source not a paper",
        "",
        ("prov:hadPrimarySource paper:2601.00001", "prov:hadPrimarySource entity:a"),
        ("comparison/1", PROV_SOURCE),
    ),
    ("score not decimal", "", ("kg:winnerScore 90.2", 'kg:winnerScore "high"'), ("comparison/1", "kg:winnerScore")),
    ("integer score", "", ("kg:loserScore 84.8", "kg:loserScore 84"), ("comparison/1", "kg:loserScore")),
    ("two scores", "c:1 kg:winnerScore 91.0 .", None, ("comparison/1", "kg:winnerScore")),
    (
        "two datasets",
        'c:1 kg:onDataset entity:b2 . entity:b2 a kg:Dataset ; rdfs:label "B2" .',
        None,
        ("comparison/1", "kg:onDataset"),
    ),
    (
        "dataset is a model",
        "",
        ("kg:onDataset entity:bench", "kg:onDataset entity:a"),
        ("comparison/1", "kg:onDataset"),
    ),
    (
        "comparison without evidence",
        "",
        ("prov:hadPrimarySource paper:2601.00001 ; kg:evidence ev:1", "prov:hadPrimarySource paper:2601.00001"),
        ("comparison/1", "kg:evidence"),
    ),
    (
        "comparison unit outside the declared set",
        "",
        ("kg:scoreUnit unit:PERCENT ;\n    prov", "kg:scoreUnit unit:METER ;\n    prov"),
        ("comparison/1", "kg:scoreUnit"),
    ),
    ("comparison with two units", "c:1 kg:scoreUnit unit:NUM .", None, ("comparison/1", "kg:scoreUnit")),
    # a stated result: one system, one decimal value in one declared unit, its raw text,
    # at most one dataset and metric, its paper and its evidence
    ("value as text", "", ("kg:value 78.23", 'kg:value "78.23"'), ("result/1", "kg:value")),
    ("value as a word", "", ("kg:value 78.23", 'kg:value "high"'), ("result/1", "kg:value")),
    ("integer value", "", ("kg:value 78.23", "kg:value 78"), ("result/1", "kg:value")),
    ("two values", "res:1 kg:value 80.1 .", None, ("result/1", "kg:value")),
    ("no value", "", ("kg:value 78.23 ;", ""), ("result/1", "kg:value")),
    ("no system", "", ("kg:system entity:a ;", ""), ("result/1", "kg:system")),
    ("two systems", "res:1 kg:system entity:b .", None, ("result/1", "kg:system")),
    ("system as text", "", ("kg:system entity:a", 'kg:system "A-7B"'), ("result/1", "kg:system")),
    ("no unit", "", ("kg:value 78.23 ; kg:scoreUnit unit:PERCENT ;", "kg:value 78.23 ;"), ("result/1", "kg:scoreUnit")),
    (
        "unit outside the declared set",
        "",
        ("kg:scoreUnit unit:PERCENT ; kg:rawText", "kg:scoreUnit unit:METER ; kg:rawText"),
        ("result/1", "kg:scoreUnit"),
    ),
    ("two units", "res:1 kg:scoreUnit unit:NUM .", None, ("result/1", "kg:scoreUnit")),
    ("no raw text", "", ('kg:rawText "78.23%" ;', ""), ("result/1", "kg:rawText")),
    ("empty raw text", "", ('kg:rawText "78.23%"', 'kg:rawText ""'), ("result/1", "kg:rawText")),
    (
        "result on a model",
        "",
        ("kg:system entity:a ; kg:onDataset entity:bench", "kg:system entity:a ; kg:onDataset entity:b"),
        ("result/1", "kg:onDataset"),
    ),
    (
        "result on two datasets",
        'res:1 kg:onDataset entity:d2 . entity:d2 a kg:Dataset ; rdfs:label "D2" .',
        None,
        ("result/1", "kg:onDataset"),
    ),
    (
        "result metric is a model",
        "",
        (
            "kg:onDataset entity:bench ; kg:metric entity:acc ;\n    kg:value",
            "kg:onDataset entity:bench ; kg:metric entity:b ;\n    kg:value",
        ),
        ("result/1", "kg:metric"),
    ),
    (
        "result without paper",
        "",
        ('kg:rawText "78.23%" ;\n    prov:hadPrimarySource paper:2601.00001 ;', 'kg:rawText "78.23%" ;'),
        ("result/1", PROV_SOURCE),
    ),
    (
        "result from two papers",
        "res:1 prov:hadPrimarySource paper:2601.00002 . "
        'paper:2601.00002 a kg:Paper ; kg:arxivId "2601.00002" ; dcterms:title "B" ; kg:reportedIn report:r.txt .',
        None,
        ("result/1", PROV_SOURCE),
    ),
    (
        "result without evidence",
        "",
        (
            'kg:rawText "78.23%" ;\n    prov:hadPrimarySource paper:2601.00001 ; kg:evidence ev:1 .',
            'kg:rawText "78.23%" ;\n    prov:hadPrimarySource paper:2601.00001 .',
        ),
        ("result/1", "kg:evidence"),
    ),
    ("result evidence is a report", "res:1 kg:evidence report:r.txt .", None, ("result/1", "kg:evidence")),
    # an entity link: one paper, one entity (model, method, dataset or hardware),
    # a paper-to-entity property, evidence
    (
        "link without entity",
        "",
        ("lnk:1 a kg:EntityLink ; kg:entity entity:b ;", "lnk:1 a kg:EntityLink ;"),
        ("link/1", "kg:entity"),
    ),
    ("link to two entities", "lnk:1 kg:entity entity:a .", None, ("link/1", "kg:entity")),
    ("link to a metric", "", ("kg:entity entity:b", "kg:entity entity:acc"), ("link/1", "kg:entity")),
    ("link to an untyped node", "", ("kg:entity entity:b", "kg:entity entity:nothing"), ("link/1", "kg:entity")),
    ("link without property", "", ("kg:linkProperty kg:usesModel ;", ""), ("link/1", "kg:linkProperty")),
    (
        "link property not a paper-to-entity one",
        "",
        ("kg:linkProperty kg:usesModel", "kg:linkProperty kg:uses"),
        ("link/1", "kg:linkProperty"),
    ),
    (
        "link property as text",
        "",
        ("kg:linkProperty kg:usesModel", 'kg:linkProperty "usesModel"'),
        ("link/1", "kg:linkProperty"),
    ),
    (
        "link without paper",
        "",
        (
            "kg:linkProperty kg:usesModel ;\n    prov:hadPrimarySource paper:2601.00001 ;",
            "kg:linkProperty kg:usesModel ;",
        ),
        ("link/1", PROV_SOURCE),
    ),
    (
        "link from a report",
        "",
        (
            "kg:linkProperty kg:usesModel ;\n    prov:hadPrimarySource paper:2601.00001",
            "kg:linkProperty kg:usesModel ;\n    prov:hadPrimarySource report:r.txt",
        ),
        ("link/1", PROV_SOURCE),
    ),
    (
        "link without evidence",
        "",
        (
            "kg:linkProperty kg:usesModel ;\n    prov:hadPrimarySource paper:2601.00001 ; kg:evidence ev:1 .",
            "kg:linkProperty kg:usesModel ;\n    prov:hadPrimarySource paper:2601.00001 .",
        ),
        ("link/1", "kg:evidence"),
    ),
    # papers
    ("versioned id", "", ('kg:arxivId "2601.00001"', 'kg:arxivId "2601.00001v2"'), ("paper/2601.00001", "kg:arxivId")),
    ("two ids", 'paper:2601.00001 kg:arxivId "2601.00002" .', None, ("paper/2601.00001", "kg:arxivId")),
    ("no id", "", ('kg:arxivId "2601.00001" ;', ""), ("paper/2601.00001", "kg:arxivId")),
    ("numeric id", "", ('kg:arxivId "2601.00001"', "kg:arxivId 2601.00001"), ("paper/2601.00001", "kg:arxivId")),
    ("no title", "", ('dcterms:title "A Paper" ;', ""), ("paper/2601.00001", DC_TITLE)),
    ("no report", "", ("kg:reportedIn report:r.txt ;", ""), ("paper/2601.00001", "kg:reportedIn")),
    # entities
    ("entity without label", "entity:c a kg:Method .", None, ("entity/c", RDFS_LABEL)),
    ("hardware without label", "entity:h a kg:Device .", None, ("entity/h", RDFS_LABEL)),
    # hardware usage
    ("usage without hardware", "hw:v a kg:HardwareUsage ; kg:count 2 .", None, ("hardware-usage/v", "kg:hardware")),
    ("usage of a model", "", ("kg:hardware entity:gpu", "kg:hardware entity:a"), ("hardware-usage/u", "kg:hardware")),
    ("zero count", "", ("kg:count 8", "kg:count 0"), ("hardware-usage/u", "kg:count")),
    ("count not integer", "", ("kg:count 8", 'kg:count "8"'), ("hardware-usage/u", "kg:count")),
    ("decimal count", "", ("kg:count 8", "kg:count 8.5"), ("hardware-usage/u", "kg:count")),
    # evidence
    ("line zero", "", ("kg:line 12", "kg:line 0"), ("evidence/1", "kg:line")),
    ("line as text", "", ("kg:line 12", 'kg:line "12"'), ("evidence/1", "kg:line")),
    ("evidence without quote", "", ('kg:quote "A beats B." ;', ""), ("evidence/1", "kg:quote")),
    (
        "evidence without source",
        "",
        ("kg:line 12 ; dcterms:source report:r.txt", "kg:line 12"),
        ("evidence/1", "http://purl.org/dc/terms/source"),
    ),
    # reports
    (
        "bad content hash",
        "",
        ('kg:contentHash "%s"' % ("0" * 64), 'kg:contentHash "xyz"'),
        ("report/r.txt", "kg:contentHash"),
    ),
]


@pytest.mark.parametrize(("extra", "replace", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_rule_is_enforced(extra, replace, expected):
    assert expected in check(extra, replace)


def test_versioned_arxiv_id_and_missing_title_name_the_paper():
    text = GOOD.replace('kg:arxivId "2601.00001"', 'kg:arxivId "2601.00001v2"').replace('dcterms:title "A Paper" ;', "")
    g = rdflib.Graph().parse(data=text, format="turtle")
    got = {(v.focus, v.path, v.value) for v in validate_graph(g, SHAPES)}
    assert (ID + "paper/2601.00001", KG + "arxivId", '"2601.00001v2"') in got
    assert (ID + "paper/2601.00001", "http://purl.org/dc/terms/title", None) in got


def test_violation_prints_focus_path_message_and_value():
    g = rdflib.Graph().parse(data=GOOD.replace("kg:winnerScore 90.2", 'kg:winnerScore "high"'), format="turtle")
    (v,) = validate_graph(g, SHAPES)
    assert str(v) == 'comparison:1 kg:winnerScore: kg:winnerScore is at most one xsd:decimal (value: "high")'


def violations_of(text: str) -> list[str]:
    """Every violation of the graph ``text`` (Turtle after PREFIXES) as printed by ``kg validate``."""
    return [str(v) for v in validate_graph(rdflib.Graph().parse(data=text, format="turtle"), SHAPES)]


RESULT = ID + "result/1"
LINK = ID + "link/1"


def test_result_with_a_text_value_names_the_result_and_kg_value():
    assert violations_of(GOOD.replace("kg:value 78.23", 'kg:value "78.23"')) == [
        f'{RESULT} kg:value: a result needs exactly one kg:value, an xsd:decimal such as 78.23 (value: "78.23")'
    ]


def test_result_with_two_values_names_the_result_and_kg_value():
    (v,) = validate_graph(rdflib.Graph().parse(data=GOOD + "res:1 kg:value 80.1 .", format="turtle"), SHAPES)
    assert (v.focus, v.path, v.value) == (RESULT, KG + "value", None)
    assert str(v) == f"{RESULT} kg:value: a result needs exactly one kg:value, an xsd:decimal such as 78.23"
    assert v.shape is None  # an anonymous property shape of kgsh:ResultShape


def test_result_with_an_undeclared_unit_names_the_unit():
    assert violations_of(
        GOOD.replace("kg:scoreUnit unit:PERCENT ; kg:rawText", "kg:scoreUnit unit:METER ; kg:rawText")
    ) == [
        f"{RESULT} kg:scoreUnit: a result needs exactly one kg:scoreUnit, unit:PERCENT or unit:NUM (value: unit:METER)"
    ]


def test_entity_link_without_its_target_names_the_link_and_kg_entity():
    assert violations_of(GOOD.replace("lnk:1 a kg:EntityLink ; kg:entity entity:b ;", "lnk:1 a kg:EntityLink ;")) == [
        f"{LINK} kg:entity: an entity link needs exactly one kg:entity, a kg:Model, kg:Method, "
        "kg:Dataset (or kg:Benchmark) or kg:Hardware"
    ]


def test_entity_link_to_a_metric_says_what_the_entity_must_be():
    assert violations_of(GOOD.replace("kg:entity entity:b", "kg:entity entity:acc")) == [
        f"{LINK} kg:entity: an entity link needs exactly one kg:entity, a kg:Model, kg:Method, "
        "kg:Dataset (or kg:Benchmark) or kg:Hardware (value: entity:acc)"
    ]


def test_entity_link_with_another_property_names_it():
    assert violations_of(GOOD.replace("kg:linkProperty kg:usesModel", "kg:linkProperty rdfs:label")) == [
        f"{LINK} kg:linkProperty: an entity link needs a kg:linkProperty: kg:proposes, kg:usesModel, "
        "kg:usesMethod, kg:usesDataset or kg:usesHardware (value: rdfs:label)"
    ]


VALID = [
    # optional parts of a result may be absent
    (
        "result without dataset and metric",
        "",
        ("kg:system entity:a ; kg:onDataset entity:bench ; kg:metric entity:acc ;", "kg:system entity:a ;"),
    ),
    ("result in plain numbers", "", ("kg:scoreUnit unit:PERCENT ; kg:rawText", "kg:scoreUnit unit:NUM ; kg:rawText")),
    ("result with a negative value", "", ("kg:value 78.23", "kg:value -1.5")),
    # a paper listed by two reports: its result and link nodes are shared, and
    # each report adds its own raw text, property and evidence
    (
        "result and link listed by two reports",
        'res:1 kg:rawText "78.23 %" ; kg:evidence ev:2 . '
        "lnk:1 kg:linkProperty kg:proposes ; kg:evidence ev:2 . paper:2601.00001 kg:proposes entity:b . "
        'ev:2 a kg:Evidence ; kg:quote "B is ours." ; kg:line 3 ; dcterms:source report:r.txt .',
        None,
    ),
    # an entity link may be about any kind of entity, subclasses included
    (
        "link to a benchmark",
        "",
        (
            "kg:entity entity:b ; kg:linkProperty kg:usesModel",
            "kg:entity entity:bench ; kg:linkProperty kg:usesDataset",
        ),
    ),
    (
        "link to an accelerator",
        "",
        ("kg:entity entity:b ; kg:linkProperty kg:usesModel", "kg:entity entity:gpu ; kg:linkProperty kg:usesHardware"),
    ),
    (
        "link to a method",
        'entity:m a kg:Method ; rdfs:label "M" .',
        ("kg:entity entity:b ; kg:linkProperty kg:usesModel", "kg:entity entity:m ; kg:linkProperty kg:proposes"),
    ),
    ("comparison without unit", "", ("kg:scoreUnit unit:PERCENT ;\n    prov", "\n    prov")),
]


@pytest.mark.parametrize(("extra", "replace"), [c[1:] for c in VALID], ids=[c[0] for c in VALID])
def test_valid_results_and_links_conform(extra, replace):
    assert check(extra, replace) == set()


def check_text(text: str) -> set[tuple[str, str | None]]:
    return {
        (v.focus.replace(ID, ""), v.path.replace(KG, "kg:") if v.path else None)
        for v in validate_graph(rdflib.Graph().parse(data=text, format="turtle"), SHAPES)
    }


def test_results_and_links_are_targeted():
    """The good graph's result and link are checked at all: emptying them is reported."""
    bare = GOOD.split("res:1 a kg:Result")[0] + "res:1 a kg:Result .\nlnk:1 a kg:EntityLink .\n"
    got = check_text(bare)
    assert {p for f, p in got if f == "result/1"} == {
        "kg:system",
        "kg:value",
        "kg:scoreUnit",
        "kg:rawText",
        PROV_SOURCE,
        "kg:evidence",
    }
    assert {p for f, p in got if f == "link/1"} == {"kg:entity", "kg:linkProperty", PROV_SOURCE, "kg:evidence"}


def test_shapes_file_is_shipped_and_parses():
    assert shapes_path().name == "shapes.ttl"
    assert len(SHAPES) > 50


def test_seed_graph_has_no_violations(seed_store):
    violations = validate_store(seed_store)
    assert violations == [], "\n".join(map(str, violations[:20]))


def test_store_graph_counts_a_triple_shared_by_two_graphs_once(seed_store):
    g = store_graph(seed_store)
    triples = {(q.subject, q.predicate, q.object) for q in seed_store.quads()}
    assert len(g) == len(triples) < len(seed_store)


def test_cli_validate_passes_on_seeds_and_fails_on_a_broken_store(seed_store_path, tmp_path):
    runner = CliRunner()
    r = runner.invoke(main, ["validate", "--store", str(seed_store_path)])
    assert r.exit_code == 0, r.output
    assert "conforms to the SHACL shapes: no violations" in r.output

    store = KnowledgeStore(tmp_path / "bad")
    store.update("""INSERT DATA { GRAPH <https://w3id.org/paperkg/graph/report/x.txt> {
        <https://w3id.org/paperkg/id/comparison/x> a kg:Comparison ; kg:winner entity:a ;
        kg:loser entity:a ; kg:winnerScore "high" } }""")
    del store
    r = runner.invoke(main, ["validate", "--store", str(tmp_path / "bad")])
    assert r.exit_code == 1
    lines = r.output.splitlines()
    assert 'violation: comparison:x kg:winnerScore: kg:winnerScore is at most one xsd:decimal (value: "high")' in lines
    assert any(line.startswith("violation: comparison:x prov:hadPrimarySource: ") for line in lines)
    assert lines[-1] == f"4 violation(s) of the SHACL shapes in {tmp_path / 'bad'}"
    r = runner.invoke(main, ["validate", "--store", str(tmp_path / "bad"), "--limit", "1"])
    assert "… 3 more (use --limit)" in r.output and r.exit_code == 1


def test_cli_validate_reports_a_broken_result_and_entity_link(tmp_path):
    store = KnowledgeStore(tmp_path / "bad")
    store.update("""INSERT DATA { GRAPH <https://w3id.org/paperkg/graph/report/x.txt> {
        <https://w3id.org/paperkg/id/result/x> a kg:Result ; kg:value "high" .
        <https://w3id.org/paperkg/id/link/x> a kg:EntityLink } }""")
    del store
    r = CliRunner().invoke(main, ["validate", "--store", str(tmp_path / "bad"), "--limit", "100"])
    assert r.exit_code == 1
    lines = r.output.splitlines()
    assert (
        "violation: https://w3id.org/paperkg/id/result/x kg:value: a result needs exactly one "
        'kg:value, an xsd:decimal such as 78.23 (value: "high")' in lines
    )
    assert (
        "violation: https://w3id.org/paperkg/id/link/x kg:entity: an entity link needs exactly one "
        "kg:entity, a kg:Model, kg:Method, kg:Dataset (or kg:Benchmark) or kg:Hardware" in lines
    )
    # result: system, unit, raw text, paper, evidence missing, value wrong; link: four missing
    assert lines[-1] == f"10 violation(s) of the SHACL shapes in {tmp_path / 'bad'}"


def test_cli_validate_help():
    r = CliRunner().invoke(main, ["validate", "--help"])
    assert r.exit_code == 0 and "--store" in r.output and "SHACL" in r.output
