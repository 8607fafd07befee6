"""Entities stage: one paper's mentions -> its candidate entities.

Input: the paper, its mentions as (section, span) pairs with their linking
keys, and the names its title announces.  Output: :class:`Entities`, the
entity dicts by key (``key``, ``name``, ``type``, ``aliases``, ``role`` =
"uses", ``line``, ``evidence``, ``section``, and ``lower_is_better`` /
``vendor`` from the gazetteer), with the keys named only in translation
glosses and the keys without evidence of what they are.  Which of them the
record keeps is decided later (:mod:`kg.extract.selection`); why each was
dropped or kept goes to the :class:`~kg.extract.decisions.DecisionLog`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import NamedTuple

from kg.extract import mentions as mention_rules
from kg.extract import negative
from kg.extract.decisions import DecisionLog
from kg.extract.hardware_use import HardwareReader
from kg.extract.mentions import in_bullet_header, is_lead_label
from kg.extract.model_sizes import LISTED_SIZE
from kg.extract.title_forms import title_long_forms
from kg.link import entity_key, fold
from kg.model import Label, Paper
from kg.nlp.cues import cue_regex
from kg.nlp.evidence import clean_sentence
from kg.nlp.pipeline import mention_info, name_shape, sentence_of, span_text

_PLAIN_WORD_RE = re.compile(r"[A-Za-z][a-z]+")
#: an acronym in the plural ('MRMs', 'VLMs'): a class of systems, never one named system
_PLURAL_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9]*[A-Z]s")
#: head nouns right after a known dataset's name that make it the paper's system: (head, label,
#: whether a propose cue must open the clause: '本研究引入了BBQ模型', '本文提出了TAPE框架',
#: not '优于现有 ImageNet 方法 X')
_SYSTEM_HEADS = (
    (re.compile(r"\s?(?:模型|models?\b)"), Label.MODEL, False),
    (re.compile(r"\s?(?:框架|方法|算法|(?:framework|method|algorithm)s?\b)"), Label.METHOD, True),
)


class Entities(NamedTuple):
    """Output of :class:`EntityStage`."""

    by_key: dict[str, dict]  #: entity dicts by linking key, in order of first mention
    gloss_only: set[str]  #: keys named only in translation glosses
    named_glosses: set[str]  #: keys of glosses that are names (see :meth:`EntityStage._named_gloss`)
    weak: set[str]  #: keys with no evidence of what they are
    concepts: set[str]  #: acronyms defined by a common noun phrase (see :func:`concept_keys`)


class _Tally:
    """What one paper's mentions say about each key, gathered in order."""

    def __init__(self, title_keys: set[str]):
        self.by_key: dict[str, dict] = {}
        self.surfaces: dict[str, Counter] = defaultdict(Counter)
        self.types: dict[str, Counter] = defaultdict(Counter)
        self.gloss_only: set[str] = set()
        self.named_glosses: set[str] = set()
        self.plain: set[str] = set()
        self.evidenced: set[str] = set(title_keys)
        self.definitions: dict[str, set[str]] = defaultdict(
            set
        )  # key -> "named" / "titled" / "concept" / "lower" / "known"


