"""The checker's workbench, driven by keys and clicks as a checker would."""

import sqlite3

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from annotator.core.model import Verdict
from tests.gui.conftest import wait_for_article
from tests.gui.helpers import click_text, press, read_library, select_text, settle


def row(db_path, claim_id, columns="verdict"):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(f"SELECT {columns} FROM claims WHERE id = ?", [claim_id]).fetchone()
    finally:
        conn.close()


def visible_claims(window):
    proxy = window.claim_proxy
    return [window.claim_model.claim_at(proxy.mapToSource(proxy.index(r, 0)).row())
            for r in range(proxy.rowCount())]


def with_modal(callback, delay=50):
    """Run `callback(dialog)` on the next modal dialog (exec() blocks the test)."""
    def fire():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(delay, fire)
            return
        callback(dialog)
    QTimer.singleShot(delay, fire)


def test_click_j_1_marks_the_next_claim_verified(window, qtbot, db_path):
    claims = visible_claims(window)
    click_text(qtbot, window.article_view, claims[2].start + 3)
    assert window.panel.claim.id == claims[2].id
    press(qtbot, window, "j")
    assert window.panel.claim.id == claims[3].id
    press(qtbot, window, "1")
    assert row(db_path, claims[3].id)[0] == "verified"
    assert row(db_path, claims[2].id)[0] == "unreviewed"
    press(qtbot, window, "k")
    assert window.panel.claim.id == claims[2].id


def test_2_then_ctrl_z_leaves_the_claim_unreviewed_and_redo_restores(window, qtbot, db_path):
    claim = visible_claims(window)[4]
    window.select_claim(claim.id)
    window.claim_list.setFocus()
    press(qtbot, window, "2")
    assert row(db_path, claim.id)[0] == "disputed"
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert row(db_path, claim.id)[0] == "unreviewed"
    assert window.panel.buttons[Verdict.UNREVIEWED].isChecked()
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert row(db_path, claim.id)[0] == "disputed"


def test_select_text_and_ctrl_return_adds_exactly_that_claim(window, qtbot, db_path):
    phrase = "a three-minute walk from Clarence House"
    text = window.article_view.article_text()
    start = text.index(phrase)
    select_text(window.article_view, start, start + len(phrase))
    window.article_view.setFocus()
    press(qtbot, window, Qt.Key_Return, Qt.ControlModifier)
    claim = window.panel.claim
    assert claim.text == phrase and claim.origin == "manual"
    assert row(db_path, claim.id, "text, origin") == (phrase, "manual")
    # Undo removes it (kept in the history), redo brings it back.
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    assert row(db_path, claim.id, "removed")[0] == 1
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert row(db_path, claim.id, "removed")[0] == 0


def test_remove_and_restore_a_claim(window, qtbot, db_path):
    claim = visible_claims(window)[0]
    window.select_claim(claim.id)
    window.claim_list.setFocus()
    press(qtbot, window, Qt.Key_Delete)
    assert row(db_path, claim.id, "removed")[0] == 1
    assert claim.id not in [c.id for c in visible_claims(window)]
    window.show_all_box.setChecked(True)  # removed claims are listed again
    settle(qtbot, window)
    window.select_claim(claim.id)
    press(qtbot, window, Qt.Key_Delete, Qt.ShiftModifier)
    assert row(db_path, claim.id, "removed")[0] == 0
    with read_library(db_path) as library:
        actions = [h.action for h in library.history(claim.id)]
    assert actions == ["removed", "restored"]


def test_adjust_boundaries(window, qtbot, db_path):
    claim = visible_claims(window)[0]
    window.select_claim(claim.id)
    select_text(window.article_view, claim.start, claim.start + 20)
    press(qtbot, window, Qt.Key_B, Qt.ControlModifier)
    assert row(db_path, claim.id, "text")[0] == window.article_view.article_text()[claim.start:claim.start + 20].strip()


def test_n_jumps_to_the_next_unreviewed(window, qtbot):
    claims = visible_claims(window)
    window.select_claim(claims[0].id)
    for claim in claims[1:3]:
        window.session.set_verdict(claim, Verdict.VERIFIED)
    settle(qtbot, window)
    window.claim_list.setFocus()
    press(qtbot, window, "n")
    assert window.panel.claim.id == claims[3].id


