"""kg/rdf/store.py: atomic graph replacement (also under kill -9), opening errors
(file, foreign folder, lock held by another process), SPARQL errors with line
and column, bound parameters."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import QueryError, StoreError
from kg.outputs.queries import run_select
from kg.rdf.store import KnowledgeStore

from conftest import ROOT, child_env, store_held_by_another_process

G1 = ox.NamedNode("https://w3id.org/paperkg/graph/report/a.txt")
G2 = ox.NamedNode("https://w3id.org/paperkg/graph/report/b.txt")
P = ox.NamedNode("https://w3id.org/paperkg#quote")


def quads(graph, n, tag="v"):
    return [
        ox.Quad(ox.NamedNode(f"https://w3id.org/paperkg/id/x/{i}"), P, ox.Literal(f"{tag}{i}"), graph) for i in range(n)
    ]


# ---------------------------------------------------------------------------
# replace_graph
# ---------------------------------------------------------------------------


def test_replace_graph_replaces_only_its_graph():
    s = KnowledgeStore()
    s.replace_graph(G1, quads(G1, 5, "old"))
    s.replace_graph(G2, quads(G2, 3))
    assert s.replace_graph(G1, quads(G1, 2, "new")) == 2
    assert set(s.quads(G1)) == set(quads(G1, 2, "new"))
    assert set(s.quads(G2)) == set(quads(G2, 3))
    s.replace_graph(G1, [])
    assert list(s.quads(G1)) == [] and len(s) == 3
    s.remove_graph(G2)
    assert len(s) == 0


def test_replace_graph_refuses_foreign_quads_and_blank_nodes_and_writes_nothing():
    s = KnowledgeStore()
    s.replace_graph(G1, quads(G1, 4))
    with pytest.raises(ValueError, match="is not in graph"):
        s.replace_graph(G1, quads(G1, 2, "new") + quads(G2, 1))
    with pytest.raises(ValueError, match="blank node"):
        s.replace_graph(G1, [ox.Quad(ox.BlankNode("b"), P, ox.Literal("x"), G1)])
    assert set(s.quads()) == set(quads(G1, 4))


def test_a_failing_write_leaves_the_old_graph(monkeypatch):
    s = KnowledgeStore()
    s.replace_graph(G1, quads(G1, 4))

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(s, "_store", _Proxy(s._store, update=broken))
    with pytest.raises(StoreError, match="cannot write graph .*a.txt: disk full"):
        s.replace_graph(G1, quads(G1, 9, "new"))
    assert set(s.quads(G1)) == set(quads(G1, 4))


class _Proxy:
    """Wraps a pyoxigraph Store, overriding some methods."""

    def __init__(self, inner, **overrides):
        self._inner, self._overrides = inner, overrides

    def __getattr__(self, name):
        return self._overrides.get(name) or getattr(self._inner, name)


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(_TEXT, max_size=8), lang=st.sampled_from([None, "zh", "en-GB"]))
def test_any_literal_survives_the_sparql_text_of_replace_graph(values, lang):
    # replace_graph writes N-Triples text inside INSERT DATA: no string,
    # however strange, may break it or change on the way
    s = KnowledgeStore()
    qs = [
        ox.Quad(
            ox.NamedNode(f"https://w3id.org/paperkg/id/x/{i}"),
            P,
            ox.Literal(v, language=lang) if lang else ox.Literal(v),
            G1,
        )
        for i, v in enumerate(values)
    ]
    s.replace_graph(G1, qs)
    assert set(s.quads(G1)) == set(qs)


# ---------------------------------------------------------------------------
# kill -9 while writing: every graph is entirely old or entirely new
# ---------------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    import pyoxigraph as ox
    from kg.rdf.store import KnowledgeStore
    s = KnowledgeStore(sys.argv[1])
    P = ox.NamedNode("https://w3id.org/paperkg#quote")
    graphs = [ox.NamedNode(f"https://w3id.org/paperkg/graph/report/{g}.txt") for g in "abcd"]
    def version(g, tag, n):
        return [ox.Quad(ox.NamedNode(f"https://w3id.org/paperkg/id/x/{i}"), P,
                        ox.Literal(f"{tag}{i}"), g) for i in range(n)]
    i = 0
    while True:
        for g in graphs:
            s.replace_graph(g, version(g, "A", 3000) if i % 2 else version(g, "B", 2000))
            print(i, flush=True)
        i += 1
""")


