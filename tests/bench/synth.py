"""A synthetic corpus of N papers made from the seed reports.

Paper blocks of the seed reports (their line spans, from :mod:`kg.read`)
are recombined into new report files of 20–50 papers (Hugging Face files
from Hugging Face blocks, arXiv files from arXiv blocks), and every copy is
made a new paper:

* a unique synthetic arXiv id (``27MM.NNNNN``) replaces the block's id in its
  link lines, anchor and URLs;
* the names the paper proposes, and about a third of the models it uses, are
  renamed to generated names (``Zorvex-7B``, ``Quillam-2``), the same name
  everywhere in the block, so that linking works on names the gazetteer does
  not know and entities keep appearing as the corpus grows (known names such
  as GPT-4o stay, so papers still link to each other).

Deterministic for a given ``seed``.  Run as a script::

    python tests/bench/synth.py 1000 /tmp/corpus
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

_SYLL = [
    "zor",
    "vex",
    "qui",
    "lam",
    "bri",
    "tho",
    "nax",
    "pel",
    "dra",
    "mor",
    "kiv",
    "sol",
    "ten",
    "yur",
    "gal",
    "fen",
    "orb",
    "lux",
    "tar",
    "wen",
    "cal",
    "dex",
    "ri",
    "no",
]
_SUFFIX = ["", "", "-7B", "-2", "-XL", "-VL", "-13B", "-1.5", "-Pro", "-3B", "-R1", "-Net"]
#: how many distinct names _fresh_name can make (2–3 syllables, a suffix)
_NAME_SPACE = (len(_SYLL) ** 2 + len(_SYLL) ** 3) * len(set(_SUFFIX))


@dataclass
class Block:
    format: str  # hf-daily | arxiv-cv
    text: str  # the paper block, lines joined with "\n"
    arxiv_id: str | None
    proposed: list[str]  # names the paper proposes (surface forms)
    models: list[str]  # models it uses


def _names(rec: dict) -> tuple[list[str], list[str]]:
    proposed = [e["name"] for e in rec["entities"] if e["role"] == "proposes"]
    models = [e["name"] for e in rec["entities"] if e["role"] != "proposes" and e["type"] == "Model"]
    keep = lambda n: len(n) >= 3 and not n.isdigit()
    return [n for n in proposed if keep(n)], [n for n in models if keep(n)]


def seed_blocks(seeds: Path = SEEDS) -> tuple[list[Block], dict[str, str]]:
    """The paper blocks of the seed reports (with the names the extractor
    finds in them) and one header per format."""
    from kg.extract.extractor import Extractor
    from kg.read import read_report

    ex = Extractor()
    blocks, headers = [], {}
    for f in sorted(seeds.glob("*.txt")):
        report = read_report(f)
        lines = f.read_text(encoding="utf-8").split("\n")
        if report.format not in headers and report.papers:
            head = lines[: report.papers[0].start_line - 1]
            if report.format == "arxiv-cv":  # drop the executive summary and table of contents
                head = [head[0], "", "# Arxiv Computer Vision Papers - {date}", "", "## Papers", ""]
            headers[report.format] = "\n".join(head)
        for p in report.papers:
            proposed, models = _names(ex.extract(p))
            blocks.append(
                Block(report.format, "\n".join(lines[p.start_line - 1 : p.end_line]), p.arxiv_id, proposed, models)
            )
    return blocks, headers


def _fresh_name(rng: random.Random, used: set[str]) -> str:
    while True:
        stem = "".join(rng.choice(_SYLL) for _ in range(rng.randint(2, 3))).capitalize()
        name = stem + rng.choice(_SUFFIX)
        if name not in used:
            used.add(name)
            return name


def mutate(block: Block, k: int, rng: random.Random, used: set[str]) -> str:
    """The text of copy ``k`` of ``block``: new arXiv id, renamed systems."""
    text = block.text
    if block.arxiv_id:
        new_id = f"{2700 + (k // 100000) % 100:04d}.{k % 100000:05d}"
        text = text.replace(block.arxiv_id, new_id)
    renames = list(block.proposed) + [m for m in block.models if rng.random() < 0.33]
    for old in sorted(set(renames), key=lambda s: (-len(s), s)):  # longest first, then by text (no hash order)
        new = _fresh_name(rng, used)
        text = re.sub(r"(?<![\w-])" + re.escape(old) + r"(?![\w-])", new, text)
    return text


def trim(text: str, max_bytes: int) -> str:
    """The first lines of a paper block that fit in ``max_bytes`` UTF-8
    bytes (at least its heading line), so that many papers fit in one file
    under the reader's size limit."""
    kept, size = [], 0
    for line in text.split("\n"):
        size += len(line.encode("utf-8")) + 1
        if kept and size > max_bytes:
            break
        kept.append(line)
    return "\n".join(kept).rstrip()


