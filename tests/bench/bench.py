"""End-to-end benchmark: synthetic corpus -> kg build -> queries, against the
two limits measured in the same run on the same input (a bare spaCy
tokenizer pass, pyoxigraph's own bulk_load of the same N-Quads).

Not collected by pytest; run explicitly::

    .venv/bin/pip install -e '.[bench]'   # psutil, for the PSS figure (optional)
    .venv/bin/python tests/bench/bench.py --papers 1000 --jobs 2

Prints ONE JSON object (see README, "Performance").
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

#: bindings for the parameterised queries of queries/ (names resolved as in kg query --bind)
BINDINGS = {
    "beats": {"loser": "GPT-4o"},
    "leaderboard": {"dataset": "IFEval"},
    "hardware": {"hardware": "NVIDIA A100"},
    "papers": {"paperId": "2700.00001"},
    "proposed": {"paperId": "2700.00001"},
}


def _rss_mb() -> dict:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self": round(me, 1), "largest_child": round(kids, 1)}


class _PssPeak:
    """Peak proportional set size (PSS) of this process and its children,
    sampled every second in a thread while it runs (``with _PssPeak() as m``;
    ``m.mb`` afterwards, None without psutil).  Unlike the sum of peak RSS,
    PSS counts a page shared by the writer and the forked workers once."""

    def __init__(self, interval: float = 1.0):
        self.interval, self.mb = interval, None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self):
        try:
            import psutil
        except ImportError:  # pip install -e '.[bench]'
            return self
        me = psutil.Process()

        def sample():
            peak = 0
            while not self._stop.is_set():
                total = 0
                for p in [me, *me.children(recursive=True)]:
                    try:
                        total += p.memory_full_info().pss
                    except (psutil.NoSuchProcess, psutil.AccessDenied):
                        pass
                peak = max(peak, total)
                self.mb = round(peak / 2**20, 1)
                self._stop.wait(self.interval)

        self._thread = threading.Thread(target=sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


def _cpu_s(who: int = resource.RUSAGE_SELF) -> float:
    """User + system CPU seconds of ``who`` (a ``resource.RUSAGE_*`` value)."""
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


#: the calling thread only (Linux); elsewhere the process
_THREAD = getattr(resource, "RUSAGE_THREAD", resource.RUSAGE_SELF)


def _build_cpu_s() -> tuple[float, float, float]:
    """CPU seconds so far of (this process, its calling thread, its finished children)."""
    return _cpu_s(), _cpu_s(_THREAD), _cpu_s(resource.RUSAGE_CHILDREN)


def _wait_quiet(poll: float = 2.0, max_wait: float = 600.0) -> float:
    """Wait until this process stops using CPU (RocksDB compacts in background
    threads after a bulk load returns); the CPU seconds used meanwhile."""
    start = last = _cpu_s()
    deadline = time.monotonic() + max_wait
    while time.monotonic() < deadline:
        time.sleep(poll)
        now = _cpu_s()
        if now - last < 0.05 * poll:
            break
        last = now
    return _cpu_s() - start


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _median_ms(fn, runs: int = 7) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return round(statistics.median(times) * 1000, 2)


_PEAK_RSS = """
import json, os, resource, sys, time
sys.path.insert(0, {root!r})
from kg.rdf.store import KnowledgeStore
t = time.perf_counter()
{body}
ru, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({{"seconds": round(time.perf_counter() - t, 2), "cpu_s": round(ru.ru_utime + ru.ru_stime, 1),
                  "helpers_cpu_s": round(kids.ru_utime + kids.ru_stime, 1),
                  "peak_rss_mb": round(ru.ru_maxrss / 1024, 1), "helpers_peak_rss_mb": round(kids.ru_maxrss / 1024, 1),
                  "load_average": round(os.getloadavg()[0], 1)}}))
