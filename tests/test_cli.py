"""CLI tests with click's CliRunner: exit codes and output of every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

from conftest import SEEDS


@pytest.fixture()
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_top_level_help_lists_every_command(run):
    r = run("--help")
    assert r.exit_code == 0
    for cmd in ("build", "beats", "query", "export", "stats", "show", "explain"):
        assert f"  {cmd} " in r.output


@pytest.mark.parametrize("cmd", ["build", "beats", "query", "export", "stats", "show", "explain"])
def test_every_command_has_help_and_store_option(run, cmd):
    r = run(cmd, "--help")
    assert r.exit_code == 0
    assert "--store" in r.output
    assert len(r.output.splitlines()) > 5


def test_build_prints_summary_and_is_idempotent(run, tmp_path):
    store = tmp_path / "s"
    r1 = run("build", SEEDS / "000_3d92274d0f9505a7.txt", "--store", store, "-q")
    assert r1.exit_code == 0, r1.output
    assert "built 1 report(s)" in r1.output and "7 papers" in r1.output
    r2 = run("build", SEEDS / "000_3d92274d0f9505a7.txt", "--store", store, "-q")
    quads = [line.split(" quads")[0].rsplit(" ", 1)[-1] for line in (r1.output, r2.output)]
    assert quads[0] == quads[1]


def test_build_reports_bad_files_and_exits_1(run, tmp_path):
    bad = tmp_path / "reports"
    bad.mkdir()
    (bad / "binary.txt").write_bytes(b"# Papers for 2026-01-13\n\x00\x01")  # broken, not merely no report
    (bad / "good.txt").write_text((SEEDS / "000_3d92274d0f9505a7.txt").read_text(encoding="utf-8"), encoding="utf-8")
    r = run("build", bad, "--store", tmp_path / "s", "-q")
    assert r.exit_code == 1
    assert f"{bad / 'binary.txt'}:2: binary file" in r.output
    assert "built 1 report(s)" in r.output


def test_build_missing_path_is_a_clean_error(run, tmp_path):
    r = run("build", tmp_path / "nope", "--store", tmp_path / "s")
    assert r.exit_code == 1
    assert "nope" in r.output and "Traceback" not in r.output


def test_beats_matches_aliases(run, seed_store_path):
    out = {}
    for name in ("GPT-4o", "gpt4o", "GPT 4o"):
        r = run("beats", name, "--store", seed_store_path, "--format", "json")
        assert r.exit_code == 0
        out[name] = json.loads(r.output)
    assert out["GPT-4o"] == out["gpt4o"] == out["GPT 4o"]
    assert any(
        row["winner"] == "Qwen3-8B (LSRIF)"  # the method applied to its base model
        and row["benchmark"] == "IFEval"
        and row["winner_score"] == 90.2
        and row["loser_score"] == 84.8
        for row in out["GPT-4o"]
    )


def test_beats_evidence_column(run, seed_store_path):
    r = run("beats", "GPT-4o", "--store", seed_store_path, "--evidence", "--format", "csv")
    assert r.exit_code == 0
    header = r.output.splitlines()[0].split(",")
    assert header[-3:] == ["evidence", "file", "line"]


def test_beats_injection_attempt_is_just_a_name(run, seed_store_path):
    r = run("beats", '" } } DROP ALL #', "--store", seed_store_path)
    assert r.exit_code == 1
    assert "no entity named '\" } } DROP ALL #' in the store" in r.output
    assert "Qwen3-8B" in run("beats", "GPT-4o", "--store", seed_store_path).output  # nothing dropped


def test_query_named_inline_and_formats(run, seed_store_path):
    r = run("query", "papers_per_field", "--store", seed_store_path, "--format", "csv")
    assert r.exit_code == 0 and len(r.output.splitlines()) > 5
    r = run(
        "query",
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Paper }",
        "--store",
        seed_store_path,
        "--format",
        "tsv",
    )
    assert r.output.splitlines() == ["n", "80"]
    r = run("query", "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Paper }", "--store", seed_store_path)
    assert "80" in r.output


def test_query_rq_file_and_bind(run, seed_store_path, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT DISTINCT ?id ?e WHERE { ?p kg:arxivId ?id ; kg:proposes ?e }", encoding="utf-8")
    r = run("query", rq, "--store", seed_store_path, "--bind", "e=LSRIF", "--format", "json")
    assert json.loads(r.output) == [{"id": "2601.06431", "e": "https://w3id.org/paperkg/id/entity/lsrif"}]
    rq.write_text("SELECT ?id WHERE { ?p kg:arxivId ?id ; kg:proposes ?e }", encoding="utf-8")
    r = run("query", rq, "--store", seed_store_path, "--bind", "e=LSRIF")
    assert r.exit_code == 1 and "must be listed after SELECT" in r.output


def test_query_is_read_only_without_update(run, seed_store_path):
    r = run("query", "DELETE WHERE { ?s ?p ?o }", "--store", seed_store_path)
    assert r.exit_code == 1 and "--update" in r.output


def test_query_syntax_error_names_position(run, seed_store_path):
    r = run("query", "SELECT ?x WHERE { ?x ?y }", "--store", seed_store_path)
    assert r.exit_code == 1
    assert "SPARQL syntax error" in r.output and "Traceback" not in r.output


def test_export_formats(run, seed_store_path, tmp_path):
    for fmt, marker in (
        ("turtle", "@prefix kg:"),
        ("nquads", "<https://w3id.org/paperkg/graph/"),
        ("ntriples", "<https://w3id.org/paperkg#"),
        ("trig", "<https://w3id.org/paperkg/graph/ontology> {"),
    ):
        out = tmp_path / f"kg.{fmt}"
        r = run("export", "--store", seed_store_path, "--format", fmt, "--output", out)
        assert r.exit_code == 0
        assert marker in out.read_text(encoding="utf-8")
    assert "entity:gpt4o" in (tmp_path / "kg.turtle").read_text(encoding="utf-8")


def test_stats_and_show(run, seed_store_path):
    r = run("stats", "--store", seed_store_path)
    assert r.exit_code == 0
    assert "Most-compared models" in r.output and "Paper" in r.output
    r = run("show", "2601.06431v2", "--store", seed_store_path)
    assert r.exit_code == 0
    assert "LSRIF" in r.output and "NVIDIA H200" in r.output and "90.2" in r.output
    r = run("show", "9999.99999", "--store", seed_store_path)
    assert r.exit_code == 1 and "not in the store" in r.output


def test_store_path_that_is_a_file(run, tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    r = run("stats", "--store", f)
    assert r.exit_code == 1 and "is a file" in r.output


def test_explain_marks_mentions_and_lists_findings(run):
    r = run("explain", "2601.06431", "--from", SEEDS)
    assert r.exit_code == 0, r.output
    assert "[[Qwen3-8B|Model]]" in r.output and "[[IFEval|Benchmark]]" in r.output
    assert "Qwen3-8B > GPT-4o on IFEval 90.2 vs 84.8" in r.output
    assert "NVIDIA H200 x 8" in r.output
    r = run("explain", "2601.06431", "--from", SEEDS, "--json")
    assert json.loads(r.output)["paper"]["arxiv_id"] == "2601.06431"
    r = run("explain", "1234.56789", "--from", SEEDS)
    assert r.exit_code == 1 and "not in any report" in r.output


def test_beats_limit_prints_a_sample_and_a_note(run, seed_store_path):
    full = run("beats", "GPT-4o", "--store", seed_store_path, "--format", "json", "--limit", "0")
    assert full.exit_code == 0
    rows = json.loads(full.stdout)
    assert len(rows) > 2 and "sample" not in full.stderr
    r = run("beats", "GPT-4o", "--store", seed_store_path, "--format", "json", "--limit", "2")
    assert r.exit_code == 0
    assert len(json.loads(r.stdout)) == 2 and all(row in rows for row in json.loads(r.stdout))
    assert "more than 2 comparisons" in r.stderr and "--limit 0" in r.stderr
    assert run("beats", "GPT-4o", "--store", seed_store_path, "--limit", "-1").exit_code == 2


def test_check_records_flag_turns_record_validation_on(run, tmp_path, monkeypatch):
    """With a record schema check that always fails, a build without the
    flag stores the papers; with --check-records each paper is an internal
    error naming the file and line."""
    import jsonschema

    def reject(self, record):
        raise jsonschema.ValidationError("rejected by the test")

    monkeypatch.setattr(jsonschema.Draft202012Validator, "validate", reject)
    monkeypatch.delenv("PAPERKG_CHECK_RECORDS")
    report = SEEDS / "001_ae3f07256f1b0f9f.txt"
    plain = run("build", report, "--store", tmp_path / "a", "-j", "1", "-q")
    assert plain.exit_code == 0 and "internal error" not in plain.output
    checked = run("build", report, "--store", tmp_path / "b", "-j", "1", "-q", "--check-records")
    assert checked.exit_code == 1
    assert "001_ae3f07256f1b0f9f.txt:" in checked.output and "rejected by the test" in checked.output


def test_readme_lists_every_command_and_option():
    """The README's command tables name every `kg` command and every long option
    it has (so a new option is documented where users look)."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    missing = [
        f"kg {name} {opt}"
        for name, cmd in sorted(main.commands.items())
        for opt in ([f"`kg {name}"] if f"`kg {name}" not in readme else [])
        + [o for p in cmd.params for o in p.opts if o.startswith("--") and o not in readme]
    ]
    assert not missing, f"not in README.md: {missing}"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_explains_itself_with_an_example(run, name):
    r = run(name, "--help")
    assert r.exit_code == 0
    assert len(main.commands[name].help or "") > 40, f"kg {name} has no help text"


