"""How far the article is done: one strip, a segment per verdict, and the
figures in words beside it (computed from the claims the list already holds)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from annotator.core.model import Claim, Verdict
from annotator.core.verdict_style import VERDICT_ORDER, look


def offered(claims: list[Claim]) -> list[Claim]:
    """The claims that count towards the article's progress."""
    return [c for c in claims if c.listed]


class _Bar(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.counts: Counter = Counter()
        self.total = 0
        self.dark = False
        self.setMinimumWidth(120)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, 12)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 1.5, -0.5, -1.5)
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.setBrush(self.palette().base())
        painter.drawRoundedRect(rect, 3, 3)
        if self.total:
            x = rect.left()
            for verdict in VERDICT_ORDER:
                if verdict is Verdict.UNREVIEWED:
                    continue
                width = rect.width() * self.counts[verdict] / self.total
                if width <= 0:
                    continue
                painter.setPen(Qt.NoPen)
                painter.setBrush(QColor(look(verdict, self.dark).colour))
                painter.drawRect(QRectF(x, rect.top() + 1, width, rect.height() - 2))
                x += width
        painter.end()


class ProgressStrip(QWidget):
    """ "12 of 30 reviewed" with a bar split by verdict (verified, disputed,
    unsourced, in that order; the empty rest is still to do)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("progressStrip")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("progressLabel")
        self.label.setTextFormat(Qt.RichText)
        self.bar = _Bar()
        self.bar.setObjectName("progressBar")
        self.bar.setFixedHeight(12)
        self.figures = QLabel()
        self.figures.setObjectName("progressFigures")
        self.figures.setTextFormat(Qt.RichText)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.figures)
        self.counts: Counter = Counter()
        self.total = 0
        self.set_status("<b>Claims</b>")

    def set_dark(self, dark: bool) -> None:
        self.bar.dark = dark

    def set_status(self, html: str) -> None:
        """A state with no figures ("analysing…")."""
        self.label.setText(html)
        self.figures.setText("")
        self.bar.hide()

    def set_claims(self, claims: list[Claim], extra: str = "") -> None:
        counted = offered(claims)
        self.set_counts(Counter(c.verdict for c in counted), len(counted), extra)

    def set_counts(self, counts: Counter, total: int, extra: str = "") -> None:
        """The figures themselves (the window keeps them up to date claim by claim,
        so one verdict never recounts 10,000 claims)."""
        self.counts = Counter(counts)
        self.total = total
        reviewed = self.total - self.counts[Verdict.UNREVIEWED]
        self.label.setText(f"<b>Claims</b> — {reviewed} of {self.total} reviewed{extra}")
        parts = []
        for verdict in VERDICT_ORDER:
            if verdict is Verdict.UNREVIEWED or not self.counts[verdict]:
                continue
            style = look(verdict, self.bar.dark)
            parts.append(f"<span style='color:{style.colour}'>{style.symbol}</span>"
                         f"&nbsp;{self.counts[verdict]}&nbsp;{verdict.label.lower()}")
        todo = self.counts[Verdict.UNREVIEWED]
        if todo:
            parts.append(f"{todo}&nbsp;to&nbsp;do")
        self.figures.setText(" · ".join(parts))
        summary = f"{reviewed} of {self.total} claims reviewed: " + ", ".join(
            f"{self.counts[v]} {v.label.lower()}" for v in VERDICT_ORDER)
        self.setToolTip(summary)
        self.setAccessibleName(summary)
        self.bar.counts, self.bar.total = self.counts, self.total
        self.bar.setVisible(self.total > 0)
        self.bar.update()
