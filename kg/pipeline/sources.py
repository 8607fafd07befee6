"""The report files of a build and their report names.

A report's named graph, its report node and its ``kg:fileName`` come from its
*report name*: the file's path relative to the folder argument it was found
under (``2026-01-13/report.txt`` for ``kg build reports``), or its file name
when it was named explicitly or lies directly in that folder.  A flat folder
of reports therefore gives the same names (and graphs) as its files' names,
and dated folders that reuse one file name (``2026-01-13/report.txt``,
``2026-01-14/report.txt``) stay apart.  The same file built from the same
folder argument always gets the same name, so rebuilding skips it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from collections.abc import Iterable

from kg.errors import SourceError
from kg.rdf.mapping import report_name
from kg.read import collect_report_files


class NameClash(SourceError):
    """A second report file of a report name already taken in this run
    (skipped; unlike an unreadable path it does not stop a prune)."""


@dataclass(frozen=True)
class ReportFile:
    """One report file of a build: ``path`` as found (for reading and for
    ``file:line`` messages) and ``name``, its report name (POSIX
    separators)."""

    path: Path
    name: str


def _roots(paths: Iterable[str | Path]) -> list[Path]:
    """The folder arguments, in argument order (files and bad paths left out)."""
    roots = []
    for item in paths:
        try:
            if Path(item).is_dir():
                roots.append(Path(item))
        except (OSError, ValueError):
            continue
    return roots


def name_in(path: Path, roots: list[Path]) -> str:
    """Report name of ``path``: relative to the first of ``roots`` that holds
    it (a file found by walking that folder), else its file name."""
    for root in roots:
        if path.is_relative_to(root):
            return report_name(path, root)
    return report_name(path)


def find_reports(paths: Iterable[str | Path] | str | Path) -> tuple[list[ReportFile], list[SourceError]]:
    """The report files under ``paths`` with their report names, and the
    errors: those of :func:`kg.read.collect_report_files` (paths that do not
    exist or cannot be listed), a name that is not valid UTF-8, and a second
    file of a name already taken (``kg build A B`` with ``A/x.txt`` and
    ``B/x.txt``): that file is skipped, the message says to rename one."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    paths = list(paths)
    files, errors = collect_report_files(paths)
    errors = list(errors)
    roots = _roots(paths)
    owners: dict[str, Path] = {}
    found: list[ReportFile] = []
    for path in files:
        name = name_in(path, roots)
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:  # a folder name whose bytes are not UTF-8
            shown = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            errors.append(SourceError(shown, None, "folder name is not valid UTF-8 (it names the report): rename it"))
            continue
        if name in owners:
            errors.append(
                NameClash(
                    str(path),
                    None,
                    f"same report name '{name}' as {owners[name]} (a report is named by its path under "
                    "the folder given, or by its file name): skipped; rename one, or build the parent folder",
                )
            )
            continue
        owners[name] = path
        found.append(ReportFile(path, name))
    return found, errors


__all__ = ["NameClash", "ReportFile", "find_reports", "name_in"]
