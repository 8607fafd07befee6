"""kg report: the static site of the seed store, read back with html.parser."""

from __future__ import annotations

import os
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.outputs.site import MARKER, ReportError, markdown_leaderboard, write_report
from kg.outputs.site_data import leaderboards, load
from kg.rdf.store import KnowledgeStore

ENTITY = "https://w3id.org/paperkg/id/entity/"


class Page(HTMLParser):
    """Links, headings, tables (with the h2 above them) and text of a page."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.tables: list[dict] = []
        self.text: list[str] = []
        self.tags: list[str] = []
        self._heading = None
        self._cell = None
        self._h2 = ""
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        for key in ("href", "src"):
            if key in a:
                self.links.append(a[key])
        if tag in ("h1", "h2", "h3"):
            self._heading = [tag, ""]
        elif tag == "table":
            self.tables.append({"heading": self._h2, "rows": []})
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3") and self._heading:
            text = " ".join(self._heading[1].split())
            self.headings.append((tag, text))
            if tag == "h2":
                self._h2 = text
            self._heading = None
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1]["rows"][-1].append(" ".join(self._cell.split()))
            self._cell = None

    def handle_data(self, data):
        self.text.append(data)
        if self._heading is not None:
            self._heading[1] += data
        if self._cell is not None:
            self._cell += data

    def table(self, heading_start: str) -> list[list[str]]:
        for t in self.tables:
            if t["heading"].startswith(heading_start):
                return t["rows"]
        raise AssertionError(
            f"no table under a heading starting with {heading_start!r}: {[t['heading'] for t in self.tables]}"
        )


def read(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(seed_store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "site"
    summary = write_report(seed_store, out)
    assert summary.pages > 100 and summary.papers == 80
    return out


def test_site_layout(site):
    for name in ("index.html", "graph.svg", "models.html", "papers.html", MARKER):
        assert (site / name).is_file(), name
    assert len(list((site / "paper").glob("*.html"))) == 80
    assert (site / "benchmark" / "ifeval.html").is_file()
    assert (site / "model" / "gpt4o.html").is_file()
    assert (site / "paper" / "2601.06431.html").is_file()


def test_ifeval_leaderboard_is_best_first(site):
    page = read(site / "benchmark" / "ifeval.html")
    assert ("h1", "IFEval") in page.headings
    rows = page.table("Leaderboard")
    header, body = rows[0], rows[1:]
    assert header[:4] == ["#", "system", "metric", "score"] and "evidence" in header
    systems = [r[1] for r in body]
    assert systems.index("Qwen3-8B") < systems.index("GPT-4o")
    qwen, gpt = body[systems.index("Qwen3-8B")], body[systems.index("GPT-4o")]
    assert qwen[3] == "90.2" and gpt[3] == "84.8"
    assert qwen[header.index("paper")] == "2601.06431"
    assert qwen[header.index("evidence")]  # the sentence that states the score


def test_gpt4o_page_lists_qwen3_under_beaten_by(site):
    page = read(site / "model" / "gpt4o.html")
    beaten_by = page.table("Beaten by")
    winners = {r[0]: r for r in beaten_by[1:]}
    assert "Qwen3-8B" in winners
    row = winners["Qwen3-8B"]
    header = beaten_by[0]
    assert row[header.index("benchmark")] == "IFEval"
    assert row[header.index("own score")] == "84.8" and row[header.index("their score")] == "90.2"
    assert row[header.index("paper")] == "2601.06431"
    assert any(h[1].startswith("Beats (0)") for h in page.headings)


def test_qwen3_page_lists_gpt4o_under_beats(site):
    page = read(site / "model" / "qwen38b.html")
    assert "GPT-4o" in [r[0] for r in page.table("Beats")[1:]]


def test_paper_page_has_evidence_sentences(site, seed_store):
    quotes = {
        r[0]
        for r in _select(
            seed_store,
            """
        SELECT DISTINCT ?q WHERE { ?c a kg:Comparison ; prov:hadPrimarySource/kg:arxivId "2601.06431" ;
                                     kg:evidence/kg:quote ?q }""",
        )
    }
    assert quotes
    page = read(site / "paper" / "2601.06431.html")
    cells = {r[-1] for r in page.table("Comparisons")[1:]}
    for q in quotes:
        assert any(" ".join(q.split()) in c for c in cells), q
    assert any("LSRIF" in h[1] for h in page.headings if h[0] == "h1")


def test_svg_has_nodes_and_edges(site):
    root = ET.parse(site / "graph.svg").getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == ns + "svg"
    circles = root.findall(f".//{ns}circle")
    edges = [p for p in root.findall(f".//{ns}path") if p.get("class") == "edge"]
    labels = [t.text for t in root.findall(f".//{ns}text")]
    assert len(circles) >= 10 and len(edges) >= 5
    hub = read(site / "index.html").table("Most compared systems")[1][0]  # the most compared system
    assert hub in labels and len(labels) == len(circles)
    assert "<svg" in (site / "index.html").read_text(encoding="utf-8")  # drawn on the index too


def _internal(link: str) -> bool:
    return not re.match(r"^(https?:|mailto:|#|url\()", link)


def test_every_internal_link_resolves_and_nothing_is_external(site):
    files = list(site.rglob("*.html"))
    checked = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert "<script" not in text and "stylesheet" not in text and "<style>" in text, f
        page = Page(text)
        assert page.tags.count("h1") == 1 and text.split("</head>")[0].count("<title>") == 1, f
        for link in page.links:
            if _internal(link):
                target = (f.parent / link.split("#")[0]).resolve()
                assert target.is_file(), f"{f.relative_to(site)}: broken link {link}"
                assert site.resolve() in target.parents
                checked += 1
            else:
                assert not link.startswith("http") or "<a" in text  # only hyperlinks go out
    for el in ET.parse(site / "graph.svg").getroot().iter():
        href = el.get("href")
        if href:
            assert (site / href).is_file(), href
            checked += 1
    assert checked > 1000


def test_index_lists_benchmarks_and_counts(site):
    page = read(site / "index.html")
    bench = page.table("Benchmarks")
    names = [r[0] for r in bench[1:]]
    assert "IFEval" in names and "BLINK" in names
    assert "80papers" in "".join("".join(page.text).split())


# -- a small hand-made store: escaping and lower-is-better ------------------------------
TINY = """
PREFIX kg: <https://w3id.org/paperkg#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX e: <https://w3id.org/paperkg/id/entity/>
PREFIX id: <https://w3id.org/paperkg/id/>
INSERT DATA {
  GRAPH <https://w3id.org/paperkg/graph/report/a.txt> {
    e:evil a kg:Model ; rdfs:label "<script>alert(1)</script> & Co" .
    e:plain a kg:Model ; rdfs:label "Plain" .
    e:bench a kg:Benchmark ; rdfs:label "Bench<1>" .
    e:fid a kg:Metric ; rdfs:label "FID" ; kg:lowerIsBetter true .
    id:report\\/a.txt a kg:Report ; kg:fileName "a.txt" .
    id:paper\\/1 a kg:Paper ; kg:arxivId "2601.00001" ; dcterms:title "A <i>title</i>" ;
        kg:reportedIn id:report\\/a.txt .
    id:comparison\\/c1 a kg:Comparison ; kg:winner e:evil ; kg:loser e:plain ; kg:onDataset e:bench ;
        kg:metric e:fid ; kg:winnerScore 3.1 ; kg:loserScore 5.0 ; prov:hadPrimarySource id:paper\\/1 ;
        kg:evidence id:evidence\\/e1 .
    id:evidence\\/e1 a kg:Evidence ; kg:quote "FID 3.1 < 5.0 for \\"<b>Evil</b>\\"" ;
        dcterms:source id:report\\/a.txt ; kg:line 7 .
  }
  GRAPH <https://w3id.org/paperkg/graph/report/b.txt> {
    e:plain a kg:Model ; rdfs:label "Plain" .
    e:third a kg:Model ; rdfs:label "Third" .
    e:bench a kg:Benchmark ; rdfs:label "Bench<1>" .
    e:fid a kg:Metric ; rdfs:label "FID" ; kg:lowerIsBetter true .
    id:paper\\/2 a kg:Paper ; kg:arxivId "2601.00002" ; dcterms:title "Second" .
    id:comparison\\/c2 a kg:Comparison ; kg:winner e:third ; kg:loser e:plain ; kg:onDataset e:bench ;
        kg:metric e:fid ; kg:winnerScore 4.2 ; kg:loserScore 5.0 ; prov:hadPrimarySource id:paper\\/2 .
  }
}"""


@pytest.fixture(scope="module")
def tiny():
    store = KnowledgeStore(None)
    store.update(TINY)
    return store


def test_lower_is_better_metric_ranks_smallest_first(tiny):
    g = load(tiny)
    (board,) = leaderboards(g, ENTITY + "bench")
    assert board.lower_is_better
    assert [(g.label(r.system), str(r.score)) for r in board.rows] == [
        ("<script>alert(1)</script> & Co", "3.1"),
        ("Third", "4.2"),
        ("Plain", "5"),
    ]
    assert len(g.comparisons) == 2  # copies in two graphs are read once


def test_all_text_is_escaped(tiny, tmp_path):
    out = tmp_path / "site"
    write_report(tiny, out)
    for f in out.rglob("*.html"):
        raw = f.read_text(encoding="utf-8")
        assert "<script>" not in raw and "<b>Evil" not in raw and "<i>title" not in raw, f
        assert "Bench<1>" not in raw
    bench = read(out / "benchmark" / "bench.html")
    rows = bench.table("Leaderboard")
    assert [r[1] for r in rows[1:]] == ["<script>alert(1)</script> & Co", "Third", "Plain"]
    assert 'FID 3.1 < 5.0 for "<b>Evil</b>"' in rows[1][-1] and "a.txt:7" in rows[1][-1]
    assert ("h1", "Bench<1>") in bench.headings
    ET.parse(out / "graph.svg")  # still well-formed XML


def test_output_folder_rules(tiny, tmp_path):
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine")
    with pytest.raises(ReportError, match="not empty"):
        write_report(tiny, busy)
    out = tmp_path / "site"
    write_report(tiny, out)
    (out / "model" / "stale.html").write_text("old")
    write_report(tiny, out)  # an earlier report is replaced
    assert not (out / "model" / "stale.html").exists()
    assert (out / "index.html").is_file()


def test_markdown_leaderboard(tiny):
    md = markdown_leaderboard(tiny, ENTITY + "bench").splitlines()
    assert md[0].startswith("| # | system")
    assert md[2].startswith("| 1 | <script>") and "| FID (lower is better) | 3.1 |" in md[2]
    assert len(md) == 5


def test_cli_report(seed_store_path, tmp_path):
    out = tmp_path / "site"
    r = CliRunner().invoke(main, ["report", "--store", str(seed_store_path), "--output", str(out)])
    assert r.exit_code == 0, r.output
    assert re.search(r"wrote \d+ pages to .* leaderboards, \d+ systems, 80 papers", r.output)
    assert (out / "index.html").is_file()
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "x").write_text("x")
    r = CliRunner().invoke(main, ["report", "--store", str(seed_store_path), "-o", str(busy)])
    assert r.exit_code == 1 and "error:" in r.output and "Traceback" not in r.output


def _select(store, sparql):
    from kg.outputs.queries import run_select

    return run_select(store, sparql).rows


HOSTILE = """
PREFIX kg: <https://w3id.org/paperkg#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <http://schema.org/>
PREFIX e: <https://w3id.org/paperkg/id/entity/>
PREFIX id: <https://w3id.org/paperkg/id/>
INSERT DATA { GRAPH <https://w3id.org/paperkg/graph/report/h.txt> {
  e:a a kg:Model ; rdfs:label "Alpha\\u0000\\u001b[31mRED" .
  e:b a kg:Model ; rdfs:label "Beta" .
  e:c a kg:Model ; rdfs:label "Gamma" .
  e:bench a kg:Benchmark ; rdfs:label "Bench" .
  e:err a kg:Metric ; rdfs:label "Point Error" .
  id:paper\\/1 a kg:Paper ; kg:arxivId "2601.00001" ; dcterms:title "T\\u0000i\\u0007tle" ;
      schema:url "javascript:alert(1)" .
  id:paper\\/2 a kg:Paper ; kg:arxivId "2601.00002" ; schema:url "data:text/html,<script>x</script>" .
  id:paper\\/3 a kg:Paper ; kg:arxivId "2601.00003" ; schema:url "file:///etc/passwd" .
  id:paper\\/4 a kg:Paper ; kg:arxivId "2601.00004" ; schema:url "https://arxiv.org/abs/2601.00004" .
  id:comparison\\/c1 a kg:Comparison ; kg:winner e:a ; kg:loser e:b ; kg:onDataset e:bench ;
      kg:metric e:err ; kg:winnerScore 1.0 ; kg:loserScore 1.5 ; prov:hadPrimarySource id:paper\\/1 .
  id:comparison\\/c2 a kg:Comparison ; kg:winner e:b ; kg:loser e:c ; kg:onDataset e:bench ;
      kg:metric e:err ; kg:winnerScore 1.5 ; kg:loserScore 2.5 ; prov:hadPrimarySource id:paper\\/1 .
} }"""


@pytest.fixture(scope="module")
def hostile():
    store = KnowledgeStore(None)
    store.update(HOSTILE)
    return store


def test_site_links_only_http_and_https(hostile, tmp_path):
    write_report(hostile, tmp_path / "site")
    links = [a for f in (tmp_path / "site").rglob("*.html") for a in read(f).links]
    assert "https://arxiv.org/abs/2601.00004" in links
    assert not [a for a in links if a.split(":", 1)[0].lower() in ("javascript", "data", "file")]
    page = read(tmp_path / "site" / "paper" / "2601.00001.html")
    assert "javascript:alert(1)" in "".join(page.text)  # shown as text, not a link


def test_site_removes_control_characters(hostile, tmp_path):
    write_report(hostile, tmp_path / "site")
    for f in (tmp_path / "site").rglob("*"):
        if f.is_file():
            raw = f.read_text(encoding="utf-8")
            assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", raw), f
    assert "Title" in (tmp_path / "site" / "paper" / "2601.00001.html").read_text(encoding="utf-8")


def test_site_never_writes_through_symlinks(hostile, tmp_path):
    out, outside = tmp_path / "site", tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.html").write_text("mine")
    write_report(hostile, out)
    shutil.rmtree(out / "model")
    (out / "model").symlink_to(outside, target_is_directory=True)
    (out / "index.html").unlink()
    (out / "index.html").symlink_to(outside / "keep.html")
    write_report(hostile, out)
    assert sorted(p.name for p in outside.iterdir()) == ["keep.html"]
    assert (outside / "keep.html").read_text() == "mine"
    assert not (out / "model").is_symlink() and (out / "model" / "b.html").is_file()
    assert not (out / "index.html").is_symlink()


def test_unknown_direction_is_said_and_ordered_by_the_comparisons(hostile, tmp_path):
    g = load(hostile)
    (board,) = leaderboards(g, ENTITY + "bench")
    assert board.direction == "unknown" and board.order == "lower" and board.votes == (2, 0)
    assert [g.label(r.system) for r in board.rows][1:] == ["Beta", "Gamma"]
    write_report(hostile, tmp_path / "site")
    page = read(tmp_path / "site" / "benchmark" / "bench.html")
    heading = [t for tag, t in page.headings if t.startswith("Leaderboard")][0]
    assert "direction unknown" in heading and "higher is better" not in heading


def test_pages_are_bounded_long_tables_cut_and_long_lists_split(seed_store, tmp_path, monkeypatch):
    from kg.outputs import site_pages

    monkeypatch.setattr(site_pages, "TABLE_ROWS", 2)
    monkeypatch.setattr(site_pages, "LIST_ROWS", 30)
    out = tmp_path / "site"
    write_report(seed_store, out)
    # 80 papers: papers.html, papers-2.html, papers-3.html, each paper once, each page linking the others
    lists = sorted(out.glob("papers*.html"))
    assert [p.name for p in lists] == ["papers-2.html", "papers-3.html", "papers.html"]
    listed = [r[0] for p in lists for r in read(p).table("")[1:]]
    assert len(listed) == len(set(listed)) == 80
    assert {"papers-2.html", "papers-3.html"} <= set(read(out / "papers.html").links)
    # a system in more comparisons than a table holds: two rows, and the page says how many there are
    page = read(out / "model" / "gpt4o.html")
    (total,) = [int(t.split("(")[1].rstrip(")")) for tag, t in page.headings if t.startswith("Beaten by")]
    assert total > 2 and len(page.table("Beaten by")) == 1 + 2
    assert f"The first 2 of {total} comparisons are shown." in " ".join("".join(page.text).split())
    # a later, shorter site leaves no page of the longer list behind
    monkeypatch.setattr(site_pages, "LIST_ROWS", 1000)
    write_report(seed_store, out)
    assert [p.name for p in out.glob("papers*.html")] == ["papers.html"]


def test_threaded_read_equals_a_read_on_one_thread(seed_store):
    """The queries run on threads, their rows split in the order they were
    queued: the graph read is the same whatever the number of threads."""
    from kg.outputs import site_read

    one = site_read.load(seed_store, threads=1)
    assert one.comparisons and one.papers and any(p.hardware for p in one.papers.values())
    assert site_read.load(seed_store, threads=3) == one


def test_forked_writers_write_the_same_site(seed_store, tmp_path, monkeypatch):
    """A large site is written by forked processes, each taking blocks of
    pages: the files are those one process writes, byte for byte."""
    from kg.outputs import site as site_mod

    one = write_report(seed_store, tmp_path / "one")
    monkeypatch.setattr(site_mod, "FORK_PAGES", 0)
    monkeypatch.setattr(site_mod, "BLOCK_PAGES", 3)
    monkeypatch.setattr(site_mod.os, "cpu_count", lambda: 3)
    assert site_mod._workers(10) == 3
    three = write_report(seed_store, tmp_path / "three")
    assert three.pages == one.pages
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "three") for p in (tmp_path / "three").rglob("*") if p.is_file())
    assert all((tmp_path / "one" / f).read_bytes() == (tmp_path / "three" / f).read_bytes() for f in files)


def test_a_forked_writer_that_fails_names_the_file(seed_store, tmp_path, monkeypatch):
    """A page a child process cannot write ends the report with one error naming it."""
    from kg.outputs import site as site_mod

    monkeypatch.setattr(site_mod, "FORK_PAGES", 0)
    monkeypatch.setattr(site_mod, "BLOCK_PAGES", 1)  # the child takes pages while the parent writes the index
    monkeypatch.setattr(site_mod.os, "cpu_count", lambda: 2)
    real, parent, failing = site_mod._PageWriter.write, os.getpid(), {"in_parent": True}

    def write(self, name, text):
        if "/" in name and (os.getpid() == parent) == failing["in_parent"]:
            raise PermissionError(13, "Permission denied", str(self.out / name))
        real(self, name, text)

    monkeypatch.setattr(site_mod._PageWriter, "write", write)
    for in_parent in (True, False):  # a page of this process fails, then one of the child's
        failing["in_parent"] = in_parent
        with pytest.raises(
            ReportError, match=r"cannot write the site: Permission denied \(.*/(paper|model|benchmark)/.*\.html\)"
        ):
            write_report(seed_store, tmp_path / "site")


def test_progress_counts_queries_then_pages(seed_store, tmp_path):
    """progress(done, total, what): the store's queries as they end, then the pages."""
    calls = []
    summary = write_report(seed_store, tmp_path / "site", progress=lambda *a: calls.append(a))
    reading = [(d, t) for d, t, what in calls if what == "reading the store"]
    pages = [(d, t) for d, t, what in calls if what == "pages"]
    assert reading and reading[-1][0] == reading[-1][1] > 30  # every query counted, the last one ends it
    assert [d for d, _ in reading] == sorted(d for d, _ in reading)
    assert pages and pages[-1][0] == pages[-1][1] >= summary.pages
    whats = [what for _, _, what in calls]
    assert whats.index("pages") > len(whats) - 1 - whats[::-1].index("reading the store")  # reading ends first
