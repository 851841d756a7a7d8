"""Fault injection: killed processes, damaged and future databases, a locked
database, a full disk, and bad input files. Each case asserts the clear error
and that nothing saved was lost or changed."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from annotator.core.errors import ExportError, LibraryError
from annotator.core.library import Library
from annotator.core.model import Verdict
from tests.conftest import ROOT, SAMPLE, run_cli

KILL_TRIALS = 25

WRITER = textwrap.dedent("""
    import sys
    from annotator.core.library import Library
    library = Library.open(sys.argv[1], backup=False)
    ids = [c.id for c in library.claims()]
    verdicts = ["verified", "disputed", "unsourced", "unreviewed"]
    n = 0
    while True:
        claim_id = ids[n % len(ids)]
        verdict = verdicts[n % 4]
        note = f"edit {n} " + "x" * (n % 500)
        library.set_verdict(claim_id, verdict, note=note, by="killer")
        print(f"ACK {n} {claim_id} {verdict}", flush=True)  # acknowledged = committed
        n += 1
""")


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory, detector, sample_text):
    path = tmp_path_factory.mktemp("seed") / "seed.sqlite"
    with Library.open(path, create=True) as library:
        library.add_article("Sample", sample_text, detector.detect(sample_text), str(SAMPLE))
    return path


def test_sigkill_during_writes_loses_nothing_acknowledged(seeded_db, tmp_path):
    """Kill a writer at random moments; every acknowledged edit must be there."""
    rng = random.Random(20261125)
    lost = 0
    for trial in range(KILL_TRIALS):
        db = tmp_path / f"kill{trial}.sqlite"
        db.write_bytes(seeded_db.read_bytes())
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT)
        acks: dict[int, tuple[str, str]] = {}  # claim id -> last acknowledged edit
        wanted = rng.randint(1, 60)
        for _ in range(wanted):
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            _, n, claim_id, verdict = line.split()
            acks[int(claim_id)] = (verdict, n)
        time.sleep(rng.random() * 0.02)  # land somewhere inside the next write
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        # Edits acknowledged after our last read are fine too; read what is on disk.
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for claim_id, (verdict, n) in acks.items():
            row = conn.execute("SELECT verdict, note FROM claims WHERE id = ?", [claim_id]).fetchone()
            latest = conn.execute("SELECT MAX(id) FROM history WHERE claim_id = ?", [claim_id]).fetchone()
            if latest[0] is None:
                lost += 1
                continue
            # The claim holds our acknowledged edit or a later one, never an older one.
            edit_no = int(row[1].split()[1])
            if edit_no < int(n):
                lost += 1
        conn.close()
    assert lost == 0


def test_sigkill_of_cli_mark_commands(seeded_db, tmp_path):
    db = tmp_path / "cli.sqlite"
    db.write_bytes(seeded_db.read_bytes())
    claim_id = sqlite3.connect(db).execute("SELECT MIN(id) FROM claims").fetchone()[0]
    rng = random.Random(7)
    for trial in range(10):
        proc = subprocess.Popen([sys.executable, "-m", "annotator", "mark", str(claim_id),
                                 "disputed", "--note", f"trial {trial}", "--db", str(db)],
                                cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(rng.random() * 0.6)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        verdict, note = conn.execute("SELECT verdict, note FROM claims WHERE id = ?",
                                     [claim_id]).fetchone()
        # Either the whole edit landed (verdict and note together) or none of it.
        assert (verdict, note.startswith("trial")) in {("disputed", True), ("unreviewed", False)}
        conn.close()


def test_corrupt_database_is_refused_unchanged(seeded_db, tmp_path):
    db = tmp_path / "corrupt.sqlite"
    data = bytearray(seeded_db.read_bytes())
    data[100:4096] = b"\x00\xff" * ((4096 - 100) // 2)  # wreck the schema page
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    result = run_cli("claims", "--db", str(db))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "damaged" in result.stderr or "not an annotator library" in result.stderr
    assert db.read_bytes() == before


def test_future_database_is_refused_unchanged(seeded_db, tmp_path):
    db = tmp_path / "future.sqlite"
    db.write_bytes(seeded_db.read_bytes())
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    for args in (["claims"], ["mark", "1", "verified"], ["import", str(SAMPLE)]):
        result = run_cli(*args, "--db", str(db))
        assert result.returncode != 0 and "newer version" in result.stderr
        assert "Traceback" not in result.stderr
    assert db.read_bytes() == before


def test_locked_database_gives_busy_and_no_false_success(seeded_db, tmp_path):
    db = tmp_path / "locked.sqlite"
    db.write_bytes(seeded_db.read_bytes())
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN EXCLUSIVE")
    started = time.monotonic()
    result = run_cli("mark", "1", "verified", "--db", str(db))
    elapsed = time.monotonic() - started
    conn.execute("ROLLBACK")
    assert result.returncode == 3, result.stderr
    assert "busy" in result.stderr and "Traceback" not in result.stderr
    assert elapsed < 20
    assert conn.execute("SELECT verdict FROM claims WHERE id = 1").fetchone()[0] == "unreviewed"


def test_full_disk_while_saving_keeps_earlier_work(seeded_db, tmp_path):
    db = tmp_path / "full.sqlite"
    db.write_bytes(seeded_db.read_bytes())
    with Library.open(db, backup=False) as library:
        claim_id = library.claims()[0].id
        library.set_verdict(claim_id, Verdict.VERIFIED, note="saved before the disk filled")
        pages = library.conn.execute("PRAGMA page_count").fetchone()[0]
        library.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLITE_FULL from here on
        with pytest.raises(LibraryError, match="full"):
            library.set_verdict(claim_id, Verdict.DISPUTED, note="y" * 2_000_000)
        assert library.claim(claim_id).verdict is Verdict.VERIFIED
    with Library.open(db, backup=False) as library:
        claim = library.claim(claim_id)
        assert (claim.verdict, claim.note) == (Verdict.VERIFIED, "saved before the disk filled")
        assert library.integrity_check() == "ok"


def test_full_disk_during_export_leaves_old_file(sample_library, tmp_path, monkeypatch):
    from annotator.core.export.csv_export import write_csv

    library, article = sample_library
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "claims.csv"
    target.write_text("previous export\n")
    real_fsync = os.fsync

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ExportError, match="No space left"):
        write_csv(library.snapshot(article.id), target)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert target.read_text() == "previous export\n"
    assert [p.name for p in folder.iterdir()] == ["claims.csv"]


def test_really_full_filesystem(tmp_path, seeded_db):
    """A 2 MB tmpfs, when this machine lets us mount one (root in CI)."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        db = mount / "lib.sqlite"
        db.write_bytes(seeded_db.read_bytes())
        filler = mount / "filler"
        with open(filler, "wb") as fh:
            try:
                while True:
                    fh.write(b"\0" * 65536)
                    fh.flush()
            except OSError:
                pass
        result = run_cli("mark", "1", "disputed", "--note", "z" * 100_000, "--db", str(db))
        assert result.returncode != 0 and "Traceback" not in result.stderr
        out = run_cli("export", "--csv", str(mount / "out.csv"), "--db", str(db))
        assert out.returncode != 0 and "Traceback" not in out.stderr
        assert not (mount / "out.csv").exists()
        filler.unlink()
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


