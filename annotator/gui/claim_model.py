"""Thin Qt models over lists the session hands out: claims and articles."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from annotator.core.model import ArticleSummary
from annotator.core.model import Claim, Verdict
from annotator.gui.palette import style_for

CLAIM_ID_ROLE = Qt.UserRole + 1
SORT_ROLE = Qt.UserRole + 2
PRIORITY_ROLE = Qt.UserRole + 3


def _role(value) -> int:
    return int(value.value) if hasattr(value, "value") else int(value)


_DISPLAY, _TOOLTIP, _FOREGROUND, _ACCESSIBLE = (
    _role(r) for r in (Qt.DisplayRole, Qt.ToolTipRole, Qt.ForegroundRole, Qt.AccessibleTextRole))
_CLAIM_ID, _SORT, _PRIORITY = _role(CLAIM_ID_ROLE), _role(SORT_ROLE), _role(PRIORITY_ROLE)
_ROLES_USED = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _ACCESSIBLE, _role(CLAIM_ID_ROLE),
                         _role(SORT_ROLE), _role(PRIORITY_ROLE)})


# The editor's review in the verdict column (desk): approved ✓, sent back ↩.
REVIEW_MARKS = {"approved": " \u2713", "returned": " \u21a9"}


def review_text(claim: Claim) -> str:
    """The editor's review, for tooltips and screen readers ("" when none)."""
    if claim.review_state == "approved":
        return f"Approved by {claim.reviewed_by or 'the editor'}"
    if claim.review_state == "returned":
        return (f"Sent back by {claim.reviewed_by or 'the editor'}: "
                f"{claim.review_comment}")
    return ""


def priority_key(claim: Claim) -> tuple:
    """Priority order: suggested "unsourced" first, then by check-worthiness
    (highest first); hand-added claims count as fully check-worthy."""
    score = 1.0 if claim.origin == "manual" else claim.score
    return (claim.suggested_verdict != "unsourced", -score, claim.start, claim.id)


class _ListTableModel(QAbstractTableModel):
    """A flat table over a Python list: one row per item, fixed COLUMNS."""

    COLUMNS: tuple[str, ...] = ()

    def _items(self) -> list:
        raise NotImplementedError

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._items())

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.COLUMNS[section]
        return None


class ClaimTableModel(_ListTableModel):
    COLUMNS = ("#", "Verdict", "Claim", "Score", "Type", "Source")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._claims: list[Claim] = []
        self._rows: dict[int, int] = {}
        self._priority: dict[int, int] = {}
        self._texts: dict[int, tuple] = {}  # claim id -> (claim, its six display texts)
        self.dark = False

    def set_claims(self, claims: list[Claim]) -> None:
        self.beginResetModel()
        self._claims = list(claims)
        self._rows = {c.id: i for i, c in enumerate(self._claims)}
        self._texts = {}
        self._rank()
        self.endResetModel()

    def _rank(self) -> None:
        ordered = sorted(self._claims, key=priority_key)
        self._priority = {c.id: i for i, c in enumerate(ordered)}

    def update_claim(self, claim: Claim) -> None:
        row = self._rows.get(claim.id)
        if row is None:
            return
        self._claims[row] = claim
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def claim_at(self, row: int) -> Claim:
        return self._claims[row]

    def row_of(self, claim_id: int) -> int | None:
        return self._rows.get(claim_id)

    def claims(self) -> list[Claim]:
        return list(self._claims)

    def _items(self) -> list:
        return self._claims

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        # Called ~650 times per repaint of the visible list: roles the table never
        # shows are answered first, and each row's display texts are made once.
        role = _role(role)
        if role not in _ROLES_USED or not index.isValid():
            return None
        row = index.row()
        claim = self._claims[row]
        column = index.column()
        if role == _DISPLAY:
            texts = self._texts.get(claim.id)
            if texts is None or texts[0] is not claim:
                texts = self._texts[claim.id] = (claim, self._display_texts(claim))
            return texts[1][column]
        if role == _CLAIM_ID:
            return claim.id
        if role == _SORT:
            return (claim.number, list(Verdict).index(claim.verdict), claim.start, claim.score,
                    claim.claim_type, claim.attribution.kind.value)[column]
        if role == _PRIORITY:
            return self._priority.get(claim.id, 0)
        return self._other_role(claim, column, role)

    def _display_texts(self, claim: Claim) -> tuple[str, ...]:
        style = style_for(claim.verdict, self.dark)
        text = claim.text if len(claim.text) <= 160 else claim.text[:157] + "…"
        flags = []
        if claim.anchor_status.value != "exact":
            flags.append(claim.anchor_status.value.upper())
        if claim.removed:
            flags.append("REMOVED")
        if not claim.check_worthy and claim.origin != "manual":
            flags.append(claim.kind.value if claim.kind.value != "sentence" else "below threshold")
        a = claim.attribution
        return (str(claim.number),
                f"{style.symbol} {claim.verdict.label}{REVIEW_MARKS.get(claim.review_state, '')}",
                (f"[{', '.join(flags)}] " if flags else "") + text,
                "added by hand" if claim.origin == "manual" else f"{claim.score:.2f}",
                claim.claim_type.replace("_", " "),
                a.kind.value if not a.speaker else f"{a.kind.value}: {a.speaker}")

    def _other_role(self, claim: Claim, column: int, role: int):
        if role == _TOOLTIP and column == 2:
            return claim.text
        if role == _TOOLTIP and column == 1 and claim.review_state:
            return review_text(claim)
        if role == _TOOLTIP and column == 3:
            return ("Added by hand: no check-worthiness score" if claim.origin == "manual" else
                    "Check-worthiness: how likely the sentence holds a claim worth checking")
        if role == _FOREGROUND and column == 1:
            return QBrush(QColor(style_for(claim.verdict, self.dark).colour))
        if role == _FOREGROUND and (claim.removed or not claim.check_worthy):
            return QBrush(QColor("#888888"))
        if role == _ACCESSIBLE:
            review = review_text(claim)
            return f"{claim.verdict.label}{', ' + review if review else ''}: {claim.text}"
        return None


