"""Comparison rules over stated values: ``A (78.2) vs B (64.5)``, two
stated values set against each other (``A 的 AP 为 52.1，而 B 仅为 42.0``,
``whereas``), a compared value 'for' a system and values side by side
(``A 的成功率为 81%，B 为 42%``): the better value wins, lower when the
measure is lower-is-better.  Lists of values are read in
:mod:`kg.extract.listed_values`.

A mixin of :class:`~kg.extract.relations.RelationRules`.
"""

from __future__ import annotations

import re

from kg.extract.clause_words import CLAUSE_END_RE, clause_start
from kg.extract.parens import open_paren
from kg.extract.scores import difference_before
from kg.extract.sentence import DATASET_LABELS, Found, Mention
from kg.model import Label

#: where a clause with an elided subject may open: a sentence break, or an example ('例如')
_ELIDED_OPEN_RE = re.compile(r"[；;。]|例如|比如")
#: a frame opening a clause whose subject is elided: '在 X 数据集上，'
_LEAD_FRAME_RE = re.compile(r"[\s*]*在[^，,。；;]{1,30}?上[\s*]*[，,]")
#: after a value reached: what reaching it takes ('达到 50% 需要 3 倍步数'), so a threshold, not a result
_THRESHOLD_AFTER = re.compile(r"需要|所需|之前|才")
#: a noun naming a measure where more is better ('成功率为 81%', '得分为 81.2'), so a value is a result, not a share
_MEASURE_NOUN_RE = re.compile(r"率|得分|分数|精度|准确|成功|指标|\b(?:accuracy|success|score|rate)\b", re.IGNORECASE)
#: a clause that opens with a phrase and 的: the phrase is its subject ('轴向排序的延迟约 0.1 ms')
_NP_SUBJECT_RE = re.compile(r"[\s*]*[\u4e00-\u9fff]{2,10}的")
#: a compared value, then the system it is for: 'compared with 50% for B', 'against 74% for the tracker'
_FOR_VALUE = r"\$?(?P<v>[-+]?\d+(?:\.\d+)?)\s*(?P<u>\\?%)?\$?(?:\s+[A-Za-z-]+){0,2}\s+for\s+(?:the\s+|a\s+|an\s+)?(?:(?:original|vanilla|standard|base|baseline)\s+)?"
_FOR_VALUE_RE = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?|relative\s+to)\s+" + _FOR_VALUE, re.I)
#: one more value and its system after the first ('…for B and 61% for C', ', 61% for C')
_FOR_MORE_RE = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)" + _FOR_VALUE, re.I)
#: a level stated before the compare word: not glued to a name ('GlimSet-2', 'pass@1'), not a change ('by 20%'),
#: not a count ('4 layers', '2 stages')
_LEVEL_RE = re.compile(
    r"(?<![\w.@\-])(?<!by )\$?(?P<v>[-+]?\d+(?:\.\d+)?)\s*(?P<u>\\?%)?\$?"
    r"(?!\s*(?:layers?|stages?|GPUs?|epochs?|steps?|param\w*|samples?|tokens?|images?|times|x\b|[个层步轮次张]))",
    re.IGNORECASE,
)
#: where the compare word's part of a sentence starts: after ';' or a contrast ('while', 'whereas', '而')
_PART_START_RE = re.compile(r"[；;。]|\b(?:while|whereas)\b|，而", re.IGNORECASE)


def _two_measures(metrics: list[Mention], side_a: tuple[int, int], side_b: tuple[int, int]) -> bool:
    """True when each side (a ``(start, end)`` offset range) names its own
    metric and none is shared: 'A scores 41.2 BLEU, while B reaches 58.3
    ROUGE-L' compares nothing."""
    a = {m.key for m in metrics if side_a[0] <= m.start < side_a[1]}
    b = {m.key for m in metrics if side_b[0] <= m.start < side_b[1]}
    return bool(a and b and not a & b)


