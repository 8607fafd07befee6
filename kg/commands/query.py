"""Questions to the store: ``kg query`` (SPARQL text, file or shipped query)
and ``kg beats`` (who beats a model, on what)."""

from __future__ import annotations

import sys

import click

from kg.commands.common import FORMAT_OPTION, did_you_mean, interrupted, open_store, size_value, store_option
from kg.outputs.cli_output import handle_errors, print_table, safe_text

#: rows ``kg beats`` reads by default (a bounded time on any store)
BEATS_LIMIT = 50


@click.command()
@click.argument("name")
@store_option
@click.option("--evidence", is_flag=True, help="Also show the quoted sentence, file and line.")
@click.option(
    "--limit",
    default=BEATS_LIMIT,
    show_default=True,
    type=click.IntRange(min=0),
    help="Read at most this many comparisons (0: all). Past the limit the rows are a "
    "sample, and a note on stderr says so.",
)
@FORMAT_OPTION
@handle_errors
def beats(name, store_path, evidence, limit, fmt):
    """Which models beat NAME, on what benchmark, with which scores.

    NAME is matched through its aliases (GPT-4o, gpt4o and 'GPT 4o' are the
    same model); the comparisons it loses are read by index lookups, so the
    time follows the number of rows, not the size of the store.  One row per
    stated claim: a method applied to a base model reads 'BASE (METHOD)'
    (say 'Mistral-7B (KiteRL)'), a claim stated twice (in English and
    Chinese, with and without its benchmark) is one row, and a metric never
    wins.  Rows are sorted by winner, then winner score (highest first).

    \b
    Examples:
      kg beats GPT-4o --evidence
      kg beats GPT-4o --limit 0 --format csv > beats-gpt4o.csv
    """
    from kg.errors import QueryError
    from kg.outputs.queries import Table, beats as run_beats, resolve_entity

    store = open_store(store_path, read_only=True)
    entities = resolve_entity(store, name)
    if not entities:
        raise QueryError(
            f"no entity named '{safe_text(name)}' in the store"
            + (did_you_mean(store, name) or "; check the spelling, or run 'kg stats' for names")
        )
    t = run_beats(store, name, limit or None, evidence)
    if not t.rows:
        from kg.outputs.names import comparisons_won

        won = sum(comparisons_won(store, e.value) for e in entities)
        click.echo(
            f"'{safe_text(name)}' is in the store, but no comparison says that something beats it "
            f"(it wins {won} comparison(s)){did_you_mean(store, name, entities)}",
            err=True,
        )
        return
    keep = t.columns if evidence else t.columns[:7]
    ix = [t.columns.index(c) for c in keep]
    print_table(Table(keep, [[r[i] for i in ix] for r in t.rows]), fmt)
    if not t.complete:
        click.echo(
            f"note: more than {limit} comparisons say that something beats '{name}'; these "
            f"{len(t.rows)} are a sample (use --limit 0 for all, sorted)",
            err=True,
        )


@click.command()
@click.argument("query")
@store_option
@FORMAT_OPTION
@click.option(
    "--bind",
    "binds",
    multiple=True,
    metavar="VAR=VALUE",
    help="Bind ?VAR to VALUE (an IRI if it starts with http, an entity name otherwise). Repeatable.",
)
@click.option("--update", is_flag=True, help="Allow a SPARQL Update (the default is read-only).")
@click.option(
    "--timeout",
    type=click.FloatRange(0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Stop the query with an error after SECONDS (default: no limit; Ctrl-C stops it).",
)
@click.option(
    "--allow-service",
    is_flag=True,
    help="Let the query use SERVICE or LOAD, which send HTTP requests to the IRIs they name. Refused by default.",
)
@click.option(
    "--max-memory",
    default=None,
    metavar="SIZE",
    help="Evaluate in a separate process limited to SIZE of memory (e.g. 2GB); a query "
    "that needs more gets an error. Default: no limit, in-process.",
)
@handle_errors
def query(query, store_path, fmt, binds, update, timeout, allow_service, max_memory):
    """Run SPARQL: inline text, a .rq or .sparql file, a query name from queries/, or - (stdin).

    \b
    Examples:
      kg query papers_per_field
      kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?p a kg:Paper }'
      kg query beats --bind loser=GPT-4o
      kg query - --format json < my-query.sparql
    With --format json, numbers and booleans are JSON numbers and booleans
    (from each literal's datatype) and unbound values null.
    Prefixes kg:, rdfs:, skos:, prov:, dcterms:, schema: … are predeclared.
    Queries are bounded in size and nesting; SERVICE is refused unless
    --allow-service.
    """
    from kg.errors import QueryError
    from kg.outputs.queries import is_update
    from kg.serve.query_guard import check_query

    sparql = _query_text(query)
    check_query(sparql, allow_service=allow_service)
    if not is_update(sparql):
        _select(store_path, sparql, binds, fmt, timeout, max_memory)
    elif not update:
        raise QueryError("this is a SPARQL Update; pass --update to change the store")
    else:
        _update(store_path, sparql, timeout)


def _query_text(query: str) -> str:
    """The SPARQL text of QUERY: stdin for ``-``, else a file, a shipped
    query's name or the text itself (QueryError: nothing on stdin)."""
    from kg.errors import QueryError
    from kg.outputs.queries import resolve_query

    if query != "-":
        return resolve_query(query)
    sparql = sys.stdin.read()
    if not sparql.strip():
        raise QueryError("no query on standard input ('kg query -' reads the SPARQL text from stdin)")
    return sparql


def _update(store_path: str, sparql: str, timeout: float | None) -> None:
    """Run a SPARQL Update on the store, bounded by ``timeout`` seconds."""
    from kg.serve.query_guard import run_bounded

    store = open_store(store_path)
    try:
        run_bounded(lambda: store.update(sparql), timeout)
    except KeyboardInterrupt:
        interrupted()
    store.close()
    click.echo("update done")


def _select(store_path: str, sparql: str, binds, fmt: str, timeout: float | None, max_memory: str | None) -> None:
    """Run a read-only query with ``--bind`` values and print its answer;
    in a worker process limited to ``max_memory`` when given."""
    from kg.outputs.queries import parse_bindings, run_select
    from kg.serve.query_guard import run_bounded

    store = open_store(store_path, read_only=True)
    bindings = parse_bindings(store, binds)
    try:
        if max_memory is not None:
            from kg.serve.query_pool import select_in_worker

            limit = size_value(max_memory, "--max-memory")
            table = select_in_worker(store_path, sparql, bindings, timeout=timeout, max_memory=limit)
        else:
            table = run_bounded(lambda: run_select(store, sparql, bindings), timeout)
    except KeyboardInterrupt:
        interrupted()
    print_table(table, fmt)
    if not table.rows:
        _note_unknown_bindings(store, binds, bindings)


def _note_unknown_bindings(store, binds, bindings) -> None:
    """After an empty answer: a note for each ``--bind VAR=NAME`` whose name
    is no entity of the store (it was bound as a plain string)."""
    import pyoxigraph as ox

    for b in binds:
        var, _, value = b.partition("=")
        if isinstance(bindings.get(var.strip().lstrip("?$")), ox.Literal):
            click.echo(
                f"note: --bind {safe_text(b)}: no entity named '{safe_text(value)}' in the store "
                f"(bound as a plain string){did_you_mean(store, value)}",
                err=True,
            )
