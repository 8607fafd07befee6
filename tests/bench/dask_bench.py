"""``kg extract`` local vs ``kg extract --dask local``: papers/s in one run.

Runs the two commands as a user does (``kg`` subprocesses, same ``--jobs``),
alternating them (local, dask, local, dask, ...) so that both see the same
machine load, checks that their N-Quads files are byte-identical, and prints
one JSON object: each run's wall time and papers/s, the medians, the ratio
dask/local, the CPU seconds of each run (the command and its workers) and
the cores they kept busy, and the overhead per report file (seconds, dask
minus local).
Each round also extracts the corpus's first file alone both ways: the
difference is Dask's fixed cost (cluster start and stop), which the overhead
per file then leaves out (``overhead_s_per_file_after_startup``).
Not collected by pytest::

    python tests/bench/synth.py 10000 /tmp/synth10k
    python tests/bench/dask_bench.py /tmp/synth10k --jobs 2 --rounds 2
"""

from __future__ import annotations

import argparse
import json
import resource
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
    from kg.read import read_report

    return sum(len(read_report(f).papers) for f in sorted(corpus.glob("*.txt")))


def _run(corpus: Path, out: Path, jobs: int, dask: bool, cpu: list[float] | None = None) -> float:
    """Wall seconds of one ``kg extract``; appends its CPU seconds (the
    command and its worker processes) to ``cpu``."""
    shutil.rmtree(out, ignore_errors=True)
    cmd = [_kg(), "extract", str(corpus), "-o", str(out), "-j", str(jobs)] + (["--dask", "local"] if dask else [])
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(round(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime, 1))
    return wall


def _same(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    return names == sorted(p.name for p in b.iterdir()) and all(
        (a / n).read_bytes() == (b / n).read_bytes() for n in names
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="folder of report files (tests/bench/synth.py)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes of both (default 2)")
    ap.add_argument("--rounds", type=int, default=2, help="local+dask pairs (default 2)")
    a = ap.parse_args()
    files = len(list(a.corpus.glob("*.txt")))
    papers = _papers(a.corpus)
    runs: dict[str, list[float]] = {"local": [], "dask": []}
    one: dict[str, list[float]] = {"local": [], "dask": []}
    cpu: dict[str, list[float]] = {"local": [], "dask": []}
    with tempfile.TemporaryDirectory() as tmp:
        single = Path(tmp, "single")
        single.mkdir()
        first = sorted(a.corpus.glob("*.txt"))[0]
        (single / first.name).write_bytes(first.read_bytes())
        for _ in range(a.rounds):
            for name in runs:
                dask = name == "dask"
                one[name].append(round(_run(single, Path(tmp, "one-" + name), a.jobs, dask), 2))
                runs[name].append(round(_run(a.corpus, Path(tmp, name), a.jobs, dask, cpu[name]), 2))
        identical = _same(Path(tmp, "local"), Path(tmp, "dask"))
    med = {k: statistics.median(v) for k, v in runs.items()}
    startup = statistics.median(one["dask"]) - statistics.median(one["local"])
    print(
        json.dumps(
            {
                "files": files,
                "papers": papers,
                "jobs": a.jobs,
                "seconds": runs,
                "papers_per_s": {k: [round(papers / t, 1) for t in v] for k, v in runs.items()},
                "median_papers_per_s": {k: round(papers / t, 1) for k, t in med.items()},
                "dask_over_local_rate": round(med["local"] / med["dask"], 3),
                "overhead_s_per_file": round((med["dask"] - med["local"]) / files, 4),
                "overhead_s_per_file_each_round": [
                    round((d - l) / files, 4) for l, d in zip(runs["local"], runs["dask"])
                ],
                "cpu_seconds": cpu,
                "busy_cores": {k: [round(c / t, 2) for c, t in zip(cpu[k], runs[k])] for k in runs},
                "one_file_seconds": one,
                "startup_s": round(startup, 2),
                "overhead_s_per_file_after_startup": round((med["dask"] - med["local"] - startup) / files, 4),
                "identical_output": identical,
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