class ValueRules:
    """vs, contrast, paired-value and side-by-side rules over one sentence."""

    def _vs(self, text, systems, lower) -> list[Found]:
        found = []
        for a, b in zip(systems, systems[1:]):
            sa, ua = self._score_after(text, a.end)
            mid = text[a.end : b.start]
            mid_wo_score = re.sub(r"[（(]?\s*[-+]?\d+(?:\.\d+)?\s*%?\s*[)）]?", "", mid, count=1)
            if not self.vs.match(mid_wo_score):
                continue
            sb, ub = self._score_after(text, b.end)
            if sa is None or sb is None or sa == sb:
                continue
            a_wins = (sa < sb) if lower else (sa > sb)
            w, l, ws, ls = (a, b, sa, sb) if a_wins else (b, a, sb, sa)
            found.append(Found(w.key, l.key, winner_score=ws, loser_score=ls, unit=ua or ub, cue="vs", at=a.start))
        return found

    _CONTRAST_RE = re.compile(r"[，,；;]\s*(?:而|相比之下|相较之下|对比之下)|\b(?:whereas|while)\b|[，,]\s*but\b")

    def _contrast(self, text, systems, lower, main=None, metrics=()) -> list[Found]:
        """``A 的 AP 为 52.1，而 B 仅为 42.0`` / ``A reaches 52.1 while B gets
        42.0``: two stated scores set against each other; the better wins.
        With the first subject elided (``在 X 上为 40.2%，而 B 仅为 29.3%``) it
        is the paper's own system.  Not when each side names its own measure
        (``A scores 41.2 BLEU, while B reaches 58.3 ROUGE-L``: ``metrics`` are the
        sentence's metric mentions)."""
        found = []
        # a model framed as the setting ('A 在 X 模型上达到 …，而 B 为 …') is no side of the contrast
        systems = [s for s in systems if not self.framed_setting(text, s)]
        pairs = list(zip(systems, systems[1:]))
        for cut in self._CONTRAST_RE.finditer(text) if main is not None else ():
            # the first subject elided: '在 X 上为 40.2%，而 B 仅为 29.3%', '…，例如在 X 数据集上，
            # ROUGE-1 达到了 37.5，而 B 为 33.7' (the example's subject is the paper's own system)
            start = max([m.end() for m in _ELIDED_OPEN_RE.finditer(text, 0, cut.start())] or [0])
            frame = _LEAD_FRAME_RE.match(text, start)
            start = frame.end() if frame else start
            after = [s for s in systems if s.start >= cut.end()]
            if after and after[0].key != main and not any(start <= s.start < cut.start() for s in systems):
                pairs.insert(0, (Mention(start, start, main, Label.METHOD), after[0]))  # kept if it states a value
        pairs += self._described_after_cuts(text, systems, main)
        pairs += [(a, c) for a, b in pairs for c in self._listed_with_values(text, b, systems)]
        for a, b in pairs:
            cut = self._CONTRAST_RE.search(text, a.end, b.start)
            if cut is None or a.key == b.key:
                continue
            va = self._stated_after(text, a, cut.start())
            vb = self._stated_after(text, b, len(text))
            if va is None or vb is None:  # '本文 ATE 1.67 cm，而 B 达 194.94 cm': values with a unit
                va, vb = self._unit_values(text, a, cut, lower) or (va, vb)
            if va is None or vb is None or va[0] == vb[0] or va[1] != vb[1]:
                continue
            stop = CLAUSE_END_RE.search(text, b.end)
            if _two_measures(metrics, (a.end, cut.start()), (cut.end(), stop.start() if stop else len(text))):
                continue
            (sa, cost), (sb, _) = va, vb
            low = lower or cost or (lower is None and self._lower_said(text, a, cut.start(), ""))
            w, l, ws, ls = (a, b, sa, sb) if (sa < sb if low else sa > sb) else (b, a, sb, sa)
            found.append(
                Found(w.key, l.key, winner_score=ws, loser_score=ls, cue=cut.group().strip(" ，,；;"), at=cut.start())
            )
        return found

    def _for_values(self, text, systems, main, lower) -> list[Found]:
        """``A achieves 90% success compared with 50% for B (and 61% for C)``:
        each system after a compared value and 'for' against the subject's
        value: in the compare word's part of the sentence (after a ';' or a
        'while'), its last level of the same unit (no count, no change 'by
        N'), said of the nearest system before it, else of the paper's own;
        the better wins (lower when the metric or a word of that part says
        so).  None when no measure is known, or the part is hedged."""
        found, prev = [], None
        for b in systems:
            if prev is not None and (more := _FOR_MORE_RE.fullmatch(text, prev[0].end, b.start)):
                cue, m = prev[1], more
            elif (m := _FOR_VALUE_RE.search(text, max(0, b.start - 80), b.start)) and m.end() == b.start:
                cue = m
            else:
                prev = None
                continue
            prev = (b, cue)
            part = max([p.end() for p in _PART_START_RE.finditer(text, 0, cue.start())] or [0])
            levels = [
                n for n in _LEVEL_RE.finditer(text, part, cue.start()) if bool(n.group("u")) == bool(m.group("u"))
            ]
            if not levels or self.neg.search(text, part, cue.start()):
                continue
            subjects = [s for s in systems if part <= s.end <= levels[-1].start() and s.label not in DATASET_LABELS]
            winner = subjects[-1].key if subjects else main
            sa, sb = float(levels[-1].group("v")), float(m.group("v"))
            near = max(part, clause_start(text, levels[-1].start()))  # the level's own clause names its measure
            low = lower if lower is not None else self.lower_word.search(text, near, cue.start()) is not None
            measured = lower is not None or low or m.group("u") or _MEASURE_NOUN_RE.search(text, part, cue.start())
            if winner is None or winner == b.key or sa == sb or not measured:
                continue  # no measure known ('trained for 10 epochs, compared with 50 epochs'): which is better is unsaid
            w, l, ws, ls = (winner, b.key, sa, sb) if (sa < sb if low else sa > sb) else (b.key, winner, sb, sa)
            unit = "%" if m.group("u") else None
            found.append(Found(w, l, winner_score=ws, loser_score=ls, unit=unit, cue="for", at=cue.start()))
        return found

    def _other_subject(self, text: str, start: int) -> bool:
        """True when the clause at ``start`` opens with its own subject
        (``原始模型的置信度为 …``), not the paper's (``本方法的…``, ``我们方法的…``)."""
        np = _NP_SUBJECT_RE.match(text, start)
        return np is not None and self.self_ref.search(np.group()) is None

    def _described_after_cuts(self, text, systems, main) -> list[tuple[Mention, Mention]]:
        """``A 置信度为 0.75，而普通微调为 0.38``: after a contrast that names
        no system in its clause, a described baseline opening it, paired with
        the system before the cut in the same clause (else the paper's own,
        its subject elided)."""
        pairs = []
        for cut in self._CONTRAST_RE.finditer(text):
            stop = CLAUSE_END_RE.search(text, cut.end())
            end = stop.start() if stop else len(text)
            if any(cut.end() <= s.start < end for s in systems):
                continue
            found = self.described.opening(text, cut.end())
            if not found:
                continue  # the described baseline must open the clause
            start = clause_start(text, cut.start())
            mine = [s for s in systems if start <= s.start < cut.start()]
            if mine:  # the paper's own system, else the one nearest the cut ('基于 B 的 A …': A)
                pairs.append((next((s for s in mine if s.key == main), mine[-1]), found[0]))
            elif main is not None and not systems and not self._other_subject(text, start):
                # the subject elided, so the paper's own ('原始模型的置信度为 …' has its own subject)
                pairs.append((Mention(start, start, main, Label.METHOD), found[0]))
        return pairs

    #: before a word of doing poorly: a negation or a hedge ('并未表现不佳', 'never fails', 'may fail')
    _NOT_POOR_RE = re.compile(
        r"并未|并不|没有|未|不会|可能|或许|\b(?:not|never|rarely|seldom|may|might|could|can)\b|n't"
    )
    #: in the head clause: a cost or a need, no success ('A needs 8 GPUs, while B struggles')
    _NEED_RE = re.compile(r"需要|依赖|\b(?:needs?|requires?|relies)\b", re.IGNORECASE)

    def _poor_in_contrast(self, text, systems, main) -> list[Found]:
        """``A 取得了 81.3 的平均分，而 B（和 C）在该设置下表现不佳`` / ``A succeeds,
        while B fails``: A, or the paper's system when the head clause names
        no system, beats the subject of the contrast clause (and the systems
        listed with it). Not when that clause negates or hedges its poor
        showing, nor when the head clause does poorly too or states a cost."""
        found = []
        for cut in self._CONTRAST_RE.finditer(text):
            stop = CLAUSE_END_RE.search(text, cut.end())
            poor = self.poor.search(text, cut.end(), stop.start() if stop else len(text))
            head_start = clause_start(text, len(text[: cut.start()].rstrip(" ,，;；")))
            head = text[head_start : cut.start()]
            if (
                poor is None
                or self._NOT_POOR_RE.search(text, cut.end(), poor.start())
                or self.parity.search(text, 0, poor.end())
                or self.lose.search(head)
                or self.poor.search(head)
                or self._NEED_RE.search(head)
                or self.lower_word.search(head)
            ):
                continue  # no poor showing said, a tie, a loss, both sides poor, or a cost
            after = [s for s in systems if cut.end() <= s.start < poor.start()]
            losers = after[:1]
            for s in after[1:]:
                if not (self._LIST_RE.match(text[losers[-1].end : s.start]) or open_paren(text, s.start) >= cut.end()):
                    break
                losers.append(s)  # 'B（如 C、D）', 'B 和 C'
            before = [s for s in systems if head_start <= s.start and s.end <= cut.start()]
            subj = self._subject(text, before, cut.start()) if before else None
            winner = subj.key if subj else (main if not before else None)
            found += [Found(winner, s.key, cue=cut.group().strip(" ，,；;"), at=cut.start()) for s in losers if winner]
        return [f for f in found if f.winner != f.loser]

    # after a system that opens a clause: its value stated with 为 ('B 为 42.0', 'B（微调后）的 AP 仅为 42.0')
    _PARALLEL_NEXT = re.compile(
        r"[\s*]*(?:[（(][^（）()]{0,20}[)）])?[\s*]*(?:基线|模型|方法)?[\s*]*(?:的[^，,；;。\d]{0,10}?)?[\s*]*"
        r"(?:则为|仅为|只有|为|成功|达到了?)[\s*约]*(?=[-+]?\d)"
    )
    #: the break before a later clause's system, maybe with a word of its setting ('，初始 B 为 71.4%')
    _PARALLEL_CUT = re.compile(r"[，,；;][\s*]*(?:初始|原始|原|基础|默认|标准|基线)?的?[\s*]*$")
    #: a value and its unit: '14.1 cm', '85 次', '94.4%', '0.38 秒'
    _UNIT_VALUE = re.compile(
        r"(?<![A-Za-z0-9_.])([-+]?\d+(?:\.\d+)?)\s*(%|[A-Za-z°]{1,8}|[次秒分个]|毫秒|分钟|小时)?(?![A-Za-z0-9_.])"
    )
    _TIME_UNITS = {"s", "ms", "h", "min", "秒", "毫秒", "分钟", "小时"}
    _SIZE_UNITS = {"B", "M", "K", "k", "G", "T", "GB", "MB", "TB"}

    def _values(self, text: str, start: int, end: int) -> list[tuple[float, str]]:
        """(value, unit) of each number of ``text[start:end]`` that is no gain or difference."""
        return [
            (float(m.group(1)), m.group(2) or "")
            for m in self._UNIT_VALUE.finditer(text, start, end)
            if not m.group(1).startswith("+") and not difference_before(text, start, m.start())
        ]

    def _parallel(self, text: str, systems: list[Mention], lower, metrics=()) -> list[Found]:
        """``A 的成功率为 81%，B 为 42%`` / ``A 误差为 14.1 cm；B 为 22.3 cm``:
        clauses side by side, each after the first opened by a system and its
        value with 为: the first clause's system against each, on the first
        value of the later clause and the first of the same unit in the
        first clause; the better wins (lower when the metric or a word of the
        first clause is lower-is-better, or the unit is a time).  Not when
        each clause names its own measure, when no measure is known (no
        metric, lower word, time or measure noun such as 率/得分), for sizes,
        or when the first system is no clause subject (:meth:`_opens_clause`)."""
        found = []
        first = None
        for a, b in zip(systems, systems[1:]):
            cut = self._PARALLEL_CUT.search(text, a.end, b.start)
            head = self._PARALLEL_NEXT.match(text, b.end)
            if cut is None or head is None:
                first = None
                continue
            if first is None:
                first, first_end = a, cut.start()
            if not self._opens_clause(text, first, systems, first_end):
                continue  # an example of the losers ('（例如，A 为 1.1，B 为 1.9）'), a tool, a from-to
            stop = CLAUSE_END_RE.search(text, head.end())
            end = stop.start() if stop else len(text)
            if head.group().rstrip().endswith("达到") and _THRESHOLD_AFTER.search(text, head.end(), end):
                continue  # 'B 达到 50% 成功率需要 3 倍步数': a threshold B reaches, not its value
            # after 成功 the value of the same slot in the first clause ('A 在 20 次中成功 18 次')
            slot = text.rfind("成功", first.end, first_end) if "成功" in head.group() else -1
            mine = self._values(text, slot if slot >= 0 else first.end, first_end)
            theirs = self._values(text, head.end(), end)
            # a percentage both state ('85 次（94.4%）' / '38 次（42.2%）'), else the later clause's first value
            vb = [v for v in theirs if v[1] == "%" and any(u == "%" for _, u in mine)][:1] or theirs[:1]
            va = [v for v in mine if vb and v[1] == vb[0][1]][:1]
            if not va:
                if any(clause_start(text, first.start) <= m.start < first_end for m in metrics):
                    break  # the first clause measures something else ('A 的推理延迟为 45 ms，B 的准确率为 …')
                first = None  # the first clause states no such value ('双 UR3 真机各 20 次，A 成功 60/80'): start again
                continue
            if va[0][0] == vb[0][0] or first.key == b.key:
                continue
            if _two_measures(metrics, (first.end, first_end), (cut.end(), end)):
                continue
            unit = vb[0][1]
            if unit in self._SIZE_UNITS or self.fewer_word.search(text, clause_start(text, first.start), first_end):
                continue  # sizes ('7B', '参数量为 …'), not results
            low = lower if lower is not None else self._lower_said(text, first, first_end, unit)
            if lower is None and not low and not _MEASURE_NOUN_RE.search(text, first.end, first_end):
                continue  # no measure known ('30% 为合成数据'): which value is better is not said
            (sa, _), (sb, _) = va[0], vb[0]
            w, l, ws, ls = (first, b, sa, sb) if (sa < sb if low else sa > sb) else (b, first, sb, sa)
            pct = "%" if unit == "%" else None
            found.append(
                Found(w.key, l.key, winner_score=ws, loser_score=ls, unit=pct, cue="side by side", at=cut.start())
            )
        return found

    def _unit_values(self, text: str, a: Mention, cut: re.Match, lower) -> tuple[tuple, tuple] | None:
        """``(va, vb)`` as :meth:`_stated_after` gives them, for two sides of a
        contrast that state values with a unit (``本文 ATE 1.67 cm，而 B 达
        194.94 cm``): the later side's first value and the last of the same
        unit before the cut; lower is better for a time or when a word of
        the first side says so.  None without a shared unit, for sizes, or
        when no measure is known (no metric, no lower word, not a time)."""
        np = _NP_SUBJECT_RE.match(text, a.start, cut.start()) if a.start == a.end else None
        if np is not None and not self.self_ref.search(np.group()):
            return None  # '轴向排序的延迟约 0.1 ms，而 B …': the clause has its own subject, not the paper's system
        stop = CLAUSE_END_RE.search(text, cut.end())
        theirs = [v for v in self._values(text, cut.end(), stop.start() if stop else len(text)) if v[1]][:1]
        mine = [v for v in self._values(text, a.end, cut.start()) if theirs and v[1] == theirs[0][1]][-1:]
        if not mine or theirs[0][1] in self._SIZE_UNITS or theirs[0][1] == "%":
            return None
        low = lower if lower is not None else self._lower_said(text, a, cut.start(), theirs[0][1])
        if lower is None and not low:
            return None
        return (mine[0][0], low), (theirs[0][0], low)

    def _lower_said(self, text: str, first: Mention, end: int, unit: str) -> bool:
        """True when lower wins by what the first side's own clause says
        before ``end``: a lower-is-better word ('误差', 'latency'), or the unit
        is a time."""
        return (
            unit in self._TIME_UNITS or self.lower_word.search(text, clause_start(text, first.start), end) is not None
        )

    def _opens_clause(self, text: str, first: Mention, systems: list[Mention], end: int) -> bool:
        """True when ``first`` is the subject of the clause ending at ``end``:
        the clause's first system, not inside parentheses (examples of a
        class), not a tool (``使用 B 作为骨干``), not a setting (``在 Qiskit
        中的得分为 59.5%``) nor a reference (``作为对照，B 为 74.5%，C 为
        77.4%``: values to set the paper's against), and the clause states no
        from-to change (its first value is not the system's result)."""
        start = clause_start(text, first.start)
        return not (
            open_paren(text, first.start) >= 0
            or re.search(r"在[\s*“”\"]*$", text[start : first.start])
            or re.search(r"(?:对照|参照|参考)[\s*]*[，,：:]?[\s*]*$", text[max(0, start - 8) : first.start])
            or any(start <= s.start < first.start for s in systems)
            or self._tool(text, first)
            or self.from_to.search(text, start, end)
        )
