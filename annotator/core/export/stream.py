"""Snapshots streamed from the cursor: an export of any size in constant memory.

`open_snapshot(library, ...)` is a context manager around one read transaction
(a frozen, consistent view, like `Library.snapshot`). The snapshot it yields
holds the articles (without their texts unless `texts=True`) and, as `claims`,
a one-pass `ClaimCursor` over the database cursor: each claim is decoded when the
exporter reaches it (`ClaimDecoder`) and dropped once written, so a million
claims never sit in memory at once. The iterator can be read once, inside the
`with` block. Article texts, when an exporter needs them (W3C selectors and
its embedded copies), are read one article at a time (`article_text`).

The SQL is standard (`?` placeholders, no SQLite-only functions): the same
queries run on PostgreSQL.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from annotator.core.model import LISTED_SQL, Article, Evidence, Snapshot
from annotator.core.rows import CLAIM_READ_COLUMNS, ClaimDecoder, utc_now

ARTICLE_META_COLUMNS = ("id, title, source_path, sha256, imported_at, revision, url, byline, "
                        "published")
#: The order of `Library.claims` (and of the CSV and spreadsheet exports).
ARTICLE_ORDER = "article_id, start, id"
#: The order the W3C and ClaimReview exports have always sorted their claims in.
POSITION_ORDER = 'article_id, start, "end", id'
FETCH_ROWS = 2_000  # rows per cursor fetch


@dataclass(frozen=True)
class StreamedSnapshot(Snapshot):
    """A Snapshot whose `claims` is a one-pass iterator over the cursor.

    `articles` may carry empty texts (`texts=False`); `article_text(id)` reads
    one article's text in the same read transaction."""

    text_of: Callable[[int], str] | None = None

    def article_text(self, article_id: int) -> str:
        if self.text_of is not None:
            return self.text_of(article_id)
        return self.article(article_id).text


def article_text_reader(snapshot: Snapshot) -> Callable[[int], str]:
    """`id -> text` for any snapshot: streamed ones read it on demand, others have it."""
    if isinstance(snapshot, StreamedSnapshot):
        return snapshot.article_text
    texts = {a.id: a.text for a in snapshot.articles}
    return texts.__getitem__


def is_streamed(snapshot: Snapshot) -> bool:
    return isinstance(snapshot, StreamedSnapshot)


@contextlib.contextmanager
def open_snapshot(library, article_id: int | None = None, *, checker: str = "",
                  organisation: str = "", texts: bool = False,
                  order: str = ARTICLE_ORDER) -> Iterator[StreamedSnapshot]:
    """One read transaction; yields a StreamedSnapshot of (one article of) the library.

    The claims are the ones `Library.snapshot` holds (not removed, listed), in
    `order` (ARTICLE_ORDER or POSITION_ORDER)."""
    from annotator.core.errors import NotFoundError

    if order not in (ARTICLE_ORDER, POSITION_ORDER):
        raise ValueError(f"unknown claim order {order!r}")
    with library.read_transaction() as conn:
        columns = "*" if texts else ARTICLE_META_COLUMNS
        if article_id is None:
            rows = library.query(f"SELECT {columns} FROM articles ORDER BY id")
        else:
            rows = library.query(f"SELECT {columns} FROM articles WHERE id = ?", [article_id])
            if not rows:
                raise NotFoundError(f"no article with id {article_id} in {library.path}")
        articles = tuple(_article(row) for row in rows)
        evidence = library._evidence_by_claim(article_id)  # about one claim in 100 has any

        def text_of(wanted: int) -> str:
            found = conn.execute("SELECT text FROM articles WHERE id = ?", [wanted]).fetchone()
            if found is None:
                raise NotFoundError(f"no article with id {wanted} in {library.path}")
            return found[0]

        claims = ClaimCursor(library, conn, article_id, evidence, order)
        try:
            yield StreamedSnapshot(articles, claims, utc_now(), checker, organisation,
                                   text_of=None if texts else text_of)
        finally:
            claims.close()  # the cursor is closed before the transaction ends


def _article(row: dict[str, Any]) -> Article:
    return Article(id=row["id"], title=row["title"], text=row.get("text", ""),
                   sha256=row["sha256"], source_path=row["source_path"],
                   imported_at=row["imported_at"], revision=row.get("revision", 1),
                   url=row.get("url"), byline=row.get("byline"), published=row.get("published"))


class ClaimCursor:
    """The snapshot's claims, read once from one cursor in the snapshot's transaction.

    Iterating yields Claims decoded row by row (`ClaimDecoder`); `rows(columns)` yields
    the raw row tuples of chosen columns instead, for an exporter that writes cells
    straight from them (the CSV). Either way nothing is held but one fetch of rows."""

    def __init__(self, library, conn, article_id: int | None,
                 evidence: dict[int, tuple[Evidence, ...]], order: str):
        self._library, self._conn, self.evidence, self._order = library, conn, evidence, order
        self._where = ["removed = 0", LISTED_SQL]
        self._params: list[Any] = []
        if article_id is not None:
            self._where.insert(0, "article_id = ?")
            self._params.append(article_id)
        self._cursor = None
        self._used = False

    def _execute(self, columns: str):
        if self._used:
            raise RuntimeError("a streamed snapshot's claims can be read once")
        self._used = True
        sql = (f"SELECT {columns} FROM claims WHERE {' AND '.join(self._where)} "
               f"ORDER BY {self._order}")
        streamed = getattr(self._conn, "execute_streamed", None)  # PostgreSQL: server-side
        self._cursor = (streamed or self._conn.execute)(sql, self._params)
        return self._cursor

    def _fetch(self, columns: str) -> Iterator[tuple]:
        import sqlite3

        from annotator.core.storage import translate_error

        try:
            cursor = self._execute(columns)
            while True:
                rows = cursor.fetchmany(FETCH_ROWS)
                if not rows:
                    return
                yield from rows
        except sqlite3.Error as exc:
            raise translate_error(exc, self._library.path) from None
        except Exception as exc:
            translate = getattr(self._library, "translate", None)  # the server's errors
            if translate is None or type(exc).__module__.split(".")[0] != "psycopg":
                raise
            raise translate(exc) from None

    def rows(self, columns: str) -> tuple[list[str], Iterator[tuple]]:
        """(column names, raw rows) of `columns` (SQL select list) in the snapshot's order."""
        rows = self._fetch(columns)
        first = next(rows, None)
        names = [d[0] for d in self._cursor.description]

        def chained():
            if first is not None:
                yield first
                yield from rows
        return names, chained()

    def __iter__(self) -> Iterator:
        rows = self._fetch(CLAIM_READ_COLUMNS)
        first = next(rows, None)
        if first is None:
            return
        decode = ClaimDecoder([d[0] for d in self._cursor.description], with_entities=False)
        evidence = self.evidence
        yield decode(first, evidence)
        for row in rows:
            yield decode(row, evidence)

    def close(self) -> None:
        if self._cursor is not None:
            with contextlib.suppress(Exception):
                self._cursor.close()
            self._cursor = None


__all__ = ["StreamedSnapshot", "ClaimCursor", "open_snapshot", "article_text_reader", "is_streamed",
           "ARTICLE_ORDER", "POSITION_ORDER"]
