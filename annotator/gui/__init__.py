"""The Qt GUI. It reaches the core only through `Session`."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence


def create_window(db_path: str | Path | None = None, paths: Sequence[str | Path] = (),
                  load_model: bool = True, create: bool = True):
    """Build the main window (a QApplication must exist) without entering the
    event loop. With no paths it opens the last article, or the sample.

    `create`: whether a missing library file is created (the first run, or
    articles to import); the window then says so in its status bar."""
    from PySide6.QtCore import QSettings

    from annotator.core.library import Library
    from annotator.core.settings import Settings
    from annotator.gui.main_window import APP, ORG, MainWindow
    from annotator.gui.session import Session

    library = Library.open(db_path, create=create)
    session = Session(library, Settings.load())
    window = MainWindow(session)
    session.setParent(window)
    if library.created:
        window.statusBar().showMessage(f"Created a new library at {library.path}", 15000)
    if load_model:
        session.load_model()
    if paths:
        session.open_paths(list(paths))
    else:
        last = QSettings(ORG, APP).value("lastArticle")
        try:
            last_id = int(last) if last is not None else None
        except (TypeError, ValueError):
            last_id = None
        if last_id is not None and any(a.id == last_id for a in library.articles()):
            session.open_article(last_id)
        else:
            session.open_sample()
    return window
