"""Tests for ``ontology/paperkg.ttl`` and the SPARQL files in ``queries/``.

The ontology must declare every ``kg:`` term the code emits (``kg.rdf.vocab``)
and keep the ontology contract of ``ARCHITECTURE.md``.  Every query must
start with a comment, parse, and give the expected answers on a small
hand-written graph shaped like the one ``kg.rdf.mapping`` emits.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.rdf import vocab

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "paperkg.ttl"
QUERY_DIR = ROOT / "queries"
QUERIES = sorted(QUERY_DIR.glob("*.rq"))

KG = Namespace(vocab.KG)
ENTITY = vocab.ID + "entity/"
DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}


# --- the ontology --------------------------------------------------------


@pytest.fixture(scope="module")
def onto() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY, format="turtle")
    return g


def test_ontology_parses_and_has_header(onto: Graph) -> None:
    header = URIRef("https://w3id.org/paperkg")
    assert (header, RDF.type, OWL.Ontology) in onto
    assert onto.value(header, OWL.versionInfo) == Literal("0.1.0")
    dcterms = Namespace(vocab.DCTERMS)
    assert onto.value(header, dcterms.title) is not None
    assert onto.value(header, dcterms.description) is not None


def _english(g: Graph, term: URIRef, prop: URIRef) -> list[Literal]:
    return [o for o in g.objects(term, prop) if isinstance(o, Literal) and o.language == "en" and str(o).strip()]


@pytest.mark.parametrize("iri", sorted(vocab.kg_terms()))
def test_every_vocab_term_is_declared(onto: Graph, iri: str) -> None:
    term = URIRef(iri)
    types = set(onto.objects(term, RDF.type)) & DECLARATION_TYPES
    assert types, f"{iri} is not declared as owl:Class/ObjectProperty/DatatypeProperty"
    assert len(types) == 1, f"{iri} is declared with several kinds: {types}"
    assert _english(onto, term, RDFS.label), f"{iri} has no rdfs:label@en"
    assert _english(onto, term, RDFS.comment), f"{iri} has no rdfs:comment@en"


def test_every_kg_subject_is_documented(onto: Graph) -> None:
    subjects = {s for s in onto.subjects() if isinstance(s, URIRef) and str(s).startswith(vocab.KG)}
    assert len(subjects) >= len(vocab.kg_terms())
    for term in subjects:
        assert set(onto.objects(term, RDF.type)) & DECLARATION_TYPES, f"{term} has no kind"
        assert _english(onto, term, RDFS.label), f"{term} has no rdfs:label@en"
        assert _english(onto, term, RDFS.comment), f"{term} has no rdfs:comment@en"


def test_every_kg_term_mentioned_is_declared(onto: Graph) -> None:
    """No kg: IRI is used as an object (superclass, range...) without a declaration."""
    declared = set(onto.subjects(RDF.type, None))
    for o in onto.objects():
        if isinstance(o, URIRef) and str(o).startswith(vocab.KG):
            assert o in declared, f"{o} is referenced but not declared"


def test_datatype_properties_have_domain_and_range(onto: Graph) -> None:
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        if str(prop).startswith(vocab.KG):
            assert onto.value(prop, RDFS.domain) is not None, f"{prop} has no domain"
            assert onto.value(prop, RDFS.range) is not None, f"{prop} has no range"


def test_contract_classes(onto: Graph) -> None:
    for name in ["Paper", "Comparison", "Model", "Method", "Dataset", "Benchmark", "Hardware"]:
        assert (KG[name], RDF.type, OWL.Class) in onto, name
    assert (KG.Benchmark, RDFS.subClassOf, KG.Dataset) in onto
    assert (KG.Accelerator, RDFS.subClassOf, KG.Hardware) in onto
    assert (KG.Device, RDFS.subClassOf, KG.Hardware) in onto


def test_alignments(onto: Graph) -> None:
    fabio = Namespace(vocab.FABIO)
    schema = Namespace(vocab.SCHEMA)
    mls = Namespace(vocab.MLS)
    prov = Namespace(vocab.PROV)
    skos = Namespace(vocab.SKOS)
    dcterms = Namespace(vocab.DCTERMS)
    expected_classes = [
        (KG.Paper, fabio.ResearchPaper),
        (KG.Paper, schema.ScholarlyArticle),
        (KG.Report, fabio.ReportDocument),
        (KG.Report, prov.Entity),
        (KG.Model, mls.Model),
        (KG.Method, mls.Algorithm),
        (KG.Dataset, mls.Dataset),
        (KG.Dataset, schema.Dataset),
        (KG.Metric, mls.EvaluationMeasure),
        (KG.Hardware, schema.Product),
        (KG.ResearchField, skos.Concept),
        (KG.Comparison, prov.Entity),
        (KG.Evidence, prov.Entity),
        (KG.Result, mls.ModelEvaluation),
    ]
    for sub, sup in expected_classes:
        assert (sub, RDFS.subClassOf, sup) in onto, (sub, sup)
    expected_properties = [
        (KG.arxivId, dcterms.identifier),
        (KG.quote, prov.value),
        (KG.evidence, prov.wasDerivedFrom),
        (KG.family, skos.broader),
        (KG.usesModel, KG.uses),
        (KG.usesMethod, KG.uses),
        (KG.usesDataset, KG.uses),
        (KG.usesHardware, KG.uses),
    ]
    for sub, sup in expected_properties:
        assert (sub, RDFS.subPropertyOf, sup) in onto, (sub, sup)


def test_ontology_has_no_owl_imports(onto: Graph) -> None:
    assert not list(onto.triples((None, OWL.imports, None)))


def test_no_punning(onto: Graph) -> None:
    """No kg: IRI is both a class and a property."""
    classes = set(onto.subjects(RDF.type, OWL.Class))
    props = set(onto.subjects(RDF.type, OWL.ObjectProperty)) | set(onto.subjects(RDF.type, OWL.DatatypeProperty))
    assert not classes & props


def test_pyoxigraph_reads_the_ontology() -> None:
    store = ox.Store()
    store.load(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(vocab.ONTOLOGY_GRAPH))
    assert len(store) > 100


# --- the queries ---------------------------------------------------------

PREFIXES = """
@prefix kg:      <https://w3id.org/paperkg#> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema:  <http://schema.org/> .
@prefix foaf:    <http://xmlns.com/foaf/0.1/> .
@prefix unit:    <http://qudt.org/vocab/unit/> .
@prefix paper:   <https://w3id.org/paperkg/id/paper/> .
@prefix e:       <https://w3id.org/paperkg/id/entity/> .
@prefix field:   <https://w3id.org/paperkg/id/field/> .
@prefix person:  <https://w3id.org/paperkg/id/person/> .
@prefix report:  <https://w3id.org/paperkg/id/report/> .
@prefix cmp:     <https://w3id.org/paperkg/id/comparison/> .
@prefix ev:      <https://w3id.org/paperkg/id/evidence/> .
@prefix hu:      <https://w3id.org/paperkg/id/hardware-usage/> .
"""

# Report 1: paper A proposes AlphaNet and the benchmark MathBench, beats GPT-4o
# on MathBench (90.2 vs 84.8 %), trains on 8 H100; GPT-4o is also beaten by
# Qwen3-8B without dataset or scores.
REPORT_1 = (
    PREFIXES
    + """
