"""Words and marks the clause rules share: where a clause ends or starts,
the unit of a stated amount, a condition, and the Chinese function words
(与/跟/同 'with', 在 'at/on', 并 'and also') spelled so that they do not
match inside longer words (相同, 潜在, 在线, 并行)."""

from __future__ import annotations

import re

#: 'with' before a compared or partner system: 与, 跟, 同; not the 同 of 相同, 不同, 同时, 共同, 同一, 同等, 同类
WITH_WORD = r"(?:与|跟|(?<![相不共])同(?![等一时样期类]))"
#: 在 as a word of its own ('在 X 上', '并在 D 上'); not inside 潜在, 存在, 现在, 内在, 所在, 正在, 在线
ZAI = r"(?<![潜存现实内外所正自])在(?!线)"
#: 并 'and also' as a word of its own; not inside 合并, 兼并, 并行, 并发, 并列
BING = r"(?<![合兼])并(?![行发列])"
#: a mark that ends a clause (comma, semicolon, full stop, colon)
CLAUSE_END_RE = re.compile(r"[，。；,;：:]")
#: the unit of a stated gain's amount ('3.2%', '1.8 个点', '+23.5 点', '2 points', '4 pp')
AMOUNT_UNIT = r"(?:%|个点|个百分点|百分点|点|分|points?|pp)"
#: a condition or a forecast before a stated change: no claim ('若…', '如果…', '预计…')
CONDITION_RE = re.compile(r"若|如果|假如|预计|\bif\b", re.IGNORECASE)


def clause_start(text: str, pos: int) -> int:
    """Offset where the clause holding ``pos`` starts: after the last comma,
    semicolon, full stop or colon before it (0 when none)."""
    return max(text.rfind(c, 0, pos) for c in "，,；;。：:") + 1
