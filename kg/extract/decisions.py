"""The decision log of one paper's extraction: why each name became an
entity or not, and which comparison rows were folded into others.

``kg explain`` shows it (see :mod:`kg.outputs.explain`); the stages of
:mod:`kg.extract.extractor` write to it.
"""

from __future__ import annotations

from kg.model import Section
from kg.nlp.evidence import clean_sentence
from kg.nlp.pipeline import sentence_of


class DecisionLog:
    """Why names were kept or dropped, for one paper.

    ``dropped[key]`` = {"name", "rule", "line", "evidence"} (the first
    reason per key; line and evidence None when no mention is given);
    ``kept[key]`` = the evidence a name was kept on (gazetteer entry, typing
    suffix or cue word, name shape, results-bullet topic, metric shape,
    acronym definition); ``dropped_comparisons`` = comparison records folded
    into another, each with its ``rule``.
    """

    def __init__(self) -> None:
        self.dropped: dict[str, dict] = {}
        self.kept: dict[str, str] = {}
        self.dropped_comparisons: list[dict] = []

    def drop(self, key: str, name: str, rule: str, sec: Section | None = None, span=None) -> None:
        """Note that ``key`` (written ``name``) is no entity by ``rule``;
        with ``sec`` and ``span`` the report line and sentence of the
        mention (a later reason for the same key is ignored)."""
        if key in self.dropped:
            return
        line = evidence = None
        if sec is not None and span is not None:
            sent = sentence_of(span)
            line, evidence = sec.line_of(sent.start_char), clean_sentence(sent.text)[:200]
        self.dropped[key] = {"name": name, "rule": rule, "line": line, "evidence": evidence}

    def keep(self, key: str, why: str) -> None:
        """Note the evidence ``key`` is kept on (the first one counts)."""
        self.kept.setdefault(key, why)
