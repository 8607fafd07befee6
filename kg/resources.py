"""Packaged data files: gazetteers, cue-word patterns (one file per consumer), JSON Schemas, ontology.

Every data file is validated with jsonschema when loaded; a broken file
raises :class:`kg.errors.DataError` naming the file and the JSON path.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache, cache
from pathlib import Path

import jsonschema

from kg.errors import DataError
from kg.link import ascii_variant, entity_key, fold
from kg.model import Label

DATA = Path(__file__).parent / "data"
_ROOT = Path(__file__).parent.parent


def shipped_dir(name: str) -> Path:
    """Locate a top-level project folder (``ontology``, ``queries``).

    Looks inside the installed package first (wheels carry a copy as
    ``kg/_<name>``), then beside the package (editable installs, checkouts).
    Raises DataError when neither exists.
    """
    for cand in (Path(__file__).parent / f"_{name}", _ROOT / name):
        if cand.is_dir():
            return cand
    raise DataError(f"cannot find the '{name}' folder of PaperKG")


def ontology_path() -> Path:
    """Path of ``ontology/paperkg.ttl``."""
    return shipped_dir("ontology") / "paperkg.ttl"


@cache
def schema(name: str) -> dict:
    """Load the JSON Schema ``kg/data/schemas/<name>.schema.json``, with its
    local references (``{"$ref": "#/$defs/NAME"}``) inlined.

    Inlining keeps the meaning of the schema (the same instances are valid,
    with the same error messages) and makes validation about a third faster:
    jsonschema resolves a ``$ref`` on every use, once per array item.
    The result is cached: do not modify it.
    """
    return inline_refs(_read_json(DATA / "schemas" / f"{name}.schema.json"))


def inline_refs(doc: dict) -> dict:
    """Return a copy of a JSON Schema document whose ``#/$defs/NAME``
    references are replaced by the definitions they point to.

    A ``$ref`` with sibling keywords is merged with its definition when no
    keyword occurs in both; else the definition is appended to the node's
    ``allOf`` (the same meaning in draft 2020-12).  References to anything
    else, and recursive definitions, are kept as they are, and so is
    ``$defs`` then.
    """
    defs = doc.get("$defs", {})
    kept = False

    def walk(node, active: tuple[str, ...]):
        nonlocal kept
        if isinstance(node, list):
            return [walk(x, active) for x in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        name = ref[len("#/$defs/") :] if isinstance(ref, str) and ref.startswith("#/$defs/") else None
        if ref is not None and (name not in defs or name in active):
            kept = True  # not ours to inline (or recursive): jsonschema resolves it
            name = None
        out = {k: walk(v, active) for k, v in node.items() if k != "$defs" and not (name and k == "$ref")}
        if name:
            target = walk(defs[name], active + (name,))
            if not isinstance(target, dict) or set(target) & set(out):
                out["allOf"] = [*out.get("allOf", []), target]
            else:
                out.update(target)
        return out

    result = walk(doc, ())
    if kept and "$defs" in doc:
        result["$defs"] = doc["$defs"]
    return result


#: the one string format the schemas check: ``"format": "regex"`` marks a
#: regular expression, so a bad one is refused at load with its JSON path
_FORMATS = jsonschema.FormatChecker(formats=("regex",))


@cache
def validator(schema_name: str) -> jsonschema.protocols.Validator:
    """A draft 2020-12 validator of the packaged schema ``schema_name``
    (made once per process); strings marked ``"format": "regex"`` must
    compile as Python regular expressions."""
    return jsonschema.Draft202012Validator(schema(schema_name), format_checker=_FORMATS)


def load_validated(path: Path, schema_name: str) -> dict:
    """Read a JSON data file and validate it against a packaged schema.

    Raises DataError with the file name and the failing JSON path.
    """
    return validated(_read_json(path), schema_name, str(path))


def validated(data, schema_name: str, source: str):
    """Return ``data`` when it is valid against a packaged schema, else raise
    DataError naming ``source`` (a file name, or where in-memory data came
    from) and the failing JSON path."""
    err = jsonschema.exceptions.best_match(validator(schema_name).iter_errors(data))
    if err is not None:
        where = "/".join(str(p) for p in err.absolute_path) or "(top)"
        message = err.message
        if err.validator == "format" and err.validator_value == "regex":
            try:
                re.compile(err.instance)
            except re.error as e:
                message = f"not a valid regular expression: {e}"
        raise DataError(f"{source}: {where}: {message}")
    return data


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise DataError(f"{path}: cannot read data file: {e.strerror}") from e
    except json.JSONDecodeError as e:
        raise DataError(f"{path}:{e.lineno}: invalid JSON: {e.msg}") from e


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry.

    Attributes:
        name: canonical name (becomes ``rdfs:label``).
        type: ``Model``, ``Method``, ``Dataset``, ``Benchmark``, ``Metric``,
            ``Accelerator`` or ``Device``.
        lower_is_better: for metrics, True when a lower score wins.
        vendor: hardware vendor, else None.
        family: True when the entry names a model family, not one model.
    """

    name: str
    type: str
    lower_is_better: bool | None = None
    vendor: str | None = None
    family: bool = False

    @property
    def is_hardware(self) -> bool:
        """An accelerator or a device (see :class:`kg.model.Label`)."""
        return Label(self.type).is_hardware

    @property
    def key(self) -> str:
        """The entry's linking key (:func:`kg.link.entity_key`; a hardware
        name without its vendor: ``a100``)."""
        return entity_key(self.name, hardware=self.is_hardware)