class EntityStage:
    """Collects a paper's entities from its mentions (see the module
    docstring).  A name has evidence of what it is when one of its mentions
    is in the gazetteer, typed by a suffix or cue word, name-shaped (a
    digit, inner capitals, an acronym) or the topic of a results bullet;
    plain capitalised words (``Frozen``, ``Capacity Scaling``) have none."""

    def __init__(self, gaz, pats: dict, hw: HardwareReader):
        self.gaz = gaz
        self.hw = hw
        self.use_marker = cue_regex(pats["use_marker"])
        self.propose = cue_regex(pats["propose"])
        self.component_heads = cue_regex(pats["component_cue"])
        self.model_size = re.compile(pats["model_size_re"])
        self.head_cues = mention_rules.head_cues(pats)
        self.metric_heads = frozenset(w.casefold() for w in pats["metric_cue"] if w.isascii())
        self.other_kind = cue_regex(pats["other_kind_head"])
        self.written_forms = frozenset(f.casefold() for f in gaz.surfaces())

    def run(self, paper: Paper, mentions, keys: list[str], titled: list[str], log: DecisionLog) -> Entities:
        """Entities of ``mentions`` ((section, span) pairs; ``keys`` their
        linking keys) and of the title names ``titled``."""
        title_keys = {entity_key(n) for n in titled}
        tally = _Tally(title_keys)
        authors = {fold(a) for a in paper.authors}
        prev = prev_key = None
        levels = set()  # keys written once as a resolution level ('VGA（640x480）分辨率')
        for (sec, span), key in zip(mentions, keys):
            before, before_key = (prev, prev_key) if prev is not None and prev.doc is span.doc else (None, None)
            prev, prev_key = span, key
            if negative.resolution_level(span):
                levels.add(key)
            if not self._skipped(paper, authors, sec, span, key, title_keys, log):
                self._add(tally, sec, span, key, before, before_key, log)
        for key in levels - title_keys:
            if tally.by_key.pop(key, None) is not None:  # the level throughout: 'VGA 传感器' too
                tally.gloss_only.discard(key)
        tally.gloss_only -= tally.plain
        for name in titled:
            self._add_title_name(tally, paper, name)
        for key, ent in tally.by_key.items():
            if tally.types[key]:
                ent["type"] = _pick_type(tally.types[key])
            forms = [s for s, _ in tally.surfaces[key].most_common()]
            if ent["name"] is None:
                ent["name"] = forms[0]
            ent["aliases"] = sorted({f for f in forms if f != ent["name"]})
        self._title_aliases(tally, paper.title, log)
        concepts = concept_keys(tally.definitions, paper.title)
        weak = set(tally.by_key) - tally.evidenced
        return Entities(tally.by_key, tally.gloss_only, tally.named_glosses, weak, concepts)

    @staticmethod
    def _title_aliases(tally: _Tally, title: str, log: DecisionLog) -> None:
        """The long form the title spells for an entity's acronym
        (:func:`~kg.extract.title_forms.title_long_forms`) becomes its alias."""
        names = {ent["name"]: key for key, ent in tally.by_key.items() if not Label(ent["type"]).is_hardware}
        for acronym, form in title_long_forms(title, list(names)).items():
            key = names[acronym]
            ent = tally.by_key[key]
            ent["aliases"] = sorted({*ent["aliases"], form} - {ent["name"]})
            tally.evidenced.add(key)
            log.keep(key, "title long form")

    def _skipped(self, paper: Paper, authors: set[str], sec, span, key: str, titled: set[str], log) -> bool:
        """True for a mention that is no entity: an author's name, a
        generic word, a resolution or scale level, a plain word that matches
        a known name only once folded (``Shape`` for ``Shap-E``), a name negative evidence
        rejects (noted in ``log``), a word of the title written out in the
        text (not one of the ``titled`` keys), a word of an acronym's long form."""
        info = mention_info(span)
        surface = span_text(span)
        if (info.entry is None and fold(surface) in authors) or mention_rules.in_author_name(span, paper.authors):
            return True  # an author's name (arXiv analyses repeat the author list; 'Yi' of 'Yi Jiang')
        if not key or self.gaz.is_generic(surface) or mention_rules.not_a_name(span):
            return True
        if (
            info.entry is not None
            and _PLAIN_WORD_RE.fullmatch(surface)
            and surface.casefold() not in self.written_forms
        ):
            log.drop(key, surface, "another sense", sec, span)
            return True  # 'Shape' folds like 'Shap-E': a plain word, not the name written another way
        why = negative.rejection(span, info.entry is not None or info.name is not None, self.gaz, paper.authors)
        why = why or self.hw.not_used(span) or negative.other_kind(span, self.other_kind)
        if why:
            log.drop(key, surface, why, sec, span)
            return True
        # 'Visual AutoRegressive modeling (VAR)': a word of VAR's expansion
        if info.entry is None and key not in titled and mention_rules.in_title_copy(span, paper.title):
            log.drop(key, surface, "title phrase", sec, span)
            return True  # '论文摘要分析：ACR: Long Title …': the title's words, not names of their own
        return info.entry is None and mention_rules.in_expansion(span)

    def _add(self, tally: _Tally, sec, span, key: str, before, before_key, log: DecisionLog) -> None:
        """Count one mention's surface forms, type votes and evidence."""
        info = mention_info(span)
        entry, source, decided = info.entry, info.source, info.decided
        label, surface = span.label_, span_text(span)
        named_gloss = False
        defined = self._definition(sec, span) if entry is None else "known"
        if defined:
            tally.definitions[key].add(defined)
        if entry is None and _PLURAL_ACRONYM_RE.fullmatch(surface):
            tally.definitions[key].add("plural")  # 'MRMs', 'MLMs': a class of systems
        types = tally.types[key]
        metric_shape = entry is None and negative.metric_variant(surface, self.gaz)
        if metric_shape:
            label, decided = Label.METRIC, True  # 'rFID': a prefixed known metric
            types[Label.METRIC] += 10
        if source == "gloss":
            if before is not None and mention_rules.expands(before, span):
                tally.surfaces[before_key][surface] += 1  # 'RTC（Real-Time Chunking）': an alias
                if surface.split()[-1].casefold() in self.metric_heads:
                    tally.types[before_key][Label.METRIC] += 10  # 'AOR (Average Overlapping Ratio)'
                return
            head = self._gloss_type(span, before, types)
            label = head or label
            named_gloss = self._named_gloss(span, head)
        if (
            entry is None
            and sec.key == "results"
            and not Label(label).is_hardware
            and (not decided or source == "gloss")
            and in_bullet_header(sec, span, self.use_marker)
        ):
            label = Label.DATASET  # '**对抗性任务 (Conditional Keeper Burglar)**：' names an evaluation
            tally.plain.add(key)
            types[label] += 3
        source = self._add_forms(tally, span, key, label, log)
        if entry is None and not decided and sec.key == "results" and is_lead_label(span):
            label = Label.DATASET  # the topic of a results bullet: a benchmark or setting
            types[label] += 3
        types[label] += 10 if entry else (3 if decided else 1)
        if entry and Label(label).is_dataset and (system := self._system_head(span)):
            types[system] += 1000  # the paper's own system, not the known benchmark: outweighs every other vote
        if Label(label).is_system and (
            mention_rules.in_measure_list(span) or mention_rules.in_metric_enumeration(span)
        ):
            types[Label.METRIC] += 20  # 'Text Alignment ：FooCLIP, BarScore (衡量…)': named as a measure
        why = _evidence(entry, metric_shape, label != span.label_, decided and source != "gloss", surface)
        if named_gloss:
            why = "named gloss"
            tally.named_glosses.add(key)
        if source == LISTED_SIZE:
            why = None  # '和 32B' after 'Qwen3-8B': an entity only with a role (see model_sizes.name_sizes)
        if why:
            tally.evidenced.add(key)
            log.keep(key, why)
        (tally.gloss_only if source == "gloss" else tally.plain).add(key)
        if key not in tally.by_key:
            tally.by_key[key] = _entity(sec, span, key, label)

    def _definition(self, sec, span) -> str | None:
        """How the text defines an acronym mention (see
        :func:`~kg.extract.mentions.acronym_definition`); a concept-like
        definition typed by its Chinese head noun as a dataset or a method
        (``人类偏好数据集（HPD）``, ``多智能体协作框架（MAF）``) or standing in a
        bullet header (``*   **层级记忆路由（HMR）**：``) is "named"."""
        defined = mention_rules.acronym_definition(span, self.propose, self.component_heads)
        if defined in ("concept", "lower") and (
            mention_rules.gloss_head_type(span, self.head_cues) in (Label.DATASET, Label.METHOD)
            or in_bullet_header(sec, span, self.use_marker)
        ):
            return "named"
        return defined

    def _named_gloss(self, span, head: str | None) -> bool:
        """True when a translation gloss is a name, not a translation: a
        strongly name-shaped gloss (``DC-AE-X``, ``Foo-2.1-14B``) typed by
        its head as a dataset or a method (``适应策略（AE-Adapt-X）``), as a
        model with a model size in its name (``预训练模型（Foo-2.1-14B）``),
        standing as one item of an inline enumeration (``1）深度压缩自编码器
        （DC-AE-X）``).  ``head`` is the type :meth:`_gloss_type` found."""
        surface = span_text(span)
        if not any(name_shape(w) == "strong" for w in surface.split()):
            return False
        return (
            head in (Label.DATASET, Label.METHOD)
            or (head == Label.MODEL and bool(self.model_size.search(surface)))
            or mention_rules.enumerated(span)
        )

    def _system_head(self, span) -> str | None:
        """The label of the paper's own system that a known dataset's name
        takes from the head noun after it (see ``_SYSTEM_HEADS``), or None."""
        for head, label, proposed in _SYSTEM_HEADS:
            if head.match(span.doc.text, span.end_char):
                return label if not proposed or self.propose.search(mention_rules.clause_before(span, 24)) else None
        return None

    def _gloss_type(self, span, before, types: Counter) -> str | None:
        """The type a translation gloss takes from what it translates: the
        mention right before it (``正确率（Execution Correctness）``) or the
        Chinese head noun (see :func:`~kg.extract.mentions.gloss_head_type`)."""
        if before is not None and mention_rules.glosses(before, span):
            head = before.label_
        else:
            head = mention_rules.gloss_head_type(span, self.head_cues)
        if head:
            types[head] += 3
        return head or None

    def _add_forms(self, tally: _Tally, span, key: str, label: str, log: DecisionLog) -> str:
        """Count the surface forms of one mention (its text, its canonical
        name, an acronym's long form, hardware variants and device words);
        returns its source, "definition" for a gloss that defines an acronym."""
        info = mention_info(span)
        entry, source, surface = info.entry, info.source, span_text(span)
        forms = tally.surfaces[key]
        forms[surface] += 1
        if info.name:
            forms[info.name] += 2
        long_form = mention_rules.acronym_long_form(span) if entry is None else None
        if long_form and entity_key(long_form) != key:
            forms[long_form] += 1  # 'Branch-and-Bound (BnB)': a definition, its long form an alias
            source = "definition" if source == "gloss" else source
            log.keep(key, "acronym definition")
            tally.evidenced.add(key)
        if Label(label).is_hardware:
            for form in self.hw.forms(span, entry):
                forms[form] += 1
        if label == Label.DEVICE and entry is None:
            cue = self.hw.device_cue(span)
            if cue:
                forms[f"{surface} {cue}"] += 1
        return source

    def _add_title_name(self, tally: _Tally, paper: Paper, name: str) -> None:
        key = entity_key(name)
        tally.surfaces[key][name] += 1
        if key not in tally.by_key:
            entry = self.gaz.lookup(name)
            tally.by_key[key] = {
                "key": key,
                "name": entry.name if entry else None,
                "type": entry.type if entry else Label.METHOD,
                "aliases": [],
                "role": "uses",
                "line": paper.start_line,
                "evidence": paper.title,
                "section": "title",
            }


