"""``kg build`` (report files into the store) and ``kg extract`` (report
files to N-Quads files, no store)."""

from __future__ import annotations

import os
import sys

import click

from kg.commands.common import (
    CHECK_RECORDS_OPTION,
    JOBS_OPTION,
    MAX_SIZE_OPTION,
    file_progress,
    folder_option,
    open_store,
    report_problems,
    size_value,
    store_option,
)
from kg.outputs.cli_output import handle_errors


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@store_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, only the summary.")
@click.option("--prune", is_flag=True, help="Also remove the graphs of reports whose file is not under PATHS any more.")
@click.option("--force", is_flag=True, help="Rebuild files even when their graph is up to date.")
@MAX_SIZE_OPTION
@JOBS_OPTION
@click.option(
    "--bulk/--no-bulk",
    default=None,
    help="Write with the bulk loader (fast, not atomic) or one transaction per report. "
    "Default: bulk when the store holds no report yet.",
)
@CHECK_RECORDS_OPTION
@handle_errors
def build(paths, store_path, quiet, prune, force, max_size, jobs, bulk):
    """Build the graph from report files or folders (default: seeds/).

    Layouts read: Hugging Face daily papers, arXiv CV daily reports, '# Papers
    for DATE' digests, and any Markdown digest whose paper headings carry a
    paper link or an arXiv id (README: Report layouts).

    Each report file becomes one named graph, replaced in one transaction
    (after a crash every report is entirely old or entirely new), named by
    the file's path under the folder given (reports/2026-01-13/report.txt
    built with 'kg build reports' is 2026-01-13/report.txt; a file named on
    the command line, or directly in the folder, by its file name).  A file
    whose content and extractor are unchanged since its graph was built is
    skipped; building twice gives the same quads.  Files that cannot be read
    are reported as FILE:LINE: MESSAGE and skipped (their previous graph is
    kept); the exit status is then 1.  Warnings never change the status.

    Reports are extracted in --jobs worker processes; the output does not
    depend on N.  Into an empty store (or with --bulk) graphs are written with
    the bulk loader, which is faster but not atomic: if a bulk build is
    interrupted, run 'kg build' again (graphs left without a fingerprint are
    rebuilt, one transaction each).

    Ctrl-C or SIGTERM stops the build within a second or two at any moment;
    the reports written so far are kept and the next 'kg build' skips them
    (exit status 130 or 143).
    """
    from kg.pipeline.build import sigterm_interrupts

    limit = size_value(max_size, "--max-size")
    paths = paths or ("seeds",)
    with sigterm_interrupts():
        try:
            summary = _run_build(
                paths, store_path, quiet, prune=prune, force=force, max_size=limit, jobs=jobs, bulk=bulk
            )
        except KeyboardInterrupt as e:
            _stop_interrupted(e)
    report_problems(summary)
    if summary.prune_refused:
        click.echo(f"warning: {summary.prune_refused}", err=True)
    if not os.path.exists(store_path):  # removed again by _run_build: nothing could be built
        click.echo(f"nothing built: no report could be read, so no store was created at {store_path}", err=True)
        sys.exit(1 if summary.errors else 0)
    _print_build_summary(summary, store_path)
    if summary.errors:
        sys.exit(1)


def _run_build(paths, store_path, quiet, **options):
    """Open the store, run the build with a progress bar on a terminal
    (unless ``quiet``), close the store (also when interrupted).  A store
    this build created is removed again when nothing could be built into it
    (a typo in PATHS leaves no empty store behind)."""
    from kg.pipeline.build import build as run_build

    created = not os.path.exists(store_path)
    store = open_store(store_path)
    summary = None
    try:
        with file_progress("building", enabled=not quiet) as progress_cb:
            summary = run_build(paths, store, progress_cb, **options)
        return summary
    finally:
        store.close()  # release the write lock before exiting (also when run in-process)
        if created and summary is not None and summary.reports == 0 and not summary.skipped:
            import shutil

            shutil.rmtree(store_path, ignore_errors=True)


