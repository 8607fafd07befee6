"""Rankings stated over several sentences of one bullet or paragraph line:
``总体排名：A 表现最强；B 排名第二；C …；D 和 E …`` / ``Overall ranking: A
is the strongest; B ranks second; C …``.

A line that says it ranks (排名, ranking, ranks) and names a first system
(a superlative or ``排名第一``/``ranks first``) and a second one
(``排名第二``/``ranks second``) ranks the systems: each ranked
system beats every system of a lower rank, and both beat the systems that
open the later sentences of the same line (unranked, so below the second).
Nothing is read from a line with only one rank, two systems of one rank,
ranks held in different groups (``在 4B 级别中排名第二；在 1B-2B 范围内排名第一``), or
no ranking word.  The sentence splitter cuts such a line at ``；``, so the
rank statements are gathered per line by :class:`RankBoard` and read once
the paper's sentences are done.
"""

from __future__ import annotations

import re

from kg.extract.sentence import Found, Mention

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_ORDINAL_RE = re.compile(
    r"(?:排名|排|位居|位列|名列|位于)\s*第\s*(?P<cn>[一二三四五]|\d)(?!\d)(?:名|位)?"
    r"|\brank(?:s|ed)?\s+(?:as\s+)?(?:the\s+)?(?P<en>first|second|third|fourth|fifth)\b",
    re.IGNORECASE,
)
_RANKING_WORD_RE = re.compile(r"排名|排行|\brank(?:s|ed|ing)?\b", re.IGNORECASE)
_VERSION_RE = re.compile(r"^\s*v?\d+(?:\.\d+)*(?![\w.])")
_OPENING_RE = re.compile(r"^[\s*•·\-–—>:：]*$")
_CLAUSE_RE = re.compile(r"[；;]")
# the group a rank holds in ('在4B参数级别的模型中', '在1B-2B参数尺寸范围内', 'among models of its size')
_SCOPE_RE = re.compile(
    r"在[^，。；,;]{1,24}?(?:级别|范围|尺寸|规模|量级|类别|组别|赛道)[^，。；,;]{0,8}?[中内]"
    r"|\bamong [^,;.]{0,30}?\b(?:size|scale|class|category)\b|\bin (?:its|the) [^,;.]{0,20}?(?:class|category)\b",
    re.IGNORECASE,
)


class RankBoard:
    """The rank statements of a paper's lines while its sentences are read."""

    def __init__(self) -> None:
        # (section id, line) -> (section, line, [(rank or None, system key, sentence text, scope)] in order)
        self.lines: dict[tuple, tuple] = {}

    def read(self, rules, sec, line: int, text: str, systems: list[Mention]) -> None:
        """Note, clause by clause (``；``/``;``), the rank ``text`` gives a
        system (``rules`` is the :class:`~kg.extract.relations.RelationRules`),
        or the systems that open a clause with no rank."""
        entries = self.lines.setdefault((id(sec), line), (sec, line, []))[2]
        start = 0
        for end in [m.start() for m in _CLAUSE_RE.finditer(text)] + [len(text)]:
            here = [s for s in systems if start <= s.start and s.end <= end]
            if here:
                self._clause(rules, text, start, end, here, entries)
            start = end + 1

    @staticmethod
    def _clause(rules, text: str, start: int, end: int, systems: list[Mention], entries: list) -> None:
        rank, at = _rank_of(rules, text, start, end)
        if rank is not None:
            subj = rules._subject(text, [s for s in systems if s.end <= at], at)
            if subj is not None:
                scope = _SCOPE_RE.search(text, start, at)
                entries.append((rank, subj.key, text, scope.group() if scope else None))
                return
        opening = [s for s in systems if _OPENING_RE.match(text[start : s.start])][:1]
        if opening and not any(s.proposed for s in systems):
            entries += [(None, s.key, text, None) for s in _opening_list(rules, text, systems, opening[0])]

    def comparisons(self) -> list[tuple[Found, str, object, int]]:
        """(comparison, evidence, section, line) of every line that ranks a
        first and a second system (see the module docstring)."""
        out = []
        for sec, line, entries in self.lines.values():
            ranked = [(r, k) for r, k, _, _ in entries if r]
            ranks = [r for r, _ in ranked]
            text = " ".join(dict.fromkeys(t for _, _, t, _ in entries))
            if 1 not in ranks or 2 not in ranks or len(set(ranks)) != len(ranks) or not _RANKING_WORD_RE.search(text):
                continue
            if len({scope for r, _, _, scope in entries if r}) > 1:
                continue  # '在 4B 级别中排名第二；在 1B-2B 范围内排名第一': ranks of different groups
            last = max(i for i, (r, _, _, _) in enumerate(entries) if r)
            below = [k for r, k, _, _ in entries[last + 1 :] if r is None]
            order = [k for _, k in sorted(ranked)] + list(dict.fromkeys(below))
            for i, winner in enumerate(order[: len(ranked)]):
                out += [
                    (Found(winner, loser, cue="排名 (ranking)"), text[:400], sec, line)
                    for loser in order[i + 1 :]
                    if loser != winner
                ]
        return out


def _rank_of(rules, text: str, start: int, end: int) -> tuple[int | None, int]:
    """(rank, offset of its word) the clause ``text[start:end]`` states: 1
    for a superlative (``表现最强``) or ``排名第一``, n for ``排名第 n``/``ranks
    second``; (None, 0) when it states none."""
    m = _ORDINAL_RE.search(text, start, end)
    if m:
        word = m.group("cn") or m.group("en").lower()
        rank = _CN_DIGITS.get(word) or _EN_ORDINALS.get(word) or int(word)
        return rank, m.start()
    sup = rules.superlative.search(text, start, end)
    if sup and not rules.parity.search(text, start, end) and not rules._negated(text, sup.start()):
        return 1, sup.start()
    return None, 0


def _opening_list(rules, text: str, systems: list[Mention], first: Mention) -> list[Mention]:
    """The systems of the list ``first`` opens (``A 和 B 在…``; a version
    the name left out may follow a member: ``A 1.8 和 B``)."""
    out = [first]
    for s in systems:
        if s.start <= out[-1].end:
            continue
        if not rules._LIST_RE.match(_VERSION_RE.sub("", text[out[-1].end : s.start], count=1)):
            break
        out.append(s)
    return out
