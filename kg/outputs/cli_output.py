"""How the ``kg`` commands speak: one-line errors, tables, progress.

* :func:`handle_errors` turns every error a user can cause into one
  ``error:`` line naming the file or value and what to do (exit status 1);
* :func:`print_table` prints a query answer as an aligned table (rich on a
  terminal, plain text piped), CSV, TSV or typed JSON;
* :func:`progress` shows a transient progress bar on stderr, on a terminal,
  for work that lasts;
* :func:`safe_text` and :func:`clean` keep control characters from a file
  name or a report's text out of the terminal.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import threading
from contextlib import contextmanager
from functools import wraps

import click

from kg.errors import KgError


def handle_errors(f):
    """Turn every error a user can cause into one ``error:`` line on stderr
    and exit status 1: PaperKG's own errors, OSError (naming the file and
    what to do), parser errors; anything else is named as unexpected (set
    $PAPERKG_TRACEBACK=1 to see the traceback).  A closed pipe (``| head``)
    ends quietly; Ctrl-C prints ``interrupted`` and exits with status 130
    (open stores are closed on the way out)."""

    @wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            _quiet_stdout()
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except Exception as e:
            if os.environ.get("PAPERKG_TRACEBACK") and not isinstance(e, KgError):
                raise
            message = error_message(e)
        # outside the except block: the exception (and the objects its frames hold,
        # such as an open store) is released before exiting
        click.echo(f"error: {message}", err=True)
        sys.exit(1)

    return wrapper


def _quiet_stdout() -> None:
    """Point stdout at /dev/null (after EPIPE, so that Python's final flush is silent)."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


_ERRNO_HINTS = {
    "ENOENT": "no such file or folder; check the path (does its folder exist?)",
    "EACCES": "permission denied; choose another path or fix its permissions",
    "EPERM": "operation not permitted; choose another path",
    "ENOSPC": "no space left on the device; free some space or choose another disk",
    "EISDIR": "is a folder; give a file name",
    "ENOTDIR": "a part of the path is a file, not a folder",
    "EROFS": "read-only file system; choose another path",
    "EEXIST": "already exists",
}


def error_message(e: BaseException) -> str:
    """The one-line message of an error, file names escaped (a newline or a
    terminal escape in a file name cannot forge or hide a line)."""
    import errno

    from kg.errors import SourceError

    if isinstance(e, SourceError):
        where = f"{safe_text(e.path)}:{e.line}" if e.line else safe_text(e.path)
        return f"{where}: {safe_text(e.message, keep_newlines=True)}"
    if isinstance(e, KgError):
        return safe_text(str(e), keep_newlines=True)
    if isinstance(e, OSError):
        name = errno.errorcode.get(e.errno or -1, "")
        what = _ERRNO_HINTS.get(name, e.strerror or str(e))
        files = [safe_text(str(x)) for x in (e.filename, e.filename2) if x is not None]
        return f"{' -> '.join(files)}: {what}" if files else f"{what} ({safe_text(str(e))})"
    if isinstance(e, SyntaxError):
        return f"cannot parse: {safe_text(str(e))}"
    return (
        f"unexpected {type(e).__name__}: {safe_text(str(e))} (set PAPERKG_TRACEBACK=1 to see where, "
        "and please report it)"
    )


def safe_text(text: str, keep_newlines: bool = False) -> str:
    """``text`` for one terminal line: control characters shown as ``\\xNN``
    (``\\n`` for a newline), so a file name cannot forge an ``error:``
    line or send terminal escapes.  With ``keep_newlines`` a message's own
    line breaks stay (a SPARQL syntax error shows the line and a caret)."""

    def one(line: str) -> str:
        return _CONTROL_ALL.sub(lambda m: "\\n" if m.group() == "\n" else f"\\x{ord(m.group()):02x}", line)

    if keep_newlines:
        return "\n".join(one(line) for line in text.split("\n"))
    return one(text)


def emit(kind: str, item) -> None:
    """Print a build's warning or error as one ``kind: …`` line on stderr."""
    text = error_message(item) if isinstance(item, BaseException) else safe_text(str(item))
    click.echo(f"{kind}: {text}", err=True)


_CONTROL_ALL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


#: seconds of work before a progress bar is shown
PROGRESS_AFTER_S = 1.5


@contextmanager
def progress(description: str):
    """A transient rich progress bar on stderr, shown only when stderr is a
    terminal; yields ``update(done, total, what=None)`` (``total`` None: a
    spinner while the amount of work is not known yet)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    task = bar.add_task(description, total=None)
    lock, stopped = threading.Lock(), []

    def start():  # only work that lasts shows a bar
        with lock:
            if not stopped:
                bar.start()

    def update(done, total, what=None):
        bar.update(task, completed=done, total=total, description=f"{description}: {what}" if what else description)

    timer = threading.Timer(PROGRESS_AFTER_S, start)
    timer.daemon = True
    timer.start()
    try:
        yield update
    finally:
        timer.cancel()
        with lock:
            stopped.append(True)
            if bar.live.is_started:
                bar.stop()


def print_table(table, fmt: str) -> None:
    """Print a :class:`kg.outputs.queries.Table` as an aligned table, CSV, TSV or JSON.

    ``table`` on a terminal is drawn by rich at the terminal's width (cells
    wrap at word boundaries); piped, it is plain text: columns aligned by
    spaces, one line per row, no trailing blanks, nothing folded.
    """
    if fmt == "json":
        from kg.outputs.queries import json_value

        click.echo(
            json.dumps(
                [{c: json_value(v) for c, v in zip(table.columns, r)} for r in table.rows], ensure_ascii=False, indent=2
            )
        )
        return
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(table.columns)
        w.writerows([["" if v is None else v for v in r] for r in table.rows])
        click.echo(buf.getvalue(), nl=False)
        return
    from kg.rdf.vocab import compact

    rows = [["" if v is None else _printable(compact(str(v))) for v in r] for r in table.rows]
    if not sys.stdout.isatty():
        widths = [max([len(c), *(len(r[i]) for r in rows)]) for i, c in enumerate(table.columns)]
        for r in [list(table.columns), *rows]:
            click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
        return
    from rich.console import Console
    from rich.table import Table as RichTable
    from rich.text import Text

    t = RichTable(show_header=True, header_style="bold", box=None, pad_edge=False)
    for c in table.columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*[Text(v) for v in r])  # Text: a value's [brackets] are not rich markup
    Console().print(t)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(value: str) -> str:
    """``value`` without control characters (a terminal escape in a report's
    title must not reach the terminal); tabs and newlines become spaces."""
    return _CONTROL.sub("", value.replace("\t", " ").replace("\n", " "))


def clean(text: str) -> str:
    """``text`` without control characters other than tab and newline: a
    report's text may be printed, its terminal escapes may not."""
    return _CONTROL.sub("", text)