def test_enter_edits_the_note_and_escape_returns(window, qtbot, db_path):
    claim = visible_claims(window)[1]
    window.select_claim(claim.id)
    window.claim_list.setFocus()
    press(qtbot, window, Qt.Key_Return)
    assert window.panel.note.hasFocus()
    qtbot.keyClicks(window.panel.note, "Checked 1 2 3 J K")  # digits and J/K type, not act
    qtbot.keyClick(window.panel.note, Qt.Key_Escape)
    settle(qtbot, window)
    assert window.claim_list.hasFocus()
    assert row(db_path, claim.id, "note, verdict") == ("Checked 1 2 3 J K", "unreviewed")
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)  # the whole note is one undo step
    assert row(db_path, claim.id, "note")[0] == ""


def test_e_adds_evidence_and_undo_removes_it(window, qtbot, db_path):
    claim = visible_claims(window)[0]
    window.select_claim(claim.id)
    window.claim_list.setFocus()

    def fill(dialog):
        dialog.url.setText("https://example.org/ruling")
        dialog.title.setText("The ruling")
        dialog._accept()

    with_modal(fill)
    press(qtbot, window, "e")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    settle(qtbot, window)
    with read_library(db_path) as library:
        assert [e.url for e in library.claim(claim.id).evidence] == ["https://example.org/ruling"]
    assert window.panel.evidence.count() == 1
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)
    with read_library(db_path) as library:
        assert library.claim(claim.id).evidence == ()


def test_u_accepts_the_suggestion(window, qtbot, db_path):
    claim = next(c for c in visible_claims(window) if c.suggested_verdict == "unsourced")
    window.select_claim(claim.id)
    assert window.panel.suggestion.isVisible()
    window.claim_list.setFocus()
    press(qtbot, window, "u")
    assert row(db_path, claim.id)[0] == "unsourced"


def test_ctrl_f_searches_every_article_and_opens_the_hit(window, qtbot, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Officials told The Mirror the budget rose by 12 per cent in 2024.\n")
    window.session.open_paths([other])
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2 and not window.session.analysing,
                    timeout=60000)
    wait_for_article(qtbot, window)

    def search(dialog):
        dialog.query.setText("Mirror")
        dialog.run_search()
        qtbot.waitUntil(lambda: dialog.results.rowCount() >= 3)
        articles = {dialog.results.item(i, 0).data(Qt.UserRole)[0]
                    for i in range(dialog.results.rowCount())}
        assert len(articles) == 2
        qtbot.keyClick(dialog.query, Qt.Key_Return)

    with_modal(search)
    press(qtbot, window, Qt.Key_F, Qt.ControlModifier)
    qtbot.waitUntil(lambda: window.panel.claim is not None and "Mirror" in window.panel.claim.text)


def test_f1_shows_every_shortcut(window, qtbot):
    seen = {}

    def look(dialog):
        table = dialog.table
        seen["keys"] = {table.item(r, 2).text() for r in range(table.rowCount())}
        dialog.reject()

    with_modal(look)
    press(qtbot, window, Qt.Key_F1)
    for key in ("1", "2", "3", "0", "J", "K", "N", "E", "Ctrl+F", "Ctrl+Z", "F1"):
        assert any(key in keys.split(", ") for keys in seen["keys"]), key


def test_every_menu_action_shows_its_shortcut(window):
    for name in ("actionVerified", "actionNext", "actionNextUnreviewed", "actionAddEvidence",
                 "actionSearch", "actionHelp", "actionAddClaim", "actionZoomIn"):
        action = window.findChild(type(window.undo_action), name)
        assert action is not None and not action.shortcut().isEmpty(), name


