"""Inter-annotator agreement: score one annotator's gold against another's.

A second annotator's gold for a report (same JSON schema as the first's) is
written as a graph under the scorer's vocabulary and scored with
``../shared/eval/score.py`` against the first annotator's gold, exactly as
the extractor's graph is.  The figures are the ceiling a system can expect
against one annotator when two careful annotators differ that much: strict
comparison F1 is symmetric (A's precision against B is B's recall against A).

    .venv/bin/python tests/eval/agreement.py --first ../shared/eval/dev/gold \\
        tests/eval/annotated/gold --second tests/eval/annotated/agreement/gold

Every ``--second`` file is paired with the file of the same name in the
first ``--first`` folder that has one;
prints one row per report and one for all of them.  Needs ``../shared/eval``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
KG = "https://w3id.org/paperkg#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
SOURCE = ox.NamedNode("http://www.w3.org/ns/prov#hadPrimarySource")
#: gold list -> the class its names are typed with
CLASSES = {"proposes": "Method", "models": "Model", "datasets": "Dataset", "hardware": "Hardware"}


def _kg(local: str) -> ox.NamedNode:
    return ox.NamedNode(KG + local)


def _key(name: str) -> str:
    """A stable IRI-safe key of a name; names that differ only in case,
    spacing or punctuation share it."""
    return hashlib.sha1((re.sub(r"[\W_]+", "", name.casefold()) or name).encode()).hexdigest()[:12]


def gold_quads(doc: dict) -> list[ox.Quad]:
    """The quads of one gold document (GOLD_SCHEMA.md) as a system would
    state them: per paper a ``kg:Paper`` with its arXiv id, its named
    entities (typed by the list they are in, linked by ``kg:mentions``) and
    one ``kg:Comparison`` per ``outperforms`` entry (winner, loser, first
    benchmark; each side labelled with all its aliases)."""
    return [q for n, gp in enumerate(doc["papers"]) for q in _paper_quads(n, gp)]


def _paper_quads(n: int, gp: dict) -> list[ox.Quad]:
    """The quads of gold paper ``gp``, the ``n``-th of its document."""
    paper = _kg(f"paper/{n}")
    quads = [ox.Quad(paper, RDF_TYPE, _kg("Paper")), ox.Quad(paper, _kg("arxivId"), ox.Literal(gp["arxiv_id"]))]

    def entity(name: str, cls: str | None, aliases=()) -> ox.NamedNode:
        iri = _kg(f"e/{n}/{_key(name)}")
        quads.append(ox.Quad(iri, LABEL, ox.Literal(name)))
        quads.extend(ox.Quad(iri, ALT, ox.Literal(a)) for a in aliases)
        if cls:
            quads.append(ox.Quad(iri, RDF_TYPE, _kg(cls)))
            quads.append(ox.Quad(paper, _kg("mentions"), iri))
        return iri

    for field, cls in CLASSES.items():
        for item in gp.get(field, []):
            entity(item["name"] if isinstance(item, dict) else item, cls)
    for i, c in enumerate(x for x in gp.get("comparisons", []) if x.get("relation") == "outperforms"):
        row = _kg(f"cmp/{n}/{i}")
        quads += [ox.Quad(row, RDF_TYPE, _kg("Comparison")), ox.Quad(row, SOURCE, paper)]
        quads.append(ox.Quad(row, _kg("winner"), entity(c["winner"][0], None, c["winner"])))
        quads.append(ox.Quad(row, _kg("loser"), entity(c["loser"][0], None, c["loser"])))
        if c.get("on"):
            quads.append(ox.Quad(row, _kg("onDataset"), entity(c["on"][0], None, c["on"])))
    return quads


def agreement(first: Path, second: Path) -> dict:
    """The scorer's figures (its ``--json`` object) of gold file ``second``
    read as a graph, against gold file ``first``.  Raises
    ``subprocess.CalledProcessError`` when the scorer fails."""
    with tempfile.TemporaryDirectory() as tmp:
        nq = Path(tmp) / "second.nq"
        nq.write_bytes(
            ox.serialize(gold_quads(json.loads(second.read_text(encoding="utf-8"))), format=ox.RdfFormat.N_QUADS)
        )
        out = subprocess.run(
            [sys.executable, str(SCORER), "--gold", str(first), "--graph", str(nq), "--json"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return json.loads(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--first", type=Path, nargs="+", required=True, help="Folders of the first annotators' gold (scored against)."
    )
    ap.add_argument("--second", type=Path, required=True, help="Folder of the second annotator's gold.")
    args = ap.parse_args()
    totals = {"comparisons_strict": [0, 0, 0, 0], "entities": [0, 0, 0, 0]}  # tp, matched system items, system, gold
    print(f"{'report':<26}{'comparisons strict P/R/F1':<28}entities P/R/F1")
    for second in sorted(args.second.glob("*.json")):
        first = next((d / second.name for d in args.first if (d / second.name).is_file()), None)
        if first is None:
            sys.exit(f"agreement.py: {second.name}: no gold of that name in {' '.join(map(str, args.first))}")
        fig = agreement(first, second)
        cells = []
        for k, box in totals.items():
            f = fig[k]
            box[0] += f["tp"]
            box[1] += round(f["precision"] * f["system"])
            box[2] += f["system"]
            box[3] += f["gold"]
            cells.append(f"{f['precision']:.3f} {f['recall']:.3f} {f['f1']:.3f}")
        print(f"{second.stem:<26}{cells[0]:<28}{cells[1]}")
    cells = []
    for tp, tp_sys, n_sys, n_gold in totals.values():
        p, r = (tp_sys / n_sys if n_sys else 1.0), (tp / n_gold if n_gold else 1.0)
        cells.append(f"{p:.3f} {r:.3f} {2 * p * r / (p + r) if p + r else 0:.3f}")
    print(f"{'all':<26}{cells[0]:<28}{cells[1]}")


if __name__ == "__main__":
    main()
