"""RDF: the vocabulary (``vocab``), records to a report's named graph (``mapping``), the
Oxigraph store (``store``, opening a store folder in ``store_open``, readable SPARQL
syntax errors in ``sparql_errors``, bulk writing in ``bulk``), SHACL validation (``validate``) and
export in RDF syntaxes (``export``).
"""
