"""kg.serve.query_guard and kg query's safety: SERVICE refused, limits before
evaluation, Ctrl-C and --timeout, one-line errors."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from kg.cli import main
from kg.serve.query_guard import QueryRefused, check_query, first_keyword, tokens
from kg.serve.server import free_port

from conftest import ROOT
from test_serve import Listener

CROSS3 = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def refused(q: str, **kw) -> bool:
    try:
        check_query(q, **kw)
    except QueryRefused:
        return True
    return False


def rdflib_has_service(q: str) -> bool:
    """Whether rdflib's parse tree of ``q`` holds a ServiceGraphPattern."""
    tree = parseUpdate(q) if first_keyword(q) in ("INSERT", "DELETE", "WITH") else parseQuery(q)

    def walk(node) -> bool:
        if isinstance(node, CompValue):
            return node.name == "ServiceGraphPattern" or any(walk(v) for v in node.values())
        if isinstance(node, (list, tuple, ParseResults)):
            return any(walk(v) for v in node)
        if isinstance(node, dict):
            return any(walk(v) for v in node.values())
        return False

    return walk(tree)


AGREEMENT = [
    "SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://x/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE ?ep { ?s ?q ?r } } }",
    "SELECT * WHERE { ?s ?p ?o FILTER NOT EXISTS { SERVICE <http://x/> { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://x/> { ?s ?p ?o } } } }",
    "INSERT { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/> { }" }',
    "SELECT * WHERE { ?s ?p '''multi\nSERVICE <http://x/> {}\n''' }",
    "SELECT * WHERE { ?s <http://e/SERVICE> ?o }",
    "SELECT ?service WHERE { ?service ?p ?o }",
    "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:SERVICE ?o }",
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> { }",
    'SELECT * WHERE { ?s ?p "a\\"SERVICE" }',
    "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3) FILTER(?o > 1) }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o<3 && ?o>1) SERVICE <http://x/> { ?s ?p ?o } }",
]


@pytest.mark.parametrize("q", AGREEMENT)
def test_service_verdict_agrees_with_rdflib_parse_tree(q):
    assert refused(q) == rdflib_has_service(q)


def test_service_refused_where_rdflib_cannot_parse():
    # LATERAL (Oxigraph) and deep parentheses are beyond rdflib's parser
    assert refused("SELECT * WHERE { ?x ?y ?z LATERAL { SERVICE <http://x/> { ?s ?p ?o } } }")
    assert refused("SELECT * WHERE { ?s ?p ?o FILTER" + "(" * 40 + "1" + ")" * 40 + " SERVICE <http://x/> { } }")
    assert refused("SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }")
    assert refused("PREFIX service: <http://x/> SELECT * WHERE { SERVICE service:a { } }")


def test_shipped_queries_pass(shipped=("beats", "leaderboard", "hardware", "papers")):
    from kg.outputs.queries import resolve_query

    for name in shipped:
        check_query(resolve_query(name))
        assert first_keyword(resolve_query(name)) == "SELECT"


def test_limits_name_line_and_column():
    with pytest.raises(QueryRefused, match=r"nested more than 100 levels deep \(at line 2, column 207\)"):
        check_query("SELECT *\nWHERE " + "{ " * 200 + "}" * 200)
    with pytest.raises(QueryRefused, match="more than 5000 operators"):
        check_query("SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 3000) + " }")
    with pytest.raises(QueryRefused, match="bytes, more than the limit") as e:
        check_query("ASK {}" + " " * 100, max_bytes=100)
    assert e.value.status == 413
    check_query("SELECT * WHERE " + "{ " * 100 + "}" * 100)  # at the limit: fine
    with pytest.raises(QueryRefused, match="LOAD at line 1, column 1"):
        check_query("LOAD <http://x/data.ttl>")
    check_query("LOAD <http://x/data.ttl>", allow_service=True)


def test_tokens_skip_strings_iris_and_comments():
    toks = [(t.kind, t.text) for t in tokens('SELECT ?s { ?s <a#b> "x # y" } # c\nLIMIT 1')]
    assert toks == [
        ("word", "SELECT"),
        ("var", "?s"),
        ("op", "{"),
        ("var", "?s"),
        ("iri", "<a#b>"),
        ("string", '"x # y"'),
        ("op", "}"),
        ("word", "LIMIT"),
        ("number", "1"),
    ]
    assert first_keyword("PREFIX : <http://e/>\nBASE <http://b/>\n# c\nADD <a> TO <b>") == "ADD"


