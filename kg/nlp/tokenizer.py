"""The tokenizer for mixed Chinese/English ML text, registered with spaCy as
``paperkg.PaperTokenizer.v1`` (``[nlp.tokenizer] @tokenizers = "paperkg.PaperTokenizer.v1"``).

It keeps names such as ``Qwen2.5-VL-7B``, ``A100-80GB`` and scores such as
``78.23%`` whole, splits Chinese per character, and keeps every whitespace run
but a single space as a token, so that ``doc.text`` is the input text and
character offsets map back to lines. It also marks sentence starts (after
。！？；!?;, a line end, and ``. `` in English) and gives the Doc its
:class:`~kg.nlp.docview.DocView`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import compress

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from kg.memo import BoundedMemo
from kg.nlp.docview import TokenTable, attach_view

_LETTER = r"A-Za-z\u00C0-\u024F\u0370-\u03FF"
_LATIN = "0-9" + _LETTER
# One token per match: whitespace runs (other than a single space), scores
# with a percent sign, Latin names with inner . - ' + _ (only when followed
# by a letter/digit, or a subscript digit: 'π₀.₅'; a caret before a digit
# after two letters or a hyphen and a letter: 'Foo^2', 'Bar-V^3', not 'N^2'
# or '10^3'), single CJK characters,
# and any other character.
# (CJK first: the most frequent token; no two alternatives match at the same
# place except pct/name, where pct must come first, and cjk/other.)
_CJK_CHAR = r"[\u3400-\u9fff\uf900-\ufaff]"
_TOKEN_RE = re.compile(
    rf"(?P<cjk>{_CJK_CHAR})"
    rf"|(?P<ws>\s+)"
    rf"|(?P<pct>\d+(?:\.\d+)?%)"
    rf"|(?P<name>[{_LATIN}](?:[{_LATIN}_+\u00B2\u00B3\u00B9\u2080-\u2089]|[.\-'’@](?=[{_LATIN}\u2080-\u2089])|(?<=[{_LETTER}\-][{_LETTER}])\^(?=\d))*)"
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

_SENT_END = set("。！？；!?;")
#: token text -> True when the token ends a sentence whatever follows (。！？；!?; or a line end)
_ENDS_SENTENCE = BoundedMemo(lambda t: t in _SENT_END or "\n" in t)
#: words whose full stop abbreviates them and ends no sentence ('82.8 vs. 81.1', 'Li et al. show')
_ABBREVIATIONS = frozenset({"vs", "e.g", "i.e", "al", "cf", "fig", "figs", "eq", "eqs", "approx", "resp"})


def sentence_starts(words: list[str], spaces: list[bool]) -> list[int]:
    """Indices of the tokens that start a sentence, ascending: the first
    token, a token after 。！？；!?; or a line end, and a token after an
    English full stop followed by whitespace (``spaces[k]``: token ``k`` has
    a trailing space) unless the stop ends an abbreviation (``vs.``,
    ``e.g.``, ``et al.``).  Token texts are looked up in a memo and full stops
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
        if (spaces[k] or words[k + 1].isspace()) and not (k and words[k - 1].lower() in _ABBREVIATIONS):
            after_stop.append(k + 1)
    return sorted(starts + after_stop) if after_stop else starts  # ("." is no _SENT_END: no index twice)


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
        starts = None
        if words:
            # what Doc(..., sent_starts=...) does, without its per-token Python loop
            starts = sentence_starts(words, spaces)
            flags = numpy.full(len(words), -1, dtype=numpy.int32)
            flags[starts] = 1
            doc.from_array([SENT_START], flags.astype(numpy.uint64))
        attach_view(doc, text, TokenTable.from_words(words, spaces), starts)
        return doc

    def to_disk(self, *_a, **_k):  # pragma: no cover - spaCy serialisation hook
        pass

    def from_disk(self, *_a, **_k):  # pragma: no cover
        return self


@registry.tokenizers("paperkg.PaperTokenizer.v1")
def create_paper_tokenizer() -> Callable[[Language], PaperTokenizer]:
    """spaCy tokenizer factory: ``[nlp.tokenizer] @tokenizers = "paperkg.PaperTokenizer.v1"``."""

    def make(nlp: Language) -> PaperTokenizer:
        return PaperTokenizer(nlp.vocab)

    return make
