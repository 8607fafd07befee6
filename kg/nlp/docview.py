"""One view of a Doc as plain Python data, built once per Doc: :class:`DocView`.

spaCy rebuilds ``doc.text``, every ``Token``, every ``Span`` of a SpanGroup and every
``span._`` accessor on each access; the extractor reads them many times a sentence. A
:class:`DocView` (kept in ``doc.user_data``) holds what they compute, once:

* ``text``: the Doc's text; ``tokens``: a :class:`TokenTable` (token texts, trailing
  spaces, character offsets);
* ``sentences()``: the sentences as :class:`Sentence` records, ``sentence_of(span)``;
* ``mentions()`` / ``set_mentions()``: the entity mentions of ``doc.spans["kg"]``;
* ``info`` (``(start_char, end_char)`` -> :class:`MentionInfo`) / ``set_info(span, …)``:
  what is known of a mention, also readable as ``span._.kg_entry``, ``span._.kg_source``, ``span._.kg_name``,
  ``span._.kg_decided``.

The functions below (:func:`doc_text`, :func:`span_text`, :func:`tokens`,
:func:`mention_spans`, :func:`set_mention_spans`, :func:`mention_info`,
:func:`set_mention_info`, :func:`plain_sentences`, :func:`sentence_of`,
:func:`sentences`) are the same reads as one-line calls on the Doc's view.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from operator import add

from spacy.tokens import Doc, Span

from kg.nlp.token_shape import TOKEN_CLASS

VIEW_KEY = "kg_view"  # doc.user_data key of the Doc's DocView


class MentionInfo:
    """What the components know of a mention besides its label.

    ``entry``: the gazetteer :class:`~kg.resources.Entry` (None for a new
    name); ``source``: the rule that found it (``gazetteer`` ``shape``
    ``gloss`` ``hardware`` ``paper``); ``name``: its canonical name when it
    differs from the text; ``decided``: False when its type is only a default.

    Kept per Doc and keyed by the span's character offsets, exactly as
    spaCy keys ``span._`` values (two spans over the same characters share
    them), and also readable as ``span._.kg_entry`` … through getters; reading
    it with :func:`mention_info` costs a dict lookup, not a ``span._`` accessor.
    """

    __slots__ = ("entry", "source", "name", "decided")

    def __init__(self):
        self.entry = self.source = self.name = None
        self.decided = True


_NO_INFO = MentionInfo()  # what a span nothing was said of reads (never written)


class TokenTable:
    """Plain lists of a Doc's token texts (``words``), trailing spaces
    (``ws``, bools) and character offsets (``idx`` start, ``ends`` end),
    built once per Doc: reading ``doc[i].text`` creates a Token object on
    every access."""

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
        """Build the table from a tokenizer's own lists (no Doc walk)."""
        self = cls.__new__(cls)
        self.words, self.ws = words, spaces
        lens = list(map(len, words))
        self.idx = [0, *accumulate(map(add, lens, spaces))][: len(words)]
        self.ends = list(map(add, self.idx, lens))
        return self

    @property
    def classes(self) -> list[int]:
        """:func:`~kg.nlp.token_shape.token_class` of every token (computed on first use)."""
        try:
            return self._classes
        except AttributeError:
            self._classes = list(map(TOKEN_CLASS.__getitem__, self.words))
            return self._classes

    def text(self, start: int, end: int) -> str:
        """Text of tokens [start, end) as in the Doc (``end > start``)."""
        return "".join(self.words[k] + (" " if self.ws[k] else "") for k in range(start, end - 1)) + self.words[end - 1]


class Sentence:
    """A sentence as plain data: token span [``start``, ``end``), character
    span [``start_char``, ``end_char``) and ``text``."""

    __slots__ = ("start", "end", "start_char", "end_char", "text")

    def __init__(self, start, end, start_char, end_char, text):
        self.start, self.end = start, end
        self.start_char, self.end_char, self.text = start_char, end_char, text


