"""The ``与 … 比较`` frame: ``通过与 A、B 等方法的比较，M 取得了显著优势`` (M beats
A and B), ``将 M 与 B 进行比较时，M 的准确率提升了 3.2%`` (M beats B), ``将 M 与
B 进行比较，B 表现更优`` (B beats M).  比较 closes the frame at its clause's end;
every system between 与 and 比较 is compared, those before 与 (``将 M 与 B``) are
the other party.  Read by :meth:`~kg.extract.frame_rules.FrameRules._frame`
once it found a gain (or a loss) in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from kg.extract.clause_words import WITH_WORD, clause_start
from kg.extract.sentence import Mention

#: 比较 closing a '与 … 比较' frame at its clause's end ('与 A、B 等方法的比较，', '与 B 进行比较时，')
WITH_COMPARE_RE = re.compile(r"(?<!相)比较(?=(?:时|中|而言)?[\s*]*[，,])")
#: the 与 (跟, 同) that opens such a frame
_WITH_AT_RE = re.compile(WITH_WORD)
_NOT = r"(?:无法|难以|不能|不便|未能?|没有|不可|不宜)"
#: a comparison not made or made for a purpose: a negation right before 与 or before 比较
#: ('未与 B 进行比较', '与 B 的结果难以直接比较'), or a purpose governing the 与 ('为了与 B 进行公平
#: 比较'); not a negation inside B's description ('与未经微调的 B 进行比较')
_NO_CLAIM_RE = re.compile(rf"(?:为了?|以便)[^，。；,;]{{0,6}}?{WITH_WORD}|{_NOT}[\s*]*{WITH_WORD}")
_NOT_BEFORE_COMPARE_RE = re.compile(rf"{_NOT}[\s*]*(?:直接|进行|做|公平|地)*[\s*]*$")
#: right after the frame: strengths on both sides ('，我们发现二者各有优势', '优势与不足'): no winner
_BOTH_WAYS_RE = re.compile(r"[\s*，,]*[^。；;，,]{0,20}?(?:各有|优缺点|优势与不足|优势和不足|优劣|利弊)")
#: right before a system inside the frame: what the compared system lacks ('没有 RLHF 的 B')
_LACKED_RE = re.compile(r"(?:没有|无|不使用|未使用|不含|未经|去掉|去除)[\s*]*$")
#: right after a system: it is the backbone of the comparison, not one side ('QuxNet-7B 骨干')
_BACKBONE_AFTER_RE = re.compile(r"[\s*]*(?:的)?(?:骨干|主干|基座|backbone)", re.IGNORECASE)


def with_compare_frames(text: str) -> Iterator[re.Match]:
    """The 比较 of each ``与 … 比较`` frame of ``text`` that states a claim:
    a 与 opens it in the same clause, no negation or purpose governs it
    (``_NO_CLAIM_RE``) and its next clause does not say both sides have
    strengths (``二者各有优势``)."""
    for m in WITH_COMPARE_RE.finditer(text):
        start = clause_start(text, m.start())
        if (
            _WITH_AT_RE.search(text, start, m.start())
            and not _NO_CLAIM_RE.search(text, start, m.start())
            and not _NOT_BEFORE_COMPARE_RE.search(text, start, m.start())
            and not _BOTH_WAYS_RE.match(text, m.end())
        ):
            yield m


def with_compare_pairs(
    text: str, m: re.Match, systems: list[Mention], main: str | None, setting: Callable[[str, Mention], bool]
) -> list[tuple[str, str]]:
    """(winner, loser) keys of the frame whose 比较 is ``m`` (from
    :func:`with_compare_frames`), as a gain states them (the caller swaps
    them for a loss).  The winner is the first system after the frame,
    the paper's own or a compared one first (an evaluator or a base named
    there is neither: ``使用 X 作为评估器``): a compared one beats the party
    before 与 (or the paper's own system when none stands there), any other
    beats the compared ones.  With none after it, the paper's own system
    (``main``) beats them, or the party before 与 when it is the paper's own
    (another party: no row, which side won is not said).  Systems that are
    a backbone or a setting (``setting(text, s)``) are no side."""
    start = clause_start(text, m.start())
    with_at = _WITH_AT_RE.search(text, start, m.start())
    sides = [s for s in systems if not setting(text, s) and not _BACKBONE_AFTER_RE.match(text, s.end)]
    parties = [s.key for s in sides if start <= s.start and s.end <= with_at.start()]
    # not what a compared system lacks ('与没有 RLHF 的 B 进行比较')
    objs = [
        s.key
        for s in sides
        if with_at.end() <= s.start and s.end <= m.start() and not _LACKED_RE.search(text, with_at.end(), s.start)
    ]
    if not objs:
        return []
    later = [s for s in sides if s.start >= m.end()]
    later = [s for s in later if s.proposed or s.key == main or s.key in objs] or later
    if later and later[0].key in objs:
        # '将 M 与 B 进行比较，B 表现更优'; with no party, B against the paper's own system ('B 的延迟高出 30%')
        winner, losers = later[0].key, parties or ([main] if len(set(objs)) == 1 else [])
    elif later:
        winner, losers = later[0].key, objs
    elif parties:
        # 'M 在 X 上与 B 进行了比较，准确率提升了 3%': the paper's own system as the party gained
        own = [p for p in parties if p == main or any(s.key == p and s.proposed for s in sides)]
        if not own:
            return []
        winner, losers = own[0], objs
    else:
        winner, losers = main, objs
    return [(winner, lo) for lo in dict.fromkeys(losers) if winner and lo and lo != winner]