def concept_keys(definitions: dict[str, set[str]], title: str) -> set[str]:
    """Keys of acronyms the paper defines only as common noun phrases
    (``definitions``: key -> kinds of :func:`~kg.extract.mentions.acronym_definition`,
    "known" for a gazetteer name): never named or known, not a word of the
    paper's ``title``, and either spelled out in lower case in English
    (the authors' own words outweigh a capitalised translation:
    ``scene graph parsing (SGP)`` beside ``场景图解析（Scene Graph
    Parsing, SGP）``) or only glossing Chinese phrases.  Such an acronym
    names a task, a class of systems or a quantity (``多智能体系统（MAS）``); it
    is an entity only with a role.  An acronym written in the plural
    (``MRMs``) is a class however it is defined, and it makes its singular a
    concept too (``扩散语言模型（DLMs）``: ``DLM``)."""
    title_words = {fold(w) for w in re.findall(r"[A-Za-z][\w-]*", title)}
    keys = {
        k
        for k, kinds in definitions.items()
        if k not in title_words
        and "known" not in kinds
        and ("plural" in kinds or ("named" not in kinds and ("lower" in kinds or kinds == {"concept"})))
    }
    singular = {k[:-1] for k in keys if len(k) > 3 and k.endswith("s")}
    return keys | {k for k in singular if k not in title_words and not definitions.get(k, set()) & {"named", "known"}}


