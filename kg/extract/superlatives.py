"""The superlative rule: ``GPT-5 展现了最高的一致性`` / ``X achieves the
best accuracy``: the one system a sentence names beats the paper's
compared systems (the loser is the :data:`~kg.extract.sentence.BASELINES`
placeholder). Not 'up to' (``最高提升 11.0 倍``), the paper's own variant
(``我们的最强模型``), a search for an optimum, a setting or a goal.

A mixin of :class:`~kg.extract.relations.RelationRules`.
"""

from __future__ import annotations

import re

from kg.extract.clause_words import clause_start
from kg.extract.sentence import BASELINES, Found


class SuperlativeRules:
    """``achieves the best …``: a win over the paper's baselines."""

    def _superlative(self, text, systems, main) -> list[Found]:
        """``GPT-5 展现了最高的一致性`` / ``X achieves the best accuracy``: the
        one system the sentence names beats the paper's compared systems
        (the loser is the :data:`BASELINES` placeholder)."""
        # '（最高10.4%）' and '提升最高达 10.4%' say 'up to'; '我们的最强模型' is the paper's own variant: no rank
        m = next(
            (c for c in self.superlative.finditer(text) if not self._up_to(text, c) and not self._own_variant(text, c)),
            None,
        )
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
        if subj is None and not systems and self._SETTING_OR_PURPOSE.search(text[: m.start()]):
            return []  # '以获得最佳效果' (a goal), '聚合 20 步效果最佳' (a setting): no win
        if (
            self._SEARCH_BEFORE.search(text[clause_start(text, m.start()) : m.start()])
            or self._OPTIMAL_THING.match(text, m.end())
            or self._OPTIMUM_KIND.search(text, max(0, m.start() - 3), m.start())
        ):
            return []  # '找到最优的引导尺度', '陷入局部最优', '最优传输': a setting, an optimum or a technique, no win
        if subj is None and self._UNNAMED_SUBJECT.search(text[: m.start()]):
            return []  # '结论：Plan A 在准确率上表现最佳': a setting the text names, not the paper's system
        winner = subj.key if subj else (main if not systems else None)
        return [Found(winner, BASELINES, cue=m.group(), at=m.start())] if winner else []

    #: after 最高: an amount, so 'up to' ('最高10.4%', '最高可达+3.1%'), no rank
    #: after 最高: an amount, maybe after 可达/达到/为 or a gain word ('最高可达 92.1%', '最高提升 11.0 倍')
    _UP_TO = re.compile(
        r"[\s*]*(?:可|能)?(?:(?:提升|提高|加速|降低|减少|增加|缩短|节省|下降|改善)了?)?(?:达到|达|为|至)?[\s*约]*[-+]?\d"
    )
    #: the one frame where 最高 + an amount ranks: '以最高 92.1% 的准确率', '取得了最高 92.1% 的 X'
    _RANK_LEAD = re.compile(r"(?:以|取得了?|获得了?|实现了?)[\s*]*$")
    _RANK_AFTER = re.compile(r"[\s*]*(?:可|能)?(?:达到|达|为)?[\s*约]*[-+]?\d+(?:\.\d+)?[\s*]*%?[\s*]*的")

    def _up_to(self, text: str, m: re.Match) -> bool:
        """True when the superlative ``m`` is 最高 + an amount ('最高可达 92.1%',
        '（最高10.4%）', '最高提升 11.0 倍', '缩短最高 63%'): 'up to', no rank;
        but for '以最高 92.1% 的准确率' and '取得了最高 92.1% 的 X', a rank."""
        if not self._UP_TO.match(text, m.end()):
            return False
        return not (self._RANK_LEAD.search(text, 0, m.start()) and self._RANK_AFTER.match(text, m.end()))

    def _own_variant(self, text: str, m: re.Match) -> bool:
        return bool(self._OWN_VARIANT.search(text, max(0, m.start() - 8), m.end() + 4))

    #: a superlative naming the paper's own variant: '我们的最强模型', '本文最佳版本', 'our best model'
    _OWN_VARIANT = re.compile(
        r"(?:我们的|本文的?|our)[\s*]*(?:最强|最佳|最好|最优|best|strongest)[\s*]*(?:的)?[\s*]*"
        r"(?:模型|版本|变体|配置|models?\b|variants?\b|configurations?\b)",
        re.IGNORECASE,
    )

    # a Latin name that is no mention opens the superlative's Chinese clause ('Plan A 在…表现最佳',
    # 'Variant-B 的效果最好'): the subject is not elided, so the paper's system does not win
    _UNNAMED_SUBJECT = re.compile(
        r"(?:^|[：:，,；;。])[\s*]*[A-Za-z][\w.+\-]*(?:\s[A-Z0-9][\w.+\-]*)*\s*(?:在|的|表现|取得|获得|达到|实现)[^，。；,;]*$"
    )

    # in the superlative's clause: a search or choice of it ('找到最优的 X', 'to find the best X')
    _SEARCH_ZH = "找到|寻找|选择|选取|挑选|确定|调整|搜索|探索"
    _SEARCH_EN = "find|choose|select|tune|search|explore"
    _SEARCH_BEFORE = re.compile(
        rf"(?:{_SEARCH_ZH})[^，。；,;]{{0,24}}$|\b(?:{_SEARCH_EN})(?:\s+for)?\s+(?:the\s+)?$", re.IGNORECASE
    )

    # after a superlative: the optimal thing is a setting or a use, not a result ('最优的 α 值',
    # '最优网格结构', '最佳应用场景')
    _OPTIMAL_THING = re.compile(
        r"(?:传输|化|控制)"  # '最优传输' (optimal transport), '最优化', '最优控制': a technique, no win
        r"|[\s*]*(?:的)?[^，。；,;\s]{0,4}?(?:结构|方案|解|参数|配置|策略|值|设置|组合|路径|方式|姿态|位姿|状态|轨迹|阈值|动作|应用场景|使用场景|适用场景|实践|做法|用途|时机)"
        r"|\s+(?:way|practice|strategy|configuration|setting|choice|recipe|combination|value|hyperparameter)s?\b",
        re.IGNORECASE,
    )
    # before a superlative: the kind of optimum of a search ('陷入局部最优', '全局最优'), or none ('非最优')
    _OPTIMUM_KIND = re.compile(r"(?:局部|全局|次|非)[\s*]*$")
    # before an elided subject's superlative: a purpose, a condition or a search ('以获得', '才能达到', '找到',
    # 'to obtain') or a setting's value ('20 步', '4 layers'): a goal or a setting
    _SETTING_OR_PURPOSE = re.compile(
        rf"(?:以|为了|从而|才能)(?:获得|达到|取得|实现)|{_SEARCH_ZH}"
        rf"|\b(?:to|so as to|in order to) (?:obtain|achieve|get|reach)\b|\b(?:{_SEARCH_EN})\b"
        r"|\d+(?:\.\d+)?\s*(?:步|层|个|次|轮|帧|steps?|layers?|epochs?|iterations?|frames?)(?![A-Za-z])",
        re.IGNORECASE,
    )