class DocView:
    """A Doc read as plain data (see the module docstring); get it with
    :func:`view`. ``starts``: token index of the first token of every
    sentence, as the tokenizer found them (None until first needed for a Doc
    of another tokenizer)."""

    __slots__ = ("doc", "text", "tokens", "starts", "info", "_sents", "_spacy_sents", "_mentions")

    def __init__(self, doc: Doc, text: str, table: TokenTable, starts: list[int] | None = None):
        self.doc, self.text, self.tokens, self.starts = doc, text, table, starts
        self.info: dict[tuple[int, int], MentionInfo] = {}  # (start_char, end_char) -> MentionInfo
        self._sents = self._spacy_sents = self._mentions = None

    # -- sentences ----------------------------------------------------------------------
    def spacy_sentences(self) -> list[Span]:
        """``list(doc.sents)``, computed once (``doc.sents`` rescans the Doc)."""
        if self._spacy_sents is None:
            self._spacy_sents = list(self.doc.sents)
        return self._spacy_sents

    def sentence_starts(self) -> list[int]:
        """Token index of the first token of every sentence, ascending."""
        if self.starts is None:
            self.starts = [s.start for s in self.spacy_sentences()]
        return self.starts

    def sentences(self) -> list[Sentence]:
        """The sentences as :class:`Sentence` records, cut at the sentence
        starts (no spaCy objects are built)."""
        if self._sents is None:
            t, text, firsts = self.tokens, self.text, self.sentence_starts()
            out = []
            for start, end in zip(firsts, firsts[1:] + [len(t.words)]):
                a, b = t.idx[start], t.ends[end - 1]
                out.append(Sentence(start, end, a, b, text[a:b]))
            self._sents = out
        return self._sents

    def sentence_of(self, span: Span) -> Sentence:
        """The sentence that contains ``span`` (binary search over the starts)."""
        return self.sentences()[max(0, bisect_right(self.sentence_starts(), span.start) - 1)]

    # -- mentions -----------------------------------------------------------------------
    def mentions(self) -> list[Span]:
        """The mentions (``doc.spans["kg"]``) as a new list of the Span objects
        last set with :meth:`set_mentions` (iterating the SpanGroup builds every
        Span again); spans set on ``doc.spans["kg"]`` directly are read from it."""
        group = self.doc.spans.get("kg")
        if group is None:
            return []
        cached = self._mentions
        if cached is None or cached[0] is not group or len(cached[1]) != len(group):
            cached = self._mentions = (group, list(group))
        return list(cached[1])

    def set_mentions(self, spans: list[Span]) -> None:
        """Set the mentions (``doc.spans["kg"]`` and what :meth:`mentions` returns)."""
        self.doc.spans["kg"] = spans
        self._mentions = (self.doc.spans["kg"], list(spans))

    def set_info(self, span: Span, **fields) -> None:
        """Set fields of ``span``'s :class:`MentionInfo` (``entry=``,
        ``source=``, ``name=``, ``decided=``); AttributeError for another name."""
        key = (span.start_char, span.end_char)
        info = self.info.get(key)
        if info is None:
            info = self.info[key] = MentionInfo()
        for attr, value in fields.items():
            setattr(info, attr, value)


def attach_view(doc: Doc, text: str, table: TokenTable, starts: list[int] | None) -> DocView:
    """Give a new Doc its view from what its tokenizer already knows."""
    v = doc.user_data[VIEW_KEY] = DocView(doc, text, table, starts)
    return v


def view(doc: Doc) -> DocView:
    """The :class:`DocView` of ``doc`` (built from the Doc on first use when
    its tokenizer did not attach one)."""
    v = doc.user_data.get(VIEW_KEY)
    if v is None:
        v = attach_view(doc, doc.text, TokenTable(doc), None)
    return v


# -- the view's reads as functions of a Doc or Span ------------------------------------------
# (each reads the view from doc.user_data itself and calls view() only when it is missing:
# they are the extractor's most frequent calls)
def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it on every access)."""
    return (doc.user_data.get(VIEW_KEY) or view(doc)).text


def span_text(span: Span) -> str:
    """``span.text``, sliced from the Doc's text (spaCy joins the span's
    token texts on every access)."""
    return (span.doc.user_data.get(VIEW_KEY) or view(span.doc)).text[span.start_char : span.end_char]


def tokens(doc: Doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc``."""
    return (doc.user_data.get(VIEW_KEY) or view(doc)).tokens


def sentences(doc: Doc) -> list[Span]:
    """The sentences of a Doc as spaCy spans, computed once."""
    return (doc.user_data.get(VIEW_KEY) or view(doc)).spacy_sentences()


def plain_sentences(doc: Doc) -> list[Sentence]:
    """The sentences of a Doc as :class:`Sentence` records (:meth:`DocView.sentences`)."""
    return (doc.user_data.get(VIEW_KEY) or view(doc)).sentences()


def sentence_of(span: Span) -> Sentence:
    """The :class:`Sentence` that contains ``span`` (:meth:`DocView.sentence_of`)."""
    return (span.doc.user_data.get(VIEW_KEY) or view(span.doc)).sentence_of(span)


def mention_spans(doc: Doc) -> list[Span]:
    """The mentions of ``doc`` as a new list (:meth:`DocView.mentions`)."""
    return (doc.user_data.get(VIEW_KEY) or view(doc)).mentions()


def set_mention_spans(doc: Doc, spans: list[Span]) -> None:
    """Set the mentions of ``doc`` (:meth:`DocView.set_mentions`)."""
    (doc.user_data.get(VIEW_KEY) or view(doc)).set_mentions(spans)


def mention_info(span: Span) -> MentionInfo:
    """The :class:`MentionInfo` of ``span`` (read-only: set it with :func:`set_mention_info`)."""
    v = span.doc.user_data.get(VIEW_KEY)
    return _NO_INFO if v is None else v.info.get((span.start_char, span.end_char), _NO_INFO)


def set_mention_info(span: Span, **fields) -> None:
    """Set fields of ``span``'s :class:`MentionInfo` (:meth:`DocView.set_info`)."""
    (span.doc.user_data.get(VIEW_KEY) or view(span.doc)).set_info(span, **fields)


def _info_extension(attr: str) -> None:
    def getter(span):
        return getattr(mention_info(span), attr)

    def setter(span, value):
        set_mention_info(span, **{attr: value})

    Span.set_extension(f"kg_{attr}", getter=getter, setter=setter, force=True)


for _attr in MentionInfo.__slots__:
    _info_extension(_attr)  # span._.kg_entry, span._.kg_source, span._.kg_name, span._.kg_decided
