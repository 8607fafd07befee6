"""SHACL validation (kg/validate.py, ontology/shapes.ttl, ``kg validate``):
the seed graph conforms, and each broken rule is reported with its focus
node and path."""
from __future__ import annotations

import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main
from kg.store import KnowledgeStore
from kg.validate import load_shapes, shapes_path, store_graph, validate_graph, validate_store

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
"""

# A small graph that conforms: one report, paper, comparison, hardware usage.
GOOD = PREFIXES + """
kg:Benchmark rdfs:subClassOf kg:Dataset .
kg:Accelerator rdfs:subClassOf kg:Hardware .
kg:Device rdfs:subClassOf kg:Hardware .
report:r.txt a kg:Report ; kg:fileName "r.txt" ;
    kg:contentHash "%s" ; dcterms:date "2026-01-13"^^xsd:date .
paper:2601.00001 a kg:Paper ; kg:arxivId "2601.00001" ; dcterms:title "A Paper" ;
    kg:reportedIn report:r.txt ; kg:hardwareUsage hw:u .
entity:a a kg:Model ; rdfs:label "A-7B" .
entity:b a kg:Model ; rdfs:label "B-7B" .
entity:bench a kg:Benchmark ; rdfs:label "Bench" .
entity:acc a kg:Metric ; rdfs:label "Accuracy" ; kg:lowerIsBetter false .
entity:gpu a kg:Accelerator ; rdfs:label "NVIDIA A100" .
ev:1 a kg:Evidence ; kg:quote "A beats B." ; kg:line 12 ; dcterms:source report:r.txt .
c:1 a kg:Comparison ; kg:winner entity:a ; kg:loser entity:b ; kg:onDataset entity:bench ;
    kg:metric entity:acc ; kg:winnerScore 90.2 ; kg:loserScore 84.8 ;
    prov:hadPrimarySource paper:2601.00001 ; kg:evidence ev:1 .
