"""Verdict styles for Qt: `annotator.core.verdict_style` (shared with the
report) with its CSS underline names mapped onto Qt's underline styles."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextCharFormat

from annotator.core.model import Verdict
from annotator.core.verdict_style import MUTED_TEXT, look

U = QTextCharFormat.UnderlineStyle

QT_UNDERLINE = {"solid": U.SingleUnderline, "wavy": U.WaveUnderline,
                "dashed": U.DashUnderline, "dotted": U.DotLine}
CSS_UNDERLINE = {v: k for k, v in QT_UNDERLINE.items()}


@dataclass(frozen=True)
class VerdictStyle:
    symbol: str
    colour: str  # the Okabe-Ito colour itself: icons, legend, underline
    background: str
    selected_background: str
    underline: QTextCharFormat.UnderlineStyle
    underline_colour: str
    muted_text: str
    line: str  # how the legend names the underline


def style_for(verdict: Verdict, dark: bool = False) -> VerdictStyle:
    s = look(verdict, dark)
    return VerdictStyle(s.symbol, s.colour, s.tint, s.selected_tint, QT_UNDERLINE[s.underline],
                        s.colour, MUTED_TEXT[dark], s.underline)
