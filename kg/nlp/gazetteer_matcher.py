"""The ``paperkg_gazetteer`` component: known names of a gazetteer, matched on
their folded form over windows of up to ``gazetteer.max_tokens`` tokens, longest
first. Its data come from its config (see :mod:`kg.nlp.components`)::

    nlp.add_pipe("paperkg_gazetteer")  # the packaged gazetteer
    nlp.add_pipe("paperkg_gazetteer", config={"gazetteer": {"@misc": "paperkg.gazetteer.v1", "entries": [...]}})
"""

from __future__ import annotations

from itertools import compress

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.link import FOLDED, entity_key, fold
from kg.memo import BoundedMemo
from kg.nlp.components import MentionComponent, PACKAGED_GAZETTEER, METRIC
from kg.nlp.docview import set_mention_info, tokens
from kg.nlp.math_names import with_math_names
from kg.nlp.token_shape import CJK, JOINER, TOKEN_CLASS
from kg.resources import Entry, Gazetteer


def _ascii_letters(text: str) -> list[str]:
    return [c for c in text if c.isalpha() and c.isascii()]


def _has_digit(text: str) -> bool:
    """A decimal digit: a superscript (``m²``) is a power, not a version."""
    return any(c.isdecimal() for c in text)


def _case_ok(surface: str, entry: Entry) -> bool:
    """Reject case-folded matches that are ordinary words (``math`` vs MATH)
    and powers read as versions (``M^3`` is no Apple M3)."""
    if "^" in surface and "^" not in entry.name:
        return False
    letters = _ascii_letters(surface)
    if not letters:
        return True
    name_letters = _ascii_letters(entry.name)
    if surface.islower() and any(c.isupper() for c in name_letters) and not _has_digit(surface):
        return False
    if len(name_letters) <= 5:
        return _short_case_ok(surface, letters, entry.name, name_letters)
    return True


def _short_case_ok(surface: str, letters: list[str], name: str, name_letters: list[str]) -> bool:
    """:func:`_case_ok` for a name of five ASCII letters at most (``letters``,
    ``name_letters``: the ASCII letters of ``surface`` and ``name``)."""
    if name_letters and all(c.isupper() for c in name_letters):
        return all(c.isupper() for c in letters) or _has_digit(surface)
    if any(c.isupper() for c in name_letters) and any(c.islower() for c in name_letters):
        # short mixed-case names (vLLM, SigLIP) must keep their case: VLLM is generic;
        # a capitalised word of five letters is the name written as a word (Llama for LLaMA)
        return letters == name_letters or fold(surface) != fold(name) or (len(letters) >= 5 and surface.istitle())
    return True


def first_token_index(gaz: Gazetteer) -> set[str]:
    """Every prefix of every folded gazetteer key (and of its vendor-less
    form).  A window whose folded first token is no such prefix cannot
    match, so most tokens are skipped at once."""
    prefixes = set()
    for surface in gaz.surfaces():
        for key in {fold(surface), entity_key(surface, hardware=True)}:
            prefixes.update(key[:k] for k in range(1, len(key) + 1))
    return prefixes


def metric_prefixes(gaz: Gazetteer, firsts: set[str]) -> set[str]:
    """The prefixes in ``firsts`` of the gazetteer's metric keys: inside a
    Chinese word only a metric may match (``准确率`` of ``平均准确率``), so a
    window that starts there walks these instead of every prefix."""
    return {p for k in gaz.keys_of_type(METRIC) for p in (k[:n] for n in range(1, len(k) + 1))} & firsts


def window_starts(firsts: set[str]) -> BoundedMemo:
    """Memo ``token text -> bool``: True when a gazetteer window may start
    on the token (a name token or CJK character, not a joiner, whose folded
    form begins some key in ``firsts``).  One dict lookup per token instead
    of folding, classifying and testing it."""

    def opens(text: str) -> bool:
        c = TOKEN_CLASS[text]
        return bool(c) and not c & JOINER and FOLDED[text] in firsts

    return BoundedMemo(opens)


