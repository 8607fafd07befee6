"""The spaCy pipeline: a tokenizer for mixed Chinese/English ML text and
rule-based components that mark entity mentions.

Built on ``spacy.blank("xx")`` — no trained model is needed or downloaded.

Pipeline (``build_pipeline()``):

* tokenizer ``PaperTokenizer``: keeps names such as ``Qwen2.5-VL-7B``,
  ``A100-80GB`` and scores such as ``78.23%`` whole, splits Chinese per
  character, and keeps every whitespace run as a token so that
  ``doc.text`` is the input text and character offsets map back to lines.
  The tokenizer also marks sentence starts: after 。！？；, line ends, and
  ``. `` in English.
* ``paperkg_gazetteer``: known names (``kg/data/gazetteer``), matched on
  their folded form over windows of up to 8 tokens, longest first.
* ``paperkg_shapes``: names never seen before, found by their shape
  (``Foo-VL-13B``, ``BarBench``, ``ThinkARM``, ``Terminal Bench Pro``) and
  context, typed by suffix and neighbouring cue words (数据集, benchmark, 模型).

Mentions are written to ``doc.spans["kg"]`` (overlap-free, file order) with
the label (``Model`` ``Method`` ``Dataset`` ``Benchmark`` ``Metric``
``Accelerator`` ``Device``) and a :class:`MentionInfo` (``span._.kg_entry``:
the gazetteer :class:`~kg.resources.Entry` or None for new names, and
``kg_source``, ``kg_name``, ``kg_decided``).  PaperKG's own code reads and
writes them with :func:`mention_spans` / :func:`set_mention_spans` and
:func:`mention_info` / :func:`set_mention_info`, which give the same values
without spaCy rebuilding a Span per mention and an accessor per ``span._``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, compress
from operator import add

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.cues import sensor_regex
from kg.link import FOLDED, entity_key, fold, sensor_name
from kg.memo import BoundedMemo
from kg.resources import Entry, Gazetteer, gazetteer, patterns


# --- mentions: the Doc's spans and what is known of each -------------------
class MentionInfo:
    """What the components know of a mention besides its label.

    ``entry``: the gazetteer :class:`~kg.resources.Entry` (None for a new
    name); ``source``: the rule that found it (``gazetteer`` ``shape``
    ``gloss`` ``hardware`` ``paper``); ``name``: its canonical name when it
    differs from the text; ``decided``: False when its type is only a default.

    Kept per Doc and keyed by the span's character offsets, exactly as
    spaCy keys ``span._`` values (two spans over the same characters share
    them), and also readable as ``span._.kg_entry`` … through getters; reading
    it with :func:`mention_info` costs ~0.3 µs instead of ~3 µs for ``span._``.
    """

    __slots__ = ("entry", "source", "name", "decided")

    def __init__(self):
        self.entry = self.source = self.name = None
        self.decided = True


_NO_INFO = MentionInfo()  # what a span nothing was said of reads (never written)
_INFO = "kg_info"  # doc.user_data key: {(start_char, end_char): MentionInfo}
_SPANS = "kg_span_list"  # doc.user_data key: (SpanGroup, [Span, ...]) of doc.spans["kg"]


def mention_info(span: Span) -> MentionInfo:
    """The :class:`MentionInfo` of ``span`` (read-only: set it with
    :func:`set_mention_info`)."""
    table = span.doc.user_data.get(_INFO)
    return _NO_INFO if table is None else table.get((span.start_char, span.end_char), _NO_INFO)


def set_mention_info(span: Span, **fields) -> None:
    """Set fields of ``span``'s :class:`MentionInfo` (``entry=``,
    ``source=``, ``name=``, ``decided=``); raises AttributeError for another
    name."""
    table = span.doc.user_data.setdefault(_INFO, {})
    key = (span.start_char, span.end_char)
    info = table.get(key)
    if info is None:
        info = table[key] = MentionInfo()
    for attr, value in fields.items():
        setattr(info, attr, value)


def _info_extension(attr: str) -> None:
    def getter(span):
        return getattr(mention_info(span), attr)

    def setter(span, value):
        set_mention_info(span, **{attr: value})

    Span.set_extension(f"kg_{attr}", getter=getter, setter=setter, force=True)


for _attr in MentionInfo.__slots__:
    _info_extension(_attr)  # span._.kg_entry, span._.kg_source, span._.kg_name, span._.kg_decided


def mention_spans(doc: Doc) -> list[Span]:
    """The mentions of ``doc`` (``doc.spans["kg"]``) as a new list of the
    Span objects last set with :func:`set_mention_spans` (iterating the
    SpanGroup builds every Span again, ~2 µs each).  Spans set on
    ``doc.spans["kg"]`` directly are read from it."""
    group = doc.spans.get("kg")
    if group is None:
        return []
    cached = doc.user_data.get(_SPANS)
    if cached is None or cached[0] is not group or len(cached[1]) != len(group):
        cached = doc.user_data[_SPANS] = (group, list(group))
    return list(cached[1])


def set_mention_spans(doc: Doc, spans: list[Span]) -> None:
    """Set the mentions of ``doc`` (``doc.spans["kg"]``, and the list
    :func:`mention_spans` returns)."""
    doc.spans["kg"] = spans
    doc.user_data[_SPANS] = (doc.spans["kg"], list(spans))


# --- tokenizer -------------------------------------------------------------
_LATIN = r"A-Za-z0-9\u00C0-\u024F\u0370-\u03FF"
# One token per match: whitespace runs (other than a single space), scores
# with a percent sign, Latin names with inner . - ' + _ (only when followed
# by a letter/digit), single CJK characters, and any other character.
# (CJK first: the most frequent token; no two alternatives match at the same
# place except pct/name, where pct must come first, and cjk/other.)
_CJK_CHAR = r"[\u3400-\u9fff\uf900-\ufaff]"
_TOKEN_RE = re.compile(
    rf"(?P<cjk>{_CJK_CHAR})"
    rf"|(?P<ws>\s+)"
    rf"|(?P<pct>\d+(?:\.\d+)?%)"
    rf"|(?P<name>[{_LATIN}](?:[{_LATIN}_+\u00B2\u00B3\u00B9]|[.\-'’@](?=[{_LATIN}]))*)"
    rf"|(?P<other>\S)"
)
# The same tokens as (token, CJK run, trailing space) triples for
# ``findall``: a whitespace run that is exactly one space is the trailing
# space of the token before it (whitespace runs are maximal, so that token is
# never whitespace itself); any other whitespace run is a token.  Two or more
# CJK characters in a row are one match (``run``), which the tokenizer splits
# into one token per character: a third of the matches, ~35 % less time.
_PAIR_RE = re.compile(
    f"((?P<run>{_CJK_CHAR}{{2,}})|" + re.sub(r"\(\?P<\w+>", "(?:", _TOKEN_RE.pattern) + r")( (?!\s))?"
)
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
# Chinese characters and full-width punctuation (。，：（）) mark Chinese prose.
_CJK_CONTEXT_RE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


class PaperTokenizer:
    """Callable ``text -> Doc`` for mixed Chinese/English text.

    Invariant: ``tokenizer(text).text == text``.
    """

    def __init__(self, vocab):
        self.vocab = vocab
        # token text -> its ID in the vocabulary's string store (added there):
        # a Doc built from IDs finds each lexeme by ID, ~3x faster than from
        # strings, which it hashes and looks up twice per token
        self._orth = BoundedMemo(vocab.strings.add)

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for token, run, space in _PAIR_RE.findall(text):
            if run:  # one token per character, the last one takes the trailing space
                words += run
                spaces += [False] * (len(run) - 1)
            else:
                words.append(token)
            spaces.append(space == " ")
        doc = Doc(self.vocab, words=list(map(self._orth.__getitem__, words)), spaces=spaces)
        if words:
            # what Doc(..., sent_starts=...) does, without its per-token Python loop
            starts = sentence_starts(words, spaces)
            flags = numpy.full(len(words), -1, dtype=numpy.int32)
            flags[starts] = 1
            doc.from_array([SENT_START], flags.astype(numpy.uint64))
            doc.user_data["kg_sent_starts"] = starts
        doc.user_data["kg_tokens"] = TokenTable.from_words(words, spaces)
        doc.user_data["kg_text"] = text
        return doc

    def to_disk(self, *_a, **_k):  # pragma: no cover - spaCy serialisation hook
        pass

    def from_disk(self, *_a, **_k):  # pragma: no cover
        return self


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it on every access)."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text``, sliced from the Doc's text (spaCy joins the span's
    token texts on every access)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


class TokenTable:
    """Plain lists of a Doc's token texts, trailing spaces and character
    offsets, built once per Doc: reading ``doc[i].text`` creates a Token
    object on every access, which dominated the matchers' time."""

    __slots__ = ("words", "ws", "idx", "ends", "_classes")

    def __init__(self, doc: Doc):
        self.words, self.ws, self.idx = [], [], []
        for t in doc:
            self.words.append(t.text)
            self.ws.append(bool(t.whitespace_))
            self.idx.append(t.idx)
        self.ends = [i + len(w) for i, w in zip(self.idx, self.words)]

    @classmethod
    def from_words(cls, words: list[str], spaces: list[bool]) -> TokenTable:
        """Build the table from the tokenizer's own lists (no Doc walk)."""
        self = cls.__new__(cls)
        self.words, self.ws = words, spaces
        lens = list(map(len, words))
        self.idx = [0, *accumulate(map(add, lens, spaces))][: len(words)]
        self.ends = list(map(add, self.idx, lens))
        return self

    @property
    def classes(self) -> list[int]:
        """:func:`token_class` of every token (computed on first use)."""
        try:
            return self._classes
        except AttributeError:
            self._classes = list(map(_TOKEN_CLASS.__getitem__, self.words))
            return self._classes

    def text(self, start: int, end: int) -> str:
        """Text of tokens [start, end) as in the Doc."""
        return "".join(self.words[k] + (" " if self.ws[k] else "") for k in range(start, end - 1)) + self.words[end - 1]


