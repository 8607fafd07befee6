"""Comparison rules that build a frame around the compared system:
``相比 B，A 提升了 …`` / ``compared to B``, a stated gain over the paper's
base model (``在使用 X 时，成功率提升 20.6 个点``); from–to changes
(``在 B 上，FID 从 14.36 降至 7.65``) are in :mod:`kg.extract.from_to`.  In
each the winner is the paper's own system unless the sentence names
another subject.

A mixin of :class:`~kg.extract.relations.RelationRules`.
"""

from __future__ import annotations

import re

from kg.extract.clause_words import AMOUNT_UNIT, CONDITION_RE, clause_start
from kg.extract.sentence import Found, Mention
from kg.extract.outcome_words import shortfall, won_rate
from kg.extract.with_frames import WITH_COMPARE_RE, with_compare_frames, with_compare_pairs
from kg.nlp.cues import cue_regex
from kg.model import Label


#: a word that makes the name after it a class ('其他 YOLO'), not one system
_CLASS_WORD_RE = re.compile(r"其他|其它|所有|全部|各种|多种|各类|这些|那些|诸多")
#: '与' (or 和/跟/同) before a frame's loser, maybe with a short modifier between ('与最先进的 B 相比')
_WITH_BEFORE_RE = re.compile(r"(?:与|和|跟|同(?!等))(?P<mod>(?:[^，。；,;、与和跟同]|同等){0,8}?)[*\s]*$")
#: after 更高/更低: a level, so an adjective ('更高级别的表示', '更高维'), no gain
_LEVEL_RE = re.compile(r"[级层阶维]")
_NUMBER_AHEAD = re.compile(r"[\s*]*(?:了|约)?[\s*]*\d")
#: comparison words that state a bound before a number ('低于 0.5k', 'less than 5%'); '落后 2.1 个点' is a loss
_BOUND_WORDS = {"低于", "高于", "少于", "多于", "lower than", "higher than", "less than", "more than"}


#: a gain word that raises what it measures
_RISE_RE = re.compile(r"提升|提高|增加|上升|增长|增大|improv|increas|rais", re.IGNORECASE)
#: a head that names a frame's object without a name ('较现有基线', 'over prior methods')
_OBJECT_HEAD_RE = re.compile(r"基线|方法|模型|baselines?\b|methods?\b|models?\b", re.IGNORECASE)


def _before_gain(text: str, start: int, end: int, systems: list[Mention], improve: re.Pattern) -> int:
    """Where the objects of a frame whose cue ends at ``start`` end: before
    the first gain word after an object (a system or an object head), at
    ``end`` otherwise; what the gain raises is measured, not beaten
    (``较现有基线提升了 SR``), and a gain word before any object praises it
    (``相比更强的 B``, ``compared to the improved B``)."""
    heads = [h.start() for h in _OBJECT_HEAD_RE.finditer(text, start, end)]
    first = min([s.start for s in systems if start <= s.start < end] + heads, default=None)
    if first is None:
        return end
    return next((g.start() for g in improve.finditer(text, first, end)), end)


#: between two members of a frame's list of losers ('与 A、B 相比')
_MEMBER_SEP_RE = re.compile(r"[\s*]*(?:、|,|，|和|及|以及|与)[\s*]*")


def _with_members(text: str, systems: list[Mention], objs: list[Mention], cue: int) -> list[Mention]:
    """``objs`` (the losers of a ``与 … 相比`` frame whose cue starts at
    ``cue``) with the systems listed after the first up to the cue: in
    ``与 A、B 和 C 相比``, B and C as well as A."""
    if not objs:
        return objs
    out = [objs[0]]
    for s in systems:
        if out[-1].end < s.start and s.end <= cue and _MEMBER_SEP_RE.fullmatch(text, out[-1].end, s.start):
            out.append(s)
    return out + [o for o in objs if o not in out]


#: a bullet's label before its text ('**优越的效率-质量权衡**：')
_LEAD_LABEL_RE = re.compile(r"[\s*]*[^，。；,;：:]{1,30}[：:]")


def _threshold(text: str, cue: re.Match) -> bool:
    """True when the loss cue ``cue`` states a bound: a bound word right before a number."""
    return cue.group().casefold() in _BOUND_WORDS and _NUMBER_AHEAD.match(text, cue.end()) is not None


