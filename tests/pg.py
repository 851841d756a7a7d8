"""A real PostgreSQL server for the tests, started by the test suite itself.

`initdb` into a temporary folder, `pg_ctl start` on a free port (socket in the
same folder), one template database holding a migrated, empty library, and a
fresh database per test copied from it (`CREATE DATABASE ... TEMPLATE`, a file
copy: a few milliseconds). The server is stopped when the session ends.

`initdb` refuses to run as root (CI runs as root): then the server runs as the
`postgres` user (`runuser -u postgres --`), in a folder chowned to it. Clients
connect over TCP to 127.0.0.1 with `trust` authentication for this throwaway
server only; no password is involved anywhere.

The test server trades durability for speed (fsync off); `durable=True` (the
desk benchmark) keeps PostgreSQL's defaults.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "postgres"
TEMPLATE = "annotator_template"


def find_bin_dir() -> Path | None:
    """Debian's `postgresql` package puts initdb in /usr/lib/postgresql/N/bin (newest wins);
    ANNOTATOR_TEST_PG_BINDIR names another folder (one without initdb: "missing")."""
    chosen = os.environ.get("ANNOTATOR_TEST_PG_BINDIR")
    if chosen:
        return Path(chosen) if (Path(chosen) / "initdb").exists() else None
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name)
                   if Path(p).parent.parent.name.isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self, bin_dir: Path, durable: bool = False):
        self.bin_dir = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self._names = itertools.count(1)
        self.running = False
        # Tests trade durability for speed; a benchmark keeps the server's defaults
        # (fsync and synchronous commit on), as a desk's server would run.
        self.durable = durable

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120,
                                cwd=self.folder)
        if check and result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({result.returncode}): "
                               f"{result.stderr.strip() or result.stdout.strip()}")
        return result

    def start(self) -> None:
        if self.as_root:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                   "-c max_connections=200 -c shared_buffers=32MB")
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"),
                  "-o", options, "-w", "-t", "60", "start")
        self.running = True

    def url(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql)

    def make_template(self) -> None:
        """A database holding an empty, fully migrated library (and the desk roles)."""
        from annotator.core.library import Library

        self.admin(f"CREATE DATABASE {TEMPLATE}")
        Library.open(self.url(TEMPLATE), create=True).close()

    def new_database(self, empty: bool = False) -> str:
        """A fresh database: a migrated empty library, or (`empty`) no tables at all."""
        name = f"t_{next(self._names)}"
        template = "template0" if empty else TEMPLATE
        self.admin(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        for _ in range(50):
            try:
                self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                return
            except Exception:
                time.sleep(0.1)

    def stop(self) -> None:
        if self.running:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop",
                      check=False)
            self.running = False
        shutil.rmtree(self.folder, ignore_errors=True)


def missing_message() -> str:
    return ("PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb): install "
            "Debian's `postgresql` package (`make system-deps` does) to run the shared-library "
            "tests")
