"""The operation runner seen from the window: a busy library, two windows on one
library, and changes made by other processes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

from PySide6.QtCore import QElapsedTimer, Qt, QTimer

from annotator.core.model import Verdict
from tests.conftest import ROOT, run_cli
from tests.gui.conftest import wait_for_article
from tests.gui.helpers import db_row, settle

LOCKER = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")  # hold the write lock
    print("LOCKED", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.execute("ROLLBACK")
""")


class Heartbeat:
    """A 10 ms timer on the GUI thread; the longest gap between ticks is the
    longest time the event loop could not run."""

    def __init__(self):
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = 0
        self.longest = 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self):
        now = self.clock.elapsed()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def stop(self):
        self.timer.stop()


def test_a_locked_library_says_busy_and_the_window_never_stalls(window, qtbot, db_path):
    claim = window.claim_model.claim_at(0)
    window.select_claim(claim.id)
    window.claim_list.setFocus()
    settle(qtbot, window)
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(db_path), "8"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert locker.stdout.readline().strip() == "LOCKED"
        errors = []
        window.session.error.connect(errors.append)
        beat = Heartbeat()
        started = time.monotonic()
        qtbot.keyClick(window.claim_list, "1")
        qtbot.waitUntil(lambda: bool(errors), timeout=6000)
        took = time.monotonic() - started
        beat.stop()
    finally:
        locker.wait(20)
    assert "busy" in errors[0].lower()
    assert took <= 4.0, took
    assert beat.longest < 100, f"the event loop stalled {beat.longest} ms"
    print(f"busy message after {took:.2f} s; longest event-loop stall {beat.longest} ms")
    assert window.statusBar().currentMessage()  # shown, not only emitted
    assert db_row(db_path, claim.id, "verdict") == "unreviewed"
    assert window.panel.claim.verdict is Verdict.UNREVIEWED  # nothing pretended
    assert window.session.undo_stack.count() == 0  # nothing to undo either


