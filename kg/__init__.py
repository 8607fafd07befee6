"""PaperKG: build a knowledge graph of ML papers from daily digest reports.

Data flow: :mod:`kg.read` → :mod:`kg.extract.extractor` (spaCy pipeline in
:mod:`kg.nlp.pipeline`, relation rules in :mod:`kg.extract.relations`) → :mod:`kg.link` →
:mod:`kg.rdf.mapping` → :mod:`kg.rdf.store` → :mod:`kg.outputs.queries`; :mod:`kg.pipeline.build`
wires them and :mod:`kg.cli` is the ``kg`` command.
"""

__version__ = "0.1.0"
