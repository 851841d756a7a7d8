"""The Qt GUI. It reaches the core only through `Session`."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence


def create_window(db_path: str | Path | None = None, paths: Sequence[str | Path] = (),
                  load_model: bool = True, poll_ms: int | None = None, create: bool = True):
    """Build the main window (a QApplication must exist) without entering the
    event loop. With no paths it opens the last article, or the sample.

    `create`: whether a missing library file is created (the first run, or
    articles to import); the window then says so in its status bar."""
    from PySide6.QtCore import QSettings

    from annotator.core.library import Library
    from annotator.core.settings import Settings
    from annotator.gui.main_window import APP, ORG, MainWindow
    from annotator.gui.session import Session
    from annotator.gui.tasks import POLL_INTERVAL_MS

    poll_ms = POLL_INTERVAL_MS if poll_ms is None else poll_ms
    # Check and migrate the library here, before any other connection of this
    # process exists; then the session's worker opens its own. The backup copy
    # is made later, off the path to the first paint (Session.schedule_backup).
    with Library.open(db_path, backup=False, create=create) as library:
        path, created, read_only = library.target, library.created, library.read_only
        shown = library.path  # a shared library's URL without its password
    session = Session(path, Settings.load(), poll_ms=poll_ms, read_only=read_only)
    window = MainWindow(session)
    session.setParent(window)
    if created:
        window.statusBar().showMessage(f"Created a new library at {shown}", 15000)
    if load_model:
        session.load_model()
    session.schedule_backup()
    if paths:
        session.open_paths(list(paths))
    else:
        last = QSettings(ORG, APP).value("lastArticle")
        try:
            last_id = int(last) if last is not None else None
        except (TypeError, ValueError):
            last_id = None
        session.open_last_or_sample(last_id)
    return window
