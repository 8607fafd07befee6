"""The spaCy pipeline PaperKG reads papers with: :func:`build_pipeline`.

Built on ``spacy.blank("xx")`` — no trained model is needed or downloaded —
from this config::

    [nlp.tokenizer]
    @tokenizers = "paperkg.PaperTokenizer.v1"     # kg.nlp.tokenizer
    [components.paperkg_gazetteer]                # kg.nlp.gazetteer_matcher
    [components.paperkg_hardware]                 # kg.nlp.hardware_matcher
    [components.paperkg_shapes]                   # kg.nlp.shape_matcher

each component taking its data (gazetteer, cue patterns) from its config
(:mod:`kg.nlp.components`; the packaged data by default).

Mentions are written to ``doc.spans["kg"]`` (overlap-free, file order) with
the label (``Model`` ``Method`` ``Dataset`` ``Benchmark`` ``Metric``
``Accelerator`` ``Device``) and a :class:`~kg.nlp.docview.MentionInfo`
(``span._.kg_entry``: the gazetteer :class:`~kg.resources.Entry` or None for
new names, and ``kg_source``, ``kg_name``, ``kg_decided``). PaperKG's own code
reads them through the Doc's :class:`~kg.nlp.docview.DocView`; the names this
module re-exports from :mod:`kg.nlp.docview`, :mod:`kg.nlp.tokenizer` and
:mod:`kg.nlp.token_shape` are the ones the extractor imports from here.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from kg.nlp import gazetteer_matcher, hardware_matcher, shape_matcher  # noqa: F401  (register the factories)
from kg.nlp.docview import (  # noqa: F401  (re-exported)
    DocView,
    MentionInfo,
    Sentence,
    TokenTable,
    doc_text,
    mention_info,
    mention_spans,
    plain_sentences,
    sentence_of,
    sentences,
    set_mention_info,
    set_mention_spans,
    span_text,
    tokens,
    view,
)
from kg.nlp.gazetteer_matcher import GazetteerMatcher  # noqa: F401  (re-exported)
from kg.nlp.hardware_matcher import HardwareMatcher  # noqa: F401  (re-exported)
from kg.nlp.shape_matcher import ShapeMatcher  # noqa: F401  (re-exported)
from kg.nlp.token_shape import is_cjk, is_name_token, name_shape  # noqa: F401  (re-exported)
from kg.nlp.tokenizer import _TOKEN_RE, PaperTokenizer, sentence_starts  # noqa: F401  (re-exported)

#: the tokenizer of PaperKG's pipeline, as spaCy's config names it
TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "paperkg.PaperTokenizer.v1"}}}
#: the components of PaperKG's pipeline, in order
COMPONENTS = ("paperkg_gazetteer", "paperkg_hardware", "paperkg_shapes")


@lru_cache(maxsize=1)
def build_pipeline() -> Language:
    """Return the PaperKG spaCy pipeline (built once per process).

    Raises :class:`kg.errors.DataError` when a packaged data file is invalid.
    """
    nlp = spacy.blank("xx", config=TOKENIZER_CONFIG)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