report:r1.txt a kg:Report ; dcterms:date "2026-01-12"^^xsd:date ;
    dcterms:source <https://huggingface.co/papers/date/2026-01-12> ;
    kg:fileName "r1.txt" ; kg:contentHash "aa" ; kg:reportFormat "hf-daily" .

paper:2601.00001 a kg:Paper ; kg:arxivId "2601.00001" ; dcterms:title "Alpha" ;
    schema:url "https://huggingface.co/papers/2601.00001"^^xsd:anyURI ;
    kg:reportedIn report:r1.txt ; kg:readFrom "HTML" ;
    dcterms:creator person:ann ; dcterms:subject field:rl ;
    kg:proposes e:alphanet , e:mathbench ;
    kg:usesModel e:gpt4o , e:qwen38b ; kg:usesDataset e:mathbench ;
    kg:usesHardware e:h100 ; kg:hardwareUsage hu:a1 .

person:ann a foaf:Person ; foaf:name "Ann" .
field:rl a kg:ResearchField ; skos:prefLabel "强化学习 (Reinforcement Learning)" .

e:alphanet a kg:Model ; rdfs:label "AlphaNet" .
e:gpt4o a kg:Model ; rdfs:label "GPT-4o" ; skos:altLabel "gpt4o" .
e:qwen38b a kg:Model ; rdfs:label "Qwen3-8B" .
e:mathbench a kg:Benchmark ; rdfs:label "MathBench" .
e:accuracy a kg:Metric ; rdfs:label "accuracy" ; kg:lowerIsBetter false .
e:h100 a kg:Accelerator ; rdfs:label "NVIDIA H100" .

