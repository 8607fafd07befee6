"""The body of a paper in the generic Markdown layout: its sections
(sub-headings, bold labels, ``Label:`` lines) and its labelled fields
(authors, categories, date, links)."""

from __future__ import annotations

import re

from kg.model import Problem, Section
from kg.read.section_words import alternation, compiled
from kg.read.inline import split_labels
from kg.read.labels import clean_label, section_key
from kg.read.markdown import MD_HEADING_RE, clean_title, normalise_date, split_list
from kg.read.sections import BODY_KEY, Draft, Open, body_section, read_whole_body

# "**Label**: rest", "**Label:** rest", "- **Label**：rest", "1. **Label**" (a label is short).
_BOLD_LABEL_RE = re.compile(
    r"^\s{0,3}(?P<item>(?:[-*+]|\d{1,2}[.)])\s+)?\*\*(?P<label>[^*]{1,40}?)\s*(?P<c1>[:：])?\s*\*\*"
    r"\s*(?P<c2>[:：])?\s*(?P<rest>.*?)\s*$"
)
# "Label: rest" (only labels that :mod:`kg.read.labels` knows, or field labels).
_PLAIN_LABEL_RE = re.compile(r"^\s{0,3}(?:[-*+]\s+)?(?P<label>[^\s:：*#][^:：*]{0,30}?)\s*[:：]\s*(?P<rest>.*?)\s*$")
#: the stored fields of a paper that a field label may name (``sections.json``
#: ``field_labels``); its ``links`` labels name no stored field
_FIELDS = ("authors", "categories", "published", "read_from")


def _field_label_re(data: dict) -> re.Pattern:
    """Labels of a paper's fields rather than of its text (``field_labels``
    of ``sections.json``), one named group per stored field."""
    table = data["field_labels"]
    groups = [f"(?P<{f}>{alternation(table[f])})" for f in _FIELDS]
    return re.compile("|".join([*groups, f"(?:{alternation(table['links'])})"]), re.I)


def field_label_re() -> re.Pattern:
    """The compiled field labels (see :func:`_field_label_re`), built once
    per load of the data file (a call is two dict lookups).  Raises
    DataError for a bad data file."""
    return compiled(_field_label_re)


# A list item: "- ", "* ", "1. ", "2) " (indented or not).
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+")


def read_body(draft: Draft, lines: list[str], first: int, last: int, source: str) -> list[Problem]:
    """Fill the sections and fields of ``draft`` from ``lines[first:last + 1]``
    and return the warnings.  A section runs from its label to the next one
    of its kind (see :func:`_is_text`); text before the first label is a
    section of its own; a body without labels is read whole, with a warning."""
    open_: Open | None = None
    by_heading = False  # the open section starts at a Markdown heading
    lead_end: int | None = None  # last line of the text before the first label
    for i in range(first, last + 1):
        label = _label(lines[i])
        if label is None or (open_ and _is_text(lines[i], label[0], by_heading)):
            continue
        if open_:
            draft.sections.extend(_close(open_, lines, i - 1))
        if lead_end is None:
            lead_end = i - 1
        key, heading, rest = label
        by_heading = bool(MD_HEADING_RE.match(lines[i])) and section_key(heading) is not None
        open_ = None
        if key is None:
            _field(draft, heading, rest)
        else:
            open_ = Open(key, heading, i, rest)
    if open_:
        draft.sections.extend(_close(open_, lines, last))
    draft.sections = [s for s in draft.sections if s.text]  # a heading over sub-headings
    if not draft.sections:
        return read_whole_body(draft, body_section(lines, first, last, is_field_line), source)
    lead = body_section(lines, first, lead_end, is_field_line) if lead_end is not None else None
    if lead is not None:
        draft.sections.insert(0, lead)
    return []


def _close(open_: Open, lines: list[str], last: int) -> list[Section]:
    """Close a section at ``lines[last]``; a section that starts at a label
    line is cut at the labels inside its paragraph (``**Keywords**: … **TL;DR**: …``)."""
    section = open_.close(lines, last)
    if MD_HEADING_RE.match(lines[open_.index]) or not section.text:
        return [section]
    return split_labels(section.text, section.start_line, section.key, section.heading)


def _is_text(line: str, key: str | None, by_heading: bool) -> bool:
    """Whether a label line inside an open section is text of it: a field
    label that is a list item (``* **代码**：…``), and in a section that
    starts at a heading naming a known section (``### 3. 使用指南``), any bold
    or ``Label:`` line but an unlisted field line (``**Links:**``) — a report
    whose sections are headings uses bold labels inside them."""
    if _LIST_ITEM_RE.match(line) and key is None:
        return True
    return by_heading and not MD_HEADING_RE.match(line) and key is not None


def _label(line: str) -> tuple[str | None, str, str] | None:
    """``(key, heading, rest)`` when ``line`` starts a section (key) or is a
    field line (key None), else None."""
    if m := MD_HEADING_RE.match(line):
        heading = clean_title(m.group(1))
        return (section_key(heading) or BODY_KEY, heading, "") if heading else None
    if m := _BOLD_LABEL_RE.match(line):
        return _bold_label(m)
    if m := _PLAIN_LABEL_RE.match(line):
        heading, rest = clean_label(m.group("label")), m.group("rest")
        if field_label_re().fullmatch(heading):
            return None, heading, rest
        if key := section_key(heading):
            return key, heading, rest
    return None


def _bold_label(m: re.Match) -> tuple[str | None, str, str] | None:
    """A bold label line (:data:`_BOLD_LABEL_RE` match) as in :func:`_label`:
    a known label anywhere, an unknown one only outside a list item and
    with a colon (``**Notes**: …``, not ``**GPT-4o** beats`` nor a line in bold)."""
    heading, rest = clean_label(m.group("label")), m.group("rest")
    colon = m.group("c1") or m.group("c2")
    if field_label_re().fullmatch(heading) and (colon or not rest):
        return None, heading, rest
    key = section_key(heading)
    if key or (not m.group("item") and colon):
        return key or BODY_KEY, heading, rest
    return None


def _field(draft: Draft, label: str, value: str) -> None:
    """Store an authors / categories / date / reading-source value of a field line."""
    m = field_label_re().fullmatch(label)
    items = split_list(value)
    if m is None:
        return
    if m.group("authors") and not draft.authors:
        draft.authors = items
    elif m.group("categories") and not draft.categories:
        draft.categories = items
    elif m.group("published") and draft.published is None:
        draft.published = normalise_date(value)
    elif m.group("read_from") and draft.read_from is None:
        draft.read_from = clean_title(value) or None


def is_field_line(line: str) -> bool:
    """True for a field line (``- **Link**: URL``, ``Authors: …``), which is
    left out of a body read whole."""
    m = _BOLD_LABEL_RE.match(line) or _PLAIN_LABEL_RE.match(line)
    return bool(m and field_label_re().fullmatch(clean_label(m.group("label"))))
