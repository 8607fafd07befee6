"""Relation rules: who beats whom, on what, with which scores.

Works on one sentence at a time, given the entity mentions that the spaCy
components found in it (see :mod:`kg.nlp.pipeline`).  Cue words come from
``kg/data/patterns.json``; nothing here names a model or a benchmark.

Rules, in order:

1. **cue verbs** — ``A 超越/优于/outperforms … B、C 和 D``: the nearest system
   before the cue wins over every system listed after it; reverse cues
   (``落后于``, ``lags behind``) swap the roles; ``高于/低于`` and
   ``higher/lower than`` follow the metric's direction (FID lower wins).
2. **比 B 高** — ``A 比 B 高出 5%``: A beats B.
3. **compare frame** — ``相比 B，A 提升了 6.24%`` / ``compared to B``: with an
   improvement cue and no parity cue, A (or the paper's own system) beats B.
4. **vs** — ``A (78.23%) vs B (64.52%)``: the better score wins.
5. **from–to** — ``在 B 上，FID 从 14.36 降至 7.65``: the paper's own system
   beats the named base model B.

Parity (相当, 持平, comparable, on par) never yields a comparison; a cue
preceded by a negation (未能超越, does not outperform) is ignored.  When the
winner is not named in the sentence, the paper's main proposed system is
the winner (Chinese summaries often drop the subject).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.nlp.cues import cue_regex
from kg.resources import patterns

SYSTEM_LABELS = {"Model", "Method"}
#: words that make the number after them a difference, not a score
_DIFFERENCE_RE = re.compile(
    r"提升|提高|增益|增幅|幅度|相差|差距|领先|高出|低了|改进|\+|\bgains?\b|\bimprov|\bmargin|\bdifference|\bby\b",
    re.IGNORECASE,
)
#: loser placeholder for "outperforms all baselines": the extractor replaces
#: it by the named baselines of the paper
BASELINES = "\x00baselines"
DATASET_LABELS = {"Dataset", "Benchmark"}


@dataclass
class Mention:
    """An entity mention inside one sentence (character offsets in it)."""

    start: int
    end: int
    key: str
    label: str
    proposed: bool = False
    lower_is_better: bool | None = None
    topic: bool = False  # a bullet's lead label (``**X**：``), not a subject

    @property
    def is_system(self) -> bool:
        return self.label in SYSTEM_LABELS or (
            self.proposed and self.label not in DATASET_LABELS and self.label != "Metric"
        )


@dataclass
class Stated:
    """A score stated for one system in a sentence (keys, not IRIs)."""

    system: str
    value: float
    unit: str | None
    raw: str


@dataclass
class Found:
    """A comparison found in a sentence (keys, not IRIs)."""

    winner: str
    loser: str
    datasets: list[str] = field(default_factory=list)
    metric: str | None = None
    winner_score: float | None = None
    loser_score: float | None = None
    unit: str | None = None
    cue: str = ""
    at: int = 0  # offset of the cue in the sentence (picks the datasets of its clause)


class RelationRules:
    """Compiled cue words; ``find(sentence, mentions, main)`` applies the rules."""

    def __init__(self, pats: dict | None = None):
        p = pats or patterns()
        self.win = cue_regex(p["win"])
        self.lose = cue_regex(p["lose"])
        self.parity = cue_regex(p["parity"])
        self.neg = cue_regex(p["negation"])
        self.frame = cue_regex(p["compare_frame"])
        self.improve = cue_regex(p["improve"])
        self.from_to = re.compile(p["from_to_re"], re.IGNORECASE)
        self.than_adj = re.compile(r"^\s*[*]*\s*(?:" + "|".join(p["than_adjective"]) + ")")
        self.subordinate = re.compile(
            "(?:"
            + "|".join(
                (r"\b" + re.escape(w) + r"\b") if w[0].isascii() else re.escape(w)
                for w in sorted(p["subordinate_marker"], key=len, reverse=True)
            )
            + r")[\s*“”\"]*$",
            re.IGNORECASE,
        )
        self.score_verb = re.compile(
            r"^[^，。；,;!?！？]{0,24}?"
            + p["score_verb_re"]
            + r"[\s*：:]*(?P<num>[-+]?\d+(?:\.\d+)?)\s*(?P<unit>%|分|points?)?(?![\w.])",
            re.IGNORECASE,
        )
        self.superlative = cue_regex(p["superlative"])
        self._maybe = re.compile(
            cue_regex(p["win"] + p["lose"] + p["improve"] + p["superlative"]).pattern + r"|比|\d", re.IGNORECASE
        )
        # '其' alone is too common a character: only as a possessive ('其性能', '其控制频率')
        self.self_ref = re.compile(
            cue_regex([w for w in p["self_reference"] if w != "其"]).pattern + r"|(?:^|[，,；;])\s*其", re.IGNORECASE
        )
        self.gain = self._GAIN_RE
        self.baseline_phrase = re.compile(p["baseline_phrase_re"], re.IGNORECASE)
        self.vs = re.compile(r"^\s*[)）]?\s*(?:vs\.?|versus|对比|对)\s*", re.IGNORECASE)

    # -- public -----------------------------------------------------------
    def find(self, text: str, mentions: list[Mention], main: str | None) -> list[Found]:
        """Return the comparisons stated in one sentence.

        Args:
            text: the sentence (Markdown already blanked out).
            mentions: entity mentions in it, sorted by ``start``.
            main: linking key of the paper's main proposed system, or None.
        """
        systems = [m for m in mentions if m.is_system]
        if (not systems and main is None) or not self._maybe.search(text):
            return []  # no cue word, no 比 and no number: no rule can fire
        datasets = [m for m in mentions if m.label in DATASET_LABELS]
        metric = self._metric(mentions)
        lower = bool(metric and metric.lower_is_better)
        found: list[Found] = []
        found += self._cue_verbs(text, systems, main, lower)
        found += self._than(text, systems, main, lower)
        if not found:
            found += self._vs(text, systems, lower)
        if not found:
            found += self._contrast(text, systems, lower, main)
        # '相比基座 B 提升 6.4 个点，并高于 C': a frame or a from-to next to a cue verb
        # states one more comparison, against its own object
        losers = {f.loser for f in found}
        found += [f for f in self._frame(text, systems, main, metric) if f.loser not in losers]
        losers = {f.loser for f in found}
        found += [f for f in self._from_to(text, systems, main, lower) if f.loser not in losers]
        losers = {f.loser for f in found}
        found += [f for f in self._over_base(text, systems, main) if f.loser not in losers]
        if not found:
            found += self._superlative(text, systems, main)
        out, seen = [], set()
        for f in found:
            if f.winner == f.loser or (f.winner, f.loser) in seen:
                continue
            seen.add((f.winner, f.loser))
            f.datasets = list(dict.fromkeys(self._datasets_of(text, datasets, f.at)))
            f.metric = metric.key if metric else f.metric
            out.append(f)
        return out

    _CLAUSE_RE = re.compile(
        r"[；;。]|[，,]\s*(?:但|而|然而|同时|且|并且?|此外|and(?!\s+[+\-]?\d)|while|but|whereas)|\s(?:while|but|whereas)\s"
    )

    _PART_OF_RE = re.compile(r"^[\s*]*(?:测试集|数据集|基准测试|基准)?(?:的|'s\b)[^，,；;。]{0,12}$")
    _MEMBER_SEP_RE = re.compile(r"[\s*]*(?:、|,|，|和|及|与)[\s*]*")

    def _datasets_of(self, text: str, datasets: list[Mention], at: int) -> list[str]:
        """The datasets a comparison whose cue sits at ``at`` is about: all of
        the sentence's when they form one group; else those of the cue's
        clause (``在 GSM8K 上 A 比 B 高，但在 MATH 上略逊于 C``).  A part
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
        breaks = [m.start() for m in self._CLAUSE_RE.finditer(text)]
        start = max([b for b in breaks if b < at] or [0])
        end = min([b for b in breaks if b >= at] or [len(text)])
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

    # -- helpers ------------------------------------------------------------
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
            or _DIFFERENCE_RE.search(tail[: m.start("num")])
            or re.match(r"\s*[-–~至到]\s*\d", tail[m.end() :])
        ):
            return None
        return m

    def _tool(self, text: str, s: Mention) -> bool:
        """True when ``s`` follows a tool or partner word (``使用 GPT-5``,
        ``基于 X``, ``与 B``): it is not the subject of its clause."""
        return bool(self._INSTRUMENT.search(text[max(0, s.start - 6) : s.start]))

    @staticmethod
    def _metric(mentions: list[Mention]) -> Mention | None:
        return next((m for m in mentions if m.label == "Metric"), None)

    def _negated(self, text: str, start: int) -> bool:
        before = text[max(0, start - 12) : start]
        m = None
        for m in self.neg.finditer(before):  # noqa: B007 - the last match is wanted
            pass
        if m is None:
            return False
        gap = before[m.end() :]
        return len(gap.strip()) <= 4 and not re.search(r"[，,。;；]", gap)

    _BREAK_RE = re.compile(r"[，,；;。:：!！?？]|\s(?:while|but|on|in|across|with|by)\s|在|并|且|而|其中|分别")
    _LIST_RE = re.compile(r"^[\s*“”\"]*(?:、|和|及|以及|与|或|,|，|and|or|as well as)?[\s*“”\"]*$")

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
            if (
                m.group() in ("，", ",")
                and prev
                and nxt
                and self._LIST_RE.match(text[prev[-1].end : m.start()])
                and self._LIST_RE.match(text[m.end() : nxt[0].start])
            ):
                i = m.end()
                continue
            return m.start()

    _SEP_RE = re.compile(r"、|和|及|与|或|[，,;；]|\band\b|\bor\b")

    def _heads(self, objs: list[Mention], text: str) -> list[Mention]:
        """Drop systems that only modify a later one (``依赖 GPT-4o 作为修正器的
        GTR 方法``: GPT-4o is part of the description of GTR)."""
        out = []
        for a, b in zip(objs, objs[1:] + [None]):
            if b is not None:
                between = text[a.end : b.start]
                if "的" in between and not self._SEP_RE.search(between):
                    continue
            out.append(a)
        return out

    def _score_after(self, text: str, end: int) -> tuple[float | None, str | None]:
        """The score stated right after a system: ``B（84.8）``, ``B 为 64.5%``;
        not a gain (``B（提升 +6.7%）``, ``B (+4.4%)``)."""
        m = re.match(
            r"\s*[*]*\s*(?P<pre>[（(][^\d（()）]{0,10}?|(?:的|为|达到|得分|:|：|at|of|with|scores?))?"
            r"\s*[*]*\s*([-+]?\d+(?:\.\d+)?)\s*(%|分|points?)?(?![\w.])",
            text[end:],
        )
        if not m or m.group(2).startswith("+") or self.improve.search(m.group("pre") or ""):
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
        for m in reversed(list(re.finditer(r"(?<![\w./])([-+]?\d+(?:\.\d+)?)\s*(%|分)?(?![\w./])", seg))):
            if _DIFFERENCE_RE.search(seg[max(0, m.start() - 8) : m.start() + 1]):
                continue  # '仅相差 2.7%', '+4.4%': a difference, not a score
            if m.group(2) or re.search(self._SCORE_VERB_BEFORE, seg[max(0, m.start() - 12) : m.start()]):
                return float(m.group(1)), ("%" if m.group(2) == "%" else None)
        return None, None

    _SCORE_VERB_BEFORE = re.compile(
        r"(?:达到了?|取得了?|获得了?|为|达|高达|得分|reaches|achieves|of|scores?|at)[\s*：:]*$", re.IGNORECASE
    )

    def _cue_verbs(self, text, systems, main, lower) -> list[Found]:
        cues = [(m, False) for m in self.win.finditer(text)] + [(m, True) for m in self.lose.finditer(text)]
        cues.sort(key=lambda c: c[0].start())
        found: list[Found] = []
        losers_so_far: set[str] = set()
        last_winner = None
        hedged = [(p.start(), p.end()) for p in self.parity.finditer(text)]
        for m, reverse in cues:
            if self._negated(text, m.start()) or any(a <= m.start() < b for a, b in hedged):
                continue  # '未能超越', or '达到或超过' (matches or exceeds): not a win
            word = m.group().casefold()
            if word in ("高于", "higher than", "低于", "lower than"):
                higher = word in ("高于", "higher than")
                reverse = higher == lower  # 'higher' loses when lower is better
            before = [s for s in systems if s.end <= m.start() and s.key not in losers_so_far]
            measured = [s for s in before if self._measure(text, s)]
            before = [s for s in before if s not in measured]
            end = self._clause_end(text, m.end(), systems)
            after = self._heads([s for s in systems if m.end() <= s.start < end], text)
            if not after and self.baseline_phrase.match(text[m.end() :]):
                after = [Mention(m.end(), m.end(), BASELINES, "Model")]
            if not after:
                continue
            subj = self._subject(text, before, m.start())
            subj_key = subj.key if subj else (last_winner or main)
            if subj_key is None:
                continue
            for obj in after:
                if reverse and obj.key == BASELINES:
                    continue
                w, l = (obj.key, subj_key) if reverse else (subj_key, obj.key)
                f = Found(w, l, cue=m.group(), at=m.start(), metric=measured[-1].key if measured else None)
                ws, wu = self._score_between(text, subj.end, m.start()) if subj else (None, None)
                ls, lu = self._score_after(text, obj.end) if obj.key != BASELINES else (None, None)
                if reverse:
                    ws, wu, ls, lu = ls, lu, ws, wu
                f.winner_score, f.loser_score, f.unit = ws, ls, wu or lu
                found.append(f)
                losers_so_far.add(obj.key)
            last_winner = subj_key if not reverse else last_winner
        return found

    _SCORE_NOUN_AFTER = re.compile(r"[\s*]*(?:得分|分数|指标|评分|scores?\b(?!\s+(?:of|on|at)\b))", re.IGNORECASE)

    def _measure(self, text: str, s: Mention) -> bool:
        """True when the mention names what is measured, not who is:
        a name the paper does not propose, typed only as a method, followed
        by a score noun (``其中 Foo-cap 得分超过了 B``, ``its Foo-cap score
        exceeds B``): the subject is elided and the name is the metric."""
        return (
            not s.proposed
            and s.label == "Method"
            and s.lower_is_better is None
            and bool(self._SCORE_NOUN_AFTER.match(text, s.end))
        )

    def _subject(self, text: str, before: list[Mention], cue: int) -> Mention | None:
        """The nearest system before a cue, unless it is a bullet's lead label,
        a tool or comparison partner (``使用 GPT-5``, ``相比基座 B``, ``从 B 的 23.4%``)
        or sits in a subordinate frame of another clause (``当集成到 X 中时，…
        超越``, ``在 X 上，…``): then the subject is elided."""
        for s in reversed(before):
            clause = max(text.rfind(c, 0, s.start) for c in "，,；;。：:") + 1
            if s.topic or self._tool(text, s) or self._FRAME_OBJECT.search(text[clause : s.start]):
                continue  # a bullet's label, a tool of the subject ('使用 GPT-5 模型'), a compared object
            if self.self_ref.search(text[s.end : cue]):
                return None  # '…，其性能优于 B' / 'our method': in a summary, the paper's own system
            if re.search(r"[，,；;]", text[s.end : cue]):
                if self.subordinate.search(text[max(0, s.start - 8) : s.start]):
                    return None
                start = max(text.rfind(c, 0, s.start) for c in "，,；;：:") + 1
                end = min([i for i in (text.find(c, s.end) for c in "，,；;") if i >= 0] or [len(text)])
                if self._SUBORDINATE_CLAUSE.match(text[start:end]):
                    return None  # '在使用 X 替换 Y 后，…超越 …': X is not the subject
            return s
        return None

    # a system right after these is a tool or a comparison partner of the
    # subject ('使用 GPT-5 模型', '与 GPT-4o 相当'), not the subject
    _INSTRUMENT = re.compile(
        r"(?:使用|利用|基于|采用|借助|凭借|得益于|通过|集成|搭配|配合|以|与|跟|同|相比|对比|比|"
        r"\busing|\bwith|\bbased on|\bon top of|\bthan|\bversus|\bvs\.?)[\s*“”\"]*$",
        re.IGNORECASE,
    )
    # a system a few characters after these is the object of a comparison frame
    _FRAME_OBJECT = re.compile(
        r"(?:相比于?|相较于?|对比|较之?|从(?!而)|比|\bcompared (?:to|with)|\brelative to|\bthan)"
        r"[^，,；;。：:*]{0,8}$",
        re.IGNORECASE,
    )
    _SUBORDINATE_CLAUSE = re.compile(
        r"^[\s*]*(?:在|当|作为|使用|通过|若|如果|对于|针对|将|用|以|替换|when|after|if|by|using|as)"
        r".*(?:后|时|中|下|上|以后|之后)[\s*]*$",
        re.DOTALL,
    )

    def _than(self, text, systems, main, lower) -> list[Found]:
        """``A 比 B（和 C）高出 …``: A beats B (and C)."""
        found = []
        objects: set[str] = set()
        for m in re.finditer(r"比", text):
            objs = [s for s in systems if m.end() <= s.start <= m.end() + 12]
            if not objs:
                continue
            objs = [objs[0]] + [s for s in systems if s.start > objs[0].start]
            chain = [objs[0]]
            for s in objs[1:]:
                if self._LIST_RE.match(text[chain[-1].end : s.start]):
                    chain.append(s)
                else:
                    break
            if not re.match(r"^[^，。；,;]{0,8}$", text[m.end() : chain[0].start]):
                continue
            tail = re.sub(r"^[\s*)）]*(?:[（(][^()（）]{0,12}[)）])?[\s*]*", "", text[chain[-1].end :])
            adj = self.than_adj.match(tail) or self.improve.match(tail)
            if not adj:
                continue
            word = adj.group().strip(" *")
            if word in ("低", "少", "降低", "减少", "lower") and not lower:
                continue
            before = [b for b in systems if b.end <= m.start() and b not in chain and b.key not in objects]
            subj = self._subject(text, before, m.start())
            subjects = self._list_ending_at(text, before, subj) if subj else []
            if len(chain) > 1 and len(subjects) == len(chain) and self._RESPECTIVELY.search(text):
                # 'A 和 B 的 AP 分别比 C 和 D 高出 …': A beats C, B beats D
                found += [Found(a.key, o.key, cue="比…" + word, at=m.start()) for a, o in zip(subjects, chain)]
                objects.update(o.key for o in chain)
                continue
            winner = subj.key if subj else main
            if winner:
                found += [Found(winner, o.key, cue="比…" + word, at=m.start()) for o in chain]
                objects.update(o.key for o in chain)
        return found

    _RESPECTIVELY = re.compile(r"分别|各自|\brespectively\b", re.IGNORECASE)

    def _list_ending_at(self, text: str, before: list[Mention], last: Mention) -> list[Mention]:
        """The systems listed together ending with ``last`` (``A 和 B``)."""
        out = [last]
        for s in reversed([b for b in before if b.end <= last.start]):
            if not self._LIST_RE.match(text[s.end : out[0].start]):
                break
            out.insert(0, s)
        return out

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

    # '较大的模型', '较高': 较 as 'relatively' before an adjective, not 'compared with'
    _ADVERB_JIAO = re.compile(r"[大小高低好差多少强弱长短快慢新旧为]")
    _LOWER_WORDS = {"更低", "降低", "减少", "降至", "更少", "lower", "reduces", "reduced", "reduction"}

    _CONTRAST_RE = re.compile(r"[，,；;]\s*(?:而|相比之下|相较之下|对比之下)|\b(?:whereas|while)\b|[，,]\s*but\b")

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
        if not m or _DIFFERENCE_RE.search(tail[: m.start("num")]):
            return None
        return float(m.group("num")), False

    def _contrast(self, text, systems, lower, main=None) -> list[Found]:
        """``A 的 AP 为 52.1，而 B 仅为 42.0`` / ``A reaches 52.1 while B gets
        42.0``: two stated scores set against each other; the better wins.
        With the first subject elided (``在 X 上为 40.2%，而 B 仅为 29.3%``) it
        is the paper's own system."""
        found = []
        pairs = list(zip(systems, systems[1:]))
        if main is not None and systems:
            first = systems[0]
            cut = self._CONTRAST_RE.search(text, 0, first.start)
            if cut is not None and cut.end() <= first.start:
                start = max([m.end() for m in re.finditer(r"[；;。]", text[: cut.start()])] or [0])
                if first.key != main:  # kept only if that clause states a value (below)
                    pairs.insert(0, (Mention(start, start, main, "Method"), first))
        for a, b in pairs:
            cut = self._CONTRAST_RE.search(text, a.end, b.start)
            if cut is None or a.key == b.key:
                continue
            va = self._stated_after(text, a, cut.start())
            vb = self._stated_after(text, b, len(text))
            if va is None or vb is None or va[0] == vb[0] or va[1] != vb[1]:
                continue
            (sa, cost), (sb, _) = va, vb
            a_wins = (sa < sb) if (lower or cost) else (sa > sb)
            w, l, ws, ls = (a, b, sa, sb) if a_wins else (b, a, sb, sa)
            found.append(
                Found(w.key, l.key, winner_score=ws, loser_score=ls, cue=cut.group().strip(" ，,；;"), at=cut.start())
            )
        return found

    def _frame(self, text, systems, main, metric=None) -> list[Found]:
        """``相比 B，A 提升了 …`` / ``与 B 相比 … 更低``: A beats B when an
        improvement cue follows; a 'lower' cue counts only when the metric
        named is not higher-is-better; a sentence stating a trade-off or a
        cost (权衡, 代价, trade-off) says no winner."""
        if self.parity.search(text) or self.lose.search(text):
            return []
        if self._TRADE_OFF_RE.search(text):
            return []  # '与 B 相比，A 仍有速度上的权衡': a cost of A, not a win
        gains = [g.group().casefold() for g in self.improve.finditer(text)]
        if metric is not None and metric.lower_is_better is False:
            gains = [g for g in gains if g not in self._LOWER_WORDS]
        if not gains:
            return []
        found = []
        for m in self.frame.finditer(text):
            if m.group().casefold() in ("over", "against"):
                continue
            if m.group() == "较" and self._ADVERB_JIAO.match(text, m.end()):
                continue  # '较大的 3B 模型': 'relatively', not 'compared with'
            end = self._clause_end(text, m.end(), systems)
            objs = [s for s in systems if m.end() <= s.start < end]
            if not objs:
                # '与 B 相比' puts the loser before the cue
                objs = [
                    s
                    for s in systems
                    if s.end <= m.start() and re.search(r"(?:与|和|跟|同)\s*[*\s]*$", text[: s.start])
                ]
            if not objs:
                objs = self._listed_before_frame(text, systems, m.start())
            if not objs:
                continue
            obj_keys = {o.key for o in objs}
            others = [s for s in systems if s.key not in obj_keys]
            if not others and len(objs) > 1:
                # '相比 A，B 提升了 …': a Chinese comma closes the frame (lists take 、), B is the subject
                comma = re.search(r"[，；]", text[m.end() :])
                if comma:
                    objs = [s for s in objs if s.start < m.end() + comma.start()]
                    obj_keys = {o.key for o in objs}
                    others = [s for s in systems if s.key not in obj_keys]
            # '与基于 Stable Diffusion 的模型相比': a system after 基于/使用 modifies, it is no subject
            others = [s for s in others if not self._tool(text, s)]
            own = [s for s in others if s.proposed]
            winner = (own or others)[0].key if (own or others) else main
            if not winner:
                continue
            found += [Found(winner, o.key, cue=m.group(), at=m.start()) for o in objs]
        return found

    _TRADE_OFF_RE = re.compile(r"权衡|代价|牺牲|\btrade-?offs?\b|\bat the cost of\b", re.IGNORECASE)
    _WITH_CATEGORY_RE = re.compile(
        r"(?:与|和|跟|同)[^，,；;。（(]{0,12}[（(][\s*]*(?:如|例如|比如|包括|e\.g\.,?|such as)?"
        r"(?P<inside>[^()（）]{1,80})[)）][\s*]*$",
        re.IGNORECASE,
    )

    def _listed_before_frame(self, text: str, systems: list[Mention], cue: int) -> list[Mention]:
        """The members of a category compared in a ``与 … 相比`` frame:
        ``与 SOTA 方法（如 A, B）相比`` compares with A and B."""
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
        + r")[^，。；,;\d]{0,8}?(?:了|by|of)?\s*[*]*\s*\+?\d+(?:\.\d+)?\s*(?:%|个点|个百分点|分|points?|pp)"
        r"|\+\d+(?:\.\d+)?\s*(?:%|个点|个百分点|points?|pp)",
        re.IGNORECASE,
    )
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
        systems = [s for s in systems if s.end <= first_gain.start()]
        models = [s for s in systems if s.label == "Model" and not s.proposed and s.key != main]
        own = [s for s in systems if s.proposed]
        if len(models) != 1 or any(s.key not in (main, models[0].key) and not s.proposed for s in systems):
            return []
        base = models[0]
        winner = own[0].key if own else main
        if not (
            self._BASE_FRAME_RE.search(text[max(0, base.start - 6) : base.start])
            or re.fullmatch(r"[\s*>\-+\d.]*", text[: base.start])
        ):
            return []  # framed as the base ('在使用 X 时'), or the subject of the gain ('X 提升了 5 分')
        gain = self._GAIN_RE.search(text, base.end)
        if gain is None:
            return []
        return [Found(winner, base.key, cue="gain over base", at=gain.start())]

    def _superlative(self, text, systems, main) -> list[Found]:
        """``GPT-5 展现了最高的一致性`` / ``X achieves the best accuracy``: the
        one system the sentence names beats the paper's compared systems
        (the loser is the :data:`BASELINES` placeholder)."""
        m = self.superlative.search(text)
        if (
            not m
            or self.parity.search(text)
            or self._negated(text, m.start())
            or re.match(r"[^，。；,;]{0,12}?(?:之一|one of)", text[m.end() :], re.IGNORECASE)
            or re.search(r"one of\s*$", text[: m.start()], re.IGNORECASE)
        ):
            return []
        if len({s.key for s in systems}) > 1:
            return []
        if self.win.search(re.search(r"[^，。；,;]{0,10}$", text[: m.start()]).group()):
            return []  # '超越了现有最优方法': the superlative describes the beaten, unnamed ones
        subj = self._subject(text, [s for s in systems if s.end <= m.start()], m.start())
        if (
            subj is None
            and not systems
            and (self._SETTING_OR_PURPOSE.search(text[: m.start()]) or self._OPTIMAL_THING.match(text, m.end()))
        ):
            return []  # '以获得最佳效果' (a goal), '聚合 20 步效果最佳', '最优的网格结构' (a setting): no win
        winner = subj.key if subj else (main if not systems else None)
        return [Found(winner, BASELINES, cue=m.group(), at=m.start())] if winner else []

    # after a superlative: the optimal thing is a setting, not a result ('最优的 α 值', '最优网格结构')
    _OPTIMAL_THING = re.compile(r"[\s*]*(?:的)?[^，。；,;\s]{0,4}?(?:结构|方案|解|参数|配置|策略|值|设置|组合|路径)")
    # before an elided subject's superlative: a purpose or a search ('以获得', '找到',
    # 'to obtain') or a setting's value ('20 步', '4 layers'): a goal or a setting
    _SETTING_OR_PURPOSE = re.compile(
        r"(?:以|为了|从而)(?:获得|达到|取得|实现)|找到|寻找|选择|选取|确定|调整|搜索"
        r"|\b(?:to|so as to|in order to) (?:obtain|achieve|get|reach)\b|\b(?:find|choose|select|tune|search)\b"
        r"|\d+(?:\.\d+)?\s*(?:步|层|个|次|轮|帧|steps?|layers?|epochs?|iterations?|frames?)(?![A-Za-z])",
        re.IGNORECASE,
    )

    _COST_UNITS = {"步", "秒", "毫秒", "ms", "小时", "hour", "hours", "step", "steps"}

    def _from_to(self, text, systems, main, lower) -> list[Found]:
        """``在 B 上，FID 从 14.36 降至 7.65``: the paper's own system beats the
        base B.  Each from-to of the sentence is read; after the first, only
        one with its own base named before it ('将 B 的准确率从 3.5% 提升至
        12.1%，将 C 的准确率从 8.6% 提升至 17.2%')."""
        if not main:
            return []
        found: list[Found] = []
        prev_end = 0
        for m in self.from_to.finditer(text):
            segment, prev_end = (prev_end, m.start()), m.end()
            f = self._one_from_to(m, systems, main, lower, segment if found else None)
            if f is not None and all(f.loser != g.loser for g in found):
                found.append(f)
        return found

    def _one_from_to(self, m, systems, main, lower, segment) -> Found | None:
        a, b = float(m.group("a")), float(m.group("b"))
        decreased = b < a
        cost = (m.group("ua") or m.group("ub") or "") in self._COST_UNITS
        if decreased and not (lower or cost):
            return None  # a drop is a gain only for an error or a cost ('从 256 步减少到 30 步')
        if cost and not decreased:
            return None
        bases = [s for s in systems if not s.proposed and s.key != main]
        if m.group("base"):  # '从 StreamingLLM 的 31.5 提升至 62.8': the base is named in the frame
            bases = [s for s in bases if m.start("base") <= s.start < m.end("base")] or bases
        elif segment is not None:  # a later from-to needs its own base right before it
            bases = [s for s in bases if segment[0] <= s.start and s.end <= segment[1]][-1:]
        if not bases:
            return None
        unit = "%" if (m.group("ua") == "%" or m.group("ub") == "%") else None
        base = bases[0]
        own = [s for s in systems if s.proposed and s.end <= m.start()]
        winner = own[-1].key if own else main
        return Found(winner, base.key, winner_score=b, loser_score=a, unit=unit, cue="从…至", at=m.start())
