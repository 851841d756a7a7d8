"""CSV export: one row per claim, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import os
from typing import IO

from annotator.core.fileio import atomic_write
from annotator.core.model import Claim, Snapshot

# (column, description) in file order; the README's table is checked against this.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "Library id of the article"),
    ("article_title", "Title of the article"),
    ("article_source", "Web address of the article, else the name of the file it came from"),
    ("claim_id", "Library id of the claim (use with `annotator mark`)"),
    ("start", "Start offset in the article text (Python code points)"),
    ("end", "End offset (exclusive)"),
    ("claim_text", "The claim, exactly as in the article"),
    ("verdict", "unreviewed, verified, disputed or unsourced"),
    ("note", "The checker's note"),
    ("score", "Check-worthiness score, 0 to 1"),
    ("kind", "sentence, headline, dateline or caption"),
    ("claim_type", "quantity, prediction, correlation_causation, law_rule, personal_experience or other"),
    ("attribution_kind", "named, anonymous, hedged or none"),
    ("speaker", "Who makes the claim, when known"),
    ("via", "Outlet the claim was relayed through"),
    ("suggested_verdict", "The detector's suggestion (never applied by itself)"),
    ("reasons", "Why the claim was flagged, separated by ' | '"),
    ("evidence_urls", "Evidence links, separated by spaces"),
    ("origin", "detected or manual"),
    ("anchor_status", "exact, fuzzy or orphaned (after an article was re-imported)"),
    ("checker", "Who last changed the verdict or note"),
    ("created_at", "When the claim was stored (UTC, ISO 8601)"),
    ("updated_at", "When the verdict or note last changed (UTC, ISO 8601)"),
    ("review_state", "The editor's review: approved, returned (sent back), or empty"),
)
COLUMN_NAMES = tuple(name for name, _ in COLUMNS)

# CSV injection (OWASP): a spreadsheet runs a cell as a formula when it begins with one of
# these: = + - @ (and Excel's DDE pipe |), or a tab or carriage return before them.
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "|", "\t", "\r")
# Look-alikes a spreadsheet may read as the same operators: full-width and small forms
# (NFKC folds them: ＝ ﹦ ＋ ﹢ － ﹣ ＠ ﹫ ｜) and the minus signs NFKC keeps.
_EXTRA_TRIGGERS = frozenset("\u2212\u2796\u2795\u02d7")
# Characters a spreadsheet may drop before reading a cell ("Trim spaces", stray BOMs and
# zero-width characters pasted from the web), and quotes a reader may strip: a trigger
# after any run of these is still a trigger.
_INVISIBLE = frozenset("\"'\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064"
                       "\ufeff\u180e\u00ad\u034f\u061c\u115f\u1160\u3164\uffa0")


def _ignorable(ch: str) -> bool:
    import unicodedata

    return (ch.isspace() or ch in _INVISIBLE or not ch.isprintable()
            or unicodedata.category(ch) in ("Cf", "Cc", "Zs", "Zl", "Zp", "Mn", "Me"))


def _is_trigger(ch: str) -> bool:
    import unicodedata

    return (ch in _FORMULA_TRIGGERS or ch in _EXTRA_TRIGGERS
            or unicodedata.normalize("NFKC", ch)[:1] in _FORMULA_TRIGGERS)


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could read the cell as a formula: a formula trigger (or a
    look-alike) first, or after leading whitespace, invisible characters or quotes."""
    for ch in text:
        if _is_trigger(ch):
            return True
        if not _ignorable(ch):
            return False
    return False


def neutralise(value: object) -> str:
    """Return the cell as text, prefixed with a quote if a spreadsheet could run it.

    A cell that already starts with a quote gets one more, so reading back is exact."""
    text = "" if value is None else value if type(value) is str else str(value)
    first = text[:1]
    if first in _SAFE_FIRST:  # most cells: a letter or digit first (or empty)
        return text
    return "'" + text if first == "'" or is_formula_like(text) else text


# An ASCII letter or digit is neither a trigger nor ignorable: such a cell is safe as is.
_SAFE_FIRST = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") | {""}


