"""The ``paperkg_hardware`` component: hardware that no gazetteer entry spells
out — a vendor's GPUs (``2 张 NVIDIA GPU``), sensors (``RGB-D 相机`` ->
``RGB-D camera``), and a known device followed by its chip (``MacBook Pro M3``)
merged into one device. Its cue patterns come from its config (see
:mod:`kg.nlp.components`)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.link import sensor_name
from kg.nlp.components import MentionComponent, PACKAGED_PATTERNS, require, ACCELERATOR, DEVICE
from kg.nlp.cues import sensor_regex, vendor_gpu_regex, vendor_spellings
from kg.nlp.docview import doc_text, mention_spans, set_mention_info

#: the keys of the patterns the hardware matcher reads
HARDWARE_KEYS = ("vendors", "gpu_vendors", "gpu_word_re", "sensor_kind", "sensor_device", "device_translation")


class HardwareMatcher(MentionComponent):
    """Vendor GPUs, sensors and device+chip composites (see the module
    docstring). ``pats``: cue patterns holding :data:`HARDWARE_KEYS`
    (the vendors from ``vendors``/``gpu_vendors``); DataError when one is missing."""

    def __init__(self, pats: dict[str, Any]):
        require(pats, HARDWARE_KEYS, "paperkg_hardware")
        self.vendor_gpu = vendor_gpu_regex(pats)
        self.vendor_of = vendor_spellings(pats, gpu_only=True)
        self.sensor = sensor_regex(pats)
        self.translate = pats["device_translation"]

    def match(self, doc: Doc) -> list[Span]:
        """The Doc's mentions with device+chip pairs merged and the new
        hardware mentions added (none overlapping a mention found before),
        in file order. A new span's :class:`~kg.nlp.docview.MentionInfo`
        has source ``hardware`` and its canonical ``name``."""
        spans = mention_spans(doc)
        taken = {t for s in spans for t in range(s.start, s.end)}
        new = self._vendor_gpus(doc, taken) + self._sensors(doc, taken)
        return sorted(self._merged_composites(doc, spans) + new, key=lambda s: s.start)

    def _vendor_gpus(self, doc: Doc, taken: set[int]) -> list[Span]:
        new = []
        for m in self.vendor_gpu.finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), label=ACCELERATOR, alignment_mode="contract")
            if span is not None and not taken.intersection(range(span.start, span.end)):
                set_mention_info(span, source="hardware", name=f"{self.vendor_of[m.group('vendor')]} GPU")
                new.append(span)
        return new

    def _sensors(self, doc: Doc, taken: set[int]) -> list[Span]:
        new = []
        for m in self.sensor.finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), label=DEVICE, alignment_mode="expand")
            if span is not None and not taken.intersection(range(span.start, span.end)):
                name = sensor_name(m.group("kind"), m.group("device"), self.translate)
                set_mention_info(span, source="hardware", name=name)
                new.append(span)
        return new

    @staticmethod
    def _merged_composites(doc: Doc, spans: list[Span]) -> list[Span]:
        """``spans`` with a Device directly followed (after a space) by an
        Accelerator merged into one Device (``MacBook Pro M3``)."""
        merged = []
        for s in sorted(spans, key=lambda s: s.start):
            prev = merged[-1] if merged else None
            if (
                prev is not None
                and prev.label_ == DEVICE
                and s.label_ == ACCELERATOR
                and s.start == prev.end
                and prev.doc[prev.end - 1].whitespace_
            ):
                whole = Span(doc, prev.start, s.end, label=DEVICE)
                set_mention_info(whole, source="hardware")
                merged[-1] = whole
                continue
            merged.append(s)
        return merged


@Language.factory("paperkg_hardware", default_config={"patterns": PACKAGED_PATTERNS})
def make_hardware_matcher(nlp: Language, name: str, patterns: dict[str, Any]) -> HardwareMatcher:
    """Factory: vendor GPUs, sensors and device+chip composites, with the
    config's ``patterns`` (default: the packaged ``kg/data/patterns/``)."""
    return HardwareMatcher(patterns)
