"""The ontology's terms and the IRI scheme, as Python constants.

Only :mod:`kg.rdf.mapping` and the query layer use these.  Every ``kg:`` term
named here must be declared in ``ontology/paperkg.ttl``; a test checks it.

IRI scheme (all stable across runs, derived from content, never random):

* papers:       ``https://w3id.org/paperkg/id/paper/<arxiv id>``
* entities:     ``https://w3id.org/paperkg/id/entity/<normalised name>``
* claims:       ``https://w3id.org/paperkg/id/comparison/<hash>`` (also
  ``result``, ``evidence``, ``hardware-usage``)
* fields:       ``https://w3id.org/paperkg/id/field/<normalised name>``
* people:       ``https://w3id.org/paperkg/id/person/<normalised name>``
* reports:      ``https://w3id.org/paperkg/id/report/<file name>``
* named graphs: ``https://w3id.org/paperkg/graph/report/<file name>`` (one per
  report file) and ``https://w3id.org/paperkg/graph/ontology``.
"""

from __future__ import annotations

from kg.model import Label

KG = "https://w3id.org/paperkg#"
ID = "https://w3id.org/paperkg/id/"
GRAPH = "https://w3id.org/paperkg/graph/"
ONTOLOGY_GRAPH = GRAPH + "ontology"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
SCHEMA = "http://schema.org/"
FOAF = "http://xmlns.com/foaf/0.1/"
FABIO = "http://purl.org/spar/fabio/"
MLS = "http://www.w3.org/ns/mls#"
QUDT = "http://qudt.org/schema/qudt/"
UNIT = "http://qudt.org/vocab/unit/"

#: Prefixes used in exports and queries (prefix -> namespace IRI).
PREFIXES: dict[str, str] = {
    "kg": KG,
    "kgid": ID,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "schema": SCHEMA,
    "foaf": FOAF,
    "fabio": FABIO,
    "mls": MLS,
    "qudt": QUDT,
    "unit": UNIT,
    # instance namespaces, so that exports read entity:gpt4o, paper:2512.19995
    "paper": ID + "paper/",
    "entity": ID + "entity/",
    "comparison": ID + "comparison/",
    "evidence": ID + "evidence/",
    "field": ID + "field/",
    "person": ID + "person/",
    "report": ID + "report/",
    "hwuse": ID + "hardware-usage/",
}

# --- classes -------------------------------------------------------------
PAPER = KG + "Paper"
REPORT = KG + "Report"
MODEL = KG + "Model"
METHOD = KG + "Method"
DATASET = KG + "Dataset"
BENCHMARK = KG + "Benchmark"
METRIC = KG + "Metric"
HARDWARE = KG + "Hardware"
ACCELERATOR = KG + "Accelerator"
DEVICE = KG + "Device"
RESEARCH_FIELD = KG + "ResearchField"
COMPARISON = KG + "Comparison"
HARDWARE_USAGE = KG + "HardwareUsage"
EVIDENCE = KG + "Evidence"
RESULT = KG + "Result"
ENTITY_LINK = KG + "EntityLink"
PERSON = FOAF + "Person"

#: extraction label -> class IRI (``kg:<label>``)
CLASS_OF_LABEL: dict[str, str] = {label: KG + label.value for label in Label}

# --- properties ----------------------------------------------------------
ARXIV_ID = KG + "arxivId"
REPORTED_IN = KG + "reportedIn"
READ_FROM = KG + "readFrom"
PROPOSES = KG + "proposes"
USES_MODEL = KG + "usesModel"
USES_METHOD = KG + "usesMethod"
USES_DATASET = KG + "usesDataset"
USES_HARDWARE = KG + "usesHardware"
HARDWARE_USAGE_P = KG + "hardwareUsage"
HARDWARE_P = KG + "hardware"
COUNT = KG + "count"
WINNER = KG + "winner"
LOSER = KG + "loser"
ON_DATASET = KG + "onDataset"
METRIC_P = KG + "metric"
WINNER_SCORE = KG + "winnerScore"
LOSER_SCORE = KG + "loserScore"
SCORE_UNIT = KG + "scoreUnit"
LOWER_IS_BETTER = KG + "lowerIsBetter"
MATCH_KEY = KG + "matchKey"
EVIDENCE_P = KG + "evidence"
QUOTE = KG + "quote"
LINE = KG + "line"
SECTION = KG + "section"
SYSTEM = KG + "system"
VALUE = KG + "value"
RAW_TEXT = KG + "rawText"
FAMILY = KG + "family"
PARAMETER_COUNT = KG + "parameterCount"
ENTITY_P = KG + "entity"
LINK_PROPERTY = KG + "linkProperty"
CONTENT_HASH = KG + "contentHash"
REPORT_FORMAT = KG + "reportFormat"
FILE_NAME = KG + "fileName"

RDF_TYPE = RDF + "type"
RDFS_LABEL = RDFS + "label"
SKOS_ALT_LABEL = SKOS + "altLabel"
SKOS_PREF_LABEL = SKOS + "prefLabel"
DC_TITLE = DCTERMS + "title"
DC_DATE = DCTERMS + "date"
DC_ISSUED = DCTERMS + "issued"
DC_CREATOR = DCTERMS + "creator"
DC_SUBJECT = DCTERMS + "subject"
DC_SOURCE = DCTERMS + "source"
SCHEMA_URL = SCHEMA + "url"
FOAF_NAME = FOAF + "name"
PROV_PRIMARY_SOURCE = PROV + "hadPrimarySource"
UNIT_PERCENT = UNIT + "PERCENT"
UNIT_NUM = UNIT + "NUM"

#: uses-property for an entity label (metrics have none)
USES_PROPERTY_OF_LABEL: dict[str, str] = {
    Label.MODEL: USES_MODEL,
    Label.METHOD: USES_METHOD,
    Label.DATASET: USES_DATASET,
    Label.BENCHMARK: USES_DATASET,
    Label.ACCELERATOR: USES_HARDWARE,
    Label.DEVICE: USES_HARDWARE,
}

XSD_DECIMAL = XSD + "decimal"
XSD_INTEGER = XSD + "integer"
XSD_DATE = XSD + "date"
XSD_BOOLEAN = XSD + "boolean"
XSD_ANYURI = XSD + "anyURI"


def kg_terms() -> set[str]:
    """Return every ``kg:`` IRI defined in this module (for the ontology test)."""
    return {v for k, v in globals().items() if k.isupper() and isinstance(v, str) and v.startswith(KG) and v != KG}


def compact(iri: str) -> str:
    """``prefix:local`` form of an IRI under :data:`PREFIXES` (longest
    namespace wins), or the IRI unchanged; for display only."""
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None or "/" in iri[len(best) :] or "#" in iri[len(best) :]:
        return iri
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best) :]}"


# --- build bookkeeping (written by kg.pipeline.build, not by kg.rdf.mapping) ----------
#: ``<report> kg:buildFingerprint "…"``: hash of the file's bytes and of the
#: extractor (version, code, data files) that built the report's graph.
BUILD_FINGERPRINT = KG + "buildFingerprint"