def unneutralise(text: str) -> str:
    """Undo `neutralise` for a cell read back from our own CSV."""
    if text.startswith("'") and (text[1:2] == "'" or is_formula_like(text[1:])):
        return text[1:]
    return text


def shown_source(article, include_paths: bool = False) -> str:
    """The article's source as an export shows it: its web address when known, else the
    file's name alone; the full local path only when `include_paths`."""
    from pathlib import PurePosixPath, PureWindowsPath

    from annotator.core.export.claimreview import article_url

    url = article_url(article)
    if url:
        return url
    path = article.source_path or ""
    if not path or include_paths:
        return path
    flavour = PureWindowsPath if "\\" in path else PurePosixPath
    return flavour(path).name


def _cells(claim: Claim, head: tuple) -> list[object]:
    """One row, in COLUMNS order; text cells neutralised, numbers left as numbers.
    `head`: the article's three cells (id, neutralised title and source)."""
    n = neutralise
    attribution = claim.attribution
    return [
        *head, claim.id, claim.start,
        claim.end, n(claim.text), claim.verdict.value, n(claim.note), f"{claim.score:.3f}",
        claim.kind.value, n(claim.claim_type), attribution.kind.value, n(attribution.speaker or ""),
        n(attribution.via or ""), claim.suggested_verdict or "", n(" | ".join(claim.reasons)),
        n(" ".join(e.url for e in claim.evidence)), claim.origin, claim.anchor_status.value,
        n(claim.checker), claim.created_at, claim.updated_at, claim.review_state,
    ]


# Cells that may hold free text (and so a carriage return); the others are ours.
_FREE_TEXT = (1, 2, 6, 8, 11, 13, 14, 16, 17, 20)
_FREE_TEXT_JOIN = "".join


def write_rows(snapshot: Snapshot, out: IO[str], excel: bool = False,
               include_paths: bool = False) -> int:
    """Write the header and every non-removed claim of the snapshot to `out`, one row
    at a time (a streamed snapshot's claims come straight from the cursor); return
    the number of claim rows.

    `excel=True` uses CRLF line ends (the BOM is the file encoding's business).
    Numeric columns are written as numbers; every text cell is neutralised.
    """
    writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
    # The csv module quotes a field only when it holds a character of the line
    # terminator, and its reader splits rows on a bare "\r" too. So in the LF
    # flavour a row with a "\r" inside a cell is written with a CRLF writer
    # (which quotes it) and its own final CRLF swapped for LF.
    spare = io.StringIO()
    crlf_writer = csv.writer(spare, lineterminator="\r\n")
    articles = {a.id: a for a in snapshot.articles}
    # The article's three cells repeat on each of its rows: made once per article.
    article_cells: dict[int, tuple] = {}
    writerow = writer.writerow
    writer.writerow(COLUMN_NAMES)
    from annotator.core.export.stream import ClaimCursor

    if isinstance(snapshot.claims, ClaimCursor):  # streamed: cells straight from the rows
        return _write_cursor_rows(snapshot.claims, articles, article_cells, include_paths,
                                  writerow, None if excel else (spare, crlf_writer, out))
    count = 0
    for claim in snapshot.claims:
        if claim.removed:
            continue
        head = article_cells.get(claim.article_id)
        if head is None:
            article = articles[claim.article_id]
            head = article_cells[claim.article_id] = (
                article.id, neutralise(article.title),
                neutralise(shown_source(article, include_paths)))
        cells = _cells(claim, head)
        count += 1
        if not excel and "\r" in _FREE_TEXT_JOIN([cells[i] for i in _FREE_TEXT]):
            _write_lf_row_with_cr(cells, (spare, crlf_writer, out))
        else:
            writerow(cells)
    return count


def _write_lf_row_with_cr(cells: list, lf: tuple) -> None:
    """A row with a carriage return inside a cell, in the LF flavour: written by the
    CRLF writer (which quotes the cell) with its final CRLF swapped for LF."""
    spare, crlf_writer, out = lf
    spare.seek(0)
    spare.truncate()
    crlf_writer.writerow(cells)
    out.write(spare.getvalue()[:-2] + "\n")


