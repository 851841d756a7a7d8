"""The main window: library, article, claims and the verdict panel."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QAbstractSpinBox, QApplication, QCheckBox, QComboBox, QFileDialog,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMainWindow, QMessageBox, QPlainTextEdit,
    QProgressBar, QSplitter, QTableView, QTextEdit, QVBoxLayout, QWidget,
)

from annotator import __version__
from annotator.core.errors import AnnotatorError
from annotator.core.model import Claim, Verdict
from annotator.gui.article_view import ArticleView
from annotator.gui.claim_model import (
    review_text,
    CLAIM_ID_ROLE, ArticleListModel, ClaimFilterProxy, ClaimTableModel,
)
from annotator.gui.dialogs import EvidenceDialog, HelpDialog, HistoryDialog, SearchDialog, SettingsDialog
from annotator.gui.palette import style_for
from annotator.gui.progress_strip import ProgressStrip
from annotator.gui.session import Session

ORG, APP = "annotator", "annotator"
# the fewest letters a claim filter shows when the window is narrow (it grows to its longest
# item when there is room)
FILTER_MIN_LETTERS = 6


class MainWindow(QMainWindow):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setObjectName("mainWindow")
        self.setWindowTitle("Annotator")
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        self.dark = _system_is_dark(session.settings.theme)
        self._article_id: int | None = None
        self._article = None  # the Article shown (title and date name its exports)
        self._show_all = False
        self._pending_select: int | None = None
        self._load_token = 0  # bumped per opened article; stale staged loads check it
        self._loaded_token = 0

        self._library_timer = QTimer(self)
        self._library_timer.setSingleShot(True)
        self._library_timer.setInterval(150)
        self._library_timer.timeout.connect(self._list_articles)
        self._reload_keep: int | None = None  # claim to keep selected when claims reload
        self._tally: Counter = Counter()  # listed claims by verdict, kept claim by claim
        self._orphaned = 0
        self._reloading = False
        self._blind = None  # the shown article's blind check (desk), if any
        self._differences_dialog = None
        self._build_widgets()
        self._build_actions()
        self._connect()
        self._restore_state()
        self._show_read_only_banner()
        self._add_connection_banner()
        self.claim_list.setFocus()  # J, K, 1, 2, 3... work from the first key press
        self._update_actions()
        self.refresh_library()

    def _show_read_only_banner(self) -> None:
        """A read-only library (read-only media, no write permission) says so on top."""
        if not self.session.read_only:
            return
        banner = QLabel(f"Read-only library: {self.session.path} cannot be written (read-only "
                        "media or no permission). You can read, search and export; verdicts, "
                        "notes and new articles cannot be saved.")
        self._put_banner_on_top(banner, "readOnlyBanner", "background:#FFF3C4; color:#3B2F00; "
                                "padding:6px; border-bottom:1px solid #E0C060")
        self.read_only_banner = banner

    def _put_banner_on_top(self, banner: QLabel, name: str, style: str) -> None:
        """A full-width banner above the window's central widget."""
        banner.setObjectName(name)
        banner.setWordWrap(True)
        banner.setStyleSheet(style)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(banner)
        layout.addWidget(self.takeCentralWidget(), 1)
        self.setCentralWidget(holder)

    def _add_connection_banner(self) -> None:
        """A shared library: a banner while its connection is lost (edits refused, the
        window reconnects by itself); hidden again once it is back."""
        self.connection_banner = None
        if not getattr(self.session, "shared", False):
            return
        banner = QLabel("")
        self._put_banner_on_top(banner, "connectionBanner", "background:#FBE3E4; "
                                "color:#5A1A1D; padding:6px; border-bottom:1px solid #D99A9E")
        banner.hide()
        self.connection_banner = banner
        self.session.connectionChanged.connect(self.on_connection_changed)

    @Slot(str)
    def on_connection_changed(self, message: str) -> None:
        if self.connection_banner is None:
            return
        if message:
            self.connection_banner.setText(f"{message[0].upper()}{message[1:]}")
            self.connection_banner.show()
        else:
            self.connection_banner.hide()
            self.statusBar().showMessage(f"Connected again to {self.session.display}", 8000)

    # ------------------------------------------------------------- building
    def _build_widgets(self) -> None:
        self.library_filter = QLineEdit()
        self.library_filter.setObjectName("libraryFilter")
        self.library_filter.setPlaceholderText("Filter articles…")
        self.library_filter.setClearButtonEnabled(True)
        self.article_model = ArticleListModel(self)
        self.library_view = QTableView()
        self.library_view.setObjectName("libraryView")
        self.library_view.setModel(self.article_model)
        self.library_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.library_view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.library_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.library_view.verticalHeader().hide()
        library_header = self.library_view.horizontalHeader()
        library_header.setSectionResizeMode(0, QHeaderView.Stretch)
        library_header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        library_header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        # Size those columns from the visible rows only: with 10,000 articles, asking
        # every row on each change of one article's figures stalled a verdict 120 ms.
        library_header.setResizeContentsPrecision(0)
        self.library_view.setWordWrap(False)
        library_box = QWidget()
        library_layout = QVBoxLayout(library_box)
        library_layout.setContentsMargins(6, 6, 0, 6)
        library_layout.addWidget(QLabel("<b>Library</b>"))
        library_layout.addWidget(self.library_filter)
        library_layout.addWidget(self.library_view)
        library_box.setMinimumWidth(180)

        self.article_title = QLabel()
        self.article_title.setObjectName("articleTitle")
        self.article_title.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setTextFormat(Qt.RichText)
        self.legend.setWordWrap(True)  # never let the legend widen the window
        self.article_view = ArticleView()
        self.article_view.set_dark(self.dark)
        article_box = QWidget()
        article_layout = QVBoxLayout(article_box)
        article_layout.setContentsMargins(0, 6, 0, 6)
        article_layout.addWidget(self.article_title)
        article_layout.addWidget(self.legend)
        article_layout.addWidget(self.article_view, 1)

        self.claim_model = ClaimTableModel(self)
        self.claim_model.dark = self.dark
        self.claim_proxy = ClaimFilterProxy(self)
        self.claim_proxy.setSourceModel(self.claim_model)
        self.claim_list = QTableView()
        self.claim_list.setObjectName("claimList")
        self.claim_list.setAccessibleName("Claims")
        self.claim_list.setModel(self.claim_proxy)
        self.claim_list.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.claim_list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.claim_list.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.claim_list.setSortingEnabled(True)
        self.claim_list.sortByColumn(0, Qt.AscendingOrder)
        self.claim_list.verticalHeader().hide()
        # Compact rows: a 720-pixel-high window still lists ten claims or more.
        self.claim_list.verticalHeader().setDefaultSectionSize(
            self.claim_list.fontMetrics().height() + 8)
        self.claim_list.setWordWrap(False)
        header = self.claim_list.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        metrics = self.claim_list.fontMetrics()
        for column, width in ((0, metrics.horizontalAdvance("9999") + 14), (1, 108),
                              (3, metrics.horizontalAdvance("added by hand") + 14),
                              (4, 80), (5, 112)):
            self.claim_list.setColumnWidth(column, width)

        self.verdict_filter = QComboBox()
        self.verdict_filter.setObjectName("verdictFilter")
        self.verdict_filter.addItem("All verdicts", None)
        for verdict in Verdict:
            self.verdict_filter.addItem(verdict.label, verdict)
        self.verdict_filter.addItem("Re-anchored: check the text", "fuzzy")
        self.verdict_filter.addItem("Orphaned: text gone", "orphaned")
        self.type_filter = QComboBox()
        self.type_filter.setObjectName("typeFilter")
        self.type_filter.addItem("All types", None)
        for value in ("quantity", "prediction", "correlation_causation", "law_rule",
                      "personal_experience", "other"):
            self.type_filter.addItem(value.replace("_", " "), value)
        self.source_filter = QComboBox()
        self.source_filter.setObjectName("sourceFilter")
        self.source_filter.addItem("All sources", None)
        for value in ("named", "anonymous", "hedged", "none"):
            self.source_filter.addItem(value, value)
        self.review_filter = QComboBox()
        self.review_filter.setObjectName("reviewFilter")
        self.review_filter.setToolTip("The editor's review of the verdicts")
        for label, value in (("Any review", None), ("Approved \u2713", "approved"),
                             ("Sent back \u21a9", "returned"),
                             ("Not yet approved", "pending")):
            self.review_filter.addItem(label, value)
        self.show_all_box = QCheckBox("All units")
        self.show_all_box.setObjectName("showAllUnits")
        self.show_all_box.setToolTip("Also list headlines, captions, datelines, sentences below "
                                     "the check-worthiness threshold and removed claims")
        filters = QHBoxLayout()
        for widget in (self.verdict_filter, self.type_filter, self.source_filter,
                       self.review_filter):
            widget.setFocusPolicy(Qt.ClickFocus)
            # Sized to their longest item, the four filters kept the right-hand side 850
            # pixels wide and left the article a strip of 230 at 1280: they may shrink to a
            # few letters (the open list still shows every item whole).
            natural = widget.sizeHint().width()
            widget.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(FILTER_MIN_LETTERS)
            widget.setMaximumWidth(max(natural, widget.minimumSizeHint().width()))
            filters.addWidget(widget, 1)
        filters.addWidget(self.show_all_box)
        filters.addStretch(1)

        self.progress_strip = ProgressStrip()
        self.progress_strip.set_dark(self.dark)
        self.order_label = QLabel()
        self.order_label.setObjectName("orderLabel")
        self.order_label.setWordWrap(True)  # two short lines rather than a wider window
        self.order_label.setTextFormat(Qt.RichText)
        filters.addWidget(self.order_label)
        claims_box = QWidget()
        claims_layout = QVBoxLayout(claims_box)
        claims_layout.setContentsMargins(0, 6, 6, 0)
        claims_layout.addWidget(self.progress_strip)
        claims_layout.addLayout(filters)
        claims_layout.addWidget(self.claim_list)

        from annotator.gui.verdict_panel import VerdictPanel

        self.panel = VerdictPanel()
        self.panel.dark = self.dark
        # The note and the evidence list may shrink on small screens (they scroll).
        self.panel.note.setMinimumHeight(3 * self.fontMetrics().height())
        self.panel.evidence.setMinimumHeight(2 * self.fontMetrics().height() + 8)
        right = QSplitter(Qt.Vertical)
        right.setObjectName("rightSplitter")
        right.addWidget(claims_box)
        right.addWidget(self.panel)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)

        self.right_splitter = right

        splitter = QSplitter(Qt.Horizontal)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(library_box)
        splitter.addWidget(article_box)
        splitter.addWidget(right)
        splitter.setSizes([220, 560, 660])
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        self.main_splitter = splitter
        self.setCentralWidget(splitter)

        self.progress = QProgressBar()
        self.progress.setObjectName("analysisProgress")
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.model_label = QLabel("Loading language model…")
        self.checker_label = QLabel()
        self.checker_label.setObjectName("checkerLabel")
        self.statusBar().addPermanentWidget(self.checker_label)
        self.statusBar().addPermanentWidget(self.model_label)
        self.show_identity()
        self.statusBar().addPermanentWidget(self.progress)
        self._update_legend()

    def _action(self, menu, text: str, slot, shortcut=None, name: str | None = None,
                tip: str | None = None, shortcuts=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if shortcuts:
            keys = [QKeySequence(s) for s in shortcuts]
            action.setShortcuts(list({k.toString(): k for k in keys if not k.isEmpty()}.values()))
        if name:
            action.setObjectName(name)
        if tip:
            action.setStatusTip(tip)
        action.setShortcutContext(Qt.WindowShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&Open article…", self.open_files, QKeySequence.Open, "actionOpen")
        self._action(file_menu, "Open &URL…", self.open_url, "Ctrl+Shift+O", "actionOpenUrl")
        self._action(file_menu, "Open s&hared library…", self.open_shared_library, None,
                     "actionOpenShared")
        self._action(file_menu, "New article from &clipboard", self.paste_article,
                     "Ctrl+Shift+V", "actionPaste")
        self._action(file_menu, "Open the &sample article", self.session.open_sample, None,
                     "actionSample")
        file_menu.addSeparator()
        export = file_menu.addMenu("&Export")
        self._action(export, "&CSV…", lambda: self.export("csv"), "Ctrl+Shift+E",
                     "actionExportCsv")
        self._action(export, "CSV for &Excel…", lambda: self.export("csv-excel"), None,
                     "actionExportExcel")
        self._action(export, "Excel &workbook (.xlsx)…", lambda: self.export("xlsx"), None,
                     "actionExportXlsx")
        self._action(export, "Review &report (HTML or PDF)…", lambda: self.export("report"),
                     "Ctrl+Shift+R", "actionExportReport")
        self._action(export, "Claim&Review JSON-LD…", lambda: self.export("claimreview"), None,
                     "actionExportClaimReview")
        self._action(export, "&W3C Web Annotations…", lambda: self.export("w3c"), None,
                     "actionExportW3c")
        self.export_all = QAction("Export the whole library", self)
        self.export_all.setCheckable(True)
        export.addSeparator()
        export.addAction(self.export_all)
        self._action(file_menu, "&Import annotations (W3C)…", self.import_annotations, None,
                     "actionImportAnnotations")
        file_menu.addSeparator()
        self._action(file_menu, "&Settings…", self.open_settings, "Ctrl+,", "actionSettings",
                     shortcuts=["Ctrl+,", QKeySequence.Preferences])
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.Quit, "actionQuit")

        edit = bar.addMenu("&Edit")
        self.undo_action = self.session.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.Undo)
        self.redo_action = self.session.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            edit.addAction(action)
            self.addAction(action)
        edit.addSeparator()
        self._action(edit, "&Add selection as claim", self.add_claim_from_selection,
                     "Ctrl+Return", "actionAddClaim",
                     shortcuts=["Ctrl+Return", "Ctrl+Enter"])
        self._action(edit, "Set claim &boundaries to selection", self.adjust_bounds,
                     "Ctrl+B", "actionAdjustBounds")
        self._action(edit, "&Not a claim (remove)", self.remove_claim, "Delete",
                     "actionRemoveClaim")
        self._action(edit, "Re&store claim", self.restore_claim, "Shift+Delete",
                     "actionRestoreClaim")
        edit.addSeparator()
        self._action(edit, "&Find in all articles…", self.search, QKeySequence.Find,
                     "actionSearch")

        claim = bar.addMenu("&Claim")
        self._action(claim, "Mark &verified", lambda: self.mark(Verdict.VERIFIED), "1",
                     "actionVerified")
        self._action(claim, "Mark &disputed", lambda: self.mark(Verdict.DISPUTED), "2",
                     "actionDisputed")
        self._action(claim, "Mark &unsourced", lambda: self.mark(Verdict.UNSOURCED), "3",
                     "actionUnsourced")
        self._action(claim, "Mark unre&viewed", lambda: self.mark(Verdict.UNREVIEWED), "0",
                     "actionUnreviewed")
        self._action(claim, "Accept the &suggested verdict", self.accept_suggestion, "U",
                     "actionAcceptSuggestion")
        self._action(claim, "&Reuse the earlier verdict", self.reuse_match, "R",
                     "actionReuseMatch")
        claim.addSeparator()
        self._action(claim, "&Next claim", lambda: self.step(1), "J", "actionNext")
        self._action(claim, "&Previous claim", lambda: self.step(-1), "K", "actionPrevious")
        self._action(claim, "Next &unreviewed claim", self.next_unreviewed, "N",
                     "actionNextUnreviewed")
        self.priority_action = self._action(
            claim, "&Priority order (unsourced, most check-worthy first)", self.toggle_priority,
            "P", "actionPriority",
            tip="Switch the claim list between article order and priority order")
        self.priority_action.setCheckable(True)
        claim.addSeparator()
        self._action(claim, "Add &evidence…", self.add_evidence, "E", "actionAddEvidence")
        self._action(claim, "Edit the &note", self.edit_note, "Return", "actionEditNote",
                     shortcuts=["Return", "Enter"])
        self._action(claim, "&History…", self.show_history, "Ctrl+H", "actionHistory")

        view = bar.addMenu("&View")
        self._action(view, "Zoom &in", lambda: self.zoom(1), "Ctrl+=", "actionZoomIn",
                     shortcuts=["Ctrl+=", "Ctrl++"])
        self._action(view, "Zoom &out", lambda: self.zoom(-1), "Ctrl+-", "actionZoomOut")
        self._action(view, "&Reset zoom", lambda: self.zoom(0), "Ctrl+0", "actionZoomReset")
        view.addSeparator()
        self.show_all_action = self._action(
            view, "Show &captions and below-threshold sentences",
            lambda checked=False: self.show_all_box.setChecked(not self.show_all_box.isChecked()),
            "Ctrl+Shift+A", "actionShowAll")
        self._action(view, "Focus the claim &list", self.claim_list.setFocus, "Ctrl+L",
                     "actionFocusList")
        self._action(view, "Focus the &library", self.library_view.setFocus, "Ctrl+Shift+L",
                     "actionFocusLibrary")
        self._action(view, "Focus the article &text (select with Shift+arrows)",
                     self.article_view.setFocus, "Ctrl+Shift+T", "actionFocusArticle")

        # Single keys act on the claims only while no text field has the keyboard
        # (there they type), and the claim actions only with a claim selected:
        # such an action is disabled, and pressing its key says why.
        names = ("actionVerified", "actionDisputed", "actionUnsourced", "actionUnreviewed",
                 "actionAcceptSuggestion", "actionReuseMatch", "actionAddEvidence",
                 "actionEditNote", "actionRemoveClaim", "actionRestoreClaim", "actionHistory",
                 "actionAdjustBounds")
        self._claim_actions = [self.findChild(QAction, n) for n in names]
        self._key_actions = [self.findChild(QAction, n) for n in (
            "actionVerified", "actionDisputed", "actionUnsourced", "actionUnreviewed",
            "actionAcceptSuggestion", "actionReuseMatch", "actionAddEvidence", "actionEditNote",
            "actionRemoveClaim", "actionRestoreClaim", "actionNext", "actionPrevious",
            "actionNextUnreviewed", "actionPriority")]
        self._why_disabled: dict[QAction, str] = {}
        self._update_order_label()
        self._build_desk_actions(bar)

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Keyboard shortcuts", self.show_help, QKeySequence.HelpContents,
                     "actionHelp", shortcuts=["F1"])
        self._action(help_menu, "&About Annotator", self.about, None, "actionAbout")

    def _build_desk_actions(self, bar) -> None:
        """The desk: an editor's review, my assigned claims, blind checks (desk.py).
        N is my next assigned unreviewed claim (else the next of this list); Shift+N only
        ever goes to an assigned one, and says so when none is left."""
        desk = bar.addMenu("&Desk")
        self._action(desk, "&Approve the verdict", self.approve, "Ctrl+Shift+Y",
                     "actionApprove", tip="Editor: sign the claim's verdict off")
        self._action(desk, "Send the verdict &back…", self.send_back, "Ctrl+Shift+B",
                     "actionSendBack", tip="Editor: return the verdict with a comment")
        desk.addSeparator()
        self._action(desk, "&My next unreviewed claim (assigned to me)", self.next_mine,
                     "Shift+N", "actionNextMine")
        desk.addSeparator()
        self._action(desk, "&Finish my blind check of this article", self.finish_blind, None,
                     "actionFinishBlind")
        self._action(desk, "Blind check &differences…", self.show_differences,
                     "Ctrl+Shift+D", "actionDifferences")
        for name in ("actionApprove", "actionSendBack"):
            self._claim_actions.append(self.findChild(QAction, name))
        self._key_actions.append(self.findChild(QAction, "actionNextMine"))

    def _connect(self) -> None:
        s = self.session
        s.articleLoaded.connect(self.on_article_loaded)
        s.articlesListed.connect(self.on_articles_listed)
        s.articlePreview.connect(self.show_preview)
        s.changed.connect(self.on_changes)
        s.claimDetails.connect(self.on_claim_details)
        s.modelReady.connect(lambda: self.model_label.setText("Language model ready"))
        s.analysisStarted.connect(self.on_analysis_started)
        s.analysisProgress.connect(self.on_analysis_progress)
        s.analysisFinished.connect(self.progress.hide)
        s.status.connect(lambda m: self.statusBar().showMessage(m, 8000))
        s.error.connect(self.show_error)
        self.article_view.claimClicked.connect(self.select_claim)
        self.article_view.addClaimRequested.connect(self._add_claim)
        self.article_view.removeClaimRequested.connect(self._remove_claim_id)
        self.claim_list.selectionModel().currentRowChanged.connect(self._on_list_current)
        self.library_view.activated.connect(self._on_library_activated)
        self.library_view.clicked.connect(self._on_library_activated)
        self.library_filter.textChanged.connect(lambda _t: self.refresh_library())
        self.panel.verdictChosen.connect(self.mark)
        self.panel.noteEdited.connect(self._note_edited)
        self.panel.claimReviewedEdited.connect(self._claim_reviewed_edited)
        self.panel.addEvidenceRequested.connect(self.add_evidence)
        self.panel.removeEvidenceRequested.connect(self._remove_evidence)
        self.panel.reuseRequested.connect(self._reuse)
        self.panel.acceptSuggestion.connect(self.accept_suggestion)
        self.panel.historyRequested.connect(self.show_history)
        self.panel.note.escaped.connect(self.claim_list.setFocus)
        for combo in (self.verdict_filter, self.type_filter, self.source_filter,
                      self.review_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.show_all_box.toggled.connect(self._toggle_show_all)
        self.claim_list.horizontalHeader().sortIndicatorChanged.connect(
            lambda *_: self._update_order_label())
        app = QApplication.instance()
        app.focusChanged.connect(self._on_focus_changed)
        app.installEventFilter(self)

    # ------------------------------------------------------- key gating
    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old, _new) -> None:
        self._update_actions()

    def _typing_widget(self) -> QWidget | None:
        """The text field that has the keyboard, if one has."""
        widget = QApplication.focusWidget()
        if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
            return widget
        if isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.isReadOnly():
            return widget
        if isinstance(widget, QComboBox) and widget.isEditable():
            return widget
        return None

    def _update_actions(self) -> None:
        if not hasattr(self, "_key_actions"):
            return
        typing = self._typing_widget()
        other_window = QApplication.activeModalWidget() is not None
        claim = self.panel.claim
        self._why_disabled = {}
        for action in self._key_actions + self._claim_actions:
            why = ""
            if action in self._key_actions and typing is not None:
                why = "typing"
            elif action in self._key_actions and other_window:
                why = "dialog"
            elif action in self._claim_actions and claim is None:
                why = "Select a claim first: J selects the next one, or click one in the list."
            if action.objectName() == "actionEditNote" and why != "typing" and \
                    self.library_view.hasFocus():
                why = ""  # Return in the library opens the article
            if why:
                self._why_disabled[action] = why
            action.setEnabled(not why)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        # A key of a disabled action pressed outside a text field: say why.
        if (event.type() == QEvent.KeyPress and self._why_disabled
                and isinstance(watched, QWidget) and watched.window() is self
                and self._typing_widget() is None):
            pressed = QKeySequence(event.keyCombination())
            for action, why in self._why_disabled.items():
                if why in ("typing", "dialog"):
                    continue
                if any(pressed.matches(k) == QKeySequence.ExactMatch for k in action.shortcuts()):
                    self.statusBar().showMessage(
                        f"{action.text().replace('&', '')}: {why}", 6000)
                    return True
        return False

    # -------------------------------------------------------------- articles
    @Slot()
    def refresh_library(self) -> None:
        """Ask for the library list (on the worker; at most one read per burst)."""
        self._library_timer.start()

    def _list_articles(self) -> None:
        self.session.list_articles(self.library_filter.text())

    def on_articles_listed(self, rows) -> None:
        self.article_model.set_articles(rows)
        self._select_library_row()

    def _select_library_row(self) -> None:
        if self._article_id is not None:
            row = self.article_model.row_of(self._article_id)
            if row is not None:
                self.library_view.selectRow(row)

    def _on_library_activated(self, index) -> None:
        article = self.article_model.article_at(index.row())
        if article.id != self._article_id:
            self.session.open_article(article.id)

    @Slot(str, str)
    def show_preview(self, title: str, text: str) -> None:
        """Show an article's text before its analysis is done."""
        self.panel.flush_note()
        self._article_id = None
        self._load_token += 1
        self.article_title.setText(f"<h3>{_escape(title)}</h3>")
        self.article_view.set_claims([])  # no highlight of the previous article survives
        self.article_view.set_article(text)
        self.claim_model.set_claims([])
        self.panel.set_claim(None)
        self._update_actions()
        self.progress_strip.set_status("<b>Claims</b> — analysing…")

    def on_article_loaded(self, view) -> None:
        """An article and its claims, read on the worker."""
        if self._reloading and view.article.id == self._article_id:
            self._reloading = False
            keep, self._reload_keep = self._reload_keep, None
            self._show_title(view)  # a blind check may have started or finished
            self._show_claims(self._load_token, list(view.claims), keep=keep)
            return
        self._reloading = False
        self.show_article(view)

    def _show_title(self, view) -> None:
        article = view.article
        self._blind = getattr(view, "blind", None)
        self.article_title.setText(
            f"<h3>{_escape(article.title)}</h3>"
            f"<span style='color:gray'>{_escape(_source_label(article.source_path))} · "
            f"imported {article.imported_at[:10]}"
            + (f" · revision {article.revision}" if article.revision > 1 else "")
            + _blind_label(self._blind, self.session.settings.checker) + "</span>")

    def show_article(self, view) -> None:
        """Show an article: its text at once, its claims in the next event-loop
        turn, so even 10,000 claims never freeze the window for long."""
        self.panel.flush_note()
        article = view.article
        self._article_id = article.id
        self._article = article
        self._load_token += 1
        self._show_title(view)
        self.setWindowTitle(f"{article.title} — Annotator")
        self.article_view.set_claims([])
        self.article_view.set_article(article.text)
        self.claim_model.set_claims([])
        self.panel.set_claim(None)
        self._update_actions()
        self.progress_strip.set_status("<b>Claims</b> — loading…")
        QSettings(ORG, APP).setValue("lastArticle", article.id)
        self._select_library_row()
        if self.article_model.row_of(article.id) is None:
            self.refresh_library()
        token = self._load_token
        claims = list(view.claims)
        QTimer.singleShot(0, lambda: self._show_claims(token, claims, select_first=True))

    @property
    def loading(self) -> bool:
        """True while an opened article's claims are still being put on screen."""
        return self._loaded_token != self._load_token or self._reloading

    def _load_claims(self, select_first: bool = False, keep: int | None = None) -> None:
        """Read the claims again (claims were added or removed, or the filter changed)."""
        if self._article_id is None:
            return
        self._reloading = True
        self._reload_keep = keep
        self.session.show_all_units = self._show_all
        self.session.open_article(self._article_id)

    def _show_claims(self, token: int, claims: list[Claim], select_first: bool = False,
                     keep: int | None = None) -> None:
        if token != self._load_token:
            return
        self.claim_model.set_claims(claims)
        self.article_view.set_claims(claims)
        self._loaded_token = token
        self._update_counts()
        target = keep if keep is not None else self._pending_select
        self._pending_select = None
        if target is not None and self.claim_model.row_of(target) is not None:
            self.select_claim(target)
        elif select_first and self.claim_proxy.rowCount() and not self.session.analysing:
            QTimer.singleShot(0, lambda: self._select_first(token))
        else:
            self.panel.set_claim(None)
            self._update_actions()

    def _select_first(self, token: int) -> None:
        if token == self._load_token and self.panel.claim is None and self.claim_proxy.rowCount():
            self._select_proxy_row(0, scroll=False)
            if self._typing_widget() is None and QApplication.activeModalWidget() is None:
                self.claim_list.setFocus()  # J, 1, 2, 3... act on the claims at once

    def _update_counts(self) -> None:
        """Count the listed claims by verdict, once per list (see `_count_change`)."""
        claims = self.claim_model.claims()
        self._tally = Counter(c.verdict for c in claims if c.listed)
        self._orphaned = sum(1 for c in claims if not c.removed and
                             c.anchor_status.value == "orphaned")
        self._show_counts()

    def _count_change(self, before: Claim | None, after: Claim) -> None:
        """One claim changed: move it between the figures, no recount."""
        for claim, step in ((before, -1), (after, 1)):
            if claim is None:
                continue
            if claim.listed:
                self._tally[claim.verdict] += step
            if not claim.removed and claim.anchor_status.value == "orphaned":
                self._orphaned += step
        self._show_counts()

    def _show_counts(self) -> None:
        orphaned = self._orphaned
        extra = f" · <span style='color:#D55E00'>{orphaned} orphaned</span>" if orphaned else ""
        self.progress_strip.set_counts(self._tally, sum(self._tally.values()), extra)

    # ---------------------------------------------------------------- claims
    def current_claim(self) -> Claim | None:
        return self.panel.claim

    @Slot(int)
    def select_claim(self, claim_id: int, scroll_article: bool = True) -> None:
        row = self.claim_model.row_of(claim_id)
        if row is None:
            return
        proxy_index = self.claim_proxy.mapFromSource(self.claim_model.index(row, 0))
        if proxy_index.isValid():
            self.claim_list.selectionModel().setCurrentIndex(
                proxy_index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
            self.claim_list.scrollTo(proxy_index)
        self._show_claim(self.claim_model.claim_at(row), scroll_article)

    def _select_proxy_row(self, row: int, scroll: bool = True) -> None:
        index = self.claim_proxy.index(row, 0)
        if not index.isValid():
            return
        self.claim_list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
        self.claim_list.scrollTo(index)
        claim = self.claim_model.claim_at(self.claim_proxy.mapToSource(index).row())
        if not scroll and (self.panel.claim is None or self.panel.claim.id != claim.id):
            self._show_claim(claim, scroll_article=False)

    def _on_list_current(self, current, _previous) -> None:
        if not current.isValid():
            return
        source = self.claim_proxy.mapToSource(current)
        claim = self.claim_model.claim_at(source.row())
        if self.panel.claim is None or self.panel.claim.id != claim.id:
            self._show_claim(claim, scroll_article=True)

    def _show_claim(self, claim: Claim, scroll_article: bool = True) -> None:
        """Show the list's copy at once; its earlier reviews arrive from the worker."""
        self.panel.set_claim(claim, [])
        self._update_actions()
        if claim.review_state == "returned":
            self.statusBar().showMessage(review_text(claim), 10000)
        self.article_view.select_claim(claim.id, scroll=scroll_article)
        if not claim.removed:
            self.session.request_details(claim.id)

    def on_claim_details(self, claim: Claim, matches) -> None:
        if self.panel.claim is not None and self.panel.claim.id == claim.id:
            self._apply_claim(claim)
            self.panel.set_claim(self.panel.claim, matches)
            self._update_actions()

    def _apply_claim(self, claim: Claim) -> None:
        """A claim's new state, wherever it shows."""
        if claim.article_id != self._article_id:
            return
        row = self.claim_model.row_of(claim.id)
        before = self.claim_model.claim_at(row) if row is not None else None
        if before is not None and before.version > claim.version:
            return  # an older copy than the one on screen
        self.claim_model.update_claim(claim)
        self.article_view.update_claim(claim)
        if self.panel.claim is not None and self.panel.claim.id == claim.id:
            self.panel.set_claim(claim, self.panel.matches)
            self._update_actions()
        if before is not None and (before.verdict != claim.verdict
                                   or before.removed != claim.removed
                                   or before.anchor_status != claim.anchor_status):
            self._count_change(before, claim)

    @Slot(object)
    def on_changes(self, changes) -> None:
        """Refresh exactly what an operation (ours or another process's) changed."""
        for claim in changes.claims:
            self._apply_claim(claim)
        for summary in changes.articles:
            self.article_model.update_article(summary)
        if changes.library:
            self.refresh_library()
        if self._article_id is not None and self._article_id in changes.claim_lists:
            keep = self.panel.claim.id if self.panel.claim is not None else None
            self._load_claims(keep=self._pending_select or keep)
        elif (self._pending_select is not None and self.panel.claim is not None
              and self.panel.claim.removed
              and self.claim_model.row_of(self._pending_select) is not None):
            target, self._pending_select = self._pending_select, None
            self.select_claim(target)  # removed in place (all units shown): move on
        if changes.external and changes.claims and changes.label != "refreshed":
            numbers = ", ".join(f"#{c.number}" for c in changes.claims[:5]
                                if c.article_id == self._article_id)
            if numbers:
                who = changes.by or "another checker"
                self.statusBar().showMessage(f"Claim {numbers} changed by {who}.", 8000)

    def _claim_by_id(self, claim_id: int) -> Claim | None:
        if self.panel.claim is not None and self.panel.claim.id == claim_id:
            return self.panel.claim
        row = self.claim_model.row_of(claim_id)
        return self.claim_model.claim_at(row) if row is not None else None

    def _note_edited(self, claim_id: int, text: str) -> None:
        claim = self._claim_by_id(claim_id)
        if claim is not None:
            self.session.set_note(claim, text)

    def _claim_reviewed_edited(self, claim_id: int, text: str) -> None:
        claim = self._claim_by_id(claim_id)
        if claim is not None:
            self.session.set_claim_reviewed(claim, text)
        if self.panel.claim_reviewed.hasFocus():  # Enter in the field: back to the claims
            self.claim_list.setFocus()

    def _remove_claim_id(self, claim_id: int) -> None:
        claim = self._claim_by_id(claim_id)
        if claim is not None:
            self.session.set_removed(claim, True)

    def mark(self, verdict: Verdict) -> None:
        claim = self.current_claim()
        if claim is None:
            self.statusBar().showMessage("Select a claim first (click it, or press J).", 5000)
            return
        if claim.removed:
            self.statusBar().showMessage("This claim was removed; restore it first "
                                         "(Shift+Delete).", 5000)
            return
        self.panel.flush_note()
        self.session.set_verdict(claim, verdict)

    def accept_suggestion(self) -> None:
        claim = self.current_claim()
        if claim is None or not claim.suggested_verdict:
            self.statusBar().showMessage("No suggested verdict for this claim.", 4000)
            return
        self.mark(Verdict.parse(claim.suggested_verdict))

    def reuse_match(self) -> None:
        if not self.panel.matches:
            self.statusBar().showMessage("This claim has not been checked elsewhere.", 4000)
            return
        self._reuse(self.panel.matches[0])

    def _reuse(self, match) -> None:
        claim = self.current_claim()
        if claim is not None:
            self.panel.flush_note()
            self.session.reuse_match(claim, match)

    def step(self, delta: int) -> None:
        count = self.claim_proxy.rowCount()
        if not count:
            return
        current = self.claim_list.currentIndex()
        row = current.row() + delta if current.isValid() else (0 if delta > 0 else count - 1)
        self._select_proxy_row(max(0, min(count - 1, row)))
        self.claim_list.setFocus()

    def toggle_priority(self) -> None:
        on = not self.claim_proxy.priority
        keep = self.panel.claim.id if self.panel.claim is not None else None
        self.claim_proxy.set_priority(on)
        self.claim_list.sortByColumn(0, Qt.AscendingOrder)
        self._update_order_label()
        if on and self.claim_proxy.rowCount():
            self._select_proxy_row(0)  # start where it matters most
        elif keep is not None:
            self.select_claim(keep)
        self.statusBar().showMessage(
            "Priority order: suggested “unsourced” first, then the most check-worthy."
            if on else "Article order.", 5000)

    def _update_order_label(self) -> None:
        priority = self.claim_proxy.priority
        self.priority_action.setChecked(priority)
        # non-breaking spaces: when the label wraps, the key stays with what it does
        self.order_label.setText("Order: <b>priority</b> (P:&nbsp;article&nbsp;order)"
                                 if priority else "Order: article (P:&nbsp;priority)")

    def next_unreviewed(self) -> None:
        """N: my next unreviewed claim among those assigned to me (desk), wherever it
        is; with nothing (left) assigned to me, the next unreviewed claim of this list."""
        current = self.current_claim()

        def found(claim: Claim | None) -> None:
            if claim is None:
                self._next_unreviewed_in_list()
            else:
                self._go_to_claim(claim)

        self.session.next_mine(current.id if current is not None else None, found)

    def _go_to_claim(self, claim: Claim) -> None:
        if claim.article_id == self._article_id and self.claim_model.row_of(claim.id) is not None:
            self.select_claim(claim.id)
            self.claim_list.setFocus()
        else:
            self._pending_select = claim.id
            self.session.open_article(claim.article_id)

    def _next_unreviewed_in_list(self) -> None:
        count = self.claim_proxy.rowCount()
        current = self.claim_list.currentIndex().row() if self.claim_list.currentIndex().isValid() else -1
        for offset in range(1, count + 1):
            row = (current + offset) % count
            claim = self.claim_model.claim_at(self.claim_proxy.mapToSource(
                self.claim_proxy.index(row, 0)).row())
            if not claim.reviewed and claim.listed:
                self._select_proxy_row(row)
                self.claim_list.setFocus()
                return
        self.statusBar().showMessage("Every claim in this list is reviewed.", 5000)

    def add_claim_from_selection(self) -> None:
        selection = self.article_view.selection_offsets()
        if selection is None:
            self.statusBar().showMessage("Select some text in the article first.", 5000)
            return
        self._add_claim(*selection)

    def _add_claim(self, start: int, end: int) -> None:
        if self._article_id is None:
            return
        def added(claim_id: int) -> None:
            self._pending_select = claim_id
            self.statusBar().showMessage("Claim added.", 4000)

        self.session.add_claim(self._article_id, start, end, on_added=added)

    def adjust_bounds(self) -> None:
        claim = self.current_claim()
        selection = self.article_view.selection_offsets()
        if claim is None or selection is None:
            self.statusBar().showMessage("Select a claim, then select its new text and press "
                                         "Ctrl+B.", 6000)
            return
        self.session.set_bounds(claim, *selection)

    def remove_claim(self) -> None:
        claim = self.current_claim()
        if claim is not None and not claim.removed:
            # The keyboard stays on the claims: the next one (or the one above) is selected.
            row = self.claim_list.currentIndex().row()
            for other in (row + 1, row - 1):
                index = self.claim_proxy.index(other, 0)
                if index.isValid():
                    self._pending_select = index.data(CLAIM_ID_ROLE)
                    break
            self.session.set_removed(claim, True)
            self.statusBar().showMessage("Claim removed (Ctrl+Z to undo; Shift+Delete with "
                                         "removed claims shown restores it).", 6000)

    def restore_claim(self) -> None:
        claim = self.current_claim()
        if claim is not None and claim.removed:
            self.session.set_removed(claim, False)

    def add_evidence(self) -> None:
        claim = self.current_claim()
        if claim is None:
            self.statusBar().showMessage("Select a claim first.", 4000)
            return
        dialog = EvidenceDialog(self)
        accepted = dialog.exec()
        self._return_focus()
        if accepted:
            url, title, note = dialog.values()
            if url:
                self.session.add_evidence(self.current_claim() or claim, url, title, note)

    def _remove_evidence(self, evidence_id: int) -> None:
        claim = self.current_claim()
        if claim is not None:
            self.session.remove_evidence(claim, evidence_id)

    def edit_note(self) -> None:
        if self.library_view.hasFocus():  # Return in the library opens the article
            index = self.library_view.currentIndex()
            if index.isValid():
                self._on_library_activated(index)
            return
        if self.current_claim() is None:
            return
        self.panel.note.setFocus()
        cursor = self.panel.note.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.panel.note.setTextCursor(cursor)

    def show_history(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return

        def show(current: Claim, entries) -> None:
            HistoryDialog(entries, current, self).exec()
            self._return_focus()

        self.session.request_history(claim.id, show)

    # ------------------------------------------------------------------ desk
    def approve(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        if not claim.reviewed:
            self.statusBar().showMessage("This claim has no verdict yet: nothing to approve.",
                                         5000)
            return
        self.panel.flush_note()
        self.session.approve(claim)

    def send_back(self) -> None:
        claim = self.current_claim()
        if claim is None:
            return
        if not claim.reviewed:
            self.statusBar().showMessage("This claim has no verdict yet: nothing to send back.",
                                         5000)
            return
        from annotator.gui.dialogs import SendBackDialog

        dialog = SendBackDialog(claim, self)
        accepted = dialog.exec()
        self._return_focus()
        if accepted:
            self.session.send_back(claim, dialog.text())

    def next_mine(self) -> None:
        """My next unreviewed claim in the articles (and ranges) assigned to me."""
        current = self.current_claim()

        def found(claim: Claim | None) -> None:
            if claim is None:
                self.statusBar().showMessage(
                    "Nothing left for you: every claim assigned to you has a verdict "
                    "(or nothing is assigned to you).", 6000)
                return
            self._go_to_claim(claim)

        self.session.next_mine(current.id if current is not None else None, found)

    def finish_blind(self) -> None:
        if self._article_id is None:
            return

        def done(state) -> None:
            if state is not None and state.finished:
                self.show_differences()

        self.session.finish_blind(self._article_id, done)

    def show_differences(self) -> None:
        if self._article_id is None:
            return
        article_id = self._article_id

        def listed(differences) -> None:
            from annotator.gui.dialogs import DifferencesDialog

            blind = self._blind
            checkers = blind.names if blind is not None else ()
            dialog = DifferencesDialog(differences, checkers, self.session.is_editor, self)
            self._differences_dialog = dialog
            dialog.resolveRequested.connect(
                lambda claim_id, verdict: self.session.resolve(
                    claim_id, verdict,
                    lambda ch: dialog.mark_resolved(ch.claims[0]) if ch.claims else None))
            dialog.acceptAgreedRequested.connect(
                lambda: self.session.accept_agreed(article_id))
            dialog.exec()
            self._differences_dialog = None
            self._return_focus()

        self.session.differences(article_id, listed)

    def search(self) -> None:
        dialog = SearchDialog(self.session, self)
        accepted = dialog.exec()
        self._return_focus()
        if accepted and dialog.chosen is not None:
            article_id, claim_id = dialog.chosen
            self._pending_select = claim_id
            if article_id != self._article_id:
                self.session.open_article(article_id)
            elif self.claim_model.row_of(claim_id) is not None:
                self._pending_select = None
                self.select_claim(claim_id)
            else:
                self._load_claims(keep=claim_id)

    # -------------------------------------------------------------- filters
    def _apply_filters(self) -> None:
        self.claim_proxy.set_filters(self.verdict_filter.currentData(),
                                     self.type_filter.currentData(),
                                     self.source_filter.currentData(),
                                     review=self.review_filter.currentData())

    def _toggle_show_all(self, checked: bool) -> None:
        self._show_all = checked
        keep = self.panel.claim.id if self.panel.claim is not None else None
        self._load_claims(keep=keep)

    # ------------------------------------------------------------ file menu
    def open_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Open articles", str(Path.home()),
            "Articles (*.txt *.md *.html *.htm *.docx);;All files (*)")
        if paths:
            self.session.open_paths(paths)

    def open_url(self) -> None:
        """Fetch a web page (only now, because the checker asked) and open its article."""
        from PySide6.QtWidgets import QInputDialog

        from annotator.core.links import is_web_url as is_web_address

        url, ok = QInputDialog.getText(self, "Open URL", "Address of the article (http:// or "
                                       "https://). The page is fetched once, now:")
        url = url.strip()
        if not ok or not url:
            return
        if not is_web_address(url):
            url = "https://" + url if "://" not in url else url
        if not is_web_address(url):
            self.show_error(f"{url}: not a web address (use http:// or https://)")
            return
        self.session.open_paths([url])

    def open_shared_library(self) -> None:
        """A library on a PostgreSQL server, in a new window (this one keeps its own).
        The address is remembered; no password is stored: libpq's ~/.pgpass, service
        file or PGPASSWORD supply it."""
        from PySide6.QtWidgets import QInputDialog

        settings = QSettings(ORG, APP)
        last = str(settings.value("sharedLibrary") or "postgresql://")
        target, ok = QInputDialog.getText(
            self, "Open shared library", "PostgreSQL library: postgresql://USER@HOST/DATABASE "
            "or service=NAME (the password comes from ~/.pgpass, a service file or "
            "PGPASSWORD; never stored here):", text=last)
        target = target.strip()
        if not ok or not target:
            return
        try:
            shown = self.session.open_shared_library(target)
        except AnnotatorError as exc:
            self.show_error(str(exc))
            return
        settings.setValue("sharedLibrary", shown)  # without a password, if one was typed
        self.statusBar().showMessage(f"Opening {shown} in a new window…", 8000)

    def paste_article(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.show_error("The clipboard holds no text to make an article from.")
            return
        self.session.open_text(text, None)

    def export(self, kind: str) -> None:
        whole = self.export_all.isChecked() or self._article_id is None
        filters = {
            "csv": ("CSV (*.csv)", ".csv"), "csv-excel": ("CSV (*.csv)", ".csv"),
            "xlsx": ("Excel workbook (*.xlsx)", ".xlsx"),
            "report": ("PDF report (*.pdf);;HTML report (*.html)", ".pdf"),
            "claimreview": ("JSON-LD (*.json *.jsonld)", ".json"),
            "w3c": ("JSON-LD (*.json *.jsonld)", ".json"),
        }[kind]
        folder = _export_folder()
        name = export_name(None if whole else self._article, kind) + filters[1]
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export", str(folder / name), filters[0])
        self._return_focus()
        if not path:
            return
        QSettings(ORG, APP).setValue("exportFolder", str(Path(path).parent))
        if kind == "report" and not path.lower().endswith((".pdf", ".html", ".htm")):
            path += ".html" if "HTML" in chosen else ".pdf"
        self.progress.setRange(0, 0)
        self.progress.setFormat("Exporting…")
        self.progress.show()
        self.session.export(kind, path, None if whole else self._article_id,
                            on_done=lambda _p: self.progress.hide(),
                            on_error=self.progress.hide)

    def import_annotations(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import W3C annotations", str(Path.home()),
                                              "JSON-LD (*.json *.jsonld)")
        if not path:
            return
        self.session.import_annotations(path, on_done=self._show_conflicts)

    def _show_conflicts(self, result) -> None:
        """Claims reviewed differently on both sides: both reviews are kept; say which."""
        conflicts = getattr(result, "conflicts", ())
        if conflicts:
            from annotator.gui.dialogs import MergeConflictsDialog

            MergeConflictsDialog(conflicts, self).exec()
            self._return_focus()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.session.settings, self)
        accepted = dialog.exec()
        self._return_focus()
        if accepted:
            self.session.save_settings(dialog.settings())
            self.show_identity()

    def show_identity(self) -> None:
        """Who the edits are recorded as, in the status bar."""
        settings = self.session.settings
        org = f" · {settings.organisation}" if settings.organisation else ""
        self.checker_label.setText(
            f"Checking as {_escape(settings.checker)}{_escape(org)}" if settings.checker
            else "No checker name (File › Settings)")
        self.checker_label.setToolTip("Change in File › Settings (Ctrl+,)")

    # ----------------------------------------------------------------- view
    def zoom(self, step: int) -> None:
        settings = QSettings(ORG, APP)
        level = int(settings.value("zoom", 0))
        if step == 0:
            self.article_view.zoomOut(level) if level > 0 else self.article_view.zoomIn(-level)
            level = 0
        else:
            self.article_view.zoomIn(step)
            level += step
        settings.setValue("zoom", level)

    def _update_legend(self) -> None:
        chips = []
        for verdict in Verdict:
            style = style_for(verdict, self.dark)
            # Non-breaking inside a chip: the legend wraps between chips only.
            chips.append(
                f"<span style='white-space:nowrap'><span style='background:{style.background};"
                f" color:palette(text)'>&nbsp;<span style='color:{style.colour}'>"
                f"{style.symbol}</span>&nbsp;{verdict.label}&nbsp;</span>&nbsp;"
                f"<span style='color:gray'>({style.line})</span></span>")
        self.legend.setText(" &nbsp; ".join(chips) +
                            " &nbsp; <span style='color:gray; white-space:nowrap'><i>grey "
                            "italics:&nbsp;caption&nbsp;or&nbsp;below&nbsp;threshold</i></span>"
                            " &nbsp; <span style='color:gray; white-space:nowrap'>stronger "
                            "tint:&nbsp;more&nbsp;check-worthy</span>")

    def show_help(self) -> None:
        HelpDialog(self._shortcut_rows(), self).exec()
        self._return_focus()

    def _return_focus(self) -> None:
        """After a dialog, the keyboard goes back to the claim list (J, K, 1...)."""
        self.activateWindow()
        self.claim_list.setFocus()

    def _shortcut_rows(self) -> list[tuple[str, str, str]]:
        rows = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            for action in _walk(menu):
                keys = ", ".join(dict.fromkeys(
                    s.toString(QKeySequence.NativeText) for s in action.shortcuts()))
                if keys:
                    name = {self.undo_action: "Undo", self.redo_action: "Redo"}.get(
                        action, action.text().replace("&", ""))
                    rows.append((menu_action.text().replace("&", ""), name, keys))
        rows.append(("Claim list", "Next / previous claim", "Down / Up"))
        rows.append(("Note", "Leave the note", "Esc"))
        return rows

    def about(self) -> None:
        QMessageBox.about(self, "About Annotator",
                          f"<h3>Annotator {__version__}</h3><p>A workbench for fact-checkers.</p>"
                          "<p>Check-worthiness model trained on the ClaimBuster dataset "
                          "(Arslan et al., ICWSM 2020; CC BY 4.0). English pipeline: spaCy "
                          "en_core_web_sm (MIT).</p>")

    @Slot(str)
    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        if not self.session.analysing:
            self.progress.hide()  # an export or analysis that failed is over
        box = QMessageBox(QMessageBox.Warning, "Annotator", message, QMessageBox.Ok, self)
        box.setObjectName("errorBox")
        box.setModal(False)
        box.show()

    def on_analysis_started(self, title: str) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat("Analysing…")
        self.progress.show()
        self.statusBar().showMessage(f"Analysing “{title}”…")

    def on_analysis_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat("Analysing %p%")

    # -------------------------------------------------------- state, events
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            if not QSettings(ORG, APP).contains("rightSplitter"):
                # The claim list gets the larger share of the height, the panel the rest.
                height = max(400, self.right_splitter.height())
                panel = min(max(self.panel.minimumSizeHint().height(), int(height * 0.45)),
                            height - 200)
                self.right_splitter.setSizes([height - panel, panel])
            if not QSettings(ORG, APP).contains("mainSplitter"):
                width = max(900, self.main_splitter.width())
                library = min(260, int(width * 0.16))
                rest = width - library
                self.main_splitter.setSizes([library, int(rest * 0.42), rest - int(rest * 0.42)])

    def _restore_state(self) -> None:
        self._sized = False
        settings = QSettings(ORG, APP)
        geometry = settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        for splitter, key in ((self.main_splitter, "mainSplitter"),
                              (self.right_splitter, "rightSplitter")):
            state = settings.value(key)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        level = int(settings.value("zoom", 0) or 0)
        if level:
            self.article_view.zoomIn(level)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.panel.flush_note()
        settings = QSettings(ORG, APP)
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("mainSplitter", self.main_splitter.saveState())
        settings.setValue("rightSplitter", self.right_splitter.saveState())
        self.session.shutdown()
        super().closeEvent(event)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        mime = event.mimeData()
        paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if paths:
            self.session.open_paths(paths)
        elif mime.hasText():
            self.session.open_text(mime.text(), None)
        event.acceptProposedAction()


KIND_SUFFIX = {"csv": "", "csv-excel": "-excel", "xlsx": "", "report": "-report",
               "claimreview": "-claimreview", "w3c": "-annotations"}


def export_name(article, kind: str) -> str:
    """A file name (without suffix) from the article's title and date, e.g.
    `prince-harry-to-meet-king-charles-2026-12-02-report`."""
    import re
    import unicodedata
    from datetime import date

    if article is None:
        return f"library-{date.today().isoformat()}{KIND_SUFFIX[kind]}"
    ascii_title = unicodedata.normalize("NFKD", article.title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    slug = ""
    for word in words:  # whole words, at most 60 characters
        if len(slug) + len(word) + 1 > 60:
            break
        slug = f"{slug}-{word}" if slug else word
    day = (article.imported_at or "")[:10] or date.today().isoformat()
    return f"{slug or 'article'}-{day}{KIND_SUFFIX[kind]}"


def _export_folder() -> Path:
    """The folder of the last export, if it still exists; else Documents or home."""
    from PySide6.QtCore import QStandardPaths

    last = QSettings(ORG, APP).value("exportFolder")
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def _walk(menu):
    for action in menu.actions():
        if action.menu() is not None:
            yield from _walk(action.menu())
        elif not action.isSeparator():
            yield action


def _blind_label(blind, checker: str) -> str:
    """A blind check of the article, in its title line (desk)."""
    if blind is None:
        return ""
    if blind.finished:
        return " · blind check finished (Desk › Differences, Ctrl+Shift+D)"
    if blind.is_blind_for(checker):
        return " · <b>blind check</b>: only your own verdicts show"
    return f" · blind check by {_escape(', '.join(blind.names))} running"


def _source_label(source_path: str | None) -> str:
    from annotator.resources import sample_article_path

    if not source_path:
        return "pasted text"
    if source_path == str(sample_article_path().resolve()):
        return "built-in sample article"
    return source_path


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def _system_is_dark(theme: str) -> bool:
    if theme == "dark":
        return True
    if theme == "light":
        return False
    hints = QGuiApplication.styleHints()
    try:
        return hints.colorScheme() == Qt.ColorScheme.Dark
    except AttributeError:  # Qt < 6.5
        return False

