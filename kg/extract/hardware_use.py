"""Hardware use: which accelerators and devices a paper runs on, how many,
and the surface forms (aliases) that name them.

Works on the hardware mentions the pipeline marked (labels ``Accelerator``
and ``Device``); counts come from the text around a mention
(``8 张 NVIDIA A40``, ``A100 × 4``, ``2 张 80GB 显存的 H100``), with the
patterns of ``kg/data/patterns/hardware.json``.
"""

from __future__ import annotations

import re

from kg.nlp.evidence import clean_sentence
from kg.extract.mentions import span_key
from kg.extract.span_passes import rewrite_spans
from kg.extract.notation import in_url
from kg.model import Label
from kg.nlp.cues import cue_regex, sensor_regex, vendor_regex
from kg.nlp.pipeline import doc_text, mention_info, sentence_of, set_mention_info, span_text

#: a class word written as part of a device mention
_DEVICE_WORD_RE = re.compile(r"\s+(?:GPUs?|TPUs?|NPUs?)$")
_EXAMPLES_AFTER_RE = re.compile(r"\s*等")  # '事件相机等新型传感器': an example of a class
# a clause break that is no list comma ('such as A, B, C' stays one clause)
_CLAUSE_RE = re.compile(r"[，；;。!?！？\n]|[:：]\s")
_CN_NUM = {
    "一": 1,
    "单": 1,
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "eight": 8,
    "sixteen": 16,
}


class HardwareReader:
    """Hardware records, counts and aliases, from compiled patterns."""

    def __init__(self, pats: dict):
        self.translations = sorted(pats["device_translation"].items(), key=lambda kv: -len(kv[0]))
        self.variant = re.compile(pats["hardware_variant_re"])
        self.count_before = re.compile(pats["hardware_count_before_re"])
        #: a GPU vendor's spelling, dropped before reading a count (8 张 NVIDIA A40)
        self.gpu_vendor = re.compile(vendor_regex(pats, gpu_only=True))
        self.count_after = re.compile(pats["hardware_count_after_re"])
        self.sensor = sensor_regex(pats)
        self.sensor_not_used = cue_regex(pats["sensor_not_used_cue"])
        self.hedge = re.compile(pats["hardware_hedge_re"])

    def not_used(self, span) -> str | None:
        """Why a hardware mention is no hardware the paper uses, or None:
        ``hypothetical hardware`` after a hedged need in its clause
        (``hardware_hedge_re``: 训练仍可能需要多 GPU（如 A100）, may require);
        ``sensor class`` for a kind of sensor with no product name
        (``RGB camera``, ``深度传感器``) named as an example, a simulated
        sensor or a contrast (``sensor_not_used_cue`` in its clause before
        it, English list commas included: 如, such as, 模拟, 相比于 …; or
        ``等`` right after it); ``url`` for a part of a URL (``…/M3/``)."""
        if not Label(span.label_).is_hardware:
            return None
        if in_url(span):
            return "url"  # 'city-super.github.io/M3/': a path, no chip
        text = doc_text(span.doc)
        before = _CLAUSE_RE.split(text[max(0, span.start_char - 80) : span.start_char])[-1]
        if self.hedge.search(before):
            return "hypothetical hardware"
        if span.label_ != Label.DEVICE or mention_info(span).entry is not None:
            return None
        if not self.sensor.fullmatch(span_text(span)):
            return None
        if self.sensor_not_used.search(before) or _EXAMPLES_AFTER_RE.match(text, span.end_char):
            return "sensor class"
        return None

    def records(self, mentions) -> list[dict]:
        """One record per hardware key among ``mentions`` ((section, span)
        pairs): ``{"key", "count": int | None, "line": 1-based report line,
        "evidence": sentence}``; a stated count wins over none."""
        out: dict[str, dict] = {}
        for sec, span in mentions:
            if not Label(span.label_).is_hardware or self.not_used(span):
                continue
            key = span_key(span)
            text = doc_text(span.doc)
            line_start = text.rfind("\n", 0, span.start_char) + 1
            line_end = text.find("\n", span.end_char)
            line_end = len(text) if line_end < 0 else line_end
            count = self.count(text[line_start : span.start_char], text[span.end_char : line_end])
            rec = out.get(key)
            if rec is None or (rec["count"] is None and count is not None):
                out[key] = {
                    "key": key,
                    "count": count,
                    "line": sec.line_of(span.start_char),
                    "evidence": clean_sentence(sentence_of(span).text)[:400],
                }
        return list(out.values())

    def count(self, before: str, after: str) -> int | None:
        """How many units the text just before/after a mention states
        (1…100000), or None."""
        before = before.rstrip(" *")[-16:]
        m = self.count_before.search(self.gpu_vendor.sub("", before).rstrip())
        if m:
            return _to_int(m.group("n"))
        m = self.count_after.match(after)
        if m:
            return _to_int(m.group("n") or m.group("n2"))
        return None

    def forms(self, span, entry) -> list[str]:
        """Further surface forms (aliases) of a hardware mention: the memory
        variant written after it (``A100 80GB``) and the vendor-qualified name
        (``RTX 3090`` -> ``NVIDIA RTX 3090``), and the name without a class
        word the mention ends with (``RTX 4090 GPU`` -> ``RTX 4090``)."""
        surface = span_text(span)
        forms = [surface]
        bare = _DEVICE_WORD_RE.sub("", surface)
        if bare != surface and any(c.isdigit() for c in bare):
            forms.append(bare)  # 'NVIDIA RTX 4090 GPU': the device is 'NVIDIA RTX 4090'
        m = self.variant.match(doc_text(span.doc)[span.end_char : span.end_char + 16])
        if m and "GB" in m.group():
            forms.append(surface + m.group())
        vendor = entry.vendor if entry is not None else None
        out = []
        for form in forms:
            out.append(form)
            if vendor and not form.casefold().startswith(vendor.casefold()) and form.isascii():
                out.append(f"{vendor} {form}")
        return [f for f in dict.fromkeys(out) if f != surface]

    def device_cue(self, span) -> str | None:
        """English name of the device word right after a name
        (``Manus 数据手套`` -> ``data glove``), or None."""
        after = doc_text(span.doc)[span.end_char : span.end_char + 8].lstrip(" *")
        for word, english in self.translations:
            if after.startswith(word):
                return english
        return None

    def extend_devices(self, docs) -> None:
        """A device name followed by its model number (``iPhone 12 Plus``) is
        that model, a device of its own, not the product line (spans of
        ``docs`` replaced in place)."""

        def step(doc, text, sp, nxt):
            if sp.label_ != Label.DEVICE or mention_info(sp).entry is None:
                return None
            m = self.variant.match(text[sp.end_char : sp.end_char + 16])
            if not m or "GB" in m.group():
                return None
            longer = doc.char_span(sp.start_char, sp.end_char + m.end(), label=Label.DEVICE)
            if longer is None or (nxt is not None and nxt.start < longer.end):
                return None
            set_mention_info(longer, source="hardware")
            return longer, 1

        rewrite_spans(docs, step)


def _to_int(s: str | None) -> int | None:
    if s is None:
        return None
    if s.isdigit():
        n = int(s)
        return n if 0 < n <= 100000 else None
    return _CN_NUM.get(s.casefold())
