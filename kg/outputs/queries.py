"""Named SPARQL queries (``queries/*.rq``) and the questions PaperKG answers.

Every user-supplied value reaches SPARQL as a bound parameter
(pyoxigraph substitutions), never pasted into query text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg import link

from kg.rdf import vocab
from kg.errors import QueryError
from kg.resources import shipped_dir
from kg.rdf.store import KnowledgeStore


@dataclass
class Table:
    """Query answer as plain Python: column names and rows of strings/None."""

    columns: list[str]
    rows: list[list[str | None]]
    #: False when a limit left rows out
    complete: bool = True


def query_names() -> list[str]:
    """Names of the shipped queries (file stems in ``queries/``)."""
    return sorted(p.stem for p in shipped_dir("queries").glob("*.rq"))


def resolve_query(text_or_name: str) -> str:
    """Return SPARQL text for ``kg query``'s argument.

    Accepts inline SPARQL, a path to a ``.rq`` or ``.sparql`` file, or the
    name of a file in ``queries/`` (with or without ``.rq``).  Raises
    QueryError when it is none of these, or the file cannot be read.
    """
    arg = text_or_name.strip()
    path = Path(arg)
    shipped = shipped_dir("queries") / path.name
    if arg.endswith((".rq", ".sparql")) and "\n" not in arg:
        if not _is_file(path) and "/" not in arg and _is_file(shipped):
            path = shipped
        elif not _is_file(path):
            raise QueryError(f"{arg}: no such query file (known queries: {', '.join(query_names())})")
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise QueryError(f"{arg}: cannot read the query: {e}") from None
    named = shipped_dir("queries") / (arg if arg.endswith(".rq") else arg + ".rq")
    if "\n" not in arg and _is_file(named):
        return named.read_text(encoding="utf-8")
    from kg.serve.query_guard import first_keyword

    if first_keyword(arg) in ("ADD", "MOVE", "COPY", "WITH") or any(
        w in arg.upper()
        for w in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "INSERT", "DELETE", "DROP", "CLEAR", "LOAD", "CREATE")
    ):
        return arg
    raise QueryError(
        f"'{arg}' is neither SPARQL, a .rq file, nor a query in queries/ (known: {', '.join(query_names())})"
    )


def _is_file(path: Path) -> bool:
    """``path.is_file()``, False for a name the system refuses (too long, NUL)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def is_update(sparql: str) -> bool:
    """True when ``sparql`` is a SPARQL Update (it would change the store)."""
    body = "\n".join(
        ln for ln in sparql.splitlines() if not ln.strip().startswith(("#", "PREFIX", "prefix", "BASE", "base"))
    )
    first = body.strip().split(None, 1)[0].upper() if body.strip() else ""
    return first in {"INSERT", "DELETE", "DROP", "CLEAR", "LOAD", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    _XSD + t
    for t in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    )
}
_REALS = {_XSD + t for t in ("decimal", "double", "float")}
_BOOLEAN = _XSD + "boolean"


class Cell(str):
    """A table cell: the lexical form of a literal (a ``str``), which keeps
    its RDF datatype IRI in ``datatype`` so that JSON output can type it
    (:func:`json_value`)."""

    datatype: str | None = None


def cell(term) -> str | None:
    """Table value of an RDF term: None when unbound, a :class:`Cell` for
    a typed literal (not a plain or language-tagged string), else a str."""
    if term is None:
        return None
    if isinstance(term, ox.Literal) and not term.language and term.datatype.value != _XSD + "string":
        c = Cell(term.value)
        c.datatype = term.datatype.value
        return c
    return term.value


def json_value(value):
    """The JSON value of a table cell: a number for xsd:integer/decimal/
    double/float literals (a non-finite or malformed one stays a string),
    a boolean for xsd:boolean, None for an unbound cell, else the string."""
    dt = getattr(value, "datatype", None)
    try:
        if dt in _INTEGERS:
            return int(value)
        if dt in _REALS:
            number = float(value)
            return number if math.isfinite(number) else str(value)
    except ValueError:
        return str(value)
    if dt == _BOOLEAN:
        return value.strip() in ("true", "1")
    return None if value is None else str(value)


