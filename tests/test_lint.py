"""The code passes ruff's lint rules configured in pyproject.toml ([tool.ruff])."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _ruff(*args: str) -> subprocess.CompletedProcess:
    pytest.importorskip("ruff", reason="ruff is in the test extra: pip install -e '.[test]'")
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_check_passes():
    r = _ruff("check", "kg", "tests")
    assert r.returncode == 0, r.stdout + r.stderr


def test_ruff_format_check_passes():
    r = _ruff("format", "--check", "kg", "tests")
    assert r.returncode == 0, r.stdout + r.stderr


#: the size limits of kg/: a module's lines and a function's lines
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def test_modules_and_functions_stay_small():
    """No module of kg/ over 400 lines and no function body over 60 lines
    of code after its docstring (ruff's C901 keeps their McCabe complexity at
    15 or less): a module has one job."""
    import ast

    too_long = []
    for path in sorted((ROOT / "kg").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT)
        if text.count("\n") > MAX_MODULE_LINES:
            too_long.append(f"{name}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                body = node.body[1:] if ast.get_docstring(node) is not None and len(node.body) > 1 else node.body
                lines = node.end_lineno - body[0].lineno + 1  # the code, not its docstring
                if lines > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}:{node.lineno}: {node.name} is {lines} lines")
    assert not too_long, "\n".join(too_long)
