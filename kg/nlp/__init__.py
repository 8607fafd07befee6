"""The spaCy side of PaperKG, one job per module:

* ``tokenizer``: the tokenizer (registered as ``paperkg.PaperTokenizer.v1``);
* ``token_shape``: what one token looks like (class bits, name shape);
* ``docview``: a Doc read once as plain data (tokens, sentences, mentions and
  what is known of each), the one way PaperKG reads a Doc;
* ``gazetteer_matcher`` (with ``math_names``: known names written as inline
  math), ``hardware_matcher``, ``shape_matcher`` (with
  ``name_typing``): the components ``paperkg_gazetteer``, ``paperkg_hardware``,
  ``paperkg_shapes``; ``components``: where their config gets its data;
* ``pipeline``: the pipeline assembled (:func:`~kg.nlp.pipeline.build_pipeline`);
* ``cues``: cue-word regexes; ``outline``: outline levels of a section;
  ``evidence``: the evidence text of a sentence.
"""
