"""The library's domain operations: articles, claims, verdicts, evidence, history.

The operations are written once (`LibraryOperations`) in portable SQL with
`?` placeholders, over a storage: `Library` is them over a SQLite file
(`Storage`, storage.py), `PgLibrary` over a PostgreSQL server
(`PostgresStorage`, pg_storage.py); `Library.open(target)` picks by the target.
What differs between the engines (full-text search, candidate matches, bulk
inserts) is a method of the storage, never rewritten SQL. Every edit runs in one write transaction,
logs an append-only history row, bumps the claim's `version` and returns the
claim's new state. An edit may carry the version it was based on
(`expected_version`): if someone else has changed the claim since, it is
refused with `StaleEditError`, never applied over their work.

Searching and matching live in matching.py, re-anchoring a changed text in
revisions.py, merging reviews from a file in annotations_import.py.
"""

from __future__ import annotations

import json
import os
from typing import Any, Iterable, Sequence

from annotator.core.errors import NotAClaimError, NotFoundError, StaleEditError
from annotator.core.model import (
    LISTED_SQL,
    Article,
    ArticleSummary,
    Claim,
    DetectedUnit,
    Evidence,
    HistoryEntry,
    Match,
    MergeResult,
    ReviewToMerge,
    RevisionResult,
    SearchResult,
    Snapshot,
    UnitKind,
    Verdict,
)
from annotator.core.rows import (
    CLAIM_READ_COLUMNS,
    INSERT_CLAIM,
    ClaimDecoder,
    article_from_row,
    clean_bounds,
    context_of,
    evidence_from_row,
    normalise_claim_text,
    row_values,
    text_sha256,
    unit_row,
    utc_now,
)
from annotator.core.pg_storage import PostgresStorage, is_postgres_target
from annotator.core.storage import Storage, default_library_path, default_library_target
from annotator.core.matching import fts_query

__all__ = ["Library", "ArticleSummary", "Match", "SearchResult", "ReviewToMerge",
           "RevisionResult", "default_library_path", "fts_query", "text_sha256",
           "normalise_claim_text", "utc_now"]

# Units that are not claims: they can be listed on request but take no verdict.
_NOT_CLAIMS = {UnitKind.HEADLINE.value, UnitKind.DATELINE.value, UnitKind.CAPTION.value}


