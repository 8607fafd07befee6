"""Comparison rules that hang on a cue: a cue verb (``A 优于 B``,
``outperforms``, reverse cues ``落后于``) and ``A 比 B 高`` (the superlative
is read in :mod:`kg.extract.superlatives`).

A mixin of :class:`~kg.extract.relations.RelationRules`.
"""

from __future__ import annotations

import re

from kg.extract.clause_words import AMOUNT_UNIT, CLAUSE_END_RE, clause_start
from kg.extract.described import described_key
from kg.extract.sentence import BASELINES, Found, Mention
from kg.model import Label

#: a head noun right after a system ('Wan 模型')
_HEAD_NOUN = r"[\s*]*(?:模型|方法|基线)"
_HEAD_AFTER_RE = re.compile(_HEAD_NOUN)
#: praise before a compared baseline ('比领先的 …', '比最先进的 …')
_PRAISE_RE = re.compile(r"[\s*]*(?:领先|最强|强大|先进|最先进|最优|现有最佳)的[\s*]*")
#: between a class of baselines and the one it names ('WAM 基线 Motus', 'VLA 模型 Foo')
_APPOSITION_RE = re.compile(r"[\s*]*(?:基线|基线模型|模型|方法)[\s*]*")
#: after 'A 比 B': its head noun or the class it stands for, and a gloss
#: ('比原始 X 模型（50步）…', '比 X、Y 等蒸馏方法快 3 倍')
_THAN_TAIL_RE = re.compile(
    r"^[\s*)）]*(?:" + _HEAD_NOUN + r"|等[^，。；,;\d]{0,6}?(?:方法|算法|模型|基线|框架|[^，。；,;\d语文]法)"
    r"|在内的?[^，。；,;\d]{0,12}?(?:方法|算法|模型|基线|框架|系统|智能体))?"  # '比包括 B 在内的现有系统
    r"[\s*]*(?:[（(][^()（）]{0,12}[)）])?[\s*]*"
    # B's own value before the adjective: '比 B 的 64% 高 13 个百分点'
    r"(?:的[\s*]*\d+(?:\.\d+)?[\s*]*" + AMOUNT_UNIT + r"?(?![A-Za-z])[\s*]*)?"  # not '的 13B 模型'
)
#: after 'A 比 B': the aspect compared, before its adjective ('效率高', '速度快')
_ASPECT_WORD_RE = re.compile(r"(?:的)?(?:平均|整体)?(?:效率|速度|精度|准确率|性能|质量|吞吐量|鲁棒性)")
#: after a win cue: the model the method was applied to, named by its role ('超越原始模型'); the
#: loser is the one base framed before it ('在 X 模型上')
_OWN_BASE_AFTER_RE = re.compile(r"[\s*]*了?[\s*]*(?:原始|原|基础|基座|原有)的?(?:模型|版本)")