def test_files_in_a_folder_that_are_not_reports_are_skipped_with_a_note(run, tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "day1.txt").write_bytes((SEEDS / "000_3d92274d0f9505a7.txt").read_bytes())
    (reports / "README.md").write_text("# How we collect digests\n\nSee the wiki.\n", encoding="utf-8")
    (reports / "placeholder.md").write_text("", encoding="utf-8")
    r = CliRunner().invoke(main, ["build", str(reports), "--store", str(tmp_path / "s"), "-q"])
    assert r.exit_code == 0, r.output
    assert f"warning: {reports / 'README.md'}: not a report (no paper found), skipped" in r.output
    assert f"warning: {reports / 'placeholder.md'}: not a report (empty file), skipped" in r.output
    assert "built 1 report(s)" in r.output and "error" not in r.output
    r = CliRunner().invoke(main, ["extract", str(reports), "-o", str(tmp_path / "nq")])
    assert r.exit_code == 0 and "not a report (no paper found), skipped" in r.output, r.output
    assert sorted(p.name for p in (tmp_path / "nq").iterdir()) == ["day1.txt.nq"]
    # named explicitly, the same file is an error
    r = CliRunner().invoke(main, ["build", str(reports / "README.md"), "--store", str(tmp_path / "s"), "-q"])
    assert r.exit_code == 1 and f"error: {reports / 'README.md'}: no paper found" in r.output