# -- kg query -------------------------------------------------------------------------------------
def kg(*args, timeout=60, **kw) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=timeout, **kw
    )


def test_kg_query_service_is_refused_and_listener_receives_nothing(seed_store_path):
    lst = Listener()
    try:
        r = CliRunner().invoke(
            main, ["query", "--store", str(seed_store_path), f"SELECT * WHERE {{ SERVICE <{lst.url}> {{ ?s ?p ?o }} }}"]
        )
        time.sleep(0.3)
    finally:
        lst.close()
    assert r.exit_code == 1 and "error: SERVICE at line 1, column 18" in r.output
    assert "--allow-service" in r.output and lst.received == []


def test_kg_query_runtime_service_error_is_one_line(seed_store_path):
    endpoint = f"http://127.0.0.1:{free_port()}/sparql"  # nothing listens there
    r = CliRunner().invoke(
        main,
        [
            "query",
            "--store",
            str(seed_store_path),
            "--allow-service",
            f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}",
        ],
    )
    assert r.exit_code == 1 and r.output.startswith("error: SPARQL evaluation failed")
    assert len(r.output.strip().splitlines()) == 1 and "Traceback" not in r.output


@pytest.mark.slow
def test_kg_query_10000_nested_braces_is_an_error_not_a_segfault(seed_store_path):
    r = kg("query", "--store", str(seed_store_path), "SELECT * WHERE " + "{ " * 10000 + "}" * 10000)
    assert r.returncode == 1, r.returncode
    assert r.stderr.startswith("error: query nested more than 100 levels deep")


@pytest.mark.slow
def test_ctrl_c_stops_a_long_kg_query(seed_store_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "query", "--store", str(seed_store_path), CROSS3],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        time.sleep(2.5)  # started, and deep in the evaluation
        assert proc.poll() is None
        proc.send_signal(signal.SIGINT)
        t0 = time.monotonic()
        _, err = proc.communicate(timeout=10)
        took = time.monotonic() - t0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130 and took < 2, (proc.returncode, took)
    assert err.strip() == "interrupted"


@pytest.mark.slow
def test_kg_query_timeout_stops_a_long_query(seed_store_path):
    t0 = time.monotonic()
    r = kg("query", "--store", str(seed_store_path), "--timeout", "1", CROSS3)
    assert r.returncode == 1 and time.monotonic() - t0 < 10
    assert r.stderr.strip() == "error: query stopped after 1 s (the --timeout)"


@pytest.mark.parametrize("op", ["ADD", "MOVE", "COPY"])
def test_add_move_copy_accepted_with_update(seed_store_path, tmp_path, op):
    store = tmp_path / "s"
    shutil.copytree(seed_store_path, store)
    run = CliRunner().invoke
    assert (
        run(
            main,
            [
                "query",
                "--store",
                str(store),
                "--update",
                "INSERT DATA { GRAPH <http://e/a> { <http://e/s> <http://e/p> 1 } }",
            ],
        ).exit_code
        == 0
    )
    r = run(main, ["query", "--store", str(store), f"{op} <http://e/a> TO <http://e/b>"])
    assert r.exit_code == 1 and "pass --update" in r.output
    r = run(main, ["query", "--store", str(store), "--update", f"{op} <http://e/a> TO <http://e/b>"])
    assert r.exit_code == 0 and "update done" in r.output, r.output
    r = run(
        main,
        [
            "query",
            "--store",
            str(store),
            "--format",
            "csv",
            "SELECT ?g WHERE { GRAPH ?g { <http://e/s> ?p ?o } } ORDER BY ?g",
        ],
    )
    expected = {"ADD": ["http://e/a", "http://e/b"], "COPY": ["http://e/a", "http://e/b"], "MOVE": ["http://e/b"]}[op]
    assert r.output.split()[1:] == expected


def test_bind_iri_with_space_is_one_line_error(seed_store_path):
    r = CliRunner().invoke(main, ["query", "--store", str(seed_store_path), "beats", "--bind", "loser=http://a b"])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert r.output.startswith("error: --bind 'loser=http://a b': 'http://a b' is not a valid IRI")


