"""Exports beyond :meth:`KnowledgeStore.export`: JSON-LD, and one graph.

* ``jsonld``: JSON-LD with a ``@context`` that declares the ontology's
  prefixes (:data:`kg.rdf.vocab.PREFIXES`), so keys read ``kg:winner`` and ids
  ``entity:gpt4o``; named graphs are kept (one ``@graph`` object per
  report, named by its ``@id``).  pyoxigraph 0.5 writes JSON-LD without a
  context, so rdflib's serializer is used on the (small) graph.
* ``graph``: a report name (``000_3d92274d0f9505a7.txt``,
  ``2026-01-13/report.txt``), a report graph IRI, or ``ontology`` selects
  one named graph.
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
    """Named graph that ``name`` designates: ``ontology``, a graph IRI, a
    report name (``2026-01-13/report.txt``; see :mod:`kg.pipeline.sources`),
    a path that ends with one (``reports/2026-01-13/report.txt``), or a file
    name that only one report has.  Raises StoreError listing the reports
    when no graph matches, or the candidates when several do."""
    from kg.rdf.mapping import name_of_graph

    name = name.strip()
    reports = store.report_graphs()
    if name in ("ontology", vocab.ONTOLOGY_GRAPH):
        return ox.NamedNode(vocab.ONTOLOGY_GRAPH)
    if name.startswith(("http://", "https://")):
        if ox.NamedNode(name) in reports:
            return ox.NamedNode(name)
        matches = []
    else:
        by_name = {name_of_graph(g.value): g for g in reports}
        matches = _matching_names(name.replace("\\", "/"), [n for n in by_name if n is not None])
        if len(matches) == 1:
            return by_name[matches[0]]
    if len(matches) > 1:
        raise StoreError(f"'{name}' names {len(matches)} reports ({', '.join(matches)}): give one of these names")
    known = ", ".join(sorted(n for g in reports if (n := name_of_graph(g.value)))) or "none (run 'kg build')"
    raise StoreError(f"no graph '{name}' in the store (reports: {known}; or 'ontology')")


def _matching_names(text: str, names: list[str]) -> list[str]:
    """The report names ``text`` designates: the name itself; else the
    longest names ``text`` ends with (as a path); else the names whose file
    name is ``text``'s file name."""
    text = text.removeprefix("./")
    if text in names:
        return [text]
    tails = [n for n in names if text.endswith("/" + n)]
    if tails:
        longest = max(map(len, tails))
        return sorted(n for n in tails if len(n) == longest)
    base = text.rsplit("/", 1)[-1]
    return sorted(n for n in names if n.rsplit("/", 1)[-1] == base)


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
