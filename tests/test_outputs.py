"""Machine-readable output, name suggestions and inspection commands."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from kg.cli import main


@pytest.fixture
def run(seed_store_path):
    def invoke(*args, input=None):
        return CliRunner().invoke(main, [*map(str, args), "--store", str(seed_store_path)], input=input)

    return invoke


def test_json_numbers_are_numbers_booleans_booleans_absent_null(run):
    r = run("query", "leaderboard", "--bind", "dataset=IFEval", "--format", "json")
    rows = json.loads(r.stdout)
    assert rows and all(isinstance(row["score"], (int, float)) for row in rows)
    assert all(isinstance(row["lowerIsBetter"], bool) for row in rows)
    r = run("beats", "GPT-4o", "--format", "json", "--limit", "0")
    rows = json.loads(r.stdout)
    assert any(row["winner_score"] is None for row in rows)  # absent: null, not ""
    assert {type(row["winner_score"]) for row in rows} <= {float, int, type(None)}
    count = json.loads(run("query", "SELECT (COUNT(*) AS ?n) WHERE { ?p a kg:Paper }", "--format", "json").stdout)
    assert count == [{"n": 80}]
    ask = json.loads(run("query", "ASK { ?p a kg:Paper }", "--format", "json").stdout)
    assert ask == [{"answer": True}]


def test_json_keeps_strings_that_look_like_numbers(run):
    rows = json.loads(run("query", "beats", "--bind", "loser=GPT-4o", "--format", "json").stdout)
    assert rows and all(isinstance(r["paperId"], str) for r in rows)  # arXiv ids stay strings
    lit = json.loads(run("query", 'SELECT ?x WHERE { BIND("007" AS ?x) }', "--format", "json").stdout)
    assert lit == [{"x": "007"}]


def test_csv_and_tsv_are_unpadded(run):
    out = run("beats", "GPT-4o", "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][0] == "winner" and all(c == c.strip() for r in rows for c in r)
    tsv = run("beats", "GPT-4o", "--format", "tsv").stdout.splitlines()
    assert all(not ln.endswith(" ") and "  " not in ln for ln in tsv)


def test_query_reads_stdin_and_sparql_files(run, tmp_path):
    q = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Paper }"
    assert run("query", "-", "--format", "tsv", input=q).stdout.splitlines() == ["n", "80"]
    f = tmp_path / "count.sparql"
    f.write_text(q)
    assert run("query", f, "--format", "tsv").stdout.splitlines() == ["n", "80"]


def test_beats_unknown_name_suggests_close_names(run):
    r = run("beats", "GTP-4o")
    assert r.exit_code == 1
    assert "no entity named 'GTP-4o'" in r.output and "did you mean: GPT-4o (beaten in" in r.output


def test_beats_family_name_offers_the_family(run):
    r = run("beats", "Qwen")
    assert r.exit_code == 0
    assert "is in the store, but no comparison says that something beats it" in r.output
    assert "other names containing 'Qwen': Qwen3-VL (beaten in 7)" in r.output


def test_beats_known_but_never_beaten_is_said_so(run):
    r = run("beats", "JavisGPT")
    assert r.exit_code == 0 and "is in the store" in r.output and "wins 8 comparison(s)" in r.output


def test_bind_to_an_unknown_name_says_so(run):
    r = run("query", "leaderboard", "--bind", "dataset=NoSuchBench")
    assert "no entity named 'NoSuchBench' in the store" in r.stderr


def test_show_lists_the_paper_once_per_report_and_its_facts(run):
    r = run("show", "2512.19995")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == "Paper" and lines[2].startswith("2512.19995  Schoenfeld's Anatomy")
    assert "Comparisons" in lines and any(ln.startswith("GPT-5   GPT-4o") for ln in lines)


def test_stats_rankings_match_a_plain_count(run, seed_store):
    out = run("stats", "--top", "3").stdout
    assert "Paper          80" in out
    plain = seed_store.query("""SELECT ?e (COUNT(DISTINCT ?c) AS ?n) WHERE {
        { ?c kg:winner ?e } UNION { ?c kg:loser ?e } } GROUP BY ?e ORDER BY DESC(?n) LIMIT 1""")
    top = int(next(iter(plain))["n"].value)
    ranking = out.split("Most-compared models\n")[1].split("\n\n")[0].splitlines()[1:]
    assert len(ranking) == 3 and int(ranking[0].split()[-3]) == top


def test_terminal_escapes_in_titles_never_reach_the_terminal(tmp_path):
    from kg.rdf.store import KnowledgeStore

    store = KnowledgeStore(tmp_path / "st")
    store.update("""INSERT DATA { GRAPH <https://w3id.org/paperkg/graph/report/x.txt> {
      <https://w3id.org/paperkg/id/paper/2601.00001> a kg:Paper ; kg:arxivId "2601.00001" ;
        dcterms:title "Evil\\u001b]0;pwned\\u0007\\u001b[2J [bold]markup[/bold]" } }""")
    store.close()
    r = CliRunner().invoke(main, ["show", "2601.00001", "--store", str(tmp_path / "st")])
    assert r.exit_code == 0
    assert "\x1b" not in r.output and "\x07" not in r.output
    assert "[bold]markup[/bold]" in r.output  # markup is text, not interpreted


def test_explain_strips_terminal_escapes_from_report_text(tmp_path):
    from pathlib import Path

    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_3d92274d0f9505a7.txt"
    text = seed.read_text(encoding="utf-8").replace("Schoenfeld's Anatomy", "Schoenfeld\x1b[2J's Anatomy")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    r = CliRunner().invoke(main, ["explain", "2512.19995", "--from", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert "\x1b" not in r.output and "Schoenfeld's Anatomy" not in r.output
    assert "Schoenfeld[2J's Anatomy" in r.output


def test_leaderboard_query_says_the_direction(run):
    def directions(dataset):
        rows = json.loads(run("query", "leaderboard", "--bind", f"dataset={dataset}", "--format", "json").stdout)
        return {(r["metricLabel"], r["direction"]) for r in rows}

    assert directions("DL3DV-10K") == {("Point Error", "lower")}
    assert directions("IFEval") == {(None, "unknown")}
    assert ("Accuracy", "higher") in directions("BLINK")


def test_show_lists_conflicting_titles_once_per_report(tmp_path):
    from kg.rdf.store import KnowledgeStore

    store = KnowledgeStore(tmp_path / "st")
    graphs = ""
    for n, title in ((1, "First title"), (2, "Second title")):
        graphs += f"""GRAPH <https://w3id.org/paperkg/graph/report/r{n}.txt> {{
          <https://w3id.org/paperkg/id/report/r{n}.txt> a kg:Report ; kg:fileName "r{n}.txt" .
          <https://w3id.org/paperkg/id/paper/2601.00001> a kg:Paper ; kg:arxivId "2601.00001" ;
            dcterms:title "{title}" ; kg:reportedIn <https://w3id.org/paperkg/id/report/r{n}.txt> }}\n"""
    store.update("INSERT DATA { " + graphs + " }")
    store.close()
    r = CliRunner().invoke(main, ["show", "2601.00001", "--store", str(tmp_path / "st")])
    paper = r.stdout.split("\n\n")[0].splitlines()[2:]
    assert [ln.split()[1:3] + [ln.split()[3]] for ln in paper] == [
        ["First", "title", "r1.txt"],
        ["Second", "title", "r2.txt"],
    ]