#: right before 比: it is negated ('不比 B 短', '并不比', '没有比', '未必比')
_NOT_THAN_RE = re.compile(r"(?:不|没有|未必)[\s*]*$")
#: in the clause of the comparative of 'A 比 B': the difference is slight ('性能提高不明显')
_SLIGHT_RE = re.compile(r"不明显|不显著|有限|甚微|不大|不多")
#: a verb of delivering after 'A 比 B', its gain word later in the clause ('提供了 3.2 倍的速度提升')
_DELIVER_RE = re.compile(r"\s*(?:提供|实现|带来|取得|获得)了?")
#: words of less after a cost ('比 B 显存更低'): the cost is lower, A wins
_LESS_WORDS = ("更低", "更少", "降至", "降到")
#: an amount and 的 after a comparative, before what it measures ('了 0.9 毫秒的', '约 20% 的')
_AMOUNT_OF_RE = re.compile(r"[\s*]*了?[\s*]*(?:约|近)?[\s*]*(?:\d+(?:\.\d+)?\s*[^\s\d，。；,;的]{0,4})?[\s*]*的?[\s*]*")
#: between a measure and the 比 after it ('误差也比 B 高')
_BEFORE_THAN_RE = re.compile(
    r"[\s*]*(?:的)?[\s*]*(?:上|方面)?[\s*]*(?:也|都|均|要|还|则|仍|分别)?[\s*]*(?:可能|或许|也许|会)?[\s*]*"
)
#: right before a measure: another measure joined to it ('准确率和延迟都比 B 高': which is meant is unclear)
_JOINED_BEFORE_RE = re.compile(r"(?:和|与|及|、|/)[\s*]*$")
#: right after a cost word: a benefit it qualifies ('成本效益', '漂移检测准确率'): the cost is not the measure
_BENEFIT_AFTER_RE = re.compile(r"效益|效率|检测|准确|精度|鲁棒|性能|benefit|efficiency|accuracy", re.IGNORECASE)
#: comparatives of less, and those that win only when lower is better
_LOWS = ("低", "少", "短", "降低", "减少", "lower")
#: comparatives of more: with a measure where lower wins ('误差比 B 高', '比 B 增加了 0.9 毫秒的延迟') a loss
_MORE_WORDS = ("高", "多", "大", "长", "更高", "更多", "更大", "提高", "提升", "增加", "高出", "增大", "上升", "增长")
#: a passive after a win cue ('is surpassed by …'): what follows wins, it is no object
_BY_AFTER_RE = re.compile(r"\s+by\b", re.IGNORECASE)
#: a value right after a cue verb: the cue compares with a threshold ('高于 0.86'), not a
#: system (a size or a count opens a loser's phrase: '优于4B参数的 X 模型', '优于 3 个基线')
_VALUE_AFTER_RE = re.compile(
    r"[\s*]*(?:了|the\s+)?[\s*]*[-+]?\d+(?:\.\d+)?\s*%?(?![\dA-Za-z.]|\s*(?:参数|个|种|项|款|位))"
)

#: after a parity word, 'even' or 'or' and the win cue, with at most a partial scope between ('与 B
#: 相当，甚至在某些方面超越了 C', '媲美甚至还超越 C', '相当或超越 C', 'matches or even outperforms C'):
#: the win is hedged; '甚至在 X 上超越了 C' is not
_EVEN_AFTER_PARITY_RE = re.compile(
    r"(?:的(?:性能|表现|水平|效果))?[\s*，,]*(?:(?:还|更)?甚至(?:还)?|或者?|乃至|(?:to\s+)?or(?:\s+even)?\s)"
    r"(?:在(?:某些|部分|一些|多数|个别)[^，。；,;]{0,10}?(?:上|中|方面))?"
    r"(?:有所|能够|可以|明显|显著|大幅)?[\s*]*"
)


def _hedged(text: str, parity: re.Match, cue_start: int) -> bool:
    """True when the win cue at ``cue_start`` is inside the parity phrase
    ``parity`` ('达到或超过') or right after it and an 'even' or an 'or'."""
    if parity.start() <= cue_start < parity.end():
        return True
    even = _EVEN_AFTER_PARITY_RE.match(text, parity.end())
    return even is not None and even.end() == cue_start


#: after a cue word used as an adjective: '领先的 X', '领先模型 X' (a leading model), no win stated
_ADJECTIVAL_RE = re.compile(r"的|(?<=领先)[\s*]*(?:模型|方法|系统|算法|框架)")


