"""One report file → its named graph as N-Quads: the unit of work of a build.

:func:`extract_file` is the one per-file extraction, used by every build
(in-process or in worker processes), by ``kg extract`` and by distributed
engines (:func:`extract_file_nquads`):

* **Read once.**  The file's bytes are read once; the content hash, the
  build fingerprint and the parsed papers all come from those bytes.  When
  the file changes while the build reads or extracts it (its size, time
  stamp or inode differ afterwards), the graph is built as read but gets no
  fingerprint, with a warning, so the next build reads it again.
* **Bounded memory for one large report.**  Papers are extracted and mapped
  :data:`PAPERS_PER_BATCH` at a time.  A report's entity labels depend on
  all its papers (:class:`kg.rdf.mapping.ReportLabels`), so the records of a
  report of several batches are spooled to an anonymous temporary file and
  mapped in a second pass; N-Quads beyond :data:`SPILL_BYTES` go to a file
  in the build's spill folder, which the writer loads in chunks.
* **Fingerprints.**  A report graph records its build fingerprint
  (:func:`build_fingerprint`): the hash of the file's bytes and of the
  extractor (PaperKG version, its code and data files).
* **Bad input costs nothing else.**  A file that cannot be read gives
  ``status="failed"`` and its ``file:line`` error; a paper whose extraction
  raises is reported (file and line) and kept with its metadata only, and
  the graph then gets no fingerprint (the next build retries it).
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO
from collections.abc import Iterator

import pyoxigraph as ox

import kg
from kg.rdf import vocab
from kg.errors import NotAReport, SourceError
from kg.rdf.mapping import ReportLabels, map_report, report_graph, report_iri, report_name
from kg.model import Paper, Problem, Report
from kg.read import DEFAULT_MAX_SIZE, read_report
from kg.model import Label

#: papers extracted and mapped together; a report of more papers is
#: streamed batch by batch (records spooled to disk), so memory follows
#: the batch, not the report
PAPERS_PER_BATCH = 500
#: a report graph's N-Quads larger than this are written to a file in the
#: build's spill folder instead of being held (and sent) in memory
SPILL_BYTES = 16 * 1024 * 1024


@dataclass
class FileResult:
    """What extracting one report file gives (small and picklable).

    The graph's N-Quads are ``body`` or, when large, the file ``body_file``
    (read them with :meth:`chunks`; the writer removes the file).
    """

    path: str
    graph: str  # the report graph IRI
    status: str = "built"  # built | skipped | failed | not_report (see skip_if_not_a_report)
    body: bytes = b""  # N-Quads of the graph, without the fingerprint
    body_file: str | None = None  # ... or the file that holds them
    fingerprint: bytes = b""  # the fingerprint quad (N-Quads line), or b"" if incomplete
    quads: int = 0  # N-Quads lines (a quad may repeat across batches)
    papers: int = 0
    comparisons: int = 0
    entity_keys: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)

    def skip_if_not_a_report(self, named: set[Path]) -> bool:
        """Turn a failed read of a file that is not a report into a warning.

        A file found by walking a folder (not in ``named``, the resolved
        paths given on the command line) that is empty or in which no layout
        finds a paper (a README, a placeholder) is skipped with a warning,
        ``path: not a report (MESSAGE), skipped``, and its errors are
        dropped; a file named explicitly keeps its error.  Returns whether
        the result was turned into a skip.
        """
        if self.status != "failed" or not self.errors or Path(self.path).resolve() in named:
            return False
        if not all(isinstance(e, NotAReport) for e in self.errors):
            return False
        why = self.errors[0].message.split(":", 1)[0]  # 'empty file', 'no paper found'
        self.problems.append(Problem(self.path, None, f"not a report ({why}), skipped"))
        self.errors = []
        self.status = "not_report"
        return True

    def chunks(self, size: int = 32 * 1024 * 1024) -> Iterator[bytes]:
        """The graph's N-Quads in pieces of about ``size`` bytes that end at
        line ends (each piece parses on its own)."""
        if self.body_file is None:
            if self.body:
                yield self.body
            return
        with open(self.body_file, "rb") as f:
            while True:
                piece = f.read(size)
                if not piece:
                    return
                if not piece.endswith(b"\n"):
                    piece += f.readline()
                yield piece

    def discard(self) -> None:
        """Remove ``body_file`` (no error if already gone)."""
        if self.body_file is not None:
            try:
                os.unlink(self.body_file)
            except OSError:
                pass
            self.body_file = None


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
    """The build fingerprint of a report file whose bytes hash to
    ``content_sha256`` (hex): changes when the file or the extractor
    changes.  The only fingerprint function of PaperKG."""
    return hashlib.sha256(f"{content_sha256}\n{extractor_fingerprint()}".encode()).hexdigest()


_EXTRACTOR: tuple[tuple[str, bool], object] | None = None  # ((fingerprint, check records), Extractor)


def extractor():
    """The extractor of this process: made on first need (spaCy is loaded
    then), reused while the extractor's code and data (its fingerprint) and
    whether records are checked (``PAPERKG_CHECK_RECORDS``) are unchanged.
    Forked workers inherit it."""
    global _EXTRACTOR
    from kg.extract.extractor import check_records_requested

    state = (extractor_fingerprint(), check_records_requested())
    if _EXTRACTOR is None or _EXTRACTOR[0] != state:
        from kg.extract.extractor import Extractor

        _EXTRACTOR = (state, Extractor())
    return _EXTRACTOR[1]


def _file_state(path: str | Path) -> tuple | None:
    """(size, mtime_ns, inode, device) of a file, None if it cannot be stat'ed."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev)


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


