"""Relation rules: who beats whom, on what, with which scores.

Works on one sentence at a time, given the entity mentions that the spaCy
components found in it (see :mod:`kg.nlp.pipeline`).  Cue words come from
``kg/data/patterns/comparison.json``; nothing here names a model or a benchmark.

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
6. **base models** — ``在 X 和 Y 上的实验表明，M 持续提升了 …``, ``将 X 的得分
   提升 41%，将 Y 提升 27%``, and a gain stated a sentence after its base frame
   (``该方法在 X 架构上进行了验证。其在 A 上提升了 10%``): M beats each base.

Parity (相当, 持平, comparable, on par) never yields a comparison; a cue
preceded by a negation (未能超越, does not outperform) is ignored.  When the
winner is not named in the sentence, the paper's main proposed system is
the winner (Chinese summaries often drop the subject).

Where each part lives: rules 1 and 2 in :mod:`kg.extract.cue_rules`,
superlatives in :mod:`kg.extract.superlatives`; rule 4, contrasts and
side-by-side values in :mod:`kg.extract.value_rules`, paired and listed
values in :mod:`kg.extract.listed_values`; a model trained with the paper's
method credited to the method in :mod:`kg.extract.trained_by`; a measure stated as a ratio of another
system's (``计算量仅为 B 的 19.3%``) in :mod:`kg.extract.ratio_rules`; rules 3 and 5 and gains over a base model in
:mod:`kg.extract.frame_rules`; rule 6 in :mod:`kg.extract.base_rules`; score slots in :mod:`kg.extract.scores`;
subjects, clause ends and a comparison's datasets in
:mod:`kg.extract.clauses`; the records in :mod:`kg.extract.sentence`.
This module compiles the cue words and runs the rules in order.
"""

from __future__ import annotations

import re


from kg.nlp.cues import cue_regex
from kg.resources import pattern_group
from kg.extract.base_rules import BaseRules
from kg.extract.clause_words import clause_start
from kg.extract.clauses import ClauseRules
from kg.extract.cue_rules import CueRules
from kg.extract.listed_values import ListedValueRules
from kg.extract.measure_names import MeasureNames
from kg.extract.superlatives import SuperlativeRules
from kg.extract.trained_by import credit_methods
from kg.extract.value_rules import ValueRules
from kg.extract.described import DescribedBaselines
from kg.extract.frame_rules import FrameRules
from kg.extract.from_to import FromToRules
from kg.extract.ratio_rules import RatioRules
from kg.extract.raised_rules import RaisedRules
from kg.extract.scores import ScoreRules
from kg.extract.sentence import BASELINES, DATASET_LABELS, SYSTEM_LABELS, Found, Mention, Stated
from kg.model import Label

__all__ = ["BASELINES", "DATASET_LABELS", "SYSTEM_LABELS", "Found", "Mention", "RelationRules", "Stated"]


#: frame words that frame nothing: 对比 as 'contrastive' ('对比学习', '对比微调 X 提出…', a kind of
#: training) and 相对 as 'relative' ('相对性能提升', '相对误差')
_NOT_A_FRAME = (
    r"(?<!比)"  # the 较 of 比较: no frame of its own ('与 A 的比较，' is read by FrameRules._compare_frames)
    r"(?!对比(?:学习|微调|训练|预训练|损失|解码|蒸馏|目标|表征|表示|式))"
    r"(?!相对(?:性能|提升|提高|改进|改善|增益|增幅|增长|收益|下降|误差|错误率|降低|减少|位置|深度|位姿|姿态|坐标|运动|值))"
)


#: from a gain to a compare frame in the parentheses right after it ('提升了 3.1%（与 GRPO 相比）')
_AFTER_IN_PARENS = re.compile(r"[^，。；,;（()）]*[（(][^，。；,;（()）]*")