_MISSING = object()


class Gazetteer:
    """Known names, looked up by their folded form.

    ``lookup(surface)`` returns the :class:`Entry` whose name or alias folds
    to the same key as ``surface`` (see :func:`kg.link.fold`), else None.
    ``is_generic(surface)`` tells whether a phrase is a generic term that
    must never become an entity (``LLM``, ``基线模型``); ``is_common_word``
    whether a single word is ordinary English (``Patch``).
    """

    FILES = ("models", "datasets", "metrics", "hardware")

    def __init__(self, entries: list[tuple[Entry, list[str]]], generic: list[str], common_words: list[str] = ()):
        self._by_key: dict[str, Entry] = {}
        self._surfaces: list[str] = []
        for entry, aliases in entries:
            for surface in [entry.name, *aliases]:
                self._surfaces.append(surface)
                for k in _lookup_keys(surface, entry.is_hardware):
                    self._by_key.setdefault(k, entry)
        self._generic = {fold(g) for g in generic}
        #: folded first words of the generic terms of two or more words ('cls' of 'CLS Token')
        self.generic_heads = frozenset(fold(g.split()[0]) for g in generic if len(g.split()) > 1)
        self._common = {w.casefold() for w in common_words}
        self._key_misses: dict[str, Entry | None] = {}  # lookup_key of keys not in _by_key
        self.max_tokens = 8

    @classmethod
    def load(cls, folder: Path | None = None) -> Gazetteer:
        """Load and validate ``kg/data/gazetteer/*.json``. Raises DataError."""
        folder = folder or DATA / "gazetteer"
        entries: list[tuple[Entry, list[str]]] = []
        for name in cls.FILES:
            data = load_validated(folder / f"{name}.json", "gazetteer")
            entries += map(_entry, data["entries"])
        generic = load_validated(folder / "generic.json", "generic")
        return cls(entries, generic["generic_terms"], generic.get("common_words", []))

    @classmethod
    def from_entries(
        cls, entries: list[dict], generic_terms: list[str] = (), common_words: list[str] = (), source: str = "entries"
    ) -> Gazetteer:
        """Build a gazetteer from entries written as in the gazetteer files
        (``{"name": "GPT-4o", "type": "Model", "aliases": ["GPT4o"]}``) and the
        lists of ``generic.json``. Raises DataError naming ``source`` and the
        JSON path of an invalid entry."""
        validated({"entries": list(entries)}, "gazetteer", source)
        return cls(list(map(_entry, entries)), list(generic_terms), list(common_words))

    def lookup_key(self, key: str) -> Entry | None:
        """Like :meth:`lookup` for an already folded surface (``gpt4o``)."""
        hit = self._by_key.get(key, _MISSING)
        if hit is _MISSING:
            hit = self._key_misses.get(key, _MISSING)
            if hit is _MISSING:
                if len(self._key_misses) >= 65_536:
                    self._key_misses.clear()  # bounded memory
                hit = self._key_misses[key] = self._lookup_hardware_key(key)
        return hit

    def _lookup_hardware_key(self, key: str) -> Entry | None:
        """The hardware entry of a key with a vendor in front (``nvidiaa100``)."""
        hit = self._by_key.get(entity_key(key, hardware=True))
        return hit if hit is not None and hit.is_hardware else None

    def keys_of_type(self, entry_type: str) -> set[str]:
        """Every lookup key (folded surface) of the entries of one type (``Metric``)."""
        return {k for k, e in self._by_key.items() if e.type == entry_type}

    def surfaces(self) -> list[str]:
        """Every name and alias (for building token indexes)."""
        return list(self._surfaces)

    def lookup(self, surface: str) -> Entry | None:
        """The entry whose name or alias folds like ``surface`` (``GPT 4o`` ->
        GPT-4o), also with a leading hardware vendor dropped; None if none."""
        k = fold(surface)
        hit = self._by_key.get(k)
        if hit is None:
            hit = self._by_key.get(entity_key(surface, hardware=True))
            if hit is not None and not hit.is_hardware:
                hit = None
        return hit

    def is_generic(self, surface: str) -> bool:
        """True when ``surface`` (or its singular) is a generic term of
        ``generic.json`` (``LLM``, ``Transformer``): never an entity alone."""
        k = fold(surface)
        return k in self._generic or k.rstrip("s") in self._generic

    def is_common_word(self, word: str) -> bool:
        """True for an ordinary English word that is never a name on its own
        (``Patch``, ``Latent``); it may still be part of a longer name."""
        return word.casefold() in self._common or word.casefold().rstrip("s") in self._common

    def entries(self) -> list[Entry]:
        """Every distinct entry (for statistics and tests)."""
        return list({id(e): e for e in self._by_key.values()}.values())


