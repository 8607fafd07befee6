"""The on-disk knowledge store: a pyoxigraph ``Store`` with one named graph
per report file and one for the ontology.

Opening a store folder (checks, lock, read-only retries) is
:mod:`kg.rdf.store_open`; no other module opens pyoxigraph stores.  Errors surface as
:class:`kg.errors.StoreError` (cannot open, locked, not a store) and
:class:`kg.errors.QueryError` (SPARQL syntax or evaluation, with line and
column), never as RocksDB traces.

Crash safety: each report graph is replaced by one SPARQL update (``DROP`` +
``INSERT DATA``), which pyoxigraph applies as one RocksDB transaction ("either
the full operation succeeds, or nothing is written"), so a reader, or the next
process after a crash or ``kill -9``, sees each report graph entirely old or
entirely new.  RocksDB's write-ahead log makes a committed update survive the
death of the process; the store's ``LOCK`` file is released by the operating
system when the process dies, so the store opens again.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import BinaryIO
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from kg.rdf import vocab
from kg.errors import QueryError, StoreError
from kg.rdf.sparql_errors import syntax_message
from kg.rdf.store_open import ClosedStore, open_oxigraph

#: export format name -> (pyoxigraph format, keeps named graphs)
FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, False),
    "ntriples": (ox.RdfFormat.N_TRIPLES, False),
    "nquads": (ox.RdfFormat.N_QUADS, True),
    "trig": (ox.RdfFormat.TRIG, True),
}


def _digest(quad: ox.Quad) -> bytes:
    """A 16-byte digest of a quad (to compare large graphs in little memory)."""
    return hashlib.blake2b(str(quad).encode(), digest_size=16).digest()


class KnowledgeStore:
    """A PaperKG store.

    Args:
        path: folder of the on-disk store (created if missing); ``None`` for
            an in-memory store (tests).
        read_only: open an existing store without taking the write lock.

    Raises:
        StoreError: the path is a file, is not a store, or another process
            holds the store's lock.
    """

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False):
        self.path = None if path is None else Path(path)
        self._store = open_oxigraph(self.path, read_only)

    def close(self) -> None:
        """Release the store, and with it the write lock, now rather than
        when this object is garbage-collected (an exception's traceback can
        keep it alive).  Any later use raises StoreError."""
        if self.path is not None:
            try:
                self._store.flush()
            except (OSError, RuntimeError, AttributeError, StoreError):  # read-only: nothing to flush
                pass
        self._store = ClosedStore(self.path)

    def __enter__(self) -> KnowledgeStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -----------------------------------------------------------
    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> int:
        """Replace the content of named graph ``graph`` by ``quads`` in one
        transaction (a single SPARQL update: DROP + INSERT DATA), so that a
        reader, or the next process after a crash, never sees half a graph.

        Args:
            graph: the named graph to replace.
            quads: its new quads; every quad must be in ``graph`` and none may
                hold a blank node (INSERT DATA would rename it).

        Returns the number of quads written.  Raises StoreError (nothing
        written) when the update fails, ValueError for a quad of another
        graph or with a blank node.
        """
        quads = list(dict.fromkeys(quads))
        lines = []
        for q in quads:
            if q.graph_name != graph:
                raise ValueError(f"quad {q} is not in graph {graph}")
            if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
                raise ValueError(f"quad {q} holds a blank node")
            lines.append(f"{q.triple} .")
        body = "\n".join(lines)
        try:
            self._store.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
        except (OSError, SyntaxError) as e:
            raise StoreError(f"cannot write graph {graph.value}: {e}") from None
        return len(quads)

    def rewrite_graph(self, graph: ox.NamedNode, chunks: Iterable[bytes], fingerprint: bytes = b"") -> None:
        """Make named graph ``graph`` hold exactly the N-Quads of ``chunks``
        plus the ``fingerprint`` line, for graphs too large for
        :meth:`replace_graph`'s one transaction.

        Only the difference with what the graph holds is written: its build
        fingerprint is removed first, then each chunk's new quads are added
        (one transaction per chunk), the quads no chunk holds are removed,
        and the fingerprint comes last, so an interrupted rewrite leaves a
        graph without fingerprint, which the next build rewrites.  Memory: a
        16-byte digest per quad of the old graph and one chunk.  Raises
        StoreError when writing fails.
        """
        try:
            fp = ox.NamedNode(vocab.BUILD_FINGERPRINT)
            for q in list(self._store.quads_for_pattern(None, fp, None, graph)):
                self._store.remove(q)
            gone = {_digest(q) for q in self._store.quads_for_pattern(None, None, None, graph)}
            for data in chunks:
                new = []
                for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
                    d = _digest(q)
                    if d in gone:
                        gone.discard(d)  # kept
                    else:
                        new.append(q)
                self._store.extend(new)
            while gone:
                batch = []
                for q in self._store.quads_for_pattern(None, None, None, graph):
                    if _digest(q) in gone:
                        batch.append(q)
                        if len(batch) == 10_000:
                            break
                for q in batch:
                    self._store.remove(q)
                    gone.discard(_digest(q))
                if not batch:
                    break
            if fingerprint:
                self._store.extend(ox.parse(fingerprint, format=ox.RdfFormat.N_QUADS))
        except (OSError, SyntaxError) as e:
            raise StoreError(f"cannot write graph {graph.value}: {e}") from None

    def remove_graph(self, graph: ox.NamedNode) -> None:
        """Delete a named graph and its quads in one transaction (no error if
        absent)."""
        try:
            self._store.update(f"DROP SILENT GRAPH {graph}")
        except OSError as e:
            raise StoreError(f"cannot remove graph {graph.value}: {e}") from None

    def bulk_load_nquads(self, data: bytes | BinaryIO) -> None:
        """Add N-Quads (bytes or a binary file object, read from its current
        position) with pyoxigraph's bulk loader: fast (no transaction,
        writes SST files directly) but NOT atomic — a crash midway can leave
        part of the data.  Used by :mod:`kg.rdf.bulk` for builds into an
        empty store and ``kg load``."""
        try:
            self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError) as e:
            raise StoreError(f"bulk load failed: {e}") from None

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads in one transaction (all or nothing)."""
        try:
            self._store.extend(quads)
        except OSError as e:
            raise StoreError(f"cannot add quads: {e}") from None

    def add_nquads(self, data: bytes) -> None:
        """Add N-Quads (UTF-8 bytes) in one transaction (all or nothing)."""
        try:
            self._store.extend(ox.parse(data, format=ox.RdfFormat.N_QUADS))
        except (OSError, SyntaxError) as e:
            raise StoreError(f"cannot add quads: {e}") from None

    def load_ontology(self, ttl: Path) -> int:
        """(Re)load the ontology Turtle file into its own named graph."""
        graph = ox.NamedNode(vocab.ONTOLOGY_GRAPH)
        bnodes: dict[str, ox.BlankNode] = {}

        def stable(term):
            # the parser names blank nodes at random: rename them in parse order
            # so that re-loading the same file gives the same quads
            if isinstance(term, ox.BlankNode):
                return bnodes.setdefault(term.value, ox.BlankNode(f"ontology{len(bnodes)}"))
            return term

        try:
            quads = [
                ox.Quad(stable(t.subject), t.predicate, stable(t.object), graph)
                for t in ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE)
            ]
        except (OSError, SyntaxError) as e:
            raise StoreError(f"{ttl}: cannot read ontology: {e}") from None
        old = set(self.quads(graph))
        new = set(quads)
        if old != new:
            # blank nodes keep their names only through the quad API (a SPARQL
            # INSERT DATA would mint new ones), so the ontology cannot be
            # replaced by one update: add the new quads first (one atomic
            # extend), then remove stale ones, so that a crash in between
            # leaves a superset that the next build repairs, never a gap
            try:
                self._store.extend(q for q in quads if q not in old)
                for q in old - new:
                    self._store.remove(q)
            except OSError as e:
                raise StoreError(f"cannot write the ontology graph: {e}") from None
        return len(quads)

    def graph_value(self, graph: ox.NamedNode, subject: str, predicate: str) -> str | None:
        """First object value of ``subject predicate ?o`` inside ``graph``."""
        for q in self._store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(predicate), None, graph):
            return q.object.value
        return None

    def objects(self, subject: ox.NamedNode, predicate: str) -> list[ox.Term]:
        """Objects of ``subject predicate ?o`` in any graph (an index
        lookup; one item per graph that holds the triple)."""
        return [q.object for q in self._store.quads_for_pattern(subject, ox.NamedNode(predicate), None, None)]

    def subjects(self, predicate: str, obj: ox.Term) -> list[ox.Term]:
        """Subjects of ``?s predicate obj`` in any graph (an index lookup;
        one item per graph that holds the triple)."""
        return [q.subject for q in self._store.quads_for_pattern(None, ox.NamedNode(predicate), obj, None)]

    def report_graphs(self) -> list[ox.NamedNode]:
        """Named graphs that hold reports (not the ontology)."""
        prefix = vocab.GRAPH + "report/"
        return sorted(
            (g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(prefix)),
            key=lambda g: g.value,
        )

    def flush(self) -> None:
        """Write the store's buffered changes to disk (nothing for an
        in-memory store).  Raises OSError as pyoxigraph does."""
        if self.path is not None:
            self._store.flush()

    # -- reading -----------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._store)

    def query(self, sparql: str, bindings: dict[str, ox.NamedNode | ox.Literal] | None = None):
        """Run a SPARQL query over the union of all graphs.

        ``bindings`` maps variable names (without ``?``) to RDF terms; they are
        passed to pyoxigraph as substitutions, never pasted into the text.
        Returns pyoxigraph's result object (solutions, boolean or triples).
        Raises QueryError with the parser's message (line and column).
        """
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        try:
            return self._store.query(
                sparql, use_default_graph_as_union=True, substitutions=subs or None, prefixes=vocab.PREFIXES
            )
        except SyntaxError as e:
            raise QueryError(syntax_message(e, sparql)) from None
        except RuntimeError as e:
            if "projection" in str(e):
                raise QueryError(f"{e}: a bound variable must be listed after SELECT") from None
            raise QueryError(f"SPARQL evaluation failed: {e}") from None
        except (OSError, ValueError, TypeError) as e:
            raise QueryError(f"SPARQL evaluation failed: {e}") from None

    def update(self, sparql: str) -> None:
        """Run a SPARQL update (one transaction). Raises QueryError on bad
        syntax (with line and column), StoreError when writing fails."""
        try:
            self._store.update(sparql, prefixes=vocab.PREFIXES)
        except SyntaxError as e:
            raise QueryError(syntax_message(e, sparql)) from None
        except OSError as e:
            raise StoreError(f"update failed: {e}") from None

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """Every quad, or those of one named graph."""
        return iter(self._store.quads_for_pattern(None, None, None, graph))

    def export(self, fmt: str, output, graph: ox.NamedNode | None = None) -> None:
        """Serialise the store (or one graph) to ``output`` (path or binary file).

        ``fmt`` is one of :data:`FORMATS`.  Formats without named graphs
        (turtle, ntriples) get the union of all graphs, duplicates removed;
        Turtle uses the ontology's prefixes.
        """
        try:
            rdf_format, keeps_graphs = FORMATS[fmt]
        except KeyError:
            raise StoreError(f"unknown export format '{fmt}' (use {', '.join(FORMATS)})") from None
        if keeps_graphs:
            data = self.quads(graph)
        else:
            data = sorted(
                {q.triple for q in self.quads(graph)}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object))
            )
        ox.serialize(data, output, rdf_format, prefixes=vocab.PREFIXES if fmt in ("turtle", "trig") else None)