hu:a1 a kg:HardwareUsage ; kg:hardware e:h100 ; kg:count 8 ; kg:evidence ev:h1 .
ev:h1 a kg:Evidence ; kg:quote "trained on 8 H100 GPUs" ; dcterms:source report:r1.txt ;
    kg:line 12 ; kg:section "usage" .

cmp:c1 a kg:Comparison ; prov:hadPrimarySource paper:2601.00001 ;
    kg:winner e:alphanet ; kg:loser e:gpt4o ; kg:onDataset e:mathbench ; kg:metric e:accuracy ;
    kg:winnerScore 90.2 ; kg:loserScore 84.8 ; kg:scoreUnit unit:PERCENT ; kg:evidence ev:c1 .
ev:c1 a kg:Evidence ; kg:quote "AlphaNet reaches 90.2% on MathBench vs 84.8% for GPT-4o" ;
    dcterms:source report:r1.txt ; kg:line 20 ; kg:section "results" .

cmp:c5 a kg:Comparison ; prov:hadPrimarySource paper:2601.00001 ;
    kg:winner e:qwen38b ; kg:loser e:gpt4o .
"""
)

# Report 2 (and report 3, which lists paper B again): Qwen3-8B beats GPT-4o on
# MathBench (88.5 vs 84.8 % accuracy, and 70.0 vs 60.0 with no metric named);
# BetaGen beats LlamaGen on ImageNet by FID, a lower-is-better metric (7.65 vs
# 14.36).
REPORT_2 = (
    PREFIXES
    + """
report:{file} a kg:Report ; dcterms:date "{date}"^^xsd:date ;
    kg:fileName "{file}" ; kg:contentHash "bb" ; kg:reportFormat "hf-daily" .

paper:2601.00002 a kg:Paper ; kg:arxivId "2601.00002" ; dcterms:title "Beta" ;
    kg:reportedIn report:{file} ; dcterms:subject field:rl , field:cv ;
    kg:proposes e:betagen ; kg:usesModel e:gpt4o , e:qwen38b , e:llamagen ;
    kg:usesDataset e:mathbench , e:imagenet ; kg:usesHardware e:franka .

field:rl a kg:ResearchField ; skos:prefLabel "强化学习 (Reinforcement Learning)" .
field:cv a kg:ResearchField ; skos:prefLabel "计算机视觉 (Computer Vision)" .
e:gpt4o a kg:Model ; rdfs:label "GPT-4o" .
e:qwen38b a kg:Model ; rdfs:label "Qwen3-8B" .
e:betagen a kg:Model ; rdfs:label "BetaGen" .
e:llamagen a kg:Model ; rdfs:label "LlamaGen" .
e:mathbench a kg:Benchmark ; rdfs:label "MathBench" .
e:imagenet a kg:Dataset ; rdfs:label "ImageNet" .
e:accuracy a kg:Metric ; rdfs:label "accuracy" .
e:fid a kg:Metric ; rdfs:label "FID" ; kg:lowerIsBetter true .
e:franka a kg:Device ; rdfs:label "Franka arm" .

cmp:c2 a kg:Comparison ; prov:hadPrimarySource paper:2601.00002 ;
    kg:winner e:qwen38b ; kg:loser e:gpt4o ; kg:onDataset e:mathbench ; kg:metric e:accuracy ;
    kg:winnerScore 88.5 ; kg:loserScore 84.8 ; kg:scoreUnit unit:PERCENT ; kg:evidence ev:c2 .
