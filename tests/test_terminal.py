"""Every command that prints a table, run under a real pseudo-terminal.

CliRunner never gives the command a TTY, so a terminal-only code path (the
terminal's width, rich's console) is only exercised here: each command runs
as its own process with stdout and stderr on a pty of a fixed size.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios

import pytest

from conftest import SEEDS

pytestmark = pytest.mark.slow

COLUMNS = 96
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def open_pty(columns: int = COLUMNS) -> tuple[int, int, dict]:
    """A pty ``columns`` wide: (master, slave, environment for a child on it)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    return master, slave, env


def read_pty(master: int) -> str:
    """Everything written to the pty until the child closes it, without colour codes."""
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the pty
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return ANSI.sub("", b"".join(chunks).decode("utf-8", "replace")).replace("\r", "")


def run_in_pty(args: list[str], columns: int = COLUMNS) -> tuple[int, str]:
    """Run ``python -m kg ARGS`` with stdout/stderr on a pty ``columns`` wide;
    return (exit status, screen text without colour codes)."""
    master, slave, env = open_pty(columns)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", *args], stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    screen = read_pty(master)
    return proc.wait(timeout=60), screen


@pytest.mark.parametrize(
    "args, expect",
    [
        (["beats", "GPT-4o"], "Qwen3-8B"),
        (["beats", "GPT-4o", "--evidence"], "IFEval"),
        (["query", "most_compared"], "GPT-4o"),
        (["stats", "--top", "3"], "Most-compared models"),
        (["show", "2601.06431"], "LSRIF"),
    ],
)
def test_table_commands_in_a_real_terminal(seed_store_path, args, expect):
    status, screen = run_in_pty([*args, "--store", str(seed_store_path)])
    assert status == 0, screen
    assert "Traceback" not in screen
    assert expect in screen
    too_wide = [ln for ln in screen.splitlines() if len(ln) > COLUMNS]
    assert not too_wide, too_wide[:3]


def test_piped_table_is_plain_one_line_per_row(seed_store_path):
    out = subprocess.run(
        [sys.executable, "-m", "kg", "beats", "GPT-4o", "--store", str(seed_store_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = out.splitlines()
    assert lines[0].split() == ["winner", "benchmark", "metric", "winner_score", "loser_score", "paper", "title"]
    assert all(ln == ln.rstrip() for ln in lines)
    # one line per row: every row line starts with its winner, and the full title stays on it
    assert any(ln.startswith("Qwen3-8B") and "Instruction Following" in ln for ln in lines)


def test_build_progress_goes_to_the_terminal_not_to_redirected_stdout(tmp_path):
    """stderr on a terminal, stdout into a pipe (``kg build … > log``): the
    progress bar is drawn on stderr, and stdout carries only the summary."""
    master, slave, env = open_pty()
    report = sorted(SEEDS.glob("*.txt"))[0]
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(report), "--store", str(tmp_path / "s"), "-j", "1"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    screen = read_pty(master)
    out = proc.communicate(timeout=60)[0].decode()
    assert proc.returncode == 0, screen
    assert out.startswith("built 1 report(s) into ") and out.count("\n") == 1, repr(out)
