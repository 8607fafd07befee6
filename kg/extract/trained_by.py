"""A model trained with the paper's method wins as that method: in ``使用
M 训练的 X 模型相比 B …提升`` and ``X trained with M outperforms B`` the
claim is M's (the gold convention lists the method among the winner's
names, the base model only sometimes), so the winner X becomes M.  Only a
method the paper proposes is credited so (``X fine-tuned with LoRA`` stays
X), never over the paper's own model; and when the winner is so credited
and the loser is the same model trained with another method, the loser is
that method (``X trained with M outperforms X trained with GRPO``: M beats
GRPO; against another model, that model loses).
"""

from __future__ import annotations

import re

from kg.extract.sentence import Found, Mention
from kg.model import Label

#: before the method: a word of using it ('使用 M', '经 M', 'via M' is English and follows the model)
_USE_BEFORE = re.compile(r"(?:使用|利用|用|经|经过|通过|采用)[\s*“”\"]*$")
#: between the method and the model: what it trained, then a training verb and 的 ('M 训练的', 'M 合成轨迹微调后的')
_TRAINED_BETWEEN = re.compile(r"[\s*“”\"]*[^，。；,;的]{0,8}?(?:训练|微调|后训练|对齐)(?:后)?的[\s*]*")
#: between the model and the method, in English: 'X trained with M', 'X fine-tuned using the M'
_TRAINED_WITH = re.compile(
    r"\s+(?:trained|fine-tuned|finetuned|tuned|post-trained|aligned)\s+(?:with|using|via|by)\s+(?:the\s+)?",
    re.IGNORECASE,
)


#: before the model, then between it and the method: 'Fine-tuning X with M', 'training the X using M'
_TRAINING_BEFORE = re.compile(
    r"\b(?:fine-tuning|finetuning|training|tuning|post-training|aligning)\s+(?:the\s+)?$", re.I
)
_WITH_METHOD = re.compile(r"\s+(?:with|using|via)\s+(?:the\s+)?", re.IGNORECASE)


def _method_of(text: str, x: Mention, systems: list[Mention], proposed: bool) -> Mention | None:
    """The method the model mention ``x`` is said to be trained with (one the
    paper proposes when ``proposed``), or None."""
    for m in systems:
        if not (m.proposed if proposed else m.label == Label.METHOD) or m.key == x.key:
            continue
        if (
            m.end <= x.start
            and _TRAINED_BETWEEN.fullmatch(text, m.end, x.start)
            and _USE_BEFORE.search(text, 0, m.start)
        ):
            return m
        if m.start >= x.end and _TRAINED_WITH.fullmatch(text, x.end, m.start):
            return m
        if (
            m.start >= x.end
            and _WITH_METHOD.fullmatch(text, x.end, m.start)
            and _TRAINING_BEFORE.search(text, 0, x.start)
        ):
            return m
    return None


def credit_methods(text: str, systems: list[Mention], found: list[Found]) -> None:
    """Make the paper's method the winner of each row in ``found`` (changed
    in place) whose winner is an existing model the sentence says was
    trained with it (the model's mention last before the row's cue), and
    then, when the loser is that same model trained with another method,
    that method the loser (the loser's mention first after the cue)."""
    for f in found:
        won = [s for s in systems if s.key == f.winner and s.end <= f.at][-1:]
        lost = [s for s in systems if s.key == f.loser and s.start >= f.at][:1]
        w = _method_of(text, won[0], systems, True) if won and _existing_model(won[0]) else None
        same = w and lost and won[0].key == lost[0].key  # 'X trained with M … X trained with N': one model, two methods
        lo = _method_of(text, lost[0], systems, False) if same else None
        winner, loser = w.key if w else f.winner, lo.key if lo else f.loser
        if winner != loser:
            f.winner, f.loser = winner, loser


def _existing_model(s: Mention) -> bool:
    return s.label == Label.MODEL and not s.proposed
