import pytest
from PySide6.QtCore import QSettings

from annotator.gui import create_window


@pytest.fixture(autouse=True)
def clean_qsettings():
    QSettings("annotator", "annotator").clear()
    yield
    QSettings("annotator", "annotator").clear()


def wait_for_article(qtbot, window, timeout=60000):
    # The library pane is listed by its own read, 150 ms after the article shows:
    # a test that then blocks the event loop (a CLI subprocess) must not race it.
    qtbot.waitUntil(lambda: window._article_id is not None and window.claim_model.rowCount() > 0
                    and not window.session.analysing and not window.loading
                    and window.panel.claim is not None
                    and window.article_model.row_of(window._article_id) is not None,
                    timeout=timeout)


@pytest.fixture
def window(qtbot, db_path, sample_path):
    win = create_window(db_path=db_path, paths=[sample_path])
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    wait_for_article(qtbot, win)
    yield win
    win.session.tasks.wait(30000)
