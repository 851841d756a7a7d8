"""Importing W3C Web Annotations (ours, or another checker's) into a library.

Each annotation is matched to an article already in the library (by the
text's sha256, else by source path or title) and anchored in its text with
the position and quote selectors, so edits made since still land right.

Merging is a three-way decision per claim and field, never an overwrite:

* an unreviewed annotation or an empty note never replaces a review;
* a field only one side has filled in takes that side's value;
* a review this library has already seen (the same verdict, note and time in
  the claim's history: re-importing a file) changes nothing;
* when both sides reviewed the claim differently it is a conflict: both
  reviews are kept in the claim's history, the newer one (by the annotation's
  `modified` time and the claim's last review) is current unless the caller
  prefers "mine" or "theirs", and the conflict is listed in the result.

The whole import (articles the file carries, every review) is one
transaction: all or nothing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Sequence

from annotator.core.anchoring import anchor
from annotator.core.errors import InputError
from annotator.core.export.w3c import ImportedAnnotation, embedded_articles, parse_w3c
from annotator.core.library import Library
from annotator.core.model import (
    AnchorStatus,
    Article,
    MergeConflict,
    MergeResult,
    ReviewToMerge,
    Verdict,
)
from annotator.core.rows import INSERT_CLAIM, row_values, text_sha256, utc_now

# Bounded work on any file: a W3C export of a whole newsroom library is a few MB.
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_CONTAINERS = 2_000_000  # JSON objects and arrays: what decoding costs in memory
MAX_NUMBER_CHARS = 15  # digits of an offset; 10^15 characters is no article
MAX_ANNOTATIONS = 200_000
# Placing an annotation whose offsets do not fit searches the whole text for its
# quote; these bound that work per file (the rest is reported as not placed).
MAX_FUZZY_QUOTE = 500  # longer quotes are placed only where they occur exactly
MAX_FUZZY_SEARCHES = 300
MAX_QUOTE_HITS = 1_000  # a quote found more often than this is ambiguous
SEARCH_BUDGET_CHARS = 400_000_000
PREFERENCES = ("newer", "mine", "theirs")

# History actions that set a claim's review (verdict or note).
_REVIEW_ACTIONS = ("verdict", "verdict+note", "note", "imported", "created")


@dataclass(frozen=True)
class AnnotationFile:
    """A W3C file read and checked, not yet applied to any library."""

    path: Path
    annotations: tuple[ImportedAnnotation, ...]
    embedded: tuple[dict[str, str], ...] = ()


class ImportResult(str):
    """What an import did: the one-line summary (the string itself, so code that
    shows a status line keeps working) and the conflicts to show the checker."""

    updated: int
    added: int
    unchanged: int
    conflicts: tuple[MergeConflict, ...]
    articles_added: int
    lost: int
    missing: int

    def __new__(cls, summary: str, updated: int = 0, added: int = 0, unchanged: int = 0,
                conflicts: Sequence[MergeConflict] = (), articles_added: int = 0,
                lost: int = 0, missing: int = 0) -> "ImportResult":
        self = super().__new__(cls, summary)
        self.updated, self.added, self.unchanged = updated, added, unchanged
        self.conflicts = tuple(conflicts)
        self.articles_added, self.lost, self.missing = articles_added, lost, missing
        return self

    @property
    def summary(self) -> str:
        return str.__str__(self)

    def to_dict(self) -> dict[str, Any]:
        return {"summary": self.summary, "updated": self.updated, "added": self.added,
                "unchanged": self.unchanged, "articles_added": self.articles_added,
                "lost": self.lost, "missing": self.missing,
                "conflicts": [c.to_dict() for c in self.conflicts]}


# ------------------------------------------------------------------ reading
def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_CHARS:
        raise InputError(f"not a valid Web Annotation file: a number has {len(text)} digits "
                         f"(offsets have at most {MAX_NUMBER_CHARS})")
    return int(text)


def _bounded_float(text: str) -> float:
    if len(text) > 40:
        raise InputError(f"not a valid Web Annotation file: a number is {len(text)} characters "
                         "long")
    return float(text)


def _no_constant(name: str) -> float:
    raise InputError(f"not a valid Web Annotation file: {name} is not a JSON number")


def load_json_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> Any:
    """Read a JSON file with bounded size and numbers; one clear InputError otherwise."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"{path}: the file is too large ({size / 1e6:.0f} MB; the limit for "
                             f"annotation files is {limit // (1024 * 1024)} MB); export fewer "
                             "articles per file")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(raw) > limit:  # grew while we looked
        raise InputError(f"{path}: the file is too large (the limit is "
                         f"{limit // (1024 * 1024)} MB)")
    containers = raw.count(b"[") + raw.count(b"{")  # an upper bound (brackets in text count)
    if containers > MAX_CONTAINERS:
        raise InputError(f"not a valid Web Annotation file: {containers:,} JSON objects and "
                         f"lists (the limit is {MAX_CONTAINERS:,})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not a valid Web Annotation file: not UTF-8 text "
                         f"(byte {exc.start})") from None
    del raw
    try:
        return json.loads(text, parse_int=_bounded_int, parse_float=_bounded_float,
                          parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"not a valid Web Annotation file: not JSON "
                         f"({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise InputError("not a valid Web Annotation file: JSON nested too deeply") from None
    except ValueError as exc:  # e.g. a number too long to convert
        raise InputError(f"not a valid Web Annotation file: {exc}") from None


def load_annotation_file(path: str | Path) -> AnnotationFile:
    """Read and check a W3C annotation file (does not touch any library)."""
    path = Path(path)
    data = load_json_bounded(path)
    try:
        annotations = parse_w3c(data)
    except (ValueError, TypeError, RecursionError) as exc:
        raise InputError(f"not a valid Web Annotation file: {exc}") from None
    if len(annotations) > MAX_ANNOTATIONS:
        raise InputError(f"{path}: {len(annotations)} annotations in one file (the limit is "
                         f"{MAX_ANNOTATIONS}); export fewer articles per file")
    return AnnotationFile(path, tuple(annotations), tuple(embedded_articles(data)))


# ------------------------------------------------------------------ placing
def _find_article(library: Library, item: ImportedAnnotation) -> tuple[Article | None, str]:
    """The library article an annotation is about, and how it was found:
    "sha" (the very text), "revision" (an earlier text of it), "source", "title"."""
    if item.article_sha256:
        rows = library.query("SELECT id FROM articles WHERE sha256 = ? LIMIT 1",
                             [item.article_sha256])
        for row in rows:
            return library.article(row["id"]), "sha"
        rows = library.query("SELECT article_id FROM article_revisions WHERE sha256 = ? "
                             "ORDER BY id DESC LIMIT 1", [item.article_sha256])
        for row in rows:
            return library.article(row["article_id"]), "revision"
    if item.article_source and item.article_source.lower().startswith(("http://", "https://")):
        # An annotation made on the live page (Hypothesis and the like): the page's text is
        # in the library if it was fetched from that URL, or saved with it as canonical URL.
        wanted = _url_key(item.article_source)
        for row in library.query("SELECT id, url, source_path FROM articles "
                                 "WHERE url IS NOT NULL OR source_path LIKE 'http%' "
                                 "ORDER BY id DESC"):
            if wanted in (_url_key(row["url"]), _url_key(row["source_path"])):
                return library.article(row["id"]), "url"
    if item.article_source:
        source = item.article_source
        if source.startswith("file://"):
            source = source[len("file://"):]
        found = library.find_article_by_source(source)
        if found is not None:
            return found, "source"
    if item.article_title:
        rows = library.query("SELECT id FROM articles WHERE title = ? ORDER BY id LIMIT 1",
                             [item.article_title])
        for row in rows:
            return library.article(row["id"]), "title"
    return None, ""


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


class _Placer:
    """Places annotations in article texts with bounded work per file.

    Offsets that fit the quote cost nothing; searching a text for a quote
    costs its length, fuzzy matching more: past the budgets an annotation is
    reported as not placed rather than keeping the checker waiting.
    """

    def __init__(self) -> None:
        self.budget = SEARCH_BUDGET_CHARS
        self.fuzzy_left = MAX_FUZZY_SEARCHES
        self.over_budget = 0

    def place(self, item: ImportedAnnotation, text: str, how: str) -> tuple[int, int] | None:
        """Where the annotation goes in `text`, or None when it cannot be placed.

        Offsets alone are trusted only in the very text they were made on; in
        any other text (an earlier revision, an article that only shares a
        title or a source) the quote must be found there.
        """
        start, end = item.start, item.end
        if start is not None and end is not None and start < end <= len(text):
            if item.exact and text[start:end] == item.exact:
                return start, end
            if not item.exact and how == "sha":
                return start, end
        if not item.exact:
            return None
        if self.budget < len(text):
            self.over_budget += 1
            return None
        self.budget -= len(text)
        hits = text.count(item.exact)
        if hits > MAX_QUOTE_HITS:
            return None  # ambiguous: placing it anywhere would be a guess
        if not hits:
            if len(item.exact) > MAX_FUZZY_QUOTE:
                return None
            if self.fuzzy_left <= 0:
                self.over_budget += 1
                return None
            self.fuzzy_left -= 1
        self.budget -= len(text)  # anchor() searches again
        found = anchor(item.exact, item.prefix, item.suffix, min(start or 0, len(text)), text)
        if found.status is AnchorStatus.ORPHANED or found.end <= found.start:
            return None
        return found.start, found.end


def _check_embedded(loaded: AnnotationFile) -> None:
    """Refuse a file whose copy of an annotated article fails its checksum."""
    wanted = {a.article_sha256 for a in loaded.annotations if a.article_sha256}
    for article in loaded.embedded:
        if article["sha256"] in wanted and text_sha256(article["text"]) != article["sha256"]:
            title = article["title"] or article["sha256"][:12]
            raise InputError(f"{loaded.path}: the copy of article “{title[:80]}” in this file "
                             "does not match its checksum (the file was edited or damaged); "
                             "nothing was imported")


def _add_embedded_articles(library: Library, loaded: AnnotationFile) -> set[int]:
    """Add the annotated articles the file carries and the library lacks (ids added)."""
    wanted = {a.article_sha256 for a in loaded.annotations if a.article_sha256}
    added: set[int] = set()
    for article in loaded.embedded:
        sha = article["sha256"]
        if sha not in wanted or text_sha256(article["text"]) != sha:
            continue
        if library.find_article_by_text(article["text"]) is not None:
            continue
        source = article["via"]
        if source and source.startswith("file://"):
            source = source[len("file://"):]
        stored, created = library.add_article(article["title"] or "Imported article",
                                              article["text"], [], article.get("url") or source,
                                              url=article.get("url"))
        if created:
            added.add(stored.id)
    return added


def import_w3c_file(library: Library, source: str | Path | AnnotationFile, by: str = "",
                    prefer: str = "newer") -> ImportResult:
    """Import a W3C annotation file in one transaction; return what it did.

    `prefer` decides conflicts: "newer" (default), "mine" or "theirs".
    """
    if prefer not in PREFERENCES:
        raise ValueError(f"prefer must be one of {PREFERENCES}")
    loaded = source if isinstance(source, AnnotationFile) else load_annotation_file(source)
    path = loaded.path
    if not loaded.annotations:
        raise InputError(f"{path}: holds no annotations")
    _check_embedded(loaded)
    with library.transaction():
        new_articles = _add_embedded_articles(library, loaded)
        by_article: dict[int, list[ReviewToMerge]] = defaultdict(list)
        missing: set[str] = set()
        lost = 0
        found: dict[tuple, tuple[Article | None, str]] = {}
        placer = _Placer()
        for item in loaded.annotations:
            key = (item.article_sha256, item.article_source, item.article_title)
            if key not in found:
                found[key] = _find_article(library, item)
            article, how = found[key]
            if article is None:
                missing.add(item.article_title or item.article_source or item.article_sha256
                            or "?")
                continue
            placed = placer.place(item, article.text, how)
            if placed is None:
                lost += 1
                continue
            by_article[article.id].append(ReviewToMerge(
                placed[0], placed[1], item.verdict, item.note, item.evidence, item.checker,
                item.modified))
        if missing and not by_article:
            names = "; ".join(sorted(missing))[:200]
            raise InputError(f"{path}: the annotated articles are not in this library ({names}); "
                             "import the articles first")
        totals = MergeResult()
        conflicts: list[MergeConflict] = []
        for article_id, reviews in by_article.items():
            result = merge_reviews(library, article_id, reviews, by=by, prefer=prefer,
                                   create_unreviewed=article_id in new_articles)
            totals = MergeResult(totals.updated + result.updated, totals.added + result.added,
                                 totals.unchanged + result.unchanged)
            conflicts.extend(result.conflicts)
    summary = (f"imported {len(loaded.annotations)} annotations into {len(by_article)} "
               f"article(s): {totals.updated} claims updated, {totals.added} added, "
               f"{totals.unchanged} unchanged")
    if conflicts:
        summary += (f", {len(conflicts)} reviewed differently on both sides (the newer review "
                    "kept, both in the history)" if prefer == "newer" else
                    f", {len(conflicts)} reviewed differently on both sides ({prefer} kept, "
                    "both in the history)")
    if new_articles:
        summary += f"; {len(new_articles)} article(s) added from the file"
    if lost:
        summary += f"; {lost} could not be placed in the current text"
        if placer.over_budget:
            summary += (f" ({placer.over_budget} because the file has too many annotations "
                        "to search for in one import; import it in parts)")
    if missing:
        summary += f"; {len(missing)} article(s) not in the library"
    return ImportResult(summary, totals.updated, totals.added, totals.unchanged,
                        tuple(conflicts), len(new_articles), lost, len(missing))


# ------------------------------------------------------------------ merging
def _parse_time(value: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed


def _blank(note: str | None) -> bool:
    return not (note or "").strip()


def merge_reviews(library: "Library", article_id: int, reviews: Sequence[ReviewToMerge],
                  by: str = "", prefer: str = "newer",
                  create_unreviewed: bool = True) -> MergeResult:
    """Merge reviews from elsewhere (a W3C file) into one article, in one transaction.

    A review lands on the claim with exactly its span, or becomes a new claim
    there (an unreviewed one only when `create_unreviewed`). See the module
    docstring for the three-way rules.
    """
    article = library.article(article_id)
    now = utc_now()
    updated = added = unchanged = 0
    conflicts: list[MergeConflict] = []
    with library.transaction() as conn:
        for review in reviews:
            theirs_by = review.checker or by
            has_content = (review.verdict is not Verdict.UNREVIEWED or not _blank(review.note)
                           or bool(review.evidence))
            row = conn.execute(
                'SELECT id, verdict, note, checker, updated_at, removed, text FROM claims '
                'WHERE article_id = ? AND start = ? AND "end" = ? ORDER BY removed, id LIMIT 1',
                [article_id, review.start, review.end]).fetchone()
            if row is None:
                if not has_content and not create_unreviewed:
                    unchanged += 1
                    continue
                claim_id = conn.execute(INSERT_CLAIM + " RETURNING id", row_values(
                    article_id, article.text, review.start, review.end, now, score=1.0,
                    kind="sentence", check_worthy=1, claim_type="other", attribution="{}",
                    suggested=None, reasons=json.dumps(["imported from annotations"]),
                    entities="[]", origin="manual",
                    number=library.next_number(conn, article_id))).fetchone()[0]
                library._log(conn, claim_id, "created", "unreviewed", "", by, "imported", now)
                note = "" if _blank(review.note) else review.note
                if review.verdict is not Verdict.UNREVIEWED or note:
                    at = review.modified if _parse_time(review.modified) else now
                    conn.execute("UPDATE claims SET verdict = ?, note = ?, checker = ?, "
                                 "updated_at = ?, version = version + 1 WHERE id = ?",
                                 [review.verdict.value, note, theirs_by, at, claim_id])
                    library._log(conn, claim_id, "imported", review.verdict.value, note,
                                 theirs_by, f"unreviewed -> {review.verdict.value}", at)
                _add_links(library, conn, claim_id, review, theirs_by, now)
                added += 1
                continue
            claim_id, old_verdict, old_note, old_checker, old_updated, removed, quote = row
            outcome = _merge_one(library, conn, claim_id, Verdict.parse(old_verdict), old_note,
                                 old_checker, old_updated, bool(removed), review, theirs_by,
                                 prefer, now)
            links = _add_links(library, conn, claim_id, review, theirs_by, now)
            if isinstance(outcome, MergeConflict):
                conflicts.append(_with_claim(outcome, article_id, article.title, quote))
                if outcome.kept == "theirs" or links:
                    updated += 1
                else:
                    unchanged += 1  # their review went into the history only
            elif outcome or links:
                updated += 1
            else:
                unchanged += 1
    return MergeResult(updated, added, unchanged, tuple(conflicts))


def _with_claim(conflict: MergeConflict, article_id: int, title: str, quote: str
                ) -> MergeConflict:
    from dataclasses import replace

    return replace(conflict, article_id=article_id, article_title=title, quote=quote)


def _add_links(library: Library, conn, claim_id: int, review: ReviewToMerge, who: str,
               now: str) -> int:
    """Evidence links are merged by union; a link this library removed stays removed."""
    known = {r[0] for r in conn.execute("SELECT url FROM evidence WHERE claim_id = ?",
                                        [claim_id])}
    added = 0
    for url in dict.fromkeys(u.strip() for u in review.evidence):
        if not url or url in known:
            continue
        conn.execute("INSERT INTO evidence (claim_id, url, added_at) VALUES (?, ?, ?)",
                     [claim_id, url, now])
        verdict, note = conn.execute("SELECT verdict, note FROM claims WHERE id = ?",
                                     [claim_id]).fetchone()
        library._log(conn, claim_id, "evidence+", verdict, note, who, f"imported: {url}", now)
        known.add(url)
        added += 1
    if added:
        conn.execute("UPDATE claims SET version = version + 1 WHERE id = ?", [claim_id])
        library._bumped(conn, claim_id)
    return added


def _last_review(conn, claim_id: int, fallback: str) -> tuple[str, str]:
    """(time, by) of the claim's current review, from its history."""
    marks = ", ".join("?" for _ in _REVIEW_ACTIONS)
    row = conn.execute(f"SELECT at, by FROM history WHERE claim_id = ? AND action IN ({marks}) "
                       "ORDER BY id DESC LIMIT 1", [claim_id, *_REVIEW_ACTIONS]).fetchone()
    return (row[0], row[1]) if row else (fallback, "")


def _merge_one(library: Library, conn, claim_id: int, old_verdict: Verdict, old_note: str,
               old_checker: str, old_updated: str, removed: bool, review: ReviewToMerge,
               theirs_by: str, prefer: str, now: str) -> bool | MergeConflict:
    """Merge one review into an existing claim: True if it changed, or the conflict."""
    theirs_verdict = review.verdict
    theirs_note = "" if _blank(review.note) else review.note
    theirs_time = _parse_time(review.modified)
    new_verdict, new_note = old_verdict, old_note
    disagree: list[str] = []
    if theirs_verdict is not Verdict.UNREVIEWED and theirs_verdict is not old_verdict:
        if old_verdict is Verdict.UNREVIEWED:
            new_verdict = theirs_verdict
        else:
            disagree.append("verdict")
    if theirs_note and theirs_note != old_note:
        if _blank(old_note):
            new_note = theirs_note
        else:
            disagree.append("note")
    if disagree and theirs_time is not None and conn.execute(
            "SELECT 1 FROM history WHERE claim_id = ? AND verdict = ? AND at = ? "
            "AND (? = '' OR note = ?) LIMIT 1",
            [claim_id, theirs_verdict.value, review.modified, theirs_note,
             theirs_note]).fetchone():
        # The very same review is already in this claim's history (imported before, or
        # exported from here): the claim has moved on since; not a conflict.
        disagree = []
    conflict: MergeConflict | None = None
    detail = ""
    if disagree:
        mine_at, mine_by = _last_review(conn, claim_id, old_updated)
        mine_time = _parse_time(mine_at)
        if prefer == "newer":
            keep = ("theirs" if theirs_time is not None and (mine_time is None
                                                             or theirs_time > mine_time)
                    else "mine")
        else:
            keep = prefer
        conflict = MergeConflict(
            claim_id, 0, "", "", old_verdict, old_note, mine_by or old_checker, mine_at,
            theirs_verdict if theirs_verdict is not Verdict.UNREVIEWED else old_verdict,
            theirs_note or old_note, theirs_by, review.modified, keep)
        if keep == "theirs":
            if "verdict" in disagree:
                new_verdict = theirs_verdict
            if "note" in disagree:
                new_note = theirs_note
            detail = (f"conflict, theirs kept ({'newer' if prefer == 'newer' else 'chosen'}); "
                      f"yours was {old_verdict.value} by {mine_by or old_checker or '?'} "
                      f"at {mine_at}")
        else:
            # Their review goes into the history, not into the claim.
            library._log(conn, claim_id, "conflict", conflict.theirs_verdict.value,
                         conflict.theirs_note, theirs_by,
                         f"their review, not applied: yours "
                         f"({'newer' if prefer == 'newer' else 'chosen'}) kept",
                         review.modified if theirs_time else now)
    changed = (new_verdict, new_note) != (old_verdict, old_note)
    if changed:
        # The claim now carries their review: its time is when they made it, so
        # a later exchange compares the reviews' own times, not import times.
        conn.execute("UPDATE claims SET verdict = ?, note = ?, checker = ?, removed = 0, "
                     "updated_at = ?, version = version + 1 WHERE id = ?",
                     [new_verdict.value, new_note, theirs_by,
                      review.modified if theirs_time else now, claim_id])
        library._log(conn, claim_id, "imported", new_verdict.value, new_note, theirs_by,
                     detail or f"{old_verdict.value} -> {new_verdict.value}",
                     review.modified if theirs_time else now)
        if removed:
            library._log(conn, claim_id, "restored", new_verdict.value, new_note, theirs_by,
                         "a review was imported for it", now)
        library._bumped(conn, claim_id)
    return conflict if conflict is not None else changed
