"""Storage: opening a library file, its schema, backups and transactions.

The domain operations (articles, claims, verdicts, search...) live in
`library.py` and reach SQLite only through this class. Every write runs in
its own `BEGIN IMMEDIATE ... COMMIT` with `synchronous=FULL`, so once a write
returns, the change survives a killed process.

The file is only ever touched through SQLite while a connection may be open:
on POSIX, closing *any* descriptor of a database file drops every lock the
process holds on it (SQLite's "How to corrupt", section 2.2), so a header
check with Python's `open()` would let another process delete our WAL.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Sequence

from annotator.core.errors import LibraryBusyError, LibraryError
from annotator.core.fileio import remove_stale_parts
from annotator.core.pg_storage import is_postgres_target
from annotator.core.schema import MIGRATIONS, SCHEMA_VERSION, backfill_after_migration

BUSY_TIMEOUT_S = 3.0
BACKUPS_KEPT = 5
BACKUP_MIN_INTERVAL_S = 600
BACKUP_SECONDS_PER_MB = 10  # a 1 GB library is copied at most every ~3 hours
BACKUP_BUDGET = 3  # the copies together take at most this many times the library ...
BACKUP_BUDGET_FLOOR = 64_000_000  # ... or this many bytes, whichever is more
MIGRATION_BUSY_MS = 60_000  # how long opening waits for another process's upgrade


def default_library_path() -> Path:
    env = os.environ.get("ANNOTATOR_DB")
    if env and not is_postgres_target(env):
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("annotator", appauthor=False)) / "library.sqlite"


def default_library_target() -> Path | str:
    """What `--db` defaults to: $ANNOTATOR_DB (a file, or a PostgreSQL URL or service),
    else the file in the user data folder."""
    env = os.environ.get("ANNOTATOR_DB")
    if env and is_postgres_target(env):
        return env.strip()
    return default_library_path()


def translate_error(exc: sqlite3.Error, path: Path) -> LibraryError:
    """One clear line for what SQLite said."""
    message = str(exc)
    if "locked" in message or "busy" in message:
        return LibraryBusyError(
            f"library busy: another program is writing to {path}; try again in a moment"
        )
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return LibraryError(f"library {path} is damaged or is not an annotator library ({message})")
    if "disk is full" in message or "disk I/O" in message:
        return LibraryError(f"cannot write library {path}: {message}; nothing was changed")
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return LibraryError(f"cannot write library {path}: {message}")
    return LibraryError(f"library {path}: {message}")


class Storage:
    """One SQLite connection to one library file. Not thread-safe: one per thread.

    `PostgresStorage` (pg_storage.py) offers the same interface on a server."""

    engine = "sqlite"

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
        self.target = path  # what Library.open takes to open it again (PostgreSQL: the URL)
        self._db = None
        self._depth = 0  # nesting of transaction()
        self._after_commit: list = []
        self.read_only = False  # opened read-only: the file or its folder cannot be written
        self.created = False  # this open created the library file

    @property
    def db(self):
        """The sqlite-utils view of the connection (imported lazily: it pulls numpy)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    # ---------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, backup: bool = True,
             busy_timeout: float = BUSY_TIMEOUT_S, create: bool = False,
             read_only: bool | None = None):
        """Open and migrate a library; refuse what is not ours.

        A missing file is an error unless `create` is true (importing, the
        GUI's first run): reading commands never make an empty library out of
        a mistyped path. A library whose file or folder cannot be written is
        opened read-only (`read_only`), as is any when `read_only=True`;
        every write to it then fails with one clear line.
        """
        path = Path(path) if path is not None else default_library_path()
        try:
            if path.is_dir():
                raise LibraryError(f"{path} is a folder, not a library file")
            if path.is_symlink() and not path.exists():
                raise LibraryError(f"library {path} is a link to {os.readlink(path)}, which "
                                   "does not exist; nothing was created")
            size = path.stat().st_size if path.exists() else None
        except OSError as exc:
            raise LibraryError(f"cannot open library {path}: {exc.strerror or exc}") from None
        exists = bool(size)
        if not exists:
            if not create:
                if size == 0:
                    raise LibraryError(f"{path} is an empty file, not an annotator library")
                raise LibraryError(f"no library at {path} (check the path; `annotator import "
                                   "FILE --db PATH` creates a new library)")
            if read_only:
                raise LibraryError(f"no library at {path}")
            if path.parent and not path.parent.exists():
                if path == default_library_path():
                    path.parent.mkdir(parents=True, exist_ok=True)
                else:
                    raise LibraryError(
                        f"cannot create library {path}: folder {path.parent} does not exist")
        if read_only is None:
            read_only = exists and not _writable(path)
        try:
            if read_only:
                conn = _connect_read_only(path, busy_timeout)
            else:
                conn = sqlite3.connect(str(path), timeout=busy_timeout, isolation_level=None,
                                       check_same_thread=False)
        except sqlite3.Error as exc:
            raise translate_error(exc, path) from None
        storage = cls(conn, path)
        storage.read_only = read_only
        storage.created = not exists
        try:
            storage._prepare(exists, backup and not read_only)
        except sqlite3.DatabaseError as exc:
            conn.close()
            if "not a database" in str(exc) or "file is encrypted" in str(exc):
                raise LibraryError(
                    f"{path} is not an annotator library (not a SQLite database)") from None
            raise translate_error(exc, path) from None
        except BaseException:
            conn.close()
            raise
        if not read_only:
            remove_stale_parts(storage.backup_dir, "*.part")
        return storage

    def _prepare(self, exists: bool, backup: bool) -> None:
        conn = self.conn
        # The first read checks the header: SQLite says "file is not a database".
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version == 0 and tables:
            raise LibraryError(f"{self.path} is a SQLite database but not an annotator library")
        if version > 0 and "articles" not in tables:
            # Another program's database with a user_version of its own.
            raise LibraryError(f"{self.path} is another program's SQLite database, not an "
                               "annotator library (it has no articles table); the file was "
                               "not changed")
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"library {self.path} was written by a newer version of annotator "
                f"(schema {version}, this version reads up to {SCHEMA_VERSION}); "
                "update annotator to open it. The file was not changed."
            )
        if version > 0 and not {"articles", "claims", "history"} <= tables:
            raise LibraryError(f"{self.path} is not an annotator library (tables missing)")
        if self.read_only:
            if version < SCHEMA_VERSION:
                raise LibraryError(
                    f"library {self.path} was made by an older annotator and must be upgraded "
                    "before use, but it is read-only; copy it to a folder you can write to")
            conn.execute("PRAGMA query_only = ON")
            return
        conn.execute("PRAGMA foreign_keys = ON")
        if exists and backup:
            self.backup_rolling()
        upgrading = version < SCHEMA_VERSION
        if upgrading:
            # Another process may be upgrading the same file right now (switching it to
            # WAL, migrating a large library): wait for it rather than report "busy".
            normal = conn.execute("PRAGMA busy_timeout").fetchone()[0]
            conn.execute(f"PRAGMA busy_timeout = {max(normal, MIGRATION_BUSY_MS)}")
        try:
            self._switch_to_wal((MIGRATION_BUSY_MS if upgrading else _busy_ms(conn)) / 1000)
            conn.execute("PRAGMA synchronous = FULL")
            for number in range(version + 1, SCHEMA_VERSION + 1):
                self._apply_migration(number)
        finally:
            if upgrading:
                conn.execute(f"PRAGMA busy_timeout = {normal}")

    def _switch_to_wal(self, wait_s: float) -> None:
        """Switching a file to WAL can fail at once with "locked" (SQLite skips its busy
        handler there) when another process is switching or migrating it: retry."""
        deadline = time.monotonic() + wait_s
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL").fetchone()
                return
            except sqlite3.OperationalError as exc:
                if ("locked" not in str(exc) and "busy" not in str(exc)
                        or time.monotonic() > deadline):
                    raise
                time.sleep(0.05)

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise LibraryError(f"library {self.path} is read-only (the file or its folder "
                               "cannot be written); nothing was changed")

    def _apply_migration(self, number: int) -> None:
        script = MIGRATIONS[number - 1]
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            # Another process may have migrated while we waited for the lock.
            if self.conn.execute("PRAGMA user_version").fetchone()[0] >= number:
                self.conn.execute("COMMIT")
                return
            for statement in _statements(script):
                self.conn.execute(statement)
            backfill_after_migration(self.conn, number)
            self.conn.execute(f"PRAGMA user_version = {number}")
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def data_version(self) -> int:
        """Changes when *another* connection commits (SQLite's PRAGMA data_version)."""
        try:
            return self.conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as exc:
            raise translate_error(exc, self.path) from None

    def integrity_check(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]

    # --------------------------------------------------------------- backups
    @property
    def backup_dir(self) -> Path:
        return self.path.parent / ".annotator-backups"

    def backups(self) -> list[Path]:
        try:
            if not self.backup_dir.is_dir():
                return []
            return sorted(self.backup_dir.glob(f"{self.path.stem}-*.sqlite"))
        except OSError:
            return []

    def backup_rolling(self, force: bool = False) -> Path | None:
        """Copy the library with SQLite's online backup API; keep the last few.

        Skipped when the newest copy is younger than BACKUP_MIN_INTERVAL_S, so
        a burst of CLI commands does not fill the folder with identical files.
        A backup that cannot be made never stops the checker working.
        """
        existing = self.backups()
        size = self._size()
        if existing and not force:
            interval = max(BACKUP_MIN_INTERVAL_S, BACKUP_SECONDS_PER_MB * size / 1e6)
            with contextlib.suppress(OSError):
                if time.time() - existing[-1].stat().st_mtime < interval:
                    return None
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.backup_dir / f"{self.path.stem}-{stamp}.sqlite"
        partial = target.with_suffix(".part")
        try:
            self.backup_dir.mkdir(exist_ok=True)
            dest = sqlite3.connect(str(partial))
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
            os.replace(partial, target)
        except (OSError, sqlite3.Error):
            with contextlib.suppress(OSError):
                partial.unlink()
            return None
        self._prune_backups(size)
        return target

    def _size(self) -> int:
        page_size, pages = (self.conn.execute(f"PRAGMA {name}").fetchone()[0]
                            for name in ("page_size", "page_count"))
        return page_size * pages

    def _prune_backups(self, size: int) -> None:
        """Keep the newest few, and never more than BACKUP_BUDGET times the library."""
        kept = self.backups()
        for old in kept[:-BACKUPS_KEPT]:
            with contextlib.suppress(OSError):
                old.unlink()
        kept = kept[-BACKUPS_KEPT:]
        def total() -> int:
            return sum(p.stat().st_size for p in kept if p.exists())
        with contextlib.suppress(OSError):
            while len(kept) > 1 and total() > max(BACKUP_BUDGET * size, BACKUP_BUDGET_FLOOR):
                kept.pop(0).unlink()

    # ----------------------------------------------------------- transactions
    # What a claim edit appends to its SELECT of the claim to lock the row until commit:
    # nothing on a file, where BEGIN IMMEDIATE already makes writers take turns.
    ROW_LOCK = ""

    @contextlib.contextmanager
    def transaction(self, one_claim: bool = False) -> Iterator[sqlite3.Connection]:
        """One write transaction; errors become LibraryError and roll back.

        Nested use joins the outer transaction: an operation made of several
        edits (importing a file of annotations) commits all of them or none.
        `one_claim`: the transaction edits one claim only (it locks it through
        `ROW_LOCK`); a server lets such edits of different claims run at once.
        """
        self._refuse_if_read_only()
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            yield from self._outer_transaction()
        finally:
            self._depth = 0

    def _outer_transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise translate_error(exc, self.path) from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise translate_error(exc, self.path) from None
        except BaseException:
            self._rollback()
            raise
        committed, self._after_commit = self._after_commit, []
        for action in committed:
            action()

    def _rollback(self) -> None:
        self._after_commit = []
        if self.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    def after_commit(self, action) -> None:
        """Run `action` once the current write transaction has committed."""
        self._after_commit.append(action)

    @contextlib.contextmanager
    def read_transaction(self) -> Iterator[sqlite3.Connection]:
        """Several reads that see one state of the library."""
        if self.conn.in_transaction:  # inside a write transaction: already one state
            yield self.conn
            return
        try:
            self.conn.execute("BEGIN")
            try:
                yield self.conn
            finally:
                if self.conn.in_transaction:
                    self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise translate_error(exc, self.path) from None

    def query(self, sql: str, params: Sequence[Any] | dict = ()) -> list[dict[str, Any]]:
        try:
            cursor = self.conn.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]
        except sqlite3.Error as exc:
            raise translate_error(exc, self.path) from None

    def query_rows(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list]:
        """(column names, row tuples): for reads too large to make a dict per row."""
        try:
            cursor = self.conn.execute(sql, params)
            return [d[0] for d in cursor.description], cursor.fetchall()
        except sqlite3.Error as exc:
            raise translate_error(exc, self.path) from None

    # ------------------------------------------------------ engine specifics
    # What differs between the engines, used by the domain operations; PostgreSQL's
    # versions are in pg_storage.py.
    def insert_claim_rows(self, conn, rows: list[list[Any]]) -> None:
        """Detected units in bulk (rows.INSERT_CLAIM's columns)."""
        from annotator.core.rows import INSERT_CLAIM

        conn.executemany(INSERT_CLAIM, rows)

    def search_rows(self, words: list[str], limit: int) -> list[dict[str, Any]]:
        """Claims whose text or note holds every word, best first, with a snippet."""
        query = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        sql = """
            SELECT c.id AS claim_id, c.article_id, a.title AS article_title, c.text, c.verdict,
                   c.note, snippet(claims_fts, 0, '[', ']', '…', 12) AS snippet
            FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
            JOIN articles a ON a.id = c.article_id
            WHERE claims_fts MATCH ? AND c.removed = 0
            ORDER BY rank LIMIT ?
        """
        return self.query(sql, [query, limit])

    def reviewed_candidates(self, words: list[str], article_id: int) -> list[dict[str, Any]]:
        """Reviewed claims of other articles sharing any of these words, from the
        reviewed-only index (`reviewed_fts`, migration 6), best first; at most 50."""
        if not words:
            return []
        query = " OR ".join('text:"' + w.replace('"', '""') + '"' for w in words)
        sql = """
            SELECT c.id, c.article_id, a.title, c.text, c.verdict, c.note, c.norm
            FROM reviewed_fts JOIN claims c ON c.id = reviewed_fts.rowid
            JOIN articles a ON a.id = c.article_id
            WHERE reviewed_fts MATCH ? AND c.verdict != 'unreviewed' AND c.removed = 0
              AND c.article_id != ?
            ORDER BY rank LIMIT 50
        """
        return self.query(sql, [query, article_id])

    def table_columns(self, table: str) -> list[str]:
        """A table's stored columns in order."""
        return [r["name"] for r in self.query(f"PRAGMA table_info({table})")]

    def after_copy(self, tables: Sequence[str]) -> None:
        """Nothing to do: an INTEGER PRIMARY KEY continues after the highest id."""

    def current_user(self) -> str:
        return ""

    def notified_changes(self, history_id: int):
        """None: on a file, what changed is read from the history (`changed_since`)."""
        return None

    def init_roles(self) -> list[str]:
        raise LibraryError(f"{self.path} is a library file: roles are for a shared library "
                           "on a PostgreSQL server")



def _busy_ms(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA busy_timeout").fetchone()[0]


def _writable(path: Path) -> bool:
    """Whether SQLite can write the library: the file, and its folder (WAL, journal)."""
    folder = path.parent if str(path.parent) else Path(".")
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)


def _connect_read_only(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A read-only connection. On read-only media SQLite cannot make the WAL's
    shared-memory file, so it is told the file cannot change (`immutable`)."""
    from urllib.parse import quote

    base = f"file:{quote(str(path.absolute()))}"
    conn = sqlite3.connect(f"{base}?mode=ro", uri=True, timeout=busy_timeout,
                           isolation_level=None, check_same_thread=False)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc) and "readonly" not in str(exc):
            return conn  # let _prepare report it
        conn.close()
    return sqlite3.connect(f"{base}?mode=ro&immutable=1", uri=True, timeout=busy_timeout,
                           isolation_level=None, check_same_thread=False)


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (triggers keep their inner ';')."""
    statements, current = [], []
    for line in script.splitlines():
        current.append(line)
        candidate = "\n".join(current).strip()
        if candidate and sqlite3.complete_statement(candidate):
            statements.append(candidate)
            current = []
    rest = "\n".join(current).strip()
    if rest:
        statements.append(rest)
    return statements
