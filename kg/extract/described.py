"""Described baselines: a compared system the text names by what it is, not
by a name (``vanilla DPO``, ``纯 SFT 模型``, ``单阶段检索基线``,
``使用全量数据进行 SFT 的基线模型``, ``the pure SFT baseline``).

Such a phrase is read only where a comparison rule looks for its loser
(after ``优于``/``outperforms``, ``相比``/``compared with``, ``比``, or
between ``与`` and ``相比``), never as an entity of its own: the comparison
stage gives it an entity with the role ``compared`` that the graph reaches
through the comparison only.  A phrase is a described baseline when it
names a training paradigm or a baseline head with a modifier of identity
(``vanilla``, ``纯``, ``标准``, ``单次`` …; ``kg/data/patterns/comparison.json``
``described_baseline``), a paradigm in a ``的`` clause, or a paradigm,
modifier or Latin name before ``基线``/``baseline``; never a bare paradigm
(``SFT``) and never an anonymous one (``所有基线``, ``existing methods``) or a plural class (``prompt-only
baselines``).  The setting without a component (``无技能``, no head noun after
it) is one too.  Members enumerated after a class of baselines in a loser slot
(``超越了现有的主流方法，包括直接 Prompting、模型微调 以及 RAG``) need no modifier:
the enumeration says they are baselines (:meth:`DescribedBaselines.members`).
"""

from __future__ import annotations

import re

from kg.extract.sentence import Mention
from kg.link import entity_key
from kg.nlp.cues import cue_regex
from kg.model import Label
from kg.resources import gazetteer

#: key prefix of a described-baseline mention: prefix + name + "\x00" + aliases joined by "\x00"
DESCRIBED = "\x00described\x00"

