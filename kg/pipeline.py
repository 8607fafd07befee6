"""The build: report files -> records -> quads -> store.

The only place that wires the stages together:
read report → split papers/sections → extract → link → map to RDF → store.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from kg.errors import SourceError
from kg.mapping import map_report, report_graph
from kg.model import Problem, Report
from kg.reader import iter_report_files, read_report
from kg.resources import ontology_path
from kg.store import KnowledgeStore


@dataclass
class BuildSummary:
    """What a build did.

    ``errors`` are files that could not be read (skipped); ``problems`` are
    warnings inside files that were read.  Counts are over the files built.
    """

    reports: int = 0
    papers: int = 0
    entities: int = 0
    comparisons: int = 0
    quads: int = 0
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)


def extract_report(report: Report, extractor=None) -> list[dict]:
    """Extraction records of every paper of a parsed report."""
    if extractor is None:
        from kg.extract import Extractor
        extractor = Extractor()
    return [extractor.extract(p) for p in report.papers]


def build(paths: Iterable[str | Path], store: KnowledgeStore,
          progress: Callable[[str, int, int], None] | None = None) -> BuildSummary:
    """Build report files into ``store``, one named graph per file.

    Args:
        paths: report files and/or folders (searched recursively for .txt/.md).
        store: the target store; each report's graph is replaced atomically,
            so building twice yields the same quads.
        progress: optional callback ``(file, done, total)`` after each file.

    Returns:
        a :class:`BuildSummary`.  Unreadable files are listed in ``errors``
        and skipped; they never stop the others.

    Raises:
        SourceError: when a given path does not exist or holds no reports.
    """
    from kg.extract import Extractor  # spaCy is imported only when building

    t0 = time.perf_counter()
    files = iter_report_files(paths)
    summary = BuildSummary()
    extractor = Extractor()
    store.load_ontology(ontology_path())
    entity_keys: set[str] = set()
    for i, path in enumerate(files, 1):
        try:
            report = read_report(path)
        except SourceError as e:
            summary.errors.append(e)
            if progress:
                progress(str(path), i, len(files))
            continue
        records = extract_report(report, extractor)
        quads = map_report(report, records)
        store.replace_graph(report_graph(report.path), quads)
        summary.reports += 1
        summary.papers += len(records)
        summary.comparisons += sum(len(r["comparisons"]) for r in records)
        entity_keys.update(e["key"] for r in records for e in r["entities"] if e["type"] != "Metric")
        summary.problems.extend(report.problems)
        if progress:
            progress(str(path), i, len(files))
    store.flush()
    summary.entities = len(entity_keys)
    summary.quads = len(store)
    summary.seconds = time.perf_counter() - t0
    return summary
