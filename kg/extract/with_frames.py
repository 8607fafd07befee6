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

from kg.extract.clauses import clause_start
from kg.extract.sentence import Mention

#: 比较 closing a '与 … 比较' frame at its clause's end ('与 A、B 等方法的比较，', '与 B 进行比较时，')
WITH_COMPARE_RE = re.compile(r"(?<!相)比较(?=(?:时|中|而言)?[\s*]*[，,])")
#: the 与 (跟, 同) that opens such a frame; not the 同 of 相同, 不同, 同时, 共同, 同类 …
_WITH_AT_RE = re.compile(r"与|跟|(?<![相不共])同(?![等一时样期类])")
#: before 比较 in its clause: a comparison not made or made for fairness ('无法与 B 直接比较',
#: '未与 B 进行比较', '为了与 B 进行公平比较'): no claim
_NO_CLAIM_RE = re.compile(r"为了|以便|无法|难以|不能|不便|未能?|没有|公平|不可|不宜")
#: after 比较: strengths on both sides ('二者各有优势', '优势与不足'): no winner
_BOTH_WAYS_RE = re.compile(r"各有|优缺点|优势与不足|优势和不足|优劣|利弊")
#: right after a system: it is the backbone of the comparison, not one side ('QuxNet-7B 骨干')
_BACKBONE_AFTER_RE = re.compile(r"[\s*]*(?:的)?(?:骨干|主干|基座|backbone)", re.IGNORECASE)


def with_compare_frames(text: str) -> Iterator[re.Match]:
    """The 比较 of each ``与 … 比较`` frame of ``text`` that states a claim:
    a 与 opens it in the same clause, no negation or purpose precedes it and
    no 'each has its strengths' follows."""
    for m in WITH_COMPARE_RE.finditer(text):
        start = clause_start(text, m.start())
        if (
            _WITH_AT_RE.search(text, start, m.start())
            and not _NO_CLAIM_RE.search(text, start, m.start())
            and not _BOTH_WAYS_RE.search(text, m.end())
        ):
            yield m


def with_compare_pairs(
    text: str, m: re.Match, systems: list[Mention], main: str | None, setting: Callable[[str, Mention], bool]
) -> list[tuple[str, str]]:
    """(winner, loser) keys of the frame whose 比较 is ``m`` (from
    :func:`with_compare_frames`), as a gain states them (the caller swaps
    them for a loss).  The winner is the first system after the frame (not
    a setting: ``setting(text, s)``): a compared one beats the party before
    与, any other beats the compared ones; with none after it, the paper's
    own system (``main``) beats them, or the party before 与 when it is the
    paper's own (another party: no row, which side won is not said).
    Systems that are a backbone or a setting are no side."""
    start = clause_start(text, m.start())
    with_at = _WITH_AT_RE.search(text, start, m.start())
    sides = [s for s in systems if not setting(text, s) and not _BACKBONE_AFTER_RE.match(text, s.end)]
    parties = [s for s in sides if start <= s.start and s.end <= with_at.start()]
    objs = [s for s in sides if with_at.end() <= s.start and s.end <= m.start()]
    later = [s for s in sides if s.start >= m.end()]
    if not objs:
        return []
    if later and later[0].key in {o.key for o in objs}:
        winner, losers = later[0].key, parties  # '将 M 与 B 进行比较，B 表现更优'
    elif later:
        winner, losers = later[0].key, objs
    elif parties:
        # 'M 在 X 上与 B 进行了比较，准确率提升了 3%': the paper's own system as the party gained
        own = [p.key for p in parties if p.proposed or p.key == main]
        if not own:
            return []
        winner, losers = own[0], objs
    else:
        winner, losers = main, objs
    return [(winner, lo.key) for lo in losers if winner and lo.key != winner]
