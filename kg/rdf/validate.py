"""Graph validation: check a store against the SHACL shapes in
``ontology/shapes.ttl`` with pySHACL.

Each report graph is validated on its own (:func:`validate_store`): its
triples are copied into an rdflib :class:`~rdflib.Graph` together with the
ontology graph, so that ``sh:class`` follows ``rdfs:subClassOf``.  A report
graph is self-contained (it types and labels every node it uses), so the
result is that of the union, and memory is bounded by the largest report
graph, not the store.  Violations found in several graphs (the same entity
named by two reports) are listed once.  rdflib is kept off the build's hot
path.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.namespace import SH, XSD

from kg.errors import DataError
from kg.resources import shipped_dir
from kg.rdf import vocab
from kg.rdf.store import KnowledgeStore
from kg.rdf.vocab import compact


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result.

    Attributes:
        focus: IRI (or blank node id) of the node that breaks a shape.
        path: the property path, an IRI, or None for a node-level result.
        message: what is wrong (the shape's ``sh:message`` or pySHACL's text).
        severity: ``Violation``, ``Warning`` or ``Info``.
        shape: the shape that was broken (IRI, or None for an anonymous one).
        value: the offending value, when there is one.
    """

    focus: str
    path: str | None
    message: str
    severity: str = "Violation"
    shape: str | None = None
    value: str | None = None

    def __str__(self) -> str:
        where = compact(self.focus) + (f" {compact(self.path)}" if self.path else "")
        value = f" (value: {compact(self.value)})" if self.value is not None else ""
        return f"{where}: {self.message}{value}"


def shapes_path() -> Path:
    """Path of ``ontology/shapes.ttl``."""
    return shipped_dir("ontology") / "shapes.ttl"


def load_shapes(path: Path | None = None) -> rdflib.Graph:
    """Parse the shapes file. Raises DataError when it is missing or broken."""
    path = path or shapes_path()
    try:
        return rdflib.Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as e:
        raise DataError(f"{path}: cannot read SHACL shapes: {e}") from None
    except Exception as e:  # rdflib raises its own parser errors
        raise DataError(f"{path}: cannot read SHACL shapes: {e}") from None


def to_rdflib(term):
    """Convert a pyoxigraph term to the equal rdflib term."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise TypeError(f"cannot convert {term!r} to rdflib")


def store_graph(store: KnowledgeStore) -> rdflib.Graph:
    """The union of every graph of ``store`` (reports and ontology) as one
    rdflib Graph; triples held by several named graphs appear once."""
    g = rdflib.Graph()
    for q in store.quads():
        g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return g


def validate_graph(data: rdflib.Graph, shapes: rdflib.Graph | None = None) -> list[Violation]:
    """Validate ``data`` against ``shapes`` (default: the shipped shapes).

    Returns the results sorted by focus node, path and message (empty when
    the graph conforms).  No inference is run: ``sh:class`` uses the
    ``rdfs:subClassOf`` triples present in ``data``.
    """
    from pyshacl import validate as shacl_validate

    shapes = shapes if shapes is not None else load_shapes()
    _conforms, results, _report = shacl_validate(
        data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True
    )
    out = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        one = partial(results.value, result)
        severity = one(SH.resultSeverity)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        out.append(
            Violation(
                focus=str(one(SH.focusNode)),
                path=_text(one(SH.resultPath)),
                message="; ".join(messages) or "shape not satisfied",
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                shape=_text(one(SH.sourceShape)),
                value=_value_text(one(SH.value)),
            )
        )
    return sorted(set(out), key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))


def validate_store(store: KnowledgeStore, shapes: rdflib.Graph | None = None, progress=None) -> list[Violation]:
    """Validate every graph of ``store`` against the SHACL shapes, one
    graph at a time (each with the ontology graph): the report graphs, any
    other named graph, and the default graph when it holds triples.

    Returns the violations sorted as :func:`validate_graph` does, each
    once.  ``progress(done, total)``, when given, is called after each
    graph.  Memory: one graph's triples at a time.
    """
    shapes = shapes if shapes is not None else load_shapes()
    ontology_iri = ox.NamedNode(vocab.ONTOLOGY_GRAPH)
    ontology = [_triple(q) for q in store.quads(ontology_iri)]
    units = [
        sol["g"]
        for sol in store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } } ORDER BY ?g")
        if sol["g"] != ontology_iri
    ]
    if next(iter(store.quads(ox.DefaultGraph())), None) is not None:
        units.append(ox.DefaultGraph())
    found: set[Violation] = set()
    for i, graph in enumerate(units, 1):
        data = rdflib.Graph()
        for t in ontology:
            data.add(t)
        for q in store.quads(graph):
            data.add(_triple(q))
        found.update(validate_graph(data, shapes))
        if progress is not None:
            progress(i, len(units))
    return sorted(found, key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))


def _triple(q: ox.Quad) -> tuple:
    return (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))


def _value_text(term) -> str | None:
    """An offending value as shown to a user: a literal in quotes (with its
    datatype unless it is a plain string), an IRI as is."""
    if isinstance(term, rdflib.Literal):
        dt = f"^^{compact(str(term.datatype))}" if term.datatype and term.datatype != XSD.string else ""
        return f'"{term}"{dt}'
    return _text(term)


def _text(term) -> str | None:
    """String of an IRI or literal; None for None and blank nodes."""
    if term is None or isinstance(term, rdflib.BNode):
        return None
    return str(term)


__all__ = ["Violation", "load_shapes", "shapes_path", "store_graph", "to_rdflib", "validate_graph", "validate_store"]