class ClaimFilterProxy(QSortFilterProxyModel):
    """Filter by verdict, type and attribution; sort by any column."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.verdict: Verdict | None = None
        self.claim_type: str | None = None
        self.attribution: str | None = None
        self.text = ""
        self.priority = False
        self.review: str | None = None  # "approved", "returned", "pending" (not approved)

    def set_priority(self, on: bool) -> None:
        """Priority order (see `priority_key`) or article order; the view then
        sorts by column 0 ascending."""
        self.priority = on
        self.setSortRole(PRIORITY_ROLE if on else SORT_ROLE)

    def set_filters(self, verdict=None, claim_type=None, attribution=None, text="",
                    review=None) -> None:
        self.verdict, self.claim_type, self.attribution = verdict, claim_type, attribution
        self.review = review
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self.text = text.casefold()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.text = text.casefold()
            self.invalidateFilter()

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        # The source list is already in article order: "#" ascending needs no
        # sort at all (sorting 10,000 rows through data() takes half a second).
        if self.priority and column != 0:  # a header clicked: that column's order
            self.priority = False
            self.setSortRole(SORT_ROLE)
        if self.priority:
            super().sort(0, Qt.AscendingOrder)
        elif column == 0 and order == Qt.AscendingOrder:
            super().sort(-1)
        else:
            super().sort(column, order)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        claim = self.sourceModel().claim_at(row)
        if isinstance(self.verdict, Verdict) and claim.verdict is not self.verdict:
            return False
        if isinstance(self.verdict, str) and claim.anchor_status.value != self.verdict:
            return False  # "orphaned" / "fuzzy": claims an article revision moved or lost
        if self.claim_type and claim.claim_type != self.claim_type:
            return False
        if self.attribution and claim.attribution.kind.value != self.attribution:
            return False
        if self.text and self.text not in claim.text.casefold():
            return False
        if self.review == "pending":
            return claim.reviewed and claim.review_state != "approved"
        if self.review and claim.review_state != self.review:
            return False
        return True


class ArticleListModel(_ListTableModel):
    COLUMNS = ("Article", "Imported", "Reviewed")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []
        self._index: dict[int, int] = {}

    def set_articles(self, rows: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._index = {r.id: i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def update_article(self, summary: ArticleSummary) -> None:
        """New figures for one article (from a change set): one row repaints."""
        row = self._index.get(summary.id)
        if row is None:
            return
        self._rows[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def article_at(self, row: int) -> ArticleSummary:
        return self._rows[row]

    def row_of(self, article_id: int) -> int | None:
        return self._index.get(article_id)

    def _items(self) -> list:
        return self._rows

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == CLAIM_ID_ROLE:
            return row.id
        if role == Qt.DisplayRole:
            return (row.title, row.imported_at[:10], f"{row.reviewed} / {row.total}")[index.column()]
        if role == Qt.ToolTipRole:
            return f"{row.title}\n{row.source_path or 'pasted text'}\nrevision {row.revision}"
        return None
