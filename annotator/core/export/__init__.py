"""Exporters: pure functions from a frozen Snapshot to bytes or text.

Renderers never touch the database or Qt; `write_*` helpers write their
output atomically (see annotator.core.fileio.atomic_write). `export_library`
is how the CLI and the GUI export: it opens a *streamed* snapshot (one read
transaction, claims decoded row by row from the cursor, see stream.py) so a
CSV, spreadsheet, ClaimReview or W3C export of a million claims runs in
constant memory.
"""

#: The project's home page: the W3C export's generator and the .deb's metadata name it.
HOMEPAGE = "https://annotator.example.org/"

import os
from typing import Any

#: Every kind `write_export` knows, with the file suffixes it suggests.
EXPORT_KINDS: dict[str, tuple[str, ...]] = {
    "csv": (".csv",), "csv-excel": (".csv",), "xlsx": (".xlsx",),
    "report": (".pdf", ".html", ".htm"), "claimreview": (".json", ".jsonld"),
    "w3c": (".json", ".jsonld"),
}


def write_export(kind: str, snapshot, path: str | os.PathLike, **options: Any) -> str:
    """Write one export of `snapshot` to `path` atomically; return a one-line summary.

    kind: csv, csv-excel, xlsx, report (.html or .pdf), claimreview, w3c.
    options: include_paths (bool: show local file paths, off by default);
    review_url_template (str, ClaimReview `url`, placeholders {claim_id} and {article_id}).
    The CLI and the GUI both call this, so they write the same files.
    """
    from annotator.core.errors import ExportError

    include_paths = bool(options.pop("include_paths", False))
    review_url_template = options.pop("review_url_template", "") or ""
    if options:
        raise TypeError(f"unknown export options: {', '.join(sorted(options))}")

    def plural(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    if kind in ("csv", "csv-excel"):
        from annotator.core.export.csv_export import write_csv

        count = write_csv(snapshot, path, excel=kind == "csv-excel", include_paths=include_paths)
        return plural(count, "claim")
    if kind == "xlsx":
        from annotator.core.export.xlsx_export import write_xlsx

        return plural(write_xlsx(snapshot, path, include_paths=include_paths), "claim")
    if kind == "report":
        from annotator.core.export.report import write_report

        return f"review report ({write_report(snapshot, path, include_paths=include_paths)})"
    if kind == "claimreview":
        from annotator.core.export.claimreview import write_claimreview

        count = write_claimreview(snapshot, path, review_url_template=review_url_template)
        return plural(count, "ClaimReview item")
    if kind == "w3c":
        from annotator.core.export.w3c import write_w3c

        return plural(write_w3c(snapshot, path, include_paths=include_paths), "annotation")
    raise ExportError(f"unknown export {kind!r} (choose one of: {', '.join(EXPORT_KINDS)})")


def export_library(kind: str, library, path: str | os.PathLike, article_id: int | None = None,
                   *, checker: str = "", organisation: str = "", **options: Any) -> str:
    """Export (one article of) `library` to `path` (see `write_export`): streamed from
    one read transaction for every kind but the report, which lays out whole articles
    and is made from `Library.snapshot`. Returns the one-line summary."""
    from annotator.core.export.stream import ARTICLE_ORDER, POSITION_ORDER, open_snapshot

    if kind == "report":
        snapshot = library.snapshot(article_id, checker=checker, organisation=organisation)
        return write_export(kind, snapshot, path, **options)
    if kind not in EXPORT_KINDS:
        return write_export(kind, None, path, **options)  # the one clear error
    order = POSITION_ORDER if kind in ("w3c", "claimreview") else ARTICLE_ORDER
    with open_snapshot(library, article_id, checker=checker, organisation=organisation,
                       order=order) as snapshot:
        return write_export(kind, snapshot, path, **options)
