"""Builds: the one build path (``build``), its per-file unit and fingerprints
(``filegraph``) and the extraction worker processes (``parallel``).
"""
