"""Tests that try to break the build: every bad input gets a clear
``file:line: message`` and costs nothing else; builds are idempotent and
incremental; a build killed at any moment, two builds at once, or a build run
twice leave the same quads as one clean build; readers survive arbitrary and
mutated reports (hypothesis)."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from kg import link

from kg.pipeline import filegraph

from kg.rdf import vocab
from kg.cli import main
from kg.errors import SourceError
from kg.rdf.mapping import report_graph
from kg.pipeline.build import build
from kg.outputs.queries import run_select
from kg.read import MAX_LINE_CHARS, no_paper_message, parse_report, read_report
from kg.rdf.store import KnowledgeStore

from conftest import ROOT, SEEDS, child_env, store_held_by_another_process

SMALL = SEEDS / "000_3d92274d0f9505a7.txt"  # Hugging Face layout, 7 papers
ARXIV = SEEDS / "004_598ffdc448aaeccc.txt"  # arXiv CV layout, 10 papers
SMALL_TEXT = SMALL.read_text(encoding="utf-8")
IN_USE = "store is in use by another process (another 'kg' command is running); try again when it ends"


@pytest.fixture()
def run():
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def graph_quads(store: KnowledgeStore, path) -> set:
    return set(store.quads(report_graph(Path(path).name)))


def copy_seed(src: Path, dest: Path, text: str | None = None) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    if text is None:
        shutil.copyfile(src, dest)
    else:
        dest.write_text(text, encoding="utf-8")
    return dest


# ---------------------------------------------------------------------------
# Bad input: one CLI test each, message checked
# ---------------------------------------------------------------------------


def build_dir_with(tmp_path, name: str, data: bytes) -> tuple[Path, Path]:
    """A folder holding a good report and one bad file ``name``."""
    folder = tmp_path / "reports"
    copy_seed(SMALL, folder / "good.txt")
    bad = folder / name
    bad.write_bytes(data)
    return folder, bad


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "{bad}: empty file"),
        ("blank.txt", b"\n  \n\t\n", "{bad}: empty file"),
        (
            "binary.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "{bad}:3: binary file, not a text report (NUL byte at line 3)",
        ),
        (
            "latin1.txt",
            "# Hugging Face Daily Papers Report\n**Date**: 2025-12-28\ncafé\n".encode("latin-1"),
            "{bad}:3: not UTF-8 text (invalid byte 0xe9 at line 3)",
        ),
        (
            "utf16.txt",
            "# Hugging Face Daily Papers Report\n".encode("utf-16"),
            "{bad}:1: not UTF-8 text (UTF-16 byte order mark)",
        ),
        (
            "notes.md",
            b"# Meeting notes\n\n- nothing to see\n",
            "{bad}: " + no_paper_message().replace("{", "{{").replace("}", "}}"),
        ),
    ],
)
def test_unreadable_file_is_reported_skipped_and_the_rest_built(run, tmp_path, name, data, message):
    folder, bad = build_dir_with(tmp_path, name, data)
    # the bad file named as well as its folder: an empty file or one without a paper that is
    # only found in a folder is skipped with a warning instead (tests/test_cli.py)
    r = run("build", folder, bad, "--store", tmp_path / "s", "-q")
    assert r.exit_code == 1
    assert f"error: {message.format(bad=bad)}\n" in r.output
    assert "Traceback" not in r.output
    assert "built 1 report(s) into" in r.output and "7 papers" in r.output and "1 error(s)" in r.output


def test_file_over_the_size_limit_is_refused_and_max_size_raises_it(run, tmp_path):
    folder = tmp_path / "reports"
    copy_seed(SMALL, folder / "good.txt")
    huge = folder / "huge.txt"
    with open(huge, "wb") as f:  # sparse: 100 MB without using the disk
        f.truncate(100 * 1024 * 1024)
    r = run("build", folder, "--store", tmp_path / "s", "-q")
    assert r.exit_code == 1
    assert (
        f"error: {huge}: file too large (100 MB, limit 16 MB); raise the limit with --max-size "
        "if this really is one report\n"
    ) in r.output
    assert "built 1 report(s)" in r.output
    r = run("build", SMALL, "--store", tmp_path / "s2", "-q", "--max-size", "10KB")
    assert r.exit_code == 1 and "file too large (25.8 KB, limit 10 KB)" in r.output
    r = run("build", SMALL, "--store", tmp_path / "s2", "-q", "--max-size", "lots")
    assert r.exit_code == 2 and "not a size: 'lots'" in r.output


def test_bom_and_crlf_reports_build_like_the_plain_file(run, tmp_path):
    plain = copy_seed(SMALL, tmp_path / "a" / "r.txt")
    variant = tmp_path / "b" / "r.txt"
    variant.parent.mkdir()
    variant.write_bytes(b"\xef\xbb\xbf" + SMALL_TEXT.replace("\n", "\r\n").encode("utf-8"))
    for path, store in ((plain, "s1"), (variant, "s2")):
        r = run("build", path, "--store", tmp_path / store, "-q")
        assert r.exit_code == 0, r.output
    one, two = KnowledgeStore(tmp_path / "s1", read_only=True), KnowledgeStore(tmp_path / "s2", read_only=True)
    hashes = {q.object.value for q in two.quads() if q.predicate.value in (vocab.CONTENT_HASH, vocab.BUILD_FINGERPRINT)}
    differ = lambda q: q.predicate.value in (vocab.CONTENT_HASH, vocab.BUILD_FINGERPRINT)
    assert {q for q in one.quads() if not differ(q)} == {q for q in two.quads() if not differ(q)}
    assert len(hashes) == 2  # the bytes differ, so the hash and fingerprint do


def test_report_cut_off_mid_paper_builds_the_papers_it_has(run, tmp_path):
    cut = SMALL_TEXT[: SMALL_TEXT.index("### 4. 主要创新点", SMALL_TEXT.index("## 📄", 3000))]
    cut = cut[: cut.rindex("。") - 5]  # in the middle of a sentence
    path = copy_seed(SMALL, tmp_path / "cut.txt", cut)
    r = run("build", path, "--store", tmp_path / "s", "-q")
    assert r.exit_code == 0, r.output
    n_papers = cut.count("## 📄")
    assert f"built 1 report(s) into {tmp_path / 's'}: {n_papers} papers" in r.output
    assert f"warning: {path}:" in r.output and "missing sections: 主要创新点, 实验效果" in r.output


def test_paper_without_link_or_title_is_a_warning_and_the_others_are_built(run, tmp_path):
    text = SMALL_TEXT
    first_link = text.index("**链接**")
    line_end = text.index("\n", first_link)
    text = text[:first_link] + "**阅读**: none" + text[line_end:]  # first paper: no link line
    second = text.index("## 📄", text.index("## 📄") + 1)
    text = text[:second] + "## 📄" + text[text.index("\n", second) :]  # second paper: no title
    path = copy_seed(SMALL, tmp_path / "r.txt", text)
    r = run("build", path, "--store", tmp_path / "s", "-q")
    assert r.exit_code == 0, r.output
    assert "5 papers" in r.output
    lines = [ln for ln in r.output.splitlines() if ln.startswith("warning:")]
    assert any(ln.startswith(f"warning: {path}:") and ln.endswith("has no link line; ignored") for ln in lines)
    assert any(ln.startswith(f"warning: {path}:") and ln.endswith("has no title; ignored") for ln in lines)


def test_duplicate_paper_is_a_warning(run, tmp_path):
    start = SMALL_TEXT.index("## 📄")
    end = SMALL_TEXT.index("## 📄", start + 1)
    path = copy_seed(SMALL, tmp_path / "r.txt", SMALL_TEXT + "\n" + SMALL_TEXT[start:end])
    r = run("build", path, "--store", tmp_path / "s", "-q")
    assert r.exit_code == 0, r.output
    assert "7 papers" in r.output
    assert "duplicate paper 2512.19995" in r.output and "first at line 7; ignored" in r.output


def test_one_megabyte_line_is_cut_with_a_warning(run, tmp_path):
    i = SMALL_TEXT.index("### 5. 实验效果")
    long_line = "在 IFEval 上，Foo-VL-13B 取得 90.2 分，超越了 GPT-4o（84.8）。" * 20_000
    text = SMALL_TEXT[:i] + "### 5. 实验效果\n" + long_line + "\n" + SMALL_TEXT[i:]
    path = copy_seed(SMALL, tmp_path / "long.txt", text)
    assert path.stat().st_size > 1_000_000
    line_no = text[: text.index(long_line)].count("\n") + 1
    r = run("build", path, "--store", tmp_path / "s", "-q")
    assert r.exit_code == 0, r.output
    assert (
        f"warning: {path}:{line_no}: line is {len(long_line)} characters long; only its first {MAX_LINE_CHARS} are read"
    ) in r.output


def test_file_that_is_a_single_one_megabyte_line(run, tmp_path):
    line = SMALL_TEXT.replace("\n", " ") * 80
    path = copy_seed(SMALL, tmp_path / "oneline.txt", line)
    assert path.stat().st_size > 1_000_000
    r = run("build", path, "--store", tmp_path / "s", "-q")
    assert r.exit_code == 1, r.output  # no paper heading is left once the line is cut
    assert f"error: {path}: {no_paper_message()}" in r.output


def test_directory_without_reports_and_missing_path_do_not_stop_the_others(run, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "data.json").write_text("{}")
    missing = tmp_path / "missing"
    r = run("build", empty, missing, SMALL, "--store", tmp_path / "s", "-q")
    assert r.exit_code == 1
    assert f"error: {empty}: no report files (*.txt, *.md) in this folder\n" in r.output
    assert f"error: {missing}: no such file or directory\n" in r.output
    assert "built 1 report(s)" in r.output and "2 error(s)" in r.output


def test_non_regular_file(run, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    r = run("build", fifo, "--store", tmp_path / "s", "-q")
    assert r.exit_code == 1
    assert f"error: {fifo}: not a regular file (a device, pipe or socket)" in r.output


def test_two_folder_arguments_with_the_same_report_name_would_share_a_graph(run, tmp_path):
    a = copy_seed(SMALL, tmp_path / "a" / "r.txt")
    b = copy_seed(ARXIV, tmp_path / "b" / "r.txt")
    r = run("build", tmp_path / "a", tmp_path / "b", "--store", tmp_path / "s", "-q")
    assert r.exit_code == 1
    assert (
        f"error: {b}: same report name 'r.txt' as {a} (a report is named by its path under "
        "the folder given, or by its file name): skipped; rename one, or build the parent folder"
    ) in r.output


def test_store_path_is_a_file(run, tmp_path):
    f = tmp_path / "store"
    f.write_text("not a store")
    r = run("build", SMALL, "--store", f, "-q")
    assert r.exit_code == 1
    assert r.output == f"error: {f}: store path is a file, not a folder\n"


def test_store_locked_by_another_running_process(run, tmp_path):
    path = tmp_path / "s"
    assert run("build", SMALL, "--store", path, "-q").exit_code == 0
    with store_held_by_another_process(path):
        r = run("build", SMALL, "--store", path, "-q")
        assert r.exit_code == 1
        assert r.output == f"error: {path}: {IN_USE}\n"
        # read-only commands still work while a writer holds the store
        r = run(
            "query", "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Paper }", "--store", path, "--format", "csv"
        )
        assert r.exit_code == 0 and r.output == "n\n7\n"


def test_exception_while_extracting_one_paper_does_not_stop_the_build(run, tmp_path, monkeypatch):
    from kg.extract.extractor import Extractor

    real = Extractor.extract
    report = read_report(SMALL)
    victim = report.papers[2]

    def flaky(self, paper):
        if paper.arxiv_id == victim.arxiv_id:
            raise RuntimeError("boom\nsecond line")
        return real(self, paper)

    monkeypatch.setattr(Extractor, "extract", flaky)
    store = tmp_path / "s"
    r = run("build", SMALL, "--store", store, "-q")
    assert r.exit_code == 1
    assert (
        f"error: {SMALL}:{victim.start_line}: internal error while extracting paper "
        f"'{victim.title}': RuntimeError: boom\n"
    ) in r.output
    assert "built 1 report(s)" in r.output and "7 papers" in r.output
    s = KnowledgeStore(store, read_only=True)
    ids = run_select(s, "SELECT DISTINCT ?id WHERE { ?p kg:arxivId ?id }").rows
    assert [victim.arxiv_id] in ids and len(ids) == 7  # the paper node is kept, without facts
    assert not any(q.predicate.value == vocab.BUILD_FINGERPRINT for q in s.quads())
    del s
    monkeypatch.setattr(Extractor, "extract", real)
    r = run("build", SMALL, "--store", store, "-q")  # no fingerprint: retried, not skipped
    assert r.exit_code == 0 and "built 1 report(s)" in r.output and "skipped" not in r.output


def _two_built_reports(run, tmp_path):
    """(folder, a.txt, b.txt, store, quads by graph) of two seed reports built."""
    folder = tmp_path / "reports"
    good = copy_seed(SMALL, folder / "a.txt")
    other = copy_seed(ARXIV, folder / "b.txt")
    store = tmp_path / "s"
    assert run("build", folder, "--store", store, "-q").exit_code == 0
    return folder, good, other, store, store_by_graph(store)


def test_a_reader_or_mapping_bug_costs_only_its_file(run, tmp_path, monkeypatch):
    folder, good, other, store, before = _two_built_reports(run, tmp_path)
    real_read, real_map = filegraph.read_report, filegraph.map_report

    def bad_read(path, *args, **kwargs):
        if Path(path).name == "b.txt":
            raise ValueError("reader bug")
        return real_read(path, *args, **kwargs)

    def bad_map(report, records, *args):
        if Path(report.path).name == "a.txt":
            raise KeyError("results")
        return real_map(report, records, *args)

    monkeypatch.setattr(filegraph, "read_report", bad_read)
    monkeypatch.setattr(filegraph, "map_report", bad_map)
    r = run("build", folder, "--store", store, "-q", "--force")
    assert r.exit_code == 1
    assert f"error: {other}: internal error while reading: ValueError: reader bug\n" in r.output
    assert f"error: {good}: internal error while mapping: KeyError: 'results'\n" in r.output
    assert store_by_graph(store) == before  # both old graphs kept whole


def test_a_mapping_that_makes_a_bad_iri_costs_only_its_file(run, tmp_path, monkeypatch):
    # the mapping writes N-Quads text; every IRI it writes is checked, so a
    # bug that makes one that is not an IRI (here: with a space) is an error
    # of its file, found where the file is extracted (in a worker with -j 2)
    folder, good, other, store, before = _two_built_reports(run, tmp_path)
    ids = {p.arxiv_id for p in read_report(good).papers}
    assert ids and not ids & {p.arxiv_id for p in read_report(other).papers}
    real_iri = link.paper_iri

    def bad_iri(arxiv_id, fallback):
        iri = real_iri(arxiv_id, fallback)
        return iri.replace("/paper/", "/a paper/") if arxiv_id in ids else iri

    monkeypatch.setattr(link, "paper_iri", bad_iri)
    for jobs in ("1", "2"):
        r = run("build", folder, "--store", store, "-q", "--force", "--jobs", jobs)
        assert r.exit_code == 1
        assert f"error: {good}: internal error while mapping: ValueError: " in r.output
        assert str(other) not in r.output
        assert store_by_graph(store) == before  # the old graph of a.txt kept whole


# ---------------------------------------------------------------------------
# Idempotent, incremental builds
# ---------------------------------------------------------------------------


def test_unchanged_files_are_skipped_changed_ones_replaced_and_prune(run, tmp_path, monkeypatch):
    folder = tmp_path / "reports"
    a = copy_seed(SMALL, folder / "a.txt")
    b = copy_seed(ARXIV, folder / "b.txt")
    store = tmp_path / "s"
    r = run("build", folder, "--store", store, "-q")
    assert r.exit_code == 0 and "built 2 report(s)" in r.output
    r = run("build", folder, "--store", store, "-q")
    assert "built 0 report(s)" in r.output and r.output.rstrip().endswith("2 unchanged report(s) skipped")

    # a changed file replaces its graph: nothing of the old version is left
    start = SMALL_TEXT.index("## 📄", SMALL_TEXT.index("## 📄") + 1)
    a.write_text(SMALL_TEXT[:start], encoding="utf-8")
    r = run("build", folder, "--store", store, "-q")
    assert "built 1 report(s)" in r.output and "1 unchanged report(s) skipped" in r.output
    clean = KnowledgeStore()
    build([a], clean)
    s = KnowledgeStore(store, read_only=True)
    assert graph_quads(s, a) == graph_quads(clean, a)
    del s

    # a changed extractor (code, data or version) rebuilds everything
    monkeypatch.setattr(filegraph, "extractor_fingerprint", lambda: "0" * 64)
    r = run("build", folder, "--store", store, "-q")
    assert "built 2 report(s)" in r.output and "skipped" not in r.output
    r = run("build", folder, "--store", store, "-q", "--force")
    assert "built 2 report(s)" in r.output

    # --prune removes graphs of files that are gone, never on a bad path
    b.unlink()
    r = run("build", folder, tmp_path / "typo", "--store", store, "-q", "--prune")
    assert r.exit_code == 1
    assert f"warning: not pruning: some paths could not be read ({tmp_path / 'typo'})" in r.output
    r = run("build", folder, "--store", store, "-q", "--prune")
    assert r.exit_code == 0 and "1 pruned (b.txt)" in r.output
    s = KnowledgeStore(store, read_only=True)
    assert [g.value.rsplit("/", 1)[1] for g in s.report_graphs()] == ["a.txt"]
    fingerprint = lambda q: q.predicate.value == vocab.BUILD_FINGERPRINT
    assert {q for q in graph_quads(s, a) if not fingerprint(q)} == {
        q for q in graph_quads(clean, a) if not fingerprint(q)
    }


def _unlistable(monkeypatch, folder: Path) -> None:
    """Make ``folder`` unreadable: chmod 000, and, for root (whom permissions
    do not stop), an os.scandir that refuses it as the system would."""
    folder.chmod(0)
    real = os.scandir

    def scandir(path="."):
        if isinstance(path, (str, os.PathLike)) and Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    if os.geteuid() == 0:
        monkeypatch.setattr(os, "scandir", scandir)


def test_prune_keeps_the_graphs_of_an_unreadable_subfolder(run, tmp_path, monkeypatch):
    folder = tmp_path / "reports"
    copy_seed(SMALL, folder / "a.txt")
    sub = folder / "sub"
    copy_seed(ARXIV, sub / "b.txt")
    store = tmp_path / "s"
    assert run("build", folder, "--store", store, "-q").exit_code == 0
    _unlistable(monkeypatch, sub)
    try:
        r = run("build", folder, "--store", store, "-q", "--prune")
    finally:
        sub.chmod(0o755)
    assert r.exit_code == 1
    assert f"error: {sub}: cannot list folder: Permission denied" in r.output
    assert f"warning: not pruning: some paths could not be read ({sub})" in r.output
    s = KnowledgeStore(store, read_only=True)
    assert sorted(g.value.rsplit("/", 1)[1] for g in s.report_graphs()) == ["a.txt", "b.txt"]


def test_symlinked_folders_are_followed_once_and_not_pruned(run, tmp_path):
    folder = tmp_path / "reports"
    copy_seed(SMALL, folder / "a.txt")
    elsewhere = tmp_path / "elsewhere"
    copy_seed(ARXIV, elsewhere / "b.txt")
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # a link loop ends
    store = tmp_path / "s"
    r = run("build", folder, "--store", store, "-q", "--prune")
    assert r.exit_code == 0, r.output
    assert "built 2 report(s)" in r.output and "pruned" not in r.output
    r = run("build", folder, "--store", store, "-q", "--prune")
    assert r.exit_code == 0 and "2 unchanged report(s) skipped" in r.output and "pruned" not in r.output
    # a link whose target is gone: its reports are unknown, so nothing is pruned
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (folder / "linked").unlink()
    r = run("build", folder, "--store", store, "-q", "--prune")
    assert r.exit_code == 1 and "broken symbolic link" in r.output and "not pruning" in r.output
    s = KnowledgeStore(store, read_only=True)
    assert len(s.report_graphs()) == 2


def test_a_file_rewritten_while_it_is_built_is_stored_as_read_and_rebuilt_next_time(tmp_path, monkeypatch):
    import hashlib

    path = copy_seed(SMALL, tmp_path / "reports" / "a.txt")
    read = path.read_bytes()
    start = SMALL_TEXT.index("## 📄", SMALL_TEXT.index("## 📄") + 1)
    real = filegraph.extract_papers

    def rewrite_then_extract(papers, errors):  # the file is rewritten while its papers are extracted
        path.write_text(SMALL_TEXT[:start], encoding="utf-8")
        return real(papers, errors)

    monkeypatch.setattr(filegraph, "extract_papers", rewrite_then_extract)
    store = KnowledgeStore()
    summary = build([path], store, jobs=1)
    assert [p.message for p in summary.problems if "changed while" in p.message], summary.problems
    graph = graph_quads(store, path)
    hashes = {q.object.value for q in graph if q.predicate.value == vocab.CONTENT_HASH}
    assert hashes == {hashlib.sha256(read).hexdigest()}  # the bytes that were read and extracted
    assert not [q for q in graph if q.predicate.value == vocab.BUILD_FINGERPRINT]
    monkeypatch.setattr(filegraph, "extract_papers", real)
    again = build([path], store, jobs=1)
    assert again.reports == 1 and again.skipped == 0  # read again
    clean = KnowledgeStore()
    build([path], clean, jobs=1)
    assert graph_quads(store, path) == graph_quads(clean, path)


def test_fingerprint_covers_file_bytes_and_extractor():
    fp = filegraph.build_fingerprint("a" * 64)
    assert len(fp) == 64 and fp != filegraph.build_fingerprint("b" * 64)
    assert filegraph.extractor_fingerprint() != filegraph.build_fingerprint("a" * 64)


def test_arxiv_ids_in_fullwidth_or_arabic_indic_digits_become_ascii(tmp_path):
    fullwidth = str.maketrans("0123456789", "０１２３４５６７８９")
    arabic_indic = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    text = SMALL_TEXT.replace("papers/2512.19995", "papers/" + "2512.19995".translate(fullwidth))
    text = text.replace("papers/2512.20605", "papers/" + "2512.20605".translate(arabic_indic))
    assert text != SMALL_TEXT
    path = copy_seed(SMALL, tmp_path / "digits.txt", text)
    assert {"2512.19995", "2512.20605"} <= {p.arxiv_id for p in read_report(path).papers}
    store = KnowledgeStore()
    assert not build([path], store, jobs=1).errors
    ids = {r[0] for r in run_select(store, "SELECT ?id WHERE { ?p kg:arxivId ?id }").rows}
    assert {"2512.19995", "2512.20605"} <= ids and all(i.isascii() for i in ids)
    from kg.rdf.validate import validate_store

    assert validate_store(store) == []


def test_a_paper_in_two_reports_is_one_node_linked_to_both(tmp_path):
    start = SMALL_TEXT.index("## 📄")
    end = SMALL_TEXT.index("## 📄", start + 1)
    header = SMALL_TEXT[:start]
    other = copy_seed(SMALL, tmp_path / "other.txt", header.replace("2025-12-28", "2025-12-29") + SMALL_TEXT[start:end])
    store = KnowledgeStore()
    summary = build([SMALL, other], store)
    assert not summary.errors
    t = run_select(
        store,
        """SELECT DISTINCT ?p ?file WHERE {
        ?p kg:arxivId "2512.19995" ; kg:reportedIn/kg:fileName ?file } ORDER BY ?file""",
    )
    assert [r[1] for r in t.rows] == ["000_3d92274d0f9505a7.txt", "other.txt"]
    assert {r[0] for r in t.rows} == {"https://w3id.org/paperkg/id/paper/2512.19995"}
    from kg.rdf.validate import validate_store

    assert validate_store(store) == []


# ---------------------------------------------------------------------------
# Safe queries
# ---------------------------------------------------------------------------


def test_query_is_read_only_unless_update(run, tmp_path):
    store = tmp_path / "s"
    assert run("build", SMALL, "--store", store, "-q").exit_code == 0
    before = len(KnowledgeStore(store, read_only=True))
    insert = 'INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> "c" } }'
    r = run("query", insert, "--store", store)
    assert r.exit_code == 1
    assert r.output == "error: this is a SPARQL Update; pass --update to change the store\n"
    # an update that hides behind a one-line prologue still cannot write
    r = run("query", "PREFIX ex: <urn:> " + insert, "--store", store)
    assert r.exit_code == 1 and "error: SPARQL syntax error at line 1" in r.output
    r = run("query", "# comment\nDROP ALL", "--store", store)
    assert r.exit_code == 1 and "--update" in r.output
    assert len(KnowledgeStore(store, read_only=True)) == before
    r = run("query", insert, "--store", store, "--update")
    assert r.exit_code == 0 and r.output == "update done\n"
    assert len(KnowledgeStore(store, read_only=True)) == before + 1


def test_malformed_sparql_shows_line_and_column(run, seed_store_path):
    r = run("query", "SELECT ?p WHERE {\n  ?p a kg:Paper .\n  FILTER(?p = ) }", "--store", seed_store_path)
    assert r.exit_code == 1
    first, source, caret = r.output.splitlines()
    # pyoxigraph's parser reports the furthest point it read: the end of line 3
    assert first.startswith("error: SPARQL syntax error at line 3, column 18: expected one of ")
    assert source == "    FILTER(?p = ) }" and caret == " " * 19 + "^"


@pytest.mark.parametrize("evil", ['GPT-4o" } ; DROP ALL ; #', "x> } DROP ALL { <y", "?loser"])
def test_user_values_are_bound_never_pasted(run, seed_store_path, evil):
    before = len(KnowledgeStore(seed_store_path, read_only=True))
    r = run("beats", evil, "--store", seed_store_path)
    assert r.exit_code == 1 and f"no entity named '{evil}' in the store" in r.output
    r = run("show", evil, "--store", seed_store_path)
    assert r.exit_code == 1 and "is not in the store" in r.output
    r = run("query", "beats", "--bind", f"loser={evil}", "--store", seed_store_path, "--format", "csv")
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 1  # header only
    assert len(KnowledgeStore(seed_store_path, read_only=True)) == before


# ---------------------------------------------------------------------------
# Property-based: readers never crash; a build leaves the graph or nothing
# ---------------------------------------------------------------------------

_PIECES = [
    "## 📄 ",
    "### 1. 应用领域",
    "### 5. 实验效果",
    "- **链接**: https://huggingface.co/papers/2601.",
    "=====",
    "<a id='2601.00001v1'></a>",
    "## [T](https://arxiv.org/abs/2601.0)",
    "**Abstract:**",
    "**Links:**",
    "---",
    "超越了 GPT-4o（84.8）",
    "outperforms",
    "\t",
    "\r",
    "\x0c",
    "\u2028",
    "\ufeff",
    "#",
    "**",
    "`",
    "[",
    "](",
    "8×A100",
    "90.2%",
    "在 IFEval 上",
]
_GARBAGE = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(_PIECES), max_size=8).map("".join),
    st.binary(max_size=40).map(lambda b: b.decode("utf-8", "replace")),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(st.text(max_size=400), st.lists(_GARBAGE, max_size=30).map("\n".join)),
    head=st.sampled_from(["", "# Hugging Face Daily Papers Report\n", "time: 20260113\n"]),
)
def test_parse_report_never_crashes_on_arbitrary_text(text, head):
    try:
        report = parse_report(head + text, "x.txt")
    except SourceError as e:
        assert e.path == "x.txt"
        return
    lines = (head + text).replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for paper in report.papers:
        assert paper.title and (paper.arxiv_id or paper.url)  # a paper is identified
        assert 1 <= paper.start_line <= paper.end_line <= lines
        for s in paper.sections:
            assert paper.start_line <= s.start_line <= s.end_line <= paper.end_line
    for p in report.problems:
        assert p.line is None or 1 <= p.line <= lines


_SEED_LINES = {p.name: p.read_text(encoding="utf-8").split("\n") for p in (SMALL, ARXIV)}


@st.composite
def mutated_report(draw):
    """A real report, mutated: truncated, lines deleted, blocks duplicated,
    garbage injected, line ends changed; returned as bytes."""
    name = draw(st.sampled_from(sorted(_SEED_LINES)))
    lines = list(_SEED_LINES[name])
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["truncate", "delete", "duplicate", "garbage", "swap"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        j = min(len(lines), i + draw(st.integers(1, 40)))
        if kind == "truncate":
            lines = lines[:i] + ([lines[i][: draw(st.integers(0, len(lines[i])))]] if lines[i] else [])
        elif kind == "delete":
            del lines[i:j]
        elif kind == "duplicate":
            lines[j:j] = lines[i:j]
        elif kind == "garbage":
            lines[i:i] = draw(st.lists(_GARBAGE, min_size=1, max_size=5))
        else:
            k = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[k] = lines[k], lines[i]
    text = "\n".join(lines)
    data = text.encode("utf-8")
    ending = draw(st.sampled_from(["lf", "crlf", "bom", "cut-bytes"]))
    if ending == "crlf":
        data = text.replace("\n", "\r\n").encode("utf-8")
    elif ending == "bom":
        data = b"\xef\xbb\xbf" + data
    elif ending == "cut-bytes" and data:
        data = data[: draw(st.integers(0, len(data)))]  # may cut a character in half
    return name, data


@pytest.fixture(scope="module")
def extractor():
    from kg.extract.extractor import Extractor

    return Extractor()


@pytest.fixture(scope="module")
def original_graphs(extractor, tmp_path_factory):
    """Store of the unmutated seeds SMALL and ARXIV, by file name."""
    folder = tmp_path_factory.mktemp("orig")
    for name, lines in _SEED_LINES.items():
        (folder / name).write_text("\n".join(lines), encoding="utf-8")
    store = KnowledgeStore()
    assert not build([folder], store, jobs=1).errors
    return {name: graph_quads(store, folder / name) for name in _SEED_LINES}


@pytest.mark.slow
# derandomized: the same 25 mutations every run, so that CI never fails by
# chance; explore more by running with a larger max_examples and derandomize=False
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(case=mutated_report())
@example(case=("000_3d92274d0f9505a7.txt", b""))
@example(case=("000_3d92274d0f9505a7.txt", b"\xff\xfe\x00"))
def test_building_a_mutated_report_leaves_the_whole_graph_or_the_old_one(
    case, extractor, original_graphs, tmp_path_factory
):
    name, data = case
    folder = tmp_path_factory.mktemp("mut")
    path = folder / name
    path.write_bytes(data)
    # the store holds the original report; the mutated one replaces it
    store = KnowledgeStore()
    store.replace_graph(
        report_graph(name), [ox.Quad(q.subject, q.predicate, q.object, q.graph_name) for q in original_graphs[name]]
    )
    summary = build([path], store, jobs=1)
    unreadable = [e for e in summary.errors if "internal error" not in e.message]
    internal = [e for e in summary.errors if "internal error" in e.message]
    assert not internal, internal
    if unreadable:
        assert graph_quads(store, path) == original_graphs[name]  # the old graph, untouched
        empty = KnowledgeStore()
        build([path], empty, jobs=1)
        assert empty.report_graphs() == []  # and nothing in a fresh store
        return
    fresh = KnowledgeStore()
    build([path], fresh, jobs=1)
    assert graph_quads(store, path) == graph_quads(fresh, path)  # the whole new graph, nothing old
    assume(summary.papers > 0)
    from kg.rdf.validate import validate_store

    violations = validate_store(store)
    assert violations == [], "\n".join(map(str, violations[:10]))


# ---------------------------------------------------------------------------
# Processes: kill -9 mid-build, two builds at once, a build run twice
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    """A folder of 12 reports (copies of three seeds under other names)."""
    folder = tmp_path_factory.mktemp("copies")
    for k in range(6):
        shutil.copyfile(SMALL, folder / f"r{k}_000.txt")
    for k in range(3):
        shutil.copyfile(SEEDS / "001_ae3f07256f1b0f9f.txt", folder / f"r{k}_001.txt")
        shutil.copyfile(ARXIV, folder / f"r{k}_004.txt")
    return folder


@pytest.fixture(scope="module")
def clean_build(copies, extractor):
    """Quads of one clean build of ``copies``, per named graph."""
    store = KnowledgeStore()
    summary = build([copies], store, jobs=1)
    assert not summary.errors and summary.reports == 12
    by_graph: dict[str, set] = {}
    for q in store.quads():
        by_graph.setdefault(q.graph_name.value, set()).add(q)
    return by_graph


def kg_build(copies, store, *extra):
    """Start ``kg build`` in its own process group (so that a kill reaches
    any worker processes it starts too); its temporary files go beside the
    store (a build killed with SIGKILL cannot remove them)."""
    return subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(copies), "--store", str(store), "-q", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**child_env(), "TMPDIR": str(Path(store).parent)},
        cwd=ROOT,
        text=True,
        start_new_session=True,
    )


def store_by_graph(path) -> dict[str, set]:
    store = KnowledgeStore(path, read_only=True)
    out: dict[str, set] = {}
    for q in store.quads():
        out.setdefault(q.graph_name.value, set()).add(q)
    return out


def complete_report_graphs(store, clean_build) -> int:
    """Open ``store`` read-only (a snapshot; a running build may hold the
    write lock), check that every report graph in it equals the clean
    build's, and return how many there are."""
    got = store_by_graph(store)
    reports = [g for g in got if g.startswith(vocab.GRAPH + "report/")]
    for g in reports:
        want = clean_build[g]
        if not any(q.predicate.value == vocab.BUILD_FINGERPRINT for q in got[g]):
            # a bulk-loaded graph whose batch's fingerprints were not written yet: complete,
            # and rebuilt by the next build (which the last step of the test checks)
            want = {q for q in want if q.predicate.value != vocab.BUILD_FINGERPRINT}
        assert got[g] == want, f"{g}: {len(got[g])} quads, clean build has {len(want)}"
    return len(reports)


