"""Storage on a PostgreSQL server: a library shared by a desk of checkers.

`PostgresStorage` offers what `Storage` (storage.py, one SQLite file) offers:
`transaction()`, `read_transaction()`, `query()`, `after_commit()`,
`schema_version`, `data_version()` (a change counter fed by LISTEN/NOTIFY),
`integrity_check()`, `read_only`, `path` (a display name without password) and
`close()`, so the domain operations (library.py) run unchanged over either.

The domain SQL is written once, in portable SQL with `?` placeholders. The
connection adapter here (`PgConnection`) changes only the placeholder style,
`?` -> `%s` (and a literal `%` -> `%%`), outside quoted strings and identifiers:
the same conversion Django's database backends make between DB-API paramstyles
(django.db.backends.sqlite3 turns `%s` into `?`; this is the other direction).
It is not a dialect translator: everything that differs between the engines
(DDL and migrations, full-text search, bulk inserts, change notification,
integrity checks, backups) is a method of the storage classes.

psycopg 3 is imported only when a PostgreSQL library is opened. No password is
ever stored: the URL or libpq connection string is passed through unchanged, so
libpq's own means apply (`~/.pgpass`, a service file, `PGPASSWORD`, `sslmode`).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import re
from typing import Any, Iterator, Sequence

from annotator.core.errors import LibraryBusyError, LibraryConnectionLost, LibraryError
from annotator.core.pg_schema import (
    MIGRATION_LOCK_KEY,
    NOTIFY_CHANNEL,
    REVIEWED_WHERE,
    REVIEWED_WORDS,
    ROLES_SQL,
    WRITE_LOCK_KEY,
    grants_sql,
    pg_migrations,
)

LOCK_TIMEOUT_MS = 10_000  # how long a write waits for another checker's write (then "busy")
CONNECT_TIMEOUT_S = 10


def is_postgres_target(target: object) -> bool:
    """A `postgresql://` or `postgres://` URL, or a libpq `service=NAME` string."""
    if not isinstance(target, str):
        return False
    text = target.strip()
    return (text.startswith(("postgresql://", "postgres://"))
            or re.match(r"^\s*service\s*=", text) is not None)


def display_name(target: str) -> str:
    """The target without its password, for messages and the window title."""
    text = target.strip()
    if "://" in text:
        return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1@", text)
    return re.sub(r"password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)", "password=…", text)


def _host_of(raw) -> str:
    try:
        info = raw.info
        return f"{info.host}:{info.port}/{info.dbname}"
    except Exception:
        return "the server"


# ------------------------------------------------------------------ adapter
_TOKEN = re.compile(r"""('(?:[^']|'')*')|("(?:[^"]|"")*")|(--[^\n]*)|(\?)|(%)""")


def convert_placeholders(sql: str) -> str:
    """`?` -> `%s` outside quoted strings, quoted identifiers and comments; every
    literal `%` doubled (psycopg reads `%` everywhere in a query with parameters)."""
    def replace(match: re.Match) -> str:
        if match.group(4):
            return "%s"
        if match.group(5):
            return "%%"
        return match.group(0).replace("%", "%%")

    return _TOKEN.sub(replace, sql)


_CONVERTED: dict[str, str] = {}


def _converted(sql: str) -> str:
    found = _CONVERTED.get(sql)
    if found is None:
        found = convert_placeholders(sql)
        if len(_CONVERTED) < 2000:
            _CONVERTED[sql] = found
    return found


_STREAMS = itertools.count(1)


class PgConnection:
    """The part of sqlite3.Connection's interface the domain operations use
    (`execute`, `executemany`, `in_transaction`) over a psycopg connection."""

    def __init__(self, storage: "PostgresStorage"):
        self._storage = storage

    @property
    def raw(self):
        return self._storage.raw

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        raw = self._storage.raw
        return raw is not None and raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence[Any] | None = None):
        raw = self._storage.connection()
        import psycopg

        try:
            if params is None or len(params) == 0:
                return raw.execute(sql)
            return raw.execute(_converted(sql), params)
        except psycopg.Error as exc:
            raise self._storage.translate(exc) from None

    def execute_streamed(self, sql: str, params: Sequence[Any] = ()):
        """A server-side (named) cursor: rows arrive as `fetchmany` asks for them, so an
        export of a million claims never holds the whole result in the client. Must run
        inside a transaction (the streamed snapshot's read transaction)."""
        raw = self._storage.connection()
        import psycopg

        try:
            cursor = raw.cursor(name=f"annotator_stream_{id(self)}_{next(_STREAMS)}")
            cursor.execute(_converted(sql), list(params))
            return cursor
        except psycopg.Error as exc:
            raise self._storage.translate(exc) from None

    def executemany(self, sql: str, rows) -> None:
        raw = self._storage.connection()
        import psycopg

        try:
            with raw.cursor() as cursor:
                cursor.executemany(_converted(sql), list(rows))
        except psycopg.Error as exc:
            raise self._storage.translate(exc) from None