# The columns the streamed CSV reads, in this order (standard SQL).
_ROW_COLUMNS = ('id, article_id, start, "end", text, score, verdict, note, kind, claim_type, '
                "attribution, suggested_verdict, reasons, origin, anchor_status, checker, "
                "created_at, updated_at, review_state")


def _write_cursor_rows(cursor, articles, article_cells, include_paths, writerow, lf) -> int:
    """The rows of a streamed snapshot, made from the cursor's tuples without building
    Claim objects: the same cells as `_cells(claim, ...)` (a test compares the files),
    with the JSON columns decoded and neutralised once per distinct value."""
    import json

    from annotator.core.model import Attribution

    names, rows = cursor.rows(_ROW_COLUMNS)
    assert names[:2] == ["id", "article_id"] and len(names) == 19, names
    evidence = cursor.evidence
    n = neutralise
    attributions: dict[str | None, tuple[str, str, str]] = {}
    reasons_cells: dict[str | None, str] = {}
    plain: dict[str | None, str] = {}  # short repeated cells: claim type, checker
    count = 0
    for (claim_id, article_id, start, end, text, score, verdict, note, kind, claim_type,
         attribution, suggested, reasons, origin, anchor, checker, created, updated,
         review_state) in rows:
        head = article_cells.get(article_id)
        if head is None:
            article = articles[article_id]
            head = article_cells[article_id] = (
                article.id, n(article.title), n(shown_source(article, include_paths)))
        who = attributions.get(attribution)
        if who is None:
            a = Attribution.from_dict(json.loads(attribution or "{}"))
            who = attributions[attribution] = (a.kind.value, n(a.speaker or ""), n(a.via or ""))
        why = reasons_cells.get(reasons)
        if why is None:
            why = reasons_cells[reasons] = n(" | ".join(json.loads(reasons or "[]")))
        kind_cell = plain.get(claim_type)
        if kind_cell is None:
            kind_cell = plain[claim_type] = n(claim_type)
        checker_cell = plain.get(checker)
        if checker_cell is None:
            checker_cell = plain[checker] = n(checker)
        links = evidence.get(claim_id)
        cells = [*head, claim_id, start, end, n(text), verdict, n(note), f"{score:.3f}", kind,
                 kind_cell, who[0], who[1], who[2], suggested or "", why,
                 n(" ".join(e.url for e in links)) if links else "", origin,
                 anchor or "exact", checker_cell, created, updated, review_state or ""]
        count += 1
        if lf is not None and "\r" in "".join(
                (head[1], head[2], cells[6], cells[8], kind_cell, who[1], who[2], why,
                 cells[17], checker_cell)):
            _write_lf_row_with_cr(cells, lf)
        else:
            writerow(cells)
    return count


def render_csv(snapshot: Snapshot, excel: bool = False, include_paths: bool = False) -> str:
    """Render every non-removed claim of the snapshot as CSV text (see `write_rows`)."""
    out = io.StringIO()
    write_rows(snapshot, out, excel=excel, include_paths=include_paths)
    return out.getvalue()


def write_csv(snapshot: Snapshot, path: str | os.PathLike, excel: bool = False,
              include_paths: bool = False) -> int:
    """Write the CSV atomically, row by row; return the number of claim rows."""
    with atomic_write(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
        return write_rows(snapshot, fh, excel=excel, include_paths=include_paths)


def read_csv(path: str | os.PathLike) -> list[dict[str, str]]:
    """Read one of our CSV files back (either flavour), undoing neutralisation."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [{k: unneutralise(v) for k, v in row.items()} for row in csv.DictReader(fh)]


def columns_markdown() -> str:
    """The README's column table, generated from COLUMNS."""
    lines = ["| column | meaning |", "|---|---|"]
    lines += [f"| `{name}` | {desc} |" for name, desc in COLUMNS]
    return "\n".join(lines)


__all__ = ["COLUMNS", "COLUMN_NAMES", "neutralise", "render_csv", "write_csv", "write_rows",
           "read_csv",
           "columns_markdown"]
