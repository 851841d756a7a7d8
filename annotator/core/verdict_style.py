"""How each verdict looks, everywhere: the app, the review report, the legend.

One table, Qt-free, so the GUI (`annotator.gui.palette`) and the report
(`annotator.core.export.report`) draw a verdict the same way. Colours are the
Okabe-Ito colour-blind-safe palette, and colour is never the only cue: every
verdict also has a symbol and its own underline style. Underline styles are
CSS `text-decoration-style` names; the GUI maps them onto Qt's.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.model import Verdict

VERDICT_ORDER = (Verdict.VERIFIED, Verdict.DISPUTED, Verdict.UNSOURCED, Verdict.UNREVIEWED)


@dataclass(frozen=True)
class VerdictLook:
    symbol: str
    colour: str  # the Okabe-Ito colour: symbols, underline, bars, swatches
    tint: str  # background of highlighted claim text (and badges in the report)
    selected_tint: str  # background of the selected claim in the app
    underline: str  # CSS text-decoration-style: solid, wavy, dashed, dotted
    description: str


_LIGHT = {
    Verdict.VERIFIED: VerdictLook("\u2714", "#009E73", "#CDEFE4", "#93DCC6", "solid",
                                  "supported by the evidence"),
    Verdict.DISPUTED: VerdictLook("\u2718", "#D55E00", "#F9D9C4", "#F2B48A", "wavy",
                                  "contradicted by the evidence"),
    Verdict.UNSOURCED: VerdictLook("?", "#CC79A7", "#F4DDEA", "#E6B3CF", "dashed",
                                   "no source given or found"),
    Verdict.UNREVIEWED: VerdictLook("\u25CB", "#0072B2", "#DCEBF7", "#A9CDEB", "dotted",
                                    "not reviewed yet"),
}
_DARK = {
    Verdict.VERIFIED: VerdictLook("\u2714", "#2FC79A", "#153F33", "#1F5E4C", "solid",
                                  "supported by the evidence"),
    Verdict.DISPUTED: VerdictLook("\u2718", "#F08A3E", "#4A2A14", "#6B3B1A", "wavy",
                                  "contradicted by the evidence"),
    Verdict.UNSOURCED: VerdictLook("?", "#E59CC4", "#45283A", "#633953", "dashed",
                                   "no source given or found"),
    Verdict.UNREVIEWED: VerdictLook("\u25CB", "#56B4E9", "#1E3A4F", "#2D5674", "dotted",
                                    "not reviewed yet"),
}

MUTED_TEXT = {False: "#777777", True: "#9A9A9A"}  # captions, below-threshold sentences


def look(verdict: Verdict, dark: bool = False) -> VerdictLook:
    return (_DARK if dark else _LIGHT)[verdict]


def strength(score: float) -> float:
    """How strongly an unreviewed claim is tinted, from its check-worthiness:
    three steps, so the most check-worthy claims stand out and the weakest
    are still plainly highlighted (the underline never changes)."""
    if score >= 0.8:
        return 1.0
    if score >= 0.65:
        return 0.7
    return 0.45


def blend(tint: str, base: str, amount: float) -> str:
    """`tint` laid over `base` at `amount` (0..1), as #RRGGBB."""
    t = [int(tint[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(base[i:i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(bb + (tt - bb) * amount) for tt, bb in zip(t, b)]
    return "#" + "".join(f"{v:02X}" for v in mixed)


def claim_tint(verdict: Verdict, score: float, dark: bool = False,
               base: str | None = None) -> str:
    """The background of a claim: reviewed claims take their verdict's tint;
    unreviewed ones are tinted by how check-worthy they are."""
    style = look(verdict, dark)
    if verdict is not Verdict.UNREVIEWED:
        return style.tint
    return blend(style.tint, base or ("#17181A" if dark else "#FFFFFF"), strength(score))
