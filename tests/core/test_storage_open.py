"""Opening a library (issue 17, items 8, 9, 10, 11): read commands never create
one, read-only libraries open read-only, clear messages, stale `.part` files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from annotator.core import storage
from annotator.core.errors import LibraryError
from annotator.core.library import Library
from annotator.core.model import Verdict
from annotator.core.schema import MIGRATIONS, SCHEMA_VERSION
from tests.conftest import ROOT, run_cli


pytestmark = pytest.mark.sqlite_only  # about the SQLite library file itself


@pytest.fixture
def small_db(tmp_path):
    path = tmp_path / "lib.sqlite"
    with Library.open(path, create=True, backup=False) as library:
        article, _ = library.add_article("T", "The mayor said 5,000 homes were built.\n", [])
        library.add_claim(article.id, 0, 37, by="A")
    return path


# ---------------------------------------------------------------- item 8
@pytest.mark.parametrize("command", [["claims"], ["search", "x"],
                                     ["export", "--report", "REPORT"],
                                     ["export", "--csv", "REPORT"], ["mark", "1", "verified"]])
def test_read_commands_never_create_a_library(tmp_path, command):
    typo = tmp_path / "typo.sqlite"
    report = tmp_path / "x.html"
    args = [str(report) if a == "REPORT" else a for a in command]
    result = run_cli(*args, "--db", str(typo))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "no library at" in result.stderr and str(typo) in result.stderr
    assert not typo.exists() and not report.exists()


def test_dangling_symlink_target_is_never_created(tmp_path):
    link = tmp_path / "link.sqlite"
    link.symlink_to(tmp_path / "elsewhere" / "target.sqlite")
    for create in (False, True):
        with pytest.raises(LibraryError, match="does not exist"):
            Library.open(link, create=create)
    result = run_cli("claims", "--db", str(link))
    assert result.returncode == 1 and "link" in result.stderr
    assert not (tmp_path / "elsewhere").exists()


def test_api_creates_only_when_asked(tmp_path):
    path = tmp_path / "new.sqlite"
    with pytest.raises(LibraryError, match="no library at"):
        Library.open(path)
    assert not path.exists()
    with Library.open(path, create=True) as library:
        assert library.created
    with Library.open(path) as library:
        assert not library.created


def test_empty_file_is_not_a_library(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    with pytest.raises(LibraryError, match="empty file"):
        Library.open(path)


# ---------------------------------------------------------------- item 10
def test_read_only_library_reads_and_refuses_writes(small_db, monkeypatch):
    monkeypatch.setattr(storage, "_writable", lambda path: False)
    before = small_db.read_bytes()
    with Library.open(small_db) as library:
        assert library.read_only
        claim = library.claims(include_all_units=True)[0]
        assert library.search("mayor")
        assert library.snapshot().claims
        with pytest.raises(LibraryError, match="read-only"):
            library.set_verdict(claim.id, Verdict.VERIFIED)
        assert library.claim(claim.id).verdict is Verdict.UNREVIEWED
    assert small_db.read_bytes() == before


def test_library_on_read_only_media(small_db, tmp_path):
    """A real read-only mount (root in CI): claims, search and export work."""
    mount = tmp_path / "ro"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        db = mount / "lib.sqlite"
        db.write_bytes(small_db.read_bytes())
        assert subprocess.run(["mount", "-o", "remount,ro", str(mount)]).returncode == 0
        out = tmp_path / "out.csv"
        for args in (["claims", "--all"], ["search", "mayor"], ["export", "--csv", str(out)]):
            result = run_cli(*args, "--db", str(db))
            assert result.returncode == 0, result.stderr
        assert "mayor" in out.read_text()
        result = run_cli("mark", "1", "verified", "--db", str(db))
        assert result.returncode == 1 and "read-only" in result.stderr
        assert "Traceback" not in result.stderr
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


# ---------------------------------------------------------------- item 9
@pytest.mark.parametrize("version", [1, SCHEMA_VERSION, SCHEMA_VERSION + 1, 99])
def test_another_programs_database_is_named_so(tmp_path, version):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance REAL)")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    result = run_cli("claims", "--db", str(path))
    assert result.returncode == 1
    assert "another program" in result.stderr and "newer version" not in result.stderr
    assert path.read_bytes() == before


MIGRATE = textwrap.dedent("""
    import sys, time
    from annotator.core import storage
    from annotator.core.library import Library
    if sys.argv[3] == "slow":  # a large library: its migration holds the lock for seconds
        real = storage.backfill_after_migration
        def slow(conn, number):
            time.sleep(4)
            real(conn, number)
        storage.backfill_after_migration = slow
    start = float(sys.argv[2])
    while time.time() < start:
        pass
    with Library.open(sys.argv[1], backup=False) as library:
        print(library.schema_version, len(library.claims(include_all_units=True)))
