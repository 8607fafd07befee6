"""The raised-base rule: the paper's method raises a named base
(``M 能将 X 模型的得分提升 41%，将 Y 模型提升 27%``, ``M 使 X 架构的性能提升了
12.6%``, ``our method improves X by 18.7%``): M beats each base X, Y.

A mixin of :class:`~kg.extract.relations.RelationRules` (it reads the
compiled ``parity``, ``lose`` and ``self_ref`` cues, :meth:`_subject`,
:meth:`_negated` and :meth:`~kg.extract.base_rules.BaseRules._raises_a_cost`).
"""

from __future__ import annotations

import re

from kg.extract.base_rules import PROSPECT_RE, RAISED_BY
from kg.extract.clause_words import clause_start
from kg.extract.sentence import DATASET_LABELS, Found, Mention
from kg.model import Label

#: a raise not made ('难以提升', '未能提高')
_NOT_RAISED_RE = re.compile(r"难以|无法|不能|未能|没有|并未")
#: a result, what a raise of a method's part must name ('使 B 架构的性能提升了 12.6%')
_BENEFIT_RE = re.compile(r"性能|表现|准确率|精度|成功率|得分|分数|胜率|吞吐量|速度|效率|效果")
#: what may open a raise's clause before 将/使 without naming its cause: a setting, an adverb, a connective
#: connectives, 'can' and adverbs of a steady gain, which may open a raise's clause (not 可能 'maybe', 能否 'whether')
_LEAD_WORDS = (
    r"此外|同时|另外|并且?|且|还|也|均|都|可以|能够|能(?!否)|可(?!能)|进一步|从而|最终|"
    r"显著|明显|有效地?|大幅|大大|持续地?|稳定地?|一致地?|始终"
)
_CAUSE_NONE_RE = re.compile(rf"[\s*]*(?:(?:{_LEAD_WORDS}|例如|比如)[\s*，,]*|在[^，。；,;]{{0,24}}?[上中下][\s*，,]*)*")


#: a question mark or 吗 ending the sentence after a raise
_QUESTION_END = re.compile(r"[^。.!！]*(?:吗|？|\?)")
#: a head noun right after the paper's system ('Zorblax 框架', 'the ZorbNet framework')
_OWN_HEAD = re.compile(r"[\s*]*(?:框架|方法|模型|系统|算法|(?i:framework|method|model|system|approach))?")


