"""Verdict colours: the Okabe-Ito colour-blind-safe palette, each verdict with a
second cue (underline style and a symbol) so colour is never the only signal."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextCharFormat

from annotator.core.model import Verdict

U = QTextCharFormat.UnderlineStyle


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


_LIGHT = {
    Verdict.UNREVIEWED: VerdictStyle("○", "#0072B2", "#DCEBF7", "#A9CDEB", U.DotLine, "#0072B2",
                                     "#777777", "dotted"),
    Verdict.VERIFIED: VerdictStyle("✔", "#009E73", "#CDEFE4", "#93DCC6", U.SingleUnderline,
                                   "#007A59", "#777777", "solid"),
    Verdict.DISPUTED: VerdictStyle("✘", "#D55E00", "#F9D9C4", "#F2B48A", U.WaveUnderline,
                                   "#B34F00", "#777777", "wavy"),
    Verdict.UNSOURCED: VerdictStyle("?", "#CC79A7", "#F4DDEA", "#E6B3CF", U.DashUnderline,
                                    "#A3507F", "#777777", "dashed"),
}
_DARK = {
    Verdict.UNREVIEWED: VerdictStyle("○", "#56B4E9", "#1E3A4F", "#2D5674", U.DotLine, "#56B4E9",
                                     "#9A9A9A", "dotted"),
    Verdict.VERIFIED: VerdictStyle("✔", "#2FC79A", "#153F33", "#1F5E4C", U.SingleUnderline,
                                   "#2FC79A", "#9A9A9A", "solid"),
    Verdict.DISPUTED: VerdictStyle("✘", "#F08A3E", "#4A2A14", "#6B3B1A", U.WaveUnderline,
                                   "#F08A3E", "#9A9A9A", "wavy"),
    Verdict.UNSOURCED: VerdictStyle("?", "#E59CC4", "#45283A", "#633953", U.DashUnderline,
                                    "#E59CC4", "#9A9A9A", "dashed"),
}


def style_for(verdict: Verdict, dark: bool = False) -> VerdictStyle:
    return (_DARK if dark else _LIGHT)[verdict]
