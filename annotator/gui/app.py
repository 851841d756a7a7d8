"""Starting the GUI: the application object, theme, and the event loop."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.errors import AnnotatorError
from annotator.resources import resource_path


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("annotator")
    app.setOrganizationName("annotator")
    app.setApplicationDisplayName("Annotator")
    app.setDesktopFileName("org.annotator.Annotator")
    icon = resource_path("icons", "annotator.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    app.setStyle("Fusion")
    return app


def apply_theme(app: QApplication, dark: bool) -> None:
    if not dark:
        return
    palette = QPalette()
    for role, colour in ((QPalette.Window, "#202124"), (QPalette.WindowText, "#E8EAED"),
                         (QPalette.Base, "#17181A"), (QPalette.AlternateBase, "#26282B"),
                         (QPalette.Text, "#E8EAED"), (QPalette.Button, "#2A2C2F"),
                         (QPalette.ButtonText, "#E8EAED"), (QPalette.Highlight, "#3D6A99"),
                         (QPalette.HighlightedText, "#FFFFFF"), (QPalette.ToolTipBase, "#2A2C2F"),
                         (QPalette.ToolTipText, "#E8EAED"), (QPalette.PlaceholderText, "#9AA0A6")):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)


def run_gui(paths: Sequence[str] = (), db_path: str | None = None,
            screenshot: str | None = None) -> int:
    from annotator.core.settings import Settings
    from annotator.gui import create_window
    from annotator.gui.main_window import _system_is_dark

    app = make_application()
    apply_theme(app, _system_is_dark(Settings.load().theme))
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        # Say so, but still open the window with whatever else was asked for.
        print(f"annotator: error: {missing[0]}: no such file", file=sys.stderr)
    try:
        # Only the first run (the default library, or any library before the
        # welcome was ever shown) or articles to import create a library; a
        # mistyped --db later on is an error, never a new empty library.
        opened = [p for p in paths if p not in missing]
        first_run = not Settings.load().welcome_shown
        window = create_window(db_path=db_path, paths=opened,
                               create=db_path is None or bool(opened) or first_run)
    except AnnotatorError as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        QMessageBox.critical(None, "Annotator", str(exc))
        return exc.exit_code
    window.show()
    window.activateWindow()  # the keyboard to the window (X without a window manager too)
    settings = window.session.settings
    if not settings.welcome_shown and not screenshot:
        from annotator.gui.dialogs import WelcomeDialog

        welcome = WelcomeDialog(settings, window)

        def done(result: int) -> None:
            import dataclasses

            new = dataclasses.replace(window.session.settings, welcome_shown=True)
            if result:
                new.checker, new.organisation = welcome.identity()
            window.session.save_settings(new)
            window.show_identity()
            window._return_focus()  # the keyboard goes to the claim list

        welcome.finished.connect(done)
        welcome.open()  # window-modal: the window fills in behind it
    if missing:
        QTimer.singleShot(0, lambda: window.show_error(f"{missing[0]}: no such file"))
    if screenshot:
        _screenshot_when_ready(window, screenshot)
    return app.exec()


def _screenshot_when_ready(window, path: str) -> None:
    """Save a PNG once the article is highlighted, then quit (docs and tests)."""
    session = window.session

    def ready() -> bool:
        return (window._article_id is not None and not session.analysing
                and not session.tasks.active and not window.loading)

    def poll() -> None:
        if ready():
            QTimer.singleShot(300, lambda: (window.grab().save(path), QApplication.quit()))
        else:
            QTimer.singleShot(100, poll)

    QTimer.singleShot(100, poll)