hw:u a kg:HardwareUsage ; kg:hardware entity:gpu ; kg:count 8 ; kg:evidence ev:1 .
""" % ("0" * 64)


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
    ("no primary source", "", ("prov:hadPrimarySource paper:2601.00001 ;", ""),
     ("comparison/1", PROV_SOURCE)),
    ("source not a paper", "", ("prov:hadPrimarySource paper:2601.00001",
                                "prov:hadPrimarySource entity:a"), ("comparison/1", PROV_SOURCE)),
    ("score not decimal", "", ("kg:winnerScore 90.2", 'kg:winnerScore "high"'),
     ("comparison/1", "kg:winnerScore")),
    ("integer score", "", ("kg:loserScore 84.8", "kg:loserScore 84"), ("comparison/1", "kg:loserScore")),
    ("two scores", "c:1 kg:winnerScore 91.0 .", None, ("comparison/1", "kg:winnerScore")),
    ("two datasets", 'c:1 kg:onDataset entity:b2 . entity:b2 a kg:Dataset ; rdfs:label "B2" .',
     None, ("comparison/1", "kg:onDataset")),
    ("dataset is a model", "", ("kg:onDataset entity:bench", "kg:onDataset entity:a"),
     ("comparison/1", "kg:onDataset")),
    ("comparison without evidence", "", ("prov:hadPrimarySource paper:2601.00001 ; kg:evidence ev:1",
                                         "prov:hadPrimarySource paper:2601.00001"),
     ("comparison/1", "kg:evidence")),
    # papers
    ("versioned id", "", ('kg:arxivId "2601.00001"', 'kg:arxivId "2601.00001v2"'),
     ("paper/2601.00001", "kg:arxivId")),
    ("two ids", 'paper:2601.00001 kg:arxivId "2601.00002" .', None, ("paper/2601.00001", "kg:arxivId")),
    ("no id", "", ('kg:arxivId "2601.00001" ;', ""), ("paper/2601.00001", "kg:arxivId")),
    ("numeric id", "", ('kg:arxivId "2601.00001"', "kg:arxivId 2601.00001"),
     ("paper/2601.00001", "kg:arxivId")),
    ("no title", "", ('dcterms:title "A Paper" ;', ""), ("paper/2601.00001", DC_TITLE)),
    ("no report", "", ("kg:reportedIn report:r.txt ;", ""), ("paper/2601.00001", "kg:reportedIn")),
    # entities
    ("entity without label", "entity:c a kg:Method .", None, ("entity/c", RDFS_LABEL)),
    ("hardware without label", "entity:h a kg:Device .", None, ("entity/h", RDFS_LABEL)),
    # hardware usage
    ("usage without hardware", "hw:v a kg:HardwareUsage ; kg:count 2 .", None,
     ("hardware-usage/v", "kg:hardware")),
    ("usage of a model", "", ("kg:hardware entity:gpu", "kg:hardware entity:a"),
     ("hardware-usage/u", "kg:hardware")),
    ("zero count", "", ("kg:count 8", "kg:count 0"), ("hardware-usage/u", "kg:count")),
    ("count not integer", "", ("kg:count 8", 'kg:count "8"'), ("hardware-usage/u", "kg:count")),
    ("decimal count", "", ("kg:count 8", "kg:count 8.5"), ("hardware-usage/u", "kg:count")),
    # evidence
    ("line zero", "", ("kg:line 12", "kg:line 0"), ("evidence/1", "kg:line")),
    ("line as text", "", ("kg:line 12", 'kg:line "12"'), ("evidence/1", "kg:line")),
    ("evidence without quote", "", ('kg:quote "A beats B." ;', ""), ("evidence/1", "kg:quote")),
    ("evidence without source", "", ("kg:line 12 ; dcterms:source report:r.txt", "kg:line 12"),
     ("evidence/1", "http://purl.org/dc/terms/source")),
    # reports
    ("bad content hash", "", ('kg:contentHash "%s"' % ("0" * 64), 'kg:contentHash "xyz"'),
     ("report/r.txt", "kg:contentHash")),
]


@pytest.mark.parametrize(("extra", "replace", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_each_rule_is_enforced(extra, replace, expected):
    assert expected in check(extra, replace)


def test_versioned_arxiv_id_and_missing_title_name_the_paper():
    text = GOOD.replace('kg:arxivId "2601.00001"', 'kg:arxivId "2601.00001v2"').replace(
        'dcterms:title "A Paper" ;', "")
    g = rdflib.Graph().parse(data=text, format="turtle")
    got = {(v.focus, v.path, v.value) for v in validate_graph(g, SHAPES)}
    assert (ID + "paper/2601.00001", KG + "arxivId", '"2601.00001v2"') in got
    assert (ID + "paper/2601.00001", "http://purl.org/dc/terms/title", None) in got


def test_violation_prints_focus_path_message_and_value():
    g = rdflib.Graph().parse(data=GOOD.replace("kg:winnerScore 90.2", 'kg:winnerScore "high"'),
                             format="turtle")
    (v,) = validate_graph(g, SHAPES)
    assert str(v) == 'comparison:1 kg:winnerScore: kg:winnerScore is at most one xsd:decimal (value: "high")'


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
    assert "violation: comparison:x kg:winnerScore: kg:winnerScore is at most one xsd:decimal " \
           '(value: "high")' in lines
    assert any(line.startswith("violation: comparison:x prov:hadPrimarySource: ") for line in lines)
    assert lines[-1] == f"4 violation(s) of the SHACL shapes in {tmp_path / 'bad'}"
    r = runner.invoke(main, ["validate", "--store", str(tmp_path / "bad"), "--limit", "1"])
    assert "… 3 more (use --limit)" in r.output and r.exit_code == 1


def test_cli_validate_help():
    r = CliRunner().invoke(main, ["validate", "--help"])
    assert r.exit_code == 0 and "--store" in r.output and "SHACL" in r.output
