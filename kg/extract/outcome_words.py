"""Words that state a compare frame's outcome without a gain word: a win
rate the subject gained (``取得了 14.1% 的相对胜率``, a win) and a shortfall
closing a clause (``相比于 B，其在遵循指令方面略有不足``, a loss).  Read by
:meth:`~kg.extract.frame_rules.FrameRules._frame_gains`.
"""

from __future__ import annotations

import re

from kg.extract.clause_words import clause_start

#: a win rate the subject gained: '取得了 14.1% 的相对胜率', '也取得了显著胜率', '胜率上平均达到
#: 87.2%' (not '胜率仅为 38%')
_WON_RATE_RE = re.compile(
    r"(?:取得|获得|实现)了?[^，。；,;]{0,12}?胜率|胜率[^，。；,;\d]{0,8}?(?:达到|达|为)了?\s*\d+(?:\.\d+)?\s*%"
)
_RATE_VALUE_RE = re.compile(r"(\d+(?:\.\d+)?)\s*%")
#: a shortfall of the frame's subject closing its clause: '相比于 B，其在遵循指令方面略有不足' (B
#: wins); not a lack of something ('数据不足的情况下', '开销不足 1%'), nor a denied one ('毫不逊色')
_SHORTFALL_RE = re.compile(
    r"(?<![毫并不无])(?:略有|稍有|仍有|存在|有所|明显)?(?:不足|逊色|欠佳)(?=[\s*]*(?:[，。；,;]|$))"
)
#: before a shortfall in its clause: it is made up for, so no loss ('弥补了 B 在…上的不足'), or it is the
#: compared system's ('相比 B 存在的效率不足，…')
_MADE_UP_RE = re.compile(r"弥补|克服|缓解|解决|填补|改善|应对|处理|针对|相比|相较|对比|比起")
#: just before a shortfall: it is denied ('也没有明显不足', '并未逊色', '不显逊色')
_DENIED_RE = re.compile(r"(?:没有|未|不|无|并无|毫无|不显|不存在)[^，。；,;]{0,3}$")


def won_rate(text: str) -> bool:
    """True when ``text`` states a win rate its subject gained; a rate stated
    below 50 % is no win ('取得了 38% 的胜率') unless it is relative or net
    ('取得了 14.1% 的相对胜率')."""
    for m in _WON_RATE_RE.finditer(text):
        value = _RATE_VALUE_RE.search(m.group())
        if value is None or float(value.group(1)) >= 50 or re.search(r"相对|净", m.group()):
            return True
    return False


def shortfall(text: str) -> bool:
    """True when a shortfall closes a clause of ``text`` that nothing before
    it in that clause makes up for (``弥补了 B 在…上的不足``), denies (``也没有明显
    不足``) or gives to the compared system (``相比 B 存在的效率不足``)."""
    return any(
        not _MADE_UP_RE.search(text, clause_start(text, m.start()), m.start())
        and not _DENIED_RE.search(text, max(0, m.start() - 6), m.start())
        for m in _SHORTFALL_RE.finditer(text)
    )