def run_select(store: KnowledgeStore, sparql: str, bindings: dict | None = None) -> Table:
    """Run a SELECT (or ASK) query and return a :class:`Table`.

    Raises QueryError for CONSTRUCT/DESCRIBE (use export) or bad SPARQL.
    """
    return result_table(store.query(sparql, bindings))


def result_table(result) -> Table:
    """A :class:`Table` of a pyoxigraph query result (solutions or boolean,
    e.g. parsed from SPARQL results JSON).  Raises QueryError for a graph."""
    if isinstance(result, ox.QueryBoolean):
        return Table(["answer"], [[cell(ox.Literal(bool(result)))]])
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT and ASK queries print tables; use 'kg export' for graphs")
    cols = [v.value for v in result.variables]
    try:  # solutions are computed while iterating: evaluation errors surface here
        rows = [[cell(sol[c]) for c in cols] for sol in result]
    except (OSError, RuntimeError, ValueError) as e:
        raise QueryError(f"SPARQL evaluation failed: {e}") from None
    return Table(cols, rows)


def resolve_entity(store: KnowledgeStore, name: str) -> list[ox.NamedNode]:
    """Entity IRIs a user's ``name`` refers to, through the linker's keys
    and the graph's ``rdfs:label``/``skos:altLabel`` aliases.

    ``GPT-4o``, ``gpt4o`` and ``GPT 4o`` all resolve to the same node.  An
    entity matches when its IRI is that of a key of ``name`` (and it has a
    label), or when one of its labels folds (:func:`kg.link.fold`) like
    ``name`` or one of its keys.  Only the entities that can match are
    looked up (index lookups, not a scan of every label): those of the keys,
    and those whose labels the extractor builds from another key (a device
    name with its English device word, ``Manus data glove``; a sensor as
    written, ``RGB-D相机``).
    """
    keys, wanted = name_keys(name)
    key_iris = {link.entity_iri(k) for k in keys}
    found = []
    candidates = [*sorted(keys), *sorted(wanted - keys), *_label_owner_keys(name)]
    for iri in dict.fromkeys(link.entity_iri(k) for k in candidates):
        node = ox.NamedNode(iri)
        labels = _names_of(store, node)
        if labels and (iri in key_iris or any(link.fold(label) in wanted for label in labels)):
            found.append(node)
    # names that fold to another key than their entity's ('Real-Time Chunking' of RTC) are
    # indexed by kg:matchKey
    for folded in sorted(wanted):
        for node in store.subjects(vocab.MATCH_KEY, ox.Literal(folded)):
            if isinstance(node, ox.NamedNode) and node not in found:
                found.append(node)
    return found


_NAMES_OF = "SELECT DISTINCT ?s ?name WHERE { { ?s rdfs:label ?name } UNION { ?s skos:altLabel ?name } }"


def _names_of(store: KnowledgeStore, node: ox.NamedNode) -> list[str]:
    """Distinct ``rdfs:label`` and ``skos:altLabel`` values of ``node``.  A
    well-known entity is labelled in every report graph that names it
    (thousands on a large store); SPARQL's DISTINCT works on encoded terms,
    so only the distinct names are decoded, not one copy per graph."""
    return [sol["name"].value for sol in store.query(_NAMES_OF, {"s": node})]


def name_keys(name: str) -> tuple[set[str], set[str]]:
    """(keys, wanted) of a user's entity name: the linking keys it may
    have (plain, as hardware, its gazetteer entry's), and those keys plus
    its folded form, which a label must fold to for its entity to match."""
    keys = {link.entity_key(name), link.entity_key(name, hardware=True)}
    from kg.resources import gazetteer  # JSON only: no spaCy import

    entry = gazetteer().lookup(name)
    if entry is not None:
        keys.add(entry.key)
    return keys, {link.fold(name)} | keys