class GazetteerMatcher(MentionComponent):
    """Known names of a :class:`~kg.resources.Gazetteer`: ``matcher(doc)``
    sets the Doc's mentions (``doc.spans["kg"]``) to :meth:`match`'s spans
    (:meth:`set_annotations`).  Holds what is derived from the gazetteer
    once: ``firsts`` (:func:`first_token_index`), ``opens``
    (:func:`window_starts`) and ``metric_firsts`` (:func:`metric_prefixes`)."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self.firsts = first_token_index(gaz)
        self.opens = window_starts(self.firsts)
        self.metric_firsts = metric_prefixes(gaz, self.firsts)

    def match(self, doc: Doc) -> list[Span]:
        """Return non-overlapping spans of known names, longest match first,
        labelled with the entry's type; each span's
        :class:`~kg.nlp.docview.MentionInfo` gets the entry and source
        ``gazetteer``.

        Windows of up to ``gaz.max_tokens`` tokens that start on a token that
        begins some name and hold only name tokens and joiners (``-`` ``.``
        ``+``, and ``*`` inside a name: ``V* Bench``) are looked up by their
        folded text.  Known names written as inline math (``$\\pi_{0.5}$``) are
        added by :func:`~kg.nlp.math_names.with_math_names`.
        """
        firsts = self.firsts
        table = tokens(doc)
        words = table.words
        n = len(words)
        folded = FOLDED
        classes = table.classes
        spans: list[Span] = []
        nxt = 0  # first token not inside a match
        max_tokens = self.gaz.max_tokens
        for i in compress(range(n), map(self.opens.__getitem__, words)):
            if i < nxt:
                continue
            cjk = classes[i] & CJK
            # inside a longer Chinese word only a metric may match: walk its prefixes only
            inside = cjk and i > 0 and classes[i - 1] & CJK
            prefixes = self.metric_firsts if inside else firsts
            # window ends whose folded text is still a prefix of some key, with that text
            ends = []
            key = ""
            for j in range(i, min(n, i + max_tokens)):
                cj = classes[j]
                if not cj and (j == i or words[j] != "*"):
                    break  # '*' may sit inside a known name ('V* Bench'), never open one
                key += folded[words[j]]
                if key not in prefixes:
                    break
                if not cj & JOINER:
                    ends.append((j + 1, key))
            hit = self._longest(doc, table, i, ends, bool(cjk), bool(inside)) if ends else None
            if hit is not None:
                spans.append(hit)
                nxt = hit.end
        return with_math_names(doc, self.gaz, spans)  # '$\\pi_{0.5}$': a known name written as math

    def _longest(self, doc: Doc, table, i: int, ends: list[tuple[int, str]], cjk: bool, inside: bool) -> Span | None:
        """The longest window from token ``i`` (``ends``: its ends with their
        folded text, shortest first) that names an entry: not generic, in an
        accepted case, two tokens at least from a CJK token (``cjk``), and only
        a metric ``inside`` a longer Chinese word."""
        gaz = self.gaz
        for j, key in reversed(ends):
            if cjk and j - i < 2:
                continue
            entry = gaz.lookup_key(key)
            if entry is None:
                continue
            surface = table.text(i, j)
            if gaz.is_generic(surface) or not _case_ok(surface, entry):
                continue
            if surface != entry.name and gaz.is_common_word(surface) and fold(surface) == fold(entry.name):
                continue  # 'Quality' (a word) is no QuALITY: a common word matches only as written
            if inside and entry.type != METRIC:
                continue  # inside a longer Chinese word
            hit = Span(doc, i, j, label=entry.type)
            set_mention_info(hit, entry=entry, source="gazetteer")
            return hit
        return None


@Language.factory("paperkg_gazetteer", default_config={"gazetteer": PACKAGED_GAZETTEER})
def make_gazetteer_matcher(nlp: Language, name: str, gazetteer: Gazetteer) -> GazetteerMatcher:
    """Factory: the gazetteer matcher over the config's ``gazetteer``
    (default: the packaged ``kg/data/gazetteer``)."""
    return GazetteerMatcher(gazetteer)
