"""Small dialogs: evidence, search, history, settings, keyboard help."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QCheckBox,
)

from annotator.core.errors import AnnotatorError
from annotator.core.model import Claim, HistoryEntry
from annotator.core.settings import Settings


class EvidenceDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("evidenceDialog")
        self.setWindowTitle("Add evidence")
        form = QFormLayout(self)
        self.url = QLineEdit()
        self.url.setObjectName("evidenceUrl")
        self.url.setPlaceholderText("https://… (or a reference such as a document name)")
        self.title = QLineEdit()
        self.title.setObjectName("evidenceTitle")
        self.note = QLineEdit()
        self.note.setObjectName("evidenceNote")
        form.addRow("&URL", self.url)
        form.addRow("&Title", self.title)
        form.addRow("&Note", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.error = QLabel()
        self.error.setStyleSheet("color:#D55E00")
        form.addRow(self.error)
        self.resize(520, 0)

    def _accept(self) -> None:
        if not self.url.text().strip():
            self.error.setText("Give a URL or a reference.")
            return
        self.accept()

    def values(self) -> tuple[str, str, str]:
        return self.url.text().strip(), self.title.text().strip(), self.note.text().strip()


_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve")


def count_words(count: int, noun: str, plural: str | None = None) -> str:
    """`3 claims`, in words up to twelve: "one claim", "two articles"."""
    number = _WORDS[count] if 0 <= count < len(_WORDS) else f"{count:,}"
    return f"{number} {noun if count == 1 else (plural or noun + 's')}"


def search_summary(text: str, results) -> str:
    if not text.strip():
        return ""
    if not results:
        return f"No claim or note holds “{text.strip()}”."
    articles = len({r.article_id for r in results})
    in_notes = sum(1 for r in results if text.strip().casefold() in (r.note or "").casefold())
    summary = (f"{count_words(len(results), 'claim')} in {count_words(articles, 'article')}"
               .capitalize())
    if in_notes:
        summary += f" ({count_words(in_notes, 'match', 'matches')} in the note)"
    return summary + ". Enter opens the selected claim."


class SearchDialog(QDialog):
    """Search claims and notes in every article; Enter opens the chosen one."""

    COLUMNS = ("Verdict", "Article", "Claim", "Note")

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle("Find in all articles")
        self.session = session
        self.chosen: tuple[int, int] | None = None
        self._asked: str | None = None
        self._choose_when_ready = False
        layout = QVBoxLayout(self)
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText("Words to find in claims and notes…")
        self.query.setClearButtonEnabled(True)
        self.results = QTableWidget(0, len(self.COLUMNS))
        self.results.setObjectName("searchResults")
        self.results.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.results.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SingleSelection)
        self.results.verticalHeader().hide()
        self.results.setWordWrap(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # columns fit
        self.results.setTextElideMode(Qt.ElideRight)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Interactive)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.results.setColumnWidth(1, 170)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._enter)
        self.results.itemActivated.connect(self._choose)
        self.resize(900, 520)

    def run_search(self) -> None:
        text = self.query.text()
        self._asked = text
        if not text.strip():
            self._show_results(text, [])
            return
        self.session.search(text, lambda results, t=text: self._show_results(t, results))

    def _show_results(self, text: str, results) -> None:
        if text != self._asked:
            return  # an answer to an older query
        self.results.setRowCount(0)
        self.results.setRowCount(len(results))
        needle = text.strip().casefold()
        for row, r in enumerate(results):
            note = r.note or ""
            note_shown = note if needle and needle in note.casefold() else ""
            values = (r.verdict.label, r.article_title, _clip(r.text, 280), _clip(note_shown, 280))
            tips = (r.verdict.label, r.article_title, r.text, note or "(no note)")
            for column, (value, tip) in enumerate(zip(values, tips)):
                item = QTableWidgetItem(value)
                item.setToolTip(tip)
                item.setData(Qt.UserRole, (r.article_id, r.claim_id))
                self.results.setItem(row, column, item)
        self.results.resizeRowsToContents()
        self.status.setText(search_summary(text, results))
        if results:
            self.results.setCurrentCell(0, 2)
        if self._choose_when_ready and results:
            self._choose(self.results.currentItem())
        self._choose_when_ready = False

    def count(self) -> int:
        return self.results.rowCount()

    def _enter(self) -> None:
        if self._timer.isActive() or self._asked != self.query.text():
            self._timer.stop()
            self._choose_when_ready = True  # Enter before the results came: take the first
            self.run_search()
            return
        item = self.results.currentItem()
        if item is not None:
            self._choose(item)

    def _choose(self, item: QTableWidgetItem) -> None:
        self.chosen = item.data(Qt.UserRole)
        self.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key_Down, Qt.Key_Up) and self.query.hasFocus():
            row = self.results.currentRow() + (1 if event.key() == Qt.Key_Down else -1)
            if 0 <= row < self.results.rowCount():
                self.results.setCurrentCell(row, 2)
            return
        super().keyPressEvent(event)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


class HistoryDialog(QDialog):
    def __init__(self, entries: list[HistoryEntry], claim: Claim, parent=None):
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle("History of the claim")
        layout = QVBoxLayout(self)
        label = QLabel(f"<i>{escape(claim.text[:300])}</i>")
        label.setWordWrap(True)
        layout.addWidget(label)
        table = QTableWidget(len(entries), 5)
        table.setObjectName("historyTable")
        table.setHorizontalHeaderLabels(["When (UTC)", "Who", "What", "Verdict", "Note / detail"])
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)
        for row, e in enumerate(entries):
            values = (e.at.replace("T", " ")[:19], e.by or "—", e.action, e.verdict or "",
                      " · ".join(x for x in (e.note or "", e.detail) if x))
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table = table
        self.resize(820, 420)


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self._settings = settings
        outer = QVBoxLayout(self)
        outer.setSpacing(10)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        form.setHorizontalSpacing(14)
        outer.addLayout(form)
        self.checker = QLineEdit(settings.checker)
        self.checker.setObjectName("settingsChecker")
        self.checker.setPlaceholderText("Your name, kept in each claim's history")
        self.organisation = QLineEdit(settings.organisation)
        self.organisation.setObjectName("settingsOrganisation")
        self.organisation.setPlaceholderText("Heads the report; signs ClaimReview exports")
        self.use_model_threshold = QCheckBox("Use the trained model's threshold")
        self.use_model_threshold.setChecked(settings.threshold is None)
        self.threshold = QDoubleSpinBox()
        self.threshold.setObjectName("settingsThreshold")
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setValue(settings.threshold if settings.threshold is not None else 0.52)
        self.threshold.setEnabled(settings.threshold is not None)
        self.use_model_threshold.toggled.connect(lambda on: self.threshold.setEnabled(not on))
        self.theme = QComboBox()
        self.theme.setObjectName("settingsTheme")
        for value in ("system", "light", "dark"):
            self.theme.addItem(value.capitalize(), value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.review_url = QLineEdit(settings.review_url_template)
        self.review_url.setObjectName("settingsReviewUrl")
        self.review_url.setPlaceholderText("https://desk.example/checks/{claim_id}")
        self.review_url.setToolTip("Where your published fact checks live: the url of each "
                                   "ClaimReview. Placeholders: {claim_id}, {article_id}.")
        self.role = QComboBox()
        self.role.setObjectName("settingsRole")
        self.role.addItem("Checker", "checker")
        self.role.addItem("Editor: approves, sends back, assigns, resolves", "editor")
        self.role.setCurrentIndex(max(0, self.role.findData(settings.role)))
        self.role.setToolTip("On a library file; on a shared library the server decides "
                             "(membership of annotator_editor)")
        form.addRow("Checker &name", self.checker)
        form.addRow("R&ole", self.role)
        form.addRow("&Organisation", self.organisation)
        form.addRow("Published &review URL", self.review_url)
        form.addRow(self.use_model_threshold)
        form.addRow("Detection &threshold", self.threshold)
        form.addRow("&Theme", self.theme)
        note = QLabel("The threshold applies to articles analysed from now on; the theme "
                      "on the next start.")
        note.setWordWrap(True)
        note.setStyleSheet("color:gray")
        form.addRow(note)
        outer.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.setMinimumWidth(600)

    def settings(self) -> Settings:
        return Settings(
            checker=self.checker.text().strip(), organisation=self.organisation.text().strip(),
            threshold=None if self.use_model_threshold.isChecked() else self.threshold.value(),
            theme=self.theme.currentData(), welcome_shown=self._settings.welcome_shown,
            review_url_template=self.review_url.text().strip(), role=self.role.currentData())


class HelpDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent=None):
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        intro = QLabel("<b>The checking loop:</b> J / K to move between claims, N for the next "
                       "unreviewed one, P for priority order, 1 verified · 2 disputed · 3 unsourced · 0 unreviewed, "
                       "Enter to write a note (Esc to leave it), E to add evidence. Every change "
                       "is saved at once; Ctrl+Z undoes it.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        table = QTableWidget(len(rows), 3)
        table.setObjectName("shortcutTable")
        table.setHorizontalHeaderLabels(["Menu", "Action", "Keys"])
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table = table
        self.resize(640, 640)


class WelcomeDialog(QDialog):
    """First run: who is checking (skippable), the workflow in a few lines."""

    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle("Welcome to Annotator")
        layout = QVBoxLayout(self)
        text = QLabel(
            "<h2>Welcome to Annotator</h2>"
            "<p>The sample article is open. Every check-worthy claim is highlighted; "
            "the panel on the right says why it was flagged and who makes it.</p>"
            "<ol>"
            "<li><b>J</b> / <b>K</b> move between claims (<b>N</b>: next unreviewed, "
            "<b>P</b>: priority order).</li>"
            "<li><b>1</b> verified · <b>2</b> disputed · <b>3</b> unsourced · <b>0</b> undo the "
            "verdict. <b>U</b> accepts a suggestion.</li>"
            "<li><b>Enter</b> writes a note, <b>E</b> adds an evidence link.</li>"
            "<li>Select text and press <b>Ctrl+Return</b> to add a claim the detector missed.</li>"
            "<li><b>File › Export</b> writes a CSV or a review report for your editor.</li>"
            "</ol>"
            "<p>Everything is saved the moment you do it. <b>Ctrl+Z</b> undoes any edit; "
            "<b>F1</b> lists every shortcut.</p>")
        text.setWordWrap(True)
        text.setTextFormat(Qt.RichText)
        layout.addWidget(text)
        who = QLabel("<b>Who is checking?</b> Your name goes into each claim's history; the "
                     "organisation heads the report and signs ClaimReview exports. "
                     "You can change both later in <b>File › Settings</b>.")
        who.setWordWrap(True)
        layout.addWidget(who)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.checker = QLineEdit(settings.checker)
        self.checker.setObjectName("welcomeChecker")
        self.checker.setPlaceholderText("Your name, e.g. Sam Okafor")
        self.organisation = QLineEdit(settings.organisation)
        self.organisation.setObjectName("welcomeOrganisation")
        self.organisation.setPlaceholderText("e.g. Example News fact-check desk")
        form.addRow("Your &name", self.checker)
        form.addRow("&Organisation", self.organisation)
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        start = buttons.addButton("Start checking", QDialogButtonBox.AcceptRole)
        start.setObjectName("welcomeStart")
        start.setDefault(True)
        skip = buttons.addButton("Skip for now", QDialogButtonBox.RejectRole)
        skip.setObjectName("welcomeSkip")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.checker.setFocus()
        self.checker.selectAll()
        self.setMinimumWidth(560)

    def identity(self) -> tuple[str, str]:
        return self.checker.text().strip(), self.organisation.text().strip()


class MergeConflictsDialog(QDialog):
    """The claims an import found reviewed differently on both sides.

    Both reviews are in each claim's history; the table says which one is
    current. `conflicts` are `MergeConflict`s (ImportResult.conflicts).
    """

    COLUMNS = ("Claim", "Yours", "Theirs", "Current")

    def __init__(self, conflicts, parent=None):
        super().__init__(parent)
        self.setObjectName("mergeConflictsDialog")
        self.setWindowTitle("Reviewed differently on both sides")
        conflicts = list(conflicts)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"{len(conflicts)} claim(s) in the imported file were reviewed differently here. "
            "Both reviews are kept in each claim's history (History…); the current one is "
            "shown on the right. Change a verdict as usual if the other review is right.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        table = QTableWidget(len(conflicts), len(self.COLUMNS))
        table.setObjectName("conflictsTable")
        table.setHorizontalHeaderLabels(list(self.COLUMNS))
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)

        def review(verdict, note, by, at) -> str:
            text = f"{verdict.value} — {by or '?'}, {(at or '?').replace('T', ' ')[:16]}"
            if note:
                text += "\n" + (note if len(note) <= 200 else note[:197] + "…")
            return text

        for row, c in enumerate(conflicts):
            quote = c.quote if len(c.quote) <= 300 else c.quote[:297] + "…"
            values = (f"#{c.claim_id} “{quote}”" + (f"\n{c.article_title}" if c.article_title
                                                     else ""),
                      review(c.mine_verdict, c.mine_note, c.mine_by, c.mine_at),
                      review(c.theirs_verdict, c.theirs_note, c.theirs_by, c.theirs_at),
                      "yours" if c.kept == "mine" else "theirs")
            _fill_row(table, row, values, c.claim_id)
        table.resizeRowsToContents()
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.table = table
        self.conflicts = conflicts
        self.resize(900, 420)

    def selected_claim_id(self) -> int | None:
        """The claim of the selected row (to open it in the main window)."""
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(Qt.UserRole) if item is not None else None


# ------------------------------------------------------------------- the desk
class SendBackDialog(QDialog):
    """The editor's comment when sending a verdict back (Ctrl+Return sends)."""

    def __init__(self, claim: Claim, parent=None):
        super().__init__(parent)
        self.setObjectName("sendBackDialog")
        self.setWindowTitle(f"Send #{claim.number} back")
        layout = QVBoxLayout(self)
        quote = claim.text if len(claim.text) <= 200 else claim.text[:197] + "…"
        label = QLabel(f"<b>{escape(claim.verdict.label)}</b>: “{escape(quote)}”<br>"
                       "What should the checker look at again?")
        label.setWordWrap(True)
        layout.addWidget(label)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("sendBackComment")
        self.comment.setPlaceholderText("e.g. The figure is from 2019; find this year's")
        layout.addWidget(self.comment)
        self.error = QLabel()
        self.error.setStyleSheet("color:#D55E00")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.send = buttons.addButton("Send back", QDialogButtonBox.AcceptRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.comment.setFocus()
        self.resize(520, 260)

    def _accept(self) -> None:
        if not self.text():
            self.error.setText("Write what to look at: the checker sees this comment.")
            return
        self.accept()

    def text(self) -> str:
        return self.comment.toPlainText().strip()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.modifiers() & Qt.ControlModifier:
            self._accept()
            return
        super().keyPressEvent(event)


class DifferencesDialog(QDialog):
    """Where the blind checkers of an article differ (`desk.Difference`s), claim by claim,
    each checker's verdict and note side by side. An editor resolves the selected claim
    with 1 / 2 / 3 (verified / disputed / unsourced) and keeps the agreed verdicts."""

    resolveRequested = Signal(int, object)  # claim id, Verdict
    acceptAgreedRequested = Signal()

    def __init__(self, differences, checkers: tuple[str, ...], editor: bool, parent=None):
        from annotator.core.model import Verdict

        super().__init__(parent)
        self.setObjectName("differencesDialog")
        self.setWindowTitle("Differences of the blind check")
        self.differences = list(differences)
        self.editor = editor
        layout = QVBoxLayout(self)
        count = len(self.differences)
        text = (f"{count_words(count, 'claim')} judged differently by "
                f"{', '.join(checkers)}." if count else
                f"{', '.join(checkers)} agreed on every claim.")
        text += (" Select a claim and press 1, 2 or 3 to write the final verdict (it is "
                 "approved at once)." if editor and count else
                 "" if editor else " The editor resolves them.")
        intro = QLabel(text)
        intro.setObjectName("differencesIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        columns = ["#", "Claim", *checkers, "Final"]
        table = QTableWidget(count, len(columns))
        table.setObjectName("differencesTable")
        table.setHorizontalHeaderLabels(columns)
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setSelectionMode(QAbstractItemView.SingleSelection)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        for row, difference in enumerate(self.differences):
            claim = difference.claim
            values = [f"#{claim.number}", _clip(claim.text, 300)]
            for verdict in difference.verdicts:
                cell = verdict.verdict.label
                if verdict.note:
                    cell += "\n" + _clip(verdict.note, 200)
                values.append(cell)
            values.append(claim.verdict.label if claim.review_state == "approved" else "")
            _fill_row(table, row, values, claim.id)
        table.resizeRowsToContents()
        if count:
            table.selectRow(0)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.resolve_buttons = {}
        if editor:
            for key, verdict in (("1", Verdict.VERIFIED), ("2", Verdict.DISPUTED),
                                 ("3", Verdict.UNSOURCED)):
                button = QPushButton(f"{verdict.label} ({key})")
                button.setEnabled(bool(count))
                button.clicked.connect(lambda _c=False, v=verdict: self._resolve(v))
                buttons.addButton(button, QDialogButtonBox.ActionRole)
                self.resolve_buttons[verdict] = button
                # A shortcut, not a key handler: the table would take the digit as a search.
                action = QAction(self)
                action.setShortcut(QKeySequence(key))
                action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
                action.triggered.connect(lambda _c=False, v=verdict: self._resolve(v))
                self.addAction(action)
            agreed = QPushButton("Keep the agreed verdicts")
            agreed.setObjectName("keepAgreed")
            agreed.clicked.connect(self.acceptAgreedRequested.emit)
            buttons.addButton(agreed, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table = table
        self.resize(960, 460)

    def selected_claim_id(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(Qt.UserRole) if item is not None else None

    def _resolve(self, verdict) -> None:
        claim_id = self.selected_claim_id()
        if claim_id is not None and self.editor:
            self.resolveRequested.emit(claim_id, verdict)

    def mark_resolved(self, claim) -> None:
        """Show a claim's final verdict; move to the next row."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.UserRole) == claim.id:
                self.table.item(row, self.table.columnCount() - 1).setText(claim.verdict.label)
                if row + 1 < self.table.rowCount():
                    self.table.selectRow(row + 1)

    def resolved_count(self) -> int:
        last = self.table.columnCount() - 1
        return sum(1 for r in range(self.table.rowCount()) if self.table.item(r, last).text())


def _fill_row(table: QTableWidget, row: int, values, claim_id: int) -> None:
    """One row of text cells, each with its text as tooltip; the claim's id on the first."""
    for column, value in enumerate(values):
        item = QTableWidgetItem(value)
        item.setToolTip(value)
        if column == 0:
            item.setData(Qt.UserRole, claim_id)
        table.setItem(row, column, item)
