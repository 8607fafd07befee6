"""Mapping: extraction records -> RDF quads of one report's named graph.

The only module that knows the ontology's predicates (through
:mod:`kg.rdf.vocab`).  The graph is written as N-Quads text (formatting a line
costs far less than building a pyoxigraph ``Quad`` in Python); every IRI
is checked once by pyoxigraph and every literal escaped, so the text always
parses.

Graph shape (see ``ontology/paperkg.ttl`` for every term)::

    <paper> a kg:Paper ; kg:arxivId "2512.19995" ; dcterms:title "…" ;
        schema:url "…"^^xsd:anyURI ; kg:reportedIn <report> ;
        kg:proposes <e> ; kg:usesModel|usesMethod|usesDataset|usesHardware <e> ;
        kg:hardwareUsage <hu> ; dcterms:subject <field> ; dcterms:creator <person> .
    <e> a kg:Model ; rdfs:label "GPT-4o" ; skos:altLabel "gpt4o" .
    <c> a kg:Comparison ; prov:hadPrimarySource <paper> ; kg:winner <e1> ;
        kg:loser <e2> ; kg:onDataset <d> ; kg:metric <m> ;
        kg:winnerScore 90.2 ; kg:loserScore 84.8 ; kg:scoreUnit unit:PERCENT ;
        kg:evidence <ev> .
    <ev> a kg:Evidence ; kg:quote "…" ; dcterms:source <report> ; kg:line 42 .
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from pyoxigraph import NamedNode

from kg import link

from kg.rdf import vocab
from kg.memo import BoundedMemo
from kg.model import Report
from kg.model import Label

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# characters a literal is written with an escape for, as pyoxigraph's N-Quads
# serializer writes them (so the bytes are the same as ox.serialize's)
_ESCAPE_RE = re.compile(r'[\\"\x00-\x1f\x7f\ufffe\uffff]')
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _escape(m: re.Match) -> str:
    c = m.group()
    return _ESCAPES.get(c) or f"\\u{ord(c):04X}"


def report_name(path: str | Path, root: str | Path | None = None) -> str:
    """The report name of a report file (it names the report's graph, its
    report node and its ``kg:fileName``): ``path`` relative to the folder
    ``root`` it was found under, with ``/`` separators
    (``2026-01-13/report.txt``), or its file name when ``root`` is None or
    does not hold it.  See :mod:`kg.pipeline.sources`."""
    path = Path(path)
    if root is not None and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return path.name


@lru_cache(maxsize=1024)
def _quoted_name(name: str) -> str:
    """A report name as an IRI path: each ``/``-separated segment
    percent-encoded (a flat name is one segment)."""
    return "/".join(link.quote_segment(part) for part in name.split("/"))


def _checked_iri(value: str) -> str:
    NamedNode(value)  # ValueError for what is not an IRI
    return f"<{value}>"


#: the N-Quads term (``<value>``) of an IRI, checked once per distinct IRI
#: (ValueError when it is not one); every IRI the mapping writes comes from
#: here, so its N-Quads always parse.  Vocabulary and entity IRIs recur;
#: claim IRIs do not, hence the small bound.
_iri = BoundedMemo(_checked_iri, limit=20_000).__getitem__


def _literal(value: str, datatype: str | None = None) -> str:
    """The N-Quads term of a literal: ``"value"`` or ``"value"^^<datatype>``."""
    if _ESCAPE_RE.search(value):
        value = _ESCAPE_RE.sub(_escape, value)
    return f'"{value}"^^<{datatype}>' if datatype else f'"{value}"'


#: the N-Quads term of the entity with linking ``key`` (memoised: entities recur)
_entity = BoundedMemo(lambda key: _checked_iri(link.entity_iri(key))).__getitem__


def report_graph(name: str) -> NamedNode:
    """Named graph IRI of the report of report name ``name``
    (:func:`report_name`; one graph per name):
    ``https://w3id.org/paperkg/graph/report/2026-01-13/report.txt``."""
    return NamedNode(vocab.GRAPH + "report/" + _quoted_name(name))


def report_iri(name: str) -> NamedNode:
    """IRI of the report node (``kg:Report``) of report name ``name``."""
    return NamedNode(vocab.ID + "report/" + _quoted_name(name))


def name_of_graph(graph: str) -> str | None:
    """The report name of a report graph IRI (inverse of
    :func:`report_graph`), or None for another IRI."""
    prefix = vocab.GRAPH + "report/"
    if not graph.startswith(prefix):
        return None
    return "/".join(unquote(part) for part in graph[len(prefix) :].split("/"))