@pytest.mark.slow
def test_kill_9_during_replace_graph_never_leaves_half_a_graph(tmp_path):
    path = tmp_path / "store"
    expected = {}
    for name in "abcd":
        g = ox.NamedNode(f"https://w3id.org/paperkg/graph/report/{name}.txt")
        expected[name] = (set(quads(g, 3000, "A")), set(quads(g, 2000, "B")))
    rng = random.Random(4)
    states = []
    for _ in range(6):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, env=child_env(), cwd=ROOT, text=True
        )
        for _ in range(rng.randint(1, 12)):  # let it commit a few graphs, then kill it mid-loop
            assert proc.stdout.readline()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        s = KnowledgeStore(path)  # opens: no stale lock, no corruption
        for name, (a, b) in expected.items():
            g = ox.NamedNode(f"https://w3id.org/paperkg/graph/report/{name}.txt")
            got = set(s.quads(g))
            assert got in (a, b, set()), f"graph {name}: {len(got)} quads, a partial graph"
            states.append(len(got))
        del s
    assert {3000, 2000} <= set(states)


# ---------------------------------------------------------------------------
# Opening
# ---------------------------------------------------------------------------


def test_store_path_that_is_a_file(tmp_path):
    f = tmp_path / "store.txt"
    f.write_text("x")
    with pytest.raises(StoreError) as info:
        KnowledgeStore(f)
    assert str(info.value) == f"{f}: store path is a file, not a folder"


def test_a_foreign_folder_is_never_written_into(tmp_path):
    (tmp_path / "notes.md").write_text("mine")
    with pytest.raises(StoreError) as info:
        KnowledgeStore(tmp_path)
    assert str(info.value) == (
        f"{tmp_path}: folder is not empty and is not a PaperKG store; "
        "refusing to write into it (choose another --store)"
    )
    with pytest.raises(StoreError, match="not a PaperKG store"):
        KnowledgeStore(tmp_path, read_only=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]


def test_read_only_store_that_does_not_exist(tmp_path):
    with pytest.raises(StoreError) as info:
        KnowledgeStore(tmp_path / "nope", read_only=True)
    assert str(info.value) == f"{tmp_path / 'nope'}: no store here (run 'kg build' first)"


@pytest.fixture()
def held_store(tmp_path):
    """A store folder whose write lock another running process holds."""
    path = tmp_path / "held"
    with store_held_by_another_process(path):
        yield path


def test_store_locked_by_another_process(held_store):
    with pytest.raises(StoreError) as info:
        KnowledgeStore(held_store)
    assert str(info.value) == (
        f"{held_store}: store is in use by another process (another 'kg' command is running); try again when it ends"
    )
    assert "RocksDB" not in str(info.value) and "LOCK" not in str(info.value)
    # readers are not blocked by a writer
    assert len(KnowledgeStore(held_store, read_only=True)) == 0


# ---------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------


def test_syntax_error_names_line_and_column_and_shows_the_line():
    s = KnowledgeStore()
    with pytest.raises(QueryError) as info:
        s.query("SELECT ?x WHERE {\n  ?x ?y ?z }\nLIMIT ten")
    assert str(info.value).splitlines() == [
        "SPARQL syntax error at line 3, column 7: expected one of HAVING, OFFSET, OPTIONAL, VALUES, ['0'..='9']",
        "  LIMIT ten",
        "        ^",
    ]


def test_unknown_prefix_is_named():
    with pytest.raises(QueryError) as info:
        KnowledgeStore().query("SELECT * WHERE { ?x foo:bar ?z }")
    first = str(info.value).splitlines()[0]
    assert first.startswith(
        "SPARQL syntax error at line 1, column 28: unknown prefix 'foo:' "
        "(declare it with PREFIX foo: <…>; predeclared: "
    )


def test_update_syntax_error_names_line_and_column():
    with pytest.raises(QueryError, match=r"^SPARQL syntax error at line 1, column \d+: "):
        KnowledgeStore().update("INSERT DATA { <http://a> <http://b> }")


@pytest.mark.parametrize(
    "evil",
    [
        '" } ; DROP ALL ; #',
        "x> } DROP ALL { <y",
        "') UNION { ?s ?p ?o } #",
        "\\u0022 } #",
    ],
)
def test_bound_values_are_values_never_sparql(evil):
    s = KnowledgeStore()
    s.replace_graph(G1, quads(G1, 3))
    t = run_select(s, "SELECT ?s ?v WHERE { ?s kg:quote ?v }", {"v": ox.Literal(evil)})
    assert t.rows == []
    assert len(s) == 3
    t = run_select(s, "SELECT ?s ?v WHERE { ?s kg:quote ?v }", {"v": ox.Literal("v1")})
    assert t.rows == [["https://w3id.org/paperkg/id/x/1", "v1"]]


