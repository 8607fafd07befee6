"""Error analysis: what the extractor found in one paper, with the mention
spans marked in the section text, so misses can be diagnosed without
reading code (``kg explain ARXIV_ID``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import QueryError
from kg.model import Paper, Section
from kg.read import iter_report_files, read_report

#: rich style per mention label
STYLES = {
    "Model": "bold cyan",
    "Method": "cyan",
    "Dataset": "bold green",
    "Benchmark": "bold green",
    "Metric": "magenta",
    "Accelerator": "bold yellow",
    "Device": "yellow",
}


@dataclass
class Explanation:
    """One paper's extraction with its annotated sections.

    ``sections`` holds (section, [(start, end, label, source)]) with
    character offsets into ``section.text``; ``record`` is the extraction
    record (see :mod:`kg.extract.extractor`).  ``kept`` maps each entity key to why it
    was kept (``"compared, gazetteer entry"``); ``dropped`` maps each
    rejected name's key to {"name", "rule", "line", "evidence"} (rules of
    :mod:`kg.extract.negative`, ``no evidence``, ``used only``, ``gloss only``);
    ``dropped_comparisons`` lists comparison records folded into another,
    each with its ``rule``.
    """

    paper: Paper
    record: dict
    sections: list[tuple[Section, list[tuple[int, int, str, str]]]]
    kept: dict = field(default_factory=dict)
    dropped: dict = field(default_factory=dict)
    dropped_comparisons: list = field(default_factory=list)

    def decisions(self) -> dict:
        """The kept/dropped reasons as JSON-ready data (names, not keys)."""
        names = {e["key"]: e["name"] for e in self.record["entities"]}
        return {
            "kept": {names[k]: why for k, why in self.kept.items() if k in names},
            "dropped": list(self.dropped.values()),
            "dropped_comparisons": [
                {k: c.get(k) for k in ("winner", "loser", "dataset", "line", "rule", "evidence")}
                for c in self.dropped_comparisons
            ],
        }


def find_paper(arxiv_id: str, paths) -> Paper:
    """The paper with ``arxiv_id`` (version suffix ignored) in the report
    files under ``paths``.  Raises QueryError when no report holds it."""
    bare = arxiv_id.strip().rsplit("v", 1)[0] if "v" in arxiv_id else arxiv_id.strip()
    for path in iter_report_files(paths):
        try:
            report = read_report(path)
        except Exception:  # unreadable files are build's business, not ours
            continue
        for paper in report.papers:
            if paper.arxiv_id == bare:
                return paper
    raise QueryError(f"paper {bare} is not in any report under {', '.join(map(str, paths))}")


def explain(paper: Paper) -> Explanation:
    """Run the extractor on ``paper`` and keep the mention spans."""
    from kg.extract.extractor import Extractor
    from kg.nlp.pipeline import mention_info, mention_spans

    extractor = Extractor()
    record = extractor.extract(paper)
    sections = []
    for sec, doc in extractor.annotate(paper):
        marks = [(s.start_char, s.end_char, s.label_, mention_info(s).source or "") for s in mention_spans(doc)]
        sections.append((sec, marks))
    return Explanation(
        paper, record, sections, dict(extractor.kept), dict(extractor.dropped), list(extractor.dropped_comparisons)
    )


def render_markup(text: str, marks: list[tuple[int, int, str, str]], rich: bool) -> str:
    """``text`` with each mention wrapped: ``[[GPT-4o|Model]]`` (plain) or
    rich markup colouring it by label."""
    from rich.markup import escape

    out, pos = [], 0
    for start, end, label, source in sorted(marks):
        if source == "gloss":
            label += "~gloss"  # kept only if the paper proposes or reuses it
        if start < pos:
            continue
        chunk, name = text[pos:start], text[start:end]
        if rich:
            out.append(escape(chunk))
            out.append(f"[{STYLES.get(label.split('~')[0], 'bold')}]{escape(name)}[/][dim]/{label[:2]}[/]")
        else:
            out.append(chunk)
            out.append(f"[[{name}|{label}]]")
        pos = end
    out.append(escape(text[pos:]) if rich else text[pos:])
    return "".join(out)
