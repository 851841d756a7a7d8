"""Spreadsheet exports: the CSV guard never lets a formula through (a Hypothesis property,
and LibreOffice itself with "Trim spaces" and "Evaluate formulas" on), and the .xlsx holds
typed cells, never a formula, as LibreOffice reads it."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.export.csv_export import neutralise, read_csv, unneutralise, write_csv
from annotator.core.export.xlsx_export import write_xlsx
from annotator.core.model import Article, Attribution, AttributionKind, Claim, Snapshot, Verdict

# Cells reported to become live formulas, and their cousins.
NASTY = ["=1+1", " =1+1", "  =1+1", "\u200b=1+1", "\ufeff=1+1", "\n=1+1", "\r\n=1+1",
         "\x0b=1+1", "\x0c=1+1", "\t=1+1", "\r=1+1", '"=1+1', "'=1+1", "|cmd", "=cmd|' /C calc'!A0",
         "\uff1d1+1", "\ufe661+1", "\uff0b1+1", "\uff0d1+1", "\uff20SUM(1)", "+1+1", "-1+1",
         "@SUM(1,1)", "\u00a0=1+1", "\u3000=1+1", "\u2212 1+1", "\u2060=1+1", "\u200e=1+1",
         "=HYPERLINK(\"http://evil.example\",\"x\")"]
FRIENDLY = ["Zoë's café", "Prices rose 12%", "“Quoted” — 4,200 homes", "1,900", "x=1", "a-b"]

_LEADERS = set("\"'") | {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e",
                         "\u200f"}
_OPERATORS = set("=+-@|\t\r") | {"\u2212"}


def _spreadsheet_could_run(cell: str) -> bool:
    """An independent, deliberately paranoid model of what a spreadsheet may evaluate:
    drop every leading whitespace, control, format or quote character, then look at the
    first character and its compatibility form."""
    for ch in cell:
        category = unicodedata.category(ch)
        if ch in _OPERATORS or unicodedata.normalize("NFKC", ch)[:1] in _OPERATORS:
            return True
        if ch.isspace() or ch in _LEADERS or category[0] in "CZ" or category in ("Mn", "Me"):
            continue
        return False
    return False


def _is_guarded(written: str) -> bool:
    return written.startswith("'")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(sorted(_LEADERS | _OPERATORS | {" ", "\n",
                                                                                 "\x0b", "\x0c",
                                                                                 "\uff1d", "\ufe66",
                                                                                 "\uff0b", "\uff0d",
                                                                                 "\uff20", "\u3000",
                                                                                 "\u00a0"})),
                                  st.characters()), max_size=12))
def test_no_cell_a_spreadsheet_could_run_is_written_unguarded(text):
    written = neutralise(text)
    assert not (_spreadsheet_could_run(written) and not _is_guarded(written))
    assert unneutralise(written) == text  # and our own reader gets the text back


@pytest.mark.parametrize("cell", NASTY)
def test_every_reported_cell_is_guarded(cell):
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", FRIENDLY)
def test_ordinary_text_is_left_alone(cell):
    assert neutralise(cell) == cell


def _snapshot() -> Snapshot:
    texts = NASTY + FRIENDLY
    text = "\n".join(f"Claim {i}." for i in range(len(texts))) + "\n"
    article = Article(id=1, title="=Title", text=text, sha256="ab" * 32,
                      source_path="/home/someone/secret/article.txt")
    claims = []
    for i, note in enumerate(texts):
        sentence = f"Claim {i}."
        start = text.index(sentence + "\n")
        claims.append(Claim(id=i + 1, article_id=1, start=start, end=start + len(sentence),
                            text=sentence, score=0.5, verdict=Verdict.DISPUTED, note=note,
                            attribution=Attribution(AttributionKind.NAMED, note or "x"),
                            checker="Zoë", created_at="2026-12-01T10:00:00+00:00",
                            updated_at="2026-12-01T11:30:00+00:00"))
    return Snapshot((article,), tuple(claims), "2026-12-02T00:00:00Z")


def test_csv_round_trip_and_no_local_path(tmp_path):
    for excel in (False, True):
        path = tmp_path / f"claims-{excel}.csv"
        write_csv(_snapshot(), path, excel=excel)
        rows = read_csv(path)
        assert [r["note"] for r in rows] == NASTY + FRIENDLY
        assert "/home/someone" not in path.read_text(encoding="utf-8-sig")


def test_xlsx_cells_are_typed_values(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "claims.xlsx"
    assert write_xlsx(_snapshot(), path) == len(NASTY + FRIENDLY)
    sheet = load_workbook(path)["Claims"]
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    note_col = header.index("note")
    notes = [row[note_col] for row in sheet.iter_rows(min_row=2)]
    assert all(cell.data_type == "s" for cell in notes)  # never "f" (formula)
    illegal = {chr(c) for c in range(32) if c not in (9, 10, 13)}
    assert [c.value or "" for c in notes] == [
        "".join(ch for ch in t if ch not in illegal) for t in NASTY + FRIENDLY]
    claim_ids = [row[header.index("claim_id")].value for row in sheet.iter_rows(min_row=2)]
    assert claim_ids == list(range(1, len(NASTY + FRIENDLY) + 1))
    assert sheet.cell(2, header.index("score") + 1).data_type == "n"
    assert sheet.cell(2, header.index("updated_at") + 1).is_date
    assert sheet.column_dimensions["G"].width >= 40
    assert "/home/someone" not in str([c.value for c in sheet[2]])


# ----------------------------------------------------------------------- LibreOffice
_ODF = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
# CSV import options: comma, double quote, UTF-8 (76), from line 1, default columns,
# English, quoted fields not forced to text, detect numbers, -, -, TRIM SPACES on, -,
# EVALUATE FORMULAS on: the setting under which " =1+1" used to become a live formula.
_CSV_FILTER = "CSV:44,34,76,1,,1033,false,true,false,false,true,-1,true"


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice is not installed (make test installs libreoffice-calc-nogui "
                    "through make system-deps)")
    return found


def _convert(source: Path, out: Path, infilter: str | None = None) -> list[list[tuple]]:
    """LibreOffice (headless) reads `source`; each row as [(value type, formula, text)]."""
    profile = out / "lo-profile"
    args = [_soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
            "--convert-to", "fods", "--outdir", str(out)]
    if infilter:
        args.append(f"--infilter={infilter}")
    proc = subprocess.run(args + [str(source)], capture_output=True, text=True, timeout=240)
    converted = out / (source.stem + ".fods")
    assert converted.exists(), proc.stdout + proc.stderr
    root = ET.parse(converted).getroot()
    sheet = root.find(".//table:table", _ODF)  # the first sheet
    rows = []
    for row in sheet.iter(f"{{{_ODF['table']}}}table-row"):
        cells = []
        for cell in row.findall("table:table-cell", _ODF):
            repeat = int(cell.get(f"{{{_ODF['table']}}}number-columns-repeated", "1"))
            value = (cell.get(f"{{{_ODF['office']}}}value-type"),
                     cell.get(f"{{{_ODF['table']}}}formula"),
                     "\n".join("".join(p.itertext()) for p in cell.findall("text:p", _ODF)))
            cells.extend([value] * min(repeat, 50))
        rows.append(cells)
    return rows


@pytest.mark.slow
def test_libreoffice_evaluates_no_formula_in_our_csv(tmp_path):
    for excel in (False, True):
        path = tmp_path / f"claims{int(excel)}.csv"
        write_csv(_snapshot(), path, excel=excel)
        rows = _convert(path, tmp_path, _CSV_FILTER)
        formulas = [cell for row in rows for cell in row if cell[1]]
        assert formulas == []
        assert len(rows) >= len(NASTY + FRIENDLY) + 1


@pytest.mark.slow
def test_libreoffice_reads_the_xlsx_as_typed_values(tmp_path):
    path = tmp_path / "claims.xlsx"
    write_xlsx(_snapshot(), path)
    rows = _convert(path, tmp_path)
    header = [c[2] for c in rows[0]]
    assert header[:4] == ["article_id", "article_title", "article_source", "claim_id"]
    body = [row for row in rows[1:] if any(c[2] for c in row)]
    assert len(body) == len(NASTY + FRIENDLY)
    for row in body:
        for kind, formula, _text in row[:len(header)]:
            assert formula is None
            assert kind in ("string", "float", "date", None)
    note = header.index("note")
    shown = [row[note][2] for row in body]
    assert shown[0] == "=1+1" and "Zoë's café" in shown  # as written: no guard apostrophe
    assert {row[header.index("claim_id")][0] for row in body} == {"float"}
    assert {row[header.index("updated_at")][0] for row in body} == {"date"}
    assert body[0][header.index("checker")][2] == "Zoë"
