"""kg extract --dask: extraction on a real Dask LocalCluster (worker processes).

The output must not depend on the engine: the N-Quads files equal the local
``kg extract`` byte for byte, the messages are the same lines in the same
order, and ``kg load`` of them gives the store ``kg build`` gives.  Worker
deaths are retried by Dask; a report that fails is an error of that file only.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.rdf.store import KnowledgeStore

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CASES = ROOT / "tests" / "cases"
SMALL = SEEDS / "000_3d92274d0f9505a7.txt"  # 7 papers


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def messages(result) -> list[str]:
    """The output lines without the time of the summary line."""
    return [re.sub(r" in [0-9.]+ s", " in T s", ln) for ln in result.output.splitlines()]


def quads_per_graph(path) -> dict[str, set]:
    store = KnowledgeStore(path, read_only=True)
    try:
        graphs: dict[str, set] = {}
        for q in store.quads():
            graphs.setdefault(str(q.graph_name), set()).add(q)
        return graphs
    finally:
        del store


@pytest.fixture
def reports(tmp_path) -> Path:
    """The seed reports, the dev reports of tests/cases, a report with a
    duplicate paper (a warning) and a file that cannot be read (an error)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    for f in CASES.glob("dev-*/*.md"):
        shutil.copy(f, folder / f.name)
    text = SMALL.read_text(encoding="utf-8")
    start = text.index("## 📄")
    end = text.index("## 📄", start + 1)
    (folder / "dup.txt").write_text(text + "\n" + text[start:end], encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"# Hugging Face Daily Papers Report\n\x00\xff\xfe garbage")
    return folder


@pytest.fixture(scope="module")
def distributed():
    return pytest.importorskip("distributed")


@pytest.mark.slow
def test_dask_local_gives_the_local_files_and_messages_and_the_build_store(distributed, reports, tmp_path):
    local = run("extract", reports, "-o", tmp_path / "local", "-j", "2")
    dask = run("extract", reports, "-o", tmp_path / "dask", "-j", "2", "--dask", "local")
    assert local.exit_code == dask.exit_code == 1  # bad.txt
    assert messages(dask) == [ln.replace("/local", "/dask") for ln in messages(local)]
    out = messages(dask)
    assert sum(ln.startswith("warning: ") and "duplicate paper" in ln for ln in out) == 1
    assert sum(ln.startswith(f"error: {reports / 'bad.txt'}") for ln in out) == 1
    names = sorted(p.name for p in (tmp_path / "local").iterdir())
    dev = len(list(CASES.glob("dev-*/*.md")))
    assert dev >= 7 and len(names) == 5 + dev + 1  # all but bad.txt
    assert names == sorted(p.name for p in (tmp_path / "dask").iterdir())
    for name in names:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    # kg load of the Dask output gives the store of kg build, graph by graph
    assert run("load", tmp_path / "dask", "--store", tmp_path / "loaded").exit_code == 0
    assert run("build", reports, "--store", tmp_path / "built", "-q").exit_code == 1
    loaded, built = quads_per_graph(tmp_path / "loaded"), quads_per_graph(tmp_path / "built")
    assert loaded.keys() == built.keys()
    assert len([g for g in loaded if "/graph/report/" in g]) == len(names)  # and the ontology
    for graph in built:
        assert loaded[graph] == built[graph], graph


@pytest.fixture(scope="module")
def client(distributed, tmp_path_factory):
    """The LocalCluster of ``--dask local -j 2`` (its scheduler file written
    as ``client.scheduler_file``), and its Client."""
    from kg.pipeline.distributed import local_cluster

    scheduler_file = tmp_path_factory.mktemp("dask") / "scheduler.json"
    with (
        local_cluster(2, scheduler_kwargs={"scheduler_file": str(scheduler_file)}) as c,
        distributed.Client(c) as client,
    ):
        client.scheduler_file = scheduler_file
        yield client


