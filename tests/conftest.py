"""Shared fixtures. Every test runs with its own settings, data and config
folders, so nothing touches the user's real library or QSettings."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

_HOME = Path(tempfile.mkdtemp(prefix="annotator-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["ANNOTATOR_SETTINGS"] = str(_HOME / "settings.json")
os.environ["ANNOTATOR_CHECKER"] = "Test Checker"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("ANNOTATOR_DB", None)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "royal-reconciliation.txt"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def detector():
    """The real detector (spaCy pipeline + trained model), loaded once."""
    from annotator.core.nlp.detector import Detector

    d = Detector()
    d.warm_up()
    return d


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "library.sqlite"


# ------------------------------------------------------------- two engines
# Tests of the library, the command line and the exports (tests/core, tests/cli) that
# use `fresh_db`, `sample_library` or `db_target` run on both storage engines: a SQLite
# file and a PostgreSQL server this test session starts itself (tests/pg.py). Tests
# about the SQLite file itself (WAL, read-only files, backups, damage) carry
# `@pytest.mark.sqlite_only`; everything else (the GUI, fault injection) uses a file.
ENGINES = ("sqlite", "postgresql")
_BOTH_ENGINES = ("tests/core/", "tests/cli/")


def pytest_generate_tests(metafunc):
    if "engine" not in metafunc.fixturenames:
        return
    where = Path(str(metafunc.definition.fspath)).resolve().relative_to(ROOT).as_posix()
    both = (where.startswith(_BOTH_ENGINES)
            and metafunc.definition.get_closest_marker("sqlite_only") is None)
    metafunc.parametrize("engine", ENGINES if both else ENGINES[:1], indirect=True)


@pytest.fixture(scope="session")
def engine(request) -> str:
    """"sqlite" or "postgresql" (session-scoped, so module fixtures can use it too)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for this test session (started on first use)."""
    from tests.pg import PgServer, find_bin_dir, missing_message

    bin_dir = find_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail(missing_message(), pytrace=False)
        pytest.skip(missing_message())
    server = PgServer(bin_dir)
    try:
        server.start()
        server.make_template()
    except BaseException:
        server.stop()
        raise
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server):
    """A fresh database holding an empty library, dropped after the test."""
    url = pg_server.new_database()
    yield url
    pg_server.drop_database(url)


@pytest.fixture(scope="session")
def new_db_target(request):
    """make(engine, path) -> where a new library can be made: the file path for SQLite,
    or the URL of a new, empty database (no tables yet) for PostgreSQL."""
    def make(engine: str, path: Path) -> str:
        if engine == "sqlite":
            return str(path)
        return request.getfixturevalue("pg_server").new_database(empty=True)

    return make


@pytest.fixture
def db_target(engine, db_path, request):
    """What `--db` takes for this engine: a file path, or a PostgreSQL URL."""
    if engine == "sqlite":
        return str(db_path)
    return request.getfixturevalue("pg_url")


@pytest.fixture
def fresh_db(db_target):
    from annotator.core.library import Library

    library = Library.open(db_target, create=True)
    yield library
    library.close()


@pytest.fixture(scope="session")
def sample_units(detector, sample_text):
    return detector.detect(sample_text)


@pytest.fixture
def sample_library(fresh_db, sample_text, sample_units, sample_path):
    """A library holding the sample article with its detected claims."""
    article, _ = fresh_db.add_article("Sample", sample_text, sample_units, str(sample_path))
    return fresh_db, article


def run_cli(*args: str, env: dict | None = None, input_text: str | None = None):
    """Run `python -m annotator ARGS` in a subprocess; return CompletedProcess."""
    import subprocess

    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True,
                          text=True, env=full_env, cwd=ROOT, input=input_text, timeout=300)
