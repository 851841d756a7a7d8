"""The library: one SQLite file holding articles, claims, verdicts and history.

Every edit runs in its own `BEGIN IMMEDIATE ... COMMIT` transaction with
`synchronous=FULL`, so once a method returns the change survives a killed
process. Nothing here imports Qt or spaCy.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import sqlite_utils

from annotator.core.errors import LibraryBusyError, LibraryError, NotFoundError
from annotator.core.model import (
    AnchorStatus,
    Article,
    Attribution,
    Claim,
    DetectedUnit,
    Entity,
    Evidence,
    HistoryEntry,
    Snapshot,
    UnitKind,
    Verdict,
)
from annotator.core.schema import MIGRATIONS, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
CONTEXT_CHARS = 32  # prefix/suffix kept with each claim, as in a W3C TextQuoteSelector
BUSY_TIMEOUT_S = 3.0
BACKUPS_KEPT = 5
BACKUP_MIN_INTERVAL_S = 600


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_WORD = re.compile(r"\w+", re.UNICODE)


def normalise_claim_text(text: str) -> str:
    """Lower-case words only: the key for finding the same claim elsewhere."""
    return " ".join(_WORD.findall(text.casefold()))


def default_library_path() -> Path:
    env = os.environ.get("ANNOTATOR_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("annotator", appauthor=False)) / "library.sqlite"


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    title: str
    source_path: str | None
    imported_at: str
    revision: int
    total: int
    reviewed: int


@dataclass(frozen=True)
class ReviewToMerge:
    start: int
    end: int
    verdict: Verdict
    note: str = ""
    evidence: tuple[str, ...] = ()
    checker: str = ""


@dataclass(frozen=True)
class RevisionResult:
    article: Article
    exact: int
    fuzzy: int
    orphaned: int
    added: int


@dataclass(frozen=True)
class SearchResult:
    claim_id: int
    article_id: int
    article_title: str
    text: str
    verdict: Verdict
    note: str
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "article_id": self.article_id,
                "article_title": self.article_title, "text": self.text,
                "verdict": self.verdict.value, "note": self.note, "snippet": self.snippet}


@dataclass(frozen=True)
class Match:
    """The same (or nearly the same) claim, already reviewed in another article."""

    claim_id: int
    article_id: int
    article_title: str
    text: str
    verdict: Verdict
    note: str
    similarity: float
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "article_id": self.article_id,
                "verdict": self.verdict.value, "note": self.note,
                "similarity": round(self.similarity, 3), "text": self.text,
                "evidence": [e.url for e in self.evidence]}


def _translate_error(exc: sqlite3.Error, path: Path) -> LibraryError:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return LibraryBusyError(
            f"library {path} is busy: another program is writing to it; try again in a moment"
        )
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return LibraryError(f"library {path} is damaged or is not an annotator library ({message})")
    if "disk is full" in message or "disk I/O" in message:
        return LibraryError(f"cannot write library {path}: {message}; nothing was changed")
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return LibraryError(f"cannot write library {path}: {message}")
    return LibraryError(f"library {path}: {message}")


class Library:
    """A connection to one library file. Not thread-safe: one per thread."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
        self.db = sqlite_utils.Database(conn)

    # ---------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, backup: bool = True,
             busy_timeout: float = BUSY_TIMEOUT_S) -> "Library":
        """Open (creating if needed) and migrate a library; refuse what is not ours."""
        path = Path(path) if path is not None else default_library_path()
        if path.is_dir():
            raise LibraryError(f"{path} is a folder, not a library file")
        exists = path.exists() and path.stat().st_size > 0
        if exists:
            try:
                with open(path, "rb") as fh:
                    magic = fh.read(len(SQLITE_MAGIC))
            except OSError as exc:
                raise LibraryError(f"cannot read library {path}: {exc.strerror}") from None
            if magic != SQLITE_MAGIC:
                raise LibraryError(f"{path} is not an annotator library (not a SQLite database)")
        elif path.parent and not path.parent.exists():
            if path == default_library_path():
                path.parent.mkdir(parents=True, exist_ok=True)
            else:
                raise LibraryError(f"cannot create library {path}: folder {path.parent} does not exist")
        try:
            conn = sqlite3.connect(str(path), timeout=busy_timeout, isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            raise _translate_error(exc, path) from None
        library = cls(conn, path)
        try:
            library._prepare(exists, backup)
        except sqlite3.Error as exc:
            conn.close()
            raise _translate_error(exc, path) from None
        except BaseException:
            conn.close()
            raise
        return library

    def _prepare(self, exists: bool, backup: bool) -> None:
        conn = self.conn
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"library {self.path} was written by a newer version of annotator "
                f"(schema {version}, this version reads up to {SCHEMA_VERSION}); "
                "update annotator to open it. The file was not changed."
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version == 0 and tables:
            raise LibraryError(f"{self.path} is a SQLite database but not an annotator library")
        if version > 0 and not {"articles", "claims", "history"} <= tables:
            raise LibraryError(f"{self.path} is not an annotator library (tables missing)")
        conn.execute("PRAGMA foreign_keys = ON")
        if exists and backup:
            self.backup_rolling()
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        for number in range(version + 1, SCHEMA_VERSION + 1):
            self._apply_migration(number)

    def _apply_migration(self, number: int) -> None:
        script = MIGRATIONS[number - 1]
        try:
            self.conn.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;"
            )
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # --------------------------------------------------------------- backups
    @property
    def backup_dir(self) -> Path:
        return self.path.parent / ".annotator-backups"

    def backups(self) -> list[Path]:
        if not self.backup_dir.is_dir():
            return []
        return sorted(self.backup_dir.glob(f"{self.path.stem}-*.sqlite"))

    def backup_rolling(self, force: bool = False) -> Path | None:
        """Copy the library with SQLite's online backup API; keep the last few.

        Skipped when the newest copy is younger than BACKUP_MIN_INTERVAL_S, so
        a burst of CLI commands does not fill the folder with identical files.
        """
        existing = self.backups()
        if existing and not force:
            age = time.time() - existing[-1].stat().st_mtime
            if age < BACKUP_MIN_INTERVAL_S:
                return None
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.backup_dir / f"{self.path.stem}-{stamp}.sqlite"
        try:
            self.backup_dir.mkdir(exist_ok=True)
            partial = target.with_suffix(".part")
            dest = sqlite3.connect(str(partial))
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
            os.replace(partial, target)
        except (OSError, sqlite3.Error):
            # A backup that cannot be made must not stop the checker working.
            with contextlib.suppress(OSError):
                partial.unlink()
            return None
        for old in self.backups()[:-BACKUPS_KEPT]:
            with contextlib.suppress(OSError):
                old.unlink()
        return target

    # ----------------------------------------------------------- transactions
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; errors become LibraryError and roll back."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _translate_error(exc, self.path) from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            raise _translate_error(exc, self.path) from None
        except BaseException:
            if self.conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            raise

    def _query(self, sql: str, params: Sequence[Any] | dict = ()) -> list[dict[str, Any]]:
        try:
            return list(self.db.query(sql, params))
        except sqlite3.Error as exc:
            raise _translate_error(exc, self.path) from None

    # --------------------------------------------------------------- articles
    def find_article_by_text(self, text: str) -> Article | None:
        rows = self._query("SELECT * FROM articles WHERE sha256 = ? LIMIT 1", [text_sha256(text)])
        return _article(rows[0]) if rows else None

    def find_article_by_source(self, source_path: str) -> Article | None:
        rows = self._query(
            "SELECT * FROM articles WHERE source_path = ? ORDER BY id DESC LIMIT 1", [source_path]
        )
        return _article(rows[0]) if rows else None

    def add_article(self, title: str, text: str, units: Iterable[DetectedUnit],
                    source_path: str | None = None, *, url: str | None = None,
                    byline: str | None = None, published: str | None = None
                    ) -> tuple[Article, bool]:
        """Store an article with its detected units; (article, False) if already there."""
        existing = self.find_article_by_text(text)
        if existing is not None:
            return existing, False
        now = utc_now()
        digest = text_sha256(text)
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO articles (title, source_path, text, sha256, imported_at, revision, "
                "url, byline, published) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)",
                [title, source_path, text, digest, now, url, byline, published],
            )
            article_id = cursor.lastrowid
            conn.execute(
                "INSERT INTO article_revisions (article_id, revision, text, sha256, imported_at) "
                "VALUES (?, 1, ?, ?, ?)", [article_id, text, digest, now],
            )
            conn.executemany(_INSERT_CLAIM, [_unit_row(article_id, text, u, now) for u in units])
        return self.article(article_id), True

    def add_revision(self, article_id: int, title: str, text: str,
                     units: Iterable[DetectedUnit], by: str = "") -> "RevisionResult":
        """Store a changed text of an article and carry every claim over to it.

        Claims are re-anchored (exact / fuzzy / orphaned, see anchoring.py);
        detected units that do not overlap a carried-over claim are added.
        Both texts stay in `article_revisions`. One transaction.
        """
        from annotator.core.anchoring import PositionMapper, anchor

        article = self.article(article_id)
        old_text = article.text
        mapper = PositionMapper(old_text, text)
        now = utc_now()
        counts = {status: 0 for status in AnchorStatus}
        claims = self.claims(article_id, include_removed=True, include_all_units=True,
                             with_evidence=False)
        contexts = {row[0]: (row[1], row[2]) for row in self.conn.execute(
            "SELECT id, prefix, suffix FROM claims WHERE article_id = ?", [article_id])}
        with_evidence = set(self._evidence_by_claim(article_id))
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
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO article_revisions (article_id, revision, text, sha256, imported_at) "
                "VALUES (?, ?, ?, ?, ?)", [article_id, new_revision, text, digest, now])
            conn.execute("UPDATE articles SET text = ?, sha256 = ?, revision = ?, title = ? "
                         "WHERE id = ?", [text, digest, new_revision, title, article_id])
            for claim, found, keep in updates:
                if not keep:
                    # Untouched detector output is replaced by detection on the new text.
                    conn.execute("UPDATE claims SET removed = 1, anchor_status = ? WHERE id = ?",
                                 [found.status.value, claim.id])
                    continue
                counts[found.status] += 1
                if found.status is AnchorStatus.ORPHANED:
                    conn.execute("UPDATE claims SET anchor_status = 'orphaned', start = 0, "
                                 '"end" = 0, updated_at = ? WHERE id = ?', [now, claim.id])
                else:
                    prefix, suffix = context_of(text, found.start, found.end)
                    quote = text[found.start:found.end]
                    conn.execute(
                        'UPDATE claims SET start = ?, "end" = ?, text = ?, prefix = ?, suffix = ?, '
                        "norm = ?, anchor_status = ?, updated_at = ? WHERE id = ?",
                        [found.start, found.end, quote, prefix, suffix,
                         normalise_claim_text(quote), found.status.value, now, claim.id])
                    if not claim.removed:
                        kept.append((found.start, found.end))
                if found.status is not AnchorStatus.EXACT or found.start != claim.start:
                    self._log(conn, claim.id, "reanchored", claim.verdict.value, claim.note, by,
                              f"revision {new_revision}: {found.status.value} "
                              f"({found.similarity:.2f}); was {claim.text[:200]!r}", now)
            index = _SpanIndex(kept)
            fresh = [u for u in units if not index.overlaps(u.start, u.end)]
            conn.executemany(_INSERT_CLAIM, [_unit_row(article_id, text, u, now) for u in fresh])
        return RevisionResult(self.article(article_id), counts[AnchorStatus.EXACT],
                              counts[AnchorStatus.FUZZY], counts[AnchorStatus.ORPHANED], len(fresh))

    def revisions(self, article_id: int) -> list[dict[str, Any]]:
        return self._query("SELECT revision, sha256, imported_at, text FROM article_revisions "
                           "WHERE article_id = ? ORDER BY revision", [article_id])

    def article(self, article_id: int) -> Article:
        rows = self._query("SELECT * FROM articles WHERE id = ?", [article_id])
        if not rows:
            raise NotFoundError(f"no article with id {article_id} in {self.path}")
        return _article(rows[0])

    def articles(self, filter_text: str = "") -> list[ArticleSummary]:
        sql = """
            SELECT a.id, a.title, a.source_path, a.imported_at, a.revision,
                   COUNT(c.id) AS total,
                   COALESCE(SUM(c.verdict != 'unreviewed'), 0) AS reviewed
            FROM articles a
            LEFT JOIN claims c ON c.article_id = a.id AND c.removed = 0
                 AND (c.check_worthy = 1 OR c.origin = 'manual' OR c.verdict != 'unreviewed')
            WHERE (? = '' OR a.title LIKE '%' || ? || '%' OR a.source_path LIKE '%' || ? || '%')
            GROUP BY a.id ORDER BY a.id
        """
        rows = self._query(sql, [filter_text, filter_text, filter_text])
        return [ArticleSummary(**row) for row in rows]

    # ----------------------------------------------------------------- claims
    def claims(self, article_id: int | None = None, *, include_removed: bool = False,
               include_all_units: bool = False, with_evidence: bool = True,
               with_entities: bool = True) -> list[Claim]:
        """Claims in article order. By default only check-worthy, manual or reviewed ones.

        `with_entities=False` skips decoding the entity lists (the GUI and the
        exporters never read them; at 100,000 claims that saves about a second).
        """
        where, params = [], []
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        if not include_removed:
            where.append("removed = 0")
        if not include_all_units:
            where.append("(check_worthy = 1 OR origin = 'manual' OR verdict != 'unreviewed')")
        columns = _CLAIM_READ_COLUMNS + (", entities" if with_entities else "")
        sql = f"SELECT {columns} FROM claims"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY article_id, start, id"
        try:
            cursor = self.conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
        except sqlite3.Error as exc:
            raise _translate_error(exc, self.path) from None
        evidence = self._evidence_by_claim(article_id) if with_evidence else {}
        decode = _ClaimDecoder(names, with_entities)
        return [decode(row, evidence) for row in rows]

    def claim(self, claim_id: int) -> Claim:
        try:
            cursor = self.conn.execute(
                f"SELECT {_CLAIM_READ_COLUMNS}, entities FROM claims WHERE id = ?", [claim_id])
            row = cursor.fetchone()
        except sqlite3.Error as exc:
            raise _translate_error(exc, self.path) from None
        if row is None:
            raise NotFoundError(f"no claim with id {claim_id} in {self.path}")
        decode = _ClaimDecoder([d[0] for d in cursor.description])
        return decode(row, {claim_id: tuple(self.evidence(claim_id))})

    def _require_claim(self, conn: sqlite3.Connection, claim_id: int) -> sqlite3.Row:
        row = conn.execute("SELECT verdict, note, article_id, removed FROM claims WHERE id = ?",
                           [claim_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no claim with id {claim_id} in {self.path}")
        return row

    def _log(self, conn: sqlite3.Connection, claim_id: int, action: str, verdict: str | None,
             note: str | None, by: str, detail: str = "", at: str | None = None) -> None:
        conn.execute(
            "INSERT INTO history (claim_id, action, verdict, note, detail, at, by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [claim_id, action, verdict, note, detail, at or utc_now(), by],
        )

    def set_verdict(self, claim_id: int, verdict: Verdict | str, note: str | None = None,
                    by: str = "") -> Claim:
        """Set the verdict (and, when given, the note) of a claim, logged in the history."""
        verdict = verdict if isinstance(verdict, Verdict) else Verdict.parse(verdict)
        now = utc_now()
        with self.transaction() as conn:
            old_verdict, old_note, _, _ = self._require_claim(conn, claim_id)
            new_note = old_note if note is None else note
            conn.execute(
                "UPDATE claims SET verdict = ?, note = ?, checker = ?, updated_at = ? WHERE id = ?",
                [verdict.value, new_note, by, now, claim_id],
            )
            action = "verdict" if note is None or new_note == old_note else "verdict+note"
            self._log(conn, claim_id, action, verdict.value, new_note, by,
                      f"{old_verdict} -> {verdict.value}", now)
        return self.claim(claim_id)

    def set_note(self, claim_id: int, note: str, by: str = "") -> Claim:
        now = utc_now()
        with self.transaction() as conn:
            old_verdict, old_note, _, _ = self._require_claim(conn, claim_id)
            if old_note == note:
                return self.claim(claim_id)
            conn.execute("UPDATE claims SET note = ?, checker = ?, updated_at = ? WHERE id = ?",
                         [note, by, now, claim_id])
            self._log(conn, claim_id, "note", old_verdict, note, by, "", now)
        return self.claim(claim_id)

    def set_claim_reviewed(self, claim_id: int, wording: str, by: str = "") -> Claim:
        """The short wording ClaimReview publishes as `claimReviewed` ("" = the claim)."""
        wording = " ".join(wording.split())
        now = utc_now()
        with self.transaction() as conn:
            old_verdict, old_note, _, _ = self._require_claim(conn, claim_id)
            conn.execute("UPDATE claims SET claim_reviewed = ?, updated_at = ? WHERE id = ?",
                         [wording, now, claim_id])
            self._log(conn, claim_id, "claim-reviewed", old_verdict, old_note, by, wording, now)
        return self.claim(claim_id)

    def add_claim(self, article_id: int, start: int, end: int, by: str = "") -> Claim:
        """A claim the checker selected by hand: exactly text[start:end]."""
        article = self.article(article_id)
        start, end = _clean_bounds(article.text, start, end)
        now = utc_now()
        quote = article.text[start:end]
        with self.transaction() as conn:
            cursor = conn.execute(_INSERT_CLAIM, _row_values(
                article_id, article.text, start, end, now, score=1.0, kind="sentence",
                check_worthy=1, claim_type="other", attribution="{}", suggested=None,
                reasons=json.dumps(["added by hand"]), entities="[]", origin="manual"))
            claim_id = cursor.lastrowid
            self._log(conn, claim_id, "created", "unreviewed", "", by, quote[:200], now)
        return self.claim(claim_id)

    def set_bounds(self, claim_id: int, start: int, end: int, by: str = "") -> Claim:
        """Move a claim's boundaries (its text follows the article)."""
        claim = self.claim(claim_id)
        article = self.article(claim.article_id)
        start, end = _clean_bounds(article.text, start, end)
        now = utc_now()
        prefix, suffix = context_of(article.text, start, end)
        with self.transaction() as conn:
            conn.execute(
                'UPDATE claims SET start = ?, "end" = ?, text = ?, prefix = ?, suffix = ?, '
                "norm = ?, anchor_status = 'exact', updated_at = ? WHERE id = ?",
                [start, end, article.text[start:end], prefix, suffix,
                 normalise_claim_text(article.text[start:end]), now, claim_id],
            )
            self._log(conn, claim_id, "bounds", claim.verdict.value, claim.note, by,
                      f"{claim.start}-{claim.end} -> {start}-{end}", now)
        return self.claim(claim_id)

    def set_removed(self, claim_id: int, removed: bool, by: str = "") -> Claim:
        """Remove a claim ("not a claim") or restore it; kept in the history either way."""
        now = utc_now()
        with self.transaction() as conn:
            verdict, note, _, was_removed = self._require_claim(conn, claim_id)
            if bool(was_removed) != removed:
                conn.execute("UPDATE claims SET removed = ?, updated_at = ? WHERE id = ?",
                             [int(removed), now, claim_id])
                self._log(conn, claim_id, "removed" if removed else "restored", verdict, note, by,
                          "", now)
        return self.claim(claim_id)

    # --------------------------------------------------------------- evidence
    def evidence(self, claim_id: int) -> list[Evidence]:
        rows = self._query(
            "SELECT * FROM evidence WHERE claim_id = ? AND removed = 0 ORDER BY id", [claim_id]
        )
        return [_evidence(r) for r in rows]

    def _evidence_by_claim(self, article_id: int | None) -> dict[int, tuple[Evidence, ...]]:
        sql = "SELECT e.* FROM evidence e WHERE e.removed = 0"
        params: list[Any] = []
        if article_id is not None:
            sql += " AND e.claim_id IN (SELECT id FROM claims WHERE article_id = ?)"
            params.append(article_id)
        grouped: dict[int, list[Evidence]] = {}
        for row in self._query(sql + " ORDER BY e.id", params):
            grouped.setdefault(row["claim_id"], []).append(_evidence(row))
        return {k: tuple(v) for k, v in grouped.items()}

    def add_evidence(self, claim_id: int, url: str, title: str = "", note: str = "",
                     by: str = "") -> Evidence:
        url = url.strip()
        if not url:
            raise ValueError("evidence needs a URL or a reference")
        now = utc_now()
        with self.transaction() as conn:
            verdict, claim_note, _, _ = self._require_claim(conn, claim_id)
            cursor = conn.execute(
                "INSERT INTO evidence (claim_id, url, title, note, added_at) VALUES (?, ?, ?, ?, ?)",
                [claim_id, url, title, note, now],
            )
            conn.execute("UPDATE claims SET updated_at = ?, checker = ? WHERE id = ?",
                         [now, by, claim_id])
            self._log(conn, claim_id, "evidence+", verdict, claim_note, by, url, now)
            evidence_id = cursor.lastrowid
        return _evidence(self._query("SELECT * FROM evidence WHERE id = ?", [evidence_id])[0])

    def set_evidence_removed(self, evidence_id: int, removed: bool, by: str = "") -> None:
        now = utc_now()
        with self.transaction() as conn:
            row = conn.execute("SELECT claim_id, url FROM evidence WHERE id = ?",
                               [evidence_id]).fetchone()
            if row is None:
                raise NotFoundError(f"no evidence with id {evidence_id}")
            claim_id, url = row
            verdict, note, _, _ = self._require_claim(conn, claim_id)
            conn.execute("UPDATE evidence SET removed = ? WHERE id = ?", [int(removed), evidence_id])
            self._log(conn, claim_id, "evidence-" if removed else "evidence+", verdict, note, by,
                      url, now)

    # ---------------------------------------------------------------- history
    def history(self, claim_id: int) -> list[HistoryEntry]:
        rows = self._query("SELECT * FROM history WHERE claim_id = ? ORDER BY id", [claim_id])
        return [HistoryEntry(**row) for row in rows]

    # ----------------------------------------------------------------- search
    def search(self, text: str, limit: int = 200) -> list[SearchResult]:
        """Full-text search over claim texts and notes in every article."""
        query = fts_query(text)
        if not query:
            return []
        sql = """
            SELECT c.id AS claim_id, c.article_id, a.title AS article_title, c.text, c.verdict,
                   c.note, snippet(claims_fts, 0, '[', ']', '…', 12) AS snippet
            FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
            JOIN articles a ON a.id = c.article_id
            WHERE claims_fts MATCH ? AND c.removed = 0
            ORDER BY rank LIMIT ?
        """
        rows = self._query(sql, [query, limit])
        return [SearchResult(r["claim_id"], r["article_id"], r["article_title"], r["text"],
                             Verdict(r["verdict"]), r["note"], r["snippet"]) for r in rows]

    def matches(self, claim: Claim, threshold: float = 0.8, limit: int = 5) -> list[Match]:
        """Reviewed claims in *other* articles whose text is the same or nearly so."""
        return self.matches_for_many([claim], threshold, limit).get(claim.id, [])

    def matches_for_many(self, claims: Sequence[Claim], threshold: float = 0.8,
                         limit: int = 5) -> dict[int, list[Match]]:
        """For each claim, the reviewed claims in other articles that say the same.

        The full-text index picks the candidates that share the claim's most
        distinctive words (so the cost does not grow with the library); each is
        then scored by `similar_texts`.
        """
        if not self.conn.execute(
                "SELECT 1 FROM claims WHERE verdict != 'unreviewed' AND removed = 0 LIMIT 1"
        ).fetchone():
            return {}
        from annotator.core.similarity import similar_texts

        sql = """
            SELECT c.id, c.article_id, a.title, c.text, c.verdict, c.note, c.norm
            FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
            JOIN articles a ON a.id = c.article_id
            WHERE claims_fts MATCH ? AND c.verdict != 'unreviewed' AND c.removed = 0
              AND c.article_id != ?
            ORDER BY rank LIMIT 50
        """
        result: dict[int, list[Match]] = {}
        for claim in claims:
            norm = normalise_claim_text(claim.text)
            words = set(norm.split())
            query = _candidate_query(words)
            if not query:
                continue
            found = []
            for row in self._query(sql, [query, claim.article_id]):
                score = similar_texts(norm, words, row["norm"], set(row["norm"].split()))
                if score >= threshold:
                    found.append((score, row))
            found.sort(key=lambda item: -item[0])
            if found:
                result[claim.id] = [
                    Match(r["id"], r["article_id"], r["title"], r["text"], Verdict(r["verdict"]),
                          r["note"], s, tuple(self.evidence(r["id"])))
                    for s, r in found[:limit]
                ]
        return result

    # --------------------------------------------------------------- snapshot
    def snapshot(self, article_id: int | None = None, *, checker: str = "",
                 organisation: str = "") -> Snapshot:
        """A frozen copy of (one article of) the library, read in one transaction."""
        try:
            self.conn.execute("BEGIN")
            try:
                if article_id is None:
                    articles = [_article(r) for r in self._query("SELECT * FROM articles ORDER BY id")]
                else:
                    articles = [self.article(article_id)]
                claims = self.claims(article_id, with_entities=False)
            finally:
                self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise _translate_error(exc, self.path) from None
        return Snapshot(tuple(articles), tuple(claims), utc_now(), checker, organisation)

    def merge_reviews(self, article_id: int, reviews: Sequence["ReviewToMerge"],
                      by: str = "") -> tuple[int, int]:
        """Apply reviews from elsewhere (a W3C file) in one transaction.

        A review lands on the claim with exactly its span, or becomes a new
        claim there. Returns (claims updated, claims added).
        """
        article = self.article(article_id)
        now = utc_now()
        updated = added = 0
        with self.transaction() as conn:
            for review in reviews:
                row = conn.execute(
                    'SELECT id, verdict, note FROM claims WHERE article_id = ? AND start = ? '
                    'AND "end" = ? ORDER BY removed, id LIMIT 1',
                    [article_id, review.start, review.end]).fetchone()
                if row is None:
                    cursor = conn.execute(_INSERT_CLAIM, _row_values(
                        article_id, article.text, review.start, review.end, now, score=1.0,
                        kind="sentence", check_worthy=1, claim_type="other", attribution="{}",
                        suggested=None, reasons=json.dumps(["imported from annotations"]),
                        entities="[]", origin="manual"))
                    claim_id = cursor.lastrowid
                    self._log(conn, claim_id, "created", "unreviewed", "", by, "imported", now)
                    added += 1
                    old_verdict, old_note = "unreviewed", ""
                else:
                    claim_id, old_verdict, old_note = row
                    updated += 1
                checker = review.checker or by
                conn.execute("UPDATE claims SET verdict = ?, note = ?, checker = ?, removed = 0, "
                             "updated_at = ? WHERE id = ?",
                             [review.verdict.value, review.note, checker, now, claim_id])
                self._log(conn, claim_id, "imported", review.verdict.value, review.note, checker,
                          f"{old_verdict} -> {review.verdict.value}", now)
                known = {r[0] for r in conn.execute(
                    "SELECT url FROM evidence WHERE claim_id = ? AND removed = 0", [claim_id])}
                for url in review.evidence:
                    if url not in known:
                        conn.execute("INSERT INTO evidence (claim_id, url, added_at) VALUES (?, ?, ?)",
                                     [claim_id, url, now])
        return updated, added

    def integrity_check(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]


# --------------------------------------------------------------------- helpers
_CLAIM_COLUMNS = ("article_id", "start", '"end"', "text", "score", "kind", "check_worthy",
                  "claim_type", "attribution", "suggested_verdict", "reasons", "entities",
                  "origin", "created_at", "updated_at", "prefix", "suffix", "norm")
_INSERT_CLAIM = (f"INSERT INTO claims ({', '.join(_CLAIM_COLUMNS)}) "
                 f"VALUES ({', '.join('?' for _ in _CLAIM_COLUMNS)})")


class _SpanIndex:
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


def context_of(text: str, start: int, end: int) -> tuple[str, str]:
    return text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS]


def _row_values(article_id: int, text: str, start: int, end: int, now: str, *, score: float,
                kind: str, check_worthy: int, claim_type: str, attribution: str,
                suggested: str | None, reasons: str, entities: str, origin: str) -> list[Any]:
    prefix, suffix = context_of(text, start, end)
    quote = text[start:end]
    return [article_id, start, end, quote, score, kind, check_worthy, claim_type, attribution,
            suggested, reasons, entities, origin, now, now, prefix, suffix,
            normalise_claim_text(quote)]


def _unit_row(article_id: int, text: str, unit: DetectedUnit, now: str) -> list[Any]:
    if text[unit.start:unit.end] != unit.text:
        raise ValueError(f"unit offsets {unit.start}-{unit.end} do not slice the article text")
    return _row_values(
        article_id, text, unit.start, unit.end, now, score=float(unit.score),
        kind=unit.kind.value, check_worthy=int(unit.check_worthy), claim_type=unit.claim_type,
        attribution=json.dumps(unit.attribution.to_dict()), suggested=unit.suggested_verdict,
        reasons=json.dumps(list(unit.reasons)),
        entities=json.dumps([e.to_dict() for e in unit.entities]), origin="detected",
    )


def _clean_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"selection {start}-{end} is outside the article (0-{len(text)})")
    quote = text[start:end]
    stripped = quote.strip()
    if not stripped:
        raise ValueError("the selection is empty: select some words of the article")
    lead = len(quote) - len(quote.lstrip())
    return start + lead, start + lead + len(stripped)