def test_filters_and_sorting(window, qtbot):
    window.verdict_filter.setCurrentIndex(window.verdict_filter.findData(Verdict.VERIFIED))
    assert window.claim_proxy.rowCount() == 0
    window.verdict_filter.setCurrentIndex(0)
    window.source_filter.setCurrentIndex(window.source_filter.findData("anonymous"))
    shown = visible_claims(window)
    assert shown and all(c.attribution.kind.value == "anonymous" for c in shown)
    window.source_filter.setCurrentIndex(0)
    window.type_filter.setCurrentIndex(window.type_filter.findData("prediction"))
    assert all(c.claim_type == "prediction" for c in visible_claims(window))
    window.type_filter.setCurrentIndex(0)
    window.claim_list.sortByColumn(3, Qt.DescendingOrder)
    scores = [c.score for c in visible_claims(window)]
    assert scores == sorted(scores, reverse=True)
    # J follows the order the list shows.
    window.select_claim(visible_claims(window)[0].id)
    window.claim_list.setFocus()
    press(qtbot, window, "j")
    assert window.panel.claim.id == visible_claims(window)[1].id


def test_show_all_lists_captions(window, qtbot):
    before = window.claim_proxy.rowCount()
    window.show_all_box.setChecked(True)
    settle(qtbot, window)
    assert window.claim_proxy.rowCount() > before
    assert any(c.kind.value == "caption" for c in visible_claims(window))


def test_history_view(window, qtbot):
    claim = visible_claims(window)[0]
    window.select_claim(claim.id)
    window.session.set_verdict(claim, Verdict.DISPUTED)
    settle(qtbot, window)
    window.session.set_verdict(window.panel.claim, Verdict.VERIFIED)
    settle(qtbot, window)
    seen = {}

    def look(dialog):
        seen["rows"] = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
        seen["who"] = dialog.table.item(0, 1).text()
        dialog.reject()

    with_modal(look)
    press(qtbot, window, Qt.Key_H, Qt.ControlModifier)
    qtbot.waitUntil(lambda: "rows" in seen)
    assert seen["rows"] == ["disputed", "verified"]
    assert seen["who"] == "Test Checker"


def test_already_checked_in_another_article_and_r_reuses_it(window, qtbot, tmp_path, db_path):
    first = next(c for c in visible_claims(window) if c.text.startswith("The Duke of Sussex’s trip"))
    window.select_claim(first.id)
    window.session.set_verdict(first, Verdict.DISPUTED)
    settle(qtbot, window)
    window.session.set_note(window.panel.claim, "Date is wrong")
    settle(qtbot, window)
    window.session.add_evidence(window.panel.claim, "https://example.org/ev")
    settle(qtbot, window)
    other = tmp_path / "copy.txt"
    other.write_text("Royal round-up.\n" + first.text + "\nOther news follows here today.\n")
    window.session.open_paths([other])
    qtbot.waitUntil(lambda: window._article_id is not None and window._article_id != first.article_id
                    and not window.session.analysing, timeout=60000)
    wait_for_article(qtbot, window)  # claims are put on screen a few event-loop turns later
    again = next(c for c in visible_claims(window) if c.text == first.text)
    window.select_claim(again.id)
    qtbot.waitUntil(lambda: window.panel.matches_box.isVisible())
    assert "Disputed" in window.panel.matches_label.text()
    window.claim_list.setFocus()
    press(qtbot, window, "r")
    with read_library(db_path) as library:
        claim = library.claim(again.id)
    assert claim.verdict is Verdict.DISPUTED and "Date is wrong" in claim.note
    assert [e.url for e in claim.evidence] == ["https://example.org/ev"]
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)  # one undo step for the whole reuse
    with read_library(db_path) as library:
        claim = library.claim(again.id)
    assert claim.verdict is Verdict.UNREVIEWED and claim.evidence == () and claim.note == ""


def test_library_lists_articles_with_progress_and_opens_them(window, qtbot, tmp_path):
    other = tmp_path / "second.txt"
    other.write_text("Second story headline\n\nThe council spent £3m on 40 new buses in 2023.\n")
    window.session.open_paths([other])
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2 and not window.session.analysing,
                    timeout=60000)
    titles = [window.article_model.article_at(r).title for r in range(2)]
    assert "Second story headline" in titles
    sample_row = next(r for r in range(2) if titles[r] != "Second story headline")
    window.library_filter.setText("Second")
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 1)
    window.library_filter.setText("")
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 2)
    index = window.article_model.index(sample_row, 0)
    window.library_view.setFocus()
    window.library_view.setCurrentIndex(index)
    qtbot.keyClick(window.library_view, Qt.Key_Return)
    qtbot.waitUntil(lambda: "Prince Harry" in window.article_view.article_text())
    wait_for_article(qtbot, window)
    settle(qtbot, window)
    progress = window.article_model.data(window.article_model.index(sample_row, 2))
    assert progress.endswith(f"/ {window.claim_proxy.rowCount()}")