ev:c2 a kg:Evidence ; kg:quote "Qwen3-8B scores 88.5, above GPT-4o (84.8)" ;
    dcterms:source report:{file} ; kg:line 30 ; kg:section "results" .

cmp:c6 a kg:Comparison ; prov:hadPrimarySource paper:2601.00002 ;
    kg:winner e:qwen38b ; kg:loser e:gpt4o ; kg:onDataset e:mathbench ;
    kg:winnerScore 70.0 ; kg:loserScore 60.0 .

cmp:c3 a kg:Comparison ; prov:hadPrimarySource paper:2601.00002 ;
    kg:winner e:betagen ; kg:loser e:llamagen ; kg:onDataset e:imagenet ; kg:metric e:fid ;
    kg:winnerScore 7.65 ; kg:loserScore 14.36 ; kg:scoreUnit unit:NUM .
"""
)

GPT4O = ENTITY + "gpt4o"


def make_store(copies: int = 1) -> ox.Store:
    """The fixture graphs, each report graph loaded ``copies`` times under different names."""
    s = ox.Store()
    s.load(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(vocab.ONTOLOGY_GRAPH))
    graphs = {
        "r1.txt": REPORT_1,
        "r2.txt": REPORT_2.replace("{file}", "r2.txt").replace("{date}", "2026-01-13"),
        "r3.txt": REPORT_2.replace("{file}", "r3.txt").replace("{date}", "2026-01-14"),
    }
    for name, text in graphs.items():
        for copy in range(copies):
            graph = vocab.GRAPH + "report/" + name + (f".copy{copy}" if copy else "")
            s.load(input=text, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))
    return s


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return make_store()


def query(store: ox.Store, name: str, **bindings: ox.NamedNode | ox.Literal):
    """Run ``queries/<name>.rq`` over the union of all graphs with ``bindings``."""
    text = (QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")
    return store.query(
        text, use_default_graph_as_union=True, substitutions={ox.Variable(k): v for k, v in bindings.items()}
    )


def run(store: ox.Store, name: str, **bindings: ox.NamedNode | ox.Literal) -> list[dict]:
    """The rows of a query as dicts (column name -> term or None)."""
    result = query(store, name, **bindings)
    names = [v.value for v in result.variables]
    return [{n: row[n] for n in names} for row in result]


def value(term):
    """Python value of a term: str for IRIs/strings, Decimal for decimals, int, bool."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt == vocab.XSD_DECIMAL:
            return Decimal(term.value)
        if dt == vocab.XSD_INTEGER:
            return int(term.value)
        if dt == vocab.XSD_BOOLEAN:
            return term.value == "true"
    return term.value