def test_a_build_that_reads_nothing_leaves_no_store(run, tmp_path):
    store = tmp_path / "new-store"
    r = CliRunner().invoke(main, ["build", str(tmp_path / "no-such-folder"), "--store", str(store)])
    assert r.exit_code == 1
    assert "no store was created" in r.output and not store.exists()


@pytest.mark.parametrize(
    "patch, args",
    [
        ("kg.outputs.stats.store_stats", ["stats"]),
        ("kg.outputs.site.write_report", ["report", "-o", "{tmp}/site"]),
    ],
    ids=["stats", "report"],
)
def test_ctrl_c_prints_interrupted_and_exits_130(seed_store_path, tmp_path, patch, args):
    """Ctrl-C in a command (here raised where the command reads the store)
    ends with one line and status 130, not click's 'Aborted!' and 1; a
    report exits at once even while its reading threads run."""
    import subprocess
    import sys

    module, _, name = patch.rpartition(".")
    code = (
        "import importlib, sys\n"
        f"m = importlib.import_module({module!r})\n"
        "def stop(*a, **k):\n    raise KeyboardInterrupt\n"
        f"setattr(m, {name!r}, stop)\n"
        "from kg.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args] + ["--store", str(seed_store_path)]
    proc = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 130, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "interrupted"
    assert "Aborted" not in proc.stderr and "Traceback" not in proc.stderr