class GraphWriter:
    """Collects the N-Quads lines of one named graph, skipping exact
    duplicates.  Subjects and objects are N-Quads terms (``_iri``,
    :func:`_entity`, :func:`_literal`); predicates are IRIs of
    :mod:`kg.rdf.vocab`."""

    def __init__(self, graph: NamedNode):
        self.graph = _iri(graph.value)
        self._lines: dict[str, None] = {}  # insertion-ordered set

    def add(self, s: str, p: str, o: str) -> None:
        self._lines[f"{s} <{p}> {o} {self.graph} .\n"] = None

    def lit(self, s: str, p: str, value, datatype: str | None = None) -> None:
        if value is None or value == "":
            return
        self.add(s, p, _literal(str(value), datatype))

    def nquads(self) -> bytes:
        """The graph as N-Quads (UTF-8), one line per distinct quad."""
        return "".join(self._lines).encode()


def map_report(
    report: Report,
    records: list[dict],
    labels: dict[str, tuple[str, set[str]]] | None = None,
    name: str | None = None,
) -> bytes:
    """Return ``report``'s named graph as N-Quads (UTF-8 bytes, one line per
    distinct quad, no build fingerprint).

    Args:
        report: the parsed report (header, date, hash).
        records: one extraction record per paper (see :mod:`kg.extract.extractor`).
        labels: the report's entity labels (:class:`ReportLabels`) when
            ``records`` are one batch of its papers (the graph is then the
            union of the batches' N-Quads); default: from ``records``.
        name: the report name (:func:`report_name`); default: the file name
            of ``report.path``.

    Raises:
        ValueError: an IRI to write is not one (a source URL that is not an
            IRI is written as a literal instead).
    """
    name = report_name(report.path) if name is None else name
    w = GraphWriter(report_graph(name))
    rep = _iri(report_iri(name).value)
    w.add(rep, vocab.RDF_TYPE, _iri(vocab.REPORT))
    w.lit(rep, vocab.FILE_NAME, name)
    w.lit(rep, vocab.REPORT_FORMAT, report.format)
    w.lit(rep, vocab.CONTENT_HASH, report.sha256)
    if report.date and _DATE_RE.match(report.date):
        w.lit(rep, vocab.DC_DATE, report.date, vocab.XSD_DATE)
    if report.source_url:
        try:
            w.add(rep, vocab.DC_SOURCE, _iri(report.source_url))
        except ValueError:  # not an IRI: keep it as text
            w.lit(rep, vocab.DC_SOURCE, report.source_url)
    if labels is None:
        labels = ReportLabels(records).labels()
    for rec in records:
        _map_paper(_Paper(w, rep, name, rec["paper"]), rec, labels)
    return w.nquads()


class ReportLabels:
    """One label per entity key for the whole report: the name most papers
    use (ties: first seen); every other surface form becomes an alias.
    Fed with records in file order, in one go or batch by batch."""

    def __init__(self, records: list[dict] = ()):
        self._names: dict[str, Counter] = {}
        self._forms: dict[str, set[str]] = {}
        self.add(records)

    def add(self, records: list[dict]) -> None:
        for rec in records:
            for e in rec["entities"]:
                self._names.setdefault(e["key"], Counter())[e["name"]] += 1
                self._forms.setdefault(e["key"], set()).update([e["name"], *e["aliases"]])

    def labels(self) -> dict[str, tuple[str, set[str]]]:
        """entity key -> (label, aliases)."""
        out = {}
        for key, counter in self._names.items():
            label = counter.most_common(1)[0][0]
            out[key] = (label, self._forms[key] - {label})
        return out


class _Paper:
    """What the mapping of one paper's claims shares: the graph writer, the
    report node (N-Quads term), the report name (evidence IRIs are minted
    from it) and the paper's IRI and N-Quads term."""

    __slots__ = ("w", "rep", "name", "iri", "node")

    def __init__(self, w: GraphWriter, rep: str, name: str, meta: dict):
        self.w, self.rep, self.name = w, rep, name
        self.iri = link.paper_iri(meta["arxiv_id"], meta["title"])
        self.node = _iri(self.iri)

    def evidence(self, line: int, quote: str, section: str) -> str:
        """The evidence node of a claim (file line ``line``, ``quote``)."""
        w = self.w
        ev = _iri(link.claim_iri("evidence", self.name, line, quote))
        w.add(ev, vocab.RDF_TYPE, _iri(vocab.EVIDENCE))
        w.lit(ev, vocab.QUOTE, quote)
        w.add(ev, vocab.DC_SOURCE, self.rep)
        w.lit(ev, vocab.LINE, line, vocab.XSD_INTEGER)
        w.lit(ev, vocab.SECTION, section)
        return ev