class LibraryOperations:
    """The domain operations, over the storage they are mixed with. One per thread."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # claim id -> the version this connection last wrote. An edit based on an
        # older copy is still ours to make when nobody else wrote in between
        # (the window sent two keys before the first change came back).
        self._written: dict[int, int] = {}

    def who(self, by: str) -> str:
        """Who makes a change: the name given (Settings), else the database role on a
        shared library (`current_user`), else nobody ("")."""
        if by:
            return by
        name = getattr(self, "_role_name", None)
        if name is None:
            name = self._role_name = self.current_user()
        return name

    # --------------------------------------------------------------- articles
    def find_article_by_text(self, text: str) -> Article | None:
        rows = self.query("SELECT * FROM articles WHERE sha256 = ? LIMIT 1", [text_sha256(text)])
        return article_from_row(rows[0]) if rows else None

    def find_article_by_source(self, source_path: str) -> Article | None:
        rows = self.query(
            "SELECT * FROM articles WHERE source_path = ? ORDER BY id DESC LIMIT 1", [source_path]
        )
        return article_from_row(rows[0]) if rows else None

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
            article_id = conn.execute(
                "INSERT INTO articles (title, source_path, text, sha256, imported_at, revision, "
                "url, byline, published) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id",
                [title, source_path, text, digest, now, url, byline, published],
            ).fetchone()[0]
            conn.execute(
                "INSERT INTO article_revisions (article_id, revision, text, sha256, imported_at) "
                "VALUES (?, 1, ?, ?, ?)", [article_id, text, digest, now],
            )
            ordered = sorted(units, key=lambda u: (u.start, u.end))
            self.insert_claim_rows(conn, [unit_row(article_id, text, u, now, number)
                                          for number, u in enumerate(ordered, 1)])
        return self.article(article_id), True

    def add_revision(self, article_id: int, title: str, text: str,
                     units: Iterable[DetectedUnit], by: str = "") -> RevisionResult:
        by = self.who(by)
        from annotator.core.revisions import add_revision

        return add_revision(self, article_id, title, text, units, by)

    def revisions(self, article_id: int) -> list[dict[str, Any]]:
        return self.query("SELECT revision, sha256, imported_at, text FROM article_revisions "
                          "WHERE article_id = ? ORDER BY revision", [article_id])

    def article(self, article_id: int) -> Article:
        rows = self.query("SELECT * FROM articles WHERE id = ?", [article_id])
        if not rows:
            raise NotFoundError(f"no article with id {article_id} in {self.path}")
        return article_from_row(rows[0])

    def articles(self, filter_text: str = "",
                 ids: Sequence[int] | None = None) -> list[ArticleSummary]:
        """The library list with progress counts of the listed claims (`LISTED_SQL`),
        kept by triggers in `article_counts` (schema migration 4)."""
        where = ("(? = '' OR LOWER(a.title) LIKE '%' || LOWER(?) || '%' "
                 "OR LOWER(a.source_path) LIKE '%' || LOWER(?) || '%')")
        params: list[Any] = [filter_text, filter_text, filter_text]
        if ids is not None:
            where += f" AND a.id IN ({', '.join('?' for _ in ids)})"
            params.extend(ids)
        sql = f"""
            SELECT a.id, a.title, a.source_path, a.imported_at, a.revision,
                   COALESCE(k.total, 0) AS total, COALESCE(k.reviewed, 0) AS reviewed
            FROM articles a LEFT JOIN article_counts k ON k.article_id = a.id
            WHERE {where}
            ORDER BY a.id
        """
        return [ArticleSummary(**row) for row in self.query(sql, params)]

    # ----------------------------------------------------------------- claims
    def claims(self, article_id: int | None = None, *, include_removed: bool = False,
               include_all_units: bool = False, with_evidence: bool = True,
               with_entities: bool = True) -> list[Claim]:
        """Claims in article order. By default only the listed ones (`LISTED_SQL`).

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
            where.append(LISTED_SQL)
        columns = CLAIM_READ_COLUMNS + (", entities" if with_entities else "")
        sql = f"SELECT {columns} FROM claims"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY article_id, start, id"
        names, rows = self.query_rows(sql, params)
        evidence = self._evidence_by_claim(article_id) if with_evidence else {}
        decode = ClaimDecoder(names, with_entities)
        return [decode(row, evidence) for row in rows]

    def claim(self, claim_id: int) -> Claim:
        return self.claims_by_id([claim_id])[claim_id]

    def claims_by_id(self, claim_ids: Iterable[int]) -> dict[int, Claim]:
        """Several claims by id, with their evidence; a missing id is an error."""
        wanted = list(dict.fromkeys(claim_ids))
        found: dict[int, Claim] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            names, rows = self.query_rows(
                f"SELECT {CLAIM_READ_COLUMNS}, entities FROM claims WHERE id IN ({marks})", chunk)
            evidence: dict[int, list[Evidence]] = {}
            for row in self.query(f"SELECT * FROM evidence WHERE removed = 0 AND claim_id IN "
                                  f"({marks}) ORDER BY id", chunk):
                evidence.setdefault(row["claim_id"], []).append(evidence_from_row(row))
            decode = ClaimDecoder(names)
            frozen = {k: tuple(v) for k, v in evidence.items()}
            for row in rows:
                claim = decode(row, frozen)
                found[claim.id] = claim
        missing = [i for i in wanted if i not in found]
        if missing:
            raise NotFoundError(f"no claim with id {missing[0]} in {self.path}")
        return found

    def _require_claim(self, conn, claim_id: int,
                       expected_version: int | None = None) -> tuple:
        """(verdict, note, article_id, removed) of a claim, checking its version.

        On a server the claim's row stays locked until the edit commits (`ROW_LOCK`), so
        edits of one claim follow one another while edits of others run alongside."""
        row = conn.execute("SELECT verdict, note, article_id, removed, version, checker, "
                           "updated_at, kind, origin FROM claims WHERE id = ?" + self.ROW_LOCK,
                           [claim_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no claim with id {claim_id} in {self.path}")
        version, checker, updated_at = row[4], row[5], row[6]
        if (expected_version is not None and version != expected_version
                and self._written.get(claim_id) != version):
            who = checker or "someone else"
            raise StaleEditError(
                f"claim {claim_id} was changed by {who} at {updated_at[11:19] or updated_at} "
                "since you opened it; your edit was not applied (the claim now shows their "
                "change)", claim_id, checker, updated_at)
        return row[:4] + (row[7], row[8])

    def _saved(self, claim_id: int) -> Claim:
        """The claim as the current edit leaves it (read before commit); once committed,
        its version is known to be ours (`written_by_me`). Saves `_bumped`'s read."""
        claim = self.claim(claim_id)
        self.after_commit(lambda: self._written.__setitem__(claim_id, claim.version))
        return claim

    def _bumped(self, conn, claim_id: int) -> None:
        version = conn.execute("SELECT version FROM claims WHERE id = ?", [claim_id]).fetchone()
        if version is not None:
            self.after_commit(lambda: self._written.__setitem__(claim_id, version[0]))

    def _log(self, conn, claim_id: int, action: str, verdict: str | None,
             note: str | None, by: str, detail: str = "", at: str | None = None) -> None:
        conn.execute(
            "INSERT INTO history (claim_id, action, verdict, note, detail, at, by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [claim_id, action, verdict, note, detail, at or utc_now(), by],
        )

    def set_verdict(self, claim_id: int, verdict: Verdict | str, note: str | None = None,
                    by: str = "", expected_version: int | None = None) -> Claim:
        """Set the verdict (and, when given, the note) of a claim, logged in the history."""
        by = self.who(by)
        verdict = verdict if isinstance(verdict, Verdict) else Verdict.parse(verdict)
        now = utc_now()
        with self.transaction(one_claim=True) as conn:
            old_verdict, old_note, _, _, kind, origin = self._require_claim(
                conn, claim_id, expected_version)
            if kind in _NOT_CLAIMS and origin != "manual" and verdict is not Verdict.UNREVIEWED:
                raise NotAClaimError(
                    f"claim {claim_id} is a {kind}, not a claim offered for checking; to review "
                    "its text, add it as a claim (select it and press Ctrl+Return)")
            new_note = old_note if note is None else note
            conn.execute(
                "UPDATE claims SET verdict = ?, note = ?, checker = ?, updated_at = ?, "
                "version = version + 1 WHERE id = ?",
                [verdict.value, new_note, by, now, claim_id],
            )
            action = "verdict" if note is None or new_note == old_note else "verdict+note"
            self._log(conn, claim_id, action, verdict.value, new_note, by,
                      f"{old_verdict} -> {verdict.value}", now)
            return self._saved(claim_id)  # as this edit left it, before commit

    def set_note(self, claim_id: int, note: str, by: str = "",
                 expected_version: int | None = None) -> Claim:
        by = self.who(by)
        now = utc_now()
        with self.transaction(one_claim=True) as conn:
            old_verdict, old_note, *_ = self._require_claim(conn, claim_id, expected_version)
            if old_note != note:
                conn.execute("UPDATE claims SET note = ?, checker = ?, updated_at = ?, "
                             "version = version + 1 WHERE id = ?", [note, by, now, claim_id])
                self._log(conn, claim_id, "note", old_verdict, note, by, "", now)
                self._bumped(conn, claim_id)
            return self.claim(claim_id)  # as this edit left it, before commit

    def set_claim_reviewed(self, claim_id: int, wording: str, by: str = "",
                           expected_version: int | None = None) -> Claim:
        """The short wording ClaimReview publishes as `claimReviewed` ("" = the claim)."""
        by = self.who(by)
        wording = " ".join(wording.split())
        now = utc_now()
        with self.transaction(one_claim=True) as conn:
            old_verdict, old_note, *_ = self._require_claim(conn, claim_id, expected_version)
            conn.execute("UPDATE claims SET claim_reviewed = ?, updated_at = ?, "
                         "version = version + 1 WHERE id = ?", [wording, now, claim_id])
            self._log(conn, claim_id, "claim-reviewed", old_verdict, old_note, by, wording, now)
            return self._saved(claim_id)  # as this edit left it, before commit

    def add_claim(self, article_id: int, start: int, end: int, by: str = "") -> Claim:
        """A claim the checker selected by hand: exactly text[start:end]."""
        by = self.who(by)
        article = self.article(article_id)
        start, end = clean_bounds(article.text, start, end)
        now = utc_now()
        quote = article.text[start:end]
        with self.transaction() as conn:
            claim_id = conn.execute(INSERT_CLAIM + " RETURNING id", row_values(
                article_id, article.text, start, end, now, score=1.0, kind="sentence",
                check_worthy=1, claim_type="other", attribution="{}", suggested=None,
                reasons=json.dumps(["added by hand"]), entities="[]", origin="manual",
                number=self.next_number(conn, article_id))).fetchone()[0]
            self._log(conn, claim_id, "created", "unreviewed", "", by, quote[:200], now)
            return self._saved(claim_id)  # as this edit left it, before commit

    @staticmethod
    def next_number(conn, article_id: int) -> int:
        return 1 + conn.execute("SELECT COALESCE(MAX(number), 0) FROM claims WHERE article_id = ?",
                                [article_id]).fetchone()[0]

    def set_bounds(self, claim_id: int, start: int, end: int, by: str = "",
                   expected_version: int | None = None) -> Claim:
        """Move a claim's boundaries (its text follows the article)."""
        by = self.who(by)
        claim = self.claim(claim_id)
        article = self.article(claim.article_id)
        start, end = clean_bounds(article.text, start, end)
        now = utc_now()
        prefix, suffix = context_of(article.text, start, end)
        with self.transaction(one_claim=True) as conn:
            self._require_claim(conn, claim_id, expected_version)
            conn.execute(
                'UPDATE claims SET start = ?, "end" = ?, text = ?, prefix = ?, suffix = ?, '
                "norm = ?, anchor_status = 'exact', updated_at = ?, version = version + 1 "
                "WHERE id = ?",
                [start, end, article.text[start:end], prefix, suffix,
                 normalise_claim_text(article.text[start:end]), now, claim_id],
            )
            self._log(conn, claim_id, "bounds", claim.verdict.value, claim.note, by,
                      f"{claim.start}-{claim.end} -> {start}-{end}", now)
            return self._saved(claim_id)  # as this edit left it, before commit

    def set_removed(self, claim_id: int, removed: bool, by: str = "",
                    expected_version: int | None = None) -> Claim:
        """Remove a claim ("not a claim") or restore it; kept in the history either way."""
        by = self.who(by)
        now = utc_now()
        with self.transaction(one_claim=True) as conn:
            verdict, note, _, was_removed, *_ = self._require_claim(conn, claim_id,
                                                                    expected_version)
            if bool(was_removed) != removed:
                conn.execute("UPDATE claims SET removed = ?, updated_at = ?, "
                             "version = version + 1 WHERE id = ?", [int(removed), now, claim_id])
                self._log(conn, claim_id, "removed" if removed else "restored", verdict, note, by,
                          "", now)
                self._bumped(conn, claim_id)
            return self.claim(claim_id)  # as this edit left it, before commit

    # --------------------------------------------------------------- evidence
    def evidence(self, claim_id: int) -> list[Evidence]:
        rows = self.query(
            "SELECT * FROM evidence WHERE claim_id = ? AND removed = 0 ORDER BY id", [claim_id]
        )
        return [evidence_from_row(r) for r in rows]

    def _evidence_by_claim(self, article_id: int | None) -> dict[int, tuple[Evidence, ...]]:
        sql = "SELECT e.* FROM evidence e WHERE e.removed = 0"
        params: list[Any] = []
        if article_id is not None:
            sql += " AND e.claim_id IN (SELECT id FROM claims WHERE article_id = ?)"
            params.append(article_id)
        grouped: dict[int, list[Evidence]] = {}
        for row in self.query(sql + " ORDER BY e.id", params):
            grouped.setdefault(row["claim_id"], []).append(evidence_from_row(row))
        return {k: tuple(v) for k, v in grouped.items()}

    def add_evidence(self, claim_id: int, url: str, title: str = "", note: str = "",
                     by: str = "", expected_version: int | None = None) -> Evidence:
        by = self.who(by)
        url = url.strip()
        if not url:
            raise ValueError("evidence needs a URL or a reference")
        now = utc_now()
        with self.transaction(one_claim=True) as conn:
            verdict, claim_note, *_ = self._require_claim(conn, claim_id, expected_version)
            evidence_id = conn.execute(
                "INSERT INTO evidence (claim_id, url, title, note, added_at) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id", [claim_id, url, title, note, now],
            ).fetchone()[0]
            conn.execute("UPDATE claims SET updated_at = ?, checker = ?, version = version + 1 "
                         "WHERE id = ?", [now, by, claim_id])
            self._log(conn, claim_id, "evidence+", verdict, claim_note, by, url, now)
            self._bumped(conn, claim_id)
        return evidence_from_row(self.query("SELECT * FROM evidence WHERE id = ?", [evidence_id])[0])

    def set_evidence_removed(self, evidence_id: int, removed: bool, by: str = "",
                             expected_version: int | None = None) -> None:
        by = self.who(by)
        now = utc_now()
        with self.transaction(one_claim=True) as conn:
            row = conn.execute("SELECT claim_id, url FROM evidence WHERE id = ?",
                               [evidence_id]).fetchone()
            if row is None:
                raise NotFoundError(f"no evidence with id {evidence_id}")
            claim_id, url = row
            verdict, note, *_ = self._require_claim(conn, claim_id, expected_version)
            conn.execute("UPDATE evidence SET removed = ? WHERE id = ?", [int(removed), evidence_id])
            conn.execute("UPDATE claims SET updated_at = ?, version = version + 1 WHERE id = ?",
                         [now, claim_id])
            self._log(conn, claim_id, "evidence-" if removed else "evidence+", verdict, note, by,
                      url, now)
            self._bumped(conn, claim_id)

    # ---------------------------------------------------------------- history
    def history(self, claim_id: int) -> list[HistoryEntry]:
        rows = self.query("SELECT * FROM history WHERE claim_id = ? ORDER BY id", [claim_id])
        return [HistoryEntry(**row) for row in rows]

    def last_history_id(self) -> int:
        return self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM history").fetchone()[0]

    def changed_since(self, history_id: int) -> tuple[int, dict[int, str]]:
        """Claims with history after `history_id`: (newest id, {claim id: who, last}).

        How an open window learns what other processes changed. On a server the
        change notifications say it (`notified_changes`), in commit order."""
        notified = self.notified_changes(history_id)
        if notified is not None:
            return notified
        rows = self.conn.execute("SELECT id, claim_id, by FROM history WHERE id > ? ORDER BY id",
                                 [history_id]).fetchall()
        who: dict[int, str] = {}
        for _, claim_id, by in rows:
            who[claim_id] = by
        return (rows[-1][0] if rows else history_id), who

    def articles_signature(self) -> tuple:
        """Changes when an article is added, removed or revised (by anyone)."""
        return tuple(self.conn.execute(
            "SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(SUM(revision), 0) FROM articles"
        ).fetchone())

    def written_by_me(self, claim: Claim) -> bool:
        """Whether this connection made the claim's current version."""
        return self._written.get(claim.id) == claim.version

    # ----------------------------------------------------------------- search
    def search(self, text: str, limit: int = 200) -> list[SearchResult]:
        from annotator.core.matching import search

        return search(self, text, limit)

    def matches(self, claim: Claim, threshold: float = 0.8, limit: int = 5) -> list[Match]:
        from annotator.core.matching import matches

        return matches(self, claim, threshold, limit)

    def matches_for_many(self, claims: Sequence[Claim], threshold: float = 0.8,
                         limit: int = 5) -> dict[int, list[Match]]:
        from annotator.core.matching import matches_for_many

        return matches_for_many(self, claims, threshold, limit)

    # --------------------------------------------------------------- snapshot
    def snapshot(self, article_id: int | None = None, *, checker: str = "",
                 organisation: str = "") -> Snapshot:
        """A frozen copy of (one article of) the library, read in one transaction."""
        with self.read_transaction():
            if article_id is None:
                articles = [article_from_row(r)
                            for r in self.query("SELECT * FROM articles ORDER BY id")]
            else:
                articles = [self.article(article_id)]
            claims = self.claims(article_id, with_entities=False)
        return Snapshot(tuple(articles), tuple(claims), utc_now(), checker, organisation)

    def merge_reviews(self, article_id: int, reviews: Sequence[ReviewToMerge],
                      by: str = "", prefer: str = "newer") -> "MergeResult":
        """Merge reviews from elsewhere: three-way, conflicts listed (annotations_import.py)."""
        by = self.who(by)
        from annotator.core.annotations_import import merge_reviews

        return merge_reviews(self, article_id, reviews, by, prefer)

    # ------------------------------------------------------------------ roles
    def is_editor(self, name: str) -> bool:
        """Whether `name` may approve, send back, assign and resolve (desk.py). A library
        file has no accounts: the role is this user's setting (Settings.role, or
        ANNOTATOR_ROLE). The PostgreSQL engine overrides this with the server's answer,
        membership of the `annotator_editor` role by the connected role (there `name` is
        the database role): `SELECT pg_has_role(current_user, 'annotator_editor',
        'MEMBER')`; desk.py asks only through this method."""
        from annotator.core.settings import Settings

        return Settings.load().role == "editor"

class Library(LibraryOperations, Storage):
    """A library file (SQLite) with its domain operations. One per thread.

    `Library.open(target)` opens a PostgreSQL library (a `PgLibrary`) when the
    target is a `postgresql://` URL or a libpq `service=NAME` string."""

    @classmethod
    def open(cls, path: "str | os.PathLike | None" = None, **options):
        target = path if path is not None else default_library_target()
        if is_postgres_target(target):
            return PgLibrary.open(str(target), **options)
        return super().open(target, **options)


class PgLibrary(LibraryOperations, PostgresStorage):
    """A shared library on a PostgreSQL server with the same domain operations."""

    def is_editor(self, name: str) -> bool:
        """On a server the role is the server's answer: membership of `annotator_editor`
        by the connected role. The administrator's own role (a superuser, or the owner
        who set the library up, in neither group) falls back to the Settings role, as
        on a file."""
        row = self.query(
            "SELECT EXISTS (SELECT 1 FROM pg_auth_members m "
            "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
            "WHERE g.rolname = ? AND u.rolname = current_user) AS editor, "
            "EXISTS (SELECT 1 FROM pg_auth_members m "
            "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
            "WHERE g.rolname = ? AND u.rolname = current_user) AS checker",
            ["annotator_editor", "annotator_checker"])[0]
        if row["editor"]:
            return True
        if row["checker"]:
            return False
        return super().is_editor(name)


def open_library(target=None, **options) -> "Library | PgLibrary":
    """A library file or a shared library, by its target (see `Library.open`)."""
    return Library.open(target, **options)