class FrameRules:
    """Compare-frame, gain-over-base and from-to rules over one sentence."""

    # '较大的模型', '较高': 较 as 'relatively' before an adjective, not 'compared with'
    _ADVERB_JIAO = re.compile(r"[大小高低好差多少强弱长短快慢新旧为]")
    _LOWER_WORDS = {"更低", "降低", "减少", "降至", "降到", "更少", "lower", "reduces", "reduced", "reduction"}
    _HIGHER_WORDS = {"更高", "增加", "高出", "提高", "上升", "增大", "增长", "higher"}

    def _frame(self, text, systems, main, metric=None) -> list[Found]:
        """``相比 B，A 提升了 …`` / ``与 B 相比 … 更低``: A beats B when an
        improvement cue follows; a 'lower' cue counts only when the metric
        named is not higher-is-better, a 'higher' one only when it is not
        lower-is-better; a sentence stating a trade-off or a
        cost (权衡, 代价, trade-off) says no winner."""
        if self.parity.search(text) or any(not _threshold(text, c) for c in self.lose.finditer(text)):
            return []  # a tie or a loss; '低于' before a number is a threshold ('低于0.5k的水平')
        label = _LEAD_LABEL_RE.match(text)  # '优越的效率-质量权衡：与 B 相比…': the label states no cost
        if self._TRADE_OFF_RE.search(text, label.end() if label else 0):
            return []  # '与 B 相比，A 仍有速度上的权衡': a cost of A, not a win
        gains, lost = self._frame_gains(text, metric)
        if not gains and not lost:
            return []
        found = []
        for m in self._compare_frames(text):
            if m.re is WITH_COMPARE_RE:  # '通过与 A、B 的比较，M 取得了显著优势'
                pairs = with_compare_pairs(text, m, systems, main, self.framed_setting)
                found += [Found(*((lo, w) if lost else (w, lo)), cue=m.group(), at=m.start()) for w, lo in pairs]
                continue
            end = self._clause_end(text, m.end(), systems)
            end = _before_gain(text, m.end(), end, systems, self.improve)
            # '相比于仅使用 X 生成标签训练的基线模型（B）': X only describes B
            objs = self.described.over(
                text, m.end(), self._heads([s for s in systems if m.end() <= s.start < end], text)
            )
            if not objs:
                # '与 B 相比' puts the loser before the cue ('与最先进的 B 相比': after a short modifier)
                objs = [
                    s
                    for s in systems
                    if s.end <= m.start()
                    and (w := _WITH_BEFORE_RE.search(text[: s.start])) is not None
                    and not _CLASS_WORD_RE.search(w.group("mod"))  # '与其他 YOLO 对比': a class
                ]
                objs = _with_members(text, systems, objs, m.start())
            listed = self._listed_before_frame(text, systems, m.start())
            if not objs or (listed and all(o in listed for o in objs)):
                objs = listed or objs  # '与现有方法（如 A 和 B）相比': both members, not only the one after 和
            if not objs:
                objs = self._described_in_frame(text, m)
            if not objs:
                continue
            obj_keys = {o.key for o in objs} | {s.key for s in systems for o in objs if o.start <= s.start < o.end}
            others = [s for s in systems if s.key not in obj_keys]
            if not others and len(objs) > 1:
                # '相比 A，B 提升了 …': a Chinese comma closes the frame (lists take 、), B is the subject
                comma = re.search(r"[，；]", text[m.end() :])
                if comma:
                    objs = [s for s in objs if s.start < m.end() + comma.start()]
                    obj_keys = {o.key for o in objs}
                    others = [s for s in systems if s.key not in obj_keys]
            others = self._frame_subjects(text, others, m.end())
            winner = self._frame_winner(text, m, others, main)
            if not winner:
                continue
            found += [Found(*((o.key, winner) if lost else (winner, o.key)), cue=m.group(), at=m.start()) for o in objs]
        return found

    def _frame_gains(self, text: str, metric) -> tuple[list[str], bool]:
        """The gain words of a frame's sentence (casefolded), and whether it states an unhedged
        loss instead: more of a cost (``需要更多的推理时间``, ``higher latency``) or a raise of a
        lower-is-better ``metric`` (``FID 更高``). A raise inside a cost phrase is no gain, nor is
        a component added (``增加局部探索状态``, no number), nor a higher level (``更高级别的表示``)."""
        rises = [r.span() for r in self._cost_rises(text)]
        found = [g for g in self.improve.finditer(text) if not any(a <= g.start() < b for a, b in rises)]
        found = [g for g in found if not (g.group() in ("更高", "更低") and _LEVEL_RE.match(text, g.end()))]
        # a negated or hedged gain ('并未提高', '可能会略有提升') states none
        found = [g for g in found if not (self._negated(text, g.start()) or self._hedged_before(text, g.start()))]
        gains = [g.group().casefold() for g in found] + (["胜率"] if won_rate(text) else [])
        raised = any(g in self._HIGHER_WORDS for g in gains)
        if set(gains) <= {"增加", "增强"} and not re.search(r"\d", text):
            gains = []  # '相比 B，增加局部探索状态': a component added, no measure raised
        if metric is not None and metric.lower_is_better is False:
            gains = [g for g in gains if g not in self._LOWER_WORDS]
        elif metric is not None and metric.lower_is_better:
            gains = [g for g in gains if g not in self._HIGHER_WORDS]  # 'FID 更高', '错误率提高了 5%': a loss
        lost = not (gains or self.hedge_zh.search(text)) and bool(
            rises or (metric and metric.lower_is_better and raised) or shortfall(text)
        )
        return gains, lost

    def _hedged_before(self, text: str, pos: int, start: int | None = None) -> bool:
        """A hedge before ``pos`` in its clause, or from ``start`` when given
        ('可能会略有提升'), or a condition anywhere before it in the sentence
        ('若去掉 X，准确率将从…提升至…')."""
        hedge_from = clause_start(text, pos) if start is None else start
        return bool(self.hedge_zh.search(text, hedge_from, pos) or CONDITION_RE.search(text, 0, pos))

    #: more of something: with a cost it is a loss ('延迟更高', '需要更多的推理时间', 'higher latency')
    _MORE_WORDS = "更多|更长|更大|更高|增加|增大|提高|上升|增长|高出|higher|more|longer|larger|increased"

    def _cost_rises(self, text: str) -> list[re.Match]:
        """The phrases of ``text`` that say a cost is higher (``误差更高``,
        ``延迟增加``, ``需要更多的推理时间和内存``, ``higher latency``)."""
        if getattr(self, "_cost_rise_re", None) is None:  # compiled once, on first use
            cost = rf"(?:{self.lower_word.pattern}|{self.fewer_word.pattern}|(?:推理|训练|运行|计算)?时间)"
            self._cost_rise_re = re.compile(
                rf"{cost}[^，。；,;]{{0,6}}?(?:{self._MORE_WORDS})|(?:需要|占用|消耗)?(?:{self._MORE_WORDS})的?\s*{cost}",
                re.IGNORECASE,
            )
        return list(self._cost_rise_re.finditer(text))

    def _frame_winner(self, text: str, cue: re.Match, others: list[Mention], main: str | None) -> str | None:
        """The winner of a frame: the subject named in the frame's own clause
        before the cue (``…，并且 C 方法相较于 B 提升了 30%``: C, not a system
        of an earlier clause), else the paper's own system when a
        self-reference opens the sentence's subject before any other system
        (``相较 B，本方法更适合…``), else the first proposed system, else
        the first system, else the paper's own."""
        start = clause_start(text, cue.start())
        near = [s for s in others if start <= s.start < cue.start()]
        if near:
            return near[0].key
        ref = self.self_ref.search(text, cue.end())
        later = [s.start for s in others if s.start >= cue.end()]
        if ref is not None and main is not None and (not later or ref.start() < min(later)):
            return main
        own = [s for s in others if s.proposed]
        return (own or others)[0].key if (own or others) else main

    def _frame_subjects(self, text: str, others: list[Mention], after: int) -> list[Mention]:
        """The systems of ``others`` that may be the subject of a frame
        ending at ``after``: not one after 基于/使用 ('与基于 Stable Diffusion 的
        模型相比'), the object of another cue ('较 B 提升了 64%，在 PSNR 上优于 C'),
        a model framed by 在…上 (the setting), nor one in a clause after
        the gain ('相较于 B 实现了一个数量级的提升，并成功泛化到 X')."""
        gain = self.improve.search(text, after)
        after_gain = gain.end() + re.search(r"[，,；;。]|$", text[gain.end() :]).start() if gain else len(text)
        return [
            s
            for s in others
            if not self._tool(text, s)
            and not self._cue_object(text, s)
            and not self.framed_setting(text, s)
            and s.start < after_gain
        ]

    _WITH_BEFORE_RE = re.compile(r"(?:与|跟|同(?!等))(?:[^，,；;。与跟同]|同等){1,40}$")

    def _described_in_frame(self, text: str, cue: re.Match) -> list[Mention]:
        """Described baselines a frame compares with: ``相比香草强化学习，``
        (after the cue) or ``与香草强化学习相比`` (between 与 and the cue)."""
        objs = self.described.after(text, cue.end())
        if not objs:
            w = self._WITH_BEFORE_RE.search(text, 0, cue.start())
            if w is not None:
                objs = self.described.between(text, w.start() + 1, cue.start(), framed=True)
        return objs

    _TRADE_OFF_RE = re.compile(r"权衡|代价|牺牲|\btrade-?offs?\b|\bat the cost of\b", re.IGNORECASE)
    _WITH_CATEGORY_RE = re.compile(
        r"(?:与|和|跟|同)[^，,；;。（(]{0,12}[（(][\s*]*(?:如|例如|比如|包括|e\.g\.,?|such as)?"
        r"(?P<inside>[^()（）]{1,80})[)）][\s*]*(?:进行|作|做)?[\s*]*$",
        re.IGNORECASE,
    )

    def _listed_before_frame(self, text: str, systems: list[Mention], cue: int) -> list[Mention]:
        """The members of a category compared in a ``与 … 相比`` frame:
        ``与 SOTA 方法（如 A, B）相比`` / ``与现有模拟器（如 A, B）进行对比``
        compares with A and B."""
        m = self._WITH_CATEGORY_RE.search(text[:cue])
        if not m:
            return []
        return [s for s in systems if m.start("inside") <= s.start and s.end <= m.end("inside")]

    # a gain with its amount: '提升了 6.4 个点', 'improves by 3.1%', '+4.4%' (only where
    # it starts is used; the gain words as a trie with a first-character look-ahead)
    _GAIN_WORDS = [
        "提升",
        "提高",
        "增加",
        "改善",
        "增益",
        "improve",
        "improves",
        "improved",
        "improvement",
        "gain",
        "gains",
        "boost",
        "boosts",
    ]
    _GAIN_RE = re.compile(
        "(?:"
        + cue_regex(_GAIN_WORDS, boundaries=False).pattern
        + r")[^，。；,;\d]{0,8}?(?:了|by|of)?\s*[*]*\s*\+?\d+(?:\.\d+)?\s*"
        + AMOUNT_UNIT
        + r"|\+\d+(?:\.\d+)?\s*"
        + AMOUNT_UNIT,
        re.IGNORECASE,
    )
    # an open parenthesis that names a tool: '（使用 X', '(using X'
    _IN_TOOL_NOTE = re.compile(r"[（(][\s*]*(?:使用|采用|基于|借助|using|with|via)[^（）()]*$", re.IGNORECASE)
    # a model the method trains or tunes: '使用 M 合成轨迹训练的 X', '对 X 进行微调后'
    _TRAINED_BASE = re.compile(r"(?:训练|微调|后训练)(?:后)?的[\s*]*$")
    _TUNED_TARGET_LEAD = re.compile(r"对[\s*]*$")
    _TUNED_AFTER = re.compile(r"[\s*]*(?:模型)?[\s*]*(?:进行)?[\s*]*(?:微调|训练|后训练)")
    _BASE_FRAME_RE = re.compile(r"(?:在|当|使用|以|基于|on|with|using|for)[\s*“”\"]*$", re.IGNORECASE)

    def _over_base(self, text, systems, main) -> list[Found]:
        """``在使用 GPT-4.1-nano 时，成功率提升 20.6 个点`` / ``on Qwen3-8B it
        gains +4.4%`` / ``Qwen2.5-7B 在 X 上提升 5.8 分``: a stated gain of the
        paper's own system over the one existing model the sentence frames
        as its base or opens with as the subject of the gain."""
        first_gain = self._GAIN_RE.search(text)
        if not main or self.parity.search(text) or self.lose.search(text) or not first_gain:
            return []
        # only what stands before the first gain frames it ('…提升了 7.5%，并优于 C' names C in another claim)
        all_systems, systems = systems, [s for s in systems if s.end <= first_gain.start()]
        models = [s for s in systems if s.label == Label.MODEL and not s.proposed and s.key != main]
        own = [s for s in systems if s.proposed]
        if len(models) != 1 or any(s.key not in (main, models[0].key) and not s.proposed for s in systems):
            return []
        base = models[0]
        winner = own[0].key if own else main
        if self._IN_TOOL_NOTE.search(text, 0, base.start) or self._EVALUATOR_AFTER.match(text, base.end):
            return []  # 'M 结合检索（使用 X 模型）…提升了', '在 GPT-4o 评估下': a tool or a judge, not the base
        if not (
            self._BASE_FRAME_RE.search(text[max(0, base.start - 6) : base.start])
            or self._TRAINED_BASE.search(text[max(0, base.start - 8) : base.start])
            or (
                self._TUNED_TARGET_LEAD.search(text[max(0, base.start - 3) : base.start])
                and self._TUNED_AFTER.match(text, base.end)
            )
            or re.fullmatch(r"[\s*>\-+\d.]*", text[: base.start])
            or (
                self._SUBJECT_LEAD_RE.fullmatch(text, clause_start(text, base.start), base.start)
                and next(self._compare_frames(text), None)
                is None  # '…相比基线的 17.40%': the gain is over the frame's object
            )
        ):
            return []  # framed as the base ('在使用 X 时'), or the subject of the gain ('X 提升了 5 分')
        gain = self._GAIN_RE.search(text, base.end)
        if gain is None or self._LABELLED_FROM.search(text, clause_start(text, gain.start()), gain.end()):
            return []  # '从 40.0%（单次生成）提升至 82.4%': the from-value is another setting's, not the base's
        owner = self._FROM_OWNER.search(text, clause_start(text, base.end), gain.end())
        if owner and text[base.start : base.end] not in owner.group("owner"):
            return []  # '在 X 上，M 将准确率从标准 SFT 的 64.1% 提高到 69.1%': the from-value is SFT's
        if _RISE_RE.match(gain.group()) and self._raises_a_cost(text, base.end, gain.start()):
            return []  # '在 X 上推理延迟增加了 10%': more of a cost is no gain
        first = Found(winner, base.key, cue="gain over base", at=gain.start())
        more = self._next_subject_bases(text, all_systems, main, winner, gain.end())
        if more:
            first.span = (clause_start(text, base.start), gain.end())
        return [first, *more]

    # a from-value labelled in parentheses by what it was measured on
    #: the owner of a from-value: '从标准 SFT 的 64.1%'
    _FROM_OWNER = re.compile(r"(?:从|由)[\s*]*(?P<owner>[^\d，。；,;的]{1,16})的[\s*]*\d")
    _LABELLED_FROM = re.compile(r"(?:从|由)\s*\d+(?:\.\d+)?\s*%?\s*[（(][^（）()\d]{1,20}[）)]")

    def _next_subject_bases(self, text, systems, main, winner, after: int) -> list[Found]:
        """After a first gain over a base that opens its clause, each later
        clause opened the same way by another existing model with its own
        gain (``例如 X 在 A 上提升 9.1%，Y 在 B 和 C 上分别提升 18.7% 和 11.9%``):
        one more win of the paper's system, over that model, at its gain
        (so that each row gets the datasets of its own clause)."""
        found = []
        for s in systems:
            if s.start < after or s.label != Label.MODEL or s.proposed or s.key == main:
                continue
            if not self._SUBJECT_LEAD_RE.fullmatch(text, clause_start(text, s.start), s.start):
                continue
            gain = self._GAIN_RE.search(text, s.end)
            if gain and not re.search(r"[，,；;。]", text[s.end : gain.start()]):
                span = (clause_start(text, s.start), gain.end())
                found.append(Found(winner, s.key, cue="gain over base", at=gain.start(), span=span))
                after = gain.end()
        return found

    # before a base that opens its clause as the gain's subject: an example mark, a benchmark frame
    # ('（例如，在 VSI-Bench 上 LLaVA-Video 提升 8.4%，…）')
    _SUBJECT_LEAD_RE = re.compile(r"[\s*（(]*(?:例如|比如|如)?[\s，,]*(?:在[^，,；;。在]{1,30}?上[\s，,]*)?")

    def _compare_frames(self, text: str):
        """The compare frames of a sentence (相比, 相对于, compared to …) as
        matches: not 'over'/'against', nor 较 as 'relatively' before an
        adjective (``较大的 3B 模型``)."""
        for m in self.frame.finditer(text):
            if m.group().casefold() in ("over", "against"):
                continue
            if m.group() == "较" and self._ADVERB_JIAO.match(text, m.end()):
                continue
            if m.group() == "相对" and not self._LATIN_AHEAD.match(text, m.end()):
                continue  # '相对较小', '相对有限': relatively; '相对 OpenVLA 降低了…' compares
            yield m
        yield from with_compare_frames(text)  # '通过与 A、B 等方法的比较，Zorblax 取得了显著优势'

    _LATIN_AHEAD = re.compile(r"[\s*]*[A-Za-z0-9]")
