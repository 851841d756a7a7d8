"""The panel for the selected claim: verdict buttons, note, evidence, and what
the detector says about it (type, attribution, reasons, suggestion, earlier
reviews of the same claim elsewhere)."""

from __future__ import annotations

import re

from html import escape

from PySide6.QtCore import QTimer, QUrl, Qt, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup, QFrame, QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from annotator.core.links import is_web_url
from annotator.core.model import Match
from annotator.core.model import Claim, Verdict
from annotator.gui.claim_model import review_text
from annotator.gui.palette import style_for

NOTE_SAVE_DELAY_MS = 400


class NoteEdit(QPlainTextEdit):
    """The note; Escape hands the keyboard back to the claim list."""

    escaped = Signal()
    focusLost = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.focusLost.emit()
        super().focusOutEvent(event)


class VerdictPanel(QWidget):
    verdictChosen = Signal(object)  # Verdict
    noteEdited = Signal(int, str)  # claim id, note
    claimReviewedEdited = Signal(int, str)  # claim id, the short wording for ClaimReview
    addEvidenceRequested = Signal()
    removeEvidenceRequested = Signal(int)  # evidence id
    reuseRequested = Signal(object)  # Match
    acceptSuggestion = Signal()
    historyRequested = Signal()
    linkRefused = Signal(str)  # why an evidence link was not opened

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self._claim: Claim | None = None
        self._matches: list[Match] = []
        self._loading = False
        self.dark = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)  # a 720-pixel screen keeps eight rows of the claim list above
        self.claim_label = QLabel("Select a claim in the article or the list.")
        self.claim_label.setObjectName("claimText")
        self.claim_label.setWordWrap(True)
        self.claim_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.claim_label.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        layout.addWidget(self.claim_label)

        self.details = QLabel()
        self.details.setObjectName("claimDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.RichText)
        layout.addWidget(self.details)

        buttons = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[Verdict, QPushButton] = {}
        for verdict, name, key in ((Verdict.VERIFIED, "verdictVerified", "1"),
                                   (Verdict.DISPUTED, "verdictDisputed", "2"),
                                   (Verdict.UNSOURCED, "verdictUnsourced", "3"),
                                   (Verdict.UNREVIEWED, "verdictUnreviewed", "0")):
            style = style_for(verdict)
            button = QPushButton(f"{style.symbol} {verdict.label}  [{key}]")
            button.setObjectName(name)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.NoFocus)  # keys 1/2/3/0 do this; focus stays on the list
            button.setAccessibleName(f"Mark {verdict.label}")
            button.setToolTip(f"Mark the claim {verdict.label.lower()} (key {key})")
            button.clicked.connect(lambda _=False, v=verdict: self.verdictChosen.emit(v))
            self.group.addButton(button)
            self.buttons[verdict] = button
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.suggestion = QPushButton()
        self.suggestion.setObjectName("acceptSuggestion")
        self.suggestion.setFocusPolicy(Qt.NoFocus)
        self.suggestion.clicked.connect(self.acceptSuggestion.emit)
        self.suggestion.hide()
        layout.addWidget(self.suggestion)

        self.matches_box = QGroupBox("Already checked elsewhere")
        self.matches_box.setObjectName("matchesBox")
        matches_layout = QVBoxLayout(self.matches_box)
        self.matches_label = QLabel()
        self.matches_label.setWordWrap(True)
        self.matches_label.setTextFormat(Qt.RichText)
        matches_layout.addWidget(self.matches_label)
        self.reuse_button = QPushButton("Reuse this verdict, note and evidence  [R]")
        self.reuse_button.setObjectName("reuseMatch")
        self.reuse_button.setFocusPolicy(Qt.NoFocus)
        self.reuse_button.clicked.connect(self._reuse_first)
        matches_layout.addWidget(self.reuse_button)
        self.matches_box.hide()
        layout.addWidget(self.matches_box)

        layout.addWidget(QLabel("Note  [Enter to edit, Esc to leave]"))
        self.note = NoteEdit()
        self.note.setObjectName("noteEdit")
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("What did you find? Saved as you type.")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(110)
        self.note.textChanged.connect(self._note_changed)
        self.note.focusLost.connect(self.flush_note)
        layout.addWidget(self.note)
        self.claim_reviewed = QLineEdit()
        self.claim_reviewed.setObjectName("claimReviewedEdit")
        self.claim_reviewed.setAccessibleName("Short claim for ClaimReview")
        self.claim_reviewed.setPlaceholderText("Short wording for ClaimReview "
                                               "(at most 75 characters; empty: the claim)")
        self.claim_reviewed.setMaxLength(300)
        self.claim_reviewed.setToolTip("What ClaimReview publishes as claimReviewed. Google "
                                       "suggests at most 75 characters. Saved on Enter or when "
                                       "you leave the field.")
        self.claim_reviewed.editingFinished.connect(self._claim_reviewed_done)
        self.claim_reviewed.textChanged.connect(self._claim_reviewed_count)
        self.claim_reviewed_count = QLabel()
        self.claim_reviewed_count.setObjectName("claimReviewedCount")
        short_row = QHBoxLayout()
        short_row.addWidget(self.claim_reviewed, 1)
        short_row.addWidget(self.claim_reviewed_count)
        layout.addLayout(short_row)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.flush_note)

        evidence_header = QHBoxLayout()
        evidence_header.addWidget(QLabel("Evidence"))
        evidence_header.addStretch(1)
        self.add_evidence = QPushButton("Add…  [E]")
        self.add_evidence.setObjectName("addEvidence")
        self.add_evidence.setFocusPolicy(Qt.NoFocus)
        self.add_evidence.clicked.connect(self.addEvidenceRequested.emit)
        evidence_header.addWidget(self.add_evidence)
        self.remove_evidence = QPushButton("Remove")
        self.remove_evidence.setObjectName("removeEvidence")
        self.remove_evidence.setFocusPolicy(Qt.NoFocus)
        self.remove_evidence.clicked.connect(self._remove_selected_evidence)
        evidence_header.addWidget(self.remove_evidence)
        layout.addLayout(evidence_header)
        self.evidence = QListWidget()
        self.evidence.setObjectName("evidenceList")
        self.evidence.setMaximumHeight(110)
        self.evidence.itemActivated.connect(self._open_evidence)
        layout.addWidget(self.evidence)

        footer = QHBoxLayout()
        self.meta = QLabel()
        self.meta.setObjectName("claimMeta")
        self.meta.setWordWrap(True)
        footer.addWidget(self.meta, 1)
        history = QPushButton("History…")
        history.setObjectName("historyButton")
        history.setFocusPolicy(Qt.NoFocus)
        history.clicked.connect(self.historyRequested.emit)
        footer.addWidget(history)
        layout.addLayout(footer)
        line = QFrame()
        line.setFrameShape(QFrame.NoFrame)
        layout.addWidget(line, 1)
        self.set_claim(None)

    # ---------------------------------------------------------------- display
    @property
    def claim(self) -> Claim | None:
        return self._claim

    def set_claim(self, claim: Claim | None, matches: list[Match] | None = None) -> None:
        same = claim is not None and self._claim is not None and claim.id == self._claim.id
        if not same:
            self.flush_note()
        self._claim = claim
        self._matches = matches or []
        enabled = claim is not None and not claim.removed
        for button in self.buttons.values():
            button.setEnabled(enabled)
        self.note.setEnabled(enabled)
        self.claim_reviewed.setEnabled(enabled)
        self.add_evidence.setEnabled(enabled)
        self.remove_evidence.setEnabled(enabled)
        if claim is None:
            self.claim_label.setText("Select a claim in the article or the list.")
            self.details.clear()
            self._set_note_text("")
            self._set_claim_reviewed("")
            self.evidence.clear()
            self.meta.clear()
            self.suggestion.hide()
            self.matches_box.hide()
            self.group.setExclusive(False)
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
            return
        self.claim_label.setText(claim.text)
        self.buttons[claim.verdict].setChecked(True)
        if not same or (not self.note.hasFocus() and self.note.toPlainText() != claim.note):
            self._set_note_text(claim.note)
        if not same or not self.claim_reviewed.hasFocus():
            self._set_claim_reviewed(claim.claim_reviewed)
        self.details.setText(_details_html(claim))
        self.evidence.clear()
        for evidence in claim.evidence:
            label = evidence.title or evidence.url
            web = is_web_url(evidence.url)
            # Only web pages open; anything else (file:, smb:, a reference) is shown.
            item = QListWidgetItem(f"↗ {label}" if web else f"▪ {label}")
            tip = evidence.url if web else f"{evidence.url}\n(not a web link: shown, not opened)"
            item.setToolTip(tip + (f"\n{evidence.note}" if evidence.note else ""))
            item.setData(Qt.UserRole, evidence.id)
            item.setData(Qt.UserRole + 1, evidence.url)
            self.evidence.addItem(item)
        meta = []
        if claim.checker:
            meta.append(f"by {claim.checker}")
        if claim.updated_at:
            meta.append(f"updated {claim.updated_at.replace('T', ' ')[:16]} UTC")
        if claim.anchor_status.value != "exact":
            meta.append(f"anchor: {claim.anchor_status.value}")
        if claim.review_state:  # the editor's review stays in view, with its comment
            meta.append(review_text(claim))
        self.meta.setText(" · ".join(meta))
        if claim.suggested_verdict and claim.verdict is Verdict.UNREVIEWED:
            self.suggestion.setText(f"Suggested: {claim.suggested_verdict} — accept  [U]")
            self.suggestion.show()
        else:
            self.suggestion.hide()
        if self._matches:
            rows = []
            for m in self._matches[:3]:
                style = style_for(m.verdict, self.dark)
                rows.append(
                    f"<b style='color:{style.colour}'>{style.symbol} {escape(m.verdict.label)}</b>"
                    f" in “{escape(m.article_title)}” ({m.similarity:.0%} alike)"
                    + (f"<br><i>{escape(m.note)}</i>" if m.note else "")
                    + (f"<br>{len(m.evidence)} evidence link(s)" if m.evidence else ""))
            self.matches_label.setText("<br><br>".join(rows))
            self.matches_box.show()
        else:
            self.matches_box.hide()

    def _set_claim_reviewed(self, text: str) -> None:
        self.claim_reviewed.blockSignals(True)
        self.claim_reviewed.setText(text)
        self.claim_reviewed.blockSignals(False)
        self._claim_reviewed_count(text)

    def _claim_reviewed_count(self, text: str) -> None:
        length = len(text.strip())
        self.claim_reviewed_count.setText(f"{length}/75" if length else "")
        self.claim_reviewed_count.setStyleSheet("color:#D55E00" if length > 75 else "")

    def _claim_reviewed_done(self) -> None:
        if self._claim is None:
            return
        text = " ".join(self.claim_reviewed.text().split())
        if text != self._claim.claim_reviewed:
            self.claimReviewedEdited.emit(self._claim.id, text)

    def _set_note_text(self, text: str) -> None:
        self._loading = True
        self.note.setPlainText(text)
        self._loading = False
        self._note_timer.stop()

    # ----------------------------------------------------------------- edits
    def _note_changed(self) -> None:
        if not self._loading and self._claim is not None:
            self._note_timer.start()

    def flush_note(self) -> None:
        """Save a pending note edit now (focus left, claim changed, window closing)."""
        if self._note_timer.isActive():
            self._note_timer.stop()
        if self._claim is None or self._loading:
            return
        text = self.note.toPlainText()
        if text != self._claim.note:
            self.noteEdited.emit(self._claim.id, text)

    def _open_evidence(self, item: QListWidgetItem) -> None:
        link = item.data(Qt.UserRole + 1) or ""
        if is_web_url(link):
            QDesktopServices.openUrl(QUrl(link.strip()))
            return
        shown = link if len(link) <= 80 else link[:77] + "…"
        message = (f"Not opened: “{shown}” is not a web (http/https) link; only web links "
                   "are opened, others are shown as text.")
        self.linkRefused.emit(message)
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(message, 8000)

    def _remove_selected_evidence(self) -> None:
        item = self.evidence.currentItem()
        if item is not None:
            self.removeEvidenceRequested.emit(item.data(Qt.UserRole))

    def _reuse_first(self) -> None:
        if self._matches:
            self.reuseRequested.emit(self._matches[0])

    @property
    def matches(self) -> list[Match]:
        return self._matches