def extract_file(
    path: str | Path,
    stored_fingerprint: str | None = None,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    spill_dir: str | None = None,
    name: str | None = None,
) -> FileResult:
    """Read, extract and map one report file into its graph's N-Quads.

    Args:
        path: the report file.
        stored_fingerprint: the fingerprint of the file's graph in the store;
            when the file's build fingerprint equals it the result is
            ``skipped`` (nothing extracted).
        max_size: largest file accepted, in bytes.
        spill_dir: folder for the N-Quads of a graph over
            :data:`SPILL_BYTES` (``body_file``); None keeps them in memory.
        name: the report name (:mod:`kg.pipeline.sources`); default: the file name.

    Returns:
        a :class:`FileResult`; a file that cannot be read gives
        ``status="failed"`` and its error.  Never raises for bad input.
    """
    source, name = str(path), report_name(path) if name is None else name
    res = FileResult(source, report_graph(name).value)
    before = _file_state(path)
    report = read_or_error(path, max_size, res.errors)
    if report is None:
        res.status = "failed"
        return res
    res.problems.extend(report.problems)
    fingerprint = build_fingerprint(report.sha256)
    if stored_fingerprint is not None and stored_fingerprint == fingerprint:
        res.status = "skipped"
        return res
    complete = _extract_and_map(report, res, spill_dir, name)
    if res.status == "failed":
        return res
    if _file_state(path) != before:
        complete = False
        res.problems.append(
            Problem(
                source,
                None,
                "the file changed while it was being read; its graph "
                "holds what was read and the next 'kg build' reads it again",
            )
        )
    if complete:  # an incomplete graph gets no fingerprint: the next build retries it
        fp = ox.Quad(
            report_iri(name),
            ox.NamedNode(vocab.BUILD_FINGERPRINT),
            ox.Literal(fingerprint),
            ox.NamedNode(res.graph),
        )
        res.fingerprint = ox.serialize([fp], format=ox.RdfFormat.N_QUADS)
        res.quads += 1
    return res


