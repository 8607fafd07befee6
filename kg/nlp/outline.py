"""Section outline: which datasets a sentence that names none is about.

Summaries state a benchmark once, in a lead paragraph or a bullet, and the
bullets below it report results on it; :class:`DatasetContext` follows that
outline (indentation and list markers) line by line.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.memo import BoundedMemo
from kg.model import Section

# '在包含 4,670 个句子的人工标注集上' / 'on our held-out set': the sentence names its own,
# unnamed evaluation set, so it inherits none ('在所有数据集上' refers to named ones)
_UNNAMED_SET_RE = re.compile(
    r"在(?!所有|全部|各|多个|多项|这些|上述|两个|三个|四个)[^，。；;]{2,30}?(?:集|数据集|基准(?:测试)?|测试集|语料库?|任务)[上中]"
    r"|\bon (?:a|an|our|their|the) [\w\s-]{0,30}?(?:set|dataset|benchmark|corpus)\b",
    re.IGNORECASE,
)


def names_own_set(sentence: str) -> bool:
    """True when ``sentence`` says it was evaluated on a set it does not name."""
    return bool(_UNNAMED_SET_RE.search(sentence))


class DatasetContext:
    """Which datasets a sentence that names none is about.

    Follows the outline of a section: a sentence inherits the datasets named
    earlier on its own line, else those of the nearest enclosing bullet or
    lead paragraph (by indentation), else those of the section's first line
    that names any (only its first dataset).  At most three are inherited.
    Call :meth:`update` once per sentence, in reading order.
    """

    def __init__(self):
        self.section = None
        self.line = None
        self.level = 0
        self.on_line: list[str] = []
        self.stack: list[tuple[int, list[str]]] = []
        self.first: list[str] = []

    def update(self, section: Section, line: int, here: list[str]) -> list[str]:
        """Record the dataset keys ``here`` named by the sentence at ``line``
        (1-based, in ``section``) and return the keys it inherits."""
        if section is not self.section:
            self.section, self.line, self.on_line, self.stack, self.first = section, None, [], [], []
        if line != self.line:
            if self.on_line:
                self.stack.append((self.level, self.on_line))
            self.level = outline_level(section, line)
            self.stack = [(lv, ds) for lv, ds in self.stack if lv < self.level]
            self.line, self.on_line = line, []
        if self.on_line:
            inherited = self.on_line
        elif self.stack:
            inherited = self.stack[-1][1]
        else:
            inherited = self.first[:1]  # a loose fallback: commit to one dataset
        if here:
            self.on_line = list(dict.fromkeys(self.on_line + here))
            self.first = self.first or list(here)
        return inherited if len(inherited) <= 3 else []


_MARKER_RE = re.compile(r"(?:[*+\-]|\d+\.)\s")
#: a section text's lines (outline_level reads several lines of one section)
_LINES = BoundedMemo(lambda text: text.split("\n"), limit=1_000)


def outline_level(section: Section, line: int) -> int:
    """Indentation level of a section line (1-based report line): leading
    spaces, plus one for a bullet or number marker (so a bullet nests under a
    lead paragraph)."""
    text = _LINES[section.text][line - section.start_line]
    stripped = text.lstrip(" \t")
    level = len(text) - len(stripped)
    return level + 1 if _MARKER_RE.match(stripped) else level


def enclosing_lines(section: Section, line: int) -> list[str]:
    """The texts of the lines that enclose ``line`` (1-based report line)
    in the section's outline, nearest first: each the closest line above
    with a smaller :func:`outline_level` than the one below it (a bullet's
    parent bullet, its lead paragraph)."""
    lines = _LINES[section.text]
    level, out = outline_level(section, line), []
    for i in range(line - section.start_line - 1, -1, -1):
        if level == 0:
            break
        if not lines[i].strip():
            continue
        above = outline_level(section, section.start_line + i)
        if above < level:
            out.append(lines[i])
            level = above
    return out


_ABLATION_RE = re.compile(r"消融|\bablat", re.IGNORECASE)


@lru_cache(maxsize=256)
def _names_ablation(text: str) -> bool:
    """Whether a section's text names an ablation (once per section, not per sentence)."""
    return _ABLATION_RE.search(text) is not None


def in_ablation(section: Section, line: int, sentence: str) -> bool:
    """True when ``sentence`` (at ``line`` of ``section``) reports an
    ablation: it says so itself, or a line enclosing it does
    ('**消融实验**：' above its bullet).  The systems it names are the
    method's own variants."""
    if not _names_ablation(section.text):
        return False  # most sections name no ablation: no outline walk for their sentences
    return bool(_ABLATION_RE.search(sentence)) or any(_ABLATION_RE.search(t) for t in enclosing_lines(section, line))
