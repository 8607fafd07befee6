"""Clause structure for the sentence rules: where a clause or a list of
systems ends, which system is a clause's subject (not a tool, a compared
object or a bullet's label), whether a cue is negated, whether less wins
for the measure a clause names, and which datasets a comparison's clause
names.

A mixin of :class:`~kg.extract.relations.RelationRules` (it reads the
compiled cues ``neg``, ``self_ref``, ``subordinate``, ``lower_word`` and
``fewer_word`` set there).
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.clause_words import BING, CLAUSE_END_RE, WITH_WORD, ZAI, clause_start
from kg.extract.sentence import Mention
from kg.extract.parens import in_aside, in_examples
from kg.model import Label


class ClauseRules:
    """Subjects, clause ends, lists and datasets of a sentence's mentions."""

    _CLAUSE_RE = re.compile(
        r"[；;。]|[，,]\s*(?:但|而|然而|同时|且|并且?|此外|and(?!\s+[+\-]?\d)|while|but|whereas)|\s(?:while|but|whereas)\s"
    )

    _PART_OF_RE = re.compile(r"^[\s*]*(?:测试集|数据集|基准测试|基准)?(?:的|'s\b)[^，,；;。]{0,12}$")
    _MEMBER_SEP_RE = re.compile(r"[\s*]*(?:、|,|，|和|及|与)[\s*]*")

    def _datasets_of(self, text: str, datasets: list[Mention], at: int, systems: list[Mention] = ()) -> list[str]:
        """The datasets a comparison whose cue sits at ``at`` is about: all of
        the sentence's when they form one group; else those of the cue's
        clause (``在 GSM8K 上 A 比 B 高，但在 MATH 上略逊于 C``) and of the
        clauses that only go on with its gain (``，并在 D 上提升 3.8%``: an
        additive link, no system of ``systems`` named, a gain cue).  A part
        of a benchmark named right after it (``FooBench 的计数（Counting）任务``,
        ``FooBench 测试集的三个子任务（A, B, C）``) is that benchmark, not one
        more dataset."""
        kept, part = [], False
        for i, d in enumerate(datasets):
            between = text[datasets[i - 1].end : d.start] if i else ""
            # a part named after its benchmark, or the next member of the same parenthesised list
            part = bool(i) and (
                self._PART_OF_RE.match(between) is not None
                or (part and self._MEMBER_SEP_RE.fullmatch(between) is not None)
            )
            if not part:
                kept.append(d)
        datasets = kept
        if len(datasets) < 2:
            return [d.key for d in datasets]
        # 'on A, B, and C.': the serial comma before a list's last dataset breaks no clause
        breaks = [m.start() for m in self._CLAUSE_RE.finditer(text) if not _serial_comma(text, m, datasets)]
        start = max([b for b in breaks if b < at] or [0])
        end = min([b for b in breaks if b >= at] or [len(text)])
        while end < len(text) and self._continues(text, end, breaks, systems):
            end = min([b for b in breaks if b > end] or [len(text)])
        if start == 0 and end == len(text):
            return [d.key for d in datasets]
        mine = [d.key for d in datasets if start <= d.start < end]
        if mine:
            return mine
        earlier = [d for d in datasets if d.end <= start]
        if earlier:  # those of the nearest clause before that names any
            prev_start = max([b for b in breaks if b < earlier[-1].start] or [0])
            return [d.key for d in earlier if d.start >= prev_start]
        return [d.key for d in datasets]

    _ADDITIVE_RE = re.compile(r"[，,]\s*(?:并且?|且|同时|and)\s*", re.IGNORECASE)

    def _continues(self, text: str, at: int, breaks: list[int], systems: list[Mention]) -> bool:
        """True when the clause starting at break ``at`` goes on with the
        claim before it: an additive link (``，并``, ``, and``), no system
        named, a win or gain cue and no losing, parity or negation cue
        (``，并在 IntentBench 上提升 3.8%``)."""
        link = self._ADDITIVE_RE.match(text, at)
        if link is None:
            return False
        end = min([b for b in breaks if b > at] or [len(text)])
        clause = text[link.end() : end]
        return (
            not any(at <= s.start < end for s in systems)
            and bool(self.win.search(clause) or self.improve.search(clause))
            and not (self.lose.search(clause) or self.parity.search(clause) or self.neg.search(clause))
        )

    def _tool(self, text: str, s: Mention) -> bool:
        """True when ``s`` follows a tool or partner word (``使用 GPT-5``,
        ``基于 X``, ``与 B``): it is not the subject of its clause."""
        return bool(self._INSTRUMENT.search(text[max(0, s.start - 6) : s.start]))

    def _cue_object(self, text: str, s: Mention, cues: re.Pattern | None = None) -> bool:
        """True when ``s`` directly follows a cue of ``cues`` (default: the
        win cues; ``优于 C``, ``outperforms C``, or with the parity cues
        ``matches C``): the object of that cue, never the subject of another clause."""
        before = text[max(0, s.start - 16) : s.start]
        return any(not before[m.end() :].strip(' *“”"了') for m in (cues or self.win).finditer(before))

    def _won_over(self, text: str, s: Mention) -> bool:
        """True when ``s`` is what a win cue beats: right after the cue
        (``超越了 B``) or a member its loser phrase names (``超越了现有方法，
        包括 B``, ``outperforms prior methods, including B``)."""
        if self._cue_object(text, s):
            return True
        lead = _MEMBER_LEAD_RE.search(text, max(0, s.start - 12), s.start)
        return lead is not None and any(self.win.finditer(text, max(0, lead.start() - 24), lead.start()))

    def _parity_partner(self, text: str, s: Mention, cue: int) -> bool:
        """True when ``s`` is what a parity clause before ``cue`` matches its
        subject with: after 与/和/跟/同 (maybe a short modifier between), a
        parity word after it in its clause (``A 与参数更多的 B 实现了可比的…``)."""
        if _WITH_PARTNER_RE.search(text, max(0, s.start - 12), s.start) is None:
            return False
        stop = CLAUSE_END_RE.search(text, s.end, cue)
        return self.parity.search(text, s.end, stop.start() if stop else cue) is not None

    @staticmethod
    def _metric(mentions: list[Mention]) -> Mention | None:
        return next((m for m in mentions if m.label == Label.METRIC), None)

    def _negated(self, text: str, start: int) -> bool:
        """Whether the cue at ``start`` is negated (``未能超越``, ``does not
        outperform``) or hedged (``可能仍不如``, ``may lag behind``): no claim."""
        if self.hedge_zh.search(text, 0, start):
            return True
        before = text[max(0, start - 12) : start]
        m = None
        for m in self.neg.finditer(before):  # noqa: B007 - the last match is wanted
            pass
        if m is None:
            return False
        gap = before[m.end() :]
        return len(gap.strip()) <= 4 and not re.search(r"[，,。;；]", gap)

    _BREAK_RE = re.compile(rf"[，,；;。:：!！?？]|\s(?:while|but|on|in|across|with|by)\s|{ZAI}|{BING}|且|而|其中|分别")
    _LIST_RE = re.compile(r"^[\s*“”\"]*(?:、|和|及|以及|与|或|,|，|and|or|as well as)?[\s*“”\"]*$")
    #: the amount a listed system is beaten by: '超越 A 3.1倍，B 44%'
    _LISTED_AMOUNT_RE = re.compile(r"^\s*[+-]?\d+(?:\.\d+)?\s*(?:倍|%|个百分点|个点|分|点|pp|×)")

    #: an English verb right after a name: it opens a clause, no list goes on through it
    _VERB_AFTER = re.compile(
        r"\s+(?:also\s+|further\s+|still\s+|consistently\s+|significantly\s+)?(?:improves|achieves|outperforms|surpasses|"
        r"reaches|attains|obtains|yields|shows|demonstrates|reduces|increases|boosts|enhances|delivers|exceeds|beats|"
        r"performs|remains|gains|scores|requires|is|has|wins|leads|matches|excels|dominates|ranks|trails|lags|falls|"
        r"drops|underperforms|struggles|fails|works|runs|relies|needs|takes|provides|offers|uses|brings)\b"
    )

    def _listed_after(self, text: str, prev: Mention, comma: re.Match, nxt: Mention) -> bool:
        """True when ``nxt`` after ``comma`` is one more item of the list
        ``prev`` ends: only separators between them, or a margin after
        ``prev`` when ``nxt`` has one too or ends its clause ('超越 A 3.1倍，
        B 2.5倍'; not '超过 A 2.1 分，B 则略低于 A')."""
        if not self._LIST_RE.match(text[comma.end() : nxt.start]) or self._VERB_AFTER.match(text, nxt.end):
            return False  # 'Compared with B, A improves …': A opens the main clause
        before = text[prev.end : comma.start()]
        if self._LIST_RE.match(before):
            return True
        if not self._LIST_RE.match(self._LISTED_AMOUNT_RE.sub("", before)):
            return False
        rest = text[nxt.end :]
        return bool(self._LISTED_AMOUNT_RE.match(rest) or re.match(r"[\s*]*(?:[，。；,;：:]|$)", rest))

    def _clause_end(self, text: str, pos: int, systems: list[Mention]) -> int:
        """End of the list of systems that starts at ``pos``: the first
        clause break that is not just a separator between two systems nor
        inside a parenthesis opened after ``pos``."""
        i = pos
        while True:
            m = self._BREAK_RE.search(text, i)
            if m is None:
                return len(text)
            before = text[pos : m.start()]
            if before.count("（") + before.count("(") > before.count("）") + before.count(")"):
                i = m.end()  # inside a parenthesis: '方法（如 A, B，…）' lists the members
                continue
            prev = [s for s in systems if pos <= s.start and s.end <= m.start()]
            nxt = [s for s in systems if s.start >= m.end()]
            if m.group() in ("，", ",") and prev and nxt and self._listed_after(text, prev[-1], m, nxt[0]):
                i = m.end()
                continue
            return m.start()

    _SEP_RE = re.compile(r"、|和|及|与|或|[，,;；]|\band\b|\bor\b")

    def _heads(self, objs: list[Mention], text: str) -> list[Mention]:
        """Drop systems that only modify a later one (``依赖 GPT-4o 作为修正器的
        GTR 方法``: GPT-4o is part of the description of GTR) or name its
        class before a baseline head (``WAM 基线 QuxNet``)."""
        out = []
        for a, b in zip(objs, objs[1:] + [None]):
            if b is not None:
                between = text[a.end : b.start]
                if "的" in between and not self._SEP_RE.search(between):
                    continue
                if self._CLASS_BEFORE_NAME_RE.fullmatch(between):
                    continue  # 'WAM 基线 QuxNet': a class, then the baseline it names
            out.append(a)
        return out

    _CLASS_BEFORE_NAME_RE = re.compile(r"[\s*]*(?:基线|基线模型|baseline)[\s*]*", re.IGNORECASE)

    def _subject(self, text: str, before: list[Mention], cue: int) -> Mention | None:
        """The nearest system before a cue, unless it is a bullet's lead label,
        a tool or comparison partner (``使用 GPT-5``, ``相比基座 B``, ``从 B 的 23.4%``)
        or an example in parentheses (``模型（如 A, B 等）``) or sits in a
        subordinate frame of another clause (``当集成到 X 中时，…超越``, ``在 X
        上，…``): then the subject is elided.  A self-reference (``其``, ``our
        method``) after the nearest system stands for the paper's own name
        given before it in the sentence, if any (else elided)."""
        for s in reversed(before):
            clause = clause_start(text, s.start)
            if s.topic or self._tool(text, s) or self._FRAME_OBJECT.search(text[clause : s.start]):
                continue  # a bullet's label, a tool of the subject ('使用 GPT-5 模型'), a compared object
            if self._TIMES_OBJECT.match(text, s.end) and re.search(r"[是为][\s*]*$", text[clause : s.start]):
                continue  # 'A 的速度是 B 的 3 倍，超越了 C': B is the measure of A's speed
            if self._cue_object(text, s, self.parity):
                continue  # 'A matches B and outperforms C': B is matched, A is the subject
            if (
                self._won_over(text, s)
                and re.search(r"[，,；;]", text[s.end : cue])
                and not _ANAPHOR_RE.match(text, s.end)
            ):
                continue  # 'A 超越了 B，比 C 提高了 …': B lost in an earlier clause, A goes on
            if self._parity_partner(text, s, cue):
                continue  # 'A 与更大的 B 实现了可比的质量，并优于 C': B is matched, A is the subject
            if self.framed_setting(text, s):
                continue  # '在 OLMoE 模型上平均性能比 B 提升': the model the gain is measured on
            if in_examples(text, s.start) and re.search(r"[，,；;]", text[s.end : cue]):
                continue  # '与最先进的模型（如 A, B 等）相当，甚至超越了 C': examples in another clause
            if in_aside(text, s, cue):
                continue  # 'M 显著降低了幻觉率（X 的 CHAIR 降低了 19%），优于 B': X is in an aside
            if self._QUALITY_BEFORE.search(text, max(0, s.start - 24), s.start) and self._QUALITY_AFTER.match(
                text, s.end
            ):
                continue  # 'state-of-the-art SGP performance': the task measured, not the subject
            ref = self.self_ref.search(text[s.end : cue])
            if ref:
                # '…，其性能优于 B' / 'our method': the paper's own system; the own name that is
                # the subject of an earlier clause ('ProGRPO 显著…，例如在 X 上，其 … 比 B 提升'),
                # else elided.  The subject stands where the reference does (its scores follow it).
                own = next((p for p in reversed(before) if p.end <= s.end and self._own_subject(text, p)), None)
                return replace(own, start=s.end + ref.end(), end=s.end + ref.end()) if own else None
            if re.search(r"[，,；;]", text[s.end : cue]):
                if self.subordinate.search(text[max(0, s.start - 8) : s.start]):
                    return None
                start = max(text.rfind(c, 0, s.start) for c in "，,；;：:") + 1
                end = min([i for i in (text.find(c, s.end) for c in "，,；;") if i >= 0] or [len(text)])
                if self._SUBORDINATE_CLAUSE.match(text[start:end]):
                    return None  # '在使用 X 替换 Y 后，…超越 …': X is not the subject
            return s
        return None

    #: a clause's own subject that is no system: a plural class ('LMMs 的…', '现有 VLMs 在…')
    #: or a technique phrase ('核化对比学习在…方面优于'), after a connective; not a phrase
    #: that frames the elided subject ('在少样本学习方面', '通过自适应采样') or refers to it ('所提模块')
    _CLASS_SUBJECT_RE = re.compile(
        r"[\s*]*(?:此外|同时|而|但|并且|且|其中|然而)?[\s*]*"
        r"(?:(?:现有的?|其他|传统的?|主流的?)?[\s*]*[A-Z][A-Za-z]*[A-Z]s(?![A-Za-z])"
        r"|(?!在|通过|借助|凭借|基于|利用|采用|引入|结合|所提|我们|该|本|此|其|这)"
        r"[\u4e00-\u9fff]{2,12}?(?:学习|损失|采样|编码|机制|模块|设计))[\s*]*(?:[（(][^（）()]{0,30}[)）])?"
        r"[\s*]*(?:的|在|相比|比|于)"
    )

    def _default_subject(self, text: str, cue: int, main: str | None) -> str | None:
        """The subject of a cue at ``cue`` whose clause names no system before
        it: the paper's own system (``main``), unless the clause opens with a
        subject that is no system (``LMMs 的零样本性能低于 B``, ``核化对比学习在…
        优于 B``): then None."""
        start = clause_start(text, cue)
        m = self._CLASS_SUBJECT_RE.match(text, start, cue)
        return main if m is None or self.self_ref.search(m.group()) else None

    def _lower_wins(self, text: str, than: int, tail: str, after_adj: int | None, lower: bool | None) -> bool:
        """Whether less wins in ``A 比 B 低/少 …`` (``than``: where 比 stands;
        ``tail``: the text after B, the adjective ending at ``after_adj``):
        the metric named says so (``lower``), else a lower-is-better measure
        just before 比 (``其误差比 B 低``) or, in the adjective's clause, right
        after it (``比 B 低 30% 的误差``, ``比 B 少 12M 参数``: fewer
        parameters, less memory or compute)."""
        if lower is not None:
            return lower
        if self._lower_wins_before(text, than):
            return True
        if after_adj is None:
            return False
        stop = _MEASURE_STOP_RE.search(tail, after_adj)
        end = min(stop.start() if stop else len(tail), after_adj + 16)
        return bool(self.lower_word.search(tail, after_adj, end) or self.fewer_word.search(tail, after_adj, end))

    def _lower_wins_before(self, text: str, cue: int) -> bool:
        """With no metric named: a measure where lower wins just before the
        cue ('平均误差为 7.16，远低于 X', 'a latency of 3 ms, lower than X')."""
        return self.lower_word.search(text, max(0, cue - 20), cue) is not None

    def framed_setting(self, text: str, s: Mention) -> bool:
        """True when ``s`` is framed as the setting of a claim in its clause:
        ``在 X 模型上``, ``在 X 上``, or glossed, ``在动态程度（Dynamic Degree）上``."""
        clause = clause_start(text, s.start)
        return bool(self._SETTING_BEFORE.search(text, clause, s.start) and self._SETTING_AFTER.match(text, s.end))

    def _own_subject(self, text: str, m: Mention) -> bool:
        """True when ``m`` is one of the paper's own systems and starts its clause."""
        return m.proposed and m.is_system and not text[clause_start(text, m.start) : m.start].strip(' *“”"')

    # a system right after these is a tool or a comparison partner of the
    # subject ('使用 GPT-5 模型', '与 GPT-4o 相当'), not the subject
    _INSTRUMENT = re.compile(
        r"(?:使用|利用|基于|采用|借助|凭借|得益于|通过|集成|搭配|配合|以|与|跟|同|相比|对比|比|"
        r"\busing|\bwith|\bbased on|\bon top of|\bthan|\bversus|\bvs\.?)[\s*“”\"]*$",
        re.IGNORECASE,
    )
    #: after the object of 'A 是 B 的 N 倍' (A is N times B)
    _TIMES_OBJECT = re.compile(r"[\s*]*的[\s*约近]*\d+(?:\.\d+)?[\s*]*倍")
    # a system a few characters after these is the object of a comparison frame
    _FRAME_OBJECT = re.compile(
        r"(?:相比于?|相较于?|对比|较之?|从(?!而)|比|倍于|\bcompared (?:to|with)|\brelative to|\bthan"
        r"|\b(?:improves|boosts|enhances|raises|lifts)(?:\s+the)?\s*$)"
        r"[^，,；;。：:*]{0,8}$",
        re.IGNORECASE,
    )
    # a system framed as the setting of a claim: '在 X 模型上', '在 X 上'
    # (or its gloss: '在动态程度（Dynamic Degree）上超越 B', a measure the claim is made on)
    _SETTING_BEFORE = re.compile(r"在[\s*]*(?:[\u4e00-\u9fff]{1,12}[（(][\s*]*|[^，。；,;在上（(）)]{0,16})$")
    _SETTING_AFTER = re.compile(r"[\s*]*(?:[）)][\s*]*)?(?:模型|架构|骨干网络|骨干|检查点|backbone|model)?[\s*]*上")
    _SUBORDINATE_CLAUSE = re.compile(
        r"^[\s*]*(?:在|当|作为|使用|通过|若|如果|对于|针对|将|用|以|替换|when|after|if|by|using|as)"
        r".*(?:后|时|中|下|上|以后|之后)[\s*]*$",
        re.DOTALL,
    )

    # 'with state-of-the-art SGP performance', '取得了最先进的 SGP 性能': a task before a quality noun
    _QUALITY_BEFORE = re.compile(
        r"(?:state-of-the-art|SOTA|strong|superior|leading|competitive|excellent|best|最先进的?|领先的?|出色的?|强大的?|卓越的?)"
        r"[\s*]*$",
        re.IGNORECASE,
    )
    _QUALITY_AFTER = re.compile(r"[\s*]*(?:performance|abilit(?:y|ies)|capabilit(?:y|ies)|性能|能力)", re.IGNORECASE)

    _RESPECTIVELY = re.compile(r"分别|各自|\brespectively\b", re.IGNORECASE)

    def _list_ending_at(self, text: str, before: list[Mention], last: Mention) -> list[Mention]:
        """The systems listed together ending with ``last`` (``A 和 B``)."""
        out = [last]
        for s in reversed([b for b in before if b.end <= last.start]):
            if not self._LIST_RE.match(text[s.end : out[0].start]):
                break
            out.insert(0, s)
        return out


