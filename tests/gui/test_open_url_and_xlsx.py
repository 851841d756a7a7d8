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