@pytest.mark.slow
def test_dask_address_and_scheduler_file_reach_a_running_cluster(client, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for f in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(f, folder / f.name)
    local = run("extract", folder, "-o", tmp_path / "local", "-j", "1")
    assert local.exit_code == 0, local.output
    for name, scheduler in [("address", client.scheduler.address), ("file", client.scheduler_file)]:
        r = run("extract", folder, "-o", tmp_path / name, "--dask", scheduler)
        assert r.exit_code == 0, r.output
        assert messages(r) == [ln.replace("/local", "/" + name) for ln in messages(local)]
        for f in (tmp_path / "local").iterdir():
            assert (tmp_path / name / f.name).read_bytes() == f.read_bytes()


def _patch_workers(client, fn_source: str, **kw) -> None:
    """Replace ``kg.pipeline.parallel.extract_file`` in every worker process by the
    function ``patched(original, path, **kw)`` defined in ``fn_source``;
    a worker started later (after one died) runs the real one."""

    def install(source, kw):
        import functools

        from kg.pipeline import parallel

        scope: dict = {}
        exec(source, scope)
        original = getattr(parallel, "_real_extract_file", parallel.extract_file)
        parallel._real_extract_file = original
        parallel.extract_file = functools.partial(scope["patched"], original, **kw)

    client.run(install, fn_source, kw)


def _unpatch_workers(client) -> None:
    def uninstall():
        from kg.pipeline import parallel

        parallel.extract_file = getattr(parallel, "_real_extract_file", parallel.extract_file)

    client.run(uninstall)


KILL_ONCE = """
def patched(original, path, *a, marker, **kw):
    import os, signal
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return original(path, *a, **kw)
    os.write(fd, str(os.getpid()).encode())
    os.close(fd)
    os.kill(os.getpid(), signal.SIGKILL)   # the worker dies in the middle of its task
"""

KILL_ON = """
def patched(original, path, *a, target, **kw):
    import os, signal
    if path.endswith(target):
        os.kill(os.getpid(), signal.SIGKILL)
    return original(path, *a, **kw)
"""

RAISE_ON = """
def patched(original, path, *a, target, **kw):
    if path.endswith(target):
        raise RuntimeError("simulated extractor bug")
    return original(path, *a, **kw)
"""


@pytest.mark.slow
def test_a_worker_killed_mid_task_is_retried(client, tmp_path):
    from kg.pipeline.distributed import extract_to_dir_dask
    from kg.pipeline.parallel import extract_to_dir

    folder = tmp_path / "reports"
    folder.mkdir()
    for f in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(f, folder / f.name)
    marker = tmp_path / "killed"
    workers_before = set(client.scheduler_info()["workers"])
    _patch_workers(client, KILL_ONCE, marker=str(marker))
    try:
        s = extract_to_dir_dask([folder], tmp_path / "dask", client)
    finally:
        _unpatch_workers(client)
    pid = int(marker.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # the worker that took the first task is gone ...
    client.wait_for_workers(2, timeout=60)
    assert set(client.scheduler_info()["workers"]) != workers_before  # ... and was replaced
    assert not s.errors and s.files == 3
    ref = extract_to_dir([folder], tmp_path / "local", jobs=1)
    assert (s.files, s.papers, s.quads) == (ref.files, ref.papers, ref.quads)
    for f in (tmp_path / "local").iterdir():
        assert (tmp_path / "dask" / f.name).read_bytes() == f.read_bytes()


@pytest.mark.slow
def test_a_report_that_fails_is_an_error_of_that_file_only(client, tmp_path):
    from kg.pipeline.distributed import extract_to_dir_dask

    folder = tmp_path / "reports"
    folder.mkdir()
    files = sorted(SEEDS.glob("*.txt"))[:3]
    for f in files:
        shutil.copy(f, folder / f.name)
    bad = folder / files[1].name
    _patch_workers(client, RAISE_ON, target=files[1].name)
    try:
        s = extract_to_dir_dask([folder], tmp_path / "out", client)
    finally:
        _unpatch_workers(client)
    assert [str(e) for e in s.errors] == [
        f"{bad}: not extracted: RuntimeError on a Dask worker: simulated extractor bug"
    ]
    assert s.files == 2
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f.name + ".nq" for f in files if f.name != bad.name
    )


def test_without_dask_the_error_is_one_line_naming_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    r = run("extract", SMALL, "-o", tmp_path / "out", "--dask", "local")
    assert r.exit_code == 1
    assert r.output.strip().splitlines() == [
        "error: Dask is not installed; install the extra: pip install -e '.[dask]' (or pip install 'dask[distributed]')"
    ]


def test_an_unreachable_scheduler_is_a_one_line_error(distributed, tmp_path):
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        r = run("extract", SMALL, "-o", tmp_path / "out", "--dask", "tcp://127.0.0.1:9")
    assert r.exit_code == 1
    (line,) = r.output.strip().splitlines()
    assert line.startswith("error: cannot reach the Dask scheduler tcp://127.0.0.1:9: ")
    assert line.endswith("(start one with 'dask scheduler', or use --dask local)")


def test_local_extract_does_not_import_dask(tmp_path):
    code = (
        "import sys; from kg.cli import main\n"
        "try: main(['extract', sys.argv[1], '-o', sys.argv[2], '-j', '1'])\n"
        "except SystemExit: pass\n"
        "assert not any(m == 'dask' or m.startswith(('dask.', 'distributed')) for m in sys.modules)\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(SMALL), str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT
    )
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / (SMALL.name + ".nq")).is_file()