def _label_owner_keys(name: str) -> list[str]:
    """Keys of entities that may carry ``name`` as a label although ``name``
    folds to another key: ``Manus data glove`` (a device name followed by
    the English word of its device cue, see :mod:`kg.extract.hardware_use`)
    belongs to ``manus``; ``RGB-D相机`` (a sensor, named ``RGB-D camera``) to
    ``rgbdcamera``."""
    from kg.resources import pattern_group  # JSON only

    pats = pattern_group("hardware")
    folded = link.fold(name)
    keys = []
    for word in sorted(set(pats["device_translation"].values())):
        w = link.fold(word)
        if w and folded.endswith(w) and len(folded) > len(w):
            keys.append(link.entity_key(folded[: -len(w)], hardware=True))
    for m in _sensor_re().finditer(name):
        keys.append(
            link.entity_key(
                link.sensor_name(m.group("kind"), m.group("device"), pats["device_translation"]), hardware=True
            )
        )
    return keys


@lru_cache(maxsize=1)
def _sensor_re() -> re.Pattern:
    from kg.nlp.cues import sensor_regex
    from kg.resources import pattern_group

    return sensor_regex(pattern_group("hardware"))


def beats(store: KnowledgeStore, name: str, limit: int | None = None, evidence: bool = True) -> Table:
    """Who beats ``name``: one row per comparison whose loser is ``name``
    (any entity ``name`` resolves to through its aliases).

    Columns: winner, benchmark, metric, winner_score, loser_score, paper,
    title, evidence, file, line; sorted by winner, winner score (highest
    first), paper, line.  The rows are those of ``queries/beats.rq`` with
    ``?loser`` bound, read by index lookups (:mod:`kg.outputs.beats`); with ``limit``
    at most that many are read (a sample, see :mod:`kg.outputs.beats`) and
    ``Table.complete`` says whether any were left out.  Without
    ``evidence`` the evidence, file and line columns are None (fewer reads).
    """
    from kg.outputs.beats import COLUMNS, beats_rows
    from kg.outputs.beats_claims import fold_claims

    b = fold_claims(store, beats_rows(store, resolve_entity(store, name), limit, evidence))
    return Table(list(COLUMNS), [list(r) for r in b.rows], b.complete)


_VARNAME = re.compile(
    r"[A-Za-z_0-9\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF"
    r"\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF"
    r"\uF900-\uFDCF\uFDF0-\uFFFD]+"
)


def parse_bindings(store: KnowledgeStore, binds) -> dict:
    """``kg query --bind VAR=VALUE`` options (strings) as pyoxigraph
    substitutions ``{var: term}``: an IRI for a value starting with
    http(s)://, else the entity the name resolves to
    (:func:`resolve_entity`), else a literal.  Raises QueryError naming the
    bad option (no ``=``, a bad variable name, an invalid IRI)."""
    bindings = {}
    for b in binds:
        var, sep, value = b.partition("=")
        var = var.strip().lstrip("?$")
        if not sep:
            raise QueryError(f"--bind expects VAR=VALUE, got '{b}'")
        if not _VARNAME.fullmatch(var):
            raise QueryError(
                f"--bind '{b}': '{var}' is not a SPARQL variable name (letters, digits and _, e.g. --bind loser=GPT-4o)"
            )
        if value.startswith(("http://", "https://")):
            try:
                bindings[var] = ox.NamedNode(value)
            except ValueError as e:
                raise QueryError(
                    f"--bind '{b}': '{value}' is not a valid IRI ({e}); percent-encode spaces as %20"
                ) from None
        else:
            iris = resolve_entity(store, value)
            bindings[var] = iris[0] if iris else ox.Literal(value)
    return bindings
