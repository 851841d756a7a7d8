"""CSV export: one row per claim, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import os

from annotator.core.fileio import atomic_write
from annotator.core.model import Claim, Snapshot

# (column, description) in file order; the README's table is checked against this.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "Library id of the article"),
    ("article_title", "Title of the article"),
    ("article_source", "File the article was imported from"),
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
)
COLUMN_NAMES = tuple(name for name, _ in COLUMNS)

# OWASP "CSV injection": spreadsheets run cells that begin with these as formulas.
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


# A cell that already starts with a quote gets one more, so reading back is exact.
_QUOTED_FIRST = frozenset(_FORMULA_TRIGGERS + ("'",))


def neutralise(value: object) -> str:
    """Return the cell as text, prefixed with a quote if a spreadsheet would run it."""
    text = "" if value is None else value if type(value) is str else str(value)
    return "'" + text if text[:1] in _QUOTED_FIRST else text


def unneutralise(text: str) -> str:
    """Undo `neutralise` for a cell read back from our own CSV."""
    if text.startswith("'") and text[1:].startswith(_FORMULA_TRIGGERS + ("'",)):
        return text[1:]
    return text


def _cells(claim: Claim, article) -> list[object]:
    """One row, in COLUMNS order; text cells neutralised, numbers left as numbers."""
    n = neutralise
    attribution = claim.attribution
    return [
        article.id, n(article.title), n(article.source_path or ""), claim.id, claim.start,
        claim.end, n(claim.text), claim.verdict.value, n(claim.note), f"{claim.score:.3f}",
        claim.kind.value, n(claim.claim_type), attribution.kind.value, n(attribution.speaker or ""),
        n(attribution.via or ""), claim.suggested_verdict or "", n(" | ".join(claim.reasons)),
        n(" ".join(e.url for e in claim.evidence)), claim.origin, claim.anchor_status.value,
        n(claim.checker), claim.created_at, claim.updated_at,
    ]


# Cells that may hold free text (and so a carriage return); the others are ours.
_FREE_TEXT = (1, 2, 6, 8, 11, 13, 14, 16, 17, 20)
_FREE_TEXT_JOIN = "".join


def render_csv(snapshot: Snapshot, excel: bool = False) -> str:
    """Render every non-removed claim of the snapshot as CSV text.

    `excel=True` uses CRLF line ends (the BOM is added when writing bytes).
    Numeric columns are written as numbers; every text cell is neutralised.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
    # The csv module quotes a field only when it holds a character of the line
    # terminator, and its reader splits rows on a bare "\r" too. So in the LF
    # flavour a row with a "\r" inside a cell is written with a CRLF writer
    # (which quotes it) and its own final CRLF swapped for LF.
    spare = io.StringIO()
    crlf_writer = csv.writer(spare, lineterminator="\r\n")
    articles = {a.id: a for a in snapshot.articles}
    writer.writerow(COLUMN_NAMES)
    for claim in snapshot.claims:
        if claim.removed:
            continue
        cells = _cells(claim, articles[claim.article_id])
        if not excel and "\r" in _FREE_TEXT_JOIN(cells[i] for i in _FREE_TEXT):
            spare.seek(0)
            spare.truncate()
            crlf_writer.writerow(cells)
            out.write(spare.getvalue()[:-2] + "\n")
        else:
            writer.writerow(cells)
    return out.getvalue()


def write_csv(snapshot: Snapshot, path: str | os.PathLike, excel: bool = False) -> int:
    """Write the CSV atomically; return the number of claim rows."""
    text = render_csv(snapshot, excel=excel)
    with atomic_write(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
        fh.write(text)
    return sum(1 for c in snapshot.claims if not c.removed)


def read_csv(path: str | os.PathLike) -> list[dict[str, str]]:
    """Read one of our CSV files back (either flavour), undoing neutralisation."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [{k: unneutralise(v) for k, v in row.items()} for row in csv.DictReader(fh)]


def columns_markdown() -> str:
    """The README's column table, generated from COLUMNS."""
    lines = ["| column | meaning |", "|---|---|"]
    lines += [f"| `{name}` | {desc} |" for name, desc in COLUMNS]
    return "\n".join(lines)


__all__ = ["COLUMNS", "COLUMN_NAMES", "neutralise", "render_csv", "write_csv", "read_csv",
           "columns_markdown"]
