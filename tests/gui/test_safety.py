"""Issue 17 in the GUI: hostile evidence links, read-only libraries, merge conflicts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.core.library import Library
from annotator.core.model import MergeConflict, Verdict


@pytest.fixture
def opened(monkeypatch):
    from PySide6.QtGui import QDesktopServices

    calls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: calls.append(url.toString()))
    return calls


@pytest.mark.parametrize("link", ["file:///etc/passwd", "file://host/share/x.exe",
                                  "javascript:alert(1)", "smb://host/x", "Annual report, p. 4"])
def test_non_web_evidence_is_shown_not_opened(qtbot, sample_library, opened, link):
    from annotator.gui.verdict_panel import VerdictPanel

    library, article = sample_library
    claim = library.claims(article.id)[0]
    library.add_evidence(claim.id, link)
    library.add_evidence(claim.id, "https://example.org/source")
    panel = VerdictPanel()
    qtbot.addWidget(panel)
    panel.set_claim(library.claim(claim.id))
    hostile, web = panel.evidence.item(0), panel.evidence.item(1)
    assert "not a web link" in hostile.toolTip() and not hostile.text().startswith("↗")
    with qtbot.waitSignal(panel.linkRefused) as refused:
        panel._open_evidence(hostile)
    assert "not a web" in refused.args[0]
    panel._open_evidence(web)
    assert opened == ["https://example.org/source"]


def test_read_only_library_opens_with_a_banner(qtbot, tmp_path, sample_text, monkeypatch):
    from annotator.core import storage
    from annotator.gui import create_window

    db = tmp_path / "ro.sqlite"
    with Library.open(db, create=True) as library:
        library.add_article("Sample", sample_text, [])
    monkeypatch.setattr(storage, "_writable", lambda path: False)
    window = create_window(db_path=db, load_model=False, create=False)
    qtbot.addWidget(window)
    assert window.session.read_only
    assert window.read_only_banner.isVisibleTo(window)
    assert "Read-only library" in window.read_only_banner.text()
    qtbot.waitUntil(lambda: window._article_id is not None, timeout=20000)  # reads work
    window.session.tasks.wait(10000)
    window.close()


def test_gui_never_creates_a_mistyped_library(tmp_path):
    from annotator.core.errors import LibraryError
    from annotator.gui import create_window

    with pytest.raises(LibraryError, match="no library at"):
        create_window(db_path=tmp_path / "typo.sqlite", load_model=False, create=False)
    assert not (tmp_path / "typo.sqlite").exists()


def test_merge_conflicts_dialog_lists_both_reviews(qtbot):
    from annotator.gui.dialogs import MergeConflictsDialog

    conflict = MergeConflict(7, 1, "Sample", "The palace said so.", Verdict.VERIFIED, "mine",
                             "B", "2026-03-01T10:05:00+00:00", Verdict.DISPUTED, "theirs", "A",
                             "2026-03-01T10:09:00+00:00", "theirs")
    dialog = MergeConflictsDialog([conflict])
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 1
    assert "verified" in table.item(0, 1).text() and "mine" in table.item(0, 1).text()
    assert "disputed" in table.item(0, 2).text() and "theirs" in table.item(0, 2).text()
    assert table.item(0, 3).text() == "theirs"
    table.setCurrentCell(0, 0)
    assert dialog.selected_claim_id() == 7
    assert table.item(0, 0).data(Qt.UserRole) == 7
