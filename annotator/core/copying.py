"""Moving a desk: copy a whole library between a file and a PostgreSQL server.

`annotator library copy SOURCE TARGET` copies every row of every table (articles,
revisions, claims with their verdicts and notes, evidence, the history with its
ids and times, the per-article counts), either direction, into a target that
holds no library yet (or an empty one), in one transaction, then checks each
table's row count on both sides. The derived indexes (SQLite's FTS5 tables,
PostgreSQL's tsvector columns) are filled by the target's own triggers.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.errors import LibraryError

# In the order rows must go in (foreign keys). `article_counts` is made by triggers
# as rows arrive, then set to the source's figures. The desk's tables (migration 7)
# come last; the blind ones are keyed by (article or claim, checker), not by an id.
COPIED_TABLES = ["articles", "article_revisions", "claims", "evidence", "history",
                 "assignments", "blind_checks", "blind_verdicts"]
ORDER_BY = {"blind_checks": "article_id, checker", "blind_verdicts": "claim_id, checker"}
WITHOUT_ID = set(ORDER_BY)
DERIVED_TABLES = ["article_counts"]
CHUNK = 2000


@dataclass(frozen=True)
class TableCount:
    table: str
    source: int
    target: int

    @property
    def ok(self) -> bool:
        return self.source == self.target


def copy_library(source_target, target_target, progress=None) -> list[TableCount]:
    """Copy the library at `source_target` into `target_target`; the counts per table.

    Refuses a target that already holds articles (nothing is changed then)."""
    from annotator.core.library import Library

    if str(source_target) == str(target_target):
        raise LibraryError("source and target are the same library")
    source = Library.open(source_target, backup=False)
    try:
        target = Library.open(target_target, create=True, backup=False)
        try:
            return _copy(source, target, progress)
        finally:
            target.close()
    finally:
        source.close()


def _quoted(columns: list[str]) -> str:
    return ", ".join('"' + c.replace('"', '""') + '"' for c in columns)


def _count(library, table: str) -> int:
    return library.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]


def _copy(source, target, progress) -> list[TableCount]:
    if source.schema_version != target.schema_version:
        raise LibraryError(f"the libraries have different schema versions "
                           f"({source.schema_version} and {target.schema_version})")
    busy = [t for t in COPIED_TABLES + DERIVED_TABLES if _count(target, t)]
    if busy:
        raise LibraryError(f"the target {target.path} is not empty (it has {busy[0]}); copy "
                           "into a new file or an empty database; nothing was changed")
    tables = COPIED_TABLES + DERIVED_TABLES
    with target.transaction() as conn, source.read_transaction():
        for table in COPIED_TABLES:
            columns = source.table_columns(table)
            if set(columns) != set(target.table_columns(table)):
                raise LibraryError(f"table {table} has different columns in the two libraries")
            names, rows = source.query_rows(f"SELECT {_quoted(columns)} FROM {table} "
                                            f"ORDER BY {ORDER_BY.get(table, 'id')}")
            insert = (f"INSERT INTO {table} ({_quoted(columns)}) "
                      f"VALUES ({', '.join('?' for _ in columns)})")
            for start in range(0, len(rows), CHUNK):
                conn.executemany(insert, [list(r) for r in rows[start:start + CHUNK]])
            if progress:
                progress(table, len(rows))
        for row in source.query("SELECT article_id, total, reviewed FROM article_counts"):
            conn.execute("UPDATE article_counts SET total = ?, reviewed = ? "
                         "WHERE article_id = ?", [row["total"], row["reviewed"],
                                                  row["article_id"]])
        target.after_copy([t for t in COPIED_TABLES if t not in WITHOUT_ID])
    counts = [TableCount(t, _count(source, t), _count(target, t)) for t in tables]
    wrong = [c for c in counts if not c.ok]
    if wrong:
        raise LibraryError("the copy is incomplete: " + ", ".join(
            f"{c.table} has {c.target} rows, the source {c.source}" for c in wrong))
    return counts