@pytest.mark.slow
def test_kill_9_mid_build_leaves_complete_graphs_and_resumes(copies, clean_build, tmp_path):
    """Kill ``kg build`` (and any workers) with SIGKILL, again and again.

    First in an empty store at a random moment (the build may use its bulk
    path there), then, once the store holds reports (so each report graph is
    replaced in its own transaction), in rounds that watch the store through
    read-only snapshots (each checked) until a new report graph appears and
    kill the build soon after, so that kills land mid-build after some writes
    whatever the build's speed.  After every kill the store must open with
    every report graph complete, never lose a finished report, and a last
    build must complete it to exactly the clean build."""
    store = tmp_path / "s"
    rng = random.Random(11)
    after_kill, snapshots = [], 0
    proc = kg_build(copies, store)
    time.sleep(rng.uniform(0.5, 3.0))
    with contextlib.suppress(ProcessLookupError):  # the build may have ended first
        os.killpg(proc.pid, signal.SIGKILL)  # the build and any workers, at once
    proc.communicate()
    if (store / "CURRENT").exists():
        after_kill.append(complete_report_graphs(store, clean_build))
    first = kg_build(copies / "r0_000.txt", store)  # the store now holds a report
    assert first.wait(timeout=300) == 0
    first.communicate()
    done = complete_report_graphs(store, clean_build)
    for _ in range(4):
        proc = kg_build(copies, store)
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
            if len(KnowledgeStore(store, read_only=True).report_graphs()) > done:  # cheap look
                snapshots += 1
                complete_report_graphs(store, clean_build)  # full check of this moment
                break
        time.sleep(rng.uniform(0.0, 0.3))
        with contextlib.suppress(ProcessLookupError):  # the build may have ended first
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        n = complete_report_graphs(store, clean_build)  # the store opens after kill -9
        assert n >= done  # a killed build never loses finished reports
        done = n
        after_kill.append(done)
        if done == len(clean_build) - 1:  # every report graph (the other graph is the ontology)
            break
    proc = kg_build(copies, store)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert store_by_graph(store) == clean_build
    print(
        f"report graphs complete after each kill: {after_kill} ({snapshots} snapshots checked "
        f"while building) | final run: {out.strip()}"
    )


