"""Names that say what is measured, not who is: ``其中 Foo-cap 得分超过了
B`` (a name before a score noun) and ``本文模型的 MMS 达到 5.15`` (a name
after the paper's self-reference and 的).

A mixin of :class:`~kg.extract.relations.RelationRules` (it reads the
compiled ``self_ref`` cue).
"""

from __future__ import annotations

import re

from kg.extract.clause_words import clause_start
from kg.extract.sentence import Mention
from kg.model import Label

#: a system noun after a name: '其 X 基线', '本文方法的 X 变体', "our method's X baseline"
_SYSTEM_NOUN = re.compile(
    r"[\s*]*(?:(?:基线|变体|版本|模型|方法)(?!间|一致|性|方差|评|得分|分数)|(?:baseline|variant|version|model)(?![\w-]))",
    re.IGNORECASE,
)


class MeasureNames:
    """Which mentions of a sentence name a measure rather than a system."""

    _SCORE_NOUN_AFTER = re.compile(r"[\s*]*(?:得分|分数|指标|评分|scores?\b(?!\s+(?:of|on|at)\b))", re.IGNORECASE)

    def _measure(self, text: str, s: Mention) -> bool:
        """True when the mention names what is measured, not who is:
        a name the paper does not propose, typed only as a method, followed
        by a score noun (``其中 Foo-cap 得分超过了 B``, ``its Foo-cap score
        exceeds B``): the subject is elided and the name is the metric."""
        return (
            not s.proposed
            and s.label == Label.METHOD
            and s.lower_is_better is None
            and bool(self._SCORE_NOUN_AFTER.match(text, s.end))
        )

    def _owned_measure(self, text: str, s: Mention) -> bool:
        """True when the mention is a measure of the paper's own system: a
        name it does not propose, typed only as a method, right after a
        self-reference and 的/'s (``本文模型的 MMS 达到 5.15``, ``其 MMS``,
        ``our model's MMS``), so no system of its own."""
        if s.proposed or s.label != Label.METHOD or s.lower_is_better is not None or _SYSTEM_NOUN.match(text, s.end):
            return False  # '其 QuxNet 基线', "our method's QuxNet baseline": a system
        lead = text[clause_start(text, s.start) : s.start]
        return bool(re.search(rf"(?:{self.self_ref.pattern})[\s*]*(?:的|'s)[\s*]*$|(?:^|[\s*])其[\s*]*$", lead, re.I))
