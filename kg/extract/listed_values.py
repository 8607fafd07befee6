"""Comparison rules over lists of stated values: paired values across a
contrast (``A 和 B 分别为 77.8% 和 80.0%，而 C 和 D 分别降至 23.8% 和
39.5%``) and the systems listed with their values after a contrast's first
one (``而 B 为 28.9%、C 为 17.8%``).

A mixin of :class:`~kg.extract.relations.RelationRules` (beside
:class:`~kg.extract.value_rules.ValueRules`, whose ``_PARALLEL_NEXT`` and
``_UNIT_VALUE`` it uses).
"""

from __future__ import annotations

import re

from kg.extract.scores import difference_before
from kg.extract.sentence import Found, Mention


class ListedValueRules:
    """Paired values across a contrast, and the lists after a contrast's first system."""

    #: a listed system's value, then the separator before the next one ('B 为 28.9%、C 为 17.8%')
    _VALUE_THEN_SEP = re.compile(r"[\s*]*(?:、|，|,|和|以及|及)[\s*]*")

    def _stated_unit(self, text: str, s: Mention) -> tuple[int, str] | None:
        """(end, unit) of the value the system ``s`` states with 为 right after
        it ('为 28.9%', '为 120 ms', '为 3.2 秒'; read as ValueRules reads
        values), or None."""
        head = self._PARALLEL_NEXT.match(text, s.end)
        value = self._UNIT_VALUE.match(text, head.end()) if head else None
        return (value.end(), value.group(2) or "") if value else None

    def _listed_with_values(self, text: str, b: Mention, systems: list[Mention]) -> list[Mention]:
        """The systems listed after ``b``, each with its value stated with 为
        like ``b``'s and in the same unit (``而 B 为 28.9%、C 为 17.8%，D 为
        0.0%``): C and D are on the same side of the contrast as B; one with
        a value of another unit (``E 为 120 ms``) is left out."""
        out, prev = [], b
        first = self._stated_unit(text, b)
        for c in (s for s in systems if s.start >= b.end):
            here, mine = self._stated_unit(text, prev), self._stated_unit(text, c)
            if not (here and mine and self._VALUE_THEN_SEP.fullmatch(text, here[0], c.start)):
                break
            if mine[1] == first[1]:
                out.append(c)  # a value of another unit ('E 为 2.4 GB') is left out, the list goes on
            prev = c
        return out

    # a run of values listed in order: '77.77% 和 79.96%', '71%, 74% and 80%'
    _VALUE_RUN = re.compile(
        r"(?<![A-Za-z0-9_.])[-+]?\d+(?:\.\d+)?\s*(?:%|分|points?)?(?![A-Za-z0-9_.%])"
        r"(?:\s*(?:和|、|,|，|及|与|以及|and|, and)\s*[-+]?\d+(?:\.\d+)?\s*(?:%|分|points?)?(?![A-Za-z0-9_.%]))*",
        re.IGNORECASE,
    )
    _VALUE = re.compile(r"([-+]?\d+(?:\.\d+)?)\s*(%)?")
    _SIZE_NOTE = re.compile(r"[\s*]*[（(][^（）()]{0,12}[)）]")

    def _paired_values(self, text, systems, lower) -> list[Found]:
        """``A 和 B 分别为 77.8% 和 80.0%，而 C 和 D 分别降至 23.8% 和 39.5%`` /
        ``A and B reach 71% and 74%, while C and D fall to 40% and 35%
        respectively``: each system of one side of the contrast is paired
        with its value in order, and every pair across the divide is a win
        of the better value (lower when the metric is lower-is-better)."""
        if len(systems) < 3 or not self._RESPECTIVELY.search(text):
            return []
        cut = self._CONTRAST_RE.search(text)
        if cut is None:
            return []
        left = self._valued_list(text, [s for s in systems if s.end <= cut.start()], cut.start())
        right = self._valued_list(text, [s for s in systems if s.start >= cut.end()], len(text))
        if not left or not right or len({unit for _, _, unit in left + right}) > 1:
            return []
        found = []
        for a, va, _ in left:
            for b, vb, _ in right:
                if va == vb or a.key == b.key:
                    continue
                a_wins = (va < vb) if lower else (va > vb)
                w, l, ws, ls = (a, b, va, vb) if a_wins else (b, a, vb, va)
                unit = left[0][2]
                found.append(
                    Found(
                        w.key,
                        l.key,
                        winner_score=ws,
                        loser_score=ls,
                        unit=unit,
                        cue=cut.group().strip(" ，,；;"),
                        at=cut.start(),
                    )
                )
        return found

    def _valued_list(self, text: str, side: list[Mention], end: int) -> list[tuple[Mention, float, str | None]]:
        """(system, value, unit) of a clause that lists its systems together
        (a size note may follow each: ``Qwen-3（235B）和 Mistral（24B）``) and
        then as many values in the same order; [] otherwise."""
        if not side:
            return []
        for a, b in zip(side, side[1:]):
            gap = self._SIZE_NOTE.sub("", text[a.end : b.start], count=1)
            if not self._LIST_RE.match(gap):
                return []
        start = side[-1].end
        for run in self._VALUE_RUN.finditer(text, start, end):
            values = self._VALUE.findall(run.group())
            if len(values) != len(side):
                continue
            if difference_before(text, start, run.start()):
                return []  # '分别提升了 5% 和 3%': gains, not values
            return [(s, float(v), "%" if u else None) for s, (v, u) in zip(side, values)]
        return []
