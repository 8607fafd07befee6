"""``kg extract`` local vs ``kg extract --dask local``: papers/s in one run.

Runs the two commands as a user does (``kg`` subprocesses, same ``--jobs``),
alternating them (local, dask, local, dask, ...) so that both see the same
machine load, checks that their N-Quads files are byte-identical, and prints
one JSON object: each run's wall time and papers/s, the medians, the ratio
dask/local and the overhead per report file (seconds, dask minus local).
Not collected by pytest::

    python tests/bench/synth.py 10000 /tmp/synth10k
    python tests/bench/dask_bench.py /tmp/synth10k --jobs 2 --rounds 2
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _kg() -> str:
    return str(Path(sys.executable).with_name("kg"))


def _papers(corpus: Path) -> int:
    from kg.reader import read_report
    return sum(len(read_report(f).papers) for f in sorted(corpus.glob("*.txt")))


def _run(corpus: Path, out: Path, jobs: int, dask: bool) -> float:
    shutil.rmtree(out, ignore_errors=True)
    cmd = [_kg(), "extract", str(corpus), "-o", str(out), "-j", str(jobs)] + (["--dask", "local"] if dask else [])
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def _same(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    return names == sorted(p.name for p in b.iterdir()) and all(
        (a / n).read_bytes() == (b / n).read_bytes() for n in names)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="folder of report files (tests/bench/synth.py)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes of both (default 2)")
    ap.add_argument("--rounds", type=int, default=2, help="local+dask pairs (default 2)")
    a = ap.parse_args()
    files = len(list(a.corpus.glob("*.txt")))
    papers = _papers(a.corpus)
    runs: dict[str, list[float]] = {"local": [], "dask": []}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(a.rounds):
            for name in runs:
                runs[name].append(round(_run(a.corpus, Path(tmp, name), a.jobs, name == "dask"), 2))
        identical = _same(Path(tmp, "local"), Path(tmp, "dask"))
    med = {k: statistics.median(v) for k, v in runs.items()}
    print(json.dumps({
        "files": files, "papers": papers, "jobs": a.jobs, "seconds": runs,
        "papers_per_s": {k: [round(papers / t, 1) for t in v] for k, v in runs.items()},
        "median_papers_per_s": {k: round(papers / t, 1) for k, t in med.items()},
        "dask_over_local_rate": round(med["local"] / med["dask"], 3),
        "overhead_s_per_file": round((med["dask"] - med["local"]) / files, 4),
        "overhead_s_per_file_each_round": [round((d - l) / files, 4)
                                           for l, d in zip(runs["local"], runs["dask"])],
        "identical_output": identical,
    }, indent=1))


if __name__ == "__main__":
    main()