def test_two_windows_an_edit_on_a_stale_copy_is_refused(window, qtbot, db_path, sample_path):
    from annotator.gui import create_window

    other = create_window(db_path=db_path, paths=[sample_path], load_model=False, poll_ms=0)
    qtbot.addWidget(other)
    other.show()
    wait_for_article(qtbot, other)
    claim = window.claim_model.claim_at(3)
    # Both checkers look at the same claim.
    other.select_claim(claim.id)
    settle(qtbot, other)
    # The first window marks it disputed ...
    window.select_claim(claim.id)
    qtbot.mouseClick(window.panel.buttons[Verdict.DISPUTED], Qt.LeftButton)
    settle(qtbot, window)
    assert db_row(db_path, claim.id, "verdict") == "disputed"
    # ... the second, still showing the old copy, tries verified.
    errors = []
    other.session.error.connect(errors.append)
    qtbot.mouseClick(other.panel.buttons[Verdict.VERIFIED], Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    settle(qtbot, other)
    assert "was changed by Test Checker" in errors[0]
    assert db_row(db_path, claim.id, "verdict") == "disputed"  # nothing overwritten
    # The refused window now shows the colleague's verdict.
    assert other.panel.claim.verdict is Verdict.DISPUTED
    assert other.claim_model.claim_at(other.claim_model.row_of(claim.id)).verdict is Verdict.DISPUTED
    other.close()


def test_a_change_from_another_process_shows_within_two_seconds(window, qtbot, db_path):
    claim = window.claim_model.claim_at(5)
    result = run_cli("mark", str(claim.id), "unsourced", "--db", str(db_path),
                     env={"ANNOTATOR_CHECKER": "Alice"})
    assert result.returncode == 0, result.stderr
    done = time.monotonic()
    row = window.claim_model.row_of(claim.id)
    qtbot.waitUntil(lambda: window.claim_model.claim_at(row).verdict is Verdict.UNSOURCED,
                    timeout=2000)
    print(f"shown {time.monotonic() - done:.2f} s after the CLI returned")
    assert "Alice" in window.statusBar().currentMessage()
    article_row = window.article_model.row_of(claim.article_id)
    assert article_row is not None
    progress = window.article_model.data(window.article_model.index(article_row, 2))
    assert progress.startswith("1 /")


def test_the_threshold_from_settings_applies_without_a_restart(window, qtbot, tmp_path,
                                                               monkeypatch):
    from annotator.core.settings import Settings

    monkeypatch.setenv("ANNOTATOR_SETTINGS", str(tmp_path / "settings.json"))  # this test's own
    qtbot.waitUntil(lambda: window.session.model_ready, timeout=60000)
    settings = Settings.load()
    settings.threshold = 0.9999
    window.session.save_settings(settings)
    path = tmp_path / "strict.txt"
    path.write_text("Budget news\n\nThe council spent £3m on 40 new buses in 2023, figures show. "
                    "Unemployment fell to 4.1 per cent in March.\n")
    window.session.open_paths([path])
    qtbot.waitUntil(lambda: window._article_id is not None and "Budget news" in
                    window.article_view.article_text() and not window.session.analysing,
                    timeout=60000)
    settle(qtbot, window)
    assert window.claim_proxy.rowCount() == 0  # nothing reaches 0.9999


def test_worker_reads_never_run_on_the_gui_thread(window, qtbot, monkeypatch):
    """Selecting a claim, reading the library list and searching go to the worker."""
    import threading

    from annotator.core.library import Library

    gui = threading.get_ident()
    seen = []
    for name in ("claim", "claims", "articles", "matches", "search", "history", "article"):
        original = getattr(Library, name)

        def spy(self, *args, _original=original, _name=name, **kwargs):
            seen.append((_name, threading.get_ident() == gui))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Library, name, spy)
    claims = [window.claim_model.claim_at(r) for r in range(3)]
    for claim in claims:
        window.select_claim(claim.id)
    window.claim_list.setFocus()
    qtbot.keyClick(window.claim_list, "2")
    window.library_filter.setText("Prince")
    settle(qtbot, window)
    assert seen and not any(on_gui for _, on_gui in seen), seen


def test_the_backup_is_made_after_the_window_is_up(qtbot, db_path, sample_library):
    from annotator.gui import create_window

    library, _ = sample_library
    library.close()
    win = create_window(db_path=db_path, load_model=False)
    qtbot.addWidget(win)
    backups = db_path.parent / ".annotator-backups"
    assert not list(backups.glob("*.sqlite"))  # nothing copied before the first paint
    qtbot.waitUntil(lambda: len(list(backups.glob("*.sqlite"))) == 1, timeout=10000)
    win.close()


def test_ctrl_return_on_a_blank_selection_says_why_and_changes_nothing(window, qtbot, db_path):
    """Regression: the edit ran before the undo stack, its error reached sys.excepthook."""
    import sqlite3

    from PySide6.QtGui import QTextCursor

    from tests.gui.helpers import press

    text = window.article_view.article_text()
    gap = text.index("\n\n") if "\n\n" in text else text.index("\n")
    count = sqlite3.connect(db_path).execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    errors = []
    window.session.error.connect(errors.append)
    cursor = window.article_view.textCursor()
    cursor.setPosition(gap)
    cursor.setPosition(gap + 1, QTextCursor.KeepAnchor)  # only a line break
    window.article_view.setTextCursor(cursor)
    window.article_view.setFocus()
    press(qtbot, window, Qt.Key_Return, Qt.ControlModifier)
    qtbot.waitUntil(lambda: bool(errors) or "Select" in window.statusBar().currentMessage(),
                    timeout=5000)
    message = errors[0] if errors else window.statusBar().currentMessage()
    assert "empty" in message or "Select" in message
    assert "Traceback" not in message and "internal error" not in message
    assert sqlite3.connect(db_path).execute("SELECT COUNT(*) FROM claims").fetchone()[0] == count
