"""PaperKG: build a knowledge graph of ML papers from daily digest reports.

Data flow: :mod:`kg.read` → :mod:`kg.extract` (spaCy pipeline in
:mod:`kg.nlp`, relation rules in :mod:`kg.relations`) → :mod:`kg.link` →
:mod:`kg.mapping` → :mod:`kg.store` → :mod:`kg.queries`; :mod:`kg.pipeline`
wires them and :mod:`kg.cli` is the ``kg`` command.
"""

__version__ = "0.1.0"