@pytest.mark.slow
def test_a_report_that_keeps_killing_workers_is_an_error_of_that_file_only(client, tmp_path):
    from kg.pipeline.distributed import extract_to_dir_dask

    # more tasks than twice the threads: Dask then queues them on the scheduler
    # (root-ish tasks), so a dying worker holds no other report's task
    folder = tmp_path / "reports"
    folder.mkdir()
    files = sorted(SEEDS.glob("*.txt"))
    for f in files:
        shutil.copy(f, folder / f.name)
    bad = folder / files[0].name
    scheduler = client.cluster.scheduler
    allowed, scheduler.allowed_failures = scheduler.allowed_failures, 0  # give up at the first death
    _patch_workers(client, KILL_ON, target=bad.name)
    try:
        s = extract_to_dir_dask([folder], tmp_path / "out", client)
    finally:
        scheduler.allowed_failures = allowed
        _unpatch_workers(client)
        client.wait_for_workers(2, timeout=60)
    assert [str(e) for e in s.errors] == [
        f"{bad}: not extracted: every Dask worker that ran it died (out of memory? see the workers' logs)"
    ]
    assert s.files == len(files) - 1 and not (tmp_path / "out" / (bad.name + ".nq")).exists()


@pytest.mark.slow
def test_a_worker_with_another_extractor_stops_the_run(client, tmp_path):
    from kg.pipeline.distributed import extract_to_dir_dask
    from kg.errors import KgError

    def set_fingerprint(value):
        from kg.pipeline import filegraph

        real = getattr(filegraph, "_real_fingerprint", filegraph.extractor_fingerprint)
        filegraph._real_fingerprint = real
        filegraph.extractor_fingerprint = real if value is None else (lambda: value)

    client.run(set_fingerprint, "0" * 64)
    try:
        with pytest.raises(
            KgError,
            match=r"a Dask worker runs another PaperKG \(extractor 000000000000, "
            r"here [0-9a-f]{12}\): install the same PaperKG on every worker",
        ):
            extract_to_dir_dask([SMALL], tmp_path / "out", client)
    finally:
        client.run(set_fingerprint, None)
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.slow
def test_progress_is_called_once_per_file(client, tmp_path):
    from kg.pipeline.distributed import extract_to_dir_dask

    files = sorted(SEEDS.glob("*.txt"))
    calls = []
    s = extract_to_dir_dask(files, tmp_path / "out", client, progress=lambda *a: calls.append(a))
    assert s.files == len(files)
    assert sorted(c[0] for c in calls) == sorted(map(str, files))
    assert [c[1:] for c in calls] == [(i, len(files)) for i in range(1, len(files) + 1)]


SLOW_ON = """
def patched(original, path, *a, target, **kw):
    import time
    if path.endswith(target):
        time.sleep(3)
    return original(path, *a, **kw)
"""


@pytest.mark.slow
def test_messages_are_in_file_order_not_in_finishing_order(client, reports, tmp_path):
    from kg.pipeline.distributed import extract_to_dir_dask
    from kg.pipeline.parallel import extract_to_dir

    (reports / "zz-dup.txt").write_bytes((reports / "dup.txt").read_bytes())  # a second warning
    _patch_workers(client, SLOW_ON, target="/dup.txt")  # its warning arrives after zz-dup.txt's
    try:
        s = extract_to_dir_dask([reports], tmp_path / "dask", client)
    finally:
        _unpatch_workers(client)
    ref = extract_to_dir([reports], tmp_path / "local", jobs=1)
    assert len(s.problems) == 2 and len(s.errors) == 1
    assert [str(p) for p in s.problems] == [str(p).replace("/local", "/dask") for p in ref.problems]
    assert [str(e) for e in s.errors] == [str(e) for e in ref.errors]


@pytest.mark.slow
def test_dated_folders_are_extracted_to_their_report_names(client, tmp_path):
    from kg.pipeline.distributed import extract_to_dir_dask
    from kg.pipeline.parallel import extract_to_dir

    folder = tmp_path / "reports"
    for day, seed in zip(("2026-01-13", "2026-01-14"), sorted(SEEDS.glob("*.txt"))[:2]):
        (folder / day).mkdir(parents=True)
        shutil.copy(seed, folder / day / "report.txt")
    s = extract_to_dir_dask([folder], tmp_path / "dask", client)
    ref = extract_to_dir([folder], tmp_path / "local", jobs=1)
    assert not s.errors and s.files == ref.files == 2
    written = sorted(p.relative_to(tmp_path / "dask").as_posix() for p in (tmp_path / "dask").rglob("*.nq"))
    assert written == ["2026-01-13/report.txt.nq", "2026-01-14/report.txt.nq"]
    for name in written:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
