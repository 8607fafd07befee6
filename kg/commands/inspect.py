"""Looking at what was built: ``kg show`` (one paper), ``kg stats``,
``kg validate`` (SHACL), ``kg report`` (the HTML site) and ``kg explain``
(what the extractor finds in one paper, re-read from its report)."""

from __future__ import annotations

import json
import sys

import click

from kg.commands.common import folder_option, interrupted, open_store, print_titled_tables, store_option
from kg.outputs.cli_output import clean, handle_errors, progress


@click.command()
@store_option
@folder_option("--output", "-o", help="Folder to write the site into (created; an earlier report there is replaced).")
@click.option(
    "--top",
    default=8,
    show_default=True,
    type=click.IntRange(1, 100),
    help="Most compared systems drawn (with their opponents) in the who-beats-whom picture.",
)
@handle_errors
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

    try:
        with progress("writing the site") as update:
            s = write_report(
                open_store(store_path, read_only=True),
                output,
                hubs=top,
                progress=update,
            )
    except KeyboardInterrupt:
        interrupted()  # the store is read on threads a query cannot be stopped on: exit now
    click.echo(
        f"wrote {s.pages} pages to {s.output} ({s.benchmarks} leaderboards, {s.models} systems, "
        f"{s.papers} papers) in {s.seconds:.1f} s; open {s.output / 'index.html'}"
    )


@click.command()
@store_option
@click.option("--top", default=10, show_default=True, help="Rows in each ranking.")
@handle_errors
def stats(store_path, top):
    """Counts per class; most-compared models, most-used benchmarks and hardware."""
    from kg.outputs.stats import store_stats

    with progress("counting") as update:
        tables = store_stats(
            open_store(store_path, read_only=True), top, progress=lambda title: update(0, None, title.lower())
        )
    print_titled_tables(tables)


@click.command()
@click.argument("arxiv_id")
@store_option
@handle_errors
def show(arxiv_id, store_path):
    """Everything the graph knows about one paper, with evidence sentences.

    \b
    Example:  kg show 2512.19995
    """
    from kg.outputs.stats import paper_facts

    print_titled_tables(paper_facts(open_store(store_path, read_only=True), arxiv_id))


@click.command()
@store_option
@click.option("--limit", default=50, show_default=True, help="Print at most this many violations.")
@handle_errors
def validate(store_path, limit):
    """Check the graph against the SHACL shapes (ontology/shapes.ttl).

    Prints each violation as FOCUS PATH: MESSAGE (VALUE), then a count;
    the exit status is 1 when there is any violation.

    \b
    Example:  kg validate --store lab.kg
    """
    from kg.rdf.validate import validate_store

    with progress("validating graphs") as update:
        violations = validate_store(open_store(store_path, read_only=True), progress=update)
    for v in violations[: max(limit, 0)]:
        click.echo(f"{v.severity.lower()}: {v}")
    if len(violations) > limit:
        click.echo(f"… {len(violations) - limit} more (use --limit)")
    if violations:
        click.echo(f"{len(violations)} violation(s) of the SHACL shapes in {store_path}")
        sys.exit(1)
    click.echo(f"{store_path} conforms to the SHACL shapes: no violations")


@click.command()
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
@store_option
@handle_errors
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
    from kg.outputs.explain import explain as run_explain, find_paper

    ex = run_explain(find_paper(arxiv_id, list(paths)))
    if as_json:
        click.echo(json.dumps(dict(ex.record, decisions=ex.decisions()), ensure_ascii=False, indent=2))
        return
    _print_marked_text(ex)
    _print_decisions(ex)


def _print_marked_text(ex) -> None:
    """The paper's heading and source lines, then each section with its
    mentions marked (coloured on a terminal)."""
    from rich.console import Console

    from kg.outputs.explain import render_markup

    console = Console(highlight=False, soft_wrap=True)
    fancy = console.is_terminal
    p = ex.paper
    click.echo(clean(f"{p.arxiv_id}  {p.title}\n{p.source}:{p.start_line}-{p.end_line}\n"))
    for sec, marks in ex.sections:
        click.echo(clean(f"-- {sec.key} ({sec.heading}, lines {sec.start_line}-{sec.end_line})"))
        text = clean(render_markup(sec.text, marks, fancy))  # marks are offsets into the raw text
        console.print(text) if fancy else click.echo(text)
        click.echo()


def _print_decisions(ex) -> None:
    """Entities (why kept), dropped names, comparisons kept and dropped,
    results and hardware of ``ex``, one line each with its report line."""
    rec = ex.record
    names = {e["key"]: e["name"] for e in rec["entities"]}

    def name(key):
        return names.get(key, key)

    def comparison(c, tail):
        return f"  line {c['line']}: {name(c['winner'])} > {name(c['loser'])} on {names.get(c['dataset'], '-')}{tail}"

    lines = ["entities (kept because):"]
    lines += [
        f"  {e['role']:<8} {e['type']:<11} {e['name']}  (line {e['line']})  [{ex.kept.get(e['key'], '')}]"
        for e in rec["entities"]
    ]
    lines.append("dropped names (rule; line: evidence):")
    lines += [
        f"  {d['name']}  [{d['rule']}]" + (f"  line {d['line']}: {d['evidence'][:100]}" if d["line"] else "")
        for d in ex.dropped.values()
    ]
    lines.append("comparisons:")
    for c in rec["comparisons"]:
        scores = f" {c['winner_score']} vs {c['loser_score']}" if c["winner_score"] or c["loser_score"] else ""
        lines.append(comparison(c, f"{scores}  [cue {c['cue']}]"))
    lines.append("dropped comparisons:")
    lines += [comparison(c, f"  [{c['rule']}]") for c in ex.dropped_comparisons]
    lines.append("results:")
    lines += [
        f"  line {r['line']}: {name(r['system'])} = {r['value']}{r['unit'] or ''} "
        f"on {names.get(r['dataset'], '-')}  ({r['raw']})"
        for r in rec["results"]
    ]
    lines.append("hardware:")
    lines += [f"  line {h['line']}: {name(h['key'])} x {h['count'] or '?'}" for h in rec["hardware"]]
    for line in lines:
        click.echo(clean(line))
