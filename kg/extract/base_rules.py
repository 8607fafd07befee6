"""Comparison rules for a method applied to base models named apart from
its gain: the base set up by a frame (``该方法在 X 架构上进行了验证``,
``在 X 和 Y 上的实验表明``, ``applied to X``, ``validated on the X backbone``)
and the gain stated in the same clause or in a later sentence of the same
paragraph (``其在 A、B 上实现了超过 10% 的提升``); a base raised by the method
(``将 X 的得分提升 41%``) is in :mod:`kg.extract.raised_rules`.

A mixin of :class:`~kg.extract.relations.RelationRules` (it reads the
compiled cues ``parity``, ``lose``, ``neg``, ``frame``, ``from_to`` and the
gain regex set there).  Bases are systems the paper does not propose, at
least one of them typed Model unless the method is applied to or built into them
(``将 X 集成到 Y 中``); a base is never a dataset.
"""

from __future__ import annotations

import re
from functools import cached_property

from kg.extract.clause_words import AMOUNT_UNIT, clause_start
from kg.extract.sentence import Found, Mention
from kg.model import Label


#: a number right after a win word: an amount ('提升超过 50 个百分点'), not a compared system
_AMOUNT_AHEAD = re.compile(r"[\s*]*[约近了]?[\s*]*\d")
#: a gain word, then its amount ('提升了约 41%', '提高 6.2')
RAISED_BY = r"(?:提升|提高|增加|改善)了?[\s*]*(?:约|超过|近|高达)?[\s*]*\+?\d"


#: the own system referred to before a lead ('将其集成到', '我们将该方法应用于')
_OWN_REF_RE = re.compile(r"将其|该方法|本方法|我们的方法|所提方法|该模块|本模块")
#: a negation or a hedge inside a stated cut ('未能降低', '可能降低')
_NOT_CUT_RE = re.compile(r"未能|并未|没有|无法|可能|或许")
#: a prospect before a raise: what is hoped, not what was measured
PROSPECT_RE = re.compile(r"有望|预计|可望|或将|将有望")
#: after a system the own one is applied to: a tool or an environment, no base it beats
_TOOL_AFTER_RE = re.compile(
    r"[\s*]*(?:仿真器|模拟器|仿真环境|环境|优化器|分词器|库|工具|simulator|environment|optimizer|tokenizer|library|toolkit)",
    re.IGNORECASE,
)


