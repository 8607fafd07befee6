"""Shared fixtures: the seed reports built once into a temporary store."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

# every record the tests extract (in-process, in workers, in CLI subprocesses)
# is validated against the record schema
os.environ["PAPERKG_CHECK_RECORDS"] = "1"

from kg.model import Paper, Section
from kg.pipeline.build import build
from kg.rdf.store import KnowledgeStore

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_store_path(tmp_path_factory) -> Path:
    """Folder of a store built from ``seeds/`` (built once per test session)."""
    path = tmp_path_factory.mktemp("kg") / "store"
    store = KnowledgeStore(path)
    summary = build([SEEDS], store)
    assert not summary.errors
    del store  # release the RocksDB lock for read-only users
    return path


@pytest.fixture(scope="session")
def seed_store(seed_store_path) -> KnowledgeStore:
    return KnowledgeStore(seed_store_path, read_only=True)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "slow: takes seconds (subprocesses, kill -9, concurrent builds); runs by default, deselect with -m 'not slow'",
    )


def make_paper(
    results: str,
    contribution: str = "",
    title: str = "A Study of Things",
    usage: str = "",
    *,
    key: str = "results",
    authors: tuple = (),
) -> Paper:
    """A paper written for a test: its contribution, usage and ``key``
    (default ``results``) sections, each from ``line`` 10 on (3 lines apart),
    only those with text."""
    sections = []
    line = 10
    for k, text in (("contribution", contribution), ("usage", usage), (key, results)):
        if text:
            sections.append(Section(k, k, text, line, line + text.count("\n")))
            line += text.count("\n") + 3
    return Paper(
        title,
        "https://huggingface.co/papers/2601.00001",
        "2601.00001",
        "t.txt",
        5,
        60,
        tuple(sections),
        authors=authors,
    )


#: a Python program that opens the store at argv[1] for writing (holding its
#: lock), prints "ready" and waits until its stdin closes
STORE_HOLDER = """
import sys
from kg.rdf.store import KnowledgeStore
s = KnowledgeStore(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
"""


def child_env() -> dict:
    """The environment of a child Python that imports this checkout's kg."""
    return {**os.environ, "PYTHONPATH": str(ROOT)}


@contextmanager
def store_held_by_another_process(path):
    """While the block runs, another process holds the write lock of the store at ``path``."""
    proc = subprocess.Popen(
        [sys.executable, "-c", STORE_HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=child_env(),
        cwd=ROOT,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        yield proc
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)


def _clear_data_caches() -> None:
    from kg import resources

    resources.schema.cache_clear()
    resources.validator.cache_clear()
    resources.pattern_group.cache_clear()
    resources.patterns.cache_clear()


@pytest.fixture
def cue_words(tmp_path, monkeypatch):
    """``install(group, key, value)``: a copy of the package's cue-word files
    and schemas (``kg/data/patterns``, ``kg/data/schemas``) with key ``key``
    of ``<group>.json`` set to ``value``, installed as the package data until
    the test ends (each call makes a new copy from the current data, so a
    second call keeps the first change).  Returns the copied file's path."""
    import json
    import shutil

    from kg import resources

    made = 0

    def install(group: str, key: str, value):
        nonlocal made
        made += 1
        data_dir = tmp_path / f"data{made}"
        shutil.copytree(resources.DATA / "patterns", data_dir / "patterns")
        shutil.copytree(resources.DATA / "schemas", data_dir / "schemas")
        path = data_dir / "patterns" / f"{group}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data[key] = value
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        monkeypatch.setattr(resources, "DATA", data_dir)
        _clear_data_caches()
        return path

    yield install
    monkeypatch.undo()
    _clear_data_caches()