_COMMON_WORDS = frozenset(
    "the a an and or but of to in on at for with by from as is are was were be been has have "
    "had that this it its his her their they he she we i you not no will would said says".split())


def _candidate_query(words: set[str]) -> str:
    """An FTS5 query for claims sharing the most distinctive of these words."""
    picked = sorted((w for w in words if w not in _COMMON_WORDS and len(w) > 2),
                    key=lambda w: (-len(w), w))[:8] or sorted(words)[:8]
    return " OR ".join('text:"' + w.replace('"', '""') + '"' for w in picked)


def fts_query(text: str) -> str:
    """Turn what a user typed into a safe FTS5 query: each word a quoted phrase term.

    Quotes, operators (AND, NEAR, *, :) and brackets in user text are treated as
    plain text, so no input can break the query.
    """
    words = re.findall(r"\w+", text, re.UNICODE)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def _article(row: dict[str, Any]) -> Article:
    return Article(id=row["id"], title=row["title"], text=row["text"], sha256=row["sha256"],
                   source_path=row["source_path"], imported_at=row["imported_at"],
                   revision=row.get("revision", 1), url=row.get("url"),
                   byline=row.get("byline"), published=row.get("published"))


def _evidence(row: dict[str, Any]) -> Evidence:
    return Evidence(id=row["id"], claim_id=row["claim_id"], url=row["url"], title=row["title"],
                    note=row["note"], added_at=row["added_at"])


