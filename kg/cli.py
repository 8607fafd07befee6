"""The ``kg`` command line: a thin click skin over the library.

Each command: options → one library call → output.  Library errors
(:class:`kg.errors.KgError`) become one-line messages and exit status 1;
no traceback is shown for problems in the user's input.

This module is the ``kg`` group; the commands' bodies are in
:mod:`kg.commands` (one module per kind of work).
"""

from __future__ import annotations

import click

from kg.commands.build import build, extract
from kg.commands.exchange import export, load, push
from kg.commands.inspect import explain, report, show, stats, validate
from kg.commands.query import beats, query
from kg.commands.serve import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="paperkg")
def main():
    """PaperKG: a knowledge graph of ML papers from daily digest reports.

    \b
    Typical use:
      kg build seeds/            # read reports, extract, load the store
      kg beats GPT-4o            # which models beat GPT-4o, on what
      kg query leaderboard --bind dataset=IFEval
      kg export --format turtle --output kg.ttl
    """


for _command in (build, extract, load, beats, query, export, serve, push, report, stats, show, explain, validate):
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    main()
