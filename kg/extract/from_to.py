"""The from–to rule: ``在 B 上，FID 从 14.36 降至 7.65`` / ``从 B 的 31.5
提升至 62.8`` / ``A 将 B 的 X 从…提升至…``: a stated change over a base B
is a win of the paper's own system (or of the system that raised it).

A mixin of :class:`~kg.extract.relations.RelationRules` (it reads the
compiled ``from_to`` and ``from_to_more`` patterns and :meth:`_measure`).
"""

from __future__ import annotations

import re

from kg.extract.clause_words import clause_start
from kg.extract.sentence import Found
from kg.model import Label

#: right before the base of a raise, and between what raised it and the base: 'A 将 B 的 X 从…提升至…'
_RAISED_BY_RE = re.compile(r"将[\s*]*$")
_JIANG_RE = re.compile(r"[\s*]*将[\s*]*")
_BASE_OF_RE = re.compile(r"[\s*]*的[^，。；：,;:]*")  # 'B 的 X 从': B's own measure, in one clause
#: a year, as a from-to span of time writes it ('from 2023 to 2025'), and a verb of change between
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
#: between a name and the from-value of a from-to right after it ('X 由 69.8', 'X 69.8 -> 78.0')
_RIGHT_BEFORE_RE = re.compile(r"[\s*]*(?:从|由|from)?[\s*]*", re.IGNORECASE)
_CHANGE_VERB_RE = re.compile(r"提升|提高|增加|上升|升|降|减少|缩短|跃升|增长|改善")


class FromToRules:
    """From–to changes over a base system."""

    _COST_UNITS = {"步", "秒", "毫秒", "ms", "小时", "hour", "hours", "step", "steps"}

    def _from_to(self, text, systems, main, lower) -> list[Found]:
        """``在 B 上，FID 从 14.36 降至 7.65``: the paper's own system beats the
        base B.  Each from-to of the sentence is read; after the first, only
        one with its own base named before it ('将 B 的准确率从 3.5% 提升至
        12.1%，将 C 的准确率从 8.6% 提升至 17.2%'), or a list item naming
        its base without 从 ('从 B 的 64.1 提高到 70.3，C 的 69.3 提高到 72.5')."""
        if not main:
            return []
        found: list[Found] = []
        prev_end = 0
        firsts = list(self.from_to.finditer(text))
        if not firsts:
            return []
        more = [
            m
            for m in self.from_to_more.finditer(text, firsts[0].end())
            if all(m.end() <= f.start() or m.start() >= f.end() for f in firsts)
        ]
        for m in sorted(firsts + more, key=lambda m: m.start()):
            segment, prev_end = (prev_end, m.start()), m.end()
            f = self._one_from_to(m, systems, main, lower, segment if found else None)
            if f is not None and all(f.loser != g.loser for g in found):
                found.append(f)
        return found

    def _one_from_to(self, m, systems, main, lower, segment) -> Found | None:
        if (
            not (m.group("ua") or m.group("ub"))
            and all(_YEAR_RE.fullmatch(m.group(g)) for g in "ab")
            and not _CHANGE_VERB_RE.search(m.string, m.end("a"), m.start("b"))
        ):
            return None  # 'from 2023 to 2025': a span of years; 'Elo 从 1985 提升至 2047' is a change
        a, b = float(m.group("a")), float(m.group("b"))
        decreased = b < a
        cost = (m.group("ua") or m.group("ub") or "") in self._COST_UNITS
        if decreased and not (lower or cost):
            return None  # a drop is a gain only for an error or a cost ('从 256 步减少到 30 步')
        error = self.lower_word.search(m.string, clause_start(m.string, m.start()), m.start()) is not None
        if (cost or error) and not decreased:
            return None  # more of a cost or an error ('错误率从 5.1% 升至 8.3%') is no gain
        if self._hedged_before(m.string, m.start()):
            return None  # '若去掉…，准确率将从…提升至…', '预计…': no claim
        # a name before a score noun is the measure ('MQ 分数从 1.65 提升至 1.71'), not a base
        # nor a name that is no model right before 从 ('GlimSet Clean 从 6.3% 提升到 19.4%', 'mPr 由 69.8 升至
        # 78.0'): what changed, not the base
        bases = [
            s
            for s in systems
            if not s.proposed
            and s.key != main
            and not self._measure(m.string, s)
            and not (s.label != Label.MODEL and _RIGHT_BEFORE_RE.fullmatch(m.string, s.end, m.start("a")))
            and not (s.start >= m.end() and clause_start(m.string, s.start) > m.start())  # a later clause's
            and not (s.end <= m.start() and _JIANG_RE.match(m.string, s.end))  # 'B 将 F1 从…': B raised it
        ]
        if m.group("base"):  # '从 StreamingLLM 的 31.5 提升至 62.8': the base is named in the frame
            named = [s for s in bases if m.start("base") <= s.start < m.end("base")]
            described = [] if named else self._described_base(m)
            if described and any(not s.proposed and s.key != main and s.end <= m.start() for s in systems):
                return None  # 'B 将准确率从 SFT 基线的…提升至…': B's change, not the paper's
            bases = named or described or bases
        elif segment is not None:  # a later from-to needs its own base right before it
            bases = [s for s in bases if segment[0] <= s.start and s.end <= segment[1]][-1:]
        if not bases:
            return None
        unit = "%" if (m.group("ua") == "%" or m.group("ub") == "%") else None
        base = bases[0]
        own = [s for s in systems if s.proposed and s.end <= m.start()]
        winner = own[-1].key if own else main
        raised = [s for s in bases if s.end <= m.start() and _RAISED_BY_RE.search(m.string, 0, s.start)]
        raised = [s for s in raised if _BASE_OF_RE.fullmatch(m.string, s.end, m.start())]
        if raised:  # 'A 将 B 的 X 从 … 提升至 …': B is the base, A (named right before 将) what raised it
            base = raised[-1]
            by = [s for s in systems if s.end <= base.start and _JIANG_RE.fullmatch(m.string, s.end, base.start)]
            winner = by[-1].key if by else winner
        return Found(winner, base.key, winner_score=b, loser_score=a, unit=unit, cue="从…至", at=m.start())

    def _described_base(self, m: re.Match) -> list:
        """The described baseline a from-to names as its base (``从 SFT 基线的
        56.96% 提升至 60.83%``: the SFT baseline), or []."""
        base = m.group("base").rstrip()
        end = m.start("base") + len(base[:-1] if base.endswith("的") else base)
        return self.described.between(m.string, m.start("base"), end)
