"""Graphs in and out of the store: ``kg load`` (N-Quads files in),
``kg export`` (RDF syntaxes out) and ``kg push`` (to another triple store)."""

from __future__ import annotations

import io
import sys

import click

from kg.commands.common import open_store, store_option
from kg.outputs.cli_output import handle_errors, progress, safe_text


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@handle_errors
def load(paths, store_path):
    """Bulk-load N-Quads files written by 'kg extract' (folders: every *.nq).

    Adds the ontology graph; a report graph already in the store is replaced.
    Uses the bulk loader: fast but not atomic (if interrupted, load again).

    \b
    Example:  kg load nq/ --store big.kg
    """
    from kg.errors import StoreError
    from kg.pipeline.parallel import load_dir

    try:
        s = load_dir(paths, open_store(store_path))
    except StoreError as e:
        bad = _first_bad_nquads(paths)
        raise (
            StoreError(
                f"{bad}; 'kg load' reads the N-Quads files 'kg extract' writes "
                "(a Turtle file can be converted with any RDF tool)"
            )
            if bad
            else e
        ) from None
    if not s.files:
        raise StoreError(f"no N-Quads file (*.nq) under {', '.join(map(safe_text, paths))}")
    click.echo(f"loaded {s.files} file(s) into {store_path}: {s.quads} quads in the store, {s.seconds:.1f} s")


def _first_bad_nquads(paths) -> str | None:
    """``FILE:LINE: message`` of the first file under ``paths`` that is not
    valid N-Quads (read only after a load failed), or None."""
    from pathlib import Path

    import pyoxigraph as ox

    for p in map(Path, paths):
        for f in sorted(p.rglob("*.nq")) if p.is_dir() else [p]:
            try:
                for _ in ox.parse(path=str(f), format=ox.RdfFormat.N_QUADS):
                    pass
            except SyntaxError as e:
                line = getattr(e, "lineno", None)
                where = f"{safe_text(str(f))}:{line}" if line else safe_text(str(f))
                return f"{where}: not valid N-Quads: {safe_text(str(e))}"
            except OSError:
                continue
    return None


@click.command()
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "nquads", "ntriples", "trig", "jsonld"]),
    default="turtle",
    show_default=True,
    help="RDF syntax.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@click.option(
    "--graph",
    "graph",
    metavar="REPORT_OR_IRI",
    help="Export one named graph: a report name (2026-01-13/report.txt, or a file name "
    "only one report has), a graph IRI, or 'ontology'.",
)
@handle_errors
def export(store_path, fmt, output, graph):
    """Export the graph (with the ontology) as Turtle, N-Quads, N-Triples, TriG or JSON-LD.

    N-Quads, TriG and JSON-LD keep one named graph per report; Turtle and
    N-Triples give the union of all graphs.  JSON-LD carries a @context with
    the ontology's prefixes.  --graph exports one report's graph only.

    \b
    Example:  kg export --format jsonld --graph 000_3d92274d0f9505a7.txt -o r0.jsonld
    """
    from kg.rdf.export import export as run_export

    store = open_store(store_path, read_only=True)
    if output:
        with progress(f"writing {safe_text(output)}"):
            run_export(store, fmt, output, graph)
        click.echo(f"wrote {output}", err=True)
    else:
        buf = io.BytesIO()
        run_export(store, fmt, buf, graph)
        sys.stdout.buffer.write(buf.getvalue())
        sys.stdout.flush()


@click.command()
@store_option
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="SPARQL 1.1 Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store.",
)
@click.option("--timeout", default=60.0, show_default=True, help="Seconds per HTTP request.")
@handle_errors
def push(store_path, endpoint, timeout):
    """Upload the ontology and every report graph to a triple store.

    One HTTP PUT per named graph (ENDPOINT?graph=IRI, N-Triples body), which
    replaces that graph on the server: pushing twice changes nothing.  Basic
    authentication from user:password@ in the URL, or $KG_PUSH_USER and
    $KG_PUSH_PASSWORD; messages never show them.  The graphs are named
    graphs: query them with GRAPH ?g { … }, or let the store use the union
    of its graphs as default graph (see README).

    \b
    Example:  kg push --endpoint http://localhost:3030/papers/data
    """
    from kg.outputs.push import UNION_NOTE, env_auth, push as run_push

    s = run_push(open_store(store_path, read_only=True), endpoint, auth=env_auth(), timeout=timeout)
    click.echo(f"pushed {s.graphs} graph(s), {s.triples} triples to {s.endpoint} in {s.seconds:.1f} s")
    click.echo(UNION_NOTE, err=True)