def _stop_interrupted(e: KeyboardInterrupt):
    """After Ctrl-C or SIGTERM stopped a build: one line saying what is kept,
    exit status 130 (SIGINT) or 143 (SIGTERM)."""
    import gc
    import signal

    from kg.pipeline.build import BuildInterrupted

    for sig in (signal.SIGINT, signal.SIGTERM):  # a second Ctrl-C while exiting changes nothing
        signal.signal(sig, signal.SIG_IGN)
    s = e.summary if isinstance(e, BuildInterrupted) else None
    kept = f"; the {s.reports} report(s) written are kept" if s is not None and s.reports else ""
    how = e.signal_name if isinstance(e, BuildInterrupted) else "SIGINT"
    click.echo(
        f"interrupted ({how}): build stopped{kept}; run 'kg build' again to finish (up-to-date reports are skipped)",
        err=True,
    )
    gc.freeze()  # exit now: collecting spaCy's objects at shutdown takes seconds
    sys.exit(143 if how == "SIGTERM" else 130)


def _print_build_summary(summary, store_path: str) -> None:
    """The one line ``built N report(s) into STORE: …`` on stdout."""
    extra = "".join(
        [
            f", {summary.skipped} unchanged report(s) skipped" if summary.skipped else "",
            f", {len(summary.pruned)} pruned ({', '.join(summary.pruned)})" if summary.pruned else "",
            f", {len(summary.errors)} error(s)" if summary.errors else "",
        ]
    )
    click.echo(
        f"built {summary.reports} report(s) into {store_path}: {summary.papers} papers, "
        f"{summary.entities} entities, {summary.comparisons} comparisons, "
        f"{summary.quads} quads in {summary.seconds:.1f} s{extra}"
    )


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@folder_option("--output-dir", "-o", help="Folder to write one N-Quads file per report into (created).")
@JOBS_OPTION
@MAX_SIZE_OPTION
@click.option(
    "--dask",
    "scheduler",
    metavar="SCHEDULER",
    help="Extract on a Dask cluster: 'local' starts one of --jobs worker processes; else a "
    "scheduler address (tcp://HOST:8786) or scheduler file (*.json). Workers read "
    "PATH and write DIR themselves: give paths they all reach. Needs "
    "pip install -e '.[dask]'.",
)
@CHECK_RECORDS_OPTION
@handle_errors
def extract(paths, output_dir, jobs, max_size, scheduler):
    """Extract report files to N-Quads, one file per report (no store).

    DIR/REPORT_NAME.nq holds the report's named graph, exactly the quads
    'kg build' would store (REPORT_NAME: the file's path under the folder
    given, e.g. 2026-01-13/report.txt, or its file name).  Load them with 'kg load DIR' (or any triple
    store's N-Quads loader).  Runs on any machine: split the report files
    between machines and run 'kg extract' on each.

    \b
    Example:  kg extract reports/ -o nq/ && kg load nq/ --store big.kg
              kg extract /shared/reports -o /shared/nq --dask tcp://head:8786
    """
    limit = size_value(max_size, "--max-size")
    if scheduler:
        from functools import partial

        from kg.pipeline.distributed import extract_to_dir_dask

        run = partial(extract_to_dir_dask, scheduler=scheduler)
    else:
        from kg.pipeline.parallel import extract_to_dir as run
    with file_progress("extracting") as update:
        s = run(paths, output_dir, jobs=jobs, max_size=limit, progress=update)
    report_problems(s)
    click.echo(
        f"wrote {s.files} N-Quads file(s) to {output_dir}: {s.papers} papers, {s.quads} quads "
        f"in {s.seconds:.1f} s" + (f", {len(s.errors)} error(s)" if s.errors else "")
    )
    if s.errors:
        sys.exit(1)
