"""The CLI audit: bad invocations a user can make end in one message that
names the file, option or value at fault, never a traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import main

#: (arguments, text the message must contain); {S} is the seed store, {T} a
#: folder of bad inputs (see ``bad``), {N} a folder with no store
CASES = [
    (["build", "{T}/nosuch", "--store", "{T}/st1"], "{T}/nosuch"),
    (["build", "seeds", "--max-size", "abc", "--store", "{T}/st1"], "--max-size"),
    (["build", "seeds", "--jobs", "0", "--store", "{T}/st1"], "--jobs"),
    (["build", "seeds", "--store", "{T}/afile"], "{T}/afile"),
    (["build", "{T}/paper.pdf", "--store", "{T}/st2"], "paper.pdf"),
    (["load", "{T}/kg.ttl", "--store", "{T}/st3"], "{T}/kg.ttl:1"),
    (["load", "{T}/missing.nq", "--store", "{T}/st4"], "{T}/missing.nq"),
    (["load", "{T}/emptydir", "--store", "{T}/st5"], "{T}/emptydir"),
    (["export", "--store", "{S}", "-o", "{T}/missing-folder/x.ttl"], "{T}/missing-folder"),
    (["export", "--store", "{S}", "--graph", "nosuch.txt"], "nosuch.txt"),
    (["export", "--store", "{S}", "--format", "xml"], "'xml'"),
    (["export", "--store", "{S}", "-o", "{T}/emptydir"], "{T}/emptydir"),
    (["export", "--store", "{N}"], "{N}"),
    (["query", "SELECT * WHERE {", "--store", "{S}"], "line 1, column 17"),
    (["query", "nosuchquery", "--store", "{S}"], "'nosuchquery'"),
    (["query", "{T}/missing.rq", "--store", "{S}"], "{T}/missing.rq"),
    (["query", "{T}/bad.sparql", "--store", "{S}"], "line 1"),
    (["query", "-", "--store", "{S}"], "standard input"),
    (["query", "beats", "--bind", "novalue", "--store", "{S}"], "'novalue'"),
    (["query", "beats", "--bind", "loser=http://a b", "--store", "{S}"], "'http://a b'"),
    (["query", "beats", "--bind", "1bad=x", "--store", "{S}"], "?1bad"),
    (["query", "beats", "--bind", "bad-name=x", "--store", "{S}"], "'bad-name'"),
    (["query", "INSERT DATA { <http://a> <http://b> <http://c> }", "--store", "{S}"], "--update"),
    (["query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1", "--store", "{S}"], "kg export"),
    (["query", "papers", "--format", "xml", "--store", "{S}"], "'xml'"),
    (["beats", "GPT-4o", "--store", "{N}"], "{N}"),
    (["beats"], "NAME"),
    (["beats", "GPT-4o", "--limit", "-1", "--store", "{S}"], "--limit"),
    (["beats", "GTP-4o", "--store", "{S}"], "'GTP-4o'"),
    (["show", "9999.99999", "--store", "{S}"], "9999.99999"),
    (["show", "2512.19995", "--store", "{N}"], "{N}"),
    (["stats", "--store", "{N}"], "{N}"),
    (["stats", "--store", "{T}/afile"], "{T}/afile"),
    (["stats", "--top", "abc", "--store", "{S}"], "--top"),
    (["report", "--store", "{S}", "-o", "{T}/afile"], "{T}/afile"),
    (["report", "--store", "{S}", "-o", "{T}/busy"], "{T}/busy"),
    (["report", "--store", "{S}", "-o", "{T}/afile/site"], "{T}/afile"),
    (["validate", "--store", "{N}"], "{N}"),
    (["validate", "--store", "{S}", "--limit", "x"], "--limit"),
    (["explain", "9999.99999", "--from", "seeds"], "9999.99999"),
    (["explain", "2512.19995", "--from", "{T}/nosuch"], "{T}/nosuch"),
    (["extract", "{T}/nosuch", "-o", "{T}/out"], "{T}/nosuch"),
    (["push", "--store", "{S}", "--endpoint", "notaurl"], "'notaurl'"),
    (["serve", "--port", "99999"], "--port"),
    (["nosuchcommand"], "nosuchcommand"),
]


def _fill(text: str, fill: dict) -> str:
    for k, v in fill.items():
        text = text.replace("{" + k + "}", v)
    return text


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    t = tmp_path_factory.mktemp("bad")
    (t / "kg.ttl").write_text("@prefix x: <http://x/> .\nx:a x:b x:c .\n")
    (t / "afile").write_text("not a store\n")
    (t / "emptydir").mkdir()
    (t / "busy").mkdir()
    (t / "busy" / "notes.txt").write_text("mine\n")
    (t / "bad.sparql").write_text("SELECT * WHERE {")
    (t / "paper.pdf").write_bytes(b"%PDF-1.4\x00\x01\x02\xff\xfe")
    return t


@pytest.mark.parametrize("args, names", CASES, ids=[" ".join(a)[:60] for a, _ in CASES])
def test_bad_invocation_gives_one_message_naming_the_thing(args, names, bad, seed_store_path, tmp_path):
    fill = {"S": str(seed_store_path), "T": str(bad), "N": str(tmp_path / "nostore")}
    r = CliRunner().invoke(main, [_fill(a, fill) for a in args], input="")
    assert r.exit_code in (1, 2), r.output
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert "Traceback" not in r.output
    errors = [ln for ln in r.output.splitlines() if ln.lower().startswith("error:")]
    assert errors, r.output
    assert _fill(names, fill) in r.output, r.output


def test_audit_has_at_least_30_cases():
    assert len(CASES) >= 30


def test_a_newline_in_a_file_name_cannot_forge_an_error_line(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "x\nerror: forged.txt").write_bytes(b"\x00\x01 not a report")
    r = CliRunner().invoke(main, ["build", str(reports), "--store", str(tmp_path / "st")])
    assert "Traceback" not in r.output
    assert not [ln for ln in r.output.splitlines() if ln.startswith("error: forged")], r.output
    assert "x\\nerror: forged.txt" in r.output, r.output  # named, escaped


def test_unexpected_errors_are_one_line_too(monkeypatch, seed_store_path):
    import kg.outputs.stats

    def boom(*a, **k):
        raise ValueError("something odd")

    monkeypatch.setattr(kg.outputs.stats, "store_stats", boom)
    r = CliRunner().invoke(main, ["stats", "--store", str(seed_store_path)])
    assert r.exit_code == 1 and r.exception is None or isinstance(r.exception, SystemExit)
    assert r.output.strip().splitlines()[-1].startswith("error: unexpected ValueError: something odd")
