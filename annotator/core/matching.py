"""Finding claims: full-text search, and the same claim already reviewed elsewhere."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from annotator.core.model import Claim, Match, SearchResult, Verdict
from annotator.core.rows import normalise_claim_text

if TYPE_CHECKING:
    from annotator.core.library import Library


def search(library: "Library", text: str, limit: int = 200) -> list[SearchResult]:
    """Full-text search over claim texts and notes in every article."""
    words = re.findall(r"\w+", text, re.UNICODE)
    if not words:
        return []
    rows = library.search_rows(words, limit)  # the engine's own full-text index
    return [SearchResult(r["claim_id"], r["article_id"], r["article_title"], r["text"],
                         Verdict(r["verdict"]), r["note"], r["snippet"]) for r in rows]


def matches(library: "Library", claim: Claim, threshold: float = 0.8, limit: int = 5) -> list[Match]:
    """Reviewed claims in *other* articles whose text is the same or nearly so."""
    return matches_for_many(library, [claim], threshold, limit).get(claim.id, [])


def matches_for_many(library: "Library", claims: Sequence[Claim], threshold: float = 0.8,
                     limit: int = 5) -> dict[int, list[Match]]:
    """For each claim, the reviewed claims in other articles that say the same.

    First the exact normalised text, through its index (`claims_norm`): the
    common case of a claim copied between articles costs one index lookup.
    Only when that finds fewer than `limit`, the full-text index of reviewed
    claims only (the engine's `reviewed_candidates`, schema migration 6) picks the candidates that
    share the claim's most distinctive words, so the cost follows what has been
    reviewed, not the size of the library; each is then scored by `similar_texts`.
    """
    # Nothing reviewed yet: nothing to find (article_counts is one row per article; a
    # reviewed claim that is not removed is always a listed one, so counted there).
    if not library.query("SELECT 1 AS found FROM article_counts WHERE reviewed > 0 LIMIT 1"):
        return {}
    from annotator.core.similarity import similar_texts

    exact_sql = """
        SELECT c.id, c.article_id, a.title, c.text, c.verdict, c.note, c.norm
        FROM claims c JOIN articles a ON a.id = c.article_id
        WHERE c.norm = ? AND c.verdict != 'unreviewed' AND c.removed = 0 AND c.article_id != ?
        ORDER BY c.id DESC LIMIT ?
    """
    result: dict[int, list[Match]] = {}
    for claim in claims:
        norm = normalise_claim_text(claim.text)
        found = [(1.0, row) for row in library.query(exact_sql, [norm, claim.article_id, limit])]
        words = set(norm.split())
        picked = _candidate_words(words) if len(found) < limit else []
        if picked:
            seen = {row["id"] for _, row in found}
            for row in library.reviewed_candidates(picked, claim.article_id):
                if row["id"] in seen:
                    continue
                score = similar_texts(norm, words, row["norm"], set(row["norm"].split()))
                if score >= threshold:
                    found.append((score, row))
        found.sort(key=lambda item: -item[0])
        if found:
            result[claim.id] = [
                Match(r["id"], r["article_id"], r["title"], r["text"], Verdict(r["verdict"]),
                      r["note"], s, tuple(library.evidence(r["id"])))
                for s, r in found[:limit]
            ]
    return result


_COMMON_WORDS = frozenset(
    "the a an and or but of to in on at for with by from as is are was were be been has have "
    "had that this it its his her their they he she we i you not no will would said says".split())


def _candidate_words(words: set[str]) -> list[str]:
    """The most distinctive of these words: candidates share at least one."""
    return sorted((w for w in words if w not in _COMMON_WORDS and len(w) > 2),
                  key=lambda w: (-len(w), w))[:8] or sorted(words)[:8]


def fts_query(text: str) -> str:
    """Turn what a user typed into a safe FTS5 query: each word a quoted phrase term.

    Quotes, operators (AND, NEAR, *, :) and brackets in user text are treated as
    plain text, so no input can break the query.
    """
    words = re.findall(r"\w+", text, re.UNICODE)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)

