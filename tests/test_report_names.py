"""Report names: a report's graph is named by its path under the folder
given to ``kg build`` (dated folders that reuse one file name stay apart),
and by its file name in a flat folder or when named explicitly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.rdf import vocab
from kg.rdf.mapping import name_of_graph, report_graph, report_name
from kg.rdf.store import KnowledgeStore

from conftest import SEEDS

DAY1 = SEEDS / "000_3d92274d0f9505a7.txt"  # Hugging Face layout
DAY2 = SEEDS / "004_598ffdc448aaeccc.txt"  # arXiv CV layout


def kg(*args) -> str:
    r = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.output


def graph_names(store: Path) -> list[str]:
    return sorted(name_of_graph(g.value) for g in KnowledgeStore(store, read_only=True).report_graphs())


@pytest.fixture
def dated(tmp_path) -> Path:
    """reports/2026-01-13/report.txt and reports/2026-01-14/report.txt."""
    root = tmp_path / "reports"
    for day, seed in (("2026-01-13", DAY1), ("2026-01-14", DAY2)):
        (root / day).mkdir(parents=True)
        shutil.copy(seed, root / day / "report.txt")
    return root


def test_dated_folders_with_one_file_name_build_side_by_side(dated, tmp_path):
    store = tmp_path / "s"
    out = kg("build", dated, "--store", store)
    assert "built 2 report(s)" in out and "error" not in out
    assert graph_names(store) == ["2026-01-13/report.txt", "2026-01-14/report.txt"]
    ro = KnowledgeStore(store, read_only=True)
    for name in graph_names(store):
        assert ro.graph_value(report_graph(name), vocab.ID + "report/" + name, vocab.FILE_NAME) == name
    # every paper of each day is in its day's graph, and kg show names that report
    for day in ("2026-01-13", "2026-01-14"):
        q = f"SELECT ?id WHERE {{ GRAPH <{report_graph(day + '/report.txt').value}> {{ ?p kg:arxivId ?id }} }} LIMIT 1"
        (row,) = list(ro.query(q))
        shown = kg("show", row["id"].value, "--store", store)
        assert f"{day}/report.txt" in shown
    del ro
    # kg beats sees the comparisons of both reports, each with its report name
    for day in ("2026-01-13", "2026-01-14"):
        q = (
            f"SELECT ?l WHERE {{ GRAPH <{report_graph(day + '/report.txt').value}> "
            "{ ?c kg:loser/rdfs:label ?l } } ORDER BY ?l LIMIT 1"
        )
        loser = json.loads(kg("query", q, "--store", store, "--format", "json"))[0]["l"]
        rows = json.loads(kg("beats", loser, "--evidence", "--limit", "0", "--store", store, "--format", "json"))
        assert f"{day}/report.txt" in {r["file"] for r in rows}
    # a rebuild skips both
    again = kg("build", dated, "--store", store)
    assert "built 0 report(s)" in again and "2 unchanged report(s) skipped" in again


def test_flat_folder_and_explicit_files_are_named_by_file_name(dated, tmp_path):
    flat = tmp_path / "flat"
    flat.mkdir()
    shutil.copy(DAY1, flat / DAY1.name)
    elsewhere = tmp_path / "elsewhere" / "deep"
    elsewhere.mkdir(parents=True)
    shutil.copy(DAY2, elsewhere / "extra.md")
    store = tmp_path / "s"
    kg("build", flat, elsewhere / "extra.md", "--store", store)
    assert graph_names(store) == [DAY1.name, "extra.md"]
    assert {g.value for g in KnowledgeStore(store, read_only=True).report_graphs()} == {
        vocab.GRAPH + "report/" + DAY1.name,
        vocab.GRAPH + "report/extra.md",
    }
    # a file given explicitly inside a folder given too keeps the folder's name for it
    kg("build", dated, dated / "2026-01-14" / "report.txt", "--store", tmp_path / "s2")
    assert graph_names(tmp_path / "s2") == ["2026-01-13/report.txt", "2026-01-14/report.txt"]


def test_report_names_are_percent_encoded_segment_by_segment(tmp_path):
    assert report_name(tmp_path / "a b" / "c%2Fd" / "r#1.txt", tmp_path) == "a b/c%2Fd/r#1.txt"
    assert report_name(tmp_path / "a" / "r.txt") == "r.txt"
    assert report_name(Path("/elsewhere/r.txt"), tmp_path) == "r.txt"
    g = report_graph("a b/c%2Fd/r#1.txt")
    assert g.value == vocab.GRAPH + "report/a%20b/c%252Fd/r%231.txt"
    assert name_of_graph(g.value) == "a b/c%2Fd/r#1.txt"
    folder = tmp_path / "reports" / "Jan 13"
    folder.mkdir(parents=True)
    shutil.copy(DAY1, folder / "r#1.txt")
    kg("build", tmp_path / "reports", "--store", tmp_path / "s")
    assert graph_names(tmp_path / "s") == ["Jan 13/r#1.txt"]


def test_export_graph_by_report_name_path_or_unique_file_name(dated, tmp_path):
    store = tmp_path / "s"
    kg("build", dated, "--store", store)
    ro = KnowledgeStore(store, read_only=True)
    want = set(ro.quads(report_graph("2026-01-14/report.txt")))
    del ro
    for given in ("2026-01-14/report.txt", dated / "2026-01-14" / "report.txt"):
        out = tmp_path / "one.nq"
        kg("export", "--graph", given, "-o", out, "--format", "nquads", "--store", store)
        assert set(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS)) == want
    r = CliRunner().invoke(
        main, ["export", "--graph", "report.txt", "-o", str(tmp_path / "x.nq"), "--store", str(store)]
    )
    assert r.exit_code == 1
    assert "'report.txt' names 2 reports (2026-01-13/report.txt, 2026-01-14/report.txt)" in r.output


def test_extract_writes_report_names_as_subfolders_and_load_gives_the_build(dated, tmp_path):
    kg("extract", dated, "-o", tmp_path / "nq", "--jobs", "1")
    assert sorted(p.relative_to(tmp_path / "nq").as_posix() for p in (tmp_path / "nq").rglob("*.nq")) == [
        "2026-01-13/report.txt.nq",
        "2026-01-14/report.txt.nq",
    ]
    kg("load", tmp_path / "nq", "--store", tmp_path / "loaded")
    kg("build", dated, "--store", tmp_path / "built")
    loaded, built = (set(KnowledgeStore(tmp_path / n, read_only=True).quads()) for n in ("loaded", "built"))
    assert loaded == built


def test_prune_removes_the_graph_of_a_dated_folder_that_is_gone(dated, tmp_path):
    store = tmp_path / "s"
    kg("build", dated, "--store", store)
    shutil.rmtree(dated / "2026-01-13")
    out = kg("build", dated, "--store", store, "--prune")
    assert "2026-01-13/report.txt" in out
    assert graph_names(store) == ["2026-01-14/report.txt"]
