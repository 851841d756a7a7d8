"""Exporters: pure functions from a frozen Snapshot to bytes or text.

Renderers never touch the database or Qt; `write_*` helpers write their
output atomically (see annotator.core.fileio.atomic_write).
"""

from __future__ import annotations

from typing import Any


def write_export(kind: str, snapshot, path: str, **options: Any) -> Any:
    """Write one export of a snapshot: the one dispatcher the CLI and the GUI share."""
    if kind in ("csv", "csv-excel"):
        from annotator.core.export.csv_export import write_csv

        return write_csv(snapshot, path, excel=kind == "csv-excel")
    if kind == "report":
        from annotator.core.export.report import write_report

        return write_report(snapshot, path)
    if kind == "claimreview":
        from annotator.core.export.claimreview import write_claimreview

        return write_claimreview(snapshot, path, **options)
    if kind == "w3c":
        from annotator.core.export.w3c import write_w3c

        return write_w3c(snapshot, path)
    from annotator.core.errors import ExportError

    raise ExportError(f"unknown export {kind!r}")