class RelationRules(
    CueRules,
    SuperlativeRules,
    ValueRules,
    ListedValueRules,
    RatioRules,
    FrameRules,
    FromToRules,
    RaisedRules,
    BaseRules,
    ScoreRules,
    MeasureNames,
    ClauseRules,
):
    """Compiled cue words; ``find(sentence, mentions, main)`` applies the rules."""

    def __init__(self, pats: dict | None = None):
        p = pats or pattern_group("comparison")
        # a gain, then what or how much it gains, then 'over' ('a 7% improvement in recall over B')
        self.win = re.compile(cue_regex(p["win"]).pattern + "|" + p["win_gap_re"], re.IGNORECASE)
        self.lose = cue_regex(p["lose"])
        self.parity = cue_regex(p["parity"])
        self.neg = cue_regex(p["negation"] + p["hedge"])  # a hedged cue states no claim either
        # a Chinese hedge anywhere earlier in the sentence ('它可能在…方面，不如 X'); not 可能的/可能性
        # (a possibility) nor 成为可能 (made possible)
        zh_hedges = "|".join(re.escape(w) for w in p["hedge"] if not w[0].isascii())
        self.hedge_zh = re.compile(f"(?<!成为)(?:{zh_hedges})(?![的性])")
        self.lower_word = cue_regex(p["lower_is_better_word"])
        self.fewer_word = cue_regex(p["fewer_is_better_word"])  # read only after 'A 比 B 少
        # a measure where lower or fewer wins, not a benefit of it ('内存效率', '延迟优势')
        self.cost_word = re.compile(
            rf"(?:{self.lower_word.pattern}|{self.fewer_word.pattern})(?!效率|效益|优势|efficiency)", re.IGNORECASE
        )
        # after 'A 比 B': a measure where less wins, then a word of less ('内存占用显著减少', '误差低')
        self.cost_aspect = re.compile(
            rf"(?:推理|训练|计算)?(?:{self.lower_word.pattern}|{self.fewer_word.pattern})(?:占用)?[\s*]*"
            r"(?:显著|大幅|明显)?[\s*]*(?=降低|减少|低|少|更低|更少)",
            re.IGNORECASE,
        )
        self.frame = re.compile(_NOT_A_FRAME + cue_regex(p["compare_frame"]).pattern, re.IGNORECASE)
        self.improve = cue_regex(p["improve"])
        self.from_to = re.compile(p["from_to_re"], re.IGNORECASE)
        self.from_to_more = self._from_to_continued(p["from_to_re"])
        # not the first character of a measure noun: '比 B 准确率低' is a lower accuracy, not '准'
        self.than_adj = re.compile(r"^\s*[*]*\s*(?:" + "|".join(p["than_adjective"]) + ")(?!确率|确度)")
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
            + r"[\s*：:]*(?P<num>[-+]?\d+(?:\.\d+)?)\s*(?P<unit>%|分|points?)?(?!(?!的)[\w.])",  # '26.98 的性能'
            re.IGNORECASE,
        )
        self.superlative = cue_regex(p["superlative"])
        self.poor = cue_regex(p["poor"])
        self._maybe = re.compile(
            cue_regex(p["win"] + p["lose"] + p["improve"] + p["superlative"] + p["poor"]).pattern
            + r"|比|\d|一半|分之|[两二三四五六七八九十]倍",
            re.IGNORECASE,
        )
        # '其' alone is too common a character: only as a possessive ('其性能', '其控制频率')
        self.self_ref = re.compile(
            cue_regex([w for w in p["self_reference"] if w != "其"]).pattern + r"|(?:^|[，,；;])\s*其", re.IGNORECASE
        )
        self.gain = self._GAIN_RE
        self.baseline_phrase = re.compile(p["baseline_phrase_re"], re.IGNORECASE)
        self.described = DescribedBaselines(p["described_baseline"])
        self.vs = re.compile(r"^\s*[)）]?\s*(?:vs\.?|versus|对比|对)\s*", re.IGNORECASE)

    @staticmethod
    def _from_to_continued(pattern: str) -> re.Pattern:
        """The from-to pattern for a list item after a first from-to, its
        own base named and 从 left out (``，C 的 69.3 提高到 72.5``).

        Raises ValueError when ``from_to_re`` does not open with the
        from-word group followed by the optional named-base group."""
        m = re.match(r"\(\?:[^)]*\)\\s\*(\(\?P<base>.*?\\s\*\))\?", pattern)
        if m is None:
            raise ValueError("comparison.json: from_to_re must open with (?:从|…)\\s*(?P<base>…)?")
        return re.compile(r"[，,、]\s*" + m.group(1) + pattern[m.end() :], re.IGNORECASE)

    def _stated_values(self, text, systems, main, lower, metrics) -> list[Found]:
        """The rows of the first value rule that reads the sentence: ``A (78.2)
        vs B (64.5)``, paired values, a contrast, a value in parentheses,
        values side by side (:mod:`kg.extract.value_rules`, :mod:`kg.extract.scores`)."""
        rules = (
            lambda: self._vs(text, systems, lower),
            lambda: self._paired_values(text, systems, lower),
            lambda: self._contrast(text, systems, lower, main, metrics),
            lambda: self._for_values(text, systems, main, lower),
            lambda: self._poor_in_contrast(text, systems, main),
            lambda: self._paren_value(text, systems, main, lower),
            lambda: self._parallel(text, systems, lower, metrics),
        )
        for rule in rules:
            if found := rule():
                return found
        return []

    def _frame_rows(self, text, systems, main, metric, found: list[Found]) -> list[Found]:
        """Compare-frame rows against a loser no earlier row has, nor the
        family of one (``与 B 对比：A 比 B-C 延迟低``: the cue names the member
        B-C, the frame only its family B)."""
        losers = {f.loser for f in found}
        surface = {s.key: text[s.start : s.end] for s in systems}

        def family_of_a_loser(key: str) -> bool:
            fam = surface.get(key, "")
            return bool(fam) and any(
                (m := surface.get(lo, "")).startswith(fam) and len(m) > len(fam) and m[len(fam)] in "-_ ."
                for lo in losers
            )

        return [
            f
            for f in self._frame(text, systems, main, metric)
            if f.loser not in losers and not family_of_a_loser(f.loser)
        ]

    # -- public -----------------------------------------------------------
    def find(self, text: str, mentions: list[Mention], main: str | None, bases: list[str] = ()) -> list[Found]:
        """Return the comparisons stated in one sentence.

        Args:
            text: the sentence (Markdown already blanked out).
            mentions: entity mentions in it, sorted by ``start``.
            main: linking key of the paper's main proposed system, or None.
            bases: keys of the base models an earlier sentence of the same
                paragraph applied the method to (see :meth:`base_frame`).
        """
        systems = [m for m in mentions if m.is_system and not self._owned_measure(text, m)]
        if (not systems and main is None) or not self._maybe.search(text):
            return []  # no cue word, no 比 and no number: no rule can fire
        datasets = [m for m in mentions if m.label in DATASET_LABELS]
        metric = self._metric(mentions)
        lower = bool(metric.lower_is_better) if metric else None  # None: no metric named
        found: list[Found] = []
        found += self._cue_verbs(text, systems, main, lower)
        found += self._than(text, systems, main, lower)
        found += self._times_of(text, systems, main)
        found += self._ratios(text, systems, main)
        if not found:
            found += self._stated_values(text, systems, main, lower, [m for m in mentions if m.label == Label.METRIC])
        # '相比基座 B 提升 6.4 个点，并高于 C': a frame or a from-to next to a cue verb
        # states one more comparison, against its own object
        found += self._frame_rows(text, systems, main, metric, found)
        losers = {f.loser for f in found}
        found += [f for f in self._from_to(text, systems, main, lower) if f.loser not in losers]
        losers = {f.loser for f in found}
        # '在 X 模型上，M 的得分比 B 提高了 30.6%': the gain is over B, not over the base X
        thans = {clause_start(text, f.at) for f in found if f.cue.startswith("比…")}
        # '在使用 X 时，M 与 B 相比提升了 18.7%', '在 X 上，M 提升了 3.1%（与 B 相比）': a compare frame that
        # found its object says what the gain is over, before it or in parentheses right after it
        framed = {m.start() for m in self._compare_frames(text)} & {f.at for f in found}
        found += [
            f
            for f in self._over_base(text, systems, main)
            if f.loser not in losers
            and clause_start(text, f.at) not in thans
            and not any(p < f.at or _AFTER_IN_PARENS.fullmatch(text, f.at, p) for p in framed)
        ]
        for rule in (self._over_framed_bases, self._raised_bases, self._raised_no_amount):
            losers = {f.loser for f in found}
            found += [f for f in rule(text, systems, main) if f.loser not in losers]
        if not found and bases:
            found += self.gain_over_carried(text, mentions, main, list(bases))
        if not found:
            found += self._superlative(text, systems, main)
        credit_methods(text, systems, found)
        out, seen = [], set()
        for f in found:
            if f.winner == f.loser or (f.winner, f.loser) in seen:
                continue
            seen.add((f.winner, f.loser))
            inside = [d.key for d in datasets if f.span and f.span[0] <= d.start < f.span[1]]
            f.datasets = inside or list(dict.fromkeys(self._datasets_of(text, datasets, f.at, systems)))
            f.metric = metric.key if metric else f.metric
            out.append(f)
        return out
