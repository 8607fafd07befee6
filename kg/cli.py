"""The ``kg`` command line: a thin click skin over the library.

Each command: options → one library call → output.  Library errors
(:class:`kg.errors.KgError`) become one-line messages and exit status 1;
no traceback is shown for problems in the user's input.
"""

from __future__ import annotations

import io
import json
import os
import sys

import click

from kg.outputs.cli_output import (
    clean,
    emit as _emit,
    handle_errors as _handle_errors,
    print_table as _print_table,
    progress as _progress,
    safe_text,
)

STORE_HELP = "Store folder (default: $KG_STORE or ./kg-store)."


def _store_option(f):
    return click.option(
        "--store",
        "store_path",
        envvar="KG_STORE",
        default="kg-store",
        show_default=True,
        metavar="DIR",
        help=STORE_HELP,
    )(f)


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
                return (
                    f"{safe_text(str(f))}:{line}: not valid N-Quads: {safe_text(str(e))}"
                    if line
                    else f"{safe_text(str(f))}: not valid N-Quads: {safe_text(str(e))}"
                )
            except OSError:
                continue
    return None


def _did_you_mean(store, name: str, entities=()) -> str:
    """``"; did you mean: …?"`` for ``name`` (entities whose label contains or
    resembles it, with counts; not those in ``entities``), or ``""``."""
    from kg.outputs.names import did_you_mean, suggest

    with _progress("looking for similar names"):
        if entities:  # the name is known: offer its family only
            return did_you_mean(
                suggest(store, name, exclude={e.value for e in entities}, close=False),
                f"other names containing '{safe_text(name)}': ",
            )
        return did_you_mean(suggest(store, name))


def _open(store_path: str, read_only: bool = False):
    from kg.rdf.store import KnowledgeStore

    return KnowledgeStore(store_path, read_only=read_only)


def _check_records(ctx, param, value):
    """--check-records: validate every extraction record (workers inherit
    the environment variable the extractor reads)."""
    if value:
        os.environ["PAPERKG_CHECK_RECORDS"] = "1"
    return value


CHECK_RECORDS_OPTION = click.option(
    "--check-records",
    is_flag=True,
    callback=_check_records,
    expose_value=False,
    help="Validate every extraction record against its JSON Schema (a self-check of the "
    "extractor; about a quarter slower). A paper whose record breaks it is reported as an "
    "internal error and left out.",
)

MAX_SIZE_OPTION = click.option(
    "--max-size",
    default="16MB",
    show_default=True,
    metavar="SIZE",
    help="Refuse report files larger than SIZE (e.g. 64MB).",
)
JOBS_OPTION = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1),
    default=None,
    metavar="N",
    help="Extract in N worker processes (default: the number of cores).",
)

#: rows ``kg beats`` reads by default (a bounded time on any store)
BEATS_LIMIT = 50

FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="paperkg")
def main():
    """PaperKG: a knowledge graph of ML papers from daily digest reports.

    \b
    Typical session:
      kg build seeds/            # read reports, extract, load the store
      kg beats GPT-4o            # which models beat GPT-4o, on what
      kg query leaderboard --bind dataset=IFEval
      kg export --format turtle --output kg.ttl
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@_store_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, only the summary.")
@click.option("--prune", is_flag=True, help="Also remove the graphs of reports whose file is not under PATHS any more.")
@click.option("--force", is_flag=True, help="Rebuild files even when their graph is up to date.")
@MAX_SIZE_OPTION
@JOBS_OPTION
@click.option(
    "--bulk/--no-bulk",
    default=None,
    help="Write with the bulk loader (fast, not atomic) or one transaction per report. "
    "Default: bulk when the store holds no report yet.",
)
@CHECK_RECORDS_OPTION
@_handle_errors
def build(paths, store_path, quiet, prune, force, max_size, jobs, bulk):
    """Build the graph from report files or folders (default: seeds/).

    Layouts read: Hugging Face daily papers, arXiv CV daily reports, '# Papers
    for DATE' digests, and any Markdown digest whose paper headings carry a
    paper link or an arXiv id (README: Report layouts).

    Each report file becomes one named graph, replaced in one transaction
    (after a crash every report is entirely old or entirely new).  A file
    whose content and extractor are unchanged since its graph was built is
    skipped; building twice gives the same quads.  Files that cannot be read
    are reported as FILE:LINE: MESSAGE and skipped (their previous graph is
    kept); the exit status is then 1.  Warnings never change the status.

    Reports are extracted in --jobs worker processes; the output does not
    depend on N.  Into an empty store (or with --bulk) graphs are written with
    the bulk loader, which is faster but not atomic: if a bulk build is
    interrupted, run 'kg build' again (graphs left without a fingerprint are
    rebuilt, one transaction each).

    Ctrl-C or SIGTERM stops the build within a second or two at any moment;
    the reports written so far are kept and the next 'kg build' skips them
    (exit status 130 or 143).
    """
    from kg.pipeline.build import BuildInterrupted, build as run_build, sigterm_interrupts
    from kg.read import parse_size

    try:
        limit = parse_size(max_size)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--max-size") from None
    paths = paths or ("seeds",)
    with sigterm_interrupts():
        try:
            summary = _run_build(
                run_build, paths, store_path, quiet, prune=prune, force=force, max_size=limit, jobs=jobs, bulk=bulk
            )
        except KeyboardInterrupt as e:
            import signal

            for sig in (signal.SIGINT, signal.SIGTERM):  # a second Ctrl-C while exiting changes nothing
                signal.signal(sig, signal.SIG_IGN)
            s = e.summary if isinstance(e, BuildInterrupted) else None
            kept = f"; the {s.reports} report(s) written are kept" if s is not None and s.reports else ""
            how = e.signal_name if isinstance(e, BuildInterrupted) else "SIGINT"
            click.echo(
                f"interrupted ({how}): build stopped{kept}; run 'kg build' again to finish "
                "(up-to-date reports are skipped)",
                err=True,
            )
            import gc

            gc.freeze()  # exit now: collecting spaCy's objects at shutdown takes seconds
            sys.exit(143 if how == "SIGTERM" else 130)
    for p in summary.problems:
        _emit("warning", p)
    for e in summary.errors:
        _emit("error", e)
    if summary.prune_refused:
        click.echo(f"warning: {summary.prune_refused}", err=True)
    if not os.path.exists(store_path):  # removed again by _run_build: nothing could be built
        click.echo(f"nothing built: no report could be read, so no store was created at {store_path}", err=True)
        sys.exit(1 if summary.errors else 0)
    extra = "".join(
        [
            f", {summary.skipped} unchanged report(s) skipped" if summary.skipped else "",
            f", {len(summary.pruned)} pruned ({', '.join(summary.pruned)})" if summary.pruned else "",
            f", {len(summary.errors)} error(s)" if summary.errors else "",
        ]
    )
    click.echo(
        f"built {summary.reports} report(s) into {store_path}: {summary.papers} papers, "
        f"{summary.entities} entities, {summary.comparisons} comparisons, "
        f"{summary.quads} quads in {summary.seconds:.1f} s{extra}"
    )
    if summary.errors:
        sys.exit(1)


def _run_build(run_build, paths, store_path, quiet, **options):
    """Open the store, run the build with a progress bar on a terminal
    (unless ``quiet``), close the store (also when interrupted).  A store
    this build created is removed again when nothing could be built into it
    (a typo in PATHS leaves no empty store behind)."""
    created = not os.path.exists(store_path)
    store = _open(store_path)
    progress_cb = None
    bar = None
    if not quiet:
        from rich.progress import Progress

        bar = Progress(transient=True, disable=not sys.stderr.isatty())
        bar.start()
        task = bar.add_task("building", total=None)

        def progress_cb(path, done, total):
            bar.update(task, completed=done, total=total, description=path)

    summary = None
    try:
        summary = run_build(paths, store, progress_cb, **options)
        return summary
    finally:
        store.close()  # release the write lock before exiting (also when run in-process)
        if bar is not None:
            bar.stop()
        if created and summary is not None and summary.reports == 0 and not summary.skipped:
            import shutil

            shutil.rmtree(store_path, ignore_errors=True)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--output-dir",
    "-o",
    required=True,
    type=click.Path(file_okay=False),
    metavar="DIR",
    help="Folder to write one N-Quads file per report into (created).",
)
@JOBS_OPTION
@MAX_SIZE_OPTION
@click.option(
    "--dask",
    "scheduler",
    metavar="SCHEDULER",
    help="Extract on a Dask cluster: 'local' starts one of --jobs worker processes; else a "
    "scheduler address (tcp://HOST:8786) or scheduler file (*.json). Workers read "
    "PATH and write DIR themselves: give paths they all reach. Needs "
    "pip install -e '.[dask]'.",
)
@CHECK_RECORDS_OPTION
@_handle_errors
def extract(paths, output_dir, jobs, max_size, scheduler):
    """Extract report files to N-Quads, one file per report (no store).

    DIR/REPORT_FILE_NAME.nq holds the report's named graph, exactly the quads
    'kg build' would store.  Load them with 'kg load DIR' (or any triple
    store's N-Quads loader).  Runs on any machine: split the report files
    between machines and run 'kg extract' on each.

    \b
    Example:  kg extract reports/ -o nq/ && kg load nq/ --store big.kg
              kg extract /shared/reports -o /shared/nq --dask tcp://head:8786
    """
    from rich.console import Console
    from rich.progress import Progress

    from kg.read import parse_size

    try:
        limit = parse_size(max_size)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--max-size") from None
    if scheduler:
        from functools import partial

        from kg.pipeline.distributed import extract_to_dir_dask

        run = partial(extract_to_dir_dask, scheduler=scheduler)
    else:
        from kg.pipeline.parallel import extract_to_dir as run
    with Progress(console=Console(stderr=True), transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("extracting", total=None)
        s = run(
            paths,
            output_dir,
            jobs=jobs,
            max_size=limit,
            progress=lambda path, done, total: bar.update(task, completed=done, total=total, description=path),
        )
    for p in s.problems:
        _emit("warning", p)
    for e in s.errors:
        _emit("error", e)
    click.echo(
        f"wrote {s.files} N-Quads file(s) to {output_dir}: {s.papers} papers, {s.quads} quads "
        f"in {s.seconds:.1f} s" + (f", {len(s.errors)} error(s)" if s.errors else "")
    )
    if s.errors:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_store_option
@_handle_errors
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
        s = load_dir(paths, _open(store_path))
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


@main.command()
@click.argument("name")
@_store_option
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
@_handle_errors
def beats(name, store_path, evidence, limit, fmt):
    """Which models beat NAME, on what benchmark, with which scores.

    NAME is matched through its aliases (GPT-4o, gpt4o and 'GPT 4o' are the
    same model); the comparisons it loses are read by index lookups, so the
    time follows the number of rows, not the size of the store.  One row per
    stated claim: a method applied to a base model reads 'Qwen3-8B (LSRIF)', a
    claim stated twice (in English and Chinese, with and without its
    benchmark) is one row, and a metric never wins.  Rows are sorted by
    winner, then winner score (highest first).

    \b
    Examples:
      kg beats GPT-4o --evidence
      kg beats GPT-4o --limit 0 --format csv > beats-gpt4o.csv
    """
    from kg.errors import QueryError
    from kg.outputs.queries import Table, beats as run_beats, resolve_entity

    store = _open(store_path, read_only=True)
    entities = resolve_entity(store, name)
    if not entities:
        raise QueryError(
            f"no entity named '{safe_text(name)}' in the store"
            + (_did_you_mean(store, name) or "; check the spelling, or run 'kg stats' for names")
        )
    t = run_beats(store, name, limit or None, evidence)
    if not t.rows:
        from kg.outputs.names import comparisons_won

        won = sum(comparisons_won(store, e.value) for e in entities)
        click.echo(
            f"'{safe_text(name)}' is in the store, but no comparison says that something beats it "
            f"(it wins {won} comparison(s)){_did_you_mean(store, name, entities)}",
            err=True,
        )
        return
    keep = t.columns if evidence else t.columns[:7]
    ix = [t.columns.index(c) for c in keep]
    _print_table(Table(keep, [[r[i] for i in ix] for r in t.rows]), fmt)
    if not t.complete:
        click.echo(
            f"note: more than {limit} comparisons say that something beats '{name}'; these "
            f"{len(t.rows)} are a sample (use --limit 0 for all, sorted)",
            err=True,
        )


@main.command()
@click.argument("query")
@_store_option
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
@_handle_errors
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
    from kg.serve.query_guard import check_query, run_bounded
    from kg.outputs.queries import is_update, parse_bindings, resolve_query, run_select

    if query == "-":
        sparql = sys.stdin.read()
        if not sparql.strip():
            raise QueryError("no query on standard input ('kg query -' reads the SPARQL text from stdin)")
    else:
        sparql = resolve_query(query)
    check_query(sparql, allow_service=allow_service)
    if is_update(sparql):
        if not update:
            raise QueryError("this is a SPARQL Update; pass --update to change the store")
        store = _open(store_path)
        try:
            run_bounded(lambda: store.update(sparql), timeout)
        except KeyboardInterrupt:
            _interrupted()
        store.close()
        click.echo("update done")
        return
    store = _open(store_path, read_only=True)
    bindings = parse_bindings(store, binds)
    try:
        if max_memory is not None:
            from kg.serve.query_pool import select_in_worker
            from kg.read import parse_size

            try:
                limit = parse_size(max_memory)
            except ValueError as e:
                raise click.BadParameter(str(e), param_hint="--max-memory") from None
            table = select_in_worker(store_path, sparql, bindings, timeout=timeout, max_memory=limit)
        else:
            table = run_bounded(lambda: run_select(store, sparql, bindings), timeout)
    except KeyboardInterrupt:
        _interrupted()
    _print_table(table, fmt)
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
                f"(bound as a plain string){_did_you_mean(store, value)}",
                err=True,
            )


def _interrupted():
    """Ctrl-C during a query: one line and exit status 130 (the query
    thread cannot be stopped; the process ends with it)."""
    click.echo("interrupted", err=True)
    sys.stdout.flush()
    os._exit(130)


@main.command()
@_store_option
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
    metavar="FILE_NAME_OR_IRI",
    help="Export one named graph: a report file name, a graph IRI, or 'ontology'.",
)
@_handle_errors
def export(store_path, fmt, output, graph):
    """Export the graph (with the ontology) as Turtle, N-Quads, N-Triples, TriG or JSON-LD.

    N-Quads, TriG and JSON-LD keep one named graph per report; Turtle and
    N-Triples give the union of all graphs.  JSON-LD carries a @context with
    the ontology's prefixes.  --graph exports one report's graph only.

    \b
    Example:  kg export --format jsonld --graph 000_3d92274d0f9505a7.txt -o r0.jsonld
    """
    from kg.rdf.export import export as run_export

    store = _open(store_path, read_only=True)
    if output:
        with _progress(f"writing {safe_text(output)}"):
            run_export(store, fmt, output, graph)
        click.echo(f"wrote {output}", err=True)
    else:
        buf = io.BytesIO()
        run_export(store, fmt, buf, graph)
        sys.stdout.buffer.write(buf.getvalue())
        sys.stdout.flush()


@main.command()
@_store_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (loopback by default; 0.0.0.0 exposes the store to the network).",
)
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(0),
    help="Seconds a query may run before it is stopped with an error (0: no limit).",
)
@click.option(
    "--max-memory",
    default="2GB",
    show_default=True,
    metavar="SIZE",
    help="Address space per query worker; a query that needs more gets an error.",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Queries evaluated at once (one worker process each).",
)
@click.option(
    "--allow-service",
    is_flag=True,
    help="Let queries use SERVICE (federated queries make the server send HTTP requests "
    "to the IRIs they name). Refused by default.",
)
@_handle_errors
def serve(store_path, host, port, timeout, max_memory, workers, allow_service):
    """Serve the store read-only over the SPARQL 1.1 Protocol, with a query page.

    Open the printed URL for PaperKG's query page (the shipped queries one
    click away); SPARQL clients use URL/query (GET or POST; JSON, XML, CSV,
    TSV by content negotiation).  As in 'kg query', the default graph is the
    union of all graphs and the prefixes kg:, entity:, paper:, rdfs:, …
    are predeclared.  Each query sees the store as it is now (a 'kg build'
    meanwhile shows at the next query).  Queries are bounded in size,
    nesting, time (--timeout) and memory (--max-memory); SERVICE is refused
    unless --allow-service.  Stop with Ctrl-C.

    \b
    Example:  kg serve --port 7878
              curl -H 'Accept: text/csv' \\
                   --data-urlencode 'query=SELECT (COUNT(*) AS ?n) { ?p a kg:Paper }' http://127.0.0.1:7878/query
    """
    from kg.read import parse_size
    from kg.serve.server import run_until_stopped, serve as run_serve

    try:
        memory = parse_size(max_memory)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--max-memory") from None
    server = run_serve(
        store_path, host, port, timeout=timeout or None, workers=workers, max_memory=memory, allow_service=allow_service
    )

    def announce():  # once Ctrl-C and SIGTERM stop the server (not before)
        click.echo(f"serving {store_path} read-only at {server.url}  (SPARQL endpoint: {server.query_url})")
        if host not in ("127.0.0.1", "::1", "localhost"):
            click.echo(f"note: listening on {host}: other machines can query the store", err=True)
        click.echo("press Ctrl-C to stop")

    status = run_until_stopped(server, announce)
    click.echo("stopped" if status == 0 else "the server stopped")
    sys.exit(status)


@main.command()
@_store_option
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="SPARQL 1.1 Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store.",
)
@click.option("--timeout", default=60.0, show_default=True, help="Seconds per HTTP request.")
@_handle_errors
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

    s = run_push(_open(store_path, read_only=True), endpoint, auth=env_auth(), timeout=timeout)
    click.echo(f"pushed {s.graphs} graph(s), {s.triples} triples to {s.endpoint} in {s.seconds:.1f} s")
    click.echo(UNION_NOTE, err=True)


@main.command()
@_store_option
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(file_okay=False),
    metavar="DIR",
    help="Folder to write the site into (created; an earlier report there is replaced).",
)
@click.option(
    "--top",
    default=8,
    show_default=True,
    type=click.IntRange(1, 100),
    help="Most compared systems drawn (with their opponents) in the who-beats-whom picture.",
)
@_handle_errors
def report(store_path, output, top):
    """Write a static HTML site: leaderboards, model and paper pages, a graph picture.

    Self-contained (inline CSS, no script, no CDN): open DIR/index.html in a
    browser, offline.  One leaderboard per benchmark and metric, best first;
    one page per compared system (beats / beaten by) and per paper, with the
    evidence sentences.

    \b
    Example:  kg report --output site/ && xdg-open site/index.html
    """
    from kg.outputs.site import write_report

    with _progress("writing the site") as update:
        s = write_report(
            _open(store_path, read_only=True),
            output,
            hubs=top,
            progress=lambda done, total: update(done, total, "reading the store" if total is None else "pages"),
        )
    click.echo(
        f"wrote {s.pages} pages to {s.output} ({s.benchmarks} leaderboards, {s.models} systems, "
        f"{s.papers} papers) in {s.seconds:.1f} s; open {s.output / 'index.html'}"
    )


@main.command()
@_store_option
@click.option("--top", default=10, show_default=True, help="Rows in each ranking.")
@_handle_errors
def stats(store_path, top):
    """Counts per class; most-compared models, most-used benchmarks and hardware."""
    from kg.outputs.stats import store_stats

    with _progress("counting") as update:
        tables = store_stats(
            _open(store_path, read_only=True), top, progress=lambda title: update(0, None, title.lower())
        )
    for title, table in tables:
        click.echo(click.style(title, bold=True))
        _print_table(table, "table")
        click.echo()


@main.command()
@click.argument("arxiv_id")
@_store_option
@_handle_errors
def show(arxiv_id, store_path):
    """Everything the graph knows about one paper, with evidence sentences.

    \b
    Example:  kg show 2512.19995
    """
    from kg.outputs.stats import paper_facts

    for title, table in paper_facts(_open(store_path, read_only=True), arxiv_id):
        click.echo(click.style(title, bold=True))
        _print_table(table, "table")
        click.echo()


@main.command()
@click.argument("arxiv_id")
@click.option(
    "--from",
    "paths",
    multiple=True,
    type=click.Path(),
    default=("seeds",),
    show_default=True,
    help="Report files or folders to find the paper in. Repeatable.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print the extraction record as JSON, with the kept/dropped reasons under "decisions".',
)
@_store_option
@_handle_errors
def explain(arxiv_id, paths, as_json, store_path):
    """Show what the extractor finds in one paper, mentions marked in the text.

    Re-reads the paper from the report files (not from the store) and runs
    the extractor, so a changed rule can be checked at once.  Mentions print
    as [[name|Label]] (coloured on a terminal), followed by the entities with
    why each was kept (proposed, compared, gazetteer entry, name shape …),
    the names dropped with the rule and sentence that dropped them (url,
    math, enumeration, citation, software, no evidence, used only …), the
    comparisons with their cue, the comparisons folded or dropped, results
    and hardware with their lines.  --json adds these under "decisions".

    \b
    Example:  kg explain 2601.06431 --from seeds/
    """
    from kg.outputs.explain import explain as run_explain, find_paper, render_markup

    ex = run_explain(find_paper(arxiv_id, list(paths)))
    if as_json:
        click.echo(json.dumps(dict(ex.record, decisions=ex.decisions()), ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    fancy = console.is_terminal
    p = ex.paper
    click.echo(clean(f"{p.arxiv_id}  {p.title}\n{p.source}:{p.start_line}-{p.end_line}\n"))
    for sec, marks in ex.sections:
        click.echo(clean(f"-- {sec.key} ({sec.heading}, lines {sec.start_line}-{sec.end_line})"))
        text = clean(render_markup(sec.text, marks, fancy))  # marks are offsets into the raw text
        console.print(text) if fancy else click.echo(text)
        click.echo()
    rec = ex.record
    names = {e["key"]: e["name"] for e in rec["entities"]}
    click.echo("entities (kept because):")
    for e in rec["entities"]:
        click.echo(
            clean(f"  {e['role']:<8} {e['type']:<11} {e['name']}  (line {e['line']})  [{ex.kept.get(e['key'], '')}]")
        )
    click.echo("dropped names (rule; line: evidence):")
    for d in ex.dropped.values():
        click.echo(
            clean(f"  {d['name']}  [{d['rule']}]" + (f"  line {d['line']}: {d['evidence'][:100]}" if d["line"] else ""))
        )
    click.echo("comparisons:")
    for c in rec["comparisons"]:
        scores = f" {c['winner_score']} vs {c['loser_score']}" if c["winner_score"] or c["loser_score"] else ""
        click.echo(
            clean(
                f"  line {c['line']}: {names.get(c['winner'], c['winner'])} > "
                f"{names.get(c['loser'], c['loser'])} on {names.get(c['dataset'], '-')}{scores}"
                f"  [cue {c['cue']}]"
            )
        )
    click.echo("dropped comparisons:")
    for c in ex.dropped_comparisons:
        click.echo(
            clean(
                f"  line {c['line']}: {names.get(c['winner'], c['winner'])} > "
                f"{names.get(c['loser'], c['loser'])} on {names.get(c['dataset'], '-')}  [{c['rule']}]"
            )
        )
    click.echo("results:")
    for r in rec["results"]:
        click.echo(
            clean(
                f"  line {r['line']}: {names.get(r['system'], r['system'])} = {r['value']}"
                f"{r['unit'] or ''} on {names.get(r['dataset'], '-')}  ({r['raw']})"
            )
        )
    click.echo("hardware:")
    for h in rec["hardware"]:
        click.echo(clean(f"  line {h['line']}: {names.get(h['key'], h['key'])} x {h['count'] or '?'}"))


@main.command()
@_store_option
@click.option("--limit", default=50, show_default=True, help="Print at most this many violations.")
@_handle_errors
def validate(store_path, limit):
    """Check the graph against the SHACL shapes (ontology/shapes.ttl).

    Prints each violation as FOCUS PATH: MESSAGE (VALUE), then a count;
    the exit status is 1 when there is any violation.

    \b
    Example:  kg validate --store lab.kg
    """
    from kg.rdf.validate import validate_store

    with _progress("validating graphs") as update:
        violations = validate_store(_open(store_path, read_only=True), progress=update)
    for v in violations[: max(limit, 0)]:
        click.echo(f"{v.severity.lower()}: {v}")
    if len(violations) > limit:
        click.echo(f"… {len(violations) - limit} more (use --limit)")
    if violations:
        click.echo(f"{len(violations)} violation(s) of the SHACL shapes in {store_path}")
        sys.exit(1)
    click.echo(f"{store_path} conforms to the SHACL shapes: no violations")


if __name__ == "__main__":  # pragma: no cover
    main()
