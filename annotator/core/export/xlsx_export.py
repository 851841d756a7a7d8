"""Excel workbook (.xlsx) export: the CSV's columns as a real spreadsheet.

Every cell is typed (numbers as numbers, timestamps as dates, everything else
as text) and written as a value, never as a formula: openpyxl stores a string
cell as a shared string even when it begins with "=", and this module writes
every text cell with its data type forced to string, so no guard apostrophe is
needed and the text reads exactly as in the library. The header row is bold
and frozen, columns have widths, and an autofilter covers the table.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone

from annotator.core.export.csv_export import COLUMNS, COLUMN_NAMES
from annotator.core.fileio import atomic_write
from annotator.core.model import Claim, Snapshot

_NUMBERS = {"article_id", "claim_id", "start", "end", "score"}
_DATES = {"created_at", "updated_at"}
_WIDTHS = {"article_title": 32, "article_source": 32, "claim_text": 70, "note": 50,
           "reasons": 40, "evidence_urls": 40, "speaker": 20, "via": 18}
_MAX_CELL = 32767  # Excel's limit on the characters of one cell
_ILLEGAL = {c: None for c in range(32) if c not in (9, 10, 13)}  # XML 1.0 forbids these


def _text(value: object) -> str:
    text = "" if value is None else str(value)
    text = text.translate(_ILLEGAL)
    return text if len(text) <= _MAX_CELL else text[:_MAX_CELL - 1] + "\u2026"


def _moment(value: str) -> datetime | str:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return value or ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)  # Excel has no zones
    return moment


def _values(claim: Claim, article, include_paths: bool) -> dict[str, object]:
    a = claim.attribution
    return {
        "article_id": article.id, "article_title": article.title,
        "article_source": _source(article, include_paths), "claim_id": claim.id,
        "start": claim.start, "end": claim.end, "claim_text": claim.text,
        "verdict": claim.verdict.value, "note": claim.note, "score": round(claim.score, 3),
        "kind": claim.kind.value, "claim_type": claim.claim_type,
        "attribution_kind": a.kind.value, "speaker": a.speaker or "", "via": a.via or "",
        "suggested_verdict": claim.suggested_verdict or "", "reasons": " | ".join(claim.reasons),
        "evidence_urls": " ".join(e.url for e in claim.evidence), "origin": claim.origin,
        "anchor_status": claim.anchor_status.value, "checker": claim.checker,
        "created_at": claim.created_at, "updated_at": claim.updated_at,
        "review_state": claim.review_state,
    }


def _source(article, include_paths: bool) -> str:
    from annotator.core.export.csv_export import shown_source

    return shown_source(article, include_paths)


def _claim_sheet_rows(sheet, snapshot: Snapshot, include_paths: bool):
    """The claim rows as write-only cells, one row at a time; yields nothing, counts rows."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Alignment

    articles = {a.id: a for a in snapshot.articles}
    wrap = Alignment(wrap_text=True, vertical="top")
    count = 0
    for claim in snapshot.claims:
        if claim.removed:
            continue
        values = _values(claim, articles[claim.article_id], include_paths)
        row = []
        for name in COLUMN_NAMES:
            value = values[name]
            if name in _NUMBERS:
                cell = WriteOnlyCell(sheet, value)
            elif name in _DATES:
                moment = _moment(str(value))
                if isinstance(moment, datetime):
                    cell = WriteOnlyCell(sheet, moment)
                    cell.number_format = "yyyy-mm-dd hh:mm:ss"
                else:
                    cell = WriteOnlyCell(sheet)
                    cell._value = _text(moment)
                    cell.data_type = TYPE_STRING
            else:
                # Assigned directly, then typed as a string: openpyxl would otherwise turn
                # "=..." into a formula. A string cell is only ever shown, never evaluated.
                cell = WriteOnlyCell(sheet)
                cell._value = _text(value)
                cell.data_type = TYPE_STRING
                if name in ("claim_text", "note"):
                    cell.alignment = wrap
            row.append(cell)
        sheet.append(row)
        count += 1
    return count


def build_workbook(snapshot: Snapshot, include_paths: bool = False):
    """A write-only workbook (rows streamed to a temporary file as they are added) and
    the number of claim rows; save it once (`write_xlsx`)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Claims")
    bold = Font(bold=True)

    def text_cell(ws, text: str, font=None):
        cell = WriteOnlyCell(ws)
        cell._value = text
        cell.data_type = TYPE_STRING
        if font is not None:
            cell.font = font
        return cell

    # Widths and frozen header before the first row (a write-only sheet's rule).
    for col, name in enumerate(COLUMN_NAMES, 1):
        sheet.column_dimensions[get_column_letter(col)].width = _WIDTHS.get(
            name, max(10, len(name) + 2) if name not in _DATES else 20)
    sheet.freeze_panes = "A2"
    sheet.append([text_cell(sheet, name, bold) for name in COLUMN_NAMES])
    count = _claim_sheet_rows(sheet, snapshot, include_paths)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMN_NAMES))}{count + 1}"
    descriptions = workbook.create_sheet("Columns")
    descriptions.column_dimensions["A"].width = 20
    descriptions.column_dimensions["B"].width = 90
    descriptions.freeze_panes = "A2"
    for r, (name, description) in enumerate((("column", "meaning"),) + COLUMNS, 1):
        font = bold if r == 1 else None
        descriptions.append([text_cell(descriptions, name, font),
                             text_cell(descriptions, description, font)])
    return workbook, count


def write_xlsx(snapshot: Snapshot, path: str | os.PathLike, include_paths: bool = False) -> int:
    """Write the workbook atomically; return the number of claim rows. Streamed: the
    rows go to openpyxl's write-only sheet as the snapshot's claims are read."""
    workbook, count = build_workbook(snapshot, include_paths)
    with atomic_write(path, "wb") as fh:
        workbook.save(fh)
    return count


__all__ = ["build_workbook", "write_xlsx"]
