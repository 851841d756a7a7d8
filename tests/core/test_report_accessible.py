"""The PDF report is tagged (PDF/UA-1), and no export shows a local path unless asked."""

from __future__ import annotations

import re

import pytest

from annotator.core.model import Article, Claim, Snapshot, Verdict

TEXT = "The council said 4,200 homes were built in 2024.\n"


def _snapshot() -> Snapshot:
    article = Article(id=1, title="Homes", text=TEXT, sha256="ab" * 32,
                      source_path="/home/someone/private/homes.txt", byline="Jo Writer",
                      published="2026-11-30")
    claim = Claim(id=1, article_id=1, start=0, end=len(TEXT) - 1, text=TEXT[:-1], score=0.9,
                  verdict=Verdict.DISPUTED, note="Only 1,900.", checker="Ann",
                  updated_at="2026-12-01T10:00:00+00:00")
    return Snapshot((article,), (claim,), "2026-12-02T00:00:00Z", checker="Ann")


def test_pdf_is_tagged():
    pytest.importorskip("weasyprint")
    from annotator.core.export.report import render_report_pdf
    from annotator.selftest import _pdf_objects

    data = render_report_pdf(_snapshot())
    objects = _pdf_objects(data)
    assert b"/StructTreeRoot" in objects
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true", objects)
    assert b"/Lang" in objects
    assert b"/home/someone" not in objects


def test_report_html_shows_the_file_name_not_the_path():
    from annotator.core.export.report import render_report_html

    html = render_report_html(_snapshot())
    assert "homes.txt" in html and "/home/someone" not in html
    assert "Jo Writer" in html
    assert "/home/someone/private/homes.txt" in render_report_html(_snapshot(),
                                                                   include_paths=True)
