"""Extraction of one paper: the ``Extractor`` (``extractor``) runs the mention pass
(``mentions``), the negative-evidence rules (``negative``), the comparison and result rules
(``relations``, slot checks in ``claims``) and hardware use (``hardware_use``), and returns
one JSON-Schema-checked record per paper.
"""