#: where the measure after a than-adjective must be named by: its clause, before any aside
_MEASURE_STOP_RE = re.compile(r"[，。；,;：:（(]")

#: right before the partner of a parity clause: 与/跟/同, maybe a short modifier ('与参数更多的 B');
#: not 和 ('A 和 B 性能相当' coordinates two subjects) nor 同一/同等
_WITH_PARTNER_RE = re.compile(rf"{WITH_WORD}[^，。；,;与和跟同]{{0,8}}$")
#: after a beaten system: the next clause is about it ('超越了 B，后者比 C 高')
_ANAPHOR_RE = re.compile(r"[^，,；;]{0,12}[，,；;][\s*]*(?:而|且)?[\s*]*(?:后者|which|who)")
#: right before a member a loser phrase names: '包括 B', 'including B', 'such as B'
_MEMBER_LEAD_RE = re.compile(r"(?:包括|例如|比如|including|such as|e\.g\.,?)[\s*]*$", re.IGNORECASE)
#: a value in parentheses after a listed dataset ('GlimQA (2.1)')
_PAREN_VALUE = r"[\s*]*(?:[（(][^()（）]{0,20}[)）])?[\s*]*"
#: after the last member of a list: the end of its clause, or the list's head noun
_LIST_END_RE = re.compile(r"[)）]*" + _PAREN_VALUE + r"(?:[.;。；,，]|$|benchmarks?\b|datasets?\b)", re.IGNORECASE)
_BOLD_GAP_RE = re.compile(_PAREN_VALUE + r"(?:the\s+)?[\s*]*", re.IGNORECASE)
_LIST_SEP_RE = re.compile(_PAREN_VALUE + r"(?:、|,|，|和|及|与)[\s*]*")


def _serial_comma(text: str, brk: re.Match, datasets: list[Mention]) -> bool:
    """True when the clause break ``brk`` is the ', and' before the last of
    three listed datasets or more (``on A, B, and C.``, bold or 'the' allowed
    around them); not ', and C, by contrast, …' after one dataset."""
    if not brk.group().endswith("and"):
        return False
    before = [d for d in datasets if _BOLD_GAP_RE.fullmatch(text, d.end, brk.start())]
    after = [
        d for d in datasets if _BOLD_GAP_RE.fullmatch(text, brk.end(), d.start) and _LIST_END_RE.match(text, d.end)
    ]
    return bool(before and after) and any(_LIST_SEP_RE.fullmatch(text, d.end, before[0].start) for d in datasets)
