"""Extraction of one paper into one JSON-Schema-checked record.

:class:`~kg.extract.extractor.Extractor` runs the stages in order, one module each:

- mentions: ``mentions`` (linking key, tests on a mention's surroundings),
  ``span_passes`` (joined and extended spans), ``hardware_use`` (hardware, counts),
  ``negative`` (names that are never entities; ``notation``: URLs, math, counts, units);
- ``entities`` (mentions -> candidate entities), ``proposals`` (what the paper
  introduces, its own system);
- ``comparisons`` (comparison rows per sentence, folded by ``folds``) and ``results``
  (stated scores), with the sentence rules of ``relations``: ``cue_rules``,
  ``frame_rules`` (with ``with_frames``: 与…比较; ``outcome_words``: win rates,
  shortfalls), ``value_rules``, ``ratio_rules``, ``from_to``, ``base_rules``,
  ``raised_rules``, ``scores``, ``clauses`` over the mentions of ``sentence_mentions``
  (records in ``sentence``; described baselines in ``described``);
- ``claims`` (slot checks), ``selection`` (which entities the record keeps),
  ``paper_fields`` (metadata and field labels), ``decisions`` (why names were kept or dropped).
"""
