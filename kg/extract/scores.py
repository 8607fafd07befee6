"""Score slots of the sentence rules: the value a sentence states for a
system (``X 达到 90.2%``, ``X (84.8)``, ``A 仅需 0.38 秒``), told apart from
gains, differences and ranges (``提升了 41%``, ``仅相差 2.7%``, ``12.6%-64.9%``).

A mixin of :class:`~kg.extract.relations.RelationRules` (it reads the
compiled cues ``score_verb``, ``from_to`` and ``improve`` set there).
"""

from __future__ import annotations

import re

from kg.extract.sentence import Found, Mention, Stated

#: words that make the number after them a difference, not a score
DIFFERENCE_RE = re.compile(
    r"提升|提高|增益|增幅|幅度|相差|差距|领先|高出|低了|改进|\+|\bgains?\b|\bimprov|\bmargin|\bdifference|\bby\b",
    re.IGNORECASE,
)


def difference_before(text: str, start: int, pos: int) -> bool:
    """True when a word of :data:`DIFFERENCE_RE` stands in the eight
    characters before ``pos`` (not before ``start``): the number at ``pos``
    is a gain or a difference ('提升了 5%'), not a value."""
    return DIFFERENCE_RE.search(text[max(start, pos - 8) : pos]) is not None


class ScoreRules:
    """Where a sentence states a score, and whose score it is."""

    def scores(self, text: str, mentions: list[Mention]) -> list[Stated]:
        """Scores stated for systems: ``X 达到 90.2%``, ``X achieves 78.3``,
        ``X (84.8)``.  A score belongs to the nearest system before it in the
        same clause, with no other system in between."""
        systems = [m for m in mentions if m.is_system]
        out = []
        for i, s in enumerate(systems):
            nxt = systems[i + 1].start if i + 1 < len(systems) else len(text)
            tail = text[s.end : nxt]
            m = self._score_match(tail)
            value, unit = None, None
            in_parens = False
            if m:
                value, unit = float(m.group("num")), m.group("unit")
            else:
                m = self._PAREN_SCORE.match(tail)
                if m:
                    value, unit, in_parens = float(m.group("num")), m.group("unit"), True
            if value is not None:
                owner = s
                if not in_parens and self._tool(text, s):
                    # 'X 使用 GPT-5 模型达到 65.8%': the score is X's
                    owner = next((o for o in reversed(systems[:i]) if not self._tool(text, o)), None)
                    if owner is None:
                        continue
                raw = re.sub(r"[*\s]+", " ", text[owner.start : s.end + m.end()]).strip()
                out.append(Stated(owner.key, value, "%" if unit == "%" else None, raw))
        return out

    _PAREN_SCORE = re.compile(r"\s*[（(]\s*(?P<num>-?\d+(?:\.\d+)?)\s*(?P<unit>%)?\s*[)）]")  # 'X (84.8)'
    _GAIN_AFTER = re.compile(
        r"\s*(?:的|of)?\s*[*]*\s*(?:显著|大幅|相对)?(?:提升|提高|增益|改进|增长|加速|降低|减少|"
        r"improvement|gain|increase|speedup|倍)",
        re.IGNORECASE,
    )

    def _score_match(self, tail: str) -> re.Match | None:
        """A score stated at the start of ``tail`` (``达到 90.2%``, ``achieves
        78.3``), as a match with groups ``num`` and ``unit``; None for a gain,
        a difference or a range ('实现了 41% 的提升', '提升幅度达 12.6%',
        '仅相差 2.7%', '12.6%-64.9%')."""
        m = self.score_verb.match(tail)
        if m and (
            self._GAIN_AFTER.match(tail, m.end())
            or DIFFERENCE_RE.search(tail[: m.start("num")])
            or re.match(r"\s*[-–~至到]\s*\d", tail[m.end() :])
        ):
            return None
        return m

    _MEASURE_WORD = re.compile(r"\s+[A-Za-z][\w-]*")

    def _gain_amount(self, text: str, end: int) -> bool:
        """True when the number ending at ``end`` is followed by a gain noun,
        directly or after one measure word ('3% improvement', '3% SR gain')."""
        word = self._MEASURE_WORD.match(text, end)
        return bool(self._GAIN_AFTER.match(text, end) or (word and self._GAIN_AFTER.match(text, word.end())))

    def _score_after(self, text: str, end: int, allow_bare: bool = True) -> tuple[float | None, str | None]:
        """The score stated right after a system: ``B（84.8）``, ``B 为 64.5%``;
        not a gain (``B（提升 +6.7%）``, ``B (+4.4%)``). With ``allow_bare``
        False a number right after the name, with no 的/为/parenthesis, is no
        score: after a win cue's object it is the margin (``超越 B 3.1%``)."""
        m = re.match(
            r"\s*[*]*\s*(?P<pre>[（(][^\d（()）]{0,10}?|(?:的|为|达到|得分|:|：|at|of|with|scores?))?"
            r"\s*[*]*\s*([-+]?\d+(?:\.\d+)?)\s*(%|分|points?)?(?![\w.])",
            text[end:],
        )
        if not m or m.group(2).startswith("+") or self.improve.search(m.group("pre") or ""):
            return None, None
        if not allow_bare and not m.group("pre"):
            return None, None
        return float(m.group(2)), ("%" if m.group(3) == "%" else None)

    def _score_between(self, text: str, a: int, b: int) -> tuple[float | None, str | None]:
        """The subject's score stated between it and the cue: a number with
        a percent sign or 分, or right after a score verb (达到, achieves)."""
        seg = text[a:b]
        ft = self.from_to.search(seg)
        if ft:  # 'A 从 23.4% 提升至 37.9%，并优于 C': A's score is where it went
            return float(ft.group("b")), ("%" if "%" in (ft.group("ua") or "") + (ft.group("ub") or "") else None)
        m = re.match(r"[\s*]*[（(]\s*(-?\d+(?:\.\d+)?)\s*(%)?\s*[)）]", seg)
        if m:  # 'A (68.4) outperforms B (55.0)'
            return float(m.group(1)), ("%" if m.group(2) else None)
        for m in reversed(
            list(re.finditer(r"(?<![A-Za-z0-9_./])([-+]?\d+(?:\.\d+)?)\s*(%|分)?(?![A-Za-z0-9_./])", seg))
        ):
            if DIFFERENCE_RE.search(seg[max(0, m.start() - 8) : m.start() + 1]):
                continue  # '仅相差 2.7%', '+4.4%': a difference, not a score
            if self._gain_amount(text, a + m.end()):
                continue  # 'a 3% (accuracy) improvement over B': the size of a gain, not a score
            if m.group(2) or re.search(self._SCORE_VERB_BEFORE, seg[max(0, m.start() - 12) : m.start()]):
                return float(m.group(1)), ("%" if m.group(2) == "%" else None)
        return None, None

    #: a change to a value (not by an amount): '提升到', '降低至'; ``down`` for a decrease
    _TO_VALUE_BEFORE = re.compile(r"(?:提升|提高|增加|(?P<down>降低|下降|减少|降))(?:到|至)[\s*]*$")
    _SCORE_VERB_BEFORE = re.compile(
        r"(?:达到了?|取得了?|获得了?|为|达|高达|得分|reaches|achieves|of|scores?|at)[\s*：:]*$", re.IGNORECASE
    )

    _TIME_COST = re.compile(
        r"^[^，。；;]{0,12}?(?:仅需|只需|需要|耗时|用时|takes|requires|needs)\s*[*\s]*(?:约|about)?\s*"
        r"(?P<num>\d+(?:\.\d+)?)\s*[*\s]*(?:秒|毫秒|分钟|小时|ms|s|min|h)\b",
        re.IGNORECASE,
    )
    _PERCENT = re.compile(r"^[^，。；;]{0,16}?(?P<num>\d+(?:\.\d+)?)\s*[*\s]*%")

    def _stated_after(self, text: str, s: Mention, limit: int) -> tuple[float, bool] | None:
        """The value a clause states for ``s`` before ``limit``, and whether
        lower is better for it: a score (``A 的 AP 为 52.1``, ``A 保留了 71%``)
        or a time cost (``A 仅需 0.38 秒``, lower is better); None if none."""
        tail = text[s.end : limit]
        m = self._TIME_COST.match(tail)
        if m:
            return float(m.group("num")), True
        m = self._score_match(tail) or self._PERCENT.match(tail)
        if not m or DIFFERENCE_RE.search(tail[: m.start("num")]):
            return None
        return float(m.group("num")), False

    # '成功率达到 20.8%（纯 SFT 模型为 0%）', 'X 达到 74.0（B: 52.1）': a value, then in
    # parentheses another system's value on the same measure
    _PAREN_VALUE = re.compile(
        r"(?P<a>\d+(?:\.\d+)?)\s*(?P<ua>%|分)?\s*[（(](?P<inside>[^（）()，,。；;]{1,30}?)\s*"
        r"(?:为|是|仅为|只有|:|：)\s*(?P<b>\d+(?:\.\d+)?)\s*(?P<ub>%|分)?\s*[)）]"
    )

    def _paren_value(self, text: str, systems: list[Mention], main: str | None, lower) -> list[Found]:
        """``成功率达到 20.8%（纯 SFT 模型为 0%）``: a score stated for the
        sentence's subject (a system named before it in the clause and not
        framed as its setting, ``在 X 模型上``; else the paper's own) and, in
        parentheses right after it, another system's score (a named one, or
        a described baseline): the better one wins (lower when the metric is
        lower-is-better).  A change to a value states the value too
        (``把通过率提高至 71.4%（B 为 64.9%）``), and a reduction to one makes
        lower the aim (``将毒性比例降至 12.5%（B 为 20.3%）``).  Not a gain by
        an amount (``提升了 20.8%（B 为 …）``)."""
        found = []
        for m in self._PAREN_VALUE.finditer(text):
            if m.group("ua") != m.group("ub") or m.group("a") == m.group("b"):
                continue
            clause = max([c.end() for c in re.finditer(r"[，,；;。]", text[: m.start()])] or [0])
            lead = text[max(clause, m.start() - 12) : m.start()]
            to_value = self._TO_VALUE_BEFORE.search(lead)  # '将毒性比例降至 12.5%（B 为 20.3%）'
            if not to_value and (
                DIFFERENCE_RE.search(text[max(clause, m.start() - 8) : m.start("a")])
                or not re.search(self._SCORE_VERB_BEFORE, lead)
            ):
                continue
            inside = [s for s in systems if m.start("inside") <= s.start and s.end <= m.end("inside")]
            loser = (
                inside[0]
                if inside
                else next(iter(self.described.between(text, m.start("inside"), m.end("inside"))), None)
            )
            before = [
                s
                for s in systems
                if clause <= s.start and s.end <= m.start() and s not in inside and not self.framed_setting(text, s)
            ]
            winner = before[-1].key if before else main
            if loser is None or winner is None or winner == loser.key:
                continue
            a, b = float(m.group("a")), float(m.group("b"))
            low = lower or bool(to_value and to_value.group("down"))  # reduced to a value: lower is the aim
            w_wins = (a < b) if low else (a > b)
            w, l = (winner, loser.key) if w_wins else (loser.key, winner)
            ws, ls = (a, b) if w_wins else (b, a)
            found.append(
                Found(
                    w, l, winner_score=ws, loser_score=ls, unit=m.group("ua"), cue="value in parentheses", at=m.start()
                )
            )
        return found