@pytest.mark.slow
def test_two_builds_at_once_one_waits_out_and_the_store_equals_a_clean_build(copies, clean_build, tmp_path):
    store = tmp_path / "s"
    first, second = kg_build(copies, store), kg_build(copies, store)
    results = [p.communicate(timeout=300) + (p.returncode,) for p in (first, second)]
    codes = sorted(r[2] for r in results)
    assert codes == [0, 1], results
    loser = next(r for r in results if r[2] == 1)
    assert loser[1] == f"error: {store}: {IN_USE}\n"
    assert store_by_graph(store) == clean_build


@pytest.mark.slow
def test_double_build_equals_one_clean_build(copies, clean_build, tmp_path):
    store = tmp_path / "s"
    for expected in ("built 12 report(s)", "12 unchanged report(s) skipped"):
        proc = kg_build(copies, store)
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0 and expected in out, (out, err)
    assert store_by_graph(store) == clean_build


def test_source_errors_survive_pickling_for_worker_processes():
    import pickle

    e = pickle.loads(pickle.dumps(SourceError("a/b.txt", 3, "bad byte")))
    assert (e.path, e.line, e.message, str(e)) == ("a/b.txt", 3, "bad byte", "a/b.txt:3: bad byte")


def test_a_file_name_that_is_not_utf8_is_an_error_of_that_file(run, tmp_path):
    folder = tmp_path / "reports"
    good = copy_seed(SMALL, folder / "a.txt")
    bad = os.fsdecode(os.fsencode(folder) + b"/x\xff.txt")  # undecodable bytes: a surrogate in str
    shutil.copy(SMALL, bad)
    store = tmp_path / "s"
    for jobs in ("1", "2"):
        r = run("build", folder, "--store", store, "-q", "--force", "--jobs", jobs)
        assert r.exit_code == 1
        assert "x\ufffd.txt: file name is not valid UTF-8" in r.output
        assert "built 1 report(s)" in r.output and str(good) not in r.output
    r = run("extract", folder, "--output-dir", tmp_path / "nq")
    assert r.exit_code == 1 and "file name is not valid UTF-8" in r.output
    assert sorted(p.name for p in (tmp_path / "nq").iterdir()) == ["a.txt.nq"]