""")


def test_two_processes_migrating_a_version_1_library_at_once(tmp_path):
    for trial in range(2):
        path = tmp_path / f"v1-{trial}.sqlite"
        conn = sqlite3.connect(path)
        conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
        conn.execute("INSERT INTO articles (title, text, sha256, imported_at) "
                     "VALUES ('T', 'Some text here.', 'x', 'now')")
        conn.execute("INSERT INTO claims (article_id, start, \"end\", text, created_at, "
                     "updated_at) VALUES (1, 0, 4, 'Some', 'now', 'now')")
        conn.commit()
        conn.close()
        start = time.time() + 1.5  # both processes start migrating at the same moment
        speeds = ("slow", "fast") if trial == 0 else ("fast", "fast")
        # The slow one takes the lock first; the other one must wait for it, not fail.
        procs = [subprocess.Popen([sys.executable, "-c", MIGRATE, str(path),
                                   str(start - (0.5 if speed == "slow" else 0)), speed],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for speed in speeds]
        for proc in procs:
            out, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
            assert out.split() == [str(SCHEMA_VERSION), "1"]


def test_bad_offsets_in_an_annotation_file_are_clear(small_db, tmp_path):
    for name, start in (("digits", "9" * 5000), ("superscript", '"\u00b2"'),
                        ("negative", "-" + "9" * 5000), ("huge", "1" + "0" * 20)):
        path = tmp_path / f"{name}.json"
        path.write_text('{"type": "Annotation", "body": {"purpose": "assessing", "value": '
                        '"verified"}, "target": {"source": "urn:x", "selector": {"type": '
                        f'"TextPositionSelector", "start": {start}, "end": 3}}}}}}',
                        encoding="utf-8")
        result = run_cli("import-annotations", str(path), "--db", str(small_db))
        assert result.returncode == 1, (name, result.stderr)
        assert "not a valid Web Annotation file" in result.stderr
        assert "internal error" not in result.stderr and len(result.stderr.splitlines()) == 1


# ---------------------------------------------------------------- item 11
def test_stale_part_files_are_removed_on_the_next_run(small_db, tmp_path):
    from annotator.core.export.csv_export import write_csv

    backups = small_db.parent / ".annotator-backups"
    backups.mkdir()
    stale_backup = backups / "lib-20260101T000000Z.part"
    fresh_backup = backups / "lib-20260102T000000Z.part"
    target = tmp_path / "claims.csv"
    stale_export = tmp_path / ".claims.csv.k1ll3d.part"
    other_export = tmp_path / ".other.csv.k1ll3d.part"
    for part in (stale_backup, fresh_backup, stale_export, other_export):
        part.write_bytes(b"half written")
    old = time.time() - 2 * 3600
    for part in (stale_backup, stale_export, other_export):
        os.utime(part, (old, old))
    with Library.open(small_db, backup=False) as library:
        write_csv(library.snapshot(), target)
    assert not stale_backup.exists() and fresh_backup.exists()  # a live backup is left alone
    assert not stale_export.exists() and target.exists()
    assert other_export.exists()  # another target's leftovers go with its own next export
