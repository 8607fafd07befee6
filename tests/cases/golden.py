"""Golden cases: each folder here is one report and the graph it must give.

A case folder holds ``case.json`` (``{"input": PATH}``: the report, relative
to the case folder when a file of that name is there, else to the repository
root), ``expected.nq`` (the report's named graph as sorted N-Quads, without
the build fingerprint, which changes with the code) and ``messages.txt`` (the
warnings and errors of the read, sorted, with the report's folder removed).

When a change is meant to alter the output, regenerate the cases and review
the diff in the commit::

    .venv/bin/python -m tests.cases.golden            # every case
    .venv/bin/python -m tests.cases.golden seed-000   # some cases
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CASES = Path(__file__).resolve().parent
ROOT = CASES.parent.parent
FINGERPRINT = b"<https://w3id.org/paperkg#buildFingerprint>"


def case_names() -> list[str]:
    """Names of the case folders (those holding a ``case.json``), sorted."""
    return sorted(p.parent.name for p in CASES.glob("*/case.json"))


def case_input(name: str) -> Path:
    """The report file of case ``name``."""
    rel = json.loads((CASES / name / "case.json").read_text(encoding="utf-8"))["input"]
    local = CASES / name / rel
    return local if local.is_file() else ROOT / rel


def run_case(name: str) -> tuple[list[bytes], list[str]]:
    """Extract case ``name``'s report in this process: (sorted N-Quads lines
    without the fingerprint, sorted messages with the report's folder removed)."""
    from kg.pipeline.parallel import extract_file_nquads

    path = case_input(name)
    nquads, messages = extract_file_nquads(path)
    lines = sorted(ln for ln in nquads.splitlines(keepends=True) if FINGERPRINT not in ln)
    folder = str(path.parent) + "/"
    return lines, sorted(m.replace(folder, "") for m in messages)


def expected(name: str) -> tuple[list[bytes], list[str]]:
    """What case ``name`` must give, as :func:`run_case` returns it."""
    folder = CASES / name
    lines = (folder / "expected.nq").read_bytes().splitlines(keepends=True)
    text = (folder / "messages.txt").read_text(encoding="utf-8")
    return lines, text.splitlines()


def regenerate(names: list[str]) -> None:
    """Write ``expected.nq`` and ``messages.txt`` of the named cases anew."""
    for name in names:
        lines, messages = run_case(name)
        (CASES / name / "expected.nq").write_bytes(b"".join(lines))
        (CASES / name / "messages.txt").write_text("".join(m + "\n" for m in messages), encoding="utf-8")
        print(f"{name}: {len(lines)} quads, {len(messages)} message(s)")


if __name__ == "__main__":
    regenerate(sys.argv[1:] or case_names())