#: papers of the synthetic corpus the interrupt tests build; the issue's
#: full-size run is ``PAPERKG_INTERRUPT_PAPERS=3000 PAPERKG_INTERRUPT_SIGNALS=INT
#: pytest -s -k ctrl_c tests/test_robustness.py`` (figures in docs/performance.md)
INTERRUPT_PAPERS = int(os.environ.get("PAPERKG_INTERRUPT_PAPERS", "150"))
#: the signals sent at random (``INT``: Ctrl-C to the process group, ``TERM``: to the build)
INTERRUPT_SIGNALS = [
    getattr(signal, "SIG" + name.strip().upper())
    for name in os.environ.get("PAPERKG_INTERRUPT_SIGNALS", "INT,TERM").split(",")
]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """(folder of a synthetic corpus of :data:`INTERRUPT_PAPERS` papers, its
    clean build by graph, seconds that clean ``kg build`` took)."""
    sys.path.insert(0, str(ROOT / "tests" / "bench"))
    from synth import write_corpus

    folder = tmp_path_factory.mktemp("synth")
    write_corpus(INTERRUPT_PAPERS, folder)
    store = tmp_path_factory.mktemp("synth-store") / "s"
    t = time.monotonic()
    proc = kg_build(folder, store)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    return folder, store_by_graph(store), time.monotonic() - t


