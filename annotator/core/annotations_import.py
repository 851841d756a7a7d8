"""Importing W3C Web Annotations (ours, or another checker's) into a library.

Each annotation is matched to an article already in the library (by the
text's sha256, else by source path or title) and anchored in its text with
the position and quote selectors, so edits made since still land right.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Sequence

from annotator.core.anchoring import anchor
from annotator.core.errors import InputError
from annotator.core.export.w3c import ImportedAnnotation, read_w3c
from annotator.core.library import Library
from annotator.core.model import AnchorStatus, Article, ReviewToMerge
from annotator.core.rows import INSERT_CLAIM, row_values, utc_now


def _find_article(library: Library, item: ImportedAnnotation) -> Article | None:
    if item.article_sha256:
        rows = library.query("SELECT id FROM articles WHERE sha256 = ? LIMIT 1",
                                [item.article_sha256])
        for row in rows:
            return library.article(row["id"])
        rows = library.query("SELECT article_id FROM article_revisions WHERE sha256 = ? "
                                "ORDER BY id DESC LIMIT 1", [item.article_sha256])
        for row in rows:
            return library.article(row["article_id"])
    if item.article_source and item.article_source.lower().startswith(("http://", "https://")):
        # An annotation made on the live page (Hypothesis and the like): the page's text is
        # in the library if it was fetched from that URL, or saved with it as canonical URL.
        wanted = _url_key(item.article_source)
        for row in library.db.query("SELECT id, url, source_path FROM articles "
                                    "WHERE url IS NOT NULL OR source_path LIKE 'http%' "
                                    "ORDER BY id DESC"):
            if wanted in (_url_key(row["url"]), _url_key(row["source_path"])):
                return library.article(row["id"])
    if item.article_source:
        source = item.article_source
        if source.startswith("file://"):
            source = source[len("file://"):]
        found = library.find_article_by_source(source)
        if found is not None:
            return found
    if item.article_title:
        for summary in library.articles():
            if summary.title == item.article_title:
                return library.article(summary.id)
    return None


def _url_key(url: str | None) -> str | None:
    """A URL without fragment, default port or trailing slash, scheme and host lower-cased."""
    from urllib.parse import urlsplit, urlunsplit

    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    return urlunsplit(("https", host, parts.path.rstrip("/") or "/", parts.query, ""))


def _add_embedded_articles(library: Library, path: Path,
                           annotations: list[ImportedAnnotation]) -> int:
    """Add the annotated articles the file carries and the library lacks."""
    import json

    from annotator.core.export.w3c import embedded_articles
    from annotator.core.library import text_sha256

    wanted = {a.article_sha256 for a in annotations if a.article_sha256}
    if not wanted:
        return 0
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return 0  # read_w3c already accepted the file; nothing embedded to use
    added = 0
    for article in embedded_articles(data):
        sha = article["sha256"]
        if sha not in wanted or text_sha256(article["text"]) != sha:
            continue  # not annotated here, or the text does not match its checksum
        if library.find_article_by_text(article["text"]) is not None:
            continue
        source = article["via"]
        if source and source.startswith("file://"):
            source = source[len("file://"):]
        library.add_article(article["title"] or "Imported article", article["text"], [],
                            article.get("url") or source, url=article.get("url"))
        added += 1
    return added


def import_w3c_file(library: Library, path: Path, by: str = "") -> str:
    """Import a W3C annotation file; return a one-line summary. All or nothing."""
    annotations = read_w3c(path)
    if not annotations:
        raise InputError(f"{path}: holds no annotations")
    added_articles = _add_embedded_articles(library, path, annotations)
    by_article: dict[int, list[ReviewToMerge]] = defaultdict(list)
    missing: set[str] = set()
    lost = 0
    articles: dict[int, Article] = {}
    for item in annotations:
        article = _find_article(library, item)
        if article is None:
            missing.add(item.article_title or item.article_source or item.article_sha256 or "?")
            continue
        articles[article.id] = article
        text = article.text
        if item.start is not None and item.end is not None and (
                not item.exact or text[item.start:item.end] == item.exact) and item.end <= len(text):
            start, end = item.start, item.end
        else:
            found = anchor(item.exact, item.prefix, item.suffix, item.start or 0, text)
            if found.status is AnchorStatus.ORPHANED:
                lost += 1
                continue
            start, end = found.start, found.end
        if end <= start:
            lost += 1
            continue
        by_article[article.id].append(ReviewToMerge(start, end, item.verdict, item.note,
                                                    item.evidence, item.checker))
    if missing and not by_article:
        names = "; ".join(sorted(missing))[:200]
        raise InputError(f"{path}: the annotated articles are not in this library ({names}); "
                         "import the articles first")
    updated = added = 0
    for article_id, reviews in by_article.items():
        u, a = library.merge_reviews(article_id, reviews, by=by)
        updated, added = updated + u, added + a
    summary = (f"imported {updated + added} annotations into {len(by_article)} article(s): "
               f"{updated} claims updated, {added} added")
    if added_articles:
        summary += f"; {added_articles} article(s) added from the file"
    if lost:
        summary += f", {lost} could not be placed in the current text"
    if missing:
        summary += f", {len(missing)} article(s) not in the library"
    return summary


def merge_reviews(library: "Library", article_id: int, reviews: Sequence[ReviewToMerge],
                  by: str = "") -> tuple[int, int]:
    """Apply reviews from elsewhere (a W3C file) in one transaction.

    A review lands on the claim with exactly its span, or becomes a new
    claim there. Returns (claims updated, claims added).
    """
    article = library.article(article_id)
    now = utc_now()
    updated = added = 0
    with library.transaction() as conn:
        for review in reviews:
            row = conn.execute(
                'SELECT id, verdict, note FROM claims WHERE article_id = ? AND start = ? '
                'AND "end" = ? ORDER BY removed, id LIMIT 1',
                [article_id, review.start, review.end]).fetchone()
            if row is None:
                cursor = conn.execute(INSERT_CLAIM, row_values(
                    article_id, article.text, review.start, review.end, now, score=1.0,
                    kind="sentence", check_worthy=1, claim_type="other", attribution="{}",
                    suggested=None, reasons=json.dumps(["imported from annotations"]),
                    entities="[]", origin="manual",
                    number=library.next_number(conn, article_id)))
                claim_id = cursor.lastrowid
                library._log(conn, claim_id, "created", "unreviewed", "", by, "imported", now)
                added += 1
                old_verdict, old_note = "unreviewed", ""
            else:
                claim_id, old_verdict, old_note = row
                updated += 1
            checker = review.checker or by
            conn.execute("UPDATE claims SET verdict = ?, note = ?, checker = ?, removed = 0, "
                         "updated_at = ?, version = version + 1 WHERE id = ?",
                         [review.verdict.value, review.note, checker, now, claim_id])
            library._log(conn, claim_id, "imported", review.verdict.value, review.note, checker,
                         f"{old_verdict} -> {review.verdict.value}", now)
            known = {r[0] for r in conn.execute(
                "SELECT url FROM evidence WHERE claim_id = ? AND removed = 0", [claim_id])}
            for url in review.evidence:
                if url not in known:
                    conn.execute("INSERT INTO evidence (claim_id, url, added_at) VALUES (?, ?, ?)",
                                 [claim_id, url, now])
    return updated, added
