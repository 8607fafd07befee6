"""Shared fixtures: the seed reports built once into a temporary store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# every record the tests extract (in-process, in workers, in CLI subprocesses)
# is validated against the record schema
os.environ["PAPERKG_CHECK_RECORDS"] = "1"

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
