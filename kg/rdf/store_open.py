"""Opening a store folder: which folders may hold a store, the write lock,
read-only opens that race with a writer, and the stand-in for a closed store.

Every failure is a :class:`kg.errors.StoreError` naming the folder and what to
do (run ``kg build``, choose another ``--store``, try again when the other
``kg`` command ends), never a RocksDB trace.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError


class ClosedStore:
    """Stands in for the pyoxigraph Store after :meth:`KnowledgeStore.close`:
    any use raises StoreError."""

    def __init__(self, path):
        self._path = path

    def __getattr__(self, name):
        raise StoreError(f"{self._path or 'in-memory store'}: the store is closed")

    def __len__(self):
        raise StoreError(f"{self._path or 'in-memory store'}: the store is closed")


# A read-only open races with a writer that compacts the store: RocksDB may
# list a table file in its manifest that the writer deletes a moment later.
_RACE_RE = re.compile(r"No such file or directory|Corruption", re.I)


def _open_read_only(path: Path, attempts: int = 6):
    """``pyoxigraph.Store.read_only``, retried while a concurrent writer's
    compaction makes the snapshot's files vanish under it (transient)."""
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError, ValueError) as e:
            if attempt == attempts - 1 or not _RACE_RE.search(str(e)):
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


#: files only a RocksDB database has (RocksDB creates them within milliseconds
#: of each other when a store is created; its info ``LOG`` comes first)
_STORE_FILES = ("CURRENT", "LOCK", "IDENTITY")
#: how long a folder that does not look like a store is given to become one:
#: another process may be creating a store there right now
_STORE_CREATION_GRACE_S = 0.25


def _looks_like_store(folder: Path) -> bool:
    """True for an empty folder or one holding a RocksDB database, i.e. a
    folder a store may be opened in.  A folder that is neither is looked at
    again after :data:`_STORE_CREATION_GRACE_S`: another process creating a
    store there has by then written its ``LOCK`` (RocksDB's first file is its
    info ``LOG``, so for a few milliseconds a store being created holds only
    that), and the caller then reports the store as in use, not as a foreign
    folder."""

    def looks() -> bool:
        names = {p.name for p in folder.iterdir()}  # one listing: no check-then-check race
        return not names or any(n in names for n in _STORE_FILES)

    try:
        if looks():
            return True
        time.sleep(_STORE_CREATION_GRACE_S)
        return looks()
    except OSError:
        return True  # let the store itself report the problem


def _check_folder(path: Path, read_only: bool) -> None:
    """Raise StoreError when ``path`` cannot hold a store to open: a file, a
    missing folder (read-only), or a folder of other files."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: store path is a file, not a folder")
    if read_only and not path.exists():
        raise StoreError(f"{path}: no store here (run 'kg build' first)")
    if path.is_dir() and not _looks_like_store(path):
        if read_only:
            raise StoreError(f"{path}: not a PaperKG store (run 'kg build' first)")
        raise StoreError(
            f"{path}: folder is not empty and is not a PaperKG store; refusing to write into it (choose another --store)"
        )


def open_oxigraph(path: Path | None, read_only: bool) -> ox.Store:
    """The pyoxigraph store in folder ``path`` (created with its parent
    folders if missing, unless ``read_only``; ``None``: in memory).  A writer takes the store's lock; a
    reader does not.

    Raises:
        StoreError: the path is a file, is not a store, holds no store
            (``read_only``), or another process holds the store's lock.
    """
    if path is None:
        return ox.Store()
    _check_folder(path, read_only)
    try:
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)  # --store out/kg with no out/ yet
        return _open_read_only(path) if read_only else ox.Store(str(path))
    except (OSError, RuntimeError, ValueError) as e:
        msg = str(e)
        if "lock" in msg.lower():
            raise StoreError(
                f"{path}: store is in use by another process (another 'kg' command is running); try again when it ends"
            ) from None
        hint = ""
        if read_only and _RACE_RE.search(msg):
            hint = " (another process is writing the store; try again when it ends)"
        raise StoreError(f"{path}: cannot open store{hint}: {msg.splitlines()[0]}") from None
