"""RDF: the vocabulary (``vocab``), records to a report's named graph (``mapping``), the
Oxigraph store (``store``, bulk writing in ``bulk``), SHACL validation (``validate``) and
export in RDF syntaxes (``export``).
"""
