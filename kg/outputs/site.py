"""A static, self-contained HTML site of the graph: ``kg report --output DIR``.

Pages (plain HTML5, inline CSS, no script, no CDN: it works offline and from
``file://``)::

    index.html              counts, the who-beats-whom picture, every benchmark
    graph.svg               the picture alone (hand-written SVG, circular layout)
    models.html             every system found in a comparison: wins, losses
                            (models-2.html, ...: 1,000 rows a page)
    papers.html             every paper (papers-2.html, ...)
    benchmark/<key>.html    one leaderboard per metric, then every comparison
    model/<key>.html        "beats" / "beaten by" with benchmark, scores, evidence
    paper/<arxiv id>.html   metadata, entities, comparisons and hardware with
                            their evidence sentences (report file and line)

Leaderboards: every system that is the winner or the loser of a
``kg:Comparison`` on the benchmark with a ``kg:winnerScore``/``kg:loserScore``,
its best score per metric, best first (smallest first when the metric has
``kg:lowerIsBetter true``), with the paper and evidence sentence that stated
it.  A metric without a known direction is marked "direction unknown" and
ordered as its comparisons imply (:func:`kg.outputs.site_data.leaderboards`).  All
text is escaped and stripped of control characters, and only ``http``/
``https`` URLs become links (:mod:`kg.outputs.site_html`).

The data is read by :mod:`kg.outputs.site_read` into a
:class:`kg.outputs.site_data.Graph` (queries on a few threads); the pages are
made by :mod:`kg.outputs.site_pages` (each bounded: long tables are cut, long
lists split into pages) and written one at a time, only inside the output
folder (a symlink there is replaced, never followed).  A large site is
written by one process per core: the others are forked once the graph is
read and each makes and writes its share of the pages.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.outputs import site_html as h
from kg.outputs.site_data import HIGHER, leaderboards, load
from kg.outputs.site_pages import Site, direction_note
from kg.procs import die_with_parent
from kg.rdf.store import KnowledgeStore

MARKER = ".paperkg-report"
#: the sub-folders the site writes (replaced on each run)
SUBFOLDERS = ("benchmark", "model", "paper")
#: the lists split into pages (``papers.html``, ``papers-2.html``, ...)
LISTS = ("models", "papers")


class ReportError(KgError):
    """The site cannot be written (output folder not ours, I/O error)."""


@dataclass
class ReportSummary:
    """What :func:`write_report` wrote: the folder, HTML pages, leaderboards
    (benchmarks), compared systems, papers, seconds."""

    output: Path
    pages: int
    benchmarks: int
    models: int
    papers: int
    seconds: float


def _clear(path: Path) -> None:
    """Remove ``path`` (a file, a symlink, or a folder tree; symlinks are
    removed, never followed) if it exists."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def _write(out: Path, name: str, text: str) -> None:
    """Write ``text`` to ``out/name`` without following a symlink: an
    existing link there is removed first, and the file is opened with
    O_NOFOLLOW, so nothing is written outside ``out``."""
    path = out / name
    parent = path.parent
    if parent != out and (parent.is_symlink() or not parent.is_dir()):
        _clear(parent)
        parent.mkdir()
    if path.is_symlink():
        path.unlink()
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(path, flags, 0o644), "w", encoding="utf-8") as f:
        f.write(text)