class BaseRules:
    """Base frames, gains over carried bases, and ``将 X 提升 N``."""

    # right before a base: 'applied to', 'experiments on' frame it alone; '在'/'on' need a tail
    _STRONG_LEAD = re.compile(
        r"(?:应用于|应用到|集成到|集成于|\bapplied to|\bintegrated into|\bbuilt on|\bon top of"
        r"|\b(?:experiments?|evaluations?|evaluated|validated|tested)\s+(?:on|across|with))[\s*“”\"]*(?:the\s+)?"
        r"(?:(?:最先进|先进|强大|主流|现有|领先)的?|(?:state-of-the-art|strong|leading)\s+)?[\s*]*$",
        re.IGNORECASE,
    )
    # of those: the method applied to or built into the base ('应用于', '集成到', 'applied to')
    _APPLIED = re.compile(r"应用|集成|applied|integrated|built on|on top of", re.IGNORECASE)
    _WEAK_LEAD = re.compile(
        r"(?:在对?|基于|\bon|\bwith|\busing|\bacross)[\s*“”\"]*(?:the\s+)?"
        r"(?:(?:popular|widely[ -]used|strong|state-of-the-art|leading)\s+)?$",
        re.IGNORECASE,
    )
    # after the last base: an evaluation word ('上进行了验证', '上的实验结果表明') or
    # a backbone head ('backbone', '架构'), in the same clause
    _BASE_TAIL = re.compile(
        r"[^，。；,;:：]{0,20}?(?:验证|实验|评估|评测|测试|evaluat|experiment|validat|"
        r"backbones?\b|architectures?\b|base models?\b|架构|骨干|主干|基座|基础模型)",
        re.IGNORECASE,
    )
    # after a base led by 'using': it is the base or backbone ('using X as the base model')
    _USING_TAIL = re.compile(
        r"[\s*]*(?:as\s+(?:the\s+|a\s+|an\s+|our\s+)?(?:[\w-]+\s+){0,2}?)?"
        r"(?:base|backbone|foundation|underlying)(?:\s+(?:models?|LLMs?|policy))?\b",
        re.IGNORECASE,
    )
    # after a base: it judges or evaluates, no base ('as the evaluator', '作为裁判', '评估下')
    _EVALUATOR_AFTER = re.compile(
        r"[\s*]*(?:as\s+(?:the\s+|a\s+|an\s+)?(?:evaluator|judge|grader|critic|annotator)|for\s+evaluation"
        r"|作为(?:评估器|评估模型|裁判|评委|评判|评分)|(?:的)?评估下|评判下)",
        re.IGNORECASE,
    )
    # right after the last base: it is named the baseline ('在 X 基线模型上', 'on the X baseline')
    _BASELINE_TAIL = re.compile(r"[\s*]*(?:基线|baselines?\b)", re.IGNORECASE)
    _CLAUSE_END = re.compile(r"[；;。]")
    # a gain word with no amount (a speed-up counts), for the clause right after a base frame
    _GAIN_WORD = re.compile(
        r"提升|提高|改善|增益|加速|\bimprov\w*|\bboost\w*|\bgains?\b|\bspeed-?ups?\b", re.IGNORECASE
    )
    # '10% 的绝对精度提升', 'a 10% improvement': the amount before the gain word;
    # 'improves accuracy on ARC by 6 points': the amount after 'by'
    _AMOUNT_GAIN = re.compile(
        r"\d+(?:\.\d+)?\s*" + AMOUNT_UNIT + r"\s*(?:的[^，。；,;\d]{0,8}?(?:提升|提高|增益|改善|增长)"
        r"|(?:absolute |relative )?(?:improvement|gain|boost))"
        r"|\b(?:improv|boost|rais|increas)\w*\b[^,;.\d]{0,40}?\bby\s+\+?\d+(?:\.\d+)?\s*(?:%|points?|pp)",
        re.IGNORECASE,
    )
    # the object of a compare frame that is the base itself ('相比基座模型', 'over the base model')
    _BASE_OBJECT = re.compile(r"[\s*]*(?:the\s+)?(?:基座|基础模型|原始模型|原模型|base model|backbone)", re.IGNORECASE)

    # '在 X 和 Y 模型上，', '…模型上分别': two or more models listed as the setting of the clause after
    _LISTED_MODELS_TAIL = re.compile(r"[\s*]*模型上[\s*]*(?:[，,]|分别|均|都)")

    def base_frame(
        self, text: str, systems: list[Mention], main: str | None, listed: bool = False
    ) -> tuple[list[Mention], int]:
        """The base models a sentence applies the method to or evaluates it
        on (``在 X 和 Y 上的实验表明``), and the offset where the frame ends;
        ``([], 0)`` when it frames none.  With ``listed``, two or more
        models set up as the clause's setting (``在 X 和 Y 模型上，``) frame
        too (read in their own sentence only, never carried)."""
        others = [s for s in systems if not s.proposed and s.key != main]
        for i, s in enumerate(others):
            window = text[max(0, s.start - 24) : s.start]
            strong = self._STRONG_LEAD.search(window)
            weak = None if strong else self._WEAK_LEAD.search(window)
            if not (strong or weak):
                continue
            bases = [s]
            for t in others[i + 1 :]:
                if not self._LIST_RE.match(text[bases[-1].end : t.start]):
                    break
                bases.append(t)
            # a method the paper's one is built into is a base too ('将 X 集成到 RCodingAgent 中')
            if not any(b.label == Label.MODEL for b in bases) and not self._built_into(text, systems, main, s, strong):
                continue
            if self._EVALUATOR_AFTER.match(text, bases[-1].end):
                continue  # 'with GPT-4o as the evaluator', '在 GPT-4o 评估下': a judge, no base
            if weak and "using" in weak.group().casefold():
                # 'using X as the base model': only a base tail, not an evaluation ('using X as the judge')
                tail = self._USING_TAIL.match(text, bases[-1].end)
            else:
                tail = self._BASE_TAIL.match(text, bases[-1].end) or self._BASELINE_TAIL.match(text, bases[-1].end)
            if tail is None and listed and len(bases) > 1:
                tail = self._LISTED_MODELS_TAIL.match(text, bases[-1].end)
            if tail is None and not strong:
                continue
            return bases, tail.end() if tail else bases[-1].end
        return [], 0

    def _built_into(self, text, systems, main, base: Mention, lead: re.Match | None) -> bool:
        """True when the lead before ``base`` applies the paper's own system
        to it or builds it in (``将 Zorblax 集成到 B 中``): the own system is
        named in the clause before the lead, and ``base`` is no tool or
        environment (``BlipSim 仿真器``, ``AdamW 优化器``)."""
        if lead is None or not self._APPLIED.search(lead.group()) or _TOOL_AFTER_RE.match(text, base.end):
            return False
        opened = clause_start(text, base.start)
        at = base.start - len(lead.group())
        if main and _OWN_REF_RE.search(text, opened, at):
            return True  # '将其集成到 B 中', '我们将该方法应用于 B'
        return any((s.proposed or s.key == main) and opened <= s.start and s.end <= at for s in systems)

    def _over_framed_bases(self, text, systems, main) -> list[Found]:
        """``在 X 和 Y 上的实验表明，M 持续提升了生成质量``: in the clause of a
        base frame, a gain of the paper's own system is a win over each base
        (no other system between the frame and the gain); then the gains
        stated with their amounts on further bases (:meth:`_gains_on_bases`)."""
        if not main or self.parity.search(text) or self.lose.search(text):
            return []
        found = []
        bases, end = self.base_frame(text, systems, main, listed=True)
        if bases:
            found = self._gain_in_frame(text, systems, main, bases, end)
        return found + self._gains_on_bases(text, systems, main, {f.loser for f in found})

    def _gain_in_frame(self, text, systems, main, bases: list[Mention], end: int) -> list[Found]:
        """The wins over ``bases`` of the base frame ending at ``end`` (see
        :meth:`_over_framed_bases`)."""
        stop = self._CLAUSE_END.search(text, end)
        clause_end = stop.start() if stop else len(text)
        gain = self._GAIN_WORD.search(text, end, clause_end)
        if gain is None or self._negated(text, gain.start()):
            return []
        if self._over_another(text, systems, main, bases, end, gain.start()):
            return []  # '在 X 和 Y 模型上分别比最佳基线提升了…': a gain over another system, X and Y are the setting
        opened = clause_start(text, bases[0].start)
        if any(not s.proposed and s.key != main and opened <= s.start < bases[0].start for s in systems):
            return []  # 'QuxNet 在 X 和 Y 模型上分别提升了…': another system's gain
        if self._hedged_before(text, gain.start(), opened):
            return []  # '若在 X 和 Y 模型上都使用 M，预计…': a condition or a hedge, no claim
        wins = (w for w in self.win.finditer(text, gain.end(), clause_end) if not _AMOUNT_AHEAD.match(text, w.end()))
        if self.frame.search(text, gain.end(), clause_end) or next(wins, None):
            return []  # '… improves fidelity over other post-training approaches': a gain over those, not the bases
        base_keys = {b.key for b in bases}
        between = [s for s in systems if end <= s.start < gain.start() and s.key not in base_keys]
        if any(not s.proposed and s.key != main for s in between):
            return []
        own = [s for s in between if s.proposed]
        winner = own[0].key if own else main
        return [Found(winner, b.key, cue="gain over base", at=gain.start()) for b in bases]

    # '在 X 上' before a base, then a gain with its amount in the clause ('上实现了 20.4% 的相对性能提升')
    _ON_LEAD = re.compile(r"在[\s*“”\"]*$")
    _GAIN_ON_TAIL = re.compile(
        r"[\s*]*(?:模型)?[\s*]*上[^，。；,;]{0,12}?(?:" + RAISED_BY + "|" + _AMOUNT_GAIN.pattern + ")",
        re.IGNORECASE,
    )

    def _gains_on_bases(self, text, systems, main, done: set[str]) -> list[Found]:
        """``M 在 X 上实现了 20.4% 的相对性能提升，在 Y 上实现了 16.0% 的…``: a
        gain with its amount stated on a named base model is a win of the
        own system over it, when no other system opens the clause
        (``现有方法 B 在 X 上仅提升了 1.2%``) or stands between the base and
        the gain (``在 X 模型上将 B 基线提升了 3.0%``), and no earlier clause compared with
        a named system or a baseline (``比标准 LoRA 提升 1.8 个点，在 X 模型上
        平均提升 1.9 个点``: that gain is over LoRA).  Read in its own
        sentence only (never carried to the next)."""
        found, framed = [], []
        for s in systems:
            if s.proposed or s.key == main or s.key in done or s.label != Label.MODEL:
                continue
            tail = self._GAIN_ON_TAIL.match(text, s.end)
            if tail is not None and self._raises_a_cost(text, s.end, tail.end()):
                continue  # '在 X 上推理延迟增加了 10%': more of a cost is no gain
            cut = None if tail else self._cut_on_base(text, s.end)
            tail = tail or cut
            if tail is None or not self._ON_LEAD.search(text, max(0, s.start - 4), s.start):
                continue
            if cut and any(not o.proposed and o.key != main and o.end <= s.start and o not in framed for o in systems):
                continue  # 'VorpNet 将延迟降低了 20%，在 X 上…': a cut of another system's
            rest = [o for o in systems if o not in framed]
            opened = clause_start(text, s.start)
            if any(not o.proposed and o.key != main and opened <= o.start < tail.end() and o is not s for o in rest):
                continue  # another system opens the clause or stands between the base and the gain
            if self._compared_before(text, rest, main, s.start):
                continue
            own = [o for o in rest if o.proposed and opened <= o.start < s.start]
            found.append(Found(own[0].key if own else main, s.key, cue="gain over base", at=tail.end()))
            framed.append(s)
        return found

    def _cut_on_base(self, text: str, pos: int) -> re.Match | None:
        """After a base named at ``pos``: a cost cut with its amount in the
        clause (``在 X 上实现了 FLOPs 减少 5.3 倍``, ``上推理延迟降低了 40%``), a
        gain of the own system over it as :meth:`_gains_on_bases` reads."""
        m = self._cut_on_base_re.match(text, pos)
        if (
            m is None
            or PROSPECT_RE.search(m.group())
            or _NOT_CUT_RE.search(m.group())
            or self._hedged_before(text, pos)
        ):
            return None  # '预计可使推理延迟降低 40%', '未能降低': no cut stated
        return m

    def _raises_a_cost(self, text: str, start: int, end: int) -> bool:
        """True when ``text[start:end]`` names a cost (not a benefit of it,
        ``内存效率``) that the gain word after it raises."""
        return self.cost_word.search(text, start, end) is not None

    @cached_property
    def _cut_on_base_re(self) -> re.Pattern:
        return re.compile(
            rf"[\s*]*(?:模型)?[\s*]*上[^，。；,;]{{0,12}}?(?:{self.cost_word.pattern})[^，。；,;\d]{{0,6}}?"
            r"(?:降低|减少|缩短|下降)了?[\s*]*(?:约|超过|近|高达)?[\s*]*\d",
            re.IGNORECASE,
        )

    _THAN_RE = re.compile(r"(?<![相对])比(?!例|较|率)|\bthan\b")
    _BASELINE_WORD_RE = re.compile(r"基线|\bbaselines?\b", re.IGNORECASE)

    def _over_another(self, text, systems, main, bases: list[Mention], start: int, stop: int) -> bool:
        """True when, between a base frame's end ``start`` and its gain at
        ``stop``, 比 or a compare frame names another system or a baseline
        (``分别比最佳基线提升了``), not the base itself (``相比原模型``) nor an
        adverb (``较大``)."""
        base_keys = {b.key for b in bases}
        frames = [m for m in self._compare_frames(text) if start <= m.start() and m.end() <= stop]
        for c in [*self._THAN_RE.finditer(text, start, stop), *frames]:
            if self._BASE_OBJECT.match(text, c.end()):
                continue
            other = [s for s in systems if c.end() <= s.start < stop and s.key not in base_keys | {main}]
            if any(not s.proposed for s in other) or self._BASELINE_WORD_RE.search(text, c.end(), stop):
                return True
        return False

    def _compared_before(self, text: str, systems: list[Mention], main: str | None, pos: int) -> bool:
        """A compare frame, 比 or a win cue before ``pos`` with a named
        system (not the paper's own) or a baseline word after it."""
        cues = [
            *self.frame.finditer(text, 0, pos),
            *self.win.finditer(text, 0, pos),
            *self._THAN_RE.finditer(text, 0, pos),
        ]
        if not cues:
            return False
        after = min(c.end() for c in cues)
        named = any(after <= s.start < pos and not s.proposed and s.key != main for s in systems)
        return named or self._BASELINE_WORD_RE.search(text, after, pos) is not None

    def gain_over_carried(self, text, mentions, main, bases: list[str]) -> list[Found]:
        """A sentence after a base frame of the same paragraph that names no
        system but the paper's own and states a gain with its amount
        (``其在 A、B 上实现了超过 10% 的提升``) or a from-to (``在 MBPP 上，
        步数从 256 减少到 24``): a win of the own system over each base."""
        systems = [m for m in mentions if m.is_system]
        if not main or not bases or any(not s.proposed and s.key != main for s in systems):
            return []
        if self.parity.search(text) or self.lose.search(text):
            return []
        for m in self.frame.finditer(text):
            if m.group().casefold() not in ("over", "against", "较") and not self._BASE_OBJECT.match(text, m.end()):
                return []  # '相比全量微调提升了 5%': a gain over another system
        own = [s.key for s in systems if s.proposed]
        winner = own[0] if own else main
        gain = self._GAIN_RE.search(text) or self._AMOUNT_GAIN.search(text)
        if gain is not None and not self._negated(text, gain.start()):
            return [Found(winner, b, cue="gain over base", at=gain.start()) for b in bases]
        metric = self._metric(mentions)
        lower = bool(metric and metric.lower_is_better)
        m = self.from_to.search(text)
        if m is None:
            return []
        found = [self._one_from_to(m, [Mention(0, 0, b, Label.MODEL)], winner, lower, None) for b in bases]
        return [f for f in found if f is not None]