"""


def _in_child(body: str) -> dict:
    """Run ``body`` (Python, ``store_dir`` and ``out`` defined) in a fresh
    interpreter; its wall time and its own peak RSS (no other process's)."""
    import subprocess

    code = _PEAK_RSS.format(root=str(ROOT), body=body)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


#: the inspection commands timed, and their targets at 100k papers
INSPECTION_TARGETS = {
    "kg show": {"ms_warm_median": 100},
    "kg stats": {"ms_warm_median": 10_000},
    "kg report": {"seconds": 120},
    "kg validate": {"peak_rss_mb": 1024},
}


def inspection(store_dir: Path, work: Path, only: set[str] | None = None) -> dict:
    """Time the inspection commands on a built store (``only``: a subset of
    :data:`INSPECTION_TARGETS`, by name without ``kg``; the targets at 100k
    papers go in the JSON as ``targets_at_100k``).  ``kg show`` and
    ``kg stats`` are timed warm through the library (median), and ``kg show``
    also as a whole process (``cli_ms``: Python start and imports included);
    the site and the validation run once each in a child process, with its
    wall time, CPU seconds and peak RSS."""
    wanted = set(INSPECTION_TARGETS) if only is None else {f"kg {x}" for x in only}
    import subprocess
    from kg.outputs.stats import paper_facts, store_stats
    from kg.rdf.store import KnowledgeStore

    ro = KnowledgeStore(store_dir, read_only=True)
    paper = next(iter(ro.query("SELECT ?id WHERE { ?p kg:arxivId ?id } LIMIT 1")))["id"].value
    out: dict = {"targets_at_100k": {k: v for k, v in INSPECTION_TARGETS.items() if k in wanted}}
    if "kg show" in wanted:
        out["kg show"] = {"ms_warm_median": _median_ms(lambda: paper_facts(ro, paper), runs=7)}
    if "kg stats" in wanted:
        out["kg stats"] = {"ms_warm_median": _median_ms(lambda: store_stats(ro), runs=3)}
    del ro
    if "kg show" in wanted:
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "kg", "show", paper, "--store", str(store_dir)],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        out["kg show"]["cli_ms"] = round((time.perf_counter() - t) * 1000, 1)
    if "kg report" in wanted:
        site = work / "site"
        shutil.rmtree(site, ignore_errors=True)
        out["kg report"] = _in_child(
            f"from kg.outputs.site import write_report\n"
            f"s = write_report(KnowledgeStore({str(store_dir)!r}, read_only=True), {str(site)!r})"
        )
        out["kg report"]["pages"] = sum(1 for _ in site.rglob("*.html"))
    if "kg validate" in wanted:
        out["kg validate"] = _in_child(
            f"from kg.rdf.validate import validate_store\n"
            f"v = validate_store(KnowledgeStore({str(store_dir)!r}, read_only=True))\n"
            f"assert not v, [str(x) for x in v[:5]]"
        )
    return out


def _run_peak_rss(cmd: list[str]) -> tuple[float, float, str]:
    """Run ``cmd``; (peak RSS of its largest process in MB, seconds, stdout)."""
    import subprocess

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)  # this child and the children it waited for
        secs = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {err.read().decode()[-2000:]}")
        return usage.ru_maxrss / 1024, secs, out.read().decode()


#: reader's default size limit, minus a margin for the header
_ONE_FILE_BYTES = 15 * 1024 * 1024