# ------------------------------------------------------------------ storage
class PostgresStorage:
    """One psycopg connection to one library on a PostgreSQL server. One per thread."""

    engine = "postgresql"

    def __init__(self, target: str, raw=None):
        self.target = target
        self.path = display_name(target)
        self.raw = raw
        self.conn = PgConnection(self)
        self._depth = 0
        self._after_commit: list = []
        self.read_only = False
        self.created = False
        self._listener = None
        self._changes = 0
        self._lost = False
        self.lock_timeout_ms = LOCK_TIMEOUT_MS
        self._shared = False
        self._notified: dict[int, str] = {}  # claim id -> who, from notifications
        self._notified_max = 0
        self._resync = False

    # ---------------------------------------------------------------- opening
    @classmethod
    def open(cls, target: str, *, backup: bool = True, busy_timeout: float | None = None,
             create: bool = False, read_only: bool | None = None):
        """Connect and migrate; refuse a database that holds something else.

        A database with no tables at all gets a new library only when `create` is
        true (importing), as a missing file does. `backup` is accepted for the
        same signature: the server's own backups (pg_dump, base backups) apply.
        """
        storage = cls(target)
        if busy_timeout is not None:
            storage.lock_timeout_ms = max(1, int(busy_timeout * 1000))
        storage.raw = storage._connect()
        try:
            storage._prepare(create, read_only)
        except BaseException:
            storage.close()
            raise
        return storage

    def _connect(self):
        try:
            import psycopg
        except ImportError:
            raise LibraryError("opening a shared library needs psycopg 3 "
                               "(pip install 'psycopg[binary]')") from None
        try:
            raw = psycopg.connect(self.target, autocommit=True,
                                  connect_timeout=CONNECT_TIMEOUT_S,
                                  application_name="annotator")
        except psycopg.Error as exc:
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise LibraryError(f"cannot connect to the shared library {self.path}: "
                               f"{message}") from None
        raw.execute(f"SET lock_timeout = {int(self.lock_timeout_ms)}")
        return raw

    def _prepare(self, create: bool, read_only: bool | None) -> None:
        from annotator.core.schema import SCHEMA_VERSION

        migrations = pg_migrations()
        tables = {r[0] for r in self.raw.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
        version = 0
        if "schema_version" in tables:
            version = self.raw.execute("SELECT version FROM schema_version").fetchone()[0]
        elif tables:
            raise LibraryError(f"database {self.path} holds other tables but no annotator "
                               "library; nothing was changed")
        elif not create:
            raise LibraryError(f"no library in database {self.path} (`annotator import FILE "
                               "--db URL` creates one there)")
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"library {self.path} was written by a newer version of annotator (schema "
                f"{version}, this version reads up to {SCHEMA_VERSION}); update annotator "
                "to open it. Nothing was changed.")
        if max(migrations) < SCHEMA_VERSION:
            raise LibraryError(f"this annotator has no PostgreSQL migration for schema "
                               f"{SCHEMA_VERSION}")
        if version < SCHEMA_VERSION:
            if read_only:
                raise LibraryError(f"library {self.path} must be upgraded before use, but it "
                                   "was opened read-only")
            self.created = version == 0
            self._migrate(SCHEMA_VERSION, migrations)
        can_write = self.raw.execute(
            "SELECT has_table_privilege('claims', 'UPDATE')").fetchone()[0]
        self.read_only = bool(read_only) or not can_write
        if self.read_only:
            self.raw.execute("SET default_transaction_read_only = on")

    def _migrate(self, target_version: int, migrations: dict[int, str]) -> None:
        raw = self.raw
        import psycopg

        try:
            with raw.transaction():
                raw.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATION_LOCK_KEY])
                exists = raw.execute("SELECT to_regclass('schema_version') IS NOT NULL"
                                     ).fetchone()[0]
                version = (raw.execute("SELECT version FROM schema_version").fetchone()[0]
                           if exists else 0)
                for number in range(version + 1, target_version + 1):
                    raw.execute(migrations[number])
                    if number == 1:
                        self._init_roles(raw, quiet=True)
                    from annotator.core.schema import backfill_after_migration

                    backfill_after_migration(self.conn, number)
                    raw.execute("UPDATE schema_version SET version = %s", [number])
                if version < target_version:
                    self._grant(raw)
        except psycopg.Error as exc:
            raise LibraryError(f"cannot set up the library in {self.path}: "
                               f"{_first_line(exc)}") from None

    # ------------------------------------------------------------------ roles
    @staticmethod
    def _init_roles(raw, quiet: bool = False) -> bool:
        """Create the desk's group roles when this role may (CREATEROLE)."""
        allowed = raw.execute("SELECT rolsuper OR rolcreaterole FROM pg_roles "
                              "WHERE rolname = current_user").fetchone()
        if not (allowed and allowed[0]):
            if quiet:
                return False
            raise LibraryError("creating the roles annotator_checker and annotator_editor "
                               "needs a role with CREATEROLE (the server's administrator)")
        raw.execute(ROLES_SQL)
        return True

    @staticmethod
    def _grant(raw) -> None:
        exists = raw.execute("SELECT COUNT(*) FROM pg_roles WHERE rolname IN "
                             "('annotator_checker', 'annotator_editor')").fetchone()[0]
        if exists == 2:
            for statement in grants_sql():
                raw.execute(statement)

    def init_roles(self) -> list[str]:
        """`annotator library init-roles`: the group roles and their privileges."""
        import psycopg

        try:
            with self.raw.transaction():
                self._init_roles(self.raw)
                self._grant(self.raw)
        except psycopg.Error as exc:
            raise LibraryError(f"cannot create the roles in {self.path}: "
                               f"{_first_line(exc)}") from None
        return ["annotator_checker", "annotator_editor"]

    # ------------------------------------------------------------- connection
    def connection(self):
        """The live connection; after a lost one, a new one (or a clear error)."""
        raw = self.raw
        if raw is not None and not raw.closed and not self._lost:
            return raw
        if self._depth:
            raise self._lost_error()
        with contextlib.suppress(Exception):
            if raw is not None:
                raw.close()
        try:
            self.raw = self._connect()
        except LibraryError:
            raise self._lost_error() from None
        self._lost = False
        if self.read_only:
            self.raw.execute("SET default_transaction_read_only = on")
        return self.raw

    def _lost_error(self) -> LibraryError:
        return LibraryConnectionLost(f"lost connection to the shared library at {self.path}; "
                                     "edits are refused until it is back; reconnecting…")

    def translate(self, exc: Exception) -> LibraryError:
        """One clear line for what the server said."""
        import psycopg
        from psycopg import errors

        raw = self.raw
        if isinstance(exc, psycopg.OperationalError) and (raw is None or raw.closed
                                                          or raw.broken):
            self._lost = True
            return self._lost_error()
        if isinstance(exc, (errors.LockNotAvailable, errors.QueryCanceled)):
            return LibraryBusyError(f"library busy: other checkers are writing to {self.path}; "
                                    "try again in a moment")
        if isinstance(exc, errors.InsufficientPrivilege):
            return LibraryError(f"not allowed in {self.path}: {_first_line(exc)}; nothing "
                                "was changed")
        if isinstance(exc, errors.ReadOnlySqlTransaction):
            return LibraryError(f"library {self.path} is read-only for you; nothing was "
                                "changed")
        if isinstance(exc, (errors.SerializationFailure, errors.DeadlockDetected)):
            return LibraryBusyError(f"library busy: {_first_line(exc)}; try again")
        return LibraryError(f"library {self.path}: {_first_line(exc)}")

    def close(self) -> None:
        for conn in (self._listener, self.raw):
            with contextlib.suppress(Exception):
                if conn is not None:
                    conn.close()
        self._listener = None

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("SELECT version FROM schema_version").fetchone()[0]

    # ------------------------------------------------------- change counter
    def data_version(self) -> int:
        """Grows when another connection commits a change (SQLite: PRAGMA data_version).

        A dedicated connection LISTENs on the library's channel; each call drains the
        notifications that arrived, without blocking. Our own connection's are left
        out, as SQLite leaves out our own commits.
        """
        import psycopg

        if self._listener is None or self._listener.closed or self._listener.broken:
            with contextlib.suppress(Exception):
                if self._listener is not None:
                    self._listener.close()
            self._listener = None
            try:
                listener = self._connect()
                listener.execute(f"LISTEN {NOTIFY_CHANNEL}")
            except LibraryError:
                raise self._lost_error() from None
            self._listener = listener
            self._changes += 1  # changes made while not listening are read from the history
            self._resync = True
        own = self.raw.info.backend_pid if self.raw is not None and not self.raw.closed else 0
        try:
            # Twice: a connection the server closed reads its farewell message on the first
            # read and fails only on the next one; both are non-blocking.
            for _ in range(2):
                for notify in self._listener.notifies(timeout=0):
                    if notify.pid != own:
                        self._changes += 1
                        self._note(notify.payload)
        except psycopg.Error:
            with contextlib.suppress(Exception):
                self._listener.close()
            self._listener = None
            self._lost = True
            raise self._lost_error() from None
        return self._changes

    def _note(self, payload: str) -> None:
        try:
            data = json.loads(payload)
        except ValueError:
            return
        if isinstance(data, dict) and "claim_id" in data:
            self._notified[int(data["claim_id"])] = str(data.get("by") or "")
            self._notified_max = max(self._notified_max, int(data.get("history_id") or 0))

    def notified_changes(self, history_id: int) -> tuple[int, dict[int, str]] | None:
        """The claims other connections changed, as their notifications said, in commit
        order: (newest history id, {claim id: who}). None when the history must be read
        instead (just started or reconnected listening). History ids come from a
        sequence, so a later id may commit first: "ids above the last one seen" could
        miss an edit on a server, the notifications cannot."""
        if self._resync:
            self._resync = False
            self._notified = {}
            return None
        who, self._notified = self._notified, {}
        return max(history_id, self._notified_max), who

    def integrity_check(self) -> str:
        """The server keeps its own files consistent; this checks the library's derived
        figures (article_counts against the claims): "ok" or what differs."""
        rows = self.query(
            "SELECT k.article_id, k.total, k.reviewed, COALESCE(x.total, 0) AS want_total, "
            "COALESCE(x.reviewed, 0) AS want_reviewed FROM article_counts k LEFT JOIN ("
            "SELECT article_id, COUNT(*) AS total, SUM(CASE WHEN verdict <> 'unreviewed' THEN 1 "
            "ELSE 0 END) AS reviewed FROM claims c WHERE removed = 0 AND (check_worthy = 1 OR "
            "origin = 'manual' OR verdict <> 'unreviewed') GROUP BY article_id) x "
            "ON x.article_id = k.article_id "
            "WHERE k.total <> COALESCE(x.total, 0) OR k.reviewed <> COALESCE(x.reviewed, 0)")
        if not rows:
            return "ok"
        return "; ".join(f"article {r['article_id']}: counts {r['total']}/{r['reviewed']}, "
                         f"claims say {r['want_total']}/{r['want_reviewed']}" for r in rows[:5])

    # ----------------------------------------------------------------- backups
    backup_dir = None

    def backups(self) -> list:
        return []

    def backup_rolling(self, force: bool = False):
        """None: a shared library is backed up by the server's own backups (pg_dump,
        base backups and WAL archiving), which its administrator sets up."""
        return None

    # ----------------------------------------------------------- transactions
    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise LibraryError(f"library {self.path} is read-only for you (your role may "
                               "not change it); nothing was changed")

    ROW_LOCK = " FOR UPDATE"

    @contextlib.contextmanager
    def transaction(self, one_claim: bool = False) -> Iterator[PgConnection]:
        """One write transaction; errors become LibraryError and roll back.

        Writers take the library's advisory lock first, so they follow one another
        as on a SQLite file (BEGIN IMMEDIATE): what an edit reads (the next claim
        number, an article's claims) cannot change before it commits. An edit of
        one claim (`one_claim`) takes that lock shared and locks its claim's row
        (`ROW_LOCK`): edits of different claims run at once, edits of one claim
        take turns, and none runs beside an exclusive writer (an import, a new
        revision). Nested use joins; a nested exclusive writer inside a shared one
        takes the lock exclusively from then on.
        """
        self._refuse_if_read_only()
        if self._depth:
            if not one_claim and self._shared:
                self.conn.execute("SELECT pg_advisory_xact_lock(?)", [WRITE_LOCK_KEY])
                self._shared = False
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.connection()
        self._depth = 1
        self._shared = one_claim
        try:
            yield from self._outer_transaction(one_claim)
        finally:
            self._depth = 0

    def _outer_transaction(self, shared: bool) -> Iterator[PgConnection]:
        lock = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
        try:
            # One round trip: with no parameters psycopg sends both statements at once.
            self.conn.execute(f"BEGIN; SELECT {lock}({int(WRITE_LOCK_KEY)})")
        except BaseException:
            self._rollback()
            raise
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        committed, self._after_commit = self._after_commit, []
        for action in committed:
            action()

    def _rollback(self) -> None:
        self._after_commit = []
        raw = self.raw
        if raw is not None and not raw.closed and not raw.broken:
            with contextlib.suppress(Exception):
                raw.execute("ROLLBACK")

    def after_commit(self, action) -> None:
        self._after_commit.append(action)

    @contextlib.contextmanager
    def read_transaction(self) -> Iterator[PgConnection]:
        """Several reads that see one state of the library (a repeatable-read snapshot)."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.connection()
        self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield self.conn
        finally:
            raw = self.raw
            if raw is not None and not raw.closed and not raw.broken:
                with contextlib.suppress(Exception):
                    raw.execute("COMMIT")

    def query(self, sql: str, params: Sequence[Any] | None = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        names = [d.name for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def query_rows(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list]:
        cursor = self.conn.execute(sql, params)
        return [d.name for d in cursor.description], cursor.fetchall()

    # ------------------------------------------------------ engine specifics
    def insert_claim_rows(self, conn, rows: list[list[Any]]) -> None:
        """Detected units in bulk: COPY (row triggers still fire)."""
        from annotator.core.rows import CLAIM_COLUMNS

        if not rows:
            return
        import psycopg

        try:
            with self.raw.cursor() as cursor:
                with cursor.copy(f"COPY claims ({', '.join(CLAIM_COLUMNS)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        except psycopg.Error as exc:
            raise self.translate(exc) from None

    def search_rows(self, words: list[str], limit: int) -> list[dict[str, Any]]:
        """Claims whose text or note holds every word, best first, with a snippet."""
        sql = """
            SELECT c.id AS claim_id, c.article_id, a.title AS article_title, c.text,
                   c.verdict, c.note,
                   ts_headline('simple', c.text, q, 'StartSel=[, StopSel=], MaxWords=12, '
                               'MinWords=4, ShortWord=0, MaxFragments=1, '
                               'FragmentDelimiter=…') AS snippet
            FROM claims c JOIN articles a ON a.id = c.article_id,
                 plainto_tsquery('simple', ?) AS q
            WHERE c.search_vector @@ q AND c.removed = 0
            ORDER BY ts_rank(c.search_vector, q) DESC, c.id LIMIT ?
        """
        return self.query(sql, [" ".join(words), limit])

    def reviewed_candidates(self, words: list[str], article_id: int) -> list[dict[str, Any]]:
        """Reviewed claims of other articles sharing any of these words (the partial
        index of migration 6), most shared first; at most 50."""
        if not words:
            return []
        tsquery = " | ".join("'" + w.replace("'", "''").replace("\\", "\\\\") + "'"
                             for w in words)
        sql = f"""
            SELECT c.id, c.article_id, a.title, c.text, c.verdict, c.note, c.norm
            FROM claims c JOIN articles a ON a.id = c.article_id,
                 to_tsquery('simple', ?) AS q
            WHERE {REVIEWED_WORDS} @@ q AND {REVIEWED_WHERE} AND c.article_id <> ?
            ORDER BY ts_rank({REVIEWED_WORDS}, q) DESC, c.id LIMIT 50
        """
        return self.query(sql, [tsquery, article_id])

    def table_columns(self, table: str) -> list[str]:
        """A table's stored columns in order (generated ones left out)."""
        rows = self.query("SELECT column_name FROM information_schema.columns WHERE "
                          "table_schema = current_schema() AND table_name = ? AND "
                          "is_generated = 'NEVER' ORDER BY ordinal_position", [table])
        return [r["column_name"] for r in rows]

    def after_copy(self, tables: Sequence[str]) -> None:
        """Identity columns continue after the highest copied id."""
        for table in tables:
            self.conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)")

    def current_user(self) -> str:
        return self.conn.execute("SELECT current_user").fetchone()[0]


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
