"""Report files: which files a path names, their bytes and their text.

A folder is searched recursively for ``*.txt`` and ``*.md`` files (hidden
entries skipped); a file is read only when it is a regular file no larger
than the size limit, and decoded only when it is UTF-8 text.  Every refusal
is a :class:`~kg.errors.SourceError` naming the file (and the line, when
there is one).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from kg.errors import NotAReport, SourceError
from kg.read.markdown import normalise_newlines as _normalise_newlines

__all__ = ["DEFAULT_MAX_SIZE", "REPORT_SUFFIXES", "collect_report_files", "iter_report_files", "parse_size"]

#: Files larger than this many bytes are refused (``kg build --max-size``).
DEFAULT_MAX_SIZE = 16 * 1024 * 1024
#: Suffixes of the files a folder is searched for.
REPORT_SUFFIXES = (".txt", ".md")


def iter_report_files(paths: Iterable[str | Path] | str | Path) -> list[Path]:
    """Expand files and folders into the list of report files to read.

    Args:
        paths: files and/or folders (a single path is accepted too).  Files
            are kept whatever their suffix; folders are searched recursively
            for ``*.txt`` and ``*.md`` files (hidden entries skipped), sorted.

    Returns:
        Paths in argument order, each folder's files sorted, duplicates
        removed (first occurrence kept).

    Raises:
        SourceError: a path does not exist, or a folder holds no report file
            (the first such path; see :func:`collect_report_files` to get
            every problem and the files of the other paths).
    """
    found, errors = collect_report_files(paths)
    if errors:
        raise errors[0]
    return found


def named_files(paths: Iterable[str | Path] | str | Path) -> set[Path]:
    """Resolved paths of the arguments that are files (not folders): files
    a user named, whose every error is reported (a file found in a folder
    that is not a report is only skipped with a warning)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    out = set()
    for item in paths:
        try:
            if Path(item).is_file():
                out.add(Path(item).resolve())
        except (OSError, ValueError):
            continue
    return out