def _without_fingerprints(by_graph: dict[str, set]) -> dict[str, set]:
    return {g: {q for q in qs if q.predicate.value != vocab.BUILD_FINGERPRINT} for g, qs in by_graph.items()}


@pytest.mark.slow
def test_ctrl_c_or_sigterm_stop_a_build_within_2_s_and_keep_what_was_written(synthetic, tmp_path):
    """SIGINT to the process group (as a terminal's Ctrl-C) or SIGTERM to the
    build (as a service manager) at 10 random moments mid-build (a build that
    ends first does not count), --jobs 1 or 2, with
    --force into two stores (the first build of each bulk-loads into an
    empty store, later ones write one transaction per report).  Each build exits within 2 s with status
    130/143 and one line on stderr, leaves no process behind, the store
    opens with every report graph complete (equal to the clean build's),
    graphs written with their fingerprint are skipped by the next build,
    and a last build equals a clean build."""
    folder, clean, seconds = synthetic
    clean_bare = _without_fingerprints(clean)
    rng = random.Random(17)
    interrupted, exits, stopped = 0, [], []
    for k in range(20):  # until 10 builds were interrupted mid-build
        if interrupted == 10:
            break
        store = tmp_path / "ab"[k % 2]
        jobs, sig = rng.choice(["1", "2"]), rng.choice(INTERRUPT_SIGNALS)
        proc = kg_build(folder, store, "--jobs", jobs, "--force")
        time.sleep(rng.uniform(1.0, max(1.1, 0.8 * seconds)))  # after start-up (importing click)
        t = time.monotonic()
        with contextlib.suppress(ProcessLookupError):  # the build may have ended first
            if sig == signal.SIGINT:
                os.killpg(proc.pid, signal.SIGINT)
            else:
                os.kill(proc.pid, signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
        exits.append(round(time.monotonic() - t, 2))
        if "built " in out:  # it ended before the signal: the machine is faster now
            seconds *= 0.7
            continue
        interrupted += 1
        stopped.append(exits[-1])
        assert proc.returncode == (130 if sig == signal.SIGINT else 143), err
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("interrupted (SIG"), err
        with pytest.raises(ProcessLookupError):
            os.killpg(proc.pid, 0)  # no worker left behind
        got = _without_fingerprints(store_by_graph(store))
        for g, qs in got.items():
            assert qs == clean_bare[g], f"run {k}: {g} is not the clean build's graph"
    assert interrupted >= 8, exits
    for store in (tmp_path / "a", tmp_path / "b"):
        kept = sum(
            1 for qs in store_by_graph(store).values() for q in qs if q.predicate.value == vocab.BUILD_FINGERPRINT
        )
        proc = kg_build(folder, store)
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert (f"{kept} unchanged report(s) skipped" in out) or kept == 0, out
        assert store_by_graph(store) == clean
    figures = (
        f"{INTERRUPT_PAPERS} papers, clean build {synthetic[2]:.1f} s, load average {os.getloadavg()[0]:.1f}; "
        f"seconds from signal to exit: {exits} ({interrupted} interrupted mid-build; "
        f"max {max(stopped):.2f}, median {statistics.median(stopped):.2f})"
    )
    print(figures)
    assert max(stopped) < 2.0, figures  # checked last: the figures of every run are seen