def single_file_builds(work: Path, sizes: list[int], blocks, headers) -> dict:
    """Peak RSS of ``kg build`` (one process) on ONE report file of N papers,
    for each N in ``sizes``: a bulk build into an empty store, then an
    incremental build after a one-byte change.  Paper blocks are cut to fit
    the file under the reader's 16 MB limit."""
    from synth import write_corpus

    out = {}
    kg = [sys.executable, "-c", "from kg.cli import main; main()", "build", "-q", "--jobs", "1"]
    for n in sizes:
        folder, store = work / f"one-{n}", work / f"one-{n}-store"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(store, ignore_errors=True)
        c = write_corpus(
            n,
            folder,
            min_per_file=n,
            max_per_file=n,
            blocks=blocks,
            headers=headers,
            max_paper_bytes=max(200, _ONE_FILE_BYTES // n),
        )
        (report,) = folder.glob("*.txt")
        row = {"mb_text": round(c["bytes"] / 2**20, 2)}
        rss, secs, text = _run_peak_rss(kg + [str(report), "--store", str(store)])
        row["bulk"] = {"peak_rss_mb": round(rss, 1), "seconds": round(secs, 1), "summary": text.strip()}
        data = bytearray(report.read_bytes())
        i = data.rfind(b"the")
        data[i : i + 1] = b"T"  # one byte changed near the end
        report.write_bytes(bytes(data))
        rss, secs, text = _run_peak_rss(kg + [str(report), "--store", str(store)])
        row["incremental"] = {"peak_rss_mb": round(rss, 1), "seconds": round(secs, 1), "summary": text.strip()}
        out[str(n)] = row
        shutil.rmtree(store, ignore_errors=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--workdir", help="folder for corpus and stores (default: a temp folder, removed)")
    ap.add_argument("--no-bulk", action="store_true", help="build with one transaction per report")
    ap.add_argument(
        "--inspect", metavar="STORE", help="only time the inspection commands on this built store (a synth.py corpus)"
    )
    ap.add_argument(
        "--only",
        default="",
        metavar="CMD,CMD",
        help="with --inspect: time only these inspection commands (show, stats, report, validate)",
    )
    ap.add_argument(
        "--one-file",
        default="",
        metavar="N,N,...",
        help="also measure peak RSS of building ONE report file of N papers (bulk, then "
        "incremental after a one-byte change), e.g. 2000,5000,50000; with --papers 0 "
        "only this",
    )
    args = ap.parse_args()
    if args.inspect:
        with tempfile.TemporaryDirectory(prefix="kgbench-") as tmp:
            only = {x.strip() for x in args.only.split(",") if x.strip()} or None
            print(json.dumps({"inspection": inspection(Path(args.inspect), Path(tmp), only)}))
        return

    from kg.pipeline import build as pipeline
    from kg.rdf.store import KnowledgeStore
    from synth import seed_blocks, write_corpus

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kgbench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus, store_dir = work / "reports", work / "store"
    for d in (corpus, store_dir, work / "bulk", work / "export.nq"):
        if d.is_dir():
            shutil.rmtree(d)
        elif d.exists():
            d.unlink()
    out: dict = {"papers": args.papers, "jobs": args.jobs, "cores": os.cpu_count()}

    t = time.perf_counter()
    blocks, headers = seed_blocks()
    if args.one_file:
        sizes = [int(x) for x in args.one_file.split(",") if x.strip()]
        out["one_file"] = single_file_builds(work, sizes, blocks, headers)
        if not args.papers:
            print(json.dumps(out, ensure_ascii=False))
            return
    c = write_corpus(args.papers, corpus, blocks=blocks, headers=headers)
    del blocks
    out.update(files=c["files"], mb_text=round(c["bytes"] / 1e6, 2), synth_seconds=round(time.perf_counter() - t, 1))

    # -- the build (what we measure) --------------------------------------------
    store = KnowledgeStore(store_dir)
    cpu0 = _build_cpu_s()
    t = time.perf_counter()
    with _PssPeak() as pss:
        s = pipeline.build([corpus], store, jobs=args.jobs, bulk=False if args.no_bulk else None)
    secs = time.perf_counter() - t
    writer, main_thread, workers = (b - a for a, b in zip(cpu0, _build_cpu_s()))
    rss = _rss_mb()
    del store
    assert not s.errors, [str(e) for e in s.errors[:5]]
    out.update(
        built_papers=s.papers,
        reports=s.reports,
        entities=s.entities,
        comparisons=s.comparisons,
        seconds=round(secs, 2),
        papers_per_s=round(s.papers / secs, 1),
        mb_per_s=round(c["bytes"] / 1e6 / secs, 3),
        quads=s.quads,
        quads_per_s=round(s.quads / secs),
        bulk=s.bulk,
        store_write_seconds=round(s.write_seconds, 2),
        store_write_quads_per_s=round(s.quads / s.write_seconds) if s.write_seconds else None,
        peak_rss_mb=rss,
        peak_rss_mb_sum=round(rss["self"] + rss["largest_child"] * args.jobs, 1),
        peak_pss_mb_total=pss.mb,
        store_mb=round(_du(store_dir) / 1e6, 1),
    )
    # where the CPU went: the workers (extraction), the writer's main thread
    # (receiving results, buffering, the build's own bookkeeping) and its other
    # threads (pyoxigraph's bulk loader, RocksDB's compactions, the result
    # thread of the pool, the PSS sampler).  With every core busy the build
    # cannot go faster than cores / (CPU per paper).
    total = writer + workers
    out["cpu"] = {
        "workers_s": round(workers, 1),
        "writer_main_thread_s": round(main_thread, 1),
        "writer_other_threads_s": round(writer - main_thread, 1),
        "ms_per_paper": {
            "workers": round(workers / s.papers * 1000, 2),
            "writer": round(writer / s.papers * 1000, 2),
            "total": round(total / s.papers * 1000, 2),
        },
        "busy_cores": round(total / secs, 2),
        "papers_per_s_all_cores_busy": round(out["cores"] * s.papers / total, 1),
    }

    # -- queries, warm, through the library ---------------------------------------
    from kg.outputs.queries import beats, query_names, resolve_entity, resolve_query, run_select

    import pyoxigraph as ox

    ro = KnowledgeStore(store_dir, read_only=True)
    lat = {}
    for name in query_names():
        binds = {}
        for var, value in BINDINGS.get(name, {}).items():
            iris = resolve_entity(ro, value) if var != "paperId" else []
            binds[var] = iris[0] if iris else ox.Literal(value)
        sparql = resolve_query(name)
        lat[name] = _median_ms(lambda: run_select(ro, sparql, binds), runs=5)
    # as the CLI runs it (`kg beats GPT-4o`: the default --limit, no --evidence),
    # and every row with evidence (`kg beats GPT-4o --limit 0 --evidence`)
    from kg.commands.query import BEATS_LIMIT

    lat["kg beats GPT-4o"] = _median_ms(lambda: beats(ro, "GPT-4o", BEATS_LIMIT, evidence=False), runs=7)
    every: dict = {}
    lat["kg beats GPT-4o --limit 0 --evidence"] = _median_ms(lambda: every.update(table=beats(ro, "GPT-4o")), runs=5)
    out["gpt4o_beaten_rows"] = len(every["table"].rows)
    out["query_ms_warm_median"] = lat

    # -- limit 1: pyoxigraph's own bulk_load of the same N-Quads ---------------------
    nq = work / "export.nq"
    ro.export("nquads", str(nq))
    del ro
    out["inspection"] = inspection(store_dir, work)
    fresh = ox.Store(str(work / "bulk"))
    cpu_before = _cpu_s()
    t = time.perf_counter()
    fresh.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    fresh.flush()
    bl = time.perf_counter() - t
    bl_cpu = _cpu_s() - cpu_before + _wait_quiet()  # with the compactions it leaves running
    n_bulk = len(fresh)
    del fresh
    out["bulk_load"] = {
        "quads": n_bulk,
        "seconds": round(bl, 2),
        "quads_per_s": round(n_bulk / bl),
        "nq_mb": round(nq.stat().st_size / 1e6, 1),
        "cpu_s": round(bl_cpu, 1),
        "cpu_ms_per_paper": round(bl_cpu / args.papers * 1000, 2),
    }
    if out["store_write_quads_per_s"]:
        out["ratio_store_write_vs_bulk_load"] = round(out["store_write_quads_per_s"] / (n_bulk / bl), 2)

    # -- limit 2: a bare spaCy tokenizer over the same texts (one process) -------------
    import spacy

    tok = spacy.blank("xx").tokenizer
    tok("warm up 预热 GPT-4o")
    t, tok_cpu = time.perf_counter(), _cpu_s(_THREAD)
    ntok = 0
    for f in sorted(corpus.glob("*.txt")):
        ntok += len(tok(f.read_text(encoding="utf-8")))
    tt, tok_cpu = time.perf_counter() - t, _cpu_s(_THREAD) - tok_cpu
    out["tokenizer"] = {
        "tokens": ntok,
        "seconds": round(tt, 2),
        "mb_per_s": round(c["bytes"] / 1e6 / tt, 2),
        "papers_per_s": round(args.papers / tt, 1),
        "cpu_ms_per_paper": round(tok_cpu / args.papers * 1000, 2),
    }
    out["ratio_papers_per_s_vs_tokenizer"] = round(out["papers_per_s"] / (args.papers / tt), 3)
    # a build that did nothing but the two limits (the bare tokenizer pass, then
    # pyoxigraph's one-call bulk_load of the output) with every core busy
    out["ceiling_papers_per_s"] = round(out["cores"] * args.papers / (tok_cpu + bl_cpu), 1)

    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
