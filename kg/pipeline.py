"""The build: report files -> records -> quads -> store.

The only place that wires the stages together:
read report → split papers/sections → extract → link → map to RDF → store.

Guarantees of :func:`build`:

* **Atomic per report.**  Each report's named graph is replaced by one store
  transaction (:meth:`kg.store.KnowledgeStore.replace_graph`), so after a
  crash or ``kill -9`` every report in the store is entirely old or entirely
  new.
* **Idempotent and incremental.**  A report graph records its *build
  fingerprint* (``kg:buildFingerprint``): the hash of the file's bytes and of
  the extractor (PaperKG version, its code and its data files).  A file whose
  fingerprint is unchanged is skipped before extraction; a changed file, or
  any file after the extractor changed, is rebuilt.
* **Bad input costs nothing else.**  A file that cannot be read is reported
  as ``file:line: message`` and skipped (its previous graph, if any, is kept);
  an exception while extracting one paper is reported as an internal error
  located at the paper and the rest of the report is still built (that report
  then gets no fingerprint, so the next build retries it).
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

import pyoxigraph as ox

import kg
from kg import vocab
from kg.errors import SourceError
from kg.mapping import map_report, report_graph, report_iri
from kg.model import Paper, Problem, Report
from kg.read import DEFAULT_MAX_SIZE, collect_report_files, read_report
from kg.resources import ontology_path
from kg.store import KnowledgeStore


@dataclass
class BuildSummary:
    """What a build did.

    ``errors`` are files (or paths) that could not be read and were skipped,
    plus internal errors while extracting a paper; ``problems`` are warnings
    inside files that were read.  ``reports``, ``papers``, ``entities`` and
    ``comparisons`` count the files built in this run; ``skipped`` the files
    left alone because their graph is up to date; ``pruned`` the file names
    whose graphs ``prune`` removed; ``prune_refused`` says why pruning was not
    done.  ``quads`` is the size of the whole store afterwards.
    """

    reports: int = 0
    papers: int = 0
    entities: int = 0
    comparisons: int = 0
    quads: int = 0
    seconds: float = 0.0
    skipped: int = 0
    pruned: list[str] = field(default_factory=list)
    prune_refused: str | None = None
    problems: list[Problem] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """Hex SHA-256 of what decides the graph built from a file: the PaperKG
    version, every ``kg/**/*.py`` module and every file under ``kg/data/``
    (gazetteers, patterns, schemas).  Computed once per process."""
    package = Path(kg.__file__).parent
    files = [p for p in package.rglob("*.py") if "__pycache__" not in p.parts]
    files += [p for p in (package / "data").rglob("*") if p.is_file()]
    h = hashlib.sha256(f"paperkg {kg.__version__}\n".encode())
    for path in sorted(set(files)):
        rel = path.relative_to(package).as_posix()
        h.update(rel.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def build_fingerprint(content_sha256: str) -> str:
    """Build fingerprint of a report file whose bytes hash to
    ``content_sha256``: changes when the file or the extractor changes."""
    return hashlib.sha256(f"{content_sha256}\n{extractor_fingerprint()}".encode()).hexdigest()


def extract_report(report: Report, extractor=None) -> list[dict]:
    """Extraction records of every paper of a parsed report (exceptions
    propagate; :func:`build` catches them per paper)."""
    if extractor is None:
        from kg.extract import Extractor
        extractor = Extractor()
    return [extractor.extract(p) for p in report.papers]


def build(paths: Iterable[str | Path], store: KnowledgeStore,
          progress: Callable[[str, int, int], None] | None = None, *,
          prune: bool = False, force: bool = False, max_size: int = DEFAULT_MAX_SIZE,
          extractor=None) -> BuildSummary:
    """Build report files into ``store``, one named graph per file.

    Args:
        paths: report files and/or folders (searched recursively for .txt/.md).
        store: the target store; each report's graph is replaced atomically,
            so building twice yields the same quads.
        progress: optional callback ``(file, done, total)`` after each file.
        prune: afterwards, remove the graphs of reports whose file is not
            among the files found under ``paths`` (not done when a path could
            not be read, so that a typo never empties the store).
        force: rebuild files even when their graph is up to date.
        max_size: largest report file accepted, in bytes.
        extractor: an :class:`kg.extract.Extractor` to reuse (made on first
            need otherwise, so a build with nothing to do never loads spaCy).

    Returns:
        a :class:`BuildSummary`.  Paths and files that cannot be read are
        listed in ``errors`` and skipped; they never stop the others.

    Raises:
        StoreError: the store cannot be written.
    """
    t0 = time.perf_counter()
    files, path_errors = collect_report_files(paths)
    summary = BuildSummary(errors=list(path_errors))
    store.load_ontology(ontology_path())
    owners: dict[str, Path] = {}  # graph IRI -> file that owns it in this run
    entity_keys: set[str] = set()
    for i, path in enumerate(files, 1):
        graph = claim_graph(path, owners, summary.errors)
        if graph is not None:
            extractor = _build_file(path, graph, store, summary, entity_keys, force, max_size,
                                    extractor)
        if progress:
            progress(str(path), i, len(files))
    return finish_build(store, summary, owners, path_errors, entity_keys, prune, t0)


def claim_graph(path: Path, owners: dict[str, Path], errors: list[SourceError]) -> ox.NamedNode | None:
    """The named graph of report file ``path``, recorded in ``owners``
    (graph IRI -> file); None, with an error, when another file of this run
    already owns it (a report's graph is named after its file name)."""
    graph = report_graph(str(path))
    if graph.value in owners:
        errors.append(SourceError(
            str(path), None, f"same file name as {owners[graph.value]}: a report's graph is "
            "named after its file name, so this file is skipped (rename one of them)"))
        return None
    owners[graph.value] = path
    return graph


def finish_build(store: KnowledgeStore, summary: "BuildSummary", owners: dict[str, Path],
                 path_errors: list[SourceError], entity_keys: set[str], prune: bool,
                 t0: float) -> "BuildSummary":
    """End of a build: prune (if asked), flush, and fill the summary's
    totals (entities, quads, seconds since ``t0``, a perf_counter value)."""
    if prune:
        _prune(store, set(owners), summary, path_errors)
    store.flush()
    summary.entities = len(entity_keys)
    summary.quads = len(store)
    summary.seconds = time.perf_counter() - t0
    return summary


def _build_file(path: Path, graph: ox.NamedNode, store: KnowledgeStore, summary: BuildSummary,
                entity_keys: set[str], force: bool, max_size: int, extractor):
    """Read, extract, map and store one file, recording the outcome in
    ``summary``.  Returns the extractor (created on first need)."""
    report = read_or_error(path, max_size, summary.errors)
    if report is None:
        return extractor
    summary.problems.extend(report.problems)
    fingerprint = build_fingerprint(report.sha256)
    report_node = report_iri(report.path)
    if not force and store.graph_value(graph, report_node.value, vocab.BUILD_FINGERPRINT) == fingerprint:
        summary.skipped += 1
        return extractor
    if extractor is None and report.papers:
        from kg.extract import Extractor  # spaCy is imported only when extracting
        extractor = Extractor()
    done = extract_and_map(report, extractor, summary.errors)
    if done is None:
        return extractor
    records, body, complete = done
    quads = list(ox.parse(body, format=ox.RdfFormat.N_QUADS))
    if complete:  # an incomplete graph gets no fingerprint: the next build retries it
        quads.append(ox.Quad(report_node, ox.NamedNode(vocab.BUILD_FINGERPRINT),
                             ox.Literal(fingerprint), graph))
    store.replace_graph(graph, quads)
    summary.reports += 1
    summary.papers += len(records)
    summary.comparisons += sum(len(r["comparisons"]) for r in records)
    entity_keys.update(e["key"] for r in records for e in r["entities"] if e["type"] != "Metric")
    return extractor


def _prune(store: KnowledgeStore, keep: set[str], summary: BuildSummary,
           path_errors: list[SourceError]) -> None:
    """Remove report graphs whose IRI is not in ``keep``."""
    if path_errors:
        summary.prune_refused = ("not pruning: some paths could not be read "
                                 f"({', '.join(e.path for e in path_errors)})")
        return
    for graph in store.report_graphs():
        if graph.value not in keep:
            name = store.graph_value(graph, _report_iri_of_graph(graph), vocab.FILE_NAME)
            store.remove_graph(graph)
            summary.pruned.append(name or graph.value)


def _report_iri_of_graph(graph: ox.NamedNode) -> str:
    """The report node IRI that lives in a report's named graph."""
    return vocab.ID + "report/" + graph.value.removeprefix(vocab.GRAPH + "report/")


def read_or_error(path: str | Path, max_size: int, errors: list[SourceError]) -> Report | None:
    """Read one report file; a file that cannot be read, or a reader bug,
    adds its ``file:line`` error to ``errors`` and gives None (the other
    files go on)."""
    try:
        return read_report(path, max_size)
    except SourceError as e:
        errors.append(e)
    except Exception as e:  # a reader bug must not stop the other files
        errors.append(SourceError(str(path), None, f"internal error while reading: {_brief(e)}"))
    return None


def extract_and_map(report: Report, extractor, errors: list[SourceError]
                    ) -> tuple[list[dict], bytes, bool] | None:
    """(records, N-Quads of the report graph, complete) for ``report``.

    The N-Quads are UTF-8 bytes, one line per quad, without the build
    fingerprint (see :func:`kg.mapping.map_report`).  A paper whose
    extraction raises is reported in ``errors`` (file and line) and kept
    with its metadata only; ``complete`` is then False and the graph must
    get no fingerprint (the next build retries it).  A mapping bug adds an
    error and gives None.  ``extractor`` may be None when the report has no
    papers.
    """
    source = str(report.path)
    records, complete = [], True
    for paper in report.papers:
        try:
            records.append(extractor.extract(paper))
        except Exception as e:
            complete = False
            errors.append(SourceError(
                source, paper.start_line,
                f"internal error while extracting paper '{paper.title}': {_brief(e)}"))
            records.append(_bare_record(paper))
    try:
        return records, map_report(report, records), complete
    except Exception as e:
        errors.append(SourceError(source, None, f"internal error while mapping: {_brief(e)}"))
        return None


def _bare_record(paper: Paper) -> dict:
    """An extraction record with the paper's metadata and no facts, used
    when extracting the paper failed (the paper node and its report link are
    kept; nothing is invented)."""
    from kg.resources import schema

    meta = asdict(paper)
    meta.pop("sections")
    meta["authors"] = list(paper.authors)
    meta["categories"] = list(paper.categories)
    record: dict = {"paper": meta}
    # every other part the record schema requires, empty: the schema is the
    # contract between extraction and mapping, so this follows its changes
    for key, spec in schema("record").get("properties", {}).items():
        if key != "paper" and spec.get("type") == "array":
            record[key] = []
    return record


def _brief(err: BaseException) -> str:
    """``Type: first line of the message`` of an exception (at most 300
    characters), for one-line error reports."""
    text = str(err).strip().splitlines()[0] if str(err).strip() else ""
    if len(text) > 300:
        text = text[:300] + " …"
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


__all__ = ["BuildSummary", "build", "build_fingerprint", "extract_report", "extractor_fingerprint"]
