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


def press(qtbot, window, key: str | int, modifier=Qt.NoModifier) -> None:
    target = window.focusWidget() or window
    qtbot.keyClick(target, key, modifier)
