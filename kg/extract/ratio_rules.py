"""Comparison rules for a measure stated as a ratio of another system's:
a cost that is only a fraction of it (``训练计算量仅为 B 的 19.3%``) or a
measure where more wins that is a multiple of it (``准确率达到了 B 的两倍以上``).

A mixin of :class:`~kg.extract.relations.RelationRules` (it reads the
compiled ``lower_word`` and ``fewer_word`` cues, the negation and hedge
checks and the subject finder set up there).  The measure must be named
before the ratio in the same clause part (after the last ``；`` or ``，``
that opens it): with no measure named, which side wins is unsaid.
"""

from __future__ import annotations

import re

from kg.extract.sentence import Found, Mention

#: 'only' before a fraction of another system's measure: '仅为 B 的 19.3%', '只有 B 的 1/3', '不到 B 的一半'
_FRACTION_LEAD_RE = re.compile(r"(?:仅为|仅是|只有|仅有|仅占|只占|不到|不足|约为|降至|降低到|减少到)[\s*]*$")
#: after the system: its share ('的 19.3%', '的五分之一', '的一半', '的 1/3')
_FRACTION_RE = re.compile(
    r"[\s*]*(?:模型|方法|基线)?[\s*]*的[\s*]*(?:约|近|不到)?[\s*]*"
    r"(?:(?P<pct>\d+(?:\.\d+)?)\s*%|(?:[一二三四五六七八九十]+分之[一二三四五六七八九十]+)|一半|1\s*/\s*\d+)"
)
#: before a multiple of another system's measure: '达到了 B 的两倍', '是 B 的 3 倍' is :meth:`_times_of`
_MULTIPLE_LEAD_RE = re.compile(r"(?:达到了?|达|提升至|提高到|提升到|提高至)[\s*]*(?:约|近|超过|高达)?[\s*]*$")
_MULTIPLE_RE = re.compile(
    r"[\s*]*(?:模型|方法|基线)?[\s*]*的[\s*]*(?:约|近|超过|高达)?[\s*]*"
    r"(?P<n>\d+(?:\.\d+)?|[两二三四五六七八九十]+)[\s*]*倍"
)
#: a measure where more wins, named before the multiple
_MORE_WINS_RE = re.compile(
    r"准确率|精度|得分|分数|性能|成功率|召回率|速度|吞吐|效率|帧率|accuracy|score|success|throughput|speed",
    re.IGNORECASE,
)
#: where the part of a sentence that names the measure opens
_PART_RE = re.compile(r"[；;，,。]")


class RatioRules:
    """``A 的计算量仅为 B 的 19.3%`` and ``A 的准确率达到了 B 的两倍``."""

    def _ratios(self, text: str, systems: list[Mention], main: str | None) -> list[Found]:
        """A beats B when A's cost is only a fraction of B's (a measure where
        lower or fewer wins named before it in the same part: ``训练计算量显著
        减少，例如仅为 B 的 19.3%`` takes the part before the comma too), or
        when A's measure where more wins is over one times B's; A is the
        subject before the ratio, else the paper's own system. None when the
        ratio is negated or hedged."""
        found, objects = [], set()  # 'A 仅为 B 的 50%，…达到了 C 的两倍': B is no subject of the second
        for b in systems:
            before = text[max(0, b.start - 8) : b.start]
            if lead := _FRACTION_LEAD_RE.search(before):
                tail, more = _FRACTION_RE.match(text, b.end), False
                if tail and tail.group("pct") and float(tail.group("pct")) >= 100:
                    continue
            elif lead := _MULTIPLE_LEAD_RE.search(before):
                tail, more = _MULTIPLE_RE.match(text, b.end), True
                if tail and tail.group("n")[0].isdigit() and float(tail.group("n")) <= 1:
                    continue
            else:
                continue
            at = b.start - len(before) + lead.start()
            if tail is None or self._negated(text, at) or self._hedged_before(text, at):
                continue
            objects.add(b.key)
            if not self._measured(text, at, more):
                continue
            subj = self._subject(text, [s for s in systems if s.end <= at and s.key not in objects], at)
            winner = subj.key if subj else main
            if winner and winner != b.key:
                found.append(Found(winner, b.key, cue="仅为…" if not more else "达到…倍", at=at))
        return found

    def _measured(self, text: str, at: int, more: bool) -> bool:
        """Whether the measure the ratio at ``at`` is of, the last one named
        before it (in a multiple's own clause; in a fraction's or the one
        before it, ``训练计算量显著减少，例如仅为…``), is one where more wins for
        a multiple, lower or fewer for a fraction."""
        cuts = [m.end() for m in _PART_RE.finditer(text, 0, at)]
        # a multiple's own clause; a fraction's and the one before it
        start = (cuts[-1] if cuts else 0) if more else (cuts[-2] if len(cuts) > 1 else 0)
        gains = [m.end() for m in _MORE_WINS_RE.finditer(text, start, at)]
        costs = [
            m.end() for m in (*self.lower_word.finditer(text, start, at), *self.fewer_word.finditer(text, start, at))
        ]
        # the measure named last before the ratio is the one it is of
        return (
            bool(gains) and max(gains) > max(costs, default=-1)
            if more
            else bool(costs) and max(costs) > max(gains, default=-1)
        )