BAD_FILES = {
    "empty.txt": b"",
    "binary.txt": os.urandom(4096),
    "notword.docx": b"just some bytes pretending",
    "blank.html": b"<html><body><script>var x=1;</script><nav>Menu</nav></body></html>",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES) + ["missing.txt", "huge.txt"])
def test_bad_files_on_the_command_line(name, tmp_path, seeded_db):
    db = tmp_path / "lib.sqlite"
    db.write_bytes(seeded_db.read_bytes())
    path = tmp_path / name
    if name in BAD_FILES:
        path.write_bytes(BAD_FILES[name])
    elif name == "huge.txt":
        with open(path, "wb") as fh:
            fh.truncate(100 * 1024 * 1024)  # 100 MB, sparse
    before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    # A good file listed after the bad one must not be stored either: all or nothing.
    result = run_cli("import", str(path), str(ROOT / "README.md"), "--db", str(db))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    after = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert after == before


NO_NETWORK = textwrap.dedent("""
    import socket, sys
    events = []
    def caller():
        frame = sys._getframe(2)
        while frame is not None and frame.f_code.co_filename.endswith("socket.py"):
            frame = frame.f_back
        return f"{frame.f_code.co_filename}:{frame.f_code.co_name}" if frame else "?"
    def hook(event, args):
        if not event.startswith("socket."):
            return
        where = caller()
        # urllib3 (imported by trafilatura) checks at import whether IPv6 exists by
        # binding a socket to ::1; it never connects. Everything else counts.
        if where.endswith("connection.py:_has_ipv6") and event in ("socket.__new__", "socket.bind"):
            if event == "socket.bind" and args[1][0] not in ("::1", "127.0.0.1"):
                events.append((event, repr(args)[:80], where))
            return
        if event == "socket.__new__" and args[1] == socket.AF_UNIX:
            return  # local IPC, not the network
        events.append((event, repr(args)[:80], where))
    sys.addaudithook(hook)
    import tempfile, pathlib, json
    from annotator.cli import main
    tmp = pathlib.Path(tempfile.mkdtemp())
    db = str(tmp / "lib.sqlite")
    sample = sys.argv[1]
    assert main(["detect", sample]) == 0
    assert main(["import", sample, "--db", db]) == 0
    assert main(["mark", "1", "verified", "--note", "n", "--evidence", "https://example.org", "--db", db]) == 0
    for flag, out in (("--csv", "a.csv"), ("--report", "r.html"), ("--report", "r.pdf"),
                      ("--claimreview", "c.json"), ("--w3c", "w.json")):
        assert main(["export", flag, str(tmp / out), "--db", db]) == 0
    html = tmp / "page.html"
    html.write_text("<html><head><link rel=stylesheet href='http://example.com/x.css'></head><body>"
                    "<article><p>The council spent 3 million pounds on roads in 2020, a source said."
                    "</p><img src='http://example.com/a.png'></article></body></html>")
    assert main(["import", str(html), "--db", db]) == 0
    from PySide6.QtWidgets import QApplication
    from PySide6.QtTest import QTest
    app = QApplication([])
    from annotator.gui import create_window
    win = create_window(db_path=db, paths=[sample])
    win.show()
    import time
    for _ in range(1200):
        app.processEvents()
        time.sleep(0.025)  # not QTest.qWait: it keeps the GIL from the worker thread
        if win._article_id and not win.session.analysing and not win.session.tasks.active:
            break
    assert win._article_id, "the GUI did not analyse the sample"
    win.session.tasks.wait(20000)
    print("QtNetwork" if "PySide6.QtNetwork" in sys.modules else "no QtNetwork")
    print("EVENTS", json.dumps(events))
""")


def test_no_network_connection_during_a_full_run(sample_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", NO_NETWORK, str(sample_path)],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.strip().splitlines()
    assert "no QtNetwork" in lines
    events = json.loads(lines[-1].split(" ", 1)[1])
    assert events == []