def _map_paper(pc: _Paper, rec: dict, labels: dict[str, tuple[str, set[str]]]) -> None:
    """One extraction record: the paper node, then its entities, results,
    hardware and comparisons, each claim with its evidence (file line)."""
    _map_metadata(pc, rec)
    for e in rec["entities"]:
        _map_entity(pc, e, labels)
    for r in rec["results"]:
        _map_result(pc, r)
    for h in rec["hardware"]:
        _map_hardware(pc, h)
    for c in rec["comparisons"]:
        _map_comparison(pc, c)


def _map_metadata(pc: _Paper, rec: dict) -> None:
    """The paper node: title, arXiv id, URL, report, date, authors, fields."""
    w, paper, p = pc.w, pc.node, rec["paper"]
    w.add(paper, vocab.RDF_TYPE, _iri(vocab.PAPER))
    w.lit(paper, vocab.DC_TITLE, p["title"])
    w.lit(paper, vocab.ARXIV_ID, p["arxiv_id"])
    if p["url"]:
        w.lit(paper, vocab.SCHEMA_URL, p["url"], vocab.XSD_ANYURI)
    w.add(paper, vocab.REPORTED_IN, pc.rep)
    w.lit(paper, vocab.READ_FROM, p.get("read_from"))
    if p.get("published") and _DATE_RE.match(p["published"]):
        w.lit(paper, vocab.DC_ISSUED, p["published"], vocab.XSD_DATE)
    for name in p.get("authors", []):
        person = _iri(link.person_iri(name))
        w.add(paper, vocab.DC_CREATOR, person)
        w.add(person, vocab.RDF_TYPE, _iri(vocab.PERSON))
        w.lit(person, vocab.FOAF_NAME, name)
    for f in rec["fields"]:
        node = _iri(link.field_iri(f["label"]))
        w.add(paper, vocab.DC_SUBJECT, node)
        w.add(node, vocab.RDF_TYPE, _iri(vocab.RESEARCH_FIELD))
        w.lit(node, vocab.SKOS_PREF_LABEL, f["label"])


def _map_entity(pc: _Paper, e: dict, labels: dict[str, tuple[str, set[str]]]) -> None:
    """An entity mention: the entity (type, label, aliases, direction,
    family) and, unless a metric or a described baseline, the paper's link
    to it with evidence."""
    w, paper = pc.w, pc.node
    node = _entity(e["key"])
    w.add(node, vocab.RDF_TYPE, _iri(vocab.CLASS_OF_LABEL[e["type"]]))
    label, aliases = labels[e["key"]]
    w.lit(node, vocab.RDFS_LABEL, label)
    for alias in sorted(aliases):
        w.lit(node, vocab.SKOS_ALT_LABEL, alias)
    for folded in sorted({link.fold(n) for n in (label, *aliases)} - {e["key"], ""}):
        w.lit(node, vocab.MATCH_KEY, folded)  # an alias that folds to another key
    if "lower_is_better" in e:
        w.lit(node, vocab.LOWER_IS_BETTER, str(e["lower_is_better"]).lower(), vocab.XSD_BOOLEAN)
    if e["type"] == Label.MODEL:
        _map_family(w, node, label)
    if e["type"] == Label.METRIC or e["role"] == "compared":
        return  # metrics and described baselines are reached through comparisons and results
    prop = vocab.PROPOSES if e["role"] == "proposes" else vocab.USES_PROPERTY_OF_LABEL[e["type"]]
    w.add(paper, prop, node)
    link_node = _iri(link.claim_iri("link", pc.iri, e["key"]))
    w.add(link_node, vocab.RDF_TYPE, _iri(vocab.ENTITY_LINK))
    w.add(link_node, vocab.PROV_PRIMARY_SOURCE, paper)
    w.add(link_node, vocab.ENTITY_P, node)
    w.add(link_node, vocab.LINK_PROPERTY, _iri(prop))
    w.add(link_node, vocab.EVIDENCE_P, pc.evidence(e["line"], e["evidence"], e["section"]))


