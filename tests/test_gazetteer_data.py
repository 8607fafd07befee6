"""Checks on the gazetteer data files (kg/data/gazetteer/*.json).

The files are plain data; these tests keep them valid against their JSON
Schemas and free of collisions once names are normalised the way the
extractor normalises them (NFKC, casefold, drop spaces, '-', '_', '.').
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

DATA = Path(__file__).resolve().parent.parent / "kg" / "data"
GAZ = DATA / "gazetteer"
SCHEMAS = DATA / "schemas"

#: entity file -> the entry types it may hold
ENTITY_FILES: dict[str, set[str]] = {
    "models.json": {"Model", "Method"},
    "datasets.json": {"Dataset", "Benchmark"},
    "metrics.json": {"Metric"},
    "hardware.json": {"Accelerator", "Device"},
}


def norm(text: str) -> str:
    """Normalise a surface form: NFKC, casefold, remove spaces, '-', '_', '.'."""
    text = unicodedata.normalize("NFKC", text).casefold()
    for ch in " -_.":
        text = text.replace(ch, "")
    return text


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def entity_files() -> dict[str, list[dict]]:
    return {name: _load(GAZ / name)["entries"] for name in ENTITY_FILES}


@pytest.fixture(scope="module")
def all_entries(entity_files) -> list[tuple[str, dict]]:
    return [(fname, e) for fname, entries in entity_files.items() for e in entries]


@pytest.fixture(scope="module")
def generic_terms() -> list[str]:
    return _load(GAZ / "generic.json")["generic_terms"]


# --- schema validity ---------------------------------------------------------


def test_schemas_are_valid_draft_2020_12():
    for name in ("gazetteer.schema.json", "generic.schema.json"):
        Draft202012Validator.check_schema(_load(SCHEMAS / name))


@pytest.mark.parametrize("fname", sorted(ENTITY_FILES))
def test_entity_file_validates(fname):
    validator = Draft202012Validator(_load(SCHEMAS / "gazetteer.schema.json"))
    errors = sorted(validator.iter_errors(_load(GAZ / fname)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:20])


def test_generic_file_validates():
    validator = Draft202012Validator(_load(SCHEMAS / "generic.schema.json"))
    errors = list(validator.iter_errors(_load(GAZ / "generic.json")))
    assert not errors, "\n".join(e.message for e in errors[:20])


def test_schema_rejects_bad_entries():
    validator = Draft202012Validator(_load(SCHEMAS / "gazetteer.schema.json"))
    bad = [
        {"name": "FID", "type": "Metric", "aliases": []},  # no lower_is_better
        {"name": "A100", "type": "Accelerator", "aliases": []},  # no vendor
        {"name": "X", "type": "Gadget", "aliases": []},  # unknown type
        {"name": "X", "type": "Model", "aliases": ["a", "a"]},  # duplicate alias
        {"name": "X", "type": "Model", "aliases": [""]},  # empty alias
        {"name": "X", "type": "Model", "aliases": [], "extra": 1},  # unknown key
        {"name": "X", "type": "Model", "aliases": [], "vendor": "Y"},  # vendor on a model
        {"name": "X", "type": "Dataset", "aliases": [], "lower_is_better": True},
    ]
    for entry in bad:
        assert not validator.is_valid({"entries": [entry]}), entry


# --- file-level conventions --------------------------------------------------


@pytest.mark.parametrize("fname", sorted(ENTITY_FILES))
def test_types_belong_to_file(fname, entity_files):
    wrong = [e["name"] for e in entity_files[fname] if e["type"] not in ENTITY_FILES[fname]]
    assert not wrong, f"{fname}: entries of the wrong type: {wrong}"


@pytest.mark.parametrize("fname", sorted(ENTITY_FILES))
def test_sorted_by_name(fname, entity_files):
    names = [e["name"] for e in entity_files[fname]]
    assert names == sorted(names, key=lambda n: (n.casefold(), n))


def test_generic_terms_sorted_and_unique(generic_terms):
    assert generic_terms == sorted(generic_terms, key=lambda n: (n.casefold(), n))
    keys = [norm(t) for t in generic_terms]
    dups = sorted({k for k in keys if keys.count(k) > 1})
    assert not dups, f"generic terms duplicated after normalisation: {dups}"


# --- collisions after normalisation -------------------------------------------


def test_no_duplicate_names(all_entries):
    seen: dict[str, str] = {}
    dups = []
    for fname, e in all_entries:
        key = norm(e["name"])
        where = f"{e['name']} ({fname})"
        if key in seen:
            dups.append(f"{where} == {seen[key]}")
        else:
            seen[key] = where
    assert not dups, "duplicate names after normalisation:\n" + "\n".join(dups)


def test_aliases_do_not_collide(all_entries):
    owner: dict[str, int] = {}
    label: dict[int, str] = {}
    for i, (fname, e) in enumerate(all_entries):
        label[i] = f"{e['name']} ({fname})"
        owner[norm(e["name"])] = i
    clashes = []
    for i, (_fname, e) in enumerate(all_entries):
        for alias in e["aliases"]:
            key = norm(alias)
            assert key, f"{label[i]}: alias {alias!r} is empty after normalisation"
            other = owner.setdefault(key, i)
            if other != i:
                clashes.append(f"alias {alias!r} of {label[i]} == {label[other]}")
    assert not clashes, "\n".join(clashes)


def test_generic_terms_are_not_entities(all_entries, generic_terms):
    surface: dict[str, str] = {}
    for fname, e in all_entries:
        for text in [e["name"], *e["aliases"]]:
            surface.setdefault(norm(text), f"{e['name']} ({fname})")
    clashes = [f"{t!r} == {surface[norm(t)]}" for t in generic_terms if norm(t) in surface]
    assert not clashes, "generic terms that are also entity names/aliases:\n" + "\n".join(clashes)


# --- guards against merging distinct models -----------------------------------


@pytest.mark.parametrize(
    "first, second",
    [
        ("GPT-4", "GPT-4o"),
        ("GPT-4o", "GPT-4o-mini"),
        ("Qwen3-8B", "Qwen3-VL-8B"),
        ("Qwen2.5-7B", "Qwen2.5-VL-7B"),
        ("Wan2.1", "Wan2.2"),
        ("Claude 3.5 Sonnet", "Claude 3.7 Sonnet"),
        ("Gemini 2.5 Pro", "Gemini 2.5 Flash"),
        ("DeepSeek-V3", "DeepSeek-R1"),
        ("SAM", "SAM 2"),
        ("Llama-3-8B", "Llama-3.1-8B"),
    ],
)
def test_distinct_models_stay_distinct(first, second, entity_files):
    by_surface: dict[str, str] = {}
    for e in entity_files["models.json"]:
        for text in [e["name"], *e["aliases"]]:
            by_surface[norm(text)] = e["name"]
    assert norm(first) in by_surface, f"{first} missing"
    assert norm(second) in by_surface, f"{second} missing"
    assert by_surface[norm(first)] == first
    assert by_surface[norm(second)] == second
    assert by_surface[norm(first)] != by_surface[norm(second)]


def test_families_are_marked(entity_files):
    fam = {e["name"] for e in entity_files["models.json"] if e.get("family")}
    for name in ("Qwen2.5-VL", "Llama 3", "Gemini", "Claude", "Stable Diffusion", "InternVL3"):
        assert name in fam, f"{name} should be marked as a family"
    assert "GPT-4o" not in fam


def test_metric_directions(entity_files):
    lower = {e["name"]: e["lower_is_better"] for e in entity_files["metrics.json"]}
    for name in ("FID", "FVD", "LPIPS", "WER", "CER", "Perplexity", "Latency", "Chamfer Distance"):
        assert lower[name] is True, name
    for name in ("Accuracy", "F1", "BLEU", "PSNR", "SSIM", "mIoU", "Pass@1", "Success Rate"):
        assert lower[name] is False, name


def test_minimum_breadth(entity_files, generic_terms):
    counts: dict[str, int] = {}
    for entries in entity_files.values():
        for e in entries:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
    assert counts["Model"] + counts["Method"] >= 500
    assert counts["Dataset"] + counts["Benchmark"] >= 300
    assert counts["Metric"] >= 80
    assert counts["Accelerator"] + counts["Device"] >= 100
    assert 150 <= len(generic_terms) <= 500


def test_every_pattern_key_is_described_required_and_read_by_the_code():
    """Each cue-word file of kg/data/patterns/ has no dead key: every key is
    described and required by its schema (no other key allowed) and named
    somewhere in kg/ (a key nothing reads is deleted, not kept)."""
    import json

    from kg.resources import DATA, PATTERN_GROUPS

    files = sorted(p.stem for p in (DATA / "patterns").glob("*.json"))
    assert files == sorted(PATTERN_GROUPS)
    code = "".join(p.read_text(encoding="utf-8") for p in (DATA.parent).rglob("*.py"))
    for group in PATTERN_GROUPS:
        data = json.loads((DATA / "patterns" / f"{group}.json").read_text(encoding="utf-8"))
        schema = json.loads((DATA / "schemas" / "patterns" / f"{group}.schema.json").read_text(encoding="utf-8"))
        keys = set(data) - {"comment"}
        assert set(schema["required"]) == keys, group
        assert schema["additionalProperties"] is False
        assert all(schema["properties"][k].get("description") for k in keys), group
        unread = sorted(k for k in keys if f'"{k}"' not in code)
        assert not unread, f"keys of {group}.json no code reads: {unread}"


def test_a_bad_regular_expression_in_patterns_is_a_data_error(cue_words):
    import pytest

    from kg import resources
    from kg.errors import DataError

    cue_words("entity_typing", "model_size_re", "(unclosed")
    with pytest.raises(DataError, match=r"entity_typing.json: model_size_re: not a valid regular expression"):
        resources.patterns()


def test_an_unknown_key_in_a_cue_word_file_is_a_data_error(cue_words):
    """additionalProperties: false: a misspelt key is refused, naming the file."""
    import pytest

    from kg import resources
    from kg.errors import DataError

    cue_words("comparison", "wins", ["beats"])
    with pytest.raises(DataError, match=r"comparison.json: \(top\): Additional properties are not allowed"):
        resources.pattern_group("comparison")