class CueRules:
    """Cue verb, 比, vs, contrast and superlative rules over one sentence."""

    def _cue_verbs(self, text, systems, main, lower) -> list[Found]:
        cues = [(m, False) for m in self.win.finditer(text)] + [(m, True) for m in self.lose.finditer(text)]
        cues.sort(key=lambda c: c[0].start())
        found: list[Found] = []
        losers_so_far: set[str] = set()
        last_winner = None
        parities = list(self.parity.finditer(text))
        for m, reverse in cues:
            if self._negated(text, m.start()) or any(_hedged(text, p, m.start()) for p in parities):
                continue  # '未能超越', or '达到或超过' (matches or exceeds): not a win
            if _VALUE_AFTER_RE.match(text, m.end()) or _ADJECTIVAL_RE.match(text, m.end()):
                continue  # a threshold ('高于0.8670'), or a cue word as an adjective ('领先的 X', '领先模型 X')
            word = m.group().casefold()
            if word in ("高于", "higher than", "低于", "lower than"):
                higher = word in ("高于", "higher than")
                low = lower if lower is not None else self._lower_wins_before(text, m.start())
                reverse = higher == low  # 'higher' loses when lower is better
            before = [s for s in systems if s.end <= m.start() and s.key not in losers_so_far]
            measured = [s for s in before if self._measure(text, s)]
            before = [s for s in before if s not in measured]
            # 'outperforms the pure SFT baseline', '优于直接提示': a described baseline after a win cue
            described = [] if reverse else self.described.after(text, m.end())
            after = self._cue_objects(text, m, systems, before, described, reverse)
            if not after:
                continue
            subj = self._subject(text, before, m.start())
            subj_key = subj.key if subj else (last_winner or self._default_subject(text, m.start(), main))
            if subj_key is None:
                losers_so_far.update(o.key for o in after)  # a cue's object is no later cue's subject
                continue
            for obj in after:
                if reverse and obj.key == BASELINES:
                    continue
                w, l = (obj.key, subj_key) if reverse else (subj_key, obj.key)
                f = Found(w, l, cue=m.group(), at=m.start(), metric=measured[-1].key if measured else None)
                if obj.key == BASELINES and described:
                    f.fallback = described[0].key  # 'SFT 基线' when the paper names no baselines
                ws, wu = self._score_between(text, subj.end, m.start()) if subj else (None, None)
                # a bare number after the object is its score only beside the winner's ('以 75.1 分超过 B 70.3 分')
                ls, lu = self._score_after(text, obj.end, ws is not None) if obj.key != BASELINES else (None, None)
                if reverse:
                    ws, wu, ls, lu = ls, lu, ws, wu
                f.winner_score, f.loser_score, f.unit = ws, ls, wu or lu
                found.append(f)
                if not reverse and subj is not None:  # 'A and B surpass C': A wins too
                    found += [
                        Found(c.key, obj.key, cue=m.group(), at=m.start(), metric=f.metric)
                        for c in self._conjuncts(text, before, subj)
                    ]
                losers_so_far.add(obj.key)
            last_winner = subj_key if not reverse else last_winner
        return found

    def _cue_objects(self, text, m, systems, before, described, reverse) -> list[Mention]:
        """The objects of the cue ``m``: the systems after it in its clause,
        else the named members of a class after it ('outperforms all prior
        methods, including A and B'; not after a passive 'by'), else the
        paper's baselines ('优于所有基线'), a ``described`` baseline, the base
        framed before it ('在 X 模型上…超越原始模型') or the members of a class
        named after it, described ones included ('超越了现有的主流方法，包括直接
        Prompting、RAG')."""
        end = self._clause_end(text, m.end(), systems)
        after = self.described.over(text, m.end(), self._heads([s for s in systems if m.end() <= s.start < end], text))
        passive = _BY_AFTER_RE.match(text, m.end()) is not None  # 'is surpassed by methods, including A'
        members = [] if after or reverse or passive else self.described.members(text, m.end(), systems)
        if members and all(o in systems for o in members):
            after = members  # 'outperforms all prior methods, including A and B': the named members, not all
        if not after and self.baseline_phrase.match(text[m.end() :]):
            after = [Mention(m.end(), m.end(), BASELINES, Label.MODEL)]
        if not after:
            after = described
        if not after and not reverse and _OWN_BASE_AFTER_RE.match(text, m.end()):
            framed = [b for b in before if self.framed_setting(text, b)]
            after = framed if len(framed) == 1 else []  # two frames: which base is meant is unclear
        return after or members

    def _than(self, text, systems, main, lower) -> list[Found]:
        """``A 比 B（和 C）高出 …``: A beats B (and C)."""
        found = []
        objects: set[str] = set()
        for m in re.finditer(r"比", text):
            lead = _PRAISE_RE.match(text, m.end())  # '比领先的 VLA 基线 B': praise of the baseline
            objs = [s for s in systems if m.end() <= s.start <= (lead.end() if lead else m.end()) + 12]
            if not objs and text[m.start() - 1 : m.start()] not in ("相", "对") and text[m.end() : m.end() + 1] != "起":
                objs = self.described.after(text, m.end())  # '比使用全量数据的 SFT 基线高出 38%'
            if not objs:
                continue
            objs = [objs[0]] + [s for s in systems if s.start > objs[0].start]
            if len(objs) > 1 and _APPOSITION_RE.fullmatch(text[objs[0].end : objs[1].start]):
                objs = objs[1:]  # '比领先的 WAM 基线 Motus 快': the class, then the baseline it names
            chain = [objs[0]]
            for s in objs[1:]:
                if self._LIST_RE.match(text[chain[-1].end : s.start]):
                    chain.append(s)
                else:
                    break
            if not re.match(r"^[^，。；,;]{0,8}$", text[lead.end() if lead else m.end() : chain[0].start]):
                continue
            chain = self._wrapped_than(text, m.end(), chain)
            read = self._comparative(text, m.start(), _THAN_TAIL_RE.sub("", text[chain[-1].end :]), lower)
            if read is None:
                continue
            word, worse = read
            chained = {c.key for c in chain}
            before = [b for b in systems if b.end <= m.start() and b.key not in chained and b.key not in objects]
            subj = self._subject(text, before, m.start())
            subjects = self._list_ending_at(text, before, subj) if subj else []
            if len(chain) > 1 and len(subjects) == len(chain) and self._RESPECTIVELY.search(text):
                # 'A 和 B 的 AP 分别比 C 和 D 高出 …': A beats C, B beats D
                found += [
                    Found(*((o.key, a.key) if worse else (a.key, o.key)), cue="比…" + word, at=m.start())
                    for a, o in zip(subjects, chain)
                ]
                objects.update(o.key for o in chain)
                continue
            winner = subj.key if subj else main
            if winner:
                found += [
                    Found(*((o.key, winner) if worse else (winner, o.key)), cue="比…" + word, at=m.start())
                    for o in chain
                ]
                objects.update(o.key for o in chain)
        return found

    def _comparative(self, text: str, than: int, tail: str, lower) -> tuple[str, bool] | None:
        """The comparative of ``A 比 B …`` read from ``tail`` (the text after
        B) and whether it makes B the winner: (word, worse), or None when no
        comparative is stated, a slight one, a lower one for a measure where
        higher wins, or more of a cost hedged (``开销可能比 B 更高``)."""
        adj = self.than_adj.match(tail) or self.improve.match(tail)
        after_adj = adj.end() if adj else None  # where the adjective ends in ``tail``
        adj = adj or self._delivered_gain(tail)
        aspect = None if adj else _ASPECT_WORD_RE.match(tail)
        if aspect:  # '比 X 效率高约 4.5 倍', '准确率更高'
            rest = tail[aspect.end() :].lstrip("更")
            adj = self.than_adj.match(rest) or self.improve.match(rest)  # '比 X 性能提高了 23%'
        cost = None if adj else self.cost_aspect.match(tail)  # '比 X 内存占用减少了 3 倍': less wins
        adj = adj or (cost and (self.than_adj.match(tail[cost.end() :]) or self.improve.match(tail, cost.end())))
        if not adj or _SLIGHT_RE.search(CLAUSE_END_RE.split(tail, 1)[0][:16]):
            return None  # no comparative, or a slight one ('比 B 性能提高不明显')
        word = adj.group().strip(" *")
        if (
            (word not in _LOWS + _LESS_WORDS)
            if cost
            else (word in _LOWS and not self._lower_wins(text, than, tail, after_adj, lower))
        ):
            return None  # lower wins only for a measure where lower is better
        # more of a measure where lower wins ('误差比 B 高 20%', '比 B 增加了 0.9 毫秒的延迟'): B wins
        worse = (
            not (cost or aspect)
            and word in _MORE_WORDS
            and (self._cost_before(text, than) or (after_adj is not None and self._cost_after(tail, after_adj)))
        )
        c = clause_start(text, than)
        if self._hedged_before(text, than) or self._negated(text[c:], than - c) or _NOT_THAN_RE.search(text, c, than):
            return None  # '开销可能比 B 更高', '推理时间不比 B 短': a hedged or negated comparative, no claim
        if (word == "长" and not worse) or (word == "短" and not self._cost_before(text, than)):
            return None  # '上下文比 B 长', '回答比 B 短': no time or cost compared, no claim
        return word, worse

    def _cost_before(self, text: str, than: int) -> bool:
        """True when a measure where lower wins is named right before 比 at
        ``than`` (``误差比 B 高``, ``延迟也比 B 高``, ``开销可能比 B 高``; not
        ``漂移的敏感度比 B 高``)."""
        return any(
            _BEFORE_THAN_RE.fullmatch(text, c.end(), than) and not _JOINED_BEFORE_RE.search(text, 0, c.start())
            for c in self.lower_word.finditer(text, max(0, than - 16), than)
        )

    def _cost_after(self, tail: str, at: int) -> bool:
        """True when a measure where lower wins is what the comparative
        ending at ``at`` of ``tail`` raises: right after it, maybe after an
        amount and 的 ('增加了 0.9 毫秒的延迟', '高 20% 的误差')."""
        lead = _AMOUNT_OF_RE.match(tail, at)
        cost = self.lower_word.match(tail, lead.end() if lead else at)
        return cost is not None and not _BENEFIT_AFTER_RE.match(tail, cost.end())

    def _wrapped_than(self, text: str, pos: int, chain: list[Mention]) -> list[Mention]:
        """``chain`` (the systems after 比 at ``pos``), or the described
        baseline that wraps its one system with a modifier of identity and a
        head noun (``比原始 Wan 模型``, ``比 2.5B 标准 MoE 模型``: that
        setting of the system, the system's name its alias)."""
        head = _HEAD_AFTER_RE.match(text, chain[0].end)
        if len(chain) != 1 or head is None or not self.described.modifier.search(text, pos, chain[0].start):
            return chain
        phrase = text[pos : head.end()].strip(" *")
        wrapped = text[chain[0].start : chain[0].end]
        return [Mention(head.end() - len(phrase), head.end(), described_key(phrase, [wrapped]), Label.METHOD)]

    def _delivered_gain(self, tail: str) -> re.Match | None:
        """The gain word of ``提供了 3.2 倍的推理速度提升`` / ``实现了 12% 的准确率提升``
        after ``A 比 B``: a verb of delivering, then a gain word in the same clause."""
        verb = _DELIVER_RE.match(tail)
        return self.improve.search(CLAUSE_END_RE.split(tail[verb.end() :], 1)[0][:24]) if verb else None

    # between two coordinated subjects: 'A and B', 'A、B 和 C', 'A 与 B' (not 'or', not 'vs')
    _CONJUNCT_RE = re.compile(r"[\s*]*(?:、|和|与|及|以及|,|，|,?\s*and)[\s*]*", re.IGNORECASE)

    def _conjuncts(self, text: str, before: list[Mention], subj: Mention) -> list[Mention]:
        """The systems coordinated with the subject ``subj`` before it, at the
        start of its clause: ``GPT-5 and Gemini 2.5 Pro … surpass GPT-4o``
        gives GPT-5 (``before``: the systems before the cue, in order)."""
        out, cur = [], subj
        for s in reversed([b for b in before if b.end <= subj.start]):
            if not self._CONJUNCT_RE.fullmatch(text[s.end : cur.start]):
                break
            out.append(s)
            cur = s
        if not out:
            return []
        if text[clause_start(text, cur.start) : cur.start].strip(' *“”"') or any(c.key == subj.key for c in out):
            return []  # the list does not open its clause ('与 A 和 B 相比，…'): no subjects
        return out