def collect_report_files(
    paths: Iterable[str | Path] | str | Path,
) -> tuple[list[Path], list[SourceError]]:
    """Like :func:`iter_report_files`, but never raises for a bad path.

    Returns:
        ``(files, errors)``: the report files of every usable path (argument
        order, each folder sorted, duplicates removed) and one
        :class:`SourceError` per path that does not exist, cannot be listed
        or is a folder without ``*.txt``/``*.md`` files, and per file whose
        name is not valid UTF-8 (shown with U+FFFD for the bad bytes).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: list[Path] = []
    errors: list[SourceError] = []
    seen: set[Path] = set()
    for item in paths:
        try:
            files = _expand(Path(item), errors)
        except SourceError as err:
            errors.append(err)
            continue
        except OSError as err:
            errors.append(SourceError(str(item), None, f"cannot list: {err.strerror or err}"))
            continue
        for file in files:
            key = file.resolve()
            if key in seen:
                continue
            seen.add(key)
            try:
                file.name.encode("utf-8")
            except UnicodeEncodeError:  # bytes that are not UTF-8, kept by the OS as surrogates
                shown = str(file).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                errors.append(
                    SourceError(
                        shown,
                        None,
                        "file name is not valid UTF-8 (a report's graph is named after its file name): rename the file",
                    )
                )
                continue
            found.append(file)
    return found, errors


def _expand(path: Path, errors: list[SourceError] | None = None) -> list[Path]:
    """Return ``[path]`` for a file, the sorted reports under a folder.

    Folders are walked recursively, following symbolic links to folders
    (each folder is entered once, so a link loop ends); hidden entries are
    skipped.  A subfolder that cannot be listed and a broken link named like
    a report are added to ``errors`` (their reports are unknown, so a prune
    must not run).  Raises SourceError for a missing path and for a folder
    without reports.
    """
    if path.is_dir():
        found: list[Path] = []
        problems = errors if errors is not None else []
        before = len(problems)
        _walk(path, found, problems, set())
        if not found and len(problems) == before:
            raise SourceError(str(path), None, "no report files (*.txt, *.md) in this folder")
        return sorted(found)
    if path.exists():
        return [path]
    raise SourceError(str(path), None, "no such file or directory")


def _walk(folder: Path, found: list[Path], errors: list[SourceError], seen: set[tuple[int, int]]) -> None:
    """Add the report files under ``folder`` to ``found`` (see :func:`_expand`)."""
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:  # reached twice (a link loop, two links)
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as it:
            entries = [e for e in it if not e.name.startswith(".")]
    except OSError as err:
        errors.append(
            SourceError(
                str(folder),
                None,
                f"cannot list folder: {err.strerror or err}; its reports are skipped and --prune removes nothing",
            )
        )
        return
    for entry in entries:
        child = Path(entry.path)
        if entry.is_dir():  # follows links
            _walk(child, found, errors, seen)
        elif child.suffix.lower() in REPORT_SUFFIXES:
            if entry.is_file():
                found.append(child)
            elif entry.is_symlink() and not child.exists():
                errors.append(
                    SourceError(
                        str(child),
                        None,
                        "broken symbolic link (its target is missing); skipped, and --prune removes nothing",
                    )
                )


def _read_bytes(path: Path, source: str, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """Return the file's bytes or raise a located :class:`SourceError`.

    Never reads more than ``max_size + 1`` bytes, so a huge file (or a device
    that never ends) costs bounded memory.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise SourceError(source, None, "file not found") from None
    except OSError as err:
        raise SourceError(source, None, f"cannot read file: {err.strerror or err}") from err
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(source, None, "is a directory, not a report file")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(source, None, "not a regular file (a device, pipe or socket)")
    if info.st_size > max_size:
        raise SourceError(source, None, _too_large(info.st_size, max_size))
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_size + 1)
    except OSError as err:
        raise SourceError(source, None, f"cannot read file: {err.strerror or err}") from err
    if len(data) > max_size:  # the file grew after stat()
        raise SourceError(source, None, _too_large(len(data), max_size))
    return data


def parse_size(text: str) -> int:
    """Bytes in a size written ``16MB``, ``500k``, ``1.5G`` or ``2048``
    (powers of 1024; a bare number is bytes).  Raises ValueError."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", text, re.I)
    if not m:
        raise ValueError(f"not a size: '{text}' (examples: 16MB, 500KB, 2048)")
    factor = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[m.group(2).lower()]
    return int(float(m.group(1)) * factor)


def _too_large(size: int, limit: int) -> str:
    """Message for a file over the size limit."""
    return (
        f"file too large ({_human_size(size)}, limit {_human_size(limit)}); "
        "raise the limit with --max-size if this really is one report"
    )


def _human_size(n: int) -> str:
    """``1.5 MB`` style size (powers of 1024)."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            if unit == "bytes":
                return f"{n} bytes"
            return f"{n:.1f}".removesuffix(".0") + f" {unit}"
        n /= 1024
    return f"{n:.1f} TB"  # pragma: no cover


def _decode(data: bytes, source: str) -> str:
    """Decode UTF-8 bytes (BOM allowed) to LF-normalised text, or raise."""
    if not data:
        raise NotAReport(source, None, "empty file")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16: same first bytes
        raise SourceError(source, 1, "not UTF-8 text (UTF-32 byte order mark)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(source, 1, "not UTF-8 text (UTF-16 byte order mark)")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise SourceError(source, line, f"binary file, not a text report (NUL byte at line {line})")
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = body[err.start]
        line = body.count(b"\n", 0, err.start) + 1
        raise SourceError(source, line, f"not UTF-8 text (invalid byte 0x{bad:02x} at line {line})") from err
    text = _normalise_newlines(text)
    if not text.strip():
        raise NotAReport(source, None, "empty file")
    return text