def test_paste_and_drop_open_articles(window, qtbot, tmp_path):
    QGuiApplication.clipboard().setText("Pasted story\n\nThe minister said 5,000 homes were built in 2022.\n")
    press(qtbot, window, Qt.Key_V, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: "Pasted story" in window.article_view.article_text()
                    and not window.session.analysing, timeout=60000)
    dropped = tmp_path / "dropped.txt"
    dropped.write_text("Dropped story\n\nA source said 12 people were arrested in May.\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(QPointF(50, 50), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: "Dropped story" in window.article_view.article_text()
                    and not window.session.analysing, timeout=60000)


def test_bad_file_shows_a_clear_message_and_stores_nothing(window, qtbot, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with qtbot.waitSignal(window.session.error, timeout=10000) as blocker:
        window.session.open_paths([empty])
    assert "empty" in blocker.args[0]
    settle(qtbot, window)
    assert window.article_model.rowCount() == 1


def test_zoom_and_layout_are_remembered(window, qtbot):
    from PySide6.QtCore import QSettings

    size = window.article_view.font().pointSizeF()
    press(qtbot, window, Qt.Key_Equal, Qt.ControlModifier)
    assert window.article_view.font().pointSizeF() > size
    press(qtbot, window, Qt.Key_Minus, Qt.ControlModifier)
    assert window.article_view.font().pointSizeF() == size
    window.close()
    settings = QSettings("annotator", "annotator")
    assert settings.value("geometry") is not None
    assert int(settings.value("lastArticle")) == window._article_id


def test_progress_bar_while_analysing(qtbot, db_path, tmp_path):
    from annotator.gui import create_window

    path = tmp_path / "long.txt"
    path.write_text("\n".join(f"Paragraph {i}: the council spent £{i}m in 2020, a source said."
                              for i in range(400)) + "\n")
    win = create_window(db_path=db_path, paths=[path])
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.progress.isVisible(), timeout=30000)
    wait_for_article(qtbot, win, timeout=120000)
    assert not win.progress.isVisible()
    win.session.tasks.wait(30000)


def test_import_annotations_runs_off_the_gui_thread(window, qtbot, tmp_path):
    from annotator.core.export.w3c import write_w3c
    from annotator.core.library import Library

    claim = visible_claims(window)[2]
    window.select_claim(claim.id)
    window.session.set_verdict(claim, Verdict.DISPUTED)
    settle(qtbot, window)
    exported = tmp_path / "w3c.json"
    with Library.open(window.session.path, backup=False) as other:
        write_w3c(other.snapshot(claim.article_id), exported)
    window.session.set_verdict(window.panel.claim, Verdict.UNREVIEWED)  # as if another library
    settle(qtbot, window)
    with qtbot.waitSignal(window.session.status, timeout=30000) as blocker:
        window.session.import_annotations(exported)
    assert "imported" in blocker.args[0]
    qtbot.waitUntil(lambda: window.claim_model.claim_at(
        window.claim_model.row_of(claim.id)).verdict is Verdict.DISPUTED)
    with Library.open(window.session.path, backup=False) as other:
        assert other.claim(claim.id).verdict is Verdict.DISPUTED


def test_the_details_say_whom_a_pronoun_source_was_read_as(window, qtbot):
    # "In 2022 they went on to accuse the palace ...": the checker sees "they" was read as
    # Harry and Meghan, the one thing to confirm before trusting the name
    claim = next(c for c in visible_claims(window) if c.text.startswith("In 2022 they"))
    claims = visible_claims(window)
    click_text(qtbot, window.article_view, claims[0].start + 3)
    for _ in range(claims.index(claim)):
        press(qtbot, window, "j")  # the next claim, as a checker steps down the list
    assert window.panel.claim.id == claim.id
    text = window.panel.details.text()
    assert "Harry and Meghan" in text and "read from “they”" in text, text