def _evidence(entry, metric_shape: bool, retyped: bool, typed: bool, surface: str) -> str | None:
    """Why a mention shows what its name is, or None (see :class:`EntityStage`)."""
    if entry:
        return "gazetteer entry"
    if metric_shape:
        return "metric shape"
    if retyped:
        return "results-bullet topic"
    if typed:
        return "typing suffix or cue word"
    if negative.name_shaped(surface):
        return "name shape"
    return None


def _entity(sec, span, key: str, label: str) -> dict:
    """The entity dict of a key's first mention (file line and sentence of it)."""
    info = mention_info(span)
    entry = info.entry
    sent = sentence_of(span)
    ent = {
        "key": key,
        "name": entry.name if entry else info.name,
        "type": label,
        "aliases": [],
        "role": "uses",
        "line": sec.line_of(sent.start_char),
        "evidence": clean_sentence(sent.text)[:400] or span_text(span),
        "section": sec.key,
    }
    if entry and entry.lower_is_better is not None:
        ent["lower_is_better"] = entry.lower_is_better
    if entry and entry.vendor:
        ent["vendor"] = entry.vendor
    return ent


def _pick_type(counter: Counter) -> str:
    for label in (Label.ACCELERATOR, Label.DEVICE):
        if counter.get(label):
            return label
    return counter.most_common(1)[0][0]