# where the phrase after a loser slot ends: a clause mark, a number, a predicate
# word, or an English preposition or verb that starts the rest of the clause
_STOP_RE = re.compile(
    r"[，。；;,:：!?！？]|\.(?=\s|$)|\d|提升|提高|高出|降低|减少|缩短|增加|改善|超越|超过|优于|领先|达到|取得|实现|获得|"
    r"表现|性能|效果|分别|平均|均|都|也|时|上的|上，|在(?!线)|提供|带来|达(?=[\s约近]*\d)|"
    r"(?:仅|只)?(?:为|有|是)(?=[\s约近]*\d)|仅(?=[\s约近]*\d)|"
    r"\s(?:on|in|by|across|at|for|while|whereas|under|when|which|that|with|and achieves|achieves|shows?|"
    r"improves?|reduces?|yields?|gains?|is|are|was|were)\b",
    re.IGNORECASE,
)
#: a score in parentheses after a listed baseline, read as blank so the list goes on
_SCORE_PAREN_RE = re.compile(r"[（(]\s*[-+]?\d[^（）()]{0,20}[)）]")
_ITEM_SEP_RE = re.compile(r"[\s*]*(?:、|和|及|以及|,\s*(?:and|or)\b|,|，|\band\b|\bor\b)[\s*]*", re.IGNORECASE)
_GLOSS_RE = re.compile(r"\s*[（(]([^（）()]{1,30})[)）]")
#: a member's score after its name: 'X 的 48.5', 'X 48.5%'
_TRAILING_SCORE_RE = re.compile(r"\s*(?:的)?\s*[-+]?\d+(?:\.\d+)?\s*(?:%|分|points?)?\s*$")
_LEAD_RE = re.compile(r"[\s*“”\"]*(?:了|the\s+|a\s+|an\s+)?", re.IGNORECASE)
_LATIN_RE = re.compile(r"[A-Za-z]{2,}")
#: a basis that identifies a baseline: '基于剪枝的…', '基于执行的…'
_BASIS_RE = re.compile(r"基于[^的，。；,;]{1,12}的")
#: heads that name one baseline, not a class of methods or models
_ONE_BASELINE_END_RE = re.compile(r"(?:基线|基线模型|策略|变体)$")
#: a family of methods, not one baseline: traditional or pure methods of a kind ('传统两阶段方法',
#: '纯视觉方法'); with a training paradigm ('纯 SFT 方法'), '传统 SFT 基线' and '直接微调方法' name one
_FAMILY_RE = re.compile(r"(?:传统|纯粹|纯)[^，。；]*方法$")
#: a superlative that only praises the baseline after it ('最先进的自编辑SFT基线')
_SOTA_LEAD_RE = re.compile(r"(?:现有的?)?(?:最先进|最强|SOTA|state-of-the-art)(?:的)?\s*", re.IGNORECASE)
#: the variant without a component, in a 的 clause: '未采用对象级掩蔽的同架构模型', '不使用检索的基线'
_WITHOUT_CLAUSE_RE = re.compile(
    r"(?:未|不|没有)(?:采用|使用|用|加入|引入|经过)[^的，。；]{1,12}的[^的，。；]{0,8}(?:模型|基线|策略|变体|版本)"
)
_BASELINE_END_RE = re.compile(r"(?:基线|基线模型|baseline)$", re.IGNORECASE)
#: a short Chinese description before a baseline head ('自回归', '固定温度')
_HAN_BODY_RE = re.compile(r"[\u4e00-\u9fff]{2,6}")
#: in such a description: a count, a back-reference, a comparative or a measure, so no one baseline
#: ('三个基线', '相应基线', '更强的基线', '准确率基线')
_NOT_ONE_BODY_RE = re.compile(
    r"[一二两三四五六七八九十几数多若]+[个种类组项]|若干|大多数|部分|主要|相应|对应|各自|所选|选定|更|较|的$|率|得分|分数|精度|准确"
)
_OPEN_PAREN_RE = re.compile(r"[（(]")
#: a baseline head, then the name of the baseline: '在线强化学习基线 GRPO', 'the RL baseline GRPO'
_NAMED_AFTER_HEAD_RE = re.compile(r"(?:基线|基线模型|(?i:baseline))\s*(?P<name>[A-Z][A-Za-z0-9.\-+]+)$")
_SPACES_RE = re.compile(r"\s+")
#: the setting without a component, as a compared baseline: '无技能', '无记忆'; not a word that only opens
#: with 无 ('无需', '无法', '无数', '无人机') nor a paradigm or property ('无监督', '无条件', '无参考', '无损')
_ABSENCE_RE = re.compile(
    r"(?:无(?![需须法论疑关数监条参偏损限缝穷人线效意])|不使用|未使用|不带|不含|没有)[\u4e00-\u9fff]{1,4}"
)
_NUMBER_AHEAD_RE = re.compile(r"[\s*]*[-+]?\d")
_MAX_CHARS = 32
# a class of baselines, then the list of its members: '现有的主流方法，包括', 'existing methods, including'
_MEMBERS_INTRO_RE = re.compile(
    # the class, its words not crossing a preposition ('baselines on models such as A': A is a backbone)
    r"[\s*“”\"]*(?:了)?[\s*]*(?:(?!\s(?:on|in|across|with|for|over|under)\s|在)[^，。；,;：:]){0,16}?"
    r"(?:方法|模型|基线|系统|竞争对手|对手|methods|models|baselines|approaches|systems|competitors)"
    r"[\s*]*[，,：:]?[\s*]*(?:包括|例如|比如|如|including|such as|e\.g\.,?)[\s*：:]*",
    re.IGNORECASE,
)
#: a last item that only says the list goes on ('and others', '等')
_OTHERS_RE = re.compile(r"[\s*]*(?:others|many others|more|等等?)[\s*]*", re.IGNORECASE)
_MEMBERS_END_RE = re.compile(r"[。；;，]|\.(?:\s|$)|\s(?:on|in|across|by)\s")
_SHORT_LATIN_RE = re.compile(r"[A-Z][A-Za-z0-9+\-]{1,11}")
_LATIN_WORDS_RE = re.compile(r"[A-Za-z][A-Za-z0-9\-]*(?:\s[A-Za-z][A-Za-z0-9\-]*){0,2}")
#: a plural common noun at the end: a class of systems, not one ('ViTs' is one system's plural)
_PLURAL_CLASS_RE = re.compile(r"[a-z][a-z]s$")