def test_bind_bad_variable_name_is_one_line_error(seed_store_path):
    r = CliRunner().invoke(main, ["query", "--store", str(seed_store_path), "beats", "--bind", "a b=x"])
    assert r.exit_code == 1 and r.exception is None or isinstance(r.exception, SystemExit)
    assert r.output.startswith("error: --bind 'a b=x': 'a b' is not a SPARQL variable name")


def test_overlong_query_argument_is_not_a_traceback(seed_store_path):
    r = CliRunner().invoke(main, ["query", "--store", str(seed_store_path), "x" * 5000])
    assert r.exit_code == 1 and "neither SPARQL" in r.output and "Traceback" not in r.output


@pytest.mark.slow
def test_kg_query_max_memory_stops_a_greedy_query_with_an_error(seed_store_path):
    r = CliRunner().invoke(
        main,
        [
            "query",
            "--store",
            str(seed_store_path),
            "--max-memory",
            "700MB",
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f",
        ],
    )
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert r.output.startswith("error: the query process ended") and "memory limit (700 MiB)" in r.output


@pytest.mark.slow
@pytest.mark.parametrize("args", [["beats", "--bind", "loser=GPT-4o"], ["ASK { ?p a kg:Paper }"], ["papers_per_field"]])
def test_kg_query_max_memory_prints_what_the_in_process_query_prints(seed_store_path, args):
    base = ["query", "--store", str(seed_store_path), "--format", "json", *args]
    plain = CliRunner().invoke(main, base)
    isolated = CliRunner().invoke(main, [*base, "--max-memory", "1GB"])
    assert plain.exit_code == isolated.exit_code == 0, isolated.output
    assert isolated.output == plain.output and len(plain.output) > 20


def test_insert_data_quads_are_not_operators():
    triples = " ".join(f"<http://e/s{i}> <http://e/p> {i} ." for i in range(6000))
    check_query(f"INSERT DATA {{ GRAPH <http://e/g> {{ {triples} }} }}")
    check_query(f"DELETE DATA {{ {triples} }} ; INSERT DATA {{ {triples} }}")
    with pytest.raises(QueryRefused, match="more than 5000 operators"):
        check_query(
            f"INSERT DATA {{ <http://e/a> <http://e/b> 1 }} ; "
            f"DELETE WHERE {{ {triples.replace('<http://e/s', '?s').replace('> <http', ' <http')} }}"
        )
    with pytest.raises(QueryRefused, match="more than 5000 operators"):
        check_query(f"SELECT * WHERE {{ {triples} }}")


def _ctrl_c_in_a_terminal(args: list[str], after: float) -> tuple[int, float, str]:
    """Run ``python -m kg ARGS`` on a pseudo-terminal that is its controlling
    terminal, type Ctrl-C after ``after`` seconds; (status, seconds from the
    key to the exit, screen)."""
    import fcntl
    import pty
    import termios

    master, slave = pty.openpty()

    def own_terminal():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=ROOT,
        preexec_fn=own_terminal,
    )
    os.close(slave)
    time.sleep(after)
    os.write(master, b"\x03")  # the terminal sends SIGINT to its foreground process group
    t0 = time.monotonic()
    try:
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    took = time.monotonic() - t0
    screen = b""
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        screen += data
    os.close(master)
    return proc.returncode, took, screen.decode("utf-8", "replace")


@pytest.mark.slow
def test_ctrl_c_typed_in_a_terminal_stops_a_long_kg_query(seed_store_path):
    status, took, screen = _ctrl_c_in_a_terminal(["query", "--store", str(seed_store_path), CROSS3], 3)
    assert status == 130 and took < 2, (status, took, screen)
    assert "interrupted" in screen and "Traceback" not in screen


@pytest.mark.slow
def test_ctrl_c_typed_in_a_terminal_stops_kg_serve(seed_store_path):
    port = free_port()
    status, took, screen = _ctrl_c_in_a_terminal(["serve", "--store", str(seed_store_path), "--port", str(port)], 4)
    assert status == 0 and took < 5, (status, took, screen)
    assert f"http://127.0.0.1:{port}/" in screen and "stopped" in screen and "Traceback" not in screen