def tokens(doc: Doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc`` (cached in ``doc.user_data``)."""
    table = doc.user_data.get("kg_tokens")
    if table is None:
        table = doc.user_data["kg_tokens"] = TokenTable(doc)
    return table


# --- token classes -----------------------------------------------------------
def is_name_token(text: str) -> bool:
    """True for a Latin name-like token (letters/digits, maybe with - . + ')."""
    return bool(text) and (text[0].isascii() and text[0].isalnum() or "\u00c0" <= text[0] <= "\u03ff")


def is_cjk(text: str) -> bool:
    return bool(_CJK_RE.match(text))


# --- sentence boundaries -----------------------------------------------------
_SENT_END = set("。！？；!?;")


#: token text -> True when the token ends a sentence whatever follows (。！？；!?; or a line end)
_ENDS_SENTENCE = BoundedMemo(lambda t: t in _SENT_END or "\n" in t)


def sentence_starts(words: list[str], spaces: list[bool]) -> list[int]:
    """Indices of the tokens that start a sentence, ascending: the first
    token, a token after 。！？；!?; or a line end, and a token after an
    English full stop followed by whitespace (``spaces[k]``: token ``k`` has
    a trailing space).  Token texts are looked up in a memo and full stops
    found with ``list.index``: no Python code runs per token."""
    if not words:
        return []
    n = len(words)
    starts = [0, *(k + 1 for k in compress(range(n - 1), map(_ENDS_SENTENCE.__getitem__, words)))]
    after_stop = []
    k = -1
    while True:
        try:
            k = words.index(".", k + 1, n - 1)
        except ValueError:
            break
        if spaces[k] or words[k + 1].isspace():
            after_stop.append(k + 1)
    return sorted(starts + after_stop) if after_stop else starts  # ("." is no _SENT_END: no index twice)


def sentences(doc: Doc) -> list[Span]:
    """The sentences of a Doc, computed once (``doc.sents`` and ``span.sent``
    rescan the whole Doc on every call)."""
    sents = doc.user_data.get("kg_sents")
    if sents is None:
        sents = doc.user_data["kg_sents"] = list(doc.sents)
    return sents


class Sentence:
    """A sentence as plain data: token span, character span and text."""

    __slots__ = ("start", "end", "start_char", "end_char", "text")

    def __init__(self, start, end, start_char, end_char, text):
        self.start, self.end = start, end
        self.start_char, self.end_char, self.text = start_char, end_char, text


def plain_sentences(doc: Doc) -> list[Sentence]:
    """:func:`sentences` as :class:`Sentence` objects (no spaCy objects
    are created when their text or offsets are read).  For a Doc of
    :class:`PaperTokenizer` they are cut at the sentence starts the
    tokenizer set, without walking ``doc.sents``."""
    out = doc.user_data.get("kg_plain_sents")
    if out is None:
        t, text = tokens(doc), doc_text(doc)
        firsts = _sentence_starts(doc)
        out = []
        for start, end in zip(firsts, firsts[1:] + [len(t.words)]):
            a, b = t.idx[start], t.ends[end - 1]
            out.append(Sentence(start, end, a, b, text[a:b]))
        doc.user_data["kg_plain_sents"] = out
    return out


def _sentence_starts(doc: Doc) -> list[int]:
    """Token index of the first token of every sentence (cached)."""
    starts = doc.user_data.get("kg_sent_starts")
    if starts is None:
        starts = doc.user_data["kg_sent_starts"] = [s.start for s in sentences(doc)]
    return starts


def sentence_of(span: Span) -> Sentence:
    """The sentence that contains ``span``, as a :class:`Sentence` (its
    ``text``, ``start_char`` … are read without building spaCy tokens),
    found by binary search over the sentence starts."""
    doc = span.doc
    return plain_sentences(doc)[max(0, bisect_right(_sentence_starts(doc), span.start) - 1)]


# --- gazetteer matching ------------------------------------------------------
_JOINERS = {"-", ".", "+", "·", "&"}


def _case_ok(surface: str, entry: Entry) -> bool:
    """Reject case-folded matches that are ordinary words (``math`` vs MATH)."""
    letters = [c for c in surface if c.isalpha() and c.isascii()]
    if not letters:
        return True
    name_letters = [c for c in entry.name if c.isalpha() and c.isascii()]
    if surface.islower() and any(c.isupper() for c in name_letters) and not any(c.isdigit() for c in surface):
        return False
    if name_letters and all(c.isupper() for c in name_letters) and len(name_letters) <= 5:
        return all(c.isupper() for c in letters) or any(c.isdigit() for c in surface)
    if len(name_letters) <= 5 and any(c.isupper() for c in name_letters) and any(c.islower() for c in name_letters):
        # short mixed-case names (vLLM, SigLIP) must keep their case: VLLM is generic;
        # a capitalised word of five letters is the name written as a word (Llama for LLaMA)
        return letters == name_letters or fold(surface) != fold(entry.name) or (len(letters) >= 5 and surface.istitle())
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


# Token classes (bit flags), memoised per token text.
_CJK, _JOINER, _NAME, _BREAKER = 1, 2, 4, 8
# Words that separate two names rather than join them (``A vs B``).
_RUN_BREAKERS = {"vs", "versus"}


def token_class(text: str) -> int:
    """Bit flags of a token text: ``_CJK`` (a CJK character), ``_JOINER``
    (``-`` ``.`` ``+`` ``·`` ``&``), ``_NAME`` (:func:`is_name_token`),
    ``_BREAKER`` (``vs``, ``versus``: never inside a run of names)."""
    return (
        (_CJK * is_cjk(text))
        | (_JOINER * (text in _JOINERS))
        | (_NAME * is_name_token(text))
        | (_BREAKER * (text.casefold() in _RUN_BREAKERS))
    )


_TOKEN_CLASS = BoundedMemo(token_class)  # token_class of every token, memoised


def metric_prefixes(gaz: Gazetteer, firsts: set[str]) -> set[str]:
    """The prefixes in ``firsts`` of the gazetteer's metric keys: inside a
    Chinese word only a metric may match (``准确率`` of ``平均准确率``), so a
    window that starts there walks these instead of every prefix."""
    return {p for k in gaz.keys_of_type("Metric") for p in (k[:n] for n in range(1, len(k) + 1))} & firsts


def window_starts(firsts: set[str]) -> BoundedMemo:
    """Memo ``token text -> bool``: True when a gazetteer window may start
    on the token (a name token or CJK character, not a joiner, whose folded
    form begins some key in ``firsts``).  One dict lookup per token instead
    of folding, classifying and testing it."""

    def opens(text: str) -> bool:
        c = _TOKEN_CLASS[text]
        return bool(c) and not c & _JOINER and FOLDED[text] in firsts

    return BoundedMemo(opens)


class GazetteerMatcher:
    """Known names (``kg/data/gazetteer``): ``matcher(doc)`` sets the Doc's
    mentions to :meth:`match`'s spans.  Holds what is derived from the
    gazetteer once: ``firsts`` (:func:`first_token_index`), ``opens``
    (:func:`window_starts`) and ``metric_firsts`` (:func:`metric_prefixes`)."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self.firsts = first_token_index(gaz)
        self.opens = window_starts(self.firsts)
        self.metric_firsts = metric_prefixes(gaz, self.firsts)

    def __call__(self, doc: Doc) -> Doc:
        set_mention_spans(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Span]:
        """Return non-overlapping spans of known names, longest match first.

        Windows of up to ``gaz.max_tokens`` tokens that start on a token that
        begins some name and hold only name tokens and joiners (``-`` ``.``
        ``+``) are looked up by their folded text.
        """
        gaz, firsts = self.gaz, self.firsts
        table = tokens(doc)
        words = table.words
        n = len(words)
        folded = FOLDED
        classes = table.classes
        spans: list[Span] = []
        nxt = 0  # first token not inside a match
        max_tokens = gaz.max_tokens
        for i in compress(range(n), map(self.opens.__getitem__, words)):
            if i < nxt:
                continue
            cjk = classes[i] & _CJK
            # inside a longer Chinese word only a metric may match: walk its prefixes only
            inside = cjk and i > 0 and classes[i - 1] & _CJK
            prefixes = self.metric_firsts if inside else firsts
            # window ends whose folded text is still a prefix of some key, with that text
            ends = []
            key = ""
            for j in range(i, min(n, i + max_tokens)):
                cj = classes[j]
                if not cj:
                    break
                key += folded[words[j]]
                if key not in prefixes:
                    break
                if not cj & _JOINER:
                    ends.append((j + 1, key))
            for j, key in reversed(ends):
                if cjk and j - i < 2:
                    continue
                entry = gaz.lookup_key(key)
                if entry is None:
                    continue
                surface = table.text(i, j)
                if gaz.is_generic(surface) or not _case_ok(surface, entry):
                    continue
                if inside and entry.type != "Metric":
                    continue  # inside a longer Chinese word
                hit = Span(doc, i, j, label=entry.type)
                set_mention_info(hit, entry=entry, source="gazetteer")
                spans.append(hit)
                nxt = j
                break
        return spans


@Language.factory("paperkg_gazetteer")
def make_gazetteer_matcher(nlp: Language, name: str):
    """Factory: the gazetteer matcher over ``kg/data/gazetteer``."""
    return GazetteerMatcher(gazetteer())


# --- new names by shape --------------------------------------------------------
# Tokens that look like quantities, not names: 7B, 1.5B, 4K, 3D, 2nd, x4, v2,
# 8x, 1080p, 30fps, 80GB, years.
_UNIT_RE = re.compile(
    r"^(?:\d+(?:\.\d+)?[kmbtKMBT]?|\d+[dD]|\d+(?:st|nd|rd|th)|[xX]\d+|\d+[xX]|[vV]\d+(?:\.\d+)?"
    r"|\d+[pP]|\d+fps|\d+(?:\.\d+)?(?:GB|MB|TB|ms|s|h|min|M|B|K|k|G|Hz|W|mm|cm|nm|px)|(?:19|20)\d\d|\d+(?:\.\d+)?"
    r"|\d+-?bits?|(?:u?int|fp|bf|q)\d+(?:\.\d+)?|w\d+a\d+|\d+(?:\.\d+)?[x×]|\d+-?nn)$",
    re.IGNORECASE,
)
# Metric-like tokens (top-1, pass@1, R@5, Hit@10) are not system names.
_METRIC_TOKEN_RE = re.compile(r"^(?:top|pass|recall|hr|hit|ndcg|mrr|map|ap|acc|r|p|f)[-@]?\d+$", re.I)
_INNER_CAP_RE = re.compile(r"[a-z\u0370-\u03FF][A-Z]|[A-Z]{2,}[a-z]{2,}")
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&]{1,9}s?$")
_TITLE_RE = re.compile(r"^[A-Z][a-z\u00C0-\u024F]+$")
_OPEN_PAREN = {"(", "（"}
# Lower-case words allowed inside a multi-word name (``Zooming without Zooming``).
_FUNCTION_WORDS = {"of", "for", "with", "without", "and", "in", "on", "to", "the", "a", "as", "via", "from"}
_CLOSE_PAREN = {")", "）"}


@lru_cache(maxsize=65_536)
def name_shape(text: str) -> str | None:
    """Classify a single token by shape (cached per text).

    Returns ``"strong"`` (digits+letters, inner capitals, capitalised
    hyphen parts), ``"acronym"`` (``LIVR``), ``"title"`` (``Spatia``) or
    None for ordinary words and quantities.
    """
    if not is_name_token(text) or _UNIT_RE.match(text) or _METRIC_TOKEN_RE.match(text):
        return None
    if all(_UNIT_RE.match(p) for p in re.split(r"[-~/]", text) if p):
        return None  # a range of quantities: 20k-5M
    has_alpha = any(c.isalpha() for c in text)
    if not has_alpha:
        return None
    if any(c.isdigit() for c in text) and len(text) >= 2:
        return "strong"
    if _INNER_CAP_RE.search(text):
        return "strong"
    if "-" in text or "." in text:
        parts = re.split(r"[-.]", text)
        if any(
            (len(p) >= 2 and p.isupper()) or _INNER_CAP_RE.search(p) or any("\u0370" <= c <= "\u03ff" for c in p)
            for p in parts
        ):
            return "strong"
        if re.search(r"(?i)(bench|eval)$", parts[-1]) and parts[-1][0].isupper():
            return "strong"
        return "title" if text[0].isupper() and all(parts) else None
    if any("\u0370" <= c <= "\u03ff" for c in text) and len(text) >= 2:
        return "strong"
    if _ACRONYM_RE.match(text):
        return "acronym"
    if _TITLE_RE.match(text):
        return "title"
    return None


def _in_gloss(doc: Doc, start: int, end: int) -> bool:
    """True when tokens [start, end) open a parenthesis right after Chinese
    text or after a name — a translation gloss such as ``强化学习 (RL)`` or an
    expansion such as ``ZwZ (Zooming without Zooming)``."""
    words = tokens(doc).words
    j = start - 1
    while j >= 0 and words[j].isspace():
        j -= 1
    if j < 0 or words[j] not in _OPEN_PAREN:
        return False
    k = j - 1
    while k >= 0 and (words[k].isspace() or words[k] in {"*", "”", "“", '"'}):
        k -= 1
    return k >= 0 and (is_cjk(words[k]) or name_shape(words[k]) is not None)


def _chinese_context(doc: Doc, start: int, end: int, width: int = 8) -> bool:
    """True when Chinese characters stand within ``width`` characters of
    tokens [start, end) — the run sits in Chinese prose, not English."""
    t = tokens(doc)
    a, b = t.idx[start], t.ends[end - 1]
    text = doc_text(doc)
    return bool(_CJK_CONTEXT_RE.search(text[max(0, a - width) : a]) or _CJK_CONTEXT_RE.search(text[b : b + width]))


#: token text -> True for a Latin name token that is no run breaker (vs, versus)
_IN_LATIN_RUN = BoundedMemo(lambda text: _TOKEN_CLASS[text] & (_NAME | _BREAKER) == _NAME)


def _latin_runs(doc: Doc, taken: set[int]):
    """Yield (start, end) of maximal runs of Latin name tokens joined by
    single spaces or hyphens, not overlapping ``taken``."""
    t = tokens(doc)
    words, ws = t.words, t.ws
    n = len(words)
    ok = list(map(_IN_LATIN_RUN.__getitem__, words))
    for k in taken:
        ok[k] = False
    end = 0
    for i in compress(range(n), ok):
        if i < end:
            continue
        j = i + 1
        while j < n and ok[j] and ws[j - 1]:
            j += 1
        yield i, j
        end = j


#: head nouns after a name that make it a metric ('DeSync 指标'), casefolded
_METRIC_HEADS = ("指标", "metric")
_CALLED_RE = re.compile(r"[\s*“”\"「」]*(?:名为|称为|叫做|named|called|dubbed)?[\s*“”\"「」]*$")
_BENCHMARK_WORD_RE = re.compile(r"(?i)bench|eval|arena|qa")


def _folded_cues(words: list[str]) -> tuple[str, ...]:
    """Cue words casefolded, longest first (a tuple for ``startswith``)."""
    return tuple(w.casefold() for w in sorted(words, key=len, reverse=True))


class ShapeMatcher:
    """Find names that are in no gazetteer, by token shape and context.

    Chinese-context rules accept runs of capitalised Latin words
    (``Terminal Bench Pro``) and single capitalised words (``Spatia``);
    English-context rules accept only strong single-token shapes
    (``RefVFX``, ``Foo-VL-13B``) and acronyms, since capitalised words start
    every English sentence.
    """

    def __init__(self, gaz: Gazetteer, pats: dict):
        self.gaz = gaz
        self.stop = {w.casefold() for w in _ENGLISH_STOP}
        self.dataset_name = re.compile(pats["dataset_name_re"])
        self.model_size = re.compile(pats["model_size_re"])
        # cue words casefolded, as tuples for str.startswith / str.endswith
        self.dataset_cues = _folded_cues(pats["dataset_cue"])
        self.model_cues = _folded_cues(pats["model_cue"])
        self.method_cues = _folded_cues(pats["method_cue"])
        self.device_cues = _folded_cues(pats["device_cue"])

    def __call__(self, doc: Doc) -> Doc:
        known = mention_spans(doc)
        taken = {t for s in known for t in range(s.start, s.end)}
        new: list[Span] = []
        undecided: set[tuple[int, int]] = set()
        for start, end in _latin_runs(doc, taken):
            for s, e, source in self._names_in_run(doc, start, end, _chinese_context(doc, start, end)):
                label, decided = self._type(doc, s, e)
                span = Span(doc, s, e, label=label)
                set_mention_info(span, source=source, decided=decided)
                new.append(span)
                if not decided:
                    undecided.add((s, e))
        spans = sorted(known + new, key=lambda s: s.start)
        spans = self._listed_compounds(doc, spans, undecided)
        set_mention_spans(doc, self._retype_by_neighbours(doc, spans, undecided))
        return doc

    # a compound of capitalised words right after a list separator or right before one
    _LISTED_COMPOUND_RE = re.compile(r"(?<=[,，、和与及\s])[A-Z][a-z]+(?:-[A-Z][A-Za-z]+)+(?![\w\-.])")
    _SEP_RE = re.compile(r"\s*(?:,|，|、|和|与|及|and)\s*")

    def _listed_compounds(self, doc: Doc, spans: list[Span], undecided: set) -> list[Span]:
        """A compound of capitalised words (``Quill-Anything``) listed right
        beside a name (``A, Quill-Anything, B``) is a name too: in English
        prose such compounds are left out unless a list says so."""
        text = doc_text(doc)
        added = []
        starts = ends = None
        for m in self._LISTED_COMPOUND_RE.finditer(text):
            if starts is None:
                starts = {s.start_char for s in spans}
                ends = {s.end_char for s in spans}
            a, b = m.span()
            if a in starts or self.gaz.is_generic(m.group()):
                continue
            left = any(self._SEP_RE.fullmatch(text[e:a]) for e in range(max(0, a - 6), a) if e in ends)
            after = self._SEP_RE.match(text, b)
            if not (left or (after and after.end() in starts)):
                continue
            span = doc.char_span(a, b, alignment_mode="strict")
            if span is None or len(span) != 1:
                continue
            label, decided = self._type(doc, span.start, span.end)
            span = Span(doc, span.start, span.end, label=label)
            set_mention_info(span, source="shape", decided=decided)
            added.append(span)
            if not decided:
                undecided.add((span.start, span.end))
        return sorted(spans + added, key=lambda s: s.start) if added else spans

    _LIST_SEP_RE = re.compile(
        r"^(?:\s*[（(][^()（）]{0,20}[)）])?[\s*“”\"]*(?:、|和|与|及|以及|,|，|and|or)?[\s*“”\"]*$"
    )
    _IN_FRAME_BEFORE = re.compile(r"在[\s*“”\"]*$")
    _IN_FRAME_AFTER = re.compile(r"^[^，。、；,;]{0,15}?上")
    # a score or a gain, its metric, then 'on X': '+2.4 mAA on X', '71.3% accuracy on X', '(1m, 5°) on X'
    _SCORE_ON_BEFORE = re.compile(r"\d(?:%|\$)?\s*(?:[(（][^()（）]{0,20}[)）]\s*|[A-Za-z@\-]+\s+){0,2}(?:on|in)\s+$")

    def _retype_by_neighbours(self, doc: Doc, spans: list[Span], undecided: set) -> list[Span]:
        """Type names that suffix and cue left open from their context: a
        name listed with a dataset (``PhyGenBench 和 VideoPhy2``), framed as
        ``在 X 上`` or after a score and ``on`` (``+2.4 mAA on X``) is a dataset."""
        labels = [s.label_ for s in spans]
        listed_by = [False] * len(spans)
        text = doc_text(doc)
        for i, span in enumerate(spans):
            if (span.start, span.end) not in undecided:
                continue
            before = text[max(0, span.start_char - 4) : span.start_char]
            after = text[span.end_char : span.end_char + 20]
            framed = (
                self._IN_FRAME_BEFORE.search(before)
                and self._IN_FRAME_AFTER.match(after)
                and "模型" not in after.split("上")[0]
                and "之上" not in after[:16]
            )
            framed = framed or self._SCORE_ON_BEFORE.search(text[max(0, span.start_char - 40) : span.start_char])
            listed = any(
                0 <= j < len(spans)
                and labels[j] in ("Dataset", "Benchmark")
                and self._LIST_SEP_RE.match(
                    text[min(span.end_char, spans[j].end_char) : max(span.start_char, spans[j].start_char)]
                )
                for j in (i - 1, i + 1)
            )
            if framed or listed:
                labels[i] = "Dataset"
                listed_by[i] = bool(listed)
        out = []
        for span, label, strong in zip(spans, labels, listed_by):
            if label != span.label_:
                new = Span(doc, span.start, span.end, label=label)
                # (same characters: ``new`` shares the MentionInfo of ``span``)
                set_mention_info(new, decided=strong)  # a list neighbour is strong evidence, a 在…上 frame weak
                span = new
            out.append(span)
        return out

    def _names_in_run(self, doc: Doc, start: int, end: int, chinese: bool):
        table = tokens(doc)
        words = table.words[start:end]
        shapes = list(map(name_shape, words))
        if _in_gloss(doc, start, end):
            # a gloss is a name when strongly name-shaped; otherwise it is
            # marked "gloss" and kept only if the paper proposes it or uses
            # it elsewhere (decided by the extractor)
            if end - start == 1 and shapes[0] == "strong" and _INNER_CAP_RE.search(words[0]):
                yield start, end, "shape"
            elif end - start == 1 and self.gaz.is_common_word(words[0]):
                return
            elif (
                end - start <= 5
                and words[0][:1].isupper()
                and words[-1][:1].isupper()
                and all(s is not None or w[:1].isupper() or w in _FUNCTION_WORDS for w, s in zip(words, shapes))
                and not self.gaz.is_generic(table.text(start, end))
                and not all(self.gaz.is_generic(w) or w.casefold() in self.stop for w in words)
            ):
                yield start, end, "gloss"
            return
        if chinese and end - start >= 2:
            ok = all(
                s is not None or (w[:1].isupper() and w.casefold() not in self.stop) or _UNIT_RE.match(w)
                for w, s in zip(words, shapes)
            )
            if (
                ok
                and words[0][:1].isupper()
                and end - start <= 5
                and not all(self.gaz.is_generic(w) or self.gaz.is_common_word(w) for w in words)
            ):
                surface = table.text(start, end)
                if not self.gaz.is_generic(surface):
                    yield start, end, "shape"
                    return
        # a lone capitalised word in Chinese prose may be a name (Spatia);
        # inside an English phrase only strong shapes count
        alone = chinese and end - start == 1
        for k, (w, shape) in enumerate(zip(words, shapes)):
            if shape is None or self.gaz.is_generic(w) or w.casefold() in self.stop:
                continue
            if shape == "title" and (not alone or self.gaz.is_common_word(w)):
                continue
            if shape == "acronym" and len(w.rstrip("s")) < 2:
                continue
            yield start + k, start + k + 1, "shape"

    def _cue_after(self, doc: Doc, end: int, cues: tuple[str, ...], width: int = 12) -> bool:
        """A cue word (casefolded ``cues``) right after the name."""
        pos = tokens(doc).ends[end - 1]
        nxt = doc_text(doc)[pos : pos + width].lstrip(' *”"）)')
        return nxt.casefold().startswith(cues)

    def _cue_before(self, doc: Doc, start: int, cues: tuple[str, ...], width: int = 14) -> bool:
        """A cue word (casefolded ``cues``) right before the name
        (``评测基准 SciAgentGym``, ``the benchmark FooBench``), allowing
        名为/称为/called between."""
        a = tokens(doc).idx[start]
        prev = _CALLED_RE.sub("", doc_text(doc)[max(0, a - width) : a])
        return prev.casefold().endswith(cues)

    def _type(self, doc: Doc, start: int, end: int) -> tuple[str, bool]:
        """(type, decided): ``decided`` is False when no suffix or cue spoke
        and the type is only a default.  A name followed by 指标/metric is a
        Metric."""
        surface = tokens(doc).text(start, end)
        if self.dataset_name.search(surface):
            return ("Benchmark" if _BENCHMARK_WORD_RE.search(surface) else "Dataset"), True
        if self._cue_after(doc, end, self.dataset_cues) or self._cue_before(doc, start, self.dataset_cues):
            return "Dataset", True
        if self._cue_after(doc, end, self.device_cues, 6):
            return "Device", True
        if self._cue_after(doc, end, _METRIC_HEADS, 8):
            return "Metric", True  # 'FooSync 指标', 'the FooSync metric
        if self.model_size.search(surface) or self._cue_after(doc, end, self.model_cues):
            return "Model", True
        if self._cue_after(doc, end, self.method_cues):
            return "Method", True
        return ("Model" if any(c.isdigit() for c in surface) else "Method"), False


@Language.factory("paperkg_shapes")
def make_shape_matcher(nlp: Language, name: str):
    """Factory: the shape/context matcher for names in no gazetteer."""
    return ShapeMatcher(gazetteer(), patterns())


# Capitalised English words that start sentences or headings, never names.
_ENGLISH_STOP = [
    "a",
    "an",
    "the",
    "we",
    "our",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "in",
    "on",
    "of",
    "for",
    "to",
    "with",
    "and",
    "or",
    "but",
    "by",
    "from",
    "as",
    "at",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "via",
    "using",
    "use",
    "based",
    "new",
    "however",
    "moreover",
    "furthermore",
    "finally",
    "first",
    "second",
    "third",
    "then",
    "also",
    "experiments",
    "experimental",
    "results",
    "result",
    "extensive",
    "code",
    "project",
    "page",
    "website",
    "github",
    "model",
    "models",
    "method",
    "methods",
    "dataset",
    "datasets",
    "benchmark",
    "benchmarks",
    "table",
    "figure",
    "fig",
    "section",
    "appendix",
    "abstract",
    "introduction",
    "conclusion",
    "input",
    "output",
    "inputs",
    "outputs",
    "step",
    "stage",
    "phase",
    "task",
    "tasks",
    "data",
    "training",
    "inference",
    "evaluation",
    "key",
    "findings",
    "pdf",
    "arxiv",
    "html",
    "links",
    "authors",
    "analysis",
    "note",
    "example",
    "examples",
    "overall",
    "specifically",
    "notably",
    "additionally",
    "existing",
    "prior",
    "previous",
    "recent",
    "current",
    "state",
    "art",
    "sota",
    "baseline",
    "baselines",
    "ablation",
    "ablations",
    "analysis",
    "yes",
    "no",
    "true",
    "false",
    "none",
    "all",
    "any",
    "each",
    "both",
    "either",
    "neither",
    "more",
    "most",
    "less",
    "least",
    "many",
    "much",
    "few",
    "several",
    "github",
    "huggingface",
    "hugging",
    "face",
    "paper",
    "papers",
    "work",
    "works",
    "approach",
    "approaches",
    "framework",
    "frameworks",
]


class HardwareMatcher:
    """Hardware that no gazetteer entry spells out: a vendor's GPUs
    (``2 张 NVIDIA GPU``), sensors (``RGB-D 相机`` -> ``RGB-D camera``), and a
    known device followed by its chip (``MacBook Pro M3``) merged into one
    device."""

    def __init__(self, pats: dict):
        self.vendor_gpu = re.compile(pats["vendor_gpu_re"])
        self.sensor = sensor_regex(pats)
        self.translate = pats["device_translation"]

    def __call__(self, doc: Doc) -> Doc:
        spans = mention_spans(doc)
        taken = {t for s in spans for t in range(s.start, s.end)}
        new = []
        for m in self.vendor_gpu.finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), label="Accelerator", alignment_mode="contract")
            if span is not None and not taken.intersection(range(span.start, span.end)):
                vendor = "NVIDIA" if m.group("vendor") == "英伟达" else m.group("vendor").upper()
                set_mention_info(span, source="hardware", name=f"{vendor} GPU")
                new.append(span)
        for m in self.sensor.finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), label="Device", alignment_mode="expand")
            if span is not None and not taken.intersection(range(span.start, span.end)):
                set_mention_info(
                    span, source="hardware", name=sensor_name(m.group("kind"), m.group("device"), self.translate)
                )
                new.append(span)
        merged = []
        for s in sorted(spans, key=lambda s: s.start):
            prev = merged[-1] if merged else None
            if (
                prev is not None
                and prev.label_ == "Device"
                and s.label_ == "Accelerator"
                and s.start == prev.end
                and prev.doc[prev.end - 1].whitespace_
            ):
                whole = Span(doc, prev.start, s.end, label="Device")
                set_mention_info(whole, source="hardware")
                merged[-1] = whole
                continue
            merged.append(s)
        set_mention_spans(doc, sorted(merged + new, key=lambda s: s.start))
        return doc


@Language.factory("paperkg_hardware")
def make_hardware_matcher(nlp: Language, name: str):
    """Factory: vendor GPUs, sensors and device+chip composites."""
    return HardwareMatcher(patterns())


@lru_cache(maxsize=1)
def build_pipeline() -> Language:
    """Return the PaperKG spaCy pipeline (built once per process).

    Raises :class:`kg.errors.DataError` when a packaged data file is invalid.
    """
    nlp = spacy.blank("xx")
    nlp.tokenizer = PaperTokenizer(nlp.vocab)
    nlp.add_pipe("paperkg_gazetteer")
    nlp.add_pipe("paperkg_hardware")
    nlp.add_pipe("paperkg_shapes")
    return nlp
