"""kg export --format jsonld and --graph (kg/rdf/export.py)."""

from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.rdf import vocab
from kg.cli import main
from kg.errors import StoreError
from kg.rdf.export import export, resolve_graph

REPORT = "000_3d92274d0f9505a7.txt"


def ground(quads) -> set[str]:
    return {str(q) for q in quads if not isinstance(q.subject, ox.BlankNode) and not isinstance(q.object, ox.BlankNode)}


def test_jsonld_has_prefix_context_and_round_trips(seed_store):
    buf = io.BytesIO()
    export(seed_store, "jsonld", buf)
    doc = json.loads(buf.getvalue())
    assert doc["@context"] == vocab.PREFIXES
    text = buf.getvalue().decode("utf-8")
    assert '"kg:winner"' in text and '"entity:gpt4o"' in text  # compacted through the context
    back = list(ox.parse(buf.getvalue(), format=ox.RdfFormat.JSON_LD))
    local = list(seed_store.quads())
    assert ground(back) == ground(local)  # named graphs kept
    assert len(set(back)) == len(set(local))
    graphs = {g["@id"] for g in doc["@graph"]}
    assert vocab.ONTOLOGY_GRAPH in graphs and len(graphs) == 6


def test_jsonld_of_one_graph(seed_store):
    g = resolve_graph(seed_store, REPORT)
    buf = io.BytesIO()
    export(seed_store, "jsonld", buf, REPORT)
    back = list(ox.parse(buf.getvalue(), format=ox.RdfFormat.JSON_LD))
    assert {q.graph_name for q in back} == {g}
    assert ground(back) == ground(seed_store.quads(g))


@pytest.mark.parametrize("name", [REPORT, f"seeds/{REPORT}", f"https://w3id.org/paperkg/graph/report/{REPORT}"])
def test_resolve_graph_by_file_name_path_or_iri(seed_store, name):
    assert resolve_graph(seed_store, name).value == vocab.GRAPH + "report/" + REPORT


def test_resolve_unknown_graph_lists_report_files(seed_store):
    with pytest.raises(StoreError, match=f"no graph 'nope'.*{REPORT}"):
        resolve_graph(seed_store, "nope")
    assert resolve_graph(seed_store, "ontology").value == vocab.ONTOLOGY_GRAPH


@pytest.mark.parametrize("fmt,rdf_format", [("nquads", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)])
def test_one_graph_in_dataset_formats(seed_store, fmt, rdf_format):
    g = resolve_graph(seed_store, REPORT)
    buf = io.BytesIO()
    export(seed_store, fmt, buf, REPORT)
    back = set(ox.parse(buf.getvalue(), format=rdf_format))
    assert back == set(seed_store.quads(g)) and back


def test_cli_export_graph_turtle_and_jsonld_file(seed_store_path, seed_store, tmp_path):
    runner = CliRunner()
    r = runner.invoke(main, ["export", "--store", str(seed_store_path), "--graph", REPORT])
    assert r.exit_code == 0, r.output
    triples = {q.triple for q in ox.parse(r.stdout_bytes, format=ox.RdfFormat.TURTLE)}
    assert triples == {q.triple for q in seed_store.quads(resolve_graph(seed_store, REPORT))}
    out = tmp_path / "kg.jsonld"
    r = runner.invoke(main, ["export", "--store", str(seed_store_path), "--format", "jsonld", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert json.loads(out.read_text(encoding="utf-8"))["@context"]["kg"] == vocab.KG
    r = runner.invoke(main, ["export", "--store", str(seed_store_path), "--graph", "missing.txt"])
    assert r.exit_code == 1 and "no graph 'missing.txt'" in r.output
