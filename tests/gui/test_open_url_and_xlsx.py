"""File > Open URL hands the address to the session like a path; Export > Excel writes a
workbook through the shared export dispatcher."""

from __future__ import annotations




def test_open_url_passes_the_address_to_the_session(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    opened = []
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: ("news.example/homes ", True)))
    monkeypatch.setattr(window.session, "open_paths", lambda paths: opened.extend(paths))
    window.findChild(type(window.menuBar().actions()[0]), "actionOpenUrl").trigger()
    assert opened == ["https://news.example/homes"]


def test_export_xlsx_from_the_menu(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "claims.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "Excel workbook (*.xlsx)")))
    window.findChild(type(window.menuBar().actions()[0]), "actionExportXlsx").trigger()
    qtbot.waitUntil(lambda: target.exists(), timeout=30000)
    window.session.tasks.wait(30000)
    from openpyxl import load_workbook

    sheet = load_workbook(target)["Claims"]
    assert sheet["A1"].value == "article_id" and sheet.max_row > 1


def test_the_short_claim_for_claimreview_is_edited_in_the_panel(window, qtbot, db_path, tmp_path):
    """Typed into the panel, saved on Enter, in the ClaimReview export, undone by Ctrl+Z."""
    import json

    from PySide6.QtCore import QPoint, Qt

    from annotator.core.export.claimreview import write_claimreview
    from annotator.core.library import Library
    from tests.gui.helpers import db_row, press, settle

    claim = window.panel.claim
    field = window.panel.claim_reviewed
    qtbot.mouseClick(field, Qt.LeftButton, pos=QPoint(10, field.height() // 2))
    qtbot.keyClicks(field, "Harry to meet the King")
    assert window.panel.claim_reviewed_count.text() == "22/75"
    qtbot.keyClick(field, Qt.Key_Return)
    settle(qtbot, window)
    assert db_row(db_path, claim.id, "claim_reviewed") == "Harry to meet the King"
    assert window.claim_list.hasFocus()
    press(qtbot, window, "2")  # only reviewed claims are published
    out = tmp_path / "cr.json"
    with Library.open(db_path, backup=False) as library:
        write_claimreview(library.snapshot(claim.article_id), out)
    published = [r.get("claimReviewed") for r in _reviews(json.loads(out.read_text()))]
    assert "Harry to meet the King" in published
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)  # the verdict
    press(qtbot, window, Qt.Key_Z, Qt.ControlModifier)  # the wording
    assert db_row(db_path, claim.id, "claim_reviewed") == ""


def _reviews(data):
    """Every ClaimReview object in a JSON-LD document, however it is nested."""
    if isinstance(data, dict):
        if data.get("@type") == "ClaimReview":
            yield data
        for value in data.values():
            yield from _reviews(value)
    elif isinstance(data, list):
        for value in data:
            yield from _reviews(value)
