"""Datasette metadata for a library file: titles and column descriptions.

    annotator export --datasette-metadata metadata.json
    datasette library.sqlite --metadata metadata.json

The library's full-text index (claims_fts) is detected by Datasette and
sqlite-utils by itself, so `?_search=` works on the claims table; the
metadata adds what each table and column means, and makes search the default
on the `reviewed_claims` view's underlying table.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from annotator.core.fileio import atomic_write

TABLES: dict[str, dict[str, Any]] = {
    "articles": {
        "description": "Articles imported into the library (one row per article; older texts "
                       "are in article_revisions).",
        "columns": {
            "id": "Library id of the article",
            "title": "Title of the article",
            "source_path": "The file or URL it was imported from",
            "text": "The article text every claim offset refers to",
            "sha256": "SHA-256 of the text",
            "imported_at": "When it was imported (UTC, ISO 8601)",
            "revision": "Revision number (a re-import of a changed text adds one)",
            "url": "Web address of the article, when known",
            "byline": "Author(s) named by the page",
            "published": "Publication date (YYYY-MM-DD), when known",
        },
    },
    "claims": {
        "description": "Check-worthy claims and the checkers' verdicts.",
        "fts_table": "claims_fts",
        "fts_pk": "id",
        "columns": {
            "id": "Library id of the claim (use with `annotator mark`)",
            "article_id": "The article it is in",
            "start": "Start offset in the article text (code points)",
            "end": "End offset (exclusive)",
            "text": "The claim, exactly as in the article",
            "score": "Check-worthiness score, 0 to 1",
            "verdict": "unreviewed, verified, disputed or unsourced",
            "note": "The checker's note",
            "kind": "sentence, headline, dateline or caption",
            "check_worthy": "1 if above the check-worthiness threshold",
            "claim_type": "quantity, prediction, correlation_causation, law_rule, "
                          "personal_experience or other",
            "attribution": "Who makes the claim (JSON: kind, speaker, via)",
            "suggested_verdict": "The detector's suggestion (never applied by itself)",
            "reasons": "Why the claim was flagged (JSON list)",
            "entities": "Named entities in the claim (JSON list)",
            "origin": "detected or manual",
            "removed": "1 if the checker removed the claim",
            "checker": "Who last changed the verdict or note",
            "created_at": "When the claim was stored (UTC)",
            "updated_at": "When the verdict or note last changed (UTC)",
            "prefix": "Text just before the claim (for re-anchoring)",
            "suffix": "Text just after the claim",
            "anchor_status": "exact, fuzzy or orphaned (after a re-import)",
            "norm": "Normalised text, to find the same claim in other articles",
            "claim_reviewed": "Short wording published as ClaimReview claimReviewed "
                              "(empty: the claim itself)",
        },
    },
    "reviewed_claims": {
        "description": "Every reviewed claim with its article, verdict, note and evidence.",
        "columns": {
            "claim_id": "Library id of the claim",
            "article_id": "Library id of the article",
            "article_title": "Title of the article",
            "article_url": "Web address of the article, when known",
            "claim": "The claim as in the article",
            "claim_reviewed": "The short wording published in ClaimReview",
            "verdict": "verified, disputed or unsourced",
            "note": "The checker's note",
            "speaker": "Who makes the claim, when named",
            "evidence_urls": "Evidence links, separated by spaces",
            "checker": "Who last changed the verdict or note",
            "updated_at": "When the verdict or note last changed (UTC)",
        },
    },
    "evidence": {
        "description": "Evidence links added to claims.",
        "columns": {"claim_id": "The claim", "url": "The link", "title": "Its title",
                    "note": "Why it matters", "added_at": "When it was added (UTC)",
                    "removed": "1 if removed"},
    },
    "history": {
        "description": "Append-only log of every change to a claim.",
        "columns": {"claim_id": "The claim", "action": "What changed",
                    "verdict": "Verdict after the change", "note": "Note after the change",
                    "detail": "Details", "at": "When (UTC)", "by": "Who"},
    },
}


def metadata(database: str = "library") -> dict[str, Any]:
    """Datasette metadata for a library opened as `database` (the file's stem)."""
    return {
        "title": "Annotator library",
        "description": "Claims, verdicts and evidence recorded with annotator.",
        "databases": {database: {"tables": TABLES}},
    }


def write_metadata(path: str | os.PathLike, database: str = "library") -> Path:
    path = Path(path)
    with atomic_write(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(metadata(database), ensure_ascii=False, indent=2) + "\n")
    return path