class RaisedRules:
    """Bases the paper's method raises by a stated amount."""

    # '将 X（70B）模型的得分提升 41%', '使 X 模型在域外任务上的平均准确率提高了 6.2%', '将 X 基线的成功率提升了 16.1%',
    # '使 X 架构的性能提升了 12.6%', '使 X 优化器性能平均提升了 1.21%'
    _RAISED_BASE = re.compile(
        r"[\s*]*(?:[（(][^（）()]{0,12}[)）])?[\s*]*(?P<head>基线模型|基线|模型|架构|优化器|框架|骨干网络|策略|方法)?[\s*]*"
        # what is raised: after 的, or right after a head noun ('X 优化器性能'; not 'X 平均性能', X a measure)
        r"(?:在[^，。；,;在]{1,20}?[上中])?[\s*]*(?:的[^，。；,;]{0,16}?|(?(head)[^，。；,;]{0,16}?|(?!)))?" + RAISED_BY
    )
    _JIANG = re.compile(r"(?:将|使|使得|让|帮助)(?:基线)?[\s*“”\"]*$")
    # 'improves B by 18.7%', 'boosts B's accuracy by 3 points': the amount a named base is raised by
    _EN_RAISES = re.compile(r"\b(?:improv|boost|enhanc)(?:es|ed|ing)\s+(?:the\s+)?$", re.IGNORECASE)
    # between the subject and the verb of 'X improves B by N': nothing but a gloss or an adverb
    _EN_SUBJECT_GAP = re.compile(
        r"[\s*]*(?:\([^()]*\))?[\s*]*(?:also|further|consistently|significantly|substantially|still)?\s*", re.IGNORECASE
    )
    _EN_OWN_REF = re.compile(r"\b(?:our|the proposed)\s+(?:method|approach|model|framework|system)\s+$", re.IGNORECASE)
    _EN_RAISED_BY = re.compile(
        r"(?:['’]s)?(?:\s+[^,;.\d]{0,30}?)?\s*by\s+(?:up to\s+|about\s+|over\s+|nearly\s+)?\+?\d", re.IGNORECASE
    )

    def _raised_bases(self, text, systems, main) -> list[Found]:
        """``M 能将 X 模型的得分提升 41%，将 Y 模型提升 27%`` (or ``M 使 X 模型在
        … 上的准确率提高了 6.2%``, ``our method improves X by 18.7%``): M beats
        each base X, Y whose gain is stated after it (M: the subject before the
        first 将, or the paper's own system; in English a named subject or a
        self-reference, not 'scaling improves X')."""
        raised = [s for s in systems if not s.proposed and s.key != main and self._raised_zh(text, s)]
        english = [
            s
            for s in systems
            if not s.proposed
            and s.key != main
            and s not in raised
            and (verb := self._EN_RAISES.search(text, max(0, s.start - 24), s.start))
            and self._EN_RAISED_BY.match(text, s.end)
            and (
                any(
                    (o.proposed or o.key == main) and self._EN_SUBJECT_GAP.fullmatch(text, o.end, verb.start())
                    for o in systems
                )
                or self._EN_OWN_REF.search(text, max(0, verb.start() - 24), verb.start())
            )
        ]
        raised = sorted(raised + english, key=lambda s: s.start)
        if not raised or self.parity.search(text) or self.lose.search(text):
            return []
        first = raised[0].start
        subj = self._subject(text, [s for s in systems if s.end <= first and s not in raised], first)
        if subj is None and self._other_cause(text, first):
            return []  # '扩大数据规模使 B 架构的性能提升了 12.6%': not the paper's system
        winner = subj.key if subj else main
        if winner is None or self._negated(text, first) or PROSPECT_RE.search(text, clause_start(text, first), first):
            return []  # '有望将 B 的准确率提升 3.1%': a prospect, no result
        return [Found(winner, s.key, cue="将…提升", at=s.start) for s in raised if s.key != winner]

    # a raise of named models' results with no amount: 'M 显著提升了 A、B 等模型的性能', 'M improves A and B'
    _ZH_RAISE_OF = re.compile(
        r"(?:提升|提高|改善|增强)了?(?P<objs>[^，。；;：:]{1,60}?)的(?P<what>(?:(?!模型|版本|变体|方法|的)[^，。；,;]){0,10}?)(?:性能|表现|能力|准确率|效果|质量)"
    )
    _EN_RAISE_OF = re.compile(
        r"\b(?:improves|boosts|enhances)\s+(?:the\s+(?P<what>performance|accuracy|quality|robustness)\s+of\s+)?"
        # the list goes on through a comma before a name or 'and' ('A, B, and C'), not before other words
        r"(?P<objs>(?:[^,;.]|\.(?=\d)|,(?=\s*(?:and\s+)?(?-i:[A-Z0-9])))(?:[^,;.]|\.(?=\d)|,(?=\s*(?:and\s+)?(?-i:[A-Z0-9]))){0,59}?)"
        r"(?=\s*(?:,(?!\s*(?:and\s+)?(?-i:[A-Z0-9]))|;|\.(?!\d)|$|\s(?:on|in|across|under|by|with|and\s+(?:the|its|their)\b)))",
        re.IGNORECASE,
    )
    #: what may stand around the listed models: a class opening the list ('现有图像编辑模型（如'), separators,
    #: and a class after it only with 等 ('A 等编辑模型'), or an English class word after the last
    _OBJS_OPEN = re.compile(
        r"[\s*]*(?:(?:现有的?)?[\u4e00-\u9fff]{0,8}(?:模型|方法)[\s*]*[（(][\s*]*(?:如|例如|包括)?)?[\s*]*"
    )
    _OBJS_GAP = re.compile(r"[\s*]*(?:、|，|,|和|及|与|以及|and|, and)?[\s*]*", re.IGNORECASE)
    _OBJS_CLOSE = re.compile(
        r"[\s*]*[)）]?[\s*]*(?:等[\u4e00-\u9fff]{0,8}(?:模型|方法)|(?:detectors?|models?|backbones?|LLMs?|VLMs?))?[\s*]*",
        re.IGNORECASE,
    )
    #: all that may stand before the verb besides its subject: connectives, 'can', and adverbs of a steady gain
    _ZH_LEAD_OK = re.compile(rf"[\s*，,]*(?:(?:{_LEAD_WORDS})[\s*，,]*)*")
    _EN_LEAD_OK = re.compile(
        r"[\s,]*(?:(?:also|further|consistently|significantly|substantially|greatly|clearly|notably|still|thereby)[\s,]*)*",
        re.IGNORECASE,
    )

    def _raised_no_amount(self, text, systems, main) -> list[Found]:
        """``M 显著提升了现有模型（如 A、B）的指令遵循能力`` / ``M consistently
        improves A and B detectors``: the paper's own system beats each
        existing model it raises, no amount stated.  The clause must state
        it plainly: the system (or a self-reference, or nothing, the first
        clause of its sentence) right before the verb with only adverbs of
        a steady gain between (not 不会/旨在/是否/if/rarely …); nothing but
        the models, separators and a class word between the verb and the
        result, which is no cost."""
        found = []
        for m in [*self._ZH_RAISE_OF.finditer(text), *self._EN_RAISE_OF.finditer(text)]:
            a, b = m.span("objs")
            if "," in text[a:b] and not re.search(r"\band\b", text[a:b]):
                b = text.index(",", a)  # 'A, B in contrast shows …': B opens the next clause, no list without 'and'
            if _QUESTION_END.search(text, m.end()):
                continue  # 'M 可以提升 A 的性能吗？': a question
            objs = [s for s in systems if a <= s.start and s.end <= b]
            if not objs or any(s.proposed or s.key == main or s.label != Label.MODEL for s in objs):
                continue
            gaps = [(objs[0].start, self._OBJS_OPEN, a)] + [
                (y.start, self._OBJS_GAP, x.end) for x, y in zip(objs, objs[1:])
            ]
            if not all(rx.fullmatch(text, i, j) for j, rx, i in gaps) or not self._OBJS_CLOSE.fullmatch(
                text, objs[-1].end, b
            ):
                continue  # more than models and separators between the verb and the result ('A 以外模型')
            if m.group("what") and self._raises_a_cost(text, m.start("what"), m.end("what")):
                continue  # '提高了 A 的推理成本与能耗表现': a cost
            winner = self._plain_raiser(text, systems, main, m)
            found += [Found(winner, s.key, cue="提升…的", at=m.start()) for s in objs if winner and s.key != winner]
        return found

    def _plain_raiser(self, text, systems, main, m: re.Match) -> str | None:
        """The paper's system that the clause of the raise ``m`` plainly makes
        its subject (module docstring of :meth:`_raised_no_amount`), or None."""
        start = clause_start(text, m.start())
        lead = [s for s in systems if start <= s.start and s.end <= m.start()]
        ok = self._ZH_LEAD_OK if re.search(r"[\u4e00-\u9fff]", m.group()) else self._EN_LEAD_OK
        if lead:
            subj = lead[-1]
            if not (subj.proposed or subj.key == main) or len(lead) > 1:
                return None
            before = text[start : subj.start].strip(' *“”"')
            head = _OWN_HEAD.match(text, subj.end)  # 'M 框架能够显著提升'
            return subj.key if not before and ok.fullmatch(text, head.end(), m.start()) else None
        ref = self.self_ref.match(text[start : m.start()].lstrip(' *“”"'))
        rest = text[start : m.start()].lstrip(' *“”"')[ref.end() if ref else 0 :]
        # a subject left out, or a self-reference ('该方法', 'it'), goes on from the sentence's first system:
        # the paper's, or another's
        earlier = [s for s in systems if s.end <= start and s.label not in DATASET_LABELS]
        if not ok.fullmatch(rest) or (earlier and not (earlier[0].proposed or earlier[0].key == main)):
            return None
        return earlier[0].key if earlier and not ref else main

    def _other_cause(self, text: str, first: int) -> bool:
        """True when the clause of a Chinese raise at ``first`` opens with a cause
        that is no system and no self-reference (``扩大数据规模使 B …``); not a
        setting, an adverb or a connective (``在 X 上，``, ``可``, ``此外``)."""
        lead = self._JIANG.search(text, max(0, first - 6), first)
        if lead is None:
            return False
        prefix = text[clause_start(text, first) : lead.start()]
        return bool(re.search(r"[\u4e00-\u9fff]", prefix)) and not (
            self.self_ref.search(prefix) or _CAUSE_NONE_RE.fullmatch(prefix)
        )

    def _raised_zh(self, text: str, s: Mention) -> bool:
        """``将 B（基线）的 X 提升了 N``, ``使 B 架构的性能提升了 N``: B is raised,
        not a cost of it (``将 B 的推理延迟增加了 20%``), not hardly (``难以提升``);
        after a head of a method's parts (架构, 框架, 策略 …) what is raised is a
        result (``性能``), not a setting (``将 B 框架中的学习率提高了 10 倍``)."""
        r = self._RAISED_BASE.match(text, s.end) if self._JIANG.search(text[max(0, s.start - 6) : s.start]) else None
        if r is None or self._raises_a_cost(text, s.end, r.end()) or _NOT_RAISED_RE.search(r.group()):
            return False
        head = r.group("head")
        return (
            head in (None, "基线模型", "基线", "模型")
            or _BENEFIT_RE.search(r.group()) is not None
            or re.match(r"[\s*]*(?:提升|提高|改善)", text[r.end("head") :]) is not None  # '使 B 架构提升了 12.6%'
        )
