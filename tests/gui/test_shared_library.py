"""A window on a shared library (PostgreSQL): a colleague's edit shows within a second
with their name; a lost connection shows a banner and the window reconnects by itself;
File › Open shared library starts a window on an address, remembered, no password kept."""

from __future__ import annotations

import re
import time

from annotator.core.model import DetectedUnit, UnitKind, Verdict
from annotator.gui import create_window
from tests.gui.conftest import wait_for_article


def _units(text: str) -> list[DetectedUnit]:
    return [DetectedUnit(m.start(), m.end(), m.group(), UnitKind.SENTENCE, 0.9, True)
            for m in re.finditer(r"[A-Z][^.\n]{20,}\.", text)]


def test_a_shared_library_window_is_live_and_survives_a_lost_connection(
        qtbot, pg_server, pg_url, sample_path, sample_text):
    from annotator.core.library import Library

    with Library.open(pg_url) as library:
        library.add_article("Sample", sample_text, _units(sample_text), str(sample_path))
    win = create_window(db_path=pg_url, paths=[sample_path], load_model=False)
    qtbot.addWidget(win)
    win.show()
    wait_for_article(qtbot, win)
    assert win.session.shared and "postgresql://" in win.session.display
    states = []
    win.session.connectionChanged.connect(states.append)

    claim = win.claim_model.claim_at(2)
    row = win.claim_model.row_of(claim.id)
    with Library.open(pg_url) as colleague:
        colleague.set_verdict(claim.id, Verdict.DISPUTED, note="Not in the record", by="Alice")
    done = time.monotonic()
    qtbot.waitUntil(lambda: win.claim_model.claim_at(row).verdict is Verdict.DISPUTED,
                    timeout=1000)
    assert time.monotonic() - done < 1.0
    assert "Alice" in win.statusBar().currentMessage()

    dbname = pg_url.rsplit("/", 1)[1]
    pg_server.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    f"WHERE datname = '{dbname}' AND pid <> pg_backend_pid()")
    qtbot.waitUntil(lambda: any(states) and states[-1] == "", timeout=5000)
    lost = next(s for s in states if s)
    assert "lost connection to the shared library" in lost and "refused" in lost
    assert "Lost connection" in win.connection_banner.text()
    assert win.connection_banner.isHidden()  # back: the banner went away by itself
    # Working again: an edit from this window is saved.
    win.session.set_verdict(win.claim_model.claim_at(row), Verdict.VERIFIED)
    win.session.tasks.wait(10000)
    with Library.open(pg_url) as library:
        assert library.claim(claim.id).verdict is Verdict.VERIFIED
    win.session.tasks.wait(10000)
    win.close()


def test_open_shared_library_starts_a_window_and_remembers_the_address(qtbot, db_path,
                                                                      monkeypatch):
    from PySide6.QtCore import QProcess, QSettings
    from PySide6.QtWidgets import QInputDialog

    from annotator.core.library import Library

    with Library.open(db_path, create=True) as library:
        library.add_article("Short", "A short article. It has two sentences.\n",
                            _units("A short article. It has two sentences.\n"))
    window = create_window(db_path=db_path, load_model=False)
    qtbot.addWidget(window)

    started = []
    monkeypatch.setattr(QProcess, "startDetached",
                        staticmethod(lambda program, args: started.append(args) or True))
    answers = iter([("postgresql://ann:secret@db.example/desk ", True), ("/tmp/x.sqlite", True)])
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(answers)))
    action = window.findChild(type(window.menuBar().actions()[0]), "actionOpenShared")
    action.trigger()
    assert started == [["-m", "annotator", "--db", "postgresql://ann:secret@db.example/desk"]]
    assert "postgresql://ann@db.example/desk" in window.statusBar().currentMessage()
    assert "secret" not in window.statusBar().currentMessage()
    # Remembered without the password typed into it.
    assert QSettings("annotator", "annotator").value("sharedLibrary") == (
        "postgresql://ann@db.example/desk")
    action.trigger()  # not a PostgreSQL address: refused, nothing started
    assert len(started) == 1
    window.session.tasks.wait(10000)
    window.close()