_RESOLVED = re.compile(r"\((.+?) = [^()]+\)")


def _read_from(reasons) -> str | None:
    """"they" from the reason "attributed to Harry and Meghan (they = Harry and Meghan)"."""
    for reason in reasons:
        if reason.startswith("attributed to"):
            match = _RESOLVED.search(reason)
            return match.group(1) if match else None
    return None


def _details_html(claim: Claim) -> str:
    a = claim.attribution
    source = {"named": "Named source", "anonymous": "Anonymous source",
              "hedged": "Hedged, no source", "none": "Writer's own assertion"}[a.kind.value]
    if a.speaker:
        source += f": <b>{escape(a.speaker)}</b>"
    read_from = _read_from(claim.reasons)
    if a.speaker and read_from:
        # whom "he", "the singer" or "the Mayor" was read as: the one thing a checker must
        # confirm before trusting the name (the reasons' "he = X", which the list below omits)
        source += f" (read from “{escape(read_from)}”)"
    if a.via:
        source += f" (via {escape(a.via)})"
    rows = [
        f"<b>{escape(claim.kind.value.capitalize())}</b> · type <b>"
        f"{escape(claim.claim_type.replace('_', ' '))}</b> · score <b>{claim.score:.2f}</b>"
        + (" · <i>added by hand</i>" if claim.origin == "manual" else ""),
        source,
    ]
    reasons = [r for r in claim.reasons if not r.startswith("attributed to")]
    if reasons:
        rows.append("Why: " + escape("; ".join(reasons[:8])))
    return "<br>".join(rows)
