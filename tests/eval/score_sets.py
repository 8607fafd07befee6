"""Score the extractor on every evaluation set with ``../shared/eval/score.py``.

Each set is a list of report files and the folder(s) of their gold; the
reports are extracted in this process (``kg.pipeline.parallel.extract_file_nquads``,
the quads ``kg build`` stores), written to one N-Quads file per set and
scored.  Prints one table (comparisons strict P/R/F1, entities P/R/F1,
beats_gpt4o, papers found); ``--json FILE`` writes every figure.

    .venv/bin/python tests/eval/score_sets.py            # every set
    .venv/bin/python tests/eval/score_sets.py dev-tune dev-check
    .venv/bin/python tests/eval/score_sets.py --folder DIR   # DIR/raw/*.md + DIR/gold/*.json

Sets (the dev split is documented in tests/eval/README.md): seeds-012,
seeds-34, dev-arxiv-tune, dev-arxiv-check, dev-papers-tune,
dev-papers-check, dev-tune, dev-check, dev-arxiv and dev-papers (both
halves of a layout, as the targets are stated), seeds (all five),
heldout, heldout2, and the reports annotated for this project
(tests/eval/annotated, split like the dev reports): ann-arxiv-tune,
ann-papers-tune, ann-arxiv-check, ann-papers-check, ann-tune, ann-check, and the
later batches ann2-*, ann3-check, ann4-tune, ann5 (and its halves ann5-*), ann6-check … ann16-check.  Needs
``../shared/eval`` (the scorer and the gold stay there).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "eval"
DEV = SHARED / "dev"

#: the dev split: tune on one half, never let a change lower the other
DEV_TUNE = ["arxiv-cv-2025-08-27", "arxiv-cv-2026-04-07", "papers-for-2025-09-23", "papers-for-2025-09-26"]
DEV_CHECK = ["arxiv-cv-2025-12-17", "arxiv-cv-2026-02-17", "papers-for-2025-10-02"]


#: reports annotated for this project (tests/eval/annotated): tuned on, and a check half never read
ANNOTATED = ROOT / "tests" / "eval" / "annotated"
ANN_TUNE = [
    "arxiv-cv-2025-09-16",
    "arxiv-cv-2025-10-06",
    "arxiv-cv-2025-11-07",
    "arxiv-cv-2025-11-25",
    "arxiv-cv-2025-12-02",
    "arxiv-cv-2026-03-31",
    "papers-for-2025-10-27",
    "papers-for-2025-10-31",
    "papers-for-2026-01-14",
    "papers-for-2026-02-10",
    "papers-for-2026-02-18",
    "papers-for-2026-04-15",
]
#: the first batch's check half, figures only until ann6 came in, then read
ANN_CHECK = ["arxiv-cv-2026-01-21", "arxiv-cv-2026-03-18", "papers-for-2026-03-12", "papers-for-2026-04-01"]
#: a second batch, annotated after the rules above were written: the earlier report of each
#: annotator's pair is tuned on, the later one was a check (read once ann6 came in, like ANN_CHECK)
ANN2_TUNE = ["arxiv-cv-2025-12-16", "arxiv-cv-2026-04-20", "papers-for-2026-01-11", "papers-for-2026-03-05"]
ANN2_CHECK = ["arxiv-cv-2026-01-05", "arxiv-cv-2026-05-04", "papers-for-2026-01-13", "papers-for-2026-05-12"]
#: a fourth batch, read for error classes only
ANN4_TUNE = [
    "arxiv-cv-2025-09-05",
    "arxiv-cv-2025-10-21",
    "arxiv-cv-2026-01-08",
    "arxiv-cv-2026-01-19",
    "papers-for-2026-01-21",
    "papers-for-2026-01-27",
    "papers-for-2026-03-13",
    "papers-for-2026-03-16",
]
#: a third batch, a check set only (figures, never read)
ANN3_CHECK = [
    "arxiv-cv-2025-10-17",
    "arxiv-cv-2025-11-03",
    "arxiv-cv-2026-03-12",
    "arxiv-cv-2026-03-26",
    "papers-for-2026-02-23",
    "papers-for-2026-02-24",
    "papers-for-2026-04-02",
    "papers-for-2026-04-03",
]


#: a fifth batch, scored on arrival; then the earlier report of each annotator's pair was read
#: (``ann5-tune``) and the later one kept as a check never read (``ann5-check``)
ANN5_TUNE = ["arxiv-cv-2025-09-19", "arxiv-cv-2026-02-11", "papers-for-2026-01-15", "papers-for-2026-03-20"]
ANN5_CHECK = ["arxiv-cv-2025-10-10", "arxiv-cv-2026-02-26", "papers-for-2026-01-29", "papers-for-2026-04-09"]
#: a sixth batch, scored on arrival and kept whole as a check set, read once ann7 came in
ANN6_CHECK = [
    "arxiv-cv-2025-11-14",
    "arxiv-cv-2025-12-10",
    "arxiv-cv-2026-06-09",
    "arxiv-cv-2026-06-23",
    "papers-for-2026-01-28",
    "papers-for-2026-02-04",
    "papers-for-2026-03-24",
    "papers-for-2026-05-19",
]
#: a seventh batch, scored on arrival and kept whole as a check set, read once ann8 came in
ANN7_CHECK = [
    "arxiv-cv-2025-09-08",
    "arxiv-cv-2025-10-20",
    "arxiv-cv-2026-06-12",
    "arxiv-cv-2026-07-16",
    "papers-for-2026-02-03",
    "papers-for-2026-02-20",
    "papers-for-2026-06-17",
    "papers-for-2026-07-22",
]
#: an eighth batch, scored on arrival and kept whole as a check set, read once ann9 came in
ANN8_CHECK = [
    "arxiv-cv-2025-09-30",
    "arxiv-cv-2025-12-30",
    "arxiv-cv-2026-09-21",
    "arxiv-cv-2026-09-23",
    "papers-for-2026-02-16",
    "papers-for-2026-03-09",
    "papers-for-2026-04-06",
    "papers-for-2026-05-13",
]
#: a ninth batch, scored on arrival and kept whole as a check set; read once ANN10_CHECK came in
ANN9_CHECK = [
    "arxiv-cv-2025-09-01",
    "arxiv-cv-2025-12-15",
    "arxiv-cv-2026-03-24",
    "arxiv-cv-2026-10-08",
    "papers-for-2025-09-25",
    "papers-for-2026-02-26",
    "papers-for-2026-03-02",
    "papers-for-2026-10-09",
]
#: a tenth batch, scored on arrival and kept whole as a check set; read once ANN11_CHECK came in
ANN10_CHECK = [
    "arxiv-cv-2025-09-15",
    "arxiv-cv-2026-01-07",
    "arxiv-cv-2026-03-10",
    "arxiv-cv-2026-10-06",
    "papers-for-2025-09-29",
    "papers-for-2026-02-02",
    "papers-for-2026-03-03",
    "papers-for-2026-10-05",
]
#: an eleventh batch, scored on arrival and kept whole as a check set; read once ANN12_CHECK came in
ANN11_CHECK = [
    "arxiv-cv-2025-09-11",
    "arxiv-cv-2025-12-24",
    "arxiv-cv-2026-03-16",
    "arxiv-cv-2026-08-10",
    "papers-for-2025-09-24",
    "papers-for-2026-02-25",
    "papers-for-2026-03-04",
    "papers-for-2026-10-07",
]
#: a twelfth batch, scored on arrival and kept whole as a check set; read once ANN13_CHECK came in
ANN12_CHECK = [
    "arxiv-cv-2025-11-10",
    "arxiv-cv-2025-12-22",
    "arxiv-cv-2026-09-01",
    "arxiv-cv-2026-09-29",
    "papers-for-2026-01-16",
    "papers-for-2026-02-19",
    "papers-for-2026-06-03",
    "papers-for-2026-07-08",
]
#: a thirteenth batch, scored on arrival and kept whole as a check set; read once ANN14_CHECK came in
ANN13_CHECK = [
    "arxiv-cv-2025-10-14",
    "arxiv-cv-2025-11-06",
    "arxiv-cv-2026-05-19",
    "arxiv-cv-2026-07-28",
    "papers-for-2025-09-30",
    "papers-for-2026-02-06",
    "papers-for-2026-05-26",
    "papers-for-2026-08-26",
]
#: a fourteenth batch, scored on arrival and kept whole as a check set; read once ANN15_CHECK came in
ANN14_CHECK = [
    "arxiv-cv-2025-11-21",
    "arxiv-cv-2025-12-19",
    "arxiv-cv-2026-09-03",
    "arxiv-cv-2026-09-28",
    "papers-for-2025-10-24",
    "papers-for-2026-02-13",
    "papers-for-2026-04-29",
    "papers-for-2026-08-19",
]
#: a fifteenth batch, scored on arrival and kept whole as a check set (figures only, never read)
ANN15_CHECK = [
    "arxiv-cv-2025-11-20",
    "arxiv-cv-2025-12-01",
    "arxiv-cv-2026-09-11",
    "arxiv-cv-2026-10-05",
    "papers-for-2026-01-30",
    "papers-for-2026-02-09",
    "papers-for-2026-03-10",
    "papers-for-2026-09-14",
]
#: a sixteenth batch, scored on arrival and kept whole as a check set (figures only, never read)
ANN16_CHECK = [
    "arxiv-cv-2025-10-07",
    "arxiv-cv-2025-12-08",
    "arxiv-cv-2026-07-23",
    "arxiv-cv-2026-08-12",
    "papers-for-2026-02-11",
    "papers-for-2026-05-04",
    "papers-for-2026-05-25",
]
#: a seventeenth batch, scored on arrival and kept whole as a check set (figures only, never read)
ANN17_CHECK = [
    "arxiv-cv-2025-11-26",
    "arxiv-cv-2025-12-29",
    "arxiv-cv-2026-06-25",
    "arxiv-cv-2026-08-07",
    "papers-for-2025-10-09",
    "papers-for-2025-10-29",
    "papers-for-2026-04-14",
    "papers-for-2026-05-07",
]


def _annotated(stems: list[str]) -> list[tuple[Path, Path]]:
    return [(ANNOTATED / "raw" / f"{s}.md", ANNOTATED / "gold" / f"{s}.json") for s in stems]


def _dev(stems: list[str]) -> list[tuple[Path, Path]]:
    return [(DEV / "raw" / f"{s}.md", DEV / "gold" / f"{s}.json") for s in stems]


def _seeds(prefixes: str) -> list[tuple[Path, Path]]:
    return [
        (p, SHARED / "gold" / f"{p.stem}.json") for p in sorted((ROOT / "seeds").glob("*.txt")) if p.name[2] in prefixes
    ]


def _folder(d: Path) -> list[tuple[Path, Path]]:
    """Reports ``d/raw/*.md`` (or ``*.txt``) paired with their gold ``d/gold/<stem>.json``."""
    raw = sorted(p for p in (d / "raw").glob("*") if p.suffix in {".md", ".txt"})
    return [(p, d / "gold" / f"{p.stem}.json") for p in raw if (d / "gold" / f"{p.stem}.json").is_file()]


def _eval(folder: str) -> list[tuple[Path, Path]]:
    d = ROOT / "tests" / "eval" / folder
    return [(p, d / "gold" / f"{p.stem}.json") for p in sorted(d.glob("*.txt"))]


def _half(prefix: str, half: str, load, stems: list[str]) -> dict:
    """The sets ``{prefix}-{arxiv,papers}-{half}`` and ``{prefix}-{half}`` of
    ``stems``; ``load(stems)`` gives their (report, gold) pairs."""
    sets = {}
    for layout in ("arxiv", "papers"):
        picked = [x for x in stems if x.startswith(layout)]
        sets[f"{prefix}-{layout}-{half}"] = lambda s=picked: load(s)
    sets[f"{prefix}-{half}"] = lambda: load(stems)
    return sets


def _halves(prefix: str, load, tune: list[str], check: list[str]) -> dict:
    """The sets of a split (see :func:`_half`): ``{prefix}-…-tune`` and ``{prefix}-…-check``."""
    sets = {**_half(prefix, "tune", load, tune), **_half(prefix, "check", load, check)}
    order = [f"{prefix}-{layout}-{h}" for layout in ("arxiv", "papers") for h in ("tune", "check")]
    return {k: sets[k] for k in [*order, f"{prefix}-tune", f"{prefix}-check"]}


SETS = {
    "seeds-012": lambda: _seeds("012"),
    "seeds-34": lambda: _seeds("34"),
    **_halves("dev", _dev, DEV_TUNE, DEV_CHECK),
    "dev-arxiv": lambda: _dev(sorted(s for s in DEV_TUNE + DEV_CHECK if s.startswith("arxiv"))),
    "dev-papers": lambda: _dev(sorted(s for s in DEV_TUNE + DEV_CHECK if s.startswith("papers"))),
    "seeds": lambda: _seeds("01234"),
    "heldout": lambda: _eval("heldout"),
    "heldout2": lambda: _eval("heldout2"),
    **_halves("ann", _annotated, ANN_TUNE, ANN_CHECK),
    **_halves("ann2", _annotated, ANN2_TUNE, ANN2_CHECK),
    **_half("ann3", "check", _annotated, ANN3_CHECK),
    **_half("ann4", "tune", _annotated, ANN4_TUNE),
    **_halves("ann5", _annotated, ANN5_TUNE, ANN5_CHECK),
    "ann5": lambda: _annotated(sorted(ANN5_TUNE + ANN5_CHECK)),
    **_half("ann6", "check", _annotated, ANN6_CHECK),
    **_half("ann7", "check", _annotated, ANN7_CHECK),
    **_half("ann8", "check", _annotated, ANN8_CHECK),
    **_half("ann9", "check", _annotated, ANN9_CHECK),
    **_half("ann10", "check", _annotated, ANN10_CHECK),
    **_half("ann11", "check", _annotated, ANN11_CHECK),
    **_half("ann12", "check", _annotated, ANN12_CHECK),
    **_half("ann13", "check", _annotated, ANN13_CHECK),
    **_half("ann14", "check", _annotated, ANN14_CHECK),
    **_half("ann15", "check", _annotated, ANN15_CHECK),
    **_half("ann16", "check", _annotated, ANN16_CHECK),
    **_half("ann17", "check", _annotated, ANN17_CHECK),
}

_LINE = re.compile(r"^(\w+)(?: found)?\s+(?:P (\S+)\s+R (\S+)\s+F1 (\S+)|(\d+)/(\d+))")


def _ontology_nquads() -> bytes:
    """The ontology's triples as N-Quads (default graph), as ``kg export`` includes them."""
    import pyoxigraph as ox

    triples = ox.parse(path=str(ROOT / "ontology" / "paperkg.ttl"), format=ox.RdfFormat.TURTLE)
    return ox.serialize(triples, format=ox.RdfFormat.N_QUADS)


def score(name: str, tmp: Path, verbose: bool = False) -> dict:
    """Figures of set ``name``: {metric: {"P", "R", "F1"}} plus papers found;
    with ``verbose`` the scorer's per-item listing is printed to stderr."""
    sys.path.insert(0, str(ROOT))
    from kg.pipeline.parallel import extract_file_nquads

    pairs = SETS[name]()
    gold = tmp / name / "gold"
    gold.mkdir(parents=True)
    nq = tmp / f"{name}.nq"
    with nq.open("wb") as out:
        out.write(_ontology_nquads())  # hardware subclasses count as kg:Hardware only with it
        for report, g in pairs:
            out.write(extract_file_nquads(report)[0])
            (gold / g.name).write_bytes(g.read_bytes())
    text = subprocess.run(
        [sys.executable, str(SHARED / "score.py"), "--gold", str(gold), "--graph", str(nq)]
        + (["--verbose"] if verbose else []),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if verbose:
        print(f"== {name}\n{text}", file=sys.stderr)
    figures: dict = {}
    for line in text.splitlines():
        m = _LINE.match(line)
        if m and m.group(2):
            figures[m.group(1)] = {"P": float(m.group(2)), "R": float(m.group(3)), "F1": float(m.group(4))}
        elif m:
            figures["papers"] = f"{m.group(5)}/{m.group(6)}"
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", metavar="SET", help=f"Sets to score (default: all): {', '.join(SETS)}.")
    ap.add_argument("--json", metavar="FILE", help="Also write every figure as JSON.")
    ap.add_argument("--verbose", action="store_true", help="Print the scorer's misses and extras to stderr.")
    ap.add_argument(
        "--folder",
        metavar="DIR",
        action="append",
        default=[],
        type=Path,
        help="Also score an annotated folder: DIR/raw/<stem>.md with DIR/gold/<stem>.json (repeatable).",
    )
    args = ap.parse_args()
    for d in args.folder:
        if not _folder(d):
            ap.error(f"{d}: no raw/<stem>.md with a gold/<stem>.json")
        SETS[d.name] = lambda d=d: _folder(d)
        args.sets.append(d.name)
    unknown = [s for s in args.sets if s not in SETS]
    if unknown:
        ap.error(f"unknown set(s) {', '.join(unknown)}; known: {', '.join(SETS)}")
    args.sets = args.sets or list(SETS)
    if not SHARED.is_dir():
        sys.exit(f"score_sets: {SHARED} not found (the scorer and gold live in ../shared/eval)")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets:
            results[name] = score(name, Path(tmp), verbose=args.verbose)
    print(f"{'set':<18} {'papers':>8}  {'comparisons strict P/R/F1':<26} {'entities P/R/F1':<20} beats_gpt4o P/R")
    for name, f in results.items():
        c, e, b = (f.get(k, {"P": 0, "R": 0, "F1": 0}) for k in ("comparisons_strict", "entities", "beats_gpt4o"))
        print(
            f"{name:<18} {f.get('papers', '?'):>8}  {c['P']:.3f} {c['R']:.3f} {c['F1']:.3f}        "
            f"{e['P']:.3f} {e['R']:.3f} {e['F1']:.3f}  {b['P']:.2f} {b['R']:.2f}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
