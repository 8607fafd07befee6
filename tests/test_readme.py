"""The README's sample outputs are what the commands print today.

Every fenced block of README.md marked ```` ```console ```` is a session:
lines starting with ``$ kg …`` are run (in a fresh folder holding a link to
``seeds/``, so ``kg build seeds`` writes ``./kg-store`` there), optionally
piped into ``head -n N``, and their output (stdout and stderr, as a
terminal shows them piped) must be the lines that follow, up to the next
``$`` line.  Durations (``in 4.2 s``) are compared as ``in … s``.

After a deliberate change of output, regenerate the blocks with::

    .venv/bin/python -m tests.test_readme --update
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"^```console\n(.*?)^```$", re.S | re.M)
_DURATION = re.compile(r"\bin \d+(?:\.\d+)? s\b")


def _normalise(text: str) -> str:
    return _DURATION.sub("in … s", text)


def run_command(line: str) -> str:
    """Output of one ``kg …`` command line (``| head -n N`` allowed)."""
    from kg.cli import main

    command, _, pipe = line.partition("|")
    args = shlex.split(command)
    assert args[0] == "kg", f"README console lines must run kg: {line!r}"
    r = CliRunner().invoke(main, args[1:], catch_exceptions=False)
    out = r.output
    if pipe.strip():
        head = shlex.split(pipe)
        assert head[0] == "head" and head[1] == "-n", f"only '| head -n N' is supported: {line!r}"
        out = "".join(out.splitlines(keepends=True)[: int(head[2])])
    return out


def run_session(body: str) -> str:
    """The block ``body`` with every command's output replaced by the real one."""
    out = []
    for line in body.splitlines():
        if line.startswith("$ "):
            out.append(line + "\n")
            out.append(run_command(line[2:]))
    return "".join(out)


def sessions(text: str) -> list[tuple[re.Match, str]]:
    """(match, regenerated body) of every console block, run in one folder
    in README order (a block may use the store an earlier one built)."""
    old = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="kg-readme-") as tmp:
        os.symlink(ROOT / "seeds", Path(tmp) / "seeds")
        os.chdir(tmp)
        try:
            return [(m, run_session(m.group(1))) for m in BLOCK.finditer(text)]
        finally:
            os.chdir(old)


def test_readme_console_blocks_show_current_output(monkeypatch):
    monkeypatch.delenv("KG_STORE", raising=False)
    text = README.read_text(encoding="utf-8")
    found = sessions(text)
    assert found, "README.md has no ```console block"
    for m, new in found:
        assert _normalise(new) == _normalise(m.group(1)), (
            "README.md output is stale; regenerate with: .venv/bin/python -m tests.test_readme --update"
        )


def update() -> None:
    """Rewrite README.md's console blocks with the current outputs."""
    os.environ.pop("KG_STORE", None)
    text = README.read_text(encoding="utf-8")
    pieces, pos = [], 0
    for m, new in sessions(text):
        pieces += [text[pos : m.start(1)], new]
        pos = m.end(1)
    README.write_text("".join(pieces) + text[pos:], encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(__doc__)
    update()
