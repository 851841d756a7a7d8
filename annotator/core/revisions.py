"""A changed text of an article: store it as a new revision and carry every
claim over (re-anchored exact / fuzzy / orphaned, see anchoring.py)."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Iterable

from annotator.core.anchoring import PositionMapper, anchor
from annotator.core.model import AnchorStatus, DetectedUnit, RevisionResult
from annotator.core.rows import (
    context_of, normalise_claim_text, text_sha256, unit_row, utc_now,
)

if TYPE_CHECKING:
    from annotator.core.library import Library


def add_revision(library: "Library", article_id: int, title: str, text: str,
                 units: Iterable[DetectedUnit], by: str = "") -> RevisionResult:
    """Store a changed text of an article and carry every claim over to it.

    Claims are re-anchored (exact / fuzzy / orphaned, see anchoring.py);
    detected units that do not overlap a carried-over claim are added.
    Both texts stay in `article_revisions`. One transaction.
    """
    # Read and write in one write transaction: a verdict another process commits
    # while we re-anchor is either seen (and carried over) or waits for us.
    with library.transaction() as conn:
        article = library.article(article_id)
        old_text = article.text
        mapper = PositionMapper(old_text, text)
        now = utc_now()
        counts = {status: 0 for status in AnchorStatus}
        claims = library.claims(article_id, include_removed=True, include_all_units=True,
                                with_evidence=False)
        contexts = {row[0]: (row[1], row[2]) for row in library.conn.execute(
            "SELECT id, prefix, suffix FROM claims WHERE article_id = ?", [article_id])}
        with_evidence = set(library._evidence_by_claim(article_id))
        kept: list[tuple[int, int]] = []
        updates = []
        for claim in claims:
            expected = 0 if claim.anchor_status is AnchorStatus.ORPHANED else mapper.map(claim.start)
            found = anchor(claim.text, *contexts.get(claim.id, ("", "")), expected, text)
            keep = (claim.origin == "manual" or claim.reviewed or claim.removed
                    or claim.id in with_evidence)
            updates.append((claim, found, keep))
        new_revision = article.revision + 1
        digest = text_sha256(text)
        numbers = itertools.count(1 + (conn.execute(
            "SELECT COALESCE(MAX(number), 0) FROM claims WHERE article_id = ?",
            [article_id]).fetchone()[0]))
        conn.execute(
            "INSERT INTO article_revisions (article_id, revision, text, sha256, imported_at) "
            "VALUES (?, ?, ?, ?, ?)", [article_id, new_revision, text, digest, now])
        conn.execute("UPDATE articles SET text = ?, sha256 = ?, revision = ?, title = ? "
                     "WHERE id = ?", [text, digest, new_revision, title, article_id])
        for claim, found, keep in updates:
            if not keep:
                # Untouched detector output is replaced by detection on the new text.
                conn.execute("UPDATE claims SET removed = 1, anchor_status = ?, version = version + 1 "
                             "WHERE id = ?",
                             [found.status.value, claim.id])
                continue
            counts[found.status] += 1
            if found.status is AnchorStatus.ORPHANED:
                conn.execute("UPDATE claims SET anchor_status = 'orphaned', start = 0, "
                             '"end" = 0, updated_at = ?, version = version + 1 WHERE id = ?', [now, claim.id])
            else:
                prefix, suffix = context_of(text, found.start, found.end)
                quote = text[found.start:found.end]
                conn.execute(
                    'UPDATE claims SET start = ?, "end" = ?, text = ?, prefix = ?, suffix = ?, '
                    "norm = ?, anchor_status = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                    [found.start, found.end, quote, prefix, suffix,
                     normalise_claim_text(quote), found.status.value, now, claim.id])
                if not claim.removed:
                    kept.append((found.start, found.end))
            if found.status is not AnchorStatus.EXACT or found.start != claim.start:
                library._log(conn, claim.id, "reanchored", claim.verdict.value, claim.note, by,
                             f"revision {new_revision}: {found.status.value} "
                             f"({found.similarity:.2f}); was {claim.text[:200]!r}", now)
        index = SpanIndex(kept)
        fresh = [u for u in units if not index.overlaps(u.start, u.end)]
        library.insert_claim_rows(
            conn, [unit_row(article_id, text, u, now, next(numbers)) for u in fresh])
    return RevisionResult(library.article(article_id), counts[AnchorStatus.EXACT],
                          counts[AnchorStatus.FUZZY], counts[AnchorStatus.ORPHANED], len(fresh))


class SpanIndex:
    """Answers "does [start, end) overlap any of these spans?" in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]):
        from itertools import accumulate

        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]
        self._max_end = list(accumulate((e for _, e in self._spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        from bisect import bisect_left

        index = bisect_left(self._starts, end)  # spans starting before `end`
        return index > 0 and self._max_end[index - 1] > start