class _PageWriter:
    """Writes the pages of a site into ``out``.  A page in one of the
    :data:`SUBFOLDERS` (made empty by this run) is created relative to the
    folder's descriptor with ``O_CREAT | O_EXCL | O_NOFOLLOW``: no lookup of
    the path, never through a link; other files go through :func:`_write`.
    (A writer thread, tried, cost more CPU in handing the GIL over than the
    file creation it overlapped.)"""

    def __init__(self, out: Path):
        self.out = out
        self.dirs: dict[str, int] = {}
        self.fast = os.open in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW")

    def write(self, name: str, text: str) -> None:
        sub, _, leaf = name.rpartition("/")
        if not (self.fast and sub in SUBFOLDERS):
            _write(self.out, name, text)
            return
        if sub not in self.dirs:
            self.dirs[sub] = os.open(self.out / sub, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        _create(self.dirs[sub], leaf, text.encode("utf-8"))

    def close(self) -> None:
        for fd in self.dirs.values():
            os.close(fd)
        self.dirs.clear()


def _create(dir_fd: int, leaf: str, data: bytes) -> None:
    """Create file ``leaf`` (which must not exist) in the folder ``dir_fd``, holding ``data``."""
    fd = os.open(leaf, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644, dir_fd=dir_fd)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _prepare(out: Path) -> None:
    """Make ``out`` ready for a new site: the sub-folders emptied, the
    pages of lists left by an earlier, longer site removed, the marker."""
    out.mkdir(parents=True, exist_ok=True)
    for sub in SUBFOLDERS:
        _clear(out / sub)
        (out / sub).mkdir()
    for base in LISTS:
        for old in out.glob(f"{base}-*.html"):
            _clear(old)
    _write(out, MARKER, "written by 'kg report'; the folder is replaced on the next run\n")


#: pages below which the site is written by one process
FORK_PAGES = 2_000


def _workers(pages: int) -> int:
    """Processes writing a site of ``pages`` pages: one per core (at most 4)
    where ``os.fork`` is safe to use here (Linux) and the site is large."""
    if pages < FORK_PAGES or not sys.platform.startswith("linux"):
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _os_error(e: OSError) -> str:
    return f"{e.strerror or e}" + (f" ({e.filename})" if e.filename else "")


#: pages a writing process takes at a time from the shared counter
BLOCK_PAGES = 500


class _Pages:
    """The pages of a site shared out between writing processes: the
    site-wide pages go to the first process; the benchmark, system and
    paper pages are taken :data:`BLOCK_PAGES` at a time from a counter in
    shared memory, so that a process that runs faster takes more."""

    def __init__(self, site: Site):
        self.site = site
        self.items = list(site.item_pages())  # (name, function making it): made only by the taker
        self.next_block = multiprocessing.Value("q", 0)  # shared memory: forked writers inherit it
        self.total = site.count()

    def write(self, out: Path, site_wide: bool, progress=None) -> int:
        """Write the site-wide pages (``site_wide``) then blocks of the other
        pages until none is left; returns the HTML pages written.
        ``progress(done, total)`` every block, ``done`` counted over all
        processes.  Raises OSError."""
        writer, pages = _PageWriter(out), 0
        try:
            if site_wide:
                for name, text in self.site.site_wide_pages():
                    writer.write(name, text)
                    pages += name.endswith(".html")
            while block := self._take():
                for name, make in block:
                    writer.write(name, make())
                    pages += name.endswith(".html")
                if progress:
                    progress(min(self.next_block.value * BLOCK_PAGES, len(self.items)), self.total)
        finally:
            writer.close()
        return pages

    def _take(self) -> list:
        with self.next_block.get_lock():
            k = self.next_block.value
            self.next_block.value = k + 1
        return self.items[k * BLOCK_PAGES : (k + 1) * BLOCK_PAGES]


def _write_shares(site: Site, out: Path, workers: int, progress) -> int:
    """Write every page of ``site`` into ``out`` with ``workers`` processes:
    ``workers - 1`` forked children (they hold the graph already read;
    nothing is pickled) take blocks of pages while this process writes the
    site-wide pages, then takes blocks too.  Returns the HTML pages
    written.  Raises OSError (a child's, as its message) when a page cannot
    be written; on Ctrl-C the children are stopped before the interrupt
    goes on."""
    shared = _Pages(site)
    children = [_fork_writer(shared, out) for _ in range(1, workers)]
    try:
        pages = shared.write(out, True, progress)
    except BaseException:
        for pid, _ in children:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
        for pid, r in children:
            os.close(r)
            os.waitpid(pid, 0)
        raise
    failed = None
    for pid, r in children:
        with os.fdopen(r, "rb") as pipe:
            message = pipe.read().decode("utf-8", "replace")
        _, status = os.waitpid(pid, 0)
        if status == 0:
            pages += int(message)
        elif failed is None:
            failed = message or f"a writing process ended with status {status}"
    if failed is not None:
        raise OSError(failed)
    if progress:
        progress(shared.total, shared.total)
    return pages


def _fork_writer(shared: _Pages, out: Path) -> tuple[int, int]:
    """Fork a child writing blocks of ``shared``: (its pid, the read end of
    a pipe on which it leaves its page count, or its error message)."""
    r, w = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid:
        os.close(w)
        return pid, r
    status, message = 1, "interrupted"
    try:  # the child: never returns, never raises
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        die_with_parent(parent)
        os.close(r)
        message, status = str(shared.write(out, False)), 0
    except OSError as e:
        message = _os_error(e)
    except BaseException as e:  # reported to the parent
        message = f"{type(e).__name__}: {e}"
    finally:
        with contextlib.suppress(OSError):
            os.write(w, message.encode("utf-8"))
        os._exit(status)


def write_report(
    store: KnowledgeStore, output: str | Path, *, hubs: int = 8, max_nodes: int = 30, progress=None
) -> ReportSummary:
    """Write the site into folder ``output`` (created if missing).

    A folder that already holds files must be an earlier site (it has the
    ``.paperkg-report`` marker); its pages are replaced.  Files are written
    only inside ``output``: symlinks in it are replaced, not followed.
    ``progress(done, total, what)``, when given, is called as the store's
    queries end (``what`` "reading the store") and as pages are written
    (``what`` "pages").  Raises ReportError when the folder is not ours, or
    when writing fails.
    """
    start = time.perf_counter()
    out = Path(output)
    if out.exists() and not out.is_dir():
        raise ReportError(f"{out}: is a file, not a folder; choose another --output")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ReportError(f"{out}: folder is not empty and holds no PaperKG report; choose another --output")
    g = load(store, progress=(lambda done, total: progress(done, total, "reading the store")) if progress else None)
    site = Site(g, hubs, max_nodes)
    try:
        _prepare(out)
        pages = _write_shares(
            site, out, _workers(site.count()), (lambda done, n: progress(done, n, "pages")) if progress else None
        )
    except OSError as e:
        raise ReportError(f"{out}: cannot write the site: {_os_error(e)}") from None
    return ReportSummary(out, pages, len(site.datasets), len(site.models), len(g.papers), time.perf_counter() - start)


def markdown_leaderboard(store: KnowledgeStore, dataset_iri: str, limit: int = 10) -> str:
    """The leaderboards of a benchmark as one Markdown table, ``limit`` rows
    per metric (for notes and the README)."""
    g = load(store)

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["| # | system | metric | score | paper |", "|---|---|---|---|---|"]
    for b in leaderboards(g, dataset_iri):
        metric = cell(g.label(b.metric)) if b.metric else ""
        if metric and b.direction != HIGHER:
            metric += f" ({direction_note(b)})"
        for i, r in enumerate(b.rows[:limit], 1):
            p = g.papers.get(r.comparison.paper)
            lines.append(
                f"| {i} | {cell(g.label(r.system))} | {metric} | "
                f"{format(r.score, 'f')}{h.unit(r.unit)} | {p.arxiv_id if p else ''} |"
            )
    return "\n".join(lines)


__all__ = ["MARKER", "ReportError", "ReportSummary", "direction_note", "markdown_leaderboard", "write_report"]
