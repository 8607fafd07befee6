"""``kg serve``: the store read-only over the SPARQL 1.1 Protocol, with a query page."""

from __future__ import annotations

import sys

import click

from kg.commands.common import size_value, store_option
from kg.outputs.cli_output import handle_errors


@click.command()
@store_option
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
@handle_errors
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
    from kg.serve.server import run_until_stopped, serve as run_serve

    memory = size_value(max_memory, "--max-memory")
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
