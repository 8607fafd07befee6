"""Parallel extraction, the bulk path, extract/load split, and quick start-up."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.pipeline import parallel

from kg.pipeline import build as pipeline
from kg.cli import main
from kg.rdf.store import KnowledgeStore

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
HF = SEEDS / "000_3d92274d0f9505a7.txt"  # 7 papers
ARXIV = SEEDS / "004_598ffdc448aaeccc.txt"  # 10 papers


@pytest.fixture
def reports(tmp_path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(HF, folder / HF.name)
    shutil.copy(ARXIV, folder / ARXIV.name)
    return folder


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def quads_of(path) -> set:
    s = KnowledgeStore(path, read_only=True)
    try:
        return set(s.quads())
    finally:
        del s


@pytest.fixture
def reference(reports, tmp_path) -> set:
    """Quads of the sequential, transactional build (one process, one transaction per report)."""
    store = KnowledgeStore(tmp_path / "ref")
    summary = pipeline.build([reports], store, jobs=1, bulk=False)
    assert not summary.errors
    quads = set(store.quads())
    del store
    return quads


def test_jobs_1_and_2_and_bulk_or_not_give_the_same_quads(reports, tmp_path, reference):
    for name, extra in [("j1", ["--jobs", "1"]), ("j2", ["--jobs", "2"]), ("j2tx", ["--jobs", "2", "--no-bulk"])]:
        r = run("build", reports, "--store", tmp_path / name, "-q", *extra)
        assert r.exit_code == 0, r.output
        assert "built 2 report(s)" in r.output and "17 papers" in r.output
        assert quads_of(tmp_path / name) == reference, name


def test_bulk_batches_and_incremental_rebuild(reports, tmp_path, reference):
    store = KnowledgeStore(tmp_path / "s")
    s = pipeline.build([reports], store, jobs=2, bulk_batch_bytes=1)  # one bulk_load per report
    assert s.reports == 2 and not s.errors and set(store.quads()) == reference
    # the store now holds reports: the next build is incremental and skips unchanged files
    s = pipeline.build([reports], store, jobs=2)
    assert s.reports == 0 and s.skipped == 2
    # a changed file is rebuilt in one transaction; the other graph is left alone
    f = reports / HF.name
    f.write_text(f.read_text(encoding="utf-8").replace("ThinkARM", "ThinkARMX"), encoding="utf-8")
    s = pipeline.build([reports], store, jobs=2)
    assert s.reports == 1 and s.skipped == 1
    fresh = KnowledgeStore(tmp_path / "fresh")
    pipeline.build([reports], fresh, jobs=1)
    assert set(store.quads()) == set(fresh.quads()) != reference
    # --bulk on a store that holds the graph: dropped first, same result
    s = pipeline.build([reports], store, jobs=1, bulk=True, force=True)
    assert s.reports == 2 and set(store.quads()) == set(fresh.quads())


def test_per_file_errors_survive_worker_processes(reports, tmp_path):
    (reports / "bad.txt").write_bytes(b"# Hugging Face Daily Papers Report\n\x00\xff\xfe garbage")
    r = run("build", reports, "--store", tmp_path / "s", "-q", "--jobs", "2")
    assert r.exit_code == 1
    assert "bad.txt" in r.output and "error:" in r.output
    assert "built 2 report(s)" in r.output and "17 papers" in r.output


def test_extract_then_load_gives_the_same_quads_as_build(reports, tmp_path, reference):
    out = tmp_path / "nq"
    r = run("extract", reports, "--output-dir", out, "--jobs", "2")
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == [HF.name + ".nq", ARXIV.name + ".nq"]
    r = run("load", out, "--store", tmp_path / "s")
    assert r.exit_code == 0, r.output and "loaded 2 file(s)" in r.output
    assert quads_of(tmp_path / "s") == reference
    # loading again replaces the graphs (no duplicates), and a build sees fresh fingerprints
    assert run("load", out, "--store", tmp_path / "s").exit_code == 0
    assert quads_of(tmp_path / "s") == reference
    r = run("build", reports, "--store", tmp_path / "s", "-q")
    assert "2 unchanged report(s) skipped" in r.output


def test_extract_file_nquads_is_the_distributed_unit():
    nq, messages = parallel.extract_file_nquads(HF)
    lines = nq.decode().splitlines()
    assert len(lines) > 100 and "buildFingerprint" in lines[-1]
    assert all(line.endswith(" .") for line in lines)
    body, fp = parallel.split_fingerprint(nq)
    assert fp.decode() == lines[-1] + "\n" and body + fp == nq


def test_help_and_query_do_not_import_spacy(seed_store_path):
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from kg.cli import main\n"
        "r = CliRunner().invoke(main, ['--help'])\n"
        "assert r.exit_code == 0, r.output\n"
        "r = CliRunner().invoke(main, ['build', '--help'])\n"
        "assert r.exit_code == 0, r.output\n"
        f"r = CliRunner().invoke(main, ['query', 'papers_per_field', '--store', {str(seed_store_path)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        f"r = CliRunner().invoke(main, ['beats', 'GPT-4o', '--store', {str(seed_store_path)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\n"
    )
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr


def _paperless_tasks(folder: Path, n: int) -> list[tuple]:
    """Extraction tasks of ``n`` files r00.txt, r01.txt, ... that hold no
    paper (each fails fast with an unknown layout)."""
    tasks = []
    for k in range(n):
        f = folder / f"r{k:02d}.txt"
        f.write_text(f"# 报告 {k}\n\n没有论文。\n", encoding="utf-8")
        tasks.append((str(f), None, 1 << 20))
    return tasks


_STARTED = None  # multiprocessing.Value: tasks the workers have begun


def _counting_work(task):
    with _STARTED.get_lock():
        _STARTED.value += 1
    return _real_work(task)


_real_work = parallel._work


def test_files_in_flight_are_bounded_while_the_writer_is_busy(tmp_path, monkeypatch):
    # a writer that stops reading must stop the workers after the window, so
    # memory does not grow with the number of files
    import multiprocessing
    import time

    global _STARTED
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the counter is shared with forked workers")
    _STARTED = multiprocessing.Value("i", 0)
    monkeypatch.setattr(parallel, "_work", _counting_work)
    results = parallel.run_extraction(_paperless_tasks(tmp_path, 60), jobs=2)
    next(results)  # one result taken: one more file may start, then the writer is busy
    window = parallel.IN_FLIGHT_PER_JOB * 2
    deadline = time.monotonic() + 60
    while _STARTED.value < window + 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1)  # 60 empty files take far less: any file past the window would have started
    assert _STARTED.value == window + 1
    assert len(list(results)) == 59 and _STARTED.value == 60


def test_workers_never_finalise_objects_inherited_from_the_writer(tmp_path, monkeypatch):
    """A garbage cycle made before the workers are forked (like an unreferenced
    store, whose destructor would lock a RocksDB mutex held at fork time and
    hang the worker) is never finalised in a worker, however often it
    collects garbage."""
    import gc
    import os

    from kg.pipeline import parallel

    log = tmp_path / "finalised"

    class Cycle:
        def __init__(self):
            self.me = self

        def __del__(self):
            with open(log, "a") as f:
                f.write(f"{os.getpid()}\n")

    monkeypatch.setattr(parallel, "_work", _collecting_work)
    gc.disable()  # keep the cycle alive in the writer until the workers are forked
    try:
        Cycle()
        files = sorted(SEEDS.glob("*.txt"))[:3]
        results = list(parallel.run_extraction([(str(f), None, parallel.DEFAULT_MAX_SIZE) for f in files], 2))
    finally:
        gc.enable()
    gc.collect()
    assert [r.status for r in results] == ["built"] * 3
    pids = log.read_text().split()
    assert pids == [str(os.getpid())]  # finalised once, by the writer only


_REAL_WORK = parallel._work


def _collecting_work(task):
    """parallel._work after a full garbage collection (module level: the pool pickles it)."""
    import gc

    gc.collect()
    return _REAL_WORK(task)


def test_large_reports_streamed_in_batches_give_the_same_quads(reports, tmp_path, reference, monkeypatch):
    """With tiny limits every streaming path runs on the seed reports:
    papers extracted and mapped in batches (records spooled), N-Quads
    spilled to a file, graphs written by difference in several
    transactions.  The quads are those of the plain build, bulk or not,
    in-process or in workers, from an empty store and incrementally."""
    from kg.pipeline import filegraph

    monkeypatch.setattr(filegraph, "PAPERS_PER_BATCH", 3)
    monkeypatch.setattr(filegraph, "SPILL_BYTES", 20_000)
    monkeypatch.setattr(pipeline, "ATOMIC_GRAPH_BYTES", 10_000)
    for name, jobs, bulk in [("bulk", 2, None), ("tx", 1, False)]:
        store = KnowledgeStore(tmp_path / name)
        s = pipeline.build([reports], store, jobs=jobs, bulk=bulk)
        assert not s.errors and s.papers == 17 and set(store.quads()) == reference, name
    # incremental: one paper's text changed, then changed back
    f = reports / HF.name
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("ThinkARM", "ThinkARMX"), encoding="utf-8")
    fresh = KnowledgeStore(tmp_path / "fresh")
    pipeline.build([reports], fresh, jobs=1)
    assert pipeline.build([reports], store, jobs=2).reports == 1
    assert set(store.quads()) == set(fresh.quads()) != reference
    f.write_text(text, encoding="utf-8")
    assert pipeline.build([reports], store, jobs=1).reports == 1
    assert set(store.quads()) == reference
    nq, _ = filegraph.extract_file_nquads(HF)
    assert set(ox.parse(nq, format=ox.RdfFormat.N_QUADS)) == {
        q for q in reference if q.graph_name.value.endswith(HF.name)
    }


def _dying_work(task):
    """parallel._work that kills its own worker process on files named r03*."""
    import os
    import signal

    if Path(task[0]).name.startswith("r03"):
        os.kill(os.getpid(), signal.SIGKILL)
    return _REAL_WORK(task)


def test_a_worker_that_dies_costs_its_file_an_error_not_a_hang(tmp_path, monkeypatch):
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("the patched worker function reaches forked workers only")
    monkeypatch.setattr(parallel, "_work", _dying_work)
    tasks = _paperless_tasks(tmp_path, 8)
    results = list(parallel.run_extraction(tasks, jobs=2))
    assert [Path(r.path).name for r in results] == [Path(t[0]).name for t in tasks]
    dead = [r for r in results if r.status == "failed" and "worker process" in str(r.errors)]
    assert [Path(r.path).name for r in dead] == ["r03.txt"]
    assert "killed by signal 9" in str(dead[0].errors[0])