def test_load_ontology_is_idempotent_and_repairs_a_partial_graph(tmp_path):
    from kg.rdf import vocab
    from kg.resources import ontology_path

    s = KnowledgeStore()
    n = s.load_ontology(ontology_path())
    g = ox.NamedNode(vocab.ONTOLOGY_GRAPH)
    full = set(s.quads(g))
    assert len(full) == n
    # a crash between the add and the remove steps leaves a superset; a
    # crash before leaves the old graph: the next load repairs either
    stale = ox.Quad(ox.NamedNode(vocab.KG + "Old"), ox.NamedNode(vocab.RDFS_LABEL), ox.Literal("old"), g)
    s._store.add(stale)
    for q in list(full)[:10]:
        s._store.remove(q)
    s.load_ontology(ontology_path())
    assert set(s.quads(g)) == full


def test_read_only_open_retries_while_a_writer_compacts(tmp_path, monkeypatch):
    import types

    import kg.rdf.store_open

    KnowledgeStore(tmp_path / "s").close()
    calls = []

    def flaky(path):
        calls.append(path)
        if len(calls) < 3:
            raise OSError(
                "Corruption: IO error: No such file or directory: While open a file for random read: 000062.sst"
            )
        return ox.Store.read_only(path)

    monkeypatch.setattr(kg.rdf.store_open, "ox", types.SimpleNamespace(Store=types.SimpleNamespace(read_only=flaky)))
    assert len(KnowledgeStore(tmp_path / "s", read_only=True)) == 0
    assert len(calls) == 3

    def always(path):
        raise OSError("Corruption: IO error: No such file or directory: 000062.sst\nmore")

    monkeypatch.setattr(kg.rdf.store_open, "ox", types.SimpleNamespace(Store=types.SimpleNamespace(read_only=always)))
    with pytest.raises(StoreError) as info:
        KnowledgeStore(tmp_path / "s", read_only=True)
    assert str(info.value) == (
        f"{tmp_path / 's'}: cannot open store (another process is writing the "
        "store; try again when it ends): Corruption: IO error: No such file or "
        "directory: 000062.sst"
    )


def test_a_store_another_process_is_creating_is_not_taken_for_a_foreign_folder(tmp_path):
    # RocksDB writes its info LOG a few milliseconds before its LOCK: a second
    # `kg build` that looks in between must not call the folder foreign
    import threading

    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "LOG").write_text("")
    creator = threading.Timer(0.05, (folder / "LOCK").write_text, args=("",))
    creator.start()
    try:
        store = KnowledgeStore(folder)  # opens: what is there is a (fresh) RocksDB folder
    finally:
        creator.join()
    assert len(store) == 0
    store.close()


def test_rewrite_graph_writes_the_difference_and_the_fingerprint_last():
    import pyoxigraph as ox

    from kg.rdf import vocab

    store = KnowledgeStore()
    g, other = ox.NamedNode("https://example.org/g"), ox.NamedNode("https://example.org/h")

    def q(i, graph=g):
        return ox.Quad(
            ox.NamedNode(f"https://example.org/s{i}"), ox.NamedNode("https://example.org/p"), ox.Literal(f"v{i}"), graph
        )

    fp = ox.Quad(ox.NamedNode("https://example.org/r"), ox.NamedNode(vocab.BUILD_FINGERPRINT), ox.Literal("old"), g)
    store.add_quads([q(i) for i in range(0, 30)] + [fp, q(0, other)])
    new_fp = ox.Quad(fp.subject, fp.predicate, ox.Literal("new"), g)
    nq = lambda quads: ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    chunks = [nq([q(i) for i in range(20, 40)]), nq([q(i) for i in range(35, 50)])]  # overlapping
    store.rewrite_graph(g, iter(chunks), nq([new_fp]))
    assert set(store.quads(g)) == {q(i) for i in range(20, 50)} | {new_fp}
    assert set(store.quads(other)) == {q(0, other)}


def test_rewrite_graph_interrupted_leaves_no_fingerprint():
    import pyoxigraph as ox

    from kg.rdf import vocab

    store = KnowledgeStore()
    g = ox.NamedNode("https://example.org/g")
    fp = ox.Quad(ox.NamedNode("https://example.org/r"), ox.NamedNode(vocab.BUILD_FINGERPRINT), ox.Literal("old"), g)
    store.add_quads([fp])

    def chunks():
        yield b""
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.rewrite_graph(g, chunks(), b"")
    assert not [x for x in store.quads(g) if x.predicate.value == vocab.BUILD_FINGERPRINT]


def test_a_store_in_a_folder_that_does_not_exist_yet_is_created_with_its_parents(tmp_path):
    """`kg build seeds --store out/kg` on a fresh machine: out/ is made, a
    reader of a missing store still gets the one-line 'no store here'."""
    path = tmp_path / "out" / "deeper" / "kg"
    with pytest.raises(StoreError, match="no store here"):
        KnowledgeStore(path, read_only=True)
    assert not (tmp_path / "out").exists()
    store = KnowledgeStore(path)
    store.load_ontology(ROOT / "ontology" / "paperkg.ttl")
    store.close()
    assert len(KnowledgeStore(path, read_only=True)) > 0
