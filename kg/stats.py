"""Summaries of a store: class counts, rankings, and one paper's facts."""
from __future__ import annotations

import re

import pyoxigraph as ox

from kg.errors import QueryError
from kg.queries import Table, run_select
from kg.store import KnowledgeStore

_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?count) WHERE {
  VALUES ?c { kg:Paper kg:Report kg:Model kg:Method kg:Dataset kg:Benchmark kg:Metric
              kg:Accelerator kg:Device kg:ResearchField kg:Comparison kg:Evidence foaf:Person }
  ?s a ?c . BIND(REPLACE(STR(?c), "^.*[#/]", "") AS ?class)
} GROUP BY ?class ORDER BY DESC(?count)"""

_MOST_COMPARED = """
SELECT (MIN(?label) AS ?model) (COUNT(DISTINCT ?c) AS ?comparisons)
       (COUNT(DISTINCT ?won) AS ?wins) (COUNT(DISTINCT ?lost) AS ?losses) WHERE {
  { ?c a kg:Comparison ; kg:winner ?e BIND(?c AS ?won) }
  UNION { ?c a kg:Comparison ; kg:loser ?e BIND(?c AS ?lost) }
  ?e rdfs:label ?label .
} GROUP BY ?e ORDER BY DESC(?comparisons) ?model LIMIT %d"""

_BENCHMARKS = """
SELECT (MIN(?label) AS ?benchmark) (COUNT(DISTINCT ?p) AS ?papers) WHERE {
  ?p kg:usesDataset|kg:proposes ?d . { ?d a kg:Dataset } UNION { ?d a kg:Benchmark }
  ?d rdfs:label ?label .
} GROUP BY ?d ORDER BY DESC(?papers) ?benchmark LIMIT %d"""

_HARDWARE = """
SELECT (MIN(?label) AS ?hardware) (COUNT(DISTINCT ?p) AS ?papers) WHERE {
  ?p kg:usesHardware ?h . ?h rdfs:label ?label .
} GROUP BY ?h ORDER BY DESC(?papers) ?hardware LIMIT %d"""


def store_stats(store: KnowledgeStore, top: int = 10) -> list[tuple[str, Table]]:
    """Titled tables: counts per class, most-compared models, most-used
    benchmarks/datasets and hardware (``top`` rows each)."""
    top = max(1, int(top))
    return [
        ("Counts per class", run_select(store, _COUNTS)),
        ("Most-compared models", run_select(store, _MOST_COMPARED % top)),
        ("Most-used datasets and benchmarks", run_select(store, _BENCHMARKS % top)),
        ("Most-used hardware", run_select(store, _HARDWARE % top)),
    ]


_PAPER = """
SELECT DISTINCT ?paper ?id ?title ?url ?file ?date WHERE {
  ?paper a kg:Paper ; kg:arxivId ?id .
  OPTIONAL { ?paper dcterms:title ?title } OPTIONAL { ?paper schema:url ?url }
  OPTIONAL { ?paper kg:reportedIn ?r . ?r kg:fileName ?file OPTIONAL { ?r dcterms:date ?date } }
}"""

_ENTITIES = """
SELECT ?paper ?relation (MIN(?label) AS ?entity) (MIN(?cls) AS ?class) WHERE {
  ?paper ?rel ?e . ?e rdfs:label ?label ; a ?c .
  VALUES ?rel { kg:proposes kg:usesModel kg:usesMethod kg:usesDataset kg:usesHardware }
  BIND(STRAFTER(STR(?rel), "#") AS ?relation) BIND(STRAFTER(STR(?c), "#") AS ?cls)
} GROUP BY ?paper ?relation ?e ORDER BY ?relation ?entity"""

_HW = """
SELECT DISTINCT ?paper ?hardware ?count ?line ?evidence WHERE {
  ?paper kg:hardwareUsage ?u . ?u kg:hardware/rdfs:label ?hardware .
  OPTIONAL { ?u kg:count ?count }
  OPTIONAL { ?u kg:evidence ?ev . ?ev kg:line ?line ; kg:quote ?evidence }
} ORDER BY ?hardware"""

_CMP = """
SELECT DISTINCT ?paper ?winner ?loser ?dataset ?metric ?winnerScore ?loserScore ?line ?evidence WHERE {
  ?c a kg:Comparison ; prov:hadPrimarySource ?paper ; kg:winner/rdfs:label ?winner ;
     kg:loser/rdfs:label ?loser .
  OPTIONAL { ?c kg:onDataset/rdfs:label ?dataset } OPTIONAL { ?c kg:metric/rdfs:label ?metric }
  OPTIONAL { ?c kg:winnerScore ?winnerScore } OPTIONAL { ?c kg:loserScore ?loserScore }
  OPTIONAL { ?c kg:evidence ?ev . ?ev kg:line ?line ; kg:quote ?evidence }
} ORDER BY ?line ?winner ?loser"""


def paper_facts(store: KnowledgeStore, arxiv_id: str) -> list[tuple[str, Table]]:
    """Titled tables of what the graph holds about paper ``arxiv_id``
    (a version suffix such as ``v2`` is ignored).  Raises QueryError when
    the paper is not in the store."""
    bare = re.sub(r"v\d+$", "", arxiv_id.strip())
    info = run_select(store, _PAPER, {"id": ox.Literal(bare)})
    if not info.rows:
        raise QueryError(f"paper {bare} is not in the store")
    paper = ox.NamedNode(info.rows[0][0])

    def drop_first(t: Table) -> Table:
        return Table(t.columns[1:], [r[1:] for r in t.rows])

    out = [("Paper", drop_first(info))]
    for title, q in (("Entities", _ENTITIES), ("Hardware", _HW), ("Comparisons", _CMP)):
        out.append((title, drop_first(run_select(store, q, {"paper": paper}))))
    return out