def _entry(e: dict) -> tuple[Entry, list[str]]:
    """(Entry, aliases) of one validated gazetteer entry."""
    return Entry(e["name"], e["type"], e.get("lower_is_better"), e.get("vendor"), bool(e.get("family"))), e.get(
        "aliases", []
    )


def _lookup_keys(surface: str, hardware: bool) -> set[str]:
    keys = {fold(surface)}
    if hardware:
        keys.add(entity_key(surface, hardware=True))
    keys |= {ascii_variant(k) for k in keys}
    return {k for k in keys if k}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The packaged gazetteer (loaded once per process)."""
    return Gazetteer.load()


#: the cue-word files of ``kg/data/patterns/``, one per consumer
PATTERN_GROUPS = ("comparison", "roles", "entity_typing", "hardware", "sections")


@cache
def pattern_group(group: str) -> dict:
    """One cue-word file, ``kg/data/patterns/<group>.json``, validated by
    ``schemas/patterns/<group>.schema.json`` (every key described and
    required, no other key allowed).

    Groups (:data:`PATTERN_GROUPS`): ``comparison`` (the comparison and
    result rules), ``roles`` (proposes / uses; a method applied to a base model, for ``kg beats``), ``entity_typing`` (typing
    a name by its head word or shape), ``hardware`` (accelerators, devices,
    counts), ``sections`` (section names and label words of the report
    layouts, :mod:`kg.read.section_words`).  Every regular expression (a
    string its schema marks ``"format": "regex"``: keys ending in ``_re``,
    label lists) is checked here, so a bad one is a DataError naming the
    file and JSON path, not a ``re.error`` in the middle of a build.  Raises DataError also for an
    unknown group, a missing file, invalid JSON or a schema violation."""
    if group not in PATTERN_GROUPS:
        raise DataError(f"unknown cue-word group '{group}' (known: {', '.join(PATTERN_GROUPS)})")
    return load_validated(DATA / "patterns" / f"{group}.json", f"patterns/{group}")


def check_regexes(data: dict, source: str) -> dict:
    """Return ``data`` when every value of a key ending in ``_re`` compiles
    as a regular expression (what the schemas check of the packaged files,
    for cue words given otherwise), else raise DataError naming ``source``
    and the key."""
    for key, value in data.items():
        if key.endswith("_re"):
            try:
                re.compile(value)
            except re.error as e:
                raise DataError(f"{source}: {key}: not a valid regular expression: {e}") from None
    return data


@lru_cache(maxsize=1)
def patterns() -> dict:
    """The cue words of every group in one dict, key -> list of cues,
    regular expression (``*_re``) or translation table; keys are unique
    across the files of ``kg/data/patterns/`` (see :func:`pattern_group`).
    Raises DataError as :func:`pattern_group` does, or when two files
    define the same key."""
    merged: dict = {}
    for group in PATTERN_GROUPS:
        for key, value in pattern_group(group).items():
            if key == "comment":
                continue
            if key in merged:
                raise DataError(f"{DATA / 'patterns' / (group + '.json')}: {key}: defined in another cue-word file too")
            merged[key] = value
    return merged


@cache
def sparql(name: str) -> str:
    """The text of the internal query ``kg/data/sparql/<name>.rq`` (the
    queries behind ``kg stats`` and ``kg show``; the user-facing ones are in
    ``queries/``).  Raises DataError when the file is missing."""
    path = DATA / "sparql" / f"{name}.rq"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as e:
        raise DataError(f"{path}: cannot read the query ({e.strerror})") from None
