"""Driving the window the way a checker does."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from annotator.core.offsets import Utf16Map


def click_text(qtbot, view, offset: int) -> None:
    """Click the article at a Python offset."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(Utf16Map(view.article_text()).to_utf16(offset) + 1)
    rect = view.cursorRect(cursor)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())


def select_text(view, start: int, end: int) -> None:
    mapping = Utf16Map(view.article_text())
    cursor = QTextCursor(view.document())
    cursor.setPosition(mapping.to_utf16(start))
    cursor.setPosition(mapping.to_utf16(end), QTextCursor.KeepAnchor)
    view.setTextCursor(cursor)


def settle(qtbot, window, timeout: int = 10000) -> None:
    """Wait until every library operation the window sent has come back (a
    checker's key press is done when its change shows)."""
    qtbot.waitUntil(lambda: window.session.tasks.ops_pending == 0 and not window.loading
                    and not window._library_timer.isActive(), timeout=timeout)


def press(qtbot, window, key: str | int, modifier=Qt.NoModifier) -> None:
    target = window.focusWidget() or window
    qtbot.keyClick(target, key, modifier)
    settle(qtbot, window)


def db_row(db_path, claim_id: int, columns: str):
    """Read a claim straight from the file, as another program would."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    try:
        row = conn.execute(f"SELECT {columns} FROM claims WHERE id = ?", [claim_id]).fetchone()
    finally:
        conn.close()
    return row[0] if row is not None and len(row) == 1 else row


def read_library(db_path):
    """A Library connection of the test's own (never the window's)."""
    from annotator.core.library import Library

    return Library.open(db_path, backup=False)
