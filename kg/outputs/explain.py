"""Error analysis: what the extractor found in one paper, with the mention
spans marked in the section text, so misses can be diagnosed without
reading code (``kg explain ARXIV_ID``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import QueryError
from kg.model import Paper, Section
from kg.read import iter_report_files, read_report
from kg.model import Label

#: rich style per mention label
STYLES = {
    Label.MODEL: "bold cyan",
    Label.METHOD: "cyan",
    Label.DATASET: "bold green",
    Label.BENCHMARK: "bold green",
    Label.METRIC: "magenta",
    Label.ACCELERATOR: "bold yellow",
    Label.DEVICE: "yellow",
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
    each with its ``rule``, then every sentence with a comparison cue that
    gave no comparison, with why (rule ``no comparison: …``; winner and loser
    are the first two systems it names, or ``?``).  Every marked name that is
    no entity has a ``dropped`` entry with the line and sentence of its first
    mention.
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
    """Run the extractor on ``paper`` and explain it: the record, every
    section's mention marks ``(start, end, label, source)`` (character
    offsets into the section text), why each name was kept or dropped (with
    the line of its first mention) and which comparisons were dropped or
    not made, with their rule (see :class:`Explanation`).  The spaCy Docs
    are the ones the extraction read (one pipeline run)."""
    from kg.extract.extractor import Extractor
    from kg.nlp.pipeline import mention_info, mention_spans

    extractor = Extractor()
    record = extractor.extract(paper)
    sections = []
    annotated = extractor.annotated
    for sec, doc in annotated:
        marks = [(s.start_char, s.end_char, s.label_, mention_info(s).source or "") for s in mention_spans(doc)]
        sections.append((sec, marks))
    ex = Explanation(
        paper, record, sections, dict(extractor.kept), dict(extractor.dropped), list(extractor.dropped_comparisons)
    )
    _locate_drops(ex, annotated)
    ex.dropped_comparisons += uncompared_cues(ex, annotated, extractor.rules)
    return ex


def _first_mentions(annotated) -> dict[str, tuple]:
    """Linking key -> (section, span, sentence) of its first mention."""
    from kg.extract.mentions import span_key
    from kg.nlp.pipeline import mention_spans, sentence_of

    first: dict[str, tuple] = {}
    for sec, doc in annotated:
        for span in mention_spans(doc):
            first.setdefault(span_key(span), (sec, span, sentence_of(span)))
    return first


def _locate_drops(ex: Explanation, annotated) -> None:
    """Give every dropped name without a place (``gloss only``, ``used
    only``, ``no evidence``) the line and sentence of its first mention, and
    add a ``dropped`` entry for each marked name that is neither an entity
    nor dropped (hardware and metrics of results aside): an author's name,
    or a name another mention was merged into."""
    from kg.nlp.evidence import clean_sentence

    entities = {e["key"] for e in ex.record["entities"]}
    hardware = {h["key"] for h in ex.record["hardware"]}
    authors = {a.casefold() for a in ex.paper.authors}
    for key, (sec, span, sent) in _first_mentions(annotated).items():
        where = {"line": sec.line_of(sent.start_char), "evidence": clean_sentence(sent.text)[:200]}
        if key in ex.dropped:
            if ex.dropped[key]["line"] is None:
                ex.dropped[key] = {**ex.dropped[key], **where}
        elif key not in entities and key not in hardware and span.label_ not in (Label.ACCELERATOR, Label.DEVICE):
            rule = "author name" if span.text.casefold() in authors else "not an entity (merged or unlinked)"
            ex.dropped[key] = {"name": span.text, "rule": rule, **where}


def uncompared_cues(ex: Explanation, annotated, rules) -> list[dict]:
    """Sentences with a win, loss, gain, from-to or superlative cue
    (:class:`kg.extract.relations.RelationRules`) that gave no comparison,
    each as {"winner", "loser", "dataset", "line", "rule", "evidence"}: the
    rule says which cue and why no comparison came of it (no system named,
    one named, or no rule matched the names; names dropped in the sentence
    are listed with their rule)."""
    from kg.extract.mentions import span_key
    from kg.nlp.evidence import clean_sentence
    from kg.nlp.pipeline import mention_spans, plain_sentences

    stated = {c["evidence"][:60] for c in ex.record["comparisons"] + ex.dropped_comparisons if c.get("evidence")}
    names = {e["key"]: e["name"] for e in ex.record["entities"]}
    out = []
    for sec, doc in annotated:
        spans = mention_spans(doc)
        for sent in plain_sentences(doc):
            text = clean_sentence(sent.text)
            cue = _cue(rules, sent.text)
            if cue is None or not text or any(text.startswith(e) or e in text for e in stated):
                continue
            inside = [sp for sp in spans if sent.start_char <= sp.start_char < sent.end_char]
            systems = list(dict.fromkeys(names[k] for sp in inside if (k := span_key(sp)) in names and _system(ex, k)))
            dropped = list(
                dict.fromkeys(
                    f"{ex.dropped[k]['name']} ({ex.dropped[k]['rule']})"
                    for sp in inside
                    if (k := span_key(sp)) in ex.dropped
                )
            )
            if not systems:
                why = "no system named (a described or anonymous baseline?)"
            elif len(systems) == 1:
                why = f"one system named ({systems[0]}); the other side has no name here"
            else:
                why = f"no rule matched {', '.join(systems)}"
            if dropped:
                why += f"; dropped here: {', '.join(dropped)}"
            out.append(
                {
                    "winner": systems[0] if systems else "?",
                    "loser": systems[1] if len(systems) > 1 else "?",
                    "dataset": None,
                    "line": sec.line_of(sent.start_char),
                    "rule": f"no comparison: cue '{cue}', {why}: \u201c{text[:70]}\u201d",
                    "evidence": text[:200],
                }
            )
    return out


def _system(ex: Explanation, key: str) -> bool:
    """True when the entity ``key`` may fill a winner or loser slot."""
    return any(e["key"] == key and e["type"] in (Label.MODEL, Label.METHOD) for e in ex.record["entities"])


def _cue(rules, text: str) -> str | None:
    """The first comparison cue of a sentence, or None."""
    for rx in (rules.win, rules.lose, rules.from_to, rules.superlative, rules.improve, rules.frame):
        m = rx.search(text)
        if m:
            return m.group(0).strip()
    return None


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
