"""Issue 16: the window as a new checker meets it, driven only by input events
(key presses and clicks on the widgets); results are read on screen or from
the SQLite file."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from annotator.core.export.report import render_report_html
from annotator.core.model import Verdict
from annotator.core.offsets import Utf16Map
from annotator.core.verdict_style import blend, look, strength
from annotator.gui.article_view import ALTERNATE
from annotator.gui.claim_model import CLAIM_ID_ROLE
from annotator.gui.palette import CSS_UNDERLINE
from tests.gui.conftest import wait_for_article
from tests.gui.helpers import click_text, db_row, press, read_library, settle
from tests.gui.test_workbench import visible_claims, with_modal


def action(window, name: str) -> QAction:
    return window.findChild(QAction, name)


def listed_numbers(window) -> dict[int, str]:
    proxy = window.claim_proxy
    return {proxy.index(r, 0).data(CLAIM_ID_ROLE): proxy.index(r, 0).data()
            for r in range(proxy.rowCount())}


def current_id(window) -> int | None:
    index = window.claim_list.currentIndex()
    return index.sibling(index.row(), 0).data(CLAIM_ID_ROLE) if index.isValid() else None


def test_the_keyboard_starts_on_the_first_claim(window, qtbot):
    assert QApplication.focusWidget() is window.claim_list
    assert window.claim_list.currentIndex().row() == 0
    press(qtbot, window, "j")
    assert window.claim_list.currentIndex().row() == 1
    assert window.library_filter.text() == ""


def test_single_keys_are_disabled_while_typing(window, qtbot, db_path):
    claim = current_id(window)
    qtbot.mouseClick(window.library_filter, Qt.LeftButton)
    assert QApplication.focusWidget() is window.library_filter
    for name in ("actionNext", "actionVerified", "actionAcceptSuggestion", "actionEditNote",
                 "actionRemoveClaim", "actionPriority"):
        assert not action(window, name).isEnabled(), name
    qtbot.keyClicks(window.library_filter, "j1ur")
    settle(qtbot, window)
    assert window.library_filter.text() == "j1ur"
    assert current_id(window) == claim and db_row(db_path, claim, "verdict") == "unreviewed"
    qtbot.keyClick(window.library_filter, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClick(window.library_filter, Qt.Key_Backspace)
    qtbot.mouseClick(window.claim_list.viewport(), Qt.LeftButton,
                     pos=window.claim_list.visualRect(window.claim_proxy.index(0, 2)).center())
    assert action(window, "actionNext").isEnabled()
    press(qtbot, window, "1")
    assert db_row(db_path, current_id(window), "verdict") == "verified"


def _painted(view) -> int:
    """How many text fragments carry a highlight (background or underline)."""
    block, painted = view.document().begin(), 0
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            painted += (fmt.background().style() != Qt.NoBrush
                        or fmt.underlineStyle() != fmt.UnderlineStyle.NoUnderline)
            iterator += 1
        block = block.next()
    return painted


def test_a_new_article_is_shown_plain_while_it_is_analysed(window, qtbot, sample_text):
    # the previously selected claim is disputed: its style must not spread
    press(qtbot, window, "2")
    assert _painted(window.article_view) > 0
    click_text(qtbot, window.article_view, window.panel.claim.start + 5)  # caret inside it
    press(qtbot, window, Qt.Key_L, Qt.ControlModifier)
    seen = {}

    def while_analysing(_title, _text):  # runs right after the window showed the preview
        seen["painted"] = _painted(window.article_view)
        seen["text"] = window.article_view.article_text()
        seen["next_enabled"] = action(window, "actionVerified").isEnabled()
        QTest.keyClick(window.claim_list, "1")  # no claim selected: the status bar says why
        seen["status"] = window.statusBar().currentMessage()

    window.session.articlePreview.connect(while_analysing)  # observes; does not act
    text = "\n".join(f"Paragraph {i}: {sample_text}" for i in range(3))
    QGuiApplication.clipboard().setText(text)
    press(qtbot, window, Qt.Key_V, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: "painted" in seen, timeout=20000)
    assert seen["text"] == text
    assert seen["painted"] == 0
    assert seen["next_enabled"] is False
    assert "Select a claim first" in seen["status"], seen["status"]
    window.session.articlePreview.disconnect(while_analysing)
    wait_for_article(qtbot, window)
    assert _painted(window.article_view) > 0  # the new claims, in their own styles


def test_delete_moves_on_and_e_then_types_only_into_the_dialog(window, qtbot, db_path):
    press(qtbot, window, "j")
    removed = current_id(window)
    press(qtbot, window, Qt.Key_Delete)
    assert db_row(db_path, removed, "removed") == 1
    qtbot.waitUntil(lambda: current_id(window) not in (None, removed))
    claim = current_id(window)
    assert window.panel.claim.id == claim
    url = "https://example.org/numbers-run-unsourced"

    def type_url(dialog):
        assert dialog.objectName() == "evidenceDialog"
        qtbot.keyClicks(QApplication.focusWidget(), url)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)

    with_modal(type_url)
    press(qtbot, window, "e")
    settle(qtbot, window)
    conn = read_library(db_path)
    try:
        assert [e.url for e in conn.claim(claim).evidence] == [url]
    finally:
        conn.close()
    assert db_row(db_path, claim, "verdict") == "unreviewed"
    assert current_id(window) == claim


def test_numbers_are_stable_and_hand_added_claims_say_so(window, qtbot, db_path):
    before = listed_numbers(window)
    assert sorted(int(n) for n in before.values()) == sorted(
        db_row(db_path, cid, "number") for cid in before)
    press(qtbot, window, "j")
    press(qtbot, window, Qt.Key_T, Qt.ControlModifier | Qt.ShiftModifier)
    assert QApplication.focusWidget() is window.article_view
    for _ in range(3):
        qtbot.keyClick(window.article_view, Qt.Key_Right, Qt.ControlModifier | Qt.ShiftModifier)
    press(qtbot, window, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(lambda: len(listed_numbers(window)) == len(before) + 1)
    after = listed_numbers(window)
    added = next(cid for cid in after if cid not in before)
    assert {cid: after[cid] for cid in before} == before  # nobody renumbered
    # The next number of the article (hidden units have numbers too), never a renumbering.
    assert int(after[added]) > max(int(n) for n in before.values())
    assert int(after[added]) == db_row(db_path, added, "number")
    row = window.claim_proxy.mapFromSource(
        window.claim_model.index(window.claim_model.row_of(added), 3))
    assert row.data() == "added by hand"
    assert f"#{after[added]}" in window.undo_action.text()
    qtbot.mouseClick(window.show_all_box, Qt.LeftButton,
                     pos=QPoint(8, window.show_all_box.height() // 2))
    settle(qtbot, window)
    qtbot.waitUntil(lambda: len(listed_numbers(window)) > len(after))
    shown_all = listed_numbers(window)
    assert {cid: shown_all[cid] for cid in after} == after


def test_p_switches_to_priority_order_and_back(window, qtbot):
    press(qtbot, window, "p")
    claims = visible_claims(window)
    keys = [(c.suggested_verdict != "unsourced", -c.score) for c in claims]
    assert keys == sorted(keys)
    assert "priority" in window.order_label.text()
    assert window.claim_list.currentIndex().row() == 0
    press(qtbot, window, "p")
    assert [c.start for c in visible_claims(window)] == sorted(c.start for c in claims)


def test_progress_strip_counts_by_verdict(window, qtbot):
    total = window.progress_strip.total
    for key in ("1", "j", "2", "j", "3", "j", "3"):
        press(qtbot, window, key)
    strip = window.progress_strip
    assert (strip.counts[Verdict.VERIFIED], strip.counts[Verdict.DISPUTED],
            strip.counts[Verdict.UNSOURCED]) == (1, 1, 2)
    assert f"4 of {total} reviewed" in strip.label.text()
    assert "2&nbsp;unsourced" in strip.figures.text()
    assert strip.bar.isVisible()


def test_the_app_and_the_report_draw_each_verdict_alike(window, qtbot, db_path):
    for key in ("1", "j", "2", "j", "3"):
        press(qtbot, window, key)
    claims = {c.verdict: c for c in reversed(visible_claims(window))}
    conn = read_library(db_path)
    try:
        page = render_report_html(conn.snapshot(window.claim_model.claim_at(0).article_id))
    finally:
        conn.close()
    css = dict((m[0], m[1:]) for m in re.findall(
        r"mark\.claim\.v-(\w+)\{background:(#\w+);text-decoration:underline (\w+) (#\w+);", page))
    view = window.article_view
    mapping = Utf16Map(view.article_text())
    for verdict in Verdict:
        claim = claims[verdict]
        cursor = QTextCursor(view.document())
        cursor.setPosition(mapping.to_utf16(claim.start) + 2)
        fmt = cursor.charFormat()
        background, underline, colour = css[verdict.value]
        assert CSS_UNDERLINE[fmt.underlineStyle()] == underline, verdict
        assert fmt.underlineColor().name().upper() == colour.upper(), verdict
        base = view.palette().base().color().name()
        expected = background if claim.reviewed else blend(background, base,
                                                            strength(claim.score))
        # every other claim of a run of touching claims keeps part of its tint
        lighter = blend(expected, base, ALTERNATE)
        shown = fmt.background().color().name().upper()
        if verdict is Verdict.VERIFIED:  # the article's first claim: never the lighter one
            assert shown == expected.upper() == background.upper()
        assert shown in (expected.upper(), lighter.upper())
        assert look(verdict).tint.upper() == background.upper()


def test_touching_claims_do_not_merge_into_one_highlight(window, qtbot):
    view = window.article_view
    mapping = Utf16Map(view.article_text())
    claims = [c for c in visible_claims(window) if c.check_worthy]
    pairs = [(a, b) for a, b in zip(claims, claims[1:])
             if 0 < b.start - a.end <= 1 and a.verdict is b.verdict]
    assert pairs

    def background(claim):
        cursor = QTextCursor(view.document())
        cursor.setPosition(mapping.to_utf16(claim.start) + 2)
        return cursor.charFormat().background().color().name()

    for a, b in pairs:
        if strength(a.score) == strength(b.score):
            assert background(a) != background(b), (a.number, b.number)


def test_search_counts_in_words_and_shows_the_matching_note(window, qtbot):
    press(qtbot, window, Qt.Key_Return)
    assert QApplication.focusWidget() is window.panel.note
    qtbot.keyClicks(window.panel.note, "zebra crossing checked with the council")
    qtbot.keyClick(window.panel.note, Qt.Key_Escape)
    settle(qtbot, window)
    seen = {}

    def search(dialog):
        qtbot.keyClicks(dialog.query, "zebra")
        qtbot.waitUntil(lambda: dialog.results.rowCount() == 1, timeout=5000)
        seen["status"] = dialog.status.text()
        seen["note"] = dialog.results.item(0, 3).text()
        seen["scroll"] = dialog.results.horizontalScrollBar().maximum()
        qtbot.keyClick(dialog.query, Qt.Key_Escape)

    with_modal(search)
    press(qtbot, window, Qt.Key_F, Qt.ControlModifier)
    assert seen["status"].startswith("One claim in one article (one match in the note)")
    assert seen["note"] == "zebra crossing checked with the council"
    assert seen["scroll"] == 0


def test_export_names_come_from_the_title_and_the_folder_is_remembered(
        window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = tmp_path / "exports"
    folder.mkdir()
    seen = {}

    def save(dialog):
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        seen["name"] = name.text()
        # setText, not typing: typed text opens the path completer, whose popup can take
        # the Return on a busy machine and leave the dialog (and the test) waiting forever
        name.setText(str(folder / seen["name"]))
        qtbot.keyClick(name, Qt.Key_Return)

        def still_open():
            try:
                if dialog.isVisible():
                    seen["stuck"] = True
                    dialog.reject()  # fail below instead of hanging the suite
            except RuntimeError:
                pass  # the dialog is gone: it took the Return
        QTimer.singleShot(10000, still_open)

    with_modal(save)
    press(qtbot, window, Qt.Key_E, Qt.ControlModifier | Qt.ShiftModifier)
    assert "stuck" not in seen, "the save dialog did not take Return"
    day = date.today().isoformat()
    assert re.fullmatch(rf"prince-harry-[a-z0-9-]+-{day}\.csv", seen["name"]), seen["name"]
    qtbot.waitUntil(lambda: (folder / seen["name"]).exists(), timeout=20000)

    def look_again(dialog):
        seen["folder"] = dialog.directory().absolutePath()
        qtbot.keyClick(dialog, Qt.Key_Escape)

    with_modal(look_again)
    press(qtbot, window, Qt.Key_R, Qt.ControlModifier | Qt.ShiftModifier)
    assert seen["folder"] == str(folder)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.claim_list)


def test_settings_dialog_has_room_for_its_texts(window, qtbot):
    seen = {}

    def look_at(dialog):
        for field in dialog.findChildren(QLineEdit):
            if field.placeholderText():
                needed = field.fontMetrics().horizontalAdvance(field.placeholderText()) + 16
                seen[field.objectName()] = (needed, field.width())
        qtbot.keyClick(dialog, Qt.Key_Escape)

    with_modal(look_at)
    press(qtbot, window, Qt.Key_Comma, Qt.ControlModifier)
    assert seen and all(needed <= width for needed, width in seen.values()), seen


def test_at_1280x720_the_claim_list_shows_rows_and_the_legend_keeps_chips_whole(window, qtbot):
    window.resize(1280, 720)  # what the window manager does when the user resizes
    qtbot.wait(200)
    rows = window.claim_list.viewport().height() // window.claim_list.rowHeight(0)
    assert rows >= 8, rows
    legend = window.legend.text()
    for verdict in Verdict:
        chip = re.search(rf"{re.escape(verdict.label)}.*?\({look(verdict).underline}\)", legend)
        assert chip is not None and " " not in chip.group(0).replace("<span style=", "")


def test_on_a_1280_pixel_screen_the_article_gets_room_to_be_read(qtbot, db_path, sample_path):
    # The claim filters, sized to their longest item, once held the right-hand side at 850
    # pixels and left the article a 230-pixel strip of three words a line.
    from annotator.gui import create_window

    win = create_window(db_path=db_path, paths=[sample_path])
    qtbot.addWidget(win)
    win.resize(1280, 720)  # a first start on a 1280 x 720 screen: no sizes saved yet
    win.show()
    qtbot.waitExposed(win)
    wait_for_article(qtbot, win)
    assert win.article_view.width() >= 0.33 * win.width(), win.main_splitter.sizes()
    rows = win.claim_list.viewport().height() // win.claim_list.rowHeight(0)
    assert rows >= 8, rows
    for combo in (win.verdict_filter, win.type_filter, win.source_filter, win.review_filter):
        assert combo.isVisible() and combo.width() >= combo.minimumSizeHint().width()
    # a filter narrower than its longest item still opens a list that shows every item whole
    combo = win.verdict_filter
    longest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i))
                  for i in range(combo.count()))
    assert combo.width() < longest + 40
    QTest.mouseClick(combo, Qt.LeftButton)
    qtbot.waitUntil(lambda: combo.view().isVisible())
    assert combo.view().viewport().width() >= longest
    QTest.keyClick(combo.view(), Qt.Key_Escape)
    qtbot.waitUntil(lambda: not combo.view().isVisible())
    win.session.tasks.wait(30000)