def test_there_are_enough_queries() -> None:
    names = {q.stem for q in QUERIES}
    assert {"beats", "leaderboard", "hardware", "introduced_datasets", "most_compared", "papers_per_field"} <= names


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_query_starts_with_comment_and_runs(store: ox.Store, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#"), f"{path.name} must start with a comment"
    comment = [ln for ln in text.splitlines() if ln.startswith("#")]
    assert any("example" in ln for ln in comment), f"{path.name}: no example call"
    assert any("parameter" in ln for ln in comment), f"{path.name}: no parameter line"
    result = store.query(text, use_default_graph_as_union=True)
    rows = list(result)
    assert rows, f"{path.name} returned nothing on the fixture"


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_query_ignores_copies_of_a_graph(store: ox.Store, path: Path) -> None:
    """The same triples in several named graphs must not change any answer.

    pyoxigraph 0.5 returns a triple once per graph holding it in the union
    default graph (oxigraph issue #1919); the queries must not multiply rows.
    """
    text = path.read_text(encoding="utf-8")
    tripled = make_store(copies=3)

    def answer(s: ox.Store) -> list[tuple]:
        result = s.query(text, use_default_graph_as_union=True)
        names = [v.value for v in result.variables]
        return sorted(tuple(str(row[n]) for n in names) for row in result)

    assert answer(tripled) == answer(store)


def test_beats_gpt4o(store: ox.Store) -> None:
    columns = [v.value for v in query(store, "beats", loser=ox.NamedNode(GPT4O)).variables]
    assert columns == [
        "winnerLabel",
        "loser",
        "loserLabel",
        "datasetLabel",
        "metricLabel",
        "winnerScore",
        "loserScore",
        "paperId",
        "title",
        "evidence",
        "line",
        "file",
    ]
    rows = run(store, "beats", loser=ox.NamedNode(GPT4O))
    assert {value(r["winnerLabel"]) for r in rows} == {"AlphaNet", "Qwen3-8B"}
    assert all(value(r["loser"]) == GPT4O and value(r["loserLabel"]) == "GPT-4o" for r in rows)
    assert [value(r["winnerLabel"]) for r in rows] == sorted(value(r["winnerLabel"]) for r in rows)
    scored = {
        (
            value(r["winnerLabel"]),
            value(r["winnerScore"]),
            value(r["loserScore"]),
            value(r["datasetLabel"]),
            value(r["metricLabel"]),
            value(r["paperId"]),
        )
        for r in rows
        if r["winnerScore"] is not None
    }
    assert scored == {
        ("AlphaNet", Decimal("90.2"), Decimal("84.8"), "MathBench", "accuracy", "2601.00001"),
        ("Qwen3-8B", Decimal("88.5"), Decimal("84.8"), "MathBench", "accuracy", "2601.00002"),
        ("Qwen3-8B", Decimal("70.0"), Decimal("60.0"), "MathBench", None, "2601.00002"),
    }
    assert len(rows) == 4  # c1, c2, c6 and the bare c5: one row per comparison
    alpha = next(r for r in rows if value(r["winnerLabel"]) == "AlphaNet")
    assert (value(alpha["line"]), value(alpha["file"]), value(alpha["title"])) == (20, "r1.txt", "Alpha")
    assert "90.2%" in value(alpha["evidence"])
    # the claim without dataset or scores is still listed
    bare = [r for r in rows if r["winnerScore"] is None]
    assert len(bare) == 1 and bare[0]["datasetLabel"] is None and value(bare[0]["paperId"]) == "2601.00001"


def test_beats_unknown_system_is_empty(store: ox.Store) -> None:
    assert run(store, "beats", loser=ox.NamedNode(ENTITY + "nosuchmodel")) == []


def test_leaderboard_higher_is_better(store: ox.Store) -> None:
    everything = run(store, "leaderboard", dataset=ox.NamedNode(ENTITY + "mathbench"))
    # comparisons without a metric form their own group, listed first
    assert [(value(r["metricLabel"]), value(r["systemLabel"]), value(r["score"])) for r in everything[:2]] == [
        (None, "Qwen3-8B", Decimal("70.0")),
        (None, "GPT-4o", Decimal("60.0")),
    ]
    rows = everything[2:]
    assert [(value(r["systemLabel"]), value(r["score"])) for r in rows] == [
        ("AlphaNet", Decimal("90.2")),
        ("Qwen3-8B", Decimal("88.5")),
        ("GPT-4o", Decimal("84.8")),
    ]
    assert {value(r["metricLabel"]) for r in rows} == {"accuracy"}
    assert {value(r["unit"]) for r in rows} == {vocab.UNIT_PERCENT}
    assert [value(r["paperId"]) for r in rows][:2] == ["2601.00001", "2601.00002"]
    # GPT-4o's 84.8 is stated by both papers; the most recent one is shown
    assert value(rows[2]["paperId"]) == "2601.00002"


def test_leaderboard_lower_is_better(store: ox.Store) -> None:
    rows = run(store, "leaderboard", dataset=ox.NamedNode(ENTITY + "imagenet"))
    assert [(value(r["systemLabel"]), value(r["score"])) for r in rows] == [
        ("BetaGen", Decimal("7.65")),
        ("LlamaGen", Decimal("14.36")),
    ]
    assert all(value(r["lowerIsBetter"]) is True for r in rows)
    assert all(value(r["datasetLabel"]) == "ImageNet" for r in rows)


def test_most_compared_puts_gpt4o_first(store: ox.Store) -> None:
    rows = run(store, "most_compared")
    top = rows[0]
    # c1, c2, c5, c6: c2 and c6 are in two report graphs but count once
    assert (value(top["systemLabel"]), value(top["comparisons"]), value(top["wins"]), value(top["losses"])) == (
        "GPT-4o",
        4,
        0,
        4,
    )
    qwen = next(r for r in rows if value(r["systemLabel"]) == "Qwen3-8B")
    assert (value(qwen["comparisons"]), value(qwen["wins"]), value(qwen["losses"])) == (3, 3, 0)
    assert len(rows) == 5


def test_hardware(store: ox.Store) -> None:
    rows = run(store, "hardware")
    got = {
        (
            value(r["hardwareLabel"]),
            value(r["hardwareClass"]),
            value(r["count"]),
            value(r["paperId"]),
            value(r["title"]),
        )
        for r in rows
    }
    assert got == {
        ("NVIDIA H100", "accelerator", 8, "2601.00001", "Alpha"),
        ("Franka arm", "device", None, "2601.00002", "Beta"),
    }
    one = run(store, "hardware", hardware=ox.NamedNode(ENTITY + "h100"))
    assert [value(r["paperId"]) for r in one] == ["2601.00001"]


def test_introduced_datasets(store: ox.Store) -> None:
    rows = run(store, "introduced_datasets")
    assert [(value(r["paperId"]), value(r["datasetLabel"]), value(r["kind"])) for r in rows] == [
        ("2601.00001", "MathBench", "benchmark")
    ]


def test_papers_per_field(store: ox.Store) -> None:
    rows = run(store, "papers_per_field")
    assert [(value(r["fieldLabel"]), value(r["papers"])) for r in rows] == [
        ("强化学习 (Reinforcement Learning)", 2),
        ("计算机视觉 (Computer Vision)", 1),
    ]


def test_papers(store: ox.Store) -> None:
    rows = run(store, "papers")
    assert [value(r["paperId"]) for r in rows] == ["2601.00002", "2601.00001"]
    beta = rows[0]
    assert value(beta["reportDate"]) == "2026-01-13"
    assert set(value(beta["files"]).split()) == {"r2.txt", "r3.txt"}
    one = run(store, "papers", paperId=ox.Literal("2601.00001"))
    assert [value(r["title"]) for r in one] == ["Alpha"]


def test_proposed(store: ox.Store) -> None:
    rows = run(store, "proposed", paperId=ox.Literal("2601.00001"))
    got = {(value(r["entityLabel"]), value(r["classes"])) for r in rows}
    assert got == {("AlphaNet", "Model"), ("MathBench", "Benchmark")}


def test_one_label_type_is_shared_by_schemas_vocabulary_and_ontology():
    """kg.model.Label is the one list of entity types: the gazetteer and
    record schemas enumerate exactly its values, every label has a class in
    the vocabulary and in the ontology file, and the hardware labels are the
    ones the gazetteer schema's hardware rule names."""
    import json

    import rdflib

    from kg.model import Label
    from kg.rdf import vocab
    from kg.resources import DATA, ontology_path

    values = [label.value for label in Label]
    gaz = json.loads((DATA / "schemas" / "gazetteer.schema.json").read_text(encoding="utf-8"))
    record = json.loads((DATA / "schemas" / "record.schema.json").read_text(encoding="utf-8"))

    def enums(node):
        if isinstance(node, dict):
            if "enum" in node and "Model" in node["enum"]:
                yield node["enum"]
            for v in node.values():
                yield from enums(v)
        elif isinstance(node, list):
            for v in node:
                yield from enums(v)

    found = list(enums(gaz)) + list(enums(record))
    assert len(found) >= 2
    assert all(e == values for e in found), found
    vendor_rule = json.dumps(gaz)
    hardware = [label.value for label in Label if label.is_hardware]
    assert json.dumps({"enum": hardware}) in vendor_rule
    onto = rdflib.Graph().parse(ontology_path())
    for label in Label:
        iri = rdflib.URIRef(vocab.CLASS_OF_LABEL[label])
        assert (iri, rdflib.RDF.type, rdflib.OWL.Class) in onto, label
    assert set(vocab.USES_PROPERTY_OF_LABEL) == set(Label) - {Label.METRIC}
