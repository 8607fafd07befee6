"""The build split in two, for machines that are not this one.

:func:`extract_to_dir` writes one N-Quads file per report file
(``DIR/<report name>.nq``: the named graph inside, the fingerprint quad
last; a report name with folders, ``2026-01-13/report.txt``, gives the
same subfolders), in worker processes (:func:`kg.pipeline.parallel.run_extraction`);
:func:`load_dir` bulk-loads such files into a store.
:func:`kg.pipeline.filegraph.extract_file_nquads` is the per-file function to map
over report files on Dask, Ray or a batch scheduler.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator

import pyoxigraph as ox

from kg.errors import SourceError, StoreError
from kg.model import Problem
from kg.pipeline.filegraph import FileResult
from kg.pipeline.parallel import default_jobs, run_extraction
from kg.pipeline.sources import find_reports
from kg.rdf.bulk import BULK_BATCH_BYTES, FINGERPRINT_PREDICATE, BulkWriter
from kg.read import DEFAULT_MAX_SIZE, named_files


@dataclass
class ExtractSummary:
    """What :func:`extract_to_dir` did: N-Quads files written, papers and
    quads (N-Quads lines) in them, seconds, the files written, warnings and
    errors (``file:line``)."""

    files: int = 0
    papers: int = 0
    quads: int = 0
    seconds: float = 0.0
    outputs: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)


def nquads_name(report_name: str) -> str:
    """Path (relative, ``/`` separators) of a report's N-Quads file: its
    report name (:mod:`kg.pipeline.sources`) + ``.nq``."""
    return report_name + ".nq"


def extract_to_dir(
    paths: Iterable[str | Path],
    output_dir: str | Path,
    *,
    jobs: int | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    progress: Callable[[str, int, int], None] | None = None,
) -> ExtractSummary:
    """Write one N-Quads file per report file into ``output_dir`` (the
    report's named graph inside, its fingerprint line last).  A file that
    cannot be read is reported and gets no output file."""
    t0 = time.perf_counter()
    paths = list(paths)
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    files, path_errors = find_reports(paths)
    s = ExtractSummary(errors=list(path_errors))
    with tempfile.TemporaryDirectory(prefix="paperkg-extract-") as spill:
        tasks = [(str(f.path), None, max_size, spill, f.name) for f in files]
        names = {str(f.path): f.name for f in files}
        results = run_extraction(tasks, default_jobs() if jobs is None else jobs)
        try:
            _write_files(results, out, s, progress, len(tasks), named_files(paths), names)
        finally:
            results.close()  # an interrupt kills the workers now
    s.seconds = time.perf_counter() - t0
    return s


def _write_files(
    results: Iterator[FileResult],
    out: Path,
    s: ExtractSummary,
    progress: Callable[[str, int, int], None] | None,
    total: int,
    named: set[Path],
    names: dict[str, str],
) -> None:
    """Write each built result into ``out`` as REPORT_NAME.nq (``names``:
    file -> report name), counting in ``s``; a file found in a folder that
    is not a report is only noted."""
    for i, res in enumerate(results, 1):
        res.skip_if_not_a_report(named)
        s.problems.extend(res.problems)
        s.errors.extend(res.errors)
        if res.status == "built":
            target = out / nquads_name(names[res.path])
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(target.name + ".part")
            with open(tmp, "wb") as f:
                for piece in res.chunks():
                    f.write(piece)
                f.write(res.fingerprint)
            res.discard()
            os.replace(tmp, target)  # a reader never sees half a file
            s.files += 1
            s.papers += res.papers
            s.quads += res.quads
            s.outputs.append(str(target))
        if progress:
            progress(res.path, i, total)


@dataclass
class LoadSummary:
    """What :func:`load_dir` did: files loaded, quads in the store, seconds."""

    files: int = 0
    quads: int = 0
    seconds: float = 0.0


def split_fingerprint(data: bytes) -> tuple[bytes, bytes]:
    """Split an N-Quads text into (quads, fingerprint lines).  Files written
    by :func:`extract_to_dir` have their fingerprint line last (fast path)."""
    if FINGERPRINT_PREDICATE not in data:
        return data, b""
    body = data.rstrip(b"\n")
    cut = body.rfind(b"\n") + 1
    if FINGERPRINT_PREDICATE in body[cut:] and FINGERPRINT_PREDICATE not in body[:cut]:
        return data[:cut], data[cut:]
    lines = data.splitlines(keepends=True)
    return (
        b"".join(x for x in lines if FINGERPRINT_PREDICATE not in x),
        b"".join(x for x in lines if FINGERPRINT_PREDICATE in x),
    )


def _graph_of_nquads(data: bytes) -> ox.NamedNode | None:
    """The graph of the first quad of an N-Quads text."""
    line = data.split(b"\n", 1)[0]
    for q in ox.parse(line, format=ox.RdfFormat.N_QUADS):
        return q.graph_name if isinstance(q.graph_name, ox.NamedNode) else None
    return None


def load_dir(
    paths: Iterable[str | Path],
    store,
    *,
    batch_bytes: int = BULK_BATCH_BYTES,
    progress: Callable[[str, int, int], None] | None = None,
) -> LoadSummary:
    """Bulk-load N-Quads files (``*.nq`` in folders, or files) into ``store``,
    plus the ontology graph.  A graph the store already holds is dropped
    first.  Not atomic (see :func:`kg.pipeline.build.build`); fingerprints are
    written after their batch, so an interrupted load is repaired by
    ``kg build``.  Raises StoreError for a path that does not exist."""
    from kg.resources import ontology_path

    t0 = time.perf_counter()
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(p.rglob("*.nq"))
        elif p.is_file():
            files.append(p)
        else:
            raise StoreError(f"{p}: no such file or folder")
    store.load_ontology(ontology_path())
    existing = {g.value for g in store.report_graphs()}
    writer = BulkWriter(store, batch_bytes)
    s = LoadSummary()
    for i, f in enumerate(files, 1):
        data = f.read_bytes()
        if existing:
            g = _graph_of_nquads(data)
            if g is not None and g.value in existing:
                store.remove_graph(g)
        writer.add(*split_fingerprint(data))
        s.files += 1
        if progress:
            progress(str(f), i, len(files))
    writer.flush()
    store.flush()
    s.quads = len(store)
    s.seconds = time.perf_counter() - t0
    return s


__all__ = ["ExtractSummary", "LoadSummary", "extract_to_dir", "load_dir", "nquads_name", "split_fingerprint"]