def _extract_and_map(report: Report, res: FileResult, spill_dir: str | None, name: str) -> bool:
    """Extract ``report``'s papers batch by batch and map them into ``res``
    (body or body_file, counts, entity keys).  Returns whether every paper
    was extracted; a mapping bug sets ``res.status = "failed"``."""
    source = str(report.path)
    labels = ReportLabels()
    keys: set[str] = set()
    complete = True
    batches = [report.papers[i : i + PAPERS_PER_BATCH] for i in range(0, len(report.papers), PAPERS_PER_BATCH)]
    # closed in the finally below (it lives across the batches and the body written after them)
    spool: BinaryIO | None = tempfile.TemporaryFile() if len(batches) > 1 else None  # noqa: SIM115
    kept: list[dict] = []
    try:
        for batch in batches:
            records, ok = extract_papers(batch, res.errors)
            complete &= ok
            labels.add(records)
            res.papers += len(records)
            res.comparisons += sum(len(r["comparisons"]) for r in records)
            keys.update(e["key"] for r in records for e in r["entities"] if e["type"] != Label.METRIC)
            if spool is None:
                kept = records
            else:
                pickle.dump(records, spool, protocol=pickle.HIGHEST_PROTOCOL)
        res.entity_keys = sorted(keys)
        out = _Output(spill_dir)
        final = labels.labels() if spool is not None else None
        try:
            for records in _spooled(spool, len(batches)) if spool is not None else [kept]:
                out.write(map_report(report, records, final, name))
        except Exception as e:
            out.discard()
            res.errors.append(SourceError(source, None, f"internal error while mapping: {_brief(e)}"))
            res.status = "failed"
            return False
        res.body, res.body_file, res.quads = out.close()
        return complete
    finally:
        if spool is not None:
            spool.close()


def _spooled(spool: BinaryIO, batches: int) -> Iterator[list[dict]]:
    """The record batches pickled into ``spool``, in order."""
    spool.seek(0)
    for _ in range(batches):
        yield pickle.load(spool)


class _Output:
    """N-Quads of one graph: in memory, moved to a file in ``spill_dir``
    once past :data:`SPILL_BYTES`."""

    def __init__(self, spill_dir: str | None):
        self.spill_dir = spill_dir
        self.buf: BinaryIO = io.BytesIO()
        self.name: str | None = None
        self.lines = 0

    def write(self, data: bytes) -> None:
        self.buf.write(data)
        self.lines += data.count(b"\n")  # one line per quad (literals escape their line ends)
        if self.name is None and self.spill_dir is not None and self.buf.tell() > SPILL_BYTES:
            fd, self.name = tempfile.mkstemp(suffix=".nq", dir=self.spill_dir)
            f = os.fdopen(fd, "wb")
            f.write(self.buf.getvalue())
            self.buf = f

    def close(self) -> tuple[bytes, str | None, int]:
        """(body, body_file, lines)."""
        if self.name is None:
            return self.buf.getvalue(), None, self.lines
        self.buf.close()
        return b"", self.name, self.lines

    def discard(self) -> None:
        self.buf.close()
        if self.name is not None:
            os.unlink(self.name)


def extract_papers(papers: list[Paper] | tuple[Paper, ...], errors: list[SourceError]) -> tuple[list[dict], bool]:
    """(records, complete) for ``papers``: one extraction record each.  A
    paper whose extraction raises is reported in ``errors`` (file and line)
    and kept with its metadata only (``complete`` is then False)."""
    records, complete = [], True
    ex = extractor() if papers else None
    for paper in papers:
        try:
            records.append(ex.extract(paper))
        except Exception as e:
            complete = False
            errors.append(
                SourceError(
                    paper.source,
                    paper.start_line,
                    f"internal error while extracting paper '{paper.title}': {_brief(e)}",
                )
            )
            records.append(_bare_record(paper))
    return records, complete


def extract_file_nquads(
    path: str | Path, max_size: int = DEFAULT_MAX_SIZE, name: str | None = None
) -> tuple[bytes, list[str]]:
    """The N-Quads text of one report file's graph (fingerprint line last)
    and its messages (``file:line: message``), for distributed engines
    (``name``: the report name, default the file name)::

        nq, messages = extract_file_nquads("reports/2026-01-13.txt")
    """
    r = extract_file(path, max_size=max_size, name=name)
    return r.body + r.fingerprint, [f"warning: {p}" for p in r.problems] + [f"error: {e}" for e in r.errors]


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


__all__ = ["FileResult", "PAPERS_PER_BATCH", "build_fingerprint", "extract_file", "extract_file_nquads"]
__all__ += ["extract_papers", "extractor", "extractor_fingerprint", "read_or_error"]