def _claim(pc: _Paper, kind: str, cls: str, key: tuple, dataset: str | None, metric: str | None) -> str:
    """The node of a claim of the paper (a result or a comparison): its IRI
    from ``kind`` and ``key``, its class, the paper as primary source, and
    the benchmark and metric it is measured on (when given)."""
    w = pc.w
    node = _iri(link.claim_iri(kind, pc.iri, *key))
    w.add(node, vocab.RDF_TYPE, _iri(cls))
    w.add(node, vocab.PROV_PRIMARY_SOURCE, pc.node)
    if dataset:
        w.add(node, vocab.ON_DATASET, _entity(dataset))
    if metric:
        w.add(node, vocab.METRIC_P, _entity(metric))
    return node


def _unit(unit: str | None) -> str:
    return _iri(vocab.UNIT_PERCENT if unit == "%" else vocab.UNIT_NUM)


def _map_result(pc: _Paper, r: dict) -> None:
    """A reported score: system, dataset, metric, value, unit, evidence."""
    w = pc.w
    key = (r["system"], r["dataset"], r["metric"], r["value"])
    node = _claim(pc, "result", vocab.RESULT, key, r["dataset"], r["metric"])
    w.add(node, vocab.SYSTEM, _entity(r["system"]))
    w.lit(node, vocab.VALUE, _decimal(r["value"]), vocab.XSD_DECIMAL)
    w.add(node, vocab.SCORE_UNIT, _unit(r["unit"]))
    w.lit(node, vocab.RAW_TEXT, r["raw"])
    w.add(node, vocab.EVIDENCE_P, pc.evidence(r["line"], r["evidence"], r["section"]))


def _map_hardware(pc: _Paper, h: dict) -> None:
    """A hardware usage: the hardware entity, the count, evidence."""
    w, paper = pc.w, pc.node
    hw = _entity(h["key"])
    usage = _iri(link.claim_iri("hardware-usage", pc.iri, h["key"]))
    w.add(paper, vocab.USES_HARDWARE, hw)
    w.add(paper, vocab.HARDWARE_USAGE_P, usage)
    w.add(usage, vocab.RDF_TYPE, _iri(vocab.HARDWARE_USAGE))
    w.add(usage, vocab.HARDWARE_P, hw)
    w.lit(usage, vocab.COUNT, h["count"], vocab.XSD_INTEGER)
    w.add(usage, vocab.EVIDENCE_P, pc.evidence(h["line"], h["evidence"], "usage"))


def _map_comparison(pc: _Paper, c: dict) -> None:
    """A comparison: winner, loser, dataset, metric, scores, unit, evidence."""
    w = pc.w
    key = (c["winner"], c["loser"], c["dataset"], c["metric"])
    node = _claim(pc, "comparison", vocab.COMPARISON, key, c["dataset"], c["metric"])
    w.add(node, vocab.WINNER, _entity(c["winner"]))
    w.add(node, vocab.LOSER, _entity(c["loser"]))
    for prop, score in ((vocab.WINNER_SCORE, "winner_score"), (vocab.LOSER_SCORE, "loser_score")):
        if c[score] is not None:
            w.lit(node, prop, _decimal(c[score]), vocab.XSD_DECIMAL)
    if c["winner_score"] is not None or c["loser_score"] is not None:
        w.add(node, vocab.SCORE_UNIT, _unit(c["unit"]))
    w.add(node, vocab.EVIDENCE_P, pc.evidence(c["line"], c["evidence"], c["section"]))


def _map_family(w: GraphWriter, node: str, label: str) -> None:
    """``Qwen2.5-VL-7B``: kg:family the ``Qwen2.5-VL`` node, kg:parameterCount 7
    (billions of parameters)."""
    split = link.model_family(label)
    if split is None:
        return
    family, billions = split
    fam = _entity(link.entity_key(family))
    if fam == node:
        return
    w.add(node, vocab.FAMILY, fam)
    w.lit(node, vocab.PARAMETER_COUNT, _decimal(billions), vocab.XSD_DECIMAL)
    w.add(fam, vocab.RDF_TYPE, _iri(vocab.MODEL))
    w.lit(fam, vocab.RDFS_LABEL, family)


def _decimal(x: float) -> str:
    """Canonical xsd:decimal lexical form of a score (``90.2``, ``7``)."""
    d = Decimal(repr(x)).normalize()
    s = format(d, "f")
    return s
