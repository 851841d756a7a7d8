"""The desk in the window, driven by keys: an editor approves (Ctrl+Shift+Y) and sends back
(Ctrl+Shift+B), Shift+N goes to my next assigned claim, a blind checker sees only their own
verdicts, and the Differences dialog resolves with 1 / 2 / 3."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core import desk
from annotator.core.library import Library
from annotator.core.model import Verdict
from annotator.gui import create_window
from annotator.gui.main_window import APP, ORG
from tests.articles import add_sentences
from tests.gui.helpers import db_row, press, read_library, settle
from tests.gui.test_workbench import visible_claims, with_modal

ME = "Test Checker"  # the checker name the test settings give (tests/conftest.py)
SENTENCES = ["Crime fell by 12 per cent last year.", "The bridge cost 40 million pounds.",
             "Unemployment is at a record low.", "The mayor said taxes would not rise."]


def _added(library, title, sentences):
    return add_sentences(library, title, sentences)[0]


@pytest.fixture
def desk_db(db_path):
    with Library.open(db_path, create=True) as library:
        first = _added(library, "Council claims", SENTENCES)
        second = _added(library, "Transport claims", ["Buses carried 2 million people.",
                                                    "Fares rose by 5 per cent."])
    return db_path, first.id, second.id


def _open(qtbot, db_path, article_id, poll_ms=100):
    QSettings(ORG, APP).setValue("lastArticle", article_id)
    window = create_window(db_path=db_path, load_model=False, poll_ms=poll_ms)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window._article_id == article_id and not window.loading
                    and window.panel.claim is not None, timeout=20000)
    settle(qtbot, window)
    window.claim_list.setFocus()
    return window


def _close(window):
    window.session.tasks.wait(30000)
    window.close()


def _select(qtbot, window, number):
    claim = next(c for c in visible_claims(window) if c.number == number)
    window.select_claim(claim.id)
    window.claim_list.setFocus()
    settle(qtbot, window)
    return claim


def _verdict_text(window, claim_id):
    model = window.claim_model
    return model.data(model.index(model.row_of(claim_id), 1))


def test_editor_approves_and_sends_back_with_keys(qtbot, desk_db, monkeypatch):
    db_path, article_id, _ = desk_db
    monkeypatch.setenv("ANNOTATOR_ROLE", "editor")
    window = _open(qtbot, db_path, article_id)
    first = _select(qtbot, window, 1)
    press(qtbot, window, "1")
    press(qtbot, window, Qt.Key_Y, Qt.ControlModifier | Qt.ShiftModifier)
    assert db_row(db_path, first.id, "review_state") == "approved"
    assert _verdict_text(window, first.id).endswith("\u2713")
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)  # undo the approval
    assert db_row(db_path, first.id, "review_state") == ""
    press(qtbot, window, Qt.Key_Y, Qt.ControlModifier | Qt.ShiftModifier)

    second = _select(qtbot, window, 2)
    press(qtbot, window, "2")

    def comment(dialog):
        dialog.comment.setPlainText("The source is from 2019.")
        qtbot.keyClick(dialog.comment, Qt.Key_Return, Qt.ControlModifier)

    with_modal(comment)
    press(qtbot, window, Qt.Key_B, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)
    settle(qtbot, window)
    assert db_row(db_path, second.id, "review_state, review_comment") == (
        "returned", "The source is from 2019.")
    assert _verdict_text(window, second.id).endswith("\u21a9")
    # The comment stays in view under the selected claim, not only in the status bar.
    assert "Sent back by" in window.panel.meta.text()
    assert "The source is from 2019." in window.panel.meta.text()

    box = window.review_filter
    box.setCurrentIndex(box.findData("approved"))
    assert [c.id for c in visible_claims(window)] == [first.id]
    box.setCurrentIndex(box.findData("returned"))
    assert [c.id for c in visible_claims(window)] == [second.id]
    box.setCurrentIndex(box.findData("pending"))
    assert [c.id for c in visible_claims(window)] == [second.id]
    box.setCurrentIndex(0)
    assert len(visible_claims(window)) == 4
    # A new verdict clears the review: it needs reviewing again.
    _select(qtbot, window, 2)
    press(qtbot, window, "3")
    assert db_row(db_path, second.id, "review_state") == ""
    assert not _verdict_text(window, second.id).endswith("\u21a9")
    _close(window)


def test_a_checker_pressing_approve_is_told_why(qtbot, desk_db, monkeypatch):
    db_path, article_id, _ = desk_db
    monkeypatch.setenv("ANNOTATOR_ROLE", "checker")
    window = _open(qtbot, db_path, article_id)
    claim = _select(qtbot, window, 1)
    press(qtbot, window, "1")
    press(qtbot, window, Qt.Key_Y, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: "only an editor" in window.statusBar().currentMessage(),
                    timeout=5000)
    assert db_row(db_path, claim.id, "review_state") == ""
    for box in window.findChildren(QMessageBox, "errorBox"):
        box.close()
    _close(window)


def test_n_and_shift_n_go_to_my_next_assigned_claim(qtbot, desk_db, monkeypatch):
    db_path, article_id, other_id = desk_db
    monkeypatch.setenv("ANNOTATOR_ROLE", "editor")
    with read_library(db_path) as library:
        desk.assign(library, article_id, ME, by="ed", claim_range=(2, 3))
        desk.assign(library, other_id, ME, by="ed")
        desk.assign(library, article_id, "bob", by="ed", claim_range=(1, 1))
    window = _open(qtbot, db_path, article_id)
    _select(qtbot, window, 1)  # bob's
    press(qtbot, window, Qt.Key_N, Qt.ShiftModifier)
    assert window.panel.claim.number == 2
    press(qtbot, window, "1")
    press(qtbot, window, Qt.Key_N, Qt.ShiftModifier)
    assert window.panel.claim.number == 3
    press(qtbot, window, "2")
    # Plain N too goes to my next assigned claim: here on to the other article, though
    # this list still has unreviewed claims (bob's and nobody's).
    press(qtbot, window, "n")
    qtbot.waitUntil(lambda: window._article_id == other_id and window.panel.claim is not None
                    and window.panel.claim.number == 1, timeout=10000)
    press(qtbot, window, "1")
    press(qtbot, window, "n")
    assert window.panel.claim.number == 2
    press(qtbot, window, "3")
    press(qtbot, window, Qt.Key_N, Qt.ShiftModifier)
    qtbot.waitUntil(lambda: "Nothing left for you" in window.statusBar().currentMessage(),
                    timeout=5000)
    _close(window)


def test_blind_checker_sees_only_their_own_then_the_differences(qtbot, desk_db, monkeypatch):
    db_path, article_id, _ = desk_db
    monkeypatch.setenv("ANNOTATOR_ROLE", "editor")
    with read_library(db_path) as library:
        desk.start_blind(library, article_id, [ME, "bob"], by="ed")
        claims = library.claims(article_id)
        desk.set_blind_verdict(library, claims[0].id, "bob", "disputed", "ONS says 9%")
    monkeypatch.setenv("ANNOTATOR_ROLE", "checker")
    window = _open(qtbot, db_path, article_id)
    assert "blind check" in window.article_title.text()
    assert all(c.verdict is Verdict.UNREVIEWED for c in visible_claims(window))  # not bob's
    _select(qtbot, window, 1)
    press(qtbot, window, "1")
    assert db_row(db_path, claims[0].id, "verdict") == "unreviewed"  # the shared claim
    assert window.panel.claim.verdict is Verdict.VERIFIED  # mine
    _select(qtbot, window, 2)
    press(qtbot, window, "1")
    # Bob marks claim #2 in his window: mine stays on screen.
    with read_library(db_path) as library:
        desk.set_blind_verdict(library, claims[1].id, "bob", "verified")
        desk.finish_blind(library, article_id, "bob")
    qtbot.wait(600)  # several polls
    settle(qtbot, window)
    assert window.claim_model.claim_at(window.claim_model.row_of(claims[0].id)).verdict \
        is Verdict.VERIFIED

    seen = {}

    def look(dialog):
        table = dialog.table
        seen["rows"] = [[table.item(r, c).text().split("\n")[0]
                         for c in range(table.columnCount() - 1)]
                        for r in range(table.rowCount())]
        seen["buttons"] = len(dialog.resolve_buttons)
        dialog.reject()

    with_modal(look)
    window.findChild(type(window.undo_action), "actionFinishBlind").trigger()
    qtbot.waitUntil(lambda: "rows" in seen and window._differences_dialog is None,
                    timeout=10000)
    settle(qtbot, window)
    # Only #1 differs: bob disputed it; #2 we both verified; #3 and #4 neither judged.
    assert seen["rows"] == [["#1", SENTENCES[0], "Verified", "Disputed"]]
    assert seen["buttons"] == 0  # a checker cannot resolve

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    # The editor resolves with a key in the same dialog.
    monkeypatch.setenv("ANNOTATOR_ROLE", "editor")
    window.session.settings.role = "editor"

    def resolve(dialog):
        try:  # a failure here must close the dialog, or its exec() hangs the suite
            # its "2" is a shortcut: it fires only once the dialog is the active window (on a
            # busy machine the dialog can open before the window system activates it)
            dialog.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
            dialog.table.setFocus()
            if dialog.table.currentRow() < 0:
                dialog.table.selectRow(0)
            qtbot.keyClick(dialog.table, "2")
            qtbot.waitUntil(lambda: dialog.resolved_count() == 1, timeout=20000)
            seen["resolved"] = True
        finally:
            dialog.reject()

    with_modal(resolve)
    press(qtbot, window, Qt.Key_D, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: seen.get("resolved") is True, timeout=10000)
    settle(qtbot, window)
    assert db_row(db_path, claims[0].id, "verdict, review_state") == ("disputed", "approved")
    qtbot.waitUntil(lambda: window.claim_model.claim_at(
        window.claim_model.row_of(claims[0].id)).verdict is Verdict.DISPUTED, timeout=5000)
    _close(window)
