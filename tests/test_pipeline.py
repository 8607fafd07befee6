"""End to end: build seeds/ into a store, check papers, facts, idempotency,
and that every kg: term in the data is declared in the ontology."""

from __future__ import annotations

import pyoxigraph as ox
import rdflib

from kg.rdf import vocab
from kg.pipeline.build import build
from kg.outputs.queries import beats, run_select
from kg.resources import ontology_path
from kg.rdf.store import KnowledgeStore

from conftest import SEEDS


def test_every_seed_paper_has_title_id_link_and_report_date(seed_store):
    t = run_select(
        seed_store,
        """
        SELECT DISTINCT ?p ?id ?title ?url ?date WHERE {
          ?p a kg:Paper ; kg:arxivId ?id ; dcterms:title ?title ; schema:url ?url ;
             kg:reportedIn/dcterms:date ?date }""",
    )
    ids = {r[1] for r in t.rows}
    assert len(ids) == 80
    assert all(r[2] and r[3].startswith("https://") and len(r[4]) == 10 for r in t.rows)
    papers = run_select(seed_store, "SELECT DISTINCT ?p WHERE { ?p a kg:Paper }")
    assert len(papers.rows) == 80


def test_report_dates_are_typed_dates(seed_store):
    t = run_select(
        seed_store,
        """SELECT DISTINCT ?f ?d WHERE { ?r a kg:Report ; kg:fileName ?f ;
                                   dcterms:date ?d FILTER(DATATYPE(?d) = xsd:date) }""",
    )
    assert dict(t.rows)["004_598ffdc448aaeccc.txt"] == "2026-01-13"
    assert len(t.rows) == 5


def test_beats_gpt4o_lists_stated_winners_with_scores(seed_store):
    t = beats(seed_store, "gpt 4o")
    rows = {(r[0], r[1]): r for r in t.rows}
    qwen = rows[("Qwen3-8B (LSRIF)", "IFEval")]  # LSRIF applied to Qwen3-8B
    assert (qwen[3], qwen[4]) == ("90.2", "84.8")
    assert qwen[5] == "2601.06431"
    assert ("GeoAgent", "IM2GPS3K") in rows
    assert beats(seed_store, "GPT-4o").rows == t.rows


def test_scores_are_decimals(seed_store):
    t = run_select(
        seed_store,
        """SELECT (COUNT(*) AS ?n) WHERE { ?c kg:winnerScore ?s
                                   FILTER(DATATYPE(?s) != xsd:decimal) }""",
    )
    assert t.rows == [["0"]]


def test_hardware_with_counts(seed_store):
    t = run_select(
        seed_store,
        """
        SELECT DISTINCT ?id ?hw ?n WHERE { ?p kg:arxivId ?id ; kg:hardwareUsage ?u .
          ?u kg:hardware/rdfs:label ?hw . OPTIONAL { ?u kg:count ?n } }""",
    )
    got = {(r[0], r[1]): r[2] for r in t.rows}
    assert got[("2602.12617", "NVIDIA A40")] == "8"
    assert got[("2512.19680", "NVIDIA A100")] == "8"
    assert got[("2601.06431", "NVIDIA H200")] == "8"


def test_one_node_per_entity_across_papers(seed_store):
    t = run_select(
        seed_store,
        """SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {
        ?p kg:usesModel <https://w3id.org/paperkg/id/entity/gpt4o> }""",
    )
    assert int(t.rows[0][0]) >= 5


def test_proposed_entities_are_kept_apart_from_used_ones(seed_store):
    t = run_select(
        seed_store,
        """SELECT DISTINCT ?l WHERE { ?p kg:arxivId "2601.06431" ;
                                   kg:proposes/rdfs:label ?l }""",
    )
    assert ["LSRIF"] in t.rows
    t = run_select(
        seed_store,
        """SELECT DISTINCT ?l WHERE { ?p kg:arxivId "2601.06431" ;
                                   kg:usesModel/rdfs:label ?l }""",
    )
    assert ["GPT-4o"] in t.rows and ["LSRIF"] not in t.rows


def test_comparisons_have_evidence_with_file_and_line(seed_store):
    t = run_select(
        seed_store,
        """
        SELECT (COUNT(DISTINCT ?c) AS ?all) (COUNT(DISTINCT ?ok) AS ?with) WHERE {
          ?c a kg:Comparison .
          OPTIONAL { ?c kg:evidence ?ev . ?ev kg:quote ?q ; kg:line ?l ; dcterms:source/kg:fileName ?f
                     BIND(?c AS ?ok) } }""",
    )
    total, with_evidence = map(int, t.rows[0])
    assert total > 50 and with_evidence == total


def test_building_twice_gives_the_same_quads(tmp_path):
    store = KnowledgeStore(tmp_path / "s")
    first = build([SEEDS / "000_3d92274d0f9505a7.txt"], store)
    quads1 = set(store.quads())
    second = build([SEEDS / "000_3d92274d0f9505a7.txt"], store)
    assert first.quads == second.quads == len(store)
    assert set(store.quads()) == quads1


def test_every_kg_term_in_the_data_is_declared(seed_store):
    declared = {str(s) for s in rdflib.Graph().parse(ontology_path(), format="turtle").subjects()}
    used = set()
    for q in seed_store.quads():
        for term in (q.predicate, q.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(vocab.KG):
                used.add(term.value)
    assert used, "no kg: terms found"
    assert used <= declared, sorted(used - declared)


def test_model_family_and_parameter_count(seed_store):
    t = run_select(
        seed_store,
        """SELECT DISTINCT ?fam ?n WHERE {
        entity:qwen38b kg:family/rdfs:label ?fam ; kg:parameterCount ?n }""",
    )
    assert t.rows == [["Qwen3", "8"]]


def test_proposes_and_uses_links_have_evidence(seed_store):
    t = run_select(
        seed_store,
        """SELECT DISTINCT ?prop ?line ?quote WHERE {
        ?l a kg:EntityLink ; prov:hadPrimarySource/kg:arxivId "2601.06431" ; kg:entity entity:lsrif ;
           kg:linkProperty ?prop ; kg:evidence ?ev . ?ev kg:line ?line ; kg:quote ?quote }""",
    )
    assert len(t.rows) == 1
    prop, line, quote = t.rows[0]
    assert prop == vocab.PROPOSES and int(line) > 0 and "LSRIF" in quote


def test_stated_scores_are_results(seed_store):
    t = run_select(
        seed_store,
        """SELECT DISTINCT ?v ?raw WHERE {
        ?r a kg:Result ; kg:system entity:qwen38b ; kg:onDataset entity:ifeval ; kg:value ?v ;
           kg:rawText ?raw }""",
    )
    assert ["90.2"] in [r[:1] for r in t.rows]
