"""Comparison rules for a measure stated as a ratio of another system's:
a cost that is only a fraction of it (``训练计算量仅为 B 的 19.3%``), a
measure where more wins that is a multiple of it (``准确率达到了 B 的两倍以上``),
or a speed that is (``A 的速度是 B 的 2 倍``).

A mixin of :class:`~kg.extract.relations.RelationRules` (it reads the
compiled ``cost_word`` cue, the negation and hedge
checks and the subject finder set up there).  The measure must be named
before the ratio in the same clause part (after the last ``；`` or ``，``
that opens it): with no measure named, which side wins is unsaid.
"""

from __future__ import annotations

import re

from kg.extract.sentence import Found, Mention

#: 'only' before a fraction of another system's measure: '仅为 B 的 19.3%', '只有 B 的 1/3', '不到 B 的一半'
_FRACTION_LEAD_RE = re.compile(r"(?:仅为|仅是|只有|仅有|不到|不足|约为|降至|降低到|减少到)[\s*]*$")
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
#: a measure that fell or varies: a multiple of it is no gain ('速度下降达到了 B 的 3 倍')
_LOSS_NOUN_RE = re.compile(r"下降|降幅|损失|波动|方差|差距|退化|drop|loss|variance", re.IGNORECASE)
#: a negation before a ratio ('并非仅为'), or an overhead added ('额外开销仅为 B 的 3%': a share of B's cost)
_NOT_A_RATIO_RE = re.compile(r"并非|并不是|而非|额外|引入")
#: what may stand between the clause break and a fraction that takes its cost from the clause before
_BARE_LEAD_RE = re.compile(r"[\s*]*(?:例如|比如|即|约|也|仅)?[\s*]*$")
#: before 'A 是 B 的 N 倍': a measure of speed, where more wins ('速度', '吞吐量', 'FPS')
_FAST_ASPECT_RE = re.compile(r"速度|吞吐|效率|加速|帧率|速率|throughput|speed|FPS|tokens/s", re.IGNORECASE)
#: after 'A 的速度是 B': B's measure and the ratio ('的 2.5 倍', '的两倍')
_TIMES_RE = re.compile(
    r"[\s*]*的[\s*]*(?:约|近|超过|高达)?[\s*]*(?P<n>\d+(?:\.\d+)?|[两二三四五六七八九十百数]+)[\s*]*倍"
)
#: where the part of a sentence that names the measure opens
_PART_RE = re.compile(r"[；;，,。]")


class RatioRules:
    """``A 的计算量仅为 B 的 19.3%``, ``A 的准确率达到了 B 的两倍`` and ``A 的速度是 B 的 2 倍``."""

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
                # 100% or more is no fraction; 'about 95% of B' is about the same
                if (
                    tail
                    and tail.group("pct")
                    and float(tail.group("pct")) >= (90 if lead.group().startswith("约") else 100)
                ):
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
            cuts = [m.end() for m in _PART_RE.finditer(text, 0, at)]  # where the parts before the ratio open
            if _NOT_A_RATIO_RE.search(text, cuts[-1] if cuts else 0, at):
                continue
            objects.add(b.key)
            if not self._measured(text, at, cuts, more):
                continue
            subj = self._subject(text, [s for s in systems if s.end <= at and s.key not in objects], at)
            winner = subj.key if subj else main
            if winner and winner != b.key:
                found.append(Found(winner, b.key, cue="仅为…" if not more else "达到…倍", at=at))
        return found

    def _measured(self, text: str, at: int, cuts: list[int], more: bool) -> bool:
        """Whether the measure the ratio at ``at`` is of, the last one named
        before it (in a multiple's own clause; in a fraction's or the one
        before it, ``训练计算量显著减少，例如仅为…``), is one where more wins for
        a multiple, lower or fewer for a fraction; ``cuts``: where the
        sentence's parts before ``at`` open."""
        own = cuts[-1] if cuts else 0
        # a multiple's own clause; a fraction's, and the one before it when its own names nothing
        start = own if more or not _BARE_LEAD_RE.fullmatch(text, own, at) else (cuts[-2] if len(cuts) > 1 else 0)
        gains = [m.end() for m in _MORE_WINS_RE.finditer(text, start, at)]
        if more and gains and _LOSS_NOUN_RE.search(text, max(gains), at):
            return False
        costs = [m.end() for m in self.cost_word.finditer(text, start, at)]
        # the measure named last before the ratio is the one it is of
        return (
            bool(gains) and max(gains) > max(costs, default=-1)
            if more
            else bool(costs) and max(costs) > max(gains, default=-1)
        )

    def _times_of(self, text, systems, main) -> list[Found]:
        """``A 的速度是 B（和 C）的 2 倍``: A beats B (and C) when the measure
        before 是 is a speed or a throughput (a ratio of a cost, a count or a
        size states no win: ``A 的参数量是 B 的两倍``); not a ratio of one or
        less (``是 B 的 0.8 倍``), nor a 是 inside a word (``但是``)."""
        found = []
        objects: set[str] = set()  # '是 B 的 2 倍，是 C 的 1.5 倍': B is no subject of the second
        for m in re.finditer(r"(?<![但还于或就只不要可])是", text):
            objs = [s for s in systems if m.end() <= s.start <= m.end() + 3]
            if not objs:
                continue
            chain = [objs[0]]
            for s in (s for s in systems if s.start > objs[0].start):
                if not self._LIST_RE.match(text[chain[-1].end : s.start]):
                    break
                chain.append(s)
            times = _TIMES_RE.match(text, chain[-1].end)
            if times is None or (times.group("n")[0].isdigit() and float(times.group("n")) <= 1):
                continue
            objects.update(c.key for c in chain)
            before = [b for b in systems if b.end <= m.start() and b.key not in objects]
            subj = self._subject(text, before, m.start())
            winner = subj.key if subj else main
            aspect = text[: m.start()]  # the measure may be named a clause before ("…，是 C 的 1.5 倍")
            if winner is None or not _FAST_ASPECT_RE.search(aspect):
                continue
            found += [Found(winner, o.key, cue="是…倍", at=m.start()) for o in chain]
        return found
