"""Exports beyond :meth:`KnowledgeStore.export`: JSON-LD, and one graph.

* ``jsonld``: JSON-LD with a ``@context`` that declares the ontology's
  prefixes (:data:`kg.rdf.vocab.PREFIXES`), so keys read ``kg:winner`` and ids
  ``entity:gpt4o``; named graphs are kept (one ``@graph`` object per
  report, named by its ``@id``).  pyoxigraph 0.5 writes JSON-LD without a
  context, so rdflib's serializer is used on the (small) graph.
* ``graph``: a report file name (``000_3d92274d0f9505a7.txt``), a report
  graph IRI, or ``ontology`` selects one named graph.
"""

from __future__ import annotations

import io
import warnings
from typing import BinaryIO

import pyoxigraph as ox

from kg.rdf import vocab
from kg.errors import StoreError
from kg.rdf.store import FORMATS, KnowledgeStore

#: every format ``kg export`` accepts
EXPORT_FORMATS = [*FORMATS, "jsonld"]


def resolve_graph(store: KnowledgeStore, name: str) -> ox.NamedNode:
    """Named graph that ``name`` designates: ``ontology``, a graph IRI, or a
    report file name (a path is reduced to its file name).  Raises
    StoreError listing the report files when no graph matches."""
    from kg.rdf.mapping import report_graph

    name = name.strip()
    reports = store.report_graphs()
    if name in ("ontology", vocab.ONTOLOGY_GRAPH):
        return ox.NamedNode(vocab.ONTOLOGY_GRAPH)
    if name.startswith(("http://", "https://")):
        candidates = [ox.NamedNode(name)]
    else:
        candidates = [report_graph(name)]
    for g in candidates:
        if g in reports:
            return g
    known = ", ".join(g.value.rsplit("/", 1)[-1] for g in reports) or "none (run 'kg build')"
    raise StoreError(f"no graph '{name}' in the store (report files: {known}; or 'ontology')")


def to_jsonld(store: KnowledgeStore, graph: ox.NamedNode | None = None) -> bytes:
    """JSON-LD (UTF-8) of the store or of one named graph, compacted with
    the ontology's prefixes as ``@context``."""
    import rdflib

    nq = io.BytesIO()
    store.export("nquads", nq, graph)
    with warnings.catch_warnings():  # rdflib 7's N-Quads parser and JSON-LD serializer
        warnings.simplefilter("ignore", DeprecationWarning)  # call its own deprecated API
        ds = rdflib.Dataset()
        ds.parse(data=nq.getvalue().decode("utf-8"), format="nquads")
        text = ds.serialize(format="json-ld", context=dict(vocab.PREFIXES), auto_compact=True, indent=2)
    return text.encode("utf-8")


def export(store: KnowledgeStore, fmt: str, output: str | BinaryIO, graph: str | None = None) -> None:
    """Write the store (or the named graph ``graph``, see
    :func:`resolve_graph`) as ``fmt`` (one of :data:`EXPORT_FORMATS`) to
    ``output``, a path or a binary file.  Raises StoreError naming
    ``output`` when it cannot be written (e.g. its folder is missing)."""
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format '{fmt}' (use {', '.join(EXPORT_FORMATS)})")
    g = resolve_graph(store, graph) if graph else None
    to_path = isinstance(output, (str, bytes)) or hasattr(output, "__fspath__")
    try:
        if fmt != "jsonld":
            store.export(fmt, str(output) if to_path else output, g)
            return
        data = to_jsonld(store, g)
        if to_path:
            with open(output, "wb") as f:
                f.write(data)
        else:
            output.write(data)
    except OSError as e:
        if not to_path:
            raise
        from pathlib import Path

        folder = Path(output).parent
        hint = f"folder {folder} does not exist; create it first" if not folder.is_dir() else e.strerror or str(e)
        raise StoreError(f"{output}: cannot write the export: {hint}") from None
