"""The whole loop in the GUI: click a claim, mark it, find it in SQLite."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QAbstractItemView, QPushButton

from annotator.core.model import Verdict
from tests.gui.helpers import click_text, db_row, press, settle


def db_verdict(db_path, claim_id):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT verdict FROM claims WHERE id = ?", [claim_id]).fetchone()[0]
    finally:
        conn.close()


def test_window_has_the_named_widgets(window):
    from PySide6.QtWidgets import QPlainTextEdit

    assert window.findChild(QPlainTextEdit, "articleView") is window.article_view
    assert isinstance(window.findChild(QAbstractItemView, "claimList"), QAbstractItemView)
    for name in ("verdictVerified", "verdictDisputed", "verdictUnsourced"):
        assert window.findChild(QPushButton, name) is not None
    assert window.findChild(QPlainTextEdit, "noteEdit") is not None


def test_claims_are_highlighted_in_the_article(window):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor

    view = window.article_view
    claims = [c for c in window.claim_model.claims() if c.check_worthy]
    for claim in claims:
        cursor = QTextCursor(view.document())
        cursor.setPosition(claim.start + 1)  # the sample is all in the BMP
        assert cursor.charFormat().background().style() != Qt.NoBrush, claim.text
    caption_at = view.article_text().index("Pictured:")
    cursor = QTextCursor(view.document())
    cursor.setPosition(caption_at + 1)
    assert cursor.charFormat().background().style() == Qt.NoBrush


def test_click_a_highlighted_claim_then_press_2(window, qtbot, db_path, sample_text):
    target = next(c for c in window.claim_model.claims() if "A US source told" in c.text)
    click_text(qtbot, window.article_view, target.start + 5)
    assert window.panel.claim.id == target.id
    current = window.claim_list.currentIndex()
    assert window.claim_proxy.mapToSource(current).row() == window.claim_model.row_of(target.id)
    press(qtbot, window, "2")
    assert db_verdict(db_path, target.id) == "disputed"
    assert window.panel.buttons[Verdict.DISPUTED].isChecked()


def test_selecting_in_the_list_scrolls_the_article(window, qtbot):
    last_row = window.claim_proxy.rowCount() - 1
    window.claim_list.setFocus()
    window.claim_list.setCurrentIndex(window.claim_proxy.index(last_row, 0))
    claim = window.panel.claim
    assert claim is not None
    cursor = window.article_view.textCursor()
    assert abs(window.article_view.position_to_offset(cursor.position()) - claim.start) <= 1
    assert window.article_view.cursorRect().top() >= 0


def test_verdict_buttons_and_note_save_at_once(window, qtbot, db_path):
    claim = window.claim_model.claim_at(0)
    window.select_claim(claim.id)
    window.panel.buttons[Verdict.UNSOURCED].click()
    settle(qtbot, window)
    assert db_verdict(db_path, claim.id) == "unsourced"
    window.panel.note.setFocus()
    qtbot.keyClicks(window.panel.note, "No named source")
    qtbot.waitUntil(lambda: db_row(db_path, claim.id, "note") == "No named source", timeout=3000)


def test_keys_1_2_3_0(window, qtbot, db_path):
    claim = window.claim_model.claim_at(1)
    window.select_claim(claim.id)
    window.claim_list.setFocus()
    for key, verdict in (("1", "verified"), ("2", "disputed"), ("3", "unsourced"),
                         ("0", "unreviewed")):
        press(qtbot, window, key)
        assert db_verdict(db_path, claim.id) == verdict


def test_emoji_article_click_maps_offsets(qtbot, tmp_path, db_path):
    from annotator.gui import create_window
    from tests.gui.conftest import wait_for_article

    text = ("Fans 😀😀😀 cheered as 20,000 people 👍🏽 arrived on May 3, 2024, police said.\n"
            "A source told The Sun that 3 arrests were made in 2023.\n")
    path = tmp_path / "emoji.txt"
    path.write_text(text, encoding="utf-8")
    win = create_window(db_path=db_path, paths=[path])
    qtbot.addWidget(win)
    win.show()
    wait_for_article(qtbot, win)
    claim = next(c for c in win.claim_model.claims() if c.text.startswith("A source"))
    assert text[claim.start:claim.end] == claim.text
    click_text(qtbot, win.article_view, claim.start + 3)
    assert win.panel.claim.id == claim.id
    win.session.tasks.wait(30000)


SCRIPT = textwrap.dedent("""
    import sys
    import time
    from PySide6.QtWidgets import QApplication
    from annotator.gui import create_window
    from tests.gui.helpers import click_text
    from PySide6.QtTest import QTest
    from PySide6.QtCore import Qt

    app = QApplication([])
    win = create_window(db_path=sys.argv[1], paths=[sys.argv[2]])
    win.show()
    while not (win._article_id and win.claim_model.rowCount() and not win.session.analysing
               and not win.loading):
        app.processEvents()
        time.sleep(0.02)  # not QTest.qWait, which keeps the GIL from the worker thread
    claim = win.claim_model.claim_at(2)
    win.select_claim(claim.id)
    win.claim_list.setFocus()
    QTest.keyClick(win.claim_list, "2")
    # Acknowledged = the change came back from the worker and shows in the list.
    while win.claim_model.claim_at(win.claim_model.row_of(claim.id)).verdict.value != "disputed":
        app.processEvents()
        time.sleep(0.005)
    print("MARKED", claim.id, flush=True)
    while True:
        app.processEvents()
        time.sleep(0.1)
""")


def test_mark_survives_sigkill(tmp_path, sample_path):
    db = tmp_path / "killed.sqlite"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(db), str(sample_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=root)
    try:
        line = ""
        while not line.startswith("MARKED"):
            line = proc.stdout.readline()
            assert line or proc.poll() is None, proc.stderr.read()
        claim_id = int(line.split()[1])
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT verdict FROM claims WHERE id = ?", [claim_id]).fetchone()[0] == "disputed"