class _ClaimDecoder:
    """Builds Claims from row tuples, decoding each distinct JSON value once:
    most claims share an attribution, and many share their reasons."""

    def __init__(self, names: list[str], with_entities: bool = True):
        self.at = {name: i for i, name in enumerate(names)}
        self.with_entities = with_entities
        self._attributions: dict[str, Attribution] = {}
        self._reasons: dict[str, tuple[str, ...]] = {}

    def __call__(self, row: tuple, evidence: dict[int, tuple[Evidence, ...]]) -> Claim:
        at = self.at
        raw = row[at["attribution"]] or "{}"
        attribution = self._attributions.get(raw)
        if attribution is None:
            attribution = self._attributions[raw] = Attribution.from_dict(json.loads(raw))
        raw = row[at["reasons"]] or "[]"
        reasons = self._reasons.get(raw)
        if reasons is None:
            reasons = self._reasons[raw] = tuple(json.loads(raw))
        entities = (tuple(Entity(**e) for e in json.loads(row[at["entities"]] or "[]"))
                    if self.with_entities else ())
        claim_id = row[at["id"]]
        return Claim(
            id=claim_id, article_id=row[at["article_id"]], start=row[at["start"]],
            end=row[at["end"]], text=row[at["text"]], score=row[at["score"]],
            verdict=_VERDICTS[row[at["verdict"]]], note=row[at["note"]],
            kind=_KINDS[row[at["kind"]]], check_worthy=bool(row[at["check_worthy"]]),
            claim_type=row[at["claim_type"]], attribution=attribution,
            suggested_verdict=row[at["suggested_verdict"]], reasons=reasons, entities=entities,
            origin=row[at["origin"]], removed=bool(row[at["removed"]]),
            anchor_status=_ANCHORS[row[at["anchor_status"]] or "exact"],
            checker=row[at["checker"]], created_at=row[at["created_at"]],
            updated_at=row[at["updated_at"]], evidence=evidence.get(claim_id, ()),
            claim_reviewed=row[at["claim_reviewed"]] or "",
        )


_CLAIM_READ_COLUMNS = ('id, article_id, start, "end", text, score, verdict, note, kind, check_worthy, '
                       "claim_type, attribution, suggested_verdict, reasons, origin, removed, "
                       "anchor_status, checker, created_at, updated_at, claim_reviewed")
_VERDICTS = {v.value: v for v in Verdict}
_KINDS = {k.value: k for k in UnitKind}
_ANCHORS = {a.value: a for a in AnchorStatus}


