"""What several ``kg`` commands share: options defined once, opening the
store, size values, reporting a run's problems, name suggestions and Ctrl-C
during a query.

Library imports stay inside the functions, so ``kg --help`` starts fast.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager

import click

from kg.outputs.cli_output import emit, print_table, progress, safe_text

STORE_HELP = "Store folder (default: $KG_STORE or ./kg-store)."


def store_option(f):
    """``--store DIR`` (from $KG_STORE, default ``kg-store``), passed as ``store_path``."""
    return click.option(
        "--store",
        "store_path",
        envvar="KG_STORE",
        default="kg-store",
        show_default=True,
        metavar="DIR",
        help=STORE_HELP,
    )(f)


def _check_records(ctx, param, value):
    """--check-records: validate every extraction record (workers inherit
    the environment variable the extractor reads)."""
    if value:
        os.environ["PAPERKG_CHECK_RECORDS"] = "1"
    return value


CHECK_RECORDS_OPTION = click.option(
    "--check-records",
    is_flag=True,
    callback=_check_records,
    expose_value=False,
    help="Validate every extraction record against its JSON Schema (a self-check of the "
    "extractor; about a quarter slower). A paper whose record breaks it is reported as an "
    "internal error and left out.",
)

MAX_SIZE_OPTION = click.option(
    "--max-size",
    default="16MB",
    show_default=True,
    metavar="SIZE",
    help="Refuse report files larger than SIZE (e.g. 64MB).",
)

JOBS_OPTION = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1),
    default=None,
    metavar="N",
    help="Extract in N worker processes (default: the number of cores).",
)

FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)


def folder_option(*names: str, help: str):
    """A required option naming a folder to write into (``names``: e.g.
    ``"--output", "-o"``)."""
    return click.option(*names, required=True, type=click.Path(file_okay=False), metavar="DIR", help=help)


def open_store(store_path: str, read_only: bool = False):
    """The :class:`kg.rdf.store.KnowledgeStore` at ``store_path``
    (raises StoreError: no store there, in use, not a store)."""
    from kg.rdf.store import KnowledgeStore

    return KnowledgeStore(store_path, read_only=read_only)


def size_value(text: str, option: str) -> int:
    """Bytes of a size such as ``64MB`` given to ``option``; a bad value is
    a usage error naming the option (exit status 2)."""
    from kg.read import parse_size

    try:
        return parse_size(text)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint=option) from None


def report_problems(summary) -> None:
    """Print a run's warnings (``summary.problems``) and errors
    (``summary.errors``) as ``warning:``/``error:`` lines on stderr."""
    for p in summary.problems:
        emit("warning", p)
    for e in summary.errors:
        emit("error", e)


@contextmanager
def file_progress(description: str, enabled: bool = True):
    """A transient progress bar on stderr (on a terminal, unless not
    ``enabled``) for work over files; yields ``update(path, done, total)``,
    or None when not ``enabled``."""
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True, disable=not (enabled and sys.stderr.isatty())) as bar:
        task = bar.add_task(description, total=None)

        def update(path, done, total):
            bar.update(task, completed=done, total=total, description=path)

        yield update if enabled else None


def print_titled_tables(tables) -> None:
    """Print ``(title, Table)`` pairs: the title in bold, the table, a blank line."""
    for title, table in tables:
        click.echo(click.style(title, bold=True))
        print_table(table, "table")
        click.echo()


def did_you_mean(store, name: str, entities=()) -> str:
    """``"; did you mean: …?"`` for ``name`` (entities whose label contains or
    resembles it, with counts; not those in ``entities``), or ``""``."""
    from kg.outputs.names import did_you_mean as phrase, suggest

    with progress("looking for similar names"):
        if entities:  # the name is known: offer its family only
            return phrase(
                suggest(store, name, exclude={e.value for e in entities}, close=False),
                f"other names containing '{safe_text(name)}': ",
            )
        return phrase(suggest(store, name))


def interrupted():
    """Ctrl-C during a query: one line and exit status 130 (the query
    thread cannot be stopped; the process ends with it)."""
    click.echo("interrupted", err=True)
    sys.stdout.flush()
    os._exit(130)
