"""Exceptions raised by PaperKG.

The library raises these and never prints or exits; the CLI turns them into
messages of the form ``path:line: message`` and an exit status.
"""

from __future__ import annotations


class KgError(Exception):
    """Base class of every error PaperKG raises on purpose."""


class SourceError(KgError):
    """A problem in an input file, located by path and 1-based line.

    ``str(err)`` is ``"path:line: message"`` (``"path: message"`` when the
    line is unknown), the form editors and terminals link to.
    """

    def __init__(self, path: str, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def __reduce__(self):
        # picklable (worker processes send errors back): rebuild from the
        # three fields, not from the formatted message in ``args``
        return (type(self), (self.path, self.line, self.message))


class NotAReport(SourceError):
    """A file that holds no report at all: empty, or no layout finds a paper
    in it.  ``kg build`` skips such a file with a warning when it was found
    in a folder (a README, a placeholder) and reports it as an error when
    it was named."""


class DataError(KgError):
    """A packaged data file (gazetteer, patterns, schema) is missing or invalid."""


class QueryError(KgError):
    """A SPARQL query could not be found, parsed or run."""


class StoreError(KgError):
    """The on-disk store could not be opened, read or written."""
