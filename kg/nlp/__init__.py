"""The spaCy side: the tokenizer, the gazetteer, shape and hardware matchers and the Doc
side tables (``pipeline``), cue-word regexes (``cues``), outline levels of a section
(``outline``) and the evidence text of a sentence (``evidence``).
"""