def write_corpus(
    n: int,
    out: str | Path,
    *,
    seed: int = 7,
    min_per_file: int = 20,
    max_per_file: int = 50,
    max_paper_bytes: int | None = None,
    blocks=None,
    headers=None,
) -> dict:
    """Write report files holding ``n`` papers in total into ``out``.

    ``min_per_file = max_per_file = n`` writes one file of ``n`` papers;
    ``max_paper_bytes`` keeps only the first lines of each paper block (see
    :func:`trim`).  Returns ``{"papers", "files", "bytes"}``.  Files are
    written one at a time (memory does not grow with ``n``).
    """
    if blocks is None or headers is None:
        blocks, headers = seed_blocks()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    pools = {fmt: [b for b in blocks if b.format == fmt] for fmt in headers}
    fmts = list(pools)
    weights = [len(pools[f]) for f in fmts]
    used: set[str] = set()
    k = files = size = 0
    while k < n:
        fmt = rng.choices(fmts, weights)[0]
        count = min(n - k, rng.randint(min_per_file, max_per_file))
        month, day = 1 + files % 12, 1 + files % 28
        date = f"2027-{month:02d}-{day:02d}"
        if fmt == "hf-daily":
            header = re.sub(r"\d{4}-\d{2}-\d{2}", date, headers[fmt])
            sep = "\n\n" + "=" * 60 + "\n\n"
        else:
            header = headers[fmt].replace("{date}", date)
            header = re.sub(r"^time: \d+", f"time: {date.replace('-', '')}", header)
            sep = "\n\n---\n\n"
        papers = []
        for _ in range(count):
            text = mutate(rng.choice(pools[fmt]), k, rng, used)
            papers.append(trim(text, max_paper_bytes) if max_paper_bytes else text)
            k += 1
            if len(used) > _NAME_SPACE // 2:
                # past half the name space, finding an unused name gets slow (and
                # impossible once it is full): start again; a generated name may
                # then name two unrelated systems, as real reused names do
                used.clear()
        text = header.rstrip("\n") + "\n\n" + sep.join(papers) + "\n"
        data = text.encode("utf-8")
        (out / f"{files:06d}_synth.txt").write_bytes(data)
        files += 1
        size += len(data)
    return {"papers": k, "files": files, "bytes": size}


def main(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description="Write a synthetic corpus made from the seed reports.")
    ap.add_argument("papers", type=int)
    ap.add_argument("out", help="folder to write the report files into (created)")
    ap.add_argument("--one-file", action="store_true", help="all papers in one report file")
    ap.add_argument(
        "--max-paper-bytes", type=int, metavar="N", help="keep only the first lines of each paper, at most N bytes"
    )
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    per = {"min_per_file": a.papers, "max_per_file": a.papers} if a.one_file else {}
    print(write_corpus(a.papers, a.out, seed=a.seed, max_paper_bytes=a.max_paper_bytes, **per))


if __name__ == "__main__":
    main()