def described_key(name: str, aliases: list[str]) -> str:
    """The mention key of a described baseline (decoded by :func:`parse_described`)."""
    return DESCRIBED + "\x00".join([name, *aliases])


def is_described(key: str) -> bool:
    """True for the key of a described-baseline mention."""
    return key.startswith(DESCRIBED)


def parse_described(key: str) -> tuple[str, list[str]] | None:
    """(name, aliases) of a described-baseline key; None for any other key."""
    if not key.startswith(DESCRIBED):
        return None
    name, *aliases = key[len(DESCRIBED) :].split("\x00")
    return name, aliases


class DescribedBaselines:
    """Compiled word lists of ``described_baseline``; finds the phrases."""

    def __init__(self, words: dict):
        self.modifier = cue_regex(words["modifier"])
        self.paradigm = cue_regex(words["paradigm"])
        self.anonymous = cue_regex(words["anonymous"])
        self.generic = cue_regex(words["generic_modifier"] + words["head"])
        self.generic_modifier = re.compile(
            r"^(?:" + cue_regex(words["generic_modifier"]).pattern + r")\s*", re.IGNORECASE
        )
        self.trailing_head = re.compile(r"\s*(?:" + cue_regex(words["head"]).pattern + r")$", re.IGNORECASE)
        heads = cue_regex(words["paradigm"] + words["head"]).pattern
        self.head_end = re.compile(f"(?:{heads})$", re.IGNORECASE)
        self.paradigm_end = re.compile(f"(?:{self.paradigm.pattern})$", re.IGNORECASE)
        self.bare = re.compile(f"^(?:{heads})$", re.IGNORECASE)
        self.head_only = re.compile(f"^(?:{cue_regex(words['head']).pattern})+$", re.IGNORECASE)
        any_head = words["any_head_modifier"]
        latin = "|".join(re.escape(w) for w in any_head if w.isascii())
        self.any_head_en = re.compile(rf"(?:{latin})\s+", re.IGNORECASE)  # 'standard behavior cloning'
        han = "|".join(re.escape(w) for w in any_head if not w.isascii())
        self.any_head_zh = re.compile(rf"(?:{han})的?\s*")  # '标准RLM'

    def may_lose(self, f, named_here: set[str], main: str | None) -> bool:
        """True unless ``f`` (a :class:`~kg.extract.sentence.Found`) has a
        described loser it may not have: a described baseline ('纯 SFT 模型')
        loses only to a winner the sentence names, with its value stated
        against the winner's ('成功率达到20.8%（纯SFT模型为0%）'), or, when named
        by an English modifier of ``any_head_modifier`` ('gains … compared
        to standard ViTs'), to the paper's own system as the elided subject."""
        if not is_described(f.loser) or f.winner in named_here or f.loser_score is not None:
            return True
        return f.winner == main and self.any_head_en.match(f.loser[len(DESCRIBED) :]) is not None

    def after(self, text: str, pos: int) -> list[Mention]:
        """Described baselines listed right after ``pos`` (a loser slot),
        up to the end of the phrase; [] when the slot holds none."""
        text = _SCORE_PAREN_RE.sub(lambda m: " " * len(m.group()), text)  # '基线（66.3%）和纯视觉基线'
        lead = _LEAD_RE.match(text, pos)
        start = lead.end()
        stop = _STOP_RE.search(text, start, start + _MAX_CHARS + 12)
        return self._items(text, start, stop.start() if stop else min(len(text), start + _MAX_CHARS))

    def opening(self, text: str, pos: int) -> list[Mention]:
        """Described baselines listed right after ``pos`` whose first opens
        there (``，而普通微调为 0.38``), not one found after an item that is none."""
        found = self.after(text, pos)
        return found if found and found[0].start == _LEAD_RE.match(text, pos).end() else []

    def over(self, text: str, pos: int, objs: list[Mention]) -> list[Mention]:
        """``objs`` (systems listed in a loser slot at ``pos``) with the first
        replaced by the described baseline that wraps it with a modifier of
        identity (``offline DPO`` around the mention DPO: the loser is the
        offline variant; ``vanilla DPO``, ``传统的 AR 方法`` stay the named one)."""
        if not objs or objs[0].start - pos > 12 or not self.modifier.search(text, pos, objs[0].end):
            return objs
        found = self.after(text, pos)
        if (
            found
            and found[0].start <= objs[0].start
            and found[0].end >= objs[0].end
            and not _OPEN_PAREN_RE.search(text, found[0].start, objs[0].start)  # a gloss names the phrase: keep it
        ):
            name, aliases = parse_described(found[0].key)
            if self.modifier.match(name) and not self.generic_modifier.match(name):
                # the wrapped name is an alias: 'offline DPO' is also read as DPO ('标准的 GRPO 方法' is GRPO)
                wrapped = text[objs[0].start : objs[0].end]
                key = described_key(name, list(dict.fromkeys([*aliases, wrapped])))
                return [Mention(found[0].start, found[0].end, key, Label.METHOD), *objs[1:]]
        return objs

    def members(self, text: str, pos: int, systems: list[Mention]) -> list[Mention]:
        """The members listed after a class of baselines or competitors in a loser slot
        (``超越了现有的主流方法，包括直接 Prompting、模型微调（Fine-tuning）、
        RAG 以及文本摘要方法`` / ``outperforms existing methods, including
        A and B``, ``优于同等规模的竞争对手，例如 X 的 48.5``): each item is a
        system the sentence names (a score after it allowed) or, enumerated
        here, a phrase ending in a paradigm or head word or a short Latin
        name; [] when no class and 包括/including list follows ``pos``."""
        intro = _MEMBERS_INTRO_RE.match(text, pos)
        if intro is None:
            return []
        stop = _MEMBERS_END_RE.search(text, intro.end())
        end = stop.start() if stop else len(text)
        out = []
        item_start, comma = intro.end(), False  # comma: the last separator was a bare comma
        for sep in [*_ITEM_SEP_RE.finditer(text, intro.end(), end), None]:
            item_end = sep.start() if sep else end
            named = [s for s in systems if item_start <= s.start and s.end <= item_end]
            if named and not self._named_item(text[item_start:item_end], text[named[0].start : named[0].end]):
                return []  # '例如在 FLD 上取得了提升': a clause, not a list of systems
            item = named[:1] or [m for m in [self._member(text, item_start, item_end)] if m is not None]
            if not item and out and (comma or _OTHERS_RE.fullmatch(text, item_start, item_end)):
                break  # 'including A and B, while …', '…, B, and others': the list ends
            if not item:
                return []  # an item that is neither: not a list of baselines
            out += item
            if sep is None:
                break
            item_start, comma = sep.end(), sep.group().strip(" *") == ","
        return out

    @staticmethod
    def _named_item(item: str, name: str) -> bool:
        """True when a list ``item`` is the system ``name`` alone, maybe with
        a gloss and its score after it ('X（Y）', 'X 的 48.5'; 'BlipNet-2')."""
        rest = _GLOSS_RE.sub("", item).strip(' *“”"')
        tail = rest[len(name) :].strip()
        return rest.startswith(name) and (not tail or _TRAILING_SCORE_RE.fullmatch(tail) is not None)

    def _member(self, text: str, start: int, end: int) -> Mention | None:
        raw, glosses, core = _parts(text, start, end)
        if not core or len(core) > _MAX_CHARS or self.bare.match(core) or self.anonymous.search(core):
            return None
        if not (self.head_end.search(core) or _SHORT_LATIN_RE.fullmatch(core)) or not entity_key(core):
            return None
        lead = self.modifier.match(core)
        rest = core[lead.end() :].strip() if lead else ""
        also = [rest] if rest and not self.head_only.match(rest) else []  # '直接 Prompting' is also Prompting
        return self._mention(start, raw, core, glosses, also)

    def between(self, text: str, start: int, end: int, framed: bool = False) -> list[Mention]:
        """Described baselines listed in ``text[start:end]`` (``与 X 相比``)."""
        return self._items(text, _LEAD_RE.match(text, start).end(), end, framed)

    def _items(self, text: str, start: int, end: int, framed: bool = False) -> list[Mention]:
        out = []
        pos = start
        for sep in [*_ITEM_SEP_RE.finditer(text, start, end), None]:
            item_end = sep.start() if sep else end
            m = self._phrase(text, pos, item_end, framed)
            if m is not None:
                out.append(m)
            if sep is None:
                break
            pos = sep.end()
        return out

    def _phrase(self, text: str, start: int, end: int, framed: bool = False) -> Mention | None:
        raw, glosses, core = _parts(text, start, end)
        named = _NAMED_AFTER_HEAD_RE.search(core)
        if named and not gazetteer().is_generic(named.group("name")):
            # '在线强化学习基线GRPO': the class, then the baseline it names; the phrase is an alias
            return self._mention(start, raw, named.group("name"), [*glosses, core])
        lead = _SOTA_LEAD_RE.match(core)
        cut = raw.find(core[lead.end() :]) if lead and lead.end() < len(core) else -1
        if cut > 0:  # '最先进的自编辑SFT基线': that baseline, the best of its kind
            start, raw, core = start + cut, raw[cut:], core[lead.end() :]
        if not core or len(core) > _MAX_CHARS or self.bare.match(core):
            return None
        if _ABSENCE_RE.fullmatch(core) and not self.head_end.search(core):
            # '无技能': the setting without it, one baseline; '无标注方法' is a class of methods
            return self._mention(start, raw, core, glosses)
        if not (self.head_end.search(core) or self._modified_latin(core)):
            return None
        if self.anonymous.search(core) or not (self._identity(core) or (framed and self._framed_description(core))):
            return None
        if not entity_key(core):
            return None
        return self._mention(start, raw, core, glosses)

    def _mention(self, start: int, raw: str, core: str, glosses: list[str], also: list[str] = ()) -> Mention:
        """The role-only Method mention of a described baseline written as
        ``raw`` at ``start``, keyed by ``core``; its glosses, its shorter
        forms and ``also`` are aliases."""
        aliases = [g for g in glosses if g != core] + self._short_forms(core) + list(also)
        return Mention(start, start + len(raw), described_key(core, list(dict.fromkeys(aliases))), Label.METHOD)

    def _short_forms(self, core: str) -> list[str]:
        """Shorter names of a described baseline: after its last 的
        (``传统的监督微调`` -> ``监督微调``), then without a generic modifier or a
        trailing head noun (``传统全量微调方法`` -> ``全量微调``, ``vanilla 线性注意力``
        -> ``线性注意力``), and the paradigm a modifier of identity qualifies
        (``纯 SFT 模型`` -> ``SFT``); never a bare head noun (``基线模型``)."""
        forms = []
        rest = core.rsplit("的", 1)[1].strip() if "的" in core else core
        if rest != core and rest and not self.head_only.match(rest):
            forms.append(rest)
        stripped = self.generic_modifier.sub("", rest).strip()
        stripped = self.trailing_head.sub("", stripped).strip()
        if stripped and stripped != rest and not self.head_only.match(stripped) and entity_key(stripped):
            forms.append(stripped)
        mod = self.modifier.match(stripped)
        paradigm = stripped[mod.end() :].strip(" 的") if mod else ""
        if paradigm and re.fullmatch(self.paradigm.pattern, paradigm, re.IGNORECASE):
            forms.append(paradigm)  # '纯 SFT 模型' is a pure SFT model: SFT names it too
        return forms

    def _modified_latin(self, core: str) -> bool:
        """An English phrase of one to three words opened by a modifier of
        identity (``standard behavior cloning``, ``vanilla Whisper``, ``the
        standard ViTs``), not a plural class (``standard methods``,
        ``conventional pipelines``; an acronym's plural is one system); or
        a Chinese one before a short Latin name that is no generic class
        (``标准RLM``, not ``纯 LLM``)."""
        lead = self.any_head_en.match(core)
        if lead is not None and core.isascii():
            rest = core[lead.end() :]
            return _LATIN_WORDS_RE.fullmatch(rest) is not None and not _PLURAL_CLASS_RE.search(rest)
        lead = self.any_head_zh.match(core)  # '标准RLM', '原始 VGGT': that system as it was, not a class ('纯 LLM')
        if lead is None:
            return False
        rest = core[lead.end() :]
        return _SHORT_LATIN_RE.fullmatch(rest) is not None and not gazetteer().is_generic(rest)

    def _framed_description(self, core: str) -> bool:
        """A short Chinese description before 基线 (``自回归基线``, ``固定温度基线``):
        one baseline where a ``与 … 相比`` frame names it, not a class of them."""
        body = _BASELINE_END_RE.sub("", core).strip()
        return (
            body != core
            and _HAN_BODY_RE.fullmatch(body) is not None
            and _NOT_ONE_BODY_RE.search(body) is None
            and not self.generic.search(body)
            and not gazetteer().is_generic(body)
        )

    def _identity(self, core: str) -> bool:
        """True when ``core`` says which baseline it is: a modifier of
        identity, a paradigm in a 的 clause, or something specific before a
        baseline head."""
        if not self.generic.sub("", core).strip(" 的"):
            return False  # '传统方法', 'the standard baseline': a class, not one baseline
        # a modifier of identity opens the phrase or its last 的 clause ('纯 SFT 模型', '…的原始模型'),
        # not a verb phrase inside it ('…的偏好似然来直接优化模型')
        has_mod = self.modifier.match(core) is not None or (
            "的" in core and self.modifier.match(core.rsplit("的", 1)[1].strip()) is not None
        )
        has_par = self.paradigm.search(core) is not None
        if has_mod:
            # '传统规划方法', '纯粹的 VAE 方法': a family of methods, as anonymous as 'existing methods';
            # '纯 SFT 方法' (a paradigm right before 方法) is one paradigm's baseline
            return (
                _FAMILY_RE.match(core) is None
                or re.search(rf"(?:{self.paradigm.pattern})\s*方法$", core, re.I) is not None
            )
        if _BASIS_RE.match(core) and _ONE_BASELINE_END_RE.search(core):
            return True  # '基于剪枝的分配策略', '基于执行的基线'; '基于优化的方法' is a class of methods
        if "的" in core and self.paradigm_end.search(core):
            return True  # '基于 SFT 的混合训练'; not '检索的方法' (a class of methods)
        lead, head = self.paradigm.match(core), _ONE_BASELINE_END_RE.search(core)
        if lead and head and core[lead.end() : head.start()].strip():
            return True  # '蒸馏盲策略': a paradigm and what sets it apart name one baseline ('解码策略' is a class)
        if _WITHOUT_CLAUSE_RE.fullmatch(core):
            return True  # '未采用对象级掩蔽的同架构模型': the variant without a component
        if _BASELINE_END_RE.search(core):
            body = _BASELINE_END_RE.sub("", core).strip()
            if not (has_par or self.paradigm.fullmatch(body)) and gazetteer().is_generic(body):
                return False  # 'LLM 基线': a class of models, not one baseline
            return bool(body) and (has_par or _LATIN_RE.search(body) is not None)
        return False


def _parts(text: str, start: int, end: int) -> tuple[str, list[str], str]:
    """``text[start:end]`` as (the phrase as written, trailing spaces, bold
    and a possessive 的 before a score removed; its parenthesised glosses; the phrase without glosses,
    spaces collapsed, quotes and bold stripped)."""
    raw = text[start:end].rstrip(" *")
    if raw.endswith("的") and _NUMBER_AHEAD_RE.match(text, end):  # '远优于单体模型基线的 6.20%': before its score
        raw = raw[:-1].rstrip(" *")
    glosses = [g.strip() for g in _GLOSS_RE.findall(raw)]
    core = _SPACES_RE.sub(" ", _GLOSS_RE.sub("", raw)).strip(' *“”"')
    return raw, glosses, core
