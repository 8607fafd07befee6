"""The benchmark script (tests/bench/bench.py) still runs end to end and its
JSON is consistent.  Nothing here is timed: the figures are checked for
coherence, not for speed (speed targets belong to the benchmark's runs)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.outputs.queries import query_names

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "tests" / "bench" / "bench.py"


@pytest.mark.slow
def test_bench_builds_a_synthetic_corpus_and_reports_coherent_figures(tmp_path):
    papers = 40
    run = subprocess.run(
        [sys.executable, str(BENCH), "--papers", str(papers), "--jobs", "2", "--workdir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout)

    assert out["built_papers"] == papers and out["reports"] == out["files"] >= 1
    assert len(list((tmp_path / "reports").glob("*.txt"))) == out["files"]
    # the reference bulk_load re-loads the build's own export: the same quads
    assert out["bulk_load"]["quads"] == out["quads"] > 0
    assert out["bulk"] is True and out["store_write_seconds"] > 0

    cpu = out["cpu"]
    ms = cpu["ms_per_paper"]
    assert ms["workers"] > 0 and ms["writer"] > 0
    assert ms["total"] == pytest.approx(ms["workers"] + ms["writer"], abs=0.02)
    assert cpu["writer_main_thread_s"] + cpu["writer_other_threads_s"] == pytest.approx(
        ms["writer"] * papers / 1000, abs=0.15
    )
    assert cpu["papers_per_s_all_cores_busy"] == pytest.approx(out["cores"] * 1000 / ms["total"], rel=0.02)
    tok, bl = out["tokenizer"], out["bulk_load"]
    assert tok["tokens"] > 0 and tok["cpu_ms_per_paper"] > 0 and bl["cpu_ms_per_paper"] > 0  # cpu_s rounds to 0.1 s
    assert out["ceiling_papers_per_s"] == pytest.approx(
        out["cores"] * 1000 / (tok["cpu_ms_per_paper"] + bl["cpu_ms_per_paper"]), rel=0.05
    )

    # every shipped query and `kg beats GPT-4o`, as the CLI runs it and with every row
    lat = out["query_ms_warm_median"]
    assert set(lat) == set(query_names()) | {"kg beats GPT-4o", "kg beats GPT-4o --limit 0 --evidence"}
    assert all(v > 0 for v in lat.values())
    assert out["gpt4o_beaten_rows"] > 0

    # the inspection commands (issue targets at 100k papers are checked on the benchmark's runs)
    ins = out["inspection"]
    assert set(ins) == {"kg show", "kg stats", "kg report", "kg validate", "targets_at_100k"}
    assert set(ins["targets_at_100k"]) == set(ins) - {"targets_at_100k"}
    assert ins["kg show"]["ms_warm_median"] > 0 and ins["kg show"]["cli_ms"] > 0
    assert ins["kg report"]["pages"] >= papers and ins["kg report"]["peak_rss_mb"] > 0
    assert ins["kg report"]["cpu_s"] > 0
    assert ins["kg validate"]["seconds"] > 0 and ins["kg validate"]["peak_rss_mb"] > 0
